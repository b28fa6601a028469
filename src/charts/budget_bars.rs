//! Budget (kinh phí): planned vs disbursed per year or per source, as pairs
//! of horizontal bars with the amounts written beside them in "triệu đồng"
//! or "tỷ đồng" (Vietnamese decimals) and the disbursement rate under each
//! pair ("Tỷ lệ giải ngân: 88,8 %").

use super::labels::text_width;
use super::palette::{BLUE, MUTED, Paint, Pattern, SKY};
use super::scale::{domain_with_zero, fit};
use super::svg::{self, FONT, PAD, SMALL, Svg, Swatch, TextStyle, WIDTH, line_height};
use super::table::{Column, Table};
use super::words::Words;
use super::{Chart, chart_id, finite};
use std::sync::Arc;

/// The unit money is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyUnit {
    /// "tỷ đồng" from 100 billion up (below that, official documents write
    /// "2.665 triệu đồng"), "triệu đồng" from one million up, "đồng" below.
    #[default]
    Auto,
    /// "đồng", no decimals.
    Dong,
    /// "triệu đồng", up to two decimals.
    TrieuDong,
    /// "tỷ đồng", up to two decimals.
    TyDong,
}

impl MoneyUnit {
    fn resolve(self, largest: f64) -> MoneyUnit {
        match self {
            MoneyUnit::Auto if largest >= 1e11 => MoneyUnit::TyDong,
            MoneyUnit::Auto if largest >= 1e6 => MoneyUnit::TrieuDong,
            MoneyUnit::Auto => MoneyUnit::Dong,
            other => other,
        }
    }

    fn name(self, words: &Words) -> &str {
        words.get(match self {
            MoneyUnit::TyDong => "chart_money_billion",
            MoneyUnit::TrieuDong => "chart_money_million",
            MoneyUnit::Dong | MoneyUnit::Auto => "chart_money_dong",
        })
    }

    /// An amount in đồng written in this unit, without the unit.
    fn format(self, w: &Words, dong: f64) -> String {
        match self {
            MoneyUnit::TyDong => w.dec(dong / 1e9, 2),
            MoneyUnit::TrieuDong => w.dec(dong / 1e6, 2),
            MoneyUnit::Dong | MoneyUnit::Auto => w.dec(dong, 0),
        }
    }
}

/// One year or source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetRow {
    /// "2025", "Ngân sách tỉnh", "Xã hội hóa"…
    pub label: String,
    /// Planned amount, in đồng; `None` (or NaN) when unknown.
    pub planned: Option<f64>,
    /// Disbursed amount, in đồng; `None` (or NaN) when unknown.
    pub disbursed: Option<f64>,
}

impl BudgetRow {
    /// Disbursed / planned, in percent, when both are known and planned > 0.
    fn rate(&self) -> Option<f64> {
        match (finite(self.planned), finite(self.disbursed)) {
            (Some(p), Some(d)) if p > 0.0 => Some(100.0 * d / p),
            _ => None,
        }
    }
}

/// Input of [`budget_bars`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetBars {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title.
    pub title: String,
    /// The wording (legend, unit names, description, table headers).
    pub words: Arc<Words>,
    /// The unit amounts are written in.
    pub unit: MoneyUnit,
    /// The years or sources, in the order to show them.
    pub rows: Vec<BudgetRow>,
}

const BAR: f64 = 16.0;
const PLANNED: Paint = Paint::patterned(SKY, Pattern::Diagonal).with_outline(BLUE);
const DISBURSED: Paint = Paint::solid(BLUE);

