//! The status of a criterion of Kế hoạch 02-KH/BCĐTW: Xanh / Vàng / Đỏ,
//! read in any case, with or without diacritics ("xanh", "XANH", "Vang",
//! "do"), and a few English words.

use serde::Serialize;

use super::ValueError;
use crate::text::fold;

/// Xanh (met), Vàng (in progress, not yet due) or Đỏ (not met after its
/// deadline). Ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Light {
    Green,
    Yellow,
    Red,
}

impl Light {
    pub const ALL: [Light; 3] = [Light::Green, Light::Yellow, Light::Red];

    /// The Vietnamese word shown on pages and in exports.
    pub fn label(self) -> &'static str {
        match self {
            Light::Green => "Xanh",
            Light::Yellow => "Vàng",
            Light::Red => "Đỏ",
        }
    }

    /// The slug used in CSS classes (`badge-xanh`).
    pub fn slug(self) -> &'static str {
        match self {
            Light::Green => "xanh",
            Light::Yellow => "vang",
            Light::Red => "do",
        }
    }
}

/// Reads a criterion status: Xanh / Vàng / Đỏ in any spelling.
pub fn parse_light(raw: &str) -> Result<Light, ValueError> {
    let key = fold(raw.trim());
    let key = key
        .strip_prefix("trang thai ")
        .or_else(|| key.strip_prefix("mau "))
        .unwrap_or(&key)
        .trim();
    match key {
        "xanh" | "green" | "x" => Ok(Light::Green),
        "vang" | "yellow" | "amber" | "v" => Ok(Light::Yellow),
        "do" | "red" | "d" => Ok(Light::Red),
        _ => Err(ValueError::new(
            format!("“{}” không phải là trạng thái tiêu chí", raw.trim()),
            "ghi “Xanh”, “Vàng” hoặc “Đỏ” (có dấu hay không dấu, chữ hoa hay thường đều được), \
             hoặc để trống để tính theo cột “Hoàn thành” và “Hạn”",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_spelling() {
        for (raw, want) in [
            ("Xanh", Light::Green),
            ("xanh", Light::Green),
            ("XANH", Light::Green),
            (" Xanh ", Light::Green),
            ("Trạng thái Xanh", Light::Green),
            ("green", Light::Green),
            ("Vàng", Light::Yellow),
            ("Vang", Light::Yellow),
            ("VÀNG", Light::Yellow),
            ("vàng", Light::Yellow),
            ("Đỏ", Light::Red),
            ("do", Light::Red),
            ("ĐỎ", Light::Red),
            ("Do", Light::Red),
            ("màu đỏ", Light::Red),
        ] {
            assert_eq!(parse_light(raw), Ok(want), "{raw}");
        }
    }

    #[test]
    fn unknown_words_say_what_to_write() {
        for raw in ["Tím", "xanh lá", "đạt", "1"] {
            let e = parse_light(raw).unwrap_err();
            assert!(e.message.contains(raw), "{}", e.message);
            assert!(e.hint.unwrap().contains("“Xanh”, “Vàng” hoặc “Đỏ”"));
        }
    }
}
