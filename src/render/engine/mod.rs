//! The shared rendering machinery: the theme and its templates, render
//! jobs and the build plan's parts, the context every page shares, UI
//! strings and view structs.

pub mod context;
pub mod entries;
pub mod i18n;
pub mod index;
pub mod jobs;
pub mod templates;
pub mod theme;
pub mod vars;
pub mod views;
