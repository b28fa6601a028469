//! The build output in memory, and writing it to disk without ever leaving
//! a half-written `public/`.
//!
//! Writing goes into a staging folder next to the output folder; when every
//! file is written, the two folders are swapped with one atomic
//! `renameat2(RENAME_EXCHANGE)` on Linux (two renames elsewhere), and the old
//! tree is deleted. A build killed at any point leaves either the old or the
//! new complete `public/`, plus at worst a stale staging folder that the
//! next build removes. (Files are not fsync'ed: a power cut, unlike a killed
//! process, may lose the page cache; rebuild after one.) On systems without
//! `RENAME_EXCHANGE` the swap is two renames with a moment without `public/`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Name of the marker file that identifies a folder as minhbach output, so
/// a mistaken `--output` never deletes someone's documents.
pub const MARKER: &str = ".minhbach-output";

/// A file of the output: bytes in memory, a file to copy, or a page that
/// renders when first read (`serve` only, see `render::lazy`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutFile {
    Bytes(Vec<u8>),
    Copy(PathBuf),
    Lazy(LazyFile),
}

/// Renders the bytes of an output path on request.
pub trait LazySource: Send + Sync {
    fn render(&self, path: &str) -> Option<Vec<u8>>;
}

/// A shared [`LazySource`]; equal when it is the same source.
#[derive(Clone)]
pub struct LazyFile(pub std::sync::Arc<dyn LazySource>);

impl std::fmt::Debug for LazyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyFile")
    }
}

impl PartialEq for LazyFile {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for LazyFile {}

/// Output path (relative, `/`-separated) → file.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub files: BTreeMap<String, OutFile>,
    /// `serve` only: paths under this prefix that are not in `files` are
    /// asked of the lazy source (the search index, built on first use).
    pub lazy_prefix: Option<(String, LazyFile)>,
}

impl Output {
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        self.files.insert(path, OutFile::Bytes(bytes));
    }

    pub fn copy(&mut self, path: String, source: PathBuf) {
        self.files.entry(path).or_insert(OutFile::Copy(source));
    }

    /// Bytes of a file (reads copies from disk).
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        let Some(file) = self.files.get(path) else {
            return match &self.lazy_prefix {
                Some((prefix, l)) if path.starts_with(prefix.as_str()) => l.0.render(path),
                _ => None,
            };
        };
        match file {
            OutFile::Bytes(b) => Some(b.clone()),
            OutFile::Copy(src) => fs::read(src).ok(),
            OutFile::Lazy(l) => l.0.render(path),
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Number of HTML pages.
    pub fn page_count(&self) -> usize {
        self.files.keys().filter(|k| k.ends_with(".html")).count()
    }
}

/// Writes `output` to `dest` atomically (see the module docs).
pub fn write(output: &Output, dest: &Path) -> Result<(), Diagnostic> {
    let dest_name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| io_error(parent, "không tạo được thư mục", &e))?;
    if dest.exists() && !is_previous_output(dest) {
        return Err(Diagnostic::error(dest, "thư mục đầu ra đã có tệp nhưng không phải do minhbach tạo ra; minhbach không ghi đè để tránh mất dữ liệu")
            .hint("chọn thư mục khác bằng --output, hoặc tự xoá/đổi tên thư mục này nếu chắc chắn không cần"));
    }
    remove_stale_staging(parent, &dest_name);
    let staging = parent.join(format!(".{dest_name}.minhbach-tmp-{}", std::process::id()));
    let previous = dest.is_dir().then_some(dest);
    let pool = io_pool();
    let written = crate::timing::phase("write: tree", || {
        in_pool(pool.as_ref(), || write_tree(output, &staging, previous))
    });
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if dest.exists() {
        swap_dirs(&staging, dest)
            .map_err(|e| io_error(dest, "không thay được thư mục đầu ra", &e))?;
        // `staging` now holds the previous output.
        crate::timing::phase("write: remove old", || {
            in_pool(pool.as_ref(), || remove_tree(&staging))
        });
    } else {
        fs::rename(&staging, dest)
            .map_err(|e| io_error(dest, "không đổi tên được thư mục đầu ra", &e))?;
    }
    Ok(())
}

/// Threads for file-system work: more than the cores, since they mostly
/// wait for the disk (folder creation and removal wait for the journal).
const IO_THREADS: usize = 8;

