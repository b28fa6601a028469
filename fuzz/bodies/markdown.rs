//! Markdown body → HTML (links, headings, shortcodes, raw HTML in both
//! policies) on arbitrary text, with highlighting off (fenced code is fuzzed
//! by the `highlight` target). Must never panic; "escape" output must
//! contain no tag that was not produced by Markdown itself.
//!
//! Shared by the fuzz target `fuzz/fuzz_targets/markdown.rs` (nightly, libFuzzer)
//! and the replay test `tests/fuzz_replay.rs` (stable, every kept input).
use std::path::Path;

use minhbach::config::{MarkdownConfig, RawHtml};
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
        // Highlighting off: fenced code is syntect's grammar engine, fuzzed
        // apart by the `highlight` target; here the effort goes to our own
        // pipeline (links, headings, shortcodes, the raw-HTML filter).
        let opts = MarkdownConfig {
            raw_html: policy,
            highlight: false,
        };
        let r = markdown::render(&src, &targets, &opts, None, &mut diags);
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
