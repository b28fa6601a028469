//! What `minhbach import` did, page by page, in Vietnamese: where each
//! file went, what was converted, what needs a look, and a summary with
//! the theme keys moved under `[extra]` counted once per key.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::detect::SourceSite;
use super::paths::FileKind;

/// The outcome for one source Markdown file.
#[derive(Debug, Clone)]
pub struct PageReport {
    pub src: String,
    pub dest: Option<String>,
    pub kind: FileKind,
    /// Shortcodes and links converted.
    pub converted: Vec<String>,
    /// Things the officer should look at.
    pub notes: Vec<String>,
    /// Not imported because of this error.
    pub error: Option<String>,
    pub skipped: bool,
    pub draft: bool,
    /// The old address kept working through `aliases`.
    pub alias: Option<String>,
}

impl PageReport {
    pub fn new(src: &str, dest: Option<&str>, kind: FileKind) -> Self {
        PageReport {
            src: src.to_owned(),
            dest: dest.map(str::to_owned),
            kind,
            converted: Vec::new(),
            notes: Vec::new(),
            error: None,
            skipped: false,
            draft: false,
            alias: None,
        }
    }
    pub fn note(&mut self, s: String) {
        self.notes.push(s);
    }
    pub fn convert(&mut self, s: String) {
        self.converted.push(s);
    }
    pub fn fail(&mut self, e: String) {
        self.error = Some(e);
    }
    pub fn skip(&mut self) {
        self.skipped = true;
    }
    fn imported(&self) -> bool {
        self.error.is_none() && !self.skipped
    }
}

/// The whole import.
#[derive(Debug, Clone)]
pub struct Report {
    pub generator: &'static str,
    pub source: PathBuf,
    pub dest: PathBuf,
    pub pages: Vec<PageReport>,
    pub assets: usize,
    pub statics: usize,
    /// Theme key → (pages, first page).
    moved_keys: BTreeMap<String, (usize, String)>,
    site_notes: Vec<String>,
}

impl Report {
    pub fn new(site: &SourceSite, dest: &Path) -> Self {
        Report {
            generator: site.generator.name(),
            source: site.root.clone(),
            dest: dest.to_path_buf(),
            pages: Vec::new(),
            assets: 0,
            statics: 0,
            moved_keys: BTreeMap::new(),
            site_notes: Vec::new(),
        }
    }

    pub fn site_note(&mut self, s: String) {
        self.site_notes.push(s);
    }

    /// Counts the theme keys of one page (`page`: its source path).
    pub fn count_moved_keys(&mut self, keys: &[String], page: &str) {
        for k in keys {
            let e = self
                .moved_keys
                .entry(k.clone())
                .or_insert((0, page.to_owned()));
            e.0 += 1;
        }
    }

    /// Pages imported that will be published (not drafts, not failed).
    pub fn imported_pages(&self) -> usize {
        self.pages
            .iter()
            .filter(|p| p.imported() && !p.draft && p.kind != FileKind::Translation)
            .count()
    }

    /// Destination paths of the imported posts that should be published
    /// (news pages of the site's language, not drafts).
    pub fn post_dests(&self) -> Vec<String> {
        self.pages
            .iter()
            .filter(|p| p.imported() && !p.draft && p.kind == FileKind::Page)
            .filter_map(|p| p.dest.clone())
            .filter(|d| d.starts_with(&format!("{}/", super::paths::NEWS)))
            .collect()
    }

    /// The report as printed.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "Nhập trang {} từ {} vào {}:",
            self.generator,
            self.source.display(),
            self.dest.display()
        );
        for p in &self.pages {
            let mark = if p.error.is_some() {
                "✗"
            } else if p.skipped {
                "–"
            } else if p.notes.is_empty() {
                "✓"
            } else {
                "!"
            };
            let to = match (&p.dest, p.imported()) {
                (Some(d), true) => format!(" → content/{d}"),
                _ => String::new(),
            };
            let _ = writeln!(s, "{mark} {}{to}", p.src);
            if let Some(e) = &p.error {
                let _ = writeln!(s, "    lỗi, không nhập: {e}");
            }
            if let Some(a) = &p.alias {
                let _ = writeln!(s, "    địa chỉ cũ {a} vẫn dùng được (aliases)");
            }
            for c in &p.converted {
                let _ = writeln!(s, "    đã đổi — {c}");
            }
            for n in &p.notes {
                let _ = writeln!(s, "    cần xem — {n}");
            }
        }
        for n in &self.site_notes {
            let _ = writeln!(s, "! {n}");
        }
        if !self.moved_keys.is_empty() {
            let _ = writeln!(
                s,
                "Khoá riêng của giao diện cũ, giữ trong [extra] (giao diện minhbach không dùng):"
            );
            for (k, (n, first)) in &self.moved_keys {
                let _ = writeln!(s, "    {k}: {n} trang (đầu tiên: {first})");
            }
        }
        let failed = self.pages.iter().filter(|p| p.error.is_some()).count();
        let translations = self
            .pages
            .iter()
            .filter(|p| p.imported() && p.kind == FileKind::Translation)
            .count();
        let drafts = self
            .pages
            .iter()
            .filter(|p| p.imported() && p.draft)
            .count();
        let notes: usize = self.pages.iter().map(|p| p.notes.len()).sum();
        let _ = writeln!(
            s,
            "Đã nhập {} trang/bài (chưa kể {drafts} bài nháp, {translations} bản dịch), {} tệp đính kèm, {} tệp trong static/; {failed} tệp lỗi không nhập; {notes} chỗ cần xem.",
            self.imported_pages(),
            self.assets,
            self.statics
        );
        s
    }
}
