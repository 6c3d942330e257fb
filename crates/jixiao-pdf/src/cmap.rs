//! CMap streams: ToUnicode maps (code → text) and embedded encoding CMaps
//! (code space ranges, code → CID).

use crate::GlyphText;

/// A code space range: codes of `len` bytes between `low` and `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRange {
    pub len: usize,
    pub low: u32,
    pub high: u32,
}

/// Codes to values, as a list sorted by code: built by pushing, looked up
/// by binary search. A font's map is read once and looked up once per
/// glyph; unlike a hash map it hashes nothing, and no choice of codes in a
/// file makes it slow.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeMap<T> {
    entries: Vec<(u32, T)>,
    /// For maps of small codes (a subset font's CIDs, one-byte codes): by
    /// code, one more than the entry's index, 0 for none. A lookup per
    /// glyph is then one load, not a binary search.
    dense: Vec<u32>,
}

/// Largest code a [`CodeMap`] indexes directly: two-byte codes, an index
/// of at most 256 KiB.
const MAX_DENSE_CODE: u32 = 0xFFFF;
/// Index slots per entry at most, so that a sparse map (a few codes near
/// 0xFFFF) keeps to the binary search.
const DENSE_SLOTS_PER_ENTRY: usize = 16;

impl<T> Default for CodeMap<T> {
    fn default() -> CodeMap<T> {
        CodeMap {
            entries: Vec::new(),
            dense: Vec::new(),
        }
    }
}

impl<T> CodeMap<T> {
    /// The map of `entries` in the order they were read: a code read again
    /// takes its last value, as a map's insert would.
    pub fn from_entries(mut entries: Vec<(u32, T)>) -> CodeMap<T> {
        entries.reverse();
        // Stable: of one code's entries, the last read stays first.
        entries.sort_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let mut map = CodeMap {
            entries,
            dense: Vec::new(),
        };
        map.index();
        map
    }

    /// Builds the direct index where the codes are small and dense enough.
    fn index(&mut self) {
        self.dense.clear();
        let Some(&(last, _)) = self.entries.last() else { return };
        let slots = last as usize + 1;
        if last > MAX_DENSE_CODE || slots > DENSE_SLOTS_PER_ENTRY * self.entries.len() {
            return;
        }
        let mut dense = vec![0u32; slots];
        for (i, (code, _)) in self.entries.iter().enumerate() {
            if let (Some(slot), Ok(index)) = (dense.get_mut(*code as usize), u32::try_from(i + 1)) {
                *slot = index;
            }
        }
        self.dense = dense;
    }

    /// The value of `code`.
    pub fn get(&self, code: u32) -> Option<&T> {
        if !self.dense.is_empty() {
            let index = *self.dense.get(code as usize)?;
            return self.entries.get(index.checked_sub(1)? as usize).map(|e| &e.1);
        }
        let at = self.entries.binary_search_by_key(&code, |e| e.0).ok()?;
        self.entries.get(at).map(|e| &e.1)
    }

    /// Codes mapped.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no code is mapped.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, by code.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &T)> {
        self.entries.iter().map(|(code, value)| (*code, value))
    }

    /// Keeps the `len` lowest codes.
    fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
        self.index();
    }
}

/// Code → text of a ToUnicode map: the codes read one by one, and long
/// bfranges kept as ranges. Dompdf and pdfmake write `<0000> <FFFF>
/// <0000>`, 65,536 codes of which a form uses a few hundred: expanding
/// them was a twelfth of a conversion's time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextMap {
    codes: CodeMap<GlyphText>,
    /// Sorted by code; overlapping neither each other nor `codes` (a map
    /// where they would overlap is expanded whole, so that a code mapped
    /// again takes its last text).
    ranges: Vec<TextRange>,
}

/// A bfrange `<low> <high> <dst>`: code `low + k` is `dst` with `k`
/// added to its last character.
#[derive(Debug, Clone, PartialEq)]
struct TextRange {
    low: u32,
    high: u32,
    first: GlyphText,
}

impl TextRange {
    fn text(&self, code: u32) -> GlyphText {
        let delta = code.saturating_sub(self.low);
        let first = self.first.as_str();
        let mut chars = first.chars();
        match (chars.next_back(), chars.as_str()) {
            (Some(last), "") => GlyphText::from_char(shifted(last, delta)),
            (Some(last), head) => {
                let mut text = String::from(head);
                text.push(shifted(last, delta));
                GlyphText::new(&text)
            }
            (None, _) => GlyphText::default(),
        }
    }

