//! Slugs without diacritics ("Chuyển đổi số" → `chuyen-doi-so`) and the
//! diacritic-insensitive fold used for search and header matching.

use unicode_normalization::UnicodeNormalization;

/// Longest slug, in bytes: slugs become folder names, and file systems
/// refuse names over 255 bytes. Longer slugs are cut at a hyphen.
pub const MAX_SLUG_LEN: usize = 100;

/// Lower-case ASCII slug: letters and digits joined by single hyphens, at
/// most [`MAX_SLUG_LEN`] bytes. Returns an empty string when nothing usable
/// is left. A name Windows reserves for devices (`con`, `nul`, `com1`…) gets
/// a trailing hyphen (`con-`), see [`windows_safe`].
pub fn slugify(text: &str) -> String {
    let mut out = slugify_unbounded(text);
    if out.len() > MAX_SLUG_LEN {
        let cut = out[..=MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
        out.truncate(cut);
    }
    match windows_safe(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(safe) => safe,
    }
}

/// Device names Windows reserves in every folder, whatever the extension
/// and the case (`CON`, `con.html`, `Lpt1.txt` cannot be created there).
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "conin$", "conout$", "com0", "com1", "com2", "com3", "com4",
    "com5", "com6", "com7", "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3",
    "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³",
];

/// True when Windows cannot hold a file or folder of this name: its part
/// before the first dot (trailing spaces ignored) is a device name.
pub fn is_windows_reserved(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or("").trim_end();
    // Lower-casing shrinks a character to no less than a third of its
    // bytes (K, the Kelvin sign, becomes k), so a longer stem can never
    // be one of these 7-byte-at-most names: most segments skip the copy.
    if stem.len() > 3 * 7 {
        return false;
    }
    let stem = stem.to_lowercase();
    WINDOWS_RESERVED.contains(&stem.as_str())
}

/// One path segment made safe for Windows, the same way on every OS so a
/// `public/` built on Linux copies to a Windows host: a reserved device
/// name gets a hyphen after its stem (`con` → `con-`, `con.html` →
/// `con-.html`, `COM1` → `COM1-`). A slug never ends with a hyphen, so
/// the new name cannot clash with another slug. Other names are unchanged.
pub fn windows_safe(segment: &str) -> std::borrow::Cow<'_, str> {
    if !is_windows_reserved(segment) {
        return std::borrow::Cow::Borrowed(segment);
    }
    let stem_len = segment.find('.').unwrap_or(segment.len());
    let (stem, rest) = segment.split_at(stem_len);
    std::borrow::Cow::Owned(format!("{}-{rest}", stem.trim_end()))
}

/// [`windows_safe`] for every `/`-separated segment of a relative path.
pub fn windows_safe_path(path: &str) -> std::borrow::Cow<'_, str> {
    if !path.split('/').any(is_windows_reserved) {
        return std::borrow::Cow::Borrowed(path);
    }
    std::borrow::Cow::Owned(
        path.split('/')
            .map(windows_safe)
            .collect::<Vec<_>>()
            .join("/"),
    )
}

fn slugify_unbounded(text: &str) -> String {
    // Text typed or pasted on Windows is already composed (NFC): the quick
    // check answers that without decomposing and recomposing every letter.
    let nfc: std::borrow::Cow<'_, str> = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.into(),
        _ => text.nfc().collect::<String>().into(),
    };
    // What `deunicode::deunicode` gives, without a copy of ASCII text.
    let ascii = deunicode::deunicode_with_tofu_cow(&nfc, "[?]");
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
    // ASCII has nothing to decompose: lower-casing is the whole fold.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
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
    fn windows_device_names_get_a_hyphen_everywhere() {
        for (text, slug) in [
            ("con", "con-"),
            ("Con", "con-"),
            ("CON", "con-"),
            ("aux", "aux-"),
            ("Nul", "nul-"),
            ("prn", "prn-"),
            ("COM1", "com1-"),
            ("lpt9", "lpt9-"),
        ] {
            assert_eq!(slugify(text), slug, "{text}");
        }
        // Only whole names: words that contain one are fine.
        for text in [
            "con gà",
            "Cổng",
            "console",
            "com10",
            "lpt",
            "nul-1",
            "auxiliary",
        ] {
            assert!(!slugify(text).ends_with('-'), "{text}");
        }
        assert_eq!(windows_safe("con.html"), "con-.html");
        assert_eq!(windows_safe("AUX.txt"), "AUX-.txt");
        assert_eq!(windows_safe("lpt1.tar.gz"), "lpt1-.tar.gz");
        assert_eq!(windows_safe("con .html"), "con-.html");
        assert_eq!(windows_safe("conout$"), "conout$-");
        assert_eq!(windows_safe("contact.html"), "contact.html");
        assert_eq!(
            windows_safe_path("tin-tuc/con/index.html"),
            "tin-tuc/con-/index.html"
        );
        assert_eq!(windows_safe_path("a/nul.json"), "a/nul-.json");
        assert_eq!(windows_safe_path("a/b.html"), "a/b.html");
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
