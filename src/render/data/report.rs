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

mod commentary;
mod memo;
mod sections;

pub(crate) use memo::Memo;

/// The reports `serve` keeps between rebuilds (see [`memo`]).
pub type ReportMemo = Memo<ReportPeriod, Kept>;

/// One report's page as the last build made it, with the commentary it was
/// made with (file, description, body). Shared with the site model: a
/// report kept is not copied (the bodies of a province's reports weigh
/// ~10 MB).
#[derive(Clone)]
pub struct Kept {
    commentary: Option<(PathBuf, Option<String>, String)>,
    page: Arc<Page>,
}

/// One report as made: what [`reports`] puts in its page.
struct Made {
    title: String,
    description: String,
    complete: bool,
    body: String,
}

/// The commentary's part of a report's inputs.
fn commentary_key(page: Option<&Page>) -> Option<(PathBuf, Option<String>, String)> {
    page.map(|c| {
        (
            c.display.clone(),
            c.fm.description.clone(),
            c.body.html.clone(),
        )
    })
}

/// What the news section of every report reads of one page of the
/// content, hashed (`None` for the weekly bulletins, generated before:
/// they are not news there).
fn news_key(p: &Page) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    if p.kind == PageKind::Post && p.section == crate::site::BULLETIN_SECTION {
        return None;
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        p.published,
        p.translation_of.is_some(),
        &p.kind,
        &p.path,
        &p.section,
        &p.title,
        p.date.map(|d| d.date),
        p.fm.issued,
        &p.fm.number,
    )
        .hash(&mut h);
    Some(h.finish())
}

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use tera::{Context, Tera};

use crate::charts::Words;
use crate::config::Config;
use crate::content::frontmatter::{FrontMatter, PageDate};
use crate::content::{Content, Page, PageKind};
use crate::data::compute::report::{self, ReportFigures, ReportPeriod, Scope, TaskOutcome};
use crate::diagnostics::Diagnostics;
use crate::render::data::generated_pages::{self, Origin, render_body, section_index};
use crate::render::data::views::money;
use crate::render::data::wording::Worded;
use crate::render::engine::theme::Theme;
use crate::site::SiteData;
use crate::text::dates;

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
    // An English site's unit: "Riverside Ward People's Committee".
    for suffix in [" People's Committee", " People’s Committee"] {
        if let Some(rest) = unit.strip_suffix(suffix).filter(|r| !r.trim().is_empty()) {
            return rest.trim().to_owned();
        }
    }
    unit.to_owned()
}

/// "Báo cáo kết quả chuyển đổi số năm 2025 của phường Sông Trí" (in the
/// language of `w`).
pub fn report_title(config: &Config, period: ReportPeriod, w: &Words) -> String {
    let unit = unit_name(config);
    let period = period.word(w);
    if unit.is_empty() {
        w.fmt("chart_rep_title", &[("period", &period)])
    } else {
        w.fmt(
            "chart_rep_title_unit",
            &[("period", &period), ("unit", &unit)],
        )
    }
}

