//! The whole pipeline on one page: the fuzz input is a Markdown file (front
//! matter + body) of a small site, built in memory. Must end in a page or
//! in located errors, never a panic.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/site_page.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use minhbach::build::{BuildOptions, build_site};

#[path = "scratch.rs"]
mod scratch;

/// Makes `root` (an empty folder) the scratch site this body works in.
pub fn prepare(root: &Path) {
    std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
    std::fs::write(
        root.join("minhbach.toml"),
        "title = \"Thử\"\nbase_url = \"https://x.gov.vn/\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/_index.md"),
        "+++\ntitle = \"Trang chủ\"\n+++\n",
    )
    .unwrap();
}

/// One input, in this process's scratch site; panics on a broken invariant.
pub fn run(input: &[u8]) {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    run_in(scratch::site(&ROOT, "site", prepare), input);
}

/// One input in the site `root` made by [`prepare`].
pub fn run_in(root: &Path, input: &[u8]) {
    std::fs::write(root.join("content/tin-tuc/2026-08-05-bai.md"), input).unwrap();
    let opts = BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
        // `check` reaches the extra gap warnings too.
        check: true,
    };
    match build_site(&opts) {
        Ok(built) => assert!(built.output.files.contains_key("index.html")),
        Err(diags) => {
            assert!(diags.has_errors());
            scratch::render_all(&diags);
        }
    }
}
