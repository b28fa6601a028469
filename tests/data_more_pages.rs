//! End-to-end tests of the second round of data pages: Markdown chart
//! shortcodes, unit and pillar pages, the data block of document pages,
//! weekly bulletins, standalone chart embeds and `minhbach new dataset`.
//! Most run on a copy of the repository's example site.

mod common;

use std::path::Path;

use common::{LinkCheck, Site, assert_links_resolve, copy_dir, html_unescape};

const BASE: &str = "http://localhost:8080/chuyen-doi-so/";

fn example_site() -> Site {
    let site = Site::empty();
    // The data-rich demo frozen from the round-2 example (many kinds, many units);
    // the published example sites live at the repository root and in vi-du/.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data-demo");
    std::fs::create_dir_all(&site.root).unwrap();
    std::fs::copy(repo.join("minhbach.toml"), site.path("minhbach.toml")).unwrap();
    copy_dir(&repo.join("content"), &site.path("content"));
    site
}

/// A one-target, one-task site whose `extra` post body is written by the test.
fn small_site(post_body: &str) -> Site {
    let site = Site::empty();
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n",
    );
    site.write("content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n");
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/2026-11-02-bai.md",
        format!("+++\ntitle = \"Bài có biểu đồ\"\n+++\n\nĐoạn đầu.\n\n{post_body}\n"),
    );
    site.write(
        "content/du-lieu/chi-tieu.csv",
        "Mã,Trụ cột,Chỉ tiêu,Đơn vị tính,So sánh,Mục tiêu,Đơn vị chủ trì\n\
         CT-01,Chính quyền số,Tỷ lệ hồ sơ trực tuyến <b>toàn trình</b>,%,tối thiểu,80,Phòng Văn hóa\n",
    );
    site.write(
        "content/du-lieu/ket-qua.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nCT-01,Quý II/2026,70\nCT-01,Quý III/2026,85\n",
    );
    site.write(
        "content/du-lieu/nhiem-vu.csv",
        "Mã,Nhiệm vụ,Trụ cột,Đơn vị chủ trì,Thời hạn,Trạng thái,Ngày hoàn thành\n\
         NV-01,Số hóa hồ sơ,Chính quyền số,Phòng Văn hóa,30/09/2026,đang thực hiện,\n\
         NV-02,Mở lớp tập huấn,Chính quyền số,Phòng Văn hóa,31/12/2026,hoàn thành,04/11/2026\n\
         NV-03,Lắp wifi,Hạ tầng số,Văn phòng,20/11/2026,đang thực hiện,\n",
    );
    site
}

#[test]
fn shortcodes_draw_charts_in_posts() {
    let site = example_site();
    site.build_ok(&[]);
    let post = html_unescape(&site.read_out("tin-tuc/kiem-diem-tien-do-quy-iii-2026/index.html"));
    // The three shortcodes of the example post: a target's history, a
    // pillar's targets and a unit's tasks, each a figure with its table.
    assert_eq!(post.matches("<figure class=\"chart-figure\">").count(), 3);
    assert!(post.contains("Kết quả chỉ tiêu ST26-05 qua các kỳ</title>"));
    assert!(post.contains("Kết quả chỉ tiêu trụ cột Xã hội số</title>"));
    assert!(post.contains("Tình trạng nhiệm vụ do Phòng Văn hóa - Xã hội chủ trì</title>"));
    assert!(post.contains("href=\"../../chi-tieu/st26-05/\""));
    assert!(post.contains("href=\"../../tru-cot/xa-hoi-so/\""));
    assert!(post.contains("href=\"../../don-vi/phong-van-hoa-xa-hoi/\""));
    assert!(post.contains(&format!("<iframe src=\"{BASE}bieu-do/lich-su-st26-05/\"")));
    assert!(!post.contains("{{"), "a shortcode was left in the page");
    assert!(!post.contains("MINHBACHSHORTCODE"));
}

