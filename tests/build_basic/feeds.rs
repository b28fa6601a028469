//! What feed readers and search engines read: the Atom feeds (news and per tag)
//! and the sitemap.

use crate::common::{self, Site, child_texts, html_unescape};
use crate::{BASE, POSTS_NEWEST_FIRST};

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
