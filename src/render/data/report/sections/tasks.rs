//! Section II of a periodic report, the tasks: what was completed (on
//! time or late), overdue, past its deadline unreported or still open in
//! the period, as a chart by state and a list per outcome.

use serde::Serialize;

use super::{Section, int, link, report_words};
use crate::charts;
use crate::config::Config;
use crate::data::compute::report::{ReportFigures, TaskLine, TaskOutcome};
use crate::render::data::views::mark_title;
use crate::render::data::wording::Worded;
use crate::site::SiteData;
use crate::site::identities::unit_href_path;
use crate::text::dates;
use crate::text::numbers::format_integer;

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
    let w = report_words();
    let t = &data.set.tasks[l.task];
    let detail = match l.outcome {
        TaskOutcome::Completed | TaskOutcome::CompletedLate => t
            .completed
            .map(|c| format!("hoàn thành ngày {}", dates::short(c)))
            .unwrap_or_default(),
        TaskOutcome::Overdue => l
            .days_overdue
            .map(|d| format!("quá hạn {} ngày", format_integer(i64::from(d))))
            .unwrap_or_default(),
        TaskOutcome::DueUnreported => l
            .days_overdue
            .map(|d| {
                format!(
                    "hết hạn {} ngày, chưa báo cáo",
                    format_integer(i64::from(d))
                )
            })
            .unwrap_or_default(),
        TaskOutcome::Open => "chưa đến hạn".to_owned(),
        TaskOutcome::DoneUndated => "báo cáo hoàn thành, không ghi ngày".to_owned(),
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
    let w = report_words();
    let mut s = Section::new("nhiem-vu", "Tình hình thực hiện nhiệm vụ");
    let count = |o| f.count(o);
    let as_of = dates::short(f.cutoff.last_day);
    // A finished period counts its whole last day; one not over yet is
    // judged on the build date (a task due today is not overdue yet).
    let until = if f.cutoff.complete {
        format!("hết ngày {as_of}")
    } else {
        format!("ngày {as_of}")
    };
    if f.tasks.is_empty() {
        s.lead.push(
            "Trong kỳ không có nhiệm vụ đến hạn, hoàn thành hay quá hạn (chưa có số liệu).".into(),
        );
        return s;
    }
    s.lead.push(format!(
        "Trong kỳ hoàn thành {} nhiệm vụ ({} đúng hạn, {} trễ hạn); tính đến {until}, {} nhiệm vụ quá hạn{}{}.",
        int(count(TaskOutcome::Completed) + count(TaskOutcome::CompletedLate)),
        int(count(TaskOutcome::Completed)),
        int(count(TaskOutcome::CompletedLate)),
        int(count(TaskOutcome::Overdue)),
        if count(TaskOutcome::DueUnreported) > 0 {
            format!(
                ", {} nhiệm vụ hết hạn chưa báo cáo (không rõ đã xong hay chưa)",
                int(count(TaskOutcome::DueUnreported))
            )
        } else {
            String::new()
        },
        if count(TaskOutcome::Open) > 0 {
            format!(
                "; {} nhiệm vụ đến hạn trong kỳ chưa đến hạn",
                int(count(TaskOutcome::Open))
            )
        } else {
            String::new()
        },
    ));
    if count(TaskOutcome::DoneUndated) > 0 {
        s.lead.push(format!(
            "{} nhiệm vụ đến hạn trong kỳ được báo cáo hoàn thành nhưng không ghi ngày hoàn thành, nên không xác định được hoàn thành đúng hạn hay trễ hạn.",
            int(count(TaskOutcome::DoneUndated))
        ));
    }
    for (outcome, title) in [
        (TaskOutcome::Completed, "Nhiệm vụ hoàn thành đúng hạn"),
        (TaskOutcome::CompletedLate, "Nhiệm vụ hoàn thành trễ hạn"),
        (TaskOutcome::Overdue, "Nhiệm vụ quá hạn"),
        (TaskOutcome::DueUnreported, "Nhiệm vụ hết hạn chưa báo cáo"),
        (TaskOutcome::Open, "Nhiệm vụ đến hạn trong kỳ, chưa đến hạn"),
        (
            TaskOutcome::DoneUndated,
            "Nhiệm vụ báo cáo hoàn thành, không ghi ngày",
        ),
    ] {
        let items: Vec<TaskItem> = f
            .tasks
            .iter()
            .filter(|l| l.outcome == outcome)
            .map(|l| task_item(data, config, l))
            .collect();
        if !items.is_empty() {
            s.task_groups.push(TaskGroup {
                title: format!("{title} ({})", int(items.len())),
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
            words: report_words(),
            id: format!("bao-cao-{}-nhiem-vu", f.period.slug()),
            title: mark_title(
                format!(
                    "Nhiệm vụ trong kỳ theo tình trạng, tính đến {until}{}",
                    if count(TaskOutcome::DoneUndated) > 0 {
                        " (không kể nhiệm vụ không ghi ngày hoàn thành)"
                    } else {
                        ""
                    }
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
