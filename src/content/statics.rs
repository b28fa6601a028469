//! The site's own `static/` folder as link targets: `/images/a.png` in a
//! body, a cover or a PDF key names `static/images/a.png` (Hugo and Zola
//! habits), also when written with the site's sub-path prefix from
//! `base_url` (`/BlogName/images/a.png`). Also finds a file of the same name
//! elsewhere, for the broken-link hint.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Most files listed from `static/` (bounds memory on a stray huge folder).
const MAX_STATIC_FILES: usize = 200_000;

/// Relative paths (with `/`, NFC) of every file under `root/static/`.
pub fn scan(root: &Path) -> BTreeSet<String> {
    use unicode_normalization::UnicodeNormalization;
    let dir = root.join("static");
    let mut out = BTreeSet::new();
    if !dir.is_dir() {
        return out;
    }
    for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
        if out.len() >= MAX_STATIC_FILES {
            break;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        out.insert(key.nfc().collect());
    }
    out
}

/// The sub-path of `base_url` without slashes at the ends (`BlogName`, or
/// `""` for a site at the domain root).
pub fn prefix_of(base_path: &str) -> String {
    base_path.trim_matches('/').to_owned()
}

/// The static file an absolute link (already decoded, leading `/` removed,
/// `.`/`..` resolved) names, with or without the site's sub-path prefix.
pub fn lookup<'a>(statics: &'a BTreeSet<String>, prefix: &str, abs: &str) -> Option<&'a String> {
    let abs = abs.trim_end_matches('/');
    statics.get(abs).or_else(|| {
        if prefix.is_empty() {
            return None;
        }
        abs.strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('/'))
            .and_then(|r| statics.get(r))
    })
}

/// Where a file with the same name as `wanted` lives, as the path to
/// write in a link: `/images/a.png` for `static/`, or the path under
/// `content/` of an asset. `None` when no file has that name.
pub fn same_name(
    statics: &BTreeSet<String>,
    assets: &BTreeMap<String, String>,
    wanted: &str,
) -> Option<String> {
    let name = wanted.rsplit('/').next().unwrap_or(wanted);
    if name.is_empty() {
        return None;
    }
    let matches = |p: &str| {
        p.rsplit('/')
            .next()
            .is_some_and(|n| n == name || n.eq_ignore_ascii_case(name))
    };
    statics
        .iter()
        .find(|p| matches(p))
        .map(|p| format!("static/{p}"))
        .or_else(|| {
            assets
                .keys()
                .find(|p| matches(p))
                .map(|p| format!("content/{p}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn looks_up_with_and_without_the_sub_path_prefix() {
        let s = set(&["images/posts/a.jpg"]);
        assert!(lookup(&s, "", "images/posts/a.jpg").is_some());
        assert!(lookup(&s, "BlogName", "BlogName/images/posts/a.jpg").is_some());
        assert!(lookup(&s, "", "BlogName/images/posts/a.jpg").is_none());
        assert!(lookup(&s, "BlogName", "images/posts/b.jpg").is_none());
    }

    #[test]
    fn finds_a_file_of_the_same_name_elsewhere() {
        let s = set(&["img/2024/a.jpg"]);
        let mut assets = BTreeMap::new();
        assets.insert(
            "tin-tuc/bai/b.png".to_owned(),
            "tin-tuc/bai/b.png".to_owned(),
        );
        assert_eq!(
            same_name(&s, &assets, "images/a.jpg").as_deref(),
            Some("static/img/2024/a.jpg")
        );
        assert_eq!(
            same_name(&s, &assets, "/x/B.PNG").as_deref(),
            Some("content/tin-tuc/bai/b.png")
        );
        assert_eq!(same_name(&s, &assets, "c.gif"), None);
    }
}
