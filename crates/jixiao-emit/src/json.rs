//! JSON: one pretty document per input, with a trailing newline.

use jixiao_model::Document;

use crate::Error;

/// The document as pretty JSON (two-space indent, schema field order).
pub fn to_string(doc: &Document) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    Ok(text)
}

/// Reads a document written by [`to_string`].
pub fn from_str(text: &str) -> Result<Document, Error> {
    Ok(serde_json::from_str(text)?)
}