#[test]
fn shortcode_english_alias_and_escaping() {
    let site =
        small_site("{{ target_chart(id=\"CT-01\") }}\n\n{{ unit_tasks(unit=\"phong van hoa\") }}");
    site.build_ok(&[]);
    let post = site.read_out("tin-tuc/bai/index.html");
    assert_eq!(post.matches("<figure class=\"chart-figure\">").count(), 2);
    assert!(post.contains("role=\"img\""));
    // The statement's markup is text, never HTML.
    assert!(!post.contains("<b>toàn trình</b>"));
    assert!(
        post.contains("&lt;b&gt;toàn trình&lt;&#x2F;b&gt;")
            || post.contains("&lt;b&gt;toàn trình&lt;/b&gt;")
    );
    assert!(post.contains("Số hóa hồ sơ"));
}

#[test]
fn shortcode_errors_name_the_line_and_the_nearest_name() {
    let site = small_site(
        "{{ bieu_do_chi_tieux(ma=\"CT-01\") }}\n\n{{ bieu_do_chi_tieu(ma=\"CT-1\") }}\n\n{{ bieu_do_tru_cot(tru_cot=\"Chinh quyen so\", loai=\"x\") }}\n\n{{ nhiem_vu_don_vi(don_vi=\"Phòng Văn hoá\") }}\n\n{{ bieu_do_tru_cot(tru_cot=\"Kinh tế số\") }}",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "content/tin-tuc/2026-11-02-bai.md:7",
        "không có mã chèn “bieu_do_chi_tieux”; có phải ý bạn là “bieu_do_chi_tieu”?",
        "content/tin-tuc/2026-11-02-bai.md:9",
        "không có chỉ tiêu mã “CT-1”; có phải ý bạn là “CT-01”?",
        "content/tin-tuc/2026-11-02-bai.md:11",
        "không có tham số “loai”",
        "content/tin-tuc/2026-11-02-bai.md:15",
        "không có trụ cột “Kinh tế số”",
    ]);
    assert!(!site.out("index.html").exists());
}

#[test]
fn shortcode_without_data_is_an_error() {
    let site = small_site("{{ bieu_do_tru_cot() }}");
    std::fs::remove_dir_all(site.path("content/du-lieu")).unwrap();
    site.build(&[])
        .assert_code(1)
        .assert_stderr_has(&["2026-11-02-bai.md:7", "chưa có tệp dữ liệu"]);
}

#[test]
fn unit_and_pillar_pages() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    let units = site.read_out("don-vi/index.html");
    assert!(units.contains("href=\"../don-vi/phong-van-hoa/\""));
    assert!(units.contains("href=\"../don-vi/van-phong/\""));
    let unit = html_unescape(&site.read_out("don-vi/phong-van-hoa/index.html"));
    assert!(unit.contains("<h1>Phòng Văn hóa</h1>"));
    assert!(unit.contains("chủ trì 2 nhiệm vụ (1 quá hạn)"), "{unit}");
    assert!(unit.contains("phụ trách 1 chỉ tiêu"));
    assert!(unit.contains("Tình trạng nhiệm vụ do Phòng Văn hóa chủ trì</title>"));
    assert!(unit.contains("<h2>Nhiệm vụ quá hạn</h2>"));
    assert!(unit.contains("Số hóa hồ sơ"));
    assert!(!unit.contains("Lắp wifi"), "another unit's task");
    assert!(unit.contains("href=\"../../chi-tieu/ct-01/\""));

    let pillars = site.read_out("tru-cot/index.html");
    assert!(pillars.contains("href=\"../tru-cot/chinh-quyen-so/\""));
    assert!(pillars.contains("href=\"../tru-cot/ha-tang-so/\""));
    let pillar = html_unescape(&site.read_out("tru-cot/chinh-quyen-so/index.html"));
    assert!(pillar.contains("<h1>Trụ cột Chính quyền số</h1>"));
    assert!(pillar.contains("1 chỉ tiêu (1 đã đạt), 2 nhiệm vụ"));
    assert!(!pillar.contains("Lắp wifi"));

    // Tables elsewhere link the lead unit and the pillar.
    let tasks = site.read_out("nhiem-vu/index.html");
    assert!(tasks.contains("<a href=\"../don-vi/phong-van-hoa/\">Phòng Văn hóa</a>"));
    let targets = site.read_out("chi-tieu/index.html");
    assert!(targets.contains("<a href=\"../tru-cot/chinh-quyen-so/\">Chính quyền số</a>"));
    let home = site.read_out("index.html");
    assert!(home.contains("href=\"don-vi/\"") && home.contains("href=\"tru-cot/\""));
    assert_links_resolve(
        &site.out(""),
        &LinkCheck {
            base_url: "https://vi-du.gov.vn/cds/",
            portable: false,
        },
    );
}

