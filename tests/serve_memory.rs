//! A long `serve` session holds one site, not one per edit: the heap still
//! in use after 200 edits (body edits, each followed by the full render
//! the preview runs in the background, and data edits) is within 10 % of
//! what it is after 10. Heap bytes are counted by this test's allocator,
//! so the figure is exact and does not depend on the machine's load.
//! (One test in this file: the counter is process-wide.)

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicIsize, Ordering};

use minhbach::render::lazy::live_sites;
use minhbach::serve::rebuild::{Changed, Incremental, rebuild};
use minhbach::serve::{ServeOptions, Snapshot};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: forwards to the system allocator, only counting bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const HOST: &str = "127.0.0.1:1313";

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

#[test]
fn memory_after_200_edits_stays_within_10_percent_of_after_10() {
    let site = common::Site::fixture("search");
    let root = std::fs::canonicalize(&site.root).unwrap();
    let opts = ServeOptions {
        root: root.clone(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 1313,
        open: false,
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
    };
    let post = root.join("content/tin-tuc/2026-10-07-ngay-chuyen-doi-so-quoc-gia.md");
    let results = root.join("content/du-lieu/ket-qua.csv");
    assert!(
        std::fs::read_to_string(&results)
            .unwrap()
            .contains("TT-01,2026,81,")
    );
    let mut state = Incremental::new();
    let (mut snap, check) = rebuild(&opts, HOST, &Snapshot::default(), &mut state, None);
    assert!(snap.errors.is_none() && !check.unwrap().check().has_errors());
    let mut after_10 = 0;
    for k in 1..=200 {
        // Every tenth edit changes a data value (the full rebuild); the
        // others add a sentence to a post (the body-only fast path).
        let path = if k % 10 == 0 {
            let v = 70 + k / 10;
            edit(&results, |t| {
                let start = t.find("TT-01,2026,").unwrap() + "TT-01,2026,".len();
                let end = start + t[start..].find(',').unwrap();
                format!("{}{v}{}", &t[..start], &t[end..])
            });
            results.clone()
        } else {
            edit(&post, |t| format!("{t}\nCâu thêm số {k}.\n"));
            post.clone()
        };
        let paths = vec![path];
        let changed = Changed {
            root: &root,
            paths: &paths,
        };
        let (next, check) = rebuild(&opts, HOST, &snap, &mut state, Some(changed));
        assert!(next.errors.is_none(), "edit {k}: {:?}", next.errors);
        snap = next;
        // What the preview does next: the background check of every page,
        // and the browser reloading the edited page.
        assert!(!check.unwrap().check().has_errors());
        let page = snap
            .output
            .read("tin-tuc/ngay-chuyen-doi-so-quoc-gia/index.html")
            .unwrap();
        if k % 10 != 0 {
            let page = String::from_utf8(page).unwrap();
            assert!(page.contains(&format!("Câu thêm số {k}.")), "edit {k}");
        }
        if k == 10 {
            after_10 = LIVE.load(Ordering::Relaxed);
        }
    }
    let after_200 = LIVE.load(Ordering::Relaxed);
    assert!(
        (after_200 as f64) <= after_10 as f64 * 1.10,
        "heap in use: {after_10} bytes after 10 edits, {after_200} after 200"
    );
    assert!(
        live_sites() <= 1,
        "{} generations of the site are alive",
        live_sites()
    );
}
