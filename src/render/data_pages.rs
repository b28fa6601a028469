//! Render jobs for the data pages: the home-page dashboard, the targets list
//! and one page per target (`chi-tieu/`), tasks (`nhiem-vu/`), budget
//! (`kinh-phi/`), the DTI index (`chi-so-dti/`) and the open-data catalogue
//! (`du-lieu/`) with its CSV/JSON files. Nothing is added when the site has
//! no data files; a content page at the same path wins over a data page.

use serde::Serialize;
use tera::Context;

use super::data_index::pillar_href_path;
use super::data_views::{
    self as dv, ChartView, Stat, TargetRow, pillar_chart, rate, target_path, target_row,
    targets_chart, tasks_chart,
};
use super::i18n::Tr;
use super::theme::Theme;
use super::views::link;
use super::{Job, base_context};
use super::{data_index, data_more, data_units};
use crate::data::compute::{TargetState, TaskState};
use crate::output::Output;
use crate::site::{Site, SiteData};
use crate::text::numbers::{format_fixed, format_integer, format_percent};
use crate::text::{dates, slugify};

pub const TARGETS: &str = "chi-tieu/";
pub const TASKS: &str = "nhiem-vu/";
pub const BUDGET: &str = "kinh-phi/";
pub const DTI: &str = "chi-so-dti/";
pub const OPEN_DATA: &str = "du-lieu/";

/// A link to one of the data pages.
#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub name: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
struct Dashboard {
    stats: Vec<Stat>,
    charts: Vec<ChartView>,
    overdue: Vec<dv::TaskRow>,
    links: Vec<NavLink>,
    intro: String,
}

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

/// The sentence every data page ends its intro with.
pub fn as_of(site: &Site, tr: Tr) -> String {
    tr.fmt(
        "data_computed_as_of",
        &[("date", &dates::short(site.today))],
    )
}

/// The data pages that exist, as (UI string key of the name, path).
pub fn sections(data: &SiteData) -> Vec<(&'static str, &'static str)> {
    let set = &data.set;
    let mut out = Vec::new();
    if !set.targets.is_empty() {
        out.push(("nav_targets", TARGETS));
    }
    if !set.tasks.is_empty() {
        out.push(("nav_tasks", TASKS));
    }
    if !set.budget.is_empty() {
        out.push(("nav_budget", BUDGET));
    }
    if !set.indicators.is_empty() {
        out.push(("nav_dti", DTI));
    }
    if data_index::has_pillars(set) {
        out.push(("nav_pillars", data_index::PILLARS));
    }
    if !data.computed.units.is_empty() {
        out.push(("nav_units", data_index::UNITS));
    }
    out.push(("nav_open_data", OPEN_DATA));
    out
}

/// The first data page, for the "Số liệu" menu entry.
pub fn menu_target(site: &Site) -> Option<String> {
    let data = site.data.as_ref()?;
    sections(data).first().map(|(_, p)| (*p).to_owned())
}

/// Output folders of every data page (for the sitemap), without those a
/// content page already occupies.
pub fn page_paths(site: &Site) -> Vec<String> {
    let Some(data) = &site.data else {
        return Vec::new();
    };
    let mut out: Vec<String> = sections(data)
        .into_iter()
        .map(|(_, p)| p.to_owned())
        .collect();
    out.extend(data.set.targets.iter().map(|t| target_path(&t.id)));
    out.extend(data_index::units(data).into_iter().map(|u| u.path));
    out.extend(
        data_index::site_pillars(data)
            .iter()
            .map(|p| p.path.clone()),
    );
    out.retain(|path| !site.pages.iter().any(|p| p.path == *path));
    out
}

