//! Where the output goes and how it is put there safely: the real output
//! folder behind a symlink, the advisory lock that keeps two builds apart,
//! leftovers of earlier builds (restored or removed, never the only good
//! tree), and the final swap of the new tree with the old one.
//!
//! Names beside the real output folder `NAME` (all hidden):
//! `.NAME.minhbach-lock` (the lock file, kept), `.NAME.minhbach-tmp-PID`
//! (a tree being written, or after an exchange the previous tree),
//! `.NAME.minhbach-old-PID` (the previous tree moved aside by the
//! two-rename swap).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::MARKER;
use crate::diagnostics::Diagnostic;

/// The folder that really receives the output, and its parent and name.
#[derive(Debug, Clone)]
pub struct Target {
    /// The real folder (symlinks resolved); may not exist yet.
    pub dir: PathBuf,
    pub parent: PathBuf,
    pub name: String,
}

impl Target {
    pub fn staging(&self) -> PathBuf {
        self.parent.join(format!(
            ".{}.minhbach-tmp-{}",
            self.name,
            std::process::id()
        ))
    }

    fn backup(&self) -> PathBuf {
        self.parent.join(format!(
            ".{}.minhbach-old-{}",
            self.name,
            std::process::id()
        ))
    }

    fn leftover_prefix(&self) -> String {
        format!(".{}.minhbach-", self.name)
    }

    fn lock_path(&self) -> PathBuf {
        self.parent.join(format!(".{}.minhbach-lock", self.name))
    }
}

/// Resolves `dest` (as the user gave it) to the folder to replace. A
/// symlink (`public → /var/www/xa`) is followed to its real folder, so the
/// new tree is built beside that folder and swapped with it: the link stays
/// a link, the web root keeps its path. A dangling link, a link to a file,
/// or a link to `/` is refused with a located error.
pub fn resolve(dest: &Path) -> Result<Target, Diagnostic> {
    let real = match fs::symlink_metadata(dest) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => absolute(dest),
        Err(e) => return Err(io_error(dest, "không đọc được thư mục đầu ra", &e)),
        Ok(meta) if meta.file_type().is_symlink() => {
            let to = fs::read_link(dest).unwrap_or_default();
            let real = fs::canonicalize(dest).map_err(|_| {
                Diagnostic::error(
                    dest,
                    format!(
                        "thư mục đầu ra là liên kết (symlink) tới “{}”, nhưng nơi đó không tồn tại",
                        to.display()
                    ),
                )
                .hint(format!(
                    "tạo thư mục đích trước (ví dụ: mkdir -p {}), hoặc sửa liên kết",
                    to.display()
                ))
            })?;
            if !real.is_dir() {
                return Err(Diagnostic::error(
                    dest,
                    format!(
                        "thư mục đầu ra là liên kết tới “{}”, nhưng đó không phải thư mục",
                        real.display()
                    ),
                )
                .hint("cho liên kết trỏ tới một thư mục, hoặc chọn thư mục khác bằng --output"));
            }
            real
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(
                Diagnostic::error(dest, "đường dẫn đầu ra là một tệp, không phải thư mục")
                    .hint("chọn thư mục khác bằng --output"),
            );
        }
        // A real folder: canonical too, so a symlinked ancestor does not
        // put the staging folder somewhere else than the folder.
        Ok(_) => fs::canonicalize(dest).unwrap_or_else(|_| absolute(dest)),
    };
    let (Some(parent), Some(name)) = (real.parent(), real.file_name()) else {
        return Err(Diagnostic::error(
            dest,
            format!(
                "không thể dùng “{}” làm thư mục đầu ra (không có thư mục cha để dựng bên cạnh)",
                real.display()
            ),
        )
        .hint("chọn một thư mục con, ví dụ --output /var/www/xa"));
    };
    Ok(Target {
        parent: parent.to_path_buf(),
        name: name.to_string_lossy().into_owned(),
        dir: real,
    })
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// An advisory lock on the output folder, held for the whole write. A
/// second build of the same folder waits here (after saying so) instead of
/// removing the first one's staging folder.
pub struct Lock(#[allow(dead_code)] fs::File);

pub fn lock(target: &Target, on_wait: &dyn Fn(&Path)) -> Result<Lock, Diagnostic> {
    let path = target.lock_path();
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io_error(&path, "không tạo được tệp khoá của thư mục đầu ra", &e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            on_wait(&target.dir);
            file.lock()
                .map_err(|e| io_error(&path, "không khoá được thư mục đầu ra", &e))?;
        }
        Err(fs::TryLockError::Error(e)) => {
            return Err(io_error(&path, "không khoá được thư mục đầu ra", &e));
        }
    }
    Ok(Lock(file))
}

