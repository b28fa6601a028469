//! The canonical charts of one target, pillar or unit, shared by the data
//! pages and the Markdown shortcodes (same data, same id, same bytes), and
//! the figure markup with its data table and embed snippet.
//!
//! Every chart id is unique across the site: the standalone copies under
//! `bieu-do/<id>/` are keyed by it (see [`crate::render::data::embeds`]).

use crate::charts::{self, Words};
use crate::data::Quantity;
use crate::render::data::lazy_chart::LazyChart;
use crate::render::data::task_views::task_counts;
use crate::render::data::views::{
    ChartView, chart_cmp, latest, number, targets_chart, targets_chart_title,
};
use crate::render::data::wording::Worded;
use crate::render::engine::i18n::Tr;
use crate::site::SiteData;
use crate::site::identities::{PillarEntry, in_pillar, names_unit};
use crate::text::escape::html;
use crate::text::slugify;

/// Where standalone charts are published.
pub const CHARTS: &str = "bieu-do/";

/// The target value as a chart number.
fn target_value(q: Quantity) -> Option<f64> {
    Some(number(q))
}

/// Whether target `i` has whole-unit results: its chart is then a
/// history line.
pub fn has_history(data: &SiteData, i: usize) -> bool {
    let t = &data.set.targets[i];
    data.results_of(&t.id)
        .iter()
        .any(|&j| data.set.results[j].commune.is_none())
}

/// The raw id and title of target `i`'s history line.
pub fn history_head(data: &SiteData, i: usize) -> (String, String) {
    let w = data.chart_words();
    let t = &data.set.targets[i];
    (
        format!("lich-su-{}", t.id),
        super::views::mark_title(
            w.fmt("chart_title_history", &[("id", &t.id)]),
            data.computed.targets[i].illustrative,
            &w,
        ),
    )
}

/// A target's history line (whole-unit results, oldest first), if any.
pub fn history_chart(data: &SiteData, i: usize) -> Option<ChartView> {
    let w = data.chart_words();
    let t = &data.set.targets[i];
    let mut idx: Vec<usize> = data
        .results_of(&t.id)
        .iter()
        .copied()
        .filter(|&j| data.set.results[j].commune.is_none())
        .collect();
    idx.sort_by_key(|&j| (data.set.results[j].period.end(), j));
    if idx.is_empty() {
        return None;
    }
    let (id, title) = history_head(data, i);
    let points = idx
        .iter()
        .map(|&j| charts::HistoryPoint {
            period: {
                let period = data.set.results[j].period;
                match t.placement(period) {
                    crate::data::model::Placement::Before => {
                        w.fmt("chart_period_baseline", &[("period", &period.word(&w))])
                    }
                    crate::data::model::Placement::Within => period.word(&w),
                    crate::data::model::Placement::After => {
                        w.fmt("chart_period_after", &[("period", &period.word(&w))])
                    }
                }
            },
            value: Some(number(data.set.results[j].value)),
        })
        .collect();
    Some(
        charts::history_line(&charts::HistoryLine {
            id,
            title,
            unit: t.unit.clone().unwrap_or_default(),
            target: target_value(t.target),
            points,
            words: data.chart_words(),
        })
        .into(),
    )
}

/// The raw id and title of target `i`'s chart per commune, if it has one.
pub fn commune_head(data: &SiteData, i: usize) -> Option<(String, String)> {
    let w = data.chart_words();
    let t = &data.set.targets[i];
    let p = &data.computed.targets[i];
    if p.communes.is_empty() {
        return None;
    }
    let title = match super::sections::cap_note(p.communes.len()) {
        Some(n) => w.fmt(
            "chart_title_by_locality_some",
            &[("id", &t.id), ("note", &n)],
        ),
        None => w.fmt("chart_title_by_locality", &[("id", &t.id)]),
    };
    Some((
        format!("xa-phuong-{}", t.id),
        super::views::mark_title(title, p.illustrative, &w),
    ))
}

