//! One target's value across communes/wards: horizontal bars sorted best
//! first (ties in Vietnamese alphabetical order), each name above its bar
//! (wrapped, never shortened), values at the bar ends (after the target line
//! when the bar stops short of it), a dashed target line, and "đạt / chưa đạt" shown
//! by colour and pattern and named in the legend. Communes without data come
//! last and say "chưa có số liệu".

use std::cmp::Ordering;

use super::labels::{Wrapped, text_width, with_unit, wrap};
use super::palette::{INK, MUTED, NEUTRAL};
use super::scale::{domain_with_zero, fit};
use super::svg::{self, FONT, PAD, SMALL, Stroke, Svg, Swatch, TextStyle, WIDTH, line_height};
use super::table::{Column, Table};
use super::target_progress::{Comparison, TargetState, evaluate};
use super::words::Words;
use super::{Chart, chart_id, finite};
use crate::text::vi_cmp;
use std::sync::Arc;

/// One commune's value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommuneValue {
    /// The commune's name: "Phường Sông Trí", "Xã Đông Hòa".
    pub name: String,
    /// Its value; `None` (or NaN) when not reported.
    pub value: Option<f64>,
}

/// Input of [`commune_comparison`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommuneComparison {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title.
    pub title: String,
    /// The wording (legend, description, table headers).
    pub words: Arc<Words>,
    /// Unit written after numbers ("%", "hồ sơ"); may be empty.
    pub unit: String,
    /// The target, drawn as a dashed line; bars then show đạt / chưa đạt.
    pub target: Option<f64>,
    /// How values compare with the target; lower-is-better sorts ascending.
    pub comparison: Comparison,
    /// The name of the commune whose page this is, shown highlighted.
    pub highlight: Option<String>,
    /// The communes, in any order.
    pub rows: Vec<CommuneValue>,
}

const BAR: f64 = 16.0;
/// Space between one row's bar and the next row's name.
const ROW_GAP: f64 = 10.0;
const HIGHLIGHT: &str = "#FFF1C2";

fn lower_is_better(c: Comparison) -> bool {
    c.lower_is_better()
}

