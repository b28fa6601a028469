//! Writing an [`Output`] to disk without ever leaving a half-written or
//! missing output folder, and without ever touching a folder minhbach did
//! not make.
//!
//! The new tree is written into a staging folder beside the real output
//! folder (a symlinked `public/` is followed, see [`super::place`]); when
//! every file is written, the two are swapped with one atomic
//! `renameat2(RENAME_EXCHANGE)` on Linux (two renames with roll-back
//! elsewhere), and the old tree is deleted. A build killed at any point
//! leaves either the old or the new complete tree, plus at worst leftovers
//! that the next build restores or removes. An advisory lock keeps two
//! builds of the same folder apart. (Files are not fsync'ed: a power cut,
//! unlike a killed process, may lose the page cache; rebuild after one.)

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::place::{self, io_error, remove_tree};
use super::{MARKER, OutFile, Output};
use crate::diagnostics::Diagnostic;

/// Writes `output` to `dest` (see the module docs). Returns the warnings
/// (leftovers that could not be removed, a restored tree), or the error
/// that stopped the write, in which case the previous output is unchanged.
/// A second build of the same folder waits for the first, saying so on
/// standard error.
pub fn write(output: &Output, dest: &Path) -> Result<Vec<Diagnostic>, Diagnostic> {
    write_with(output, dest, &wait_message)
}

/// Says on standard error that another build holds the output folder.
pub fn wait_message(dir: &Path) {
    eprintln!(
        "Đang có một lần dựng khác chạy vào {}; chờ nó xong rồi ghi tiếp…",
        dir.display()
    );
}

/// [`write`], calling `on_wait` when another build holds the output folder.
pub fn write_with(
    output: &Output,
    dest: &Path,
    on_wait: &dyn Fn(&Path),
) -> Result<Vec<Diagnostic>, Diagnostic> {
    check_paths(output)?;
    Staging::open(dest, on_wait)?.finish(output)
}

/// A new output tree being written beside the output folder (see the
/// module docs): `build` opens it before rendering and writes each page as
/// soon as it is rendered ([`Staging::put`]), so no page stays in memory;
/// [`Staging::finish`] writes the rest and swaps the tree in. Dropped
/// without `finish` (a failed build), the staging folder is removed and
/// the output folder is left as it was. Holds the output folder's lock.
pub struct Staging {
    target: place::Target,
    dest: PathBuf,
    staging: PathBuf,
    old_meta: Option<fs::Metadata>,
    warnings: Vec<Diagnostic>,
    finished: bool,
    _lock: place::Lock,
}

impl Staging {
    /// Takes the lock, deals with leftovers of earlier builds, refuses a
    /// folder minhbach did not make, and creates the staging folder.
    pub fn open(dest: &Path, on_wait: &dyn Fn(&Path)) -> Result<Staging, Diagnostic> {
        let target = place::resolve(dest)?;
        fs::create_dir_all(&target.parent)
            .map_err(|e| io_error(&target.parent, "không tạo được thư mục", &e))?;
        let lock = place::lock(&target, on_wait)?;
        let mut warnings = Vec::new();
        place::clean_leftovers(&target, &mut warnings);
        let old_meta = fs::symlink_metadata(&target.dir).ok();
        if old_meta.is_some() && !is_previous_output(&target.dir) {
            let shown = if target.dir == dest {
                String::new()
            } else {
                format!(" (thư mục thật: {})", target.dir.display())
            };
            return Err(Diagnostic::error(dest, format!("thư mục đầu ra{shown} đã có tệp nhưng không phải do minhbach tạo ra; minhbach không ghi đè để tránh mất dữ liệu"))
                .hint("chọn thư mục khác bằng --output, hoặc tự xoá/đổi tên thư mục này nếu chắc chắn không cần"));
        }
        let staging = target.staging();
        fs::create_dir_all(&staging)
            .map_err(|e| io_error(&staging, "không tạo được thư mục tạm", &e))?;
        Ok(Staging {
            target,
            dest: dest.to_path_buf(),
            staging,
            old_meta,
            warnings,
            finished: false,
            _lock: lock,
        })
    }

    /// The current output folder, read (never changed) for hard links.
    fn previous(&self) -> Option<&Path> {
        self.old_meta.is_some().then_some(self.target.dir.as_path())
    }

