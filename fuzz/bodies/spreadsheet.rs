//! Spreadsheet readers on structurally valid files. Mutating a .xlsx's bytes
//! mostly breaks the zip's checksums, so the input here is the workbook's
//! *unpacked* entries — `name\n` then the content, entries separated by
//! `\n@@entry@@\n` — packed into a real zip for every run: mutations reach the
//! sheet XML, its `<dimension>`, shared strings, styles and the workbook's
//! sheet list. An input starting with `csv\n` is a .csv file instead (the
//! rest, as is). Reading, validating and computing must never panic, and
//! never allocate past the readers' limits (`fuzz/run.sh` runs it with `-rss_limit_mb=1024`).
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/spreadsheet.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[path = "scratch.rs"]
mod scratch;

const SEPARATOR: &[u8] = b"\n@@entry@@\n";

/// Makes `root` (an empty folder) the scratch site this body works in.
pub fn prepare(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
}

/// One input, in this process's scratch site; panics on a broken invariant.
pub fn run(input: &[u8]) {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    run_in(scratch::site(&ROOT, "sheet", prepare), input);
}

/// Packs `name\ncontent` entries into a zip (stored: packing stays cheap).
fn pack(input: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut rest = input;
    loop {
        let (entry, next) = match find(rest, SEPARATOR) {
            Some(i) => (&rest[..i], Some(&rest[i + SEPARATOR.len()..])),
            None => (rest, None),
        };
        let (name, content) = match entry.iter().position(|&b| b == b'\n') {
            Some(i) => (&entry[..i], &entry[i + 1..]),
            None => (entry, &[][..]),
        };
        let name = String::from_utf8_lossy(name);
        if zip.start_file(name.as_ref(), stored).is_ok() {
            let _ = zip.write_all(content);
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// One input in the site `root` made by [`prepare`].
pub fn run_in(root: &Path, input: &[u8]) {
    scratch::data_round(root, |dir| match input.strip_prefix(b"csv\n") {
        Some(csv) => std::fs::write(dir.join("ket-qua.csv"), csv).unwrap(),
        None => std::fs::write(dir.join("ket-qua.xlsx"), pack(input)).unwrap(),
    });
}
