//! Vietnamese date formatting: `14/11/2025`, "ngày 14 tháng 11 năm 2025",
//! weekdays, quarters in Roman numerals ("Quý III/2025") and ISO weeks.

use jiff::civil::{Date, Weekday};

/// `14/11/2025`.
pub fn short(date: Date) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// Administrative style, "ngày 03 tháng 02 năm 2026": day below 10 and months
/// 1–2 take a leading zero.
pub fn long(date: Date) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {} năm {}", date.day(), month, date.year())
}

/// "Thứ Sáu".
pub fn weekday(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Thứ Hai",
        Weekday::Tuesday => "Thứ Ba",
        Weekday::Wednesday => "Thứ Tư",
        Weekday::Thursday => "Thứ Năm",
        Weekday::Friday => "Thứ Sáu",
        Weekday::Saturday => "Thứ Bảy",
        Weekday::Sunday => "Chủ nhật",
    }
}

/// The weekday in English ("Thursday"), for pages in English.
pub fn weekday_en(date: Date) -> &'static str {
    match date.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// "tháng 11/2025".
pub fn month_label(year: i16, month: i8) -> String {
    format!("tháng {month}/{year}")
}

/// Roman numeral for a quarter (1–4).
pub fn quarter_roman(quarter: u8) -> &'static str {
    match quarter {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

/// "Quý III/2025".
pub fn quarter_label(year: i16, quarter: u8) -> String {
    format!("Quý {}/{}", quarter_roman(quarter), year)
}

/// ISO week (year, week number): 2025-11-20 → (2025, 47).
pub fn iso_week(date: Date) -> (i16, i8) {
    let w = date.iso_week_date();
    (w.year(), w.week())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn formats() {
        let d = date(2025, 11, 14);
        assert_eq!(short(d), "14/11/2025");
        assert_eq!(long(d), "ngày 14 tháng 11 năm 2025");
        assert_eq!(long(date(2026, 2, 3)), "ngày 03 tháng 02 năm 2026");
        assert_eq!(weekday(d), "Thứ Sáu");
        assert_eq!(quarter_label(2025, 3), "Quý III/2025");
        assert_eq!(iso_week(date(2025, 11, 20)), (2025, 47));
        assert_eq!(iso_week(date(2027, 1, 1)), (2026, 53));
    }
}
