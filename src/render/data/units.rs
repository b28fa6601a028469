//! The units pages: `don-vi/` (every unit with its counts) and
//! `don-vi/<slug>/` (tasks led, overdue, tasks as partner, targets led, DTI
//! indicators owned). The index rows and DTI indicator rows are shared with
//! the pillar pages.

use crate::render::engine::vars::Context;
use serde::Serialize;

use super::charts::{last_segment, targets_chart_lazy, unit_tasks_lazy};
use super::lazy_chart::LazyChart;
use super::page_context;
use super::task_views::{TaskGroupView, TaskRow, overdue_rows_of, task_groups_of, task_row};
use super::views::{ChartView, Stat, TargetRow, target_row};
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::identities::{self, UNITS, UnitEntry, names_unit};
use crate::site::{Site, SiteData};

/// A row of the units or pillars index.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndexRow {
    pub(crate) name: String,
    pub(crate) href: String,
    pub(crate) kind: String,
    pub(crate) counts: Vec<String>,
}

/// A DTI indicator as a row.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorRow {
    code: String,
    name: String,
    max: String,
    score: String,
    lead: String,
    lead_href: String,
}

/// Points ("120,5" / "120.5").
pub(crate) fn points(w: &crate::charts::Words, x: f64) -> String {
    w.dec(x, 2)
}

pub(crate) fn indicator_rows(
    site: &Site,
    data: &SiteData,
    keep: impl Fn(usize) -> bool,
) -> Vec<IndicatorRow> {
    let w = data.chart_words();
    let latest = data.computed.dti.last();
    (0..data.set.indicators.len())
        .filter(|&i| keep(i))
        .map(|i| {
            let ind = &data.set.indicators[i];
            let score = latest
                .and_then(|y| y.nodes.iter().find(|(c, _)| *c == ind.code))
                .map_or("–".to_owned(), |(_, p)| points(&w, *p));
            let lead = ind.lead.clone().unwrap_or_default();
            IndicatorRow {
                code: ind.code.clone(),
                name: ind.name.clone(),
                max: points(&w, ind.max_points),
                score,
                lead_href: super::views::unit_link(site, data, &lead),
                lead,
            }
        })
        .collect()
}

/// `don-vi/`: every unit with its counts.
pub(crate) fn units_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let units = &identities::units(data);
    let w = data.chart_words();
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
                    w.int(s.tasks_led),
                    w.int(s.tasks_overdue),
                    w.int(s.tasks_partner),
                    w.int(s.targets_led),
                    points(&w, s.dti_max_points),
                ],
            }
        })
        .collect();
    let tr = Tr::new(theme, &site.config.language);
    let intro = tr.fmt("units_intro", &[("n", &w.int(units.len()))]);
    let mut c = page_context(site, theme, UNITS, &tr.get("units_title"), &intro, vec![]);
    c.insert("rows", &rows);
    c
}

#[derive(Debug, Clone, Serialize)]
struct Fact {
    label: String,
    value: String,
}

/// The tasks and targets each unit leads (by identity key, indices in file
/// order), found in one pass over the data: planning a unit's page looks
/// its own up instead of asking every task and target whether it names
/// the unit (100 units × 7,000 rows on a province's site).
#[derive(Default)]
pub(crate) struct LedBy {
    tasks: std::collections::HashMap<String, Vec<usize>>,
    targets: std::collections::HashMap<String, Vec<usize>>,
}

impl LedBy {
    pub(crate) fn new(data: &SiteData) -> LedBy {
        let mut led = LedBy::default();
        for (i, t) in data.set.tasks.iter().enumerate() {
            let key = identities::unit_key(data, &t.lead);
            led.tasks.entry(key).or_default().push(i);
        }
        for (i, t) in data.set.targets.iter().enumerate() {
            if let Some(lead) = &t.lead {
                let key = identities::unit_key(data, lead);
                led.targets.entry(key).or_default().push(i);
            }
        }
        led
    }

    fn tasks(&self, u: &UnitEntry) -> &[usize] {
        self.tasks.get(&u.key).map_or(&[], Vec::as_slice)
    }

    fn targets(&self, u: &UnitEntry) -> &[usize] {
        self.targets.get(&u.key).map_or(&[], Vec::as_slice)
    }
}

