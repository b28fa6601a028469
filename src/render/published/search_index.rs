//! The search index written at build time (see docs/decisions/0006-search.md).
//!
//! Every searchable item — news posts, documents, other pages, targets,
//! tasks and units — becomes a [`SearchDoc`] with a numeric id. Words are
//! split on non-alphanumeric characters, lower-cased (the *form*, which keeps
//! diacritics) and folded (`đường` → `duong`, the *key*). The index is a set
//! of small files loaded by `search.js` only when a reader searches:
//!
//! - `words.js`: the vocabulary — keys with many postings have their own
//!   file (`own`), the rest share a file per two-letter prefix (`small`);
//! - `w/<key>.js` and `w/_<prefix>.js`: key → form → `[id delta, weight, …]`;
//! - `d/<n>.js`: [`CHUNK`] documents each: title, kind, date, link, text
//!   (for the snippet).
//!
//! Files are JavaScript (`minhbachSearch("w/duong", {…})`) rather than
//! JSON so that `<script>` loading works from `file://` (a USB stick) where
//! `fetch` is refused. The output is deterministic: ids follow the site's
//! order and every map is sorted.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::text::fold;

mod collect;
pub use collect::{KINDS, SearchDoc, collect_docs};

/// Documents per `d/<n>.js` file.
pub const CHUNK: usize = 4;
/// A key with at least this many postings gets its own file.
pub const OWN_FILE_POSTINGS: usize = 48;
/// Stored text per document (for snippets); the whole text is indexed.
const MAX_TEXT_BYTES: usize = 12_000;
/// Documents tokenised at once (bounds the memory of per-document maps;
/// four parallel parts, each with its own word cache).
const BATCH: usize = 1024;
/// Longer "words" (hashes, long numbers) are not indexed.
const MAX_TOKEN_CHARS: usize = 40;

/// Splits text into words (runs of letters and digits).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| {
        !w.is_empty() && (w.len() <= MAX_TOKEN_CHARS || w.chars().count() <= MAX_TOKEN_CHARS)
    })
}

/// `char::is_alphanumeric`, answered without Unicode's tables for the
/// letters Vietnamese is written with (the tables' search was the most
/// expensive step of indexing a news site).
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        // Latin-1 letters, Latin Extended-A and -B: letters all but × and ÷.
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        // Latin Extended Additional (ạ, ế, ữ…): all letters.
        '\u{1E00}'..='\u{1EFF}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// (form, key) of a word: lower-cased NFC, and folded.
pub fn form_and_key(word: &str) -> (String, String) {
    if word.is_ascii() {
        let form = word.to_ascii_lowercase();
        return (form.clone(), form);
    }
    let form: String = word.nfc().flat_map(char::to_lowercase).collect();
    let key = fold(&form);
    (form, key)
}

/// A file name for a key: itself when `[a-z0-9]+` (with a hyphen after a
/// Windows device name: `con` → `con-`, as `search.js` does), else `-` and
/// UTF-8 hex.
pub fn file_name(key: &str) -> String {
    if key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        crate::text::windows_safe(key).into_owned()
    } else {
        let mut s = String::from("-");
        for b in key.bytes() {
            s.push_str(&format!("{b:02x}"));
        }
        s
    }
}

/// The shared file of a key with few postings: `_` + its first two letters.
pub fn small_file_name(key: &str) -> String {
    let prefix: String = key.chars().take(2).collect();
    format!("_{}", file_name(&prefix))
}

/// [(id, weight)], ids ascending.
type Postings = Vec<(u32, u32)>;
/// form → postings.
type Forms = HashMap<String, Postings>;

/// A part of a batch, tokenised: its distinct forms and, per document,
/// (form number, weight) pairs. Numbers instead of strings keep the hot
/// loop free of allocations.
struct Part {
    /// (form, key) by form number.
    forms: Vec<(String, String)>,
    docs: Vec<Vec<(u32, u32)>>,
}

