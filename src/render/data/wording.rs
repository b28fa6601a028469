//! The wording of data values on the page's language: periods ("Quý
//! III/2026" / "Q3 2026"), deadlines, task, target, criterion and
//! report-occurrence states, report periods. The words come from the
//! charts' [`Words`] (theme strings `chart_…`, Vietnamese by default), so a
//! site with `language = "en"` says them in English. The model's own
//! `label()` methods stay Vietnamese: exports and error messages use them.

use std::sync::Arc;

use crate::charts::Words;
use crate::data::compute::StatusSource;
use crate::data::compute::occurrences::OccurrenceState;
use crate::data::compute::report::ReportPeriod;
use crate::data::compute::{TargetState, TaskState};
use crate::data::kind::Kind;
use crate::data::values::{Deadline, Light, Occurrence, Period};
use crate::site::Site;
use crate::text::dates::{quarter_roman, short};

/// "năm 2025" / "2025", "Quý III/2025" / "Q3 2025", "tháng 6/2025" /
/// "6/2025", "14/11/2025".
pub fn period(p: Period, w: &Words) -> String {
    match p {
        Period::Year(y) => w.fmt("chart_period_year", &[("year", &y.to_string())]),
        Period::Quarter(y, q) => w.fmt(
            "chart_period_quarter",
            &[
                ("year", &y.to_string()),
                ("q", &q.to_string()),
                ("roman", quarter_roman(q)),
            ],
        ),
        Period::Month(y, m) => w.fmt(
            "chart_period_month",
            &[("year", &y.to_string()), ("month", &m.to_string())],
        ),
        Period::Day(d) => short(d),
    }
}

/// A deadline: its period, or "Thường xuyên" / "Ongoing".
pub fn deadline(d: Deadline, w: &Words) -> String {
    match d {
        Deadline::Due { period: p, .. } => period(p, w),
        Deadline::Ongoing => w.get("chart_ongoing").to_owned(),
    }
}

/// An optional deadline, empty when none.
pub fn deadline_or_empty(d: Option<Deadline>, w: &Words) -> String {
    d.map(|d| deadline(d, w)).unwrap_or_default()
}

/// A task's state ("Quá hạn" / "Overdue").
pub fn task_state(s: TaskState, w: &Words) -> &str {
    w.get(match s {
        TaskState::NotStarted => "chart_task_not_started",
        TaskState::InProgress => "chart_task_in_progress",
        TaskState::Paused => "chart_task_paused",
        TaskState::Completed => "chart_task_done",
        TaskState::CompletedLate => "chart_task_done_late",
        TaskState::Overdue => "chart_task_overdue",
        TaskState::NotReported => "chart_task_not_reported",
        TaskState::DueUnreported => "chart_task_due_unreported",
    })
}

/// A target's state ("Đạt" / "Met").
pub fn target_state(s: TargetState, w: &Words) -> &str {
    w.get(match s {
        TargetState::Achieved => "chart_met",
        TargetState::NotAchieved => "chart_not_met",
        TargetState::NoData => "chart_no_data",
        TargetState::DueSoon => "chart_due_soon",
    })
}

/// A criterion's light ("Xanh" / "Green").
pub fn light(l: Light, w: &Words) -> &str {
    w.get(match l {
        Light::Green => "chart_light_green",
        Light::Yellow => "chart_light_yellow",
        Light::Red => "chart_light_red",
    })
}

/// A recurring task's occurrence ("Đã báo cáo đúng hạn" / "Reported on time").
pub fn occurrence(s: OccurrenceState, w: &Words) -> &str {
    w.get(match s {
        OccurrenceState::OnTime => "chart_occurrence_on_time",
        OccurrenceState::Reported => "chart_occurrence_reported",
        OccurrenceState::Late => "chart_occurrence_late",
        OccurrenceState::Missed => "chart_occurrence_missed",
        OccurrenceState::Upcoming => "chart_due_soon",
    })
}

/// A report's period ("6 tháng đầu năm 2026" / "first half of 2026").
pub fn report_period(p: ReportPeriod, w: &Words) -> String {
    let (key, year, n) = match p {
        ReportPeriod::Quarter(y, q) => ("chart_report_quarter", y, q),
        ReportPeriod::Half(y, 1) => ("chart_report_first_half", y, 1),
        ReportPeriod::Half(y, h) => ("chart_report_second_half", y, h),
        ReportPeriod::Year(y) => ("chart_report_year", y, 0),
    };
    w.fmt(
        key,
        &[
            ("year", &year.to_string()),
            ("q", &n.to_string()),
            ("roman", quarter_roman(n.clamp(1, 4))),
        ],
    )
}

/// A recurring task's occurrence as its period ("Quý IV/2026" / "Q4 2026").
pub fn occurrence_period(o: &Occurrence, w: &Words) -> String {
    let (y, m) = (o.start.year(), o.start.month());
    match o.frequency_months {
        1 => period(Period::Month(y, m), w),
        3 => period(Period::Quarter(y, (m as u8 - 1) / 3 + 1), w),
        _ => period(Period::Year(y), w),
    }
}

