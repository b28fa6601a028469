//! Weekly bulletins: news posts of their own, codes that do not wrap, turned off
//! by the config, the demo site's bulletins paginated.

use crate::common::html_unescape;
use crate::{example_site, small_site};

#[test]
fn weekly_bulletins_are_news_posts() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    // Week 45/2026 (02–08/11): the post of 02/11 and the task completed on
    // 04/11. Week 47 (16–22/11): NV-03 overdue since 21/11. The current
    // week 48 (build date 25/11) has no bulletin yet.
    let w45 = html_unescape(&site.read_out("ban-tin/tuan-45-2026/index.html"));
    assert!(w45.contains("<h1>Bản tin chuyển đổi số tuần 45/2026</h1>"));
    assert!(w45.contains("từ 02/11/2026 đến 08/11/2026"));
    assert!(w45.contains("href=\"../../tin-tuc/bai/\""));
    assert!(w45.contains("NV-02 – Mở lớp tập huấn"));
    assert!(w45.contains("datetime=\"2026-11-08\""));
    let w47 = html_unescape(&site.read_out("ban-tin/tuan-47-2026/index.html"));
    assert!(w47.contains("Nhiệm vụ mới hết hạn chưa báo cáo hoàn thành"));
    assert!(w47.contains("NV-03 – Lắp wifi"));
    // NV-01 became overdue on 01/10/2026 (week 40); results of Quý III end
    // on 30/09 (week 40 too) — before the site's first post (week 45), so
    // no bulletin by default; `[bulletin] since` moves the start.
    assert!(!site.out("ban-tin/tuan-40-2026").exists());
    assert!(!site.out("ban-tin/tuan-48-2026").exists());
    let config = "title = \"Thử\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n";
    site.write(
        "minhbach.toml",
        format!("{config}[bulletin]\nsince = \"28/09/2026\"\n"),
    );
    site.build_ok(&[]);
    let w40 = html_unescape(&site.read_out("ban-tin/tuan-40-2026/index.html"));
    assert!(
        w40.contains("NV-01 – Số hóa hồ sơ") && w40.contains("85\u{a0}%"),
        "{w40}"
    );
    assert!(!site.out("ban-tin/tuan-39-2026").exists());

    // Bulletins have their own list and feeds; the news list, its feed, the
    // month archive, the home page's latest news and a post's previous/next
    // show only posts written by people, and link the bulletins once.
    let list = html_unescape(&site.read_out("tin-tuc/index.html"));
    assert!(!list.contains("Bản tin chuyển đổi số tuần"), "{list}");
    assert_eq!(
        list.matches("Bản tin tuần: xem tất cả").count(),
        1,
        "{list}"
    );
    assert!(list.contains("<a href=\"../ban-tin/\">Bản tin tuần: xem tất cả</a>"));
    for path in [
        "tin-tuc/atom.xml",
        "tin-tuc/feed.json",
        "tin-tuc/thang/2026-11/index.html",
        "index.html",
        "tin-tuc/bai/index.html",
    ] {
        let text = site.read_out(path);
        assert!(!text.contains("ban-tin/tuan-"), "{path}: {text}");
    }
    assert!(
        site.read_out("index.html")
            .contains("Bản tin tuần: xem tất cả")
    );
    let feed = site.read_out("ban-tin/atom.xml");
    assert!(feed.contains("<title>Bản tin chuyển đổi số tuần 47/2026</title>"));
    assert!(feed.contains("https://vi-du.gov.vn/cds/ban-tin/tuan-47-2026/"));
    assert!(
        !feed.contains("2026-11-29"),
        "no bulletin dated after the build"
    );
    assert!(site.read_out("ban-tin/feed.json").contains("tuan-47-2026"));
    // Previous/next of a bulletin lead to bulletins.
    let w47 = site.read_out("ban-tin/tuan-47-2026/index.html");
    assert!(w47.contains("ban-tin/tuan-45-2026/"), "{w47}");
    let section = site.read_out("ban-tin/index.html");
    assert!(section.contains("Bản tin chuyển đổi số hằng tuần"));
    assert!(section.find("tuần 47/2026").unwrap() < section.find("tuần 45/2026").unwrap());
    assert!(
        site.read_out("sitemap.xml")
            .contains("ban-tin/tuan-45-2026/")
    );

    // A post in week 48 (23–29/11): no bulletin while the week runs, even
    // on its Sunday; the build on Monday publishes it.
    site.write(
        "content/tin-tuc/2026-11-24-bai-tuan-48.md",
        "+++\ntitle = \"Bài tuần 48\"\n+++\n\nNội dung.\n",
    );
    let root = site.root.to_str().unwrap().to_owned();
    let build_on = |date: &str| {
        site.run(&["build", "--root", &root, "--date", date])
            .assert_ok();
    };
    build_on("2026-11-29");
    assert!(!site.out("ban-tin/tuan-48-2026").exists());
    // A week whose only event is one post gets no bulletin: the post says it.
    build_on("2026-11-30");
    assert!(!site.out("ban-tin/tuan-48-2026").exists());
    site.write(
        "content/tin-tuc/2026-11-26-bai-hai.md",
        "+++\ntitle = \"Bài thứ hai tuần 48\"\n+++\n\nNội dung.\n",
    );
    build_on("2026-11-30");
    let w48 = html_unescape(&site.read_out("ban-tin/tuan-48-2026/index.html"));
    assert!(w48.contains("Bài tuần 48") && w48.contains("Bài thứ hai tuần 48"));
}

