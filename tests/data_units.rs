//! End-to-end tests of data that says whose it is, when it counts and
//! whether it is real: `tests/fixtures/nhieu-dia-phuong` (a fictional
//! province with 14 communes) built on 25/11/2026.

mod common;

use common::Site;

fn built() -> Site {
    let site = Site::fixture("nhieu-dia-phuong");
    site.build_ok(&[]);
    site
}

/// A page's HTML, entities decoded and no-break spaces ("95 %") as spaces.
fn page(site: &Site, rel: &str) -> String {
    common::html_unescape(&site.read_out(rel)).replace('\u{a0}', " ")
}

/// The `<tr>` (or `<li>`) element of `html` that contains `needle`.
fn element_with<'a>(html: &'a str, open: &str, close: &str, needle: &str) -> &'a str {
    let at = html.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let start = html[..at].rfind(open).expect("element start");
    let end = at + html[at..].find(close).expect("element end");
    &html[start..end]
}

#[test]
fn illustrative_figures_say_so_where_they_are_shown() {
    let site = built();
    // A target marked "Minh họa": its row, its page, its chart.
    let list = page(&site, "chi-tieu/index.html");
    assert!(element_with(&list, "<tr>", "</tr>", ">T3</a>").contains("minh họa"));
    assert!(!element_with(&list, "<tr>", "</tr>", ">T2</a>").contains("minh họa"));
    assert!(list.contains("Kết quả chỉ tiêu: Xã hội số (số liệu minh họa)"));
    let t3 = page(&site, "chi-tieu/t3/index.html");
    assert!(t3.contains("95 % (minh họa)"), "the result row says it");
    assert!(
        t3.contains("qua các kỳ (số liệu minh họa)</title>"),
        "the chart says it"
    );
    // A page with no illustrative figure says nothing of the kind.
    for clean in ["chi-tieu/t1/index.html", "kinh-phi/index.html"] {
        assert!(!page(&site, clean).contains("minh họa"), "{clean}");
    }
    // Whole dataset marked in minhbach.toml ([data] minh_hoa = ["diem-dti"]).
    let dti = page(&site, "chi-so-dti/index.html");
    assert!(dti.contains("(minh họa)"));
    assert!(dti.contains("(số liệu minh họa)</title>"));
    // The dashboard tile computed from illustrative rows is marked; the
    // budget tile (real rows only) is not.
    let home = page(&site, "index.html");
    assert!(
        element_with(&home, "<li class=\"stat\">", "</li>", "Chỉ số DTI năm 2026")
            .contains("minh họa")
    );
    assert!(
        !element_with(&home, "<li class=\"stat\">", "</li>", "Tỷ lệ giải ngân")
            .contains("minh họa")
    );
    // A task row marked illustrative.
    let tasks = page(&site, "nhiem-vu/index.html");
    assert!(element_with(&tasks, "<tr", "</tr>", "Số hóa hồ sơ hộ tịch").contains("minh họa"));
    assert!(
        !element_with(&tasks, "<tr", "</tr>", "Triển khai hội nghị truyền hình")
            .contains("minh họa")
    );
    // Open data: the flag is a column; the catalogue counts marked rows.
    let csv = site.read_out("du-lieu/ket-qua.csv");
    assert!(csv.contains("Minh họa"));
    assert!(csv.contains("T3,2026-Q3,95,,Báo cáo quý III,có"), "{csv}");
    assert!(csv.contains("T2,2025,100,,Báo cáo năm 2025,không"));
    assert!(page(&site, "du-lieu/index.html").contains("dòng minh họa"));
}

#[test]
fn a_baseline_is_never_an_achievement() {
    let site = built();
    // T2: due 2026, only a 2025 value (100 % against a 95 % target).
    let list = page(&site, "chi-tieu/index.html");
    let row = element_with(&list, "<tr>", "</tr>", ">T2</a>");
    assert!(row.contains("Chưa có số liệu"), "{row}");
    assert!(!row.contains("badge-dat\""));
    let t2 = page(&site, "chi-tieu/t2/index.html");
    assert!(t2.contains("Tình trạng: <span class=\"badge badge-chua-co\">Chưa có số liệu"));
    assert!(t2.contains("100 % (năm 2025, trước kỳ của chỉ tiêu, không tính là đạt)"));
    assert!(t2.contains("01/01/2026 (đầu năm của thời hạn)"));
    assert!(t2.contains("năm 2025 – giá trị gốc, trước kỳ của chỉ tiêu"));
}

