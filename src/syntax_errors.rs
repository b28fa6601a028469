//! TOML, YAML and JSON syntax errors in Vietnamese: the parsers' English
//! messages are matched to a cause (tab, missing quote, missing `=` or `:`,
//! duplicate key, unclosed bracket…), worded in Vietnamese with a hint
//! that names the fix, and located where the cause is (a YAML tab is
//! reported on the line that holds the tab, not where the parser noticed).
//! The English text itself is never shown.

/// A located syntax error, ready for a [`crate::diagnostics::Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax {
    pub message: String,
    pub hint: String,
    /// 1-based, in the text given to the parser.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
}

/// The key written at the start of a source line (`title = …`, `title: …`).
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?.trim_start();
    let end = l.find(['=', ':', ' ', '\t', '"']).unwrap_or(l.len());
    let key = l[..end].trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with(['-', '[', '#'])).then(|| key.to_owned())
}

/// Translates a TOML parser message (`toml::de::Error::message`) found at
/// `line`:`col` of `text`.
pub fn toml(text: &str, english: &str, line: usize, col: usize) -> Syntax {
    let m = english.to_ascii_lowercase();
    let key = key_on_line(text, line).unwrap_or_else(|| "khoá".to_owned());
    let value_missing = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.split_once('='))
        .is_some_and(|(_, v)| v.trim().is_empty());
    let (message, hint) = if m.contains("must be quoted") && value_missing {
        (
            format!("thiếu giá trị sau “{key} =”"),
            format!("viết giá trị sau dấu “=”, ví dụ: {key} = \"…\", hoặc xoá cả dòng"),
        )
    } else if m.contains("must be quoted") {
        (
            "giá trị chữ chưa đặt trong ngoặc kép".to_owned(),
            format!("viết chữ trong ngoặc kép, ví dụ: {key} = \"Chuyển đổi số\""),
        )
    } else if m.contains("unquoted key") {
        (
            "tên khoá có dấu tiếng Việt, dấu cách hoặc ký tự lạ".to_owned(),
            "tên khoá viết không dấu, nối bằng _ hoặc -, ví dụ: date, title, ngay_ban_hanh (xem bảng tên khoá trong hướng dẫn)".to_owned(),
        )
    } else if m.contains("key with no value") || m.contains("expected `=`") {
        (
            format!("thiếu dấu “=” sau khoá “{key}”"),
            format!("mỗi dòng có dạng khoá = giá trị, ví dụ: {key} = \"…\""),
        )
    } else if m.contains("duplicate key") {
        (
            format!("khoá “{key}” được viết hai lần"),
            "giữ một dòng và xoá dòng kia".to_owned(),
        )
    } else if m.contains("basic string")
        || m.contains("literal string")
        || m.contains("expected `\"`")
        || m.contains("expected `'`")
    {
        (
            "chuỗi chưa được đóng bằng dấu ngoặc kép".to_owned(),
            "thêm dấu \" ở cuối giá trị; dấu \" bên trong chuỗi viết thành \\\"".to_owned(),
        )
    } else if m.contains("unclosed array") || m.contains("expected `]`") {
        (
            "danh sách chưa được đóng bằng “]”".to_owned(),
            format!("đóng danh sách trên cùng dòng, ví dụ: {key} = [\"giá trị 1\", \"giá trị 2\"]"),
        )
    } else if m.contains("unclosed table") || m.contains("expected `}`") {
        (
            "bảng viết trên một dòng chưa được đóng bằng “}”".to_owned(),
            "thêm “}” ở cuối dòng".to_owned(),
        )
    } else if m.contains("date") || m.contains("time") {
        (
            "ngày giờ không hợp lệ".to_owned(),
            "viết ngày dạng YYYY-MM-DD, ví dụ 2026-08-05 (không đặt trong ngoặc kép)".to_owned(),
        )
    } else if m.contains("invalid escape") || m.contains("escape") {
        (
            "dấu “\\” trong chuỗi không hợp lệ".to_owned(),
            "viết “\\\\” cho một dấu gạch ngược, hoặc dùng dấu nháy đơn '…' quanh đường dẫn"
                .to_owned(),
        )
    } else if m.contains("table") && m.contains("defined") {
        (
            "nhóm khoá [..] được viết hai lần".to_owned(),
            "gộp hai nhóm cùng tên làm một".to_owned(),
        )
    } else {
        (
            "cú pháp TOML sai".to_owned(),
            "mỗi dòng có dạng khoá = giá trị; chữ đặt trong ngoặc kép; ngày viết YYYY-MM-DD"
                .to_owned(),
        )
    };
    Syntax {
        message,
        hint,
        line,
        col,
    }
}

