//! Documents' appendices (phụ lục): the `attachments` front-matter key read
//! into [`AttachmentRef`]s, each resolved to a published file with its
//! type and size ([`Attachment`]); a missing file is a located error naming
//! the nearest existing file, an unusual type a located warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::fields::{Reader, entry_text};
pub use super::frontmatter::AttachmentRef;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A resolved attachment, published next to the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Output path relative to the site root.
    pub out: String,
    /// Title to show: the given one, else the file name.
    pub title: String,
    /// Lower-case extension without the dot.
    pub ext: String,
    /// Size in bytes.
    pub size: u64,
}

/// Extensions an appendix usually has: (extension, type shown, MIME type).
const KINDS: &[(&str, &str, &str)] = &[
    ("pdf", "PDF", "application/pdf"),
    (
        "xlsx",
        "Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("xls", "Excel", "application/vnd.ms-excel"),
    (
        "docx",
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("doc", "Word", "application/msword"),
    (
        "odt",
        "OpenDocument",
        "application/vnd.oasis.opendocument.text",
    ),
    (
        "ods",
        "OpenDocument",
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    ("csv", "CSV", "text/csv"),
    ("png", "ảnh PNG", "image/png"),
    ("jpg", "ảnh JPEG", "image/jpeg"),
    ("jpeg", "ảnh JPEG", "image/jpeg"),
    ("webp", "ảnh WebP", "image/webp"),
    ("zip", "tệp nén ZIP", "application/zip"),
];

impl Attachment {
    /// The type as readers know it: "PDF", "Excel", "Word", "ảnh PNG"….
    pub fn kind(&self) -> String {
        KINDS
            .iter()
            .find(|(e, _, _)| *e == self.ext)
            .map_or_else(|| format!("tệp .{}", self.ext), |(_, k, _)| (*k).to_owned())
    }

    /// The MIME type, for feeds.
    pub fn mime(&self) -> &'static str {
        KINDS
            .iter()
            .find(|(e, _, _)| *e == self.ext)
            .map_or("application/octet-stream", |(_, _, m)| m)
    }
}

/// A size in Vietnamese style: "850 byte", "12 KB", "1,2 MB" (1 KB = 1024 byte).
pub fn format_size(bytes: u64) -> String {
    format_size_in(bytes, crate::text::numbers::NumberStyle::VIETNAMESE)
}

/// A size with numbers written in `style` ("1.2 MB" on an English page).
pub fn format_size_in(bytes: u64, style: crate::text::numbers::NumberStyle) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} byte")
    } else if b < KB * KB {
        let kb = b / KB;
        let decimals = usize::from(kb < 10.0);
        format!("{} KB", style.decimal(kb, decimals))
    } else {
        let mb = b / (KB * KB);
        let decimals = usize::from(mb < 100.0);
        format!("{} MB", style.decimal(mb, decimals))
    }
}

impl Reader<'_> {
    /// `attachments = ["a.pdf", { file = "b.xlsx", title = "Phụ lục I" }]`.
    pub(super) fn attachments(&mut self) -> Vec<AttachmentRef> {
        const EXAMPLE: &str = "attachments = [\"phu-luc-1.pdf\", { file = \"phu-luc-2.xlsx\", title = \"Phụ lục II – Danh mục nhiệm vụ\" }]";
        let items = match self.map.get("attachments") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::String(s)) => vec![Value::String(s.clone())],
            Some(Value::Array(items)) => items.clone(),
            Some(_) => {
                self.wrong_type("attachments", "một danh sách tệp", EXAMPLE);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(AttachmentRef {
                    file: s.trim().to_owned(),
                    title: String::new(),
                }),
                Value::Object(m) => {
                    if let Some(bad) = m.keys().find(|k| !matches!(k.as_str(), "file" | "title")) {
                        let folded = crate::text::fold(bad);
                        let guess = match folded.as_str() {
                            "tep" | "ten tep" | "tep tin" | "path" | "src" => "file",
                            _ => "title",
                        };
                        self.wrong_type(
                            "attachments",
                            &format!("danh sách tệp; mỗi mục chỉ có “file” và “title” (“{bad}” có phải là “{guess}”?)"),
                            EXAMPLE,
                        );
                        continue;
                    }
                    let Some(file) = self.required_entry_text(
                        &m,
                        "file",
                        "attachments",
                        "danh sách tệp có khoá “file” ở mỗi mục",
                        EXAMPLE,
                    ) else {
                        continue;
                    };
                    out.push(AttachmentRef {
                        file,
                        title: entry_text(&m, "title"),
                    });
                }
                _ => self.wrong_type("attachments", "một danh sách tệp", EXAMPLE),
            }
        }
        out
    }
}

/// The line (in the whole file `text`) of an attachment: the first line
/// from the `attachments` key on that names it, else the key's line.
pub(super) fn line_of(text: &str, file: &str) -> usize {
    let key = crate::config::find_key_line(text, "attachments").unwrap_or(1);
    text.lines()
        .enumerate()
        .skip(key - 1)
        .find(|(_, l)| l.contains(file))
        .map_or(key, |(i, _)| i + 1)
}

