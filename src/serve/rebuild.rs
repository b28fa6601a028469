//! Rebuilding for `serve`: the thread that receives debounced file events,
//! classifies them (see [`super::watch`]), rebuilds the site in memory and
//! swaps the served [`Snapshot`]. A failed build keeps the last good output
//! and records the errors for the overlay; nothing is written to disk.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use crate::build::{BuildOptions, build_site};
use crate::cli::report;
use crate::config::Config;
use crate::diagnostics::Diagnostics;

use super::{ServeOptions, Shared, Snapshot, watch};

/// Builds the site for the preview and returns the new snapshot, printing
/// the outcome. `previous` supplies the output to keep on failure.
pub fn rebuild(opts: &ServeOptions, host: &str, previous: &Snapshot) -> Snapshot {
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
    match build_site(&build) {
        Ok(built) => {
            report::print(&built.diagnostics);
            eprintln!(
                "Đã dựng {} trang trong {} ms{}.",
                built.output.page_count(),
                started.elapsed().as_millis(),
                if built.diagnostics.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", report::summary(&built.diagnostics))
                }
            );
            Snapshot {
                output: Arc::new(built.output),
                base_path,
                errors: None,
                generation,
            }
        }
        Err(diags) => {
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
    }
}

/// Starts the watcher and the rebuild thread.
pub fn spawn_watcher(opts: ServeOptions, host: String, shared: Arc<Shared>) -> Result<(), String> {
    let root = std::fs::canonicalize(&opts.root)
        .map_err(|e| format!("không mở được thư mục trang {}: {e}", opts.root.display()))?;
    let (tx, rx) = mpsc::channel();
    let watcher = watch::Watcher::start(&root, tx)
        .map_err(|e| format!("không theo dõi được thay đổi tệp: {e}"))?;
    std::thread::Builder::new()
        .name("minhbach-watch".into())
        .spawn(move || watch_loop(&opts, &host, &root, watcher, &rx, &shared))
        .map_err(|e| format!("không tạo được luồng theo dõi: {e}"))?;
    Ok(())
}

fn watch_loop(
    opts: &ServeOptions,
    host: &str,
    root: &Path,
    mut watcher: watch::Watcher,
    rx: &mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    shared: &Shared,
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
        }
        watcher.refresh();
        let previous = shared.snapshot();
        // A bug in the build must not end live preview: report it and
        // keep watching, serving what was there.
        let next = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rebuild(opts, host, &previous)
        }));
        match next {
            Ok(next) => shared.replace(next),
            Err(_) => eprintln!(
                "lỗi: minhbach gặp sự cố nội bộ khi dựng lại (xem thông báo ở trên); vẫn tiếp tục theo dõi, hãy báo lỗi này cho nhóm phát triển"
            ),
        }
    }
}
