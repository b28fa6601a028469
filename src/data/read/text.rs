//! TOML, JSON and YAML data files → [`Part`]s (lists of objects with lines).
//!
//! Accepted shapes, the same in all three formats:
//! - a top-level array of objects (JSON, YAML) — one table;
//! - top-level keys each holding an array of objects/tables (TOML's
//!   `[[chi-tieu]]`, or `{"chi-tieu": [...], "ket-qua": [...]}`): each key is
//!   one table, named by the key, like sheets of a workbook. Other top-level
//!   keys (a title, a comment) are ignored.
//!
//! Values: strings stay text, numbers are numbers, booleans are yes/no,
//! TOML dates are dates, arrays of scalars become one `;`-separated list.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::keyed::{Item, Part, join_list};
use crate::data::table::Value;
use crate::diagnostics::line_col;

/// A syntax error: message and 1-based line.
pub type SyntaxError = crate::syntax_errors::Syntax;

/// Line and column of a byte offset.
fn lc(text: &str, offset: usize) -> (usize, usize) {
    line_col(text, offset)
}

// ---------------------------------------------------------------- TOML

/// Reads a TOML data file.
pub fn read_toml(text: &str) -> Result<Vec<Part>, SyntaxError> {
    let doc = toml::de::DeTable::parse(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| lc(text, s.start));
        let mut s = crate::syntax_errors::toml(text, e.message(), line, col);
        s.message = format!("cú pháp TOML không hợp lệ: {}", s.message);
        s
    })?;
    let line = |offset: usize| line_col(text, offset).0;
    let mut keys: Vec<_> = doc.get_ref().iter().collect();
    keys.sort_by_key(|(k, _)| k.span().start);
    let mut parts = Vec::new();
    for (key, value) in keys {
        let toml::de::DeValue::Array(array) = value.get_ref() else {
            continue;
        };
        if !array.iter().all(|v| v.get_ref().is_table()) {
            continue;
        }
        let mut items = Vec::new();
        for table in array.iter() {
            let toml::de::DeValue::Table(t) = table.get_ref() else {
                continue;
            };
            let mut fields: Vec<_> = t
                .iter()
                .map(|(k, v)| {
                    (
                        k.span().start,
                        k.get_ref().to_string(),
                        line(k.span().start),
                        toml_value(v.get_ref()),
                    )
                })
                .collect();
            fields.sort_by_key(|f| f.0);
            let start = fields
                .first()
                .map_or(table.span().start, |f| f.0.min(table.span().start));
            items.push(Item {
                line: line(start),
                fields: fields.into_iter().map(|(_, k, l, v)| (k, l, v)).collect(),
            });
        }
        parts.push(Part {
            name: Some(key.get_ref().to_string()),
            items,
        });
    }
    Ok(parts)
}

fn toml_value(v: &toml::de::DeValue<'_>) -> Value {
    use toml::de::DeValue as V;
    match v {
        V::String(s) => text_value(s),
        V::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            i64::from_str_radix(&digits, i.radix())
                .map_or(Value::Text(digits), |n| Value::Number(n as f64))
        }
        V::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse()
            .map_or(Value::Empty, Value::Number),
        V::Boolean(b) => Value::Bool(*b),
        V::Datetime(dt) => match dt.date {
            Some(d) => jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
                .map_or_else(|_| Value::Text(dt.to_string()), Value::Date),
            None => Value::Text(dt.to_string()),
        },
        V::Array(a) => join_list(a.iter().map(|x| toml_value(x.get_ref())).collect()),
        V::Table(_) => Value::Text("{…}".to_owned()),
    }
}

fn text_value(s: &str) -> Value {
    let nfc: String = unicode_normalization::UnicodeNormalization::nfc(s.trim()).collect();
    if nfc.is_empty() {
        Value::Empty
    } else {
        Value::Text(nfc)
    }
}

// ---------------------------------------------------------------- JSON

