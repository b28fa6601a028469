//! Markdown that CommonMark would leave as text although the author meant
//! an image or a link: a destination with spaces, `![x](anh lop hoc.png)`,
//! is wrapped in `<…>` before parsing (so it resolves, or is a located
//! broken link), and a paragraph that still shows `](` is reported, so raw
//! Markdown is never published without a word.

/// Byte positions (in the new text) of the characters inserted, to map
/// offsets back to the author's file.
#[derive(Debug, Default)]
pub struct Inserted(Vec<usize>);

impl Inserted {
    /// The offset in the original text of offset `at` in the new one.
    pub fn original(&self, at: usize) -> usize {
        at - self.0.partition_point(|&p| p < at)
    }
}

/// Wraps link/image destinations containing spaces in `<…>`, outside code
/// (fenced blocks and inline code spans). A destination followed by a
/// quoted title (`(a.png "Tiêu đề")`) is left alone.
pub fn wrap_spaced_destinations(body: &str) -> Option<(String, Inserted)> {
    find_link_open(body)?;
    // The destinations to wrap, as byte ranges of `body`: most pages have
    // links and none to wrap, so the new text is built only when needed.
    let mut wraps: Vec<(usize, usize)> = Vec::new();
    let mut fence: Option<&str> = None;
    let mut line_at = 0;
    for line in body.split_inclusive('\n') {
        let mut at = line_at;
        line_at += line.len();
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            continue;
        }
        let mut rest = line;
        let mut ticks = 0;
        while let Some(i) = find_link_open(rest) {
            ticks += rest[..i].bytes().filter(|&b| b == b'`').count();
            rest = &rest[i + 2..];
            at += i + 2;
            let Some(close) = closing_paren(rest) else {
                break;
            };
            let dest = &rest[..close];
            let d = dest.trim();
            let lead = dest.len() - dest.trim_start().len();
            // `(a.png "Tiêu đề")` and `(a.png (Tiêu đề))` carry a title.
            let titled = (d.ends_with(['"', '\'']) || (d.ends_with(')') && d.contains(" (")))
                && d.contains([' ', '\t']);
            let wrap = ticks % 2 == 0
                && d.contains(' ')
                && !d.starts_with('<')
                && !titled
                && !d.contains(['`', '[', ']', '<', '>']);
            if wrap {
                wraps.push((at + lead, at + lead + d.len()));
                rest = &rest[close..];
                at += close;
            }
        }
    }
    if wraps.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(body.len() + 2 * wraps.len());
    let mut inserted = Vec::with_capacity(2 * wraps.len());
    let mut copied = 0;
    for (start, end) in wraps {
        out.push_str(&body[copied..start]);
        inserted.push(out.len());
        out.push('<');
        out.push_str(&body[start..end]);
        inserted.push(out.len());
        out.push('>');
        copied = end;
    }
    out.push_str(&body[copied..]);
    Some((out, Inserted(inserted)))
}

