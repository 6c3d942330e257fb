//! Fonts: how the bytes of a text string split into codes, what text each
//! code stands for, and how wide it is.
//!
//! ToUnicode comes first when present. Without it, a simple font reads
//! through its encoding and `/Differences`; a composite font with a
//! predefined Chinese CMap reads the bytes themselves (`UniGB-UCS2-H` is
//! UTF-16BE, `GBK-EUC-H` is GBK). A font that leaves codes unknown is
//! reported, never guessed.

use encoding_rs::Encoding;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

use crate::cmap::{self, CMap, CodeMap, CodeRange, TextMap};
use crate::encoding;
use crate::GlyphText;

/// How the bytes of a string are cut into codes.
#[derive(Debug, Clone, PartialEq)]
enum Codes {
    OneByte,
    TwoByte,
    /// Multi-byte legacy encodings: a lead byte ≥ 0x81 starts a two-byte
    /// code (four bytes for GB18030's `0x81–0xFE 0x30–0x39 …`).
    Legacy {
        four_byte: bool,
    },
    /// UTF-16BE with surrogate pairs.
    Utf16,
    /// Code space ranges of an embedded CMap.
    Ranges(Vec<CodeRange>),
}

/// What a code means without ToUnicode.
#[derive(Debug, Clone)]
enum Fallback {
    /// Simple font: a base encoding and the `/Differences` over it.
    Simple(SimpleEncoding),
    /// Code units are Unicode (UCS-2 / UTF-16 CMaps).
    Unicode,
    /// Code bytes are a legacy encoding.
    Legacy(&'static Encoding),
    /// The CID of the code, through the character collection's table.
    Collection(&'static [u8]),
    /// The CID of the code, through the embedded TrueType program's own
    /// `cmap` table read backwards (see [`crate::truetype`]).
    Program(HashMap<u32, char>),
    /// The CID is the character: a program without a cmap table whose
    /// `/CIDToGIDMap` gives glyphs to CIDs that read as Unicode text (see
    /// [`cids_are_unicode`]).
    CidsAsUnicode,
    /// Nothing known (Identity-H without ToUnicode, unknown CMaps).
    None,
}

#[derive(Debug, Clone)]
enum Widths {
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
        /// A standard font named without `/Widths`: its AFM widths.
        standard: Option<&'static [(char, u16)]>,
    },
    Cid {
        widths: CodeMap<f32>,
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
        cids: Cids,
    },
}

/// How a code of a composite font becomes a CID.
#[derive(Debug, Clone)]
enum Cids {
    /// `Identity-H`/`-V` (or no encoding): the code is the CID.
    Identity,
    /// Through an embedded CMap.
    Embedded(Box<CMap>),
    /// Through the table of a predefined CMap.
    Predefined(CidTable),
    /// A predefined CMap jixiao has no table for.
    Unknown,
}

/// A predefined CMap's code → CID table: little-endian u32 triples (first
/// code, last code, first CID), sorted (see `data/make-cmap-tables.py`).
#[derive(Debug, Clone, Copy)]
struct CidTable(&'static [u8]);

/// Bytes per entry of a [`CidTable`].
const CID_ENTRY: usize = 12;
/// Decoded bytes of a ToUnicode or CMap stream: real ones are a few hundred
/// KiB at most; a bomb is cut off here.
const MAX_CMAP_BYTES: usize = 8 * 1024 * 1024;

impl CidTable {
    fn entry(&self, i: usize) -> Option<(u32, u32, u32)> {
        let bytes = self.0.get(i * CID_ENTRY..(i + 1) * CID_ENTRY)?;
        let word = |k: usize| -> Option<u32> { Some(u32::from_le_bytes(bytes.get(k..k + 4)?.try_into().ok()?)) };
        Some((word(0)?, word(4)?, word(8)?))
    }

    /// The CID of `code`, by binary search over the ranges.
    fn cid(&self, code: u32) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.0.len() / CID_ENTRY);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (first, last, cid) = self.entry(mid)?;
            if code < first {
                hi = mid;
            } else if code > last {
                lo = mid + 1;
            } else {
                return Some(cid + (code - first));
            }
        }
        None
    }

    /// The table of a predefined CMap by name (`-V` reads as `-H`: the
    /// vertical CMaps differ only in punctuation turned for vertical text).
    fn named(name: &str) -> Option<CidTable> {
        let base = name
            .strip_suffix("-V")
            .or_else(|| name.strip_suffix("-H"))
            .unwrap_or(name);
        let data: &'static [u8] = match base {
            "UniGB-UCS2" => include_bytes!("../data/cmaps/UniGB-UCS2-H.cid"),
            "UniGB-UTF16" => include_bytes!("../data/cmaps/UniGB-UTF16-H.cid"),
            "GBK-EUC" => include_bytes!("../data/cmaps/GBK-EUC-H.cid"),
            "GB-EUC" => include_bytes!("../data/cmaps/GB-EUC-H.cid"),
            "GBKp-EUC" => include_bytes!("../data/cmaps/GBKp-EUC-H.cid"),
            "GBK2K" => include_bytes!("../data/cmaps/GBK2K-H.cid"),
            "GBpc-EUC" => include_bytes!("../data/cmaps/GBpc-EUC-H.cid"),
            "GBT-EUC" => include_bytes!("../data/cmaps/GBT-EUC-H.cid"),
            "GBTpc-EUC" => include_bytes!("../data/cmaps/GBTpc-EUC-H.cid"),
            "UniCNS-UCS2" | "UniCNS-UTF16" => include_bytes!("../data/cmaps/UniCNS-UTF16-H.cid"),
            "B5pc" => include_bytes!("../data/cmaps/B5pc-H.cid"),
            "ETen-B5" => include_bytes!("../data/cmaps/ETen-B5-H.cid"),
            "ETenms-B5" => include_bytes!("../data/cmaps/ETenms-B5-H.cid"),
            "HKscs-B5" => include_bytes!("../data/cmaps/HKscs-B5-H.cid"),
            "UniJIS-UCS2" | "UniJIS-UTF16" => include_bytes!("../data/cmaps/UniJIS-UTF16-H.cid"),
            "90ms-RKSJ" => include_bytes!("../data/cmaps/90ms-RKSJ-H.cid"),
            "90msp-RKSJ" => include_bytes!("../data/cmaps/90msp-RKSJ-H.cid"),
            "83pv-RKSJ" => include_bytes!("../data/cmaps/83pv-RKSJ-H.cid"),
            "UniKS-UCS2" | "UniKS-UTF16" => include_bytes!("../data/cmaps/UniKS-UTF16-H.cid"),
            "KSC-EUC" => include_bytes!("../data/cmaps/KSC-EUC-H.cid"),
            "KSCms-UHC" => include_bytes!("../data/cmaps/KSCms-UHC-H.cid"),
            "KSCpc-EUC" => include_bytes!("../data/cmaps/KSCpc-EUC-H.cid"),
            _ => return None,
        };
        Some(CidTable(data))
    }
}

