//! The published example sites tell only what their source documents say.
//!
//! Builds the root example (phường Sông Trí) and every `vi-du/*/` site with the
//! real binary at a fixed date, then checks what a reader would check against
//! the seed documents (`/work/shared/seeds/00N_*.txt`, cited by line below):
//! every dashboard tile, every target's goal and deadline, task deadlines and
//! (absent) statuses, the budget total, the DTI maximum points; that no page of
//! one site names another locality (so nothing is summed across localities);
//! that every illustrative row is shown with "minh họa"; and that no invented
//! contact sits at a real domain. The expected figures are written here by hand
//! from the seeds, so changing a figure in the data makes this test fail.
//!
//! One module per example site (its expectations from the seed and its
//! test), `built` (the build and the page readers), `checks` (what every site
//! must satisfy), `reports` (the periodic reports) and `guide`.

#[path = "../common/mod.rs"]
mod common;

mod built;
mod chau_thanh;
mod checks;
mod dong_son;
mod guide;
mod reports;
mod song_tri;
mod tho_xuan;
mod vinh_phuc;

use built::repo;
use checks::Expect;

/// Every example site this test knows; `every_example_site_is_checked` makes
/// sure a new `vi-du/*` folder gets its expectations here.
const SITES: &[&Expect] = &[
    &song_tri::SONG_TRI,
    &dong_son::DONG_SON,
    &tho_xuan::THO_XUAN,
    &chau_thanh::CHAU_THANH,
    &vinh_phuc::VINH_PHUC,
];

#[test]
fn every_example_site_is_checked() {
    let mut dirs: Vec<String> = std::fs::read_dir(repo().join("vi-du"))
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            e.path()
                .join("minhbach.toml")
                .is_file()
                .then(|| format!("vi-du/{}", e.file_name().to_string_lossy()))
        })
        .collect();
    dirs.sort();
    let mut known: Vec<String> = SITES
        .iter()
        .filter(|e| !e.dir.is_empty())
        .map(|e| e.dir.to_string())
        .collect();
    known.sort();
    assert_eq!(
        dirs, known,
        "every vi-du site needs its expectations in tests/examples/"
    );
}
