//! Printing diagnostics to the terminal, once, at the edge.

use std::io::Write;

use crate::diagnostics::{Diagnostics, SHOWN_PER_KIND};

/// Prints the diagnostics to stderr, at most [`SHOWN_PER_KIND`] of a kind in
/// a file and one line summing up the rest.
pub fn print(diags: &Diagnostics) {
    print_with(diags, false);
}

/// Like [`print`]; with `quiet` (`minhbach -q`) only the errors.
pub fn print_with(diags: &Diagnostics, quiet: bool) {
    // anstream writes the colour codes where the terminal understands them
    // (turning on virtual-terminal processing in the Windows console, or
    // using its console API) and strips them when stderr is a file/pipe or
    // NO_COLOR is set.
    let mut err = anstream::stderr().lock();
    let shown = diags.capped(SHOWN_PER_KIND);
    for d in shown.iter().filter(|d| !quiet || d.is_error()) {
        let text = terminal_safe(&d.render());
        let (code, rest) = text.split_once(':').unwrap_or((&text, ""));
        let c = if d.is_error() { "31" } else { "33" };
        let _ = writeln!(err, "\x1b[1;{c}m{code}\x1b[0m:{rest}");
    }
}

/// Prints warnings kept as text by the build cache (each already
/// [`Diagnostic::render`](crate::diagnostics::Diagnostic::render)ed), as
/// [`print_with`] printed them.
pub fn print_rendered(warnings: &[String]) {
    let mut err = anstream::stderr().lock();
    for text in warnings {
        let text = terminal_safe(text);
        let (code, rest) = text.split_once(':').unwrap_or((&text, ""));
        let _ = writeln!(err, "\x1b[1;33m{code}\x1b[0m:{rest}");
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
