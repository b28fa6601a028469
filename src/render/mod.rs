//! Rendering: turns the [`Site`] into an [`Output`] — every HTML page, list,
//! tag page, archive, feed, sitemap, redirect and theme asset — by filling
//! tera templates with view structs. Pages render in parallel; the output is
//! a sorted map, so builds are byte-for-byte deterministic.
//!
//! The rooms, by what they produce:
//! - [`engine`]: the shared machinery (theme, templates, jobs, the context
//!   every page shares, UI strings, view structs); it imports none of the
//!   rooms below;
//! - [`pages`]: the author's Markdown pages, redirects and the news lists;
//! - [`data`]: the data pages, one file per page kind;
//! - [`published`]: feeds, sitemap, search, sharing images.
//!
//! This file only plans a build (which jobs, which fixed files) and runs it;
//! [`lazy`] runs the same plan page by page for `serve`.

pub mod addresses;
pub mod data;
pub mod deferred;
pub mod engine;
mod index_beside;
pub mod lazy;
pub mod pages;
pub mod published;

use std::sync::Arc;

use rayon::prelude::*;
use tera::Tera;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{OutFile, Output, Staging};
use crate::site::{Site, SiteData};
use crate::timing::lap;
use engine::context::index;
use engine::jobs::{Job, Lazy, Pending, Plan};
pub use engine::templates::compile;
use engine::theme::Theme;

/// The part of a plan that only the data set decides: the data pages (with
/// their embed snippets and sharing images), the charts they show, the
/// open-data files and the preview images. `serve` keeps it across edits
/// that change only pages' bodies, which none of it reads (see
/// `serve::rebuild`), and takes its pages and charts over across data edits
/// that would plan them the same (see [`DataReuse::Pages`]).
pub struct DataPlan {
    jobs: Vec<Arc<Job>>,
    /// The lazy data pages and their charts, shared with later plans.
    pages: Arc<PlannedPages>,
    fixed: Arc<Output>,
    /// The pages were taken from the last plan.
    taken: bool,
}

/// What a plan may take from the last plan's data part.
pub enum DataReuse {
    /// Nothing: the data part is planned.
    None,
    /// All of it: the caller vouches that nothing it reads has changed (an
    /// edit of pages' bodies).
    All(Arc<DataPlan>),
    /// Its lazy data pages and their charts when the data set, the
    /// configuration, the theme's strings and the content's addresses would
    /// plan the same pages (see [`data::plan_key`]); the open data and
    /// preview images are planned again.
    Pages(Arc<DataPlan>),
}

/// The data pages of a plan whose contexts are built when they render, and
/// every chart the data pages show; planned from what [`Self::key`] holds.
struct PlannedPages {
    /// `None`: not to be taken over (no data, or some data pages' contexts
    /// were built at plan time).
    key: Option<data::plan_key::PlanKey>,
    /// Pages whose context (with their sharing image) is built when they
    /// render (see [`data::LazyPage`]).
    lazy: Vec<Arc<Lazy>>,
    charts: Vec<data::embeds::FoundChart>,
}

impl DataPlan {
    /// Whether this plan took its data pages from the last one (see
    /// [`DataReuse::Pages`]).
    pub fn pages_taken(&self) -> bool {
        self.taken
    }

    /// Plans the data part of `site`, taking the pages of `last` when they
    /// would be planned the same.
    fn new(site: &Site, theme: &Theme, last: Option<&DataPlan>) -> DataPlan {
        let t = std::time::Instant::now();
        let key = data::plan_key::PlanKey::new(site, theme);
        let same = last
            .map(|l| &l.pages)
            .filter(|p| matches!((&p.key, &key), (Some(a), Some(b)) if a.same_plan(b)));
        let taken = same.is_some();
        let (pages, mut jobs) = match same {
            // Under the new key: the last data is not kept for the next
            // comparison (the pages read none of it).
            Some(pages) => {
                // As a new plan: each chart's page announces its use.
                for f in &pages.charts {
                    f.chart.forget();
                    f.chart.expect_use();
                }
                let pages = PlannedPages {
                    key,
                    lazy: pages.lazy.clone(),
                    charts: pages.charts.clone(),
                };
                (Arc::new(pages), Vec::new())
            }
            None => plan_pages(site, theme, key),
        };
        let t = lap("plan data: pages", t);
        published::sharing_images::page_images(site, None, &mut jobs);
        // Named only: made when written or first asked for.
        let fixed = deferred::deferred_output(site, theme);
        lap("plan data: open data, preview images", t);
        DataPlan {
            jobs: jobs.into_iter().map(Arc::new).collect(),
            pages,
            fixed: Arc::new(fixed),
            taken,
        }
    }
}

