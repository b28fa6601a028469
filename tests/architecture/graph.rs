//! The import graph: every `use` and inline `crate::`/`super::`/`self::` path
//! resolved to the file that defines it (re-exports followed); its circles and
//! its upward edges.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::rules::{inner, layer};
use crate::source::{Module, modules};

/// `use` trees expanded to full paths: `a::{b, c::d as e}` → `a::b`, `a::c::d`
/// (with the alias `e`).
pub fn expand(tree: &str, prefix: &str, out: &mut Vec<(String, String)>) {
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

pub fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}::{b}"),
    }
}

/// Every `use` statement of a module: (full path as written, alias, public).
pub fn uses(code: &str) -> Vec<(String, String, bool)> {
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
pub fn find_word(text: &str, word: &str) -> Option<usize> {
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
pub fn inline_paths(code: &str, children: &BTreeSet<String>) -> Vec<String> {
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

pub struct Graph {
    /// File of each module path.
    pub files: BTreeMap<Vec<String>, String>,
    /// Module → (re-exported name → absolute path).
    pub reexports: HashMap<Vec<String>, HashMap<String, Vec<String>>>,
    /// File → files it imports.
    pub edges: BTreeMap<String, BTreeSet<String>>,
}

/// An absolute path (segments after `crate`) for `path` written in module `at`.
pub fn absolute(at: &[String], path: &str, children: &BTreeSet<String>) -> Option<Vec<String>> {
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
    pub fn build(mods: &[Module]) -> Graph {
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
    pub fn resolve(&self, path: &[String], depth: usize) -> Option<String> {
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
    pub fn cycles(&self) -> Vec<Vec<String>> {
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
    pub fn sccs(&self, keep: &dyn Fn(&str, &str) -> bool) -> Vec<Vec<String>> {
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
    pub fn upward(&self) -> Vec<(String, String)> {
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
pub fn face_of(file: &str) -> String {
    match file.strip_suffix("mod.rs") {
        Some(d) => d.to_owned(),
        None => format!("{}/", file.trim_end_matches(".rs")),
    }
}

pub fn graph() -> Graph {
    Graph::build(&modules())
}
