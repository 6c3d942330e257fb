//! The content-stream lexer: operators and their operands as borrowed slices
//! and small values, in one operand buffer reused from operation to
//! operation. Nothing is allocated per token; strings and names are decoded
//! only where the interpreter uses them ([`Operand::string_into`],
//! [`Operand::name`]).
//!
//! It reads what lopdf's content parser reads, the same operations with the
//! same operands (`tests/content_lexer.rs` compares the two over every
//! content stream of the shared corpus), and a little more: a comment
//! between operands is white space, as ISO 32000-1 §7.2.3 says (lopdf stops
//! reading the stream there), and where the stream cannot be read further it
//! says so ([`Error`]) instead of ending quietly.
//!
//! Arrays and dictionaries are flat in the operand list: `[(a) 120 (b)] TJ`
//! is `ArrayStart, Literal(a), Integer(120), Literal(b), ArrayEnd`.
//!
//! Advice for hackers: an operand kind added to [`Operand`] must be lexed in
//! `Lexer::operand`, decoded where the interpreter (`page.rs`) reads it, and
//! mapped in the differential test's `canonical` functions.
//!
//! ```
//! use jixiao_pdf::content::{Lexer, Operand};
//! let mut lexer = Lexer::new(b"BT /F1 12 Tf [(Hi) -250 (there)] TJ ET");
//! let mut operators = Vec::new();
//! while let Some(Ok(operation)) = lexer.next_operation() {
//!     operators.push(String::from_utf8_lossy(operation.operator).into_owned());
//!     if operation.operator == b"Tf" {
//!         assert_eq!(operation.operands[1], Operand::Integer(12));
//!     }
//! }
//! assert_eq!(operators, ["BT", "Tf", "TJ", "ET"]);
//! ```

use std::borrow::Cow;

/// Parentheses nest at most this deep inside a literal string (lopdf's
/// `MAX_BRACKET`): a string nested deeper is unreadable there too.
pub const MAX_STRING_NESTING: usize = 100;
/// Arrays and dictionaries nest at most this deep in one operation (lopdf's
/// `MAX_NESTING_DEPTH`); real content nests two deep at most.
pub const MAX_OBJECT_NESTING: usize = 100;
/// Operands of one operation, arrays' elements included: a `TJ` of a long
/// line has a few hundred. More is a stream of numbers with no operator,
/// which would otherwise grow the buffer with the stream (64 MiB of `1 `).
pub const MAX_OPERANDS: usize = 200_000;

/// One operand, borrowed from the content bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand<'a> {
    /// `12`, `-3`.
    Integer(i64),
    /// `0.5`, `-.25`, `3.` (and `0.00-41`, read as `0.0041` as lopdf,
    /// poppler and pdf.js do).
    Real(f32),
    /// `true`, `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// A name without its `/`, `#xx` escapes not yet decoded.
    Name(&'a [u8]),
    /// A literal string's bytes between its parentheses, escapes not yet
    /// decoded.
    Literal(&'a [u8]),
    /// A hexadecimal string's text between `<` and `>`.
    Hex(&'a [u8]),
    /// `[`.
    ArrayStart,
    /// `]`.
    ArrayEnd,
    /// `<<`.
    DictStart,
    /// `>>`.
    DictEnd,
    /// `12 0 R` inside an array or dictionary.
    Reference(u32, u16),
}

impl Operand<'_> {
    /// The value of a number.
    pub fn number(&self) -> Option<f32> {
        match *self {
            Operand::Integer(i) => Some(i as f32),
            Operand::Real(r) if r.is_finite() => Some(r),
            _ => None,
        }
    }

    /// A name's bytes, `#xx` escapes decoded.
    pub fn name(&self) -> Option<Cow<'_, [u8]>> {
        let Operand::Name(raw) = *self else { return None };
        if !raw.contains(&b'#') {
            return Some(Cow::Borrowed(raw));
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut rest = raw;
        while let Some((&c, tail)) = rest.split_first() {
            match (c, tail) {
                (b'#', [h, l, after @ ..]) => match (hex_value(*h), hex_value(*l)) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        rest = after;
                    }
                    _ => {
                        out.push(c);
                        rest = tail;
                    }
                },
                _ => {
                    out.push(c);
                    rest = tail;
                }
            }
        }
        Some(Cow::Owned(out))
    }

    /// Appends a string's bytes, escapes decoded, to `out`; false for an
    /// operand that is no string.
    pub fn string_into(&self, out: &mut Vec<u8>) -> bool {
        match *self {
            Operand::Literal(raw) => {
                unescape_literal(raw, out);
                true
            }
            Operand::Hex(raw) => {
                let mut high: Option<u8> = None;
                for value in raw.iter().filter_map(|&c| hex_value(c)) {
                    match high.take() {
                        Some(h) => out.push(h << 4 | value),
                        None => high = Some(value),
                    }
                }
                // An odd last digit is the high half of a byte (§7.3.4.3).
                if let Some(h) = high {
                    out.push(h << 4);
                }
                true
            }
            _ => false,
        }
    }
}

