//! Removes active content from raw HTML that staff write inside Markdown:
//! `<script>`/`<iframe>`-like elements, `on…=` event handlers and
//! `javascript:` URLs. Formatting HTML (tables, `<br>`, `<span>`) passes.
//! `style` (a full-page invisible link; refused by a strict CSP anyway) and
//! `name` (DOM clobbering) are dropped, links never carry `data:` URLs, and
//! an `id` is kept only under the [`ID_PREFIX`] (`nd-`, "nội dung"): an id
//! written without it gets it, and so do the attributes that refer to ids
//! (`headers`, `for`, `aria-labelledby`…), so a post cannot take the theme's
//! ids (`id="search"`) or the browser's global names.
//!
//! Elements come from an allowlist and attributes are re-serialised after
//! tokenizing them as a browser does. This is a filter for trusted authors,
//! not a general HTML
//! sanitiser; sites that publish untrusted text set `raw_html = "escape"`.

/// Elements staff may write; anything else (`script`, `iframe`, `style`,
/// `svg`, `math`, `form`, `textarea`, unknown names, `<!DOCTYPE`, CDATA…)
/// is shown as text.
const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Attributes holding a URL, checked for script schemes.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "poster",
    "cite",
    "background",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "longdesc",
    "usemap",
];

/// Prefix of every id written in a post's raw HTML (docs: bảo mật, mục 2).
pub const ID_PREFIX: &str = "nd-";

/// Attributes naming ids (space-separated), prefixed like `id`.
const ID_REFERENCES: &[&str] = &[
    "id",
    "headers",
    "for",
    "list",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-activedescendant",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
];

/// Attributes a reader follows as a link: no `data:` URL at all.
const LINK_ATTRIBUTES: &[&str] = &["href", "xlink:href", "action", "formaction"];

/// Attributes that name a page or file of the site when relative:
/// (element, attribute). Their values go through the caller's link check.
const CHECKED_URLS: &[(&str, &str)] = &[
    ("a", "href"),
    ("img", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("track", "src"),
];

/// A link or file address in raw HTML, handed to the caller's link check.
pub struct UrlAttribute<'a> {
    pub element: &'a str,
    pub attribute: &'a str,
    /// As written (character references not decoded).
    pub value: &'a str,
    /// Byte offset of its tag in the HTML text.
    pub offset: usize,
}

/// Returns `html` with dangerous tags escaped and dangerous attributes removed.
pub fn strip_active_content(html: &str) -> String {
    strip_active_content_with(html, &mut |u| u.value.to_owned())
}

/// Like [`strip_active_content`], and each kept `<a href>`, `<img src>`…
/// is replaced by what `check` returns for it (the resolved address).
pub fn strip_active_content_with(
    html: &str,
    check: &mut dyn FnMut(&UrlAttribute<'_>) -> String,
) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag_text = &rest[lt..];
        let end = tag_end(tag_text).unwrap_or(tag_text.len());
        let tag = &tag_text[..end];
        let offset = html.len() - tag_text.len();
        out.push_str(&clean_tag(tag, &mut |element, attribute, value| {
            check(&UrlAttribute {
                element,
                attribute,
                value,
                offset,
            })
        }));
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

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Re-serialises an allowed tag with only harmless attributes, each
/// double-quoted; escapes anything else as text.
fn clean_tag(tag: &str, check: &mut dyn FnMut(&str, &str, &str) -> String) -> String {
    if tag.starts_with("<!--") {
        return String::new();
    }
    let end_tag = tag.starts_with("</");
    let after = &tag[if end_tag { 2 } else { 1 }..];
    let name_len = after
        .find(|c: char| is_space(c) || c == '/' || c == '>')
        .unwrap_or(after.len());
    let name = after[..name_len].to_ascii_lowercase();
    if !tag.ends_with('>') || !ALLOWED_ELEMENTS.contains(&name.as_str()) {
        return crate::text::escape::html(tag);
    }
    if end_tag {
        return format!("</{name}>");
    }
    let mut out = format!("<{name}");
    for (attr, value) in attributes(&after[name_len..after.len() - 1]) {
        let plain_name = !attr.is_empty()
            && attr
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'));
        if !plain_name || is_dangerous_attribute(&attr, &value) {
            continue;
        }
        let value = match value {
            Some(v) if ID_REFERENCES.contains(&attr.as_str()) => Some(prefix_ids(&v)),
            Some(v) if CHECKED_URLS.contains(&(name.as_str(), attr.as_str())) => {
                Some(check(&name, &attr, &v))
            }
            v => v,
        };
        match value {
            None => out.push_str(&format!(" {attr}")),
            // `<` and `>` are harmless inside a quoted value, but escaping
            // them keeps the output readable by naive tools too.
            Some(v) => out.push_str(&format!(
                " {attr}=\"{}\"",
                v.replace('"', "&quot;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            )),
        }
    }
    out.push('>');
    out
}

/// Attributes as a browser tokenizes them (HTML5 rules: `/` separates,
/// quoted or unquoted values); names lower-cased, values raw.
fn attributes(s: &str) -> Vec<(String, Option<String>)> {
    let mut attrs = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == '/');
        if rest.is_empty() {
            return attrs;
        }
        // The first character of a name may be `=` (a parse error browsers accept).
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let len = rest[first..]
            .find(|c: char| is_space(c) || c == '/' || c == '=')
            .map_or(rest.len(), |i| i + first);
        let name = rest[..len].to_ascii_lowercase();
        rest = rest[len..].trim_start_matches(is_space);
        let Some(after_eq) = rest.strip_prefix('=') else {
            attrs.push((name, None));
            continue;
        };
        let v = after_eq.trim_start_matches(is_space);
        let (value, next) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &v[1..];
                let e = body.find(q).unwrap_or(body.len());
                (&body[..e], &body[(e + 1).min(body.len())..])
            }
            _ => {
                let e = v.find(is_space).unwrap_or(v.len());
                (&v[..e], &v[e..])
            }
        };
        attrs.push((name, Some(value.to_owned())));
        rest = next;
    }
}

