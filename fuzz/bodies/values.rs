//! Number, date, period, deadline and word parsers, page dates, slugs and
//! escaping on arbitrary text: no panic, and a few invariants.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/values.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use minhbach::content::frontmatter::parse_page_date;
use minhbach::data::values::{
    NumberStyle, parse_comparison, parse_date, parse_deadline, parse_number, parse_period,
    parse_score_kind, parse_status, parse_yes_no, split_list,
};
use minhbach::text::{escape, slugify};

/// One input; panics on a broken invariant.
pub fn run(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    if let Ok(n) = parse_number(&s, NumberStyle::Plain) {
        assert!(n.is_finite(), "{s:?} → {n}");
    }
    if let Ok(n) = parse_number(&s, NumberStyle::Money) {
        assert!(n.is_finite(), "{s:?} → {n}");
    }
    let _ = parse_date(&s);
    let _ = parse_period(&s);
    let _ = parse_deadline(&s);
    let _ = parse_comparison(&s);
    let _ = parse_status(&s);
    let _ = parse_score_kind(&s);
    let _ = parse_yes_no(&s);
    let _ = split_list(&s);
    let _ = parse_page_date(&s);
    let slug = slugify(&s);
    assert!(slug.len() <= minhbach::text::slug::MAX_SLUG_LEN);
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    );
    // A Windows device name keeps a hyphen after it on purpose (`lpt4-`,
    // text::slug::windows_safe); no other slug ends with one.
    assert!(!slug.starts_with('-'));
    assert!(
        !slug.ends_with('-')
            || minhbach::text::slug::is_windows_reserved(slug.trim_end_matches('-'))
    );
    let e = escape::html(&s);
    assert!(!e.contains(['<', '>', '"', '\'']));
}
