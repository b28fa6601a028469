//! The targets list `chi-tieu/` (grouped by document and pillar, with a
//! chart per group) and one page per target `chi-tieu/<id>/`.

use crate::render::data::wording::Worded;
use crate::render::engine::vars::Context;
use serde::Serialize;

use super::views::{self as dv, ChartView, TargetRow, quantity, target_badge, target_row};
use super::{TARGETS, page_context};
use crate::data::compute::TargetState;
use crate::data::model::Placement;
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::identities::{pillar_href_path, unit_href_path};
use crate::site::{Site, SiteData};
use crate::text::slugify;

#[derive(Debug, Clone, Serialize)]
struct PillarGroup {
    title: String,
    href: String,
    rows: Vec<TargetRow>,
    chart: ChartView,
}

#[derive(Debug, Clone, Serialize)]
struct DocGroup {
    title: String,
    href: String,
    pillars: Vec<PillarGroup>,
}

/// A pillar and the indices of its targets.
type PillarIdx = (Option<String>, Vec<usize>);

/// The document groups of the targets list: (document, [(pillar, [target
/// index])]) in order of first appearance.
fn doc_groups(data: &SiteData) -> Vec<(Option<String>, Vec<PillarIdx>)> {
    let mut groups: Vec<(Option<String>, Vec<PillarIdx>)> = Vec::new();
    for (i, t) in data.set.targets.iter().enumerate() {
        let g = match groups.iter().position(|(d, _)| *d == t.document) {
            Some(g) => g,
            None => {
                groups.push((t.document.clone(), Vec::new()));
                groups.len() - 1
            }
        };
        let pillars = &mut groups[g].1;
        match pillars.iter_mut().find(|(p, _)| *p == t.pillar) {
            Some((_, v)) => v.push(i),
            None => pillars.push((t.pillar.clone(), vec![i])),
        }
    }
    groups
}

/// The targets list, planned lazily: one chart per document and pillar
/// named now, drawn with the 2,000 rows when the page renders.
pub(crate) fn targets_lazy(site: &Site, theme: &Theme, data: &SiteData) -> super::LazyPage {
    let tr = Tr::new(theme, &site.config.language);
    let mut charts = Vec::new();
    for (gi, (_, pillars)) in doc_groups(data).into_iter().enumerate() {
        for (pi, (pillar, idx)) in pillars.into_iter().enumerate() {
            let name = pillar.unwrap_or_else(|| tr.get("unclassified"));
            charts.push(super::charts::targets_chart_lazy(
                data,
                format!("chi-tieu-{}-{}-{}", gi + 1, pi + 1, slugify(&name)),
                tr.fmt("chart_title_pillar_group", &[("pillar", &name)]),
                idx,
            ));
        }
    }
    super::LazyPage {
        path: format!("{TARGETS}index.html"),
        template: "targets.html",
        title: tr.get("targets_title"),
        charts,
        make: Box::new(|site, theme, data, _, charts| targets_page(site, theme, data, charts)),
    }
}

