//! Hugo (`{{< name … >}}`, `{{% name … %}}`, paired with `{{< /name >}}`)
//! and Zola (`{{ name(k="v") }}`, `{% name(…) %} … {% end %}`) shortcodes
//! in a body, converted to plain Markdown where there is an equivalent:
//! images (`figure`, any shortcode with `src`), video and social links
//! (`youtube`, `vimeo`, `gist`, `tweet`/`x`, `instagram` become ordinary
//! links — no third-party script), `ref`/`relref` (links to the page's new
//! source path), `highlight` (a fenced code block). Paired shortcodes
//! without an equivalent keep their content; the rest are removed. Every
//! change is listed for the report. Code (fenced or inline) is left alone,
//! except Hugo's escaped `{{</* … */>}}`, which becomes what Hugo shows.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

/// One shortcode met, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based line in the body.
    pub line: usize,
    pub name: String,
    /// What became of it (Vietnamese).
    pub outcome: String,
    /// Converted to an equivalent (false: removed or only its content kept).
    pub converted: bool,
}

#[derive(Debug, Clone)]
enum Kind {
    Open,
    Close,
    /// Zola `{% end %}`.
    End,
    /// Hugo `{{</* … */>}}`: shown, not run.
    Escaped(String),
}

#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    kind: Kind,
    name: String,
    /// Named arguments; positional ones under "0", "1", …
    args: BTreeMap<String, String>,
    /// Zola `{% … %}` block or Hugo open/close pair candidate.
    block: bool,
}

/// Converts the shortcodes of `body`. `resolve_ref` turns a Hugo `ref`
/// argument into a link destination (`None`: not found).
pub fn convert(body: &str, resolve_ref: &dyn Fn(&str) -> Option<String>) -> (String, Vec<Note>) {
    if !body.contains("{{") && !body.contains("{%") {
        return (body.to_owned(), Vec::new());
    }
    let code = code_ranges(body);
    let tokens = tokens(body, &code);
    let mut notes = Vec::new();
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        out.push_str(&unescape_code(&body[at..t.range.start], at, &code));
        let line = body[..t.range.start].matches('\n').count() + 1;
        let close = matches!(t.kind, Kind::Open)
            .then(|| closing(&tokens, i))
            .flatten();
        match (&t.kind, close) {
            (Kind::Escaped(shown), _) => {
                out.push('`');
                out.push_str(shown);
                out.push('`');
                at = t.range.end;
            }
            (Kind::Open, Some(j)) => {
                let inner_src = &body[t.range.end..tokens[j].range.start];
                let (inner, inner_notes) = convert(inner_src, resolve_ref);
                let shift = line - 1 + body[t.range.clone()].matches('\n').count();
                notes.extend(inner_notes.into_iter().map(|mut n| {
                    n.line += shift;
                    n
                }));
                let (text, outcome, converted) = paired(t, &inner);
                out.push_str(&text);
                notes.push(Note {
                    line,
                    name: t.name.clone(),
                    outcome,
                    converted,
                });
                at = tokens[j].range.end;
                i = j;
            }
            (Kind::Open, None) => {
                let (text, outcome, converted) = single(t, resolve_ref);
                out.push_str(&text);
                notes.push(Note {
                    line,
                    name: t.name.clone(),
                    outcome,
                    converted,
                });
                at = t.range.end;
            }
            (Kind::Close | Kind::End, _) => {
                notes.push(Note {
                    line,
                    name: t.name.clone(),
                    outcome: "thẻ đóng thừa, đã bỏ".into(),
                    converted: false,
                });
                at = t.range.end;
            }
        }
        i += 1;
    }
    out.push_str(&unescape_code(&body[at..], at, &code));
    (out, notes)
}

/// The index of the token closing `tokens[i]` (same name, nesting counted).
fn closing(tokens: &[Token], i: usize) -> Option<usize> {
    let open = &tokens[i];
    let mut depth = 0;
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        match &t.kind {
            Kind::Open if t.block && t.name == open.name && !open.block => depth += 1,
            Kind::Open if t.block && open.block => depth += 1,
            Kind::Close if t.name == open.name && !open.block => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            Kind::End if open.block => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Byte ranges of code (fenced, indented, inline) where shortcodes are text.
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut in_block: Option<usize> = None;
    for (e, r) in Parser::new(body).into_offset_iter() {
        match e {
            Event::Start(Tag::CodeBlock(_)) => in_block = Some(r.start),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                if let Some(s) = in_block.take() {
                    out.push(s..r.end);
                }
            }
            Event::Code(_) => out.push(r),
            _ => {}
        }
    }
    out
}

fn in_code(code: &[Range<usize>], at: usize) -> bool {
    code.iter().any(|r| r.contains(&at))
}

