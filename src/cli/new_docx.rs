//! `minhbach new post --tu TEP.docx`: a post made from a Word document, as
//! a page bundle `content/<tin-tuc>/<ngày>-<slug>/index.md` with the
//! document's images beside it. The conversion itself is [`crate::docx`];
//! this module picks the title, date and folder, and writes the files
//! without ever replacing one that exists.

use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostics::Diagnostic;
use crate::docx::{self, Limits};
use crate::text::slugify;

/// What was written, and what the officer should still fix.
pub struct Written {
    pub index: PathBuf,
    pub images: usize,
    pub warnings: Vec<String>,
}

/// Converts `docx_path` into a new bundle under the site at `root`.
/// `title` overrides the title found in the document.
pub fn new_post_from_docx(
    root: &Path,
    docx_path: &Path,
    title: Option<&str>,
    today: Date,
) -> Result<Written, String> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let config = crate::config::Config::load(root, &mut diags)
        .ok_or_else(|| diags.iter().map(|d| d.render()).collect::<String>())?;
    let fail = |msg: String, hint: &str| Diagnostic::error(docx_path, msg).hint(hint).render();
    let limits = Limits::default();
    let bytes = read_bounded(docx_path, limits.file)
        .map_err(|m| fail(m, "kiểm tra lại đường dẫn tới tệp .docx"))?;
    let converted = docx::convert(bytes, limits).map_err(|e| fail(e.to_string(), e.hint()))?;

    let title = title
        .map(str::to_owned)
        .or(converted.title)
        .unwrap_or_else(|| file_stem_title(docx_path));
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(fail(
            "không tìm được tiêu đề có chữ cái hoặc chữ số cho bài".into(),
            "đặt tiêu đề: minhbach new post \"Tiêu đề\" --tu TEP.docx",
        ));
    }
    // A document last saved "in the future" (a wrong clock) would become a
    // scheduled post; today is the latest sensible date.
    let date = converted.date.filter(|d| *d <= today).unwrap_or(today);
    let dir = root
        .join("content")
        .join(&config.sections.news)
        .join(format!("{date}-{slug}"));
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            format!(
                "không tạo được thư mục {}: {}",
                parent.display(),
                crate::os_error::reason(&e)
            )
        })?;
    }
    std::fs::create_dir(&dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            format!(
                "thư mục {} đã có; minhbach không ghi đè. Hãy đặt tiêu đề khác (minhbach new post \"Tiêu đề khác\" --tu …) hoặc xoá thư mục đó nếu là bản chuyển cũ.",
                dir.display()
            )
        } else {
            format!("không tạo được thư mục {}: {}", dir.display(), crate::os_error::reason(&e))
        }
    })?;
    let source = docx_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let index = dir.join("index.md");
    let text = front_matter(&title, date, &source) + &converted.body;
    let written = write_new(&index, text.as_bytes()).and_then(|()| {
        for (name, data) in &converted.images {
            write_new(&dir.join(name), data)?;
        }
        Ok(())
    });
    if let Err(e) = written {
        // Everything in `dir` was created by this call a moment ago.
        let _ = std::fs::remove_dir_all(&dir);
        return Err(e);
    }
    Ok(Written {
        index,
        images: converted.images.len(),
        warnings: converted.warnings,
    })
}

fn front_matter(title: &str, date: Date, source: &str) -> String {
    let q = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "+++\n# Chuyển từ tài liệu Word “{}”. Xem lại rồi xoá dòng draft để đăng.\ntitle = \"{}\"\ndate = {date}\ndescription = \"\"\ntags = []\nauthor = \"\"\ndraft = true\n+++\n\n",
        source.replace(['\n', '\r'], " "),
        q(title)
    )
}

/// “bao-cao_quy 4.docx” → “bao cao quy 4”.
fn file_stem_title(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    stem.replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a file, refusing one larger than `limit` before allocating for it.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "không tìm thấy tệp".to_owned(),
        _ => format!("không mở được tệp: {}", crate::os_error::reason(&e)),
    })?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limit {
        return Err(format!(
            "tệp quá lớn ({} MB, giới hạn {} MB)",
            len / 1_048_576,
            limit / 1_048_576
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("không đọc được tệp: {}", crate::os_error::reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(format!("tệp quá lớn (giới hạn {} MB)", limit / 1_048_576));
    }
    Ok(bytes)
}

fn write_new(path: &Path, data: &[u8]) -> Result<(), String> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            format!(
                "không tạo được {}: {}",
                path.display(),
                crate::os_error::reason(&e)
            )
        })?;
    std::io::Write::write_all(&mut f, data).map_err(|e| {
        format!(
            "không ghi được {}: {}",
            path.display(),
            crate::os_error::reason(&e)
        )
    })
}
