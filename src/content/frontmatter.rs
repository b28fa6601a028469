//! Front matter: splitting it from the Markdown body (`+++` TOML or `---`
//! YAML fences) and turning it into typed [`FrontMatter`] with located
//! diagnostics. Keys follow Zola and Hugo; unknown keys are kept as
//! parameters (warned about), near-misses of known keys are errors.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::suggest::{edit_distance, nearest};
use crate::text::fold;

/// Which syntax the front matter was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Yaml,
}

/// A file split into its front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Option<Format>,
    /// Front matter text without the fences.
    pub matter: &'a str,
    /// The Markdown body.
    pub body: &'a str,
    /// 1-based line of the first front-matter line (the line after the fence).
    pub matter_line: usize,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Splits `text` into front matter and body. A file without a fence is all
/// body. An opening fence without a closing one is an error at line 1.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text[..first_line_end].trim_end();
    let (format, fence) = match first {
        "+++" => (Format::Toml, "+++"),
        "---" => (Format::Yaml, "---"),
        _ => {
            return Ok(Split {
                format: None,
                matter: "",
                body: text,
                matter_line: 1,
                body_line: 1,
            });
        }
    };
    let mut offset = first_line_end;
    let mut line_no = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == fence {
            return Ok(Split {
                format: Some(format),
                matter: &text[first_line_end..offset],
                body: &text[end..],
                matter_line: 2,
                body_line: line_no + 1,
            });
        }
        offset = end;
        line_no += 1;
    }
    Err(Diagnostic::error(path, format!("phần thông tin đầu trang (front matter) mở bằng “{fence}” nhưng không có dòng “{fence}” đóng lại"))
        .at(1, 1)
        .source_line(first)
        .hint(format!("thêm một dòng chỉ có “{fence}” ngay sau dòng khoá cuối cùng, trước nội dung bài")))
}

/// A date with an optional time of day, as written in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageDate {
    pub date: Date,
    /// RFC 3339 timestamp when a time was given (with offset; +07:00 assumed).
    pub time: Option<jiff::Timestamp>,
}

impl PageDate {
    /// RFC 3339 for feeds; dates without a time are midnight in Vietnam.
    pub fn rfc3339(&self) -> String {
        match self.time {
            Some(ts) => format!(
                "{}+07:00",
                vn_offset().to_datetime(ts).strftime("%Y-%m-%dT%H:%M:%S")
            ),
            None => format!("{}T00:00:00+07:00", self.date),
        }
    }
}

/// A document this one is based on (căn cứ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasedOn {
    pub number: String,
    pub title: String,
    pub date: Option<Date>,
}

/// Typed front matter.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<PageDate>,
    pub updated: Option<PageDate>,
    pub description: Option<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub aliases: Vec<String>,
    /// Lines (in the file) of the `slug` key and of each alias, for
    /// located address-clash errors; 0 when unknown.
    pub slug_line: usize,
    pub alias_lines: Vec<usize>,
    pub tags: Vec<String>,
    /// `categories` (Hugo), or `[taxonomies] categories` (Zola).
    pub categories: Vec<String>,
    pub authors: Vec<String>,
    pub cover: Option<String>,
    pub cover_alt: Option<String>,
    pub weight: Option<i64>,
    pub template: Option<String>,
    pub lang: Option<String>,
    pub toc: bool,
    pub paginate_by: Option<usize>,
    // Documents.
    pub number: Option<String>,
    pub doc_type: Option<String>,
    pub issued: Option<Date>,
    pub issuer: Option<String>,
    pub signer: Option<String>,
    pub signer_title: Option<String>,
    pub pdf: Option<String>,
    pub based_on: Vec<BasedOn>,
    /// Appendices (phụ lục) of a document.
    pub attachments: Vec<AttachmentRef>,
    /// `extra`, `params`, and every unknown key, for templates.
    pub params: BTreeMap<String, Value>,
    /// Zola's `[taxonomies]` lists other than tags and categories, by name
    /// (read by the taxonomies the config declares: [`FrontMatter::terms`]).
    pub other_taxonomies: BTreeMap<String, Vec<String>>,
}

