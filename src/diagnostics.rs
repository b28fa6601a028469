//! Located, user-facing problems (errors and warnings) collected during a build.
//!
//! Every stage pushes [`Diagnostic`]s into a [`Diagnostics`] list instead of
//! returning early, so `minhbach check` can report everything at once. The
//! location is data (file, line, column, or a spreadsheet cell), and the text
//! is Vietnamese. Printing happens once, at the edge, via [`Diagnostic::render`].

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem is. Lines and columns are 1-based; columns count
/// characters (not bytes), which matters for Vietnamese text.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Spreadsheet cell like `C12`, when the file is a workbook or CSV.
    pub cell: Option<String>,
    /// Sheet name, for workbooks.
    pub sheet: Option<String>,
}

/// One problem found in the site's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root where possible.
    pub path: PathBuf,
    pub location: Location,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// How to fix it, in Vietnamese.
    pub hint: Option<String>,
    /// The offending source line, shown under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            location: Location::default(),
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// Sets line and column (1-based, column in characters).
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.location.line = Some(line);
        self.location.column = Some(column);
        self
    }

    /// Sets only the line.
    pub fn at_line(mut self, line: usize) -> Self {
        self.location.line = Some(line);
        self
    }

    /// Sets a spreadsheet cell (e.g. `C12`) and optionally its sheet.
    pub fn at_cell(mut self, cell: impl Into<String>, sheet: Option<&str>) -> Self {
        self.location.cell = Some(cell.into());
        self.location.sheet = sheet.map(str::to_owned);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn source_line(mut self, line: impl Into<String>) -> Self {
        self.source_line = Some(line.into());
        self
    }

    /// Fills `source_line` from the full text of the file, using `location.line`.
    pub fn with_source(mut self, text: &str) -> Self {
        if let Some(line) = self.location.line
            && let Some(src) = text.lines().nth(line.saturating_sub(1))
        {
            self.source_line = Some(src.to_owned());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `content/a.md:3:7` or `du-lieu/chi-tieu.xlsx [Chỉ tiêu!C12]`.
    pub fn location_label(&self) -> String {
        let mut out = self.path.display().to_string().replace('\\', "/");
        let loc = &self.location;
        if let Some(cell) = &loc.cell {
            match &loc.sheet {
                Some(sheet) => {
                    let _ = write!(out, " [trang tính “{sheet}”, ô {cell}]");
                }
                None => {
                    let _ = write!(out, " [ô {cell}]");
                }
            }
            if let Some(line) = loc.line {
                let _ = write!(out, " (dòng {line})");
            }
        } else if let Some(line) = loc.line {
            let _ = write!(out, ":{line}");
            if let Some(col) = loc.column {
                let _ = write!(out, ":{col}");
            }
        }
        out
    }

    /// Multi-line plain-text rendering, as printed by the CLI and shown in the
    /// preview overlay.
    pub fn render(&self) -> String {
        let label = match self.severity {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        let mut out = format!(
            "{label}: {}\n  --> {}\n",
            self.message,
            self.location_label()
        );
        if let Some(src) = &self.source_line {
            let line_no = self
                .location
                .line
                .map(|l| l.to_string())
                .unwrap_or_default();
            let pad = " ".repeat(line_no.len());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line_no} | {src}");
            if let Some(col) = self.location.column {
                let _ = writeln!(out, "{pad} | {}^", " ".repeat(col.saturating_sub(1)));
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = gợi ý: {hint}");
        }
        out
    }
}

/// An ordered collection of diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file, position and message so output is deterministic even
    /// when stages ran in parallel.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.path, &a.location, a.severity, &a.message).cmp(&(
                &b.path,
                &b.location,
                b.severity,
                &b.message,
            ))
        });
        self.items.dedup();
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// How many diagnostics of one kind in one file are shown before the rest
/// are summed up in one line.
pub const SHOWN_PER_KIND: usize = 10;

impl Diagnostics {
    /// The list as shown to a person: at most `per_kind` diagnostics of each
    /// kind (same file, severity and message once quoted names and numbers
    /// are set aside) and, after each file's, one line per kind saying how
    /// many more there are ("… và 3.412 lỗi tương tự …"). Counts
    /// ([`Self::error_count`]) stay those of the full list.
    pub fn capped(&self, per_kind: usize) -> Diagnostics {
        use std::collections::BTreeMap;
        let mut shown = Diagnostics::new();
        let mut seen: BTreeMap<(Severity, String), (usize, Diagnostic)> = BTreeMap::new();
        let flush = |seen: &mut BTreeMap<(Severity, String), (usize, Diagnostic)>,
                     shown: &mut Diagnostics| {
            for (_, (count, first)) in std::mem::take(seen) {
                if count > per_kind {
                    shown.push(more_like(&first, count - per_kind));
                }
            }
        };
        for d in &self.items {
            if shown.items.last().is_some_and(|last| last.path != d.path) {
                flush(&mut seen, &mut shown);
            }
            let entry = seen
                .entry((d.severity, kind_of(&d.message)))
                .or_insert_with(|| (0, d.clone()));
            entry.0 += 1;
            if entry.0 <= per_kind {
                shown.push(d.clone());
            }
        }
        flush(&mut seen, &mut shown);
        shown
    }
}

