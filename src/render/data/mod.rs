//! Render jobs for the data pages: the home-page dashboard, the targets list
//! and one page per target (`chi-tieu/`), tasks (`nhiem-vu/`), budget
//! (`kinh-phi/`), the DTI index (`chi-so-dti/`), pillars (`tru-cot/`),
//! units (`don-vi/`) and the open-data catalogue (`du-lieu/`) with its
//! CSV/JSON files, plus the document data blocks, chart embeds, data
//! shortcodes and the weekly bulletin. One file per page kind. Nothing is
//! added when the site has no data files; a content page at the same path
//! wins over a data page.

pub mod budget;
pub mod bulletin;
pub mod charts;
pub mod criteria;
pub mod dashboard;
pub mod documents;
pub mod dti;
pub mod embeds;
mod generated_pages;
pub mod indicators;
pub mod localities;
pub mod open_data;
pub mod pillars;
pub mod report;
pub mod sections;
pub mod shortcodes;
pub mod targets;
pub mod task_views;
pub mod tasks;
pub mod units;
pub mod views;
pub mod wording;

use crate::render::engine::vars::Context;
use serde::Serialize;

use crate::render::engine::context::base_context;
use crate::render::engine::i18n::Tr;
use crate::render::engine::jobs::Job;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
pub use crate::site::generated::{BUDGET, DTI, OPEN_DATA, TARGETS, TASKS, menu_target, sections};
use crate::site::identities;
use crate::site::{Site, SiteData};
use crate::text::dates;
use views::{ChartView, target_path};

/// A link to one of the data pages.
#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub name: String,
    pub href: String,
}

/// The sentence every data page ends its intro with.
pub fn as_of(site: &Site, tr: Tr) -> String {
    tr.fmt(
        "data_computed_as_of",
        &[("date", &dates::short(site.today))],
    )
}

/// The site's unit as written in `minhbach.toml`, or "đơn vị" / "the unit".
pub fn own_unit(site: &Site, tr: Tr) -> String {
    if site.config.unit.is_empty() {
        tr.get("the_unit")
    } else {
        site.config.unit.clone()
    }
}

/// Output folders of every data page (for the sitemap), without those a
/// content page already occupies.
pub fn page_paths(site: &Site) -> Vec<String> {
    let Some(data) = &site.data else {
        return Vec::new();
    };
    let mut out = generated_paths(data);
    let taken: std::collections::HashSet<&str> =
        site.pages.iter().map(|p| p.path.as_str()).collect();
    out.retain(|path| !taken.contains(path.as_str()));
    out
}

/// Output folders of every data page, content pages not considered.
pub fn generated_paths(data: &SiteData) -> Vec<String> {
    let mut out: Vec<String> = sections(data)
        .into_iter()
        .map(|(_, p)| p.to_owned())
        .collect();
    out.extend(data.set.targets.iter().map(|t| target_path(&t.id)));
    out.extend(identities::units(data).into_iter().map(|u| u.path));
    out.extend(
        identities::site_pillars(data)
            .iter()
            .map(|p| p.path.clone()),
    );
    out.extend(
        data.computed
            .localities
            .iter()
            .map(|l| localities::locality_path(&l.name)),
    );
    out.extend(indicators::series(data).into_iter().map(|s| s.path));
    out.extend(criteria::unit_paths(data));
    out
}

/// Fills the data parts of content pages: the home page's dashboard and
/// the data blocks of documents.
pub(crate) fn content_data(site: &Site, theme: &Theme, jobs: &mut [Job]) {
    let Some(data) = &site.data else {
        return;
    };
    if let Some(home) = jobs
        .iter_mut()
        .find(|j| j.path == "index.html" && j.template == "home.html")
    {
        // The home page may be in another language (`lang = "en"`).
        let lang = home
            .context
            .get("lang")
            .and_then(|v| v.as_str())
            .unwrap_or(&site.config.language)
            .to_owned();
        let dash = dashboard::dashboard(site, data, Tr::new(theme, &lang));
        home.context.insert("dashboard", &dash);
    }
    documents::document_data(site, data, jobs);
}

/// A data page of the plan.
pub(crate) enum DataPage {
    /// Its context built at plan time.
    Built(Job),
    /// Target `index`'s page (output file `path`): only its charts are
    /// drawn at plan time (each is also published on its own, see
    /// [`embeds`]); the rest of its context is built when it renders, so a
    /// province's 2,000 target pages are never all in memory.
    Target {
        index: usize,
        path: String,
        charts: Vec<ChartView>,
    },
}

