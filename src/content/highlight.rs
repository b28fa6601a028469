//! Syntax highlighting of fenced code blocks at build time, with CSS
//! classes only (`<span class="hl-keyword">`), so pages need no inline
//! style and no script and work under `Content-Security-Policy:
//! default-src 'self'`. The grammars are syntect's default set (Sublime
//! Text's) plus our own TOML grammar; regexes run on `fancy-regex` (pure
//! Rust, no C library). An unknown or missing language gives `None` and the
//! caller keeps the plain `<pre><code>`. Choice and cost:
//! docs/decisions/0014-word-and-highlighting.md.

use std::sync::LazyLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxDefinition, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Prefix of every class the highlighter writes; the theme's CSS styles
/// `.hl-comment`, `.hl-string`, `.hl-keyword` ….
pub const CLASS_PREFIX: &str = "hl-";

/// Loaded on first use only: a site without code pays nothing.
static DEFAULTS: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static EXTRA: LazyLock<SyntaxSet> = LazyLock::new(|| {
    let mut builder = SyntaxSet::new().into_builder();
    let toml = SyntaxDefinition::load_from_str(include_str!("toml.sublime-syntax"), true, None)
        .expect("the bundled TOML grammar is valid");
    builder.add(toml);
    builder.build()
});

/// Names people write after ``` that are not a grammar's file extension.
const ALIASES: &[(&str, &str)] = &[
    ("shell", "bash"),
    ("console", "bash"),
    ("shell-session", "bash"),
    ("zsh", "bash"),
    ("javascript", "js"),
    ("typescript", "js"),
    ("ts", "js"),
    ("jsonc", "json"),
    ("golang", "go"),
    ("c++", "cpp"),
    ("csharp", "cs"),
    ("ini", "toml"),
];

/// Languages that mean “no highlighting”.
const PLAIN: &[&str] = &["text", "txt", "plain", "plaintext", "output", "none"];

/// The language token of an info string: ```` ```rust,ignore ````,
/// ```` ```python {linenos=true} ```` (Hugo) → `rust`, `python`.
pub fn language(info: &str) -> &str {
    info.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("")
}

fn find(lang: &str) -> Option<(&'static SyntaxSet, &'static SyntaxReference)> {
    let lang = lang.to_ascii_lowercase();
    if lang.is_empty() || PLAIN.contains(&lang.as_str()) {
        return None;
    }
    let lang = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lang)
        .map_or(lang.as_str(), |(_, to)| to);
    if let Some(s) = EXTRA.find_syntax_by_token(lang) {
        return Some((&EXTRA, s));
    }
    let s = DEFAULTS.find_syntax_by_token(lang)?;
    (s.name != "Plain Text").then_some((&DEFAULTS, s))
}

/// Whether `lang` (an info string's first word) has a grammar.
pub fn is_known(lang: &str) -> bool {
    find(lang).is_some()
}

/// The whole `<pre><code>` element for `code` in `lang`, or `None` when the
/// language is unknown (or the grammar fails on this input).
pub fn highlight(lang: &str, code: &str) -> Option<String> {
    let (set, syntax) = find(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed {
            prefix: CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    let body = generator.finalize();
    let class = crate::text::escape::html(&lang.to_ascii_lowercase());
    Some(format!(
        "<pre class=\"hl\"><code class=\"language-{class}\">{body}</code></pre>\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_strings_give_the_language() {
        assert_eq!(language("rust,ignore"), "rust");
        assert_eq!(language("python {linenos=true}"), "python");
        assert_eq!(language(""), "");
    }

    #[test]
    fn common_languages_get_classes_and_no_style() {
        let cases = [
            ("rust", "fn main() { let x = \"a\"; } // c\n", "hl-keyword"),
            ("python", "def f(x):\n    return 'a'  # c\n", "hl-string"),
            ("bash", "echo \"$HOME\" # c\n", "hl-comment"),
            ("sh", "if [ -f a ]; then ls; fi\n", "hl-keyword"),
            ("toml", "[site]\ntitle = \"Xã\" # c\nn = 3\n", "hl-entity"),
            ("json", "{\"a\": [1, true, null]}\n", "hl-string"),
        ];
        for (lang, code, class) in cases {
            let html = highlight(lang, code).unwrap_or_else(|| panic!("{lang} unknown"));
            assert!(html.contains(class), "{lang}: {html}");
            assert!(!html.contains("style="), "{lang}: {html}");
            assert_eq!(
                highlight(lang, code),
                Some(html),
                "{lang} not deterministic"
            );
        }
    }

    #[test]
    fn toml_keys_strings_numbers_and_comments() {
        let html = highlight("toml", "a.b = 'x' # c\nn = 1_000\nd = 2026-11-25\n").unwrap();
        for class in [
            "hl-variable",
            "hl-string",
            "hl-comment",
            "hl-numeric",
            "hl-datetime",
        ] {
            assert!(html.contains(class), "{class}: {html}");
        }
    }

    #[test]
    fn unknown_and_plain_languages_are_not_highlighted() {
        assert_eq!(highlight("khong-co", "x"), None);
        assert_eq!(highlight("text", "x"), None);
        assert_eq!(highlight("", "x"), None);
    }

    #[test]
    fn code_is_escaped() {
        let html = highlight("html", "<script>alert(1)</script>\n").unwrap();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;"), "{html}");
    }
}
