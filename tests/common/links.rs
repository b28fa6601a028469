//! The link checker: every `href`/`src` of a built site resolved against the
//! output folder, under a base URL with or without a sub-path, or portable.

use std::path::Path;

use regex::Regex;

use super::{html_unescape, tree};

/// Every `href`/`src` value in an HTML file, unescaped.
pub fn links_in(html: &str) -> Vec<String> {
    let re = Regex::new(r#"(?:\s|^)(?:href|src)\s*=\s*"([^"]*)""#).unwrap();
    re.captures_iter(html)
        .map(|c| html_unescape(&c[1]))
        .collect()
}

/// Decodes `%XX` escapes in a URL path.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Where a link goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Not a file of this site (other scheme, other host, fragment only).
    External,
    /// A file of the output, relative to its root (`tin-tuc/index.html`).
    File(String),
    /// Climbs above the output root.
    Outside,
}

/// Resolves `link`, found in the output file `from` (relative path), to a
/// file of the output. `base_url` makes absolute links to the site itself
/// count as internal.
pub fn resolve_link(from: &str, link: &str, base_url: &str) -> Target {
    let link = link.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() {
        return Target::External; // same page / fragment only
    }
    let rel: String = if let Some(rest) = link.strip_prefix(base_url) {
        rest.to_owned()
    } else if link.starts_with("//") || has_scheme(link) {
        return Target::External;
    } else if let Some(abs) = link.strip_prefix('/') {
        // A root-absolute link only works at a domain root: treat as relative
        // to the output root, but the caller may forbid it.
        abs.to_owned()
    } else {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        if dir.is_empty() {
            link.to_owned()
        } else {
            format!("{dir}/{link}")
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for seg in percent_decode(&rel).split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Outside;
                }
            }
            s => parts.push(s.to_owned()),
        }
    }
    let mut path = parts.join("/");
    if rel.is_empty() || rel.ends_with('/') || rel == "." || rel.ends_with("/.") {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Target::File(path)
}

/// `mailto:x`, `https://…` — but not `../https://…`, which is a broken
/// relative link.
pub fn has_scheme(link: &str) -> bool {
    match link.split_once(':') {
        Some((scheme, _)) => {
            let mut c = scheme.chars();
            c.next().is_some_and(|f| f.is_ascii_alphabetic())
                && c.all(|x| x.is_ascii_alphanumeric() || "+.-".contains(x))
        }
        None => false,
    }
}

/// Options for [`assert_links_resolve`].
pub struct LinkCheck<'a> {
    /// Absolute links starting with this count as internal.
    pub base_url: &'a str,
    /// Every internal link to a page must name `index.html` explicitly.
    pub portable: bool,
}

/// Checks every `href`/`src` of every HTML file under `public`: each
/// internal one must name an existing file, be relative (no leading `/`),
/// and, in portable mode, never end at a bare folder. Returns how many
/// internal links were checked.
#[track_caller]
pub fn assert_links_resolve(public: &Path, opts: &LinkCheck<'_>) -> usize {
    let files = tree(public);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for link in links_in(&html) {
            if link.starts_with('/') && !link.starts_with("//") {
                problems.push(format!("{path}: root-absolute link {link:?}"));
                continue;
            }
            match resolve_link(path, &link, opts.base_url) {
                Target::External => {}
                Target::Outside => problems.push(format!("{path}: {link:?} leaves the output")),
                Target::File(f) => {
                    checked += 1;
                    let is_abs = link.starts_with(opts.base_url);
                    if opts.portable && !is_abs {
                        let bare = link.split(['#', '?']).next().unwrap_or("");
                        let last = bare.rsplit('/').next().unwrap_or("");
                        if !bare.is_empty() && !last.contains('.') {
                            problems.push(format!(
                                "{path}: {link:?} does not name a file (portable = true)"
                            ));
                        }
                    }
                    if !files.contains_key(&f) {
                        problems.push(format!("{path}: {link:?} → {f} does not exist"));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
    checked
}
