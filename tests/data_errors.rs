//! The exact text of every data error and warning, as `Diagnostic::render`
//! prints it. One broken site per group of problems; every problem of a
//! site is reported in one run.

use std::path::PathBuf;

use minhbach::data::{DataOptions, load_dir};
use minhbach::diagnostics::Diagnostics;
use rust_xlsxwriter::Workbook;

fn messages(files: &[(&str, &[u8])], options: &DataOptions) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let root: PathBuf = tmp.path().to_path_buf();
    let dir = root.join("du-lieu");
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let mut diags = Diagnostics::new();
    load_dir(&root, &dir, options, &mut diags);
    diags.sort();
    diags
        .iter()
        .map(|d| d.render())
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(files: &[(&str, &[u8])], want: &str) {
    check_with(files, &DataOptions::default(), want);
}

fn check_with(files: &[(&str, &[u8])], options: &DataOptions, want: &str) {
    let got = messages(files, options);
    if got != want {
        println!("----- got -----\n{got}\n---------------");
    }
    assert_eq!(got, want);
}

#[test]
fn headers() {
    check(
        &[(
            "chi-tieu.csv",
            "Mã,Chi tieu,Muc tieuu,Hạn chót,Mã chỉ tiêu\nCT-01,Tỷ lệ,95,2026,x\n".as_bytes(),
        )],
        r#"lỗi: thiếu cột bắt buộc “Mục tiêu” trong dữ liệu chỉ tiêu
  --> du-lieu/chi-tieu.csv [ô A1]
  = gợi ý: thêm cột “Mục tiêu” (hoặc một tên khác của nó: target, Chỉ tiêu giao)

lỗi: cột “Muc tieuu” không có trong dữ liệu chỉ tiêu (tệp chi-tieu.csv)
  --> du-lieu/chi-tieu.csv [ô C1]
  = gợi ý: có phải ý bạn là “Mục tiêu”? các cột dùng được: Mã, Trụ cột, Chỉ tiêu, Đơn vị tính, So sánh, Mục tiêu, Giá trị gốc, Bắt đầu, Thời hạn, Văn bản, Đơn vị chủ trì, Địa phương, Minh họa, Ghi chú, STT

lỗi: cột “Hạn chót” không có trong dữ liệu chỉ tiêu (tệp chi-tieu.csv)
  --> du-lieu/chi-tieu.csv [ô D1]
  = gợi ý: các cột dùng được: Mã, Trụ cột, Chỉ tiêu, Đơn vị tính, So sánh, Mục tiêu, Giá trị gốc, Bắt đầu, Thời hạn, Văn bản, Đơn vị chủ trì, Địa phương, Minh họa, Ghi chú, STT

lỗi: cột “Mã chỉ tiêu” trùng ý nghĩa với cột “Mã” (ô A1)
  --> du-lieu/chi-tieu.csv [ô E1]
  = gợi ý: xoá hoặc đổi tên một trong hai cột
"#,
    );
}

