//! `minhbach import`: a Hugo or Zola site folder → a minhbach content tree
//! in a new folder. Steps, one module each: [`detect`] (which generator,
//! its settings), [`front_matter`] (keys mapped, theme keys kept under
//! `[extra]`), [`shortcodes`] (converted where there is an equivalent),
//! [`links`] (old addresses and moved files rewritten, missing targets
//! unlinked), [`paths`] (where each file goes, old addresses for
//! `aliases`), [`highlight`] (code colouring kept off where the old site
//! had it off), [`report`] (what happened to each page). The source is only
//! read; the destination must be new or empty, and no file in it is ever
//! replaced except those this run just created.

pub mod detect;
pub mod front_matter;
pub mod highlight;
pub mod links;
pub mod paths;
mod read;
pub mod report;
pub mod shortcodes;
pub mod taxonomies;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use detect::SourceSite;
use front_matter::PageMatter;
use paths::{FileKind, Mapper, OldPage};
use read::{read_page, scan_asset_images, walk};
use report::{PageReport, Report};

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
    if let Some(off) = &site.highlight_off {
        report.site_note(highlight::report_note(off));
    }
    let (md, assets) = walk(site, &mut report)?;
    // Dated pages per top-level section decide the news sections.
    let mut dated: BTreeMap<String, usize> = BTreeMap::new();
    let mut undated: BTreeMap<String, usize> = BTreeMap::new();
    // Pages at the top (`2015-08-19-bai.md`, `bai/index.md`): posts of a
    // site without a posts folder when most of them are dated.
    let (mut root_dated, mut root_undated) = (BTreeSet::new(), 0usize);
    let probe = Mapper::new(&BTreeMap::new(), &BTreeSet::new(), &site.language);
    let mut pages = Vec::new();
    for (rel, abs) in md {
        let kind = probe.kind(&rel);
        let mut page = read_page(rel, abs, kind);
        taxonomies::promote(&mut page.matter, &site.taxonomies);
        let has_date = page.matter.date.is_some()
            || page.matter.bad_date.is_some()
            || paths::date_in_name(&page.rel);
        let top_level = match page.rel.split_once('/') {
            None => true,
            Some((_, rest)) => rest == "index.md",
        };
        if page.kind == FileKind::Page && top_level {
            if has_date {
                root_dated.insert(page.rel.clone());
            } else {
                root_undated += 1;
            }
        } else if let Some((section, _)) = page.rel.split_once('/')
            && page.kind == FileKind::Page
        {
            let counts = if has_date { &mut dated } else { &mut undated };
            *counts.entry(section.to_owned()).or_default() += 1;
        }
        pages.push(page);
    }
    // News sections: most pages dated, and not Hugo's `page/` of theme
    // pages (about, archives, search).
    dated.retain(|section, n| {
        *n > undated.get(section).copied().unwrap_or(0)
            && !matches!(section.as_str(), "page" | "pages")
    });
    // Dated pages at the top are posts only on a site without a posts
    // folder: beside `posts/`, `about.md` and `contact.md` stay pages even
    // when their theme gave them a date.
    if !dated.is_empty() || root_dated.len() < 2 || root_dated.len() <= root_undated {
        root_dated.clear();
    }
    let mapper = Mapper::new(&dated, &root_dated, &site.language);
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    // Pages not imported are no link targets: links to them are unlinked
    // and reported like any missing target.
    // Two sources mapped to one destination (`posts/ctf/a.md` and
    // `ctf/a.md`): the second is not imported, and says why.
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut clashes: BTreeMap<String, String> = BTreeMap::new();
    let mut claim = |rel: &str, d: String, files: &mut BTreeMap<String, String>| match taken.get(&d)
    {
        Some(other) => {
            clashes.insert(rel.to_owned(), other.clone());
        }
        None => {
            taken.insert(d.clone(), rel.to_owned());
            files.insert(rel.to_owned(), d);
        }
    };
    for p in &pages {
        if let Some(d) = mapper.dest(&p.rel)
            && p.error.is_none()
            && skip_reason(&p.rel, p.kind, &p.matter, &site.taxonomies).is_none()
        {
            claim(&p.rel, d, &mut files);
        }
    }
    for (rel, _) in &assets {
        if let Some(d) = mapper.dest(rel) {
            claim(rel, d, &mut files);
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
        if let Some(other) = clashes.get(&p.rel) {
            pr.fail(format!(
                "trùng chỗ với {other} trong trang mới; đổi tên một trong hai tệp rồi nhập lại"
            ));
            report.pages.push(pr);
            continue;
        }
        if let Some(e) = &p.error {
            pr.fail(e.clone());
            report.pages.push(pr);
            continue;
        }
        let reason = skip_reason(&p.rel, p.kind, &p.matter, &site.taxonomies).or_else(|| match &dest_rel {
            None if p.kind == FileKind::Section && !p.rel.contains('/') => Some("trang chủ cũ: trang mới có trang chủ riêng (content/_index.md), chép nội dung sang nếu cần".to_owned()),
            None => Some("trang mục lục của chuyên mục bài viết: thay bằng content/tin-tuc/_index.md".to_owned()),
            Some(_) => None,
        });
        let (Some(dest_rel), None) = (dest_rel, &reason) else {
            pr.note(reason.unwrap_or_default());
            pr.skip();
            report.pages.push(pr);
            continue;
        };
        if p.kind == FileKind::Translation {
            pr.note(
                "bản dịch: chép nguyên dạng tên tệp (x.en.md) để minhbach ghép với bản tiếng Việt"
                    .into(),
            );
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
        let body = match site.generator {
            detect::Generator::Zola => shortcodes::unescape_zola_code(&body),
            detect::Generator::Hugo => body,
        };
        for n in sc_notes {
            let text = format!("dòng {}: {}", n.line + p.body_line, n.outcome);
            if n.converted {
                pr.convert(text)
            } else {
                pr.note(text)
            }
        }
        let body =
            crate::content::raw_syntax::wrap_spaced_destinations(&body).map_or(body, |(t, _)| t);
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

/// Why a page is not imported (`None`: it is).
fn skip_reason(rel: &str, kind: FileKind, m: &PageMatter, taxonomies: &[String]) -> Option<String> {
    // Translations (`x.en.md`, `_index.en.md`) are copied when minhbach
    // publishes their language; others would only be skipped by the build.
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if kind == FileKind::Translation {
        let stem = name.trim_end_matches(".md").trim_end_matches(".markdown");
        let lang = paths::split_lang(stem).1.unwrap_or("");
        if !crate::content::translation::LANGUAGES.contains(&lang) {
            return Some(format!(
                "bản dịch ngôn ngữ “{lang}”: không chép vì minhbach chỉ đăng bản tiếng Việt và tiếng Anh (en); giữ tệp gốc nếu cần dịch lại"
            ));
        }
    }
    let first = rel.split('/').next().unwrap_or("");
    // Term pages of the old theme, the declared taxonomies' ones included.
    if matches!(first, "tags" | "categories" | "series")
        || taxonomies.iter().any(|t| t == first)
        || rel == "404.md"
    {
        return Some("trang của giao diện cũ (danh sách thẻ/chuyên mục, trang 404): minhbach tự tạo, không chép".into());
    }
    theme_function_page(m).map(|layout| {
        format!("trang chức năng của giao diện cũ (layout “{layout}”): minhbach có sẵn trang lưu trữ và tìm kiếm, không chép")
    })
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
    // Section pages (`_index.md`, `_index.en.md`) are lists, never dated.
    let is_section = dest
        .rsplit('/')
        .next()
        .is_some_and(|n| n.starts_with("_index."));
    let is_post = dest.starts_with(&format!("{}/", paths::NEWS)) && !is_section;
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
                        .map(|t| jiff::tz::offset(7).to_datetime(t).date().min(today))
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
        std::fs::create_dir_all(parent).map_err(|e| {
            format!(
                "không tạo được {}: {}",
                parent.display(),
                crate::os_error::reason(&e)
            )
        })?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            format!(
                "không ghi được {} (tệp đã có thì không ghi đè): {}",
                path.display(),
                crate::os_error::reason(&e)
            )
        })?;
    f.write_all(bytes).map_err(|e| {
        format!(
            "không ghi được {}: {}",
            path.display(),
            crate::os_error::reason(&e)
        )
    })
}

fn copy_new(from: &Path, to: &Path) -> Result<(), String> {
    let bytes = std::fs::read(from).map_err(|e| {
        format!(
            "không đọc được {}: {}",
            from.display(),
            crate::os_error::reason(&e)
        )
    })?;
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
        std::fs::write(&path, render(p)).map_err(|e| {
            format!(
                "không ghi được {}: {}",
                path.display(),
                crate::os_error::reason(&e)
            )
        })?;
    }
    // Hugo's own aliases may name places minhbach cannot make.
    for p in prepared.iter_mut() {
        let before = p.matter.aliases.len();
        p.matter.aliases.retain(|a| plain_path(a.trim_matches('/')));
        if p.matter.aliases.len() != before {
            report.pages[p.report]
                .note("bỏ bí danh (aliases) không phải đường dẫn trong trang".into());
            let path = dest.join("content").join(&p.dest);
            std::fs::write(&path, render(p)).map_err(|e| {
                format!(
                    "không ghi được {}: {}",
                    path.display(),
                    crate::os_error::reason(&e)
                )
            })?;
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
