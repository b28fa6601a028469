//! Pure parsers for the values officers type into spreadsheets: Vietnamese and
//! English numbers, yes/no words, dates, periods, deadlines, comparison kinds,
//! task statuses and unit lists. Each returns a [`ValueError`] with a
//! Vietnamese message (naming the offending text) and a hint on how to fix it.

mod date;
mod light;
mod number;
mod period;
mod recurrence;
mod words;

pub use date::{excel_serial_to_date, parse_date};
pub use light::{Light, parse_light};
pub use number::{NumberStyle, parse_number};
pub use period::{Deadline, Period, parse_deadline, parse_period};
pub use recurrence::{Frequency, Occurrence, Recurrence, parse_recurrence, parse_reports};
pub use words::{
    Comparison, ScoreKind, TaskStatus, parse_comparison, parse_score_kind, parse_status,
    parse_yes_no, split_list, split_units,
};

/// Why a value could not be read, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// What is wrong, naming the offending text.
    pub message: String,
    /// How to write it instead.
    pub hint: Option<String>,
}

impl ValueError {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// Removes every kind of space (including the non-breaking ones Excel and
/// Word insert) from `s`.
/// Borrows `s` when it has none (the usual case: no copy).
pub(crate) fn squeeze_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    let space = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}';
    if !s.contains(space) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().filter(|&c| !space(c)).collect())
}
