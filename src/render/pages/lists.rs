//! Paginated news lists: the news section, each tag and each month, plus
//! the tag index and the archive index. Each list page only holds its own
//! slice of posts (no quadratic copying of a tag's posts into every page).

use crate::render::engine::i18n::Tr;
use serde::Serialize;

use crate::content::PageKind;
use crate::content::markdown::place;
use crate::render::engine::context::entries;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{
    self, category_path, link, news_path, root_for, tag_path, taxonomy_index_path,
    taxonomy_term_path,
};
use crate::site::Site;
use {
    crate::render::engine::context::base_context,
    crate::render::engine::jobs::{Job, Lazy},
};

#[derive(Serialize)]
struct PagerLink {
    number: usize,
    href: String,
    current: bool,
    /// Stands for the pages left out between two links ("…").
    gap: bool,
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
pub(crate) fn list_jobs(site: &Site, theme: &Theme, eager: &mut Vec<Job>, jobs: &mut Vec<Lazy>) {
    let tr = Tr::new(theme, &site.config.language);
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
        jobs,
        &news,
        &title,
        &intro,
        ListItems::News,
        per_page,
        &feed,
        "news",
    );

    for (k, tag) in site.tags.iter().enumerate() {
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
            jobs,
            &path,
            &title,
            "",
            ListItems::Tag(k),
            per_page,
            &format!("{path}atom.xml"),
            "tag",
        );
    }
    let category_label = theme
        .strings_for(&site.config.language)
        .get("category")
        .map_or("Chuyên mục", String::as_str)
        .to_owned();
    for (k, cat) in site.categories.iter().enumerate() {
        let path = category_path(site, &cat.slug);
        paginate(
            site,
            jobs,
            &path,
            &format!("{category_label}: {}", cat.name),
            "",
            ListItems::Category(k),
            per_page,
            &format!("{path}atom.xml"),
            "category",
        );
    }
    if !site.categories.is_empty() {
        eager.push(term_index(
            site,
            theme,
            &format!("{news}chuyen-muc/"),
            &category_label,
            &site.categories,
            &|slug| category_path(site, slug),
            (&title, &news),
        ));
    }
    // Taxonomies the config declares: like categories.
    for (t, tax) in site.taxonomies.iter().enumerate() {
        for (k, term) in tax.terms.iter().enumerate() {
            let path = taxonomy_term_path(site, &tax.segment, &term.slug);
            paginate(
                site,
                jobs,
                &path,
                &format!("{}: {}", tax.title, term.name),
                "",
                ListItems::Taxonomy(t, k),
                per_page,
                &format!("{path}atom.xml"),
                "category",
            );
        }
        if !tax.terms.is_empty() {
            eager.push(term_index(
                site,
                theme,
                &taxonomy_index_path(site, &tax.segment),
                &tax.title,
                &tax.terms,
                &|slug| taxonomy_term_path(site, &tax.segment, slug),
                (&title, &news),
            ));
        }
    }
    for (k, ((y, m), _)) in site.months.iter().enumerate() {
        let path = format!("{news}thang/{y:04}-{m:02}/");
        let title = tr.fmt("news_month", &[("month", &month_label(tr, *y, *m))]);
        paginate(
            site,
            jobs,
            &path,
            &title,
            "",
            ListItems::Month(k),
            per_page,
            &feed,
            "month",
        );
    }
    // Tag index.
    let path = format!("{news}the/");
    let root = root_for(&path);
    let mut c = base_context(
        site,
        theme,
        &path,
        &site.config.language,
        &tr.get("tags"),
        "",
    );
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
    eager.push(Job {
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
        &tr.get("news_archive"),
        "",
    );
    #[derive(Serialize)]
    struct MonthView {
        label: String,
        href: String,
        count: usize,
        /// "3 bài" / "1 post" (key `archive_posts`).
        count_text: String,
    }
    let months: Vec<MonthView> = site
        .months
        .iter()
        .map(|((y, m), posts)| MonthView {
            label: month_label(tr, *y, *m),
            href: link(site, &format!("{news}thang/{y:04}-{m:02}/")),
            count: posts.len(),
            count_text: tr.fmt("archive_posts", &[("n", &posts.len().to_string())]),
        })
        .collect();
    c.insert("months", &months);
    c.insert("crumbs", &vec![(title, link(site, &news))]);
    eager.push(Job {
        path: format!("{path}index.html"),
        template: "archive.html".into(),
        context: c,
    });
}