#[test]
fn free_text_partners_get_no_unit_page() {
    let site = small_site("Không có biểu đồ.");
    // "van phong" (folded) names the lead unit "Văn phòng"; "Công an phường"
    // and "các tổ công nghệ số" are named nowhere else.
    site.write(
        "content/du-lieu/nhiem-vu.csv",
        "Mã,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn\n\
         NV-01,Số hóa hồ sơ,Phòng Văn hóa,van phong; Công an phường,30/12/2026\n\
         NV-02,Lắp wifi,Văn phòng,các tổ công nghệ số,30/12/2026\n",
    );
    site.build_ok(&[]);
    assert!(site.out("don-vi/van-phong/index.html").is_file());
    assert!(!site.out("don-vi/cong-an-phuong").exists());
    assert!(!site.out("don-vi/cac-to-cong-nghe-so").exists());
    let tasks = html_unescape(&site.read_out("nhiem-vu/index.html"));
    assert!(
        tasks.contains("<td data-label=\"Phối hợp\"><a href=\"../don-vi/van-phong/\">van phong</a>, Công an phường</td>"),
        "{tasks}"
    );
    let unit = html_unescape(&site.read_out("don-vi/van-phong/index.html"));
    assert!(unit.contains("phối hợp thực hiện 1 nhiệm vụ"), "{unit}");
    let units = html_unescape(&site.read_out("don-vi/index.html"));
    assert!(!units.contains("Công an phường"));
}

#[test]
fn document_page_lists_its_targets_and_tasks() {
    let site = example_site();
    site.build_ok(&[]);
    let doc = html_unescape(&site.read_out("van-ban/ke-hoach-1126-kh-ubnd/index.html"));
    assert!(doc.contains("Chỉ tiêu và nhiệm vụ của văn bản"));
    assert!(doc.contains(">ST26-01</a>"));
    assert!(doc.contains("Kết quả thực hiện chỉ tiêu của văn bản 1126/KH-UBND</title>"));
    // A document no data row names has no block.
    let other = site.read_out("van-ban/chi-thi-23-ct-tu/index.html");
    assert!(!other.contains("Chỉ tiêu và nhiệm vụ của văn bản"));
}

