//! The criteria checklist of Kế hoạch 02-KH/BCĐTW (`tieu-chi…` files):
//! `tieu-chi/` shows the site's own unit's checklist grouped by `Nhóm`
//! with its counts ("92/92 tiêu chí Xanh") and, on a site holding several
//! units, the units side by side (best first, Vietnamese order on ties);
//! `tieu-chi/<địa-phương>/` is one unit's checklist. A status is always a
//! word and a shape, never a colour alone.

use crate::render::data::wording::Worded;
use crate::render::engine::vars::Context;

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
        crate::render::data::wording::words_of(site)
            .get("chart_crit_unit")
            .to_owned()
    } else {
        site.config.unit.clone()
    }
}

fn name_of(site: &Site, u: &UnitChecklist) -> String {
    u.locality.clone().unwrap_or_else(|| own_name(site))
}

/// "92/92 tiêu chí Xanh", with "(minh họa)" when an illustrative row is
/// counted in.
pub fn green_text(c: &LightCounts, w: &charts::Words) -> String {
    let mut text = w.fmt(
        "chart_crit_green_of",
        &[
            ("green", &w.int(i64::from(c.green))),
            ("total", &w.int(i64::from(c.total()))),
        ],
    );
    if c.illustrative > 0 {
        text.push_str(w.get("chart_marked"));
    }
    text
}

fn chart_counts(c: &LightCounts) -> charts::LightCounts {
    charts::LightCounts {
        green: c.green,
        yellow: c.yellow,
        red: c.red,
    }
}

