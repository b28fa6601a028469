//! View structs: what templates see. Dates and numbers are formatted here
//! (Vietnamese style) and links are site-relative paths that templates
//! prefix with `{{ root }}`; the model never reaches a template directly.

use serde::Serialize;

use crate::content::markdown::{Heading, page_link, place};
use crate::content::{Page, PageKind};
use crate::site::Site;
use crate::text::{dates, slugify};

/// A link to a tag.
#[derive(Debug, Clone, Serialize)]
pub struct TagRef {
    pub name: String,
    pub href: String,
    pub count: usize,
}

/// A page's terms in one declared taxonomy ("Loạt bài: …").
#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyRefs {
    pub title: String,
    pub terms: Vec<TagRef>,
}

/// A page as it appears in lists.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    pub title: String,
    pub href: String,
    pub kind: &'static str,
    pub date: String,
    pub date_iso: String,
    pub date_long: String,
    pub weekday: String,
    pub description: String,
    pub cover: String,
    pub cover_alt: String,
    pub tags: Vec<TagRef>,
    pub categories: Vec<TagRef>,
    /// The page's terms in each taxonomy the config declares (only those
    /// it has), in the config's order.
    pub taxonomies: Vec<TaxonomyRefs>,
    pub authors: Vec<String>,
    pub number: String,
    pub doc_type: String,
    pub issued: String,
    pub issuer: String,
    /// Summary HTML with links placed for the page it is shown on.
    pub summary_html: String,
    pub reading_minutes: usize,
}

/// A "based on" (căn cứ) reference, linked when the document is in the site.
#[derive(Debug, Clone, Serialize)]
pub struct BasedOnView {
    pub number: String,
    pub title: String,
    pub date: String,
    pub href: String,
}

/// An appendix of a document as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub title: String,
    pub href: String,
    /// "PDF", "Excel", "Word", "ảnh PNG"….
    pub kind: String,
    /// "1,2 MB".
    pub size: String,
    pub size_bytes: u64,
}

/// The full page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    #[serde(flatten)]
    pub r: PageRef,
    pub content: String,
    pub toc: Vec<Heading>,
    pub show_toc: bool,
    pub updated: String,
    pub lang: String,
    pub signer: String,
    pub signer_title: String,
    pub pdf: String,
    pub attachments: Vec<AttachmentView>,
    pub based_on: Vec<BasedOnView>,
    pub cited_by: Vec<PageRef>,
    pub params: serde_json::Map<String, serde_json::Value>,
}

pub fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home => "home",
        PageKind::Section => "section",
        PageKind::Page => "page",
        PageKind::Post => "post",
        PageKind::Document => "document",
    }
}

/// Path of a tag's page.
pub fn tag_path(site: &Site, slug: &str) -> String {
    format!("{}the/{slug}/", news_path(site))
}

/// Output path of the news section.
pub fn news_path(site: &Site) -> String {
    site.news_path()
}

/// A link honouring portable mode.
pub fn link(site: &Site, path: &str) -> String {
    page_link(path, site.config.portable)
}

/// Path of a category's page.
pub fn category_path(site: &Site, slug: &str) -> String {
    format!("{}chuyen-muc/{slug}/", news_path(site))
}

/// Path of a declared taxonomy's index (`tin-tuc/loat-bai/`).
pub fn taxonomy_index_path(site: &Site, segment: &str) -> String {
    format!("{}{segment}/", news_path(site))
}

/// Path of a term's list in a declared taxonomy.
pub fn taxonomy_term_path(site: &Site, segment: &str, slug: &str) -> String {
    format!("{}{segment}/{slug}/", news_path(site))
}

/// A page's terms in the declared taxonomies, linked to their lists.
fn taxonomy_refs(site: &Site, page: &Page) -> Vec<TaxonomyRefs> {
    site.taxonomies
        .iter()
        .filter_map(|t| {
            let terms: Vec<TagRef> = page
                .fm
                .terms(&t.name)
                .iter()
                .filter_map(|name| {
                    let slug = slugify(name);
                    let term = t.terms.iter().find(|c| c.slug == slug)?;
                    Some(TagRef {
                        name: term.name.clone(),
                        href: link(site, &taxonomy_term_path(site, &t.segment, &term.slug)),
                        count: term.posts.len(),
                    })
                })
                .collect();
            (!terms.is_empty()).then(|| TaxonomyRefs {
                title: t.title.clone(),
                terms,
            })
        })
        .collect()
}

/// The categories of a page, linked to their lists (a site has few).
fn category_refs(site: &Site, page: &Page) -> Vec<TagRef> {
    page.fm
        .categories
        .iter()
        .filter_map(|name| {
            let slug = slugify(name);
            let c = site.categories.iter().find(|c| c.slug == slug)?;
            Some(TagRef {
                name: c.name.clone(),
                href: link(site, &category_path(site, &c.slug)),
                count: c.posts.len(),
            })
        })
        .collect()
}

