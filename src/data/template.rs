//! Ready-to-fill files for `minhbach new dataset <kind>`: a CSV (UTF-8 with
//! BOM, CRLF, the canonical headers and one example row) and an `.xlsx`
//! (bold header row, frozen, one example row, sensible column widths).

use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, Workbook};

use super::export::{csv_bytes, export_columns};
use super::kind::Kind;
use super::schema::Field;
use super::values::{NumberStyle, parse_number};

/// Columns whose example is written as a number in the workbook.
fn numeric(field: Field) -> bool {
    matches!(
        field,
        Field::Target
            | Field::Baseline
            | Field::Value
            | Field::Budget
            | Field::Planned
            | Field::Disbursed
            | Field::MaxPoints
            | Field::Points
            | Field::Index
            | Field::Year
    )
}

/// The CSV template of `kind`.
pub fn template_csv(kind: Kind) -> Vec<u8> {
    let cols = export_columns(kind);
    let headers: Vec<&str> = cols.iter().map(|c| c.header).collect();
    let example: Vec<String> = cols.iter().map(|c| c.example.to_owned()).collect();
    csv_bytes(&headers, &[example])
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

/// The Excel template of `kind`.
pub fn template_xlsx(kind: Kind) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| format!("không tạo được tệp Excel: {e}");
    let mut book = Workbook::new();
    // A fixed creation date keeps the bytes identical from run to run.
    let created = ExcelDateTime::from_ymd(2025, 1, 1).map_err(err)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(kind)).map_err(err)?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    for (i, c) in export_columns(kind).iter().enumerate() {
        let col = i as u16;
        sheet
            .write_string_with_format(0, col, c.header, &bold)
            .map_err(err)?;
        if !c.example.is_empty() {
            match parse_number(c.example, NumberStyle::Money) {
                Ok(n) if numeric(c.field) => sheet.write_number(1, col, n).map_err(err)?,
                _ => sheet.write_string(1, col, c.example).map_err(err)?,
            };
        }
        let width = c
            .header
            .chars()
            .count()
            .max(c.example.chars().count())
            .clamp(8, 60)
            + 2;
        sheet.set_column_width(col, width as f64).map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    book.save_to_buffer().map_err(err)
}
