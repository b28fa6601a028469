//! Sharing preview images (`og:image`), drawn without fonts or network:
//! a 600×315 four-bit palette PNG per target page (the latest progress as
//! a large number and a bar), one for the DTI page (a bar per pillar) and
//! one site-wide card (`chia-se.png`) for every other page without a cover.
//! Digits come from a built-in 5×7 bitmap font; titles are left to the
//! `og:title` text the platforms print beside the image. See
//! docs/decisions/0006-search.md ("Sharing") for why not resvg + a font.

use std::collections::HashMap;
use std::io::Write;

use rayon::prelude::*;

use crate::output::Output;
use crate::render::data::DTI;
use crate::render::data::views::target_path;
use crate::render::engine::jobs::Job;
use crate::site::Site;
use crate::text::numbers::format_fixed;

/// Preview image file name, in the page's folder (or the site root).
pub const FILE: &str = "chia-se.png";
const W: usize = 600;
const H: usize = 315;

/// Palette: white, brand blue, light blue, soft grey, border grey, green,
/// amber, red, text black.
const PALETTE: [[u8; 3]; 9] = [
    [0xff, 0xff, 0xff],
    [0x0b, 0x4f, 0x8a],
    [0x56, 0x94, 0xca],
    [0xf3, 0xf2, 0xf1],
    [0xb1, 0xb4, 0xb6],
    [0x00, 0x70, 0x3c],
    [0xb5, 0x81, 0x05],
    [0xd4, 0x35, 0x1c],
    [0x0b, 0x0c, 0x0c],
];
const WHITE: u8 = 0;
const BRAND: u8 = 1;
const LIGHT: u8 = 2;
const SOFT: u8 = 3;
const GREY: u8 = 4;
const GREEN: u8 = 5;
const AMBER: u8 = 6;
const TEXT: u8 = 8;

/// The site-wide image (absolute URL) and its alt text, for every page;
/// covers ([`crate::render::pages::single::page_jobs`]) and [`page_images`] replace it.
pub fn site_image(site: &Site) -> (String, String) {
    (
        format!("{}{FILE}", site.config.base_url),
        site.config.title.clone(),
    )
}

/// Points target and DTI pages at their own image. Runs once over the jobs
/// (a lookup per page would cost pages × targets).
pub(crate) fn page_images(site: &Site, jobs: &mut [Job]) {
    let Some(data) = &site.data else {
        return;
    };
    let mut alts: HashMap<String, String> = data
        .set
        .targets
        .iter()
        .map(|t| {
            (
                format!("{}index.html", target_path(&t.id)),
                format!("Tiến độ chỉ tiêu: {}", t.statement),
            )
        })
        .collect();
    if let Some(year) = data.computed.dti.last() {
        let parts: Vec<String> = year
            .pillars
            .iter()
            .take(6)
            .map(|(name, t)| format!("{name} {}", points_label(t.points, t.max)))
            .collect();
        alts.insert(
            format!("{DTI}index.html"),
            format!(
                "Điểm chỉ số DTI năm {} theo trụ cột: {}",
                year.year,
                parts.join("; ")
            ),
        );
    }
    let base = &site.config.base_url;
    for job in jobs.iter_mut() {
        // Data pages only: a content page at the same path keeps its own.
        if job.template != "target.html" && job.template != "dti.html" {
            continue;
        }
        if let Some(alt) = alts.get(&job.path) {
            let dir = job.path.trim_end_matches("index.html");
            job.context
                .insert("og_image", &format!("{base}{dir}{FILE}"));
            job.context.insert("og_image_alt", alt);
        }
    }
}

/// Writes every preview image.
pub fn preview_files(site: &Site, output: &mut Output) {
    output.insert(FILE.into(), encode(&site_card()));
    let Some(data) = &site.data else {
        return;
    };
    let pages: std::collections::HashSet<&str> =
        site.pages.iter().map(|p| p.path.as_str()).collect();
    let taken = |p: &str| pages.contains(p);
    if let Some(year) = data.computed.dti.last() {
        let bars: Vec<(f64, f64)> = year
            .pillars
            .iter()
            .map(|(_, t)| (t.points, t.max))
            .collect();
        output.insert(format!("{DTI}{FILE}"), encode(&dti_card(&bars)));
    }
    let images: Vec<(String, Vec<u8>)> = data
        .set
        .targets
        .par_iter()
        .zip(&data.computed.targets)
        .filter(|(t, _)| !taken(&target_path(&t.id)))
        .map(|(t, p)| {
            let card = target_card(p.progress, p.achieved);
            (format!("{}{FILE}", target_path(&t.id)), encode(&card))
        })
        .collect();
    for (path, bytes) in images {
        output.insert(path, bytes);
    }
}

/// A canvas of palette indices.
struct Canvas {
    px: Vec<u8>,
}

impl Canvas {
    fn new() -> Canvas {
        let mut c = Canvas {
            px: vec![WHITE; W * H],
        };
        c.rect(0, 0, W, 44, BRAND);
        c.rect(0, 44, W, 4, LIGHT);
        c.rect(0, H - 10, W, 10, BRAND);
        c
    }

    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, colour: u8) {
        for row in y.min(H)..(y + h).min(H) {
            let start = row * W + x.min(W);
            let end = row * W + (x + w).min(W);
            self.px[start..end].fill(colour);
        }
    }

    /// Draws `text` (digits and , . % / -) at `scale` pixels per dot.
    fn text(&mut self, x: usize, y: usize, scale: usize, text: &str, colour: u8) {
        let mut cx = x;
        for ch in text.chars() {
            if let Some(rows) = glyph(ch) {
                for (r, bits) in rows.iter().enumerate() {
                    for col in 0..5 {
                        if bits & (0b10000 >> col) != 0 {
                            self.rect(cx + col * scale, y + r * scale, scale, scale, colour);
                        }
                    }
                }
            }
            cx += 6 * scale;
        }
    }
}

