//! What the server refuses and how it stops: Ctrl-C, other hosts and methods, a
//! folder without a config; and `build` output without the reload script.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::BIN;
use crate::server::{Events, Server, fixture, raw, walk, write};

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