/// The words of `site`'s data (Vietnamese when it has none).
pub fn words_of(site: &Site) -> Arc<Words> {
    site.data
        .as_ref()
        .map_or_else(Words::vietnamese, |d| d.chart_words())
}

/// A data value worded in the page's language: `x.word(&w)` where the
/// model would say `x.label()` (always Vietnamese).
pub trait Worded {
    fn word(self, w: &Words) -> String;
}

impl Worded for Period {
    fn word(self, w: &Words) -> String {
        period(self, w)
    }
}

impl Worded for Deadline {
    fn word(self, w: &Words) -> String {
        deadline(self, w)
    }
}

impl Worded for TaskState {
    fn word(self, w: &Words) -> String {
        task_state(self, w).to_owned()
    }
}

impl Worded for TargetState {
    fn word(self, w: &Words) -> String {
        target_state(self, w).to_owned()
    }
}

impl Worded for Light {
    fn word(self, w: &Words) -> String {
        light(self, w).to_owned()
    }
}

impl Worded for OccurrenceState {
    fn word(self, w: &Words) -> String {
        occurrence(self, w).to_owned()
    }
}

impl Worded for ReportPeriod {
    fn word(self, w: &Words) -> String {
        report_period(self, w)
    }
}

impl Worded for StatusSource {
    fn word(self, w: &Words) -> String {
        w.get(match self {
            StatusSource::Given => "chart_status_given",
            StatusSource::Computed => "chart_status_computed",
        })
        .to_owned()
    }
}

impl Worded for Kind {
    fn word(self, w: &Words) -> String {
        w.get(match self {
            Kind::Targets => "chart_kind_targets",
            Kind::Results => "chart_kind_results",
            Kind::Tasks => "chart_kind_tasks",
            Kind::Budget => "chart_kind_budget",
            Kind::DtiIndex => "chart_kind_dti_index",
            Kind::DtiScores => "chart_kind_dti_scores",
            Kind::Units => "chart_kind_units",
            Kind::Indicators => "chart_kind_indicators",
            Kind::Criteria => "chart_kind_criteria",
        })
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn english() -> Words {
        let en: std::collections::BTreeMap<String, String> =
            toml::from_str(include_str!("../../../themes/default/i18n/en.toml")).unwrap();
        Words::with(|k| en.get(k).cloned())
    }

    #[test]
    fn periods_in_both_languages() {
        let vi = Words::default();
        let en = english();
        let cases = [
            (Period::Year(2025), "năm 2025", "2025"),
            (Period::Quarter(2026, 3), "Quý III/2026", "Q3 2026"),
            (Period::Month(2026, 9), "tháng 9/2026", "9/2026"),
            (Period::Day(date(2026, 11, 14)), "14/11/2026", "14/11/2026"),
        ];
        for (p, want_vi, want_en) in cases {
            assert_eq!(period(p, &vi), want_vi);
            // The model's label is the Vietnamese wording.
            assert_eq!(p.label(), want_vi);
            assert_eq!(period(p, &en), want_en);
        }
        assert_eq!(deadline(Deadline::Ongoing, &vi), Deadline::Ongoing.label());
        assert_eq!(deadline(Deadline::Ongoing, &en), "Ongoing");
        for (p, want_en) in [
            (ReportPeriod::Half(2026, 1), "first half of 2026"),
            (ReportPeriod::Half(2026, 2), "second half of 2026"),
            (ReportPeriod::Quarter(2026, 4), "Q4 2026"),
            (ReportPeriod::Year(2026), "2026"),
        ] {
            assert_eq!(report_period(p, &vi), p.label());
            assert_eq!(report_period(p, &en), want_en);
        }
    }

    #[test]
    fn states_match_the_model_in_vietnamese() {
        let vi = Words::default();
        for s in [
            TaskState::NotStarted,
            TaskState::InProgress,
            TaskState::Paused,
            TaskState::Completed,
            TaskState::CompletedLate,
            TaskState::Overdue,
            TaskState::NotReported,
            TaskState::DueUnreported,
        ] {
            assert_eq!(task_state(s, &vi), s.label());
        }
        for s in [
            TargetState::Achieved,
            TargetState::NotAchieved,
            TargetState::NoData,
            TargetState::DueSoon,
        ] {
            assert_eq!(target_state(s, &vi), s.label());
        }
        for l in [Light::Green, Light::Yellow, Light::Red] {
            assert_eq!(light(l, &vi), l.label());
        }
        for s in [
            OccurrenceState::OnTime,
            OccurrenceState::Reported,
            OccurrenceState::Late,
            OccurrenceState::Missed,
            OccurrenceState::Upcoming,
        ] {
            assert_eq!(occurrence(s, &vi), s.label());
        }
        assert_eq!(task_state(TaskState::Overdue, &english()), "Overdue");
        for k in Kind::ALL {
            assert_eq!(k.word(&vi), k.label());
        }
        for s in [StatusSource::Given, StatusSource::Computed] {
            assert_eq!(s.word(&vi), s.label());
        }
    }
}