/// Lower-case extension of a file name ("" when none).
fn extension(name: &str) -> String {
    let last = name.rsplit('/').next().unwrap_or(name);
    last.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Resolves one attachment of the page `display` (source `text`, folder
/// `dir` in `content/`). `assets` maps content-relative paths to (output
/// path, source path); `statics` lists files of `static/` under `root`.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve(
    a: &AttachmentRef,
    display: &Path,
    text: &str,
    dir: &str,
    assets: &BTreeMap<String, (String, PathBuf)>,
    static_file: &dyn Fn(&str) -> Option<(String, PathBuf)>,
    diags: &mut Diagnostics,
    report: bool,
) -> Option<Attachment> {
    let line = line_of(text, &a.file);
    let found = if let Some(abs) = a.file.strip_prefix('/') {
        super::links::normalize(abs)
            .and_then(|k| assets.get(&k).cloned())
            .or_else(|| static_file(abs))
    } else {
        let joined = if dir.is_empty() {
            a.file.clone()
        } else {
            format!("{dir}/{}", a.file)
        };
        super::links::normalize(&joined).and_then(|k| assets.get(&k).cloned())
    };
    let Some((out, source)) = found else {
        if report {
            let prefix = if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            };
            let here: Vec<&str> = assets
                .keys()
                .filter_map(|k| k.strip_prefix(&prefix))
                .filter(|k| !k.contains('/'))
                .collect();
            let wanted = a.file.rsplit('/').next().unwrap_or(&a.file);
            let hint = match crate::suggest::nearest(wanted, &here, wanted.chars().count() / 2 + 1) {
                Some(near) => format!("có phải là tệp “{near}” cùng thư mục? Sửa tên trong khoá attachments cho đúng (phân biệt chữ hoa/thường)"),
                None => "đặt tệp phụ lục cạnh tệp văn bản và ghi đúng tên tệp (phân biệt chữ hoa/thường), hoặc để trong static/ và ghi /đường-dẫn tính từ static/".to_owned(),
            };
            diags.push(
                Diagnostic::error(
                    display,
                    format!("không tìm thấy tệp phụ lục “{}” (khoá attachments)", a.file),
                )
                .at(line, 1)
                .with_source(text)
                .hint(hint),
            );
        }
        return None;
    };
    let ext = extension(&a.file);
    if report && !KINDS.iter().any(|(e, _, _)| *e == ext) {
        diags.push(
            Diagnostic::warning(
                display,
                format!(
                    "tệp phụ lục “{}” có đuôi “.{ext}” ít gặp; vẫn được đăng nhưng người đọc có thể không mở được",
                    a.file
                ),
            )
            .at(line, 1)
            .with_source(text)
            .hint("phụ lục nên là PDF, Excel (.xlsx), Word (.docx), OpenDocument (.odt, .ods), CSV, ảnh (.png, .jpg) hoặc .zip"),
        );
    }
    let size = std::fs::metadata(&source).map(|m| m.len()).unwrap_or(0);
    let title = if a.title.is_empty() {
        a.file.rsplit('/').next().unwrap_or(&a.file).to_owned()
    } else {
        a.title.clone()
    };
    Some(Attachment {
        out,
        title,
        ext,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_the_vietnamese_way() {
        assert_eq!(format_size(0), "0 byte");
        assert_eq!(format_size(1023), "1023 byte");
        assert_eq!(format_size(1024), "1 KB");
        assert_eq!(format_size(5091), "5 KB");
        assert_eq!(format_size(1536), "1,5 KB");
        assert_eq!(format_size(20 * 1024), "20 KB");
        assert_eq!(format_size(1_258_291), "1,2 MB");
        assert_eq!(format_size(150 * 1024 * 1024), "150 MB");
        let en = crate::text::numbers::NumberStyle::ENGLISH;
        assert_eq!(format_size_in(1_258_291, en), "1.2 MB");
        assert_eq!(format_size_in(1_258_291_000, en), "1,200 MB");
    }

    #[test]
    fn kinds_and_mime_types() {
        let a = |ext: &str| Attachment {
            out: String::new(),
            title: String::new(),
            ext: ext.into(),
            size: 0,
        };
        assert_eq!(a("xlsx").kind(), "Excel");
        assert_eq!(a("png").kind(), "ảnh PNG");
        assert_eq!(a("exe").kind(), "tệp .exe");
        assert_eq!(a("pdf").mime(), "application/pdf");
        assert_eq!(extension("x/Phu-Luc.PDF"), "pdf");
    }

    #[test]
    fn line_of_an_attachment_follows_the_key() {
        let text = "+++\ntitle = \"a.pdf\"\nattachments = [\n  \"b.pdf\",\n  \"a.pdf\",\n]\n+++\n";
        assert_eq!(line_of(text, "a.pdf"), 5);
        assert_eq!(line_of(text, "zzz"), 3);
    }
}
