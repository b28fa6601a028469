//! minhbach: a static site generator for the "Chuyển đổi số" (digital
//! transformation) sections of Vietnamese local-government portals.
//!
//! The pipeline is load → validate → model → render → write; see
//! `ARCHITECTURE.md` for the map.

pub mod data;
pub mod diagnostics;
pub mod text;
