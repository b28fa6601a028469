//! The lines of one period's report: a target's line, a task's line and
//! the year's budget figures, each judged at the period's cut-off (the
//! rules are in [`super`]).

use super::*;

/// `counted`: the target's results inside the period and its own (see
/// [`PeriodFacts`]); `takes`: the scope's test of a locality.
pub(super) fn target_line(
    data: &DataSet,
    facts: &PeriodFacts<'_>,
    i: usize,
    t: &Target,
    counted: &[usize],
    scope: Scope<'_>,
    takes: &dyn Fn(Option<&str>) -> bool,
) -> Option<TargetLine> {
    // Whose results count: the aggregate takes the target's own; a
    // locality takes its own results (of any target) and its own targets.
    let results: Vec<usize> = counted
        .iter()
        .copied()
        .filter(|&j| {
            let r = &data.results[j];
            let place = facts.folds.place_of(t, r);
            match scope {
                Scope::All => place.is_none(),
                Scope::Locality(None) => place.is_none() && t.locality.is_none(),
                Scope::Locality(Some(_)) => match place {
                    Some(p) => takes(Some(p)),
                    None => takes(t.locality.as_deref()),
                },
            }
        })
        .collect();
    let period = facts.period;
    let due = t.deadline.and_then(|d| d.date());
    let due_in_period = due.is_some_and(|d| period.contains(d));
    let own = match scope {
        Scope::All => true,
        Scope::Locality(_) => takes(t.locality.as_deref()),
    };
    // The aggregate of a target measured only per locality: "2/3 đạt".
    let units_met = (scope == Scope::All && results.is_empty())
        .then(|| localities_met(data, &facts.folds, t, counted))
        .flatten();
    if results.is_empty() && units_met.is_none() && !(due_in_period && own) {
        return None;
    }
    let result =
        crate::data::compute::targets::latest(results.iter().map(|&j| (j, &data.results[j])));
    let value: Option<Quantity> = result.map(|j| data.results[j].value);
    let baseline = t.baseline;
    let illustrative = t.illustrative
        || result.is_some_and(|j| data.results[j].illustrative)
        || (units_met.is_some() && counted.iter().any(|&j| data.results[j].illustrative));
    Some(TargetLine {
        target: i,
        result,
        due_in_period,
        achieved: match units_met {
            Some((met, n)) => Some(met == n),
            None => value.and_then(|v| achieved(t.comparison, t.target, v)),
        },
        progress: match units_met {
            Some((met, n)) => Some(met as f64 / n as f64),
            None => value.and_then(|v| progress(t.comparison, t.target, baseline, v)),
        },
        units_met,
        illustrative,
    })
}

/// Of the localities with a counted result, how many meet the target with
/// their latest one; `None` when no locality has one.
pub(super) fn localities_met(
    data: &DataSet,
    folds: &Folds<'_>,
    t: &Target,
    counted: &[usize],
) -> Option<(usize, usize)> {
    let mut places: Vec<String> = Vec::new();
    for &j in counted {
        if let Some(p) = folds.place_of(t, &data.results[j]) {
            let p = folds.get(p).into_owned();
            if !places.contains(&p) {
                places.push(p);
            }
        }
    }
    if places.is_empty() {
        return None;
    }
    let met = places
        .iter()
        .filter(|p| {
            let latest = crate::data::compute::targets::latest(
                counted
                    .iter()
                    .map(|&j| (j, &data.results[j]))
                    .filter(|(_, r)| {
                        folds
                            .place_of(t, r)
                            .is_some_and(|x| folds.get(x) == p.as_str())
                    }),
            );
            latest.is_some_and(|j| {
                achieved(t.comparison, t.target, data.results[j].value) == Some(true)
            })
        })
        .count();
    Some((met, places.len()))
}

pub(super) fn task_line(
    i: usize,
    t: &Task,
    period: ReportPeriod,
    cutoff: Cutoff,
    counted: &dyn Fn(Date) -> bool,
) -> Option<TaskLine> {
    let due = t.deadline.and_then(|d| d.date());
    let line = |outcome, days_overdue| {
        Some(TaskLine {
            task: i,
            outcome,
            days_overdue,
        })
    };
    if let Some(c) = t.completed {
        if counted(c) {
            let late = due.is_some_and(|d| c > d);
            let outcome = if late {
                TaskOutcome::CompletedLate
            } else {
                TaskOutcome::Completed
            };
            return line(outcome, None);
        }
        if c < period.start() {
            return None; // done before the period
        }
    } else if t.status == Some(TaskStatus::Completed) {
        // Done, date unknown: shown where it was due.
        return due
            .filter(|&d| period.contains(d))
            .and_then(|_| line(TaskOutcome::DoneUndated, None));
    }
    // Not completed by the cut-off.
    let due = due?;
    if cutoff.missed(due) {
        let judged = if cutoff.complete {
            cutoff.last_day.tomorrow().unwrap_or(cutoff.last_day)
        } else {
            cutoff.last_day
        };
        // A status or a (later) completion date says it was not done by
        // the cut-off; with neither, nobody has said (0022).
        let outcome = if t.status.is_some() || t.completed.is_some() {
            TaskOutcome::Overdue
        } else {
            TaskOutcome::DueUnreported
        };
        return line(outcome, Some((judged - due).get_days()));
    }
    if period.contains(due) {
        return line(TaskOutcome::Open, None);
    }
    None
}

/// `rows`: indices in `DataSet::budget` to look at, ascending.
pub(super) fn budget(
    data: &DataSet,
    rows: &[usize],
    year: i16,
    takes: &dyn Fn(Option<&str>) -> bool,
) -> Option<BudgetFigures> {
    let mut f = BudgetFigures::default();
    for b in rows
        .iter()
        .map(|&i| &data.budget[i])
        .filter(|b| b.year == year && takes(b.locality.as_deref()))
    {
        f.lines += 1;
        f.planned += b.planned;
        match b.disbursed {
            Some(d) => f.disbursed += d,
            None => f.disbursed_unknown += 1,
        }
        f.illustrative |= b.illustrative;
    }
    (f.lines > 0).then_some(f)
}
