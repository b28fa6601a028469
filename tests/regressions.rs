//! Behaviour fixed after review: partial UI-string overrides, links to
//! posts that are not yet published, dates taken from bundle folder names.

mod common;

use common::Site;

#[test]
fn a_partial_vi_toml_overrides_only_its_keys() {
    let site = Site::fixture("basic");
    site.write("i18n/vi.toml", "latest_news = \"Tin nổi bật\"\n");
    site.build_ok(&[]);
    let home = site.read_out("index.html");
    assert!(home.contains("Tin nổi bật"), "{home}");
    assert!(
        home.contains("Chuyển đến nội dung chính"),
        "other strings still come from the theme"
    );
}

#[test]
fn a_link_to_a_scheduled_post_points_at_its_future_url() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/2026-11-20-lien-ket.md",
        "+++\ntitle = \"Liên kết\"\ndate = 2026-11-20\n+++\n\nXem [bài sắp đăng](2026-12-20-sap-dang.md).\n",
    );
    site.write(
        "content/tin-tuc/2026-12-20-sap-dang.md",
        "+++\ntitle = \"Sắp đăng\"\ndate = 2026-12-20\n+++\n\nNội dung.\n",
    );
    let run = site.build_ok(&[]);
    run.assert_stderr_has(&[
        "cảnh báo: liên kết “2026-12-20-sap-dang.md” trỏ tới bài chưa xuất bản",
    ]);
    let page = site.read_out("tin-tuc/lien-ket/index.html");
    assert!(page.contains("href=\"../../tin-tuc/sap-dang/\""), "{page}");
    assert!(
        !page.contains(".md\""),
        "no source path leaks into the output"
    );
}

#[test]
fn a_bundle_takes_its_date_from_the_folder_name() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/2026-07-01-bo-anh/index.md",
        "+++\ntitle = \"Bộ ảnh\"\n+++\n\nẢnh.\n",
    );
    site.build_ok(&[]);
    let page = site.read_out("tin-tuc/bo-anh/index.html");
    assert!(page.contains("01/07/2026"), "{page}");
}
