//! Delimited text (`.csv`, `.tsv`, `.txt`) → rows of cells. The separator is
//! sniffed on the header line among `,`, `;` and TAB, ignoring separators
//! inside quotes. Cells keep their spreadsheet name (`D5`) and line.

use std::path::Path;
use std::sync::Arc;

use super::limits::{self, MAX_ROWS};
use crate::data::table::{Cell, Loc, Row, Value};

/// Picks the separator that occurs most often outside quotes on the first
/// record; ties prefer tab, then `;`, then `,` (the default).
pub fn sniff_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3]; // tab, ';', ','
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            '\t' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            ',' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return b',';
    }
    [b'\t', b';', b','][counts.iter().position(|&c| c == max).unwrap_or(2)]
}

/// Why delimited text could not be read: a Vietnamese message, the line and
/// how to fix it.
#[derive(Debug)]
pub struct CsvError {
    pub message: String,
    pub line: usize,
    pub hint: &'static str,
}

/// Parses delimited text. Errors are malformed quoting and more than
/// [`MAX_ROWS`] rows (reading stops there, before the rest is allocated).
pub fn read_delimited(text: &str, path: &Arc<Path>) -> Result<Vec<Row>, CsvError> {
    let sep = sniff_separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Spreadsheet row numbers count the blank lines the CSV reader skips,
    // so `B4` here is `B4` when the file is opened in Excel.
    let mut index = 0usize;
    let mut expected_line = 1usize;
    let (mut counted_to, mut lines_before) = (0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) if rows.len() == MAX_ROWS => {
                return Err(CsvError {
                    message: limits::too_many_rows("tệp"),
                    line: record.position().map_or(index + 1, |p| p.line() as usize),
                    hint: limits::ROWS_HINT,
                });
            }
            Ok(true) => {
                // The reader's own line count skips blank lines: count from bytes.
                let mut byte = record
                    .position()
                    .map_or(counted_to, |p| p.byte() as usize)
                    .min(text.len());
                while matches!(text.as_bytes().get(byte), Some(b'\n' | b'\r')) {
                    byte += 1;
                }
                lines_before += text.as_bytes()[counted_to.min(byte)..byte]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                counted_to = counted_to.max(byte);
                let start = lines_before + 1;
                let line = Some(start);
                index += 1 + start.saturating_sub(expected_line);
                expected_line = start
                    + 1
                    + record
                        .iter()
                        .map(|f| f.matches('\n').count())
                        .sum::<usize>();
                let base = Loc {
                    path: path.clone(),
                    sheet: None,
                    row: index,
                    column: Some(0),
                    line,
                    grid: true,
                };
                let cells = record
                    .iter()
                    .enumerate()
                    .map(|(col, raw)| Cell {
                        value: text_value(raw),
                        loc: base.with_column(col),
                    })
                    .collect();
                rows.push(Row { cells, loc: base });
            }
            Err(e) => {
                let line = e.position().map_or(index + 1, |p| p.line() as usize);
                return Err(CsvError {
                    message: format!("không đọc được dòng CSV: {}", csv_reason(&e)),
                    line,
                    hint: "kiểm tra dấu ngoặc kép (\") trong dòng này: mỗi ô mở ngoặc phải đóng ngoặc",
                });
            }
        }
    }
    Ok(rows)
}

/// A text cell; a leading `'` that neutralises a formula (as our exports
/// write) is removed again.
fn text_value(raw: &str) -> Value {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Value::Empty;
    }
    let unquoted = match trimmed.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => trimmed,
    };
    Value::Text(unquoted.to_owned())
}

/// The csv reader's error in Vietnamese (its own text is English).
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => crate::os_error::reason(io),
        csv::ErrorKind::Utf8 { .. } => {
            "dòng có ký tự không phải mã UTF-8 (lưu lại tệp dưới dạng “CSV UTF-8”)".to_owned()
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("dòng có {len} ô, dòng tiêu đề có {expected_len} ô")
        }
        _ => "dòng không đúng định dạng CSV".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_separators_outside_quotes() {
        assert_eq!(sniff_separator("a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(sniff_separator("a;b;\"c,d,e,f\"\n"), b';');
        assert_eq!(sniff_separator("Mã\tChỉ tiêu\tMục tiêu\r\n"), b'\t');
        assert_eq!(sniff_separator("\"Ghi chú, có dấu phẩy\";b\n"), b';');
        assert_eq!(sniff_separator("one"), b',');
    }

    #[test]
    fn cells_know_their_place() {
        let path: Arc<Path> = Arc::from(Path::new("du-lieu/a.csv"));
        let rows = read_delimited("Mã;Giá trị\nA;\"95,5\"\n\nB;'=1+1\n", &path).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].cells[1].value, Value::Text("95,5".into()));
        assert_eq!(rows[1].cells[1].loc.cell().as_deref(), Some("B2"));
        assert_eq!(rows[2].cells[1].value, Value::Text("=1+1".into()));
        assert_eq!(rows[2].loc.line, Some(4));
        assert_eq!(rows[2].cells[1].loc.cell().as_deref(), Some("B4"));
    }
}
