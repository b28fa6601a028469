//! Measured indicators without a target (`chi-so…` files): `chi-so/` lists
//! every indicator with its latest values by unit, and `chi-so/<tên>/`
//! charts one over time and across units. Nothing here is judged: no đạt /
//! chưa đạt, no target line.

use crate::render::data::wording::Worded;
use crate::render::engine::vars::Context;

use super::page_context;
use super::sections::{CellView, SectionView, TableView, cap_rows};
use super::views::{self as dv, Stat, mark_title, number, quantity};
use crate::charts;
use crate::data::model::Observation;
use crate::data::values::Period;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::{Site, SiteData};
use crate::text::{fold, slugify, vi_cmp};

pub use crate::site::generated::INDICATORS;

/// One indicator: its rows, in file order.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub unit: Option<String>,
    pub path: String,
    pub rows: Vec<usize>,
    /// Pillars named on any of its rows (an indicator may count toward several).
    pub pillars: Vec<String>,
}

/// Every indicator, in order of first appearance (names compared folded).
pub fn series(data: &SiteData) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for (i, o) in data.set.observations.iter().enumerate() {
        let key = fold(&o.indicator);
        let s = match out.iter_mut().position(|s| fold(&s.name) == key) {
            Some(k) => &mut out[k],
            None => {
                let slug = slugify(&o.indicator);
                let slug = if slug.is_empty() {
                    "chi-so".to_owned()
                } else {
                    slug
                };
                out.push(Series {
                    name: o.indicator.clone(),
                    unit: None,
                    path: format!("{INDICATORS}{slug}/"),
                    rows: Vec::new(),
                    pillars: Vec::new(),
                });
                out.last_mut().expect("just pushed")
            }
        };
        s.rows.push(i);
        if s.unit.is_none() {
            s.unit.clone_from(&o.unit);
        }
        for p in &o.pillars {
            if !s.pillars.iter().any(|x| fold(x) == fold(p)) {
                s.pillars.push(p.clone());
            }
        }
    }
    out
}

/// The name shown for a row's unit.
fn place(site: &Site, o: &Observation) -> String {
    o.locality.clone().unwrap_or_else(|| {
        if site.config.unit.is_empty() {
            crate::render::data::wording::words_of(site)
                .get("chart_ind_whole_unit")
                .to_owned()
        } else {
            site.config.unit.clone()
        }
    })
}

/// The latest period of a series and, per unit, its value then: the site's
/// own unit first, then localities in Vietnamese order.
fn latest_by_unit<'a>(data: &'a SiteData, s: &Series) -> Option<(Period, Vec<&'a Observation>)> {
    let latest = s
        .rows
        .iter()
        .map(|&i| data.set.observations[i].period)
        .max()?;
    let mut rows: Vec<&Observation> = s
        .rows
        .iter()
        .map(|&i| &data.set.observations[i])
        .filter(|o| o.period == latest)
        .collect();
    rows.sort_by(|a, b| match (&a.locality, &b.locality) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => vi_cmp(x, y),
    });
    Some((latest, rows))
}

/// The comparison of units for the latest period (sorted highest first,
/// Vietnamese order on ties), when more than one unit reported it.
fn comparison_chart(site: &Site, data: &SiteData, s: &Series, k: usize) -> Option<dv::ChartView> {
    let w = data.chart_words();
    let (period, rows) = latest_by_unit(data, s)?;
    if rows.len() < 2 {
        return None;
    }
    let mut bars: Vec<(String, f64)> = rows
        .iter()
        .map(|o| (place(site, o), number(o.value)))
        .collect();
    bars.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| vi_cmp(&a.0, &b.0)));
    let (shown, note) = cap_rows(&bars);
    let title = format!(
        "{}{}",
        w.fmt(
            "chart_ind_by_unit",
            &[("name", &s.name), ("period", &period.word(&w))],
        ),
        note.map(|n| format!(": {n}")).unwrap_or_default()
    );
    Some(
        charts::commune_comparison(&charts::CommuneComparison {
            words: data.chart_words(),
            id: format!("chi-so-{}-so-sanh", k + 1),
            title: mark_title(title, rows.iter().any(|o| o.illustrative), &w),
            unit: s.unit.clone().unwrap_or_default(),
            target: None,
            comparison: charts::Comparison::AtLeast,
            highlight: None,
            rows: shown
                .into_iter()
                .map(|(name, v)| charts::CommuneValue {
                    name,
                    value: Some(v),
                })
                .collect(),
        })
        .into(),
    )
}

fn latest_table(site: &Site, data: &SiteData, s: &Series) -> Option<TableView> {
    let w = data.chart_words();
    let (period, rows) = latest_by_unit(data, s)?;
    let mut table = TableView::new(
        format!("{} {}", s.name, period.word(&w)),
        &[
            (w.get("chart_col_unit"), false),
            (w.get("chart_col_value"), true),
            (w.get("chart_ind_col_source"), false),
        ],
    );
    for o in rows {
        table.rows.push(vec![
            CellView::text(place(site, o)),
            CellView::num(quantity(o.value, s.unit.as_deref(), &w)).marked(o.illustrative),
            CellView::text(o.source.clone().unwrap_or_default()),
        ]);
    }
    Some(table)
}

fn pillars_note(s: &Series, w: &charts::Words) -> String {
    if s.pillars.is_empty() {
        String::new()
    } else {
        w.fmt("chart_ind_pillars", &[("list", &s.pillars.join("; "))])
    }
}

