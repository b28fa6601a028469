//! Opening a .docx: recognising what the file really is (old binary Word,
//! an encrypted document, RTF, OpenDocument, a spreadsheet, a damaged zip)
//! and reading its parts with sizes bounded before anything is allocated,
//! so a zip bomb cannot exhaust memory. Interpreting the parts is left to
//! the other modules.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// Limits on what a document may unpack to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The .docx file itself.
    pub file: u64,
    /// Any one XML part once unpacked.
    pub xml_part: u64,
    /// Any one embedded image once unpacked.
    pub image: u64,
    /// Everything read from the archive together.
    pub total: u64,
    /// Entries in the archive.
    pub entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file: 100 * 1024 * 1024,
            xml_part: 32 * 1024 * 1024,
            image: 25 * 1024 * 1024,
            total: 300 * 1024 * 1024,
            entries: 20_000,
        }
    }
}

/// Why a file could not be opened as a Word document. `Display` is the
/// Vietnamese message; [`OpenError::hint`] says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    TooLarge { size: u64, limit: u64 },
    OldWord,
    Encrypted,
    Rtf,
    OpenDocument,
    Spreadsheet,
    NotZip(String),
    NoDocument,
    PartTooLarge { part: String, limit: u64 },
    Unreadable { part: String, reason: String },
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::TooLarge { size, limit } => write!(
                f,
                "tệp quá lớn ({} MB, giới hạn {} MB)",
                size / 1_048_576,
                limit / 1_048_576
            ),
            OpenError::OldWord => write!(
                f,
                "đây là tệp Word cũ (.doc, Word 97–2003), không phải .docx"
            ),
            OpenError::Encrypted => {
                write!(f, "tài liệu được đặt mật khẩu (mã hoá) nên không đọc được")
            }
            OpenError::Rtf => write!(f, "đây là tệp RTF, không phải .docx"),
            OpenError::OpenDocument => {
                write!(f, "đây là tệp OpenDocument (.odt), không phải .docx")
            }
            OpenError::Spreadsheet => write!(f, "đây là bảng tính Excel, không phải tài liệu Word"),
            OpenError::NotZip(reason) => {
                write!(f, "tệp không phải .docx hợp lệ hoặc đã bị hỏng ({reason})")
            }
            OpenError::NoDocument => write!(
                f,
                "tệp nén không chứa phần nội dung word/document.xml của một tài liệu Word"
            ),
            OpenError::PartTooLarge { part, limit } => write!(
                f,
                "phần {part} trong tài liệu giải nén ra quá {} MB (có thể là tệp độc hại hoặc hỏng)",
                limit / 1_048_576
            ),
            OpenError::Unreadable { part, reason } => {
                write!(f, "không đọc được phần {part} trong tài liệu ({reason})")
            }
        }
    }
}

impl OpenError {
    pub fn hint(&self) -> &'static str {
        match self {
            OpenError::OldWord | OpenError::Rtf | OpenError::OpenDocument => {
                "mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) → “Word Document (*.docx)”, rồi chạy lại lệnh với tệp .docx mới"
            }
            OpenError::Encrypted => {
                "mở tài liệu bằng Word, vào Tệp → Thông tin → Bảo vệ tài liệu → Mã hoá bằng mật khẩu, xoá mật khẩu, lưu lại rồi chạy lại lệnh"
            }
            OpenError::Spreadsheet => {
                "bảng số liệu đặt vào thư mục content/du-lieu/ (xem docs/du-lieu.md); lệnh này chỉ nhận tài liệu Word .docx"
            }
            OpenError::TooLarge { .. } | OpenError::PartTooLarge { .. } => {
                "nén hoặc thu nhỏ ảnh trong Word (Định dạng ảnh → Nén ảnh), hoặc chia tài liệu thành nhiều bài"
            }
            _ => {
                "mở tệp bằng Word hoặc LibreOffice xem có mở được không, rồi lưu lại thành .docx (Lưu thành → Word Document)"
            }
        }
    }
}

