//! Markdown → HTML with pulldown-cmark: internal links to source files are
//! rewritten to output URLs (a missing target is a located error), heading
//! ids and a table of contents are added, raw HTML follows the site policy,
//! and a summary is cut at `<!-- more -->` or the first paragraph.
//!
//! Internal URLs are written as `ROOT_MARKER + path`; [`place`] replaces the
//! marker with the `../` prefix of the page the HTML ends up on.

mod headings;
mod raw_html;
mod shortcode_splice;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::highlight;
pub use super::links::{LinkTargets, ROOT_MARKER, Source, page_link, place};
use super::shortcodes::{self, Shortcodes};
use crate::config::MarkdownConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::text::escape;
use headings::add_heading_ids;
pub use headings::{Heading, plain_text};
use raw_html::{html_event, raw_url};
use shortcode_splice::splice_shortcodes;

/// The rendered body of a page.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub summary_html: String,
    /// The summary as plain text (for descriptions, feeds, search).
    pub summary_text: String,
    pub toc: Vec<Heading>,
    pub word_count: usize,
    /// The body calls shortcodes, so it depends on more than its file (the
    /// data): `serve` never reuses such a body from its cache.
    pub uses_shortcodes: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders a page body with the site's `[markdown]` options (raw HTML
/// policy, highlighting of fenced code).
pub fn render(
    src: &Source<'_>,
    targets: &LinkTargets,
    opts: &MarkdownConfig,
    shortcodes: Option<&dyn Shortcodes>,
    diags: &mut Diagnostics,
) -> Rendered {
    let original_body = &src.file_text[src.body_offset..];
    let (body_text, calls, problems) = shortcodes::extract(original_body);
    if !problems.is_empty() {
        let (body_line, _) = line_col(src.file_text, src.body_offset);
        for p in problems {
            let hint = if p.foreign {
                "chạy “minhbach import THU_MUC_HUGO_HOAC_ZOLA” để chuyển cả trang (youtube, figure, gist… được đổi tự động), hoặc thay bằng Markdown: ảnh ![mô tả](anh.png), video [Tên video](https://www.youtube.com/watch?v=…); xem docs/chuyen-tu-hugo-zola.md"
            } else {
                "viết mã chèn trên một dòng riêng, ví dụ {{ bieu_do(loai=\"chi-tieu\", ma=\"ST26-01\") }}"
            };
            let prefix = if p.foreign {
                ""
            } else {
                "mã chèn sai cú pháp: "
            };
            diags.push(
                Diagnostic::error(src.display_path, format!("{prefix}{}", p.message))
                    .at(body_line + p.line, 1)
                    .with_source(src.file_text)
                    .hint(hint),
            );
        }
    }
    // Control characters are not allowed in HTML; pulldown-cmark passes them
    // through. Spaces keep every byte offset (and so every error position).
    let body_text = if crate::text::scan::has_stray_control(&body_text) {
        let mut clean = String::with_capacity(body_text.len());
        for c in body_text.chars() {
            if is_stray_control(c) {
                clean.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                clean.push(c);
            }
        }
        clean
    } else {
        body_text
    };
    // `![x](anh lop hoc.png)`: a destination with spaces, read as meant.
    let (body_text, inserted) = match super::raw_syntax::wrap_spaced_destinations(&body_text) {
        Some((t, ins)) => (t, ins),
        None => (body_text, super::raw_syntax::Inserted::default()),
    };
    let body = body_text.as_str();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut more_at: Option<usize> = None;
    let mut word_count = 0;
    // A fenced block in a known language: its text is gathered here and
    // replaced by one highlighted HTML event at its end.
    let mut code: Option<(String, String)> = None;
    // Paragraph text so far (start offset, text), to spot raw Markdown.
    let mut paragraph: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let at = src.body_offset + inserted.original(range.start);
        match &event {
            Event::Start(Tag::Paragraph) => paragraph = Some((at, String::new())),
            Event::Text(t) => {
                if let Some((_, p)) = &mut paragraph {
                    p.push_str(t);
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((start, text)) = paragraph.take()
                    && super::raw_syntax::looks_unconverted(&text)
                {
                    let (line, col) = line_col(src.file_text, start);
                    diags.push(
                        Diagnostic::warning(
                            src.display_path,
                            "đoạn văn có cú pháp ảnh/liên kết Markdown không đọc được, sẽ hiện nguyên chữ “[…](…)”",
                        )
                        .at(line, col)
                        .with_source(src.file_text)
                        .hint("đường dẫn có dấu ngoặc hoặc ký tự lạ: viết đường dẫn trong <…>, ví dụ ![mô tả](<anh (1).png>), và không để dấu cách giữa ] và ("),
                    );
                }
            }
            _ => {}
        }
        if let Some((_, text)) = code.as_mut() {
            match event {
                Event::Text(t) => {
                    word_count += crate::text::scan::word_count(&t);
                    text.push_str(&t);
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, text) = code.take().expect("in a code block");
                    let html = highlight::highlight(&lang, &text).unwrap_or_else(|| {
                        format!("<pre><code>{}</code></pre>\n", escape::html(&text))
                    });
                    events.push(Event::Html(html.into()));
                }
                _ => {}
            }
            continue;
        }
        let event = match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if opts.highlight && highlight::is_known(highlight::language(&info)) =>
            {
                code = Some((highlight::language(&info).to_owned(), String::new()));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = super::links::resolve(src, at, &dest_url, targets, diags);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = super::links::resolve(src, at, &dest_url, targets, diags);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                })
            }
            Event::Html(h) | Event::InlineHtml(h) if h.trim() == "<!-- more -->" => {
                more_at.get_or_insert(events.len());
                continue;
            }
            // `<a href>` and `<img src>` are checked like Markdown links.
            Event::Html(h) => html_event(h, opts.raw_html, true, &mut |u| {
                raw_url(src, at, u, targets, diags)
            }),
            Event::InlineHtml(h) => html_event(h, opts.raw_html, false, &mut |u| {
                raw_url(src, at, u, targets, diags)
            }),
            Event::TaskListMarker(done) => {
                let label = if done {
                    "đã hoàn thành"
                } else {
                    "chưa hoàn thành"
                };
                let checked = if done { " checked" } else { "" };
                Event::InlineHtml(CowStr::from(format!(
                    "<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> "
                )))
            }
            Event::Text(t) => {
                word_count += crate::text::scan::word_count(&t);
                Event::Text(t)
            }
            e => e,
        };
        events.push(event);
    }
    let toc = add_heading_ids(&mut events);
    let summary_events: &[Event<'_>] = match more_at {
        Some(i) => &events[..i],
        None => first_paragraph(&events),
    };
    let mut summary_html = String::new();
    html::push_html(&mut summary_html, summary_events.iter().cloned());
    let summary_html = alignment_classes(summary_html);
    let summary_text = plain_text(summary_events);
    // The whole body last: its events are moved into the writer, not cloned.
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    let mut out = alignment_classes(out);
    if !calls.is_empty() {
        out = splice_shortcodes(src, out, &calls, shortcodes, diags);
    }
    Rendered {
        html: out,
        summary_html,
        summary_text,
        toc,
        word_count,
        uses_shortcodes: !calls.is_empty(),
    }
}

