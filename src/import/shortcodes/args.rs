//! A shortcode's arguments: Hugo's space-separated, quoted or `k="v"`
//! arguments and Zola's `name(k="v", n=1)` call syntax.

use std::collections::BTreeMap;

pub(super) fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\'', '`'] {
        if let Some(x) = s.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return x.to_owned();
        }
    }
    s.to_owned()
}

/// Splits on spaces outside quotes.
pub(super) fn split_args(s: &str) -> Vec<String> {
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
pub(super) fn zola_call(inner: &str) -> Option<(String, BTreeMap<String, String>)> {
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
