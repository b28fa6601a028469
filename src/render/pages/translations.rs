//! The language versions of a page (an original and its `.en.md`
//! translation) as links: `<link rel="alternate" hreflang>` in the head of
//! each and a visible language switch, both built from
//! `Site::alternates`.

use serde::Serialize;

use crate::content::translation;
use crate::render::engine::views::link;
use crate::site::Site;

/// One version of a page.
#[derive(Serialize)]
pub(crate) struct Version {
    /// BCP 47 code (`vi`, `en`).
    pub lang: String,
    /// The language's name in that language (“English”, “Tiếng Việt”).
    pub label: &'static str,
    /// Link from the site root (the template puts `root` before it).
    pub href: String,
    /// The page being rendered.
    pub current: bool,
}

/// Every version of page `i`, itself included, in language order; empty
/// when the page has no other version.
pub(crate) fn versions(site: &Site, i: usize) -> Vec<Version> {
    let Some(others) = site.alternates.get(&i) else {
        return Vec::new();
    };
    let mut out: Vec<Version> = std::iter::once(i)
        .chain(others.iter().copied())
        .map(|j| {
            let page = &site.pages[j];
            let lang = page.lang(&site.config.language).to_owned();
            Version {
                label: translation::label(&lang),
                lang,
                // The home page's own link is empty; an empty href is invalid on <link>.
                href: Some(link(site, &page.path))
                    .filter(|h| !h.is_empty())
                    .unwrap_or_else(|| "./".to_owned()),
                current: j == i,
            }
        })
        .collect();
    out.sort_by(|a, b| a.lang.cmp(&b.lang).then_with(|| a.href.cmp(&b.href)));
    out
}
