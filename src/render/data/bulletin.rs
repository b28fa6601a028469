//! The weekly bulletin ("Bản tin chuyển đổi số tuần 47/2025"): for every
//! complete ISO week up to the build date in which something happened —
//! news posts, documents issued, results whose period ended, tasks
//! completed, tasks that became overdue — a news post is generated under
//! `ban-tin/tuan-<w>-<year>/`, dated the week's Sunday.
//!
//! Bulletins are real pages of kind `Post` in the section `ban-tin/`, with
//! their own paginated list (its intro generated unless
//! `content/ban-tin/_index.md` exists), feeds (`ban-tin/atom.xml`,
//! `feed.json`) and previous/next links among themselves; they stay out of
//! the news list, its feeds, the month archives and the home page's latest
//! news (`Site::bulletins`, not `Site::posts`), which link the bulletin list
//! once. A week whose only event is one news post gets no bulletin (the post
//! says it all). Their body comes from the overridable template
//! `bulletin_body.html`. Only sites with data files get bulletins.
//!
//! The current week is left out until it is over (its Sunday is before the
//! build date): a bulletin that changes every day would be re-announced in
//! feeds, and a weekly rebuild on Monday publishes the whole week.

use crate::render::data::wording::Worded;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::{Date, ISOWeekDate, Weekday};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::config::Config;
use crate::content::frontmatter::{FrontMatter, PageDate};
use crate::content::markdown::{ROOT_MARKER, page_link};
use crate::content::{Content, Page, PageKind};
use crate::diagnostics::Diagnostics;
use crate::render::data::generated_pages::{self, Origin, section_index, template_error};
use crate::render::data::views::{quantity, target_path};
use crate::render::engine::i18n::Tr;
use crate::render::engine::theme::Theme;
use crate::site::identities::unit_href_path;
use crate::site::{Site, SiteData};
use crate::text::dates;
use crate::text::numbers::NumberStyle;

/// The bulletins' section.
pub const BULLETINS: &str = crate::site::BULLETIN_SECTION;

/// The bulletins `serve` keeps between rebuilds, by week (see
/// [`crate::render::data::report::Memo`]): a results edit makes again
/// only the bulletins of the weeks in which a changed row's period ends.
pub type BulletinMemo = crate::render::data::report::Memo<(i16, i8), Arc<Page>>;

/// What the bulletins read of one page of the content, hashed: its address
/// (a page there takes the bulletin's place), and a post's or document's
/// date, title, number and description.
fn page_key(p: &Page) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        &p.path,
        p.published,
        &p.kind,
        p.date.map(|d| d.date),
        p.fm.issued,
        &p.fm.number,
        &p.title,
        &p.fm.description,
        &p.body.summary_text,
    )
        .hash(&mut h);
    Some(h.finish())
}

#[derive(Debug, Clone, Serialize)]
struct Item {
    title: String,
    href: String,
    date: String,
    detail: String,
}

#[derive(Debug, Default, Serialize)]
struct Week {
    posts: Vec<Item>,
    documents: Vec<Item>,
    results: Vec<Item>,
    completed: Vec<Item>,
    overdue: Vec<Item>,
}

impl Week {
    /// Nothing but one news post: the post says it all, no bulletin.
    fn only_one_post(&self) -> bool {
        self.posts.len() == 1 && self.count() == 1
    }

    fn count(&self) -> usize {
        self.posts.len()
            + self.documents.len()
            + self.results.len()
            + self.completed.len()
            + self.overdue.len()
    }

