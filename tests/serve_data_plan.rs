//! `serve` after data edits (decision 0042): the plan takes the last
//! generation's data pages and charts when the new data would plan them the
//! same (a value edited in place), and plans them again when names change
//! (a target or a unit added or removed, a result's period edited). Either
//! way every served file must be exactly what a clean build of the edited
//! site gives; each step reads every file, so every chart is drawn and kept
//! by the generation before the next edit.

mod common;

use std::path::PathBuf;

use minhbach::serve::Snapshot;
use minhbach::serve::rebuild::{Changed, Incremental, rebuild};

#[path = "support/served.rs"]
mod served;
use served::{HOST, assert_same_as_clean_build, edit, options};

/// A served copy of the `search` fixture (two targets, three units, one
/// task) and the data edits made to it.
struct Served {
    _site: common::Site,
    root: PathBuf,
    snap: Snapshot,
    state: Incremental,
}

impl Served {
    fn start() -> Served {
        let site = common::Site::fixture("search");
        let root = std::fs::canonicalize(&site.root).unwrap();
        let mut state = Incremental::new();
        let (snap, _) = rebuild(
            &options(&root),
            HOST,
            &Snapshot::default(),
            &mut state,
            None,
        );
        assert_same_as_clean_build(&root, &snap);
        Served {
            _site: site,
            root,
            snap,
            state,
        }
    }

    fn data(&self, file: &str) -> PathBuf {
        self.root.join("content/du-lieu").join(file)
    }

    /// Edits a data file as the watcher reports it (data files only) and
    /// checks the served site; returns whether the plan took the data
    /// pages of the last one.
    fn edit_data(&mut self, file: &str, f: impl FnOnce(String) -> String) -> bool {
        let taken = self.edit_only(file, f);
        assert_same_as_clean_build(&self.root, &self.snap);
        taken
    }

    /// [`Self::edit_data`] without reading the new generation.
    fn edit_only(&mut self, file: &str, f: impl FnOnce(String) -> String) -> bool {
        let path = self.data(file);
        edit(&path, f);
        let taken = self.state.data_pages_taken();
        self.state.data_only();
        let paths = vec![path];
        let changed = Changed {
            root: &self.root,
            paths: &paths,
        };
        let (next, _) = rebuild(
            &options(&self.root),
            HOST,
            &self.snap,
            &mut self.state,
            Some(changed),
        );
        self.snap = next;
        self.state.data_pages_taken() > taken
    }

    fn read(&self, path: &str) -> String {
        String::from_utf8(self.snap.output.read(path).expect(path)).unwrap()
    }
}

#[test]
fn a_value_edit_takes_the_data_pages_and_redraws_its_chart() {
    let mut s = Served::start();
    let chart = "bieu-do/lich-su-tt-01.svg";
    assert!(s.read(chart).contains("81"));
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-01,2026,81,", "TT-01,2026,87,")
    });
    assert!(taken, "a value edited in place plans the same pages");
    assert!(s.read(chart).contains("87") && !s.read(chart).contains(">81"));
    assert!(s.read("chi-tieu/tt-01/index.html").contains("87\u{a0}%"));
    // A value crossing the goal: the target's state, the pillar's and the
    // unit's counts change, read when their pages render.
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-02,2026,92,", "TT-02,2026,85,")
    });
    assert!(taken);
    // And back: the charts kept from the generation before are drawn again.
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-02,2026,85,", "TT-02,2026,92,")
    });
    assert!(taken);
    assert_eq!(s.state.data_pages_taken(), 3);
}

