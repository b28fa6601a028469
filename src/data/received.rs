//! Spreadsheets received from other systems (`[[data.nguon]]` in
//! `minhbach.toml`): a public-service portal's monthly table per commune, a
//! province's scoring table… dropped into the data folder as received.
//!
//! A [`Mapping`] says once which sheet, which header row(s) (title rows
//! above are skipped), which column names the unit, which gives the period
//! (or one period for the whole file), and which columns are indicators —
//! one column per indicator ("wide" tables). Each (row, indicator column)
//! with a value becomes one row of a long table for the measured-indicator
//! (`chi-so`) or result (`ket-qua`) dataset; every cell keeps its original
//! [`Loc`], so a bad value is reported at the original sheet and cell.
//! Empty values are no figure (never 0); total rows ("Tổng cộng", "Toàn
//! tỉnh") are skipped, since nothing is summed across units.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::kind::Kind;
use super::read::KindTable;
use super::table::{Cell, Loc, Row, Table, Value};
use crate::diagnostics::{Diagnostic, Diagnostics, column_letters};
use crate::text::fold;

/// One received file and how it maps onto a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Mapping {
    /// The file, relative to the data folder (`dvc-thang-10-2026.xlsx`).
    pub tep: String,
    /// The dataset: `chi-so` (measured indicators) or `ket-qua` (results of targets).
    pub loai: String,
    /// Sheet name; the first sheet when empty.
    pub trang: String,
    /// Header row number(s) as Excel shows them (`5`, or `[4, 5]` for a
    /// two-row header with merged group cells above).
    pub dong_tieu_de: HeaderRows,
    /// The column naming the unit (header text or column letter).
    pub cot_dia_phuong: String,
    /// The column giving each row's period, or empty with `ky`.
    pub cot_ky: String,
    /// One period for the whole file (`10/2026`, `Quý III/2026`, `2026`).
    pub ky: String,
    /// Unit of measure of every indicator (`chi-so` only), e.g. `%`.
    pub don_vi_tinh: String,
    /// Whether the file's figures are illustrative.
    pub minh_hoa: bool,
    /// Indicator columns: column (header text or letter) → indicator name
    /// (`chi-so`) or target code (`ket-qua`).
    pub cot: BTreeMap<String, String>,
}

/// One header row or several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HeaderRows {
    One(usize),
    Many(Vec<usize>),
}

impl Default for HeaderRows {
    fn default() -> Self {
        HeaderRows::One(1)
    }
}

impl HeaderRows {
    fn rows(&self) -> Vec<usize> {
        match self {
            HeaderRows::One(r) => vec![*r],
            HeaderRows::Many(v) => v.clone(),
        }
    }
}

/// Where the configuration is, for messages about the mapping itself.
const CONFIG: &str = "minhbach.toml";

fn config_error(m: &Mapping, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(
        CONFIG,
        format!("[[data.nguon]] tep = “{}”: {message}", m.tep),
    )
    .hint(hint)
}

/// Rows whose unit cell names a total, never a unit.
fn is_total(name: &str) -> bool {
    let f = fold(name);
    let f = f.trim();
    [
        "tong",
        "tong cong",
        "cong",
        "toan tinh",
        "toan thanh pho",
        "toan huyen",
        "tong so",
    ]
    .contains(&f)
        || f.starts_with("tong cong")
}

/// The columns of a header: for each column, its combined name ("Hồ sơ –
/// Tỷ lệ (%)") and each header row's own text. A blank cell of an upper
/// header row continues the text to its left (a merged group cell).
fn header_names(rows: &[&Row]) -> Vec<Vec<String>> {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut names: Vec<Vec<String>> = vec![Vec::new(); width];
    let last = rows.len().saturating_sub(1);
    for (k, row) in rows.iter().enumerate() {
        let mut carried = String::new();
        for (c, col) in names.iter_mut().enumerate() {
            let text = row
                .cells
                .get(c)
                .map(|x| x.value.display())
                .unwrap_or_default();
            let text = if text.is_empty() && k < last {
                carried.clone()
            } else {
                carried = text.clone();
                text
            };
            if !text.is_empty() && !col.contains(&text) {
                col.push(text);
            }
        }
    }
    names
}

