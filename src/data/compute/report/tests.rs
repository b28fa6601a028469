//! Report periods and figures at their boundary dates: the first day of a
//! period, its last day and the day after.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::{Date, date};

use super::*;
use crate::data::model::{BudgetLine, Measurement, Quantity, Target, Task};
use crate::data::table::Loc;
use crate::data::values::{Comparison, Deadline, Period, TaskStatus};

fn loc() -> Loc {
    Loc {
        path: Arc::from(Path::new("du-lieu/x.csv")),
        sheet: None,
        row: 2,
        column: Some(0),
        line: None,
        grid: true,
    }
}

fn task(id: &str, due: Option<Date>, completed: Option<Date>, locality: Option<&str>) -> Task {
    Task {
        id: id.into(),
        statement: "x".into(),
        pillar: None,
        lead: "Văn phòng".into(),
        partners: Vec::new(),
        partners_text: None,
        deadline: due.map(|d| Deadline::from_period(Period::Day(d))),
        budget: None,
        // A status is reported ("đang thực hiện" until done).
        status: Some(if completed.is_some() {
            TaskStatus::Completed
        } else {
            TaskStatus::InProgress
        }),
        completed,
        document: None,
        locality: locality.map(Into::into),
        illustrative: false,
        note: None,
        recurrence: None,
        start: None,
        reports: Vec::new(),
        reports_text: None,
        loc: loc(),
        lead_loc: loc(),
        partners_loc: loc(),
    }
}

fn target(id: &str, due: Period) -> Target {
    Target {
        id: id.into(),
        pillar: None,
        statement: "x".into(),
        unit: Some("%".into()),
        comparison: Comparison::AtLeast,
        target: Quantity::Number(90.0),
        baseline: None,
        start: None,
        deadline: Some(Deadline::from_period(due)),
        document: None,
        lead: None,
        locality: None,
        illustrative: false,
        note: None,
        loc: loc(),
        lead_loc: loc(),
    }
}

fn result(id: &str, period: Period, v: f64, commune: Option<&str>) -> Measurement {
    Measurement {
        target_id: id.into(),
        period,
        value: Quantity::Number(v),
        commune: commune.map(Into::into),
        source: None,
        illustrative: false,
        note: None,
        loc: loc(),
    }
}

const H1: ReportPeriod = ReportPeriod::Half(2025, 1);

fn outcome(data: &DataSet, period: ReportPeriod, today: Date) -> Vec<(String, TaskOutcome)> {
    figures(data, period, Scope::All, today)
        .tasks
        .iter()
        .map(|l| (data.tasks[l.task].id.clone(), l.outcome))
        .collect()
}

#[test]
fn labels_slugs_and_bounds() {
    assert_eq!(H1.label(), "6 tháng đầu năm 2025");
    assert_eq!(ReportPeriod::Half(2025, 2).label(), "6 tháng cuối năm 2025");
    assert_eq!(ReportPeriod::Quarter(2026, 3).label(), "quý III năm 2026");
    assert_eq!(ReportPeriod::Year(2025).label(), "năm 2025");
    for p in [
        H1,
        ReportPeriod::Half(2025, 2),
        ReportPeriod::Quarter(2026, 4),
        ReportPeriod::Year(2025),
    ] {
        assert_eq!(ReportPeriod::from_slug(&p.slug()), Some(p), "{}", p.slug());
    }
    assert_eq!(ReportPeriod::from_slug("6-thang-dau-2026"), None);
    assert_eq!(ReportPeriod::from_slug("quy-5-nam-2026"), None);
    assert_eq!(
        (H1.start(), H1.end()),
        (date(2025, 1, 1), date(2025, 6, 30))
    );
    let q4 = ReportPeriod::Quarter(2025, 4);
    assert_eq!(
        (q4.start(), q4.end()),
        (date(2025, 10, 1), date(2025, 12, 31))
    );
    assert_eq!(ReportKind::parse("6 tháng"), Some(ReportKind::Half));
    assert_eq!(ReportKind::parse("Năm"), Some(ReportKind::Year));
    assert_eq!(ReportKind::parse("QUÝ"), Some(ReportKind::Quarter));
    assert_eq!(ReportKind::parse("tháng"), None);
}

#[test]
fn a_period_is_reported_from_its_first_day() {
    let data = DataSet {
        tasks: vec![task("A", Some(date(2025, 3, 31)), None, None)],
        ..DataSet::default()
    };
    let kinds = [ReportKind::Half, ReportKind::Year];
    assert!(periods(&data, &kinds, date(2024, 12, 31)).is_empty());
    assert_eq!(
        periods(&data, &kinds, date(2025, 1, 1)),
        vec![ReportPeriod::Year(2025), H1]
    );
    let all = [ReportKind::Quarter, ReportKind::Half, ReportKind::Year];
    let late = DataSet {
        tasks: vec![task("A", Some(date(2025, 12, 31)), None, None)],
        ..DataSet::default()
    };
    assert_eq!(
        periods(&late, &all, date(2026, 1, 1)),
        vec![
            ReportPeriod::Year(2025),
            ReportPeriod::Half(2025, 2),
            ReportPeriod::Quarter(2025, 4)
        ]
    );
    // Only the kinds asked for.
    assert_eq!(
        periods(&data, &[ReportKind::Quarter], date(2026, 1, 1)),
        vec![ReportPeriod::Quarter(2025, 1)]
    );
}

