//! Checks shared by the chart tests: the SVG and the table parse as XML, the
//! SVG root carries the accessibility attributes, nothing unsafe or
//! non-deterministic slipped into the output.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::Chart;
use super::geometry::TextBox;
use super::svg::Anchor;

/// A label that tries every escaping mistake at once.
pub(crate) fn hostile() -> String {
    "<script>alert(1)</script> A & B \"quote\" 'apos'".to_owned()
}

/// Parses `xml` completely (tags must balance); returns the root element's
/// attributes and the ids found.
fn parse(xml: &str) -> (String, Vec<(String, String)>, Vec<String>) {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut root: Option<(String, Vec<(String, String)>)> = None;
    let mut ids = Vec::new();
    let mut depth = 0_i32;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("invalid XML: {e}\n{xml}"));
        let start = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.clone()),
            Event::Eof => break,
            _ => None,
        };
        if let Some(e) = start {
            let name = e.name().0.to_owned();
            let attrs: Vec<(String, String)> = e
                .attributes()
                .map(|a| {
                    let a = a.expect("valid attribute");
                    let key = a.key.0.to_owned();
                    let value = a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .expect("valid escapes")
                        .into_owned();
                    (key, value)
                })
                .collect();
            for (k, v) in &attrs {
                if k == "id" {
                    ids.push(v.clone());
                }
            }
            if root.is_none() {
                root = Some((name, attrs));
            }
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced XML");
    let (name, attrs) = root.expect("a root element");
    (name, attrs, ids)
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The height in the SVG's `viewBox`.
pub(crate) fn view_height(svg: &str) -> f64 {
    let (_, attrs, _) = parse(svg);
    let view_box = attr(&attrs, "viewBox").expect("viewBox");
    view_box.split(' ').nth(3).unwrap().parse().unwrap()
}

/// Asserts everything every chart must satisfy.
pub(crate) fn check_chart(chart: &Chart, id: &str) {
    assert_eq!(chart.id, id);
    let (name, attrs, ids) = parse(&chart.svg);
    assert_eq!(name, "svg");
    assert_eq!(attr(&attrs, "role"), Some("img"));
    assert_eq!(attr(&attrs, "class"), Some("chart"));
    assert_eq!(
        attr(&attrs, "aria-labelledby"),
        Some(format!("{id}-title {id}-desc").as_str())
    );
    assert!(attr(&attrs, "viewBox").is_some_and(|v| v.starts_with("0 0 ")));
    assert!(attr(&attrs, "width").is_none() && attr(&attrs, "height").is_none());
    assert!(chart.svg.contains(&format!("<title id=\"{id}-title\">")));
    assert!(chart.svg.contains(&format!("<desc id=\"{id}-desc\">")));
    // Every id is under the chart's prefix and unique within the chart.
    for (i, x) in ids.iter().enumerate() {
        assert!(
            x.starts_with(&format!("{id}-")),
            "id {x} outside the prefix"
        );
        assert!(!ids[i + 1..].contains(x), "duplicate id {x}");
    }
    for output in [&chart.svg, &chart.table_html] {
        let lower = output.to_lowercase();
        assert!(!lower.contains("<script"), "raw <script in output");
        assert!(!lower.contains("style="), "style attribute in output");
        assert!(!lower.contains("href"), "external reference in output");
        assert!(!lower.contains("javascript:"));
        // url() only points at patterns inside the same SVG.
        for (pos, _) in lower.match_indices("url(") {
            assert!(lower[pos + 4..].starts_with("#"), "non-local url()");
        }
    }
    assert_no_long_decimals(&chart.svg);
    // The table is well-formed too, with a caption and column headers.
    let (table_root, _, _) = parse(&chart.table_html);
    assert_eq!(table_root, "table");
    assert!(chart.table_html.contains("<caption>"));
    assert!(chart.table_html.contains("scope=\"col\""));
    assert!(!chart.desc.is_empty());
}

/// Asserts that no number in the output has more than four decimals (two for
/// coordinates, four only for DTI indices written as text with a comma).
fn assert_no_long_decimals(svg: &str) {
    let bytes = svg.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'.' && i > 0 && bytes[i - 1].is_ascii_digit() {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            // A dot followed by exactly three digits is a Vietnamese thousands
            // separator ("1.000"); coordinates never have three decimals.
            assert!(
                digits <= 3,
                "long decimal near {}",
                &svg[i.saturating_sub(20)..i + 8]
            );
            if digits == 3 {
                let before = svg[..i].rfind(|c: char| !c.is_ascii_digit() && c != '.');
                let token = &svg[before.map_or(0, |b| b + 1)..i + 4];
                assert!(
                    !token.starts_with('.') && token.split('.').skip(1).all(|g| g.len() == 3),
                    "suspicious number {token}"
                );
            }
        }
        i += 1;
    }
}

