//! Data files: the first byte picks a file name (kind × format: CSV, xlsx,
//! TOML, JSON, YAML), the rest is the file. Reading, validation, computing
//! and the open-data export must never panic.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/data_file.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use minhbach::data::export;

#[path = "scratch.rs"]
mod scratch;

const NAMES: &[&str] = &[
    "chi-tieu.csv",
    "ket-qua.csv",
    "nhiem-vu.csv",
    "kinh-phi.csv",
    "chi-so-dti.csv",
    "diem-dti.csv",
    "don-vi.csv",
    "chi-tieu.xlsx",
    "ket-qua.xlsx",
    "chi-tieu.toml",
    "nhiem-vu.json",
    "kinh-phi.yaml",
    "du-lieu.xlsx",
];

/// Makes `root` (an empty folder) the scratch site this body works in.
pub fn prepare(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
}

/// One input, in this process's scratch site; panics on a broken invariant.
pub fn run(input: &[u8]) {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    run_in(scratch::site(&ROOT, "data", prepare), input);
}

/// One input in the site `root` made by [`prepare`].
pub fn run_in(root: &Path, input: &[u8]) {
    let Some((&pick, bytes)) = input.split_first() else {
        return;
    };
    let set = scratch::data_round(root, |dir| {
        // Keep a valid unit list beside the fuzzed file so cross-checks run.
        std::fs::write(
            dir.join("don-vi.csv"),
            "Mã,Tên\nVHXH,Phòng Văn hóa - Xã hội\n",
        )
        .unwrap();
        let name = NAMES[usize::from(pick) % NAMES.len()];
        std::fs::write(dir.join(name), bytes).unwrap();
    });
    for (_, out) in export::export_all(&set) {
        assert!(!out.is_empty());
    }
}
