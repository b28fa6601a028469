//! A small SVG writer: shapes and text with coordinates rounded to two
//! decimals, escaped text, fill patterns collected into `<defs>` with ids
//! under the chart's prefix, and the accessible root element (`role="img"`,
//! `aria-labelledby` → `<title>` + `<desc>`, a `viewBox`, `class="chart"` and
//! no fixed size). Also the shared legend and the empty state.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::labels::{Wrapped, text_width, wrap};
use super::palette::{INK, LIGHT, MUTED, Paint, Pattern};
use crate::text::escape::html;

/// Width of every chart's `viewBox`, in CSS pixels: the theme shows a chart
/// at this width (`max-width:20rem`) and never larger, so one unit is one
/// pixel and the text keeps its size on every screen. 320 fits the content
/// column of a 360 px phone; see docs/decisions/0020-sharing-images-and-chart-text.md.
pub(crate) const WIDTH: f64 = 320.0;
/// Outer padding.
pub(crate) const PAD: f64 = 8.0;
/// Font size of labels: 15 px, the page's small text (.92–.95rem).
pub(crate) const FONT: f64 = 15.0;
/// Font size of secondary text (values, ticks, legend).
pub(crate) const SMALL: f64 = 14.0;

/// No limit on the number of lines of a label: names are wrapped, never
/// cut (a chart grows taller instead).
pub(crate) const ALL_LINES: usize = usize::MAX;

/// Distance between baselines for text of `size`.
pub(crate) fn line_height(size: f64) -> f64 {
    (size * 1.3).round()
}

/// Formats a coordinate: at most two decimals, no trailing zeros, no `-0`.
pub(crate) fn n(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}

/// Horizontal text alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// How a piece of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f64,
    pub anchor: Anchor,
    pub bold: bool,
    pub colour: &'static str,
}

impl TextStyle {
    /// Label text: [`FONT`], start-anchored, ink colour.
    pub(crate) const LABEL: TextStyle = TextStyle {
        size: FONT,
        anchor: Anchor::Start,
        bold: false,
        colour: INK,
    };
    /// Secondary text: [`SMALL`], start-anchored, ink colour.
    pub(crate) const SMALL: TextStyle = TextStyle {
        size: SMALL,
        anchor: Anchor::Start,
        bold: false,
        colour: INK,
    };

    /// The same style with another anchor.
    pub(crate) const fn anchor(self, anchor: Anchor) -> TextStyle {
        TextStyle { anchor, ..self }
    }

    /// The same style in bold.
    pub(crate) const fn bold(self) -> TextStyle {
        TextStyle { bold: true, ..self }
    }

    /// The same style in another colour.
    pub(crate) const fn colour(self, colour: &'static str) -> TextStyle {
        TextStyle { colour, ..self }
    }
}

/// Stroke of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stroke {
    pub colour: &'static str,
    pub width: f64,
    pub dashed: bool,
}

/// The symbol drawn before a legend entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A square filled like the bars.
    Box(Paint),
    /// A diamond marker.
    Diamond(&'static str),
}

/// Collects the body of one chart.
pub(crate) struct Svg {
    id: String,
    body: String,
    /// Value labels drawn last, over everything, with a white halo.
    halo: String,
    patterns: BTreeSet<(Pattern, &'static str)>,
}

impl Svg {
    /// A new, empty drawing whose inner ids start with `id`.
    pub(crate) fn new(id: &str) -> Svg {
        Svg {
            id: id.to_owned(),
            body: String::with_capacity(4096),
            halo: String::new(),
            patterns: BTreeSet::new(),
        }
    }

    fn paint_attrs(&mut self, paint: Paint) -> String {
        let mut attrs = match paint.pattern {
            // The colour after the url() is the fallback when the pattern
            // cannot be resolved (e.g. a page with an unusual <base href>).
            Some(pattern) => {
                self.patterns.insert((pattern, paint.colour));
                format!(
                    " fill=\"url(#{}) {}\"",
                    pattern_id(&self.id, pattern, paint.colour),
                    paint.colour
                )
            }
            None => format!(" fill=\"{}\"", paint.colour),
        };
        if let Some(outline) = paint.outline {
            let _ = write!(attrs, " stroke=\"{outline}\"");
        }
        attrs
    }