/// Planned vs disbursed money, grouped per year or source.
pub fn budget_bars(input: &BudgetBars) -> Chart {
    let id = chart_id(&input.id);
    let amounts = input
        .rows
        .iter()
        .flat_map(|r| [finite(r.planned), finite(r.disbursed)]);
    let largest = amounts.clone().flatten().map(f64::abs).fold(0.0, f64::max);
    let unit = input.unit.resolve(largest);
    let w = &*input.words;
    let desc = describe(input, unit);
    let table_html = table(input, unit);
    if amounts.flatten().next().is_none() {
        return Chart::empty(id, &input.title, desc, table_html, w.get("chart_no_data"));
    }
    let full = WIDTH - 2.0 * PAD;
    let mut svg = Svg::new(&id);
    let legend = [
        (Swatch::Box(PLANNED), w.get("chart_planned")),
        (Swatch::Box(DISBURSED), w.get("chart_disbursed")),
    ];
    let mut y = PAD + svg.legend(&legend, PAD, PAD, full);
    svg.text(
        PAD,
        y + SMALL,
        &w.fmt("chart_money_unit", &[("unit", unit.name(w))]),
        TextStyle::SMALL.colour(MUTED),
    );
    y += SMALL + 12.0;

    let value_text = |v: Option<f64>| {
        v.map_or_else(
            || w.get("chart_no_data_short").to_owned(),
            |v| unit.format(w, v),
        )
    };
    let amounts = || {
        input
            .rows
            .iter()
            .flat_map(|r| [finite(r.planned), finite(r.disbursed)])
    };
    let (lo, hi) = domain_with_zero(amounts().flatten());
    let labels = amounts().map(|v| {
        let w = text_width(&value_text(v), SMALL);
        v.map_or((0.0, 30.0 + w), |v| (v.max(0.0), 6.0 + w))
    });
    let xs = fit(lo, hi, PAD, WIDTH - PAD, labels);
    let zero = xs.at(0.0);
    let lh = line_height(FONT);
    for row in &input.rows {
        let lines = svg.label(
            PAD,
            y + FONT,
            &row.label,
            full,
            svg::ALL_LINES,
            TextStyle::LABEL.bold(),
        );
        let mut bar_y = y + lines as f64 * lh + 4.0;
        for (value, paint) in [
            (finite(row.planned), PLANNED),
            (finite(row.disbursed), DISBURSED),
        ] {
            let end = match value {
                Some(v) => {
                    svg.rect(zero, bar_y, xs.at(v) - zero, BAR, paint);
                    xs.at(v).max(zero)
                }
                None => {
                    svg.dashed_box(zero, bar_y, 24.0, BAR);
                    zero + 24.0
                }
            };
            let style = if value.is_some() {
                TextStyle::SMALL
            } else {
                TextStyle::SMALL.colour(MUTED)
            };
            svg.text(end + 6.0, bar_y + BAR - 3.0, &value_text(value), style);
            bar_y += BAR + 4.0;
        }
        if let Some(rate) = row.rate() {
            let text = w.fmt("chart_rate_line", &[("rate", &w.percent(rate, 1))]);
            svg.text(PAD, bar_y + SMALL, &text, TextStyle::SMALL.bold());
            bar_y += SMALL + 4.0;
        }
        y = bar_y + 12.0;
    }
    let svg = svg.finish(y - 12.0 + PAD, &input.title, &desc);
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

fn describe(input: &BudgetBars, unit: MoneyUnit) -> String {
    let w = &*input.words;
    let planned: Vec<f64> = input
        .rows
        .iter()
        .filter_map(|r| finite(r.planned))
        .collect();
    let disbursed: Vec<f64> = input
        .rows
        .iter()
        .filter_map(|r| finite(r.disbursed))
        .collect();
    if planned.is_empty() && disbursed.is_empty() {
        return format!("{}.", w.get("chart_no_data"));
    }
    let name = unit.name(w);
    let amount = |v: f64| format!("{} {name}", unit.format(w, v));
    let mut parts = Vec::new();
    if !planned.is_empty() {
        parts.push(w.fmt(
            "chart_desc_planned",
            &[("amount", &amount(planned.iter().sum()))],
        ));
    }
    if !disbursed.is_empty() {
        parts.push(w.fmt(
            "chart_desc_disbursed",
            &[("amount", &amount(disbursed.iter().sum()))],
        ));
    }
    let mut desc = w.fmt("chart_desc_budget", &[("parts", &parts.join(", "))]);
    // The overall rate over the rows where both amounts are known.
    let both: Vec<&BudgetRow> = input.rows.iter().filter(|r| r.rate().is_some()).collect();
    let p: f64 = both.iter().filter_map(|r| finite(r.planned)).sum();
    let d: f64 = both.iter().filter_map(|r| finite(r.disbursed)).sum();
    if p > 0.0 {
        desc.push_str(&w.fmt("chart_desc_rate", &[("rate", &w.percent(100.0 * d / p, 1))]));
    }
    desc.push('.');
    desc
}

fn table(input: &BudgetBars, unit: MoneyUnit) -> String {
    let w = &*input.words;
    let name = unit.name(w);
    let mut table = Table::new(
        &input.title,
        vec![
            Column::text(w.get("chart_col_year_source")),
            Column::num(&w.fmt("chart_col_planned", &[("unit", name)])),
            Column::num(&w.fmt("chart_col_disbursed", &[("unit", name)])),
            Column::num(w.get("chart_col_rate")),
        ],
    )
    .no_data(w.get("chart_no_data"));
    let no_data = w.get("chart_no_data");
    let cell = |v: Option<f64>| v.map_or_else(|| no_data.to_owned(), |v| unit.format(w, v));
    for row in &input.rows {
        table.row(vec![
            row.label.clone(),
            cell(finite(row.planned)),
            cell(finite(row.disbursed)),
            row.rate()
                .map_or_else(|| "–".to_owned(), |r| w.percent(r, 1)),
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

    fn row(label: &str, planned: Option<f64>, disbursed: Option<f64>) -> BudgetRow {
        BudgetRow {
            label: label.into(),
            planned,
            disbursed,
        }
    }

    fn sample() -> BudgetBars {
        BudgetBars {
            words: Default::default(),
            id: "kinh-phi".into(),
            title: "Kinh phí chuyển đổi số".into(),
            unit: MoneyUnit::TrieuDong,
            rows: vec![
                row("2024", Some(2_000_000_000.0), Some(1_552_020_000.0)),
                row("2025", Some(3_000_000_000.0), Some(2_665_000_000.0)),
                row("2026", Some(3_500_000_000.0), None),
            ],
        }
    }

    #[test]
    fn amounts_and_rates_are_vietnamese() {
        let chart = budget_bars(&sample());
        check_chart(&chart, "kinh-phi");
        check_small(&chart);
        for needle in [
            "1.552,02",
            "2.665",
            "Tỷ lệ giải ngân: 77,6\u{a0}%",
            "Đơn vị: triệu đồng",
        ] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert_eq!(
            chart.desc,
            "Tổng kế hoạch 8.500 triệu đồng, đã giải ngân 4.217,02 triệu đồng \
             (tỷ lệ giải ngân 84,3\u{a0}%)."
        );
        assert!(chart.table_html.contains("Kế hoạch (triệu đồng)"));
        check_deterministic(|| budget_bars(&sample()));
        // No label on a line or on another label.
        check_labels_clear(&budget_bars(&sample()));
    }

    #[test]
    fn auto_unit_picks_billions() {
        let input = BudgetBars {
            unit: MoneyUnit::Auto,
            rows: vec![row(
                "Ngân sách tỉnh",
                Some(125_000_000_000_000.0),
                Some(1.5e12),
            )],
            ..sample()
        };
        let chart = budget_bars(&input);
        check_chart(&chart, "kinh-phi");
        assert!(chart.svg.contains("125.000"));
        assert!(chart.svg.contains("Đơn vị: tỷ đồng"));
    }

    #[test]
    fn hostile_and_edge_cases() {
        let mut input = sample();
        input.rows[0].label = hostile();
        let chart = budget_bars(&input);
        check_chart(&chart, "kinh-phi");
        check_escaped(&chart);

        let empty = BudgetBars {
            id: "e".into(),
            title: "T".into(),
            ..BudgetBars::default()
        };
        let chart = budget_bars(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));

        let odd = BudgetBars {
            rows: vec![
                row("Âm", Some(-5e6), Some(0.0)),
                row("NaN", Some(f64::NAN), None),
            ],
            ..empty.clone()
        };
        let chart = budget_bars(&odd);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("-5"));
        assert!(chart.svg.contains("chưa có số liệu"));

        let many = BudgetBars {
            rows: (0..50)
                .map(|i| {
                    row(
                        &format!("{}", 1980 + i),
                        Some(1e9),
                        Some(f64::from(i) * 1e7),
                    )
                })
                .collect(),
            ..empty
        };
        let chart = budget_bars(&many);
        check_chart(&chart, "e");
        assert!(view_height(&chart.svg) > 2000.0);
    }
}
