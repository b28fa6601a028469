//! The numbered sections of a periodic report (targets, tasks, budget, DTI,
//! localities, news, commentary) as view structs for `report_body.html`:
//! every figure comes from [`crate::data::compute::report`], formatted here.

use crate::render::data::wording::Worded;
use jiff::civil::Date;
use serde::Serialize;

use super::unit_name;
use crate::charts::{self, Words};
use crate::config::Config;
use crate::content::markdown::{ROOT_MARKER, page_link};
use crate::content::{Content, Page, PageKind};
use crate::data::compute::report::{self, ReportFigures, Scope, TaskOutcome};
use crate::render::data::views::{ChartView, mark_title, money, quantity, rate, target_path};
use crate::site::SiteData;
use crate::text::dates;

mod tasks;
use tasks::{TaskGroup, tasks_section};

#[derive(Debug, Clone, Serialize)]
struct TargetItem {
    id: String,
    href: String,
    statement: String,
    goal: String,
    value: String,
    period: String,
    verdict: String,
    class: String,
    illustrative: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Row {
    label: String,
    value: String,
}

#[derive(Debug, Clone, Serialize)]
struct Measured {
    name: String,
    value: String,
    period: String,
    locality: String,
    illustrative: bool,
}

#[derive(Debug, Clone, Serialize)]
struct NewsItem {
    title: String,
    href: String,
    date: String,
}

#[derive(Debug, Clone, Serialize)]
struct LocalityRow {
    name: String,
    aggregate: bool,
    targets: String,
    completed: String,
    late: String,
    overdue: String,
    planned: String,
    disbursed: String,
}

/// One numbered section of the report.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Section {
    /// "I", "II"…
    number: String,
    id: String,
    title: String,
    /// Lead sentences (plain text).
    lead: Vec<String>,
    targets: Vec<TargetItem>,
    measured: Vec<Measured>,
    task_groups: Vec<TaskGroup>,
    rows: Vec<Row>,
    news: Vec<NewsItem>,
    documents: Vec<NewsItem>,
    localities: Vec<LocalityRow>,
    chart: Option<ChartView>,
    /// The officer's Markdown, rendered.
    commentary: String,
}

impl Section {
    fn new(id: &str, title: &str) -> Section {
        Section {
            number: String::new(),
            id: id.to_owned(),
            title: title.to_owned(),
            lead: Vec::new(),
            targets: Vec::new(),
            measured: Vec::new(),
            task_groups: Vec::new(),
            rows: Vec::new(),
            news: Vec::new(),
            documents: Vec::new(),
            localities: Vec::new(),
            chart: None,
            commentary: String::new(),
        }
    }
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

fn link(config: &Config, path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{ROOT_MARKER}{}", page_link(path, config.portable))
    }
}

