//! End-to-end tests of `minhbach serve`: the real binary on a free port,
//! serving a tiny fixture site copied into a temp folder, exercised with a
//! minimal HTTP/1.1 client over `TcpStream`. Also checks that `build`
//! output never carries the live-reload script.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_minhbach");

/// A comment in the config: it never reaches the output, so seeing it in a
/// response means a file outside the build leaked.
const CONFIG_SECRET: &str = "bi-mat-cau-hinh-7f3a";

const POST: &str = "content/tin-tuc/bai-mot.md";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn post(body: &str) -> String {
    format!("+++\ntitle = \"Bài một\"\ndate = 2026-11-20\n+++\n{body}\n")
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "minhbach.toml",
        &format!(
            "# {CONFIG_SECRET}\ntitle = \"Chuyển đổi số xã Thử\"\nbase_url = \"http://localhost/chuyen-doi-so/\"\n"
        ),
    );
    write(
        root,
        "content/_index.md",
        "+++\ntitle = \"Trang chủ\"\n+++\nXin chào.\n",
    );
    write(
        root,
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    write(root, POST, &post("Nội dung ban đầu."));
    dir
}

/// The server process; killed when dropped, even if the test panics.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path) -> Server {
        // Port 0 is not allowed by `serve`; pick a free one and let the
        // server move on to the next if it was taken meanwhile. The real
        // port is read from its output.
        let free = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new(BIN)
            .args(["serve", "--port", &free.to_string(), "--root"])
            .arg(root)
            .args(["--date", "2026-11-25"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let log2 = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.split("Xem trước tại: ").nth(1) {
                    let _ = tx.send(url.to_owned());
                }
                log2.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        let mut server = Server {
            child,
            port: 0,
            log,
        };
        let url = rx
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("server did not start:\n{}", server.log()));
        let port = url
            .trim_start_matches("http://127.0.0.1:")
            .split('/')
            .next()
            .unwrap();
        server.port = port.parse().unwrap();
        assert_eq!(url, format!("http://127.0.0.1:{port}/chuyen-doi-so/"));
        server
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn get(&self, path: &str) -> Response {
        get(self.port, path)
    }

    /// Polls `path` until `ok` holds (up to 5 s) and returns that response.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Response) -> bool) -> Response {
        let start = Instant::now();
        loop {
            let r = self.get(path);
            if ok(&r) {
                return r;
            }
            if start.elapsed() > Duration::from_secs(5) {
                panic!(
                    "timed out waiting for {what}; last body:\n{}\nserver log:\n{}",
                    r.body,
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    fn has_overlay(&self) -> bool {
        self.body.contains("__minhbach-overlay")
    }
}

/// Sends one HTTP/1.1 request with `target` written verbatim.
fn get(port: u16, target: &str) -> Response {
    raw(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `request` verbatim and reads the whole response.
fn raw(port: u16, request: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Response {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// An open SSE connection.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /__minhbach/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut ev = Events {
            stream,
            seen: String::new(),
        };
        ev.wait_for("event: hello");
        assert!(ev.seen.contains("text/event-stream"), "{}", ev.seen);
        ev
    }

    fn wait_for(&mut self, needle: &str) {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        while !self.seen.contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "no {needle:?} in SSE stream: {}",
                self.seen
            );
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("SSE stream closed: {}", self.seen),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {} // read timeout: poll again
            }
        }
    }
}

#[test]
fn serve_previews_rebuilds_and_stays_safe() {
    let site = fixture();
    let root = site.path();
    let server = Server::start(root);

    // Pages, redirects, content types, 404.
    let home = server.get("/chuyen-doi-so/");
    assert_eq!(home.status, 200, "{}", server.log());
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.body
            .contains("new EventSource(\"/__minhbach/events\")")
    );
    assert!(
        home.body.contains(&format!("127.0.0.1:{}", server.port)),
        "absolute URLs point at the preview"
    );
    let css = server.get("/chuyen-doi-so/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.contains("EventSource"));
    let root_redirect = server.get("/");
    assert_eq!(root_redirect.status, 302);
    assert_eq!(root_redirect.header("location"), Some("/chuyen-doi-so/"));
    let missing = server.get("/chuyen-doi-so/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let page = server.get("/chuyen-doi-so/tin-tuc/bai-mot/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Nội dung ban đầu."));

    // Two live-reload clients; one goes away mid-stream.
    let mut events = Events::open(server.port);
    let gone = Events::open(server.port);
    drop(gone);

    // Edit → new content and a reload event.
    write(root, POST, &post("Nội dung đã sửa."));
    events.wait_for("event: reload");
    server.wait_for("/chuyen-doi-so/tin-tuc/bai-mot/", "the edit", |r| {
        r.body.contains("Nội dung đã sửa.")
    });

    // Broken front matter → overlay naming the file, old content kept.
    write(
        root,
        POST,
        "+++\ntitle = \"Bài một\"\ndate = 2026-11-20\nNội dung hỏng <b>\n",
    );
    let broken = server.wait_for("/chuyen-doi-so/tin-tuc/bai-mot/", "the overlay", |r| {
        r.has_overlay()
    });
    assert!(broken.body.contains("role=\"alert\""));
    assert!(broken.body.contains(POST), "{}", broken.body);
    assert!(broken.body.contains("Nội dung đã sửa."), "last good output");
    let other = server.get("/chuyen-doi-so/");
    assert!(other.has_overlay(), "every page shows the overlay");
    assert!(server.get("/chuyen-doi-so/style.css").status == 200);

    // Fixed → overlay gone.
    events.seen.clear();
    write(root, POST, &post("Bản đã sửa lỗi."));
    server.wait_for("/chuyen-doi-so/tin-tuc/bai-mot/", "the fix", |r| {
        !r.has_overlay() && r.body.contains("Bản đã sửa lỗi.")
    });
    events.wait_for("event: reload");

    // The configuration replaced the way editors save (write a temp file,
    // rename it over the original) is picked up too.
    let config = std::fs::read_to_string(root.join("minhbach.toml")).unwrap();
    write(
        root,
        "minhbach.toml.tmp",
        &config.replace("xã Thử", "xã Đổi Tên"),
    );
    std::fs::rename(root.join("minhbach.toml.tmp"), root.join("minhbach.toml")).unwrap();
    server.wait_for("/chuyen-doi-so/", "the new config", |r| {
        r.body.contains("Chuyển đổi số xã Đổi Tên")
    });

    // Many clients at once, with live-reload streams open.
    let port = server.port;
    let workers: Vec<_> = (0..16)
        .map(|i| {
            std::thread::spawn(move || {
                let _sse = (i % 4 == 0).then(|| Events::open(port));
                for path in [
                    "/chuyen-doi-so/",
                    "/chuyen-doi-so/tin-tuc/",
                    "/chuyen-doi-so/tin-tuc/bai-mot/",
                    "/chuyen-doi-so/style.css",
                ] {
                    assert_eq!(get(port, path).status, 200, "{path}");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }

    // Traversal never reaches the config (or anything else on disk).
    for target in [
        "/../minhbach.toml",
        "/chuyen-doi-so/../minhbach.toml",
        "/chuyen-doi-so/../../minhbach.toml",
        "/%2e%2e/minhbach.toml",
        "/chuyen-doi-so/%2e%2e/minhbach.toml",
        "/..%2fminhbach.toml",
        "/chuyen-doi-so/..%2f..%2fminhbach.toml",
        "/chuyen-doi-so/%2e%2e%2fminhbach.toml",
        "/chuyen-doi-so/..%5cminhbach.toml",
        "/chuyen-doi-so/..\\minhbach.toml",
        "/chuyen-doi-so/%00/../minhbach.toml",
        "/chuyen-doi-so/content/tin-tuc/bai-mot.md",
        "/minhbach.toml",
    ] {
        let r = server.get(target);
        assert!(
            !r.body.contains(CONFIG_SECRET) && !r.body.contains("base_url"),
            "{target} leaked the config"
        );
        assert!(
            matches!(r.status, 400 | 404),
            "{target} → {} (expected 400 or 404)",
            r.status
        );
    }

    // Still alive after all that.
    assert_eq!(server.get("/chuyen-doi-so/").status, 200);
    assert!(!root.join("public").exists(), "serve never writes public/");
}

#[test]
fn serve_starts_even_when_the_first_build_fails() {
    let site = fixture();
    let root = site.path();
    write(root, POST, "+++\ntitle = \"Bài một\"\n");
    let server = Server::start(root);
    let r = server.get("/chuyen-doi-so/");
    assert!(r.has_overlay(), "{}", r.body);
    assert!(r.body.contains(POST));
    assert!(r.body.contains("/__minhbach/events"));
    write(root, POST, &post("Đã chữa."));
    server.wait_for(
        "/chuyen-doi-so/tin-tuc/bai-mot/",
        "the first good build",
        |r| r.status == 200 && !r.has_overlay() && r.body.contains("Đã chữa."),
    );
}

#[test]
fn serve_survives_a_workbook_with_a_stray_far_cell() {
    // One cell typed at XFD1048576: its dimension used to make the reader
    // allocate 512 GB and abort the whole preview server.
    let site = fixture();
    let root = site.path();
    let server = Server::start(root);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Chỉ tiêu").unwrap();
    sheet.write_string(0, 0, "Mã").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let path = root.join("content/du-lieu/chi-tieu.xlsx");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Written whole then renamed, as Excel saves: a half-written file would
    // give a different (correct, but unrelated) "not a zip" overlay first.
    let partial = root.join("content/du-lieu/.chi-tieu.xlsx.tmp");
    std::fs::write(&partial, book.save_to_buffer().unwrap()).unwrap();
    std::fs::rename(&partial, &path).unwrap();
    let r = server.wait_for("/chuyen-doi-so/", "the stray-cell overlay", |r| {
        r.has_overlay() && r.body.contains("1048576")
    });
    assert!(r.body.contains("chi-tieu.xlsx"), "{}", r.body);
    assert!(r.body.contains("1048576"), "{}", r.body);
    // Still serving, and a fixed file clears the overlay.
    std::fs::remove_file(&path).unwrap();
    server.wait_for("/chuyen-doi-so/", "the page again", |r| {
        r.status == 200 && !r.has_overlay()
    });
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let site = fixture();
    let before = walk(site.path());
    let mut server = Server::start(site.path());
    let _events = Events::open(server.port);
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(exit.success(), "{exit:?}\n{}", server.log());
    while !server.log().contains("Đã dừng") {
        assert!(start.elapsed() < Duration::from_secs(4), "{}", server.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(walk(site.path()), before, "nothing left behind");
}

/// DNS rebinding: a page on another name re-pointed at 127.0.0.1 makes the
/// browser send `Host: that-name`; such requests, and any method but
/// GET/HEAD, are refused before routing (issue #11, item 9).
#[test]
fn serve_answers_only_its_own_host_and_only_get_head() {
    let site = fixture();
    write(
        site.path(),
        "content/tin-tuc/ban-nhap.md",
        "+++\ntitle = \"Bản nháp bí mật\"\ndate = 2026-11-21\ndraft = true\n+++\nChưa công bố.\n",
    );
    let server = Server::start(site.path());
    let port = server.port;
    let req = |method: &str, host: &str, path: &str| {
        raw(
            port,
            &format!(
                "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        )
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = req("GET", &host, "/chuyen-doi-so/");
        assert_eq!(r.status, 200, "{host}");
        assert_eq!(req("HEAD", &host, "/chuyen-doi-so/").status, 200, "{host}");
    }
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost:{}", port + 1),
    ] {
        for path in [
            "/chuyen-doi-so/",
            "/chuyen-doi-so/tin-tuc/",
            "/__minhbach/events",
        ] {
            let r = req("GET", &host, path);
            assert_eq!(r.status, 403, "{host} {path}");
            assert!(r.body.contains("localhost"), "{}", r.body);
            assert!(!r.body.contains("Tin tức"));
        }
    }
    let no_host = raw(port, "GET /chuyen-doi-so/ HTTP/1.0\r\n\r\n");
    assert_eq!(no_host.status, 403);
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        for path in ["/chuyen-doi-so/", "/__minhbach/events"] {
            let r = req(method, &format!("127.0.0.1:{port}"), path);
            assert_eq!(r.status, 405, "{method} {path}");
            assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method}");
            assert!(r.body.contains("GET"), "{}", r.body);
        }
    }
}

/// An address clash shows in the preview's error overlay, as `build`
/// reports it (issue #11, item 3).
#[test]
fn serve_reports_an_alias_over_a_real_page() {
    let site = fixture();
    write(
        site.path(),
        "content/tin-tuc/bai-hai.md",
        "+++\ntitle = \"Bài hai\"\ndate = 2026-11-21\naliases = [\"tin-tuc/\"]\n+++\nHai.\n",
    );
    let server = Server::start(site.path());
    let r = server.wait_for("/chuyen-doi-so/", "the clash in the overlay", |r| {
        r.has_overlay()
    });
    assert!(r.body.contains("bai-hai.md"), "{}", r.body);
    assert!(r.body.contains("tin-tuc/_index.md"), "{}", r.body);
}

#[test]
fn serve_refuses_a_folder_without_config() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["serve", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("minhbach.toml"), "{err}");
}

#[test]
fn build_output_has_no_reload_script() {
    let site = fixture();
    let out = site.path().join("public");
    let status = Command::new(BIN)
        .args(["build", "--root"])
        .arg(site.path())
        .args(["--date", "2026-11-25"])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut html = 0;
    for entry in walk(&out) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        html += usize::from(entry.extension().is_some_and(|e| e == "html"));
        for needle in ["__minhbach", "EventSource", "__minhbach-overlay"] {
            assert!(
                !text.contains(needle),
                "{} contains {needle}",
                entry.display()
            );
        }
    }
    assert!(html >= 3, "the build wrote pages");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

/// Edit-to-reload latency: time from writing a post to the SSE `reload`
/// event, on a copy of the example site. Run with
/// `MINHBACH_EXAMPLE_SITE=DIR cargo test --release --test serve -- --ignored --nocapture`
/// (DIR holds `minhbach.toml` and `content/`; the repository root by default).
#[test]
#[ignore = "measurement, not a check; see docs/performance.md"]
fn measure_reload_latency() {
    let src = std::env::var_os("MINHBACH_EXAMPLE_SITE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::copy(src.join("minhbach.toml"), root.join("minhbach.toml")).unwrap();
    for dir in ["content", "themes", "templates", "static", "i18n"] {
        if src.join(dir).is_dir() {
            copy_dir(&src.join(dir), &root.join(dir));
        }
    }
    let server = Server::start(root);
    let pages = walk(&root.join("content")).len();
    let mut events = Events::open(server.port);
    let target = root.join("content/_index.md");
    let original = std::fs::read_to_string(&target).unwrap();
    let mut times = Vec::new();
    for i in 0..20 {
        events.seen.clear();
        let start = Instant::now();
        std::fs::write(&target, format!("{original}\nLần sửa {i}.\n")).unwrap();
        events.wait_for("event: reload");
        times.push(start.elapsed());
        // Let the debouncer go quiet so runs do not overlap.
        std::thread::sleep(Duration::from_millis(300));
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} input files, 20 edits of content/_index.md: min {:.0} ms, median {:.0} ms, max {:.0} ms",
        pages,
        ms(times[0]),
        ms(times[10]),
        ms(times[19])
    );
    let log = server.log();
    let builds: Vec<_> = log.lines().filter(|l| l.starts_with("Đã dựng")).collect();
    println!(
        "first and last build lines: {:?} … {:?}",
        builds.first(),
        builds.last()
    );
}
