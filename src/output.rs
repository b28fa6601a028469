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

/// A file of the output: bytes in memory, or a file to copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutFile {
    Bytes(Vec<u8>),
    Copy(PathBuf),
}

/// Output path (relative, `/`-separated) → file.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub files: BTreeMap<String, OutFile>,
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
        match self.files.get(path)? {
            OutFile::Bytes(b) => Some(b.clone()),
            OutFile::Copy(src) => fs::read(src).ok(),
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
    if let Err(e) = write_tree(output, &staging) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if dest.exists() {
        swap_dirs(&staging, dest)
            .map_err(|e| io_error(dest, "không thay được thư mục đầu ra", &e))?;
        // `staging` now holds the previous output.
        let _ = fs::remove_dir_all(&staging);
    } else {
        fs::rename(&staging, dest)
            .map_err(|e| io_error(dest, "không đổi tên được thư mục đầu ra", &e))?;
    }
    Ok(())
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

fn write_tree(output: &Output, dir: &Path) -> Result<(), Diagnostic> {
    fs::create_dir_all(dir).map_err(|e| io_error(dir, "không tạo được thư mục tạm", &e))?;
    for (rel, file) in &output.files {
        // Never write outside the output folder, whatever a path says.
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
        let path = dir.join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(|e| io_error(p, "không tạo được thư mục", &e))?;
        }
        match file {
            OutFile::Bytes(bytes) => {
                let mut f = fs::File::create(&path)
                    .map_err(|e| io_error(&path, "không ghi được tệp", &e))?;
                f.write_all(bytes)
                    .map_err(|e| io_error(&path, "không ghi được tệp", &e))?;
            }
            OutFile::Copy(src) => {
                fs::copy(src, &path).map_err(|e| io_error(src, "không sao chép được tệp", &e))?;
            }
        }
    }
    fs::write(
        dir.join(MARKER),
        "Thư mục này do minhbach tạo ra; mỗi lần build sẽ thay toàn bộ.\n",
    )
    .map_err(|e| io_error(dir, "không ghi được tệp", &e))?;
    Ok(())
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