/// A font ready to decode strings.
#[derive(Debug, Clone)]
pub struct Font {
    /// `/BaseFont` (lossy UTF-8, or GBK when the name is GBK bytes).
    pub name: String,
    codes: Codes,
    to_unicode: Option<TextMap>,
    fallback: Fallback,
    widths: Widths,
    /// Glyph space → text space (0.001 except for Type3).
    pub scale: f32,
    pub vertical: bool,
    /// True when the ToUnicode map was over jixiao's limits and cut.
    pub limited: bool,
    /// True when the ToUnicode stream is damaged (its compressed data does
    /// not check out): what it maps may be incomplete.
    pub damaged: bool,
    /// Codes whose ToUnicode text contradicts what the font's predefined
    /// encoding (`UniGB-UCS2-H`, `GBK-EUC-H`, …) says they are; the
    /// encoding is read for them (see [`Font::text_of`]).
    pub contradicted: usize,
    /// The `/Subtype` when it names no font type (`/Ty` of a damaged
    /// dictionary; empty when missing): the font was read as its ToUnicode
    /// map's code length says (two bytes: composite), which may be wrong.
    pub odd_subtype: Option<String>,
    /// A composite font without `/DescendantFonts` (a damaged dictionary):
    /// its glyphs' widths are unknown, so where its text stands is a guess.
    pub no_descendant: bool,
    /// Its text is its CIDs read as Unicode characters, a reading of the
    /// font's shape ([`Fallback::CidsAsUnicode`]), to be reported.
    pub cids_as_unicode: bool,
}

