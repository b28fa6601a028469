//! Contexts for the per-target pages, the budget page, the DTI page and the
//! open-data catalogue (see [`super::data_pages`] for the jobs).

use serde::Serialize;
use tera::Context;

use super::data_index::{pillar_href_path, unit_href_path};
use super::data_pages::{BUDGET, DTI, OPEN_DATA, TARGETS, page_context};
use super::data_views::{
    self as dv, ChartView, capitalize, money, quantity, rate, target_badge, target_text,
};
use super::i18n::Tr;
use super::theme::Theme;
use super::views::link;
use crate::charts;
use crate::data::Kind;
use crate::data::compute::{BudgetTotals, DtiTotal};
use crate::data::export::{export_columns, records};
use crate::data::model::{Indicator, Placement};
use crate::site::{Site, SiteData};
use crate::text::numbers::{format_decimal, format_fixed, format_integer, format_percent};

#[derive(Debug, Clone, Serialize)]
struct Fact {
    label: String,
    value: String,
    href: String,
}

#[derive(Debug, Clone, Serialize)]
struct ResultRow {
    period: String,
    commune: String,
    value: String,
    source: String,
    note: String,
}

/// " (minh họa)" after an illustrative figure.
fn mark(illustrative: bool) -> &'static str {
    if illustrative { " (minh họa)" } else { "" }
}

/// A link to a page path, or "" for no page.
fn href(site: &Site, path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        link(site, path)
    }
}

fn fact(tr: Tr, key: &str, value: impl Into<String>) -> Fact {
    Fact {
        label: tr.get(key),
        value: value.into(),
        href: String::new(),
    }
}

/// One target's page.
pub fn target_page(site: &Site, theme: &Theme, data: &SiteData, i: usize, path: &str) -> Context {
    let t = &data.set.targets[i];
    let p = &data.computed.targets[i];
    let unit = t.unit.as_deref();
    let latest = dv::latest(data, p);
    let tr = Tr::new(theme, &site.config.language);
    let mut facts = vec![fact(tr, "fact_target_id", t.id.clone())];
    if let Some(x) = &t.pillar {
        let mut f = fact(tr, "col_pillar", x.clone());
        f.href = href(site, &pillar_href_path(data, Some(x)));
        facts.push(f);
    }
    facts.push(fact(tr, "col_goal", target_text(t)));
    if let Some(b) = t.baseline {
        facts.push(fact(
            tr,
            "fact_baseline",
            quantity(crate::data::Quantity::Number(b), unit),
        ));
    }
    if let Some(b) = p.baseline.and_then(|j| data.set.results.get(j))
        && t.baseline.is_none()
    {
        facts.push(fact(
            tr,
            "fact_baseline",
            format!(
                "{} ({}, trước kỳ của chỉ tiêu, không tính là đạt){}",
                quantity(b.value, unit),
                b.period.label(),
                mark(b.illustrative)
            ),
        ));
    }
    if let Some(d) = t.window_start() {
        facts.push(Fact {
            label: "Bắt đầu".into(),
            value: t.start.map_or_else(
                || format!("{} (đầu năm của thời hạn)", crate::text::dates::short(d)),
                |p| p.label(),
            ),
            href: String::new(),
        });
    }
    if let Some(d) = t.deadline {
        facts.push(fact(tr, "col_deadline", d.label()));
    }
    if let Some(l) = &t.locality {
        facts.push(Fact {
            label: "Địa phương".into(),
            value: l.clone(),
            href: String::new(),
        });
    }
    if let Some(m) = latest {
        facts.push(fact(
            tr,
            "fact_latest",
            format!(
                "{} ({}){}",
                quantity(m.value, unit),
                m.period.label(),
                mark(m.illustrative)
            ),
        ));
    } else if let Some((met, n)) = p.units_met {
        facts.push(fact(tr, "fact_latest", dv::units_met_text(met, n)));
    }
    if p.illustrative {
        facts.push(Fact {
            label: "Số liệu".into(),
            value:
                "minh họa: chỉ tiêu hoặc kết quả được đánh dấu minh họa, không phải số liệu thật"
                    .into(),
            href: String::new(),
        });
    }
    if let Some(pr) = p.progress.filter(|_| p.units_met.is_none()) {
        facts.push(fact(tr, "fact_progress", format_percent(pr * 100.0, 1)));
    }
    if let Some(l) = &t.lead {
        let mut f = fact(tr, "fact_lead", l.clone());
        f.href = href(site, &unit_href_path(data, l));
        facts.push(f);
    }
    if let Some(n) = &t.document {
        let mut f = fact(tr, "fact_document", n.clone());
        if let Some(doc) = site.document(n) {
            f.value = format!("{n} – {}", doc.title);
            f.href = link(site, &doc.path);
        }
        facts.push(f);
    }
    if let Some(n) = &t.note {
        facts.push(fact(tr, "col_note", n.clone()));
    }
    // Results, oldest first; unit-level before per-commune within a period.
    let mut idx: Vec<usize> = (0..data.set.results.len())
        .filter(|&j| data.set.results[j].target_id == t.id)
        .collect();
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&data.set.results[a], &data.set.results[b]);
        (ra.period.end(), ra.commune.is_some(), a).cmp(&(rb.period.end(), rb.commune.is_some(), b))
    });
    let results: Vec<ResultRow> = idx
        .iter()
        .map(|&j| {
            let r = &data.set.results[j];
            let place = match t.placement(r.period) {
                Placement::Before => " – giá trị gốc, trước kỳ của chỉ tiêu",
                Placement::Within => "",
                Placement::After => " – sau thời hạn, không tính",
            };
            ResultRow {
                period: format!("{}{place}", r.period.label()),
                commune: r
                    .commune
                    .clone()
                    .unwrap_or_else(|| tr.get("whole_unit_scope")),
                value: format!("{}{}", quantity(r.value, unit), mark(r.illustrative)),
                source: r.source.clone().unwrap_or_default(),
                note: r.note.clone().unwrap_or_default(),
            }
        })
        .collect();
    let chart_list: Vec<ChartView> = std::iter::once(super::data_charts::target_chart(data, i))
        .chain(super::data_charts::commune_chart(data, i))
        .collect();
    let intro = format!(
        "{}{}",
        tr.fmt("target_intro", &[("id", &t.id)]),
        dv::illustrative_note(p.illustrative)
    );
    let crumbs = vec![(tr.get("nav_targets"), link(site, TARGETS))];
    let title = tr.fmt("target_title", &[("id", &t.id)]);
    let mut c = page_context(site, theme, path, &title, &intro, crumbs);
    c.insert("statement", &t.statement);
    c.insert("state", &target_badge(p.state));
    c.insert("facts", &facts);
    c.insert("results", &results);
    c.insert("charts", &chart_list);
    c
}