#[test]
fn weekly_bulletins_are_news_posts() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    // Week 45/2026 (02–08/11): the post of 02/11 and the task completed on
    // 04/11. Week 47 (16–22/11): NV-03 overdue since 21/11. The current
    // week 48 (build date 25/11) has no bulletin yet.
    let w45 = html_unescape(&site.read_out("ban-tin/tuan-45-2026/index.html"));
    assert!(w45.contains("<h1>Bản tin chuyển đổi số tuần 45/2026</h1>"));
    assert!(w45.contains("từ 02/11/2026 đến 08/11/2026"));
    assert!(w45.contains("href=\"../../tin-tuc/bai/\""));
    assert!(w45.contains("NV-02 – Mở lớp tập huấn"));
    assert!(w45.contains("datetime=\"2026-11-08\""));
    let w47 = html_unescape(&site.read_out("ban-tin/tuan-47-2026/index.html"));
    assert!(w47.contains("Nhiệm vụ mới hết hạn chưa báo cáo hoàn thành"));
    assert!(w47.contains("NV-03 – Lắp wifi"));
    // NV-01 became overdue on 01/10/2026 (week 40); results of Quý III end
    // on 30/09 (week 40 too) — before the site's first post (week 45), so
    // no bulletin by default; `[bulletin] since` moves the start.
    assert!(!site.out("ban-tin/tuan-40-2026").exists());
    assert!(!site.out("ban-tin/tuan-48-2026").exists());
    let config = "title = \"Thử\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n";
    site.write(
        "minhbach.toml",
        format!("{config}[bulletin]\nsince = \"28/09/2026\"\n"),
    );
    site.build_ok(&[]);
    let w40 = html_unescape(&site.read_out("ban-tin/tuan-40-2026/index.html"));
    assert!(
        w40.contains("NV-01 – Số hóa hồ sơ") && w40.contains("85\u{a0}%"),
        "{w40}"
    );
    assert!(!site.out("ban-tin/tuan-39-2026").exists());

    // Bulletins have their own list and feeds; the news list, its feed, the
    // month archive, the home page's latest news and a post's previous/next
    // show only posts written by people, and link the bulletins once.
    let list = html_unescape(&site.read_out("tin-tuc/index.html"));
    assert!(!list.contains("Bản tin chuyển đổi số tuần"), "{list}");
    assert_eq!(
        list.matches("Bản tin tuần: xem tất cả").count(),
        1,
        "{list}"
    );
    assert!(list.contains("<a href=\"../ban-tin/\">Bản tin tuần: xem tất cả</a>"));
    for path in [
        "tin-tuc/atom.xml",
        "tin-tuc/feed.json",
        "tin-tuc/thang/2026-11/index.html",
        "index.html",
        "tin-tuc/bai/index.html",
    ] {
        let text = site.read_out(path);
        assert!(!text.contains("ban-tin/tuan-"), "{path}: {text}");
    }
    assert!(
        site.read_out("index.html")
            .contains("Bản tin tuần: xem tất cả")
    );
    let feed = site.read_out("ban-tin/atom.xml");
    assert!(feed.contains("<title>Bản tin chuyển đổi số tuần 47/2026</title>"));
    assert!(feed.contains("https://vi-du.gov.vn/cds/ban-tin/tuan-47-2026/"));
    assert!(
        !feed.contains("2026-11-29"),
        "no bulletin dated after the build"
    );
    assert!(site.read_out("ban-tin/feed.json").contains("tuan-47-2026"));
    // Previous/next of a bulletin lead to bulletins.
    let w47 = site.read_out("ban-tin/tuan-47-2026/index.html");
    assert!(w47.contains("ban-tin/tuan-45-2026/"), "{w47}");
    let section = site.read_out("ban-tin/index.html");
    assert!(section.contains("Bản tin chuyển đổi số hằng tuần"));
    assert!(section.find("tuần 47/2026").unwrap() < section.find("tuần 45/2026").unwrap());
    assert!(
        site.read_out("sitemap.xml")
            .contains("ban-tin/tuan-45-2026/")
    );

    // A post in week 48 (23–29/11): no bulletin while the week runs, even
    // on its Sunday; the build on Monday publishes it.
    site.write(
        "content/tin-tuc/2026-11-24-bai-tuan-48.md",
        "+++\ntitle = \"Bài tuần 48\"\n+++\n\nNội dung.\n",
    );
    let root = site.root.to_str().unwrap().to_owned();
    let build_on = |date: &str| {
        site.run(&["build", "--root", &root, "--date", date])
            .assert_ok();
    };
    build_on("2026-11-29");
    assert!(!site.out("ban-tin/tuan-48-2026").exists());
    // A week whose only event is one post gets no bulletin: the post says it.
    build_on("2026-11-30");
    assert!(!site.out("ban-tin/tuan-48-2026").exists());
    site.write(
        "content/tin-tuc/2026-11-26-bai-hai.md",
        "+++\ntitle = \"Bài thứ hai tuần 48\"\n+++\n\nNội dung.\n",
    );
    build_on("2026-11-30");
    let w48 = html_unescape(&site.read_out("ban-tin/tuan-48-2026/index.html"));
    assert!(w48.contains("Bài tuần 48") && w48.contains("Bài thứ hai tuần 48"));
}

#[test]
fn codes_in_tables_do_not_wrap_mid_token() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    let tasks = site.read_out("nhiem-vu/index.html");
    assert!(
        tasks.contains("<td class=\"ma card-key\" data-label=\"Mã\">NV-01</td>"),
        "{tasks}"
    );
    let targets = site.read_out("chi-tieu/index.html");
    assert!(
        targets.contains("<a class=\"ma\" href=\"../chi-tieu/ct-01/\">CT-01</a></td>"),
        "{targets}"
    );
    // The class is the theme's (strict CSP: no inline style).
    let css = site.read_out("style.css");
    assert!(css.contains(".ma{white-space:nowrap}"));
}

