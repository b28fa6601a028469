//! Words with a fixed meaning: yes/no, comparison kinds of a target, task
//! statuses, DTI score kinds, and lists of unit names.

use serde::Serialize;

use super::ValueError;
use crate::text::fold;

/// Folds and normalises separators so "Có / Không" and "co-khong" compare equal.
fn key(raw: &str) -> String {
    let folded = fold(raw.trim());
    let spaced: String = folded
        .chars()
        .map(|c| {
            if matches!(c, '/' | '-' | '_' | '.') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads yes/no: `có`, `x`, `✓`, `đạt`, `rồi`, `yes`, `1` … / `không`, `chưa`, `no`, `0` …
pub fn parse_yes_no(raw: &str) -> Result<bool, ValueError> {
    match raw.trim() {
        "✓" | "✔" | "☑" | "√" => return Ok(true),
        "✗" | "✘" | "☐" => return Ok(false),
        _ => {}
    }
    match key(raw).as_str() {
        "co" | "x" | "dat" | "roi" | "da co" | "yes" | "y" | "true" | "1" | "dung" | "da dat" => {
            Ok(true)
        }
        "khong" | "ko" | "k" | "chua" | "chua co" | "chua dat" | "khong dat" | "no" | "n"
        | "false" | "0" | "sai" => Ok(false),
        _ => Err(ValueError::new(
            format!("“{}” không phải là có/không", raw.trim()),
            "viết “có” hoặc “không” (hoặc đánh dấu “x” cho có)",
        )),
    }
}

/// How a measured value is compared with the target value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// `tối thiểu`, `ít nhất`, `≥` (the default).
    AtLeast,
    /// `trên`, `>`.
    Above,
    /// `tối đa`, `không quá`, `≤`.
    AtMost,
    /// `dưới`, `<`.
    Below,
    /// `đạt`, `bằng`, `=`.
    Equal,
    /// `xếp hạng`, `top`: a rank, lower is better.
    Rank,
    /// `có/không`: a yes/no target.
    YesNo,
}

impl Comparison {
    /// The Vietnamese word written in templates and exports.
    pub fn label(self) -> &'static str {
        match self {
            Comparison::AtLeast => "tối thiểu",
            Comparison::Above => "trên",
            Comparison::AtMost => "tối đa",
            Comparison::Below => "dưới",
            Comparison::Equal => "bằng",
            Comparison::Rank => "xếp hạng",
            Comparison::YesNo => "có/không",
        }
    }
}

/// Reads a comparison kind (see [`Comparison`] for the words).
pub fn parse_comparison(raw: &str) -> Result<Comparison, ValueError> {
    let c = match raw.trim() {
        "≥" | ">=" => Some(Comparison::AtLeast),
        ">" => Some(Comparison::Above),
        "≤" | "<=" => Some(Comparison::AtMost),
        "<" => Some(Comparison::Below),
        "=" => Some(Comparison::Equal),
        _ => None,
    };
    if let Some(c) = c {
        return Ok(c);
    }
    match key(raw).as_str() {
        "toi thieu" | "it nhat" | "khong duoi" | "khong it hon" | "at least" | "min" => {
            Ok(Comparison::AtLeast)
        }
        "tren" | "hon" | "vuot" | "above" | "more than" => Ok(Comparison::Above),
        "toi da" | "khong qua" | "khong vuot qua" | "khong tren" | "at most" | "max" => {
            Ok(Comparison::AtMost)
        }
        "duoi" | "it hon" | "below" | "less than" => Ok(Comparison::Below),
        "dat" | "bang" | "equal" => Ok(Comparison::Equal),
        "xep hang" | "top" | "hang" | "thu hang" | "rank" => Ok(Comparison::Rank),
        "co khong" | "co hay khong" | "dat khong dat" | "yes no" | "boolean" => {
            Ok(Comparison::YesNo)
        }
        _ => Err(ValueError::new(
            format!("“{}” không phải là một cách so sánh", raw.trim()),
            "dùng một trong: tối thiểu, trên, tối đa, dưới, đạt, xếp hạng, có/không",
        )),
    }
}

/// A task's reported status. "Overdue" is never written: it is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Completed,
    Paused,
}

impl TaskStatus {
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Chưa bắt đầu",
            TaskStatus::InProgress => "Đang thực hiện",
            TaskStatus::Completed => "Hoàn thành",
            TaskStatus::Paused => "Tạm dừng",
        }
    }
}

/// Reads a task status.
pub fn parse_status(raw: &str) -> Result<TaskStatus, ValueError> {
    match key(raw).as_str() {
        "chua bat dau" | "chua thuc hien" | "chua trien khai" | "not started" => {
            Ok(TaskStatus::NotStarted)
        }
        "dang thuc hien" | "dang trien khai" | "dang lam" | "in progress" => {
            Ok(TaskStatus::InProgress)
        }
        "hoan thanh" | "da hoan thanh" | "xong" | "done" | "completed" => Ok(TaskStatus::Completed),
        "tam dung" | "tam hoan" | "dung" | "paused" | "on hold" => Ok(TaskStatus::Paused),
        "qua han" | "cham" | "tre han" => Err(ValueError::new(
            format!("“{}” không phải là trạng thái nhập tay", raw.trim()),
            "quá hạn được tính tự động từ thời hạn; hãy ghi trạng thái thực tế: chưa bắt đầu, đang thực hiện, hoàn thành hoặc tạm dừng",
        )),
        _ => Err(ValueError::new(
            format!("“{}” không phải là trạng thái nhiệm vụ", raw.trim()),
            "dùng một trong: chưa bắt đầu, đang thực hiện, hoàn thành, tạm dừng",
        )),
    }
}

