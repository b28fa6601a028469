//! Content: reading `content/` into pages and assets (load), front matter,
//! and Markdown rendering with link rewriting.

pub mod cache;
pub mod fields;
pub mod frontmatter;
mod layout;
pub mod links;
pub mod load;
pub mod markdown;
pub mod page;
pub(crate) mod raw_syntax;
pub mod sanitize;
pub mod shortcodes;
pub mod statics;

pub use cache::ContentCache;
pub use load::{Content, load, load_cached};
pub use page::{Asset, Page, PageKind};
