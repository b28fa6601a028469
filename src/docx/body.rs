//! The text of a document (`word/document.xml`) and of its footnotes and
//! endnotes, read into [`Block`]s: paragraphs by their style (headings) and
//! numbering (lists), runs with bold/italic, hyperlinks through the
//! relationships, drawings with their description, tables cell by cell.
//! Deleted revisions and the legacy fallback copy of drawings
//! (`mc:Fallback`) are skipped so nothing appears twice.

use std::collections::HashMap;

use super::model::{Block, ImageRef, Inline};
use super::numbering::Numbering;
use super::rels::{Rels, Target};
use super::styles::Styles;
use super::xml::Node;

/// Footnote and endnote references in order of first use.
#[derive(Debug, Default)]
pub struct NoteOrder {
    /// (is_endnote, id) → number from 1.
    pub numbers: HashMap<(bool, String), usize>,
    pub order: Vec<(bool, String)>,
}

impl NoteOrder {
    fn number(&mut self, endnote: bool, id: &str) -> usize {
        let key = (endnote, id.to_owned());
        if let Some(n) = self.numbers.get(&key) {
            return *n;
        }
        self.order.push(key.clone());
        self.numbers.insert(key, self.order.len());
        self.order.len()
    }
}

/// Shared lookups for reading one part.
pub struct Context<'a> {
    pub styles: &'a Styles,
    pub numbering: &'a Numbering,
    pub rels: &'a Rels,
}

/// Reads the body of `word/document.xml`.
pub fn document(nodes: &[Node], cx: &Context<'_>, notes: &mut NoteOrder) -> Vec<Block> {
    let mut r = Reader {
        nodes,
        i: 0,
        cx,
        notes,
        tables: 0,
    };
    r.blocks(None)
}

/// Reads `word/footnotes.xml` or `word/endnotes.xml`: note id → its
/// paragraphs (separator notes left out).
pub fn notes(nodes: &[Node], cx: &Context<'_>) -> HashMap<String, Vec<Vec<Inline>>> {
    let mut out = HashMap::new();
    let mut scratch = NoteOrder::default();
    let mut r = Reader {
        nodes,
        i: 0,
        cx,
        notes: &mut scratch,
        tables: 0,
    };
    while r.i < r.nodes.len() {
        let node = &r.nodes[r.i];
        r.i += 1;
        let Node::Start {
            name, empty: false, ..
        } = node
        else {
            continue;
        };
        if name != "footnote" && name != "endnote" {
            continue;
        }
        let kind = node.attr("type").unwrap_or("normal");
        let id = node.attr("id").unwrap_or("").to_owned();
        let blocks = r.blocks(Some(name.as_str()));
        if kind == "normal" {
            let paragraphs = blocks.into_iter().filter_map(block_inlines).collect();
            out.insert(id, paragraphs);
        }
    }
    out
}

fn block_inlines(b: Block) -> Option<Vec<Inline>> {
    match b {
        Block::Heading { inlines, .. } | Block::Paragraph(inlines) => Some(inlines),
        Block::ListItem { inlines, .. } => Some(inlines),
        Block::Table(rows) => Some(rows.into_iter().flatten().flatten().collect()),
    }
}

struct Reader<'a, 'c> {
    nodes: &'a [Node],
    i: usize,
    cx: &'a Context<'c>,
    notes: &'a mut NoteOrder,
    /// Tables open around the current one (nested tables recurse).
    tables: usize,
}

/// Tables nested deeper than this are left out: a hostile document could
/// nest thousands and exhaust the stack.
const MAX_TABLE_NESTING: usize = 8;

#[derive(Default)]
struct ParagraphProps {
    style: Option<String>,
    outline: Option<u8>,
    num: Option<(String, u8)>,
}

#[derive(Default, Clone, Copy)]
struct RunFormat {
    bold: bool,
    italic: bool,
}

