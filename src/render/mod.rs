//! Rendering: turns the [`Site`] into an [`Output`] — every HTML page, list,
//! tag page, archive, feed, sitemap, redirect and theme asset — by filling
//! tera templates with view structs. Pages render in parallel; the output is
//! a sorted map, so builds are byte-for-byte deterministic.

pub mod data_bulletin;
mod data_charts;
mod data_documents;
mod data_embed;
pub mod data_index;
mod data_more;
mod data_pages;
pub mod data_shortcodes;
mod data_units;
mod data_views;
pub mod feeds;
pub mod i18n;
pub mod index;
pub mod lazy;
mod lists;
pub mod preview;
pub mod search;
pub mod search_index;
pub mod section_feeds;
pub mod theme;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::content::{Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;
use crate::site::Site;
use theme::Theme;
use views::{PageRef, link, news_path, page_ref, page_view, root_for};

/// One file to render: its output path, template and context.
pub(crate) struct Job {
    path: String,
    template: String,
    context: Context,
}

#[derive(Serialize)]
struct MenuView {
    name: String,
    href: String,
    active: bool,
}

/// Compiles the theme's templates.
pub fn compile(theme: &Theme, diags: &mut Diagnostics) -> Option<Tera> {
    let mut tera = Tera::default();
    // Escape & < > " ' only (tera 1 also escapes `/`, which makes every href
    // read `..&#x2F;`); control characters are dropped, as XML requires.
    tera.set_escape_fn(crate::text::escape::html);
    let list: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(list) {
        diags.push(template_error("", &e));
        return None;
    }
    for required in [
        "base.html",
        "home.html",
        "page.html",
        "post.html",
        "list.html",
        "atom.xml",
        "sitemap.xml",
        "404.html",
        "alias.html",
    ] {
        if !theme.templates.contains_key(required) {
            diags.push(Diagnostic::error(format!("templates/{required}"), format!("thiếu mẫu giao diện “{required}”")).hint("khôi phục tệp từ giao diện mặc định (minhbach init tạo bản sao) hoặc xoá thư mục giao diện bị thiếu"));
        }
    }
    Some(tera)
}

/// A job whose context is built when it is rendered, on a worker thread:
/// contexts are made in parallel and dropped as soon as their page is
/// rendered, instead of all living at once. Owns no borrow of the site, so
/// `serve` can keep it and render the page on request (see [`lazy`]).
pub(crate) struct Lazy {
    pub(crate) path: String,
    pub(crate) make: MakeJob,
}

/// Builds a job's context from the site (see [`Lazy`]).
pub(crate) type MakeJob = Box<dyn Fn(&Site, &Theme) -> Job + Send + Sync>;

/// A file to render: a job with its context built, or one built on demand.
pub(crate) enum Pending {
    Ready(Job),
    Lazy(Lazy),
}

impl Pending {
    fn path(&self) -> &str {
        match self {
            Pending::Ready(j) => &j.path,
            Pending::Lazy(l) => &l.path,
        }
    }

