//! A small pull reader over quick-xml for the parts of a .docx: element
//! names without their namespace prefix (`w:p` → `p`), attribute values
//! unescaped, text with character and predefined entity references
//! resolved. It does not validate against the OOXML schema; it only turns
//! well-formed XML into owned events, and reports malformed XML with the
//! byte position so the error can name the part and where it broke.

use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// One event of the simplified stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An opening tag; `empty` is true for `<x/>` (no `End` follows).
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
    },
    End(String),
    Text(String),
}

impl Node {
    /// The value of attribute `key` (local name) on a start tag.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Node::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Malformed XML: what the parser said and the byte position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub position: u64,
    pub message: String,
}

/// Parses `text` completely into nodes.
pub fn parse(text: &str) -> Result<Vec<Node>, XmlError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut nodes = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| XmlError {
            position: reader.error_position(),
            message: e.to_string(),
        })?;
        let fail = |message: String| XmlError {
            position: reader.buffer_position(),
            message,
        };
        match event {
            Event::Start(e) => nodes.push(start(&e, false).map_err(fail)?),
            Event::Empty(e) => nodes.push(start(&e, true).map_err(fail)?),
            Event::End(e) => nodes.push(Node::End(local(e.local_name().as_ref()))),
            Event::Text(t) => push_text(&mut nodes, &t.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(t) => push_text(&mut nodes, &t.into_inner()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .ok_or_else(|| fail(format!("tham chiếu ký tự sai: &{};", &*r)))?
                } else {
                    let name = r.xml_content(XmlVersion::Implicit1_0);
                    resolve_xml_entity(&name)
                        .map(String::from)
                        .ok_or_else(|| fail(format!("thực thể không biết: &{name};")))?
                };
                push_text(&mut nodes, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(nodes)
}

fn start(e: &BytesStart<'_>, empty: bool) -> Result<Node, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| err.to_string())?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| err.to_string())?;
        attrs.push((local(a.key.local_name().as_ref()), value.into_owned()));
    }
    Ok(Node::Start {
        name: local(e.local_name().as_ref()),
        attrs,
        empty,
    })
}

fn local(name: &str) -> String {
    name.to_owned()
}

/// Appends text, merging with a preceding text node (entity references
/// split one text run into several events).
fn push_text(nodes: &mut Vec<Node>, text: &str) {
    if let Some(Node::Text(prev)) = nodes.last_mut() {
        prev.push_str(text);
    } else {
        nodes.push(Node::Text(text.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_dropped_entities_resolved() {
        let nodes =
            parse(r#"<w:p a:x="1 &amp; 2"><w:t>A &lt;b&gt; &#x1EA1;</w:t><w:br/></w:p>"#).unwrap();
        assert_eq!(nodes[0].attr("x"), Some("1 & 2"));
        assert_eq!(nodes[2], Node::Text("A <b> ạ".into()));
        assert!(matches!(&nodes[4], Node::Start { name, empty: true, .. } if name == "br"));
    }

    #[test]
    fn malformed_xml_has_a_position() {
        let err = parse("<a><b></a>").unwrap_err();
        assert!(err.position > 0, "{err:?}");
    }
}
