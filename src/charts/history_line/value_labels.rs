//! The points of the history chart and their value labels, each placed
//! where it touches neither line nor another label (or left to the table).

use super::axes::Plot;
use crate::charts::Words;
use crate::charts::geometry::{ASCENT, DESCENT, TextBox};
use crate::charts::labels::{text_width, with_unit};
use crate::charts::palette::{BLUE, Paint};
use crate::charts::svg::{Anchor, SMALL, Svg, TextStyle};

/// Points and value labels. When labels would not fit side by side, only
/// the last, highest, lowest and first are written. Each label goes above
/// its point, else below it, else just above or below the target line —
/// the first place where it touches neither the target line, the line
/// through the points, nor a label already placed; a label with no such
/// place is left out (the table under the chart has every value).
pub(super) fn draw_points(
    svg: &mut Svg,
    plot: &Plot,
    values: &[Option<f64>],
    target: Option<f64>,
    unit: &str,
    w: &Words,
) {
    let count = values.len();
    let value_labels: Vec<Option<String>> = values
        .iter()
        .map(|v| v.map(|v| point_label(w, v, unit)))
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

/// A point's label: the number, with the unit only for percentages (other
/// units are named once, in the legend).
fn point_label(w: &Words, value: f64, unit: &str) -> String {
    if unit.trim() == "%" {
        with_unit(w, value, 2, unit)
    } else {
        w.dec(value, 2)
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
