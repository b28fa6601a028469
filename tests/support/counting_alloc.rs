//! A global allocator that counts live heap bytes and their peak, for the
//! tests that measure a build's memory exactly (independent of load):
//! `tests/build_memory.rs`, `tests/data_plan_memory.rs`. Included with
//! `#[path]` by each (not through `tests/common`, which every test binary
//! includes); the counters are process-wide, so each such file has one test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;

/// Heap bytes allocated and not yet freed.
pub static LIVE: AtomicIsize = AtomicIsize::new(0);
/// The highest `LIVE` since a test last reset it.
pub static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(by: isize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: forwards to the system allocator, only counting bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        grew(new as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Builds the site at `root` into `root/public` (date 25/11/2026) and
/// returns the heap's peak during the build, above what was live before,
/// and the number of pages written.
pub fn build_peak(root: &std::path::Path) -> (isize, usize) {
    use minhbach::build::{BuildOptions, build_site_to};
    use minhbach::output::Staging;
    let opts = BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
        check: false,
    };
    let dest = root.join("public");
    let open = || Staging::open(&dest, &|_| {});
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let (built, staging) =
        build_site_to(&opts, &std::collections::BTreeSet::new(), &open).expect("builds");
    staging
        .expect("staging folder")
        .finish(&built.output)
        .unwrap();
    (
        PEAK.load(Ordering::Relaxed) - before,
        built.output.page_count(),
    )
}