/// The targets list, showing `charts` (one per document and pillar, in
/// page order; see [`targets_lazy`]).
fn targets_page(site: &Site, theme: &Theme, data: &SiteData, charts: &[&ChartView]) -> Context {
    let w = data.chart_words();
    let set = &data.set;
    let tr = Tr::new(theme, &site.config.language);
    let groups = doc_groups(data);
    let mut charts = charts.iter();
    let docs: Vec<DocGroup> = groups
        .into_iter()
        .map(|(doc, pillars)| {
            let (title, href) = match doc.as_deref() {
                Some(n) => match site.document(n) {
                    Some(p) => (format!("{n} – {}", p.title), link(site, &p.path)),
                    None => (tr.fmt("document_n", &[("number", n)]), String::new()),
                },
                None => (tr.get("targets_no_document"), String::new()),
            };
            let pillars = pillars
                .into_iter()
                .map(|(pillar, idx)| {
                    let name = pillar.unwrap_or_else(|| tr.get("unclassified"));
                    PillarGroup {
                        chart: charts.next().map(|c| (*c).clone()).unwrap_or_default(),
                        rows: idx.iter().map(|&i| target_row(site, data, i)).collect(),
                        href: {
                            let p = pillar_href_path(data, Some(&name));
                            if p.is_empty() { p } else { link(site, &p) }
                        },
                        title: name,
                    }
                })
                .collect();
            DocGroup {
                title,
                href,
                pillars,
            }
        })
        .collect();
    // Counted over the site's own targets: other localities' targets are
    // listed (with their locality) but never added into the rate.
    let own: Vec<usize> = (0..set.targets.len())
        .filter(|&i| set.targets[i].locality.is_none())
        .collect();
    let achieved = own
        .iter()
        .filter(|&&i| data.computed.targets[i].state == TargetState::Achieved)
        .count();
    let mut intro = tr.fmt(
        "targets_intro",
        &[
            ("n", &w.int(own.len() as i64)),
            ("met", &w.int(achieved as i64)),
            (
                "rate",
                &w.percent(100.0 * achieved as f64 / own.len().max(1) as f64, 1),
            ),
        ],
    );
    let others = set.targets.len() - own.len();
    if others > 0 {
        intro.push_str(&tr.fmt(
            "targets_others_note",
            &[
                ("unit", &super::own_unit(site, tr)),
                ("n", &w.int(others as i64)),
            ],
        ));
    }
    intro.push_str(&super::views::illustrative_note(
        data.computed.targets.iter().any(|p| p.illustrative),
        &w,
    ));
    let title = tr.get("targets_title");
    let mut c = page_context(site, theme, TARGETS, &title, &intro, vec![]);
    c.insert("groups", &docs);
    c
}

#[derive(Debug, Clone, Serialize)]
struct Fact {
    label: String,
    value: String,
    href: String,
}

#[derive(Debug, Clone, Serialize)]
struct ResultRow {
    period: String,
    commune: String,
    value: String,
    source: String,
    note: String,
}

/// A link to a page path, or "" for no page.
fn href(site: &Site, path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        link(site, path)
    }
}

fn fact(tr: Tr, key: &str, value: impl Into<String>) -> Fact {
    Fact {
        label: tr.get(key),
        value: value.into(),
        href: String::new(),
    }
}

/// The window title of target `i`'s page: it names the target itself,
/// not only its code.
pub fn target_page_title(site: &Site, theme: &Theme, data: &SiteData, i: usize) -> String {
    let t = &data.set.targets[i];
    Tr::new(theme, &site.config.language).fmt(
        "target_page_title",
        &[("statement", &t.statement), ("id", &t.id)],
    )
}

/// Target `i`'s page at folder `path`, planned lazily: its charts named
/// now, drawn with the rest of its context when it renders.
pub(crate) fn target_lazy(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    i: usize,
    path: &str,
) -> super::LazyPage {
    super::LazyPage {
        path: format!("{path}index.html"),
        template: "target.html",
        title: target_page_title(site, theme, data, i),
        charts: super::charts::target_charts_lazy(data, i),
        make: Box::new(move |site, theme, data, folder, charts| {
            target_page(site, theme, data, i, folder, charts)
        }),
    }
}

