//! Localities side by side (`dia-phuong/`) and one page per locality
//! (`dia-phuong/<tên-bỏ-dấu>/`) on a site holding several units' data: each
//! locality's own targets, results, tasks, budget and DTI, never summed
//! with another's. The index compares them (targets met, overdue tasks,
//! disbursement, DTI with rank and change from the year before) in one
//! table, sorted in Vietnamese order, and a DTI chart capped at
//! [`MAX_BARS`](super::sections::MAX_BARS) bars.

use crate::render::engine::vars::Context;

use super::page_context;
use super::sections::{CellView, JumpLink, SectionView, TableView, cap_rows};
use super::views::{self as dv, Stat, mark_title};
use crate::charts;
use crate::data::compute::{DtiYear, LocalityTotals, TargetState, TaskState};
use crate::render::engine::theme::Theme;
use crate::render::engine::views::link;
use crate::site::{Site, SiteData};
use crate::text::{fold, slugify, vi_cmp};

mod locality;
pub use locality::{locality_page, search_entries};

pub use crate::site::generated::LOCALITIES;

/// The page path of a locality.
pub fn locality_path(name: &str) -> String {
    let slug = slugify(name);
    let slug = if slug.is_empty() { "dia-phuong" } else { &slug };
    format!("{LOCALITIES}{slug}/")
}

fn same(a: Option<&str>, b: &str) -> bool {
    a.is_some_and(|a| fold(a) == fold(b))
}

/// What one locality has, gathered once.
struct Facts<'a> {
    totals: &'a LocalityTotals,
    /// (target index, progress for this locality).
    targets: Vec<(usize, &'a crate::data::compute::TargetProgress)>,
    tasks: Vec<usize>,
}

/// What every locality has, in `Computed::localities` order, gathered in
/// one pass over the targets and tasks (names folded once each: a province
/// of 100 communes and 2,000 targets must not fold millions of names).
pub struct AllFacts<'a>(Vec<Facts<'a>>);

/// What one locality has, by index, owned (a lazy locality page keeps it,
/// see [`FactsIndex::facts`]): its targets, each with `None` for the
/// target's own progress or the index of its per-commune progress, and
/// its tasks.
#[derive(Debug, Clone, Default)]
pub struct FactsIndex {
    targets: Vec<(usize, Option<usize>)>,
    tasks: Vec<usize>,
}

impl FactsIndex {
    /// The facts of locality `k` of `data`, which this index was made from.
    fn facts<'a>(&self, data: &'a SiteData, k: usize) -> Facts<'a> {
        let progress = |&(i, c): &(usize, Option<usize>)| {
            let p = &data.computed.targets[i];
            (i, c.map_or(p, |c| &p.communes[c]))
        };
        Facts {
            totals: &data.computed.localities[k],
            targets: self.targets.iter().map(progress).collect(),
            tasks: self.tasks.clone(),
        }
    }
}

/// [`FactsIndex`] of every locality, in `Computed::localities` order.
pub fn facts_index(data: &SiteData) -> Vec<FactsIndex> {
    let locs = &data.computed.localities;
    let key_of: std::collections::HashMap<String, usize> = locs
        .iter()
        .enumerate()
        .map(|(k, l)| (fold(&l.name), k))
        .collect();
    let mut out = vec![FactsIndex::default(); locs.len()];
    let find = |name: Option<&str>| name.and_then(|n| key_of.get(&fold(n)).copied());
    for (i, (t, p)) in data
        .set
        .targets
        .iter()
        .zip(&data.computed.targets)
        .enumerate()
    {
        if let Some(k) = find(t.locality.as_deref()) {
            out[k].targets.push((i, None));
        }
        for (c, progress) in p.communes.iter().enumerate() {
            if let Some(k) = find(progress.commune.as_deref())
                && !out[k].targets.iter().any(|(j, _)| *j == i)
            {
                out[k].targets.push((i, Some(c)));
            }
        }
    }
    for (i, t) in data.set.tasks.iter().enumerate() {
        if let Some(k) = find(t.locality.as_deref()) {
            out[k].tasks.push(i);
        }
    }
    out
}

