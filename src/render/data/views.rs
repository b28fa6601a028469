//! View structs for the data pages (dashboard, targets): numbers, money,
//! goals and states formatted in the page's words, target charts built from
//! the computed data. Tasks are in `task_views.rs`. Templates only place
//! what is here.

use crate::render::data::wording::Worded;
use serde::Serialize;

use crate::charts::{self, Chart};
use crate::data::compute::{TargetProgress, TargetState};
use crate::data::model::{Measurement, Quantity, Target};
use crate::data::values::Comparison;
use crate::render::engine::views::link;
use crate::site::{Site, SiteData};
use crate::text::slugify;

/// A chart ready for `<figure class="chart-figure">`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChartView {
    pub id: String,
    pub title: String,
    pub desc: String,
    /// Escaped SVG markup.
    pub svg: String,
    /// Escaped table markup.
    pub table_html: String,
    /// The embed snippet (HTML), filled in when the page is rendered.
    pub embed: String,
}

impl From<Chart> for ChartView {
    fn from(c: Chart) -> Self {
        ChartView {
            id: c.id,
            title: c.title,
            desc: c.desc,
            svg: c.svg,
            table_html: c.table_html,
            embed: String::new(),
        }
    }
}

/// A headline figure.
#[derive(Debug, Clone, Serialize)]
pub struct Stat {
    pub value: String,
    pub label: String,
    pub note: String,
    /// Computed from at least one illustrative row: shown "minh họa".
    pub illustrative: bool,
}

/// The word every illustrative figure carries on the page.
pub const ILLUSTRATIVE: &str = "minh họa";

/// A chart title that says so when its figures are illustrative.
pub fn mark_title(title: String, illustrative: bool, w: &charts::Words) -> String {
    if illustrative {
        w.fmt("chart_title_illustrative", &[("title", &title)])
    } else {
        title
    }
}

/// The sentence a page's intro ends with when it shows illustrative figures.
pub fn illustrative_note(illustrative: bool, w: &charts::Words) -> String {
    if illustrative {
        w.get("chart_illustrative_note").to_owned()
    } else {
        String::new()
    }
}

/// A state shown as a badge: words plus a CSS class (colour is extra).
#[derive(Debug, Clone, Serialize)]
pub struct Badge {
    /// The Vietnamese label (used when the theme has no string for `key`).
    pub label: String,
    pub class: String,
    /// The UI string key of the label (`state_qua_han`).
    pub key: String,
}

/// A target as a table row.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub id: String,
    pub href: String,
    pub statement: String,
    pub target: String,
    /// The goal as a UI string key and its figure (`goal_above`, "75 %"):
    /// a theme in another language words the goal itself; "" keeps `target`.
    pub goal_key: String,
    pub goal_value: String,
    pub latest: String,
    pub period: String,
    pub state: Badge,
    pub lead: String,
    /// The lead unit's page ("" when none).
    pub lead_href: String,
    /// Whose target ("" = the site's own unit).
    pub locality: String,
    /// The target or a result shown is illustrative.
    pub illustrative: bool,
}

/// The path of a target's page: `chi-tieu/<slug-of-id>/`.
pub fn target_path(id: &str) -> String {
    let slug = slugify(id);
    let slug = if slug.is_empty() { "chi-tieu" } else { &slug };
    format!("chi-tieu/{slug}/")
}

/// Capitalises the first letter: "chỉ tiêu" → "Chỉ tiêu".
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Money in đồng: "1.552.020.000 đồng".
pub fn money(d: i64, w: &charts::Words) -> String {
    format!("{} {}", w.int(d), w.get("chart_money_dong"))
}

/// Words for a figure nobody has reported (never shown as 0).
pub fn unknown(w: &charts::Words) -> String {
    w.get("chart_no_data_short").to_owned()
}

