//! End-to-end tests of issue #7 on `tests/fixtures/search`: the search index
//! (what it holds, diacritic folding, links), the no-JavaScript search page,
//! section feeds in Atom and JSON Feed, and the sharing tags and images.
//! The browser side of search is tested by tools/browser/search-test.mjs.

mod common;

use std::collections::BTreeMap;

use common::{LinkCheck, Site, assert_links_resolve, assert_same_tree, html_unescape, parse_xml};
use serde_json::Value;

const BASE: &str = "https://thutim.example.gov.vn/chuyen-doi-so/";

/// Parses `minhbachSearch("name",{json});` and checks the name.
fn index_file(site: &Site, name: &str) -> Value {
    let text = site.read_out(&format!("tim-kiem/chi-muc/{name}.js"));
    let prefix = format!("minhbachSearch({},", serde_json::Value::from(name));
    let json = text
        .strip_prefix(&prefix)
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{name}.js is not a loader call: {text}"));
    serde_json::from_str(json).unwrap()
}

/// Every indexed document: (title, kind, date, href, text).
fn documents(site: &Site) -> Vec<(String, u64, String, String, String)> {
    let words = index_file(site, "words");
    let (n, chunk) = (
        words["n"].as_u64().unwrap(),
        words["chunk"].as_u64().unwrap(),
    );
    let mut out = Vec::new();
    for c in 0..n.div_ceil(chunk) {
        for d in index_file(site, &format!("d/{c}")).as_array().unwrap() {
            let s = |i: usize| d[i].as_str().unwrap().to_owned();
            out.push((s(0), d[1].as_u64().unwrap(), s(2), s(3), s(4)));
        }
    }
    assert_eq!(out.len() as u64, n);
    out
}

/// key → form → ids, read back from the index files.
fn postings(site: &Site, key: &str) -> BTreeMap<String, Vec<u64>> {
    let words = index_file(site, "words");
    let has = |list: &str| words[list].as_array().unwrap().iter().any(|k| k == key);
    let file = if has("own") {
        format!("w/{key}")
    } else {
        assert!(has("small"), "{key} is not in the vocabulary");
        format!("w/_{}", key.chars().take(2).collect::<String>())
    };
    let shard = index_file(site, &file);
    let mut out = BTreeMap::new();
    for (form, list) in shard[key].as_object().unwrap() {
        let list = list.as_array().unwrap();
        let mut id = 0;
        let mut ids = Vec::new();
        for pair in list.chunks(2) {
            id += pair[0].as_u64().unwrap();
            ids.push(id);
        }
        out.insert(form.clone(), ids);
    }
    out
}

fn built() -> Site {
    let site = Site::fixture("search");
    site.build_ok(&[]);
    site
}

