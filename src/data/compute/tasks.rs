//! Task states from the reported status, the deadline and the build date.
//!
//! - completed (status "hoàn thành" or a completion date): **Hoàn thành**, or
//!   **Hoàn thành trễ hạn** when completed after the deadline date;
//! - otherwise, a deadline date before `today` (a deadline equal to today is
//!   not passed yet; "Thường xuyên" never passes): **Quá hạn** when a status
//!   was reported (chưa bắt đầu, đang thực hiện, tạm dừng — the unit says it
//!   is not done), **Hết hạn chưa báo cáo** when none was (nobody has said
//!   whether it is done; see docs/decisions/0022-unreported-and-unknown.md);
//! - otherwise the reported status, or **Chưa cập nhật** when none.

use jiff::civil::Date;
use serde::Serialize;

use crate::data::model::{DataSet, Task};
use crate::data::values::TaskStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskState {
    NotStarted,
    InProgress,
    Paused,
    Completed,
    CompletedLate,
    Overdue,
    NotReported,
    /// Deadline passed and no status reported.
    DueUnreported,
}

impl TaskState {
    pub fn label(self) -> &'static str {
        match self {
            TaskState::NotStarted => "Chưa bắt đầu",
            TaskState::InProgress => "Đang thực hiện",
            TaskState::Paused => "Tạm dừng",
            TaskState::Completed => "Hoàn thành",
            TaskState::CompletedLate => "Hoàn thành trễ hạn",
            TaskState::Overdue => "Quá hạn",
            TaskState::NotReported => "Chưa cập nhật",
            TaskState::DueUnreported => "Hết hạn chưa báo cáo",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskProgress {
    pub id: String,
    pub state: TaskState,
    /// Days past the deadline, for overdue and due-unreported tasks (≥ 1).
    pub days_overdue: Option<i32>,
    /// Days until the deadline for open tasks (0 = due today).
    pub days_left: Option<i32>,
}

fn days_between(from: Date, to: Date) -> i32 {
    (to - from).get_days()
}

/// State of one task on `today`.
pub fn task_state(t: &Task, today: Date) -> TaskProgress {
    if let Some(rule) = &t.recurrence {
        return recurring_state(t, rule, today);
    }
    let due = t.deadline.and_then(|d| d.date());
    let (state, overdue, left) = if t.status == Some(TaskStatus::Completed) || t.completed.is_some()
    {
        let late = matches!((t.completed, due), (Some(c), Some(d)) if c > d);
        (
            if late {
                TaskState::CompletedLate
            } else {
                TaskState::Completed
            },
            None,
            None,
        )
    } else if let Some(d) = due.filter(|d| *d < today) {
        let state = if t.status.is_some() {
            TaskState::Overdue
        } else {
            TaskState::DueUnreported
        };
        (state, Some(days_between(d, today)), None)
    } else {
        let state = match t.status {
            Some(TaskStatus::NotStarted) => TaskState::NotStarted,
            Some(TaskStatus::InProgress) => TaskState::InProgress,
            Some(TaskStatus::Paused) => TaskState::Paused,
            Some(TaskStatus::Completed) => TaskState::Completed,
            None => TaskState::NotReported,
        };
        (state, None, due.map(|d| days_between(today, d)))
    };
    TaskProgress {
        id: t.id.clone(),
        state,
        days_overdue: overdue,
        days_left: left,
    }
}

pub fn compute_tasks(data: &DataSet, today: Date) -> Vec<TaskProgress> {
    data.tasks.iter().map(|t| task_state(t, today)).collect()
}

/// State of a recurring task: while an occurrence is missed (days counted
/// from the oldest missed due day), **Quá hạn** if the task has a status or
/// a report, else **Hết hạn chưa báo cáo**; else completed when
/// marked so or when its deadline has passed with every occurrence
/// reported; else the reported status, with the days left to the next
/// occurrence. See [`super::occurrences`].
fn recurring_state(t: &Task, rule: &crate::data::values::Recurrence, today: Date) -> TaskProgress {
    let s = super::occurrences::schedule(t, rule, today);
    let (state, overdue, left) = if let Some(m) = s.missed().next() {
        // As for other tasks (decision 0022): Quá hạn when the unit keeps a
        // record (a status or any report), else nobody has said.
        let state = if t.status.is_some() || !t.reports.is_empty() {
            TaskState::Overdue
        } else {
            TaskState::DueUnreported
        };
        (state, m.days_overdue, None)
    } else if t.status == Some(TaskStatus::Completed)
        || t.completed.is_some()
        || t.deadline.and_then(|d| d.date()).is_some_and(|d| d < today)
    {
        (TaskState::Completed, None, None)
    } else {
        let state = match t.status {
            Some(TaskStatus::NotStarted) => TaskState::NotStarted,
            Some(TaskStatus::InProgress) => TaskState::InProgress,
            Some(TaskStatus::Paused) => TaskState::Paused,
            Some(TaskStatus::Completed) => TaskState::Completed,
            None => TaskState::NotReported,
        };
        let left = s.next.map(|n| days_between(today, n.occurrence.due));
        (state, None, left)
    };
    TaskProgress {
        id: t.id.clone(),
        state,
        days_overdue: overdue,
        days_left: left,
    }
}
