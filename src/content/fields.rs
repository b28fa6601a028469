//! Front matter into typed values: the TOML or YAML block parsed ([`parse`]),
//! then each field read — strings, booleans, lists, dates, covers and "based
//! on" references — with located Vietnamese errors; and the check that flags
//! unknown and misspelt keys.

use serde_json::{Map, Value};
use std::path::Path;

use super::frontmatter::{
    BasedOn, Format, FrontMatter, KNOWN_KEYS, PageDate, Split, near_miss, parse_page_date,
    toml_to_json,
};
use crate::config::{find_key_line, toml_error};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Parses the front matter of `split` into typed values. Errors and
/// warnings go to `diags`; the result is `None` only when the syntax itself
/// is broken.
pub fn parse(path: &Path, split: &Split<'_>, diags: &mut Diagnostics) -> Option<FrontMatter> {
    let offset = split.matter_line - 1;
    let map = match split.format {
        None => return Some(FrontMatter::default()),
        Some(Format::Toml) => match split.matter.parse::<toml::Table>() {
            Ok(t) => match toml_to_json(toml::Value::Table(t)) {
                Value::Object(m) => m,
                _ => Map::new(),
            },
            Err(e) => {
                diags.push(toml_error(path, split.matter, &e, offset));
                return None;
            }
        },
        Some(Format::Yaml) => {
            if split.matter.trim().is_empty() {
                Map::new()
            } else {
                let opts = serde_saphyr::options! { strict_booleans: true };
                match serde_saphyr::from_str_with_options::<Value>(split.matter, opts) {
                    Ok(Value::Object(m)) => m,
                    Ok(Value::Null) => Map::new(),
                    Ok(_) => {
                        diags.push(
                            Diagnostic::error(
                                path,
                                "thông tin đầu trang YAML phải là danh sách “khoá: giá trị”",
                            )
                            .at(split.matter_line, 1)
                            .hint(
                                "viết mỗi thông tin trên một dòng, ví dụ “title: Tiêu đề bài viết”",
                            ),
                        );
                        return None;
                    }
                    Err(e) => {
                        let (line, col) = e
                            .location()
                            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
                        let s = crate::syntax_errors::yaml(split.matter, &e.to_string(), line, col);
                        diags.push(
                            Diagnostic::error(path, format!("YAML không hợp lệ: {}", s.message))
                                .at(s.line + offset, s.col)
                                .source_line(
                                    split
                                        .matter
                                        .lines()
                                        .nth(s.line.saturating_sub(1))
                                        .unwrap_or(""),
                                )
                                .hint(s.hint),
                        );
                        return None;
                    }
                }
            }
        }
    };
    let mut reader = Reader {
        path,
        text: split.matter,
        offset,
        diags,
        map: &map,
    };
    Some(reader.read())
}

pub(super) struct Reader<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
    pub(super) offset: usize,
    pub(super) diags: &'a mut Diagnostics,
    pub(super) map: &'a Map<String, Value>,
}

