//! The canvas of the sharing images: 600×315 pixels of a 16-colour palette
//! (the theme's colours plus two anti-aliasing ramps: dark text on white
//! and white text on the brand blue), filled rectangles, words drawn with
//! the bundled font (`sharing_font`), and the PNG encoder (four-bit
//! palette, filter 0, zlib): a few kilobytes per image, the same bytes for
//! the same picture.

use std::io::Write;

use super::sharing_font::{self, Weight};

pub(crate) const W: usize = 600;
pub(crate) const H: usize = 315;

/// White, brand blue, light blue, soft grey, border grey, green, amber,
/// red, text black; then text on white at 1/5…4/5 coverage and white text
/// on brand blue at 1/4…3/4 coverage.
const PALETTE: [[u8; 3]; 16] = [
    [0xff, 0xff, 0xff],
    [0x0b, 0x4f, 0x8a],
    [0x56, 0x94, 0xca],
    [0xf3, 0xf2, 0xf1],
    [0xb1, 0xb4, 0xb6],
    [0x00, 0x70, 0x3c],
    [0xb5, 0x81, 0x05],
    [0xd4, 0x35, 0x1c],
    [0x0b, 0x0c, 0x0c],
    [0xce, 0xce, 0xce],
    [0x9d, 0x9e, 0x9e],
    [0x6d, 0x6d, 0x6d],
    [0x3c, 0x3d, 0x3d],
    [0x48, 0x7b, 0xa7],
    [0x85, 0xa7, 0xc4],
    [0xc2, 0xd3, 0xe2],
];
pub(crate) const WHITE: u8 = 0;
pub(crate) const BRAND: u8 = 1;
pub(crate) const LIGHT: u8 = 2;
pub(crate) const SOFT: u8 = 3;
pub(crate) const GREEN: u8 = 5;
pub(crate) const AMBER: u8 = 6;
pub(crate) const TEXT: u8 = 8;
/// First palette index of the dark-on-white ramp (4 steps).
const INK_RAMP: u8 = 9;
/// First palette index of the white-on-brand ramp (3 steps).
const WHITE_RAMP: u8 = 13;

/// Which ramp a piece of text is drawn with (and so which background it
/// must sit on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ink {
    /// Dark text on white.
    Dark,
    /// White text on the brand blue.
    Light,
}

/// One piece of text as laid out on a card (kept for the tests and the
/// image's alt text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub text: String,
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub weight: Weight,
    pub ink: Ink,
}

/// A canvas of palette indices and the words drawn on it.
pub(crate) struct Canvas {
    pub px: Vec<u8>,
    pub words: Vec<Word>,
}

impl Canvas {
    /// A white card with the brand band on top and a thin band below.
    pub(crate) fn new() -> Canvas {
        let mut c = Canvas {
            px: vec![WHITE; W * H],
            words: Vec::new(),
        };
        c.rect(0, 0, W, 52, BRAND);
        c.rect(0, 52, W, 4, LIGHT);
        c.rect(0, H - 10, W, 10, BRAND);
        c
    }

    pub(crate) fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, colour: u8) {
        for row in y.min(H)..(y + h).min(H) {
            let start = row * W + x.min(W);
            let end = row * W + (x + w).min(W);
            self.px[start..end].fill(colour);
        }
    }

    /// Draws one line of text, baseline at `baseline`, and records it.
    pub(crate) fn text(&mut self, word: Word) {
        let px = &mut self.px;
        sharing_font::draw(
            &word.text,
            word.size,
            word.weight,
            (word.x, word.baseline),
            (W, H),
            |x, y, coverage| {
                let slot = &mut px[y * W + x];
                let (steps, ramp, full) = match word.ink {
                    Ink::Dark => (5u16, INK_RAMP, TEXT),
                    Ink::Light => (4u16, WHITE_RAMP, WHITE),
                };
                let level = (u16::from(coverage) * steps + 127) / 255;
                let colour = match level {
                    0 => return,
                    l if l >= steps => full,
                    l => ramp + (l as u8 - 1),
                };
                // Overlapping glyph edges keep the darker (for dark ink:
                // higher) coverage.
                let current = *slot;
                let stronger = match word.ink {
                    Ink::Dark => current == WHITE || (INK_RAMP..INK_RAMP + 4).contains(&current),
                    Ink::Light => {
                        current == BRAND || (WHITE_RAMP..WHITE_RAMP + 3).contains(&current)
                    }
                };
                if stronger && rank(current, word.ink) < rank(colour, word.ink) {
                    *slot = colour;
                }
            },
        );
        self.words.push(word);
    }
}

