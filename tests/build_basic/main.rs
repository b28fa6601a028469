//! `minhbach build` on the `basic` fixture: what a visitor, a feed reader
//! and a search engine get. Each test builds its own copy once.
//!
//! One module per thing checked: `links` (every link resolves, under a
//! sub-path and from disk), `feeds` (Atom feeds and the sitemap), `lists`
//! (pagination, tags, months, scheduled posts, drafts) and `pages` (escaping,
//! identical rebuilds, documents, bundles, the header).

#[path = "../common/mod.rs"]
mod common;

mod feeds;
mod links;
mod lists;
mod pages;

use common::html_unescape;

pub const BASE: &str = "https://thunghiem.example.gov.vn/chuyen-doi-so/";

/// The 13 posts published on 2026-11-25, newest first, by output folder.
pub const POSTS_NEWEST_FIRST: &[&str] = &[
    "canh-giac-lua-dao",
    "nop-thue-dien-tu",
    "hoi-nghi-so-ket",
    "ban-do-so",
    "wifi-cong-cong",
    "camera-an-ninh",
    "so-hoa-ho-so",
    "tap-huan-can-bo",
    "ra-mat-ung-dung",
    "dich-vu-cong-truc-tuyen",
    "thanh-toan-khong-dung-tien-mat",
    "huong-dan-vneid",
    "bai",
];

pub const SCRIPT_TITLE: &str = "Cảnh giác <script>alert(1)</script> và \"lừa đảo\" qua mạng";

/// Post folders linked from a list page, in order of appearance.
pub fn post_cards(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"<h[23] class="card-title"><a href="([^"]*)">"#).unwrap();
    re.captures_iter(html)
        .map(|c| {
            let href = html_unescape(&c[1]);
            href.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}
