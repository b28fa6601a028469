//! A Hugo or Zola page's front matter (TOML `+++` or YAML `---`) read into
//! the keys minhbach knows, and written back as minhbach TOML. Theme keys
//! (`ShowToc`, `featuredImage`, `[extra]` of tabi…) are mapped when there is
//! an equivalent, otherwise kept under `[extra]` and named in the report.

use serde_json::{Map, Value};

use crate::content::frontmatter::{self, Format};

/// The front matter of one imported page.
#[derive(Debug, Clone, Default)]
pub struct PageMatter {
    pub title: Option<String>,
    /// As minhbach reads it (`2024-05-03T09:00:00+07:00` or `2024-05-03`).
    pub date: Option<String>,
    pub updated: Option<String>,
    pub description: Option<String>,
    pub draft: bool,
    pub slug: Option<String>,
    /// The page's own address in the old site (Hugo `url`, Zola `path`).
    pub old_url: Option<String>,
    pub aliases: Vec<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub authors: Vec<String>,
    /// As written in the source (checked and rewritten by the caller).
    pub cover: Option<String>,
    pub cover_alt: Option<String>,
    pub toc: bool,
    pub weight: Option<i64>,
    /// Terms of the taxonomies the old site declares (`series`…), written
    /// as top-level keys (see `import::taxonomies`).
    pub terms: std::collections::BTreeMap<String, Vec<String>>,
    /// Keys without an equivalent, kept under `[extra]`.
    pub extra: Map<String, Value>,
    /// Names of the keys moved under `[extra]` (for the report).
    pub moved: Vec<String>,
    /// A date that could not be read (for the report).
    pub bad_date: Option<String>,
}

/// Splits `text` (LF line ends) into front matter and body.
pub fn read(text: &str) -> Result<(PageMatter, String), String> {
    let text = unindent_fences(text);
    let split = frontmatter::split(std::path::Path::new(""), &text)
        .map_err(|_| "phần thông tin đầu trang không có dòng đóng (--- hoặc +++)".to_owned())?;
    let map = match split.format {
        None => Map::new(),
        Some(Format::Toml) => match split.matter.parse::<toml::Table>() {
            Ok(t) => match frontmatter::toml_to_json(toml::Value::Table(t)) {
                Value::Object(m) => m,
                _ => Map::new(),
            },
            Err(e) => {
                return Err(format!(
                    "thông tin đầu trang (TOML) sai cú pháp: {}",
                    e.message()
                ));
            }
        },
        Some(Format::Yaml) if split.matter.trim().is_empty() => Map::new(),
        // Hugo's YAML reader keeps the last of two equal keys.
        Some(Format::Yaml) => match serde_saphyr::from_str_with_options::<Value>(
            split.matter,
            serde_saphyr::options! { duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::LastWins },
        ) {
            Ok(Value::Object(m)) => m,
            Ok(_) => Map::new(),
            Err(e) => return Err(format!("thông tin đầu trang (YAML) sai cú pháp: {e}")),
        },
    };
    Ok((from_map(map), split.body.to_owned()))
}

/// Zola accepts fence lines with spaces before them (`   +++`); minhbach's
/// reader wants them at the start of the line.
fn unindent_fences(text: &str) -> String {
    let first = text.lines().next().unwrap_or("").trim();
    if first != "+++" && first != "---" {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut fences = 0;
    for line in text.split_inclusive('\n') {
        if fences < 2 && line.trim() == first {
            fences += 1;
            out.push_str(first);
            out.push('\n');
        } else {
            out.push_str(line);
        }
    }
    out
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(string).collect(),
        other => string(other).into_iter().collect(),
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        Value::Object(m) => m.get("enable").is_some_and(truthy),
        _ => false,
    }
}