/// One decoded code.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// The text, `None` when the font cannot tell.
    pub text: Option<GlyphText>,
    /// Advance in text space units for a font size of 1.
    pub width: f32,
    /// A single-byte code 32, which word spacing applies to.
    pub is_space: bool,
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let object = dict.get(key).ok()?;
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn name_of(object: &Object) -> Option<String> {
    match object {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

/// A ToUnicode or CMap stream's data, and whether it is damaged.
fn stream_data(doc: &Document, object: &Object) -> Option<(Vec<u8>, bool)> {
    let (_, object) = doc.dereference(object).ok()?;
    let stream = object.as_stream().ok()?;
    // ToUnicode and CMap streams are small; a bomb is cut off.
    match crate::decode_stream(stream, MAX_CMAP_BYTES) {
        // Turned back from CR LF line ends, the map is whole.
        crate::Decoded::Data(data, damage) => Some((data, damage.is_some_and(|d| d != crate::CRLF_DAMAGE))),
        crate::Decoded::OverLimit | crate::Decoded::Failed(_) => Some((stream.content.clone(), true)),
    }
}

/// A BaseFont name as text; Chinese producers sometimes write it in GBK.
fn base_font_name(object: Option<&Object>) -> String {
    match object {
        Some(Object::Name(bytes)) => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => encoding_rs::GBK.decode_without_bom_handling(bytes).0.into_owned(),
        },
        _ => String::from("(unnamed)"),
    }
}

impl Font {
    /// Reads a font dictionary.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = get(doc, dict, b"Subtype").and_then(name_of).unwrap_or_default();
        let (to_unicode, limited, damaged, two_byte) = get_to_unicode(doc, dict);
        let odd_subtype = (!matches!(subtype.as_str(), "Type0" | "Type1" | "MMType1" | "TrueType" | "Type3"))
            .then(|| subtype.clone());
        // A dictionary whose /Subtype was damaged (bytes flipped: `/Ty%e0`,
        // the rest of the line a comment) still says its codes' length by
        // its ToUnicode map's code space: two bytes are a composite font's.
        if subtype == "Type0" || (odd_subtype.is_some() && two_byte) {
            let mut font = Font::composite(doc, dict, to_unicode, limited, damaged);
            font.odd_subtype = odd_subtype;
            return font;
        }
        let name = base_font_name(get(doc, dict, b"BaseFont"));
        let first = get(doc, dict, b"FirstChar").and_then(number).unwrap_or(0.0).max(0.0) as u32;
        let widths: Vec<f32> = get(doc, dict, b"Widths")
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .map(|w| doc.dereference(w).ok().and_then(|(_, o)| number(o)).unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();
        let standard = if widths.is_empty() && subtype != "Type3" {
            standard_face(&name)
        } else {
            None
        };
        let missing = get(doc, dict, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| get(doc, d, b"MissingWidth"))
            .and_then(number)
            .unwrap_or(0.0);
        let scale = if subtype == "Type3" {
            get(doc, dict, b"FontMatrix")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(number)
                .filter(|s| s.is_finite() && *s != 0.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        Font {
            name,
            codes: Codes::OneByte,
            to_unicode,
            fallback: Fallback::Simple(simple_encoding(doc, dict, &subtype)),
            widths: Widths::Simple {
                standard,
                first,
                widths,
                missing,
            },
            scale,
            vertical: false,
            limited,
            damaged,
            contradicted: 0,
            odd_subtype,
            no_descendant: false,
            cids_as_unicode: false,
        }
    }

    fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<TextMap>, limited: bool, damaged: bool) -> Font {
        let name = base_font_name(get(doc, dict, b"BaseFont"));
        let descendant = get(doc, dict, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let encoding = dict.get(b"Encoding").ok();
        let (codes, fallback, cids, vertical) = match encoding.and_then(|o| doc.dereference(o).ok()) {
            Some((_, Object::Name(n))) => {
                let cmap_name = String::from_utf8_lossy(n).into_owned();
                let (codes, fallback, identity) = predefined(&cmap_name);
                let cids = if identity {
                    Cids::Identity
                } else {
                    CidTable::named(&cmap_name).map_or(Cids::Unknown, Cids::Predefined)
                };
                (codes, fallback, cids, cmap_name.ends_with("-V"))
            }
            Some((_, object @ Object::Stream(_))) => {
                let parsed = stream_data(doc, object)
                    .map(|(d, _)| cmap::parse(&d))
                    .unwrap_or_default();
                let codes = if parsed.code_space.is_empty() {
                    Codes::TwoByte
                } else {
                    Codes::Ranges(parsed.code_space.clone())
                };
                (codes, Fallback::None, Cids::Embedded(Box::new(parsed)), false)
            }
            _ => (Codes::TwoByte, Fallback::None, Cids::Identity, false),
        };
        let (widths, ranges, default) = descendant.map(|d| cid_widths(doc, d)).unwrap_or_default();
        // Without a way to Unicode, CIDs of a known character collection
        // read through its table.
        // Else, where the font's program is embedded, by its own cmap.
        // Else, where that program has no cmap table either and there is
        // no ToUnicode map at all, by the CIDs themselves where they read as
        // Unicode text (TCPDF's fonts; reported).
        let fallback = match fallback {
            Fallback::None if matches!(cids, Cids::Identity | Cids::Embedded(_)) => descendant
                .and_then(|d| {
                    collection(doc, d)
                        .map(Fallback::Collection)
                        .or_else(|| program_text(doc, d).map(Fallback::Program))
                        .or_else(|| {
                            (to_unicode.is_none() && cids_are_unicode(doc, d)).then_some(Fallback::CidsAsUnicode)
                        })
                })
                .unwrap_or(Fallback::None),
            other => other,
        };
        let cids_as_unicode = matches!(fallback, Fallback::CidsAsUnicode);
        let mut font = Font {
            name,
            codes,
            to_unicode,
            fallback,
            widths: Widths::Cid {
                widths,
                ranges,
                default,
                cids,
            },
            scale: 0.001,
            vertical,
            limited,
            damaged,
            contradicted: 0,
            odd_subtype: None,
            no_descendant: get(doc, dict, b"DescendantFonts").is_none(),
            cids_as_unicode,
        };
        font.contradicted = font.contradictions();
        font
    }

    /// True when the font's codes have a meaning of their own, defined by a
    /// predefined CMap: Unicode code units or a national encoding.
    fn encoding_defines_text(&self) -> bool {
        matches!(self.fallback, Fallback::Unicode | Fallback::Legacy(_))
    }

    /// How many ToUnicode entries give other text than the encoding does.
    /// Ghostscript, substituting a font for a non-embedded `STSong-Light`
    /// (`UniGB-UCS2-H`), writes CIDs into ToUnicode (`<4e0a> → <91b1>`:
    /// 上 read as 醱), and pdftotext prints what it says.
    fn contradictions(&self) -> usize {
        let Some(map) = self.to_unicode.as_ref().filter(|_| self.encoding_defines_text()) else {
            return 0;
        };
        map.entries()
            .into_iter()
            .filter(|(code, text)| {
                self.encoding_text(*code, &self.code_bytes(*code))
                    .is_some_and(|own| jixiao_model::normalize::fold(&own) != jixiao_model::normalize::fold(text))
            })
            .count()
    }

    /// A code's bytes as the content stream holds them.
    fn code_bytes(&self, code: u32) -> Vec<u8> {
        let bytes = code.to_be_bytes();
        let len = match self.codes {
            Codes::Legacy { .. } if code <= 0xFF => 1,
            Codes::Legacy { .. } | Codes::TwoByte | Codes::Utf16 if code <= 0xFFFF => 2,
            _ => 4,
        };
        bytes.get(4 - len..).unwrap_or_default().to_vec()
    }

    /// Splits `bytes` into codes and hands each to `each` as it is read (a
    /// text operand a glyph long, as some producers write every glyph, needs
    /// no list).
    pub fn decode(&self, bytes: &[u8], mut each: impl FnMut(Code)) {
        let mut i = 0;
        while i < bytes.len() {
            let len = self.code_len(bytes, i).clamp(1, 4).min(bytes.len() - i);
            let code_bytes = bytes.get(i..i + len).unwrap_or_default();
            i += len;
            let code = code_bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            let text = self.text_of(code, code_bytes);
            let width = self.width_of(code, code_bytes, text.as_ref());
            each(Code {
                text,
                width,
                is_space: len == 1 && code == 32,
            });
        }
    }

    fn code_len(&self, bytes: &[u8], at: usize) -> usize {
        let first = bytes.get(at).copied().unwrap_or(0);
        match &self.codes {
            Codes::OneByte => 1,
            Codes::TwoByte => 2,
            Codes::Legacy { four_byte } => {
                if first < 0x81 || first == 0xff {
                    1
                } else if *four_byte && bytes.get(at + 1).is_some_and(|b| (0x30..=0x39).contains(b)) {
                    4
                } else {
                    2
                }
            }
            Codes::Utf16 => {
                let unit = u16::from_be_bytes([first, bytes.get(at + 1).copied().unwrap_or(0)]);
                if (0xd800..0xdc00).contains(&unit) {
                    4
                } else {
                    2
                }
            }
            Codes::Ranges(ranges) => {
                for len in 1..=4 {
                    let Some(code_bytes) = bytes.get(at..at + len) else {
                        break;
                    };
                    let code = code_bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
                    if ranges.iter().any(|r| r.len == len && (r.low..=r.high).contains(&code)) {
                        return len;
                    }
                }
                ranges.iter().map(|r| r.len).min().unwrap_or(1)
            }
        }
    }

    /// A code's text: ToUnicode first, as the PDF specification says, but
    /// where a predefined CMap defines the codes' text and the font's
    /// ToUnicode contradicts it, the encoding (the ToUnicode map is a
    /// producer's afterthought; the encoding is what the glyphs were chosen
    /// by).
    fn text_of(&self, code: u32, bytes: &[u8]) -> Option<GlyphText> {
        if self.contradicted > 0 {
            if let Some(text) = self.encoding_text(code, bytes) {
                return Some(text);
            }
        }
        if let Some(text) = self.to_unicode.as_ref().and_then(|m| m.get(code)) {
            return Some(text);
        }
        self.encoding_text(code, bytes)
    }

    /// A code's text by the font's encoding alone.
    fn encoding_text(&self, code: u32, bytes: &[u8]) -> Option<GlyphText> {
        match &self.fallback {
            Fallback::Simple(encoding) => encoding.text(code),
            // One UTF-16 unit (nearly every code of a UCS-2 CMap): its
            // character, with no string built.
            Fallback::Unicode => match bytes {
                [hi, lo] => char::from_u32(u32::from(u16::from_be_bytes([*hi, *lo]))).map(GlyphText::from_char),
                _ => Some(cmap::utf16be(bytes))
                    .filter(|s| !s.is_empty())
                    .map(GlyphText::from),
            },
            Fallback::Legacy(encoding) => {
                let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
                (!had_errors).then(|| GlyphText::new(&text))
            }
            Fallback::Collection(table) => {
                let cid = self.cid_of(code)? as usize;
                let unit = u16::from_le_bytes([*table.get(cid * 2)?, *table.get(cid * 2 + 1)?]);
                char::from_u32(u32::from(unit))
                    .filter(|_| unit != 0)
                    .map(GlyphText::from_char)
            }
            Fallback::Program(by_cid) => by_cid.get(&self.cid_of(code)?).copied().map(GlyphText::from_char),
            Fallback::CidsAsUnicode => char::from_u32(self.cid_of(code)?)
                .filter(|&c| is_text_char(c))
                .map(GlyphText::from_char),
            Fallback::None => None,
        }
    }

    /// The CID of a code: the code itself for Identity, else through an
    /// embedded CMap or the table of a predefined one.
    fn cid_of(&self, code: u32) -> Option<u32> {
        match &self.widths {
            Widths::Cid { cids, .. } => match cids {
                Cids::Identity => Some(code),
                Cids::Embedded(cmap) => cmap.cid(code),
                Cids::Predefined(table) => table.cid(code),
                Cids::Unknown => None,
            },
            Widths::Simple { .. } => None,
        }
    }

    fn width_of(&self, code: u32, bytes: &[u8], text: Option<&GlyphText>) -> f32 {
        let w = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
                standard,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .or_else(|| {
                    let c = text?.as_str().chars().next()?;
                    let table = (*standard)?;
                    let at = table.binary_search_by_key(&c, |(k, _)| *k).ok()?;
                    table.get(at).map(|(_, w)| f32::from(*w))
                })
                .unwrap_or(*missing),
            Widths::Cid {
                widths,
                ranges,
                default,
                ..
            } => {
                let cid = self.cid_of(code);
                match cid {
                    Some(cid) => widths
                        .get(cid)
                        .copied()
                        .or_else(|| {
                            ranges
                                .iter()
                                .find(|(lo, hi, _)| (*lo..=*hi).contains(&cid))
                                .map(|r| r.2)
                        })
                        .unwrap_or(*default),
                    // A predefined CMap jixiao has no table for: the CID is
                    // unknown. Half-width Latin (a single byte, or a narrow
                    // Unicode character) takes half an em, the rest the
                    // default width.
                    None if bytes.len() == 1 => 500.0,
                    None if matches!(self.fallback, Fallback::Unicode) => {
                        let narrow = cmap::utf16be(bytes)
                            .chars()
                            .all(|c| !jixiao_model::normalize::is_wide(c));
                        if narrow {
                            500.0
                        } else {
                            *default
                        }
                    }
                    None => *default,
                }
            }
        };
        // No width, or none that can be, is taken for half an em (fonts
        // whose widths are all 0 would stack every glyph on one spot);
        // but a zero-width space is as wide as its font says: nothing
        // (Dompdf puts one between every two ideographs).
        let zero_width = text.is_some_and(|t| {
            let t = t.as_str();
            !t.is_empty() && t.chars().all(jixiao_model::normalize::is_invisible)
        });
        let w = if w.is_finite() && (w > 0.0 || (w == 0.0 && zero_width)) {
            w
        } else {
            500.0
        };
        w * self.scale
    }
}

/// The CID → Unicode table of a CIDFont's `/CIDSystemInfo /Ordering`.
fn collection(doc: &Document, descendant: &Dictionary) -> Option<&'static [u8]> {
    let info = get(doc, descendant, b"CIDSystemInfo")?.as_dict().ok()?;
    let ordering = match get(doc, info, b"Ordering")? {
        Object::String(s, _) | Object::Name(s) => s.clone(),
        _ => return None,
    };
    match ordering.as_slice() {
        b"GB1" => Some(include_bytes!("../data/GB1.u16")),
        b"Japan1" => Some(include_bytes!("../data/Japan1.u16")),
        b"CNS1" => Some(include_bytes!("../data/CNS1.u16")),
        b"Korea1" => Some(include_bytes!("../data/Korea1.u16")),
        _ => None,
    }
}

/// Most bytes of an embedded font program read for its cmap table: a
/// whole CJK font (Noto Sans CJK is 16 MiB); a bigger stream is a bomb.
const MAX_FONT_PROGRAM_BYTES: usize = 32 * 1024 * 1024;

/// CID → character by the descendant's embedded TrueType program (a
/// `CIDFontType2` with `/FontFile2`): its cmap read backwards, through the
/// `/CIDToGIDMap` (Identity, or a stream of two-byte glyph numbers).
fn program_text(doc: &Document, descendant: &Dictionary) -> Option<HashMap<u32, char>> {
    let descriptor = get(doc, descendant, b"FontDescriptor")?.as_dict().ok()?;
    let stream = get(doc, descriptor, b"FontFile2")?.as_stream().ok()?;
    let crate::Decoded::Data(program, _) = crate::decode_stream(stream, MAX_FONT_PROGRAM_BYTES) else {
        return None;
    };
    let by_glyph = crate::truetype::unicode_of_glyphs(&program);
    // No cmap table: no CID has a character by it (and the CIDToGIDMap is
    // left for `cids_are_unicode` to read).
    if by_glyph.is_empty() {
        return None;
    }
    let by_cid: HashMap<u32, char> = match get(doc, descendant, b"CIDToGIDMap") {
        Some(Object::Stream(map)) => {
            let crate::Decoded::Data(map, _) = crate::decode_stream(map, MAX_CMAP_BYTES) else {
                return None;
            };
            map.chunks_exact(2)
                .zip(0u32..)
                .filter_map(|(gid, cid)| {
                    Some((cid, *by_glyph.get(&u16::from_be_bytes([*gid.first()?, *gid.get(1)?]))?))
                })
                .collect()
        }
        _ => by_glyph.into_iter().map(|(gid, c)| (u32::from(gid), c)).collect(),
    };
    (!by_cid.is_empty()).then_some(by_cid)
}

/// Fewest CIDs with a glyph in a `/CIDToGIDMap` stream for them to be
/// judged as text.
const MIN_UNICODE_CIDS: usize = 8;
/// Least share of those CIDs that are characters (no control, surrogate,
/// private-use or unassigned code point).
const UNICODE_CID_SHARE: f32 = 0.95;
/// Least share of them that are ideographs: a CJK font's code points are
/// mostly ideographs; CIDs numbered from 1 in the order glyphs were used
/// are none.
const IDEOGRAPH_CID_SHARE: f32 = 0.3;
/// Most share of them mapped to the glyph of their own number: a map that
/// is the identity written out (CIDs are glyph numbers, not text).
const IDENTITY_CID_SHARE: f32 = 0.5;

/// True when a descendant's `/CIDToGIDMap` stream is indexed by Unicode
/// code points: TCPDF writes a character's code point as its CID and maps
/// every code point of the font to its glyph (the map of a whole CJK font,
/// 34,594 CIDs for WenQuanYi Micro Hei), so where neither a ToUnicode map
/// nor a cmap table is left (its subsets keep none), the CIDs are the text.
/// CIDs numbered in the order glyphs were used (1, 2, 3, …) have no
/// ideographs among them; a written-out identity maps CIDs to glyphs of
/// their own numbers.
fn cids_are_unicode(doc: &Document, descendant: &Dictionary) -> bool {
    let Some(Object::Stream(map)) = get(doc, descendant, b"CIDToGIDMap") else {
        return false;
    };
    let crate::Decoded::Data(map, _) = crate::decode_stream(map, MAX_CMAP_BYTES) else {
        return false;
    };
    let (mut mapped, mut characters, mut ideographs, mut identity) = (0usize, 0usize, 0usize, 0usize);
    for (gid, cid) in map.chunks_exact(2).zip(0u32..) {
        let gid = gid.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
        if gid == 0 {
            continue;
        }
        mapped += 1;
        identity += usize::from(gid == cid);
        if let Some(c) = char::from_u32(cid).filter(|&c| is_text_char(c)) {
            characters += 1;
            ideographs += usize::from(is_ideograph(c));
        }
    }
    let share = |n: usize| n as f32 / mapped.max(1) as f32;
    mapped >= MIN_UNICODE_CIDS
        && share(characters) >= UNICODE_CID_SHARE
        && share(ideographs) >= IDEOGRAPH_CID_SHARE
        && share(identity) < IDENTITY_CID_SHARE
}

/// A code point that is a character of text: none of the C0 and C1
/// controls, surrogates, private use or the last two of each plane.
fn is_text_char(c: char) -> bool {
    let code = u32::from(c);
    !(c.is_control() || (0xe000..=0xf8ff).contains(&code) || code & 0xfffe == 0xfffe)
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The ToUnicode map, whether a limit cut it, whether its stream is
/// damaged (strict zlib fails on it), and whether its codes are two bytes
/// long (its code space says so).
fn get_to_unicode(doc: &Document, dict: &Dictionary) -> (Option<TextMap>, bool, bool, bool) {
    let Some((data, damaged)) = dict.get(b"ToUnicode").ok().and_then(|object| stream_data(doc, object)) else {
        return (None, false, false, false);
    };
    let cmap = cmap::parse(&data);
    let two_byte = !cmap.code_space.is_empty() && cmap.code_space.iter().all(|range| range.len == 2);
    (
        (!cmap.to_unicode.is_empty()).then_some(cmap.to_unicode),
        cmap.limited,
        damaged,
        two_byte,
    )
}

/// Code splitting and meaning of a predefined CMap; the bool says whether
/// the code is the CID (Identity).
fn predefined(name: &str) -> (Codes, Fallback, bool) {
    let base = name.trim_end_matches("-H").trim_end_matches("-V");
    match base {
        "Identity" => (Codes::TwoByte, Fallback::None, true),
        n if n.ends_with("UCS2") => (Codes::TwoByte, Fallback::Unicode, false),
        n if n.ends_with("UTF16") => (Codes::Utf16, Fallback::Unicode, false),
        "GBK-EUC" | "GB-EUC" | "GBKp-EUC" | "GBpc-EUC" | "GBT-EUC" | "GBTpc-EUC" => (
            Codes::Legacy { four_byte: false },
            Fallback::Legacy(encoding_rs::GBK),
            false,
        ),
        "GBK2K" => (
            Codes::Legacy { four_byte: true },
            Fallback::Legacy(encoding_rs::GB18030),
            false,
        ),
        "B5pc" | "ETen-B5" | "HKscs-B5" | "ETenms-B5" => (
            Codes::Legacy { four_byte: false },
            Fallback::Legacy(encoding_rs::BIG5),
            false,
        ),
        "90ms-RKSJ" | "90msp-RKSJ" | "83pv-RKSJ" => (
            Codes::Legacy { four_byte: false },
            Fallback::Legacy(encoding_rs::SHIFT_JIS),
            false,
        ),
        "KSC-EUC" | "KSCms-UHC" | "KSCpc-EUC" => (
            Codes::Legacy { four_byte: false },
            Fallback::Legacy(encoding_rs::EUC_KR),
            false,
        ),
        _ => (Codes::TwoByte, Fallback::None, false),
    }
}

/// `/W` in both forms (`c [w1 w2 …]` and `c_first c_last w`) and `/DW`.
#[allow(clippy::type_complexity)]
fn cid_widths(doc: &Document, dict: &Dictionary) -> (CodeMap<f32>, Vec<(u32, u32, f32)>, f32) {
    let default = get(doc, dict, b"DW").and_then(number).unwrap_or(1000.0);
    let mut widths = Vec::new();
    let mut ranges = Vec::new();
    let items: Vec<&Object> = get(doc, dict, b"W")
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .filter_map(|o| doc.dereference(o).ok().map(|(_, o)| o))
                .collect()
        })
        .unwrap_or_default();
    let mut i = 0;
    while let Some(first) = items.get(i).and_then(|o| number(o)) {
        let first = first.max(0.0) as u32;
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, w) in list.iter().enumerate() {
                    if let Some(w) = doc.dereference(w).ok().and_then(|(_, o)| number(o)) {
                        widths.push((first.saturating_add(k as u32), w));
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (number(last), items.get(i + 2).and_then(|o| number(o))) else {
                    break;
                };
                ranges.push((first, last.max(0.0) as u32, w));
                i += 3;
            }
            None => break,
        }
    }
    (CodeMap::from_entries(widths), ranges, default)
}

