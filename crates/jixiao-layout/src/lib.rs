//! Layout: an input file becomes the rows of cells the parser reads.
//!
//! The parser does not care whether a cell came from a PDF grid or from a
//! line of a text dump; this crate hides the difference. A [`Row`] is one
//! printed line: its [`Location`], the whole line as printed and the cells on
//! it. For a text dump ([`text`]) the cells are the runs of text separated by
//! whitespace (pseudo-cells); the bytes are decoded first, whatever the
//! encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK).
//!
//! ```
//! let rows = jixiao_layout::text::rows_from_bytes(b"\xef\xbb\xbfA  B\r\n\r\nC").unwrap();
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[0].cells, ["A", "B"]);
//! assert_eq!(rows[1].loc, jixiao_model::Location::Line(3));
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod pdf;
pub mod text;

use jixiao_model::Location;

/// One printed line of the input, split into cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where the line is (a text line, or a PDF page).
    pub loc: Location,
    /// The line as printed, trimmed at both ends; inner spacing kept.
    pub text: String,
    /// The cells (never empty strings), left to right. A cell of a ruled
    /// table keeps its printed lines, separated by `\n`.
    pub cells: Vec<String>,
    /// True when the cells are real table cells (between ruling lines), not
    /// runs of text split at spaces.
    pub ruled: bool,
    /// Text dumps: characters of whitespace before the text (a column
    /// position in `pdftotext -layout` output); 0 for PDF rows.
    pub indent: usize,
    /// Text dumps: the page, counted by form feeds from 1; PDF rows: their
    /// page.
    pub sheet: u32,
}

impl Row {
    /// A row from one printed line; cells are split at whitespace.
    pub fn from_line(loc: Location, line: &str) -> Row {
        let indent = line.chars().take_while(|c| is_space(*c)).count();
        let sheet = match loc {
            Location::Page(page) => page,
            Location::Line(_) => 1,
        };
        let text = line.trim_matches(is_space).to_string();
        let cells = text
            .split(is_space)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        Row {
            loc,
            text,
            cells,
            ruled: false,
            indent,
            sheet,
        }
    }
}

/// Spaces that separate cells: ASCII whitespace, tabs, the ideographic space
/// U+3000 and no-break spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}
