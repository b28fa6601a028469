//! Paginated news lists: the news section, each tag and each month, plus
//! the tag index and the archive index. Each list page only holds its own
//! slice of posts (no quadratic copying of a tag's posts into every page).

use serde::Serialize;

use super::theme::Theme;
use super::views::{self, PageRef, link, news_path, page_ref, root_for, tag_path};
use super::{Job, base_context};
use crate::content::PageKind;
use crate::content::markdown::place;
use crate::site::Site;
use crate::text::dates;

#[derive(Serialize)]
struct PagerLink {
    number: usize,
    href: String,
    current: bool,
}

#[derive(Serialize, Default)]
struct Paginator {
    current: usize,
    total: usize,
    prev: String,
    next: String,
    pages: Vec<PagerLink>,
}

/// Paginated lists: the news section, each tag and each month, plus the
/// tag index and the archive index.
pub(super) fn list_jobs(site: &Site, theme: &Theme, jobs: &mut Vec<Job>) {
    if site.posts.is_empty() && !site.pages.iter().any(|p| p.path == news_path(site)) {
        return;
    }
    let news = news_path(site);
    let section = site
        .pages
        .iter()
        .find(|p| p.path == news && p.kind == PageKind::Section);
    let title = section.map_or("Tin tức".to_owned(), |p| p.title.clone());
    let per_page = section
        .and_then(|p| p.fm.paginate_by)
        .unwrap_or(site.config.paginate_by);
    let intro = section.map(|p| p.body.html.clone()).unwrap_or_default();
    let feed = format!("{news}atom.xml");
    paginate(
        site,
        theme,
        jobs,
        &news,
        &title,
        &intro,
        &site.posts,
        per_page,
        &feed,
        "news",
    );

    for tag in &site.tags {
        let path = tag_path(site, &tag.slug);
        let title = format!(
            "{}: {}",
            theme
                .strings_for(&site.config.language)
                .get("tag")
                .map_or("Chủ đề", String::as_str),
            tag.name
        );
        paginate(
            site,
            theme,
            jobs,
            &path,
            &title,
            "",
            &tag.posts,
            per_page,
            &format!("{path}atom.xml"),
            "tag",
        );
    }
    for ((y, m), posts) in &site.months {
        let path = format!("{news}thang/{y:04}-{m:02}/");
        let title = format!("Tin tức {}", dates::month_label(*y, *m));
        paginate(
            site, theme, jobs, &path, &title, "", posts, per_page, &feed, "month",
        );
    }
    // Tag index.
    let path = format!("{news}the/");
    let root = root_for(&path);
    let mut c = base_context(site, theme, &path, &site.config.language, "Chủ đề", "");
    let tags: Vec<views::TagRef> = site
        .tags
        .iter()
        .map(|t| views::TagRef {
            name: t.name.clone(),
            href: link(site, &tag_path(site, &t.slug)),
            count: t.posts.len(),
        })
        .collect();
    c.insert("tags", &tags);
    c.insert("crumbs", &vec![(title.clone(), link(site, &news))]);
    let _ = root;
    jobs.push(Job {
        path: format!("{path}index.html"),
        template: "tags.html".into(),
        context: c,
    });
    // Archive index.
    let path = format!("{news}luu-tru/");
    let mut c = base_context(
        site,
        theme,
        &path,
        &site.config.language,
        "Lưu trữ tin tức",
        "",
    );
    #[derive(Serialize)]
    struct MonthView {
        label: String,
        href: String,
        count: usize,
    }
    let months: Vec<MonthView> = site
        .months
        .iter()
        .map(|((y, m), posts)| MonthView {
            label: dates::month_label(*y, *m),
            href: link(site, &format!("{news}thang/{y:04}-{m:02}/")),
            count: posts.len(),
        })
        .collect();
    c.insert("months", &months);
    c.insert("crumbs", &vec![(title, link(site, &news))]);
    jobs.push(Job {
        path: format!("{path}index.html"),
        template: "archive.html".into(),
        context: c,
    });
}

#[allow(clippy::too_many_arguments)]
pub(super) fn paginate(
    site: &Site,
    theme: &Theme,
    jobs: &mut Vec<Job>,
    base: &str,
    title: &str,
    intro: &str,
    items: &[usize],
    per_page: usize,
    feed: &str,
    kind: &str,
) {
    let total = items.len().div_ceil(per_page).max(1);
    let page_path = |n: usize| {
        if n == 1 {
            base.to_owned()
        } else {
            format!("{base}trang/{n}/")
        }
    };
    let news = news_path(site);
    for n in 1..=total {
        let path = page_path(n);
        let root = root_for(&path);
        let shown_title = if n == 1 {
            title.to_owned()
        } else {
            format!("{title} – trang {n}")
        };
        let mut c = base_context(site, theme, &path, &site.config.language, &shown_title, "");
        let chunk = &items[(n - 1) * per_page..(n * per_page).min(items.len())];
        let posts: Vec<PageRef> = chunk
            .iter()
            .map(|&i| page_ref(site, &site.pages[i], &root))
            .collect();
        let href = |k: usize| format!("{root}{}", link(site, &page_path(k)));
        let pager = Paginator {
            current: n,
            total,
            prev: if n > 1 { href(n - 1) } else { String::new() },
            next: if n < total {
                href(n + 1)
            } else {
                String::new()
            },
            pages: (1..=total)
                .map(|k| PagerLink {
                    number: k,
                    href: href(k),
                    current: k == n,
                })
                .collect(),
        };
        c.insert("list_title", title);
        c.insert("list_kind", kind);
        c.insert(
            "intro",
            &if n == 1 {
                place(intro, &root)
            } else {
                String::new()
            },
        );
        c.insert("posts", &posts);
        c.insert("paginator", &pager);
        // No posts, no feed file: link it only when it exists.
        let feed_link = if items.is_empty() {
            String::new()
        } else {
            format!("{root}{feed}")
        };
        let feeds: Vec<(String, String)> = if items.is_empty() {
            Vec::new()
        } else {
            vec![(title.to_owned(), feed_link.clone())]
        };
        c.insert("feeds", &feeds);
        c.insert("list_feed", &feed_link);
        let crumbs: Vec<(String, String)> = if base == news {
            Vec::new()
        } else {
            vec![(
                site.pages
                    .iter()
                    .find(|p| p.path == news)
                    .map_or("Tin tức".to_owned(), |p| p.title.clone()),
                link(site, &news),
            )]
        };
        c.insert("crumbs", &crumbs);
        c.insert(
            "tags_href",
            &format!("{root}{}", link(site, &format!("{news}the/"))),
        );
        c.insert(
            "archive_href",
            &format!("{root}{}", link(site, &format!("{news}luu-tru/"))),
        );
        jobs.push(Job {
            path: format!("{path}index.html"),
            template: "list.html".into(),
            context: c,
        });
    }
}
