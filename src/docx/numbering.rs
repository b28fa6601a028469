//! List definitions (`word/numbering.xml`): for a list (`numId`) and a
//! level (`ilvl`), whether items are numbered or bulleted.

use std::collections::HashMap;

use super::xml::{Node, XmlError, parse};

#[derive(Debug, Default, Clone)]
pub struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// (abstractNumId, ilvl) → numFmt.
    formats: HashMap<(String, u8), String>,
}

impl Numbering {
    /// Whether items of list `num_id` at `level` are numbered (anything but
    /// bullets); `None` when the list does not exist or shows no marker.
    pub fn ordered(&self, num_id: &str, level: u8) -> Option<bool> {
        let abs = self.nums.get(num_id)?;
        let fmt = self
            .formats
            .get(&(abs.clone(), level))
            .map(String::as_str)
            .unwrap_or("bullet");
        match fmt {
            "none" => None,
            "bullet" => Some(false),
            _ => Some(true),
        }
    }
}

pub fn parse_numbering(text: &str) -> Result<Numbering, XmlError> {
    let mut n = Numbering::default();
    let mut abs: Option<String> = None;
    let mut lvl: Option<u8> = None;
    let mut num: Option<String> = None;
    for node in parse(text)? {
        match &node {
            Node::Start { name, .. } => match name.as_str() {
                "abstractNum" => abs = node.attr("abstractNumId").map(str::to_owned),
                "lvl" => lvl = node.attr("ilvl").and_then(|v| v.parse().ok()),
                "numFmt" => {
                    if let (Some(a), Some(l), Some(v)) = (&abs, lvl, node.attr("val")) {
                        n.formats.insert((a.clone(), l), v.to_owned());
                    }
                }
                "num" => num = node.attr("numId").map(str::to_owned),
                "abstractNumId" => {
                    if let (Some(id), Some(v)) = (&num, node.attr("val")) {
                        n.nums.insert(id.clone(), v.to_owned());
                    }
                }
                _ => {}
            },
            Node::End(name) if name == "abstractNum" => abs = None,
            Node::End(name) if name == "lvl" => lvl = None,
            Node::End(name) if name == "num" => num = None,
            _ => {}
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_numbers_per_level() {
        let n = parse_numbering(
            r#"<w:numbering><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
            <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        )
        .unwrap();
        assert_eq!(n.ordered("3", 0), Some(true));
        assert_eq!(n.ordered("3", 1), Some(false));
        assert_eq!(n.ordered("9", 0), None);
    }
}
