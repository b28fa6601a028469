//! Table tests of the computations, at boundary dates.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::{Date, date};

use super::*;
use crate::data::model::*;
use crate::data::table::Loc;
use crate::data::values::{Comparison, Deadline, Period, ScoreKind, TaskStatus};

pub(crate) fn loc() -> Loc {
    Loc {
        path: Arc::from(Path::new("du-lieu/x.csv")),
        sheet: None,
        row: 2,
        column: Some(0),
        line: None,
        grid: true,
    }
}

fn target(id: &str, cmp: Comparison, t: Quantity, deadline: Option<Date>) -> Target {
    Target {
        id: id.into(),
        pillar: None,
        statement: "x".into(),
        unit: None,
        comparison: cmp,
        target: t,
        baseline: None,
        start: None,
        deadline: deadline.map(|d| Deadline::from_period(Period::Day(d))),
        document: None,
        lead: None,
        locality: None,
        illustrative: false,
        note: None,
        loc: loc(),
        lead_loc: loc(),
    }
}

fn result(id: &str, period: Period, v: Quantity, commune: Option<&str>) -> Measurement {
    Measurement {
        target_id: id.into(),
        period,
        value: v,
        commune: commune.map(Into::into),
        source: None,
        illustrative: false,
        note: None,
        loc: loc(),
    }
}

