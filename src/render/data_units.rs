//! Contexts of the per-unit pages (`don-vi/` and `don-vi/<slug>/`: tasks
//! led, overdue, tasks as partner, targets led, DTI indicators owned) and
//! the per-pillar pages (`tru-cot/` and `tru-cot/<slug>/`: targets, tasks,
//! DTI indicators and totals of the pillar).

use serde::Serialize;
use tera::Context;

use super::data_charts::{
    last_segment, pillar_targets_chart, pillar_tasks_chart, unit_tasks_chart,
};
use super::data_index::{PILLARS, PillarEntry, UNITS, UnitEntry, in_pillar, unit_key};
use super::data_pages::page_context;
use super::data_views::{
    ChartView, Stat, TargetRow, TaskGroupView, TaskRow, overdue_rows_of, target_row, targets_chart,
    task_groups_of, task_row,
};
use super::i18n::Tr;
use super::theme::Theme;
use super::views::link;
use crate::data::compute::{TargetState, TaskState};
use crate::site::{Site, SiteData};
use crate::text::numbers::{format_decimal, format_integer};

/// A row of the units or pillars index.
#[derive(Debug, Clone, Serialize)]
struct IndexRow {
    name: String,
    href: String,
    kind: String,
    counts: Vec<String>,
}

/// A DTI indicator as a row.
#[derive(Debug, Clone, Serialize)]
struct IndicatorRow {
    code: String,
    name: String,
    max: String,
    score: String,
    lead: String,
    lead_href: String,
}

fn n(x: usize) -> String {
    format_integer(x as i64)
}

fn points(x: f64) -> String {
    format_decimal(x, 2)
}

fn indicator_rows(site: &Site, data: &SiteData, keep: impl Fn(usize) -> bool) -> Vec<IndicatorRow> {
    let latest = data.computed.dti.last();
    (0..data.set.indicators.len())
        .filter(|&i| keep(i))
        .map(|i| {
            let ind = &data.set.indicators[i];
            let score = latest
                .and_then(|y| y.nodes.iter().find(|(c, _)| *c == ind.code))
                .map_or("–".to_owned(), |(_, p)| points(*p));
            let lead = ind.lead.clone().unwrap_or_default();
            IndicatorRow {
                code: ind.code.clone(),
                name: ind.name.clone(),
                max: points(ind.max_points),
                score,
                lead_href: super::data_views::unit_link(site, data, &lead),
                lead,
            }
        })
        .collect()
}

/// `don-vi/`: every unit with its counts.
pub fn units_page(site: &Site, theme: &Theme, data: &SiteData, units: &[UnitEntry]) -> Context {
    let rows: Vec<IndexRow> = units
        .iter()
        .map(|u| {
            let s = &data.computed.units[u.stats];
            let kind = s
                .unit_id
                .as_deref()
                .and_then(|id| data.set.units.iter().find(|x| x.id == id))
                .and_then(|x| x.kind.clone())
                .unwrap_or_default();
            IndexRow {
                name: u.name.clone(),
                href: link(site, &u.path),
                kind,
                counts: vec![
                    n(s.tasks_led),
                    n(s.tasks_overdue),
                    n(s.tasks_partner),
                    n(s.targets_led),
                    points(s.dti_max_points),
                ],
            }
        })
        .collect();
    let intro = format!(
        "{} đơn vị (phòng, ban, xã, phường) với số nhiệm vụ chủ trì, quá hạn, phối hợp, số chỉ tiêu phụ trách và điểm DTI tối đa được giao.",
        n(units.len())
    );
    let mut c = page_context(site, theme, UNITS, "Đơn vị thực hiện", &intro, vec![]);
    c.insert("rows", &rows);
    c
}

#[derive(Debug, Clone, Serialize)]
struct Fact {
    label: String,
    value: String,
}

