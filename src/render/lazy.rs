//! Rendering on request, for `serve`: after an edit the preview swaps in an
//! output whose pages are [`OutFile::Lazy`](crate::output::OutFile) entries
//! backed by one [`LazySite`], which renders a page (and keeps the bytes)
//! the first time it is asked for. A rebuild then costs the content model,
//! not 15,000 template runs; the page the browser reloads renders in about
//! a millisecond. The bytes are those a full build gives: the same plan
//! and the same templates run, only later.
//!
//! The search index (`tim-kiem/chi-muc/`, thousands of files computed from
//! every page's text) is built the same way: on the first request for one
//! of its files, all at once, then kept. Its files are not listed in the
//! output's map; [`Output::read`] asks the lazy source for any path under
//! [`Output::lazy_prefix`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use tera::Tera;

use super::engine::jobs::{Job, Pending};
use super::engine::theme::Theme;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{LazyFile, LazySource, OutFile, Output};
use crate::render::published::search;
use crate::render::{DataPlan, DataReuse, pages, plan_with, published};
use crate::site::Site;

/// A planned site whose pages render on request.
pub struct LazySite {
    site: Arc<Site>,
    theme: Arc<Theme>,
    tera: Arc<Tera>,
    /// The plan's files to render, by output path; shared with the
    /// generations [`lazy_body_edit`] derives from this one.
    pending: Arc<ByPath>,
    /// Jobs of this generation that replace `pending`'s (a body edit's
    /// home page and feeds).
    replaced: HashMap<String, Arc<Job>>,
    /// The plan's fixed files (theme statics, JSON feeds): they win over
    /// pages at the same path.
    fixed: Arc<Output>,
    /// Fixed files of this generation that replace `fixed`'s.
    fixed_replaced: HashMap<String, Arc<Vec<u8>>>,
    /// Fixed files shared with earlier plans (open data, preview images).
    shared_fixed: Arc<Output>,
    done: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    /// The search index files, built on the first request for one.
    search: OnceLock<Output>,
    /// Address clashes of the plan (see [`super::addresses`]), reported
    /// with the template errors by [`LazySite::render_all`].
    clashes: Diagnostics,
}

impl LazySource for LazySite {
    fn render(&self, path: &str) -> Option<Vec<u8>> {
        if path.starts_with(search::INDEX_DIR) {
            return self.search_index().read(path);
        }
        if let Some(b) = self.fixed_replaced.get(path) {
            return Some(b.as_ref().clone());
        }
        if let Some(b) = self.fixed.read(path) {
            return Some(b);
        }
        if let Some(b) = self.shared_fixed.read(path) {
            return Some(b);
        }
        if let Some(b) = self
            .done
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
        {
            return Some(b.as_ref().clone());
        }
        let bytes = Arc::new(self.render_page(path)?.ok()?.into_bytes());
        self.done
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_owned(), Arc::clone(&bytes));
        Some(bytes.as_ref().clone())
    }
}

impl LazySite {
    /// Renders the page planned at `path` (`None`: no such page).
    fn render_page(&self, path: &str) -> Option<Result<String, Diagnostic>> {
        let (site, theme, tera) = (&self.site, &self.theme, &self.tera);
        Some(match self.replaced.get(path) {
            Some(job) => Pending::Shared(Arc::clone(job)).render(site, theme, tera),
            None => self.pending.get(path)?.render(site, theme, tera),
        })
    }

    /// The search index files (built once, on first use).
    pub fn search_index(&self) -> &Output {
        self.search.get_or_init(|| {
            let mut out = Output::default();
            search::search_files(&self.site, &mut out);
            out
        })
    }