/// The byte → text table of a simple font: base encoding, then Differences.
/// A simple font's encoding, read when a code is shown: most fonts show a
/// few dozen of their 256 codes, and a page of a cairo or Chromium file
/// has dozens of fonts (building every table up front was 2% of a batch).
#[derive(Debug, Clone)]
struct SimpleEncoding {
    /// The base encoding (StandardEncoding, WinAnsi, MacRoman).
    base: fn(u8) -> Option<char>,
    /// `/Differences`: code and glyph text, sorted by code, the last of a
    /// code kept.
    differences: Vec<(u8, Option<GlyphText>)>,
}

impl SimpleEncoding {
    fn text(&self, code: u32) -> Option<GlyphText> {
        let code = u8::try_from(code).ok()?;
        match self.differences.binary_search_by_key(&code, |(c, _)| *c) {
            Ok(k) => self.differences.get(k).and_then(|(_, text)| text.clone()),
            Err(_) => (self.base)(code).map(GlyphText::from_char),
        }
    }
}

/// The AFM widths of the standard text face `base` names (`Helvetica`,
/// `Times-Bold`, a subset `ABCDEF+Courier`, or the metric-compatible faces
/// Windows substitutes: `Arial,Bold`, `TimesNewRomanPSMT`, `CourierNew`).
fn standard_face(base: &str) -> Option<&'static [(char, u16)]> {
    use crate::standard_widths as w;
    let name: String = base.rsplit('+').next()?.chars().filter(|c| *c != ' ').collect();
    let (family, style) = match name.find(['-', ',']) {
        Some(at) => (name.get(..at)?, name.get(at..)?.to_ascii_lowercase()),
        None => (name.as_str(), String::new()),
    };
    let bold = style.contains("bold");
    let italic = style.contains("italic") || style.contains("oblique");
    let faces = match family {
        "Helvetica" | "Arial" | "ArialMT" => [
            w::HELVETICA,
            w::HELVETICA_BOLD,
            w::HELVETICA_OBLIQUE,
            w::HELVETICA_BOLDOBLIQUE,
        ],
        "Times" | "TimesNewRoman" | "TimesNewRomanPSMT" | "TimesNewRomanPS" => {
            [w::TIMES_ROMAN, w::TIMES_BOLD, w::TIMES_ITALIC, w::TIMES_BOLDITALIC]
        }
        "Courier" | "CourierNew" | "CourierNewPSMT" => {
            [w::COURIER, w::COURIER_BOLD, w::COURIER_OBLIQUE, w::COURIER_BOLDOBLIQUE]
        }
        _ => return None,
    };
    faces.get(usize::from(bold) + 2 * usize::from(italic)).copied()
}

