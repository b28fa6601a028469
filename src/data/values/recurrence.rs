//! Recurring deadlines of a task (`Lặp lại`): a small grammar of
//! Vietnamese phrases such as "hằng tháng, ngày 5", "hằng quý, ngày 15
//! tháng cuối quý", "trước ngày 15 của tháng cuối quý" or "hằng năm, ngày 31
//! tháng 12" → a [`Recurrence`] that gives the due day of each occurrence
//! (one per month, quarter or year).
//!
//! Grammar (words compared without case or diacritics; `,` `;` `:` `.`
//! `(` `)` are spaces; every word must be understood):
//!
//! - frequency: `hằng|hàng|mỗi tháng|quý|năm`;
//! - day: `ngày N` (1–31; a day past the month's end is its last day),
//!   optionally preceded by `trước` (due the day before: "trước ngày 15" =
//!   by the 14th) or `chậm nhất`/`hạn` (due that day);
//! - month: `tháng đầu|giữa|cuối quý` (quarterly), `tháng N` or `tháng cuối
//!   năm` (yearly); `cuối tháng|quý|năm` = the period's last day;
//! - fillers: `của`, `trong`, `vào`.
//!
//! The frequency may be left out when the month names it ("tháng cuối quý"
//! → quarterly). Without a day the occurrence is due on the last day of the
//! month (or of the period). The same rules written in English ("monthly,
//! by the 5th") are read too: see [`english`].

mod english;

use jiff::civil::Date;

use super::{Period, ValueError, parse_date, parse_period};
use crate::text::dates::{month_label, quarter_label};
use crate::text::fold;

/// How often a task recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Monthly,
    Quarterly,
    Yearly,
}

impl Frequency {
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Monthly => "hằng tháng",
            Frequency::Quarterly => "hằng quý",
            Frequency::Yearly => "hằng năm",
        }
    }

    fn months(self) -> i32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::Yearly => 12,
        }
    }
}

/// A recurring deadline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Recurrence {
    pub frequency: Frequency,
    /// Day of the month (1–31); `None` = the month's last day.
    pub day: Option<u8>,
    /// Month within the period, from 1 (a quarter's 1–3, a year's 1–12);
    /// `None` = the period's last month.
    pub month: Option<u8>,
    /// "trước ngày N": due the day before day N.
    pub before: bool,
    /// The cell as written (kept in open data).
    pub text: String,
}

/// One occurrence of a recurring task: a month, quarter or year and its due day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occurrence {
    /// First day of the period.
    pub start: Date,
    /// Last day of the period.
    pub end: Date,
    /// The last day on which the report is on time.
    pub due: Date,
    pub frequency_months: i8,
}

impl Occurrence {
    /// "tháng 6/2025", "Quý I/2025", "năm 2025".
    pub fn label(&self) -> String {
        match self.frequency_months {
            1 => month_label(self.start.year(), self.start.month()),
            3 => quarter_label(self.start.year(), (self.start.month() as u8 - 1) / 3 + 1),
            _ => format!("năm {}", self.start.year()),
        }
    }

    /// Whether `date` falls in this occurrence's period.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

impl Recurrence {
    /// The occurrence whose period contains `date`.
    pub fn occurrence_at(&self, date: Date) -> Occurrence {
        let months = self.frequency.months();
        let index = (i32::from(date.year()) * 12 + i32::from(date.month()) - 1) / months * months;
        self.occurrence_from_index(index)
    }

    /// The occurrence after `o`.
    pub fn next(&self, o: &Occurrence) -> Occurrence {
        self.occurrence_at(o.end.tomorrow().unwrap_or(o.end))
    }

    /// `index` = year × 12 + month − 1 of the period's first month.
    fn occurrence_from_index(&self, index: i32) -> Occurrence {
        let months = self.frequency.months();
        let first = month_date(index);
        let last_month = month_date(index + months - 1);
        let end = last_month.last_of_month();
        let month_offset = self
            .month
            .map_or(months - 1, |m| (i32::from(m) - 1).clamp(0, months - 1));
        let due_month = month_date(index + month_offset);
        let mut due = match self.day {
            Some(d) => due_month
                .with()
                .day(d.min(due_month.last_of_month().day() as u8) as i8)
                .build()
                .unwrap_or(due_month),
            None => due_month.last_of_month(),
        };
        if self.before {
            due = due.yesterday().unwrap_or(due);
        }
        Occurrence {
            start: first,
            end,
            due,
            frequency_months: months as i8,
        }
    }

