//! Chart embeds: every chart drawn on a data page is also published as a
//! standalone minimal page `bieu-do/<id>/index.html` (no site chrome, for
//! an `<iframe>`) and a plain `bieu-do/<id>.svg` (for `<img>`), and the page
//! that shows it gets a copyable embed snippet with absolute URLs.
//!
//! The charts are found by walking the data-page contexts for chart views
//! (objects with `id`, `svg`, `table_html`, `title`, `desc`); the first page
//! that shows a chart is its home page. Ids are unique across the site by
//! construction (see [`crate::render::data::charts`]).

use std::collections::BTreeMap;

use crate::render::engine::vars::Context;
use serde_json::Value;

use crate::render::data::DataPage;
use crate::render::data::charts::{CHARTS, embed_html};
use crate::render::data::lazy_chart::LazyChart;
use crate::render::data::views::ChartView;
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{link, root_for};
use crate::site::Site;
use {
    crate::render::engine::context::base_context,
    crate::render::engine::jobs::{Job, Lazy},
};

/// Templates whose contexts may hold charts.
const DATA_TEMPLATES: &[&str] = &[
    "home.html",
    "document.html",
    "targets.html",
    "target.html",
    "tasks.html",
    "budget.html",
    "dti.html",
    "units.html",
    "unit.html",
    "pillars.html",
    "pillar.html",
];

/// A chart found on a page.
pub(crate) struct Found {
    /// The chart, without its embed snippet; a lazy page's is drawn when
    /// first shown (see [`LazyChart`]).
    pub(crate) chart: LazyChart,
    /// Output folder of the first page that shows it.
    page: String,
    page_title: String,
}

fn as_chart(v: &serde_json::Map<String, Value>) -> Option<ChartView> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(ChartView {
        id: s("id")?,
        title: s("title")?,
        desc: s("desc")?,
        svg: s("svg")?,
        table_html: s("table_html")?,
        embed: String::new(),
    })
}

/// Fills `embed` of every chart in `v`, recording each chart.
fn walk(v: &mut Value, base: &str, root: &str, portable: bool, tr: Tr, found: &mut Vec<ChartView>) {
    match v {
        Value::Object(map) => {
            if map.contains_key("svg")
                && map.contains_key("table_html")
                && let Some(c) = as_chart(map)
            {
                map.insert(
                    "embed".into(),
                    Value::String(embed_html(
                        &c,
                        base,
                        root,
                        portable,
                        Some(tr),
                        &crate::charts::Words::vietnamese(),
                    )),
                );
                found.push(c);
                return;
            }
            for (_, child) in map.iter_mut() {
                walk(child, base, root, portable, tr, found);
            }
        }
        Value::Array(list) => {
            for child in list {
                walk(child, base, root, portable, tr, found);
            }
        }
        _ => {}
    }
}

/// A chart found on a page, shared between plans (see
/// [`crate::render::DataPlan`]).
pub(crate) type FoundChart = std::sync::Arc<Found>;

/// Whether `v` may hold a chart: a map with `svg` and `table_html`, or a
/// list or map holding one. Read in place, so the context values without
/// a chart (a tasks page's 5,000 rows) are never converted to be walked.
fn holds_chart(v: &tera::Value) -> bool {
    if let Some(map) = v.as_map() {
        let has = |name: &str| map.keys().any(|k| k.as_str() == Some(name));
        return (has("svg") && has("table_html")) || map.values().any(holds_chart);
    }
    v.as_array()
        .is_some_and(|list| list.iter().any(holds_chart))
}

