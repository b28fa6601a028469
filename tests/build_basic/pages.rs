//! Single pages: titles with markup escaped everywhere, byte-identical rebuilds,
//! documents and their bases, bundles, source-path links, aliases, dates, and
//! the header's province.

use crate::common::{self, Site, assert_same_tree, child_texts, html_unescape};
use crate::{BASE, SCRIPT_TITLE};

#[test]
fn titles_with_markup_are_escaped_everywhere() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let escaped_h1 =
        "<h1>Cảnh giác &lt;script&gt;alert(1)&lt;/script&gt; và &quot;lừa đảo&quot; qua mạng</h1>";
    let post = site.read_out("tin-tuc/canh-giac-lua-dao/index.html");
    assert!(post.contains(escaped_h1), "{post}");
    // The theme's own script files (search, print button) are the only
    // <script> it writes.
    let theme_scripts =
        regex::Regex::new(r#"<script src="(\.\./)*(search|print)\.js" defer></script>"#).unwrap();
    for (path, bytes) in site.public_tree() {
        let text = theme_scripts
            .replace_all(&String::from_utf8_lossy(&bytes), "")
            .into_owned();
        assert!(!text.contains("<script"), "raw <script> in {path}");
        assert!(
            !text.contains("<b>thẻ"),
            "raw <b> from a description in {path}"
        );
        assert!(!text.contains("\"lừa đảo\""), "unescaped quotes in {path}");
        assert!(!text.contains("<thông tin>"), "raw tag name in {path}");
    }
    // Parsed back, the feed gives the exact title.
    let feed = site.read_out("tin-tuc/atom.xml");
    let doc = common::parse_xml(&feed);
    let titles = child_texts(doc.root_element(), "title");
    assert!(titles.iter().any(|t| t == SCRIPT_TITLE), "{titles:?}");
    let sitemap = site.read_out("sitemap.xml");
    common::parse_xml(&sitemap);
    assert!(sitemap.contains("canh-giac-lua-dao"));
    // The list card and the tag page.
    let list = site.read_out("tin-tuc/index.html");
    assert!(list.contains("Cảnh giác &lt;script&gt;"), "{list}");
    let tag = site.read_out("tin-tuc/the/an-toan-thong-tin/index.html");
    assert!(tag.contains("An toàn &lt;thông tin&gt;"), "{tag}");
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::fixture("basic");
    let a = site.tmp().join("a");
    let b = site.tmp().join("b");
    site.build_ok(&["--output", a.to_str().unwrap()]);
    site.build_ok(&["--output", b.to_str().unwrap()]);
    let ta = common::tree(&a);
    assert!(ta.len() > 40);
    assert_same_tree(&ta, &common::tree(&b));
    // Rebuilding in place gives the same tree again, with nothing left over.
    site.build_ok(&["--output", a.to_str().unwrap()]);
    assert_same_tree(&ta, &common::tree(&a));
    let siblings: Vec<_> = std::fs::read_dir(site.tmp())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The lock files stay (removing one would race with a waiting build).
        .filter(|n| !n.ends_with(".minhbach-lock"))
        .collect();
    let mut siblings = siblings;
    siblings.sort();
    assert_eq!(
        siblings,
        ["a", "b", "site"],
        "no staging folder left behind"
    );
}

