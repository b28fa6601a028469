//! Relationship parts (`word/_rels/document.xml.rels`, and the footnotes'
//! own): relationship id → target, with external hyperlinks told apart
//! from parts inside the package (images).

use std::collections::HashMap;

use super::xml::{Node, XmlError, parse};

/// Where a relationship points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A URL outside the document (hyperlinks).
    External(String),
    /// A part inside the package, resolved against `word/` (e.g.
    /// `word/media/image1.png`).
    Part(String),
}

pub type Rels = HashMap<String, Target>;

/// Parses a relationships part whose source part lives in `word/`.
pub fn parse_rels(text: &str) -> Result<Rels, XmlError> {
    let mut rels = Rels::new();
    for node in parse(text)? {
        if !matches!(&node, Node::Start { name, .. } if name == "Relationship") {
            continue;
        }
        let (Some(id), Some(target)) = (node.attr("Id"), node.attr("Target")) else {
            continue;
        };
        let t = if node.attr("TargetMode") == Some("External") {
            Target::External(target.to_owned())
        } else {
            Target::Part(resolve_part(target))
        };
        rels.insert(id.to_owned(), t);
    }
    Ok(rels)
}

/// `media/a.png` → `word/media/a.png`; `/word/media/a.png` → `word/media/a.png`;
/// `../media/a.png` → `media/a.png`.
fn resolve_part(target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = vec!["word"];
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_links_and_parts() {
        let rels = parse_rels(
            r#"<Relationships><Relationship Id="rId1" Type="x" Target="media/image1.png"/>
            <Relationship Id="rId2" Type="y" Target="https://a.vn/?a=1&amp;b=2" TargetMode="External"/></Relationships>"#,
        )
        .unwrap();
        assert_eq!(rels["rId1"], Target::Part("word/media/image1.png".into()));
        assert_eq!(
            rels["rId2"],
            Target::External("https://a.vn/?a=1&b=2".into())
        );
        assert_eq!(resolve_part("../x/y.png"), "x/y.png");
    }
}
