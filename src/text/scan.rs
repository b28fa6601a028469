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
/// whole block with vector code.
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
