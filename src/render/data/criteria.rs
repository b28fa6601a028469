//! The criteria checklist of Kế hoạch 02-KH/BCĐTW (`tieu-chi…` files):
//! `tieu-chi/` shows the site's own unit's checklist grouped by `Nhóm`
//! with its counts ("92/92 tiêu chí Xanh") and, on a site holding several
//! units, the units side by side (best first, Vietnamese order on ties);
//! `tieu-chi/<địa-phương>/` is one unit's checklist. A status is always a
//! word and a shape, never a colour alone.

use crate::render::data::wording::Worded;
use tera::Context;

use super::page_context;
use super::sections::{CellView, SectionView, TableView, cap_rows};
use super::views::{self as dv, ChartView, Stat, mark_title};
use crate::charts;
use crate::data::compute::criteria::{LightCounts, StatusSource, UnitChecklist, checklists};
use crate::data::values::Light;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::{Site, SiteData};
use crate::text::dates;
use crate::text::numbers::format_integer;
use crate::text::slugify;

pub use crate::site::generated::CRITERIA;

/// The page of one locality's checklist.
pub fn unit_path(locality: &str) -> String {
    let slug = slugify(locality);
    let slug = if slug.is_empty() { "don-vi" } else { &slug };
    format!("{CRITERIA}{slug}/")
}

/// The shape shown before a status word (hidden from screen readers: the
/// word says it).
fn symbol(light: Light) -> &'static str {
    match light {
        Light::Green => "✓",
        Light::Yellow => "▲",
        Light::Red => "✕",
    }
}

/// A status as a table cell: shape, word, badge class.
fn status_cell(light: Light, illustrative: bool, w: &charts::Words) -> CellView {
    CellView {
        badge: format!("badge badge-{}", light.slug()),
        symbol: symbol(light).to_owned(),
        ..CellView::text(light.word(w))
    }
    .marked(illustrative)
}

fn own_name(site: &Site) -> String {
    if site.config.unit.is_empty() {
        "Đơn vị".to_owned()
    } else {
        site.config.unit.clone()
    }
}

fn name_of(site: &Site, u: &UnitChecklist) -> String {
    u.locality.clone().unwrap_or_else(|| own_name(site))
}

/// "92/92 tiêu chí Xanh", with "(minh họa)" when an illustrative row is
/// counted in.
pub fn green_text(c: &LightCounts) -> String {
    format!(
        "{}/{} tiêu chí Xanh{}",
        format_integer(i64::from(c.green)),
        format_integer(i64::from(c.total())),
        if c.illustrative > 0 {
            " (minh họa)"
        } else {
            ""
        }
    )
}

fn chart_counts(c: &LightCounts) -> charts::LightCounts {
    charts::LightCounts {
        green: c.green,
        yellow: c.yellow,
        red: c.red,
    }
}

/// The headline figures of one unit.
fn stats(u: &UnitChecklist) -> Vec<Stat> {
    let c = &u.counts;
    let marked = c.illustrative > 0;
    let n = |v: u32| format_integer(i64::from(v));
    vec![
        Stat {
            value: format!("{}/{}", n(c.green), n(c.total())),
            label: "tiêu chí Xanh".into(),
            note: "đã đạt".into(),
            illustrative: marked,
        },
        Stat {
            value: n(c.yellow),
            label: "tiêu chí Vàng".into(),
            note: "đang thực hiện, chưa quá hạn".into(),
            illustrative: marked,
        },
        Stat {
            value: n(c.red),
            label: "tiêu chí Đỏ".into(),
            note: "chưa đạt, đã quá hạn".into(),
            illustrative: marked,
        },
    ]
}