impl Reader<'_> {
    fn line_of(&self, key: &str) -> usize {
        find_key_line(self.text, key).unwrap_or(1) + self.offset
    }

    /// The file line of one alias: the first line from the `aliases` key
    /// on that holds it (lists may span lines), else the key's line.
    fn alias_line(&self, alias: &str) -> usize {
        let key = find_key_line(self.text, "aliases").unwrap_or(1);
        self.text
            .lines()
            .enumerate()
            .skip(key - 1)
            .find(|(_, l)| l.contains(alias))
            .map_or(key, |(i, _)| i + 1)
            + self.offset
    }

    fn located(&self, key: &str, d: Diagnostic) -> Diagnostic {
        let line = self.line_of(key);
        let src = self
            .text
            .lines()
            .nth(line - self.offset - 1)
            .unwrap_or("")
            .to_owned();
        d.at(line, 1).source_line(src)
    }

    pub(super) fn wrong_type(&mut self, key: &str, expected: &str, example: &str) {
        let d = Diagnostic::error(self.path, format!("khoá “{key}” phải là {expected}"));
        let d = self.located(key, d).hint(format!("ví dụ: {example}"));
        self.diags.push(d);
    }

    /// The trimmed text of `key` in one table of the list `list_key`
    /// (`based_on`, `attachments`); when it is missing or empty, an error
    /// that each table needs it (with `example`) and `None`.
    pub(super) fn required_entry_text(
        &mut self,
        entry: &Map<String, Value>,
        key: &str,
        list_key: &str,
        expected: &str,
        example: &str,
    ) -> Option<String> {
        let text = entry_text(entry, key);
        if text.is_empty() {
            self.wrong_type(list_key, expected, example);
            return None;
        }
        Some(text)
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.map.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.wrong_type(key, "một chuỗi chữ", &format!("{key} = \"…\""));
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.wrong_type(key, "true hoặc false", &format!("{key} = true"));
                false
            }
        }
    }

    fn list(&mut self, key: &str) -> Vec<String> {
        match self.map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.to_string()),
                        _ => {
                            self.wrong_type(
                                key,
                                "một danh sách chuỗi",
                                &format!("{key} = [\"a\", \"b\"]"),
                            );
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(_) => {
                self.wrong_type(
                    key,
                    "một danh sách chuỗi",
                    &format!("{key} = [\"a\", \"b\"]"),
                );
                Vec::new()
            }
        }
    }

    fn integer(&mut self, key: &str) -> Option<i64> {
        match self.map.get(key)? {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            Value::Null => None,
            _ => {
                self.wrong_type(key, "một số nguyên", &format!("{key} = 10"));
                None
            }
        }
    }

    fn date(&mut self, key: &str) -> Option<PageDate> {
        let value = self.map.get(key)?;
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Null => return None,
            _ => {
                self.wrong_type(key, "một ngày", &format!("{key} = 2026-08-05"));
                return None;
            }
        };
        match parse_page_date(&text) {
            Some(d) => Some(d),
            None => {
                let d = Diagnostic::error(
                    self.path,
                    format!("“{text}” ở khoá “{key}” không phải là ngày hợp lệ"),
                );
                let d = self.located(key, d).hint(format!(
                    "viết ngày dạng năm-tháng-ngày, ví dụ {key} = 2026-08-05 (hoặc “05/08/2026”), kiểm tra ngày có tồn tại trong tháng"
                ));
                self.diags.push(d);
                None
            }
        }
    }

    pub(super) fn read(&mut self) -> FrontMatter {
        self.check_keys();
        let mut fm = FrontMatter {
            title: self.string("title"),
            date: self.date("date"),
            updated: self.date("updated").or_else(|| self.date("lastmod")),
            description: self
                .string("description")
                .or_else(|| self.string("summary")),
            draft: self.boolean("draft"),
            slug: self.string("slug"),
            aliases: self.aliases(),
            weight: self.integer("weight"),
            template: self.string("template"),
            lang: self.string("lang"),
            toc: self.boolean("toc"),
            number: self.string("number"),
            doc_type: self.string("doc_type"),
            issuer: self.string("issuer"),
            signer: self.string("signer"),
            signer_title: self.string("signer_title"),
            pdf: self.string("pdf"),
            cover_alt: self.string("cover_alt"),
            ..FrontMatter::default()
        };
        if fm.slug.is_some() {
            fm.slug_line = self.line_of("slug");
        }
        fm.alias_lines = fm.aliases.iter().map(|a| self.alias_line(a)).collect();
        fm.issued = self.date("issued").map(|d| d.date);
        fm.paginate_by = self
            .integer("paginate_by")
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| *n > 0);
        fm.tags = self.taxonomy("tags");
        fm.categories = self.taxonomy("categories");
        if let Some(Value::Object(tax)) = self.map.get("taxonomies") {
            let names: Vec<String> = tax
                .keys()
                .filter(|k| !matches!(k.as_str(), "tags" | "categories"))
                .cloned()
                .collect();
            for name in names {
                let terms = self.zola_terms(&name);
                fm.other_taxonomies.insert(name, terms);
            }
        }
        fm.authors = self.list("authors");
        fm.authors.extend(self.list("author"));
        if fm.authors.iter().any(|a| a.trim().is_empty()) {
            // `author = ""` from `minhbach new post` would print "· ·".
            let key = if self.map.contains_key("author") {
                "author"
            } else {
                "authors"
            };
            let d =
                Diagnostic::warning(self.path, "tên tác giả để trống; bài sẽ không ghi tác giả");
            let d = self.located(key, d).hint(format!(
                "ghi tên người viết, ví dụ {key} = \"Văn phòng UBND xã\", hoặc xoá dòng {key}"
            ));
            self.diags.push(d);
            fm.authors.retain(|a| !a.trim().is_empty());
        }
        self.read_cover(&mut fm);
        fm.based_on = self.based_on();
        fm.attachments = self.attachments();
        if let Some(lang) = &fm.lang
            && lang != "vi"
            && lang != "en"
        {
            let d = Diagnostic::error(self.path, format!("ngôn ngữ “{lang}” chưa được hỗ trợ"));
            let d = self
                .located("lang", d)
                .hint("dùng lang = \"vi\" (tiếng Việt) hoặc lang = \"en\" (tiếng Anh)");
            self.diags.push(d);
            fm.lang = None;
        }
        for key in ["extra", "params"] {
            if let Some(Value::Object(m)) = self.map.get(key) {
                for (k, v) in m {
                    fm.params.insert(k.clone(), v.clone());
                }
            }
        }
        for (k, v) in self.map {
            if !KNOWN_KEYS.contains(&k.as_str()) {
                fm.params.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        // Hugo theme keys that are known (so no warning) but only used by templates.
        for key in ["categories", "images"] {
            if let Some(v) = self.map.get(key).filter(|v| !v.is_null()) {
                fm.params.insert(key.into(), v.clone());
            }
        }
        fm
    }

    /// `aliases` become folders of the output: each must be a plain path
    /// inside the site (no `..`, no scheme, no characters that are not
    /// allowed in a URL path). Bad ones are errors and dropped.
    fn aliases(&mut self) -> Vec<String> {
        let mut out = self.list("aliases");
        let bad: Vec<String> = out.iter().filter(|a| !is_plain_alias(a)).cloned().collect();
        for a in &bad {
            let d = Diagnostic::error(
                self.path,
                format!("bí danh (aliases) “{a}” không phải đường dẫn trong trang"),
            );
            let d = self.located("aliases", d).hint(
                "viết địa chỉ cũ dạng tin-tuc/2024/bai-cu/ — không có “..”, “http://”, dấu cách hay ký tự < > \" ' \\",
            );
            self.diags.push(d);
        }
        out.retain(|a| is_plain_alias(a));
        out
    }

    fn read_cover(&mut self, fm: &mut FrontMatter) {
        for key in ["cover", "image"] {
            match self.map.get(key) {
                Some(Value::String(s)) if !s.is_empty() => {
                    fm.cover.get_or_insert_with(|| s.clone());
                }
                // Hugo PaperMod style: cover: { image: "…", alt: "…" }
                Some(Value::Object(m)) => {
                    if let Some(Value::String(s)) = m.get("image")
                        && !s.is_empty()
                    {
                        fm.cover.get_or_insert_with(|| s.clone());
                    }
                    if let Some(Value::String(s)) = m.get("alt") {
                        fm.cover_alt.get_or_insert_with(|| s.clone());
                    }
                }
                _ => {}
            }
        }
    }

    fn based_on(&mut self) -> Vec<BasedOn> {
        let Some(Value::Array(items)) = self.map.get("based_on") else {
            if self.map.get("based_on").is_some_and(|v| !v.is_null()) {
                self.wrong_type(
                    "based_on",
                    "một danh sách văn bản",
                    "based_on = [\"749/QĐ-TTg\"]",
                );
            }
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item {
                Value::String(s) => out.push(BasedOn {
                    number: s.trim().to_owned(),
                    title: String::new(),
                    date: None,
                }),
                Value::Object(m) => {
                    let Some(number) = self.required_entry_text(
                        m,
                        "number",
                        "based_on",
                        "danh sách có khoá “number” ở mỗi mục",
                        "based_on = [{ number = \"57-NQ/TW\", title = \"…\" }]",
                    ) else {
                        continue;
                    };
                    let date = m
                        .get("date")
                        .and_then(Value::as_str)
                        .and_then(parse_page_date)
                        .map(|d| d.date);
                    out.push(BasedOn {
                        number,
                        title: entry_text(m, "title"),
                        date,
                    });
                }
                _ => self.wrong_type(
                    "based_on",
                    "một danh sách văn bản",
                    "based_on = [\"749/QĐ-TTg\"]",
                ),
            }
        }
        out
    }

    /// Near-misses of known keys are errors; other unknown keys are warnings.
    /// At most [`MAX_KEY_REPORTS`] keys are reported one by one (locating a
    /// key scans the file, and 10,000 messages help nobody); the rest are
    /// counted in one message.
    fn check_keys(&mut self) {
        let (mut reported, mut skipped, mut skipped_errors) = (0, 0, 0);
        for key in self.map.keys() {
            if KNOWN_KEYS.contains(&key.as_str()) {
                continue;
            }
            if reported >= MAX_KEY_REPORTS {
                skipped += 1;
                skipped_errors += usize::from(near_miss(key).is_some());
                continue;
            }
            reported += 1;
            if let Some(known) = near_miss(key) {
                let d = Diagnostic::error(self.path, format!("khoá “{key}” không được hỗ trợ"));
                let d = self.located(key, d).hint(format!(
                    "có phải ý bạn là “{known}”? Sửa tên khoá thành “{known}”"
                ));
                self.diags.push(d);
            } else {
                let d = Diagnostic::warning(self.path, unknown_key_message(key, None));
                let d = self
                    .located(key, d)
                    .hint("bỏ qua nếu giao diện của bạn dùng khoá này; nếu không, có thể xoá");
                self.diags.push(d);
            }
        }
        if skipped > 0 {
            let message = format!(
                "còn {skipped} khoá không chuẩn khác trong phần đầu trang (chỉ liệt kê {MAX_KEY_REPORTS} khoá đầu)"
            );
            let d = if skipped_errors > 0 {
                Diagnostic::error(
                    self.path,
                    format!("{message}, trong đó {skipped_errors} khoá viết gần giống khoá chuẩn"),
                )
            } else {
                Diagnostic::warning(self.path, message)
            };
            self.diags.push(d.at(self.offset + 1, 1).hint(
                "phần đầu trang chỉ nên có các khoá như title, date, tags…; dữ liệu dài nên để trong tệp dữ liệu (content/du-lieu/)",
            ));
        }
    }
}

