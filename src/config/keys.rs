//! The keys `minhbach.toml` knows, at the top and in each sub-table: an
//! unknown key is an error at its line with the nearest known key suggested.

use super::{CONFIG_FILE, find_key_line};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::suggest::nearest;

pub(super) const TOP_KEYS: &[&str] = &[
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
    ("markdown", &["raw_html", "highlight"]),
];

/// Reports every unknown key (and drops those of sub-tables from `table`);
/// `true` when there was none.
pub(super) fn check_known(text: &str, table: &mut toml::Table, diags: &mut Diagnostics) -> bool {
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
    ok
}
