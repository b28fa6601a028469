//! One target over time ("Quý I/2026", "2025", …): a line through the
//! measured values with a marker and a value label at each point, a dashed
//! target line named in the legend ("Mục tiêu: 100 %") and a y axis with
//! Vietnamese tick labels. Missing periods leave a gap, never a zero.

use super::geometry::{ASCENT, DESCENT, TextBox};
use super::labels::{text_width, with_unit, wrap};
use super::palette::{BLUE, INK, MUTED, Paint};
use super::scale::{Linear, nice_ticks};
use super::svg::{self, Anchor, PAD, SMALL, Stroke, Svg, TextStyle, WIDTH, line_height};
use super::table::{Column, Table};
use super::{Chart, chart_id, finite};
use crate::text::numbers::format_decimal;

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
}

const PLOT_HEIGHT: f64 = 200.0;
const LEGEND_DASH: f64 = 28.0;
const GRID: &str = "#DDDDDD";

/// A line chart of one target's values over periods.
pub fn history_line(input: &HistoryLine) -> Chart {
    let id = chart_id(&input.id);
    let desc = describe(input);
    let table_html = table(input);
    let values: Vec<Option<f64>> = input.points.iter().map(|p| finite(p.value)).collect();
    if values.iter().all(Option::is_none) {
        return Chart::empty(id, &input.title, desc, table_html);
    }
    let target = input.target.filter(|t| t.is_finite());
    let unit = input.unit.as_str();

    let mut svg = Svg::new(&id);
    let top = PAD + legend(&mut svg, unit, target);
    let plot = y_axis(&mut svg, top, &values, target, input.points.len());
    draw_line(&mut svg, &plot, &values, target);
    draw_points(&mut svg, &plot, &values, target, unit);
    let bottom = period_labels(&mut svg, &plot, input);
    let svg = svg.finish(bottom + PAD, &input.title, &desc);
    Chart {
        id,
        title: input.title.clone(),
        desc,
        svg,
        table_html,
    }
}

/// The plot area: its edges, the y scale and the width of each period's
/// band (the point sits in the middle of its band).
struct Plot {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    band: f64,
    ys: Linear,
}

impl Plot {
    /// The x of period `i`.
    fn x(&self, i: usize) -> f64 {
        self.left + self.band * (i as f64 + 0.5)
    }
}

/// The y scale over the values and the target, with its gridlines and tick
/// labels; the plot starts below `y`.
fn y_axis(
    svg: &mut Svg,
    mut y: f64,
    values: &[Option<f64>],
    target: Option<f64>,
    count: usize,
) -> Plot {
    // Y scale and ticks.
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values.iter().flatten().chain(target.iter()) {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    let (ticks, tick_decimals) = nice_ticks(lo, hi, 5);
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    let tick_labels: Vec<String> = ticks
        .iter()
        .map(|t| format_decimal(*t, tick_decimals))
        .collect();
    let axis_width = tick_labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max);
    // Room above the plot for the value label of the highest point.
    y += SMALL + 12.0;
    let plot_top = y;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let left = PAD + axis_width + 8.0;
    let right = WIDTH - PAD;
    let ys = Linear::new(lo, hi, plot_bottom, plot_top);
    for (tick, label) in ticks.iter().zip(&tick_labels) {
        let ty = ys.at(*tick);
        let colour = if *tick == 0.0 { MUTED } else { GRID };
        svg.line(
            left,
            ty,
            right,
            ty,
            Stroke {
                colour,
                width: 1.0,
                dashed: false,
            },
        );
        svg.text(
            left - 6.0,
            ty + SMALL * 0.35,
            label,
            TextStyle::SMALL.anchor(Anchor::End),
        );
    }

    Plot {
        left,
        top: plot_top,
        right,
        bottom: plot_bottom,
        band: (right - left) / count as f64,
        ys,
    }
}

/// The target line, then line segments between consecutive measured
/// periods; a missing period leaves a gap and says so when there is room.
fn draw_line(svg: &mut Svg, plot: &Plot, values: &[Option<f64>], target: Option<f64>) {
    if let Some(t) = target {
        let ty = plot.ys.at(t);
        svg.line(plot.left, ty, plot.right, ty, target_stroke());
    }
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let missing_style = TextStyle::SMALL.anchor(Anchor::Middle).colour(MUTED);
    let missing_fits = text_width("số liệu", SMALL) + 4.0 <= plot.band;
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => segment.push((plot.x(i), plot.ys.at(*v))),
            None => {
                svg.polyline(&segment, line_stroke());
                segment.clear();
                if missing_fits {
                    let lines = ["chưa có".to_owned(), "số liệu".to_owned()];
                    let lh = line_height(SMALL);
                    svg.text_lines(plot.x(i), plot.bottom - 8.0 - lh, &lines, lh, missing_style);
                }
            }
        }
    }
    svg.polyline(&segment, line_stroke());
}

