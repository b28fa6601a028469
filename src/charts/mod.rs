//! Server-side, accessible SVG charts for the "Chuyển đổi số" pages.
//!
//! Every chart function takes a plain input struct (labels as `String`, values
//! as `f64`, units already decided by the caller) and returns a [`Chart`]: an
//! inline `<svg>` that scales with its container (`class="chart"`, a
//! `viewBox` and no fixed size), with `role="img"`, a `<title>` and a `<desc>`
//! that states the key figure, plus an accessible `<table>` with the same
//! numbers for the caller to show beside it (usually inside `<details>`).
//!
//! The SVG is written by hand (see `docs/decisions/0004-charts.md`): numbers
//! are written as the chart's `Words` say (Vietnamese "95,5 %" by default,
//! English "95.5%" with `chart_numbers = "en"`), data strings are escaped, output is
//! deterministic, colours come from the Okabe–Ito palette and every state is
//! also carried by a pattern and by words, never by colour alone.
//!
//! Values that are NaN or infinite are treated as missing ("chưa có số liệu"),
//! never as zero.

mod budget_bars;
mod commune_comparison;
mod criteria_states;
mod dti_scores;
mod geometry;
mod history_line;
mod labels;
mod palette;
mod pillar_summary;
mod scale;
mod state_bars;
mod state_counts;
mod svg;
mod table;
mod target_progress;
mod task_states;
mod words;

#[cfg(test)]
mod test_support;

pub use budget_bars::{BudgetBars, BudgetRow, MoneyUnit, budget_bars};
pub use commune_comparison::{CommuneComparison, CommuneValue, commune_comparison};
pub use criteria_states::{CriteriaGroup, CriteriaStates, LightCounts, criteria_states};
pub use dti_scores::{DtiRow, DtiScale, DtiScores, dti_scores};
pub use history_line::{HistoryLine, HistoryPoint, history_line};
pub use pillar_summary::{PillarCounts, PillarSummary, pillar_summary};
pub use target_progress::{
    Comparison, TargetItem, TargetProgress, TargetState, evaluate, target_progress,
};
pub use task_states::{TaskCounts, TaskGroup, TaskStates, task_states};
pub use words::Words;

/// One rendered chart, ready to be placed in a page.
///
/// `title` and `desc` are plain text (not escaped); `svg` and `table_html`
/// are HTML fragments whose data strings are already escaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The id prefix used for every `id` inside the SVG (unique per page
    /// when the caller's ids are).
    pub id: String,
    /// Short Vietnamese title (also the SVG `<title>` and the table caption).
    pub title: String,
    /// One-sentence key message (also the SVG `<desc>`), e.g.
    /// "Đạt 3/5 chỉ tiêu; cao nhất: Tỷ lệ hộ có cáp quang 99,8 %".
    pub desc: String,
    /// A complete inline `<svg class="chart" …>` element.
    pub svg: String,
    /// An accessible `<table class="chart-table">` with the same numbers.
    pub table_html: String,
}

impl Chart {
    /// A chart with no value to draw: the shared "Chưa có số liệu" picture,
    /// with the chart's own description and (empty-valued) table.
    pub(crate) fn empty(
        id: String,
        title: &str,
        desc: String,
        table_html: String,
        no_data: &str,
    ) -> Chart {
        let svg = svg::empty_svg(&id, title, no_data);
        Chart {
            id,
            title: title.to_owned(),
            desc,
            svg,
            table_html,
        }
    }
}

/// Suggested CSS for the theme: the SVG fills its container's width up to a
/// readable maximum and keeps its aspect ratio; the table numbers line up.
pub const CHART_CSS: &str = "\
.chart{display:block;width:100%;max-width:20rem;height:auto}\n\
.chart-table{border-collapse:collapse}\n\
.chart-table th,.chart-table td{padding:.25rem .5rem;border-bottom:1px solid #ccc;text-align:left}\n\
.chart-table .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n";

/// Turns the caller's id into a safe id prefix: `"Kết quả 2025"` →
/// `"ket-qua-2025"`; an empty or symbol-only id becomes `"bieu-do"`.
pub(crate) fn chart_id(raw: &str) -> String {
    let slug = crate::text::slugify(raw);
    if slug.is_empty() {
        "bieu-do".to_owned()
    } else if slug.starts_with(|c: char| c.is_ascii_digit()) {
        // Ids that start with a digit are awkward in CSS selectors.
        format!("bieu-do-{slug}")
    } else {
        slug
    }
}

/// A finite value, or `None` for missing, NaN and infinite inputs.
pub(crate) fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}
