//! The code's layering, checked from the source itself: every `use` and
//! every `crate::`/`super::`/`self::` path in `src/` becomes an edge between
//! two files (re-exports followed to the file that defines the item), then
//! two rules hold:
//!
//! 1. **No import circle**: no file reaches itself through others.
//! 2. **Imports run downward** through the layers below (a module may import
//!    its own layer or lower ones, never a higher one):
//!
//!    | layer | modules |
//!    | --- | --- |
//!    | 6 command line | `main`, `cli`, `serve` |
//!    | 5 pipelines | `build`, `import` (Hugo/Zola → content) |
//!    | 4 view | `render` |
//!    | 3 model | `site` |
//!    | 2 inputs and drawing | `content`, `data`, `charts`, `config`, `output` |
//!    | 1 foundations | `text`, `diagnostics`, `suggest`, `timing`, `syntax_errors`, `os_error` |
//!
//! Inside `render/`, `engine/` (theme, templates, jobs, shared context and
//! views) is below the rooms that use it — `pages/`, `data/`, `published/`
//! — and never imports them.
//!
//! A folder's `mod.rs` (or `a.rs` beside `a/`) is the folder itself: it may declare, re-export and
//! call its own files (those edges are containment, not imports), and its
//! files may use what it defines. Test modules (`#[cfg(test)] mod … { … }`)
//! are left out: they are not part of the structure. Run `cargo test --test architecture -- --nocapture` to
//! see the graph's size and every finding.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The layer of each top-level module (see the module docs).
fn layer(top: &str) -> Option<u8> {
    Some(match top {
        "main" | "cli" | "serve" => 6,
        "build" | "import" | "docx" => 5,
        "render" => 4,
        "site" => 3,
        "content" | "data" | "charts" | "config" | "output" => 2,
        "text" | "diagnostics" | "suggest" | "timing" | "syntax_errors" | "os_error" => 1,
        "" | "lib" => 7,
        _ => return None,
    })
}

/// Layers inside a top-level module: (folder, rank); a file may not import
/// a file of a higher rank.
const INNER: &[(&str, u8)] = &[
    ("src/render/engine/", 1),
    ("src/render/pages/", 2),
    ("src/render/data/", 2),
    ("src/render/published/", 2),
];

fn inner(file: &str) -> Option<u8> {
    INNER
        .iter()
        .find(|(d, _)| file.starts_with(d))
        .map(|&(_, r)| r)
}

/// A source file as a module: `src/a/mod.rs` is `a`, `src/a/b.rs` is `a::b`.
struct Module {
    path: Vec<String>,
    file: String,
    code: String,
}

fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

fn modules() -> Vec<Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(&src).unwrap();
                let text = std::fs::read_to_string(&p).unwrap();
                out.push(Module {
                    path: module_path(rel),
                    file: format!("src/{}", rel.to_string_lossy().replace('\\', "/")),
                    code: strip(&text),
                });
            }
        }
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// The code without comments, string and char literals, and test modules.
fn strip(text: &str) -> String {
    let b = text.as_bytes();
    let at = |i: usize, s: &[u8]| b[i..].starts_with(s);
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if at(i, b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if at(i, b"/*") {
            i = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
        } else if b[i] == b'"' || at(i, b"r#\"") || at(i, b"r\"") {
            // Skip a (raw) string literal.
            let mut hashes = 0;
            if b[i] == b'r' {
                i += 1;
                while b[i] == b'#' {
                    hashes += 1;
                    i += 1;
                }
            }
            i += 1;
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            while i < b.len() {
                if hashes == 0 && b[i] == b'\\' {
                    i += 2;
                } else if at(i, &close) {
                    i += close.len();
                    break;
                } else {
                    i += 1;
                }
            }
            out.extend_from_slice(b"\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('x', '\n', '\u{..}'); lifetimes are left alone.
            let skip = if b[i + 1] == b'\\' { i + 3 } else { i + 2 };
            i = b[skip..]
                .iter()
                .position(|&c| c == b'\'')
                .map_or(b.len(), |e| skip + e + 1);
        } else if b[i] == b'\'' && i + 1 < b.len() && b[i + 1] >= 0x80 {
            // A non-ASCII char literal such as 'đ'.
            i = b[i + 1..]
                .iter()
                .position(|&c| c == b'\'')
                .map_or(b.len(), |e| i + 1 + e + 1);
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    drop_test_modules(&String::from_utf8_lossy(&out))
}

fn drop_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    while let Some(at) = out.find("#[cfg(test)]") {
        let rest = &out[at..];
        let Some(open) = rest.find('{') else { break };
        let head = &rest[..open];
        if !head.contains("mod ") || head.contains(';') {
            // Not a module block: keep it, only drop the attribute.
            out.replace_range(at..at + "#[cfg(test)]".len(), "");
            continue;
        }
        let mut depth = 0;
        let mut end = out.len();
        for (k, ch) in rest.char_indices().skip(open) {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(at..end, "");
    }
    out
}

/// `use` trees expanded to full paths: `a::{b, c::d as e}` → `a::b`, `a::c::d`
/// (with the alias `e`).
fn expand(tree: &str, prefix: &str, out: &mut Vec<(String, String)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (k, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..k], &base, out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], &base, out);
    } else if !tree.is_empty() {
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p.trim(), a.trim().to_owned()),
            None => (tree, tree.rsplit("::").next().unwrap_or(tree).to_owned()),
        };
        out.push((join(prefix, path), alias));
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}::{b}"),
    }
}

