//! Reporting periods (`2025`, `Quý III/2025`, `Q3/2025`, `quý 3 năm 2025`,
//! `06/2025`, `tháng 6/2025`, `2025-06`, a date) and deadlines (a period,
//! due on its last day, or "Thường xuyên" for ongoing work).

use std::cmp::Ordering;

use jiff::civil::Date;

use super::{ValueError, parse_date};
use crate::text::dates::{month_label, quarter_label, short};
use crate::text::fold;

/// A reporting period. Ordered by end date, then by start date (so a year
/// sorts before its last quarter, which sorts before its last month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i16),
    Quarter(i16, u8),
    Month(i16, i8),
    Day(Date),
}

impl Period {
    /// First day of the period.
    pub fn start(self) -> Date {
        match self {
            Period::Year(y) => ymd(y, 1, 1),
            Period::Quarter(y, q) => ymd(y, (q.clamp(1, 4) as i8 - 1) * 3 + 1, 1),
            Period::Month(y, m) => ymd(y, m, 1),
            Period::Day(d) => d,
        }
    }

    /// Last day of the period.
    pub fn end(self) -> Date {
        match self {
            Period::Year(y) => ymd(y, 12, 31),
            Period::Quarter(y, q) => ymd(y, q.clamp(1, 4) as i8 * 3, 1).last_of_month(),
            Period::Month(y, m) => ymd(y, m, 1).last_of_month(),
            Period::Day(d) => d,
        }
    }

    /// Vietnamese label: "năm 2025", "Quý III/2025", "tháng 6/2025", "14/11/2025".
    pub fn label(self) -> String {
        match self {
            Period::Year(y) => format!("năm {y}"),
            Period::Quarter(y, q) => quarter_label(y, q),
            Period::Month(y, m) => month_label(y, m),
            Period::Day(d) => short(d),
        }
    }

