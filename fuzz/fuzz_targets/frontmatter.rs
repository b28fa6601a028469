//! Front matter: fence splitting, TOML/YAML parsing and typed field
//! reading on arbitrary text. Must never panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use minhbach::content::{fields, frontmatter};
use minhbach::diagnostics::Diagnostics;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("content/bai.md");
    if let Ok(split) = frontmatter::split(path, &text) {
        let mut diags = Diagnostics::new();
        let _ = fields::parse(path, &split, &mut diags);
        for d in diags.iter() {
            let _ = d.render();
        }
    }
});