/// Maps the source keys (any case, as Hugo allows) to minhbach's.
fn from_map(map: Map<String, Value>) -> PageMatter {
    let mut m = PageMatter::default();
    let mut date_sources: Vec<(u8, String)> = Vec::new();
    for (key, value) in map {
        let k = key.to_lowercase();
        match k.as_str() {
            "title" | "linktitle" if m.title.is_none() || k == "title" => {
                if let Some(s) = string(&value) {
                    m.title = Some(s);
                }
            }
            "date" => date_sources.extend(string(&value).map(|s| (0, s))),
            "publishdate" | "pubdate" => date_sources.extend(string(&value).map(|s| (1, s))),
            "lastmod" | "updated" | "modified" => {
                m.updated = string(&value).and_then(|s| normalise_date(&s))
            }
            "description" => m.description = string(&value),
            "summary" if m.description.is_none() => m.description = string(&value),
            "draft" => m.draft = truthy(&value),
            "slug" => m.slug = string(&value),
            "url" | "path" => m.old_url = string(&value),
            "aliases" => m.aliases = strings(&value),
            "tags" => m.tags.extend(strings(&value)),
            "categories" | "category" => m.categories.extend(strings(&value)),
            "taxonomies" => {
                if let Value::Object(t) = &value {
                    for (name, list) in t {
                        match name.as_str() {
                            "tags" => m.tags.extend(strings(list)),
                            "categories" => m.categories.extend(strings(list)),
                            _ => {
                                m.extra.insert(format!("taxonomies.{name}"), list.clone());
                                m.moved.push(format!("taxonomies.{name}"));
                            }
                        }
                    }
                }
            }
            "author" | "authors" => m.authors.extend(
                strings(&value)
                    .into_iter()
                    .chain(value.get("name").and_then(string)),
            ),
            "cover" => match &value {
                Value::Object(c) => {
                    m.cover = c.get("image").and_then(string).or(m.cover.take());
                    m.cover_alt = c
                        .get("alt")
                        .and_then(string)
                        .or(c.get("caption").and_then(string));
                }
                other => m.cover = string(other).or(m.cover.take()),
            },
            "image" | "featuredimage" | "featured_image" | "thumbnail" | "featuredimagepreview"
                if m.cover.is_none() =>
            {
                m.cover = string(&value)
            }
            "images" if m.cover.is_none() => m.cover = strings(&value).into_iter().next(),
            "resources" => {
                if let Value::Array(list) = &value
                    && m.cover.is_none()
                {
                    m.cover = list
                        .iter()
                        .find(|r| {
                            r.get("name")
                                .and_then(Value::as_str)
                                .is_some_and(|n| n.contains("featured") || n.contains("cover"))
                        })
                        .and_then(|r| r.get("src"))
                        .and_then(string);
                }
            }
            "toc" | "showtoc" => m.toc = truthy(&value),
            "weight" => m.weight = value.as_i64(),
            "extra" | "params" => {
                if let Value::Object(e) = value {
                    for (ek, ev) in e {
                        match ek.as_str() {
                            "toc" => m.toc = truthy(&ev),
                            "cover" | "image" | "banner" | "social_media_card"
                                if m.cover.is_none() =>
                            {
                                m.cover = string(&ev)
                            }
                            _ => {
                                m.moved.push(format!("{key}.{ek}"));
                                m.extra.insert(ek, ev);
                            }
                        }
                    }
                }
            }
            _ => {
                if !value.is_null() {
                    m.moved.push(key.clone());
                    m.extra.insert(key, value);
                }
            }
        }
    }
    date_sources.sort();
    if let Some((_, raw)) = date_sources.into_iter().next() {
        match normalise_date(&raw) {
            Some(d) => m.date = Some(d),
            None => m.bad_date = Some(raw),
        }
    }
    m.tags.dedup();
    m.categories.dedup();
    m
}

/// A date as minhbach reads it, from the forms Hugo and Zola accept
/// (`2024-01-02T10:00:00+07:00`, `2024-01-02 10:00:00 +0700`, `2024-01-02`).
pub fn normalise_date(raw: &str) -> Option<String> {
    let t = raw.trim().trim_matches('"');
    if frontmatter::parse_page_date(t).is_some() {
        return Some(t.to_owned());
    }
    // `2024-01-02 10:00:00 +0700` / `2024-01-02T10:00:00+0700`
    let t2 = t.replacen(' ', "T", 1).replace(' ', "");
    let fixed = match t2.rfind(['+', '-']) {
        Some(i)
            if i > 10
                && t2[i + 1..].len() == 4
                && t2[i + 1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{}{}:{}", &t2[..i + 3], "", &t2[i + 3..])
        }
        _ => t2.clone(),
    };
    if frontmatter::parse_page_date(&fixed).is_some() {
        return Some(fixed);
    }
    // Fall back to the calendar date at the start.
    let day = t.get(..10)?;
    frontmatter::parse_page_date(day).map(|_| day.to_owned())
}

/// TOML has no null: drop nulls (and empty tables left by them).
fn to_toml(v: &Value) -> Option<toml::Value> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64()?),
        },
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Array(a) => toml::Value::Array(a.iter().filter_map(to_toml).collect()),
        Value::Object(o) => toml::Value::Table(
            o.iter()
                .filter_map(|(k, v)| Some((k.clone(), to_toml(v)?)))
                .collect(),
        ),
    })
}

