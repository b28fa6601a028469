//! Percent-decoding (`%20` → space) with the two policies the project needs:
//! a request path (`serve`) rejects a `%` not followed by two hex digits,
//! a link written by an officer keeps it as written.

/// What to do with a `%` that is not followed by two hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// The whole input is refused (`None`).
    Reject,
    /// The `%` is kept as written.
    Keep,
}

/// Decodes `%XX` escapes into bytes, with `invalid` deciding what a broken
/// escape does.
pub fn decode(s: &str, invalid: Invalid) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let pair = bytes
                .get(i + 1)
                .and_then(|&h| hex(h))
                .zip(bytes.get(i + 2).and_then(|&l| hex(l)));
            match (pair, invalid) {
                (Some((h, l)), _) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                (None, Invalid::Reject) => return None,
                (None, Invalid::Keep) => {}
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(out)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_policies() {
        assert_eq!(
            decode("a%20b%C3%A9", Invalid::Reject).unwrap(),
            "a bé".as_bytes()
        );
        assert_eq!(
            decode("a%20b%C3%A9", Invalid::Keep).unwrap(),
            "a bé".as_bytes()
        );
        assert_eq!(decode("100%", Invalid::Reject), None);
        assert_eq!(decode("100%zz%4", Invalid::Reject), None);
        assert_eq!(decode("100%zz%4", Invalid::Keep).unwrap(), b"100%zz%4");
        assert_eq!(decode("%4a%4A", Invalid::Keep).unwrap(), b"JJ");
    }
}
