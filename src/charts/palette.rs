//! Colours and fill patterns shared by the charts.
//!
//! Hues come from the Okabe–Ito palette (safe for the common colour-vision
//! deficiencies). Fills of data marks either have at least 3:1 contrast
//! against the white background (WCAG 2.1 SC 1.4.11) or carry a darker
//! outline that does. Every state that a colour stands for is also shown by a
//! pattern and named in words next to the mark (SC 1.4.1).

/// Okabe–Ito bluish green: "đạt", "hoàn thành".
pub(crate) const GREEN: &str = "#009E73";
/// Okabe–Ito vermillion: "chưa đạt", "quá hạn".
pub(crate) const VERMILLION: &str = "#D55E00";
/// Okabe–Ito blue: neutral data, "đang thực hiện", disbursed money.
pub(crate) const BLUE: &str = "#0072B2";
/// Okabe–Ito sky blue (needs the blue outline for contrast).
pub(crate) const SKY: &str = "#56B4E9";
/// Okabe–Ito orange (needs a dark outline for contrast).
pub(crate) const ORANGE: &str = "#E69F00";
/// Dark orange outline for [`ORANGE`] fills (4.9:1 on white).
pub(crate) const ORANGE_DARK: &str = "#8A6D00";
/// Okabe–Ito reddish purple: "tạm dừng".
pub(crate) const PURPLE: &str = "#CC79A7";
/// Mid grey for "chưa bắt đầu" marks (3:1 on white).
pub(crate) const GREY: &str = "#949494";
/// Light grey for tracks and "no data" fills (always with an outline).
pub(crate) const LIGHT: &str = "#E6E6E6";
/// Outline and secondary text grey (4.5:1 on white).
pub(crate) const MUTED: &str = "#595959";
/// Dark green for "Đạt" written as text (5.3:1 on white).
pub(crate) const GREEN_TEXT: &str = "#007A5A";
/// Dark vermillion for "Chưa đạt" written as text (5.1:1 on white).
pub(crate) const VERMILLION_TEXT: &str = "#B45000";
/// Main text colour.
pub(crate) const INK: &str = "#1A1A1A";

/// A texture drawn over a fill colour, so that states differ without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Pattern {
    /// Diagonal stripes (↗).
    Diagonal,
    /// Diagonal cross-hatching.
    Cross,
    /// A dot grid.
    Dots,
    /// Horizontal stripes.
    Horizontal,
}

impl Pattern {
    /// Short name used in the pattern's id.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Pattern::Diagonal => "cheo",
            Pattern::Cross => "luoi",
            Pattern::Dots => "cham",
            Pattern::Horizontal => "ngang",
        }
    }

    /// The pattern tile (8×8 user units) drawn over `colour`, without the
    /// surrounding `<pattern>` element.
    pub(crate) fn tile(self, colour: &str) -> String {
        let bg = format!("<rect width=\"8\" height=\"8\" fill=\"{colour}\"/>");
        let stripes = match self {
            Pattern::Diagonal => {
                "<rect width=\"3\" height=\"8\" fill=\"#fff\" opacity=\".55\"/>".to_owned()
            }
            Pattern::Cross => "<rect width=\"2\" height=\"8\" fill=\"#fff\" opacity=\".6\"/>\
                 <rect width=\"8\" height=\"2\" fill=\"#fff\" opacity=\".6\"/>"
                .to_owned(),
            Pattern::Dots => {
                "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"#fff\" opacity=\".75\"/>".to_owned()
            }
            Pattern::Horizontal => {
                "<rect width=\"8\" height=\"3\" fill=\"#fff\" opacity=\".55\"/>".to_owned()
            }
        };
        format!("{bg}{stripes}")
    }

    /// Whether the tile is rotated by 45°.
    pub(crate) fn rotated(self) -> bool {
        matches!(self, Pattern::Diagonal | Pattern::Cross)
    }
}

/// How a data mark is filled: a colour, an optional pattern over it and an
/// optional outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paint {
    pub colour: &'static str,
    pub pattern: Option<Pattern>,
    pub outline: Option<&'static str>,
}

impl Paint {
    /// A plain colour fill.
    pub(crate) const fn solid(colour: &'static str) -> Paint {
        Paint {
            colour,
            pattern: None,
            outline: None,
        }
    }

    /// A colour with a pattern over it.
    pub(crate) const fn patterned(colour: &'static str, pattern: Pattern) -> Paint {
        Paint {
            colour,
            pattern: Some(pattern),
            outline: None,
        }
    }

    /// The same paint with an outline.
    pub(crate) const fn with_outline(self, outline: &'static str) -> Paint {
        Paint {
            outline: Some(outline),
            ..self
        }
    }
}

/// "Đạt": solid green.
pub(crate) const MET: Paint = Paint::solid(GREEN);
/// "Chưa đạt": vermillion with diagonal stripes.
pub(crate) const NOT_MET: Paint = Paint::patterned(VERMILLION, Pattern::Diagonal);
/// "Chưa có số liệu": light grey dots with a grey outline.
pub(crate) const NO_DATA: Paint = Paint::patterned(LIGHT, Pattern::Dots).with_outline(MUTED);
/// Neutral value (no target to compare with): solid blue.
pub(crate) const NEUTRAL: Paint = Paint::solid(BLUE);

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast_on_white(hex: &str) -> f64 {
        1.05 / (luminance(hex) + 0.05)
    }

    #[test]
    fn marks_and_outlines_reach_three_to_one_on_white() {
        for colour in [GREEN, VERMILLION, BLUE, PURPLE, GREY, ORANGE_DARK, MUTED] {
            assert!(contrast_on_white(colour) >= 3.0, "{colour}");
        }
        // Text colours reach 4.5:1.
        for colour in [MUTED, INK, GREEN_TEXT, VERMILLION_TEXT] {
            assert!(contrast_on_white(colour) >= 4.5, "{colour}");
        }
    }

    #[test]
    fn light_fills_always_come_with_an_outline() {
        assert!(contrast_on_white(LIGHT) < 3.0);
        assert_eq!(NO_DATA.outline, Some(MUTED));
    }
}
