//! Carrying the old site's own taxonomies (`series`, `authors`… declared
//! in its configuration) across: `[[taxonomies]]` entries for the new
//! `minhbach.toml`, and each page's terms as a top-level front-matter key
//! instead of a theme parameter under `[extra]`.

use serde_json::Value;

use super::front_matter::PageMatter;

/// The Vietnamese heading of a taxonomy, for the names themes commonly use;
/// other names are kept as written (the officer can retitle them).
pub fn title(name: &str) -> &str {
    match name {
        "series" => "Loạt bài",
        "authors" | "author" => "Tác giả",
        "tags" => "Chủ đề",
        "topics" => "Chủ đề lớn",
        "projects" => "Dự án",
        _ => name,
    }
}

/// `[[taxonomies]]` entries for the new site's configuration (empty when
/// the old site declares none beyond tags and categories).
pub fn config_entries(names: &[String]) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = String::new();
    for name in names {
        out.push_str(&format!(
            "\n# Phân loại của trang cũ: mỗi mục có trang danh sách và bản tin (xem docs/cau-hinh.md).\n[[taxonomies]]\nname = {}\ntitle = {}\n",
            quote(name),
            quote(title(name))
        ));
    }
    out
}

/// Moves the page's terms of each declared taxonomy out of `[extra]`
/// (where unknown keys go) into [`PageMatter::terms`], so they are written
/// as `series = ["…"]` and are no longer reported as moved theme keys.
/// `authors` is already a key of its own.
pub fn promote(m: &mut PageMatter, names: &[String]) {
    for name in names {
        for key in [name.clone(), format!("taxonomies.{name}")] {
            let Some(v) = m.extra.remove(&key) else {
                continue;
            };
            m.moved.retain(|k| k != &key);
            let terms = match v {
                Value::String(s) => vec![s],
                Value::Array(items) => items
                    .iter()
                    .filter_map(|i| match i {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let list = m.terms.entry(name.clone()).or_default();
            for t in terms {
                if !t.trim().is_empty() && !list.contains(&t) {
                    list.push(t);
                }
            }
        }
    }
    m.terms.retain(|_, v| !v.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::front_matter::{read, write};

    #[test]
    fn declared_terms_become_top_level_keys() {
        let (mut m, _) = read("---\ntitle: A\nseries: [\"Sổ tay\"]\nmood: vui\n---\nB\n").unwrap();
        promote(&mut m, &["series".to_owned()]);
        assert_eq!(m.moved, ["mood"]);
        let out = write(&m);
        assert!(out.contains("series = [\"Sổ tay\"]"), "{out}");
        assert!(!out.contains("[extra]\nseries"), "{out}");

        let (mut z, _) =
            read("+++\ntitle = \"Z\"\n[taxonomies]\nseries = [\"Một\", \"Hai\"]\n+++\nB\n")
                .unwrap();
        promote(&mut z, &["series".to_owned()]);
        assert!(z.moved.is_empty(), "{:?}", z.moved);
        assert_eq!(z.terms["series"], ["Một", "Hai"]);
    }

    #[test]
    fn config_entries_are_valid_minhbach_config() {
        let text = format!(
            "title = \"T\"\n{}",
            config_entries(&["series".to_owned(), "projects".to_owned()])
        );
        let mut d = crate::diagnostics::Diagnostics::new();
        let c = crate::config::Config::parse(&text, &mut d).unwrap();
        assert!(!d.has_errors(), "{d:?}");
        assert_eq!(c.taxonomies.len(), 2);
        assert_eq!(c.taxonomies[0].segment(), "loat-bai");
    }
}
