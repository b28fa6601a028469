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

/// Shortcodes of Zola/Hugo themes that share minhbach's `{{ name() }}`
/// syntax: their errors point to `minhbach import`.
pub const FOREIGN_SHORTCODES: &[&str] = &[
    "youtube",
    "vimeo",
    "figure",
    "gist",
    "tweet",
    "x",
    "streamable",
    "instagram",
    "image",
    "img",
    "video",
    "admonition",
    "notice",
    "note",
    "quote",
    "mermaid",
    "katex",
    "dimmable_image",
    "full_width_image",
    "image_hover",
    "remote_text",
    "aside",
    "wide_container",
];

/// The fence a line opens (its character and length: ```` ```` ```` is
/// four backticks), as CommonMark reads it.
fn fence_opening(trimmed: &str) -> Option<(char, usize)> {
    let c = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = trimmed.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// Whether a line closes the fence `open`: only the same character, at
/// least as many (a ```` ```rust ```` line inside a four-backtick block is
/// text, not its end).
fn closes_fence(trimmed: &str, (c, n): (char, usize)) -> bool {
    trimmed.len() >= n && trimmed.chars().all(|x| x == c)
}

/// A line that is not a valid minhbach shortcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 0-based line index within the body.
    pub line: usize,
    pub message: String,
    /// Written in another generator's syntax (Hugo `{{< … >}}` /
    /// `{{% … %}}`, Zola `{% … %}`): the hint points to `minhbach import`.
    pub foreign: bool,
}

/// Replaces shortcode lines with placeholders. Returns the new text, the
/// calls in order (placeholder `n` is `calls[n]`) and every malformed or
/// foreign shortcode (lines with problems are left as written).
pub fn extract(body: &str) -> (String, Vec<Call>, Vec<Problem>) {
    if !body.contains("{{") && !body.contains("{%") {
        return (body.to_owned(), Vec::new(), Vec::new());
    }
    let mut out = String::with_capacity(body.len());
    let mut calls = Vec::new();
    let mut problems = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if let Some(open) = fence {
            if closes_fence(trimmed, open) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if let Some(open) = fence_opening(trimmed) {
            fence = Some(open);
            out.push_str(line);
            continue;
        }
        if let Some(message) = foreign_shortcode(line) {
            problems.push(Problem {
                line: i,
                message,
                foreign: true,
            });
            out.push_str(line);
            continue;
        }
        if let Some(inner) = trimmed
            .strip_prefix("{{")
            .and_then(|s| s.strip_suffix("}}"))
        {
            match parse_call(inner.trim()) {
                Ok(call) => {
                    // Pad to the original length so byte offsets of later
                    // lines (used to locate errors) stay the same.
                    let ph = placeholder(calls.len());
                    let width = line.trim_end_matches(['\n', '\r']).len();
                    out.push_str(&ph);
                    out.push_str(&" ".repeat(width.saturating_sub(ph.len())));
                    out.push_str(&line[line.trim_end_matches(['\n', '\r']).len()..]);
                    calls.push(Call { line: i, ..call });
                }
                Err(message) => {
                    let first: String = inner
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    let foreign = FOREIGN_SHORTCODES.contains(&first.as_str());
                    let message = if foreign {
                        format!("mã chèn “{first}” là của Hugo/Zola, minhbach không hiểu")
                    } else {
                        message
                    };
                    problems.push(Problem {
                        line: i,
                        message,
                        foreign,
                    });
                    out.push_str(line);
                }
            }
            continue;
        }
        out.push_str(line);
    }
    (out, calls, problems)
}

