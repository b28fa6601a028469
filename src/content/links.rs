//! Link destinations in Markdown: source-file links (`../van-ban/x.md`)
//! and asset links resolved to output paths, broken links reported with
//! their position, and script URLs refused.

use std::collections::BTreeMap;
use std::path::Path;

use pulldown_cmark::CowStr;

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::text::escape::is_dangerous_url;
use crate::text::percent;

/// Stands for "the site root, relative to the current page" in rendered HTML.
pub const ROOT_MARKER: &str = "minhbach-root:/";

/// Replaces [`ROOT_MARKER`] with `root` (e.g. `../../`).
pub fn place(html: &str, root: &str) -> String {
    html.replace(ROOT_MARKER, root)
}

/// Where links may point: source paths (relative to `content/`, with `/`)
/// mapped to output paths (relative to the site root).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkTargets {
    /// `tin-tuc/2026-08-05-bai.md` → `tin-tuc/bai/`
    pub pages: BTreeMap<String, String>,
    /// `tin-tuc/bai/anh.svg` → `tin-tuc/bai/anh.svg`
    pub assets: BTreeMap<String, String>,
    /// Pages that exist but are not published in this build (drafts, scheduled).
    /// Source path → the output path it will have once published.
    pub unpublished: BTreeMap<String, String>,
    /// Pages and files minhbach makes from the data (`chi-tieu` →
    /// `chi-tieu/`, `du-lieu/chi-tieu.csv`), so that `[chỉ tiêu](../chi-tieu/)`
    /// in a post is a link like any other. A content page at the same path
    /// wins (it is found first).
    pub generated: BTreeMap<String, String>,
    /// Links end in `index.html` (site opened from disk).
    pub portable: bool,
    /// Files under the site's `static/` folder (`images/a.png`), published
    /// at the site root: `/images/a.png` in a body names one.
    pub statics: std::collections::BTreeSet<String>,
    /// The sub-path of `base_url` (`BlogName`), accepted in front of a
    /// static file's path.
    pub base_prefix: String,
    /// Pages held back by `build --bo-qua-bai-loi` (source paths): a link to
    /// one is an error, so the linking page is held back too.
    pub held_back: std::collections::BTreeSet<String>,
}

impl LinkTargets {
    /// An output directory path as a link (`tin-tuc/bai/` or `…/index.html`).
    pub fn link(&self, path: &str) -> String {
        page_link(path, self.portable)
    }
}

/// An output directory path as a link, honouring portable mode.
pub fn page_link(path: &str, portable: bool) -> String {
    if portable && (path.is_empty() || path.ends_with('/')) {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

/// What the renderer needs to know about the page being rendered.
pub struct Source<'a> {
    /// Path shown in diagnostics (relative to the site root).
    pub display_path: &'a Path,
    /// Source path relative to `content/`, with `/`.
    pub rel: &'a str,
    /// The whole file (for source lines in errors).
    pub file_text: &'a str,
    /// Byte offset of the body in `file_text`.
    pub body_offset: usize,
}

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

/// Decodes `%XX` escapes (invalid sequences are kept as written; bytes that
/// are not UTF-8 leave the text as written).
pub fn percent_decode(s: &str) -> String {
    let out = percent::decode(s, percent::Invalid::Keep).unwrap_or_default();
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}
