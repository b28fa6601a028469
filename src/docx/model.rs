//! What a Word document is read into: blocks (headings, paragraphs, list
//! items, tables) made of inlines (formatted text, links, images, footnote
//! references). Produced by [`super::body`], written out by
//! [`super::markdown`].

/// A run of text or an embedded object inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    Link {
        href: String,
        children: Vec<Inline>,
    },
    Image(ImageRef),
    /// A footnote or endnote reference, by its number in order of use.
    Note(usize),
    LineBreak,
}

/// An image as placed in the text: the relationship that names its part
/// and the description Word keeps for screen readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub rel_id: String,
    /// `wp:docPr/@descr` (“Alt text” in Word), else `@title`.
    pub alt: String,
    /// `wp:docPr/@name` (e.g. “Picture 2”), to name the image in warnings.
    pub name: String,
}

/// One block of the document body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `level` 1 is Word's “Heading 1”; 0 is the “Title” style.
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    ListItem {
        ordered: bool,
        level: u8,
        inlines: Vec<Inline>,
    },
    /// Rows of cells; each cell is its paragraphs' inlines.
    Table(Vec<Vec<Vec<Inline>>>),
}

/// The plain text of some inlines (for titles and warnings).
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Link { children, .. } => out.push_str(&plain(children)),
            Inline::LineBreak => out.push(' '),
            Inline::Image(_) | Inline::Note(_) => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