/// The minhbach front matter (`+++` TOML) for `m`.
pub fn write(m: &PageMatter) -> String {
    use toml::Value as T;
    let mut t = toml::Table::new();
    let s = |v: &str| T::String(v.to_owned());
    let list = |v: &[String]| T::Array(v.iter().map(|x| s(x)).collect());
    if let Some(v) = &m.title {
        t.insert("title".into(), s(v));
    }
    if let Some(v) = &m.date {
        t.insert("date".into(), s(v));
    }
    if let Some(v) = &m.updated {
        t.insert("updated".into(), s(v));
    }
    if let Some(v) = &m.description {
        t.insert("description".into(), s(v));
    }
    if m.draft {
        t.insert("draft".into(), T::Boolean(true));
    }
    if let Some(v) = &m.slug {
        t.insert("slug".into(), s(v));
    }
    if !m.aliases.is_empty() {
        t.insert("aliases".into(), list(&m.aliases));
    }
    if !m.tags.is_empty() {
        t.insert("tags".into(), list(&m.tags));
    }
    if !m.categories.is_empty() {
        t.insert("categories".into(), list(&m.categories));
    }
    if !m.authors.is_empty() {
        t.insert("authors".into(), list(&m.authors));
    }
    for (name, terms) in &m.terms {
        t.insert(name.clone(), list(terms));
    }
    if let Some(v) = &m.cover {
        t.insert("cover".into(), s(v));
    }
    if let Some(v) = &m.cover_alt {
        t.insert("cover_alt".into(), s(v));
    }
    if m.toc {
        t.insert("toc".into(), T::Boolean(true));
    }
    if let Some(w) = m.weight {
        t.insert("weight".into(), T::Integer(w));
    }
    let extra: toml::Table = m
        .extra
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), to_toml(v)?)))
        .collect();
    if !extra.is_empty() {
        t.insert("extra".into(), T::Table(extra));
    }
    let body = toml::to_string(&t).unwrap_or_default();
    format!("+++\n{body}+++\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papermod_yaml_is_mapped() {
        let text = "---\ntitle: \"Bài A\"\ndate: 2024-01-02T10:00:00+07:00\ntags: [a, b]\ncategories: [\"Tin\"]\nShowToc: true\ncover:\n  image: \"/img/a.png\"\n  alt: \"Ảnh\"\nauthor: \"Lan\"\nweight: 3\nhidemeta: false\n---\nThân.\n";
        let (m, body) = read(text).unwrap();
        assert_eq!(body, "Thân.\n");
        let (dup, _) = read("---\ntitle: A\ndraft: true\ndraft: false\n---\n").unwrap();
        assert!(!dup.draft);
        let (ind, body) = read("+++\n   title = \"Z\"\n   date = 2025-10-01\n   +++\nB\n").unwrap();
        assert_eq!((ind.title.as_deref(), body.as_str()), (Some("Z"), "B\n"));
        assert_eq!(m.title.as_deref(), Some("Bài A"));
        assert_eq!(m.date.as_deref(), Some("2024-01-02T10:00:00+07:00"));
        assert_eq!(m.tags, ["a", "b"]);
        assert_eq!(m.categories, ["Tin"]);
        assert!(m.toc);
        assert_eq!(m.cover.as_deref(), Some("/img/a.png"));
        assert_eq!(m.cover_alt.as_deref(), Some("Ảnh"));
        assert_eq!(m.authors, ["Lan"]);
        assert_eq!(m.moved, ["hidemeta"]);
        let out = write(&m);
        assert!(out.starts_with("+++\n") && out.ends_with("+++\n"), "{out}");
        assert!(
            out.contains("toc = true") && out.contains("[extra]\nhidemeta = false"),
            "{out}"
        );
    }

    #[test]
    fn zola_toml_taxonomies_and_path() {
        let text = "+++\ntitle = \"Z\"\ndate = 2024-03-01\npath = \"cu/z\"\n[taxonomies]\ntags = [\"x\"]\ncategories = [\"y\"]\n[extra]\ntoc = true\nsocial_media_card = \"the.jpg\"\n+++\nB\n";
        let (m, _) = read(text).unwrap();
        assert_eq!(m.date.as_deref(), Some("2024-03-01"));
        assert_eq!(m.old_url.as_deref(), Some("cu/z"));
        assert_eq!(
            (m.tags.as_slice(), m.categories.as_slice()),
            (&["x".to_owned()][..], &["y".to_owned()][..])
        );
        assert!(m.toc);
        assert_eq!(m.cover.as_deref(), Some("the.jpg"));
    }

    #[test]
    fn dates_in_other_forms() {
        assert_eq!(
            normalise_date("2024-01-02 10:00:00 +0700").as_deref(),
            Some("2024-01-02T10:00:00+07:00")
        );
        assert_eq!(normalise_date("2024-01-02").as_deref(), Some("2024-01-02"));
        assert_eq!(
            normalise_date("2024-01-02T10:00:00.000Z").as_deref(),
            Some("2024-01-02T10:00:00.000Z")
        );
        assert_eq!(normalise_date("hôm qua"), None);
    }
}
