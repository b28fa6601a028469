//! Lookups the renderer needs for every page, computed once per [`Site`]
//! instead of once per page: the page-independent part of the base context
//! (already serialized), the menu entries, section pages by path, each
//! post's position in the news order and tags by name. Without these, menus,
//! breadcrumbs and previous/next links scanned every page for every page
//! (quadratic: ~10⁸ comparisons at 10,000 posts).
//!
//! Stored lazily on the site (`Site::render_index`), so it is built on first
//! use and dropped with the site.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tera::Context;

use super::theme::Theme;
use crate::content::PageKind;
use crate::site::Site;
use crate::text::dates;

/// See the module docs.
#[derive(Debug, Default)]
pub struct RenderIndex {
    /// Menu entries: (name, site-relative target or external URL).
    pub(crate) menu: Vec<(String, String)>,
    /// Section output path → page index.
    pub(crate) sections: HashMap<String, usize>,
    /// Page index → position in `Site::posts`.
    pub(crate) post_pos: Vec<Option<usize>>,
    /// Tag name as written in front matter → index in `Site::tags`.
    pub(crate) tag_by_name: HashMap<String, usize>,
    /// Title of the news section page, if any.
    pub(crate) news_title: Option<String>,
    /// Per language: the page-independent base context.
    protos: Mutex<Vec<(String, Arc<Context>)>>,
}

impl RenderIndex {
    pub(crate) fn new(site: &Site) -> RenderIndex {
        let mut sections = HashMap::new();
        let news = super::views::news_path(site);
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
        RenderIndex {
            menu: crate::render::engine::context::menu_items(site),
            sections,
            post_pos,
            tag_by_name,
            news_title,
            protos: Mutex::new(Vec::new()),
        }
    }

    /// A copy of the page-independent base context for `lang`.
    pub(crate) fn proto(&self, site: &Site, theme: &Theme, lang: &str) -> Context {
        let found = {
            let protos = self.protos.lock().unwrap_or_else(|e| e.into_inner());
            protos
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, c)| Arc::clone(c))
        };
        if let Some(c) = found {
            return (*c).clone();
        }
        let mut c = Context::new();
        c.insert("lang", lang);
        c.insert("t", theme.strings_for(lang));
        c.insert("site", &site.config);
        c.insert(
            "region",
            &super::i18n::region_label(&site.config, super::i18n::Tr::new(theme, lang)),
        );
        c.insert("build_date", &dates::short(site.today));
        c.insert("feeds", &Vec::<(String, String)>::new());
        let mut protos = self.protos.lock().unwrap_or_else(|e| e.into_inner());
        protos.push((lang.to_owned(), Arc::new(c.clone())));
        c
    }
}