    /// "3 tin bài, 1 văn bản, 2 kết quả…"
    fn summary(&self, tr: Tr) -> String {
        let numbers = NumberStyle::named(&tr.get("chart_numbers"));
        let parts: Vec<String> = [
            (self.posts.len(), "bulletin_n_posts"),
            (self.documents.len(), "bulletin_n_documents"),
            (self.results.len(), "bulletin_n_results"),
            (self.completed.len(), "bulletin_n_completed"),
            (self.overdue.len(), "bulletin_n_overdue"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| {
            let n = numbers.integer(*n as i64);
            format!("{n} {}", tr.fmt(key, &[("n", &n)]))
        })
        .collect();
        parts.join(", ")
    }
}

/// Monday and Sunday of an ISO week.
fn week_bounds(year: i16, week: i8) -> Option<(Date, Date)> {
    let mon = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
    let sun = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
    Some((mon, sun))
}

/// The path of a week's bulletin: `ban-tin/tuan-47-2025/`.
pub fn bulletin_path(year: i16, week: i8) -> String {
    format!("{BULLETINS}tuan-{week:02}-{year}/")
}

fn link(config: &Config, path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{ROOT_MARKER}{}", page_link(path, config.portable))
    }
}

/// Collects what happened in each complete week up to `today` (only in
/// the weeks `only` names, when given).
fn collect(
    content: &Content,
    data: &SiteData,
    config: &Config,
    today: Date,
    tr: Tr,
    only: Option<&HashSet<(i16, i8)>>,
) -> BTreeMap<(i16, i8), Week> {
    let w = data.chart_words();
    let mut weeks: BTreeMap<(i16, i8), Week> = BTreeMap::new();
    // The week of `date` when it gets items: complete and asked for. Items
    // are made only for those weeks.
    let week_of = |date: Date| {
        let (y, w) = dates::iso_week(date);
        let complete = week_bounds(y, w).is_some_and(|(_, sun)| sun < today);
        (complete && only.is_none_or(|o| o.contains(&(y, w)))).then_some((y, w))
    };
    let mut pages: Vec<&Page> = content
        .pages
        .iter()
        .map(|p| &**p)
        .filter(|p| p.published)
        .collect();
    pages.sort_by(|a, b| (a.date, &a.path).cmp(&(b.date, &b.path)));
    for p in pages {
        let date = match p.kind {
            PageKind::Post => p.date_value(),
            PageKind::Document => p.fm.issued.or(p.date_value()),
            _ => None,
        };
        let Some(date) = date else { continue };
        let Some(week) = week_of(date) else { continue };
        let item = Item {
            title: match (&p.kind, &p.fm.number) {
                (PageKind::Document, Some(n)) => format!("{n}: {}", p.title),
                _ => p.title.clone(),
            },
            href: link(config, &p.path),
            date: dates::short(date),
            detail: p.description(),
        };
        let items = weeks.entry(week).or_default();
        if p.kind == PageKind::Post {
            items.posts.push(item);
        } else {
            items.documents.push(item);
        }
    }
    let set = &data.set;
    // Targets by id, once (not a scan of the targets per result); the
    // first target of an id, as `DataSet::target` finds it.
    let mut targets: std::collections::HashMap<&str, &crate::data::Target> =
        std::collections::HashMap::new();
    for t in &set.targets {
        targets.entry(t.id.as_str()).or_insert(t);
    }
    for r in &set.results {
        let Some(&t) = targets.get(r.target_id.as_str()) else {
            continue;
        };
        let Some(week) = week_of(r.period.end()) else {
            continue;
        };
        let scope = r.commune.clone().unwrap_or_else(|| tr.get("whole_unit"));
        weeks.entry(week).or_default().results.push(Item {
            title: format!("{} – {}", t.id, t.statement),
            href: link(config, &target_path(&t.id)),
            date: r.period.word(&w),
            detail: format!(
                "{} ({scope}){}",
                quantity(r.value, t.unit.as_deref(), &w),
                if r.illustrative || t.illustrative {
                    tr.get("bulletin_illustrative_figures")
                } else {
                    String::new()
                }
            ),
        });
    }
    for t in &set.tasks {
        let completed = t.completed.and_then(|c| Some((c, week_of(c)?)));
        let due = t.deadline.and_then(|d| d.date());
        let done_in_time = due.is_some_and(|due| {
            t.completed.is_some_and(|c| c <= due)
                || (t.completed.is_none()
                    && t.status == Some(crate::data::values::TaskStatus::Completed))
        });
        let overdue = due
            .filter(|_| !done_in_time)
            .and_then(|due| Some((due, week_of(due.tomorrow().ok()?)?)));
        if completed.is_none() && overdue.is_none() {
            continue;
        }
        let lead_href = link(config, &unit_href_path(data, &t.lead));
        let task = |date: String| Item {
            title: format!("{} – {}", t.id, t.statement),
            href: lead_href.clone(),
            date,
            detail: if t.illustrative {
                format!("{}{}", t.lead, tr.get("bulletin_illustrative"))
            } else {
                t.lead.clone()
            },
        };
        if let Some((c, week)) = completed {
            weeks
                .entry(week)
                .or_default()
                .completed
                .push(task(dates::short(c)));
        }
        if let Some((due, week)) = overdue {
            let mut item = task(dates::short(due));
            if t.status.is_none() && t.completed.is_none() {
                // Decision 0022: nobody has said whether it is done.
                item.detail.push_str(&tr.get("bulletin_no_status"));
            }
            weeks.entry(week).or_default().overdue.push(item);
        }
    }
    weeks
}

