//! The columns of each dataset kind (the contract in
//! `docs/decisions/0002-data-files.md`): which header texts name which field,
//! which are required, and the canonical Vietnamese header and English key
//! used by templates and exports.
//!
//! Extensions to the contract, accepted by every kind: `STT`/`TT`/`Số thứ
//! tự` (a row number column, ignored) and `Ghi chú`/`note`.

mod assessment;
mod plan;

use super::kind::Kind;
use assessment::{CRITERIA, DTI_INDEX, DTI_SCORES, INDICATORS, UNITS};
use plan::{BUDGET, RESULTS, TARGETS, TASKS};

/// A field of a dataset row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Pillar,
    Statement,
    Unit,
    Comparison,
    Target,
    Baseline,
    Deadline,
    Document,
    Lead,
    TargetRef,
    Period,
    Value,
    /// The unit a row belongs to (commune, ward, department); empty = the site's own unit.
    Locality,
    /// `Minh họa`: the row is illustrative, not a real figure.
    Illustrative,
    /// When a target's period starts.
    Start,
    Source,
    Note,
    Partners,
    Budget,
    Status,
    Completed,
    Year,
    FundSource,
    Item,
    Planned,
    Disbursed,
    Name,
    MaxPoints,
    Rule,
    Points,
    Index,
    ScoreKind,
    Evidence,
    UnitType,
    ShortName,
    Address,
    Phone,
    Email,
    /// `STT`: a row-number column, read and ignored.
    RowNumber,
    /// A criterion's group (`Nhóm`).
    Group,
    /// A task's recurrence rule (`Lặp lại`).
    Recurrence,
    /// The reports filed for a recurring task's occurrences (`Đã báo cáo`).
    Reported,
}

/// One column of a kind.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub field: Field,
    /// Canonical Vietnamese header (templates, CSV exports).
    pub header: &'static str,
    /// English key (JSON exports; also accepted as a header).
    pub key: &'static str,
    /// Other accepted header texts.
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// Example value for templates.
    pub example: &'static str,
}

const fn col(
    field: Field,
    header: &'static str,
    key: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    example: &'static str,
) -> Column {
    Column {
        field,
        header,
        key,
        aliases,
        required,
        example,
    }
}

const NOTE: Column = col(Field::Note, "Ghi chú", "note", &[], false, "");
/// Whose row this is: empty = the site's own unit (`unit` in `minhbach.toml`).
/// Results written before this column existed say "Xã/phường": same field.
const LOCALITY: Column = col(
    Field::Locality,
    "Địa phương",
    "locality",
    &[
        "Xã/phường",
        "Đơn vị hành chính",
        "Địa bàn",
        "commune",
        "Đơn vị báo cáo",
    ],
    false,
    "",
);
/// `có`/`x`/`true`/`1`: the row's figures are illustrative ("minh họa").
const ILLUSTRATIVE: Column = col(
    Field::Illustrative,
    "Minh họa",
    "illustrative",
    &["Số liệu minh họa"],
    false,
    "",
);
const ROW_NUMBER: Column = col(
    Field::RowNumber,
    "STT",
    "row",
    &["TT", "Số thứ tự"],
    false,
    "",
);

/// The columns of a kind, in template order (`STT` last: it is optional).
pub fn columns(kind: Kind) -> &'static [Column] {
    match kind {
        Kind::Targets => TARGETS,
        Kind::Results => RESULTS,
        Kind::Tasks => TASKS,
        Kind::Budget => BUDGET,
        Kind::DtiIndex => DTI_INDEX,
        Kind::DtiScores => DTI_SCORES,
        Kind::Units => UNITS,
        Kind::Indicators => INDICATORS,
        Kind::Criteria => CRITERIA,
    }
}

/// The column of `field` in `kind`.
pub fn column(kind: Kind, field: Field) -> Option<&'static Column> {
    columns(kind).iter().find(|c| c.field == field)
}

/// Computed columns of the published open data (see
/// [`super::export_computed`]): the reader must recognise their headers to
/// ignore them, so they are part of the contract.
///
/// (kind, Vietnamese header, JSON key) of every computed column.
pub const COMPUTED_COLUMNS: &[(Kind, &str, &str)] = &[
    (
        Kind::Targets,
        "Giá trị mới nhất (tính toán)",
        "latest_value",
    ),
    (
        Kind::Targets,
        "Kỳ của giá trị mới nhất (tính toán)",
        "latest_period",
    ),
    (Kind::Targets, "Mức hoàn thành (tính toán)", "progress"),
    (Kind::Targets, "Tình trạng (tính toán)", "state"),
    (
        Kind::Targets,
        "Địa phương đạt (tính toán)",
        "localities_met",
    ),
    (
        Kind::Targets,
        "Minh họa (tính toán)",
        "illustrative_figures",
    ),
    (Kind::Tasks, "Tình trạng (tính toán)", "computed_state"),
    (Kind::Tasks, "Số ngày quá hạn (tính toán)", "days_overdue"),
    (Kind::Tasks, "Kỳ tiếp theo (tính toán)", "next_occurrence"),
    (
        Kind::Tasks,
        "Kỳ chưa báo cáo (tính toán)",
        "missed_occurrences",
    ),
    (
        Kind::Criteria,
        "Trạng thái hiện tại (tính toán)",
        "computed_status",
    ),
    (
        Kind::Criteria,
        "Cách xác định trạng thái (tính toán)",
        "status_source",
    ),
];

/// Whether a header (already folded by the caller's `fold`) names a
/// computed column of `kind`.
pub fn is_computed_header(kind: Kind, folded: &str, fold: impl Fn(&str) -> String) -> bool {
    COMPUTED_COLUMNS
        .iter()
        .filter(|(k, _, _)| *k == kind)
        .any(|(_, h, key)| fold(h) == folded || fold(key) == folded)
}
