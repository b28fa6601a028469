//! Extra taxonomies declared in `minhbach.toml` (`[[taxonomies]]`): ways of
//! grouping posts beyond the built-in tags and categories, such as a series
//! of posts (`series`) or their authors (`authors`). Each gets an index page,
//! a list per term and a feed per term, like tags.

use serde::{Deserialize, Serialize};

use super::{CONFIG_FILE, find_key_line};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::slugify;

/// One `[[taxonomies]]` entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TaxonomyConfig {
    /// The front-matter key holding a post's terms (`series = ["…"]`, or
    /// Zola's `[taxonomies] series = ["…"]`).
    pub name: String,
    /// The heading shown on pages ("Loạt bài"); the name when empty.
    pub title: String,
    /// The address segment under the news section (`loat-bai` →
    /// `tin-tuc/loat-bai/`); the slug of the title when empty.
    pub path: String,
}

/// Address segments the news section already uses for its own lists.
const RESERVED_SEGMENTS: &[&str] = &["the", "chuyen-muc", "thang", "luu-tru", "trang", "en"];

/// Taxonomies the generator always has (not declared again).
const BUILT_IN: &[&str] = &["tags", "categories"];

impl TaxonomyConfig {
    /// The heading shown on pages.
    pub fn label(&self) -> &str {
        if self.title.trim().is_empty() {
            self.name.trim()
        } else {
            self.title.trim()
        }
    }

    /// The address segment under the news section.
    pub fn segment(&self) -> String {
        let own = slugify(&self.path);
        if own.is_empty() {
            slugify(self.label())
        } else {
            own
        }
    }
}

/// Checks the declared taxonomies and keeps the usable ones: a name, not a
/// built-in one, no two with the same name or address. Each problem is a
/// located error naming the fix.
pub(super) fn validate(list: &mut Vec<TaxonomyConfig>, text: &str, diags: &mut Diagnostics) {
    // Entry i starts at the i-th `[[taxonomies]]` line; its `name = …` line
    // is the place to point at (else the header, else `taxonomies = […]`).
    let lines: Vec<&str> = text.lines().collect();
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim() == "[[taxonomies]]")
        .collect();
    let line = |index: usize| {
        let Some(&start) = headers.get(index) else {
            return find_key_line(text, "taxonomies").unwrap_or(1);
        };
        let end = headers.get(index + 1).copied().unwrap_or(lines.len());
        (start..end)
            .find(|&i| {
                let t = lines[i].trim_start();
                t.strip_prefix("name")
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .unwrap_or(start)
            + 1
    };
    let mut index = 0;
    let mut names: Vec<String> = Vec::new();
    let mut segments: Vec<String> = Vec::new();
    list.retain_mut(|t| {
        let at = line(index);
        index += 1;
        t.name = t.name.trim().to_owned();
        let problem = if t.name.is_empty() {
            Some((
                "một mục [[taxonomies]] không có tên (name)".to_owned(),
                "ghi tên khoá trong phần đầu bài, ví dụ name = \"series\"".to_owned(),
            ))
        } else if BUILT_IN.contains(&t.name.as_str()) {
            Some((
                format!("“{}” đã có sẵn, không cần khai báo trong [[taxonomies]]", t.name),
                "xoá mục này: thẻ (tags) và chuyên mục (categories) luôn có trang riêng".to_owned(),
            ))
        } else if names.contains(&t.name) {
            Some((
                format!("phân loại “{}” được khai báo hai lần", t.name),
                "xoá một trong hai mục [[taxonomies]] có cùng name".to_owned(),
            ))
        } else if t.segment().is_empty() {
            Some((
                format!("phân loại “{}” không có đường dẫn dùng được", t.name),
                "ghi path bằng chữ không dấu, ví dụ path = \"loat-bai\"".to_owned(),
            ))
        } else if RESERVED_SEGMENTS.contains(&t.segment().as_str())
            || segments.contains(&t.segment())
        {
            Some((
                format!(
                    "đường dẫn “{}” của phân loại “{}” trùng với một danh sách khác của mục tin tức",
                    t.segment(),
                    t.name
                ),
                format!(
                    "đặt path khác cho phân loại này (không dùng {}, và mỗi phân loại một đường dẫn)",
                    RESERVED_SEGMENTS.join(", ")
                ),
            ))
        } else {
            None
        };
        match problem {
            Some((message, hint)) => {
                diags.push(
                    Diagnostic::error(CONFIG_FILE, message)
                        .at(at, 1)
                        .with_source(text)
                        .hint(hint),
                );
                false
            }
            None => {
                names.push(t.name.clone());
                segments.push(t.segment());
                true
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::diagnostics::Diagnostics;

    #[test]
    fn declared_taxonomies_are_read_with_defaults() {
        let mut d = Diagnostics::new();
        let c = Config::parse(
            "title = \"T\"\n[[taxonomies]]\nname = \"series\"\ntitle = \"Loạt bài\"\n\n[[taxonomies]]\nname = \"authors\"\ntitle = \"Tác giả\"\npath = \"nguoi-viet\"\n",
            &mut d,
        )
        .unwrap();
        assert!(!d.has_errors(), "{d:?}");
        let got: Vec<(String, String)> = c
            .taxonomies
            .iter()
            .map(|t| (t.label().to_owned(), t.segment()))
            .collect();
        assert_eq!(
            got,
            [
                ("Loạt bài".to_owned(), "loat-bai".to_owned()),
                ("Tác giả".to_owned(), "nguoi-viet".to_owned())
            ]
        );
    }

    #[test]
    fn bad_taxonomies_are_located_errors_and_dropped() {
        let text = "title = \"T\"\n[[taxonomies]]\nname = \"tags\"\n\n[[taxonomies]]\nname = \"series\"\npath = \"the\"\n\n[[taxonomies]]\nname = \"ok\"\ntitle = \"Loạt\"\n[[taxonomies]]\nname = \"ok\"\n";
        let mut d = Diagnostics::new();
        let c = Config::parse(text, &mut d).unwrap();
        let errors: Vec<String> = d.iter().map(|x| x.render()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].contains("“tags” đã có sẵn") && errors[0].contains(":3"),
            "{}",
            errors[0]
        );
        assert!(errors[1].contains("trùng với một danh sách khác") && errors[1].contains(":6"));
        assert!(
            errors[2].contains("khai báo hai lần") && errors[2].contains(":13"),
            "{}",
            errors[2]
        );
        assert_eq!(c.taxonomies.len(), 1);
        assert_eq!(c.taxonomies[0].segment(), "loat");
    }

    #[test]
    fn unknown_keys_of_a_taxonomy_are_errors() {
        let mut d = Diagnostics::new();
        let c = Config::parse("[[taxonomies]]\nname = \"series\"\nfeed = true\n", &mut d);
        assert!(c.is_none() || d.has_errors());
        assert!(d.iter().any(|x| x.render().contains("feed")), "{d:?}");
    }
}
