//! Removes active content from raw HTML that staff write inside Markdown:
//! `<script>`/`<iframe>`-like elements, `on…=` event handlers and
//! `javascript:` URLs. Formatting HTML (tables, `<br>`, `<span>`) passes.
//!
//! This is a conservative filter for trusted authors, not a general HTML
//! sanitiser; sites that publish untrusted text set `raw_html = "escape"`.

const BLOCKED_ELEMENTS: &[&str] = &[
    "script", "iframe", "object", "embed", "style", "base", "form", "meta", "link", "frame",
    "frameset", "svg", "math",
];

/// Returns `html` with dangerous tags escaped and dangerous attributes removed.
pub fn strip_active_content(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag_text = &rest[lt..];
        let end = tag_end(tag_text).unwrap_or(tag_text.len());
        let tag = &tag_text[..end];
        out.push_str(&clean_tag(tag));
        rest = &tag_text[end..];
    }
    out.push_str(rest);
    out
}

/// Index just past the `>` closing the tag, honouring quotes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn clean_tag(tag: &str) -> String {
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if tag.starts_with("<!--") {
        return String::new();
    }
    if BLOCKED_ELEMENTS.contains(&name.as_str()) || !tag.ends_with('>') {
        return crate::text::escape::html(tag);
    }
    // Drop event handlers and script URLs from attributes.
    let mut out = String::with_capacity(tag.len());
    let mut chars = tag.char_indices().peekable();
    let bytes = tag;
    let mut i = 0;
    while i < tag.len() {
        let c = bytes[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            // Attribute start?
            let attr_start = i + c.len_utf8();
            let attr_name: String = bytes[attr_start..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '>' && *c != '/')
                .collect();
            let lower = attr_name.to_ascii_lowercase();
            let (value_end, value) = attr_value(bytes, attr_start + attr_name.len());
            let dangerous = lower.starts_with("on")
                || lower == "style" && value.to_ascii_lowercase().contains("url(")
                || ([
                    "href",
                    "src",
                    "action",
                    "formaction",
                    "xlink:href",
                    "srcset",
                ]
                .contains(&lower.as_str())
                    && crate::text::escape::is_dangerous_url(&value));
            if !attr_name.is_empty() && dangerous {
                i = value_end;
                continue;
            }
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    let _ = chars.peek();
    out
}

/// Parses `="value"` after an attribute name; returns the end index and the value.
fn attr_value(tag: &str, mut i: usize) -> (usize, String) {
    let b = tag.as_bytes();
    while i < b.len() && (b[i] as char).is_whitespace() {
        i += 1;
    }
    if i >= b.len() || b[i] != b'=' {
        return (i, String::new());
    }
    i += 1;
    while i < b.len() && (b[i] as char).is_whitespace() {
        i += 1;
    }
    if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
        let q = b[i];
        let start = i + 1;
        let end = tag[start..]
            .find(q as char)
            .map_or(tag.len(), |e| start + e);
        return ((end + 1).min(tag.len()), tag[start..end].to_owned());
    }
    let start = i;
    while i < b.len() && !(b[i] as char).is_whitespace() && b[i] != b'>' {
        i += 1;
    }
    (i, tag[start..i].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_handlers_and_js_urls() {
        assert_eq!(
            strip_active_content("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            strip_active_content("<img src=x onerror=\"alert(1)\">"),
            "<img src=x>"
        );
        assert_eq!(
            strip_active_content("<a href=\"javascript:alert(1)\">x</a>"),
            "<a>x</a>"
        );
        assert_eq!(strip_active_content("<b>đậm</b><br>"), "<b>đậm</b><br>");
        assert_eq!(
            strip_active_content("<table class=\"t\"><tr><td>1</td></tr></table>"),
            "<table class=\"t\"><tr><td>1</td></tr></table>"
        );
        assert_eq!(
            strip_active_content("<IFRAME src=x>"),
            "&lt;IFRAME src=x&gt;"
        );
        assert_eq!(
            strip_active_content("<svg onload=alert(1)>"),
            "&lt;svg onload=alert(1)&gt;"
        );
    }
}
