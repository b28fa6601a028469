//! Target progress: the latest result (by period end; ties go to the row
//! written later), progress towards the target respecting the comparison
//! kind, and the state shown to readers.
//!
//! Only results inside the target's period count (see
//! [`Target::placement`]): the result's period overlaps [start, deadline]. The latest earlier result is the baseline, shown as
//! "Giá trị gốc" and never as an achievement; later ones are not counted.
//!
//! States, precisely (`today` is the build date):
//! - **Chưa có số liệu**: no counted result, neither for the whole unit nor
//!   for any locality;
//! - **Đạt**: the latest counted result of the whole unit meets the target;
//!   without one, every locality with a counted result meets it ("14/14");
//! - **Sắp đến hạn**: not met, and the deadline falls within
//!   [`DUE_SOON_DAYS`] days: `today ≤ deadline ≤ today + 90 days`;
//! - **Chưa đạt**: otherwise (not met, deadline passed, further away or none).

use jiff::civil::Date;
use serde::Serialize;

use super::folds::Folds;
use crate::data::model::{DataSet, Measurement, Placement, Quantity, Target};
use crate::data::values::Comparison;

/// How close a deadline must be for "Sắp đến hạn".
pub const DUE_SOON_DAYS: i32 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetState {
    Achieved,
    NotAchieved,
    NoData,
    DueSoon,
}

impl TargetState {
    pub fn label(self) -> &'static str {
        match self {
            TargetState::Achieved => "Đạt",
            TargetState::NotAchieved => "Chưa đạt",
            TargetState::NoData => "Chưa có số liệu",
            TargetState::DueSoon => "Sắp đến hạn",
        }
    }
}

/// Progress of one target (for the whole unit or one commune).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetProgress {
    pub id: String,
    /// The commune, for per-commune progress.
    pub commune: Option<String>,
    /// Index of the latest counted result (inside the target's period) in
    /// `DataSet::results`.
    pub latest: Option<usize>,
    /// Index of the latest result before the period: the baseline.
    pub baseline: Option<usize>,
    /// When the state comes from the localities' results only: how many
    /// met the target, of how many with a counted result ("8/14").
    pub units_met: Option<(usize, usize)>,
    /// The target or any of its results (in this scope) is illustrative.
    pub illustrative: bool,
    /// 0–1 share of the way to the target (1 when met).
    pub progress: Option<f64>,
    pub achieved: Option<bool>,
    pub state: TargetState,
    /// Progress per commune, in the order communes first appear.
    pub communes: Vec<TargetProgress>,
}

/// Whether `value` meets `target` under `cmp`.
pub fn achieved(cmp: Comparison, target: Quantity, value: Quantity) -> Option<bool> {
    use Quantity::{Number as N, YesNo as B};
    Some(match (cmp, target, value) {
        (_, B(t), B(v)) => t == v,
        (Comparison::AtLeast, N(t), N(v)) => v >= t,
        (Comparison::Above, N(t), N(v)) => v > t,
        (Comparison::AtMost, N(t), N(v)) => v <= t,
        (Comparison::Below, N(t), N(v)) => v < t,
        (Comparison::Equal, N(t), N(v)) => (v - t).abs() <= 1e-9 * t.abs().max(1.0),
        (Comparison::Rank, N(t), N(v)) => v <= t,
        _ => return None,
    })
}

/// Share of the way to the target, clamped to 0–1. Higher-is-better kinds
/// count from the baseline when there is one below the target; lower-is-
/// better kinds (at most, below, rank) from a baseline above it, else as
/// target ÷ value.
pub fn progress(
    cmp: Comparison,
    target: Quantity,
    baseline: Option<f64>,
    value: Quantity,
) -> Option<f64> {
    if achieved(cmp, target, value)? {
        return Some(1.0);
    }
    let (Quantity::Number(t), Quantity::Number(v)) = (target, value) else {
        return Some(0.0);
    };
    let p = match cmp {
        Comparison::AtLeast | Comparison::Above | Comparison::Equal => match baseline {
            Some(b) if b < t => (v - b) / (t - b),
            _ if t != 0.0 => v / t,
            _ => 0.0,
        },
        Comparison::AtMost | Comparison::Below | Comparison::Rank => match baseline {
            Some(b) if b > t => (b - v) / (b - t),
            _ if v > 0.0 => t / v,
            _ => 0.0,
        },
        Comparison::YesNo => 0.0,
    };
    Some(p.clamp(0.0, 1.0))
}

/// Index of the latest result: greatest period end, ties to the later row.
pub fn latest<'a>(results: impl Iterator<Item = (usize, &'a Measurement)>) -> Option<usize> {
    results
        .max_by_key(|(i, r)| (r.period.end(), *i))
        .map(|(i, _)| i)
}

