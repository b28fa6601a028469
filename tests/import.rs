//! `minhbach import` end to end: small Hugo and Zola sites reproducing what
//! real ones contain (PaperMod YAML and tabi TOML front matter, CRLF files,
//! page bundles, static and assets/ images, a sub-path in baseURL, Hugo
//! permalinks and aliases, shortcodes, translations, drafts, theme pages)
//! are imported with the real binary, the new site is built, and the output
//! is inspected.

mod common;

use std::path::{Path, PathBuf};

use common::{LinkCheck, Run, Site, TODAY, assert_has, assert_links_resolve, read, run_in, tree};

/// Imports the fixture `name` into `<tmp>/moi`; returns the source copy,
/// the new site's folder and the import run.
fn import(name: &str, prepare: impl FnOnce(&Site)) -> (Site, PathBuf, Run) {
    let src = Site::fixture(name);
    prepare(&src);
    let dest = src.tmp().join("moi");
    let run = src.import_to(&dest);
    (src, dest, run)
}

fn build(dest: &Path) -> Run {
    run_in(
        dest,
        &["build", "--root", dest.to_str().unwrap(), "--date", TODAY],
    )
}

fn out(dest: &Path, rel: &str) -> String {
    read(&dest.join("public").join(rel))
}

#[test]
fn hugo_site_imports_and_builds_with_every_post_published() {
    let (src, dest, run) = import("import-hugo", |s| {
        // Windows line ends, as a site edited on Windows has them.
        let p = s.path("content/posts/le-ra-quan/index.md");
        let text = std::fs::read_to_string(&p).unwrap().replace('\n', "\r\n");
        std::fs::write(&p, text).unwrap();
    });
    let before = tree(&src.root);
    run.assert_ok();
    run.assert_stdout_has(&[
        "Nhập trang Hugo từ",
        "posts/chuyen-doi-so-2024.md → content/tin-tuc/chuyen-doi-so-2024.md",
        "đổi thành liên kết tới video YouTube",
        "mã chèn “theme-button” không có tương đương",
        "ảnh “khong-con.png” không có trong trang cũ",
        "địa chỉ cũ /2024/12/tong-ket-2024/ vẫn dùng được",
        "hidemeta: 1 trang (đầu tiên: posts/chuyen-doi-so-2024.md)",
        "liên kết “/BlogXa/page/archives/” không có trong trang cũ",
        // Dated pages at the top beside a posts folder stay pages (a theme's
        // about/contact pages often carry a date).
        "lien-he.md → content/lien-he.md",
        "gioi-thieu-xa.md → content/gioi-thieu-xa.md",
        // A taxonomy the old config declares (`collections`): its term pages
        // are the old theme's (not copied), its terms become minhbach's.
        "– collections/tong-ket-nam/_index.md",
    ]);
    assert!(!dest.join("content/collections").exists());
    assert!(read(&dest.join("minhbach.toml")).contains("[[taxonomies]]\nname = \"collections\""));
    run.assert_stderr_has(&["Dựng thử: được; 3/3 bài đã nhập được đăng"]);
    // The source is only read.
    assert_eq!(tree(&src.root), before);

    build(&dest).assert_ok();
    assert!(
        out(&dest, "tin-tuc/collections/tong-ket-nam/index.html")
            .contains("tin-tuc/tong-ket-2024/")
    );
    let post = out(&dest, "tin-tuc/tong-ket-2024/index.html");
    assert!(!post.contains("<iframe") && !post.contains("theme-button"));
    // Hugo's escaped example in a code block shows as Hugo shows it.
    assert_eq!(post.matches("{{&lt;").count(), 1, "{post}");
    assert_has(
        &post,
        &[
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            // (the Go comment is highlighted: `//` has its own span)
            "</span> {{&lt; youtube id &gt;}} là ví dụ",
            "Biểu trưng của xã",
            "images/logo.svg",
            "images/bieu-do.svg",
            "Mọi ý kiến gửi về <strong>UBND xã</strong>",
            "href=\"../../tin-tuc/hoi-thao-ai/\"",
        ],
    );
    let bundle = out(&dest, "tin-tuc/hoi-thao-ai/index.html");
    assert_has(
        &bundle,
        &[
            "https://x.com/ubndxa/status/1234567890",
            "https://gist.github.com/nguyenvana/0a1b2c",
            "<em>(ảnh hỏng)</em>",
        ],
    );
    // CRLF file, a date with a +0700 offset, an image name with spaces.
    let crlf = out(&dest, "tin-tuc/le-ra-quan/index.html");
    assert_has(
        &crlf,
        &[
            "Lễ ra quân tổ công nghệ số cộng đồng",
            "<code class=\"language-bash\">",
            "<img src=\"../../tin-tuc/le-ra-quan/anh-lop-hoc.svg\" alt=\"Lớp học\"",
        ],
    );
    // Old addresses still lead to the posts.
    for old in [
        "2024/12/tong-ket-2024/index.html",
        "tin-cu/tong-ket/index.html",
    ] {
        assert!(out(&dest, old).contains("tin-tuc/tong-ket-2024/"), "{old}");
    }
    // Drafts stay drafts; theme pages are not copied.
    assert!(!dest.join("public/tin-tuc/ban-nhap").exists());
    assert!(!dest.join("content/page/archives").exists());
    assert!(dest.join("public/images/posts/so-do.svg").is_file());
    // Two `draft` keys: the last wins, as in Hugo.
    assert!(out(&dest, "page/about/index.html").contains("Trang giới thiệu."));
    assert_links_resolve(
        &dest.join("public"),
        &LinkCheck {
            base_url: "https://xa-mau.github.io/BlogXa/",
            portable: false,
        },
    );
}