pub fn all_facts(data: &SiteData) -> AllFacts<'_> {
    AllFacts(
        facts_index(data)
            .iter()
            .enumerate()
            .map(|(k, ix)| ix.facts(data, k))
            .collect(),
    )
}

impl Facts<'_> {
    fn met(&self) -> (usize, usize) {
        let met = self
            .targets
            .iter()
            .filter(|(_, p)| p.state == TargetState::Achieved)
            .count();
        (met, self.targets.len())
    }

    fn overdue(&self, data: &SiteData) -> usize {
        self.tasks
            .iter()
            .filter(|&&i| data.computed.tasks[i].state == TaskState::Overdue)
            .count()
    }

    fn unreported(&self, data: &SiteData) -> usize {
        self.tasks
            .iter()
            .filter(|&&i| data.computed.tasks[i].state == TaskState::DueUnreported)
            .count()
    }

    fn budget_year(&self, year: i16) -> Option<(i16, crate::data::compute::BudgetTotals)> {
        let b = &self.totals.budget.by_year;
        b.iter().find(|(y, _)| *y == year).or(b.last()).copied()
    }

    fn dti(&self, year: i16) -> Option<&DtiYear> {
        self.totals.dti.iter().find(|y| y.year == year)
    }
}

fn dti_marked(data: &SiteData, name: &str, year: i16) -> bool {
    data.set
        .scores
        .iter()
        .any(|s| s.year == year && s.illustrative && same(s.locality.as_deref(), name))
}

/// The latest DTI year any locality has, and each locality's rank that
/// year (1 = highest index; equal indices share a rank).
fn dti_ranks(all: &[&Facts]) -> Option<(i16, Vec<Option<usize>>)> {
    let year = all
        .iter()
        .filter_map(|f| f.totals.dti.last().map(|y| y.year))
        .max()?;
    let index = |f: &Facts| f.dti(year).and_then(|y| y.total.index);
    let ranks = all
        .iter()
        .map(|f| {
            index(f).map(|mine| {
                1 + all
                    .iter()
                    .filter(|o| index(o).is_some_and(|x| x > mine))
                    .count()
            })
        })
        .collect();
    Some((year, ranks))
}

fn signed(w: &crate::charts::Words, v: f64, decimals: usize) -> String {
    if v > 0.0 {
        format!("+{}", w.fixed(v, decimals))
    } else {
        w.fixed(v, decimals)
    }
}

/// `dia-phuong/`: every locality side by side.
/// Above this many localities, the side-by-side table is split into groups
/// by the initial of the name (after "Xã", "Phường"…) with a jump list.
pub const GROUP_ABOVE: usize = 30;

/// A locality's name without its level word: "Xã Đông Hà" → "Đông Hà".
fn bare_name(name: &str) -> &str {
    const LEVELS: [&str; 10] = [
        "xã ",
        "phường ",
        "thị trấn ",
        "đặc khu ",
        "thị xã ",
        "thành phố ",
        "huyện ",
        "quận ",
        "tỉnh ",
        "tp. ",
    ];
    let lower = name.to_lowercase();
    LEVELS
        .iter()
        .find(|l| lower.starts_with(*l) && lower.len() == name.len())
        .map_or(name, |l| name[l.len()..].trim_start())
}

/// The group letter of a locality: the initial of its bare name without
/// tone marks ("Ân Phú" → "A"), "Đ" kept apart as in the Vietnamese alphabet.
fn initial(name: &str) -> String {
    match bare_name(name).chars().next() {
        Some('đ' | 'Đ') => "Đ".to_owned(),
        Some(c) => fold(&c.to_string()).to_uppercase(),
        None => String::new(),
    }
}

