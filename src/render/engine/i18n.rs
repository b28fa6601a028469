//! UI strings for Rust-built wording: a [`Tr`] over the theme's strings of
//! one language (`i18n/<lang>.toml`, Vietnamese fallback), with `{name}`
//! placeholders and plural choices `{name|one|other}`, and the header's province/city label.

use std::collections::BTreeMap;

use super::theme::Theme;
use crate::config::{Config, Region};

/// The strings of one language.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    strings: &'a BTreeMap<String, String>,
}

impl<'a> Tr<'a> {
    /// The strings of `lang` (Vietnamese for missing keys or languages).
    pub fn new(theme: &'a Theme, lang: &str) -> Self {
        Self {
            strings: theme.strings_for(lang),
        }
    }

    /// The string for `key`; the key itself when no language has it (a
    /// visible hint for a theme author, never a crash).
    pub fn get(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    /// The string for `key` with each `{name}` replaced by its value and
    /// each plural choice `{name|one|other}` made (see [`crate::text::fill`]).
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.strings.get(key) {
            Some(s) => crate::text::fill(s, args),
            None => key.to_owned(),
        }
    }
}

/// "tỉnh Hà Tĩnh" / "thành phố Hà Nội" (or the English wording), empty
/// when the header should not name a province (see [`Config::region`]).
pub fn region_label(config: &Config, tr: Tr) -> String {
    match config.region() {
        None => String::new(),
        Some(Region::AsWritten(n)) => n,
        Some(Region::Province(n)) => tr.fmt("region_province", &[("name", &n)]),
        Some(Region::City(n)) => tr.fmt("region_city", &[("name", &n)]),
    }
}
