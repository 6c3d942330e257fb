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
        let mut text = line.trim_matches(is_space).to_string();
        // A line of single spaces (no columns to keep) with a date spaced
        // apart from its units (`2024 年 11 月前完成`: PDFBox spaces a run
        // of digits set in another font): the date is one cell.
        // Only beside another cell: a line of the date alone keeps its
        // printed width, by which content-order dumps tell full lines.
        if !text.contains("  ") && text.contains(' ') && text.contains(DATE_UNITS) {
            if let std::borrow::Cow::Owned(joined) = join_spaced_dates(&text) {
                if joined.contains(' ') {
                    text = joined;
                }
            }
        }
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

/// Units a date is written in (`2024年11月`): a run of digits spaced
/// apart from one is one word with it.
const DATE_UNITS: [char; 3] = ['年', '月', '日'];

/// `text` with the single spaces taken out of a date spaced apart from
/// its units (`2024 年 11 月`, `2024年 11月`): words where digits meet a
/// unit either way, joined where they spell at least two numbers with
/// their units (one alone is prose: `近 2 年`).
fn join_spaced_dates(text: &str) -> std::borrow::Cow<'_, str> {
    let words: Vec<&str> = text.split(' ').collect();
    let joins = |before: &str, word: &str| {
        let digits_then_unit =
            !before.is_empty() && before.chars().all(|c| c.is_ascii_digit()) && word.starts_with(DATE_UNITS);
        let unit_then_digits = before.ends_with(DATE_UNITS)
            && before
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || DATE_UNITS.contains(&c))
            && word.chars().next().is_some_and(|c| c.is_ascii_digit());
        digits_then_unit || unit_then_digits
    };
    // Runs of words each joining the one before: `[start, end)`.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=words.len() {
        let joined = match (words.get(i - 1), words.get(i)) {
            (Some(before), Some(word)) => joins(before, word),
            _ => false,
        };
        if !joined {
            let spelled: String = words.get(start..i).unwrap_or_default().concat();
            if i - start >= 2 && numbers_with_units(&spelled) >= MIN_DATE_PARTS {
                runs.push((start, i));
            }
            start = i;
        }
    }
    if runs.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        let inside = runs.iter().any(|&(a, b)| i > a && i < b);
        if i > 0 && !inside {
            out.push(' ');
        }
        out.push_str(word);
    }
    std::borrow::Cow::Owned(out)
}

/// Fewest numbers with their units a spaced date spells (`2024年11月`).
const MIN_DATE_PARTS: usize = 2;

/// How many runs of digits in `text` a date unit follows (`2024年11月` 2).
fn numbers_with_units(text: &str) -> usize {
    text.chars()
        .zip(text.chars().skip(1))
        .filter(|(d, u)| d.is_ascii_digit() && DATE_UNITS.contains(u))
        .count()
}

/// Spaces that separate cells: ASCII whitespace, tabs, the ideographic space
/// U+3000 and no-break spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The cells of one dump line.
    fn cells(line: &str) -> Vec<String> {
        Row::from_line(Location::Line(1), line).cells
    }

    #[test]
    fn a_date_spaced_from_its_units_is_one_cell() {
        // PDFBox's sorted text of a Typst form.
        assert_eq!(
            cells("时效指标 项目完成及时性 2024 年 11 月前完成"),
            ["时效指标", "项目完成及时性", "2024年11月前完成"]
        );
        assert_eq!(
            cells("计划开始日期 2024 年 1 月 1 日"),
            ["计划开始日期", "2024年1月1日"]
        );
    }

    #[test]
    fn other_spacing_is_kept() {
        // Columns of a layout dump; a date alone on its line (its width
        // tells a content-order dump's full lines); digits without a unit.
        assert_eq!(cells("数量指标  2024 年"), ["数量指标", "2024", "年"]);
        assert_eq!(cells("2026 年 11 月底前完"), ["2026", "年", "11", "月底前完"]);
        assert_eq!(cells("服务人数 300 人次"), ["服务人数", "300", "人次"]);
        assert_eq!(cells("（2026 年度） 项目名称"), ["（2026", "年度）", "项目名称"]);
    }

    proptest! {
        /// Joining takes out spaces only: the line's other characters, in
        /// order, stay.
        #[test]
        fn joining_dates_drops_only_spaces(line in "[0-9年月日 项目a]{0,24}") {
            let joined = join_spaced_dates(&line);
            let without = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
            prop_assert_eq!(without(&joined), without(&line));
        }
    }
}