impl<'a> Reader<'a, '_> {
    /// Blocks until the end tag `until` (or the end of the part).
    fn blocks(&mut self, until: Option<&str>) -> Vec<Block> {
        let mut out = Vec::new();
        while self.i < self.nodes.len() {
            let node = &self.nodes[self.i];
            self.i += 1;
            match node {
                Node::End(name) if Some(name.as_str()) == until => break,
                Node::Start {
                    name, empty: false, ..
                } => match name.as_str() {
                    "p" => out.extend(self.paragraph()),
                    "tbl" => out.push(Block::Table(self.table())),
                    "Fallback" | "del" | "sectPr" => self.skip(name),
                    _ => {}
                },
                _ => {}
            }
        }
        out
    }

    /// Skips to the end of the element `name` just opened.
    fn skip(&mut self, name: &str) {
        let mut depth = 1;
        while self.i < self.nodes.len() && depth > 0 {
            match &self.nodes[self.i] {
                Node::Start {
                    name: n,
                    empty: false,
                    ..
                } if n == name => depth += 1,
                Node::End(n) if n == name => depth -= 1,
                _ => {}
            }
            self.i += 1;
        }
    }

    /// A paragraph, opened just before; `None` when it has no content.
    fn paragraph(&mut self) -> Option<Block> {
        let mut props = ParagraphProps::default();
        let inlines = self.inlines("p", &mut |r, node| {
            if matches!(node, Node::Start { name, empty: false, .. } if name == "pPr") {
                props = r.paragraph_props();
                true
            } else {
                false
            }
        });
        if inlines.iter().all(|i| {
            matches!(i, Inline::Text { text, .. } if text.trim().is_empty())
                || matches!(i, Inline::LineBreak)
        }) {
            return None;
        }
        let st = props.style.as_deref().and_then(|s| self.cx.styles.get(s));
        if let Some(level) = props.outline.or(st.and_then(|s| s.heading)) {
            return Some(Block::Heading { level, inlines });
        }
        let num = props.num.or_else(|| st.and_then(|s| s.numbering.clone()));
        if let Some((id, level)) = num
            && let Some(ordered) = self.cx.numbering.ordered(&id, level)
        {
            return Some(Block::ListItem {
                ordered,
                level: level.min(8),
                inlines,
            });
        }
        Some(Block::Paragraph(inlines))
    }

    /// `w:pPr`: the paragraph style, a direct outline level, list numbering.
    fn paragraph_props(&mut self) -> ParagraphProps {
        let (mut style, mut num_id, mut ilvl, mut outline) = (None, None, 0, None);
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == "pPr" => break,
                Node::Start {
                    name, empty: false, ..
                } if name == "rPr" => self.skip("rPr"),
                Node::Start { name, .. } => match name.as_str() {
                    "pStyle" => style = node.attr("val").map(str::to_owned),
                    "numId" => num_id = node.attr("val").map(str::to_owned),
                    "ilvl" => ilvl = node.attr("val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    // Levels 0–8 are headings; 9 is body text.
                    "outlineLvl" => {
                        outline = node
                            .attr("val")
                            .and_then(|v| v.parse::<u8>().ok())
                            .filter(|l| *l < 9)
                            .map(|l| l + 1);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        ParagraphProps {
            style,
            outline,
            // numId 0 means “no numbering” (it switches off a style's list).
            num: num_id.filter(|n| n != "0").map(|n| (n, ilvl)),
        }
    }

    /// Inline content up to the end tag `until`; `extra` may take a node
    /// first (returns true when it did).
    fn inlines(
        &mut self,
        until: &str,
        extra: &mut dyn FnMut(&mut Self, &Node) -> bool,
    ) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(node) = self.next() {
            if extra(self, node) {
                continue;
            }
            match node {
                Node::End(n) if n == until => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Node::Start {
                    name, empty: false, ..
                } => match name.as_str() {
                    n if n == until => depth += 1,
                    "r" => out.extend(self.run()),
                    "hyperlink" => {
                        let href = node.attr("id").and_then(|id| match self.cx.rels.get(id) {
                            Some(Target::External(url)) => Some(url.clone()),
                            _ => None,
                        });
                        let children = self.inlines("hyperlink", &mut |_, _| false);
                        match href {
                            Some(href) => out.push(Inline::Link { href, children }),
                            None => out.extend(children),
                        }
                    }
                    "Fallback" | "del" | "pPr" | "rPr" => self.skip(name),
                    _ => {}
                },
                _ => {}
            }
        }
        out
    }

    /// A run, opened just before: its formatting and content.
    fn run(&mut self) -> Vec<Inline> {
        let mut fmt = RunFormat::default();
        let mut out = Vec::new();
        let text = |out: &mut Vec<Inline>, fmt: RunFormat, t: &str| {
            out.push(Inline::Text {
                text: t.to_owned(),
                bold: fmt.bold,
                italic: fmt.italic,
            });
        };
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == "r" => break,
                Node::Start { name, empty, .. } => match name.as_str() {
                    "rPr" if !empty => fmt = self.run_format(),
                    "t" if !empty => {
                        if let Some(Node::Text(t)) = self.nodes.get(self.i) {
                            text(&mut out, fmt, t);
                        }
                    }
                    "tab" => text(&mut out, fmt, " "),
                    "noBreakHyphen" => text(&mut out, fmt, "-"),
                    "br" if node.attr("type").is_none_or(|t| t == "textWrapping") => {
                        out.push(Inline::LineBreak);
                    }
                    "cr" => out.push(Inline::LineBreak),
                    "footnoteReference" | "endnoteReference" => {
                        if let Some(id) = node.attr("id") {
                            let endnote = name == "endnoteReference";
                            out.push(Inline::Note(self.notes.number(endnote, id)));
                        }
                    }
                    "drawing" if !empty => out.extend(self.drawing("drawing")),
                    "pict" if !empty => out.extend(self.drawing("pict")),
                    "Fallback" | "delText" | "instrText" if !empty => self.skip(name),
                    _ => {}
                },
                _ => {}
            }
        }
        out
    }

    /// `w:rPr` of a run: bold and italic, directly or through a character style.
    fn run_format(&mut self) -> RunFormat {
        let mut fmt = RunFormat::default();
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == "rPr" => break,
                Node::Start { name, .. } => match name.as_str() {
                    "b" => fmt.bold = on(node),
                    "i" => fmt.italic = on(node),
                    "rStyle" => {
                        if let Some(s) = node.attr("val").and_then(|v| self.cx.styles.get(v)) {
                            fmt.bold |= s.bold;
                            fmt.italic |= s.italic;
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        fmt
    }

    /// A DrawingML drawing or a VML picture: the image it shows, if any.
    fn drawing(&mut self, until: &str) -> Option<Inline> {
        let (mut rel_id, mut alt, mut title, mut name) =
            (None, String::new(), String::new(), String::new());
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == until => break,
                Node::Start { name: n, empty, .. } => match n.as_str() {
                    "docPr" => {
                        alt = node.attr("descr").unwrap_or("").trim().to_owned();
                        title = node.attr("title").unwrap_or("").trim().to_owned();
                        name = node.attr("name").unwrap_or("").to_owned();
                    }
                    "blip" => rel_id = rel_id.or(node.attr("embed").map(str::to_owned)),
                    "imagedata" => {
                        rel_id = rel_id.or(node.attr("id").map(str::to_owned));
                        if title.is_empty() {
                            title = node.attr("title").unwrap_or("").trim().to_owned();
                        }
                    }
                    "Fallback" if !empty => self.skip("Fallback"),
                    _ => {}
                },
                _ => {}
            }
        }
        let alt = if alt.is_empty() { title } else { alt };
        Some(Inline::Image(ImageRef {
            rel_id: rel_id?,
            alt,
            name,
        }))
    }

    /// A table, opened just before: rows of cells.
    fn table(&mut self) -> Vec<Vec<Vec<Inline>>> {
        let mut rows = Vec::new();
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == "tbl" => break,
                Node::Start {
                    name, empty: false, ..
                } if name == "tr" => rows.push(self.row()),
                _ => {}
            }
        }
        rows
    }

    fn row(&mut self) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == "tr" => break,
                Node::Start {
                    name, empty: false, ..
                } if name == "tc" => {
                    let (cell, span) = self.cell();
                    cells.push(cell);
                    // A merged cell keeps the columns of the cells it covers.
                    cells.extend(std::iter::repeat_n(Vec::new(), span - 1));
                }
                _ => {}
            }
        }
        cells
    }

    /// One cell: its paragraphs (and any nested table) flattened into one
    /// line, since a Markdown table cell holds a single line.
    fn cell(&mut self) -> (Vec<Inline>, usize) {
        let mut inlines: Vec<Inline> = Vec::new();
        let mut span = 1;
        let add = |inlines: &mut Vec<Inline>, more: Vec<Inline>| {
            if more.is_empty() {
                return;
            }
            if !inlines.is_empty() {
                inlines.push(space());
            }
            inlines.extend(more);
        };
        while let Some(node) = self.next() {
            match node {
                Node::End(n) if n == "tc" => break,
                Node::Start { name, .. } if name == "gridSpan" => {
                    span = node
                        .attr("val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
                Node::Start {
                    name, empty: false, ..
                } => match name.as_str() {
                    "p" => {
                        if let Some(b) = self.paragraph() {
                            add(&mut inlines, block_inlines(b).unwrap_or_default());
                        }
                    }
                    "tbl" if self.tables >= MAX_TABLE_NESTING => self.skip("tbl"),
                    "tbl" => {
                        self.tables += 1;
                        for cell in self.table().into_iter().flatten() {
                            add(&mut inlines, cell);
                        }
                        self.tables -= 1;
                    }
                    "Fallback" | "del" => self.skip(name),
                    _ => {}
                },
                _ => {}
            }
        }
        (inlines, span)
    }

    fn next(&mut self) -> Option<&'a Node> {
        let nodes = self.nodes;
        let node = nodes.get(self.i)?;
        self.i += 1;
        Some(node)
    }
}

/// `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"|"false"|"off"` is off.
fn on(node: &Node) -> bool {
    !matches!(node.attr("val"), Some("0" | "false" | "off" | "none"))
}

fn space() -> Inline {
    Inline::Text {
        text: " ".into(),
        bold: false,
        italic: false,
    }
}
