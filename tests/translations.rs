//! Translations by file name (`bai.en.md`, `index.en.md`, `_index.en.md`):
//! published at `en/` + the original's address with the original's date,
//! linked both ways (`hreflang` and a visible switch), listed on the
//! English news list and not on the Vietnamese one or its feeds.

mod common;

use common::Site;

fn site() -> Site {
    let site = Site::fixture("basic");
    // No date of its own: the original (2026-09-03-…) gives it.
    site.write(
        "content/tin-tuc/2026-09-03-dich-vu-cong-truc-tuyen.en.md",
        "+++\ntitle = \"Online public services\"\n+++\n\nThe ward's services are online.\n",
    );
    site.write(
        "content/tin-tuc/2026-09-10-ra-mat-ung-dung/index.en.md",
        "+++\ntitle = \"App launch\"\n+++\n\nThe app.\n",
    );
    site.write(
        "content/gioi-thieu.en.md",
        "+++\ntitle = \"About us\"\n+++\n\nAbout.\n",
    );
    site
}

#[test]
fn english_versions_are_published_and_linked_both_ways() {
    let site = site();
    let r = site.build_ok(&[]);
    assert!(!r.stderr.contains("lỗi"), "{}", r.stderr);
    let en = site.read_out("en/tin-tuc/dich-vu-cong-truc-tuyen/index.html");
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<h1>Online public services</h1>"));
    assert!(
        en.contains("<time datetime=\"2026-09-03\">"),
        "inherits the original's date"
    );
    assert!(en.contains(
        "<link rel=\"alternate\" hreflang=\"vi\" href=\"../../../tin-tuc/dich-vu-cong-truc-tuyen/\">"
    ));
    assert!(en.contains(
        "<a href=\"../../../tin-tuc/dich-vu-cong-truc-tuyen/\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"
    ));
    let vi = site.read_out("tin-tuc/dich-vu-cong-truc-tuyen/index.html");
    assert!(vi.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"../../en/tin-tuc/dich-vu-cong-truc-tuyen/\">"
    ));
    assert!(vi.contains(
        "<a href=\"../../en/tin-tuc/dich-vu-cong-truc-tuyen/\" hreflang=\"en\" lang=\"en\">English</a>"
    ));
    // Bundles and plain pages too.
    assert!(
        site.read_out("en/tin-tuc/ra-mat-ung-dung/index.html")
            .contains("<h1>App launch</h1>")
    );
    assert!(
        site.read_out("gioi-thieu/index.html")
            .contains("hreflang=\"en\" href=\"../en/gioi-thieu/\"")
    );
}

#[test]
fn english_posts_are_listed_in_english_only() {
    let site = site();
    site.build_ok(&[]);
    let list = site.read_out("en/tin-tuc/index.html");
    assert!(list.contains("<html lang=\"en\">"));
    assert!(list.contains("Online public services") && list.contains("App launch"));
    assert!(
        list.contains("hreflang=\"vi\" href=\"../../tin-tuc/\""),
        "{list}"
    );
    for vi in [
        "tin-tuc/index.html",
        "tin-tuc/atom.xml",
        "tin-tuc/feed.json",
        "index.html",
    ] {
        let text = site.read_out(vi);
        assert!(
            !text.contains("Online public services"),
            "{vi} lists the English post"
        );
    }
    assert!(
        site.read_out("tin-tuc/index.html")
            .contains("hreflang=\"en\" href=\"../en/tin-tuc/\"")
    );
    // The English list has its own feed.
    assert!(
        site.read_out("en/tin-tuc/atom.xml")
            .contains("Online public services")
    );
    assert!(
        site.read_out("sitemap.xml")
            .contains("en/tin-tuc/dich-vu-cong-truc-tuyen/")
    );
}

#[test]
fn english_section_pages_and_home() {
    let site = site();
    site.write(
        "content/tin-tuc/_index.en.md",
        "+++\ntitle = \"News and events\"\n+++\n\nNews.\n",
    );
    site.write(
        "content/_index.en.md",
        "+++\ntitle = \"Digital transformation\"\n+++\n\nHello.\n",
    );
    site.build_ok(&[]);
    let list = site.read_out("en/tin-tuc/index.html");
    assert!(list.contains("<h1>News and events</h1>") && list.contains("Online public services"));
    let home = site.read_out("en/index.html");
    assert!(home.contains("<h1>Digital transformation</h1>"));
    let vi_home = site.read_out("index.html");
    assert!(
        vi_home.contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"./\">"),
        "no empty href"
    );
    assert!(vi_home.contains("<a href=\"en/\" hreflang=\"en\" lang=\"en\">English</a>"));
}

#[test]
fn unsupported_language_is_a_warning_not_an_address_clash() {
    let site = site();
    site.write(
        "content/gioi-thieu.fr.md",
        "+++\ntitle = \"À propos\"\n+++\n\nFR.\n",
    );
    let r = site.build_ok(&[]);
    r.assert_stderr_has(&[
        "cảnh báo: bản dịch ngôn ngữ “fr” chưa được hỗ trợ",
        "content/gioi-thieu.fr.md",
    ]);
    assert!(!site.out("fr").exists());
}

#[test]
fn english_only_bundle_gets_the_same_kind_of_address() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/2026-11-01-only-english/index.en.md",
        "+++\ntitle = \"Only in English\"\n+++\n\nText.\n",
    );
    site.build_ok(&[]);
    let page = site.read_out("en/tin-tuc/only-english/index.html");
    assert!(
        page.contains("<time datetime=\"2026-11-01\">"),
        "date from the folder name"
    );
    assert!(
        !page.contains("lang-switch"),
        "no other version to switch to"
    );
}
