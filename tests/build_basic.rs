//! `minhbach build` on the `basic` fixture: what a visitor, a feed reader
//! and a search engine get. Each test builds its own copy once.

mod common;

use common::{LinkCheck, Site, assert_links_resolve, assert_same_tree, child_texts, html_unescape};

const BASE: &str = "https://thunghiem.example.gov.vn/chuyen-doi-so/";

/// The 13 posts published on 2026-11-25, newest first, by output folder.
const POSTS_NEWEST_FIRST: &[&str] = &[
    "canh-giac-lua-dao",
    "nop-thue-dien-tu",
    "hoi-nghi-so-ket",
    "ban-do-so",
    "wifi-cong-cong",
    "camera-an-ninh",
    "so-hoa-ho-so",
    "tap-huan-can-bo",
    "ra-mat-ung-dung",
    "dich-vu-cong-truc-tuyen",
    "thanh-toan-khong-dung-tien-mat",
    "huong-dan-vneid",
    "bai",
];

const SCRIPT_TITLE: &str = "Cảnh giác <script>alert(1)</script> và \"lừa đảo\" qua mạng";

/// Post folders linked from a list page, in order of appearance.
fn post_cards(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"<h[23] class="card-title"><a href="([^"]*)">"#).unwrap();
    re.captures_iter(html)
        .map(|c| {
            let href = html_unescape(&c[1]);
            href.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn build_writes_every_page_and_every_internal_link_resolves() {
    let site = Site::fixture("basic");
    let run = site.build_ok(&[]);
    run.assert_stderr_has(&["Đã dựng", "Mở trang:"]);
    for f in [
        "index.html",
        "404.html",
        "style.css",
        "robots.txt",
        "gioi-thieu/index.html",
        "tin-tuc/index.html",
        "tin-tuc/bai/index.html",
        "tin-tuc/ra-mat-ung-dung/index.html",
        "tin-tuc/ra-mat-ung-dung/cover.svg",
        "van-ban/index.html",
        "van-ban/ke-hoach-1126/index.html",
        "van-ban/quyet-dinh-45/index.html",
        "van-ban/1126-kh-ubnd.pdf",
        "tin-tuc/the/index.html",
        "tin-tuc/luu-tru/index.html",
        "sitemap.xml",
        "tin-tuc/atom.xml",
    ] {
        assert!(site.out(f).is_file(), "missing public/{f}");
    }
    for p in POSTS_NEWEST_FIRST {
        assert!(
            site.out(&format!("tin-tuc/{p}/index.html")).is_file(),
            "{p}"
        );
    }
    let n = assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: BASE,
            portable: false,
        },
    );
    assert!(n > 500, "only {n} internal links checked");
}

#[test]
fn links_resolve_under_a_sub_path_base_url() {
    let site = Site::fixture("basic");
    let base = "http://localhost:8080/chuyen-doi-so/";
    site.build_ok(&["--base-url", base]);
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: base,
            portable: false,
        },
    );
    let post = site.read_out("tin-tuc/bai/index.html");
    assert!(
        html_unescape(&post).contains(
            r#"<link rel="canonical" href="http://localhost:8080/chuyen-doi-so/tin-tuc/bai/">"#
        ),
        "{post}"
    );
    // Nothing keeps the configured host.
    for (path, bytes) in site.public_tree() {
        let text = html_unescape(&String::from_utf8_lossy(&bytes));
        assert!(
            !text.contains("thunghiem.example.gov.vn/chuyen-doi-so"),
            "{path} still uses base_url from minhbach.toml"
        );
    }
    let feed = html_unescape(&site.read_out("tin-tuc/atom.xml"));
    assert!(feed.contains("<id>http://localhost:8080/chuyen-doi-so/tin-tuc/bai/</id>"));
}

#[test]
fn portable_site_links_name_index_html() {
    let site = Site::fixture("basic");
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write(
        "minhbach.toml",
        cfg.replace("paginate_by = 10", "paginate_by = 10\nportable = true"),
    );
    site.build_ok(&[]);
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: BASE,
            portable: true,
        },
    );
    let about = html_unescape(&site.read_out("gioi-thieu/index.html"));
    assert!(
        about.contains(r#"href="../tin-tuc/bai/index.html""#),
        "{about}"
    );
}