/// Hugo's escaped shortcodes inside code show as the shortcode itself.
fn unescape_code(text: &str, offset: usize, code: &[Range<usize>]) -> String {
    if !text.contains("/*")
        || !code
            .iter()
            .any(|r| r.start < offset + text.len() && r.end > offset)
    {
        return text.to_owned();
    }
    text.replace("{{</*", "{{<")
        .replace("*/>}}", ">}}")
        .replace("{{%/*", "{{%")
        .replace("*/%}}", "%}}")
}

/// Every shortcode token outside code, in order.
fn tokens(body: &str, code: &[Range<usize>]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let Some(rel) = body[at..].find('{') else {
            break;
        };
        let start = at + rel;
        at = start + 1;
        if in_code(code, start) {
            continue;
        }
        let rest = &body[start..];
        let (close, zola_block, zola_inline) = if rest.starts_with("{{<") {
            (">}}", false, false)
        } else if rest.starts_with("{{%") {
            ("%}}", false, false)
        } else if rest.starts_with("{%") {
            ("%}", true, false)
        } else if rest.starts_with("{{") {
            ("}}", false, true)
        } else {
            continue;
        };
        let open_len = if zola_block || zola_inline { 2 } else { 3 };
        let Some(end_rel) = rest[open_len..].find(close) else {
            continue;
        };
        let inner = rest[open_len..open_len + end_rel].trim();
        let end = start + open_len + end_rel + close.len();
        if inner.len() > 4000 {
            continue;
        }
        if !zola_block && !zola_inline && inner.starts_with("/*") {
            let shown = format!(
                "{}{}{}",
                &rest[..open_len],
                inner
                    .trim_start_matches("/*")
                    .trim_end_matches("*/")
                    .trim()
                    .replace('`', "'"),
                close
            );
            let shown = shown.replacen(&rest[..open_len], &format!("{} ", &rest[..open_len]), 1);
            let shown = shown.replacen(close, &format!(" {close}"), 1);
            out.push(Token {
                range: start..end,
                kind: Kind::Escaped(shown),
                name: String::new(),
                args: BTreeMap::new(),
                block: false,
            });
            at = end;
            continue;
        }
        let token = if zola_block || zola_inline {
            if zola_block && inner == "end" {
                Some(Token {
                    range: start..end,
                    kind: Kind::End,
                    name: "end".into(),
                    args: BTreeMap::new(),
                    block: true,
                })
            } else {
                zola_call(inner).map(|(name, args)| Token {
                    range: start..end,
                    kind: Kind::Open,
                    name,
                    args,
                    block: zola_block,
                })
            }
        } else if let Some(name) = inner.strip_prefix('/') {
            Some(Token {
                range: start..end,
                kind: Kind::Close,
                name: name.trim().to_owned(),
                args: BTreeMap::new(),
                block: false,
            })
        } else {
            let inner = inner.trim_end_matches('/').trim();
            let mut words = split_args(inner).into_iter();
            words.next().map(|name| {
                let mut args = BTreeMap::new();
                let mut n = 0;
                for w in words {
                    match w.split_once('=') {
                        Some((k, v)) if !k.contains(['"', ' ']) => {
                            args.insert(k.to_owned(), unquote(v));
                        }
                        _ => {
                            args.insert(n.to_string(), unquote(&w));
                            n += 1;
                        }
                    }
                }
                Token {
                    range: start..end,
                    kind: Kind::Open,
                    name,
                    args,
                    block: false,
                }
            })
        };
        if let Some(t) = token {
            at = end;
            out.push(t);
        }
    }
    out
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\'', '`'] {
        if let Some(x) = s.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return x.to_owned();
        }
    }
    s.to_owned()
}

/// Splits on spaces outside quotes.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match (quote, c) {
            (None, '"' | '\'' | '`') => {
                quote = Some(c);
                cur.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Zola `name(k="v", n=1)`.
fn zola_call(inner: &str) -> Option<(String, BTreeMap<String, String>)> {
    let open = inner.find('(')?;
    let name = inner[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let args_text = inner[open + 1..].trim_end().strip_suffix(')')?;
    let mut args = BTreeMap::new();
    let mut rest = args_text.trim();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim().to_owned();
        rest = rest[eq + 1..].trim_start();
        let (value, after) = match rest.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => {
                let end = rest[1..].find(q)? + 1;
                (rest[1..end].to_owned(), &rest[end + 1..])
            }
            _ => {
                let end = rest.find(',').unwrap_or(rest.len());
                (rest[..end].trim().to_owned(), &rest[end..])
            }
        };
        args.insert(key, value);
        rest = after.trim_start().trim_start_matches(',').trim_start();
    }
    Some((name.to_owned(), args))
}