#[derive(Debug, Clone, Serialize)]
struct MoneyRow {
    label: String,
    planned: String,
    disbursed: String,
    rate: String,
}

fn money_row(label: String, t: &BudgetTotals) -> MoneyRow {
    MoneyRow {
        label,
        planned: money(t.planned),
        disbursed: money(t.disbursed),
        rate: rate(t.rate),
    }
}

fn bars(id: &str, title: &str, rows: &[(String, BudgetTotals)], illustrative: bool) -> ChartView {
    charts::budget_bars(&charts::BudgetBars {
        id: id.to_owned(),
        title: dv::mark_title(title.to_owned(), illustrative),
        unit: charts::MoneyUnit::Auto,
        rows: rows
            .iter()
            .map(|(label, t)| charts::BudgetRow {
                label: label.clone(),
                planned: Some(t.planned as f64),
                disbursed: Some(t.disbursed as f64),
            })
            .collect(),
    })
    .into()
}

/// The budget page.
pub fn budget_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let b = &data.computed.budget;
    let by_year: Vec<(String, BudgetTotals)> = b
        .by_year
        .iter()
        .map(|(y, t)| (format!("Năm {y}"), *t))
        .collect();
    let by_source: Vec<(String, BudgetTotals)> = b.by_source.clone();
    let illustrative = data.set.budget.iter().any(|l| l.illustrative);
    let intro = format!(
        "Kinh phí chuyển đổi số theo kế hoạch và đã giải ngân, theo năm và theo nguồn vốn; tổng kinh phí kế hoạch {}, đã giải ngân {} ({}).{}",
        money(b.total.planned),
        money(b.total.disbursed),
        rate(b.total.rate),
        dv::illustrative_note(illustrative)
    );
    let mut c = page_context(
        site,
        theme,
        BUDGET,
        "Kinh phí chuyển đổi số",
        &intro,
        vec![],
    );
    let stats = vec![
        dv::Stat {
            value: money(b.total.planned),
            label: "Kinh phí kế hoạch".into(),
            note: String::new(),
            illustrative,
        },
        dv::Stat {
            value: money(b.total.disbursed),
            label: "Đã giải ngân".into(),
            note: String::new(),
            illustrative,
        },
        dv::Stat {
            value: rate(b.total.rate),
            label: "Tỷ lệ giải ngân".into(),
            note: String::new(),
            illustrative,
        },
    ];
    c.insert("stats", &stats);
    c.insert("total", &money_row("Tổng cộng".into(), &b.total));
    let rows = |v: &[(String, BudgetTotals)]| -> Vec<MoneyRow> {
        v.iter().map(|(l, t)| money_row(l.clone(), t)).collect()
    };
    #[derive(Serialize)]
    struct MoneyTable {
        title: &'static str,
        header: &'static str,
        rows: Vec<MoneyRow>,
    }
    let tables = [
        MoneyTable {
            title: "Theo năm",
            header: "Năm",
            rows: rows(&by_year),
        },
        MoneyTable {
            title: "Theo nguồn vốn",
            header: "Nguồn vốn",
            rows: rows(&by_source),
        },
    ];
    c.insert("tables", &tables);
    let mut chart_list = vec![bars(
        "kinh-phi-nam",
        "Kinh phí theo năm",
        &by_year,
        illustrative,
    )];
    if by_source.len() > 1 {
        chart_list.push(bars(
            "kinh-phi-nguon",
            "Kinh phí theo nguồn vốn",
            &by_source,
            illustrative,
        ));
    }
    c.insert("charts", &chart_list);
    c
}