pub fn localities_page(site: &Site, theme: &Theme, data: &SiteData, facts: &AllFacts) -> Context {
    let w = data.chart_words();
    let year = site.today.year();
    let mut all: Vec<&Facts> = facts.0.iter().collect();
    let grouped = all.len() > GROUP_ABOVE;
    if grouped {
        all.sort_by(|a, b| {
            let (x, y) = (&a.totals.name, &b.totals.name);
            vi_cmp(&initial(x), &initial(y))
                .then_with(|| vi_cmp(bare_name(x), bare_name(y)))
                .then_with(|| vi_cmp(x, y))
        });
    } else {
        all.sort_by(|a, b| vi_cmp(&a.totals.name, &b.totals.name));
    }
    let ranks = dti_ranks(&all);
    let dti_year = ranks.as_ref().map(|(y, _)| *y);
    let dti_header = dti_year.map_or(w.get("chart_loc_dti").to_owned(), |y| {
        w.fmt("chart_loc_dti_year", &[("year", &y.to_string())])
    });
    let budget_header = w.fmt("chart_loc_disbursed_year", &[("year", &year.to_string())]);
    // Tasks past their deadline with no reported status get their own
    // column when any locality has one (decision 0022): never shown as
    // overdue, never hidden.
    let unreported_col = all.iter().any(|f| f.unreported(data) > 0);
    let mut headers = vec![
        (w.get("chart_loc_locality"), false),
        (w.get("chart_loc_targets_met"), true),
        (w.get("chart_loc_tasks_overdue"), true),
        (budget_header.as_str(), true),
        (dti_header.as_str(), true),
        (w.get("chart_loc_dti_rank"), true),
        (w.get("chart_loc_change"), true),
    ];
    if unreported_col {
        headers.insert(3, (w.get("chart_task_due_unreported"), true));
    }
    let mut table = TableView::new(w.get("chart_loc_table"), &headers);
    let mut bars: Vec<(String, f64)> = Vec::new();
    let mut any_marked = false;
    for (k, f) in all.iter().enumerate() {
        let name = &f.totals.name;
        let (met, n) = f.met();
        let targets_marked = f.targets.iter().any(|(_, p)| p.illustrative);
        let tasks_marked = f.tasks.iter().any(|&i| data.set.tasks[i].illustrative);
        let budget = f.budget_year(year).filter(|(y, _)| *y == year);
        let budget_marked = data
            .set
            .budget
            .iter()
            .any(|l| l.year == year && l.illustrative && same(l.locality.as_deref(), name));
        let dti = dti_year.and_then(|y| f.dti(y));
        let dti_mark = dti_year.is_some_and(|y| dti_marked(data, name, y));
        any_marked |= targets_marked || tasks_marked || budget_marked || dti_mark;
        if let Some(i) = dti.and_then(|y| y.total.index) {
            bars.push((name.clone(), i));
        }
        let mut row = vec![
            CellView::link(name.clone(), link(site, &locality_path(name))),
            CellView::num(if n == 0 {
                "–".to_owned()
            } else {
                format!("{}/{}", w.int(met as i64), w.int(n as i64))
            })
            .marked(targets_marked),
            CellView::num(w.int(f.overdue(data) as i64)).marked(tasks_marked),
            CellView::num(budget.map_or("–".to_owned(), |(_, t)| dv::disbursed_rate(&t, &w)))
                .marked(budget_marked),
            CellView::num(
                dti.and_then(|y| y.total.index)
                    .map_or("–".into(), |i| w.fixed(i, 4)),
            )
            .marked(dti_mark),
            CellView::num(
                ranks
                    .as_ref()
                    .and_then(|(_, r)| r[k])
                    .map_or("–".into(), |r| format!("{r}/{}", bars_len(&ranks))),
            ),
            CellView::num(
                dti.and_then(|y| y.total.change_index)
                    .map_or("–".into(), |c| signed(&w, c, 4)),
            ),
        ];
        if unreported_col {
            row.insert(
                3,
                CellView::num(w.int(f.unreported(data) as i64)).marked(tasks_marked),
            );
        }
        table.rows.push(row);
    }
    let note = w.get("chart_loc_note");
    let mut sections = if grouped {
        group_sections(&all, table, note, &w)
    } else {
        vec![SectionView {
            id: "so-sanh".into(),
            title: w.get("chart_loc_compare").into(),
            note: note.into(),
            table: Some(table),
            ..SectionView::default()
        }]
    };
    if let Some(y) = dti_year
        && !bars.is_empty()
    {
        bars.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| vi_cmp(&a.0, &b.0)));
        let (shown, note) = cap_rows(&bars);
        let title = match &note {
            Some(n) => format!(
                "{}: {n}",
                w.fmt("chart_loc_dti_chart", &[("year", &y.to_string())])
            ),
            None => w.fmt("chart_loc_dti_chart", &[("year", &y.to_string())]),
        };
        let chart = charts::commune_comparison(&charts::CommuneComparison {
            words: data.chart_words(),
            id: format!("dia-phuong-dti-{y}"),
            title: mark_title(
                title,
                data.set
                    .scores
                    .iter()
                    .any(|s| s.year == y && s.illustrative && s.locality.is_some()),
                &w,
            ),
            unit: String::new(),
            target: None,
            comparison: charts::Comparison::AtLeast,
            highlight: None,
            rows: shown
                .into_iter()
                .map(|(name, v)| charts::CommuneValue {
                    name,
                    value: Some(v),
                })
                .collect(),
        });
        sections.push(SectionView {
            id: "dti".into(),
            title: w.fmt("chart_loc_dti_year", &[("year", &y.to_string())]),
            charts: vec![chart.into()],
            ..SectionView::default()
        });
    }
    let intro = w.fmt(
        "chart_loc_intro",
        &[
            ("n", &w.int(all.len() as i64)),
            ("note", &dv::illustrative_note(any_marked, &w)),
        ],
    );
    let mut c = page_context(
        site,
        theme,
        LOCALITIES,
        w.get("chart_loc_title"),
        &intro,
        vec![],
    );
    c.insert("stats", &Vec::<Stat>::new());
    c.insert("sections", &sections);
    c
}

