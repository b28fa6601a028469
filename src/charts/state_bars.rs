//! The drawing shared by the charts of counts by state (tasks by state,
//! criteria by status): one bar per state for one group, or one stacked bar
//! per group under a legend with the counts written beneath each bar.

use super::labels::{flow, text_width};
use super::palette::Paint;
use super::scale::fit;
use super::svg::{self, FONT, PAD, SMALL, Svg, Swatch, TextStyle, WIDTH, line_height};

/// One state of a group: its count, its paint and its name.
pub(crate) type State<'a> = (u32, Paint, &'a str);

const BAR: f64 = 20.0;

/// One bar per state: name on the left, `texts[i]` right of each bar.
pub(crate) fn single(
    id: &str,
    states: &[State],
    texts: &[String],
    title: &str,
    desc: &str,
) -> String {
    let label_width = states
        .iter()
        .map(|s| text_width(s.2, FONT))
        .fold(0.0, f64::max);
    let bar_x = PAD + label_width + 10.0;
    let max = states.iter().map(|s| s.0).max().unwrap_or(1).max(1);
    let labels = states
        .iter()
        .zip(texts)
        .map(|(s, t)| (f64::from(s.0), 6.0 + text_width(t, SMALL)));
    let xs = fit(0.0, f64::from(max), bar_x, WIDTH - PAD, labels);
    let mut svg = Svg::new(id);
    let row = BAR + 12.0;
    for (i, ((count, paint, label), text)) in states.iter().zip(texts).enumerate() {
        let y = PAD + i as f64 * row;
        svg.text(PAD, y + BAR - 5.0, label, TextStyle::LABEL);
        let w = xs.at(f64::from(*count)) - bar_x;
        svg.rect(bar_x, y, w, BAR, *paint);
        svg.text(bar_x + w + 6.0, y + BAR - 5.0, text, TextStyle::SMALL);
    }
    svg.finish(PAD + states.len() as f64 * row - 12.0 + PAD, title, desc)
}

/// One stacked bar per group (label, states), with a legend on top; under
/// each bar the `parts` of its text (already worded by the caller).
pub(crate) fn stacked(
    id: &str,
    legend: &[State],
    groups: &[(&str, Vec<State>, Vec<String>)],
    title: &str,
    desc: &str,
) -> String {
    let full = WIDTH - 2.0 * PAD;
    let total = |states: &[State]| states.iter().map(|s| u64::from(s.0)).sum::<u64>();
    let max_total = groups.iter().map(|g| total(&g.1)).max().unwrap_or(1).max(1);
    let mut svg = Svg::new(id);
    let legend: Vec<(Swatch, &str)> = legend.iter().map(|s| (Swatch::Box(s.1), s.2)).collect();
    let mut y = PAD + svg.legend(&legend, PAD, PAD, full) + 6.0;
    let lh = line_height(FONT);
    for (label, states, parts) in groups {
        let lines = svg.label(
            PAD,
            y + FONT,
            label,
            full,
            svg::ALL_LINES,
            TextStyle::LABEL.bold(),
        );
        let bar_y = y + lines as f64 * lh + 4.0;
        if total(states) == 0 {
            svg.dashed_box(PAD, bar_y, full, BAR);
        }
        let mut x = PAD;
        for (count, paint, _) in states {
            let w = full * f64::from(*count) / max_total as f64;
            svg.rect(x, bar_y, w, BAR, *paint);
            x += w;
        }
        let text_y = bar_y + BAR + SMALL + 4.0;
        let wrapped = flow(parts, full, SMALL, svg::ALL_LINES);
        let text_lines = svg.wrapped(PAD, text_y, &wrapped, &parts.join(" · "), TextStyle::SMALL);
        y = text_y + (text_lines - 1) as f64 * line_height(SMALL) + 16.0;
    }
    svg.finish(y - 16.0 + PAD + 4.0, title, desc)
}
