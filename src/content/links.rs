//! Link destinations in Markdown: source-file links (`../van-ban/x.md`)
//! and asset links resolved to output paths, broken links reported with
//! their position, and script URLs refused.

use pulldown_cmark::CowStr;

use super::markdown::{LinkTargets, ROOT_MARKER, Source};
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::text::escape::is_dangerous_url;

/// Rewrites one link destination; reports broken and unsafe links.
pub(super) fn resolve<'a>(
    src: &Source<'_>,
    at: usize,
    dest: &CowStr<'a>,
    targets: &LinkTargets,
    diags: &mut Diagnostics,
) -> CowStr<'a> {
    let url = dest.as_ref();
    let located = |d: Diagnostic| {
        let (line, col) = line_col(src.file_text, at);
        d.at(line, col).with_source(src.file_text)
    };
    if is_dangerous_url(url) {
        diags.push(located(
            Diagnostic::error(
                src.display_path,
                format!("liên kết “{url}” có thể chạy mã độc nên không được phép"),
            )
            .hint(
                "chỉ dùng liên kết http://, https://, mailto: hoặc đường dẫn tới tệp trong trang",
            ),
        ));
        return CowStr::from("#");
    }
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") || has_scheme(url) {
        return dest.clone();
    }
    let (path_part, fragment) = match url.find(['#', '?']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let decoded = percent_decode(path_part);
    let joined = if let Some(abs) = decoded.strip_prefix('/') {
        normalize(abs)
    } else {
        let dir = src.rel.rsplit_once('/').map_or("", |(d, _)| d);
        normalize(&format!("{dir}/{decoded}"))
    };
    let Some(joined) = joined else {
        diags.push(located(
            Diagnostic::error(src.display_path, format!("liên kết “{url}” trỏ ra ngoài thư mục content/"))
                .hint("liên kết tới tệp trong trang bằng đường dẫn tương đối, ví dụ ../van-ban/ke-hoach.md"),
        ));
        return dest.clone();
    };
    let key = joined.trim_end_matches('/');
    let from_static = || {
        url.starts_with('/')
            .then(|| super::statics::lookup(&targets.statics, &targets.base_prefix, key))
            .flatten()
            .cloned()
    };
    let found = targets
        .pages
        .get(key)
        .or_else(|| targets.pages.get(&format!("{key}/_index.md")))
        .or_else(|| targets.pages.get(&format!("{key}/index.md")))
        .map(|p| targets.link(p))
        .or_else(|| targets.assets.get(key).cloned())
        .or_else(|| {
            targets
                .pages
                .values()
                .find(|p| p.trim_end_matches('/') == key)
                .map(|p| targets.link(p))
        })
        .or_else(|| targets.generated.get(key).map(|p| targets.link(p)))
        .or_else(from_static);
    match found {
        Some(out) => CowStr::from(format!("{ROOT_MARKER}{out}{fragment}")),
        None if targets.held_back.contains(key) => {
            diags.push(located(
                Diagnostic::error(
                    src.display_path,
                    format!("liên kết “{url}” trỏ tới bài bị giữ lại vì có lỗi"),
                )
                .hint("sửa lỗi của bài đó (xem danh sách bài bị giữ lại), hoặc bỏ liên kết này"),
            ));
            dest.clone()
        }
        None if targets.unpublished.contains_key(key) => {
            diags.push(located(
                Diagnostic::warning(
                    src.display_path,
                    format!("liên kết “{url}” trỏ tới bài chưa xuất bản (bản nháp hoặc hẹn giờ)"),
                )
                .hint("liên kết trỏ tới địa chỉ bài sẽ có khi được xuất bản; trước ngày đó người đọc sẽ gặp trang “Không tìm thấy”"),
            ));
            let path = targets
                .unpublished
                .get(key)
                .map(|p| targets.link(p))
                .unwrap_or_default();
            CowStr::from(format!("{ROOT_MARKER}{path}{fragment}"))
        }
        None => {
            let hint = match super::statics::same_name(&targets.statics, &targets.assets, key) {
                Some(found) => format!("có tệp cùng tên ở {found}; {}", how_to_write(&found)),
                None if url.starts_with('/') => "đường dẫn bắt đầu bằng / tính từ thư mục static/ (ví dụ /images/anh.png là tệp static/images/anh.png); kiểm tra tên tệp, hoặc viết đường dẫn tương đối tính từ thư mục của tệp này".to_owned(),
                None => "kiểm tra tên tệp và đường dẫn tương đối (tính từ thư mục của tệp này), ví dụ ../van-ban/ke-hoach-1126-kh-ubnd.md".to_owned(),
            };
            diags.push(located(
                Diagnostic::error(
                    src.display_path,
                    format!("liên kết hỏng: không tìm thấy “{url}”"),
                )
                .hint(hint),
            ));
            dest.clone()
        }
    }
}

/// How to link to a file found at `found` (`static/…` or `content/…`).
pub(crate) fn how_to_write(found: &str) -> String {
    match found.strip_prefix("static/") {
        Some(rel) => format!("viết /{rel} (đường dẫn bắt đầu bằng / tính từ thư mục static/)"),
        None => "viết đường dẫn tương đối tới tệp đó, tính từ thư mục của tệp này".to_owned(),
    }
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
                && i > 0
        }
        None => false,
    }
}

/// Resolves `.` and `..`; `None` when the path leaves the root.
pub(crate) fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Decodes `%XX` escapes (invalid sequences are kept as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}
