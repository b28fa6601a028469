//! Periodic reports ("Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2025 của
//! huyện Châu Thành"): one page per period with data under `bao-cao/<kỳ>/`
//! (`nam-2025`, `6-thang-dau-nam-2025`, `quy-3-nam-2026`), built from the
//! figures of [`crate::data::compute::report`] through the overridable
//! template `report_body.html`, plus the `bao-cao/` list (generated unless
//! `content/bao-cao/_index.md` exists).
//!
//! Reports are pages of kind `Page` in their own section, so they never join
//! the news list: a finished period's report is dated its last day and is
//! announced in the section's own feeds (`bao-cao/atom.xml`, `feed.json`);
//! a period not over yet is published undated ("tính đến ngày …", changing
//! with every build) and stays out of the feeds until the period is over.
//!
//! An officer's commentary is the Markdown file at the report's address,
//! `content/bao-cao/<kỳ>.md`: its body becomes the section "Nhận xét, đánh
//! giá" and the file is not published on its own. A file there that names
//! no generated report is a warning saying why and how to name it.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;
use tera::{Context, Tera};

use crate::charts;
use crate::config::Config;
use crate::content::frontmatter::{FrontMatter, PageDate};
use crate::content::markdown::{ROOT_MARKER, Rendered, page_link};
use crate::content::{Content, Page, PageKind};
use crate::data::compute::report::{
    self, ReportFigures, ReportPeriod, Scope, TaskLine, TaskOutcome,
};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::data::views::{ChartView, mark_title, money, quantity, rate, target_path};
use crate::render::engine::theme::Theme;
use crate::site::SiteData;
use crate::site::identities::unit_href_path;
use crate::text::dates;
use crate::text::escape::html;
use crate::text::numbers::format_integer;

/// The reports' section.
pub const REPORTS: &str = crate::site::generated::REPORTS;

/// The report pages and open-data files a build makes (for links from
/// posts): `bao-cao/`, `bao-cao/nam-2025/`…, `du-lieu/bao-cao.csv|json`.
pub fn generated_paths(data: &SiteData, config: &Config, today: Date) -> Vec<String> {
    let periods = report::periods(&data.set, &config.bao_cao.kinds(), today);
    if periods.is_empty() {
        return Vec::new();
    }
    let mut out = vec![REPORTS.to_owned()];
    out.extend(periods.into_iter().map(report_path));
    for ext in ["csv", "json"] {
        out.push(format!(
            "{}bao-cao.{ext}",
            crate::site::generated::OPEN_DATA
        ));
    }
    out
}

/// The address of a period's report: `bao-cao/nam-2025/`.
pub fn report_path(period: ReportPeriod) -> String {
    format!("{REPORTS}{}/", period.slug())
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
struct TaskItem {
    id: String,
    statement: String,
    lead: String,
    href: String,
    deadline: String,
    detail: String,
    illustrative: bool,
}

#[derive(Debug, Clone, Serialize)]
struct TaskGroup {
    title: String,
    items: Vec<TaskItem>,
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
struct Section {
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

/// "phường Sông Trí" from "UBND phường Sông Trí".
pub fn unit_name(config: &Config) -> String {
    let unit = config.unit.trim();
    for prefix in ["UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "] {
        if unit.len() > prefix.len()
            && unit.is_char_boundary(prefix.len())
            && unit[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return unit[prefix.len()..].trim().to_owned();
        }
        if let Some(rest) = unit.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    unit.to_owned()
}

/// "Báo cáo kết quả chuyển đổi số năm 2025 của phường Sông Trí".
pub fn report_title(config: &Config, period: ReportPeriod) -> String {
    let unit = unit_name(config);
    if unit.is_empty() {
        format!("Báo cáo kết quả chuyển đổi số {}", period.label())
    } else {
        format!(
            "Báo cáo kết quả chuyển đổi số {} của {unit}",
            period.label()
        )
    }
}

fn link(config: &Config, path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{ROOT_MARKER}{}", page_link(path, config.portable))
    }
}

fn int(n: usize) -> String {
    format_integer(n as i64)
}

/// The targets section.
fn targets_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Section {
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
                (Some(r), _) => quantity(r.value, t.unit.as_deref()),
                (None, Some((met, n))) => {
                    format!("{}/{} địa phương có số liệu đạt", int(met), int(n))
                }
                (None, None) => "chưa có số liệu".to_owned(),
            },
            period: r.map(|r| r.period.label()).unwrap_or_default(),
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
                    format!("Kết quả so với mục tiêu, {}", f.period.label()),
                    illustrative,
                ),
                items,
            })
            .into(),
        );
    }
    for &i in &f.observations {
        let o = &set.observations[i];
        s.measured.push(Measured {
            name: o.indicator.clone(),
            value: quantity(o.value, o.unit.as_deref()),
            period: o.period.label(),
            locality: o.locality.clone().unwrap_or_default(),
            illustrative: o.illustrative,
        });
    }
    s
}