#[test]
fn zola_site_imports_and_builds() {
    let (_src, dest, run) = import("import-zola", |_| {});
    run.assert_ok();
    run.assert_stdout_has(&["Nhập trang Zola từ"])
        .assert_stderr_has(&["Dựng thử: được; 2/2 bài đã nhập được đăng"]);
    build(&dest).assert_ok();
    let post = out(&dest, "tin-tuc/ngay-hoi-so/index.html");
    assert_has(
        &post,
        &[
            "https://www.youtube.com/watch?v=abc123XYZ",
            "<blockquote>",
            "Chủ tịch UBND phường",
            "href=\"../../huong-dan/cai-dat-vneid/\"",
            "Bản đồ phường",
        ],
    );
    let plan = out(&dest, "tin-tuc/ke-hoach-2025/index.html");
    assert_has(&plan, &["href=\"../../tin-tuc/ngay-hoi-so/\""]);
    assert!(out(&dest, "tin/ke-hoach-nam-2025/index.html").contains("tin-tuc/ke-hoach-2025/"));
    assert!(out(&dest, "blog/ngay-hoi-so/index.html").contains("tin-tuc/ngay-hoi-so/"));
    let toml = read(&dest.join("content/tin-tuc/2024-05-01-ngay-hoi-so/index.md"));
    assert_has(
        &toml,
        &[
            "categories = [\"Sự kiện\"]",
            "toc = true",
            // The old site's own taxonomy (`series`) is declared in the new
            // config and gets its pages, with no "unknown key" report.
            "series = [\"Ngày hội số\"]",
        ],
    );
    let config = read(&dest.join("minhbach.toml"));
    assert_has(
        &config,
        &["[[taxonomies]]\nname = \"series\"\ntitle = \"Loạt bài\""],
    );
    assert!(!run.stdout.contains("taxonomies.series"), "{}", run.stdout);
    assert!(out(&dest, "tin-tuc/loat-bai/ngay-hoi-so/index.html").contains("tin-tuc/ngay-hoi-so/"));
    assert!(post.contains("Loạt bài: <a"), "{post}");
    // English section pages are carried across; other languages are not,
    // and the report says why.
    assert!(dest.join("content/_index.en.md").is_file());
    assert!(
        read(&dest.join("content/tin-tuc/_index.en.md")).contains("News of the ward in English.")
    );
    assert!(out(&dest, "en/tin-tuc/index.html").contains("News of the ward in English."));
    assert!(!dest.join("content/tin-tuc/_index.fr.md").exists());
    run.assert_stdout_has(&["bản dịch ngôn ngữ “fr”"]);
    assert_links_resolve(
        &dest.join("public"),
        &LinkCheck {
            base_url: "https://phuong-mau.example.vn/",
            portable: false,
        },
    );
}

