//! `minhbach serve`: build the site in memory, serve it over HTTP with live
//! reload, and rebuild when its files change.
//!
//! Threads: the tokio runtime runs the HTTP server (axum); a plain thread
//! receives debounced file events, rebuilds and swaps the served snapshot
//! (an `Arc` behind a `RwLock`, replaced whole), then tells every browser to
//! reload over Server-Sent Events. A failed rebuild keeps the last good
//! output and adds an error overlay to every page. Nothing is ever written
//! to disk: not `public/`, not a temp folder.
//!
//! Submodules: [`http`] (routing, content types, path safety), [`watch`]
//! (what to watch, event classification), [`overlay`] (reload script and
//! error overlay).

pub mod http;
pub mod overlay;
pub mod watch;

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::civil::Date;
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use crate::build::{BuildOptions, build_site};
use crate::cli::report;
use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::Diagnostics;
use crate::output::Output;

/// Everything `serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// First port to try; the next free ones are tried after it.
    pub port: u16,
    pub open: bool,
    pub today: Date,
    pub drafts: bool,
}

/// How many ports after `port` to try when it is taken.
const PORT_TRIES: u16 = 20;

/// One served state of the site, replaced whole on every rebuild.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The last successful build (empty until there is one).
    pub output: Arc<Output>,
    /// Path prefix the site is served under, e.g. `/chuyen-doi-so/`.
    pub base_path: String,
    /// Errors of the latest build, when it failed.
    pub errors: Option<Arc<Diagnostics>>,
    /// Increases with every build, successful or not.
    pub generation: u64,
}

/// State shared by the HTTP handlers and the rebuild thread.
pub struct Shared {
    current: RwLock<Arc<Snapshot>>,
    reload: broadcast::Sender<u64>,
}

impl Shared {
    fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn replace(&self, snap: Snapshot) {
        let generation = snap.generation;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snap);
        // No receivers (no open page) is fine.
        let _ = self.reload.send(generation);
    }
}

/// Builds the site for the preview and returns the new snapshot, printing
/// the outcome. `previous` supplies the output to keep on failure.
fn rebuild(opts: &ServeOptions, host: &str, previous: &Snapshot) -> Snapshot {
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

/// Binds `bind:port`, or the next free port.
fn bind(addr: IpAddr, port: u16) -> std::io::Result<TcpListener> {
    let mut last = None;
    for p in port..=port.saturating_add(PORT_TRIES) {
        match TcpListener::bind(SocketAddr::new(addr, p)) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("không còn cổng trống")))
}