/// 5×7 dot glyphs, one row per byte (high bit on the left).
fn glyph(c: char) -> Option<[u8; 7]> {
    Some(match c {
        '0' => [0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e],
        '1' => [0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e],
        '2' => [0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f],
        '3' => [0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e],
        '4' => [0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02],
        '5' => [0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e],
        '6' => [0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e],
        '7' => [0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
        '8' => [0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e],
        '9' => [0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c],
        ',' => [0x00, 0x00, 0x00, 0x00, 0x0c, 0x04, 0x08],
        '.' => [0x00, 0x00, 0x00, 0x00, 0x00, 0x0c, 0x0c],
        '%' => [0x18, 0x19, 0x02, 0x04, 0x08, 0x13, 0x03],
        '/' => [0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00],
        '-' => [0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00],
        ' ' => [0; 7],
        _ => return None,
    })
}

/// The site card: three rising bars, the shape of the site's charts.
fn site_card() -> Canvas {
    let mut c = Canvas::new();
    c.rect(40, 80, W - 80, H - 130, SOFT);
    for (i, (h, colour)) in [(70, LIGHT), (120, BRAND), (170, GREEN)]
        .into_iter()
        .enumerate()
    {
        c.rect(200 + i * 75, 250 - h, 50, h, colour);
    }
    c.rect(170, 250, 260, 3, TEXT);
    c
}

/// A target: progress as "95,5 %" and a bar.
fn target_card(progress: Option<f64>, achieved: Option<bool>) -> Canvas {
    let mut c = Canvas::new();
    let colour = match achieved {
        Some(true) => GREEN,
        _ => AMBER,
    };
    match progress {
        Some(p) => {
            let p = p.clamp(0.0, 1.0);
            let text = format!("{} %", format_fixed(p * 100.0, 1));
            let width = text.chars().count() * 6 * 12;
            c.text((W.saturating_sub(width)) / 2, 80, 12, &text, TEXT);
            c.rect(50, 200, W - 100, 48, SOFT);
            c.rect(50, 200, ((W - 100) as f64 * p).round() as usize, 48, colour);
            c.rect(50, 248, W - 100, 3, TEXT);
        }
        None => {
            c.text((W - 5 * 6 * 12) / 2, 100, 12, "- - -", GREY);
        }
    }
    c
}

/// Width of a DTI bar and where its label starts.
const BAR: usize = 300;
const LABEL_X: usize = 40 + BAR + 16;

/// "143,5/160".
fn points_label(points: f64, max: f64) -> String {
    format!("{}/{}", format_fixed(points, 1), format_fixed(max, 0))
}

/// DTI: one bar per pillar, points / max.
fn dti_card(bars: &[(f64, f64)]) -> Canvas {
    let mut c = Canvas::new();
    let n = bars.len().clamp(1, 6);
    let slot = (H - 90) / n;
    for (i, (points, max)) in bars.iter().take(6).enumerate() {
        let y = 66 + i * slot;
        let share = if *max > 0.0 {
            (points / max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let h = (slot * 2 / 3).max(8);
        c.rect(40, y, BAR, h, SOFT);
        c.rect(40, y, (BAR as f64 * share).round() as usize, h, BRAND);
        let label = points_label(*points, *max);
        // Fit the label in the space right of the bars.
        let room = W - LABEL_X - 12;
        let scale = (h / 8).min(room / (label.chars().count() * 6)).clamp(1, 5);
        c.text(
            LABEL_X,
            y + (h.saturating_sub(7 * scale)) / 2,
            scale,
            &label,
            TEXT,
        );
    }
    c
}

/// PNG, four-bit palette, filter 0, fast deflate: deterministic bytes.
fn encode(c: &Canvas) -> Vec<u8> {
    let mut raw = Vec::with_capacity(H * (W / 2 + 1));
    for row in c.px.chunks(W) {
        raw.push(0);
        raw.extend(
            row.chunks(2)
                .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0)),
        );
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
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
    fn png_is_well_formed_and_deterministic() {
        let a = encode(&target_card(Some(0.955), Some(false)));
        assert_eq!(a, encode(&target_card(Some(0.955), Some(false))));
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"));
        assert_eq!(&a[16..24], &[0, 0, 2, 0x58, 0, 0, 1, 0x3b]);
        assert!(a.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
        // The number is drawn: more dark dots than on an empty card.
        let dark = |c: &Canvas| c.px.iter().filter(|&&p| p == TEXT).count();
        assert!(dark(&target_card(Some(0.5), None)) > dark(&target_card(None, None)) + 1000);
    }

    #[test]
    fn dti_labels_fit_in_the_image() {
        let c = dti_card(&[(143.5, 160.0), (57.5, 75.0), (1234.5, 1500.0)]);
        let text_cols = (0..H)
            .flat_map(|y| (0..W).map(move |x| (x, y)))
            .filter(|&(x, y)| c.px[y * W + x] == TEXT)
            .map(|(x, _)| x);
        let rightmost = text_cols.max().unwrap();
        assert!(rightmost > LABEL_X && rightmost < W - 8, "{rightmost}");
    }
}
