//! Text dumps: bytes → decoded text → [`Row`]s.
//!
//! Encoding is decided, never guessed into mojibake: a BOM wins; then bytes
//! that are valid UTF-8 are UTF-8; then UTF-16 without BOM is recognised by
//! its NUL bytes; then GB18030 (a superset of GBK and GB2312) is accepted
//! only when it decodes without error and reads like Chinese. Anything else
//! is an [`Error`].

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use jixiao_model::Location;

use crate::Row;

/// Why a text input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("the file is empty")]
    /// The file is empty.
    Empty,
    #[error("the file looks binary, not text (control byte 0x{byte:02x} at offset {offset})")]
    /// The bytes are not text (a control byte at `offset`).
    Binary {
        /// Byte offset.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    #[error("the text encoding cannot be determined: {reason}")]
    /// The encoding cannot be determined.
    UnknownEncoding {
        /// Why not.
        reason: String,
    },
}

/// The text of a decoded dump and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `gb18030`.
    pub encoding: &'static str,
    /// Bytes of an incomplete last character dropped: the text ends
    /// inside a character (a truncated download). 0 for a whole text.
    pub cut_tail: usize,
}

/// Most bytes of an incomplete last character (a UTF-8 or GB18030
/// character is at most four bytes).
const MAX_CUT_TAIL: usize = 3;

/// Decodes the bytes of a text dump (see the module docs for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let Some((text, cut)) = decode_cut(encoding, body) else {
            return Err(Error::UnknownEncoding {
                reason: format!(
                    "it starts with a {} BOM but is not valid {}",
                    encoding.name(),
                    encoding.name()
                ),
            });
        };
        return finish(text, encoding.name(), cut);
    }
    if let Some((text, cut)) = decode_cut(UTF_8, bytes) {
        return finish(text, "UTF-8", cut);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        if let Some((text, cut)) = decode_cut(encoding, bytes) {
            return finish(text, encoding.name(), cut);
        }
    }
    let controls = bytes.iter().filter(|&&b| is_binary_byte(b)).count();
    if let Some(offset) = bytes
        .iter()
        .position(|&b| is_binary_byte(b) && (b == 0 || controls * BINARY_SHARE > bytes.len()))
    {
        return Err(Error::Binary {
            offset,
            byte: bytes.get(offset).copied().unwrap_or_default(),
        });
    }
    let Some((text, cut)) = decode_cut(GB18030, bytes) else {
        return Err(Error::UnknownEncoding {
            reason: "neither UTF-8, UTF-16 nor GB18030".to_string(),
        });
    };
    if !reads_like_gb(bytes.get(..bytes.len() - cut).unwrap_or_default()) {
        return Err(Error::UnknownEncoding {
            reason: "not UTF-8, and as GB18030 it does not read like Chinese text".to_string(),
        });
    }
    finish(text, "gb18030", cut)
}

/// `body` read as `encoding`: whole, or up to an incomplete last character
/// (a download cut short), with the count of bytes cut. `None` where a
/// byte sequence is malformed, or where nothing but the cut character is
/// left. The same step for every encoding, with or without a BOM.
fn decode_cut(encoding: &'static Encoding, body: &[u8]) -> Option<(String, usize)> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) {
        return Some((text.into_owned(), 0));
    }
    // Read as a stream that may go on, an incomplete last character is
    // pending, not malformed: anything malformed is refused here.
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut scratch = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(body.len())?);
    let (result, _) = decoder.decode_to_string_without_replacement(body, &mut scratch, false);
    if result != DecoderResult::InputEmpty {
        return None;
    }
    (1..=MAX_CUT_TAIL.min(body.len().saturating_sub(1))).find_map(|cut| {
        let whole = body.get(..body.len() - cut)?;
        let text = encoding.decode_without_bom_handling_and_without_replacement(whole)?;
        Some((text.into_owned(), cut))
    })
}

/// Share of control characters (one in this many) past which a text is
/// taken for binary data; below it, stray controls in a real dump (a BEL a
/// spreadsheet left in a cell) are removed by the parser, with a warning.
const BINARY_SHARE: usize = 100;

