//! Excel workbooks (`.xlsx`, `.xlsm`) via calamine → one table per sheet.
//! Numbers arrive as floats, dates as date-times (converted to civil dates
//! when the time is midnight); formulas give their cached value; cells are
//! named like Excel names them (`C12`), with the sheet.
//!
//! Bounded before anything is allocated for the content: the zip entries'
//! unpacked size is checked (declared sizes first, then by reading at most
//! the limit), and cells are streamed one by one, never as the rectangle the
//! sheet's `<dimension>` declares — one stray cell at `XFD1048576` would make
//! that rectangle 17 billion cells. Rows keep only their real cells (from
//! column A to the last filled one); empty rows are left out.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataRef, Reader, Xlsx};
use jiff::civil::{Date, DateTime};

use super::limits::{self, MAX_GRID_CELLS, MAX_ROWS, MAX_UNPACKED_BYTES};
use crate::data::table::{Cell, Loc, Row, Table, Value};
use crate::diagnostics::column_letters;

/// Why a workbook could not be read: the message, the sheet and cell when
/// known, and how to fix it.
#[derive(Debug)]
pub struct WorkbookError {
    pub message: String,
    pub at: Option<(String, String)>,
    pub hint: &'static str,
}

const REOPEN_HINT: &str = "kiểm tra tệp có mở được bằng Excel không, rồi lưu lại thành .xlsx";
const FAR_CELL_HINT: &str = "mở trang tính, bấm Ctrl+End để đến ô cuối cùng có nội dung, xóa các hàng và cột thừa (chọn rồi bấm Xóa hàng/Xóa cột, không chỉ xóa nội dung) rồi lưu lại";

impl WorkbookError {
    fn plain(message: String) -> Self {
        WorkbookError {
            message,
            at: None,
            hint: REOPEN_HINT,
        }
    }
}

/// Reads every sheet of a workbook, in workbook order.
pub fn read_workbook(bytes: Vec<u8>, path: &Arc<Path>) -> Result<Vec<Table>, WorkbookError> {
    check_unpacked_size(&bytes, MAX_UNPACKED_BYTES)?;
    // The readers' own messages are English ("Could not find EOCD"): the
    // officer gets what it means for the file.
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| {
        WorkbookError::plain(
            "không mở được sổ tính Excel: phần bên trong tệp .xlsx bị thiếu hoặc hỏng".to_owned(),
        )
    })?;
    let mut budget = MAX_GRID_CELLS;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let rows = read_sheet(&mut book, &name, path, &mut budget)?;
        tables.push(Table {
            path: path.clone(),
            sheet: Some(name),
            keyed: false,
            rows,
        });
    }
    Ok(tables)
}

/// Refuses a workbook whose zip entries unpack to more than `limit`
/// ([`MAX_UNPACKED_BYTES`]), from the sizes its central directory declares,
/// before anything is unpacked. A declared size cannot understate: the zip
/// reader stops with an error past an entry's declared size (tested below).
fn check_unpacked_size(bytes: &[u8], limit: u64) -> Result<(), WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        WorkbookError::plain(
            "không mở được sổ tính Excel: tệp không phải .xlsx hợp lệ, đã bị hỏng, hoặc có đặt mật khẩu"
                .to_owned(),
        )
    })?;
    let declared: u64 = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size()))
        .fold(0u64, u64::saturating_add);
    if declared > limit {
        return Err(too_big(declared, limit));
    }
    Ok(())
}

fn too_big(bytes: u64, limit: u64) -> WorkbookError {
    WorkbookError {
        message: format!(
            "sổ tính Excel giải nén ra hơn {} MB (giới hạn {} MB) — tệp quá lớn hoặc đã bị làm hỏng",
            limits::megabytes(bytes.min(u64::MAX - 1)),
            limits::megabytes(limit)
        ),
        at: None,
        hint: "xóa các trang tính, hình ảnh và định dạng không dùng rồi lưu lại; hoặc tách sổ tính thành nhiều tệp",
    }
}

/// Streams one sheet's cells into rows. `budget` is what is left of
/// [`MAX_GRID_CELLS`] for the whole workbook.
fn read_sheet(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    path: &Arc<Path>,
    budget: &mut usize,
) -> Result<Vec<Row>, WorkbookError> {
    let unreadable = |_: calamine::XlsxError| {
        WorkbookError::plain(format!(
            "không đọc được trang tính “{name}”: dữ liệu bên trong tệp bị hỏng"
        ))
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut rows: Vec<Row> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let value = convert_ref(cell.get_value());
        if value == Value::Empty {
            continue; // formatting only: not a real cell
        }
        let (r, c) = cell.get_position();
        let (row, col) = (r as usize + 1, c as usize);
        let new_row = rows.last().is_none_or(|last| last.loc.row != row);
        if new_row && rows.len() == MAX_ROWS {
            return Err(WorkbookError {
                message: limits::too_many_rows(&format!("trang tính “{name}”")),
                at: Some((name.to_owned(), format!("A{row}"))),
                hint: limits::ROWS_HINT,
            });
        }
        if new_row || rows.last().is_some_and(|last| last.cells.len() > col) {
            // Cells come row by row, left to right; a cell out of that order
            // starts a row of its own (later rows are merged below).
            rows.push(empty_row(path, name, row));
        }
        let last = rows.last_mut().expect("a row was just pushed");
        let needed = col + 1 - last.cells.len();
        if needed > *budget {
            return Err(far_cell(name, row, col));
        }
        *budget -= needed;
        while last.cells.len() < col {
            let loc = last.loc.with_column(last.cells.len());
            last.cells.push(Cell {
                value: Value::Empty,
                loc,
            });
        }
        let loc = last.loc.with_column(col);
        last.cells.push(Cell { value, loc });
    }
    Ok(merge_out_of_order(rows))
}