/// The disbursed amount of a budget total: the sum when every line's figure
/// is known, "chưa có số liệu" when none is, else the known part and how
/// many lines lack a figure.
pub fn disbursed(t: &crate::data::compute::BudgetTotals, w: &charts::Words) -> String {
    if t.unknown == 0 {
        money(t.disbursed, w)
    } else if t.unknown == t.lines {
        unknown(w)
    } else {
        w.fmt(
            "chart_disbursed_partly",
            &[
                ("amount", &money(t.disbursed, w)),
                ("unknown", &t.unknown.to_string()),
                ("lines", &t.lines.to_string()),
            ],
        )
    }
}

/// The disbursement rate of a budget total, "chưa có số liệu" when any
/// line's disbursement is unknown.
pub fn disbursed_rate(t: &crate::data::compute::BudgetTotals, w: &charts::Words) -> String {
    if t.unknown > 0 {
        unknown(w)
    } else {
        rate(t.rate, w)
    }
}

/// The note under a disbursement-rate tile: "đã giải ngân / kế hoạch".
pub fn disbursed_note(t: &crate::data::compute::BudgetTotals, w: &charts::Words) -> String {
    if t.unknown == 0 {
        format!("{} / {}", money(t.disbursed, w), money(t.planned, w))
    } else {
        w.fmt(
            "chart_planned_disbursed",
            &[
                ("planned", &money(t.planned, w)),
                ("disbursed", &disbursed(t, w)),
            ],
        )
    }
}

/// A rate 0–1 as a percentage, or "–".
pub fn rate(r: Option<f64>, w: &charts::Words) -> String {
    r.map_or("–".to_owned(), |r| w.percent(r * 100.0, 1))
}

/// A number with its unit: "95,5 %", "120 hồ sơ".
pub fn quantity(q: Quantity, unit: Option<&str>, w: &charts::Words) -> String {
    match q {
        Quantity::YesNo(true) => w.get("chart_goal_is_yes").to_owned(),
        Quantity::YesNo(false) => w.get("chart_goal_is_no").to_owned(),
        Quantity::Number(n) => match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some("%") => w.percent(n, 2),
            Some(u) => format!("{} {u}", w.dec(n, 2)),
            None => w.dec(n, 2),
        },
    }
}

/// The target with its comparison word: "tối thiểu 100 %".
pub fn target_text(t: &Target) -> String {
    target_text_in(t, &charts::Words::vietnamese())
}

/// The target with its comparison word in the charts' language ("at least
/// 100 %" on an English site): the same words as the chart beside it.
pub fn target_text_in(t: &Target, words: &charts::Words) -> String {
    let key = match (t.comparison, t.target) {
        (_, Quantity::YesNo(b)) => {
            return words
                .get(if b {
                    "chart_goal_is_yes"
                } else {
                    "chart_goal_is_no"
                })
                .to_owned();
        }
        (Comparison::YesNo, _) => return quantity(t.target, None, words),
        (Comparison::Rank, Quantity::Number(n)) => {
            return words
                .get("chart_goal_rank")
                .replace("{n}", &words.dec(n, 0));
        }
        (Comparison::AtLeast, _) => "chart_goal_at_least",
        (Comparison::Above, _) => "chart_goal_above",
        (Comparison::AtMost, _) => "chart_goal_at_most",
        (Comparison::Below, _) => "chart_goal_below",
        (Comparison::Equal, _) => "chart_goal_equal",
    };
    words
        .get(key)
        .replace("{n}", &quantity(t.target, t.unit.as_deref(), words))
}

/// The UI string key of the goal's wording (see [`TargetRow::goal_key`]).
fn goal_key(t: &Target) -> &'static str {
    match (t.comparison, t.target) {
        (_, Quantity::YesNo(true)) => "goal_yes",
        (_, Quantity::YesNo(false)) => "goal_no",
        (Comparison::YesNo, _) => "",
        (Comparison::AtLeast, _) => "goal_at_least",
        (Comparison::Above, _) => "goal_above",
        (Comparison::AtMost, _) => "goal_at_most",
        (Comparison::Below, _) => "goal_below",
        (Comparison::Equal, _) => "goal_equal",
        (Comparison::Rank, _) => "goal_rank",
    }
}

