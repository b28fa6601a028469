//! What the site publishes besides its pages: Atom and JSON feeds, the
//! sitemap, the search page with its index files, and the sharing preview
//! images (`og:image`).

pub mod feeds;
pub mod search;
pub mod search_index;
pub mod section_feeds;
mod sharing_canvas;
mod sharing_font;
pub mod sharing_images;
pub mod sitemap;
