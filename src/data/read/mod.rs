//! Readers: one data file (bytes) → tables of located cells, each assigned a
//! dataset [`Kind`] from the file name and, for workbooks and text formats
//! holding several tables, from the sheet or top-level key name.

mod csv;
pub mod decode;
mod keyed;
pub mod limits;
mod text;
mod xlsx;

use std::path::Path;
use std::sync::Arc;

pub use self::csv::sniff_separator;
use super::kind::Kind;
use super::table::Table;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A table and the kind of dataset it holds.
#[derive(Debug, Clone)]
pub struct KindTable {
    pub kind: Kind,
    pub table: Table,
}

/// What a file extension says about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Delimited,
    Workbook,
    Toml,
    Json,
    Yaml,
    /// `.xls`, `.ods`: spreadsheets we ask the user to save as `.xlsx`.
    OtherSpreadsheet,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" | "tsv" | "txt" => Format::Delimited,
            "xlsx" | "xlsm" => Format::Workbook,
            "toml" => Format::Toml,
            "json" => Format::Json,
            "yaml" | "yml" => Format::Yaml,
            "xls" | "ods" => Format::OtherSpreadsheet,
            _ => return None,
        })
    }
}

/// Largest data file read (50 MB); larger ones are a located error.
pub const MAX_DATA_BYTES: u64 = 50 * 1024 * 1024;

/// Reads one file. `rel` is the path shown in messages; `strict` says whether
/// a file whose name matches no kind is worth a warning (top of the data
/// folder) or silently skipped (sub-folders may hold evidence documents).
pub fn read_file(
    abs: &Path,
    rel: &Path,
    encoding: Option<&str>,
    strict: bool,
    diags: &mut Diagnostics,
) -> Vec<KindTable> {
    let Some(format) = Format::of(abs) else {
        return Vec::new();
    };
    let name = abs.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let file_kind = Kind::from_name(name);
    let path: Arc<Path> = Arc::from(rel);
    // (Sub-folder files that are not data, e.g. evidence, are skipped below.)
    if (file_kind.is_some() || strict)
        && let Some(d) = crate::diagnostics::too_large(rel, abs, MAX_DATA_BYTES, "tệp dữ liệu")
    {
        diags.push(
            d.hint("tách tệp theo năm hoặc theo loại dữ liệu, bỏ các cột và trang tính không dùng"),
        );
        return Vec::new();
    }
    let bytes = match std::fs::read(abs) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                rel,
                format!("không đọc được tệp dữ liệu: {e}"),
            ));
            return Vec::new();
        }
    };
    let tables = match format {
        Format::OtherSpreadsheet => {
            if file_kind.is_some() || strict {
                diags.push(
                    Diagnostic::error(rel, "định dạng bảng tính này không được hỗ trợ")
                        .hint("mở tệp trong Excel và lưu lại thành Excel Workbook (.xlsx)"),
                );
            }
            return Vec::new();
        }
        Format::Delimited => {
            let Some(kind) = file_kind else {
                if strict {
                    diags.push(unknown_name(rel, name));
                }
                return Vec::new();
            };
            return read_delimited(&bytes, rel, &path, name, encoding, diags)
                .map(|table| vec![KindTable { kind, table }])
                .unwrap_or_default();
        }
        Format::Workbook => match xlsx::read_workbook(bytes, &path) {
            Ok(t) => t,
            Err(e) => {
                let mut d = Diagnostic::error(rel, e.message).hint(e.hint);
                if let Some((sheet, cell)) = e.at {
                    d = d.at_cell(cell, Some(&sheet));
                }
                diags.push(d);
                return Vec::new();
            }
        },
        Format::Toml | Format::Json | Format::Yaml => {
            let Ok(text) = String::from_utf8(bytes) else {
                diags.push(
                    Diagnostic::error(rel, "tệp không phải là văn bản UTF-8")
                        .hint("lưu lại tệp với bảng mã UTF-8"),
                );
                return Vec::new();
            };
            let parts = match format {
                Format::Toml => text::read_toml(&text),
                Format::Json => text::read_json(&text),
                _ => text::read_yaml(&text),
            };
            if let Ok(parts) = &parts
                && let Some(big) = parts.iter().find(|p| p.items.len() > limits::MAX_ROWS)
            {
                let line = big.items[limits::MAX_ROWS].line;
                let what = big
                    .name
                    .as_ref()
                    .map_or_else(|| "tệp".to_owned(), |n| format!("bảng “{n}”"));
                diags.push(
                    Diagnostic::error(rel, limits::too_many_rows(&what))
                        .at_line(line)
                        .hint(limits::ROWS_HINT),
                );
                return Vec::new();
            }
            match parts {
                Ok(parts) => parts
                    .into_iter()
                    .map(|p| keyed::part_to_table(p, &path))
                    .collect(),
                Err(s) => {
                    diags.push(
                        Diagnostic::error(rel, s.message)
                            .at(s.line, s.col)
                            .with_source(&text)
                            .hint(s.hint),
                    );
                    return Vec::new();
                }
            }
        }
    };
    assign_kinds(
        file_kind,
        tables,
        rel,
        name,
        format == Format::Workbook,
        strict,
        diags,
    )
}