/// `host:port` as used in URLs (IPv6 in brackets; unspecified addresses
/// shown as loopback, which is what a browser on this machine can open).
fn url_host(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("127.0.0.1:{}", addr.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("[::1]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
    }
}

/// Runs the preview server until Ctrl-C. Returns an error message (in
/// Vietnamese) when it cannot start at all.
pub fn run(opts: ServeOptions) -> Result<(), String> {
    // Without a configuration this is not a site folder: say so and stop,
    // rather than serve an error page for the wrong folder. Any other
    // problem (even a broken configuration) is shown in the browser.
    if !opts.root.join(CONFIG_FILE).is_file() {
        return Err(format!(
            "không tìm thấy tệp cấu hình “{CONFIG_FILE}” trong thư mục {}; chạy lệnh trong thư mục trang hoặc dùng --root THƯ_MỤC",
            opts.root.display()
        ));
    }
    let listener = bind(opts.bind, opts.port)
        .map_err(|e| format!("không mở được cổng {} trên {}: {e}", opts.port, opts.bind))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("không đọc được địa chỉ máy chủ: {e}"))?;
    let host = url_host(addr);

    let first = rebuild(&opts, &host, &Snapshot::default());
    let url = format!("http://{host}{}", first.base_path);
    let (reload, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        current: RwLock::new(Arc::new(first)),
        reload,
    });

    spawn_watcher(opts.clone(), host.clone(), Arc::clone(&shared))?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("không khởi động được máy chủ: {e}"))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("không mở được cổng: {e}"))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| format!("không mở được cổng: {e}"))?;
        eprintln!("Xem trước tại: {url}");
        eprintln!("Lưu tệp là trang tự tải lại. Nhấn Ctrl-C để dừng.");
        if opts.open {
            open_browser(&url);
        }
        let app = router(shared);
        tokio::select! {
            r = axum::serve(listener, app) => {
                r.map_err(|e| format!("máy chủ dừng vì lỗi: {e}"))?;
            }
            () = stop_signal() => {
                eprintln!("\nĐã dừng xem trước.");
            }
        }
        Ok::<(), String>(())
    })?;
    // Open SSE connections are dropped with the runtime.
    runtime.shutdown_timeout(Duration::from_millis(200));
    Ok(())
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one (service managers,
/// `kill`). If a handler cannot be installed, that signal is not awaited.
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// Starts the watcher and the rebuild thread.
fn spawn_watcher(opts: ServeOptions, host: String, shared: Arc<Shared>) -> Result<(), String> {
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

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(overlay::EVENTS_PATH, get(events))
        .fallback(serve_file)
        .with_state(shared)
}

/// The SSE stream: a `hello` with the current generation, then one
/// `reload` per build. Keep-alive comments detect closed connections.
async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let rx = shared.reload.subscribe();
    let hello = shared.snapshot().generation;
    let first = tokio_stream::once(Ok::<_, Infallible>(
        Event::default().event("hello").data(hello.to_string()),
    ));
    // A lagging receiver just skips to the next build; one reload is enough.
    let rest = BroadcastStream::new(rx).filter_map(|r| {
        r.ok()
            .map(|g| Ok(Event::default().event("reload").data(g.to_string())))
    });
    Sse::new(first.chain(rest)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

async fn serve_file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let snap = shared.snapshot();
    respond(&snap, uri.path())
}

/// Builds the response for `path` from a snapshot.
pub fn respond(snap: &Snapshot, path: &str) -> Response {
    if snap.output.is_empty()
        && let Some(errors) = &snap.errors
    {
        // No good build yet: every path shows only the errors (no redirect,
        // since even the base path may be unknown).
        let page = overlay::error_page(errors, snap.generation);
        return with_type(
            StatusCode::INTERNAL_SERVER_ERROR,
            http::content_type("index.html"),
            page.into_bytes(),
        );
    }
    match http::resolve(path, &snap.base_path, &snap.output) {
        http::Route::File(key) => match snap.output.read(&key) {
            Some(bytes) => file_response(snap, StatusCode::OK, &key, bytes),
            // A copied file vanished since the build; the rebuild is coming.
            None => not_found(snap),
        },
        http::Route::Redirect(to) => Response::builder()
            .status(StatusCode::FOUND)
            .header(header::LOCATION, to)
            .header(header::CACHE_CONTROL, "no-store")
            .body(Body::empty())
            .unwrap_or_default(),
        http::Route::NotFound => not_found(snap),
        http::Route::BadRequest => plain(StatusCode::BAD_REQUEST, "Đường dẫn không hợp lệ.\n"),
    }
}

fn not_found(snap: &Snapshot) -> Response {
    match snap.output.read("404.html") {
        Some(bytes) => file_response(snap, StatusCode::NOT_FOUND, "404.html", bytes),
        None => plain(StatusCode::NOT_FOUND, "Không tìm thấy trang.\n"),
    }
}

fn file_response(snap: &Snapshot, status: StatusCode, key: &str, bytes: Vec<u8>) -> Response {
    let ctype = http::content_type(key);
    let bytes = if http::is_html(key) {
        let mut snippet = String::new();
        if let Some(errors) = &snap.errors {
            snippet.push_str(&overlay::overlay(errors));
        }
        snippet.push_str(&overlay::reload_script(snap.generation));
        overlay::inject(&bytes, &snippet)
    } else {
        bytes
    };
    with_type(status, ctype, bytes)
}

fn with_type(status: StatusCode, ctype: &'static str, bytes: Vec<u8>) -> Response {
    let mut res = (status, bytes).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    with_type(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

/// Opens `url` in the default browser; failure is ignored (the URL is
/// printed anyway).
fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Ok(mut child) = cmd.spawn() {
        // Reap it so no zombie is left behind.
        std::thread::spawn(move || child.wait());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(errors: bool) -> Snapshot {
        let mut out = Output::default();
        out.insert(
            "index.html".into(),
            b"<html><body>trang chu</body></html>".to_vec(),
        );
        out.insert("404.html".into(), b"<body>khong thay</body>".to_vec());
        out.insert("style.css".into(), b"body{}".to_vec());
        let errors = errors.then(|| {
            let mut d = Diagnostics::new();
            d.push(crate::diagnostics::Diagnostic::error(
                "content/a.md",
                "hỏng",
            ));
            Arc::new(d)
        });
        Snapshot {
            output: Arc::new(out),
            base_path: "/cds/".into(),
            errors,
            generation: 3,
        }
    }

    async fn body(res: Response) -> String {
        let b = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        String::from_utf8(b.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn serves_html_with_script_only() {
        let s = snap(false);
        let res = respond(&s, "/cds/");
        assert_eq!(res.status(), StatusCode::OK);
        let b = body(res).await;
        assert!(b.contains("trang chu"));
        assert!(b.contains(overlay::EVENTS_PATH));
        assert!(!b.contains("__minhbach-overlay"));
        let css = body(respond(&s, "/cds/style.css")).await;
        assert_eq!(css, "body{}");
        let res = respond(&s, "/cds/khong-co/");
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert!(body(res).await.contains("khong thay"));
        assert_eq!(respond(&s, "/cds/../x").status(), StatusCode::BAD_REQUEST);
        assert_eq!(respond(&s, "/").status(), StatusCode::FOUND);
    }

    #[tokio::test]
    async fn failed_rebuild_adds_overlay() {
        let b = body(respond(&snap(true), "/cds/")).await;
        assert!(b.contains("trang chu"));
        assert!(b.contains("__minhbach-overlay"));
        assert!(b.contains("content/a.md"));
    }

    #[tokio::test]
    async fn failed_first_build_shows_only_overlay() {
        let mut s = snap(true);
        s.output = Arc::new(Output::default());
        let b = body(respond(&s, "/cds/")).await;
        assert!(b.contains("__minhbach-overlay") && b.contains("hỏng"));
        assert!(b.contains(overlay::EVENTS_PATH));
    }

    #[tokio::test]
    async fn failed_first_build_never_redirects() {
        let mut s = snap(true);
        s.output = Arc::new(Output::default());
        s.base_path = "/".into();
        for path in ["/", "/cds", "/x/y", "/../z"] {
            let res = respond(&s, path);
            assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR, "{path}");
            assert!(body(res).await.contains("__minhbach-overlay"));
        }
    }

    #[test]
    fn url_hosts() {
        let a: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert_eq!(url_host(a), "127.0.0.1:1111");
        let a: SocketAddr = "[::1]:8080".parse().unwrap();
        assert_eq!(url_host(a), "[::1]:8080");
    }
}
