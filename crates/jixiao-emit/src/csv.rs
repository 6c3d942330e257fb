//! CSV: `projects.csv` and `indicators.csv` over all documents of a run
//! (SCHEMA.md), UTF-8 with an optional BOM for Excel, RFC 4180 quoting,
//! CRLF line ends.

use crate::table::{Sheet, Tables};
use crate::Error;

/// The two CSV files of `tables`: (`projects.csv`, `indicators.csv`).
pub fn to_strings(tables: &Tables, bom: bool) -> Result<(String, String), Error> {
    Ok((sheet(&tables.projects, bom)?, sheet(&tables.indicators, bom)?))
}

/// One sheet as CSV text.
pub fn sheet(sheet: &Sheet, bom: bool) -> Result<String, Error> {
    let mut buffer = Vec::new();
    if bom {
        buffer.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(buffer);
    writer.write_record(sheet.columns)?;
    for row in &sheet.rows {
        writer.write_record(row.iter().map(|v| v.to_csv()))?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::Flush(e.to_string()))?;
    Ok(String::from_utf8(bytes)?)
}
