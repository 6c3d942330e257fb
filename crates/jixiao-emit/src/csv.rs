//! CSV: `projects.csv`, `indicators.csv` and `diagnostics.csv` over all
//! documents of a run
//! (docs/output.md), UTF-8 with an optional BOM for Excel, RFC 4180 quoting,
//! CRLF line ends.

use crate::table::{Sheet, Tables};
use crate::Error;

/// How the CSV is written for the program that opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flavour {
    /// A UTF-8 BOM first (Excel reads the file as UTF-8 only then).
    pub bom: bool,
    /// Text cells that a spreadsheet would take for a formula or a number
    /// (starting with `=`, `+`, `-`, `@`, tab or CR: OWASP's CSV injection
    /// list) get one leading tab ([`GUARD`]): LibreOffice, Excel and WPS
    /// then keep the cell as text (a leading space is not enough:
    /// LibreOffice still reads ` -5%` as the number -0.05), and it is
    /// whitespace, so `str.strip()` gives back the exact text.
    pub formula_guard: bool,
    /// Chinese column titles (`--headers zh`).
    pub zh_headers: bool,
}

/// The CSV files of `tables`: (`projects.csv`, `indicators.csv`,
/// `diagnostics.csv`).
pub fn to_strings(tables: &Tables, flavour: Flavour) -> Result<(String, String, String), Error> {
    Ok((
        sheet(&tables.projects, flavour)?,
        sheet(&tables.indicators, flavour)?,
        sheet(&tables.diagnostics, flavour)?,
    ))
}

/// What the formula guard puts before a cell.
pub const GUARD: char = '\t';

/// True for a text a spreadsheet would read as a formula (or a number).
pub fn needs_guard(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell as the CSV holds it: with the formula guard where asked.
pub(crate) fn cell_text(value: &crate::table::Value, flavour: Flavour) -> String {
    match value {
        crate::table::Value::Text(t) if flavour.formula_guard && needs_guard(t) => format!("{GUARD}{t}"),
        other => other.to_csv(),
    }
}

/// One sheet as CSV text.
pub fn sheet(sheet: &Sheet, flavour: Flavour) -> Result<String, Error> {
    let bom = flavour.bom;
    let mut buffer = Vec::new();
    if bom {
        buffer.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(buffer);
    writer.write_record(sheet.titles(flavour.zh_headers))?;
    for row in &sheet.rows {
        // Rows added before an extra column appeared are shorter.
        let padding = sheet.columns.len().saturating_sub(row.len());
        let empty = crate::table::Value::Empty;
        writer.write_record(
            row.iter()
                .chain(std::iter::repeat_n(&empty, padding))
                .map(|v| cell_text(v, flavour)),
        )?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::Flush(e.to_string()))?;
    Ok(String::from_utf8(bytes)?)
}
