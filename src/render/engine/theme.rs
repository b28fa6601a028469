//! The theme: tera templates, static assets (CSS, icons) and UI strings.
//!
//! Lookup order for every file: the site's own `templates/`, `static/` and
//! `i18n/` folders, then `themes/<theme>/…` under the site root, then the
//! default theme built into the binary — so a site overrides any file by
//! placing its own at the same path.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// The default theme, embedded at compile time.
pub mod embedded {
    macro_rules! files {
        ($($path:literal),* $(,)?) => {
            /// (path inside the theme, contents)
            pub const FILES: &[(&str, &[u8])] = &[
                $(($path, include_bytes!(concat!("../../../themes/default/", $path)))),*
            ];
        };
    }
    files!(
        "templates/base.html",
        "templates/macros.html",
        "templates/home.html",
        "templates/page.html",
        "templates/post.html",
        "templates/document.html",
        "templates/documents.html",
        "templates/section.html",
        "templates/list.html",
        "templates/tags.html",
        "templates/archive.html",
        "templates/404.html",
        "templates/alias.html",
        "templates/data_macros.html",
        "templates/targets.html",
        "templates/target.html",
        "templates/tasks.html",
        "templates/budget.html",
        "templates/dti.html",
        "templates/open_data.html",
        "templates/chart_embed.html",
        "templates/sharing_meta.html",
        "templates/chart.svg",
        "templates/units.html",
        "templates/unit.html",
        "templates/pillars.html",
        "templates/pillar.html",
        "templates/data_sections.html",
        "templates/bulletin_body.html",
        "templates/report_body.html",
        "templates/search.html",
        "templates/atom.xml",
        "templates/sitemap.xml",
        "static/style.css",
        "static/print.css",
        "static/favicon.svg",
        "static/search.js",
        "static/embed.css",
        "static/print.js",
        "i18n/vi.toml",
        "i18n/en.toml",
    );
}

/// A loaded theme.
#[derive(Debug, Default)]
pub struct Theme {
    /// Template name (`post.html`) → source.
    pub templates: BTreeMap<String, String>,
    /// Output path (`style.css`) → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Language → key → string.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
}

impl Theme {
    /// Loads the theme named in the config, with site overrides.
    pub fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Theme {
        let mut files: BTreeMap<String, (String, Vec<u8>)> = BTreeMap::new();
        for (path, bytes) in embedded::FILES {
            files.insert(
                (*path).to_owned(),
                (format!("(giao diện mặc định)/{path}"), bytes.to_vec()),
            );
        }
        let theme_dir = root.join("themes").join(name);
        if name != "default" && !theme_dir.is_dir() {
            diags.push(
                Diagnostic::error(crate::config::CONFIG_FILE, format!("không tìm thấy giao diện “{name}” (thư mục themes/{name}/)"))
                    .hint("kiểm tra khoá theme trong minhbach.toml, hoặc xoá khoá đó để dùng giao diện mặc định"),
            );
        }
        for base in [theme_dir, root.to_path_buf()] {
            for sub in ["templates", "static", "i18n"] {
                let dir = base.join(sub);
                if !dir.is_dir() {
                    continue;
                }
                for entry in walkdir::WalkDir::new(&dir)
                    .sort_by_file_name()
                    .into_iter()
                    .flatten()
                {
                    if entry.file_type().is_symlink() {
                        let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
                        diags.push(crate::content::load::symlink_skipped(shown));
                        continue;
                    }
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let name = entry.file_name().to_string_lossy();
                    if crate::content::load::is_ignored_name(&name) && name != ".htaccess" {
                        continue;
                    }
                    let rel = entry.path().strip_prefix(&base).unwrap_or(entry.path());
                    let key = rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/");
                    match std::fs::read(entry.path()) {
                        Ok(bytes) => {
                            let shown = entry
                                .path()
                                .strip_prefix(root)
                                .unwrap_or(entry.path())
                                .display()
                                .to_string();
                            files.insert(key, (shown, bytes));
                        }
                        Err(e) => diags.push(Diagnostic::error(
                            entry.path(),
                            format!("không đọc được tệp giao diện: {e}"),
                        )),
                    }
                }
            }
        }
        let mut theme = Theme::default();
        // Built-in strings first, so overrides may be partial.
        for (path, bytes) in embedded::FILES {
            if let Some(name) = path.strip_prefix("i18n/") {
                let text = String::from_utf8_lossy(bytes);
                if let Ok(map) = toml::from_str::<BTreeMap<String, String>>(&text) {
                    theme
                        .strings
                        .insert(name.trim_end_matches(".toml").to_owned(), map);
                }
            }
        }
        for (key, (shown, bytes)) in files {
            if let Some(name) = key.strip_prefix("templates/") {
                match String::from_utf8(bytes) {
                    Ok(s) => {
                        theme.templates.insert(name.to_owned(), s);
                    }
                    Err(_) => diags.push(
                        Diagnostic::error(shown, "mẫu giao diện không phải UTF-8")
                            .hint("lưu lại tệp với bảng mã UTF-8"),
                    ),
                }
            } else if let Some(name) = key.strip_prefix("static/") {
                theme.statics.insert(name.to_owned(), bytes);
            } else if let Some(name) = key.strip_prefix("i18n/") {
                let lang = name.trim_end_matches(".toml").to_owned();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                match toml::from_str::<BTreeMap<String, String>>(&text) {
                    // Merged key by key: a site's i18n/vi.toml may hold only
                    // the strings it changes.
                    Ok(map) => theme.strings.entry(lang).or_default().extend(map),
                    Err(e) => diags.push(crate::config::toml_error(shown, &text, &e, 0)),
                }
            }
        }
        // Missing strings in another language fall back to Vietnamese.
        if let Some(vi) = theme.strings.get("vi").cloned() {
            for (lang, map) in theme.strings.iter_mut() {
                if lang != "vi" {
                    for (k, v) in &vi {
                        map.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
            }
        }
        theme
    }

    /// UI strings for a language (Vietnamese when unknown).
    pub fn strings_for(&self, lang: &str) -> &BTreeMap<String, String> {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        self.strings
            .get(lang)
            .or_else(|| self.strings.get("vi"))
            .unwrap_or(&EMPTY)
    }
}
