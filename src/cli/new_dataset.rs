//! `minhbach new dataset <kind>`: writes ready-to-fill `.xlsx` and `.csv`
//! templates of one dataset kind into the data folder (`content/du-lieu/`),
//! never overwriting a file.

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

/// Writes `<data dir>/<kind>.xlsx` and `.csv`; returns their paths. Writes
/// nothing when either exists.
pub fn new_dataset(root: &Path, kind_name: &str) -> Result<Vec<PathBuf>, String> {
    let kind = parse_kind(kind_name)?;
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::Config::load(root, &mut diags)
        .ok_or_else(|| diags.iter().map(|d| d.render()).collect::<String>())?;
    let dir = root.join("content").join(&config.data.dir);
    let base = kind.prefixes()[0];
    let files = [
        (dir.join(format!("{base}.xlsx")), template_xlsx(kind)?),
        (dir.join(format!("{base}.csv")), template_csv(kind)),
    ];
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "tệp {} đã có; minhbach không ghi đè. Đổi tên hoặc chuyển tệp cũ ra chỗ khác nếu muốn tạo mẫu mới.",
            existing.join(", ")
        ));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("không tạo được thư mục {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (path, bytes) in files {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("không tạo được {}: {e}", path.display()))?;
        std::io::Write::write_all(&mut f, &bytes)
            .map_err(|e| format!("không ghi được {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
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