/// Reads a JSON data file. serde_json checks the syntax (and gives the
/// error position); a small scanner then walks the valid text to keep lines.
pub fn read_json(text: &str) -> Result<Vec<Part>, SyntaxError> {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        let mut s = crate::syntax_errors::json(message, e.line().max(1), e.column().max(1));
        s.message = format!("cú pháp JSON không hợp lệ: {}", s.message);
        return Err(s);
    }
    let mut p = JsonScanner { text, pos: 0 };
    let top = p.value();
    Ok(match top {
        J::Array(items) => vec![Part {
            name: None,
            items: json_items(items),
        }],
        J::Object(fields, _) => fields
            .into_iter()
            .filter_map(|(name, _, v)| match v {
                J::Array(items) if items.iter().all(|i| matches!(i, J::Object(..))) => Some(Part {
                    name: Some(name),
                    items: json_items(items),
                }),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    })
}

fn json_items(items: Vec<J>) -> Vec<Item> {
    items
        .into_iter()
        .filter_map(|i| match i {
            J::Object(fields, line) => Some(Item {
                line,
                fields: fields
                    .into_iter()
                    .map(|(k, l, v)| (k, l, json_cell(v)))
                    .collect(),
            }),
            _ => None,
        })
        .collect()
}

fn json_cell(v: J) -> Value {
    match v {
        J::Scalar(v) => v,
        J::Array(items) => join_list(items.into_iter().map(json_cell).collect()),
        J::Object(..) => Value::Text("{…}".to_owned()),
    }
}

/// A JSON value with the line it starts on.
enum J {
    Scalar(Value),
    Array(Vec<J>),
    Object(Vec<(String, usize, J)>, usize),
}

/// Walks text already validated by serde_json.
struct JsonScanner<'a> {
    text: &'a str,
    pos: usize,
}

impl JsonScanner<'_> {
    fn line(&self) -> usize {
        line_col(self.text, self.pos).0
    }

    fn skip_ws(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn peek(&self) -> u8 {
        self.text.as_bytes().get(self.pos).copied().unwrap_or(0)
    }

    fn value(&mut self) -> J {
        self.skip_ws();
        let line = self.line();
        match self.peek() {
            b'{' => {
                self.pos += 1;
                let mut fields = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        b'}' | 0 => {
                            self.pos += 1;
                            break;
                        }
                        b',' => self.pos += 1,
                        _ => {
                            let key_line = self.line();
                            let key = self.string();
                            self.skip_ws();
                            self.pos += 1; // ':'
                            let v = self.value();
                            fields.push((key, key_line, v));
                        }
                    }
                }
                J::Object(fields, line)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        b']' | 0 => {
                            self.pos += 1;
                            break;
                        }
                        b',' => self.pos += 1,
                        _ => items.push(self.value()),
                    }
                }
                J::Array(items)
            }
            b'"' => J::Scalar(text_value(&self.string())),
            _ => {
                let rest = &self.text[self.pos..];
                let len = rest
                    .find(|c: char| matches!(c, ',' | ']' | '}') || c.is_whitespace())
                    .unwrap_or(rest.len());
                let token = &rest[..len];
                self.pos += len.max(1);
                let v = match token {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Empty,
                    t => t.parse().map_or(Value::Empty, Value::Number),
                };
                J::Scalar(v)
            }
        }
    }

    /// Reads a string token starting at `"`, decoding escapes with serde_json.
    fn string(&mut self) -> String {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut i = start + 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        self.pos = (i + 1).min(bytes.len());
        serde_json::from_str(&self.text[start..self.pos]).unwrap_or_default()
    }
}

// ---------------------------------------------------------------- YAML

/// Reads a YAML data file (booleans only as `true`/`false`, so `NO` and
/// `yes` stay text).
pub fn read_yaml(text: &str) -> Result<Vec<Part>, SyntaxError> {
    let options = serde_saphyr::options! { strict_booleans: true };
    let top: YTop = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        let mut s = crate::syntax_errors::yaml(text, &e.to_string(), line, col);
        s.message = format!("cú pháp YAML không hợp lệ: {}", s.message);
        s
    })?;
    let items = |rows: Vec<Spanned<YRow>>| -> Vec<Item> {
        rows.into_iter()
            .map(|r| Item {
                line: r.referenced.line() as usize,
                fields: r
                    .value
                    .0
                    .into_iter()
                    .map(|(k, v)| (k.value, k.referenced.line() as usize, v.value.0))
                    .collect(),
            })
            .collect()
    };
    Ok(match top {
        YTop::List(rows) => vec![Part {
            name: None,
            items: items(rows),
        }],
        YTop::Map(parts) => parts
            .into_iter()
            .map(|(name, rows)| Part {
                name: Some(name),
                items: items(rows),
            })
            .collect(),
        YTop::Other => Vec::new(),
    })
}

enum YTop {
    List(Vec<Spanned<YRow>>),
    Map(Vec<(String, Vec<Spanned<YRow>>)>),
    Other,
}

struct YRow(Vec<(Spanned<String>, Spanned<YCell>)>);

struct YCell(Value);

/// A top-level value that may be a list of rows, or anything (ignored).
struct MaybeRows(Option<Vec<Spanned<YRow>>>);

