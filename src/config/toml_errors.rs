//! TOML problems as located Vietnamese diagnostics (`toml_error`, shared
//! with front matter and theme files) and `find_key_line`, the line where a
//! key is set, for errors found after parsing.

use crate::diagnostics::{Diagnostic, line_col};

/// Converts a TOML error into a located Vietnamese diagnostic. `line_offset`
/// is added to the reported line (front matter starts after the fence).
pub fn toml_error(
    path: impl Into<std::path::PathBuf>,
    text: &str,
    e: &toml::de::Error,
    line_offset: usize,
) -> Diagnostic {
    let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
    let src = |line: usize| text.lines().nth(line - 1).unwrap_or("").to_owned();
    if let Some(message) = translate_value_message(e.message()) {
        return Diagnostic::error(path, format!("TOML không hợp lệ: {message}"))
            .at(line + line_offset, col)
            .source_line(src(line))
            .hint("kiểm tra dấu ngoặc kép quanh chuỗi, dấu “=” giữa khoá và giá trị, và định dạng ngày YYYY-MM-DD");
    }
    let s = crate::syntax_errors::toml(text, e.message(), line, col);
    Diagnostic::error(path, format!("TOML không hợp lệ: {}", s.message))
        .at(s.line + line_offset, s.col)
        .source_line(src(s.line))
        .hint(s.hint)
}

/// Vietnamese wording for serde's messages about values (wrong type, unknown
/// or missing key); `None` for syntax errors.
fn translate_value_message(msg: &str) -> Option<String> {
    let msg = msg.trim();
    let expected = || {
        let m = msg.to_ascii_lowercase();
        if m.contains("expected a boolean") || m.contains("expected bool") {
            ", cần true hoặc false"
        } else if m.contains("expected a string") || m.contains("expected string") {
            ", cần chữ đặt trong ngoặc kép"
        } else if m.contains("expected a sequence") || m.contains("expected an array") {
            ", cần danh sách dạng [\"…\", \"…\"]"
        } else if m.contains("integer") || m.contains("expected u") || m.contains("expected i") {
            ", cần một số nguyên"
        } else if m.contains("float") || m.contains("number") {
            ", cần một số"
        } else {
            ""
        }
    };
    let vi = if msg.contains("invalid type") || msg.contains("invalid value") {
        format!("giá trị sai kiểu{}", expected())
    } else if msg.contains("unknown field") {
        "khoá không được hỗ trợ".to_owned()
    } else if msg.contains("missing field") {
        let field = msg.split('`').nth(1).unwrap_or("");
        format!("thiếu khoá bắt buộc “{field}”")
    } else {
        return None;
    };
    Some(vi)
}

/// Line (1-based) of the first line that defines `key` at the start of a line.
pub fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(key)
                .or_else(|| t.strip_prefix(&format!("\"{key}\"")))
                .is_some_and(|rest| {
                    let r = rest.trim_start();
                    r.starts_with('=') || r.starts_with(':')
                })
                || t == format!("[{key}]")
        })
        .map(|i| i + 1)
}
