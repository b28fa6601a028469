//! Translations by file name, as Hugo and Zola write them: `bai.en.md`,
//! `index.en.md` (bundles) and `_index.en.md` (sections) are the English
//! version of `bai.md`, `index.md`, `_index.md`. An English version is
//! published under `en/` + the original's address, belongs to the English
//! side of its section (`en/tin-tuc/`), and inherits the original's date.
//! See docs/decisions/0014-word-and-highlighting.md.

use std::path::PathBuf;

use super::frontmatter::FrontMatter;
use super::layout::Layout;
use super::markdown::Rendered;
use super::page::{Page, PageKind};

/// Languages a translation may be in (the site's own language is the
/// original).
pub const LANGUAGES: &[&str] = &["en"];

pub use super::layout::translation_split as split;

/// The output path of the `lang` version of a page published at `path`.
pub fn path(lang: &str, path: &str) -> String {
    format!("{lang}/{path}")
}

/// The label of a language in its own words, for the language switch.
pub fn label(lang: &str) -> &'static str {
    match lang {
        "en" => "English",
        _ => "Tiếng Việt",
    }
}

/// Where a source file goes, translations included.
pub(super) struct Place {
    pub kind: PageKind,
    pub path: String,
    /// The path the layout reads dates and bundles from: the original's
    /// for a translation.
    pub layout_rel: String,
    /// `(original, lang)` for a translation into another language.
    pub translation: Option<(String, String)>,
}

/// Kind and output path of `rel`. A file named in the site's own language
/// (`bai.vi.md` on a Vietnamese site) is the original itself; the English
/// version of the home page is a section (`en/`), since a site has one home.
pub(super) fn place(rel: &str, fm: &FrontMatter, layout: &Layout, site_lang: &str) -> Place {
    match split(rel) {
        Some((orig, lang)) if lang == site_lang => Place {
            kind: layout.kind(&orig),
            path: layout.page_path(&orig, fm),
            layout_rel: orig,
            translation: None,
        },
        Some((orig, lang)) => Place {
            kind: match layout.kind(&orig) {
                PageKind::Home => PageKind::Section,
                k => k,
            },
            path: path(&lang, &layout.page_path(&orig, fm)),
            layout_rel: orig.clone(),
            translation: Some((orig, lang)),
        },
        None => Place {
            kind: layout.kind(rel),
            path: layout.page_path(rel, fm),
            layout_rel: rel.to_owned(),
            translation: None,
        },
    }
}

/// The section of a translation published at `page_path` whose original
/// is in `original_section`: the same section on the `lang` side.
pub(super) fn section(lang: &str, page_path: &str, original_section: &str) -> String {
    let home = path(lang, "");
    if page_path == home {
        String::new()
    } else {
        path(lang, original_section)
    }
}

/// English posts are listed on `en/<tin-tuc>/`: made here (titled
/// “News”) when the site has English posts but no `_index.en.md` in the
/// news folder. It is the English version of the Vietnamese news list.
pub(super) fn add_missing_news_lists(pages: &mut Vec<Page>, news: &str) {
    let news = news.trim_matches('/');
    for lang in LANGUAGES {
        let list = path(lang, &format!("{news}/"));
        let needed = pages
            .iter()
            .any(|p| p.published && p.section == list && p.kind == PageKind::Post);
        if !needed || pages.iter().any(|p| p.path == list) {
            continue;
        }
        let title = "News".to_owned();
        let rel = format!("{news}/_index.{lang}.md");
        // Pages stay in source-path order.
        let at = pages.partition_point(|p| p.rel < rel);
        pages.insert(
            at,
            Page {
                kind: PageKind::Section,
                rel,
                display: PathBuf::from(format!("content/{news}/_index.{lang}.md (tự tạo)")),
                section: section(lang, &list, ""),
                path: list,
                title: title.clone(),
                date: None,
                fm: FrontMatter {
                    title: Some(title),
                    lang: Some((*lang).to_owned()),
                    ..FrontMatter::default()
                },
                body: Rendered::default(),
                published: true,
                cover: None,
                pdf: None,
                attachments: Vec::new(),
                translation_of: Some(format!("{news}/_index.md")),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_names() {
        let s = |r: &str| split(r).map(|(o, l)| format!("{o} {l}"));
        assert_eq!(s("tin-tuc/bai.en.md").as_deref(), Some("tin-tuc/bai.md en"));
        assert_eq!(
            s("tin-tuc/b/index.en.md").as_deref(),
            Some("tin-tuc/b/index.md en")
        );
        assert_eq!(s("_index.en.md").as_deref(), Some("_index.md en"));
        assert_eq!(s("a/_index.zh-cn.md").as_deref(), Some("a/_index.md zh-cn"));
        assert_eq!(s("tin-tuc/bai.md"), None);
        assert_eq!(s("tin-tuc/quy-4.2026.md"), None);
        assert_eq!(s("tin-tuc/v1.EN.md"), None);
    }
}