/// Every table of a received file (`[[data.nguon]]`): its name says no
/// kind, so every sheet is returned as read, for [`crate::data::received`].
pub fn read_received(
    abs: &Path,
    rel: &Path,
    encoding: Option<&str>,
    diags: &mut Diagnostics,
) -> Vec<Table> {
    let name = abs.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let path: Arc<Path> = Arc::from(rel);
    if let Some(d) = crate::diagnostics::too_large(rel, abs, MAX_DATA_BYTES, "tệp dữ liệu") {
        diags.push(d.hint("bỏ các trang tính và cột không dùng"));
        return Vec::new();
    }
    let bytes = match std::fs::read(abs) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                rel,
                format!("không đọc được tệp dữ liệu: {e}"),
            ));
            return Vec::new();
        }
    };
    match Format::of(abs) {
        Some(Format::Workbook) => match xlsx::read_workbook(bytes, &path) {
            Ok(t) => t,
            Err(e) => {
                let mut d = Diagnostic::error(rel, e.message).hint(e.hint);
                if let Some((sheet, cell)) = e.at {
                    d = d.at_cell(cell, Some(&sheet));
                }
                diags.push(d);
                Vec::new()
            }
        },
        Some(Format::Delimited) => read_delimited(&bytes, rel, &path, name, encoding, diags)
            .into_iter()
            .collect(),
        _ => {
            diags.push(
                Diagnostic::error(
                    rel,
                    "tệp khai báo ở [[data.nguon]] phải là bảng tính .xlsx hoặc .csv",
                )
                .hint("mở tệp trong Excel và lưu lại thành Excel Workbook (.xlsx)"),
            );
            Vec::new()
        }
    }
}

fn unknown_name(rel: &Path, name: &str) -> Diagnostic {
    Diagnostic::warning(rel, format!("tên tệp “{name}” không cho biết loại dữ liệu nên tệp bị bỏ qua")).hint(
        "đặt tên tệp bắt đầu bằng chi-tieu, ket-qua, nhiem-vu, kinh-phi, chi-so-dti, diem-dti, don-vi hoặc chi-so",
    )
}