#[test]
fn a_task_due_on_the_last_day_is_overdue_once_the_period_is_over() {
    let data = DataSet {
        tasks: vec![task("A", Some(date(2025, 6, 30)), None, None)],
        ..DataSet::default()
    };
    // Not over yet on the last day: due today, still open, "tính đến" today.
    let on_last_day = figures(&data, H1, Scope::All, date(2025, 6, 30));
    assert!(!on_last_day.cutoff.complete);
    assert_eq!(on_last_day.cutoff.last_day, date(2025, 6, 30));
    assert_eq!(on_last_day.tasks[0].outcome, TaskOutcome::Open);
    // The day after: the period is over, judged at the end of 30/06.
    let day_after = figures(&data, H1, Scope::All, date(2025, 7, 1));
    assert!(day_after.cutoff.complete);
    assert_eq!(day_after.tasks[0].outcome, TaskOutcome::Overdue);
    assert_eq!(day_after.tasks[0].days_overdue, Some(1));
    // Much later the figures of a finished period do not move.
    assert_eq!(figures(&data, H1, Scope::All, date(2026, 3, 1)), day_after);
}

#[test]
fn completions_count_in_their_own_period_only() {
    let data = DataSet {
        tasks: vec![
            task(
                "FIRST",
                Some(date(2025, 3, 31)),
                Some(date(2025, 1, 1)),
                None,
            ),
            task(
                "LAST",
                Some(date(2025, 3, 31)),
                Some(date(2025, 6, 30)),
                None,
            ),
            task(
                "AFTER",
                Some(date(2025, 3, 31)),
                Some(date(2025, 7, 1)),
                None,
            ),
            task(
                "EARLIER",
                Some(date(2025, 3, 31)),
                Some(date(2024, 12, 31)),
                None,
            ),
        ],
        ..DataSet::default()
    };
    let today = date(2026, 1, 15);
    assert_eq!(
        outcome(&data, H1, today),
        vec![
            ("FIRST".into(), TaskOutcome::Completed),
            ("LAST".into(), TaskOutcome::CompletedLate),
            // Completed on the day after the period: overdue at its end.
            ("AFTER".into(), TaskOutcome::Overdue),
        ]
    );
    assert_eq!(
        outcome(&data, ReportPeriod::Half(2025, 2), today),
        vec![("AFTER".into(), TaskOutcome::CompletedLate)]
    );
}

#[test]
fn overdue_tasks_carry_over_and_undated_completions_stay_where_due() {
    let mut undated = task("UNDATED", Some(date(2025, 5, 1)), None, None);
    undated.status = Some(TaskStatus::Completed);
    // Nothing ever reported: past its deadline it is unknown, not overdue.
    let mut silent = task("SILENT", Some(date(2025, 6, 30)), None, None);
    silent.status = None;
    let data = DataSet {
        tasks: vec![
            task("OLD", Some(date(2024, 12, 31)), None, None),
            undated,
            silent,
        ],
        ..DataSet::default()
    };
    let today = date(2026, 1, 1);
    assert_eq!(
        outcome(&data, H1, today),
        vec![
            ("OLD".into(), TaskOutcome::Overdue),
            ("UNDATED".into(), TaskOutcome::DoneUndated),
            ("SILENT".into(), TaskOutcome::DueUnreported),
        ]
    );
    // On the last day it is still just due in the period.
    assert_eq!(
        outcome(&data, H1, date(2025, 6, 30))[2],
        ("SILENT".into(), TaskOutcome::Open)
    );
    assert_eq!(
        outcome(&data, ReportPeriod::Half(2025, 2), today),
        vec![
            ("OLD".into(), TaskOutcome::Overdue),
            ("SILENT".into(), TaskOutcome::DueUnreported),
        ]
    );
}

