//! Vietnamese text conventions shared by every stage: slugs, diacritic folding,
//! alphabetical order, number and date formatting, and escaping helpers.

pub mod collate;
pub mod dates;
pub mod escape;
pub mod fill;
pub mod numbers;
pub mod percent;
pub mod plain;
pub mod scan;
pub mod slug;

pub use collate::{sort_key, vi_cmp};
pub use fill::fill;
pub use numbers::{format_decimal, format_integer, format_percent};
pub use slug::{fold, is_windows_reserved, slugify, windows_safe, windows_safe_path};
