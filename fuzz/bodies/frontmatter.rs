//! Front matter: fence splitting, TOML/YAML parsing and typed field
//! reading on arbitrary text. Must never panic.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/frontmatter.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use std::path::Path;

use minhbach::content::{fields, frontmatter};
use minhbach::diagnostics::Diagnostics;

/// One input; panics on a broken invariant.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("content/bai.md");
    if let Ok(split) = frontmatter::split(path, &text) {
        let mut diags = Diagnostics::new();
        let _ = fields::parse(path, &split, &mut diags);
        for d in diags.iter() {
            let _ = d.render();
        }
    }
}
