//! Per-unit counts: tasks led and partnered, overdue tasks, targets led and
//! DTI max points owned. Units are those of the units file (matched by id,
//! name or short name) plus any other name written in a lead column
//! (tasks, targets, DTI indicators), grouped case- and
//! diacritic-insensitively. A coordinating unit (`Đơn vị phối hợp`) counts
//! toward a unit only when it names one of those: free-text partner names
//! ("các tổ công nghệ số cộng đồng") do not become units.

use std::collections::HashMap;

use serde::Serialize;

use super::tasks::{TaskProgress, TaskState};
use crate::data::model::DataSet;
use crate::data::validate::UnitIndex;
use crate::text::{fold, vi_cmp};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UnitStats {
    /// The unit's id when it is in the units file.
    pub unit_id: Option<String>,
    /// The unit's name (from the units file, else as first written).
    pub name: String,
    pub tasks_led: usize,
    pub tasks_partner: usize,
    pub tasks_overdue: usize,
    pub targets_led: usize,
    /// Sum of the max points of the DTI indicators the unit leads (an
    /// indicator under another one the same unit leads is not counted again).
    pub dti_max_points: f64,
}

struct Acc<'a> {
    stats: Vec<UnitStats>,
    /// Identity key (`id:…`, `name:…`) → index in `stats`.
    by_key: HashMap<String, usize>,
    /// Text as written → index in `stats`: thousands of task rows name
    /// the same hundred units, and folding a name costs a Unicode
    /// decomposition.
    named: HashMap<String, usize>,
    units: UnitIndex<'a>,
}

impl Acc<'_> {
    fn entry(&mut self, _data: &DataSet, text: &str) -> &mut UnitStats {
        if let Some(&i) = self.named.get(text) {
            return &mut self.stats[i];
        }
        let (key, id, name) = match self.units.resolve(text) {
            Some(u) => (format!("id:{}", u.id), Some(u.id.clone()), u.name.clone()),
            None => (
                format!("name:{}", fold(text.trim())),
                None,
                text.trim().to_owned(),
            ),
        };
        let i = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.by_key.insert(key, self.stats.len());
                self.stats.push(UnitStats {
                    unit_id: id,
                    name,
                    ..UnitStats::default()
                });
                self.stats.len() - 1
            }
        };
        self.named.insert(text.to_owned(), i);
        &mut self.stats[i]
    }

    /// The entry `text` names, if it is already a unit.
    fn existing(&mut self, _data: &DataSet, text: &str) -> Option<&mut UnitStats> {
        if let Some(&i) = self.named.get(text) {
            return Some(&mut self.stats[i]);
        }
        let key = match self.units.resolve(text) {
            Some(u) => format!("id:{}", u.id),
            None => format!("name:{}", fold(text.trim())),
        };
        let i = *self.by_key.get(&key)?;
        self.named.insert(text.to_owned(), i);
        Some(&mut self.stats[i])
    }
}

pub fn compute_units(data: &DataSet, tasks: &[TaskProgress]) -> Vec<UnitStats> {
    let mut acc = Acc {
        stats: Vec::new(),
        by_key: HashMap::new(),
        named: HashMap::new(),
        units: UnitIndex::new(&data.units),
    };
    for u in &data.units {
        acc.entry(data, &u.id);
    }
    for (t, p) in data.tasks.iter().zip(tasks) {
        let e = acc.entry(data, &t.lead);
        e.tasks_led += 1;
        if p.state == TaskState::Overdue {
            e.tasks_overdue += 1;
        }
    }
    for t in &data.targets {
        if let Some(l) = &t.lead {
            acc.entry(data, l).targets_led += 1;
        }
    }
    let units = UnitIndex::new(&data.units);
    let lead_key = |text: &str| match units.resolve(text) {
        Some(u) => format!("id:{}", u.id),
        None => format!("name:{}", fold(text.trim())),
    };
    for ind in &data.indicators {
        let Some(lead) = &ind.lead else { continue };
        let key = lead_key(lead);
        let mut ancestor = ind.parent.as_deref().and_then(|p| data.indicator(p));
        let mut counted = false;
        while let Some(a) = ancestor {
            if a.lead.as_deref().map(lead_key) == Some(key.clone()) {
                counted = true;
                break;
            }
            ancestor = a.parent.as_deref().and_then(|p| data.indicator(p));
        }
        if !counted {
            acc.entry(data, lead).dti_max_points += ind.max_points;
        }
    }
    // Partners last, so a unit named as a lead anywhere is known.
    for t in &data.tasks {
        for partner in &t.partners {
            if let Some(e) = acc.existing(data, partner) {
                e.tasks_partner += 1;
            }
        }
    }
    let mut stats = acc.stats;
    stats.sort_by(|a, b| vi_cmp(&a.name, &b.name));
    stats
}
