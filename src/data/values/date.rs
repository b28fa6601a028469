//! Calendar dates: `14/11/2025`, `14-11-2025`, `14.11.2025`, `2025-11-14`,
//! "ngày 14 tháng 11 năm 2025", and Excel serial numbers for numeric cells.

use jiff::civil::Date;

use super::ValueError;
use crate::text::fold;

const HINT: &str = "viết ngày theo dạng ngày/tháng/năm, ví dụ 14/11/2025 (hoặc 2025-11-14)";

/// Parses a date written as text.
pub fn parse_date(raw: &str) -> Result<Date, ValueError> {
    let text = raw.trim();
    let err = || ValueError::new(format!("“{text}” không phải là ngày"), HINT);
    // ISO date-times from spreadsheets: keep the date part.
    let head = match text.split_once(['T', ' ']) {
        Some((d, _)) if d.len() == 10 && d.as_bytes().get(4) == Some(&b'-') => d,
        _ => text,
    };
    let mut numbers = [(0u32, 0usize); 3];
    let count = numeric_tokens(head, &mut numbers).ok_or_else(err)?;
    let (y, m, d) = match &numbers[..count] {
        [(y, 4), (m, 1..=2), (d, 1..=2)] => (*y, *m, *d),
        [(d, 1..=2), (m, 1..=2), (y, 4)] => (*y, *m, *d),
        _ => return Err(err()),
    };
    if m > 12 && d <= 12 {
        return Err(ValueError::new(
            format!("“{text}” có vẻ viết theo kiểu tháng/ngày/năm"),
            format!("viết ngày trước tháng: {m:02}/{d:02}/{y}"),
        ));
    }
    build(y, m, d).ok_or_else(|| {
        ValueError::new(
            format!("ngày “{text}” không có trên lịch"),
            "kiểm tra lại ngày và tháng",
        )
    })
}

/// Builds a date from year, month and day, if it exists.
fn build(y: u32, m: u32, d: u32) -> Option<Date> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// Splits `text` into numbers (value, digit count), accepting `/ - .` and the
/// Vietnamese words "ngày", "tháng", "năm" as separators, into `out`;
/// returns how many. More than three numbers (never a date) is `None`.
fn numeric_tokens(text: &str, out: &mut [(u32, usize); 3]) -> Option<usize> {
    let folded = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(fold(text))
    };
    let mut count = 0;
    for token in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        let word = |w: &str| token.eq_ignore_ascii_case(w);
        match token {
            "" => {}
            _ if word("ngay") || word("thang") || word("nam") => {}
            t if t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) => {
                *out.get_mut(count)? = (t.parse().ok()?, t.len());
                count += 1;
            }
            _ => return None,
        }
    }
    Some(count)
}

/// Converts an Excel serial day number (1900 date system) to a date.
/// Excel counts 1900-02-29, which never existed; serials after it are
/// shifted accordingly. Returns `None` outside 1900–9999.
pub fn excel_serial_to_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let (base, offset) = if days >= 61 {
        (Date::new(1899, 12, 30).ok()?, days)
    } else if days == 60 {
        return Date::new(1900, 2, 28).ok();
    } else {
        (Date::new(1899, 12, 31).ok()?, days)
    };
    base.checked_add(jiff::Span::new().days(offset)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn reads_common_date_forms() {
        let want = date(2025, 11, 14);
        for text in [
            "14/11/2025",
            "14-11-2025",
            "14.11.2025",
            "2025-11-14",
            "2025/11/14",
            " 14/11/2025 ",
            "ngày 14 tháng 11 năm 2025",
            "2025-11-14T00:00:00",
            "2025-11-14 08:30",
        ] {
            assert_eq!(parse_date(text), Ok(want), "{text}");
        }
        assert_eq!(parse_date("1/6/2025"), Ok(date(2025, 6, 1)));
    }

    #[test]
    fn rejects_non_dates_with_reasons() {
        assert_eq!(
            parse_date("31/02/2025").unwrap_err().message,
            "ngày “31/02/2025” không có trên lịch"
        );
        let us = parse_date("11/14/2025").unwrap_err();
        assert_eq!(
            us.hint.as_deref(),
            Some("viết ngày trước tháng: 14/11/2025")
        );
        for text in ["", "2025", "Quý I/2025", "hôm nay", "14/11/25", "99999/1/1"] {
            assert!(parse_date(text).is_err(), "{text}");
        }
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial_to_date(45975.0), Some(date(2025, 11, 14)));
        assert_eq!(excel_serial_to_date(61.0), Some(date(1900, 3, 1)));
        assert_eq!(excel_serial_to_date(59.0), Some(date(1900, 2, 28)));
        assert_eq!(excel_serial_to_date(1.0), Some(date(1900, 1, 1)));
        assert_eq!(excel_serial_to_date(45975.75), Some(date(2025, 11, 14)));
        assert_eq!(excel_serial_to_date(0.0), None);
        assert_eq!(excel_serial_to_date(f64::NAN), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,24}", n in proptest::num::f64::ANY) {
            let _ = parse_date(&s);
            let _ = excel_serial_to_date(n);
        }

        /// Every real date reads back from `dd/mm/yyyy`, `d/m/yyyy` and ISO.
        #[test]
        fn dates_round_trip(y in 1900i16..2100, m in 1i8..=12, d in 1i8..=31) {
            if let Ok(date) = jiff::civil::Date::new(y, m, d) {
                prop_assert_eq!(parse_date(&format!("{d:02}/{m:02}/{y}")), Ok(date));
                prop_assert_eq!(parse_date(&format!("{d}/{m}/{y}")), Ok(date));
                prop_assert_eq!(parse_date(&date.to_string()), Ok(date));
                let page = crate::content::frontmatter::parse_page_date(&format!("{d:02}/{m:02}/{y}"));
                prop_assert_eq!(page.map(|p| p.date), Some(date));
            } else {
                let text = format!("{d:02}/{m:02}/{y}");
                prop_assert!(parse_date(&text).is_err(), "{}", text);
            }
        }
    }
}