    /// A short Vietnamese description: "hằng quý, hạn ngày 14 tháng cuối quý".
    pub fn label(&self) -> String {
        self.text.clone()
    }
}

fn month_date(index: i32) -> Date {
    let year = index.div_euclid(12) as i16;
    let month = (index.rem_euclid(12) + 1) as i8;
    Date::new(year, month, 1).unwrap_or(Date::MIN)
}

const EXAMPLES: &str = "ví dụ: “hằng tháng, ngày 5”, “hằng quý, ngày 15 tháng cuối quý”, \
     “trước ngày 15 của tháng cuối quý”, “hằng năm, ngày 31 tháng 12”";

fn error(raw: &str, why: String) -> ValueError {
    ValueError::new(
        format!("không hiểu quy tắc lặp lại “{}”: {why}", raw.trim()),
        format!("viết tần suất (hằng tháng, hằng quý, hằng năm) và ngày đến hạn; {EXAMPLES}"),
    )
}

/// Parses a recurrence rule (see the module documentation for the grammar).
pub fn parse_recurrence(raw: &str) -> Result<Recurrence, ValueError> {
    let folded: String = fold(raw.trim())
        .chars()
        .map(|c| {
            if matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '-' | '/') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let english: Vec<&str> = folded.split_whitespace().collect();
    let translated = english::to_vietnamese(&english);
    let words: Vec<&str> = translated.iter().map(String::as_str).collect();
    if words.is_empty() {
        return Err(error(raw, "ô trống".into()));
    }
    let mut written: Option<Frequency> = None;
    let mut implied: Option<Frequency> = None;
    let (mut day, mut month, mut before) = (None::<u8>, None::<u8>, false);
    let number = |w: &str, max: u8| w.parse::<u8>().ok().filter(|n| (1..=max).contains(n));
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        let step = match rest {
            ["hang" | "moi" | "dinh", "ky", ..] => 2, // "định kỳ": a filler
            ["hang" | "moi", unit, ..] if frequency_word(unit).is_some() => {
                let f = frequency_word(unit).expect("checked");
                if written.is_some_and(|w| w != f) {
                    return Err(error(raw, "ghi hai tần suất khác nhau".into()));
                }
                written = Some(f);
                2
            }
            ["truoc", ..] => {
                before = true;
                1
            }
            ["cham", "nhat", ..] => 2,
            ["han", ..] | ["cua", ..] | ["trong", ..] | ["vao", ..] | ["bao", "cao", ..] => {
                if rest[0] == "bao" { 2 } else { 1 }
            }
            ["ngay", n, ..] => {
                day = Some(
                    number(n, 31)
                        .ok_or_else(|| error(raw, format!("“ngày {n}” phải là ngày 1–31")))?,
                );
                2
            }
            ["thang", pos @ ("dau" | "giua" | "cuoi"), "quy", ..] => {
                month = Some(match *pos {
                    "dau" => 1,
                    "giua" => 2,
                    _ => 3,
                });
                implied = Some(Frequency::Quarterly);
                3
            }
            ["thang", "cuoi", "nam", ..] => {
                month = Some(12);
                implied = Some(Frequency::Yearly);
                3
            }
            ["thang", n, ..] if number(n, 12).is_some() => {
                month = number(n, 12);
                implied = Some(Frequency::Yearly);
                2
            }
            ["cuoi", unit, ..] if frequency_word(unit).is_some() => {
                implied = frequency_word(unit);
                day = None;
                2
            }
            [w, ..] => return Err(error(raw, format!("không hiểu từ “{w}”"))),
            [] => unreachable!("i < len"),
        };
        i += step;
    }
    let frequency = match (written, implied) {
        (Some(w), Some(m)) if w != m => {
            return Err(error(
                raw,
                format!(
                    "tần suất “{}” không khớp với tháng đã ghi (“{}”)",
                    w.label(),
                    m.label()
                ),
            ));
        }
        (Some(w), _) => w,
        (None, Some(m)) => m,
        (None, None) => return Err(error(raw, "thiếu tần suất".into())),
    };
    if frequency == Frequency::Monthly && month.is_some() {
        return Err(error(raw, "việc lặp lại hằng tháng không ghi tháng".into()));
    }
    if before && day.is_none() {
        return Err(error(
            raw,
            "“trước” cần một ngày, ví dụ “trước ngày 15”".into(),
        ));
    }
    Ok(Recurrence {
        frequency,
        day,
        month,
        before,
        text: raw.trim().to_owned(),
    })
}

fn frequency_word(w: &str) -> Option<Frequency> {
    match w {
        "thang" => Some(Frequency::Monthly),
        "quy" => Some(Frequency::Quarterly),
        "nam" => Some(Frequency::Yearly),
        _ => None,
    }
}

/// One entry of a `Đã báo cáo` cell: the period and/or the day.
pub type ReportEntry = (Option<Period>, Option<Date>);

/// Reads the `Đã báo cáo` cell of a recurring task: entries separated by
/// `;` or line breaks, each a period (`Quý I/2025`: reported, day unknown),
/// a day (`10/03/2025`: the report of the period containing that day) or
/// both (`Quý I/2025: 02/04/2025`: a late report filed after its period).
pub fn parse_reports(raw: &str) -> Result<Vec<ReportEntry>, ValueError> {
    let bad = |entry: &str| {
        ValueError::new(
            format!("“{}” không phải là một lần báo cáo", entry.trim()),
            "ghi mỗi lần báo cáo là một ngày (10/03/2025), một kỳ (Quý I/2025) hoặc kỳ và ngày \
             (Quý I/2025: 02/04/2025), các lần cách nhau bằng dấu “;”",
        )
    };
    let mut out = Vec::new();
    for entry in raw
        .split([';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        match entry.split_once(':') {
            Some((period, day)) => {
                let p = parse_period(period.trim()).map_err(|_| bad(entry))?;
                if matches!(p, Period::Day(_)) {
                    return Err(bad(entry));
                }
                let d = parse_date(day.trim()).map_err(|_| bad(entry))?;
                out.push((Some(p), Some(d)));
            }
            None => match parse_period(entry).map_err(|_| bad(entry))? {
                Period::Day(d) => out.push((None, Some(d))),
                p => out.push((Some(p), None)),
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn due(rule: &str, at: Date) -> Date {
        parse_recurrence(rule).unwrap().occurrence_at(at).due
    }

    #[test]
    fn seed_phrases_parse() {
        // Seed 004: "trước ngày 15 của tháng cuối quý" → quarterly, by the 14th.
        let r = parse_recurrence("Trước ngày 15 của tháng cuối quý").unwrap();
        assert_eq!(r.frequency, Frequency::Quarterly);
        assert_eq!((r.day, r.month, r.before), (Some(15), Some(3), true));
        for (rule, at, expected) in [
            (
                "trước ngày 15 của tháng cuối quý",
                "2025-11-02",
                "2025-12-14",
            ),
            (
                "hằng quý, ngày 15 tháng cuối quý",
                "2025-01-01",
                "2025-03-15",
            ),
            (
                "HANG QUY ngay 15 thang cuoi quy",
                "2025-06-30",
                "2025-06-15",
            ),
            ("hằng tháng, ngày 5", "2025-02-20", "2025-02-05"),
            ("Hàng tháng (ngày 31)", "2025-02-01", "2025-02-28"),
            ("hằng năm, ngày 31 tháng 12", "2025-05-01", "2025-12-31"),
            (
                "hằng năm, trước ngày 15 tháng 1",
                "2026-05-01",
                "2026-01-14",
            ),
            ("hằng quý", "2025-08-01", "2025-09-30"),
            ("mỗi tháng, cuối tháng", "2024-02-01", "2024-02-29"),
            (
                "chậm nhất ngày 20 tháng đầu quý",
                "2025-12-01",
                "2025-10-20",
            ),
            // "trước ngày 1" is the last day of the month before.
            ("hằng tháng, trước ngày 1", "2025-03-09", "2025-02-28"),
        ] {
            let (at, expected): (Date, Date) = (at.parse().unwrap(), expected.parse().unwrap());
            assert_eq!(due(rule, at), expected, "{rule} at {at}");
        }
    }

    /// The English words give the same rules (seed 004's rule and the
    /// examples of the guide, in English).
    #[test]
    fn english_rules_mean_the_same() {
        for (english, vietnamese) in [
            (
                "Quarterly, before the 15th of the last month",
                "trước ngày 15 của tháng cuối quý",
            ),
            (
                "before the 15th of the last month of the quarter",
                "trước ngày 15 của tháng cuối quý",
            ),
            (
                "every quarter, day 15 of the last month of the quarter",
                "hằng quý, ngày 15 tháng cuối quý",
            ),
            ("monthly, by the 5th", "hằng tháng, ngày 5"),
            ("Each month (day 31)", "hàng tháng (ngày 31)"),
            ("annually on 31 December", "hằng năm, ngày 31 tháng 12"),
            ("yearly, December 31", "hằng năm, ngày 31 tháng 12"),
            (
                "every year, before the 15th of January",
                "hằng năm, trước ngày 15 tháng 1",
            ),
            ("quarterly", "hằng quý"),
            ("every month, end of the month", "mỗi tháng, cuối tháng"),
            (
                "due on the 20th of the first month of the quarter",
                "chậm nhất ngày 20 tháng đầu quý",
            ),
            ("monthly, before the 1st", "hằng tháng, trước ngày 1"),
            ("yearly, by 31 Dec", "hằng năm, ngày 31 tháng 12"),
        ] {
            let (en, vi) = (
                parse_recurrence(english).unwrap(),
                parse_recurrence(vietnamese).unwrap(),
            );
            assert_eq!(
                (en.frequency, en.day, en.month, en.before),
                (vi.frequency, vi.day, vi.month, vi.before),
                "{english}"
            );
            // The rule is shown as written.
            assert_eq!(en.label(), english);
        }
        for bad in [
            "weekly",
            "monthly, by the 32nd",
            "every fortnight",
            "on the 5th",
        ] {
            let e = parse_recurrence(bad).unwrap_err();
            assert!(e.message.contains(bad), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn occurrences_follow_each_other() {
        let r = parse_recurrence("hằng quý, ngày 15 tháng cuối quý").unwrap();
        let q4 = r.occurrence_at(date(2025, 10, 1));
        assert_eq!(q4.label(), "Quý IV/2025");
        assert_eq!((q4.start, q4.end), (date(2025, 10, 1), date(2025, 12, 31)));
        let q1 = r.next(&q4);
        assert_eq!(q1.label(), "Quý I/2026");
        assert_eq!(q1.due, date(2026, 3, 15));
        let m = parse_recurrence("hằng tháng, ngày 5").unwrap();
        assert_eq!(m.occurrence_at(date(2025, 12, 31)).label(), "tháng 12/2025");
        assert_eq!(
            m.next(&m.occurrence_at(date(2025, 12, 31))).label(),
            "tháng 1/2026"
        );
        let y = parse_recurrence("hằng năm").unwrap();
        assert_eq!(
            parse_reports("Quý I/2025: 02/04/2025; 12/06/2025\nQuý III/2025"),
            Ok(vec![
                (Some(Period::Quarter(2025, 1)), Some(date(2025, 4, 2))),
                (None, Some(date(2025, 6, 12))),
                (Some(Period::Quarter(2025, 3)), None),
            ])
        );
        assert!(
            parse_reports("đã nộp")
                .unwrap_err()
                .message
                .contains("đã nộp")
        );
        assert!(parse_reports("10/03/2025: 11/03/2025").is_err());
        assert_eq!(y.occurrence_at(date(2025, 7, 7)).label(), "năm 2025");
    }

    #[test]
    fn bad_rules_are_errors_with_examples() {
        for raw in [
            "thỉnh thoảng",
            "ngày 15",
            "hằng tháng, ngày 32",
            "hằng tháng, ngày 5 tháng cuối quý",
            "hằng năm, ngày 15 tháng cuối quý",
            "hằng quý, trước",
            "hằng tuần",
        ] {
            let e = parse_recurrence(raw).unwrap_err();
            assert!(e.message.contains(raw.trim()), "{raw}: {}", e.message);
            assert!(
                e.hint.unwrap().contains("trước ngày 15 của tháng cuối quý"),
                "{raw}"
            );
        }
    }
}