/// A target's results per commune, if it has any.
pub fn commune_chart(data: &SiteData, i: usize) -> Option<ChartView> {
    let t = &data.set.targets[i];
    let p = &data.computed.targets[i];
    if p.communes.is_empty() {
        return None;
    }
    let mut rows: Vec<charts::CommuneValue> = p
        .communes
        .iter()
        .map(|cp| charts::CommuneValue {
            name: cp.commune.clone().unwrap_or_default(),
            value: latest(data, cp).map(|m| number(m.value)),
        })
        .collect();
    // Best first (lower is better for at most / below / rank), no value
    // last, Vietnamese order on ties; a province of 100 communes draws the
    // 20 best and the 20 last (the results table lists them all).
    let lower_better = matches!(
        chart_cmp(t),
        charts::Comparison::AtMost | charts::Comparison::Below | charts::Comparison::Rank
    );
    rows.sort_by(|a, b| {
        let key = |v: Option<f64>| v.map(|x| if lower_better { x } else { -x });
        match (key(a.value), key(b.value)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| crate::text::vi_cmp(&a.name, &b.name))
    });
    let (rows, _) = super::sections::cap_rows(&rows);
    let (id, title) = commune_head(data, i)?;
    Some(
        charts::commune_comparison(&charts::CommuneComparison {
            words: data.chart_words(),
            id,
            title,
            unit: t.unit.clone().unwrap_or_default(),
            target: target_value(t.target),
            comparison: chart_cmp(t),
            highlight: None,
            rows,
        })
        .into(),
    )
}

/// The chart a shortcode shows for one target: its history when it has
/// results, else its progress bar (which says "chưa có số liệu").
pub fn target_chart(data: &SiteData, i: usize) -> ChartView {
    history_chart(data, i).unwrap_or_else(|| {
        let (id, title) = progress_head(data, i);
        targets_chart(data, &id, &title, &[i])
    })
}

/// The raw id and title (before [`targets_chart`] marks it) of target
/// `i`'s progress bar.
fn progress_head(data: &SiteData, i: usize) -> (String, String) {
    let t = &data.set.targets[i];
    (
        format!("tien-do-{}", t.id),
        data.chart_words()
            .fmt("chart_title_target", &[("id", &t.id)]),
    )
}

/// [`target_chart`], then [`commune_chart`] if any, drawn when shown.
pub(crate) fn target_charts_lazy(data: &SiteData, i: usize) -> Vec<LazyChart> {
    let first = if has_history(data, i) {
        let (id, title) = history_head(data, i);
        LazyChart::later(&id, title, move |data| {
            history_chart(data, i).unwrap_or_else(|| target_chart(data, i))
        })
    } else {
        let (id, title) = progress_head(data, i);
        let title = targets_chart_title(data, title, &[i]);
        LazyChart::later(&id, title, move |data| target_chart(data, i))
    };
    let communes = commune_head(data, i).map(|(id, title)| {
        LazyChart::later(&id, title, move |data| {
            commune_chart(data, i).unwrap_or_else(|| target_chart(data, i))
        })
    });
    std::iter::once(first).chain(communes).collect()
}

/// The progress chart of the targets `idx` (raw id, title before
/// [`targets_chart`] marks it), drawn when shown.
pub(crate) fn targets_chart_lazy(
    data: &SiteData,
    id: String,
    title: String,
    idx: Vec<usize>,
) -> LazyChart {
    let marked = targets_chart_title(data, title.clone(), &idx);
    LazyChart::later(&id.clone(), marked, move |data| {
        targets_chart(data, &id, &title, &idx)
    })
}

/// The progress chart of a pillar's targets, if it has any.
pub fn pillar_targets_chart(data: &SiteData, pillar: &PillarEntry) -> Option<ChartView> {
    pillar_targets_lazy(data, pillar).map(|c| c.into_view(data))
}