/// The Monday of the first week that gets a bulletin: the week of
/// `[bulletin] since`, else of the earliest published news post (a unit does
/// not publish bulletins for years before its site existed); `None` (no
/// limit) for a site without posts.
fn first_week(content: &Content, config: &Config) -> Option<Date> {
    let day = config.bulletin.since_date().or_else(|| {
        content
            .pages
            .iter()
            .filter(|p| p.published && p.kind == PageKind::Post)
            .filter_map(|p| p.date_value())
            .min()
    })?;
    let (y, w) = dates::iso_week(day);
    week_bounds(y, w).map(|(mon, _)| mon)
}

/// The bulletin pages (and the `ban-tin/` section page unless the site has
/// one), ready to join the content before the site is indexed. `memo`
/// (kept by `serve`) gives the bulletins of the last build whose weeks
/// hold no changed result (see [`BulletinMemo`]).
#[allow(clippy::too_many_arguments)]
pub fn bulletins(
    content: &Content,
    data: Option<&Arc<SiteData>>,
    config: &Config,
    today: Date,
    tera: Option<&Tera>,
    theme: &Theme,
    diags: &mut Diagnostics,
    memo: Option<&mut BulletinMemo>,
) -> Vec<Arc<Page>> {
    let (Some(data), Some(tera)) = (data, tera) else {
        return Vec::new();
    };
    if !config.bulletin.enabled {
        return Vec::new();
    }
    let since = first_week(content, config);
    let tr = Tr::new(theme, &config.language);
    let paths: std::collections::HashSet<&str> =
        content.pages.iter().map(|p| p.path.as_str()).collect();
    let taken = |path: &str| paths.contains(path);
    let mut round = crate::timing::phase("bulletins: compare", || {
        memo.map(|m| {
            let key = crate::timing::phase("bulletins: content key", || {
                m.content_key(&content.pages, page_key)
            });
            m.round(data, config, today, theme, key)
        })
    });
    // After a results edit, only the weeks in which a changed row's
    // period ends (old or new) are collected again.
    let only: Option<HashSet<(i16, i8)>> = round.as_ref().and_then(|r| {
        r.changed()
            .map(|c| c.iter().map(|p| dates::iso_week(p.end())).collect())
    });
    // The weeks that get a bulletin, in order; their bodies are rendered
    // in parallel below (a province's site has hundreds).
    let mut weeks = Vec::new();
    let collected = crate::timing::phase("bulletins: collect", || {
        collect(content, data, config, today, tr, only.as_ref())
    });
    for ((year, week), items) in collected {
        let path = bulletin_path(year, week);
        let Some((mon, sun)) = week_bounds(year, week) else {
            continue;
        };
        if taken(&path)
            || items.count() == 0
            || items.only_one_post()
            || since.is_some_and(|s| sun < s)
        {
            continue;
        }
        let (w, y) = (week.to_string(), year.to_string());
        let title = tr.fmt("bulletin_title", &[("week", &w), ("year", &y)]);
        let summary = tr.fmt(
            "bulletin_summary",
            &[
                ("week", &w),
                ("year", &y),
                ("from", &dates::short(mon)),
                ("to", &dates::short(sun)),
                ("items", &items.summary(tr)),
            ],
        );
        weeks.push((year, week, path, mon, sun, title, summary, items));
    }
    let bodies: Vec<_> = weeks
        .par_iter()
        .map(|(_, _, _, mon, sun, title, summary, items)| {
            let mut c = Context::new();
            c.insert("t", theme.strings_for(&config.language));
            c.insert("lang", &config.language);
            c.insert("title", title);
            c.insert("summary", summary);
            c.insert("week", items);
            c.insert("from", &dates::short(*mon));
            c.insert("to", &dates::short(*sun));
            tera.render("bulletin_body.html", &c)
        })
        .collect();
    let mut made: BTreeMap<(i16, i8), Arc<Page>> = BTreeMap::new();
    for ((year, week, path, _, sun, title, summary, _), body) in weeks.into_iter().zip(bodies) {
        let body = match body {
            Ok(b) => b,
            Err(e) => {
                diags.push(template_error("bulletin_body.html", "bản tin tuần", e));
                return Vec::new();
            }
        };
        let fm = FrontMatter {
            title: Some(title.clone()),
            description: Some(summary.clone()),
            ..FrontMatter::default()
        };
        let page = Arc::new(generated_pages::page(
            Origin {
                kind: PageKind::Post,
                rel: format!("{BULLETINS}{year}-w{week:02}.md"),
                display: PathBuf::from(format!("content/{BULLETINS}(bản tin tự tạo) {path}")),
                path,
                section: BULLETINS.to_owned(),
            },
            fm,
            Some(PageDate {
                date: sun,
                time: None,
            }),
            body,
            summary,
        ));
        if let Some(r) = round.as_mut() {
            r.keep((year, week), Arc::clone(&page));
        }
        made.insert((year, week), page);
    }
    if let Some(r) = round.as_mut()
        && let Some(only) = &only
    {
        // The other weeks' bulletins are the last build's.
        let kept: Vec<(i16, i8)> = r
            .last_keys()
            .filter(|k| !only.contains(k))
            .copied()
            .collect();
        for k in kept {
            if let Some(page) = r.reuse(k, |_, _| true) {
                made.insert(k, page);
            }
        }
    }
    if let Some(r) = round {
        r.finish();
    }
    let mut out: Vec<Arc<Page>> = made.into_values().collect();
    if !out.is_empty() && !taken(BULLETINS) {
        out.push(Arc::new(section_index(
            BULLETINS,
            tr.get("bulletins_title"),
            tr.get("bulletins_intro"),
        )));
    }
    out
}

