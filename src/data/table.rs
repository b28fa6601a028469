//! The common shape every reader produces: rows of cells, each remembering
//! exactly where it came from (file, sheet, row and column, or line), so that
//! every later message can point at the offending cell.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::{Date, DateTime};

use crate::diagnostics::{Diagnostic, column_letters};
use crate::text::format_decimal;

/// Where a cell, row or model item came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    /// Path relative to the site root.
    pub path: Arc<Path>,
    /// Sheet name (workbooks) or top-level key (TOML/JSON/YAML holding several tables).
    pub sheet: Option<String>,
    /// 1-based spreadsheet row (grid formats) or item number (text formats).
    pub row: usize,
    /// 0-based column index; `None` for text formats, which have no cells.
    pub column: Option<usize>,
    /// 1-based line in the file, when the format has lines (CSV, TOML, JSON, YAML).
    pub line: Option<usize>,
    /// Whether the location is a spreadsheet cell (`.xlsx`, `.csv`) or a text position.
    pub grid: bool,
}

impl Loc {
    /// Spreadsheet cell name such as `D5`, for grid formats.
    pub fn cell(&self) -> Option<String> {
        if !self.grid {
            return None;
        }
        self.column
            .map(|c| format!("{}{}", column_letters(c), self.row))
    }

    /// The same place, another column of the row.
    pub fn with_column(&self, column: usize) -> Loc {
        Loc {
            column: Some(column),
            ..self.clone()
        }
    }

    /// An error pointing here.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.place(Diagnostic::error(self.path.to_path_buf(), message))
    }

    /// A warning pointing here.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        self.place(Diagnostic::warning(self.path.to_path_buf(), message))
    }

    fn place(&self, mut d: Diagnostic) -> Diagnostic {
        if let Some(cell) = self.cell() {
            d = d.at_cell(cell, self.sheet.as_deref());
            // CSV: the line helps when the file is opened in a text editor.
            if self.sheet.is_none() && self.line.is_some_and(|l| l != self.row) {
                d.location.line = self.line;
            }
        } else if let Some(line) = self.line {
            d = d.at_line(line);
        }
        d
    }
}

/// A cell's value as the file format gave it, before any interpretation.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
    DateTime(DateTime),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text for a text field: numbers in plain notation
    /// (`1.1` stays `1.1`, an index code Excel turned into a number).
    pub fn as_text(&self) -> String {
        match self {
            Value::Number(n) => format!("{n}"),
            other => other.display(),
        }
    }

    /// The value as the user sees it, for messages: `95,5`, `14/11/2025`.
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.trim().to_owned(),
            Value::Number(n) => format_decimal(*n, 10),
            Value::Bool(true) => "có".to_owned(),
            Value::Bool(false) => "không".to_owned(),
            Value::Date(d) => crate::text::dates::short(*d),
            Value::DateTime(dt) => crate::text::dates::short(dt.date()),
        }
    }
}

/// One cell and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub loc: Loc,
}

/// One row (a spreadsheet row, a CSV record, or an object of a text format).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// The row's first cell (grid) or the object's first line (text formats).
    pub loc: Loc,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.value.is_empty())
    }
}

/// A table read from one file, sheet or top-level key. For grid formats the
/// header is one of the first rows; for text formats (`keyed`) the readers
/// put a synthetic header row of the keys first, with the line where each
/// key first appears.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub path: Arc<Path>,
    /// Sheet name or top-level key the table came from.
    pub sheet: Option<String>,
    pub keyed: bool,
    pub rows: Vec<Row>,
}