impl FrontMatter {
    /// The terms of a taxonomy declared in the config (`[[taxonomies]]`):
    /// the key itself (`series = ["…"]`, kept among the params), Zola's
    /// `[taxonomies] series`, and for `authors`/`author` the post's authors.
    /// Blank terms are dropped and duplicates by slug (first spelling kept).
    pub fn terms(&self, name: &str) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        match self.params.get(name) {
            Some(Value::String(s)) => terms.push(s.clone()),
            Some(Value::Array(items)) => {
                terms.extend(items.iter().filter_map(|v| v.as_str().map(str::to_owned)))
            }
            _ => {}
        }
        if let Some(list) = self.other_taxonomies.get(name) {
            terms.extend(list.iter().cloned());
        }
        if matches!(name, "authors" | "author") {
            terms.extend(self.authors.iter().cloned());
        }
        let mut seen = std::collections::HashSet::new();
        terms.retain(|t| {
            let slug = crate::text::slugify(t);
            !slug.is_empty() && seen.insert(slug)
        });
        terms
    }
}

/// Every key the generator understands.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "lastmod",
    "description",
    "summary",
    "draft",
    "slug",
    "aliases",
    "tags",
    "categories",
    "taxonomies",
    "author",
    "authors",
    "cover",
    "image",
    "images",
    "cover_alt",
    "weight",
    "template",
    "lang",
    "extra",
    "params",
    "toc",
    "paginate_by",
    "number",
    "doc_type",
    "issued",
    "issuer",
    "signer",
    "signer_title",
    "pdf",
    "based_on",
    "attachments",
];

/// Vietnamese names officers may type for known keys.
const VIETNAMESE_KEYS: &[(&str, &str)] = &[
    ("tieu de", "title"),
    ("tieude", "title"),
    ("ten", "title"),
    ("ngay", "date"),
    ("ngay dang", "date"),
    ("ngay cap nhat", "updated"),
    ("mo ta", "description"),
    ("tom tat", "description"),
    ("ban nhap", "draft"),
    ("nhap", "draft"),
    ("the", "tags"),
    ("tu khoa", "tags"),
    ("tac gia", "author"),
    ("anh", "cover"),
    ("anh bia", "cover"),
    ("so", "number"),
    ("so hieu", "number"),
    ("loai", "doc_type"),
    ("loai van ban", "doc_type"),
    ("ngay ban hanh", "issued"),
    ("co quan ban hanh", "issuer"),
    ("nguoi ky", "signer"),
    ("can cu", "based_on"),
    ("phu luc", "attachments"),
    ("tep dinh kem", "attachments"),
    ("dinh kem", "attachments"),
];

/// The known key an unknown one is probably a misspelling of.
pub fn near_miss(key: &str) -> Option<&'static str> {
    let folded = fold(&key.replace(['_', '-'], " "));
    if let Some((_, k)) = VIETNAMESE_KEYS.iter().find(|(vi, _)| *vi == folded.trim()) {
        return Some(k);
    }
    let max = if key.chars().count() <= 5 { 1 } else { 2 };
    let k = nearest(key, KNOWN_KEYS, max)?;
    // A plural/singular of a known key that is itself unknown is still a miss,
    // but keys that merely share letters with short known keys are not.
    (edit_distance(&fold(key), k) <= max).then_some(k)
}

/// Parses `2026-08-05`, `2026-08-05T08:00:00+07:00`, `2026-08-05 08:00`,
/// `05/08/2026` and `5/8/2026`.
pub fn parse_page_date(text: &str) -> Option<PageDate> {
    let t = text.trim();
    if let Some((d, m, y)) = split_dmy(t) {
        return Date::new(y, m, d)
            .ok()
            .map(|date| PageDate { date, time: None });
    }
    if t.len() == 10 {
        return t
            .parse::<Date>()
            .ok()
            .map(|date| PageDate { date, time: None });
    }
    if let Ok(ts) = t.parse::<jiff::Timestamp>() {
        let date = vn_offset().to_datetime(ts).date();
        return Some(PageDate {
            date,
            time: Some(ts),
        });
    }
    if let Ok(dt) = t.replace(' ', "T").parse::<jiff::civil::DateTime>() {
        let ts = vn_offset().to_timestamp(dt).ok()?;
        return Some(PageDate {
            date: dt.date(),
            time: Some(ts),
        });
    }
    None
}

/// Vietnam's UTC offset (+07:00, no daylight saving).
fn vn_offset() -> jiff::tz::Offset {
    jiff::tz::offset(7)
}

fn split_dmy(t: &str) -> Option<(i8, i8, i16)> {
    let mut parts = t.split('/');
    let d = parts.next()?.trim().parse().ok()?;
    let m = parts.next()?.trim().parse().ok()?;
    let y = parts.next()?.trim().parse().ok()?;
    parts.next().is_none().then_some((d, m, y))
}

