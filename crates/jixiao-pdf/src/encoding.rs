//! Single-byte encodings of simple fonts and glyph names → Unicode.

/// WinAnsiEncoding: Latin-1 plus the CP1252 block 0x80–0x9F.
pub fn win_ansi(code: u8) -> Option<char> {
    match code {
        0x20..=0x7e | 0xa1..=0xff => Some(char::from(code)),
        0xa0 => Some(' '),
        0x80..=0x9f => {
            const CP1252: [u32; 32] = [
                0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
                0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
                0x0153, 0, 0x017e, 0x0178,
            ];
            CP1252
                .get(usize::from(code - 0x80))
                .copied()
                .filter(|&u| u != 0)
                .and_then(char::from_u32)
        }
        _ => None,
    }
}

/// StandardEncoding (PDF 32000 Annex D): ASCII with typographic quotes,
/// and its upper half (`\267` is the bullet Word's lists print).
pub fn standard(code: u8) -> Option<char> {
    let c = match code {
        0x27 => '\u{2019}',
        0x60 => '\u{2018}',
        0x20..=0x7e => char::from(code),
        0xa1 => '¡',
        0xa2 => '¢',
        0xa3 => '£',
        0xa4 => '⁄',
        0xa5 => '¥',
        0xa6 => 'ƒ',
        0xa7 => '§',
        0xa8 => '¤',
        0xa9 => '\'',
        0xaa => '“',
        0xab => '«',
        0xac => '‹',
        0xad => '›',
        0xae => 'ﬁ',
        0xaf => 'ﬂ',
        0xb1 => '–',
        0xb2 => '†',
        0xb3 => '‡',
        0xb4 => '·',
        0xb6 => '¶',
        0xb7 => '•',
        0xb8 => '‚',
        0xb9 => '„',
        0xba => '”',
        0xbb => '»',
        0xbc => '…',
        0xbd => '‰',
        0xbf => '¿',
        0xc1 => '`',
        0xc2 => '´',
        0xc3 => 'ˆ',
        0xc4 => '˜',
        0xc5 => '¯',
        0xc6 => '˘',
        0xc7 => '˙',
        0xc8 => '¨',
        0xca => '˚',
        0xcb => '¸',
        0xcd => '˝',
        0xce => '˛',
        0xcf => 'ˇ',
        0xd0 => '—',
        0xe1 => 'Æ',
        0xe3 => 'ª',
        0xe8 => 'Ł',
        0xe9 => 'Ø',
        0xea => 'Œ',
        0xeb => 'º',
        0xf1 => 'æ',
        0xf5 => 'ı',
        0xf8 => 'ł',
        0xf9 => 'ø',
        0xfa => 'œ',
        0xfb => 'ß',
        _ => return None,
    };
    Some(c)
}

/// StandardEncoding's lower half alone: for a symbolic Type1 font without
/// an encoding (a pi font's built-in encoding is its own; its upper half
/// read as StandardEncoding would print `'` for a check box, so it stays
/// unknown and reported).
pub fn standard_ascii(code: u8) -> Option<char> {
    if code < 0x80 {
        standard(code)
    } else {
        None
    }
}

/// The built-in encoding of the Symbol font (PDF 32000 Annex D.6): Greek
/// letters on the Latin ones, and the signs targets are written with
/// (`\263` ≥, `\243` ≤) where a document typed them from Symbol. Codes
/// whose glyph has no Unicode character of its own (the radical's
/// extender, the bracket pieces) are unknown, and reported.
pub fn symbol(code: u8) -> Option<char> {
    const GREEK_UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    const GREEK_LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
    let c = match code {
        0x41..=0x5a => GREEK_UPPER.chars().nth(usize::from(code - 0x41))?,
        0x61..=0x7a => GREEK_LOWER.chars().nth(usize::from(code - 0x61))?,
        0x22 => '∀',
        0x24 => '∃',
        0x27 => '∋',
        0x2a => '∗',
        0x2d => '−',
        0x40 => '≅',
        0x5c => '∴',
        0x5e => '⊥',
        0x7e => '∼',
        0x60 => return None,
        0x20..=0x7d => char::from(code),
        0xa0 => '€',
        0xa1 => 'ϒ',
        0xa2 => '′',
        0xa3 => '≤',
        0xa4 => '⁄',
        0xa5 => '∞',
        0xa6 => 'ƒ',
        0xa7 => '♣',
        0xa8 => '♦',
        0xa9 => '♥',
        0xaa => '♠',
        0xab => '↔',
        0xac => '←',
        0xad => '↑',
        0xae => '→',
        0xaf => '↓',
        0xb0 => '°',
        0xb1 => '±',
        0xb2 => '″',
        0xb3 => '≥',
        0xb4 => '×',
        0xb5 => '∝',
        0xb6 => '∂',
        0xb7 => '•',
        0xb8 => '÷',
        0xb9 => '≠',
        0xba => '≡',
        0xbb => '≈',
        0xbc => '…',
        _ => return None,
    };
    Some(c)
}

/// MacRomanEncoding: ASCII plus the Mac upper half (only the letters and
/// punctuation likely in these documents; the rest is unknown).
pub fn mac_roman(code: u8) -> Option<char> {
    match code {
        0x20..=0x7e => Some(char::from(code)),
        0xa5 => Some('•'),
        0xd0 => Some('–'),
        0xd1 => Some('—'),
        0xd2 => Some('“'),
        0xd3 => Some('”'),
        0xd4 => Some('‘'),
        0xd5 => Some('’'),
        _ => None,
    }
}

