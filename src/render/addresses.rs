//! Every output path of a planned build goes through one registry
//! ([`crate::output::registry`]); a clash is a located error naming both
//! owners, in Vietnamese, with a hint: a page whose file name or `slug`
//! takes a generated section (`tim-kiem`, `chi-tieu`…), an alias over a
//! real page or over a file (`sitemap.xml`), two pages at one address.
//! Owners are found only for a clash: pages (at their `slug` line or line
//! 1), aliases (at their own line), content assets, static files, and what
//! minhbach generates (named by where it lives).

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::registry::{Clash, Registry};
use crate::render::data::{BUDGET, DTI, OPEN_DATA, TARGETS, TASKS};
use crate::render::engine::jobs::Plan;
use crate::render::engine::theme::Theme;
use crate::render::pages::aliases::alias_path;
use crate::site::Site;

/// One claimant of an output path.
struct Owner {
    /// How the message names it.
    name: String,
    /// File and line to point at (`None` for generated files).
    at: Option<(String, usize)>,
    alias: bool,
    page: bool,
}

/// Claims every path of `plan` and reports each clash into `diags`.
pub(crate) fn check(site: &Site, theme: &Theme, plan: &Plan, diags: &mut Diagnostics) {
    let mut registry = Registry::default();
    plan.pending.iter().for_each(|p| registry.claim(p.path()));
    plan.fixed.files.keys().for_each(|p| registry.claim(p));
    plan.assets.iter().for_each(|(p, _)| registry.claim(p));
    for clash in registry.clashes() {
        diags.push(diagnostic(site, theme, &clash));
    }
    yielded(site, diags);
}

/// Addresses minhbach would generate but leaves to a page of the same
/// address (the generators skip them, so they never reach the registry):
/// an error naming both, except the documented replacement of the search
/// page by `content/tim-kiem.md`, which is a warning.
fn yielded(site: &Site, diags: &mut Diagnostics) {
    use crate::render::data::views::target_path;
    use crate::render::published::search::SEARCH;
    use crate::site::identities as index;
    let mut generated: Vec<(String, &str)> =
        vec![(SEARCH.to_owned(), "trang tìm kiếm và chỉ mục tìm kiếm")];
    if let Some(data) = &site.data {
        let set = &data.set;
        generated.push((OPEN_DATA.to_owned(), "trang dữ liệu mở"));
        if !set.targets.is_empty() {
            generated.push((
                TARGETS.to_owned(),
                "trang chỉ tiêu (cùng các biểu đồ của nó)",
            ));
            for t in &set.targets {
                generated.push((target_path(&t.id), "trang của một chỉ tiêu"));
            }
        }
        if !set.tasks.is_empty() {
            generated.push((TASKS.to_owned(), "trang nhiệm vụ"));
        }
        if !set.budget.is_empty() {
            generated.push((BUDGET.to_owned(), "trang kinh phí"));
        }
        if !set.indicators.is_empty() {
            generated.push((DTI.to_owned(), "trang chỉ số DTI"));
        }
        let pillars = index::site_pillars(data);
        if !pillars.is_empty() {
            generated.push((index::PILLARS.to_owned(), "trang trụ cột"));
            for p in pillars {
                generated.push((p.path.clone(), "trang của một trụ cột"));
            }
        }
        let units = index::units(data);
        if !units.is_empty() {
            generated.push((index::UNITS.to_owned(), "trang đơn vị"));
            for u in units {
                generated.push((u.path, "trang của một đơn vị"));
            }
        }
    }
    let by_path: std::collections::HashMap<&str, &str> =
        generated.iter().map(|(p, w)| (p.as_str(), *w)).collect();
    for p in &site.pages {
        let Some(what) = by_path.get(p.path.as_str()) else {
            continue;
        };
        let shown = p.display.display().to_string().replace('\\', "/");
        let line = if p.fm.slug.is_some() {
            p.fm.slug_line
        } else {
            1
        };
        let documented = p.path == SEARCH
            && p.fm.slug.is_none()
            && ["tim-kiem.md", "tim-kiem/_index.md", "tim-kiem/index.md"].contains(&p.rel.as_str());
        let msg = format!(
            "trang “{shown}” dùng địa chỉ “/{}” của {what} do minhbach tự tạo; trang tự tạo sẽ không được ghi",
            p.path
        );
        let d = if documented {
            Diagnostic::warning(&shown, msg).at(line.max(1), 1).hint(
                "đây là cách thay trang Tìm kiếm có chủ ý (minhbach không ghi chỉ mục tìm kiếm); xoá tệp này nếu muốn dùng trang mặc định",
            )
        } else {
            Diagnostic::error(&shown, msg).at(line.max(1), 1).hint(
                "đổi tên tệp hoặc đặt khoá slug khác; các địa chỉ tim-kiem, chi-tieu, nhiem-vu, kinh-phi, chi-so-dti, don-vi, tru-cot, du-lieu do minhbach tự tạo",
            )
        };
        diags.push(d);
    }
}

