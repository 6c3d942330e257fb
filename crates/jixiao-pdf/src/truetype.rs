//! The text of glyphs by an embedded TrueType program's own `cmap` table:
//! the way left to a composite font's text when its producer wrote no
//! ToUnicode map and its CIDs belong to no known character collection
//! (`Identity-H` over a subset of 文泉驿微米黑 or 宋体). The table maps
//! characters to glyphs; read backwards it says which character each glyph
//! draws. Subsets made by Chromium, WeasyPrint, fpdf2 and iText keep it;
//! MuPDF's and wkhtmltopdf's drop it (their text stays undecodable, and
//! reported so).

use std::collections::HashMap;

/// Most code points read from a cmap subtable: all of Unicode. A format 12
/// group may claim any range; past this the rest is not read.
const MAX_CMAP_CODES: u32 = 0x11_0000;

/// Subtables in order of preference: full Unicode first (Windows UCS-4,
/// Unicode full repertoire), then the Basic Multilingual Plane ones.
const PREFERRED: [(u16, u16); 8] = [(3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)];

/// The character each glyph of `program` draws, by its `cmap` table;
/// empty when the program has no Unicode cmap (or is no TrueType).
/// Where several characters share a glyph, the plain one is taken: a
/// unified ideograph over its radical or compatibility twin (`⼈` U+2F08
/// and `人` U+4EBA are one glyph in most CJK fonts), else the lowest.
pub(crate) fn unicode_of_glyphs(program: &[u8]) -> HashMap<u16, char> {
    let mut out: HashMap<u16, char> = HashMap::new();
    let Some(cmap) = table(program, *b"cmap") else {
        return out;
    };
    let count = u16_at(cmap, 2).unwrap_or(0);
    let records: Vec<(u16, u16, usize)> = (0..usize::from(count))
        .filter_map(|i| {
            let at = 4 + i * 8;
            Some((u16_at(cmap, at)?, u16_at(cmap, at + 2)?, u32_at(cmap, at + 4)? as usize))
        })
        .collect();
    let mut put = |code: u32, glyph: u16| {
        let Some(c) = char::from_u32(code).filter(|_| glyph != 0) else {
            return;
        };
        let keep = out.get(&glyph).is_some_and(|&old| rank(old) <= rank(c));
        if !keep {
            out.insert(glyph, c);
        }
    };
    for wanted in PREFERRED {
        for &(platform, encoding, offset) in &records {
            if (platform, encoding) != wanted {
                continue;
            }
            let Some(sub) = cmap.get(offset..) else { continue };
            let read = match u16_at(sub, 0) {
                Some(4) => format4(sub, &mut put),
                Some(12) => format12(sub, &mut put),
                _ => false,
            };
            if read {
                return out;
            }
        }
    }
    out
}

/// Radicals, compatibility ideographs and vertical forms after everything
/// else; then the code point.
fn rank(c: char) -> (bool, char) {
    let twin = matches!(c,
        '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE10}'..='\u{FE1F}' | '\u{FE30}'..='\u{FE4F}' | '\u{2F800}'..='\u{2FA1F}');
    (twin, c)
}

/// The bytes of table `tag` of an sfnt program.
fn table(program: &[u8], tag: [u8; 4]) -> Option<&[u8]> {
    let count = usize::from(u16_at(program, 4)?);
    (0..count).find_map(|i| {
        let at = 12 + i * 16;
        if program.get(at..at + 4)? != tag {
            return None;
        }
        let offset = u32_at(program, at + 8)? as usize;
        let length = u32_at(program, at + 12)? as usize;
        program.get(offset..offset.checked_add(length)?)
    })
}

/// Segment mapping to delta values (the BMP subtable nearly every font
/// has). False when the subtable is cut short.
fn format4(sub: &[u8], put: &mut impl FnMut(u32, u16)) -> bool {
    let Some(segments) = u16_at(sub, 6).map(|x| usize::from(x / 2)) else {
        return false;
    };
    let ends = 14;
    let starts = ends + segments * 2 + 2;
    let deltas = starts + segments * 2;
    let range_offsets = deltas + segments * 2;
    if sub.len() < range_offsets + segments * 2 {
        return false;
    }
    let mut budget = MAX_CMAP_CODES;
    for s in 0..segments {
        let (Some(end), Some(start), Some(delta), Some(range_offset)) = (
            u16_at(sub, ends + s * 2),
            u16_at(sub, starts + s * 2),
            u16_at(sub, deltas + s * 2),
            u16_at(sub, range_offsets + s * 2),
        ) else {
            return false;
        };
        for code in start..=end {
            if code == 0xFFFF || budget == 0 {
                break;
            }
            budget -= 1;
            let glyph = if range_offset == 0 {
                code.wrapping_add(delta)
            } else {
                // idRangeOffset counts from its own place in the table.
                let at = range_offsets + s * 2 + usize::from(range_offset) + usize::from(code - start) * 2;
                match u16_at(sub, at) {
                    Some(0) | None => continue,
                    Some(g) => g.wrapping_add(delta),
                }
            };
            put(u32::from(code), glyph);
        }
    }
    true
}

