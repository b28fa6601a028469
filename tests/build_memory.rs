//! `build` writes each page as it renders instead of holding the whole
//! site's output in memory: the heap at its peak during a build stays
//! below the size of the output it writes. Before, every page (and the
//! fixed files) were collected first, so the peak was above it. Heap bytes
//! are counted by this test's allocator (exact, independent of load).
//! (One test in this file: the counter is process-wide.)

mod common;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::build_peak;

#[test]
fn a_build_never_holds_its_whole_output_in_memory() {
    let site = common::Site::fixture("basic");
    // 2,000 short posts: every page carries the site's header, menu and
    // footer, so the output is many times the content.
    for i in 0..2000 {
        site.write(
            &format!("content/tin-tuc/2025-01-01-bai-{i:03}.md"),
            format!(
                "+++\ntitle = \"Bài số {i}\"\ntags = [\"Chủ đề {}\"]\n+++\n\nPhường triển khai việc số {i}.\n",
                i % 20
            ),
        );
    }
    let (peak, pages) = build_peak(&site.root);
    let dest = site.root.join("public");
    let written: u64 = walkdir::WalkDir::new(&dest)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().unwrap().len())
        .sum();
    assert!(pages > 2000, "{}", pages);
    assert!(
        (peak as u64) < written,
        "peak heap {peak} bytes ≥ output {written} bytes: pages were held in memory"
    );
    // The pages are really there, whole.
    let post = std::fs::read_to_string(dest.join("tin-tuc/bai-1999/index.html")).unwrap();
    assert!(post.contains("Phường triển khai việc số 1999.") && post.ends_with("</html>\n"));
}
