//! One target over time ("Quý I/2026", "2025", …): a line through the
//! measured values with a marker and a value label at each point, a dashed
//! target line named in the legend ("Mục tiêu: 100 %") and a y axis with
//! Vietnamese tick labels. Missing periods leave a gap, never a zero.

mod axes;
mod lines;
mod value_labels;

use super::labels::with_unit;
use super::svg::{PAD, Svg};
use super::table::{Column, Table};
use std::sync::Arc;

use super::words::Words;
use super::{Chart, chart_id, finite};

/// One period and its value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HistoryPoint {
    /// The period's label: "Quý I/2026", "Tháng 3/2026", "2025".
    pub period: String,
    /// The value; `None` (or NaN) when not measured.
    pub value: Option<f64>,
}

/// Input of [`history_line`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HistoryLine {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title.
    pub title: String,
    /// Unit written after numbers ("%", "hồ sơ"); may be empty.
    pub unit: String,
    /// The target, drawn as a dashed line.
    pub target: Option<f64>,
    /// The periods, oldest first.
    pub points: Vec<HistoryPoint>,
    /// The chart's wording (Vietnamese by default).
    pub words: Arc<Words>,
}

/// A line chart of one target's values over periods.
pub fn history_line(input: &HistoryLine) -> Chart {
    let id = chart_id(&input.id);
    let desc = describe(input);
    let table_html = table(input);
    let values: Vec<Option<f64>> = input.points.iter().map(|p| finite(p.value)).collect();
    if values.iter().all(Option::is_none) {
        return Chart::empty(
            id,
            &input.title,
            desc,
            table_html,
            input.words.get("chart_no_data"),
        );
    }
    let target = input.target.filter(|t| t.is_finite());
    let unit = input.unit.as_str();

    let mut svg = Svg::new(&id);
    let w = &*input.words;
    let top = PAD + lines::legend(&mut svg, unit, target, w);
    let plot = axes::y_axis(&mut svg, top, &values, target, input.points.len(), w);
    lines::draw_line(&mut svg, &plot, &values, target, w);
    value_labels::draw_points(&mut svg, &plot, &values, target, unit, w);
    let bottom = axes::period_labels(&mut svg, &plot, input);
    let svg = svg.finish(bottom + PAD, &input.title, &desc);
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

fn describe(input: &HistoryLine) -> String {
    let w = &*input.words;
    let measured: Vec<(&str, f64)> = input
        .points
        .iter()
        .filter_map(|p| finite(p.value).map(|v| (p.period.as_str(), v)))
        .collect();
    let unit = input.unit.as_str();
    let mut desc = match (measured.first(), measured.last()) {
        (Some(first), Some(last)) if measured.len() > 1 => w.fmt(
            "chart_desc_history",
            &[
                ("from", first.0),
                ("to", last.0),
                ("first", &with_unit(w, first.1, 2, unit)),
                ("last", &with_unit(w, last.1, 2, unit)),
            ],
        ),
        (Some(only), _) => format!("{}: {}", only.0, with_unit(w, only.1, 2, unit)),
        _ => w.get("chart_no_data").to_owned(),
    };
    if let Some(t) = input.target.filter(|t| t.is_finite()) {
        desc.push_str("; ");
        desc.push_str(&w.fmt("chart_desc_goal", &[("value", &with_unit(w, t, 2, unit))]));
    }
    let missing = input
        .points
        .iter()
        .filter(|p| finite(p.value).is_none())
        .count();
    if missing > 0 && !measured.is_empty() {
        desc.push_str("; ");
        desc.push_str(&w.fmt("chart_desc_missing_periods", &[("n", &missing.to_string())]));
    }
    desc.push('.');
    desc
}

fn table(input: &HistoryLine) -> String {
    let w = &*input.words;
    let header = if input.unit.trim().is_empty() {
        w.get("chart_col_value").to_owned()
    } else {
        w.fmt("chart_col_value_unit", &[("unit", input.unit.trim())])
    };
    let mut table = Table::new(
        &input.title,
        vec![
            Column::text(w.get("chart_col_period")),
            Column::num(&header),
        ],
    )
    .no_data(w.get("chart_no_data"));
    for point in &input.points {
        let value =
            finite(point.value).map_or_else(|| w.get("chart_no_data").to_owned(), |v| w.dec(v, 2));
        table.row(vec![point.period.clone(), value]);
    }
    if let Some(t) = input.target.filter(|t| t.is_finite()) {
        table.footer(vec![w.get("chart_col_goal").to_owned(), w.dec(t, 2)]);
    }
    table.render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{
        check_chart, check_deterministic, check_escaped, check_labels_clear, check_small, geometry,
        hostile, view_height,
    };

    fn sample() -> HistoryLine {
        let quarters = ["Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"];
        let values = [Some(80.25), None, Some(92.0), Some(95.5)];
        HistoryLine {
            words: Default::default(),
            id: "lich-su".into(),
            title: "Tỷ lệ hồ sơ trực tuyến theo quý".into(),
            unit: "%".into(),
            target: Some(100.0),
            points: quarters
                .iter()
                .zip(values)
                .map(|(q, v)| HistoryPoint {
                    period: (*q).into(),
                    value: v,
                })
                .collect(),
        }
    }

    #[test]
    fn renders_points_target_and_ticks() {
        let chart = history_line(&sample());
        check_chart(&chart, "lich-su");
        check_small(&chart);
        for needle in [
            "80,25\u{a0}%",
            "95,5\u{a0}%",
            "Mục tiêu: 100\u{a0}%",
            ">Quý",
            ">20<",
        ] {
            assert!(chart.svg.contains(needle), "{needle}");
        }
        assert!(chart.svg.contains("stroke-dasharray"));
        assert_eq!(
            chart.desc,
            "Từ Quý I/2025 đến Quý IV/2025: 80,25\u{a0}% → 95,5\u{a0}%; mục tiêu: \
             100\u{a0}%; 1 kỳ chưa có số liệu."
        );
        assert!(
            chart
                .table_html
                .contains("<td class=\"num\">Chưa có số liệu</td>")
        );
        check_deterministic(|| history_line(&sample()));
    }

    /// ST26-05 of the data-demo fixture: "84,1 %" used to sit on the
    /// dashed 90 % target line.
    #[test]
    fn value_labels_stay_off_the_target_line_and_each_other() {
        let input = HistoryLine {
            words: Default::default(),
            id: "st26-05".into(),
            title: "Kết quả chỉ tiêu ST26-05 qua các kỳ".into(),
            unit: "%".into(),
            target: Some(90.0),
            points: [
                ("Quý I/2026", 78.4),
                ("Quý II/2026", 84.1),
                ("Quý III/2026", 88.7),
            ]
            .iter()
            .map(|(p, v)| HistoryPoint {
                period: (*p).into(),
                value: Some(*v),
            })
            .collect(),
        };
        let chart = history_line(&input);
        check_labels_clear(&chart);
        // Every value is still written.
        let (texts, _) = geometry(&chart.svg);
        for value in ["78,4\u{a0}%", "84,1\u{a0}%", "88,7\u{a0}%"] {
            assert!(texts.iter().any(|(t, _)| t == value), "{value}");
        }
        // Values crowding the target from both sides, and a zig-zag.
        for values in [
            [89.0, 90.5, 91.0, 89.5],
            [50.0, 95.0, 52.0, 97.0],
            [100.0, 100.0, 100.0, 100.0],
        ] {
            let mut input = input.clone();
            input.points = values
                .iter()
                .enumerate()
                .map(|(i, v)| HistoryPoint {
                    period: format!("Quý {}/2026", i + 1),
                    value: Some(*v),
                })
                .collect();
            check_labels_clear(&history_line(&input));
        }
        check_labels_clear(&history_line(&sample()));
    }

    #[test]
    fn huge_values_use_vietnamese_ticks() {
        let mut input = sample();
        input.unit = "đồng".into();
        input.target = Some(2e9);
        input.points[0].value = Some(1_552_020_000.0);
        let chart = history_line(&input);
        check_chart(&chart, "lich-su");
        assert!(chart.svg.contains(">1.500.000.000<") || chart.svg.contains(">2.000.000.000<"));
        assert!(chart.svg.contains("1.552.020.000\u{a0}đồng"));
    }

    #[test]
    fn hostile_and_edge_cases() {
        let mut input = sample();
        input.points[0].period = hostile();
        input.unit = "<i>".into();
        let chart = history_line(&input);
        check_chart(&chart, "lich-su");
        check_escaped(&chart);

        let empty = HistoryLine {
            id: "e".into(),
            title: "T".into(),
            ..HistoryLine::default()
        };
        let chart = history_line(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));
        assert!(chart.table_html.contains("Chưa có số liệu"));

        let nan = HistoryLine {
            points: vec![HistoryPoint {
                period: "2025".into(),
                value: Some(f64::NAN),
            }],
            ..empty.clone()
        };
        assert!(history_line(&nan).svg.contains("Chưa có số liệu"));

        let one = HistoryLine {
            points: vec![HistoryPoint {
                period: "2025".into(),
                value: Some(-3.5),
            }],
            ..empty.clone()
        };
        let chart = history_line(&one);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("-3,5"));

        let many = HistoryLine {
            points: (0..50)
                .map(|i| HistoryPoint {
                    period: format!("Tháng {}/{}", i % 12 + 1, 2022 + i / 12),
                    value: Some(f64::from(i) * 1.5),
                })
                .collect(),
            ..empty
        };
        let chart = history_line(&many);
        check_chart(&chart, "e");
        assert!(view_height(&chart.svg) < 400.0);
        assert!(chart.svg.len() < 16_000, "{}", chart.svg.len());
    }
}