fn diagnostic(site: &Site, theme: &Theme, clash: &Clash) -> Diagnostic {
    match clash {
        Clash::Same { path, count } => {
            let mut owners = owners_of(site, theme, path);
            let generated = count.saturating_sub(owners.len());
            for _ in 0..generated {
                owners.push(generated_owner(site, path));
            }
            let url = url_of(path);
            let authors = owners.iter().filter(|o| o.page || o.alias).count();
            let msg = if authors >= 2 && owners.len() == authors {
                format!("hai trang cùng dùng địa chỉ “{url}”: {}", names(&owners))
            } else {
                format!(
                    "địa chỉ “{url}” (tệp {path}) bị hai nơi cùng tạo, một bên sẽ ghi đè bên kia: {}",
                    names(&owners)
                )
            };
            finish(msg, &owners)
        }
        Clash::FileAndFolder { file, inside } => {
            let mut owners = owners_of(site, theme, file);
            if owners.is_empty() {
                owners.push(generated_owner(site, file));
            }
            let mut inner = owners_of(site, theme, inside);
            if inner.is_empty() {
                inner.push(generated_owner(site, inside));
            }
            let msg = format!(
                "“{}” là một tệp ({}) nhưng {} cần nó là thư mục để chứa “{}”",
                url_of(file),
                names(&owners),
                names(&inner),
                url_of(inside)
            );
            owners.extend(inner);
            finish(msg, &owners)
        }
        Clash::Case { first, second } => {
            let mut owners = owners_of(site, theme, first);
            owners.extend(owners_of(site, theme, second));
            let msg = format!(
                "hai tệp đầu ra “{first}” và “{second}” chỉ khác chữ hoa/chữ thường; trên Windows đó là một tệp, tệp này sẽ ghi đè tệp kia"
            );
            finish(msg, &owners)
        }
    }
}

/// Locates the message at the most telling owner (an alias line, else the
/// last page in file order, else any file) and picks the hint.
fn finish(msg: String, owners: &[Owner]) -> Diagnostic {
    let at = owners
        .iter()
        .find(|o| o.alias)
        .or_else(|| owners.iter().rfind(|o| o.page))
        .or_else(|| owners.iter().find(|o| o.at.is_some()))
        .and_then(|o| o.at.clone());
    let hint = if owners.iter().any(|o| o.alias) && msg.contains("thư mục để chứa") {
        "bí danh là địa chỉ thư mục (tin-tuc/bai-cu/) hoặc tệp .html (bai-cu.html); đổi nó thành một địa chỉ cũ chưa có tệp nào dùng"
    } else if owners.iter().any(|o| o.alias) {
        "xoá bí danh (aliases) trùng với địa chỉ của trang khác, hoặc đổi nó thành một địa chỉ cũ chưa có trang nào dùng"
    } else if owners.iter().filter(|o| o.page).count() >= 2 {
        "đổi tên một tệp hoặc đặt khoá slug khác nhau cho hai trang"
    } else if owners.iter().any(|o| o.page) {
        "đổi tên tệp hoặc đặt khoá slug khác; các địa chỉ tim-kiem, chi-tieu, nhiem-vu, kinh-phi, chi-so-dti, don-vi, tru-cot, ban-tin, bieu-do, du-lieu và mục tin tức do minhbach tự tạo"
    } else {
        "đổi tên một trong hai tệp"
    };
    let d = match at {
        Some((file, line)) => Diagnostic::error(file, msg).at(line.max(1), 1),
        None => Diagnostic::error(crate::config::CONFIG_FILE, msg),
    };
    d.hint(hint)
}

