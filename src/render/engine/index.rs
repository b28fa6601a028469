//! What the renderer computes once per [`Site`] instead of once per page:
//! the page-independent part of the base context (already serialized, per
//! language) and the menu entries. Without these, every page rebuilt the
//! menu by scanning every page (quadratic: ~10⁸ comparisons at 10,000
//! posts). The page lookups (sections, post positions, tags by name) are
//! the model's: [`crate::site::page_index`].
//!
//! Kept in the site's opaque view slot (`Site::view_cache`, see
//! [`super::context::index`]), so it is built on first use and dropped with
//! the site; the model does not know this type.

use std::sync::{Arc, Mutex};

use crate::render::engine::vars::Context;

use super::theme::Theme;
use super::views::news_path;
use crate::content::PageKind;
use crate::site::Site;
use crate::text::dates;

/// See the module docs.
#[derive(Debug, Default)]
pub struct RenderIndex {
    /// Menu entries: (name, site-relative target or external URL).
    pub(crate) menu: Vec<(String, String)>,
    /// Per language: the page-independent base context.
    protos: Mutex<Vec<(String, Arc<Context>)>>,
    /// Each page's list entry, per link depth (decision 0036).
    pub(crate) entries: super::entries::EntryMemo,
}

impl RenderIndex {
    pub(crate) fn new(site: &Site) -> RenderIndex {
        RenderIndex {
            menu: menu_items(site),
            protos: Mutex::new(Vec::new()),
            entries: super::entries::EntryMemo::new(site.pages.len()),
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

/// The configured menu, or home / news / documents when none is set.
pub(crate) fn menu_items(site: &Site) -> Vec<(String, String)> {
    if !site.config.menu.is_empty() {
        return site
            .config
            .menu
            .iter()
            .map(|m| (m.name.clone(), m.url.trim_start_matches('/').to_owned()))
            .collect();
    }
    let mut items = vec![("Trang chủ".to_owned(), String::new())];
    for (kind, name) in [(PageKind::Post, "Tin tức"), (PageKind::Document, "Văn bản")] {
        if site.pages.iter().any(|p| p.kind == kind) {
            let path = if kind == PageKind::Post {
                news_path(site)
            } else {
                format!("{}/", site.config.sections.documents.trim_matches('/'))
            };
            items.push((name.to_owned(), path));
        }
    }
    if let Some(path) = crate::site::generated::menu_target(site) {
        items.push(("Số liệu".to_owned(), path));
    }
    items
}
