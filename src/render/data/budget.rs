//! The budget page `kinh-phi/`: planned and disbursed money by year,
//! pillar and source, with bar charts.

use serde::Serialize;
use tera::Context;

use super::views::{self as dv, ChartView, money, rate};
use super::{BUDGET, page_context};
use crate::charts;
use crate::data::compute::BudgetTotals;
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

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
