//! What `serve` keeps between rebuilds so that one edited file costs one
//! file: per source file, its parsed front matter and its rendered body,
//! keyed by the file's modification time and size.
//!
//! A rendered body also depends on every link target of the site (links
//! are checked and rewritten against them) and on the Markdown settings,
//! so rendered bodies are reused only while those are exactly as when they
//! were rendered; adding, removing or moving a page re-renders every body.
//! A body that calls shortcodes may read anything (the data), so it is
//! never reused. Everything else (layout, titles, dates, the site model) is
//! recomputed on every rebuild from these pieces, exactly as a clean
//! build computes it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use super::markdown::{LinkTargets, Rendered};
use super::parse::Parsed;
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
    /// How many bodies the last load rendered (not taken from the cache).
    fresh: usize,
    /// How many loads took the last load's pages whole.
    kept_loads: usize,
    /// What the last load found walking `content/` and `static/`.
    pub(crate) walked: Option<Arc<Walked>>,
    /// The next load may take every file under `content/` (outside the
    /// data folder) and `static/` as the last load found it: set by
    /// `serve` when the watcher saw changes to data files only.
    trusted: bool,
    /// The last load's result, reused whole by a load that trusts the
    /// files (see [`ContentCache::trust_unchanged`]) with the same inputs.
    last_load: Option<LastLoad>,
}

/// What a load reads besides the files under `content/` and `static/`.
#[derive(PartialEq)]
pub(crate) struct LoadInputs {
    pub(crate) config: crate::config::Config,
    pub(crate) today: jiff::civil::Date,
    pub(crate) drafts: bool,
    pub(crate) held_back: std::collections::BTreeSet<String>,
    /// The pages made from the data that links may point to.
    pub(crate) generated: Vec<String>,
}

/// A load's result, its inputs and what it reported (but the problems of
/// the bodies calling shortcodes, which are rendered again).
struct LastLoad {
    inputs: LoadInputs,
    content: super::page::Content,
    diags: Diagnostics,
}

/// The files a load found: Markdown and other files under `content/`
/// (`(absolute, relative)` paths), what the walk reported, and the static
/// files.
pub(crate) struct Walked {
    pub(crate) md_files: Vec<(std::path::PathBuf, String)>,
    pub(crate) other_files: Vec<(std::path::PathBuf, String)>,
    pub(crate) diags: Diagnostics,
    pub(crate) statics: std::collections::BTreeSet<String>,
}

impl ContentCache {
    pub fn new() -> ContentCache {
        ContentCache::default()
    }

    /// Forgets everything (after a configuration change, say).
    pub fn clear(&mut self) {
        let kept_loads = self.kept_loads;
        *self = ContentCache {
            kept_loads,
            ..ContentCache::default()
        };
    }

    /// Drops what is kept for `rel` (a source path relative to `content/`),
    /// so it is read again whatever its stamp says.
    pub fn forget(&mut self, rel: &str) {
        let parsed = self.parsed.remove(rel).is_some();
        let rendered = self.rendered.remove(rel).is_some();
        // The last load's pages hold that file's (a data file is none of
        // them: it is forgotten by the data cache).
        if parsed || rendered {
            self.last_load = None;
        }
    }

    /// Lets the next load take the files under `content/` (outside the
    /// data folder) and `static/` as the last load found them, without
    /// walking the folders or reading the files' stamps. Only for a
    /// rebuild after the watcher saw changes to data files and nothing
    /// else (no event lost).
    pub fn trust_unchanged(&mut self) {
        self.trusted = true;
    }

    /// The last load's walk, when this load may trust it (see
    /// [`ContentCache::trust_unchanged`]); the next load may not, unless
    /// told again.
    pub(crate) fn take_trusted(&mut self) -> Option<Arc<Walked>> {
        std::mem::take(&mut self.trusted)
            .then(|| self.walked.clone())
            .flatten()
    }

