//! Taxonomies the config declares beyond tags and categories
//! (`[[taxonomies]]`, e.g. a series of posts): each term and its posts,
//! gathered like tags (and the gathering itself, shared with tags and
//! categories).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::Tag;
use crate::config::Config;
use crate::content::Page;
use crate::text::{slugify, vi_cmp};

/// One declared taxonomy and its terms (Vietnamese alphabetical order).
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    /// The front-matter key (`series`).
    pub name: String,
    /// The heading shown on pages ("Loạt bài").
    pub title: String,
    /// The address segment under the news section (`loat-bai`).
    pub segment: String,
    pub terms: Vec<Tag>,
}

/// Every declared taxonomy with the posts (newest first) of each term.
pub(super) fn collect(config: &Config, pages: &[Arc<Page>], posts: &[usize]) -> Vec<Taxonomy> {
    config
        .taxonomies
        .iter()
        .map(|t| {
            let lists: HashMap<usize, Vec<String>> = posts
                .iter()
                .map(|&i| (i, pages[i].fm.terms(&t.name)))
                .filter(|(_, terms)| !terms.is_empty())
                .collect();
            let terms = collect_tags(posts, |i| lists.get(&i).map_or(&[][..], Vec::as_slice));
            Taxonomy {
                name: t.name.clone(),
                title: t.label().to_owned(),
                segment: t.segment(),
                terms,
            }
        })
        .collect()
}

/// The terms `terms` gives the posts (newest first), each with its posts,
/// in Vietnamese alphabetical order: tags, categories and taxonomies alike.
pub(super) fn collect_tags<'a>(posts: &[usize], terms: impl Fn(usize) -> &'a [String]) -> Vec<Tag> {
    let mut by_slug: BTreeMap<String, Tag> = BTreeMap::new();
    // A site has few distinct tag names and many uses of each.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for &i in posts {
        for name in terms(i) {
            let slug = slugs
                .entry(name.as_str())
                .or_insert_with(|| slugify(name))
                .clone();
            if slug.is_empty() {
                continue;
            }
            let tag = by_slug.entry(slug.clone()).or_insert_with(|| Tag {
                name: name.trim().to_owned(),
                slug,
                posts: Vec::new(),
            });
            // Posts come in order, so a repeated tag repeats the last index.
            if tag.posts.last() != Some(&i) {
                tag.posts.push(i);
            }
        }
    }
    let mut tags: Vec<Tag> = by_slug.into_values().collect();
    tags.sort_by(|a, b| vi_cmp(&a.name, &b.name));
    tags
}