#[test]
fn index_covers_every_kind_with_working_links() {
    let site = built();
    let docs = documents(&site);
    let kind_of = |title: &str| {
        docs.iter()
            .find(|d| d.0 == title)
            .unwrap_or_else(|| panic!("{title} not indexed: {docs:#?}"))
            .1
    };
    // post, document, target, task, unit, page (see search_index::KINDS).
    assert_eq!(
        kind_of("Xã Thử Tìm hưởng ứng Ngày Chuyển đổi số quốc gia"),
        0
    );
    assert_eq!(kind_of("Kế hoạch chuyển đổi số năm 2027"), 1);
    assert_eq!(kind_of("Hộ gia đình có đường truyền cáp quang"), 2);
    assert_eq!(
        kind_of("Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng"),
        3
    );
    assert_eq!(kind_of("Đoàn Thanh niên"), 4);
    assert_eq!(kind_of("Bản tin chuyển đổi số tháng 11/2026"), 5);
    // Dates as readers see them; document number and issuer searchable.
    let plan = docs.iter().find(|d| d.1 == 1).unwrap();
    assert_eq!(plan.2, "20/11/2026");
    assert!(
        plan.4.starts_with("15/KH-UBND. UBND xã Thử Tìm."),
        "{}",
        plan.4
    );
    // Text is plain: markup gone, entities decoded, content kept literally.
    let tip = docs.iter().find(|d| d.0.starts_with("Mẹo")).unwrap();
    assert_eq!(tip.0, "Mẹo <an toàn> & cảnh giác khi nhận tin nhắn lạ");
    // …yet no raw `<` from content is in any index file.
    for (path, bytes) in site.public_tree() {
        if path.starts_with("tim-kiem/chi-muc/") || path.ends_with("feed.json") {
            assert!(!bytes.contains(&b'<'), "raw < in {path}");
        }
    }
    assert!(
        tip.4.contains("chữ <script>alert(1)</script> để lừa"),
        "{}",
        tip.4
    );
    // No markup is left in the stored text.
    assert!(
        !docs
            .iter()
            .any(|d| d.4.contains("<p>") || d.4.contains("<strong>"))
    );
    // Every link (relative to the site root) names a page that exists.
    for d in &docs {
        let path = d.3.split('#').next().unwrap();
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_owned()
        };
        assert!(site.out(&file).is_file(), "{} → {file} missing", d.0);
    }
    // Tasks link to their own row of the tasks table.
    let task = docs.iter().find(|d| d.1 == 3).unwrap();
    let anchor = task.3.strip_prefix("nhiem-vu/#").expect(&task.3);
    assert!(anchor.starts_with("nv-"), "{}", task.3);
    let tasks = site.read_out("nhiem-vu/index.html");
    assert!(
        tasks.contains(&format!(r#"<tr id="{anchor}">"#)),
        "no row {anchor} on the tasks page"
    );
    // Units link to their own page.
    let unit = docs.iter().find(|d| d.1 == 4).unwrap();
    assert!(unit.3.starts_with("don-vi/"), "{}", unit.3);
}

#[test]
fn words_fold_diacritics_but_keep_the_written_form() {
    let site = built();
    let docs = documents(&site);
    let id = |title: &str| docs.iter().position(|d| d.0 == title).unwrap() as u64;
    let event = id("Xã Thử Tìm hưởng ứng Ngày Chuyển đổi số quốc gia");
    // "chuyen doi so", "chuyển đổi số" and "CHUYỂN ĐỔI SỐ" all fold to these keys.
    for (key, form) in [("chuyen", "chuyển"), ("doi", "đổi"), ("so", "số")] {
        let p = postings(&site, key);
        assert!(p[form].contains(&event), "{key}/{form}: {p:?}");
    }
    // "dương" and "đường" share the key but not the form, so the script can
    // rank the reader's spelling first.
    let duong = postings(&site, "duong");
    // (The periodic report of the period lists the post's title too.)
    let report = |i: &u64| {
        docs[*i as usize]
            .0
            .starts_with("Báo cáo kết quả chuyển đổi số")
    };
    assert_eq!(
        duong["dương"]
            .iter()
            .filter(|i| !report(i))
            .copied()
            .collect::<Vec<_>>(),
        vec![id("Điểm hỗ trợ số tại thôn Dương Liễu")]
    );
    assert!(duong["đường"].contains(&id("Hoàn thành sửa đường liên thôn")));
    assert!(!duong["đường"].contains(&id("Điểm hỗ trợ số tại thôn Dương Liễu")));
}

#[test]
fn search_page_works_without_javascript_and_links_resolve() {
    let site = built();
    let html = site.read_out("tim-kiem/index.html");
    for needle in [
        r#"<form class="search-form" role="search" aria-label="Tìm kiếm trên trang" action="../tim-kiem/" method="get">"#,
        r#"<label for="q">Từ khoá cần tìm</label>"#,
        r#"role="status" aria-live="polite""#,
        "<noscript><p class=\"notice\">Trình duyệt đang tắt JavaScript",
        r#"<a href="../tin-tuc/">Tất cả tin bài</a> <span class="meta">(4)</span>"#,
        r#"<a href="../ban-tin/">Bản tin</a>"#,
        r#"<a href="../nhiem-vu/">Nhiệm vụ</a>"#,
        r#"<script src="../search.js" defer></script>"#,
        r#"data-index="../tim-kiem/chi-muc/""#,
    ] {
        assert!(html.contains(needle), "search page lacks {needle}\n{html}");
    }
    // The header of every page has a search box leading there.
    let post = site.read_out("tin-tuc/sua-duong-lang/index.html");
    assert!(post.contains(r#"<form class="site-search" role="search" aria-label="Tìm nhanh trên trang" action="../../tim-kiem/" method="get"><label for="tim-nhanh" class="visually-hidden">"#), "{post}");
    assert!(site.read_out("search.js").contains("minhbachSearch"));
    let sitemap = site.read_out("sitemap.xml");
    assert!(
        sitemap.contains(&format!("<loc>{BASE}tim-kiem/</loc>")),
        "{sitemap}"
    );
    assert_links_resolve(
        &site.out(""),
        &LinkCheck {
            base_url: BASE,
            portable: false,
        },
    );
}

#[test]
fn portable_build_links_resolve_and_output_is_deterministic() {
    let site = Site::fixture("search");
    let toml = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write("minhbach.toml", format!("{toml}\nportable = true\n"));
    site.build_ok(&[]);
    assert_links_resolve(
        &site.out(""),
        &LinkCheck {
            base_url: BASE,
            portable: true,
        },
    );
    let docs = documents(&site);
    assert!(
        docs.iter()
            .filter(|d| d.1 <= 2)
            .all(|d| d.3.ends_with("index.html")),
        "{docs:#?}"
    );
    let first = site.public_tree();
    site.build_ok(&[]);
    assert_same_tree(&first, &site.public_tree());
}

#[test]
fn every_section_has_atom_and_json_feed() {
    let site = built();
    for (section, title, first) in [
        (
            "tin-tuc/",
            "Chuyển đổi số xã Thử Tìm",
            "Xã Thử Tìm hưởng ứng Ngày Chuyển đổi số quốc gia",
        ),
        (
            "van-ban/",
            "Chuyển đổi số xã Thử Tìm – Văn bản",
            "Kế hoạch chuyển đổi số năm 2027",
        ),
        (
            "ban-tin/",
            "Chuyển đổi số xã Thử Tìm – Bản tin",
            "Bản tin chuyển đổi số tháng 11/2026",
        ),
    ] {
        let atom = site.read_out(&format!("{section}atom.xml"));
        let doc = parse_xml(&atom);
        let feed = doc.root_element();
        assert_eq!(direct(feed, "title"), [title]);
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(direct(entries[0], "title"), [first], "{section}");
        assert!(
            entries
                .iter()
                .all(|e| !direct(*e, "published")[0].is_empty())
        );

        let json: Value =
            serde_json::from_str(&site.read_out(&format!("{section}feed.json"))).unwrap();
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(json["title"], title);
        assert_eq!(json["feed_url"], format!("{BASE}{section}feed.json"));
        assert_eq!(json["home_page_url"], format!("{BASE}{section}"));
        let items = json["items"].as_array().unwrap();
        assert_eq!(
            items.len(),
            entries.len(),
            "{section}: Atom and JSON list the same items"
        );
        assert_eq!(items[0]["title"], first);
        let dates: Vec<&str> = items
            .iter()
            .map(|i| i["date_published"].as_str().unwrap())
            .collect();
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{section} newest first: {dates:?}"
        );
        for i in items {
            assert!(i["url"].as_str().unwrap().starts_with(BASE));
            assert_eq!(i["id"], i["url"]);
        }
        // Linked from the section page, in the head and visibly.
        let page = site.read_out(&format!("{section}index.html"));
        for (ty, file) in [
            ("application/atom+xml", "atom.xml"),
            ("application/feed+json", "feed.json"),
        ] {
            let href = format!("../{section}{file}");
            assert!(
                page.contains(&format!(r#"<link rel="alternate" type="{ty}""#)),
                "{section}: {ty}"
            );
            assert!(
                page.contains(&format!(r#"href="{href}""#)),
                "{section}: {href}\n{page}"
            );
        }
        assert!(
            page.contains(r#"<p class="feeds">Nhận tin: "#) || section == "tin-tuc/",
            "{section}"
        );
    }
    // Content is escaped, and round-trips exactly through both formats.
    let json: Value = serde_json::from_str(&site.read_out("tin-tuc/feed.json")).unwrap();
    let tip = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"].as_str().unwrap().starts_with("Mẹo"))
        .unwrap();
    assert_eq!(
        tip["title"],
        "Mẹo <an toàn> & cảnh giác khi nhận tin nhắn lạ"
    );
    assert!(
        tip["content_html"]
            .as_str()
            .unwrap()
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert_eq!(tip["authors"], Value::Null);
    let event = &json["items"][0];
    assert_eq!(event["authors"][0]["name"], "Tổ công nghệ số");
    assert_eq!(event["tags"][0], "Sự kiện");
    let atom = site.read_out("tin-tuc/atom.xml");
    let doc = parse_xml(&atom);
    assert!(doc.descendants().any(|n| n.has_tag_name("title")
        && n.text() == Some("Mẹo <an toàn> & cảnh giác khi nhận tin nhắn lạ")));
}

/// Texts of the direct children named `name`.
fn direct(node: roxmltree::Node<'_, '_>, name: &str) -> Vec<String> {
    node.children()
        .filter(|n| n.has_tag_name(name))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}

/// `content` of `<meta property|name="key">` in a page.
fn meta(html: &str, key: &str) -> Option<String> {
    for attr in ["property", "name"] {
        let needle = format!(r#"<meta {attr}="{key}" content=""#);
        if let Some(i) = html.find(&needle) {
            let rest = &html[i + needle.len()..];
            return Some(html_unescape(&rest[..rest.find('"').unwrap()]));
        }
    }
    None
}

#[test]
fn every_page_has_complete_sharing_tags() {
    let site = built();
    let tree = site.public_tree();
    let mut pages = 0;
    for (path, bytes) in &tree {
        if !path.ends_with("index.html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        if html.contains(r#"http-equiv="refresh""#) {
            continue; // alias redirects
        }
        pages += 1;
        let page_path = path.trim_end_matches("index.html");
        let canonical = format!("{BASE}{page_path}");
        assert!(
            html.contains(&format!(r#"<link rel="canonical" href="{canonical}">"#)),
            "{path}"
        );
        assert_eq!(
            meta(&html, "og:url").as_deref(),
            Some(canonical.as_str()),
            "{path}"
        );
        for key in [
            "og:title",
            "og:type",
            "og:site_name",
            "og:image",
            "og:image:alt",
            "twitter:card",
            "twitter:title",
            "twitter:image",
        ] {
            assert!(
                meta(&html, key).is_some_and(|v| !v.is_empty()),
                "{path} lacks {key}"
            );
        }
        assert_eq!(
            meta(&html, "twitter:card").as_deref(),
            Some("summary_large_image"),
            "{path}"
        );
        let image = meta(&html, "og:image").unwrap();
        assert_eq!(meta(&html, "twitter:image").as_ref(), Some(&image));
        let file = image
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("{path}: {image} not absolute under base_url"));
        let png = &tree
            .get(file)
            .unwrap_or_else(|| panic!("{path}: {file} not written"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{file}");
    }
    assert!(pages > 15, "{pages}");
    let target = site.read_out("chi-tieu/tt-01/index.html");
    assert_eq!(
        meta(&target, "og:image").unwrap(),
        format!("{BASE}chi-tieu/tt-01/chia-se.png")
    );
    assert_eq!(
        meta(&target, "og:image:alt").unwrap(),
        // The same words the picture carries: the target, its figure
        // against the target, the goal and the state.
        "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình: 81\u{a0}% / 95\u{a0}%. Mục tiêu: tối thiểu \
         95\u{a0}% · Chưa đạt."
    );
    let post = site.read_out("tin-tuc/meo-an-toan/index.html");
    assert_eq!(meta(&post, "og:type").unwrap(), "article");
    assert_eq!(
        meta(&post, "og:title").unwrap(),
        "Mẹo <an toàn> & cảnh giác khi nhận tin nhắn lạ"
    );
    assert_eq!(
        meta(&post, "twitter:description").unwrap(),
        "Không bấm vào đường dẫn lạ; kiểm tra kỹ trước khi chuyển tiền."
    );
    // 600×315 images, different for targets with different progress.
    let a = &tree["chi-tieu/tt-01/chia-se.png"];
    assert_eq!(&a[16..24], &[0, 0, 2, 0x58, 0, 0, 1, 0x3b]);
    assert_ne!(a, &tree["chi-tieu/tt-02/chia-se.png"]);
    // Small files: a few kilobytes each.
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".png")) {
        assert!(bytes.len() < 16_000, "{path}: {} bytes", bytes.len());
    }
}

#[test]
fn a_site_image_replaces_the_generated_card() {
    let site = Site::fixture("search");
    let own = b"\x89PNG\r\n\x1a\n our own card".to_vec();
    site.write("static/chia-se.png", &own);
    site.build_ok(&[]);
    assert_eq!(std::fs::read(site.out("chia-se.png")).unwrap(), own);
    // Target pages keep their own progress image.
    assert_ne!(
        std::fs::read(site.out("chi-tieu/tt-01/chia-se.png")).unwrap(),
        own
    );
}
