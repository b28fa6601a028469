//! Vietnamese alphabetical order (a ă â b c d đ e ê … ư), not byte order.
//!
//! A three-level key computed from the NFD form: primary = base letters with
//! ă/â/ê/ô/ơ/ư/đ as letters of their own, secondary = tone (ngang < huyền <
//! hỏi < ngã < sắc < nặng), tertiary = case.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// Sort key for a Vietnamese string; compare keys with `Ord`.
pub fn sort_key(text: &str) -> Vec<u32> {
    let mut primary = Vec::new();
    let mut secondary = Vec::new();
    let mut tertiary = Vec::new();
    let chars: Vec<char> = text.nfd().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lower = c.to_lowercase().next().unwrap_or(c);
        let mut weight = base_weight(lower);
        let mut tone = 0u32;
        let mut j = i + 1;
        while j < chars.len() && is_mark(chars[j]) {
            match chars[j] {
                '\u{0306}' => weight += 1, // breve: ă
                '\u{0302}' => weight += 2, // circumflex: â ê ô
                '\u{031B}' => weight += 3, // horn: ơ ư
                m => tone = tone.max(tone_weight(m)),
            }
            j += 1;
        }
        primary.push(weight);
        secondary.push(tone);
        tertiary.push(u32::from(c.is_uppercase()));
        i = j;
    }
    let mut key = primary;
    key.push(0);
    key.extend(secondary);
    key.push(0);
    key.extend(tertiary);
    key
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn vi_cmp(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

fn tone_weight(mark: char) -> u32 {
    match mark {
        '\u{0300}' => 1, // huyền
        '\u{0309}' => 2, // hỏi
        '\u{0303}' => 3, // ngã
        '\u{0301}' => 4, // sắc
        '\u{0323}' => 5, // nặng
        _ => 6,
    }
}

/// Letters get spaced weights so that ă/â/ơ… (base + 1..3) fall between
/// their base letter and the next one; đ sorts after d.
fn base_weight(c: char) -> u32 {
    match c {
        'a'..='z' => 1000 + (c as u32 - 'a' as u32) * 10,
        'đ' => 1000 + 3 * 10 + 5,
        c if c.is_ascii_digit() => 500 + (c as u32 - '0' as u32),
        c if c.is_whitespace() => 1,
        c if c.is_ascii() => 10 + c as u32,
        c => 100_000 + c as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_order_matches_icu() {
        let mut names = vec![
            "Đức", "Dũng", "Ánh", "An", "Ân", "Ăn", "Ông", "Ơn", "Oanh", "Ưng", "Uyên", "Thủy",
            "Thúy", "Thùy", "Thụy", "Thuy", "Thũy", "Bình", "Zô", "Yến", "ăn", "an",
        ];
        names.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "an", "An", "Ánh", "ăn", "Ăn", "Ân", "Bình", "Dũng", "Đức", "Oanh", "Ông", "Ơn",
                "Thuy", "Thùy", "Thủy", "Thũy", "Thúy", "Thụy", "Uyên", "Ưng", "Yến", "Zô"
            ]
        );
    }
}