fn finish(text: String, encoding: &'static str, cut_tail: usize) -> Result<Decoded, Error> {
    let controls = text.chars().filter(|&c| is_binary_char(c)).count();
    let first = text
        .char_indices()
        .find(|&(_, c)| is_binary_char(c) && (c == '\0' || controls * BINARY_SHARE > text.len()));
    if let Some((offset, c)) = first {
        return Err(Error::Binary {
            offset,
            byte: u8::try_from(u32::from(c)).unwrap_or(0xff),
        });
    }
    Ok(Decoded {
        text,
        encoding,
        cut_tail,
    })
}

fn is_binary_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)
}

fn is_binary_char(c: char) -> bool {
    u32::from(c) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// UTF-16 without a BOM shows itself by NUL bytes on one side of each pair
/// (ASCII line ends and digits are always present in these dumps).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    // An odd length is a text cut inside a code unit: its pairs still show.
    if bytes.len() < 4 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        if pair.first() == Some(&0) {
            even_nul += 1;
        }
        if pair.get(1) == Some(&0) {
            odd_nul += 1;
        }
    }
    if odd_nul * 10 >= pairs && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Real Chinese text in GBK uses mostly the GB2312 level-1 ideographs and
/// symbols (lead bytes 0xA1–0xA9, 0xB0–0xD7); Latin-1 or other legacy text
/// misread as GBK scatters over the whole code space.
fn reads_like_gb(bytes: &[u8]) -> bool {
    let (mut double, mut common) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if (0x30..=0x39).contains(&next) {
            i += 4; // four-byte GB18030 sequence
            double += 1;
            continue;
        }
        double += 1;
        if (0xa1..=0xa9).contains(&b) || (0xb0..=0xd7).contains(&b) {
            common += 1;
        }
        i += 2;
    }
    double > 0 && common * 10 >= double * 7
}

/// Splits decoded text into rows: CRLF, CR and LF end lines; a form feed
/// (a page break in `pdftotext` output) ends a line too. Blank lines are
/// dropped; every row keeps its 1-based line number.
pub fn rows(text: &str) -> Vec<Row> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Zero-width spaces between ideographs (a web export's line breaks)
    // are in the dump as in the PDF's text layer; no reader sees them.
    let visible = jixiao_model::normalize::without_invisible(text);
    let text = visible.as_ref();
    // Dumps of PDFs whose ToUnicode gives radicals (Skia) or compatibility
    // ideographs (MuPDF) for ideographs carry them too: fold them as the PDF
    // path does, by the text's script.
    let folded;
    let text = if jixiao_pdf::has_foldable_ideographs(text) {
        folded = jixiao_pdf::fold_radicals_in(text, jixiao_pdf::script_of(std::iter::once(text)));
        folded.as_str()
    } else {
        text
    };
    let read = as_read(text);
    let text = read.as_ref();
    let autospaced = pages_spacing_scripts(text);
    let mut rows = Vec::new();
    let mut sheet = 1u32;
    for (index, (line, after_form_feed)) in lines_with_breaks(text).enumerate() {
        if after_form_feed {
            sheet = sheet.saturating_add(1);
        }
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut row = Row::from_line(Location::Line(number), line);
        row.sheet = sheet;
        let page = usize::try_from(sheet - 1).unwrap_or(usize::MAX);
        if autospaced.get(page).copied().unwrap_or(false) {
            join_script_spaced_cells(&mut row);
        }
        if !row.cells.is_empty() {
            rows.push(row);
        }
    }
    rows
}

/// Fewest numbers printed with a space after their separator
/// (`31, 487, 510. 00`) that make a dump one whose extractor spaces them.
const MIN_SPACED_NUMBERS: usize = 3;

