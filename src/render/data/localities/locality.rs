//! One locality's own page (`dia-phuong/<tên>/`): its dashboard tiles,
//! targets, tasks, DTI scores and criteria, and the same tiles as the text
//! of its search entry. The comparison of all localities and the facts
//! both use are in `localities.rs`.

use crate::render::engine::vars::Context;

use super::{Facts, FactsIndex, LOCALITIES, all_facts, dti_marked, locality_path, same, signed};
use crate::render::data::page_context;
use crate::render::data::sections::{CellView, SectionView, TableView};
use crate::render::data::task_views::task_anchor;
use crate::render::data::views::{self as dv, Stat, quantity, target_path};
use crate::render::data::wording::Worded;
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::{Site, SiteData};

/// One locality's dashboard tiles, and whether any is illustrative.
fn locality_stats(site: &Site, data: &SiteData, f: &Facts) -> (Vec<Stat>, bool) {
    let w = data.chart_words();
    let totals = f.totals;
    let name = totals.name.as_str();
    let year = site.today.year();
    let mut stats = Vec::new();
    let mut marked = false;
    if !f.targets.is_empty() {
        let (met, n) = f.met();
        let m = f.targets.iter().any(|(_, p)| p.illustrative);
        marked |= m;
        stats.push(Stat {
            value: format!("{}/{}", w.int(met as i64), w.int(n as i64)),
            label: w.get("chart_loc_stat_met").into(),
            note: String::new(),
            illustrative: m,
        });
    }
    if !f.tasks.is_empty() {
        let m = f.tasks.iter().any(|&i| data.set.tasks[i].illustrative);
        marked |= m;
        stats.push(Stat {
            value: w.int(f.overdue(data) as i64),
            label: w.get("chart_loc_tasks_overdue").into(),
            note: w.fmt(
                "chart_loc_of_tasks",
                &[
                    ("n", &w.int(f.tasks.len() as i64)),
                    (
                        "unreported",
                        &match f.unreported(data) {
                            0 => String::new(),
                            u => w.fmt("chart_loc_unreported", &[("n", &w.int(u as i64))]),
                        },
                    ),
                ],
            ),
            illustrative: m,
        });
    }
    if let Some((y, t)) = f.budget_year(year) {
        let m = data
            .set
            .budget
            .iter()
            .any(|l| l.year == y && l.illustrative && same(l.locality.as_deref(), name));
        marked |= m;
        stats.push(Stat {
            value: dv::disbursed_rate(&t, &w),
            label: w.fmt("chart_loc_rate_year", &[("year", &y.to_string())]),
            note: dv::disbursed_note(&t, &w),
            illustrative: m,
        });
    }
    if let Some(y) = totals.dti.last() {
        let m = dti_marked(data, name, y.year);
        marked |= m;
        stats.push(Stat {
            value: y.total.index.map_or("–".into(), |i| w.fixed(i, 4)),
            label: w.fmt("chart_loc_dti_year", &[("year", &y.year.to_string())]),
            note: format!(
                "{}{}",
                w.fmt(
                    "chart_points_of",
                    &[
                        ("points", &w.dec(y.total.points, 2)),
                        ("max", &w.dec(y.total.max, 2)),
                    ],
                ),
                y.total
                    .change_index
                    .map(|c| w.fmt("chart_loc_vs_previous", &[("change", &signed(&w, c, 4))]))
                    .unwrap_or_default()
            ),
            illustrative: m,
        });
    }
    (stats, marked)
}

/// Search text of every locality page: (name, page path, text). The text is
/// the page's tiles in the page's words ("Tỷ lệ giải ngân kinh phí năm 2025:
/// chưa có số liệu…"), so search and page never disagree.
pub fn search_entries(site: &Site, data: &SiteData) -> Vec<(String, String, String)> {
    let facts = all_facts(data);
    facts
        .0
        .iter()
        .map(|f| {
            let (stats, marked) = locality_stats(site, data, f);
            let w = data.chart_words();
            let mut text = w.fmt("chart_loc_own", &[("name", &f.totals.name)]);
            for s in &stats {
                text.push_str(&format!(" {}: {}", s.label, s.value));
                if !s.note.is_empty() {
                    text.push_str(&format!(" ({})", s.note));
                }
                text.push('.');
            }
            if marked {
                text.push(' ');
                text.push_str(w.get("chart_illustrative"));
                text.push('.');
            }
            (f.totals.name.clone(), locality_path(&f.totals.name), text)
        })
        .collect()
}

