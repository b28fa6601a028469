//! The fuzz campaign's regression suite, on stable Rust: every kept input of
//! every fuzz target — the committed corpus (`fuzz/seeds/<target>/`, minimised
//! with `cargo fuzz cmin`) and every past finding (`fuzz/regressions/<target>/`)
//! — goes through the very body the fuzz target runs (`fuzz/bodies/<target>.rs`).
//! So the bodies compile with the main suite (they rotted unseen when the fuzz
//! crate alone used them), and a finding, once fixed, stays fixed.
//!
//! Each body that works on disk includes the shared `fuzz/bodies/scratch.rs`
//! itself (so the fuzz targets need nothing more); here that file is loaded
//! once per such body.
#![allow(clippy::duplicate_mod)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

// `run` and its scratch site serve the fuzz target; this suite uses `run_in`.
#[allow(dead_code)]
#[path = "../fuzz/bodies/data_file.rs"]
mod data_file;
#[path = "../fuzz/bodies/frontmatter.rs"]
mod frontmatter;
#[path = "../fuzz/bodies/highlight.rs"]
mod highlight;
#[path = "../fuzz/bodies/markdown.rs"]
mod markdown;
// `run` and its scratch site serve the fuzz target; this suite uses `run_in`.
#[allow(dead_code)]
#[path = "../fuzz/bodies/site_page.rs"]
mod site_page;
// `run` and its scratch site serve the fuzz target; this suite uses `run_in`.
#[allow(dead_code)]
#[path = "../fuzz/bodies/spreadsheet.rs"]
mod spreadsheet;
#[path = "../fuzz/bodies/values.rs"]
mod values;

/// The kept inputs of `target`, sorted: (kind, path).
fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for kind in ["seeds", "regressions"] {
        let Ok(dir) = std::fs::read_dir(fuzz.join(kind).join(target)) else {
            continue;
        };
        for entry in dir {
            let path = entry.unwrap().path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Runs every kept input of `target` through `run`; fails naming each input
/// that panicked (the panic message is printed above the list).
fn replay(target: &str, run: impl Fn(&[u8])) {
    let files = inputs(target);
    assert!(
        !files.is_empty(),
        "no kept input for fuzz target {target}: fuzz/seeds/{target}/ is empty"
    );
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap();
            catch_unwind(AssertUnwindSafe(|| run(&bytes))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} kept inputs of {target} fail:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

/// The same, for a body that works in a scratch site of its own.
fn replay_in(target: &str, prepare: fn(&Path), run_in: fn(&Path, &[u8])) {
    let dir = tempfile::tempdir().unwrap();
    prepare(dir.path());
    replay(target, |bytes| run_in(dir.path(), bytes));
}

#[test]
fn values_inputs_replay() {
    replay("values", values::run);
}

#[test]
fn frontmatter_inputs_replay() {
    replay("frontmatter", frontmatter::run);
}

#[test]
fn markdown_inputs_replay() {
    replay("markdown", markdown::run);
}

#[test]
fn highlight_inputs_replay() {
    replay("highlight", highlight::run);
}

#[test]
fn data_file_inputs_replay() {
    replay_in("data_file", data_file::prepare, data_file::run_in);
}

#[test]
fn spreadsheet_inputs_replay() {
    replay_in("spreadsheet", spreadsheet::prepare, spreadsheet::run_in);
}

#[test]
fn site_page_inputs_replay() {
    replay_in("site_page", site_page::prepare, site_page::run_in);
}
