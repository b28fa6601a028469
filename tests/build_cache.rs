//! The build cache (`.minhbach-cache/`, decision 0037): a build whose
//! inputs did not change since the last build into the same output folder,
//! and whose output folder still holds exactly what that build wrote,
//! leaves the folder untouched; any change to any input, option or the
//! output folder itself gives exactly a clean build's bytes; a broken cache
//! is a real build, never a crash.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Site, TODAY, assert_same_tree, tree};

const UNCHANGED: &str = "Không có gì thay đổi từ lần dựng trước";
const BUILT: &str = "Đã dựng";

/// Identity and time stamps of every file under `dir`: equal before and
/// after means nothing was rewritten, replaced or touched.
fn stamps(dir: &Path) -> BTreeMap<String, (u64, std::time::SystemTime)> {
    tree(dir)
        .into_keys()
        .map(|rel| {
            let m = std::fs::metadata(dir.join(&rel)).unwrap();
            #[cfg(unix)]
            let id = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let id = m.len();
            (rel, (id, m.modified().unwrap()))
        })
        .collect()
}

/// `minhbach build --root <site> <args…>` (no date added).
fn build_with(site: &Site, args: &[&str]) -> common::Run {
    let mut all = vec!["build", "--root", site.root.to_str().unwrap()];
    all.extend_from_slice(args);
    site.run(&all)
}

/// Builds `site` into `public/` with `args`, then a clean build of the same
/// inputs into a fresh folder; the two trees must be equal. Returns the
/// first build's stderr.
#[track_caller]
fn build_equals_clean(site: &Site, args: &[&str], n: usize) -> String {
    let run = build_with(site, args);
    run.assert_ok();
    let clean_dir = site.tmp().join(format!("sach-{n}"));
    let mut clean_args = args.to_vec();
    let clean_out = clean_dir.to_str().unwrap();
    clean_args.extend(["--output", clean_out]);
    build_with(site, &clean_args)
        .assert_ok()
        .assert_stderr_has(&[BUILT]);
    assert_same_tree(&site.public_tree(), &tree(&clean_dir));
    run.stderr
}

#[test]
fn an_unchanged_site_is_not_rebuilt_and_its_output_not_touched() {
    let site = Site::fixture("data-demo");
    let first = site.build_ok(&[]);
    first.assert_stderr_has(&[BUILT]);
    let before = stamps(&site.root.join("public"));
    let again = site.build_ok(&[]);
    again.assert_stderr_has(&[UNCHANGED, "minhbach build --sach"]);
    assert!(!again.stderr.contains(BUILT), "{}", again.stderr);
    assert_eq!(
        stamps(&site.root.join("public")),
        before,
        "nothing rewritten"
    );
    // The warnings of the build are said again.
    let warnings = |s: &str| s.lines().filter(|l| l.starts_with("cảnh báo")).count();
    assert_eq!(
        warnings(&again.stderr),
        warnings(&first.stderr),
        "{}",
        again.stderr
    );
    assert!(site.path(".minhbach-cache/DOC-TOI.txt").is_file());
}

#[test]
fn every_input_and_option_change_gives_the_clean_build() {
    let site = Site::fixture("data-demo");
    site.build_ok(&[]);
    let post = "content/tin-tuc/2026-10-28-kiem-diem-tien-do-quy-iii-2026.md";
    let next_day = "2026-11-26";
    type Change = (&'static str, Box<dyn Fn(&Site)>, Vec<&'static str>);
    let changes: Vec<Change> = vec![
        (
            "one post",
            Box::new(move |s: &Site| s.edit(post, |t| t.replace("12 trên 17", "13 trên 17"))),
            vec![],
        ),
        (
            "one data cell",
            Box::new(|s: &Site| {
                s.edit("content/du-lieu/chi-tieu.csv", |t| {
                    t.replacen("hạng,xếp hạng,5,", "hạng,xếp hạng,4,", 1)
                })
            }),
            vec![],
        ),
        (
            "a template override",
            Box::new(|s: &Site| {
                let base = std::fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("themes/default/templates/base.html"),
                )
                .unwrap();
                s.write(
                    "templates/base.html",
                    base.replace("</body>", "<!-- sửa -->\n</body>"),
                );
            }),
            vec![],
        ),
        (
            "a static file",
            Box::new(|s: &Site| s.write("static/robots.txt", "User-agent: *\nDisallow:\n")),
            vec![],
        ),
        (
            "a UI string",
            Box::new(|s: &Site| s.write("i18n/vi.toml", "feed = \"Theo dõi tin mới\"\n")),
            vec![],
        ),
        (
            "the configuration",
            Box::new(|s: &Site| {
                s.edit("minhbach.toml", |t| {
                    t.replacen("title = \"", "title = \"Trang ", 1)
                })
            }),
            vec![],
        ),
        // Options add up: each build differs from the one before in one
        // thing only.
        ("drafts", Box::new(|_: &Site| {}), vec!["--drafts"]),
        (
            "the base URL",
            Box::new(|_: &Site| {}),
            vec!["--base-url", "https://khac.example.gov.vn/"],
        ),
        (
            "the date",
            Box::new(|_: &Site| {}),
            vec!["--date", next_day],
        ),
    ];
    let mut options: Vec<&str> = Vec::new();
    for (n, (what, change, args)) in changes.iter().enumerate() {
        change(&site);
        options.extend(args.iter().copied());
        let mut full = options.clone();
        if !full.contains(&"--date") {
            full.extend(["--date", TODAY]);
        }
        let stderr = build_equals_clean(&site, &full, n);
        assert!(!stderr.contains(UNCHANGED), "{what}: {stderr}");
        assert!(stderr.contains(BUILT), "{what}: {stderr}");
        // Nothing changed since: the next build is skipped.
        build_with(&site, &full)
            .assert_ok()
            .assert_stderr_has(&[UNCHANGED]);
    }
}

