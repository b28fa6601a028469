//! Every example site is built once and every output page read as a browser
//! would, for what axe-core and a strict CSP would refuse on any page (not a
//! sample of pages).
//!
//! Strict Content-Security-Policy (`default-src 'self'`, common on government
//! hosts): nothing may need `'unsafe-inline'`: no inline
//! `<script>` (only `<script src>`), no `<style>` element, no `style`
//! attribute (SVG's too: presentation attributes are fine), no `on…=`
//! handler, no `javascript:` URL. The browser half (the print button works
//! and no violation is reported with the header served) is
//! `tools/browser/csp-test.mjs`.

mod common;
// Shared with tests/hostile.rs, which uses the rest of it.
#[allow(dead_code)]
#[path = "hostile/scan.rs"]
mod scan;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{Site, copy_dir};

/// The repository's example sites: the data-rich fixture (every page kind),
/// the root and every `vi-du/*/`.
fn example_roots() -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots = vec![repo.join("tests/fixtures/data-demo"), repo.to_path_buf()];
    if let Ok(dirs) = std::fs::read_dir(repo.join("vi-du")) {
        let mut more: Vec<PathBuf> = dirs
            .filter_map(|d| d.ok().map(|d| d.path()))
            .filter(|d| d.join("minhbach.toml").is_file())
            .collect();
        more.sort();
        roots.extend(more);
    }
    roots
}

/// What a strict CSP would refuse in one HTML page.
fn html_inline(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in scan::tags(html) {
        match tag.name.as_str() {
            "style" => found.push("<style> element".to_owned()),
            "script" if !tag.attrs.iter().any(|(k, _)| k == "src") => {
                found.push("inline <script>".to_owned());
            }
            _ => {}
        }
        for (k, v) in &tag.attrs {
            if k == "style" || k.starts_with("on") {
                found.push(format!("<{} {k}=\"{v}\">", tag.name));
            }
            if matches!(k.as_str(), "href" | "src" | "action") && scan::runs_code(v) {
                found.push(format!("<{} {k}=\"{v}\">", tag.name));
            }
        }
    }
    found
}

/// What a strict CSP would refuse in one SVG document.
fn svg_inline(svg: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(d) => d,
        Err(e) => return vec![format!("does not parse: {e}")],
    };
    let mut found = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if matches!(name, "style" | "script") {
            found.push(format!("<{name}> element"));
        }
        for a in n.attributes() {
            if a.name() == "style" || a.name().starts_with("on") {
                found.push(format!("<{name} {}=\"{}\">", a.name(), a.value()));
            }
        }
    }
    found
}

/// Every HTML and SVG output file of every example site: (site, path, text).
fn pages() -> &'static [(String, String, String)] {
    static PAGES: OnceLock<Vec<(String, String, String)>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let mut out = Vec::new();
        for repo_root in example_roots() {
            let site = Site::empty();
            std::fs::create_dir_all(&site.root).unwrap();
            std::fs::copy(repo_root.join("minhbach.toml"), site.path("minhbach.toml")).unwrap();
            for dir in ["content", "static", "templates"] {
                if repo_root.join(dir).is_dir() {
                    copy_dir(&repo_root.join(dir), &site.path(dir));
                }
            }
            site.build_ok(&[]);
            for (rel, bytes) in site.public_tree() {
                if rel.ends_with(".html") || rel.ends_with(".svg") {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    out.push((repo_root.display().to_string(), rel, text));
                }
            }
        }
        assert!(out.len() > 300, "only {} pages", out.len());
        out
    })
}

#[track_caller]
fn assert_none(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} findings, first:\n{}",
        problems.len(),
        problems[..problems.len().min(20)].join("\n")
    );
}

#[test]
fn every_page_of_every_example_site_works_under_a_strict_csp() {
    let mut problems = Vec::new();
    for (site, rel, text) in pages() {
        let found = if rel.ends_with(".html") {
            let mut f = html_inline(text);
            for svg in scan::inline_svgs(text) {
                f.extend(svg_inline(svg));
            }
            f
        } else {
            svg_inline(text)
        };
        problems.extend(found.into_iter().map(|f| format!("{site}: {rel}: {f}")));
    }
    assert_none(problems);
}