/// Plans the data pages of `site` (key `key`): the lazy ones with their
/// charts, and the jobs of those built now.
fn plan_pages(
    site: &Site,
    theme: &Theme,
    key: Option<data::plan_key::PlanKey>,
) -> (Arc<PlannedPages>, Vec<Job>) {
    let mut pages = Vec::new();
    let t = std::time::Instant::now();
    data::data_jobs(site, theme, &mut pages);
    let t = lap("plan data: data pages", t);
    let found = data::embeds::walk_pages(site, theme, &mut pages);
    lap("plan data: charts", t);
    let images = (site.data.as_deref()).map(published::sharing_images::images_of);
    let mut jobs = Vec::new();
    let mut lazy = Vec::new();
    for (page, charts) in pages.into_iter().zip(&found) {
        match page {
            data::DataPage::Built(job) => jobs.push(job),
            data::DataPage::Lazy(page) => {
                charts.iter().for_each(|f| f.chart.expect_use());
                let image = images.as_ref().and_then(|i| i.get(&page.path).copied());
                lazy.push(Arc::new(lazy_data_job(page, charts.clone(), image)));
            }
        }
    }
    let planned = PlannedPages {
        // Contexts built now read the data as it is now.
        key: key.filter(|_| jobs.is_empty()),
        lazy,
        charts: found.into_iter().flatten().collect(),
    };
    (Arc::new(planned), jobs)
}

/// A lazy data page (see [`data::LazyPage`]) showing `charts` (drawn when
/// it renders, or by the embed page that drew them first), with its
/// sharing image (`image`, worded then): the context is built when the page
/// renders, from the site it renders with.
fn lazy_data_job(
    page: data::LazyPage,
    charts: Vec<data::embeds::FoundChart>,
    image: Option<published::sharing_images::ImageOf>,
) -> Lazy {
    let data::LazyPage {
        path,
        template,
        make,
        ..
    } = page;
    Lazy {
        path: path.clone(),
        make: Box::new(move |site, theme| {
            let folder = path.trim_end_matches("index.html");
            let shown: Vec<data::views::ChartView> = charts
                .iter()
                .map(|f| data::embeds::shown_chart(site, theme, &path, &f.chart))
                .collect();
            let shown: Vec<&data::views::ChartView> = shown.iter().collect();
            let mut context = match &site.data {
                Some(data) => make(site, theme, data, folder, &shown),
                None => engine::vars::Context::new(),
            };
            let image = image.and_then(|i| published::sharing_images::image_of(site, i, &path));
            if let Some((image, alt)) = &image {
                context.insert("og_image", image);
                context.insert("og_image_alt", alt);
            }
            Job {
                path: path.clone(),
                template: template.into(),
                context,
            }
        }),
    }
}

/// Gives the data its words (the theme's `chart_…` strings of `lang`) if
/// nobody has yet: the build does it before Markdown shortcodes draw charts.
pub fn set_chart_words(data: &SiteData, theme: &Theme, lang: &str) {
    let strings = theme.strings_for(lang);
    let _ = data
        .chart_words
        .set(std::sync::Arc::new(crate::charts::Words::with(|k| {
            strings.get(k).cloned()
        })));
}

