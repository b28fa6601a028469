//! Escaping for the contexts content strings land in: HTML text and
//! attributes, XML, and URLs (refusing `javascript:` and similar schemes).

/// Escapes `& < > " '` for HTML text or a quoted attribute (also valid XML).
/// Control characters other than tab and newlines are dropped.
///
/// Works on bytes and copies the runs between special characters whole:
/// most text has none, and this runs for every value a template prints.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    html_runs(text, |run| {
        out.push_str(run);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|e| match e {});
    out
}

/// [`html`], written to `w` (the template engine's output buffer) without
/// building a string first.
pub fn html_to(text: &str, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    html_runs(text, |run| w.write_all(run.as_bytes()))
}

/// Calls `emit` with the escaped text of [`html`], run by run.
fn html_runs<E>(text: &str, mut emit: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip plain bytes: whole blocks at once where there is none (see
        // `scan::next_hit`), then one table lookup each (cheaper than the
        // comparisons for the short values most prints are).
        while let Some(block) = bytes.get(i..i + BLOCK)
            && !block.iter().fold(false, |any, &b| any | is_special(b))
        {
            i += BLOCK;
        }
        while i < bytes.len() && !SPECIAL[bytes[i] as usize] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let (replacement, skip): (&str, usize) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            b'\n' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            0..=0x1f | 0x7f => ("", 1),
            // U+0080–U+009F (C1 controls) are 0xC2 0x80–0x9F in UTF-8.
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => ("", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        // `start..i` and the skipped bytes are whole characters: every
        // byte matched above starts a character.
        emit(&text[start..i])?;
        emit(replacement)?;
        i += skip;
        start = i;
    }
    emit(&text[start..])
}

/// Bytes tested at once by `html_runs`.
const BLOCK: usize = 16;

/// [`SPECIAL`] as comparisons, which the compiler turns into vector code.
#[inline(always)]
fn is_special(b: u8) -> bool {
    (b < 0x20)
        | (b == b'&')
        | (b == b'<')
        | (b == b'>')
        | (b == b'"')
        | (b == b'\'')
        | (b == 0x7f)
        | (b == 0xc2)
}

/// Bytes `html` must look at: the escaped characters, control characters
/// (tab and newlines are kept, but cheap to look at) and 0xC2, which starts
/// the C1 controls.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0x7f] = true;
    t[0xc2] = true;
    t
};

/// True when a link target uses a scheme that can run code
/// (`javascript:`, `vbscript:`, `data:` other than images).
pub fn is_dangerous_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    cleaned.starts_with("javascript:")
        || cleaned.starts_with("vbscript:")
        || (cleaned.starts_with("data:") && !cleaned.starts_with("data:image/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_escaping_matches_char_escaping() {
        let by_char = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => {}
                    c => out.push(c),
                }
            }
            out
        };
        for text in [
            "",
            "Chuyển đổi số",
            "a & b < c > d \"e\" 'f'",
            "tab\tline\nret\r bell\u{7} del\u{7f} c1\u{85}\u{9f} nbsp\u{a0} ¢",
            "Ả<Ấ>Ở&",
        ] {
            assert_eq!(html(text), by_char(text), "{text:?}");
        }
    }

    #[test]
    fn specials_are_found_at_every_place_of_a_block() {
        for b in 0..=255u8 {
            assert_eq!(is_special(b), SPECIAL[b as usize], "{b:#x}");
        }
        let plain = "Chuyển đổi số ở xã".repeat(3);
        for at in 0..plain.len() {
            if plain.is_char_boundary(at) {
                let text = format!("{}&\u{85}<{}", &plain[..at], &plain[at..]);
                let want = format!("{}&amp;&lt;{}", &plain[..at], &plain[at..]);
                assert_eq!(html(&text), want, "{at}");
            }
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            html("<b>\"A & B\"</b>'"),
            "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;&#39;"
        );
        assert_eq!(html("a\u{0}b"), "ab");
    }

    #[test]
    fn refuses_script_urls() {
        assert!(is_dangerous_url("javascript:alert(1)"));
        assert!(is_dangerous_url(" JaVa\tScript:alert(1)"));
        assert!(is_dangerous_url("data:text/html,<script>"));
        assert!(!is_dangerous_url("data:image/png;base64,AAA"));
        assert!(!is_dangerous_url("https://example.org/"));
        assert!(!is_dangerous_url("../tin-tuc/"));
    }
}
