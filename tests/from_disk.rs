//! Opening the built site from disk (double-click on `index.html`, a USB
//! stick): `build` says how only when it works. With `portable = true`
//! every internal link of the home page names a file that exists.

mod common;

use common::Site;

#[test]
fn portable_build_says_open_from_disk_and_its_links_are_files() {
    let site = Site::fixture("basic");
    let cfg = std::fs::read_to_string(site.path("minhbach.toml")).unwrap();
    site.write("minhbach.toml", format!("portable = true\n{cfg}"));
    let r = site.build_ok(&[]);
    r.assert_stderr_has(&["Mở trang (mở thẳng từ ổ đĩa được): "]);
    let shown = r
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("Mở trang (mở thẳng từ ổ đĩa được): "))
        .unwrap();
    assert!(std::path::Path::new(shown).is_file(), "{shown}");
    assert!(!shown.starts_with(r"\\?\"), "{shown}");

    let html = site.read_out("index.html");
    let hrefs: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| !h.contains("://") && !h.starts_with('#') && !h.starts_with("mailto:"))
        .collect();
    assert!(hrefs.len() > 5, "{hrefs:?}");
    for h in hrefs {
        let path = h.split(['#', '?']).next().unwrap();
        let target = site.out("").join(path);
        assert!(target.is_file(), "link “{h}” is not a file from disk");
    }
}
