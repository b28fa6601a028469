//! Recurrence rules written in English ("monthly, by the 5th", "every
//! quarter, before the 15th of the last month", "annually on 31 December"),
//! read by rewriting their words into the Vietnamese grammar of
//! [`super::parse_recurrence`] before it parses them: one grammar, two
//! vocabularies. Accepted on every site, since a Vietnamese rule never uses
//! these words.
//!
//! Words (already folded to lower case):
//! - frequency: `monthly`, `quarterly`, `yearly`/`annually`, `every|each
//!   month|quarter|year`;
//! - day: `day N`, `Nth` (`1st`, `2nd`, `15th`…), `N <month name>`;
//!   `before` (due the day before), `by`/`due`/`on` (due that day);
//! - month: `first|middle|second|last|third month (of the) quarter|year`,
//!   `month N`, a month's name (`December`, `Dec`);
//! - `end of the month|quarter|year`;
//! - fillers: `the`, `of`, `in`, `at`.

/// The folded words of a rule with every English word replaced by its
/// Vietnamese counterpart (unknown words are left for the parser to name).
pub(super) fn to_vietnamese(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len() + 4);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = words.get(i + 1).copied();
        match w {
            "the" | "of" | "in" | "at" => {}
            "monthly" => out.extend(["hang".into(), "thang".into()]),
            "quarterly" => out.extend(["hang".into(), "quy".into()]),
            "yearly" | "annually" => out.extend(["hang".into(), "nam".into()]),
            "every" | "each" => out.push(String::from("hang")),
            "month" => out.push(String::from("thang")),
            "quarter" => out.push(String::from("quy")),
            "year" => out.push(String::from("nam")),
            "day" => out.push(String::from("ngay")),
            "before" => out.push(String::from("truoc")),
            "by" | "due" | "on" => out.push(String::from("han")),
            "end" => out.push(String::from("cuoi")),
            "first" | "middle" | "second" | "last" | "third" if next == Some("month") => {
                out.push(String::from("thang"));
                out.push(String::from(match w {
                    "first" => "dau",
                    "middle" | "second" => "giua",
                    _ => "cuoi",
                }));
                i += 1;
                // "quarterly, by the 15th of the last month": the month of
                // the period the rule already named.
                let named = words[i + 1..]
                    .iter()
                    .find(|w| !matches!(**w, "the" | "of" | "in"))
                    .is_some_and(|w| matches!(*w, "quarter" | "year"));
                if !named {
                    let period =
                        out.windows(2)
                            .find_map(|p| match [p[0].as_str(), p[1].as_str()] {
                                ["hang", u @ ("quy" | "nam")] => Some(u.to_owned()),
                                _ => None,
                            });
                    out.extend(period);
                }
            }
            _ => {
                if let Some(day) = ordinal(w) {
                    out.push(String::from("ngay"));
                    out.push(String::from(day));
                } else if let Some(m) = month_number(w) {
                    out.push(String::from("thang"));
                    out.push(m.to_string());
                    // "December 31": the day after the month's name.
                    if let Some(day) = next.filter(|n| is_number(n)) {
                        out.push(String::from("ngay"));
                        out.push(String::from(day));
                        i += 1;
                    }
                } else if is_number(w) && next.and_then(month_number).is_some() {
                    // "31 December": the day before the month's name.
                    out.push(String::from("ngay"));
                    out.push(String::from(w));
                } else {
                    out.push(String::from(w));
                }
            }
        }
        i += 1;
    }
    out
}

fn is_number(w: &str) -> bool {
    !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())
}

/// "15th" → "15", "1st", "2nd", "3rd", "22nd"…
fn ordinal(w: &str) -> Option<&str> {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .filter(|n| is_number(n))
}

/// "december", "dec" → 12.
fn month_number(w: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES
        .iter()
        .position(|n| {
            *n == w || (w.len() == 3 && n.starts_with(w)) || (w == "sept" && *n == "september")
        })
        .map(|i| i as u8 + 1)
}