/// `don-vi/<slug>/`: one unit's work.
pub fn unit_page(site: &Site, theme: &Theme, data: &SiteData, u: &UnitEntry) -> Context {
    let s = &data.computed.units[u.stats];
    let set = &data.set;
    let led = |i: usize| unit_key(data, &set.tasks[i].lead) == u.key;
    let partner = |i: usize| {
        !led(i)
            && set.tasks[i]
                .partners
                .iter()
                .any(|p| unit_key(data, p) == u.key)
    };
    let targets: Vec<usize> = (0..set.targets.len())
        .filter(|&i| {
            set.targets[i]
                .lead
                .as_deref()
                .is_some_and(|l| unit_key(data, l) == u.key)
        })
        .collect();
    let slug = last_segment(&u.path).to_owned();
    let tr = Tr::new(theme, &site.config.language);
    let mut facts = Vec::new();
    if let Some(unit) = s
        .unit_id
        .as_deref()
        .and_then(|id| set.units.iter().find(|x| x.id == id))
    {
        for (label, value) in [
            ("fact_unit_id", Some(&unit.id)),
            ("col_unit_kind", unit.kind.as_ref()),
            ("fact_short_name", unit.short_name.as_ref()),
            ("address", unit.address.as_ref()),
            ("phone", unit.phone.as_ref()),
            ("email", unit.email.as_ref()),
        ] {
            if let Some(v) = value {
                facts.push(Fact {
                    label: tr.get(label),
                    value: v.clone(),
                });
            }
        }
    }
    let stats = vec![
        stat(s.tasks_led, &tr.get("col_tasks_led")),
        stat(s.tasks_overdue, &tr.get("overdue_tasks")),
        stat(s.tasks_partner, &tr.get("tasks_partner")),
        stat(s.targets_led, &tr.get("targets_led")),
        Stat {
            value: points(s.dti_max_points),
            label: tr.get("col_dti_assigned"),
            note: String::new(),
            illustrative: false,
        },
    ];
    let mut charts: Vec<ChartView> = unit_tasks_chart(data, &u.key, &u.name, &slug)
        .into_iter()
        .collect();
    if !targets.is_empty() {
        charts.push(targets_chart(
            data,
            &format!("don-vi-{slug}-chi-tieu"),
            &format!("Kết quả chỉ tiêu do {} phụ trách", u.name),
            &targets,
        ));
    }
    let groups: Vec<TaskGroupView> = task_groups_of(site, data, led);
    let partner_rows: Vec<TaskRow> = (0..set.tasks.len())
        .filter(|&i| partner(i))
        .map(|i| task_row(site, data, i))
        .collect();
    let target_rows: Vec<TargetRow> = targets.iter().map(|&i| target_row(site, data, i)).collect();
    let indicators = indicator_rows(site, data, |i| {
        set.indicators[i]
            .lead
            .as_deref()
            .is_some_and(|l| unit_key(data, l) == u.key)
    });
    let intro = tr.fmt(
        "unit_intro",
        &[
            ("name", &u.name),
            ("led", &n(s.tasks_led)),
            ("overdue", &n(s.tasks_overdue)),
            ("partner", &n(s.tasks_partner)),
            ("targets", &n(s.targets_led)),
        ],
    );
    let crumbs = vec![(tr.get("nav_units"), link(site, UNITS))];
    let mut c = page_context(site, theme, &u.path, &u.name, &intro, crumbs);
    c.insert("facts", &facts);
    c.insert("stats", &stats);
    c.insert("charts", &charts);
    c.insert("overdue", &overdue_rows_of(site, data, led));
    c.insert("groups", &groups);
    c.insert("partner_rows", &partner_rows);
    c.insert("targets", &target_rows);
    c.insert("indicators", &indicators);
    c
}

fn stat(x: usize, label: &str) -> Stat {
    Stat {
        value: n(x),
        label: label.into(),
        note: String::new(),
        illustrative: false,
    }
}

/// `tru-cot/`: every pillar with its counts.
pub fn pillars_page(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    pillars: &[PillarEntry],
) -> Context {
    let set = &data.set;
    let rows: Vec<IndexRow> = pillars
        .iter()
        .map(|p| {
            let t: Vec<usize> = (0..set.targets.len())
                .filter(|&i| in_pillar(set.targets[i].pillar.as_deref(), p))
                .collect();
            let met = t
                .iter()
                .filter(|&&i| data.computed.targets[i].state == TargetState::Achieved)
                .count();
            let tasks: Vec<usize> = (0..set.tasks.len())
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
                    format!("{}/{}", n(met), n(t.len())),
                    n(tasks.len()),
                    n(overdue),
                    dti,
                ],
            }
        })
        .collect();
    let tr = Tr::new(theme, &site.config.language);
    let intro = tr.fmt("pillars_intro", &[("n", &n(pillars.len()))]);
    let title = tr.get("pillars_title");
    let mut c = page_context(site, theme, PILLARS, &title, &intro, vec![]);
    c.insert("rows", &rows);
    if !set.targets.is_empty() {
        c.insert("charts", &vec![super::data_views::pillar_chart(data)]);
    } else {
        c.insert("charts", &Vec::<ChartView>::new());
    }
    c
}

/// "120 / 160 điểm (2025)" for the pillar's latest DTI total.
fn dti_total(data: &SiteData, p: &PillarEntry) -> Option<String> {
    let y = data.computed.dti.last()?;
    let (_, t) = y
        .pillars
        .iter()
        .find(|(name, _)| in_pillar(Some(name), p))?;
    Some(format!(
        "{} / {} điểm ({})",
        points(t.points),
        points(t.max),
        y.year
    ))
}

/// `tru-cot/<slug>/`: one pillar.
pub fn pillar_page(site: &Site, theme: &Theme, data: &SiteData, p: &PillarEntry) -> Context {
    let set = &data.set;
    let targets: Vec<usize> = (0..set.targets.len())
        .filter(|&i| in_pillar(set.targets[i].pillar.as_deref(), p))
        .collect();
    let in_p = |i: usize| in_pillar(set.tasks[i].pillar.as_deref(), p);
    let mut charts: Vec<ChartView> = pillar_targets_chart(data, p).into_iter().collect();
    charts.extend(pillar_tasks_chart(data, p));
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
            ("targets", &n(targets.len())),
            ("met", &n(met)),
            (
                "tasks",
                &n((0..set.tasks.len()).filter(|&i| in_p(i)).count()),
            ),
        ],
    );
    if let Some(d) = dti_total(data, p) {
        intro = format!("{intro} {}", tr.fmt("pillar_dti_intro", &[("score", &d)]));
    }
    let crumbs = vec![(tr.get("nav_pillars"), link(site, PILLARS))];
    let title = tr.fmt("pillar_title", &[("name", &p.label)]);
    let mut c = page_context(site, theme, &p.path, &title, &intro, crumbs);
    c.insert("charts", &charts);
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