/// Asserts that a chart rendered from hostile labels escaped them.
pub(crate) fn check_escaped(chart: &Chart) {
    assert!(
        chart.svg.contains("&lt;script&gt;"),
        "label missing or unescaped"
    );
    assert!(chart.svg.contains("&amp;"));
    assert!(chart.table_html.contains("&lt;script&gt;"));
    assert!(chart.table_html.contains("&amp;"));
}

/// Renders twice and asserts byte-identical output.
pub(crate) fn check_deterministic(render: impl Fn() -> Chart) {
    assert_eq!(render(), render());
}

/// Asserts that a chart of typical size stays under 10 KB.
pub(crate) fn check_small(chart: &Chart) {
    assert!(chart.svg.len() < 10_000, "{} bytes", chart.svg.len());
}

/// A line segment from one point to another.
pub(crate) type Segment = ((f64, f64), (f64, f64));

/// Every `<text>` of an SVG as (content, estimated box), and every line
/// that carries meaning as a list of segments: dashed lines (targets) and
/// polylines (series).
pub(crate) fn geometry(svg: &str) -> (Vec<(String, TextBox)>, Vec<Segment>) {
    let mut reader = Reader::from_str(svg);
    let mut texts = Vec::new();
    let mut lines = Vec::new();
    let mut open: Option<(f64, f64, f64, Anchor)> = None;
    let mut content = String::new();
    let root_size = super::svg::FONT;
    loop {
        match reader.read_event().expect("valid XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attrs: Vec<(String, String)> = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("valid attribute");
                        let value = a
                            .normalized_value(XmlVersion::Implicit1_0)
                            .expect("valid escapes")
                            .into_owned();
                        (a.key.0.to_owned(), value)
                    })
                    .collect();
                let num = |k: &str| attr(&attrs, k).map(|v| v.parse::<f64>().expect("number"));
                match e.name().0 {
                    "text" => {
                        let anchor = match attr(&attrs, "text-anchor") {
                            Some("middle") => Anchor::Middle,
                            Some("end") => Anchor::End,
                            _ => Anchor::Start,
                        };
                        open = Some((
                            num("x").unwrap(),
                            num("y").unwrap(),
                            num("font-size").unwrap_or(root_size),
                            anchor,
                        ));
                    }
                    "line" if attr(&attrs, "stroke-dasharray").is_some() => {
                        let p = |a: &str, b: &str| (num(a).unwrap(), num(b).unwrap());
                        lines.push((p("x1", "y1"), p("x2", "y2")));
                    }
                    "polyline" => {
                        let pts: Vec<(f64, f64)> = attr(&attrs, "points")
                            .unwrap()
                            .split(' ')
                            .map(|p| {
                                let (x, y) = p.split_once(',').unwrap();
                                (x.parse().unwrap(), y.parse().unwrap())
                            })
                            .collect();
                        lines.extend(pts.windows(2).map(|w| (w[0], w[1])));
                    }
                    _ => {}
                }
            }
            Event::Text(t) if open.is_some() => {
                content.push_str(&t.xml_content(XmlVersion::Implicit1_0));
            }
            // An escaped character: about as wide as a letter.
            Event::GeneralRef(_) if open.is_some() => content.push('x'),
            Event::End(e) if e.name().0 == "text" => {
                if let Some((x, y, size, anchor)) = open.take() {
                    let text = std::mem::take(&mut content);
                    let b = TextBox::of(x, y, &text, size, anchor);
                    texts.push((text, b));
                }
            }
            _ => {}
        }
    }
    (texts, lines)
}

/// No text sits on a target line or a series line, and no two texts
/// overlap (lines of one wrapped label are stacked, never overlapping).
pub(crate) fn check_labels_clear(chart: &Chart) {
    let (texts, lines) = geometry(&chart.svg);
    for (i, (text, b)) in texts.iter().enumerate() {
        for &(p, q) in &lines {
            // Legend keys are short dashes drawn beside their words.
            if (q.0 - p.0).abs() < 30.0 && (q.1 - p.1).abs() < 1.0 {
                continue;
            }
            assert!(
                !b.crossed_by(p, q, 0.0),
                "{text:?} {b:?} sits on the line {p:?}–{q:?}\n{}",
                chart.svg
            );
        }
        for (other, c) in &texts[i + 1..] {
            assert!(
                !b.overlaps(c, 0.0),
                "{text:?} overlaps {other:?}\n{}",
                chart.svg
            );
        }
    }
}
