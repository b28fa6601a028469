//! DTI scores (Bộ chỉ số DTI) per pillar or component: the score as a bar
//! inside a lighter bar of the maximum (so the weights of the pillars show),
//! an optional diamond at last year's score, and the figures written beside
//! the bars: points ("120,5 / 160 điểm") or normalised indices with four
//! decimals ("0,8241").

use super::labels::text_width;
use super::palette::{BLUE, INK, LIGHT, MUTED, Paint};
use super::scale::fit;
use super::svg::{self, FONT, PAD, SMALL, Svg, Swatch, TextStyle, WIDTH, line_height};
use super::table::{Column, Table};
use super::words::Words;
use super::{Chart, chart_id, finite};
use std::sync::Arc;

/// How scores are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DtiScale {
    /// Points out of a maximum ("120,5 / 160 điểm").
    #[default]
    Points,
    /// Indices normalised to 0–1, four decimals ("0,8241"); `max` is 1.
    Index,
}

impl DtiScale {
    fn format(self, w: &Words, value: f64) -> String {
        match self {
            DtiScale::Points => w.dec(value, 2),
            DtiScale::Index => w.fixed(value, 4),
        }
    }
}

/// One pillar or component.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DtiRow {
    /// "Chính quyền số", "1.1 Nhận thức số", …
    pub label: String,
    /// This year's score; `None` (or NaN) when not scored yet.
    pub score: Option<f64>,
    /// The maximum (points), or 1 for indices.
    pub max: f64,
    /// Last year's score, drawn as a diamond.
    pub previous: Option<f64>,
}

/// Input of [`dti_scores`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DtiScores {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title, e.g. "Điểm DTI năm 2025 theo trụ cột".
    pub title: String,
    /// The wording (legend, description, table headers).
    pub words: Arc<Words>,
    /// Points or normalised indices.
    pub scale: DtiScale,
    /// What the previous scores are called in the legend ("Năm 2024");
    /// "Năm trước" when empty.
    pub previous_label: String,
    /// The pillars or components, in the order to show them.
    pub rows: Vec<DtiRow>,
}

const BAR: f64 = 18.0;
const SCORE: Paint = Paint::solid(BLUE);
const MAX: Paint = Paint::solid(LIGHT).with_outline(MUTED);

fn figure(input: &DtiScores, row: &DtiRow) -> String {
    let score = finite(row.score);
    let w = &*input.words;
    match (input.scale, score) {
        (_, None) => w.get("chart_no_data_short").to_owned(),
        (DtiScale::Index, Some(s)) => w.fixed(s, 4),
        (DtiScale::Points, Some(s)) => w.fmt(
            "chart_points_of",
            &[("points", &w.dec(s, 2)), ("max", &w.dec(row.max, 2))],
        ),
    }
}

fn previous_name(input: &DtiScores) -> String {
    let name = input.previous_label.trim();
    if name.is_empty() {
        input.words.get("chart_previous_year").to_owned()
    } else {
        name.to_owned()
    }
}

