//! Finding shortcodes in a body: Hugo `{{< … >}}`/`{{% … %}}` and Zola
//! `{{ name(…) }}`/`{% name(…) %}` tokens outside code (fenced, indented or
//! inline), in order, and Hugo's escaped `{{</* … */>}}` inside code.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::args::{split_args, unquote, zola_call};

#[derive(Debug, Clone)]
pub(super) enum Kind {
    Open,
    Close,
    /// Zola `{% end %}`.
    End,
    /// Hugo `{{</* … */>}}`: shown, not run.
    Escaped(String),
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) range: Range<usize>,
    pub(super) kind: Kind,
    pub(super) name: String,
    /// Named arguments; positional ones under "0", "1", …
    pub(super) args: BTreeMap<String, String>,
    /// Zola `{% … %}` block or Hugo open/close pair candidate.
    pub(super) block: bool,
}

/// Byte ranges of code (fenced, indented, inline) where shortcodes are text.
pub(super) fn code_ranges(body: &str) -> Vec<Range<usize>> {
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

pub(super) fn in_code(code: &[Range<usize>], at: usize) -> bool {
    code.iter().any(|r| r.contains(&at))
}

/// Hugo's escaped shortcodes inside code show as the shortcode itself.
pub(super) fn unescape_code(text: &str, offset: usize, code: &[Range<usize>]) -> String {
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
pub(super) fn tokens(body: &str, code: &[Range<usize>]) -> Vec<Token> {
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
