//! Strict Content-Security-Policy (`default-src 'self'`, common on government
//! hosts): every example site is built and every output page — HTML and SVG —
//! is read as a browser would; nothing may need `'unsafe-inline'`: no inline
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

use common::{Site, copy_dir};

/// The repository's example sites: the root and every `vi-du/*/`.
fn example_roots() -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots = vec![repo.to_path_buf()];
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

#[test]
fn every_page_of_every_example_site_works_under_a_strict_csp() {
    let mut problems = Vec::new();
    let mut pages = 0;
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
            let text = String::from_utf8_lossy(&bytes);
            let found = if rel.ends_with(".html") {
                let mut f = html_inline(&text);
                for svg in scan::inline_svgs(&text) {
                    f.extend(svg_inline(svg));
                }
                f
            } else if rel.ends_with(".svg") {
                svg_inline(&text)
            } else {
                continue;
            };
            pages += 1;
            for f in found {
                problems.push(format!("{}: {rel}: {f}", repo_root.display()));
            }
        }
    }
    assert!(pages > 300, "only {pages} pages scanned");
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} findings, first:\n{}",
        problems.len(),
        problems[..problems.len().min(20)].join("\n")
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
