//! Header matching: folds header texts (case, diacritics, spaces, `_`, `-`,
//! a trailing `(…)` note or `*`) and maps them to fields of the kind; finds
//! the header row below any title rows; reports unknown columns with the
//! nearest known header, missing required columns and duplicates.

use super::kind::Kind;
use super::schema::{Field, columns};
use super::table::{Row, Table};
use crate::diagnostics::Diagnostics;
use crate::text::fold;

/// How many leading rows may hold a title above the header.
const MAX_TITLE_ROWS: usize = 10;

/// The header of a table: which field each column holds.
#[derive(Debug, Clone)]
pub struct HeaderMap {
    /// Index of the header row in `table.rows`.
    pub row: usize,
    /// Field of each column (`None`: empty or unknown header).
    pub fields: Vec<Option<Field>>,
    /// Header text of each column, as written.
    pub texts: Vec<String>,
}

impl HeaderMap {
    pub fn index_of(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// The header text the user wrote for `field` (or the canonical one).
    pub fn text_of(&self, kind: Kind, field: Field) -> String {
        match self.index_of(field) {
            Some(i) => self.texts[i].clone(),
            None => {
                super::schema::column(kind, field).map_or_else(String::new, |c| c.header.to_owned())
            }
        }
    }
}

/// Folds a header text: "Đơn vị tính (ĐVT)" → `don vi tinh`, "muc_tieu" → `muc tieu`.
pub fn fold_header(text: &str) -> String {
    let mut t = text.trim().trim_end_matches('*').trim_end();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && open > 0
    {
        t = &t[..open];
    }
    let folded = fold(t);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every accepted name of every column of `kind`, folded, with its field and
/// the text shown in suggestions.
fn known_names(kind: Kind) -> Vec<(String, Field, &'static str)> {
    let mut out = Vec::new();
    for c in columns(kind) {
        for name in std::iter::once(&c.header)
            .chain(std::iter::once(&c.key))
            .chain(c.aliases)
        {
            out.push((fold_header(name), c.field, *name));
        }
    }
    out
}

fn field_of(known: &[(String, Field, &'static str)], text: &str) -> Option<Field> {
    let f = fold_header(text);
    known
        .iter()
        .find(|(k, _, _)| *k == f)
        .map(|(_, field, _)| *field)
}

/// Finds and checks the header of `table`. Returns `None` when the table
/// has no header at all (nothing but blank rows).
pub fn match_header(kind: Kind, table: &Table, diags: &mut Diagnostics) -> Option<HeaderMap> {
    let known = known_names(kind);
    let first_nonblank = table.rows.iter().position(|r| !r.is_blank())?;
    let header_row = if table.keyed {
        0
    } else {
        (first_nonblank..table.rows.len().min(first_nonblank + MAX_TITLE_ROWS))
            .find(|&i| looks_like_header(&known, &table.rows[i]))
            .unwrap_or(first_nonblank)
    };
    let row = &table.rows[header_row];
    let mut fields = Vec::with_capacity(row.cells.len());
    let mut texts = Vec::with_capacity(row.cells.len());
    for cell in &row.cells {
        let text = cell.value.display();
        let field = if text.is_empty() {
            None
        } else {
            field_of(&known, &text)
        };
        // Computed columns of a published open-data file are skipped.
        let computed = field.is_none()
            && super::schema::is_computed_header(kind, &fold_header(&text), fold_header);
        if !text.is_empty() && field.is_none() && !computed {
            let mut d = cell.loc.error(format!(
                "cột “{text}” không có trong dữ liệu {} (tệp {})",
                kind.label(),
                display_name(table)
            ));
            d = d.hint(suggestion(kind, &known, &text));
            diags.push(d);
        }
        if let Some(f) = field
            && let Some(prev) = fields.iter().position(|p| *p == Some(f))
        {
            let prev_text: &String = &texts[prev];
            let where_prev = row.cells[prev]
                .loc
                .cell()
                .map(|c| format!(" (ô {c})"))
                .unwrap_or_default();
            diags.push(
                cell.loc
                    .error(format!(
                        "cột “{text}” trùng ý nghĩa với cột “{prev_text}”{where_prev}"
                    ))
                    .hint("xoá hoặc đổi tên một trong hai cột"),
            );
            fields.push(None);
            texts.push(text);
            continue;
        }
        fields.push(field);
        texts.push(text);
    }
    for c in columns(kind).iter().filter(|c| c.required) {
        if !fields.contains(&Some(c.field)) {
            let mut others: Vec<&str> = vec![c.key];
            others.extend(c.aliases);
            diags.push(
                row.loc
                    .error(format!(
                        "thiếu cột bắt buộc “{}” trong dữ liệu {}",
                        c.header,
                        kind.label()
                    ))
                    .hint(format!(
                        "thêm cột “{}” (hoặc một tên khác của nó: {})",
                        c.header,
                        others.join(", ")
                    )),
            );
        }
    }
    Some(HeaderMap {
        row: header_row,
        fields,
        texts,
    })
}

fn display_name(table: &Table) -> String {
    table
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A row is the header when at least two of its cells (or its only cell)
/// name known columns.
fn looks_like_header(known: &[(String, Field, &'static str)], row: &Row) -> bool {
    let texts: Vec<String> = row
        .cells
        .iter()
        .map(|c| c.value.display())
        .filter(|t| !t.is_empty())
        .collect();
    let hits = texts
        .iter()
        .filter(|t| field_of(known, t).is_some())
        .count();
    hits >= 2 || (hits == 1 && texts.len() == 1)
}

/// "có phải ý bạn là “Mục tiêu”? …" plus the list of usable columns.
fn suggestion(kind: Kind, known: &[(String, Field, &'static str)], text: &str) -> String {
    let folded = fold_header(text);
    let nearest = known
        .iter()
        .map(|(k, _, shown)| (edit_distance(&folded, k), *shown))
        .min_by_key(|(d, _)| *d);
    let list: Vec<&str> = columns(kind).iter().map(|c| c.header).collect();
    let list = format!("các cột dùng được: {}", list.join(", "));
    match nearest {
        Some((d, shown)) if d <= typo_limit(&folded) => {
            format!("có phải ý bạn là “{shown}”? {list}")
        }
        _ => list,
    }
}

/// How many edits still look like a typo of a name this long.
fn typo_limit(folded: &str) -> usize {
    let n = folded.chars().count();
    (n / 3).max(if n >= 4 { 2 } else { 1 })
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The known name nearest to `text` among `candidates` (folded comparison),
/// when it is close enough to be a plausible typo.
pub fn nearest<'a>(text: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold_header(text);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&folded, &fold_header(c)), c))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, _)| *d <= typo_limit(&folded))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_headers() {
        assert_eq!(fold_header("Đơn vị tính (ĐVT)"), "don vi tinh");
        assert_eq!(fold_header("muc_tieu"), "muc tieu");
        assert_eq!(fold_header("  MỤC-TIÊU * "), "muc tieu");
        assert_eq!(fold_header("Xã/phường"), "xa phuong");
        assert_eq!(fold_header("(ghi chú)"), "ghi chu");
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("muc tieu", "muc tiu"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            nearest("Don vi chu tri", ["Mã", "Đơn vị chủ trì"]),
            Some("Đơn vị chủ trì")
        );
        assert_eq!(nearest("xyzxyz", ["Mã"]), None);
    }
}
