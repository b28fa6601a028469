//! Budget totals by year, funding source and pillar, with disbursement
//! rates. A line's pillar is its own, else the pillar of the task named in
//! "Hạng mục" (when the item is a task id), else none ("chưa phân loại").

use serde::Serialize;

use crate::data::model::{DataSet, Dong};
use crate::text::{fold, vi_cmp};

/// Planned and disbursed amounts in đồng.
///
/// A line with an empty "Đã giải ngân" is *unknown*, not zero: `disbursed`
/// sums the known lines only, `unknown` counts the others, and the rate
/// exists only when every line's disbursement is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct BudgetTotals {
    pub planned: Dong,
    /// Sum of the known disbursements.
    pub disbursed: Dong,
    /// Budget lines added up.
    pub lines: u32,
    /// Lines without a disbursed amount.
    pub unknown: u32,
    /// disbursed ÷ planned, `None` when nothing is planned or any line's
    /// disbursement is unknown.
    pub rate: Option<f64>,
}

impl BudgetTotals {
    fn add(&mut self, planned: Dong, disbursed: Option<Dong>) {
        self.planned += planned;
        self.lines += 1;
        match disbursed {
            Some(d) => self.disbursed += d,
            None => self.unknown += 1,
        }
        self.rate = (self.planned > 0 && self.unknown == 0)
            .then(|| self.disbursed as f64 / self.planned as f64);
    }

    /// The disbursed total when every line's figure is known.
    pub fn disbursed_known(&self) -> Option<Dong> {
        (self.unknown == 0).then_some(self.disbursed)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BudgetSummary {
    pub total: BudgetTotals,
    /// Ascending years.
    pub by_year: Vec<(i16, BudgetTotals)>,
    /// Sources in Vietnamese order; spelling of the first occurrence.
    pub by_source: Vec<(String, BudgetTotals)>,
    /// Pillars in Vietnamese order, lines without a pillar (`None`) last.
    pub by_pillar: Vec<(Option<String>, BudgetTotals)>,
}

fn add_to<K: Clone>(
    groups: &mut Vec<(K, BudgetTotals)>,
    same: impl Fn(&K) -> bool,
    key: K,
    p: Dong,
    d: Option<Dong>,
) {
    match groups.iter_mut().find(|(k, _)| same(k)) {
        Some((_, t)) => t.add(p, d),
        None => {
            let mut t = BudgetTotals::default();
            t.add(p, d);
            groups.push((key, t));
        }
    }
}

/// Budget of the site's own unit (lines without a locality).
pub fn compute_budget(data: &DataSet) -> BudgetSummary {
    compute_budget_of(data, None)
}

/// Budget of one locality's lines (`None`: the site's own unit).
pub fn compute_budget_of(data: &DataSet, locality: Option<&str>) -> BudgetSummary {
    let key = locality.map(fold);
    let mut s = BudgetSummary::default();
    for line in data
        .budget
        .iter()
        .filter(|l| l.locality.as_deref().map(fold) == key)
    {
        let (p, d) = (line.planned, line.disbursed);
        s.total.add(p, d);
        add_to(&mut s.by_year, |y| *y == line.year, line.year, p, d);
        let src = fold(&line.source);
        add_to(
            &mut s.by_source,
            |k| fold(k) == src,
            line.source.clone(),
            p,
            d,
        );
        let pillar = line.pillar.clone().or_else(|| {
            data.tasks
                .iter()
                .find(|t| t.id == line.item)
                .and_then(|t| t.pillar.clone())
        });
        let key = pillar.as_deref().map(fold);
        add_to(
            &mut s.by_pillar,
            |k| k.as_deref().map(fold) == key,
            pillar,
            p,
            d,
        );
    }
    s.by_year.sort_by_key(|(y, _)| *y);
    s.by_source.sort_by(|a, b| vi_cmp(&a.0, &b.0));
    s.by_pillar.sort_by(|a, b| match (&a.0, &b.0) {
        (Some(x), Some(y)) => vi_cmp(x, y),
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, None) => std::cmp::Ordering::Equal,
    });
    s
}
