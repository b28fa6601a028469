//! The nine kinds of dataset and how a file or sheet name selects one
//! (folded prefix, see `docs/decisions/0002-data-files.md`).

use serde::Serialize;

use crate::text::fold;

/// A kind of dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Targets,
    Results,
    Tasks,
    Budget,
    DtiIndex,
    DtiScores,
    Units,
    /// Measured indicators without a target (`chi-so…`), after `DtiIndex`
    /// so that `chi-so-dti…` stays the DTI index.
    Indicators,
    /// The criteria checklist of Kế hoạch 02-KH/BCĐTW (`tieu-chi…`): one
    /// row per criterion and unit, Xanh / Vàng / Đỏ.
    Criteria,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Targets,
        Kind::Results,
        Kind::Tasks,
        Kind::Budget,
        Kind::DtiIndex,
        Kind::DtiScores,
        Kind::Units,
        Kind::Indicators,
        Kind::Criteria,
    ];

    /// Folded file-name prefixes, the first being the canonical file name.
    pub fn prefixes(self) -> &'static [&'static str] {
        match self {
            Kind::Targets => &["chi-tieu", "targets"],
            Kind::Results => &["ket-qua", "results"],
            Kind::Tasks => &["nhiem-vu", "tasks"],
            Kind::Budget => &["kinh-phi", "ngan-sach", "budget"],
            Kind::DtiIndex => &["chi-so-dti", "bo-chi-so", "dti-index"],
            Kind::DtiScores => &["diem-dti", "dti-scores"],
            Kind::Units => &["don-vi", "units"],
            Kind::Indicators => &["chi-so", "chi-so-do-luong", "indicators"],
            Kind::Criteria => &["tieu-chi", "bo-tieu-chi", "criteria"],
        }
    }

    /// Canonical file stem, e.g. `chi-tieu` (used by templates and exports).
    pub fn slug(self) -> &'static str {
        self.prefixes()[0]
    }

    /// Vietnamese name, e.g. "chỉ tiêu".
    pub fn label(self) -> &'static str {
        match self {
            Kind::Targets => "chỉ tiêu",
            Kind::Results => "kết quả",
            Kind::Tasks => "nhiệm vụ",
            Kind::Budget => "kinh phí",
            Kind::DtiIndex => "bộ chỉ số DTI",
            Kind::DtiScores => "điểm DTI",
            Kind::Units => "đơn vị",
            Kind::Indicators => "chỉ số đo lường",
            Kind::Criteria => "tiêu chí",
        }
    }

    /// The kind a file or sheet name selects, if any: `Chỉ tiêu 2026.xlsx`,
    /// `chi_tieu.csv` and `CHI-TIEU` are all targets.
    pub fn from_name(name: &str) -> Option<Kind> {
        let key = name_key(name);
        Kind::ALL.into_iter().find(|kind| {
            kind.prefixes().iter().any(|p| {
                key.strip_prefix(p).is_some_and(|rest| {
                    rest.is_empty()
                        || rest.starts_with(['-'])
                        || rest.starts_with(|c: char| c.is_ascii_digit())
                })
            })
        })
    }
}

/// Folds a name to lower-case ASCII words joined by `-`.
fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_select_kinds() {
        let cases = [
            ("chi-tieu-2026.csv", Some(Kind::Targets)),
            ("Chỉ tiêu.xlsx", Some(Kind::Targets)),
            ("CHI_TIEU 2025", Some(Kind::Targets)),
            ("chi-tieu2026.csv", Some(Kind::Targets)),
            ("Kết quả", Some(Kind::Results)),
            ("nhiem vu.toml", Some(Kind::Tasks)),
            ("Ngân sách 2025.xlsx", Some(Kind::Budget)),
            ("kinh-phi.json", Some(Kind::Budget)),
            ("Bộ chỉ số DTI.xlsx", Some(Kind::DtiIndex)),
            ("chi-so-dti.csv", Some(Kind::DtiIndex)),
            ("Điểm DTI 2024", Some(Kind::DtiScores)),
            ("Đơn vị", Some(Kind::Units)),
            ("units.yaml", Some(Kind::Units)),
            ("du-lieu.xlsx", None),
            ("chi-tieuxyz.csv", None),
            ("Sheet1", None),
            ("chi-so.csv", Some(Kind::Indicators)),
            ("Chỉ số đo lường 2026.xlsx", Some(Kind::Indicators)),
            ("chi-so-dti-2025.csv", Some(Kind::DtiIndex)),
            ("tieu-chi.csv", Some(Kind::Criteria)),
            ("Tiêu chí 02-KH.xlsx", Some(Kind::Criteria)),
            ("Bộ tiêu chí 2025.xlsx", Some(Kind::Criteria)),
        ];
        for (name, kind) in cases {
            assert_eq!(Kind::from_name(name), kind, "{name}");
        }
    }
}