/// Deals with what earlier builds left beside the output folder (call with
/// the lock held, so none of it belongs to a running build). If the output
/// folder is missing but a complete tree (one with the marker file) was
/// left, that tree is put back first: the previous output moved aside
/// (`-old-`) is preferred, else a complete new tree. Everything else left
/// is removed; what cannot be removed is reported.
pub fn clean_leftovers(target: &Target, warnings: &mut Vec<Diagnostic>) {
    let prefix = target.leftover_prefix();
    let mut left: Vec<PathBuf> = fs::read_dir(&target.parent)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix) && !n.ends_with(".minhbach-lock")
        })
        .map(|e| e.path())
        .collect();
    left.sort();
    if fs::symlink_metadata(&target.dir).is_err() {
        let complete = |p: &PathBuf| is_real_dir(p) && p.join(MARKER).is_file();
        let pick = left
            .iter()
            .position(|p| complete(p) && p.to_string_lossy().contains(".minhbach-old-"))
            .or_else(|| left.iter().position(complete));
        if let Some(i) = pick {
            let tree = left.remove(i);
            match fs::rename(&tree, &target.dir) {
                Ok(()) => warnings.push(
                    Diagnostic::warning(
                        &target.dir,
                        format!(
                            "thư mục đầu ra bị thiếu (một lần dựng trước bị dừng giữa chừng); đã khôi phục từ “{}”",
                            tree.display()
                        ),
                    )
                    .hint("không cần làm gì thêm; lần dựng này sẽ thay nó bằng bản mới"),
                ),
                // Keep it: never delete the only complete tree.
                Err(_) => return,
            }
        }
    }
    for p in left {
        if let Some(w) = remove_old_tree(&p) {
            warnings.push(w);
        }
    }
}

fn is_real_dir(p: &Path) -> bool {
    fs::symlink_metadata(p).is_ok_and(|m| m.is_dir())
}

/// Removes a tree left by a build (never following symlinks); returns a
/// warning naming it when it could not be removed whole.
pub fn remove_old_tree(dir: &Path) -> Option<Diagnostic> {
    remove_tree(dir);
    fs::symlink_metadata(dir).ok()?;
    Some(
        Diagnostic::warning(
            dir,
            "không xoá được thư mục cũ còn sót lại (có tệp hoặc thư mục chỉ đọc/bị khoá)",
        )
        .hint(format!(
            "trang mới đã được ghi đầy đủ; hãy tự xoá thư mục này khi có quyền (ví dụ: chmod -R u+w “{0}” rồi xoá)",
            dir.display()
        )),
    )
}

/// Puts the complete tree `staging` in place of `target.dir` (which
/// exists). Returns where the previous tree now is (to be removed).
pub fn swap_in(staging: &Path, target: &Target) -> Result<PathBuf, Diagnostic> {
    match exchange(staging, &target.dir) {
        Ok(()) => Ok(staging.to_path_buf()),
        Err(_) => {
            let backup = target.backup();
            swap_by_rename(staging, &target.dir, &backup, &|a, b| fs::rename(a, b))?;
            Ok(backup)
        }
    }
}

