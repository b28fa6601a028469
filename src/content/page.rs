//! The content model: a page (home, section, plain page, news post or
//! document) with its front matter, output path and rendered body, and an
//! asset copied beside it.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use super::frontmatter::{FrontMatter, PageDate};
use super::markdown::Rendered;

/// What a page is, decided by where its file sits in `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKind {
    /// `content/_index.md`.
    Home,
    /// A folder's `_index.md`.
    Section,
    /// Any other page.
    Page,
    /// A page in the news section.
    Post,
    /// A page in the documents section.
    Document,
}

/// One Markdown file, parsed and rendered.
#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    /// Source path relative to `content/`, with `/` separators.
    pub rel: String,
    /// Source path relative to the site root, for messages.
    pub display: PathBuf,
    /// Output directory relative to the site root: `tin-tuc/bai/` ("" for home).
    pub path: String,
    /// Output path of the section the page belongs to (`tin-tuc/`, "" for root).
    pub section: String,
    pub title: String,
    pub date: Option<PageDate>,
    pub fm: FrontMatter,
    pub body: Rendered,
    /// Whether this build publishes the page (drafts and scheduled posts are not).
    pub published: bool,
    /// Output path of the cover image, when it resolves.
    pub cover: Option<String>,
    /// Output path of the attached PDF, for documents.
    pub pdf: Option<String>,
    /// Appendices of a document, resolved and published beside it.
    pub attachments: Vec<super::attachments::Attachment>,
    /// For a translation (`bai.en.md`): the source path of the original
    /// (`tin-tuc/bai.md`), whether or not that file exists.
    pub translation_of: Option<String>,
}

impl Page {
    pub fn date_value(&self) -> Option<Date> {
        self.date.map(|d| d.date)
    }

    /// Language of the page (`vi` unless set).
    pub fn lang<'a>(&'a self, default: &'a str) -> &'a str {
        self.fm.lang.as_deref().unwrap_or(default)
    }

    /// Description for lists, feeds and sharing: front matter, else summary.
    pub fn description(&self) -> String {
        match &self.fm.description {
            Some(d) if !d.trim().is_empty() => d.trim().to_owned(),
            _ => truncate_words(&self.body.summary_text, 60),
        }
    }
}

/// A non-Markdown file copied into the output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    /// Absolute source path.
    pub source: PathBuf,
    /// Output path relative to the site root.
    pub out: String,
}

/// Cuts text at a word boundary after at most `max_words` words, adding "…".
pub fn truncate_words(text: &str, max_words: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= max_words {
        words.join(" ")
    } else {
        format!("{}…", words[..max_words].join(" "))
    }
}

/// Everything found under `content/`.
#[derive(Debug, Default, Clone)]
pub struct Content {
    /// Published and unpublished pages, sorted by source path. Shared
    /// (`Arc`) with the site model, and with `serve`'s cache, which keeps
    /// them across data-only edits (see [`super::ContentCache`]).
    pub pages: Vec<Arc<Page>>,
    pub assets: Vec<Asset>,
}
