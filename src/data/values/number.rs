//! Numbers written the Vietnamese way (`95,5`, `1.552.020.000`) or the
//! English way (`95.5`, `1,552,020,000`).
//!
//! Rules, in order:
//! - spaces (also non-breaking) are ignored, a trailing `%` is dropped
//!   (`95,5%` → 95.5), a leading `-`, `−` or `+` is the sign;
//! - with both `.` and `,`, the one written last is the decimal mark;
//! - one separator written several times groups thousands (`1.552.020.000`);
//! - one separator written once is a decimal mark unless exactly three digits
//!   follow it; then `,` is the Vietnamese decimal mark (`1,234` = 1.234) and
//!   `.` is **ambiguous** (`1.234` could be 1234 or 1,234) → an error, unless
//!   the integer part cannot be a thousands group (`0.824`, `1234.567`);
//! - in money columns (amounts in đồng, which have no fractions) a lone `.` or
//!   `,` followed by three digits groups thousands: `1.234` = 1234 đồng, and
//!   a trailing `đ`, `đồng` or `VNĐ` is allowed;
//! - scientific notation (`1,55E+09`, what Excel writes for a too-narrow
//!   column) is refused: digits have been lost.

use super::{ValueError, squeeze_spaces};
use crate::text::fold;

/// What the column holds, which decides how a lone `1.234` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// Any quantity: a lone `.` followed by three digits is ambiguous.
    Plain,
    /// An amount in đồng: separators followed by three digits group thousands.
    Money,
}

const HINT: &str = "viết số như 95,5 hoặc 1.552.020.000 (dấu chấm ngăn cách hàng nghìn, dấu phẩy đứng trước phần thập phân)";

/// Parses a number; see the module documentation for the rules.
pub fn parse_number(raw: &str, style: NumberStyle) -> Result<f64, ValueError> {
    let text = raw.trim();
    let not_a_number = || ValueError::new(format!("“{text}” không phải là số"), HINT);
    let mut s = squeeze_spaces(text);
    if let Some(rest) = s.strip_suffix('%') {
        s = std::borrow::Cow::Owned(rest.to_owned());
    } else if style == NumberStyle::Money && !s.ends_with(|c: char| c.is_ascii_digit()) {
        // (A money amount ending in a digit has no unit word to strip.)
        let folded = fold(&s);
        for suffix in ["dong", "vnd", "d"] {
            if folded.ends_with(suffix) && folded.is_char_boundary(folded.len() - suffix.len()) {
                // `fold` keeps one character per character for these suffixes.
                let keep = s.chars().count() - suffix.chars().count();
                s = std::borrow::Cow::Owned(s.chars().take(keep).collect());
                break;
            }
        }
    }
    let (negative, body) = match s.chars().next() {
        Some('-' | '−') => (true, &s[s.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &s[1..]),
        _ => (false, &*s),
    };
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(not_a_number());
    }
    if body.contains(['e', 'E'])
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'e' | 'E' | '+' | '-'))
    {
        return Err(ValueError::new(
            format!("“{text}” là số dạng khoa học, các chữ số cuối đã bị mất"),
            "trong Excel, nới rộng cột hoặc định dạng ô là Number (không có phần thập phân) rồi lưu lại",
        ));
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (int_part, frac_part, group_sep): (&str, &str, Option<char>) = match (dots, commas) {
        (0, 0) => (body, "", None),
        (_, _) if dots > 0 && commas > 0 => {
            let last = body.rfind(['.', ',']).unwrap_or(0);
            let dec = body[last..].chars().next().unwrap_or('.');
            if body.matches(dec).count() > 1 {
                return Err(not_a_number());
            }
            let group = if dec == '.' { ',' } else { '.' };
            (&body[..last], &body[last + 1..], Some(group))
        }
        (n, 0) | (0, n) if n > 1 => (body, "", Some(if dots > 0 { '.' } else { ',' })),
        _ => {
            let sep = if dots > 0 { '.' } else { ',' };
            let at = body.find(sep).unwrap_or(0);
            let (int, frac) = (&body[..at], &body[at + 1..]);
            let could_group = frac.len() == 3 && int.len() <= 3 && !int.starts_with('0');
            if !could_group {
                (int, frac, None)
            } else if style == NumberStyle::Money {
                (body, "", Some(sep))
            } else if sep == ',' {
                (int, frac, None)
            } else {
                let digits: String = body.chars().filter(char::is_ascii_digit).collect();
                return Err(ValueError::new(
                    format!("“{text}” không rõ nghĩa: có thể là {digits} hoặc {int},{frac}"),
                    format!(
                        "nếu là số nguyên, viết {digits} (không có dấu ngăn cách); nếu là số thập phân, viết {int},{frac}"
                    ),
                ));
            }
        }
    };
    if frac_part.is_empty() && (body.ends_with('.') || body.ends_with(',')) {
        return Err(not_a_number());
    }
    let digits = match group_sep {
        Some(sep) => ungroup(int_part, sep)
            .map(std::borrow::Cow::Owned)
            .ok_or_else(|| {
                ValueError::new(
                    format!("“{text}”: dấu ngăn cách hàng nghìn đặt sai chỗ"),
                    "mỗi nhóm sau dấu ngăn cách phải có đúng 3 chữ số, ví dụ 1.552.020.000",
                )
            })?,
        None => std::borrow::Cow::Borrowed(int_part),
    };
    let plain = if frac_part.is_empty() {
        digits
    } else {
        std::borrow::Cow::Owned(format!("{digits}.{frac_part}"))
    };
    let value: f64 = plain.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(not_a_number());
    }
    Ok(if negative { -value } else { value })
}