/// Pushes every data page and fills the home page's dashboard.
pub fn data_jobs(site: &Site, theme: &Theme, jobs: &mut Vec<Job>) {
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
        let dash = dashboard(site, data, Tr::new(theme, &lang));
        home.context.insert("dashboard", &dash);
    }
    let paths: std::collections::HashSet<&str> =
        site.pages.iter().map(|p| p.path.as_str()).collect();
    let taken = |path: &str| paths.contains(path);
    let mut push = |path: &str, template: &str, context: Context| {
        if !taken(path) {
            jobs.push(Job {
                path: format!("{path}index.html"),
                template: template.to_owned(),
                context,
            });
        }
    };
    if !data.set.targets.is_empty() {
        push(TARGETS, "targets.html", targets_page(site, theme, data));
        // One page (with its charts) per target: built in parallel.
        use rayon::prelude::*;
        let pages: Vec<(String, Context)> = (0..data.set.targets.len())
            .into_par_iter()
            .map(|i| {
                let path = target_path(&data.set.targets[i].id);
                let c = data_more::target_page(site, theme, data, i, &path);
                (path, c)
            })
            .collect();
        for (path, c) in pages {
            push(&path, "target.html", c);
        }
    }
    if !data.set.tasks.is_empty() {
        push(TASKS, "tasks.html", tasks_page(site, theme, data));
    }
    if !data.set.budget.is_empty() {
        push(
            BUDGET,
            "budget.html",
            data_more::budget_page(site, theme, data),
        );
    }
    if !data.set.indicators.is_empty() {
        push(DTI, "dti.html", data_more::dti_page(site, theme, data));
    }
    let pillars = data_index::site_pillars(data);
    if !pillars.is_empty() {
        push(
            data_index::PILLARS,
            "pillars.html",
            data_units::pillars_page(site, theme, data, pillars),
        );
        for p in pillars {
            push(
                &p.path,
                "pillar.html",
                data_units::pillar_page(site, theme, data, p),
            );
        }
    }
    let units = data_index::units(data);
    if !units.is_empty() {
        push(
            data_index::UNITS,
            "units.html",
            data_units::units_page(site, theme, data, &units),
        );
        for u in &units {
            push(
                &u.path,
                "unit.html",
                data_units::unit_page(site, theme, data, u),
            );
        }
    }
    push(
        OPEN_DATA,
        "open_data.html",
        data_more::open_data_page(site, theme, data),
    );
    super::data_documents::document_data(site, data, jobs);
    super::data_embed::embed_jobs(site, theme, jobs);
}

