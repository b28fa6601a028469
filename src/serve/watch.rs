//! File watching for `serve`: which folders to watch, and the pure function
//! that turns a raw file-system event into a small [`ChangeKind`] (or
//! nothing, for noise such as editor swap files, Office lock files, `public/`
//! and read-only access events).
//!
//! This module does not rebuild anything; `serve::mod` decides what to do
//! with the kinds it gets back.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::{self, EventKind, RecursiveMode, event::ModifyKind};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::config::CONFIG_FILE;
use crate::content::load::is_ignored_name;

/// How long the debouncer waits for a burst of events to settle. Short:
/// editors finish a save (write, or write-and-rename) within a few
/// milliseconds, and a rebuild that catches a half-saved file is followed
/// by another one when the rest of the save arrives.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// How often the debouncer checks whether a burst has settled.
pub const TICK: Duration = Duration::from_millis(5);

/// Folders under the site root whose changes trigger a rebuild.
pub const WATCHED_DIRS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// What kind of input changed. Every kind currently triggers a full
/// in-memory rebuild; the kind is reported to the user and leaves room for
/// cheaper partial rebuilds later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Markdown pages and attachments under `content/`.
    Content,
    /// Data files (CSV, XLSX, TOML) under `content/<data.dir>/`.
    Data,
    /// Templates, static assets and UI strings (theme or site overrides).
    Theme,
    /// `minhbach.toml`.
    Config,
}

impl ChangeKind {
    /// A short Vietnamese label for terminal messages.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Content => "nội dung",
            ChangeKind::Data => "dữ liệu",
            ChangeKind::Theme => "giao diện",
            ChangeKind::Config => "cấu hình",
        }
    }
}

/// True for event kinds that can change the site: creation, modification
/// (not mere metadata such as access times) and removal. Access events
/// (open, close, read) are noise.
pub fn is_relevant_event(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Other => false,
    }
}

/// Classifies one changed path. `root` must be the same (canonical) root the
/// watches were set up with; `data_dir` is the data folder under `content/`
/// (`du-lieu` by default). Returns `None` for paths that do not affect the
/// site.
pub fn classify(root: &Path, path: &Path, data_dir: &str) -> Option<ChangeKind> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, rest) = parts.split_first()?;
    if parts.iter().any(|p| is_ignored_name(p)) {
        return None;
    }
    if rest.is_empty() {
        return match *first {
            CONFIG_FILE => Some(ChangeKind::Config),
            // A watched folder created, removed or renamed as a whole.
            dir if WATCHED_DIRS.contains(&dir) => Some(if dir == "content" {
                ChangeKind::Content
            } else {
                ChangeKind::Theme
            }),
            _ => None,
        };
    }
    match *first {
        "content" => {
            let data: Vec<&str> = data_dir.split('/').filter(|s| !s.is_empty()).collect();
            if !data.is_empty() && rest.starts_with(&data) {
                Some(ChangeKind::Data)
            } else {
                Some(ChangeKind::Content)
            }
        }
        "themes" | "templates" | "static" | "i18n" => Some(ChangeKind::Theme),
        _ => None,
    }
}

/// A watcher error in Vietnamese (notify's own text is English).
pub fn reason(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::Io(io) => crate::os_error::reason(io),
        notify::ErrorKind::PathNotFound | notify::ErrorKind::WatchNotFound => {
            "không tìm thấy thư mục cần theo dõi".to_owned()
        }
        notify::ErrorKind::MaxFilesWatch => {
            "đã chạm giới hạn số thư mục hệ điều hành cho phép theo dõi; đóng bớt chương trình khác rồi chạy lại".to_owned()
        }
        notify::ErrorKind::Generic(_) | notify::ErrorKind::InvalidConfig(_) => {
            "lỗi của bộ theo dõi tệp".to_owned()
        }
    }
}

/// A running watcher: the debouncer plus the folders it watches, so folders
/// created after start-up (say, a new `templates/`) can be added.
pub struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching `root` (non-recursively, for `minhbach.toml`, which
    /// editors often replace rather than rewrite) and every existing folder
    /// of [`WATCHED_DIRS`] (recursively). Debounced batches go to `tx`.
    pub fn start(root: &Path, tx: mpsc::Sender<DebounceEventResult>) -> notify::Result<Self> {
        let debouncer = new_debouncer(DEBOUNCE, Some(TICK), tx)?;
        let mut w = Watcher {
            debouncer,
            root: root.to_path_buf(),
            watched: Vec::new(),
        };
        w.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        w.refresh();
        Ok(w)
    }

    /// Adds watches for watched folders that exist now but did not before.
    pub fn refresh(&mut self) {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            if path.is_dir() && !self.watched.contains(&path) {
                if self
                    .debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .is_ok()
                {
                    self.watched.push(path);
                }
            } else if !path.is_dir() {
                // Removed: inotify drops the watch itself; forget it so a
                // re-created folder is watched again.
                self.watched.retain(|p| p != &path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, RemoveKind};

    fn c(path: &str) -> Option<ChangeKind> {
        classify(Path::new("/site"), Path::new(path), "du-lieu")
    }

    #[test]
    fn classifies_site_inputs() {
        use ChangeKind::*;
        let cases = [
            ("/site/minhbach.toml", Some(Config)),
            ("/site/content/_index.md", Some(Content)),
            ("/site/content/tin-tuc/bai.md", Some(Content)),
            ("/site/content/tin-tuc/anh.png", Some(Content)),
            ("/site/content/du-lieu/chi-tieu.csv", Some(Data)),
            ("/site/content/du-lieu/2026/kq.xlsx", Some(Data)),
            ("/site/content/du-lieu-cu.md", Some(Content)),
            ("/site/content", Some(Content)),
            ("/site/templates", Some(Theme)),
            ("/site/themes/default/templates/base.html", Some(Theme)),
            ("/site/templates/page.html", Some(Theme)),
            ("/site/static/logo.svg", Some(Theme)),
            ("/site/i18n/vi.toml", Some(Theme)),
        ];
        for (path, want) in cases {
            assert_eq!(c(path), want, "{path}");
        }
    }

    #[test]
    fn ignores_noise() {
        let cases = [
            "/site/public/index.html",
            "/site/public",
            "/site/README.md",
            "/site/minhbach.toml~",
            "/site/.minhbach.toml.swp",
            "/site/content/.bai.md.swp",
            "/site/content/bai.md~",
            "/site/content/du-lieu/~$chi-tieu.xlsx",
            "/site/content/du-lieu/.~lock.chi-tieu.xlsx#",
            "/site/content/#bai.md#",
            "/site/content/4913.tmp",
            "/site/content/.git/HEAD",
            "/site/.git/index",
            "/site/content/Thumbs.db",
            "/khac/content/bai.md",
            "/site",
        ];
        for path in cases {
            assert_eq!(c(path), None, "{path}");
        }
    }

    #[test]
    fn custom_data_dir() {
        let k = classify(
            Path::new("/s"),
            Path::new("/s/content/so-lieu/a.csv"),
            "so-lieu",
        );
        assert_eq!(k, Some(ChangeKind::Data));
    }

    #[test]
    fn filters_event_kinds() {
        assert!(is_relevant_event(&EventKind::Create(CreateKind::File)));
        assert!(is_relevant_event(&EventKind::Remove(RemoveKind::File)));
        assert!(is_relevant_event(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(!is_relevant_event(&EventKind::Access(AccessKind::Read)));
        assert!(!is_relevant_event(&EventKind::Modify(
            ModifyKind::Metadata(MetadataKind::AccessTime)
        )));
        assert!(!is_relevant_event(&EventKind::Other));
    }
}
