//! Rebuilding for `serve`: rebuilds the site in memory after the watch
//! thread ([`super::watch_thread`]) classified the file events, and makes
//! the [`Snapshot`] it swaps in. A failed build keeps the last good output
//! and records the errors for the overlay; nothing is written to disk.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::build::{BuildOptions, Caches, Prepared, prepare};
use crate::cli::report;
use crate::config::Config;
use crate::content::cache::{BodyChange, reload_body};
use crate::diagnostics::Diagnostics;
use crate::output::Output;
use crate::render::engine::theme::Theme;
use crate::render::lazy::{LazySite, lazy_body_edit, lazy_output};
use crate::render::{DataPlan, DataReuse};
use crate::site::Site;
use std::path::PathBuf;
use tera::Tera;

use super::{ServeOptions, Shared, Snapshot};

/// What the rebuild thread keeps between rebuilds: parsed and rendered
/// content and parsed data by file (see [`Caches`]).
#[derive(Default)]
pub struct Incremental {
    cache: Caches,
    /// The last successful build, for body-only edits.
    last: Option<Last>,
    body_edits: usize,
    derived: usize,
    /// The next rebuild follows changes to data files only.
    data_only: bool,
    /// Full rebuilds whose plan took the data pages of the last one.
    data_pages_taken: usize,
}

/// What a successful rebuild made, kept for the next one.
struct Last {
    site: Arc<Site>,
    theme: Arc<Theme>,
    tera: Arc<Tera>,
    warnings: Diagnostics,
    base_path: String,
    /// The data part of the last plan, reused by body-only edits that
    /// plan again.
    data_plan: Option<Arc<DataPlan>>,
    /// The last plan's pages and output, which body-only edits derive the
    /// next generation from (see [`crate::render::lazy::lazy_body_edit`]).
    lazy: Option<(Arc<LazySite>, Arc<Output>)>,
}

impl Incremental {
    pub fn new() -> Incremental {
        Incremental::default()
    }

    /// How many rebuilds took the body-only fast path.
    pub fn body_edits(&self) -> usize {
        self.body_edits
    }

    /// How many of those derived the new generation from the last one
    /// without planning again.
    pub fn derived_edits(&self) -> usize {
        self.derived
    }

    /// Forgets cached content (after a configuration change).
    pub fn clear(&mut self) {
        self.cache.clear();
        self.last = None;
    }

    /// Tells the next rebuild that the watcher saw changes to data files
    /// and nothing else (no event lost): it takes the files under
    /// `content/` and `static/` as the last build found them, without
    /// walking the folders again (see
    /// [`crate::content::ContentCache::trust_unchanged`]).
    pub fn data_only(&mut self) {
        self.data_only = true;
    }

    /// Forgets what is kept for the data file `path` (absolute), so the
    /// next rebuild reads it again whatever its stamp says.
    pub fn forget_data(&mut self, path: &Path) {
        self.cache.data.forget(path);
    }

    /// How many Markdown bodies the last full rebuild rendered (the
    /// others came from the cache).
    pub fn bodies_rendered(&self) -> usize {
        self.cache.content.bodies_rendered()
    }

    /// How many periodic reports the last full rebuild made (the others
    /// were the last build's, their inputs unchanged).
    pub fn reports_made(&self) -> usize {
        self.cache.reports.made()
    }

    /// How many weekly bulletins the last full rebuild made (the others
    /// were the last build's).
    pub fn bulletins_made(&self) -> usize {
        self.cache.bulletins.made()
    }

    /// How many rebuilds took the content's pages whole from the last
    /// one (data-only edits; see [`crate::content::ContentCache::trust_unchanged`]).
    pub fn contents_kept(&self) -> usize {
        self.cache.content.kept_loads()
    }

    /// How many rebuilds took the site model's index from the last one
    /// (no page moved in it; see [`crate::site::SiteMemo`]).
    pub fn sites_kept(&self) -> usize {
        self.cache.site.reused()
    }

