//! A chart of the plan that is drawn only when a page showing it renders
//! (decision 0034). The plan keeps what the embed pages and links need —
//! the chart's id and title — and a recipe; the SVG and table are drawn by
//! the first job that shows the chart, kept while other jobs of the build
//! still need them (its page, its embed page, its SVG file), then dropped.
//! A chart asked for after that (`serve` rendering a later generation's
//! pages from the same plan) is drawn again, the same bytes, and kept.
//!
//! It does not decide which charts a page shows (the page kinds do) nor
//! make embed snippets (see [`super::embeds`]).

use std::sync::{Arc, Mutex, Weak};

use super::views::ChartView;
use crate::site::SiteData;

/// Draws a chart from the data the page renders with.
type Draw = Box<dyn Fn(&SiteData) -> ChartView + Send + Sync>;

/// A drawn chart kept for the jobs that still need it.
#[derive(Default)]
struct Memo {
    chart: Option<Arc<ChartView>>,
    /// The data `chart` was drawn from: a plan taken over by a later
    /// generation with other data (decision 0042) draws it again. Weak, so
    /// the old data's tables are not kept; its allocation is, so no later
    /// data can sit at the same address.
    drawn_with: Weak<SiteData>,
    /// Uses announced by [`LazyChart::expect_use`] and not yet made.
    left: usize,
}

enum Source {
    /// Drawn at plan time (a chart found in a context built then).
    Drawn(Arc<ChartView>),
    /// Drawn on first use.
    Later { draw: Draw, memo: Mutex<Memo> },
}

/// A chart known by id and title, drawn when first shown.
pub(crate) struct LazyChart {
    /// The chart's id, as drawn (see `charts::chart_id`).
    pub(crate) id: String,
    /// The chart's title, as drawn.
    pub(crate) title: String,
    source: Source,
}

impl LazyChart {
    /// A chart whose raw id (before `charts::chart_id`) and title are known
    /// now; `draw` makes it, with that id and title, when it is shown.
    pub(crate) fn later(
        raw_id: &str,
        title: String,
        draw: impl Fn(&SiteData) -> ChartView + Send + Sync + 'static,
    ) -> LazyChart {
        LazyChart {
            id: crate::charts::chart_id(raw_id),
            title,
            source: Source::Later {
                draw: Box::new(draw),
                memo: Mutex::new(Memo::default()),
            },
        }
    }

    /// A chart drawn already.
    pub(crate) fn drawn(chart: ChartView) -> LazyChart {
        LazyChart {
            id: chart.id.clone(),
            title: chart.title.clone(),
            source: Source::Drawn(Arc::new(chart)),
        }
    }

    /// Announces one more job that will show the chart: the drawn chart is
    /// kept until every announced job has had it.
    pub(crate) fn expect_use(&self) {
        if let Source::Later { memo, .. } = &self.source {
            memo.lock().unwrap_or_else(|e| e.into_inner()).left += 1;
        }
    }

    /// Forgets the drawn copy and the announced uses: a plan for other
    /// data takes the chart over (decision 0042) and announces its own uses
    /// again, so a `serve` taking plans over from edit to edit keeps no
    /// more charts than a new plan would.
    pub(crate) fn forget(&self) {
        if let Source::Later { memo, .. } = &self.source {
            *memo.lock().unwrap_or_else(|e| e.into_inner()) = Memo::default();
        }
    }

