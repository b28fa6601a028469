//! The data model: what the site's data files say, typed and located. Every
//! item keeps the [`Loc`] of its row (the id cell, where it has one) for
//! later messages.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::kind::Kind;
use super::table::Loc;
use super::values::{Comparison, Deadline, Period, ScoreKind, TaskStatus};

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
    pub deadline: Option<Deadline>,
    pub document: Option<String>,
    pub lead: Option<String>,
    pub note: Option<String>,
    pub loc: Loc,
    /// Where the lead unit is written (for unit-reference messages).
    pub lead_loc: Loc,
}

/// A measured result (kết quả) of a target for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    pub target_id: String,
    pub period: Period,
    pub value: Quantity,
    /// The commune/ward the value is for; `None` for the whole unit.
    pub commune: Option<String>,
    pub source: Option<String>,
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
    pub partners: Vec<String>,
    pub deadline: Option<Deadline>,
    pub budget: Option<Dong>,
    pub status: Option<TaskStatus>,
    pub completed: Option<Date>,
    pub document: Option<String>,
    pub note: Option<String>,
    pub loc: Loc,
    pub lead_loc: Loc,
    pub partners_loc: Loc,
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
    pub sources: Vec<SourceFile>,
}

impl DataSet {
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
}