    /// Renders every page not rendered yet (in parallel) and returns the
    /// address clashes and template errors, sorted, as a full build would
    /// report them. The pages are not kept: a preview holds the pages a
    /// browser asked for, not the whole site (a site with data is a
    /// gigabyte of HTML). Returns `None` as soon as `cancelled` says the
    /// result is no longer wanted.
    pub fn render_all(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Diagnostics> {
        let todo: Vec<&str> = {
            let done = self.done.lock().unwrap_or_else(|e| e.into_inner());
            self.pending
                .paths()
                .filter(|k| !done.contains_key(*k))
                .collect()
        };
        let results: Vec<Option<Option<_>>> = todo
            .par_iter()
            .map(|path| {
                if cancelled() {
                    return None;
                }
                Some(self.render_page(path).and_then(Result::err))
            })
            .collect();
        let mut diags = self.clashes.clone();
        for r in results {
            if let Some(d) = r? {
                diags.push(d);
            }
        }
        diags.sort();
        Some(diags)
    }

    /// Bytes of the rendered pages this source keeps (those asked for).
    pub fn kept_bytes(&self) -> usize {
        let done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        done.values().map(|b| b.len()).sum()
    }
}

impl Drop for LazySite {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A plan's files to render, in path order (the last planned wins at a
/// path, as in a map): found by a binary search, listed in order, made
/// without a copy of every path.
pub struct ByPath(Vec<Pending>);

impl ByPath {
    fn new(pending: Vec<Pending>) -> ByPath {
        let mut all: Vec<(usize, Pending)> = pending.into_iter().enumerate().collect();
        all.sort_by(|(i, a), (j, b)| a.path().cmp(b.path()).then(i.cmp(j)));
        let mut out: Vec<Pending> = Vec::with_capacity(all.len());
        for (_, p) in all {
            match out.last_mut() {
                Some(last) if last.path() == p.path() => *last = p,
                _ => out.push(p),
            }
        }
        ByPath(out)
    }

    fn get(&self, path: &str) -> Option<&Pending> {
        let i = self.0.binary_search_by(|p| p.path().cmp(path)).ok()?;
        Some(&self.0[i])
    }

