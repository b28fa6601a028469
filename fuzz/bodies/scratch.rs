//! What the bodies that work on disk share: this process's scratch site
//! (made once, in the temp folder), and one round of the data pipeline on the
//! files an input writes — the data folder emptied first, then read,
//! validated and computed at 25/11/2026, every diagnostic rendered (rendering
//! a located error must not panic either).
//!
//! Included by each such body (`#[path = "scratch.rs"] mod scratch;`), so it
//! reaches both the fuzz targets and `tests/fuzz_replay.rs` with its body;
//! a body uses only what it needs of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use minhbach::data::{self, DataOptions, DataSet};
use minhbach::diagnostics::Diagnostics;

/// This process's scratch site, `minhbach-fuzz-<name>-<pid>` in the temp
/// folder, made by `prepare` the first time `cell` is asked for it.
pub fn site(cell: &'static OnceLock<PathBuf>, name: &str, prepare: fn(&Path)) -> &'static Path {
    cell.get_or_init(|| {
        let root =
            std::env::temp_dir().join(format!("minhbach-fuzz-{name}-{}", std::process::id()));
        prepare(&root);
        root
    })
}

/// Renders every diagnostic.
pub fn render_all(diags: &Diagnostics) {
    for d in diags.iter() {
        let _ = d.render();
    }
}

/// Empties `root/du-lieu`, lets `fill` write the input's files into it, then
/// reads and computes them; the data set is returned for further checks.
pub fn data_round(root: &Path, fill: impl FnOnce(&Path)) -> DataSet {
    let dir = root.join("du-lieu");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    fill(&dir);
    let mut diags = Diagnostics::new();
    let set = data::load_dir(root, &dir, &DataOptions::default(), &mut diags);
    let _ = data::compute(&set, jiff::civil::date(2026, 11, 25));
    render_all(&diags);
    set
}