/// The state of a target from whether it is met and whether any counted
/// result exists, on `today`.
pub fn state(t: &Target, achieved: Option<bool>, has_data: bool, today: Date) -> TargetState {
    if !has_data {
        return TargetState::NoData;
    }
    if achieved == Some(true) {
        return TargetState::Achieved;
    }
    let soon = today
        .checked_add(jiff::Span::new().days(DUE_SOON_DAYS))
        .unwrap_or(today);
    match t.deadline.and_then(|d| d.date()) {
        Some(d) if today <= d && d <= soon => TargetState::DueSoon,
        _ => TargetState::NotAchieved,
    }
}

/// `results`: indices of the target's results, in file order.
fn one(
    data: &DataSet,
    folds: &Folds<'_>,
    t: &Target,
    results: &[usize],
    commune: Option<&str>,
    today: Date,
) -> TargetProgress {
    let scoped = || {
        results
            .iter()
            .map(|&i| (i, &data.results[i]))
            .filter(move |(_, r)| same_place(folds, folds.place_of(t, r), commune))
    };
    let latest = latest(scoped().filter(|(_, r)| t.placement(r.period) == Placement::Within));
    let baseline =
        self::latest(scoped().filter(|(_, r)| t.placement(r.period) == Placement::Before));
    let base_value = t
        .baseline
        .or_else(|| match baseline.map(|i| data.results[i].value) {
            Some(Quantity::Number(n)) => Some(n),
            _ => None,
        });
    let value = latest.map(|i| data.results[i].value);
    let ach = value.and_then(|v| achieved(t.comparison, t.target, v));
    TargetProgress {
        id: t.id.clone(),
        commune: commune.map(str::to_owned),
        latest,
        baseline,
        units_met: None,
        illustrative: t.illustrative || scoped().any(|(_, r)| r.illustrative),
        progress: value.and_then(|v| progress(t.comparison, t.target, base_value, v)),
        achieved: ach,
        state: state(t, ach, latest.is_some(), today),
        communes: Vec::new(),
    }
}

/// The locality of a result of `t`: `None` when it is the target's own
/// (no locality, or the target's own locality written out).
pub fn place_of<'a>(t: &Target, r: &'a Measurement) -> Option<&'a str> {
    let c = r.commune.as_deref()?;
    match &t.locality {
        Some(own) if crate::text::fold(own) == crate::text::fold(c) => None,
        _ => Some(c),
    }
}

/// A result's locality against a scope: `None` is the target's own unit,
/// and a result naming the target's own locality is the same thing.
fn same_place(folds: &Folds<'_>, result: Option<&str>, scope: Option<&str>) -> bool {
    match (result, scope) {
        (None, None) => true,
        (Some(a), Some(b)) => folds.same(a, b),
        _ => false,
    }
}

/// A target without a counted result of its own takes its state from its
/// localities' counted results: met when all of them are, "8/14".
fn from_localities(t: &Target, p: &mut TargetProgress, today: Date) {
    let counted: Vec<&TargetProgress> = p.communes.iter().filter(|c| c.latest.is_some()).collect();
    if counted.is_empty() {
        return;
    }
    let met = counted.iter().filter(|c| c.achieved == Some(true)).count();
    let all = met == counted.len();
    p.units_met = Some((met, counted.len()));
    p.achieved = Some(all);
    p.progress = Some(met as f64 / counted.len() as f64);
    p.state = state(t, Some(all), true, today);
}

/// Progress of every target, in file order.
pub fn compute_targets(data: &DataSet, today: Date) -> Vec<TargetProgress> {
    // Results by target, once (not a scan of every result per target).
    let mut by_target: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, r) in data.results.iter().enumerate() {
        by_target.entry(r.target_id.as_str()).or_default().push(i);
    }
    let folds = Folds::of(data);
    data.targets
        .iter()
        .map(|t| {
            let results = by_target.get(t.id.as_str()).map_or(&[][..], Vec::as_slice);
            let mut p = one(data, &folds, t, results, None, today);
            let mut communes: Vec<&str> = Vec::new();
            for r in results.iter().map(|&i| &data.results[i]) {
                if let Some(c) = folds.place_of(t, r)
                    && !communes.iter().any(|k| folds.same(k, c))
                {
                    communes.push(c);
                }
            }
            p.communes = communes
                .into_iter()
                .map(|c| one(data, &folds, t, results, Some(c), today))
                .collect();
            p.illustrative |= p.communes.iter().any(|c| c.illustrative);
            if p.latest.is_none() {
                from_localities(t, &mut p, today);
            }
            p
        })
        .collect()
}
