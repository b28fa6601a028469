//! Boxes around text and the checks that keep labels off lines and off
//! each other: the estimated box of a piece of text (width from
//! [`text_width`], height from the font size: marks above Vietnamese
//! capitals reach about 0.95 em over the baseline, descenders 0.25 em
//! under it), box–box overlap and box–segment crossing.

use super::labels::text_width;
use super::svg::Anchor;

/// How far text reaches above its baseline, in em (stacked marks: "Ế").
pub(crate) const ASCENT: f64 = 0.95;
/// How far text reaches below its baseline, in em.
pub(crate) const DESCENT: f64 = 0.25;

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextBox {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl TextBox {
    /// The box of one line of `text` at `size`, baseline at `y`.
    pub(crate) fn of(x: f64, y: f64, text: &str, size: f64, anchor: Anchor) -> TextBox {
        let w = text_width(text, size);
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
            Anchor::End => x - w,
        };
        TextBox {
            left,
            right: left + w,
            top: y - ASCENT * size,
            bottom: y + DESCENT * size,
        }
    }

    /// True when the boxes, each grown by `gap` on every side, overlap.
    pub(crate) fn overlaps(&self, other: &TextBox, gap: f64) -> bool {
        self.left - gap < other.right
            && other.left - gap < self.right
            && self.top - gap < other.bottom
            && other.top - gap < self.bottom
    }

    /// True when the segment (x1, y1)–(x2, y2) passes within `gap` of the box.
    pub(crate) fn crossed_by(&self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), gap: f64) -> bool {
        let (l, r, t, b) = (
            self.left - gap,
            self.right + gap,
            self.top - gap,
            self.bottom + gap,
        );
        // Clip the segment to the box (Liang–Barsky).
        let (dx, dy) = (x2 - x1, y2 - y1);
        let mut lo = 0.0_f64;
        let mut hi = 1.0_f64;
        for (p, q) in [(-dx, x1 - l), (dx, r - x1), (-dy, y1 - t), (dy, b - y1)] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let u = q / p;
                if p < 0.0 {
                    lo = lo.max(u);
                } else {
                    hi = hi.min(u);
                }
                if lo > hi {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_and_segments() {
        let a = TextBox::of(100.0, 50.0, "84,1 %", 14.0, Anchor::Middle);
        assert!(a.left < 100.0 && a.right > 100.0 && a.top < 50.0 && a.bottom > 50.0);
        // A horizontal line through the text, one just under it, one far away.
        assert!(a.crossed_by((0.0, 47.0), (300.0, 47.0), 0.0));
        assert!(a.crossed_by((0.0, a.bottom + 1.0), (300.0, a.bottom + 1.0), 2.0));
        assert!(!a.crossed_by((0.0, 80.0), (300.0, 80.0), 2.0));
        // A diagonal through a corner; a vertical line beside it.
        assert!(a.crossed_by(
            (a.left - 10.0, a.top - 10.0),
            (a.left + 10.0, a.top + 10.0),
            0.0
        ));
        assert!(!a.crossed_by((a.right + 5.0, 0.0), (a.right + 5.0, 100.0), 2.0));
        let b = TextBox::of(100.0, 60.0, "88,7 %", 14.0, Anchor::Middle);
        assert!(a.overlaps(&b, 0.0));
        let c = TextBox::of(300.0, 50.0, "88,7 %", 14.0, Anchor::Middle);
        assert!(!a.overlaps(&c, 2.0));
    }
}