/// The column a spec names: a column letter (`C`), or a header text (the
/// combined name or one header row's text; case and diacritics ignored).
fn find_column(spec: &str, names: &[Vec<String>]) -> Result<usize, String> {
    let s = spec.trim();
    if !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase()) {
        let n = s
            .bytes()
            .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1);
        return Ok(n - 1);
    }
    let key = fold(s);
    let combined = |c: &Vec<String>| fold(&c.join(" – "));
    let hits: Vec<usize> = (0..names.len())
        .filter(|&i| combined(&names[i]) == key)
        .collect();
    let hits = if hits.is_empty() {
        (0..names.len())
            .filter(|&i| names[i].iter().any(|n| fold(n) == key))
            .collect()
    } else {
        hits
    };
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("không có cột “{s}” ở dòng tiêu đề")),
        many => Err(format!(
            "có {} cột tên “{s}” (cột {}): ghi chữ cái của cột thay cho tên",
            many.len(),
            many.iter()
                .map(|&i| column_letters(i))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The header columns as a hint: "B “Đơn vị”, C “Hồ sơ – Tổng số”…".
fn columns_hint(names: &[Vec<String>]) -> String {
    let list: Vec<String> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.is_empty())
        .map(|(i, n)| format!("{} “{}”", column_letters(i), n.join(" – ")))
        .collect();
    format!("các cột ở dòng tiêu đề: {}", list.join(", "))
}

/// Turns a received table into the long table of its dataset, or reports
/// why it cannot (errors name minhbach.toml or the original cell).
/// Also returns each column's header name in the received file, for
/// [`in_original_words`].
pub fn unpivot(
    m: &Mapping,
    tables: Vec<Table>,
    diags: &mut Diagnostics,
) -> Option<(KindTable, Vec<String>)> {
    let kind = match fold(&m.loai).trim() {
        "chi-so" | "chi so" => Kind::Indicators,
        "ket-qua" | "ket qua" => Kind::Results,
        _ => {
            diags.push(config_error(
                m,
                format!("loại “{}” không đọc được từ bảng nhận về", m.loai),
                "ghi loai = \"chi-so\" (chỉ số đo lường) hoặc loai = \"ket-qua\" (kết quả chỉ tiêu)",
            ));
            return None;
        }
    };
    let sheets: Vec<String> = tables.iter().filter_map(|t| t.sheet.clone()).collect();
    let table = if m.trang.trim().is_empty() {
        tables.into_iter().next()
    } else {
        let want = fold(&m.trang);
        tables
            .into_iter()
            .find(|t| t.sheet.as_deref().is_some_and(|s| fold(s) == want))
    };
    let Some(table) = table else {
        diags.push(config_error(
            m,
            format!("không có trang tính “{}”", m.trang),
            &format!("các trang tính của tệp: {}", sheets.join(", ")),
        ));
        return None;
    };
    let wanted = m.dong_tieu_de.rows();
    let header: Vec<&Row> = wanted
        .iter()
        .filter_map(|&n| table.rows.iter().find(|r| r.loc.row == n))
        .collect();
    if header.len() != wanted.len() || header.iter().all(|r| r.is_blank()) {
        diags.push(config_error(
            m,
            format!("dòng tiêu đề {wanted:?} trống hoặc không có"),
            "ghi dong_tieu_de là số dòng (như Excel hiện bên trái) của dòng tên cột, ví dụ dong_tieu_de = 5, hoặc [4, 5] khi tên cột chiếm hai dòng",
        ));
        return None;
    }
    let last_header = *wanted.iter().max().expect("non-empty");
    let names = header_names(&header);
    let mut ok = true;
    let mut column = |spec: &str, what: &str| -> Option<usize> {
        match find_column(spec, &names) {
            Ok(c) => Some(c),
            Err(e) => {
                let at = header.last().expect("non-empty").loc.clone();
                diags.push(
                    at.error(format!("[[data.nguon]] {what}: {e}"))
                        .hint(columns_hint(&names)),
                );
                ok = false;
                None
            }
        }
    };
    let unit_col = if m.cot_dia_phuong.trim().is_empty() {
        None
    } else {
        column(&m.cot_dia_phuong, "cot_dia_phuong")
    };
    let period_col = if m.cot_ky.trim().is_empty() {
        None
    } else {
        column(&m.cot_ky, "cot_ky")
    };
    let mut values: Vec<(usize, &String)> = m
        .cot
        .iter()
        .filter_map(|(spec, name)| column(spec, "cot").map(|c| (c, name)))
        .collect();
    values.sort_by_key(|(c, _)| *c); // the file's column order
    if !ok {
        return None;
    }
    if period_col.is_none() && m.ky.trim().is_empty() {
        diags.push(config_error(
            m,
            "không biết kỳ của số liệu".into(),
            "ghi cot_ky = \"<tên cột kỳ>\" hoặc một kỳ cho cả tệp: ky = \"10/2026\"",
        ));
        return None;
    }
    if values.is_empty() {
        diags.push(config_error(
            m,
            "chưa khai báo cột số liệu nào".into(),
            "thêm bảng [data.nguon.cot] với mỗi dòng \"<tên cột>\" = \"<tên chỉ số>\"",
        ));
        return None;
    }
    // Where the figure came from, on every row (open data, tables).
    let file = table
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = match &table.sheet {
        Some(sheet) => format!("Tệp nhận về {file}, trang tính “{sheet}”"),
        None => format!("Tệp nhận về {file}"),
    };
    let mut out_rows = Vec::new();
    let header_loc = header.last().expect("non-empty").loc.clone();
    let text = |t: &str, loc: &Loc| Cell {
        value: Value::Text(t.to_owned()),
        loc: loc.clone(),
    };
    let first_col = match kind {
        Kind::Indicators => "Chỉ số",
        _ => "Mã chỉ tiêu",
    };
    let mut titles = vec![
        first_col,
        "Địa phương",
        "Kỳ",
        "Giá trị",
        "Minh họa",
        "Nguồn",
    ];
    if kind == Kind::Indicators {
        titles.push("Đơn vị tính");
    }
    out_rows.push(Row {
        cells: titles.iter().map(|t| text(t, &header_loc)).collect(),
        loc: header_loc.clone(),
    });
    let empty = |loc: &Loc, c: usize| Cell {
        value: Value::Empty,
        loc: loc.with_column(c),
    };
    for row in table
        .rows
        .iter()
        .filter(|r| r.loc.row > last_header && !r.is_blank())
    {
        let cell = |c: usize| {
            row.cells
                .get(c)
                .cloned()
                .unwrap_or_else(|| empty(&row.loc, c))
        };
        let unit = unit_col.map(cell);
        if let Some(u) = &unit {
            let name = u.value.display();
            if name.is_empty() || is_total(&name) {
                continue;
            }
        }
        let period = period_col
            .map(cell)
            .unwrap_or_else(|| text(&m.ky, &row.loc));
        for (c, name) in &values {
            let value = cell(*c);
            if value.value.is_empty() {
                continue; // no figure, never 0
            }
            let name_loc = header_loc.with_column(*c);
            let mut cells = vec![
                text(name, &name_loc),
                unit.clone().unwrap_or_else(|| empty(&row.loc, 0)),
                period.clone(),
                value,
                text(if m.minh_hoa { "có" } else { "" }, &row.loc),
                text(&source, &row.loc),
            ];
            if kind == Kind::Indicators {
                cells.push(text(&m.don_vi_tinh, &name_loc));
            }
            out_rows.push(Row {
                cells,
                loc: row.loc.clone(),
            });
        }
    }
    let original = names.iter().map(|n| n.join(" – ")).collect();
    Some((
        KindTable {
            kind,
            table: Table {
                path: table.path,
                sheet: table.sheet,
                keyed: false,
                rows: out_rows,
            },
        },
        original,
    ))
}

/// A message about a cell of the long table, in the received file's words:
/// "cột “Giá trị”: …" becomes "cột “Hồ sơ trực tuyến – Tỷ lệ (%)”: …" (the
/// header of the cell's column in the original sheet).
pub fn in_original_words(mut d: Diagnostic, original: &[String]) -> Diagnostic {
    let Some(cell) = &d.location.cell else {
        return d;
    };
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let Some(index) = letters
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1)
        .checked_sub(1)
    else {
        return d;
    };
    let Some(name) = original.get(index).filter(|n| !n.is_empty()) else {
        return d;
    };
    if let Some(rest) = d.message.strip_prefix("cột “")
        && let Some(end) = rest.find('”')
    {
        d.message = format!("cột “{name}”{}", &rest[end + '”'.len_utf8()..]);
    }
    d
}

