//! The command line itself: exit codes, `new post`, `init`.

mod common;

use common::{LinkCheck, Site, assert_links_resolve, run_in};

#[test]
fn usage_errors_exit_with_2() {
    let site = Site::fixture("basic");
    let root = site.root.to_str().unwrap();
    site.run(&["build", "--root", root, "--khong-co"])
        .assert_code(2)
        .assert_stderr_has(&["lệnh này không có tuỳ chọn “--khong-co”"]);
    site.run(&["build", "--root", root, "--date", "2026-13-45"])
        .assert_code(2)
        .assert_stderr_has(&["“2026-13-45” không phải ngày dạng YYYY-MM-DD (ví dụ 2026-11-25)"]);
    site.run(&["check", "--root", root, "--date", "25/11/2026"])
        .assert_code(2)
        .assert_stderr_has(&["“25/11/2026” không phải ngày dạng YYYY-MM-DD"]);
    site.run(&["xay-dung"]).assert_code(2);
    site.run(&[]).assert_code(2);
    assert!(!site.out("").exists(), "a usage error builds nothing");
}

#[test]
fn help_and_version_exit_with_0() {
    let site = Site::empty();
    let r = site.run(&["--version"]);
    r.assert_ok();
    assert!(
        r.stdout
            .starts_with(&format!("minhbach {} (", env!("CARGO_PKG_VERSION"))),
        "{}",
        r.stdout
    );
    let r = site.run(&["build", "--help"]);
    r.assert_ok();
    r.assert_stdout_has(&["--base-url"]);
}

#[test]
fn content_errors_exit_with_1_and_success_with_0() {
    let site = Site::fixture("basic");
    site.build(&[]).assert_code(0);
    site.write("content/x.md", "+++\ntitle = 1\n");
    site.build(&[]).assert_code(1);
}

#[test]
fn new_post_creates_a_dated_draft_and_never_overwrites() {
    let site = Site::fixture("basic");
    let root = site.root.to_str().unwrap();
    let args = [
        "new",
        "post",
        "Tiêu đề có dấu",
        "--root",
        root,
        "--date",
        "2026-11-25",
    ];
    let r = site.run(&args);
    r.assert_ok();
    let path = site.path("content/tin-tuc/2026-11-25-tieu-de-co-dau.md");
    assert_eq!(r.stdout, format!("{}\n", path.display()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("+++\ntitle = \"Tiêu đề có dấu\"\ndate = 2026-11-25\n"),
        "{text}"
    );
    assert!(text.contains("\ndraft = true\n"));
    // The new draft builds cleanly, and only with --drafts.
    site.build_ok(&[]);
    assert!(!site.out("tin-tuc/tieu-de-co-dau").exists());
    site.build_ok(&["--drafts"]);
    assert!(
        site.read_out("tin-tuc/tieu-de-co-dau/index.html")
            .contains("<h1>Tiêu đề có dấu</h1>")
    );
    // A second time: refused, file untouched.
    std::fs::write(&path, "đã sửa").unwrap();
    let r = site.run(&args);
    r.assert_code(1).assert_stderr_has(&[&format!(
        "lỗi: tệp {} đã có; minhbach không ghi đè. Hãy đặt tiêu đề khác hoặc sửa tệp đó.",
        path.display()
    )]);
    assert!(r.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "đã sửa");
}

#[test]
fn new_post_escapes_quotes_in_the_title() {
    let site = Site::fixture("basic");
    let root = site.root.to_str().unwrap();
    site.run(&[
        "new",
        "post",
        "Phát động \"Bình dân học vụ số\"",
        "--root",
        root,
        "--date",
        "2026-11-25",
    ])
    .assert_ok();
    site.build_ok(&["--drafts"]);
    let html = site.read_out("tin-tuc/phat-dong-binh-dan-hoc-vu-so/index.html");
    assert!(
        html.contains("<h1>Phát động &quot;Bình dân học vụ số&quot;</h1>"),
        "{html}"
    );
}

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let site = Site::empty();
    let dir = site.root.to_str().unwrap();
    let r = site.run(&["init", dir]);
    r.assert_ok()
        .assert_stderr_has(&[&format!("Đã tạo trang mới trong {dir}.")]);
    assert!(site.path("minhbach.toml").is_file());
    assert!(site.path("content/_index.md").is_file());
    assert!(site.path("themes/default/templates/base.html").is_file());
    let ignored = std::fs::read_to_string(site.path(".gitignore")).unwrap();
    assert!(
        ignored.contains("/public/\n") && ignored.contains("/.minhbach-cache/\n"),
        "{ignored}"
    );
    // The one thing left to fill in is named: the unit in the header.
    let r = site.build_ok(&[]);
    assert_eq!(r.stderr.matches("cảnh báo:").count(), 1, "{}", r.stderr);
    r.assert_stderr_has(&["tên đơn vị vẫn là chỗ trống"]);
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write("minhbach.toml", cfg.replace("UBND xã …", "UBND xã Tân Phú"));
    let r = site.build_ok(&[]);
    assert!(!r.stderr.contains("cảnh báo"), "{}", r.stderr);
    assert!(
        site.read_out("index.html")
            .contains("Chào mừng đến chuyên mục Chuyển đổi số.")
    );
    // Run from inside the folder, as the printed hint says.
    run_in(&site.root, &["check", "--date", "2026-11-25"]).assert_ok();
}

#[test]

fn init_site_has_no_broken_links() {
    let site = Site::empty();
    site.run(&["init", site.root.to_str().unwrap()]).assert_ok();
    site.build_ok(&[]);
    assert_links_resolve(
        &site.root.join("public"),
        &LinkCheck {
            base_url: "http://localhost:1111/",
            portable: false,
        },
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::empty();
    std::fs::create_dir_all(&site.root).unwrap();
    std::fs::write(site.path("ghi-chu.txt"), "của tôi").unwrap();
    let dir = site.root.to_str().unwrap();
    site.run(&["init", dir])
        .assert_code(1)
        .assert_stderr_has(&[&format!(
            "lỗi: thư mục {dir} đã có tệp; minhbach init chỉ tạo trang trong thư mục trống"
        )]);
    assert!(!site.path("minhbach.toml").exists());
    assert_eq!(
        std::fs::read_to_string(site.path("ghi-chu.txt")).unwrap(),
        "của tôi"
    );
    // An existing empty folder is fine.
    let empty = site.tmp().join("trong");
    std::fs::create_dir(&empty).unwrap();
    site.run(&["init", empty.to_str().unwrap()]).assert_ok();
}
