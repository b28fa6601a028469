//! Open data of the periodic reports: `bao-cao.csv` (BOM, CRLF) and
//! `bao-cao.json`, one row per reported period and scope (on a many-unit
//! site: the aggregate, the site's own unit, each locality). Every column is
//! computed (from [`super::compute::report`]); nothing here is read back as
//! a dataset.

use jiff::civil::Date;

use super::compute::report::{self, ReportFigures, ReportKind, Scope, TaskOutcome};
use super::export::{Out, csv_bytes, csv_cell, json_bytes};
use super::model::DataSet;

/// (CSV header, JSON key) of every column, in order.
pub const COLUMNS: [(&str, &str); 20] = [
    ("Kỳ báo cáo", "period"),
    ("Mã kỳ", "period_code"),
    ("Từ ngày", "from"),
    ("Đến ngày", "to"),
    ("Số liệu tính đến", "as_of"),
    ("Kỳ đã kết thúc", "complete"),
    ("Đơn vị", "unit"),
    ("Tổng hợp chung", "aggregate"),
    ("Chỉ tiêu trong kỳ", "targets"),
    ("Chỉ tiêu có số liệu", "targets_measured"),
    ("Chỉ tiêu đạt", "targets_met"),
    ("Nhiệm vụ hoàn thành đúng hạn", "tasks_completed"),
    ("Nhiệm vụ hoàn thành trễ hạn", "tasks_completed_late"),
    ("Nhiệm vụ quá hạn", "tasks_overdue"),
    ("Nhiệm vụ hết hạn chưa báo cáo", "tasks_due_unreported"),
    ("Nhiệm vụ chưa đến hạn", "tasks_open"),
    ("Nhiệm vụ hoàn thành không ghi ngày", "tasks_done_undated"),
    ("Kế hoạch kinh phí năm", "budget_planned"),
    ("Đã giải ngân", "budget_disbursed"),
    (
        "Khoản chưa có số liệu giải ngân",
        "budget_disbursed_unknown",
    ),
];

fn row(f: &ReportFigures, unit: Out, aggregate: bool) -> Vec<Out> {
    let (met, measured) = f.targets_met();
    let n = |k: usize| Out::Number(k as f64);
    let p = f.period;
    vec![
        Out::Text(p.label()),
        Out::Text(p.slug()),
        Out::Text(p.start().to_string()),
        Out::Text(p.end().to_string()),
        Out::Text(f.cutoff.last_day.to_string()),
        Out::Bool(f.cutoff.complete),
        unit,
        Out::Bool(aggregate),
        n(f.targets.len()),
        n(measured),
        n(met),
        n(f.count(TaskOutcome::Completed)),
        n(f.count(TaskOutcome::CompletedLate)),
        n(f.count(TaskOutcome::Overdue)),
        n(f.count(TaskOutcome::DueUnreported)),
        n(f.count(TaskOutcome::Open)),
        n(f.count(TaskOutcome::DoneUndated)),
        f.budget
            .map_or(Out::Null, |b| Out::Number(b.planned as f64)),
        // Unknown when no line gives a disbursed amount (never 0).
        f.budget
            .filter(|b| b.disbursed_unknown < b.lines)
            .map_or(Out::Null, |b| Out::Number(b.disbursed as f64)),
        f.budget
            .map_or(Out::Null, |b| Out::Number(b.disbursed_unknown as f64)),
    ]
}

/// The rows of every report: newest period first; on a many-unit site the
/// aggregate, then the own unit (empty "Đơn vị", as in the datasets), then
/// each locality.
pub fn rows(data: &DataSet, kinds: &[ReportKind], today: Date) -> Vec<Vec<Out>> {
    let localities = data.localities();
    let mut out = Vec::new();
    for period in report::periods(data, kinds, today) {
        // Every row of the period shares one pass over the results.
        let facts = report::PeriodFacts::new(data, period);
        let all = report::figures_in(data, &facts, Scope::All, today);
        if localities.is_empty() {
            out.push(row(&all, Out::Null, false));
            continue;
        }
        out.push(row(&all, Out::Text("Tổng hợp chung".into()), true));
        out.push(row(
            &report::figures_in(data, &facts, Scope::Locality(None), today),
            Out::Null,
            false,
        ));
        for name in &localities {
            let f = report::figures_in(data, &facts, Scope::Locality(Some(name)), today);
            out.push(row(&f, Out::Text((*name).to_owned()), false));
        }
    }
    out
}

/// `bao-cao.csv` and `bao-cao.json`, or nothing when there is no report.
pub fn export(data: &DataSet, kinds: &[ReportKind], today: Date) -> Vec<(String, Vec<u8>)> {
    let rows = rows(data, kinds, today);
    if rows.is_empty() {
        return Vec::new();
    }
    let headers: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(csv_cell).collect())
        .collect();
    vec![
        ("bao-cao.csv".to_owned(), csv_bytes(&headers, &cells)),
        (
            "bao-cao.json".to_owned(),
            json_bytes(COLUMNS.iter().map(|c| c.1).collect(), &rows),
        ),
    ]
}
