//! Whether the old site coloured its code blocks, so the new one keeps the
//! look its readers knew: Hugo colours fenced code unless
//! `markup.highlight.codeFences = false` (or the old `pygmentsCodeFences =
//! false`); Zola colours nothing unless `highlight_code = true` (in
//! `[markdown]`, or at the top before Zola 0.15) or, from Zola 0.22, a
//! `[markdown.highlighting]` table. When the old site did not, the new
//! `minhbach.toml` gets `[markdown] highlight = false` and the import
//! report says which setting it came from. Hugo's `noClasses`, `style`
//! and Zola's `highlight_theme` only choose colours: minhbach's come from
//! its theme's CSS, so they change nothing here.

use serde_json::{Map, Value};

/// `key` of `map`, Hugo's keys being case-insensitive.
fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// The Hugo setting that turned highlighting off, as the report shows it,
/// or `None` when the old site coloured code.
pub fn hugo_off(config: &Map<String, Value>) -> Option<String> {
    let fences = get(config, "markup")
        .and_then(Value::as_object)
        .and_then(|m| get(m, "highlight"))
        .and_then(Value::as_object)
        .and_then(|h| get(h, "codeFences"))
        .and_then(Value::as_bool);
    match fences {
        Some(false) => Some("markup.highlight.codeFences = false".to_owned()),
        Some(true) => None,
        None => (get(config, "pygmentsCodeFences").and_then(Value::as_bool) == Some(false))
            .then(|| "pygmentsCodeFences = false".to_owned()),
    }
}

/// The Zola setting (or its absence) that left highlighting off, or `None`
/// when the old site coloured code.
pub fn zola_off(config: &Map<String, Value>) -> Option<String> {
    let markdown = config.get("markdown").and_then(Value::as_object);
    let on = markdown
        .and_then(|m| m.get("highlight_code"))
        .and_then(Value::as_bool)
        == Some(true)
        || config.get("highlight_code").and_then(Value::as_bool) == Some(true)
        || markdown.is_some_and(|m| m.get("highlighting").is_some_and(Value::is_object));
    (!on).then(|| match markdown.and_then(|m| m.get("highlight_code")) {
        Some(_) => "[markdown] highlight_code = false".to_owned(),
        None => "không có highlight_code = true".to_owned(),
    })
}

/// The `[markdown]` table for the new site's configuration (empty when the
/// old site coloured code: minhbach does by default).
pub fn config_entries(off: Option<&str>) -> String {
    match off {
        Some(why) => format!(
            "\n# Trang cũ không tô màu đoạn mã ({why}); đổi thành true để tô màu (xem docs/cau-hinh.md).\n[markdown]\nhighlight = false\n"
        ),
        None => String::new(),
    }
}

/// The line of the import report.
pub fn report_note(off: &str) -> String {
    format!(
        "trang cũ không tô màu đoạn mã ({off}): minhbach.toml mới ghi [markdown] highlight = false; đổi thành true nếu muốn tô màu"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(toml_text: &str) -> Map<String, Value> {
        let v = crate::content::frontmatter::toml_to_json(toml::Value::Table(
            toml_text.parse().unwrap(),
        ));
        v.as_object().unwrap().clone()
    }

    #[test]
    fn hugo_colours_unless_code_fences_are_off() {
        let off = |t: &str| hugo_off(&map(t));
        assert_eq!(off(""), None);
        assert_eq!(
            off("[markup.highlight]\nnoClasses = false\nstyle = \"tango\""),
            None
        );
        assert_eq!(
            off("[markup.highlight]\ncodeFences = false\nnoClasses = false").as_deref(),
            Some("markup.highlight.codeFences = false")
        );
        // Keys in any case, as Hugo reads them.
        assert!(off("[Markup.Highlight]\ncodefences = false").is_some());
        assert_eq!(
            off("pygmentsCodeFences = false").as_deref(),
            Some("pygmentsCodeFences = false")
        );
        assert_eq!(
            off("pygmentsCodeFences = false\n[markup.highlight]\ncodeFences = true"),
            None
        );
    }

    #[test]
    fn zola_colours_only_when_asked() {
        let off = |t: &str| zola_off(&map(t));
        assert!(off("base_url = \"https://a.vn\"").is_some());
        assert_eq!(
            off("[markdown]\nhighlight_code = false").as_deref(),
            Some("[markdown] highlight_code = false")
        );
        assert_eq!(off("[markdown]\nhighlight_code = true"), None);
        assert_eq!(off("highlight_code = true"), None);
        assert_eq!(
            off("[markdown.highlighting]\ntheme = \"github-dark\""),
            None
        );
    }

    #[test]
    fn the_new_configuration_says_false_only_when_off() {
        assert_eq!(config_entries(None), "");
        let text = format!("title = \"x\"{}", config_entries(Some("a = false")));
        let parsed: toml::Table = text.parse().unwrap();
        assert_eq!(parsed["markdown"]["highlight"].as_bool(), Some(false));
    }
}
