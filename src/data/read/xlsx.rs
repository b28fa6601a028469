//! Excel workbooks (`.xlsx`, `.xlsm`) via calamine → one table per sheet.
//! Numbers arrive as floats, dates as date-times (converted to civil dates
//! when the time is midnight); formulas give their cached value; cells are
//! named like Excel names them (`C12`), with the sheet.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::{Date, DateTime};

use crate::data::table::{Cell, Loc, Row, Table, Value};

/// Reads every sheet of a workbook, in workbook order.
pub fn read_workbook(bytes: Vec<u8>, path: &Arc<Path>) -> Result<Vec<Table>, String> {
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("không mở được sổ tính Excel ({e})"))?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("không đọc được trang tính “{name}” ({e})"))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (r, cells) in range.rows().enumerate() {
            let base = Loc {
                path: path.clone(),
                sheet: Some(name.clone()),
                row: row0 as usize + r + 1,
                column: Some(col0 as usize),
                line: None,
                grid: true,
            };
            // Leading empty columns keep their letters: pad from column A.
            let mut row_cells: Vec<Cell> = (0..col0 as usize)
                .map(|c| Cell {
                    value: Value::Empty,
                    loc: base.with_column(c),
                })
                .collect();
            row_cells.extend(cells.iter().enumerate().map(|(c, data)| Cell {
                value: convert(data),
                loc: base.with_column(col0 as usize + c),
            }));
            rows.push(Row {
                cells: row_cells,
                loc: base.with_column(0),
            });
        }
        tables.push(Table {
            path: path.clone(),
            sheet: Some(name),
            keyed: false,
            rows,
        });
    }
    Ok(tables)
}

fn convert(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => {
            let nfc: String =
                unicode_normalization::UnicodeNormalization::nfc(s.as_str()).collect();
            if nfc.trim().is_empty() {
                Value::Empty
            } else {
                Value::Text(nfc.trim().to_owned())
            }
        }
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            let date = Date::new(y as i16, mo as i8, d as i8);
            match date {
                Ok(date) if (h, mi, s) == (0, 0, 0) => Value::Date(date),
                Ok(date) => Value::DateTime(DateTime::from_parts(
                    date,
                    jiff::civil::Time::new(h as i8, mi as i8, s as i8, 0).unwrap_or_default(),
                )),
                Err(_) => Value::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Text(e.to_string()),
    }
}
