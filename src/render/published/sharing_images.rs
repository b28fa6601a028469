//! Sharing preview images (`og:image`): a 600×315 palette PNG per target
//! page — the site's name, the target's own words, its latest figure
//! against the target ("95,5 % / 100 %", units included), the goal and
//! state, "Số liệu minh họa" when the figure is illustrative, and a
//! progress bar — one for the DTI page (a bar and "143,5/160" per pillar)
//! and one site-wide card (`chia-se.png`, the site's name and description)
//! for every other page without a cover. Words are drawn with the bundled
//! Noto Sans subset (`sharing_font`, OFL); see
//! docs/decisions/0020-sharing-images-and-chart-text.md.

use std::collections::HashMap;

use super::sharing_canvas::{
    AMBER, BRAND, Canvas, GREEN, H, Ink, LIGHT, SOFT, TEXT, W, Word, encode,
};
use super::sharing_font::{self, Weight};
use crate::charts::Words;
use crate::data::compute::TargetState;
use crate::data::model::Quantity;
use crate::data::values::Comparison;
use crate::render::data::DTI;
use crate::render::data::views::{latest, quantity, target_path, target_text_in, units_met_text};
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

use crate::render::engine::jobs::Job;
/// Preview image file name, in the page's folder (or the site root).
pub use crate::site::generated::SHARING_IMAGE as FILE;

/// Left and right margin of the words.
const MARGIN: f32 = 32.0;

/// What a target's card says, already in words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TargetCard {
    pub site: String,
    pub statement: String,
    /// "95,5 % / 100 %", "1.234 hồ sơ / 2.000 hồ sơ", "8/14 địa phương đạt";
    /// `None` when nothing is measured yet.
    pub figure: Option<String>,
    /// "Mục tiêu: trên 90 % · Chưa đạt".
    pub goal: String,
    pub illustrative: bool,
    /// "Chỉ tiêu", the word the alt text starts with.
    pub kind: String,
    /// "Chưa có số liệu" and "Số liệu minh họa" in the site's language.
    pub no_data: String,
    pub illustrative_words: String,
    pub progress: Option<f64>,
    pub achieved: Option<bool>,
}

impl TargetCard {
    /// The alt text: the same words as the picture.
    fn alt(&self) -> String {
        // Led by the kind of page ("Chỉ tiêu: …"), never by the officer's
        // text, so an alt text cannot start like a URL.
        let mut alt = format!(
            "{}: {} — {}. {}",
            self.kind,
            self.statement,
            self.figure.as_deref().unwrap_or(&self.no_data),
            self.goal
        );
        if self.illustrative {
            alt.push_str(&format!(" ({}).", self.illustrative_words));
        } else {
            alt.push('.');
        }
        alt
    }
}

/// The words of every target's card, in the order of the targets.
pub(crate) fn target_cards(site: &Site) -> Vec<TargetCard> {
    let Some(data) = &site.data else {
        return Vec::new();
    };
    (0..data.set.targets.len())
        .map(|i| card_of(&site.config.title, data, i))
        .collect()
}

/// Target `i`'s card in the data's words, under the site's name
/// `site_title`.
pub(crate) fn card_of(site_title: &str, data: &SiteData, i: usize) -> TargetCard {
    let (t, p) = (&data.set.targets[i], &data.computed.targets[i]);
    let words = data.chart_words();
    let w = &words;
    let state_word = |s: TargetState| {
        words.get(match s {
            TargetState::Achieved => "chart_met",
            TargetState::NotAchieved => "chart_not_met",
            TargetState::NoData => "chart_no_data",
            TargetState::DueSoon => "chart_due_soon",
        })
    };
    let unit = t.unit.as_deref();
    let figure = match (latest(data, p), p.units_met) {
        (Some(m), _) => Some(match (m.value, t.target, t.comparison) {
            (Quantity::Number(_), Quantity::Number(_), c) if c != Comparison::Rank => {
                format!(
                    "{} / {}",
                    quantity(m.value, unit, w),
                    quantity(t.target, unit, w)
                )
            }
            _ => quantity(m.value, unit, w),
        }),
        (None, Some((met, n))) => Some(units_met_text(met, n, w)),
        (None, None) => None,
    };
    let goal_line = words.fmt("chart_goal_line", &[("value", &target_text_in(t, &words))]);
    // The state only beside a figure ("Chưa có số liệu" is already
    // written large when there is none).
    let goal = if figure.is_some() {
        format!("{} · {}", goal_line, state_word(p.state))
    } else {
        goal_line
    };
    TargetCard {
        site: site_title.to_owned(),
        statement: t.statement.clone(),
        figure,
        goal,
        illustrative: p.illustrative,
        kind: words.get("chart_col_target").to_owned(),
        no_data: words.get("chart_no_data").to_owned(),
        illustrative_words: words.get("chart_illustrative").to_owned(),
        progress: p.progress,
        achieved: p.achieved,
    }
}