pub(crate) fn task(
    deadline: Option<Deadline>,
    status: Option<TaskStatus>,
    completed: Option<Date>,
) -> Task {
    Task {
        id: "NV".into(),
        statement: "x".into(),
        pillar: Some("Xã hội số".into()),
        lead: "Phòng Văn hóa - Xã hội".into(),
        partners: vec!["Công an xã".into()],
        partners_text: Some("Công an xã".into()),
        deadline,
        budget: None,
        status,
        completed,
        document: None,
        locality: None,
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

use Quantity::{Number as N, YesNo as B};

#[test]
fn achieved_respects_comparison() {
    let cases = [
        (Comparison::AtLeast, N(95.0), N(95.0), true),
        (Comparison::AtLeast, N(95.0), N(94.9), false),
        (Comparison::Above, N(95.0), N(95.0), false),
        (Comparison::Above, N(95.0), N(95.1), true),
        (Comparison::AtMost, N(3.0), N(3.0), true),
        (Comparison::Below, N(3.0), N(3.0), false),
        (Comparison::Equal, N(100.0), N(100.0), true),
        (Comparison::Equal, N(100.0), N(99.0), false),
        (Comparison::Rank, N(5.0), N(4.0), true),
        (Comparison::Rank, N(5.0), N(6.0), false),
        (Comparison::YesNo, B(true), B(true), true),
        (Comparison::YesNo, B(true), B(false), false),
    ];
    for (cmp, t, v, want) in cases {
        assert_eq!(
            targets::achieved(cmp, t, v),
            Some(want),
            "{cmp:?} {t:?} {v:?}"
        );
    }
    assert_eq!(
        targets::achieved(Comparison::AtLeast, N(1.0), B(true)),
        None
    );
}

#[test]
fn progress_counts_from_baseline_and_for_lower_is_better() {
    let p = |cmp, t, b, v| targets::progress(cmp, N(t), b, N(v)).unwrap();
    assert_eq!(p(Comparison::AtLeast, 100.0, None, 50.0), 0.5);
    assert_eq!(p(Comparison::AtLeast, 100.0, Some(80.0), 90.0), 0.5);
    assert_eq!(p(Comparison::AtLeast, 100.0, None, 120.0), 1.0);
    assert_eq!(p(Comparison::Rank, 5.0, None, 10.0), 0.5);
    assert_eq!(p(Comparison::AtMost, 2.0, Some(10.0), 6.0), 0.5);
    assert_eq!(p(Comparison::AtLeast, 100.0, None, -5.0), 0.0);
    assert_eq!(
        targets::progress(Comparison::YesNo, B(true), None, B(false)),
        Some(0.0)
    );
}

#[test]
fn latest_result_by_period_end_then_file_order() {
    let mut data = DataSet::default();
    data.targets
        .push(target("A", Comparison::AtLeast, N(90.0), None));
    data.results = vec![
        result("A", Period::Quarter(2025, 4), N(80.0), None),
        result("A", Period::Year(2025), N(91.0), None),
        result("A", Period::Quarter(2025, 3), N(99.0), None),
        result("A", Period::Month(2025, 6), N(99.0), Some("Xã Một")),
    ];
    let c = compute(&data, date(2026, 1, 15));
    assert_eq!(c.targets[0].latest, Some(1));
    assert_eq!(c.targets[0].state, TargetState::Achieved);
    assert_eq!(c.targets[0].communes.len(), 1);
    assert_eq!(c.targets[0].communes[0].latest, Some(3));
}

#[test]
fn target_states_at_boundary_dates() {
    let today = date(2026, 3, 1);
    let due = |d: Date| {
        let mut data = DataSet::default();
        data.targets
            .push(target("A", Comparison::AtLeast, N(90.0), Some(d)));
        data.results
            .push(result("A", Period::Month(2026, 1), N(50.0), None));
        compute(&data, today).targets[0].state
    };
    assert_eq!(due(today), TargetState::DueSoon);
    assert_eq!(due(date(2026, 2, 28)), TargetState::NotAchieved);
    assert_eq!(due(date(2026, 3, 2)), TargetState::DueSoon);
    assert_eq!(due(date(2026, 5, 30)), TargetState::DueSoon); // today + 90 days
    assert_eq!(due(date(2026, 5, 31)), TargetState::NotAchieved);
    let mut data = DataSet::default();
    data.targets
        .push(target("A", Comparison::AtLeast, N(90.0), Some(today)));
    assert_eq!(compute(&data, today).targets[0].state, TargetState::NoData);
}

#[test]
fn task_states_at_boundary_dates() {
    let today = date(2025, 11, 14);
    let on = |d: Date| Some(Deadline::from_period(Period::Day(d)));
    let state = |t: Task| tasks::task_state(&t, today);
    let s = state(task(on(today), Some(TaskStatus::InProgress), None));
    assert_eq!((s.state, s.days_left), (TaskState::InProgress, Some(0)));
    let s = state(task(
        on(date(2025, 11, 13)),
        Some(TaskStatus::InProgress),
        None,
    ));
    assert_eq!((s.state, s.days_overdue), (TaskState::Overdue, Some(1)));
    let s = state(task(on(date(2025, 11, 15)), None, None));
    assert_eq!((s.state, s.days_left), (TaskState::NotReported, Some(1)));
    // No status reported: "Chưa cập nhật" up to the deadline day, then
    // "Hết hạn chưa báo cáo" (never "Quá hạn": nobody said it is not done).
    let s = state(task(on(today), None, None));
    assert_eq!((s.state, s.days_left), (TaskState::NotReported, Some(0)));
    let s = state(task(on(date(2025, 11, 13)), None, None));
    assert_eq!(
        (s.state, s.days_overdue),
        (TaskState::DueUnreported, Some(1))
    );
    assert_eq!(s.state.label(), "Hết hạn chưa báo cáo");
    assert_eq!(
        state(task(on(date(2025, 11, 13)), Some(TaskStatus::Paused), None)).state,
        TaskState::Overdue
    );
    assert_eq!(
        state(task(Some(Deadline::Ongoing), None, None)).state,
        TaskState::NotReported
    );
    let done = |c: Date| state(task(on(today), Some(TaskStatus::Completed), Some(c))).state;
    assert_eq!(done(today), TaskState::Completed);
    assert_eq!(done(date(2025, 11, 15)), TaskState::CompletedLate);
    assert_eq!(
        state(task(
            on(date(2025, 1, 1)),
            Some(TaskStatus::Completed),
            None
        ))
        .state,
        TaskState::Completed
    );
    let q = Some(Deadline::from_period(Period::Quarter(2025, 3)));
    assert_eq!(
        state(task(q, Some(TaskStatus::NotStarted), None)).state,
        TaskState::Overdue
    );
}

#[test]
fn budget_totals() {
    let mut data = DataSet::default();
    data.tasks.push(task(None, None, None));
    let line = |year, source: &str, item: &str, pillar: Option<&str>, p, d| BudgetLine {
        year,
        source: source.into(),
        item: item.into(),
        pillar: pillar.map(Into::into),
        planned: p,
        disbursed: d,
        locality: None,
        illustrative: false,
        note: None,
        loc: loc(),
    };
    data.budget = vec![
        line(
            2025,
            "Ngân sách xã",
            "Tập huấn",
            Some("Kinh tế số"),
            1_000_000,
            Some(500_000),
        ),
        line(2026, "ngân sách xã", "NV", None, 3_000_000, None),
        line(2025, "Xã hội hóa", "Wi-Fi", None, 0, None),
    ];
    let b = compute(&data, date(2026, 1, 1)).budget;
    assert_eq!((b.total.planned, b.total.disbursed), (4_000_000, 500_000));
    // Two lines have no disbursed figure: unknown, not zero, so no rate.
    assert_eq!((b.total.lines, b.total.unknown), (3, 2));
    assert_eq!(b.total.rate, None);
    assert_eq!(b.total.disbursed_known(), None);
    assert_eq!(b.by_year[0].0, 2025);
    assert_eq!(b.by_year[0].1.rate, None);
    assert_eq!(b.by_pillar[0].1.rate, Some(0.5));
    assert_eq!(b.by_pillar[0].1.disbursed_known(), Some(500_000));
    assert_eq!(b.by_source.len(), 2);
    assert_eq!(b.by_source[0].0, "Ngân sách xã");
    assert_eq!(b.by_source[1].1.rate, None);
    assert_eq!(b.by_pillar[0].0.as_deref(), Some("Kinh tế số"));
    assert_eq!(b.by_pillar[1].0.as_deref(), Some("Xã hội số"));
    assert_eq!(b.by_pillar[2].0, None);
}

fn indicator(code: &str, max: f64, pillars: &[&str], lead: Option<&str>) -> Indicator {
    let p: Vec<String> = pillars.iter().map(|s| s.to_string()).collect();
    Indicator {
        code: code.into(),
        parent: code.rsplit_once('.').map(|(p, _)| p.to_owned()),
        name: code.into(),
        max_points: max,
        lead: lead.map(Into::into),
        own_pillars: p.clone(),
        pillars: p,
        rule: None,
        note: None,
        loc: loc(),
        lead_loc: loc(),
    }
}

#[test]
fn dti_totals_per_pillar_and_year() {
    let mut data = DataSet {
        indicators: vec![
            indicator("1", 160.0, &["Chính quyền số"], Some("VP")),
            indicator("1.1", 100.0, &["Chính quyền số"], Some("VP")),
            indicator("1.2", 60.0, &["Chính quyền số", "Hạ tầng số"], Some("VHXH")),
            indicator("2", 40.0, &["Kinh tế số"], None),
        ],
        ..DataSet::default()
    };
    let score = |code: &str, year, points: Option<f64>, index: Option<f64>, kind| Score {
        code: code.into(),
        year,
        points,
        index,
        kind,
        evidence: None,
        locality: None,
        illustrative: false,
        note: None,
        loc: loc(),
    };
    data.scores = vec![
        score("1.1", 2024, Some(80.0), None, ScoreKind::SelfAssessed),
        score("1.2", 2024, None, Some(0.5), ScoreKind::SelfAssessed),
        score("2", 2024, Some(20.0), None, ScoreKind::Official),
        score("1", 2025, Some(150.0), None, ScoreKind::SelfAssessed),
        score("1", 2025, Some(140.0), None, ScoreKind::Official),
        score("2", 2025, Some(30.0), None, ScoreKind::Official),
    ];
    let d = compute(&data, date(2026, 1, 1)).dti;
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].total.points, 130.0);
    assert_eq!(d[0].total.max, 200.0);
    assert_eq!(d[0].total.index, Some(0.65));
    assert!(!d[0].official);
    assert_eq!(
        d[0].pillars[0],
        (
            "Chính quyền số".into(),
            dti::DtiTotal {
                points: 110.0,
                max: 160.0,
                index: Some(0.6875),
                change_points: None,
                change_index: None
            }
        )
    );
    assert_eq!(d[0].pillars[1].1.points, 30.0); // Hạ tầng số: only 1.2
    assert_eq!(d[1].total.points, 170.0);
    assert!(d[1].official);
    assert_eq!(d[1].previous_year, Some(2024));
    assert_eq!(d[1].total.change_points, Some(40.0));
    assert_eq!(d[1].total.change_index, Some(0.2));
    let units = compute(&data, date(2026, 1, 1)).units;
    let vp = units.iter().find(|u| u.name == "VP").unwrap();
    assert_eq!(vp.dti_max_points, 160.0);
    let vhxh = units.iter().find(|u| u.name == "VHXH").unwrap();
    assert_eq!(vhxh.dti_max_points, 60.0);
}