/// How much ink a palette index carries for `ink` (0 = background).
fn rank(index: u8, ink: Ink) -> u8 {
    match ink {
        Ink::Dark => match index {
            TEXT => 5,
            i if (INK_RAMP..INK_RAMP + 4).contains(&i) => i - INK_RAMP + 1,
            _ => 0,
        },
        Ink::Light => match index {
            WHITE => 4,
            i if (WHITE_RAMP..WHITE_RAMP + 3).contains(&i) => i - WHITE_RAMP + 1,
            _ => 0,
        },
    }
}

/// True when the pixel carries text ink (any step of either ramp).
#[cfg(test)]
pub(crate) fn is_text(index: u8) -> bool {
    index == TEXT || (INK_RAMP..=WHITE_RAMP + 2).contains(&index)
}

/// PNG, four-bit palette, filter 0, zlib at the best level: deterministic
/// bytes.
pub(crate) fn encode(c: &Canvas) -> Vec<u8> {
    let mut raw = Vec::with_capacity(H * (W / 2 + 1));
    for row in c.px.chunks(W) {
        raw.push(0);
        raw.extend(
            row.chunks(2)
                .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0)),
        );
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = z.write_all(&raw);
    let idat = z.finish().unwrap_or_default();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend((W as u32).to_be_bytes());
    ihdr.extend((H as u32).to_be_bytes());
    ihdr.extend([4, 3, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    let plte: Vec<u8> = PALETTE.iter().flatten().copied().collect();
    chunk(&mut png, b"PLTE", &plte);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend(kind);
    out.extend(data);
    out.extend(crc.finalize().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramps_blend_from_the_background_to_the_ink() {
        // Each ramp runs monotonically from its background to its ink.
        let lum = |i: u8| {
            PALETTE[i as usize]
                .iter()
                .map(|&v| u32::from(v))
                .sum::<u32>()
        };
        let dark: Vec<u32> = [WHITE, 9, 10, 11, 12, TEXT]
            .iter()
            .map(|&i| lum(i))
            .collect();
        assert!(dark.windows(2).all(|w| w[0] > w[1]), "{dark:?}");
        let light: Vec<u32> = [BRAND, 13, 14, 15, WHITE].iter().map(|&i| lum(i)).collect();
        assert!(light.windows(2).all(|w| w[0] < w[1]), "{light:?}");
    }

    #[test]
    fn text_is_drawn_with_the_ramp_of_its_background() {
        let mut c = Canvas::new();
        c.text(Word {
            text: "Phường Sông Trí".into(),
            x: 20.0,
            baseline: 36.0,
            size: 22.0,
            weight: Weight::Bold,
            ink: Ink::Light,
        });
        c.text(Word {
            text: "minh họa".into(),
            x: 20.0,
            baseline: 120.0,
            size: 22.0,
            weight: Weight::Regular,
            ink: Ink::Dark,
        });
        let band: Vec<u8> = c.px[..52 * W].to_vec();
        assert!(band.contains(&WHITE) && band.iter().any(|&p| (13..16).contains(&p)));
        let body = &c.px[90 * W..130 * W];
        // Regular strokes at 22 px: a few dozen solid pixels, the rest edges.
        assert!(body.iter().filter(|&&p| p == TEXT).count() > 50);
        assert!(body.iter().filter(|&&p| (9..13).contains(&p)).count() > 150);
        assert!(
            body.iter()
                .all(|&p| p == WHITE || p == TEXT || (9..13).contains(&p))
        );
        let png = encode(&c);
        assert_eq!(png, encode(&c));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"));
    }
}
