//! Escaping for the contexts content strings land in: HTML text and
//! attributes, XML, and URLs (refusing `javascript:` and similar schemes).

/// Escapes `& < > " '` for HTML text or a quoted attribute (also valid XML).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML or XML 1.0 text.
            c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// True when a link target uses a scheme that can run code
/// (`javascript:`, `vbscript:`, `data:` other than images).
pub fn is_dangerous_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || (cleaned.starts_with("data:") && !cleaned.starts_with("data:image/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            html("<b>\"A & B\"</b>'"),
            "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;&#39;"
        );
        assert_eq!(html("a\u{0}b"), "ab");
    }

    #[test]
    fn refuses_script_urls() {
        assert!(is_dangerous_url("javascript:alert(1)"));
        assert!(is_dangerous_url(" JaVa\tScript:alert(1)"));
        assert!(is_dangerous_url("data:text/html,<script>"));
        assert!(!is_dangerous_url("data:image/png;base64,AAA"));
        assert!(!is_dangerous_url("https://example.org/"));
        assert!(!is_dangerous_url("../tin-tuc/"));
    }
}
