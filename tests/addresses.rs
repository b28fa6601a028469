//! Every output address is one Windows can hold and belongs to exactly one
//! owner: Windows device names (`con`, `aux`, `nul`, `prn`, `com1`–`com9`,
//! `lpt1`–`lpt9`, any case, any extension) are renamed the same way on every
//! OS (`con` → `con-`), and two owners of one path are a located error
//! naming both. Issue #11, items 2, 3 and 8.

mod common;

use common::{LinkCheck, Site, assert_links_resolve, tree};

const BASE: &str = "https://thunghiem.example.gov.vn/chuyen-doi-so/";

/// Device names Windows refuses as a file or folder name, whatever the
/// extension (written out here, independent of the code under test).
fn windows_refuses(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap().trim_end().to_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit())
}

fn post(title: &str, extra: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ndate = 2026-08-05\n{extra}+++\nCon gà con vịt.\n")
}

#[test]
fn windows_device_names_are_renamed_in_every_address() {
    let s = Site::fixture("basic");
    s.write(
        "content/tin-tuc/2026-08-05-con.md",
        post("Con", "tags = [\"Con\", \"AUX\"]\n"),
    );
    s.write(
        "content/tin-tuc/2026-08-06-bai-khac.md",
        post(
            "Bài khác",
            "slug = \"nul\"\naliases = [\"prn/\", \"tin-cu/com1.html\"]\n",
        ),
    );
    s.write("content/lpt1/_index.md", "+++\ntitle = \"Mục LPT1\"\n+++\n");
    s.write(
        "content/lpt1/Com9.md",
        "+++\ntitle = \"Trang\"\n+++\n[về con](../tin-tuc/2026-08-05-con.md)\n",
    );
    s.write("static/con.txt", "tep tinh");
    s.build_ok(&[]);
    let public = s.root.join("public");
    let bad: Vec<String> = tree(&public)
        .into_keys()
        .filter(|k| k.split('/').any(windows_refuses))
        .collect();
    assert!(bad.is_empty(), "Windows cannot hold: {bad:?}");
    for f in [
        "tin-tuc/con-/index.html",
        "tin-tuc/the/con-/index.html",
        "tin-tuc/the/aux-/index.html",
        "tin-tuc/nul-/index.html",
        "prn-/index.html",
        "tin-cu/com1-.html",
        "lpt1-/index.html",
        "lpt1-/com9-/index.html",
        "con-.txt",
    ] {
        assert!(public.join(f).is_file(), "missing public/{f}");
    }
    // Links follow the renamed addresses.
    let page = common::read(&public.join("lpt1-/com9-/index.html"));
    assert!(page.contains("tin-tuc/con-/"), "{page}");
    assert_links_resolve(
        &public,
        &LinkCheck {
            base_url: BASE,
            portable: false,
        },
    );
}
