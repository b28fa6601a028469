//! `minhbach import`: a Hugo or Zola site folder → a minhbach content tree
//! in a new folder. Steps, one module each: [`detect`] (which generator,
//! its settings), [`front_matter`] (keys mapped, theme keys kept under
//! `[extra]`), [`shortcodes`] (converted where there is an equivalent),
//! [`links`] (old addresses and moved files rewritten, missing targets
//! unlinked), [`paths`] (where each file goes, old addresses for
//! `aliases`), [`report`] (what happened to each page). The source is only
//! read; the destination must be new or empty, and no file in it is ever
//! replaced except those this run just created.

pub mod detect;
pub mod front_matter;
pub mod links;
pub mod paths;
pub mod report;
pub mod shortcodes;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use detect::SourceSite;
use front_matter::PageMatter;
use paths::{FileKind, Mapper, OldPage};
use report::{PageReport, Report};

/// Largest Markdown file imported (as the build's limit).
const MAX_PAGE_BYTES: u64 = crate::content::load::MAX_PAGE_BYTES;
/// Most files walked in the source content folder.
const MAX_FILES: usize = 200_000;

/// One Markdown file read from the source.
struct SourcePage {
    rel: String,
    abs: PathBuf,
    kind: FileKind,
    matter: PageMatter,
    body: String,
    /// Read problems (the page is not imported).
    error: Option<String>,
    /// A repair made while reading (for the report).
    read_note: Option<String>,
    /// Lines before the body (front matter), for line numbers in the report.
    body_line: usize,
}

/// A page ready to be written.
struct Prepared {
    dest: String,
    matter: PageMatter,
    body: String,
    old_url: Option<String>,
    report: usize,
}

