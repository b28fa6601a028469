//! Site configuration: `minhbach.toml` at the site root, read strictly.
//!
//! Unknown keys are errors with a suggestion of the nearest known key; the
//! raw TOML is converted into a resolved [`Config`] with every default filled.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::suggest::nearest;

mod taxonomies;
pub use taxonomies::TaxonomyConfig;

/// The configuration file's name.
pub const CONFIG_FILE: &str = "minhbach.toml";

/// A menu entry: its label and a URL, either relative to the site root
/// (`gioi-thieu/`) or absolute (`https://…`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
}

/// Contact details printed in the footer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Contact {
    pub address: String,
    pub phone: String,
    pub email: String,
    pub website: String,
}

/// Which content folders play which role.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Sections {
    pub news: String,
    pub documents: String,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            news: "tin-tuc".into(),
            documents: "van-ban".into(),
        }
    }
}

/// Data-file options (see docs/decisions/0002-data-files.md).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DataConfig {
    /// Folder under `content/` holding data files.
    pub dir: String,
    /// Encoding of CSV files without a BOM, e.g. `windows-1258`.
    pub encoding: Option<String>,
    /// Licence named on the open-data catalogue.
    pub license: String,
    /// Whole datasets whose figures are illustrative ("minh họa"): a kind's
    /// file name (`"diem-dti"`: every file of that kind) or a file path
    /// inside the data folder (`"diem-dti-2024.csv"`).
    pub minh_hoa: Vec<String>,
    /// Spreadsheets received from other systems and how each maps onto a
    /// dataset (`[[data.nguon]]`, see `docs/du-lieu.md`).
    pub nguon: Vec<crate::data::received::Mapping>,
}

impl Default for DataConfig {
    fn default() -> Self {
        Self {
            dir: "du-lieu".into(),
            encoding: None,
            license: "Giấy phép dữ liệu mở CC BY 4.0".into(),
            minh_hoa: Vec::new(),
            nguon: Vec::new(),
        }
    }
}

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

/// What to do with raw HTML written inside Markdown.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Trusted staff: raw HTML passes through (scripts and event handlers still removed).
    #[default]
    Allow,
    /// Raw HTML is shown as text.
    Escape,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    pub raw_html: RawHtml,
}

/// The resolved site configuration.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Site title, e.g. "Chuyển đổi số phường Sông Trí".
    pub title: String,
    /// One-line description for the home page and feeds.
    pub description: String,
    /// The publishing unit, e.g. "UBND phường Sông Trí".
    pub unit: String,
    /// Its administrative level: "xã", "phường", "đặc khu", "tỉnh", "thành phố"…
    pub level: String,
    /// The province, e.g. "Hà Tĩnh".
    pub province: String,
    /// Where the section is published, e.g. `https://phuong-vi-du.example/chuyen-doi-so/`.
    pub base_url: String,
    /// Default language of pages: `vi` or `en`.
    pub language: String,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Posts per page in lists.
    pub paginate_by: usize,
    /// Links end in `index.html` so the output works when opened from disk.
    pub portable: bool,
    pub menu: Vec<MenuItem>,
    pub contact: Contact,
    pub sections: Sections,
    pub data: DataConfig,
    pub bulletin: BulletinConfig,
    pub bao_cao: ReportConfig,
    pub markdown: MarkdownConfig,
    /// Extra taxonomies (`[[taxonomies]]`) beyond tags and categories.
    pub taxonomies: Vec<TaxonomyConfig>,
    /// Free values for templates.
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            title: "Chuyển đổi số".into(),
            description: String::new(),
            unit: String::new(),
            level: String::new(),
            province: String::new(),
            base_url: "http://localhost:1111/".into(),
            language: "vi".into(),
            theme: "default".into(),
            paginate_by: 10,
            portable: false,
            menu: Vec::new(),
            contact: Contact::default(),
            sections: Sections::default(),
            data: DataConfig::default(),
            bulletin: BulletinConfig::default(),
            bao_cao: ReportConfig::default(),
            markdown: MarkdownConfig::default(),
            taxonomies: Vec::new(),
            extra: BTreeMap::new(),
        }
    }
}