/// The targets section.
fn targets_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Section {
    let w = data.chart_words();
    let set = &data.set;
    let mut s = Section::new("chi-tieu", w.get("chart_rep_targets"));
    let due = f.targets.iter().filter(|t| t.due_in_period).count();
    let (met, measured) = f.targets_met();
    if f.targets.is_empty() {
        s.lead.push(w.get("chart_rep_targets_none").to_owned());
    } else {
        s.lead.push(w.fmt(
            "chart_rep_targets_lead",
            &[
                ("due", &w.int(due)),
                ("measured", &w.int(measured)),
                ("met", &w.int(met)),
            ],
        ));
        let no_data = f
            .targets
            .iter()
            .filter(|t| t.result.is_none() && t.units_met.is_none())
            .count();
        if no_data > 0 {
            s.lead
                .push(w.fmt("chart_rep_targets_no_data", &[("n", &w.int(no_data))]));
        }
    }
    for line in &f.targets {
        let t = &set.targets[line.target];
        let r = line.result.map(|j| &set.results[j]);
        let (verdict, class) = match (line.achieved, r) {
            (Some(true), _) => ("chart_met", "badge badge-dat"),
            (Some(false), _) if line.due_in_period && f.cutoff.complete => {
                ("chart_not_met", "badge badge-chua-dat")
            }
            (Some(false), _) => ("chart_rep_not_met_yet", "badge badge-chua-dat"),
            (None, Some(_)) => ("chart_rep_not_comparable", "badge badge-chua-co"),
            (None, None) => ("chart_no_data", "badge badge-chua-co"),
        };
        s.targets.push(TargetItem {
            id: t.id.clone(),
            href: link(config, &target_path(&t.id)),
            statement: t.statement.clone(),
            goal: crate::render::data::views::target_text_in(t, &w),
            value: match (r, line.units_met) {
                (Some(r), _) => quantity(r.value, t.unit.as_deref(), &w),
                (None, Some((met, n))) => w.fmt(
                    "chart_rep_units_met",
                    &[("met", &w.int(met)), ("n", &w.int(n))],
                ),
                (None, None) => w.get("chart_no_data_short").to_owned(),
            },
            period: r.map(|r| r.period.word(&w)).unwrap_or_default(),
            verdict: w.get(verdict).to_owned(),
            class: class.to_owned(),
            illustrative: line.illustrative,
        });
    }
    let charted: Vec<&report::TargetLine> =
        f.targets.iter().filter(|l| l.result.is_some()).collect();
    if !charted.is_empty() {
        let illustrative = charted.iter().any(|l| l.illustrative);
        let items = charted
            .iter()
            .map(|l| {
                let t = &set.targets[l.target];
                let v = l
                    .result
                    .map(|j| crate::render::data::views::number(set.results[j].value));
                charts::TargetItem {
                    label: format!("{} – {}", t.id, t.statement),
                    value: v,
                    target: crate::render::data::views::number(t.target),
                    unit: t.unit.clone().unwrap_or_default(),
                    comparison: crate::render::data::views::chart_cmp(t),
                    state: Some(if l.achieved == Some(true) {
                        charts::TargetState::Met
                    } else {
                        charts::TargetState::NotMet
                    }),
                    state_label: Some(
                        w.get(if l.achieved == Some(true) {
                            "chart_met"
                        } else {
                            "chart_not_met"
                        })
                        .to_owned(),
                    ),
                    value_label: None,
                }
            })
            .collect();
        s.chart = Some(
            charts::target_progress(&charts::TargetProgress {
                id: format!("bao-cao-{}-chi-tieu", f.period.slug()),
                title: mark_title(
                    w.fmt("chart_rep_chart_targets", &[("period", &f.period.word(&w))]),
                    illustrative,
                    &w,
                ),
                items,
                words: w.clone(),
            })
            .into(),
        );
    }
    for &i in &f.observations {
        let o = &set.observations[i];
        s.measured.push(Measured {
            name: o.indicator.clone(),
            value: quantity(o.value, o.unit.as_deref(), &w),
            period: o.period.word(&w),
            locality: o.locality.clone().unwrap_or_default(),
            illustrative: o.illustrative,
        });
    }
    s
}

/// The budget section.
fn budget_section(f: &ReportFigures, w: &Words) -> Section {
    let mut s = Section::new("kinh-phi", w.get("chart_rep_budget"));
    let year = f.period.year().to_string();
    let Some(b) = f.budget else {
        s.lead
            .push(w.fmt("chart_rep_budget_none", &[("year", &year)]));
        return s;
    };
    if f.period.kind() != report::ReportKind::Year {
        s.lead
            .push(w.fmt("chart_rep_budget_yearly", &[("year", &year)]));
    }
    let mark = if b.illustrative {
        w.get("chart_marked")
    } else {
        ""
    };
    s.rows.push(Row {
        label: w.fmt("chart_rep_planned_year", &[("year", &year)]),
        value: format!("{}{mark}", money(b.planned, w)),
    });
    s.rows.push(Row {
        label: w.get("chart_disbursed").to_owned(),
        value: if b.disbursed_unknown == b.lines {
            w.get("chart_no_data_short").to_owned()
        } else if b.disbursed_unknown > 0 {
            w.fmt(
                "chart_rep_disbursed_partly",
                &[
                    ("amount", &money(b.disbursed, w)),
                    ("mark", mark),
                    ("unknown", &w.int(b.disbursed_unknown)),
                    ("lines", &w.int(b.lines)),
                ],
            )
        } else {
            format!("{}{mark}", money(b.disbursed, w))
        },
    });
    s.rows.push(Row {
        label: w.get("chart_col_rate").to_owned(),
        value: match b.rate() {
            Some(r) => format!("{}{mark}", rate(Some(r), w)),
            None => w.get("chart_rep_rate_unknown").to_owned(),
        },
    });
    s
}