    /// A filled rectangle; negative sizes are flipped, empty ones skipped.
    pub(crate) fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, paint: Paint) {
        let (x, w) = if w < 0.0 { (x + w, -w) } else { (x, w) };
        let (y, h) = if h < 0.0 { (y + h, -h) } else { (y, h) };
        if w < 0.005 || h < 0.005 {
            return;
        }
        let attrs = self.paint_attrs(paint);
        let _ = write!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{attrs}/>",
            n(x),
            n(y),
            n(w),
            n(h)
        );
    }

    /// An empty track: light grey with a grey outline (shows the full scale).
    pub(crate) fn track(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.rect(x, y, w, h, Paint::solid(LIGHT));
    }

    /// An unfilled rectangle with a dashed outline (used for "no data").
    pub(crate) fn dashed_box(&mut self, x: f64, y: f64, w: f64, h: f64) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let _ = write!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{MUTED}\" \
             stroke-dasharray=\"4 3\"/>",
            n(x),
            n(y),
            n(w),
            n(h)
        );
    }

    /// A straight line.
    pub(crate) fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: Stroke) {
        let _ = write!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            stroke.colour
        );
        if stroke.width != 1.0 {
            let _ = write!(self.body, " stroke-width=\"{}\"", n(stroke.width));
        }
        if stroke.dashed {
            self.body.push_str(" stroke-dasharray=\"6 4\"");
        }
        self.body.push_str("/>");
    }

    /// A polyline through `points`.
    pub(crate) fn polyline(&mut self, points: &[(f64, f64)], stroke: Stroke) {
        if points.len() < 2 {
            return;
        }
        let coords: Vec<String> = points
            .iter()
            .map(|&(x, y)| format!("{},{}", n(x), n(y)))
            .collect();
        let _ = write!(
            self.body,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
            coords.join(" "),
            stroke.colour,
            n(stroke.width)
        );
        if stroke.dashed {
            self.body.push_str(" stroke-dasharray=\"6 4\"");
        }
        self.body.push_str(" stroke-linejoin=\"round\"/>");
    }

    /// A circle with a white outline (so that it stands out on lines).
    pub(crate) fn circle(&mut self, cx: f64, cy: f64, r: f64, paint: Paint) {
        let attrs = self.paint_attrs(paint);
        let stroke = if paint.outline.is_none() {
            " stroke=\"#fff\""
        } else {
            ""
        };
        let _ = write!(
            self.body,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{attrs}{stroke} stroke-width=\"1.5\"/>",
            n(cx),
            n(cy),
            n(r)
        );
    }

    /// A small diamond marker centred on (`cx`, `cy`).
    pub(crate) fn diamond(&mut self, cx: f64, cy: f64, r: f64, colour: &'static str) {
        let _ = write!(
            self.body,
            "<path d=\"M{} {}l{} {}l{} {}l{} {}z\" fill=\"{colour}\" stroke=\"#fff\"/>",
            n(cx),
            n(cy - r),
            n(r),
            n(r),
            n(-r),
            n(r),
            n(-r),
            n(-r)
        );
    }

    /// One line of text with its baseline at `y`; the text is escaped.
    pub(crate) fn text(&mut self, x: f64, y: f64, text: &str, style: TextStyle) {
        let mut body = std::mem::take(&mut self.body);
        write_text(&mut body, x, y, text, style);
        self.body = body;
    }

    /// Text drawn on top of everything else with a white halo, so that
    /// lines passing behind it (target lines, grid) do not hide it.
    pub(crate) fn halo_text(&mut self, x: f64, y: f64, text: &str, style: TextStyle) {
        write_text(&mut self.halo, x, y, text, style);
    }

    /// Several lines of text, the first baseline at `y`.
    pub(crate) fn text_lines(
        &mut self,
        x: f64,
        y: f64,
        lines: &[String],
        line_height: f64,
        style: TextStyle,
    ) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f64 * line_height, line, style);
        }
    }

    /// Opens a group; with `tooltip`, the group gets a `<title>` child that
    /// holds the full text of a label shown shortened.
    pub(crate) fn open_group(&mut self, tooltip: Option<&str>) {
        self.body.push_str("<g>");
        if let Some(text) = tooltip {
            let _ = write!(self.body, "<title>{}</title>", html(text));
        }
    }

    /// Closes the group opened by [`Svg::open_group`].
    pub(crate) fn close_group(&mut self) {
        self.body.push_str("</g>");
    }

    /// A label wrapped to at most `max_lines` lines of `max_width`, the
    /// first baseline at `y`. When it had to be shortened, the lines are
    /// grouped under a `<title>` with the full text. Returns the line count.
    pub(crate) fn label(
        &mut self,
        x: f64,
        y: f64,
        text: &str,
        max_width: f64,
        max_lines: usize,
        style: TextStyle,
    ) -> usize {
        let wrapped = wrap(text, max_width, style.size, max_lines);
        self.wrapped(x, y, &wrapped, text, style)
    }

    /// Lines already laid out, first baseline at `y`, grouped under a
    /// `<title>` holding `full` when they were shortened. Returns the line
    /// count.
    pub(crate) fn wrapped(
        &mut self,
        x: f64,
        y: f64,
        wrapped: &Wrapped,
        full: &str,
        style: TextStyle,
    ) -> usize {
        let tooltip = wrapped.truncated.then_some(full);
        if tooltip.is_some() {
            self.open_group(tooltip);
        }
        self.text_lines(x, y, &wrapped.lines, line_height(style.size), style);
        if tooltip.is_some() {
            self.close_group();
        }
        wrapped.lines.len()
    }

    /// A legend flowing left to right from (`x`, `y`) within `max_width`;
    /// returns the height it took.
    pub(crate) fn legend(
        &mut self,
        items: &[(Swatch, &str)],
        x: f64,
        y: f64,
        max_width: f64,
    ) -> f64 {
        let swatch = 14.0;
        let line_height = 22.0;
        let mut cx = x;
        let mut cy = y;
        for (kind, label) in items {
            let w = swatch + 6.0 + text_width(label, SMALL);
            if cx > x && cx + w > x + max_width {
                cx = x;
                cy += line_height;
            }
            match *kind {
                Swatch::Box(paint) => self.rect(cx, cy + 2.0, swatch, swatch, paint),
                Swatch::Diamond(colour) => self.diamond(cx + swatch / 2.0, cy + 9.0, 6.0, colour),
            }
            self.text(cx + swatch + 6.0, cy + 14.0, label, TextStyle::SMALL);
            cx += w + 16.0;
        }
        cy + line_height - y
    }

    /// Writes the complete `<svg>` element of height `height`.
    pub(crate) fn finish(self, height: f64, title: &str, desc: &str) -> String {
        let id = &self.id;
        let mut out = String::with_capacity(self.body.len() + 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" class=\"chart\" \
             role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" \
             font-size=\"{}\" fill=\"{INK}\">\n<title id=\"{id}-title\">{}</title>\n\
             <desc id=\"{id}-desc\">{}</desc>\n",
            n(WIDTH),
            n(height.ceil()),
            n(FONT),
            html(title),
            html(desc)
        );
        if !self.patterns.is_empty() {
            out.push_str("<defs>");
            for &(pattern, colour) in &self.patterns {
                let rotate = if pattern.rotated() {
                    " patternTransform=\"rotate(45)\""
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<pattern id=\"{}\" width=\"8\" height=\"8\" \
                     patternUnits=\"userSpaceOnUse\"{rotate}>{}</pattern>",
                    pattern_id(id, pattern, colour),
                    pattern.tile(colour)
                );
            }
            out.push_str("</defs>\n");
        }
        out.push_str(&self.body);
        if !self.halo.is_empty() {
            out.push_str(
                "<g stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" \
                 paint-order=\"stroke\">",
            );
            out.push_str(&self.halo);
            out.push_str("</g>");
        }
        out.push_str("\n</svg>");
        out
    }
}