    fn codes(&self) -> usize {
        (self.high - self.low) as usize + 1
    }
}

impl TextMap {
    /// The text of `code`.
    pub fn get(&self, code: u32) -> Option<GlyphText> {
        if let Some(text) = self.codes.get(code) {
            return Some(text.clone());
        }
        let after = self.ranges.partition_point(|r| r.low <= code);
        let range = self.ranges.get(after.checked_sub(1)?)?;
        (code <= range.high).then(|| range.text(code))
    }

    /// Codes mapped.
    pub fn len(&self) -> usize {
        self.codes.len() + self.ranges.iter().map(TextRange::codes).sum::<usize>()
    }

    /// True when no code is mapped.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty() && self.ranges.is_empty()
    }

    /// Every code and its text, by code.
    pub fn entries(&self) -> Vec<(u32, GlyphText)> {
        let mut entries: Vec<(u32, GlyphText)> = self.codes.iter().map(|(code, text)| (code, text.clone())).collect();
        for range in &self.ranges {
            entries.extend((range.low..=range.high).map(|code| (code, range.text(code))));
        }
        entries.sort_by_key(|e| e.0);
        entries
    }
}

/// Codes a bfrange spans at least to be kept as a range: shorter ones are
/// expanded (a lookup in the list of codes is cheaper than in the ranges).
const MIN_KEPT_RANGE: u32 = 64;

/// A long bfrange as read: the range, and how many single entries were
/// read before it (where its codes go if the map is expanded after all).
#[derive(Debug, Clone, PartialEq)]
struct KeptRange {
    range: TextRange,
    after_entries: usize,
}

/// What a CMap stream says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CMap {
    pub code_space: Vec<CodeRange>,
    /// bfchar/bfrange: code → Unicode text.
    pub to_unicode: TextMap,
    /// cidchar/cidrange: code → CID.
    pub to_cid: CodeMap<u32>,
    /// bfchar/bfrange entries as read, until the end of the stream.
    text_entries: Vec<(u32, GlyphText)>,
    /// Long bfranges as read, until the end of the stream.
    kept_ranges: Vec<KeptRange>,
    /// True when a limit cut the map (see `MAX_MAPPED_CODES`,
    /// `MAX_TARGET_BYTES`): some codes stay undecoded.
    pub limited: bool,
    /// Entries read so far (the same codes mapped again count too).
    entries_read: usize,
    /// cidrange entries kept as ranges (they can be large).
    pub cid_ranges: Vec<(u32, u32, u32)>,
}

/// Largest range expanded into the code → text map; bigger ones are
/// clipped (a corrupt range must not allocate gigabytes).
const MAX_RANGE: u32 = 0x1_0000;
/// Codes mapped to text per CMap: a font has at most 65,536 glyphs, so
/// twice that is room for any real map and a bound on a bomb
/// (2,000 bfranges of 65,536 codes). Over it, the lowest codes are kept.
const MAX_MAPPED_CODES: usize = 1 << 17;
/// Entries read per CMap, counting codes mapped again: the same 65,536
/// codes mapped 2,000 times over is work, not information.
const MAX_ENTRIES_READ: usize = 4 * MAX_MAPPED_CODES;
/// Bytes of UTF-16 one code may stand for: a character or a ligature
/// (`ffi`), never a paragraph (a range whose target is 15,000 characters).
const MAX_TARGET_BYTES: usize = 64;

/// A token of a CMap stream, allocating nothing of its own: a hex
/// string's bytes are a range of the one buffer [`tokens`] decodes them
/// into, a word borrows the stream.
#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Hex(std::ops::Range<usize>),
    Int(u32),
    ArrayStart,
    ArrayEnd,
    Word(&'a [u8]),
}

