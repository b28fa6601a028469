//! One registry of every output path a build claims (pages, generated
//! sections, charts, search files, feeds, aliases, static files, theme
//! files), and the clashes in it: a path claimed twice, a path that must be
//! a file and a folder at once (`sitemap.xml` and `sitemap.xml/index.html`),
//! and two paths that differ only in case (one file on Windows). Who owns a
//! clashing path is worked out by the caller (see
//! `render::addresses`), only when there is a clash.

use std::collections::HashMap;

/// A problem between output paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// `path` is claimed `count` times.
    Same { path: String, count: usize },
    /// `file` is a file, but `inside` needs it to be a folder.
    FileAndFolder { file: String, inside: String },
    /// Two paths equal but for letter case.
    Case { first: String, second: String },
}

/// Output path → number of claims; the paths are borrowed from the plan
/// that claims them (a site with data claims some 35,000).
#[derive(Debug, Default)]
pub struct Registry<'a> {
    claims: HashMap<&'a str, usize>,
}

impl<'a> Registry<'a> {
    pub fn claim(&mut self, path: &'a str) {
        *self.claims.entry(path).or_default() += 1;
    }

    /// Every clash, in path order.
    pub fn clashes(&self) -> Vec<Clash> {
        // (path, kind) sorts the clashes as a walk of the sorted paths
        // finds them: for one path, the same path first, then a file
        // above it, then another case.
        let mut out: Vec<(&str, u8, Clash)> = Vec::new();
        for (&path, &count) in &self.claims {
            if count > 1 {
                let clash = Clash::Same {
                    path: path.to_owned(),
                    count,
                };
                out.push((path, 0, clash));
            }
            // The nearest ancestor that is itself a file, if any.
            let mut rest = path;
            while let Some((parent, _)) = rest.rsplit_once('/') {
                if self.claims.contains_key(parent) {
                    let clash = Clash::FileAndFolder {
                        file: parent.to_owned(),
                        inside: path.to_owned(),
                    };
                    out.push((path, 1, clash));
                    break;
                }
                rest = parent;
            }
        }
        // Only a path with an upper-case letter can equal another but for
        // case (two lower-case ones would be the same path); the first of
        // such paths, in path order, is the one the others are paired with.
        let mut upper: Vec<&str> = (self.claims.keys().copied())
            .filter(|p| p.chars().any(char::is_uppercase))
            .collect();
        upper.sort_unstable();
        let mut lowered: HashMap<String, &str> = HashMap::new();
        for path in upper {
            let lower = path.to_lowercase();
            if self.claims.contains_key(lower.as_str()) {
                let clash = Clash::Case {
                    first: path.to_owned(),
                    second: lower,
                };
                out.push((path, 2, clash));
            } else if let Some(first) = lowered.get(&lower) {
                let clash = Clash::Case {
                    first: (*first).to_owned(),
                    second: path.to_owned(),
                };
                out.push((path, 2, clash));
            } else {
                lowered.insert(lower, path);
            }
        }
        out.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        out.into_iter().map(|(_, _, clash)| clash).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clashes(paths: &[&str]) -> Vec<Clash> {
        let mut r = Registry::default();
        paths.iter().for_each(|p| r.claim(p));
        r.clashes()
    }

    #[test]
    fn distinct_paths_do_not_clash() {
        assert!(clashes(&["index.html", "a/index.html", "a/b/index.html", "a.css"]).is_empty());
    }

    #[test]
    fn finds_every_kind_of_clash() {
        assert_eq!(
            clashes(&["tim-kiem/index.html", "tim-kiem/index.html"]),
            [Clash::Same {
                path: "tim-kiem/index.html".into(),
                count: 2
            }]
        );
        assert_eq!(
            clashes(&["sitemap.xml", "sitemap.xml/index.html"]),
            [Clash::FileAndFolder {
                file: "sitemap.xml".into(),
                inside: "sitemap.xml/index.html".into()
            }]
        );
        assert_eq!(
            clashes(&["Anh.png", "anh.png"]),
            [Clash::Case {
                first: "Anh.png".into(),
                second: "anh.png".into()
            }]
        );
        assert_eq!(
            clashes(&["ANH.png", "Anh.png"]),
            [Clash::Case {
                first: "ANH.png".into(),
                second: "Anh.png".into()
            }]
        );
    }
}
