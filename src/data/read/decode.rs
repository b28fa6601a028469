//! Bytes → text for CSV files: UTF-8 with or without BOM, UTF-16 LE/BE by
//! BOM, or a legacy code page (Windows-1258) when the file name ends in
//! `.cp1258.csv` or the site config names an encoding. The text is
//! NFC-normalised afterwards: Windows-1258 stores tone marks as combining
//! characters, and macOS tools sometimes write NFD.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

/// Why the bytes could not be decoded, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub message: String,
    pub hint: String,
    /// 1-based line of the first bad byte, when known.
    pub line: Option<usize>,
}

/// Picks the encoding for a file without a BOM: `.cp1258.` in the name wins,
/// then the configured label. An unknown label is an error.
pub fn encoding_for(
    file_name: &str,
    configured: Option<&str>,
) -> Result<&'static Encoding, String> {
    let lower = file_name.to_lowercase();
    if lower.contains(".cp1258.") || lower.contains(".windows-1258.") {
        return Ok(WINDOWS_1258);
    }
    match configured {
        None => Ok(UTF_8),
        Some(label) => {
            let label = label.trim();
            let normalised = if label.eq_ignore_ascii_case("cp1258") {
                "windows-1258"
            } else {
                label
            };
            Encoding::for_label(normalised.as_bytes()).ok_or_else(|| label.to_owned())
        }
    }
}

/// Decodes `bytes`: a BOM decides first, otherwise `fallback`.
pub fn decode(bytes: &[u8], fallback: &'static Encoding) -> Result<String, DecodeError> {
    let (encoding, body) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (UTF_8, rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (UTF_16LE, rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (UTF_16BE, rest)
    } else {
        (fallback, bytes)
    };
    let text = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(t) => t.to_owned(),
            Err(e) => {
                let line = body[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                return Err(DecodeError {
                    message: "tệp không phải là văn bản UTF-8".to_owned(),
                    hint: "trong Excel chọn Lưu thành “CSV UTF-8 (Comma delimited)”; nếu tệp dùng bảng mã Windows-1258, đặt tên tệp kết thúc bằng .cp1258.csv hoặc ghi encoding = \"windows-1258\" trong mục [data] của minhbach.toml".to_owned(),
                    line: Some(line),
                });
            }
        }
    } else {
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            return Err(DecodeError {
                message: format!("tệp có byte không hợp lệ trong bảng mã {}", encoding.name()),
                hint: "lưu lại tệp từ Excel dưới dạng “CSV UTF-8 (Comma delimited)”".to_owned(),
                line: None,
            });
        }
        text.into_owned()
    };
    Ok(nfc(text))
}

/// `text` in NFC: returned as it is when a quick check proves it already
/// is (the usual case: UTF-8 saved by Excel or LibreOffice), so the whole
/// file is not copied character by character.
fn nfc(text: String) -> String {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text;
    }
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_boms_and_normalises() {
        let s = "Chỉ tiêu,Giá trị\n";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom, UTF_8).unwrap(), s);
        assert_eq!(decode(s.as_bytes(), UTF_8).unwrap(), s);
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, UTF_8).unwrap(), s);
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, UTF_8).unwrap(), s);
    }

    #[test]
    fn windows_1258_is_composed() {
        // "Việt" in cp1258: V i ê + combining dot below (0xF2) t.
        let bytes = b"Vi\xEA\xF2t";
        let text = decode(bytes, WINDOWS_1258).unwrap();
        assert_eq!(text, "Việt");
        assert_eq!(text.chars().count(), 4);
    }

    #[test]
    fn picks_encoding_from_name_and_config() {
        assert_eq!(encoding_for("chi-tieu.cp1258.csv", None), Ok(WINDOWS_1258));
        assert_eq!(
            encoding_for("chi-tieu.csv", Some("windows-1258")),
            Ok(WINDOWS_1258)
        );
        assert_eq!(
            encoding_for("chi-tieu.csv", Some("cp1258")),
            Ok(WINDOWS_1258)
        );
        assert_eq!(encoding_for("chi-tieu.csv", None), Ok(UTF_8));
        assert_eq!(
            encoding_for("a.csv", Some("klingon")),
            Err("klingon".to_owned())
        );
    }

    #[test]
    fn decomposed_utf8_is_composed_and_composed_kept() {
        // "Việt" written decomposed (macOS): e + circumflex + dot below.
        let nfd = "Vie\u{0323}\u{0302}t, Hà Nội";
        let text = decode(nfd.as_bytes(), UTF_8).unwrap();
        assert_eq!(text, "Việt, Hà Nội");
        assert_eq!(decode("Việt".as_bytes(), UTF_8).unwrap(), "Việt");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = decode(b"a,b\nc,\xFF\n", UTF_8).unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}