/// True when the extractor printed a space after the separators inside
/// numbers (poppler does for cairo's re-embedded GBK fonts, whose ASCII
/// glyphs are narrower than their advance: `2024- 01- 01`,
/// `≥2. 00( 次)`), and did so more often than not: the space is then the
/// extractor's, not the sheet's.
fn spaces_numbers(text: &str) -> bool {
    let (mut spaced, mut unspaced) = (0usize, 0usize);
    let mut window = [' '; 4];
    for c in text.chars() {
        window = [window[1], window[2], window[3], c];
        let [a, b, c2, d] = window;
        if a.is_ascii_digit() && matches!(b, ',' | '.' | '-') && c2 == ' ' && d.is_ascii_digit() {
            spaced += 1;
        }
        if b.is_ascii_digit() && matches!(c2, ',' | '.' | '-') && d.is_ascii_digit() {
            unspaced += 1;
        }
    }
    spaced >= MIN_SPACED_NUMBERS && spaced > unspaced
}

/// `text` as [`rows`] reads its cells, line for line: where the extractor
/// put a space after the separators inside numbers (`31, 487, 510. 00`),
/// the spaces taken out; a word that it printed with every character twice
/// (`财财政政项项目目`) halved. What is taken out of a line is put back as
/// spaces at the end of its cell, so the cells after it keep their column.
pub fn as_read(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = std::borrow::Cow::Borrowed(text);
    if spaces_numbers(text) {
        out = std::borrow::Cow::Owned(close_spaced_numbers(text));
    }
    if has_doubled_words(&out) {
        out = std::borrow::Cow::Owned(undouble_words(&out));
    }
    out
}

/// Fewest places where the dump sets one space between an ideograph and
/// a digit (`开展至少 1 次`, `2024 年底完成`) for that to be its typesetter's
/// (Typst's, Writer's autospace) rather than a gap between two cells.
const MIN_SPACED_SCRIPTS: usize = 8;
/// How many times more such spaces than spaces between two ideographs or
/// gaps of two spaces: a dump that prints a row's cells side by side
/// (`pdftotext -raw`, pypdf, `-layout`) parts cells by one space or more,
/// and a space before a number there may part a label from its value.
const SCRIPT_SPACES_OVER_GAPS: usize = 10;

/// Per page (parted by form feeds), whether its typesetter spaced
/// ideographs from digits ([`spaces_scripts`]): the whole dump's answer,
/// but for a page whose text holds enough of the other way and none of
/// this one (a form's pages appended to a budget's text from another
/// producer: `不低于 12 场` on the form's pages, `30.00万元` and never a
/// space on the budget's). One producer's pages mix both (`2024年` in a
/// goal, `满意率 100%` in the table), and follow the whole dump.
fn pages_spacing_scripts(text: &str) -> Vec<bool> {
    // The forms' text tells, where it holds enough evidence: a budget's
    // pages around them (PyMuPDF joins pages with no mark) are another
    // producer's, often.
    let forms = script_spacing(forms_text(text));
    let whole = if forms.spaced + forms.joined >= MIN_SPACED_SCRIPTS {
        forms.autospaced()
    } else {
        spaces_scripts(text)
    };
    text.split('\u{c}')
        .map(|page| {
            let page = script_spacing(page);
            if whole {
                !(page.spaced == 0 && page.joined >= MIN_SPACED_SCRIPTS)
            } else {
                page.joined == 0 && page.autospaced()
            }
        })
        .collect()
}

/// The part of `text` from the first line that names performance targets
/// (`财政项目支出绩效目标申报表`) to the last that holds an indicator label
/// or header (`…指标`): the forms, without what a budget prints around
/// them; all of `text` where it has no such lines.
fn forms_text(text: &str) -> &str {
    let Some(first) = text.find("绩效目标") else {
        return text;
    };
    let start = text.get(..first).and_then(|t| t.rfind('\n')).map_or(0, |n| n + 1);
    let Some(last) = text.rfind("指标") else { return text };
    let end = text
        .get(last..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |n| last + n);
    text.get(start..end).filter(|forms| !forms.is_empty()).unwrap_or(text)
}