/// A multiply-rotate hash for the tokeniser's maps (words and small
/// numbers, several lookups per word of every page): SipHash's resistance
/// to chosen keys buys nothing on the site's own text and cost ~5 % of a
/// news build. The maps' iteration order never reaches the output.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap_or_default());
            self.0 = (self.0 ^ v).wrapping_mul(K).rotate_left(26);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(K).rotate_left(26);
        }
    }

    fn write_u32(&mut self, v: u32) {
        self.0 = (self.0 ^ u64::from(v))
            .wrapping_mul(0xf135_7aea_2e62_a9c5)
            .rotate_left(26);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

fn tokenise(docs: &[SearchDoc]) -> Part {
    let mut by_word: WordMap<&str, u32> = WordMap::default();
    let mut by_form: WordMap<String, u32> = WordMap::default();
    let mut forms: Vec<(String, String)> = Vec::new();
    let mut out = Vec::with_capacity(docs.len());
    let mut acc: WordMap<u32, u32> = WordMap::default();
    for doc in docs {
        acc.clear();
        for (text, w) in [(doc.title.as_str(), 16), (doc.text.as_str(), 1)] {
            for word in words(text) {
                let id = match by_word.get(word) {
                    Some(&id) => id,
                    None => {
                        let (form, key) = form_and_key(word);
                        let id = match by_form.get(&form) {
                            Some(&id) => id,
                            None => {
                                let id = forms.len() as u32;
                                by_form.insert(form.clone(), id);
                                forms.push((form, key));
                                id
                            }
                        };
                        by_word.insert(word, id);
                        id
                    }
                };
                *acc.entry(id).or_default() += w;
            }
        }
        out.push(acc.iter().map(|(&f, &w)| (f, w)).collect());
    }
    Part { forms, docs: out }
}

/// Weights are capped so one long page cannot dominate.
fn weight(w: u32) -> u32 {
    if w >= 16 {
        (16 + (w - 16).min(15)).min(40)
    } else {
        w.min(15)
    }
}

#[derive(Serialize)]
struct Words {
    /// Number of documents.
    n: usize,
    chunk: usize,
    /// Keys with their own file.
    own: Vec<String>,
    /// Keys in the shared file of their prefix.
    small: Vec<String>,
}

/// The index files: path under the index folder → contents.
pub fn build_files(docs: &[SearchDoc]) -> BTreeMap<String, String> {
    let files = Mutex::new(BTreeMap::new());
    emit_files(docs, &|name, text| {
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name, text);
    });
    files.into_inner().unwrap_or_else(PoisonError::into_inner)
}

/// [`build_files`], handing each file (path under the index folder,
/// contents) to `emit` as soon as it is made, from any thread and in no
/// particular order, so a caller that writes them holds few at a time.
/// Every path is emitted once.
pub fn emit_files(docs: &[SearchDoc], emit: &(dyn Fn(String, String) + Sync)) {
    // The documents' files first (most of the bytes: serialising and
    // escaping every stored text), in parallel.
    docs.par_chunks(CHUNK).enumerate().for_each(|(n, chunk)| {
        let rows: Vec<(&str, u8, &str, &str, &str)> = chunk
            .iter()
            .map(|d| {
                (
                    d.title.as_str(),
                    d.kind,
                    d.date.as_str(),
                    d.href.as_str(),
                    truncate(&d.text, MAX_TEXT_BYTES),
                )
            })
            .collect();
        emit(format!("d/{n}.js"), wrap(&format!("d/{n}"), &rows));
    });
    // Every form once: (key, form, [(id, weight)]) with ids ascending.
    // Documents are read in batches (four parts in parallel) so only one
    // batch of per-document lists is alive at a time.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut global: Vec<(String, String, Postings)> = Vec::new();
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let parts: Vec<Part> = batch.par_chunks(BATCH / 4).map(tokenise).collect();
        let mut id = (b * BATCH) as u32;
        for part in parts {
            let map: Vec<usize> = part
                .forms
                .into_iter()
                .map(|(form, key)| match index.get(&form) {
                    Some(&g) => g,
                    None => {
                        index.insert(form.clone(), global.len());
                        global.push((key, form, Vec::new()));
                        global.len() - 1
                    }
                })
                .collect();
            for doc in part.docs {
                for (f, w) in doc {
                    global[map[f as usize]].2.push((id, weight(w)));
                }
                id += 1;
            }
        }
    }
    drop(index);
    let mut postings: HashMap<String, Forms> = HashMap::new();
    for (key, form, list) in global {
        postings.entry(key).or_default().insert(form, list);
    }
    let mut keys: Vec<(String, Forms)> = postings.into_iter().collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    // Each key's postings as JSON text, in parallel (keys stay in order);
    // a key with its own file is emitted at once, the others' text is
    // kept for the shared file of their prefix.
    let valued: Vec<(String, Option<String>)> = keys
        .into_par_iter()
        .map(|(key, forms)| {
            let count: usize = forms.values().map(Vec::len).sum();
            let forms: BTreeMap<String, Vec<u32>> = forms
                .into_iter()
                .map(|(form, list)| {
                    let mut flat = Vec::with_capacity(list.len() * 2);
                    let mut prev = 0;
                    for (id, w) in list {
                        flat.push(id - prev);
                        flat.push(w);
                        prev = id;
                    }
                    (form, flat)
                })
                .collect();
            let entry = format!(
                "{}:{}",
                serde_json::Value::from(key.as_str()),
                serde_json::to_string(&forms).unwrap_or_else(|_| "null".into())
            );
            if count >= OWN_FILE_POSTINGS {
                let name = file_name(&key);
                emit(
                    format!("w/{name}.js"),
                    wrap_object(&format!("w/{name}"), &[entry]),
                );
                (key, None)
            } else {
                (key, Some(entry))
            }
        })
        .collect();
    let mut own = Vec::new();
    let mut small = Vec::new();
    let mut shared: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, entry) in valued {
        match entry {
            None => own.push(key),
            Some(entry) => {
                shared.entry(small_file_name(&key)).or_default().push(entry);
                small.push(key);
            }
        }
    }
    shared.into_par_iter().for_each(|(name, entries)| {
        emit(
            format!("w/{name}.js"),
            wrap_object(&format!("w/{name}"), &entries),
        );
    });
    let words = Words {
        n: docs.len(),
        chunk: CHUNK,
        own,
        small,
    };
    emit("words.js".into(), wrap("words", &words));
}

