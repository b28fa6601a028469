//! Reads `content/`: finds Markdown pages and assets, parses front matter,
//! decides each page's kind and output path, then renders every body with
//! links resolved against the whole site. Files are read in a fixed order and
//! rendered in parallel; diagnostics are merged and sorted afterwards.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use super::cache::{ContentCache, LoadInputs, demote};
use super::layout::{Layout, date_from_file_name};
use super::markdown::{self, LinkTargets, Rendered, Source};
pub use super::page::Content;
use super::page::{Asset, Page, PageKind};
pub use super::parse::MAX_PAGE_BYTES;
use super::parse::Parsed;
use super::shortcodes::Shortcodes;
use super::translation;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};

/// True for editor and office temporary files that must never be published.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Loads and renders all content.
pub fn load(
    root: &Path,
    config: &Config,
    today: Date,
    drafts: bool,
    shortcodes: Option<&dyn Shortcodes>,
    diags: &mut Diagnostics,
) -> Content {
    load_cached(
        root,
        config,
        today,
        drafts,
        shortcodes,
        diags,
        None,
        &BTreeSet::new(),
    )
}

/// [`load`], reusing (and updating) what `cache` holds for files that did
/// not change since (see [`ContentCache`]). The result is the same as
/// [`load`]'s. Pages in `held_back` (source paths under `content/`) are
/// treated as unpublished and their problems as warnings (`build
/// --bo-qua-bai-loi`, see docs/decisions/0013).
#[allow(clippy::too_many_arguments)] // the build's inputs, each a different kind
pub fn load_cached(
    root: &Path,
    config: &Config,
    today: Date,
    drafts: bool,
    shortcodes: Option<&dyn Shortcodes>,
    out: &mut Diagnostics,
    mut cache: Option<&mut ContentCache>,
    held_back: &BTreeSet<String>,
) -> Content {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        out.push(
            Diagnostic::error("content", "không tìm thấy thư mục content/").hint(
                "tạo thư mục content/ với tệp content/_index.md cho trang chủ của chuyên mục",
            ),
        );
        return Content::default();
    }
    let data_dir = content_dir.join(&config.data.dir);
    let t = std::time::Instant::now();
    let c = crate::timing::thread_cpu();
    let trusted = cache.as_deref_mut().and_then(ContentCache::take_trusted);
    let inputs = LoadInputs {
        config: config.clone(),
        today,
        drafts,
        held_back: held_back.clone(),
        generated: shortcodes.map_or_else(Vec::new, |sc| sc.generated_pages()),
    };
    // Nothing under `content/` changed: the last load's pages, with the
    // bodies that call shortcodes (they read the data) rendered again.
    if trusted.is_some()
        && let Some(c) = cache.as_deref_mut()
        && let Some(content) = c.reuse_load(&inputs, shortcodes, out)
    {
        crate::timing::lap("content: kept", t);
        return content;
    }
    // What this load reports, kept with its pages for the next load
    // (the bodies calling shortcodes apart: they are rendered again).
    let mut own = Diagnostics::new();
    let mut shortcode_diags = Diagnostics::new();
    let diags = &mut own;
    let walked = match trusted.clone() {
        Some(w) => w,
        None => std::sync::Arc::new(walk(root, &content_dir, &data_dir)),
    };
    let (t, c) = crate::timing::lap_cpu("content: walk", t, c);
    diags.extend(walked.diags.iter().cloned());
    let (md_files, other_files) = (&walked.md_files, &walked.other_files);
    let parsed = super::cache::parse_all(root, md_files, cache.as_deref(), trusted.is_some());
    if let Some(c) = cache.as_deref_mut() {
        c.keep_parsed(md_files.iter().map(|(_, r)| r).zip(&parsed));
    }
    let mut files = Vec::new();
    let mut file_stamps = Vec::new();
    // Files whose front matter already has an error: no follow-up
    // "missing title/date" errors that would only repeat it.
    let mut troubled: HashSet<String> = HashSet::new();
    // Theme keys (`ShowToc`, `hidemeta`…) repeat in every post of a site
    // made for another generator: one warning per key for the whole site.
    let mut unknown_keys: BTreeMap<String, (usize, Diagnostic)> = BTreeMap::new();
    for ((p, d, stamp), (_, rel)) in parsed.into_iter().zip(md_files) {
        let d = if held_back.contains(rel) {
            demote(d)
        } else {
            d
        };
        if let Some(p) = p {
            if d.has_errors() {
                troubled.insert(p.rel.clone());
            }
            files.push(p);
            file_stamps.push(stamp);
        }
        for x in d {
            match super::fields::unknown_key_of(&x).map(str::to_owned) {
                // A taxonomy the config declares (`[[taxonomies]]`) is known.
                Some(key) if config.taxonomies.iter().any(|t| t.name == key) => {}
                Some(key) => unknown_keys.entry(key).or_insert((0, x)).0 += 1,
                None => diags.push(x),
            }
        }
    }
    for (key, (n, mut first)) in unknown_keys {
        if n > 1 {
            first.message = super::fields::unknown_key_message(&key, Some(n));
        }
        diags.push(first);
    }

    let (t, c) = crate::timing::lap_cpu("content: parse", t, c);
    let layout = Layout::new(config, &files);
    let mut targets = LinkTargets {
        portable: config.portable,
        statics: walked.statics.clone(),
        held_back: held_back.clone(),
        base_prefix: super::statics::prefix_of(&config.base_path()),
        ..LinkTargets::default()
    };
    if let Some(sc) = shortcodes {
        for path in sc.generated_pages() {
            targets
                .generated
                .insert(path.trim_end_matches('/').to_owned(), path);
        }
    }
    let mut metas = Vec::new();
    let own_dates: std::collections::HashMap<&str, super::frontmatter::PageDate> = files
        .iter()
        .filter_map(|f| {
            Some((
                f.rel.as_str(),
                f.fm.date.or_else(|| date_from_file_name(&f.rel))?,
            ))
        })
        .collect();
    // Each file's place (kind, output path) and date, in parallel: slugs
    // and paths for every file were a stretch on one core. What follows
    // stays in file order.
    let placed: Vec<(translation::Place, Option<super::frontmatter::PageDate>)> = files
        .par_iter()
        .map(|f| {
            let place = translation::place(&f.rel, &f.fm, &layout, &config.language);
            // A translation without a date of its own has the original's.
            let date =
                f.fm.date
                    .or_else(|| date_from_file_name(&place.layout_rel))
                    .or_else(|| {
                        place
                            .translation
                            .as_ref()
                            .and_then(|(orig, _)| own_dates.get(orig.as_str()).copied())
                    });
            (place, date)
        })
        .collect();
    for (f, (place, date)) in files.iter().zip(placed) {
        let (kind, path) = (place.kind, place.path.clone());
        let mut published = (!f.fm.draft || drafts)
            && date.is_none_or(|d| d.date <= today)
            && !held_back.contains(&f.rel);
        if let Some((_, lang)) = &place.translation
            && !translation::LANGUAGES.contains(&lang.as_str())
        {
            published = false;
            diags.push(
                Diagnostic::warning(&f.display, format!("bản dịch ngôn ngữ “{lang}” chưa được hỗ trợ nên không được đăng"))
                    .hint("minhbach đăng bản tiếng Anh (tên tệp kết thúc bằng .en.md); đổi tên tệp hoặc chuyển nó ra khỏi content/"),
            );
        }
        if published {
            targets.pages.insert(f.rel.clone(), path.clone());
        } else {
            targets.unpublished.insert(f.rel.clone(), path.clone());
        }
        metas.push((kind, path, date, published, place.translation));
    }
    let mut assets = Vec::new();
    let mut asset_sources = BTreeMap::new();
    for (abs, rel) in other_files {
        let out = layout.asset_path(rel);
        targets.assets.insert(rel.clone(), out.clone());
        asset_sources.insert(rel.clone(), (out.clone(), abs.clone()));
        assets.push(Asset {
            source: abs.clone(),
            out,
        });
    }

    // Bodies depend on the file, every link target and the Markdown
    // settings; a body that calls shortcodes may depend on anything (the
    // data), so it is never reused.
    let (t, c) = crate::timing::lap_cpu("content: layout", t, c);
    let render_key = format!("{:?}", config.markdown);
    let reusable = cache.as_deref().filter(|c| {
        c.rendered_with
            .as_ref()
            .is_some_and(|(t, k)| *t == targets && *k == render_key)
    });
    let rendered: Vec<(Rendered, Diagnostics, bool)> = files
        .par_iter()
        .zip(file_stamps.par_iter())
        .map(|(f, stamp)| {
            if let (Some(c), Some(stamp)) = (reusable, stamp)
                && let Some((s, r, d)) = c.rendered.get(&f.rel)
                && s == stamp
                && !r.uses_shortcodes
            {
                return (r.clone(), d.clone(), false);
            }
            let mut d = Diagnostics::new();
            let src = Source {
                display_path: &f.display,
                rel: &f.rel,
                file_text: &f.text,
                body_offset: f.body_offset,
            };
            let r = markdown::render(&src, &targets, &config.markdown, shortcodes, &mut d);
            (r, d, true)
        })
        .collect();
    if let Some(c) = cache.as_deref_mut() {
        let fresh = rendered.iter().map(|(r, d, fresh)| (r, d, *fresh));
        c.keep_rendered(files.iter().map(|f| &f.rel).zip(&file_stamps).zip(fresh));
        c.rendered_against(&targets, render_key);
        c.walked = Some(std::sync::Arc::clone(&walked));
    }
    // Problems in pages that are not published do not stop the build.
    let rendered: Vec<(Rendered, Diagnostics)> = rendered
        .into_iter()
        .zip(&metas)
        .map(|((r, d, _), (_, _, _, published, _))| (r, if *published { d } else { demote(d) }))
        .collect();

    let (t, c) = crate::timing::lap_cpu("content: render", t, c);
    let mut pages = Vec::with_capacity(files.len());
    for ((f, (kind, path, date, published, translated)), (body, d)) in
        files.into_iter().zip(metas).zip(rendered)
    {
        let mut f = f;
        if let Some((_, lang)) = &translated {
            f.fm.lang.get_or_insert_with(|| lang.clone());
        }
        if body.uses_shortcodes {
            shortcode_diags.extend(d);
        } else {
            diags.extend(d);
        }
        let quiet = troubled.contains(&f.rel);
        let title = page_title(&f, kind, diags, published && !quiet);
        if kind == PageKind::Post && date.is_none() && published && !quiet {
            diags.push(
                Diagnostic::error(&f.display, "bài tin chưa có ngày đăng")
                    .at(1, 1)
                    .hint("thêm khoá date vào phần thông tin đầu trang, ví dụ date = 2026-08-05, hoặc đặt tên tệp bắt đầu bằng ngày: 2026-08-05-ten-bai.md"),
            );
        }
        let cover =
            f.fm.cover
                .as_deref()
                .and_then(|c| resolve_file(&f, c, "cover", &targets, diags, published));
        let pdf =
            f.fm.pdf
                .as_deref()
                .and_then(|c| resolve_file(&f, c, "pdf", &targets, diags, published));
        let static_file = |rel: &str| {
            let rel = super::links::normalize(&super::links::percent_decode(rel))?;
            let found = super::statics::lookup(&targets.statics, &targets.base_prefix, &rel)?;
            Some((found.clone(), root.join("static").join(found)))
        };
        let dir = f.rel.rsplit_once('/').map_or("", |(d, _)| d);
        let attachments =
            f.fm.attachments
                .iter()
                .filter_map(|a| {
                    super::attachments::resolve(
                        a,
                        &f.display,
                        &f.text,
                        dir,
                        &asset_sources,
                        &static_file,
                        diags,
                        published && !quiet,
                    )
                })
                .collect();
        pages.push(Page {
            kind,
            rel: f.rel,
            display: f.display,
            path,
            section: String::new(),
            title,
            date,
            fm: f.fm,
            body,
            published,
            cover,
            pdf,
            attachments,
            translation_of: translated.map(|(orig, _)| orig),
        });
    }
    for page in &mut pages {
        page.section = match &page.translation_of {
            None => layout.section_of(&page.rel),
            Some(orig) => {
                let lang = page.fm.lang.clone().unwrap_or_default();
                translation::section(&lang, &page.path, &layout.section_of(orig))
            }
        };
    }
    translation::add_missing_news_lists(&mut pages, &config.sections.news);
    crate::timing::lap_cpu("content: pages", t, c);
    let content = Content {
        pages: pages.into_iter().map(Arc::new).collect(),
        assets,
    };
    if let Some(c) = cache {
        c.keep_load(inputs, &content, own.clone());
    }
    out.extend(own);
    out.extend(shortcode_diags);
    content
}