    /// Keeps the parse results of this build: `(rel, (result, diagnostics,
    /// stamp))` for every Markdown file found; files gone are forgotten.
    pub(crate) fn keep_parsed<'a>(
        &mut self,
        files: impl Iterator<Item = (&'a String, &'a (Option<Parsed>, Diagnostics, Option<Stamp>))>,
    ) {
        let mut present = std::collections::HashSet::new();
        for (rel, (p, d, stamp)) in files {
            present.insert(rel.clone());
            match stamp {
                Some(s) if self.parsed.get(rel).is_none_or(|(old, _, _)| old != s) => {
                    self.parsed.insert(rel.clone(), (*s, p.clone(), d.clone()));
                }
                Some(_) => {}
                None => {
                    self.parsed.remove(rel);
                }
            }
        }
        self.parsed.retain(|k, _| present.contains(k));
    }

    /// Keeps the bodies rendered (`fresh`) by this build, for every parsed
    /// file; files gone are forgotten.
    pub(crate) fn keep_rendered<'a>(
        &mut self,
        files: impl Iterator<
            Item = (
                (&'a String, &'a Option<Stamp>),
                (&'a Rendered, &'a Diagnostics, bool),
            ),
        >,
    ) {
        let mut present = std::collections::HashSet::new();
        self.fresh = 0;
        for ((rel, stamp), (r, d, fresh)) in files {
            present.insert(rel.clone());
            self.fresh += usize::from(fresh);
            match stamp {
                Some(s) if fresh => {
                    self.rendered
                        .insert(rel.clone(), (*s, r.clone(), d.clone()));
                }
                Some(_) => {}
                None => {
                    self.rendered.remove(rel);
                }
            }
        }
        self.rendered.retain(|k, _| present.contains(k));
    }

    /// Records what the kept bodies were rendered against.
    pub(crate) fn rendered_against(&mut self, targets: &LinkTargets, key: String) {
        if self
            .rendered_with
            .as_ref()
            .is_none_or(|(t, k)| t != targets || *k != key)
        {
            self.rendered_with = Some((targets.clone(), key));
        }
    }

    /// How many loads took the last load's pages whole (see
    /// [`ContentCache::trust_unchanged`]), since the cache was made.
    pub fn kept_loads(&self) -> usize {
        self.kept_loads
    }

    /// Keeps a load's result for the next load that trusts the files.
    pub(crate) fn keep_load(
        &mut self,
        inputs: LoadInputs,
        content: &super::page::Content,
        diags: Diagnostics,
    ) {
        self.last_load = Some(LastLoad {
            inputs,
            content: content.clone(),
            diags,
        });
    }

    /// The last load's result when its inputs are `inputs` (the caller
    /// trusts the files to be unchanged): its pages shared, those whose
    /// body calls shortcodes rendered again with `shortcodes`, since they
    /// read the data. Reports what the last load reported into `diags`.
    pub(crate) fn reuse_load(
        &mut self,
        inputs: &LoadInputs,
        shortcodes: Option<&dyn super::shortcodes::Shortcodes>,
        diags: &mut Diagnostics,
    ) -> Option<super::page::Content> {
        use rayon::prelude::*;
        let last = self.last_load.as_ref().filter(|l| l.inputs == *inputs)?;
        let (targets, key) = self.rendered_with.as_ref()?;
        if *key != format!("{:?}", inputs.config.markdown) {
            return None;
        }
        let again: Vec<usize> = (0..last.content.pages.len())
            .filter(|&i| last.content.pages[i].body.uses_shortcodes)
            .collect();
        // Each such body from its kept source text, as the load renders it.
        let fresh: Vec<(usize, super::Page, Diagnostics)> = again
            .par_iter()
            .map(|&i| {
                let page = &last.content.pages[i];
                let (_, parsed, _) = self.parsed.get(&page.rel)?;
                let f = parsed.as_ref()?;
                let mut d = Diagnostics::new();
                let src = super::markdown::Source {
                    display_path: &f.display,
                    rel: &f.rel,
                    file_text: &f.text,
                    body_offset: f.body_offset,
                };
                let body = super::markdown::render(
                    &src,
                    targets,
                    &inputs.config.markdown,
                    shortcodes,
                    &mut d,
                );
                let d = if page.published { d } else { demote(d) };
                let mut page = (**page).clone();
                page.body = body;
                Some((i, page, d))
            })
            .collect::<Option<_>>()?;
        let mut content = last.content.clone();
        diags.extend(last.diags.iter().cloned());
        for (i, page, d) in fresh {
            content.pages[i] = Arc::new(page);
            diags.extend(d);
        }
        self.fresh = again.len();
        self.kept_loads += 1;
        Some(content)
    }

    /// How many Markdown bodies the last load rendered; the others were
    /// taken from the cache.
    pub fn bodies_rendered(&self) -> usize {
        self.fresh
    }

    /// Number of files whose parse result is kept.
    pub fn len(&self) -> usize {
        self.parsed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parsed.is_empty()
    }
}