fn arg<'a>(t: &'a Token, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|n| t.args.get(*n))
        .map(String::as_str)
        .filter(|s| !s.is_empty())
}

/// Markdown for an image with an optional caption.
fn image(src: &str, alt: &str, caption: Option<&str>) -> String {
    let alt = alt.replace(['[', ']'], "");
    let mut s = format!("![{alt}](<{src}>)");
    if let Some(c) = caption.filter(|c| !c.trim().is_empty()) {
        s.push_str(&format!("\n\n*{}*", c.trim()));
    }
    s
}

fn link(text: &str, url: &str) -> String {
    format!("[{}](<{url}>)", text.replace(['[', ']'], ""))
}

/// A single (unpaired) shortcode → (Markdown, outcome, converted).
fn single(t: &Token, resolve_ref: &dyn Fn(&str) -> Option<String>) -> (String, String, bool) {
    let name = t.name.to_lowercase();
    let title = arg(t, &["title", "caption", "alt"]);
    let id = || arg(t, &["id", "0"]);
    let as_link = |label: String, url: String, what: &str| {
        (
            link(&label, &url),
            format!("đổi thành liên kết {what} (không nhúng mã của bên thứ ba)"),
            true,
        )
    };
    match name.as_str() {
        "youtube" if id().is_some() => {
            let id = id().unwrap_or_default();
            let label = format!("Video trên YouTube: {}", title.unwrap_or(id));
            as_link(
                label,
                format!("https://www.youtube.com/watch?v={id}"),
                "tới video YouTube",
            )
        }
        "vimeo" if id().is_some() => {
            let id = id().unwrap_or_default();
            let label = format!("Video trên Vimeo: {}", title.unwrap_or(id));
            as_link(label, format!("https://vimeo.com/{id}"), "tới video Vimeo")
        }
        "gist" => match (
            arg(t, &["url"]),
            arg(t, &["user", "0"]),
            arg(t, &["id", "1"]),
        ) {
            (Some(url), _, _) => as_link(
                format!("Mã nguồn (gist): {url}"),
                url.to_owned(),
                "tới gist",
            ),
            (None, Some(user), Some(id)) => as_link(
                format!("Mã nguồn (gist) của {user}"),
                format!("https://gist.github.com/{user}/{id}"),
                "tới gist",
            ),
            _ => dropped(&name),
        },
        "tweet" | "x" | "twitter" => match (arg(t, &["user"]), arg(t, &["id", "0"])) {
            (Some(user), Some(id)) => as_link(
                format!("Bài đăng của @{user} trên X"),
                format!("https://x.com/{user}/status/{id}"),
                "tới bài đăng X",
            ),
            (None, Some(id)) => as_link(
                "Bài đăng trên X".into(),
                format!("https://x.com/i/status/{id}"),
                "tới bài đăng X",
            ),
            _ => dropped(&name),
        },
        "instagram" if id().is_some() => as_link(
            "Bài đăng trên Instagram".into(),
            format!("https://www.instagram.com/p/{}/", id().unwrap_or_default()),
            "tới Instagram",
        ),
        "ref" | "relref" => {
            let target = arg(t, &["0", "path"]).unwrap_or("");
            match resolve_ref(target) {
                Some(dest) => (
                    dest,
                    "đổi thành đường dẫn tới tệp nguồn của bài".into(),
                    true,
                ),
                None => (
                    "#".into(),
                    format!("không tìm thấy trang “{target}”; liên kết trỏ về “#”, cần sửa tay"),
                    false,
                ),
            }
        }
        _ => match arg(t, &["src", "url", "path", "0"]).filter(|s| looks_like_image(s)) {
            Some(src) => {
                let alt = arg(t, &["alt", "title", "caption"]).unwrap_or("");
                let caption = arg(t, &["caption", "title"]);
                (
                    image(src, alt, caption),
                    "đổi thành ảnh Markdown".into(),
                    true,
                )
            }
            None => dropped(&name),
        },
    }
}

fn looks_like_image(s: &str) -> bool {
    let l = s.to_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]
        .iter()
        .any(|e| l.split(['?', '#']).next().unwrap_or("").ends_with(e))
}

fn dropped(name: &str) -> (String, String, bool) {
    (
        String::new(),
        format!("mã chèn “{name}” không có tương đương trong minhbach, đã bỏ"),
        false,
    )
}

