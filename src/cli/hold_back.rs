//! `build --bo-qua-bai-loi`: the policy for "one bad post" (decision
//! 0013). Errors that belong to one page (a post or plain page under
//! `content/`, not the home or a section list) hold back only that page;
//! the build is repeated without it (and without pages that link to it)
//! until it succeeds. Any other error — configuration, data, templates,
//! the home page — still stops everything. The pages held back are listed
//! with their errors and the exit code is 3, so neither a person nor a
//! scheduled job can miss them.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use crate::build::{BuildOptions, Built, OpenStaging, build_site_to};
use crate::diagnostics::{Diagnostics, Severity};
use crate::output::Staging;

/// Rounds at most (each round holds back the pages whose errors appeared,
/// including pages linking to pages held back before).
const MAX_ROUNDS: usize = 10;

/// The outcome of a build that may hold pages back.
pub struct Outcome {
    /// The build, with the staging folder its pages were written to.
    pub result: Result<(Built, Option<Staging>), Diagnostics>,
    /// Source paths (under `content/`) held back.
    pub held: BTreeSet<String>,
    /// The errors that held them back.
    pub errors: Diagnostics,
}

/// Builds, writing pages into the staging folder `open` gives (each round
/// opens its own; a failed round's is removed); with `skip_bad`, holds
/// back pages whose errors are their own.
pub fn build(opts: &BuildOptions, skip_bad: bool, open: OpenStaging) -> Outcome {
    let mut held = BTreeSet::new();
    let mut errors = Diagnostics::new();
    for _ in 0..MAX_ROUNDS {
        let result = build_site_to(opts, &held, open);
        let diags = match result {
            Err(d) if skip_bad => d,
            result => {
                return Outcome {
                    result,
                    held,
                    errors,
                };
            }
        };
        match pages_with_errors(&diags) {
            Some(more) if !more.is_subset(&held) => {
                errors.extend(diags.into_iter().filter(|d| d.severity == Severity::Error));
                held.extend(more);
            }
            _ => {
                return Outcome {
                    result: Err(diags),
                    held,
                    errors,
                };
            }
        }
    }
    let result = build_site_to(opts, &held, open);
    Outcome {
        result,
        held,
        errors,
    }
}

/// The pages that own every error of `diags`; `None` when some error is
/// not a single page's (configuration, data, templates, home or section).
pub fn pages_with_errors(diags: &Diagnostics) -> Option<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        out.insert(page_of(&d.path)?);
    }
    (!out.is_empty()).then_some(out)
}

/// `diags` without the problems of pages held back (they are shown once,
/// as the errors that held them back).
pub fn without_held(diags: &Diagnostics, held: &BTreeSet<String>) -> Diagnostics {
    let mut out = Diagnostics::new();
    for d in diags.iter() {
        if !page_of(&d.path).is_some_and(|p| held.contains(&p)) {
            out.push(d.clone());
        }
    }
    out
}

/// `content/tin-tuc/bai.md` → `tin-tuc/bai.md`, for a post or plain page.
fn page_of(path: &Path) -> Option<String> {
    let mut parts = path.components().filter_map(|c| match c {
        Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
        _ => None,
    });
    if parts.next()? != "content" {
        return None;
    }
    let rest: Vec<String> = parts.collect();
    let name = rest.last()?;
    let is_page =
        (name.ends_with(".md") || name.ends_with(".markdown")) && !name.starts_with("_index");
    is_page.then(|| {
        use unicode_normalization::UnicodeNormalization;
        rest.join("/").nfc().collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    #[test]
    fn only_a_pages_own_errors_can_hold_it_back() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("content/tin-tuc/a.md", "x"));
        d.push(Diagnostic::warning("minhbach.toml", "y"));
        d.push(Diagnostic::error("content/tin-tuc/b/index.md", "x"));
        let pages = pages_with_errors(&d).unwrap();
        assert_eq!(
            pages.into_iter().collect::<Vec<_>>(),
            ["tin-tuc/a.md", "tin-tuc/b/index.md"]
        );
        for other in [
            "minhbach.toml",
            "content/_index.md",
            "content/tin-tuc/_index.md",
            "content/du-lieu/chi-tieu.xlsx",
            "themes/x/templates/page.html",
        ] {
            let mut d = Diagnostics::new();
            d.push(Diagnostic::error("content/tin-tuc/a.md", "x"));
            d.push(Diagnostic::error(other, "x"));
            assert!(pages_with_errors(&d).is_none(), "{other}");
        }
    }
}
