//! Every output address is one Windows can hold and belongs to exactly one
//! owner: Windows device names (`con`, `aux`, `nul`, `prn`, `com1`–`com9`,
//! `lpt1`–`lpt9`, any case, any extension) are renamed the same way on every
//! OS (`con` → `con-`), and two owners of one path are a located error
//! naming both. Issue #11, items 2, 3 and 8.

mod common;

use std::path::Path;

use common::{LinkCheck, Site, assert_links_resolve, tree};

const BASE: &str = "https://thunghiem.example.gov.vn/chuyen-doi-so/";

/// Device names Windows refuses as a file or folder name, whatever the
/// extension (written out here, independent of the code under test).
fn windows_refuses(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap().trim_end().to_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit())
}

fn post(title: &str, extra: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ndate = 2026-08-05\n{extra}+++\nCon gà con vịt.\n")
}

#[test]
fn windows_device_names_are_renamed_in_every_address() {
    let s = Site::fixture("basic");
    s.write(
        "content/tin-tuc/2026-08-05-con.md",
        post("Con", "tags = [\"Con\", \"AUX\"]\n"),
    );
    s.write(
        "content/tin-tuc/2026-08-06-bai-khac.md",
        post(
            "Bài khác",
            "slug = \"nul\"\naliases = [\"prn/\", \"tin-cu/com1.html\"]\n",
        ),
    );
    s.write("content/lpt1/_index.md", "+++\ntitle = \"Mục LPT1\"\n+++\n");
    s.write(
        "content/lpt1/Com9.md",
        "+++\ntitle = \"Trang\"\n+++\n[về con](../tin-tuc/2026-08-05-con.md)\n",
    );
    s.write("static/con.txt", "tep tinh");
    s.build_ok(&[]);
    let public = s.root.join("public");
    let bad: Vec<String> = tree(&public)
        .into_keys()
        .filter(|k| k.split('/').any(windows_refuses))
        .collect();
    assert!(bad.is_empty(), "Windows cannot hold: {bad:?}");
    for f in [
        "tin-tuc/con-/index.html",
        "tin-tuc/the/con-/index.html",
        "tin-tuc/the/aux-/index.html",
        "tin-tuc/nul-/index.html",
        "prn-/index.html",
        "tin-cu/com1-.html",
        "lpt1-/index.html",
        "lpt1-/com9-/index.html",
        "con-.txt",
    ] {
        assert!(public.join(f).is_file(), "missing public/{f}");
    }
    // Links follow the renamed addresses.
    let page = common::read(&public.join("lpt1-/com9-/index.html"));
    assert!(page.contains("tin-tuc/con-/"), "{page}");
    assert_links_resolve(
        &public,
        &LinkCheck {
            base_url: BASE,
            portable: false,
        },
    );
}
/// Builds and returns the run; the build must fail with exit code 1.
fn build_fails(s: &Site) -> common::Run {
    let r = s.build(&[]);
    r.assert_code(1);
    r
}

fn assert_public_unchanged(s: &Site, before: &std::collections::BTreeMap<String, Vec<u8>>) {
    assert!(
        s.public_tree() == *before,
        "public/ changed after a failed build"
    );
}

#[test]
fn a_page_cannot_take_a_generated_section_address() {
    let s = Site::fixture("basic");
    s.build_ok(&[]);
    let before = s.public_tree();
    // `slug` names the search page: the error points at the slug line.
    s.write(
        "content/tim.md",
        "+++\ntitle = \"Tìm\"\ndate = 2026-08-07\nslug = \"tim-kiem\"\n+++\nx\n",
    );
    let r = build_fails(&s);
    r.assert_stderr_has(&["tim-kiem", "content/tim.md:4", "tìm kiếm"]);
    assert_public_unchanged(&s, &before);
    s.remove("content/tim.md");
    // The documented way to replace the search page still works, with a
    // warning that names both.
    s.write(
        "content/tim-kiem.md",
        "+++\ntitle = \"Tìm kiếm của tỉnh\"\n+++\nx\n",
    );
    s.build_ok(&[])
        .assert_stderr_has(&["cảnh báo", "content/tim-kiem.md:1", "trang tìm kiếm"]);
    s.remove("content/tim-kiem.md");
    s.build_ok(&[]);
    let before = s.public_tree();
    // A page whose file name is a generated section (news list).
    s.write("content/tin-tuc.md", "+++\ntitle = \"Tin\"\n+++\nx\n");
    let r = build_fails(&s);
    r.assert_stderr_has(&[
        "content/tin-tuc.md:1",
        "/tin-tuc/",
        "content/tin-tuc/_index.md",
    ]);
    assert_public_unchanged(&s, &before);
}