/// The goal's figure without its wording ("75 %", "3" for a top-3 rank).
fn goal_value(t: &Target, w: &charts::Words) -> String {
    match (t.comparison, t.target) {
        (_, Quantity::YesNo(_)) | (Comparison::YesNo, _) => String::new(),
        (Comparison::Rank, Quantity::Number(n)) => w.dec(n, 0),
        (_, q) => quantity(q, t.unit.as_deref(), w),
    }
}

pub fn target_badge(s: TargetState) -> Badge {
    let class = match s {
        TargetState::Achieved => "dat",
        TargetState::NotAchieved => "chua-dat",
        TargetState::NoData => "chua-co",
        TargetState::DueSoon => "sap-den-han",
    };
    Badge {
        label: s.label().to_owned(),
        class: format!("badge badge-{class}"),
        key: format!("state_{}", class.replace('-', "_")),
    }
}

/// The numeric value charts use (yes → 1, no → 0).
pub fn number(q: Quantity) -> f64 {
    match q {
        Quantity::Number(n) => n,
        Quantity::YesNo(b) => f64::from(u8::from(b)),
    }
}

/// How the charts compare a target: its own comparison, except that a
/// yes/no target value makes it a yes/no target whatever was written.
pub fn chart_cmp(t: &Target) -> Comparison {
    match t.target {
        Quantity::YesNo(_) => Comparison::YesNo,
        Quantity::Number(_) => t.comparison,
    }
}

/// The chart state for a computed state ("sắp đến hạn" is not met yet).
pub fn chart_state(s: TargetState) -> charts::TargetState {
    match s {
        TargetState::Achieved => charts::TargetState::Met,
        TargetState::NoData => charts::TargetState::NoData,
        TargetState::NotAchieved | TargetState::DueSoon => charts::TargetState::NotMet,
    }
}

/// A target's latest result, if any.
pub fn latest<'a>(data: &'a SiteData, p: &TargetProgress) -> Option<&'a Measurement> {
    p.latest.and_then(|i| data.set.results.get(i))
}

pub fn target_row(site: &Site, data: &SiteData, i: usize) -> TargetRow {
    let w = data.chart_words();
    let t = &data.set.targets[i];
    let p = &data.computed.targets[i];
    let m = latest(data, p);
    TargetRow {
        id: t.id.clone(),
        href: link(site, &target_path(&t.id)),
        statement: t.statement.clone(),
        target: target_text_in(t, &data.chart_words()),
        goal_key: goal_key(t).to_owned(),
        goal_value: goal_value(t, &w),
        latest: match (m, p.units_met) {
            (Some(m), _) => quantity(m.value, t.unit.as_deref(), &w),
            (None, Some((met, n))) => units_met_text(met, n, &w),
            (None, None) => "–".to_owned(),
        },
        period: m.map(|m| m.period.word(&w)).unwrap_or_default(),
        locality: t.locality.clone().unwrap_or_default(),
        illustrative: p.illustrative,
        state: target_badge(p.state),
        lead: t.lead.clone().unwrap_or_default(),
        lead_href: t
            .lead
            .as_deref()
            .map(|l| unit_link(site, data, l))
            .unwrap_or_default(),
    }
}

/// "8/14 địa phương đạt": a target judged on its localities' results.
pub fn units_met_text(met: usize, n: usize, w: &charts::Words) -> String {
    w.fmt(
        "chart_localities_met",
        &[("met", &w.int(met as i64)), ("n", &w.int(n as i64))],
    )
}

/// A link to the page of the unit `text` names ("" when it has none).
/// A unit name and its page ("" when it has none).
#[derive(Debug, Clone, Serialize)]
pub struct UnitLink {
    pub name: String,
    pub href: String,
}