/// Points and value labels. When labels would not fit side by side, only
/// the last, highest, lowest and first are written. Each label goes above
/// its point, else below it, else just above or below the target line —
/// the first place where it touches neither the target line, the line
/// through the points, nor a label already placed; a label with no such
/// place is left out (the table under the chart has every value).
fn draw_points(
    svg: &mut Svg,
    plot: &Plot,
    values: &[Option<f64>],
    target: Option<f64>,
    unit: &str,
) {
    let count = values.len();
    let value_labels: Vec<Option<String>> = values
        .iter()
        .map(|v| v.map(|v| point_label(v, unit)))
        .collect();
    let widest = value_labels
        .iter()
        .flatten()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max);
    let order: Vec<usize> = if widest + 4.0 <= plot.band {
        (0..count).collect()
    } else {
        priority_labels(values)
    };
    let points: Vec<Option<(f64, f64)>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| v.map(|v| (plot.x(i), plot.ys.at(v))))
        .collect();
    for &(x, y) in points.iter().flatten() {
        svg.circle(x, y, 4.5, Paint::solid(BLUE));
    }
    // The drawn line: segments between consecutive measured periods.
    let segments: Vec<((f64, f64), (f64, f64))> = points
        .windows(2)
        .filter_map(|w| Some((w[0]?, w[1]?)))
        .collect();
    let target_y = target.map(|t| plot.ys.at(t));
    let style = TextStyle::SMALL.anchor(Anchor::Middle).bold();
    let mut placed: Vec<TextBox> = Vec::new();
    for i in order {
        let (Some((px, py)), Some(label)) = (points[i], &value_labels[i]) else {
            continue;
        };
        let half = text_width(label, SMALL) / 2.0;
        let lx = px.clamp(plot.left + half, plot.right - half);
        let mut baselines = vec![py - 9.0, py + 9.0 + ASCENT * SMALL];
        if let Some(ty) = target_y {
            baselines.push(ty - 4.0 - DESCENT * SMALL);
            baselines.push(ty + 4.0 + ASCENT * SMALL);
        }
        let free = |b: &TextBox| {
            b.top >= plot.top - SMALL - 10.0
                && b.bottom <= plot.bottom - 2.0
                && !target_y.is_some_and(|ty| b.crossed_by((plot.left, ty), (plot.right, ty), 2.0))
                && !segments.iter().any(|&(a, c)| b.crossed_by(a, c, 1.0))
                && !points.iter().flatten().any(|&(x, y)| {
                    b.crossed_by((x - 4.5, y), (x + 4.5, y), 0.0)
                        || b.crossed_by((x, y - 4.5), (x, y + 4.5), 0.0)
                })
                && !placed.iter().any(|p| p.overlaps(b, 2.0))
        };
        let Some(spot) = baselines
            .into_iter()
            .map(|ly| TextBox::of(lx, ly, label, SMALL, Anchor::Middle))
            .find(free)
        else {
            continue;
        };
        placed.push(spot);
        svg.halo_text(lx, spot.top + ASCENT * SMALL, label, style);
    }
}

/// Period labels under the axis, wrapped to two lines and thinned out
/// (counting back from the latest period, which is always labelled); the
/// bottom of the lowest label.
fn period_labels(svg: &mut Svg, plot: &Plot, input: &HistoryLine) -> f64 {
    let count = input.points.len();
    let lh = line_height(SMALL);
    let every = label_step(input, plot.band);
    let mut bottom = plot.bottom;
    for (i, point) in input.points.iter().enumerate() {
        if !(count - 1 - i).is_multiple_of(every) {
            continue;
        }
        let width = (plot.band * every as f64 - 4.0).max(40.0);
        let wrapped = wrap(&point.period, width, SMALL, 2);
        let half = wrapped
            .lines
            .iter()
            .map(|l| text_width(l, SMALL))
            .fold(0.0, f64::max)
            / 2.0;
        let lx = plot.x(i).clamp(PAD + half, WIDTH - PAD - half);
        let style = TextStyle::SMALL.anchor(Anchor::Middle);
        svg.wrapped(
            lx,
            plot.bottom + 6.0 + SMALL,
            &wrapped,
            &point.period,
            style,
        );
        bottom = bottom.max(plot.bottom + 6.0 + wrapped.lines.len() as f64 * lh);
    }
    bottom
}

fn line_stroke() -> Stroke {
    Stroke {
        colour: BLUE,
        width: 2.5,
        dashed: false,
    }
}

fn target_stroke() -> Stroke {
    Stroke {
        colour: INK,
        width: 1.5,
        dashed: true,
    }
}