/// One operation: its operator and the operands before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Operation<'o, 'a> {
    /// `Tj`, `re`, `BI` (an inline image, its data skipped).
    pub operator: &'a [u8],
    /// The operands, arrays and dictionaries flat.
    pub operands: &'o [Operand<'a>],
}

/// Why the rest of a stream cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    /// Byte offset in the stream.
    pub offset: usize,
    /// What stands there.
    pub reason: &'static str,
}

/// Reads a content stream one operation at a time.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Where the token being read starts: errors point there.
    start: usize,
    operands: Vec<Operand<'a>>,
    /// The arrays and dictionaries open in the operation being read
    /// (reused, as `operands` is).
    open: Vec<Operand<'a>>,
    done: bool,
}

enum Token<'a> {
    Operand(Operand<'a>),
    Keyword(&'a [u8]),
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `data`.
    pub fn new(data: &'a [u8]) -> Lexer<'a> {
        Lexer {
            data,
            pos: 0,
            start: 0,
            operands: Vec::new(),
            open: Vec::new(),
            done: false,
        }
    }

    /// The next operation; `None` at the end of the stream (operands with no
    /// operator after them are dropped, as lopdf drops them), an error where
    /// the rest cannot be read (and `None` after it).
    pub fn next_operation(&mut self) -> Option<Result<Operation<'_, 'a>, Error>> {
        if self.done {
            return None;
        }
        match self.operation() {
            Ok(Some(operator)) => Some(Ok(Operation {
                operator,
                operands: &self.operands,
            })),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }

    fn fail<T>(&self, reason: &'static str) -> Result<T, Error> {
        Err(Error {
            offset: self.start,
            reason,
        })
    }

    fn operation(&mut self) -> Result<Option<&'a [u8]>, Error> {
        self.operands.clear();
        self.open.clear();
        loop {
            let Some(token) = self.token()? else {
                return Ok(None);
            };
            match token {
                Token::Keyword(word) => {
                    if let Some(operand) = keyword_operand(word) {
                        self.push(operand)?;
                        continue;
                    }
                    match word {
                        b"R" if !self.open.is_empty() => self.reference()?,
                        _ if !self.open.is_empty() => return self.fail("an operator inside an array or dictionary"),
                        b"BI" => {
                            self.inline_image()?;
                            self.operands.clear();
                            return Ok(Some(word));
                        }
                        _ => return Ok(Some(word)),
                    }
                }
                Token::Operand(open @ (Operand::ArrayStart | Operand::DictStart)) => {
                    if self.open.len() >= MAX_OBJECT_NESTING {
                        return self.fail("arrays or dictionaries nested too deep");
                    }
                    self.open.push(open);
                    self.push(open)?;
                }
                Token::Operand(close @ (Operand::ArrayEnd | Operand::DictEnd)) => {
                    let open = if close == Operand::ArrayEnd {
                        Operand::ArrayStart
                    } else {
                        Operand::DictStart
                    };
                    if self.open.pop() != Some(open) {
                        return self.fail("a closing bracket that closes nothing");
                    }
                    self.push(close)?;
                }
                Token::Operand(operand) => self.push(operand)?,
            }
        }
    }

    fn push(&mut self, operand: Operand<'a>) -> Result<(), Error> {
        if self.operands.len() >= MAX_OPERANDS {
            return self.fail("an operation with too many operands");
        }
        self.operands.push(operand);
        Ok(())
    }

    /// `R` after two non-negative integers inside an array: a reference.
    fn reference(&mut self) -> Result<(), Error> {
        let n = self.operands.len();
        let (Some(Operand::Integer(number)), Some(Operand::Integer(generation))) = (
            n.checked_sub(2).and_then(|i| self.operands.get(i)).copied(),
            n.checked_sub(1).and_then(|i| self.operands.get(i)).copied(),
        ) else {
            return self.fail("R without an object number and generation");
        };
        let (Ok(number), Ok(generation)) = (u32::try_from(number), u16::try_from(generation)) else {
            return self.fail("R without an object number and generation");
        };
        self.operands.truncate(n - 2);
        self.operands.push(Operand::Reference(number, generation));
        Ok(())
    }

    /// White space and comments.
    fn skip_space(&mut self) {
        while let Some(&c) = self.data.get(self.pos) {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.data.get(self.pos).is_some_and(|&c| c != b'\r' && c != b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    // Inlined into the loops that call it (`operation`, `inline_image`):
    // its result (an operand, a keyword or an error) then needs no copy
    // through memory (cachegrind: 1.7% of a conversion's instructions).
    #[inline(always)]
    fn token(&mut self) -> Result<Option<Token<'a>>, Error> {
        self.skip_space();
        let data = self.data;
        let start = self.pos;
        self.start = start;
        let Some(&c) = data.get(start) else {
            return Ok(None);
        };
        let token = match c {
            b'/' => {
                let mut end = start + 1;
                while let Some(&c) = data.get(end) {
                    if c == b'#' {
                        // `#` and two hex digits are a byte; any other `#`
                        // ends the name (and is unreadable after it).
                        match (data.get(end + 1), data.get(end + 2)) {
                            (Some(&h), Some(&l)) if hex_value(h).is_some() && hex_value(l).is_some() => end += 3,
                            _ => break,
                        }
                    } else if is_regular(c) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                self.pos = end;
                Token::Operand(Operand::Name(data.get(start + 1..end).unwrap_or_default()))
            }
            b'(' => {
                let end = literal_end(data, start).ok_or(Error {
                    offset: start,
                    reason: "a string without its closing parenthesis (or nested too deep)",
                })?;
                self.pos = end + 1;
                Token::Operand(Operand::Literal(data.get(start + 1..end).unwrap_or_default()))
            }
            b'<' if data.get(start + 1) == Some(&b'<') => {
                self.pos = start + 2;
                Token::Operand(Operand::DictStart)
            }
            b'<' => {
                let mut end = start + 1;
                loop {
                    match data.get(end) {
                        Some(b'>') => break,
                        Some(&c) if is_white(c) || hex_value(c).is_some() => end += 1,
                        _ => return self.fail("a hexadecimal string with other characters or no end"),
                    }
                }
                self.pos = end + 1;
                Token::Operand(Operand::Hex(data.get(start + 1..end).unwrap_or_default()))
            }
            b'>' if data.get(start + 1) == Some(&b'>') => {
                self.pos = start + 2;
                Token::Operand(Operand::DictEnd)
            }
            b'[' => {
                self.pos = start + 1;
                Token::Operand(Operand::ArrayStart)
            }
            b']' => {
                self.pos = start + 1;
                Token::Operand(Operand::ArrayEnd)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let (operand, end) = number(data, start).ok_or(Error {
                    offset: start,
                    reason: "a malformed number",
                })?;
                self.pos = end;
                Token::Operand(operand)
            }
            c if is_operator_char(c) => {
                let mut end = start + 1;
                while data
                    .get(end)
                    .is_some_and(|&c| is_operator_char(c) || c.is_ascii_digit())
                {
                    end += 1;
                }
                self.pos = end;
                Token::Keyword(data.get(start..end).unwrap_or_default())
            }
            _ => return self.fail("a character that starts no operand or operator"),
        };
        Ok(Some(token))
    }

    /// After `BI`: the image's dictionary up to `ID`, then its data, up to
    /// and with `EI`. The data's length is computed from the dictionary
    /// where lopdf computes it; otherwise (a filter, a colour space by name)
    /// the data ends at the first `EI` between white space.
    fn inline_image(&mut self) -> Result<(), Error> {
        self.operands.clear();
        loop {
            match self.token()? {
                Some(Token::Keyword(b"ID")) => break,
                Some(Token::Operand(operand)) => self.push(operand)?,
                Some(Token::Keyword(word)) => match keyword_operand(word) {
                    Some(operand) => self.push(operand)?,
                    None => return self.fail("an inline image's dictionary without ID"),
                },
                None => return self.fail("an inline image without its data"),
            }
        }
        // One white-space character (CR LF counting as one) separates ID
        // from the data; white space after it is data.
        match (self.data.get(self.pos), self.data.get(self.pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            (Some(&c), _) if is_white(c) => self.pos += 1,
            _ => {}
        }
        let rest = self.data.get(self.pos..).unwrap_or_default();
        if let Some(length) = inline_image_length(&self.operands).filter(|&n| n <= rest.len()) {
            self.pos += length;
            while self.data.get(self.pos).is_some_and(|&c| is_white(c)) {
                self.pos += 1;
            }
            if self.data.get(self.pos..self.pos + 2) != Some(b"EI".as_slice()) {
                return self.fail("an inline image's data not followed by EI");
            }
            self.pos += 2;
            return Ok(());
        }
        let end = rest.windows(3).enumerate().find_map(|(i, w)| match w {
            [white, b'E', b'I'] if is_white(*white) && rest.get(i + 3).is_none_or(|&c| is_white(c)) => Some(i + 3),
            _ => None,
        });
        match end {
            Some(end) => {
                self.pos += end;
                Ok(())
            }
            None => self.fail("an inline image without EI"),
        }
    }
}

/// The byte length of an inline image's data, as lopdf computes it: width
/// × height × bits per component × components, rows padded to bytes; none
/// with a filter or a colour space named in the resources.
fn inline_image_length(entries: &[Operand<'_>]) -> Option<usize> {
    let get = |short: &[u8], long: &[u8]| -> Option<(Operand<'_>, Option<Operand<'_>>)> {
        let mut i = 0;
        while let Some(key) = entries.get(i) {
            let value = entries.get(i + 1).copied()?;
            if let Operand::Name(name) = key {
                if *name == short || *name == long {
                    return Some((value, entries.get(i + 2).copied()));
                }
            }
            // Skip the value: one operand, or a whole array/dictionary.
            i += 2;
            if matches!(value, Operand::ArrayStart | Operand::DictStart) {
                let mut depth = 1;
                while depth > 0 {
                    match entries.get(i)? {
                        Operand::ArrayStart | Operand::DictStart => depth += 1,
                        Operand::ArrayEnd | Operand::DictEnd => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
            }
        }
        None
    };
    let size = |short: &[u8], long: &[u8]| match get(short, long) {
        Some((Operand::Integer(n), _)) => usize::try_from(n).ok(),
        _ => None,
    };
    if get(b"F", b"Filter").is_some() {
        return None;
    }
    let (width, height) = (size(b"W", b"Width")?, size(b"H", b"Height")?);
    let mask = matches!(get(b"IM", b"ImageMask"), Some((Operand::Bool(true), _)));
    let bits = match size(b"BPC", b"BitsPerComponent") {
        Some(bits) => bits,
        None if mask && get(b"BPC", b"BitsPerComponent").is_none() => 1,
        None => return None,
    };
    let components = if mask {
        1
    } else {
        match get(b"CS", b"ColorSpace")? {
            (Operand::ArrayStart, Some(Operand::Name(b"Indexed" | b"I"))) => 1,
            (Operand::Name(name), _) => match name {
                b"DeviceGray" | b"G" | b"Gray" => 1,
                b"DeviceRGB" | b"RGB" => 3,
                b"DeviceRGBA" | b"RGBA" | b"DeviceCMYK" | b"CMYK" => 4,
                _ => return None,
            },
            _ => return None,
        }
    };
    bits.checked_mul(components)
        .and_then(|bits| width.checked_mul(bits))
        .and_then(|row| row.div_ceil(8).checked_mul(height))
}

/// Where the literal string opened at `start` closes (the index of its `)`).
fn literal_end(data: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        match data.get(i)? {
            b'\\' => i += 1,
            b'(' => {
                depth += 1;
                if depth > MAX_STRING_NESTING + 1 {
                    return None;
                }
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// A literal string's escapes decoded (§7.3.4.2): `\n \r \t \b \f \( \) \\`,
/// one to three octal digits, a backslash before an end of line joins the
/// lines; an end of line (CR, LF, CR LF) in the string is one LF.
fn unescape_literal(raw: &[u8], out: &mut Vec<u8>) {
    if !raw.iter().any(|&c| c == b'\\' || c == b'\r') {
        out.extend_from_slice(raw);
        return;
    }
    let mut i = 0;
    while let Some(&c) = raw.get(i) {
        i += 1;
        match c {
            b'\\' => {
                let Some(&e) = raw.get(i) else { break };
                i += 1;
                match e {
                    b'0'..=b'7' => {
                        let mut value = u16::from(e - b'0');
                        for _ in 0..2 {
                            match raw.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    value = value * 8 + u16::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        // Overflow (`\777`) is ignored, as the spec says.
                        out.push(value as u8);
                    }
                    b'\r' => {
                        if raw.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0C),
                    other => out.push(other),
                }
            }
            b'\r' => {
                if raw.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(b'\n');
            }
            other => out.push(other),
        }
    }
}

/// A number at `start`, as lopdf reads one: a real (`1.`, `.5`, `-1.25`)
/// where there is a point, else an integer that fits `i64`; and the offset
/// after it.
///
/// Most operands of a content stream are short numbers (`72.5 700.2 Td`,
/// `-250`): they are read in one pass over their digits, the value
/// accumulated on the way; anything longer or odder is read by
/// [`number_general`].
fn number(data: &[u8], start: usize) -> Option<(Operand<'static>, usize)> {
    let mut at = start;
    let negative = match data.get(at) {
        Some(b'-') => true,
        Some(b'+') => false,
        _ => false,
    };
    if matches!(data.get(at), Some(b'-' | b'+')) {
        at += 1;
    }
    let body = at;
    let mut mantissa = 0u64;
    while let Some(&c) = data.get(at).filter(|c| c.is_ascii_digit()) {
        mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
        at += 1;
    }
    let int_digits = at - body;
    if data.get(at) != Some(&b'.') {
        // An integer of at most 18 digits fits an i64 as it is.
        if int_digits == 0 || int_digits > 18 {
            return number_general(data, start);
        }
        let magnitude = i64::try_from(mantissa).ok()?;
        return Some((Operand::Integer(if negative { -magnitude } else { magnitude }), at));
    }
    at += 1;
    let fraction_from = at;
    while let Some(&c) = data.get(at).filter(|c| c.is_ascii_digit()) {
        mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
        at += 1;
    }
    let fraction_digits = at - fraction_from;
    // Exact as in `short_real`: digits below 2^24 over an exact power of
    // ten; a sign inside the fraction (`0.00-41`) goes the general way.
    let power = EXACT_POWERS_OF_TEN.get(fraction_digits).copied();
    match power {
        Some(power)
            if int_digits + fraction_digits > 0
                && int_digits + fraction_digits <= 19
                && mantissa < 1 << 24
                && data.get(at) != Some(&b'-') =>
        {
            let value = mantissa as f32 / power;
            Some((Operand::Real(if negative { -value } else { value }), at))
        }
        _ => number_general(data, start),
    }
}

/// [`number`] for any length and the odd forms: digits past an `f32`'s
/// exact range, a sign inside the fraction.
fn number_general(data: &[u8], start: usize) -> Option<(Operand<'static>, usize)> {
    let digits_from = |i: usize| {
        let mut end = i;
        while data.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        end
    };
    let signed = matches!(data.get(start), Some(b'+' | b'-'));
    let body = start + usize::from(signed);
    let int_end = digits_from(body);
    let real_end = if data.get(int_end) == Some(&b'.') {
        let fraction_end = digits_from(int_end + 1);
        (int_end > body || fraction_end > int_end + 1).then_some(int_end + 1)
    } else {
        None
    };
    if let Some(after_point) = real_end {
        // Some producers write a minus sign inside the fraction
        // (`0.00-4142502`): like poppler and pdf.js, it is ignored.
        let mut end = after_point;
        while data.get(end).is_some_and(|&c| c == b'-' || c.is_ascii_digit()) {
            end += 1;
        }
        let text = data.get(start..end)?;
        let value = if let Some(value) = short_real(text) {
            Some(value)
        } else if text.get(1..).is_some_and(|t| t.contains(&b'-')) {
            let cleaned: Vec<u8> = text
                .iter()
                .enumerate()
                .filter(|&(i, &c)| i == 0 || c != b'-')
                .map(|(_, &c)| c)
                .collect();
            std::str::from_utf8(&cleaned).ok()?.parse::<f32>().ok()
        } else {
            std::str::from_utf8(text).ok()?.parse::<f32>().ok()
        };
        if let Some(value) = value {
            return Some((Operand::Real(value), end));
        }
    }
    if int_end == body {
        return None;
    }
    let magnitude = data
        .get(body..int_end)?
        .iter()
        .try_fold(0u64, |v, &d| v.checked_mul(10)?.checked_add(u64::from(d - b'0')))?;
    let value = if data.get(start) == Some(&b'-') {
        0i64.checked_sub_unsigned(magnitude)?
    } else {
        i64::try_from(magnitude).ok()?
    };
    Some((Operand::Integer(value), int_end))
}

/// The keywords that are operands, not operators.
/// Powers of ten that an `f32` holds exactly (up to 10^10).
const EXACT_POWERS_OF_TEN: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// A real of few digits (`-12.5`, `0.0831`), the common case, without the
/// general parser: its digits as an integer below 2^24 and its power of
/// ten are both exact in an `f32`, and IEEE division rounds their quotient
/// correctly, so the result is the one `str::parse::<f32>` gives. `None`
/// for anything else (more digits, a sign inside the fraction).
fn short_real(text: &[u8]) -> Option<f32> {
    let (negative, body) = match text.split_first()? {
        (b'-', rest) => (true, rest),
        (b'+', rest) => (false, rest),
        _ => (false, text),
    };
    let mut mantissa = 0u32;
    let mut fraction_digits: Option<usize> = None;
    for &c in body {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u32::from(c - b'0'))?;
                if let Some(k) = fraction_digits.as_mut() {
                    *k += 1;
                }
            }
            b'.' if fraction_digits.is_none() => fraction_digits = Some(0),
            _ => return None,
        }
    }
    // At least one digit (`.` alone is no number), and exact.
    if mantissa >= 1 << 24 || !body.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let power = *EXACT_POWERS_OF_TEN.get(fraction_digits?)?;
    // Exact: `mantissa` is below 2^24.
    let value = mantissa as f32 / power;
    Some(if negative { -value } else { value })
}

fn keyword_operand(word: &[u8]) -> Option<Operand<'static>> {
    match word {
        b"true" => Some(Operand::Bool(true)),
        b"false" => Some(Operand::Bool(false)),
        b"null" => Some(Operand::Null),
        _ => None,
    }
}

/// PDF white space (§7.2.3).
pub(crate) fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | 0x0C)
}

/// Neither white space nor a delimiter: a byte of a name or keyword.
pub(crate) fn is_regular(c: u8) -> bool {
    REGULAR.get(usize::from(c)).copied().unwrap_or(false)
}

/// [`is_regular`] of every byte, looked up once per byte of a name or a
/// keyword instead of searched for among the delimiters. (Indexing in a
/// constant is checked when the crate compiles, never at run time.)
#[allow(clippy::indexing_slicing)]
const REGULAR: [bool; 256] = {
    let mut table = [true; 256];
    let special = b"()<>[]{}/% \t\n\r\x00\x0c";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = false;
        i += 1;
    }
    table
};

/// Operators are letters and `*'"`, digits after the first (`d0`, `d1`).
fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"')
}

pub(crate) fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|v| v as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_bytes_are_those_of_no_class() {
        for c in 0..=255u8 {
            let expected = !is_white(c) && !b"()<>[]{}/%".contains(&c);
            assert_eq!(is_regular(c), expected, "{c:#04x}");
        }
    }

    #[test]
    fn short_reals() {
        for (text, expected) in [
            ("-12.5", Some(-12.5f32)),
            ("0.0831", Some(0.0831)),
            (".5", Some(0.5)),
            ("4.", Some(4.0)),
        ] {
            assert_eq!(short_real(text.as_bytes()), expected, "{text}");
        }
        for text in [".", "-", "12345678.9", "0.00-4142502", "1.2.3"] {
            assert_eq!(short_real(text.as_bytes()), None, "{text}");
        }
    }

    /// Numbers at the edges of the one-pass reading, each as `str::parse`
    /// or lopdf reads it.
    #[test]
    fn numbers() {
        for (text, expected) in [
            // Eight digits, above 2^24: not exact in an f32.
            ("1677721.7 ", Operand::Real(1_677_721.7)),
            ("-1677721.7 ", Operand::Real(-1_677_721.7)),
            ("0.00-41 ", Operand::Real(0.0041)),
            ("123456789012345678 ", Operand::Integer(123_456_789_012_345_678)),
            ("-9223372036854775808 ", Operand::Integer(i64::MIN)),
            ("4.Tw", Operand::Real(4.0)),
        ] {
            assert_eq!(
                number(text.as_bytes(), 0).map(|(operand, _)| operand),
                Some(expected),
                "{text}"
            );
        }
        for text in ["9223372036854775808 ", "- ", "-. ", ". "] {
            assert_eq!(number(text.as_bytes(), 0), None, "{text}");
        }
    }

    proptest::proptest! {
        /// The short path gives exactly what the general parser gives, and
        /// takes the numbers of real content streams.
        #[test]
        fn short_reals_parse_as_str_parse(
            sign in "[-+]?", int in "[0-9]{0,8}", frac in "[0-9]{0,10}", point in proptest::bool::ANY
        ) {
            let text = if point { format!("{sign}{int}.{frac}") } else { format!("{sign}{int}") };
            if let Some(value) = short_real(text.as_bytes()) {
                let parsed: f32 = text.parse().unwrap_or(f32::NAN);
                proptest::prop_assert_eq!(value.to_bits(), parsed.to_bits(), "{}", text);
            }
            if point && int.len() + frac.len() <= 7 && !(int.is_empty() && frac.is_empty()) {
                // Takes every real of up to seven digits.
                proptest::prop_assert!(short_real(text.as_bytes()).is_some(), "{}", text);
            }
        }

        /// The one-pass reading of a number gives what the general one
        /// gives, value bits and end, on any run of number characters
        /// with a delimiter after it.
        #[test]
        fn one_pass_numbers_read_as_the_general_way(
            text in "[-+]?[0-9]{0,22}(\\.[0-9-]{0,12})?", after in "[ /\\]a-z(]?"
        ) {
            let data = format!("{text}{after}");
            let bits = |read: Option<(Operand<'static>, usize)>| {
                read.map(|(operand, end)| match operand {
                    Operand::Real(r) => (format!("real {:08x}", r.to_bits()), end),
                    other => (format!("{other:?}"), end),
                })
            };
            proptest::prop_assert_eq!(
                bits(number(data.as_bytes(), 0)),
                bits(number_general(data.as_bytes(), 0)),
                "{}",
                data
            );
        }
    }

    /// Each line: content → the operations, `operator:operand,operand`.
    macro_rules! lexes_to {
        ($($input:expr => $expected:expr;)*) => {$(
            assert_eq!(render($input), $expected, "input: {:?}", String::from_utf8_lossy($input));
        )*};
    }

    fn render(input: &[u8]) -> String {
        let mut lexer = Lexer::new(input);
        let mut out = Vec::new();
        while let Some(op) = lexer.next_operation() {
            match op {
                Ok(op) => {
                    let operands: Vec<String> = op
                        .operands
                        .iter()
                        .map(|o| match o {
                            Operand::Integer(i) => i.to_string(),
                            Operand::Real(r) => format!("{r:?}"),
                            Operand::Bool(b) => b.to_string(),
                            Operand::Null => "null".into(),
                            Operand::Name(_) => format!("/{}", String::from_utf8_lossy(&o.name().unwrap_or_default())),
                            Operand::Literal(_) | Operand::Hex(_) => {
                                let mut bytes = Vec::new();
                                o.string_into(&mut bytes);
                                format!("{bytes:?}")
                            }
                            Operand::ArrayStart => "[".into(),
                            Operand::ArrayEnd => "]".into(),
                            Operand::DictStart => "<<".into(),
                            Operand::DictEnd => ">>".into(),
                            Operand::Reference(n, g) => format!("{n}.{g}R"),
                        })
                        .collect();
                    out.push(format!(
                        "{}:{}",
                        String::from_utf8_lossy(op.operator),
                        operands.join(",")
                    ));
                }
                Err(e) => out.push(format!("error@{}", e.offset)),
            }
        }
        out.join(" ")
    }

    #[test]
    fn operations() {
        lexes_to! {
            b"" => "";
            b"q 1 0 0 1 72.5 -.5 cm Q" => "q: cm:1,0,0,1,72.5,-0.5 Q:";
            b"BT/F1 12 Tf(a)Tj ET" => "BT: Tf:/F1,12 Tj:[97] ET:";
            b"[(A) -120 (B)] TJ" => "TJ:[,[65],-120,[66],]";
            b"<4E2D 6587> Tj <414> Tj" => "Tj:[78, 45, 101, 135] Tj:[65, 64]";
            b"(a\\(b\\)c) Tj (x(y)z) Tj" => "Tj:[97, 40, 98, 41, 99] Tj:[120, 40, 121, 41, 122]";
            b"(\\101\\0537\\n\\\\) Tj" => "Tj:[65, 43, 55, 10, 92]";
            b"(a\\\r\nb\r\nc) Tj" => "Tj:[97, 98, 10, 99]";
            b"/A#20B /C#2 Do" => "error@9";
            b"/Span <</MCID 3 /R [1 0 R]>> BDC EMC" => "BDC:/Span,<<,/MCID,3,/R,[,1.0R,],>> EMC:";
            b"0.00-4142502 0 m 1.5.3 l" => "m:0.004142502,0 l:1.5,0.3";
            b"1 2 % a comment\n 3 4 re" => "re:1,2,3,4";
            b"5. 6 m 0 0 l S f* d0 '" => "m:5.0,6 l:0,0 S: f*: d0: ':";
            b"true false null 1 sh" => "sh:true,false,null,1";
            b"q BI /W 3 /H 1 /BPC 8 /CS /G ID EIx EI Q" => "q: BI: Q:";
            b"q BI /W 2 /H 1 /BPC 8 /CS /G ID abc EI Q" => "q: error@29";
            b"q BI /W 9 /H 9 /F /AHx /CS /G ID 00ff> EI Q" => "q: BI: Q:";
            b"1 2 m 3" => "m:1,2";
            b"1 2 } m" => "error@4";
            b"(unclosed Tj" => "error@0";
            b"[1 2 >> TJ" => "error@5";
            b"99999999999999999999 Tj" => "error@0";
            b"[1 0 0] 0 d /W#41 Do" => "d:[,1,0,0,],0 Do:/WA";
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack() {
        let deep = "[".repeat(MAX_OBJECT_NESTING + 1) + "TJ";
        assert_eq!(render(deep.as_bytes()), format!("error@{MAX_OBJECT_NESTING}"));
        let strings = "(".repeat(MAX_STRING_NESTING + 2) + &")".repeat(MAX_STRING_NESTING + 2) + " Tj";
        assert_eq!(render(strings.as_bytes()), "error@0");
    }
}
