//! The DTI page `chi-so-dti/`: the indicator tree with the latest scores
//! and the yearly totals per pillar.

use crate::render::engine::vars::Context;
use serde::Serialize;

use super::lazy_chart::LazyChart;
use super::views::{self as dv, ChartView};
use super::{DTI, page_context};
use crate::charts;
use crate::charts::Words;
use crate::data::compute::DtiTotal;
use crate::data::model::Indicator;
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

/// A node of the DTI tree.
#[derive(Debug, Clone, Serialize)]
struct DtiNode {
    code: String,
    name: String,
    max: String,
    score: String,
    lead: String,
    children: Vec<DtiNode>,
}

fn dti_node(data: &SiteData, ind: &Indicator, scores: &[(String, f64)], mark: &str) -> DtiNode {
    let w = data.chart_words();
    DtiNode {
        code: ind.code.clone(),
        name: ind.name.clone(),
        max: w.dec(ind.max_points, 2),
        score: scores
            .iter()
            .find(|(c, _)| *c == ind.code)
            .map_or("–".into(), |(_, p)| format!("{}{mark}", w.dec(*p, 2))),
        lead: ind.lead.clone().unwrap_or_default(),
        children: data
            .set
            .indicators
            .iter()
            .filter(|c| c.parent.as_deref() == Some(ind.code.as_str()))
            .map(|c| dti_node(data, c, scores, mark))
            .collect(),
    }
}

#[derive(Debug, Clone, Serialize)]
struct DtiRowView {
    label: String,
    points: String,
    max: String,
    index: String,
    change: String,
}

#[derive(Debug, Clone, Serialize)]
struct DtiYearView {
    year: i16,
    official: bool,
    rows: Vec<DtiRowView>,
    total: DtiRowView,
}

fn signed(v: Option<f64>, fmt: impl Fn(f64) -> String) -> String {
    match v {
        Some(v) if v > 0.0 => format!("+{}", fmt(v)),
        Some(v) => fmt(v),
        None => "–".into(),
    }
}

fn dti_row(label: &str, t: &DtiTotal, mark: &str, w: &Words) -> DtiRowView {
    DtiRowView {
        label: label.to_owned(),
        points: format!("{}{mark}", w.dec(t.points, 2)),
        max: w.dec(t.max, 2),
        index: t.index.map_or("–".into(), |i| w.fixed(i, 4)),
        change: signed(t.change_points, |v| w.dec(v, 2)),
    }
}

/// The DTI page, planned lazily: the chart of the latest year's scores
/// (if any) named now, drawn with the tree and the yearly tables when it
/// renders.
pub(crate) fn dti_lazy(site: &Site, theme: &Theme, data: &SiteData) -> super::LazyPage {
    let tr = crate::render::engine::i18n::Tr::new(theme, &site.config.language);
    let charts = latest_chart(data, tr)
        .map(|spec| {
            let title = spec.title.clone();
            LazyChart::later(&spec.id.clone(), title, move |_| {
                charts::dti_scores(&spec).into()
            })
        })
        .into_iter()
        .collect();
    super::LazyPage {
        path: format!("{DTI}index.html"),
        template: "dti.html",
        title: tr.get("dti_title"),
        charts,
        make: Box::new(|site, theme, data, _, charts| dti_page(site, theme, data, charts)),
    }
}

/// The chart of the latest year's scores per pillar (with the year before),
/// as the chart's input; `None` without scores.
fn latest_chart(data: &SiteData, tr: crate::render::engine::i18n::Tr) -> Option<charts::DtiScores> {
    let w = data.chart_words();
    let y = data.computed.dti.last()?;
    let latest_mark = dti_year_mark(data, y.year);
    let prev = y
        .previous_year
        .and_then(|py| data.computed.dti.iter().find(|d| d.year == py));
    let rows = y
        .pillars
        .iter()
        .map(|(name, t)| charts::DtiRow {
            label: name.clone(),
            score: Some(t.points),
            max: t.max,
            previous: prev
                .and_then(|p| p.pillars.iter().find(|(n, _)| n == name))
                .map(|(_, pt)| pt.points),
        })
        .collect();
    Some(charts::DtiScores {
        words: data.chart_words(),
        id: format!("dti-{}", y.year),
        title: dv::mark_title(
            tr.fmt("dti_chart_title", &[("year", &y.year.to_string())]),
            !latest_mark.is_empty()
                || prev.is_some_and(|p| !dti_year_mark(data, p.year).is_empty()),
            &w,
        ),
        scale: charts::DtiScale::Points,
        previous_label: y
            .previous_year
            .map(|p| tr.fmt("year_n", &[("year", &p.to_string())]))
            .unwrap_or_default(),
        rows,
    })
}

/// The DTI page, showing `charts` (see [`dti_lazy`]).
fn dti_page(site: &Site, theme: &Theme, data: &SiteData, charts: &[&ChartView]) -> Context {
    let w = data.chart_words();
    let tr = crate::render::engine::i18n::Tr::new(theme, &site.config.language);
    let latest = data.computed.dti.last();
    let latest_mark = latest.map_or(String::new(), |y| dti_year_mark(data, y.year));
    let scores: &[(String, f64)] = latest.map_or(&[], |y| &y.nodes);
    let codes: Vec<&str> = data
        .set
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    let tree: Vec<DtiNode> = data
        .set
        .indicators
        .iter()
        .filter(|i| i.parent.as_deref().is_none_or(|p| !codes.contains(&p)))
        .map(|i| dti_node(data, i, scores, &latest_mark))
        .collect();
    let years: Vec<DtiYearView> = data
        .computed
        .dti
        .iter()
        .rev()
        .map(|y| DtiYearView {
            year: y.year,
            official: y.official,
            rows: y
                .pillars
                .iter()
                .map(|(n, t)| dti_row(n, t, &dti_year_mark(data, y.year), &w))
                .collect(),
            total: dti_row(
                &tr.get("budget_total"),
                &y.total,
                &dti_year_mark(data, y.year),
                &w,
            ),
        })
        .collect();
    let intro = match latest {
        Some(y) => tr.fmt(
            "dti_intro",
            &[
                ("year", &y.year.to_string()),
                ("points", &w.dec(y.total.points, 2)),
                ("max", &w.dec(y.total.max, 2)),
                (
                    "index",
                    &y.total.index.map_or("–".into(), |i| w.fixed(i, 4)),
                ),
                ("mark", &latest_mark),
                (
                    "note",
                    &dv::illustrative_note(data.set.scores.iter().any(|s| s.illustrative), &w),
                ),
            ],
        ),
        None => tr.get("dti_intro_none"),
    };
    let scored = data
        .computed
        .localities
        .iter()
        .filter(|l| !l.dti.is_empty())
        .count();
    let intro = if scored > 0 {
        tr.fmt(
            "dti_whose",
            &[
                ("intro", &intro),
                ("unit", &super::own_unit(site, tr)),
                ("n", &scored.to_string()),
            ],
        )
    } else {
        intro
    };
    let mut c = page_context(site, theme, DTI, &tr.get("dti_title"), &intro, vec![]);
    c.insert("tree", &tree);
    c.insert("years", &years);
    c.insert("latest_year", &latest.map(|y| y.year));
    c.insert("charts", charts);
    c
}

/// The DTI page.
/// " (minh họa)" when any score of `year` is illustrative, else "".
pub fn dti_year_mark(data: &SiteData, year: i16) -> String {
    if data
        .set
        .scores
        .iter()
        .any(|s| s.year == year && s.illustrative)
    {
        data.chart_words().get("chart_marked").to_owned()
    } else {
        String::new()
    }
}