#[test]
fn results_count_inside_the_period_only() {
    let data = DataSet {
        targets: vec![target("T", Period::Year(2025))],
        results: vec![
            result("T", Period::Quarter(2025, 2), 80.0, None),
            result("T", Period::Year(2025), 95.0, None),
            result("T", Period::Quarter(2025, 2), 100.0, Some("Xã A")),
        ],
        ..DataSet::default()
    };
    let today = date(2026, 1, 1);
    // First half: the Q2 result, not the whole-year one; not yet due.
    let h1 = figures(&data, H1, Scope::All, today);
    assert_eq!(h1.targets.len(), 1);
    assert_eq!(h1.targets[0].result, Some(0));
    assert!(!h1.targets[0].due_in_period);
    assert_eq!(h1.targets[0].achieved, Some(false));
    // The year: the whole-year result, due in it, met.
    let y = figures(&data, ReportPeriod::Year(2025), Scope::All, today);
    assert_eq!(y.targets[0].result, Some(1));
    assert!(y.targets[0].due_in_period);
    assert_eq!(y.targets_met(), (1, 1));
    // One locality sees its own result only.
    let a = figures(&data, H1, Scope::Locality(Some("xã a")), today);
    assert_eq!(a.targets[0].result, Some(2));
    assert_eq!(a.targets[0].achieved, Some(true));
    let b = figures(&data, H1, Scope::Locality(Some("Xã B")), today);
    assert!(b.targets.is_empty());
}

#[test]
fn budget_is_the_years_and_unknown_disbursement_has_no_rate() {
    let line = |planned, disbursed, locality: Option<&str>| BudgetLine {
        year: 2025,
        source: "Ngân sách".into(),
        item: "x".into(),
        pillar: None,
        planned,
        disbursed,
        locality: locality.map(Into::into),
        illustrative: false,
        note: None,
        loc: loc(),
    };
    let data = DataSet {
        budget: vec![line(100, Some(40), None), line(50, None, Some("Xã A"))],
        ..DataSet::default()
    };
    let today = date(2026, 1, 1);
    let all = figures(&data, ReportPeriod::Year(2025), Scope::All, today)
        .budget
        .unwrap();
    assert_eq!(
        (all.planned, all.disbursed, all.disbursed_unknown),
        (150, 40, 1)
    );
    assert_eq!(all.rate(), None);
    let own = figures(&data, H1, Scope::Locality(None), today)
        .budget
        .unwrap();
    assert_eq!(own.rate(), Some(0.4));
    assert!(
        figures(&data, ReportPeriod::Year(2024), Scope::All, today)
            .budget
            .is_none()
    );
    assert_eq!(
        periods(&data, &[ReportKind::Half, ReportKind::Year], today),
        vec![ReportPeriod::Year(2025)]
    );
}

#[test]
fn a_locality_row_finds_its_rows_however_spelled() {
    // Each locality's row looks only at the rows naming it (found once per
    // period): its own targets due in the period (no result yet), targets
    // of others with a result of its own, its tasks and budget lines,
    // whatever the case and diacritics; never another locality's.
    let mut own_target = target("OWN", Period::Year(2025));
    own_target.locality = Some("Xã Đông Sơn".into());
    let other_target = target("OTHER", Period::Year(2025));
    let line = |locality: &str| BudgetLine {
        year: 2025,
        source: "Ngân sách".into(),
        item: "x".into(),
        pillar: None,
        planned: 10,
        disbursed: Some(5),
        locality: Some(locality.into()),
        illustrative: false,
        note: None,
        loc: loc(),
    };
    let data = DataSet {
        targets: vec![other_target, own_target],
        results: vec![
            result("OTHER", Period::Quarter(2025, 4), 90.0, Some("XÃ ĐÔNG SƠN")),
            result("OTHER", Period::Quarter(2025, 4), 40.0, Some("Xã Tây Sơn")),
        ],
        tasks: vec![
            task("T1", Some(date(2025, 5, 1)), None, Some("xa dong son")),
            task("T2", Some(date(2025, 5, 1)), None, Some("Xã Tây Sơn")),
            task("T3", Some(date(2025, 5, 1)), None, None),
        ],
        budget: vec![line("Xã Tây Sơn"), line("Xã Đông Sơn")],
        ..DataSet::default()
    };
    let today = date(2026, 3, 1);
    let year = ReportPeriod::Year(2025);
    let facts = PeriodFacts::new(&data, year);
    let dong = figures_in(&data, &facts, Scope::Locality(Some("xã đông sơn")), today);
    let targets: Vec<(usize, Option<usize>)> =
        dong.targets.iter().map(|t| (t.target, t.result)).collect();
    assert_eq!(targets, vec![(0, Some(0)), (1, None)]);
    assert_eq!(dong.tasks.iter().map(|t| t.task).collect::<Vec<_>>(), [0]);
    assert_eq!(dong.budget.map(|b| b.lines), Some(1));
    let tay = figures_in(&data, &facts, Scope::Locality(Some("Xã Tây Sơn")), today);
    assert_eq!(
        tay.targets.iter().map(|t| t.target).collect::<Vec<_>>(),
        [0]
    );
    assert_eq!(tay.tasks.iter().map(|t| t.task).collect::<Vec<_>>(), [1]);
    let nobody = figures_in(&data, &facts, Scope::Locality(Some("Xã Bắc Sơn")), today);
    assert!(nobody.is_empty());
    let own = figures_in(&data, &facts, Scope::Locality(None), today);
    assert_eq!(own.tasks.iter().map(|t| t.task).collect::<Vec<_>>(), [2]);
}