const UNKNOWN_KEY_START: &str = "khoá “";
const UNKNOWN_KEY_END: &str = "” không phải khoá chuẩn";

/// The warning for a theme key minhbach does not use; with `files`, the
/// site-wide summary (how many files use it; this one is the first).
pub(crate) fn unknown_key_message(key: &str, files: Option<usize>) -> String {
    let many = files.map_or(String::new(), |n| {
        format!(" (có trong {n} tệp, đây là tệp đầu tiên)")
    });
    format!(
        "{UNKNOWN_KEY_START}{key}{UNKNOWN_KEY_END}{many}; được giữ làm tham số cho giao diện (page.params.{key})"
    )
}

/// The key of an unknown-key warning made by [`unknown_key_message`].
pub(crate) fn unknown_key_of(d: &Diagnostic) -> Option<&str> {
    if d.severity != crate::diagnostics::Severity::Warning {
        return None;
    }
    let rest = d.message.strip_prefix(UNKNOWN_KEY_START)?;
    let end = rest.find(UNKNOWN_KEY_END)?;
    Some(&rest[..end])
}

/// An alias that names a folder inside the output: relative segments of
/// URL-path characters (Vietnamese letters allowed), no `.`/`..` segment.
fn is_plain_alias(alias: &str) -> bool {
    let a = alias.trim_matches('/');
    !a.is_empty()
        && !crate::text::escape::is_dangerous_url(a)
        && !a.contains("://")
        && a.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg.chars().all(|c| {
                    !c.is_control()
                        && !c.is_whitespace()
                        && !matches!(
                            c,
                            '<' | '>'
                                | '"'
                                | '\''
                                | '\\'
                                | '`'
                                | '{'
                                | '}'
                                | '|'
                                | '^'
                                | '?'
                                | '#'
                                | ':'
                        )
                })
        })
}

