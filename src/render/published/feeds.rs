//! Machine-readable outputs: Atom feeds (news and per tag), the sitemap and
//! robots.txt. URLs here are absolute (from `base_url`), as feed readers and
//! search engines need.

use crate::render::engine::vars::Context;
use serde::Serialize;

use crate::content::markdown::place;
use crate::render::data::charts::without_print_copies;
use crate::render::engine::jobs::{Job, Lazy};
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{category_path, news_path, tag_path, taxonomy_term_path};
use crate::site::Site;

#[derive(Serialize)]
struct Entry {
    title: String,
    url: String,
    published: String,
    updated: String,
    summary: String,
    content: String,
    authors: Vec<String>,
    categories: Vec<String>,
}

/// Feeds show the newest posts only.
const FEED_LIMIT: usize = 20;

/// Every Atom feed: (self path, title, alternate path, its posts as many as
/// it shows).
fn feeds(site: &Site) -> Vec<(String, String, String, &[usize])> {
    let shown = |posts: &[usize]| posts.len().min(FEED_LIMIT);
    let news = news_path(site);
    let mut out = Vec::new();
    if !site.posts.is_empty() {
        out.push((
            format!("{news}atom.xml"),
            site.config.title.clone(),
            news.clone(),
            &site.posts[..shown(&site.posts)],
        ));
    }
    let terms = site.tags.iter().map(|t| (tag_path(site, &t.slug), t));
    let categories = site
        .categories
        .iter()
        .map(|c| (category_path(site, &c.slug), c));
    let declared = site.taxonomies.iter().flat_map(|t| {
        t.terms
            .iter()
            .map(|term| (taxonomy_term_path(site, &t.segment, &term.slug), term))
    });
    for (path, tag) in terms.chain(categories).chain(declared) {
        out.push((
            format!("{path}atom.xml"),
            format!("{} – {}", site.config.title, tag.name),
            path,
            &tag.posts[..shown(&tag.posts)],
        ));
    }
    out
}

/// Pushes (output path, template, context) for the feeds whose entries
/// (page indices, as many as a feed shows) `want` accepts: `serve` remakes
/// only the feeds showing an edited page; a plan makes every feed lazily
/// ([`feed_lazy`]).
pub fn feed_jobs_for(
    site: &Site,
    theme: &Theme,
    want: &dyn Fn(&[usize]) -> bool,
    push: &mut dyn FnMut(String, String, Context),
) {
    for (self_path, title, alt_path, posts) in feeds(site) {
        if want(posts) {
            let context = feed_context(site, theme, &title, &self_path, &alt_path, posts);
            push(self_path, "atom.xml".into(), context);
        }
    }
}

/// Every feed, planned lazily: its entries are named now, its context is
/// built when it renders, from the pages of the site it renders with (a
/// later generation of `serve` shares the plan only when no list changed).
pub(crate) fn feed_lazy(site: &Site, deferred: &mut Vec<Lazy>) {
    for (self_path, title, alt_path, posts) in feeds(site) {
        let posts = posts.to_vec();
        deferred.push(Lazy {
            path: self_path.clone(),
            make: Box::new(move |site, theme| Job {
                path: self_path.clone(),
                template: "atom.xml".into(),
                context: feed_context(site, theme, &title, &self_path, &alt_path, &posts),
            }),
        });
    }
}

/// RFC 3339 publication time: the page date, else a document's issue date.
pub(crate) fn published(p: &crate::content::Page) -> String {
    p.date
        .map(|d| d.rfc3339())
        .or_else(|| p.fm.issued.map(|d| format!("{d}T00:00:00+07:00")))
        .unwrap_or_default()
}

pub(crate) fn feed_context(
    site: &Site,
    theme: &Theme,
    title: &str,
    self_path: &str,
    alt_path: &str,
    posts: &[usize],
) -> Context {
    let base = &site.config.base_url;
    let entries: Vec<Entry> = posts
        .iter()
        .take(FEED_LIMIT)
        .map(|&i| {
            let p = &site.pages[i];
            let published = published(p);
            Entry {
                title: p.title.clone(),
                url: format!("{base}{}", p.path),
                updated: p
                    .fm
                    .updated
                    .map(|d| d.rfc3339())
                    .unwrap_or_else(|| published.clone()),
                published,
                summary: p.description(),
                content: place(&without_print_copies(&p.body.html), base),
                authors: p.fm.authors.clone(),
                categories: p.fm.tags.iter().chain(&p.fm.categories).cloned().collect(),
            }
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| format!("{}T00:00:00+07:00", site.today));
    let mut c = Context::new();
    c.insert("site", &site.config);
    c.insert("t", theme.strings_for(&site.config.language));
    c.insert("feed_title", title);
    c.insert("feed_url", &format!("{base}{self_path}"));
    c.insert("alt_url", &format!("{base}{alt_path}"));
    c.insert("updated", &updated);
    c.insert("entries", &entries);
    c
}