/// One locality's own page: its dashboard, targets, tasks and DTI.
pub fn locality_page(
    site: &Site,
    theme: &Theme,
    data: &SiteData,
    index: &FactsIndex,
    k: usize,
) -> Context {
    let w = data.chart_words();
    let f = &index.facts(data, k);
    let totals = f.totals;
    let name = totals.name.as_str();
    let (stats, mut marked) = locality_stats(site, data, f);
    let mut sections = Vec::new();
    if !f.targets.is_empty() {
        let mut table = TableView::new(
            w.fmt("chart_loc_targets_of", &[("name", name)]),
            &[
                (w.get("chart_crit_col_code"), false),
                (w.get("chart_col_target"), false),
                (w.get("chart_col_goal"), false),
                (w.get("chart_col_result"), true),
                (w.get("chart_col_state"), false),
            ],
        );
        for (i, p) in &f.targets {
            let t = &data.set.targets[*i];
            let m = dv::latest(data, p);
            table.rows.push(vec![
                CellView::link(t.id.clone(), link(site, &target_path(&t.id))),
                CellView::text(t.statement.clone()),
                CellView::text(dv::target_text_in(t, &w)),
                CellView::num(m.map_or("–".to_owned(), |m| {
                    format!(
                        "{} ({})",
                        quantity(m.value, t.unit.as_deref(), &w),
                        m.period.word(&w)
                    )
                }))
                .marked(p.illustrative),
                CellView::text(p.state.word(&w)),
            ]);
        }
        sections.push(SectionView {
            id: "chi-tieu".into(),
            title: w.get("chart_col_target").into(),
            table: Some(table),
            ..SectionView::default()
        });
    }
    if !f.tasks.is_empty() {
        let mut table = TableView::new(
            w.fmt("chart_loc_tasks_of", &[("name", name)]),
            &[
                (w.get("chart_crit_col_code"), false),
                (w.get("chart_col_task"), false),
                (w.get("chart_col_lead"), false),
                (w.get("chart_crit_col_deadline"), false),
                (w.get("chart_col_state"), false),
            ],
        );
        for &i in &f.tasks {
            let t = &data.set.tasks[i];
            let p = &data.computed.tasks[i];
            table.rows.push(vec![
                CellView::link(
                    t.id.clone(),
                    format!(
                        "{}#{}",
                        link(site, crate::render::data::TASKS),
                        task_anchor(&t.id)
                    ),
                ),
                CellView::text(t.statement.clone()),
                CellView::text(t.lead.clone()),
                CellView::text(t.deadline.map(|d| d.word(&w)).unwrap_or_default()),
                CellView::text(p.state.word(&w)).marked(t.illustrative),
            ]);
        }
        sections.push(SectionView {
            id: "nhiem-vu".into(),
            title: w.get("chart_col_tasks_heading").into(),
            table: Some(table),
            ..SectionView::default()
        });
    }
    if !totals.dti.is_empty() {
        let mut table = TableView::new(
            w.fmt("chart_loc_dti_of", &[("name", name)]),
            &[
                (w.get("chart_col_year"), false),
                (w.get("chart_col_points"), true),
                (w.get("chart_dti_index"), true),
                (w.get("chart_loc_change"), true),
            ],
        );
        for y in totals.dti.iter().rev() {
            table.rows.push(vec![
                CellView::text(y.year.to_string()),
                CellView::num(format!(
                    "{} / {}",
                    w.dec(y.total.points, 2),
                    w.dec(y.total.max, 2)
                ))
                .marked(dti_marked(data, name, y.year)),
                CellView::num(y.total.index.map_or("–".into(), |i| w.fixed(i, 4))),
                CellView::num(
                    y.total
                        .change_index
                        .map_or("–".into(), |c| signed(&w, c, 4)),
                ),
            ]);
        }
        sections.push(SectionView {
            id: "dti".into(),
            title: w.get("chart_loc_dti").into(),
            table: Some(table),
            ..SectionView::default()
        });
    }
    if let Some(section) = crate::render::data::criteria::locality_section(site, data, name) {
        marked |= section.1;
        sections.push(section.0);
    }
    let intro = format!(
        "{}{}",
        w.fmt("chart_loc_own", &[("name", name)]),
        dv::illustrative_note(marked, &w)
    );
    let crumbs = vec![(w.get("chart_loc_title").to_owned(), link(site, LOCALITIES))];
    let path = locality_path(name);
    let mut c = page_context(site, theme, &path, name, &intro, crumbs);
    // The unit of the same name (don-vi/…) has its own page: titles differ.
    c.insert(
        "page_title",
        &w.fmt("chart_loc_page_title", &[("name", name)]),
    );
    c.insert("stats", &stats);
    c.insert("sections", &sections);
    c
}
