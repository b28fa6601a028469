//! Tasks as the data pages show them: a task's table row (state badge,
//! deadline, overdue days, recurring occurrences), the groups of the tasks
//! page by state, the overdue rows, and the charts of tasks by state and by
//! lead unit. Split from `views.rs` (targets, money and shared view structs).

use serde::Serialize;

use super::views::{Badge, ChartView, UnitLink, mark_title, money, own_title, unit_link};
use super::wording::Worded;
use crate::charts;
use crate::data::compute::TaskState;
use crate::data::model::Task;
use crate::site::{Site, SiteData};
use crate::text::{dates, slugify, vi_cmp};

/// A task as a table row.
#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub id: String,
    /// The row's anchor on the tasks page (`nv-<slug-of-id>`), see [`task_anchor`].
    pub anchor: String,
    pub statement: String,
    pub lead: String,
    /// The lead unit's page ("" when none).
    pub lead_href: String,
    /// Coordinating units; `href` is empty for a name with no unit page.
    pub partners: Vec<UnitLink>,
    pub deadline: String,
    pub budget: String,
    pub state: Badge,
    /// "12 ngày" for overdue tasks, else empty.
    pub overdue: String,
    pub completed: String,
    /// Whose task ("" = the site's own unit).
    pub locality: String,
    pub illustrative: bool,
    /// A recurring task: its rule, next occurrence and missed ones, one
    /// line each (empty for other tasks).
    pub occurrences: Vec<String>,
}

/// The id of a task's row on the tasks page: `nv-<slug-of-id>`.
pub fn task_anchor(id: &str) -> String {
    format!("nv-{}", slugify(id))
}

pub fn task_badge(s: TaskState) -> Badge {
    let class = match s {
        TaskState::NotStarted => "chua-bat-dau",
        TaskState::InProgress => "dang-thuc-hien",
        TaskState::Paused => "tam-dung",
        TaskState::Completed => "hoan-thanh",
        TaskState::CompletedLate => "hoan-thanh-tre",
        TaskState::Overdue => "qua-han",
        TaskState::NotReported => "chua-cap-nhat",
        TaskState::DueUnreported => "chua-bao-cao",
    };
    Badge {
        label: s.label().to_owned(),
        class: format!("badge badge-{class}"),
        key: format!("state_{}", class.replace('-', "_")),
    }
}

/// Counts tasks by state.
pub fn task_counts<'a>(states: impl Iterator<Item = &'a TaskState>) -> charts::TaskCounts {
    let mut c = charts::TaskCounts::default();
    for s in states {
        match s {
            TaskState::NotStarted => c.not_started += 1,
            TaskState::NotReported => c.not_reported += 1,
            TaskState::InProgress => c.in_progress += 1,
            TaskState::Paused => c.paused += 1,
            TaskState::Completed => c.done += 1,
            TaskState::CompletedLate => c.done_late += 1,
            TaskState::Overdue => c.overdue += 1,
            TaskState::DueUnreported => c.due_unreported += 1,
        }
    }
    c
}

/// The id of [`tasks_chart`].
pub const TASKS_CHART: &str = "nhiem-vu";

/// The title of [`tasks_chart`].
pub fn tasks_chart_title(data: &SiteData) -> String {
    mark_title(
        own_title(data, "chart_title_tasks"),
        data.set
            .tasks
            .iter()
            .any(|t| t.locality.is_none() && t.illustrative),
        &data.chart_words(),
    )
}

/// The site's own tasks by state.
pub fn tasks_chart(data: &SiteData) -> ChartView {
    charts::task_states(&charts::TaskStates {
        words: data.chart_words(),
        id: TASKS_CHART.into(),
        title: tasks_chart_title(data),
        groups: vec![charts::TaskGroup {
            label: String::new(),
            counts: task_counts(
                data.set
                    .tasks
                    .iter()
                    .zip(&data.computed.tasks)
                    .filter(|(t, _)| t.locality.is_none())
                    .map(|(_, p)| &p.state),
            ),
        }],
    })
    .into()
}

/// Task states per lead unit, for the `top` units with the most tasks.
pub fn tasks_by_unit_chart(data: &SiteData, top: usize) -> Option<ChartView> {
    tasks_by_unit_input(data, top).map(|input| charts::task_states(&input).into())
}

/// The input of [`tasks_by_unit_chart`] (`None` with fewer than two lead
/// units): its groups counted, nothing drawn.
pub fn tasks_by_unit_input(data: &SiteData, top: usize) -> Option<charts::TaskStates> {
    let w = data.chart_words();
    // Lead units in order of first appearance, found through a map (a
    // province has 5,000 tasks and 100 units).
    let mut units: Vec<(String, Vec<TaskState>)> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (t, p) in data.set.tasks.iter().zip(&data.computed.tasks) {
        match at.get(t.lead.as_str()) {
            Some(&k) => units[k].1.push(p.state),
            None => {
                at.insert(&t.lead, units.len());
                units.push((t.lead.clone(), vec![p.state]));
            }
        }
    }
    if units.len() < 2 {
        return None;
    }
    units.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| vi_cmp(&a.0, &b.0)));
    // The `top` units with most tasks, and every unit with an overdue task
    // (never hidden by the cut).
    let shown = units.len();
    let mut rank = 0;
    units.retain(|(_, states)| {
        rank += 1;
        rank <= top
            || states.contains(&TaskState::Overdue)
            || states.contains(&TaskState::DueUnreported)
    });
    let title = if units.len() > top {
        w.fmt(
            "chart_title_leads_top_and_late",
            &[("top", &top.to_string())],
        )
    } else if shown > top {
        w.fmt("chart_title_leads_top", &[("top", &top.to_string())])
    } else {
        w.get("chart_title_leads").to_owned()
    };
    let groups = units
        .into_iter()
        .map(|(label, states)| charts::TaskGroup {
            label,
            counts: task_counts(states.iter()),
        })
        .collect();
    Some(charts::TaskStates {
        words: data.chart_words(),
        id: "nhiem-vu-don-vi".into(),
        title: mark_title(title, data.set.tasks.iter().any(|t| t.illustrative), &w),
        groups,
    })
}

