//! Computed columns of the published open data: each target's latest value,
//! its period, progress and state, and each task's state (with "Quá hạn")
//! and days overdue, as of the build date. They are appended to the
//! published `chi-tieu` and `nhiem-vu` files with headers ending in
//! "(tính toán)"; the reader ignores those headers, so a published file can
//! be put back into a data folder unchanged.

use super::compute::Computed;
use super::export::{
    Out, csv_bytes, csv_cell, has_recurring_tasks, json_bytes, published_columns, records,
};
use super::kind::Kind;
use super::model::{DataSet, Quantity};
use super::schema::COMPUTED_COLUMNS;
use crate::text::numbers::round_half_away;

fn extra(data: &DataSet, computed: &Computed, kind: Kind) -> Vec<Vec<Out>> {
    match kind {
        Kind::Targets => computed
            .targets
            .iter()
            .map(|p| {
                let m = p.latest.and_then(|i| data.results.get(i));
                vec![
                    m.map_or(Out::Null, |m| match m.value {
                        Quantity::Number(n) => Out::Number(n),
                        Quantity::YesNo(b) => Out::Bool(b),
                    }),
                    m.map_or(Out::Null, |m| Out::Text(m.period.code())),
                    p.progress
                        .map_or(Out::Null, |x| Out::Number(round_half_away(x, 4))),
                    Out::Text(p.state.label().to_owned()),
                    p.units_met.map_or(Out::Null, |(met, n)| {
                        Out::Text(format!("{met}/{n} địa phương đạt"))
                    }),
                    Out::Bool(p.illustrative),
                ]
            })
            .collect(),
        Kind::Tasks => computed
            .tasks
            .iter()
            .zip(&data.tasks)
            .map(|(p, t)| {
                let (next, missed) = occurrence_columns(t, computed.today);
                vec![
                    Out::Text(p.state.label().to_owned()),
                    p.days_overdue
                        .map_or(Out::Null, |d| Out::Number(f64::from(d))),
                    next,
                    missed,
                ]
            })
            .collect(),
        Kind::Criteria => computed
            .criteria
            .iter()
            .map(|s| {
                vec![
                    Out::Text(s.light.label().to_owned()),
                    Out::Text(s.source.label().to_owned()),
                ]
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The next occurrence (`2026-Q1 (hạn 2026-03-14)`) and the missed ones
/// (`2025-Q4; …`) of a recurring task; null for other tasks.
fn occurrence_columns(t: &super::model::Task, today: jiff::civil::Date) -> (Out, Out) {
    let Some(rule) = &t.recurrence else {
        return (Out::Null, Out::Null);
    };
    let s = super::compute::occurrences::schedule(t, rule, today);
    let code = |o: &super::values::Occurrence| {
        let p = match o.frequency_months {
            1 => super::values::Period::Month(o.start.year(), o.start.month()),
            3 => {
                super::values::Period::Quarter(o.start.year(), (o.start.month() as u8 - 1) / 3 + 1)
            }
            _ => super::values::Period::Year(o.start.year()),
        };
        format!("{} (hạn {})", p.code(), o.due)
    };
    let next = s.next.map_or(Out::Null, |n| Out::Text(code(&n.occurrence)));
    let missed: Vec<String> = s.missed().map(|m| code(&m.occurrence)).collect();
    (next, Out::Text(missed.join("; ")))
}

/// The computed columns of `kind` published for this data: the occurrence
/// columns of tasks (the last two) only when a task recurs.
pub fn computed_columns(data: &DataSet, kind: Kind) -> Vec<(Kind, &'static str, &'static str)> {
    let mut cols: Vec<_> = COMPUTED_COLUMNS
        .iter()
        .filter(|(k, _, _)| *k == kind)
        .copied()
        .collect();
    if kind == Kind::Tasks && !has_recurring_tasks(data) {
        cols.retain(|(_, _, key)| !matches!(*key, "next_occurrence" | "missed_occurrences"));
    }
    cols
}

/// Every non-empty dataset as `(file name, bytes)` like
/// [`super::export::export_all`], with the computed columns appended.
pub fn export_all_computed(data: &DataSet, computed: &Computed) -> Vec<(String, Vec<u8>)> {
    Kind::ALL
        .into_iter()
        .flat_map(|kind| export_kind_computed(data, computed, kind))
        .collect()
}

/// The CSV and JSON files of one dataset (`chi-tieu.csv`, `chi-tieu.json`)
/// with the computed columns appended; nothing when it has no record
/// (see [`super::export::count`]).
pub fn export_kind_computed(
    data: &DataSet,
    computed: &Computed,
    kind: Kind,
) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rows = records(data, kind);
    if rows.is_empty() {
        return out;
    }
    let cols = published_columns(data, kind);
    let mut headers: Vec<&str> = cols.iter().map(|c| c.header).collect();
    let mut keys: Vec<&'static str> = cols.iter().map(|c| c.key).collect();
    let extras = extra(data, computed, kind);
    if extras.len() == rows.len() {
        let keep = computed_columns(data, kind);
        for (_, h, k) in &keep {
            headers.push(h);
            keys.push(k);
        }
        for (r, e) in rows.iter_mut().zip(extras) {
            r.extend(e.into_iter().take(keep.len()));
        }
    }
    let csv_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(csv_cell).collect())
        .collect();
    out.push((
        format!("{}.csv", kind.slug()),
        csv_bytes(&headers, &csv_rows),
    ));
    out.push((format!("{}.json", kind.slug()), json_bytes(keys, &rows)));
    out
}
