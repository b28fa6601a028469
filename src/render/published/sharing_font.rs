//! Words for the sharing images: a bundled subset of Noto Sans (regular
//! and bold, SIL Open Font License, `assets/fonts/`) measured and
//! rasterised with `ab_glyph`. Text is turned into NFC first (the subset
//! holds the precomposed Vietnamese letters), measured in pixels, wrapped
//! at spaces to a width, and drawn as coverage values (0–255) that the
//! caller maps onto its palette. Pure arithmetic on bundled bytes: the same
//! text gives the same pixels on every machine. Each glyph is rasterised
//! once per size and quarter-pixel offset and then copied (the same words
//! recur on every card), so a card costs a few copies, not a rasteriser run.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};
use unicode_normalization::UnicodeNormalization;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular-vi.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold-vi.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// The parsed font of `weight` (parsed once).
fn font(weight: Weight) -> Option<&'static FontRef<'static>> {
    static FONTS: OnceLock<[Option<FontRef<'static>>; 2]> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        [
            FontRef::try_from_slice(REGULAR).ok(),
            FontRef::try_from_slice(BOLD).ok(),
        ]
    });
    fonts[weight as usize].as_ref()
}

/// A rasterised glyph: coverage values and where they sit relative to the
/// pen's whole-pixel position.
struct Bitmap {
    left: i64,
    top: i64,
    width: usize,
    coverage: Vec<u8>,
}

/// Glyph key: weight, size in quarter pixels, glyph id, and the pen's
/// position inside its pixel in quarter pixels (x and y).
type GlyphKey = (u8, u32, u16, u8, u8);

/// Glyphs rasterised once per build and reused by every card: the same
/// words at the same sizes recur on every image. Positions are snapped to a
/// quarter pixel, so a cached glyph is exactly what drawing it afresh gives.
fn bitmap(
    font: &FontRef<'static>,
    weight: Weight,
    size: f32,
    id: GlyphId,
    fx: u8,
    fy: u8,
) -> Arc<Bitmap> {
    static CACHE: OnceLock<Mutex<HashMap<GlyphKey, Arc<Bitmap>>>> = OnceLock::new();
    let key = (weight as u8, (size * 4.0).round() as u32, id.0, fx, fy);
    let cache = CACHE.get_or_init(Default::default);
    if let Some(b) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return b;
    }
    let position = ab_glyph::point(f32::from(fx) / 4.0, f32::from(fy) / 4.0);
    let glyph = id.with_scale_and_position(PxScale::from(size), position);
    let made = match font.outline_glyph(glyph) {
        Some(outline) => {
            let bounds = outline.px_bounds();
            let width = bounds.width().max(0.0) as usize;
            let height = bounds.height().max(0.0) as usize;
            let mut coverage = vec![0u8; width * height];
            outline.draw(|gx, gy, c| {
                let i = gy as usize * width + gx as usize;
                if let Some(slot) = coverage.get_mut(i) {
                    *slot = (c.clamp(0.0, 1.0) * 255.0).round() as u8;
                }
            });
            Bitmap {
                left: bounds.min.x as i64,
                top: bounds.min.y as i64,
                width,
                coverage,
            }
        }
        None => Bitmap {
            left: 0,
            top: 0,
            width: 0,
            coverage: Vec::new(),
        },
    };
    let made = Arc::new(made);
    if let Ok(mut c) = cache.lock() {
        c.insert(key, made.clone());
    }
    made
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
    let snap = |v: f32| (v * 4.0).round() / 4.0;
    let y = snap(y);
    let (base_y, fy) = (y.floor(), ((y - y.floor()) * 4.0) as u8);
    let mut pen = x;
    for c in text.nfc() {
        let id = scaled.glyph_id(c);
        let px = snap(pen);
        pen += scaled.h_advance(id);
        let (base_x, fx) = (px.floor(), ((px - px.floor()) * 4.0) as u8);
        let glyph = bitmap(font, weight, size, id, fx, fy);
        for (i, &value) in glyph.coverage.iter().enumerate() {
            if value == 0 {
                continue;
            }
            let gx = base_x as i64 + glyph.left + (i % glyph.width) as i64;
            let gy = base_y as i64 + glyph.top + (i / glyph.width) as i64;
            if gx >= 0 && gy >= 0 && (gx as usize) < w && (gy as usize) < h {
                plot(gx as usize, gy as usize, value);
            }
        }
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
