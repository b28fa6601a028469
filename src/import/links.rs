//! Links and images of an imported body, checked against the old site
//! and rewritten for the new tree: Zola `@/x.md`, old page addresses
//! (`/posts/bai/`), source paths of moved pages, static files (kept: the
//! build finds them in `static/`). A target that exists nowhere in the old
//! site is replaced by its text (an image by its description) and
//! reported, so the page builds without a broken link.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::content::links::{normalize, percent_decode};

/// What the checks need to know about the old site.
pub struct Context<'a> {
    /// Source path of the page (relative to the old content folder).
    pub src_rel: &'a str,
    /// The page's old address (`posts/bai/`).
    pub old_url: Option<&'a str>,
    /// Source path → destination path of every file imported.
    pub files: &'a BTreeMap<String, String>,
    /// Old address without slashes at the ends → destination path.
    pub old_urls: &'a BTreeMap<String, String>,
    /// Files under the old `static/`.
    pub statics: &'a BTreeSet<String>,
    /// The old site's sub-path (`BlogName`) or `""`.
    pub prefix: &'a str,
}

/// What to do with one link destination.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    Keep,
    Rewrite(String),
    Broken,
}

fn is_external(url: &str) -> bool {
    url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
        || url.find(':').is_some_and(|i| {
            i > 0
                && url[..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        })
}

/// Decides what becomes of `url` written in the page `ctx.src_rel`.
pub fn resolve(ctx: &Context<'_>, url: &str) -> Target {
    if let Some(p) = url.strip_prefix("@/") {
        let (path, frag) = split_fragment(p);
        return match ctx.files.get(&percent_decode(path)) {
            Some(dest) => Target::Rewrite(format!("/{dest}{frag}")),
            None => Target::Broken,
        };
    }
    if is_external(url) {
        return Target::Keep;
    }
    let (path, frag) = split_fragment(url);
    let path = percent_decode(path);
    let by_old_url = |p: &str| {
        let key = p.trim_matches('/');
        let key = key
            .strip_suffix("index.html")
            .unwrap_or(key)
            .trim_end_matches('/');
        ctx.old_urls
            .get(key)
            .map(|d| Target::Rewrite(format!("/{d}{frag}")))
    };
    if let Some(abs) = path.strip_prefix('/') {
        let abs = normalize(abs).unwrap_or_default();
        let unprefixed = if ctx.prefix.is_empty() {
            abs.clone()
        } else {
            abs.strip_prefix(ctx.prefix)
                .and_then(|r| r.strip_prefix('/').or((r.is_empty()).then_some("")))
                .map_or_else(|| abs.clone(), str::to_owned)
        };
        for p in [&unprefixed, &abs] {
            if ctx.statics.contains(p.trim_end_matches('/')) {
                return Target::Keep;
            }
            if let Some(dest) = ctx.files.get(p.as_str()) {
                return Target::Rewrite(format!("/{dest}{frag}"));
            }
            if let Some(t) = by_old_url(p) {
                return t;
            }
        }
        return if unprefixed.trim_matches('/').is_empty() {
            Target::Keep
        } else {
            Target::Broken
        };
    }
    let dir = ctx.src_rel.rsplit_once('/').map_or("", |(d, _)| d);
    if let Some(joined) = normalize(&format!("{dir}/{path}"))
        && let Some(dest) = ctx.files.get(&joined)
    {
        {
            let same_folder = joined.rsplit_once('/').map_or("", |(d, _)| d) == dir;
            let page = joined.ends_with(".md") || joined.ends_with(".markdown");
            return if same_folder && !page {
                Target::Keep
            } else {
                Target::Rewrite(format!("/{dest}{frag}"))
            };
        }
    }
    // Hugo resolves a relative URL against the page's address.
    if let Some(old) = ctx.old_url
        && let Some(joined) = normalize(&format!("{old}{path}"))
    {
        if let Some(t) = by_old_url(&joined) {
            return t;
        }
        if ctx.statics.contains(joined.trim_end_matches('/')) {
            return Target::Rewrite(format!("/{}{frag}", joined.trim_end_matches('/')));
        }
    }
    if path.is_empty() {
        Target::Keep
    } else {
        Target::Broken
    }
}

fn split_fragment(url: &str) -> (&str, &str) {
    match url.find(['#', '?']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    }
}

/// A link or image the import changed or removed, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub text: String,
}

