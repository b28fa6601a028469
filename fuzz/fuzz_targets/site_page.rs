//! The whole pipeline on one page: the fuzz input is a Markdown file (front
//! matter + body) of a small site, built in memory. Must end in a page or
//! in located errors, never a panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use minhbach::build::{BuildOptions, build_site};

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let r = std::env::temp_dir().join(format!("minhbach-fuzz-site-{}", std::process::id()));
        std::fs::create_dir_all(r.join("content/tin-tuc")).unwrap();
        std::fs::write(
            r.join("minhbach.toml"),
            "title = \"Thử\"\nbase_url = \"https://x.gov.vn/\"\n",
        )
        .unwrap();
        std::fs::write(
            r.join("content/_index.md"),
            "+++\ntitle = \"Trang chủ\"\n+++\n",
        )
        .unwrap();
        r
    })
}

fuzz_target!(|input: &[u8]| {
    let root = root();
    std::fs::write(root.join("content/tin-tuc/2026-08-05-bai.md"), input).unwrap();
    let opts = BuildOptions {
        root: root.clone(),
        base_url: None,
        today: jiff::civil::date(2026, 11, 25),
        drafts: false,
        // `check` reaches the extra gap warnings too.
        check: true,
    };
    match build_site(&opts) {
        Ok(built) => assert!(built.output.files.contains_key("index.html")),
        Err(diags) => {
            assert!(diags.has_errors());
            for d in diags.iter() {
                let _ = d.render();
            }
        }
    }
});
