//! What the data pages' plan read (decision 0042): the planned pages keep
//! names (paths, titles, chart ids and titles) and a few figures found
//! while planning (whether a target has a history, its communes, whether
//! it is illustrative, the task states a chart counts, which rows a unit
//! or pillar leads). A later plan whose [`PlanKey`] equals the last one's
//! would plan the very same pages, so `serve` takes them from the last
//! generation: a value edited in `ket-qua.csv` does not plan 2,000 target
//! pages again. Their contexts and charts are made from the new data when
//! they render (see [`super::lazy_chart`] for the charts kept between
//! generations).
//!
//! The key is deliberately coarse: every data table is compared whole but
//! the results, which are compared row by row by what the plan reads of
//! them (the target, the locality, the illustrative flag: not the value,
//! period, source or note — what those decide, progress, state, the
//! history, the sharing cards, is read when a page renders, or planned
//! again every time), and of the computed figures everything but the
//! targets' progress, of which the plan reads only the communes and the
//! illustrative flags.

use std::collections::HashSet;
use std::sync::Arc;

use crate::config::Config;
use crate::data::{DataSet, Measurement};
use crate::render::engine::theme::Theme;
use crate::site::{Site, SiteData};

/// Everything the data pages' plan read (see the module docs).
pub(crate) struct PlanKey {
    data: Arc<SiteData>,
    config: Config,
    today: jiff::civil::Date,
    /// The data pages' addresses that a content page takes (it wins over
    /// the data page; reports and bulletins come and go with the data).
    occupied: Vec<String>,
    strings: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
}

impl PlanKey {
    /// The key of a plan of `site`'s data pages with `theme`; `None` when
    /// the site has no data.
    pub(crate) fn new(site: &Site, theme: &Theme) -> Option<PlanKey> {
        let data = site.data.as_ref()?;
        let generated: HashSet<String> = super::generated_paths(data).into_iter().collect();
        let occupied = site
            .pages
            .iter()
            .filter(|p| generated.contains(&p.path))
            .map(|p| p.path.clone())
            .collect();
        Some(PlanKey {
            data: Arc::clone(data),
            config: site.config.clone(),
            today: site.today,
            occupied,
            strings: theme.strings.clone(),
        })
    }

    /// Whether a plan with key `other` plans the same pages as this one.
    pub(crate) fn same_plan(&self, other: &PlanKey) -> bool {
        self.today == other.today
            && self.occupied == other.occupied
            && self.config == other.config
            && self.strings == other.strings
            && same_data(&self.data, &other.data)
    }
}

/// Whether the plan reads the same from `a` and `b` (see the module docs).
fn same_data(a: &SiteData, b: &SiteData) -> bool {
    if std::ptr::eq(a, b) {
        return true;
    }
    let DataSet {
        targets,
        results,
        tasks,
        budget,
        indicators,
        scores,
        units,
        observations,
        criteria,
        sources,
        locality_refs,
    } = &a.set;
    let set = &b.set;
    let (ca, cb) = (&a.computed, &b.computed);
    *targets == set.targets
        && *tasks == set.tasks
        && *budget == set.budget
        && *indicators == set.indicators
        && *scores == set.scores
        && *units == set.units
        && *observations == set.observations
        && *criteria == set.criteria
        && *sources == set.sources
        && *locality_refs == set.locality_refs
        && results.len() == set.results.len()
        && results
            .iter()
            .zip(&set.results)
            .all(|(x, y)| same_row(x, y))
        && ca.tasks == cb.tasks
        && ca.budget == cb.budget
        && ca.dti == cb.dti
        && ca.units == cb.units
        && ca.localities == cb.localities
        && ca.criteria == cb.criteria
        && ca.today == cb.today
        && ca.targets.len() == cb.targets.len()
        && ca.targets.iter().zip(&cb.targets).all(|(x, y)| {
            x.id == y.id
                && x.commune == y.commune
                && x.illustrative == y.illustrative
                && x.communes.len() == y.communes.len()
                && x.communes
                    .iter()
                    .zip(&y.communes)
                    .all(|(c, d)| c.commune == d.commune && c.illustrative == d.illustrative)
        })
}

/// Two results rows the plan cannot tell apart: it reads of a result only
/// which target it counts for and whether it is a locality's (a target's
/// history chart is planned when it has a result of its own unit), besides
/// what the computed progress says (compared above). Values, periods,
/// sources and notes are read when the pages render.
fn same_row(a: &Measurement, b: &Measurement) -> bool {
    let Measurement {
        target_id,
        period: _,
        value: _,
        commune,
        source: _,
        illustrative,
        note: _,
        loc: _,
    } = a;
    *target_id == b.target_id && *commune == b.commune && *illustrative == b.illustrative
}