#[test]
fn bulletins_can_be_turned_off() {
    let site = small_site("Không có biểu đồ.");
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n[bulletin]\nenabled = false\n",
    );
    site.build_ok(&[]);
    assert!(!site.out("ban-tin").exists());
    assert!(!site.read_out("tin-tuc/atom.xml").contains("Bản tin"));
    // A misspelt key is an error with the nearest key.
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\n[bulletin]\nenable = false\n",
    );
    site.check(&[]).assert_code(1).assert_stderr_has(&[
        "khoá “enable” không có trong mục [bulletin]",
        "có phải ý bạn là “enabled”?",
    ]);
}

#[test]
fn example_site_bulletins_start_with_the_site_and_are_paginated() {
    let site = example_site();
    // Two bulletins a list page, set by the site's own intro page.
    site.write(
        "content/ban-tin/_index.md",
        "+++\ntitle = \"Bản tin tuần\"\npaginate_by = 2\n+++\n\nBản tin mỗi tuần.\n",
    );
    site.build_ok(&[]);
    let mut weeks: Vec<String> = std::fs::read_dir(site.out("ban-tin"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("tuan-"))
        .collect();
    weeks.sort();
    // Weeks whose only event is one news post have no bulletin; the three
    // weeks left have documents, results or tasks.
    assert_eq!(weeks, ["tuan-27-2026", "tuan-40-2026", "tuan-41-2026"]);
    assert!(
        weeks.iter().all(|w| w.ends_with("-2026")),
        "no bulletin before the first news post (June 2026): {weeks:?}"
    );
    // 2 per page, newest first, pager links.
    let first = site.read_out("ban-tin/index.html");
    assert!(first.contains("Bản tin mỗi tuần."));
    assert_eq!(first.matches("class=\"card-title\"").count(), 2);
    assert!(first.contains("tuần 41/2026") && !first.contains("tuần 27/2026"));
    assert!(
        first.contains("href=\"../ban-tin/trang/2/\" rel=\"next\""),
        "{first}"
    );
    let last = site.read_out("ban-tin/trang/2/index.html");
    assert!(last.contains("tuần 27/2026"));
}

#[test]
fn charts_are_published_for_embedding() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    let page = html_unescape(&site.read_out("chi-tieu/ct-01/index.html"));
    // The copyable snippet with absolute URLs, inside <details>.
    assert!(page.contains("<details class=\"chart-embed\"><summary>Nhúng biểu đồ"));
    assert!(page.contains("<iframe src=\"https://vi-du.gov.vn/cds/bieu-do/lich-su-ct-01/\""));
    assert!(page.contains("<img src=\"https://vi-du.gov.vn/cds/bieu-do/lich-su-ct-01.svg\""));

    let embed = site.read_out("bieu-do/lich-su-ct-01/index.html");
    assert!(embed.starts_with("<!DOCTYPE html>"));
    assert!(embed.contains("role=\"img\""));
    assert!(embed.contains("Xem bảng số liệu"));
    assert!(!embed.contains("site-header"), "no site chrome");
    assert!(!embed.contains("<script"));
    assert!(embed.contains("href=\"../../chi-tieu/ct-01/\" target=\"_top\""));

    let svg = site.read_out("bieu-do/lich-su-ct-01.svg");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<title") && svg.contains("<desc"));
    // Dashboard and pillar charts too.
    assert!(site.out("bieu-do/tru-cot.svg").is_file());
    assert!(
        site.out("bieu-do/tru-cot-chinh-quyen-so-chi-tieu/index.html")
            .is_file()
    );
}

