//! Render jobs for the data pages: the home-page dashboard, the targets list
//! and one page per target (`chi-tieu/`), tasks (`nhiem-vu/`), budget
//! (`kinh-phi/`), the DTI index (`chi-so-dti/`) and the open-data catalogue
//! (`du-lieu/`) with its CSV/JSON files. Nothing is added when the site has
//! no data files; a content page at the same path wins over a data page.

use serde::Serialize;
use tera::Context;

use super::data_more;
use super::data_views::{
    self as dv, ChartView, Stat, TargetRow, pillar_chart, rate, target_path, target_row,
    targets_chart, tasks_chart,
};
use super::theme::Theme;
use super::views::link;
use super::{Job, base_context};
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
pub fn as_of(site: &Site) -> String {
    format!(
        "Số liệu được tính tự động từ các tệp dữ liệu của đơn vị, tính đến ngày {}.",
        dates::short(site.today)
    )
}

/// The data pages that exist, as (name, path).
pub fn sections(data: &SiteData) -> Vec<(&'static str, &'static str)> {
    let set = &data.set;
    let mut out = Vec::new();
    if !set.targets.is_empty() {
        out.push(("Chỉ tiêu", TARGETS));
    }
    if !set.tasks.is_empty() {
        out.push(("Nhiệm vụ", TASKS));
    }
    if !set.budget.is_empty() {
        out.push(("Kinh phí", BUDGET));
    }
    if !set.indicators.is_empty() {
        out.push(("Chỉ số DTI", DTI));
    }
    out.push(("Dữ liệu mở", OPEN_DATA));
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
        home.context.insert("dashboard", &dashboard(site, data));
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
    push(
        OPEN_DATA,
        "open_data.html",
        data_more::open_data_page(site, theme, data),
    );
}

/// Writes the open-data files (`du-lieu/<kind>.csv|json`).
pub fn data_files(site: &Site, output: &mut Output) {
    if let Some(data) = &site.data {
        for (name, bytes) in crate::data::export::export_all(&data.set) {
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
    let intro = format!("{intro} {}", as_of(site));
    let mut c = base_context(site, theme, path, &site.config.language, title, &intro);
    c.insert("crumbs", &crumbs);
    c.insert("heading", title);
    c.insert("intro", &intro);
    let links: Vec<NavLink> = site.data.as_ref().map_or(Vec::new(), |d| nav(site, d));
    c.insert("data_links", &links);
    c
}

fn nav(site: &Site, data: &SiteData) -> Vec<NavLink> {
    sections(data)
        .into_iter()
        .map(|(name, path)| NavLink {
            name: name.to_owned(),
            href: link(site, path),
        })
        .collect()
}

fn dashboard(site: &Site, data: &SiteData) -> Dashboard {
    let c = &data.computed;
    let mut stats = Vec::new();
    if !c.targets.is_empty() {
        let met = c
            .targets
            .iter()
            .filter(|p| p.state == TargetState::Achieved)
            .count();
        stats.push(Stat {
            value: format!(
                "{}/{}",
                format_integer(met as i64),
                format_integer(c.targets.len() as i64)
            ),
            label: "Chỉ tiêu đã đạt".into(),
            note: format!(
                "{} chỉ tiêu chưa có số liệu",
                format_integer(
                    c.targets
                        .iter()
                        .filter(|p| p.state == TargetState::NoData)
                        .count() as i64
                )
            ),
        });
    }
    if !c.tasks.is_empty() {
        let overdue = c
            .tasks
            .iter()
            .filter(|p| p.state == TaskState::Overdue)
            .count();
        stats.push(Stat {
            value: format_integer(overdue as i64),
            label: "Nhiệm vụ quá hạn".into(),
            note: format!(
                "trên tổng số {} nhiệm vụ",
                format_integer(c.tasks.len() as i64)
            ),
        });
    }
    if !data.set.budget.is_empty() {
        stats.push(Stat {
            value: rate(c.budget.total.rate),
            label: "Tỷ lệ giải ngân kinh phí".into(),
            note: format!(
                "{} / {}",
                dv::money(c.budget.total.disbursed),
                dv::money(c.budget.total.planned)
            ),
        });
    }
    if let Some(y) = c.dti.last() {
        stats.push(Stat {
            value: y.total.index.map_or("–".into(), |i| format_fixed(i, 4)),
            label: format!("Chỉ số DTI năm {}", y.year),
            note: format!(
                "{} / {} điểm{}",
                crate::text::numbers::format_decimal(y.total.points, 2),
                crate::text::numbers::format_decimal(y.total.max, 2),
                if y.official {
                    ""
                } else {
                    " (có điểm tự đánh giá)"
                }
            ),
        });
    }
    let mut charts = Vec::new();
    if !data.set.targets.is_empty() {
        charts.push(pillar_chart(data));
    }
    if !data.set.tasks.is_empty() {
        charts.push(tasks_chart(data));
    }
    Dashboard {
        stats,
        charts,
        overdue: dv::overdue_rows(data),
        links: nav(site, data),
        intro: format!(
            "Tổng hợp kết quả thực hiện chỉ tiêu, nhiệm vụ, kinh phí và chỉ số chuyển đổi số. {}",
            as_of(site)
        ),
    }
}

/// A pillar and the indices of its targets.
type PillarIdx = (Option<String>, Vec<usize>);

fn targets_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let set = &data.set;
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
                    None => (format!("Văn bản {n}"), String::new()),
                },
                None => ("Chỉ tiêu không gắn với văn bản".to_owned(), String::new()),
            };
            let pillars = pillars
                .into_iter()
                .enumerate()
                .map(|(pi, (pillar, idx))| {
                    let name = pillar.unwrap_or_else(|| "Chưa phân loại".into());
                    PillarGroup {
                        chart: targets_chart(
                            data,
                            &format!("chi-tieu-{}-{}-{}", gi + 1, pi + 1, slugify(&name)),
                            &format!("Kết quả chỉ tiêu: {name}"),
                            &idx,
                        ),
                        rows: idx.iter().map(|&i| target_row(site, data, i)).collect(),
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
    let intro = format!(
        "Danh sách {} chỉ tiêu chuyển đổi số theo văn bản và trụ cột, với giá trị mới nhất và tình trạng thực hiện; {} chỉ tiêu đã đạt ({}).",
        format_integer(set.targets.len() as i64),
        format_integer(achieved as i64),
        format_percent(100.0 * achieved as f64 / set.targets.len() as f64, 1)
    );
    let mut c = page_context(
        site,
        theme,
        TARGETS,
        "Chỉ tiêu chuyển đổi số",
        &intro,
        vec![],
    );
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
    let intro = format!(
        "Danh sách {} nhiệm vụ chuyển đổi số theo tình trạng thực hiện, nhiệm vụ quá hạn đứng đầu ({} nhiệm vụ quá hạn).",
        format_integer(n as i64),
        format_integer(overdue as i64)
    );
    let mut c = page_context(site, theme, TASKS, "Nhiệm vụ chuyển đổi số", &intro, vec![]);
    let mut charts = vec![tasks_chart(data)];
    charts.extend(dv::tasks_by_unit_chart(data, 5));
    c.insert("charts", &charts);
    c.insert("groups", &dv::task_groups(data));
    c
}