/// A node of the DTI tree.
#[derive(Debug, Clone, Serialize)]
struct DtiNode {
    code: String,
    name: String,
    max: String,
    score: String,
    lead: String,
    children: Vec<DtiNode>,
}

fn dti_node(data: &SiteData, ind: &Indicator, scores: &[(String, f64)], mark: &str) -> DtiNode {
    DtiNode {
        code: ind.code.clone(),
        name: ind.name.clone(),
        max: format_decimal(ind.max_points, 2),
        score: scores
            .iter()
            .find(|(c, _)| *c == ind.code)
            .map_or("–".into(), |(_, p)| {
                format!("{}{mark}", format_decimal(*p, 2))
            }),
        lead: ind.lead.clone().unwrap_or_default(),
        children: data
            .set
            .indicators
            .iter()
            .filter(|c| c.parent.as_deref() == Some(ind.code.as_str()))
            .map(|c| dti_node(data, c, scores, mark))
            .collect(),
    }
}

#[derive(Debug, Clone, Serialize)]
struct DtiRowView {
    label: String,
    points: String,
    max: String,
    index: String,
    change: String,
}

#[derive(Debug, Clone, Serialize)]
struct DtiYearView {
    year: i16,
    official: bool,
    rows: Vec<DtiRowView>,
    total: DtiRowView,
}

fn signed(v: Option<f64>, fmt: impl Fn(f64) -> String) -> String {
    match v {
        Some(v) if v > 0.0 => format!("+{}", fmt(v)),
        Some(v) => fmt(v),
        None => "–".into(),
    }
}

fn dti_row(label: &str, t: &DtiTotal, mark: &str) -> DtiRowView {
    DtiRowView {
        label: label.to_owned(),
        points: format!("{}{mark}", format_decimal(t.points, 2)),
        max: format_decimal(t.max, 2),
        index: t.index.map_or("–".into(), |i| format_fixed(i, 4)),
        change: signed(t.change_points, |v| format_decimal(v, 2)),
    }
}

/// The DTI page.
/// " (minh họa)" when any score of `year` is illustrative, else "".
pub fn dti_year_mark(data: &SiteData, year: i16) -> &'static str {
    if data
        .set
        .scores
        .iter()
        .any(|s| s.year == year && s.illustrative)
    {
        " (minh họa)"
    } else {
        ""
    }
}

