//! Fenced code → highlighted HTML (syntect's grammars on `fancy-regex`, our
//! TOML grammar) on arbitrary text. The input's first line (at most
//! [`MAX_LANG`] bytes) is the info string, the rest the code. Must never
//! panic; the output must be the `<pre class="hl"><code class="language-…">`
//! wrapper around nothing but `<span class="hl-…">`/`</span>` and escaped
//! text that reads back as exactly the input code.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/highlight.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use minhbach::content::highlight::{self, CLASS_PREFIX};
use minhbach::text::escape;

/// Longest info string read from the first line (real ones are a word).
pub const MAX_LANG: usize = 40;

/// One input; panics on a broken invariant.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (info, code) = text.split_once('\n').unwrap_or((&text, ""));
    let mut end = info.len().min(MAX_LANG);
    while !info.is_char_boundary(end) {
        end -= 1;
    }
    let lang = highlight::language(&info[..end]);
    let known = highlight::is_known(lang);
    let Some(html) = highlight::highlight(lang, code) else {
        return;
    };
    assert!(known, "highlighted an unknown language {lang:?}");
    let open = format!(
        "<pre class=\"hl\"><code class=\"language-{}\">",
        escape::html(&lang.to_ascii_lowercase())
    );
    let inner = html
        .strip_prefix(&open)
        .and_then(|h| h.strip_suffix("</code></pre>\n"))
        .unwrap_or_else(|| panic!("wrapper changed: {html:?}"));
    assert_eq!(read_back(inner), code, "code text changed: {inner:?}");
}

/// The text of `inner` with its entities decoded; panics on any tag other
/// than the highlighter's spans and on a bare `<`, `>` or `&`.
fn read_back(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find(['<', '>', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("</span>") {
            rest = after;
        } else if let Some(after) = rest.strip_prefix("<span class=\"") {
            let (classes, after) = after
                .split_once("\">")
                .unwrap_or_else(|| panic!("unclosed span: {rest:?}"));
            for class in classes.split(' ') {
                assert!(
                    class.starts_with(CLASS_PREFIX)
                        && !class.contains(['<', '>', '&', '"', '\'', '=']),
                    "bad class {class:?}"
                );
            }
            rest = after;
        } else if rest.starts_with('&') {
            let (entity, after) = rest
                .split_once(';')
                .filter(|(e, _)| e.len() <= 8)
                .unwrap_or_else(|| panic!("bare & in {rest:?}"));
            out.push(match entity {
                "&lt" => '<',
                "&gt" => '>',
                "&amp" => '&',
                "&quot" => '"',
                "&#39" | "&#x27" | "&apos" => '\'',
                _ => panic!("unexpected entity {entity:?}"),
            });
            rest = after;
        } else {
            panic!("tag or bare < > not written by the highlighter: {rest:?}");
        }
    }
    out.push_str(rest);
    out
}