/// Translates a YAML parser error (serde-saphyr's text, which starts with
/// "error: line L column C: …") reported at `line`:`col` of `text`.
pub fn yaml(text: &str, english: &str, line: usize, col: usize) -> Syntax {
    let first = english.lines().next().unwrap_or_default();
    let m = first.to_ascii_lowercase();
    if m.contains("tab") && !m.contains("table") {
        // The scanner notices a tab after the token before it; point at the
        // first tab from the reported line on (or anywhere, if none follows).
        let tab = text
            .lines()
            .enumerate()
            .skip(line.saturating_sub(1))
            .chain(text.lines().enumerate())
            .find_map(|(i, l)| l.find('\t').map(|b| (i + 1, l[..b].chars().count() + 1)));
        let (line, col) = tab.unwrap_or((line, col));
        return Syntax {
            message: "có ký tự Tab; YAML chỉ cho thụt lề bằng dấu cách".to_owned(),
            hint:
                "xoá ký tự Tab ở đầu dòng rồi gõ dấu cách thay vào (mỗi cấp thụt lề hai dấu cách)"
                    .to_owned(),
            line,
            col,
        };
    }
    let key = key_on_line(text, line).unwrap_or_else(|| "khoá".to_owned());
    let (message, hint) = if m.contains("duplicate") {
        let dup = first
            .split_once("duplicate mapping key: ")
            .map(|(_, r)| r.split(',').next().unwrap_or(r).trim().to_owned())
            .unwrap_or(key);
        (
            format!("khoá “{dup}” được viết hai lần"),
            "giữ một dòng và xoá dòng kia".to_owned(),
        )
    } else if m.contains("unclosed quote") || m.contains("quoted scalar") {
        (
            "chuỗi chưa được đóng bằng dấu ngoặc kép".to_owned(),
            "thêm dấu \" ở cuối giá trị, trên cùng một dòng".to_owned(),
        )
    } else if m.contains("expected ':'") || m.contains("could not find expected ':'") {
        (
            "thiếu dấu hai chấm “:” sau tên khoá".to_owned(),
            "mỗi dòng có dạng khoá: giá trị, ví dụ: date: 2026-08-05".to_owned(),
        )
    } else if m.contains("mapping values are not allowed") {
        (
            "giá trị có dấu hai chấm “:” mà chưa đặt trong ngoặc kép".to_owned(),
            format!("đặt cả giá trị trong ngoặc kép, ví dụ: {key}: \"Hội nghị: sơ kết 6 tháng\""),
        )
    } else if m.contains("bracket") || m.contains("flow sequence") {
        (
            "danh sách chưa được đóng bằng “]”".to_owned(),
            format!("đóng danh sách trên cùng dòng, ví dụ: {key}: [giá trị 1, giá trị 2]"),
        )
    } else if m.contains("brace") || m.contains("flow mapping") {
        (
            "nhóm chưa được đóng bằng “}”".to_owned(),
            "thêm “}” ở cuối dòng".to_owned(),
        )
    } else if m.contains("indent") || m.contains("block") {
        (
            "thụt lề không thẳng hàng".to_owned(),
            "các dòng cùng cấp phải bắt đầu ở cùng một cột; dòng con thụt vào hai dấu cách"
                .to_owned(),
        )
    } else {
        (
            "cú pháp YAML sai".to_owned(),
            "mỗi dòng có dạng khoá: giá trị; đặt chuỗi có dấu hai chấm trong ngoặc kép; ngày viết YYYY-MM-DD".to_owned(),
        )
    };
    Syntax {
        message,
        hint,
        line,
        col,
    }
}

/// Translates a serde_json syntax message (without its " at line …").
pub fn json(english: &str, line: usize, col: usize) -> Syntax {
    let m = english.to_ascii_lowercase();
    let (message, hint) = if m.contains("trailing comma") {
        (
            "thừa dấu phẩy trước dấu đóng ngoặc",
            "xoá dấu phẩy cuối cùng",
        )
    } else if m.contains("eof") {
        (
            "tệp kết thúc khi chưa đóng hết ngoặc",
            "kiểm tra mỗi “{” có “}” và mỗi “[” có “]”",
        )
    } else if m.contains("expected `,` or") {
        (
            "thiếu dấu phẩy giữa hai phần tử",
            "thêm “,” sau phần tử đứng trước",
        )
    } else if m.contains("key must be a string") || m.contains("expected `:`") {
        (
            "khoá phải đặt trong ngoặc kép và theo sau là “:”",
            "ví dụ: \"ma\": \"CT01\"",
        )
    } else if m.contains("control character") || m.contains("string") {
        (
            "chuỗi chưa được đóng bằng dấu ngoặc kép",
            "thêm dấu \" ở cuối giá trị",
        )
    } else {
        (
            "cú pháp JSON sai",
            "kiểm tra ngoặc, dấu phẩy và ngoặc kép quanh chuỗi",
        )
    };
    Syntax {
        message: message.to_owned(),
        hint: hint.to_owned(),
        line,
        col,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_causes_are_named() {
        let t = "title = Chuyển đổi số\n";
        let s = toml(
            t,
            "string values must be quoted, expected literal string",
            1,
            9,
        );
        assert_eq!(s.message, "giá trị chữ chưa đặt trong ngoặc kép");
        assert!(s.hint.contains("title = \""), "{}", s.hint);
        let s = toml("title \"a\"\n", "key with no value, expected `=`", 1, 7);
        assert_eq!(s.message, "thiếu dấu “=” sau khoá “title”");
        let s = toml(
            "ngày = 1\n",
            "invalid unquoted key, expected letters, numbers, `-`, `_`",
            1,
            1,
        );
        assert!(
            s.message.starts_with("tên khoá có dấu tiếng Việt"),
            "{}",
            s.message
        );
        let s = toml("a = 1\na = 2\n", "duplicate key", 2, 1);
        assert_eq!(s.message, "khoá “a” được viết hai lần");
    }

    #[test]
    fn yaml_tab_is_located_on_the_line_with_the_tab() {
        let t = "title: abc\n\tdate: 2026-01-01\n";
        let s = yaml(
            t,
            "error: line 1 column 8: while scanning a plain scalar, found a tab",
            1,
            8,
        );
        assert_eq!((s.line, s.col), (2, 1));
        assert!(s.message.contains("Tab"));
    }

    #[test]
    fn nothing_english_is_passed_through() {
        let s = yaml("a: b\n", "error: line 1 column 1: something new", 1, 1);
        assert_eq!(s.message, "cú pháp YAML sai");
        let s = toml("a\n", "something new", 1, 1);
        assert_eq!(s.message, "cú pháp TOML sai");
    }
}