#[test]
fn unit_counts() {
    let mut data = DataSet::default();
    data.tasks.push(task(
        Some(Deadline::from_period(Period::Year(2024))),
        Some(TaskStatus::InProgress),
        None,
    ));
    data.tasks.push(task(None, None, None));
    // Past its deadline with no status: not counted as overdue.
    let mut unreported = task(Some(Deadline::from_period(Period::Year(2024))), None, None);
    unreported.partners.clear();
    data.tasks.push(unreported);
    let mut t = target("A", Comparison::AtLeast, N(1.0), None);
    t.lead = Some("phòng văn hóa - xã hội".into());
    data.targets.push(t);
    let c = compute(&data, date(2025, 6, 1));
    let vh = c
        .units
        .iter()
        .find(|u| u.name == "Phòng Văn hóa - Xã hội")
        .unwrap();
    assert_eq!((vh.tasks_led, vh.tasks_overdue, vh.targets_led), (3, 1, 1));
    // A partner named nowhere else is not a unit; one that leads something
    // is, and its partnerships count.
    assert!(!c.units.iter().any(|u| u.name == "Công an xã"));
    data.tasks[1].lead = "công an xã".into();
    data.tasks[1].partners.clear();
    let c = compute(&data, date(2025, 6, 1));
    let ca = c.units.iter().find(|u| u.name == "công an xã").unwrap();
    assert_eq!((ca.tasks_led, ca.tasks_partner), (1, 1));
}