/// One target's page, showing `charts` (its history or progress bar, then
/// its results per commune if any).
pub fn target_page(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    i: usize,
    path: &str,
    charts: &[&ChartView],
) -> Context {
    let w = data.chart_words();
    let t = &data.set.targets[i];
    let p = &data.computed.targets[i];
    let unit = t.unit.as_deref();
    let latest = dv::latest(data, p);
    let tr = Tr::new(theme, &site.config.language);
    let mut facts = vec![fact(tr, "fact_target_id", t.id.clone())];
    if let Some(x) = &t.pillar {
        let mut f = fact(tr, "col_pillar", x.clone());
        f.href = href(site, &pillar_href_path(data, Some(x)));
        facts.push(f);
    }
    facts.push(fact(
        tr,
        "col_goal",
        dv::target_text_in(t, &data.chart_words()),
    ));
    if let Some(b) = t.baseline {
        facts.push(fact(
            tr,
            "fact_baseline",
            quantity(crate::data::Quantity::Number(b), unit, &w),
        ));
    }
    if let Some(b) = p.baseline.and_then(|j| data.set.results.get(j))
        && t.baseline.is_none()
    {
        facts.push(fact(
            tr,
            "fact_baseline",
            format!(
                "{}{}",
                w.fmt(
                    "chart_tgt_baseline_result",
                    &[
                        ("value", &quantity(b.value, unit, &w)),
                        ("period", &b.period.word(&w)),
                    ],
                ),
                mark(b.illustrative, &w)
            ),
        ));
    }
    if let Some(d) = t.window_start() {
        facts.push(Fact {
            label: w.get("chart_tgt_start").into(),
            value: t.start.map_or_else(
                || {
                    w.fmt(
                        "chart_tgt_start_default",
                        &[("date", &crate::text::dates::short(d))],
                    )
                },
                |p| p.word(&w),
            ),
            href: String::new(),
        });
    }
    if let Some(d) = t.deadline {
        facts.push(fact(tr, "col_deadline", d.word(&w)));
    }
    if let Some(l) = &t.locality {
        facts.push(Fact {
            label: w.get("chart_loc_locality").into(),
            value: l.clone(),
            href: String::new(),
        });
    }
    if let Some(m) = latest {
        facts.push(fact(
            tr,
            "fact_latest",
            format!(
                "{} ({}){}",
                quantity(m.value, unit, &w),
                m.period.word(&w),
                mark(m.illustrative, &w)
            ),
        ));
    } else if let Some((met, n)) = p.units_met {
        facts.push(fact(tr, "fact_latest", dv::units_met_text(met, n, &w)));
    }
    if p.illustrative {
        facts.push(Fact {
            label: w.get("chart_tgt_figures").into(),
            value: w.get("chart_tgt_figures_illustrative").into(),
            href: String::new(),
        });
    }
    if let Some(pr) = p.progress.filter(|_| p.units_met.is_none()) {
        facts.push(fact(tr, "fact_progress", w.percent(pr * 100.0, 1)));
    }
    if let Some(l) = &t.lead {
        let mut f = fact(tr, "fact_lead", l.clone());
        f.href = href(site, &unit_href_path(data, l));
        facts.push(f);
    }
    if let Some(n) = &t.document {
        let mut f = fact(tr, "fact_document", n.clone());
        if let Some(doc) = site.document(n) {
            f.value = format!("{n} – {}", doc.title);
            f.href = link(site, &doc.path);
        }
        facts.push(f);
    }
    if let Some(n) = &t.note {
        facts.push(fact(tr, "col_note", n.clone()));
    }
    // Results, oldest first; unit-level before per-commune within a period.
    let mut idx: Vec<usize> = data.results_of(&t.id).to_vec();
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&data.set.results[a], &data.set.results[b]);
        (ra.period.end(), ra.commune.is_some(), a).cmp(&(rb.period.end(), rb.commune.is_some(), b))
    });
    let results: Vec<ResultRow> = idx
        .iter()
        .map(|&j| {
            let r = &data.set.results[j];
            let place = match t.placement(r.period) {
                Placement::Before => w.get("chart_tgt_place_before"),
                Placement::Within => "",
                Placement::After => w.get("chart_tgt_place_after"),
            };
            ResultRow {
                period: format!("{}{place}", r.period.word(&w)),
                commune: r
                    .commune
                    .clone()
                    .unwrap_or_else(|| tr.get("whole_unit_scope")),
                value: format!(
                    "{}{}",
                    quantity(r.value, unit, &w),
                    mark(r.illustrative, &w)
                ),
                source: r.source.clone().unwrap_or_default(),
                note: r.note.clone().unwrap_or_default(),
            }
        })
        .collect();
    let intro = format!(
        "{}{}",
        tr.fmt("target_intro", &[("id", &t.id)]),
        dv::illustrative_note(p.illustrative, &w)
    );
    let crumbs = vec![(tr.get("nav_targets"), link(site, TARGETS))];
    let title = tr.fmt("target_title", &[("id", &t.id)]);
    let mut c = page_context(site, theme, path, &title, &intro, crumbs);
    c.insert("page_title", &target_page_title(site, theme, data, i));
    c.insert("statement", &t.statement);
    c.insert("state", &target_badge(p.state));
    c.insert("facts", &facts);
    c.insert("results", &results);
    c.insert("charts", charts);
    c
}

/// " (minh họa)" after an illustrative figure.
fn mark(illustrative: bool, w: &crate::charts::Words) -> &str {
    if illustrative {
        w.get("chart_marked")
    } else {
        ""
    }
}
