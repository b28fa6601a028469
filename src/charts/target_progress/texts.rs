//! The words written for a target: its value ("95,5 %", "Đã có", "hạng 3"),
//! its goal in the data's direction ("tối thiểu 100 %", "tối đa 2 giờ") and
//! the pair shown beside the bar.

use super::TargetItem;
use crate::charts::finite;
use crate::charts::labels::with_unit;
use crate::charts::words::Words;
use crate::data::values::Comparison;

pub(super) fn value_text(item: &TargetItem, w: &Words) -> String {
    let value = finite(item.value);
    if let (None, Some(text)) = (value, &item.value_label) {
        return text.clone();
    }
    match item.comparison {
        Comparison::YesNo => match value {
            Some(v) if v != 0.0 => w.get("chart_yes").to_owned(),
            Some(_) => w.get("chart_no").to_owned(),
            None => "–".to_owned(),
        },
        Comparison::Rank => value.map_or_else(
            || "–".to_owned(),
            |v| w.fmt("chart_rank_value", &[("n", &with_unit(w, v, 2, ""))]),
        ),
        _ => value.map_or_else(|| "–".to_owned(), |v| with_unit(w, v, 2, &item.unit)),
    }
}

pub(super) fn target_text(item: &TargetItem, w: &Words) -> String {
    let amount = || with_unit(w, item.target, 2, &item.unit);
    if !item.target.is_finite() && item.comparison != Comparison::YesNo {
        return "–".to_owned();
    }
    let key = match item.comparison {
        Comparison::AtLeast => "chart_goal_at_least",
        Comparison::Above => "chart_goal_above",
        Comparison::AtMost => "chart_goal_at_most",
        Comparison::Below => "chart_goal_below",
        Comparison::Equal => "chart_goal_equal",
        Comparison::Rank => {
            return w.fmt(
                "chart_goal_rank",
                &[("n", &with_unit(w, item.target, 2, ""))],
            );
        }
        Comparison::YesNo => return w.get("chart_goal_yes").to_owned(),
    };
    w.fmt(key, &[("n", &amount())])
}

/// Text written beside the bar: "95,5 % / 100 %".
pub(super) fn pair_text(item: &TargetItem, w: &Words) -> String {
    format!("{} / {}", value_text(item, w), target_text(item, w))
}
