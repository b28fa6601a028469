//! The budget page `kinh-phi/`: planned and disbursed money by year,
//! pillar and source, with bar charts.

use crate::render::engine::vars::Context;
use serde::Serialize;

use super::lazy_chart::LazyChart;
use super::views::{self as dv, ChartView, money};
use super::{BUDGET, page_context};
use crate::charts;
use crate::data::compute::BudgetTotals;
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

#[derive(Debug, Clone, Serialize)]
struct MoneyRow {
    label: String,
    planned: String,
    disbursed: String,
    rate: String,
}

fn money_row(label: String, t: &BudgetTotals, w: &charts::Words) -> MoneyRow {
    MoneyRow {
        label,
        planned: money(t.planned, w),
        disbursed: dv::disbursed(t, w),
        rate: dv::disbursed_rate(t, w),
    }
}

/// A bar chart of `rows` (labels in the page's language), named now and
/// drawn when shown.
fn bars(
    data: &SiteData,
    id: &'static str,
    title: String,
    rows: Vec<(String, BudgetTotals)>,
    illustrative: bool,
) -> LazyChart {
    let title = dv::mark_title(title, illustrative, &data.chart_words());
    LazyChart::later(id, title.clone(), move |data| {
        draw_bars(data, id, &title, &rows)
    })
}

fn draw_bars(data: &SiteData, id: &str, title: &str, rows: &[(String, BudgetTotals)]) -> ChartView {
    charts::budget_bars(&charts::BudgetBars {
        words: data.chart_words(),
        id: id.to_owned(),
        title: title.to_owned(),
        unit: charts::MoneyUnit::Auto,
        rows: rows
            .iter()
            .map(|(label, t)| charts::BudgetRow {
                label: label.clone(),
                planned: Some(t.planned as f64),
                disbursed: t.disbursed_known().map(|d| d as f64),
            })
            .collect(),
    })
    .into()
}

/// The budget's totals by year, labelled in the page's language.
fn by_year(data: &SiteData, tr: Tr) -> Vec<(String, BudgetTotals)> {
    data.computed
        .budget
        .by_year
        .iter()
        .map(|(y, t)| (tr.fmt("year_n", &[("year", &y.to_string())]), *t))
        .collect()
}

/// Whether the site's own budget lines (not other localities') hold an
/// illustrative figure.
fn own_illustrative(data: &SiteData) -> bool {
    data.set
        .budget
        .iter()
        .any(|l| l.locality.is_none() && l.illustrative)
}

/// The budget page, planned lazily: its charts (by year, and by source when
/// there are several) named now, drawn with its tables when it renders.
pub(crate) fn budget_lazy(site: &Site, theme: &Theme, data: &SiteData) -> super::LazyPage {
    let tr = Tr::new(theme, &site.config.language);
    let illustrative = own_illustrative(data);
    let mut charts = vec![bars(
        data,
        "kinh-phi-nam",
        dv::own_title(data, "chart_title_budget_by_year"),
        by_year(data, tr),
        illustrative,
    )];
    let by_source = &data.computed.budget.by_source;
    if by_source.len() > 1 {
        charts.push(bars(
            data,
            "kinh-phi-nguon",
            dv::own_title(data, "chart_title_budget_by_source"),
            by_source.clone(),
            illustrative,
        ));
    }
    super::LazyPage {
        path: format!("{BUDGET}index.html"),
        template: "budget.html",
        title: tr.get("budget_title"),
        charts,
        make: Box::new(|site, theme, data, _, charts| budget_page(site, theme, data, charts)),
    }
}

