//! Spreadsheets received from other systems, dropped in as received
//! (`[[data.nguon]]`): `tests/fixtures/nguon-nhan-ve` holds a portal-style
//! monthly export per commune (title rows, a two-row header with merged
//! group cells, one column per indicator, a total row; made by
//! `tools/make_received_example.py`). Built end to end; errors must point at
//! the original file and cell.

mod common;

use common::Site;

fn page(site: &Site, rel: &str) -> String {
    common::html_unescape(&site.read_out(rel)).replace('\u{a0}', " ")
}

#[test]
fn a_wide_export_becomes_indicator_series_per_commune() {
    let site = Site::fixture("nguon-nhan-ve");
    let run = site.build_ok(&[]);
    assert!(!run.stderr.contains("cảnh báo"), "{}", run.stderr);
    let csv = site.read_out("du-lieu/chi-so.csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    // 4 communes × 3 indicators, less Bình Minh's empty reuse cell (no
    // figure, never 0); the "Tổng cộng" row is not a unit.
    assert_eq!(rows.len(), 11, "{csv}");
    assert!(!csv.contains("Tổng cộng"));
    assert!(!csv.contains("Tỷ lệ tái sử dụng dữ liệu,%,Xã Bình Minh"));
    assert!(csv.contains(
        "Tỷ lệ hồ sơ nộp trực tuyến,%,Xã An Hòa,2026-10,96.5,,\"Tệp nhận về dvc-thang-10-2026.xlsx, trang tính “Báo cáo”\",có,"
    ), "{csv}");
    // Column G named by letter (merged down two header rows).
    assert!(csv.contains("Tỷ lệ tái sử dụng dữ liệu,%,Phường Đông Hà,2026-10,80.5,"));
    // The measured-indicator pages, by unit, marked illustrative.
    let one = page(&site, "chi-so/ty-le-ho-so-nop-truc-tuyen/index.html");
    assert!(one.contains("Phường Đông Hà"), "{one}");
    assert!(one.contains("minh họa"));
    // Each commune is a locality with its own page.
    assert!(site.out("dia-phuong/xa-kim-son/index.html").is_file());
}

#[test]
fn errors_point_at_the_original_cell_and_the_mapping() {
    let site = Site::empty();
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nunit = \"UBND tỉnh Thử\"\nbase_url = \"https://tinh-thu.example/\"\n\n\
         [[data.nguon]]\ntep = \"bao-cao-thang.csv\"\nloai = \"chi-so\"\ndong_tieu_de = 3\n\
         cot_dia_phuong = \"Đơn vị\"\ncot_ky = \"Tháng\"\n\n[data.nguon.cot]\n\"Tỷ lệ (%)\" = \"Tỷ lệ hồ sơ trực tuyến\"\n",
    );
    site.write("content/_index.md", "+++\ntitle = \"Thử\"\n+++\n");
    // A CSV export with a title line and a blank line above the header.
    site.write(
        "content/du-lieu/bao-cao-thang.csv",
        "BÁO CÁO THÁNG,,\n,,\nĐơn vị,Tháng,Tỷ lệ (%)\nXã A,10/2026,95\nXã B,10/2026,9x\nTổng cộng,10/2026,\n",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "lỗi: cột “Tỷ lệ (%)”: “9x” không phải là số",
        "content/du-lieu/bao-cao-thang.csv [ô C5]",
    ]);
    // A column the header does not have: named, with the header's columns.
    site.write(
        "content/du-lieu/bao-cao-thang.csv",
        "BÁO CÁO THÁNG,,\n,,\nĐơn vị,Kỳ,Tỷ lệ (%)\nXã A,10/2026,95\n",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "[[data.nguon]] cot_ky: không có cột “Tháng” ở dòng tiêu đề",
        "content/du-lieu/bao-cao-thang.csv [ô A3]",
        "B “Kỳ”",
    ]);
    // A declared file that is not there.
    site.remove("content/du-lieu/bao-cao-thang.csv");
    site.write(
        "content/du-lieu/chi-so.csv",
        "Chỉ số,Kỳ,Giá trị\nX,2026,1\n",
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "[[data.nguon]] tep = “bao-cao-thang.csv”: không có tệp này trong thư mục dữ liệu",
    ]);
}