#[test]
fn new_dataset_writes_templates_and_never_overwrites() {
    let site = small_site("Không có biểu đồ.");
    let root = site.root.to_str().unwrap();
    // One Excel file, no CSV beside it (two files of one kind would
    // duplicate the data).
    let r = site.run(&["new", "dataset", "don-vi", "--root", root]);
    r.assert_ok();
    assert!(r.stderr.contains("Đã tạo tệp mẫu Excel"));
    let xlsx = std::fs::read(site.path("content/du-lieu/don-vi.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "an .xlsx is a zip file");
    assert!(!site.path("content/du-lieu/don-vi.csv").exists());
    // Again, in either format: refused, nothing touched.
    for extra in [&[][..], &["--csv"][..]] {
        let mut args = vec!["new", "dataset", "units", "--root", root];
        args.extend_from_slice(extra);
        site.run(&args)
            .assert_code(1)
            .assert_stderr_has(&["đã có", "không ghi đè"]);
    }
    assert_eq!(
        std::fs::read(site.path("content/du-lieu/don-vi.xlsx")).unwrap(),
        xlsx
    );
    assert!(!site.path("content/du-lieu/don-vi.csv").exists());
    // The Excel template as written is valid data.
    site.build_ok(&[]);
    // English alias and an unknown kind.
    site.run(&["new", "dataset", "budget", "--root", root])
        .assert_ok();
    assert!(site.path("content/du-lieu/kinh-phi.xlsx").is_file());
    site.run(&["new", "dataset", "nhiem-vuu", "--root", root])
        .assert_code(1)
        .assert_stderr_has(&["không có loại dữ liệu “nhiem-vuu”", "“nhiem-vu”"]);
}

#[test]
fn open_data_has_computed_columns_and_reads_back() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    let csv = site.read_out("du-lieu/nhiem-vu.csv");
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",Tình trạng (tính toán),Số ngày quá hạn (tính toán)"),
        "{header}"
    );
    // NV-01 (due 30/09/2026) is 56 days overdue on 25/11/2026.
    assert!(
        csv.lines()
            .any(|l| l.starts_with("NV-01,") && l.ends_with(",Quá hạn,56")),
        "{csv}"
    );
    let targets = site.read_out("du-lieu/chi-tieu.csv");
    assert!(
        targets
            .lines()
            .next()
            .unwrap()
            .contains("Giá trị mới nhất (tính toán)")
    );
    assert!(
        targets
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(",85,2026-Q3,1,Đạt,,không"),
        "{targets}"
    );
    let json = site.read_out("du-lieu/nhiem-vu.json");
    assert!(json.contains("\"computed_state\": \"Quá hạn\""));
    assert!(json.contains("\"days_overdue\": 56"));
    assert!(
        site.read_out("du-lieu/index.html")
            .contains("Số ngày quá hạn (tính toán)")
    );
    // A published file put back as input builds: the computed columns are skipped.
    let published = std::fs::read(site.out("du-lieu/nhiem-vu.csv")).unwrap();
    site.write("content/du-lieu/nhiem-vu.csv", published);
    site.build_ok(&[]);
}

