//! The home page's dashboard: headline figures, the pillar and task charts,
//! overdue tasks and links to every data page.

use serde::Serialize;

use super::task_views::tasks_chart;
use super::views::{self as dv, ChartView, Stat, pillar_chart};
use super::{NavLink, as_of, nav};
use crate::data::compute::{TargetState, TaskState};
use crate::render::engine::i18n::Tr;
use crate::site::{Site, SiteData};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Dashboard {
    stats: Vec<Stat>,
    charts: Vec<ChartView>,
    overdue: Vec<super::task_views::TaskRow>,
    links: Vec<NavLink>,
    intro: String,
}

impl Dashboard {
    /// The charts shown, for their embed snippets.
    pub(crate) fn charts_mut(&mut self) -> &mut [ChartView] {
        &mut self.charts
    }
}

pub(crate) fn dashboard(site: &Site, data: &SiteData, tr: Tr) -> Dashboard {
    let w = data.chart_words();
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
                w.int(count(TargetState::Achieved) as i64),
                w.int(own_targets.len() as i64)
            ),
            label: tr.get("stat_targets_met"),
            note: tr.fmt(
                "stat_targets_no_data",
                &[("n", &w.int(count(TargetState::NoData) as i64))],
            ),
            illustrative: own_targets.iter().any(|&i| c.targets[i].illustrative),
        });
    }
    if !own_tasks.is_empty() {
        let overdue = own_tasks
            .iter()
            .filter(|&&i| c.tasks[i].state == TaskState::Overdue)
            .count();
        let unreported = own_tasks
            .iter()
            .filter(|&&i| c.tasks[i].state == TaskState::DueUnreported)
            .count();
        let mut note = tr.fmt("stat_of_tasks", &[("n", &w.int(own_tasks.len() as i64))]);
        if unreported > 0 {
            note.push_str(&tr.fmt("stat_tasks_unreported", &[("n", &w.int(unreported as i64))]));
        }
        stats.push(Stat {
            value: w.int(overdue as i64),
            label: tr.get("overdue_tasks"),
            note,
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
            value: dv::disbursed_rate(totals, &w),
            label: tr.fmt("stat_disbursed_year", &[("year", &year.to_string())]),
            note: dv::disbursed_note(totals, &w),
            illustrative: set
                .budget
                .iter()
                .any(|l| l.locality.is_none() && l.year == *year && l.illustrative),
        });
    }
    if let Some(y) = c.dti.last() {
        stats.push(Stat {
            value: y.total.index.map_or("–".into(), |i| w.fixed(i, 4)),
            label: tr.fmt("stat_dti", &[("year", &y.year.to_string())]),
            note: format!(
                "{}{}",
                tr.fmt(
                    "points_of",
                    &[
                        ("points", &w.dec(y.total.points, 2)),
                        ("max", &w.dec(y.total.max, 2)),
                    ]
                ),
                if y.official {
                    String::new()
                } else {
                    format!(" {}", tr.get("self_assessed"))
                }
            ),
            illustrative: !super::dti::dti_year_mark(data, y.year).is_empty(),
        });
    }
    if let Some(own) = crate::data::compute::criteria::checklists(set, &c.criteria)
        .into_iter()
        .find(|u| u.locality.is_none())
    {
        stats.push(Stat {
            value: format!(
                "{}/{}",
                w.int(i64::from(own.counts.green)),
                w.int(i64::from(own.counts.total()))
            ),
            label: tr.get("stat_criteria_green"),
            note: tr.fmt(
                "stat_criteria_others",
                &[
                    ("yellow", &w.int(i64::from(own.counts.yellow))),
                    ("red", &w.int(i64::from(own.counts.red))),
                ],
            ),
            illustrative: own.counts.illustrative > 0,
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
        overdue: super::task_views::overdue_rows_of(site, data, |i| {
            data.set.tasks[i].locality.is_none()
        }),
        links: nav(site, data, tr),
        intro: format!(
            "{} {}{}{}",
            tr.get("dashboard_intro"),
            as_of(site, tr),
            own_unit_note(site, data, tr),
            dv::illustrative_note(stats_illustrative, &w)
        ),
    }
}

/// On a site holding several localities' data: whose figures the dashboard
/// shows ("" on a one-unit site).
fn own_unit_note(site: &Site, data: &SiteData, tr: Tr) -> String {
    let w = data.chart_words();
    let n = data.computed.localities.len();
    if n == 0 {
        return String::new();
    }
    tr.fmt(
        "dashboard_whose",
        &[
            ("unit", &super::own_unit(site, tr)),
            ("n", &w.int(n as i64)),
        ],
    )
}