/// True when a dump that prints a cell a line (plain `pdftotext`,
/// PyMuPDF) sets a space between ideographs and digits and never joins
/// them (`不低于 12 场`, `满意率 100%`: Typst and Writer through poppler):
/// in a sheet's own text a number touches its ideographs.
fn spaces_scripts(text: &str) -> bool {
    script_spacing(text).autospaced()
}

/// How a text sets digits beside ideographs ([`script_spacing`]).
#[derive(Debug, Clone, Copy)]
struct ScriptSpacing {
    /// Single spaces between an ideograph and a digit.
    spaced: usize,
    /// Ideographs and digits that touch.
    joined: usize,
    /// Gaps between cells: a space between two ideographs, two spaces.
    gaps: usize,
}

impl ScriptSpacing {
    /// The typesetter's spacing ([`spaces_scripts`]).
    fn autospaced(self) -> bool {
        self.spaced >= MIN_SPACED_SCRIPTS
            && self.spaced > self.joined
            && self.gaps.saturating_mul(SCRIPT_SPACES_OVER_GAPS) < self.spaced
    }
}

/// How `text` sets digits beside ideographs.
fn script_spacing(text: &str) -> ScriptSpacing {
    let (mut spaced, mut joined, mut gaps) = (0usize, 0usize, 0usize);
    // (A line end before the text: no gap.)
    let mut window = ['\n'; 3];
    for c in text.chars() {
        window = [window[1], window[2], c];
        let [a, b, c2] = window;
        let meets =
            |x: char, y: char| (is_ideograph(x) && y.is_ascii_digit()) || (x.is_ascii_digit() && is_ideograph(y));
        if b == ' ' && meets(a, c2) {
            spaced += 1;
        }
        if meets(b, c2) {
            joined += 1;
        }
        if (b == ' ' && is_ideograph(a) && is_ideograph(c2)) || (a == ' ' && b == ' ' && c2 != ' ') {
            gaps += 1;
        }
    }
    ScriptSpacing { spaced, joined, gaps }
}

/// A CJK unified ideograph.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The row's cells with those the typesetter's space between an
/// ideograph and a digit parted joined again, the space kept
/// (`满意率 100%` is one cell; its printed width, by which content-order
/// dumps tell full lines, stays).
fn join_script_spaced_cells(row: &mut Row) {
    // A number of a cell's text, not an amount (`年度资金申请总
    // 1,280,000.00` are two cells), a date or a ratio beside a label: its
    // digits (and a `%` after them) touch no separator.
    let separator = |c: Option<char>| c.is_some_and(|c| matches!(c, ',' | '.' | '-' | '/' | ':'));
    let leads_plain_number = |cell: &str| {
        let mut chars = cell.chars().skip_while(char::is_ascii_digit);
        cell.starts_with(|c: char| c.is_ascii_digit()) && !separator(chars.next())
    };
    let ends_plain_number = |cell: &str| {
        let trimmed = cell.trim_end_matches('%');
        let mut before = trimmed.chars().rev().skip_while(char::is_ascii_digit);
        trimmed.ends_with(|c: char| c.is_ascii_digit()) && !separator(before.next())
    };
    let mut cells: Vec<String> = Vec::with_capacity(row.cells.len());
    for cell in row.cells.drain(..) {
        match cells.last_mut() {
            Some(last)
                if last.chars().last().zip(cell.chars().next()).is_some_and(|(a, b)| {
                    (is_ideograph(a) && leads_plain_number(&cell)) || (is_ideograph(b) && ends_plain_number(last))
                }) && row.text.contains(&format!("{last} {cell}")) =>
            {
                last.push(' ');
                last.push_str(&cell);
            }
            _ => cells.push(cell),
        }
    }
    row.cells = cells;
}

/// Fewest pairs of one word printed twice over, of them this many
/// ideographs (a real word with three ideographs each doubled, `谢谢` …
/// three times over, is no sheet's text; `1100` is a number).
const MIN_DOUBLED_PAIRS: usize = 4;
const MIN_DOUBLED_IDEOGRAPHS: usize = 2;

