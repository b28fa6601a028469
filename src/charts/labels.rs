//! Text inside the charts: width estimates (no font is loaded, so widths are
//! estimated per character, erring on the wide side), wrapping and truncation
//! of long Vietnamese labels, and values with their units.

use crate::charts::Words;

/// Estimated width of one character, in em. The values follow DejaVu Sans,
/// the widest of the common default sans-serif fonts, so that text placed
/// with these estimates does not overflow with Arial or Roboto either.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '\u{a0}' => 0.32,
        'i' | 'j' | 'l' | 'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'I' | 'Ì' | 'Í' | 'Ỉ' | 'Ĩ' | 'Ị' => {
            0.3
        }
        '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | '[' | ']' => 0.36,
        'f' | 't' | 'r' | '/' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '%' | '…' => 0.92,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.72,
        // Vietnamese letters carry their marks above or below: same width as
        // the base letter.
        _ => 0.62,
    }
}

/// Estimated rendered width of `text` at `size` (user units).
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// `text` cut so that it fits `max_width`, ending in "…" when it was cut.
/// Returns the text and whether it was cut.
pub(crate) fn truncate(text: &str, max_width: f64, size: f64) -> (String, bool) {
    if text_width(text, size) <= max_width {
        return (text.to_owned(), false);
    }
    let budget = max_width - char_em('…') * size;
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = char_em(c) * size;
        if width + w > budget {
            break;
        }
        width += w;
        out.push(c);
    }
    let trimmed = out.trim_end().to_owned();
    (format!("{trimmed}…"), true)
}

/// A label broken into at most `max_lines` lines of at most `max_width`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Wrapped {
    pub lines: Vec<String>,
    /// True when some text had to be dropped (the last line ends in "…").
    pub truncated: bool,
}

/// Greedy word wrap; a word wider than a line is cut by characters. When
/// the text needs more than `max_lines` lines, the last line is truncated.
pub(crate) fn wrap(text: &str, max_width: f64, size: f64, max_lines: usize) -> Wrapped {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // Cut a word that is wider than a whole line.
        let mut rest = word.to_owned();
        while text_width(&rest, size) > max_width {
            let mut head = String::new();
            let mut width = 0.0;
            for c in rest.chars() {
                let w = char_em(c) * size;
                if width + w > max_width && !head.is_empty() {
                    break;
                }
                width += w;
                head.push(c);
            }
            rest = rest[head.len()..].to_owned();
            lines.push(head);
        }
        current = rest;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    let truncated = lines.len() > max_lines;
    if truncated {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        let (last, _) = truncate(&format!("{rest}…"), max_width, size);
        // `truncate` adds its own ellipsis when it cuts; keep exactly one.
        let last = if last.ends_with("……") {
            last[..last.len() - 3].to_owned()
        } else {
            last
        };
        lines.push(last);
    }
    Wrapped { lines, truncated }
}

/// Lays out `parts` separated by " · ", keeping each part whole on a line
/// where it fits (a part wider than a line is wrapped by words).
pub(crate) fn flow(parts: &[String], max_width: f64, size: f64, max_lines: usize) -> Wrapped {
    const SEP: &str = " · ";
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for part in parts {
        let candidate = if current.is_empty() {
            part.clone()
        } else {
            format!("{current}{SEP}{part}")
        };
        if text_width(&candidate, size) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut pieces = wrap(part, max_width, size, usize::MAX).lines;
        current = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines.max(1) {
        // Re-wrap the whole text so the last line ends in an ellipsis.
        return wrap(&lines.join(" "), max_width, size, max_lines);
    }
    Wrapped {
        lines,
        truncated: false,
    }
}

/// A number with at most `decimals` decimals in the language of `w`,
/// followed by its unit after a non-breaking space: `95,5 %`, `2.665 triệu
/// đồng`, `12`; a percentage as the language writes it (`95.5%` in English).
pub(crate) fn with_unit(w: &Words, value: f64, decimals: usize, unit: &str) -> String {
    let unit = unit.trim();
    if unit == "%" {
        return w.percent(value, decimals);
    }
    let number = w.dec(value, decimals);
    if unit.is_empty() {
        number
    } else {
        format!("{number}\u{a0}{unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept() {
        assert_eq!(truncate("Xã A", 100.0, 14.0), ("Xã A".to_owned(), false));
        let w = wrap("Xã A", 100.0, 14.0, 2);
        assert_eq!(w.lines, vec!["Xã A"]);
        assert!(!w.truncated);
    }

    #[test]
    fn long_text_wraps_then_truncates_with_one_ellipsis() {
        let text = "Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng trên toàn địa bàn \
                    xã, phường và đặc khu của tỉnh";
        let w = wrap(text, 200.0, 14.0, 2);
        assert_eq!(w.lines.len(), 2);
        assert!(w.truncated);
        assert!(w.lines[1].ends_with('…'));
        assert!(!w.lines[1].ends_with("……"));
        for line in &w.lines {
            assert!(text_width(line, 14.0) <= 200.0 + 0.01, "{line}");
        }
        let (cut, was_cut) = truncate(text, 120.0, 14.0);
        assert!(was_cut && cut.ends_with('…') && text_width(&cut, 14.0) <= 120.0);
    }

    #[test]
    fn very_long_words_are_cut() {
        let w = wrap(&"x".repeat(200), 100.0, 10.0, 3);
        assert_eq!(w.lines.len(), 3);
        assert!(w.truncated);
    }

    #[test]
    fn flow_keeps_parts_whole() {
        let parts: Vec<String> = [
            "Hoàn thành: 5",
            "Đang thực hiện: 2",
            "Quá hạn: 1",
            "tổng: 8",
        ]
        .map(String::from)
        .into();
        let w = flow(&parts, 200.0, 14.0, 3);
        assert!(w.lines.len() > 1);
        for line in &w.lines {
            assert!(!line.starts_with('·') && !line.ends_with('·'), "{line}");
            assert!(
                line.split(" · ").all(|p| parts.contains(&p.to_owned())),
                "{line}"
            );
        }
        assert_eq!(flow(&parts, 1000.0, 14.0, 1).lines.len(), 1);
    }

    #[test]
    fn units_follow_a_non_breaking_space() {
        let w = &Words::default();
        assert_eq!(with_unit(w, 95.5, 1, "%"), "95,5\u{a0}%");
        assert_eq!(
            with_unit(w, 2665.0, 2, "triệu đồng"),
            "2.665\u{a0}triệu đồng"
        );
        assert_eq!(with_unit(w, 12.0, 0, ""), "12");
        let en = &Words::with(|k| (k == "chart_numbers").then(|| "en".to_owned()));
        assert_eq!(with_unit(en, 95.5, 1, "%"), "95.5%");
        assert_eq!(with_unit(en, 2665.0, 2, "shops"), "2,665\u{a0}shops");
    }
}
