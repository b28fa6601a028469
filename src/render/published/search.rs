//! The search page `tim-kiem/` and its index files `tim-kiem/chi-muc/…`
//! (built by [`crate::render::published::search_index`]). The page works without JavaScript:
//! it explains that search needs it and lists every part of the site to
//! browse (news by month and topic, documents, targets, tasks); with
//! JavaScript, `search.js` reads `?q=` and shows the results.

use serde::Serialize;

use crate::content::PageKind;
use crate::output::Output;
use crate::render::data::{OPEN_DATA, TARGETS, TASKS};
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{link, news_path};
use crate::render::published::search_index::{KINDS, build_files, collect_docs, emit_files};
use crate::site::Site;
use crate::text::numbers::NumberStyle;
use {crate::render::engine::context::base_context, crate::render::engine::jobs::Job};

/// Output path of the search page.
pub use crate::site::generated::SEARCH;
/// Folder of the index files.
pub const INDEX_DIR: &str = "tim-kiem/chi-muc/";

/// A place to browse when search is not available.
#[derive(Debug, Serialize)]
struct Browse {
    name: String,
    href: String,
    count: String,
}

/// True when the site's own content claims `tim-kiem/`.
fn taken(site: &Site) -> bool {
    site.pages.iter().any(|p| p.path == SEARCH)
}

/// The search page's path, when minhbach writes it (for the sitemap).
pub(crate) fn page_path(site: &Site) -> Option<&'static str> {
    (!taken(site)).then_some(SEARCH)
}

/// The search page job.
pub(crate) fn search_jobs(site: &Site, theme: &Theme, jobs: &mut Vec<Job>) {
    if taken(site) {
        return;
    }
    let lang = site.config.language.clone();
    let t = theme.strings_for(&lang);
    let s = |k: &str| t.get(k).cloned().unwrap_or_default();
    let mut c = base_context(
        site,
        theme,
        SEARCH,
        &lang,
        &s("search_title"),
        &s("search_description"),
    );
    let root = "../";
    let kinds: Vec<String> = KINDS
        .iter()
        .map(|k| s(&format!("search_kind_{k}")))
        .collect();
    c.insert(
        "kinds_json",
        &serde_json::to_string(&kinds).unwrap_or_default(),
    );
    c.insert("index_href", &format!("{root}{INDEX_DIR}"));
    c.insert("self_href", &format!("{root}{}", link(site, SEARCH)));
    c.insert("browse", &browse(site, &s));
    c.insert("crumbs", &Vec::<(String, String)>::new());
    jobs.push(Job {
        path: format!("{SEARCH}index.html"),
        template: "search.html".into(),
        context: c,
    });
}

fn browse(site: &Site, s: &dyn Fn(&str) -> String) -> Vec<Browse> {
    let mut out = Vec::new();
    let mut add = |name: String, path: &str, count: usize| {
        out.push(Browse {
            name,
            href: link(site, path),
            count: if count > 0 {
                NumberStyle::named(&s("chart_numbers")).integer(count as i64)
            } else {
                String::new()
            },
        })
    };
    let news = news_path(site);
    if !site.posts.is_empty() {
        add(s("search_browse_news"), &news, site.posts.len());
        add(s("archive"), &format!("{news}luu-tru/"), 0);
        if !site.tags.is_empty() {
            add(s("all_tags"), &format!("{news}the/"), site.tags.len());
        }
    }
    let docs = format!("{}/", site.config.sections.documents.trim_matches('/'));
    if site.pages.iter().any(|p| p.path == docs) {
        add(s("search_browse_documents"), &docs, site.documents.len());
    }
    if let Some(data) = &site.data {
        if !data.set.targets.is_empty() {
            add(s("search_browse_targets"), TARGETS, data.set.targets.len());
        }
        if !data.set.tasks.is_empty() {
            add(s("search_browse_tasks"), TASKS, data.set.tasks.len());
        }
        add(s("search_browse_open_data"), OPEN_DATA, 0);
    }
    // Other sections (a bulletin `ban-tin/`, …) and top-level pages.
    for p in &site.pages {
        let top = !p.path.trim_end_matches('/').contains('/');
        if p.path == news || p.path == docs || !top {
            continue;
        }
        match p.kind {
            PageKind::Section => {
                let n = site.children.get(&p.path).map_or(0, Vec::len);
                add(p.title.clone(), &p.path, n);
            }
            PageKind::Page => add(p.title.clone(), &p.path, 0),
            _ => {}
        }
    }
    out
}

/// Writes the index files.
pub(crate) fn search_files(site: &Site, output: &mut Output) {
    for (path, bytes) in index_files(site) {
        output.insert(path, bytes);
    }
}

/// The index files (output path, bytes), in path order; none when the
/// site's own content takes `tim-kiem/`.
pub(crate) fn index_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    if taken(site) {
        return Vec::new();
    }
    let docs = collect_docs(site);
    build_files(&docs)
        .into_iter()
        .map(|(name, text)| (format!("{INDEX_DIR}{name}"), text.into_bytes()))
        .collect()
}

/// [`index_files`], each handed to `emit` (output path, bytes) as soon as
/// it is made, from any thread, in no particular order.
pub(crate) fn emit_index_files(site: &Site, emit: &(dyn Fn(String, Vec<u8>) + Sync)) {
    if taken(site) {
        return;
    }
    let docs = collect_docs(site);
    emit_files(&docs, &|name, text| {
        emit(format!("{INDEX_DIR}{name}"), text.into_bytes())
    });
}