/// The tokens of `data`, and the bytes of its hex strings (which the
/// tokens' ranges index).
fn tokens(data: &[u8]) -> (Vec<Token<'_>>, Vec<u8>) {
    let mut out = Vec::new();
    let mut hex: Vec<u8> = Vec::new();
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        match b {
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = hex.len();
                let mut nibble: Option<u8> = None;
                i += 1;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    let v = match c {
                        b'0'..=b'9' => c - b'0',
                        b'a'..=b'f' => c - b'a' + 10,
                        b'A'..=b'F' => c - b'A' + 10,
                        _ => continue,
                    };
                    match nibble.take() {
                        Some(high) => hex.push(high << 4 | v),
                        None => nibble = Some(v),
                    }
                }
                if let Some(high) = nibble {
                    hex.push(high << 4);
                }
                out.push(Token::Hex(start..hex.len()));
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'(' => {
                // Literal strings do not occur in the sections read here; skip.
                let mut depth = 0;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while data
                    .get(i)
                    .is_some_and(|&c| !c.is_ascii_whitespace() && !b"<>[]()%/".contains(&c) || i == start)
                {
                    i += 1;
                }
                let word = data.get(start..i).unwrap_or_default();
                match std::str::from_utf8(word).ok().and_then(|w| w.parse::<u32>().ok()) {
                    Some(n) => out.push(Token::Int(n)),
                    None => out.push(Token::Word(word)),
                }
            }
        }
    }
    (out, hex)
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

/// UTF-16BE bytes → text (lone surrogates dropped).
pub fn utf16be(bytes: &[u8]) -> String {
    let mut text = String::new();
    utf16be_into(bytes, &mut text);
    text
}

/// [`utf16be`] into `text`, which is cleared first (one buffer for all
/// the entries of a map).
fn utf16be_into(bytes: &[u8], text: &mut String) {
    let units = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)]));
    text.clear();
    text.extend(char::decode_utf16(units).filter_map(Result::ok));
}

/// A bfrange destination with `delta` added to its last character, in
/// `text`.
fn offset_text(base: &[u8], delta: u32, text: &mut String) {
    utf16be_into(base, text);
    if let Some(last) = text.pop() {
        text.push(shifted(last, delta));
    }
}

/// A bfrange's character `delta` codes on from `last` (`last` itself
/// where that is no character).
fn shifted(last: char, delta: u32) -> char {
    char::from_u32(u32::from(last) + delta).unwrap_or(last)
}

/// Parses a CMap stream's content.
pub fn parse(data: &[u8]) -> CMap {
    let (tokens, hex) = tokens(data);
    let bytes = |range: &std::ops::Range<usize>| hex.get(range.clone()).unwrap_or_default();
    let mut cmap = CMap::default();
    let mut cid_entries: Vec<(u32, u32)> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        i += 1;
        let Token::Word(word) = token else { continue };
        match *word {
            b"begincodespacerange" => {
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.get(i), tokens.get(i + 1)) {
                    cmap.code_space.push(CodeRange {
                        len: bytes(lo).len().clamp(1, 4),
                        low: code_of(bytes(lo)),
                        high: code_of(bytes(hi)),
                    });
                    i += 2;
                }
            }
            b"beginbfchar" => {
                while let (Some(Token::Hex(src)), Some(dst)) = (tokens.get(i), tokens.get(i + 1)) {
                    let glyph = match dst {
                        Token::Hex(d) => {
                            utf16be_into(cmap.capped(bytes(d)), &mut text);
                            GlyphText::new(&text)
                        }
                        Token::Word(name) => std::str::from_utf8(name)
                            .ok()
                            .and_then(|name| crate::encoding::glyph_name(name.trim_start_matches('/')))
                            .map(GlyphText::from)
                            .unwrap_or_default(),
                        _ => break,
                    };
                    cmap.map(code_of(bytes(src)), glyph);
                    i += 2;
                }
            }
            b"beginbfrange" => {
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.get(i), tokens.get(i + 1)) {
                    let (lo, hi) = (code_of(bytes(lo)), code_of(bytes(hi)));
                    let hi = hi.min(lo.saturating_add(MAX_RANGE));
                    match tokens.get(i + 2) {
                        Some(Token::Hex(dst)) => {
                            let dst = cmap.capped(bytes(dst));
                            if cmap.keep_range(lo, hi, dst, &mut text) {
                                i += 3;
                                continue;
                            }
                            for code in lo..=hi {
                                offset_text(dst, code - lo, &mut text);
                                if !cmap.map(code, GlyphText::new(&text)) {
                                    break;
                                }
                            }
                            i += 3;
                        }
                        Some(Token::ArrayStart) => {
                            i += 3;
                            let mut code = lo;
                            while let Some(Token::Hex(dst)) = tokens.get(i) {
                                if code <= hi {
                                    utf16be_into(cmap.capped(bytes(dst)), &mut text);
                                    cmap.map(code, GlyphText::new(&text));
                                }
                                code = code.saturating_add(1);
                                i += 1;
                            }
                            if tokens.get(i) == Some(&Token::ArrayEnd) {
                                i += 1;
                            }
                        }
                        _ => break,
                    }
                }
            }
            b"begincidchar" => {
                while let (Some(Token::Hex(src)), Some(Token::Int(cid))) = (tokens.get(i), tokens.get(i + 1)) {
                    cid_entries.push((code_of(bytes(src)), *cid));
                    i += 2;
                }
            }
            b"begincidrange" => {
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(Token::Int(cid))) =
                    (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                {
                    cmap.cid_ranges.push((code_of(bytes(lo)), code_of(bytes(hi)), *cid));
                    i += 3;
                }
            }
            _ => {}
        }
    }
    cmap.to_unicode = cmap.text_map();
    cmap.to_cid = CodeMap::from_entries(cid_entries);
    cmap
}