/// Imports `site` into the existing minhbach site at `dest` (made by
/// `init`: only `minhbach.toml`, the skeleton's `_index.md` files and the
/// theme copy). Returns the report; an `Err` is a Vietnamese message.
pub fn import(site: &SourceSite, dest: &Path, today: jiff::civil::Date) -> Result<Report, String> {
    let mut report = Report::new(site, dest);
    let (md, assets) = walk(site, &mut report)?;
    // Dated pages per top-level section decide the news sections.
    let mut dated: BTreeMap<String, usize> = BTreeMap::new();
    let mut undated: BTreeMap<String, usize> = BTreeMap::new();
    let probe = Mapper::new(&BTreeMap::new(), &site.language);
    let mut pages = Vec::new();
    for (rel, abs) in md {
        let kind = probe.kind(&rel);
        let page = read_page(rel, abs, kind);
        // A top-level bundle (`about/index.md`) is a page, not a section.
        if let Some((section, rest)) = page.rel.split_once('/')
            && rest != "index.md"
            && page.kind == FileKind::Page
            && (page.matter.date.is_some() || page.matter.bad_date.is_some())
        {
            *dated.entry(section.to_owned()).or_default() += 1;
        } else if let Some((section, rest)) = page.rel.split_once('/')
            && rest != "index.md"
            && page.kind == FileKind::Page
        {
            *undated.entry(section.to_owned()).or_default() += 1;
        }
        pages.push(page);
    }
    // News sections: most pages dated, and not Hugo's `page/` of theme
    // pages (about, archives, search).
    dated.retain(|section, n| {
        *n > undated.get(section).copied().unwrap_or(0)
            && !matches!(section.as_str(), "page" | "pages")
    });
    let mapper = Mapper::new(&dated, &site.language);
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for p in &pages {
        if let Some(d) = mapper.dest(&p.rel) {
            files.insert(p.rel.clone(), d);
        }
    }
    for (rel, _) in &assets {
        if let Some(d) = mapper.dest(rel) {
            files.insert(rel.clone(), d);
        }
    }
    let mut old_urls: BTreeMap<String, String> = BTreeMap::new();
    let mut page_old: BTreeMap<String, String> = BTreeMap::new();
    for p in pages.iter().filter(|p| p.kind != FileKind::Translation) {
        let date10 = p.matter.date.as_deref().and_then(|d| d.get(..10));
        let old = paths::old_url(
            site.generator,
            &site.permalinks,
            &OldPage {
                rel: &p.rel,
                slug: p.matter.slug.as_deref(),
                title: p.matter.title.as_deref(),
                date: date10,
                url: p.matter.old_url.as_deref(),
            },
        );
        let old = old.map(|o| format!("{}{o}", site.url_prefix));
        if let (Some(old), Some(dest)) = (old, files.get(&p.rel)) {
            old_urls.insert(old.trim_matches('/').to_owned(), dest.clone());
            page_old.insert(p.rel.clone(), old);
        }
    }
    let mut statics = crate::content::statics::scan(&site.root);
    // Hugo themes also serve images from assets/ (`/images/a.webp`).
    let asset_images: BTreeSet<String> = scan_asset_images(&site.root)
        .into_iter()
        .filter(|r| !statics.contains(r))
        .collect();
    statics.extend(asset_images.iter().cloned());
    let prefix = site
        .base_url
        .as_deref()
        .map(|u| {
            let after = u.split_once("://").map_or(u, |(_, r)| r);
            after
                .find('/')
                .map_or("", |i| &after[i..])
                .trim_matches('/')
                .to_owned()
        })
        .unwrap_or_default();

    let mut prepared: Vec<Prepared> = Vec::new();
    for p in pages {
        let idx = report.pages.len();
        let dest_rel = files.get(&p.rel).cloned();
        let mut pr = PageReport::new(&p.rel, dest_rel.as_deref(), p.kind);
        if let Some(n) = &p.read_note {
            pr.note(n.clone());
        }
        if let Some(e) = &p.error {
            pr.fail(e.clone());
            report.pages.push(pr);
            continue;
        }
        let Some(dest_rel) = dest_rel else {
            pr.note(match p.kind {
                FileKind::Section if !p.rel.contains('/') => "trang chủ cũ: trang mới có trang chủ riêng (content/_index.md), chép nội dung sang nếu cần".to_owned(),
                _ => "trang mục lục của chuyên mục bài viết: thay bằng content/tin-tuc/_index.md".to_owned(),
            });
            pr.skip();
            report.pages.push(pr);
            continue;
        };
        if p.kind == FileKind::Translation {
            let name = p.rel.rsplit('/').next().unwrap_or("");
            if name.starts_with("_index.") {
                pr.note("bản dịch của trang mục lục: chưa chép (minhbach chưa có trang mục lục đa ngôn ngữ)".into());
                pr.skip();
                report.pages.push(pr);
                continue;
            }
            pr.note(
                "bản dịch: chép nguyên dạng tên tệp (x.en.md) để minhbach ghép với bản tiếng Việt"
                    .into(),
            );
        }
        let first = p.rel.split('/').next().unwrap_or("");
        if matches!(first, "tags" | "categories" | "series") || p.rel == "404.md" {
            pr.note("trang của giao diện cũ (danh sách thẻ/chuyên mục, trang 404): minhbach tự tạo, không chép".into());
            pr.skip();
            report.pages.push(pr);
            continue;
        }
        if let Some(layout) = theme_function_page(&p.matter) {
            pr.note(format!("trang chức năng của giao diện cũ (layout “{layout}”): minhbach có sẵn trang lưu trữ và tìm kiếm, không chép"));
            pr.skip();
            report.pages.push(pr);
            continue;
        }
        let old_url = page_old.get(&p.rel).cloned();
        let ctx = links::Context {
            src_rel: &p.rel,
            old_url: old_url.as_deref(),
            files: &files,
            old_urls: &old_urls,
            statics: &statics,
            prefix: &prefix,
        };
        let mut matter = p.matter;
        // Shortcodes first (a figure becomes an image link), then links.
        let resolve_ref = |target: &str| resolve_ref(target, &p.rel, &files, &old_urls);
        let (body, sc_notes) = shortcodes::convert(&p.body, &resolve_ref);
        for n in sc_notes {
            let text = format!("dòng {}: {}", n.line + p.body_line, n.outcome);
            if n.converted {
                pr.convert(text)
            } else {
                pr.note(text)
            }
        }
        let body = links::fix_spaces(&body);
        let (body, link_notes) = links::fix(&body, &ctx);
        for n in link_notes {
            pr.note(format!("dòng {}: {}", n.line + p.body_line, n.text));
        }
        cover(&mut matter, &ctx, &mut pr);
        finish_matter(&mut matter, &p.abs, &dest_rel, &body, &mut pr, today);
        if !matter.moved.is_empty() {
            report.count_moved_keys(&matter.moved, &p.rel);
        }
        if matter.draft {
            pr.note("bài nháp (draft): được chép nhưng không được đăng".into());
        }
        pr.draft = matter.draft;
        prepared.push(Prepared {
            dest: dest_rel,
            matter,
            body,
            old_url,
            report: idx,
        });
        report.pages.push(pr);
    }

    // Write pages, assets and static files; never replace a file that
    // exists (the skeleton's own files are not among the destinations).
    let content = dest.join("content");
    for p in &prepared {
        write_new(&content.join(&p.dest), render(p).as_bytes())?;
    }
    for (rel, abs) in &assets {
        if let Some(d) = files.get(rel) {
            copy_new(abs, &content.join(d))?;
        }
    }
    for rel in &statics {
        let from = if asset_images.contains(rel) {
            "assets"
        } else {
            "static"
        };
        copy_new(
            &site.root.join(from).join(rel),
            &dest.join("static").join(rel),
        )?;
        report.statics += 1;
    }
    report.assets = assets.iter().filter(|(r, _)| files.contains_key(r)).count();

    // Old addresses: now that the new paths are known, add `aliases`.
    add_aliases(dest, &mut prepared, &mut report, today)?;
    Ok(report)
}