/// Show every n-th period label so that labels do not collide.
fn label_step(input: &HistoryLine, band: f64) -> usize {
    let widest = input
        .points
        .iter()
        .flat_map(|p| p.period.split_whitespace())
        .map(|w| text_width(w, SMALL))
        .fold(0.0, f64::max);
    let need = widest.min(90.0) + 14.0;
    ((need / band).ceil() as usize).max(1)
}

/// The legend: the line with its unit, and the dashed target line. Returns
/// its height.
fn legend(svg: &mut Svg, unit: &str, target: Option<f64>) -> f64 {
    let y = PAD;
    let mut x = PAD;
    let mut line = 0.0;
    svg.line(x, y + 9.0, x + LEGEND_DASH, y + 9.0, line_stroke());
    svg.circle(x + LEGEND_DASH / 2.0, y + 9.0, 4.0, Paint::solid(BLUE));
    let name = if unit.trim().is_empty() {
        "Kết quả".to_owned()
    } else {
        format!("Kết quả ({})", unit.trim())
    };
    svg.text(x + LEGEND_DASH + 6.0, y + 14.0, &name, TextStyle::SMALL);
    x += LEGEND_DASH + 6.0 + text_width(&name, SMALL) + 18.0;
    if let Some(t) = target {
        let label = format!("Mục tiêu: {}", with_unit(t, 2, unit));
        if x + LEGEND_DASH + 6.0 + text_width(&label, SMALL) > WIDTH - PAD {
            x = PAD;
            line += 22.0;
        }
        svg.line(
            x,
            y + line + 9.0,
            x + LEGEND_DASH,
            y + line + 9.0,
            target_stroke(),
        );
        svg.text(
            x + LEGEND_DASH + 6.0,
            y + line + 14.0,
            &label,
            TextStyle::SMALL,
        );
    }
    line + 22.0
}

/// A point's label: the number, with the unit only for percentages (other
/// units are named once, in the legend).
fn point_label(value: f64, unit: &str) -> String {
    if unit.trim() == "%" {
        with_unit(value, 2, unit)
    } else {
        format_decimal(value, 2)
    }
}

/// With many periods: the last, the highest, the lowest, then the first.
fn priority_labels(values: &[Option<f64>]) -> Vec<usize> {
    let measured: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    let mut order = Vec::new();
    let max = measured
        .iter()
        .fold(None::<(usize, f64)>, |m, &(i, v)| match m {
            Some((_, mv)) if mv >= v => m,
            _ => Some((i, v)),
        });
    let min = measured
        .iter()
        .fold(None::<(usize, f64)>, |m, &(i, v)| match m {
            Some((_, mv)) if mv <= v => m,
            _ => Some((i, v)),
        });
    for i in [
        measured.last(),
        max.as_ref(),
        min.as_ref(),
        measured.first(),
    ]
    .into_iter()
    .flatten()
    {
        if !order.contains(&i.0) {
            order.push(i.0);
        }
    }
    order
}

fn describe(input: &HistoryLine) -> String {
    let measured: Vec<(&str, f64)> = input
        .points
        .iter()
        .filter_map(|p| finite(p.value).map(|v| (p.period.as_str(), v)))
        .collect();
    let unit = input.unit.as_str();
    let mut desc = match (measured.first(), measured.last()) {
        (Some(first), Some(last)) if measured.len() > 1 => format!(
            "Từ {} đến {}: {} → {}",
            first.0,
            last.0,
            with_unit(first.1, 2, unit),
            with_unit(last.1, 2, unit)
        ),
        (Some(only), _) => format!("{}: {}", only.0, with_unit(only.1, 2, unit)),
        _ => svg::NO_DATA_TEXT.to_owned(),
    };
    if let Some(t) = input.target.filter(|t| t.is_finite()) {
        desc.push_str(&format!("; mục tiêu: {}", with_unit(t, 2, unit)));
    }
    let missing = input
        .points
        .iter()
        .filter(|p| finite(p.value).is_none())
        .count();
    if missing > 0 && !measured.is_empty() {
        desc.push_str(&format!("; {missing} kỳ chưa có số liệu"));
    }
    desc.push('.');
    desc
}

fn table(input: &HistoryLine) -> String {
    let header = if input.unit.trim().is_empty() {
        "Giá trị".to_owned()
    } else {
        format!("Giá trị ({})", input.unit.trim())
    };
    let mut table = Table::new(&input.title, vec![Column::text("Kỳ"), Column::num(&header)]);
    for point in &input.points {
        let value = finite(point.value)
            .map_or_else(|| svg::NO_DATA_TEXT.to_owned(), |v| format_decimal(v, 2));
        table.row(vec![point.period.clone(), value]);
    }
    if let Some(t) = input.target.filter(|t| t.is_finite()) {
        table.footer(vec!["Mục tiêu".to_owned(), format_decimal(t, 2)]);
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
