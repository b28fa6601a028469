//! Redirect pages for a page's old addresses (`aliases` in front matter).

use crate::render::engine::context::base_context;
use crate::render::engine::jobs::Job;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{link, root_for};
use crate::site::Site;

pub(crate) fn alias_jobs(site: &Site, theme: &Theme, jobs: &mut Vec<Job>) {
    for page in &site.pages {
        for alias in &page.fm.aliases {
            let Some(path) = alias_path(alias) else {
                continue;
            };
            let mut c = base_context(site, theme, &path, &site.config.language, &page.title, "");
            let root = root_for(&path);
            c.insert("target", &format!("{root}{}", link(site, &page.path)));
            c.insert(
                "target_abs",
                &format!("{}{}", site.config.base_url, page.path),
            );
            jobs.push(Job {
                path,
                template: "alias.html".into(),
                context: c,
            });
        }
    }
}

/// The output file of an alias (`tin-tuc/cu/` → `tin-tuc/cu/index.html`,
/// `cu.html` as is), with Windows device names renamed like slugs
/// (`con/` → `con-/index.html`). `None` for an empty alias.
pub(crate) fn alias_path(alias: &str) -> Option<String> {
    let a = crate::text::windows_safe_path(alias.trim_matches('/'));
    if a.is_empty() {
        None
    } else if a.ends_with(".html") {
        Some(a.into_owned())
    } else {
        Some(format!("{a}/index.html"))
    }
}