/// Unknown front-matter keys reported one by one per file.
const MAX_KEY_REPORTS: usize = 20;

impl Reader<'_> {
    /// A taxonomy's terms: the key itself (Hugo) plus `[taxonomies] key`
    /// (Zola), duplicates by slug dropped (first spelling kept).
    fn taxonomy(&mut self, key: &str) -> Vec<String> {
        let mut terms = self.list(key);
        terms.extend(self.zola_terms(key));
        let mut seen = std::collections::HashSet::new();
        terms.retain(|t| seen.insert(crate::text::slugify(t)));
        terms
    }

    /// Zola's `[taxonomies] key` list (type errors located at the key).
    fn zola_terms(&mut self, key: &str) -> Vec<String> {
        let Some(Value::Object(tax)) = self.map.get("taxonomies") else {
            return Vec::new();
        };
        let Some(v) = tax.get(key) else {
            return Vec::new();
        };
        let sub = Map::from_iter([(key.to_owned(), v.clone())]);
        let mut inner = Reader {
            path: self.path,
            text: self.text,
            offset: self.offset,
            diags: self.diags,
            map: &sub,
        };
        inner.list(key)
    }
}

/// The trimmed text of `key` in one table of a list (`""` when it is
/// missing or not text).
pub(super) fn entry_text(entry: &Map<String, Value>, key: &str) -> String {
    entry
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
        .to_owned()
}