/// [`pillar_targets_chart`], drawn when shown.
pub(crate) fn pillar_targets_lazy(data: &SiteData, pillar: &PillarEntry) -> Option<LazyChart> {
    let idx: Vec<usize> = (0..data.set.targets.len())
        .filter(|&i| {
            data.set.targets[i].locality.is_none()
                && in_pillar(data.set.targets[i].pillar.as_deref(), pillar)
        })
        .collect();
    (!idx.is_empty()).then(|| {
        targets_chart_lazy(
            data,
            format!("tru-cot-{}-chi-tieu", slugify(&pillar.label)),
            data.chart_words()
                .fmt("chart_title_pillar_targets", &[("pillar", &pillar.label)]),
            idx,
        )
    })
}

/// Task states of the tasks matching `keep`, as one group: counted now,
/// drawn when shown.
fn tasks_chart_of(
    data: &SiteData,
    id: String,
    title: String,
    keep: impl Fn(usize) -> bool,
) -> Option<LazyChart> {
    let states: Vec<_> = (0..data.set.tasks.len())
        .filter(|&i| keep(i))
        .map(|i| data.computed.tasks[i].state)
        .collect();
    tasks_chart_from(id, title, states)
}

/// [`tasks_chart_of`] for the tasks whose states are `states`.
fn tasks_chart_from(
    id: String,
    title: String,
    states: Vec<crate::data::compute::TaskState>,
) -> Option<LazyChart> {
    (!states.is_empty()).then(|| {
        let counts = task_counts(states.iter());
        LazyChart::later(&id.clone(), title.clone(), move |data| {
            charts::task_states(&charts::TaskStates {
                words: data.chart_words(),
                id: id.clone(),
                title: title.clone(),
                groups: vec![charts::TaskGroup {
                    label: String::new(),
                    counts,
                }],
            })
            .into()
        })
    })
}

/// Task states of a pillar's tasks, if it has any, drawn when shown.
pub(crate) fn pillar_tasks_lazy(data: &SiteData, pillar: &PillarEntry) -> Option<LazyChart> {
    tasks_chart_of(
        data,
        format!("tru-cot-{}-nhiem-vu", slugify(&pillar.label)),
        data.chart_words()
            .fmt("chart_title_pillar_tasks", &[("pillar", &pillar.label)]),
        |i| {
            data.set.tasks[i].locality.is_none()
                && in_pillar(data.set.tasks[i].pillar.as_deref(), pillar)
        },
    )
}

/// Task states of the tasks a unit leads, if it leads any.
pub fn unit_tasks_chart(data: &SiteData, key: &str, name: &str, slug: &str) -> Option<ChartView> {
    let tasks: Vec<usize> = (0..data.set.tasks.len())
        .filter(|&i| names_unit(data, &data.set.tasks[i].lead, key))
        .collect();
    unit_tasks_lazy(data, &tasks, name, slug).map(|c| c.into_view(data))
}

/// [`unit_tasks_chart`] of the unit leading `tasks` (indices), drawn when
/// shown.
pub(crate) fn unit_tasks_lazy(
    data: &SiteData,
    tasks: &[usize],
    name: &str,
    slug: &str,
) -> Option<LazyChart> {
    tasks_chart_from(
        format!("don-vi-{slug}-nhiem-vu"),
        data.chart_words()
            .fmt("chart_title_unit_tasks", &[("unit", name)]),
        tasks
            .iter()
            .map(|&i| data.computed.tasks[i].state)
            .collect(),
    )
}

/// The last path segment: `don-vi/abc/` → `abc`.
pub fn last_segment(path: &str) -> &str {
    path.trim_end_matches('/').rsplit('/').next().unwrap_or("")
}