/// Files found: (path relative to the content folder, absolute path).
type Files = Vec<(String, PathBuf)>;

/// Image files under `assets/` (relative to it).
fn scan_asset_images(root: &Path) -> BTreeSet<String> {
    const IMAGES: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "ico"];
    let dir = root.join("assets");
    let mut out = BTreeSet::new();
    for e in walkdir::WalkDir::new(&dir).into_iter().flatten() {
        let is_image = e
            .path()
            .extension()
            .is_some_and(|x| IMAGES.contains(&x.to_string_lossy().to_lowercase().as_str()));
        if e.file_type().is_file() && is_image && out.len() < MAX_FILES {
            let rel = e.path().strip_prefix(&dir).unwrap_or(e.path());
            out.insert(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
    }
    out
}

fn walk(site: &SourceSite, report: &mut Report) -> Result<(Files, Files), String> {
    let dir = &site.content_dir;
    if !dir.is_dir() {
        return Err(format!("không tìm thấy thư mục nội dung {}", dir.display()));
    }
    let mut md = Vec::new();
    let mut other = Vec::new();
    let skip: Vec<&PathBuf> = site
        .other_language_dirs
        .iter()
        .filter(|d| d.starts_with(dir))
        .collect();
    for d in &site.other_language_dirs {
        report.site_note(format!(
            "nội dung ngôn ngữ khác trong {} chưa được nhập",
            d.strip_prefix(&site.root).unwrap_or(d).display()
        ));
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || (!crate::content::load::is_ignored_name(&e.file_name().to_string_lossy())
                    && !skip.iter().any(|s| e.path() == s.as_path()))
        });
    for entry in walker.flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        if md.len() + other.len() >= MAX_FILES {
            report.site_note(format!(
                "thư mục nội dung có hơn {MAX_FILES} tệp; phần còn lại không được nhập"
            ));
            break;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        use unicode_normalization::UnicodeNormalization;
        let rel: String = rel.nfc().collect();
        if rel.ends_with(".md") || rel.ends_with(".markdown") {
            md.push((rel, entry.path().to_path_buf()));
        } else {
            other.push((rel, entry.path().to_path_buf()));
        }
    }
    Ok((md, other))
}

fn read_page(rel: String, abs: PathBuf, kind: FileKind) -> SourcePage {
    let mut page = SourcePage {
        rel,
        abs,
        kind,
        matter: PageMatter::default(),
        body: String::new(),
        error: None,
        read_note: None,
        body_line: 0,
    };
    let too_big = std::fs::metadata(&page.abs)
        .map(|m| m.len() > MAX_PAGE_BYTES)
        .unwrap_or(false);
    if too_big {
        page.error = Some("tệp lớn hơn 10 MB, không nhập".into());
        return page;
    }
    let bytes = match std::fs::read(&page.abs) {
        Ok(b) => b,
        Err(e) => {
            page.error = Some(format!("không đọc được tệp: {e}"));
            return page;
        }
    };
    let text = match decode(&bytes) {
        Ok((t, note)) => {
            page.read_note = note;
            t
        }
        Err(e) => {
            page.error = Some(e);
            return page;
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    match front_matter::read(&text) {
        Ok((m, body)) => {
            page.matter = m;
            page.body_line = text[..text.len() - body.len()].matches('\n').count();
            page.body = body.to_owned();
        }
        Err(e) => page.error = Some(e),
    }
    page
}

/// The text of a Markdown file: UTF-8 (a few broken bytes, as in a file
/// cut short, are replaced and reported, as Hugo shows them), or UTF-16
/// with its byte-order mark.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let utf16 = |rest: &[u8], le: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        Ok((
            String::from_utf16_lossy(&units),
            Some("tệp UTF-16: đã đổi sang UTF-8".to_owned()),
        ))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((t.to_owned(), None)),
        Err(e) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let bad = lossy.matches('\u{FFFD}').count();
            if bad <= 3 {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                Ok((
                    lossy,
                    Some(format!(
                        "dòng {line}: {bad} chỗ không phải chữ UTF-8 (tệp bị cắt hoặc hỏng), đã thay bằng “�”"
                    )),
                ))
            } else {
                Err(
                    "tệp không phải văn bản UTF-8; mở và lưu lại với bảng mã UTF-8 rồi nhập lại"
                        .into(),
                )
            }
        }
    }
}