    fn paths(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(Pending::path)
    }
}

/// How many [`LazySite`]s are alive: each holds one generation of the
/// previewed site, so a `serve` that runs long should hold one or two.
pub fn live_sites() -> usize {
    LIVE.load(Ordering::Relaxed)
}

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// Plans the site and returns an output whose pages render on request,
/// plus the source behind them and the data part of the plan (to pass in
/// `reuse` next time; see [`DataReuse`]).
/// Fixed files (theme statics, data exports) and assets are as in a full
/// build.
pub fn lazy_output(
    site: Arc<Site>,
    theme: Arc<Theme>,
    tera: Arc<Tera>,
    reuse: DataReuse,
) -> (Output, Arc<LazySite>, Arc<DataPlan>) {
    let (plan, data_plan) = plan_with(&site, &theme, false, reuse);
    let t = std::time::Instant::now();
    let mut clashes = Diagnostics::new();
    super::addresses::check(&site, &theme, &plan, &mut clashes);
    let t = crate::timing::lap("plan: addresses", t);
    let shared_fixed = plan.shared_fixed;
    let pending = ByPath::new(plan.pending);
    let t = crate::timing::lap("plan: pages by path", t);
    LIVE.fetch_add(1, Ordering::Relaxed);
    let source = Arc::new(LazySite {
        site,
        theme,
        tera,
        pending: Arc::new(pending),
        replaced: HashMap::new(),
        fixed: Arc::new(plan.fixed),
        fixed_replaced: HashMap::new(),
        shared_fixed,
        done: Mutex::new(HashMap::new()),
        search: OnceLock::new(),
        clashes,
    });
    let mut output = Output::default();
    let file = LazyFile(Arc::clone(&source) as Arc<dyn LazySource>);
    // Fixed files win over pages; assets lose to both. Collected whole
    // (sorted, then built), not inserted one by one.
    // Three runs in path order: the sort merges them.
    output.files = (source.pending.paths())
        .chain(source.shared_fixed.files.keys().map(String::as_str))
        .chain(source.fixed.files.keys().map(String::as_str))
        .map(|path| (path.to_owned(), OutFile::Lazy(file.clone())))
        .collect();
    output.lazy_prefix = Some((search::INDEX_DIR.to_owned(), file));
    for (out, src) in plan.assets {
        output.copy(out, src);
    }
    crate::timing::lap("plan: output", t);
    (output, source, data_plan)
}

/// The next generation of `prev` (whose output is `prev_output`) for
/// `site`, which differs from `prev`'s site only in the bodies of the
/// pages `edited` (indices into `site.pages`; front matter, and so every
/// address, title, date and list order, unchanged). Nothing is planned
/// again: the pages that build their context when rendered read the new
/// site; of the jobs whose context was built at plan time, those that can
/// show a body or a summary are made again (the home page, keeping its
/// dashboard; the feeds and JSON feeds listing an edited page); the rest
/// (sitemap, data pages, redirects, search page) read no body. `None` when
/// an edited page's own job was built at plan time and is not the home
/// page (documents on a site with data, whose context the data pages
/// extend): the caller plans again.
pub fn lazy_body_edit(
    prev: &LazySite,
    prev_output: &Output,
    site: Arc<Site>,
    edited: &[usize],
) -> Option<(Output, Arc<LazySite>)> {
    let t = std::time::Instant::now();
    let theme = &prev.theme;
    let mut replaced = prev.replaced.clone();
    for &i in edited {
        let key = format!("{}index.html", site.pages.get(i)?.path);
        let eager = replaced.contains_key(&key)
            || matches!(
                prev.pending.get(&key),
                Some(Pending::Ready(_) | Pending::Shared(_))
            );
        if eager && site.home != Some(i) {
            return None;
        }
    }
    // The home page shows its own body and lists the latest posts and
    // documents with their summaries and reading times: when one of those
    // is edited, it is made again, with the dashboard (data and chart
    // embeds, which no body changes) of the previous one.
    let latest = |list: &[usize], n: usize| list.iter().take(n).any(|i| edited.contains(i));
    let home_shows_edit = site.home.is_some_and(|h| edited.contains(&h))
        || latest(&site.posts, pages::single::HOME_POSTS)
        || latest(&site.documents, pages::single::HOME_DOCUMENTS);
    if let Some(home) = site.home.filter(|_| home_shows_edit) {
        let key = format!("{}index.html", site.pages[home].path);
        let old = match (replaced.get(&key), prev.pending.get(&key)) {
            (Some(job), _) => Some(&job.context),
            (None, Some(Pending::Ready(job))) => Some(&job.context),
            _ => None,
        };
        if let Some(old) = old {
            let mut job = pages::single::page_job(&site, theme, home);
            if let Some(dashboard) = old.get("dashboard") {
                job.context.insert("dashboard", dashboard);
            }
            replaced.insert(key, Arc::new(job));
        }
    }
    let t = crate::timing::lap("body edit: home page", t);
    let shows_edit = |items: &[usize]| items.iter().any(|i| edited.contains(i));
    let mut jobs = Vec::new();
    published::feeds::feed_jobs_for(&site, theme, &shows_edit, &mut |path, template, context| {
        jobs.push(Job {
            path,
            template,
            context,
        })
    });
    published::section_feeds::feed_jobs_for(&site, theme, &shows_edit, &mut jobs);
    for job in jobs {
        replaced.insert(job.path.clone(), Arc::new(job));
    }
    let mut fixed_replaced = prev.fixed_replaced.clone();
    let mut feeds = Output::default();
    published::section_feeds::json_feeds_for(&site, &shows_edit, &mut feeds);
    for (path, file) in feeds.files {
        if let OutFile::Bytes(b) = file {
            fixed_replaced.insert(path, Arc::new(b));
        }
    }
    let t = crate::timing::lap("body edit: feeds", t);
    LIVE.fetch_add(1, Ordering::Relaxed);
    let source = Arc::new(LazySite {
        site,
        theme: Arc::clone(theme),
        tera: Arc::clone(&prev.tera),
        pending: Arc::clone(&prev.pending),
        replaced,
        fixed: Arc::clone(&prev.fixed),
        fixed_replaced,
        shared_fixed: Arc::clone(&prev.shared_fixed),
        done: Mutex::new(HashMap::new()),
        search: OnceLock::new(),
        clashes: prev.clashes.clone(),
    });
    let file = LazyFile(Arc::clone(&source) as Arc<dyn LazySource>);
    let files = prev_output
        .files
        .iter()
        .map(|(path, f)| {
            let f = match f {
                OutFile::Lazy(_) => OutFile::Lazy(file.clone()),
                other => other.clone(),
            };
            (path.clone(), f)
        })
        .collect();
    let output = Output {
        files,
        lazy_prefix: Some((search::INDEX_DIR.to_owned(), file)),
    };
    crate::timing::lap("body edit: output", t);
    Some((output, source))
}
