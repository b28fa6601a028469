//! List pages: pagination with `rel="prev"/"next"`, tag and month pages, a
//! scheduled post on its day, drafts only with `--drafts`.

use crate::common::{Site, html_unescape};
use crate::{BASE, POSTS_NEWEST_FIRST, post_cards};

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