/// The embed snippet (iframe and img code with absolute URLs) for a chart;
/// its wording from `tr` (the page's language), Vietnamese without one
/// (shortcodes, rendered before the theme's strings are at hand).
pub fn embed_html(
    c: &ChartView,
    base_url: &str,
    root: &str,
    portable: bool,
    tr: Option<Tr>,
    words: &Words,
) -> String {
    let own_page = crate::content::markdown::page_link(&format!("{CHARTS}{}/", c.id), portable);
    // The theme's UI string when the page's strings are at hand, else the
    // data's words (`chart_<key>`, the site's language).
    let w = |key: &str| {
        html(&tr.map_or_else(
            || words.get(&format!("chart_{key}")).to_owned(),
            |t| t.get(key),
        ))
    };
    let page = format!("{base_url}{CHARTS}{}/", c.id);
    let svg = format!("{base_url}{CHARTS}{}.svg", c.id);
    let iframe = format!(
        "<iframe src=\"{page}\" title=\"{}\" width=\"640\" height=\"480\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
        html(&c.title)
    );
    let img = format!(
        "<img src=\"{svg}\" alt=\"{}\" width=\"640\">",
        html(&format!("{}. {}", c.title, c.desc))
    );
    format!(
        "<details class=\"chart-embed\"><summary>{}</summary>\
<p>{}</p><pre><code>{}</code></pre>\
<p>{}</p><pre><code>{}</code></pre>\
<p><a href=\"{root}{own_page}\">{}</a> · <a href=\"{root}{CHARTS}{id}.svg\">{}</a></p></details>",
        w("embed_chart"),
        w("embed_iframe"),
        html(&iframe),
        w("embed_img"),
        html(&img),
        w("open_chart"),
        w("svg_file"),
        id = c.id
    )
}

/// A chart block: a `<figure>` (SVG and a caption with the key figure),
/// then the data table and the embed snippet (the same markup as the
/// `chart` macro of `data_macros.html`; a figcaption must be the figure's
/// first or last child, so the rest follows the figure).
pub fn figure_html(
    c: &ChartView,
    base_url: &str,
    root: &str,
    portable: bool,
    words: &Words,
) -> String {
    format!(
        "<div class=\"chart-block\"><figure class=\"chart-figure\">{}<figcaption>{}. <span class=\"chart-desc\">{}</span></figcaption></figure><details class=\"chart-data\"><summary>{}</summary>{}</details>{PRINT_COPY}{}</div>{}</div>\n",
        c.svg,
        html(&c.title),
        html(&c.desc),
        html(words.get("chart_show_table")),
        c.table_html,
        c.table_html,
        embed_html(c, base_url, root, portable, None, words),
    )
}

/// Opens the print-only copy of a chart's table: Chromium does not open a
/// closed `<details>` when printing, so the table is written a second time
/// for `print.css` to show (hidden on screen, without CSS and from screen
/// readers). Chart tables hold no `<div>`, so the copy ends at the next `</div>`.
pub const PRINT_COPY: &str = "<div class=\"print-only\" hidden>";

/// `html` without the print-only copies of chart tables: feeds and the
/// search index get each table once (a feed reader may ignore `hidden`).
pub fn without_print_copies(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains(PRINT_COPY) {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(PRINT_COPY) {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        match after.find("</div>") {
            Some(end) => rest = &after[end + "</div>".len()..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod print_copy_tests {
    use super::*;

    #[test]
    fn print_copies_are_left_out_of_feeds_and_search() {
        let t = "<table class=\"chart-table\"><tr><td>1</td></tr></table>";
        let page = format!(
            "<p>a</p><div class=\"chart-block\"><details class=\"chart-data\"><summary>x</summary>{t}</details>{PRINT_COPY}{t}</div><p>b</p></div><p>c</p>"
        );
        let once = without_print_copies(&page);
        assert_eq!(once.matches("<table").count(), 1, "{once}");
        assert!(once.contains("<p>b</p></div><p>c</p>"), "{once}");
        assert_eq!(without_print_copies("<p>x</p>"), "<p>x</p>");
    }
}
