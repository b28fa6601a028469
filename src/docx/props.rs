//! The document's core properties (`docProps/core.xml`): title, and the
//! created/modified timestamps (W3CDTF, usually UTC) turned into a date in
//! Vietnam (UTC+7).

use jiff::civil::Date;

use super::xml::{Node, XmlError, parse};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CoreProps {
    pub title: Option<String>,
    pub created: Option<Date>,
    pub modified: Option<Date>,
}

pub fn parse_core(text: &str) -> Result<CoreProps, XmlError> {
    let nodes = parse(text)?;
    let mut props = CoreProps::default();
    let mut current: Option<&str> = None;
    for node in &nodes {
        match node {
            Node::Start { name, .. } => current = Some(name.as_str()),
            Node::End(_) => current = None,
            Node::Text(t) => {
                let t = t.trim();
                match current {
                    Some("title") if !t.is_empty() => props.title = Some(t.to_owned()),
                    Some("created") => props.created = vietnam_date(t),
                    Some("modified") => props.modified = vietnam_date(t),
                    _ => {}
                }
            }
        }
    }
    Ok(props)
}

/// `2026-11-20T18:30:00Z` → 2026-11-21 (the date in Vietnam); a bare date
/// or a timestamp without zone is taken as written.
fn vietnam_date(s: &str) -> Option<Date> {
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(jiff::tz::offset(7).to_datetime(ts).date());
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return Some(dt.date());
    }
    s.get(..10)?.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_dates_in_vietnam_time() {
        let p = parse_core(
            r#"<cp:coreProperties xmlns:dc="d" xmlns:dcterms="t"><dc:title>Họp &amp; bàn</dc:title>
            <dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T18:30:00Z</dcterms:created>
            <dcterms:modified>2026-11-22T01:00:00Z</dcterms:modified></cp:coreProperties>"#,
        )
        .unwrap();
        assert_eq!(p.title.as_deref(), Some("Họp & bàn"));
        assert_eq!(p.created, Some(jiff::civil::date(2026, 11, 21)));
        assert_eq!(p.modified, Some(jiff::civil::date(2026, 11, 22)));
    }
}
