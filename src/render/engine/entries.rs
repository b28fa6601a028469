//! A page's list entry (`PageRef`, already converted to a template value)
//! built once per page and link depth, and shared by every page that lists
//! it: the news list, its tags', categories' and month's lists, the
//! previous/next links of its neighbours, the home page. Without this a
//! post's entry was rebuilt and re-serialized for each of those pages
//! (decision 0036).
//!
//! The value is exactly what `Context::insert(&page_ref(…))` stores, so a
//! theme's templates see the same variables. Only the summary's links and
//! a site-file cover depend on where the list is (`root`); an entry without
//! either is built once for every depth.
//!
//! The memo lives in [`super::index::RenderIndex`], which `serve` keeps
//! across body-only edits (`Site::clone_for_body_edit`); an edit replaces
//! the page's `Arc`, so each entry remembers which page it was built from
//! (a `Weak`, which also keeps the address from being reused) and is
//! rebuilt when the site holds another one.

use std::sync::{Arc, Mutex, Weak};

use crate::content::Page;
use crate::content::markdown::ROOT_MARKER;
use crate::site::Site;

use super::views::{is_external, page_ref};

/// One page's entries.
#[derive(Debug)]
struct Entry {
    page: Weak<Page>,
    /// The entry for every root, when it does not depend on the root.
    any_root: Option<tera::Value>,
    /// (root, entry) otherwise: one per link depth seen.
    by_root: Vec<(String, tera::Value)>,
}

/// See the module docs: one slot per page of the site.
#[derive(Debug, Default)]
pub struct EntryMemo {
    slots: Vec<Mutex<Option<Entry>>>,
}

impl EntryMemo {
    pub(crate) fn new(pages: usize) -> EntryMemo {
        EntryMemo {
            slots: (0..pages).map(|_| Mutex::new(None)).collect(),
        }
    }

    /// Page `i`'s list entry for a page whose root is `root` (`../../`).
    pub(crate) fn get(&self, site: &Site, i: usize, root: &str) -> tera::Value {
        let page = &site.pages[i];
        let Some(slot) = self.slots.get(i) else {
            return build(site, page, root);
        };
        let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
        let fresh = slot
            .as_ref()
            .is_some_and(|e| std::ptr::eq(e.page.as_ptr(), Arc::as_ptr(page)));
        if !fresh {
            *slot = Some(Entry {
                page: Arc::downgrade(page),
                any_root: None,
                by_root: Vec::new(),
            });
        }
        let entry = slot.as_mut().expect("set just above");
        if let Some(v) = &entry.any_root {
            return v.clone();
        }
        if let Some((_, v)) = entry.by_root.iter().find(|(r, _)| r == root) {
            return v.clone();
        }
        let v = build(site, page, root);
        if root_free(page) {
            entry.any_root = Some(v.clone());
        } else {
            entry.by_root.push((root.to_owned(), v.clone()));
        }
        v
    }
}

fn build(site: &Site, page: &Page, root: &str) -> tera::Value {
    tera::Value::from_serializable(&page_ref(site, page, root))
}

/// True when `page_ref` gives the same entry at every root: no link in the
/// summary to place, no cover from the site's own files.
fn root_free(page: &Page) -> bool {
    !page.body.summary_html.contains(ROOT_MARKER) && page.cover.as_deref().is_none_or(is_external)
}
