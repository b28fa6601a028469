//! The lines of the history chart: the dashed target line, the measured
//! line with a gap (and "chưa có số liệu") for each missing period, and the
//! legend naming both.

use super::axes::Plot;
use crate::charts::labels::{text_width, with_unit};
use crate::charts::palette::{BLUE, INK, MUTED, Paint};
use crate::charts::svg::{Anchor, PAD, SMALL, Stroke, Svg, TextStyle, WIDTH, line_height};
use crate::charts::words::Words;

const LEGEND_DASH: f64 = 28.0;

/// The target line, then line segments between consecutive measured
/// periods; a missing period leaves a gap and says so when there is room.
pub(super) fn draw_line(
    svg: &mut Svg,
    plot: &Plot,
    values: &[Option<f64>],
    target: Option<f64>,
    w: &Words,
) {
    if let Some(t) = target {
        let ty = plot.ys.at(t);
        svg.line(plot.left, ty, plot.right, ty, target_stroke());
    }
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let missing_style = TextStyle::SMALL.anchor(Anchor::Middle).colour(MUTED);
    let (gap_top, gap_bottom) = (w.get("chart_gap_top"), w.get("chart_gap_bottom"));
    let missing_fits =
        text_width(gap_top, SMALL).max(text_width(gap_bottom, SMALL)) + 4.0 <= plot.band;
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => segment.push((plot.x(i), plot.ys.at(*v))),
            None => {
                svg.polyline(&segment, line_stroke());
                segment.clear();
                if missing_fits {
                    let lines = [gap_top.to_owned(), gap_bottom.to_owned()];
                    let lh = line_height(SMALL);
                    svg.text_lines(plot.x(i), plot.bottom - 8.0 - lh, &lines, lh, missing_style);
                }
            }
        }
    }
    svg.polyline(&segment, line_stroke());
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

/// The legend: the line with its unit, and the dashed target line. Returns
/// its height.
pub(super) fn legend(svg: &mut Svg, unit: &str, target: Option<f64>, w: &Words) -> f64 {
    let y = PAD;
    let mut x = PAD;
    let mut line = 0.0;
    svg.line(x, y + 9.0, x + LEGEND_DASH, y + 9.0, line_stroke());
    svg.circle(x + LEGEND_DASH / 2.0, y + 9.0, 4.0, Paint::solid(BLUE));
    let name = if unit.trim().is_empty() {
        w.get("chart_result").to_owned()
    } else {
        w.fmt("chart_result_unit", &[("unit", unit.trim())])
    };
    svg.text(x + LEGEND_DASH + 6.0, y + 14.0, &name, TextStyle::SMALL);
    x += LEGEND_DASH + 6.0 + text_width(&name, SMALL) + 18.0;
    if let Some(t) = target {
        let label = w.fmt("chart_goal_line", &[("value", &with_unit(w, t, 2, unit))]);
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