#[test]
fn an_edited_output_folder_is_rebuilt() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let clean = site.public_tree();
    // Same size, other bytes.
    let index = site.out("index.html");
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(&index, text.replacen("<html", "<htmm", 1)).unwrap();
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    assert_same_tree(&site.public_tree(), &clean);
    // A file added, a file removed.
    std::fs::write(site.out("them.html"), "x").unwrap();
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    assert_same_tree(&site.public_tree(), &clean);
    std::fs::remove_file(site.out("robots.txt")).unwrap();
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    assert_same_tree(&site.public_tree(), &clean);
    // The whole folder removed.
    std::fs::remove_dir_all(site.root.join("public")).unwrap();
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    assert_same_tree(&site.public_tree(), &clean);
    site.build_ok(&[]).assert_stderr_has(&[UNCHANGED]);
}

#[test]
fn a_broken_cache_means_a_real_build_never_a_crash() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let clean = site.public_tree();
    let entry = || {
        std::fs::read_dir(site.path(".minhbach-cache"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
            .expect("an entry")
    };
    let original = std::fs::read(entry()).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();
    let broken: Vec<Vec<u8>> = vec![
        Vec::new(),
        original[..original.len() / 2].to_vec(),
        b"\xff\xfe\x00garbage".to_vec(),
        text.replace("\"format\":1", "\"format\":99").into_bytes(),
        text.replace("\"key\":\"", "\"key\":\"0").into_bytes(),
        "[1,2,3]".into(),
    ];
    for bytes in broken {
        std::fs::write(entry(), &bytes).unwrap();
        let run = site.build_ok(&[]);
        run.assert_stderr_has(&[BUILT]);
        assert_same_tree(&site.public_tree(), &clean);
    }
    // The cache folder is a file: the build works, it just cannot cache.
    std::fs::remove_dir_all(site.path(".minhbach-cache")).unwrap();
    site.write(".minhbach-cache", "không phải thư mục");
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    assert_same_tree(&site.public_tree(), &clean);
}

#[test]
fn sach_builds_from_scratch() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    site.build_ok(&[]).assert_stderr_has(&[UNCHANGED]);
    site.build_ok(&["--sach"]).assert_stderr_has(&[BUILT]);
    site.build_ok(&["--no-cache"]).assert_stderr_has(&[BUILT]);
    site.build_ok(&[]).assert_stderr_has(&[UNCHANGED]);
}

#[test]
fn a_failed_build_is_not_recorded() {
    let site = Site::fixture("basic");
    site.build_ok(&[]);
    let good = site.public_tree();
    let post = "content/tin-tuc/2026-11-19-nop-thue-dien-tu.md";
    let text = std::fs::read_to_string(site.path(post)).unwrap();
    site.write(post, text.replacen("+++", "+++\ntitle = [", 1));
    site.build(&[]).assert_code(1);
    assert_same_tree(&site.public_tree(), &good);
    site.write(post, &text);
    // Back as it was: the old output is still the right one.
    site.build_ok(&[]).assert_stderr_has(&[UNCHANGED]);
    assert_same_tree(&site.public_tree(), &good);
}

#[test]
fn a_data_folder_outside_the_hashed_folders_is_never_skipped() {
    // `[data] dir = "../…"` reads files the key does not hash: a change
    // there must still reach the pages, never "nothing changed".
    let site = Site::fixture("data-demo");
    std::fs::rename(site.path("content/du-lieu"), site.path("du-lieu-chung")).unwrap();
    site.append_config("\n[data]\ndir = \"../du-lieu-chung\"\n");
    site.build_ok(&[]).assert_stderr_has(&[BUILT]);
    site.edit("du-lieu-chung/chi-tieu.csv", |t| {
        t.replacen("hạng,xếp hạng,5,", "hạng,xếp hạng,4,", 1)
    });
    let again = build_equals_clean(&site, &["--date", TODAY], 1);
    assert!(!again.contains(UNCHANGED), "{again}");
}
