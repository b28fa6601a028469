//! Printing diagnostics to the terminal, once, at the edge.

use std::io::IsTerminal;

use crate::diagnostics::Diagnostics;

/// Prints every diagnostic and a one-line summary to stderr.
pub fn print(diags: &Diagnostics) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags.iter() {
        let text = d.render();
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

/// "3 lỗi, 2 cảnh báo".
pub fn summary(diags: &Diagnostics) -> String {
    format!(
        "{} lỗi, {} cảnh báo",
        diags.error_count(),
        diags.warning_count()
    )
}
