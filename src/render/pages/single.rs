//! One job per Markdown page (home, sections, posts, documents, pages)
//! and the 404 page, with their breadcrumbs.

use crate::content::{Page, PageKind};
use crate::render::data::bulletin;
use crate::render::engine::context::base_context;
use crate::render::engine::context::{entries, entry};
use crate::render::engine::jobs::{Job, Lazy};
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{PageRef, link, news_path, page_ref, page_view, root_for};
use crate::site::Site;

fn crumbs(site: &Site, page: &Page) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section = page.section.clone();
    while !section.is_empty() {
        if let Some(p) = site
            .page_index()
            .sections
            .get(&section)
            .map(|&i| &site.pages[i])
        {
            out.push((p.title.clone(), link(site, &p.path)));
        }
        section = match section.trim_end_matches('/').rsplit_once('/') {
            Some((parent, _)) => format!("{parent}/"),
            None => String::new(),
        };
    }
    out.reverse();
    out
}

/// Page jobs: deferred, except the home page and (on a site with data) the
/// documents, whose contexts the data pages extend (`render::data::data_jobs`).
pub(crate) fn page_jobs(site: &Site, theme: &Theme, eager: &mut Vec<Job>, jobs: &mut Vec<Lazy>) {
    let news = news_path(site);
    for (i, page) in site.pages.iter().enumerate() {
        if page.kind == PageKind::Section
            && (page.path == news || bulletin::is_paginated(site, &page.path))
        {
            continue; // rendered as a paginated list
        }
        if page.kind == PageKind::Home || (page.kind == PageKind::Document && site.data.is_some()) {
            // Built now: the data pages add the dashboard to the home page's
            // context and their targets and tasks (and chart embeds) to the
            // documents'.
            eager.push(page_job(site, theme, i));
        } else {
            jobs.push(Lazy {
                path: format!("{}index.html", page.path),
                make: Box::new(move |site, theme| page_job(site, theme, i)),
            });
        }
    }
    jobs.push(Lazy {
        path: "404.html".into(),
        make: Box::new(not_found_job),
    });
}

/// How many of the latest posts the home page lists.
pub(crate) const HOME_POSTS: usize = 6;
/// How many of the latest documents the home page lists.
pub(crate) const HOME_DOCUMENTS: usize = 5;

/// The job of page `i` (`serve` remakes the home page's after a body edit).
pub(crate) fn page_job(site: &Site, theme: &Theme, i: usize) -> Job {
    let docs = format!("{}/", site.config.sections.documents.trim_matches('/'));
    let page = &site.pages[i];
    {
        let root = root_for(&page.path);
        let lang = page.lang(&site.config.language).to_owned();
        let view = page_view(site, page, &root);
        let mut c = base_context(
            site,
            theme,
            &page.path,
            &lang,
            &page.title,
            &view.r.description,
        );
        let crumbs: Vec<(String, String)> = crumbs(site, page);
        c.insert("crumbs", &crumbs);
        c.insert("translations", &super::translations::versions(site, i));
        if page.kind == PageKind::Section {
            c.insert(
                "feeds",
                &crate::render::published::section_feeds::links(site, &page.path, &root),
            );
        }
        let template = match (&page.fm.template, page.kind) {
            (Some(t), _) => t.clone(),
            (None, PageKind::Home) => {
                let shown = site.posts.len().min(HOME_POSTS);
                let latest = entries(site, &site.posts[..shown], &root);
                let docs_latest: Vec<PageRef> = site
                    .documents
                    .iter()
                    .take(HOME_DOCUMENTS)
                    .map(|&j| page_ref(site, &site.pages[j], &root))
                    .collect();
                c.insert_value("latest_posts", latest);
                c.insert("latest_documents", &docs_latest);
                "home.html".into()
            }
            (None, PageKind::Section) if page.path == docs => {
                let list: Vec<PageRef> = site
                    .documents
                    .iter()
                    .map(|&j| page_ref(site, &site.pages[j], &root))
                    .collect();
                c.insert("documents", &list);
                "documents.html".into()
            }
            (None, PageKind::Section) => {
                let children: Vec<PageRef> = site
                    .children
                    .get(&page.path)
                    .into_iter()
                    .flatten()
                    .map(|&j| page_ref(site, &site.pages[j], &root))
                    .collect();
                c.insert("children", &children);
                "section.html".into()
            }
            (None, PageKind::Post) => {
                // Previous/next within the page's own list: a news post
                // never leads to a bulletin, nor a bulletin to a post.
                let list = if page.section == crate::site::BULLETIN_SECTION {
                    &site.bulletins
                } else {
                    &site.posts
                };
                let pos = site.page_index().post_pos[i];
                let newer = pos
                    .and_then(|p| p.checked_sub(1))
                    .map(|p| entry(site, list[p], &root));
                let older = pos
                    .and_then(|p| list.get(p + 1))
                    .map(|&j| entry(site, j, &root));
                c.insert_value("newer", tera::Value::from(newer));
                c.insert_value("older", tera::Value::from(older));
                "post.html".into()
            }
            (None, PageKind::Document) => "document.html".into(),
            (None, PageKind::Page) => "page.html".into(),
        };
        if page.cover.is_some() {
            let cover = page.cover.as_deref().unwrap_or("");
            let og = if crate::render::engine::views::is_external(cover) {
                cover.to_owned()
            } else {
                format!("{}{cover}", site.config.base_url)
            };
            c.insert("og_image", &og);
            let alt = page.fm.cover_alt.as_deref().unwrap_or(&page.title);
            c.insert("og_image_alt", alt);
        }
        c.insert("page", &view);
        Job {
            path: format!("{}index.html", page.path),
            template,
            context: c,
        }
    }
}

fn not_found_job(site: &Site, theme: &Theme) -> Job {
    let mut c = base_context(
        site,
        theme,
        "404.html",
        &site.config.language,
        &crate::render::engine::i18n::Tr::new(theme, &site.config.language).get("not_found"),
        "",
    );
    c.insert("crumbs", &Vec::<(String, String)>::new());
    Job {
        path: "404.html".into(),
        template: "404.html".into(),
        context: c,
    }
}
