//! Rebuilding for `serve`: the thread that receives debounced file events,
//! classifies them (see [`super::watch`]), rebuilds the site in memory and
//! swaps the served [`Snapshot`]. A failed build keeps the last good output
//! and records the errors for the overlay; nothing is written to disk.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use crate::build::{BuildOptions, Prepared, prepare};
use crate::cli::report;
use crate::config::Config;
use crate::content::ContentCache;
use crate::diagnostics::Diagnostics;
use crate::render::lazy::{LazySite, lazy_output};

use super::{ServeOptions, Shared, Snapshot, watch};

/// What the rebuild thread keeps between rebuilds: parsed and rendered
/// content by file (see [`ContentCache`]).
#[derive(Default)]
pub struct Incremental {
    cache: ContentCache,
}

impl Incremental {
    pub fn new() -> Incremental {
        Incremental::default()
    }

    /// Forgets cached content (after a configuration change).
    pub fn clear(&mut self) {
        self.cache.clear();
    }
}

/// A successful rebuild's pages, to render in full in the background
/// (see [`verify`]).
pub struct Verify {
    lazy: Arc<LazySite>,
    warnings: Diagnostics,
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
) -> (Snapshot, Option<Verify>) {
    let started = Instant::now();
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
    let build = BuildOptions {
        root: opts.root.clone(),
        base_url: Some(format!("http://{host}{base_path}")),
        today: opts.today,
        drafts: opts.drafts,
    };
    let generation = previous.generation + 1;
    let prepared = match prepare(&build, Some(&mut state.cache)) {
        Ok(Prepared {
            site,
            theme,
            tera: Some(tera),
            mut diags,
        }) if !diags.has_errors() => {
            let (output, lazy) = crate::timing::phase("plan", || {
                lazy_output(Arc::new(site), Arc::new(theme), Arc::new(tera))
            });
            diags.sort();
            Ok((output, lazy, diags))
        }
        Ok(Prepared { mut diags, .. }) | Err(mut diags) => {
            diags.sort();
            Err(diags)
        }
    };
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
                output: Arc::new(output),
                base_path,
                errors: None,
                generation,
            };
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
    let stale = || shared.snapshot().generation != generation;
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
        });
    if let Err(e) = spawned {
        eprintln!("cảnh báo: không kiểm tra được toàn bộ trang: {e}");
    }
}

/// Starts the watcher and the rebuild thread.
pub fn spawn_watcher(
    opts: ServeOptions,
    host: String,
    shared: Arc<Shared>,
    mut state: Incremental,
) -> Result<(), String> {
    let root = std::fs::canonicalize(&opts.root)
        .map_err(|e| format!("không mở được thư mục trang {}: {e}", opts.root.display()))?;
    let (tx, rx) = mpsc::channel();
    let watcher = watch::Watcher::start(&root, tx)
        .map_err(|e| format!("không theo dõi được thay đổi tệp: {e}"))?;
    std::thread::Builder::new()
        .name("minhbach-watch".into())
        .spawn(move || watch_loop(&opts, &host, &root, watcher, &rx, &shared, &mut state))
        .map_err(|e| format!("không tạo được luồng theo dõi: {e}"))?;
    Ok(())
}

fn watch_loop(
    opts: &ServeOptions,
    host: &str,
    root: &Path,
    mut watcher: watch::Watcher,
    rx: &mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    shared: &Arc<Shared>,
    state: &mut Incremental,
) {
    let data_dir = |root: &Path| {
        Config::load(root, &mut Diagnostics::new())
            .map(|c| c.data.dir)
            .unwrap_or_else(|| "du-lieu".to_owned())
    };
    let mut data = data_dir(root);
    while let Ok(first) = rx.recv() {
        // Take everything already queued, so one burst means one rebuild.
        let batches = std::iter::once(first).chain(rx.try_iter());
        let mut kinds = BTreeSet::new();
        for batch in batches {
            match batch {
                Ok(events) => {
                    for ev in events {
                        if !watch::is_relevant_event(&ev.kind) {
                            continue;
                        }
                        kinds.extend(
                            ev.paths
                                .iter()
                                .filter_map(|p| watch::classify(root, p, &data)),
                        );
                    }
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("cảnh báo: lỗi khi theo dõi tệp: {e}");
                    }
                }
            }
        }
        if kinds.is_empty() {
            continue;
        }
        let what: Vec<_> = kinds.iter().map(|k| k.label()).collect();
        eprintln!("Thay đổi {}: đang dựng lại…", what.join(", "));
        if kinds.contains(&watch::ChangeKind::Config) {
            data = data_dir(root);
            state.clear();
        }
        watcher.refresh();
        let previous = shared.snapshot();
        // A bug in the build must not end live preview: report it and
        // keep watching, serving what was there.
        let next = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rebuild(opts, host, &previous, state)
        }));
        match next {
            Ok((next, check)) => {
                let next = Arc::new(next);
                shared.replace_arc(Arc::clone(&next));
                if let Some(check) = check {
                    spawn_verify(Arc::clone(shared), previous, next, check);
                }
            }
            Err(_) => {
                // The cache may hold a half-updated state.
                state.clear();
                eprintln!(
                    "lỗi: minhbach gặp sự cố nội bộ khi dựng lại (xem thông báo ở trên); vẫn tiếp tục theo dõi, hãy báo lỗi này cho nhóm phát triển"
                );
            }
        }
    }
}
