//! Links and images of an imported body, checked against the old site
//! and rewritten for the new tree: Zola `@/x.md`, old page addresses
//! (`/posts/bai/`), source paths of moved pages, static files (kept: the
//! build finds them in `static/`). A target that exists nowhere in the old
//! site is replaced by its text (an image by its description) and
//! reported, so the page builds without a broken link. Image paths with
//! spaces (`![x](anh lop hoc.png)`) are wrapped in `<…>` so Markdown reads
//! them.

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

/// Wraps image/link destinations with spaces in `<…>`.
pub fn fix_spaces(body: &str) -> String {
    if !body.contains("](") {
        return body.to_owned();
    }
    let mut out = String::with_capacity(body.len() + 16);
    let mut fence = false;
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        if fence || !line.contains("](") {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            out.push_str(&rest[..i + 2]);
            rest = &rest[i + 2..];
            let Some(close) = rest.find(')') else { break };
            let dest = &rest[..close];
            let titled = dest.trim_end().ends_with('"') && dest.matches('"').count() >= 2;
            if dest.contains(' ') && !dest.starts_with('<') && !titled && !dest.contains('`') {
                out.push('<');
                out.push_str(dest.trim());
                out.push('>');
                rest = &rest[close..];
            }
        }
        out.push_str(rest);
    }
    out
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
    }

    #[test]
    fn spaces_in_destinations_are_wrapped() {
        assert_eq!(
            fix_spaces("![x](anh lop hoc.png) [t](a.png \"Tiêu đề\")\n"),
            "![x](<anh lop hoc.png>) [t](a.png \"Tiêu đề\")\n"
        );
        assert_eq!(
            fix_spaces("```\n![x](a b.png)\n```\n"),
            "```\n![x](a b.png)\n```\n"
        );
    }
}
