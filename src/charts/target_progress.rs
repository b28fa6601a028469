//! Progress of several targets (chỉ tiêu): one horizontal bar per target,
//! each on its own scale, with a marker at the target, the value and the
//! target written beside the bar ("95,5 % / 100 %") and the state in words
//! ("Đạt", "Chưa đạt", "Chưa có số liệu"), in colour and with a pattern.
//! Handles "lower is better" targets (at most, below, rank) and yes/no ones.

mod bar;
mod state;
mod texts;

use super::labels::text_width;
use super::svg::{self, Anchor, FONT, PAD, SMALL, Svg, TextStyle, WIDTH, line_height};
use super::table::{Column, Table};
use bar::{BAR, draw_bar};
use std::sync::Arc;
use texts::{pair_text, target_text, value_text};

use super::words::Words;
use super::{Chart, chart_id, finite};

/// How a value is compared with its target: the data's own type.
pub use crate::data::values::Comparison;
pub use state::{TargetState, evaluate};

/// One target and its latest value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetItem {
    /// The target's statement, e.g. "Tỷ lệ hộ gia đình có cáp quang".
    pub label: String,
    /// The measured value; `None` (or NaN) means no data yet.
    pub value: Option<f64>,
    /// The target value (ignored for yes/no targets).
    pub target: f64,
    /// The unit written after numbers: "%", "hồ sơ", "giờ"; may be empty.
    pub unit: String,
    /// How the value is compared with the target.
    pub comparison: Comparison,
    /// The state when the caller has decided it; `None` computes it with
    /// [`evaluate`].
    pub state: Option<TargetState>,
    /// The caller's exact word for the state ("Sắp đến hạn"), so that the
    /// chart says what the page's list says; `None`: the state's word.
    pub state_label: Option<String>,
    /// The caller's text for a result that is not one number ("9/14 địa
    /// phương đạt"); shown instead of "Chưa có số liệu" when there is no value.
    pub value_label: Option<String>,
}

impl TargetItem {
    /// The word shown for the item's state.
    fn state_word<'a>(&'a self, state: TargetState, words: &'a Words) -> &'a str {
        self.state_label
            .as_deref()
            .unwrap_or_else(|| state.word(words))
    }

    /// The state shown for this item.
    pub fn state(&self) -> TargetState {
        self.state
            .unwrap_or_else(|| evaluate(self.value, self.target, self.comparison))
    }
}

/// Input of [`target_progress`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetProgress {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title, e.g. "Kết quả thực hiện chỉ tiêu năm 2025".
    pub title: String,
    /// The targets, in the order to show them.
    pub items: Vec<TargetItem>,
    /// The chart's wording (Vietnamese by default).
    pub words: Arc<Words>,
}

/// The space between two targets.
const ROW_GAP: f64 = 14.0;

