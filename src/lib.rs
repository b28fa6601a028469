//! minhbach: a static site generator for the "Chuyển đổi số" (digital
//! transformation) sections of Vietnamese local-government portals.
//!
//! The pipeline is load → validate → model → render → write; see
//! `ARCHITECTURE.md` for the map.

pub mod build;
pub mod build_cache;
pub mod charts;
pub mod cli;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod docx;
pub mod import;
pub mod os_error;
pub mod output;
pub mod render;
pub mod serve;
pub mod site;
pub mod suggest;
pub mod syntax_errors;
pub mod text;
pub mod timing;
