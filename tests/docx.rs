//! `minhbach new post --tu TEP.docx` on documents saved by LibreOffice
//! (`tests/fixtures/docx/make.py`): the post is written as a bundle, builds,
//! and its page shows the headings, table cells, images with their alt
//! text and the footnotes; bad files get located Vietnamese errors and
//! nothing is ever overwritten.

mod common;

use common::{Site, fixture_dir};

fn docx(name: &str) -> String {
    fixture_dir("docx").join(name).to_str().unwrap().to_owned()
}

const BUNDLE: &str = "content/tin-tuc/2026-11-21-hoi-nghi-so-ket-chuyen-doi-so-quy-iv-2026";

#[test]
fn libreoffice_report_becomes_a_post_that_builds() {
    let site = Site::fixture("basic");
    let r = site.new_post_from(docx("bao-cao.docx"), &[]);
    r.assert_ok().assert_stderr_has(&["kèm 2 ảnh"]);
    // Title and date from the document's properties (saved 21/11 UTC).
    let index = site.path(&format!("{BUNDLE}/index.md"));
    assert_eq!(r.stdout.trim(), index.display().to_string());
    let md = std::fs::read_to_string(&index).unwrap();
    assert!(
        md.contains("title = \"Hội nghị sơ kết chuyển đổi số quý IV/2026\"\ndate = 2026-11-21\n"),
        "{md}"
    );
    assert!(md.contains("\ndraft = true\n"));
    assert!(!r.stderr.contains("cảnh báo"), "{}", r.stderr);
    for img in ["anh-1.png", "anh-2.png"] {
        let bytes = std::fs::read(site.path(&format!("{BUNDLE}/{img}"))).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "{img}");
    }

    site.build_ok(&["--drafts"]);
    let html = site.read_out("tin-tuc/hoi-nghi-so-ket-chuyen-doi-so-quy-iv-2026/index.html");
    let body = &html[html.find("<div class=\"prose\">").expect("body")..];
    // Heading 1 → h2 (the title is the page's h1), Heading 2 → h3.
    assert!(
        body.contains("<h2 id=\"ket-qua-noi-bat\">Kết quả nổi bật</h2>"),
        "{body}"
    );
    assert!(body.contains("<h3 id=\"chi-tieu-chinh\">Chỉ tiêu chính</h3>"));
    assert!(body.contains("<strong>sơ kết</strong>") && body.contains("<em>các thôn</em>"));
    assert!(body.contains("<a href=\"https://dichvucong.gov.vn/\">Cổng Dịch vụ công quốc gia</a>"));
    // Nested bullets and a numbered list.
    assert!(
        body.contains(
            "<li>Tỷ lệ hồ sơ trực tuyến đạt 92 %\n<ul>\n<li>Trong đó toàn trình: 61 %</li>"
        )
    );
    assert!(body.contains("<ol>\n<li>Rà soát dữ liệu dân cư</li>"));
    // The table, cell by cell, the first row as its header.
    assert!(body.contains("<th>Chỉ tiêu</th><th>Kế hoạch</th><th>Thực hiện</th>"));
    assert!(
        body.contains("<tr><td>Thanh toán không dùng tiền mặt</td><td>50 %</td><td>47 %</td></tr>")
    );
    // Both images, published beside the page, with Word's descriptions as alt.
    assert!(body.contains("anh-1.png\" alt=\"Toàn cảnh hội nghị tại hội trường UBND xã\""));
    assert!(body.contains("anh-2.png\" alt=\"Cán bộ hướng dẫn người dân nộp hồ sơ trực tuyến\""));
    assert!(
        site.out("tin-tuc/hoi-nghi-so-ket-chuyen-doi-so-quy-iv-2026/anh-2.png")
            .is_file()
    );
    // Footnotes: referenced in order, texts at the end.
    assert!(
        body.contains(
            "<em>các thôn</em><sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>"
        )
    );
    assert!(body.contains("<p>Gồm 12 thôn và 2 tổ dân phố.</p>"));
    assert!(body.contains("<p>Theo Kế hoạch số 45/KH-UBND.</p>"));
}

