//! The theme's tera templates: compiled once per build, with their errors
//! turned into diagnostics.

use tera::Tera;

use super::theme::Theme;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Compiles the theme's templates.
pub fn compile(theme: &Theme, diags: &mut Diagnostics) -> Option<Tera> {
    let mut tera = Tera::default();
    // Escape & < > " ' only (tera 1 also escapes `/`, which makes every href
    // read `..&#x2F;`); control characters are dropped, as XML requires.
    tera.set_escape_fn(crate::text::escape::html_to);
    let list: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(list) {
        diags.push(template_error("", &e, theme));
        return None;
    }
    for required in [
        "base.html",
        "home.html",
        "page.html",
        "post.html",
        "list.html",
        "atom.xml",
        "sitemap.xml",
        "404.html",
        "alias.html",
    ] {
        if !theme.templates.contains_key(required) {
            diags.push(Diagnostic::error(format!("templates/{required}"), format!("thiếu mẫu giao diện “{required}”")).hint("khôi phục tệp từ giao diện mặc định (minhbach init tạo bản sao) hoặc xoá thư mục giao diện bị thiếu"));
        }
    }
    Some(tera)
}

/// Converts a tera error into one diagnostic: located at the template file,
/// line and column tera reports (which may be a template `template`
/// extends, includes or calls a component of), in Vietnamese, with tera's
/// own words kept in brackets so they can be looked up.
pub(crate) fn template_error(template: &str, e: &tera::Error, theme: &Theme) -> Diagnostic {
    if let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = e.kind() {
        let span = r.span();
        let file = r.filename();
        let mut msg = format!("lỗi mẫu giao diện: {}", in_vietnamese(r.message()));
        if !template.is_empty() && template != file {
            msg.push_str(&format!(" (khi dựng trang bằng mẫu “{template}”)"));
        }
        let mut d = Diagnostic::error(format!("templates/{file}"), msg)
            .at(span.start_line, span.start_col + 1);
        if let Some(text) = theme.templates.get(file) {
            d = d.with_source(text);
        }
        return d.hint(HINT);
    }
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    let path = if template.is_empty() {
        "templates".to_owned()
    } else {
        format!("templates/{template}")
    };
    Diagnostic::error(path, format!("lỗi mẫu giao diện: {}", in_vietnamese(&msg))).hint(HINT)
}

const HINT: &str = "sửa mẫu giao diện (tera 2) theo thông báo (xem “Chuyển mẫu sang Tera 2” trong docs/giao-dien.md), hoặc xoá bản ghi đè trong templates/ để dùng mẫu mặc định";

/// tera's most common messages in Vietnamese, the original kept in
/// brackets; others are shown as tera writes them.
fn in_vietnamese(message: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        (
            "Variable `",
            "biến chưa có trong mẫu này (thành phần chỉ thấy các tham số của nó)",
        ),
        ("Field `", "trường không có trong giá trị này"),
        (
            "Unknown tag",
            "thẻ {% … %} không có trong Tera 2 (macro và import đã thay bằng component)",
        ),
        (
            "Unknown component",
            "thành phần (component) chưa được định nghĩa",
        ),
        ("Unknown template", "không có mẫu này"),
        ("Unknown filter", "không có bộ lọc này"),
        ("Unknown function", "không có hàm này"),
        ("Unknown test", "không có phép thử này"),
        ("Found ", "sai cú pháp"),
        ("Template '", "mẫu kế thừa (extends) một mẫu không có"),
    ];
    match KNOWN.iter().find(|(en, _)| message.starts_with(en)) {
        Some((_, vi)) => format!("{vi} [{message}]"),
        None => message.to_owned(),
    }
}
