//! Walks a built `public/` and checks every file for surviving payloads:
//! HTML through a lenient tokenizer (elements, attributes, URLs as a
//! browser would see them), SVG and XML parsed with roxmltree, JSON parsed
//! with serde_json, published CSV cells checked for live formulas.

use std::collections::BTreeMap;

/// One start or end tag as a browser's tokenizer would see it.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Text content for raw-text elements (`script`, `style`, `title`…).
    pub raw: Option<String>,
}

const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

/// Tokenizes HTML leniently (HTML5 tag/attribute rules, no tree building).
pub fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
            continue;
        }
        if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            continue;
        }
        let end_tag = b.get(i + 1) == Some(&b'/');
        let start = if end_tag { i + 2 } else { i + 1 };
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let mut j = start;
        while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
            j += 1;
        }
        let name = html[start..j].to_ascii_lowercase();
        let (attrs, after) = attributes(html, j);
        i = after;
        if end_tag {
            continue;
        }
        let mut raw = None;
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower = html[i..].to_ascii_lowercase();
            let e = lower.find(&close).unwrap_or(lower.len());
            raw = Some(html[i..i + e].to_owned());
            i += e;
        }
        out.push(Tag { name, attrs, raw });
    }
    out
}

fn attributes(html: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (ws(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, i);
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let s = i;
        i += 1; // the first character may be `=`
        while i < b.len() && !ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = html[s..i].to_ascii_lowercase();
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && ws(b[i]) {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i] as char;
                let e = html[i + 1..].find(q).map_or(b.len(), |e| i + 1 + e);
                value = html[i + 1..e].to_owned();
                i = (e + 1).min(b.len());
            } else {
                let s = i;
                while i < b.len() && !ws(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                value = html[s..i].to_owned();
            }
        }
        attrs.push((name, decode_entities(&value)));
    }
}

/// Decodes numeric and the common named character references.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(a) = rest.find('&') {
        out.push_str(&rest[..a]);
        let tail = &rest[a + 1..];
        let end = tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'));
        let (ent, skip) = match end {
            Some(e) => (&tail[..e], e + usize::from(tail[e..].starts_with(';'))),
            None => (tail, tail.len()),
        };
        let ch = if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
            u32::from_str_radix(h, 16).ok().and_then(char::from_u32)
        } else if let Some(d) = ent.strip_prefix('#') {
            d.parse().ok().and_then(char::from_u32)
        } else {
            match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "colon" => Some(':'),
                _ => None,
            }
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[skip..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when a browser would run code from this URL.
pub fn runs_code(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || cleaned.starts_with("data:text")
        || cleaned.contains("url=javascript:")
}

const FORBIDDEN: &[&str] = &[
    "script", "iframe", "object", "embed", "math", "mglyph", "mtext", "frame", "frameset", "base",
    "form", "x", "noscript", "textarea", "xmp",
];
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcset",
    "poster",
    "data",
    "cite",
    "background",
    "content",
];

/// `content` of a `<meta>` naming a title or a description is text shown as
/// such (a page titled "javascript:…" is odd, not active), never a URL a
/// browser follows; `http-equiv` refresh and image/URL metas stay checked.
fn is_text_meta(t: &Tag, name: &str) -> bool {
    name == "content"
        && t.name == "meta"
        && !t.attrs.iter().any(|(k, _)| k == "http-equiv")
        && t.attrs.iter().any(|(k, v)| {
            (k == "name" || k == "property")
                && (v.ends_with("title") || v.ends_with("description") || v.ends_with(":alt"))
        })
}

/// The default theme's own active markup, which content cannot produce:
/// the search forms (header and search page), the search page's
/// `<noscript>` notice and its one external script.
fn theme_owned(t: &Tag) -> bool {
    let attr = |k: &str| {
        t.attrs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    };
    let relative_to_root = |v: &str, file: &str| {
        v.strip_suffix(file)
            .is_some_and(|up| up.split_terminator('/').all(|s| s == ".."))
    };
    match t.name.as_str() {
        "form" => {
            matches!(attr("class"), Some("site-search" | "search-form"))
                && attr("action").is_some_and(|a| relative_to_root(a, "tim-kiem/"))
                && t.attrs.len() == 5
                && attr("aria-label").is_some()
        }
        "noscript" => t.attrs.is_empty(),
        "script" => {
            t.attrs.len() == 2
                && attr("defer") == Some("")
                && attr("src").is_some_and(|s| {
                    relative_to_root(s, "search.js") || relative_to_root(s, "print.js")
                })
                && t.raw.as_deref().is_none_or(|r| r.trim().is_empty())
        }
        _ => false,
    }
}

/// Problems in one HTML document (empty when clean).
pub fn html_problems(html: &str) -> Vec<String> {
    let mut p = Vec::new();
    for t in tags(html) {
        if FORBIDDEN.contains(&t.name.as_str()) && !theme_owned(&t) {
            p.push(format!("element <{}> {:?}", t.name, t.attrs));
        }
        if t.name == "style" && t.raw.as_deref().is_some_and(|r| !r.trim().is_empty()) {
            p.push(format!("inline <style>: {:?}", t.raw));
        }
        if t.name == "title" && t.raw.as_deref().is_some_and(|r| r.contains('<')) {
            p.push(format!("raw '<' in <title>: {:?}", t.raw));
        }
        for (name, value) in &t.attrs {
            if name.starts_with("on") {
                p.push(format!("event handler {name}={value:?} on <{}>", t.name));
            }
            if URL_ATTRS.contains(&name.as_str()) && !is_text_meta(&t, name) && runs_code(value) {
                p.push(format!("script URL {name}={value:?} on <{}>", t.name));
            }
            if name == "style" && value.to_ascii_lowercase().contains("javascript") {
                p.push(format!("script in style={value:?}"));
            }
            if t.name == "img" && name == "src" && value == "x" {
                p.push("injected <img src=x>".into());
            }
            if name.contains(['"', '\'', '<']) {
                p.push(format!("broken attribute name {name:?} on <{}>", t.name));
            }
        }
    }
    p.extend(text_problems(html));
    p
}

