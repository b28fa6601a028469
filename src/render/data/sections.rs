//! A generic data page made of sections (a title, an optional table, some
//! charts), rendered by `data_sections.html`: the locality and indicator
//! pages use it so that each needs no template of its own.

use serde::Serialize;

use super::views::ChartView;

/// One cell of a section's table; the first cell of a row is its header.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CellView {
    pub text: String,
    /// Link target ("" for none).
    pub href: String,
    /// Right-aligned number.
    pub num: bool,
    /// Shown with a "minh họa" mark.
    pub illustrative: bool,
    /// `href` is an absolute web address (not under the site's root).
    pub external: bool,
    /// A state shown as a badge: its CSS class ("" for plain text).
    pub badge: String,
    /// The shape shown before the badge's word (hidden from screen readers).
    pub symbol: String,
}

impl CellView {
    pub fn text(text: impl Into<String>) -> Self {
        CellView {
            text: text.into(),
            ..CellView::default()
        }
    }

    pub fn num(text: impl Into<String>) -> Self {
        CellView {
            text: text.into(),
            num: true,
            ..CellView::default()
        }
    }

    pub fn link(text: impl Into<String>, href: String) -> Self {
        CellView {
            text: text.into(),
            href,
            ..CellView::default()
        }
    }

    pub fn marked(mut self, illustrative: bool) -> Self {
        self.illustrative = illustrative;
        self
    }
}

/// A column header.
#[derive(Debug, Clone, Serialize)]
pub struct HeaderView {
    pub text: String,
    pub num: bool,
}

/// A table of a section.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub caption: String,
    pub headers: Vec<HeaderView>,
    pub rows: Vec<Vec<CellView>>,
}

impl TableView {
    /// `headers`: (text, numeric?).
    pub fn new(caption: impl Into<String>, headers: &[(&str, bool)]) -> Self {
        TableView {
            caption: caption.into(),
            headers: headers
                .iter()
                .map(|(t, n)| HeaderView {
                    text: (*t).to_owned(),
                    num: *n,
                })
                .collect(),
            rows: Vec::new(),
        }
    }
}

/// One section of the page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub href: String,
    pub note: String,
    pub table: Option<TableView>,
    pub charts: Vec<ChartView>,
    /// In-page jump links (`#id`, text), e.g. to groups of a long list.
    pub links: Vec<JumpLink>,
}

/// A link to a section of the same page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct JumpLink {
    pub id: String,
    pub text: String,
}

/// Bars a comparison chart draws at most: beyond, the highest and the
/// lowest half each (the table beside it lists every unit).
pub const MAX_BARS: usize = 40;

/// The rows a comparison chart draws from `rows` sorted best first: all when
/// they fit, else the first and last `MAX_BARS / 2`; and the note saying so.
pub fn cap_rows<T: Clone>(rows: &[T]) -> (Vec<T>, Option<String>) {
    if rows.len() <= MAX_BARS {
        return (rows.to_vec(), None);
    }
    let half = MAX_BARS / 2;
    let mut out = rows[..half].to_vec();
    out.extend_from_slice(&rows[rows.len() - half..]);
    (out, cap_note(rows.len()))
}

/// The note [`cap_rows`] gives `n` rows: which of them a chart draws.
pub fn cap_note(n: usize) -> Option<String> {
    let half = MAX_BARS / 2;
    (n > MAX_BARS).then(|| format!("{half} cao nhất và {half} thấp nhất trong {n} đơn vị"))
}