#[test]
fn data_pages_speak_the_page_language() {
    let site = small_site("Không có biểu đồ.");
    // An English home page gets an English dashboard.
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Home\"\nlang = \"en\"\n+++\n",
    );
    // A partial site override of one string.
    site.write("i18n/vi.toml", "targets_title = \"Các chỉ tiêu\"\n");
    site.build_ok(&[]);
    let home = html_unescape(&site.read_out("index.html"));
    assert!(home.contains("<html lang=\"en\">"));
    assert!(
        home.contains(">Digital transformation in figures</h2>"),
        "{home}"
    );
    assert!(home.contains("Targets met") && home.contains("<h3>Overdue tasks</h3>"));
    assert!(home.contains("<summary>Show the data table</summary>"));
    assert!(home.contains("<summary>Embed this chart in another page</summary>"));
    assert!(!home.contains("Nhiệm vụ quá hạn"), "{home}");
    let targets = html_unescape(&site.read_out("chi-tieu/index.html"));
    assert!(targets.contains("<h1>Các chỉ tiêu</h1>"));
    assert!(targets.contains("<th scope=\"col\">Giá trị mới nhất</th>"));

    // A site in English: data pages, badges and bulletins.
    site.remove("i18n/vi.toml");
    site.write(
        "minhbach.toml",
        "title = \"Test\"\nlanguage = \"en\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n",
    );
    site.build_ok(&[]);
    let target = html_unescape(&site.read_out("chi-tieu/ct-01/index.html"));
    assert!(target.contains("<h1>Target CT-01</h1>"), "{target}");
    assert!(target.contains("<dt>Target code</dt>") && target.contains(">Met</span>"));
    assert!(target.contains("<h2>Results by period</h2>"));
    // Its charts too: description, legend, table headers and goal wording.
    assert!(target.contains("<th scope=\"col\">Period</th>"), "{target}");
    // Numbers the English way: no space before "%".
    assert!(
        target.contains("<dt>Goal</dt><dd>at least 80%</dd>"),
        "{target}"
    );
    assert!(target.contains("target: 80%"), "{target}");
    for vietnamese in [
        "chỉ tiêu;",
        "Tình trạng</th>",
        "Mục tiêu:",
        "Kết quả (",
        "tối thiểu",
    ] {
        assert!(!target.contains(vietnamese), "{vietnamese}\n{target}");
    }
    let unit = html_unescape(&site.read_out("don-vi/phong-van-hoa/index.html"));
    assert!(
        unit.contains("Phòng Văn hóa leads 2 tasks (1 overdue)"),
        "{unit}"
    );
    // The goal is worded in English (the Vietnamese site says "tối thiểu 80 %").
    let targets_en = html_unescape(&site.read_out("chi-tieu/index.html")).replace('\u{a0}', " ");
    assert!(
        targets_en.contains("data-label=\"Goal\">at least 80%</td>"),
        "{targets_en}"
    );
    // Task groups are named in English, in the heading and the table's caption.
    let tasks = html_unescape(&site.read_out("nhiem-vu/index.html"));
    assert!(
        tasks.contains("<h2 id=\"qua-han\">Overdue (2)</h2>"),
        "{tasks}"
    );
    assert!(tasks.contains("<caption class=\"visually-hidden\">Overdue</caption>"));
    assert!(!tasks.contains(">Quá hạn ("), "{tasks}");
    let bulletin = html_unescape(&site.read_out("ban-tin/tuan-47-2026/index.html"));
    assert!(bulletin.contains("Digital transformation bulletin, week 47/2026"));
    assert!(bulletin.contains("Tasks newly past deadline, not reported done"));
}

#[test]
fn portable_data_site_under_a_sub_path_has_working_links() {
    let site = example_site();
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write(
        "minhbach.toml",
        cfg.replace("paginate_by = 10", "paginate_by = 10\nportable = true"),
    );
    let base = "https://hatinh.gov.vn/phuong/song-tri/chuyen-doi-so/";
    site.build_ok(&["--base-url", base]);
    let checked = assert_links_resolve(
        &site.out(""),
        &LinkCheck {
            base_url: base,
            portable: true,
        },
    );
    assert!(checked > 1000, "{checked}");
    for dir in ["don-vi", "tru-cot", "bieu-do", "ban-tin"] {
        assert!(site.out(&format!("{dir}/index.html")).is_file() || dir == "bieu-do");
    }
    let tasks = site.read_out("nhiem-vu/index.html");
    assert!(tasks.contains("href=\"../don-vi/phong-van-hoa-xa-hoi/index.html\""));
    let unit = site.read_out("don-vi/phong-van-hoa-xa-hoi/index.html");
    assert!(
        unit.contains("href=\"../../bieu-do/don-vi-phong-van-hoa-xa-hoi-nhiem-vu/index.html\""),
        "{unit}"
    );
    assert!(unit.contains("href=\"../../tru-cot/"));
    // Embed snippets use the full address under the sub-path.
    assert!(unit.contains(&format!(
        "{base}bieu-do/don-vi-phong-van-hoa-xa-hoi-nhiem-vu/"
    )));
    let bulletins = site.read_out("ban-tin/index.html");
    assert!(bulletins.contains("ban-tin/tuan-41-2026/index.html\""));
    let news = site.read_out("tin-tuc/index.html");
    assert!(news.contains("href=\"../ban-tin/index.html\""), "{news}");
    let embed = site.read_out("bieu-do/tru-cot/index.html");
    assert!(embed.contains("index.html\" target=\"_top\""), "{embed}");
}
