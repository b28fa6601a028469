//! The shared rendering machinery: the theme and its templates, render
//! jobs and the build plan's parts, the context every page shares, UI
//! strings, view structs and rendering on request for `serve`.

pub mod addresses;
pub mod context;
pub mod i18n;
pub mod index;
pub mod jobs;
pub mod lazy;
pub mod templates;
pub mod theme;
pub mod views;