/// [`plan`]; without the search index files when `search_index` is false
/// (`serve` builds them on the first request for one, see [`lazy`]), and
/// with what `reuse` gives of an earlier plan's data part. Returns the data
/// part too.
pub(crate) fn plan_with(
    site: &Site,
    theme: &Theme,
    search_index: bool,
    reuse: DataReuse,
) -> (Plan, Arc<DataPlan>) {
    let mut jobs = Vec::new();
    let mut deferred: Vec<Lazy> = Vec::new();
    let t = std::time::Instant::now();
    index(site);
    if let Some(data) = &site.data {
        // Charts speak the site's language: the theme's `chart_…` strings,
        // Vietnamese for any it lacks.
        set_chart_words(data, theme, &site.config.language);
    }
    let t = lap("plan: index, chart words", t);
    pages::single::page_jobs(site, theme, &mut jobs, &mut deferred);
    let t = lap("plan: pages", t);
    let prewalked = data::content_data(site, theme, &mut jobs);
    let t = lap("plan: content data", t);
    // Content pages first: a chart's embed page links to the first page
    // showing it.
    let content_charts = data::embeds::walk_jobs(site, theme, &mut jobs, &prewalked);
    let t = lap("plan: content charts", t);
    let data_plan = match reuse {
        DataReuse::All(all) => all,
        DataReuse::None | DataReuse::Pages(_) => {
            let last = match &reuse {
                DataReuse::Pages(last) => Some(last.as_ref()),
                _ => None,
            };
            Arc::new(crate::timing::phase("render: plan data", || {
                DataPlan::new(site, theme, last)
            }))
        }
    };
    data::embeds::embed_jobs(
        content_charts.iter().chain(&data_plan.pages.charts),
        &mut deferred,
    );
    let t = lap("plan: embeds", t);
    pages::lists::list_jobs(site, theme, &mut jobs, &mut deferred);
    data::bulletin::list_jobs(site, theme, &mut deferred);
    let t = lap("plan: lists", t);
    // Feeds and the sitemap read every listed page: their contexts are
    // built when they render.
    published::feeds::feed_lazy(site, &mut deferred);
    published::sitemap::sitemap_lazy(&mut deferred);
    published::section_feeds::feed_lazy(site, &mut deferred);
    let t = lap("plan: feeds", t);
    pages::aliases::alias_jobs(site, theme, &mut jobs);
    published::search::search_jobs(site, theme, &mut jobs);
    published::sharing_images::page_images(site, None, &mut jobs);
    let t = lap("plan: search, section feeds, images", t);
    let mut fixed = Output::default();
    if search_index {
        published::search::search_files(site, &mut fixed);
    }
    // Named only: made when written or first asked for.
    fixed.files.extend(deferred::json_feeds_output(site).files);
    for (name, bytes) in &theme.statics {
        fixed.insert(
            crate::text::windows_safe_path(name).into_owned(),
            bytes.clone(),
        );
    }
    lap("plan: fixed files", t);
    let assets = site
        .assets
        .iter()
        .map(|a| (a.out.clone(), a.source.clone()))
        .collect();
    let pending = deferred
        .into_iter()
        .map(Pending::Lazy)
        .chain(jobs.into_iter().map(Pending::Ready))
        .chain(data_plan.jobs.iter().cloned().map(Pending::Shared))
        .chain(
            data_plan
                .pages
                .lazy
                .iter()
                .cloned()
                .map(Pending::SharedLazy),
        )
        .collect();
    (
        Plan {
            pending,
            fixed,
            shared_fixed: Arc::clone(&data_plan.fixed),
            assets,
        },
        data_plan,
    )
}

/// Renders the whole site.
pub fn render(site: &Site, theme: &Theme, tera: &Tera, diags: &mut Diagnostics) -> Output {
    render_to(site, theme, tera, diags, None)
}

/// The plan's deferred files (see [`deferred`]) made, in parallel.
fn made(
    files: std::collections::BTreeMap<String, OutFile>,
) -> std::collections::BTreeMap<String, OutFile> {
    files
        .into_par_iter()
        .filter_map(|(path, file)| match file {
            OutFile::Lazy(l) => l.0.render_once(&path).map(|b| (path, OutFile::Bytes(b))),
            other => Some((path, other)),
        })
        .collect()
}

/// A rendered file: its bytes, or written already.
enum Rendered {
    Bytes(Vec<u8>),
    Written,
}

