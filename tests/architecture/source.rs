//! Reading `src/`: each file as a module path and its code without comments,
//! string and char literals, and test modules.

use std::path::Path;

/// A source file as a module: `src/a/mod.rs` is `a`, `src/a/b.rs` is `a::b`.
pub struct Module {
    pub path: Vec<String>,
    pub file: String,
    pub code: String,
}

pub fn module_path(rel: &Path) -> Vec<String> {
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

pub fn modules() -> Vec<Module> {
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
pub fn strip(text: &str) -> String {
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

pub fn drop_test_modules(code: &str) -> String {
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