/// The DTI section (a year report on a site with scores).
fn dti_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Option<Section> {
    if data.set.indicators.is_empty() {
        return None;
    }
    let w = data.chart_words();
    let mut s = Section::new("chi-so-dti", w.get("chart_rep_dti"));
    let year = f.period.year();
    let year_text = year.to_string();
    if f.period.kind() != report::ReportKind::Year {
        s.lead
            .push(w.fmt("chart_rep_dti_yearly", &[("year", &year_text)]));
        return Some(s);
    }
    match data.computed.dti.iter().find(|y| y.year == year) {
        None => s
            .lead
            .push(w.fmt("chart_rep_dti_none", &[("year", &year_text)])),
        Some(y) => {
            let illustrative = data
                .set
                .scores
                .iter()
                .any(|sc| sc.year == year && sc.locality.is_none() && sc.illustrative);
            let mark = if illustrative {
                w.get("chart_marked")
            } else {
                ""
            };
            // The site's own score (0011: scores are never summed across
            // localities), said so on a many-unit site.
            let own = unit_name(config);
            let whose = if data.computed.localities.is_empty() || own.is_empty() {
                String::new()
            } else {
                w.fmt("chart_rep_dti_whose", &[("unit", &own)])
            };
            s.rows.push(Row {
                label: w.fmt(
                    "chart_rep_dti_total",
                    &[("year", &year_text), ("whose", &whose)],
                ),
                value: format!(
                    "{}{mark}",
                    w.fmt(
                        "chart_points_of",
                        &[
                            ("points", &w.dec(y.total.points, 2)),
                            ("max", &w.dec(y.total.max, 2)),
                        ],
                    )
                ),
            });
            s.rows.push(Row {
                label: w.get("chart_rep_dti_source").to_owned(),
                value: w
                    .get(if y.official {
                        "chart_rep_dti_official"
                    } else {
                        "chart_rep_dti_self"
                    })
                    .to_owned(),
            });
        }
    }
    Some(s)
}

/// News posts and documents of the period (as of the cut-off).
fn news_section(content: &Content, config: &Config, f: &ReportFigures, w: &Words) -> Section {
    let mut s = Section::new("tin-tuc", w.get("chart_rep_news"));
    let within = |d: Date| f.period.start() <= d && d <= f.cutoff.last_day;
    let mut pages: Vec<&Page> = content
        .pages
        .iter()
        .map(|p| &**p)
        .filter(|p| p.published && p.translation_of.is_none())
        .collect();
    pages.sort_by(|a, b| (a.date, &a.path).cmp(&(b.date, &b.path)));
    for p in pages {
        match p.kind {
            PageKind::Post if p.section != crate::site::BULLETIN_SECTION => {
                if let Some(d) = p.date_value().filter(|&d| within(d)) {
                    s.news.push(NewsItem {
                        title: p.title.clone(),
                        href: link(config, &p.path),
                        date: dates::short(d),
                    });
                }
            }
            PageKind::Document => {
                if let Some(d) = p.fm.issued.or(p.date_value()).filter(|&d| within(d)) {
                    s.documents.push(NewsItem {
                        title: match &p.fm.number {
                            Some(n) => format!("{n}: {}", p.title),
                            None => p.title.clone(),
                        },
                        href: link(config, &p.path),
                        date: dates::short(d),
                    });
                }
            }
            _ => {}
        }
    }
    if s.news.is_empty() && s.documents.is_empty() {
        s.lead.push(w.get("chart_rep_news_none").to_owned());
    } else {
        let posts = w.int(s.news.len());
        let documents = w.int(s.documents.len());
        s.lead.push(w.fmt(
            "chart_rep_news_lead",
            &[("posts", &posts), ("documents", &documents)],
        ));
    }
    s
}

