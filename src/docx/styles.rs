//! Paragraph and character styles (`word/styles.xml`): which styles are
//! headings (by their built-in name “heading N”/“Title” or an outline
//! level — style ids are translated in localised Word, names are not),
//! which character styles mean bold or italic, and list numbering that a
//! style carries (Word's “List Bullet”).

use std::collections::HashMap;

use super::xml::{Node, XmlError, parse};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Style {
    /// 0 = Title, 1–9 = Heading 1–9.
    pub heading: Option<u8>,
    pub bold: bool,
    pub italic: bool,
    /// `(numId, ilvl)` from the style's own numbering.
    pub numbering: Option<(String, u8)>,
}

pub type Styles = HashMap<String, Style>;

pub fn parse_styles(text: &str) -> Result<Styles, XmlError> {
    let mut styles = Styles::new();
    let mut current: Option<(String, Style)> = None;
    let mut num_id: Option<String> = None;
    let mut ilvl = 0_u8;
    for node in parse(text)? {
        match &node {
            Node::Start { name, .. } if name == "style" => {
                current = node
                    .attr("styleId")
                    .map(|id| (id.to_owned(), Style::default()));
                num_id = None;
                ilvl = 0;
            }
            Node::End(name) if name == "style" => {
                if let Some((id, mut style)) = current.take() {
                    style.numbering = num_id.take().map(|n| (n, ilvl));
                    styles.insert(id, style);
                }
            }
            Node::Start { name, .. } => {
                let Some((_, style)) = current.as_mut() else {
                    continue;
                };
                let val = node.attr("val");
                match name.as_str() {
                    "name" => {
                        let n = val.unwrap_or("").to_ascii_lowercase();
                        if n == "title" {
                            style.heading = Some(0);
                        } else if let Some(level) = n.strip_prefix("heading ") {
                            style.heading =
                                level.trim().parse().ok().filter(|l| (1..=9).contains(l));
                        } else if n == "strong" || n == "strong emphasis" {
                            style.bold = true;
                        } else if n == "emphasis" {
                            style.italic = true;
                        }
                    }
                    "outlineLvl" if style.heading.is_none() => {
                        style.heading = val
                            .and_then(|v| v.parse::<u8>().ok())
                            .filter(|l| *l < 9)
                            .map(|l| l + 1);
                    }
                    "numId" => num_id = val.map(str::to_owned),
                    "ilvl" => ilvl = val.and_then(|v| v.parse().ok()).unwrap_or(0),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(styles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_by_name_not_id() {
        let s = parse_styles(
            r#"<w:styles><w:style w:styleId="u1"><w:name w:val="heading 1"/></w:style>
            <w:style w:styleId="Title"><w:name w:val="Title"/></w:style>
            <w:style w:styleId="X"><w:name w:val="Mine"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            <w:style w:styleId="S"><w:name w:val="Strong"/></w:style>
            <w:style w:styleId="LB"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
            </w:styles>"#,
        )
        .unwrap();
        assert_eq!(s["u1"].heading, Some(1));
        assert_eq!(s["Title"].heading, Some(0));
        assert_eq!(s["X"].heading, Some(3));
        assert!(s["S"].bold);
        assert_eq!(s["LB"].numbering, Some(("4".into(), 0)));
    }
}