fn task_item(data: &SiteData, config: &Config, l: &TaskLine) -> TaskItem {
    let t = &data.set.tasks[l.task];
    let detail = match l.outcome {
        TaskOutcome::Completed | TaskOutcome::CompletedLate => t
            .completed
            .map(|c| format!("hoàn thành ngày {}", dates::short(c)))
            .unwrap_or_default(),
        TaskOutcome::Overdue => l
            .days_overdue
            .map(|d| format!("quá hạn {} ngày", format_integer(i64::from(d))))
            .unwrap_or_default(),
        TaskOutcome::Open => "chưa đến hạn".to_owned(),
        TaskOutcome::DoneUndated => "báo cáo hoàn thành, không ghi ngày".to_owned(),
    };
    TaskItem {
        id: t.id.clone(),
        statement: match &t.locality {
            Some(l) => format!("{} ({l})", t.statement),
            None => t.statement.clone(),
        },
        lead: t.lead.clone(),
        href: link(config, &unit_href_path(data, &t.lead)),
        deadline: t.deadline.map(|d| d.label()).unwrap_or_default(),
        detail,
        illustrative: t.illustrative,
    }
}

/// The tasks section.
fn tasks_section(data: &SiteData, config: &Config, f: &ReportFigures) -> Section {
    let mut s = Section::new("nhiem-vu", "Tình hình thực hiện nhiệm vụ");
    let count = |o| f.count(o);
    let as_of = dates::short(f.cutoff.last_day);
    // A finished period counts its whole last day; one not over yet is
    // judged on the build date (a task due today is not overdue yet).
    let until = if f.cutoff.complete {
        format!("hết ngày {as_of}")
    } else {
        format!("ngày {as_of}")
    };
    if f.tasks.is_empty() {
        s.lead.push(
            "Trong kỳ không có nhiệm vụ đến hạn, hoàn thành hay quá hạn (chưa có số liệu).".into(),
        );
        return s;
    }
    s.lead.push(format!(
        "Trong kỳ hoàn thành {} nhiệm vụ ({} đúng hạn, {} trễ hạn); tính đến {until}, {} nhiệm vụ quá hạn chưa có báo cáo hoàn thành{}.",
        int(count(TaskOutcome::Completed) + count(TaskOutcome::CompletedLate)),
        int(count(TaskOutcome::Completed)),
        int(count(TaskOutcome::CompletedLate)),
        int(count(TaskOutcome::Overdue)),
        if count(TaskOutcome::Open) > 0 {
            format!(
                "; {} nhiệm vụ đến hạn trong kỳ chưa đến hạn",
                int(count(TaskOutcome::Open))
            )
        } else {
            String::new()
        },
    ));
    if count(TaskOutcome::DoneUndated) > 0 {
        s.lead.push(format!(
            "{} nhiệm vụ đến hạn trong kỳ được báo cáo hoàn thành nhưng không ghi ngày hoàn thành, nên không xác định được hoàn thành đúng hạn hay trễ hạn.",
            int(count(TaskOutcome::DoneUndated))
        ));
    }
    for (outcome, title) in [
        (TaskOutcome::Completed, "Nhiệm vụ hoàn thành đúng hạn"),
        (TaskOutcome::CompletedLate, "Nhiệm vụ hoàn thành trễ hạn"),
        (TaskOutcome::Overdue, "Nhiệm vụ quá hạn"),
        (TaskOutcome::Open, "Nhiệm vụ đến hạn trong kỳ, chưa đến hạn"),
        (
            TaskOutcome::DoneUndated,
            "Nhiệm vụ báo cáo hoàn thành, không ghi ngày",
        ),
    ] {
        let items: Vec<TaskItem> = f
            .tasks
            .iter()
            .filter(|l| l.outcome == outcome)
            .map(|l| task_item(data, config, l))
            .collect();
        if !items.is_empty() {
            s.task_groups.push(TaskGroup {
                title: format!("{title} ({})", int(items.len())),
                items,
            });
        }
    }
    let illustrative = f.tasks.iter().any(|l| data.set.tasks[l.task].illustrative);
    let counts = charts::TaskCounts {
        done: count(TaskOutcome::Completed) as u32,
        done_late: count(TaskOutcome::CompletedLate) as u32,
        overdue: count(TaskOutcome::Overdue) as u32,
        in_progress: count(TaskOutcome::Open) as u32,
        ..charts::TaskCounts::default()
    };
    s.chart = Some(
        charts::task_states(&charts::TaskStates {
            id: format!("bao-cao-{}-nhiem-vu", f.period.slug()),
            title: mark_title(
                format!(
                    "Nhiệm vụ trong kỳ theo tình trạng, tính đến {until}{}",
                    if count(TaskOutcome::DoneUndated) > 0 {
                        " (không kể nhiệm vụ không ghi ngày hoàn thành)"
                    } else {
                        ""
                    }
                ),
                illustrative,
            ),
            groups: vec![charts::TaskGroup {
                label: String::new(),
                counts,
            }],
        })
        .into(),
    );
    s
}