#[test]
fn converting_again_never_overwrites() {
    let site = Site::fixture("basic");
    site.new_post_from(docx("bao-cao.docx"), &[]).assert_ok();
    let index = site.path(&format!("{BUNDLE}/index.md"));
    std::fs::write(&index, "đã sửa").unwrap();
    let r = site.new_post_from(docx("bao-cao.docx"), &[]);
    r.assert_code(1)
        .assert_stderr_has(&["lỗi: thư mục", "đã có; minhbach không ghi đè"]);
    assert_eq!(std::fs::read_to_string(&index).unwrap(), "đã sửa");
    // With another title it goes to another folder.
    site.new_post_from(docx("bao-cao.docx"), &["Bản thứ hai"])
        .assert_ok();
    assert!(
        site.path("content/tin-tuc/2026-11-21-ban-thu-hai/index.md")
            .is_file()
    );
}

#[test]
fn first_heading_is_the_title_and_missing_alt_text_is_named() {
    let site = Site::fixture("basic");
    let r = site.new_post_from(docx("khong-mo-ta.docx"), &[]);
    r.assert_ok().assert_stderr_has(&[
        "cảnh báo:",
        "ảnh anh-1.png (trong Word là “Picture 7”",
        "chưa có mô tả (alt)",
    ]);
    let md = std::fs::read_to_string(
        site.path("content/tin-tuc/2026-10-05-tap-huan-ky-nang-so-cho-to-cong-nghe/index.md"),
    )
    .unwrap();
    assert!(
        md.contains("title = \"Tập huấn kỹ năng số cho tổ công nghệ\""),
        "{md}"
    );
    // The heading became the title, not a second heading in the body.
    assert!(!md.contains("# Tập huấn"), "{md}");
    site.build_ok(&["--drafts"]);
    let html = site.read_out("tin-tuc/tap-huan-ky-nang-so-cho-to-cong-nghe/index.html");
    // Characters that mean something in Markdown stay as typed.
    assert!(
        html.contains("5 * 3, a_b, [ghi chú], {{ không phải mã chèn }} và &lt;b&gt;."),
        "{html}"
    );
}

#[test]
fn old_word_and_broken_files_get_located_errors() {
    let site = Site::fixture("basic");
    let before = common::tree(&site.path("content"));
    let doc = docx("word-cu.doc");
    let r = site.new_post_from(&doc, &[]);
    r.assert_code(1).assert_stderr_has(&[
        "lỗi: đây là tệp Word cũ (.doc, Word 97–2003), không phải .docx",
        &format!("--> {doc}"),
        "Lưu thành (Save As) → “Word Document (*.docx)”",
    ]);
    site.write("hong.docx", b"PK\x03\x04 not really a zip");
    let broken = site.path("hong.docx");
    site.new_post_from(&broken, &[])
        .assert_code(1)
        .assert_stderr_has(&["lỗi: tệp không phải .docx hợp lệ hoặc đã bị hỏng"]);
    assert!(
        common::tree(&site.path("content")) == before,
        "nothing written"
    );
}

#[test]
fn a_broken_zip_is_named_without_the_zip_readers_english() {
    let site = common::Site::fixture("basic");
    let file = site.tmp().join("hong.docx");
    std::fs::write(&file, b"PK\x03\x04 phan con lai bi cat mat").unwrap();
    let r = site.new_post_from(&file, &[]);
    r.assert_code(1);
    r.assert_stderr_has(&[
        "tệp không phải .docx hợp lệ hoặc đã bị hỏng (mục lục của tệp nén bị thiếu hoặc hỏng)",
    ]);
    for w in ["EOCD", "Could not", "invalid", "archive"] {
        assert!(!r.stderr.contains(w), "English “{w}” in {}", r.stderr);
    }
}
