//! Request routing for `serve`: mapping a request path to a file of the
//! in-memory output, and the Content-Type of each file.
//!
//! Only keys of the output map can ever be served, so nothing outside the
//! build can leak. On top of that, the path is percent-decoded once and any
//! `..`/`.` segment, backslash or NUL is refused outright with 400, so a
//! traversal attempt never even reaches the lookup. No disk path is built
//! from the request. This module is pure: no I/O, no server types.

use crate::output::Output;
use crate::text::percent;

/// What to answer for a request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Serve this key of the output map.
    File(String),
    /// Redirect (302) to this absolute path.
    Redirect(String),
    /// Not in the output: the site's `404.html` with status 404.
    NotFound,
    /// Malformed or hostile path: status 400.
    BadRequest,
}

/// Resolves a raw request path (without the query string) against the
/// output, served under `base_path` (e.g. `/chuyen-doi-so/`, always with
/// leading and trailing slashes).
pub fn resolve(raw_path: &str, base_path: &str, output: &Output) -> Route {
    let Some(path) = clean_path(raw_path) else {
        return Route::BadRequest;
    };
    let base_no_slash = base_path.trim_end_matches('/');
    if path != base_path && (path == "/" || path == base_no_slash) {
        return Route::Redirect(base_path.to_owned());
    }
    let Some(rel) = path.strip_prefix(base_path) else {
        return Route::NotFound;
    };
    if rel.is_empty() || rel.ends_with('/') {
        let key = format!("{rel}index.html");
        return if output.files.contains_key(&key) {
            Route::File(key)
        } else {
            Route::NotFound
        };
    }
    if output.files.contains_key(rel) {
        return Route::File(rel.to_owned());
    }
    // `/chuyen-doi-so/tin-tuc` → `/chuyen-doi-so/tin-tuc/`, as a static
    // server would do for a folder.
    if output.files.contains_key(&format!("{rel}/index.html")) {
        return Route::Redirect(format!("{path}/"));
    }
    Route::NotFound
}

/// Percent-decodes `raw` and checks it: it must start with `/`, be valid
/// UTF-8 after decoding, and contain no NUL, no backslash (raw or encoded)
/// and no `.`/`..` segment. Returns the decoded path, or `None` to refuse.
pub fn clean_path(raw: &str) -> Option<String> {
    if !raw.starts_with('/') {
        return None;
    }
    let decoded = String::from_utf8(percent::decode(raw, percent::Invalid::Reject)?).ok()?;
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    if decoded.split('/').any(|seg| seg == ".." || seg == ".") {
        return None;
    }
    // `//` would make an empty segment; no output key has one anyway, but
    // refuse it so `//etc/passwd`-style paths are clearly rejected.
    if decoded.contains("//") {
        return None;
    }
    Some(decoded)
}

/// The Content-Type for an output key, by extension. Text types carry
/// `charset=utf-8` (the build writes UTF-8 only).
pub fn content_type(key: &str) -> &'static str {
    let ext = key
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// True for keys served as HTML (these get the reload script and overlay).
pub fn is_html(key: &str) -> bool {
    content_type(key).starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out() -> Output {
        let mut o = Output::default();
        o.insert("index.html".into(), b"home".to_vec());
        o.insert("tin-tuc/index.html".into(), b"list".to_vec());
        o.insert("tin-tuc/bai/index.html".into(), b"post".to_vec());
        o.insert("style.css".into(), b"body{}".to_vec());
        o.insert("tai lieu/kế hoạch.pdf".into(), b"%PDF".to_vec());
        o
    }

    const BASE: &str = "/chuyen-doi-so/";

    #[test]
    fn routes_pages_and_assets() {
        let o = out();
        let r = |p: &str| resolve(p, BASE, &o);
        assert_eq!(r("/chuyen-doi-so/"), Route::File("index.html".into()));
        assert_eq!(
            r("/chuyen-doi-so/tin-tuc/bai/"),
            Route::File("tin-tuc/bai/index.html".into())
        );
        assert_eq!(
            r("/chuyen-doi-so/tin-tuc/bai/index.html"),
            Route::File("tin-tuc/bai/index.html".into())
        );
        assert_eq!(
            r("/chuyen-doi-so/style.css"),
            Route::File("style.css".into())
        );
        assert_eq!(
            r("/chuyen-doi-so/tai%20lieu/k%E1%BA%BF%20ho%E1%BA%A1ch.pdf"),
            Route::File("tai lieu/kế hoạch.pdf".into())
        );
    }

    #[test]
    fn redirects_root_and_folders() {
        let o = out();
        let r = |p: &str| resolve(p, BASE, &o);
        assert_eq!(r("/"), Route::Redirect(BASE.into()));
        assert_eq!(r("/chuyen-doi-so"), Route::Redirect(BASE.into()));
        assert_eq!(
            r("/chuyen-doi-so/tin-tuc"),
            Route::Redirect("/chuyen-doi-so/tin-tuc/".into())
        );
        // A site at the domain root.
        assert_eq!(resolve("/", "/", &o), Route::File("index.html".into()));
        assert_eq!(
            resolve("/style.css", "/", &o),
            Route::File("style.css".into())
        );
    }

    #[test]
    fn unknown_paths_are_not_found() {
        let o = out();
        let r = |p: &str| resolve(p, BASE, &o);
        assert_eq!(r("/chuyen-doi-so/khong-co/"), Route::NotFound);
        assert_eq!(r("/chuyen-doi-so/khong-co.html"), Route::NotFound);
        assert_eq!(r("/khac/index.html"), Route::NotFound);
        assert_eq!(r("/index.html"), Route::NotFound);
    }

    #[test]
    fn refuses_traversal() {
        let o = out();
        let hostile = [
            "/../minhbach.toml",
            "/chuyen-doi-so/../minhbach.toml",
            "/chuyen-doi-so/%2e%2e/minhbach.toml",
            "/chuyen-doi-so/%2E%2E/minhbach.toml",
            "/chuyen-doi-so/..%2fminhbach.toml",
            "/chuyen-doi-so/..%2f..%2fminhbach.toml",
            "/chuyen-doi-so/..%5cminhbach.toml",
            "/chuyen-doi-so/..\\minhbach.toml",
            "/chuyen-doi-so/%00",
            "/chuyen-doi-so/./index.html",
            "/chuyen-doi-so//etc/passwd",
            "/chuyen-doi-so/%zz",
            "/chuyen-doi-so/%c3%28",
            "chuyen-doi-so/index.html",
        ];
        for p in hostile {
            assert_eq!(resolve(p, BASE, &o), Route::BadRequest, "{p}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("x.JS"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("logo.svg"), "image/svg+xml; charset=utf-8");
        assert_eq!(content_type("atom.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("a.json"), "application/json; charset=utf-8");
        assert_eq!(content_type("a.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(content_type("a.pdf"), "application/pdf");
        assert_eq!(content_type("a.png"), "image/png");
        assert_eq!(content_type("a.jpeg"), "image/jpeg");
        assert_eq!(content_type("a.gif"), "image/gif");
        assert_eq!(content_type("a.webp"), "image/webp");
        assert_eq!(content_type("favicon.ico"), "image/x-icon");
        assert_eq!(content_type("f.woff2"), "font/woff2");
        assert_eq!(content_type("README"), "application/octet-stream");
        assert!(is_html("index.html") && !is_html("style.css"));
    }
}