/// Finds the Markdown and other files under `content/` (the data folder
/// left out, names sorted) and the files of `static/`.
fn walk(root: &Path, content_dir: &Path, data_dir: &Path) -> super::cache::Walked {
    let mut walk_diags = Diagnostics::new();
    let mut md_files = Vec::new();
    let mut other_files = Vec::new();
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || (!is_ignored_name(&name) && e.path() != data_dir)
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| PathBuf::from("content"));
                walk_diags.push(
                    Diagnostic::error(p, format!("không đọc được: {}", walk_reason(&e)))
                        .hint("kiểm tra quyền đọc của tệp/thư mục"),
                );
                continue;
            }
        };
        if entry.file_type().is_symlink() {
            walk_diags.push(symlink_skipped(display_path(root, entry.path())));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        files.push(entry.into_path());
    }
    // Names relative to `content/` (NFC) in parallel, kept in walk order.
    let named: Vec<(PathBuf, String)> = files
        .into_par_iter()
        .map(|path| {
            let rel = rel_string(content_dir, &path);
            (path, rel)
        })
        .collect();
    for (path, rel) in named {
        if rel.ends_with(".md") || rel.ends_with(".markdown") {
            md_files.push((path, rel));
        } else {
            other_files.push((path, rel));
        }
    }
    super::cache::Walked {
        md_files,
        other_files,
        diags: walk_diags,
        statics: super::statics::scan(root),
    }
}

