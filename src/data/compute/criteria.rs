//! The status of each criterion of the checklist (Kế hoạch 02-KH/BCĐTW) on
//! the build date, and counts per status — per unit and per group — for the
//! pages and for other readers (periodic reports).
//!
//! Rule when `Trạng thái` is empty (stated in `docs/tieu-chi.md`):
//! - done (`Hoàn thành` = có, or a day) → **Xanh**;
//! - not done, no deadline or a deadline on or after the build date →
//!   **Vàng** (the deadline day itself is still Vàng);
//! - not done, deadline before the build date → **Đỏ** (from the next day).
//!
//! A written status always wins: it is the status the unit reported.

use jiff::civil::Date;

use crate::data::model::{Criterion, DataSet};
use crate::data::values::Light;
use crate::text::fold;

/// Where a criterion's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusSource {
    /// Written in the `Trạng thái` column.
    Given,
    /// Computed from `Hoàn thành`, `Hạn` and the build date.
    Computed,
}

impl StatusSource {
    pub fn label(self) -> &'static str {
        match self {
            StatusSource::Given => "ghi trong tệp",
            StatusSource::Computed => "tính theo hạn và ngày hoàn thành",
        }
    }
}

/// One criterion's status on the build date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CriterionStatus {
    pub light: Light,
    pub source: StatusSource,
    /// Days past the deadline of a Đỏ criterion not done (≥ 1), if any.
    pub days_overdue: Option<i32>,
}

/// The status of `c` on `today` (see the module documentation).
pub fn criterion_status(c: &Criterion, today: Date) -> CriterionStatus {
    let due = c.deadline.and_then(|d| d.date());
    let late = due
        .filter(|d| *d < today && !c.done)
        .map(|d| (today - d).get_days());
    let computed = if c.done {
        Light::Green
    } else if late.is_some() {
        Light::Red
    } else {
        Light::Yellow
    };
    match c.status {
        // Days overdue only beside a Đỏ: a given Xanh or Vàng past its
        // deadline is the authority's call, not shown as late.
        Some(light) => CriterionStatus {
            light,
            source: StatusSource::Given,
            days_overdue: late.filter(|_| light == Light::Red),
        },
        None => CriterionStatus {
            light: computed,
            source: StatusSource::Computed,
            days_overdue: late,
        },
    }
}

/// Every criterion's status, in `DataSet::criteria` order.
pub fn compute_criteria(data: &DataSet, today: Date) -> Vec<CriterionStatus> {
    data.criteria
        .iter()
        .map(|c| criterion_status(c, today))
        .collect()
}

/// Criteria counted by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LightCounts {
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
    /// How many of them are illustrative rows (`Minh họa`).
    pub illustrative: u32,
    /// How many statuses are computed rather than written.
    pub computed: u32,
}

impl LightCounts {
    pub fn total(&self) -> u32 {
        self.green + self.yellow + self.red
    }

    pub fn get(&self, light: Light) -> u32 {
        match light {
            Light::Green => self.green,
            Light::Yellow => self.yellow,
            Light::Red => self.red,
        }
    }

    fn add(&mut self, c: &Criterion, s: &CriterionStatus) {
        match s.light {
            Light::Green => self.green += 1,
            Light::Yellow => self.yellow += 1,
            Light::Red => self.red += 1,
        }
        self.illustrative += u32::from(c.illustrative);
        self.computed += u32::from(s.source == StatusSource::Computed);
    }

    /// Share of Xanh (0–1); 0 when empty.
    pub fn green_share(&self) -> f64 {
        if self.total() == 0 {
            0.0
        } else {
            f64::from(self.green) / f64::from(self.total())
        }
    }
}

/// One unit's checklist: which rows, its counts, and its groups in order of
/// first appearance (rows without a group under "").
#[derive(Debug, Clone, PartialEq)]
pub struct UnitChecklist {
    /// `None` = the site's own unit.
    pub locality: Option<String>,
    /// Indexes into `DataSet::criteria`, in file order.
    pub rows: Vec<usize>,
    pub counts: LightCounts,
    pub groups: Vec<(String, LightCounts, Vec<usize>)>,
}

