//! The build output in memory, and writing it to disk without ever leaving
//! a half-written, missing or foreign `public/` ([`write`], in
//! `output/write.rs`; where and how the tree is swapped in is
//! `output/place.rs`).

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

mod place;
pub mod registry;
mod write;

pub use write::{Staging, wait_message, write, write_with};

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
    /// Already written to the staging folder by `build` as it rendered
    /// (see [`Staging::put`]); its bytes are not kept.
    Written,
}

/// Renders the bytes of an output path on request.
pub trait LazySource: Send + Sync {
    fn render(&self, path: &str) -> Option<Vec<u8>>;

    /// [`LazySource::render`] for a caller that reads each file once
    /// (`build`, writing): a source may then skip keeping the bytes.
    fn render_once(&self, path: &str) -> Option<Vec<u8>> {
        self.render(path)
    }
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
            OutFile::Written => None,
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