pub(crate) fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// One attachment as written in front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRef {
    /// File name, relative to the page (or `/…` from `static/`).
    pub file: String,
    /// Title shown on the page ("Phụ lục I – …"); empty when not given.
    pub title: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fields::parse;
    use crate::diagnostics::Diagnostics;

    fn p() -> &'static Path {
        Path::new("content/a.md")
    }

    fn parse_str(text: &str) -> (Option<FrontMatter>, Diagnostics) {
        let mut d = Diagnostics::new();
        let s = split(p(), text).unwrap();
        (parse(p(), &s, &mut d), d)
    }

    #[test]
    fn splits_toml_and_yaml() {
        let s = split(p(), "+++\ntitle = \"A\"\n+++\nBody\n").unwrap();
        assert_eq!(s.format, Some(Format::Toml));
        assert_eq!(s.matter, "title = \"A\"\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
        let s = split(p(), "---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(s.format, Some(Format::Yaml));
        assert_eq!(s.body, "Body");
        let s = split(p(), "# Just markdown\n").unwrap();
        assert_eq!(s.format, None);
    }

    #[test]
    fn unterminated_fence_is_located() {
        let e = split(p(), "+++\ntitle = \"A\"\nBody\n").unwrap_err();
        assert!(e.render().contains("không có dòng “+++” đóng lại"));
        assert_eq!(e.location.line, Some(1));
    }

    #[test]
    fn reads_known_keys_in_both_formats() {
        let (fm, d) = parse_str(
            "+++\ntitle = \"Tin\"\ndate = 2026-08-05\ntags = [\"a\", \"b\"]\n[extra]\nx = 1\n+++\n",
        );
        let fm = fm.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(fm.title.as_deref(), Some("Tin"));
        assert_eq!(fm.date.unwrap().date, jiff::civil::date(2026, 8, 5));
        assert_eq!(fm.tags, ["a", "b"]);
        assert_eq!(fm.params["x"], Value::from(1));
        let (fm, d) = parse_str(
            "---\ntitle: \"NO\"\ndate: 05/08/2026\ntags: [a]\ncover:\n  image: c.svg\n  alt: Ảnh\n---\n",
        );
        let fm = fm.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(fm.title.as_deref(), Some("NO"));
        assert_eq!(fm.date.unwrap().date, jiff::civil::date(2026, 8, 5));
        assert_eq!(fm.cover.as_deref(), Some("c.svg"));
        assert_eq!(fm.cover_alt.as_deref(), Some("Ảnh"));
    }

    #[test]
    fn near_misses_are_errors_unknown_keys_warnings() {
        let (_, d) = parse_str("+++\ntitel = \"A\"\nngay = 2026-01-01\nShowToc = true\n+++\n");
        let msgs: Vec<String> = d.iter().map(|x| x.render()).collect();
        assert_eq!(d.error_count(), 2, "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("“titel”") && m.contains("“title”") && m.contains("a.md:2:1"))
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("“ngay”") && m.contains("“date”") && m.contains("a.md:3:1"))
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("cảnh báo") && m.contains("ShowToc"))
        );
    }

    #[test]
    fn bad_date_and_type_are_located() {
        let (_, d) = parse_str("+++\ntitle = \"A\"\ndate = \"31/02/2026\"\ndraft = \"có\"\n+++\n");
        let msgs: Vec<String> = d.iter().map(|x| x.render()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("không phải là ngày hợp lệ") && m.contains("a.md:3:1")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("“draft” phải là true hoặc false") && m.contains("a.md:4:1")),
            "{msgs:?}"
        );
    }

    #[test]
    fn toml_syntax_error_has_file_line() {
        let (fm, d) = parse_str("+++\ntitle = \"A\ndate = 2026-01-01\n+++\n");
        assert!(fm.is_none());
        let m = d.iter().next().unwrap().render();
        assert!(m.contains("TOML không hợp lệ"), "{m}");
        assert!(m.contains("content/a.md:2:"), "{m}");
    }

    #[test]
    fn page_dates() {
        assert_eq!(
            parse_page_date("2026-08-05").unwrap().date,
            jiff::civil::date(2026, 8, 5)
        );
        let d = parse_page_date("2026-08-05T23:30:00+00:00").unwrap();
        assert_eq!(d.date, jiff::civil::date(2026, 8, 6));
        assert_eq!(d.rfc3339(), "2026-08-06T06:30:00+07:00");
        assert!(parse_page_date("2026-02-30").is_none());
        assert!(parse_page_date("hôm qua").is_none());
    }
}
