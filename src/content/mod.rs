//! Content: reading `content/` into pages and assets (load), front matter,
//! and Markdown rendering with link rewriting.

pub mod frontmatter;
pub mod markdown;
pub mod sanitize;
