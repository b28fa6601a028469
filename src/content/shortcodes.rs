//! Block shortcodes in Markdown: a line of its own like
//! `{{ bieu_do(loai="chi-tieu", ma="ST26-01") }}` is replaced by HTML that a
//! [`Shortcodes`] implementation renders (charts, tables from the data).
//!
//! Shortcodes inside fenced code blocks stay literal. Only whole-line
//! shortcodes are recognised: a chart inside a sentence would put a
//! `<figure>` inside a `<p>`, which is invalid HTML.

use std::collections::BTreeMap;

/// Renders a shortcode to HTML, or explains in Vietnamese what is wrong.
pub trait Shortcodes: Sync {
    fn render(&self, name: &str, args: &BTreeMap<String, String>) -> Result<String, String>;

    /// Output paths of the pages and files made from the data (`chi-tieu/`,
    /// `du-lieu/chi-tieu.csv`), which Markdown links may point to.
    fn generated_pages(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A shortcode found in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub name: String,
    pub args: BTreeMap<String, String>,
    /// 0-based line index within the body.
    pub line: usize,
}

/// The placeholder paragraph text for shortcode `n`.
pub fn placeholder(n: usize) -> String {
    format!("MINHBACHSHORTCODE{n}X")
}

/// Replaces shortcode lines with placeholders. Returns the new text and the
/// calls in order (placeholder `n` is `calls[n]`), or the line and a message
/// for a malformed shortcode.
pub fn extract(body: &str) -> Result<(String, Vec<Call>), (usize, String)> {
    if !body.contains("{{") {
        return Ok((body.to_owned(), Vec::new()));
    }
    let mut out = String::with_capacity(body.len());
    let mut calls = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str()) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(trimmed[..3].to_owned());
            out.push_str(line);
            continue;
        }
        if let Some(inner) = trimmed
            .strip_prefix("{{")
            .and_then(|s| s.strip_suffix("}}"))
        {
            let call = parse_call(inner.trim()).map_err(|m| (i, m))?;
            // Pad to the original length so byte offsets of later lines
            // (used to locate errors) stay the same.
            let ph = placeholder(calls.len());
            let width = line.trim_end_matches(['\n', '\r']).len();
            out.push_str(&ph);
            out.push_str(&" ".repeat(width.saturating_sub(ph.len())));
            out.push_str(&line[line.trim_end_matches(['\n', '\r']).len()..]);
            calls.push(Call { line: i, ..call });
            continue;
        }
        out.push_str(line);
    }
    Ok((out, calls))
}

/// Parses `name(k="v", n=3)`.
fn parse_call(text: &str) -> Result<Call, String> {
    let open = text
        .find('(')
        .ok_or_else(|| "thiếu dấu “(” sau tên mã chèn".to_owned())?;
    let name = text[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "tên mã chèn “{name}” không hợp lệ (chỉ dùng chữ không dấu, số và dấu _)"
        ));
    }
    let inner = text[open + 1..]
        .strip_suffix(')')
        .ok_or_else(|| "thiếu dấu “)” ở cuối mã chèn".to_owned())?;
    let mut args = BTreeMap::new();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("tham số “{rest}” thiếu dấu “=”"))?;
        let key = rest[..eq].trim().to_owned();
        rest = rest[eq + 1..].trim_start();
        let (value, after) = if let Some(q) = rest.strip_prefix('"') {
            let end = q
                .find('"')
                .ok_or_else(|| format!("giá trị của “{key}” thiếu dấu ngoặc kép đóng"))?;
            (q[..end].to_owned(), &q[end + 1..])
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (rest[..end].trim().to_owned(), &rest[end..])
        };
        args.insert(key, value);
        rest = after.trim_start().trim_start_matches(',').trim_start();
    }
    Ok(Call {
        name: name.to_owned(),
        args,
        line: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_whole_line_shortcodes_outside_code() {
        let body = "Đoạn.\n\n{{ bieu_do(loai=\"chi-tieu\", ma=\"ST26-01\") }}\n\n```\n{{ bieu_do(ma=\"x\") }}\n```\nxem {{ a() }} ở đây\n";
        let (text, calls) = extract(body).unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "bieu_do");
        assert_eq!(calls[0].args["ma"], "ST26-01");
        assert_eq!(calls[0].line, 2);
        assert!(text.contains("MINHBACHSHORTCODE0X "));
        assert_eq!(text.len(), body.len());
        assert!(text.contains("```\n{{ bieu_do(ma=\"x\") }}\n```"));
        assert!(text.contains("xem {{ a() }} ở đây"));
    }

    #[test]
    fn malformed_shortcode_is_reported() {
        let err = extract("a\n{{ bieu_do(ma=\"x) }}\n").unwrap_err();
        assert_eq!(err.0, 1);
        assert!(err.1.contains("ngoặc kép"));
    }
}