/// Charts already given their embed snippets where their context value was
/// made (the home page's dashboard, see [`embed_own`]): job path → (context
/// key, the charts found there). [`walk_jobs`] takes them as found, without
/// turning that value into JSON and back.
pub(crate) type Prewalked = std::collections::HashMap<String, (&'static str, Vec<FoundChart>)>;

/// Gives `charts`, shown by `job` under its context key, their embed
/// snippets (what [`walk_jobs`] would write into the context) and returns
/// them as found, in order. The job's `lang` and `page_title` are read
/// from its context, so they must be there already.
pub(crate) fn embed_own(
    site: &Site,
    theme: &Theme,
    job: &Job,
    charts: &mut [ChartView],
) -> Vec<FoundChart> {
    let page = job.path.trim_end_matches("index.html").to_owned();
    let root = root_for(&page);
    let text = |key: &str| {
        job.context
            .get(key)
            .and_then(tera::Value::as_str)
            .map(str::to_owned)
    };
    let lang = text("lang").unwrap_or_else(|| site.config.language.clone());
    let title = text("page_title").unwrap_or_default();
    let tr = Tr::new(theme, &lang);
    charts
        .iter_mut()
        .map(|c| {
            let plain = ChartView {
                embed: String::new(),
                ..c.clone()
            };
            c.embed = embed_html(
                &plain,
                &site.config.base_url,
                &root,
                site.config.portable,
                Some(tr),
                &crate::charts::Words::vietnamese(),
            );
            std::sync::Arc::new(Found {
                chart: LazyChart::drawn(plain),
                page: page.clone(),
                page_title: title.clone(),
            })
        })
        .collect()
}

/// Adds embed snippets to the charts of `jobs` (those with a data
/// template) and returns every chart found, in job order. Jobs are walked
/// in parallel; the order of the charts is the jobs' order. The values of
/// `prewalked` have their snippets already: their charts are taken as
/// found at their key's place.
pub(crate) fn walk_jobs(
    site: &Site,
    theme: &Theme,
    jobs: &mut [Job],
    prewalked: &Prewalked,
) -> Vec<FoundChart> {
    use rayon::prelude::*;
    let per_job: Vec<Vec<FoundChart>> = jobs
        .par_iter_mut()
        .map(|job| {
            let done = prewalked.get(&job.path);
            walk_job(site, theme, job, done)
        })
        .collect();
    per_job.into_iter().flatten().collect()
}

/// [`walk_jobs`] for the data pages: the charts of a built page are found
/// in its context; a lazy page gives its charts (see
/// [`crate::render::data::LazyPage`]), which get their snippets when the
/// page renders (see [`shown_chart`]).
pub(crate) fn walk_pages(
    site: &Site,
    theme: &Theme,
    pages: &mut [DataPage],
) -> Vec<Vec<FoundChart>> {
    use rayon::prelude::*;
    pages
        .par_iter_mut()
        .map(|page| match page {
            DataPage::Built(job) => walk_job(site, theme, job, None),
            DataPage::Lazy(p) => own_charts(&p.path, &p.title, std::mem::take(&mut p.charts)),
        })
        .collect()
}

/// The charts a page (output file `path`, window title `title`) shows, as
/// found charts, not drawn yet.
fn own_charts(path: &str, title: &str, charts: Vec<LazyChart>) -> Vec<FoundChart> {
    let page = path.trim_end_matches("index.html").to_owned();
    charts
        .into_iter()
        .map(|chart| {
            std::sync::Arc::new(Found {
                chart,
                page: page.clone(),
                page_title: title.to_owned(),
            })
        })
        .collect()
}

/// `chart` as the page at output file `path` shows it: drawn (or taken
/// from the job that drew it), with its embed snippet in the site's
/// language, as a walk of the page's context gives it.
pub(crate) fn shown_chart(site: &Site, theme: &Theme, path: &str, chart: &LazyChart) -> ChartView {
    let mut shown = chart.get(site.data.as_ref()).as_ref().clone();
    let root = root_for(path.trim_end_matches("index.html"));
    shown.embed = String::new();
    shown.embed = embed_html(
        &shown,
        &site.config.base_url,
        &root,
        site.config.portable,
        Some(Tr::new(theme, &site.config.language)),
        &crate::charts::Words::vietnamese(),
    );
    shown
}

/// [`walk_jobs`] for one job; `done`: a context key whose charts have their
/// snippets already, and those charts.
fn walk_job(
    site: &Site,
    theme: &Theme,
    job: &mut Job,
    done: Option<&(&'static str, Vec<FoundChart>)>,
) -> Vec<FoundChart> {
    if !DATA_TEMPLATES.contains(&job.template.as_str()) {
        return Vec::new();
    }
    let page = job.path.trim_end_matches("index.html").to_owned();
    let root = root_for(&page);
    let lang = job
        .context
        .get("lang")
        .and_then(tera::Value::as_str)
        .unwrap_or(&site.config.language)
        .to_owned();
    let tr = Tr::new(theme, &lang);
    let mut found = Vec::new();
    let mut prewalked = Vec::new();
    // Only values holding a chart go through JSON to be walked, and back
    // only when a chart was found in them.
    let keys: Vec<String> = job.context.keys().map(str::to_owned).collect();
    for key in keys {
        if let Some((_, charts)) = done.filter(|(k, _)| *k == key) {
            // In key order, as a walk would find them.
            prewalked.push((found.len(), charts));
            continue;
        }
        let Some(v) = job.context.get(&key) else {
            continue;
        };
        if !holds_chart(v) {
            continue;
        }
        let Ok(mut value) = serde_json::to_value(v) else {
            continue;
        };
        let before = found.len();
        walk(
            &mut value,
            &site.config.base_url,
            &root,
            site.config.portable,
            tr,
            &mut found,
        );
        if found.len() > before {
            job.context.insert(key, &value);
        }
    }
    let title = job
        .context
        .get("page_title")
        .and_then(tera::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let mut walked: Vec<FoundChart> = found
        .into_iter()
        .map(|chart| {
            std::sync::Arc::new(Found {
                chart: LazyChart::drawn(chart),
                page: page.clone(),
                page_title: title.clone(),
            })
        })
        .collect();
    // Later places first, so the earlier ones stay where they are.
    for (at, charts) in prewalked.into_iter().rev() {
        walked.splice(at..at, charts.iter().cloned());
    }
    walked
}

/// One standalone page and one SVG file per chart id (the first page that
/// shows a chart is its home), planned lazily: their contexts are built
/// when they render.
pub(crate) fn embed_jobs<'a>(
    charts: impl IntoIterator<Item = &'a FoundChart>,
    deferred: &mut Vec<Lazy>,
) {
    let mut first: BTreeMap<&str, &FoundChart> = BTreeMap::new();
    for f in charts {
        first.entry(f.chart.id.as_str()).or_insert(f);
    }
    let first: Vec<(&str, &FoundChart)> = first.into_iter().collect();
    let titles = embed_titles(&first);
    for ((id, f), title) in first.into_iter().zip(titles) {
        let title = std::sync::Arc::new(title);
        let path = format!("{CHARTS}{id}/");
        // Drawn once for its page, this page and the SVG file.
        f.chart.expect_use();
        f.chart.expect_use();
        for (out, template) in [
            (format!("{path}index.html"), "chart_embed.html"),
            (format!("{CHARTS}{id}.svg"), "chart.svg"),
        ] {
            let f = std::sync::Arc::clone(f);
            let title = std::sync::Arc::clone(&title);
            let folder = path.clone();
            deferred.push(Lazy {
                path: out.clone(),
                make: Box::new(move |site, theme| Job {
                    path: out.clone(),
                    template: template.into(),
                    context: embed_context(site, theme, &folder, &f, &title),
                }),
            });
        }
    }
}

/// The context of a chart's standalone page and SVG file.
fn embed_context(site: &Site, theme: &Theme, path: &str, f: &Found, title: &str) -> Context {
    let id = &f.chart.id;
    let root = root_for(path);
    let chart = f.chart.get(site.data.as_ref());
    // "Biểu đồ: …": not the title of the page the chart comes from.
    let tr = crate::render::engine::i18n::Tr::new(theme, &site.config.language);
    let mut c = base_context(
        site,
        theme,
        path,
        &site.config.language,
        &tr.fmt("chart_embed_title", &[("title", title)]),
        &chart.desc,
    );
    c.insert("chart", chart.as_ref());
    c.insert("source_href", &format!("{root}{}", link(site, &f.page)));
    c.insert("source_title", &f.page_title);
    c.insert("svg_href", &format!("../{id}.svg"));
    c
}

/// The title part of each chart page, in `charts` order: the chart's title,
/// or, when two charts share a title (the same pillar in two plans), the
/// title followed by the page it comes from, then by its code — every
/// `<title>` stays unique.
fn embed_titles(charts: &[(&str, &FoundChart)]) -> Vec<String> {
    fn counts(titles: &[String]) -> std::collections::HashMap<&str, usize> {
        let mut n = std::collections::HashMap::new();
        for t in titles {
            *n.entry(t.as_str()).or_default() += 1;
        }
        n
    }
    let plain: Vec<String> = charts.iter().map(|(_, f)| f.chart.title.clone()).collect();
    let n = counts(&plain);
    let with_page: Vec<String> = charts
        .iter()
        .zip(&plain)
        .map(|((_, f), t)| {
            if n[t.as_str()] > 1 && !f.page_title.is_empty() {
                format!("{t} – {}", f.page_title)
            } else {
                t.clone()
            }
        })
        .collect();
    let n = counts(&with_page);
    charts
        .iter()
        .zip(&with_page)
        .map(|((id, _), t)| {
            if n[t.as_str()] > 1 {
                format!("{t} ({id})")
            } else {
                t.clone()
            }
        })
        .collect()
}
