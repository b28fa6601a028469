//! Data that says whose it is, when it counts and whether it is real, on
//! `tests/fixtures/nhieu-dia-phuong` (a fictional province with 14 communes)
//! built on 25/11/2026: illustrative figures, baselines, period boundaries, the
//! site's own unit, partners, measured indicators, the guide's data files,
//! unknown disbursements, unreported tasks.

use crate::common::{self, Site};
use crate::province::{built, element_with, page, search_text, shared, without_card_labels};

#[test]
fn illustrative_figures_say_so_where_they_are_shown() {
    let site = shared();
    // A target marked "Minh họa": its row, its page, its chart.
    let list = page(site, "chi-tieu/index.html");
    assert!(element_with(&list, "<tr>", "</tr>", ">T3</a>").contains("minh họa"));
    assert!(!element_with(&list, "<tr>", "</tr>", ">T2</a>").contains("minh họa"));
    assert!(list.contains("Kết quả chỉ tiêu: Xã hội số (số liệu minh họa)"));
    let t3 = page(site, "chi-tieu/t3/index.html");
    assert!(t3.contains("95 % (minh họa)"), "the result row says it");
    assert!(
        t3.contains("qua các kỳ (số liệu minh họa)</title>"),
        "the chart says it"
    );
    // A page with no illustrative figure says nothing of the kind.
    for clean in ["chi-tieu/t1/index.html", "kinh-phi/index.html"] {
        assert!(!page(site, clean).contains("minh họa"), "{clean}");
    }
    // Whole dataset marked in minhbach.toml ([data] minh_hoa = ["diem-dti"]).
    let dti = page(site, "chi-so-dti/index.html");
    assert!(dti.contains("(minh họa)"));
    assert!(dti.contains("(số liệu minh họa)</title>"));
    // The dashboard tile computed from illustrative rows is marked; the
    // budget tile (real rows only) is not.
    let home = page(site, "index.html");
    assert!(
        element_with(&home, "<li class=\"stat\">", "</li>", "Chỉ số DTI năm 2026")
            .contains("minh họa")
    );
    assert!(
        !element_with(&home, "<li class=\"stat\">", "</li>", "Tỷ lệ giải ngân")
            .contains("minh họa")
    );
    // A task row marked illustrative.
    let tasks = page(site, "nhiem-vu/index.html");
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
    assert!(page(site, "du-lieu/index.html").contains("dòng minh họa"));
    // The weekly bulletin that reports the illustrative result says so.
    let bulletin = page(site, "ban-tin/tuan-40-2026/index.html");
    let item = element_with(&bulletin, "<li>", "</li>", "T3 – ");
    assert!(
        item.contains("95 % (toàn đơn vị) – số liệu minh họa"),
        "{item}"
    );
    let real = element_with(&bulletin, "<li>", "</li>", "T4 – ");
    assert!(!real.contains("minh họa"), "{real}");
}

#[test]
fn a_baseline_is_never_an_achievement() {
    let site = shared();
    // T2: due 2026, only a 2025 value (100 % against a 95 % target).
    let list = page(site, "chi-tieu/index.html");
    let row = element_with(&list, "<tr>", "</tr>", ">T2</a>");
    assert!(row.contains("Chưa có số liệu"), "{row}");
    assert!(!row.contains("badge-dat\""));
    let t2 = page(site, "chi-tieu/t2/index.html");
    assert!(t2.contains("Tình trạng: <span class=\"badge badge-chua-co\">Chưa có số liệu"));
    assert!(t2.contains("100 % (năm 2025, trước kỳ của chỉ tiêu, không tính là đạt)"));
    assert!(t2.contains("01/01/2026 (đầu năm của thời hạn)"));
    assert!(t2.contains("năm 2025 – giá trị gốc, trước kỳ của chỉ tiêu"));
}

