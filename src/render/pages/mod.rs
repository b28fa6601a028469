//! The author's content as pages: one page per Markdown file, the 404
//! page, redirects for old addresses, and the paginated news lists (news,
//! tags, months, archive).

pub mod aliases;
pub mod lists;
pub mod single;
pub mod translations;
