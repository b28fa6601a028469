//! Integration tests of the data layer: every file format and encoding, and
//! the exact text of every message a user can see.

use std::path::Path;

use jiff::civil::date;
use minhbach::data::compute::{TargetState, TaskState};
use minhbach::data::export::{export_all, records};
use minhbach::data::template::{template_csv, template_xlsx};
use minhbach::data::values::{Comparison, Deadline, Period, TaskStatus};
use minhbach::data::{DataOptions, DataSet, Kind, Quantity, compute};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

#[path = "support/data_site.rs"]
mod data_site;

use data_site::{Site, site};

impl Site {
    fn load(&self) -> (DataSet, Vec<String>) {
        self.load_with(&DataOptions::default())
    }
}

/// Loads and expects no message at all.
fn clean(site: &Site) -> DataSet {
    let (data, msgs) = site.load();
    assert!(msgs.is_empty(), "unexpected messages:\n{}", msgs.join("\n"));
    data
}

const TARGETS_CSV: &str = "Mã,Trụ cột,Chỉ tiêu,Đơn vị tính (ĐVT),So sánh,Mục tiêu,Thời hạn\n\
CT26-01,Chính quyền số,Tỷ lệ hồ sơ trực tuyến,%,tối thiểu,\"95,5\",2026\n\
CT26-02,Hạ tầng số,Phủ sóng 5G trung tâm xã,,có/không,có,31/12/2026\n\
CT26-03,Kinh tế số,Xếp hạng DTI của tỉnh,,,top 5,2026\n";

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn check_targets(data: &DataSet) {
    assert_eq!(data.targets.len(), 3);
    let t = &data.targets[0];
    assert_eq!(t.id, "CT26-01");
    assert_eq!(t.statement, "Tỷ lệ hồ sơ trực tuyến");
    assert_eq!(t.unit.as_deref(), Some("%"));
    assert_eq!(t.target, Quantity::Number(95.5));
    assert_eq!(
        t.deadline.and_then(Deadline::date),
        Some(date(2026, 12, 31))
    );
    assert_eq!(data.targets[1].comparison, Comparison::YesNo);
    assert_eq!(data.targets[1].target, Quantity::YesNo(true));
    assert_eq!(data.targets[2].comparison, Comparison::Rank);
    assert_eq!(data.targets[2].target, Quantity::Number(5.0));
}

#[test]
fn csv_utf8_without_bom() {
    let s = site();
    s.write("chi-tieu-2026.csv", TARGETS_CSV);
    let data = clean(&s);
    check_targets(&data);
    assert_eq!(
        data.sources[0].path,
        Path::new("content/du-lieu/chi-tieu-2026.csv")
    );
    assert_eq!(data.sources[0].kind, Kind::Targets);
    assert_eq!(data.sources[0].rows, 3);
    assert_eq!(data.sources[0].columns[3], "Đơn vị tính (ĐVT)");
}

#[test]
fn csv_utf8_with_bom_and_semicolons() {
    let s = site();
    let text = "Mã;Trụ cột;Chỉ tiêu;Đơn vị tính (ĐVT);So sánh;Mục tiêu;Thời hạn\r\n\
CT26-01;Chính quyền số;Tỷ lệ hồ sơ trực tuyến;%;tối thiểu;95,5;2026\r\n\
CT26-02;Hạ tầng số;Phủ sóng 5G trung tâm xã;;có/không;có;31/12/2026\r\n\
CT26-03;Kinh tế số;Xếp hạng DTI của tỉnh;;;top 5;2026\r\n";
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.as_bytes());
    s.write("Chỉ tiêu.csv", bytes);
    check_targets(&clean(&s));
}

#[test]
fn csv_utf16le_tab_separated() {
    let s = site();
    let text = "Mã\tChỉ tiêu\tMục tiêu\tThời hạn\r\nCT26-01\tTỷ lệ hồ sơ trực tuyến\t95,5\tQuý IV/2026\r\n";
    s.write("chi_tieu.txt", utf16le(text));
    let data = clean(&s);
    assert_eq!(data.targets[0].target, Quantity::Number(95.5));
    assert_eq!(
        data.targets[0].deadline.map(Deadline::label).as_deref(),
        Some("Quý IV/2026")
    );
}

/// "Mã,Chỉ tiêu,Mục tiêu\nCT-01,Chính quyền số Việt Nam,95\n" in Windows-1258,
/// with the tone of "Việt" as a combining mark, as Excel writes it.
fn cp1258_bytes() -> Vec<u8> {
    let mut b = Vec::new();
    // "Mã" = M a + combining tilde (0xDE); "Chỉ" = Ch i + combining hook (0xD2).
    b.extend(b"Ma\xDE,Chi\xD2 ti\xEAu,Mu\xF2c ti\xEAu\r\n");
    b.extend(b"CT-01,Chi\xECnh quy\xEA\xCCn s\xF4\xEC Vi\xEA\xF2t Nam,95\r\n");
    b
}

