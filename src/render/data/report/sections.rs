//! The numbered sections of a periodic report (targets, tasks, budget, DTI,
//! localities, news, commentary) as view structs for `report_body.html`:
//! every figure comes from [`crate::data::compute::report`], formatted here.

use crate::render::data::wording::Worded;
use jiff::civil::Date;
use serde::Serialize;

use super::unit_name;
use crate::charts;
use crate::config::Config;
use crate::content::markdown::{ROOT_MARKER, page_link};
use crate::content::{Content, Page, PageKind};
use crate::data::compute::report::{self, ReportFigures, Scope, TaskOutcome};
use crate::render::data::views::{ChartView, mark_title, money, quantity, rate, target_path};
use crate::site::SiteData;
use crate::text::dates;
use crate::text::numbers::format_integer;

mod tasks;
use tasks::{TaskGroup, tasks_section};

/// The words of the report. A periodic report follows the Vietnamese
/// administrative form and is written in Vietnamese on every site for now
/// (English wording of reports is not done yet: issue #17), so its periods,
/// states and charts are Vietnamese too rather than mixed.
fn report_words() -> std::sync::Arc<crate::charts::Words> {
    crate::charts::Words::vietnamese()
}

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

pub(super) fn int(n: usize) -> String {
    format_integer(n as i64)
}

