//! Tasks (nhiệm vụ) by state: for one group, a horizontal bar per state with
//! its count and share; for several groups (e.g. per lead unit), one stacked
//! bar per group with a legend and the counts written under each bar. Each
//! state has its own colour and pattern.

use super::Chart;
use super::palette::{BLUE, GREEN, GREY, ORANGE, ORANGE_DARK, PURPLE, Paint, Pattern, VERMILLION};
use super::state_bars::State;
use super::state_counts::{self, StateCounts, int, share};
use super::words::Words;
use std::sync::Arc;

/// Task counts by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskCounts {
    /// "Chưa bắt đầu".
    pub not_started: u32,
    /// "Đang thực hiện".
    pub in_progress: u32,
    /// "Hoàn thành".
    pub done: u32,
    /// "Hoàn thành trễ hạn".
    pub done_late: u32,
    /// "Quá hạn".
    pub overdue: u32,
    /// "Tạm dừng".
    pub paused: u32,
    /// "Chưa cập nhật": no status reported and the deadline not passed.
    pub not_reported: u32,
    /// "Hết hạn chưa báo cáo": no status reported and the deadline passed.
    pub due_unreported: u32,
}

impl StateCounts for TaskCounts {
    fn states<'a>(&self, w: &'a Words) -> Vec<State<'a>> {
        vec![
            (self.done, Paint::solid(GREEN), w.get("chart_task_done")),
            (
                self.done_late,
                Paint::patterned(ORANGE, Pattern::Dots).with_outline(ORANGE_DARK),
                w.get("chart_task_done_late"),
            ),
            (
                self.in_progress,
                Paint::solid(BLUE),
                w.get("chart_task_in_progress"),
            ),
            (
                self.not_started,
                Paint::patterned(GREY, Pattern::Horizontal),
                w.get("chart_task_not_started"),
            ),
            (
                self.overdue,
                Paint::patterned(VERMILLION, Pattern::Cross),
                w.get("chart_task_overdue"),
            ),
            (
                self.due_unreported,
                Paint::patterned(ORANGE, Pattern::Horizontal).with_outline(ORANGE_DARK),
                w.get("chart_task_due_unreported"),
            ),
            (
                self.paused,
                Paint::patterned(PURPLE, Pattern::Diagonal),
                w.get("chart_task_paused"),
            ),
            (
                self.not_reported,
                Paint::patterned(GREY, Pattern::Dots),
                w.get("chart_task_not_reported"),
            ),
        ]
    }
}

/// The tasks of one group (a lead unit, a pillar…).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskGroup {
    /// The group's name; may be empty when there is only one group.
    pub label: String,
    /// Its counts.
    pub counts: TaskCounts,
}

/// Input of [`task_states`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskStates {
    /// Id prefix, unique on the page (slugified).
    pub id: String,
    /// Short Vietnamese title.
    pub title: String,
    /// The wording (state names, description, table headers).
    pub words: Arc<Words>,
    /// One group for a simple bar chart; several for stacked bars per group.
    pub groups: Vec<TaskGroup>,
}

/// Task counts by state, optionally per group: one bar per state (name on
/// the left, count and share on the right), or one stacked bar per group
/// with a legend on top.
pub fn task_states(input: &TaskStates) -> Chart {
    let groups: Vec<(&str, TaskCounts)> = input
        .groups
        .iter()
        .map(|g| (g.label.as_str(), g.counts))
        .collect();
    let w = &*input.words;
    state_counts::chart(
        w,
        &input.id,
        &input.title,
        describe(input),
        w.get("chart_col_tasks"),
        &groups,
        |count, total| format!("{} ({})", int(w, count.into()), share(w, count, total)),
        |counts| {
            let mut parts: Vec<String> = counts
                .states(w)
                .iter()
                .filter(|s| s.0 > 0)
                .map(|(count, _, label)| format!("{label}: {}", int(w, (*count).into())))
                .collect();
            if parts.is_empty() {
                parts.push(w.get("chart_no_tasks").to_owned());
            } else {
                parts.push(w.fmt("chart_total", &[("n", &int(w, counts.total()))]));
            }
            parts
        },
    )
}

