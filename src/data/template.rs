//! Ready-to-fill files for `minhbach new dataset <kind>`: an `.xlsx` (header
//! row with required columns marked, drop-down lists for fixed-value
//! columns, a "Hướng dẫn" sheet with every column's meaning and an example)
//! or a CSV (UTF-8 with BOM, CRLF, the header row). Neither holds example
//! data: a fresh template passes `check` and publishes nothing invented.

use rust_xlsxwriter::{Color, DataValidation, DocProperties, ExcelDateTime, Format, Workbook};

use super::export::{csv_bytes, export_columns};
use super::kind::Kind;
use super::schema::{Column, Field};
use super::values::Comparison;

/// Header text of a column in a template: required columns end in " *"
/// (the header reader ignores a trailing `*`).
fn header(c: &Column) -> String {
    if c.required {
        format!("{} *", c.header)
    } else {
        c.header.to_owned()
    }
}

/// The fixed values a column accepts, for drop-down lists: comparisons
/// (So sánh), task states (Trạng thái) and criterion statuses (Xanh /
/// Vàng / Đỏ).
pub fn choices(kind: Kind, field: Field) -> Option<Vec<&'static str>> {
    if kind == Kind::Criteria {
        return (field == Field::Status).then(|| {
            crate::data::values::Light::ALL
                .map(crate::data::values::Light::label)
                .to_vec()
        });
    }
    match field {
        Field::Comparison => Some(
            [
                Comparison::AtLeast,
                Comparison::Above,
                Comparison::AtMost,
                Comparison::Below,
                Comparison::Equal,
                Comparison::Rank,
                Comparison::YesNo,
            ]
            .map(Comparison::label)
            .to_vec(),
        ),
        Field::Status => Some(vec![
            "chưa bắt đầu",
            "đang thực hiện",
            "hoàn thành",
            "tạm dừng",
        ]),
        _ => None,
    }
}

/// The CSV template of `kind`: the header row only (required columns
/// marked with `*`); no example row, so nothing illustrative is published.
pub fn template_csv(kind: Kind) -> Vec<u8> {
    let headers: Vec<String> = export_columns(kind).iter().map(|c| header(c)).collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    csv_bytes(&headers, &[])
}

/// Sheet name of a kind: "Chỉ tiêu", "Bộ chỉ số DTI"…
pub fn sheet_name(kind: Kind) -> String {
    let label = kind.label();
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Rows of the data sheet that get the drop-down lists.
const LIST_ROWS: u32 = 2000;

/// The Excel template of `kind`: a data sheet with the header row (required
/// columns marked `*` and coloured, drop-down lists for fixed-value
/// columns) and a "Hướng dẫn" sheet explaining every column with an
/// example. The guidance sheet's name is no data kind, so it is never read.
pub fn template_xlsx(kind: Kind) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| format!("không tạo được tệp Excel: {e}");
    let mut book = Workbook::new();
    // A fixed creation date keeps the bytes identical from run to run.
    let created = ExcelDateTime::from_ymd(2025, 1, 1).map_err(err)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let optional = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let required = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xFCE4D6));
    let cols = export_columns(kind);
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(kind)).map_err(err)?;
    for (i, c) in cols.iter().enumerate() {
        let col = i as u16;
        let format = if c.required { &required } else { &optional };
        sheet
            .write_string_with_format(0, col, header(c), format)
            .map_err(err)?;
        let width = header(c)
            .chars()
            .count()
            .max(c.example.chars().count())
            .clamp(8, 60)
            + 2;
        sheet.set_column_width(col, width as f64).map_err(err)?;
        if let Some(values) = choices(kind, c.field) {
            let list = DataValidation::new()
                .allow_list_strings(&values)
                .map_err(err)?
                .set_input_title(c.header)
                .map_err(err)?
                .set_input_message("Chọn trong danh sách.")
                .map_err(err)?
                .set_error_title("Giá trị không có trong danh sách")
                .map_err(err)?
                .set_error_message(format!("Chọn một trong: {}.", values.join(", ")))
                .map_err(err)?;
            sheet
                .add_data_validation(1, col, LIST_ROWS, col, &list)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;

    let guide = book.add_worksheet();
    guide.set_name("Hướng dẫn").map_err(err)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let intro = [
        format!(
            "Nhập mỗi dòng một mục vào trang tính “{}”, bắt đầu từ dòng 2. Không đổi tên trang tính và tên cột.",
            sheet_name(kind)
        ),
        "Cột có dấu * (tô màu cam) là bắt buộc. Cột có danh sách chọn: nhấn vào ô rồi chọn giá trị.".to_owned(),
        "Trang tính “Hướng dẫn” này không được đưa lên trang web. Xem thêm docs/du-lieu.md.".to_owned(),
    ];
    for (r, line) in intro.iter().enumerate() {
        guide.write_string(r as u32, 0, line).map_err(err)?;
    }
    let top = intro.len() as u32 + 1;
    for (c, h) in ["Cột", "Bắt buộc", "Giá trị dùng được", "Ví dụ"]
        .iter()
        .enumerate()
    {
        guide
            .write_string_with_format(top, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (i, c) in cols.iter().enumerate() {
        let r = top + 1 + i as u32;
        guide.write_string(r, 0, c.header).map_err(err)?;
        guide
            .write_string(r, 1, if c.required { "có" } else { "" })
            .map_err(err)?;
        let allowed = choices(kind, c.field)
            .map(|v| v.join(", "))
            .unwrap_or_default();
        guide
            .write_string_with_format(r, 2, allowed, &wrap)
            .map_err(err)?;
        guide.write_string(r, 3, c.example).map_err(err)?;
    }
    for (c, w) in [28.0, 10.0, 50.0, 40.0].iter().enumerate() {
        guide.set_column_width(c as u16, *w).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

/// Headers of the columns of `kind` that have a drop-down list.
pub fn list_columns(kind: Kind) -> Vec<&'static str> {
    export_columns(kind)
        .iter()
        .filter(|c| choices(kind, c.field).is_some())
        .map(|c| c.header)
        .collect()
}

/// The guidance as text lines, for the terminal after `new dataset --csv`.
pub fn guidance_lines(kind: Kind) -> Vec<String> {
    export_columns(kind)
        .iter()
        .map(|c| {
            let mut line = format!("  {}", header(c));
            if let Some(v) = choices(kind, c.field) {
                line.push_str(&format!(" — một trong: {}", v.join(", ")));
            } else if !c.example.is_empty() {
                line.push_str(&format!(" — ví dụ: {}", c.example));
            }
            line
        })
        .collect()
}
