//! `categories` (Hugo) and `[taxonomies] categories` (Zola) get pages and
//! feeds like tags: an index `tin-tuc/chuyen-muc/`, a list and an Atom
//! feed per category, and the categories shown on each post.

mod common;

use common::Site;

fn add_categories(site: &Site) {
    site.add_front_matter(
        "content/tin-tuc/2026-09-03-dich-vu-cong-truc-tuyen.md",
        "categories = [\"Chính quyền số\", \"Dịch vụ công\"]\n",
    );
    // Zola's way, written last because it is a TOML table.
    site.end_front_matter(
        "content/tin-tuc/2026-10-01-so-hoa-ho-so.md",
        "[taxonomies]\ncategories = [\"Chính quyền số\"]\n",
    );
}

#[test]
fn categories_get_an_index_lists_feeds_and_show_on_posts() {
    let site = Site::fixture("basic");
    add_categories(&site);
    let r = site.build_ok(&[]);
    assert!(
        !r.stderr.contains("categories"),
        "no warning about the key: {}",
        r.stderr
    );

    let index = site.read_out("tin-tuc/chuyen-muc/index.html");
    assert!(index.contains("<h1>Chuyên mục</h1>"), "{index}");
    assert!(index.contains("<a href=\"../../tin-tuc/chuyen-muc/chinh-quyen-so/\">Chính quyền số</a> <span class=\"meta\">(2)</span>"));
    assert!(index.contains("<a href=\"../../tin-tuc/chuyen-muc/dich-vu-cong/\">Dịch vụ công</a> <span class=\"meta\">(1)</span>"));

    let list = site.read_out("tin-tuc/chuyen-muc/chinh-quyen-so/index.html");
    assert!(list.contains("<h1>Chuyên mục: Chính quyền số</h1>"));
    assert!(
        list.contains("tin-tuc/so-hoa-ho-so/") && list.contains("tin-tuc/dich-vu-cong-truc-tuyen/")
    );
    assert!(
        !site
            .read_out("tin-tuc/chuyen-muc/dich-vu-cong/index.html")
            .contains("tin-tuc/so-hoa-ho-so/")
    );

    let feed = site.read_out("tin-tuc/chuyen-muc/chinh-quyen-so/atom.xml");
    assert_eq!(common::feed_entries(&feed), 2);
    // Entries name their categories like their tags.
    assert!(feed.contains("term=\"Dịch vụ công\""), "{feed}");

    let post = site.read_out("tin-tuc/dich-vu-cong-truc-tuyen/index.html");
    assert!(post.contains("<p class=\"categories\">Chuyên mục: <a href=\"../../tin-tuc/chuyen-muc/chinh-quyen-so/\">Chính quyền số</a>, <a href=\"../../tin-tuc/chuyen-muc/dich-vu-cong/\">Dịch vụ công</a></p>"), "{post}");
    assert!(
        site.read_out("sitemap.xml")
            .contains("tin-tuc/chuyen-muc/dich-vu-cong/")
    );
}

#[test]
fn a_site_without_categories_has_no_category_pages() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    assert!(!site.out("tin-tuc/chuyen-muc").exists());
}
