//! DTI totals per year: points and a normalised index (points ÷ max, four
//! decimals) overall and per pillar, with the change from the previous year
//! in the data.
//!
//! - For each indicator and year, the official score is used when there is
//!   one, else the self-assessment; a score given as an index is turned into
//!   points (index × max points).
//! - An indicator without a score of its own counts the sum of its
//!   children's (recursively); without either it has no score that year.
//! - Overall: the sum over top-level indicators (no parent). Per pillar: the
//!   sum over the topmost indicators of that pillar (whose parent is not in
//!   it), so a pillar subtree is never counted twice.

use std::collections::HashMap;

use serde::Serialize;

use crate::data::model::{DataSet, Indicator};
use crate::data::values::ScoreKind;
use crate::text::fold;
use crate::text::numbers::round_half_away;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DtiTotal {
    pub points: f64,
    pub max: f64,
    /// points ÷ max, rounded to four decimals.
    pub index: Option<f64>,
    /// Change from the previous year in the data (points, index).
    pub change_points: Option<f64>,
    pub change_index: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DtiYear {
    pub year: i16,
    pub total: DtiTotal,
    /// Pillars in order of first appearance in the index tree.
    pub pillars: Vec<(String, DtiTotal)>,
    /// True when every score used this year is official.
    pub official: bool,
    /// The year the changes are computed against.
    pub previous_year: Option<i16>,
    /// Points of every indicator (tree order) that has a score this year.
    pub nodes: Vec<(String, f64)>,
}

fn total(points: f64, max: f64) -> DtiTotal {
    DtiTotal {
        points: round_half_away(points, 4),
        max,
        index: (max > 0.0).then(|| round_half_away(points / max, 4)),
        change_points: None,
        change_index: None,
    }
}

fn node_points(
    ind: &Indicator,
    data: &DataSet,
    own: &HashMap<&str, f64>,
    memo: &mut HashMap<String, Option<f64>>,
) -> Option<f64> {
    if let Some(v) = memo.get(&ind.code) {
        return *v;
    }
    let v = own.get(ind.code.as_str()).copied().or_else(|| {
        let children: Vec<f64> = data
            .indicators
            .iter()
            .filter(|c| c.parent.as_deref() == Some(ind.code.as_str()))
            .filter_map(|c| node_points(c, data, own, memo))
            .collect();
        (!children.is_empty()).then(|| children.iter().sum())
    });
    memo.insert(ind.code.clone(), v);
    v
}

/// DTI totals of the site's own unit (scores without a locality).
pub fn compute_dti(data: &DataSet) -> Vec<DtiYear> {
    compute_dti_of(data, None)
}

/// DTI totals of one locality's scores (`None`: the site's own unit); a
/// score counts only for its own unit, never summed across units.
pub fn compute_dti_of(data: &DataSet, locality: Option<&str>) -> Vec<DtiYear> {
    let key = locality.map(fold);
    let scores: Vec<&crate::data::model::Score> = data
        .scores
        .iter()
        .filter(|s| s.locality.as_deref().map(fold) == key)
        .collect();
    let mut years: Vec<i16> = scores.iter().map(|s| s.year).collect();
    years.sort_unstable();
    years.dedup();
    let max_of: HashMap<&str, f64> = data
        .indicators
        .iter()
        .map(|i| (i.code.as_str(), i.max_points))
        .collect();
    let codes: Vec<&str> = data.indicators.iter().map(|i| i.code.as_str()).collect();
    let mut pillars: Vec<&str> = Vec::new();
    for i in &data.indicators {
        for p in &i.pillars {
            if !pillars.contains(&p.as_str()) {
                pillars.push(p);
            }
        }
    }
    let mut out: Vec<DtiYear> = Vec::new();
    for year in years {
        let mut chosen: HashMap<&str, (ScoreKind, f64)> = HashMap::new();
        for s in scores.iter().filter(|s| s.year == year) {
            let Some(max) = max_of.get(s.code.as_str()) else {
                continue;
            };
            let Some(points) = s.points.or(s.index.map(|i| i * max)) else {
                continue;
            };
            match chosen.get(s.code.as_str()) {
                Some((ScoreKind::Official, _)) if s.kind == ScoreKind::SelfAssessed => {}
                _ => {
                    chosen.insert(s.code.as_str(), (s.kind, points));
                }
            }
        }
        let official =
            !chosen.is_empty() && chosen.values().all(|(k, _)| *k == ScoreKind::Official);
        let own: HashMap<&str, f64> = chosen.iter().map(|(k, (_, p))| (*k, *p)).collect();
        let mut memo = HashMap::new();
        let mut nodes = Vec::new();
        for ind in &data.indicators {
            if let Some(p) = node_points(ind, data, &own, &mut memo) {
                nodes.push((ind.code.clone(), round_half_away(p, 4)));
            }
        }
        let is_root = |i: &Indicator| i.parent.as_deref().is_none_or(|p| !codes.contains(&p));
        let (mut pts, mut max) = (0.0, 0.0);
        for ind in data.indicators.iter().filter(|i| is_root(i)) {
            pts += memo.get(&ind.code).copied().flatten().unwrap_or(0.0);
            max += ind.max_points;
        }
        let mut per_pillar = Vec::new();
        for p in &pillars {
            let parent_has = |i: &Indicator| {
                i.parent
                    .as_deref()
                    .and_then(|pc| data.indicator(pc))
                    .is_some_and(|parent| parent.pillars.iter().any(|x| x == p))
            };
            let (mut pp, mut pm) = (0.0, 0.0);
            for ind in data
                .indicators
                .iter()
                .filter(|i| i.pillars.iter().any(|x| x == p) && !parent_has(i))
            {
                pp += memo.get(&ind.code).copied().flatten().unwrap_or(0.0);
                pm += ind.max_points;
            }
            per_pillar.push(((*p).to_owned(), total(pp, pm)));
        }
        let mut y = DtiYear {
            year,
            total: total(pts, max),
            pillars: per_pillar,
            official,
            previous_year: None,
            nodes,
        };
        if let Some(prev) = out.last() {
            y.previous_year = Some(prev.year);
            change(&mut y.total, &prev.total);
            for (name, t) in &mut y.pillars {
                if let Some((_, pt)) = prev.pillars.iter().find(|(n, _)| n == name) {
                    change(t, pt);
                }
            }
        }
        out.push(y);
    }
    out
}

fn change(t: &mut DtiTotal, prev: &DtiTotal) {
    t.change_points = Some(round_half_away(t.points - prev.points, 4));
    t.change_index = match (t.index, prev.index) {
        (Some(a), Some(b)) => Some(round_half_away(a - b, 4)),
        _ => None,
    };
}