fn io_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(IO_THREADS)
        .thread_name(|i| format!("minhbach-io-{i}"))
        .build()
        .ok()
}

fn in_pool<T: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> T + Send) -> T {
    match pool {
        Some(p) => p.install(f),
        None => f(),
    }
}

/// Removes a folder tree, many folders at once: on a busy disk each unlink
/// waits for the journal, so removing 15,000 folders one by one took ~20 s
/// here; several threads overlap those waits. Errors are ignored (a
/// leftover tree is removed by the next build, like a stale staging folder).
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    fn remove(dir: &Path) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let (dirs, files): (Vec<_>, Vec<_>) = entries
            .flatten()
            .partition(|e| e.file_type().is_ok_and(|t| t.is_dir()));
        files.par_iter().for_each(|f| {
            let _ = fs::remove_file(f.path());
        });
        dirs.par_iter().for_each(|d| remove(&d.path()));
        let _ = fs::remove_dir(dir);
    }
    remove(dir);
    if dir.exists() {
        let _ = fs::remove_dir_all(dir);
    }
}

fn io_error(path: &Path, what: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("{what}: {e}")).hint("kiểm tra quyền ghi và dung lượng đĩa")
}

fn is_previous_output(dest: &Path) -> bool {
    if dest.join(MARKER).exists() {
        return true;
    }
    // An empty folder is fine to replace.
    fs::read_dir(dest)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false)
}

fn remove_stale_staging(parent: &Path, dest_name: &str) {
    let prefix = format!(".{dest_name}.minhbach-tmp-");
    if let Ok(entries) = fs::read_dir(parent) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Writes every file of `output` under `dir` (the staging folder). A file
/// whose bytes equal the same path in `previous` (the current output
/// folder) is hard-linked from there instead of written: no data is
/// copied and the page cache is not dirtied. The previous tree is only
/// read, never changed, so a build killed here still leaves it whole.
fn write_tree(output: &Output, dir: &Path, previous: Option<&Path>) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    // Never write outside the output folder, whatever a path says.
    for rel in output.files.keys() {
        let plain = Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            return Err(Diagnostic::error(
                rel.as_str(),
                "đường dẫn tệp đầu ra trỏ ra ngoài thư mục đầu ra",
            )
            .hint("kiểm tra khoá aliases và tên tệp trong content/ và static/"));
        }
    }
    fs::create_dir_all(dir).map_err(|e| io_error(dir, "không tạo được thư mục tạm", &e))?;
    // Folders first, each once, parents before children (sorted order).
    let mut dirs = std::collections::BTreeSet::new();
    for rel in output.files.keys() {
        let mut rest = rel.as_str();
        while let Some((parent, _)) = rest.rsplit_once('/') {
            if !dirs.insert(parent) {
                break;
            }
            rest = parent;
        }
    }
    // Level by level (parents exist before their children), each level
    // in parallel: on a busy disk every mkdir waits for the journal.
    let mut levels: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for d in &dirs {
        levels.entry(d.matches('/').count()).or_default().push(d);
    }
    for level in levels.values() {
        level.par_iter().try_for_each(|d| {
            let p = dir.join(d);
            match fs::create_dir(&p) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
                Err(e) => Err(io_error(&p, "không tạo được thư mục", &e)),
            }
        })?;
    }
    let files: Vec<(&String, &OutFile)> = output.files.iter().collect();
    files
        .par_iter()
        .with_min_len(64)
        .try_for_each(|(rel, file)| {
            let path = dir.join(rel);
            if let Some(old) = previous.map(|p| p.join(rel))
                && same_content(file, &old)
                && fs::hard_link(&old, &path).is_ok()
            {
                return Ok(());
            }
            match file {
                OutFile::Bytes(bytes) => {
                    let mut f = fs::File::create(&path)
                        .map_err(|e| io_error(&path, "không ghi được tệp", &e))?;
                    f.write_all(bytes)
                        .map_err(|e| io_error(&path, "không ghi được tệp", &e))
                }
                OutFile::Copy(src) => fs::copy(src, &path)
                    .map(|_| ())
                    .map_err(|e| io_error(src, "không sao chép được tệp", &e)),
                OutFile::Lazy(l) => {
                    let bytes = l.0.render(rel).unwrap_or_default();
                    fs::write(&path, bytes).map_err(|e| io_error(&path, "không ghi được tệp", &e))
                }
            }
        })?;
    fs::write(
        dir.join(MARKER),
        "Thư mục này do minhbach tạo ra; mỗi lần build sẽ thay toàn bộ.\n",
    )
    .map_err(|e| io_error(dir, "không ghi được tệp", &e))?;
    Ok(())
}

