//! Blocks → Markdown text as an officer would have typed it: `##`
//! headings, `**bold**`/`*italic*`, `-`/`1.` lists indented by level, pipe
//! tables (first row as header), `[text](url)`, `![alt](file)` and `[^1]`
//! footnotes. Text is escaped so that characters Word users type freely
//! (`*`, `_`, `#`, `[`, `|`, `{{`, `<`) stay literal.

use std::collections::HashMap;
use std::fmt::Write;

use super::model::{Block, Inline, plain};

/// Writes the body. `images` maps a relationship id to the file name the
/// image was saved under; an image without an entry is left out.
pub fn write(
    blocks: &[Block],
    notes: &[Vec<Vec<Inline>>],
    images: &HashMap<String, String>,
) -> String {
    let mut out = String::new();
    let mut counters: Vec<usize> = Vec::new();
    let mut in_list = false;
    for block in blocks {
        let is_item = matches!(block, Block::ListItem { .. });
        let continues_list = is_item && in_list;
        if !out.is_empty() && !continues_list {
            out.push('\n');
        }
        in_list = is_item;
        match block {
            Block::Heading { level, inlines } => {
                let hashes = "#".repeat((*level).clamp(1, 6) as usize);
                let _ = writeln!(out, "{hashes} {}", escape(&plain(inlines), true));
                counters.clear();
            }
            Block::Paragraph(inlines) => {
                let _ = writeln!(out, "{}", safe_lines(&inlines_md(inlines, images, false)));
                counters.clear();
            }
            Block::ListItem {
                ordered,
                level,
                inlines,
            } => {
                let level = *level as usize;
                counters.truncate(level + 1);
                counters.resize(level + 1, 0);
                counters[level] += 1;
                let marker = if *ordered {
                    format!("{}.", counters[level])
                } else {
                    "-".into()
                };
                let indent = "    ".repeat(level);
                // Lines after a hard break stay inside the item.
                let text = safe_lines(&inlines_md(inlines, images, false))
                    .replace("\\\n", &format!("\\\n{indent}    "));
                let _ = writeln!(out, "{indent}{marker} {text}");
            }
            Block::Table(rows) => {
                table(&mut out, rows, images);
                counters.clear();
            }
        }
    }
    for (n, paragraphs) in notes.iter().enumerate() {
        let text: Vec<String> = paragraphs
            .iter()
            .map(|p| inlines_md(p, images, false))
            .collect();
        let _ = write!(out, "\n[^{}]: {}\n", n + 1, text.join(" ").trim());
    }
    out
}

fn table(out: &mut String, rows: &[Vec<Vec<Inline>>], images: &HashMap<String, String>) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return;
    }
    for (r, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            let cell = row
                .get(c)
                .map(|c| inlines_md(c, images, true))
                .unwrap_or_default();
            let _ = write!(out, " {} |", cell.trim());
        }
        out.push('\n');
        if r == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
}

/// Inline content on one line (`in_table`: line breaks become spaces).
fn inlines_md(inlines: &[Inline], images: &HashMap<String, String>, in_table: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < inlines.len() {
        match &inlines[i] {
            Inline::Text { bold, italic, .. } => {
                // Merge neighbouring runs of the same formatting: Word splits
                // text into runs for spell-checking and revision marks.
                let mut text = String::new();
                while let Some(Inline::Text {
                    text: t,
                    bold: b,
                    italic: it,
                }) = inlines.get(i)
                {
                    if b != bold || it != italic {
                        break;
                    }
                    text.push_str(t);
                    i += 1;
                }
                out.push_str(&emphasis(&escape(&text, in_table), *bold, *italic));
                continue;
            }
            Inline::Link { href, children } => {
                let label = inlines_md(children, images, in_table);
                let _ = write!(
                    out,
                    "[{}](<{}>)",
                    label.trim(),
                    href.replace(['<', '>', ' '], "")
                );
            }
            Inline::Image(img) => {
                if let Some(file) = images.get(&img.rel_id) {
                    let _ = write!(out, "![{}]({file})", escape(&img.alt, in_table));
                }
            }
            Inline::Note(n) => {
                let _ = write!(out, "[^{n}]");
            }
            Inline::LineBreak => out.push_str(if in_table { " " } else { "\\\n" }),
        }
        i += 1;
    }
    out
}

/// Wraps text in `**`/`*`, keeping surrounding spaces outside the markers
/// (CommonMark does not open emphasis before a space).
fn emphasis(text: &str, bold: bool, italic: bool) -> String {
    let marker = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => return text.to_owned(),
    };
    let core = text.trim();
    if core.is_empty() {
        return text.to_owned();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{marker}{core}{marker}{trail}")
}

/// Backslash-escapes Markdown punctuation; collapses line breaks and tabs.
fn escape(text: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '{' | '}' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '|' if in_table => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// [`line_start`] for every line of a paragraph or list item: a line
/// after a hard break that began with `- ` would start a list.
fn safe_lines(text: &str) -> String {
    text.split("\\\n")
        .map(line_start)
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// Escapes what would start a block at the beginning of a paragraph
/// (`# `, `- `, `+ `, `1. `, `> `).
fn line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let after = &trimmed[digits..];
    let needs = trimmed.starts_with('#')
        || trimmed.starts_with("- ")
        || trimmed.starts_with("+ ")
        || trimmed == "-"
        || trimmed.starts_with("---")
        || trimmed.starts_with("===")
        || (digits > 0 && (after.starts_with(". ") || after.starts_with(") ")));
    if !needs {
        return trimmed.to_owned();
    }
    if digits > 0 {
        format!("{}\\{}", &trimmed[..digits], after)
    } else {
        format!("\\{trimmed}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool, italic: bool) -> Inline {
        Inline::Text {
            text: text.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn emphasis_keeps_spaces_outside_and_escapes() {
        let md = write(
            &[Block::Paragraph(vec![
                t("Tỷ lệ ", false, false),
                t("đạt ", true, false),
                t("95*", true, false),
                t(" [a]", false, true),
            ])],
            &[],
            &HashMap::new(),
        );
        assert_eq!(md, "Tỷ lệ **đạt 95\\*** *\\[a\\]*\n");
    }

    #[test]
    fn nested_lists_and_numbering() {
        let item = |ordered, level, s: &str| Block::ListItem {
            ordered,
            level,
            inlines: vec![t(s, false, false)],
        };
        let md = write(
            &[
                item(true, 0, "a"),
                item(false, 1, "b"),
                item(true, 0, "c"),
                Block::Paragraph(vec![t("1. không phải danh sách", false, false)]),
            ],
            &[],
            &HashMap::new(),
        );
        assert_eq!(md, "1. a\n    - b\n2. c\n\n1\\. không phải danh sách\n");
        let item = Block::ListItem {
            ordered: false,
            level: 0,
            inlines: vec![
                t("2026. Năm", false, false),
                Inline::LineBreak,
                t("- tiếp", false, false),
            ],
        };
        let md = write(&[item], &[], &HashMap::new());
        assert_eq!(md, "- 2026\\. Năm\\\n    \\- tiếp\n");
    }

    #[test]
    fn tables_pad_rows_and_escape_pipes() {
        let md = write(
            &[Block::Table(vec![
                vec![vec![t("A|B", false, false)], vec![t("C", true, false)]],
                vec![vec![t("1", false, false)]],
            ])],
            &[],
            &HashMap::new(),
        );
        assert_eq!(md, "| A\\|B | **C** |\n| --- | --- |\n| 1 |  |\n");
    }
}
