//! Site configuration: `minhbach.toml` at the site root, read strictly.
//!
//! Unknown keys are errors with a suggestion of the nearest known key; the
//! raw TOML is converted into a resolved [`Config`] with every default filled.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};

mod keys;
mod periods;
mod region;
mod taxonomies;
mod toml_errors;
pub use periods::{BulletinConfig, ReportConfig, ReportKind};
pub use region::Region;
pub use taxonomies::TaxonomyConfig;
pub use toml_errors::{find_key_line, toml_error};

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

/// The `[markdown]` table: how page bodies are rendered. Its `Debug` form
/// keys the content cache, so every field here invalidates cached bodies.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    pub raw_html: RawHtml,
    /// Colour fenced code blocks in a known language (`hl-` classes);
    /// `false` keeps every block a plain `<pre><code class="language-x">`.
    pub highlight: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        Self {
            raw_html: RawHtml::default(),
            highlight: true,
        }
    }
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
        let ok = keys::check_known(text, &mut table, diags);
        // Unknown keys are reported above; read the rest so that `check`
        // can go on and report content problems in the same run.
        if !ok {
            table.retain(|k, _| keys::TOP_KEYS.contains(&k));
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
                c.check_periods(text, diags);
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

    /// Reports (and blanks) URLs in the config that would run code when
    /// clicked: `javascript:` and the like in menu entries, `website`,
    /// `base_url`.
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
