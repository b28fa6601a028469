//! Shortcodes in a body: the rendered HTML of each call replaces its
//! placeholder (a bare paragraph around it is dropped); a failing call is
//! an error at its line, with a hint for Hugo/Zola shortcodes.

use super::Source;
use crate::content::shortcodes::{self, Shortcodes};
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};

/// Replaces shortcode placeholders with their rendered HTML.
pub(super) fn splice_shortcodes(
    src: &Source<'_>,
    mut html: String,
    calls: &[shortcodes::Call],
    renderer: Option<&dyn Shortcodes>,
    diags: &mut Diagnostics,
) -> String {
    let (body_line, _) = line_col(src.file_text, src.body_offset);
    for (n, call) in calls.iter().enumerate() {
        let result = match renderer {
            Some(r) => r.render(&call.name, &call.args),
            None => Err(format!("không có mã chèn “{}”", call.name)),
        };
        let foreign = shortcodes::FOREIGN_SHORTCODES.contains(&call.name.as_str());
        let replacement = match result {
            Ok(h) => h,
            Err(msg) => {
                diags.push(
                    Diagnostic::error(src.display_path, format!("mã chèn “{}”: {msg}", call.name))
                        .at(body_line + call.line, 1)
                        .with_source(src.file_text)
                        .hint(if foreign {
                            "đây là mã chèn của Zola/Hugo: chạy “minhbach import THU_MUC” để đổi tự động, hoặc thay bằng Markdown (ảnh, liên kết); xem docs/chuyen-tu-hugo-zola.md"
                        } else {
                            "xem danh sách mã chèn và tham số trong docs/du-lieu.md"
                        }),
                );
                String::new()
            }
        };
        let ph = shortcodes::placeholder(n);
        let wrapped = format!("<p>{ph}</p>\n");
        if html.contains(&wrapped) {
            html = html.replacen(&wrapped, &replacement, 1);
        } else {
            html = html.replacen(&ph, &replacement, 1);
        }
    }
    html
}