/// The last generation still renders after the next one took its plan over
/// (a browser on the old page, its background check): a chart it draws is
/// of its own data, and the new generation does not show it.
#[test]
fn a_chart_drawn_late_by_the_last_generation_is_not_shown_by_the_next() {
    let mut s = Served::start();
    let chart = "bieu-do/lich-su-tt-01.svg";
    assert!(s.edit_only("ket-qua.csv", |t| {
        t.replace("TT-01,2026,81,", "TT-01,2026,83,")
    }));
    let old = std::sync::Arc::clone(&s.snap.output);
    assert!(s.edit_only("ket-qua.csv", |t| {
        t.replace("TT-01,2026,83,", "TT-01,2026,86,")
    }));
    let late = String::from_utf8(old.read("chi-tieu/tt-01/index.html").unwrap()).unwrap();
    assert!(
        late.contains("83\u{a0}%"),
        "the old generation shows its own data"
    );
    assert!(s.read(chart).contains("86") && !s.read(chart).contains(">83"));
    assert_same_as_clean_build(&s.root, &s.snap);
}

#[test]
fn a_target_added_or_removed_plans_the_data_pages_again() {
    let mut s = Served::start();
    let row = "TT-03,Xã hội số,Tỷ lệ người dân có danh tính số,%,tối thiểu,80,,2026,2027,15/KH-UBND,Đoàn Thanh niên\n";
    let taken = s.edit_data("chi-tieu.csv", |t| format!("{t}{row}"));
    assert!(!taken, "a new target is a new page");
    assert!(s.read("chi-tieu/tt-03/index.html").contains("danh tính số"));
    let taken = s.edit_data("ket-qua.csv", |t| {
        format!("{t}TT-03,2026,40,Báo cáo quý III\n")
    });
    assert!(!taken, "a new result row: TT-03 gets a history chart");
    assert!(s.read("bieu-do/lich-su-tt-03.svg").contains("40"));
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-03,2026,40,", "TT-03,2026,45,")
    });
    assert!(taken);
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-03,2026,45,Báo cáo quý III\n", "")
    });
    assert!(!taken, "TT-03 has no history any more");
    assert!(s.snap.output.read("bieu-do/lich-su-tt-03.svg").is_none());
    let taken = s.edit_data("chi-tieu.csv", |t| t.replace(row, ""));
    assert!(!taken);
    assert!(s.snap.output.read("chi-tieu/tt-03/index.html").is_none());
}

#[test]
fn a_unit_added_or_removed_plans_the_data_pages_again() {
    let mut s = Served::start();
    let row = "HND,Hội Nông dân,đoàn thể,HND,Nhà văn hoá xã\n";
    let taken = s.edit_data("don-vi.csv", |t| format!("{t}{row}"));
    assert!(!taken);
    let taken = s.edit_data("chi-tieu.csv", |t| {
        t.replace(
            "2027,15/KH-UBND,Công chức Văn hoá - Xã hội",
            "2027,15/KH-UBND,Hội Nông dân",
        )
    });
    assert!(!taken, "another unit leads TT-02");
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-02,2026,92,", "TT-02,2026,70,")
    });
    assert!(taken);
    let taken = s.edit_data("don-vi.csv", |t| t.replace(row, ""));
    assert!(!taken);
}

#[test]
fn a_period_edit_takes_the_data_pages_and_redraws_the_history() {
    let mut s = Served::start();
    let chart = "bieu-do/lich-su-tt-01.svg";
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-01,2026,81,", "TT-01,Quý III/2026,81,")
    });
    assert!(taken, "the plan reads no period");
    assert!(s.read(chart).contains("III/2026"));
    // A second result of its own: the history line has two points, drawn
    // from the new data (the pages are planned again: one more row).
    let taken = s.edit_data("ket-qua.csv", |t| {
        format!("{t}TT-01,Quý II/2026,70,Báo cáo quý II\n")
    });
    assert!(!taken);
    assert!(s.read(chart).contains("70"));
    // The older result moved after the newer one: the line's order changes.
    let taken = s.edit_data("ket-qua.csv", |t| {
        t.replace("TT-01,Quý II/2026,70,", "TT-01,Quý IV/2026,70,")
    });
    assert!(taken);
    assert!(s.read(chart).contains(">Quý IV/2026<") && !s.read(chart).contains(">Quý II/2026<"));
}