/// Task `i` as a table row.
pub fn task_row(site: &Site, data: &SiteData, i: usize) -> TaskRow {
    let w = data.chart_words();
    let t: &Task = &data.set.tasks[i];
    let p = &data.computed.tasks[i];
    let (state, days_overdue) = (p.state, p.days_overdue);
    TaskRow {
        id: t.id.clone(),
        anchor: task_anchor(&t.id),
        statement: t.statement.clone(),
        lead: t.lead.clone(),
        lead_href: unit_link(site, data, &t.lead),
        partners: t
            .partners
            .iter()
            .map(|name| UnitLink {
                name: name.clone(),
                href: unit_link(site, data, name),
            })
            .collect(),
        deadline: t.deadline.map(|d| d.word(&w)).unwrap_or_default(),
        budget: t.budget.map(|b| money(b, &w)).unwrap_or_default(),
        state: task_badge(state),
        overdue: days_overdue
            .map(|d| w.fmt("chart_days", &[("n", &w.int(i64::from(d)))]))
            .unwrap_or_default(),
        completed: t.completed.map(dates::short).unwrap_or_default(),
        locality: t.locality.clone().unwrap_or_default(),
        illustrative: t.illustrative,
        occurrences: occurrence_lines(t, site.today, &data.chart_words()),
    }
}

/// A recurring task's rule, next occurrence and missed occurrences:
/// "Lặp lại: trước ngày 15 của tháng cuối quý", "Kỳ tới: Quý IV/2026 (hạn
/// 14/12/2026)", "Chưa báo cáo: Quý III/2026 (hạn 14/09/2026, quá 72 ngày)".
pub fn occurrence_lines(t: &Task, today: jiff::civil::Date, w: &charts::Words) -> Vec<String> {
    use super::wording::occurrence_period;
    let Some(rule) = &t.recurrence else {
        return Vec::new();
    };
    let s = crate::data::compute::occurrences::schedule(t, rule, today);
    let mut out = vec![w.fmt("chart_recurs", &[("rule", &rule.text)])];
    if let Some(n) = s.next {
        out.push(w.fmt(
            "chart_next_occurrence",
            &[
                ("period", &occurrence_period(&n.occurrence, w)),
                ("due", &dates::short(n.occurrence.due)),
            ],
        ));
    }
    let missed: Vec<String> = s
        .missed()
        .map(|m| {
            w.fmt(
                "chart_missed_occurrence",
                &[
                    ("period", &occurrence_period(&m.occurrence, w)),
                    ("due", &dates::short(m.occurrence.due)),
                    ("days", &w.int(i64::from(m.days_overdue.unwrap_or(0)))),
                ],
            )
        })
        .collect();
    if !missed.is_empty() {
        out.push(w.fmt("chart_missed", &[("list", &missed.join("; "))]));
    }
    out
}

/// Overdue tasks among those `keep` accepts, most days overdue first.
pub fn overdue_rows_of(site: &Site, data: &SiteData, keep: impl Fn(usize) -> bool) -> Vec<TaskRow> {
    let mut idx: Vec<usize> = (0..data.set.tasks.len())
        .filter(|&i| data.computed.tasks[i].state == TaskState::Overdue && keep(i))
        .collect();
    idx.sort_by_key(|&i| std::cmp::Reverse(data.computed.tasks[i].days_overdue.unwrap_or(0)));
    idx.into_iter().map(|i| task_row(site, data, i)).collect()
}

/// A group of tasks in one state.
#[derive(Debug, Clone, Serialize)]
pub struct TaskGroupView {
    pub id: String,
    pub title: String,
    /// The UI string key of the state (`state_qua_han`): English sites say "Overdue".
    pub key: String,
    pub count: String,
    pub rows: Vec<TaskRow>,
}

/// Tasks grouped by state, "Quá hạn" first.
pub fn task_groups(site: &Site, data: &SiteData) -> Vec<TaskGroupView> {
    task_groups_of(site, data, |_| true)
}

/// Tasks `keep` accepts, grouped by state, "Quá hạn" first.
pub fn task_groups_of(
    site: &Site,
    data: &SiteData,
    keep: impl Fn(usize) -> bool + Copy,
) -> Vec<TaskGroupView> {
    let w = data.chart_words();
    const ORDER: [TaskState; 8] = [
        TaskState::Overdue,
        TaskState::DueUnreported,
        TaskState::InProgress,
        TaskState::NotStarted,
        TaskState::Paused,
        TaskState::NotReported,
        TaskState::CompletedLate,
        TaskState::Completed,
    ];
    ORDER
        .iter()
        .filter_map(|&state| {
            let rows: Vec<TaskRow> = if state == TaskState::Overdue {
                overdue_rows_of(site, data, keep)
            } else {
                (0..data.set.tasks.len())
                    .filter(|&i| data.computed.tasks[i].state == state && keep(i))
                    .map(|i| task_row(site, data, i))
                    .collect()
            };
            (!rows.is_empty()).then(|| TaskGroupView {
                id: slugify(state.label()),
                title: state.word(&w),
                key: task_badge(state).key,
                count: w.int(rows.len() as i64),
                rows,
            })
        })
        .collect()
}