/// `nd-` before each id of a space-separated list that lacks it.
fn prefix_ids(value: &str) -> String {
    value
        .split(is_space)
        .filter(|id| !id.is_empty())
        .map(|id| {
            if id.starts_with(ID_PREFIX) {
                id.to_owned()
            } else {
                format!("{ID_PREFIX}{id}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_dangerous_attribute(name: &str, value: &Option<String>) -> bool {
    let value = value.as_deref().unwrap_or("");
    name.starts_with("on")
        || matches!(name, "srcdoc" | "style" | "name")
        || URL_ATTRIBUTES.contains(&name) && is_dangerous_url_attribute(value)
        || LINK_ATTRIBUTES.contains(&name) && is_data_url(value)
}

/// `data:` however it is spelled (spaces, control characters, case).
fn is_data_url(value: &str) -> bool {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(5)
        .collect();
    cleaned.eq_ignore_ascii_case("data:")
}

/// A URL attribute value runs code if its decoded form has a script scheme;
/// any character reference before the first `/ ? #` (where the scheme is)
/// counts as hiding one.
fn is_dangerous_url_attribute(raw: &str) -> bool {
    let head = raw.split(['/', '?', '#']).next().unwrap_or("");
    head.contains('&')
        || raw
            .split(',')
            .any(|part| crate::text::escape::is_dangerous_url(part.trim_start()))
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
            "<img src=\"x\">"
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

    #[test]
    fn handles_browser_attribute_syntax() {
        // `/` separates attributes.
        assert_eq!(
            strip_active_content("<img/onerror=alert(1) src=x>"),
            "<img src=\"x\">"
        );
        // Whitespace inside a quoted value is not an attribute boundary.
        assert_eq!(
            strip_active_content("<div title=\"x onclick=alert(1)\" onmouseover='y'>"),
            "<div title=\"x onclick=alert(1)\">"
        );
        // Character references cannot hide a script scheme.
        assert_eq!(
            strip_active_content("<a href=\"&#106;avascript:alert(1)\">x</a>"),
            "<a>x</a>"
        );
        assert_eq!(
            strip_active_content("<a href=\"java&#x09;script:x\" title='a\"b'>x</a>"),
            "<a title=\"a&quot;b\">x</a>"
        );
        // Entities after the scheme are fine.
        assert_eq!(
            strip_active_content("<a href=\"https://x.vn/?a=1&amp;b=2\">x</a>"),
            "<a href=\"https://x.vn/?a=1&amp;b=2\">x</a>"
        );
        // Unknown and MathML elements are text.
        assert_eq!(
            strip_active_content("<mglyph><x>"),
            "&lt;mglyph&gt;&lt;x&gt;"
        );
        assert_eq!(strip_active_content("<![CDATA[x]]>"), "&lt;![CDATA[x]]&gt;");
    }

    #[test]
    fn quotes_inside_unquoted_values_do_not_hide_markup() {
        // Found by the `markdown` fuzz target: a `"` in the middle of an
        // unquoted value made `<script` end up inside an attribute value.
        let out = strip_active_content("<s ags=[\"A qua itle=\"x <script>alert(1)</script> y");
        assert!(!out.to_ascii_lowercase().contains("<script"), "{out}");
        assert_eq!(
            out,
            "<s ags=\"[&quot;A\" qua itle=\"x &lt;script\">alert(1)&lt;/script&gt; y"
        );
    }

    #[test]
    fn drops_style_name_and_data_links_and_prefixes_ids() {
        // A full-page invisible link over the site.
        assert_eq!(
            strip_active_content(
                "<a href=\"https://x.vn/\" style=\"position:fixed;inset:0;opacity:0\">x</a>"
            ),
            "<a href=\"https://x.vn/\">x</a>"
        );
        // DOM clobbering: names and the theme's ids.
        assert_eq!(
            strip_active_content("<img name=\"getElementById\" src=\"a.png\" id=\"search\">"),
            "<img src=\"a.png\" id=\"nd-search\">"
        );
        assert_eq!(
            strip_active_content("<span id=\"nd-phu-luc\">"),
            "<span id=\"nd-phu-luc\">"
        );
        // References follow their ids.
        assert_eq!(
            strip_active_content(
                "<th id=\"a\">A</th><td headers=\"a  nd-b\" aria-describedby=\"c\">1</td>"
            ),
            "<th id=\"nd-a\">A</th><td headers=\"nd-a nd-b\" aria-describedby=\"nd-c\">1</td>"
        );
        // No data: in links, however written; images may still embed one.
        for href in ["data:text/html,x", " DATA:image/svg+xml,x", "da\tta:x"] {
            assert_eq!(
                strip_active_content(&format!("<a href=\"{href}\">x</a>")),
                "<a>x</a>",
                "{href}"
            );
        }
        assert_eq!(
            strip_active_content("<img src=\"data:image/png;base64,AA\">"),
            "<img src=\"data:image/png;base64,AA\">"
        );
    }
}