    /// How many full rebuilds took the data pages and charts of the last
    /// plan instead of planning them (decision 0042).
    pub fn data_pages_taken(&self) -> usize {
        self.data_pages_taken
    }

    /// How many data files the last rebuild read from disk (the others
    /// came from the cache).
    pub fn data_files_read(&self) -> usize {
        self.cache.data.files_read()
    }
}

/// Files changed since the last rebuild, as reported by the watcher.
pub struct Changed<'a> {
    /// The canonical site root the paths are under.
    pub root: &'a Path,
    /// Changed paths (absolute). Only used when every change is content.
    pub paths: &'a [PathBuf],
}

/// A successful rebuild's pages, to render in full in the background
/// (see [`verify`]).
pub struct Verify {
    lazy: Arc<LazySite>,
    warnings: Diagnostics,
}

impl Verify {
    /// Renders every page of the rebuild and returns the errors and
    /// warnings a full build would report (what [`verify`] does on its
    /// thread, without the snapshot swap).
    pub fn check(self) -> Diagnostics {
        let mut diags = self.warnings;
        if let Some(errors) = self.lazy.render_all(&|| false) {
            diags.extend(errors);
        }
        diags.sort();
        diags
    }
}

/// Builds the site for the preview and returns the new snapshot, printing
/// the outcome. `previous` supplies the output to keep on failure.
///
/// Unchanged content comes from `state`; pages are not rendered here but
/// on request (`render::lazy`), so the time from an edit to the reload is
/// that of reading the edited file and modelling the site. The pages are
/// then rendered in the background by [`verify`], which reports template
/// errors exactly as a full build would.
pub fn rebuild(
    opts: &ServeOptions,
    host: &str,
    previous: &Snapshot,
    state: &mut Incremental,
    changed: Option<Changed<'_>>,
) -> (Snapshot, Option<Verify>) {
    let started = Instant::now();
    if let Some(changed) = &changed
        && let Some(done) = body_edit(previous, state, changed)
    {
        let (snap, verify) = done;
        state.body_edits += 1;
        eprintln!(
            "Đã dựng {} trang trong {} ms (chỉ thay nội dung bài).",
            snap.output.page_count(),
            started.elapsed().as_millis()
        );
        return (snap, Some(verify));
    }
    let t = Instant::now();
    // The last generation's site and pages, if no one else holds them; its
    // plan's data part, which the next plan may take pages from (the
    // served generation holds it anyway).
    let last_data_plan = state.last.take().and_then(|l| l.data_plan);
    let t = crate::timing::lap("rebuild: drop last", t);
    // Files the watcher named are read again, whatever their stamps say.
    if let Some(changed) = &changed {
        let content = changed.root.join("content");
        for p in changed.paths {
            state.cache.data.forget(p);
            if let Ok(rel) = p.strip_prefix(&content) {
                let rel: Vec<_> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect();
                state.cache.content.forget(&rel.join("/"));
            }
        }
    }
    // The base path comes from the configuration; if it cannot be read, the
    // build fails anyway and the previous prefix is kept.
    let base_path = Config::load(&opts.root, &mut Diagnostics::new())
        .map(|c| c.base_path())
        .unwrap_or_else(|| previous.base_path.clone());
    let base_path = if base_path.is_empty() {
        "/".to_owned()
    } else {
        base_path
    };
    crate::timing::lap("rebuild: forget, config", t);
    let build = BuildOptions {
        root: opts.root.clone(),
        base_url: Some(format!("http://{host}{base_path}")),
        today: opts.today,
        drafts: opts.drafts,
        check: false,
    };
    let generation = previous.generation + 1;
    if std::mem::take(&mut state.data_only) {
        state.cache.content.trust_unchanged();
    }
    let prepared = prepare(&build, Some(&mut state.cache));
    // Trusted for this build only, even if it stopped before the content.
    let _ = state.cache.content.take_trusted();
    let prepared = match prepared {
        Ok(Prepared {
            site,
            theme,
            tera: Some(tera),
            mut diags,
        }) if !diags.has_errors() => {
            let (site, theme) = (Arc::new(site), Arc::new(theme));
            diags.sort();
            // The last plan's data pages are taken over if the new data
            // would plan them the same (decision 0042).
            let reuse = match last_data_plan {
                Some(last) => DataReuse::Pages(last),
                None => DataReuse::None,
            };
            state.last = Some(Last {
                site: Arc::clone(&site),
                theme: Arc::clone(&theme),
                tera: Arc::clone(&tera),
                warnings: diags.clone(),
                base_path: base_path.clone(),
                data_plan: None,
                lazy: None,
            });
            let (output, lazy, data_plan) =
                crate::timing::phase("plan", || lazy_output(site, theme, tera, reuse));
            let output = Arc::new(output);
            state.data_pages_taken += usize::from(data_plan.pages_taken());
            if let Some(last) = &mut state.last {
                last.data_plan = Some(data_plan);
                last.lazy = Some((Arc::clone(&lazy), Arc::clone(&output)));
            }
            Ok((output, lazy, diags))
        }
        Ok(Prepared { mut diags, .. }) | Err(mut diags) => {
            diags.sort();
            Err(diags)
        }
    };
    let t = Instant::now();
    match prepared {
        Ok((output, lazy, diags)) => {
            report::print(&diags);
            eprintln!(
                "Đã dựng {} trang trong {} ms{}.",
                output.page_count(),
                started.elapsed().as_millis(),
                if diags.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", report::summary(&diags))
                }
            );
            let snap = Snapshot {
                output,
                base_path,
                errors: None,
                generation,
            };
            crate::timing::lap("rebuild: report", t);
            (
                snap,
                Some(Verify {
                    lazy,
                    warnings: diags,
                }),
            )
        }
        Err(diags) => (failed(previous, base_path, diags, generation), None),
    }
}