/// One unit's checklist: a chart of its counts, then a section per group.
fn checklist_sections(
    site: &Site,
    data: &SiteData,
    u: &UnitChecklist,
    id: &str,
) -> Vec<SectionView> {
    let w = data.chart_words();
    let chart: ChartView = charts::criteria_states(&charts::CriteriaStates {
        words: data.chart_words(),
        id: format!("{id}-trang-thai"),
        title: mark_title(
            format!("Tiêu chí của {} theo trạng thái", name_of(site, u)),
            u.counts.illustrative > 0,
            &w,
        ),
        groups: vec![charts::CriteriaGroup {
            label: String::new(),
            counts: chart_counts(&u.counts),
        }],
    })
    .into();
    let mut out = vec![SectionView {
        id: format!("{id}-tong-hop"),
        title: format!("Tổng hợp: {}", green_text(&u.counts)),
        note: computed_note(&u.counts),
        charts: vec![chart],
        ..SectionView::default()
    }];
    for (k, (group, counts, rows)) in u.groups.iter().enumerate() {
        let title = if group.is_empty() {
            "Tiêu chí khác".to_owned()
        } else {
            group.clone()
        };
        let mut table = TableView::new(
            format!("{title}: {}", green_text(counts)),
            &[
                ("Mã", false),
                ("Tiêu chí", false),
                ("Hạn", false),
                ("Trạng thái", false),
                ("Cách xác định", false),
                ("Minh chứng", false),
            ],
        );
        for &i in rows {
            let c = &data.set.criteria[i];
            let s = data.computed.criteria[i];
            let deadline = match (c.deadline, s.days_overdue) {
                (Some(d), Some(late)) => {
                    format!(
                        "{} (quá {} ngày)",
                        d.word(&w),
                        format_integer(i64::from(late))
                    )
                }
                (Some(d), None) => d.word(&w),
                (None, _) => String::new(),
            };
            let basis = match (s.source, c.completed) {
                (StatusSource::Computed, Some(done)) => {
                    format!("tính toán: hoàn thành {}", dates::short(done))
                }
                (StatusSource::Computed, None) => "tính toán".to_owned(),
                (StatusSource::Given, _) => "đơn vị báo cáo".to_owned(),
            };
            table.rows.push(vec![
                CellView::text(c.id.clone()),
                CellView::text(c.statement.clone()),
                CellView::text(deadline),
                status_cell(s.light, c.illustrative, &w),
                CellView::text(basis),
                evidence_cell(&c.id, c.evidence.as_deref()),
            ]);
        }
        out.push(SectionView {
            id: format!("{id}-nhom-{}", k + 1),
            title,
            table: Some(table),
            ..SectionView::default()
        });
    }
    out
}

fn computed_note(c: &LightCounts) -> String {
    if c.computed == 0 {
        return "Trạng thái do đơn vị báo cáo.".into();
    }
    format!(
        "{} trạng thái được tính theo quy tắc: đã hoàn thành → Xanh; chưa hoàn thành, chưa quá hạn → Vàng (ngày đến hạn vẫn là Vàng); chưa hoàn thành, quá hạn → Đỏ (từ ngày sau hạn).",
        format_integer(i64::from(c.computed))
    )
}

/// Evidence: a link when it is a web address, else its name.
fn evidence_cell(id: &str, evidence: Option<&str>) -> CellView {
    match evidence {
        Some(e) if e.starts_with("https://") || e.starts_with("http://") => CellView {
            external: true,
            ..CellView::link(format!("Xem minh chứng {id}"), e.to_owned())
        },
        Some(e) => CellView::text(e),
        None => CellView::text(""),
    }
}

/// The units side by side: a chart (at most `MAX_BARS` units) and a table
/// of every unit, best first.
fn comparison_section(site: &Site, all: &[UnitChecklist]) -> SectionView {
    let w = crate::render::data::wording::words_of(site);
    let rows: Vec<(String, &UnitChecklist)> = all.iter().map(|u| (name_of(site, u), u)).collect();
    let (shown, note) = cap_rows(&rows);
    let marked = all.iter().any(|u| u.counts.illustrative > 0);
    let chart: ChartView = charts::criteria_states(&charts::CriteriaStates {
        words: site
            .data
            .as_ref()
            .map_or_else(charts::Words::vietnamese, |d| d.chart_words()),
        id: "tieu-chi-don-vi".into(),
        title: mark_title(
            format!(
                "Tiêu chí Xanh / Vàng / Đỏ theo đơn vị{}",
                note.as_deref()
                    .map(|n| format!(": {n}"))
                    .unwrap_or_default()
            ),
            marked,
            &w,
        ),
        groups: shown
            .iter()
            .map(|(name, u)| charts::CriteriaGroup {
                label: name.clone(),
                counts: chart_counts(&u.counts),
            })
            .collect(),
    })
    .into();
    let mut table = TableView::new(
        "Các đơn vị, tỷ lệ tiêu chí Xanh từ cao đến thấp",
        &[
            ("Đơn vị", false),
            ("Xanh", true),
            ("Vàng", true),
            ("Đỏ", true),
            ("Tổng", true),
        ],
    );
    for (name, u) in &rows {
        let n =
            |v: u32| CellView::num(format_integer(i64::from(v))).marked(u.counts.illustrative > 0);
        let first = match &u.locality {
            Some(l) => CellView::link(name.clone(), link(site, &unit_path(l))),
            None => CellView::link(
                name.clone(),
                format!("{}#tieu-chi-tong-hop", link(site, CRITERIA)),
            ),
        };
        table.rows.push(vec![
            first,
            n(u.counts.green),
            n(u.counts.yellow),
            n(u.counts.red),
            n(u.counts.total()),
        ]);
    }
    SectionView {
        id: "so-sanh".into(),
        title: "Các đơn vị".into(),
        note: "Xếp theo tỷ lệ tiêu chí Xanh (cao trước), rồi số tiêu chí Đỏ (ít trước), rồi tên theo thứ tự chữ cái tiếng Việt.".into(),
        table: Some(table),
        charts: vec![chart],
        ..SectionView::default()
    }
}

