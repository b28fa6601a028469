//! One Markdown file read and split: size limit, UTF-8 (BOM dropped), front
//! matter parsed; the body is rendered later. Shared by the full load and
//! by `serve`'s content cache.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::frontmatter::{self, FrontMatter};
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};

/// A Markdown file after front matter, before rendering.
#[derive(Clone)]
pub(crate) struct Parsed {
    pub(crate) rel: String,
    pub(crate) display: PathBuf,
    /// Shared, so a cached parse is cheap to reuse.
    pub(crate) text: Arc<str>,
    pub(crate) body_offset: usize,
    pub(crate) fm: FrontMatter,
}

/// Largest Markdown file read (10 MB); larger ones are a located error.
pub const MAX_PAGE_BYTES: u64 = 10 * 1024 * 1024;

pub(crate) fn parse_file(
    root: &Path,
    abs: &Path,
    rel: &str,
    diags: &mut Diagnostics,
) -> Option<Parsed> {
    let display = display_path(root, abs);
    if let Some(d) = crate::diagnostics::too_large(&display, abs, MAX_PAGE_BYTES, "bài viết") {
        diags.push(d.hint("một bài viết thường chỉ vài chục KB; chia nội dung thành nhiều bài, hoặc đưa bảng số liệu lớn vào content/du-lieu/"));
        return None;
    }
    let bytes = match std::fs::read(abs) {
        Ok(b) => b,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    &display,
                    format!("không đọc được tệp: {}", crate::os_error::reason(&e)),
                )
                .hint("kiểm tra quyền đọc của tệp"),
            );
            return None;
        }
    };
    // encoding_rs checks UTF-8 with vector instructions (simdutf8) where
    // the processor has them: the standard check goes letter by letter
    // through Vietnamese text, whose letters are mostly multi-byte.
    let text = match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(&bytes)
    {
        Some(t) => t,
        None => {
            let valid = match std::str::from_utf8(&bytes) {
                Ok(_) => bytes.len(),
                Err(e) => e.valid_up_to(),
            };
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let (line, col) = crate::diagnostics::line_col(&prefix, prefix.len());
            diags.push(
                Diagnostic::error(&display, "tệp không phải văn bản UTF-8")
                    .at(line, col)
                    .hint("mở tệp bằng trình soạn thảo (Notepad, VS Code…) và lưu lại với bảng mã “UTF-8”"),
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Notepad and git's autocrlf write CRLF: the same page must build to the
    // same bytes (line numbers are unchanged, CR only ends lines).
    let text: Arc<str> = if text.contains("\r\n") {
        text.replace("\r\n", "\n").into()
    } else {
        text.into()
    };
    let split = match frontmatter::split(&display, &text) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let fm = super::fields::parse(&display, &split, diags)?;
    super::placeholders::check_body(&display, &text, diags);
    let body_offset = text.len() - split.body.len();
    Some(Parsed {
        rel: rel.to_owned(),
        display,
        text,
        body_offset,
        fm,
    })
}
