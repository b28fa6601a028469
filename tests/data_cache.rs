//! `serve`'s per-file cache of parsed data (`data::DataCache`): after any
//! change, loading with the cache gives exactly what a fresh load gives
//! (items, their order, `minh_hoa` marks, every message), and reads only
//! the files that changed.

use std::path::Path;

use minhbach::data::{DataCache, DataOptions, load_dir_cached};
use minhbach::diagnostics::Diagnostics;

#[path = "support/data_site.rs"]
mod data_site;

use data_site::{Site, messages, site};

impl Site {
    /// Loads with `cache` (the named files forgotten first, as `serve`
    /// does with the files its watcher names) and checks the result
    /// against a fresh load; returns how many files were read.
    fn cached(&self, cache: &mut DataCache, options: &DataOptions, named: &[&Path]) -> usize {
        for p in named {
            cache.forget(p);
        }
        let mut diags = Diagnostics::new();
        let data = load_dir_cached(&self.root, &self.data, options, &mut diags, Some(cache));
        let (want, want_msgs) = self.load_with(options);
        assert_eq!(data, want, "same data set as a fresh load");
        assert_eq!(messages(diags), want_msgs, "same messages as a fresh load");
        cache.files_read()
    }
}

const TARGETS: &str = "Mã,Trụ cột,Chỉ tiêu,Đơn vị tính,So sánh,Mục tiêu,Thời hạn\n\
TT-01,Chính quyền số,Hồ sơ trực tuyến toàn trình,%,tối thiểu,95,2027\n\
TT-02,Xã hội số,Hộ có cáp quang,%,tối thiểu,90,2027\n";

#[test]
fn cached_loads_equal_fresh_loads_and_read_only_changed_files() {
    let s = site();
    s.write("chi-tieu.csv", TARGETS);
    s.write(
        "ket-qua.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nTT-01,2026,81\nTT-02,2026,92\n",
    );
    // A second results file, marked illustrative by `minh_hoa`, and one
    // with a bad value (its message must come back from the cache too).
    s.write(
        "ket-qua-2025.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nTT-01,2025,70\n",
    );
    s.write(
        "ket-qua-loi.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nTT-02,2025,bảy mươi\n",
    );
    let options = DataOptions {
        illustrative: vec!["ket-qua-2025.csv".into()],
        ..DataOptions::default()
    };
    let mut cache = DataCache::new();
    assert_eq!(s.cached(&mut cache, &options, &[]), 4);
    let (data, msgs) = s.load_with(&options);
    assert_eq!(data.results.len(), 3);
    assert!(data.results.iter().any(|r| r.illustrative));
    assert!(msgs.iter().any(|m| m.contains("bảy mươi")), "{msgs:?}");

    // Nothing changed: nothing read.
    assert_eq!(s.cached(&mut cache, &options, &[]), 0);

    // One value edited, same size (the watcher names the file): only it.
    let results = s.path("ket-qua.csv");
    s.write(
        "ket-qua.csv",
        "Mã chỉ tiêu,Kỳ,Giá trị\nTT-01,2026,83\nTT-02,2026,92\n",
    );
    assert_eq!(s.cached(&mut cache, &options, &[&results]), 1);

    // A file added before the others (file order decides item order),
    // then removed.
    s.write("ket-qua-0.csv", "Mã chỉ tiêu,Kỳ,Giá trị\nTT-02,2024,60\n");
    assert_eq!(s.cached(&mut cache, &options, &[]), 1);
    std::fs::remove_file(s.path("ket-qua-0.csv")).unwrap();
    assert_eq!(s.cached(&mut cache, &options, &[]), 0);

    // New `[data]` options: everything read again with them.
    let plain = DataOptions::default();
    assert_eq!(s.cached(&mut cache, &plain, &[]), 4);
    assert!(!s.load_with(&plain).0.results.iter().any(|r| r.illustrative));
}
