//! The guide (`docs/`, README) gives no real local government site as an example.

use std::path::PathBuf;

use crate::built::repo;

/// The guide never uses a real government site as an example address: an
/// officer copies examples (decision 0022). Only national portals that the
/// guide links to as themselves are allowed.
#[test]
fn the_guide_gives_no_real_local_government_domain_as_an_example() {
    const NATIONAL: &[&str] = &["dichvucong.gov.vn"];
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.push(repo().join("README.md"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices(".gov.vn") {
            let start = text[..at]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .map_or(0, |i| i + 1);
            let host = &text[start..at + ".gov.vn".len()];
            assert!(
                NATIONAL.contains(&host),
                "{}: {host} is a real government domain; use an example domain",
                file.display()
            );
        }
    }
}