/// Control characters (C0, DEL, C1) other than tab and line breaks.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The events of the first paragraph (for the default summary).
fn first_paragraph<'e, 'a>(events: &'e [Event<'a>]) -> &'e [Event<'a>] {
    let Some(start) = events
        .iter()
        .position(|e| matches!(e, Event::Start(Tag::Paragraph)))
    else {
        return &[];
    };
    let end = events[start..]
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
        .map_or(events.len(), |i| start + i + 1);
    &events[start..end]
}

/// Table cells aligned in Markdown (`|--:|`) get a class, not the
/// `style="text-align: …"` pulldown-cmark writes: a strict
/// Content-Security-Policy refuses style attributes. (Raw HTML cannot bring
/// a `style` here: the filter dropped it, and code is escaped.)
fn alignment_classes(html: String) -> String {
    const STYLE: &str = " style=\"text-align: ";
    // One pass over the page (it was six `replace` calls, each copying it).
    let mut out = String::new();
    let mut copied = 0;
    // memchr's vector search: a page is searched twice (body and summary).
    for at in memchr::memmem::find_iter(html.as_bytes(), STYLE) {
        let cell = html[..at].ends_with("<td") || html[..at].ends_with("<th");
        let tail = &html[at + STYLE.len()..];
        let align = ["left", "center", "right"]
            .into_iter()
            .find(|a| tail.strip_prefix(a).is_some_and(|t| t.starts_with("\">")));
        let (true, Some(align)) = (cell && at >= copied, align) else {
            continue;
        };
        if out.is_empty() {
            out.reserve(html.len());
        }
        out.push_str(&html[copied..at]);
        out.push_str(" class=\"align-");
        out.push_str(align);
        out.push_str("\">");
        copied = at + STYLE.len() + align.len() + 2;
    }
    if copied == 0 {
        return html;
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RawHtml;
    use std::path::Path;

    fn targets() -> LinkTargets {
        let mut t = LinkTargets::default();
        t.pages
            .insert("van-ban/ke-hoach.md".into(), "van-ban/ke-hoach/".into());
        t.pages
            .insert("tin-tuc/2026-08-05-bai.md".into(), "tin-tuc/bai/".into());
        t.pages
            .insert("tin-tuc/_index.md".into(), "tin-tuc/".into());
        t.assets
            .insert("tin-tuc/anh.svg".into(), "tin-tuc/anh.svg".into());
        t
    }

    pub(super) fn run(body: &str) -> (Rendered, Diagnostics) {
        let mut d = Diagnostics::new();
        let text = format!("+++\ntitle = \"x\"\n+++\n{body}");
        let body_offset = text.len() - body.len();
        let src = Source {
            display_path: Path::new("content/tin-tuc/a.md"),
            rel: "tin-tuc/a.md",
            file_text: &text,
            body_offset,
        };
        let r = render(&src, &targets(), &MarkdownConfig::default(), None, &mut d);
        (r, d)
    }

    #[test]
    fn control_characters_become_spaces_and_positions_stay_right() {
        let (r, d) = run("a\u{0}b\u{85}c\u{1b}d\n\n[x](khong-co.md)\n");
        assert_eq!(r.html.lines().next(), Some("<p>a b  c d</p>"));
        // The broken link is still reported at its real line and column.
        assert!(
            d.iter()
                .any(|d| d.location.line == Some(6) && d.location.column == Some(1)),
            "{d:?}"
        );
    }

    #[test]
    fn rewrites_source_links_and_assets() {
        let (r, d) =
            run("Xem [kế hoạch](../van-ban/ke-hoach.md#muc-1) và ![ảnh](anh.svg) và [tin](./) .\n");
        assert!(d.is_empty(), "{d:?}");
        assert!(
            r.html
                .contains("href=\"minhbach-root:/van-ban/ke-hoach/#muc-1\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("src=\"minhbach-root:/tin-tuc/anh.svg\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"minhbach-root:/tin-tuc/\""),
            "{}",
            r.html
        );
        assert_eq!(
            place("href=\"minhbach-root:/a/\"", "../../"),
            "href=\"../../a/\""
        );
    }

    #[test]
    fn raw_html_links_and_images_are_checked_like_markdown_ones() {
        let body = "Mở đầu.\n\n<p>Xem <a href=\"../van-ban/ke-hoach.md#muc-1\">kế hoạch</a> và <a href=\"https://vneid.gov.vn/\">VNeID</a>.</p>\n\n<figure>\n<img src=\"anh.svg\" alt=\"Ảnh\">\n<img src=\"khong-co.png\" alt=\"Thiếu\">\n</figure>\n\nCâu có <a href=\"../van-ban/mat.md\">liên kết hỏng</a> giữa dòng.\n";
        let (r, d) = run(body);
        assert!(
            r.html
                .contains("<a href=\"minhbach-root:/van-ban/ke-hoach/#muc-1\">kế hoạch</a>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<a href=\"https://vneid.gov.vn/\">"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<img src=\"minhbach-root:/tin-tuc/anh.svg\" alt=\"Ảnh\">"),
            "{}",
            r.html
        );
        let errors: Vec<String> = d.iter().map(|x| x.render()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("liên kết hỏng: không tìm thấy “khong-co.png”")
                && errors[0].contains("content/tin-tuc/a.md:10:1"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains("“../van-ban/mat.md”")
                && errors[1].contains("content/tin-tuc/a.md:13:8"),
            "{}",
            errors[1]
        );
        // Escaped raw HTML is text: nothing to check.
        let mut d = Diagnostics::new();
        let text = "<a href=\"khong-co.md\">x</a>\n";
        let src = Source {
            display_path: Path::new("content/a.md"),
            rel: "a.md",
            file_text: text,
            body_offset: 0,
        };
        let escape = MarkdownConfig {
            raw_html: RawHtml::Escape,
            ..MarkdownConfig::default()
        };
        render(&src, &targets(), &escape, None, &mut d);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn broken_link_is_located() {
        let (_, d) = run("Dòng một.\n\nXem [đây](../van-ban/khong-co.md).\n");
        let m = d.iter().next().unwrap().render();
        assert!(m.contains("liên kết hỏng"), "{m}");
        assert!(m.contains("content/tin-tuc/a.md:6:5"), "{m}");
        assert!(m.contains("Xem [đây]"), "{m}");
    }

    #[test]
    fn javascript_links_are_refused() {
        let (r, d) = run("[x](javascript:alert(1))\n");
        assert!(d.has_errors());
        assert!(!r.html.contains("javascript:"));
    }

    #[test]
    fn summary_from_more_marker_or_first_paragraph() {
        let (r, _) = run("Mở đầu **đậm**.\n\nĐoạn hai.\n");
        assert_eq!(r.summary_text, "Mở đầu đậm.");
        assert!(r.summary_html.contains("<strong>đậm</strong>"));
        let (r, _) = run("A.\n\nB.\n\n<!-- more -->\n\nC.\n");
        assert_eq!(r.summary_text, "A. B.");
        assert!(!r.html.contains("more"));
    }

    #[test]
    fn headings_get_unique_ids() {
        let (r, _) = run("## Kết quả\n\n## Kết quả\n\n### Nhiệm vụ {#nv}\n");
        assert!(r.html.contains("<h2 id=\"ket-qua\">"));
        assert!(r.html.contains("<h2 id=\"ket-qua-2\">"));
        assert!(r.html.contains("<h3 id=\"nv\">"));
        assert_eq!(r.toc.len(), 3);
    }

    #[test]
    fn task_lists_are_labelled() {
        let (r, _) = run("- [x] xong\n- [ ] chưa\n");
        assert!(r.html.contains("aria-label=\"đã hoàn thành\""));
    }
}

#[cfg(test)]
mod shortcode_tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::Path;

    struct Echo;
    impl Shortcodes for Echo {
        fn render(&self, name: &str, args: &BTreeMap<String, String>) -> Result<String, String> {
            match name {
                "hop" => Ok(format!(
                    "<figure>{}</figure>\n",
                    args.get("ma").cloned().unwrap_or_default()
                )),
                _ => Err("không có mã chèn này".into()),
            }
        }
    }

    #[test]
    fn shortcodes_are_spliced_and_errors_located() {
        let text = "+++\n+++\nĐầu.\n\n{{ hop(ma=\"ST26-01\") }}\n\n{{ khong_co() }}\n\nCuối [x](khong.md).\n";
        let mut d = Diagnostics::new();
        let src = Source {
            display_path: Path::new("content/a.md"),
            rel: "a.md",
            file_text: text,
            body_offset: 8,
        };
        let r = render(
            &src,
            &LinkTargets::default(),
            &MarkdownConfig::default(),
            Some(&Echo),
            &mut d,
        );
        assert!(r.html.contains("<figure>ST26-01</figure>"), "{}", r.html);
        assert!(!r.html.contains("<p><figure>"));
        let msgs: Vec<String> = d.iter().map(|x| x.render()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("khong_co") && m.contains("a.md:7:1")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("liên kết hỏng") && m.contains("a.md:9:")),
            "{msgs:?}"
        );
    }

    #[test]
    fn aligned_table_cells_get_classes_not_styles() {
        let (r, _) = super::tests::run("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");
        for cell in [
            "<th class=\"align-left\">a</th>",
            "<th class=\"align-center\">b</th>",
            "<th class=\"align-right\">c</th>",
            "<th>d</th>",
            "<td class=\"align-left\">1</td>",
            "<td class=\"align-center\">2</td>",
            "<td class=\"align-right\">3</td>",
            "<td>4</td>",
        ] {
            assert!(r.html.contains(cell), "{cell} in {}", r.html);
        }
        assert!(!r.html.contains("style="), "{}", r.html);
    }

    /// The one-pass rewrite gives what one `replace` per pattern gave.
    #[test]
    fn alignment_classes_equal_one_replace_per_pattern() {
        let by_replace = |mut html: String| {
            for cell in ["td", "th"] {
                for align in ["left", "center", "right"] {
                    html = html.replace(
                        &format!("<{cell} style=\"text-align: {align}\">"),
                        &format!("<{cell} class=\"align-{align}\">"),
                    );
                }
            }
            html
        };
        for html in [
            "",
            "<p>no table</p>",
            "<td style=\"text-align: left\">x</td><th style=\"text-align: right\">",
            "<td style=\"text-align: left\"><td style=\"text-align: center\">",
            "<p style=\"text-align: left\">not a cell</p><td style=\"text-align: right\">",
            "<td style=\"text-align: justify\"> <td style=\"text-align: left\" id=\"k\">",
            "<tr style=\"text-align: left\"> style=\"text-align: left\">",
            "ô<th style=\"text-align: center\">ư</th> style=\"text-align: ",
        ] {
            assert_eq!(
                alignment_classes(html.to_owned()),
                by_replace(html.to_owned())
            );
        }
    }
}
