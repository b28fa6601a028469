//! The occurrences of a recurring task (`Lặp lại`) on the build date: each
//! month, quarter or year has its own due day and its own state.
//!
//! - The occurrences run from `Bắt đầu` (else 1 January of the deadline's
//!   year, else 1 January of the build year) to the deadline (`Thời hạn`;
//!   "Thường xuyên" = no end).
//! - A report (`Đã báo cáo`) counts for the occurrence it names, or for the
//!   one whose period contains its day.
//! - Not reported and due on or after the build date: **upcoming** (the due
//!   day itself is still on time); not reported and due before it:
//!   **missed** ("chưa báo cáo"), overdue from the day after the due day.

use jiff::civil::Date;

use crate::data::model::Task;
use crate::data::values::{Deadline, Occurrence, Recurrence};

/// The state of one occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OccurrenceState {
    /// Reported on or before its due day.
    OnTime,
    /// Reported, day not given.
    Reported,
    /// Reported after its due day.
    Late,
    /// Not reported and past its due day.
    Missed,
    /// Not reported, due on or after the build date.
    Upcoming,
}

impl OccurrenceState {
    pub fn label(self) -> &'static str {
        match self {
            OccurrenceState::OnTime => "Đã báo cáo đúng hạn",
            OccurrenceState::Reported => "Đã báo cáo",
            OccurrenceState::Late => "Báo cáo trễ hạn",
            OccurrenceState::Missed => "Chưa báo cáo (quá hạn)",
            OccurrenceState::Upcoming => "Sắp đến hạn",
        }
    }
}

/// One occurrence and its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OccurrenceStatus {
    pub occurrence: Occurrence,
    pub state: OccurrenceState,
    /// The day the report was filed, when written.
    pub reported: Option<Date>,
    /// Days past the due day of a missed occurrence (≥ 1).
    pub days_overdue: Option<i32>,
}

/// A recurring task's occurrences on the build date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// Occurrences due before the build date, oldest first.
    pub past: Vec<OccurrenceStatus>,
    /// The next occurrence (due on or after the build date), if the task
    /// has not ended.
    pub next: Option<OccurrenceStatus>,
}

impl Schedule {
    pub fn missed(&self) -> impl Iterator<Item = &OccurrenceStatus> {
        self.past
            .iter()
            .filter(|o| o.state == OccurrenceState::Missed)
    }
}

/// Occurrences listed at most (100 years of months), so a start far in
/// the past cannot make a build slow.
const MAX_OCCURRENCES: usize = 1200;

/// The first day of the occurrences of `task` (see the module documentation).
pub fn window_start(task: &Task, today: Date) -> Date {
    let year_start = |y: i16| Date::new(y, 1, 1).unwrap_or(today);
    match (task.start, task.deadline) {
        (Some(p), _) => p.start(),
        (None, Some(Deadline::Due { date, .. })) => year_start(date.year()),
        _ => year_start(today.year()),
    }
}

/// The occurrences of `task` under `rule` on `today`.
pub fn schedule(task: &Task, rule: &Recurrence, today: Date) -> Schedule {
    let end = task.deadline.and_then(|d| d.date());
    let mut out = Schedule::default();
    let mut o = rule.occurrence_at(window_start(task, today));
    for _ in 0..MAX_OCCURRENCES {
        if end.is_some_and(|e| o.start > e) {
            return out;
        }
        let status = state_of(task, o, today);
        if o.due >= today {
            out.next = Some(status);
            return out;
        }
        out.past.push(status);
        o = rule.next(&o);
    }
    out
}

fn state_of(task: &Task, o: Occurrence, today: Date) -> OccurrenceStatus {
    let report = task.reports.iter().find(|r| match (r.period, r.date) {
        (Some(p), _) => o.contains(p.start()),
        (None, Some(d)) => o.contains(d),
        (None, None) => false,
    });
    let (state, reported, overdue) = match report {
        Some(r) => match r.date {
            Some(d) if d > o.due => (OccurrenceState::Late, Some(d), None),
            Some(d) => (OccurrenceState::OnTime, Some(d), None),
            None => (OccurrenceState::Reported, None, None),
        },
        None if o.due < today => (
            OccurrenceState::Missed,
            None,
            Some((today - o.due).get_days()),
        ),
        None => (OccurrenceState::Upcoming, None, None),
    };
    OccurrenceStatus {
        occurrence: o,
        state,
        reported,
        days_overdue: overdue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Report;
    use crate::data::values::{Period, parse_recurrence};
    use jiff::civil::date;

    fn quarterly(deadline: Option<Deadline>, reports: Vec<Report>) -> (Task, Recurrence) {
        let mut t = crate::data::compute::tests::task(deadline, None, None);
        t.reports = reports;
        let r = parse_recurrence("trước ngày 15 của tháng cuối quý").unwrap();
        t.recurrence = Some(r.clone());
        (t, r)
    }

    #[test]
    fn the_due_day_is_on_time_and_the_next_day_missed() {
        let year = Some(Deadline::from_period(Period::Year(2025)));
        let (t, r) = quarterly(year, vec![]);
        // Q1 is due on 14/03/2025 ("trước ngày 15").
        let on_due = schedule(&t, &r, date(2025, 3, 14));
        assert!(on_due.past.is_empty());
        let next = on_due.next.unwrap();
        assert_eq!(next.occurrence.label(), "Quý I/2025");
        assert_eq!(next.state, OccurrenceState::Upcoming);
        let day_after = schedule(&t, &r, date(2025, 3, 15));
        assert_eq!(day_after.past.len(), 1);
        assert_eq!(day_after.past[0].state, OccurrenceState::Missed);
        assert_eq!(day_after.past[0].days_overdue, Some(1));
        assert_eq!(day_after.next.unwrap().occurrence.label(), "Quý II/2025");
        // After the deadline (31/12/2025) there is no next occurrence.
        let after = schedule(&t, &r, date(2026, 1, 1));
        assert_eq!(after.past.len(), 4);
        assert!(after.next.is_none());
        // The last day of the year: Q4 (due 14/12) is past, nothing next.
        let last = schedule(&t, &r, date(2025, 12, 31));
        assert_eq!((last.past.len(), last.next), (4, None));
    }

    #[test]
    fn reports_count_for_their_occurrence() {
        let reports = vec![
            Report {
                period: None,
                date: Some(date(2025, 3, 14)),
            },
            Report {
                period: Some(Period::Quarter(2025, 2)),
                date: Some(date(2025, 7, 2)),
            },
            Report {
                period: Some(Period::Quarter(2025, 3)),
                date: None,
            },
        ];
        let (t, r) = quarterly(None, reports);
        let s = schedule(&t, &r, date(2025, 12, 20));
        let states: Vec<_> = s.past.iter().map(|o| o.state).collect();
        assert_eq!(
            states,
            [
                OccurrenceState::OnTime,
                OccurrenceState::Late,
                OccurrenceState::Reported,
                OccurrenceState::Missed
            ]
        );
        assert_eq!(s.missed().next().unwrap().days_overdue, Some(6));
        // "Thường xuyên": no end, the next occurrence is next year's Q1.
        assert_eq!(s.next.unwrap().occurrence.label(), "Quý I/2026");
    }
}