fn names(owners: &[Owner]) -> String {
    owners
        .iter()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join(" và ")
}

/// `tin-tuc/index.html` → `/tin-tuc/`.
fn url_of(path: &str) -> String {
    format!("/{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// The author's claimants of `path`: pages, aliases, assets, static files.
fn owners_of(site: &Site, theme: &Theme, path: &str) -> Vec<Owner> {
    let mut owners = Vec::new();
    let mut pages: Vec<_> = site.pages.iter().collect();
    pages.sort_by(|a, b| a.display.cmp(&b.display));
    for p in pages {
        let shown = p.display.display().to_string().replace('\\', "/");
        if format!("{}index.html", p.path) == path {
            let line = if p.fm.slug.is_some() {
                p.fm.slug_line
            } else {
                1
            };
            owners.push(Owner {
                name: format!("“{shown}”"),
                at: Some((shown.clone(), line)),
                alias: false,
                page: true,
            });
        }
        for (i, a) in p.fm.aliases.iter().enumerate() {
            if alias_path(a).as_deref() == Some(path) {
                let line = p.fm.alias_lines.get(i).copied().unwrap_or(1);
                owners.push(Owner {
                    name: format!("bí danh (aliases) “{a}” của “{shown}”"),
                    at: Some((shown.clone(), line)),
                    alias: true,
                    page: false,
                });
            }
        }
    }
    for a in site.assets.iter().filter(|a| a.out == path) {
        let shown = a.source.display().to_string();
        owners.push(Owner {
            name: format!("tệp “{shown}”"),
            at: Some((shown, 1)),
            alias: false,
            page: false,
        });
    }
    for name in theme.statics.keys() {
        if crate::text::windows_safe_path(name) == path {
            owners.push(Owner {
                name: format!("tệp tĩnh “{name}” (thư mục static/ của trang hoặc của giao diện)"),
                at: None,
                alias: false,
                page: false,
            });
        }
    }
    owners
}

/// What minhbach generates at `path`, named by where it lives.
fn generated_owner(site: &Site, path: &str) -> Owner {
    let news = format!("{}/", site.config.sections.news);
    let what = if path.starts_with(crate::render::published::search::SEARCH) {
        "trang tìm kiếm và chỉ mục tìm kiếm"
    } else if path.starts_with(TARGETS) {
        "trang chỉ tiêu"
    } else if path.starts_with(TASKS) {
        "trang nhiệm vụ"
    } else if path.starts_with(BUDGET) {
        "trang kinh phí"
    } else if path.starts_with(DTI) {
        "trang chỉ số DTI"
    } else if path.starts_with(OPEN_DATA) {
        "tệp dữ liệu mở"
    } else if path.starts_with(crate::site::identities::UNITS) {
        "trang đơn vị"
    } else if path.starts_with(crate::site::identities::PILLARS) {
        "trang trụ cột"
    } else if path.starts_with(crate::render::data::bulletin::BULLETINS) {
        "trang bản tin"
    } else if path.starts_with(crate::render::data::report::REPORTS) {
        "trang báo cáo định kỳ"
    } else if path.starts_with(crate::render::data::charts::CHARTS) {
        "trang biểu đồ"
    } else if path == "sitemap.xml" {
        "sơ đồ trang (sitemap.xml)"
    } else if path == "404.html" {
        "trang 404"
    } else if path.ends_with("atom.xml") || path.ends_with("feed.json") {
        "nguồn tin (feed)"
    } else if path.ends_with(".png") {
        "ảnh chia sẻ"
    } else if path.starts_with(&news) {
        "danh sách tin tức (thẻ, lưu trữ, trang)"
    } else {
        "một tệp minhbach tự tạo"
    };
    Owner {
        name: format!("{what} do minhbach tự tạo"),
        at: None,
        alias: false,
        page: false,
    }
}
