//! What the generated pages — weekly bulletins (`ban-tin/`) and periodic
//! reports (`bao-cao/`) — share: their body rendered from an overridable
//! template (an error in it names the template and how to fix it), the
//! [`Page`] made from that body, and their section's own generated intro
//! page (`_index`) when the site has none.

use std::path::PathBuf;

use tera::{Context, Tera};

use crate::content::frontmatter::{FrontMatter, PageDate};
use crate::content::markdown::Rendered;
use crate::content::{Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::escape::html;

/// `template` rendered with `c`; `None` after an error diagnostic saying
/// which template (`what`: "bản tin tuần", "báo cáo định kỳ") failed.
pub(super) fn render_body(
    tera: &Tera,
    template: &str,
    what: &str,
    c: &Context,
    diags: &mut Diagnostics,
) -> Option<String> {
    match tera.render(template, c) {
        Ok(body) => Some(body),
        Err(e) => {
            diags.push(template_error(template, what, e));
            None
        }
    }
}

/// The error for `template` (`what`: "bản tin tuần", "báo cáo định kỳ")
/// failing with `e`, for callers that render bodies in parallel.
pub(super) fn template_error(template: &str, what: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        format!("templates/{template}"),
        format!("lỗi mẫu giao diện {what}: {e}"),
    )
    .hint(format!(
        "sửa mẫu {template}, hoặc xoá bản ghi đè để dùng mẫu mặc định"
    ))
}

/// Where a generated page comes from and goes.
pub(super) struct Origin {
    pub kind: PageKind,
    /// The page's name for `serve` and the caches (never a real file).
    pub rel: String,
    /// The name shown in messages.
    pub display: PathBuf,
    pub path: String,
    pub section: String,
}

/// A published generated page: `body` (HTML) under `fm`'s title, with
/// `summary` (plain text) as its summary.
pub(super) fn page(
    origin: Origin,
    fm: FrontMatter,
    date: Option<PageDate>,
    body: String,
    summary: String,
) -> Page {
    Page {
        kind: origin.kind,
        rel: origin.rel,
        display: origin.display,
        path: origin.path,
        section: origin.section,
        title: fm.title.clone().unwrap_or_default(),
        date,
        fm,
        body: Rendered {
            word_count: body.split_whitespace().count(),
            html: body,
            summary_html: format!("<p>{}</p>", html(&summary)),
            summary_text: summary,
            toc: Vec::new(),
            uses_shortcodes: false,
        },
        published: true,
        cover: None,
        pdf: None,
        attachments: Vec::new(),
        translation_of: None,
    }
}

/// The generated intro page of `section` (`ban-tin/`, `bao-cao/`): its
/// title and one paragraph, `intro`.
pub(super) fn section_index(section: &str, title: String, intro: String) -> Page {
    let body = format!("<p>{}</p>\n", html(&intro));
    page(
        Origin {
            kind: PageKind::Section,
            rel: format!("{section}_index.md"),
            display: PathBuf::from(format!("content/{section}_index.md (tự tạo)")),
            path: section.to_owned(),
            section: String::new(),
        },
        FrontMatter {
            title: Some(title),
            description: Some(intro.clone()),
            ..FrontMatter::default()
        },
        None,
        body,
        intro,
    )
}