#[test]
fn results_count_only_inside_the_period_boundaries_included() {
    let site = built();
    // T4: start Quý II/2026, due 30/09/2026; 99 on 31/03 (before the start),
    // 40 on 30/09 (the deadline day: counts), 99 on 01/10 (the day after).
    let t4 = page(&site, "chi-tieu/t4/index.html");
    assert!(
        t4.contains("Tình trạng: <span class=\"badge badge-chua-dat\">Chưa đạt"),
        "{t4}"
    );
    assert!(t4.contains("40 % (30/09/2026)"));
    assert!(t4.contains("31/03/2026 – giá trị gốc, trước kỳ của chỉ tiêu"));
    assert!(t4.contains("01/10/2026 – sau thời hạn, không tính"));
}

#[test]
fn per_locality_results_give_the_state_in_one_vocabulary() {
    let site = built();
    // T1 has results of 14 communes only: 9 at or above 90 %.
    let list = page(&site, "chi-tieu/index.html");
    let row = element_with(&list, "<tr>", "</tr>", ">T1</a>");
    assert!(row.contains("9/14 địa phương đạt"), "{row}");
    assert!(row.contains(">Sắp đến hạn<"));
    assert!(row.contains("tối thiểu 90 %"));
    // The chart's table under the list uses the same words.
    let table_row = element_with(
        &list,
        "<tr>",
        "</tr>",
        "<th scope=\"row\">Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến</th>",
    );
    for words in ["9/14 địa phương đạt", "tối thiểu 90 %", "Sắp đến hạn"] {
        assert!(table_row.contains(words), "{table_row} lacks {words}");
    }
    let t1 = page(&site, "chi-tieu/t1/index.html");
    assert!(t1.contains("9/14 địa phương đạt"));
    assert!(!t1.contains("Chưa có số liệu</span>"));
    // Open data: the same state and the localities' count.
    let csv = site.read_out("du-lieu/chi-tieu.csv");
    let line = csv.lines().find(|l| l.starts_with("T1,")).unwrap();
    assert!(
        line.contains("Sắp đến hạn") && line.contains("9/14 địa phương đạt"),
        "{line}"
    );
}

#[test]
fn the_dashboard_shows_the_sites_own_unit_and_says_so() {
    let site = built();
    let home = page(&site, "index.html");
    // Own targets T1–T4 (X1 is Xã An Hòa's): only T3 is met.
    let targets = element_with(&home, "<li class=\"stat\">", "</li>", "Chỉ tiêu đã đạt");
    assert!(targets.contains(">1/4<"), "{targets}");
    // Own tasks: NV-01 overdue; the communes' overdue tasks are not added in.
    let overdue = element_with(&home, "<li class=\"stat\">", "</li>", "Nhiệm vụ quá hạn");
    assert!(
        overdue.contains(">1<") && overdue.contains("2 nhiệm vụ"),
        "{overdue}"
    );
    assert!(!home.contains("Số hóa hồ sơ hộ tịch"));
    // Budget: this year's, the unit's own lines only (500 of 2.000 million).
    let budget = element_with(&home, "<li class=\"stat\">", "</li>", "Tỷ lệ giải ngân");
    assert!(
        budget.contains("năm 2026") && budget.contains(">25 %<"),
        "{budget}"
    );
    assert!(home.contains("không cộng số liệu của 14 địa phương khác"));
    // DTI: the unit's own scores (80 + 70), not the communes'.
    let dti = element_with(&home, "<li class=\"stat\">", "</li>", "Chỉ số DTI năm 2026");
    assert!(dti.contains("150 / 200 điểm"), "{dti}");
}

#[test]
fn partners_split_on_semicolons_and_open_data_keeps_the_text() {
    let site = built();
    let tasks = page(&site, "nhiem-vu/index.html");
    let row = element_with(&tasks, "<tr", "</tr>", "Xây dựng kho dữ liệu dùng chung");
    assert!(row.contains("Ban Chỉ đạo, Tổ giúp việc"), "{row}");
    let csv = site.read_out("du-lieu/nhiem-vu.csv");
    assert!(
        csv.contains("\"Ban Chỉ đạo, Tổ giúp việc; Văn phòng UBND tỉnh\""),
        "{csv}"
    );
}
