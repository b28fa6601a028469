//! Stable identities for units (đơn vị) and pillars (trụ cột) across the
//! data: the key a free-text name folds to, its page slug and path
//! (`don-vi/<slug>/`, `tru-cot/<slug>/`), and lookups from any spelling an
//! officer wrote (id, name or short name; case and diacritics ignored).

use std::collections::HashMap;

use crate::data::model::DataSet;
use crate::site::SiteData;
use crate::text::{fold, slugify};

pub const UNITS: &str = "don-vi/";
pub const PILLARS: &str = "tru-cot/";

/// The identity key of a unit named by `text`: its id when it is in the
/// units file, else the folded text.
pub fn unit_key(data: &SiteData, text: &str) -> String {
    let l = lookup(data);
    match l.named.get(text) {
        Some(n) => n.key.clone(),
        None => key_of(&l.known, text),
    }
}

/// Whether `text` names the unit whose identity key is `key` (as
/// `unit_key(data, text) == key`, without folding a name the data set
/// already holds: unit pages ask this of every task).
pub fn names_unit(data: &SiteData, text: &str, key: &str) -> bool {
    let l = lookup(data);
    match l.named.get(text) {
        Some(n) => n.key == key,
        None => key_of(&l.known, text) == key,
    }
}

fn key_of(known: &HashMap<String, String>, text: &str) -> String {
    let folded = fold(text.trim());
    match known.get(&folded) {
        Some(key) => key.clone(),
        None => format!("name:{folded}"),
    }
}

/// A unit with a page.
#[derive(Debug, Clone)]
pub struct UnitEntry {
    pub key: String,
    pub name: String,
    /// `don-vi/<slug>/`.
    pub path: String,
    /// Index into `Computed::units`.
    pub stats: usize,
}

/// Adds `-2`, `-3`… until the slug is free.
fn unique(slug: String, taken: &mut Vec<String>, fallback: &str) -> String {
    let base = if slug.is_empty() {
        fallback.to_owned()
    } else {
        slug
    };
    let mut s = base.clone();
    let mut n = 2;
    while taken.contains(&s) {
        s = format!("{base}-{n}");
        n += 1;
    }
    taken.push(s.clone());
    s
}

/// Every unit (units file plus names written in lead/partner columns), in
/// Vietnamese alphabetical order, with unique paths.
pub fn units(data: &SiteData) -> Vec<UnitEntry> {
    let mut taken = Vec::new();
    data.computed
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let key = match &u.unit_id {
                Some(id) => format!("id:{id}"),
                None => format!("name:{}", fold(u.name.trim())),
            };
            let slug = unique(slugify(&u.name), &mut taken, "don-vi");
            UnitEntry {
                key,
                name: u.name.clone(),
                path: format!("{UNITS}{slug}/"),
                stats: i,
            }
        })
        .collect()
}

/// Every unit with a page and the keys to find one, computed once per site.
#[derive(Debug, Clone)]
pub struct UnitLookup {
    list: Vec<UnitEntry>,
    /// Folded id, name or short name from the units file → `id:<id>`
    /// (the first unit that has it, as `resolve_unit`).
    known: HashMap<String, String>,
    /// Identity key → index in `list`.
    by_key: HashMap<String, usize>,
    /// Page slug → index in `list`.
    by_slug: HashMap<String, usize>,
    /// Every unit name the data set writes (leads, partners), as written →
    /// its key and page, resolved once: thousands of rows name the same
    /// hundred units, and folding a name costs a Unicode decomposition.
    named: HashMap<String, Named>,
}

/// A name's identity key and its page (index in `UnitLookup::list`).
#[derive(Debug, Clone)]
struct Named {
    key: String,
    page: Option<usize>,
}

impl UnitLookup {
    fn new(data: &SiteData) -> UnitLookup {
        let mut known = HashMap::new();
        for u in &data.set.units {
            for k in [Some(&u.id), Some(&u.name), u.short_name.as_ref()]
                .into_iter()
                .flatten()
            {
                known
                    .entry(fold(k))
                    .or_insert_with(|| format!("id:{}", u.id));
            }
        }
        let list = units(data);
        let mut by_key = HashMap::new();
        let mut by_slug = HashMap::new();
        for (i, u) in list.iter().enumerate() {
            by_key.entry(u.key.clone()).or_insert(i);
            let slug = u
                .path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("");
            by_slug.entry(slug.to_owned()).or_insert(i);
        }
        let set = &data.set;
        let texts = set
            .tasks
            .iter()
            .flat_map(|t| std::iter::once(&t.lead).chain(&t.partners))
            .chain(set.targets.iter().filter_map(|t| t.lead.as_ref()))
            .chain(set.indicators.iter().filter_map(|i| i.lead.as_ref()))
            .chain(data.computed.units.iter().map(|u| &u.name));
        let mut named = HashMap::new();
        for text in texts {
            if named.contains_key(text.as_str()) {
                continue;
            }
            let key = key_of(&known, text);
            let page = if text.trim().is_empty() {
                None
            } else {
                by_key
                    .get(&key)
                    .or_else(|| by_slug.get(&slugify(text)))
                    .copied()
            };
            named.insert(text.clone(), Named { key, page });
        }
        UnitLookup {
            list,
            known,
            by_key,
            by_slug,
            named,
        }
    }
}