/// The checklist of every unit: the site's own unit first (when it has
/// rows), then the units best first (share of Xanh, then fewest Đỏ), in
/// Vietnamese order on ties. `statuses` is [`compute_criteria`]'s result.
pub fn checklists(data: &DataSet, statuses: &[CriterionStatus]) -> Vec<UnitChecklist> {
    let mut out: Vec<UnitChecklist> = Vec::new();
    for (i, (c, s)) in data.criteria.iter().zip(statuses).enumerate() {
        let key = c.locality.as_deref().map(fold);
        let unit = match out
            .iter_mut()
            .position(|u| u.locality.as_deref().map(fold) == key)
        {
            Some(k) => &mut out[k],
            None => {
                out.push(UnitChecklist {
                    locality: c.locality.clone(),
                    rows: Vec::new(),
                    counts: LightCounts::default(),
                    groups: Vec::new(),
                });
                out.last_mut().expect("just pushed")
            }
        };
        unit.rows.push(i);
        unit.counts.add(c, s);
        let group = c.group.clone().unwrap_or_default();
        let g = match unit
            .groups
            .iter_mut()
            .position(|g| fold(&g.0) == fold(&group))
        {
            Some(k) => &mut unit.groups[k],
            None => {
                unit.groups
                    .push((group, LightCounts::default(), Vec::new()));
                unit.groups.last_mut().expect("just pushed")
            }
        };
        g.1.add(c, s);
        g.2.push(i);
    }
    out.sort_by(|a, b| match (&a.locality, &b.locality) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => b
            .counts
            .green_share()
            .total_cmp(&a.counts.green_share())
            .then(a.counts.red.cmp(&b.counts.red))
            .then_with(|| crate::text::vi_cmp(x, y)),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::values::{Deadline, Period};
    use jiff::civil::date;

    fn criterion(deadline: Option<Date>, done: bool, status: Option<Light>) -> Criterion {
        Criterion {
            id: "TC-01".into(),
            statement: "x".into(),
            group: None,
            locality: None,
            deadline: deadline.map(|d| Deadline::from_period(Period::Day(d))),
            status,
            done,
            completed: None,
            evidence: None,
            illustrative: false,
            note: None,
            loc: crate::data::compute::tests::loc(),
        }
    }

    #[test]
    fn the_deadline_day_is_still_yellow_and_red_from_the_next_day() {
        let due = date(2025, 9, 30);
        let c = criterion(Some(due), false, None);
        let before = criterion_status(&c, date(2025, 9, 29));
        assert_eq!((before.light, before.days_overdue), (Light::Yellow, None));
        let on = criterion_status(&c, due);
        assert_eq!((on.light, on.days_overdue), (Light::Yellow, None));
        let after = criterion_status(&c, date(2025, 10, 1));
        assert_eq!((after.light, after.days_overdue), (Light::Red, Some(1)));
        assert_eq!(after.source, StatusSource::Computed);
        // Done → Xanh, whatever the date.
        let done = criterion(Some(due), true, None);
        assert_eq!(
            criterion_status(&done, date(2026, 1, 1)).light,
            Light::Green
        );
        // No deadline, not done → Vàng, never Đỏ.
        let open = criterion(None, false, None);
        assert_eq!(
            criterion_status(&open, date(2099, 1, 1)).light,
            Light::Yellow
        );
    }

    #[test]
    fn a_written_status_wins() {
        let c = criterion(Some(date(2025, 9, 30)), false, Some(Light::Green));
        let s = criterion_status(&c, date(2025, 12, 1));
        assert_eq!((s.light, s.source), (Light::Green, StatusSource::Given));
        assert_eq!(s.days_overdue, None);
        let red = criterion(Some(date(2025, 9, 30)), false, Some(Light::Red));
        assert_eq!(
            criterion_status(&red, date(2025, 10, 2)).days_overdue,
            Some(2)
        );
    }

    #[test]
    fn units_are_sorted_best_first_in_vietnamese_order_on_ties() {
        let mut data = DataSet::default();
        for (unit, done) in [
            ("Xã Đông Hòa", true),
            ("Xã Đông Hòa", false),
            ("Phường Ba", true),
            ("Xã An", true),
            ("Xã Ấp Bắc", true),
        ] {
            let mut c = criterion(None, done, None);
            c.locality = Some(unit.into());
            data.criteria.push(c);
        }
        let mut own = criterion(None, false, None);
        own.group = Some("Hạ tầng số".into());
        data.criteria.push(own);
        let statuses = compute_criteria(&data, date(2025, 1, 1));
        let units = checklists(&data, &statuses);
        let names: Vec<_> = units.iter().map(|u| u.locality.as_deref()).collect();
        assert_eq!(
            names,
            [
                None,
                Some("Phường Ba"),
                Some("Xã An"),
                Some("Xã Ấp Bắc"),
                Some("Xã Đông Hòa")
            ]
        );
        assert_eq!(units[4].counts.green, 1);
        assert_eq!(units[4].counts.yellow, 1);
        assert_eq!(units[0].groups[0].0, "Hạ tầng số");
    }
}
