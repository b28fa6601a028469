//! The columns of each dataset kind (the contract in
//! `docs/decisions/0002-data-files.md`): which header texts name which field,
//! which are required, and the canonical Vietnamese header and English key
//! used by templates and exports.
//!
//! Extensions to the contract, accepted by every kind: `STT`/`TT`/`Số thứ
//! tự` (a row number column, ignored) and `Ghi chú`/`note`.

use super::kind::Kind;

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

const TARGETS: &[Column] = &[
    col(Field::Id, "Mã", "id", &["Mã chỉ tiêu"], true, "CT26-01"),
    col(
        Field::Pillar,
        "Trụ cột",
        "pillar",
        &["Lĩnh vực"],
        false,
        "Chính quyền số",
    ),
    col(
        Field::Statement,
        "Chỉ tiêu",
        "statement",
        &["Nội dung"],
        true,
        "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến",
    ),
    col(Field::Unit, "Đơn vị tính", "unit", &["ĐVT"], false, "%"),
    col(
        Field::Comparison,
        "So sánh",
        "comparison",
        &["Loại"],
        false,
        "tối thiểu",
    ),
    col(
        Field::Target,
        "Mục tiêu",
        "target",
        &["Chỉ tiêu giao"],
        true,
        "95,5",
    ),
    col(
        Field::Baseline,
        "Giá trị gốc",
        "baseline",
        &["Cơ sở"],
        false,
        "80",
    ),
    col(
        Field::Start,
        "Bắt đầu",
        "start",
        &["Từ", "Kỳ bắt đầu"],
        false,
        "2026",
    ),
    col(
        Field::Deadline,
        "Thời hạn",
        "deadline",
        &["Năm"],
        false,
        "2026",
    ),
    col(
        Field::Document,
        "Văn bản",
        "document",
        &["Số văn bản"],
        false,
        "1126/KH-UBND",
    ),
    col(
        Field::Lead,
        "Đơn vị chủ trì",
        "lead",
        &["Chủ trì"],
        false,
        "Phòng Văn hóa - Xã hội",
    ),
    LOCALITY,
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

const RESULTS: &[Column] = &[
    col(
        Field::TargetRef,
        "Mã chỉ tiêu",
        "target",
        &[],
        true,
        "CT26-01",
    ),
    col(
        Field::Period,
        "Kỳ",
        "period",
        &["Thời gian"],
        true,
        "Quý III/2026",
    ),
    col(Field::Value, "Giá trị", "value", &["Kết quả"], true, "92,3"),
    LOCALITY,
    col(
        Field::Source,
        "Nguồn",
        "source",
        &[],
        false,
        "Báo cáo quý III",
    ),
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

const TASKS: &[Column] = &[
    col(Field::Id, "Mã", "id", &[], true, "NV26-01"),
    col(
        Field::Statement,
        "Nhiệm vụ",
        "statement",
        &["Nội dung"],
        true,
        "Tổ chức lớp tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
    ),
    col(Field::Pillar, "Trụ cột", "pillar", &[], false, "Xã hội số"),
    col(
        Field::Lead,
        "Đơn vị chủ trì",
        "lead",
        &["Chủ trì"],
        true,
        "Phòng Văn hóa - Xã hội",
    ),
    col(
        Field::Partners,
        "Đơn vị phối hợp",
        "partners",
        &["Phối hợp"],
        false,
        "Công an xã",
    ),
    col(
        Field::Deadline,
        "Thời hạn",
        "deadline",
        &[],
        false,
        "Quý II/2026",
    ),
    col(
        Field::Budget,
        "Kinh phí",
        "budget",
        &[],
        false,
        "15.000.000",
    ),
    col(
        Field::Status,
        "Trạng thái",
        "status",
        &[],
        false,
        "đang thực hiện",
    ),
    col(
        Field::Completed,
        "Ngày hoàn thành",
        "completed",
        &[],
        false,
        "",
    ),
    col(
        Field::Document,
        "Văn bản",
        "document",
        &[],
        false,
        "1126/KH-UBND",
    ),
    col(
        Field::Recurrence,
        "Lặp lại",
        "recurrence",
        &["Định kỳ", "Tần suất"],
        false,
        "",
    ),
    col(Field::Start, "Bắt đầu", "start", &["Từ"], false, ""),
    col(
        Field::Reported,
        "Đã báo cáo",
        "reported",
        &["Các lần báo cáo", "Ngày báo cáo"],
        false,
        "",
    ),
    LOCALITY,
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

const BUDGET: &[Column] = &[
    col(Field::Year, "Năm", "year", &[], true, "2026"),
    col(
        Field::FundSource,
        "Nguồn vốn",
        "source",
        &["Nguồn"],
        true,
        "Ngân sách xã",
    ),
    col(
        Field::Item,
        "Hạng mục",
        "item",
        &[],
        true,
        "Tập huấn kỹ năng số",
    ),
    col(Field::Pillar, "Trụ cột", "pillar", &[], false, "Xã hội số"),
    col(
        Field::Planned,
        "Kế hoạch",
        "planned",
        &["Dự toán"],
        true,
        "50.000.000",
    ),
    col(
        Field::Disbursed,
        "Đã giải ngân",
        "disbursed",
        &["Giải ngân"],
        false,
        "20.000.000",
    ),
    LOCALITY,
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

const DTI_INDEX: &[Column] = &[
    col(Field::Id, "Mã", "code", &["Mã chỉ số"], true, "1"),
    col(
        Field::Name,
        "Tên chỉ số",
        "name",
        &["Tên"],
        true,
        "Chính quyền số",
    ),
    col(
        Field::MaxPoints,
        "Điểm tối đa",
        "max",
        &["Điểm chuẩn"],
        true,
        "160",
    ),
    col(
        Field::Lead,
        "Đơn vị chủ trì",
        "lead",
        &["Chủ trì"],
        false,
        "Phòng Văn hóa - Xã hội",
    ),
    col(
        Field::Pillar,
        "Trụ cột",
        "pillars",
        &["pillar"],
        false,
        "Chính quyền số",
    ),
    col(
        Field::Rule,
        "Cách chấm",
        "rule",
        &["Cách tính điểm"],
        false,
        "Tỷ lệ × điểm tối đa",
    ),
    NOTE,
    ROW_NUMBER,
];

const DTI_SCORES: &[Column] = &[
    col(Field::Id, "Mã", "code", &["Mã chỉ số"], true, "1"),
    col(Field::Year, "Năm", "year", &[], true, "2025"),
    col(Field::Points, "Điểm", "points", &[], false, "120,5"),
    col(Field::Index, "Chỉ số", "index", &[], false, ""),
    col(Field::ScoreKind, "Loại", "kind", &[], false, "tự đánh giá"),
    col(
        Field::Evidence,
        "Kiểm chứng",
        "evidence",
        &["Tài liệu kiểm chứng"],
        false,
        "",
    ),
    LOCALITY,
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

const UNITS: &[Column] = &[
    col(Field::Id, "Mã", "id", &[], true, "VHXH"),
    col(
        Field::Name,
        "Tên",
        "name",
        &["Tên đơn vị"],
        true,
        "Phòng Văn hóa - Xã hội",
    ),
    col(Field::UnitType, "Loại", "type", &[], false, "phòng ban"),
    col(
        Field::ShortName,
        "Tên viết tắt",
        "short_name",
        &[],
        false,
        "VH-XH",
    ),
    col(Field::Address, "Địa chỉ", "address", &[], false, ""),
    col(Field::Phone, "Điện thoại", "phone", &[], false, ""),
    col(Field::Email, "Thư điện tử", "email", &["Email"], false, ""),
    NOTE,
    ROW_NUMBER,
];

/// Measured indicators without a target: one value of one indicator for one
/// unit and period (charted over time and by unit, never judged).
const INDICATORS: &[Column] = &[
    col(
        Field::Name,
        "Chỉ số",
        "indicator",
        &["Tên chỉ số"],
        true,
        "Tỷ lệ hồ sơ nộp trực tuyến",
    ),
    col(Field::Unit, "Đơn vị tính", "unit", &["ĐVT"], false, "%"),
    LOCALITY,
    col(
        Field::Period,
        "Kỳ",
        "period",
        &["Thời gian"],
        true,
        "tháng 10/2026",
    ),
    col(Field::Value, "Giá trị", "value", &["Kết quả"], true, "72,4"),
    col(
        Field::Pillar,
        "Trụ cột",
        "pillars",
        &["pillar"],
        false,
        "Chính quyền số",
    ),
    col(
        Field::Source,
        "Nguồn",
        "source",
        &[],
        false,
        "Cổng dịch vụ công",
    ),
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

/// The criteria checklist (Kế hoạch 02-KH/BCĐTW): the status is written
/// (`Trạng thái`) or computed from `Hoàn thành` and `Hạn`.
const CRITERIA: &[Column] = &[
    col(Field::Id, "Mã", "id", &["Mã tiêu chí"], true, "TC-01"),
    col(
        Field::Statement,
        "Tiêu chí",
        "statement",
        &["Tên tiêu chí", "Nội dung"],
        true,
        "Có Trang thông tin điện tử với chuyên mục Chuyển đổi số",
    ),
    col(
        Field::Group,
        "Nhóm",
        "group",
        &["Nhóm tiêu chí", "Lĩnh vực"],
        false,
        "Hạ tầng số",
    ),
    LOCALITY,
    col(
        Field::Deadline,
        "Hạn",
        "deadline",
        &["Thời hạn", "Hạn hoàn thành"],
        false,
        "30/09/2025",
    ),
    col(
        Field::Status,
        "Trạng thái",
        "status",
        &["Màu", "Tình trạng"],
        false,
        "",
    ),
    col(
        Field::Completed,
        "Hoàn thành",
        "completed",
        &["Ngày hoàn thành", "Đã hoàn thành"],
        false,
        "",
    ),
    col(
        Field::Evidence,
        "Minh chứng",
        "evidence",
        &["Tài liệu minh chứng", "Liên kết minh chứng", "Kiểm chứng"],
        false,
        "",
    ),
    ILLUSTRATIVE,
    NOTE,
    ROW_NUMBER,
];

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