#[test]
fn csv_windows_1258_by_file_name_and_by_config() {
    let s = site();
    s.write("chi-tieu.cp1258.csv", cp1258_bytes());
    let data = clean(&s);
    assert_eq!(data.targets[0].statement, "Chính quyền số Việt Nam");
    assert_eq!(data.targets[0].statement.chars().count(), 23);

    let s = site();
    s.write("chi-tieu.csv", cp1258_bytes());
    let (data, msgs) = s.load_with(&DataOptions {
        encoding: Some("windows-1258".into()),
        ..DataOptions::default()
    });
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(data.targets[0].statement, "Chính quyền số Việt Nam");
}

fn workbook_fixture() -> Vec<u8> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let t = book.add_worksheet();
    t.set_name("Chỉ tiêu").unwrap();
    t.write_string(0, 0, "KẾ HOẠCH CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026")
        .unwrap();
    for (c, h) in [
        "STT",
        "Mã",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Mục tiêu",
        "Thời hạn",
    ]
    .iter()
    .enumerate()
    {
        t.write_string_with_format(2, c as u16, *h, &bold).unwrap();
    }
    t.write_number(3, 0, 1).unwrap();
    t.write_string(3, 1, "CT26-01").unwrap();
    t.write_string(3, 2, "Tỷ lệ hồ sơ trực tuyến").unwrap();
    t.write_string(3, 3, "%").unwrap();
    t.write_number(3, 4, 95.5).unwrap();
    t.write_number(3, 5, 2026).unwrap();
    t.write_number(4, 0, 2).unwrap();
    t.write_string(4, 1, "CT26-02").unwrap();
    t.write_string(4, 2, "Số lớp tập huấn kỹ năng số").unwrap();
    t.write_string(4, 3, "lớp").unwrap();
    t.write_number(4, 4, 5).unwrap();
    let d = ExcelDateTime::from_ymd(2026, 6, 30).unwrap();
    t.write_datetime_with_format(4, 5, &d, &Format::new().set_num_format("dd/mm/yyyy"))
        .unwrap();

    let r = book.add_worksheet();
    r.set_name("Kết quả").unwrap();
    for (c, h) in ["Mã chỉ tiêu", "Kỳ", "Giá trị", "Xã/phường"]
        .iter()
        .enumerate()
    {
        r.write_string(0, c as u16, *h).unwrap();
    }
    r.write_string(1, 0, "CT26-01").unwrap();
    r.write_string(1, 1, "Quý I/2026").unwrap();
    r.write_number(1, 2, 96.2).unwrap();
    r.write_string(2, 0, "CT26-02").unwrap();
    r.write_number(2, 1, 2026).unwrap();
    r.write_number(2, 2, 2).unwrap();
    r.write_string(2, 3, "Xã Đông Hòa").unwrap();

    let n = book.add_worksheet();
    n.set_name("Hướng dẫn").unwrap();
    n.write_string(0, 0, "Điền dữ liệu vào các trang tính.")
        .unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_every_matching_sheet() {
    let s = site();
    s.write("du-lieu.xlsx", workbook_fixture());
    let data = clean(&s);
    assert_eq!(data.targets.len(), 2);
    assert_eq!(data.targets[0].target, Quantity::Number(95.5));
    assert_eq!(
        data.targets[1].deadline.and_then(Deadline::date),
        Some(date(2026, 6, 30))
    );
    assert_eq!(data.results[1].period, Period::Year(2026));
    assert_eq!(data.results[1].commune.as_deref(), Some("Xã Đông Hòa"));
    assert_eq!(data.sources.len(), 2);
    assert_eq!(data.sources[0].sheet.as_deref(), Some("Chỉ tiêu"));
    assert_eq!(data.targets[0].loc.cell().as_deref(), Some("B4"));
    let c = compute(&data, date(2026, 5, 1));
    assert_eq!(c.targets[0].state, TargetState::Achieved);
    // Per-locality results only: the target's state comes from them (it
    // used to say "Chưa có số liệu" beside the localities' figures).
    assert_eq!(c.targets[1].state, TargetState::DueSoon);
    assert_eq!(c.targets[1].units_met, Some((0, 1)));
    assert_eq!(c.targets[1].communes[0].state, TargetState::DueSoon);
}

const TASKS_TOML: &str = r#"# Nhiệm vụ năm 2026
[[nhiem-vu]]
ma = "NV-01"
nhiem_vu = "Tập huấn kỹ năng số"
chu_tri = "VHXH"
phoi_hop = ["Công an xã", "Đoàn Thanh niên"]
thoi_han = "Quý I/2026"
kinh_phi = 15_000_000
trang_thai = "đang thực hiện"