/// Whether `path` is the bulletins' section, rendered as a paginated list
/// (newest first) instead of the section template.
pub fn is_paginated(site: &Site, path: &str) -> bool {
    path == BULLETINS && site.bulletins_listed()
}

/// The `ban-tin/` list pages (`ban-tin/trang/2/`…), paginated like the news
/// list; its intro is the section page's text (generated or the site's own
/// `content/ban-tin/_index.md`).
pub(crate) fn list_jobs(
    site: &Site,
    theme: &Theme,
    jobs: &mut Vec<crate::render::engine::jobs::Lazy>,
) {
    if !is_paginated(site, BULLETINS) {
        return;
    }
    let section = site
        .pages
        .iter()
        .find(|p| p.path == BULLETINS && p.kind == PageKind::Section);
    let title = section.map_or_else(
        || Tr::new(theme, &site.config.language).get("bulletins_title"),
        |p| p.title.clone(),
    );
    let intro = section.map(|p| p.body.html.clone()).unwrap_or_default();
    let per_page = section
        .and_then(|p| p.fm.paginate_by)
        .unwrap_or(site.config.paginate_by);
    let items = site.bulletins.clone();
    let feed = format!("{BULLETINS}atom.xml");
    crate::render::pages::lists::paginate(
        site,
        jobs,
        BULLETINS,
        &title,
        &intro,
        crate::render::pages::lists::ListItems::Fixed(std::sync::Arc::new(items)),
        per_page,
        &feed,
        "bulletins",
    );
}