/// `tieu-chi/`.
pub fn criteria_page(site: &Site, theme: &Theme, data: &SiteData) -> Context {
    let w = data.chart_words();
    let all = checklists(&data.set, &data.computed.criteria);
    let own = all.iter().find(|u| u.locality.is_none());
    let mut sections = Vec::new();
    if all.len() > 1 || own.is_none() {
        sections.push(comparison_section(site, &all));
    }
    if let Some(u) = own {
        sections.extend(checklist_sections(site, data, u, "tieu-chi"));
    }
    let marked = all.iter().any(|u| u.counts.illustrative > 0);
    let whose = match own {
        Some(u) if all.len() == 1 => {
            format!(" của {}: {}.", name_of(site, u), green_text(&u.counts))
        }
        _ => format!(" của {} đơn vị.", format_integer(all.len() as i64)),
    };
    let intro = format!(
        "Danh mục tiêu chí chuyển đổi số, mỗi tiêu chí một trạng thái Xanh (đạt), Vàng (đang thực hiện, chưa quá hạn) hoặc Đỏ (quá hạn, chưa đạt) như cách theo dõi của Kế hoạch 02-KH/BCĐTW{whose}{}",
        dv::illustrative_note(marked, &w)
    );
    let mut c = page_context(
        site,
        theme,
        CRITERIA,
        "Tiêu chí chuyển đổi số",
        &intro,
        vec![],
    );
    c.insert("stats", &own.map(stats).unwrap_or_default());
    c.insert("sections", &sections);
    c
}

/// `tieu-chi/<địa-phương>/`: one locality's checklist.
pub fn unit_page(site: &Site, theme: &Theme, data: &SiteData, u: &UnitChecklist) -> Context {
    let w = data.chart_words();
    let name = name_of(site, u);
    let intro = format!(
        "Danh mục tiêu chí chuyển đổi số của {name}, trạng thái Xanh / Vàng / Đỏ như cách theo dõi của Kế hoạch 02-KH/BCĐTW: {}.{}",
        green_text(&u.counts),
        dv::illustrative_note(u.counts.illustrative > 0, &w)
    );
    let crumbs = vec![("Tiêu chí chuyển đổi số".to_owned(), link(site, CRITERIA))];
    let path = u
        .locality
        .as_deref()
        .map(unit_path)
        .unwrap_or_else(|| CRITERIA.to_owned());
    let mut c = page_context(
        site,
        theme,
        &path,
        &format!("Tiêu chí: {name}"),
        &intro,
        crumbs,
    );
    c.insert("stats", &stats(u));
    c.insert("sections", &checklist_sections(site, data, u, "tieu-chi"));
    c
}

/// The output folders of the locality pages.
pub fn unit_paths(data: &SiteData) -> Vec<String> {
    checklists(&data.set, &data.computed.criteria)
        .iter()
        .filter_map(|u| u.locality.as_deref().map(unit_path))
        .collect()
}

/// The checklist of locality `name` as a section of its `dia-phuong/` page
/// (its counts and a link to `tieu-chi/<địa-phương>/`), and whether it
/// counts an illustrative row; `None` when it has no criteria.
pub fn locality_section(site: &Site, data: &SiteData, name: &str) -> Option<(SectionView, bool)> {
    let key = crate::text::fold(name);
    let u = checklists(&data.set, &data.computed.criteria)
        .into_iter()
        .find(|u| u.locality.as_deref().map(crate::text::fold) == Some(key.clone()))?;
    let c = &u.counts;
    let section = SectionView {
        id: "tieu-chi".into(),
        title: "Tiêu chí".into(),
        href: link(site, &unit_path(name)),
        note: format!(
            "{}; Vàng {}, Đỏ {}.",
            green_text(c),
            format_integer(i64::from(c.yellow)),
            format_integer(i64::from(c.red))
        ),
        ..SectionView::default()
    };
    Some((section, c.illustrative > 0))
}
