//! The home page's dashboard: headline figures, the pillar and task charts,
//! overdue tasks and links to every data page.

use serde::Serialize;

use super::views::{self as dv, ChartView, Stat, pillar_chart, rate, tasks_chart};
use super::{NavLink, as_of, nav};
use crate::data::compute::{TargetState, TaskState};
use crate::render::engine::i18n::Tr;
use crate::site::{Site, SiteData};
use crate::text::numbers::{format_fixed, format_integer};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Dashboard {
    stats: Vec<Stat>,
    charts: Vec<ChartView>,
    overdue: Vec<dv::TaskRow>,
    links: Vec<NavLink>,
    intro: String,
}

pub(crate) fn dashboard(site: &Site, data: &SiteData, tr: Tr) -> Dashboard {
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
            label: tr.get("stat_targets_met"),
            note: tr.fmt(
                "stat_targets_no_data",
                &[(
                    "n",
                    &format_integer(
                        c.targets
                            .iter()
                            .filter(|p| p.state == TargetState::NoData)
                            .count() as i64,
                    ),
                )],
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
            label: tr.get("overdue_tasks"),
            note: tr.fmt(
                "stat_of_tasks",
                &[("n", &format_integer(c.tasks.len() as i64))],
            ),
        });
    }
    if !data.set.budget.is_empty() {
        stats.push(Stat {
            value: rate(c.budget.total.rate),
            label: tr.get("stat_disbursed"),
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
        overdue: dv::overdue_rows(site, data),
        links: nav(site, data, tr),
        intro: format!("{} {}", tr.get("dashboard_intro"), as_of(site, tr)),
    }
}