fn lookup(data: &SiteData) -> &UnitLookup {
    data.unit_lookup.get_or_init(|| UnitLookup::new(data))
}

/// The unit a text names, if it has a page.
pub fn find_unit(data: &SiteData, text: &str) -> Option<UnitEntry> {
    if text.trim().is_empty() {
        return None;
    }
    let l = lookup(data);
    page_of(l, text).map(|i| l.list[i].clone())
}

/// Index in `l.list` of the unit `text` names (not empty).
fn page_of(l: &UnitLookup, text: &str) -> Option<usize> {
    if let Some(n) = l.named.get(text) {
        return n.page;
    }
    let key = key_of(&l.known, text);
    l.by_key
        .get(&key)
        .or_else(|| l.by_slug.get(&slugify(text)))
        .copied()
}

/// The page path of the unit a text names ("" when it has none).
pub fn unit_href_path(data: &SiteData, text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let l = lookup(data);
    page_of(l, text).map_or_else(String::new, |i| l.list[i].path.clone())
}

/// A pillar with a page.
#[derive(Debug, Clone)]
pub struct PillarEntry {
    /// The folded label.
    pub key: String,
    /// The label as first written.
    pub label: String,
    /// `tru-cot/<slug>/`.
    pub path: String,
}

/// Every pillar named by a target, task, DTI indicator or budget line, in
/// order of first appearance.
pub fn pillars(set: &DataSet) -> Vec<PillarEntry> {
    let labels = set
        .targets
        .iter()
        .filter_map(|t| t.pillar.as_deref())
        .chain(set.tasks.iter().filter_map(|t| t.pillar.as_deref()))
        .chain(
            set.indicators
                .iter()
                .flat_map(|i| i.pillars.iter().map(String::as_str)),
        )
        .chain(set.budget.iter().filter_map(|b| b.pillar.as_deref()));
    let mut out: Vec<PillarEntry> = Vec::new();
    let mut taken = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for label in labels {
        let label = label.trim();
        // Thousands of rows share a handful of labels: fold each once.
        if !seen.insert(label) {
            continue;
        }
        let key = fold(label);
        if key.is_empty() || out.iter().any(|p| p.key == key) {
            continue;
        }
        let slug = unique(slugify(label), &mut taken, "tru-cot");
        out.push(PillarEntry {
            key,
            label: label.to_owned(),
            path: format!("{PILLARS}{slug}/"),
        });
    }
    out
}

/// Whether any row names a pillar (cheap: stops at the first).
pub fn has_pillars(set: &DataSet) -> bool {
    let named = |l: &Option<String>| l.as_deref().is_some_and(|l| !fold(l.trim()).is_empty());
    set.targets.iter().any(|t| named(&t.pillar))
        || set.tasks.iter().any(|t| named(&t.pillar))
        || set
            .indicators
            .iter()
            .any(|i| i.pillars.iter().any(|l| !fold(l.trim()).is_empty()))
        || set.budget.iter().any(|b| named(&b.pillar))
}

/// [`pillars`] of the site's data, computed once.
pub fn site_pillars(data: &SiteData) -> &[PillarEntry] {
    data.pillar_list.get_or_init(|| pillars(&data.set))
}

/// The pillar a text names (label or slug), if any.
pub fn find_pillar(data: &SiteData, text: &str) -> Option<PillarEntry> {
    let key = fold(text.trim());
    let slug = slugify(text);
    site_pillars(data)
        .iter()
        .find(|p| p.key == key || p.path.trim_end_matches('/').ends_with(&format!("/{slug}")))
        .cloned()
}

/// The page path of a pillar label ("" when it has none).
pub fn pillar_href_path(data: &SiteData, label: Option<&str>) -> String {
    label
        .and_then(|l| find_pillar(data, l))
        .map(|p| p.path)
        .unwrap_or_default()
}

/// Whether a label belongs to the pillar.
pub fn in_pillar(label: Option<&str>, pillar: &PillarEntry) -> bool {
    label.is_some_and(|l| fold(l.trim()) == pillar.key)
}