/// The index of a taxonomy's terms (categories, a declared taxonomy): each
/// term linked with its number of posts, under the news section's crumb.
/// "tháng 11/2025" / "11/2025": a month in the page's language.
fn month_label(tr: Tr, year: i16, month: i8) -> String {
    tr.fmt(
        "month_label",
        &[("year", &year.to_string()), ("month", &month.to_string())],
    )
}

fn term_index(
    site: &Site,
    theme: &Theme,
    path: &str,
    label: &str,
    terms: &[crate::site::Tag],
    term_path: &dyn Fn(&str) -> String,
    (news_title, news): (&str, &str),
) -> Job {
    let mut c = base_context(site, theme, path, &site.config.language, label, "");
    let refs: Vec<views::TagRef> = terms
        .iter()
        .map(|t| views::TagRef {
            name: t.name.clone(),
            href: link(site, &term_path(&t.slug)),
            count: t.posts.len(),
        })
        .collect();
    c.insert("tags", &refs);
    c.insert("heading", label);
    c.insert("crumbs", &vec![(news_title.to_owned(), link(site, news))]);
    Job {
        path: format!("{path}index.html"),
        template: "tags.html".into(),
        context: c,
    }
}

/// One paginated list (news, a tag, a month); its pages are rendered by
/// [`list_page`], each as its own deferred job.
struct ListSpec {
    base: String,
    title: String,
    intro: String,
    items: ListItems,
    per_page: usize,
    feed: String,
    kind: &'static str,
}

/// Which posts a list shows (resolved against the site when rendered).
#[derive(Clone)]
pub(crate) enum ListItems {
    News,
    Tag(usize),
    Category(usize),
    /// (declared taxonomy, term).
    Taxonomy(usize, usize),
    Month(usize),
    /// Indices into `site.pages` chosen by the caller (the bulletin list).
    Fixed(std::sync::Arc<Vec<usize>>),
}

impl ListItems {
    fn of<'a>(&'a self, site: &'a Site) -> &'a [usize] {
        match self {
            ListItems::News => &site.posts,
            ListItems::Tag(k) => &site.tags[*k].posts,
            ListItems::Category(k) => &site.categories[*k].posts,
            ListItems::Taxonomy(t, k) => &site.taxonomies[*t].terms[*k].posts,
            ListItems::Month(k) => &site.months[*k].1,
            ListItems::Fixed(items) => items,
        }
    }
}

impl ListSpec {
    fn page_path(&self, n: usize) -> String {
        if n == 1 {
            self.base.clone()
        } else {
            format!("{}trang/{n}/", self.base)
        }
    }
}

/// Pages shown in the pager around the current one; `None` marks a gap.
/// Every page up to [`PAGER_ALL`] pages; beyond that the first, the last
/// and two on each side of the current one, so a list of 1,000 pages does
/// not carry 1,000 links on each of its pages (quadratic output).
fn pager_window(current: usize, total: usize) -> Vec<Option<usize>> {
    if total <= PAGER_ALL {
        return (1..=total).map(Some).collect();
    }
    let lo = current.saturating_sub(2).max(1);
    let hi = (current + 2).min(total);
    let mut out = Vec::new();
    if lo > 1 {
        out.push(Some(1));
        if lo > 2 {
            out.push(None);
        }
    }
    out.extend((lo..=hi).map(Some));
    if hi < total {
        if hi + 1 < total {
            out.push(None);
        }
        out.push(Some(total));
    }
    out
}

/// Lists of at most this many pages link every page.
const PAGER_ALL: usize = 9;