/// The targets unit `u` leads, by index.
fn targets_led(data: &SiteData, u: &UnitEntry) -> Vec<usize> {
    let set = &data.set;
    (0..set.targets.len())
        .filter(|&i| {
            set.targets[i]
                .lead
                .as_deref()
                .is_some_and(|l| names_unit(data, l, &u.key))
        })
        .collect()
}

/// The charts of unit `u`'s page, in page order: its tasks by state, then
/// the targets it leads if any; named now, drawn when shown.
fn unit_charts(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    u: &UnitEntry,
    led: &LedBy,
) -> Vec<LazyChart> {
    let slug = last_segment(&u.path);
    let tr = Tr::new(theme, &site.config.language);
    let targets = led.targets(u).to_vec();
    let mut charts: Vec<LazyChart> = unit_tasks_lazy(data, led.tasks(u), &u.name, slug)
        .into_iter()
        .collect();
    if !targets.is_empty() {
        charts.push(targets_chart_lazy(
            data,
            format!("don-vi-{slug}-chi-tieu"),
            tr.fmt("unit_targets_chart", &[("unit", &u.name)]),
            targets,
        ));
    }
    charts
}

/// `don-vi/<slug>/`, planned lazily: its charts named now, drawn with its
/// task and target rows when it renders; `led` from [`LedBy::new`].
pub(crate) fn unit_lazy(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    u: &UnitEntry,
    led: &LedBy,
) -> super::LazyPage {
    let unit = u.clone();
    super::LazyPage {
        path: format!("{}index.html", u.path),
        template: "unit.html",
        title: u.name.clone(),
        charts: unit_charts(site, theme, data, u, led),
        make: Box::new(move |site, theme, data, _, charts| {
            unit_page(site, theme, data, &unit, charts)
        }),
    }
}

/// `don-vi/<slug>/`: one unit's work, showing `charts` (see [`unit_charts`]).
fn unit_page(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    u: &UnitEntry,
    charts: &[&ChartView],
) -> Context {
    let w = data.chart_words();
    let s = &data.computed.units[u.stats];
    let set = &data.set;
    let led = |i: usize| names_unit(data, &set.tasks[i].lead, &u.key);
    let partner = |i: usize| {
        !led(i)
            && set.tasks[i]
                .partners
                .iter()
                .any(|p| names_unit(data, p, &u.key))
    };
    let targets = targets_led(data, u);
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
    // A tile says something: a zero is left out (the intro already says
    // "chủ trì 0 nhiệm vụ"), except "0 overdue" beside tasks the unit leads.
    let stats: Vec<Stat> = [
        (s.tasks_led > 0).then(|| stat(&w, s.tasks_led, &tr.get("col_tasks_led"))),
        (s.tasks_led > 0).then(|| stat(&w, s.tasks_overdue, &tr.get("overdue_tasks"))),
        (s.tasks_partner > 0).then(|| stat(&w, s.tasks_partner, &tr.get("tasks_partner"))),
        (s.targets_led > 0).then(|| stat(&w, s.targets_led, &tr.get("targets_led"))),
        (s.dti_max_points > 0.0).then(|| Stat {
            value: points(&w, s.dti_max_points),
            label: tr.get("col_dti_assigned"),
            note: String::new(),
            illustrative: false,
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
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
            .is_some_and(|l| names_unit(data, l, &u.key))
    });
    let intro = tr.fmt(
        "unit_intro",
        &[
            ("name", &u.name),
            ("led", &w.int(s.tasks_led)),
            ("overdue", &w.int(s.tasks_overdue)),
            ("partner", &w.int(s.tasks_partner)),
            ("targets", &w.int(s.targets_led)),
        ],
    );
    let crumbs = vec![(tr.get("nav_units"), link(site, UNITS))];
    let mut c = page_context(site, theme, &u.path, &u.name, &intro, crumbs);
    c.insert("facts", &facts);
    c.insert("stats", &stats);
    c.insert("charts", charts);
    c.insert("overdue", &overdue_rows_of(site, data, led));
    c.insert("groups", &groups);
    c.insert("partner_rows", &partner_rows);
    c.insert("targets", &target_rows);
    c.insert("indicators", &indicators);
    c
}

fn stat(w: &crate::charts::Words, x: usize, label: &str) -> Stat {
    Stat {
        value: w.int(x),
        label: label.into(),
        note: String::new(),
        illustrative: false,
    }
}
