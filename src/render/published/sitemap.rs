//! The sitemap: every page, news list, data page and the search page, with
//! absolute URLs (from `base_url`) as search engines need.

use crate::render::engine::vars::Context;
use serde::Serialize;

use crate::render::engine::views::{
    category_path, news_path, tag_path, taxonomy_index_path, taxonomy_term_path,
};
use crate::site::Site;

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: String,
}

/// The sitemap, planned lazily: its context is built when it renders, from
/// the site it renders with.
pub(crate) fn sitemap_lazy(deferred: &mut Vec<crate::render::engine::jobs::Lazy>) {
    deferred.push(crate::render::engine::jobs::Lazy {
        path: "sitemap.xml".into(),
        make: Box::new(|site, _| {
            let mut job = None;
            sitemap_job(site, &mut |path, template, context| {
                job = Some(crate::render::engine::jobs::Job {
                    path,
                    template,
                    context,
                })
            });
            job.unwrap_or_else(|| unreachable!("sitemap_job pushes one job"))
        }),
    });
}

/// Pushes (output path, template, context) of the sitemap.
pub fn sitemap_job(site: &Site, push: &mut dyn FnMut(String, String, Context)) {
    let base = &site.config.base_url;
    let news = news_path(site);
    let mut urls: Vec<SitemapUrl> = site
        .pages
        .iter()
        .map(|p| SitemapUrl {
            loc: format!("{base}{}", p.path),
            lastmod: p
                .fm
                .updated
                .or(p.date)
                .map(|d| d.date.to_string())
                .unwrap_or_default(),
        })
        .collect();
    if !site.posts.is_empty() {
        let mut lists = vec![format!("{news}the/"), format!("{news}luu-tru/")];
        lists.extend(site.tags.iter().map(|t| tag_path(site, &t.slug)));
        if !site.categories.is_empty() {
            lists.push(format!("{news}chuyen-muc/"));
        }
        lists.extend(site.categories.iter().map(|c| category_path(site, &c.slug)));
        for t in site.taxonomies.iter().filter(|t| !t.terms.is_empty()) {
            lists.push(taxonomy_index_path(site, &t.segment));
            lists.extend(
                t.terms
                    .iter()
                    .map(|term| taxonomy_term_path(site, &t.segment, &term.slug)),
            );
        }
        lists.extend(
            site.months
                .iter()
                .map(|((y, m), _)| format!("{news}thang/{y:04}-{m:02}/")),
        );
        if !site.pages.iter().any(|p| p.path == news) {
            lists.push(news.clone());
        }
        urls.extend(lists.into_iter().map(|p| SitemapUrl {
            loc: format!("{base}{p}"),
            lastmod: String::new(),
        }));
    }
    // Data pages are computed as of the build date.
    urls.extend(
        crate::render::data::page_paths(site)
            .into_iter()
            .map(|p| SitemapUrl {
                loc: format!("{base}{p}"),
                lastmod: site.today.to_string(),
            }),
    );
    if let Some(path) = crate::render::published::search::page_path(site) {
        urls.push(SitemapUrl {
            loc: format!("{base}{path}"),
            lastmod: String::new(),
        });
    }
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    let mut c = Context::new();
    c.insert("urls", &urls);
    push("sitemap.xml".into(), "sitemap.xml".into(), c);
}