/// A paired shortcode with its (converted) content.
fn paired(t: &Token, inner: &str) -> (String, String, bool) {
    let name = t.name.to_lowercase();
    match name.as_str() {
        "highlight" | "code" => {
            let lang = arg(t, &["0", "lang", "language"]).unwrap_or("");
            let body = inner.trim_matches('\n');
            (
                format!("```{lang}\n{body}\n```"),
                "đổi thành khối mã".into(),
                true,
            )
        }
        "figure" => {
            let src = arg(t, &["src"]).unwrap_or("");
            let caption = Some(inner.trim())
                .filter(|c| !c.is_empty())
                .or(arg(t, &["caption"]));
            (
                image(src, arg(t, &["alt"]).unwrap_or(""), caption),
                "đổi thành ảnh Markdown".into(),
                true,
            )
        }
        "quote" | "blockquote" => {
            let quoted: Vec<String> = inner.trim().lines().map(|l| format!("> {l}")).collect();
            let mut s = quoted.join("\n");
            if let Some(a) = arg(t, &["author", "cite"]) {
                s.push_str(&format!("\n>\n> — {a}"));
            }
            (s, "đổi thành trích dẫn Markdown".into(), true)
        }
        _ => (
            inner.trim_matches('\n').to_owned(),
            format!("mã chèn “{name}” không có tương đương; đã bỏ khung, giữ nội dung bên trong"),
            false,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> (String, Vec<Note>) {
        convert(body, &|p: &str| {
            (p == "posts/a.md").then(|| "/tin-tuc/a.md".to_owned())
        })
    }

    #[test]
    fn hugo_shortcodes_become_markdown() {
        let body = "A\n\n{{< figure src=\"/img/a.png\" caption=\"Lớp học\" alt=\"Ảnh lớp\" >}}\n\n{{< youtube dQw4w9WgXcQ >}}\n\nXem [bài]({{< ref \"posts/a.md\" >}}).\n\n{{< tweet user=\"gov\" id=\"12\" >}}\n\n{{< gist u 9 >}}\n\n{{< highlight go >}}\nfunc x() {}\n{{< /highlight >}}\n\n{{% notice info %}}\n**Chú ý** điều này.\n{{% /notice %}}\n\n{{< toc >}}\n";
        let (out, notes) = run(body);
        assert!(
            out.contains("![Ảnh lớp](</img/a.png>)\n\n*Lớp học*"),
            "{out}"
        );
        assert!(
            out.contains(
                "[Video trên YouTube: dQw4w9WgXcQ](<https://www.youtube.com/watch?v=dQw4w9WgXcQ>)"
            ),
            "{out}"
        );
        assert!(out.contains("Xem [bài](/tin-tuc/a.md)."), "{out}");
        assert!(out.contains("https://x.com/gov/status/12"), "{out}");
        assert!(out.contains("https://gist.github.com/u/9"), "{out}");
        assert!(out.contains("```go\nfunc x() {}\n```"), "{out}");
        assert!(out.contains("**Chú ý** điều này."), "{out}");
        assert!(!out.contains("{{"), "{out}");
        let lines: Vec<(usize, &str, bool)> = notes
            .iter()
            .map(|n| (n.line, n.name.as_str(), n.converted))
            .collect();
        assert_eq!(
            lines,
            [
                (3, "figure", true),
                (5, "youtube", true),
                (7, "ref", true),
                (9, "tweet", true),
                (11, "gist", true),
                (13, "highlight", true),
                (17, "notice", false),
                (21, "toc", false)
            ]
        );
    }

    #[test]
    fn zola_shortcodes_and_code_is_left_alone() {
        let body = "{{ youtube(id=\"abc\", autoplay=true) }}\n\n{% quote(author=\"Bác Hồ\") %}\nKhông có gì quý hơn độc lập, tự do.\n{% end %}\n\n{{ dimmable_image(src=\"a b.png\", alt=\"Sơ đồ\") }}\n\n```\n{{ youtube(id=\"x\") }} and {{</* figure src=\"a\" */>}}\n```\n\nChữ `{{< x >}}` thường.\n";
        let (out, notes) = run(body);
        assert!(out.contains("https://www.youtube.com/watch?v=abc"), "{out}");
        assert!(
            out.contains("> Không có gì quý hơn độc lập, tự do.\n>\n> — Bác Hồ"),
            "{out}"
        );
        assert!(out.contains("![Sơ đồ](<a b.png>)"), "{out}");
        assert!(
            out.contains("```\n{{ youtube(id=\"x\") }} and {{< figure src=\"a\" >}}\n```"),
            "{out}"
        );
        assert!(out.contains("Chữ `{{< x >}}` thường."), "{out}");
        assert_eq!(notes.len(), 3, "{notes:?}");
    }

    #[test]
    fn unresolved_ref_and_escaped_shortcode_outside_code() {
        let (out, notes) = run("[x]({{< relref \"khong-co\" >}}) {{</* youtube a */>}}\n");
        assert!(out.starts_with("[x](#) `{{< youtube a >}}`"), "{out}");
        assert!(!notes[0].converted && notes[0].outcome.contains("khong-co"));
    }
}
