//! The data plan keeps what identifies a target's page (its charts, its
//! address), not the page's context: the facts, results table and page
//! chrome are built when the page renders and dropped after. So the heap
//! at its peak grows with each target by about its charts, not by a whole
//! context. Before, every target page's context was built and alive before
//! rendering started. Heap bytes are counted by this test's allocator
//! (exact, independent of load). (One test in this file: the counter is
//! process-wide.)

mod common;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::build_peak;

/// Builds the basic site with `n` targets (six yearly results each) and
/// returns the build's peak heap and the bytes of the target pages written.
fn build_with_targets(n: usize) -> (isize, u64) {
    let site = common::Site::fixture("basic");
    site.write_targets(n, 2020..2026);
    let (peak, _) = build_peak(&site.root);
    let pages = site.pages_weight((0..n).map(|i| {
        (
            format!("chi-tieu/ct-{i:04}/index.html"),
            format!("CT-{i:04}"),
        )
    }));
    (peak, pages)
}

#[test]
fn target_page_contexts_are_not_all_alive_at_once() {
    let (small_peak, _) = build_with_targets(100);
    let (large_peak, large_pages) = build_with_targets(500);
    // What 400 more targets add to the peak, per target, against what
    // their pages weigh. A target also adds its row and bar to the targets
    // page, its charts (drawn at plan time: each is an embed page too), its
    // search entry and open-data rows, about twice its page in all (26 KB
    // for a 13.5 KB page when written); with every target context alive
    // until rendering it was three times its page (40 KB).
    let per_target = (large_peak - small_peak) / 400;
    let page = (large_pages / 500) as isize;
    eprintln!(
        "peak heap: {small_peak} B with 100 targets, {large_peak} B with 500; \
         {per_target} B per target; target page {page} B"
    );
    assert!(
        per_target < page * 5 / 2,
        "each target adds {per_target} bytes to the peak heap, 2.5 times its page \
         ({page} bytes) or more: target page contexts are held until rendering"
    );
}