#[test]
fn import_never_writes_into_a_folder_that_has_files() {
    let src = Site::fixture("import-zola");
    let dest = src.tmp().join("co-san");
    std::fs::create_dir_all(&dest).unwrap();
    std::fs::write(dest.join("ghi-chu.txt"), "của tôi").unwrap();
    let run = src.import_to(&dest);
    run.assert_code(1)
        .assert_stderr_has(&["đã có tệp", "--vao"]);
    assert_eq!(
        std::fs::read_to_string(dest.join("ghi-chu.txt")).unwrap(),
        "của tôi"
    );
    assert_eq!(std::fs::read_dir(&dest).unwrap().count(), 1);
}

#[test]
fn import_refuses_a_folder_that_is_not_a_hugo_or_zola_site() {
    let src = Site::fixture("basic");
    let run = src.run(&["import", src.root.to_str().unwrap(), "--vao", "x"]);
    run.assert_code(1)
        .assert_stderr_has(&["đã là trang minhbach"]);
}

#[test]
fn zola_posts_at_the_top_of_content_become_news() {
    let (_src, dest, run) = import("import-zola-goc", |_| {});
    run.assert_ok();
    assert!(
        run.stdout
            .contains("2023-12-01-hop-thon.md → content/tin-tuc/2023-12-01-hop-thon.md")
            && run
                .stdout
                .contains("ảnh “/anh-hop.jpg” không có trong trang cũ"),
        "{}",
        run.stdout
    );
    run.assert_stderr_has(&["Dựng thử: được; 2/2 bài đã nhập được đăng"]);
    build(&dest).assert_ok();
    // Indented fences read; the date comes from the file name.
    let meeting = out(&dest, "tin-tuc/hop-thon/index.html");
    assert!(
        meeting.contains("Họp thôn cuối năm") && meeting.contains("2023-12-01"),
        "{meeting}"
    );
    assert!(
        meeting.contains("<em>(Cuộc họp)</em>") && !meeting.contains("anh-hop.jpg"),
        "{meeting}"
    );
    let spring = out(&dest, "tin-tuc/don-xuan/index.html");
    assert!(
        spring.contains("phao-hoa.svg") && spring.contains("../../tin-tuc/hop-thon/"),
        "{spring}"
    );
    // Zola's addresses were /hop-thon/ and /don-xuan/.
    assert!(out(&dest, "hop-thon/index.html").contains("tin-tuc/hop-thon/"));
    assert!(out(&dest, "don-xuan/index.html").contains("tin-tuc/don-xuan/"));
    assert!(out(&dest, "gioi-thieu/index.html").contains("300 hộ"));
    assert_links_resolve(
        &dest.join("public"),
        &LinkCheck {
            base_url: "https://thon-mau.example.vn/",
            portable: false,
        },
    );
}

#[test]
fn two_sources_for_one_place_do_not_stop_the_import() {
    let (_src, dest, run) = import("import-hugo", |s| {
        let post = "---\ntitle: \"CTF\"\ndate: 2024-06-01\n---\nThân.\n";
        s.write("content/posts/ctf/a.md", post);
        s.write("content/ctf/a.md", post);
    });
    run.assert_ok();
    assert!(
        run.stdout.contains("✗ posts/ctf/a.md")
            && run
                .stdout
                .contains("trùng chỗ với ctf/a.md trong trang mới"),
        "{}",
        run.stdout
    );
    assert!(dest.join("content/tin-tuc/ctf/a.md").is_file());
}

/// The `[markdown] highlight` value of an imported site's `minhbach.toml`
/// (`None`: not written, minhbach's default, coloured).
fn highlight_setting(dest: &Path) -> Option<bool> {
    let config: toml::Table = read(&dest.join("minhbach.toml")).parse().unwrap();
    config
        .get("markdown")
        .and_then(|m| m.get("highlight"))
        .and_then(toml::Value::as_bool)
}

