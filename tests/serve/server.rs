//! The harness: a tiny fixture site in a temp folder, the `minhbach serve`
//! process on a free port (killed when dropped), a minimal HTTP/1.1 client and
//! the server-sent event stream.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::BIN;

/// A comment in the config: it never reaches the output, so seeing it in a
/// response means a file outside the build leaked.
pub const CONFIG_SECRET: &str = "bi-mat-cau-hinh-7f3a";

pub const POST: &str = "content/tin-tuc/bai-mot.md";

pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn post(body: &str) -> String {
    format!("+++\ntitle = \"Bài một\"\ndate = 2026-11-20\n+++\n{body}\n")
}

pub fn fixture() -> tempfile::TempDir {
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
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(root: &Path) -> Server {
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

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub fn get(&self, path: &str) -> Response {
        get(self.port, path)
    }

    /// Polls `path` until `ok` holds (up to 5 s) and returns that response.
    pub fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Response) -> bool) -> Response {
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
pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    pub fn has_overlay(&self) -> bool {
        self.body.contains("__minhbach-overlay")
    }
}

/// Sends one HTTP/1.1 request with `target` written verbatim.
pub fn get(port: u16, target: &str) -> Response {
    raw(
        port,
        &format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `request` verbatim and reads the whole response.
pub fn raw(port: u16, request: &str) -> Response {
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
pub struct Events {
    pub stream: TcpStream,
    pub seen: String,
}

impl Events {
    pub fn open(port: u16) -> Events {
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

    pub fn wait_for(&mut self, needle: &str) {
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

pub fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
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
