//! Periodic reports ("Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2026"):
//! which reporting periods have data, and the figures of one period, for
//! the whole site or one locality. Pure: the build date comes in as `today`.
//!
//! Rules (stated in the guide, `docs/bao-cao.md`):
//! - A period is reported when it has begun (its first day ≤ `today`) and
//!   has data: a target due in it, a result or measured indicator whose
//!   period lies inside it, a task due or completed in it; a year also by a
//!   budget line or a DTI score of that year.
//! - **Cut-off.** A finished period is judged at the end of its last day
//!   (tasks due on the last day and not completed are overdue; completions
//!   after the last day do not count). A period not over yet is judged on
//!   the build date with the site's usual rule (due today is not overdue
//!   yet), and the page says "tính đến ngày …".
//! - A result counts in the period when its own period lies inside the
//!   report's (a 2025 result is not a first-half result) and inside the
//!   target's period ([`Target::placement`]); the latest such result is
//!   compared with the goal.
//! - Tasks: completed in the period (on time / late), overdue at the
//!   cut-off (carried over from earlier periods too; "hết hạn chưa báo cáo"
//!   instead when no status was ever reported, as the tasks page says), due
//!   in the period and still open before their deadline, reported done
//!   without a date.
//! - Budget lines are yearly: a year's report shows that year's plan and
//!   disbursement; a half-year or quarter shows the year's figures, said to
//!   be the year's.

use jiff::civil::Date;
use serde::Serialize;

use super::folds::Folds;
use super::targets::{achieved, progress};
pub use crate::config::ReportKind;
use crate::data::model::{DataSet, Placement, Quantity, Target, Task};
use crate::data::values::TaskStatus;
use crate::text::fold;

mod lines;
mod period;
use lines::{budget, target_line, task_line};
pub use period::ReportPeriod;

/// Which rows a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// Every row: the site's own unit and every locality (the aggregate).
    All,
    /// One locality's rows (`None`: the site's own unit).
    Locality(Option<&'a str>),
}

/// When the figures are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoff {
    /// Last day whose events count (the period's last day, or the build date).
    pub last_day: Date,
    /// Whether the period is over on the build date.
    pub complete: bool,
}

impl Cutoff {
    pub fn of(period: ReportPeriod, today: Date) -> Cutoff {
        let complete = period.end() < today;
        Cutoff {
            last_day: if complete { period.end() } else { today },
            complete,
        }
    }

    /// Whether a deadline is missed at the cut-off: before the day after the
    /// last day (finished period), before the build date (period not over).
    fn missed(self, due: Date) -> bool {
        if self.complete {
            due <= self.last_day
        } else {
            due < self.last_day
        }
    }
}

/// A target in a report: due in the period or measured in it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    /// Index in `DataSet::targets`.
    pub target: usize,
    /// Latest counted result in the period (index in `DataSet::results`).
    pub result: Option<usize>,
    /// Due inside the period.
    pub due_in_period: bool,
    pub achieved: Option<bool>,
    /// 0–1.
    pub progress: Option<f64>,
    /// Aggregate of a target measured per locality only: (met, measured).
    pub units_met: Option<(usize, usize)>,
    pub illustrative: bool,
}

/// A task's place in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskOutcome {
    Completed,
    CompletedLate,
    /// Deadline passed at the cut-off, a status was reported (not done).
    Overdue,
    /// Deadline passed at the cut-off and nothing was ever reported (no
    /// status, no completion date): unknown, not overdue (decision 0022).
    DueUnreported,
    /// Due in the period, deadline not yet passed at the cut-off.
    Open,
    /// Reported done without a completion date: when is unknown.
    DoneUndated,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskLine {
    /// Index in `DataSet::tasks`.
    pub task: usize,
    pub outcome: TaskOutcome,
    /// For overdue tasks: days past the deadline at the cut-off (≥ 1).
    pub days_overdue: Option<i32>,
}

/// Money of the report's year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct BudgetFigures {
    pub lines: usize,
    pub planned: i64,
    /// Sum of the lines that give a disbursed amount.
    pub disbursed: i64,
    /// Lines without a disbursed amount (unknown, not zero).
    pub disbursed_unknown: usize,
    pub illustrative: bool,
}

impl BudgetFigures {
    /// disbursed ÷ planned, only when every line gives its disbursement.
    pub fn rate(&self) -> Option<f64> {
        (self.planned > 0 && self.disbursed_unknown == 0 && self.lines > 0)
            .then(|| self.disbursed as f64 / self.planned as f64)
    }
}

/// The figures of one period for one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFigures {
    pub period: ReportPeriod,
    pub cutoff: Cutoff,
    pub targets: Vec<TargetLine>,
    pub tasks: Vec<TaskLine>,
    /// `None`: no budget line of the year in scope.
    pub budget: Option<BudgetFigures>,
    /// Measured indicators inside the period (indices in `DataSet::observations`).
    pub observations: Vec<usize>,
}