fn describe(input: &TaskStates) -> String {
    let w = &*input.words;
    let mut sum = TaskCounts::default();
    for g in &input.groups {
        let c = g.counts;
        sum.not_started += c.not_started;
        sum.in_progress += c.in_progress;
        sum.done += c.done;
        sum.done_late += c.done_late;
        sum.overdue += c.overdue;
        sum.paused += c.paused;
        sum.not_reported += c.not_reported;
        sum.due_unreported += c.due_unreported;
    }
    let total = sum.total();
    if total == 0 {
        return format!("{}.", w.get("chart_no_data"));
    }
    let parts: Vec<String> = sum
        .states(w)
        .iter()
        .filter(|s| s.0 > 0)
        .map(|s| format!("{} {}", s.2.to_lowercase(), int(w, s.0.into())))
        .collect();
    let mut desc = w.fmt(
        "chart_desc_tasks",
        &[("n", &int(w, total)), ("parts", &parts.join(", "))],
    );
    if input.groups.len() > 1 {
        let worst = input
            .groups
            .iter()
            .fold(None::<&TaskGroup>, |w, g| match w {
                Some(w) if w.counts.overdue >= g.counts.overdue => Some(w),
                _ => Some(g),
            });
        if let Some(worst) = worst.filter(|w| w.counts.overdue > 0) {
            let (name, count) = (&worst.label, worst.counts.overdue);
            desc.push_str("; ");
            desc.push_str(&w.fmt(
                "chart_desc_most_overdue",
                &[("name", name), ("n", &count.to_string())],
            ));
        }
    }
    desc.push('.');
    desc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{
        check_chart, check_deterministic, check_escaped, check_labels_clear, check_small, hostile,
        view_height,
    };

    fn counts(done: u32, in_progress: u32, overdue: u32) -> TaskCounts {
        TaskCounts {
            done,
            in_progress,
            overdue,
            not_started: 1,
            done_late: 2,
            paused: 0,
            not_reported: 0,
            due_unreported: 0,
        }
    }

    #[test]
    fn not_reported_is_its_own_state() {
        let chart = task_states(&TaskStates {
            words: Default::default(),
            id: "nv".into(),
            title: "Nhiệm vụ".into(),
            groups: vec![TaskGroup {
                label: String::new(),
                counts: TaskCounts {
                    not_reported: 3,
                    done: 1,
                    ..TaskCounts::default()
                },
            }],
        });
        check_chart(&chart, "nv");
        assert!(chart.svg.contains("Chưa cập nhật"));
        assert!(chart.desc.contains("chưa cập nhật 3"), "{}", chart.desc);
        assert!(chart.table_html.contains("Chưa cập nhật"));
    }

    #[test]
    fn due_unreported_is_not_overdue() {
        let chart = task_states(&TaskStates {
            words: Default::default(),
            id: "nv".into(),
            title: "Nhiệm vụ".into(),
            groups: vec![TaskGroup {
                label: String::new(),
                counts: TaskCounts {
                    due_unreported: 14,
                    ..TaskCounts::default()
                },
            }],
        });
        check_chart(&chart, "nv");
        assert!(chart.svg.contains("Hết hạn chưa báo cáo"));
        assert!(
            chart.desc.contains("hết hạn chưa báo cáo 14"),
            "{}",
            chart.desc
        );
        assert!(!chart.desc.contains("quá hạn"), "{}", chart.desc);
    }

    fn grouped() -> TaskStates {
        TaskStates {
            words: Default::default(),
            id: "nhiem-vu".into(),
            title: "Nhiệm vụ theo đơn vị chủ trì".into(),
            groups: vec![
                TaskGroup {
                    label: "Văn phòng HĐND và UBND".into(),
                    counts: counts(4, 2, 1),
                },
                TaskGroup {
                    label: "Phòng Văn hóa - Xã hội".into(),
                    counts: counts(3, 1, 3),
                },
            ],
        }
    }

    #[test]
    fn single_group_shows_counts_and_shares() {
        let input = TaskStates {
            groups: vec![grouped().groups[0].clone()],
            ..grouped()
        };
        let chart = task_states(&input);
        check_chart(&chart, "nhiem-vu");
        assert!(chart.svg.contains("4 (40\u{a0}%)"), "{}", chart.svg);
        assert!(chart.svg.contains("Hoàn thành trễ hạn"));
        assert_eq!(
            chart.desc,
            "Tổng 10 nhiệm vụ: hoàn thành 4, hoàn thành trễ hạn 2, đang thực hiện 2, \
             chưa bắt đầu 1, quá hạn 1."
        );
        assert!(
            chart
                .table_html
                .contains("<td class=\"num\">40\u{a0}%</td>")
        );
    }

    #[test]
    fn groups_are_stacked_with_a_legend() {
        let chart = task_states(&grouped());
        check_chart(&chart, "nhiem-vu");
        check_small(&chart);
        assert!(chart.svg.contains("Quá hạn: 3"));
        assert!(chart.svg.contains("Tạm dừng"));
        assert!(
            chart
                .desc
                .ends_with("quá hạn nhiều nhất: Phòng Văn hóa - Xã hội (3).")
        );
        check_deterministic(|| task_states(&grouped()));
        // No label on a line or on another label.
        check_labels_clear(&task_states(&grouped()));
    }

    #[test]
    fn hostile_and_edge_cases() {
        let mut input = grouped();
        input.groups[1].label = hostile();
        let chart = task_states(&input);
        check_chart(&chart, "nhiem-vu");
        check_escaped(&chart);

        let empty = TaskStates {
            words: Default::default(),
            id: "e".into(),
            title: "T".into(),
            groups: vec![],
        };
        let chart = task_states(&empty);
        check_chart(&chart, "e");
        assert!(chart.svg.contains("Chưa có số liệu"));
        assert!(chart.table_html.contains("Chưa có số liệu"));

        let zero = TaskStates {
            groups: vec![TaskGroup::default()],
            ..empty.clone()
        };
        check_chart(&task_states(&zero), "e");

        let many = TaskStates {
            groups: (0..50)
                .map(|i| TaskGroup {
                    label: format!("Đơn vị {i}"),
                    counts: counts(i, 1, i % 3),
                })
                .collect(),
            ..empty
        };
        let chart = task_states(&many);
        check_chart(&chart, "e");
        assert!(view_height(&chart.svg) > 2000.0);
    }
}
