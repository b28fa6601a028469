//! Plain text from rendered HTML (for the search index): tags dropped,
//! entities decoded, whitespace collapsed. Inline tags join their text
//! (`chuy<em>ển</em>` stays one word); block tags separate words; the
//! contents of `<script>`, `<style>` and `<svg>` are skipped (charts have
//! their own data table in the page).

/// Tags whose boundaries do not separate words (`name` in lower case).
fn is_inline(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"abbr"
            | b"b"
            | b"bdi"
            | b"bdo"
            | b"cite"
            | b"code"
            | b"data"
            | b"del"
            | b"dfn"
            | b"em"
            | b"i"
            | b"ins"
            | b"kbd"
            | b"mark"
            | b"q"
            | b"s"
            | b"samp"
            | b"small"
            | b"span"
            | b"strong"
            | b"sub"
            | b"sup"
            | b"time"
            | b"u"
            | b"var"
    )
}

/// Elements whose content is not text for readers (`name` in lower case).
fn skipped(name: &[u8]) -> Option<&'static str> {
    Some(match name {
        b"script" => "script",
        b"style" => "style",
        b"svg" => "svg",
        b"template" => "template",
        _ => return None,
    })
}

/// The longest name [`is_inline`] and [`skipped`] know.
const LONGEST_NAME: usize = 8;

/// Converts an HTML fragment to one line of plain text.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    loop {
        if let Some(skipped) = skip_until.take() {
            // Raw content (`x<1` in a script): jump to the closing tag.
            match find_closing(rest, skipped) {
                Some(i) => {
                    rest = &rest[i..];
                    out.push(' ');
                }
                None => {
                    rest = "";
                    break;
                }
            }
        }
        let Some(lt) = find_byte(rest, b'<') else {
            break;
        };
        push_text(&mut out, &rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = find_byte(after, b'>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        // The element's name, lower-cased into a small buffer (one tag in
        // a few words of text: an allocation or a scan of every known
        // name each was a cost). A longer name is none of those above.
        let bare = tag.trim_start_matches('/').as_bytes();
        let len = bare
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bare.len());
        let mut buf = [0u8; LONGEST_NAME];
        let name: &[u8] = if len <= LONGEST_NAME {
            buf[..len].copy_from_slice(&bare[..len]);
            buf[..len].make_ascii_lowercase();
            &buf[..len]
        } else {
            b"-"
        };
        if !closing
            && !tag.ends_with('/')
            && let Some(s) = skipped(name)
        {
            skip_until = Some(s);
            continue;
        }
        if !is_inline(name) {
            out.push(' ');
        }
    }
    push_text(&mut out, rest);
    collapse(&out)
}

/// Where the first `byte` (ASCII) of `text` is: a block of bytes at a time
/// (the text between tags is short, so this beats a call to `memchr`).
fn find_byte(text: &str, byte: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let i = super::scan::next_hit(bytes, 0, |b| b == byte);
    (i < bytes.len()).then_some(i)
}

/// Where `</name` starts in `text`, the name in any case.
fn find_closing(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("</") {
        let at = from + i;
        let candidate = &bytes[at + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Appends text with entities decoded.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = find_byte(rest, b'&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| decode_entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        _ => return None,
    })
}

/// Single spaces between words, none at the ends.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    super::scan::push_collapsed(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_dropped_and_entities_decoded() {
        assert_eq!(
            html_to_text(
                "<h2 id=\"a\">Chuyển đổi số</h2><p>A &amp; B &lt;3&gt; chuy<em>ển</em></p>"
            ),
            "Chuyển đổi số A & B <3> chuyển"
        );
        assert_eq!(html_to_text("<li>một</li><li>hai</li>"), "một hai");
        assert_eq!(html_to_text("&#7889;&#x1EC3; &bogus; &"), "ốể &bogus; &");
    }

    #[test]
    fn scripts_styles_and_charts_skipped() {
        assert_eq!(
            html_to_text("<p>trước</p><svg><text>42 %</text></svg><script>x<1</script><p>sau</p>"),
            "trước sau"
        );
    }

    #[test]
    fn tag_names_in_any_case() {
        assert_eq!(
            html_to_text("chuy<EM>ển</Em><P>đổi</P><SCRIPT>x<1</SCRIPT><Svg>9</svg>số<br/>số"),
            "chuyển đổi số số"
        );
    }
}