#[allow(clippy::too_many_arguments)]
pub(crate) fn paginate(
    site: &Site,
    jobs: &mut Vec<Lazy>,
    base: &str,
    title: &str,
    intro: &str,
    items: ListItems,
    per_page: usize,
    feed: &str,
    kind: &'static str,
) {
    let total = items.of(site).len().div_ceil(per_page).max(1);
    let spec = std::sync::Arc::new(ListSpec {
        base: base.to_owned(),
        title: title.to_owned(),
        intro: intro.to_owned(),
        items,
        per_page,
        feed: feed.to_owned(),
        kind,
    });
    for n in 1..=total {
        let spec = std::sync::Arc::clone(&spec);
        jobs.push(Lazy {
            path: format!("{}index.html", spec.page_path(n)),
            make: Box::new(move |site, theme| list_page(site, theme, &spec, n, total)),
        });
    }
}

fn list_page(site: &Site, theme: &Theme, spec: &ListSpec, n: usize, total: usize) -> Job {
    let (title, per_page, feed) = (&spec.title, spec.per_page, &spec.feed);
    let items = spec.items.of(site);
    let news = news_path(site);
    {
        let path = spec.page_path(n);
        let root = root_for(&path);
        let shown_title = if n == 1 {
            title.to_owned()
        } else {
            format!("{title} – trang {n}")
        };
        let tr = crate::render::engine::i18n::Tr::new(theme, &site.config.language);
        let description = if spec.kind == "bulletins" {
            tr.get("bulletins_intro")
        } else {
            tr.fmt(
                "list_description",
                &[("title", &shown_title), ("site", &site.config.title)],
            )
        };
        let mut c = base_context(
            site,
            theme,
            &path,
            &site.config.language,
            &shown_title,
            &description,
        );
        if spec.kind == "news" && n == 1 {
            // The news list is the news section's page: its English version.
            let section = site
                .pages
                .iter()
                .position(|p| p.path == news && p.kind == PageKind::Section);
            if let Some(i) = section {
                c.insert("translations", &super::translations::versions(site, i));
            }
        }
        let chunk = &items[(n - 1) * per_page..(n * per_page).min(items.len())];
        let posts = entries(site, chunk, &root);
        let href = |k: usize| format!("{root}{}", link(site, &spec.page_path(k)));
        let pager = Paginator {
            current: n,
            total,
            prev: if n > 1 { href(n - 1) } else { String::new() },
            next: if n < total {
                href(n + 1)
            } else {
                String::new()
            },
            pages: pager_window(n, total)
                .into_iter()
                .map(|k| match k {
                    Some(k) => PagerLink {
                        number: k,
                        href: href(k),
                        current: k == n,
                        gap: false,
                    },
                    None => PagerLink {
                        number: 0,
                        href: String::new(),
                        current: false,
                        gap: true,
                    },
                })
                .collect(),
        };
        c.insert("list_title", title);
        c.insert("list_kind", spec.kind);
        c.insert(
            "intro",
            &if n == 1 {
                place(&spec.intro, &root)
            } else {
                String::new()
            },
        );
        c.insert_value("posts", posts);
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
        let crumbs: Vec<(String, String)> = if spec.base == news {
            Vec::new()
        } else {
            vec![(
                site.page_index()
                    .news_title
                    .clone()
                    .unwrap_or_else(|| "Tin tức".to_owned()),
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
        Job {
            path: format!("{path}index.html"),
            template: "list.html".into(),
            context: c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pager_window;

    #[test]
    fn pager_windows() {
        let w = |c, t| {
            pager_window(c, t)
                .into_iter()
                .map(|k| k.map_or("…".to_owned(), |k: usize| k.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(w(3, 3), "1 2 3");
        assert_eq!(w(1, 9), "1 2 3 4 5 6 7 8 9");
        assert_eq!(w(1, 100), "1 2 3 … 100");
        assert_eq!(w(4, 100), "1 2 3 4 5 6 … 100");
        assert_eq!(w(50, 100), "1 … 48 49 50 51 52 … 100");
        assert_eq!(w(97, 100), "1 … 95 96 97 98 99 100");
        assert_eq!(w(100, 100), "1 … 98 99 100");
    }
}
