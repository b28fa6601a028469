//! Words left from `minhbach init` and `minhbach new post` that would reach
//! the public site as they are: the unit name "UBND xã …" in
//! `minhbach.toml` and the template's first paragraph in a post. `check`
//! and `build` warn about them (the empty author is handled where the
//! front matter is read).

use std::path::Path;

use crate::config::{CONFIG_FILE, Config, find_key_line};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The first sentence `minhbach new post` writes into the body.
pub const BODY_PLACEHOLDER: &str = "Viết đoạn mở đầu ở đây.";

/// Warns when the configuration still has the unit name of the skeleton.
pub fn check_config(root: &Path, config: &Config, diags: &mut Diagnostics) {
    let unit = config.unit.trim();
    if !(unit.contains('…') || unit.ends_with("...")) {
        return;
    }
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).unwrap_or_default();
    let line = find_key_line(&text, "unit").unwrap_or(1);
    let src = text.lines().nth(line - 1).unwrap_or("").to_owned();
    diags.push(
        Diagnostic::warning(
            CONFIG_FILE,
            format!(
                "tên đơn vị vẫn là chỗ trống của mẫu (“{unit}”); đầu mọi trang sẽ in đúng như vậy"
            ),
        )
        .at(line, 1)
        .source_line(src)
        .hint("ghi tên thật của đơn vị, ví dụ unit = \"UBND xã Tân Phú\""),
    );
}

/// Warns when a page still holds the template's first paragraph.
pub fn check_body(path: &Path, text: &str, diags: &mut Diagnostics) {
    let needle = BODY_PLACEHOLDER.trim_end_matches('.');
    // One search over the whole text (a search per line built a searcher
    // for every line of every page); the needle holds no line break, so
    // the line it is on is the number of breaks before it.
    let Some(at) = text.find(needle) else {
        return;
    };
    let i = text[..at].bytes().filter(|&b| b == b'\n').count();
    diags.push(
        Diagnostic::warning(path, format!("bài còn câu mẫu “{needle}…” chưa được thay"))
            .at(i + 1, 1)
            .source_line(text.lines().nth(i).unwrap_or(""))
            .hint("thay đoạn này bằng đoạn mở đầu thật; đoạn đầu tiên được dùng làm tóm tắt trong danh sách tin"),
    );
}
