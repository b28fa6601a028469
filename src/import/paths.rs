//! Where each source file goes in the minhbach tree, and the address it
//! had in the old site (for `aliases`).
//!
//! Dated sections (the folders under `content/` whose pages have dates:
//! `posts/`, `blog/`, Zola's `ctf/`…) become news: the main one (`posts`,
//! `post`, `blog`, or the one with most dated pages) goes to
//! `content/tin-tuc/`, the others to `content/tin-tuc/<section>/`. Other
//! pages keep their place. `_index.md` of the home page and of the main
//! section are replaced by the new site's own.

use std::collections::{BTreeMap, BTreeSet};

use super::detect::Generator;

/// What a source file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A Markdown page (post or plain page) of the default language.
    Page,
    /// `_index.md` of a section.
    Section,
    /// `x.en.md`, `index.en.md`: another language's version of a page.
    Translation,
    /// Any other file (images, PDFs… of bundles).
    Asset,
}

/// The news section of a minhbach site made by `init`.
pub const NEWS: &str = "tin-tuc";

/// Folder names that usually hold a blog's posts.
const POST_SECTIONS: &[&str] = &[
    "posts", "post", "blog", "bai-viet", "articles", "news", "tin-tuc",
];

/// Maps source paths (relative to the content folder) to destination paths.
#[derive(Debug, Clone)]
pub struct Mapper {
    /// Top-level sections with dated pages → their folder under `tin-tuc/`
    /// (`""` for the main one).
    news_sections: BTreeMap<String, String>,
    /// Top-level posts (`2015-08-19-bai.md`, `bai/index.md`) of a site
    /// that keeps its posts at the top: they go to `tin-tuc/`.
    root_posts: BTreeSet<String>,
    pub language: String,
}

impl Mapper {
    /// `dated`: top-level section → number of dated pages in it.
    pub fn new(
        dated: &BTreeMap<String, usize>,
        root_posts: &BTreeSet<String>,
        language: &str,
    ) -> Self {
        let main = POST_SECTIONS
            .iter()
            .find(|s| dated.get(**s).is_some_and(|n| *n > 0))
            .map(|s| (*s).to_owned())
            .or_else(|| {
                dated
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .max_by_key(|(s, n)| (**n, std::cmp::Reverse((*s).clone())))
                    .map(|(s, _)| s.clone())
            });
        let news_sections = dated
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(s, _)| {
                let to = if Some(s) == main.as_ref() {
                    String::new()
                } else {
                    s.clone()
                };
                (s.clone(), to)
            })
            .collect();
        Mapper {
            news_sections,
            root_posts: root_posts.clone(),
            language: language.to_owned(),
        }
    }

    /// The main posts section of the source, if any.
    pub fn main_section(&self) -> Option<&str> {
        self.news_sections
            .iter()
            .find(|(_, to)| to.is_empty())
            .map(|(s, _)| s.as_str())
    }

    pub fn kind(&self, rel: &str) -> FileKind {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if !(name.ends_with(".md") || name.ends_with(".markdown")) {
            return FileKind::Asset;
        }
        let stem = name.trim_end_matches(".md").trim_end_matches(".markdown");
        let (base, lang) = split_lang(stem);
        match lang {
            Some(l) if l != self.language => FileKind::Translation,
            _ if base == "_index" => FileKind::Section,
            _ => FileKind::Page,
        }
    }

    /// The destination (relative to the new `content/`), or `None` for
    /// files the new site replaces (home and main-section `_index.md`).
    pub fn dest(&self, rel: &str) -> Option<String> {
        // `x.vi.md` on a Vietnamese site is the page itself.
        let rel = strip_own_lang(rel, &self.language);
        let (first, rest) = rel.split_once('/').unwrap_or(("", rel.as_str()));
        if self.root_posts.contains(&rel) || self.root_posts.contains(&format!("{first}/index.md"))
        {
            return Some(format!("{NEWS}/{rel}"));
        }
        if first.is_empty() {
            return (rest != "_index.md").then(|| rel.clone());
        }
        match self.news_sections.get(first) {
            Some(to) if to.is_empty() => (rest != "_index.md").then(|| format!("{NEWS}/{rest}")),
            Some(to) => Some(format!("{NEWS}/{to}/{rest}")),
            None => Some(rel.clone()),
        }
    }
}

