//! The data model: what the site's data files say, typed and located. Every
//! item keeps the [`Loc`] of its row (the id cell, where it has one) for
//! later messages.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::kind::Kind;
use super::table::Loc;
use super::values::{Comparison, Deadline, Light, Period, Recurrence, ScoreKind, TaskStatus};

/// A measured or target quantity: a number, or yes/no.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    Number(f64),
    YesNo(bool),
}

/// An amount of money in đồng.
pub type Dong = i64;

/// A target (chỉ tiêu).
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub pillar: Option<String>,
    pub statement: String,
    /// Unit of measure: `%`, `hồ sơ`, `triệu đồng`…
    pub unit: Option<String>,
    pub comparison: Comparison,
    pub target: Quantity,
    pub baseline: Option<f64>,
    /// When the target's period starts (`Bắt đầu`); see
    /// [`Target::window_start`] for the default.
    pub start: Option<Period>,
    pub deadline: Option<Deadline>,
    pub document: Option<String>,
    pub lead: Option<String>,
    /// Whose target it is; `None` = the site's own unit.
    pub locality: Option<String>,
    /// Marked `Minh họa`: not a real figure.
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
    /// Where the lead unit is written (for unit-reference messages).
    pub lead_loc: Loc,
}

impl Target {
    /// First day on which a result counts towards the target: the start as
    /// written, else 1 January of the deadline's year (a target due in 2026
    /// is judged on 2026's results; 2025's value is its baseline), else none
    /// (no deadline, no start: every result counts).
    pub fn window_start(&self) -> Option<Date> {
        match (self.start, self.deadline.and_then(|d| d.date())) {
            (Some(p), _) => Some(p.start()),
            (None, Some(d)) => Date::new(d.year(), 1, 1).ok(),
            (None, None) => None,
        }
    }

    /// Where a result of `period` stands against the target's period: it
    /// counts when the two overlap, i.e. the result's period ends on or after
    /// the start and begins on or before the deadline (both days included).
    pub fn placement(&self, period: Period) -> Placement {
        if self.window_start().is_some_and(|s| period.end() < s) {
            Placement::Before
        } else if self
            .deadline
            .and_then(|d| d.date())
            .is_some_and(|d| period.start() > d)
        {
            Placement::After
        } else {
            Placement::Within
        }
    }
}

/// Where a result falls against a target's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Before the start: a baseline ("Giá trị gốc"), never an achievement.
    Before,
    Within,
    /// After the deadline: shown, not counted.
    After,
}

/// A measured result (kết quả) of a target for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    pub target_id: String,
    pub period: Period,
    pub value: Quantity,
    /// The locality (`Địa phương`, formerly `Xã/phường`) the value is for;
    /// `None` for the target's own unit.
    pub commune: Option<String>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
}

/// One measured value of an indicator without a target (`chi-so…`).
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The indicator's name as written.
    pub indicator: String,
    /// Unit of measure.
    pub unit: Option<String>,
    /// Whose value; `None` = the site's own unit.
    pub locality: Option<String>,
    pub period: Period,
    pub value: Quantity,
    pub pillars: Vec<String>,
    pub source: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
}

/// A task (nhiệm vụ).
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub id: String,
    pub statement: String,
    pub pillar: Option<String>,
    pub lead: String,
    /// Partner units: the `Đơn vị phối hợp` cell split on `;` only.
    pub partners: Vec<String>,
    /// The partners cell as the officer wrote it (kept in open data).
    pub partners_text: Option<String>,
    pub deadline: Option<Deadline>,
    pub budget: Option<Dong>,
    pub status: Option<TaskStatus>,
    pub completed: Option<Date>,
    pub document: Option<String>,
    pub locality: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    /// `Lặp lại`: a recurring deadline, one occurrence per month, quarter
    /// or year (see [`crate::data::compute::occurrences`]).
    pub recurrence: Option<Recurrence>,
    /// `Bắt đầu`: when the occurrences of a recurring task start.
    pub start: Option<Period>,
    /// `Đã báo cáo`: the reports filed for its occurrences.
    pub reports: Vec<Report>,
    /// The `Đã báo cáo` cell as written (kept in open data).
    pub reports_text: Option<String>,
    pub loc: Loc,
    pub lead_loc: Loc,
    pub partners_loc: Loc,
}

/// One report filed for an occurrence of a recurring task: the period it
/// is for and/or the day it was filed (`Quý I/2025: 10/03/2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub period: Option<Period>,
    pub date: Option<Date>,
}

/// A criterion of the checklist of Kế hoạch 02-KH/BCĐTW for one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub statement: String,
    /// `Nhóm`: the group it is listed under.
    pub group: Option<String>,
    /// Whose criterion; `None` = the site's own unit.
    pub locality: Option<String>,
    pub deadline: Option<Deadline>,
    /// The status as written; `None` = computed (see
    /// [`crate::data::compute::criteria`]).
    pub status: Option<Light>,
    /// `Hoàn thành`: yes/no, or the day it was done.
    pub done: bool,
    pub completed: Option<Date>,
    /// `Minh chứng`: a link or the name of the evidence.
    pub evidence: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
}

/// A budget line (kinh phí).
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    pub year: i16,
    /// Funding source: ngân sách tỉnh/xã, xã hội hóa…
    pub source: String,
    /// What the money is for, or a task id.
    pub item: String,
    pub pillar: Option<String>,
    pub planned: Dong,
    pub disbursed: Option<Dong>,
    /// Whose budget line; `None` = the site's own unit.
    pub locality: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
}