    /// Renders the file.
    fn render(&self, site: &Site, theme: &Theme, tera: &Tera) -> Result<String, Diagnostic> {
        let run = |job: &Job| {
            tera.render(&job.template, &job.context)
                .map_err(|e| template_error(&job.template, &e))
        };
        match self {
            Pending::Ready(job) => run(job),
            Pending::Lazy(l) => run(&(l.make)(site, theme)),
        }
    }
}

/// Everything a build outputs, before the templates run: files to render,
/// files whose bytes are known (data exports and theme statics, which win
/// over rendered pages at the same path) and assets to copy (which lose).
pub(crate) struct Plan {
    pub(crate) pending: Vec<Pending>,
    pub(crate) fixed: Output,
    pub(crate) assets: Vec<(String, std::path::PathBuf)>,
}

/// The lookups computed once per site (see [`index`]).
pub(crate) fn index(site: &Site) -> &index::RenderIndex {
    site.render_index
        .get_or_init(|| index::RenderIndex::new(site))
}

/// Plans the whole site: every output file, nothing rendered yet.
pub(crate) fn plan(site: &Site, theme: &Theme) -> Plan {
    plan_with(site, theme, true)
}

/// [`plan`]; without the search index files when `search_index` is false
/// (`serve` builds them on the first request for one, see [`lazy`]).
pub(crate) fn plan_with(site: &Site, theme: &Theme, search_index: bool) -> Plan {
    let mut jobs = Vec::new();
    let mut deferred: Vec<Lazy> = Vec::new();
    index(site);
    page_jobs(site, theme, &mut jobs, &mut deferred);
    data_pages::data_jobs(site, theme, &mut jobs);
    lists::list_jobs(site, theme, &mut jobs, &mut deferred);
    data_bulletin::list_jobs(site, theme, &mut deferred);
    feeds::feed_jobs(site, theme, &mut |path, template, context| {
        jobs.push(Job {
            path,
            template,
            context,
        })
    });
    alias_jobs(site, theme, &mut jobs);
    search::search_jobs(site, theme, &mut jobs);
    section_feeds::feed_jobs(site, theme, &mut jobs);
    preview::page_images(site, &mut jobs);
    let mut fixed = Output::default();
    data_pages::data_files(site, &mut fixed);
    if search_index {
        search::search_files(site, &mut fixed);
    }
    section_feeds::json_feeds(site, &mut fixed);
    preview::preview_files(site, &mut fixed);
    for (name, bytes) in &theme.statics {
        fixed.insert(name.clone(), bytes.clone());
    }
    let assets = site
        .assets
        .iter()
        .map(|a| (a.out.clone(), a.source.clone()))
        .collect();
    let pending = deferred
        .into_iter()
        .map(Pending::Lazy)
        .chain(jobs.into_iter().map(Pending::Ready))
        .collect();
    Plan {
        pending,
        fixed,
        assets,
    }
}

/// Renders the whole site.
pub fn render(site: &Site, theme: &Theme, tera: &Tera, diags: &mut Diagnostics) -> Output {
    let plan = crate::timing::phase("render: plan", || plan(site, theme));
    let results: Vec<(String, Result<String, Diagnostic>)> =
        crate::timing::phase("render: tera", || {
            plan.pending
                .into_par_iter()
                .map(|p| {
                    let out = p.render(site, theme, tera);
                    (p.path().to_owned(), out)
                })
                .collect()
        });
    let mut output = Output::default();
    for (path, r) in results {
        match r {
            Ok(text) => output.insert(path, text.into_bytes()),
            Err(d) => diags.push(d),
        }
    }
    output.files.extend(plan.fixed.files);
    for (out, source) in plan.assets {
        output.copy(out, source);
    }
    output
}

/// Converts a tera error chain into one diagnostic.
fn template_error(template: &str, e: &tera::Error) -> Diagnostic {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    let path = if template.is_empty() {
        "templates".to_owned()
    } else {
        format!("templates/{template}")
    };
    Diagnostic::error(path, format!("lỗi mẫu giao diện: {msg}")).hint("sửa mẫu giao diện (tera) theo thông báo, hoặc xoá bản ghi đè trong templates/ để dùng mẫu mặc định")
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
    c.insert("description", description);
    c.insert("home_href", &format!("{root}{}", link(site, "")));
    c.insert(
        "news_href",
        &format!("{root}{}", link(site, &news_path(site))),
    );
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
    c.insert(
        "search_href",
        &format!("{root}{}", link(site, search::SEARCH)),
    );
    let json = if site.posts.is_empty() {
        String::new()
    } else {
        format!("{root}{}feed.json", news_path(site))
    };
    c.insert("feed_json_href", &json);
    let (image, alt) = preview::site_image(site);
    c.insert("og_image", &image);
    c.insert("og_image_alt", &alt);
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
    if let Some(path) = data_pages::menu_target(site) {
        items.push(("Số liệu".to_owned(), path));
    }
    items
}

fn crumbs(site: &Site, page: &Page) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section = page.section.clone();
    while !section.is_empty() {
        if let Some(p) = index(site).sections.get(&section).map(|&i| &site.pages[i]) {
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
/// documents, whose contexts the data pages extend (`data_pages::data_jobs`).
fn page_jobs(site: &Site, theme: &Theme, eager: &mut Vec<Job>, jobs: &mut Vec<Lazy>) {
    let news = news_path(site);
    for (i, page) in site.pages.iter().enumerate() {
        if page.kind == PageKind::Section
            && (page.path == news || data_bulletin::is_paginated(site, &page.path))
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

/// The job of page `i`.
fn page_job(site: &Site, theme: &Theme, i: usize) -> Job {
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
        if page.kind == PageKind::Section {
            c.insert("feeds", &section_feeds::links(site, &page.path, &root));
        }
        let template = match (&page.fm.template, page.kind) {
            (Some(t), _) => t.clone(),
            (None, PageKind::Home) => {
                let latest: Vec<PageRef> = site
                    .posts
                    .iter()
                    .take(6)
                    .map(|&j| page_ref(site, &site.pages[j], &root))
                    .collect();
                let docs_latest: Vec<PageRef> = site
                    .documents
                    .iter()
                    .take(5)
                    .map(|&j| page_ref(site, &site.pages[j], &root))
                    .collect();
                c.insert("latest_posts", &latest);
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
                let pos = index(site).post_pos[i];
                let newer = pos
                    .and_then(|p| p.checked_sub(1))
                    .map(|p| page_ref(site, &site.pages[site.posts[p]], &root));
                let older = pos
                    .and_then(|p| site.posts.get(p + 1))
                    .map(|&j| page_ref(site, &site.pages[j], &root));
                c.insert("newer", &newer);
                c.insert("older", &older);
                "post.html".into()
            }
            (None, PageKind::Document) => "document.html".into(),
            (None, PageKind::Page) => "page.html".into(),
        };
        if page.cover.is_some() {
            let cover = page.cover.as_deref().unwrap_or("");
            let og = if views::is_external(cover) {
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
        "Không tìm thấy trang",
        "",
    );
    c.insert("crumbs", &Vec::<(String, String)>::new());
    Job {
        path: "404.html".into(),
        template: "404.html".into(),
        context: c,
    }
}

fn alias_jobs(site: &Site, theme: &Theme, jobs: &mut Vec<Job>) {
    for page in &site.pages {
        for alias in &page.fm.aliases {
            let a = alias.trim_matches('/');
            if a.is_empty() {
                continue;
            }
            let path = if a.ends_with(".html") {
                a.to_owned()
            } else {
                format!("{a}/index.html")
            };
            let mut c = base_context(site, theme, &path, &site.config.language, &page.title, "");
            let root = root_for(&path);
            c.insert("target", &format!("{root}{}", link(site, &page.path)));
            c.insert(
                "target_abs",
                &format!("{}{}", site.config.base_url, page.path),
            );
            jobs.push(Job {
                path,
                template: "alias.html".into(),
                context: c,
            });
        }
    }
}