/// Horizontal progress bars for several targets.
pub fn target_progress(input: &TargetProgress) -> Chart {
    let id = chart_id(&input.id);
    let states: Vec<TargetState> = input.items.iter().map(TargetItem::state).collect();
    let desc = describe(input, &states);
    let table_html = table(input, &states);
    let w = &*input.words;
    if input.items.is_empty() {
        return Chart::empty(id, &input.title, desc, table_html, w.get("chart_no_data"));
    }

    let pairs: Vec<String> = input.items.iter().map(|i| pair_text(i, w)).collect();
    let widest = pairs
        .iter()
        .map(|p| text_width(p, SMALL))
        .fold(0.0, f64::max);
    let full = WIDTH - 2.0 * PAD;
    // The value column sits right of the bars unless it would squeeze them;
    // then every value goes on its own line under its bar.
    let beside = widest + 10.0 <= full * 0.42;
    let bar_width = if beside { full - widest - 10.0 } else { full };

    let mut svg = Svg::new(&id);
    let lh = line_height(FONT);
    let mut y = PAD;
    for ((item, state), pair) in input.items.iter().zip(&states).zip(&pairs) {
        // Label on the left, state word right-aligned on the first line.
        let state_width = text_width(item.state_word(*state, w), SMALL) + 12.0;
        let lines = svg.label(
            PAD,
            y + FONT,
            &item.label,
            full - state_width,
            svg::ALL_LINES,
            TextStyle::LABEL,
        );
        svg.text(
            WIDTH - PAD,
            y + FONT,
            item.state_word(*state, w),
            TextStyle::SMALL
                .anchor(Anchor::End)
                .bold()
                .colour(state.text_colour()),
        );
        let bar_y = y + lines as f64 * lh + 6.0;
        draw_bar(&mut svg, item, *state, PAD, bar_y, bar_width);
        let mut bottom = bar_y + BAR;
        if beside {
            svg.text(
                PAD + bar_width + 10.0,
                bar_y + BAR - 3.0,
                pair,
                TextStyle::SMALL,
            );
        } else {
            svg.text(PAD, bottom + SMALL + 4.0, pair, TextStyle::SMALL);
            bottom += SMALL + 6.0;
        }
        y = bottom + ROW_GAP;
    }
    let svg = svg.finish(y - ROW_GAP + PAD, &input.title, &desc);
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

fn describe(input: &TargetProgress, states: &[TargetState]) -> String {
    let w = &*input.words;
    if input.items.is_empty() {
        return format!("{}.", w.get("chart_no_data"));
    }
    let count = |s: TargetState| states.iter().filter(|&&x| x == s).count();
    let total = states.len().to_string();
    let met = count(TargetState::Met).to_string();
    let mut desc = w.fmt(
        "chart_desc_targets_met",
        &[("met", &met), ("total", &total)],
    );
    let not_met = count(TargetState::NotMet);
    if not_met > 0 {
        desc.push_str("; ");
        desc.push_str(&w.fmt("chart_desc_not_met", &[("n", &not_met.to_string())]));
    }
    let no_data = count(TargetState::NoData);
    if no_data > 0 {
        desc.push_str("; ");
        desc.push_str(&w.fmt("chart_desc_no_data", &[("n", &no_data.to_string())]));
    }
    // "Highest" only makes sense when the values share a unit and a direction.
    let with_values: Vec<&TargetItem> = input
        .items
        .iter()
        .filter(|i| finite(i.value).is_some() && i.comparison != Comparison::YesNo)
        .collect();
    let same_unit = with_values.windows(2).all(|w| w[0].unit == w[1].unit);
    let higher_better = with_values.iter().all(|i| !i.comparison.lower_is_better());
    if same_unit && higher_better {
        let best = with_values
            .iter()
            .fold(None::<&TargetItem>, |best, item| match best {
                Some(b) if finite(b.value) >= finite(item.value) => Some(b),
                _ => Some(item),
            });
        if let Some(best) = best {
            desc.push_str("; ");
            desc.push_str(&w.fmt(
                "chart_desc_highest",
                &[("label", &best.label), ("value", &value_text(best, w))],
            ));
        }
    }
    desc.push('.');
    desc
}

fn table(input: &TargetProgress, states: &[TargetState]) -> String {
    let w = &*input.words;
    let mut table = Table::new(
        &input.title,
        vec![
            Column::text(w.get("chart_col_target")),
            Column::num(w.get("chart_col_result")),
            Column::num(w.get("chart_col_goal")),
            Column::text(w.get("chart_col_state")),
        ],
    )
    .no_data(w.get("chart_no_data"));
    for (item, state) in input.items.iter().zip(states) {
        let value = if finite(item.value).is_none() && item.value_label.is_none() {
            w.get("chart_no_data").to_owned()
        } else {
            value_text(item, w)
        };
        table.row(vec![
            item.label.clone(),
            value,
            target_text(item, w),
            item.state_word(*state, w).to_owned(),
        ]);
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{
        check_chart, check_deterministic, check_escaped, check_labels_clear, check_small, hostile,
        view_height,
    };

    fn item(label: &str, value: Option<f64>, target: f64, unit: &str) -> TargetItem {
        TargetItem {
            label: label.into(),
            value,
            target,
            unit: unit.into(),
            ..TargetItem::default()
        }
    }

    fn sample() -> TargetProgress {
        TargetProgress {
            id: "chi-tieu-2025".into(),
            title: "Kết quả thực hiện chỉ tiêu năm 2025".into(),
            items: vec![
                item(
                    "Tỷ lệ hộ gia đình có đường Internet cáp quang",
                    Some(99.8),
                    100.0,
                    "%",
                ),
                item(
                    "Tỷ lệ người trưởng thành có điện thoại thông minh",
                    Some(95.5),
                    95.0,
                    "%",
                ),
                item("Số lớp tập huấn kỹ năng số", Some(5.0), 6.0, "lớp"),
                item("Tỷ lệ hồ sơ trực tuyến toàn trình", None, 80.0, "%"),
                TargetItem {
                    comparison: Comparison::Rank,
                    ..item("Xếp hạng DTI trong tỉnh", Some(3.0), 5.0, "")
                },
                TargetItem {
                    comparison: Comparison::YesNo,
                    ..item("Phủ sóng 5G trung tâm xã", Some(1.0), 1.0, "")
                },
                TargetItem {
                    comparison: Comparison::AtMost,
                    ..item("Thời gian xử lý hồ sơ", Some(2.5), 2.0, "giờ")
                },
            ],
            words: Default::default(),
        }
    }

    #[test]
    fn renders_values_states_and_table() {
        let chart = target_progress(&sample());
        check_chart(&chart, "chi-tieu-2025");
        check_small(&chart);
        for needle in [
            "99,8\u{a0}% / tối thiểu 100\u{a0}%",
            "5\u{a0}lớp / tối thiểu 6\u{a0}lớp",
            "hạng 3 / nhóm 5 đứng đầu",
            "Đã có / có",
            "2,5\u{a0}giờ / tối đa 2\u{a0}giờ",
            "– / tối thiểu 80\u{a0}%",
            "Chưa có số liệu",
            "Chưa đạt",
        ] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert!(
            chart
                .desc
                .starts_with("Đạt 3/7 chỉ tiêu; chưa đạt: 3; chưa có số liệu: 1")
        );
        assert!(
            chart
                .table_html
                .contains("<td class=\"num\">Chưa có số liệu</td>")
        );
        // Missing values are not drawn as a zero-length bar of "0".
        assert!(!chart.svg.contains(">0\u{a0}%"));
    }

    #[test]
    fn desc_names_the_highest_when_units_agree() {
        let input = TargetProgress {
            id: "x".into(),
            title: "T".into(),
            items: vec![
                item("Tỷ lệ hộ có cáp quang", Some(99.8), 100.0, "%"),
                item("Tỷ lệ có điện thoại thông minh", Some(99.2), 95.0, "%"),
            ],
            words: Default::default(),
        };
        assert_eq!(
            target_progress(&input).desc,
            "Đạt 1/2 chỉ tiêu; chưa đạt: 1; cao nhất: Tỷ lệ hộ có cáp quang 99,8\u{a0}%."
        );
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let mut input = sample();
        input.items[0].label = hostile();
        input.items[1].unit = "<b>".into();
        input.title = hostile();
        let chart = target_progress(&input);
        check_chart(&chart, "chi-tieu-2025");
        check_escaped(&chart);
        assert!(chart.svg.contains("&lt;b&gt;"));
        check_deterministic(|| target_progress(&input));
        // No label on a line or on another label.
        check_labels_clear(&target_progress(&input));
    }

    #[test]
    fn edge_cases() {
        let empty = TargetProgress {
            id: "e".into(),
            title: "T".into(),
            items: vec![],
            words: Default::default(),
        };
        let chart = target_progress(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));

        let one = TargetProgress {
            items: vec![item("A", Some(0.0), 0.0, "")],
            ..empty.clone()
        };
        check_chart(&target_progress(&one), "e");

        let many = TargetProgress {
            items: (0..50)
                .map(|i| item(&format!("Chỉ tiêu {i}"), Some(i as f64 - 10.0), 20.0, "%"))
                .collect(),
            ..empty.clone()
        };
        let big = target_progress(&many);
        check_chart(&big, "e");
        assert!(view_height(&big.svg) > 2000.0);

        let huge = TargetProgress {
            items: vec![
                item("Vốn", Some(1.5e12), 2e12, "đồng"),
                item("NaN", Some(f64::NAN), 1.0, ""),
            ],
            ..empty
        };
        let chart = target_progress(&huge);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("1.500.000.000.000\u{a0}đồng"));
    }
}
