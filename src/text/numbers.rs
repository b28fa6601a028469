//! Vietnamese number formatting: `.` groups thousands, `,` is the decimal
//! mark (`1.552.020.000`, `95,5 %`). Rounding is half away from zero, as in
//! official statistics (Rust's `{:.1}` rounds 72.25 to 72.2).

/// Formats an integer with `.` thousands separators: `-1234567` → `-1.234.567`.
pub fn format_integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    group_into(&digits, &mut out);
    out
}

/// Formats with at most `decimals` decimal places, dropping trailing zeros:
/// `format_decimal(95.50, 2)` → `95,5`; `format_decimal(1552020000.0, 0)` →
/// `1.552.020.000`.
pub fn format_decimal(value: f64, decimals: usize) -> String {
    format_decimal_inner(value, decimals, false)
}

/// Like [`format_decimal`] but keeps exactly `decimals` places: `0,8240`.
pub fn format_fixed(value: f64, decimals: usize) -> String {
    format_decimal_inner(value, decimals, true)
}

/// `95,5 %` (with the non-breaking space Vietnamese typography uses).
pub fn format_percent(value: f64, decimals: usize) -> String {
    format!("{}\u{a0}%", format_decimal(value, decimals))
}

fn format_decimal_inner(value: f64, decimals: usize, keep_zeros: bool) -> String {
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
    group_into(int_part, &mut out);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
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

fn group_into(digits: &str, out: &mut String) {
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
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
    fn rounding_carries() {
        assert_eq!(round_half_away(9.99, 1), 10.0);
        assert_eq!(round_half_away(0.125, 2), 0.13);
        assert_eq!(round_half_away(-2.5, 0), -3.0);
    }
}