/// Rewrites or removes the links of `body`.
pub fn fix(body: &str, ctx: &Context<'_>) -> (String, Vec<Note>) {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut notes = Vec::new();
    let line_of = |at: usize| body[..at].matches('\n').count() + 1;
    let mut events = Parser::new_ext(body, Options::all())
        .into_offset_iter()
        .peekable();
    while let Some((e, range)) = events.next() {
        let (dest, image) = match &e {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url.to_string(), false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url.to_string(), true),
            Event::Html(h) | Event::InlineHtml(h) => {
                // Markdown is read around inline HTML and instead of an
                // HTML block that is a lone `<img>`.
                let markdown_ok = matches!(e, Event::InlineHtml(_))
                    || (h.trim().starts_with("<img") && h.trim().matches('<').count() == 1);
                html_images(
                    body,
                    range.clone(),
                    ctx,
                    markdown_ok,
                    &mut edits,
                    &mut notes,
                );
                html_links(body, range, ctx, &mut edits, &mut notes);
                continue;
            }
            _ => continue,
        };
        match resolve(ctx, &dest) {
            Target::Keep => {}
            Target::Rewrite(new) => {
                let slice = &body[range.clone()];
                if let Some(i) = slice.rfind("](")
                    && slice.ends_with(')')
                {
                    let start = range.start + i + 2;
                    let end = range.end - 1;
                    let old = &body[start..end];
                    let title = old
                        .find([' ', '\t'])
                        .filter(|_| !old.starts_with('<'))
                        .map_or("", |j| &old[j..]);
                    edits.push((start..end, format!("<{new}>{title}")));
                }
            }
            Target::Broken => {
                // The visible text of the link/image.
                let mut text = String::new();
                for (inner, _) in events.by_ref() {
                    match inner {
                        Event::End(TagEnd::Link | TagEnd::Image) => break,
                        Event::Text(t) | Event::Code(t) => text.push_str(&t),
                        _ => {}
                    }
                }
                let line = line_of(range.start);
                let (replacement, what) = if image {
                    let alt = if text.trim().is_empty() {
                        "ảnh".to_owned()
                    } else {
                        text.clone()
                    };
                    (format!("*({alt})*"), "ảnh")
                } else {
                    (text.clone(), "liên kết")
                };
                notes.push(Note {
                    line,
                    text: format!("{what} “{dest}” không có trong trang cũ: đã thay bằng chữ"),
                });
                edits.push((range, escape_md(&replacement)));
            }
        }
    }
    // Apply from the end; skip edits inside an already applied one.
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = body.to_owned();
    let mut floor = usize::MAX;
    for (r, text) in edits {
        if r.end > floor {
            continue;
        }
        out.replace_range(r.clone(), &text);
        floor = r.start;
    }
    (out, notes)
}

/// `<img src="…">` in raw HTML whose file is missing from the old site:
/// the tag is replaced by its `alt` text and noted (other tags are kept).
fn html_images(
    body: &str,
    range: Range<usize>,
    ctx: &Context<'_>,
    markdown_ok: bool,
    edits: &mut Vec<(Range<usize>, String)>,
    notes: &mut Vec<Note>,
) {
    for (start, tag) in html_tags(&body[range.clone()], "img") {
        let Some(src) = attr(tag, "src") else {
            continue;
        };
        let at = range.start + start;
        let target = resolve(ctx, &src);
        // A file of the site, written root-absolute or moved: a Markdown
        // image, which the build checks and places under any sub-path.
        let local = !is_external(&src) && !src.starts_with("data:");
        if target != Target::Broken {
            if markdown_ok && local {
                let dest = match target {
                    Target::Rewrite(d) => d,
                    _ => src.clone(),
                };
                let alt = attr(tag, "alt").unwrap_or_default().replace(['[', ']'], "");
                notes.push(Note {
                    line: body[..at].matches('\n').count() + 1,
                    text: format!("ảnh HTML “{src}” đổi thành ảnh Markdown (bỏ cỡ, kiểu của thẻ)"),
                });
                edits.push((at..at + tag.len(), format!("![{alt}](<{dest}>)")));
            }
            continue;
        }
        let alt = attr(tag, "alt").unwrap_or_else(|| "ảnh".to_owned());
        notes.push(Note {
            line: body[..at].matches('\n').count() + 1,
            text: format!("ảnh “{src}” không có trong trang cũ: đã thay bằng chữ"),
        });
        edits.push((
            at..at + tag.len(),
            format!("<em>({})</em>", alt.replace(['<', '>', '&'], "")),
        ));
    }
}

/// `<a href="…">` in raw HTML whose target is missing from the old site:
/// the opening tag and the next `</a>` are removed, so the link's text
/// stays as plain text (as for a Markdown link), and noted. Other links
/// are kept as written.
fn html_links(
    body: &str,
    range: Range<usize>,
    ctx: &Context<'_>,
    edits: &mut Vec<(Range<usize>, String)>,
    notes: &mut Vec<Note>,
) {
    for (start, tag) in html_tags(&body[range.clone()], "a") {
        let Some(href) = attr(tag, "href") else {
            continue;
        };
        if resolve(ctx, &href) != Target::Broken {
            continue;
        }
        let at = range.start + start;
        let after = at + tag.len();
        notes.push(Note {
            line: body[..at].matches('\n').count() + 1,
            text: format!("liên kết “{href}” không có trong trang cũ: đã thay bằng chữ"),
        });
        edits.push((at..after, String::new()));
        if let Some(close) = body[after..].to_ascii_lowercase().find("</a>") {
            edits.push((after + close..after + close + 4, String::new()));
        }
    }
}

