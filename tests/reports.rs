//! Periodic reports (`bao-cao/`) end to end: a small site built on the days
//! around a half-year's end (first day, last day, the day after), the
//! officer's commentary merged or warned about, the `[bao_cao]` switches, and
//! the aggregate row of a many-unit site (`tests/fixtures/nhieu-dia-phuong`).

mod common;

use common::Site;

const TOML: &str = "title = \"Chuyển đổi số xã Thử\"\nunit = \"UBND xã Thử\"\nlevel = \"xã\"\nbase_url = \"https://xa-thu.example.vn/cds/\"\n";

/// Tasks around the end of the first half of 2025.
const TASKS: &str = "Mã,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Trạng thái,Ngày hoàn thành
A,Nhiệm vụ hạn cuối kỳ,Văn phòng,30/06/2025,đang thực hiện,
B,Nhiệm vụ xong ngày cuối kỳ,Văn phòng,31/03/2025,hoàn thành,30/06/2025
C,Nhiệm vụ xong ngày đầu kỳ sau,Văn phòng,31/12/2025,hoàn thành,01/07/2025
";

fn site(extra_toml: &str) -> Site {
    let site = Site::empty();
    site.write("minhbach.toml", format!("{TOML}{extra_toml}"));
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Trang chủ\"\n+++\nXin chào.\n",
    );
    site.write("content/du-lieu/nhiem-vu.csv", TASKS);
    site
}

fn build_on(site: &Site, date: &str) -> common::Run {
    let root = site.root.to_str().unwrap();
    let r = site.run(&["build", "--root", root, "--date", date]);
    r.assert_ok();
    r
}

/// A page as text: tags dropped, entities decoded, white space collapsed.
fn text(site: &Site, rel: &str) -> String {
    common::plain_text(&common::html_unescape(&site.read_out(rel)).replace('\u{a0}', " "))
}

const H1: &str = "bao-cao/6-thang-dau-nam-2025/index.html";
const H2: &str = "bao-cao/6-thang-cuoi-nam-2025/index.html";

