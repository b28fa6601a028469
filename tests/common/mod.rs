//! Shared harness for the end-to-end tests, in the style of mdBook's:
//! copy a fixture site into a temporary folder, run the real `minhbach`
//! binary on it, then inspect exit code, stderr and the files it wrote.
//!
//! Every test file does `mod common;` (a folder crate:
//! `#[path = "../common/mod.rs"] mod common;`) and uses only what it needs,
//! so the helpers are allowed to be unused in some of them. Here: the site
//! copy, the runs of the binary and the output tree; `pages` reads pages and
//! feeds as text or XML; `links` resolves and checks every link of a build.
#![allow(dead_code)]

mod links;
mod pages;

// Re-exported so every test names them `common::…`; a test uses some.
#[allow(unused_imports)]
pub use links::{
    LinkCheck, Target, assert_links_resolve, has_scheme, links_in, percent_decode, resolve_link,
};
#[allow(unused_imports)]
pub use pages::{
    assert_has, child_texts, feed_entries, html_unescape, numbered_communes_in_chart, parse_xml,
    plain_text,
};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The "today" every build uses unless a test says otherwise.
pub const TODAY: &str = "2026-11-25";

/// The `minhbach` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_minhbach");

/// `tests/fixtures/<name>`.
pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A site copied into a temporary folder; deleted when dropped (a `kept`
/// one stays, for the next run to empty).
pub struct Site {
    _tmp: Option<tempfile::TempDir>,
    /// The site root (holds `minhbach.toml`).
    pub root: PathBuf,
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the whole output unless the exit code is `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit code {code}, got {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        self.assert_code(0)
    }

    /// Panics unless stderr contains every one of `needles`.
    #[track_caller]
    pub fn assert_stderr_has(&self, needles: &[&str]) -> &Self {
        for n in needles {
            assert!(
                self.stderr.contains(n),
                "stderr lacks {n:?}\n--- stderr\n{}",
                self.stderr
            );
        }
        self
    }

    /// Panics unless stdout contains every one of `needles`.
    #[track_caller]
    pub fn assert_stdout_has(&self, needles: &[&str]) -> &Self {
        assert_has(&self.stdout, needles);
        self
    }
}

impl Site {
    /// Copies `tests/fixtures/<name>` into a fresh temporary folder.
    pub fn fixture(name: &str) -> Site {
        let src = fixture_dir(name);
        assert!(src.is_dir(), "no fixture {}", src.display());
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("site");
        copy_dir(&src, &root);
        Site {
            _tmp: Some(tmp),
            root,
        }
    }

    /// An empty temporary folder (for `init`).
    pub fn empty() -> Site {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("site");
        Site {
            _tmp: Some(tmp),
            root,
        }
    }

    /// An empty folder `<target>/tmp/<name>/site`, emptied first and kept
    /// afterwards: for a site built once and shared by the tests of one
    /// binary through a `static` (which is never dropped, so a temporary
    /// folder would be left behind on every run).
    pub fn kept(name: &str) -> Site {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Site {
            _tmp: None,
            root: dir.join("site"),
        }
    }

    /// The folder that holds the site (for `--output` elsewhere).
    pub fn tmp(&self) -> &Path {
        match &self._tmp {
            Some(t) => t.path(),
            None => self.root.parent().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// `public/<rel>`.
    pub fn out(&self, rel: &str) -> PathBuf {
        self.root.join("public").join(rel)
    }

    /// The bytes of whole pages written under `public/`: each `(rel, needle)`
    /// must exist, contain `needle` and end the document. The memory tests
    /// weigh what the pages they grow add against this.
    #[track_caller]
    pub fn pages_weight(&self, pages: impl IntoIterator<Item = (String, String)>) -> u64 {
        pages
            .into_iter()
            .map(|(rel, needle)| {
                let text = std::fs::read_to_string(self.out(&rel)).expect("page written");
                assert!(
                    text.contains(&needle) && text.ends_with("</html>\n"),
                    "{rel}"
                );
                text.len() as u64
            })
            .sum()
    }

    /// Reads `public/<rel>` as a string; panics with a listing when missing.
    #[track_caller]
    pub fn read_out(&self, rel: &str) -> String {
        read(&self.out(rel))
    }

    /// Writes a file under the site root (creating folders).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }

    /// Rewrites a file under the site root with `f` of its text.
    pub fn edit(&self, rel: &str, f: impl FnOnce(&str) -> String) {
        let text = read(&self.path(rel));
        self.write(rel, f(&text));
    }

    /// Adds `lines` at the top of a page's TOML front matter.
    pub fn add_front_matter(&self, rel: &str, lines: &str) {
        self.edit(rel, |s| s.replacen("+++\n", &format!("+++\n{lines}"), 1));
    }

    /// Adds `lines` at the end of a page's TOML front matter (where a table
    /// such as Zola's `[taxonomies]` must go).
    pub fn end_front_matter(&self, rel: &str, lines: &str) {
        self.edit(rel, |s| {
            let end = s[3..].find("+++").unwrap() + 3;
            format!("{}{lines}{}", &s[..end], &s[end..])
        });
    }

    /// Adds `text` at the end of `minhbach.toml`.
    pub fn append_config(&self, text: &str) {
        self.edit("minhbach.toml", |s| format!("{s}\n{text}"));
    }

    /// Replaces the data set's targets and results with `n` generated
    /// targets (`CT-0000`…), each with one result per year of `years`: the
    /// province-size data the memory tests scale.
    pub fn write_targets(&self, n: usize, years: std::ops::Range<usize>) {
        let mut targets =
            String::from("Mã,Trụ cột,Chỉ tiêu,Đơn vị tính,So sánh,Mục tiêu,Giá trị gốc,Thời hạn\n");
        let mut results = String::from("Mã chỉ tiêu,Kỳ,Giá trị,Nguồn\n");
        for i in 0..n {
            targets.push_str(&format!(
                "CT-{i:04},Chính quyền số,Tỷ lệ hồ sơ trực tuyến toàn trình số {i},%,tối thiểu,90,20,2027\n"
            ));
            for year in years.clone() {
                results.push_str(&format!(
                    "CT-{i:04},{year},\"{},5\",Báo cáo năm\n",
                    20 + (i + year) % 70
                ));
            }
        }
        self.write("content/du-lieu/chi-tieu.csv", targets);
        self.write("content/du-lieu/ket-qua.csv", results);
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root.join(rel)).unwrap();
    }

    /// Runs `minhbach <args…>` (nothing added).
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.tmp(), args)
    }

    /// `minhbach import <site> --vao <dest> --date 2026-11-25`.
    pub fn import_to(&self, dest: &Path) -> Run {
        let (src, dest) = (self.root.to_str().unwrap(), dest.to_str().unwrap());
        self.run(&["import", src, "--vao", dest, "--date", TODAY])
    }

    /// `minhbach new post --tu <file> --root <site> --date 2026-11-25 <extra…>`.
    pub fn new_post_from(&self, file: impl AsRef<Path>, extra: &[&str]) -> Run {
        let file = file.as_ref().to_str().unwrap();
        let root = self.root.to_str().unwrap();
        let mut args = vec!["new", "post", "--tu", file, "--root", root, "--date", TODAY];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// `minhbach serve --root <site> <extra…>`, for a server that must fail
    /// to start (it returns when the process ends).
    pub fn serve_fails(&self, extra: &[&str]) -> Run {
        let mut args = vec!["serve", "--root", self.root.to_str().unwrap()];
        args.extend_from_slice(extra);
        let r = self.run(&args);
        assert_ne!(r.code, 0, "{r:?}");
        r
    }

    /// `minhbach build --root <site> --date 2026-11-25 <extra…>`.
    pub fn build(&self, extra: &[&str]) -> Run {
        let root = self.root.to_str().unwrap();
        let mut args = vec!["build", "--root", root, "--date", TODAY];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// `minhbach check --root <site> --date 2026-11-25 <extra…>`.
    pub fn check(&self, extra: &[&str]) -> Run {
        let root = self.root.to_str().unwrap();
        let mut args = vec!["check", "--root", root, "--date", TODAY];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Builds and panics unless it succeeded.
    #[track_caller]
    pub fn build_ok(&self, extra: &[&str]) -> Run {
        let r = self.build(extra);
        r.assert_ok();
        r
    }

    /// Every file under `public/` with its bytes.
    pub fn public_tree(&self) -> BTreeMap<String, Vec<u8>> {
        tree(&self.root.join("public"))
    }
}

/// Runs the binary with `cwd` as working directory, never on a terminal.
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run minhbach");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

#[track_caller]
pub fn read(path: &Path) -> String {
    match std::fs::read(path) {
        Ok(b) => String::from_utf8(b).expect("output is UTF-8"),
        Err(e) => {
            let parent = path.ancestors().find(|p| p.is_dir());
            panic!(
                "cannot read {}: {e}\nexisting files under {:?}:\n{}",
                path.display(),
                parent,
                parent
                    .map(|p| tree(p).into_keys().collect::<Vec<_>>().join("\n"))
                    .unwrap_or_default()
            )
        }
    }
}

/// Relative path (with `/`) → bytes, for every file under `dir`.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy();
                out.insert(rel.replace('\\', "/"), std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A short fingerprint of a tree (FNV-1a over paths and bytes), for messages.
pub fn tree_hash(t: &BTreeMap<String, Vec<u8>>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (k, v) in t {
        for b in k.bytes().chain([0]).chain(v.iter().copied()).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Panics, naming the first differing files, unless both trees are equal.
#[track_caller]
pub fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    if a == b {
        return;
    }
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let changed: Vec<_> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    panic!(
        "trees differ (hash {:x} vs {:x})\nonly in first: {only_a:?}\nonly in second: {only_b:?}\nchanged: {changed:?}",
        tree_hash(a),
        tree_hash(b)
    );
}