#[test]
fn news_feed_is_well_formed_newest_first_and_absolute() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let text = site.read_out("tin-tuc/atom.xml");
    let doc = common::parse_xml(&text);
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    let ids: Vec<String> = entries
        .iter()
        .map(|e| child_texts(*e, "id")[0].clone())
        .collect();
    let expected: Vec<String> = POSTS_NEWEST_FIRST
        .iter()
        .map(|p| format!("{BASE}tin-tuc/{p}/"))
        .collect();
    assert_eq!(ids, expected);
    let published: Vec<String> = entries
        .iter()
        .map(|e| child_texts(*e, "published")[0].clone())
        .collect();
    let mut sorted = published.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(published, sorted, "entries newest first");
    assert_eq!(published[0], "2026-11-24T00:00:00+07:00");
    for link in feed.descendants().filter(|n| n.has_tag_name("link")) {
        let href = link.attribute("href").unwrap();
        assert!(href.starts_with(BASE), "relative URL in feed: {href}");
    }
    // Links inside entry content are absolute too.
    let bundle = entries
        .iter()
        .find(|e| child_texts(**e, "id")[0].ends_with("/ra-mat-ung-dung/"))
        .unwrap();
    let content = &child_texts(*bundle, "content")[0];
    assert!(
        content.contains(&format!(r#"src="{BASE}tin-tuc/ra-mat-ung-dung/cover.svg""#)),
        "{content}"
    );
    assert!(!text.contains("hen-gio") && !text.contains("Bài hẹn giờ"));
    assert!(!text.contains("ban-nhap") && !text.contains("Bản nháp"));
}

#[test]
fn tag_feeds_exist_and_every_page_advertises_the_feed() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    for tag in [
        "chuyen-doi-so",
        "dich-vu-cong",
        "de-an-06",
        "to-cong-nghe-so",
        "an-toan-thong-tin",
    ] {
        let text = site.read_out(&format!("tin-tuc/the/{tag}/atom.xml"));
        let doc = common::parse_xml(&text);
        let n = doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .count();
        assert!(n >= 1, "{tag} feed is empty");
    }
    let doc_text = site.read_out("tin-tuc/the/dich-vu-cong/atom.xml");
    let doc = common::parse_xml(&doc_text);
    let ids = child_texts(doc.root_element(), "id");
    assert_eq!(
        ids[1..],
        [
            format!("{BASE}tin-tuc/nop-thue-dien-tu/"),
            format!("{BASE}tin-tuc/so-hoa-ho-so/"),
            format!("{BASE}tin-tuc/dich-vu-cong-truc-tuyen/"),
        ]
    );
    // Scheduled and draft tags get no feed.
    assert!(!site.out("tin-tuc/the/hen-gio").exists());
    assert!(!site.out("tin-tuc/the/nhap").exists());

    let re = regex::Regex::new(
        r#"<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]*)">"#,
    )
    .unwrap();
    for (path, bytes) in site.public_tree() {
        if !path.ends_with(".html") || path.starts_with("tin-cu/") {
            continue; // redirect pages are not pages
        }
        let html = String::from_utf8(bytes).unwrap();
        let hrefs: Vec<String> = re
            .captures_iter(&html)
            .map(|c| html_unescape(&c[1]))
            .collect();
        assert!(
            hrefs.iter().any(|h| h.ends_with("tin-tuc/atom.xml")),
            "{path} has no feed link"
        );
    }
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let text = site.read_out("sitemap.xml");
    let doc = common::parse_xml(&text);
    let locs = child_texts(doc.root_element(), "loc");
    for loc in &locs {
        assert!(loc.starts_with(BASE), "{loc}");
    }
    let mut expected = vec![
        BASE.to_owned(),
        format!("{BASE}gioi-thieu/"),
        format!("{BASE}tin-tuc/"),
        format!("{BASE}van-ban/"),
        format!("{BASE}van-ban/ke-hoach-1126/"),
        format!("{BASE}van-ban/quyet-dinh-45/"),
    ];
    expected.extend(
        POSTS_NEWEST_FIRST
            .iter()
            .map(|p| format!("{BASE}tin-tuc/{p}/")),
    );
    for e in &expected {
        assert!(locs.contains(e), "sitemap lacks {e}");
    }
    assert!(!text.contains("hen-gio") && !text.contains("ban-nhap"));
    assert!(!text.contains("tin-cu"), "redirects are not in the sitemap");
    // Every content page in the output is in the sitemap.
    for (path, _) in site.public_tree() {
        if let Some(dir) = path.strip_suffix("index.html") {
            let listed = locs.contains(&format!("{BASE}{dir}"));
            let is_list = dir.contains("/the/")
                || dir.contains("/trang/")
                || dir.contains("/thang/")
                || dir.contains("/luu-tru/")
                || dir.starts_with("tin-cu/");
            if !is_list {
                assert!(listed, "sitemap lacks page {dir}");
            }
        }
    }
}

#[test]

