//! One target's bar: on its own scale (0–100 at least for percentages),
//! filled in the state's paint, with zero marked when the scale goes below
//! it and a marker at the target; yes/no targets as a full or empty bar.

use super::{TargetItem, TargetState};
use crate::charts::finite;
use crate::charts::palette::{INK, MET, MUTED, NOT_MET};
use crate::charts::svg::{Stroke, Svg};
use crate::data::values::Comparison;

/// The bar's height.
pub(super) const BAR: f64 = 16.0;

/// One bar on its own scale from `min(0, value, target)` to
/// `max(0, value, target)` (at least 0–100 for percentages).
pub(super) fn draw_bar(
    svg: &mut Svg,
    item: &TargetItem,
    state: TargetState,
    x: f64,
    y: f64,
    width: f64,
) {
    let value = finite(item.value);
    if item.comparison == Comparison::YesNo {
        match value {
            Some(v) if v != 0.0 => svg.rect(x, y, width, BAR, MET),
            Some(_) => {
                svg.track(x, y, width, BAR);
                svg.rect(x, y, BAR, BAR, NOT_MET);
            }
            None => svg.dashed_box(x, y, width, BAR),
        }
        return;
    }
    let target = Some(item.target).filter(|t| t.is_finite());
    let mut lo = 0.0_f64;
    let mut hi = if item.unit.trim() == "%" {
        100.0_f64
    } else {
        0.0
    };
    for v in [value, target].into_iter().flatten() {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= 0.0 {
        hi = lo + 1.0;
    }
    let scale = |v: f64| x + (v - lo) / (hi - lo) * width;
    match value {
        Some(v) => {
            svg.track(x, y, width, BAR);
            let zero = scale(0.0);
            svg.rect(zero, y, scale(v) - zero, BAR, state.paint());
            if lo < 0.0 {
                // Mark zero so that a negative bar reads as negative.
                let stroke = Stroke {
                    colour: MUTED,
                    width: 1.5,
                    dashed: false,
                };
                svg.line(zero, y - 2.0, zero, y + BAR + 2.0, stroke);
            }
        }
        None => svg.dashed_box(x, y, width, BAR),
    }
    if let Some(t) = target {
        let tx = scale(t).clamp(x + 1.0, x + width - 1.0);
        svg.line(
            tx,
            y - 4.0,
            tx,
            y + BAR + 4.0,
            Stroke {
                colour: INK,
                width: 2.5,
                dashed: false,
            },
        );
    }
}