/// One-line summary for lists, feeds and the description.
fn summary(f: &ReportFigures, w: &Words) -> String {
    let (met, measured) = f.targets_met();
    let mut parts = Vec::new();
    if !f.targets.is_empty() {
        parts.push(if measured == 0 {
            w.fmt(
                "chart_rep_sum_targets_no_data",
                &[("n", &w.int(f.targets.len()))],
            )
        } else {
            w.fmt(
                "chart_rep_sum_targets",
                &[("met", &w.int(met)), ("measured", &w.int(measured))],
            )
        });
    }
    if !f.observations.is_empty() {
        parts.push(w.fmt(
            "chart_rep_sum_indicators",
            &[("n", &w.int(f.observations.len()))],
        ));
    }
    if !f.tasks.is_empty() {
        parts.push(w.fmt(
            "chart_rep_sum_tasks",
            &[
                (
                    "done",
                    &w.int(f.count(TaskOutcome::Completed) + f.count(TaskOutcome::CompletedLate)),
                ),
                ("overdue", &w.int(f.count(TaskOutcome::Overdue))),
            ],
        ));
        if f.count(TaskOutcome::DueUnreported) > 0 {
            parts.push(w.fmt(
                "chart_rep_sum_unreported",
                &[("n", &w.int(f.count(TaskOutcome::DueUnreported)))],
            ));
        }
    }
    if let Some(b) = f.budget {
        parts.push(w.fmt("chart_rep_sum_budget", &[("amount", &money(b.planned, w))]));
    }
    if parts.is_empty() {
        parts.push(w.get("chart_no_data_short").to_owned());
    }
    let head = if f.cutoff.complete {
        w.fmt(
            "chart_rep_sum_from_to",
            &[
                ("from", &dates::short(f.period.start())),
                ("to", &dates::short(f.period.end())),
            ],
        )
    } else {
        w.fmt(
            "chart_rep_sum_open",
            &[("date", &dates::short(f.cutoff.last_day))],
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

/// The report pages (and the `bao-cao/` section page unless the site has
/// one): commentary files are taken out of `content` and merged in.
/// `memo` (kept by `serve`) gives the reports of the last build whose
/// inputs did not change (see [`ReportMemo`]).
#[allow(clippy::too_many_arguments)]
pub fn reports(
    content: &mut Content,
    data: Option<&Arc<SiteData>>,
    config: &Config,
    today: Date,
    tera: Option<&Tera>,
    theme: &Theme,
    diags: &mut Diagnostics,
    memo: Option<&mut ReportMemo>,
) -> Vec<Arc<Page>> {
    let periods = match data {
        Some(d) => report::periods(&d.set, &config.bao_cao.kinds(), today),
        None => Vec::new(),
    };
    let commentaries =
        commentary::take_commentaries(content, &periods, config, data.is_some(), diags);
    let (Some(data), Some(tera)) = (data, tera) else {
        return Vec::new();
    };
    let mut round = crate::timing::phase("reports: compare", || {
        memo.map(|m| {
            let key = m.content_key(&content.pages, news_key);
            m.round(data, config, today, theme, key)
        })
    });
    let taken = |path: &str| content.pages.iter().any(|p| p.path == path);
    let mut out = Vec::new();
    for (order, period) in periods.into_iter().enumerate() {
        let path = report_path(period);
        if taken(&path) {
            continue;
        }
        let commentary = commentaries
            .iter()
            .find(|(p, _)| *p == period)
            .map(|(_, page)| page);
        let key = commentary_key(commentary);
        let kept = round.as_mut().and_then(|r| {
            r.reuse(period, |changed, old| {
                old.commentary == key && !changed.iter().any(|&p| period.holds(p))
            })
        });
        let weight = Some(order as i64);
        let page = match kept {
            // The list of periods changed around it: only its place differs.
            Some(Kept { page, .. }) if page.fm.weight != weight => {
                let mut moved = (*page).clone();
                moved.fm.weight = weight;
                Arc::new(moved)
            }
            Some(Kept { page, .. }) => page,
            None => {
                let made = crate::timing::phase("reports: make one", || {
                    make(
                        content, data, config, today, tera, theme, period, commentary, diags,
                    )
                });
                let Some(made) = made else {
                    return Vec::new();
                };
                let page = Arc::new(report_page(period, path, weight, commentary, made));
                if let Some(r) = round.as_mut() {
                    r.keep(
                        period,
                        Kept {
                            commentary: key,
                            page: Arc::clone(&page),
                        },
                    );
                }
                page
            }
        };
        out.push(page);
    }
    if let Some(r) = round {
        r.finish();
    }
    if !out.is_empty() && !taken(REPORTS) {
        // The list is worded in the site's language, like the reports.
        let tr = crate::render::engine::i18n::Tr::new(theme, &config.language);
        out.push(Arc::new(section_index(
            REPORTS,
            tr.get("reports_title"),
            tr.get("reports_intro"),
        )));
    }
    out
}

/// The page of a report made for `period`, `weight`-th in the list.
fn report_page(
    period: ReportPeriod,
    path: String,
    weight: Option<i64>,
    commentary: Option<&Page>,
    made: Made,
) -> Page {
    let Made {
        title,
        description,
        complete,
        body,
    } = made;
    let fm = FrontMatter {
        title: Some(title),
        description: Some(description.clone()),
        // Newest period first in the `bao-cao/` list, finished or not.
        weight,
        ..FrontMatter::default()
    };
    generated_pages::page(
        Origin {
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
        },
        fm,
        // Dated (and so announced in the feeds) once the period is over.
        complete.then_some(PageDate {
            date: period.end(),
            time: None,
        }),
        body,
        description,
    )
}

/// One period's report: its figures, sections and body (`None` when the
/// template fails; the error is in `diags`).
#[allow(clippy::too_many_arguments)]
fn make(
    content: &Content,
    data: &SiteData,
    config: &Config,
    today: Date,
    tera: &Tera,
    theme: &Theme,
    period: ReportPeriod,
    commentary: Option<&Page>,
    diags: &mut Diagnostics,
) -> Option<Made> {
    let facts = report::PeriodFacts::new(&data.set, period);
    let f = report::figures_in(&data.set, &facts, Scope::All, today);
    let w = data.chart_words();
    let mut title = report_title(config, period, &w);
    if !f.cutoff.complete {
        title = w.fmt(
            "chart_rep_as_of",
            &[
                ("title", &title),
                ("date", &dates::short(f.cutoff.last_day)),
            ],
        );
    }
    let description = commentary
        .and_then(|c| c.fm.description.clone())
        .unwrap_or_else(|| summary(&f, &w));
    let multi = !data.computed.localities.is_empty();
    let mut c = Context::new();
    c.insert("t", theme.strings_for(&config.language));
    c.insert("title", &title);
    c.insert("unit", &unit_name(config));
    c.insert("period", &period.word(&w));
    c.insert("from", &dates::short(period.start()));
    c.insert("to", &dates::short(period.end()));
    c.insert("complete", &f.cutoff.complete);
    c.insert("as_of", &dates::short(f.cutoff.last_day));
    c.insert("aggregate", &multi);
    c.insert("illustrative", &any_illustrative(data, &f));
    c.insert(
        "sections",
        &sections::sections(content, data, config, &f, &facts, commentary, today),
    );
    let body = render_body(tera, "report_body.html", "báo cáo định kỳ", &c, diags)?;
    Some(Made {
        title,
        description,
        complete: f.cutoff.complete,
        body,
    })
}