/// Best first, ties and missing values in Vietnamese alphabetical order.
fn sorted(input: &CommuneComparison) -> Vec<(&CommuneValue, Option<f64>)> {
    let mut rows: Vec<(&CommuneValue, Option<f64>)> =
        input.rows.iter().map(|r| (r, finite(r.value))).collect();
    let ascending = lower_is_better(input.comparison);
    rows.sort_by(|a, b| {
        let by_value = match (a.1, b.1) {
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                if ascending { o } else { o.reverse() }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then_with(|| vi_cmp(&a.0.name, &b.0.name))
    });
    rows
}

fn state(input: &CommuneComparison, value: Option<f64>) -> Option<TargetState> {
    input
        .target
        .filter(|t| t.is_finite())
        .map(|t| evaluate(value, t, input.comparison))
}

/// Bars comparing communes on one target.
pub fn commune_comparison(input: &CommuneComparison) -> Chart {
    let id = chart_id(&input.id);
    let rows = sorted(input);
    let desc = describe(input, &rows);
    let table_html = table(input, &rows);
    let w = &*input.words;
    if rows.iter().all(|r| r.1.is_none()) {
        return Chart::empty(id, &input.title, desc, table_html, w.get("chart_no_data"));
    }
    let unit = input.unit.as_str();
    let target = input.target.filter(|t| t.is_finite());
    let full = WIDTH - 2.0 * PAD;
    let mut svg = Svg::new(&id);
    let mut y = PAD;
    if let Some(t) = target {
        let legend = [
            (
                Swatch::Box(TargetState::Met.paint()),
                TargetState::Met.word(w),
            ),
            (
                Swatch::Box(TargetState::NotMet.paint()),
                TargetState::NotMet.word(w),
            ),
        ];
        y += svg.legend(&legend, PAD, y, full);
        let label = w.fmt("chart_goal_line", &[("value", &with_unit(w, t, 2, unit))]);
        svg.line(PAD, y + 9.0, PAD + 14.0, y + 9.0, target_stroke());
        svg.text(PAD + 20.0, y + 14.0, &label, TextStyle::SMALL);
        y += 26.0;
    }

    let value_texts: Vec<String> = rows
        .iter()
        .map(|r| {
            r.1.map_or_else(
                || w.get("chart_no_data_short").to_owned(),
                |v| with_unit(w, v, 2, unit),
            )
        })
        .collect();
    // Names sit on their own lines above their bars (wrapped, never cut),
    // so the bars get the full width.
    let names: Vec<Wrapped> = rows
        .iter()
        .map(|r| wrap(&r.0.name, full, FONT, svg::ALL_LINES))
        .collect();
    let (lo, hi) = domain_with_zero(rows.iter().filter_map(|r| r.1).chain(target));
    // Each value label follows its bar (or the no-data box at zero); a bar
    // that ends before the target line writes its label after the line,
    // so the label never sits on it.
    let label_at = |v: Option<f64>| match (v, target) {
        (Some(v), Some(t)) if v < t => t.max(0.0),
        (Some(v), _) => v.max(0.0),
        (None, _) => 0.0,
    };
    let labels = rows.iter().zip(&value_texts).map(|(r, t)| match r.1 {
        Some(_) => (label_at(r.1), 8.0 + text_width(t, SMALL)),
        None => (label_at(r.1), 28.0 + text_width(t, SMALL)),
    });
    let xs = fit(lo, hi, PAD, WIDTH - PAD, labels);
    let zero = xs.at(0.0);
    let lh = line_height(FONT);

    let top = y;
    let mut row_tops = Vec::with_capacity(rows.len());
    for name in &names {
        row_tops.push(y);
        y += name.lines.len() as f64 * lh + BAR + ROW_GAP;
    }
    let bottom = y - ROW_GAP + 4.0;
    // Highlight band and the zero line behind the bars.
    for (i, (row, _)) in rows.iter().enumerate() {
        if input.highlight.as_deref() == Some(row.name.as_str()) {
            let next = row_tops
                .get(i + 1)
                .copied()
                .unwrap_or(bottom + ROW_GAP - 4.0);
            svg.rect(
                PAD - 4.0,
                row_tops[i] - 2.0,
                full + 8.0,
                next - row_tops[i],
                super::palette::Paint::solid(HIGHLIGHT),
            );
        }
    }
    if lo < 0.0 {
        svg.line(
            zero,
            top,
            zero,
            bottom,
            Stroke {
                colour: MUTED,
                width: 1.0,
                dashed: false,
            },
        );
    }
    let mut bar_tops = Vec::with_capacity(rows.len());
    for (i, ((row, value), text)) in rows.iter().zip(&value_texts).enumerate() {
        let ry = row_tops[i];
        let bold = input.highlight.as_deref() == Some(row.name.as_str());
        let style = if bold {
            TextStyle::LABEL.bold()
        } else {
            TextStyle::LABEL
        };
        let lines = svg.wrapped(PAD, ry + FONT, &names[i], &row.name, style);
        let bar_y = ry + lines as f64 * lh + 2.0;
        bar_tops.push(bar_y);
        let baseline = bar_y + BAR - 3.5;
        let end = match value {
            Some(v) => {
                let paint = state(input, *value).map_or(NEUTRAL, TargetState::paint);
                // A non-zero value always shows at least a sliver.
                let w = xs.at(*v) - zero;
                let w = if *v != 0.0 && w.abs() < 2.0 {
                    2.0f64.copysign(*v)
                } else {
                    w
                };
                svg.rect(zero, bar_y, w, BAR, paint);
                xs.at(label_at(*value)).max(zero)
            }
            None => {
                svg.dashed_box(zero, bar_y, 20.0, BAR);
                zero + 20.0
            }
        };
        let text_style = if value.is_some() {
            TextStyle::SMALL
        } else {
            TextStyle::SMALL.colour(MUTED)
        };
        svg.halo_text(end + 5.0, baseline, text, text_style);
    }
    // The target line runs beside each bar only, never through a name.
    if let Some(t) = target {
        let tx = xs.at(t);
        for &bar_y in &bar_tops {
            svg.line(tx, bar_y - 3.0, tx, bar_y + BAR + 3.0, target_stroke());
        }
    }
    let svg = svg.finish(bottom + PAD, &input.title, &desc);
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

fn target_stroke() -> Stroke {
    Stroke {
        colour: INK,
        width: 2.0,
        dashed: true,
    }
}

fn describe(input: &CommuneComparison, rows: &[(&CommuneValue, Option<f64>)]) -> String {
    let measured: Vec<(&CommuneValue, f64)> = rows
        .iter()
        .filter_map(|(r, v)| v.map(|v| (*r, v)))
        .collect();
    let w = &*input.words;
    let (Some(first), Some(last)) = (measured.first(), measured.last()) else {
        return format!("{}.", w.get("chart_no_data"));
    };
    let unit = input.unit.as_str();
    let show = |(r, v): &(&CommuneValue, f64)| format!("{} {}", r.name, with_unit(w, *v, 2, unit));
    let mut desc = if measured.len() == 1 {
        show(first)
    } else if lower_is_better(input.comparison) {
        w.fmt(
            "chart_desc_best_worst",
            &[("first", &show(first)), ("last", &show(last))],
        )
    } else {
        w.fmt(
            "chart_desc_highest_lowest",
            &[("first", &show(first)), ("last", &show(last))],
        )
    };
    if let Some(t) = input.target.filter(|t| t.is_finite()) {
        let met = rows
            .iter()
            .filter(|r| state(input, r.1) == Some(TargetState::Met))
            .count();
        desc.push_str("; ");
        desc.push_str(&w.fmt(
            "chart_desc_units_met",
            &[
                ("met", &met.to_string()),
                ("total", &rows.len().to_string()),
                ("goal", &with_unit(w, t, 2, unit)),
            ],
        ));
    }
    let missing = rows.len() - measured.len();
    if missing > 0 {
        desc.push_str("; ");
        desc.push_str(&w.fmt("chart_desc_units_no_data", &[("n", &missing.to_string())]));
    }
    desc.push('.');
    desc
}

fn table(input: &CommuneComparison, rows: &[(&CommuneValue, Option<f64>)]) -> String {
    let w = &*input.words;
    let header = if input.unit.trim().is_empty() {
        w.get("chart_col_value").to_owned()
    } else {
        w.fmt("chart_col_value_unit", &[("unit", input.unit.trim())])
    };
    let mut columns = vec![Column::text(w.get("chart_col_unit")), Column::num(&header)];
    let with_target = input.target.is_some_and(f64::is_finite);
    if with_target {
        columns.push(Column::text(w.get("chart_col_state")));
    }
    let mut table = Table::new(&input.title, columns).no_data(w.get("chart_no_data"));
    for (row, value) in rows {
        let mut cells = vec![
            row.name.clone(),
            value.map_or_else(|| w.get("chart_no_data").to_owned(), |v| w.dec(v, 2)),
        ];
        if let Some(s) = state(input, *value) {
            cells.push(s.word(w).to_owned());
        }
        table.row(cells);
    }
    if let Some(t) = input.target.filter(|t| t.is_finite()) {
        table.footer(vec![
            w.get("chart_col_goal").to_owned(),
            w.dec(t, 2),
            String::new(),
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

    fn commune(name: &str, value: Option<f64>) -> CommuneValue {
        CommuneValue {
            name: name.into(),
            value,
        }
    }

    fn sample() -> CommuneComparison {
        CommuneComparison {
            words: Default::default(),
            id: "so-sanh".into(),
            title: "Tỷ lệ hồ sơ trực tuyến theo xã, phường".into(),
            unit: "%".into(),
            target: Some(80.0),
            comparison: Comparison::AtLeast,
            highlight: Some("Phường Sông Trí".into()),
            rows: vec![
                commune("Xã Đông Hòa", Some(72.5)),
                commune("Phường Sông Trí", Some(91.25)),
                commune("Xã Ân Thi", Some(72.5)),
                commune("Xã Bình Minh", None),
                commune("Xã An Thịnh", Some(85.0)),
            ],
        }
    }

    #[test]
    fn sorted_best_first_with_vietnamese_ties() {
        let input = sample();
        let order: Vec<&str> = sorted(&input).iter().map(|r| r.0.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "Phường Sông Trí",
                "Xã An Thịnh",
                "Xã Ân Thi",
                "Xã Đông Hòa",
                "Xã Bình Minh"
            ]
        );
        let chart = commune_comparison(&input);
        check_chart(&chart, "so-sanh");
        check_small(&chart);
        for needle in [
            "91,25\u{a0}%",
            "Mục tiêu: 80\u{a0}%",
            "chưa có số liệu",
            "font-weight=\"bold\">Phường Sông Trí",
        ] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert_eq!(
            chart.desc,
            "Cao nhất: Phường Sông Trí 91,25\u{a0}%; thấp nhất: Xã Đông Hòa 72,5\u{a0}%; 2/5 đơn \
             vị đạt mục tiêu 80\u{a0}%; 1 đơn vị chưa có số liệu."
        );
        check_deterministic(|| commune_comparison(&sample()));
        // Bars ending just short of the target write their value after the
        // dashed line, never on it.
        check_labels_clear(&chart);
        let mut close = sample();
        for (row, v) in close.rows.iter_mut().zip([78.0, 79.5, 80.0, 81.0, 60.0]) {
            row.value = Some(v);
        }
        check_labels_clear(&commune_comparison(&close));
        // Names longer than the distance to the target line.
        for row in &mut close.rows {
            row.name = format!("{} thuộc huyện cũ Gia Lâm", row.name);
        }
        check_labels_clear(&commune_comparison(&close));
    }

    #[test]
    fn lower_is_better_sorts_ascending() {
        let input = CommuneComparison {
            comparison: Comparison::AtMost,
            ..sample()
        };
        let rows = sorted(&input);
        assert_eq!(rows[0].0.name, "Xã Ân Thi");
        assert!(
            commune_comparison(&input)
                .desc
                .starts_with("Tốt nhất: Xã Ân Thi")
        );
    }

    #[test]
    fn hostile_and_edge_cases() {
        let mut input = sample();
        input.rows[0].name = hostile();
        let chart = commune_comparison(&input);
        check_chart(&chart, "so-sanh");
        check_escaped(&chart);

        let empty = CommuneComparison {
            id: "e".into(),
            title: "T".into(),
            ..Default::default()
        };
        let chart = commune_comparison(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));

        let odd = CommuneComparison {
            rows: vec![
                commune("Âm", Some(-12.5)),
                commune("Không", Some(0.0)),
                commune("Tỷ", Some(3e12)),
            ],
            ..empty.clone()
        };
        let chart = commune_comparison(&odd);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("-12,5") && chart.svg.contains("3.000.000.000.000"));

        let many = CommuneComparison {
            rows: (0..50)
                .map(|i| {
                    commune(
                        &format!("Xã có tên rất dài số {i} thuộc tỉnh Bà Rịa – Vũng Tàu cũ"),
                        Some(f64::from(i % 7)),
                    )
                })
                .collect(),
            ..sample()
        };
        let chart = commune_comparison(&many);
        check_chart(&chart, "so-sanh");
        assert!(view_height(&chart.svg) > 1300.0);
        // Long names are wrapped whole, never cut.
        assert!(!chart.svg.contains("…"));
        let (texts, _) = crate::charts::test_support::geometry(&chart.svg);
        assert!(
            texts.iter().any(|(t, _)| t.ends_with("Vũng Tàu cũ")),
            "{}",
            chart.svg
        );
        assert!(
            texts
                .iter()
                .any(|(t, _)| t.starts_with("Xã có tên rất dài số 7"))
        );
    }
}
