//! The site model: published pages indexed for rendering — news posts
//! newest first, tags, monthly archives, documents by number — plus checks
//! that need the whole site (two pages claiming one URL).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::Config;
use crate::content::{Asset, Content, Page};
use crate::diagnostics::{Diagnostic, Diagnostics};

pub mod generated;
pub mod identities;
mod index;
pub mod kept;
pub mod page_index;
pub mod taxonomies;

use index::Index;
pub use kept::SiteMemo;
use page_index::PageIndex;
pub use taxonomies::Taxonomy;

/// The section of the generated weekly bulletins
/// (`render::data::bulletin`): they have their own list and feed and are kept
/// out of the news list, its feeds, the month archives, the home page's
/// latest news and a post's previous/next links.
pub const BULLETIN_SECTION: &str = "ban-tin/";

/// A tag and the posts that carry it (indices into `Site::pages`, newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    pub posts: Vec<usize>,
}

/// Everything the renderer needs, indexed.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub today: Date,
    /// Published pages only (shared: `serve` makes a site that differs by
    /// one page body without copying the others).
    pub pages: Vec<Arc<Page>>,
    pub assets: Vec<Asset>,
    pub home: Option<usize>,
    /// News posts written by people, newest first (no bulletins).
    pub posts: Vec<usize>,
    /// Weekly bulletins (kind `Post` in [`BULLETIN_SECTION`]), newest first.
    pub bulletins: Vec<usize>,
    /// Documents, newest issue date first.
    pub documents: Vec<usize>,
    /// Tags by slug, in Vietnamese alphabetical order of their names.
    pub tags: Vec<Tag>,
    /// Categories (`categories` in front matter), like tags: Vietnamese order.
    pub categories: Vec<Tag>,
    /// Taxonomies the config declares (`[[taxonomies]]`), in its order.
    pub taxonomies: Vec<Taxonomy>,
    /// (year, month) → posts, newest month first.
    pub months: Vec<((i16, i8), Vec<usize>)>,
    /// Document number (as written, trimmed) → page index.
    pub doc_by_number: HashMap<String, usize>,
    /// Section output path → child pages (sorted by weight, date, title).
    pub children: BTreeMap<String, Vec<usize>>,
    /// The data folder's contents and what was computed from them; `None`
    /// when the site has no data files. Shared: a `serve` edit that does not
    /// touch the data keeps the same data set (and its memos).
    pub data: Option<std::sync::Arc<SiteData>>,
    /// Lookups over the pages, built on first use (see [`Site::page_index`]).
    pub page_index: std::sync::OnceLock<Arc<PageIndex>>,
    /// A slot the view fills with its own per-site lookups on first use; the
    /// model does not know their type (imports run model ← view only).
    pub view_cache: std::sync::OnceLock<Arc<dyn std::any::Any + Send + Sync>>,
    /// Page → its other-language versions (original ↔ translations), both ways.
    pub alternates: HashMap<usize, Vec<usize>>,
}

impl Clone for Site {
    /// A copy sharing the pages; the lookups are rebuilt on first use.
    fn clone(&self) -> Site {
        Site {
            config: self.config.clone(),
            today: self.today,
            pages: self.pages.clone(),
            assets: self.assets.clone(),
            home: self.home,
            posts: self.posts.clone(),
            bulletins: self.bulletins.clone(),
            documents: self.documents.clone(),
            tags: self.tags.clone(),
            categories: self.categories.clone(),
            taxonomies: self.taxonomies.clone(),
            months: self.months.clone(),
            doc_by_number: self.doc_by_number.clone(),
            children: self.children.clone(),
            alternates: self.alternates.clone(),
            data: self.data.clone(),
            page_index: std::sync::OnceLock::new(),
            view_cache: std::sync::OnceLock::new(),
        }
    }
}

impl Site {
    /// A copy sharing the pages and the lookups already built, for a site
    /// that will differ from this one only in page bodies (`serve`'s
    /// body-only edits): no lookup reads a body.
    pub fn clone_for_body_edit(&self) -> Site {
        let site = self.clone();
        if let Some(index) = self.page_index.get() {
            let _ = site.page_index.set(Arc::clone(index));
        }
        if let Some(views) = self.view_cache.get() {
            let _ = site.view_cache.set(Arc::clone(views));
        }
        site
    }
}

/// The validated data set and its computed progress and totals.
#[derive(Debug, Clone)]
pub struct SiteData {
    pub set: crate::data::DataSet,
    pub computed: crate::data::Computed,
    /// Unit lookups for the pages, built on first use (see
    /// `identities::find_unit`).
    pub unit_lookup: std::sync::OnceLock<identities::UnitLookup>,
    /// The pillars with a page, computed on first use.
    pub pillar_list: std::sync::OnceLock<Vec<identities::PillarEntry>>,
    /// The charts' wording in the site's language, set once by the renderer
    /// from the theme's strings (see [`SiteData::chart_words`]).
    pub chart_words: std::sync::OnceLock<std::sync::Arc<crate::charts::Words>>,
    /// Indices of each target's results in `set.results` (file order),
    /// built on first use (see [`SiteData::results_of`]).
    pub results_by_target: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>>,
}

impl SiteData {
    pub fn new(set: crate::data::DataSet, computed: crate::data::Computed) -> SiteData {
        SiteData {
            set,
            computed,
            unit_lookup: std::sync::OnceLock::new(),
            pillar_list: std::sync::OnceLock::new(),
            chart_words: std::sync::OnceLock::new(),
            results_by_target: std::sync::OnceLock::new(),
        }
    }

