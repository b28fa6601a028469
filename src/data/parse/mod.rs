//! Parse: a table of cells (with its matched header) → model items, with a
//! located Vietnamese error for every cell that cannot be read. A row with
//! an error is dropped (after all its cells have been checked), so one run
//! reports every problem.

mod cells;
mod criteria;
mod kinds;

use super::header::match_header;
use super::kind::Kind;
use super::model::{DataSet, SourceFile};
use super::read::KindTable;
use crate::diagnostics::Diagnostics;

pub(crate) use cells::RowCtx;

/// Parses one table into `data`, recording it in `data.sources`.
pub fn parse_table(kt: &KindTable, data: &mut DataSet, diags: &mut Diagnostics) {
    let KindTable { kind, table } = kt;
    let Some(header) = match_header(*kind, table, diags) else {
        let what = if table.sheet.is_some() {
            "trang tính"
        } else {
            "tệp"
        };
        let name = table
            .sheet
            .clone()
            .unwrap_or_else(|| table.path.display().to_string());
        diags.push(
            crate::diagnostics::Diagnostic::warning(
                table.path.to_path_buf(),
                format!("{what} “{name}” không có dữ liệu"),
            )
            .hint("nhập dòng tiêu đề và dữ liệu, hoặc xoá đi"),
        );
        return;
    };
    let mut rows = 0;
    let mut localities_seen = std::collections::HashSet::new();
    for row in table
        .rows
        .iter()
        .skip(header.row + 1)
        .filter(|r| !r.is_blank())
    {
        rows += 1;
        let mut ctx = RowCtx::new(*kind, &header, row, diags);
        if let Some(l) = ctx.text(crate::data::schema::Field::Locality)
            && localities_seen.insert(crate::text::fold(&l))
        {
            let at = ctx.loc(crate::data::schema::Field::Locality);
            data.locality_refs.push((l, at));
        }
        match kind {
            Kind::Targets => kinds::target(&mut ctx).map(|t| data.targets.push(t)),
            Kind::Results => kinds::result(&mut ctx).map(|r| data.results.push(r)),
            Kind::Tasks => kinds::task(&mut ctx).map(|t| data.tasks.push(t)),
            Kind::Budget => kinds::budget(&mut ctx).map(|b| data.budget.push(b)),
            Kind::DtiIndex => kinds::indicator(&mut ctx).map(|i| data.indicators.push(i)),
            Kind::DtiScores => kinds::score(&mut ctx).map(|s| data.scores.push(s)),
            Kind::Units => kinds::unit(&mut ctx).map(|u| data.units.push(u)),
            Kind::Indicators => kinds::observation(&mut ctx).map(|o| data.observations.push(o)),
            Kind::Criteria => criteria::criterion(&mut ctx).map(|x| data.criteria.push(x)),
        };
    }
    data.sources.push(SourceFile {
        path: table.path.to_path_buf(),
        sheet: table.sheet.clone(),
        kind: *kind,
        rows,
        columns: header
            .texts
            .iter()
            .filter(|t| !t.is_empty())
            .cloned()
            .collect(),
    });
}
