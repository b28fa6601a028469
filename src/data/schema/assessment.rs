//! The columns of the assessment datasets: the DTI index and its scores,
//! the units compared, measured indicators without a target, and the
//! criteria checklist.

use super::{Column, Field, ILLUSTRATIVE, LOCALITY, NOTE, ROW_NUMBER, col};

/// The pillars a DTI index line or an indicator belongs to.
const PILLARS: Column = col(
    Field::Pillar,
    "Trụ cột",
    "pillars",
    &["pillar"],
    false,
    "Chính quyền số",
);

pub(super) const DTI_INDEX: &[Column] = &[
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
    PILLARS,
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

pub(super) const DTI_SCORES: &[Column] = &[
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

pub(super) const UNITS: &[Column] = &[
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
pub(super) const INDICATORS: &[Column] = &[
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
    PILLARS,
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
pub(super) const CRITERIA: &[Column] = &[
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