#[test]
fn a_half_year_report_on_its_boundary_days() {
    let s = site("");
    // The day before the period: no report at all.
    build_on(&s, "2024-12-31");
    assert!(!s.out("bao-cao").exists());

    // First day: a partial report, said to be so, out of the feed. A post
    // links it like any page.
    s.write(
        "content/tin-tuc/bao-cao-sau-thang.md",
        "+++\ntitle = \"Đã có báo cáo 6 tháng\"\ndate = 2024-12-01\n+++\nXem [báo cáo](../bao-cao/6-thang-dau-nam-2025/).\n",
    );
    build_on(&s, "2025-01-01");
    let h1 = text(&s, H1);
    assert!(h1.contains(
        "Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2025 của xã Thử (tính đến ngày 01/01/2025)"
    ));
    assert!(h1.contains("Kỳ báo cáo chưa kết thúc: số liệu tính đến ngày 01/01/2025"));
    assert!(
        !s.out("bao-cao/atom.xml").exists(),
        "nothing dated yet, no feed"
    );
    assert!(
        !s.out("bao-cao/6-thang-cuoi-nam-2025").exists(),
        "H2 not begun"
    );

    // Last day: still partial; A is due today, not overdue; B, done today
    // after its deadline, counts as completed late.
    build_on(&s, "2025-06-30");
    let h1 = text(&s, H1);
    assert!(h1.contains("(tính đến ngày 30/06/2025)"));
    assert!(h1.contains("Trong kỳ hoàn thành 1 nhiệm vụ (0 đúng hạn, 1 trễ hạn); tính đến ngày 30/06/2025, 0 nhiệm vụ quá hạn"));
    assert!(h1.contains("Nhiệm vụ đến hạn trong kỳ, chưa đến hạn (1)"));

    // The day after: the period is over and judged at the end of 30/06;
    // A is overdue by one day; C (done 01/07) is the second half's.
    build_on(&s, "2025-07-01");
    let h1 = text(&s, H1);
    assert!(!h1.contains("tính đến ngày"), "no longer partial");
    assert!(h1.contains("Số liệu tính đến hết ngày 30/06/2025."));
    assert!(h1.contains("Trong kỳ hoàn thành 1 nhiệm vụ (0 đúng hạn, 1 trễ hạn); tính đến hết ngày 30/06/2025, 1 nhiệm vụ quá hạn"));
    assert!(h1.contains("A Nhiệm vụ hạn cuối kỳ Văn phòng 30/06/2025 quá hạn 1 ngày"));
    assert!(!h1.contains("Nhiệm vụ xong ngày đầu kỳ sau"));
    let h2 = text(&s, H2);
    assert!(h2.contains("(tính đến ngày 01/07/2025)"));
    assert!(h2.contains(
        "C Nhiệm vụ xong ngày đầu kỳ sau Văn phòng 31/12/2025 hoàn thành ngày 01/07/2025"
    ));
    // Announced once over: the reports' own feed (not the news feed), the
    // sitemap, the search index, the list; the news list links the list.
    let feed = s.read_out("bao-cao/atom.xml");
    assert!(feed.contains("https://xa-thu.example.vn/cds/bao-cao/6-thang-dau-nam-2025/"));
    assert!(!feed.contains("6-thang-cuoi-nam-2025"), "H2 not over yet");
    assert!(
        s.read_out("sitemap.xml")
            .contains("https://xa-thu.example.vn/cds/bao-cao/6-thang-cuoi-nam-2025/")
    );
    let list = text(&s, "bao-cao/index.html");
    let (y, h2_at, h1_at) = (
        list.find("năm 2025 của xã Thử").unwrap(),
        list.find("6 tháng cuối năm 2025").unwrap(),
        list.find("6 tháng đầu năm 2025").unwrap(),
    );
    assert!(
        y < h2_at && h2_at < h1_at,
        "newest first, a year before its halves: {list}"
    );
    let search: String = std::fs::read_dir(s.out("tim-kiem/chi-muc/d"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(search.contains("bao-cao/6-thang-dau-nam-2025/"));

    // Open data: every figure of every report, computed columns.
    let csv = std::fs::read(s.out("du-lieu/bao-cao.csv")).unwrap();
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM for Excel");
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("Kỳ báo cáo,Mã kỳ,Từ ngày,Đến ngày,Số liệu tính đến,Kỳ đã kết thúc"));
    assert!(csv.contains("6 tháng đầu năm 2025,6-thang-dau-nam-2025,2025-01-01,2025-06-30,2025-06-30,có,,không,0,0,0,0,1,1,0,0,0,,,\r\n"), "{csv}");
    assert!(csv.contains(
        "6 tháng cuối năm 2025,6-thang-cuoi-nam-2025,2025-07-01,2025-12-31,2025-07-01,không,"
    ));
    let json = s.read_out("du-lieu/bao-cao.json");
    assert!(json.contains("\"tasks_overdue\": 1") && json.contains("\"budget_planned\": null"));
    assert!(text(&s, "du-lieu/index.html").contains("Báo cáo định kỳ"));
    // A post may link a report like any page.
    assert!(
        s.read_out("tin-tuc/bao-cao-sau-thang/index.html")
            .contains("href=\"../../bao-cao/6-thang-dau-nam-2025/\"")
    );

    // Much later the finished report is the same, byte for byte (bar the
    // "updated" date in the footer).
    let before = text(&s, H1);
    build_on(&s, "2026-03-01");
    let strip = |t: &str| t.split("Cập nhật ngày").next().unwrap().to_owned();
    assert_eq!(strip(&text(&s, H1)), strip(&before));
}

#[test]
fn commentary_is_merged_and_a_misnamed_file_is_warned_about() {
    let s = site("");
    s.write(
        "content/bao-cao/6-thang-dau-nam-2025.md",
        "+++\ntitle = \"Nhận xét\"\n+++\nCán bộ đánh giá: **cần đôn đốc** nhiệm vụ A.\n",
    );
    s.write(
        "content/bao-cao/6-thang-dau-2025.md",
        "+++\ntitle = \"Nhận xét sai tên\"\n+++\nViết nhầm tên tệp.\n",
    );
    s.write(
        "content/bao-cao/quy-1-nam-2025.md",
        "+++\ntitle = \"Nhận xét quý\"\n+++\nKỳ quý chưa bật.\n",
    );
    let r = build_on(&s, "2025-07-01");
    let h1 = text(&s, H1);
    assert!(h1.contains("Nhận xét, đánh giá Cán bộ đánh giá: cần đôn đốc nhiệm vụ A."));
    assert!(s.read_out(H1).contains("<strong>cần đôn đốc</strong>"));
    // Warnings name the file, say why, and how to name it.
    r.assert_stderr_has(&[
        "6-thang-dau-2025.md",
        "không phải tên một kỳ báo cáo",
        "có phải ý bạn là 6-thang-dau-nam-2025.md",
        "quy-1-nam-2025.md",
        "không có trong [bao_cao] ky",
    ]);
    // Those stay ordinary pages: nothing is lost.
    assert!(text(&s, "bao-cao/6-thang-dau-2025/index.html").contains("Viết nhầm tên tệp."));
}

#[test]
fn report_kinds_and_the_off_switch() {
    let s = site("[bao_cao]\nky = [\"quy\"]\n");
    build_on(&s, "2025-07-01");
    assert!(s.out("bao-cao/quy-1-nam-2025/index.html").is_file());
    assert!(s.out("bao-cao/quy-2-nam-2025/index.html").is_file());
    assert!(
        s.out("bao-cao/quy-3-nam-2025/index.html").is_file(),
        "C done 01/07"
    );
    assert!(!s.out("bao-cao/6-thang-dau-nam-2025").exists());

    let off = site("[bao_cao]\nenabled = false\n");
    build_on(&off, "2025-07-01");
    assert!(!off.out("bao-cao").exists());
    assert!(!off.read_out("sitemap.xml").contains("bao-cao"));

    let bad = site("[bao_cao]\nky = [\"thang\"]\n");
    let root = bad.root.to_str().unwrap();
    bad.run(&["build", "--root", root, "--date", "2025-07-01"])
        .assert_code(1)
        .assert_stderr_has(&["minhbach.toml", "“thang”", "[bao_cao]", "\"6-thang\""]);
}

#[test]
fn a_many_unit_report_shows_each_unit_and_the_labelled_aggregate() {
    let s = Site::fixture("nhieu-dia-phuong");
    s.build_ok(&[]);
    let h1 = text(&s, "bao-cao/6-thang-dau-nam-2026/index.html");
    assert!(h1.contains("Các mục I–III là tổng hợp chung của đơn vị và các địa phương"));
    // NV-01 (the province's, Quý II/2026) and NV-02 (Xã An Hòa, Quý I/2026).
    assert!(
        h1.contains("Tỉnh Thử Nghiệm chưa có số liệu 0 0 1 2.000.000.000 đồng 500.000.000 đồng")
    );
    assert!(h1.contains("Xã An Hòa chưa có số liệu 0 0 1 100.000.000 đồng 100.000.000 đồng"));
    assert!(
        h1.contains("Tổng hợp chung chưa có số liệu 0 0 2 2.400.000.000 đồng 600.000.000 đồng")
    );
    // The 2026 report: T1 measured per commune only → "n/m địa phương".
    let y = text(&s, "bao-cao/nam-2026/index.html");
    assert!(y.contains("9/14 địa phương có số liệu đạt"), "{y}");
    assert!(
        y.contains("95 % (Quý III/2026) minh họa Đạt"),
        "T3 is illustrative"
    );
    // DTI is the province's own score, never summed with the communes',
    // and the whole dataset is marked illustrative in minhbach.toml.
    assert!(y.contains("Tổng điểm năm 2026 của tỉnh Thử Nghiệm 150 / 200 điểm (minh họa)"));
    // Half-years point to the year for DTI.
    assert!(h1.contains("Chỉ số DTI được chấm theo năm: xem báo cáo năm 2026."));
}