/// The budget page, showing `charts` (see [`budget_lazy`]).
fn budget_page(site: &Site, theme: &Theme, data: &SiteData, charts: &[&ChartView]) -> Context {
    let w = data.chart_words();
    let tr = Tr::new(theme, &site.config.language);
    let b = &data.computed.budget;
    let by_year = by_year(data, tr);
    let by_source: Vec<(String, BudgetTotals)> = b.by_source.clone();
    // The site's own lines only; each locality's budget is its own row of
    // the "Theo địa phương" table, never added to the total.
    let illustrative = own_illustrative(data);
    let localities: Vec<(String, BudgetTotals, bool)> = data
        .computed
        .localities
        .iter()
        .filter(|l| !l.budget.by_year.is_empty())
        .map(|l| {
            let marked = data.set.budget.iter().any(|b| {
                b.illustrative
                    && b.locality
                        .as_deref()
                        .is_some_and(|x| crate::text::fold(x) == crate::text::fold(&l.name))
            });
            (l.name.clone(), l.budget.total, marked)
        })
        .collect();
    let whose = if localities.is_empty() {
        String::new()
    } else {
        tr.fmt(
            "budget_whose",
            &[
                ("unit", &super::own_unit(site, tr)),
                ("n", &localities.len().to_string()),
            ],
        )
    };
    let spent = if b.total.unknown == 0 {
        tr.fmt(
            "budget_spent",
            &[
                ("amount", &money(b.total.disbursed, &w)),
                ("rate", &dv::disbursed_rate(&b.total, &w)),
            ],
        )
    } else {
        tr.fmt(
            "budget_spent_partly",
            &[("amount", &dv::disbursed(&b.total, &w))],
        )
    };
    let intro = tr.fmt(
        "budget_intro",
        &[
            ("planned", &money(b.total.planned, &w)),
            ("spent", &spent),
            ("whose", &whose),
            (
                "note",
                &dv::illustrative_note(illustrative || localities.iter().any(|l| l.2), &w),
            ),
        ],
    );
    let mut c = page_context(site, theme, BUDGET, &tr.get("budget_title"), &intro, vec![]);
    let stats = vec![
        dv::Stat {
            value: money(b.total.planned, &w),
            label: tr.get("budget_planned"),
            note: String::new(),
            illustrative,
        },
        dv::Stat {
            value: dv::disbursed(&b.total, &w),
            label: tr.get("col_disbursed"),
            note: String::new(),
            illustrative,
        },
        dv::Stat {
            value: dv::disbursed_rate(&b.total, &w),
            label: tr.get("col_rate"),
            note: String::new(),
            illustrative,
        },
    ];
    c.insert("stats", &stats);
    c.insert("total", &money_row(tr.get("budget_total"), &b.total, &w));
    let rows = |v: &[(String, BudgetTotals)]| -> Vec<MoneyRow> {
        v.iter().map(|(l, t)| money_row(l.clone(), t, &w)).collect()
    };
    #[derive(Serialize)]
    struct MoneyTable {
        title: &'static str,
        header: &'static str,
        /// UI string keys of title and header (English sites).
        title_key: &'static str,
        header_key: &'static str,
        rows: Vec<MoneyRow>,
        /// Whether the footer is the total of the rows (not for localities).
        summed: bool,
    }
    let mut tables = vec![
        MoneyTable {
            title: "Theo năm",
            header: "Năm",
            title_key: "budget_by_year",
            header_key: "budget_year",
            rows: rows(&by_year),
            summed: true,
        },
        MoneyTable {
            title: "Theo nguồn vốn",
            header: "Nguồn vốn",
            title_key: "budget_by_source",
            header_key: "budget_source",
            rows: rows(&by_source),
            summed: true,
        },
    ];
    if !localities.is_empty() {
        tables.push(MoneyTable {
            title: "Theo địa phương",
            header: "Địa phương",
            title_key: "budget_by_locality",
            header_key: "budget_locality",
            rows: localities
                .iter()
                .map(|(name, t, marked)| {
                    let mut r = money_row(name.clone(), t, &w);
                    if *marked {
                        r.planned.push_str(&w.fmt("chart_marked", &[]));
                    }
                    r
                })
                .collect(),
            summed: false,
        });
    }
    c.insert("tables", &tables);
    c.insert("charts", charts);
    c
}
