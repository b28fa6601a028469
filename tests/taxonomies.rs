//! Taxonomies declared in `minhbach.toml` (`[[taxonomies]]`, beyond tags and
//! categories): a post's `series = […]` (Hugo) or `[taxonomies] series`
//! (Zola) gets an index, a list and a feed per term, shown on the post, with
//! no "unknown key" warning; undeclared, the key stays a theme parameter.

mod common;

use common::Site;

fn add_series(site: &Site) {
    site.add_front_matter(
        "content/tin-tuc/2026-09-03-dich-vu-cong-truc-tuyen.md",
        "series = [\"Sổ tay số\"]\n",
    );
    site.end_front_matter(
        "content/tin-tuc/2026-10-01-so-hoa-ho-so.md",
        "[taxonomies]\nseries = [\"Sổ tay số\", \"Hồ sơ điện tử\"]\n",
    );
}

#[test]
fn a_declared_taxonomy_gets_an_index_lists_feeds_and_shows_on_posts() {
    let site = Site::fixture("basic");
    add_series(&site);
    site.append_config("[[taxonomies]]\nname = \"series\"\ntitle = \"Loạt bài\"\n");
    let r = site.build_ok(&[]);
    assert!(
        !r.stderr.contains("series"),
        "no warning about the key: {}",
        r.stderr
    );

    let index = site.read_out("tin-tuc/loat-bai/index.html");
    assert!(index.contains("<h1>Loạt bài</h1>"), "{index}");
    assert!(index.contains("<a href=\"../../tin-tuc/loat-bai/so-tay-so/\">Sổ tay số</a> <span class=\"meta\">(2)</span>"), "{index}");
    assert!(index.contains("<a href=\"../../tin-tuc/loat-bai/ho-so-dien-tu/\">Hồ sơ điện tử</a> <span class=\"meta\">(1)</span>"));

    let list = site.read_out("tin-tuc/loat-bai/so-tay-so/index.html");
    assert!(list.contains("<h1>Loạt bài: Sổ tay số</h1>"), "{list}");
    assert!(
        list.contains("tin-tuc/so-hoa-ho-so/") && list.contains("tin-tuc/dich-vu-cong-truc-tuyen/")
    );
    let other = site.read_out("tin-tuc/loat-bai/ho-so-dien-tu/index.html");
    assert!(!other.contains("tin-tuc/dich-vu-cong-truc-tuyen/"));

    let feed = site.read_out("tin-tuc/loat-bai/so-tay-so/atom.xml");
    assert_eq!(common::feed_entries(&feed), 2);

    let post = site.read_out("tin-tuc/so-hoa-ho-so/index.html");
    assert!(post.contains("<p class=\"categories\">Loạt bài: <a href=\"../../tin-tuc/loat-bai/ho-so-dien-tu/\">Hồ sơ điện tử</a>, <a href=\"../../tin-tuc/loat-bai/so-tay-so/\">Sổ tay số</a></p>") || post.contains("<p class=\"categories\">Loạt bài: <a href=\"../../tin-tuc/loat-bai/so-tay-so/\">Sổ tay số</a>, <a href=\"../../tin-tuc/loat-bai/ho-so-dien-tu/\">Hồ sơ điện tử</a></p>"), "{post}");
    let sitemap = site.read_out("sitemap.xml");
    assert!(
        sitemap.contains("tin-tuc/loat-bai/") && sitemap.contains("tin-tuc/loat-bai/so-tay-so/")
    );
}

#[test]
fn undeclared_the_key_is_a_theme_parameter_and_no_pages_are_made() {
    let site = Site::fixture("basic");
    add_series(&site);
    let r = site.build_ok(&[]);
    assert!(
        r.stderr.contains("“series”"),
        "one warning for the unknown key: {}",
        r.stderr
    );
    assert!(!site.out("tin-tuc/loat-bai").exists());
    assert!(!site.out("tin-tuc/series").exists());
}

#[test]
fn authors_can_be_a_taxonomy() {
    let site = Site::fixture("basic");
    site.add_front_matter(
        "content/tin-tuc/2026-09-03-dich-vu-cong-truc-tuyen.md",
        "authors = [\"Văn phòng UBND\"]\n",
    );
    site.append_config("[[taxonomies]]\nname = \"authors\"\ntitle = \"Tác giả\"\n");
    site.build_ok(&[]);
    let list = site.read_out("tin-tuc/tac-gia/van-phong-ubnd/index.html");
    assert!(list.contains("tin-tuc/dich-vu-cong-truc-tuyen/"), "{list}");
}

#[test]
fn a_bad_declaration_is_a_located_error() {
    let site = Site::fixture("basic");
    site.append_config("[[taxonomies]]\nname = \"series\"\npath = \"the\"\n");
    let r = site.build(&[]);
    assert_ne!(r.code, 0, "{}", r.stderr);
    r.assert_stderr_has(&["minhbach.toml:", "đường dẫn “the”"]);
}