/// Folded names of the centrally-run cities (thành phố trực thuộc trung
/// ương), as of the 2025 reorganisation.
const CENTRAL_CITIES: &[&str] = &[
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// The province-level area named after the unit in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Region {
    /// A province: "tỉnh Hà Tĩnh".
    Province(String),
    /// A centrally-run city: "thành phố Hà Nội".
    City(String),
    /// The config already says which ("Thành phố Huế", "tỉnh Gia Lai").
    AsWritten(String),
}

const TOP_KEYS: &[&str] = &[
    "title",
    "description",
    "unit",
    "level",
    "province",
    "base_url",
    "language",
    "theme",
    "paginate_by",
    "portable",
    "menu",
    "contact",
    "sections",
    "data",
    "bulletin",
    "bao_cao",
    "markdown",
    "taxonomies",
    "extra",
];

/// Keys of the configuration's sub-tables.
const SUB_KEYS: &[(&str, &[&str])] = &[
    ("contact", &["address", "phone", "email", "website"]),
    ("sections", &["news", "documents"]),
    ("data", &["dir", "encoding", "license", "minh_hoa", "nguon"]),
    ("bulletin", &["enabled", "since"]),
    ("bao_cao", &["enabled", "ky"]),
    ("markdown", &["raw_html"]),
];