    /// Indices in `set.results` of the results of target `id`, in file
    /// order: one pass over the results for the whole site, not one per
    /// target page and chart.
    pub fn results_of(&self, id: &str) -> &[usize] {
        self.results_by_target
            .get_or_init(|| {
                let mut by: std::collections::HashMap<String, Vec<usize>> =
                    std::collections::HashMap::new();
                for (j, r) in self.set.results.iter().enumerate() {
                    match by.get_mut(r.target_id.as_str()) {
                        Some(v) => v.push(j),
                        None => {
                            by.insert(r.target_id.clone(), vec![j]);
                        }
                    }
                }
                by
            })
            .get(id)
            .map_or(&[], Vec::as_slice)
    }

    /// The charts' wording: the theme's strings for the site's language
    /// once the renderer has set them, Vietnamese until then.
    pub fn chart_words(&self) -> std::sync::Arc<crate::charts::Words> {
        self.chart_words
            .get()
            .cloned()
            .unwrap_or_else(crate::charts::Words::vietnamese)
    }
}

impl Site {
    /// Indexes the published pages. (Address clashes are checked on every
    /// output path at render time: `render::engine::addresses`.)
    pub fn new(config: Config, today: Date, content: Content) -> Site {
        Site::new_kept(config, today, content, None)
    }

    /// [`Site::new`], taking the index of the last site from `memo` (kept
    /// by `serve`) when no page's place in it changed: a data edit
    /// changes the bodies of a few generated pages, not their order.
    pub fn new_kept(
        config: Config,
        today: Date,
        content: Content,
        memo: Option<&mut SiteMemo>,
    ) -> Site {
        let pages: Vec<Arc<Page>> = content.pages.into_iter().filter(|p| p.published).collect();
        let mut memo = memo;
        let kept = memo.as_deref_mut().and_then(|m| m.take(&config, &pages));
        let (index, lookups) = match kept {
            Some((index, lookups)) => (index, Some(lookups)),
            None => (Index::new(&config, &pages), None),
        };
        let Index {
            home,
            posts,
            bulletins,
            documents,
            tags,
            categories,
            taxonomies,
            months,
            doc_by_number,
            children,
            alternates,
        } = index;
        let site = Site {
            config,
            today,
            pages,
            assets: content.assets,
            home,
            posts,
            bulletins,
            documents,
            tags,
            categories,
            taxonomies,
            months,
            doc_by_number,
            children,
            alternates,
            data: None,
            page_index: std::sync::OnceLock::new(),
            view_cache: std::sync::OnceLock::new(),
        };
        if let Some(lookups) = lookups {
            let _ = site.page_index.set(lookups);
        }
        if let Some(m) = memo {
            m.keep(&site);
        }
        site
    }

    /// A document without a number or an issue date is listed by its title;
    /// one without any date (`issued` or `date`) is also left out of the feeds
    /// and sorted last. Says so, naming what is missing (`minhbach check`).
    pub fn warn_incomplete_documents(&self, diags: &mut Diagnostics) {
        for &i in &self.documents {
            let p = &self.pages[i];
            let no_number = p.fm.number.as_deref().is_none_or(|n| n.trim().is_empty());
            let no_date = p.fm.issued.is_none() && p.date.is_none();
            let missing = match (no_number, p.fm.issued.is_none()) {
                (true, true) => "số hiệu (number) và ngày ban hành (issued)",
                (true, false) => "số hiệu (number)",
                (false, true) => "ngày ban hành (issued)",
                (false, false) => continue,
            };
            let mut effect = Vec::new();
            if no_number {
                effect.push("danh sách văn bản ghi tên văn bản thay cho số hiệu");
            }
            if no_date {
                effect.push("văn bản đứng cuối danh sách và không có trong nguồn tin RSS/Atom");
            }
            let effect = if effect.is_empty() {
                String::new()
            } else {
                format!(": {}", effect.join("; "))
            };
            diags.push(
                Diagnostic::warning(&p.display, format!("văn bản thiếu {missing}{effect}")).hint(
                    "thêm vào phần đầu tệp, ví dụ: number = \"12/KH-UBND\" và issued = 2025-11-14 (văn bản chưa có số thì ghi date = ngày đăng)",
                ),
            );
        }
    }

    /// Whether the generated weekly bulletins have their own paginated list
    /// at [`BULLETIN_SECTION`] (a site with data, bulletins on, and some made).
    pub fn bulletins_listed(&self) -> bool {
        self.data.is_some() && self.config.bulletin.enabled && !self.bulletins.is_empty()
    }

    /// The page lookups (sections, post positions, tags by name), built on
    /// first use.
    pub fn page_index(&self) -> &PageIndex {
        self.page_index
            .get_or_init(|| Arc::new(PageIndex::new(self)))
    }

    /// Output folder of the news section (`tin-tuc/`).
    pub fn news_path(&self) -> String {
        format!("{}/", self.config.sections.news.trim_matches('/'))
    }

    /// The document page with this number, if the site has it.
    pub fn document(&self, number: &str) -> Option<&Page> {
        self.doc_by_number
            .get(&normalize_number(number))
            .map(|&i| &*self.pages[i])
    }
}

/// Document numbers compare without spaces and case: `1126/KH-UBND`.
pub fn normalize_number(n: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    n.nfc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}