/// Where the first `](` of `s` is (found through its `]`, with `memchr`).
fn find_link_open(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find(']') {
        let at = from + i;
        if bytes.get(at + 1) == Some(&b'(') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The `)` that closes a destination (parentheses inside are balanced).
fn closing_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// True when paragraph text still has the shape of an image or link
/// (`[…](…)`) — Markdown the parser did not understand.
pub fn looks_unconverted(text: &str) -> bool {
    let Some(i) = text.find("](") else {
        return false;
    };
    text[..i].contains('[') && text[i..].contains(')')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_wrapped_outside_code_and_offsets_map_back() {
        let body = "A ![x](anh lop hoc.png) b [t](a.png \"Tiêu đề\") `[c](d e)`\n```\n![y](m n.png)\n```\n";
        let (out, ins) = wrap_spaced_destinations(body).unwrap();
        assert_eq!(
            out,
            "A ![x](<anh lop hoc.png>) b [t](a.png \"Tiêu đề\") `[c](d e)`\n```\n![y](m n.png)\n```\n"
        );
        let b_new = out.find(" b ").unwrap();
        assert_eq!(ins.original(b_new), body.find(" b ").unwrap());
        assert_eq!(ins.original(2), 2);
        assert!(wrap_spaced_destinations("[a](b.png)\n").is_none());
        let (out, _) = wrap_spaced_destinations("![a](anh (1).png)\n").unwrap();
        assert_eq!(out, "![a](<anh (1).png>)\n");
        let (out, _) = wrap_spaced_destinations("[a]( b c.png ) [t](u.png (Tiêu đề))\n").unwrap();
        assert_eq!(out, "[a]( <b c.png> ) [t](u.png (Tiêu đề))\n");
    }

    /// The first version, which copied every line: the reference.
    /// Wraps link/image destinations containing spaces in `<…>`, outside code
    /// (fenced blocks and inline code spans). A destination followed by a
    /// quoted title (`(a.png "Tiêu đề")`) is left alone.
    fn by_copying(body: &str) -> Option<(String, Inserted)> {
        if !body.contains("](") {
            return None;
        }
        let mut out = String::with_capacity(body.len() + 8);
        let mut inserted = Vec::new();
        let mut fence: Option<&str> = None;
        for line in body.split_inclusive('\n') {
            let t = line.trim_start();
            if let Some(f) = fence {
                if t.starts_with(f) {
                    fence = None;
                }
                out.push_str(line);
                continue;
            }
            if t.starts_with("```") || t.starts_with("~~~") {
                fence = Some(&t[..3]);
                out.push_str(line);
                continue;
            }
            let mut rest = line;
            let mut ticks = 0;
            while let Some(i) = rest.find("](") {
                ticks += rest[..i].matches('`').count();
                out.push_str(&rest[..i + 2]);
                rest = &rest[i + 2..];
                let Some(close) = closing_paren(rest) else {
                    break;
                };
                let dest = &rest[..close];
                let d = dest.trim();
                let lead = &dest[..dest.len() - dest.trim_start().len()];
                let trail = &dest[lead.len() + d.len()..];
                // `(a.png "Tiêu đề")` and `(a.png (Tiêu đề))` carry a title.
                let titled = (d.ends_with(['"', '\'']) || (d.ends_with(')') && d.contains(" (")))
                    && d.contains([' ', '\t']);
                let wrap = ticks % 2 == 0
                    && d.contains(' ')
                    && !d.starts_with('<')
                    && !titled
                    && !d.contains(['`', '[', ']', '<', '>']);
                if wrap {
                    out.push_str(lead);
                    inserted.push(out.len());
                    out.push('<');
                    out.push_str(d);
                    inserted.push(out.len());
                    out.push('>');
                    out.push_str(trail);
                    rest = &rest[close..];
                }
            }
            out.push_str(rest);
        }
        (!inserted.is_empty()).then_some((out, Inserted(inserted)))
    }

    #[test]
    fn same_text_and_offsets_as_copying_every_line() {
        for body in [
            "",
            "no links\n",
            "[a](b.png) và [c](d e.png)\n`[x](y z)` ![p](q r.png)\n",
            "```\n[a](b c)\n```\n~~~\n[a](b c)\n~~~\n[a](b c)",
            "[a](<b c>) [t](u.png \"Tiêu đề\") [n](m (1).png) [k](x [y] z)\n",
            "]( [a](b c\n [d]( e f ) ]]( `` [g](h i) ` [j](k l)\n",
            "Ảnh ![ảnh đẹp](ảnh lớp học.png) ở ](x) đây.\r\n[u](v w)",
        ] {
            let got = wrap_spaced_destinations(body).map(|(t, i)| (t, i.0));
            let want = by_copying(body).map(|(t, i)| (t, i.0));
            assert_eq!(got, want, "{body:?}");
        }
    }

    #[test]
    fn unconverted_syntax_is_recognised() {
        assert!(looks_unconverted("xem ![ảnh](a (1).png) nhé"));
        assert!(!looks_unconverted("Điều 3 [sửa đổi] (nếu có)"));
    }
}
