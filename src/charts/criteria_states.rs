//! The criteria checklist (Kế hoạch 02-KH/BCĐTW) by status: for one unit, a
//! bar per status (Xanh, Vàng, Đỏ) with its count and share; for several
//! units, one stacked bar per unit with the counts written under it
//! ("92/92 Xanh"). Each status has a colour, a pattern and its word.

use super::palette::{GREEN, ORANGE, ORANGE_DARK, Paint, Pattern, VERMILLION};
use super::state_bars;
use super::svg;
use super::table::{Column, Table};
use super::words::Words;
use super::{Chart, chart_id};
use crate::text::numbers::{format_integer, format_percent};
use std::sync::Arc;

/// Criteria counts by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LightCounts {
    pub green: u32,
    pub yellow: u32,
    pub red: u32,
}

impl LightCounts {
    fn states<'a>(&self, w: &'a Words) -> [(u32, Paint, &'a str); 3] {
        [
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

    fn total(&self) -> u64 {
        u64::from(self.green) + u64::from(self.yellow) + u64::from(self.red)
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
    let id = chart_id(&input.id);
    let desc = describe(input);
    let table_html = table(input);
    let total: u64 = input.groups.iter().map(|g| g.counts.total()).sum();
    let svg = if total == 0 {
        svg::empty_svg(&id, &input.title, input.words.get("chart_no_data"))
    } else if input.groups.len() == 1 {
        single(&id, input, &desc)
    } else {
        stacked(&id, input, &desc)
    };
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

fn int(v: u64) -> String {
    format_integer(v as i64)
}

fn share(count: u32, total: u64) -> String {
    if total == 0 {
        "–".to_owned()
    } else {
        format_percent(100.0 * f64::from(count) / total as f64, 1)
    }
}

fn single(id: &str, input: &CriteriaStates, desc: &str) -> String {
    let counts = input.groups[0].counts;
    let total = counts.total();
    let states = counts.states(&input.words);
    let texts: Vec<String> = states
        .iter()
        .map(|s| format!("{}/{} ({})", int(s.0.into()), int(total), share(s.0, total)))
        .collect();
    state_bars::single(id, &states, &texts, &input.title, desc)
}

fn stacked(id: &str, input: &CriteriaStates, desc: &str) -> String {
    let w = &*input.words;
    let groups: Vec<(&str, Vec<state_bars::State>, Vec<String>)> = input
        .groups
        .iter()
        .map(|group| {
            let total = group.counts.total();
            let mut parts: Vec<String> = group
                .counts
                .states(w)
                .iter()
                .filter(|s| s.0 > 0)
                .map(|(count, _, label)| format!("{}/{} {label}", int((*count).into()), int(total)))
                .collect();
            if parts.is_empty() {
                parts.push(w.get("chart_no_criteria").to_owned());
            }
            (group.label.as_str(), group.counts.states(w).to_vec(), parts)
        })
        .collect();
    let legend = LightCounts::default().states(w);
    state_bars::stacked(id, &legend, &groups, &input.title, desc)
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
        .map(|s| format!("{}/{} {}", int(s.0.into()), int(total), s.2))
        .collect();
    let mut desc = w.fmt(
        "chart_desc_criteria",
        &[("n", &int(total)), ("parts", &parts.join(", "))],
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
                ("n", &int(all_green as u64)),
                ("total", &int(input.groups.len() as u64)),
            ],
        ));
    }
    desc.push('.');
    desc
}

fn table(input: &CriteriaStates) -> String {
    let w = &*input.words;
    if input.groups.len() == 1 {
        let counts = input.groups[0].counts;
        let total = counts.total();
        let mut table = Table::new(
            &input.title,
            vec![
                Column::text(w.get("chart_col_status")),
                Column::num(w.get("chart_col_criteria")),
                Column::num(w.get("chart_col_share")),
            ],
        )
        .no_data(w.get("chart_no_data"));
        for (count, _, label) in counts.states(w) {
            table.row(vec![
                label.to_owned(),
                int(count.into()),
                share(count, total),
            ]);
        }
        table.footer(vec![
            w.get("chart_col_total").to_owned(),
            int(total),
            String::new(),
        ]);
        return table.render();
    }
    let mut columns = vec![Column::text(w.get("chart_col_unit"))];
    columns.extend(
        LightCounts::default()
            .states(w)
            .iter()
            .map(|s| Column::num(s.2)),
    );
    columns.push(Column::num(w.get("chart_col_total")));
    let mut table = Table::new(&input.title, columns).no_data(w.get("chart_no_data"));
    for group in &input.groups {
        let mut row = vec![group.label.clone()];
        row.extend(group.counts.states(w).iter().map(|s| int(s.0.into())));
        row.push(int(group.counts.total()));
        table.row(row);
    }
    table.render()
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
