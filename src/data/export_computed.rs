//! Computed columns of the published open data: each target's latest value,
//! its period, progress and state, and each task's state (with "Quá hạn")
//! and days overdue, as of the build date. They are appended to the
//! published `chi-tieu` and `nhiem-vu` files with headers ending in
//! "(tính toán)"; the reader ignores those headers, so a published file can
//! be put back into a data folder unchanged.

use super::compute::Computed;
use super::export::{Out, csv_bytes, csv_cell, export_columns, json_bytes, records};
use super::kind::Kind;
use super::model::{DataSet, Quantity};
use crate::text::numbers::round_half_away;

/// (kind, Vietnamese header, JSON key) of every computed column.
pub const COMPUTED_COLUMNS: &[(Kind, &str, &str)] = &[
    (
        Kind::Targets,
        "Giá trị mới nhất (tính toán)",
        "latest_value",
    ),
    (
        Kind::Targets,
        "Kỳ của giá trị mới nhất (tính toán)",
        "latest_period",
    ),
    (Kind::Targets, "Mức hoàn thành (tính toán)", "progress"),
    (Kind::Targets, "Tình trạng (tính toán)", "state"),
    (
        Kind::Targets,
        "Địa phương đạt (tính toán)",
        "localities_met",
    ),
    (
        Kind::Targets,
        "Minh họa (tính toán)",
        "illustrative_figures",
    ),
    (Kind::Tasks, "Tình trạng (tính toán)", "computed_state"),
    (Kind::Tasks, "Số ngày quá hạn (tính toán)", "days_overdue"),
];

/// Whether a header (already folded by the caller's `fold`) names a
/// computed column of `kind`.
pub fn is_computed_header(kind: Kind, folded: &str, fold: impl Fn(&str) -> String) -> bool {
    COMPUTED_COLUMNS
        .iter()
        .filter(|(k, _, _)| *k == kind)
        .any(|(_, h, key)| fold(h) == folded || fold(key) == folded)
}

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
            .map(|p| {
                vec![
                    Out::Text(p.state.label().to_owned()),
                    p.days_overdue
                        .map_or(Out::Null, |d| Out::Number(f64::from(d))),
                ]
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Every non-empty dataset as `(file name, bytes)` like
/// [`super::export::export_all`], with the computed columns appended.
pub fn export_all_computed(data: &DataSet, computed: &Computed) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let mut rows = records(data, kind);
        if rows.is_empty() {
            continue;
        }
        let cols = export_columns(kind);
        let mut headers: Vec<&str> = cols.iter().map(|c| c.header).collect();
        let mut keys: Vec<&'static str> = cols.iter().map(|c| c.key).collect();
        let extras = extra(data, computed, kind);
        if extras.len() == rows.len() {
            for (_, h, k) in COMPUTED_COLUMNS.iter().filter(|(k, _, _)| *k == kind) {
                headers.push(h);
                keys.push(k);
            }
            for (r, e) in rows.iter_mut().zip(extras) {
                r.extend(e);
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
    }
    out
}
