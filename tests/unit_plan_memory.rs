//! The data plan keeps what identifies a unit's page (its charts, its
//! address), not the page's context: its task and target rows and the page
//! chrome are built when the page renders and dropped after (decision
//! 0031). So the heap at its peak grows with each unit by about its data
//! and charts, not by a whole context of rows. Before, every unit page's
//! context was built and alive before rendering started. Heap bytes are
//! counted by this test's allocator (exact, independent of load). (One
//! test in this file: the counter is process-wide.)

mod common;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::build_peak;

/// Tasks each unit leads; each task also has two other units as partners,
/// so a unit's page lists about three times as many rows.
const TASKS_PER_UNIT: usize = 30;

/// Builds the basic site with `n` units and returns the build's peak heap
/// and the bytes of the unit pages written.
fn build_with_units(n: usize) -> (isize, u64) {
    let site = common::Site::fixture("basic");
    let mut units = String::from("Mã,Tên,Loại\n");
    for u in 0..n {
        units.push_str(&format!("DV{u:03},Phòng chuyên môn số {u},phòng ban\n"));
    }
    let mut tasks =
        String::from("Mã,Nhiệm vụ,Trụ cột,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Trạng thái\n");
    for u in 0..n {
        for k in 0..TASKS_PER_UNIT {
            let (a, b) = ((u + 1 + k % 7) % n, (u + 2 + k % 11) % n);
            tasks.push_str(&format!(
                "NV-{u:03}-{k:02},Triển khai nền tảng số thứ {k} của phòng {u},Chính quyền số,\
                 DV{u:03},DV{a:03}; DV{b:03},31/12/202{},đang thực hiện\n",
                5 + k % 3
            ));
        }
    }
    site.write("content/du-lieu/don-vi.csv", units);
    site.write("content/du-lieu/nhiem-vu.csv", tasks);
    let (peak, _) = build_peak(&site.root);
    let pages = site.pages_weight((0..n).map(|u| {
        (
            format!("don-vi/phong-chuyen-mon-so-{u}/index.html"),
            format!("NV-{u:03}-00"),
        )
    }));
    (peak, pages)
}

#[test]
fn unit_page_contexts_are_not_all_alive_at_once() {
    let (small_peak, _) = build_with_units(20);
    let (large_peak, large_pages) = build_with_units(100);
    // What 80 more units add to the peak, per unit, against what their
    // pages weigh. A unit also adds its 30 tasks (rows of the tasks page,
    // rendered as one page of all tasks, search entries, open-data rows)
    // and its charts: 2.9 times its page (192 KB for a 67 KB page). With
    // every unit page's context (90 task rows) alive until rendering it
    // was 8.4 times (560 KB).
    let per_unit = (large_peak - small_peak) / 80;
    let page = (large_pages / 100) as isize;
    eprintln!(
        "peak heap: {small_peak} B with 20 units, {large_peak} B with 100; \
         {per_unit} B per unit; unit page {page} B"
    );
    assert!(
        per_unit < page * 4,
        "each unit adds {per_unit} bytes to the peak heap, 4 times its page \
         ({page} bytes) or more: unit page contexts are held until rendering"
    );
}
