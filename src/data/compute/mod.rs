//! Computation over a validated [`DataSet`] for a given build date: pure
//! functions, no clock, no I/O.

pub mod budget;
pub mod criteria;
pub mod dti;
pub mod folds;
pub mod occurrences;
pub mod targets;
pub mod tasks;
pub mod units;

/// Periodic reports: computed per period when the pages are made, not
/// part of [`Computed`].
pub mod report;

use jiff::civil::Date;

use super::model::DataSet;
pub use budget::{BudgetSummary, BudgetTotals};
pub use criteria::{CriterionStatus, LightCounts, StatusSource, UnitChecklist};
pub use dti::{DtiTotal, DtiYear};
pub use targets::{DUE_SOON_DAYS, TargetProgress, TargetState};
pub use tasks::{TaskProgress, TaskState};
pub use units::UnitStats;

/// Everything computed from the data on the build date.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// One per target, in `DataSet::targets` order.
    pub targets: Vec<TargetProgress>,
    /// One per task, in `DataSet::tasks` order.
    pub tasks: Vec<TaskProgress>,
    pub budget: BudgetSummary,
    /// One per year with scores, ascending.
    pub dti: Vec<DtiYear>,
    /// Units in Vietnamese alphabetical order.
    pub units: Vec<UnitStats>,
    /// Localities named in the data (`DataSet::localities` order), each
    /// with its own budget and DTI totals; empty for a one-unit site.
    pub localities: Vec<LocalityTotals>,
    /// One per criterion, in `DataSet::criteria` order.
    pub criteria: Vec<CriterionStatus>,
    /// The build date everything was computed for.
    pub today: Date,
}

/// The budget and DTI of one locality: its own rows only.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalityTotals {
    pub name: String,
    pub budget: BudgetSummary,
    pub dti: Vec<DtiYear>,
}

/// Computes progress, states and totals as of `today` (the build date).
pub fn compute(data: &DataSet, today: Date) -> Computed {
    use crate::timing::phase;
    let tasks = phase("compute: tasks", || tasks::compute_tasks(data, today));
    Computed {
        criteria: phase("compute: criteria", || {
            criteria::compute_criteria(data, today)
        }),
        today,
        targets: phase("compute: targets", || targets::compute_targets(data, today)),
        units: phase("compute: units", || units::compute_units(data, &tasks)),
        tasks,
        budget: budget::compute_budget(data),
        dti: dti::compute_dti(data),
        localities: data
            .localities()
            .into_iter()
            .map(|name| LocalityTotals {
                name: name.to_owned(),
                budget: budget::compute_budget_of(data, Some(name)),
                dti: dti::compute_dti_of(data, Some(name)),
            })
            .collect(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