/// A word whose characters come in equal pairs (`上上海海市市`): a
/// heading set in a synthetic bold that the producer drew twice, a hair
/// apart (Qt's PDF engine, for a font without a bold face), which
/// pdfplumber prints character by character while poppler and PyMuPDF
/// drop the copy.
fn doubled_word(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if !chars.len().is_multiple_of(2) || chars.len() < 2 * MIN_DOUBLED_PAIRS {
        return None;
    }
    let mut half = String::with_capacity(word.len() / 2);
    let mut ideographs = 0;
    for pair in chars.chunks(2) {
        match pair {
            [a, b] if a == b => {
                if ('\u{4e00}'..='\u{9fff}').contains(a) {
                    ideographs += 1;
                }
                half.push(*a);
            }
            _ => return None,
        }
    }
    (ideographs >= MIN_DOUBLED_IDEOGRAPHS).then_some(half)
}

fn has_doubled_words(text: &str) -> bool {
    text.split(|c: char| crate::is_space(c) || c == '\n' || c == '\r')
        .any(|w| doubled_word(w).is_some())
}

/// `text` with every doubled word halved, each followed by as many spaces
/// as it lost characters (a layout dump's columns stay where they were).
fn undouble_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match doubled_word(word) {
            Some(half) => {
                let lost = word.chars().count() - half.chars().count();
                out.push_str(&half);
                out.extend(std::iter::repeat_n(' ', lost));
            }
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if crate::is_space(c) || c == '\n' || c == '\r' || c == '\u{c}' {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Separators after which such an extractor put a space inside a number,
/// a unit (`( 次)`) or the header's `年度( / 项目)`.
fn is_spaced_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '-' | ':' | '/' | '(')
}

/// `text` with the extractor's spaces after separators taken out
/// (`31, 487, 510. 00` → `31,487,510.00`, `≥2. 00( 次)` → `≥2.00(次)`,
/// `1) 、组织` → `1)、组织`). Each space taken out is put back where the
/// cell it stood in ends (at a gap of two spaces or the line end), so that
/// the cells after it keep their character column in a layout dump.
fn close_spaced_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut owed = 0usize;
    let mut chars = text.chars().peekable();
    let mut before: [char; 2] = [' ', ' '];
    while let Some(c) = chars.next() {
        if c == ' ' {
            let after = chars.peek().copied().unwrap_or(' ');
            let [prev2, prev] = before;
            let spaced = !is_cell_break(after)
                && ((is_spaced_separator(prev)
                    && (prev2.is_ascii_digit() || prev2 == '(' || (prev == '(' && !is_cell_break(prev2))))
                    || (prev == ')' && matches!(after, '、' | '，' | '。' | '；' | '：')));
            if spaced {
                owed += 1;
                continue;
            }
        }
        // A cell ends at a line end or a gap of two spaces or more.
        let cell_ends = matches!(c, '\n' | '\r' | '\u{c}')
            || (crate::is_space(c) && chars.peek().is_some_and(|n| crate::is_space(*n)));
        if cell_ends {
            out.extend(std::iter::repeat_n(' ', owed));
            owed = 0;
        }
        out.push(c);
        before = [before[1], c];
    }
    out
}

/// A space or a line end: where a run of text ends.
fn is_cell_break(c: char) -> bool {
    c == '\n' || c == '\r' || c == '\u{c}' || crate::is_space(c)
}

/// The lines of `text`, whatever the line ends.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    lines_with_breaks(text).map(|(line, _)| line)
}

/// The lines of `text`, each with whether a form feed (a page break)
/// ended the line before it.
fn lines_with_breaks(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = Some(text);
    let mut after_form_feed = false;
    std::iter::from_fn(move || {
        let current = rest?;
        let starts_page = std::mem::take(&mut after_form_feed);
        match current.find(['\r', '\n', '\u{c}']) {
            Some(at) => {
                let line = current.get(..at).unwrap_or_default();
                let tail = current.get(at..).unwrap_or_default();
                after_form_feed = tail.starts_with('\u{c}');
                let skip = if tail.starts_with("\r\n") { 2 } else { 1 };
                rest = tail.get(skip..);
                Some((line, starts_page))
            }
            None => {
                rest = None;
                Some((current, starts_page))
            }
        }
    })
}

