//! Open-data exports of every dataset as CSV and JSON, deterministic bytes.
//!
//! - CSV: UTF-8 with BOM (so Excel opens Vietnamese correctly), comma
//!   separated, CRLF line ends, Vietnamese headers (the canonical ones of the
//!   contract). Text cells starting with `=` `+` `-` `@` TAB or CR get a
//!   leading `'` so spreadsheets do not run them as formulas; numbers are
//!   written plainly (`-3`, `95.5`, `1552020000`), with a trailing `0` added
//!   when the fraction has exactly three digits (`2.6650`) so the file reads
//!   back unambiguously. Periods and deadlines use the machine forms
//!   `2025`, `2025-Q3`, `2025-06`, `2025-11-14`; dates are ISO.
//! - JSON: a pretty-printed array of objects whose keys are the English
//!   column keys, in column order; numbers, booleans and `null` typed.
//!
//! Both read back through `load_dir` to the same data.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::kind::Kind;
use super::model::{DataSet, Quantity};
use super::schema::{Column, Field, columns};
use super::values::Deadline;

/// A value in an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Null,
    Text(String),
    Number(f64),
    Bool(bool),
}

fn text(s: &str) -> Out {
    Out::Text(s.to_owned())
}

fn opt(s: &Option<String>) -> Out {
    s.as_deref().map_or(Out::Null, text)
}

fn num(n: Option<f64>) -> Out {
    n.map_or(Out::Null, Out::Number)
}

fn deadline(d: Option<Deadline>) -> Out {
    d.map_or(Out::Null, |d| Out::Text(d.code()))
}

fn quantity(q: Quantity) -> Out {
    match q {
        Quantity::Number(n) => Out::Number(n),
        Quantity::YesNo(b) => Out::Bool(b),
    }
}

/// The exported columns of a kind (all but the row number).
pub fn export_columns(kind: Kind) -> Vec<&'static Column> {
    columns(kind)
        .iter()
        .filter(|c| c.field != Field::RowNumber)
        .collect()
}

/// The recurrence columns of tasks, published only when a task recurs
/// (so the open data of sites without recurring tasks keeps its shape).
const RECURRENCE_FIELDS: [Field; 3] = [Field::Recurrence, Field::Start, Field::Reported];

/// Whether any task of `data` recurs.
pub fn has_recurring_tasks(data: &DataSet) -> bool {
    data.tasks.iter().any(|t| t.recurrence.is_some())
}

/// The published columns of a kind for this data: [`export_columns`]
/// without the recurrence columns of tasks when no task recurs.
pub fn published_columns(data: &DataSet, kind: Kind) -> Vec<&'static Column> {
    let mut cols = export_columns(kind);
    if kind == Kind::Tasks && !has_recurring_tasks(data) {
        cols.retain(|c| !RECURRENCE_FIELDS.contains(&c.field));
    }
    cols
}

/// One record per item, values in [`published_columns`] order.
pub fn records(data: &DataSet, kind: Kind) -> Vec<Vec<Out>> {
    let out = records_of(data, kind);
    // `count` must say what this gives (checked by every test build).
    debug_assert_eq!(out.len(), count(data, kind), "{kind:?}");
    out
}

/// How many records [`records`] gives for `kind` (one per row of its
/// table), without making them: `serve` asks on every data edit.
pub fn count(data: &DataSet, kind: Kind) -> usize {
    match kind {
        Kind::Targets => data.targets.len(),
        Kind::Results => data.results.len(),
        Kind::Tasks => data.tasks.len(),
        Kind::Budget => data.budget.len(),
        Kind::DtiIndex => data.indicators.len(),
        Kind::DtiScores => data.scores.len(),
        Kind::Units => data.units.len(),
        Kind::Indicators => data.observations.len(),
        Kind::Criteria => data.criteria.len(),
    }
}

