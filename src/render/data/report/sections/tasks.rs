//! Section II of a periodic report, the tasks: what was completed (on
//! time or late), overdue, past its deadline unreported or still open in
//! the period, as a chart by state and a list per outcome.

use serde::Serialize;

use super::{Section, link};
use crate::charts;
use crate::config::Config;
use crate::data::compute::report::{ReportFigures, TaskLine, TaskOutcome};
use crate::render::data::views::mark_title;
use crate::render::data::wording::Worded;
use crate::site::SiteData;
use crate::site::identities::unit_href_path;
use crate::text::dates;

#[derive(Debug, Clone, Serialize)]
struct TaskItem {
    id: String,
    statement: String,
    lead: String,
    href: String,
    deadline: String,
    detail: String,
    illustrative: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct TaskGroup {
    title: String,
    items: Vec<TaskItem>,
}

fn task_item(data: &SiteData, config: &Config, l: &TaskLine) -> TaskItem {
    let w = data.chart_words();
    let t = &data.set.tasks[l.task];
    let detail = match l.outcome {
        TaskOutcome::Completed | TaskOutcome::CompletedLate => t
            .completed
            .map(|c| w.fmt("chart_rep_completed_on", &[("date", &dates::short(c))]))
            .unwrap_or_default(),
        TaskOutcome::Overdue => l
            .days_overdue
            .map(|d| w.fmt("chart_rep_overdue_days", &[("n", &w.int(d))]))
            .unwrap_or_default(),
        TaskOutcome::DueUnreported => l
            .days_overdue
            .map(|d| w.fmt("chart_rep_unreported_days", &[("n", &w.int(d))]))
            .unwrap_or_default(),
        TaskOutcome::Open => w.get("chart_rep_not_due").to_owned(),
        TaskOutcome::DoneUndated => w.get("chart_rep_done_undated").to_owned(),
    };
    TaskItem {
        id: t.id.clone(),
        statement: match &t.locality {
            Some(l) => format!("{} ({l})", t.statement),
            None => t.statement.clone(),
        },
        lead: t.lead.clone(),
        href: link(config, &unit_href_path(data, &t.lead)),
        deadline: t.deadline.map(|d| d.word(&w)).unwrap_or_default(),
        detail,
        illustrative: t.illustrative,
    }
}

/// The tasks section.
pub(super) fn tasks_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Section {
    let w = data.chart_words();
    let mut s = Section::new("nhiem-vu", w.get("chart_rep_tasks"));
    let count = |o| f.count(o);
    let as_of = dates::short(f.cutoff.last_day);
    // A finished period counts its whole last day; one not over yet is
    // judged on the build date (a task due today is not overdue yet).
    let until = w.fmt(
        if f.cutoff.complete {
            "chart_rep_until_end"
        } else {
            "chart_rep_until"
        },
        &[("date", &as_of)],
    );
    if f.tasks.is_empty() {
        s.lead.push(w.get("chart_rep_tasks_none").to_owned());
        return s;
    }
    // A clause for `outcome` when any task has it, else nothing.
    let clause = |outcome, key| {
        if count(outcome) > 0 {
            w.fmt(key, &[("n", &w.int(count(outcome)))])
        } else {
            String::new()
        }
    };
    s.lead.push(w.fmt(
        "chart_rep_tasks_lead",
        &[
            (
                "done",
                &w.int(count(TaskOutcome::Completed) + count(TaskOutcome::CompletedLate)),
            ),
            ("on_time", &w.int(count(TaskOutcome::Completed))),
            ("late", &w.int(count(TaskOutcome::CompletedLate))),
            ("until", &until),
            ("overdue", &w.int(count(TaskOutcome::Overdue))),
            (
                "unreported",
                &clause(TaskOutcome::DueUnreported, "chart_rep_tasks_unreported"),
            ),
            ("open", &clause(TaskOutcome::Open, "chart_rep_tasks_open")),
        ],
    ));
    if count(TaskOutcome::DoneUndated) > 0 {
        s.lead
            .push(clause(TaskOutcome::DoneUndated, "chart_rep_tasks_undated"));
    }
    for (outcome, key) in [
        (TaskOutcome::Completed, "chart_rep_group_done"),
        (TaskOutcome::CompletedLate, "chart_rep_group_late"),
        (TaskOutcome::Overdue, "chart_rep_group_overdue"),
        (TaskOutcome::DueUnreported, "chart_rep_group_unreported"),
        (TaskOutcome::Open, "chart_rep_group_open"),
        (TaskOutcome::DoneUndated, "chart_rep_group_undated"),
    ] {
        let items: Vec<TaskItem> = f
            .tasks
            .iter()
            .filter(|l| l.outcome == outcome)
            .map(|l| task_item(data, config, l))
            .collect();
        if !items.is_empty() {
            s.task_groups.push(TaskGroup {
                title: format!("{} ({})", w.get(key), w.int(items.len())),
                items,
            });
        }
    }
    let illustrative = f.tasks.iter().any(|l| data.set.tasks[l.task].illustrative);
    let counts = charts::TaskCounts {
        done: count(TaskOutcome::Completed) as u32,
        done_late: count(TaskOutcome::CompletedLate) as u32,
        overdue: count(TaskOutcome::Overdue) as u32,
        due_unreported: count(TaskOutcome::DueUnreported) as u32,
        in_progress: count(TaskOutcome::Open) as u32,
        ..charts::TaskCounts::default()
    };
    s.chart = Some(
        charts::task_states(&charts::TaskStates {
            words: w.clone(),
            id: format!("bao-cao-{}-nhiem-vu", f.period.slug()),
            title: mark_title(
                w.fmt(
                    "chart_rep_chart_tasks",
                    &[
                        ("until", &until),
                        (
                            "note",
                            if count(TaskOutcome::DoneUndated) > 0 {
                                w.get("chart_rep_chart_tasks_undated")
                            } else {
                                ""
                            },
                        ),
                    ],
                ),
                illustrative,
                &w,
            ),
            groups: vec![charts::TaskGroup {
                label: String::new(),
                counts,
            }],
        })
        .into(),
    );
    s
}
