//! The data table shown beside each chart: a `<caption>`, column headers
//! with `scope="col"`, the first cell of each row as a `<th scope="row">`,
//! numbers already formatted Vietnamese-style and right-aligned through the
//! `num` class, an optional total row, and an empty-state row.

use std::fmt::Write as _;

use super::svg::NO_DATA_TEXT;
use crate::text::escape::html;

/// One column: its header and whether it holds numbers.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub header: String,
    pub numeric: bool,
}

impl Column {
    /// A text column.
    pub(crate) fn text(header: &str) -> Column {
        Column {
            header: header.to_owned(),
            numeric: false,
        }
    }

    /// A number column (right-aligned).
    pub(crate) fn num(header: &str) -> Column {
        Column {
            header: header.to_owned(),
            numeric: true,
        }
    }
}

/// A table under construction; cells are plain text, escaped on output.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    caption: String,
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
    footer: Option<Vec<String>>,
    /// The row written when there is none ("Chưa có số liệu").
    no_data: String,
}

impl Table {
    /// An empty table with a caption and its columns.
    pub(crate) fn new(caption: &str, columns: Vec<Column>) -> Table {
        Table {
            caption: caption.to_owned(),
            columns,
            rows: Vec::new(),
            footer: None,
            no_data: NO_DATA_TEXT.to_owned(),
        }
    }

    /// The words of the row written when the table has none.
    pub(crate) fn no_data(mut self, text: &str) -> Table {
        self.no_data = text.to_owned();
        self
    }

    /// Adds a row (missing cells are left empty, extra cells dropped).
    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Sets a total row, shown in `<tfoot>`.
    pub(crate) fn footer(&mut self, cells: Vec<String>) {
        self.footer = Some(cells);
    }

    fn write_row(&self, out: &mut String, cells: &[String]) {
        out.push_str("<tr>");
        for (i, column) in self.columns.iter().enumerate() {
            let cell = cells.get(i).map(String::as_str).unwrap_or("");
            let class = if column.numeric { " class=\"num\"" } else { "" };
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\"{class}>{}</th>", html(cell));
            } else {
                let _ = write!(out, "<td{class}>{}</td>", html(cell));
            }
        }
        out.push_str("</tr>\n");
    }

    /// The `<table>` element.
    pub(crate) fn render(&self) -> String {
        let mut out = String::with_capacity(256 + self.rows.len() * 96);
        let _ = write!(
            out,
            "<table class=\"chart-table\">\n<caption>{}</caption>\n<thead><tr>",
            html(&self.caption)
        );
        for column in &self.columns {
            let class = if column.numeric { " class=\"num\"" } else { "" };
            let _ = write!(
                out,
                "<th scope=\"col\"{class}>{}</th>",
                html(&column.header)
            );
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        if self.rows.is_empty() {
            let _ = writeln!(
                out,
                "<tr><td colspan=\"{}\">{}</td></tr>",
                self.columns.len().max(1),
                html(&self.no_data)
            );
        }
        for row in &self.rows {
            self.write_row(&mut out, row);
        }
        out.push_str("</tbody>\n");
        if let Some(footer) = &self.footer {
            out.push_str("<tfoot>");
            self.write_row(&mut out, footer);
            out.push_str("</tfoot>\n");
        }
        out.push_str("</table>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_caption_scopes_and_escapes() {
        let mut t = Table::new(
            "Kết quả <2025>",
            vec![Column::text("Xã"), Column::num("Giá trị")],
        );
        t.row(vec!["A & B".into(), "95,5\u{a0}%".into()]);
        let html = t.render();
        assert!(html.contains("<caption>Kết quả &lt;2025&gt;</caption>"));
        assert!(html.contains("<th scope=\"col\">Xã</th>"));
        assert!(html.contains("<th scope=\"row\">A &amp; B</th>"));
        assert!(html.contains("<td class=\"num\">95,5\u{a0}%</td>"));
    }

    #[test]
    fn empty_table_says_no_data() {
        let t = Table::new("T", vec![Column::text("A"), Column::num("B")]);
        assert!(
            t.render()
                .contains("<td colspan=\"2\">Chưa có số liệu</td>")
        );
    }
}