/// `chi-so/`: every indicator with its latest values.
pub fn indicators_page(site: &Site, theme: &Theme, data: &SiteData, all: &[Series]) -> Context {
    let w = data.chart_words();
    let sections: Vec<SectionView> = all
        .iter()
        .enumerate()
        .map(|(k, s)| SectionView {
            id: format!("chi-so-{}", k + 1),
            title: s.name.clone(),
            href: link(site, &s.path),
            note: pillars_note(s, &w),
            table: latest_table(site, data, s),
            charts: comparison_chart(site, data, s, k).into_iter().collect(),
            ..SectionView::default()
        })
        .collect();
    let marked = data.set.observations.iter().any(|o| o.illustrative);
    let intro = w.fmt(
        "chart_ind_intro",
        &[("note", &dv::illustrative_note(marked, &w))],
    );
    let mut c = page_context(
        site,
        theme,
        INDICATORS,
        w.get("chart_ind_title"),
        &intro,
        vec![],
    );
    c.insert("stats", &Vec::<Stat>::new());
    c.insert("sections", &sections);
    c
}

/// Charts of one unit's values over time drawn at most on one page.
const MAX_LINES: usize = 12;

/// `chi-so/<tên>/`: one indicator over time and across units.
pub fn indicator_page(site: &Site, theme: &Theme, data: &SiteData, s: &Series) -> Context {
    let w = data.chart_words();
    let k = series(data)
        .iter()
        .position(|x| x.path == s.path)
        .unwrap_or(0);
    let mut sections = Vec::new();
    let chart: Vec<dv::ChartView> = comparison_chart(site, data, s, k).into_iter().collect();
    if let Some(table) = latest_table(site, data, s) {
        sections.push(SectionView {
            id: "moi-nhat".into(),
            title: w.get("chart_ind_latest").into(),
            note: pillars_note(s, &w),
            table: Some(table),
            charts: chart,
            ..SectionView::default()
        });
    }
    // Over time: one line per unit (own unit first), at most MAX_LINES.
    let mut units: Vec<Option<String>> = Vec::new();
    for &i in &s.rows {
        let l = &data.set.observations[i].locality;
        if !units
            .iter()
            .any(|u| u.as_deref().map(fold) == l.as_deref().map(fold))
        {
            units.push(l.clone());
        }
    }
    units.sort_by(|a, b| match (a, b) {
        (None, _) => std::cmp::Ordering::Less,
        (_, None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => vi_cmp(x, y),
    });
    let total_units = units.len();
    let mut lines = Vec::new();
    for (n, u) in units.iter().take(MAX_LINES).enumerate() {
        let mut rows: Vec<&Observation> = s
            .rows
            .iter()
            .map(|&i| &data.set.observations[i])
            .filter(|o| o.locality.as_deref().map(fold) == u.as_deref().map(fold))
            .collect();
        rows.sort_by_key(|o| o.period);
        let who = rows.first().map(|o| place(site, o)).unwrap_or_default();
        lines.push(
            charts::history_line(&charts::HistoryLine {
                id: format!("chi-so-{}-{}", k + 1, n + 1),
                title: mark_title(
                    w.fmt("chart_ind_over_time", &[("name", &s.name), ("unit", &who)]),
                    rows.iter().any(|o| o.illustrative),
                    &w,
                ),
                unit: s.unit.clone().unwrap_or_default(),
                target: None,
                points: rows
                    .iter()
                    .map(|o| charts::HistoryPoint {
                        period: o.period.word(&w),
                        value: Some(number(o.value)),
                    })
                    .collect(),
                words: data.chart_words(),
            })
            .into(),
        );
    }
    sections.push(SectionView {
        id: "qua-cac-ky".into(),
        title: w.get("chart_ind_by_period").into(),
        note: if total_units > MAX_LINES {
            w.fmt(
                "chart_ind_capped",
                &[
                    ("shown", &MAX_LINES.to_string()),
                    ("total", &total_units.to_string()),
                ],
            )
        } else {
            String::new()
        },
        charts: lines,
        ..SectionView::default()
    });
    let mut all = TableView::new(
        w.fmt("chart_ind_all_values", &[("name", &s.name)]),
        &[
            (w.get("chart_col_period"), false),
            (w.get("chart_col_unit"), false),
            (w.get("chart_col_value"), true),
            (w.get("chart_ind_col_source"), false),
        ],
    );
    let mut rows: Vec<&Observation> = s.rows.iter().map(|&i| &data.set.observations[i]).collect();
    rows.sort_by(|a, b| {
        a.period
            .cmp(&b.period)
            .then_with(|| vi_cmp(&place(site, a), &place(site, b)))
    });
    for o in rows {
        all.rows.push(vec![
            CellView::text(o.period.word(&w)),
            CellView::text(place(site, o)),
            CellView::num(quantity(o.value, s.unit.as_deref(), &w)).marked(o.illustrative),
            CellView::text(o.source.clone().unwrap_or_default()),
        ]);
    }
    sections.push(SectionView {
        id: "bang".into(),
        title: w.get("chart_ind_table").into(),
        table: Some(all),
        ..SectionView::default()
    });
    let marked = s
        .rows
        .iter()
        .any(|&i| data.set.observations[i].illustrative);
    let intro = w.fmt(
        "chart_ind_one_intro",
        &[
            ("name", &s.name),
            (
                "unit",
                &s.unit
                    .as_deref()
                    .map(|u| w.fmt("chart_ind_unit", &[("unit", u)]))
                    .unwrap_or_default(),
            ),
            ("note", &dv::illustrative_note(marked, &w)),
        ],
    );
    let crumbs = vec![(w.get("chart_ind_title").to_owned(), link(site, INDICATORS))];
    let mut c = page_context(site, theme, &s.path, &s.name, &intro, crumbs);
    c.insert("stats", &Vec::<Stat>::new());
    c.insert("sections", &sections);
    c
}