/// Which image a data page has (see [`images_of`]): its words are found
/// when the page renders, from the data it renders with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ImageOf {
    /// Target `i`'s card.
    Target(usize),
    /// The DTI card (none without scores).
    Dti,
}

/// The data pages (`…/index.html`) that have their own image: every
/// target's (the last target of a path, as [`image_alts`] words it) and
/// the DTI page.
pub(crate) fn images_of(data: &SiteData) -> HashMap<String, ImageOf> {
    let mut out: HashMap<String, ImageOf> = (data.set.targets.iter().enumerate())
        .map(|(i, t)| {
            (
                format!("{}index.html", target_path(&t.id)),
                ImageOf::Target(i),
            )
        })
        .collect();
    out.insert(format!("{DTI}index.html"), ImageOf::Dti);
    out
}

/// The image and its alt text of the data page at `path` (`…/index.html`)
/// whose image is `which`, worded from `site`'s data: what [`page_image`]
/// gives with the alt texts of [`image_alts`].
pub(crate) fn image_of(site: &Site, which: ImageOf, path: &str) -> Option<(String, String)> {
    let data = site.data.as_ref()?;
    let alt = match which {
        ImageOf::Target(i) => card_of(&site.config.title, data, i).alt(),
        ImageOf::Dti => dti_alt(data)?,
    };
    let dir = path.trim_end_matches("index.html");
    Some((format!("{}{dir}{FILE}", site.config.base_url), alt))
}

/// Points target and DTI pages at their own image. Runs once over the jobs
/// (a lookup per page would cost pages × targets); the alt texts are
/// worded only if a job needs them and `alts` (from [`image_alts`]) is not
/// given.
pub(crate) fn page_images(site: &Site, alts: Option<&HashMap<String, String>>, jobs: &mut [Job]) {
    let mut worded = None;
    for job in jobs.iter_mut() {
        // Data pages only: a content page at the same path keeps its own.
        if job.template != "target.html" && job.template != "dti.html" {
            continue;
        }
        let alts = match alts {
            Some(alts) => alts,
            None => worded.get_or_insert_with(|| image_alts(site, &target_cards(site))),
        };
        if let Some((image, alt)) = page_image(site, alts, &job.path) {
            job.context.insert("og_image", &image);
            job.context.insert("og_image_alt", &alt);
        }
    }
}

/// The image and its alt text of the data page at `path` (`…/index.html`),
/// if it has one; `alts` from [`image_alts`].
pub(crate) fn page_image(
    site: &Site,
    alts: &HashMap<String, String>,
    path: &str,
) -> Option<(String, String)> {
    let alt = alts.get(path)?;
    let dir = path.trim_end_matches("index.html");
    Some((format!("{}{dir}{FILE}", site.config.base_url), alt.clone()))
}

/// The alt text of each data page's own image (targets and the DTI page),
/// by the page's output path.
pub(crate) fn image_alts(site: &Site, cards: &[TargetCard]) -> HashMap<String, String> {
    let Some(data) = &site.data else {
        return HashMap::new();
    };
    let mut alts: HashMap<String, String> = data
        .set
        .targets
        .iter()
        .zip(cards)
        .map(|(t, card)| (format!("{}index.html", target_path(&t.id)), card.alt()))
        .collect();
    if let Some(alt) = dti_alt(data) {
        alts.insert(format!("{DTI}index.html"), alt);
    }
    alts
}

/// The DTI page's alt text: the latest year's points per pillar.
fn dti_alt(data: &SiteData) -> Option<String> {
    let year = data.computed.dti.last()?;
    let parts: Vec<String> = year
        .pillars
        .iter()
        .take(6)
        .map(|(name, t)| {
            format!(
                "{name} {}",
                points_label(&data.chart_words(), t.points, t.max)
            )
        })
        .collect();
    // Illustrative scores say so, in the picture's words as on the page.
    let mark = crate::render::data::dti::dti_year_mark(data, year.year);
    Some(data.chart_words().fmt(
        "chart_dti_alt",
        &[
            ("year", &year.year.to_string()),
            ("parts", &format!("{}{mark}", parts.join("; "))),
        ],
    ))
}