/// Whether a DTI score is the unit's own assessment or the province's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScoreKind {
    SelfAssessed,
    Official,
}

impl ScoreKind {
    pub fn label(self) -> &'static str {
        match self {
            ScoreKind::SelfAssessed => "tự đánh giá",
            ScoreKind::Official => "chính thức",
        }
    }
}

/// Reads a score kind: `tự đánh giá` / `chính thức`.
pub fn parse_score_kind(raw: &str) -> Result<ScoreKind, ValueError> {
    match key(raw).as_str() {
        "tu danh gia" | "tu cham" | "tu cham diem" | "self" | "self assessed" => {
            Ok(ScoreKind::SelfAssessed)
        }
        "chinh thuc" | "tham dinh" | "official" => Ok(ScoreKind::Official),
        _ => Err(ValueError::new(
            format!("“{}” không phải là loại điểm", raw.trim()),
            "viết “tự đánh giá” hoặc “chính thức”",
        )),
    }
}

/// Splits a list of unit names on `;` or `,` (also new lines), trimming
/// each and dropping empty parts.
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split([';', ',', '\n'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits a cell of unit names on `;` (and new lines) only: a comma may be
/// part of a name ("Ban Chỉ đạo, Tổ giúp việc").
pub fn split_units(raw: &str) -> Vec<String> {
    raw.split([';', '\n'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn yes_no_words() {
        for t in [
            "có", "Có", "CO", "x", "X", "✓", "đạt", "Đã có", "yes", "1", "true",
        ] {
            assert_eq!(parse_yes_no(t), Ok(true), "{t}");
        }
        for t in [
            "không",
            "Không",
            "khong",
            "chưa",
            "Chưa đạt",
            "no",
            "0",
            "false",
        ] {
            assert_eq!(parse_yes_no(t), Ok(false), "{t}");
        }
        assert_eq!(
            parse_yes_no("có lẽ").unwrap_err().message,
            "“có lẽ” không phải là có/không"
        );
    }

    #[test]
    fn comparison_words() {
        let cases = [
            ("tối thiểu", Comparison::AtLeast),
            ("Ít nhất", Comparison::AtLeast),
            ("≥", Comparison::AtLeast),
            (">=", Comparison::AtLeast),
            ("trên", Comparison::Above),
            (">", Comparison::Above),
            ("tối đa", Comparison::AtMost),
            ("Không quá", Comparison::AtMost),
            ("≤", Comparison::AtMost),
            ("dưới", Comparison::Below),
            ("<", Comparison::Below),
            ("đạt", Comparison::Equal),
            ("bằng", Comparison::Equal),
            ("=", Comparison::Equal),
            ("xếp hạng", Comparison::Rank),
            ("Top", Comparison::Rank),
            ("có/không", Comparison::YesNo),
            ("Có - Không", Comparison::YesNo),
        ];
        for (t, want) in cases {
            assert_eq!(parse_comparison(t), Ok(want), "{t}");
            assert_eq!(parse_comparison(want.label()), Ok(want));
        }
        assert!(parse_comparison("gấp đôi").is_err());
    }

    #[test]
    fn statuses_and_kinds() {
        assert_eq!(parse_status("Đang thực hiện"), Ok(TaskStatus::InProgress));
        assert_eq!(parse_status("hoàn thành"), Ok(TaskStatus::Completed));
        assert_eq!(parse_status("Chưa bắt đầu"), Ok(TaskStatus::NotStarted));
        assert_eq!(parse_status("tạm dừng"), Ok(TaskStatus::Paused));
        assert!(
            parse_status("Quá hạn")
                .unwrap_err()
                .hint
                .unwrap()
                .contains("tự động")
        );
        assert_eq!(parse_score_kind("Tự đánh giá"), Ok(ScoreKind::SelfAssessed));
        assert_eq!(parse_score_kind("chính thức"), Ok(ScoreKind::Official));
    }

    #[test]
    fn lists_split_on_semicolons_and_commas() {
        assert_eq!(
            split_list("Phòng Văn hóa - Xã hội; UBND xã ,  Công an xã;;"),
            vec!["Phòng Văn hóa - Xã hội", "UBND xã", "Công an xã"]
        );
        assert!(split_list(" ; ").is_empty());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = parse_yes_no(&s);
            let _ = parse_comparison(&s);
            let _ = parse_status(&s);
            let _ = parse_score_kind(&s);
            let _ = split_list(&s);
        }
    }
}
