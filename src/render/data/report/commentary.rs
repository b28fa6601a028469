//! The officer's commentary files `content/bao-cao/<kỳ>.md`: taken out of
//! the content when they name a generated report, warned about (with the
//! names that would work) when they do not.

use super::REPORTS;
use crate::config::Config;
use crate::content::{Content, Page, PageKind};
use crate::data::compute::report::ReportPeriod;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Finds the commentary pages in `content/bao-cao/`, takes out those of a
/// generated report (returned by period) and warns about the others.
pub(super) fn take_commentaries(
    content: &mut Content,
    periods: &[ReportPeriod],
    config: &Config,
    has_data: bool,
    diags: &mut Diagnostics,
) -> Vec<(ReportPeriod, Page)> {
    let mut taken = Vec::new();
    let mut keep = Vec::with_capacity(content.pages.len());
    for page in std::mem::take(&mut content.pages) {
        let slug = page
            .path
            .strip_prefix(REPORTS)
            .map(|s| s.trim_end_matches('/'))
            .filter(|s| !s.is_empty() && !s.contains('/'));
        let Some(slug) = slug.filter(|_| page.published && page.kind != PageKind::Section) else {
            keep.push(page);
            continue;
        };
        match ReportPeriod::from_slug(slug) {
            Some(p) if periods.contains(&p) => {
                taken.push((p, std::sync::Arc::unwrap_or_clone(page)))
            }
            found => {
                if has_data || found.is_some() {
                    diags.push(commentary_warning(&page, slug, found, periods, config));
                }
                keep.push(page);
            }
        }
    }
    content.pages = keep;
    taken
}

fn commentary_warning(
    page: &Page,
    slug: &str,
    found: Option<ReportPeriod>,
    periods: &[ReportPeriod],
    config: &Config,
) -> Diagnostic {
    let names: Vec<String> = periods.iter().map(|p| p.slug()).collect();
    let list = if names.is_empty() {
        "hiện chưa có báo cáo nào".to_owned()
    } else {
        format!(
            "các báo cáo hiện có: {}",
            names
                .iter()
                .map(|n| format!("{n}.md"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let (message, hint) = match found {
        Some(p) => {
            let why = if !config.bao_cao.enabled {
                "báo cáo định kỳ đang tắt ([bao_cao] enabled = false trong minhbach.toml)"
                    .to_owned()
            } else if !config.bao_cao.kinds().contains(&p.kind()) {
                format!(
                    "kỳ này không có trong [bao_cao] ky của minhbach.toml (đang là: {})",
                    config.bao_cao.ky.join(", ")
                )
            } else {
                "kỳ này chưa bắt đầu hoặc chưa có số liệu (chỉ tiêu, nhiệm vụ, kết quả, kinh phí)"
                    .to_owned()
            };
            (
                format!(
                    "tệp nhận xét cho báo cáo {} nhưng không có báo cáo kỳ này: {why}; tệp được đăng như một trang thường",
                    p.label()
                ),
                format!(
                    "bổ sung số liệu của kỳ, hoặc đổi tên tệp theo một báo cáo có sẵn ({list})"
                ),
            )
        }
        None => {
            let known: Vec<&str> = names.iter().map(String::as_str).collect();
            let near = crate::suggest::nearest(slug, &known, 4)
                .map(|n| format!("có phải ý bạn là {n}.md? "))
                .unwrap_or_default();
            (
                format!(
                    "tên tệp “{slug}” trong thư mục bao-cao/ không phải tên một kỳ báo cáo; tệp được đăng như một trang thường, không ghép vào báo cáo nào"
                ),
                format!(
                    "{near}đặt tên tệp nhận xét theo kỳ: nam-2025.md, 6-thang-dau-nam-2026.md, 6-thang-cuoi-nam-2026.md, quy-1-nam-2026.md ({list})"
                ),
            )
        }
    };
    Diagnostic::warning(&page.display, message).hint(hint)
}
