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
pub(crate) mod lazy_chart;
pub mod localities;
pub mod open_data;
pub mod pillars;
pub(crate) mod plan_key;
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
use crate::timing::lap;
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
/// the data blocks of documents. The dashboard's charts get their embed
/// snippets here (returned as walked, see [`embeds::Prewalked`]).
pub(crate) fn content_data(site: &Site, theme: &Theme, jobs: &mut [Job]) -> embeds::Prewalked {
    let mut walked = embeds::Prewalked::new();
    let Some(data) = &site.data else {
        return walked;
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
        let mut dash = dashboard::dashboard(site, data, Tr::new(theme, &lang));
        let found = embeds::embed_own(site, theme, home, dash.charts_mut());
        home.context.insert("dashboard", &dash);
        walked.insert(home.path.clone(), ("dashboard", found));
    }
    documents::document_data(site, data, jobs);
    walked
}

/// A data page of the plan.
pub(crate) enum DataPage {
    /// Its context built at plan time.
    Built(Job),
    /// Its context built when it renders (see [`LazyPage`]).
    Lazy(LazyPage),
}

/// Builds a lazy data page's context from the site, its data, the page's
/// folder and the charts it shows (with their embed snippets).
pub(crate) type MakeContext =
    Box<dyn Fn(&Site, &Theme, &SiteData, &str, &[&ChartView]) -> Context + Send + Sync>;

/// A data page whose charts are named at plan time (each is also published
/// on its own, see [`embeds`]) and drawn, like its context, when it renders
/// (see [`lazy_chart`]); the context is dropped after, so a province's 2,000
/// target pages, 100 unit pages and 5,000-row tasks page are never all in
/// memory.
pub(crate) struct LazyPage {
    /// Output file (`…/index.html`).
    pub(crate) path: String,
    pub(crate) template: &'static str,
    /// The window title, which a chart's embed page names.
    pub(crate) title: String,
    /// The charts the page shows, in page order (none for pages whose
    /// charts are not published on their own).
    pub(crate) charts: Vec<lazy_chart::LazyChart>,
    pub(crate) make: MakeContext,
}

impl LazyPage {
    /// The page at `folder` whose charts (if any) are not published on
    /// their own: all its context is built when it renders, by `make`.
    fn without_charts(
        folder: &str,
        template: &'static str,
        make: fn(&Site, &Theme, &SiteData) -> Context,
    ) -> LazyPage {
        LazyPage {
            path: format!("{folder}index.html"),
            template,
            // Named only by chart embed pages: it has none.
            title: String::new(),
            charts: Vec::new(),
            make: Box::new(move |site, theme, data, _, _| make(site, theme, data)),
        }
    }
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
    use rayon::prelude::*;
    // Each kind's time, with `MINHBACH_TIMINGS=1`.
    let t = std::time::Instant::now();
    // Lazy pages, their charts drawn in parallel.
    let lazy_to = |pages: &mut Vec<DataPage>, planned: Vec<Option<LazyPage>>| {
        pages.extend(planned.into_iter().flatten().map(DataPage::Lazy));
    };
    if !data.set.targets.is_empty() {
        if !taken(TARGETS) {
            lazy_to(pages, vec![Some(targets::targets_lazy(site, theme, data))]);
        }
        let planned = (0..data.set.targets.len())
            .into_par_iter()
            .map(|i| {
                let path = target_path(&data.set.targets[i].id);
                (!taken(&path)).then(|| targets::target_lazy(site, theme, data, i, &path))
            })
            .collect();
        lazy_to(pages, planned);
    }
    let t = lap("plan data: targets", t);
    if !data.set.tasks.is_empty() && !taken(TASKS) {
        lazy_to(pages, vec![Some(tasks::tasks_lazy(site, theme, data))]);
    }
    let t = lap("plan data: tasks", t);
    if !data.set.budget.is_empty() && !taken(BUDGET) {
        lazy_to(pages, vec![Some(budget::budget_lazy(site, theme, data))]);
    }
    let t = lap("plan data: budget", t);
    if !data.set.indicators.is_empty() && !taken(DTI) {
        lazy_to(pages, vec![Some(dti::dti_lazy(site, theme, data))]);
    }
    let t = lap("plan data: DTI", t);
    let pillars = identities::site_pillars(data);
    if !pillars.is_empty() {
        if !taken(identities::PILLARS) {
            lazy_to(pages, vec![Some(pillars::pillars_lazy(site, theme, data))]);
        }
        let planned = pillars
            .par_iter()
            .map(|p| (!taken(&p.path)).then(|| pillars::pillar_lazy(site, theme, data, p)))
            .collect();
        lazy_to(pages, planned);
    }
    let t = lap("plan data: pillars", t);
    let units = identities::units(data);
    if !units.is_empty() {
        if !taken(identities::UNITS) {
            pages.push(DataPage::Lazy(LazyPage::without_charts(
                identities::UNITS,
                "units.html",
                units::units_page,
            )));
        }
        let led = units::LedBy::new(data);
        let planned = units
            .par_iter()
            .map(|u| (!taken(&u.path)).then(|| units::unit_lazy(site, theme, data, u, &led)))
            .collect();
        lazy_to(pages, planned);
    }
    let t = lap("plan data: units", t);
    if !data.computed.localities.is_empty() {
        if !taken(localities::LOCALITIES) {
            pages.push(DataPage::Lazy(LazyPage::without_charts(
                localities::LOCALITIES,
                "data_sections.html",
                |site, theme, data| {
                    localities::localities_page(site, theme, data, &localities::all_facts(data))
                },
            )));
        }
        for (k, index) in localities::facts_index(data).into_iter().enumerate() {
            let path = localities::locality_path(&data.computed.localities[k].name);
            if !taken(&path) {
                pages.push(DataPage::Lazy(LazyPage {
                    path: format!("{path}index.html"),
                    template: "data_sections.html",
                    // Its charts are not published on their own.
                    title: String::new(),
                    charts: Vec::new(),
                    make: Box::new(move |site, theme, data, _, _| {
                        localities::locality_page(site, theme, data, &index, k)
                    }),
                }));
            }
        }
    }
    let t = lap("plan data: localities", t);
    if !data.set.observations.is_empty() {
        let series = indicators::series(data);
        push_to(
            pages,
            indicators::INDICATORS,
            "data_sections.html",
            indicators::indicators_page(site, theme, data, &series),
        );
        for s in &series {
            push_to(
                pages,
                &s.path,
                "data_sections.html",
                indicators::indicator_page(site, theme, data, s),
            );
        }
    }
    let t = lap("plan data: indicators", t);
    if !data.set.criteria.is_empty() {
        push_to(
            pages,
            criteria::CRITERIA,
            "data_sections.html",
            criteria::criteria_page(site, theme, data),
        );
        let all = crate::data::compute::criteria::checklists(&data.set, &data.computed.criteria);
        for u in all.iter().filter(|u| u.locality.is_some()) {
            push_to(
                pages,
                &criteria::unit_path(u.locality.as_deref().unwrap_or_default()),
                "data_sections.html",
                criteria::unit_page(site, theme, data, u),
            );
        }
    }
    let t = lap("plan data: criteria", t);
    // Counting the report rows is most of this page's work.
    if !taken(OPEN_DATA) {
        pages.push(DataPage::Lazy(LazyPage::without_charts(
            OPEN_DATA,
            "open_data.html",
            open_data::open_data_page,
        )));
    }
    lap("plan data: open data page", t);
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