/// Every opening tag `<name …>` of `html` (the name in any case; `<a` is
/// not `<abbr`), with its byte offset.
fn html_tags<'h>(html: &'h str, name: &str) -> Vec<(usize, &'h str)> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open) {
        let start = from + i;
        from = start + open.len();
        if !lower[from..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            continue;
        }
        let Some(len) = html[start..].find('>') else {
            break;
        };
        out.push((start, &html[start..=start + len]));
        from = start + len + 1;
    }
    out
}

/// The value of `name="…"` (or `'…'`) in an HTML tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut search = 0;
    while let Some(i) = lower[search..].find(name) {
        let at = search + i;
        search = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let q = rest.chars().next()?;
        if q == '"' || q == '\'' {
            return rest[1..].find(q).map(|e| rest[1..1 + e].to_owned());
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(rest.len());
        return Some(rest[..end].to_owned());
    }
    None
}

fn escape_md(s: &str) -> String {
    s.replace('[', "\\[").replace(']', "\\]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_mapped_kept_or_unlinked() {
        let files: BTreeMap<String, String> = [
            ("posts/a.md".to_owned(), "tin-tuc/a.md".to_owned()),
            (
                "posts/b/index.md".to_owned(),
                "tin-tuc/b/index.md".to_owned(),
            ),
            ("posts/b/anh.png".to_owned(), "tin-tuc/b/anh.png".to_owned()),
        ]
        .into();
        let old_urls: BTreeMap<String, String> =
            [("posts/a".to_owned(), "tin-tuc/a.md".to_owned())].into();
        let statics: BTreeSet<String> = ["images/x.png".to_owned()].into();
        let ctx = Context {
            src_rel: "posts/b/index.md",
            old_url: Some("posts/b/"),
            files: &files,
            old_urls: &old_urls,
            statics: &statics,
            prefix: "Blog",
        };
        let body = "[a](/Blog/posts/a/#muc) ![x](/Blog/images/x.png) ![y](anh.png) [z](@/posts/a.md) [c](../a/) ![m](/images/mat.png) [w](https://x.vn)\n";
        let (out, notes) = fix(body, &ctx);
        assert_eq!(
            out,
            "[a](</tin-tuc/a.md#muc>) ![x](/Blog/images/x.png) ![y](anh.png) [z](</tin-tuc/a.md>) [c](</tin-tuc/a.md>) *(m)* [w](https://x.vn)\n"
        );
        assert_eq!(notes.len(), 1);
        assert!(notes[0].text.contains("/images/mat.png"));
        let html = "<p align=\"center\"><img width=\"50%\" src=\"/me.jpg\" alt=\"Tôi\"> <img src=\"/Blog/images/x.png\"></p>\n";
        let (out, notes) = fix(html, &ctx);
        assert_eq!(
            out,
            "<p align=\"center\"><em>(Tôi)</em> <img src=\"/Blog/images/x.png\"></p>\n"
        );
        assert!(notes[0].text.contains("/me.jpg"));
    }

    /// A raw-HTML link to a page the old site does not have (seen in a
    /// table of the Zola theme tabi's documentation) loses its tag and keeps
    /// its text, like a Markdown link; links that resolve are kept.
    #[test]
    fn broken_html_links_keep_their_text() {
        let files = BTreeMap::new();
        let old_urls = BTreeMap::new();
        let statics = BTreeSet::new();
        let ctx = Context {
            src_rel: "blog/a.md",
            old_url: Some("blog/a/"),
            files: &files,
            old_urls: &old_urls,
            statics: &statics,
            prefix: "",
        };
        let body = "| a | Welcome to <a href=\"/series/learn-rust\">Learn Rust</a>! |\n|---|---|\n\n<p>See <A HREF='/khong-co/'>this</A> and <a href=\"https://example.org/\">that</a>.</p>\n";
        let (out, notes) = fix(body, &ctx);
        assert!(out.contains("| a | Welcome to Learn Rust! |"), "{out}");
        assert!(
            out.contains("<p>See this and <a href=\"https://example.org/\">that</a>.</p>"),
            "{out}"
        );
        let lines: Vec<usize> = notes.iter().map(|n| n.line).collect();
        assert_eq!(lines, [1, 4], "{notes:?}");
    }

    #[test]
    fn html_images_of_the_site_become_markdown() {
        let files: BTreeMap<String, String> =
            [("posts/b/anh.png".to_owned(), "tin-tuc/b/anh.png".to_owned())].into();
        let statics: BTreeSet<String> = ["images/x.png".to_owned()].into();
        let ctx = Context {
            src_rel: "posts/b/index.md",
            old_url: None,
            files: &files,
            old_urls: &BTreeMap::new(),
            statics: &statics,
            prefix: "",
        };
        let body = "Chữ <img src=\"/images/x.png\" alt=\"X\" width=\"9\"> chữ.\n\n<img src=\"anh.png\">\n\n<div><img src=\"/images/x.png\"></div>\n";
        let (out, notes) = fix(body, &ctx);
        assert_eq!(
            out,
            "Chữ ![X](</images/x.png>) chữ.\n\n![](<anh.png>)\n\n<div><img src=\"/images/x.png\"></div>\n"
        );
        assert_eq!(notes.len(), 2);
    }
}