/// Every `use` statement of a module: (full path as written, alias, public).
fn uses(code: &str) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let before = rest[..at].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')') && before.contains("pub(");
        let after = &rest[at + 3..];
        let Some(end) = after.find(';') else { break };
        let mut paths = Vec::new();
        expand(&after[..end], "", &mut paths);
        out.extend(paths.into_iter().map(|(p, a)| (p, a, public)));
        rest = &after[end..];
    }
    out
}

/// Byte offset of `word` standing alone (not part of a longer identifier).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text[from..].find(word) {
        let at = from + k;
        let end = at + word.len();
        let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        if (at == 0 || !ident(b[at - 1])) && (end >= b.len() || !ident(b[end])) {
            return Some(at);
        }
        from = end;
    }
    None
}

/// Paths written inline in code: `crate::a::b`, `super::x`, `self::y`, and
/// `child::z` for a child module `child` of the current module.
fn inline_paths(code: &str, children: &BTreeSet<String>) -> Vec<String> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if ident(b[i]) && (i == 0 || !(ident(b[i - 1]) || b[i - 1] == b':')) {
            let mut j = i;
            while j < b.len()
                && (ident(b[j]) || (b[j] == b':' && j + 1 < b.len() && b[j + 1] == b':'))
            {
                j += if b[j] == b':' { 2 } else { 1 };
            }
            let path = code[i..j].trim_end_matches(':');
            let first = path.split("::").next().unwrap_or("");
            if path.contains("::")
                && (matches!(first, "crate" | "super" | "self") || children.contains(first))
            {
                out.push(path.to_owned());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

struct Graph {
    /// File of each module path.
    files: BTreeMap<Vec<String>, String>,
    /// Module → (re-exported name → absolute path).
    reexports: HashMap<Vec<String>, HashMap<String, Vec<String>>>,
    /// File → files it imports.
    edges: BTreeMap<String, BTreeSet<String>>,
}

/// An absolute path (segments after `crate`) for `path` written in module `at`.
fn absolute(at: &[String], path: &str, children: &BTreeSet<String>) -> Option<Vec<String>> {
    let mut segs = path.split("::").map(str::trim).filter(|s| !s.is_empty());
    let first = segs.next()?;
    let mut base: Vec<String> = match first {
        "crate" => Vec::new(),
        "self" => at.to_vec(),
        "super" => at[..at.len().checked_sub(1)?].to_vec(),
        c if children.contains(c) => {
            let mut v = at.to_vec();
            v.push(c.to_owned());
            v
        }
        _ => return None, // another crate, std, or a local name
    };
    for s in segs {
        if s == "super" {
            base.pop();
        } else if s != "self" && s != "*" {
            base.push(s.to_owned());
        }
    }
    Some(base)
}

impl Graph {
    fn build(mods: &[Module]) -> Graph {
        let files: BTreeMap<Vec<String>, String> = mods
            .iter()
            .map(|m| (m.path.clone(), m.file.clone()))
            .collect();
        let children = |p: &[String]| -> BTreeSet<String> {
            files
                .keys()
                .filter(|k| k.len() == p.len() + 1 && k.starts_with(p))
                .map(|k| k.last().unwrap().clone())
                .collect()
        };
        let mut g = Graph {
            files: files.clone(),
            reexports: HashMap::new(),
            edges: BTreeMap::new(),
        };
        let mut raw: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for m in mods {
            let kids = children(&m.path);
            let mut targets = Vec::new();
            for (path, alias, public) in uses(&m.code) {
                if let Some(abs) = absolute(&m.path, &path, &kids) {
                    if public {
                        g.reexports
                            .entry(m.path.clone())
                            .or_default()
                            .insert(alias, abs.clone());
                    }
                    targets.push(abs);
                }
            }
            // Inline paths outside `use` statements (those are parsed above).
            let body: String = {
                let mut s = m.code.clone();
                while let Some(at) = find_word(&s, "use") {
                    let end = s[at..].find(';').map_or(s.len(), |e| at + e + 1);
                    s.replace_range(at..end, "");
                }
                s
            };
            for path in inline_paths(&body, &kids) {
                if let Some(abs) = absolute(&m.path, &path, &kids) {
                    targets.push(abs);
                }
            }
            raw.push((m.file.clone(), targets));
        }
        for (file, targets) in raw {
            let set: BTreeSet<String> = targets
                .iter()
                .filter_map(|t| g.resolve(t, 0))
                .filter(|f| *f != file)
                .collect();
            g.edges.insert(file, set);
        }
        g
    }

    /// The file defining the item at `path`, following re-exports.
    fn resolve(&self, path: &[String], depth: usize) -> Option<String> {
        let n = (0..=path.len())
            .rev()
            .find(|&n| self.files.contains_key(&path[..n]))?;
        let module = &path[..n];
        if depth < 8
            && let Some(next) = path.get(n)
            && let Some(target) = self.reexports.get(module).and_then(|r| r.get(next))
        {
            let mut full = target.clone();
            full.extend_from_slice(&path[n + 1..]);
            if let Some(f) = self.resolve(&full, depth + 1) {
                return Some(f);
            }
        }
        self.files.get(module).cloned()
    }

    /// The import circles. A folder's `mod.rs` may call into its own files
    /// while they use what it defines (the folder's face and its rooms), so
    /// circles are searched twice: without the edges from a `mod.rs` into its
    /// own folder (finds circles among files), and with every edge, keeping
    /// only circles that leave the folder of each `mod.rs` they pass through.
    fn cycles(&self) -> Vec<Vec<String>> {
        let mut out = self.sccs(&|from: &str, to: &str| !to.starts_with(&face_of(from)));
        for c in self.sccs(&|_: &str, _: &str| true) {
            // Excused: every file of the circle is inside the folder of a
            // face in it (or is that face).
            let excused = c.iter().map(|f| face_of(f)).any(|d| {
                c.iter()
                    .all(|f| f.starts_with(d.as_str()) || face_of(f) == d)
            });
            if !excused && !out.contains(&c) {
                out.push(c);
            }
        }
        out.sort();
        out
    }

    /// Strongly connected components with more than one file (Tarjan), over
    /// the edges `keep` accepts.
    fn sccs(&self, keep: &dyn Fn(&str, &str) -> bool) -> Vec<Vec<String>> {
        struct T<'a> {
            g: &'a Graph,
            keep: &'a dyn Fn(&str, &str) -> bool,
            index: HashMap<&'a str, usize>,
            low: HashMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on: BTreeSet<&'a str>,
            out: Vec<Vec<String>>,
        }
        fn visit<'a>(t: &mut T<'a>, v: &'a str) {
            let n = t.index.len();
            t.index.insert(v, n);
            t.low.insert(v, n);
            t.stack.push(v);
            t.on.insert(v);
            for w in &t.g.edges[v] {
                let w = w.as_str();
                if !(t.keep)(v, w) {
                    continue;
                }
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let l = t.low[v].min(t.low[w]);
                    t.low.insert(v, l);
                } else if t.on.contains(w) {
                    let l = t.low[v].min(t.index[w]);
                    t.low.insert(v, l);
                }
            }
            if t.low[v] == t.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = t.stack.pop() {
                    t.on.remove(w);
                    comp.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    t.out.push(comp);
                }
            }
        }
        let mut t = T {
            g: self,
            keep,
            index: HashMap::new(),
            low: HashMap::new(),
            stack: Vec::new(),
            on: BTreeSet::new(),
            out: Vec::new(),
        };
        for v in self.edges.keys() {
            if !t.index.contains_key(v.as_str()) {
                visit(&mut t, v);
            }
        }
        t.out.sort();
        t.out
    }

    /// Imports from a lower layer to a higher one: (from, to).
    fn upward(&self) -> Vec<(String, String)> {
        let top = |f: &str| -> String {
            let p = f.trim_start_matches("src/").trim_end_matches(".rs");
            p.split('/').next().unwrap_or("").to_owned()
        };
        let mut out = Vec::new();
        for (from, tos) in &self.edges {
            let lf = layer(&top(from))
                .unwrap_or_else(|| panic!("{from}: no layer; add its module to layer()"));
            for to in tos {
                let lt = layer(&top(to))
                    .unwrap_or_else(|| panic!("{to}: no layer; add its module to layer()"));
                let inner_up = matches!((inner(from), inner(to)), (Some(a), Some(b)) if b > a);
                if lt > lf || inner_up {
                    out.push((from.clone(), to.clone()));
                }
            }
        }
        out
    }
}

