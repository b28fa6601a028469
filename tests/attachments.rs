//! Documents with appendices (`attachments`): the `phu-luc` fixture built
//! end to end — the document page lists each appendix with title, type and
//! size, the files are published, the JSON Feed carries them, search finds
//! their titles — and located errors for a missing file or a Vietnamese key.

mod common;

use common::Site;

const DOC: &str = "content/van-ban/ke-hoach-12.md";

#[test]
fn appendices_are_listed_published_and_in_the_feed() {
    let site = Site::fixture("phu-luc");
    let run = site.build_ok(&[]);
    assert!(
        !run.stderr.contains("phụ lục"),
        "no warning expected:\n{}",
        run.stderr
    );
    let html = site.read_out("van-ban/ke-hoach-12/index.html");
    let section = html
        .split(r#"<h2 id="phu-luc">Phụ lục</h2>"#)
        .nth(1)
        .expect("appendix section")
        .split("</section>")
        .next()
        .unwrap();
    let items: Vec<&str> = section.matches("<li>").collect();
    assert_eq!(items.len(), 3, "{section}");
    let xlsx_size = std::fs::metadata(site.path("content/van-ban/phu-luc-2.xlsx"))
        .unwrap()
        .len();
    // The same rounding a reader sees: 5091 bytes → "5 KB".
    assert_eq!(xlsx_size, 5091);
    for needle in [
        r#"<a href="../../van-ban/phu-luc-1.pdf" download>Phụ lục I – Chỉ tiêu chuyển đổi số năm 2026</a> <span class="attachment-meta">(PDF, 618 byte)</span>"#,
        r#"<a href="../../van-ban/phu-luc-2.xlsx" download>Phụ lục II – Danh mục nhiệm vụ</a> <span class="attachment-meta">(Excel, 5 KB)</span>"#,
        r#"<a href="../../van-ban/so-do-to-chuc.png" download>so-do-to-chuc.png</a> <span class="attachment-meta">(ảnh PNG, 71 byte)</span>"#,
    ] {
        assert!(section.contains(needle), "missing {needle}\nin {section}");
    }
    // Published byte for byte beside the document.
    for name in ["phu-luc-1.pdf", "phu-luc-2.xlsx", "so-do-to-chuc.png"] {
        assert_eq!(
            std::fs::read(site.out(&format!("van-ban/{name}"))).unwrap(),
            std::fs::read(site.path(&format!("content/van-ban/{name}"))).unwrap(),
            "{name}"
        );
    }
    let feed: serde_json::Value =
        serde_json::from_str(&site.read_out("van-ban/feed.json")).unwrap();
    let att = &feed["items"][0]["attachments"];
    assert_eq!(att.as_array().map(Vec::len), Some(3), "{feed}");
    assert_eq!(
        att[1]["url"],
        "https://thunghiem.example.gov.vn/van-ban/phu-luc-2.xlsx"
    );
    assert_eq!(
        att[1]["mime_type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(att[1]["title"], "Phụ lục II – Danh mục nhiệm vụ");
    assert_eq!(att[1]["size_in_bytes"], 5091);
    assert_eq!(att[2]["mime_type"], "image/png");
    // Search finds the document by an appendix title.
    let index = site.read_out("tim-kiem/chi-muc/d/0.js");
    assert!(index.contains("Danh mục nhiệm vụ"), "{index}");
}

#[test]
fn a_missing_appendix_is_an_error_at_its_line_with_the_nearest_file() {
    let site = Site::fixture("phu-luc");
    site.build_ok(&[]);
    let before = site.read_out("van-ban/ke-hoach-12/index.html");
    let text = std::fs::read_to_string(site.path(DOC)).unwrap();
    site.write(
        DOC,
        text.replace("\"phu-luc-2.xlsx\"", "\"phu-luc-02.xlsx\""),
    );
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "lỗi: không tìm thấy tệp phụ lục “phu-luc-02.xlsx” (khoá attachments)\n  --> content/van-ban/ke-hoach-12.md:9:1",
        "có phải là tệp “phu-luc-2.xlsx” cùng thư mục?",
    ]);
    // The earlier good site is kept.
    assert_eq!(site.read_out("van-ban/ke-hoach-12/index.html"), before);
}

#[test]
fn vietnamese_key_and_unusual_type_are_reported() {
    let site = Site::fixture("phu-luc");
    let text = std::fs::read_to_string(site.path(DOC)).unwrap();
    site.write(DOC, text.replace("attachments = [", "phu_luc = ["));
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "lỗi: khoá “phu_luc” không được hỗ trợ\n  --> content/van-ban/ke-hoach-12.md:7:1",
        "có phải ý bạn là “attachments”?",
    ]);
    // An unusual extension is published with a located warning.
    site.write(
        DOC,
        text.replace("\"so-do-to-chuc.png\"", "\"ghi-chu.md5\""),
    );
    site.write(
        "content/van-ban/ghi-chu.md5",
        "d41d8cd98f00b204e9800998ecf8427e\n",
    );
    let run = site.build_ok(&[]);
    run.assert_stderr_has(&[
        "cảnh báo: tệp phụ lục “ghi-chu.md5” có đuôi “.md5” ít gặp",
        "content/van-ban/ke-hoach-12.md:10:1",
    ]);
    let html = site.read_out("van-ban/ke-hoach-12/index.html");
    assert!(html.contains("(tệp .md5, 33 byte)"), "{html}");
}

#[test]
fn yaml_front_matter_and_titles_are_escaped() {
    let site = Site::fixture("phu-luc");
    site.write(
        DOC,
        "---\ntitle: Kế hoạch\nnumber: 12/KH-UBND\nissued: 2026-01-15\nattachments:\n  - file: phu-luc-1.pdf\n    title: \"Phụ lục <script>alert(1)</script> & \\\"bảng\\\"\"\n---\n\nNội dung.\n",
    );
    site.build_ok(&[]);
    let html = site.read_out("van-ban/ke-hoach-12/index.html");
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(
        html.contains("Phụ lục &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; &quot;bảng&quot;")
            || html
                .contains("Phụ lục &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;bảng&quot;"),
        "{html}"
    );
    let feed: serde_json::Value =
        serde_json::from_str(&site.read_out("van-ban/feed.json")).unwrap();
    assert_eq!(
        feed["items"][0]["attachments"][0]["title"],
        "Phụ lục <script>alert(1)</script> & \"bảng\""
    );
}
