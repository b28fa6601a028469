//! The site's index over its published pages: news posts and bulletins
//! newest first, documents, tags, categories, taxonomies, months, sections'
//! children, documents by number and translations. It reads only where
//! each page belongs ([`same_place`] lists those fields), never a body,
//! so `serve` keeps it across edits that change bodies only
//! ([`super::kept`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::taxonomies::{self, collect_tags};
use super::{BULLETIN_SECTION, Tag, normalize_number};
use crate::config::Config;
use crate::content::{Page, PageKind};
use crate::text::collate::sort_key;

/// See the module docs; the fields are [`super::Site`]'s of the same name.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Index {
    pub home: Option<usize>,
    pub posts: Vec<usize>,
    pub bulletins: Vec<usize>,
    pub documents: Vec<usize>,
    pub tags: Vec<Tag>,
    pub categories: Vec<Tag>,
    pub taxonomies: Vec<taxonomies::Taxonomy>,
    pub months: Vec<((i16, i8), Vec<usize>)>,
    pub doc_by_number: HashMap<String, usize>,
    pub children: BTreeMap<String, Vec<usize>>,
    pub alternates: HashMap<usize, Vec<usize>>,
}

/// Whether two versions of a published page take the same place in the
/// index: every field [`Index::new`] and the page lookups
/// ([`super::page_index::PageIndex`]) read, with the configuration's
/// taxonomies. Anything read there must be compared here.
pub(super) fn same_place(a: &Page, b: &Page, config: &Config) -> bool {
    std::ptr::eq(a, b)
        || (a.kind == b.kind
            && a.published == b.published
            && a.rel == b.rel
            && a.path == b.path
            && a.section == b.section
            && a.title == b.title
            && a.date == b.date
            && a.translation_of == b.translation_of
            && a.fm.issued == b.fm.issued
            && a.fm.number == b.fm.number
            && a.fm.weight == b.fm.weight
            && a.fm.tags == b.fm.tags
            && a.fm.categories == b.fm.categories
            && config
                .taxonomies
                .iter()
                .all(|t| a.fm.terms(&t.name) == b.fm.terms(&t.name)))
}

impl Index {
    /// Indexes `pages` (published pages only).
    pub(super) fn new(config: &Config, pages: &[Arc<Page>]) -> Index {
        let home = pages.iter().position(|p| p.kind == PageKind::Home);
        // Translations are listed on their own language's side only.
        let original = |i: usize| pages[i].translation_of.is_none();
        let (mut bulletins, mut posts): (Vec<usize>, Vec<usize>) = (0..pages.len())
            .filter(|&i| pages[i].kind == PageKind::Post && original(i))
            .partition(|&i| pages[i].section == BULLETIN_SECTION);
        for list in [&mut posts, &mut bulletins] {
            list.sort_by(|&a, &b| {
                let (pa, pb) = (&pages[a], &pages[b]);
                pb.date.cmp(&pa.date).then_with(|| pa.path.cmp(&pb.path))
            });
        }
        let mut documents: Vec<usize> = (0..pages.len())
            .filter(|&i| pages[i].kind == PageKind::Document && original(i))
            .collect();
        let alternates = pair_translations(pages);
        documents.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            pb.fm
                .issued
                .or(pb.date_value())
                .cmp(&pa.fm.issued.or(pa.date_value()))
                .then_with(|| pa.path.cmp(&pb.path))
        });
        let mut doc_by_number = HashMap::new();
        for &i in &documents {
            if let Some(n) = &pages[i].fm.number {
                doc_by_number.insert(normalize_number(n), i);
            }
        }
        let tags = collect_tags(&posts, |i| &pages[i].fm.tags);
        let categories = collect_tags(&posts, |i| &pages[i].fm.categories);
        let taxonomies = taxonomies::collect(config, pages, &posts);
        let mut month_map: BTreeMap<(i16, i8), Vec<usize>> = BTreeMap::new();
        for &i in &posts {
            if let Some(d) = pages[i].date_value() {
                month_map.entry((d.year(), d.month())).or_default().push(i);
            }
        }
        let months = month_map.into_iter().rev().collect();
        let mut children: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in pages.iter().enumerate() {
            if p.kind != PageKind::Home {
                children.entry(p.section.clone()).or_default().push(i);
            }
        }
        // Titles break ties (posts of the same day): their collation keys
        // are computed once each, when first needed, not twice per comparison.
        let mut title_keys: Vec<Option<Vec<u32>>> = vec![None; pages.len()];
        for list in children.values_mut() {
            list.sort_by(|&a, &b| {
                let (pa, pb) = (&pages[a], &pages[b]);
                pa.fm
                    .weight
                    .unwrap_or(i64::MAX)
                    .cmp(&pb.fm.weight.unwrap_or(i64::MAX))
                    .then_with(|| pb.date.cmp(&pa.date))
                    .then_with(|| {
                        // Same order as `vi_cmp`: key, then bytes.
                        for i in [a, b] {
                            if title_keys[i].is_none() {
                                title_keys[i] = Some(sort_key(&pages[i].title));
                            }
                        }
                        title_keys[a]
                            .cmp(&title_keys[b])
                            .then_with(|| pa.title.cmp(&pb.title))
                    })
            });
        }
        Index {
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
        }
    }

    /// The index a site holds (a copy, to keep).
    pub(super) fn of(site: &super::Site) -> Index {
        Index {
            home: site.home,
            posts: site.posts.clone(),
            bulletins: site.bulletins.clone(),
            documents: site.documents.clone(),
            tags: site.tags.clone(),
            categories: site.categories.clone(),
            taxonomies: site.taxonomies.clone(),
            months: site.months.clone(),
            doc_by_number: site.doc_by_number.clone(),
            children: site.children.clone(),
            alternates: site.alternates.clone(),
        }
    }
}

/// Links every published translation with its published original.
fn pair_translations(pages: &[Arc<Page>]) -> HashMap<usize, Vec<usize>> {
    let by_rel: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.translation_of.is_none())
        .map(|(i, p)| (p.rel.as_str(), i))
        .collect();
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        if let Some(&j) = p.translation_of.as_deref().and_then(|o| by_rel.get(o)) {
            out.entry(i).or_default().push(j);
            out.entry(j).or_default().push(i);
        }
    }
    for list in out.values_mut() {
        list.sort_unstable();
    }
    out
}