/// One preview image: what it shows, in words, known when the site is
/// planned; drawing and encoding it ([`Preview::draw`]) is the costly part,
/// left for when the file is written or first asked for.
#[derive(Debug, Clone)]
pub(crate) enum Preview {
    Site {
        header: String,
        title: String,
        description: String,
    },
    Dti {
        site: String,
        title: String,
        bars: Vec<(f64, f64)>,
        /// How the points are written ("80,0/100" / "80.0/100").
        words: std::sync::Arc<Words>,
    },
    /// Target `i`'s card, worded when drawn.
    Target(usize),
}

impl Preview {
    /// The PNG file; a target's card in the words of `data` (the data the
    /// site was planned with), under the site's name `site_title`.
    pub(crate) fn draw(&self, site_title: &str, data: Option<&SiteData>) -> Vec<u8> {
        encode(&match self {
            Preview::Site {
                header,
                title,
                description,
            } => site_card(header, title, description),
            Preview::Dti {
                site,
                title,
                bars,
                words,
            } => dti_card(words, site, title, bars),
            Preview::Target(i) => match data {
                Some(data) => target_card(&card_of(site_title, data, *i)),
                // Never planned without data.
                None => site_card("", site_title, ""),
            },
        })
    }
}

/// Every preview image of the site: its output path and what it shows,
/// in the site's language (the site card's header is the theme's
/// `sharing_header`).
/// A target's card is worded when drawn.
pub(crate) fn previews(site: &Site, theme: &Theme) -> Vec<(String, Preview)> {
    let mut out = vec![(
        FILE.to_owned(),
        Preview::Site {
            header: Tr::new(theme, &site.config.language).get("sharing_header"),
            title: site.config.title.clone(),
            description: site.config.description.clone(),
        },
    )];
    let Some(data) = &site.data else {
        return out;
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
        out.push((
            format!("{DTI}{FILE}"),
            Preview::Dti {
                site: site.config.title.clone(),
                // Illustrative scores say so, as on the DTI page.
                title: format!(
                    "{}{}",
                    data.chart_words()
                        .fmt("chart_loc_dti_year", &[("year", &year.year.to_string())]),
                    crate::render::data::dti::dti_year_mark(data, year.year)
                ),
                bars,
                words: data.chart_words(),
            },
        ));
    }
    for (i, t) in data.set.targets.iter().enumerate() {
        let path = target_path(&t.id);
        if !taken(&path) {
            out.push((format!("{path}{FILE}"), Preview::Target(i)));
        }
    }
    out
}

/// One line of words at (`x`, `baseline`).
fn word(text: &str, x: f32, baseline: f32, size: f32, weight: Weight, ink: Ink) -> Word {
    Word {
        text: text.to_owned(),
        x,
        baseline,
        size,
        weight,
        ink,
    }
}

/// The site's name, white on the brand band.
fn header(c: &mut Canvas, site: &str) {
    let line = sharing_font::wrap(site, 20.0, Weight::Bold, W as f32 - 2.0 * MARGIN, 1);
    if let Some(line) = line.first() {
        c.text(word(line, MARGIN, 34.0, 20.0, Weight::Bold, Ink::Light));
    }
}

/// The largest size from `sizes` at which `text` fits `max` px.
fn fitting(text: &str, sizes: &[f32], weight: Weight, max: f32) -> f32 {
    sizes
        .iter()
        .copied()
        .find(|&s| sharing_font::width(text, s, weight) <= max)
        .unwrap_or(sizes[sizes.len() - 1])
}

