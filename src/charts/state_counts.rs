//! What the charts of counts by state (tasks by state, criteria by status)
//! share beyond the drawing: the counts' states in drawing order, the choice
//! between the empty picture, one bar per state and stacked bars, and the
//! data table (by state for one group, by group and state for several).

use super::state_bars::{self, State};
use super::svg;
use super::table::{Column, Table};
use super::words::Words;
use super::{Chart, chart_id};

/// Counts by state of one group.
pub(crate) trait StateCounts: Copy + Default {
    /// Each state's count, paint and word (in `w`'s language), in drawing
    /// order.
    fn states<'a>(&self, w: &'a Words) -> Vec<State<'a>>;

    /// All counts together.
    fn total(&self) -> u64 {
        self.states(&Words::vietnamese())
            .iter()
            .map(|s| u64::from(s.0))
            .sum()
    }
}

/// A whole number in the language of `w` ("1.234" / "1,234").
pub(crate) fn int(w: &Words, v: u64) -> String {
    w.int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// `count` as a share of `total` ("12,5 %"), or "–" when there is none.
pub(crate) fn share(w: &Words, count: u32, total: u64) -> String {
    if total == 0 {
        "–".to_owned()
    } else {
        w.percent(100.0 * f64::from(count) / total as f64, 1)
    }
}

/// The chart: its id from `raw_id`, its SVG (see [`svg`]) and its table
/// (see [`table`]).
#[allow(clippy::too_many_arguments)]
pub(crate) fn chart<C: StateCounts>(
    w: &Words,
    raw_id: &str,
    title: &str,
    desc: String,
    count_header: &str,
    groups: &[(&str, C)],
    single_text: impl Fn(u32, u64) -> String,
    stacked_parts: impl Fn(&C) -> Vec<String>,
) -> Chart {
    let id = chart_id(raw_id);
    let table_html = table(w, title, count_header, groups);
    let svg = svg(w, &id, title, &desc, groups, single_text, stacked_parts);
    Chart {
        id,
        title: title.to_owned(),
        desc,
        svg,
        table_html,
    }
}

/// The chart's SVG: the "no data" picture when every count is zero; for one
/// group a bar per state with `single_text(count, total)` beside it; for
/// several a stacked bar per group with `stacked_parts(counts)` under it.
fn svg<C: StateCounts>(
    w: &Words,
    id: &str,
    title: &str,
    desc: &str,
    groups: &[(&str, C)],
    single_text: impl Fn(u32, u64) -> String,
    stacked_parts: impl Fn(&C) -> Vec<String>,
) -> String {
    let total: u64 = groups.iter().map(|g| g.1.total()).sum();
    if total == 0 {
        return svg::empty_svg(id, title, w.get("chart_no_data"));
    }
    if let [(_, counts)] = groups {
        let states = counts.states(w);
        let total = counts.total();
        let texts: Vec<String> = states.iter().map(|s| single_text(s.0, total)).collect();
        return state_bars::single(id, &states, &texts, title, desc);
    }
    let bars: Vec<(&str, Vec<State>, Vec<String>)> = groups
        .iter()
        .map(|(label, counts)| (*label, counts.states(w), stacked_parts(counts)))
        .collect();
    state_bars::stacked(id, &C::default().states(w), &bars, title, desc)
}

/// The data table: for one group its count and share by state with a total
/// (`count_header` names the count column); for several, a row per group
/// ("Đơn vị") with a column per state and the total.
fn table<C: StateCounts>(
    w: &Words,
    title: &str,
    count_header: &str,
    groups: &[(&str, C)],
) -> String {
    if let [(_, counts)] = groups {
        let total = counts.total();
        let mut table = Table::new(
            title,
            vec![
                Column::text(w.get("chart_col_status")),
                Column::num(count_header),
                Column::num(w.get("chart_col_share")),
            ],
        )
        .no_data(w.get("chart_no_data"));
        for (count, _, label) in counts.states(w) {
            table.row(vec![
                label.to_owned(),
                int(w, count.into()),
                share(w, count, total),
            ]);
        }
        table.footer(vec![
            w.get("chart_col_total").to_owned(),
            int(w, total),
            String::new(),
        ]);
        return table.render();
    }
    let mut columns = vec![Column::text(w.get("chart_col_unit"))];
    columns.extend(C::default().states(w).iter().map(|s| Column::num(s.2)));
    columns.push(Column::num(w.get("chart_col_total")));
    let mut table = Table::new(title, columns).no_data(w.get("chart_no_data"));
    for (label, counts) in groups {
        let mut row = vec![(*label).to_owned()];
        row.extend(counts.states(w).iter().map(|s| int(w, s.0.into())));
        row.push(int(w, counts.total()));
        table.row(row);
    }
    table.render()
}
