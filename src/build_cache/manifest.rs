//! The fingerprint of an output folder as the last build left it: every
//! name, type, size and time stamps (on Unix also the inode and the change
//! time, which no tool can set back). Recorded right after writing and
//! compared before skipping a build, it tells — without reading a page —
//! whether anyone added, removed or edited a file since.

use std::fs;
use std::path::Path;

use rayon::prelude::*;

use xxhash_rust::xxh3::Xxh3;

/// The fingerprint of `dir`, or `None` when it does not exist or cannot
/// be read whole. Each folder is summed up by one digest of its entries
/// (names sorted; a sub-folder by its own digest, a file by its size and
/// stamps), the folders read in parallel: a site of 10,000 posts has
/// 20,000 files to `stat`, and no list of them is kept.
pub fn fingerprint(dir: &Path) -> Option<u128> {
    if !fs::metadata(dir).ok()?.is_dir() {
        return None;
    }
    let (digest, count) = folder(dir)?;
    let mut h = Xxh3::new();
    h.update(b"minhbach output manifest 2\0");
    h.update(&digest.to_le_bytes());
    h.update(&count.to_le_bytes());
    Some(h.digest128())
}

/// The digest of the folder `dir` (symlinks not followed) and the number
/// of entries under it.
fn folder(dir: &Path) -> Option<(u128, u64)> {
    let mut names: Vec<std::ffi::OsString> = fs::read_dir(dir)
        .ok()?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<Result<_, _>>()
        .ok()?;
    names.sort();
    let records: Vec<Option<(Vec<u8>, u64)>> = names
        .par_iter()
        .map(|name| {
            let path = dir.join(name);
            let meta = fs::symlink_metadata(&path).ok()?;
            let kind: u8 = if meta.is_dir() {
                1
            } else if meta.is_file() {
                2
            } else {
                3
            };
            // A name never holds NUL and what follows has a fixed length
            // per kind: the records cannot run into each other.
            let mut record = Vec::with_capacity(name.len() + 80);
            record.extend_from_slice(name.as_encoded_bytes());
            record.extend_from_slice(&[0, kind]);
            let mut count = 1;
            if kind == 1 {
                let (digest, n) = folder(&path)?;
                record.extend_from_slice(&digest.to_le_bytes());
                count += n;
            } else {
                record.extend_from_slice(&meta.len().to_le_bytes());
                record.extend_from_slice(&stamps(&meta));
            }
            Some((record, count))
        })
        .collect();
    let mut h = Xxh3::new();
    let mut count = 0;
    for record in records {
        let (bytes, n) = record?;
        h.update(&bytes);
        count += n;
    }
    Some((h.digest128(), count))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder two levels deep, as an output folder has (`tin-tuc/bai/`).
    fn tree() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        let deep = t.path().join("tin-tuc").join("bai");
        fs::create_dir_all(&deep).unwrap();
        fs::write(t.path().join("index.html"), "trang chủ").unwrap();
        fs::write(deep.join("index.html"), "một bài").unwrap();
        fs::write(t.path().join("tin-tuc").join("index.html"), "tin").unwrap();
        t
    }

    #[test]
    fn a_change_anywhere_in_the_tree_changes_the_fingerprint() {
        let t = tree();
        let root = t.path();
        let first = fingerprint(root).unwrap();
        assert_eq!(
            fingerprint(root),
            Some(first),
            "same tree, same fingerprint"
        );
        let deep = root.join("tin-tuc").join("bai");
        let mut last = first;
        let mut check = |what: &str| {
            let now = fingerprint(root).unwrap();
            assert_ne!(now, last, "{what}: fingerprint did not change");
            last = now;
        };
        // Same size, other bytes, two levels down.
        fs::write(deep.join("index.html"), "hai bài").unwrap();
        check("file rewritten deep down");
        fs::create_dir(deep.join("trong")).unwrap();
        check("empty folder added deep down");
        fs::write(deep.join("trong").join("a.txt"), "").unwrap();
        check("empty file added in it");
        fs::rename(deep.join("trong").join("a.txt"), deep.join("a.txt")).unwrap();
        check("file moved up a level");
        fs::remove_file(deep.join("a.txt")).unwrap();
        check("file removed");
        assert_eq!(fingerprint(&root.join("khong-co")), None);
    }
}