#[test]
fn a_page_cannot_take_a_data_page_address() {
    let s = Site::fixture("basic");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/du-lieu");
    if !data.is_dir() {
        panic!(
            "the example site's data folder is the fixture: {}",
            data.display()
        );
    }
    common::copy_dir(&data, &s.path("content/du-lieu"));
    s.build_ok(&[]);
    assert!(s.out("chi-tieu/index.html").is_file());
    let before = s.public_tree();
    s.write(
        "content/chi-tieu.md",
        "+++\ntitle = \"Chỉ tiêu của tôi\"\n+++\nx\n",
    );
    let r = build_fails(&s);
    r.assert_stderr_has(&["content/chi-tieu.md:1", "/chi-tieu/", "trang chỉ tiêu"]);
    assert_public_unchanged(&s, &before);
}

#[test]
fn aliases_cannot_overwrite_real_pages_or_generated_files() {
    let s = Site::fixture("basic");
    s.build_ok(&[]);
    let before = s.public_tree();
    for (alias, owner) in [
        ("index.html", "content/_index.md"),
        ("tin-tuc/", "content/tin-tuc/_index.md"),
        ("gioi-thieu/", "content/gioi-thieu.md"),
        ("sitemap.xml", "sitemap"),
        ("style.css", "style.css"),
    ] {
        s.write(
            "content/tin-tuc/2026-08-07-bi-danh.md",
            format!(
                "+++\ntitle = \"Bí danh\"\ndate = 2026-08-07\naliases = [\n  \"tin-cu/a/\",\n  \"{alias}\",\n]\n+++\nx\n"
            ),
        );
        let r = build_fails(&s);
        r.assert_stderr_has(&["content/tin-tuc/2026-08-07-bi-danh.md:6", owner, "aliases"]);
        assert!(!r.stderr.contains("os error"), "{}", r.stderr);
        assert_public_unchanged(&s, &before);
    }
}

/// The search index is made while the pages render (decision 0044); a
/// file of the site where the index lives must still be dealt with as
/// before: one at an index file's own path replaces it (as any static file
/// replaces a generated one), one that clashes with it is an error found
/// before anything is written, and `public/` stays as it was.
#[test]
fn static_files_where_the_search_index_lives_replace_or_clash_as_before() {
    let s = Site::fixture("basic");
    s.build_ok(&[]);
    assert!(
        s.read_out("tim-kiem/chi-muc/words.js")
            .starts_with("minhbachSearch(")
    );
    s.write("static/tim-kiem/chi-muc/words.js", "tep cua trang");
    s.build_ok(&[]);
    assert_eq!(s.read_out("tim-kiem/chi-muc/words.js"), "tep cua trang");
    s.remove("static/tim-kiem/chi-muc/words.js");
    s.build_ok(&[]);
    let before = s.public_tree();
    for (file, said) in [
        (
            "static/Tim-Kiem/Chi-Muc/words.js",
            ["Tim-Kiem/Chi-Muc/words.js", "tim-kiem/chi-muc/words.js"],
        ),
        (
            "static/tim-kiem/chi-muc/d",
            ["tim-kiem/chi-muc/d", "/tim-kiem/chi-muc/d/0.js"],
        ),
    ] {
        s.write(file, "tep cua trang");
        let r = build_fails(&s);
        r.assert_stderr_has(&said);
        assert_public_unchanged(&s, &before);
        s.remove(file);
    }
    s.build_ok(&[]);
}
