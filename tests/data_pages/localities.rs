//! Figures per locality on `tests/fixtures/nhieu-dia-phuong`: states in one
//! vocabulary, side by side and one page each, a hundred communes readable and
//! grouped by letter, names checked against the units file.

use crate::common::{self, Site};
use crate::province::{element_with, page, search_text, shared};

#[test]
fn per_locality_results_give_the_state_in_one_vocabulary() {
    let site = shared();
    // T1 has results of 14 communes only: 9 at or above 90 %.
    let list = page(site, "chi-tieu/index.html");
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
    let t1 = page(site, "chi-tieu/t1/index.html");
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
fn localities_side_by_side_and_each_its_own_page() {
    let site = shared();
    let index = page(site, "dia-phuong/index.html");
    // Vietnamese order: An Hòa before Ân Phú, Đông Hà after Bình Minh.
    let pos = |name: &str| {
        index
            .find(&format!(">{name}</a>"))
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert!(pos("Xã An Hòa") < pos("Xã Ân Phú"));
    assert!(pos("Xã Ân Phú") < pos("Xã Bình Minh"));
    assert!(pos("Xã Bình Minh") < pos("Xã Đông Hà"));
    // DTI rank and change from last year, per locality; no total row.
    let dong_ha = element_with(&index, "<tr>", "</tr>", ">Xã Đông Hà</a>");
    assert!(
        dong_ha.contains(">1/5<") && dong_ha.contains("+0,1000"),
        "{dong_ha}"
    );
    assert!(
        dong_ha.contains("minh họa"),
        "DTI scores are illustrative here"
    );
    // Overdue tasks by locality.
    let kim_son = element_with(&index, "<tr>", "</tr>", ">Xã Kim Sơn</a>");
    assert!(
        kim_son.contains("<td class=\"num\" data-label=\"Nhiệm vụ quá hạn\">1 <span"),
        "{kim_son}"
    );
    assert!(!index.contains("Tổng cộng"));
    // A locality's own page: its targets (own and per-locality results),
    // tasks, budget and DTI only.
    let an_hoa = page(site, "dia-phuong/xa-an-hoa/index.html");
    assert!(an_hoa.contains("<h1>Xã An Hòa</h1>"));
    assert!(an_hoa.contains("<title>Xã An Hòa: số liệu trên địa bàn – "));
    assert!(an_hoa.contains(">2/2<"), "T1 (95 %) and X1 (97 %) met");
    assert!(an_hoa.contains("Tập huấn kỹ năng số cho cán bộ xã"));
    assert!(!an_hoa.contains("Số hóa hồ sơ hộ tịch"), "Kim Sơn's task");
    assert!(an_hoa.contains("Tỷ lệ giải ngân kinh phí năm 2026"));
    assert!(an_hoa.contains("100.000.000 đồng / 100.000.000 đồng"));
}

#[test]
fn a_hundred_communes_stay_readable() {
    let site = Site::fixture("nhieu-dia-phuong");
    let mut results = String::from("Mã chỉ tiêu,Kỳ,Giá trị,Địa phương\n");
    for n in 1..=100 {
        results.push_str(&format!("T1,Quý III/2026,{},Xã Số {n:03}\n", 50 + n % 50));
    }
    site.write("content/du-lieu/ket-qua.csv", results);
    site.build_ok(&[]);
    let t1 = page(&site, "chi-tieu/t1/index.html");
    assert!(t1.contains("theo địa phương: 20 cao nhất và 20 thấp nhất trong 100 đơn vị</title>"));
    // The chart draws 40 bars; the results table lists all 100.
    let names = common::numbered_communes_in_chart(&t1, "theo địa phương: 20");
    assert_eq!(names.len(), 40, "{names:?}");
    assert_eq!(t1.matches("<td data-label=\"Phạm vi\">Xã Số ").count(), 100);
}

/// A province of 100+ communes: `dia-phuong/` is split by initial letter
/// (after "Xã"), in Vietnamese order, with a jump list; every commune is
/// one row, and its page is found by search.
#[test]
fn a_hundred_communes_side_by_side_are_grouped_by_letter() {
    let site = Site::fixture("nhieu-dia-phuong");
    let stems = [
        "An", "Ba", "Bình", "Cẩm", "Đông", "Hòa", "Kim", "Long", "Phú", "Tân",
    ];
    let mut results = String::from("Mã chỉ tiêu,Kỳ,Giá trị,Địa phương\n");
    let mut names = Vec::new();
    for n in 0..100 {
        let name = format!("Xã {} {:02}", stems[n % 10], n / 10);
        results.push_str(&format!("T1,Quý III/2026,{},{name}\n", 50 + n % 50));
        names.push(name);
    }
    site.write("content/du-lieu/ket-qua.csv", results);
    site.build_ok(&[]);
    let index = page(&site, "dia-phuong/index.html");
    // The jump list, letters in Vietnamese order (Đ after D); the fixture's
    // own communes (Xã An Hòa…) are grouped with the new ones.
    let nav = element_with(&index, "<nav aria-label=\"So sánh", "</nav>", "jump-list");
    let letters: Vec<&str> = nav
        .split("<li><a href=\"#nhom-")
        .skip(1)
        .map(|li| &li[li.find("\">").unwrap() + 2..li.find(" (").unwrap()])
        .collect();
    assert_eq!(
        letters,
        ["A", "B", "C", "Đ", "H", "K", "L", "P", "T"],
        "{nav}"
    );
    assert!(nav.contains("#nhom-a\">A (11)<"), "10 + An Hòa: {nav}");
    // One table per letter; each commune exactly once, in its letter's table.
    let dong = &index[index.find("id=\"nhom-d\"").unwrap()..];
    let dong = &dong[..dong.find("</section>").unwrap()];
    assert!(dong.contains(">Xã Đông 00</a>") && dong.contains(">Xã Đông Hà</a>"));
    assert!(!dong.contains(">Xã Cẩm"));
    for name in &names {
        assert_eq!(index.matches(&format!(">{name}</a>")).count(), 1, "{name}");
    }
    // Every locality page is in the search index.
    assert!(search_text(&site).contains("Số liệu chuyển đổi số của riêng Xã Tân 09."));
}

/// Locality names are checked against the units file when it lists
/// localities: a typo is a located warning with the nearest name, never a
/// silent second locality; the own unit and another spelling pass.
#[test]
fn locality_names_are_checked_against_the_units_file() {
    let site = Site::empty();
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nunit = \"UBND tỉnh Thử\"\nbase_url = \"https://tinh-thu.example/\"\n",
    );
    site.write("content/_index.md", "+++\ntitle = \"Thử\"\n+++\n");
    site.write(
        "content/du-lieu/don-vi.csv",
        "Mã,Tên,Loại\nAH,Xã An Hòa,xã\nBM,Xã Bình Minh,xã\nVP,Văn phòng UBND tỉnh,phòng ban\n",
    );
    site.write(
        "content/du-lieu/chi-tieu.csv",
        "Mã,Chỉ tiêu,Mục tiêu,Đơn vị tính,Thời hạn\nT1,Hồ sơ trực tuyến,90,%,2026\n",
    );
    site.write(
        "content/du-lieu/ket-qua.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị,Địa phương\n\
         T1,2026,95,xã an hoà\n\
         T1,2026,80,Xã Bình Mnh\n\
         T1,2026,85,Tỉnh Thử\n\
         T1,2026,86,Xã Bình Mnh\n",
    );
    let run = site.build_ok(&[]);
    run.assert_stderr_has(&[
        "cảnh báo: địa phương “Xã Bình Mnh” không có trong tệp đơn vị",
        "content/du-lieu/ket-qua.csv [ô D3]",
        "có phải ý bạn là “Xã Bình Minh”?",
    ]);
    assert_eq!(
        run.stderr.matches("không có trong tệp đơn vị").count(),
        1,
        "once per name: {}",
        run.stderr
    );
    // Without localities in the units file, nothing is checked.
    site.write(
        "content/du-lieu/don-vi.csv",
        "Mã,Tên,Loại\nVP,Văn phòng UBND tỉnh,phòng ban\n",
    );
    let run = site.build_ok(&[]);
    assert!(
        !run.stderr.contains("không có trong tệp đơn vị"),
        "{}",
        run.stderr
    );
}