fn sitemap_lists_tag_and_archive_pages() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let text = site.read_out("sitemap.xml");
    let doc = common::parse_xml(&text);
    let locs = child_texts(doc.root_element(), "loc");
    for dir in [
        "tin-tuc/the/",
        "tin-tuc/the/chuyen-doi-so/",
        "tin-tuc/luu-tru/",
        "tin-tuc/thang/2026-11/",
    ] {
        assert!(
            locs.contains(&format!("{BASE}{dir}")),
            "sitemap lacks {dir}"
        );
    }
}

#[test]
fn scheduled_post_appears_on_its_day() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    assert!(!site.out("tin-tuc/hen-gio").exists());
    let list = site.read_out("tin-tuc/index.html");
    assert!(!list.contains("Bài hẹn giờ"));
    assert!(!site.out("tin-tuc/thang/2026-12").exists());

    let root = site.root.to_str().unwrap();
    site.run(&["build", "--root", root, "--date", "2026-12-02"])
        .assert_ok();
    let post = site.read_out("tin-tuc/hen-gio/index.html");
    assert!(
        post.contains("<h1>Bài hẹn giờ ngày 2 tháng 12</h1>"),
        "{post}"
    );
    assert!(post.contains("02/12/2026"), "date shown as 02/12/2026");
    let list = site.read_out("tin-tuc/index.html");
    assert_eq!(post_cards(&list)[0], "hen-gio", "newest first in the list");
    let feed = html_unescape(&site.read_out("tin-tuc/atom.xml"));
    assert!(feed.contains(&format!("<id>{BASE}tin-tuc/hen-gio/</id>")));
    assert!(site.out("tin-tuc/thang/2026-12/index.html").is_file());
    assert!(site.out("tin-tuc/the/hen-gio/atom.xml").is_file());
}