/// `minhbachSearch("name",{json});`
fn wrap(name: &str, value: &impl Serialize) -> String {
    let json = json_safe(serde_json::to_string(value).unwrap_or_else(|_| "null".into()));
    format!(
        "minhbachSearch({},{json});\n",
        serde_json::Value::from(name)
    )
}

/// [`wrap`] of a JSON object given as its `"key":value` entries, in order
/// (the text `serde_json` writes for a map of them).
fn wrap_object(name: &str, entries: &[String]) -> String {
    let json = json_safe(format!("{{{}}}", entries.join(",")));
    format!(
        "minhbachSearch({},{json});\n",
        serde_json::Value::from(name)
    )
}

/// JSON with `<` written as `\u003c` (it only occurs inside strings), so no
/// `</script>` or `<!--` from content ever appears in the file, whatever
/// embeds or sniffs it; DEL, C1 controls and U+2028/U+2029 (line breaks to
/// older JavaScript engines) are escaped too. Parses back to the same value.
pub fn json_safe(json: String) -> String {
    // Bytes, not chars: `<` and DEL are ASCII, C1 controls are C2 80–9F and
    // U+2028/U+2029 are E2 80 A8/A9 in UTF-8 (no other sequence holds
    // those bytes at a character's start), so the text is scanned once
    // and copied only when something needs escaping.
    let bytes = json.as_bytes();
    let escaped_at = |i: usize| -> Option<(usize, u32)> {
        match bytes[i] {
            b'<' => Some((1, u32::from(b'<'))),
            0x7f => Some((1, 0x7f)),
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => {
                Some((2, u32::from(bytes[i + 1])))
            }
            0xe2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
            {
                Some((3, 0x2000 + u32::from(bytes[i + 2] - 0x80)))
            }
            _ => None,
        }
    };
    // The next place worth a look at or after `i` (blocks of text without
    // any of those lead bytes are skipped at once).
    let next = |i: usize| {
        crate::text::scan::next_hit(bytes, i, |b| {
            (b == b'<') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
        })
    };
    let mut first = next(0);
    while first < bytes.len() && escaped_at(first).is_none() {
        first = next(first + 1);
    }
    if first >= bytes.len() {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    out.push_str(&json[..first]);
    let mut copied = first;
    let mut i = first;
    while i < bytes.len() {
        i = next(i);
        if i >= bytes.len() {
            break;
        }
        if let Some((len, code)) = escaped_at(i) {
            out.push_str(&json[copied..i]);
            out.push_str(&format!("\\u{code:04x}"));
            i += len;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&json[copied..]);
    out
}

fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests;
