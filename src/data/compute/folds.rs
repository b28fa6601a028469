//! Locality names folded once: the computations compare a result's
//! commune with its target's locality, and with every locality of a
//! province (90 and more), for every result. Folding (NFD, case,
//! diacritics) is far dearer than a lookup, so each distinct spelling the
//! data set holds is folded here once and looked up after.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::data::model::{DataSet, Measurement, Target};
use crate::text::fold;

/// Folded spelling of each locality name written in a data set.
pub struct Folds<'a> {
    folded: HashMap<&'a str, String>,
}

impl<'a> Folds<'a> {
    /// Every locality named by a result, target, task, budget line or
    /// measured indicator of `data`.
    pub fn of(data: &'a DataSet) -> Folds<'a> {
        let names = data
            .results
            .iter()
            .filter_map(|r| r.commune.as_deref())
            .chain(data.targets.iter().filter_map(|t| t.locality.as_deref()))
            .chain(data.tasks.iter().filter_map(|t| t.locality.as_deref()))
            .chain(data.budget.iter().filter_map(|b| b.locality.as_deref()))
            .chain(
                data.observations
                    .iter()
                    .filter_map(|o| o.locality.as_deref()),
            );
        let mut folded = HashMap::new();
        for name in names {
            folded.entry(name).or_insert_with(|| fold(name));
        }
        Folds { folded }
    }

    /// `fold(name)`: looked up when the data set holds `name`.
    pub fn get<'s>(&'s self, name: &'s str) -> Cow<'s, str> {
        match self.folded.get(name) {
            Some(f) => Cow::Borrowed(f.as_str()),
            None => Cow::Owned(fold(name)),
        }
    }

    /// Whether two names are the same place once folded.
    pub fn same(&self, a: &str, b: &str) -> bool {
        a == b || self.get(a) == self.get(b)
    }

    /// [`super::targets::place_of`], folding through this memo.
    pub fn place_of<'r>(&self, t: &Target, r: &'r Measurement) -> Option<&'r str> {
        let c = r.commune.as_deref()?;
        match &t.locality {
            Some(own) if self.same(own, c) => None,
            _ => Some(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_as_fold_does() {
        let data = DataSet::default();
        let folds = Folds::of(&data);
        assert_eq!(folds.get("Xã Đông Sơn"), fold("Xã Đông Sơn"));
        assert!(folds.same("xa dong son", "XÃ ĐÔNG SƠN"));
        assert!(!folds.same("Xã Đông Sơn", "Xã Đồng Sơn 2"));
    }
}