[[nhiem-vu]]
ma = "NV-02"
nhiem_vu = "Ra mắt tổ công nghệ số cộng đồng"
chu_tri = "Phòng Văn hóa - Xã hội"
thoi_han = 2026-03-31
trang_thai = "hoàn thành"
ngay_hoan_thanh = 2026-04-02
"#;

const UNITS_JSON: &str = r#"[
  {"Mã": "VHXH", "Tên": "Phòng Văn hóa - Xã hội", "Loại": "phòng ban", "Tên viết tắt": "VH-XH"},
  {"Mã": "CA", "Tên": "Công an xã"},
  {"Mã": "DTN", "Tên": "Đoàn Thanh niên"},
  {"Mã": "TTVH", "Tên": "Trung tâm Văn hóa"}
]"#;

const BUDGET_YAML: &str = "- Năm: 2026\n  Nguồn vốn: Ngân sách xã\n  Hạng mục: NV-01\n  Kế hoạch: 15000000\n  Đã giải ngân: 5.000.000\n- Năm: 2026\n  Nguồn vốn: Xã hội hóa\n  Hạng mục: Wi-Fi công cộng\n  Trụ cột: Hạ tầng số\n  Kế hoạch: '20.000.000'\n";

#[test]
fn toml_json_yaml() {
    let s = site();
    s.write("nhiem-vu.toml", TASKS_TOML)
        .write("don-vi.json", UNITS_JSON)
        .write("kinh-phi.yaml", BUDGET_YAML);
    let data = clean(&s);
    assert_eq!(data.tasks.len(), 2);
    assert_eq!(
        data.tasks[0].partners,
        vec!["Công an xã", "Đoàn Thanh niên"]
    );
    assert_eq!(data.tasks[0].budget, Some(15_000_000));
    assert_eq!(data.tasks[1].completed, Some(date(2026, 4, 2)));
    assert_eq!(data.tasks[1].status, Some(TaskStatus::Completed));
    assert_eq!(data.units.len(), 4);
    assert_eq!(data.budget[0].disbursed, Some(5_000_000));
    assert_eq!(data.budget[1].planned, 20_000_000);
    let c = compute(&data, date(2026, 4, 1));
    assert_eq!(c.tasks[0].state, TaskState::Overdue);
    assert_eq!(c.tasks[1].state, TaskState::CompletedLate);
    let vhxh = c
        .units
        .iter()
        .find(|u| u.unit_id.as_deref() == Some("VHXH"))
        .unwrap();
    assert_eq!((vhxh.tasks_led, vhxh.tasks_overdue), (2, 1));
    assert_eq!(c.budget.by_pillar[0].0.as_deref(), Some("Hạ tầng số"));
    assert_eq!(c.budget.total.planned, 35_000_000);
}

const DTI_CSV: &str = "Mã,Tên chỉ số,Điểm tối đa,Đơn vị chủ trì,Trụ cột\n\
1,Chính quyền số,160,,Chính quyền số\n\
1.1,Hạ tầng số,100,,\n\
1.1.1,Có chuyên mục Chuyển đổi số,60,Trung tâm Văn hóa,Chính quyền số; Nhận thức số\n\
1.1.2,Hệ thống một cửa điện tử,40,,\n\
1.2,Nhân lực số,60,,\n";

#[test]
fn dti_tree_scores_and_pillar_inheritance() {
    let s = site();
    s.write("chi-so-dti.csv", DTI_CSV);
    s.write(
        "diem-dti.json",
        r#"{"diem-dti": [
        {"ma": "1.1.1", "nam": 2024, "diem": 50},
        {"ma": "1.1.2", "nam": 2024, "chi_so": 0.5},
        {"ma": "1.2", "nam": 2024, "diem": 30},
        {"ma": "1", "nam": 2025, "diem": 150, "loai": "chính thức"}
    ]}"#,
    );
    let data = clean(&s);
    let i = |code: &str| data.indicator(code).unwrap();
    assert_eq!(i("1.1").pillars, vec!["Chính quyền số"]);
    assert_eq!(i("1.1.2").pillars, vec!["Chính quyền số"]);
    assert_eq!(i("1.1.1").pillars, vec!["Chính quyền số", "Nhận thức số"]);
    let dti = compute(&data, date(2026, 1, 1)).dti;
    assert_eq!(dti[0].total.points, 100.0);
    assert_eq!(dti[0].total.index, Some(0.625));
    assert_eq!(dti[0].pillars[1].0, "Nhận thức số");
    assert_eq!(dti[0].pillars[1].1.points, 50.0);
    assert_eq!(dti[1].total.change_points, Some(50.0));
    assert!(dti[1].official);
}

