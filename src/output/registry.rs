//! One registry of every output path a build claims (pages, generated
//! sections, charts, search files, feeds, aliases, static files, theme
//! files), and the clashes in it: a path claimed twice, a path that must be
//! a file and a folder at once (`sitemap.xml` and `sitemap.xml/index.html`),
//! and two paths that differ only in case (one file on Windows). Who owns a
//! clashing path is worked out by the caller (see
//! `render::engine::addresses`), only when there is a clash.

use std::collections::{BTreeMap, HashMap};

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

/// Output path → number of claims.
#[derive(Debug, Default)]
pub struct Registry {
    claims: BTreeMap<String, usize>,
}

impl Registry {
    pub fn claim(&mut self, path: &str) {
        *self.claims.entry(path.to_owned()).or_default() += 1;
    }

    /// Every clash, in path order.
    pub fn clashes(&self) -> Vec<Clash> {
        let mut out = Vec::new();
        // Only a path with an upper-case letter can equal another but for
        // case (two lower-case ones would be the same path).
        let mut lowered: HashMap<String, &str> = HashMap::new();
        for (path, &count) in &self.claims {
            if count > 1 {
                out.push(Clash::Same {
                    path: path.clone(),
                    count,
                });
            }
            // The nearest ancestor that is itself a file, if any.
            let mut rest = path.as_str();
            while let Some((parent, _)) = rest.rsplit_once('/') {
                if self.claims.contains_key(parent) {
                    out.push(Clash::FileAndFolder {
                        file: parent.to_owned(),
                        inside: path.clone(),
                    });
                    break;
                }
                rest = parent;
            }
            if path.chars().any(char::is_uppercase) {
                let lower = path.to_lowercase();
                if self.claims.contains_key(&lower) {
                    out.push(Clash::Case {
                        first: path.clone(),
                        second: lower,
                    });
                } else if let Some(first) = lowered.get(&lower) {
                    out.push(Clash::Case {
                        first: (*first).to_owned(),
                        second: path.clone(),
                    });
                } else {
                    lowered.insert(lower, path);
                }
            }
        }
        out
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