/// [`decode`] then [`rows`].
pub fn rows_from_bytes(bytes: &[u8]) -> Result<Vec<Row>, Error> {
    Ok(rows(&decode(bytes)?.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 科技服务 ≥2.00(次)\n";

    #[test]
    fn encodings_agree() {
        let (gb, _, _) = GB18030.encode(SAMPLE);
        let mut utf16le = vec![0xff, 0xfe];
        let mut utf16be = vec![0xfe, 0xff];
        for unit in SAMPLE.encode_utf16() {
            utf16le.extend(unit.to_le_bytes());
            utf16be.extend(unit.to_be_bytes());
        }
        let mut bom8 = vec![0xef, 0xbb, 0xbf];
        bom8.extend(SAMPLE.as_bytes());
        for (bytes, name) in [
            (SAMPLE.as_bytes().to_vec(), "UTF-8"),
            (bom8, "UTF-8"),
            (gb.into_owned(), "gb18030"),
            (utf16le.clone(), "UTF-16LE"),
            (utf16be.clone(), "UTF-16BE"),
            (utf16le.get(2..).unwrap_or_default().to_vec(), "UTF-16LE"),
        ] {
            let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(decoded.text, SAMPLE, "{name}");
            assert_eq!(decoded.encoding, name);
        }
    }

    /// A download cut inside a character: the whole characters are read,
    /// the incomplete one is counted, whatever the encoding.
    #[test]
    fn a_text_cut_inside_a_character_reads_up_to_it() {
        let (gb, _, _) = GB18030.encode(SAMPLE);
        for (bytes, name) in [(SAMPLE.as_bytes().to_vec(), "UTF-8"), (gb.into_owned(), "gb18030")] {
            // The sample ends `…≥2.00(次)\n`: cut after the first byte of 次.
            let at = bytes.len() - if name == "UTF-8" { 4 } else { 3 };
            let cut = bytes.get(..at).unwrap_or_default();
            let decoded = decode(cut).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(decoded.encoding, name);
            assert!(decoded.text.ends_with("≥2.00("), "{name}: {:?}", decoded.text);
            assert_eq!(decoded.cut_tail, 1, "{name}");
            assert_eq!(decode(&bytes).map(|d| d.cut_tail), Ok(0), "{name}");
        }
    }

    /// The same cut in every encoding, with and without a BOM, at every
    /// byte of the sample's second half: what is read is the sample up to
    /// its last whole character, and the bytes cut are counted.
    #[test]
    fn a_text_cut_anywhere_reads_up_to_its_last_whole_character() {
        let gb = |text: &str| GB18030.encode(text).0.into_owned();
        let le = |text: &str| text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
        let be = |text: &str| text.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>();
        let utf8 = |text: &str| text.as_bytes().to_vec();
        type Encode<'f> = &'f dyn Fn(&str) -> Vec<u8>;
        let encodings: [(&str, &[u8], Encode); 6] = [
            ("UTF-8", b"", &utf8),
            ("UTF-8", b"\xef\xbb\xbf", &utf8),
            ("gb18030", b"", &gb),
            ("UTF-16LE", b"\xff\xfe", &le),
            ("UTF-16LE", b"", &le),
            ("UTF-16BE", b"\xfe\xff", &be),
        ];
        for (name, bom, encode) in encodings {
            let mut bytes = bom.to_vec();
            bytes.extend(encode(SAMPLE));
            for at in bytes.len() / 2..bytes.len() {
                let cut = bytes.get(..at).unwrap_or_default();
                let decoded = decode(cut).unwrap_or_else(|e| panic!("{name} cut at {at}: {e}"));
                assert_eq!(decoded.encoding, name, "cut at {at}");
                assert!(
                    SAMPLE.starts_with(&decoded.text),
                    "{name} cut at {at}: {:?}",
                    decoded.text
                );
                assert_eq!(
                    bom.len() + encode(&decoded.text).len() + decoded.cut_tail,
                    at,
                    "{name} cut at {at}"
                );
            }
        }
    }

    #[test]
    fn undeterminable_encodings_are_errors() {
        assert_eq!(decode(b""), Err(Error::Empty));
        // Latin-1 text is not valid UTF-8 and does not read like GBK.
        let latin1 = b"Caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise, tr\xe8s \xe9l\xe9gant";
        assert!(matches!(decode(latin1), Err(Error::UnknownEncoding { .. })));
        assert!(matches!(decode(b"ab\x00\x01\x02c\xff"), Err(Error::Binary { .. })));
    }

    #[test]
    fn spaced_numbers_close_up() {
        // poppler over cairo's re-embedded GBK font
        let spaced = "年度资金申请总额 31, 487, 510. 00\n计划开始日期 2024- 01- 01\n";
        assert!(spaces_numbers(spaced));
        for (input, want) in [
            (spaced, "年度资金申请总额 31,487,510.00   \n计划开始日期 2024-01-01  \n"),
            (
                "数量指标   活动 ≥2. 00( 次)   年度( / 项目) 指标值\n",
                "数量指标   活动 ≥2.00(次)     年度(/项目) 指标值  \n",
            ),
            ("1) 、组织 3- 5次 2. 00\n", "1)、组织 3-5次 2.00   \n"),
            // a cell gap stays a cell gap
            ("0. 0  x( 次)  ,  x\n", "0.0   x(次)   ,  x\n"),
        ] {
            assert_eq!(close_spaced_numbers(input), want, "{input:?}");
        }
        // two spaced numbers are not enough; unspaced ones outnumbering
        // spaced ones are the sheet's own spacing
        assert!(!spaces_numbers("1. 2 3. 4\n"));
        assert!(!spaces_numbers("1. 2 3. 4 5. 6 1.2 3.4 5.6 7.8\n"));
    }

    #[test]
    fn a_typesetters_space_between_ideographs_and_digits_parts_no_cells() {
        // Typst through plain pdftotext: every number spaced from its
        // ideographs, a cell a line.
        let autospaced = "开展至少 1 次团体心\n理治疗\n咨询满意率\n满意率 100%\n不低于 12 场\n2024 年底完成\n年度资金申请总 1,280,000.00\n计划开始日期 2026-01-01\n3.居民满意度达到 90% 以上。\n";
        assert!(spaces_scripts(autospaced));
        let cells: Vec<String> = rows(autospaced).iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            cells,
            [
                "开展至少 1 次团体心",
                "理治疗",
                "咨询满意率",
                "满意率 100%",
                "不低于 12 场",
                "2024 年底完成",
                // an amount, a date or a numbered item parts from a label
                "年度资金申请总 | 1,280,000.00",
                "计划开始日期 | 2026-01-01",
                "3.居民满意度达到 90% 以上。",
            ]
        );
        // A sheet's own numbers touch their ideographs; a dump of cells
        // side by side (`-raw`, `-layout`) parts them by spaces.
        assert!(!spaces_scripts(
            "开展9场 不低于12场 完成3次 共4场 约5天 第6期 1 次 2 次 3 次 4 次 5 次\n"
        ));
        let side_by_side = "项目名称 服务 项目性质 其他 主管部门 某局 实施单位 某中心 计划 开始 日期 不低于 12 场 ≥ 3 次 共 4 场 约 5 天 第 6 期 第 7 期\n";
        assert!(!spaces_scripts(side_by_side));
        assert!(!spaces_scripts(
            "至少 1 次  不低于 12 场  2024 年底  共 4 场  约 5 天\n"
        ));
    }

    #[test]
    fn a_page_of_another_producers_text_keeps_the_forms_spacing() {
        // A Typst form's page, then a page of a budget's text whose
        // numbers touch their ideographs (more of them than the form
        // has spaced ones): the form's page is still read as spaced, and
        // the budget's as its own.
        let form = "开展至少 1 次团体心\n理治疗\n满意率 100%\n不低于 12 场\n2024 年底完成\n至少 3 次\n共 4 场\n约 5 天\n第 6 期\n";
        let budget = "19. “社会保障和就业支出（类）其他生活救助（款）”30.00万元，上年:30.00万元，2023年当年预算执行数为20.00万。\n20. 共3项，第4期，约5天，第6季度，1月2日\n";
        let text = format!("{form}\u{c}{budget}");
        assert!(!spaces_scripts(&text));
        let cells: Vec<String> = rows(&text).iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(cells.get(3).map(String::as_str), Some("不低于 12 场"));
        assert_eq!(pages_spacing_scripts(&text), [true, false]);
        // One producer's pages that mix both follow the whole dump.
        assert_eq!(
            pages_spacing_scripts(&format!("{form}\u{c}第1期 共 2 场\n")),
            [true, true]
        );
        // Pages joined with no mark (PyMuPDF): the forms' own text tells.
        let heading = "财政项目支出绩效目标填报表\n一级指标\n";
        let joined = format!("{budget}{budget}{heading}{form}产出指标\n{budget}{budget}");
        assert!(!spaces_scripts(&joined));
        assert_eq!(pages_spacing_scripts(&joined), [true]);
    }

    #[test]
    fn doubled_words_are_halved() {
        for (input, want) in [
            // Qt's synthetic bold, as pdfplumber prints it
            (
                "财财政政项项目目支支出出绩绩效效目目标标申申报报表表\n",
                "财政项目支出绩效目标申报表             \n",
            ),
            (
                "上上海海市市某某某某街街道道22002266年年度度  x\n",
                "上海市某某街道2026年度               x\n",
            ),
            // not every character twice, too short, or no ideographs
            (
                "项项目目名名称 1100 11223344 谢谢谢谢\n",
                "项项目目名名称 1100 11223344 谢谢谢谢\n",
            ),
        ] {
            assert_eq!(as_read(input), want, "{input:?}");
        }
    }

    #[test]
    fn line_ends_and_spaces() {
        let rows = rows("a\r\nb\rc\n\n d\u{3000}\te \u{c}f");
        let got: Vec<(Location, Vec<String>)> = rows.into_iter().map(|r| (r.loc, r.cells)).collect();
        assert_eq!(
            got,
            vec![
                (Location::Line(1), vec!["a".to_string()]),
                (Location::Line(2), vec!["b".to_string()]),
                (Location::Line(3), vec!["c".to_string()]),
                (Location::Line(5), vec!["d".to_string(), "e".to_string()]),
                (Location::Line(6), vec!["f".to_string()]),
            ]
        );
    }

    #[test]
    fn zero_width_spaces_are_not_text() {
        // Dompdf's text layer: U+200B after every character.
        let rows = rows("项\u{200b}目\u{200b}名\u{200b}称  科\u{200b}技\u{200b}服\u{200b}务\n");
        let cells: Vec<Vec<String>> = rows.into_iter().map(|r| r.cells).collect();
        assert_eq!(cells, vec![vec!["项目名称".to_string(), "科技服务".to_string()]]);
    }

    proptest! {
        #[test]
        fn any_utf8_text_decodes_to_itself(s in "\\PC{0,200}") {
            prop_assume!(!s.is_empty() && !s.chars().any(is_binary_char));
            prop_assert_eq!(decode(s.as_bytes()).map(|d| d.text), Ok(s.clone()));
        }

        #[test]
        fn line_ends_do_not_change_cells(lines in proptest::collection::vec("[a-z甲乙丙 ]{0,12}", 0..20)) {
            let lf = lines.join("\n");
            let crlf = lines.join("\r\n");
            let cr = lines.join("\r");
            let cells = |t: &str| rows(t).into_iter().map(|r| (r.loc, r.cells)).collect::<Vec<_>>();
            prop_assert_eq!(cells(&lf), cells(&crlf));
            prop_assert_eq!(cells(&lf), cells(&cr));
        }
    }
}
