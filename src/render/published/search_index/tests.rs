//! Unit tests of the search index: words, keys, file names and JSON safety.

use super::*;

fn doc(title: &str, text: &str) -> SearchDoc {
    SearchDoc {
        title: title.into(),
        kind: 0,
        date: String::new(),
        href: String::new(),
        text: text.into(),
    }
}

#[test]
fn forms_keep_diacritics_keys_fold_them() {
    assert_eq!(form_and_key("ĐƯỜNG"), ("đường".into(), "duong".into()));
    assert_eq!(form_and_key("Dương"), ("dương".into(), "duong".into()));
    let nfd: String = "Chuyển".nfd().collect();
    assert_eq!(form_and_key(&nfd), ("chuyển".into(), "chuyen".into()));
    assert_eq!(
        words("1126/KH-UBND, số").collect::<Vec<_>>(),
        ["1126", "KH", "UBND", "số"]
    );
}

#[test]
fn file_names_are_safe() {
    assert_eq!(file_name("chuyen"), "chuyen");
    assert_eq!(file_name("con"), "con-", "Windows cannot hold con.js");
    assert_eq!(file_name("com1"), "com1-");
    assert_eq!(file_name("日本"), "-e697a5e69cac");
    assert_eq!(small_file_name("chuyen"), "_ch");
    assert_eq!(small_file_name("x"), "_x");
}

#[test]
fn postings_are_delta_encoded_by_form() {
    let docs = vec![
        doc("Đường làng", "đường"),
        doc("Khác", "không liên quan"),
        doc("Dương", "dương đường"),
    ];
    let files = build_files(&docs);
    let shared = &files["w/_du.js"];
    assert!(
        shared.starts_with("minhbachSearch(\"w/_du\",{\"duong\":{"),
        "{shared}"
    );
    // đường: doc 0 (title 16 + text 1 = 17), doc 2 (+2, weight 1).
    assert!(shared.contains("\"đường\":[0,17,2,1]"), "{shared}");
    assert!(shared.contains("\"dương\":[2,17]"), "{shared}");
    assert!(
        files["words.js"].contains("\"small\":["),
        "{}",
        files["words.js"]
    );
    assert!(files.contains_key("d/0.js"));
}

/// The fast letter test answers as `char::is_alphanumeric` for every
/// character, so words split exactly as before.
#[test]
fn word_chars_are_the_alphanumeric_chars() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
    }
}

/// The escaping as first written, one `char` at a time: the byte scan
/// must give exactly its output.
fn json_safe_by_chars(json: &str) -> String {
    let needs = |c: char| {
        c == '<' || ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{2028}' || c == '\u{2029}'
    };
    let mut out = String::new();
    for c in json.chars() {
        if needs(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn json_safe_escapes_what_the_char_scan_escaped() {
    for text in [
        "",
        "plain ascii",
        "</script><!-- x -->",
        "Đường “thôn” ấp\u{7f}\u{80}\u{9f}\u{a0}\u{2027}\u{2028}\u{2029}\u{202a}",
        "\u{2028}",
        "a\u{c2}\u{85}b",
        "ký tự cuối <",
        "\u{1ec7}\u{e2}\u{20ac}",
        // Long enough for whole blocks to be skipped, with the characters
        // to escape at every place of a block.
        "Chuyển đổi số ở xã Đông Sơn, tỉnh Thanh Hóa “năm 2026” – tiếp",
        "Chuyển đổi số ở xã Đông Sơn <b>, tỉnh\u{2028}Thanh Hóa\u{85} năm 2026 <",
        "Chuyển đổi số ở xã Đông Sơn, tỉnh Thanh Hóa năm 2026 ...............\u{7f}",
    ] {
        let json = serde_json::to_string(text).unwrap();
        let safe = json_safe(json.clone());
        assert_eq!(safe, json_safe_by_chars(&json), "{text:?}");
        assert!(!safe.contains('<') && !safe.contains('\u{2028}'), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, text);
    }
    for k in 0..40 {
        let text = format!(
            "{}<\u{2028}{}\u{85}",
            "ô".repeat(k),
            "Chuyển đổi số".repeat(2)
        );
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json_safe(json.clone()), json_safe_by_chars(&json), "{k}");
    }
}