impl ReportFigures {
    pub fn count(&self, outcome: TaskOutcome) -> usize {
        self.tasks.iter().filter(|t| t.outcome == outcome).count()
    }

    /// Targets met of those with a counted result (their own, or their
    /// localities').
    pub fn targets_met(&self) -> (usize, usize) {
        let measured = self
            .targets
            .iter()
            .filter(|t| t.result.is_some() || t.units_met.is_some())
            .count();
        let met = self
            .targets
            .iter()
            .filter(|t| t.achieved == Some(true))
            .count();
        (met, measured)
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
            && self.tasks.is_empty()
            && self.budget.is_none()
            && self.observations.is_empty()
    }
}

/// The periods of `kinds` that have begun by `today` and have data, newest
/// first (a year before its second half, which comes before its last quarter).
pub fn periods(data: &DataSet, kinds: &[ReportKind], today: Date) -> Vec<ReportPeriod> {
    let mut out: Vec<ReportPeriod> = Vec::new();
    let mut push = |p: ReportPeriod| {
        if p.start() <= today && !out.contains(&p) {
            out.push(p);
        }
    };
    // One set of target ids, not a scan of the targets per result.
    let targets: std::collections::HashSet<&str> =
        data.targets.iter().map(|t| t.id.as_str()).collect();
    for &kind in kinds {
        let mut dates: Vec<Date> = Vec::new();
        dates.extend(data.targets.iter().filter_map(|t| t.deadline?.date()));
        dates.extend(data.tasks.iter().filter_map(|t| t.deadline?.date()));
        dates.extend(data.tasks.iter().filter_map(|t| t.completed));
        for d in dates {
            push(ReportPeriod::containing(kind, d));
        }
        let periods = data
            .results
            .iter()
            .filter(|r| targets.contains(r.target_id.as_str()))
            .map(|r| r.period)
            .chain(data.observations.iter().map(|o| o.period));
        for p in periods {
            let rp = ReportPeriod::containing(kind, p.start());
            if rp.holds(p) {
                push(rp);
            }
        }
        if kind == ReportKind::Year {
            for y in data
                .budget
                .iter()
                .map(|b| b.year)
                .chain(data.scores.iter().map(|s| s.year))
            {
                push(ReportPeriod::Year(y));
            }
        }
    }
    out.sort_by_key(|p| p.key());
    out
}

/// The figures of `period` for `scope`, judged as the module says.
pub fn figures(
    data: &DataSet,
    period: ReportPeriod,
    scope: Scope<'_>,
    today: Date,
) -> ReportFigures {
    figures_in(data, &PeriodFacts::new(data, period), scope, today)
}

/// What the figures of every scope of one period share, found once: each
/// target's counted results and the folded spelling of every locality
/// named. A province's report has a row per locality (90 and more); each
/// row used to scan all the results and fold every name again.
pub struct PeriodFacts<'a> {
    period: ReportPeriod,
    /// Per target (`DataSet::targets` order): its results whose period lies
    /// inside the report's and inside the target's own period, file order.
    counted: Vec<Vec<usize>>,
    /// Locality names as written → folded.
    folds: Folds<'a>,
    /// Folded locality → the rows a report of that locality may take
    /// (a superset, ascending): a province's 90 locality rows each look at
    /// their own rows, not at every row of the data set.
    groups: std::collections::HashMap<String, Group>,
}

/// Indices of the rows that may concern one locality (see [`PeriodFacts`]).
#[derive(Default)]
struct Group {
    /// Targets of the locality, or with a counted result naming it.
    targets: Vec<usize>,
    tasks: Vec<usize>,
    budget: Vec<usize>,
    observations: Vec<usize>,
}

impl Group {
    /// The group of the locality `name` (folded), made when first met.
    fn of<'g>(
        groups: &'g mut std::collections::HashMap<String, Group>,
        folds: &Folds<'_>,
        name: &str,
    ) -> &'g mut Group {
        let key = folds.get(name);
        if !groups.contains_key(key.as_ref()) {
            groups.insert(key.clone().into_owned(), Group::default());
        }
        groups.get_mut(key.as_ref()).expect("inserted above")
    }

    /// Adds `i` unless it is the last one added (callers go in order).
    fn add(list: &mut Vec<usize>, i: usize) {
        if list.last() != Some(&i) {
            list.push(i);
        }
    }
}

