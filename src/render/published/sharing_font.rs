//! Words for the sharing images: a bundled subset of Noto Sans (regular
//! and bold, SIL Open Font License, `assets/fonts/`) measured and
//! rasterised with `ab_glyph`. Text is turned into NFC first (the subset
//! holds the precomposed Vietnamese letters), measured in pixels, wrapped
//! at spaces to a width, and drawn as coverage values (0–255) that the
//! caller maps onto its palette. Pure arithmetic on bundled bytes: the same
//! text gives the same pixels on every machine.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use unicode_normalization::UnicodeNormalization;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular-vi.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold-vi.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

fn font(weight: Weight) -> Option<FontRef<'static>> {
    FontRef::try_from_slice(match weight {
        Weight::Regular => REGULAR,
        Weight::Bold => BOLD,
    })
    .ok()
}

/// Width in pixels of `text` at `size` px.
pub(crate) fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let Some(font) = font(weight) else {
        return 0.0;
    };
    let scaled = font.as_scaled(PxScale::from(size));
    text.nfc()
        .map(|c| scaled.h_advance(scaled.glyph_id(c)))
        .sum()
}

/// `text` broken at spaces into lines of at most `max_width` px; at most
/// `max_lines` lines, the last ending in "…" when words were left out.
pub(crate) fn wrap(
    text: &str,
    size: f32,
    weight: Weight,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Break at ordinary spaces only: a no-break space keeps "95,5 %" whole.
    for word in text
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
    {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || width(&candidate, size, weight) <= max_width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            // Drop words until the ellipsis fits.
            loop {
                let with = format!("{last}…");
                if width(&with, size, weight) <= max_width || !last.contains(' ') {
                    *last = with;
                    break;
                }
                let cut = last.rfind(' ').unwrap_or(0);
                last.truncate(cut);
            }
        }
    }
    // A single word wider than the line is shortened by characters.
    for line in &mut lines {
        while width(line, size, weight) > max_width && line.chars().count() > 1 {
            let mut chars: Vec<char> = line.chars().collect();
            chars.pop();
            if chars.last() != Some(&'…') {
                chars.pop();
                chars.push('…');
            }
            *line = chars.into_iter().collect();
        }
    }
    lines
}

/// Draws `text` with its baseline at `y`, starting at `x`, calling
/// `plot(x, y, coverage)` for every touched pixel inside `w`×`h`.
pub(crate) fn draw(
    text: &str,
    size: f32,
    weight: Weight,
    (x, y): (f32, f32),
    (w, h): (usize, usize),
    mut plot: impl FnMut(usize, usize, u8),
) {
    let Some(font) = font(weight) else {
        return;
    };
    let scaled = font.as_scaled(PxScale::from(size));
    let mut pen = x;
    for c in text.nfc() {
        let id = scaled.glyph_id(c);
        let glyph = id.with_scale_and_position(PxScale::from(size), ab_glyph::point(pen, y));
        pen += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px >= 0 && py >= 0 && (px as usize) < w && (py as usize) < h {
                let value = (coverage.clamp(0.0, 1.0) * 255.0).round() as u8;
                if value > 0 {
                    plot(px as usize, py as usize, value);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_in_the_bundled_fonts() {
        for weight in [Weight::Regular, Weight::Bold] {
            let font = font(weight).expect("the bundled font parses");
            for c in "ăâđêôơưẠẢẤẦẨẪẬắặếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ…–%".chars()
            {
                assert_ne!(font.glyph_id(c).0, 0, "{c} missing from {weight:?}");
            }
        }
        // Decomposed input is composed first: same width as precomposed.
        let nfd: String = "minh họa".nfd().collect();
        assert_eq!(
            width(&nfd, 20.0, Weight::Bold),
            width("minh họa", 20.0, Weight::Bold)
        );
    }

    #[test]
    fn wrapping_keeps_lines_inside_the_width() {
        let text = "Tỷ lệ hồ sơ giải quyết thủ tục hành chính được thực hiện trực tuyến toàn \
                    trình trên tổng số hồ sơ của phường";
        let lines = wrap(text, 24.0, Weight::Bold, 300.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for line in &lines {
            assert!(width(line, 24.0, Weight::Bold) <= 300.0, "{line}");
        }
        assert_eq!(wrap("Ngắn", 24.0, Weight::Bold, 300.0, 2), vec!["Ngắn"]);
    }
}