/// Score-in-maximum bars for DTI pillars or components.
pub fn dti_scores(input: &DtiScores) -> Chart {
    let id = chart_id(&input.id);
    let desc = describe(input);
    let table_html = table(input);
    let w = &*input.words;
    let has_any = input
        .rows
        .iter()
        .any(|r| finite(r.score).is_some() || finite(r.previous).is_some());
    if !has_any {
        return Chart::empty(id, &input.title, desc, table_html, w.get("chart_no_data"));
    }
    let full = WIDTH - 2.0 * PAD;
    let mut svg = Svg::new(&id);
    let previous = previous_name(input);
    let mut legend = vec![
        (
            Swatch::Box(SCORE),
            w.get(if input.scale == DtiScale::Index {
                "chart_dti_index"
            } else {
                "chart_dti_score"
            }),
        ),
        (
            Swatch::Box(MAX),
            w.get(if input.scale == DtiScale::Index {
                "chart_dti_index_max"
            } else {
                "chart_dti_max"
            }),
        ),
    ];
    if input.rows.iter().any(|r| finite(r.previous).is_some()) {
        legend.push((Swatch::Diamond(INK), previous.as_str()));
    }
    let mut y = PAD + svg.legend(&legend, PAD, PAD, full) + 4.0;

    let figures: Vec<String> = input.rows.iter().map(|r| figure(input, r)).collect();
    // One scale for all rows, as wide as the figures written after the bars
    // allow: the largest maximum (or score) gets the longest bar.
    let row_end = |r: &DtiRow| {
        [Some(r.max), finite(r.score), finite(r.previous)]
            .into_iter()
            .flatten()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
    };
    let top = input.rows.iter().map(row_end).fold(0.0, f64::max);
    let labels = input
        .rows
        .iter()
        .zip(&figures)
        .map(|(r, f)| (row_end(r), 12.0 + text_width(f, SMALL)));
    let xs = fit(0.0, top, PAD, WIDTH - PAD, labels);
    let lh = line_height(FONT);
    for (row, figure) in input.rows.iter().zip(&figures) {
        let lines = svg.label(
            PAD,
            y + FONT,
            &row.label,
            full,
            svg::ALL_LINES,
            TextStyle::LABEL,
        );
        let bar_y = y + lines as f64 * lh + 6.0;
        let max_end = if row.max.is_finite() {
            xs.at(row.max.max(0.0))
        } else {
            PAD
        };
        svg.rect(PAD, bar_y, max_end - PAD, BAR, MAX);
        let mut end = max_end;
        match finite(row.score) {
            Some(s) => {
                let x = xs.at(s.max(0.0));
                svg.rect(PAD, bar_y + 3.0, x - PAD, BAR - 6.0, SCORE);
                end = end.max(x);
            }
            None => svg.dashed_box(PAD, bar_y, (max_end - PAD).max(24.0), BAR),
        }
        if let Some(p) = finite(row.previous) {
            let x = xs.at(p.max(0.0));
            svg.line(
                x,
                bar_y - 2.0,
                x,
                bar_y + BAR + 2.0,
                svg::Stroke {
                    colour: INK,
                    width: 1.5,
                    dashed: false,
                },
            );
            svg.diamond(x, bar_y - 2.0, 6.0, INK);
            end = end.max(x + 6.0);
        }
        let style = if finite(row.score).is_some() {
            TextStyle::SMALL.bold()
        } else {
            TextStyle::SMALL.colour(MUTED)
        };
        svg.text(end.max(max_end) + 6.0, bar_y + BAR - 4.0, figure, style);
        let mut bottom = bar_y + BAR;
        if let Some(p) = finite(row.previous) {
            let mut text = format!("{previous}: {}", input.scale.format(w, p));
            if let Some(s) = finite(row.score) {
                text.push_str(&format!(" ({})", change(input.scale, s - p, w)));
            }
            svg.text(
                PAD,
                bottom + SMALL + 3.0,
                &text,
                TextStyle::SMALL.colour(MUTED),
            );
            bottom += SMALL + 5.0;
        }
        y = bottom + 12.0;
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

/// A signed change: "+10,25", "-0,0312", "không đổi".
fn change(scale: DtiScale, delta: f64, w: &Words) -> String {
    let text = scale.format(w, delta.abs());
    if scale.format(w, 0.0) == text {
        w.get("chart_unchanged").to_owned()
    } else if delta > 0.0 {
        format!("+{text}")
    } else {
        format!("-{text}")
    }
}

fn describe(input: &DtiScores) -> String {
    let w = &*input.words;
    let scored: Vec<(&DtiRow, f64)> = input
        .rows
        .iter()
        .filter_map(|r| {
            let s = finite(r.score)?;
            let ratio = if r.max > 0.0 && r.max.is_finite() {
                s / r.max
            } else {
                s
            };
            Some((r, ratio))
        })
        .collect();
    if scored.is_empty() {
        return format!("{}.", w.get("chart_no_data"));
    }
    let best = scored
        .iter()
        .fold(scored[0], |b, &x| if x.1 > b.1 { x } else { b });
    let worst = scored
        .iter()
        .fold(scored[0], |w, &x| if x.1 < w.1 { x } else { w });
    let show = |(row, ratio): (&DtiRow, f64)| match input.scale {
        DtiScale::Index => format!("{} {}", row.label, figure(input, row)),
        DtiScale::Points => format!(
            "{} ({}, {})",
            row.label,
            figure(input, row),
            w.percent(ratio * 100.0, 1)
        ),
    };
    let mut desc = if scored.len() == 1 {
        show(best)
    } else {
        w.fmt(
            "chart_desc_highest_lowest",
            &[("first", &show(best)), ("last", &show(worst))],
        )
    };
    let missing = input.rows.len() - scored.len();
    if missing > 0 {
        desc.push_str("; ");
        desc.push_str(&w.fmt("chart_desc_items_no_data", &[("n", &missing.to_string())]));
    }
    desc.push('.');
    desc
}

fn table(input: &DtiScores) -> String {
    let w = &*input.words;
    let index = input.scale == DtiScale::Index;
    let mut columns = vec![
        Column::text(w.get("chart_col_pillar_index")),
        Column::num(w.get(if index {
            "chart_dti_index"
        } else {
            "chart_col_points"
        })),
    ];
    if !index {
        columns.push(Column::num(w.get("chart_dti_max")));
        columns.push(Column::num(w.get("chart_col_share")));
    }
    let with_previous = input.rows.iter().any(|r| finite(r.previous).is_some());
    if with_previous {
        columns.push(Column::num(&previous_name(input)));
    }
    let mut table = Table::new(&input.title, columns).no_data(w.get("chart_no_data"));
    let cell = |v: Option<f64>| {
        v.map_or_else(
            || w.get("chart_no_data").to_owned(),
            |v| input.scale.format(w, v),
        )
    };
    for row in &input.rows {
        let mut cells = vec![row.label.clone(), cell(finite(row.score))];
        if !index {
            cells.push(cell(Some(row.max).filter(|m| m.is_finite())));
            let rate = finite(row.score)
                .filter(|_| row.max > 0.0)
                .map_or_else(|| "–".to_owned(), |s| w.percent(100.0 * s / row.max, 1));
            cells.push(rate);
        }
        if with_previous {
            cells.push(cell(finite(row.previous)));
        }
        table.row(cells);
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

    fn row(label: &str, score: Option<f64>, max: f64, previous: Option<f64>) -> DtiRow {
        DtiRow {
            label: label.into(),
            score,
            max,
            previous,
        }
    }

    fn points() -> DtiScores {
        DtiScores {
            words: Default::default(),
            id: "dti-2025".into(),
            title: "Điểm DTI năm 2025 theo trụ cột".into(),
            scale: DtiScale::Points,
            previous_label: "Năm 2024".into(),
            rows: vec![
                row("Chính quyền số", Some(120.5), 160.0, Some(110.25)),
                row("Kinh tế số", Some(40.0), 75.0, Some(45.0)),
                row("Xã hội số", None, 35.0, None),
            ],
        }
    }

    #[test]
    fn points_show_score_of_max_and_change() {
        let chart = dti_scores(&points());
        check_chart(&chart, "dti-2025");
        check_small(&chart);
        for needle in [
            "120,5 / 160 điểm",
            "Năm 2024: 110,25 (+10,25)",
            "Năm 2024: 45 (-5)",
            "chưa có số liệu",
        ] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert_eq!(
            chart.desc,
            "Cao nhất: Chính quyền số (120,5 / 160 điểm, 75,3\u{a0}%); thấp nhất: Kinh tế số \
             (40 / 75 điểm, 53,3\u{a0}%); 1 mục chưa có số liệu."
        );
        check_deterministic(|| dti_scores(&points()));
        // No label on a line or on another label.
        check_labels_clear(&dti_scores(&points()));
    }

    #[test]
    fn indices_have_four_decimals() {
        let input = DtiScores {
            scale: DtiScale::Index,
            previous_label: String::new(),
            rows: vec![
                row("Chính quyền số", Some(0.8241), 1.0, Some(0.8)),
                row("Kinh tế số", Some(0.5), 1.0, None),
            ],
            ..points()
        };
        let chart = dti_scores(&input);
        check_chart(&chart, "dti-2025");
        for needle in ["0,8241", "0,5000", "Năm trước: 0,8000 (+0,0241)"] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert_eq!(
            chart.desc,
            "Cao nhất: Chính quyền số 0,8241; thấp nhất: Kinh tế số 0,5000."
        );
        assert!(chart.table_html.contains("<td class=\"num\">0,8241</td>"));
    }

    #[test]
    fn hostile_and_edge_cases() {
        let mut input = points();
        input.rows[0].label = hostile();
        input.previous_label = "<b>\"'&".into();
        let chart = dti_scores(&input);
        check_chart(&chart, "dti-2025");
        check_escaped(&chart);

        let empty = DtiScores {
            id: "e".into(),
            title: "T".into(),
            ..DtiScores::default()
        };
        let chart = dti_scores(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));

        let odd = DtiScores {
            rows: vec![
                row("Âm", Some(-3.0), 10.0, None),
                row("NaN", Some(f64::NAN), f64::NAN, None),
            ],
            ..empty.clone()
        };
        check_chart(&dti_scores(&odd), "e");

        let many = DtiScores {
            rows: (0..50)
                .map(|i| row(&format!("Chỉ số {i}"), Some(f64::from(i)), 50.0, None))
                .collect(),
            ..empty
        };
        let chart = dti_scores(&many);
        check_chart(&chart, "e");
        assert!(view_height(&chart.svg) > 2000.0);
    }
}