fn empty_row(path: &Arc<Path>, sheet: &str, row: usize) -> Row {
    Row {
        cells: Vec::new(),
        loc: Loc {
            path: path.clone(),
            sheet: Some(sheet.to_owned()),
            row,
            column: Some(0),
            line: None,
            grid: true,
        },
    }
}

fn far_cell(sheet: &str, row: usize, col: usize) -> WorkbookError {
    let cell = format!("{}{row}", column_letters(col));
    WorkbookError {
        message: format!(
            "ô {cell} ở trang tính “{sheet}” nằm quá xa phần dữ liệu: sổ tính trải ra hơn {} ô (tính cả ô trống từ cột A) — thường do một ký tự gõ nhầm ở xa bảng",
            limits::count(MAX_GRID_CELLS)
        ),
        at: Some((sheet.to_owned(), cell)),
        hint: FAR_CELL_HINT,
    }
}

/// Excel writes cells in row order; a hand-made file may not. Rows with the
/// same number are merged (cells sorted by column) and rows sorted.
fn merge_out_of_order(mut rows: Vec<Row>) -> Vec<Row> {
    if rows.windows(2).all(|w| w[0].loc.row < w[1].loc.row) {
        return rows;
    }
    rows.sort_by_key(|r| r.loc.row);
    let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        match merged.last_mut() {
            Some(last) if last.loc.row == row.loc.row => {
                for cell in row.cells {
                    let col = cell.loc.column.unwrap_or(0);
                    while last.cells.len() <= col {
                        let loc = last.loc.with_column(last.cells.len());
                        last.cells.push(Cell {
                            value: Value::Empty,
                            loc,
                        });
                    }
                    if cell.value != Value::Empty {
                        last.cells[col] = cell;
                    }
                }
            }
            _ => merged.push(row),
        }
    }
    merged
}

fn convert_ref(data: &DataRef<'_>) -> Value {
    match data {
        DataRef::SharedString(s) => text(s),
        DataRef::String(s) => text(s),
        other => convert(&Data::from(other.clone())),
    }
}

fn text(s: &str) -> Value {
    let nfc: String = unicode_normalization::UnicodeNormalization::nfc(s).collect();
    if nfc.trim().is_empty() {
        Value::Empty
    } else {
        Value::Text(nfc.trim().to_owned())
    }
}

fn convert(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => text(s),
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

#[cfg(test)]
mod tests {
    use std::io::{Read as _, Write as _};

    use super::*;

    /// A zip with one deflated entry of `len` zeros.
    fn zeros_zip(len: usize) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        out.start_file(
            "xl/worksheets/sheet1.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        out.write_all(&vec![0u8; len]).unwrap();
        out.finish().unwrap().into_inner()
    }

    /// Rewrites every declared uncompressed size (local header offset 22,
    /// central directory offset 24) to `size`.
    fn lie_about_size(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
        for (signature, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let at: Vec<usize> = zip
                .windows(4)
                .enumerate()
                .filter(|(_, w)| w == signature)
                .map(|(i, _)| i)
                .collect();
            for i in at {
                zip[i + offset..i + offset + 4].copy_from_slice(&size.to_le_bytes());
            }
        }
        zip
    }

    #[test]
    fn unpacked_size_is_checked_by_declaration_and_by_reading() {
        const MB: u64 = 1024 * 1024;
        assert!(check_unpacked_size(&zeros_zip(1024), MB).is_ok());
        let honest = check_unpacked_size(&zeros_zip(3 * MB as usize), MB).unwrap_err();
        assert!(
            honest
                .message
                .contains("giải nén ra hơn 3 MB (giới hạn 1 MB)"),
            "{}",
            honest.message
        );
        // A zip that understates (10 bytes declared, 3 MB inside) passes the
        // declaration check, but no reader can unpack past the 10 bytes.
        let liar = lie_about_size(zeros_zip(3 * MB as usize), 10);
        assert!(check_unpacked_size(&liar, MB).is_ok());
        let mut zip = zip::ZipArchive::new(Cursor::new(liar.as_slice())).unwrap();
        let mut unpacked = Vec::new();
        let read = zip.by_index(0).unwrap().read_to_end(&mut unpacked);
        assert!(
            read.is_err() && unpacked.len() <= 64 * 1024,
            "{}",
            unpacked.len()
        );
        let book = read_workbook(liar, &Arc::from(Path::new("a.xlsx")));
        assert!(book.is_err());
    }
}