/// [`render`]; with `sink` (`build`), every file is written to the staging
/// folder as soon as it is ready and only its name is kept in the output
/// ([`OutFile::Written`]): the fixed files first (they win over a rendered
/// page at the same path, which is then not written), then each page as it
/// renders, so the site's pages are never all in memory at once. The
/// search index is made beside the pages (see [`index_beside`]). Assets
/// are left for [`Staging::finish`] to copy.
pub fn render_to(
    site: &Site,
    theme: &Theme,
    tera: &Tera,
    diags: &mut Diagnostics,
    sink: Option<&Staging>,
) -> Output {
    let mut plan = crate::timing::phase("render: plan", || {
        plan_with(site, theme, false, DataReuse::None).0
    });
    let beside = !index_beside::claimed_elsewhere(&plan);
    if !beside {
        // Its clashes are checked and it wins its paths, as a fixed file
        // planned first (later fixed files win over it).
        crate::timing::phase("render: search index", || {
            for (path, bytes) in published::search::index_files(site) {
                plan.fixed
                    .files
                    .entry(path)
                    .or_insert(OutFile::Bytes(bytes));
            }
        });
    }
    crate::timing::phase("render: addresses", || {
        addresses::check(site, theme, &plan, diags)
    });
    // A build that already failed keeps nothing on disk.
    let sink = sink.filter(|_| !diags.has_errors());
    let mut output = Output::default();
    let shared = Arc::try_unwrap(plan.shared_fixed).unwrap_or_else(|a| (*a).clone());
    // The open data and preview images are made here (see [`deferred`]).
    let mut fixed = shared.files;
    fixed.extend(plan.fixed.files);
    if let Some(sink) = sink {
        crate::timing::phase("render: write fixed", || {
            let written: Vec<(String, Option<Result<(), Diagnostic>>)> = fixed
                .into_par_iter()
                .map(|(path, file)| {
                    let r = match file {
                        OutFile::Bytes(b) => Some(sink.put(&path, &b)),
                        OutFile::Lazy(l) => l.0.render_once(&path).map(|b| sink.put(&path, &b)),
                        // Never in a plan's fixed files; kept as is.
                        _ => Some(Ok(())),
                    };
                    (path, r)
                })
                .collect();
            for (path, r) in written {
                match r {
                    Some(Ok(())) => {
                        output.files.insert(path, OutFile::Written);
                    }
                    Some(Err(d)) => diags.push(d),
                    None => {}
                }
            }
        });
    } else {
        output.files = crate::timing::phase("render: open data, preview images", || made(fixed));
    }
    let pages = |output: &Output| -> Vec<(String, Result<Rendered, Diagnostic>)> {
        crate::timing::phase("render: tera", || {
            plan.pending
                .into_par_iter()
                .filter(|p| !output.files.contains_key(p.path()))
                // One output buffer per worker, reused page after page when
                // the pages are written as they render.
                .map_init(Vec::new, |buf: &mut Vec<u8>, p| {
                    buf.clear();
                    let out = p
                        .render_into(site, theme, tera, buf)
                        .and_then(|()| match sink {
                            Some(s) => s.put(p.path(), buf).map(|()| Rendered::Written),
                            None => Ok(Rendered::Bytes(std::mem::take(buf))),
                        });
                    (p.path().to_owned(), out)
                })
                .collect()
        })
    };
    let (index, results) = rayon::join(
        || {
            beside.then(|| {
                crate::timing::phase("render: search index (beside tera)", || {
                    index_beside::made(site, sink)
                })
            })
        },
        || pages(&output),
    );
    for (path, r) in index.into_iter().flatten() {
        match r {
            Ok(file) => {
                output.files.insert(path, file);
            }
            Err(d) => diags.push(d),
        }
    }
    for (path, r) in results {
        match r {
            Ok(Rendered::Bytes(b)) => output.insert(path, b),
            Ok(Rendered::Written) => {
                output.files.insert(path, OutFile::Written);
            }
            Err(d) => diags.push(d),
        }
    }
    for (out, source) in plan.assets {
        output.copy(out, source);
    }
    output
}