#[test]
fn documents_link_their_bases_and_attachments() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let kh = html_unescape(&site.read_out("van-ban/ke-hoach-1126/index.html"));
    assert!(kh.contains("<dt>Số</dt><dd>1126/KH-UBND</dd>"), "{kh}");
    assert!(kh.contains("<dd>14/11/2025</dd>"));
    assert!(
        kh.contains(r#"<li><a href="../../van-ban/quyet-dinh-45/">45/QĐ-UBND</a> ngày 01/03/2025: Quyết định thành lập Ban chỉ đạo chuyển đổi số</li>"#),
        "{kh}"
    );
    assert!(
        kh.contains("<li>749/QĐ-TTg ngày 03/06/2020: Chương trình Chuyển đổi số quốc gia</li>"),
        "a document not in the site is named, not linked: {kh}"
    );
    assert!(kh.contains(r#"<a href="../../van-ban/1126-kh-ubnd.pdf" download>"#));
    assert_eq!(
        std::fs::read(site.out("van-ban/1126-kh-ubnd.pdf")).unwrap(),
        std::fs::read(site.path("content/van-ban/1126-kh-ubnd.pdf")).unwrap()
    );
    let qd = html_unescape(&site.read_out("van-ban/quyet-dinh-45/index.html"));
    assert!(
        qd.contains(r#"<a href="../../van-ban/ke-hoach-1126/">1126/KH-UBND</a>: Kế hoạch chuyển đổi số năm 2026"#),
        "cited-by list: {qd}"
    );
    let list = html_unescape(&site.read_out("van-ban/index.html"));
    let a = list.find("1126/KH-UBND").unwrap();
    let b = list.find("45/QĐ-UBND").unwrap();
    assert!(a < b, "newest document first");
}

#[test]
fn bundles_source_links_aliases_and_dates() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    // A source-path link in a plain page becomes the post's URL.
    let about = html_unescape(&site.read_out("gioi-thieu/index.html"));
    assert!(
        about.contains(r#"<a href="../tin-tuc/bai/">bài đầu tiên</a>"#),
        "{about}"
    );
    assert!(
        about.contains(r#"<a href="../tin-tuc/">mục tin tức</a>"#),
        "{about}"
    );
    let home = html_unescape(&site.read_out("index.html"));
    assert!(
        home.contains(r#"<a href="van-ban/ke-hoach-1126/">kế hoạch 1126</a>"#),
        "{home}"
    );
    // The bundle: cover and inline image copied beside the page.
    let b = html_unescape(&site.read_out("tin-tuc/ra-mat-ung-dung/index.html"));
    assert!(
        b.contains(
            r#"<img src="../../tin-tuc/ra-mat-ung-dung/cover.svg" alt="Giao diện ứng dụng""#
        ),
        "{b}"
    );
    assert!(
        b.contains(r#"<img src="../../tin-tuc/ra-mat-ung-dung/cover.svg" alt="Màn hình chính" />"#)
    );
    assert!(b.contains(r#"<a href="../../tin-tuc/huong-dan-vneid/#buoc-1">hướng dẫn</a>"#));
    assert!(b.contains(&format!(
        r#"<meta property="og:image" content="{BASE}tin-tuc/ra-mat-ung-dung/cover.svg">"#
    )));
    assert!(b.contains(r#"Thứ Năm, <time datetime="2026-09-10">10/09/2026</time>"#));
    assert!(!site.out("tin-tuc/ra-mat-ung-dung/index.md").exists());
    // The alias redirects to the post.
    let alias = html_unescape(&site.read_out("tin-cu/to-cong-nghe-so/index.html"));
    assert!(
        alias.contains(r#"<meta http-equiv="refresh" content="0; url=../../tin-tuc/bai/">"#),
        "{alias}"
    );
    assert!(alias.contains(&format!(
        r#"<link rel="canonical" href="{BASE}tin-tuc/bai/">"#
    )));
    // Static files are copied as they are.
    assert_eq!(
        std::fs::read(site.out("robots.txt")).unwrap(),
        std::fs::read(site.path("static/robots.txt")).unwrap()
    );
}

#[test]
fn header_names_a_province_or_a_centrally_run_city() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let home = html_unescape(&site.read_out("index.html"));
    assert!(
        home.contains("UBND phường Thử Nghiệm – tỉnh Hà Tĩnh</p>"),
        "{home}"
    );
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write(
        "minhbach.toml",
        cfg.replace("province = \"Hà Tĩnh\"", "province = \"Hà Nội\""),
    );
    site.build_ok(&[]);
    let home = html_unescape(&site.read_out("index.html"));
    assert!(
        home.contains("UBND phường Thử Nghiệm – thành phố Hà Nội</p>"),
        "{home}"
    );
    assert!(!home.contains("tỉnh Hà Nội"));
    // The city's own site does not repeat itself.
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write(
        "minhbach.toml",
        cfg.replace("UBND phường Thử Nghiệm", "UBND thành phố Hà Nội")
            .replace("level = \"phường\"", "level = \"thành phố\""),
    );
    site.build_ok(&[]);
    let home = html_unescape(&site.read_out("index.html"));
    assert!(
        home.contains("<p class=\"unit\">UBND thành phố Hà Nội</p>"),
        "{home}"
    );
}