impl Config {
    /// Reads `minhbach.toml` from `root`. A missing file is an error: it is
    /// what marks a folder as a site.
    pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Config> {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let valid = std::str::from_utf8(valid).unwrap_or_default();
                    let (line, col) = line_col(valid, valid.len());
                    diags.push(
                        Diagnostic::error(
                            CONFIG_FILE,
                            format!(
                                "tệp cấu hình không phải UTF-8 (byte lỗi ở vị trí {})",
                                e.utf8_error().valid_up_to()
                            ),
                        )
                        .at(line, col)
                        .hint("mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8"),
                    );
                    return None;
                }
            },
            Err(_) => {
                diags.push(
                    Diagnostic::error(CONFIG_FILE, format!("không tìm thấy tệp cấu hình “{}” trong thư mục trang", CONFIG_FILE))
                        .hint("chạy lệnh trong thư mục trang, dùng --root THƯ_MỤC, hoặc tạo trang mới bằng “minhbach init THƯ_MỤC”"),
                );
                return None;
            }
        };
        Self::parse(&text, diags)
    }

    /// Parses configuration text (path reported as `minhbach.toml`).
    pub fn parse(text: &str, diags: &mut Diagnostics) -> Option<Config> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                diags.push(toml_error(CONFIG_FILE, text, &e, 0));
                return None;
            }
        };
        let mut ok = true;
        for key in table.keys() {
            if !TOP_KEYS.contains(&key.as_str()) {
                ok = false;
                let line = find_key_line(text, key).unwrap_or(1);
                let mut d =
                    Diagnostic::error(CONFIG_FILE, format!("khoá “{key}” không có trong cấu hình"))
                        .at(line, 1)
                        .with_source(text);
                d = match nearest(key, TOP_KEYS, 3) {
                    Some(k) => d.hint(format!("có phải ý bạn là “{k}”?")),
                    None => d.hint(format!("các khoá được hỗ trợ: {}", TOP_KEYS.join(", "))),
                };
                diags.push(d);
            }
        }
        for (section, known) in SUB_KEYS {
            if let Some(toml::Value::Table(sub)) = table.get_mut(*section) {
                let bad: Vec<String> = sub
                    .keys()
                    .filter(|k| !known.contains(&k.as_ref()))
                    .cloned()
                    .collect();
                for key in bad {
                    ok = false;
                    let line = find_key_line(text, &key).unwrap_or(1);
                    let mut d = Diagnostic::error(
                        CONFIG_FILE,
                        format!("khoá “{key}” không có trong mục [{section}] của cấu hình"),
                    )
                    .at(line, 1)
                    .with_source(text);
                    d = match nearest(&key, known, 3) {
                        Some(k) => d.hint(format!("có phải ý bạn là “{k}”?")),
                        None => d.hint(format!(
                            "các khoá của mục [{section}]: {}",
                            known.join(", ")
                        )),
                    };
                    diags.push(d);
                    sub.remove(&key);
                }
            }
        }
        // Unknown keys are reported above; read the rest so that `check`
        // can go on and report content problems in the same run.
        if !ok {
            table.retain(|k, _| TOP_KEYS.contains(&k));
        }
        let known = toml::to_string(&table).unwrap_or_default();
        let parsed = if ok {
            toml::from_str::<Config>(text)
        } else {
            toml::from_str::<Config>(&known)
        };
        match parsed {
            Ok(mut c) => {
                if !c.base_url.ends_with('/') {
                    c.base_url.push('/');
                }
                if c.paginate_by == 0 {
                    c.paginate_by = 10;
                }
                if let Some(since) = &c.bulletin.since
                    && c.bulletin.since_date().is_none()
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
                    c.bulletin.since = None;
                }
                c.check_report_kinds(text, diags);
                c.refuse_script_urls(text, diags);
                taxonomies::validate(&mut c.taxonomies, text, diags);
                Some(c)
            }
            Err(e) => {
                diags.push(toml_error(CONFIG_FILE, text, &e, 0));
                None
            }
        }
    }

    /// How the header names the province after the unit: `None` when no
    /// province is set or the unit's name already says it ("UBND tỉnh Hà
    /// Tĩnh"); a centrally-run city (Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng,
    /// Cần Thơ, Huế) or `level = "thành phố"` with that city is a
    /// [`Region::City`]; a value that already starts with "tỉnh"/"thành phố"
    /// is used as written.
    pub fn region(&self) -> Option<Region> {
        let name = self.province.trim();
        if name.is_empty() {
            return None;
        }
        let folded = crate::text::fold(name);
        let region = if ["tinh ", "thanh pho ", "tp ", "tp. "]
            .iter()
            .any(|p| folded.starts_with(p))
        {
            Region::AsWritten(name.to_owned())
        } else if CENTRAL_CITIES.contains(&folded.as_str()) {
            Region::City(name.to_owned())
        } else {
            Region::Province(name.to_owned())
        };
        let full = crate::text::fold(&match &region {
            Region::AsWritten(n) => n.clone(),
            Region::City(n) => format!("thành phố {n}"),
            Region::Province(n) => format!("tỉnh {n}"),
        });
        let unit = crate::text::fold(&self.unit);
        let level = crate::text::fold(self.level.trim());
        // The provincial unit itself: "UBND tỉnh Hà Tĩnh", or a city site
        // whose unit is written "UBND TP Hà Nội".
        let own = unit.contains(&full)
            || ((level == "tinh" || level == "thanh pho") && unit.ends_with(&format!(" {folded}")));
        (!own).then_some(region)
    }

    /// Reports (and blanks) URLs in the config that would run code when
    /// clicked: `javascript:` and the like in menu entries, `website`,
    /// `base_url`.
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

    fn refuse_script_urls(&mut self, text: &str, diags: &mut Diagnostics) {
        use crate::text::escape::is_dangerous_url;
        let mut urls: Vec<(&str, &mut String)> = vec![
            ("base_url", &mut self.base_url),
            ("website", &mut self.contact.website),
        ];
        urls.extend(self.menu.iter_mut().map(|m| ("menu", &mut m.url)));
        for (key, url) in urls {
            if !is_dangerous_url(url) {
                continue;
            }
            let line = find_key_line(text, key).unwrap_or(1);
            diags.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    format!(
                        "địa chỉ “{url}” ở khoá “{key}” có thể chạy mã độc nên không được phép"
                    ),
                )
                .at(line, 1)
                .hint("chỉ dùng địa chỉ http://, https://, mailto: hoặc đường dẫn trong trang"),
            );
            url.clear();
        }
    }

    /// The path part of `base_url` (`/chuyen-doi-so/`), used by `serve`.
    pub fn base_path(&self) -> String {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_owned(),
            None => "/".to_owned(),
        }
    }
}

/// Converts a TOML error into a located Vietnamese diagnostic. `line_offset`
/// is added to the reported line (front matter starts after the fence).
pub fn toml_error(
    path: impl Into<std::path::PathBuf>,
    text: &str,
    e: &toml::de::Error,
    line_offset: usize,
) -> Diagnostic {
    let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
    let src = |line: usize| text.lines().nth(line - 1).unwrap_or("").to_owned();
    if let Some(message) = translate_value_message(e.message()) {
        return Diagnostic::error(path, format!("TOML không hợp lệ: {message}"))
            .at(line + line_offset, col)
            .source_line(src(line))
            .hint("kiểm tra dấu ngoặc kép quanh chuỗi, dấu “=” giữa khoá và giá trị, và định dạng ngày YYYY-MM-DD");
    }
    let s = crate::syntax_errors::toml(text, e.message(), line, col);
    Diagnostic::error(path, format!("TOML không hợp lệ: {}", s.message))
        .at(s.line + line_offset, s.col)
        .source_line(src(s.line))
        .hint(s.hint)
}

