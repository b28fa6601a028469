//! The criteria checklist (Kế hoạch 02-KH/BCĐTW) by status: for one unit, a
//! bar per status (Xanh, Vàng, Đỏ) with its count and share; for several
//! units, one stacked bar per unit with the counts written under it
//! ("92/92 Xanh"). Each status has a colour, a pattern and its word.

use super::Chart;
use super::palette::{GREEN, ORANGE, ORANGE_DARK, Paint, Pattern, VERMILLION};
use super::state_bars::State;
use super::state_counts::{self, StateCounts, int, share};
use super::words::Words;
use std::sync::Arc;

/// Criteria counts by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LightCounts {
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
}

impl StateCounts for LightCounts {
    fn states<'a>(&self, w: &'a Words) -> Vec<State<'a>> {
        vec![
            (self.green, Paint::solid(GREEN), w.get("chart_light_green")),
            (
                self.yellow,
                Paint::patterned(ORANGE, Pattern::Dots).with_outline(ORANGE_DARK),
                w.get("chart_light_yellow"),
            ),
            (
                self.red,
                Paint::patterned(VERMILLION, Pattern::Cross),
                w.get("chart_light_red"),
            ),
        ]
    }
}

/// The criteria of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CriteriaGroup {
    /// The unit's name; may be empty when there is only one.
    pub label: String,
    pub counts: LightCounts,
}

/// Input of [`criteria_states`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CriteriaStates {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title.
    pub title: String,
    /// The wording (status names, description, table headers).
    pub words: Arc<Words>,
    /// One group: a bar per status; several: a stacked bar per group.
    pub groups: Vec<CriteriaGroup>,
}

/// Criteria counts by status, optionally per unit.
pub fn criteria_states(input: &CriteriaStates) -> Chart {
    let groups: Vec<(&str, LightCounts)> = input
        .groups
        .iter()
        .map(|g| (g.label.as_str(), g.counts))
        .collect();
    let w = &*input.words;
    state_counts::chart(
        w,
        &input.id,
        &input.title,
        describe(input),
        w.get("chart_col_criteria"),
        &groups,
        |count, total| {
            format!(
                "{}/{} ({})",
                int(w, count.into()),
                int(w, total),
                share(w, count, total)
            )
        },
        |counts| {
            let total = counts.total();
            let parts: Vec<String> = counts
                .states(w)
                .iter()
                .filter(|s| s.0 > 0)
                .map(|(count, _, label)| {
                    format!("{}/{} {label}", int(w, (*count).into()), int(w, total))
                })
                .collect();
            if parts.is_empty() {
                vec![w.get("chart_no_criteria").to_owned()]
            } else {
                parts
            }
        },
    )
}

fn describe(input: &CriteriaStates) -> String {
    let w = &*input.words;
    let mut sum = LightCounts::default();
    for g in &input.groups {
        sum.green += g.counts.green;
        sum.yellow += g.counts.yellow;
        sum.red += g.counts.red;
    }
    let total = sum.total();
    if total == 0 {
        return format!("{}.", w.get("chart_no_data"));
    }
    let parts: Vec<String> = sum
        .states(w)
        .iter()
        .map(|s| format!("{}/{} {}", int(w, s.0.into()), int(w, total), s.2))
        .collect();
    let mut desc = w.fmt(
        "chart_desc_criteria",
        &[("n", &int(w, total)), ("parts", &parts.join(", "))],
    );
    if input.groups.len() > 1 {
        let all_green = input
            .groups
            .iter()
            .filter(|g| g.counts.total() > 0 && g.counts.green as u64 == g.counts.total())
            .count();
        desc.push_str("; ");
        desc.push_str(&w.fmt(
            "chart_desc_all_green",
            &[
                ("n", &int(w, all_green as u64)),
                ("total", &int(w, input.groups.len() as u64)),
            ],
        ));
    }
    desc.push('.');
    desc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{
        check_chart, check_deterministic, check_escaped, check_small, hostile,
    };

    fn counts(green: u32, yellow: u32, red: u32) -> LightCounts {
        LightCounts { green, yellow, red }
    }

    #[test]
    fn one_unit_shows_each_status_in_words() {
        let chart = criteria_states(&CriteriaStates {
            words: Default::default(),
            id: "tieu-chi".into(),
            title: "Tiêu chí theo trạng thái".into(),
            groups: vec![CriteriaGroup {
                label: String::new(),
                counts: counts(92, 0, 0),
            }],
        });
        check_chart(&chart, "tieu-chi");
        assert_eq!(chart.desc, "92 tiêu chí: 92/92 Xanh, 0/92 Vàng, 0/92 Đỏ.");
        for word in ["Xanh", "Vàng", "Đỏ", "92/92 (100\u{a0}%)"] {
            assert!(chart.svg.contains(word), "{word}");
        }
        assert!(chart.table_html.contains("<td class=\"num\">92</td>"));
    }

    #[test]
    fn units_are_stacked_with_a_legend() {
        let input = CriteriaStates {
            words: Default::default(),
            id: "don-vi".into(),
            title: "Tiêu chí theo đơn vị".into(),
            groups: vec![
                CriteriaGroup {
                    label: "Phường Sông Trí".into(),
                    counts: counts(10, 0, 0),
                },
                CriteriaGroup {
                    label: hostile(),
                    counts: counts(6, 3, 1),
                },
            ],
        };
        let chart = criteria_states(&input);
        check_chart(&chart, "don-vi");
        check_small(&chart);
        check_escaped(&chart);
        assert!(chart.svg.contains("10/10 Xanh"));
        assert!(chart.svg.contains("1/10 Đỏ"));
        assert!(
            chart.desc.ends_with("1/2 đơn vị có mọi tiêu chí Xanh."),
            "{}",
            chart.desc
        );
        check_deterministic(|| criteria_states(&input));
        let empty = criteria_states(&CriteriaStates::default());
        assert!(empty.svg.contains("Chưa có số liệu"));
    }
}