/// Writes one `<text>` element into `out`.
/// Writes one `<text>` element into `out`.
fn write_text(out: &mut String, x: f64, y: f64, text: &str, style: TextStyle) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\"", n(x), n(y));
    if style.size != FONT {
        let _ = write!(out, " font-size=\"{}\"", n(style.size));
    }
    match style.anchor {
        Anchor::Start => {}
        Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
        Anchor::End => out.push_str(" text-anchor=\"end\""),
    }
    if style.bold {
        out.push_str(" font-weight=\"bold\"");
    }
    if style.colour != INK {
        let _ = write!(out, " fill=\"{}\"", style.colour);
    }
    let _ = write!(out, ">{}</text>", html(text));
}

fn pattern_id(chart: &str, pattern: Pattern, colour: &str) -> String {
    format!(
        "{chart}-{}-{}",
        pattern.name(),
        colour.trim_start_matches('#').to_ascii_lowercase()
    )
}

/// The message every chart shows when there is nothing to draw.
pub(crate) const NO_DATA_TEXT: &str = "Chưa có số liệu";

/// A small valid chart that says "Chưa có số liệu".
pub(crate) fn empty_svg(id: &str, title: &str) -> String {
    let mut svg = Svg::new(id);
    let height = 64.0;
    svg.dashed_box(PAD, PAD, WIDTH - 2.0 * PAD, height - 2.0 * PAD);
    svg.text(
        WIDTH / 2.0,
        height / 2.0 + FONT * 0.35,
        NO_DATA_TEXT,
        TextStyle::LABEL.anchor(Anchor::Middle).colour(MUTED),
    );
    svg.finish(height, title, &format!("{NO_DATA_TEXT}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_at_most_two_decimals() {
        assert_eq!(n(16.129032258064516), "16.13");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(480.0), "480");
        assert_eq!(n(2.5), "2.5");
        assert_eq!(n(f64::NAN), "0");
    }

    #[test]
    fn patterns_get_ids_under_the_chart_prefix_and_a_fallback_colour() {
        let mut svg = Svg::new("kq-2025");
        svg.rect(0.0, 0.0, 10.0, 10.0, super::super::palette::NOT_MET);
        let out = svg.finish(20.0, "T", "D");
        assert!(out.contains("<pattern id=\"kq-2025-cheo-d55e00\""));
        assert!(out.contains("fill=\"url(#kq-2025-cheo-d55e00) #D55E00\""));
        assert!(!out.contains("width=\"480\" height"));
    }
}
