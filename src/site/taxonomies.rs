//! Taxonomies the config declares beyond tags and categories
//! (`[[taxonomies]]`, e.g. a series of posts): each term and its posts,
//! gathered like tags.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Tag, collect_tags};
use crate::config::Config;
use crate::content::Page;

/// One declared taxonomy and its terms (Vietnamese alphabetical order).
#[derive(Debug, Clone)]
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