/// Problems any text output can have: control characters, evaluated
/// template syntax.
pub fn text_problems(text: &str) -> Vec<String> {
    let mut p = Vec::new();
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        p.push(format!("control character U+{:04X}", c as u32));
    }
    if text.contains("1234000") {
        p.push("template syntax was evaluated (1234000)".into());
    }
    p
}

/// Inline `<svg>…</svg>` fragments of an HTML page.
pub fn inline_svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(s) = rest.find("<svg") {
        let tail = &rest[s..];
        let Some(e) = tail.find("</svg>") else { break };
        out.push(&tail[..e + 6]);
        rest = &tail[e + 6..];
    }
    out
}

/// Problems in an SVG document: must parse as XML, no script or handlers.
pub fn svg_problems(svg: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(d) => d,
        Err(e) => return vec![format!("SVG does not parse as XML: {e}")],
    };
    let mut p = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name().to_ascii_lowercase();
        if matches!(name.as_str(), "script" | "foreignobject" | "x" | "img") {
            p.push(format!("SVG element <{name}>"));
        }
        for a in n.attributes() {
            if a.name().to_ascii_lowercase().starts_with("on") {
                p.push(format!("SVG handler {}", a.name()));
            }
            if a.name() == "href" && runs_code(a.value()) {
                p.push(format!("SVG script URL {}", a.value()));
            }
        }
    }
    p.extend(text_problems(svg));
    p
}

/// Problems in a feed or sitemap: must parse; HTML payloads inside are
/// checked as HTML.
pub fn xml_problems(xml: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(xml) {
        Ok(d) => d,
        Err(e) => return vec![format!("XML does not parse: {e}")],
    };
    let mut p = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if !matches!(
            name,
            "feed"
                | "entry"
                | "title"
                | "subtitle"
                | "summary"
                | "content"
                | "link"
                | "id"
                | "updated"
                | "published"
                | "author"
                | "name"
                | "category"
                | "generator"
                | "rights"
                | "uri"
                | "urlset"
                | "url"
                | "loc"
                | "lastmod"
                | "icon"
                | "email"
        ) {
            p.push(format!("unexpected XML element <{name}>"));
        }
        for a in n.attributes() {
            if a.name() == "href" && runs_code(a.value()) {
                p.push(format!("feed link {}", a.value()));
            }
        }
        if n.attribute("type") == Some("html")
            && let Some(t) = n.text()
        {
            p.extend(
                html_problems(t)
                    .into_iter()
                    .map(|e| format!("in <{name}>: {e}")),
            );
        }
    }
    p.extend(text_problems(xml));
    p
}

/// Problems in a published CSV: any cell that a spreadsheet would run.
pub fn csv_problems(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut p = Vec::new();
    for rec in r.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => return vec![format!("CSV does not parse: {e}")],
        };
        for cell in rec.iter() {
            let t = cell.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
            let looks_number = t
                .replace(['.', ','], "")
                .trim_start_matches('-')
                .parse::<u64>()
                .is_ok();
            if t.starts_with(['=', '+', '-', '@']) && !looks_number {
                p.push(format!("live formula cell {cell:?}"));
            }
        }
    }
    p
}

/// A search-index file must be exactly `minhbachSearch("name",{JSON});`
/// with the JSON valid and no raw `<` (content words are data, never code).
fn search_index_problems(js: &str) -> Vec<String> {
    let Some(rest) = js.strip_prefix("minhbachSearch(\"") else {
        return vec!["search index file does not start with minhbachSearch(\"".into()];
    };
    let Some((name, rest)) = rest.split_once("\",") else {
        return vec!["search index file has no name".into()];
    };
    if name.contains(['\\', '<', '\n']) {
        return vec![format!("search index name {name:?}")];
    }
    let Some(json) = rest.strip_suffix(");\n") else {
        return vec!["search index file does not end with );".into()];
    };
    let mut p = Vec::new();
    if json.contains('<') {
        p.push("raw '<' in search index".into());
    }
    if let Err(e) = serde_json::from_str::<serde_json::Value>(json) {
        p.push(format!("search index JSON does not parse: {e}"));
    }
    p.extend(text_problems(json));
    p
}

/// Checks every file of a built tree; returns `path: problem` lines.
pub fn scan_tree(tree: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut all = Vec::new();
    for (path, bytes) in tree {
        let ext = path.rsplit('.').next().unwrap_or("");
        let text = || String::from_utf8(bytes.clone()).expect("output is UTF-8");
        let problems = match ext {
            "html" => {
                let t = text();
                let mut p = html_problems(&t);
                for svg in inline_svgs(&t) {
                    p.extend(svg_problems(svg));
                }
                p
            }
            "svg" => svg_problems(&text()),
            "xml" => xml_problems(&text()),
            "json" => match serde_json::from_slice::<serde_json::Value>(bytes) {
                // Raw DEL is valid JSON; only evaluated templates matter.
                Ok(_) if text().contains("1234000") => vec!["template evaluated".into()],
                Ok(_) => Vec::new(),
                Err(e) => vec![format!("JSON does not parse: {e}")],
            },
            "csv" => csv_problems(bytes),
            "js" if path.starts_with("tim-kiem/") => search_index_problems(&text()),
            _ => Vec::new(),
        };
        all.extend(problems.into_iter().map(|p| format!("{path}: {p}")));
    }
    all
}