/// The fast path for the common edit: known, published Markdown files whose
/// front matter and diagnostics did not change. The new site is the last one
/// with those pages' bodies replaced — what a clean build would model, since
/// nothing else a build derives from a file depends on its body (except the
/// weekly bulletins, which quote summaries: a summary edit on a site with
/// data takes the slower path; bodies calling shortcodes are never cached). `None`
/// when any change is of another kind; the caller then rebuilds from the
/// cache.
fn body_edit(
    previous: &Snapshot,
    state: &mut Incremental,
    changed: &Changed<'_>,
) -> Option<(Snapshot, Verify)> {
    let last = state.last.as_ref()?;
    if previous.errors.is_some() || changed.paths.is_empty() {
        return None;
    }
    let content = changed.root.join("content");
    let mut site: Option<Site> = None;
    let mut edited = Vec::new();
    for path in changed.paths {
        let rel = path.strip_prefix(&content).ok()?;
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<Vec<_>>>()?
            .join("/");
        if !(rel.ends_with(".md") || rel.ends_with(".markdown")) {
            return None;
        }
        let opts = last.site.config.markdown.clone();
        let body = crate::timing::phase("body edit: read", || {
            reload_body(changed.root, path, &rel, &opts, &mut state.cache.content)
        });
        match body {
            BodyChange::Unchanged => {}
            BodyChange::Other => return None,
            BodyChange::Body(body) => {
                let i = last.site.pages.iter().position(|p| p.rel == rel)?;
                // Weekly bulletins (sites with data) quote posts' summaries:
                // a new summary needs them generated again.
                let old = &last.site.pages[i];
                if last.site.data.is_some() && old.body.summary_html != body.summary_html {
                    return None;
                }
                let s = site.get_or_insert_with(|| {
                    crate::timing::phase("body edit: site", || last.site.clone_for_body_edit())
                });
                let mut page = (*s.pages[i]).clone();
                page.body = *body;
                s.pages[i] = Arc::new(page);
                edited.push(i);
            }
        }
    }
    let site = Arc::new(site?);
    // Only bodies changed: derive the next generation from the last one,
    // or, when that cannot be done, plan again but keep the data part (the
    // data pages read no body; see `DataPlan`).
    let derived = last.lazy.as_ref().and_then(|(lazy, output)| {
        crate::timing::phase("plan: body edit", || {
            lazy_body_edit(lazy, output, Arc::clone(&site), &edited)
        })
    });
    let (output, lazy, data_plan) = match derived {
        Some((output, lazy)) => {
            state.derived += 1;
            (output, lazy, last.data_plan.clone())
        }
        None => {
            let (output, lazy, data_plan) = crate::timing::phase("plan", || {
                lazy_output(
                    Arc::clone(&site),
                    Arc::clone(&last.theme),
                    Arc::clone(&last.tera),
                    match last.data_plan.clone() {
                        Some(all) => DataReuse::All(all),
                        None => DataReuse::None,
                    },
                )
            });
            (output, lazy, Some(data_plan))
        }
    };
    let output = Arc::new(output);
    let warnings = last.warnings.clone();
    let base_path = last.base_path.clone();
    let last = state.last.as_mut()?;
    last.site = site;
    last.data_plan = data_plan;
    last.lazy = Some((Arc::clone(&lazy), Arc::clone(&output)));
    Some((
        Snapshot {
            output,
            base_path,
            errors: None,
            generation: previous.generation + 1,
        },
        Verify { lazy, warnings },
    ))
}