#[test]
fn results_count_only_inside_the_period_boundaries_included() {
    let site = shared();
    // T4: start Quý II/2026, due 30/09/2026; 99 on 31/03 (before the start),
    // 40 on 30/09 (the deadline day: counts), 99 on 01/10 (the day after).
    let t4 = page(site, "chi-tieu/t4/index.html");
    assert!(
        t4.contains("Tình trạng: <span class=\"badge badge-chua-dat\">Chưa đạt"),
        "{t4}"
    );
    assert!(t4.contains("40 % (30/09/2026)"));
    assert!(t4.contains("31/03/2026 – giá trị gốc, trước kỳ của chỉ tiêu"));
    assert!(t4.contains("01/10/2026 – sau thời hạn, không tính"));
}

#[test]
fn the_dashboard_shows_the_sites_own_unit_and_says_so() {
    let site = shared();
    let home = page(site, "index.html");
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
    let site = shared();
    let tasks = page(site, "nhiem-vu/index.html");
    let row = element_with(&tasks, "<tr", "</tr>", "Xây dựng kho dữ liệu dùng chung");
    assert!(row.contains("Ban Chỉ đạo, Tổ giúp việc"), "{row}");
    let csv = site.read_out("du-lieu/nhiem-vu.csv");
    assert!(
        csv.contains("\"Ban Chỉ đạo, Tổ giúp việc; Văn phòng UBND tỉnh\""),
        "{csv}"
    );
}

#[test]
fn measured_indicators_are_charted_and_never_judged() {
    let site = shared();
    let list = page(site, "chi-so/index.html");
    assert!(
        list.contains("Trụ cột: Chính quyền số; Xã hội số."),
        "several pillars"
    );
    assert!(list.contains("Tỷ lệ hồ sơ nộp trực tuyến tháng 10/2026 theo đơn vị"));
    let one = page(site, "chi-so/ty-le-ho-so-nop-truc-tuyen/index.html");
    assert!(one.contains("Xã An Hòa qua các kỳ</title>"));
    assert!(one.contains("Xã Bình Minh qua các kỳ</title>"));
    for judged in ["Đạt", "Chưa đạt", "Mục tiêu"] {
        assert!(!one.contains(&format!(">{judged}<")), "{judged}");
    }
    let csv = site.read_out("du-lieu/chi-so.csv");
    assert!(
        csv.starts_with("\u{feff}Chỉ số,Đơn vị tính,Địa phương,Kỳ,Giá trị"),
        "{csv}"
    );
}

#[test]
fn news_posts_link_to_generated_data_pages() {
    let site = built();
    let post = site.read_out("tin-tuc/so-lieu/index.html");
    for href in [
        "href=\"../../chi-tieu/\"",
        "href=\"../../chi-tieu/t1/\"",
        "href=\"../../dia-phuong/\"",
        "href=\"../../du-lieu/ket-qua.csv\"",
    ] {
        assert!(post.contains(href), "{href}");
    }
    // A data page that does not exist is still a broken link.
    site.write(
        "content/tin-tuc/2026-11-21-sai.md",
        "+++\ntitle = \"Sai\"\ndate = 2026-11-21\n+++\n\n[T9](../chi-tieu/t9/)\n",
    );
    site.build(&[])
        .assert_code(1)
        .assert_stderr_has(&["liên kết hỏng: không tìm thấy “../chi-tieu/t9/”"]);
}

/// The TOML, JSON and YAML files shown in full in docs/du-lieu.md build as
/// they are: each block after a line "Tệp `content/du-lieu/…`:" is written
/// to that path of a fresh site.
#[test]
fn the_guides_data_files_build_as_shown() {
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/du-lieu.md"),
    )
    .unwrap();
    let site = Site::empty();
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nunit = \"UBND xã Thử\"\nbase_url = \"https://example.gov.vn/\"\n",
    );
    site.write("content/_index.md", "+++\ntitle = \"Thử\"\n+++\n");
    let mut files = 0;
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("Tệp `content/du-lieu/") else {
            continue;
        };
        let name = rest.trim_end_matches("`:");
        assert!(lines.next().unwrap().is_empty());
        assert!(lines.next().unwrap().starts_with("```"));
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        site.write(&format!("content/du-lieu/{name}"), body.join("\n") + "\n");
        files += 1;
    }
    assert_eq!(files, 3, "a TOML, a JSON and a YAML file");
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("cảnh báo"), "{}", run.stderr);
    let ct1 = page(&site, "chi-tieu/ct26-01/index.html");
    assert!(ct1.contains("61 % (năm 2025, trước kỳ của chỉ tiêu, không tính là đạt)"));
    let ct3 = page(&site, "chi-tieu/ct26-03/index.html");
    assert!(ct3.contains("minh họa") && ct3.contains("Thôn Đông"));
    let series = page(&site, "chi-so/ty-le-ho-so-nop-truc-tuyen/index.html");
    assert!(series.contains("Trụ cột: Chính quyền số; Xã hội số."));
}