fn records_of(data: &DataSet, kind: Kind) -> Vec<Vec<Out>> {
    let cols = published_columns(data, kind);
    let row = |get: &dyn Fn(Field) -> Out| cols.iter().map(|c| get(c.field)).collect::<Vec<_>>();
    match kind {
        Kind::Targets => data
            .targets
            .iter()
            .map(|t| {
                row(&|f| match f {
                    Field::Id => text(&t.id),
                    Field::Pillar => opt(&t.pillar),
                    Field::Statement => text(&t.statement),
                    Field::Unit => opt(&t.unit),
                    Field::Comparison => text(t.comparison.label()),
                    Field::Target => quantity(t.target),
                    Field::Baseline => num(t.baseline),
                    Field::Deadline => deadline(t.deadline),
                    Field::Document => opt(&t.document),
                    Field::Lead => opt(&t.lead),
                    Field::Start => t.start.map_or(Out::Null, |p| Out::Text(p.code())),
                    Field::Locality => opt(&t.locality),
                    Field::Illustrative => Out::Bool(t.illustrative),
                    Field::Note => opt(&t.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::Results => data
            .results
            .iter()
            .map(|r| {
                row(&|f| match f {
                    Field::TargetRef => text(&r.target_id),
                    Field::Period => Out::Text(r.period.code()),
                    Field::Value => quantity(r.value),
                    Field::Locality => opt(&r.commune),
                    Field::Source => opt(&r.source),
                    Field::Illustrative => Out::Bool(r.illustrative),
                    Field::Note => opt(&r.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::Tasks => data
            .tasks
            .iter()
            .map(|t| {
                row(&|f| match f {
                    Field::Id => text(&t.id),
                    Field::Statement => text(&t.statement),
                    Field::Pillar => opt(&t.pillar),
                    Field::Lead => text(&t.lead),
                    Field::Partners => opt(&t.partners_text),
                    Field::Deadline => deadline(t.deadline),
                    Field::Budget => num(t.budget.map(|b| b as f64)),
                    Field::Status => t.status.map_or(Out::Null, |s| text(s.label())),
                    Field::Completed => t.completed.map_or(Out::Null, |d| Out::Text(d.to_string())),
                    Field::Document => opt(&t.document),
                    Field::Recurrence => t.recurrence.as_ref().map_or(Out::Null, |r| text(&r.text)),
                    Field::Start => t.start.map_or(Out::Null, |p| Out::Text(p.code())),
                    Field::Reported => opt(&t.reports_text),
                    Field::Locality => opt(&t.locality),
                    Field::Illustrative => Out::Bool(t.illustrative),
                    Field::Note => opt(&t.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::Budget => data
            .budget
            .iter()
            .map(|b| {
                row(&|f| match f {
                    Field::Year => Out::Number(f64::from(b.year)),
                    Field::FundSource => text(&b.source),
                    Field::Item => text(&b.item),
                    Field::Pillar => opt(&b.pillar),
                    Field::Planned => Out::Number(b.planned as f64),
                    Field::Disbursed => num(b.disbursed.map(|d| d as f64)),
                    Field::Locality => opt(&b.locality),
                    Field::Illustrative => Out::Bool(b.illustrative),
                    Field::Note => opt(&b.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::DtiIndex => data
            .indicators
            .iter()
            .map(|i| {
                row(&|f| match f {
                    Field::Id => text(&i.code),
                    Field::Name => text(&i.name),
                    Field::MaxPoints => Out::Number(i.max_points),
                    Field::Lead => opt(&i.lead),
                    Field::Pillar if i.own_pillars.is_empty() => Out::Null,
                    Field::Pillar => Out::Text(i.own_pillars.join("; ")),
                    Field::Rule => opt(&i.rule),
                    Field::Note => opt(&i.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::DtiScores => data
            .scores
            .iter()
            .map(|s| {
                row(&|f| match f {
                    Field::Id => text(&s.code),
                    Field::Year => Out::Number(f64::from(s.year)),
                    Field::Points => num(s.points),
                    Field::Index => num(s.index),
                    Field::ScoreKind => text(s.kind.label()),
                    Field::Evidence => opt(&s.evidence),
                    Field::Locality => opt(&s.locality),
                    Field::Illustrative => Out::Bool(s.illustrative),
                    Field::Note => opt(&s.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::Units => data
            .units
            .iter()
            .map(|u| {
                row(&|f| match f {
                    Field::Id => text(&u.id),
                    Field::Name => text(&u.name),
                    Field::UnitType => opt(&u.kind),
                    Field::ShortName => opt(&u.short_name),
                    Field::Address => opt(&u.address),
                    Field::Phone => opt(&u.phone),
                    Field::Email => opt(&u.email),
                    Field::Note => opt(&u.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::Indicators => data
            .observations
            .iter()
            .map(|o| {
                row(&|f| match f {
                    Field::Name => text(&o.indicator),
                    Field::Unit => opt(&o.unit),
                    Field::Locality => opt(&o.locality),
                    Field::Period => Out::Text(o.period.code()),
                    Field::Value => quantity(o.value),
                    Field::Pillar if o.pillars.is_empty() => Out::Null,
                    Field::Pillar => Out::Text(o.pillars.join("; ")),
                    Field::Source => opt(&o.source),
                    Field::Illustrative => Out::Bool(o.illustrative),
                    Field::Note => opt(&o.note),
                    _ => Out::Null,
                })
            })
            .collect(),
        Kind::Criteria => data
            .criteria
            .iter()
            .map(|c| {
                row(&|f| match f {
                    Field::Id => text(&c.id),
                    Field::Statement => text(&c.statement),
                    Field::Group => opt(&c.group),
                    Field::Locality => opt(&c.locality),
                    Field::Deadline => deadline(c.deadline),
                    Field::Status => c.status.map_or(Out::Null, |s| text(s.label())),
                    Field::Completed => match c.completed {
                        Some(d) => Out::Text(d.to_string()),
                        None => Out::Bool(c.done),
                    },
                    Field::Evidence => opt(&c.evidence),
                    Field::Illustrative => Out::Bool(c.illustrative),
                    Field::Note => opt(&c.note),
                    _ => Out::Null,
                })
            })
            .collect(),
    }
}

/// A number as written in CSV exports: plain, `.` decimal, never three
/// fraction digits alone (`2.665` → `2.6650`).
pub fn csv_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let s = format!("{n}");
    match s.split_once('.') {
        Some((_, frac)) if frac.len() == 3 => format!("{s}0"),
        _ => s,
    }
}

/// Neutralises text a spreadsheet would run as a formula, also when the
/// formula sign follows leading whitespace (some spreadsheets trim it).
pub fn csv_text(s: &str) -> String {
    let trimmed = s.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    if s.starts_with(['\t', '\r'])
        || trimmed.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
    {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

pub fn csv_cell(v: &Out) -> String {
    match v {
        Out::Null => String::new(),
        Out::Text(t) => csv_text(t),
        Out::Number(n) => csv_number(*n),
        Out::Bool(true) => "có".to_owned(),
        Out::Bool(false) => "không".to_owned(),
    }
}

/// A CSV document (BOM, CRLF) with a header row and `rows`.
pub fn csv_bytes(headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let _ = w.write_record(headers);
        for r in rows {
            let _ = w.write_record(r);
        }
        let _ = w.flush();
    }
    out
}

/// The dataset of `kind` as CSV.
pub fn to_csv(data: &DataSet, kind: Kind) -> Vec<u8> {
    let headers: Vec<&str> = published_columns(data, kind)
        .iter()
        .map(|c| c.header)
        .collect();
    let rows: Vec<Vec<String>> = records(data, kind)
        .iter()
        .map(|r| r.iter().map(csv_cell).collect())
        .collect();
    csv_bytes(&headers, &rows)
}

struct JsonRows<'a> {
    keys: Vec<&'static str>,
    rows: &'a [Vec<Out>],
}

struct JsonRow<'a>(&'a [&'static str], &'a [Out]);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for r in self.rows {
            seq.serialize_element(&JsonRow(&self.keys, r))?;
        }
        seq.end()
    }
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(self.1) {
            match v {
                Out::Null => map.serialize_entry(k, &())?,
                Out::Text(t) => map.serialize_entry(k, t)?,
                Out::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => {
                    map.serialize_entry(k, &(*n as i64))?
                }
                Out::Number(n) => map.serialize_entry(k, n)?,
                Out::Bool(b) => map.serialize_entry(k, b)?,
            }
        }
        map.end()
    }
}

/// The dataset of `kind` as pretty JSON (trailing newline).
pub fn to_json(data: &DataSet, kind: Kind) -> Vec<u8> {
    let rows = records(data, kind);
    let keys = published_columns(data, kind)
        .iter()
        .map(|c| c.key)
        .collect();
    json_bytes(keys, &rows)
}

/// Rows as pretty JSON objects with `keys` (trailing newline).
pub fn json_bytes(keys: Vec<&'static str>, rows: &[Vec<Out>]) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&JsonRows { keys, rows }).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Every non-empty dataset as `(file name, bytes)`: `chi-tieu.csv`,
/// `chi-tieu.json`, … in kind order.
pub fn export_all(data: &DataSet) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        if count(data, kind) == 0 {
            continue;
        }
        out.push((format!("{}.csv", kind.slug()), to_csv(data, kind)));
        out.push((format!("{}.json", kind.slug()), to_json(data, kind)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_text_are_safe() {
        assert_eq!(csv_number(1_552_020_000.0), "1552020000");
        assert_eq!(csv_number(-3.0), "-3");
        assert_eq!(csv_number(95.5), "95.5");
        assert_eq!(csv_number(2.665), "2.6650");
        assert_eq!(csv_number(0.8241), "0.8241");
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("-3"), "'-3");
        assert_eq!(csv_text("@x"), "'@x");
        assert_eq!(csv_text("\tx"), "'\tx");
        assert_eq!(csv_text(" =1+1"), "' =1+1");
        assert_eq!(csv_text("\u{a0}\n@SUM(A1)"), "'\u{a0}\n@SUM(A1)");
        assert_eq!(csv_text("＝1+1"), "'＝1+1");
        assert_eq!(csv_text("Chính quyền số"), "Chính quyền số");
    }
}