/// The comparison table split by initial letter: a first section with the
/// jump list, then one section (and table) per letter, rows in `all` order.
fn group_sections(
    all: &[&Facts],
    table: TableView,
    note: &str,
    w: &charts::Words,
) -> Vec<SectionView> {
    let TableView {
        caption,
        headers,
        rows,
    } = table;
    let mut groups: Vec<(String, TableView)> = Vec::new();
    for (f, row) in all.iter().zip(rows) {
        let letter = initial(&f.totals.name);
        if groups.last().is_none_or(|(l, _)| *l != letter) {
            let t = TableView {
                caption: w.fmt(
                    "chart_loc_letter_caption",
                    &[("caption", &caption), ("letter", &letter)],
                ),
                headers: headers.clone(),
                rows: Vec::new(),
            };
            groups.push((letter.clone(), t));
        }
        groups.last_mut().expect("pushed").1.rows.push(row);
    }
    let id = |l: &str| format!("nhom-{}", slugify(l));
    let mut out = vec![SectionView {
        id: "so-sanh".into(),
        title: w.get("chart_loc_compare").into(),
        note: w.fmt(
            "chart_loc_grouped_note",
            &[("note", note), ("n", &w.int(all.len() as i64))],
        ),
        links: groups
            .iter()
            .map(|(l, t)| JumpLink {
                id: id(l),
                text: format!("{l} ({})", w.int(t.rows.len() as i64)),
            })
            .collect(),
        ..SectionView::default()
    }];
    out.extend(groups.into_iter().map(|(l, t)| SectionView {
        id: id(&l),
        title: w.fmt("chart_loc_letter", &[("letter", &l)]),
        table: Some(t),
        ..SectionView::default()
    }));
    out
}

fn bars_len(ranks: &Option<(i16, Vec<Option<usize>>)>) -> usize {
    ranks
        .as_ref()
        .map_or(0, |(_, r)| r.iter().filter(|x| x.is_some()).count())
}