impl<'a> PeriodFacts<'a> {
    pub fn new(data: &'a DataSet, period: ReportPeriod) -> PeriodFacts<'a> {
        let mut by_target: std::collections::HashMap<&str, Vec<usize>> =
            std::collections::HashMap::new();
        for (j, r) in data.results.iter().enumerate() {
            if period.holds(r.period) {
                by_target.entry(r.target_id.as_str()).or_default().push(j);
            }
        }
        let counted = data
            .targets
            .iter()
            .map(|t| {
                by_target.get(t.id.as_str()).map_or_else(Vec::new, |v| {
                    v.iter()
                        .copied()
                        .filter(|&j| t.placement(data.results[j].period) == Placement::Within)
                        .collect()
                })
            })
            .collect::<Vec<Vec<usize>>>();
        let folds = Folds::of(data);
        let mut groups: std::collections::HashMap<String, Group> = std::collections::HashMap::new();
        for (i, t) in data.targets.iter().enumerate() {
            if let Some(l) = t.locality.as_deref() {
                Group::add(&mut Group::of(&mut groups, &folds, l).targets, i);
            }
            for &j in &counted[i] {
                if let Some(c) = data.results[j].commune.as_deref() {
                    Group::add(&mut Group::of(&mut groups, &folds, c).targets, i);
                }
            }
        }
        for (i, t) in data.tasks.iter().enumerate() {
            if let Some(l) = t.locality.as_deref() {
                Group::of(&mut groups, &folds, l).tasks.push(i);
            }
        }
        for (i, b) in data.budget.iter().enumerate() {
            if let Some(l) = b.locality.as_deref() {
                Group::of(&mut groups, &folds, l).budget.push(i);
            }
        }
        for (i, o) in data.observations.iter().enumerate() {
            if let Some(l) = o.locality.as_deref() {
                Group::of(&mut groups, &folds, l).observations.push(i);
            }
        }
        PeriodFacts {
            period,
            counted,
            folds,
            groups,
        }
    }

    /// Whether `scope` takes a row of `locality`: every row for the
    /// aggregate; for a locality, its rows (names compared folded), and for
    /// the own unit (`Locality(None)`), the rows naming no locality.
    fn takes(&self, scope: &Folded, locality: Option<&str>) -> bool {
        match scope {
            Folded::All => true,
            Folded::Locality(want) => match (want, locality) {
                (None, None) => true,
                (Some(a), Some(b)) => self.folds.get(b) == a.as_str(),
                _ => false,
            },
        }
    }
}

/// A scope with its locality folded once.
enum Folded {
    All,
    Locality(Option<String>),
}

impl Folded {
    fn of(scope: Scope<'_>) -> Folded {
        match scope {
            Scope::All => Folded::All,
            Scope::Locality(l) => Folded::Locality(l.map(fold)),
        }
    }
}

/// [`figures`] of the period of `facts` (found once for all its scopes).
pub fn figures_in(
    data: &DataSet,
    facts: &PeriodFacts<'_>,
    scope: Scope<'_>,
    today: Date,
) -> ReportFigures {
    let period = facts.period;
    let cutoff = Cutoff::of(period, today);
    let counted = |d: Date| period.start() <= d && d <= cutoff.last_day;
    let within = Folded::of(scope);
    let takes = |l: Option<&str>| facts.takes(&within, l);
    // A named locality looks only at the rows that may concern it; the
    // tests below are the same either way.
    let group = match &within {
        Folded::Locality(Some(f)) => Some(facts.groups.get(f).unwrap_or(&EMPTY_GROUP)),
        _ => None,
    };
    let rows = |of: fn(&Group) -> &Vec<usize>, all: usize| -> Vec<usize> {
        match group {
            Some(g) => of(g).clone(),
            None => (0..all).collect(),
        }
    };
    ReportFigures {
        period,
        cutoff,
        targets: rows(|g| &g.targets, data.targets.len())
            .into_iter()
            .filter_map(|i| {
                let t = &data.targets[i];
                target_line(data, facts, i, t, &facts.counted[i], scope, &takes)
            })
            .collect(),
        tasks: rows(|g| &g.tasks, data.tasks.len())
            .into_iter()
            .filter(|&i| takes(data.tasks[i].locality.as_deref()))
            .filter_map(|i| task_line(i, &data.tasks[i], period, cutoff, &counted))
            .collect(),
        budget: budget(
            data,
            &rows(|g| &g.budget, data.budget.len()),
            period.year(),
            &takes,
        ),
        observations: rows(|g| &g.observations, data.observations.len())
            .into_iter()
            .filter(|&i| {
                let o = &data.observations[i];
                period.holds(o.period) && takes(o.locality.as_deref())
            })
            .collect(),
    }
}

/// The rows of a locality no row names.
static EMPTY_GROUP: Group = Group {
    targets: Vec::new(),
    tasks: Vec::new(),
    budget: Vec::new(),
    observations: Vec::new(),
};

#[cfg(test)]
mod tests;