impl<'de> Deserialize<'de> for YTop {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = YTop;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of rows or a map of lists")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<YTop, A::Error> {
                let mut rows = Vec::new();
                while let Some(r) = seq.next_element()? {
                    rows.push(r);
                }
                Ok(YTop::List(rows))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YTop, A::Error> {
                let mut parts = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, MaybeRows>()? {
                    if let Some(rows) = v.0 {
                        parts.push((k, rows));
                    }
                }
                Ok(YTop::Map(parts))
            }
            fn visit_unit<E>(self) -> Result<YTop, E> {
                Ok(YTop::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<YTop, E> {
                Ok(YTop::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for MaybeRows {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MaybeRows;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeRows, A::Error> {
                let mut rows = Vec::new();
                while let Some(r) = seq.next_element()? {
                    rows.push(r);
                }
                Ok(MaybeRows(Some(rows)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeRows, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(MaybeRows(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<MaybeRows, E> {
                Ok(MaybeRows(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<MaybeRows, E> {
                Ok(MaybeRows(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<MaybeRows, E> {
                Ok(MaybeRows(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<MaybeRows, E> {
                Ok(MaybeRows(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<MaybeRows, E> {
                Ok(MaybeRows(None))
            }
            fn visit_unit<E>(self) -> Result<MaybeRows, E> {
                Ok(MaybeRows(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for YRow {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = YRow;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("một bảng khoá: giá trị")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YRow, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(YRow(fields))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for YCell {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = YCell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar or a list of scalars")
            }
            fn visit_bool<E>(self, b: bool) -> Result<YCell, E> {
                Ok(YCell(Value::Bool(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<YCell, E> {
                Ok(YCell(Value::Number(n as f64)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<YCell, E> {
                Ok(YCell(Value::Number(n as f64)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<YCell, E> {
                Ok(YCell(Value::Number(n)))
            }
            fn visit_str<E>(self, s: &str) -> Result<YCell, E> {
                Ok(YCell(text_value(s)))
            }
            fn visit_unit<E>(self) -> Result<YCell, E> {
                Ok(YCell(Value::Empty))
            }
            fn visit_none<E>(self) -> Result<YCell, E> {
                Ok(YCell(Value::Empty))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<YCell, A::Error> {
                let mut values = Vec::new();
                while let Some(YCell(v)) = seq.next_element()? {
                    values.push(v);
                }
                Ok(YCell(join_list(values)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<YCell, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(YCell(Value::Text("{…}".to_owned())))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_named_arrays_keep_lines() {
        let text = "title = \"x\"\n\n[[chi-tieu]]\nma = \"CT-01\"\nmuc_tieu = 95.5\n\n[[chi-tieu]]\nma = \"CT-02\"\nthoi_han = 2026-12-31\n";
        let parts = read_toml(text).unwrap();
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].name.as_deref(), Some("chi-tieu"));
        let items = &parts[0].items;
        assert_eq!(
            items[0].fields[0],
            ("ma".into(), 4, Value::Text("CT-01".into()))
        );
        assert_eq!(
            items[0].fields[1],
            ("muc_tieu".into(), 5, Value::Number(95.5))
        );
        assert_eq!(
            items[1].fields[1].2,
            Value::Date(jiff::civil::date(2026, 12, 31))
        );
        assert_eq!(items[1].line, 7);
    }

    #[test]
    fn json_top_level_array_and_map() {
        let text = "[\n  {\"Mã\": \"CT-01\",\n   \"Mục tiêu\": 95.5, \"x\": [\"a\", \"b\"], \"n\": null}\n]";
        let parts = read_json(text).unwrap();
        assert_eq!(parts[0].name, None);
        let f = &parts[0].items[0].fields;
        assert_eq!(f[0], ("Mã".into(), 2, Value::Text("CT-01".into())));
        assert_eq!(f[1], ("Mục tiêu".into(), 3, Value::Number(95.5)));
        assert_eq!(f[2].2, Value::Text("a; b".into()));
        assert_eq!(f[3].2, Value::Empty);
        let map = read_json("{\"ket-qua\": [{\"a\": \"\\u0110\"}], \"title\": 1}").unwrap();
        assert_eq!(map.len(), 1);
        assert_eq!(map[0].items[0].fields[0].2, Value::Text("Đ".into()));
        let err = read_json("[{\"a\": 1,}]").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn yaml_rows_with_lines_and_no_norway_problem() {
        let text =
            "- ma: CT-01\n  muc_tieu: 95.5\n  co: NO\n- ma: CT-02\n  muc_tieu: có\n  dung: true\n";
        let parts = read_yaml(text).unwrap();
        let items = &parts[0].items;
        assert_eq!(
            items[0].fields[1],
            ("muc_tieu".into(), 2, Value::Number(95.5))
        );
        assert_eq!(items[0].fields[2].2, Value::Text("NO".into()));
        assert_eq!(items[1].line, 4);
        assert_eq!(items[1].fields[2].2, Value::Bool(true));
        let map = read_yaml("ket-qua:\n  - a: 1\ntitle: x\n").unwrap();
        assert_eq!(map[0].name.as_deref(), Some("ket-qua"));
        assert!(read_yaml("- a: [1\n").is_err());
    }
}
