//! Emitters: [`jixiao_model::Document`]s → bytes for people and spreadsheets.
//!
//! The emitters know nothing about PDFs or parsing; they consume the data
//! model only. [`json`] pretty-prints one document with the field order of
//! the schema. [`table::Tables`] collects the rows of a whole run with typed
//! cells; [`csv`] writes the tables of docs/output.md from them and [`xlsx`] a
//! workbook with the same rows plus the diagnostics.
//!
//! ```
//! use jixiao_model::{Document, Format, Source};
//! let doc = Document::new(Source { file: "a.txt".into(), format: Format::Text, sha256: "00".into(), pages: None });
//! let json = jixiao_emit::json::to_string(&doc).unwrap();
//! assert!(json.starts_with("{\n  \"schema_version\": 1,"));
//! let mut tables = jixiao_emit::table::Tables::new();
//! tables.add(&doc);
//! let (projects, _indicators, _diagnostics) = jixiao_emit::csv::to_strings(&tables, jixiao_emit::csv::Flavour::default()).unwrap();
//! assert_eq!(projects.lines().count(), 1); // the header row only
//! let xlsx = jixiao_emit::xlsx::to_bytes(&tables).unwrap();
//! assert!(xlsx.starts_with(b"PK"));
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod csv;
pub mod json;
pub mod stream;
pub mod table;
pub mod xlsx;

/// Why output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("JSON encoding failed: {0}")]
    /// JSON encoding failed.
    Json(#[from] serde_json::Error),
    #[error("CSV encoding failed: {0}")]
    /// CSV encoding failed.
    Csv(#[from] ::csv::Error),
    #[error("CSV output is not UTF-8: {0}")]
    /// CSV output was not UTF-8.
    Utf8(#[from] std::string::FromUtf8Error),
    #[error("CSV writer could not be flushed: {0}")]
    /// A writer could not be flushed.
    Flush(String),
    #[error("XLSX encoding failed: {0}")]
    /// XLSX encoding failed.
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("too many rows or columns for a spreadsheet")]
    /// The workbook would be too large.
    TooLarge,
}