/// True when the file (or its bundle folder) starts with `YYYY-MM-DD`.
pub fn date_in_name(rel: &str) -> bool {
    let mut parts = rel.rsplit('/');
    let name = match parts.next() {
        Some(n) if n.starts_with("index.") => parts.next().unwrap_or(""),
        Some(n) => n,
        None => "",
    };
    name.get(..10)
        .is_some_and(|d| d.parse::<jiff::civil::Date>().is_ok())
}

/// `bai.en` → (`bai`, Some("en")); `bai` → (`bai`, None).
pub fn split_lang(stem: &str) -> (&str, Option<&str>) {
    match stem.rsplit_once('.') {
        Some((b, l))
            if (l.len() == 2 || (l.len() == 5 && l.as_bytes()[2] == b'-'))
                && l.chars().all(|c| c.is_ascii_alphabetic() || c == '-') =>
        {
            (b, Some(l))
        }
        _ => (stem, None),
    }
}

fn strip_own_lang(rel: &str, lang: &str) -> String {
    for ext in [".md", ".markdown"] {
        if let Some(stem) = rel.strip_suffix(ext)
            && let (base, Some(l)) = split_lang(stem)
            && l == lang
        {
            return format!("{base}{ext}");
        }
    }
    rel.to_owned()
}

/// Facts about a page that its old address depends on.
pub struct OldPage<'a> {
    pub rel: &'a str,
    pub slug: Option<&'a str>,
    pub title: Option<&'a str>,
    /// `YYYY-MM-DD` at the start of the date.
    pub date: Option<&'a str>,
    /// Hugo `url` / Zola `path` from the front matter.
    pub url: Option<&'a str>,
}

/// The page's address in the old site, relative to the site root, ending
/// in `/` (`posts/bai-a/`). `None` when it cannot be told.
pub fn old_url(
    generator: Generator,
    permalinks: &BTreeMap<String, String>,
    page: &OldPage<'_>,
) -> Option<String> {
    if let Some(u) = page.url {
        let u = u.trim_matches('/');
        return Some(if u.is_empty() || u.ends_with(".html") {
            u.to_owned()
        } else {
            format!("{u}/")
        });
    }
    let rel = page.rel;
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let stem = name.trim_end_matches(".md").trim_end_matches(".markdown");
    let stem = split_lang(stem).0;
    let (dir, file_stem) = if stem == "index" || stem == "_index" {
        let (parent, last) = dir.rsplit_once('/').unwrap_or(("", dir));
        if stem == "_index" {
            let path = dir_path(generator, dir);
            return Some(if path.is_empty() {
                String::new()
            } else {
                format!("{path}/")
            });
        }
        (parent, last)
    } else {
        (dir, stem)
    };
    let section = rel.split('/').next().unwrap_or("");
    match generator {
        Generator::Hugo => {
            let base = page.slug.map(urlize).unwrap_or_else(|| urlize(file_stem));
            if let Some(pattern) = permalinks.get(section).filter(|_| rel.contains('/')) {
                return expand(pattern, page, section, file_stem, &base);
            }
            let d = dir_path(generator, dir);
            Some(join(&d, &base))
        }
        Generator::Zola => {
            let stem = strip_date(file_stem);
            let base = page
                .slug
                .map(crate::text::slugify)
                .unwrap_or_else(|| crate::text::slugify(stem));
            Some(join(&dir_path(generator, dir), &base))
        }
    }
}

fn join(dir: &str, last: &str) -> String {
    if dir.is_empty() {
        format!("{last}/")
    } else {
        format!("{dir}/{last}/")
    }
}

