//! `check` names what `init` and `new post` left to fill in before it
//! reaches the public site: the unit "UBND xã …", an empty author (which
//! printed "· ·" under the title), the template's first paragraph.

mod common;

use common::Site;

#[test]
fn placeholders_from_init_and_new_post_are_warned_about_until_replaced() {
    let site = Site::empty();
    let dir = site.tmp().join("xa");
    let root = dir.to_str().unwrap();
    site.run(&["init", root]).assert_ok();
    let r = site.run(&[
        "new",
        "post",
        "Tập huấn kỹ năng số",
        "--root",
        root,
        "--date",
        "2026-11-20",
    ]);
    r.assert_ok();
    let post = std::path::PathBuf::from(r.stdout.trim());
    let text = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, text.replace("draft = true\n", "")).unwrap();

    let r = site.run(&["check", "--root", root, "--date", "2026-11-25"]);
    r.assert_ok();
    let post_rel = "content/tin-tuc/2026-11-20-tap-huan-ky-nang-so.md";
    for needle in [
        "cảnh báo: tên đơn vị vẫn là chỗ trống của mẫu (“UBND xã …”)",
        "--> minhbach.toml:4:1",
        "cảnh báo: tên tác giả để trống",
        &format!("--> {post_rel}:6:1"),
        "cảnh báo: bài còn câu mẫu “Viết đoạn mở đầu ở đây…” chưa được thay",
        &format!("--> {post_rel}:9:1"),
        "3 cảnh báo",
    ] {
        assert!(r.stderr.contains(needle), "{needle}\n{}", r.stderr);
    }
    // Built as it is, the byline has no empty author ("· ·").
    let out = site.tmp().join("ra");
    site.run(&[
        "build",
        "--root",
        root,
        "--date",
        "2026-11-25",
        "-o",
        out.to_str().unwrap(),
    ])
    .assert_ok();
    let html = std::fs::read_to_string(out.join("tin-tuc/tap-huan-ky-nang-so/index.html")).unwrap();
    let byline = html.lines().find(|l| l.contains("2026") && l.contains('·'));
    assert!(
        !html.contains("· ·") && !html.contains("·  ·") && !html.contains("· </"),
        "{byline:?}"
    );

    // Filled in: no warning left.
    let cfg = std::fs::read_to_string(dir.join("minhbach.toml")).unwrap();
    std::fs::write(
        dir.join("minhbach.toml"),
        cfg.replace("UBND xã …", "UBND xã Tân Phú"),
    )
    .unwrap();
    let text = std::fs::read_to_string(&post).unwrap();
    let text = text
        .replace("author = \"\"", "author = \"Văn phòng UBND xã\"")
        .replace(
            "Viết đoạn mở đầu ở đây.",
            "Sáng 20/11, xã tổ chức lớp tập huấn.",
        );
    std::fs::write(&post, text).unwrap();
    let r = site.run(&["check", "--root", root, "--date", "2026-11-25"]);
    r.assert_ok();
    r.assert_stderr_has(&["0 cảnh báo"]);
}
