//! Headings: each gets an id (its slug, made unique; an id written in
//! Markdown is kept) and an entry in the table of contents; `plain_text`
//! turns events into text for titles, summaries and search.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use serde::Serialize;

use crate::text::slugify;

/// A heading for the table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Concatenated text of events, with whitespace collapsed.
pub fn plain_text(events: &[Event<'_>]) -> String {
    let mut out = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    let mut collapsed = String::with_capacity(out.len());
    crate::text::scan::push_collapsed(&mut collapsed, &out);
    collapsed
}

/// Gives every heading an id (its slug, made unique) and returns the TOC.
pub(super) fn add_heading_ids(events: &mut [Event<'_>]) -> Vec<Heading> {
    let mut toc = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = *level;
            let existing = id.clone();
            let end = events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |j| i + j);
            let title = plain_text(&events[i + 1..end]);
            let id = match existing {
                Some(id) => id.to_string(),
                None => {
                    let base = match slugify(&title) {
                        s if s.is_empty() => "muc".to_owned(),
                        s => s,
                    };
                    let mut candidate = base.clone();
                    let mut n = 2;
                    while seen.contains(&candidate) {
                        candidate = format!("{base}-{n}");
                        n += 1;
                    }
                    candidate
                }
            };
            seen.insert(id.clone());
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id.clone()));
            }
            toc.push(Heading {
                level: heading_number(level),
                id,
                title,
            });
            i = end;
        }
        i += 1;
    }
    toc
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