fn dir_path(generator: Generator, dir: &str) -> String {
    dir.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| match generator {
            Generator::Hugo => urlize(s),
            Generator::Zola => crate::text::slugify(strip_date(s)),
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn strip_date(s: &str) -> &str {
    if s.len() > 11 && s.is_char_boundary(11) && s[..10].parse::<jiff::civil::Date>().is_ok() {
        &s[11..]
    } else {
        s
    }
}

/// Hugo's path form: lower case, spaces to `-`, letters kept.
fn urlize(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

/// Expands a Hugo permalink pattern (`/:year/:month/:slug/`).
fn expand(
    pattern: &str,
    page: &OldPage<'_>,
    section: &str,
    file_stem: &str,
    slug_or_file: &str,
) -> Option<String> {
    let date = page.date.unwrap_or("");
    let (y, m, d) = (date.get(..4), date.get(5..7), date.get(8..10));
    let title = page.title.map(urlize).unwrap_or_else(|| urlize(file_stem));
    let mut out = String::new();
    for seg in pattern.trim_matches('/').split('/') {
        let v = match seg {
            ":year" => y?.to_owned(),
            ":month" => m?.to_owned(),
            ":day" => d?.to_owned(),
            ":title" => title.clone(),
            ":slug" => page.slug.map(urlize).unwrap_or_else(|| title.clone()),
            ":filename" | ":contentbasename" => urlize(file_stem),
            ":slugorfilename" | ":slugorcontentbasename" => slug_or_file.to_owned(),
            ":section" | ":sections" => section.to_owned(),
            s if s.starts_with(':') => return None,
            s => s.to_owned(),
        };
        out.push_str(&v);
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(rel: &'a str, slug: Option<&'a str>, date: Option<&'a str>) -> OldPage<'a> {
        OldPage {
            rel,
            slug,
            title: Some("Tiêu Đề A"),
            date,
            url: None,
        }
    }

    #[test]
    fn sections_with_dates_become_news() {
        let dated: BTreeMap<String, usize> = [
            ("posts".to_owned(), 5),
            ("ctf".to_owned(), 2),
            ("about".to_owned(), 0),
        ]
        .into();
        let m = Mapper::new(&dated, &BTreeSet::new(), "vi");
        assert_eq!(m.dest("posts/a.md").as_deref(), Some("tin-tuc/a.md"));
        assert_eq!(m.dest("posts/_index.md"), None);
        assert_eq!(m.dest("_index.md"), None);
        assert_eq!(
            m.dest("ctf/b/index.md").as_deref(),
            Some("tin-tuc/ctf/b/index.md")
        );
        assert_eq!(
            m.dest("ctf/_index.md").as_deref(),
            Some("tin-tuc/ctf/_index.md")
        );
        assert_eq!(m.dest("about/index.md").as_deref(), Some("about/index.md"));
        assert_eq!(m.dest("posts/a.vi.md").as_deref(), Some("tin-tuc/a.md"));
        assert_eq!(m.kind("posts/a.en.md"), FileKind::Translation);
        assert_eq!(m.kind("posts/a.vi.md"), FileKind::Page);
        assert_eq!(m.kind("posts/b/anh.png"), FileKind::Asset);
        assert_eq!(m.kind("ctf/_index.md"), FileKind::Section);
        let root: BTreeSet<String> = [
            "2020-01-02-a.md".to_owned(),
            "2020-03-04-b/index.md".to_owned(),
        ]
        .into();
        let m = Mapper::new(&BTreeMap::new(), &root, "vi");
        assert_eq!(
            m.dest("2020-01-02-a.md").as_deref(),
            Some("tin-tuc/2020-01-02-a.md")
        );
        assert_eq!(
            m.dest("2020-03-04-b/anh.png").as_deref(),
            Some("tin-tuc/2020-03-04-b/anh.png")
        );
        assert_eq!(
            m.dest("about/_index.md").as_deref(),
            Some("about/_index.md")
        );
        assert!(date_in_name("2020-03-04-b/index.md") && !date_in_name("about.md"));
    }

    #[test]
    fn old_addresses() {
        let none = BTreeMap::new();
        assert_eq!(
            old_url(
                Generator::Hugo,
                &none,
                &page("posts/Bài Một.md", None, None)
            )
            .as_deref(),
            Some("posts/bài-một/")
        );
        assert_eq!(
            old_url(
                Generator::Hugo,
                &none,
                &page("posts/x/index.md", Some("y"), None)
            )
            .as_deref(),
            Some("posts/y/")
        );
        let p: BTreeMap<String, String> =
            [("posts".to_owned(), "/:year/:month/:slug/".to_owned())].into();
        assert_eq!(
            old_url(
                Generator::Hugo,
                &p,
                &page("posts/x.md", None, Some("2024-03-05"))
            )
            .as_deref(),
            Some("2024/03/tiêu-đề-a/")
        );
        assert_eq!(
            old_url(
                Generator::Zola,
                &none,
                &page("blog/2024-01-02-Xin Chào.md", None, None)
            )
            .as_deref(),
            Some("blog/xin-chao/")
        );
        let mut q = page("blog/a.md", None, None);
        q.url = Some("/cu/dia-chi/");
        assert_eq!(
            old_url(Generator::Zola, &none, &q).as_deref(),
            Some("cu/dia-chi/")
        );
    }
}
