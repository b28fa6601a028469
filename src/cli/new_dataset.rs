//! `minhbach new dataset <kind>`: writes one ready-to-fill template of a
//! dataset kind into the data folder (`content/du-lieu/`): `.xlsx` by
//! default, `.csv` with `--csv`; never overwrites a file.

use std::path::{Path, PathBuf};

use crate::data::Kind;
use crate::data::template::{template_csv, template_xlsx};

/// The kinds a user may name, with English aliases.
const NAMES: &[(&str, Kind)] = &[
    ("chi-tieu", Kind::Targets),
    ("targets", Kind::Targets),
    ("ket-qua", Kind::Results),
    ("results", Kind::Results),
    ("nhiem-vu", Kind::Tasks),
    ("tasks", Kind::Tasks),
    ("kinh-phi", Kind::Budget),
    ("budget", Kind::Budget),
    ("chi-so-dti", Kind::DtiIndex),
    ("dti", Kind::DtiIndex),
    ("dti-index", Kind::DtiIndex),
    ("diem-dti", Kind::DtiScores),
    ("dti-scores", Kind::DtiScores),
    ("don-vi", Kind::Units),
    ("units", Kind::Units),
    ("chi-so", Kind::Indicators),
    ("indicators", Kind::Indicators),
    ("tieu-chi", Kind::Criteria),
    ("criteria", Kind::Criteria),
];

/// The kind a name selects (case and diacritics ignored: "Chỉ tiêu" works).
pub fn parse_kind(name: &str) -> Result<Kind, String> {
    let key = crate::text::slugify(name);
    if let Some((_, k)) = NAMES.iter().find(|(n, _)| *n == key) {
        return Ok(*k);
    }
    let known: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
    let hint = match crate::suggest::nearest(&key, &known, 2) {
        Some(n) => format!(" Có phải ý bạn là “{n}”?"),
        None => String::new(),
    };
    Err(format!(
        "không có loại dữ liệu “{name}”.{hint} Các loại: chi-tieu (chỉ tiêu), ket-qua (kết quả), nhiem-vu (nhiệm vụ), kinh-phi (kinh phí), chi-so-dti (bộ chỉ số DTI), diem-dti (điểm DTI), don-vi (đơn vị)."
    ))
}

/// Writes `<data dir>/<kind>.xlsx` (or `.csv` when `csv`); returns its
/// path. Writes nothing when a file of that kind already exists in either
/// format (two files of one kind would duplicate the data).
pub fn new_dataset(root: &Path, kind_name: &str, csv: bool) -> Result<PathBuf, String> {
    let kind = parse_kind(kind_name)?;
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::Config::load(root, &mut diags)
        .ok_or_else(|| diags.iter().map(|d| d.render()).collect::<String>())?;
    let dir = root.join("content").join(&config.data.dir);
    let base = kind.prefixes()[0];
    let existing: Vec<String> = ["xlsx", "csv"]
        .iter()
        .map(|ext| dir.join(format!("{base}.{ext}")))
        .filter(|p| p.exists())
        .map(|p| super::paths::shown(&p))
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "tệp {} đã có; minhbach không ghi đè. Đổi tên hoặc chuyển tệp cũ ra chỗ khác nếu muốn tạo mẫu mới.",
            existing.join(", ")
        ));
    }
    let (path, bytes) = if csv {
        (dir.join(format!("{base}.csv")), template_csv(kind))
    } else {
        (dir.join(format!("{base}.xlsx")), template_xlsx(kind)?)
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        format!(
            "không tạo được thư mục {}: {}",
            super::paths::shown(&dir),
            crate::os_error::reason(&e)
        )
    })?;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            format!(
                "không tạo được {}: {}",
                super::paths::shown(&path),
                crate::os_error::reason(&e)
            )
        })?;
    std::io::Write::write_all(&mut f, &bytes).map_err(|e| {
        format!(
            "không ghi được {}: {}",
            super::paths::shown(&path),
            crate::os_error::reason(&e)
        )
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_vietnamese_and_english() {
        assert_eq!(parse_kind("chi-tieu"), Ok(Kind::Targets));
        assert_eq!(parse_kind("Chỉ tiêu"), Ok(Kind::Targets));
        assert_eq!(parse_kind("tasks"), Ok(Kind::Tasks));
        assert_eq!(parse_kind("DTI"), Ok(Kind::DtiIndex));
        let e = parse_kind("nhiem-vuu").unwrap_err();
        assert!(e.contains("“nhiem-vu”"), "{e}");
    }
}
