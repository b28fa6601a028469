//! The data block of a document page: the targets and tasks whose
//! "Văn bản" column names the document's number (compared without spaces
//! and case), with a progress chart, filled into `{% block document_data %}`
//! of `document.html`.

use serde::Serialize;

use crate::content::PageKind;
use crate::data::compute::TargetState;
use crate::render::data::task_views::{TaskGroupView, task_groups_of};
use crate::render::data::views::{ChartView, TargetRow, target_row, targets_chart};
use crate::render::engine::jobs::Job;
use crate::site::{Site, SiteData, normalize_number};
use crate::text::slugify;

#[derive(Debug, Clone, Serialize)]
struct DocumentData {
    summary: String,
    targets: Vec<TargetRow>,
    chart: Option<ChartView>,
    task_groups: Vec<TaskGroupView>,
    task_count: String,
}

fn same(a: Option<&str>, number: &str) -> bool {
    a.is_some_and(|a| normalize_number(a) == number)
}

/// Adds `document_data` to the context of every document page whose
/// number the data refers to.
pub(crate) fn document_data(site: &Site, data: &SiteData, jobs: &mut [Job]) {
    let w = data.chart_words();
    // Output file → its document (the first one, as paths may clash).
    let mut documents = std::collections::HashMap::new();
    for p in site.pages.iter().filter(|p| p.kind == PageKind::Document) {
        documents
            .entry(format!("{}index.html", p.path))
            .or_insert(p);
    }
    for job in jobs.iter_mut().filter(|j| j.template == "document.html") {
        let Some(page) = documents.get(&job.path) else {
            continue;
        };
        let Some(number) = page.fm.number.as_deref().map(normalize_number) else {
            continue;
        };
        let set = &data.set;
        let targets: Vec<usize> = (0..set.targets.len())
            .filter(|&i| same(set.targets[i].document.as_deref(), &number))
            .collect();
        let in_doc = |i: usize| same(set.tasks[i].document.as_deref(), &number);
        let tasks = (0..set.tasks.len()).filter(|&i| in_doc(i)).count();
        if targets.is_empty() && tasks == 0 {
            continue;
        }
        let met = targets
            .iter()
            .filter(|&&i| data.computed.targets[i].state == TargetState::Achieved)
            .count();
        let chart = (!targets.is_empty()).then(|| {
            targets_chart(
                data,
                &format!("van-ban-{}-chi-tieu", slugify(&number)),
                &w.fmt(
                    "chart_title_document_targets",
                    &[("number", page.fm.number.as_deref().unwrap_or_default())],
                ),
                &targets,
            )
        });
        let view = DocumentData {
            summary: w.fmt(
                "chart_document_summary",
                &[
                    ("targets", &w.int(targets.len() as i64)),
                    ("met", &w.int(met as i64)),
                    ("tasks", &w.int(tasks as i64)),
                    ("date", &crate::text::dates::short(site.today)),
                ],
            ),
            targets: targets.iter().map(|&i| target_row(site, data, i)).collect(),
            chart,
            task_groups: task_groups_of(site, data, in_doc),
            task_count: w.int(tasks as i64),
        };
        job.context.insert("document_data", &view);
    }
}