/// A Hugo site that turned its code colouring off (`codeFences = false`,
/// here in Hugo's split `config/_default/markup.toml`) gets `[markdown]
/// highlight = false`, the report says so, and the new pages show its code
/// uncoloured; the same site with colouring on keeps minhbach's default.
#[test]
fn hugo_code_colouring_turned_off_stays_off() {
    let (_src, dest, run) = import("import-hugo-ma", |_| {});
    run.assert_ok().assert_stdout_has(&[
        "trang cũ không tô màu đoạn mã (markup.highlight.codeFences = false)",
        "[markdown] highlight = false",
    ]);
    assert_eq!(highlight_setting(&dest), Some(false));
    build(&dest).assert_ok();
    let post = out(&dest, "tin-tuc/cau-hinh-may-chu/index.html");
    assert!(post.contains("class=\"language-toml\""), "{post}");
    assert!(!post.contains("class=\"hl-"), "{post}");

    let (_src, dest, run) = import("import-hugo-ma", |s| {
        s.edit("config/_default/markup.toml", |t| {
            t.replace("codeFences = false", "codeFences = true")
        })
    });
    run.assert_ok();
    assert!(!run.stdout.contains("không tô màu"), "{}", run.stdout);
    assert_eq!(highlight_setting(&dest), None);
    build(&dest).assert_ok();
    let post = out(&dest, "tin-tuc/cau-hinh-may-chu/index.html");
    assert!(post.contains("class=\"hl-"), "{post}");
}

/// Zola colours code only when asked (`highlight_code = true`): a site that
/// never asked is imported with `highlight = false`; one that did is not.
#[test]
fn zola_code_colouring_follows_highlight_code() {
    let (_src, dest, run) = import("import-zola-goc", |_| {});
    run.assert_ok()
        .assert_stdout_has(&["trang cũ không tô màu đoạn mã (không có highlight_code = true)"]);
    assert_eq!(highlight_setting(&dest), Some(false));
    build(&dest).assert_ok();

    let (_src, dest, run) = import("import-zola", |_| {});
    run.assert_ok();
    assert!(!run.stdout.contains("không tô màu"), "{}", run.stdout);
    assert_eq!(highlight_setting(&dest), None);
}

/// Hugo's inline shortcodes (`{{< math.inline >}}`, with
/// `enableInlineShortcodes`) hold template code: one with template actions
/// (`{{ if … }}`) is dropped whole, with a report line, instead of being left
/// in the post where it stopped the trial build (seen importing Hugo's own
/// example site); one of plain HTML keeps its content. Every post is published.
#[test]
fn hugo_inline_shortcodes_do_not_stop_the_import() {
    let (_src, dest, run) = import("import-hugo-ma", |_| {});
    run.assert_ok()
        .assert_stdout_has(&[
            "posts/cong-thuc-tinh-diem.md → content/tin-tuc/cong-thuc-tinh-diem.md",
            "dòng 9: mã chèn tự viết “math.inline” là mã mẫu của Hugo",
            "dòng 17: mã chèn “math.inline” không có tương đương; đã bỏ khung, giữ nội dung",
        ])
        .assert_stderr_has(&["Dựng thử: được; 2/2 bài đã nhập được đăng"]);
    build(&dest).assert_ok();
    let post = out(&dest, "tin-tuc/cong-thuc-tinh-diem/index.html");
    assert_has(&post, &["Điểm = tổng điểm các chỉ số"]);
    assert!(!post.contains("{{") && !post.contains("katex"), "{post}");
}

/// A Zola theme's documentation post (as the theme tabi's own site has):
/// a four-backtick block showing a three-backtick one, a plain block holding
/// a ```` ```rust,name=… ```` line, then a code block showing Zola shortcodes
/// (`{%/* … */%}`), and a table whose raw-HTML link points to a page the old
/// site does not have. The code stays code (the trial build stopped on it:
/// the shortcode scan ended the plain block on its ```` ```rust ```` line, so
/// every later block was read inside out), its escaped shortcodes show as
/// Zola showed them (`{% … %}`), and the broken HTML link keeps its text.
#[test]
fn zola_documentation_posts_import_and_build() {
    let (_src, dest, run) = import("import-zola-tai-lieu", |_| {});
    run.assert_ok()
        .assert_stdout_has(&["liên kết “/series/hoc-rust” không có trong trang cũ"])
        .assert_stderr_has(&["Dựng thử: được; 1/1 bài đã nhập được đăng"]);
    build(&dest).assert_ok();
    let post = out(&dest, "tin-tuc/ma-chen-cua-giao-dien/index.html");
    assert_has(
        &post,
        &[
            "```rust,name=src/main.rs",
            // Zola's escaped shortcodes show as Zola showed them.
            "{% admonition(type=\"tip\") %}\nNội dung ghi chú.\n{% end %}",
            "{{ add_src_to_code_block(src=\"src/main.rs\") }}",
            "Xem Học Rust!",
            "<a href=\"https://example.org/\">trang chủ</a>",
        ],
    );
}
