//! Operating-system errors in Vietnamese: `std::io::Error`'s text is the
//! OS's own (English on most machines), so the CLI words the common kinds
//! itself and keeps only the numeric code of the rest.

use std::io::{Error, ErrorKind};

/// "không có quyền ghi (…)" for `e`.
pub fn reason(e: &Error) -> String {
    let what = match e.kind() {
        ErrorKind::NotFound => "không tìm thấy thư mục hoặc tệp",
        ErrorKind::PermissionDenied => {
            "không có quyền (thư mục chỉ đọc, hoặc tệp đang mở trong chương trình khác)"
        }
        ErrorKind::AlreadyExists => "đã có tệp hoặc thư mục cùng tên",
        ErrorKind::AddrInUse => "cổng đang được chương trình khác dùng",
        ErrorKind::AddrNotAvailable => "máy này không có địa chỉ đó",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::InvalidFilename => "tên tệp không hợp lệ",
        ErrorKind::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        ErrorKind::IsADirectory => "đây là thư mục, không phải tệp",
        ErrorKind::DirectoryNotEmpty => "thư mục không trống",
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
    }
}