/// Removes thousands separators, checking groups of three.
fn ungroup(int_part: &str, sep: char) -> Option<String> {
    let mut groups = int_part.split(sep);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = first.to_owned();
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(g);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_vietnamese_and_english_numbers() {
        let ok = [
            ("95,5", 95.5),
            ("95.5", 95.5),
            ("1.552.020.000", 1_552_020_000.0),
            ("1,552,020,000", 1_552_020_000.0),
            ("1.552.020.000,5", 1_552_020_000.5),
            ("1,552,020,000.5", 1_552_020_000.5),
            ("95,5%", 95.5),
            ("95,5 %", 95.5),
            ("-3", -3.0),
            ("−3,5", -3.5),
            ("+7", 7.0),
            ("1 552 020 000", 1_552_020_000.0),
            ("1\u{a0}552\u{a0}020", 1_552_020.0),
            ("1,234", 1.234),
            ("2,665", 2.665),
            ("0.824", 0.824),
            ("0,8241", 0.8241),
            ("1234.567", 1234.567),
            ("12.50", 12.5),
            ("203324", 203_324.0),
            ("  42 ", 42.0),
        ];
        for (text, want) in ok {
            assert_eq!(parse_number(text, NumberStyle::Plain), Ok(want), "{text}");
        }
    }

    #[test]
    fn money_reads_lone_groups_as_thousands() {
        assert_eq!(parse_number("1.234", NumberStyle::Money), Ok(1234.0));
        assert_eq!(parse_number("1,234", NumberStyle::Money), Ok(1234.0));
        assert_eq!(parse_number("2.665", NumberStyle::Money), Ok(2665.0));
        assert_eq!(
            parse_number("1.552.020.000 đồng", NumberStyle::Money),
            Ok(1_552_020_000.0)
        );
        assert_eq!(parse_number("500.000đ", NumberStyle::Money), Ok(500_000.0));
        assert_eq!(
            parse_number("500.000 VNĐ", NumberStyle::Money),
            Ok(500_000.0)
        );
    }

    #[test]
    fn lone_dot_with_three_digits_is_ambiguous() {
        let err = parse_number("1.234", NumberStyle::Plain).unwrap_err();
        assert_eq!(
            err.message,
            "“1.234” không rõ nghĩa: có thể là 1234 hoặc 1,234"
        );
        assert_eq!(
            err.hint.as_deref(),
            Some(
                "nếu là số nguyên, viết 1234 (không có dấu ngăn cách); nếu là số thập phân, viết 1,234"
            )
        );
        assert!(parse_number("2.665", NumberStyle::Plain).is_err());
    }

    #[test]
    fn rejects_garbage() {
        for text in [
            "",
            "abc",
            "95,5x",
            "1.2.3",
            "1.23.456",
            "1,234.5,6",
            ",5",
            "5,",
            "1..2",
            "--3",
            "%",
        ] {
            assert!(parse_number(text, NumberStyle::Plain).is_err(), "{text}");
        }
        let err = parse_number("1,55E+09", NumberStyle::Plain).unwrap_err();
        assert!(err.message.contains("dạng khoa học"));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = parse_number(&s, NumberStyle::Plain);
            let _ = parse_number(&s, NumberStyle::Money);
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[-+−]?[0-9., %đ]{0,16}") {
            let _ = parse_number(&s, NumberStyle::Plain);
            let _ = parse_number(&s, NumberStyle::Money);
        }

        #[test]
        fn integers_round_trip(n in -1_000_000_000_000i64..1_000_000_000_000i64) {
            let vi = crate::text::format_integer(n);
            prop_assert_eq!(parse_number(&vi, NumberStyle::Money), Ok(n as f64));
            prop_assert_eq!(parse_number(&n.to_string(), NumberStyle::Plain), Ok(n as f64));
        }

        /// What the site prints (`1.234.567,89`) reads back as the same number.
        #[test]
        fn vietnamese_decimals_round_trip(cents in -100_000_000_000i64..100_000_000_000i64) {
            let x = cents as f64 / 100.0;
            let vi = crate::text::numbers::format_fixed(x, 2);
            let back = parse_number(&vi, NumberStyle::Plain);
            prop_assert!(back.is_ok(), "{} → {:?}", vi, back);
            prop_assert!((back.unwrap() - x).abs() < 1e-6, "{}", vi);
        }

        /// Whatever is accepted is a finite number (no NaN/∞ in charts).
        #[test]
        fn accepted_numbers_are_finite(s in "[-+]?[0-9.,eE ]{0,40}") {
            if let Ok(n) = parse_number(&s, NumberStyle::Plain) {
                prop_assert!(n.is_finite(), "{} → {}", s, n);
            }
        }
    }
}
