//! Word documents (.docx) → a post: the text as Markdown, the embedded
//! images as files for a page bundle, the title and date from the
//! document's properties. Reading goes through the `zip` and `quick-xml`
//! crates already used for Excel files; each part of the format has its
//! own module. This module decides what becomes the title, how heading
//! levels shift under the post's own `<h1>`, and names the images.
//! Writing the bundle to disk is the CLI's job (`cli/new_docx.rs`).

mod archive;
mod body;
mod markdown;
mod model;
mod numbering;
mod props;
mod rels;
mod styles;
mod xml;

use std::collections::HashMap;

use jiff::civil::Date;

pub use archive::{Limits, OpenError};
use model::{Block, Inline, plain};

/// A converted document.
#[derive(Debug)]
pub struct Converted {
    /// From the properties, else the “Title”-style paragraph or the first
    /// heading (then left out of the body); `None` when there is neither.
    pub title: Option<String>,
    /// Last saved (else created) date, in Vietnam time.
    pub date: Option<Date>,
    /// The post body in Markdown.
    pub body: String,
    /// Images to write beside `index.md`, in order of appearance.
    pub images: Vec<(String, Vec<u8>)>,
    /// Vietnamese warnings (missing alt text, images browsers cannot show).
    pub warnings: Vec<String>,
}

/// Image formats browsers show; others (EMF, WMF, TIFF) are left out with
/// a warning.
const WEB_IMAGES: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg"];

/// Converts the bytes of a .docx file.
pub fn convert(bytes: Vec<u8>, limits: Limits) -> Result<Converted, OpenError> {
    let mut a = archive::Archive::open(bytes, limits)?;
    let styles = optional(&mut a, "word/styles.xml", styles::parse_styles)?.unwrap_or_default();
    let numbering =
        optional(&mut a, "word/numbering.xml", numbering::parse_numbering)?.unwrap_or_default();
    let rels =
        optional(&mut a, "word/_rels/document.xml.rels", rels::parse_rels)?.unwrap_or_default();
    let core = optional(&mut a, "docProps/core.xml", props::parse_core)?.unwrap_or_default();
    let doc = optional(&mut a, "word/document.xml", xml::parse)?.ok_or(OpenError::NoDocument)?;

    let cx = body::Context {
        styles: &styles,
        numbering: &numbering,
        rels: &rels,
    };
    let mut order = body::NoteOrder::default();
    let mut blocks = body::document(&doc, &cx, &mut order);
    let notes = read_notes(&mut a, &styles, &numbering, &order)?;

    let mut title = core.title.clone();
    if title.is_none()
        && let Some(pos) = title_block(&blocks)
        && let Block::Heading { inlines, .. } = blocks.remove(pos)
    {
        title = Some(plain(&inlines)).filter(|t| !t.is_empty());
    }
    // A document whose properties carry the title often repeats it as its
    // first heading; the page shows it once, as its `<h1>`.
    if let (Some(t), Some(Block::Heading { inlines, .. })) = (&title, blocks.first())
        && plain(inlines).to_lowercase() == t.to_lowercase()
    {
        blocks.remove(0);
    }
    shift_headings(&mut blocks);

    let mut warnings = Vec::new();
    let mut all_rels = rels.clone();
    for (k, v) in notes.rels {
        all_rels.entry(k).or_insert(v);
    }
    let (images, names) =
        collect_images(&mut a, &blocks, &notes.paragraphs, &all_rels, &mut warnings)?;
    let body = markdown::write(&blocks, &notes.paragraphs, &names);
    Ok(Converted {
        title,
        date: core.modified.or(core.created),
        body,
        images,
        warnings,
    })
}

/// Reads and parses a part that may be absent.
fn optional<T>(
    a: &mut archive::Archive,
    part: &str,
    parse: impl FnOnce(&str) -> Result<T, xml::XmlError>,
) -> Result<Option<T>, OpenError> {
    let Some(text) = a.xml(part)? else {
        return Ok(None);
    };
    parse(&text).map(Some).map_err(|e| OpenError::Unreadable {
        part: part.to_owned(),
        reason: format!("XML sai ở byte {}: {}", e.position, e.message),
    })
}

struct Notes {
    /// Paragraphs of each note, by number − 1.
    paragraphs: Vec<Vec<Vec<Inline>>>,
    /// Relationships of the notes' parts (their hyperlinks and images).
    rels: rels::Rels,
}

