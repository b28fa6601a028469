//! The data layer: spreadsheets and data files of targets, results, tasks,
//! budget, the DTI index and units → a validated [`DataSet`] → computed
//! progress and totals, plus open-data exports and fill-in templates.
//!
//! Flow: read (bytes → located cells) → parse (headers, typed values) →
//! model → validate cross-references → compute. The file/column contract is
//! `docs/decisions/0002-data-files.md`.

pub mod kind;
pub mod read;
pub mod table;
pub mod values;

pub use kind::Kind;
