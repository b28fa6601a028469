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
//! Submodules: [`guard`] (only the bound address's `Host`, only GET/HEAD),
//! [`http`] (routing, content types, path safety), [`server`]
//! (axum router, SSE, responses), [`overlay`] (reload script and error
//! overlay), [`watch`] (what to watch, event classification), [`rebuild`]
//! (the rebuild thread).

pub mod guard;
pub mod http;
pub mod overlay;
pub mod rebuild;
pub mod server;
pub mod watch;
mod watch_thread;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use jiff::civil::Date;
use tokio::sync::broadcast;

use crate::config::CONFIG_FILE;
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
    pub(crate) current: RwLock<Arc<Snapshot>>,
    pub(crate) reload: broadcast::Sender<u64>,
    /// Set while the rebuild thread works on an edit: the background check
    /// of the previous generation stops then, rather than share the CPU
    /// with the rebuild the browser waits for.
    pub(crate) rebuilding: std::sync::atomic::AtomicBool,
}

impl Shared {
    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()))
    }

    pub(crate) fn replace_arc(&self, snap: Arc<Snapshot>) {
        let generation = snap.generation;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = snap;
        // No receivers (no open page) is fine.
        let _ = self.reload.send(generation);
    }

    /// Replaces the snapshot only if it is still generation `expected`.
    pub(crate) fn replace_if(&self, expected: u64, snap: Snapshot) -> bool {
        let generation = snap.generation;
        {
            let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
            if current.generation != expected {
                return false;
            }
            *current = Arc::new(snap);
        }
        let _ = self.reload.send(generation);
        true
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
    let listener = bind(opts.bind, opts.port).map_err(|e| {
        // Busy ports are skipped: "in use" means the whole range was.
        let ports = if e.kind() == std::io::ErrorKind::AddrInUse {
            format!("{}–{}", opts.port, opts.port.saturating_add(PORT_TRIES))
        } else {
            opts.port.to_string()
        };
        let reason = crate::os_error::reason(&e);
        format!("không mở được cổng {ports} trên {}: {reason}", opts.bind)
    })?;
    let addr = listener.local_addr().map_err(|e| {
        format!(
            "không đọc được địa chỉ máy chủ: {}",
            crate::os_error::reason(&e)
        )
    })?;
    let host = url_host(addr);

    let mut state = rebuild::Incremental::new();
    let empty = Arc::new(Snapshot::default());
    let (first, check) = rebuild::rebuild(&opts, &host, &empty, &mut state, None);
    let first = Arc::new(first);
    let url = format!("http://{host}{}", first.base_path);
    let (reload, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        current: RwLock::new(Arc::clone(&first)),
        reload,
        rebuilding: std::sync::atomic::AtomicBool::new(false),
    });
    if let Some(check) = check {
        rebuild::spawn_verify(Arc::clone(&shared), empty, first, check);
    }

    watch_thread::spawn_watcher(opts.clone(), host.clone(), Arc::clone(&shared), state)?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            format!(
                "không khởi động được máy chủ: {}",
                crate::os_error::reason(&e)
            )
        })?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("không mở được cổng: {}", crate::os_error::reason(&e)))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| format!("không mở được cổng: {}", crate::os_error::reason(&e)))?;
        eprintln!("Xem trước tại: {url}");
        eprintln!("Lưu tệp là trang tự tải lại. Nhấn Ctrl-C để dừng.");
        if opts.open {
            open_browser(&url);
        }
        let app = server::router(shared, addr);
        tokio::select! {
            r = axum::serve(listener, app) => {
                r.map_err(|e| format!("máy chủ dừng vì lỗi: {}", crate::os_error::reason(&e)))?;
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

    #[test]
    fn url_hosts() {
        let a: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert_eq!(url_host(a), "127.0.0.1:1111");
        let a: SocketAddr = "[::1]:8080".parse().unwrap();
        assert_eq!(url_host(a), "[::1]:8080");
    }
}