fn page_title(f: &Parsed, kind: PageKind, diags: &mut Diagnostics, published: bool) -> String {
    if let Some(t) = f.fm.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_owned();
    }
    if matches!(kind, PageKind::Post | PageKind::Document | PageKind::Page) && published {
        diags.push(
            Diagnostic::error(&f.display, "trang chưa có tiêu đề")
                .at(1, 1)
                .hint("thêm khoá title vào phần thông tin đầu trang, ví dụ title = \"Tiêu đề bài viết\""),
        );
    }
    let dir = f.rel.rsplit_once('/').map_or("", |(d, _)| d);
    let last = dir.rsplit('/').next().unwrap_or("");
    let mut name = last.replace('-', " ");
    if let Some(first) = name.get(..1) {
        name = first.to_uppercase() + &name[1..];
    }
    name
}

/// Resolves a file named in front matter (cover, pdf) relative to the page.
fn resolve_file(
    f: &Parsed,
    name: &str,
    key: &str,
    targets: &LinkTargets,
    diags: &mut Diagnostics,
    published: bool,
) -> Option<String> {
    if name.starts_with("http://") || name.starts_with("https://") {
        return Some(name.to_owned());
    }
    let dir = f.rel.rsplit_once('/').map_or("", |(d, _)| d);
    let joined = if let Some(abs) = name.strip_prefix('/') {
        abs.to_owned()
    } else if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    };
    let key_path = super::links::normalize(&joined);
    // Hugo style: `/images/bia.svg` lives in the site's static/ folder.
    let from_static = name
        .strip_prefix('/')
        .and_then(|rel| super::links::normalize(&super::links::percent_decode(rel)))
        .and_then(|rel| super::statics::lookup(&targets.statics, &targets.base_prefix, &rel))
        .cloned();
    match key_path
        .as_ref()
        .and_then(|k| targets.assets.get(k))
        .cloned()
        .or(from_static)
    {
        Some(out) => Some(out),
        None => {
            if published {
                let line = crate::config::find_key_line(&f.text, key)
                    .or_else(|| crate::config::find_key_line(&f.text, "image"))
                    .unwrap_or(1);
                diags.push(
                    Diagnostic::error(
                        &f.display,
                        format!("không tìm thấy tệp “{name}” (khoá {key})"),
                    )
                    .at(line, 1)
                    .with_source(&f.text)
                    .hint(match super::statics::same_name(&targets.statics, &targets.assets, name) {
                        Some(found) => format!("có tệp cùng tên ở {found}; {}", super::links::how_to_write(&found)),
                        None => "đặt tệp cạnh tệp bài viết (ghi tên tệp), hoặc trong thư mục static/ (ghi /đường-dẫn tính từ static/); tên phân biệt chữ hoa/thường".to_owned(),
                    }),
                );
            }
            None
        }
    }
}

fn rel_string(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let s = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

/// The warning for a symlink under `content/` or `static/`: it is not
/// followed (it could publish any file of the machine), and says so.
pub fn symlink_skipped(shown: impl Into<PathBuf>) -> Diagnostic {
    Diagnostic::warning(
        shown,
        "đây là liên kết (symlink) tới tệp/thư mục khác; minhbach bỏ qua nó và không đăng nội dung của nó",
    )
    .hint("chép tệp thật vào đây thay cho liên kết nếu muốn đăng nó")
}

/// A folder walk's error in Vietnamese (walkdir's own text is English).
pub fn walk_reason(e: &walkdir::Error) -> String {
    match e.io_error() {
        Some(io) => crate::os_error::reason(io),
        None => "thư mục lặp vòng (một liên kết trỏ ngược lên thư mục chứa nó)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignored_names() {
        for n in [
            "~$chi-tieu.xlsx",
            ".~lock.chi-tieu.xlsx#",
            "bai.md~",
            ".bai.md.swp",
            "#bai.md#",
            "Thumbs.db",
        ] {
            assert!(is_ignored_name(n), "{n}");
        }
        assert!(!is_ignored_name("bai.md"));
    }
}