    /// The chart, drawn from `data` unless a job drew it from the same
    /// data already and another announced job still needs it. Without data (never the case
    /// for a chart planned from data) it is an empty chart with its id and
    /// title.
    pub(crate) fn get(&self, data: Option<&Arc<SiteData>>) -> Arc<ChartView> {
        match (&self.source, data) {
            (Source::Drawn(chart), _) => Arc::clone(chart),
            (Source::Later { .. }, None) => Arc::new(ChartView {
                id: self.id.clone(),
                title: self.title.clone(),
                ..ChartView::default()
            }),
            (Source::Later { draw, memo }, Some(data)) => {
                // Held while drawing: the other jobs of this chart wait for
                // it rather than draw it again.
                let mut memo = memo.lock().unwrap_or_else(|e| e.into_inner());
                let same_data = std::ptr::eq(memo.drawn_with.as_ptr(), Arc::as_ptr(data));
                let chart = match &memo.chart {
                    Some(chart) if same_data => Arc::clone(chart),
                    _ => {
                        let chart = Arc::new(draw(data));
                        debug_assert_eq!((&chart.id, &chart.title), (&self.id, &self.title));
                        memo.drawn_with = Arc::downgrade(data);
                        chart
                    }
                };
                let announced = memo.left > 0;
                memo.left = memo.left.saturating_sub(1);
                // Dropped after the last announced job (`build`). A job
                // not announced is `serve` rendering a page of a later
                // generation again: kept for the next one.
                memo.chart = (memo.left > 0 || !announced).then(|| Arc::clone(&chart));
                chart
            }
        }
    }

    /// The chart drawn now, for a caller that shows it once (a shortcode).
    pub(crate) fn into_view(self, data: &SiteData) -> ChartView {
        match self.source {
            Source::Drawn(chart) => Arc::unwrap_or_clone(chart),
            Source::Later { draw, .. } => draw(data),
        }
    }

    /// Whether the chart is drawn and kept now.
    #[cfg(test)]
    fn is_kept(&self) -> bool {
        match &self.source {
            Source::Drawn(_) => true,
            Source::Later { memo, .. } => memo
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .chart
                .is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn test_data() -> Arc<SiteData> {
        let set = crate::data::DataSet::default();
        let computed = crate::data::compute::compute(&set, jiff::civil::date(2026, 11, 25));
        Arc::new(SiteData::new(set, computed))
    }

    fn view(id: &str) -> ChartView {
        ChartView {
            id: id.into(),
            title: "T".into(),
            desc: String::new(),
            svg: "<svg></svg>".into(),
            table_html: String::new(),
            embed: String::new(),
        }
    }

    #[test]
    fn drawn_once_for_the_announced_uses_then_dropped() {
        let draws = Arc::new(AtomicUsize::new(0));
        let n = Arc::clone(&draws);
        let chart = LazyChart::later("Lịch sử A1", "T".into(), move |_| {
            n.fetch_add(1, Ordering::Relaxed);
            view("lich-su-a1")
        });
        assert_eq!(chart.id, "lich-su-a1");
        assert_eq!(draws.load(Ordering::Relaxed), 0, "drawn at plan time");
        for _ in 0..3 {
            chart.expect_use();
        }
        let data = test_data();
        for _ in 0..3 {
            assert!(chart.get(Some(&data)).svg.starts_with("<svg"));
        }
        assert_eq!(
            draws.load(Ordering::Relaxed),
            1,
            "drawn once for its three jobs"
        );
        assert!(!chart.is_kept(), "dropped after its last job");
        chart.get(Some(&data));
        assert_eq!(
            draws.load(Ordering::Relaxed),
            2,
            "an unannounced use draws again"
        );
        assert!(chart.is_kept(), "and keeps it for the next generation");
        chart.get(Some(&data));
        assert_eq!(draws.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn a_kept_chart_is_drawn_again_for_other_data() {
        let draws = Arc::new(AtomicUsize::new(0));
        let n = Arc::clone(&draws);
        let chart = LazyChart::later("Lịch sử A1", "T".into(), move |_| {
            n.fetch_add(1, Ordering::Relaxed);
            view("lich-su-a1")
        });
        let (old, new) = (test_data(), test_data());
        chart.get(Some(&old));
        chart.get(Some(&old));
        assert_eq!(draws.load(Ordering::Relaxed), 1, "kept for the same data");
        chart.get(Some(&new));
        assert_eq!(draws.load(Ordering::Relaxed), 2, "drawn again for new data");
        drop(old);
        chart.get(Some(&new));
        assert_eq!(draws.load(Ordering::Relaxed), 2);
        assert!(chart.is_kept());
        chart.forget();
        assert!(
            !chart.is_kept(),
            "a plan taking it over keeps no drawn copy"
        );
    }
}
