//! Where each source file goes: its kind (home, section, post, document,
//! page) from its place under `content/`, its output path (slugged folders,
//! `YYYY-MM-DD-` prefixes dropped, bundles), and dates taken from file or
//! bundle-folder names.

use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;

use super::frontmatter::{self, FrontMatter};
use super::page::PageKind;
use super::parse::Parsed;
use crate::config::Config;
use crate::text::slugify;

/// `2026-08-05-ten-bai.md` → the date 2026-08-05.
pub(super) fn date_from_file_name(rel: &str) -> Option<frontmatter::PageDate> {
    let mut parts = rel.rsplit('/');
    let mut name = parts.next()?;
    if name == "index.md" {
        // A bundle: `tin-tuc/2026-08-05-bai/index.md`.
        name = parts.next()?;
    }
    let (date, _) = split_date_prefix(name)?;
    Some(frontmatter::PageDate { date, time: None })
}

/// Splits a leading `YYYY-MM-DD-` (or `_`) from a file stem.
fn split_date_prefix(name: &str) -> Option<(Date, &str)> {
    if name.len() < 11 || !name.is_char_boundary(10) {
        return None;
    }
    let date: Date = name[..10].parse().ok()?;
    let rest = name[10..].strip_prefix(['-', '_'])?;
    Some((date, rest))
}

/// Decides kinds and output paths from the folder structure.
pub(super) struct Layout {
    news: String,
    documents: String,
    /// Folders that have `_index.md` (sections), relative to `content/`.
    sections: HashSet<String>,
    /// Folder → output folder (slugified segments; bundles may rename theirs).
    dirs: BTreeMap<String, String>,
}

impl Layout {
    pub(super) fn new(config: &Config, files: &[Parsed]) -> Self {
        let mut sections = HashSet::new();
        let mut dirs = BTreeMap::new();
        for f in files {
            let (dir, name) = f.rel.rsplit_once('/').unwrap_or(("", f.rel.as_str()));
            if name == "_index.md" {
                sections.insert(dir.to_owned());
            }
        }
        // Bundles: `dir/index.md` with a slug renames its folder. An English
        // `index.en.md` names it only when the folder has no `index.md`.
        let originals = files.iter().filter(|f| translation_split(&f.rel).is_none());
        let translations = files
            .iter()
            .filter_map(|f| translation_split(&f.rel).map(|(original, _)| (original, f)));
        let bundles = originals.map(|f| (f.rel.clone(), f)).chain(translations);
        for (rel, f) in bundles {
            if let Some((dir, "index.md")) = rel.rsplit_once('/') {
                if dirs.contains_key(dir) {
                    continue;
                }
                let parent = dir.rsplit_once('/').map_or("", |(p, _)| p);
                let last = dir.rsplit('/').next().unwrap_or(dir);
                let stem = split_date_prefix(last).map_or(last, |(_, r)| r);
                let seg =
                    f.fm.slug
                        .as_deref()
                        .map(slugify)
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| slug_segment(stem));
                dirs.insert(dir.to_owned(), join_dir(&slug_dirs(parent), &seg));
            }
        }
        Self {
            news: config.sections.news.clone(),
            documents: config.sections.documents.clone(),
            sections,
            dirs,
        }
    }

    pub(super) fn out_dir(&self, dir: &str) -> String {
        if dir.is_empty() {
            return String::new();
        }
        if let Some(d) = self.dirs.get(dir) {
            return d.clone();
        }
        let (parent, last) = dir.rsplit_once('/').unwrap_or(("", dir));
        join_dir(&self.out_dir(parent), &slug_segment(last))
    }

    pub(super) fn kind(&self, rel: &str) -> PageKind {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        if rel == "_index.md" {
            PageKind::Home
        } else if name == "_index.md" {
            PageKind::Section
        } else if dir == self.news || dir.starts_with(&format!("{}/", self.news)) {
            PageKind::Post
        } else if dir == self.documents || dir.starts_with(&format!("{}/", self.documents)) {
            PageKind::Document
        } else {
            PageKind::Page
        }
    }

    pub(super) fn page_path(&self, rel: &str, fm: &FrontMatter) -> String {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        if name == "_index.md" || name == "index.md" {
            return self.out_dir(dir);
        }
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let stem = split_date_prefix(stem).map_or(stem, |(_, r)| r);
        let seg = fm
            .slug
            .as_deref()
            .map(slugify)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| slug_segment(stem));
        join_dir(&self.out_dir(dir), &seg)
    }

    pub(super) fn asset_path(&self, rel: &str) -> String {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let file = match name.rsplit_once('.') {
            Some((stem, ext)) => {
                let s = slug_segment(stem);
                format!("{s}.{}", ext.to_ascii_lowercase())
            }
            None => slug_segment(name),
        };
        format!("{}{file}", self.out_dir(dir))
    }

    /// Output path of the nearest section above `rel`.
    pub(super) fn section_of(&self, rel: &str) -> String {
        let mut dir = rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
        if rel.ends_with("/_index.md") {
            dir = dir
                .rsplit_once('/')
                .map_or(String::new(), |(p, _)| p.to_owned());
        }
        loop {
            if dir.is_empty() {
                return String::new();
            }
            if self.sections.contains(&dir) {
                return self.out_dir(&dir);
            }
            dir = dir
                .rsplit_once('/')
                .map_or(String::new(), |(p, _)| p.to_owned());
        }
    }
}

fn slug_segment(s: &str) -> String {
    match slugify(s) {
        x if x.is_empty() => "trang".to_owned(),
        x => x,
    }
}

fn slug_dirs(dir: &str) -> String {
    if dir.is_empty() {
        return String::new();
    }
    dir.split('/').map(slug_segment).map(|s| s + "/").collect()
}

fn join_dir(parent: &str, seg: &str) -> String {
    format!("{parent}{seg}/")
}

/// `tin-tuc/bai.en.md` → (`tin-tuc/bai.md`, `en`). `None` for a file that
/// is not named like a translation.
pub fn translation_split(rel: &str) -> Option<(String, String)> {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, rel),
    };
    let stem = name.strip_suffix(".md")?;
    let (base, lang) = stem.rsplit_once('.')?;
    let is_code = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
    let is_region = lang.len() == 5
        && lang.as_bytes()[2] == b'-'
        && lang[..2].bytes().all(|b| b.is_ascii_lowercase());
    if base.is_empty() || !(is_code || is_region) {
        return None;
    }
    let original = match dir {
        Some(d) => format!("{d}/{base}.md"),
        None => format!("{base}.md"),
    };
    Some((original, lang.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefixes() {
        let (d, rest) = split_date_prefix("2026-08-05-ten-bai").unwrap();
        assert_eq!(d, jiff::civil::date(2026, 8, 5));
        assert_eq!(rest, "ten-bai");
        assert!(split_date_prefix("ten-bai").is_none());
        assert!(split_date_prefix("2026-13-05-x").is_none());
    }
}