    /// Writes one file of the new tree now (from any thread). A file whose
    /// bytes equal the same path in the current output is hard-linked
    /// instead. Each path must be put once.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        check_path(rel)?;
        let path = self.staging.join(rel);
        if let Some(old) = self.previous().map(|p| p.join(rel))
            && same_bytes(bytes, &old)
        {
            match fs::hard_link(&old, &path) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    if let Some(parent) = path.parent() {
                        let _ = fs::create_dir_all(parent);
                    }
                    if fs::hard_link(&old, &path).is_ok() {
                        return Ok(());
                    }
                }
                Err(_) => {}
            }
        }
        // A new file, never one opened through an existing name: a name
        // put twice may be a hard link into the current output.
        let write = |p: &Path| -> std::io::Result<()> {
            let open = || fs::OpenOptions::new().write(true).create_new(true).open(p);
            let mut f = match open() {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    fs::remove_file(p)?;
                    open()?
                }
                other => other?,
            };
            f.write_all(bytes)
        };
        match write(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent)
                        .map_err(|e| io_error(parent, "không tạo được thư mục", &e))?;
                }
                write(&path)
            }
            other => other,
        }
        .map_err(|e| io_error(&path, "không ghi được tệp", &e))
    }

    /// Writes the files of `output` not yet put (entries
    /// [`OutFile::Written`] are skipped), then swaps the new tree in and
    /// removes the old one. Returns the warnings; on error the previous
    /// output is unchanged.
    pub fn finish(mut self, output: &Output) -> Result<Vec<Diagnostic>, Diagnostic> {
        check_paths(output)?;
        let pool = io_pool();
        let previous = self.previous().map(Path::to_path_buf);
        crate::timing::phase("write: tree", || {
            in_pool(pool.as_ref(), || {
                write_tree(output, &self.staging, previous.as_deref())
            })
        })?;
        let mut warnings = std::mem::take(&mut self.warnings);
        if let Some(meta) = &self.old_meta {
            // The web root keeps its permissions (e.g. group-readable).
            let _ = fs::set_permissions(&self.staging, meta.permissions());
            let old = place::swap_in(&self.staging, &self.target)?;
            self.finished = true;
            let left = crate::timing::phase("write: remove old", || {
                in_pool(pool.as_ref(), || place::remove_old_tree(&old))
            });
            warnings.extend(left);
        } else {
            fs::rename(&self.staging, &self.target.dir)
                .map_err(|e| io_error(&self.dest, "không đổi tên được thư mục đầu ra", &e))?;
            self.finished = true;
        }
        Ok(warnings)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            remove_tree(&self.staging);
        }
    }
}

/// Refuses any output path that is not plain relative segments, before
/// anything is touched: never write outside the output folder, whatever a
/// path says.
fn check_paths(output: &Output) -> Result<(), Diagnostic> {
    output.files.keys().try_for_each(|rel| check_path(rel))
}

/// [`check_paths`] for one path.
fn check_path(rel: &str) -> Result<(), Diagnostic> {
    let plain = Path::new(rel)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        return Err(
            Diagnostic::error(rel, "đường dẫn tệp đầu ra trỏ ra ngoài thư mục đầu ra")
                .hint("kiểm tra khoá aliases và tên tệp trong content/ và static/"),
        );
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

fn is_previous_output(dest: &Path) -> bool {
    if dest.join(MARKER).exists() {
        return true;
    }
    // An empty folder is fine to replace.
    fs::read_dir(dest)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false)
}

/// Writes every file of `output` under `dir` (the staging folder). A file
/// whose bytes equal the same path in `previous` (the current output
/// folder) is hard-linked from there instead of written: no data is
/// copied and the page cache is not dirtied. The previous tree is only
/// read, never changed, so a build killed here still leaves it whole.
fn write_tree(output: &Output, dir: &Path, previous: Option<&Path>) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
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
            if matches!(file, OutFile::Written) {
                return Ok(());
            }
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
                OutFile::Written => Ok(()),
            }
        })?;
    fs::write(
        dir.join(MARKER),
        "Thư mục này do minhbach tạo ra; mỗi lần build sẽ thay toàn bộ.\n",
    )
    .map_err(|e| io_error(dir, "không ghi được tệp", &e))?;
    Ok(())
}

/// True when `old` is a regular file holding exactly `bytes` (size first).
fn same_bytes(bytes: &[u8], old: &Path) -> bool {
    fs::symlink_metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(old).is_ok_and(|b| b == bytes)
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
        OutFile::Bytes(bytes) => same_bytes(bytes, old),
        OutFile::Lazy(_) | OutFile::Written => false,
        OutFile::Copy(src) => {
            fs::metadata(src).is_ok_and(|m| m.len() == meta.len())
                && match (fs::read(src), fs::read(old)) {
                    (Ok(a), Ok(b)) => a == b,
                    _ => false,
                }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

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
        let mut leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, [".public.minhbach-lock", "public"]);
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
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            2,
            "public and the lock"
        );
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