/// A Hugo (`{{< name … >}}`, `{{% name … %}}`) or Zola block (`{% name() %}`)
/// shortcode on this line, described; `None` when there is none. Hugo's
/// escaped form `{{</* … */>}}` (used to show a shortcode) counts too.
fn foreign_shortcode(line: &str) -> Option<String> {
    for (open, close, who) in [
        ("{{<", ">}}", "Hugo"),
        ("{{%", "%}}", "Hugo"),
        ("{%", "%}", "Zola"),
    ] {
        // Inside an inline code span (`…`) it is shown, not run.
        let Some(at) = line
            .match_indices(open)
            .map(|(i, _)| i)
            .find(|&i| line[..i].matches('`').count().is_multiple_of(2))
        else {
            continue;
        };
        let rest = &line[at + open.len()..];
        let inner = rest.find(close).map_or(rest, |e| &rest[..e]);
        let inner = inner.trim().trim_start_matches("/*").trim();
        let name: String = inner
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/' | '.'))
            .collect();
        // Zola's block shortcodes are `{% name(…) %}` … `{% end %}`; other
        // `{%` text is left alone.
        if who == "Zola" && !(inner.starts_with(&format!("{name}(")) || name == "end") {
            continue;
        }
        let shown = if name.is_empty() { "?" } else { name.as_str() };
        return Some(format!(
            "mã chèn “{shown}” viết theo cú pháp của {who} ({open} … {close}), minhbach không hiểu"
        ));
    }
    None
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
        let (text, calls, problems) = extract(body);
        assert!(problems.is_empty());
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "bieu_do");
        assert_eq!(calls[0].args["ma"], "ST26-01");
        assert_eq!(calls[0].line, 2);
        assert!(text.contains("MINHBACHSHORTCODE0X "));
        assert_eq!(text.len(), body.len());
        assert!(text.contains("```\n{{ bieu_do(ma=\"x\") }}\n```"));
        assert!(text.contains("xem {{ a() }} ở đây"));
    }

    /// A fence closes only on a line of the same character, at least as
    /// long: a four-backtick block showing a three-backtick one (as theme
    /// documentation does) holds its ```` ```rust ```` lines as text, and
    /// code after it stays code (seen importing the Zola theme tabi's site).
    #[test]
    fn fences_close_as_commonmark_says() {
        let body = "````\n```rust\nfn main() {}\n```\n````\n\n```toml\n{% aside() %}\n```\n\n~~~\n```\n{{ youtube(id=\"x\") }}\n~~~\n{{ bieu_do(ma=\"ST26-01\") }}\n";
        let (_, calls, problems) = extract(body);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].line, 14);
        // An opening fence with an info string is no closing one.
        let (_, _, problems) = extract("```\n```rust\n{% aside() %}\n```\n");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn malformed_shortcode_is_reported() {
        let (_, _, problems) = extract("a\n{{ bieu_do(ma=\"x) }}\n");
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("ngoặc kép"));
        assert!(!problems[0].foreign);
    }

    #[test]
    fn every_hugo_and_zola_shortcode_is_reported() {
        let body = "{{< youtube abc >}}\n\nChữ {{% notice info %}} chữ.\n\n```\n{{< figure src=\"a\" >}}\n```\n{% quote(author=\"A\") %}\n{{</* gist x */>}}\n{{ bieu_do(ma=\"ST26-01\") }}\n";
        let (text, calls, problems) = extract(body);
        assert_eq!(calls.len(), 1);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [0, 2, 7, 8]);
        assert!(problems.iter().all(|p| p.foreign));
        assert!(problems[0].message.contains("“youtube”"));
        assert!(problems[0].message.contains("Hugo"));
        assert!(problems[1].message.contains("“notice”"));
        assert!(problems[2].message.contains("Zola"));
        assert!(problems[3].message.contains("“gist”"));
        assert_eq!(text.len(), body.len());
        let (_, _, problems) = extract("Viết `{{< youtube id >}}` trong Hugo; 100 {% tăng.\n");
        assert!(problems.is_empty(), "{problems:?}");
        let (_, _, problems) = extract("{{ youtube id }}\n");
        assert!(problems[0].foreign && problems[0].message.contains("“youtube”"));
    }
}
