//! Reading the old site's content folder: the files walked (other
//! languages' folders left out), each Markdown file decoded (UTF-8, a few
//! broken bytes repaired, UTF-16) with its front matter, and the images of
//! Hugo's `assets/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::detect::SourceSite;
use super::front_matter::{self, PageMatter};
use super::paths::FileKind;
use super::report::Report;

/// Largest Markdown file imported (as the build's limit).
const MAX_PAGE_BYTES: u64 = crate::content::load::MAX_PAGE_BYTES;
/// Most files walked in the source content folder.
const MAX_FILES: usize = 200_000;

/// One Markdown file read from the source.
pub(super) struct SourcePage {
    pub(super) rel: String,
    pub(super) abs: PathBuf,
    pub(super) kind: FileKind,
    pub(super) matter: PageMatter,
    pub(super) body: String,
    /// Read problems (the page is not imported).
    pub(super) error: Option<String>,
    /// A repair made while reading (for the report).
    pub(super) read_note: Option<String>,
    /// Lines before the body (front matter), for line numbers in the report.
    pub(super) body_line: usize,
}

/// Files found: (path relative to the content folder, absolute path).
pub(super) type Files = Vec<(String, PathBuf)>;

/// Image files under `assets/` (relative to it).
pub(super) fn scan_asset_images(root: &Path) -> BTreeSet<String> {
    const IMAGES: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "ico"];
    let dir = root.join("assets");
    let mut out = BTreeSet::new();
    for e in walkdir::WalkDir::new(&dir).into_iter().flatten() {
        let is_image = e
            .path()
            .extension()
            .is_some_and(|x| IMAGES.contains(&x.to_string_lossy().to_lowercase().as_str()));
        if e.file_type().is_file() && is_image && out.len() < MAX_FILES {
            let rel = e.path().strip_prefix(&dir).unwrap_or(e.path());
            out.insert(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    out
}

pub(super) fn walk(site: &SourceSite, report: &mut Report) -> Result<(Files, Files), String> {
    let dir = &site.content_dir;
    if !dir.is_dir() {
        return Err(format!("không tìm thấy thư mục nội dung {}", dir.display()));
    }
    let mut md = Vec::new();
    let mut other = Vec::new();
    let skip: Vec<&PathBuf> = site
        .other_language_dirs
        .iter()
        .filter(|d| d.starts_with(dir))
        .collect();
    for d in &site.other_language_dirs {
        report.site_note(format!(
            "nội dung ngôn ngữ khác trong {} chưa được nhập",
            d.strip_prefix(&site.root).unwrap_or(d).display()
        ));
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || (!crate::content::load::is_ignored_name(&e.file_name().to_string_lossy())
                    && !skip.iter().any(|s| e.path() == s.as_path()))
        });
    for entry in walker.flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        if md.len() + other.len() >= MAX_FILES {
            report.site_note(format!(
                "thư mục nội dung có hơn {MAX_FILES} tệp; phần còn lại không được nhập"
            ));
            break;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        use unicode_normalization::UnicodeNormalization;
        let rel: String = rel.nfc().collect();
        if rel.ends_with(".md") || rel.ends_with(".markdown") {
            md.push((rel, entry.path().to_path_buf()));
        } else {
            other.push((rel, entry.path().to_path_buf()));
        }
    }
    Ok((md, other))
}

pub(super) fn read_page(rel: String, abs: PathBuf, kind: FileKind) -> SourcePage {
    let mut page = SourcePage {
        rel,
        abs,
        kind,
        matter: PageMatter::default(),
        body: String::new(),
        error: None,
        read_note: None,
        body_line: 0,
    };
    let too_big = std::fs::metadata(&page.abs)
        .map(|m| m.len() > MAX_PAGE_BYTES)
        .unwrap_or(false);
    if too_big {
        page.error = Some("tệp lớn hơn 10 MB, không nhập".into());
        return page;
    }
    let bytes = match std::fs::read(&page.abs) {
        Ok(b) => b,
        Err(e) => {
            page.error = Some(format!(
                "không đọc được tệp: {}",
                crate::os_error::reason(&e)
            ));
            return page;
        }
    };
    let text = match decode(&bytes) {
        Ok((t, note)) => {
            page.read_note = note;
            t
        }
        Err(e) => {
            page.error = Some(e);
            return page;
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    match front_matter::read(&text) {
        Ok((m, body)) => {
            page.matter = m;
            page.body_line = text[..text.len().saturating_sub(body.len())]
                .matches('\n')
                .count();
            page.body = body;
        }
        Err(e) => page.error = Some(e),
    }
    page
}

/// The text of a Markdown file: UTF-8 (a few broken bytes, as in a file
/// cut short, are replaced and reported, as Hugo shows them), or UTF-16
/// with its byte-order mark.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let utf16 = |rest: &[u8], le: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        Ok((
            String::from_utf16_lossy(&units),
            Some("tệp UTF-16: đã đổi sang UTF-8".to_owned()),
        ))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((t.to_owned(), None)),
        Err(e) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let bad = lossy.matches('\u{FFFD}').count();
            if bad <= 3 {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                Ok((
                    lossy,
                    Some(format!(
                        "dòng {line}: {bad} chỗ không phải chữ UTF-8 (tệp bị cắt hoặc hỏng), đã thay bằng “�”"
                    )),
                ))
            } else {
                Err(
                    "tệp không phải văn bản UTF-8; mở và lưu lại với bảng mã UTF-8 rồi nhập lại"
                        .into(),
                )
            }
        }
    }
}