/// Hugo `ref`/`relref` argument → a link to the page's new source path.
fn resolve_ref(
    target: &str,
    from: &str,
    files: &BTreeMap<String, String>,
    old_urls: &BTreeMap<String, String>,
) -> Option<String> {
    let (path, frag) = match target.find('#') {
        Some(i) => (&target[..i], &target[i..]),
        None => (target, ""),
    };
    let path = path.trim();
    if path.is_empty() {
        return Some(frag.to_owned());
    }
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    let candidates = [
        path.trim_start_matches('/').to_owned(),
        format!("{}.md", path.trim_start_matches('/').trim_end_matches('/')),
        format!(
            "{}/index.md",
            path.trim_start_matches('/').trim_end_matches('/')
        ),
        format!(
            "{}/_index.md",
            path.trim_start_matches('/').trim_end_matches('/')
        ),
        crate::content::links::normalize(&format!("{dir}/{path}")).unwrap_or_default(),
    ];
    // The answer is the old source path (or old address): the link step
    // maps it to the new tree like any other link.
    candidates
        .iter()
        .find(|c| files.contains_key(c.as_str()))
        .cloned()
        .or_else(|| {
            // Hugo accepts a bare file name when it is unique.
            let name = path.trim_start_matches('/');
            let mut hits = files.iter().filter(|(k, _)| {
                k.ends_with(&format!("/{name}"))
                    || k.ends_with(&format!("/{name}.md"))
                    || k.ends_with(&format!("/{name}/index.md"))
            });
            let first = hits.next();
            if hits.next().is_none() {
                first.map(|(k, _)| k.clone())
            } else {
                None
            }
        })
        .or_else(|| {
            let old = path.trim_matches('/');
            old_urls.contains_key(old).then(|| format!("{old}/"))
        })
        .map(|d| format!("/{d}{frag}"))
}

/// `layout: archives|search|…`: a page the old theme filled in by itself.
fn theme_function_page(m: &PageMatter) -> Option<String> {
    let layout = m.extra.get("layout").and_then(serde_json::Value::as_str)?;
    matches!(
        layout,
        "archives" | "archive" | "search" | "links" | "tags" | "categories" | "terms"
    )
    .then(|| layout.to_owned())
}

/// Checks the cover image; rewrites it for the new tree or drops it.
fn cover(m: &mut PageMatter, ctx: &links::Context<'_>, pr: &mut PageReport) {
    let Some(c) = m.cover.clone() else { return };
    match links::resolve(ctx, &c) {
        links::Target::Keep => {}
        links::Target::Rewrite(new) => m.cover = Some(new),
        links::Target::Broken => {
            pr.note(format!("ảnh bìa “{c}” không có trong trang cũ: đã bỏ"));
            m.cover = None;
            m.cover_alt = None;
        }
    }
}