/// The standard Symbol font (`/Symbol`, a subset `ABCDEF+Symbol`, or
/// Monotype's `SymbolMT` that Word embeds), read by its built-in encoding.
fn is_symbol_font(dict: &Dictionary) -> bool {
    let Ok(Object::Name(name)) = dict.get(b"BaseFont") else {
        return false;
    };
    let name = name.rsplit(|b| *b == b'+').next().unwrap_or(name);
    matches!(name, b"Symbol" | b"SymbolMT" | b"Symbol,Bold" | b"Symbol,Italic")
}

/// The font descriptor's Symbolic flag (bit 3): glyphs outside the
/// standard Latin set, in an encoding of the font's own.
fn is_symbolic(doc: &Document, dict: &Dictionary) -> bool {
    get(doc, dict, b"FontDescriptor")
        .and_then(|d| d.as_dict().ok())
        .and_then(|d| get(doc, d, b"Flags"))
        .and_then(|f| f.as_i64().ok())
        .is_some_and(|flags| flags & 4 != 0)
}

fn simple_encoding(doc: &Document, dict: &Dictionary, subtype: &str) -> SimpleEncoding {
    let encoding = get(doc, dict, b"Encoding");
    let base = match encoding {
        Some(Object::Name(n)) => Some(n.clone()),
        Some(Object::Dictionary(d)) => get(doc, d, b"BaseEncoding")
            .and_then(|o| o.as_name().ok())
            .map(<[u8]>::to_vec),
        _ => None,
    };
    let base: fn(u8) -> Option<char> = match base.as_deref() {
        Some(b"MacRomanEncoding") => encoding::mac_roman,
        Some(b"StandardEncoding") => encoding::standard,
        Some(b"WinAnsiEncoding") => encoding::win_ansi,
        // The Symbol font's built-in encoding is its own.
        _ if is_symbol_font(dict) => encoding::symbol,
        // Type1 fonts default to their built-in (standard) encoding, a
        // symbolic one's upper half unknown; the others are read as
        // WinAnsi.
        _ if subtype == "Type1" && is_symbolic(doc, dict) => encoding::standard_ascii,
        _ if subtype == "Type1" => encoding::standard,
        _ => encoding::win_ansi,
    };
    let mut differences: Vec<(u8, Option<GlyphText>)> = Vec::new();
    if let Some(Object::Dictionary(d)) = encoding {
        if let Some(items) = get(doc, d, b"Differences").and_then(|o| o.as_array().ok()) {
            let mut code = 0usize;
            // The name before, read: Skia names every unused code `/g0`.
            let mut last: Option<(&[u8], Option<GlyphText>)> = None;
            for item in items {
                match doc.dereference(item).map(|(_, o)| o) {
                    Ok(Object::Integer(c)) => code = usize::try_from(*c).unwrap_or(usize::MAX),
                    Ok(Object::Name(name)) => {
                        if let Ok(byte) = u8::try_from(code) {
                            let text = match &last {
                                Some((previous, text)) if *previous == name.as_slice() => text.clone(),
                                _ => encoding::glyph_name(&String::from_utf8_lossy(name)).map(GlyphText::from),
                            };
                            last = Some((name, text.clone()));
                            differences.push((byte, text));
                        }
                        code = code.saturating_add(1);
                    }
                    _ => {}
                }
            }
        }
    }
    // The last entry for a code wins, as it did written into a table.
    differences.reverse();
    differences.sort_by_key(|(c, _)| *c);
    differences.dedup_by_key(|(c, _)| *c);
    SimpleEncoding { base, differences }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Object, Stream};

    /// Whether a descendant whose `/CIDToGIDMap` maps each of `cids` to
    /// `gid(cid)` is read by its CIDs as Unicode.
    fn read_as_unicode(cids: impl IntoIterator<Item = u32>, gid: impl Fn(u32) -> u16) -> bool {
        let mut map = vec![0u8; 2 * 65536];
        for cid in cids {
            let [hi, lo] = gid(cid).to_be_bytes();
            if let Some(slot) = map.get_mut(2 * cid as usize..2 * cid as usize + 2) {
                slot.copy_from_slice(&[hi, lo]);
            }
        }
        let mut doc = Document::with_version("1.5");
        let id = doc.add_object(Stream::new(Dictionary::new(), map));
        let mut descendant = Dictionary::new();
        descendant.set("CIDToGIDMap", Object::Reference(id));
        cids_are_unicode(&doc, &descendant)
    }

    #[test]
    fn cids_are_text_only_where_they_read_as_unicode_text() {
        // TCPDF: the code points of a CJK font, glyphs in the font's order.
        let tcpdf = (0x20..0x7f).chain(0x4e00..0x9fa6).chain(0x3000..0x3020);
        assert!(read_as_unicode(tcpdf, |cid| (cid.wrapping_mul(7919) % 30000 + 1) as u16));
        // CIDs numbered as glyphs were used: no ideographs among them.
        assert!(!read_as_unicode(1..600, |cid| cid as u16));
        assert!(!read_as_unicode(1..600, |cid| (601 - cid) as u16));
        // Code points without ideographs (Latin, Greek, Cyrillic).
        assert!(!read_as_unicode(0x100..0x500, |cid| (0x600 - cid) as u16));
        // The identity written out over a whole CJK font.
        assert!(!read_as_unicode(1..30000, |cid| cid as u16));
        // Too few to judge; private-use code points.
        assert!(!read_as_unicode(0x4e00..0x4e05, |cid| (cid - 0x4dff) as u16));
        assert!(!read_as_unicode(0xe000..0xe800, |cid| (cid - 0xdfff) as u16));
        // Half of them ideographs, half private use.
        let mixed = (0x4e00..0x4f00).chain(0xe000..0xe100);
        assert!(!read_as_unicode(mixed, |cid| (cid % 0x1000 + 1) as u16));
    }
}