/// The folder a file is the face of: `src/a/mod.rs` and `src/a.rs` are both
/// the face of `src/a/`.
fn face_of(file: &str) -> String {
    match file.strip_suffix("mod.rs") {
        Some(d) => d.to_owned(),
        None => format!("{}/", file.trim_end_matches(".rs")),
    }
}

fn graph() -> Graph {
    Graph::build(&modules())
}

#[test]
fn no_import_circles() {
    let g = graph();
    let n: usize = g.edges.values().map(BTreeSet::len).sum();
    println!("{} files, {n} imports between files", g.edges.len());
    let cycles = g.cycles();
    for c in &cycles {
        println!("circle: {}", c.join(" ↔ "));
        for from in c {
            for to in g.edges[from].iter().filter(|t| c.contains(t)) {
                println!("    {from} → {to}");
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "import circles (break one edge: move the shared piece down, or the type to where both can see it):\n{}",
        cycles
            .iter()
            .map(|c| c.join(" ↔ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn imports_run_downward() {
    let up = graph().upward();
    for (from, to) in &up {
        println!("upward: {from} → {to}");
    }
    assert!(
        up.is_empty(),
        "imports from a lower layer to a higher one (see the table in tests/architecture.rs):\n{}",
        up.iter()
            .map(|(a, b)| format!("{a} → {b}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The checker itself finds what it must: a circle, a re-export followed to
/// its defining file, an upward import, and nothing inside test modules.
#[test]
fn checker_sees_circles_reexports_and_layers() {
    let m = |file: &str, code: &str| Module {
        path: module_path(Path::new(file)),
        file: format!("src/{file}"),
        code: strip(code),
    };
    let mods = vec![
        m("lib.rs", "pub mod data; pub mod site; pub mod text;"),
        m("data/mod.rs", "mod b; mod c; pub use b::Thing;"),
        m("data/b.rs", "use super::c::helper; pub struct Thing;"),
        m(
            "data/c.rs",
            "pub fn helper() { let _ = crate::data::Thing; } // crate::site::x",
        ),
        m(
            "text/mod.rs",
            "pub fn f() { let s = \"crate::site::X\"; }\n#[cfg(test)]\nmod tests { use crate::site::X; }",
        ),
        m("site/mod.rs", "use crate::text::f; pub struct X;"),
    ];
    let g = Graph::build(&mods);
    assert_eq!(
        g.cycles(),
        vec![vec!["src/data/b.rs".to_owned(), "src/data/c.rs".to_owned()]]
    );
    assert!(
        g.edges["src/data/c.rs"].contains("src/data/b.rs"),
        "re-export followed"
    );
    assert!(
        g.edges["src/text/mod.rs"].is_empty(),
        "strings and test modules ignored"
    );
    assert!(g.upward().is_empty());
    let mut mods = mods;
    mods.push(m("text/up.rs", "use crate::site::X;"));
    let g = Graph::build(&mods);
    assert_eq!(
        g.upward(),
        vec![("src/text/up.rs".to_owned(), "src/site/mod.rs".to_owned())]
    );
}