#[test]
fn values() {
    check(
        &[(
            "chi-tieu.csv",
            "Mã,Chỉ tiêu,Mục tiêu,Thời hạn,So sánh,Giá trị gốc\n\
             CT-01,Tỷ lệ hồ sơ,\"95,5x\",sớm,,1.234\n\
             CT-02,,2.665,2026,gấp đôi,\n\
             CT-03,Phủ sóng 5G,có,2026,tối thiểu,\n\
             ,Thiếu mã,,Quý V/2026,,\n"
                .as_bytes(),
        )],
        r#"lỗi: thiếu giá trị bắt buộc ở cột “Mã”
  --> du-lieu/chi-tieu.csv [ô A5]
  = gợi ý: nhập Mã cho dòng này, hoặc xoá cả dòng nếu không dùng

lỗi: thiếu giá trị bắt buộc ở cột “Chỉ tiêu”
  --> du-lieu/chi-tieu.csv [ô B3]
  = gợi ý: nhập Chỉ tiêu cho dòng này, hoặc xoá cả dòng nếu không dùng

lỗi: cột “Mục tiêu”: “95,5x” không phải là số
  --> du-lieu/chi-tieu.csv [ô C2]
  = gợi ý: viết số như 95,5 hoặc 1.552.020.000 (dấu chấm ngăn cách hàng nghìn, dấu phẩy đứng trước phần thập phân)

lỗi: cột “Mục tiêu”: “2.665” không rõ nghĩa: có thể là 2665 hoặc 2,665
  --> du-lieu/chi-tieu.csv [ô C3]
  = gợi ý: nếu là số nguyên, viết 2665 (không có dấu ngăn cách); nếu là số thập phân, viết 2,665

lỗi: cột “Mục tiêu”: “có” không phải là số
  --> du-lieu/chi-tieu.csv [ô C4]
  = gợi ý: chỉ tiêu so sánh “tối thiểu” cần một số; nếu là chỉ tiêu có/không, ghi “có/không” ở cột “So sánh”

lỗi: thiếu giá trị bắt buộc ở cột “Mục tiêu”
  --> du-lieu/chi-tieu.csv [ô C5]
  = gợi ý: nhập Mục tiêu cho dòng này, hoặc xoá cả dòng nếu không dùng

lỗi: cột “Thời hạn”: “sớm” không phải là thời hạn
  --> du-lieu/chi-tieu.csv [ô D2]
  = gợi ý: viết một ngày (30/11/2025), một quý (Quý I/2025), một tháng (06/2025), một năm (2025) hoặc “Thường xuyên”

lỗi: cột “Thời hạn”: “Quý V/2026”: quý phải từ I đến IV
  --> du-lieu/chi-tieu.csv [ô D5]
  = gợi ý: viết quý bằng số La Mã hoặc số, ví dụ Quý III/2025 hoặc Q3/2025

lỗi: cột “So sánh”: “gấp đôi” không phải là một cách so sánh
  --> du-lieu/chi-tieu.csv [ô E3]
  = gợi ý: dùng một trong: tối thiểu, trên, tối đa, dưới, đạt, xếp hạng, có/không

lỗi: cột “Giá trị gốc”: “1.234” không rõ nghĩa: có thể là 1234 hoặc 1,234
  --> du-lieu/chi-tieu.csv [ô F2]
  = gợi ý: nếu là số nguyên, viết 1234 (không có dấu ngăn cách); nếu là số thập phân, viết 1,234
"#,
    );
}