impl CMap {
    /// Keeps the bfrange `lo..=hi` → `dst` as a range where it is long
    /// and within the entries read; true then. `text`: a buffer.
    fn keep_range(&mut self, lo: u32, hi: u32, dst: &[u8], text: &mut String) -> bool {
        // `<0050> <0040>` (a damaged range) maps nothing, kept or not.
        let Some(span) = hi.checked_sub(lo) else { return false };
        let codes = span as usize + 1;
        if codes < MIN_KEPT_RANGE as usize || self.entries_read + codes > MAX_ENTRIES_READ {
            return false;
        }
        self.entries_read += codes;
        utf16be_into(dst, text);
        self.kept_ranges.push(KeptRange {
            range: TextRange {
                low: lo,
                high: hi,
                first: GlyphText::new(text),
            },
            after_entries: self.text_entries.len(),
        });
        true
    }

    /// The map of the entries and ranges read: the ranges kept where they
    /// overlap nothing and the map is within `MAX_MAPPED_CODES`; else all
    /// expanded in the order read, as if no range had been kept.
    fn text_map(&mut self) -> TextMap {
        let entries = std::mem::take(&mut self.text_entries);
        let kept = std::mem::take(&mut self.kept_ranges);
        if kept.is_empty() {
            return self.expanded(entries);
        }
        let mut ranges: Vec<TextRange> = kept.iter().map(|k| k.range.clone()).collect();
        ranges.sort_by_key(|r| r.low);
        let codes = CodeMap::from_entries(entries.clone());
        let apart = ranges.windows(2).all(|w| matches!(w, [a, b] if a.high < b.low))
            && ranges.iter().all(|r| {
                let at = codes.entries.partition_point(|e| e.0 < r.low);
                codes.entries.get(at).is_none_or(|e| e.0 > r.high)
            });
        let map = TextMap { codes, ranges };
        if apart && map.len() <= MAX_MAPPED_CODES {
            return map;
        }
        // Expanded: each range's codes where it was read (`kept` is in the
        // order read).
        let mut all = Vec::with_capacity(entries.len());
        let mut entries = entries.into_iter();
        let mut taken = 0;
        for k in kept {
            all.extend(entries.by_ref().take(k.after_entries - taken));
            taken = k.after_entries;
            all.extend((k.range.low..=k.range.high).map(|code| (code, k.range.text(code))));
        }
        all.extend(entries);
        self.expanded(all)
    }

    /// The map of `entries` in the order read, cut to `MAX_MAPPED_CODES`.
    fn expanded(&mut self, entries: Vec<(u32, GlyphText)>) -> TextMap {
        let mut codes = CodeMap::from_entries(entries);
        if codes.len() > MAX_MAPPED_CODES {
            codes.truncate(MAX_MAPPED_CODES);
            self.limited = true;
        }
        TextMap {
            codes,
            ranges: Vec::new(),
        }
    }

    /// Maps `code` to `text` unless the entries read reach their limit;
    /// false then.
    fn map(&mut self, code: u32, text: GlyphText) -> bool {
        self.entries_read += 1;
        if self.entries_read > MAX_ENTRIES_READ {
            self.limited = true;
            return false;
        }
        self.text_entries.push((code, text));
        true
    }

