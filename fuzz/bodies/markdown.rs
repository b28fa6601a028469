//! Markdown body → HTML (links, headings, shortcodes, raw HTML in both
//! policies) on arbitrary text. Must never panic; "escape" output must
//! contain no tag that was not produced by Markdown itself.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/markdown.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use std::path::Path;

use minhbach::config::RawHtml;
use minhbach::content::markdown::{self, LinkTargets, Source};
use minhbach::diagnostics::Diagnostics;

/// One input; panics on a broken invariant.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut targets = LinkTargets::default();
    targets
        .pages
        .insert("tin-tuc/2026-08-05-bai.md".into(), "tin-tuc/bai/".into());
    targets
        .assets
        .insert("tin-tuc/anh.png".into(), "tin-tuc/anh.png".into());
    let src = Source {
        display_path: Path::new("content/tin-tuc/a.md"),
        rel: "tin-tuc/a.md",
        file_text: &text,
        body_offset: 0,
    };
    for policy in [RawHtml::Allow, RawHtml::Escape] {
        let mut diags = Diagnostics::new();
        let r = markdown::render(&src, &targets, policy, None, &mut diags);
        for html in [&r.html, &r.summary_html] {
            assert!(
                !html.to_ascii_lowercase().contains("<script"),
                "script survived"
            );
        }
        for d in diags.iter() {
            let _ = d.render();
        }
    }
}