/// A target: its words, figure, goal, "minh họa" and a progress bar.
pub(crate) fn target_card(card: &TargetCard) -> Canvas {
    let mut c = Canvas::new();
    header(&mut c, &card.site);
    let inner = W as f32 - 2.0 * MARGIN;
    // The target's own words: up to three lines.
    let mut y = 92.0;
    for line in sharing_font::wrap(&card.statement, 25.0, Weight::Bold, inner, 3) {
        c.text(word(&line, MARGIN, y, 25.0, Weight::Bold, Ink::Dark));
        y += 32.0;
    }
    // The figure, as large as fits on one line.
    let (figure, weight) = match &card.figure {
        Some(f) => (f.as_str(), Weight::Bold),
        None => (card.no_data.as_str(), Weight::Regular),
    };
    let size = fitting(figure, &[46.0, 40.0, 34.0, 28.0], weight, inner);
    let figure_line = sharing_font::wrap(figure, size, weight, inner, 1);
    y += size - 10.0;
    c.text(word(&figure_line[0], MARGIN, y, size, weight, Ink::Dark));
    // Goal and state; then "Số liệu minh họa" beside an amber mark.
    y += 32.0;
    for line in sharing_font::wrap(&card.goal, 19.0, Weight::Regular, inner, 1) {
        c.text(word(&line, MARGIN, y, 19.0, Weight::Regular, Ink::Dark));
    }
    if card.illustrative {
        y += 28.0;
        c.rect(MARGIN as usize, (y - 15.0) as usize, 14, 16, AMBER);
        c.text(word(
            &card.illustrative_words,
            MARGIN + 22.0,
            y,
            19.0,
            Weight::Bold,
            Ink::Dark,
        ));
    }
    // The progress bar along the bottom.
    let bar_y = H - 10 - 30;
    let left = MARGIN as usize;
    let width = W - 2 * left;
    c.rect(left, bar_y, width, 14, SOFT);
    if let Some(p) = card.progress {
        let colour = if card.achieved == Some(true) {
            GREEN
        } else {
            AMBER
        };
        let filled = (width as f64 * p.clamp(0.0, 1.0)).round() as usize;
        c.rect(left, bar_y, filled, 14, colour);
    }
    c.rect(left, bar_y + 14, width, 2, TEXT);
    c
}

/// The site card: `header_words` ("Minh bạch chuyển đổi số") on the band,
/// the site's name and description, and three rising bars.
fn site_card(header_words: &str, title: &str, description: &str) -> Canvas {
    let mut c = Canvas::new();
    header(&mut c, header_words);
    let inner = W as f32 - 2.0 * MARGIN;
    let mut y = 104.0;
    for line in sharing_font::wrap(title, 30.0, Weight::Bold, inner, 2) {
        c.text(word(&line, MARGIN, y, 30.0, Weight::Bold, Ink::Dark));
        y += 38.0;
    }
    for line in sharing_font::wrap(description, 19.0, Weight::Regular, inner - 180.0, 3) {
        c.text(word(&line, MARGIN, y, 19.0, Weight::Regular, Ink::Dark));
        y += 26.0;
    }
    for (i, (h, colour)) in [(50, LIGHT), (85, BRAND), (120, GREEN)]
        .into_iter()
        .enumerate()
    {
        c.rect(430 + i * 48, 280 - h, 34, h, colour);
    }
    c.rect(420, 280, 150, 3, TEXT);
    c
}

/// Width of a DTI bar and where its label starts.
const BAR: usize = 330;
const LABEL_X: usize = MARGIN as usize + BAR + 16;

/// "143,5/160".
fn points_label(w: &Words, points: f64, max: f64) -> String {
    format!("{}/{}", w.fixed(points, 1), w.fixed(max, 0))
}

/// DTI: the year in the header, one bar per pillar with "points/max".
fn dti_card(w: &Words, site: &str, title: &str, bars: &[(f64, f64)]) -> Canvas {
    let mut c = Canvas::new();
    header(&mut c, site);
    c.text(word(title, MARGIN, 92.0, 25.0, Weight::Bold, Ink::Dark));
    let n = bars.len().clamp(1, 6);
    let top = 112;
    let slot = (H - 20 - top) / n;
    for (i, (points, max)) in bars.iter().take(6).enumerate() {
        let y = top + i * slot;
        let share = if *max > 0.0 {
            (points / max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let h = (slot * 3 / 5).max(8);
        let left = MARGIN as usize;
        c.rect(left, y, BAR, h, SOFT);
        c.rect(left, y, (BAR as f64 * share).round() as usize, h, BRAND);
        let label = points_label(w, *points, *max);
        let room = (W - LABEL_X) as f32 - MARGIN;
        let size =
            fitting(&label, &[22.0, 19.0, 16.0, 13.0], Weight::Bold, room).min(h as f32 + 6.0);
        let baseline = y as f32 + h as f32 / 2.0 + size * 0.36;
        c.text(word(
            &label,
            LABEL_X as f32,
            baseline,
            size,
            Weight::Bold,
            Ink::Dark,
        ));
    }
    c
}

#[cfg(test)]
mod tests;