pub fn dti_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let latest = data.computed.dti.last();
    let latest_mark = latest.map_or("", |y| dti_year_mark(data, y.year));
    let scores: &[(String, f64)] = latest.map_or(&[], |y| &y.nodes);
    let codes: Vec<&str> = data
        .set
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    let tree: Vec<DtiNode> = data
        .set
        .indicators
        .iter()
        .filter(|i| i.parent.as_deref().is_none_or(|p| !codes.contains(&p)))
        .map(|i| dti_node(data, i, scores, latest_mark))
        .collect();
    let years: Vec<DtiYearView> = data
        .computed
        .dti
        .iter()
        .rev()
        .map(|y| DtiYearView {
            year: y.year,
            official: y.official,
            rows: y
                .pillars
                .iter()
                .map(|(n, t)| dti_row(n, t, dti_year_mark(data, y.year)))
                .collect(),
            total: dti_row("Tổng cộng", &y.total, dti_year_mark(data, y.year)),
        })
        .collect();
    let mut chart_list: Vec<ChartView> = Vec::new();
    if let Some(y) = latest {
        let prev = y
            .previous_year
            .and_then(|py| data.computed.dti.iter().find(|d| d.year == py));
        let rows = y
            .pillars
            .iter()
            .map(|(name, t)| charts::DtiRow {
                label: name.clone(),
                score: Some(t.points),
                max: t.max,
                previous: prev
                    .and_then(|p| p.pillars.iter().find(|(n, _)| n == name))
                    .map(|(_, pt)| pt.points),
            })
            .collect();
        chart_list.push(
            charts::dti_scores(&charts::DtiScores {
                id: format!("dti-{}", y.year),
                title: dv::mark_title(
                    format!("Điểm DTI năm {} theo trụ cột", y.year),
                    !latest_mark.is_empty()
                        || prev.is_some_and(|p| !dti_year_mark(data, p.year).is_empty()),
                ),
                scale: charts::DtiScale::Points,
                previous_label: y
                    .previous_year
                    .map(|p| format!("Năm {p}"))
                    .unwrap_or_default(),
                rows,
            })
            .into(),
        );
    }
    let intro = match latest {
        Some(y) => format!(
            "Bộ chỉ số đánh giá chuyển đổi số (DTI) với điểm năm {}: {} / {} điểm, chỉ số {}{latest_mark}; tổng điểm theo trụ cột qua các năm.{}",
            y.year,
            format_decimal(y.total.points, 2),
            format_decimal(y.total.max, 2),
            y.total.index.map_or("–".into(), |i| format_fixed(i, 4)),
            dv::illustrative_note(data.set.scores.iter().any(|s| s.illustrative))
        ),
        None => "Bộ chỉ số đánh giá chuyển đổi số (DTI); chưa có điểm.".to_owned(),
    };
    let mut c = page_context(
        site,
        theme,
        DTI,
        "Chỉ số chuyển đổi số (DTI)",
        &intro,
        vec![],
    );
    c.insert("tree", &tree);
    c.insert("years", &years);
    c.insert("latest_year", &latest.map(|y| y.year));
    c.insert("charts", &chart_list);
    c
}

#[derive(Debug, Clone, Serialize)]
struct DatasetView {
    name: String,
    rows: String,
    columns: String,
    csv: String,
    json: String,
}

/// How many rows of `kind` are marked illustrative.
fn illustrative_rows(set: &crate::data::DataSet, kind: Kind) -> usize {
    match kind {
        Kind::Targets => set.targets.iter().filter(|x| x.illustrative).count(),
        Kind::Results => set.results.iter().filter(|x| x.illustrative).count(),
        Kind::Tasks => set.tasks.iter().filter(|x| x.illustrative).count(),
        Kind::Budget => set.budget.iter().filter(|x| x.illustrative).count(),
        Kind::DtiScores => set.scores.iter().filter(|x| x.illustrative).count(),
        Kind::Indicators => set.observations.iter().filter(|x| x.illustrative).count(),
        Kind::DtiIndex | Kind::Units => 0,
    }
}

/// The open-data catalogue.
pub fn open_data_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let sets: Vec<DatasetView> = Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let n = records(&data.set, kind).len();
            let marked = illustrative_rows(&data.set, kind);
            (n > 0).then(|| DatasetView {
                name: capitalize(kind.label()),
                rows: if marked > 0 {
                    format!(
                        "{} ({} dòng minh họa)",
                        format_integer(n as i64),
                        format_integer(marked as i64)
                    )
                } else {
                    format_integer(n as i64)
                },
                columns: export_columns(kind)
                    .iter()
                    .map(|c| c.header)
                    .chain(
                        crate::data::export_computed::COMPUTED_COLUMNS
                            .iter()
                            .filter(|(k, _, _)| *k == kind)
                            .map(|(_, h, _)| *h),
                    )
                    .collect::<Vec<_>>()
                    .join(", "),
                csv: format!("{OPEN_DATA}{}.csv", kind.slug()),
                json: format!("{OPEN_DATA}{}.json", kind.slug()),
            })
        })
        .collect();
    let intro = format!(
        "Danh mục {} bộ dữ liệu mở về chuyển đổi số, tải về dạng CSV (mở được bằng Excel) hoặc JSON, theo {}.",
        format_integer(sets.len() as i64),
        site.config.data.license
    );
    let title = Tr::new(theme, &site.config.language).get("nav_open_data");
    let mut c = page_context(site, theme, OPEN_DATA, &title, &intro, vec![]);
    c.insert("datasets", &sets);
    c.insert("license", &site.config.data.license);
    c
}
