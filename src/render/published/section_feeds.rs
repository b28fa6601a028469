//! Feeds per section, generic over sections: every section whose pages
//! carry dates (news `tin-tuc/`, documents `van-ban/`, a bulletin
//! `ban-tin/`, …) gets `atom.xml` and a JSON Feed 1.1 `feed.json`, newest
//! first, with absolute URLs. The news Atom feed and the per-tag feeds stay
//! in [`crate::render::published::feeds`]; this module adds the other sections' Atom feeds,
//! every `feed.json`, and the `<link rel="alternate">` list of a section page.

use serde::Serialize;

use crate::content::markdown::place;
use crate::content::{Page, PageKind};
use crate::output::Output;
use crate::render::data::charts::without_print_copies;
use crate::render::engine::jobs::{Job, Lazy};
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{cover_url, news_path};
use crate::render::published::feeds::{feed_context, published};
use crate::render::published::search_index::json_safe;
use crate::site::Site;

/// Feeds show the newest items only (as the Atom feeds do).
const LIMIT: usize = 20;

/// A feed: section path, title, items (page indices, newest first).
struct SectionFeed {
    path: String,
    title: String,
    items: Vec<usize>,
}

/// Sections with dated pages; the news section lists every post.
fn section_feeds(site: &Site) -> Vec<SectionFeed> {
    let news = news_path(site);
    let mut out = Vec::new();
    if !site.posts.is_empty() {
        out.push(SectionFeed {
            title: site.config.title.clone(),
            path: news.clone(),
            items: site.posts.clone(),
        });
    }
    for p in &site.pages {
        if p.kind != PageKind::Section || p.path == news {
            continue;
        }
        let mut items: Vec<usize> = site
            .children
            .get(&p.path)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| {
                let c = &site.pages[i];
                matches!(c.kind, PageKind::Post | PageKind::Document | PageKind::Page)
                    && sort_date(c).is_some()
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        items.sort_by(|&a, &b| {
            let (pa, pb) = (&site.pages[a], &site.pages[b]);
            published(pb)
                .cmp(&published(pa))
                .then_with(|| pa.path.cmp(&pb.path))
        });
        out.push(SectionFeed {
            path: p.path.clone(),
            title: format!("{} – {}", site.config.title, p.title),
            items,
        });
    }
    out
}

fn sort_date(p: &Page) -> Option<jiff::civil::Date> {
    p.date_value().or(p.fm.issued)
}

/// Atom feeds of the sections other than news (news has its own already)
/// whose items (page indices, as many as a feed shows) `want` accepts
/// (`serve`: the feeds showing an edited page); a plan makes them lazily
/// ([`feed_lazy`]).
pub(crate) fn feed_jobs_for(
    site: &Site,
    theme: &Theme,
    want: &dyn Fn(&[usize]) -> bool,
    jobs: &mut Vec<Job>,
) {
    let news = news_path(site);
    for f in section_feeds(site) {
        if f.path == news || !want(&f.items[..f.items.len().min(LIMIT)]) {
            continue;
        }
        let self_path = format!("{}atom.xml", f.path);
        jobs.push(Job {
            path: self_path.clone(),
            template: "atom.xml".into(),
            context: feed_context(site, theme, &f.title, &self_path, &f.path, &f.items),
        });
    }
}

/// The sections' Atom feeds, planned lazily (see
/// [`crate::render::published::feeds::feed_lazy`]).
pub(crate) fn feed_lazy(site: &Site, deferred: &mut Vec<Lazy>) {
    let news = news_path(site);
    for f in section_feeds(site) {
        if f.path == news {
            continue;
        }
        let self_path = format!("{}atom.xml", f.path);
        let items: Vec<usize> = f.items.into_iter().take(LIMIT).collect();
        let (title, alt_path) = (f.title, f.path);
        deferred.push(Lazy {
            path: self_path.clone(),
            make: Box::new(move |site, theme| Job {
                path: self_path.clone(),
                template: "atom.xml".into(),
                context: feed_context(site, theme, &title, &self_path, &alt_path, &items),
            }),
        });
    }
}

/// The alternate links of a section page: (title, href, MIME type).
pub(crate) fn links(site: &Site, section: &str, root: &str) -> Vec<(String, String, String)> {
    section_feeds(site)
        .into_iter()
        .filter(|f| f.path == section)
        .flat_map(|f| {
            [
                (
                    format!("{} (Atom)", f.title),
                    format!("{root}{}atom.xml", f.path),
                    "application/atom+xml".to_owned(),
                ),
                (
                    format!("{} (JSON Feed)", f.title),
                    format!("{root}{}feed.json", f.path),
                    "application/feed+json".to_owned(),
                ),
            ]
        })
        .collect()
}

#[derive(Serialize)]
struct JsonFeed {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
    language: String,
    authors: Vec<Author>,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Author {
    name: String,
}

#[derive(Serialize)]
struct Item {
    id: String,
    url: String,
    title: String,
    content_html: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    summary: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    image: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    date_published: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Author>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<FeedAttachment>,
}

/// A JSON Feed attachment: a document's PDF and its appendices.
#[derive(Serialize)]
struct FeedAttachment {
    url: String,
    mime_type: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    size_in_bytes: Option<u64>,
}

fn feed_attachments(p: &Page, base: &str) -> Vec<FeedAttachment> {
    let absolute = |out: &str| {
        if crate::render::engine::views::is_external(out) {
            out.to_owned()
        } else {
            format!("{base}{out}")
        }
    };
    let pdf = p.pdf.iter().map(|out| FeedAttachment {
        url: absolute(out),
        mime_type: "application/pdf",
        title: String::new(),
        size_in_bytes: None,
    });
    pdf.chain(p.attachments.iter().map(|a| FeedAttachment {
        url: absolute(&a.out),
        mime_type: a.mime(),
        title: a.title.clone(),
        size_in_bytes: Some(a.size),
    }))
    .collect()
}

/// `feed.json` (JSON Feed 1.1) for the section feeds whose items `want`
/// accepts (see [`feed_jobs_for`]); a plan makes them later (see
/// [`json_feed_inputs`]).
pub(crate) fn json_feeds_for(site: &Site, want: &dyn Fn(&[usize]) -> bool, output: &mut Output) {
    for (path, feed) in json_feed_inputs(site, want) {
        output.insert(path, feed.bytes());
    }
}

/// What one `feed.json` reads, taken from the site when it is planned (the
/// pages it lists are shared, not copied): the bytes can be made later, or
/// never (`serve` makes them when asked for, see `render::deferred`).
pub(crate) struct JsonFeedInputs {
    config: std::sync::Arc<crate::config::Config>,
    title: String,
    /// The section's output folder.
    path: String,
    self_path: String,
    items: Vec<std::sync::Arc<Page>>,
}

impl JsonFeedInputs {
    /// The file's bytes.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let mut text = json_safe(serde_json::to_string_pretty(&self.feed()).unwrap_or_default());
        text.push('\n');
        text.into_bytes()
    }
}

/// The inputs of every `feed.json` whose items `want` accepts, by output
/// path.
pub(crate) fn json_feed_inputs(
    site: &Site,
    want: &dyn Fn(&[usize]) -> bool,
) -> Vec<(String, JsonFeedInputs)> {
    let config = std::sync::Arc::new(site.config.clone());
    section_feeds(site)
        .into_iter()
        .filter(|f| want(&f.items[..f.items.len().min(LIMIT)]))
        .map(|f| {
            let self_path = format!("{}feed.json", f.path);
            let items = f.items.iter().take(LIMIT);
            let feed = JsonFeedInputs {
                config: std::sync::Arc::clone(&config),
                title: f.title,
                path: f.path,
                self_path: self_path.clone(),
                items: items
                    .map(|&i| std::sync::Arc::clone(&site.pages[i]))
                    .collect(),
            };
            (self_path, feed)
        })
        .collect()
}

impl JsonFeedInputs {
    fn feed(&self) -> JsonFeed {
        let (f, self_path) = (self, &self.self_path);
        let base = &self.config.base_url;
        let items = f
            .items
            .iter()
            .map(|p| {
                let url = format!("{base}{}", p.path);
                let date_published = published(p);
                Item {
                    id: url.clone(),
                    url,
                    title: p.title.clone(),
                    content_html: place(&without_print_copies(&p.body.html), base),
                    summary: p.description(),
                    image: cover_url(p, base),
                    date_modified: p
                        .fm
                        .updated
                        .map(|d| d.rfc3339())
                        .unwrap_or_else(|| date_published.clone()),
                    date_published,
                    authors: p
                        .fm
                        .authors
                        .iter()
                        .map(|a| Author { name: a.clone() })
                        .collect(),
                    tags: p.fm.tags.clone(),
                    attachments: feed_attachments(p, base),
                }
            })
            .collect();
        let cfg = &self.config;
        JsonFeed {
            version: "https://jsonfeed.org/version/1.1",
            title: f.title.clone(),
            home_page_url: format!("{base}{}", f.path),
            feed_url: format!("{base}{self_path}"),
            description: cfg.description.clone(),
            language: cfg.language.clone(),
            authors: vec![Author {
                name: if cfg.unit.is_empty() {
                    cfg.title.clone()
                } else {
                    cfg.unit.clone()
                },
            }],
            items,
        }
    }
}
