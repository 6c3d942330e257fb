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

/// StandardEncoding: ASCII with typographic quotes; the upper half is rare
/// in these documents and maps through WinAnsi where the glyphs agree.
pub fn standard(code: u8) -> Option<char> {
    match code {
        0x27 => Some('\u{2019}'),
        0x60 => Some('\u{2018}'),
        0x20..=0x7e => Some(char::from(code)),
        _ => None,
    }
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
        _ => return None,
    };
    Some(c.to_string())
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
        assert_eq!(win_ansi(0x93), Some('“'));
        assert_eq!(win_ansi(0x81), None);
    }
}
