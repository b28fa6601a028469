//! The "one bad post" policy (decision 0013): by default any error stops
//! the build and nothing is written; with `build --bo-qua-bai-loi` a page
//! whose errors are its own is held back (with the pages linking to it),
//! the rest is published, the pages held back are listed and the exit code
//! is 3; errors that are not one page's still stop everything.

mod common;

use common::{LinkCheck, Site, assert_links_resolve};

const BAD: &str =
    "+++\ntitle = \"Bài lỗi\"\ndate = 2026-11-20\n+++\n\nẢnh: ![sơ đồ](khong-co.png)\n";
const LINKS_TO_BAD: &str = "+++\ntitle = \"Bài dẫn tới bài lỗi\"\ndate = 2026-11-21\n+++\n\nXem [bài lỗi](2026-11-20-bai-loi.md).\n";

fn site_with_bad_posts() -> Site {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    site.write("content/tin-tuc/2026-11-20-bai-loi.md", BAD);
    site.write("content/tin-tuc/2026-11-21-dan-toi.md", LINKS_TO_BAD);
    site
}

#[test]
fn by_default_one_bad_post_stops_the_build_and_says_how_to_go_on() {
    let site = site_with_bad_posts();
    let before = site.public_tree();
    site.build(&[]).assert_code(1).assert_stderr_has(&[
        "liên kết hỏng: không tìm thấy “khong-co.png”",
        "Thư mục đầu ra cũ được giữ nguyên",
        "Mọi lỗi đều nằm trong 1 bài",
        "minhbach build --bo-qua-bai-loi",
    ]);
    assert_eq!(site.public_tree(), before);
}

#[test]
fn skipping_bad_posts_publishes_the_rest_and_lists_them_loudly() {
    let site = site_with_bad_posts();
    let run = site.build(&["--bo-qua-bai-loi"]);
    run.assert_code(3).assert_stderr_has(&[
        "liên kết hỏng: không tìm thấy “khong-co.png”",
        "trỏ tới bài bị giữ lại vì có lỗi",
        "ĐÃ GIỮ LẠI 2 BÀI CÓ LỖI — KHÔNG ĐƯỢC ĐĂNG",
        "  - content/tin-tuc/2026-11-20-bai-loi.md",
        "  - content/tin-tuc/2026-11-21-dan-toi.md",
    ]);
    assert!(!site.out("tin-tuc/bai-loi").exists());
    assert!(!site.out("tin-tuc/dan-toi").exists());
    assert!(site.out("tin-tuc/ban-do-so/index.html").is_file());
    let list = site.read_out("tin-tuc/index.html");
    assert!(
        !list.contains("Bài lỗi") && !list.contains("Bài dẫn tới"),
        "{list}"
    );
    // No published page links to a page that was held back.
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: "https://thunghiem.example.gov.vn/chuyen-doi-so/",
            portable: false,
        },
    );
}

#[test]
fn errors_outside_a_post_still_stop_everything() {
    let site = site_with_bad_posts();
    let before = site.public_tree();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"Trang chủ\"\n+++\n\n[hỏng](khong-co.md)\n",
    );
    site.build(&["--bo-qua-bai-loi"])
        .assert_code(1)
        .assert_stderr_has(&["content/_index.md", "Thư mục đầu ra cũ được giữ nguyên"]);
    assert_eq!(site.public_tree(), before);
}
