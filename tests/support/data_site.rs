//! A temporary site with an empty data folder (`content/du-lieu`), loaded
//! as `build` loads it, for the data layer's tests: `tests/data_formats.rs`
//! (formats, encodings, messages) and `tests/data_cache.rs` (`serve`'s
//! cache against a fresh load). Included with `#[path]` by each; a test
//! file adds the methods only it needs in an `impl Site` of its own.
#![allow(dead_code)]

use std::path::PathBuf;

use minhbach::data::{DataOptions, DataSet, load_dir};
use minhbach::diagnostics::Diagnostics;

/// The temporary site; deleted when dropped.
pub struct Site {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
    /// `root/content/du-lieu`, the data folder.
    pub data: PathBuf,
}

/// A new site with an empty data folder.
pub fn site() -> Site {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let data = root.join("content/du-lieu");
    std::fs::create_dir_all(&data).unwrap();
    Site {
        _tmp: tmp,
        root,
        data,
    }
}

/// Every message, sorted as the user sees them, rendered.
pub fn messages(diags: Diagnostics) -> Vec<String> {
    let mut diags = diags;
    diags.sort();
    diags.iter().map(|d| d.render()).collect()
}

impl Site {
    /// `name` inside the data folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.data.join(name)
    }

    /// Writes the data file `name` (its folders made as needed).
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// A fresh load of the data folder: the data set and every message.
    pub fn load_with(&self, options: &DataOptions) -> (DataSet, Vec<String>) {
        let mut diags = Diagnostics::new();
        let data = load_dir(&self.root, &self.data, options, &mut diags);
        (data, messages(diags))
    }
}