/// The headline figures of one unit.
fn stats(u: &UnitChecklist, w: &charts::Words) -> Vec<Stat> {
    let c = &u.counts;
    let marked = c.illustrative > 0;
    let _n = |v: u32| w.int(i64::from(v));
    vec![
        Stat {
            value: format!("{}/{}", w.int(c.green), w.int(c.total())),
            label: w.get("chart_crit_green").into(),
            note: w.get("chart_crit_green_note").into(),
            illustrative: marked,
        },
        Stat {
            value: w.int(c.yellow),
            label: w.get("chart_crit_yellow").into(),
            note: w.get("chart_crit_yellow_note").into(),
            illustrative: marked,
        },
        Stat {
            value: w.int(c.red),
            label: w.get("chart_crit_red").into(),
            note: w.get("chart_crit_red_note").into(),
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
            w.fmt("chart_crit_of_unit", &[("unit", &name_of(site, u))]),
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
        title: w.fmt(
            "chart_crit_summary",
            &[("text", &green_text(&u.counts, &w))],
        ),
        note: computed_note(&u.counts, &w),
        charts: vec![chart],
        ..SectionView::default()
    }];
    for (k, (group, counts, rows)) in u.groups.iter().enumerate() {
        let title = if group.is_empty() {
            w.get("chart_crit_other").to_owned()
        } else {
            group.clone()
        };
        let mut table = TableView::new(
            format!("{title}: {}", green_text(counts, &w)),
            &[
                (w.get("chart_crit_col_code"), false),
                (w.get("chart_crit_col_criterion"), false),
                (w.get("chart_crit_col_deadline"), false),
                (w.get("chart_col_status"), false),
                (w.get("chart_crit_col_basis"), false),
                (w.get("chart_crit_col_evidence"), false),
            ],
        );
        for &i in rows {
            let c = &data.set.criteria[i];
            let s = data.computed.criteria[i];
            let deadline = match (c.deadline, s.days_overdue) {
                (Some(d), Some(late)) => w.fmt(
                    "chart_crit_late",
                    &[("deadline", &d.word(&w)), ("days", &w.int(i64::from(late)))],
                ),
                (Some(d), None) => d.word(&w),
                (None, _) => String::new(),
            };
            let basis = match (s.source, c.completed) {
                (StatusSource::Computed, Some(done)) => {
                    w.fmt("chart_crit_computed_done", &[("date", &dates::short(done))])
                }
                (StatusSource::Computed, None) => w.get("chart_crit_computed").to_owned(),
                (StatusSource::Given, _) => w.get("chart_crit_reported").to_owned(),
            };
            table.rows.push(vec![
                CellView::text(c.id.clone()),
                CellView::text(c.statement.clone()),
                CellView::text(deadline),
                status_cell(s.light, c.illustrative, &w),
                CellView::text(basis),
                evidence_cell(&c.id, c.evidence.as_deref(), &w),
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

fn computed_note(c: &LightCounts, w: &charts::Words) -> String {
    if c.computed == 0 {
        return w.get("chart_crit_note_reported").into();
    }
    w.fmt(
        "chart_crit_note_computed",
        &[("n", &w.int(i64::from(c.computed)))],
    )
}

/// Evidence: a link when it is a web address, else its name.
fn evidence_cell(id: &str, evidence: Option<&str>, w: &charts::Words) -> CellView {
    match evidence {
        Some(e) if e.starts_with("https://") || e.starts_with("http://") => CellView {
            external: true,
            ..CellView::link(
                w.fmt("chart_crit_see_evidence", &[("id", id)]),
                e.to_owned(),
            )
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
                "{}{}",
                w.get("chart_crit_by_unit"),
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
        w.get("chart_crit_units_caption"),
        &[
            (w.get("chart_col_unit"), false),
            (w.get("chart_light_green"), true),
            (w.get("chart_light_yellow"), true),
            (w.get("chart_light_red"), true),
            (w.get("chart_col_total"), true),
        ],
    );
    for (name, u) in &rows {
        let n = |v: u32| CellView::num(w.int(i64::from(v))).marked(u.counts.illustrative > 0);
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
        title: w.get("chart_crit_units").into(),
        note: w.get("chart_crit_units_note").into(),
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
        Some(u) if all.len() == 1 => w.fmt(
            "chart_crit_whose_one",
            &[
                ("unit", &name_of(site, u)),
                ("text", &green_text(&u.counts, &w)),
            ],
        ),
        _ => w.fmt("chart_crit_whose_many", &[("n", &w.int(all.len() as i64))]),
    };
    let intro = w.fmt(
        "chart_crit_intro",
        &[
            ("whose", &whose),
            ("note", &dv::illustrative_note(marked, &w)),
        ],
    );
    let mut c = page_context(
        site,
        theme,
        CRITERIA,
        w.get("chart_crit_title"),
        &intro,
        vec![],
    );
    c.insert("stats", &own.map(|u| stats(u, &w)).unwrap_or_default());
    c.insert("sections", &sections);
    c
}

/// `tieu-chi/<địa-phương>/`: one locality's checklist.
pub fn unit_page(site: &Site, theme: &Theme, data: &SiteData, u: &UnitChecklist) -> Context {
    let w = data.chart_words();
    let name = name_of(site, u);
    let intro = w.fmt(
        "chart_crit_unit_intro",
        &[
            ("unit", &name),
            ("text", &green_text(&u.counts, &w)),
            (
                "note",
                &dv::illustrative_note(u.counts.illustrative > 0, &w),
            ),
        ],
    );
    let crumbs = vec![(w.get("chart_crit_title").to_owned(), link(site, CRITERIA))];
    let path = u
        .locality
        .as_deref()
        .map(unit_path)
        .unwrap_or_else(|| CRITERIA.to_owned());
    let mut c = page_context(
        site,
        theme,
        &path,
        &w.fmt("chart_crit_unit_title", &[("unit", &name)]),
        &intro,
        crumbs,
    );
    c.insert("stats", &stats(u, &w));
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
    let w = data.chart_words();
    let section = SectionView {
        id: "tieu-chi".into(),
        title: w.get("chart_crit_section").into(),
        href: link(site, &unit_path(name)),
        note: w.fmt(
            "chart_crit_section_note",
            &[
                ("text", &green_text(c, &w)),
                ("yellow", &w.int(i64::from(c.yellow))),
                ("red", &w.int(i64::from(c.red))),
            ],
        ),
        ..SectionView::default()
    };
    Some((section, c.illustrative > 0))
}