pub fn unit_link(site: &Site, data: &SiteData, text: &str) -> String {
    let path = crate::site::identities::unit_href_path(data, text);
    if path.is_empty() {
        path
    } else {
        link(site, &path)
    }
}

/// The title [`targets_chart`] gives a chart of the targets `idx`.
pub fn targets_chart_title(data: &SiteData, title: String, idx: &[usize]) -> String {
    let illustrative = idx.iter().any(|&i| data.computed.targets[i].illustrative);
    mark_title(title, illustrative, &data.chart_words())
}

/// The `target_progress` chart for some targets.
pub fn targets_chart(data: &SiteData, id: &str, title: &str, idx: &[usize]) -> ChartView {
    let w = data.chart_words();
    let words = data.chart_words();
    let items = idx
        .iter()
        .map(|&i| {
            let t = &data.set.targets[i];
            let p = &data.computed.targets[i];
            charts::TargetItem {
                label: t.statement.clone(),
                value: latest(data, p).map(|m| number(m.value)),
                target: number(t.target),
                unit: t.unit.clone().unwrap_or_default(),
                comparison: chart_cmp(t),
                state: Some(chart_state(p.state)),
                // The list's word when it differs from the chart's own
                // ("Sắp đến hạn" is drawn as not met yet).
                state_label: (p.state == TargetState::DueSoon)
                    .then(|| words.get("chart_due_soon").to_owned()),
                value_label: p.units_met.map(|(met, n)| units_met_text(met, n, &w)),
            }
        })
        .collect();
    charts::target_progress(&charts::TargetProgress {
        id: id.to_owned(),
        title: targets_chart_title(data, title.to_owned(), idx),
        items,
        words,
    })
    .into()
}

/// The id of [`pillar_chart`].
pub const PILLAR_CHART: &str = "tru-cot";

/// The title of [`pillar_chart`].
pub fn pillar_chart_title(data: &SiteData) -> String {
    mark_title(
        own_title(data, "chart_title_pillars"),
        data.set
            .targets
            .iter()
            .zip(&data.computed.targets)
            .any(|(t, p)| t.locality.is_none() && p.illustrative),
        &data.chart_words(),
    )
}

/// Targets per pillar: achieved / not achieved / no data.
pub fn pillar_chart(data: &SiteData) -> ChartView {
    let mut pillars: Vec<charts::PillarCounts> = Vec::new();
    // The site's own targets only: other localities' are never added in.
    for (t, p) in data
        .set
        .targets
        .iter()
        .zip(&data.computed.targets)
        .filter(|(t, _)| t.locality.is_none())
    {
        let label = t
            .pillar
            .clone()
            .unwrap_or_else(|| data.chart_words().get("chart_unclassified").to_owned());
        let i = match pillars.iter().position(|c| c.label == label) {
            Some(i) => i,
            None => {
                pillars.push(charts::PillarCounts {
                    label,
                    ..Default::default()
                });
                pillars.len() - 1
            }
        };
        match p.state {
            TargetState::Achieved => pillars[i].met += 1,
            TargetState::NoData => pillars[i].no_data += 1,
            TargetState::NotAchieved | TargetState::DueSoon => pillars[i].not_met += 1,
        }
    }
    charts::pillar_summary(&charts::PillarSummary {
        id: PILLAR_CHART.into(),
        title: pillar_chart_title(data),
        pillars,
        words: data.chart_words(),
    })
    .into()
}

/// A title (the words of `key`) for a figure of the site's own unit: on a
/// site holding other localities' data too, it says the figure is the unit's own.
pub fn own_title(data: &SiteData, key: &str) -> String {
    let words = data.chart_words();
    let title = words.get(key);
    if data.computed.localities.is_empty() {
        title.to_owned()
    } else {
        data.chart_words()
            .fmt("chart_title_own_unit", &[("title", title)])
    }
}
