//! What `serve` keeps between rebuilds so that one edited file costs one
//! file: per source file, its parsed front matter and its rendered body,
//! keyed by the file's modification time and size.
//!
//! A rendered body also depends on every link target of the site (links
//! are checked and rewritten against them) and on the Markdown settings,
//! so rendered bodies are reused only while those are exactly as when they
//! were rendered; adding, removing or moving a page re-renders every body.
//! Shortcodes may read anything, so with shortcodes nothing rendered is
//! reused. Everything else (layout, titles, dates, the site model) is
//! recomputed on every rebuild from these pieces, exactly as a clean
//! build computes it.

use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

use super::load::Parsed;
use super::markdown::{LinkTargets, Rendered};
use crate::diagnostics::Diagnostics;

/// Identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    modified: SystemTime,
    len: u64,
}

impl Stamp {
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            modified: m.modified().ok()?,
            len: m.len(),
        })
    }
}

/// See the module docs. Empty by default; `build` never uses one.
#[derive(Default)]
pub struct ContentCache {
    /// Source path (relative to `content/`) → parse result.
    pub(crate) parsed: HashMap<String, (Stamp, Option<Parsed>, Diagnostics)>,
    /// Source path → rendered body and its (not yet demoted) diagnostics.
    pub(crate) rendered: HashMap<String, (Stamp, Rendered, Diagnostics)>,
    /// What the rendered bodies were rendered against.
    pub(crate) rendered_with: Option<(LinkTargets, String)>,
}

impl ContentCache {
    pub fn new() -> ContentCache {
        ContentCache::default()
    }

    /// Forgets everything (after a configuration change, say).
    pub fn clear(&mut self) {
        *self = ContentCache::default();
    }

    /// Number of files whose parse result is kept.
    pub fn len(&self) -> usize {
        self.parsed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parsed.is_empty()
    }
}
