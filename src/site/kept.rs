//! What `serve` keeps of the last site model: the index over its pages
//! ([`super::index::Index`]) and the page lookups
//! ([`super::page_index::PageIndex`]), reused when every published page
//! takes the same place as in the last build — the usual data edit, which
//! makes again a few bulletins and reports with new bodies but the same
//! titles, dates and addresses (decision 0043).

use std::sync::Arc;

use super::Site;
use super::index::{Index, same_place};
use super::page_index::PageIndex;
use crate::config::Config;
use crate::content::Page;

/// See the module docs. Empty by default; `build` never uses one.
#[derive(Default)]
pub struct SiteMemo {
    last: Option<Last>,
    /// How many builds took the last index.
    reused: usize,
}

/// The last site's inputs to its index and what was made of them. The
/// pages are the very `Arc`s the current site holds, not a copy.
struct Last {
    config: Config,
    pages: Vec<Arc<Page>>,
    index: Index,
    lookups: Arc<PageIndex>,
}

impl SiteMemo {
    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = SiteMemo::default();
    }

    /// How many builds took the index of the build before.
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// The last index and lookups, when `pages` (published) take the same
    /// places as the last build's under the same configuration.
    pub(super) fn take(
        &mut self,
        config: &Config,
        pages: &[Arc<Page>],
    ) -> Option<(Index, Arc<PageIndex>)> {
        let last = self.last.take()?;
        let same = last.config == *config
            && last.pages.len() == pages.len()
            && last
                .pages
                .iter()
                .zip(pages)
                .all(|(a, b)| same_place(a, b, config));
        if !same {
            return None;
        }
        debug_assert!(
            last.index == Index::new(config, pages),
            "a kept site index differs from the one its pages make"
        );
        self.reused += 1;
        Some((last.index, last.lookups))
    }

    /// Keeps what `site` was indexed from, and its lookups (built now:
    /// every plan reads them).
    pub(super) fn keep(&mut self, site: &Site) {
        let lookups = site
            .page_index
            .get_or_init(|| Arc::new(PageIndex::new(site)));
        self.last = Some(Last {
            config: site.config.clone(),
            pages: site.pages.clone(),
            index: Index::of(site),
            lookups: Arc::clone(lookups),
        });
    }
}
