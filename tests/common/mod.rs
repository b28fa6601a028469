//! Shared harness for the end-to-end tests, in the style of mdBook's:
//! copy a fixture site into a temporary folder, run the real `minhbach`
//! binary on it, then inspect exit code, stderr and the files it wrote.
//!
//! Every test file does `mod common;` and uses only what it needs, so the
//! helpers are allowed to be unused in some of them.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;

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

/// A site copied into a temporary folder; deleted when dropped.
pub struct Site {
    _tmp: tempfile::TempDir,
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
        Site { _tmp: tmp, root }
    }

    /// An empty temporary folder (for `init`).
    pub fn empty() -> Site {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("site");
        Site { _tmp: tmp, root }
    }

    /// The temporary folder that holds the site (for `--output` elsewhere).
    pub fn tmp(&self) -> &Path {
        self._tmp.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// `public/<rel>`.
    pub fn out(&self, rel: &str) -> PathBuf {
        self.root.join("public").join(rel)
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

/// Decodes the entities tera and pulldown-cmark write inside attributes.
pub fn html_unescape(s: &str) -> String {
    let re = Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").unwrap();
    re.replace_all(s, |c: &regex::Captures<'_>| {
        let e = &c[1];
        let ch = if let Some(h) = e.strip_prefix("#x") {
            char::from_u32(u32::from_str_radix(h, 16).unwrap())
        } else if let Some(d) = e.strip_prefix('#') {
            char::from_u32(d.parse().unwrap())
        } else {
            Some(match e {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                _ => '\'',
            })
        };
        ch.map(String::from).unwrap_or_default()
    })
    .into_owned()
}

/// Panics, showing `text`, unless it contains every one of `needles`.
#[track_caller]
pub fn assert_has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "lacks {n:?} in:\n{text}");
    }
}

/// A page as a reader sees it: tags dropped (each leaves a space), white
/// space collapsed. Entities are left as they are.
pub fn plain_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The distinct commune names "Xã Số NNN" drawn in the chart (up to its
/// `</svg>`) that follows the first `title` on a page: generated sites of
/// many communes name them so.
pub fn numbered_communes_in_chart<'a>(html: &'a str, title: &str) -> BTreeSet<&'a str> {
    let chart = &html[html.find(title).unwrap_or_else(|| panic!("no {title:?}"))..];
    let chart = &chart[..chart.find("</svg>").expect("chart end")];
    chart
        .match_indices("Xã Số ")
        .map(|(i, _)| &chart[i..i + "Xã Số 000".len()])
        .collect()
}

/// Every `href`/`src` value in an HTML file, unescaped.
pub fn links_in(html: &str) -> Vec<String> {
    let re = Regex::new(r#"(?:\s|^)(?:href|src)\s*=\s*"([^"]*)""#).unwrap();
    re.captures_iter(html)
        .map(|c| html_unescape(&c[1]))
        .collect()
}

/// Decodes `%XX` escapes in a URL path.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Where a link goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Not a file of this site (other scheme, other host, fragment only).
    External,
    /// A file of the output, relative to its root (`tin-tuc/index.html`).
    File(String),
    /// Climbs above the output root.
    Outside,
}

/// Resolves `link`, found in the output file `from` (relative path), to a
/// file of the output. `base_url` makes absolute links to the site itself
/// count as internal.
pub fn resolve_link(from: &str, link: &str, base_url: &str) -> Target {
    let link = link.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() {
        return Target::External; // same page / fragment only
    }
    let rel: String = if let Some(rest) = link.strip_prefix(base_url) {
        rest.to_owned()
    } else if link.starts_with("//") || has_scheme(link) {
        return Target::External;
    } else if let Some(abs) = link.strip_prefix('/') {
        // A root-absolute link only works at a domain root: treat as relative
        // to the output root, but the caller may forbid it.
        abs.to_owned()
    } else {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        if dir.is_empty() {
            link.to_owned()
        } else {
            format!("{dir}/{link}")
        }
    };
    let mut parts: Vec<String> = Vec::new();
    for seg in percent_decode(&rel).split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Outside;
                }
            }
            s => parts.push(s.to_owned()),
        }
    }
    let mut path = parts.join("/");
    if rel.is_empty() || rel.ends_with('/') || rel == "." || rel.ends_with("/.") {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Target::File(path)
}

/// `mailto:x`, `https://…` — but not `../https://…`, which is a broken
/// relative link.
pub fn has_scheme(link: &str) -> bool {
    match link.split_once(':') {
        Some((scheme, _)) => {
            let mut c = scheme.chars();
            c.next().is_some_and(|f| f.is_ascii_alphabetic())
                && c.all(|x| x.is_ascii_alphanumeric() || "+.-".contains(x))
        }
        None => false,
    }
}

/// Options for [`assert_links_resolve`].
pub struct LinkCheck<'a> {
    /// Absolute links starting with this count as internal.
    pub base_url: &'a str,
    /// Every internal link to a page must name `index.html` explicitly.
    pub portable: bool,
}

/// Checks every `href`/`src` of every HTML file under `public`: each
/// internal one must name an existing file, be relative (no leading `/`),
/// and, in portable mode, never end at a bare folder. Returns how many
/// internal links were checked.
#[track_caller]
pub fn assert_links_resolve(public: &Path, opts: &LinkCheck<'_>) -> usize {
    let files = tree(public);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for link in links_in(&html) {
            if link.starts_with('/') && !link.starts_with("//") {
                problems.push(format!("{path}: root-absolute link {link:?}"));
                continue;
            }
            match resolve_link(path, &link, opts.base_url) {
                Target::External => {}
                Target::Outside => problems.push(format!("{path}: {link:?} leaves the output")),
                Target::File(f) => {
                    checked += 1;
                    let is_abs = link.starts_with(opts.base_url);
                    if opts.portable && !is_abs {
                        let bare = link.split(['#', '?']).next().unwrap_or("");
                        let last = bare.rsplit('/').next().unwrap_or("");
                        if !bare.is_empty() && !last.contains('.') {
                            problems.push(format!(
                                "{path}: {link:?} does not name a file (portable = true)"
                            ));
                        }
                    }
                    if !files.contains_key(&f) {
                        problems.push(format!("{path}: {link:?} → {f} does not exist"));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
    checked
}

/// Parses XML, panicking with the text on error.
#[track_caller]
pub fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    match roxmltree::Document::parse(text) {
        Ok(d) => d,
        Err(e) => panic!("not well-formed XML: {e}\n{text}"),
    }
}

/// How many `<entry>` elements an Atom feed has.
pub fn feed_entries(feed: &str) -> usize {
    parse_xml(feed)
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .count()
}

/// Texts of every descendant element named `name` of `node`.
pub fn child_texts(node: roxmltree::Node<'_, '_>, name: &str) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name(name))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}