/// Unicode for a glyph name: `uniXXXX[XXXX…]`, `uXXXX[XX]`, and the Adobe
/// Glyph List names of ASCII and common punctuation.
pub fn glyph_name(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 {
            let mut out = String::new();
            for i in (0..hex.len()).step_by(4) {
                let unit = u32::from_str_radix(hex.get(i..i + 4)?, 16).ok()?;
                out.push(char::from_u32(unit)?);
            }
            return Some(out);
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return char::from_u32(u32::from_str_radix(hex, 16).ok()?).map(String::from);
        }
    }
    if base.len() == 1 && base.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(base.to_string());
    }
    // A producer's own glyph names (`g5BBF`, `cid00012`, Skia's and
    // subsetters' thousands a document) have digits; no name of the list
    // below does, and the Adobe Glyph List's few (`phi1`) are looked up
    // there alone.
    if base.bytes().any(|b| b.is_ascii_digit()) {
        return agl_letter_or_sign(base).map(String::from);
    }
    let c = match base {
        "space" | "nbspace" | "nonbreakingspace" => ' ',
        "exclam" => '!',
        "quotedbl" => '"',
        "numbersign" => '#',
        "dollar" => '$',
        "percent" => '%',
        "ampersand" => '&',
        "quotesingle" => '\'',
        "quoteright" => '’',
        "quoteleft" => '‘',
        "quotedblleft" => '“',
        "quotedblright" => '”',
        "parenleft" => '(',
        "parenright" => ')',
        "asterisk" => '*',
        "plus" => '+',
        "comma" => ',',
        "hyphen" | "minus" => '-',
        "period" => '.',
        "slash" => '/',
        "zero" => '0',
        "one" => '1',
        "two" => '2',
        "three" => '3',
        "four" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        "colon" => ':',
        "semicolon" => ';',
        "less" => '<',
        "equal" => '=',
        "greater" => '>',
        "question" => '?',
        "at" => '@',
        "bracketleft" => '[',
        "backslash" => '\\',
        "bracketright" => ']',
        "asciicircum" => '^',
        "underscore" => '_',
        "grave" => '`',
        "braceleft" => '{',
        "bar" => '|',
        "braceright" => '}',
        "asciitilde" => '~',
        "bullet" => '•',
        "endash" => '–',
        "emdash" => '—',
        "ellipsis" => '…',
        "degree" => '°',
        "multiply" => '×',
        "divide" => '÷',
        "greaterequal" => '≥',
        "lessequal" => '≤',
        "yen" => '¥',
        "section" => '§',
        "periodcentered" => '·',
        // Else the Adobe Glyph List's letters and signs (`ccaron`, `Lslash`).
        _ => agl_letter_or_sign(base)?,
    };
    Some(c.to_string())
}

/// A name of the Adobe Glyph List's letters and signs (`ccaron`, `phi1`).
fn agl_letter_or_sign(name: &str) -> Option<char> {
    let table = crate::glyph_names::GLYPH_NAMES;
    let at = table.binary_search_by_key(&name, |(n, _)| *n).ok()?;
    table.get(at).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(glyph_name("uni4E2D").as_deref(), Some("中"));
        assert_eq!(glyph_name("uni4E2D56FD").as_deref(), Some("中国"));
        assert_eq!(glyph_name("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name("percent").as_deref(), Some("%"));
        assert_eq!(glyph_name("A").as_deref(), Some("A"));
        assert_eq!(glyph_name("g123"), None);
        assert_eq!(glyph_name("ccaron").as_deref(), Some("č"));
        assert_eq!(glyph_name("Lslash").as_deref(), Some("Ł"));
        assert_eq!(glyph_name("rcaron.sc").as_deref(), Some("ř"));
        assert_eq!(glyph_name("phi1").as_deref(), Some("\u{03D5}"));
        assert_eq!(glyph_name("g5BBF"), None);
        assert_eq!(glyph_name("notaglyphname"), None);
        // Binary search needs the generated table sorted as Rust orders.
        let names = crate::glyph_names::GLYPH_NAMES;
        assert!(names.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
        assert_eq!(win_ansi(0x93), Some('“'));
        assert_eq!(win_ansi(0x81), None);
    }

    // One line per code: the built-in encodings' upper halves.
    #[test]
    fn built_in_encodings() {
        for (code, standard_char, symbol_char) in [
            (0x41, Some('A'), Some('Α')),
            (0x61, Some('a'), Some('α')),
            (0x5a, Some('Z'), Some('Ζ')),
            (0x7a, Some('z'), Some('ζ')),
            (0x57, Some('W'), Some('Ω')),
            (0x2d, Some('-'), Some('−')),
            (0x30, Some('0'), Some('0')),
            (0x60, Some('‘'), None),
            (0xa3, Some('£'), Some('≤')),
            (0xb3, Some('‡'), Some('≥')),
            (0xb7, Some('•'), Some('•')),
            (0xd0, Some('—'), None),
            (0xfb, Some('ß'), None),
            (0x80, None, None),
        ] {
            assert_eq!(standard(code), standard_char, "{code:#x}");
            assert_eq!(symbol(code), symbol_char, "{code:#x}");
            let ascii = if code < 0x80 { standard_char } else { None };
            assert_eq!(standard_ascii(code), ascii, "{code:#x}");
        }
    }
}