#[test]
fn results_count_only_inside_the_target_period() {
    let today = date(2026, 11, 25);
    // Start 01/04/2026 (Quý II/2026), due 30/09/2026, target ≥ 60.
    let state_with = |d: Date| {
        let mut t = target("A", Comparison::AtLeast, N(60.0), Some(date(2026, 9, 30)));
        t.start = Some(Period::Quarter(2026, 2));
        let data = DataSet {
            targets: vec![t],
            results: vec![result("A", Period::Day(d), N(99.0), None)],
            ..DataSet::default()
        };
        let p = compute(&data, today).targets.remove(0);
        (p.state, p.latest.is_some(), p.baseline.is_some())
    };
    let before = (TargetState::NoData, false, true);
    let counted = (TargetState::Achieved, true, false);
    let after = (TargetState::NoData, false, false);
    assert_eq!(
        state_with(date(2026, 3, 31)),
        before,
        "the day before the start"
    );
    assert_eq!(state_with(date(2026, 4, 1)), counted, "the start day");
    assert_eq!(state_with(date(2026, 9, 30)), counted, "the deadline day");
    assert_eq!(
        state_with(date(2026, 10, 1)),
        after,
        "the day after the deadline"
    );
}

#[test]
fn without_a_start_the_deadline_year_begins_the_period() {
    // Due 2026, 2025's 100 % is a baseline: never "Đạt".
    let mut t = target("A", Comparison::AtLeast, N(95.0), None);
    t.deadline = Some(Deadline::from_period(Period::Year(2026)));
    assert_eq!(t.window_start(), Some(date(2026, 1, 1)));
    let mut data = DataSet {
        targets: vec![t],
        results: vec![result("A", Period::Year(2025), N(100.0), None)],
        ..DataSet::default()
    };
    let p = &compute(&data, date(2026, 3, 1)).targets[0];
    assert_eq!((p.state, p.baseline), (TargetState::NoData, Some(0)));
    data.results
        .push(result("A", Period::Quarter(2026, 1), N(96.0), None));
    let p = &compute(&data, date(2026, 4, 1)).targets[0];
    assert_eq!((p.state, p.latest), (TargetState::Achieved, Some(1)));
    // A target with neither start nor deadline counts every result.
    data.targets[0].deadline = None;
    assert_eq!(data.targets[0].window_start(), None);
}

#[test]
fn localities_give_the_state_when_the_unit_has_no_result() {
    let mut data = DataSet::default();
    data.targets
        .push(target("A", Comparison::AtLeast, N(90.0), None));
    for (c, v) in [("Xã Một", 95.0), ("Xã Hai", 80.0), ("Xã Ba", 90.0)] {
        data.results
            .push(result("A", Period::Year(2026), N(v), Some(c)));
    }
    let p = &compute(&data, date(2026, 11, 25)).targets[0];
    assert_eq!(p.units_met, Some((2, 3)));
    assert_eq!(p.state, TargetState::NotAchieved);
    data.results[1].value = N(91.0);
    data.results[1].illustrative = true;
    let p = &compute(&data, date(2026, 11, 25)).targets[0];
    assert_eq!(
        (p.units_met, p.state),
        (Some((3, 3)), TargetState::Achieved)
    );
    assert!(
        p.illustrative,
        "an illustrative locality result marks the target"
    );
}