#[test]
fn references() {
    check(
        &[
            ("chi-tieu.csv", "Mã,Chỉ tiêu,Mục tiêu,Đơn vị chủ trì\nCT-01,A,1,VHXH\nCT-01,B,2,Phòng Văn hoá Xã hôi\nCT-03,C,có,\n".as_bytes()),
            ("ket-qua.csv", "Mã chỉ tiêu,Kỳ,Giá trị\nCT-1,2025,1\nCT-01,Quý II/2025,có\nCT-03,2025,2\nCT-01,Q2/2025,3\n".as_bytes()),
            ("don-vi.csv", "Mã,Tên,Tên viết tắt\nVHXH,Phòng Văn hóa - Xã hội,VH-XH\n".as_bytes()),
            ("nhiem-vu.csv", "Mã,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Trạng thái,Kinh phí\nNV-01,Tập huấn,VH-XH,Công an xã; VHXH,quá hạn,\"1,5\"\nNV-01,Khác,VHXH,,xong,\n".as_bytes()),
        ],
        r#"lỗi: mã chỉ tiêu “CT-01” bị trùng: đã có ở du-lieu/chi-tieu.csv [ô A2]
  --> du-lieu/chi-tieu.csv [ô A3]
  = gợi ý: mỗi chỉ tiêu cần một mã riêng

cảnh báo: đơn vị “Phòng Văn hoá Xã hôi” không có trong danh sách đơn vị
  --> du-lieu/chi-tieu.csv [ô D3]
  = gợi ý: có phải ý bạn là “Phòng Văn hóa - Xã hội”? Tên phải khớp mã, tên hoặc tên viết tắt trong tệp đơn vị

lỗi: kết quả của chỉ tiêu “CT-1” nhưng không có chỉ tiêu nào mang mã này
  --> du-lieu/ket-qua.csv [ô A2]
  = gợi ý: có phải ý bạn là “CT-01”? Nếu là chỉ tiêu mới, thêm nó vào tệp chỉ tiêu

lỗi: chỉ tiêu “CT-01” cần kết quả là số nhưng kết quả ghi có/không
  --> du-lieu/ket-qua.csv [ô A3]
  = gợi ý: ghi giá trị đo được, ví dụ 95,5

lỗi: chỉ tiêu “CT-03” là chỉ tiêu có/không nhưng kết quả là một số
  --> du-lieu/ket-qua.csv [ô A4]
  = gợi ý: ghi kết quả là “có” hoặc “không”

cảnh báo: kết quả “CT-01 – Quý II/2025” bị trùng: đã có ở du-lieu/ket-qua.csv [ô A3]
  --> du-lieu/ket-qua.csv [ô A5]
  = gợi ý: giữ một dòng cho mỗi chỉ tiêu và kỳ; dòng sau cùng trong tệp được dùng

lỗi: cột “Trạng thái”: “quá hạn” không phải là trạng thái nhập tay
  --> du-lieu/nhiem-vu.csv [ô E2]
  = gợi ý: quá hạn được tính tự động từ thời hạn; hãy ghi trạng thái thực tế: chưa bắt đầu, đang thực hiện, hoàn thành hoặc tạm dừng

lỗi: cột “Kinh phí”: “1,5” không phải là số tiền nguyên (đồng)
  --> du-lieu/nhiem-vu.csv [ô F2]
  = gợi ý: ghi số tiền bằng đồng, không có phần lẻ, ví dụ 1.552.020.000
"#,
    );
}

#[test]
fn dti() {
    check(
        &[
            ("chi-so-dti.csv", "Mã,Tên chỉ số,Điểm tối đa\n1,Chính quyền số,160\n1.1,Hạ tầng,100\n1.2,Nhân lực,50\n2.1,Mồ côi,10\n".as_bytes()),
            ("diem-dti.csv", "Mã,Năm,Điểm,Chỉ số,Kiểm chứng\n1.1,2025,80,,minh-chung/1.1.pdf\n1.3,2025,5,,\n1.2,2025,,1.5,\n1.2,năm 2025,,,\n".as_bytes()),
            ("kinh-phi.csv", "Năm,Nguồn vốn,Hạng mục,Kế hoạch,Đã giải ngân\n2025,Ngân sách xã,Tập huấn,\"1.000.000\",\"2.000.000\"\n25,Xã hội hóa,Wi-Fi,\"1.000.000,5\",\n".as_bytes()),
        ],
        r#"cảnh báo: điểm tối đa của chỉ số “1” là 160 nhưng tổng điểm tối đa của 2 chỉ số con là 150
  --> du-lieu/chi-so-dti.csv [ô A2]
  = gợi ý: kiểm tra lại điểm tối đa của chỉ số này và các chỉ số con

lỗi: chỉ số “2.1” không có chỉ số cha “2”
  --> du-lieu/chi-so-dti.csv [ô A5]
  = gợi ý: thêm dòng chỉ số mã “2”, hoặc sửa lại mã “2.1”

cảnh báo: không tìm thấy tệp kiểm chứng “minh-chung/1.1.pdf”
  --> du-lieu/diem-dti.csv [ô A2]
  = gợi ý: đường dẫn tính từ thư mục dữ liệu; kiểm tra tên tệp và thư mục con

lỗi: điểm của chỉ số “1.3” nhưng bộ chỉ số không có mã này
  --> du-lieu/diem-dti.csv [ô A3]
  = gợi ý: có phải ý bạn là “1.1”? Mã phải có trong bộ chỉ số (chi-so-dti)

lỗi: thiếu điểm: cần cột “Điểm” hoặc cột “Chỉ số”
  --> du-lieu/diem-dti.csv [ô C5]
  = gợi ý: nhập số điểm (ví dụ 16,5) hoặc chỉ số 0–1 (ví dụ 0,8241)

lỗi: cột “Chỉ số”: chỉ số 1,5 nằm ngoài khoảng 0–1
  --> du-lieu/diem-dti.csv [ô D4]
  = gợi ý: chỉ số chuẩn hoá là điểm chia cho điểm tối đa, ví dụ 0,8241; nếu là điểm, ghi vào cột “Điểm”

lỗi: cột “Năm”: “25” không phải là năm
  --> du-lieu/kinh-phi.csv [ô A3]
  = gợi ý: ghi năm bằng 4 chữ số, ví dụ 2025

lỗi: cột “Kế hoạch”: “1.000.000,5” không phải là số tiền nguyên (đồng)
  --> du-lieu/kinh-phi.csv [ô D3]
  = gợi ý: ghi số tiền bằng đồng, không có phần lẻ, ví dụ 1.552.020.000

cảnh báo: số đã giải ngân (2.000.000) lớn hơn kế hoạch (1.000.000)
  --> du-lieu/kinh-phi.csv [ô E2]
  = gợi ý: kiểm tra lại hai cột, hoặc ghi phần bổ sung thành một dòng kế hoạch riêng
"#,
    );
}