fn full_site() -> Site {
    let s = site();
    s.write("chi-tieu-2026.csv", TARGETS_CSV)
        .write("ket-qua.csv", "Mã chỉ tiêu,Kỳ,Giá trị,Ghi chú\nCT26-01,Quý III/2025,\"92,3\",=SUM(A1)\nCT26-02,2025,có,\nCT26-03,2025,7,-3 so với năm trước\nCT26-01,06/2025,\"2,665\",\n")
        .write("nhiem-vu.toml", TASKS_TOML)
        .write("don-vi.json", UNITS_JSON)
        .write("kinh-phi.yaml", BUDGET_YAML)
        .write("chi-so-dti.csv", DTI_CSV)
        .write("diem-dti.csv", "Mã,Năm,Điểm,Chỉ số,Loại\n1.1.1,2024,50,,tự đánh giá\n1.2,2024,,\"0,8241\",chính thức\n");
    s
}

#[test]
fn exports_read_back_to_the_same_data() {
    let s = full_site();
    let data = clean(&s);
    let files = export_all(&data);
    assert_eq!(files.len(), 14);
    assert_eq!(export_all(&data), files, "exports are deterministic");
    let csv = String::from_utf8(files[2].1.clone()).unwrap();
    assert_eq!(files[2].0, "ket-qua.csv");
    assert_eq!(
        csv,
        "\u{feff}Mã chỉ tiêu,Kỳ,Giá trị,Địa phương,Nguồn,Minh họa,Ghi chú\r\n\
         CT26-01,2025-Q3,92.3,,,không,'=SUM(A1)\r\n\
         CT26-02,2025,có,,,không,\r\n\
         CT26-03,2025,7,,,không,'-3 so với năm trước\r\n\
         CT26-01,2025-06,2.6650,,,không,\r\n"
    );
    let json = String::from_utf8(files[3].1.clone()).unwrap();
    assert!(json.starts_with("[\n  {\n    \"target\": \"CT26-01\",\n    \"period\": \"2025-Q3\",\n    \"value\": 92.3,\n    \"locality\": null,"), "{json}");
    for (i, (name, bytes)) in files.iter().enumerate() {
        // Read back each format alone (CSV, then JSON) and compare records.
        let copy = site();
        for (n, b) in files.iter().skip(i % 2).step_by(2) {
            copy.write(n, b);
        }
        let back = clean(&copy);
        for kind in Kind::ALL {
            assert_eq!(
                records(&back, kind),
                records(&data, kind),
                "{name} {kind:?}"
            );
        }
        let _ = bytes;
    }
}

#[test]
fn templates_are_ready_to_fill() {
    let s = site();
    for kind in Kind::ALL {
        let csv = template_csv(kind);
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
        s.write(&format!("{}.csv", kind.slug()), &csv);
        s.write(
            &format!("xlsx/{}.xlsx", kind.slug()),
            template_xlsx(kind).unwrap(),
        );
    }
    assert_eq!(
        template_xlsx(Kind::Targets).unwrap(),
        template_xlsx(Kind::Targets).unwrap()
    );
    let (data, msgs) = s.load();
    // Header rows only (required columns marked “*”, which the reader
    // ignores): nothing to complain about, nothing invented to publish, and
    // the “Hướng dẫn” sheet is never read as data.
    assert!(msgs.is_empty(), "{msgs:#?}");
    assert!(
        data.sources.iter().all(|s| s.rows == 0),
        "{:#?}",
        data.sources
    );
    assert!(data.targets.is_empty() && data.budget.is_empty());
    assert!(
        data.sources
            .iter()
            .all(|s| s.sheet.as_deref() != Some("Hướng dẫn"))
    );
}

#[test]
fn a_sheet_named_after_no_kind_is_a_warning() {
    let mut book = Workbook::new();
    let t = book.add_worksheet();
    t.set_name("Chỉ tiêu").unwrap();
    for (c, h) in ["Mã", "Chỉ tiêu", "Mục tiêu"].into_iter().enumerate() {
        t.write_string(0, c as u16, h).unwrap();
    }
    for (c, v) in ["A", "Tỷ lệ", "90"].into_iter().enumerate() {
        t.write_string(1, c as u16, v).unwrap();
    }
    let k = book.add_worksheet();
    k.set_name("KQ 2026").unwrap();
    k.write_string(0, 0, "Mã chỉ tiêu").unwrap();
    let n = book.add_worksheet();
    n.set_name("Hướng dẫn").unwrap();
    n.write_string(0, 0, "Điền dữ liệu vào các trang tính.")
        .unwrap();
    let s = site();
    s.write("du-lieu.xlsx", book.save_to_buffer().unwrap());
    let (data, msgs) = s.load();
    assert_eq!(data.targets.len(), 1);
    assert_eq!(msgs.len(), 1, "{msgs:#?}");
    assert!(
        msgs[0].starts_with("cảnh báo: trang tính “KQ 2026” không mang tên loại dữ liệu nào"),
        "{msgs:#?}"
    );
}
