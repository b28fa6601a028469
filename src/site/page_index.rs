//! Lookups over the site's pages, computed once per [`Site`] instead of
//! once per page: section pages by path, each post's position in the news
//! order, tags by the name written in front matter and the news section's
//! title. Without these, breadcrumbs, previous/next links and tag links
//! scanned every page for every page (quadratic: ~10⁸ comparisons at
//! 10,000 posts).
//!
//! Stored lazily on the site ([`Site::page_index`]), so it is built on first
//! use and dropped with the site.

use std::collections::HashMap;

use super::Site;
use crate::content::PageKind;

/// See the module docs.
#[derive(Debug, Default)]
pub struct PageIndex {
    /// Section output path → page index.
    pub sections: HashMap<String, usize>,
    /// Page index → position in `Site::posts` (or `Site::bulletins`).
    pub post_pos: Vec<Option<usize>>,
    /// Tag name as written in front matter → index in `Site::tags`.
    pub tag_by_name: HashMap<String, usize>,
    /// Title of the news section page, if any.
    pub news_title: Option<String>,
}

impl PageIndex {
    pub(crate) fn new(site: &Site) -> PageIndex {
        let mut sections = HashMap::new();
        let news = site.news_path();
        let mut news_title = None;
        for (i, p) in site.pages.iter().enumerate() {
            if p.kind == PageKind::Section {
                sections.entry(p.path.clone()).or_insert(i);
            }
            if news_title.is_none() && p.path == news {
                news_title = Some(p.title.clone());
            }
        }
        let mut post_pos = vec![None; site.pages.len()];
        // Each post's place in its own list (news, or the bulletins).
        for list in [&site.posts, &site.bulletins] {
            for (k, &i) in list.iter().enumerate() {
                post_pos[i] = Some(k);
            }
        }
        let mut tag_by_name = HashMap::new();
        let by_slug: HashMap<&str, usize> = site
            .tags
            .iter()
            .enumerate()
            .map(|(k, t)| (t.slug.as_str(), k))
            .collect();
        for p in &site.pages {
            for name in &p.fm.tags {
                if !tag_by_name.contains_key(name)
                    && let Some(&k) = by_slug.get(crate::text::slugify(name).as_str())
                {
                    tag_by_name.insert(name.clone(), k);
                }
            }
        }
        PageIndex {
            sections,
            post_pos,
            tag_by_name,
            news_title,
        }
    }
}
