//! The watch thread of `serve`: it waits for debounced file events,
//! classifies them (see [`super::watch`]), calls [`rebuild`] and swaps the
//! served snapshot, then starts the background check of the new one.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use crate::config::Config;
use crate::diagnostics::Diagnostics;

use super::rebuild::{Changed, Incremental, rebuild, spawn_verify};
use super::{ServeOptions, Shared, watch};

/// Starts the watcher and the rebuild thread.
pub fn spawn_watcher(
    opts: ServeOptions,
    host: String,
    shared: Arc<Shared>,
    mut state: Incremental,
) -> Result<(), String> {
    let root = std::fs::canonicalize(&opts.root).map_err(|e| {
        format!(
            "không mở được thư mục trang {}: {}",
            opts.root.display(),
            crate::os_error::reason(&e)
        )
    })?;
    let (tx, rx) = mpsc::channel();
    let watcher = watch::Watcher::start(&root, tx)
        .map_err(|e| format!("không theo dõi được thay đổi tệp: {}", watch::reason(&e)))?;
    std::thread::Builder::new()
        .name("minhbach-watch".into())
        .spawn(move || watch_loop(&opts, &host, &root, watcher, &rx, &shared, &mut state))
        .map_err(|e| {
            format!(
                "không tạo được luồng theo dõi: {}",
                crate::os_error::reason(&e)
            )
        })?;
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
        let mut paths = Vec::new();
        // When the first event of the burst happened (for the timings).
        let mut first_event: Option<Instant> = None;
        // Lost events: only a full rebuild is safe.
        let mut unsure = false;
        for batch in batches {
            match batch {
                Ok(events) => {
                    for ev in events {
                        if !watch::is_relevant_event(&ev.kind) {
                            continue;
                        }
                        first_event = Some(first_event.map_or(ev.time, |t| t.min(ev.time)));
                        for p in &ev.paths {
                            if let Some(k) = watch::classify(root, p, &data) {
                                if k == watch::ChangeKind::Data {
                                    state.forget_data(p);
                                }
                                kinds.insert(k);
                                if !paths.contains(p) {
                                    paths.push(p.clone());
                                }
                            }
                        }
                    }
                }
                Err(errors) => {
                    unsure = true;
                    for e in errors {
                        eprintln!("cảnh báo: lỗi khi theo dõi tệp: {}", watch::reason(&e));
                    }
                }
            }
        }
        if kinds.is_empty() {
            continue;
        }
        let event = first_event.unwrap_or_else(Instant::now);
        crate::timing::lap("serve: event → rebuild starts", event);
        let what: Vec<_> = kinds.iter().map(|k| k.label()).collect();
        eprintln!("Thay đổi {}: đang dựng lại…", what.join(", "));
        if kinds.contains(&watch::ChangeKind::Config) {
            data = data_dir(root);
            state.clear();
        }
        crate::timing::phase("serve: watch new folders", || watcher.refresh());
        shared
            .rebuilding
            .store(true, std::sync::atomic::Ordering::Relaxed);
        let previous = shared.snapshot();
        // A bug in the build must not end live preview: report it and
        // keep watching, serving what was there.
        let next = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let only_content = !unsure && kinds.iter().all(|k| *k == watch::ChangeKind::Content);
            if !unsure && kinds.iter().all(|k| *k == watch::ChangeKind::Data) {
                state.data_only();
            }
            let changed = only_content.then_some(Changed {
                root,
                paths: &paths,
            });
            rebuild(opts, host, &previous, state, changed)
        }));
        match next {
            Ok((next, check)) => {
                let next = Arc::new(next);
                crate::timing::phase("serve: swap, reload sent", || {
                    shared.replace_arc(Arc::clone(&next));
                });
                crate::timing::lap("serve: event → reload sent", event);
                shared
                    .rebuilding
                    .store(false, std::sync::atomic::Ordering::Relaxed);
                if let Some(check) = check {
                    spawn_verify(Arc::clone(shared), previous, next, check);
                }
            }
            Err(_) => {
                shared
                    .rebuilding
                    .store(false, std::sync::atomic::Ordering::Relaxed);
                // The cache may hold a half-updated state.
                state.clear();
                eprintln!(
                    "lỗi: minhbach gặp sự cố nội bộ khi dựng lại (xem thông báo ở trên); vẫn tiếp tục theo dõi, hãy báo lỗi này cho nhóm phát triển"
                );
            }
        }
    }
}
