//! Paths as a person should read them: Windows' canonical paths start with
//! the verbatim prefix `\\?\` (`\\?\C:\trang\public`), which cmd, Explorer's
//! address bar and browsers do not accept; it is dropped for display.

use std::path::Path;

/// `p` for printing, without a verbatim prefix.
pub fn shown(p: &Path) -> String {
    strip_verbatim(&p.display().to_string())
}

/// `\\?\C:\x` → `C:\x`, `\\?\UNC\server\share` → `\\server\share`; other
/// text unchanged.
pub fn strip_verbatim(s: &str) -> String {
    if let Some(rest) = s.strip_prefix(r"\\?\UNC\") {
        return format!(r"\\{rest}");
    }
    if let Some(rest) = s.strip_prefix(r"\\?\")
        && rest.as_bytes().get(1) == Some(&b':')
    {
        return rest.to_owned();
    }
    s.to_owned()
}

/// The canonical form of `p` (absolute, no `..`) for printing; `p` itself
/// when it does not exist.
pub fn shown_absolute(p: &Path) -> String {
    match std::fs::canonicalize(p) {
        Ok(c) => shown(&c),
        Err(_) => shown(p),
    }
}

#[cfg(test)]
mod tests {
    use super::strip_verbatim;

    #[test]
    fn verbatim_prefixes_are_dropped() {
        assert_eq!(
            strip_verbatim(r"\\?\Z:\trang\public\index.html"),
            r"Z:\trang\public\index.html"
        );
        assert_eq!(
            strip_verbatim(r"\\?\UNC\may-chu\chia-se\trang"),
            r"\\may-chu\chia-se\trang"
        );
        assert_eq!(strip_verbatim("/home/a/public"), "/home/a/public");
        // A verbatim path that is not a drive path has no plain spelling.
        assert_eq!(strip_verbatim(r"\\?\Volume{x}\a"), r"\\?\Volume{x}\a");
    }
}
