//! The fictional province `tests/fixtures/nhieu-dia-phuong` built on
//! 25/11/2026, and readers of its pages.

use std::sync::OnceLock;

use crate::common::{self, Site};

/// The province built in a folder of its own (for a test that edits it).
pub fn built() -> Site {
    let site = Site::fixture("nhieu-dia-phuong");
    site.build_ok(&[]);
    site
}

/// The province built once for this binary, shared by the tests that only
/// read its output.
pub fn shared() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::kept("data_pages-province");
        common::copy_dir(&common::fixture_dir("nhieu-dia-phuong"), &site.root);
        site.build_ok(&[]);
        site
    })
}

/// A page's HTML, entities decoded and no-break spaces ("95 %") as spaces.
pub fn page(site: &Site, rel: &str) -> String {
    common::html_unescape(&site.read_out(rel)).replace('\u{a0}', " ")
}

/// The page without the phone-card labels (`data-label="…"`), so cells can be
/// matched by their content and class.
pub fn without_card_labels(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(" data-label=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " data-label=\"".len()..];
        rest = &after[after.find('"').map_or(after.len(), |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

/// The `<tr>` (or `<li>`) element of `html` that contains `needle`.
pub fn element_with<'a>(html: &'a str, open: &str, close: &str, needle: &str) -> &'a str {
    let at = html.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let start = html[..at].rfind(open).expect("element start");
    let end = at + html[at..].find(close).expect("element end");
    &html[start..end]
}

/// All search documents' text (title + text), from the `d/<n>.js` files.
pub fn search_text(site: &Site) -> String {
    let mut all = String::new();
    for (path, bytes) in site.public_tree() {
        if path.starts_with("tim-kiem/chi-muc/d/") {
            all.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    all
}
