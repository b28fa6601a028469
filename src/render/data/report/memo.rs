//! What `serve` keeps of the last build's reports so that a data edit
//! makes again only the reports of the periods holding a changed result
//! (decision 0035).
//!
//! A report's figures read the results whose own period lies inside the
//! report's ([`ReportPeriod::holds`]), and everything else about the site:
//! the other data tables, the localities and DTI years computed from them,
//! the configuration, the build date, the theme's templates and strings,
//! the news and documents of the content and the report's commentary. The
//! memo keeps the last build's inputs beside its reports; a report is
//! reused only when every input other than the results is equal to the
//! last build's, the results file has the same number of rows, and no row
//! that changed (its old or its new version) lies inside the period. Any
//! other change makes every report again, exactly as a clean build does.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::Config;
use crate::content::{Content, Page};
use crate::data::compute::report::ReportPeriod;
use crate::render::engine::theme::Theme;
use crate::site::SiteData;

/// See the module docs. Empty by default; `build` never uses one.
#[derive(Default)]
pub struct ReportMemo {
    last: Option<Inputs>,
    made: HashMap<ReportPeriod, Made>,
    /// How many reports the last call made (not taken from the memo).
    fresh: usize,
}

/// Everything a report reads besides the results rows of its period.
struct Inputs {
    data: Arc<SiteData>,
    config: Config,
    today: Date,
    templates: BTreeMap<String, String>,
    strings: BTreeMap<String, BTreeMap<String, String>>,
    content: u64,
}

/// One report as made: what [`super::reports`] puts in its page.
#[derive(Clone)]
pub(super) struct Made {
    /// The commentary it was made with: file, description, body.
    pub commentary: Option<(PathBuf, Option<String>, String)>,
    pub title: String,
    pub description: String,
    pub complete: bool,
    pub body: String,
}

/// The commentary's part of a report's inputs.
pub(super) fn commentary_key(page: Option<&Page>) -> Option<(PathBuf, Option<String>, String)> {
    page.map(|c| {
        (
            c.display.clone(),
            c.fm.description.clone(),
            c.body.html.clone(),
        )
    })
}

/// What the news section of every report reads of the content, hashed.
fn content_key(content: &Content) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in &content.pages {
        (
            p.published,
            p.translation_of.is_some(),
            &p.kind,
            &p.path,
            &p.section,
            &p.title,
            p.date.map(|d| d.date),
            p.fm.issued,
            &p.fm.number,
        )
            .hash(&mut h);
    }
    h.finish()
}

/// The reports of a build being made: which of the last build's can be
/// reused, and the new ones to keep.
pub(super) struct Round<'a> {
    memo: &'a mut ReportMemo,
    reusable: Option<Box<dyn Fn(ReportPeriod) -> bool>>,
    inputs: Inputs,
    made: HashMap<ReportPeriod, Made>,
}

impl ReportMemo {
    pub fn new() -> ReportMemo {
        ReportMemo::default()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = ReportMemo::default();
    }

    /// How many reports the last build made; the others came from the memo.
    pub fn reports_made(&self) -> usize {
        self.fresh
    }

    /// Starts the reports of a build reading these inputs.
    pub(super) fn round<'a>(
        &'a mut self,
        data: &Arc<SiteData>,
        config: &Config,
        today: Date,
        theme: &Theme,
        content: &Content,
    ) -> Round<'a> {
        let inputs = Inputs {
            data: Arc::clone(data),
            config: config.clone(),
            today,
            templates: theme.templates.clone(),
            strings: theme.strings.clone(),
            content: content_key(content),
        };
        self.fresh = 0;
        let reusable = self
            .last
            .as_ref()
            .and_then(|last| changed_results(last, &inputs));
        Round {
            memo: self,
            reusable,
            inputs,
            made: HashMap::new(),
        }
    }
}

/// When only results rows changed in place, the test of whether a period
/// holds none of them (old or new); `None` when anything else changed.
fn changed_results(last: &Inputs, now: &Inputs) -> Option<Box<dyn Fn(ReportPeriod) -> bool>> {
    let (a, b) = (&last.data, &now.data);
    let same = last.config == now.config
        && last.today == now.today
        && last.content == now.content
        && last.templates == now.templates
        && last.strings == now.strings
        && a.set.results.len() == b.set.results.len()
        && a.set.targets == b.set.targets
        && a.set.tasks == b.set.tasks
        && a.set.budget == b.set.budget
        && a.set.indicators == b.set.indicators
        && a.set.scores == b.set.scores
        && a.set.units == b.set.units
        && a.set.observations == b.set.observations
        && a.set.criteria == b.set.criteria
        && a.set.sources == b.set.sources
        && a.set.locality_refs == b.set.locality_refs
        && a.computed.localities == b.computed.localities
        && a.computed.dti == b.computed.dti;
    if !same {
        return None;
    }
    let periods: Vec<_> = a
        .set
        .results
        .iter()
        .zip(&b.set.results)
        .filter(|(old, new)| old != new)
        .flat_map(|(old, new)| [old.period, new.period])
        .collect();
    Some(Box::new(move |p: ReportPeriod| {
        !periods.iter().any(|&r| p.holds(r))
    }))
}

impl Round<'_> {
    /// The last build's report of `period`, when nothing it read changed.
    pub(super) fn reuse(
        &mut self,
        period: ReportPeriod,
        commentary: &Option<(PathBuf, Option<String>, String)>,
    ) -> Option<Made> {
        let reusable = self.reusable.as_ref()?;
        let made = self.memo.made.get(&period)?;
        if !reusable(period) || made.commentary != *commentary {
            return None;
        }
        self.made.insert(period, made.clone());
        Some(made.clone())
    }

    /// Keeps a report made by this build.
    pub(super) fn keep(&mut self, period: ReportPeriod, made: &Made) {
        self.memo.fresh += 1;
        self.made.insert(period, made.clone());
    }

    /// Ends a successful round: what it made replaces the memo.
    pub(super) fn finish(self) {
        let Round {
            memo, inputs, made, ..
        } = self;
        memo.last = Some(inputs);
        memo.made = made;
    }
}
