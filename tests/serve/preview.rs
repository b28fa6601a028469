//! Live preview: pages served, rebuilt on an edit, errors shown in the page and
//! then cleared; a server that starts on a broken site; a workbook with a stray
//! far cell; an alias over a real page.

use crate::server::{CONFIG_SECRET, Events, POST, Server, fixture, get, post, write};

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
