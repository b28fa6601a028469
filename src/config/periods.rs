//! The generated periodic pages' settings: weekly bulletins (`[bulletin]`,
//! with an optional `since` date) and periodic reports (`[bao_cao]`, the kinds
//! of period in `ky`), each checked at its line.

use serde::{Deserialize, Serialize};

use super::{CONFIG_FILE, Config, find_key_line};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Weekly bulletins (`ban-tin/`), generated when the site has data files.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct BulletinConfig {
    /// `false` turns the bulletins off.
    pub enabled: bool,
    /// No bulletin for weeks before the week of this date (`2025-01-06` or
    /// `06/01/2025`); default: the week of the earliest news post.
    #[serde(deserialize_with = "date_text")]
    pub since: Option<String>,
}

impl Default for BulletinConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            since: None,
        }
    }
}

/// A kind of reporting period, as written in `[bao_cao] ky`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReportKind {
    /// `quy`
    Quarter,
    /// `6-thang`
    Half,
    /// `nam`
    Year,
}

impl ReportKind {
    /// The spelling in `minhbach.toml`.
    pub const CODES: [(&'static str, ReportKind); 3] = [
        ("quy", ReportKind::Quarter),
        ("6-thang", ReportKind::Half),
        ("nam", ReportKind::Year),
    ];

    /// Reads `quy`, `6-thang`, `nam` (any case, diacritics, spaces or `_`).
    pub fn parse(raw: &str) -> Option<ReportKind> {
        let key = crate::text::fold(raw.trim()).replace([' ', '_'], "-");
        let key = key.as_str();
        match key {
            "quy" | "quarter" => Some(ReportKind::Quarter),
            "6-thang" | "sau-thang" | "half" | "half-year" => Some(ReportKind::Half),
            "nam" | "year" => Some(ReportKind::Year),
            _ => None,
        }
    }
}

/// Periodic reports (`bao-cao/`), generated when the site has data files.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ReportConfig {
    /// `false` turns the reports off.
    pub enabled: bool,
    /// Which periods: `quy`, `6-thang`, `nam` (checked in [`Config::parse`]).
    pub ky: Vec<String>,
}

impl Default for ReportConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            ky: vec!["6-thang".into(), "nam".into()],
        }
    }
}

impl ReportConfig {
    /// The kinds of period to report (empty when turned off).
    pub fn kinds(&self) -> Vec<ReportKind> {
        if !self.enabled {
            return Vec::new();
        }
        let mut out: Vec<ReportKind> = self
            .ky
            .iter()
            .filter_map(|k| ReportKind::parse(k))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

impl BulletinConfig {
    /// The `since` date, when set and valid (checked in [`Config::parse`]).
    pub fn since_date(&self) -> Option<jiff::civil::Date> {
        self.since
            .as_deref()
            .and_then(crate::content::frontmatter::parse_page_date)
            .map(|d| d.date)
    }
}

/// A TOML date (`since = 2025-01-06`) or a string (`"06/01/2025"`), as text.
fn date_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::Datetime(dt) => Ok(Some(dt.to_string())),
        toml::Value::String(s) => Ok(Some(s)),
        other => Err(serde::de::Error::custom(format!(
            "invalid type: {}, expected a date",
            other.type_str()
        ))),
    }
}

impl Config {
    /// A `since` that is not a date, and every `[bao_cao] ky` entry that
    /// does not name a kind of period, are errors at their line (and left
    /// out so `check` goes on).
    pub(super) fn check_periods(&mut self, text: &str, diags: &mut Diagnostics) {
        if let Some(since) = &self.bulletin.since
            && self.bulletin.since_date().is_none()
        {
            let line = find_key_line(text, "since").unwrap_or(1);
            diags.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    format!("“{since}” ở khoá since của mục [bulletin] không phải là ngày"),
                )
                .at(line, 1)
                .with_source(text)
                .hint("ghi ngày dạng since = 2025-01-06 hoặc since = \"06/01/2025\""),
            );
            self.bulletin.since = None;
        }
        self.check_report_kinds(text, diags);
    }

    /// Every `[bao_cao] ky` entry must name a kind of period; an unknown one
    /// is an error at its line (and left out so `check` goes on).
    fn check_report_kinds(&mut self, text: &str, diags: &mut Diagnostics) {
        let line = find_key_line(text, "ky").unwrap_or(1);
        for k in &self.bao_cao.ky {
            if ReportKind::parse(k).is_none() {
                diags.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        format!("“{k}” ở khoá ky của mục [bao_cao] không phải là một kỳ báo cáo"),
                    )
                    .at(line, 1)
                    .with_source(text)
                    .hint("các kỳ có thể dùng: \"quy\" (quý), \"6-thang\" (6 tháng), \"nam\" (năm), ví dụ ky = [\"6-thang\", \"nam\"]"),
                );
            }
        }
        self.bao_cao.ky.retain(|k| ReportKind::parse(k).is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_keys() {
        let mut d = Diagnostics::new();
        let c = Config::parse("", &mut d).unwrap();
        assert_eq!(c.bao_cao.kinds(), vec![ReportKind::Half, ReportKind::Year]);
        let c = Config::parse("[bao_cao]\nky = [\"nam\", \"Quý\"]\n", &mut d).unwrap();
        assert!(d.is_empty());
        assert_eq!(
            c.bao_cao.kinds(),
            vec![ReportKind::Quarter, ReportKind::Year]
        );
        let c = Config::parse("[bao_cao]\nenabled = false\n", &mut d).unwrap();
        assert!(d.is_empty() && c.bao_cao.kinds().is_empty());
        let c = Config::parse(
            "title = \"x\"\n[bao_cao]\nky = [\"thang\", \"nam\"]\n",
            &mut d,
        )
        .unwrap();
        let text = format!("{d:?}");
        assert!(
            text.contains("“thang”") && text.contains("[bao_cao]"),
            "{text}"
        );
        assert!(text.contains("line: Some(3)"), "{text}");
        assert_eq!(c.bao_cao.kinds(), vec![ReportKind::Year]);
    }

    #[test]
    fn bulletin_keys() {
        let mut d = Diagnostics::new();
        let c = Config::parse("[bulletin]\nsince = 2025-01-06\n", &mut d).unwrap();
        assert!(d.is_empty() && c.bulletin.enabled);
        assert_eq!(c.bulletin.since_date(), "2025-01-06".parse().ok());
        let c = Config::parse(
            "[bulletin]\nenabled = false\nsince = \"06/01/2025\"\n",
            &mut d,
        )
        .unwrap();
        assert!(d.is_empty() && !c.bulletin.enabled);
        assert_eq!(c.bulletin.since_date(), "2025-01-06".parse().ok());
        Config::parse("[bulletin]\nsice = 2025-01-06\n", &mut d);
        let text = d.iter().next().unwrap().render();
        assert!(
            text.contains("mục [bulletin]") && text.contains("“since”"),
            "{text}"
        );
        let mut d = Diagnostics::new();
        Config::parse("[bulletin]\nsince = \"tuần 3\"\n", &mut d);
        let text = d.iter().next().unwrap().render();
        assert!(
            text.contains("không phải là ngày") && text.contains(":2:1"),
            "{text}"
        );
    }
}
