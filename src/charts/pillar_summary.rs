//! Targets per pillar (trụ cột): one stacked horizontal bar per pillar with
//! the counts "đạt / chưa đạt / chưa có số liệu", a legend, and the counts
//! written under each bar so colour is never the only carrier.

use super::labels::flow;
use super::palette::{MET, NO_DATA, NOT_MET, Paint};
use super::svg::{self, FONT, PAD, SMALL, Svg, Swatch, TextStyle, WIDTH, line_height};
use super::table::{Column, Table};
use std::sync::Arc;

use super::words::Words;
use super::{Chart, chart_id};

/// The counts of one pillar.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PillarCounts {
    /// The pillar's name: "Chính quyền số", "Hạ tầng số", …
    pub label: String,
    /// Targets achieved.
    pub met: u32,
    /// Targets not achieved.
    pub not_met: u32,
    /// Targets without data.
    pub no_data: u32,
}

impl PillarCounts {
    fn total(&self) -> u64 {
        u64::from(self.met) + u64::from(self.not_met) + u64::from(self.no_data)
    }
}

/// Input of [`pillar_summary`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PillarSummary {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title.
    pub title: String,
    /// The pillars, in the order to show them.
    pub pillars: Vec<PillarCounts>,
    /// The chart's wording (Vietnamese by default).
    pub words: Arc<Words>,
}

const BAR: f64 = 20.0;