fn empty_workbook_named_targets() -> Vec<u8> {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Kết quả").unwrap();
    book.save_to_buffer().unwrap()
}

fn workbook_without_kinds() -> Vec<u8> {
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Sheet1").unwrap();
    s.write_string(0, 0, "x").unwrap();
    book.save_to_buffer().unwrap()
}

fn workbook_with_bad_cell() -> Vec<u8> {
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Chỉ tiêu").unwrap();
    for (c, h) in ["Mã", "Chỉ tiêu", "Mục tiêu"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.write_string(1, 0, "CT-01").unwrap();
    s.write_string(1, 1, "Tỷ lệ").unwrap();
    s.write_string(1, 2, "chín mươi").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn files() {
    check(
        &[
            ("chi-tieu.xlsx", &empty_workbook_named_targets()),
            ("du-lieu.xlsx", &workbook_without_kinds()),
            ("nhiem-vu.xlsx", &workbook_with_bad_cell()),
            ("bang-ke.csv", b"a,b\n"),
            ("ket-qua.csv", b"M\xE3,K\xF2\n"),
            ("don-vi.xls", b"\xD0\xCF"),
            ("kiem-chung/phu-luc.csv", b"a\n"),
        ],
        r#"cảnh báo: tên tệp “bang-ke.csv” không cho biết loại dữ liệu nên tệp bị bỏ qua
  --> du-lieu/bang-ke.csv
  = gợi ý: đặt tên tệp bắt đầu bằng chi-tieu, ket-qua, nhiem-vu, kinh-phi, chi-so-dti, diem-dti, don-vi hoặc chi-so

lỗi: tệp “chi-tieu.xlsx” mang tên dữ liệu chỉ tiêu nhưng không có trang tính nào chứa dữ liệu đó
  --> du-lieu/chi-tieu.xlsx
  = gợi ý: đặt tên trang tính là “Chỉ tiêu” hoặc nhập dữ liệu vào trang tính đầu tiên

cảnh báo: trang tính “Kết quả” không có dữ liệu
  --> du-lieu/chi-tieu.xlsx
  = gợi ý: nhập dòng tiêu đề và dữ liệu, hoặc xoá đi

lỗi: định dạng bảng tính này không được hỗ trợ
  --> du-lieu/don-vi.xls
  = gợi ý: mở tệp trong Excel và lưu lại thành Excel Workbook (.xlsx)

lỗi: không có trang tính nào mang tên một loại dữ liệu (có: “Sheet1”)
  --> du-lieu/du-lieu.xlsx
  = gợi ý: đặt tên trang tính là Chỉ tiêu, Kết quả, Nhiệm vụ, Kinh phí, Chỉ số DTI, Điểm DTI, Đơn vị hoặc Chỉ số

lỗi: tệp không phải là văn bản UTF-8
  --> du-lieu/ket-qua.csv:1
  = gợi ý: trong Excel chọn Lưu thành “CSV UTF-8 (Comma delimited)”; nếu tệp dùng bảng mã Windows-1258, đặt tên tệp kết thúc bằng .cp1258.csv hoặc ghi encoding = "windows-1258" trong mục [data] của minhbach.toml

lỗi: tệp “nhiem-vu.xlsx” mang tên dữ liệu nhiệm vụ nhưng không có trang tính nào chứa dữ liệu đó
  --> du-lieu/nhiem-vu.xlsx
  = gợi ý: đặt tên trang tính là “Nhiệm vụ” hoặc nhập dữ liệu vào trang tính đầu tiên

lỗi: cột “Mục tiêu”: “chín mươi” không phải là số
  --> du-lieu/nhiem-vu.xlsx [trang tính “Chỉ tiêu”, ô C2]
  = gợi ý: viết số như 95,5 hoặc 1.552.020.000 (dấu chấm ngăn cách hàng nghìn, dấu phẩy đứng trước phần thập phân)
"#,
    );
}

#[test]
fn text_formats() {
    check(
        &[
            (
                "chi-tieu.toml",
                b"[[chi-tieu]]\nma = \"CT-01\"\nchi_tieu = \"A\"\nmuc_tieu = \n",
            ),
            (
                "nhiem-vu.toml",
                "[[tasks]]\nma = \"NV-01\"\nnhiem_vu = \"A\"\nchu_tri = \"B\"\nthoi_hann = 2026\n"
                    .as_bytes(),
            ),
            ("don-vi.json", b"[{\"ma\": \"A\", \"ten\": \"B\",}]"),
            ("nhiem-vu.yaml", b"- ma: NV-01\n  nhiem_vu: [x\n"),
            (
                "don-vi.yaml",
                b"don-vi:\n  - ma: NO\n    ten: Norway\n  - ma: A\n",
            ),
            (
                "ket-qua.yaml",
                "- ma_chi_tieu: CT-01\n  ky: Quý 5/2025\n  gia_tri: 1\n".as_bytes(),
            ),
        ],
        r#"lỗi: cú pháp TOML không hợp lệ: thiếu giá trị sau “muc_tieu =”
  --> du-lieu/chi-tieu.toml:4:12
  |
4 | muc_tieu = 
  |            ^
  = gợi ý: viết giá trị sau dấu “=”, ví dụ: muc_tieu = "…", hoặc xoá cả dòng

lỗi: cú pháp JSON không hợp lệ: thừa dấu phẩy trước dấu đóng ngoặc
  --> du-lieu/don-vi.json:1:25
  |
1 | [{"ma": "A", "ten": "B",}]
  |                         ^
  = gợi ý: xoá dấu phẩy cuối cùng

lỗi: thiếu giá trị bắt buộc ở cột “ten”
  --> du-lieu/don-vi.yaml:4
  = gợi ý: nhập ten cho dòng này, hoặc xoá cả dòng nếu không dùng

lỗi: cột “ky”: “Quý 5/2025”: quý phải từ I đến IV
  --> du-lieu/ket-qua.yaml:2
  = gợi ý: viết quý bằng số La Mã hoặc số, ví dụ Quý III/2025 hoặc Q3/2025

cảnh báo: đơn vị “B” không có trong danh sách đơn vị
  --> du-lieu/nhiem-vu.toml:4
  = gợi ý: thêm đơn vị này vào tệp đơn vị (don-vi), hoặc ghi đúng mã, tên hoặc tên viết tắt đã có

lỗi: cột “thoi_hann” không có trong dữ liệu nhiệm vụ (tệp nhiem-vu.toml)
  --> du-lieu/nhiem-vu.toml:5
  = gợi ý: có phải ý bạn là “Thời hạn”? các cột dùng được: Mã, Nhiệm vụ, Trụ cột, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Kinh phí, Trạng thái, Ngày hoàn thành, Văn bản, Lặp lại, Bắt đầu, Đã báo cáo, Địa phương, Minh họa, Ghi chú, STT

lỗi: cú pháp YAML không hợp lệ: danh sách chưa được đóng bằng “]”
  --> du-lieu/nhiem-vu.yaml:2:13
  |
2 |   nhiem_vu: [x
  |             ^
  = gợi ý: đóng danh sách trên cùng dòng, ví dụ: nhiem_vu: [giá trị 1, giá trị 2]
"#,
    );
}

#[test]
fn encoding_option() {
    check_with(
        &[("chi-tieu.csv", b"Ma,Chi tieu,Muc tieu\nA,B,1\n")],
        &DataOptions {
            encoding: Some("tcvn3".into()),
            ..DataOptions::default()
        },
        r#"lỗi: không biết bảng mã “tcvn3” (mục [data], khoá encoding)
  --> minhbach.toml
  = gợi ý: dùng "windows-1258" cho tệp CSV theo bảng mã tiếng Việt của Windows, hoặc bỏ khoá này để dùng UTF-8
"#,
    );
}

#[test]
fn a_file_that_is_not_a_workbook_is_named_without_the_readers_english() {
    let got = messages(
        &[("chi-tieu.xlsx", b"khong phai so tinh")],
        &DataOptions::default(),
    );
    assert!(
        got.contains(
            "không mở được sổ tính Excel: tệp không phải .xlsx hợp lệ, đã bị hỏng, hoặc có đặt mật khẩu"
        ),
        "{got}"
    );
    for w in ["EOCD", "Zip", "invalid", "archive"] {
        assert!(!got.contains(w), "English “{w}” in {got}");
    }
}

#[test]
fn criteria_and_recurring_tasks() {
    let got = messages(
        &[
            (
                "tieu-chi.csv",
                "Mã,Tiêu chí,Nhóm,Hạn,Trạng thái,Hoàn thành\n\
                 TC-01,Có chuyên mục,Hạ tầng số,30/09/2025,Tím,\n\
                 TC-02,Có kho dữ liệu,,,xanh,có lẽ\n\
                 TC-03,Có chữ ký số,,,do,\n\
                 TC-03,Trùng mã,,,do,\n"
                    .as_bytes(),
            ),
            (
                "nhiem-vu.csv",
                "Mã,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Lặp lại,Đã báo cáo\n\
                 NV-01,Báo cáo quý,VHXH,Thường xuyên,hằng tuần,\n\
                 NV-02,Báo cáo tháng,VHXH,2025,hằng tháng ngày 5,đã nộp\n"
                    .as_bytes(),
            ),
        ],
        &DataOptions::default(),
    );
    for want in [
        "lỗi: cột “Trạng thái”: “Tím” không phải là trạng thái tiêu chí\n  --> du-lieu/tieu-chi.csv [ô E2]\n  = gợi ý: ghi “Xanh”, “Vàng” hoặc “Đỏ”",
        "lỗi: cột “Hoàn thành”: “có lẽ” không phải là có/không hay một ngày\n  --> du-lieu/tieu-chi.csv [ô F3]",
        "lỗi: mã tiêu chí “TC-03” bị trùng: đã có ở du-lieu/tieu-chi.csv [ô A4]\n  --> du-lieu/tieu-chi.csv [ô A5]",
        "lỗi: cột “Lặp lại”: không hiểu quy tắc lặp lại “hằng tuần”: không hiểu từ “hang”\n  --> du-lieu/nhiem-vu.csv [ô E2]\n  = gợi ý: viết tần suất (hằng tháng, hằng quý, hằng năm) và ngày đến hạn; ví dụ: “hằng tháng, ngày 5”, “hằng quý, ngày 15 tháng cuối quý”, “trước ngày 15 của tháng cuối quý”",
        "lỗi: cột “Đã báo cáo”: “đã nộp” không phải là một lần báo cáo\n  --> du-lieu/nhiem-vu.csv [ô F3]",
    ] {
        assert!(
            got.contains(want),
            "missing:\n{want}\n----- got -----\n{got}"
        );
    }
}