#[test]
fn drafts_only_with_the_drafts_flag() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    assert!(!site.out("tin-tuc/ban-nhap").exists());
    for (path, bytes) in site.public_tree() {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("Bản nháp chưa duyệt"),
            "draft title leaked into {path}"
        );
    }
    site.build_ok(&["--drafts"]);
    let post = site.read_out("tin-tuc/ban-nhap/index.html");
    assert!(post.contains("<h1>Bản nháp chưa duyệt</h1>"));
    assert!(
        !site.out("tin-tuc/hen-gio").exists(),
        "--drafts does not publish scheduled posts"
    );
}

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
fn news_list_paginates_by_five_with_prev_next() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let p1 = site.read_out("tin-tuc/index.html");
    let p2 = site.read_out("tin-tuc/trang/2/index.html");
    let p3 = site.read_out("tin-tuc/trang/3/index.html");
    assert!(!site.out("tin-tuc/trang/4").exists());
    assert!(!site.out("tin-tuc/trang/1").exists());
    let all: Vec<String> = [&p1, &p2, &p3].iter().flat_map(|h| post_cards(h)).collect();
    assert_eq!(all, POSTS_NEWEST_FIRST);
    assert_eq!(post_cards(&p1).len(), 5);
    assert_eq!(post_cards(&p2).len(), 5);
    assert_eq!(post_cards(&p3).len(), 3);

    let rel = |html: &str, r: &str| -> Option<String> {
        let re = regex::Regex::new(&format!(r#"<a href="([^"]*)" rel="{r}">"#)).unwrap();
        re.captures(html).map(|c| html_unescape(&c[1]))
    };
    assert_eq!(rel(&p1, "prev"), None);
    assert_eq!(rel(&p1, "next").as_deref(), Some("../tin-tuc/trang/2/"));
    assert_eq!(rel(&p2, "prev").as_deref(), Some("../../../tin-tuc/"));
    assert_eq!(
        rel(&p2, "next").as_deref(),
        Some("../../../tin-tuc/trang/3/")
    );
    assert_eq!(
        rel(&p3, "prev").as_deref(),
        Some("../../../tin-tuc/trang/2/")
    );
    assert_eq!(rel(&p3, "next"), None);
    assert!(p3.contains("<span aria-current=\"page\">3</span>"));
    // The section's intro shows on the first page only.
    assert!(p1.contains("Tin hoạt động chuyển đổi số của phường."));
    assert!(!p2.contains("Tin hoạt động chuyển đổi số của phường."));
    // Post pages link to their neighbours.
    let post = site.read_out("tin-tuc/ra-mat-ung-dung/index.html");
    assert_eq!(
        rel(&post, "next").as_deref(),
        Some("../../tin-tuc/tap-huan-can-bo/")
    );
    assert_eq!(
        rel(&post, "prev").as_deref(),
        Some("../../tin-tuc/dich-vu-cong-truc-tuyen/")
    );
}

#[test]
fn tag_pages_and_month_archives() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    // "Chuyển đổi số" has 7 posts: two list pages of 5.
    let t1 = site.read_out("tin-tuc/the/chuyen-doi-so/index.html");
    let t2 = site.read_out("tin-tuc/the/chuyen-doi-so/trang/2/index.html");
    assert!(t1.contains("<h1>Chủ đề: Chuyển đổi số"), "{t1}");
    let mut tagged = post_cards(&t1);
    tagged.extend(post_cards(&t2));
    assert_eq!(
        tagged,
        [
            "hoi-nghi-so-ket",
            "ban-do-so",
            "wifi-cong-cong",
            "tap-huan-can-bo",
            "ra-mat-ung-dung",
            "thanh-toan-khong-dung-tien-mat",
            "bai"
        ]
    );
    let index = html_unescape(&site.read_out("tin-tuc/the/index.html"));
    assert!(
        index.contains(r#"<a href="../../tin-tuc/the/chuyen-doi-so/">Chuyển đổi số</a> <span class="meta">(7)</span>"#),
        "{index}"
    );
    assert!(!index.contains("Nháp") && !index.contains("Hẹn giờ"));
    let months = [
        (
            "2026-08",
            vec!["thanh-toan-khong-dung-tien-mat", "huong-dan-vneid", "bai"],
        ),
        (
            "2026-09",
            vec![
                "tap-huan-can-bo",
                "ra-mat-ung-dung",
                "dich-vu-cong-truc-tuyen",
            ],
        ),
        (
            "2026-10",
            vec!["wifi-cong-cong", "camera-an-ninh", "so-hoa-ho-so"],
        ),
        (
            "2026-11",
            vec![
                "canh-giac-lua-dao",
                "nop-thue-dien-tu",
                "hoi-nghi-so-ket",
                "ban-do-so",
            ],
        ),
    ];
    for (m, posts) in &months {
        let html = site.read_out(&format!("tin-tuc/thang/{m}/index.html"));
        assert_eq!(&post_cards(&html), posts, "{m}");
    }
    let archive = html_unescape(&site.read_out("tin-tuc/luu-tru/index.html"));
    let pos = |s: &str| {
        archive
            .find(s)
            .unwrap_or_else(|| panic!("{s} not in {archive}"))
    };
    assert!(pos("tháng 11/2026") < pos("tháng 10/2026"));
    assert!(pos("tháng 9/2026") < pos("tháng 8/2026"));
    assert!(archive.contains(r#"href="../../tin-tuc/thang/2026-11/""#));
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
fn the_link_checker_itself_catches_broken_and_bare_links() {
    let tmp = tempfile::tempdir().unwrap();
    let public = tmp.path();
    std::fs::create_dir_all(public.join("a")).unwrap();
    std::fs::write(public.join("a/index.html"), "<a href=\"../\">x</a>").unwrap();
    std::fs::write(public.join("index.html"), "<a href=\"a/\">a</a>").unwrap();
    let ok = LinkCheck {
        base_url: BASE,
        portable: false,
    };
    assert_eq!(assert_links_resolve(public, &ok), 2);
    let portable = LinkCheck {
        base_url: BASE,
        portable: true,
    };
    let r = std::panic::catch_unwind(|| assert_links_resolve(public, &portable));
    assert!(r.is_err(), "bare folder link passes in portable mode");
    std::fs::write(public.join("index.html"), "<img src=\"a/khong-co.png\">").unwrap();
    let r = std::panic::catch_unwind(|| assert_links_resolve(public, &ok));
    assert!(r.is_err(), "missing file passes");
    std::fs::write(public.join("index.html"), "<a href=\"/a/\">a</a>").unwrap();
    let r = std::panic::catch_unwind(|| assert_links_resolve(public, &ok));
    assert!(r.is_err(), "root-absolute link passes");
}

#[test]
fn base_url_without_trailing_slash_gives_the_same_site() {
    let site = Site::fixture("basic");
    let a = site.tmp().join("a");
    let b = site.tmp().join("b");
    let url = "http://localhost:8080/chuyen-doi-so";
    site.build_ok(&["--output", a.to_str().unwrap(), "--base-url", url]);
    site.build_ok(&[
        "--output",
        b.to_str().unwrap(),
        "--base-url",
        &format!("{url}/"),
    ]);
    assert_same_tree(&common::tree(&a), &common::tree(&b));
    let feed = html_unescape(&common::read(&a.join("tin-tuc/atom.xml")));
    assert!(feed.contains("<id>http://localhost:8080/chuyen-doi-so/tin-tuc/atom.xml</id>"));
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
