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

use super::engine::jobs::Pending;
use super::engine::theme::Theme;
use crate::diagnostics::Diagnostics;
use crate::output::{LazyFile, LazySource, OutFile, Output};
use crate::render::published::search;
use crate::render::{DataPlan, plan_with};
use crate::site::Site;

/// A planned site whose pages render on request.
pub struct LazySite {
    site: Arc<Site>,
    theme: Arc<Theme>,
    tera: Arc<Tera>,
    pending: HashMap<String, Pending>,
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
        let bytes = Arc::new(
            self.pending
                .get(path)?
                .render(&self.site, &self.theme, &self.tera)
                .ok()?
                .into_bytes(),
        );
        self.done
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_owned(), Arc::clone(&bytes));
        Some(bytes.as_ref().clone())
    }
}

impl LazySite {
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
        let todo: Vec<&Pending> = {
            let done = self.done.lock().unwrap_or_else(|e| e.into_inner());
            self.pending
                .iter()
                .filter(|(k, _)| !done.contains_key(*k))
                .map(|(_, p)| p)
                .collect()
        };
        let results: Vec<Option<Option<_>>> = todo
            .par_iter()
            .map(|p| {
                if cancelled() {
                    return None;
                }
                Some(p.render(&self.site, &self.theme, &self.tera).err())
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

/// How many [`LazySite`]s are alive: each holds one generation of the
/// previewed site, so a `serve` that runs long should hold one or two.
pub fn live_sites() -> usize {
    LIVE.load(Ordering::Relaxed)
}

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// Plans the site and returns an output whose pages render on request,
/// plus the source behind them and the data part of the plan (to pass as
/// `reuse` next time if nothing it reads changes; see [`DataPlan`]).
/// Fixed files (theme statics, data exports) and assets are as in a full
/// build.
pub fn lazy_output(
    site: Arc<Site>,
    theme: Arc<Theme>,
    tera: Arc<Tera>,
    reuse: Option<Arc<DataPlan>>,
) -> (Output, Arc<LazySite>, Arc<DataPlan>) {
    let (plan, data_plan) = plan_with(&site, &theme, false, reuse);
    let t = std::time::Instant::now();
    let mut clashes = Diagnostics::new();
    super::addresses::check(&site, &theme, &plan, &mut clashes);
    crate::timing::lap("plan: addresses", t);
    let shared_fixed = plan.shared_fixed;
    let pending: HashMap<String, Pending> = plan
        .pending
        .into_iter()
        .map(|p| (p.path().to_owned(), p))
        .collect();
    LIVE.fetch_add(1, Ordering::Relaxed);
    let source = Arc::new(LazySite {
        site,
        theme,
        tera,
        pending,
        shared_fixed,
        done: Mutex::new(HashMap::new()),
        search: OnceLock::new(),
        clashes,
    });
    let mut output = Output::default();
    let file = LazyFile(Arc::clone(&source) as Arc<dyn LazySource>);
    for path in source.pending.keys() {
        output
            .files
            .insert(path.clone(), OutFile::Lazy(file.clone()));
    }
    for path in source.shared_fixed.files.keys() {
        output
            .files
            .insert(path.clone(), OutFile::Lazy(file.clone()));
    }
    output.files.extend(plan.fixed.files);
    output.lazy_prefix = Some((search::INDEX_DIR.to_owned(), file));
    for (out, src) in plan.assets {
        output.copy(out, src);
    }
    (output, source, data_plan)
}