/// Writes the open-data files (`du-lieu/<kind>.csv|json`).
pub fn data_files(site: &Site, output: &mut Output) {
    if let Some(data) = &site.data {
        for (name, bytes) in
            crate::data::export_computed::export_all_computed(&data.set, &data.computed)
        {
            output.insert(format!("{OPEN_DATA}{name}"), bytes);
        }
    }
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

fn nav(site: &Site, data: &SiteData, tr: Tr) -> Vec<NavLink> {
    sections(data)
        .into_iter()
        .map(|(key, path)| NavLink {
            name: tr.get(key),
            href: link(site, path),
        })
        .collect()
}

fn dashboard(site: &Site, data: &SiteData, tr: Tr) -> Dashboard {
    let c = &data.computed;
    let set = &data.set;
    // The dashboard shows the site's own unit only: rows of other
    // localities are never added in (see `DataSet::localities`).
    let own_targets: Vec<usize> = (0..set.targets.len())
        .filter(|&i| set.targets[i].locality.is_none())
        .collect();
    let own_tasks: Vec<usize> = (0..set.tasks.len())
        .filter(|&i| set.tasks[i].locality.is_none())
        .collect();
    let mut stats = Vec::new();
    if !own_targets.is_empty() {
        let count = |s: TargetState| {
            own_targets
                .iter()
                .filter(|&&i| c.targets[i].state == s)
                .count()
        };
        stats.push(Stat {
            value: format!(
                "{}/{}",
                format_integer(count(TargetState::Achieved) as i64),
                format_integer(own_targets.len() as i64)
            ),
            label: tr.get("stat_targets_met"),
            note: tr.fmt(
                "stat_targets_no_data",
                &[("n", &format_integer(count(TargetState::NoData) as i64))],
            ),
            illustrative: own_targets.iter().any(|&i| c.targets[i].illustrative),
        });
    }
    if !own_tasks.is_empty() {
        let overdue = own_tasks
            .iter()
            .filter(|&&i| c.tasks[i].state == TaskState::Overdue)
            .count();
        stats.push(Stat {
            value: format_integer(overdue as i64),
            label: tr.get("overdue_tasks"),
            note: tr.fmt(
                "stat_of_tasks",
                &[("n", &format_integer(own_tasks.len() as i64))],
            ),
            illustrative: own_tasks.iter().any(|&i| set.tasks[i].illustrative),
        });
    }
    // The budget figure is one year's: the build year's, else the latest
    // year with budget lines; the label names the year.
    let this_year = site.today.year();
    let budget_year = c
        .budget
        .by_year
        .iter()
        .find(|(y, _)| *y == this_year)
        .or(c.budget.by_year.last());
    if let Some((year, totals)) = budget_year {
        stats.push(Stat {
            value: rate(totals.rate),
            label: format!("{} năm {year}", tr.get("stat_disbursed")),
            note: format!(
                "{} / {}",
                dv::money(totals.disbursed),
                dv::money(totals.planned)
            ),
            illustrative: set
                .budget
                .iter()
                .any(|l| l.locality.is_none() && l.year == *year && l.illustrative),
        });
    }
    if let Some(y) = c.dti.last() {
        stats.push(Stat {
            value: y.total.index.map_or("–".into(), |i| format_fixed(i, 4)),
            label: tr.fmt("stat_dti", &[("year", &y.year.to_string())]),
            note: format!(
                "{}{}",
                tr.fmt(
                    "points_of",
                    &[
                        (
                            "points",
                            &crate::text::numbers::format_decimal(y.total.points, 2)
                        ),
                        ("max", &crate::text::numbers::format_decimal(y.total.max, 2)),
                    ]
                ),
                if y.official {
                    String::new()
                } else {
                    format!(" {}", tr.get("self_assessed"))
                }
            ),
            illustrative: !data_more::dti_year_mark(data, y.year).is_empty(),
        });
    }
    let mut charts = Vec::new();
    if !data.set.targets.is_empty() {
        charts.push(pillar_chart(data));
    }
    if !data.set.tasks.is_empty() {
        charts.push(tasks_chart(data));
    }
    let stats_illustrative = stats.iter().any(|s| s.illustrative);
    Dashboard {
        stats,
        charts,
        overdue: dv::overdue_rows_of(site, data, |i| data.set.tasks[i].locality.is_none()),
        links: nav(site, data, tr),
        intro: format!(
            "{} {}{}{}",
            tr.get("dashboard_intro"),
            as_of(site, tr),
            own_unit_note(site, data),
            dv::illustrative_note(stats_illustrative)
        ),
    }
}

/// On a site holding several localities' data: whose figures the dashboard
/// shows ("" on a one-unit site).
fn own_unit_note(site: &Site, data: &SiteData) -> String {
    let n = data.computed.localities.len();
    if n == 0 {
        return String::new();
    }
    let own = if site.config.unit.is_empty() {
        "đơn vị"
    } else {
        site.config.unit.as_str()
    };
    format!(
        " Các số liệu trên là của {own}, không cộng số liệu của {} địa phương khác có trong dữ liệu.",
        format_integer(n as i64)
    )
}

/// A pillar and the indices of its targets.
type PillarIdx = (Option<String>, Vec<usize>);

fn targets_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let set = &data.set;
    let tr = Tr::new(theme, &site.config.language);
    // (document, [(pillar, [target index])]) in order of first appearance.
    let mut groups: Vec<(Option<String>, Vec<PillarIdx>)> = Vec::new();
    for (i, t) in set.targets.iter().enumerate() {
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
    let docs: Vec<DocGroup> = groups
        .into_iter()
        .enumerate()
        .map(|(gi, (doc, pillars))| {
            let (title, href) = match doc.as_deref() {
                Some(n) => match site.document(n) {
                    Some(p) => (format!("{n} – {}", p.title), link(site, &p.path)),
                    None => (tr.fmt("document_n", &[("number", n)]), String::new()),
                },
                None => (tr.get("targets_no_document"), String::new()),
            };
            let pillars = pillars
                .into_iter()
                .enumerate()
                .map(|(pi, (pillar, idx))| {
                    let name = pillar.unwrap_or_else(|| tr.get("unclassified"));
                    PillarGroup {
                        chart: targets_chart(
                            data,
                            &format!("chi-tieu-{}-{}-{}", gi + 1, pi + 1, slugify(&name)),
                            &format!("Kết quả chỉ tiêu: {name}"),
                            &idx,
                        ),
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
    let achieved = data
        .computed
        .targets
        .iter()
        .filter(|p| p.state == TargetState::Achieved)
        .count();
    let intro = tr.fmt(
        "targets_intro",
        &[
            ("n", &format_integer(set.targets.len() as i64)),
            ("met", &format_integer(achieved as i64)),
            (
                "rate",
                &format_percent(100.0 * achieved as f64 / set.targets.len() as f64, 1),
            ),
        ],
    );
    let title = tr.get("targets_title");
    let mut c = page_context(site, theme, TARGETS, &title, &intro, vec![]);
    c.insert("groups", &docs);
    c
}

fn tasks_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let n = data.set.tasks.len();
    let overdue = data
        .computed
        .tasks
        .iter()
        .filter(|p| p.state == TaskState::Overdue)
        .count();
    let tr = Tr::new(theme, &site.config.language);
    let intro = tr.fmt(
        "tasks_intro",
        &[
            ("n", &format_integer(n as i64)),
            ("overdue", &format_integer(overdue as i64)),
        ],
    );
    let title = tr.get("tasks_title");
    let mut c = page_context(site, theme, TASKS, &title, &intro, vec![]);
    let mut charts = vec![tasks_chart(data)];
    charts.extend(dv::tasks_by_unit_chart(data, 5));
    c.insert("charts", &charts);
    c.insert("groups", &dv::task_groups(site, data));
    c
}