/// Reads and parses every Markdown file (`(absolute, relative)` paths), in
/// parallel, taking unchanged ones from `cache`. Each result carries the
/// stamp of the file, taken *before* reading it: a file changed meanwhile
/// gets a newer stamp than the one kept with it, so it is read again.
///
/// `trusted`: the files are known unchanged since the last load (see
/// [`ContentCache::trust_unchanged`]), so a kept stamp is taken as the
/// file's without asking the file system.
pub(crate) fn parse_all(
    root: &Path,
    md_files: &[(std::path::PathBuf, String)],
    cache: Option<&ContentCache>,
    trusted: bool,
) -> Vec<(Option<Parsed>, Diagnostics, Option<Stamp>)> {
    use rayon::prelude::*;
    md_files
        .par_iter()
        .map(|(abs, rel)| {
            let kept = cache
                .filter(|_| trusted)
                .and_then(|c| c.parsed.get(rel))
                .map(|(s, _, _)| *s);
            let stamp = kept.or_else(|| cache.and_then(|_| Stamp::of(abs)));
            if let (Some(c), Some(stamp)) = (cache, stamp)
                && let Some((s, p, d)) = c.parsed.get(rel)
                && *s == stamp
            {
                return (p.clone(), d.clone(), Some(stamp));
            }
            let mut d = Diagnostics::new();
            let p = super::parse::parse_file(root, abs, rel, &mut d);
            (p, d, stamp)
        })
        .collect()
}

/// What re-reading one known file found.
pub enum BodyChange {
    /// The file holds what was cached for it.
    Unchanged,
    /// Only the body changed: front matter, diagnostics and everything
    /// else a clean build derives from the file are as before.
    Body(Box<super::markdown::Rendered>),
    /// Anything else (new front matter, new problems, unknown file…): the
    /// site must be rebuilt from the cache.
    Other,
}

/// Re-reads the Markdown file `rel` (at `abs`) after an edit and tells
/// whether only its body changed; if so, the cache is updated with it.
/// Front matter is compared as parsed (its `Debug` form covers every
/// field), so reformatting it is still a body-only change.
pub fn reload_body(
    root: &Path,
    abs: &Path,
    rel: &str,
    opts: &crate::config::MarkdownConfig,
    cache: &mut ContentCache,
) -> BodyChange {
    use super::markdown::{self, Source};
    let Some((old_stamp, Some(old), old_diags)) = cache.parsed.get(rel) else {
        return BodyChange::Other;
    };
    // The watcher named this file: read it even if its stamp looks the
    // same (two saves within one timestamp tick keep the size and time).
    let Some(stamp) = Stamp::of(abs) else {
        return BodyChange::Other;
    };
    let _ = old_stamp;
    let Some((targets, key)) = &cache.rendered_with else {
        return BodyChange::Other;
    };
    if *key != format!("{opts:?}") {
        return BodyChange::Other;
    }
    let mut diags = Diagnostics::new();
    let Some(new) = super::parse::parse_file(root, abs, rel, &mut diags) else {
        return BodyChange::Other;
    };
    if new.text == old.text {
        return BodyChange::Unchanged;
    }
    if format!("{:?}", new.fm) != format!("{:?}", old.fm)
        || format!("{diags:?}") != format!("{old_diags:?}")
    {
        return BodyChange::Other;
    }
    let Some((_, _, old_render_diags)) = cache.rendered.get(rel) else {
        return BodyChange::Other;
    };
    let mut render_diags = Diagnostics::new();
    let src = Source {
        display_path: &new.display,
        rel,
        file_text: &new.text,
        body_offset: new.body_offset,
    };
    let body = markdown::render(&src, targets, opts, None, &mut render_diags);
    if format!("{render_diags:?}") != format!("{old_render_diags:?}") {
        return BodyChange::Other;
    }
    // The last load's pages hold the old body.
    cache.last_load = None;
    cache
        .rendered
        .insert(rel.to_owned(), (stamp, body.clone(), render_diags));
    cache
        .parsed
        .insert(rel.to_owned(), (stamp, Some(new), diags));
    BodyChange::Body(Box::new(body))
}

/// Turns errors into warnings (for drafts and scheduled posts).
pub(crate) fn demote(d: Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::new();
    for mut x in d {
        x.severity = crate::diagnostics::Severity::Warning;
        out.push(x);
    }
    out
}