/// The budget section.
fn budget_section(f: &ReportFigures) -> Section {
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
        value: format!("{}{mark}", money(b.planned)),
    });
    s.rows.push(Row {
        label: "Đã giải ngân".into(),
        value: if b.disbursed_unknown == b.lines {
            "chưa có số liệu".into()
        } else if b.disbursed_unknown > 0 {
            format!(
                "{}{mark} (chưa có số liệu của {} trên {} khoản)",
                money(b.disbursed),
                int(b.disbursed_unknown),
                int(b.lines)
            )
        } else {
            format!("{}{mark}", money(b.disbursed))
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
fn dti_section(data: &SiteData, f: &ReportFigures) -> Option<Section> {
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
            s.rows.push(Row {
                label: format!("Tổng điểm năm {year}"),
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
        overdue: int(f.count(TaskOutcome::Overdue)),
        planned: f
            .budget
            .map_or("chưa có số liệu".into(), |b| money(b.planned)),
        disbursed: f.budget.map_or("chưa có số liệu".into(), |b| {
            if b.disbursed_unknown == b.lines {
                "chưa có số liệu".into()
            } else {
                money(b.disbursed)
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
    let own_figures = report::figures(&data.set, aggregate.period, Scope::Locality(None), today);
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
        let f = report::figures(
            &data.set,
            aggregate.period,
            Scope::Locality(Some(name)),
            today,
        );
        s.localities.push(locality_row(name.to_owned(), false, &f));
    }
    s.localities
        .push(locality_row("Tổng hợp chung".into(), true, aggregate));
    Some(s)
}

/// Every section of one report, numbered.
fn sections(
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
    out.extend(dti_section(data, f));
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

/// One-line summary for lists, feeds and the description.
fn summary(f: &ReportFigures) -> String {
    let (met, measured) = f.targets_met();
    let mut parts = Vec::new();
    if !f.targets.is_empty() {
        parts.push(if measured == 0 {
            format!("{} chỉ tiêu, chưa có số liệu kết quả", int(f.targets.len()))
        } else {
            format!(
                "{} chỉ tiêu đạt trên {} chỉ tiêu có số liệu",
                int(met),
                int(measured)
            )
        });
    }
    if !f.observations.is_empty() {
        parts.push(format!("{} chỉ số đo lường", int(f.observations.len())));
    }
    if !f.tasks.is_empty() {
        parts.push(format!(
            "{} nhiệm vụ hoàn thành, {} quá hạn",
            int(f.count(TaskOutcome::Completed) + f.count(TaskOutcome::CompletedLate)),
            int(f.count(TaskOutcome::Overdue))
        ));
    }
    if let Some(b) = f.budget {
        parts.push(format!("kế hoạch kinh phí năm {}", money(b.planned)));
    }
    if parts.is_empty() {
        parts.push("chưa có số liệu".into());
    }
    let head = if f.cutoff.complete {
        format!(
            "Từ {} đến {}",
            dates::short(f.period.start()),
            dates::short(f.period.end())
        )
    } else {
        format!(
            "Kỳ chưa kết thúc, số liệu tính đến ngày {}",
            dates::short(f.cutoff.last_day)
        )
    };
    format!("{head}: {}.", parts.join("; "))
}

/// Whether any figure shown is illustrative.
fn any_illustrative(data: &SiteData, f: &ReportFigures) -> bool {
    f.targets.iter().any(|t| t.illustrative)
        || f.tasks.iter().any(|l| data.set.tasks[l.task].illustrative)
        || f.budget.is_some_and(|b| b.illustrative)
        || f.observations
            .iter()
            .any(|&i| data.set.observations[i].illustrative)
}

/// Finds the commentary pages in `content/bao-cao/`, takes out those of a
/// generated report (returned by period) and warns about the others.
fn take_commentaries(
    content: &mut Content,
    periods: &[ReportPeriod],
    config: &Config,
    has_data: bool,
    diags: &mut Diagnostics,
) -> Vec<(ReportPeriod, Page)> {
    let mut taken = Vec::new();
    let mut keep = Vec::with_capacity(content.pages.len());
    for page in std::mem::take(&mut content.pages) {
        let slug = page
            .path
            .strip_prefix(REPORTS)
            .map(|s| s.trim_end_matches('/'))
            .filter(|s| !s.is_empty() && !s.contains('/'));
        let Some(slug) = slug.filter(|_| page.published && page.kind != PageKind::Section) else {
            keep.push(page);
            continue;
        };
        match ReportPeriod::from_slug(slug) {
            Some(p) if periods.contains(&p) => taken.push((p, page)),
            found => {
                if has_data || found.is_some() {
                    diags.push(commentary_warning(&page, slug, found, periods, config));
                }
                keep.push(page);
            }
        }
    }
    content.pages = keep;
    taken
}

fn commentary_warning(
    page: &Page,
    slug: &str,
    found: Option<ReportPeriod>,
    periods: &[ReportPeriod],
    config: &Config,
) -> Diagnostic {
    let names: Vec<String> = periods.iter().map(|p| p.slug()).collect();
    let list = if names.is_empty() {
        "hiện chưa có báo cáo nào".to_owned()
    } else {
        format!(
            "các báo cáo hiện có: {}",
            names
                .iter()
                .map(|n| format!("{n}.md"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let (message, hint) = match found {
        Some(p) => {
            let why = if !config.bao_cao.enabled {
                "báo cáo định kỳ đang tắt ([bao_cao] enabled = false trong minhbach.toml)"
                    .to_owned()
            } else if !config.bao_cao.kinds().contains(&p.kind()) {
                format!(
                    "kỳ này không có trong [bao_cao] ky của minhbach.toml (đang là: {})",
                    config.bao_cao.ky.join(", ")
                )
            } else {
                "kỳ này chưa bắt đầu hoặc chưa có số liệu (chỉ tiêu, nhiệm vụ, kết quả, kinh phí)"
                    .to_owned()
            };
            (
                format!(
                    "tệp nhận xét cho báo cáo {} nhưng không có báo cáo kỳ này: {why}; tệp được đăng như một trang thường",
                    p.label()
                ),
                format!(
                    "bổ sung số liệu của kỳ, hoặc đổi tên tệp theo một báo cáo có sẵn ({list})"
                ),
            )
        }
        None => {
            let known: Vec<&str> = names.iter().map(String::as_str).collect();
            let near = crate::suggest::nearest(slug, &known, 4)
                .map(|n| format!("có phải ý bạn là {n}.md? "))
                .unwrap_or_default();
            (
                format!(
                    "tên tệp “{slug}” trong thư mục bao-cao/ không phải tên một kỳ báo cáo; tệp được đăng như một trang thường, không ghép vào báo cáo nào"
                ),
                format!(
                    "{near}đặt tên tệp nhận xét theo kỳ: nam-2025.md, 6-thang-dau-nam-2026.md, 6-thang-cuoi-nam-2026.md, quy-1-nam-2026.md ({list})"
                ),
            )
        }
    };
    Diagnostic::warning(&page.display, message).hint(hint)
}

/// The report pages (and the `bao-cao/` section page unless the site has
/// one): commentary files are taken out of `content` and merged in.
pub fn reports(
    content: &mut Content,
    data: Option<&SiteData>,
    config: &Config,
    today: Date,
    tera: Option<&Tera>,
    theme: &Theme,
    diags: &mut Diagnostics,
) -> Vec<Page> {
    let periods = match data {
        Some(d) => report::periods(&d.set, &config.bao_cao.kinds(), today),
        None => Vec::new(),
    };
    let commentaries = take_commentaries(content, &periods, config, data.is_some(), diags);
    let (Some(data), Some(tera)) = (data, tera) else {
        return Vec::new();
    };
    let taken = |path: &str| content.pages.iter().any(|p| p.path == path);
    let mut out = Vec::new();
    for (order, period) in periods.into_iter().enumerate() {
        let path = report_path(period);
        if taken(&path) {
            continue;
        }
        let f = report::figures(&data.set, period, Scope::All, today);
        let commentary = commentaries
            .iter()
            .find(|(p, _)| *p == period)
            .map(|(_, page)| page);
        let mut title = report_title(config, period);
        if !f.cutoff.complete {
            title = format!(
                "{title} (tính đến ngày {})",
                dates::short(f.cutoff.last_day)
            );
        }
        let description = commentary
            .and_then(|c| c.fm.description.clone())
            .unwrap_or_else(|| summary(&f));
        let multi = !data.computed.localities.is_empty();
        let mut c = Context::new();
        c.insert("t", theme.strings_for(&config.language));
        c.insert("title", &title);
        c.insert("unit", &unit_name(config));
        c.insert("period", &period.label());
        c.insert("from", &dates::short(period.start()));
        c.insert("to", &dates::short(period.end()));
        c.insert("complete", &f.cutoff.complete);
        c.insert("as_of", &dates::short(f.cutoff.last_day));
        c.insert("aggregate", &multi);
        c.insert("illustrative", &any_illustrative(data, &f));
        c.insert(
            "sections",
            &sections(content, data, config, &f, commentary, today),
        );
        let body = match tera.render("report_body.html", &c) {
            Ok(b) => b,
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        "templates/report_body.html",
                        format!("lỗi mẫu giao diện báo cáo định kỳ: {e}"),
                    )
                    .hint("sửa mẫu report_body.html, hoặc xoá bản ghi đè để dùng mẫu mặc định"),
                );
                return Vec::new();
            }
        };
        let fm = FrontMatter {
            title: Some(title.clone()),
            description: Some(description.clone()),
            // Newest period first in the `bao-cao/` list, finished or not.
            weight: Some(order as i64),
            ..FrontMatter::default()
        };
        out.push(Page {
            kind: PageKind::Page,
            // Not the commentary's name: `serve`'s body-only fast path finds
            // pages by `rel`, and an edited commentary must rebuild the report.
            rel: format!("{REPORTS}{}.tu-tao", period.slug()),
            display: commentary.map_or_else(
                || PathBuf::from(format!("content/{REPORTS}(báo cáo tự tạo) {path}")),
                |c| c.display.clone(),
            ),
            path,
            section: REPORTS.to_owned(),
            title,
            // Dated (and so announced in the feeds) once the period is over.
            date: f.cutoff.complete.then_some(PageDate {
                date: period.end(),
                time: None,
            }),
            fm,
            body: Rendered {
                word_count: body.split_whitespace().count(),
                html: body,
                summary_html: format!("<p>{}</p>", html(&description)),
                summary_text: description,
                toc: Vec::new(),
                uses_shortcodes: false,
            },
            published: true,
            cover: None,
            pdf: None,
            attachments: Vec::new(),
            translation_of: None,
        });
    }
    if !out.is_empty() && !taken(REPORTS) {
        let intro = "Báo cáo kết quả chuyển đổi số theo kỳ (6 tháng, năm…), tổng hợp tự động từ số liệu chỉ tiêu, nhiệm vụ và kinh phí đã công bố trên trang; báo cáo của kỳ chưa kết thúc ghi rõ số liệu tính đến ngày nào.";
        let title = "Báo cáo định kỳ".to_owned();
        out.push(Page {
            kind: PageKind::Section,
            rel: format!("{REPORTS}_index.md"),
            display: PathBuf::from(format!("content/{REPORTS}_index.md (tự tạo)")),
            path: REPORTS.to_owned(),
            section: String::new(),
            title: title.clone(),
            date: None,
            fm: FrontMatter {
                title: Some(title),
                description: Some(intro.to_owned()),
                ..FrontMatter::default()
            },
            body: Rendered {
                html: format!("<p>{}</p>\n", html(intro)),
                summary_html: format!("<p>{}</p>", html(intro)),
                summary_text: intro.to_owned(),
                toc: Vec::new(),
                word_count: intro.split_whitespace().count(),
                uses_shortcodes: false,
            },
            published: true,
            cover: None,
            pdf: None,
            attachments: Vec::new(),
            translation_of: None,
        });
    }
    out
}
