//! Building an example site with the real binary at a fixed date, and the
//! readers of what it wrote: pages as text, dashboard tiles, `<dd>` values,
//! open-data CSV rows and PDF metadata.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

/// The repository.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A site built into a temporary folder: its files as text (binary files skipped).
pub struct Built {
    _tmp: tempfile::TempDir,
    out: PathBuf,
    pub files: BTreeMap<String, String>,
    /// Text of each PDF's document-information strings (title, author, subject).
    pub pdf_info: BTreeMap<String, String>,
}

impl Built {
    pub fn page(&self, rel: &str) -> String {
        let key = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        match self.files.get(&key) {
            // Figures are written with a no-break space before the unit; compare as text.
            Some(s) => common::html_unescape(s).replace('\u{a0}', " "),
            None => panic!("{}: no page {key}", self.out.display()),
        }
    }
}

pub fn build(root: &Path) -> Built {
    build_at(root, common::TODAY)
}

pub fn build_at(root: &Path, date: &str) -> Built {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = Command::new(common::BIN)
        .args(["build", "--date", date, "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{} does not build:\n{}",
        root.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    // The one warning an example may carry is the true one: a source copy that
    // shows no document number (Châu Thành, Đông Sơn) — `check` must say so.
    let unexpected = stderr
        .lines()
        .filter(|l| l.starts_with("cảnh báo:") && !l.contains("văn bản thiếu số hiệu"))
        .count();
    assert!(
        unexpected == 0,
        "{} builds with warnings:\n{stderr}",
        root.display()
    );
    let tree = common::tree(&out);
    let pdf_info = tree
        .iter()
        .filter(|(k, _)| k.ends_with(".pdf"))
        .map(|(k, v)| (k.clone(), pdf_info_text(v)))
        .collect();
    let files = tree
        .into_iter()
        .filter_map(|(k, v)| String::from_utf8(v).ok().map(|s| (k, s)))
        .collect();
    Built {
        _tmp: tmp,
        out,
        files,
        pdf_info,
    }
}

/// The /Title, /Author and /Subject literal strings of a PDF, decoded
/// (octal escapes; UTF-16BE when they start with a byte-order mark).
pub fn pdf_info_text(pdf: &[u8]) -> String {
    let mut text = String::new();
    for key in [&b"/Title ("[..], b"/Author (", b"/Subject ("] {
        let Some(start) = pdf.windows(key.len()).position(|w| w == key) else {
            continue;
        };
        let mut bytes = Vec::new();
        let mut i = start + key.len();
        while i < pdf.len() && pdf[i] != b')' {
            if pdf[i] == b'\\' && i + 1 < pdf.len() {
                i += 1;
                let digits: Vec<u8> = pdf[i..]
                    .iter()
                    .take(3)
                    .take_while(|c| c.is_ascii_digit())
                    .copied()
                    .collect();
                if digits.is_empty() {
                    bytes.push(pdf[i]);
                    i += 1;
                } else {
                    let n = digits.iter().fold(0u32, |n, d| n * 8 + u32::from(d - b'0'));
                    bytes.push(n as u8);
                    i += digits.len();
                }
            } else {
                bytes.push(pdf[i]);
                i += 1;
            }
        }
        if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            text.push_str(&String::from_utf16_lossy(&units));
        } else {
            text.extend(bytes.iter().map(|&b| char::from(b)));
        }
        text.push('\n');
    }
    text
}

/// The dashboard tiles of the home page: (value, label, note).
pub fn tiles(home: &str) -> Vec<(String, String, String)> {
    let span = |li: &str, class: &str| {
        let open = format!("<span class=\"{class}\">");
        li.find(&open)
            .map(|i| {
                let rest = &li[i + open.len()..];
                rest[..rest.find("</span>").unwrap()].trim().to_string()
            })
            .unwrap_or_default()
    };
    home.split("<li class=\"stat\">")
        .skip(1)
        .map(|li| {
            let li = &li[..li.find("</li>").unwrap()];
            (
                span(li, "stat-value"),
                span(li, "stat-label"),
                span(li, "stat-note"),
            )
        })
        .collect()
}

/// The `<dd>` after `<dt>{term}</dt>` on a page.
pub fn dd(page: &str, term: &str) -> Option<String> {
    let open = format!("<dt>{term}</dt><dd>");
    let i = page.find(&open)? + open.len();
    let rest = &page[i..];
    Some(rest[..rest.find("</dd>")?].to_string())
}

/// Rows of an open-data CSV export (UTF-8 with BOM, comma) as header → value maps.
pub fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut rd =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}
