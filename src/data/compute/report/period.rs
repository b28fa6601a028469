//! One reporting period of the periodic reports (a quarter, a half-year, a
//! year): its dates, slug, title words and order. Split out of
//! `compute/report.rs`, which decides which periods have data and their figures.

use jiff::civil::Date;

use crate::config::ReportKind;
use crate::data::values::Period;
use crate::text::dates::quarter_roman;

/// One reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportPeriod {
    Quarter(i16, u8),
    /// 1 = first half ("6 tháng đầu năm"), 2 = second ("6 tháng cuối năm").
    Half(i16, u8),
    Year(i16),
}

fn ymd(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

impl ReportPeriod {
    /// The period of `kind` that contains `date`.
    pub fn containing(kind: ReportKind, date: Date) -> ReportPeriod {
        let (y, m) = (date.year(), date.month());
        match kind {
            ReportKind::Quarter => ReportPeriod::Quarter(y, ((m - 1) / 3 + 1) as u8),
            ReportKind::Half => ReportPeriod::Half(y, if m <= 6 { 1 } else { 2 }),
            ReportKind::Year => ReportPeriod::Year(y),
        }
    }

    pub fn kind(self) -> ReportKind {
        match self {
            ReportPeriod::Quarter(..) => ReportKind::Quarter,
            ReportPeriod::Half(..) => ReportKind::Half,
            ReportPeriod::Year(_) => ReportKind::Year,
        }
    }

    pub fn year(self) -> i16 {
        match self {
            ReportPeriod::Quarter(y, _) | ReportPeriod::Half(y, _) | ReportPeriod::Year(y) => y,
        }
    }

    /// First day.
    pub fn start(self) -> Date {
        match self {
            ReportPeriod::Quarter(y, q) => ymd(y, (q.clamp(1, 4) as i8 - 1) * 3 + 1, 1),
            ReportPeriod::Half(y, h) => ymd(y, if h == 1 { 1 } else { 7 }, 1),
            ReportPeriod::Year(y) => ymd(y, 1, 1),
        }
    }

    /// Last day.
    pub fn end(self) -> Date {
        match self {
            ReportPeriod::Quarter(y, q) => ymd(y, q.clamp(1, 4) as i8 * 3, 1).last_of_month(),
            ReportPeriod::Half(y, h) => ymd(y, if h == 1 { 6 } else { 12 }, 1).last_of_month(),
            ReportPeriod::Year(y) => ymd(y, 12, 31),
        }
    }

    /// "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "quý I năm 2026",
    /// "năm 2026".
    pub fn label(self) -> String {
        match self {
            ReportPeriod::Quarter(y, q) => format!("quý {} năm {y}", quarter_roman(q)),
            ReportPeriod::Half(y, 1) => format!("6 tháng đầu năm {y}"),
            ReportPeriod::Half(y, _) => format!("6 tháng cuối năm {y}"),
            ReportPeriod::Year(y) => format!("năm {y}"),
        }
    }

    /// The address part and the commentary file name: `6-thang-dau-nam-2026`,
    /// `6-thang-cuoi-nam-2026`, `quy-1-nam-2026`, `nam-2026`.
    pub fn slug(self) -> String {
        match self {
            ReportPeriod::Quarter(y, q) => format!("quy-{q}-nam-{y}"),
            ReportPeriod::Half(y, 1) => format!("6-thang-dau-nam-{y}"),
            ReportPeriod::Half(y, _) => format!("6-thang-cuoi-nam-{y}"),
            ReportPeriod::Year(y) => format!("nam-{y}"),
        }
    }

    /// Reads back [`ReportPeriod::slug`].
    pub fn from_slug(slug: &str) -> Option<ReportPeriod> {
        let year = |s: &str| -> Option<i16> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if let Some(y) = slug.strip_prefix("6-thang-dau-nam-") {
            return year(y).map(|y| ReportPeriod::Half(y, 1));
        }
        if let Some(y) = slug.strip_prefix("6-thang-cuoi-nam-") {
            return year(y).map(|y| ReportPeriod::Half(y, 2));
        }
        if let Some(rest) = slug.strip_prefix("quy-") {
            let (q, y) = rest.split_once("-nam-")?;
            let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            return year(y).map(|y| ReportPeriod::Quarter(y, q));
        }
        slug.strip_prefix("nam-")
            .and_then(year)
            .map(ReportPeriod::Year)
    }

    /// Whether a data period lies inside this one.
    pub fn holds(self, p: Period) -> bool {
        p.start() >= self.start() && p.end() <= self.end()
    }

    pub(super) fn contains(self, d: Date) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// Sort key, newest first: by end (later first), then longest first (a
    /// year before its second half, which comes before its last quarter).
    pub(super) fn key(self) -> (std::cmp::Reverse<Date>, Date) {
        (std::cmp::Reverse(self.end()), self.start())
    }
}