/// The portable swap: move the old tree aside to `backup`, move the new
/// tree in. If the second move fails (a virus scanner holding a handle on
/// Windows), the old tree is moved back, so `target` is never left
/// missing; if even that fails, the old tree stays whole at `backup`, the
/// error says where, and the next build restores it.
pub fn swap_by_rename(
    new: &Path,
    target: &Path,
    backup: &Path,
    rename: &dyn Fn(&Path, &Path) -> io::Result<()>,
) -> Result<(), Diagnostic> {
    rename(target, backup).map_err(|e| {
        io_error(
            target,
            "không thay được thư mục đầu ra (thư mục cũ vẫn nguyên)",
            &e,
        )
    })?;
    let Err(e) = rename(new, target) else {
        return Ok(());
    };
    match rename(backup, target) {
        Ok(()) => Err(io_error(
            target,
            "không thay được thư mục đầu ra; thư mục cũ đã được giữ nguyên",
            &e,
        )),
        Err(_) => Err(Diagnostic::error(
            target,
            format!(
                "không thay được thư mục đầu ra: {}; bản cũ đầy đủ nằm ở “{}” và sẽ được khôi phục ở lần dựng sau",
                crate::os_error::reason(&e),
                backup.display()
            ),
        )
        .hint("đóng các chương trình đang mở tệp trong thư mục đầu ra (trình diệt virus, trình duyệt tệp) rồi chạy lại")),
    }
}

/// Exchanges two paths atomically (`renameat2(RENAME_EXCHANGE)`), called as
/// a raw system call so static (musl) builds link too.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated paths for the call's
    // duration; the arguments match renameat2(2).
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

pub fn io_error(path: &Path, what: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("{what}: {}", crate::os_error::reason(e)))
        .hint("kiểm tra quyền ghi và dung lượng đĩa")
}

/// Removes a folder tree, many folders at once: on a busy disk each unlink
/// waits for the journal, so removing 15,000 folders one by one took ~20 s
/// here; several threads overlap those waits. Errors are ignored here; the
/// caller reports a tree that is still there.
pub(super) fn remove_tree(dir: &Path) {
    // Never follow a symlink: removing through one would empty the folder
    // it points to (a web root), not the link.
    if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        let _ = fs::remove_file(dir);
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn tree(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(MARKER), "").unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
    }

    /// Renames where calls `from..=to` (1-based) fail.
    fn failing(from: usize, to: usize) -> impl Fn(&Path, &Path) -> io::Result<()> {
        let n = Cell::new(0);
        move |a, b| {
            n.set(n.get() + 1);
            if (from..=to).contains(&n.get()) {
                Err(io::Error::other("tệp đang bị khoá"))
            } else {
                fs::rename(a, b)
            }
        }
    }

    #[test]
    fn portable_swap_rolls_back_when_the_new_tree_cannot_move_in() {
        let tmp = tempfile::tempdir().unwrap();
        let (new, target, backup) = (
            tmp.path().join("new"),
            tmp.path().join("public"),
            tmp.path().join("old"),
        );
        tree(&new, "moi");
        tree(&target, "cu");
        let e = swap_by_rename(&new, &target, &backup, &failing(2, 2)).unwrap_err();
        assert!(e.message.contains("giữ nguyên"), "{}", e.message);
        assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), "cu");
        assert!(!backup.exists());
    }

    #[test]
    fn portable_swap_keeps_the_old_tree_when_even_the_roll_back_fails() {
        let tmp = tempfile::tempdir().unwrap();
        let t = Target {
            dir: tmp.path().join("public"),
            parent: tmp.path().to_path_buf(),
            name: "public".into(),
        };
        let new = t.staging();
        tree(&new, "moi");
        tree(&t.dir, "cu");
        let backup = t.backup();
        let e = swap_by_rename(&new, &t.dir, &backup, &failing(2, 3)).unwrap_err();
        assert!(
            e.message.contains(&*backup.to_string_lossy()),
            "{}",
            e.message
        );
        assert!(!t.dir.exists());
        // The next build puts the previous tree back before anything else.
        let mut warnings = Vec::new();
        clean_leftovers(&t, &mut warnings);
        assert_eq!(fs::read_to_string(t.dir.join("index.html")).unwrap(), "cu");
        assert_eq!(warnings.len(), 1);
        assert!(!new.exists() && !backup.exists());
    }

    #[test]
    fn portable_swap_succeeds_and_leaves_the_old_tree_aside() {
        let tmp = tempfile::tempdir().unwrap();
        let (new, target, backup) = (
            tmp.path().join("new"),
            tmp.path().join("public"),
            tmp.path().join("old"),
        );
        tree(&new, "moi");
        tree(&target, "cu");
        swap_by_rename(&new, &target, &backup, &failing(0, 0)).unwrap();
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "moi"
        );
        assert_eq!(fs::read_to_string(backup.join("index.html")).unwrap(), "cu");
    }
}
