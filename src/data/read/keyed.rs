//! Shared shape of the text formats (TOML, JSON, YAML): a list of objects,
//! each field with the line it was written on, turned into a [`Table`] whose
//! first row is a synthetic header of every key in order of appearance.

use std::path::Path;
use std::sync::Arc;

use crate::data::table::{Cell, Loc, Row, Table, Value};

/// One object of a text-format table.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Line where the object starts.
    pub line: usize,
    /// (key, line of the key, value) in written order.
    pub fields: Vec<(String, usize, Value)>,
}

/// A list of objects, under a top-level key or at the top level (`name: None`).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub name: Option<String>,
    pub items: Vec<Item>,
}

/// Builds a table from a part: header row first (row 0), then one row per item.
pub fn part_to_table(part: Part, path: &Arc<Path>) -> Table {
    let mut keys: Vec<(String, usize)> = Vec::new();
    for item in &part.items {
        for (key, line, _) in &item.fields {
            if !keys.iter().any(|(k, _)| k == key) {
                keys.push((key.clone(), *line));
            }
        }
    }
    let loc = |row: usize, column: usize, line: usize| Loc {
        path: path.clone(),
        sheet: part.name.clone(),
        row,
        column: Some(column),
        line: Some(line),
        grid: false,
    };
    let header_line = keys.first().map_or(1, |(_, l)| *l);
    let header = Row {
        cells: keys
            .iter()
            .enumerate()
            .map(|(i, (k, line))| Cell {
                value: Value::Text(k.clone()),
                loc: loc(0, i, *line),
            })
            .collect(),
        loc: loc(0, 0, header_line),
    };
    let mut rows = vec![header];
    for (index, item) in part.items.iter().enumerate() {
        let cells = keys
            .iter()
            .enumerate()
            .map(
                |(i, (k, _))| match item.fields.iter().find(|(key, _, _)| key == k) {
                    Some((_, line, value)) => Cell {
                        value: value.clone(),
                        loc: loc(index + 1, i, *line),
                    },
                    None => Cell {
                        value: Value::Empty,
                        loc: loc(index + 1, i, item.line),
                    },
                },
            )
            .collect();
        rows.push(Row {
            cells,
            loc: loc(index + 1, 0, item.line),
        });
    }
    Table {
        path: path.clone(),
        sheet: part.name,
        keyed: true,
        rows,
    }
}

/// Joins an array of scalars into one cell (`["A", "B"]` → `A; B`), so lists
/// of units or pillars can be written as arrays.
pub fn join_list(values: Vec<Value>) -> Value {
    let parts: Vec<String> = values
        .iter()
        .map(Value::display)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        Value::Empty
    } else {
        Value::Text(parts.join("; "))
    }
}