#[test]
fn list_budget_and_dti_pages_say_whose_figures_they_are() {
    let site = shared();
    let list = page(site, "chi-tieu/index.html");
    // 4 own targets, 1 met (T3); X1 (Xã An Hòa) is listed, not counted.
    assert!(list.contains("Danh sách 4 chỉ tiêu"), "{list}");
    assert!(list.contains("1 chỉ tiêu của các địa phương"));
    let budget = page(site, "kinh-phi/index.html");
    let own_total = element_with(&budget, "<tfoot>", "</tfoot>", "Tổng cộng");
    assert!(
        own_total.contains("3.000.000.000 đồng"),
        "own lines only: {own_total}"
    );
    assert!(budget.contains("<h2>Theo địa phương</h2>"));
    let kim_son = element_with(&budget, "<tr>", "</tr>", ">Xã Kim Sơn</td>");
    assert!(kim_son.contains("300.000.000 đồng"));
    assert_eq!(
        budget.matches("<tfoot>").count(),
        2,
        "no total under the localities"
    );
    let dti = page(site, "chi-so-dti/index.html");
    assert!(dti.contains("150 / 200 điểm"));
    assert!(dti.contains("của 5 địa phương ở trang “Các địa phương”"));
    // A pillar counts the site's own targets and tasks (X1 is Xã An Hòa's).
    let pillar = page(site, "tru-cot/chinh-quyen-so/index.html");
    assert!(pillar.contains(">T1</a>") && !pillar.contains(">X1</a>"));
}

/// An empty "Đã giải ngân" is unknown, never 0 đồng or 0 %: on the tile,
/// the budget page's tables, its chart, the locality pages, the search
/// index; the open data keeps the cell empty (decision 0022).
#[test]
fn an_unknown_disbursement_is_never_shown_as_zero() {
    let site = Site::fixture("nhieu-dia-phuong");
    site.write(
        "content/du-lieu/kinh-phi.csv",
        "Năm,Nguồn vốn,Hạng mục,Kế hoạch,Đã giải ngân,Địa phương\n\
         2025,Ngân sách tỉnh,Nền tảng tích hợp,1.000.000.000,1.000.000.000,\n\
         2026,Ngân sách tỉnh,Kho dữ liệu dùng chung,2.000.000.000,500.000.000,\n\
         2026,Ngân sách tỉnh,Trung tâm điều hành,1.000.000.000,,\n\
         2026,Ngân sách xã,Tập huấn kỹ năng số,100.000.000,,Xã An Hòa\n",
    );
    site.build_ok(&[]);
    // Dashboard: one of the two 2026 lines has no figure.
    let home = page(&site, "index.html");
    let tile = element_with(&home, "<li class=\"stat\">", "</li>", "Tỷ lệ giải ngân");
    assert!(tile.contains("chưa có số liệu"), "{tile}");
    assert!(
        tile.contains("kế hoạch 3.000.000.000 đồng; đã giải ngân: 500.000.000 đồng (còn 1/2 dòng chưa có số liệu)"),
        "{tile}"
    );
    assert!(
        !tile.contains("16,7 %") && !tile.contains(">0 %<"),
        "{tile}"
    );
    // Budget page: the 2026 row and the total say so; the chart's table
    // has no disbursed figure for 2026.
    let budget = without_card_labels(&page(&site, "kinh-phi/index.html"));
    let y2026 = element_with(&budget, "<tr>", "</tr>", ">Năm 2026</td>");
    assert!(y2026.contains("còn 1/2 dòng chưa có số liệu"), "{y2026}");
    assert!(
        y2026.contains("<td class=\"num\">chưa có số liệu</td>"),
        "{y2026}"
    );
    let an_hoa_row = element_with(&budget, "<tr>", "</tr>", ">Xã An Hòa</td>");
    assert!(
        an_hoa_row.contains(
            "100.000.000 đồng</td><td class=\"num\">chưa có số liệu</td><td class=\"num\">chưa có số liệu"
        ),
        "{an_hoa_row}"
    );
    assert!(!an_hoa_row.contains(">0 đồng</td>"), "{an_hoa_row}");
    assert!(budget.contains("không phải 0 đồng"));
    // The locality: its tile and its row side by side.
    let an_hoa = page(&site, "dia-phuong/xa-an-hoa/index.html");
    assert!(
        an_hoa.contains("kế hoạch 100.000.000 đồng; đã giải ngân: chưa có số liệu"),
        "{an_hoa}"
    );
    let index = page(&site, "dia-phuong/index.html");
    let row = element_with(&index, "<tr>", "</tr>", ">Xã An Hòa</a>");
    assert!(row.contains("chưa có số liệu"), "{row}");
    // Open data: the officer's empty cell stays empty.
    let csv = site.read_out("du-lieu/kinh-phi.csv");
    assert!(
        csv.contains("Trung tâm điều hành,,1000000000,,,không"),
        "{csv}"
    );
    // Search: the locality page is found, with the same words.
    let search = search_text(&site);
    assert!(
        search.contains("Tỷ lệ giải ngân kinh phí năm 2026: chưa có số liệu"),
        "{search}"
    );
}

