//! Every page is written and every internal link resolves: at the root, under a
//! sub-path, from disk (`portable`), with or without the base URL's trailing
//! slash; and the link checker itself catches a broken link.

use crate::common::{self, LinkCheck, Site, assert_links_resolve, assert_same_tree, html_unescape};
use crate::{BASE, POSTS_NEWEST_FIRST};

#[test]
fn build_writes_every_page_and_every_internal_link_resolves() {
    let site = Site::fixture("basic");
    let run = site.build_ok(&[]);
    // Pretty links do not work from disk: only instructions that work.
    run.assert_stderr_has(&[
        "Đã dựng",
        "Xem trang trong trình duyệt: minhbach serve --open",
    ]);
    assert!(!run.stderr.contains("Mở trang"), "{}", run.stderr);
    for f in [
        "index.html",
        "404.html",
        "style.css",
        "robots.txt",
        "gioi-thieu/index.html",
        "tin-tuc/index.html",
        "tin-tuc/bai/index.html",
        "tin-tuc/ra-mat-ung-dung/index.html",
        "tin-tuc/ra-mat-ung-dung/cover.svg",
        "van-ban/index.html",
        "van-ban/ke-hoach-1126/index.html",
        "van-ban/quyet-dinh-45/index.html",
        "van-ban/1126-kh-ubnd.pdf",
        "tin-tuc/the/index.html",
        "tin-tuc/luu-tru/index.html",
        "sitemap.xml",
        "tin-tuc/atom.xml",
    ] {
        assert!(site.out(f).is_file(), "missing public/{f}");
    }
    for p in POSTS_NEWEST_FIRST {
        assert!(
            site.out(&format!("tin-tuc/{p}/index.html")).is_file(),
            "{p}"
        );
    }
    let n = assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: BASE,
            portable: false,
        },
    );
    assert!(n > 500, "only {n} internal links checked");
}

#[test]
fn links_resolve_under_a_sub_path_base_url() {
    let site = Site::fixture("basic");
    let base = "http://localhost:8080/chuyen-doi-so/";
    site.build_ok(&["--base-url", base]);
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: base,
            portable: false,
        },
    );
    let post = site.read_out("tin-tuc/bai/index.html");
    assert!(
        html_unescape(&post).contains(
            r#"<link rel="canonical" href="http://localhost:8080/chuyen-doi-so/tin-tuc/bai/">"#
        ),
        "{post}"
    );
    // Nothing keeps the configured host.
    for (path, bytes) in site.public_tree() {
        let text = html_unescape(&String::from_utf8_lossy(&bytes));
        assert!(
            !text.contains("thunghiem.example.gov.vn/chuyen-doi-so"),
            "{path} still uses base_url from minhbach.toml"
        );
    }
    let feed = html_unescape(&site.read_out("tin-tuc/atom.xml"));
    assert!(feed.contains("<id>http://localhost:8080/chuyen-doi-so/tin-tuc/bai/</id>"));
}

#[test]
fn portable_site_links_name_index_html() {
    let site = Site::fixture("basic");
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write(
        "minhbach.toml",
        cfg.replace("paginate_by = 10", "paginate_by = 10\nportable = true"),
    );
    site.build_ok(&[]);
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: BASE,
            portable: true,
        },
    );
    let about = html_unescape(&site.read_out("gioi-thieu/index.html"));
    assert!(
        about.contains(r#"href="../tin-tuc/bai/index.html""#),
        "{about}"
    );
}

#[test]
fn the_link_checker_itself_catches_broken_and_bare_links() {
    let tmp = tempfile::tempdir().unwrap();
    let public = tmp.path();
    std::fs::create_dir_all(public.join("a")).unwrap();
    std::fs::write(public.join("a/index.html"), "<a href=\"../\">x</a>").unwrap();
    std::fs::write(public.join("index.html"), "<a href=\"a/\">a</a>").unwrap();
    let ok = LinkCheck {
        base_url: BASE,
        portable: false,
    };
    assert_eq!(assert_links_resolve(public, &ok), 2);
    let portable = LinkCheck {
        base_url: BASE,
        portable: true,
    };
    let r = std::panic::catch_unwind(|| assert_links_resolve(public, &portable));
    assert!(r.is_err(), "bare folder link passes in portable mode");
    std::fs::write(public.join("index.html"), "<img src=\"a/khong-co.png\">").unwrap();
    let r = std::panic::catch_unwind(|| assert_links_resolve(public, &ok));
    assert!(r.is_err(), "missing file passes");
    std::fs::write(public.join("index.html"), "<a href=\"/a/\">a</a>").unwrap();
    let r = std::panic::catch_unwind(|| assert_links_resolve(public, &ok));
    assert!(r.is_err(), "root-absolute link passes");
}

#[test]
fn base_url_without_trailing_slash_gives_the_same_site() {
    let site = Site::fixture("basic");
    let a = site.tmp().join("a");
    let b = site.tmp().join("b");
    let url = "http://localhost:8080/chuyen-doi-so";
    site.build_ok(&["--output", a.to_str().unwrap(), "--base-url", url]);
    site.build_ok(&[
        "--output",
        b.to_str().unwrap(),
        "--base-url",
        &format!("{url}/"),
    ]);
    assert_same_tree(&common::tree(&a), &common::tree(&b));
    let feed = html_unescape(&common::read(&a.join("tin-tuc/atom.xml")));
    assert!(feed.contains("<id>http://localhost:8080/chuyen-doi-so/tin-tuc/atom.xml</id>"));
}