/// Builds the list view of a page; `root` places links in its summary.
pub fn page_ref(site: &Site, page: &Page, root: &str) -> PageRef {
    let tags = page
        .fm
        .tags
        .iter()
        .filter_map(|name| {
            let tag = match site.page_index().tag_by_name.get(name) {
                Some(&k) => &site.tags[k],
                None => {
                    let slug = slugify(name);
                    site.tags.iter().find(|t| t.slug == slug)?
                }
            };
            Some(TagRef {
                name: tag.name.clone(),
                href: link(site, &tag_path(site, &tag.slug)),
                count: tag.posts.len(),
            })
        })
        .collect();
    let date = page.date_value();
    PageRef {
        title: page.title.clone(),
        href: link(site, &page.path),
        kind: kind_name(page.kind),
        date: date.map(dates::short).unwrap_or_default(),
        date_iso: date.map(|d| d.to_string()).unwrap_or_default(),
        date_long: date.map(dates::long).unwrap_or_default(),
        weekday: date
            .map(|d| match page.lang(&site.config.language) {
                "en" => dates::weekday_en(d).to_owned(),
                _ => dates::weekday(d).to_owned(),
            })
            .unwrap_or_default(),
        description: page.description(),
        cover: cover_url(page, root),
        cover_alt: page.fm.cover_alt.clone().unwrap_or_default(),
        tags,
        categories: category_refs(site, page),
        taxonomies: taxonomy_refs(site, page),
        authors: page.fm.authors.clone(),
        number: page.fm.number.clone().unwrap_or_default(),
        doc_type: page.fm.doc_type.clone().unwrap_or_default(),
        issued: page.fm.issued.map(dates::short).unwrap_or_default(),
        issuer: page.fm.issuer.clone().unwrap_or_default(),
        summary_html: place(&page.body.summary_html, root),
        reading_minutes: page.body.word_count.div_ceil(200).max(1),
    }
}

/// Builds the full view of a page rendered at `root`.
pub fn page_view(site: &Site, page: &Page, root: &str) -> PageView {
    let based_on = page
        .fm
        .based_on
        .iter()
        .map(|b| {
            let target = site.document(&b.number);
            BasedOnView {
                number: b.number.clone(),
                title: if b.title.is_empty() {
                    target.map(|t| t.title.clone()).unwrap_or_default()
                } else {
                    b.title.clone()
                },
                date: b
                    .date
                    .or_else(|| target.and_then(|t| t.fm.issued))
                    .map(dates::short)
                    .unwrap_or_default(),
                href: target.map(|t| link(site, &t.path)).unwrap_or_default(),
            }
        })
        .collect();
    let cited_by = match &page.fm.number {
        Some(number) if page.kind == PageKind::Document => {
            let own = crate::site::normalize_number(number);
            site.documents
                .iter()
                .map(|&i| &site.pages[i])
                .filter(|d| {
                    d.fm.based_on
                        .iter()
                        .any(|b| crate::site::normalize_number(&b.number) == own)
                })
                .map(|d| page_ref(site, d, root))
                .collect()
        }
        _ => Vec::new(),
    };
    PageView {
        r: page_ref(site, page, root),
        content: place(&page.body.html, root),
        show_toc: page.fm.toc && page.body.toc.len() > 1,
        toc: page.body.toc.clone(),
        updated: page
            .fm
            .updated
            .map(|d| dates::short(d.date))
            .unwrap_or_default(),
        lang: page.lang(&site.config.language).to_owned(),
        signer: page.fm.signer.clone().unwrap_or_default(),
        signer_title: page.fm.signer_title.clone().unwrap_or_default(),
        pdf: page.pdf.clone().unwrap_or_default(),
        attachments: page
            .attachments
            .iter()
            .map(|a| AttachmentView {
                title: a.title.clone(),
                href: a.out.clone(),
                kind: a.kind(),
                // Numbers as the page's language writes them ("en": 1.2 MB).
                size: crate::content::attachments::format_size_in(
                    a.size,
                    crate::text::numbers::NumberStyle::named(page.lang(&site.config.language)),
                ),
                size_bytes: a.size,
            })
            .collect(),
        based_on,
        cited_by,
        params: page
            .fm
            .params
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    }
}

/// True for absolute URLs (`https://…`, `//cdn…`).
pub fn is_external(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//")
}

/// `../../` for a page at `tin-tuc/bai/`; "" at the root.
pub fn root_for(path: &str) -> String {
    let depth = path.trim_end_matches("index.html").matches('/').count();
    "../".repeat(depth)
}

/// A page's cover image as a link: external URLs as written, site files
/// under `prefix` (a relative root, or the absolute base URL in feeds).
pub fn cover_url(page: &Page, prefix: &str) -> String {
    match page.cover.as_deref() {
        Some(c) if is_external(c) => c.to_owned(),
        Some(c) => format!("{prefix}{c}"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots() {
        assert_eq!(root_for(""), "");
        assert_eq!(root_for("tin-tuc/"), "../");
        assert_eq!(root_for("tin-tuc/trang/2/"), "../../../");
        assert_eq!(root_for("404.html"), "");
    }
}