    /// Machine-readable form used in exports, read back by [`parse_period`]:
    /// `2025`, `2025-Q3`, `2025-06`, `2025-11-14`.
    pub fn code(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Month(y, m) => format!("{y}-{m:02}"),
            Period::Day(d) => d.to_string(),
        }
    }

    /// The year the period falls in.
    pub fn year(self) -> i16 {
        self.start().year()
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.end(), self.start()).cmp(&(other.end(), other.start()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Builds a date known to be valid (callers check ranges first).
fn ymd(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

const HINT: &str = "viết kỳ như 2025, Quý III/2025, 06/2025 hoặc một ngày 14/11/2025";

/// Parses a reporting period.
pub fn parse_period(raw: &str) -> Result<Period, ValueError> {
    let text = raw.trim();
    let err = || ValueError::new(format!("“{text}” không phải là một kỳ báo cáo"), HINT);
    // The usual cell, a plain year, without the general path's copies
    // (the same answer: four digits are never a date).
    if text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && let Ok(y) = text.parse::<i16>()
        && (1900..=2200).contains(&y)
    {
        return Ok(Period::Year(y));
    }
    if let Ok(d) = parse_date(text) {
        return Ok(Period::Day(d));
    }
    let folded = fold(text);
    let tokens: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty() && *t != "nam")
        .collect();
    let year = |t: &str| -> Option<i16> {
        (t.len() == 4)
            .then(|| t.parse::<i16>().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    match tokens.as_slice() {
        [y] => year(y).map(Period::Year).ok_or_else(err),
        ["quy" | "q", q, y] | [y, "quy" | "q", q] => {
            let y = year(y).ok_or_else(err)?;
            Ok(Period::Quarter(y, quarter(q, text)?))
        }
        [qq, y] if qq.starts_with('q') && year(y).is_some() => {
            let q = qq.trim_start_matches("quy").trim_start_matches('q');
            Ok(Period::Quarter(year(y).ok_or_else(err)?, quarter(q, text)?))
        }
        [y, qq] if qq.starts_with('q') && year(y).is_some() => Ok(Period::Quarter(
            year(y).ok_or_else(err)?,
            quarter(&qq[1..], text)?,
        )),
        ["thang" | "t", m, y] => Ok(Period::Month(year(y).ok_or_else(err)?, month(m, text)?)),
        [m, y] if m.len() <= 2 && year(y).is_some() => {
            Ok(Period::Month(year(y).ok_or_else(err)?, month(m, text)?))
        }
        [y, m] if m.len() <= 2 && year(y).is_some() => {
            Ok(Period::Month(year(y).ok_or_else(err)?, month(m, text)?))
        }
        _ => Err(err()),
    }
}

/// A quarter number from `3` or a Roman numeral `iii` (already folded).
fn quarter(token: &str, text: &str) -> Result<u8, ValueError> {
    let q = match token {
        "1" | "i" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        _ => {
            return Err(ValueError::new(
                format!("“{text}”: quý phải từ I đến IV"),
                "viết quý bằng số La Mã hoặc số, ví dụ Quý III/2025 hoặc Q3/2025",
            ));
        }
    };
    Ok(q)
}

fn month(token: &str, text: &str) -> Result<i8, ValueError> {
    token
        .parse::<i8>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| {
            ValueError::new(
                format!("“{text}”: tháng phải từ 1 đến 12"),
                "ví dụ 06/2025 hoặc tháng 6/2025",
            )
        })
}

/// When something is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deadline {
    /// Due on `date`, the last day of `period` as written (`Quý I/2025` → 31/03/2025).
    Due { date: Date, period: Period },
    /// Recurring or continuous work ("Thường xuyên"): never overdue.
    Ongoing,
}

impl Deadline {
    pub fn date(self) -> Option<Date> {
        match self {
            Deadline::Due { date, .. } => Some(date),
            Deadline::Ongoing => None,
        }
    }

    /// Vietnamese label: "31/12/2026", "Quý I/2025", "năm 2026", "Thường xuyên".
    pub fn label(self) -> String {
        match self {
            Deadline::Due { period, .. } => period.label(),
            Deadline::Ongoing => "Thường xuyên".to_owned(),
        }
    }

    /// Machine-readable form used in exports (see [`Period::code`]).
    pub fn code(self) -> String {
        match self {
            Deadline::Due { period, .. } => period.code(),
            Deadline::Ongoing => "Thường xuyên".to_owned(),
        }
    }

    pub fn from_period(period: Period) -> Self {
        Deadline::Due {
            date: period.end(),
            period,
        }
    }
}

/// Parses a deadline: a date, a period (due on its last day) or a word for
/// ongoing work ("Thường xuyên", "Hàng năm", "Liên tục").
pub fn parse_deadline(raw: &str) -> Result<Deadline, ValueError> {
    let folded = fold(raw.trim());
    let words: Vec<&str> = folded.split_whitespace().collect();
    if matches!(
        words.as_slice(),
        ["thuong", "xuyen"]
            | ["hang", "nam"]
            | ["lien", "tuc"]
            | ["ongoing"]
            | ["hang", "quy"]
            | ["hang", "thang"]
    ) {
        return Ok(Deadline::Ongoing);
    }
    parse_period(raw).map(Deadline::from_period).map_err(|e| {
        if e.message.contains("phải từ") {
            return e; // a quarter or month out of range: the precise message
        }
        ValueError::new(
            format!("“{}” không phải là thời hạn", raw.trim()),
            "viết một ngày (30/11/2025), một quý (Quý I/2025), một tháng (06/2025), một năm (2025) hoặc “Thường xuyên”",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn reads_periods() {
        let cases = [
            ("2025", Period::Year(2025)),
            ("năm 2025", Period::Year(2025)),
            ("Quý I/2025", Period::Quarter(2025, 1)),
            ("Quý III/2025", Period::Quarter(2025, 3)),
            ("quý IV năm 2025", Period::Quarter(2025, 4)),
            ("quý 3 năm 2025", Period::Quarter(2025, 3)),
            ("Q3/2025", Period::Quarter(2025, 3)),
            ("Q3-2025", Period::Quarter(2025, 3)),
            ("q2 2025", Period::Quarter(2025, 2)),
            ("2025-Q3", Period::Quarter(2025, 3)),
            ("06/2025", Period::Month(2025, 6)),
            ("6/2025", Period::Month(2025, 6)),
            ("tháng 6/2025", Period::Month(2025, 6)),
            ("Tháng 12 năm 2025", Period::Month(2025, 12)),
            ("2025-06", Period::Month(2025, 6)),
            ("14/11/2025", Period::Day(date(2025, 11, 14))),
            ("2025-11-14", Period::Day(date(2025, 11, 14))),
        ];
        for (text, want) in cases {
            assert_eq!(parse_period(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn rejects_bad_periods() {
        assert_eq!(
            parse_period("Quý V/2025").unwrap_err().message,
            "“Quý V/2025”: quý phải từ I đến IV"
        );
        assert_eq!(
            parse_period("13/2025").unwrap_err().message,
            "“13/2025”: tháng phải từ 1 đến 12"
        );
        for text in ["", "sáu tháng đầu năm", "25", "Q3", "2025/2026/1"] {
            assert!(parse_period(text).is_err(), "{text}");
        }
    }

    #[test]
    fn bounds_labels_and_order() {
        let q3 = Period::Quarter(2025, 3);
        assert_eq!(
            (q3.start(), q3.end()),
            (date(2025, 7, 1), date(2025, 9, 30))
        );
        assert_eq!(Period::Quarter(2025, 1).end(), date(2025, 3, 31));
        assert_eq!(Period::Month(2024, 2).end(), date(2024, 2, 29));
        assert_eq!(Period::Year(2025).end(), date(2025, 12, 31));
        assert_eq!(q3.label(), "Quý III/2025");
        assert_eq!(Period::Month(2025, 6).label(), "tháng 6/2025");
        assert_eq!(Period::Year(2025).label(), "năm 2025");
        let mut ps = vec![
            Period::Month(2025, 12),
            Period::Year(2025),
            Period::Quarter(2025, 4),
            Period::Day(date(2025, 11, 14)),
            Period::Quarter(2025, 3),
        ];
        ps.sort();
        assert_eq!(
            ps,
            vec![
                Period::Quarter(2025, 3),
                Period::Day(date(2025, 11, 14)),
                Period::Year(2025),
                Period::Quarter(2025, 4),
                Period::Month(2025, 12),
            ]
        );
        for p in ps {
            assert_eq!(parse_period(&p.code()), Ok(p));
        }
    }

    #[test]
    fn deadlines() {
        let due = |s| parse_deadline(s).map(|d| d.date());
        assert_eq!(due("30/11/2025"), Ok(Some(date(2025, 11, 30))));
        assert_eq!(due("Quý I năm 2025"), Ok(Some(date(2025, 3, 31))));
        assert_eq!(due("06/2025"), Ok(Some(date(2025, 6, 30))));
        assert_eq!(due("2026"), Ok(Some(date(2026, 12, 31))));
        assert_eq!(parse_deadline("Thường xuyên"), Ok(Deadline::Ongoing));
        assert_eq!(parse_deadline("THUONG XUYEN"), Ok(Deadline::Ongoing));
        assert_eq!(
            parse_deadline("Quý I năm 2025").unwrap().label(),
            "Quý I/2025"
        );
        let err = parse_deadline("sớm").unwrap_err();
        assert_eq!(err.message, "“sớm” không phải là thời hạn");
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = parse_period(&s);
            let _ = parse_deadline(&s);
        }

        #[test]
        fn never_panics_on_period_like(s in "(quý|Q|tháng|năm)? ?[0-9IVX]{0,5}[/ -]?[0-9]{0,5}") {
            let _ = parse_period(&s);
        }

        /// The labels the site prints ("Quý III/2026", "năm 2026") read back.
        #[test]
        fn printed_periods_round_trip(y in 2000i16..2100, q in 1u8..=4) {
            let label = crate::text::dates::quarter_label(y, q);
            prop_assert_eq!(parse_period(&label), Ok(Period::Quarter(y, q)));
            prop_assert_eq!(parse_period(&format!("Quý {q}/{y}")), Ok(Period::Quarter(y, q)));
            prop_assert_eq!(parse_period(&y.to_string()), Ok(Period::Year(y)));
        }
    }
}
