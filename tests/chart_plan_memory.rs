//! The plan of a site with data names each target's charts (id and title,
//! for the embed pages and their links) and draws none (decision 0034):
//! the SVG and table are drawn when the target page or the chart's embed
//! page renders. Before, `serve` drew all 2,000 target charts of a province
//! on every data edit and held them all, drawn, for the whole build. The
//! heap the plan keeps is counted by this test's allocator (exact,
//! independent of load). (One test in this file: the counter is
//! process-wide.)

mod common;
#[allow(dead_code)] // `build_peak` is for the build tests.
#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use std::sync::Arc;
use std::sync::atomic::Ordering;

use counting_alloc::LIVE;
use minhbach::build::{BuildOptions, prepare};
use minhbach::output::LazySource;
use minhbach::render::lazy::lazy_output;

/// The basic site with `n` targets and ten yearly results each (a history
/// line of ten points per target).
fn site_with_targets(n: usize) -> common::Site {
    let site = common::Site::fixture("basic");
    site.write_targets(n, 2016..2026);
    site
}

/// Plans `site` as `serve` does (nothing rendered) and returns the heap
/// the plan holds, with one target page and its chart's SVG file read
/// from it (so the test also sees the charts drawn when asked for).
fn plan_heap(site: &common::Site, n: usize) -> isize {
    let opts = BuildOptions {
        root: site.root.clone(),
        base_url: None,
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
        check: false,
    };
    let prepared = prepare(&opts, None).expect("prepares");
    let tera = prepared.tera.expect("templates compile");
    let (site, theme, tera) = (Arc::new(prepared.site), Arc::new(prepared.theme), tera);
    let before = LIVE.load(Ordering::Relaxed);
    let (output, lazy, data_plan) =
        lazy_output(site, theme, tera, minhbach::render::DataReuse::None);
    let held = LIVE.load(Ordering::Relaxed) - before;
    // The planned charts are drawn when asked for, with their history.
    let last = n - 1;
    let page = lazy
        .render(&format!("chi-tieu/ct-{last:04}/index.html"))
        .expect("target page planned");
    let svg = lazy
        .render(&format!("bieu-do/lich-su-ct-{last:04}.svg"))
        .expect("chart file planned");
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<svg"), "the target page shows its chart");
    assert!(
        String::from_utf8(svg).unwrap().contains("<svg"),
        "the chart's own SVG file is drawn"
    );
    drop((output, lazy, data_plan));
    held
}

#[test]
fn the_plan_names_target_charts_and_draws_none() {
    let small = plan_heap(&site_with_targets(100), 100);
    let large = plan_heap(&site_with_targets(500), 500);
    // What 400 more targets add to the plan, per target: its lazy page,
    // its chart's embed jobs, id and title, the addresses of its files
    // (page, preview image, chart page and SVG): 3.6 KB. With its history
    // line drawn at plan time (SVG, table, embed snippet) it was 14.7 KB
    // (main at aa09b2d; this test fails there).
    let per_target = (large - small) / 400;
    eprintln!(
        "plan heap: {small} B with 100 targets, {large} B with 500; {per_target} B per target"
    );
    assert!(
        per_target < 6_000,
        "each target adds {per_target} bytes to the plan: its charts are drawn when \
         the site is planned, not when their page renders"
    );
}
