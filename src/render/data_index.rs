//! Stable identities for units (đơn vị) and pillars (trụ cột) across the
//! data: the key a free-text name folds to, its page slug and path
//! (`don-vi/<slug>/`, `tru-cot/<slug>/`), and lookups from any spelling an
//! officer wrote (id, name or short name; case and diacritics ignored).

use crate::data::model::DataSet;
use crate::data::validate::resolve_unit;
use crate::site::SiteData;
use crate::text::{fold, slugify};

pub const UNITS: &str = "don-vi/";
pub const PILLARS: &str = "tru-cot/";

/// The identity key of a unit named by `text`: its id when it is in the
/// units file, else the folded text.
pub fn unit_key(set: &DataSet, text: &str) -> String {
    match resolve_unit(&set.units, text) {
        Some(u) => format!("id:{}", u.id),
        None => format!("name:{}", fold(text.trim())),
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

/// The unit a text names, if it has a page.
pub fn find_unit(data: &SiteData, text: &str) -> Option<UnitEntry> {
    if text.trim().is_empty() {
        return None;
    }
    let key = unit_key(&data.set, text);
    let list = units(data);
    let slug = slugify(text);
    list.iter()
        .find(|u| u.key == key)
        .or_else(|| {
            list.iter()
                .find(|u| u.path.trim_end_matches('/').rsplit('/').next() == Some(slug.as_str()))
        })
        .cloned()
}

/// The page path of the unit a text names ("" when it has none).
pub fn unit_href_path(data: &SiteData, text: &str) -> String {
    find_unit(data, text).map(|u| u.path).unwrap_or_default()
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
    for label in labels {
        let label = label.trim();
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

/// The pillar a text names (label or slug), if any.
pub fn find_pillar(set: &DataSet, text: &str) -> Option<PillarEntry> {
    let key = fold(text.trim());
    let slug = slugify(text);
    pillars(set)
        .into_iter()
        .find(|p| p.key == key || p.path.trim_end_matches('/').ends_with(&format!("/{slug}")))
}

/// The page path of a pillar label ("" when it has none).
pub fn pillar_href_path(set: &DataSet, label: Option<&str>) -> String {
    label
        .and_then(|l| find_pillar(set, l))
        .map(|p| p.path)
        .unwrap_or_default()
}

/// Whether a label belongs to the pillar.
pub fn in_pillar(label: Option<&str>, pillar: &PillarEntry) -> bool {
    label.is_some_and(|l| fold(l.trim()) == pillar.key)
}
