//! Pages and feeds read as a reader or a feed reader would: entities
//! decoded, tags dropped, XML parsed, needles looked for.

use std::collections::BTreeSet;

use regex::Regex;

/// Decodes the entities tera and pulldown-cmark write inside attributes.
pub fn html_unescape(s: &str) -> String {
    let re = Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").unwrap();
    re.replace_all(s, |c: &regex::Captures<'_>| {
        let e = &c[1];
        let ch = if let Some(h) = e.strip_prefix("#x") {
            char::from_u32(u32::from_str_radix(h, 16).unwrap())
        } else if let Some(d) = e.strip_prefix('#') {
            char::from_u32(d.parse().unwrap())
        } else {
            Some(match e {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                _ => '\'',
            })
        };
        ch.map(String::from).unwrap_or_default()
    })
    .into_owned()
}

/// Panics, showing `text`, unless it contains every one of `needles`.
#[track_caller]
pub fn assert_has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "lacks {n:?} in:\n{text}");
    }
}

/// A page as a reader sees it: tags dropped (each leaves a space), white
/// space collapsed. Entities are left as they are.
pub fn plain_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The distinct commune names "Xã Số NNN" drawn in the chart (up to its
/// `</svg>`) that follows the first `title` on a page: generated sites of
/// many communes name them so.
pub fn numbered_communes_in_chart<'a>(html: &'a str, title: &str) -> BTreeSet<&'a str> {
    let chart = &html[html.find(title).unwrap_or_else(|| panic!("no {title:?}"))..];
    let chart = &chart[..chart.find("</svg>").expect("chart end")];
    chart
        .match_indices("Xã Số ")
        .map(|(i, _)| &chart[i..i + "Xã Số 000".len()])
        .collect()
}

/// Parses XML, panicking with the text on error.
#[track_caller]
pub fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    match roxmltree::Document::parse(text) {
        Ok(d) => d,
        Err(e) => panic!("not well-formed XML: {e}\n{text}"),
    }
}

/// How many `<entry>` elements an Atom feed has.
pub fn feed_entries(feed: &str) -> usize {
    parse_xml(feed)
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .count()
}

/// Texts of every descendant element named `name` of `node`.
pub fn child_texts(node: roxmltree::Node<'_, '_>, name: &str) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name(name))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}
