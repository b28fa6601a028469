//! What `serve` keeps of the last build's reports and weekly bulletins so
//! that a data edit makes again only those of the periods (weeks) holding a
//! changed result (decision 0035).
//!
//! A report's figures read the results whose own period lies inside the
//! report's ([`ReportPeriod::holds`]); a bulletin lists the results whose
//! period ends in its week. Both read everything else about the site too:
//! the other data tables, the localities and DTI years computed from them,
//! the configuration, the build date, the theme's templates and strings and
//! the content's pages (each caller hashes what it reads of them). The
//! memo keeps the last build's inputs beside what it made; something is
//! reused only when every input other than the results is equal to the last
//! build's, the results have the same number of rows, and no row that
//! changed (its old or its new version) falls in its period. Any other
//! change makes everything again, exactly as a clean build does.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::Config;
use crate::content::Page;
use crate::data::values::Period;
use crate::render::engine::theme::Theme;
use crate::site::SiteData;

/// See the module docs. Empty by default; `build` never uses one.
pub struct Memo<K, V> {
    last: Option<Inputs>,
    made: HashMap<K, V>,
    /// How many the last build made (not taken from the memo).
    fresh: usize,
    /// The content's pages the last key was made of, each with its own
    /// hash (see [`Memo::content_key`]). Holding the `Arc`s keeps their
    /// addresses from naming another page; they are the site's own.
    page_keys: Vec<(Arc<Page>, Option<u64>)>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            last: None,
            made: HashMap::new(),
            fresh: 0,
            page_keys: Vec::new(),
        }
    }
}

/// Everything read besides the results rows.
struct Inputs {
    data: Arc<SiteData>,
    config: Config,
    today: Date,
    templates: BTreeMap<String, String>,
    strings: BTreeMap<String, BTreeMap<String, String>>,
    /// What the caller reads of the content, hashed.
    content: u64,
}

/// What one build makes: which of the last build's can be reused, and the
/// new ones to keep.
pub(crate) struct Round<'a, K, V> {
    memo: &'a mut Memo<K, V>,
    /// The periods of the results rows changed in place (old and new
    /// versions); `None` when anything else changed.
    changed: Option<Vec<Period>>,
    inputs: Inputs,
    made: HashMap<K, V>,
}

impl<K: Eq + Hash + Copy, V: Clone> Memo<K, V> {
    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = Memo::default();
    }

    /// How many the last build made; the others came from the memo.
    pub fn made(&self) -> usize {
        self.fresh
    }

    /// What the caller reads of `pages`, hashed: `key` gives one page's
    /// hash (`None`: not read). A page kept from the last build (the same
    /// `Arc` at the same place: a data edit keeps the content whole) is
    /// not hashed again.
    pub(crate) fn content_key(
        &mut self,
        pages: &[Arc<Page>],
        key: impl Fn(&Page) -> Option<u64>,
    ) -> u64 {
        let keys: Vec<(Arc<Page>, Option<u64>)> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let k = match self.page_keys.get(i) {
                    Some((last, k)) if Arc::ptr_eq(last, p) => *k,
                    _ => key(p),
                };
                (Arc::clone(p), k)
            })
            .collect();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        // Pages not read leave no trace: adding one changes nothing.
        for k in keys.iter().filter_map(|(_, k)| *k) {
            k.hash(&mut h);
        }
        self.page_keys = keys;
        h.finish()
    }

    /// Starts a build reading these inputs (`content`: what it reads of the
    /// content's pages, hashed).
    pub(crate) fn round(
        &mut self,
        data: &Arc<SiteData>,
        config: &Config,
        today: Date,
        theme: &Theme,
        content: u64,
    ) -> Round<'_, K, V> {
        self.fresh = 0;
        let inputs = Inputs {
            data: Arc::clone(data),
            config: config.clone(),
            today,
            templates: theme.templates.clone(),
            strings: theme.strings.clone(),
            content,
        };
        // Put back when the round finishes: a round given up (a template
        // error) leaves a memo that reuses nothing.
        let last = self.last.take();
        let changed = last
            .as_ref()
            .and_then(|last| changed_results(last, &inputs));
        Round {
            memo: self,
            changed,
            inputs,
            made: HashMap::new(),
        }
    }
}

/// The periods of the results rows changed in place, old and new; `None`
/// when anything else changed.
fn changed_results(last: &Inputs, now: &Inputs) -> Option<Vec<Period>> {
    let (a, b) = (&last.data, &now.data);
    let same = last.config == now.config
        && last.today == now.today
        && last.content == now.content
        && last.templates == now.templates
        && last.strings == now.strings
        && a.set.results.len() == b.set.results.len()
        && a.set.targets == b.set.targets
        && a.set.tasks == b.set.tasks
        && a.set.budget == b.set.budget
        && a.set.indicators == b.set.indicators
        && a.set.scores == b.set.scores
        && a.set.units == b.set.units
        && a.set.observations == b.set.observations
        && a.set.criteria == b.set.criteria
        && a.set.sources == b.set.sources
        && a.set.locality_refs == b.set.locality_refs
        && a.computed.localities == b.computed.localities
        && a.computed.dti == b.computed.dti;
    same.then(|| {
        a.set
            .results
            .iter()
            .zip(&b.set.results)
            .filter(|(old, new)| old != new)
            .flat_map(|(old, new)| [old.period, new.period])
            .collect()
    })
}

impl<K: Eq + Hash + Copy, V: Clone> Round<'_, K, V> {
    /// The periods of the results changed in place since the last build;
    /// `None` when nothing of the last build can be reused.
    pub(crate) fn changed(&self) -> Option<&[Period]> {
        self.changed.as_deref()
    }

    /// The last build's `key`, when `unchanged` says none of the changed
    /// periods concerns it (nor anything else it read that the caller
    /// compares); kept for the next build.
    pub(crate) fn reuse(&mut self, key: K, unchanged: impl Fn(&[Period], &V) -> bool) -> Option<V> {
        let changed = self.changed.as_deref()?;
        let old = self.memo.made.get(&key)?;
        if !unchanged(changed, old) {
            return None;
        }
        let old = self.memo.made.remove(&key)?;
        self.made.insert(key, old.clone());
        Some(old)
    }

    /// The keys the last build made.
    pub(crate) fn last_keys(&self) -> impl Iterator<Item = &K> {
        self.memo.made.keys()
    }

    /// Keeps `value`, made by this build.
    pub(crate) fn keep(&mut self, key: K, value: V) {
        self.memo.fresh += 1;
        self.made.insert(key, value);
    }

    /// Ends a successful build: what it made replaces the memo.
    pub(crate) fn finish(self) {
        let Round {
            memo, inputs, made, ..
        } = self;
        memo.last = Some(inputs);
        memo.made = made;
    }
}
