//! Emitters: [`Document`]s → bytes for people and spreadsheets.
//!
//! The emitters know nothing about PDFs or parsing; they consume the data
//! model only. JSON is pretty-printed with the field order of the schema;
//! CSV follows SCHEMA.md's two tables over all documents of a run.
//!
//! ```
//! use jixiao_model::{Document, Format, Source};
//! let doc = Document::new(Source { file: "a.txt".into(), format: Format::Text, sha256: "00".into(), pages: None });
//! let json = jixiao_emit::json::to_string(&doc).unwrap();
//! assert!(json.starts_with("{\n  \"schema_version\": 1,"));
//! let mut csv = jixiao_emit::csv::Tables::new(false);
//! csv.add(&doc);
//! let (projects, _indicators) = csv.finish().unwrap();
//! assert_eq!(projects.lines().count(), 1); // the header row only
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod csv;
pub mod json;

/// Why output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("JSON encoding failed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSV encoding failed: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("CSV output is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
    #[error("CSV writer could not be flushed: {0}")]
    Flush(String),
}