/// A title and a date for every page that needs them.
fn finish_matter(
    m: &mut PageMatter,
    abs: &Path,
    dest: &str,
    body: &str,
    pr: &mut PageReport,
    today: jiff::civil::Date,
) {
    if m.title.is_none() {
        let heading = body
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty());
        let title = heading.unwrap_or_else(|| {
            let name = dest.rsplit('/').next().unwrap_or(dest);
            let stem = name.trim_end_matches(".md");
            let stem = if stem == "index" {
                dest.rsplit('/').nth(1).unwrap_or(stem)
            } else {
                stem
            };
            stem.replace(['-', '_'], " ")
        });
        pr.note(format!("không có tiêu đề: đặt “{title}”"));
        m.title = Some(title);
    }
    if let Some(bad) = &m.bad_date {
        pr.note(format!("ngày “{bad}” không đọc được"));
    }
    let is_post = dest.starts_with(&format!("{}/", paths::NEWS)) && !dest.ends_with("/_index.md");
    if is_post && m.date.is_none() {
        let from_name = dest
            .rsplit('/')
            .find(|s| *s != "index.md")
            .and_then(|s| s.get(..10))
            .filter(|d| d.parse::<jiff::civil::Date>().is_ok());
        if from_name.is_none() {
            let (date, from) = match &m.updated {
                Some(u) => (u.clone(), "ngày cập nhật"),
                None => {
                    let modified = std::fs::metadata(abs)
                        .and_then(|md| md.modified())
                        .ok()
                        .and_then(|t| jiff::Timestamp::try_from(t).ok())
                        .map(|t| jiff::tz::offset(7).to_datetime(t).date())
                        .unwrap_or(today);
                    (modified.to_string(), "ngày sửa tệp")
                }
            };
            pr.note(format!(
                "bài không có ngày đăng: đặt {date} ({from}); kiểm tra lại"
            ));
            m.date = Some(date);
        }
    }
}

fn render(p: &Prepared) -> String {
    let mut s = front_matter::write(&p.matter);
    s.push('\n');
    s.push_str(p.body.trim_start_matches('\n'));
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("không tạo được {}: {e}", parent.display()))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            format!(
                "không ghi được {} (tệp đã có thì không ghi đè): {e}",
                path.display()
            )
        })?;
    f.write_all(bytes)
        .map_err(|e| format!("không ghi được {}: {e}", path.display()))
}

fn copy_new(from: &Path, to: &Path) -> Result<(), String> {
    let bytes =
        std::fs::read(from).map_err(|e| format!("không đọc được {}: {e}", from.display()))?;
    write_new(to, &bytes)
}

/// Re-reads the new site to learn each page's address, then gives every
/// page whose old address differs an `aliases` entry (and rewrites it).
fn add_aliases(
    dest: &Path,
    prepared: &mut [Prepared],
    report: &mut Report,
    today: jiff::civil::Date,
) -> Result<(), String> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let Some(config) = crate::config::Config::load(dest, &mut diags) else {
        return Ok(());
    };
    let content = crate::content::load(dest, &config, today, true, None, &mut diags);
    let by_rel: BTreeMap<&str, &str> = content
        .pages
        .iter()
        .map(|p| (p.rel.as_str(), p.path.as_str()))
        .collect();
    let mut taken: BTreeSet<String> = content
        .pages
        .iter()
        .map(|p| p.path.trim_matches('/').to_owned())
        .collect();
    for p in prepared.iter_mut() {
        let Some(old) = p.old_url.as_deref().map(|o| o.trim_matches('/').to_owned()) else {
            continue;
        };
        let Some(new) = by_rel.get(p.dest.as_str()) else {
            continue;
        };
        if old.is_empty()
            || old == new.trim_matches('/')
            || taken.contains(&old)
            || !plain_path(&old)
        {
            continue;
        }
        if p.matter.aliases.iter().any(|a| a.trim_matches('/') == old) {
            continue;
        }
        taken.insert(old.clone());
        p.matter.aliases.push(format!("/{old}/"));
        report.pages[p.report].alias = Some(format!("/{old}/"));
        let path = dest.join("content").join(&p.dest);
        std::fs::write(&path, render(p))
            .map_err(|e| format!("không ghi được {}: {e}", path.display()))?;
    }
    // Hugo's own aliases may name places minhbach cannot make.
    for p in prepared.iter_mut() {
        let before = p.matter.aliases.len();
        p.matter.aliases.retain(|a| plain_path(a.trim_matches('/')));
        if p.matter.aliases.len() != before {
            report.pages[p.report]
                .note("bỏ bí danh (aliases) không phải đường dẫn trong trang".into());
            let path = dest.join("content").join(&p.dest);
            std::fs::write(&path, render(p))
                .map_err(|e| format!("không ghi được {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn plain_path(p: &str) -> bool {
    !p.is_empty()
        && !p.contains("://")
        && p.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
        && p.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '~'))
}