#[test]
fn codes_in_tables_do_not_wrap_mid_token() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    let tasks = site.read_out("nhiem-vu/index.html");
    assert!(
        tasks.contains("<td class=\"ma card-key\" data-label=\"Mã\">NV-01</td>"),
        "{tasks}"
    );
    let targets = site.read_out("chi-tieu/index.html");
    assert!(
        targets.contains("<a class=\"ma\" href=\"../chi-tieu/ct-01/\">CT-01</a></td>"),
        "{targets}"
    );
    // The class is the theme's (strict CSP: no inline style).
    let css = site.read_out("style.css");
    assert!(css.contains(".ma{white-space:nowrap}"));
}

#[test]
fn bulletins_can_be_turned_off() {
    let site = small_site("Không có biểu đồ.");
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\nbase_url = \"https://vi-du.gov.vn/cds/\"\n[bulletin]\nenabled = false\n",
    );
    site.build_ok(&[]);
    assert!(!site.out("ban-tin").exists());
    assert!(!site.read_out("tin-tuc/atom.xml").contains("Bản tin"));
    // A misspelt key is an error with the nearest key.
    site.write(
        "minhbach.toml",
        "title = \"Thử\"\n[bulletin]\nenable = false\n",
    );
    site.check(&[]).assert_code(1).assert_stderr_has(&[
        "khoá “enable” không có trong mục [bulletin]",
        "có phải ý bạn là “enabled”?",
    ]);
}

#[test]
fn example_site_bulletins_start_with_the_site_and_are_paginated() {
    let site = example_site();
    // Two bulletins a list page, set by the site's own intro page.
    site.write(
        "content/ban-tin/_index.md",
        "+++\ntitle = \"Bản tin tuần\"\npaginate_by = 2\n+++\n\nBản tin mỗi tuần.\n",
    );
    site.build_ok(&[]);
    let mut weeks: Vec<String> = std::fs::read_dir(site.out("ban-tin"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("tuan-"))
        .collect();
    weeks.sort();
    // Weeks whose only event is one news post have no bulletin; the three
    // weeks left have documents, results or tasks.
    assert_eq!(weeks, ["tuan-27-2026", "tuan-40-2026", "tuan-41-2026"]);
    assert!(
        weeks.iter().all(|w| w.ends_with("-2026")),
        "no bulletin before the first news post (June 2026): {weeks:?}"
    );
    // 2 per page, newest first, pager links.
    let first = site.read_out("ban-tin/index.html");
    assert!(first.contains("Bản tin mỗi tuần."));
    assert_eq!(first.matches("class=\"card-title\"").count(), 2);
    assert!(first.contains("tuần 41/2026") && !first.contains("tuần 27/2026"));
    assert!(
        first.contains("href=\"../ban-tin/trang/2/\" rel=\"next\""),
        "{first}"
    );
    let last = site.read_out("ban-tin/trang/2/index.html");
    assert!(last.contains("tuần 27/2026"));
}

/// A broken override of `bulletin_body.html` (bodies are rendered in
/// parallel) fails the build with one located message and leaves an
/// earlier `public/` as it was.
#[test]
fn a_broken_bulletin_template_fails_the_build_once() {
    let site = small_site("Không có biểu đồ.");
    site.build_ok(&[]);
    let before = site.public_tree();
    site.write(
        "templates/bulletin_body.html",
        "<p>{{ khong_co_bien.x }}</p>\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 1, "{r:?}");
    r.assert_stderr_has(&[
        "templates/bulletin_body.html",
        "lỗi mẫu giao diện bản tin tuần",
        "sửa mẫu bulletin_body.html",
    ]);
    assert_eq!(
        r.stderr.matches("lỗi mẫu giao diện bản tin tuần").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(site.public_tree() == before, "public/ unchanged");
}
