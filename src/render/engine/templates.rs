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
    tera.set_escape_fn(crate::text::escape::html);
    let list: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if let Err(e) = tera.add_raw_templates(list) {
        diags.push(template_error("", &e));
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

/// Converts a tera error chain into one diagnostic.
pub(crate) fn template_error(template: &str, e: &tera::Error) -> Diagnostic {
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
    Diagnostic::error(path, format!("lỗi mẫu giao diện: {msg}")).hint("sửa mẫu giao diện (tera) theo thông báo, hoặc xoá bản ghi đè trong templates/ để dùng mẫu mặc định")
}