/// The snapshot after a failed build: the last good output, with errors.
fn failed(previous: &Snapshot, base_path: String, diags: Diagnostics, generation: u64) -> Snapshot {
    report::print(&diags);
    eprintln!(
        "Không dựng được trang: {}. Trình duyệt vẫn hiện bản dựng tốt gần nhất, kèm thông báo lỗi.",
        report::summary(&diags)
    );
    Snapshot {
        output: Arc::clone(&previous.output),
        base_path: if previous.output.is_empty() {
            base_path
        } else {
            previous.base_path.clone()
        },
        errors: Some(Arc::new(diags)),
        generation,
    }
}

/// Renders every page of a rebuild (in the background, while the browser
/// already shows the new pages) and, if a template fails on any, replaces
/// the snapshot with the failed-build one: the previous good output plus
/// the errors, as a full rebuild would have given. Gives up as soon as a
/// newer rebuild replaced the snapshot.
pub fn verify(shared: &Shared, previous: &Snapshot, built: &Snapshot, v: Verify) {
    let generation = built.generation;
    // A newer edit is being rebuilt, or was: this check is of no use.
    let stale = || {
        shared.rebuilding.load(std::sync::atomic::Ordering::Relaxed)
            || shared.snapshot().generation != generation
    };
    let Some(errors) = v.lazy.render_all(&stale) else {
        return;
    };
    if !errors.has_errors() {
        return;
    }
    let mut diags = v.warnings;
    diags.extend(errors);
    diags.sort();
    let snap = failed(previous, built.base_path.clone(), diags, generation + 1);
    shared.replace_if(generation, snap);
}

/// Runs [`verify`] on its own thread.
pub fn spawn_verify(shared: Arc<Shared>, previous: Arc<Snapshot>, built: Arc<Snapshot>, v: Verify) {
    let spawned = std::thread::Builder::new()
        .name("minhbach-verify".into())
        .spawn(move || {
            // A panic in a template function only loses the check.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                verify(&shared, &previous, &built, v)
            }));
            // The previous generation may be gone now: give its memory back.
            drop((previous, built));
            release_free_memory();
        });
    if let Err(e) = spawned {
        eprintln!(
            "cảnh báo: không kiểm tra được toàn bộ trang: {}",
            crate::os_error::reason(&e)
        );
    }
}

/// Returns freed heap memory to the system. glibc keeps what a thread
/// freed in that thread's arena; after a few rebuilds on a site with data
/// the preview held gigabytes it no longer used.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}
