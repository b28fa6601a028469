//! Whether a target is met: the state ("Đạt", "Chưa đạt", "Chưa có số
//! liệu") of a value against its target in the data's own direction (at
//! least, above, at most, below, equal, rank, yes/no), with its word, paint
//! and text colour.

use crate::charts::finite;
use crate::charts::palette::{GREEN_TEXT, MET, MUTED, NO_DATA, NOT_MET, Paint, VERMILLION_TEXT};
use crate::charts::words::Words;
use crate::data::values::Comparison;

/// Whether a target is achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetState {
    /// "Đạt".
    Met,
    /// "Chưa đạt".
    NotMet,
    /// "Chưa có số liệu": no value yet (never drawn as zero).
    NoData,
}

impl TargetState {
    /// The Vietnamese word for the state.
    pub fn label(self) -> &'static str {
        match self {
            TargetState::Met => "Đạt",
            TargetState::NotMet => "Chưa đạt",
            TargetState::NoData => "Chưa có số liệu",
        }
    }

    /// The word for the state in `words`' language.
    pub(crate) fn word(self, words: &Words) -> &str {
        words.get(match self {
            TargetState::Met => "chart_met",
            TargetState::NotMet => "chart_not_met",
            TargetState::NoData => "chart_no_data",
        })
    }

    pub(crate) fn paint(self) -> Paint {
        match self {
            TargetState::Met => MET,
            TargetState::NotMet => NOT_MET,
            TargetState::NoData => NO_DATA,
        }
    }

    pub(crate) fn text_colour(self) -> &'static str {
        match self {
            TargetState::Met => GREEN_TEXT,
            TargetState::NotMet => VERMILLION_TEXT,
            TargetState::NoData => MUTED,
        }
    }
}

/// The state of `value` against `target`. NaN and infinite values count as
/// missing; a missing or NaN target (other than for yes/no) gives `NoData`.
pub fn evaluate(value: Option<f64>, target: f64, comparison: Comparison) -> TargetState {
    let Some(value) = finite(value) else {
        return TargetState::NoData;
    };
    if comparison == Comparison::YesNo {
        return if value != 0.0 {
            TargetState::Met
        } else {
            TargetState::NotMet
        };
    }
    if !target.is_finite() {
        return TargetState::NoData;
    }
    let met = match comparison {
        Comparison::AtLeast => value >= target,
        Comparison::Above => value > target,
        Comparison::AtMost | Comparison::Rank => value <= target,
        Comparison::Below => value < target,
        Comparison::Equal => (value - target).abs() <= 1e-9 * target.abs().max(1.0),
        Comparison::YesNo => unreachable!("handled above"),
    };
    if met {
        TargetState::Met
    } else {
        TargetState::NotMet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluates_directions() {
        assert_eq!(
            evaluate(Some(95.5), 100.0, Comparison::AtLeast),
            TargetState::NotMet
        );
        assert_eq!(
            evaluate(Some(100.0), 100.0, Comparison::AtLeast),
            TargetState::Met
        );
        assert_eq!(
            evaluate(Some(100.0), 100.0, Comparison::Above),
            TargetState::NotMet
        );
        assert_eq!(evaluate(Some(3.0), 5.0, Comparison::Rank), TargetState::Met);
        assert_eq!(
            evaluate(Some(5.0), 5.0, Comparison::Equal),
            TargetState::Met
        );
        assert_eq!(
            evaluate(Some(5.5), 5.0, Comparison::Equal),
            TargetState::NotMet
        );
        assert_eq!(
            evaluate(Some(2.0), 2.0, Comparison::Below),
            TargetState::NotMet
        );
        assert_eq!(
            evaluate(Some(0.0), f64::NAN, Comparison::YesNo),
            TargetState::NotMet
        );
        assert_eq!(
            evaluate(Some(f64::NAN), 1.0, Comparison::AtLeast),
            TargetState::NoData
        );
        assert_eq!(
            evaluate(None, 1.0, Comparison::AtLeast),
            TargetState::NoData
        );
    }
}