/// Pushes every data page (none when the site has no data).
pub(crate) fn data_jobs(site: &Site, theme: &Theme, pages: &mut Vec<DataPage>) {
    let Some(data) = &site.data else {
        return;
    };
    let paths: std::collections::HashSet<&str> =
        site.pages.iter().map(|p| p.path.as_str()).collect();
    let taken = |path: &str| paths.contains(path);
    let push_to = |pages: &mut Vec<DataPage>, path: &str, template: &str, context: Context| {
        if !taken(path) {
            pages.push(DataPage::Built(Job {
                path: format!("{path}index.html"),
                template: template.to_owned(),
                context,
            }));
        }
    };
    if !data.set.targets.is_empty() {
        push_to(
            pages,
            TARGETS,
            "targets.html",
            targets::targets_page(site, theme, data),
        );
        // One page per target, its charts drawn in parallel.
        use rayon::prelude::*;
        let planned: Vec<(usize, String, Vec<ChartView>)> = (0..data.set.targets.len())
            .into_par_iter()
            .filter_map(|i| {
                let path = target_path(&data.set.targets[i].id);
                (!taken(&path)).then(|| (i, path, targets::target_charts(data, i)))
            })
            .collect();
        for (index, path, charts) in planned {
            pages.push(DataPage::Target {
                index,
                path: format!("{path}index.html"),
                charts,
            });
        }
    }
    let mut push =
        |path: &str, template: &str, context: Context| push_to(pages, path, template, context);
    if !data.set.tasks.is_empty() {
        push(TASKS, "tasks.html", tasks::tasks_page(site, theme, data));
    }
    if !data.set.budget.is_empty() {
        push(
            BUDGET,
            "budget.html",
            budget::budget_page(site, theme, data),
        );
    }
    if !data.set.indicators.is_empty() {
        push(DTI, "dti.html", dti::dti_page(site, theme, data));
    }
    let pillars = identities::site_pillars(data);
    if !pillars.is_empty() {
        push(
            identities::PILLARS,
            "pillars.html",
            pillars::pillars_page(site, theme, data, pillars),
        );
        for p in pillars {
            push(
                &p.path,
                "pillar.html",
                pillars::pillar_page(site, theme, data, p),
            );
        }
    }
    let units = identities::units(data);
    if !units.is_empty() {
        push(
            identities::UNITS,
            "units.html",
            units::units_page(site, theme, data, &units),
        );
        for u in &units {
            push(&u.path, "unit.html", units::unit_page(site, theme, data, u));
        }
    }
    if !data.computed.localities.is_empty() {
        let facts = localities::all_facts(data);
        push(
            localities::LOCALITIES,
            "data_sections.html",
            localities::localities_page(site, theme, data, &facts),
        );
        for k in 0..data.computed.localities.len() {
            push(
                &localities::locality_path(&data.computed.localities[k].name),
                "data_sections.html",
                localities::locality_page(site, theme, data, &facts, k),
            );
        }
    }
    if !data.set.observations.is_empty() {
        let series = indicators::series(data);
        push(
            indicators::INDICATORS,
            "data_sections.html",
            indicators::indicators_page(site, theme, data, &series),
        );
        for s in &series {
            push(
                &s.path,
                "data_sections.html",
                indicators::indicator_page(site, theme, data, s),
            );
        }
    }
    if !data.set.criteria.is_empty() {
        push(
            criteria::CRITERIA,
            "data_sections.html",
            criteria::criteria_page(site, theme, data),
        );
        let all = crate::data::compute::criteria::checklists(&data.set, &data.computed.criteria);
        for u in all.iter().filter(|u| u.locality.is_some()) {
            push(
                &criteria::unit_path(u.locality.as_deref().unwrap_or_default()),
                "data_sections.html",
                criteria::unit_page(site, theme, data, u),
            );
        }
    }
    push(
        OPEN_DATA,
        "open_data.html",
        open_data::open_data_page(site, theme, data),
    );
}

/// The context shared by data pages: base context, crumbs and intro.
pub fn page_context(
    site: &Site,
    theme: &Theme,
    path: &str,
    title: &str,
    intro: &str,
    crumbs: Vec<(String, String)>,
) -> Context {
    let tr = Tr::new(theme, &site.config.language);
    let intro = format!("{intro} {}", as_of(site, tr));
    let mut c = base_context(site, theme, path, &site.config.language, title, &intro);
    c.insert("crumbs", &crumbs);
    c.insert("heading", title);
    c.insert("intro", &intro);
    let links: Vec<NavLink> = site.data.as_ref().map_or(Vec::new(), |d| nav(site, d, tr));
    c.insert("data_links", &links);
    c
}

pub(crate) fn nav(site: &Site, data: &SiteData, tr: Tr) -> Vec<NavLink> {
    sections(data)
        .into_iter()
        .map(|(key, path)| NavLink {
            name: tr.get(key),
            href: link(site, path),
        })
        .collect()
}
