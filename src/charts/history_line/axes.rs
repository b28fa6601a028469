//! The plot area of the history line: the y scale over the values and the
//! target with gridlines and Vietnamese tick labels, each period's band, and
//! the period labels under the axis (wrapped, thinned out when crowded).

use super::HistoryLine;
use crate::charts::Words;
use crate::charts::labels::{text_width, wrap};
use crate::charts::palette::MUTED;
use crate::charts::scale::{Linear, nice_ticks};
use crate::charts::svg::{Anchor, PAD, SMALL, Stroke, Svg, TextStyle, WIDTH, line_height};

const PLOT_HEIGHT: f64 = 200.0;
const GRID: &str = "#DDDDDD";

/// The plot area: its edges, the y scale and the width of each period's
/// band (the point sits in the middle of its band).
pub(super) struct Plot {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) right: f64,
    pub(super) bottom: f64,
    pub(super) band: f64,
    pub(super) ys: Linear,
}

impl Plot {
    /// The x of period `i`.
    pub(super) fn x(&self, i: usize) -> f64 {
        self.left + self.band * (i as f64 + 0.5)
    }
}

/// The y scale over the values and the target, with its gridlines and tick
/// labels; the plot starts below `y`.
pub(super) fn y_axis(
    svg: &mut Svg,
    mut y: f64,
    values: &[Option<f64>],
    target: Option<f64>,
    count: usize,
    w: &Words,
) -> Plot {
    // Y scale and ticks.
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values.iter().flatten().chain(target.iter()) {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    let (ticks, tick_decimals) = nice_ticks(lo, hi, 5);
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    let tick_labels: Vec<String> = ticks.iter().map(|t| w.dec(*t, tick_decimals)).collect();
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

/// Period labels under the axis, wrapped to two lines and thinned out
/// (counting back from the latest period, which is always labelled); the
/// bottom of the lowest label.
pub(super) fn period_labels(svg: &mut Svg, plot: &Plot, input: &HistoryLine) -> f64 {
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
