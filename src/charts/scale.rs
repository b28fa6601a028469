//! Linear scales and "nice" axis ticks (steps of 1, 2 or 5 × 10ⁿ).

/// Maps a domain `[lo, hi]` onto a pixel range `[from, to]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Linear {
    pub lo: f64,
    pub hi: f64,
    pub from: f64,
    pub to: f64,
}

impl Linear {
    /// A scale; an empty domain is widened so that it never divides by zero.
    pub(crate) fn new(lo: f64, hi: f64, from: f64, to: f64) -> Linear {
        let (lo, hi) = if hi - lo > 0.0 {
            (lo, hi)
        } else {
            (lo, lo + 1.0)
        };
        Linear { lo, hi, from, to }
    }

    /// The pixel position of `value`.
    pub(crate) fn at(&self, value: f64) -> f64 {
        self.from + (value - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }
}

/// A scale of `[lo, hi]` starting at `from`, as wide as possible while each
/// label, given as (the value it follows, its width plus gap), still ends
/// before `to`. Never narrower than a quarter of `to - from`.
pub(crate) fn fit(
    lo: f64,
    hi: f64,
    from: f64,
    to: f64,
    labels: impl IntoIterator<Item = (f64, f64)>,
) -> Linear {
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let room = to - from;
    let mut k = room / span;
    for (anchor, extra) in labels {
        let d = anchor - lo;
        if d > 0.0 && d.is_finite() {
            k = k.min((room - extra) / d);
        }
    }
    let k = k.max(room / span * 0.25);
    Linear::new(lo, lo + span, from, from + span * k)
}

/// The domain `[min(0, values), max(0, values)]`, or `[0, 1]` when empty.
pub(crate) fn domain_with_zero(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= 0.0 {
        (lo, lo + 1.0)
    } else {
        (lo, hi)
    }
}

/// Ticks covering `[lo, hi]` with at most about `max_count` steps; returns
/// the ticks and the number of decimals their step needs.
pub(crate) fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> (Vec<f64>, usize) {
    let (lo, hi) = if hi - lo > 0.0 {
        (lo, hi)
    } else {
        (lo, lo + 1.0)
    };
    let raw = (hi - lo) / max_count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let ticks = (0..=((last - first) as usize))
        .map(|i| (first + i as f64) * step)
        .collect();
    (ticks, decimals.min(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5).0,
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        let (t, d) = nice_ticks(0.0, 0.83, 4);
        assert_eq!(d, 1);
        assert!(t[0] <= 0.0 && *t.last().unwrap() >= 0.83);
        let (t, _) = nice_ticks(-12.0, 1.5e9, 5);
        assert!(t[0] <= -12.0 && *t.last().unwrap() >= 1.5e9 && t.len() <= 7);
        assert!(nice_ticks(5.0, 5.0, 5).0.len() >= 2);
    }

    #[test]
    fn scale_maps_ends() {
        let s = Linear::new(0.0, 200.0, 10.0, 110.0);
        assert_eq!(s.at(100.0), 60.0);
        assert!(Linear::new(3.0, 3.0, 0.0, 1.0).at(3.0).is_finite());
        assert_eq!(domain_with_zero([f64::NAN, 5.0, -2.0]), (-2.0, 5.0));
        // A 50-wide label after the largest value leaves 50 for the bar.
        let s = fit(0.0, 10.0, 0.0, 100.0, [(10.0, 50.0), (5.0, 10.0)]);
        assert_eq!(s.at(10.0), 50.0);
        // Labels that cannot fit still leave a quarter of the room.
        assert_eq!(fit(0.0, 10.0, 0.0, 100.0, [(10.0, 500.0)]).at(10.0), 25.0);
    }
}
