//! Hugo (`{{< name … >}}`, `{{% name … %}}`, paired with `{{< /name >}}`)
//! and Zola (`{{ name(k="v") }}`, `{% name(…) %} … {% end %}`) shortcodes
//! in a body, converted to plain Markdown where there is an equivalent:
//! images (`figure`, any shortcode with `src`), video and social links
//! (`youtube`, `vimeo`, `gist`, `tweet`/`x`, `instagram` become ordinary
//! links — no third-party script), `ref`/`relref` (links to the page's new
//! source path), `highlight` (a fenced code block). Paired shortcodes
//! without an equivalent keep their content; the rest are removed. Every
//! change is listed for the report. Code (fenced or inline) is left alone,
//! except Hugo's escaped `{{</* … */>}}`, which becomes what Hugo shows.
//!
//! Split by job: [`scan`] finds the shortcodes outside code, [`args`] reads
//! their arguments, [`equivalents`] says what each becomes; this module
//! walks the body and pairs opening and closing ones.

mod args;
mod equivalents;
mod scan;

use equivalents::{paired, single};
use scan::{Kind, Token, code_ranges, tokens, unescape_code};

/// One shortcode met, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based line in the body.
    pub line: usize,
    pub name: String,
    /// What became of it (Vietnamese).
    pub outcome: String,
    /// Converted to an equivalent (false: removed or only its content kept).
    pub converted: bool,
}

/// Converts the shortcodes of `body`. `resolve_ref` turns a Hugo `ref`
/// argument into a link destination (`None`: not found).
pub fn convert(body: &str, resolve_ref: &dyn Fn(&str) -> Option<String>) -> (String, Vec<Note>) {
    if !body.contains("{{") && !body.contains("{%") {
        return (body.to_owned(), Vec::new());
    }
    let code = code_ranges(body);
    let tokens = tokens(body, &code);
    let mut notes = Vec::new();
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        out.push_str(&unescape_code(&body[at..t.range.start], at, &code));
        let line = body[..t.range.start].matches('\n').count() + 1;
        let close = matches!(t.kind, Kind::Open)
            .then(|| closing(&tokens, i))
            .flatten();
        match (&t.kind, close) {
            (Kind::Escaped(shown), _) => {
                out.push('`');
                out.push_str(shown);
                out.push('`');
                at = t.range.end;
            }
            (Kind::Open, Some(j)) => {
                let inner_src = &body[t.range.end..tokens[j].range.start];
                let (inner, inner_notes) = convert(inner_src, resolve_ref);
                let shift = line - 1 + body[t.range.clone()].matches('\n').count();
                notes.extend(inner_notes.into_iter().map(|mut n| {
                    n.line += shift;
                    n
                }));
                let (text, outcome, converted) = paired(t, &inner);
                out.push_str(&text);
                notes.push(Note {
                    line,
                    name: t.name.clone(),
                    outcome,
                    converted,
                });
                at = tokens[j].range.end;
                i = j;
            }
            (Kind::Open, None) => {
                let (text, outcome, converted) = single(t, resolve_ref);
                out.push_str(&text);
                notes.push(Note {
                    line,
                    name: t.name.clone(),
                    outcome,
                    converted,
                });
                at = t.range.end;
            }
            (Kind::Close | Kind::End, _) => {
                notes.push(Note {
                    line,
                    name: t.name.clone(),
                    outcome: "thẻ đóng thừa, đã bỏ".into(),
                    converted: false,
                });
                at = t.range.end;
            }
        }
        i += 1;
    }
    out.push_str(&unescape_code(&body[at..], at, &code));
    (out, notes)
}

/// Zola's escaped shortcodes inside code (`{{/* name() */}}`, `{%/* name()
/// */%}`), as Zola shows them: `{{ name() }}`, `{% name() %}`. Only for a
/// Zola site: in a Hugo site `{{/* … */}}` is a template comment, shown as
/// written.
pub fn unescape_zola_code(body: &str) -> String {
    if !body.contains("/*") {
        return body.to_owned();
    }
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for r in code_ranges(body) {
        out.push_str(&body[at..r.start]);
        out.push_str(
            &body[r.clone()]
                .replace("{{/*", "{{")
                .replace("*/}}", "}}")
                .replace("{%/*", "{%")
                .replace("*/%}", "%}"),
        );
        at = r.end;
    }
    out.push_str(&body[at..]);
    out
}

