//! Operating-system errors in Vietnamese: `std::io::Error`'s text is the
//! OS's own (English on most machines: "No such file or directory (os error
//! 2)"), so every place where an I/O error reaches the user — reading
//! content, data and theme files, writing the output, binding the preview
//! server, importing, `init`/`new` — words the kind itself through
//! [`reason`] and keeps only the numeric code.

use std::io::{Error, ErrorKind};

/// The Vietnamese reason for `e`, e.g. "không có quyền (…) (mã lỗi 13)".
/// Errors the program made itself (`io::Error::other("…")`, worded in
/// Vietnamese where they are raised) keep their own text.
pub fn reason(e: &Error) -> String {
    let what = match e.kind() {
        ErrorKind::NotFound => "không tìm thấy thư mục hoặc tệp",
        ErrorKind::PermissionDenied => {
            "không có quyền (thư mục chỉ đọc, hoặc tệp đang mở trong chương trình khác)"
        }
        ErrorKind::AlreadyExists => "đã có tệp hoặc thư mục cùng tên",
        ErrorKind::AddrInUse => {
            "cổng đang được chương trình khác dùng (có thể một cửa sổ xem trước khác đang mở)"
        }
        ErrorKind::AddrNotAvailable => "máy này không có địa chỉ đó",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::QuotaExceeded => "đã dùng hết dung lượng được cấp trên ổ đĩa",
        ErrorKind::FileTooLarge => "tệp quá lớn",
        ErrorKind::InvalidFilename => "tên tệp không hợp lệ (quá dài hoặc có ký tự không cho phép)",
        ErrorKind::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        ErrorKind::IsADirectory => "đây là thư mục, không phải tệp",
        ErrorKind::DirectoryNotEmpty => "thư mục không trống",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "tệp hoặc thư mục đang được chương trình khác dùng"
        }
        ErrorKind::CrossesDevices => "không chuyển được giữa hai ổ đĩa khác nhau",
        ErrorKind::InvalidData => "nội dung không đọc được (tệp văn bản phải ở mã UTF-8)",
        ErrorKind::UnexpectedEof => "tệp bị cụt (kết thúc sớm hơn dự kiến)",
        ErrorKind::Interrupted => "thao tác bị ngắt giữa chừng",
        ErrorKind::TimedOut => "quá thời gian chờ",
        ErrorKind::OutOfMemory => "không đủ bộ nhớ",
        ErrorKind::Unsupported => "hệ điều hành này không hỗ trợ thao tác đó",
        ErrorKind::Other if e.raw_os_error().is_none() && e.get_ref().is_some() => {
            return e.to_string();
        }
        _ => "lỗi hệ điều hành",
    };
    match e.raw_os_error() {
        Some(code) => format!("{what} (mã lỗi {code})"),
        None => what.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn common_kinds_are_worded_in_vietnamese() {
        let e = std::fs::read("/khong/co/tep/nay").unwrap_err();
        assert!(super::reason(&e).starts_with("không tìm thấy thư mục hoặc tệp (mã lỗi "));
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            super::reason(&e),
            "không có quyền (thư mục chỉ đọc, hoặc tệp đang mở trong chương trình khác)"
        );
        let e = std::io::Error::from_raw_os_error(if cfg!(windows) { 10048 } else { 98 });
        assert!(super::reason(&e).starts_with("cổng đang được chương trình khác dùng"));
    }

    #[test]
    fn the_programs_own_messages_keep_their_words() {
        let e = std::io::Error::other("tệp đang bị khoá");
        assert_eq!(super::reason(&e), "tệp đang bị khoá");
        // Any other kind without an OS code: a Vietnamese word, never English.
        let e = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        );
        assert!(super::reason(&e).contains("UTF-8") && !super::reason(&e).contains("stream"));
    }
}
