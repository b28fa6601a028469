//! The search index of a whole build, made beside the page rendering.
//!
//! The index files (`tim-kiem/chi-muc/…`, see
//! [`crate::render::published::search_index`]) are the slowest of the
//! fixed files to make: one pass over every page's text, then a merge of
//! the words that runs on one core. No page reads them, so
//! [`super::render_to`] makes them while the pages render (`rayon::join`)
//! instead of before: on a news site that was a stretch the page rendering
//! waited for.
//!
//! Two things about the index must still be known before any page is
//! written: whether one of its paths clashes with another file of the
//! plan (an error, so nothing is written), and which file wins a path
//! (the index over a page). Both can only happen when another file of the
//! plan claims a path in the index's folder, in any letter case
//! ([`claimed_elsewhere`]); then the index is made first, as before.

use std::sync::{Mutex, PoisonError};

use crate::diagnostics::Diagnostic;
use crate::output::{OutFile, Staging};
use crate::render::engine::jobs::Plan;
use crate::render::published::search::{INDEX_DIR, emit_index_files};
use crate::site::Site;

/// True when a file of `plan` other than the index claims a path that one
/// of the index's paths could clash with (see the module docs): a path in
/// its folder, the folder itself or one of its parents, in any case.
pub(crate) fn claimed_elsewhere(plan: &Plan) -> bool {
    let dir = INDEX_DIR.trim_end_matches('/');
    let near = |path: &str| {
        let lower = path.to_lowercase();
        lower.starts_with(dir)
            || dir
                .strip_prefix(lower.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
    };
    plan.pending.iter().any(|p| near(p.path()))
        || plan.fixed.files.keys().any(|p| near(p))
        || plan.shared_fixed.files.keys().any(|p| near(p))
        || plan.assets.iter().any(|(p, _)| near(p))
}

/// Makes the index of `site` and writes each file to `sink` as soon as it
/// is made, or keeps its bytes when there is no sink (`check`): each path
/// with what became of it.
pub(crate) fn made(
    site: &Site,
    sink: Option<&Staging>,
) -> Vec<(String, Result<OutFile, Diagnostic>)> {
    let done = Mutex::new(Vec::new());
    emit_index_files(site, &|path, bytes| {
        let r = match sink {
            Some(sink) => sink.put(&path, &bytes).map(|()| OutFile::Written),
            None => Ok(OutFile::Bytes(bytes)),
        };
        done.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path, r));
    });
    done.into_inner().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Output;

    fn plan_with_fixed(paths: &[&str]) -> Plan {
        let mut fixed = Output::default();
        for p in paths {
            fixed.insert((*p).to_owned(), Vec::new());
        }
        Plan {
            pending: Vec::new(),
            fixed,
            shared_fixed: std::sync::Arc::new(Output::default()),
            assets: Vec::new(),
        }
    }

    #[test]
    fn paths_that_could_clash_with_the_index_are_noticed() {
        for p in [
            "tim-kiem/chi-muc/words.js",
            "Tim-Kiem/Chi-Muc/w/abc.js",
            "tim-kiem/chi-muc",
            "tim-kiem",
            "TIM-KIEM",
            "tim-kiem/chi-muc/d/0.js/index.html",
        ] {
            assert!(claimed_elsewhere(&plan_with_fixed(&[p])), "{p}");
        }
    }

    #[test]
    fn other_paths_leave_the_index_beside_the_pages() {
        for p in [
            "tim-kiem/index.html",
            "tim-kiem/search.js",
            "tim-kiem-khac/chi-muc/words.js",
            "chi-muc/words.js",
            "tim",
            "index.html",
        ] {
            assert!(!claimed_elsewhere(&plan_with_fixed(&[p])), "{p}");
        }
    }
}
