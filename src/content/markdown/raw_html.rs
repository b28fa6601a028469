//! Raw HTML inside Markdown under the site policy: escaped as text, or kept
//! with active content stripped and its links and file addresses resolved
//! like Markdown ones (a broken one is a located error).

use pulldown_cmark::{CowStr, Event};

use super::Source;
use crate::config::RawHtml;
use crate::content::links::LinkTargets;
use crate::content::sanitize::UrlAttribute;
use crate::diagnostics::Diagnostics;

/// A link or file address in raw HTML at `at`, resolved like a Markdown
/// link (rewritten to its output path; a broken one is a located error).
pub(super) fn raw_url(
    src: &Source<'_>,
    at: usize,
    u: &UrlAttribute<'_>,
    targets: &LinkTargets,
    diags: &mut Diagnostics,
) -> String {
    let at = (at + u.offset).min(src.file_text.len());
    crate::content::links::resolve(src, at, &CowStr::Borrowed(u.value), targets, diags).to_string()
}

pub(super) fn html_event<'a>(
    h: CowStr<'a>,
    policy: RawHtml,
    block: bool,
    check: &mut dyn FnMut(&UrlAttribute<'_>) -> String,
) -> Event<'a> {
    match policy {
        RawHtml::Escape => Event::Text(h),
        RawHtml::Allow => {
            let cleaned = crate::content::sanitize::strip_active_content_with(&h, check);
            if block {
                Event::Html(cleaned.into())
            } else {
                Event::InlineHtml(cleaned.into())
            }
        }
    }
}
