//! Byte-level scans of text that run over every page body (word counts,
//! whitespace collapsing, stray control characters): the same answers as
//! the `char` methods they replace, without decoding every character.
//! Vietnamese text is mostly multi-byte letters, none of them whitespace
//! or control characters, so looking at lead bytes is enough.

/// Bytes checked at once when a block has nothing to stop at.
const BLOCK: usize = 16;

/// The index of the first byte at or after `from` that `hit` accepts, or
/// the length of `bytes` when there is none. Blocks of [`BLOCK`] bytes
/// without one are passed at once: `hit` should compare, not look up a
/// table, and the block test has no early exit, so the compiler checks a
/// whole block with vector code; the block that has one is then read
/// byte by byte.
#[inline(always)]
pub fn next_hit(bytes: &[u8], mut from: usize, hit: impl Fn(u8) -> bool) -> usize {
    while let Some(block) = bytes.get(from..from + BLOCK) {
        if block.iter().fold(false, |any, &b| any | hit(b)) {
            break;
        }
        from += BLOCK;
    }
    match bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| hit(b)))
    {
        Some(i) => from + i,
        None => bytes.len(),
    }
}

/// How a byte starts whitespace (`char::is_whitespace`): see [`CLASS`].
const PLAIN: u8 = 0;
const ASCII_SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;

/// [`ASCII_SPACE`] for tab, line feed, vertical tab, form feed, carriage
/// return and space; [`MAYBE_SPACE`] for the lead bytes of the other
/// whitespace characters (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F, U+3000); [`PLAIN`] for every other byte.
static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut b = 0x09;
    while b <= 0x0d {
        t[b] = ASCII_SPACE;
        b += 1;
    }
    t[0x20] = ASCII_SPACE;
    t[0xc2] = MAYBE_SPACE;
    t[0xe1] = MAYBE_SPACE;
    t[0xe2] = MAYBE_SPACE;
    t[0xe3] = MAYBE_SPACE;
    t
};

/// Length of the non-ASCII whitespace character at `bytes[i]` (a
/// [`MAYBE_SPACE`] byte), or 0 when it is another character.
#[inline]
fn unicode_space_len(bytes: &[u8], i: usize) -> usize {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match (bytes[i], at(1), at(2)) {
        (0xc2, 0x85 | 0xa0, _) => 2,
        (0xe1, 0x9a, 0x80) => 3,
        (0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) => 3,
        (0xe2, 0x81, 0x9f) => 3,
        (0xe3, 0x80, 0x80) => 3,
        _ => 0,
    }
}

/// Calls `word` with each word of `text` (the runs `str::split_whitespace`
/// gives), reading bytes: Vietnamese letters are multi-byte and none is
/// whitespace, so only four lead bytes need a second look.
#[inline]
fn for_each_word<'t>(text: &'t str, mut word: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let space_at = |i: usize| match CLASS[bytes[i] as usize] {
        PLAIN => 0,
        ASCII_SPACE => 1,
        _ => unicode_space_len(bytes, i),
    };
    let mut i = 0;
    loop {
        // Whitespace first…
        loop {
            if i >= bytes.len() {
                return;
            }
            match space_at(i) {
                0 => break,
                n => i += n,
            }
        }
        // …then a word, up to the next whitespace (which starts a
        // character, as does the end of the text).
        let start = i;
        i += 1;
        while i < bytes.len() {
            match CLASS[bytes[i] as usize] {
                PLAIN => i += 1,
                ASCII_SPACE => break,
                _ if unicode_space_len(bytes, i) > 0 => break,
                _ => i += 1,
            }
        }
        word(&text[start..i]);
    }
}

/// The number of words of `text`, as `text.split_whitespace().count()`.
pub fn word_count(text: &str) -> usize {
    let mut n = 0;
    for_each_word(text, |_| n += 1);
    n
}

/// Appends the words of `text` to `out` with one space between them (and
/// one before the first when `out` has text already): the collapsing of
/// `split_whitespace` and `join(" ")`.
pub fn push_collapsed(out: &mut String, text: &str) {
    for_each_word(text, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
}

/// True when `text` holds a control character (C0, DEL or C1) other than
/// tab and line breaks.
pub fn has_stray_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        i = next_hit(bytes, i, |b| (b < 0x20) | (b == 0x7f) | (b == 0xc2));
        let Some(&b) = bytes.get(i) else {
            return false;
        };
        match b {
            b'\t' | b'\n' | b'\r' => {}
            0..=0x1f | 0x7f => return true,
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => return true,
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_agree_with_char_on_every_character() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
            assert_eq!(has_stray_control(s), control, "{c:?}");
            let long = format!("{}{s}{}", "Chuyển đổi số\n".repeat(3), "ở xã".repeat(5));
            assert_eq!(has_stray_control(&long), control, "{c:?} in a long text");
        }
    }

    #[test]
    fn whitespace_agrees_with_char_on_every_character() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let text = format!("ô{c}x {c}{c}");
            let want: Vec<&str> = text.split_whitespace().collect();
            let mut got = Vec::new();
            for_each_word(&text, |w| got.push(w));
            assert_eq!(got, want, "{c:?}");
        }
    }

    #[test]
    fn words_collapse_like_split_whitespace() {
        for text in [
            "",
            "   ",
            "Chuyển đổi số",
            "  hai\u{a0}từ\u{3000}và\u{2028}dòng\u{85}mới \t\r\n cuối  ",
            "a\u{202f}b\u{205f}c\u{1680}d\u{2009}e\u{180e}f\u{feff}g ",
            "\u{0b}\u{0c}x\u{1c}y“ngoặc” – …",
        ] {
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(word_count(text), want.len(), "{text:?}");
            let mut out = String::new();
            push_collapsed(&mut out, text);
            assert_eq!(out, want.join(" "), "{text:?}");
        }
    }

    #[test]
    fn next_hit_finds_the_first_byte_anywhere_in_a_block() {
        let text = "Chuyển đổi số ở xã Đông Sơn năm 2026".repeat(2);
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = (from..bytes.len())
                .find(|&i| bytes[i] == b' ')
                .unwrap_or(bytes.len());
            assert_eq!(next_hit(bytes, from, |b| b == b' '), want, "{from}");
        }
    }
}