fn locality_row(name: String, aggregate: bool, f: &ReportFigures, w: &Words) -> LocalityRow {
    let (met, measured) = f.targets_met();
    let no_data = || w.get("chart_no_data_short").to_owned();
    LocalityRow {
        name,
        aggregate,
        targets: if measured == 0 {
            no_data()
        } else {
            format!("{}/{}", w.int(met), w.int(measured))
        },
        completed: w.int(f.count(TaskOutcome::Completed) + f.count(TaskOutcome::CompletedLate)),
        late: w.int(f.count(TaskOutcome::CompletedLate)),
        overdue: match f.count(TaskOutcome::DueUnreported) {
            0 => w.int(f.count(TaskOutcome::Overdue)),
            n => w.fmt(
                "chart_rep_overdue_unreported",
                &[
                    ("n", &w.int(f.count(TaskOutcome::Overdue))),
                    ("m", &w.int(n)),
                ],
            ),
        },
        planned: f.budget.map_or_else(no_data, |b| money(b.planned, w)),
        disbursed: f.budget.map_or_else(no_data, |b| {
            if b.disbursed_unknown == b.lines {
                no_data()
            } else {
                money(b.disbursed, w)
            }
        }),
    }
}

/// Units side by side on a many-unit site, with the aggregate row.
fn localities_section(
    data: &SiteData,
    config: &Config,
    aggregate: &ReportFigures,
    facts: &report::PeriodFacts<'_>,
    today: Date,
) -> Option<Section> {
    let names: Vec<&str> = data
        .computed
        .localities
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    if names.is_empty() {
        return None;
    }
    let w = data.chart_words();
    let mut s = Section::new("dia-phuong", w.get("chart_rep_localities"));
    s.lead.push(w.get("chart_rep_localities_lead").to_owned());
    let own = unit_name(config);
    // Every row of the period shares one pass over the results (the
    // aggregate's).
    let own_figures = report::figures_in(&data.set, facts, Scope::Locality(None), today);
    if !own_figures.is_empty() {
        s.localities.push(locality_row(
            if own.is_empty() {
                w.get("chart_col_unit").to_owned()
            } else {
                crate::render::data::views::capitalize(&own)
            },
            false,
            &own_figures,
            &w,
        ));
    }
    for name in names {
        let f = report::figures_in(&data.set, facts, Scope::Locality(Some(name)), today);
        s.localities
            .push(locality_row(name.to_owned(), false, &f, &w));
    }
    s.localities.push(locality_row(
        w.get("chart_rep_combined").to_owned(),
        true,
        aggregate,
        &w,
    ));
    Some(s)
}

/// Every section of one report, numbered.
pub(super) fn sections(
    content: &Content,
    data: &SiteData,
    config: &Config,
    f: &ReportFigures,
    facts: &report::PeriodFacts<'_>,
    commentary: Option<&Page>,
    today: Date,
) -> Vec<Section> {
    let w = data.chart_words();
    let mut out = vec![
        targets_section(data, config, f),
        tasks_section(data, config, f),
        budget_section(f, &w),
    ];
    out.extend(dti_section(data, config, f));
    out.extend(localities_section(data, config, f, facts, today));
    out.push(news_section(content, config, f, &w));
    if let Some(c) = commentary {
        let mut s = Section::new("nhan-xet", w.get("chart_rep_commentary"));
        s.commentary = c.body.html.clone();
        out.push(s);
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.number = ROMAN.get(i).copied().unwrap_or("X").to_owned();
    }
    out
}
