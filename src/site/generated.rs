//! Output folders of the pages minhbach generates rather than reads from
//! `content/` — the data pages, the search page, the site's sharing image —
//! and which data pages a site has. Both the view (links, menus, the
//! sitemap) and the pages themselves need these, so they live with the
//! model. Units and pillars are in [`super::identities`].

use super::SiteData;
use super::identities;

pub const TARGETS: &str = "chi-tieu/";
pub const TASKS: &str = "nhiem-vu/";
pub const BUDGET: &str = "kinh-phi/";
pub const DTI: &str = "chi-so-dti/";
pub const OPEN_DATA: &str = "du-lieu/";
/// Localities side by side (a site with data of several units).
pub const LOCALITIES: &str = "dia-phuong/";
/// Measured indicators without a target.
pub const INDICATORS: &str = "chi-so/";
/// The criteria checklist (Kế hoạch 02-KH/BCĐTW).
pub const CRITERIA: &str = "tieu-chi/";
/// The search page.
pub const SEARCH: &str = "tim-kiem/";
/// The site-wide sharing image (`og:image`).
pub const SHARING_IMAGE: &str = "chia-se.png";
/// Periodic reports (`render::data::report`), one page per period.
pub const REPORTS: &str = "bao-cao/";

/// The data pages that exist, as (UI string key of the name, path).
pub fn sections(data: &SiteData) -> Vec<(&'static str, &'static str)> {
    let set = &data.set;
    let mut out = Vec::new();
    if !set.targets.is_empty() {
        out.push(("nav_targets", TARGETS));
    }
    if !set.tasks.is_empty() {
        out.push(("nav_tasks", TASKS));
    }
    if !set.budget.is_empty() {
        out.push(("nav_budget", BUDGET));
    }
    if !set.indicators.is_empty() {
        out.push(("nav_dti", DTI));
    }
    if identities::has_pillars(set) {
        out.push(("nav_pillars", identities::PILLARS));
    }
    if !data.computed.units.is_empty() {
        out.push(("nav_units", identities::UNITS));
    }
    if !data.computed.localities.is_empty() {
        out.push(("nav_localities", LOCALITIES));
    }
    if !set.observations.is_empty() {
        out.push(("nav_indicators", INDICATORS));
    }
    if !set.criteria.is_empty() {
        out.push(("nav_criteria", CRITERIA));
    }
    out.push(("nav_open_data", OPEN_DATA));
    out
}

/// The first data page, for the "Số liệu" menu entry.
pub fn menu_target(site: &super::Site) -> Option<String> {
    let data = site.data.as_ref()?;
    sections(data).first().map(|(_, p)| (*p).to_owned())
}
