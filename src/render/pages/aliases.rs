//! Redirect pages for a page's old addresses (`aliases` in front matter).

use crate::render::engine::context::base_context;
use crate::render::engine::jobs::Job;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::{link, root_for};
use crate::site::Site;

pub(crate) fn alias_jobs(site: &Site, theme: &Theme, jobs: &mut Vec<Job>) {
    for page in &site.pages {
        for alias in &page.fm.aliases {
            let a = alias.trim_matches('/');
            if a.is_empty() {
                continue;
            }
            let path = if a.ends_with(".html") {
                a.to_owned()
            } else {
                format!("{a}/index.html")
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