    /// A target's bytes, cut to `MAX_TARGET_BYTES` (noting the cut).
    fn capped<'b>(&mut self, bytes: &'b [u8]) -> &'b [u8] {
        if bytes.len() > MAX_TARGET_BYTES {
            self.limited = true;
        }
        bytes.get(..MAX_TARGET_BYTES).unwrap_or(bytes)
    }

    /// The CID of a code by the cidchar/cidrange entries.
    pub fn cid(&self, code: u32) -> Option<u32> {
        self.to_cid.get(code).copied().or_else(|| {
            self.cid_ranges
                .iter()
                .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
                .map(|(lo, _, cid)| cid + (code - lo))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_sections() {
        let data = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0010> <4E2D> endbfchar\n\
            2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<56FD> <D83DDE00>] endbfrange\n\
            1 begincidrange <8140> <817E> 633 endcidrange\nendcmap";
        let cmap = parse(data);
        assert_eq!(
            cmap.code_space,
            vec![CodeRange {
                len: 2,
                low: 0,
                high: 0xffff
            }]
        );
        assert_eq!(cmap.to_unicode.get(3).as_deref(), Some(" "));
        assert_eq!(cmap.to_unicode.get(0x10).as_deref(), Some("中"));
        assert_eq!(cmap.to_unicode.get(0x22).as_deref(), Some("C"));
        assert_eq!(cmap.to_unicode.get(0x31).as_deref(), Some("😀"));
        assert_eq!(cmap.cid(0x8142), Some(635));
    }

    /// Tokens of every kind side by side: one-byte code spaces, a glyph
    /// name as a destination, an odd hex digit count (`<4E2>` is 4E 20),
    /// cidchar, comments and strings skipped.
    #[test]
    fn tokens_of_every_kind() {
        let data = b"%comment <0041> <0042>\n(a (nested) string) 1 begincodespacerange <00> <80> endcodespacerange\n\
            3 beginbfchar <41> /B <42> <4E2> <43> /uni4E2D endbfchar\n\
            1 begincidchar <44> 7 endcidchar\n\
            1 beginbfrange <50> <51> <0061> endbfrange";
        let cmap = parse(data);
        assert_eq!(
            cmap.code_space,
            vec![CodeRange {
                len: 1,
                low: 0,
                high: 0x80
            }]
        );
        assert_eq!(cmap.to_unicode.get(0x41).as_deref(), Some("B"));
        assert_eq!(cmap.to_unicode.get(0x42).as_deref(), Some("\u{4E20}"));
        assert_eq!(cmap.to_unicode.get(0x43).as_deref(), Some("中"));
        assert_eq!(cmap.to_unicode.get(0x51).as_deref(), Some("b"));
        assert_eq!(cmap.cid(0x44), Some(7));
        assert_eq!(cmap.to_unicode.len(), 5);
    }

    #[test]
    fn bombs_stop_at_the_limits() {
        let mut data = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n".to_vec();
        for _ in 0..40 {
            data.extend_from_slice(b"1 beginbfrange <0000> <FFFF> <4E00> endbfrange\n");
        }
        let cmap = parse(&data);
        assert!(cmap.limited, "repeated ranges stop at the entries read");
        let mut data = b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n".to_vec();
        for k in 0..4u32 {
            data.extend_from_slice(
                format!(
                    "1 beginbfrange <{:04X}0000> <{:04X}FFFF> <4E00> endbfrange\n",
                    k + 1,
                    k + 1
                )
                .as_bytes(),
            );
        }
        let cmap = parse(&data);
        assert!(cmap.limited);
        assert_eq!(cmap.to_unicode.len(), MAX_MAPPED_CODES);
        let long = format!("1 beginbfchar <01> <{}> endbfchar", "4E00".repeat(15_000));
        let cmap = parse(long.as_bytes());
        assert!(cmap.limited);
        assert_eq!(
            cmap.to_unicode.get(1).map(|t| t.chars().count()),
            Some(MAX_TARGET_BYTES / 2)
        );
        // A real map is not limited.
        assert!(!parse(b"1 beginbfrange <0000> <00FF> <0041> endbfrange").limited);
    }

    /// A code mapped again takes its last text, as PDF readers read a
    /// ToUnicode stream from start to end.
    #[test]
    fn a_code_mapped_again_takes_its_last_text() {
        let cmap = parse(b"2 beginbfchar <0010> <0041> <0011> <0042> endbfchar 1 beginbfrange <0010> <0011> <0061> endbfrange 1 beginbfchar <0011> <0043> endbfchar");
        assert_eq!(cmap.to_unicode.get(0x10).as_deref(), Some("a"));
        assert_eq!(cmap.to_unicode.get(0x11).as_deref(), Some("C"));
        assert_eq!(cmap.to_unicode.get(0x12), None);
    }

    proptest::proptest! {
        /// The sorted list reads like a map filled by inserting the entries
        /// in order.
        #[test]
        fn code_map_is_a_map(entries in proptest::collection::vec((0u32..40, 0u8..255), 0..60), far in proptest::option::of(0x1_0000u32..0x1_0010)) {
            // `far`: a code past the direct index, which then is not built.
            let mut entries = entries;
            entries.extend(far.map(|code| (code, 7u8)));
            let map = CodeMap::from_entries(entries.clone());
            let mut model = std::collections::BTreeMap::new();
            for (code, value) in entries {
                model.insert(code, value);
            }
            proptest::prop_assert_eq!(map.len(), model.len());
            for code in (0..41).chain(0x1_0000..0x1_0010) {
                proptest::prop_assert_eq!(map.get(code), model.get(&code));
            }
            proptest::prop_assert!(map.iter().map(|(c, _)| c).eq(model.keys().copied()));
        }
    }

    proptest::proptest! {
        /// Long ranges kept as ranges read like every code expanded in the
        /// order read (a code mapped again takes its last text), whether
        /// they overlap each other, single codes, or nothing.
        #[test]
        fn kept_ranges_read_like_expanded_ones(
            sections in proptest::collection::vec((0u32..400, 0u32..200, 0x41u32..0x4E10, proptest::bool::ANY), 0..8),
        ) {
            let mut data = String::from("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
            let mut model = std::collections::BTreeMap::new();
            for (low, span, dst, single) in sections {
                if single {
                    data.push_str(&format!("1 beginbfchar <{low:04X}> <{dst:04X}> endbfchar\n"));
                    model.insert(low, char::from_u32(dst).map(String::from).unwrap_or_default());
                } else {
                    data.push_str(&format!("1 beginbfrange <{low:04X}> <{:04X}> <{dst:04X}> endbfrange\n", low + span));
                    for code in low..=low + span {
                        model.insert(code, char::from_u32(dst + code - low).map(String::from).unwrap_or_default());
                    }
                }
            }
            let cmap = parse(data.as_bytes());
            proptest::prop_assert_eq!(cmap.to_unicode.len(), model.len());
            for code in 0..700 {
                let text = cmap.to_unicode.get(code);
                proptest::prop_assert_eq!(text.as_deref(), model.get(&code).map(String::as_str));
            }
            let entries: Vec<(u32, String)> = cmap.to_unicode.entries().into_iter().map(|(c, t)| (c, t.to_string())).collect();
            proptest::prop_assert_eq!(entries, model.into_iter().collect::<Vec<_>>());
        }
    }

    /// `<0000> <FFFF> <0000>` stays one range; a text of two characters
    /// offsets its last.
    #[test]
    fn a_range_ending_before_it_starts_maps_nothing() {
        let cmap = parse(b"1 beginbfrange <0050> <0040> <0041> endbfrange");
        assert!(cmap.to_unicode.is_empty());
    }

    #[test]
    fn long_ranges_stay_ranges() {
        let cmap = parse(b"2 beginbfrange <0000> <FFFF> <0000> <00010000> <000100FF> <00660066> endbfrange");
        assert_eq!(cmap.to_unicode.codes.len(), 0);
        assert_eq!(cmap.to_unicode.len(), 0x1_0000 + 0x100);
        assert_eq!(cmap.to_unicode.get(0x4E2D).as_deref(), Some("中"));
        assert_eq!(cmap.to_unicode.get(0x1_0001).as_deref(), Some("fg"));
        assert_eq!(cmap.to_unicode.get(0x1_0100), None);
        assert!(!cmap.limited);
    }

    #[test]
    fn hostile_ranges_are_bounded() {
        let cmap = parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(cmap.to_unicode.len() <= MAX_RANGE as usize + 1);
        let _ = parse(b"<<<<[[[(((\\");
    }
}
