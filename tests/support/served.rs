//! What `serve`'s tests compare: the options of a test server, and every
//! file of a served snapshot against a clean build of the same site.
//! Included with `#[path]` by `tests/incremental.rs` and
//! `tests/serve_data_plan.rs`.
#![allow(dead_code)]

use std::path::Path;

use minhbach::build::{BuildOptions, build_site};
use minhbach::serve::{ServeOptions, Snapshot};

pub const HOST: &str = "127.0.0.1:1313";

pub fn options(root: &Path) -> ServeOptions {
    ServeOptions {
        root: root.to_path_buf(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 1313,
        open: false,
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
    }
}

/// Every file of the served snapshot equals the clean build's.
pub fn assert_same_as_clean_build(root: &Path, snap: &Snapshot) {
    assert!(snap.errors.is_none(), "{:?}", snap.errors);
    let clean = build_site(&BuildOptions {
        root: root.to_path_buf(),
        base_url: Some(format!("http://{HOST}{}", snap.base_path)),
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
        check: false,
    })
    .expect("clean build");
    // The search index is built on the first request for one of its files,
    // so its files are not listed; each is compared below all the same.
    let lazy = |k: &str| k.starts_with("tim-kiem/chi-muc/");
    let served: Vec<&String> = snap.output.files.keys().collect();
    let built: Vec<&String> = clean.output.files.keys().filter(|k| !lazy(k)).collect();
    assert_eq!(served, built, "same files");
    for key in clean.output.files.keys() {
        let a = snap.output.read(key).expect("served");
        let b = clean.output.read(key).expect("built");
        assert!(
            a == b,
            "{key} differs from a clean build:\n--- served\n{}\n--- clean\n{}",
            String::from_utf8_lossy(&a),
            String::from_utf8_lossy(&b)
        );
    }
}

pub fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}