/// A node of the DTI index tree (bộ chỉ số).
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// `1`, `1.1`, `1.1.3`, `1.1.3.a`.
    pub code: String,
    /// The code without its last part; `None` for a top-level indicator.
    pub parent: Option<String>,
    pub name: String,
    pub max_points: f64,
    pub lead: Option<String>,
    /// Pillars as written in the file (may be empty).
    pub own_pillars: Vec<String>,
    /// Pillars after inheritance: the own ones, or the parent's when empty.
    pub pillars: Vec<String>,
    pub rule: Option<String>,
    pub note: Option<String>,
    pub loc: Loc,
    pub lead_loc: Loc,
}

/// A DTI score of one indicator for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub code: String,
    pub year: i16,
    pub points: Option<f64>,
    /// Normalised 0–1.
    pub index: Option<f64>,
    pub kind: ScoreKind,
    /// Evidence file, relative to the data folder.
    pub evidence: Option<String>,
    /// Whose score; `None` = the site's own unit.
    pub locality: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
    pub loc: Loc,
}

/// A unit (đơn vị): a department, a commune, an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub short_name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub note: Option<String>,
    pub loc: Loc,
}

/// One table that was read: a file, or a sheet/key of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    /// Relative to the site root.
    pub path: PathBuf,
    pub sheet: Option<String>,
    pub kind: Kind,
    /// Data rows read (blank rows and the header excluded).
    pub rows: usize,
    /// Header texts as written.
    pub columns: Vec<String>,
}

/// Everything the data folder holds. Items are in file order (files sorted
/// by path), so builds are deterministic.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DataSet {
    pub targets: Vec<Target>,
    pub results: Vec<Measurement>,
    pub tasks: Vec<Task>,
    pub budget: Vec<BudgetLine>,
    pub indicators: Vec<Indicator>,
    pub scores: Vec<Score>,
    pub units: Vec<Unit>,
    /// Measured indicators without a target.
    pub observations: Vec<Observation>,
    /// The criteria checklist, one row per criterion and unit.
    pub criteria: Vec<Criterion>,
    pub sources: Vec<SourceFile>,
    /// Where each locality name is first written (one cell per distinct
    /// name and table), for the check against the units file.
    pub locality_refs: Vec<(String, Loc)>,
}

impl DataSet {
    /// Appends every item of `other` (read from a later file) after this
    /// set's own, as if both had been parsed into one set in that order.
    pub fn append(&mut self, other: DataSet) {
        // Named field by field: a new field fails to compile here.
        let DataSet {
            targets,
            results,
            tasks,
            budget,
            indicators,
            scores,
            units,
            observations,
            criteria,
            sources,
            locality_refs,
        } = other;
        self.targets.extend(targets);
        self.results.extend(results);
        self.tasks.extend(tasks);
        self.budget.extend(budget);
        self.indicators.extend(indicators);
        self.scores.extend(scores);
        self.units.extend(units);
        self.observations.extend(observations);
        self.criteria.extend(criteria);
        self.sources.extend(sources);
        self.locality_refs.extend(locality_refs);
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id == id)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn has(&self, kind: Kind) -> bool {
        self.sources.iter().any(|s| s.kind == kind)
    }

    /// Clears every locality that names the site's own unit (`unit` in
    /// `minhbach.toml`, e.g. "UBND phường Sông Trí" for "Phường Sông Trí"):
    /// an empty locality already means the site's own unit.
    pub fn fold_own_unit(&mut self, own: &str) {
        let own = crate::text::fold(own);
        if own.trim().is_empty() {
            return;
        }
        let is_own = |l: &Option<String>| {
            l.as_deref().is_some_and(|l| {
                let l = crate::text::fold(l);
                l == own || own.ends_with(&format!(" {l}"))
            })
        };
        let clear = |l: &mut Option<String>| {
            if is_own(l) {
                *l = None;
            }
        };
        self.targets.iter_mut().for_each(|x| clear(&mut x.locality));
        self.results.iter_mut().for_each(|x| clear(&mut x.commune));
        self.tasks.iter_mut().for_each(|x| clear(&mut x.locality));
        self.budget.iter_mut().for_each(|x| clear(&mut x.locality));
        self.scores.iter_mut().for_each(|x| clear(&mut x.locality));
        self.observations
            .iter_mut()
            .for_each(|x| clear(&mut x.locality));
        self.criteria
            .iter_mut()
            .for_each(|x| clear(&mut x.locality));
    }

    /// Every locality named on any row, in first-seen order (results'
    /// localities included). Empty for a site holding one unit's data.
    pub fn localities(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        let names = self
            .targets
            .iter()
            .map(|t| &t.locality)
            .chain(self.results.iter().map(|r| &r.commune))
            .chain(self.tasks.iter().map(|t| &t.locality))
            .chain(self.budget.iter().map(|b| &b.locality))
            .chain(self.scores.iter().map(|s| &s.locality))
            .chain(self.observations.iter().map(|o| &o.locality))
            .chain(self.criteria.iter().map(|c| &c.locality));
        let mut folded: std::collections::HashSet<String> = std::collections::HashSet::new();
        for name in names.flatten() {
            if folded.insert(crate::text::fold(name)) {
                seen.push(name);
            }
        }
        seen
    }
}
