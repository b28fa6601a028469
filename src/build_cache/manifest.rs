//! The fingerprint of an output folder as the last build left it: every
//! name, type, size and time stamps (on Unix also the inode and the change
//! time, which no tool can set back). Recorded right after writing and
//! compared before skipping a build, it tells — without reading a page —
//! whether anyone added, removed or edited a file since.

use std::fs;
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

/// The fingerprint of `dir`, or `None` when it does not exist or cannot
/// be read whole.
pub fn fingerprint(dir: &Path) -> Option<u128> {
    if !fs::metadata(dir).ok()?.is_dir() {
        return None;
    }
    let mut h = Xxh3::new();
    h.update(b"minhbach output manifest 1\0");
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1);
    let mut count = 0u64;
    for entry in walker {
        let entry = entry.ok()?;
        let meta = entry.metadata().ok()?;
        let rel = entry.path().strip_prefix(dir).ok()?;
        h.update(rel.as_os_str().as_encoded_bytes());
        let kind: u8 = if meta.is_dir() {
            1
        } else if meta.is_file() {
            2
        } else {
            3
        };
        h.update(&[0, kind]);
        if kind != 1 {
            h.update(&meta.len().to_le_bytes());
            h.update(&stamps(&meta));
        }
        count += 1;
    }
    h.update(&count.to_le_bytes());
    Some(h.digest128())
}

/// Time stamps and identity of a file: modification time, and on Unix the
/// change time, inode and device.
#[cfg(unix)]
fn stamps(meta: &fs::Metadata) -> Vec<u8> {
    use std::os::unix::fs::MetadataExt;
    [
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
        meta.ino() as i64,
        meta.dev() as i64,
        i64::from(meta.mode()),
    ]
    .iter()
    .flat_map(|v| v.to_le_bytes())
    .collect()
}

/// Time stamps of a file: modification and creation times (to the 100 ns
/// of NTFS).
#[cfg(not(unix))]
fn stamps(meta: &fs::Metadata) -> Vec<u8> {
    let ns = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos())
    };
    [ns(meta.modified()), ns(meta.created())]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect()
}
