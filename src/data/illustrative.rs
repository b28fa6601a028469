//! Whole datasets marked illustrative from `minhbach.toml`
//! (`[data] minh_hoa = ["diem-dti", "nhiem-vu-2026.csv"]`): every row read
//! from a matching table gets its `illustrative` flag set, exactly as if
//! each row said `Minh họa: có`.

use std::path::Path;

use super::kind::Kind;
use super::model::DataSet;
use crate::text::fold;

/// Whether a `minh_hoa` entry names `kind` (its file name, e.g.
/// `diem-dti`, or an English name) or the file at `in_dir` (relative to the
/// data folder; case, diacritics and `\` vs `/` ignored).
pub fn matches(entry: &str, kind: Kind, in_dir: &Path) -> bool {
    if Kind::from_name(entry) == Some(kind) && kind.prefixes().iter().any(|p| fold(entry) == *p) {
        return true;
    }
    let norm = |s: &str| fold(&s.replace('\\', "/")).trim_matches('/').to_owned();
    norm(entry) == norm(&in_dir.to_string_lossy())
}

/// How many items of each kind the data set held before a table was read.
#[derive(Debug, Clone, Copy)]
pub struct Counts([usize; 7]);

impl Counts {
    pub fn of(d: &DataSet) -> Self {
        Counts([
            d.targets.len(),
            d.results.len(),
            d.tasks.len(),
            d.budget.len(),
            d.scores.len(),
            d.observations.len(),
            d.criteria.len(),
        ])
    }

    /// Marks every item added since these counts were taken.
    pub fn mark_since(self, d: &mut DataSet) {
        let [t, r, k, b, s, o, c] = self.0;
        d.targets[t..]
            .iter_mut()
            .for_each(|x| x.illustrative = true);
        d.results[r..]
            .iter_mut()
            .for_each(|x| x.illustrative = true);
        d.tasks[k..].iter_mut().for_each(|x| x.illustrative = true);
        d.budget[b..].iter_mut().for_each(|x| x.illustrative = true);
        d.scores[s..].iter_mut().for_each(|x| x.illustrative = true);
        d.observations[o..]
            .iter_mut()
            .for_each(|x| x.illustrative = true);
        d.criteria[c..]
            .iter_mut()
            .for_each(|x| x.illustrative = true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_name_kinds_or_files() {
        let p = Path::new("diem-dti-2024.csv");
        assert!(matches("diem-dti", Kind::DtiScores, p));
        assert!(matches("dti-scores", Kind::DtiScores, p));
        assert!(matches("diem-dti-2024.csv", Kind::DtiScores, p));
        assert!(matches("Diem-DTI-2024.csv", Kind::DtiScores, p));
        assert!(!matches("diem-dti-2025.csv", Kind::DtiScores, p));
        assert!(!matches("chi-tieu", Kind::DtiScores, p));
        assert!(!matches(
            "diem-dti",
            Kind::Targets,
            Path::new("chi-tieu.csv")
        ));
        let sub = Path::new("2024/diem-dti.csv");
        assert!(matches("2024/diem-dti.csv", Kind::DtiScores, sub));
        assert!(matches("2024\\diem-dti.csv", Kind::DtiScores, sub));
    }
}
