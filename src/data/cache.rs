//! `serve`'s per-file cache of parsed data: for each data file, what
//! reading and parsing it gave (its items, problems and matches with
//! `minh_hoa` and `[[data.nguon]]`), keyed by the file's modification time
//! and size. A rebuild after one edited data file reads and parses that
//! file only; the other files' parts are appended as they were. The checks
//! across files ([`super::validate`]) and everything computed from the
//! data set run on every rebuild, exactly as in a clean build.
//!
//! The options of `[data]` are part of every entry's key: when they change,
//! the cache starts again. `serve` also forgets the files the watcher names
//! ([`DataCache::forget`]), so an edit that keeps the size within the same
//! clock tick is still read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::DataOptions;
use super::model::DataSet;
use crate::content::cache::Stamp;
use crate::diagnostics::Diagnostics;

/// What one data file gave on its own (see [`super::load_dir_cached`]).
#[derive(Debug)]
pub(crate) struct FileLoad {
    pub(crate) data: DataSet,
    pub(crate) diags: Diagnostics,
    /// Which `minh_hoa` entries matched a table of this file.
    pub(crate) marked: Vec<bool>,
    /// The `[[data.nguon]]` mapping this file was read with.
    pub(crate) received: Option<usize>,
}

/// See the module docs. Empty by default; `build` never uses one.
#[derive(Default)]
pub struct DataCache {
    options: Option<DataOptions>,
    files: HashMap<PathBuf, (Stamp, Arc<FileLoad>)>,
    /// Files read (not taken from the cache) by the last load.
    read: usize,
}

impl DataCache {
    pub fn new() -> DataCache {
        DataCache::default()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = DataCache::default();
    }

    /// Forgets `path` (absolute, as the watcher names it: the site folder
    /// may be reached by another path), so it is read again whatever its
    /// stamp says.
    pub fn forget(&mut self, path: &Path) {
        self.files
            .retain(|p, _| p != path && std::fs::canonicalize(p).ok().as_deref() != Some(path));
    }

    /// How many files the last load read from disk.
    pub fn files_read(&self) -> usize {
        self.read
    }

    /// Starts a load of `files` with `options`: entries of files no longer
    /// there are dropped, and everything when the options changed.
    pub(crate) fn start(&mut self, options: &DataOptions, files: &[PathBuf]) {
        if self.options.as_ref() != Some(options) {
            self.files.clear();
            self.options = Some(options.clone());
        }
        let present: std::collections::HashSet<&PathBuf> = files.iter().collect();
        self.files.retain(|p, _| present.contains(p));
        self.read = 0;
    }

    /// The kept part of `path` if its stamp is unchanged, else `load()`'s
    /// (kept for next time when the file has a stamp).
    pub(crate) fn get_or_load(
        &mut self,
        path: &Path,
        load: impl FnOnce() -> FileLoad,
    ) -> Arc<FileLoad> {
        let stamp = Stamp::of(path);
        if let (Some(s), Some((kept, part))) = (stamp, self.files.get(path))
            && *kept == s
        {
            return Arc::clone(part);
        }
        self.read += 1;
        let part = Arc::new(load());
        // A file changed while it was read is read again next time.
        match stamp.filter(|s| Stamp::of(path) == Some(*s)) {
            Some(s) => {
                self.files.insert(path.to_owned(), (s, Arc::clone(&part)));
            }
            None => {
                self.files.remove(path);
            }
        }
        part
    }
}