fn segments<'a>(p: &PillarCounts, w: &'a Words) -> [(u32, Paint, &'a str); 3] {
    [
        (p.met, MET, w.get("chart_met")),
        (p.not_met, NOT_MET, w.get("chart_not_met")),
        (p.no_data, NO_DATA, w.get("chart_no_data")),
    ]
}

/// Stacked bars of target states per pillar.
pub fn pillar_summary(input: &PillarSummary) -> Chart {
    let id = chart_id(&input.id);
    let desc = describe(input);
    let table_html = table(input);
    let w = &*input.words;
    if input.pillars.is_empty() {
        return Chart::empty(id, &input.title, desc, table_html, w.get("chart_no_data"));
    }
    let full = WIDTH - 2.0 * PAD;
    // Bars share one scale: the largest pillar fills the width.
    let max_total = input
        .pillars
        .iter()
        .map(PillarCounts::total)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = Svg::new(&id);
    let legend: Vec<(Swatch, &str)> = segments(&PillarCounts::default(), w)
        .iter()
        .map(|&(_, paint, label)| (Swatch::Box(paint), label))
        .collect();
    let mut y = PAD + svg.legend(&legend, PAD, PAD, full) + 6.0;
    let lh = line_height(FONT);
    for pillar in &input.pillars {
        let lines = svg.label(
            PAD,
            y + FONT,
            &pillar.label,
            full,
            svg::ALL_LINES,
            TextStyle::LABEL.bold(),
        );
        let bar_y = y + lines as f64 * lh + 4.0;
        let total = pillar.total();
        if total == 0 {
            svg.dashed_box(PAD, bar_y, full, BAR);
        }
        let mut x = PAD;
        let mut parts = Vec::new();
        for (count, paint, label) in segments(pillar, w) {
            let width = full * f64::from(count) / max_total as f64;
            svg.rect(x, bar_y, width, BAR, paint);
            x += width;
            if count > 0 {
                parts.push(format!("{label}: {}", w.int(i64::from(count))));
            }
        }
        if parts.is_empty() {
            parts.push(w.get("chart_no_targets").to_owned());
        } else {
            parts.push(w.fmt("chart_total", &[("n", &w.int(total as i64))]));
        }
        let text_y = bar_y + BAR + SMALL + 4.0;
        let wrapped = flow(&parts, full, SMALL, svg::ALL_LINES);
        let count_lines = svg.wrapped(PAD, text_y, &wrapped, &parts.join(" · "), TextStyle::SMALL);
        y = text_y + (count_lines - 1) as f64 * line_height(SMALL) + 16.0;
    }
    let svg = svg.finish(y - 16.0 + PAD + 4.0, &input.title, &desc);
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

fn describe(input: &PillarSummary) -> String {
    let w = &*input.words;
    if input.pillars.is_empty() {
        return format!("{}.", w.get("chart_no_data"));
    }
    let met: u64 = input.pillars.iter().map(|p| u64::from(p.met)).sum();
    let total: u64 = input.pillars.iter().map(PillarCounts::total).sum();
    let mut desc = w.fmt(
        "chart_desc_pillars",
        &[
            ("met", &w.int(met as i64)),
            ("total", &w.int(total as i64)),
            ("pillars", &input.pillars.len().to_string()),
        ],
    );
    // The pillar with the best share of achieved targets (first on ties).
    let best = input.pillars.iter().filter(|p| p.total() > 0).fold(
        None::<&PillarCounts>,
        |b, p| match b {
            Some(b) if u64::from(b.met) * p.total() >= u64::from(p.met) * b.total() => Some(b),
            _ => Some(p),
        },
    );
    if met == 0 && total > 0 {
        // "Highest rate: X (0/2)" would praise a pillar for nothing.
        desc.push_str("; ");
        desc.push_str(w.get("chart_desc_none_met"));
    } else if let Some(best) = best.filter(|_| input.pillars.len() > 1) {
        desc.push_str("; ");
        desc.push_str(&w.fmt(
            "chart_desc_best_pillar",
            &[
                ("label", &best.label),
                ("met", &best.met.to_string()),
                ("total", &best.total().to_string()),
            ],
        ));
    }
    desc.push('.');
    desc
}

fn table(input: &PillarSummary) -> String {
    let w = &*input.words;
    let mut table = Table::new(
        &input.title,
        vec![
            Column::text(w.get("chart_col_pillar")),
            Column::num(w.get("chart_met")),
            Column::num(w.get("chart_not_met")),
            Column::num(w.get("chart_no_data")),
            Column::num(w.get("chart_col_total")),
        ],
    )
    .no_data(w.get("chart_no_data"));
    for p in &input.pillars {
        table.row(vec![
            p.label.clone(),
            w.int(u64::from(p.met)),
            w.int(u64::from(p.not_met)),
            w.int(u64::from(p.no_data)),
            w.int(p.total()),
        ]);
    }
    if input.pillars.len() > 1 {
        let sum = |f: fn(&PillarCounts) -> u64| w.int(input.pillars.iter().map(f).sum::<u64>());
        table.footer(vec![
            w.get("chart_grand_total").to_owned(),
            sum(|p| p.met.into()),
            sum(|p| p.not_met.into()),
            sum(|p| p.no_data.into()),
            sum(PillarCounts::total),
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

    fn pillar(label: &str, met: u32, not_met: u32, no_data: u32) -> PillarCounts {
        PillarCounts {
            label: label.into(),
            met,
            not_met,
            no_data,
        }
    }

    fn sample() -> PillarSummary {
        PillarSummary {
            words: Default::default(),
            id: "tru-cot".into(),
            title: "Chỉ tiêu theo trụ cột".into(),
            pillars: vec![
                pillar("Chính quyền số", 5, 2, 1),
                pillar("Kinh tế số", 2, 3, 0),
                pillar("Xã hội số", 4, 0, 0),
                pillar("Hạ tầng số", 0, 0, 0),
            ],
        }
    }

    #[test]
    fn renders_counts_legend_and_totals() {
        let chart = pillar_summary(&sample());
        check_chart(&chart, "tru-cot");
        check_small(&chart);
        for needle in [
            "Đạt: 5 · Chưa đạt: 2",
            "Chưa có số liệu: 1",
            "Chưa có chỉ tiêu",
        ] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert_eq!(
            chart.desc,
            "Đạt 11/17 chỉ tiêu ở 4 trụ cột; tỷ lệ đạt cao nhất: Xã hội số (4/4)."
        );
        assert!(
            chart
                .table_html
                .contains("<tfoot><tr><th scope=\"row\">Tổng cộng</th>")
        );
        check_deterministic(|| pillar_summary(&sample()));
        // No label on a line or on another label.
        check_labels_clear(&pillar_summary(&sample()));
    }

    /// Nothing achieved: the description says so instead of naming a
    /// "best" pillar at 0/2.
    #[test]
    fn nothing_achieved_is_said_plainly() {
        let input = PillarSummary {
            pillars: vec![
                pillar("Nhân lực số", 0, 2, 0),
                pillar("Chính quyền số", 0, 1, 3),
            ],
            ..sample()
        };
        let desc = pillar_summary(&input).desc;
        assert_eq!(
            desc,
            "Đạt 0/6 chỉ tiêu ở 2 trụ cột; chưa có chỉ tiêu nào đạt."
        );
        assert!(!desc.contains("cao nhất"));
    }

    #[test]
    fn hostile_and_edge_cases() {
        let mut input = sample();
        input.pillars[0].label = hostile();
        let chart = pillar_summary(&input);
        check_chart(&chart, "tru-cot");
        check_escaped(&chart);

        let empty = PillarSummary {
            words: Default::default(),
            id: "e".into(),
            title: "T".into(),
            pillars: vec![],
        };
        let chart = pillar_summary(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));

        let many = PillarSummary {
            pillars: (0..50)
                .map(|i| pillar(&format!("Trụ cột {i}"), i, 50 - i, 1))
                .collect(),
            ..empty.clone()
        };
        let chart = pillar_summary(&many);
        check_chart(&chart, "e");
        assert!(view_height(&chart.svg) > 2000.0);

        let huge = PillarSummary {
            pillars: vec![pillar("A", u32::MAX, u32::MAX, 0)],
            ..empty
        };
        let chart = pillar_summary(&huge);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("8.589.934.590"));
    }
}