/// Vietnamese wording for serde's messages about values (wrong type, unknown
/// or missing key); `None` for syntax errors.
fn translate_value_message(msg: &str) -> Option<String> {
    let msg = msg.trim();
    let expected = || {
        let m = msg.to_ascii_lowercase();
        if m.contains("expected a boolean") || m.contains("expected bool") {
            ", cần true hoặc false"
        } else if m.contains("expected a string") || m.contains("expected string") {
            ", cần chữ đặt trong ngoặc kép"
        } else if m.contains("expected a sequence") || m.contains("expected an array") {
            ", cần danh sách dạng [\"…\", \"…\"]"
        } else if m.contains("integer") || m.contains("expected u") || m.contains("expected i") {
            ", cần một số nguyên"
        } else if m.contains("float") || m.contains("number") {
            ", cần một số"
        } else {
            ""
        }
    };
    let vi = if msg.contains("invalid type") || msg.contains("invalid value") {
        format!("giá trị sai kiểu{}", expected())
    } else if msg.contains("unknown field") {
        "khoá không được hỗ trợ".to_owned()
    } else if msg.contains("missing field") {
        let field = msg.split('`').nth(1).unwrap_or("");
        format!("thiếu khoá bắt buộc “{field}”")
    } else {
        return None;
    };
    Some(vi)
}

/// Line (1-based) of the first line that defines `key` at the start of a line.
pub fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(key)
                .or_else(|| t.strip_prefix(&format!("\"{key}\"")))
                .is_some_and(|rest| {
                    let r = rest.trim_start();
                    r.starts_with('=') || r.starts_with(':')
                })
                || t == format!("[{key}]")
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_fills_defaults() {
        let mut d = Diagnostics::new();
        let c = Config::parse(
            "title = \"A\"\nbase_url = \"https://x.gov.vn/chuyen-doi-so\"\n",
            &mut d,
        )
        .unwrap();
        assert_eq!(c.base_url, "https://x.gov.vn/chuyen-doi-so/");
        assert_eq!(c.base_path(), "/chuyen-doi-so/");
        assert_eq!(c.paginate_by, 10);
        assert!(d.is_empty());
    }

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

    #[test]
    fn region_wording() {
        let cfg = |unit: &str, level: &str, province: &str| Config {
            unit: unit.into(),
            level: level.into(),
            province: province.into(),
            ..Config::default()
        };
        assert_eq!(
            cfg("UBND phường Sông Trí", "phường", "Hà Tĩnh").region(),
            Some(Region::Province("Hà Tĩnh".into()))
        );
        assert_eq!(
            cfg("UBND phường Ba Đình", "phường", "Hà Nội").region(),
            Some(Region::City("Hà Nội".into()))
        );
        assert_eq!(
            cfg("UBND xã Bình Chánh", "xã", "TP Hồ Chí Minh").region(),
            Some(Region::AsWritten("TP Hồ Chí Minh".into()))
        );
        assert_eq!(cfg("UBND tỉnh Hà Tĩnh", "tỉnh", "Hà Tĩnh").region(), None);
        assert_eq!(
            cfg("UBND TP Đà Nẵng", "thành phố", "Đà Nẵng").region(),
            None
        );
        assert_eq!(cfg("UBND xã A", "xã", "").region(), None);
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let mut d = Diagnostics::new();
        let c = Config::parse("titel = \"A\"\n", &mut d);
        assert!(c.is_some() && d.has_errors());
        let text = d.iter().next().unwrap().render();
        assert!(
            text.contains("khoá “titel” không có trong cấu hình"),
            "{text}"
        );
        assert!(text.contains("có phải ý bạn là “title”?"), "{text}");
        assert!(text.contains("minhbach.toml:1:1"), "{text}");
    }
}
