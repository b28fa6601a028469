//! Printing diagnostics to the terminal, once, at the edge.

use std::io::IsTerminal;

use crate::diagnostics::{Diagnostics, SHOWN_PER_KIND};

/// Prints the diagnostics to stderr, at most [`SHOWN_PER_KIND`] of a kind in
/// a file and one line summing up the rest.
pub fn print(diags: &Diagnostics) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags.capped(SHOWN_PER_KIND).iter() {
        let text = terminal_safe(&d.render());
        if color {
            let (code, rest) = text.split_once(':').unwrap_or((&text, ""));
            let c = if d.is_error() { "31" } else { "33" };
            eprint!("\x1b[1;{c}m{code}\x1b[0m:{rest}");
        } else {
            eprint!("{text}");
        }
        eprintln!();
    }
}

/// Shows control characters from files (an ESC sequence in a CSV cell
/// could rewrite the terminal) as `\u{1b}`; keeps line breaks and tabs.
fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                c.escape_unicode().to_string()
            }
            c => c.to_string(),
        })
        .collect()
}

/// "3 lỗi, 2 cảnh báo".
pub fn summary(diags: &Diagnostics) -> String {
    format!(
        "{} lỗi, {} cảnh báo",
        diags.error_count(),
        diags.warning_count()
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_and_bidi_characters_are_shown_not_sent() {
        assert_eq!(
            super::terminal_safe("a\u{1b}]0;x\u{7}\n\tb\u{202e}c"),
            "a\\u{1b}]0;x\\u{7}\n\tb\\u{202e}c"
        );
    }
}
