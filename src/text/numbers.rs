//! Number formatting. Vietnamese by default: `.` groups thousands, `,` is
//! the decimal mark (`1.552.020.000`, `95,5 %`); an English page uses
//! [`NumberStyle::ENGLISH`] (`1,552,020,000`, `95.5%`). Rounding is half away
//! from zero, as in official statistics (Rust's `{:.1}` rounds 72.25 to 72.2).

/// How a page writes numbers: the marks that group thousands and separate
/// decimals, and whether a space (non-breaking) goes before `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    group: char,
    decimal: char,
    percent_space: bool,
}

impl NumberStyle {
    /// `1.234.567,5` and `95,5 %` (Vietnamese typography, TCVN usage).
    pub const VIETNAMESE: NumberStyle = NumberStyle {
        group: '.',
        decimal: ',',
        percent_space: true,
    };
    /// `1,234,567.5` and `95.5%`, as an English reader expects.
    pub const ENGLISH: NumberStyle = NumberStyle {
        group: ',',
        decimal: '.',
        percent_space: false,
    };

    /// The style a theme names (`chart_numbers`): "en" is English, anything
    /// else Vietnamese.
    pub fn named(name: &str) -> NumberStyle {
        if name.trim() == "en" {
            NumberStyle::ENGLISH
        } else {
            NumberStyle::VIETNAMESE
        }
    }

    /// An integer with thousands grouped: `-1.234.567` / `-1,234,567`.
    pub fn integer(self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if value < 0 {
            out.push('-');
        }
        self.group_into(&digits, &mut out);
        out
    }

    /// At most `decimals` decimal places, trailing zeros dropped.
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        self.decimal_inner(value, decimals, false)
    }

    /// Exactly `decimals` decimal places: `0,8240` / `0.8240`.
    pub fn fixed(self, value: f64, decimals: usize) -> String {
        self.decimal_inner(value, decimals, true)
    }

    /// `95,5 %` / `95.5%`.
    pub fn percent(self, value: f64, decimals: usize) -> String {
        let number = self.decimal(value, decimals);
        if self.percent_space {
            format!("{number}\u{a0}%")
        } else {
            format!("{number}%")
        }
    }

    fn decimal_inner(self, value: f64, decimals: usize, keep_zeros: bool) -> String {
        if !value.is_finite() {
            return "–".to_owned();
        }
        let rounded = round_half_away(value, decimals);
        let negative = rounded < 0.0;
        let text = format!("{:.*}", decimals, rounded.abs());
        let (int_part, frac_part) = match text.split_once('.') {
            Some((i, f)) => (i, f),
            None => (text.as_str(), ""),
        };
        let frac = if keep_zeros {
            frac_part
        } else {
            frac_part.trim_end_matches('0')
        };
        let mut out = String::new();
        if negative && (int_part.bytes().any(|b| b != b'0') || !frac.is_empty()) {
            out.push('-');
        }
        self.group_into(int_part, &mut out);
        if !frac.is_empty() {
            out.push(self.decimal);
            out.push_str(frac);
        }
        out
    }

    fn group_into(self, digits: &str, out: &mut String) {
        let len = digits.len();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (len - i).is_multiple_of(3) {
                out.push(self.group);
            }
            out.push(c);
        }
    }
}

/// Formats an integer with `.` thousands separators: `-1234567` → `-1.234.567`.
pub fn format_integer(value: i64) -> String {
    NumberStyle::VIETNAMESE.integer(value)
}

/// Formats with at most `decimals` decimal places, dropping trailing zeros:
/// `format_decimal(95.50, 2)` → `95,5`; `format_decimal(1552020000.0, 0)` →
/// `1.552.020.000`.
pub fn format_decimal(value: f64, decimals: usize) -> String {
    NumberStyle::VIETNAMESE.decimal(value, decimals)
}

/// Like [`format_decimal`] but keeps exactly `decimals` places: `0,8240`.
pub fn format_fixed(value: f64, decimals: usize) -> String {
    NumberStyle::VIETNAMESE.fixed(value, decimals)
}

/// `95,5 %` (with the non-breaking space Vietnamese typography uses).
pub fn format_percent(value: f64, decimals: usize) -> String {
    NumberStyle::VIETNAMESE.percent(value, decimals)
}

/// Rounds half away from zero at `decimals` places, using the shortest
/// decimal representation so 72.25 → 72.3 (not the binary-float 72.2).
pub fn round_half_away(value: f64, decimals: usize) -> f64 {
    let text = format!("{value}");
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    if body.contains('e') {
        let factor = 10f64.powi(decimals as i32);
        return (value * factor).round() / factor;
    }
    let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
    if frac_part.len() <= decimals {
        return value;
    }
    let kept = format!("{int_part}{}", &frac_part[..decimals]);
    let mut digits: Vec<u8> = kept.bytes().map(|b| b - b'0').collect();
    if frac_part.as_bytes()[decimals] >= b'5' {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let split = s.len() - decimals;
    let number = format!("{}.{}", &s[..split], &s[split..]);
    let parsed: f64 = number.parse().unwrap_or(value);
    if neg { -parsed } else { parsed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_group_with_dots() {
        assert_eq!(format_integer(1_552_020_000), "1.552.020.000");
        assert_eq!(format_integer(203_324), "203.324");
        assert_eq!(format_integer(999), "999");
        assert_eq!(format_integer(-1_234_567), "-1.234.567");
        assert_eq!(format_integer(0), "0");
    }

    #[test]
    fn decimals_use_comma_and_round_half_away() {
        assert_eq!(format_decimal(95.5, 1), "95,5");
        assert_eq!(format_decimal(99.2, 2), "99,2");
        assert_eq!(format_decimal(72.25, 1), "72,3");
        assert_eq!(format_decimal(-1234567.25, 2), "-1.234.567,25");
        assert_eq!(format_decimal(2665.0, 2), "2.665");
        assert_eq!(format_decimal(-0.04, 1), "0");
        assert_eq!(format_fixed(0.824, 4), "0,8240");
        assert_eq!(format_percent(95.5, 1), "95,5\u{a0}%");
    }

    #[test]
    fn english_groups_with_commas_and_uses_a_decimal_point() {
        let en = NumberStyle::ENGLISH;
        assert_eq!(en.integer(1_552_020_000), "1,552,020,000");
        assert_eq!(en.integer(-1_234_567), "-1,234,567");
        assert_eq!(en.decimal(-1234567.25, 2), "-1,234,567.25");
        assert_eq!(en.decimal(72.25, 1), "72.3");
        assert_eq!(en.fixed(0.824, 4), "0.8240");
        assert_eq!(en.percent(95.5, 1), "95.5%");
        assert_eq!(en.decimal(f64::NAN, 1), "–");
    }

    #[test]
    fn rounding_carries() {
        assert_eq!(round_half_away(9.99, 1), 10.0);
        assert_eq!(round_half_away(0.125, 2), 0.13);
        assert_eq!(round_half_away(-2.5, 0), -3.0);
    }
}