/// The targets section.
fn targets_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Section {
    let w = report_words();
    let set = &data.set;
    let mut s = Section::new("chi-tieu", "Kết quả thực hiện các chỉ tiêu");
    let due = f.targets.iter().filter(|t| t.due_in_period).count();
    let (met, measured) = f.targets_met();
    if f.targets.is_empty() {
        s.lead.push(
            "Trong kỳ không có chỉ tiêu đến hạn và chưa có số liệu kết quả của chỉ tiêu nào."
                .into(),
        );
    } else {
        s.lead.push(format!(
            "Trong kỳ có {} chỉ tiêu đến hạn; {} chỉ tiêu có số liệu kết quả, trong đó {} chỉ tiêu đạt mục tiêu.",
            int(due),
            int(measured),
            int(met),
        ));
        let no_data = f
            .targets
            .iter()
            .filter(|t| t.result.is_none() && t.units_met.is_none())
            .count();
        if no_data > 0 {
            s.lead.push(format!(
                "{} chỉ tiêu chưa có số liệu kết quả trong kỳ.",
                int(no_data)
            ));
        }
    }
    for line in &f.targets {
        let t = &set.targets[line.target];
        let r = line.result.map(|j| &set.results[j]);
        let (verdict, class) = match (line.achieved, r) {
            (Some(true), _) => ("Đạt", "badge badge-dat"),
            (Some(false), _) if line.due_in_period && f.cutoff.complete => {
                ("Chưa đạt", "badge badge-chua-dat")
            }
            (Some(false), _) => ("Chưa đạt (chưa đến hạn)", "badge badge-chua-dat"),
            (None, Some(_)) => ("Không so sánh được", "badge badge-chua-co"),
            (None, None) => ("Chưa có số liệu", "badge badge-chua-co"),
        };
        s.targets.push(TargetItem {
            id: t.id.clone(),
            href: link(config, &target_path(&t.id)),
            statement: t.statement.clone(),
            goal: crate::render::data::views::target_text(t),
            value: match (r, line.units_met) {
                (Some(r), _) => quantity(r.value, t.unit.as_deref(), &w),
                (None, Some((met, n))) => {
                    format!("{}/{} địa phương có số liệu đạt", int(met), int(n))
                }
                (None, None) => "chưa có số liệu".to_owned(),
            },
            period: r.map(|r| r.period.word(&w)).unwrap_or_default(),
            verdict: verdict.to_owned(),
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
                    state_label: Some(if l.achieved == Some(true) {
                        "Đạt".to_owned()
                    } else {
                        "Chưa đạt".to_owned()
                    }),
                    value_label: None,
                }
            })
            .collect();
        s.chart = Some(
            charts::target_progress(&charts::TargetProgress {
                id: format!("bao-cao-{}-chi-tieu", f.period.slug()),
                title: mark_title(
                    format!("Kết quả so với mục tiêu, {}", f.period.word(&w)),
                    illustrative,
                    &w,
                ),
                items,
                words: report_words(),
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
fn budget_section(f: &ReportFigures) -> Section {
    let w = crate::charts::Words::vietnamese();
    let mut s = Section::new("kinh-phi", "Kinh phí thực hiện");
    let year = f.period.year();
    let Some(b) = f.budget else {
        s.lead.push(format!("Chưa có số liệu kinh phí năm {year}."));
        return s;
    };
    if f.period.kind() != report::ReportKind::Year {
        s.lead.push(format!(
            "Kinh phí được ghi theo năm, chưa tách theo kỳ báo cáo: số liệu dưới đây là của cả năm {year}."
        ));
    }
    let mark = if b.illustrative { " (minh họa)" } else { "" };
    s.rows.push(Row {
        label: format!("Kế hoạch kinh phí năm {year}"),
        value: format!("{}{mark}", money(b.planned, &w)),
    });
    s.rows.push(Row {
        label: "Đã giải ngân".into(),
        value: if b.disbursed_unknown == b.lines {
            "chưa có số liệu".into()
        } else if b.disbursed_unknown > 0 {
            format!(
                "{}{mark} (chưa có số liệu của {} trên {} khoản)",
                money(b.disbursed, &w),
                int(b.disbursed_unknown),
                int(b.lines)
            )
        } else {
            format!("{}{mark}", money(b.disbursed, &w))
        },
    });
    s.rows.push(Row {
        label: "Tỷ lệ giải ngân".into(),
        value: match b.rate() {
            Some(r) => format!("{}{mark}", rate(Some(r))),
            None => "chưa tính được (thiếu số liệu giải ngân)".into(),
        },
    });
    s
}

/// The DTI section (a year report on a site with scores).
fn dti_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Option<Section> {
    if data.set.indicators.is_empty() {
        return None;
    }
    let mut s = Section::new("chi-so-dti", "Chỉ số chuyển đổi số (DTI)");
    let year = f.period.year();
    if f.period.kind() != report::ReportKind::Year {
        s.lead.push(format!(
            "Chỉ số DTI được chấm theo năm: xem báo cáo năm {year}."
        ));
        return Some(s);
    }
    match data.computed.dti.iter().find(|y| y.year == year) {
        None => s.lead.push(format!("Chưa có điểm DTI năm {year}.")),
        Some(y) => {
            let illustrative = data
                .set
                .scores
                .iter()
                .any(|sc| sc.year == year && sc.locality.is_none() && sc.illustrative);
            let mark = if illustrative { " (minh họa)" } else { "" };
            // The site's own score (0011: scores are never summed across
            // localities), said so on a many-unit site.
            let own = unit_name(config);
            let whose = if data.computed.localities.is_empty() || own.is_empty() {
                String::new()
            } else {
                format!(" của {own}")
            };
            s.rows.push(Row {
                label: format!("Tổng điểm năm {year}{whose}"),
                value: format!(
                    "{} / {} điểm{mark}",
                    crate::text::numbers::format_decimal(y.total.points, 2),
                    crate::text::numbers::format_decimal(y.total.max, 2)
                ),
            });
            s.rows.push(Row {
                label: "Nguồn điểm".into(),
                value: if y.official {
                    "điểm chính thức".into()
                } else {
                    "có điểm tự đánh giá".into()
                },
            });
        }
    }
    Some(s)
}

/// News posts and documents of the period (as of the cut-off).
fn news_section(content: &Content, config: &Config, f: &ReportFigures) -> Section {
    let mut s = Section::new("tin-tuc", "Thông tin, văn bản trong kỳ");
    let within = |d: Date| f.period.start() <= d && d <= f.cutoff.last_day;
    let mut pages: Vec<&Page> = content
        .pages
        .iter()
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
        s.lead
            .push("Trong kỳ trang không đăng tin bài hay văn bản nào.".into());
    } else {
        s.lead.push(format!(
            "Trong kỳ trang đăng {} tin bài và {} văn bản.",
            int(s.news.len()),
            int(s.documents.len())
        ));
    }
    s
}

fn locality_row(name: String, aggregate: bool, f: &ReportFigures) -> LocalityRow {
    let w = crate::charts::Words::vietnamese();
    let (met, measured) = f.targets_met();
    LocalityRow {
        name,
        aggregate,
        targets: if measured == 0 {
            "chưa có số liệu".into()
        } else {
            format!("{}/{}", int(met), int(measured))
        },
        completed: int(f.count(TaskOutcome::Completed) + f.count(TaskOutcome::CompletedLate)),
        late: int(f.count(TaskOutcome::CompletedLate)),
        overdue: match f.count(TaskOutcome::DueUnreported) {
            0 => int(f.count(TaskOutcome::Overdue)),
            n => format!(
                "{} (và {} hết hạn chưa báo cáo)",
                int(f.count(TaskOutcome::Overdue)),
                int(n)
            ),
        },
        planned: f
            .budget
            .map_or("chưa có số liệu".into(), |b| money(b.planned, &w)),
        disbursed: f.budget.map_or("chưa có số liệu".into(), |b| {
            if b.disbursed_unknown == b.lines {
                "chưa có số liệu".into()
            } else {
                money(b.disbursed, &w)
            }
        }),
    }
}

/// Units side by side on a many-unit site, with the aggregate row.
fn localities_section(
    data: &SiteData,
    config: &Config,
    aggregate: &ReportFigures,
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
    let mut s = Section::new("dia-phuong", "Kết quả theo địa phương");
    s.lead.push(
        "Mỗi dòng là số liệu riêng của một đơn vị; dòng cuối là tổng hợp chung của tất cả các dòng. Chỉ tiêu: số kết quả đạt trên số kết quả có trong kỳ.".into(),
    );
    let own = unit_name(config);
    // Every row of the period shares one pass over the results.
    let facts = report::PeriodFacts::new(&data.set, aggregate.period);
    let own_figures = report::figures_in(&data.set, &facts, Scope::Locality(None), today);
    if !own_figures.is_empty() {
        s.localities.push(locality_row(
            if own.is_empty() {
                "Đơn vị".into()
            } else {
                crate::render::data::views::capitalize(&own)
            },
            false,
            &own_figures,
        ));
    }
    for name in names {
        let f = report::figures_in(&data.set, &facts, Scope::Locality(Some(name)), today);
        s.localities.push(locality_row(name.to_owned(), false, &f));
    }
    s.localities
        .push(locality_row("Tổng hợp chung".into(), true, aggregate));
    Some(s)
}

/// Every section of one report, numbered.
pub(super) fn sections(
    content: &Content,
    data: &SiteData,
    config: &Config,
    f: &ReportFigures,
    commentary: Option<&Page>,
    today: Date,
) -> Vec<Section> {
    let mut out = vec![
        targets_section(data, config, f),
        tasks_section(data, config, f),
        budget_section(f),
    ];
    out.extend(dti_section(data, config, f));
    out.extend(localities_section(data, config, f, today));
    out.push(news_section(content, config, f));
    if let Some(c) = commentary {
        let mut s = Section::new("nhan-xet", "Nhận xét, đánh giá");
        s.commentary = c.body.html.clone();
        out.push(s);
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.number = ROMAN.get(i).copied().unwrap_or("X").to_owned();
    }
    out
}
