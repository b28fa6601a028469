//! The second round of data pages: unit and pillar pages, free-text partners,
//! the data block of document pages, chart embeds, `minhbach new dataset`, open
//! data that reads back, data pages in the page's language, a portable site
//! under a sub-path.

use crate::common::{LinkCheck, assert_links_resolve, html_unescape};
use crate::{example_site, small_site};

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
