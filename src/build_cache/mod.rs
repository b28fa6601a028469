//! The build cache (`.minhbach-cache/` beside `minhbach.toml`): when
//! nothing a build reads has changed since the last successful build into
//! the same output folder, and that folder still holds exactly what that
//! build wrote, `build` says so and leaves it untouched — see
//! [decision 0037](../../docs/decisions/0037-build-cache.md).
//!
//! One small entry per output folder records the build's key
//! ([`inputs::key`]), the folder's fingerprint after writing
//! ([`manifest::fingerprint`]) and what the build printed. Anything wrong
//! with an entry (unreadable, foreign, truncated, from another version)
//! only means a real build: the cache can be deleted at any time.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub mod inputs;
pub mod manifest;

pub use inputs::Options;

/// The cache folder's name, beside `minhbach.toml`.
pub const DIR: &str = ".minhbach-cache";

/// Format of the entries; a different one is ignored.
const FORMAT: u32 = 1;

/// Entries kept (one per output folder); older ones are removed.
const MAX_ENTRIES: usize = 8;

/// An entry larger than this is not read (it would be foreign).
const MAX_ENTRY_BYTES: u64 = 4 << 20;

/// What a build leaves for the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Pages and files written (for the summary line).
    pub pages: usize,
    pub files: usize,
    /// The warnings as printed (already capped per kind), and their count.
    pub warnings: Vec<String>,
    pub warning_count: usize,
    /// `portable = true`: the advice after the build differs.
    pub portable: bool,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    format: u32,
    key: String,
    output: String,
    manifest: String,
    record: Record,
}

/// The output folder as the cache names it: absolute, a symlinked folder
/// followed to the real one (what the build replaces).
pub fn output_dir(dest: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(dest) {
        return real;
    }
    // Not there yet: the real parent and the name, as it will be.
    let abs = std::path::absolute(dest).unwrap_or_else(|_| dest.to_path_buf());
    match (abs.parent().map(fs::canonicalize), abs.file_name()) {
        (Some(Ok(parent)), Some(name)) => parent.join(name),
        _ => abs,
    }
}

/// The record of the last build into `output` (from
/// [`output_dir`]) when its key is `key` and the folder is as that build
/// left it (no leftovers of an interrupted build beside it either).
pub fn lookup(root: &Path, key: u128, output: &Path) -> Option<Record> {
    let path = entry_path(root, output);
    if fs::metadata(&path).ok()?.len() > MAX_ENTRY_BYTES {
        return None;
    }
    let entry: Entry = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
    let fresh = entry.format == FORMAT
        && entry.key == hex(key)
        && entry.output == output.to_string_lossy()
        && !has_leftovers(output)
        && manifest::fingerprint(output).is_some_and(|m| hex(m) == entry.manifest);
    fresh.then_some(entry.record)
}

/// Records a successful build of key `key` that has just written
/// `output`. Failing to write the cache is not an error: the next build
/// is then a real one.
pub fn store(root: &Path, key: u128, output: &Path, record: Record) {
    let Some(manifest) = manifest::fingerprint(output) else {
        return;
    };
    let dir = root.join(DIR);
    if fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = fs::write(dir.join("DOC-TOI.txt"), README);
    let entry = Entry {
        format: FORMAT,
        key: hex(key),
        output: output.to_string_lossy().into_owned(),
        manifest: hex(manifest),
        record,
    };
    let Ok(json) = serde_json::to_vec(&entry) else {
        return;
    };
    let path = entry_path(root, output);
    // Written beside, then renamed: a reader sees the old or the new entry.
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    if fs::write(&tmp, json).is_ok() && fs::rename(&tmp, &path).is_err() {
        let _ = fs::remove_file(&tmp);
    }
    prune(&dir);
}

/// Removes the cache folder (`build --sach`). Returns false when it
/// existed and could not be removed.
pub fn clear(root: &Path) -> bool {
    match fs::remove_dir_all(root.join(DIR)) {
        Ok(()) => true,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

const README: &str = "Thư mục này do minhbach tạo ra khi dựng trang (bộ nhớ đệm): nhờ nó, \
lần dựng sau nhận ra khi không có gì thay đổi và không ghi lại thư mục public/.\n\
Xoá thư mục này bất cứ lúc nào cũng được (hoặc chạy: minhbach build --sach); \
không cần sao lưu, không cần đưa lên máy chủ hay vào git.\n";

/// One entry per output folder, named by the hash of its path.
fn entry_path(root: &Path, output: &Path) -> PathBuf {
    let id = xxhash_rust::xxh3::xxh3_64(output.as_os_str().as_encoded_bytes());
    root.join(DIR).join(format!("lan-dung-{id:016x}.json"))
}

/// Keeps the [`MAX_ENTRIES`] newest entries.
fn prune(dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else { return };
    let mut entries: Vec<(std::time::SystemTime, PathBuf)> = read
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("lan-dung-"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if entries.len() <= MAX_ENTRIES {
        return;
    }
    entries.sort();
    let excess = entries.len() - MAX_ENTRIES;
    for (_, path) in entries.into_iter().take(excess) {
        let _ = fs::remove_file(path);
    }
}

/// Hidden names an interrupted build leaves beside the output folder
/// (see `output/place.rs`); the next real build cleans them up.
fn has_leftovers(output: &Path) -> bool {
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return false;
    };
    let prefix = format!(".{}.minhbach-", name.to_string_lossy());
    fs::read_dir(parent).is_ok_and(|d| {
        d.flatten().any(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix) && !n.ends_with(".minhbach-lock")
        })
    })
}

fn hex(v: u128) -> String {
    format!("{v:032x}")
}