fn read_notes(
    a: &mut archive::Archive,
    styles: &styles::Styles,
    numbering: &numbering::Numbering,
    order: &body::NoteOrder,
) -> Result<Notes, OpenError> {
    let mut found: HashMap<(bool, String), Vec<Vec<Inline>>> = HashMap::new();
    let mut all_rels = rels::Rels::new();
    for (endnote, part) in [(false, "footnotes"), (true, "endnotes")] {
        if !order.order.iter().any(|(e, _)| *e == endnote) {
            continue;
        }
        let rels_part = format!("word/_rels/{part}.xml.rels");
        let rels = optional(a, &rels_part, rels::parse_rels)?.unwrap_or_default();
        let Some(nodes) = optional(a, &format!("word/{part}.xml"), xml::parse)? else {
            continue;
        };
        let cx = body::Context {
            styles,
            numbering,
            rels: &rels,
        };
        for (id, paragraphs) in body::notes(&nodes, &cx) {
            found.insert((endnote, id), paragraphs);
        }
        all_rels.extend(rels);
    }
    let paragraphs = order
        .order
        .iter()
        .map(|key| found.remove(key).unwrap_or_default())
        .collect();
    Ok(Notes {
        paragraphs,
        rels: all_rels,
    })
}

/// The block that names the document: a “Title” paragraph, else the
/// first heading when it comes before any text.
fn title_block(blocks: &[Block]) -> Option<usize> {
    if let Some(i) = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 0, .. }))
    {
        return Some(i);
    }
    match blocks.first() {
        Some(Block::Heading { .. }) => Some(0),
        _ => None,
    }
}

/// The post's title is the page's `<h1>`, so the body's highest heading
/// level becomes `##` and the others keep their distance below it.
fn shift_headings(blocks: &mut [Block]) {
    let top = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min();
    let Some(top) = top else { return };
    for b in blocks {
        if let Block::Heading { level, .. } = b {
            *level = (*level - top + 2).min(6);
        }
    }
}

type Images = (Vec<(String, Vec<u8>)>, HashMap<String, String>);

/// Reads every image the text shows, names it `anh-N.ext` in order of
/// appearance, and warns about missing descriptions.
fn collect_images(
    a: &mut archive::Archive,
    blocks: &[Block],
    notes: &[Vec<Vec<Inline>>],
    rels: &rels::Rels,
    warnings: &mut Vec<String>,
) -> Result<Images, OpenError> {
    let mut refs = Vec::new();
    for b in blocks {
        match b {
            Block::Heading { inlines, .. }
            | Block::Paragraph(inlines)
            | Block::ListItem { inlines, .. } => {
                images_in(inlines, &mut refs);
            }
            Block::Table(rows) => rows.iter().flatten().for_each(|c| images_in(c, &mut refs)),
        }
    }
    notes.iter().flatten().for_each(|p| images_in(p, &mut refs));

    let mut files = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for img in refs {
        if names.contains_key(&img.rel_id) {
            continue;
        }
        let Some(rels::Target::Part(part)) = rels.get(&img.rel_id) else {
            continue;
        };
        let ext = part
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let label = if img.name.is_empty() {
            part.clone()
        } else {
            format!("“{}” ({part})", img.name)
        };
        if !WEB_IMAGES.contains(&ext.as_str()) {
            warnings.push(format!(
                "ảnh {label} ở dạng .{ext} mà trình duyệt không hiển thị được nên đã bỏ qua; trong Word, bấm chuột phải vào ảnh → Lưu thành ảnh (PNG) rồi chèn lại ảnh PNG đó"
            ));
            continue;
        }
        let Some(bytes) = a.image(part)? else {
            continue;
        };
        let file = format!(
            "anh-{}.{}",
            files.len() + 1,
            if ext == "jpeg" { "jpg" } else { &ext }
        );
        if img.alt.is_empty() {
            warnings.push(format!(
                "ảnh {file} (trong Word là {label}) chưa có mô tả (alt) cho người khiếm thị: viết mô tả vào giữa [ ] trong dòng ![]({file}) của bài, hoặc trong Word bấm chuột phải vào ảnh → Sửa văn bản thay thế (Edit Alt Text) rồi chuyển lại"
            ));
        }
        names.insert(img.rel_id.clone(), file.clone());
        files.push((file, bytes));
    }
    Ok((files, names))
}

fn images_in<'a>(inlines: &'a [Inline], out: &mut Vec<&'a model::ImageRef>) {
    for i in inlines {
        match i {
            Inline::Image(img) => out.push(img),
            Inline::Link { children, .. } => images_in(children, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;

    fn docx(document: &str) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(document.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn deeply_nested_tables_do_not_exhaust_the_stack() {
        let depth = 20_000;
        let open = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(depth);
        let close = "</w:tc></w:tr></w:tbl>".repeat(depth);
        let xml = format!("<w:document><w:body>{open}{close}</w:body></w:document>");
        let c = convert(docx(&xml), Limits::default()).expect("converted");
        assert!(c.body.starts_with("| x x x"), "{}", &c.body[..40]);
    }

    #[test]
    fn title_from_first_heading_and_heading_levels_shift() {
        let xml = r#"<w:document><w:body>
            <w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Tiêu đề</w:t></w:r></w:p>
            <w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>
            <w:p><w:r><w:t>Đoạn</w:t></w:r></w:p></w:body></w:document>"#;
        let c = convert(docx(xml), Limits::default()).unwrap();
        assert_eq!(c.title.as_deref(), Some("Tiêu đề"));
        assert_eq!(c.body, "## Mục\n\nĐoạn\n");
    }
}
