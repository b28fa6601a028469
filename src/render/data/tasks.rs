//! The tasks page `nhiem-vu/`: charts by state and by unit, tasks grouped.

use crate::render::engine::vars::Context;

use super::task_views::tasks_chart;
use super::views::ChartView;
use super::{TASKS, page_context};
use crate::data::compute::TaskState;
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

/// The tasks page, planned lazily: its charts drawn now, its 5,000 rows
/// when it renders.
pub(crate) fn tasks_lazy(site: &Site, theme: &Theme, data: &SiteData) -> super::LazyPage {
    let mut charts = vec![tasks_chart(data)];
    charts.extend(super::task_views::tasks_by_unit_chart(data, 5));
    super::LazyPage {
        path: format!("{TASKS}index.html"),
        template: "tasks.html",
        title: Tr::new(theme, &site.config.language).get("tasks_title"),
        charts: charts
            .into_iter()
            .map(super::lazy_chart::LazyChart::drawn)
            .collect(),
        make: Box::new(|site, theme, data, _, charts| tasks_page(site, theme, data, charts)),
    }
}

/// The tasks page, showing `charts` (see [`tasks_lazy`]).
fn tasks_page(site: &Site, theme: &Theme, data: &SiteData, charts: &[&ChartView]) -> Context {
    let w = data.chart_words();
    let n = data.set.tasks.len();
    let overdue = data
        .computed
        .tasks
        .iter()
        .filter(|p| p.state == TaskState::Overdue)
        .count();
    let unreported = data
        .computed
        .tasks
        .iter()
        .filter(|p| p.state == TaskState::DueUnreported)
        .count();
    let tr = Tr::new(theme, &site.config.language);
    let mut intro = tr.fmt(
        "tasks_intro",
        &[("n", &w.int(n as i64)), ("overdue", &w.int(overdue as i64))],
    );
    if unreported > 0 {
        intro.push_str(&tr.fmt(
            "tasks_intro_unreported",
            &[("n", &w.int(unreported as i64))],
        ));
    }
    let title = tr.get("tasks_title");
    let mut c = page_context(site, theme, TASKS, &title, &intro, vec![]);
    c.insert("charts", charts);
    c.insert("groups", &super::task_views::task_groups(site, data));
    c
}