/// Segmented coverage (the full-Unicode subtable). False when cut short.
fn format12(sub: &[u8], put: &mut impl FnMut(u32, u16)) -> bool {
    let Some(groups) = u32_at(sub, 12) else {
        return false;
    };
    let mut budget = MAX_CMAP_CODES;
    for g in 0..groups as usize {
        let at = 16 + g * 12;
        let (Some(first), Some(last), Some(glyph)) = (u32_at(sub, at), u32_at(sub, at + 4), u32_at(sub, at + 8)) else {
            return false;
        };
        for code in first..=last.min(0x10_FFFF) {
            if budget == 0 {
                return true;
            }
            budget -= 1;
            if let Ok(glyph) = u16::try_from(glyph.wrapping_add(code - first)) {
                put(code, glyph);
            }
        }
    }
    true
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at.checked_add(1)?)?]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([*b.first()?, *b.get(1)?, *b.get(2)?, *b.get(3)?]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An sfnt program holding one `cmap` table with one subtable.
    fn program(platform: u16, encoding: u16, subtable: &[u8]) -> Vec<u8> {
        let mut cmap = Vec::new();
        cmap.extend(0u16.to_be_bytes());
        cmap.extend(1u16.to_be_bytes());
        cmap.extend(platform.to_be_bytes());
        cmap.extend(encoding.to_be_bytes());
        cmap.extend(12u32.to_be_bytes());
        cmap.extend(subtable);
        let mut out = Vec::new();
        out.extend(0x0001_0000u32.to_be_bytes());
        out.extend(1u16.to_be_bytes());
        out.extend([0u8; 6]);
        out.extend(*b"cmap");
        out.extend(0u32.to_be_bytes());
        out.extend(28u32.to_be_bytes());
        out.extend((cmap.len() as u32).to_be_bytes());
        out.extend(cmap);
        out
    }

    /// A format 4 subtable of `segments` (start, end, delta, glyphs by
    /// idRangeOffset), with the closing 0xFFFF segment.
    fn format4_table(segments: &[(u16, u16, u16, Option<Vec<u16>>)]) -> Vec<u8> {
        let mut segs = segments.to_vec();
        segs.push((0xFFFF, 0xFFFF, 1, None));
        let n = segs.len();
        let mut ends = Vec::new();
        let mut starts = Vec::new();
        let mut deltas = Vec::new();
        let mut offsets = Vec::new();
        let mut glyphs: Vec<u16> = Vec::new();
        for (i, (start, end, delta, array)) in segs.iter().enumerate() {
            ends.extend(end.to_be_bytes());
            starts.extend(start.to_be_bytes());
            deltas.extend(delta.to_be_bytes());
            match array {
                None => offsets.extend(0u16.to_be_bytes()),
                Some(a) => {
                    let offset = ((n - i) * 2 + glyphs.len() * 2) as u16;
                    offsets.extend(offset.to_be_bytes());
                    glyphs.extend(a);
                }
            }
        }
        let mut out = Vec::new();
        out.extend(4u16.to_be_bytes());
        out.extend(0u16.to_be_bytes());
        out.extend(0u16.to_be_bytes());
        out.extend(((n * 2) as u16).to_be_bytes());
        out.extend([0u8; 6]);
        out.extend(ends);
        out.extend(0u16.to_be_bytes());
        out.extend(starts);
        out.extend(deltas);
        out.extend(offsets);
        for g in glyphs {
            out.extend(g.to_be_bytes());
        }
        out
    }

    #[test]
    fn format4_by_delta_and_by_glyph_array() {
        // 人 (U+4EBA) → glyph 7 by delta; 口 口 (U+53E3..U+53E4) → 9, 0 by the array.
        let sub = format4_table(&[
            (0x4EBA, 0x4EBA, 7u16.wrapping_sub(0x4EBA), None),
            (0x53E3, 0x53E4, 0, Some(vec![9, 0])),
        ]);
        let map = unicode_of_glyphs(&program(3, 1, &sub));
        assert_eq!(map.get(&7), Some(&'人'));
        assert_eq!(map.get(&9), Some(&'口'));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn the_unified_ideograph_over_its_radical_twin() {
        // ⼈ (U+2F08, a Kangxi radical) and 人 (U+4EBA) on one glyph.
        let sub = format4_table(&[
            (0x2F08, 0x2F08, 7u16.wrapping_sub(0x2F08), None),
            (0x4EBA, 0x4EBA, 7u16.wrapping_sub(0x4EBA), None),
        ]);
        assert_eq!(unicode_of_glyphs(&program(3, 1, &sub)).get(&7), Some(&'人'));
    }

    #[test]
    fn format12_groups() {
        let mut sub = Vec::new();
        sub.extend(12u16.to_be_bytes());
        sub.extend(0u16.to_be_bytes());
        sub.extend(28u32.to_be_bytes());
        sub.extend(0u32.to_be_bytes());
        sub.extend(1u32.to_be_bytes());
        sub.extend(0x20000u32.to_be_bytes());
        sub.extend(0x20001u32.to_be_bytes());
        sub.extend(3u32.to_be_bytes());
        let map = unicode_of_glyphs(&program(3, 10, &sub));
        assert_eq!(map.get(&3), Some(&'\u{20000}'));
        assert_eq!(map.get(&4), Some(&'\u{20001}'));
    }

    #[test]
    fn no_cmap_no_text() {
        assert!(unicode_of_glyphs(b"").is_empty());
        assert!(unicode_of_glyphs(b"OTTO\0\0\0\0").is_empty());
        // A Macintosh Roman subtable only: not Unicode.
        let sub = format4_table(&[(0x41, 0x41, 1, None)]);
        assert!(unicode_of_glyphs(&program(1, 0, &sub)).is_empty());
    }

    proptest! {
        // Any bytes, and any cut or mutation of a good program: no panic.
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = unicode_of_glyphs(&bytes);
        }

        #[test]
        fn cut_or_mutated_programs_never_panic(cut in 0usize..200, at in 0usize..200, byte in any::<u8>()) {
            let sub = format4_table(&[(0x4E00, 0x4E10, 5, None), (0x53E3, 0x53E4, 0, Some(vec![9, 10]))]);
            let mut p = program(3, 1, &sub);
            if let Some(b) = p.get_mut(at) {
                *b = byte;
            }
            p.truncate(cut);
            let _ = unicode_of_glyphs(&p);
        }
    }
}