/// The mapping of a data-folder file (`rel_in_dir`, `/`-separated), if any.
pub fn mapping_for<'a>(mappings: &'a [Mapping], rel_in_dir: &Path) -> Option<&'a Mapping> {
    let rel = rel_in_dir.to_string_lossy().replace('\\', "/");
    mappings
        .iter()
        .find(|m| fold(m.tep.trim().trim_start_matches("./")) == fold(&rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize, texts: &[&str]) -> Row {
        let path: std::sync::Arc<Path> = std::sync::Arc::from(Path::new("d.xlsx"));
        let loc = |c: usize| Loc {
            path: path.clone(),
            sheet: Some("S".into()),
            row: n,
            column: Some(c),
            line: None,
            grid: true,
        };
        Row {
            cells: texts
                .iter()
                .enumerate()
                .map(|(c, t)| Cell {
                    value: if t.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text((*t).into())
                    },
                    loc: loc(c),
                })
                .collect(),
            loc: loc(0),
        }
    }

    #[test]
    fn merged_group_headers_carry_right_and_columns_are_found() {
        let upper = row(4, &["STT", "Đơn vị", "Hồ sơ trực tuyến", "", "Ghi chú"]);
        let lower = row(5, &["", "", "Số hồ sơ", "Tỷ lệ (%)", ""]);
        let names = header_names(&[&upper, &lower]);
        assert_eq!(names[3], ["Hồ sơ trực tuyến", "Tỷ lệ (%)"]);
        assert_eq!(find_column("hồ sơ trực tuyến – tỷ lệ (%)", &names), Ok(3));
        assert_eq!(find_column("Tỷ lệ (%)", &names), Ok(3));
        assert_eq!(find_column("don vi", &names), Ok(1));
        assert_eq!(find_column("D", &names), Ok(3));
        assert!(
            find_column("Hồ sơ trực tuyến", &names)
                .unwrap_err()
                .contains("cột C, D")
        );
        assert!(
            find_column("Tỷ lệ", &names)
                .unwrap_err()
                .contains("không có cột")
        );
    }

    #[test]
    fn totals_are_not_units() {
        assert!(is_total("Tổng cộng"));
        assert!(is_total("TOÀN TỈNH"));
        assert!(!is_total("Xã Tổng Hòa"));
    }
}
