//! Errors from the operating system reach the officer in Vietnamese (the
//! OS's own text is English: "Not a directory (os error 20)", "Cannot
//! assign requested address"…): writing the output, the preview server's
//! port, `new post --tu`, `import`. Each case makes the real error happen
//! and reads what the binary prints.

mod common;

use common::{Run, Site};

/// Words of the OS's and the libraries' English messages.
const ENGLISH: &[&str] = &[
    "os error",
    "No such file",
    "Not a directory",
    "Is a directory",
    "Permission denied",
    "Address",
    "address",
    "Cannot assign",
    "in use",
    "invalid",
    "expected",
    "found",
];

#[track_caller]
fn assert_no_english(r: &Run) {
    for w in ENGLISH {
        assert!(!r.stderr.contains(w), "English “{w}” in:\n{}", r.stderr);
    }
}

#[test]
fn output_folder_under_a_file_is_named_in_vietnamese() {
    let site = Site::fixture("basic");
    std::fs::write(site.tmp().join("tep"), "x").unwrap();
    let out = site.tmp().join("tep").join("public");
    let r = site.build(&["-o", out.to_str().unwrap()]);
    r.assert_code(1);
    r.assert_stderr_has(&["một phần của đường dẫn là tệp, không phải thư mục"]);
    assert_no_english(&r);
}

#[test]
fn preview_on_an_address_this_machine_does_not_have() {
    let site = Site::fixture("basic");
    // 192.0.2.0/24 is reserved for documentation: never a local address.
    let r = site.serve_fails(&["--bind", "192.0.2.1"]);
    r.assert_stderr_has(&["không mở được cổng", "máy này không có địa chỉ đó"]);
    assert_no_english(&r);
}

#[test]
fn preview_when_every_port_it_tries_is_busy() {
    use std::net::TcpListener;
    // serve moves on to the next port by itself (20 more): hold 21 in a row.
    let held = (0..50)
        .find_map(|i| {
            let first = 41_000 + i * 100;
            let ls: Vec<_> = (first..=first + 20)
                .map_while(|p| TcpListener::bind(("127.0.0.1", p)).ok())
                .collect();
            (ls.len() == 21).then_some((first, ls))
        })
        .expect("21 free ports in a row");
    let site = Site::fixture("basic");
    let port = held.0.to_string();
    let r = site.serve_fails(&["--port", &port]);
    r.assert_stderr_has(&[
        &format!("không mở được cổng {}–{}", held.0, held.0 + 20),
        "cổng đang được chương trình khác dùng",
    ]);
    assert_no_english(&r);
    drop(held);
}

#[cfg(unix)]
#[test]
fn word_file_that_is_a_folder() {
    let site = Site::fixture("basic");
    let dir = site.tmp().join("bao-cao.docx");
    std::fs::create_dir(&dir).unwrap();
    let r = site.new_post_from(&dir, &[]);
    r.assert_code(1);
    r.assert_stderr_has(&["không đọc được tệp: đây là thư mục, không phải tệp"]);
    assert_no_english(&r);
}

#[test]
fn import_into_a_path_under_a_file() {
    let src = Site::fixture("import-hugo");
    std::fs::write(src.tmp().join("tep"), "x").unwrap();
    let dest = src.tmp().join("tep").join("moi");
    let r = src.import_to(&dest);
    r.assert_code(1);
    r.assert_stderr_has(&["một phần của đường dẫn là tệp, không phải thư mục"]);
    assert_no_english(&r);
}

#[test]
fn import_names_broken_front_matter_in_vietnamese_with_its_line() {
    let src = Site::fixture("import-hugo");
    src.write(
        "content/posts/bai-yaml.md",
        "---\ntitle: \"Bài lỗi\ndate: 2024-01-02\n---\nNội dung\n",
    );
    src.write(
        "content/posts/bai-toml.md",
        "+++\ndate = 2024-01-02\ntitle = Bài\n+++\nNội dung\n",
    );
    let dest = src.tmp().join("moi");
    let r = src.import_to(&dest);
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(
        all.contains("(YAML) sai cú pháp ở dòng 2: chuỗi chưa được đóng bằng dấu ngoặc kép"),
        "{all}"
    );
    assert!(
        all.contains("(TOML) sai cú pháp ở dòng 3: giá trị chữ chưa đặt trong ngoặc kép"),
        "{all}"
    );
    for w in ["found", "expected", "invalid", "quoted"] {
        assert!(!all.contains(w), "English “{w}” in:\n{all}");
    }
}