/// An opened .docx: the zip and the running total of bytes read.
pub struct Archive {
    zip: ZipArchive<Cursor<Vec<u8>>>,
    limits: Limits,
    read_so_far: u64,
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Archive {
    /// Recognises and opens `bytes` (the whole file, already bounded by
    /// `limits.file` by the caller that read it).
    pub fn open(bytes: Vec<u8>, limits: Limits) -> Result<Archive, OpenError> {
        if bytes.len() as u64 > limits.file {
            return Err(OpenError::TooLarge {
                size: bytes.len() as u64,
                limit: limits.file,
            });
        }
        if bytes.starts_with(&CFB_MAGIC) {
            // Password-protected .docx files are stored inside the same
            // compound-file container as old .doc files; their stream
            // names give them away.
            return Err(if contains_utf16(&bytes, "EncryptedPackage") {
                OpenError::Encrypted
            } else {
                OpenError::OldWord
            });
        }
        if bytes.starts_with(b"{\\rtf") {
            return Err(OpenError::Rtf);
        }
        if !bytes.starts_with(b"PK") {
            return Err(OpenError::NotZip("không bắt đầu bằng chữ ký zip".into()));
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
            // The zip reader's own text is English ("Could not find EOCD").
            OpenError::NotZip("mục lục của tệp nén bị thiếu hoặc hỏng".into())
        })?;
        if zip.len() > limits.entries {
            return Err(OpenError::NotZip(format!(
                "có {} phần, quá nhiều",
                zip.len()
            )));
        }
        let archive = Archive {
            zip,
            limits,
            read_so_far: 0,
        };
        if !archive.has("word/document.xml") {
            if archive.has("xl/workbook.xml") {
                return Err(OpenError::Spreadsheet);
            }
            if archive.has("mimetype") || archive.has("content.xml") {
                return Err(OpenError::OpenDocument);
            }
            return Err(OpenError::NoDocument);
        }
        Ok(archive)
    }

    /// Whether the archive has an entry with this exact name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Reads an XML part as text; `Ok(None)` when the part does not exist.
    pub fn xml(&mut self, name: &str) -> Result<Option<String>, OpenError> {
        let Some(bytes) = self.read(name, self.limits.xml_part)? else {
            return Ok(None);
        };
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| OpenError::Unreadable {
                part: name.to_owned(),
                reason: "không phải UTF-8".into(),
            })
    }

    /// Reads an embedded image; `Ok(None)` when the part does not exist.
    pub fn image(&mut self, name: &str) -> Result<Option<Vec<u8>>, OpenError> {
        self.read(name, self.limits.image)
    }

    /// Reads one entry, refusing to unpack more than `limit` bytes of it or
    /// more than the total limit overall, whatever the zip header claims.
    fn read(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, OpenError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let unreadable = |reason: String| OpenError::Unreadable {
            part: name.to_owned(),
            reason,
        };
        let entry = self
            .zip
            .by_index(index)
            .map_err(|_| unreadable("dữ liệu nén bị hỏng".into()))?;
        let limit = limit.min(self.limits.total.saturating_sub(self.read_so_far));
        let too_large = OpenError::PartTooLarge {
            part: name.to_owned(),
            limit,
        };
        if entry.size() > limit {
            return Err(too_large);
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| unreadable("dữ liệu nén bị hỏng".into()))?;
        if bytes.len() as u64 > limit {
            return Err(too_large);
        }
        self.read_so_far += bytes.len() as u64;
        Ok(Some(bytes))
    }
}

fn contains_utf16(haystack: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    haystack
        .windows(pattern.len())
        .any(|w| w == pattern.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(bytes: &[u8]) -> OpenError {
        match Archive::open(bytes.to_vec(), Limits::default()) {
            Err(e) => e,
            Ok(_) => panic!("opened"),
        }
    }

    #[test]
    fn recognises_what_is_not_a_docx() {
        let mut doc = CFB_MAGIC.to_vec();
        doc.extend_from_slice(&[0; 600]);
        assert_eq!(open(&doc), OpenError::OldWord);
        let mut enc = doc.clone();
        enc.extend(
            "EncryptedPackage"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(open(&enc), OpenError::Encrypted);
        assert_eq!(open(b"{\\rtf1\\ansi hello}"), OpenError::Rtf);
        assert!(matches!(open(b"hello"), OpenError::NotZip(_)));
        assert!(matches!(open(b"PK\x03\x04 broken"), OpenError::NotZip(_)));
    }

    fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap();
            std::io::Write::write_all(&mut w, data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn zip_bomb_is_refused_before_it_is_unpacked() {
        let zeros = vec![0_u8; 4 * 1024 * 1024];
        let bytes = zip_with(&[("word/document.xml", &zeros)]);
        assert!(bytes.len() < 100_000);
        let limits = Limits {
            xml_part: 1024 * 1024,
            ..Limits::default()
        };
        let mut a = Archive::open(bytes, limits).unwrap();
        assert!(matches!(
            a.xml("word/document.xml"),
            Err(OpenError::PartTooLarge { .. })
        ));
    }

    #[test]
    fn other_office_files_are_named() {
        assert_eq!(
            open(&zip_with(&[("xl/workbook.xml", b"<x/>")])),
            OpenError::Spreadsheet
        );
        assert_eq!(
            open(&zip_with(&[(
                "mimetype",
                b"application/vnd.oasis.opendocument.text"
            )])),
            OpenError::OpenDocument
        );
    }
}
