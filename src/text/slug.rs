//! Slugs without diacritics ("Chuyển đổi số" → `chuyen-doi-so`) and the
//! diacritic-insensitive fold used for search and header matching.

use unicode_normalization::UnicodeNormalization;

/// Longest slug, in bytes: slugs become folder names, and file systems
/// refuse names over 255 bytes. Longer slugs are cut at a hyphen.
pub const MAX_SLUG_LEN: usize = 100;

/// Lower-case ASCII slug: letters and digits joined by single hyphens, at
/// most [`MAX_SLUG_LEN`] bytes. Returns an empty string when nothing usable
/// is left.
pub fn slugify(text: &str) -> String {
    let mut out = slugify_unbounded(text);
    if out.len() > MAX_SLUG_LEN {
        let cut = out[..=MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
        out.truncate(cut);
    }
    out
}

fn slugify_unbounded(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let ascii = deunicode::deunicode(&nfc);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// Folds case and Vietnamese diacritics: "CHUYỂN ĐỔI SỐ" → "chuyen doi so".
/// Non-Latin characters are kept (lower-cased); whitespace is preserved.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            '\u{0300}'..='\u{036f}' => {}
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_diacritics() {
        assert_eq!(slugify("Chuyển đổi số"), "chuyen-doi-so");
        assert_eq!(slugify("Đông Sơn"), "dong-son");
        assert_eq!(
            slugify("Tỷ lệ hồ sơ trực tuyến đạt 95,5%"),
            "ty-le-ho-so-truc-tuyen-dat-95-5"
        );
        assert_eq!(slugify("Nghị quyết số 57-NQ/TW"), "nghi-quyet-so-57-nq-tw");
        assert_eq!(slugify("  --  "), "");
    }

    #[test]
    fn slugify_handles_decomposed_input() {
        let nfd: String = "Việt Nam".nfd().collect();
        assert_eq!(slugify(&nfd), "viet-nam");
    }

    #[test]
    fn fold_matches_with_and_without_diacritics() {
        assert_eq!(fold("CHUYỂN ĐỔI SỐ"), "chuyen doi so");
        assert_eq!(fold("chuyen doi so"), "chuyen doi so");
        assert_eq!(fold("Đường"), fold("dương"));
    }

    proptest::proptest! {
        /// Slugs are safe folder names: `[a-z0-9-]`, no leading, trailing or
        /// doubled hyphen, at most MAX_SLUG_LEN bytes, and stable.
        #[test]
        fn slugs_are_safe_and_idempotent(s in "\\PC{0,300}") {
            let slug = slugify(&s);
            proptest::prop_assert!(slug.len() <= MAX_SLUG_LEN);
            proptest::prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", slug);
            proptest::prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
            proptest::prop_assert_eq!(slugify(&slug), slug.clone());
        }

        #[test]
        fn folding_never_changes_the_slug(s in "[a-zA-Zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ ]{0,60}") {
            proptest::prop_assert_eq!(slugify(&fold(&s)), slugify(&s));
        }
    }
}