/// A message with its quoted parts (“…”) and digits set aside: messages that
/// differ only in a cell's value or a row number are of one kind.
fn kind_of(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '“' => quoted = true,
            '”' => {
                quoted = false;
                out.push_str("“…”");
            }
            _ if quoted => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// "… và 3.412 lỗi tương tự ở tệp X (như: …)".
fn more_like(first: &Diagnostic, more: usize) -> Diagnostic {
    let what = if first.is_error() {
        "lỗi"
    } else {
        "cảnh báo"
    };
    let count = crate::text::format_integer(i64::try_from(more).unwrap_or(i64::MAX));
    Diagnostic {
        severity: first.severity,
        path: first.path.clone(),
        location: Location::default(),
        message: format!(
            "… và {count} {what} tương tự ở tệp {} (như: {}) — đã ẩn để dễ đọc",
            first.path.display(),
            first.message
        ),
        hint: first.hint.clone(),
        source_line: None,
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<T: IntoIterator<Item = Diagnostic>>(&mut self, iter: T) {
        self.items.extend(iter);
    }
}

/// Converts a byte offset in `text` to a 1-based (line, character column).
pub fn line_col(text: &str, byte_offset: usize) -> (usize, usize) {
    let offset = byte_offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An error when the file at `abs` is larger than `limit` bytes (checked
/// before reading it, so a huge file costs no memory).
pub fn too_large(display: &Path, abs: &Path, limit: u64, what: &str) -> Option<Diagnostic> {
    let size = std::fs::metadata(abs).ok()?.len();
    (size > limit).then(|| {
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        Diagnostic::error(
            display,
            format!("{what} quá lớn: {} MB, tối đa {} MB", mb(size), mb(limit)),
        )
    })
}

/// Makes `path` relative to `root` for display, falling back to the full path.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Spreadsheet column letters for a 0-based index: 0 → `A`, 27 → `AB`.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\ntitle = \"Chuyển đổi số\"\n";
        let off = text.find("đổi").unwrap();
        assert_eq!(line_col(text, off), (2, 17));
    }

    #[test]
    fn column_letters_match_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn render_shows_location_source_and_hint() {
        let d = Diagnostic::error("content/a.md", "khoá “titel” không được hỗ trợ")
            .at(2, 1)
            .source_line("titel = \"x\"")
            .hint("có phải ý bạn là “title”?");
        let text = d.render();
        assert!(text.starts_with("lỗi: khoá “titel”"));
        assert!(text.contains("--> content/a.md:2:1"));
        assert!(text.contains("2 | titel = \"x\""));
        assert!(text.contains("= gợi ý: có phải ý bạn là “title”?"));
    }

    #[test]
    fn cell_location_names_sheet() {
        let d = Diagnostic::error("du-lieu/chi-tieu.xlsx", "x").at_cell("C12", Some("Chỉ tiêu"));
        assert_eq!(
            d.location_label(),
            "du-lieu/chi-tieu.xlsx [trang tính “Chỉ tiêu”, ô C12]"
        );
    }

    #[test]
    fn many_alike_diagnostics_are_summed_up_per_file_and_kind() {
        let mut d = Diagnostics::new();
        for row in 2..3_424 {
            d.push(
                Diagnostic::error(
                    "du-lieu/ket-qua.csv",
                    format!("giá trị “x{row}” không phải là số"),
                )
                .at_cell(format!("C{row}"), None),
            );
        }
        d.push(Diagnostic::error("du-lieu/ket-qua.csv", "thiếu cột “Kỳ”"));
        d.push(Diagnostic::warning(
            "du-lieu/nhiem-vu.csv",
            "hạn “12/13/2026” không hợp lệ",
        ));
        let shown = d.capped(10);
        let text: Vec<String> = shown.iter().map(Diagnostic::render).collect();
        assert_eq!(shown.iter().count(), 10 + 1 + 1 + 1, "{text:#?}");
        assert!(text[10].contains("thiếu cột “Kỳ”"), "{}", text[10]);
        assert!(
            text[11].starts_with(
                "lỗi: … và 3.412 lỗi tương tự ở tệp du-lieu/ket-qua.csv (như: giá trị “x2” không phải là số)"
            ),
            "{}",
            text[11]
        );
        assert!(text[12].contains("12/13/2026"));
        assert_eq!(shown.error_count(), 12);
        assert_eq!(d.error_count(), 3_423);
    }
}