/// A locality's task past its deadline with no reported status: its own
/// column side by side, a note on the locality's tile, its own group —
/// never counted as overdue (decision 0022), at the deadline's boundary.
#[test]
fn an_unreported_task_past_its_deadline_is_not_overdue() {
    let site = Site::fixture("nhieu-dia-phuong");
    let tasks = common::read(&site.path("content/du-lieu/nhiem-vu.csv"));
    site.write(
        "content/du-lieu/nhiem-vu.csv",
        format!("{tasks}NV-05;Lắp wifi nhà văn hóa;UBND xã Bình Minh;;24/11/2026;;Xã Bình Minh;\n"),
    );
    // Deadline day: not passed yet, no extra column.
    let root = site.path("");
    site.run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--date",
        "2026-11-24",
    ])
    .assert_ok();
    assert!(!page(&site, "dia-phuong/index.html").contains("Hết hạn chưa báo cáo"));
    // The day after (the fixture's date, 25/11/2026).
    site.build_ok(&[]);
    let index = page(&site, "dia-phuong/index.html");
    assert!(index.contains("<th scope=\"col\" class=\"num\">Hết hạn chưa báo cáo</th>"));
    let row = element_with(&index, "<tr>", "</tr>", ">Xã Bình Minh</a>");
    assert!(
        row.contains("data-label=\"Nhiệm vụ quá hạn\">0</td>")
            && row.contains("data-label=\"Hết hạn chưa báo cáo\">1</td>"),
        "0 overdue, 1 unreported: {row}"
    );
    let own = page(&site, "dia-phuong/xa-binh-minh/index.html");
    assert!(own.contains("trên tổng số 1 nhiệm vụ; 1 nhiệm vụ hết hạn chưa báo cáo"));
    let list = page(&site, "nhiem-vu/index.html");
    let group = element_with(&list, "<h2", "</h2>", "Hết hạn chưa báo cáo (");
    assert!(group.contains("(1)"), "{group}");
    let csv = site.read_out("du-lieu/nhiem-vu.csv");
    assert!(csv.contains("Lắp wifi nhà văn hóa"));
    assert!(
        csv.lines()
            .any(|l| l.contains("NV-05") && l.contains("Hết hạn chưa báo cáo")),
        "{csv}"
    );
}
