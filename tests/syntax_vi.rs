//! TOML and YAML syntax errors in front matter: Vietnamese message naming
//! the cause, the line and column of the cause, a hint, and no English.

mod common;

use common::Site;

const ENGLISH: &[&str] = &[
    "expected",
    "found",
    "string",
    "quoted",
    "invalid",
    "duplicate",
    "unclosed",
    "mapping",
    "error:",
    "scalar",
    "key with",
    "tab character",
];

#[test]
fn syntax_errors_name_the_cause_and_its_place_in_vietnamese() {
    // (front matter, message, "file:line:col", hint)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "+++\ntitle = Chuyển đổi số\ndate = 2026-08-01\n+++\n",
            "TOML không hợp lệ: giá trị chữ chưa đặt trong ngoặc kép",
            ":2:9",
            "title = \"Chuyển đổi số\"",
        ),
        (
            "+++\ntitle \"A\"\ndate = 2026-08-01\n+++\n",
            "TOML không hợp lệ: thiếu dấu “=” sau khoá “title”",
            ":2:7",
            "khoá = giá trị",
        ),
        (
            "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n",
            "TOML không hợp lệ: khoá “title” được viết hai lần",
            ":3:1",
            "xoá dòng kia",
        ),
        (
            "+++\ntitle = \"A\ndate = 2026-08-01\n+++\n",
            "TOML không hợp lệ: chuỗi chưa được đóng bằng dấu ngoặc kép",
            ":2:",
            "thêm dấu \"",
        ),
        (
            // The tab is on line 4; the parser notices it on line 3.
            "---\ntitle: A\ndate: 2026-08-01\n\tauthor: B\n---\n",
            "YAML không hợp lệ: có ký tự Tab; YAML chỉ cho thụt lề bằng dấu cách",
            ":4:1",
            "dấu cách",
        ),
        (
            "---\ntitle: \"A\ndate: 2026-08-01\n---\n",
            "YAML không hợp lệ: chuỗi chưa được đóng bằng dấu ngoặc kép",
            ":2:8",
            "thêm dấu \"",
        ),
        (
            "---\ntitle: A\ntitle: B\n---\n",
            "YAML không hợp lệ: khoá “title” được viết hai lần",
            ":3:1",
            "xoá dòng kia",
        ),
        (
            "---\ntitle: A\ndate 2026-08-01\nauthor: B\n---\n",
            "YAML không hợp lệ: thiếu dấu hai chấm “:” sau tên khoá",
            ":3:1",
            "khoá: giá trị",
        ),
        (
            "---\ntitle: Hội nghị: sơ kết\ndate: 2026-08-01\n---\n",
            "YAML không hợp lệ: giá trị có dấu hai chấm “:” mà chưa đặt trong ngoặc kép",
            ":2:",
            "ngoặc kép",
        ),
    ];
    for (matter, message, place, hint) in cases {
        let site = Site::fixture("basic");
        let file = "content/tin-tuc/2026-08-01-loi.md";
        site.write(file, format!("{matter}\nThân bài.\n"));
        let r = site.check(&[]);
        r.assert_code(1);
        let err = &r.stderr;
        assert!(err.contains(message), "{matter:?}: {err}");
        assert!(err.contains(&format!("{file}{place}")), "{matter:?}: {err}");
        assert!(
            err.contains("= gợi ý: ") && err.contains(hint),
            "{matter:?}: {err}"
        );
        for w in ENGLISH {
            assert!(!err.contains(w), "{matter:?}: English “{w}” in {err}");
        }
    }
}