/// The index of the token closing `tokens[i]` (same name, nesting counted).
fn closing(tokens: &[Token], i: usize) -> Option<usize> {
    let open = &tokens[i];
    let mut depth = 0;
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        match &t.kind {
            Kind::Open if t.block && t.name == open.name && !open.block => depth += 1,
            Kind::Open if t.block && open.block => depth += 1,
            Kind::Close if t.name == open.name && !open.block => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            Kind::End if open.block => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> (String, Vec<Note>) {
        convert(body, &|p: &str| {
            (p == "posts/a.md").then(|| "/tin-tuc/a.md".to_owned())
        })
    }

    #[test]
    fn hugo_shortcodes_become_markdown() {
        let body = "A\n\n{{< figure src=\"/img/a.png\" caption=\"Lớp học\" alt=\"Ảnh lớp\" >}}\n\n{{< youtube dQw4w9WgXcQ >}}\n\nXem [bài]({{< ref \"posts/a.md\" >}}).\n\n{{< tweet user=\"gov\" id=\"12\" >}}\n\n{{< gist u 9 >}}\n\n{{< highlight go >}}\nfunc x() {}\n{{< /highlight >}}\n\n{{% notice info %}}\n**Chú ý** điều này.\n{{% /notice %}}\n\n{{< toc >}}\n";
        let (out, notes) = run(body);
        assert!(
            out.contains("![Ảnh lớp](</img/a.png>)\n\n*Lớp học*"),
            "{out}"
        );
        assert!(
            out.contains(
                "[Video trên YouTube: dQw4w9WgXcQ](<https://www.youtube.com/watch?v=dQw4w9WgXcQ>)"
            ),
            "{out}"
        );
        assert!(out.contains("Xem [bài](/tin-tuc/a.md)."), "{out}");
        assert!(out.contains("https://x.com/gov/status/12"), "{out}");
        assert!(out.contains("https://gist.github.com/u/9"), "{out}");
        assert!(out.contains("```go\nfunc x() {}\n```"), "{out}");
        assert!(out.contains("**Chú ý** điều này."), "{out}");
        assert!(!out.contains("{{"), "{out}");
        let lines: Vec<(usize, &str, bool)> = notes
            .iter()
            .map(|n| (n.line, n.name.as_str(), n.converted))
            .collect();
        assert_eq!(
            lines,
            [
                (3, "figure", true),
                (5, "youtube", true),
                (7, "ref", true),
                (9, "tweet", true),
                (11, "gist", true),
                (13, "highlight", true),
                (17, "notice", false),
                (21, "toc", false)
            ]
        );
    }

    /// Hugo's inline shortcodes are templates: one with template actions
    /// (`{{ if … }}`) would be read as a broken minhbach shortcode and stop
    /// the build, so it goes whole; one of plain HTML keeps its content.
    #[test]
    fn hugo_inline_shortcodes_with_template_code_go_whole() {
        let body = "A\n\n{{< math.inline >}}\n{{ if .Page.Params.math }}\n<link rel=\"stylesheet\" href=\"k.css\">\n{{ end }}\n{{</ math.inline >}}\n\n{{< math.inline >}}\n<p>Công thức \\(x^2\\)</p>\n{{</ math.inline >}}\n";
        let (out, notes) = run(body);
        assert!(!out.contains("{{"), "{out}");
        assert!(!out.contains("k.css"), "{out}");
        assert!(out.contains("<p>Công thức \\(x^2\\)</p>"), "{out}");
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].outcome.contains("mã mẫu của Hugo"), "{notes:?}");
        assert!(notes[1].outcome.contains("giữ nội dung"), "{notes:?}");
    }

    /// Hugo's privacy variants `twitter_simple`, `x_simple`, `vimeo_simple`
    /// (as in Hugo's own example site) are links like `tweet` and `vimeo`.
    #[test]
    fn hugo_simple_variants_become_links() {
        let body = "{{< twitter_simple user=\"gov\" id=\"12\" >}}\n\n{{< x_simple user=\"gov\" id=\"13\" >}}\n\n{{< vimeo_simple 48912912 >}}\n";
        let (out, notes) = run(body);
        assert!(out.contains("(<https://x.com/gov/status/12>)"), "{out}");
        assert!(out.contains("(<https://x.com/gov/status/13>)"), "{out}");
        assert!(out.contains("(<https://vimeo.com/48912912>)"), "{out}");
        assert!(notes.iter().all(|n| n.converted), "{notes:?}");
    }

    #[test]
    fn zola_escapes_in_code_show_as_zola_shows_them() {
        let body = "Chữ {{/* x() */}} ngoài mã.\n\n```\n{%/* aside() */%}\nA\n{%/* end */%}\n```\n\nDùng `{{/* y() */}}`.\n";
        assert_eq!(
            unescape_zola_code(body),
            "Chữ {{/* x() */}} ngoài mã.\n\n```\n{% aside() %}\nA\n{% end %}\n```\n\nDùng `{{ y() }}`.\n"
        );
    }

    #[test]
    fn zola_shortcodes_and_code_is_left_alone() {
        let body = "{{ youtube(id=\"abc\", autoplay=true) }}\n\n{% quote(author=\"Bác Hồ\") %}\nKhông có gì quý hơn độc lập, tự do.\n{% end %}\n\n{{ dimmable_image(src=\"a b.png\", alt=\"Sơ đồ\") }}\n\n```\n{{ youtube(id=\"x\") }} and {{</* figure src=\"a\" */>}}\n```\n\nChữ `{{< x >}}` thường.\n";
        let (out, notes) = run(body);
        assert!(out.contains("https://www.youtube.com/watch?v=abc"), "{out}");
        assert!(
            out.contains("> Không có gì quý hơn độc lập, tự do.\n>\n> — Bác Hồ"),
            "{out}"
        );
        assert!(out.contains("![Sơ đồ](<a b.png>)"), "{out}");
        assert!(
            out.contains("```\n{{ youtube(id=\"x\") }} and {{< figure src=\"a\" >}}\n```"),
            "{out}"
        );
        assert!(out.contains("Chữ `{{< x >}}` thường."), "{out}");
        assert_eq!(notes.len(), 3, "{notes:?}");
    }

    #[test]
    fn unresolved_ref_and_escaped_shortcode_outside_code() {
        let (out, notes) = run("[x]({{< relref \"khong-co\" >}}) {{</* youtube a */>}}\n");
        assert!(out.starts_with("[x](#) `{{< youtube a >}}`"), "{out}");
        assert!(!notes[0].converted && notes[0].outcome.contains("khong-co"));
    }
}