/// axe-core's landmark-unique, link-name and scrollable-region-focusable,
/// checked on every page without a browser: each region landmark has its
/// own name, each scrolling table wrapper is a focusable named region, and
/// no link is empty.
#[test]
fn every_region_is_named_uniquely_focusable_and_every_link_has_text() {
    let mut problems = Vec::new();
    for (site, rel, text) in pages().iter().filter(|p| p.1.ends_with(".html")) {
        let mut names = Vec::new();
        for tag in scan::tags(text) {
            let attr = |k: &str| {
                tag.attrs
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.as_str())
            };
            if attr("role") == Some("region") {
                let name = attr("aria-label").unwrap_or_default().to_owned();
                if names.contains(&name) {
                    problems.push(format!("{site}: {rel}: two regions named “{name}”"));
                }
                names.push(name);
            }
            let classes = attr("class").unwrap_or_default();
            if tag.name == "div"
                && classes.split(' ').any(|c| c == "table-wrap")
                && (attr("tabindex") != Some("0") || attr("role") != Some("region"))
            {
                problems.push(format!(
                    "{site}: {rel}: a scrolling table wrapper is not a focusable region"
                ));
            }
        }
        let mut rest = text.as_str();
        while let Some(i) = rest.find("\"></a>") {
            let start = rest[..i].rfind("<a ").unwrap_or(0);
            problems.push(format!("{site}: {rel}: empty link {}", &rest[start..i + 6]));
            rest = &rest[i + 6..];
        }
    }
    assert_none(problems);
}

/// The text of the first `<title>` and the `content` of
/// `<meta name="description">` of a page ("" when missing).
fn title_and_description(html: &str) -> (String, String) {
    let title = html
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map_or("", |(t, _)| t)
        .trim()
        .to_owned();
    let description = html
        .split_once("<meta name=\"description\" content=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("", |(d, _)| d)
        .trim()
        .to_owned();
    (title, description)
}

/// Issue #17: every page has a meaningful `<title>` of its own within its
/// site and a meta description (search results and shared links show them).
#[test]
fn every_page_has_its_own_title_and_a_description() {
    let mut problems = Vec::new();
    let mut seen: std::collections::HashMap<(String, String), String> = Default::default();
    for (site, rel, text) in pages().iter().filter(|p| p.1.ends_with(".html")) {
        if text.contains("http-equiv=\"refresh\"") {
            continue; // an alias: a redirect stub, not a page
        }
        let (title, description) = title_and_description(text);
        if title.is_empty() {
            problems.push(format!("{site}: {rel}: no <title>"));
        }
        if description.is_empty() {
            problems.push(format!("{site}: {rel}: no meta description"));
        }
        if let Some(other) = seen.insert((site.clone(), title.clone()), rel.clone()) {
            problems.push(format!(
                "{site}: {rel} and {other} share the title “{title}”"
            ));
        }
    }
    assert_none(problems);
    // The check sees what it looks for.
    let page = "<title>Chỉ tiêu</title><meta name=\"description\" content=\"Mô tả\">";
    assert_eq!(
        title_and_description(page),
        ("Chỉ tiêu".to_owned(), "Mô tả".to_owned())
    );
    assert_eq!(
        title_and_description("<p></p>"),
        (String::new(), String::new())
    );
}

#[test]
fn the_csp_scan_finds_what_it_looks_for() {
    for bad in [
        "<style>p{}</style>",
        "<script>alert(1)</script>",
        "<p style=\"color:red\">",
        "<a href=\"#in\" onclick=\"window.print()\">",
        "<a href=\"javascript:print()\">",
    ] {
        assert!(!html_inline(bad).is_empty(), "{bad}");
    }
    assert!(html_inline("<script src=\"in.js\" defer></script><p class=\"x\">").is_empty());
    assert!(html_inline("<pre>&lt;iframe style=&quot;border:0&quot;&gt;</pre>").is_empty());
    assert!(
        !svg_inline("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:red\"/></svg>")
            .is_empty()
    );
    assert!(
        svg_inline("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"red\"/></svg>")
            .is_empty()
    );
}