fn read_delimited(
    bytes: &[u8],
    rel: &Path,
    path: &Arc<Path>,
    name: &str,
    encoding: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Table> {
    // An unknown configured encoding is reported once by `load_dir`.
    let fallback = decode::encoding_for(name, encoding).unwrap_or(encoding_rs::UTF_8);
    let text = match decode::decode(bytes, fallback) {
        Ok(t) => t,
        Err(e) => {
            let mut d = Diagnostic::error(rel, e.message).hint(e.hint);
            if let Some(line) = e.line {
                d = d.at_line(line);
            }
            diags.push(d);
            return None;
        }
    };
    match csv::read_delimited(&text, path) {
        Ok(rows) => Some(Table {
            path: path.clone(),
            sheet: None,
            keyed: false,
            rows,
        }),
        Err(e) => {
            diags.push(
                Diagnostic::error(rel, e.message)
                    .at_line(e.line)
                    .with_source(&text)
                    .hint(e.hint),
            );
            None
        }
    }
}

/// Gives each table its kind: a sheet/key named after a kind is that kind; a
/// file named after a kind reads its first other non-empty table as that
/// kind when no table is named after it.
fn assign_kinds(
    file_kind: Option<Kind>,
    tables: Vec<Table>,
    rel: &Path,
    name: &str,
    workbook: bool,
    strict: bool,
    diags: &mut Diagnostics,
) -> Vec<KindTable> {
    let what = if workbook { "trang tính" } else { "bảng" };
    let mut kinds: Vec<Option<Kind>> = tables
        .iter()
        .map(|t| t.sheet.as_deref().and_then(Kind::from_name))
        .collect();
    if let Some(kind) = file_kind
        && !kinds.contains(&Some(kind))
    {
        let first_free = (0..tables.len())
            .find(|&i| kinds[i].is_none() && tables[i].rows.iter().any(|r| !r.is_blank()));
        match first_free {
            Some(i) => kinds[i] = Some(kind),
            None => diags.push(
                Diagnostic::error(
                    rel,
                    format!(
                        "tệp “{name}” mang tên dữ liệu {} nhưng không có {what} nào chứa dữ liệu đó",
                        kind.label()
                    ),
                )
                .hint(format!(
                    "đặt tên {what} là “{}” hoặc nhập dữ liệu vào {what} đầu tiên",
                    capitalise(kind.label())
                )),
            ),
        }
    }
    if file_kind.is_none() && strict && !kinds.iter().any(Option::is_some) {
        let names: Vec<String> = tables
            .iter()
            .filter_map(|t| t.sheet.as_ref().map(|s| format!("“{s}”")))
            .collect();
        let found = if names.is_empty() {
            String::new()
        } else {
            format!(" (có: {})", names.join(", "))
        };
        diags.push(
            Diagnostic::error(
                rel,
                format!("không có {what} nào mang tên một loại dữ liệu{found}"),
            )
            .hint(format!("đặt tên {what} là {KIND_NAMES}")),
        );
    } else if workbook {
        // A sheet named after no kind is not read: say so, unless it is
        // plainly a notes sheet ("Hướng dẫn", "Ghi chú", "README").
        for (t, k) in tables.iter().zip(&kinds) {
            let Some(sheet) = t.sheet.as_deref() else {
                continue;
            };
            if k.is_none() && t.rows.iter().any(|r| !r.is_blank()) && !is_notes_sheet(sheet) {
                diags.push(
                    Diagnostic::warning(
                        rel,
                        format!("trang tính “{sheet}” không mang tên loại dữ liệu nào nên không được đọc"),
                    )
                    .hint(format!(
                        "nếu đây là số liệu, đổi tên trang tính thành {KIND_NAMES}; trang ghi chú thì đặt tên bắt đầu bằng “Hướng dẫn” hoặc “Ghi chú”"
                    )),
                );
            }
        }
    }
    tables
        .into_iter()
        .zip(kinds)
        .filter_map(|(table, kind)| kind.map(|kind| KindTable { kind, table }))
        .collect()
}

/// The sheet names a workbook may use, for hints.
const KIND_NAMES: &str =
    "Chỉ tiêu, Kết quả, Nhiệm vụ, Kinh phí, Chỉ số DTI, Điểm DTI, Đơn vị hoặc Chỉ số";

/// A sheet of notes, not data: "Hướng dẫn", "Ghi chú", "README", "Giới thiệu".
fn is_notes_sheet(name: &str) -> bool {
    let folded = crate::text::fold(name);
    ["huong dan", "ghi chu", "readme", "gioi thieu", "muc luc"]
        .iter()
        .any(|p| folded.trim_start().starts_with(p))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