/// True when `old` is a regular file holding exactly the bytes of `file`.
/// Sizes are compared first (one `stat`), so most changed files are never
/// read.
fn same_content(file: &OutFile, old: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(old) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match file {
        OutFile::Bytes(bytes) => {
            meta.len() == bytes.len() as u64 && fs::read(old).is_ok_and(|b| b == *bytes)
        }
        OutFile::Lazy(_) => false,
        OutFile::Copy(src) => {
            fs::metadata(src).is_ok_and(|m| m.len() == meta.len())
                && match (fs::read(src), fs::read(old)) {
                    (Ok(a), Ok(b)) => a == b,
                    _ => false,
                }
        }
    }
}

#[cfg(target_os = "linux")]
fn swap_dirs(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated paths for the call's duration.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 { Ok(()) } else { swap_by_rename(a, b) }
}

#[cfg(not(target_os = "linux"))]
fn swap_dirs(a: &Path, b: &Path) -> std::io::Result<()> {
    swap_by_rename(a, b)
}

/// Fallback: move the old tree aside, move the new one in, leave the old
/// one where `a` was.
fn swap_by_rename(a: &Path, b: &Path) -> std::io::Result<()> {
    let mut name = a.file_name().unwrap_or_default().to_os_string();
    name.push("-old");
    let aside = a.with_file_name(name);
    fs::rename(b, &aside)?;
    fs::rename(a, b)?;
    fs::rename(&aside, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_atomically() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("public");
        let mut out = Output::default();
        out.insert("index.html".into(), b"v1".to_vec());
        out.insert("a/b.html".into(), b"x".to_vec());
        write(&out, &dest).unwrap();
        assert_eq!(fs::read(dest.join("index.html")).unwrap(), b"v1");
        let mut out2 = Output::default();
        out2.insert("index.html".into(), b"v2".to_vec());
        write(&out2, &dest).unwrap();
        assert_eq!(fs::read(dest.join("index.html")).unwrap(), b"v2");
        assert!(!dest.join("a/b.html").exists(), "stale files are gone");
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_hard_linked_from_the_old_tree() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("public");
        let ino = |rel: &str| fs::metadata(dest.join(rel)).unwrap().ino();
        let mut out = Output::default();
        out.insert("a/index.html".into(), b"same".to_vec());
        out.insert("b.html".into(), b"v1".to_vec());
        write(&out, &dest).unwrap();
        let (a, b) = (ino("a/index.html"), ino("b.html"));
        let mut out2 = Output::default();
        out2.insert("a/index.html".into(), b"same".to_vec());
        // Same size, other bytes: must not be linked.
        out2.insert("b.html".into(), b"v2".to_vec());
        out2.insert("c.html".into(), b"new".to_vec());
        write(&out2, &dest).unwrap();
        assert_eq!(
            ino("a/index.html"),
            a,
            "unchanged file linked, not rewritten"
        );
        assert_ne!(ino("b.html"), b);
        assert_eq!(fs::read(dest.join("b.html")).unwrap(), b"v2");
        assert_eq!(fs::read(dest.join("c.html")).unwrap(), b"new");
        // The old tree is gone: the linked file has one name again.
        assert_eq!(fs::metadata(dest.join("a/index.html")).unwrap().nlink(), 1);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn never_writes_outside_the_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("public");
        for rel in ["../thoat.html", "a/../../thoat.html", "/tmp/tuyet-doi.html"] {
            let mut out = Output::default();
            out.insert("index.html".into(), b"v1".to_vec());
            out.insert(rel.into(), b"x".to_vec());
            assert!(write(&out, &dest).is_err(), "{rel}");
            assert!(!tmp.path().join("thoat.html").exists());
            assert!(!Path::new("/tmp/tuyet-doi.html").exists());
        }
        assert!(!dest.exists(), "nothing published");
    }

    #[test]
    fn refuses_to_replace_a_foreign_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("tai-lieu");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("quan-trong.docx"), b"!").unwrap();
        let mut out = Output::default();
        out.insert("index.html".into(), b"v1".to_vec());
        assert!(write(&out, &dest).is_err());
        assert!(dest.join("quan-trong.docx").exists());
    }
}
