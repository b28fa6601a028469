//! The template context every page shares (site, menu, links, feeds,
//! sharing image) and the lookups computed once per site behind it.

use crate::render::engine::vars::Context;
use serde::Serialize;

use super::index::RenderIndex;
use super::theme::Theme;
use super::views::{link, news_path, root_for};
use crate::site::Site;
use crate::site::generated::{SEARCH, SHARING_IMAGE};

#[derive(Serialize)]
struct MenuView {
    name: String,
    href: String,
    active: bool,
}

/// The lookups computed once per site (see [`index`]).
pub(crate) fn index(site: &Site) -> &RenderIndex {
    site.view_cache
        .get_or_init(|| std::sync::Arc::new(RenderIndex::new(site)))
        .downcast_ref::<RenderIndex>()
        .expect("only the renderer fills the site's view slot")
}

/// Page `i`'s list entry at `root`, through the site's memo.
pub(crate) fn entry(site: &Site, i: usize, root: &str) -> tera::Value {
    index(site).entries.get(site, i, root)
}

/// The entries of `pages` at `root`, as one template array.
pub(crate) fn entries(site: &Site, pages: &[usize], root: &str) -> tera::Value {
    let memo = &index(site).entries;
    tera::Value::from(
        pages
            .iter()
            .map(|&i| memo.get(site, i, root))
            .collect::<Vec<_>>(),
    )
}

/// Context shared by every page.
pub(crate) fn base_context(
    site: &Site,
    theme: &Theme,
    path: &str,
    lang: &str,
    title: &str,
    description: &str,
) -> Context {
    let root = root_for(path);
    let idx = index(site);
    let mut c = idx.proto(site, theme, lang);
    let cfg = &site.config;
    let menu: Vec<MenuView> = idx
        .menu
        .iter()
        .map(|(name, target)| {
            let (name, target) = (name.clone(), target.clone());
            let external = target.contains("://");
            let active = !external
                && (if target.is_empty() {
                    path.is_empty()
                } else {
                    path.starts_with(&target)
                });
            let href = if external {
                target
            } else {
                format!("{root}{}", link(site, &target))
            };
            MenuView { name, href, active }
        })
        .collect();
    c.insert("root", &root);
    c.insert("menu", &menu);
    c.insert("current_path", path);
    c.insert("canonical", &format!("{}{}", cfg.base_url, path));
    c.insert("page_title", title);
    // Every page has a description: one made from its title when the page
    // gives none (indexes, the 404 page…).
    if description.trim().is_empty() {
        let tr = crate::render::engine::i18n::Tr::new(theme, lang);
        let fallback = tr.fmt(
            "page_description",
            &[("title", title), ("site", &cfg.title)],
        );
        c.insert("description", &fallback);
    } else {
        c.insert("description", description);
    }
    c.insert("home_href", &format!("{root}{}", link(site, "")));
    c.insert(
        "news_href",
        &format!("{root}{}", link(site, &news_path(site))),
    );
    // The weekly bulletins' own list, linked once from the news list and the
    // home page's latest news (they are not in those lists).
    let bulletins = if site.bulletins_listed() {
        format!("{root}{}", link(site, crate::site::BULLETIN_SECTION))
    } else {
        String::new()
    };
    c.insert("bulletins_href", &bulletins);
    // The periodic reports' list (`bao-cao/`), linked the same way.
    let reports = crate::site::generated::REPORTS;
    let reports =
        if site.data.is_some() && site.children.get(reports).is_some_and(|c| !c.is_empty()) {
            format!("{root}{}", link(site, reports))
        } else {
            String::new()
        };
    c.insert("reports_href", &reports);
    let feed = if site.posts.is_empty() {
        String::new()
    } else {
        format!("{root}{}atom.xml", news_path(site))
    };
    c.insert("feed_href", &feed);
    sharing_context(site, &root, &mut c);
    c
}

/// Search, JSON Feed and sharing-image variables (see `section_feeds`,
/// `search`, `preview`); pages may override `feeds` and `og_image` later.
fn sharing_context(site: &Site, root: &str, c: &mut Context) {
    c.insert("search_href", &format!("{root}{}", link(site, SEARCH)));
    let json = if site.posts.is_empty() {
        String::new()
    } else {
        format!("{root}{}feed.json", news_path(site))
    };
    c.insert("feed_json_href", &json);
    let (image, alt) = site_image(site);
    c.insert("og_image", &image);
    c.insert("og_image_alt", &alt);
}

/// The site-wide image (absolute URL) and its alt text, for every page;
/// covers (see `render::pages::single`) and the target and DTI pages
/// (see `render::published::sharing_images`) replace it.
pub fn site_image(site: &Site) -> (String, String) {
    (
        format!("{}{SHARING_IMAGE}", site.config.base_url),
        site.config.title.clone(),
    )
}
