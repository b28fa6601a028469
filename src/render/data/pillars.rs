//! The pillar pages: `tru-cot/` (every pillar with its counts) and
//! `tru-cot/<slug>/` (targets, tasks, DTI indicators and totals of the
//! pillar).

use crate::render::engine::vars::Context;

use super::charts::{pillar_targets_lazy, pillar_tasks_lazy};
use super::lazy_chart::LazyChart;
use super::page_context;
use super::task_views::task_groups_of;
use super::units::{IndexRow, indicator_rows, points};
use super::views::{ChartView, target_row};
use crate::data::compute::{TargetState, TaskState};
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::identities::{self, PILLARS, PillarEntry, in_pillar};
use crate::site::{Site, SiteData};

/// `tru-cot/`, planned lazily: its chart (targets per pillar, when the
/// site has targets) named now, drawn with its rows when it renders.
pub(crate) fn pillars_lazy(site: &Site, theme: &Theme, data: &SiteData) -> super::LazyPage {
    let charts = if data.set.targets.is_empty() {
        Vec::new()
    } else {
        vec![LazyChart::later(
            super::views::PILLAR_CHART,
            super::views::pillar_chart_title(data),
            super::views::pillar_chart,
        )]
    };
    super::LazyPage {
        path: format!("{PILLARS}index.html"),
        template: "pillars.html",
        title: Tr::new(theme, &site.config.language).get("pillars_title"),
        charts,
        make: Box::new(|site, theme, data, _, charts| {
            pillars_page(site, theme, data, identities::site_pillars(data), charts)
        }),
    }
}

/// `tru-cot/`: every pillar with its counts, showing `charts` (see
/// [`pillars_lazy`]).
fn pillars_page(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    pillars: &[PillarEntry],
    charts: &[&ChartView],
) -> Context {
    let w = data.chart_words();
    let set = &data.set;
    let rows: Vec<IndexRow> = pillars
        .iter()
        .map(|p| {
            let t: Vec<usize> = (0..set.targets.len())
                .filter(|&i| set.targets[i].locality.is_none())
                .filter(|&i| in_pillar(set.targets[i].pillar.as_deref(), p))
                .collect();
            let met = t
                .iter()
                .filter(|&&i| data.computed.targets[i].state == TargetState::Achieved)
                .count();
            let tasks: Vec<usize> = (0..set.tasks.len())
                .filter(|&i| set.tasks[i].locality.is_none())
                .filter(|&i| in_pillar(set.tasks[i].pillar.as_deref(), p))
                .collect();
            let overdue = tasks
                .iter()
                .filter(|&&i| data.computed.tasks[i].state == TaskState::Overdue)
                .count();
            let dti = dti_total(data, p).unwrap_or_else(|| "–".into());
            IndexRow {
                name: p.label.clone(),
                href: link(site, &p.path),
                kind: String::new(),
                counts: vec![
                    format!("{}/{}", w.int(met), w.int(t.len())),
                    w.int(tasks.len()),
                    w.int(overdue),
                    dti,
                ],
            }
        })
        .collect();
    let tr = Tr::new(theme, &site.config.language);
    let intro = tr.fmt("pillars_intro", &[("n", &w.int(pillars.len()))]);
    let title = tr.get("pillars_title");
    let mut c = page_context(site, theme, PILLARS, &title, &intro, vec![]);
    c.insert("rows", &rows);
    c.insert("charts", charts);
    c
}

/// "120 / 160 điểm (2025)" for the pillar's latest DTI total.
fn dti_total(data: &SiteData, p: &PillarEntry) -> Option<String> {
    let w = data.chart_words();
    let y = data.computed.dti.last()?;
    let (_, t) = y
        .pillars
        .iter()
        .find(|(name, _)| in_pillar(Some(name), p))?;
    Some(format!(
        "{} ({})",
        data.chart_words().fmt(
            "chart_points_of",
            &[
                ("points", &points(&w, t.points)),
                ("max", &points(&w, t.max))
            ],
        ),
        y.year
    ))
}

/// The title of pillar `p`'s page.
fn pillar_title(site: &Site, theme: &Theme, p: &PillarEntry) -> String {
    Tr::new(theme, &site.config.language).fmt("pillar_title", &[("name", &p.label)])
}

/// `tru-cot/<slug>/`, planned lazily: its charts (targets, then tasks)
/// named now, drawn with its rows when it renders.
pub(crate) fn pillar_lazy(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    p: &PillarEntry,
) -> super::LazyPage {
    let mut charts: Vec<_> = pillar_targets_lazy(data, p).into_iter().collect();
    charts.extend(pillar_tasks_lazy(data, p));
    let pillar = p.clone();
    super::LazyPage {
        path: format!("{}index.html", p.path),
        template: "pillar.html",
        title: pillar_title(site, theme, p),
        charts,
        make: Box::new(move |site, theme, data, _, charts| {
            pillar_page(site, theme, data, &pillar, charts)
        }),
    }
}

/// `tru-cot/<slug>/`: one pillar, showing `charts` (see [`pillar_lazy`]).
fn pillar_page(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    p: &PillarEntry,
    charts: &[&ChartView],
) -> Context {
    let w = data.chart_words();
    let set = &data.set;
    let targets: Vec<usize> = (0..set.targets.len())
        .filter(|&i| set.targets[i].locality.is_none())
        .filter(|&i| in_pillar(set.targets[i].pillar.as_deref(), p))
        .collect();
    let in_p =
        |i: usize| set.tasks[i].locality.is_none() && in_pillar(set.tasks[i].pillar.as_deref(), p);
    // Top-level indicators of the pillar: the pillar is theirs, not only a
    // parent's.
    let indicators = indicator_rows(site, data, |i| {
        let ind = &set.indicators[i];
        ind.pillars.iter().any(|x| in_pillar(Some(x), p))
            && ind
                .parent
                .as_deref()
                .and_then(|c| set.indicator(c))
                .is_none_or(|parent| !parent.pillars.iter().any(|x| in_pillar(Some(x), p)))
    });
    let met = targets
        .iter()
        .filter(|&&i| data.computed.targets[i].state == TargetState::Achieved)
        .count();
    let tr = Tr::new(theme, &site.config.language);
    let mut intro = tr.fmt(
        "pillar_intro",
        &[
            ("name", &p.label),
            ("targets", &w.int(targets.len())),
            ("met", &w.int(met)),
            (
                "tasks",
                &w.int((0..set.tasks.len()).filter(|&i| in_p(i)).count()),
            ),
        ],
    );
    if let Some(d) = dti_total(data, p) {
        intro = format!("{intro} {}", tr.fmt("pillar_dti_intro", &[("score", &d)]));
    }
    let crumbs = vec![(tr.get("nav_pillars"), link(site, PILLARS))];
    let title = pillar_title(site, theme, p);
    let mut c = page_context(site, theme, &p.path, &title, &intro, crumbs);
    c.insert("charts", charts);
    c.insert(
        "targets",
        &targets
            .iter()
            .map(|&i| target_row(site, data, i))
            .collect::<Vec<_>>(),
    );
    c.insert("groups", &task_groups_of(site, data, in_p));
    c.insert("indicators", &indicators);
    c
}
