//! PDF pages → positioned glyphs and ruling lines.
//!
//! jixiao reads PDFs on [`lopdf`]'s object model: a plain file's objects
//! are read by [`objects`], only those the catalog reaches; lopdf reads
//! the rest (damaged, encrypted, unusual files) with its recovery. It
//! interprets the content streams itself: text state and operators (`Tj TJ ' "`), graphics state,
//! paths (stroked lines and thin filled rectangles become [`Rule`]s), Form
//! XObjects with their `/Matrix` (depth-limited, cycles refused), `/Rotate`
//! and the CropBox. Fonts are decoded by the `font` module: ToUnicode first; the
//! predefined Chinese CMaps of non-embedded 宋体/STSong fonts
//! (`UniGB-UCS2-H`, `UniGB-UTF16-H`, `GBK-EUC-H`, `GB-EUC-H`, `GBKp-EUC-H`,
//! `GBK2K-H`); simple fonts through their encoding and `/Differences`.
//! Codes that cannot be decoded come out as U+FFFD and are counted per font
//! in [`Page::undecoded`], never guessed. CJK radical code points that some
//! producers emit for ordinary ideographs are folded to the ideographs.
//!
//! Nothing here knows about forms: that is the layout's and the parser's job.
//!
//! ```no_run
//! let bytes = std::fs::read("sheet.pdf").unwrap();
//! let pdf = jixiao_pdf::Pdf::load(&bytes).unwrap();
//! for number in 1..=pdf.page_count() {
//!     let page = pdf.page(number).unwrap();
//!     println!("page {number}: {} glyphs, {} rules", page.glyphs.len(), page.rules.len());
//! }
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

mod cmap;
pub mod content;
mod encoding;
mod font;
mod geometry;
mod glyph_names;
pub mod objects;
mod page;
mod standard_widths;
mod text;
mod truetype;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};
use unicode_normalization::UnicodeNormalization;

use crate::font::Font;
use crate::geometry::PageSpace;

pub use text::GlyphText;

pub use page::{
    text_string, MAX_ANNOTATIONS, MAX_CONTENT_BYTES, MAX_FORM_DEPTH, MAX_GLYPHS, MAX_OPERATIONS, MAX_RULES,
};

/// Why a PDF (or one of its pages) cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("not a PDF file: {0}")]
    /// The bytes are not a PDF.
    NotPdf(String),
    #[error("the PDF is encrypted with a user password; it cannot be read without the password")]
    /// Encrypted with a user password.
    Encrypted,
    #[error("damaged PDF: {0}")]
    /// The file structure cannot be read.
    Damaged(String),
    #[error("the PDF has no pages")]
    /// The page tree holds no page.
    NoPages,
    #[error("page {page}: {reason}")]
    /// One page could not be read.
    Page {
        /// The page, 1-based.
        page: u32,
        /// Why.
        reason: String,
    },
}

/// A glyph on a page: its text and box in page space (points, origin at the
/// top left of the visible page, y growing downwards), and its size (em).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The text.
    pub text: GlyphText,
    /// Left edge, in points from the page's left.
    pub x0: f32,
    /// Top edge, in points from the page's top.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
    /// Font size, in points.
    pub size: f32,
}

/// A ruling line in page space: horizontal (`y0 == y1`) or vertical
/// (`x0 == x1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left edge, in points from the page's left.
    pub x0: f32,
    /// Top edge, in points from the page's top.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rule {
    /// True for a horizontal rule.
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < (self.x1 - self.x0).abs()
    }
}

/// One interpreted page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    /// Page width, in points (after /Rotate).
    pub width: f32,
    /// Page height, in points.
    pub height: f32,
    /// The text drawn, one glyph (or ligature) each.
    pub glyphs: Vec<Glyph>,
    /// Ruling lines: stroked lines and thin filled rectangles.
    pub rules: Vec<Rule>,
    /// Problems met on the page (unreadable content, missing fonts, limits).
    pub problems: Vec<String>,
    /// Per font name: glyphs that could not be decoded to text.
    pub undecoded: Vec<(String, usize)>,
    /// Glyphs (U+FFFD) that stand for strings shown in a font the file
    /// lacks (each also a problem): no text of the page's own.
    pub unfonted: usize,
    /// Limits that cut the page's content (what was cut, in words).
    pub limits: Vec<String>,
}

/// The keys of a page dictionary (ISO 32000-2, table 31): one outside them
/// that refers to a stream may be `/Contents` with a byte flipped.
const PAGE_KEYS: &[&[u8]] = &[
    b"Type",
    b"Parent",
    b"LastModified",
    b"Resources",
    b"MediaBox",
    b"CropBox",
    b"BleedBox",
    b"TrimBox",
    b"ArtBox",
    b"BoxColorInfo",
    b"Contents",
    b"Rotate",
    b"Group",
    b"Thumb",
    b"B",
    b"Dur",
    b"Trans",
    b"Annots",
    b"AA",
    b"Metadata",
    b"PieceInfo",
    b"StructParents",
    b"ID",
    b"PZ",
    b"SeparationInfo",
    b"Tabs",
    b"TemplateInstantiated",
    b"PresSteps",
    b"UserUnit",
    b"VP",
    b"AF",
    b"OutputIntents",
    b"DPart",
];

/// A loaded PDF.
pub struct Pdf {
    doc: Document,
    pages: Vec<ObjectId>,
    fonts: RefCell<HashMap<ObjectId, Rc<Font>>>,
    form: page::AcroForm,
    damage: Vec<String>,
}

impl Pdf {
    /// Loads a PDF from its bytes; an encrypted file is opened with the empty
    /// user password when that works.
    pub fn load(bytes: &[u8]) -> Result<Pdf, Error> {
        let head = bytes.get(..1024).unwrap_or(bytes);
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(Error::NotPdf("no %PDF- header".into()));
        }
        // A file copied in text mode (FTP ASCII, a mail gateway) has every
        // LF turned into CR LF, its binary streams' too: turned back, its
        // cross-reference offsets point at their objects again, which
        // proves the copy (a file of CR LF line ends of its own keeps the
        // bare LFs of its compressed data).
        let unmangled = crlf_mangled(bytes)
            .then(|| with_lf_line_ends(bytes))
            .flatten()
            .filter(|lf| objects::load_or_unread(lf).is_ok());
        let mut pdf = Pdf::load_unmangled(unmangled.as_deref().unwrap_or(bytes))?;
        if unmangled.is_some() {
            pdf.damage.insert(0, String::from(CRLF_FILE_DAMAGE));
        }
        Ok(pdf)
    }

    fn load_unmangled(bytes: &[u8]) -> Result<Pdf, Error> {
        let mut rebuilt = None;
        // Rebuilt without a catalog: only pages found by their type can be
        // read (and where there are none, the first error says most).
        let mut rootless = false;
        // A plain file is read by jixiao's own object reader; lopdf reads
        // the rest, with its recovery.
        let mut unread = None;
        let loaded = match objects::load_or_unread(bytes) {
            Ok(doc) => Ok(doc),
            Err(object) => {
                unread = object;
                Document::load_mem(bytes)
            }
        };
        let (mut doc, unmeasured) = match loaded {
            Ok(mut doc) => {
                let unmeasured = read_unmeasured_streams(bytes, &mut doc);
                (doc, unmeasured)
            }
            Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => return Err(Error::Encrypted),
            Err(first) => {
                // Damaged beyond lopdf's own recovery: find the objects by
                // scanning, as qpdf and poppler do, and read again.
                let (repaired, has_root) = rebuild_xref(bytes).ok_or_else(|| Error::Damaged(first.to_string()))?;
                rootless = !has_root;
                let mut doc = Document::load_mem(&repaired).map_err(|_| Error::Damaged(first.to_string()))?;
                let unmeasured = read_unmeasured_streams(&repaired, &mut doc);
                rebuilt = Some(first.to_string());
                (doc, unmeasured)
            }
        };
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(Error::Encrypted);
        }
        spell_out_filters(&mut doc);
        let (mut pages, odd_nodes) = page_tree(&doc);
        let mut lost_tree = false;
        if pages.is_empty() {
            pages = scanned_pages(&doc);
            lost_tree = !pages.is_empty();
        }
        if pages.is_empty() {
            // lopdf's `is_encrypted` asks for an `/Encrypt` reference; an
            // encryption dictionary written inline in the trailer
            // (pdfminer.six's samples) is none, and lopdf then leaves every
            // object encrypted and unread: no page, for want of the password.
            let encrypted = doc.is_encrypted() || doc.was_encrypted() || doc.trailer.has(b"Encrypt");
            return Err(if encrypted {
                Error::Encrypted
            } else if after_last_eof(bytes).is_none() {
                Error::Damaged(String::from(
                    "the file is cut short (no %%EOF at its end: an interrupted download?) and no page of it was found; download it again",
                ))
            } else if let (Some(why), true) = (rebuilt, rootless) {
                Error::Damaged(why)
            } else {
                Error::NoPages
            });
        }
        let form = page::AcroForm::of(&doc);
        let mut damage = damage(bytes, &doc);
        if lost_tree {
            damage.push(format!(
                "the file has no readable page tree (cut short, or damaged); {} page objects were found by their /Type /Page and read in the order of their object numbers: pages may be missing, or out of order",
                pages.len()
            ));
        }
        if odd_nodes > 0 {
            damage.push(format!(
                "{odd_nodes} page-tree nodes have a /Type of neither /Page nor /Pages (damaged?); each was read as its keys say, a page unless it has /Kids"
            ));
        }
        if !unmeasured.is_empty() {
            damage.push(format!(
                "{} streams have no usable /Length; each was read to its endstream",
                unmeasured.len()
            ));
        }
        // jixiao's reader reads every well-formed object (a differential
        // test holds it to lopdf's over the shared corpora): one it could
        // not read is malformed, and lopdf's recovery may have read it
        // wrong or not at all (`1e00` in a /W array: the widths lost, the
        // lines of every cell reordered).
        // (A stream without /Length is said so above.)
        if let Some((number, generation)) = unread.filter(|id| !unmeasured.contains(id)) {
            damage.push(format!(
                "object {number} {generation} is malformed; it was read by recovery, and what it holds (a font's widths, a page's resources) may be missing or wrong"
            ));
        }
        if let Some(why) = rebuilt {
            damage.insert(
                0,
                format!("the file's structure is broken ({why}); its objects were found by scanning the file"),
            );
        }
        Ok(Pdf {
            doc,
            pages,
            fonts: RefCell::new(HashMap::new()),
            form,
            damage,
        })
    }

    /// What is wrong with the file's structure, where it was read anyway
    /// (lopdf finds objects by scanning when the cross-reference data is
    /// off): each a reason the output may be incomplete.
    pub fn damage(&self) -> &[String] {
        &self.damage
    }

    /// Number of pages.
    pub fn page_count(&self) -> u32 {
        u32::try_from(self.pages.len()).unwrap_or(u32::MAX)
    }

    /// Interprets page `number` (1-based).
    pub fn page(&self, number: u32) -> Result<Page, Error> {
        let fail = |reason: &str| Error::Page {
            page: number,
            reason: reason.to_string(),
        };
        let id = *number
            .checked_sub(1)
            .and_then(|i| self.pages.get(i as usize))
            .ok_or_else(|| fail("no such page"))?;
        let page = self.doc.get_dictionary(id).map_err(|e| fail(&e.to_string()))?;
        let space = self.page_space(page);
        let (content, mut content_problems) = self.page_content(id)?;
        let resources = self.inherited(page, b"Resources").and_then(|o| o.as_dict().ok());
        let mut fonts = self.fonts.borrow_mut();
        let output =
            page::Interpreter::new(&self.doc, space, &mut fonts).run_page(&content, resources, page, &self.form);
        let (width, height) = space.size();
        let mut undecoded: Vec<(String, usize)> = output.undecoded.into_iter().collect();
        undecoded.sort();
        let mut glyphs = output.glyphs;
        let mut rules = output.rules;
        let turn = upright_turn(&output.directions);
        let (width, height) = turn_page(turn, width, height, &mut glyphs, &mut rules);
        let mut problems = output.problems;
        problems.append(&mut content_problems);
        let script = if glyphs.iter().any(|g| g.text.chars().any(is_regional_radical)) {
            let script = script_of(glyphs.iter().map(|g| g.text.as_str()));
            if script.is_none() {
                problems.push(String::from(
                    "a radical code point (⼾) stands for an ideograph whose form depends on the script (户 Simplified, 戶 Traditional, 戸 Japanese) and the page's script cannot be told; read as 戶",
                ));
            }
            script
        } else {
            None
        };
        for glyph in &mut glyphs {
            if has_foldable_ideographs(&glyph.text) {
                glyph.text = fold_radicals_in(&glyph.text, script).into();
            }
            if glyph.text.chars().any(is_typographic_space) {
                glyph.text = glyph
                    .text
                    .chars()
                    .map(|c| if is_typographic_space(c) { ' ' } else { c })
                    .collect::<String>()
                    .into();
            }
        }
        Ok(Page {
            number,
            width,
            height,
            glyphs,
            rules,
            problems,
            undecoded,
            unfonted: output.unfonted,
            limits: output.limits,
        })
    }

    /// A page's content streams, joined; a stream that is missing or cannot
    /// be decompressed is left out and named (lopdf would put its raw,
    /// compressed bytes in its place without a word).
    fn page_content(&self, id: ObjectId) -> Result<(Vec<u8>, Vec<String>), Error> {
        let mut content = Vec::new();
        let mut problems = Vec::new();
        let (ids, note) = self.content_ids(id);
        problems.extend(note);
        for stream_id in ids {
            let Ok(stream) = self.doc.get_object(stream_id).and_then(Object::as_stream) else {
                problems.push(format!(
                    "content stream {} {} is missing or damaged; its part of the page is not read",
                    stream_id.0, stream_id.1
                ));
                continue;
            };
            let remaining = page::MAX_CONTENT_BYTES.saturating_sub(content.len());
            let data = match decode_stream(stream, remaining) {
                Decoded::Data(data, None) => data,
                Decoded::Data(data, Some(e)) if e == CRLF_DAMAGE => {
                    problems.push(format!("content stream {} {}: {e}, whole", stream_id.0, stream_id.1));
                    data
                }
                Decoded::Data(data, Some(e)) => {
                    problems.push(format!(
                        "content stream {} {} is damaged ({e}); what could be decompressed is read, the page may be incomplete",
                        stream_id.0, stream_id.1
                    ));
                    data
                }
                Decoded::OverLimit => {
                    return Err(Error::Page {
                        page: 0,
                        reason: format!("content over {} bytes", page::MAX_CONTENT_BYTES),
                    })
                }
                Decoded::Failed(e) => {
                    problems.push(format!(
                        "content stream {} {} cannot be decompressed ({e}): it is damaged, its part of the page is not read",
                        stream_id.0, stream_id.1
                    ));
                    continue;
                }
            };
            content.extend_from_slice(&data);
            content.push(b'\n');
        }
        Ok((content, problems))
    }

    /// The objects a page's `/Contents` names (a reference or an array of
    /// them), whatever they turn out to be: lopdf's own list leaves out
    /// the ones that are not streams, without a word.
    ///
    /// A page without `/Contents` whose dictionary holds, under a key no
    /// page has, the only reference to a stream (`/Con;tents 12 0 R`: a
    /// flipped byte) is read from that stream, and said so; one without
    /// either, but with fonts of its own to draw text in, is reported.
    fn content_ids(&self, page: ObjectId) -> (Vec<ObjectId>, Option<String>) {
        let Ok(dict) = self.doc.get_dictionary(page) else {
            return (Vec::new(), None);
        };
        let array_ids = |items: &[Object]| items.iter().filter_map(|o| o.as_reference().ok()).collect();
        let ids_of = |contents: &Object| match contents {
            // A reference to an array of references is allowed too.
            Object::Reference(id) => match self.doc.get_object(*id) {
                Ok(Object::Array(items)) => array_ids(items),
                _ => vec![*id],
            },
            Object::Array(items) => array_ids(items),
            _ => Vec::new(),
        };
        if let Ok(contents) = dict.get(b"Contents") {
            return (ids_of(contents), None);
        }
        let is_stream = |id: &ObjectId| matches!(self.doc.get_object(*id), Ok(Object::Stream(_)));
        let strays: Vec<(&Vec<u8>, Vec<ObjectId>)> = dict
            .iter()
            .filter(|(key, _)| !PAGE_KEYS.contains(&key.as_slice()))
            .map(|(key, value)| (key, ids_of(value)))
            .filter(|(_, ids)| !ids.is_empty() && ids.iter().all(is_stream))
            .collect();
        if let [(key, ids)] = strays.as_slice() {
            let note = format!(
                "the page has no /Contents; its content is read from the stream under /{} (a damaged key?)",
                String::from_utf8_lossy(key)
            );
            return (ids.clone(), Some(note));
        }
        // Its own resources (inherited ones are shared with blank pages);
        // not a page of annotations alone (form fields draw their text
        // with the page's fonts).
        let has_fonts = !dict.has(b"Annots")
            && dict
                .get(b"Resources")
                .ok()
                .and_then(|r| self.doc.dereference(r).ok())
                .and_then(|(_, r)| r.as_dict().ok())
                .is_some_and(|r| r.has(b"Font"));
        let note = has_fonts.then(|| {
            String::from("the page has fonts but no /Contents (a damaged dictionary?): its text, if any, is lost")
        });
        (Vec::new(), note)
    }

    /// A page attribute, inherited through `/Parent` (bounded).
    fn inherited<'a>(&'a self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let mut node = page;
        for _ in 0..64 {
            if let Ok(object) = node.get(key) {
                return self.doc.dereference(object).ok().map(|(_, o)| o);
            }
            let parent = node.get(b"Parent").ok()?;
            node = self.doc.dereference(parent).ok()?.1.as_dict().ok()?;
        }
        None
    }

    fn page_space(&self, page: &Dictionary) -> PageSpace {
        let rect = |key: &[u8]| -> Option<[f32; 4]> {
            let array = self.inherited(page, key)?.as_array().ok()?;
            let mut v = [0f32; 4];
            for (slot, item) in v.iter_mut().zip(array) {
                *slot = match self.doc.dereference(item).ok()?.1 {
                    Object::Integer(i) => *i as f32,
                    Object::Real(r) => *r,
                    _ => return None,
                };
            }
            (array.len() == 4 && v.iter().all(|x| x.is_finite())).then_some(v)
        };
        let [x0, y0, x1, y1] = rect(b"CropBox")
            .or_else(|| rect(b"MediaBox"))
            .unwrap_or([0.0, 0.0, 595.0, 842.0]);
        let rotate = match self.inherited(page, b"Rotate") {
            Some(Object::Integer(r)) => (r.rem_euclid(360) / 90 * 90) as i32,
            _ => 0,
        };
        PageSpace {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
            rotate,
        }
    }
}

/// The quarter turns (clockwise) that make a page's text read left to
/// right: a page whose content is upright in its own space but shown
/// turned by `/Rotate` (a viewer's "rotate and save") has its lines
/// running down or up the displayed page. Most of the glyphs decide; a
/// page without a majority is left as shown.
fn upright_turn(directions: &[usize; 4]) -> usize {
    let total: usize = directions.iter().sum();
    let Some((direction, &most)) = directions.iter().enumerate().max_by_key(|(i, n)| (**n, usize::MAX - i)) else {
        return 0;
    };
    if direction == 0 || most * 2 <= total {
        return 0;
    }
    // Text reading down (1) needs a quarter turn back, i.e. three clockwise.
    (4 - direction) % 4
}

/// Turns a page's glyphs and rules by `turn` clockwise quarter turns about
/// the page (y down), returning the turned width and height.
fn turn_page(turn: usize, width: f32, height: f32, glyphs: &mut [Glyph], rules: &mut [Rule]) -> (f32, f32) {
    let map = |x: f32, y: f32| -> (f32, f32) {
        match turn {
            1 => (height - y, x),
            2 => (width - x, height - y),
            3 => (y, width - x),
            _ => (x, y),
        }
    };
    let turn_box = |x0: f32, y0: f32, x1: f32, y1: f32| -> (f32, f32, f32, f32) {
        let (ax, ay) = map(x0, y0);
        let (bx, by) = map(x1, y1);
        (ax.min(bx), ay.min(by), ax.max(bx), ay.max(by))
    };
    if turn == 0 {
        return (width, height);
    }
    for g in glyphs.iter_mut() {
        (g.x0, g.y0, g.x1, g.y1) = turn_box(g.x0, g.y0, g.x1, g.y1);
    }
    for r in rules.iter_mut() {
        (r.x0, r.y0, r.x1, r.y1) = turn_box(r.x0, r.y0, r.x1, r.y1);
    }
    if turn % 2 == 1 {
        (height, width)
    } else {
        (width, height)
    }
}

/// The writing system of a page, where a glyph's meaning depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// 简体: characters of GB 2312 that Big5 lacks outnumber the reverse.
    Simplified,
    /// 繁體: characters of Big5 that GB 2312 lacks outnumber the reverse.
    Traditional,
    /// Kana present.
    Japanese,
}

/// A stream's data, decoded.
pub(crate) enum Decoded {
    /// The data, and where lopdf's lenient decoding read past damage
    /// (a bad checksum, a cut-off zlib stream), what strict zlib said.
    Data(Vec<u8>, Option<String>),
    /// Over the limit asked for.
    OverLimit,
    /// Not decodable at all.
    Failed(String),
}

/// Decodes a stream's data, at most `limit` bytes. A stream whose last
/// filter is `/FlateDecode` (nearly every stream) is inflated once,
/// strictly, after the filters before it (`[/ASCII85Decode /FlateDecode]`,
/// ReportLab's) are applied as lopdf does; only where strict zlib fails
/// does lopdf's lenient decoding read what it can, and the damage is named
/// (lopdf keeps whatever a corrupt stream decodes to, silently). Other
/// filters go through lopdf.
pub(crate) fn decode_stream(stream: &lopdf::Stream, limit: usize) -> Decoded {
    let lenient = |damage: Option<String>| match stream.decompressed_content_with_limit(limit) {
        Ok(data) => Decoded::Data(data, damage),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => Decoded::OverLimit,
        Err(e) => Decoded::Failed(e.to_string()),
    };
    // Borrowed: every stream of a file comes through here.
    let filters: &[Object] = match stream.dict.get(b"Filter") {
        Err(_) => return Decoded::Data(stream.content.clone(), None),
        Ok(name @ Object::Name(_)) => std::slice::from_ref(name),
        Ok(Object::Array(filters)) => filters,
        Ok(_) => return lenient(None),
    };
    let Some((Object::Name(last), before)) = filters.split_last() else {
        return lenient(None);
    };
    if last != b"FlateDecode" || stream.dict.get(b"DecodeParms").is_ok() {
        return lenient(None);
    }
    if stream.content.is_empty() {
        return if before.is_empty() {
            Decoded::Data(Vec::new(), None)
        } else {
            lenient(None)
        };
    }
    let zlib = if before.is_empty() {
        std::borrow::Cow::Borrowed(stream.content.as_slice())
    } else {
        let mut dict = stream.dict.clone();
        dict.set("Filter", Object::Array(before.to_vec()));
        let outer = lopdf::Stream::new(dict, stream.content.clone());
        match outer.decompressed_content_with_limit(page::MAX_CONTENT_BYTES) {
            Ok(data) => std::borrow::Cow::Owned(data),
            Err(e) => return lenient(Some(e.to_string())),
        }
    };
    match inflate_strict(&zlib, limit) {
        Ok(Some(data)) => Decoded::Data(data, None),
        Ok(None) => Decoded::OverLimit,
        Err(e) => match with_lf_line_ends(&zlib).map(|lf| inflate_strict(&lf, limit)) {
            // A file copied in text mode (FTP ASCII, a mail gateway) has
            // every LF of its binary streams turned into CR LF: turned back,
            // the stream inflates whole.
            Some(Ok(Some(data))) => Decoded::Data(data, Some(String::from(CRLF_DAMAGE))),
            Some(Ok(None)) => Decoded::OverLimit,
            _ => lenient(Some(e)),
        },
    }
}

/// What a file read with its CR LF turned back into LF says.
const CRLF_FILE_DAMAGE: &str = "the file's line ends were changed to CR LF (copied in text mode?), its compressed streams' too; it was read with them changed back";

/// Line ends a file shows before it is taken for one copied in text mode:
/// enough that compressed data, where a LF byte is one in 256, has some.
const MIN_MANGLED_LINE_ENDS: usize = 64;

/// True when every LF of the file follows a CR, and there are many.
fn crlf_mangled(bytes: &[u8]) -> bool {
    let mut line_ends = 0;
    let mut previous = 0u8;
    for &b in bytes {
        if b == b'\n' {
            if previous != b'\r' {
                return false;
            }
            line_ends += 1;
        }
        previous = b;
    }
    line_ends >= MIN_MANGLED_LINE_ENDS
}

/// What a stream read with its CR LF turned back into LF says.
pub(crate) const CRLF_DAMAGE: &str =
    "its line ends were changed to CR LF (the file copied in text mode?); read with them changed back";

/// `zlib` with every CR LF turned into LF; `None` where it has none.
fn with_lf_line_ends(zlib: &[u8]) -> Option<Vec<u8>> {
    if !zlib.windows(2).any(|w| w == b"\r\n") {
        return None;
    }
    let mut out = Vec::with_capacity(zlib.len());
    let mut bytes = zlib.iter().peekable();
    while let Some(&b) = bytes.next() {
        if b == b'\r' && bytes.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(b);
    }
    Some(out)
}

/// zlib data inflated strictly, at most `limit` bytes (`None` past it):
/// an error where the data is corrupt or ends before its stream does (as
/// `flate2::read::ZlibDecoder` reads it).
fn inflate_strict(zlib: &[u8], limit: usize) -> Result<Option<Vec<u8>>, String> {
    // One inflater per thread, reset per stream: a new one allocates and
    // zeroes its 32 KiB window, and a document has dozens of streams.
    thread_local! {
        static INFLATER: std::cell::RefCell<flate2::Decompress> =
            std::cell::RefCell::new(flate2::Decompress::new(true));
    }
    INFLATER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut inflater) => {
            inflater.reset(true);
            inflate_with(&mut inflater, zlib, limit)
        }
        Err(_) => inflate_with(&mut flate2::Decompress::new(true), zlib, limit),
    })
}

/// Smallest step by which the output grows while inflating.
const INFLATE_STEP: usize = 32 * 1024;

fn inflate_with(inflater: &mut flate2::Decompress, zlib: &[u8], limit: usize) -> Result<Option<Vec<u8>>, String> {
    // The output is written into spare capacity, never zeroed first, and
    // never more than a byte past the limit, as a reader stopped there: a
    // stream damaged past that point is over the limit, not corrupt.
    let most = limit.saturating_add(1);
    let mut data: Vec<u8> = Vec::with_capacity(zlib.len().saturating_mul(4).max(64).min(most));
    loop {
        if data.len() > limit {
            return Ok(None);
        }
        if data.len() == data.capacity() {
            data.reserve_exact(data.capacity().max(INFLATE_STEP).min(most - data.len()));
        }
        let (read, written) = (inflater.total_in(), inflater.total_out());
        let input = usize::try_from(read)
            .ok()
            .and_then(|at| zlib.get(at..))
            .unwrap_or_default();
        let flush = if input.is_empty() {
            flate2::FlushDecompress::Finish
        } else {
            flate2::FlushDecompress::None
        };
        match inflater.decompress_vec(input, &mut data, flush) {
            Ok(flate2::Status::StreamEnd) => break,
            // No progress with room to write: the data ends before its
            // stream does.
            Ok(_) if inflater.total_in() == read && inflater.total_out() == written && data.len() < data.capacity() => {
                return Err(String::from("incomplete deflate stream"));
            }
            Ok(_) => {}
            Err(_) => return Err(String::from("corrupt deflate stream")),
        }
    }
    Ok((data.len() <= limit).then_some(data))
}

/// The file with a cross-reference table made by scanning it for objects
/// (`12 0 obj`), the last definition of each number winning, and a trailer
/// naming the catalog (from a `/Root` reference, or the object that says
/// `/Type /Catalog`), and whether a catalog was found. `None` when no
/// object is found.
fn rebuild_xref(bytes: &[u8]) -> Option<(Vec<u8>, bool)> {
    let mut objects: std::collections::BTreeMap<u32, (u16, usize)> = std::collections::BTreeMap::new();
    let mut catalog = None;
    let mut i = 0;
    while i < bytes.len() {
        let at_line_start = i == 0 || bytes.get(i - 1).is_some_and(|b| b.is_ascii_whitespace());
        if at_line_start && bytes.get(i).is_some_and(u8::is_ascii_digit) {
            if let Some((number, generation, end)) = object_header(bytes, i) {
                objects.insert(number, (generation, i));
                let body = bytes.get(end..(end + 200).min(bytes.len())).unwrap_or_default();
                let body = String::from_utf8_lossy(body);
                if body.replace(' ', "").contains("/Type/Catalog") {
                    catalog = Some((number, generation));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    // No catalog (a file cut short before it: LibreOffice writes the page
    // tree and the catalog last): no /Root, and the pages are found by
    // their type (`scanned_pages`).
    let root = last_root_reference(bytes).or(catalog);
    let last = *objects.keys().next_back()?;
    let mut out = bytes.to_vec();
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    for (number, (generation, offset)) in &objects {
        out.extend_from_slice(format!("{number} 1\n{offset:010} {generation:05} n \n").as_bytes());
    }
    let has_root = root.is_some();
    let root = root.map_or(String::new(), |(number, generation)| {
        format!(" /Root {number} {generation} R")
    });
    out.extend_from_slice(format!("trailer\n<< /Size {}{root} >>\nstartxref\n{xref}\n%%EOF\n", last + 1).as_bytes());
    Some((out, has_root))
}

/// `12 0 obj` at `at`: the number, generation and where the header ends.
fn object_header(bytes: &[u8], at: usize) -> Option<(u32, u16, usize)> {
    let digits = |from: usize| -> Option<(u64, usize)> {
        let len = bytes.get(from..)?.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 || len > 10 {
            return None;
        }
        let text = std::str::from_utf8(bytes.get(from..from + len)?).ok()?;
        Some((text.parse().ok()?, from + len))
    };
    let spaces = |from: usize| -> usize {
        from + bytes
            .get(from..)
            .map_or(0, |r| r.iter().take_while(|b| **b == b' ').count())
    };
    let (number, end) = digits(at)?;
    let after = spaces(end);
    if after == end {
        return None;
    }
    let (generation, end) = digits(after)?;
    let after = spaces(end);
    if after == end || bytes.get(after..after + 3)? != b"obj" {
        return None;
    }
    Some((u32::try_from(number).ok()?, u16::try_from(generation).ok()?, after + 3))
}

/// The last `/Root N G R` in the file (trailers and xref streams).
fn last_root_reference(bytes: &[u8]) -> Option<(u32, u16)> {
    let mut found = None;
    let mut from = 0;
    while let Some(pos) = bytes.get(from..)?.windows(5).position(|w| w == b"/Root") {
        let at = from + pos + 5;
        let text = String::from_utf8_lossy(bytes.get(at..(at + 30).min(bytes.len()))?);
        let mut words = text.split_whitespace();
        if let (Some(n), Some(g), Some("R")) = (words.next(), words.next(), words.next()) {
            if let (Ok(n), Ok(g)) = (n.parse(), g.parse()) {
                found = Some((n, g));
            }
        }
        from = at;
    }
    found
}

/// The bytes after the file's last `%%EOF`, where one stands within
/// [`EOF_WINDOW`] of its end; `None` where none does (cut short).
fn after_last_eof(bytes: &[u8]) -> Option<&[u8]> {
    let tail = bytes.get(bytes.len().saturating_sub(EOF_WINDOW)..).unwrap_or(bytes);
    let at = tail.windows(5).rposition(|w| w == b"%%EOF")?;
    tail.get(at + 5..)
}

/// True when the bytes after a file's last `%%EOF` hold an object
/// (`12 0 obj`) or cross-reference data outside comments: an incremental
/// update, not padding (nor qpdf's `% second_xref_offset=1001` notes).
fn starts_an_update(after: &[u8]) -> bool {
    after
        .split(|&b| b == b'\n' || b == b'\r')
        .filter(|line| !line.trim_ascii_start().starts_with(b"%"))
        .any(|line| {
            [b"endobj".as_slice(), b" obj", b"xref", b"trailer"]
                .iter()
                .any(|word| line.windows(word.len()).any(|w| w == *word))
        })
}

/// How far from the end of a file `%%EOF` may stand (producers append a
/// newline or a little padding).
const EOF_WINDOW: usize = 1024;

/// Signs that a file was damaged (truncated, its cross-reference data off)
/// even though lopdf read it.
/// Depth of nested `/Pages` nodes walked, as lopdf's own walk.
const MAX_PAGE_TREE_DEPTH: usize = 256;

/// The pages of the document in order: lopdf's page-tree walk, with one
/// difference. lopdf stops a loop in the tree (`/Kids` leading back to a
/// node: qpdf's pages-loop.pdf) after as many steps as the document has
/// objects, so the page count of such a file depended on how many objects
/// were read. Here each `/Pages` node is expanded once. A page object
/// listed twice still counts twice, as poppler counts it. Also, how many
/// nodes had a /Type of neither /Page nor /Pages.
fn page_tree(doc: &Document) -> (Vec<ObjectId>, usize) {
    let kids_of = |id: ObjectId| -> &[Object] {
        doc.get_dictionary(id)
            .and_then(|node| node.get_deref(b"Kids", doc))
            .and_then(Object::as_array)
            .map_or(&[], |kids| kids.as_slice())
    };
    let Ok(root) = doc
        .catalog()
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
    else {
        return (Vec::new(), 0);
    };
    let mut expanded = std::collections::HashSet::from([root]);
    let mut pages = Vec::new();
    let mut odd = 0;
    let mut stack: Vec<&[Object]> = vec![kids_of(root)];
    while let Some(kids) = stack.pop() {
        let Some((kid, rest)) = kids.split_first() else {
            continue;
        };
        stack.push(rest);
        let Ok(id) = kid.as_reference() else { continue };
        match doc.get_dictionary(id).and_then(Dictionary::get_type) {
            Ok(b"Page") => pages.push(id),
            Ok(b"Pages") => {
                if stack.len() <= MAX_PAGE_TREE_DEPTH && expanded.insert(id) {
                    stack.push(kids_of(id));
                }
            }
            // A type of no page-tree node (`/P4ge`: a flipped byte) is read
            // by what the node holds, and counted: /Kids a node's, else a
            // page's.
            Ok(_) => {
                odd += 1;
                let node_kids = kids_of(id);
                if node_kids.is_empty() {
                    pages.push(id);
                } else if stack.len() <= MAX_PAGE_TREE_DEPTH && expanded.insert(id) {
                    stack.push(node_kids);
                }
            }
            // A kid that is no dictionary with a type stands for a blank
            // page, as in lopdf (and MuPDF).
            Err(_) => pages.push(id),
        }
    }
    (pages, odd)
}

/// The objects whose `/Type` is `/Page`, by object number: the pages of a
/// file whose catalog or page tree is lost (a download cut short before
/// them, where the producer writes them last), in the order most
/// producers number them.
fn scanned_pages(doc: &Document) -> Vec<ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, object)| {
            object
                .as_dict()
                .and_then(Dictionary::get_type)
                .is_ok_and(|kind| kind == b"Page")
        })
        .map(|(id, _)| *id)
        .collect()
}

/// A stream filter's full name for the abbreviations of inline images
/// (`/Fl`, `/A85`), which some producers write in stream dictionaries
/// (pdfbox's test files): readers accept them.
fn full_filter_name(name: &[u8]) -> Option<&'static [u8]> {
    Some(match name {
        b"Fl" => b"FlateDecode",
        b"A85" => b"ASCII85Decode",
        b"AHx" => b"ASCIIHexDecode",
        b"LZW" => b"LZWDecode",
        b"RL" => b"RunLengthDecode",
        b"CCF" => b"CCITTFaxDecode",
        b"DCT" => b"DCTDecode",
        _ => return None,
    })
}

/// Every stream's `/Filter` and `/DecodeParms` made direct (an indirect
/// `/Filter` array, as pdfminer's issue-1062 sample writes, is one lopdf's
/// decoder does not follow: the content would read as raw zlib) and its
/// abbreviated filter names spelled out.
fn spell_out_filters(doc: &mut Document) {
    let spelled = |object: Object| -> Object {
        let name = |o: Object| match o {
            Object::Name(n) => Object::Name(full_filter_name(&n).map_or(n, <[u8]>::to_vec)),
            other => other,
        };
        match object {
            Object::Array(items) => Object::Array(items.into_iter().map(name).collect()),
            other => name(other),
        }
    };
    // Only what needs it is cloned: nearly every stream's filter is a
    // spelled-out name or array already.
    let abbreviated = |o: &Object| matches!(o, Object::Name(n) if full_filter_name(n).is_some());
    let mut changes: Vec<(ObjectId, &'static [u8], Object)> = Vec::new();
    for (id, object) in &doc.objects {
        let Ok(stream) = object.as_stream() else { continue };
        for key in [&b"Filter"[..], b"DecodeParms"] {
            let Ok(value) = stream.dict.get(key) else { continue };
            let direct = match value {
                Object::Reference(r) => match doc.objects.get(r) {
                    Some(target) => target.clone(),
                    None => continue,
                },
                Object::Array(items) if key == b"Filter" && items.iter().any(abbreviated) => value.clone(),
                other if key == b"Filter" && abbreviated(other) => value.clone(),
                _ => continue,
            };
            let direct = if key == b"Filter" { spelled(direct) } else { direct };
            changes.push((*id, key, direct));
        }
    }
    for (id, key, value) in changes {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
            stream.dict.set(key, value);
        }
    }
}

/// Streams whose `/Length` is missing or no integer, which lopdf leaves
/// empty: their data runs from the `stream` keyword's line end to the next
/// `endstream`, as poppler and pdfium read them (pdfium's hand-written
/// test files leave `/Length` out). Returns how many were read so.
fn read_unmeasured_streams(buffer: &[u8], doc: &mut Document) -> Vec<ObjectId> {
    let unmeasured: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, object)| {
            let stream = object.as_stream().ok()?;
            let length = stream
                .dict
                .get(b"Length")
                .ok()
                .map(|l| doc.dereference(l).map(|(_, o)| o));
            let measured = matches!(length, Some(Ok(Object::Integer(_) | Object::Real(_))));
            (stream.content.is_empty() && !measured).then_some(*id)
        })
        .collect();
    let mut read = Vec::new();
    for id in unmeasured {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let Some(start) = stream.start_position else { continue };
        let Some(data) = to_endstream(buffer, start) else {
            continue;
        };
        stream.content = data.to_vec();
        read.push(id);
    }
    read
}

/// The bytes from `start` (just after `stream` and its line end) to the
/// line end before the next `endstream`; `None` when `start` does not
/// follow a `stream` keyword or no `endstream` comes.
fn to_endstream(buffer: &[u8], start: usize) -> Option<&[u8]> {
    let keyword = without_line_end(buffer.get(..start)?)?;
    if !keyword.ends_with(b"stream") {
        return None;
    }
    let rest = buffer.get(start..)?;
    let end = rest.windows(9).position(|w| w == b"endstream")?;
    let data = rest.get(..end)?;
    Some(without_line_end(data).unwrap_or(data))
}

/// `bytes` without the line end (`\r\n`, `\n` or `\r`) they end with;
/// `None` when they end with none.
fn without_line_end(bytes: &[u8]) -> Option<&[u8]> {
    bytes
        .strip_suffix(b"\r\n")
        .or_else(|| bytes.strip_suffix(b"\n"))
        .or_else(|| bytes.strip_suffix(b"\r"))
}

fn damage(bytes: &[u8], doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    match after_last_eof(bytes) {
        None => out
            .push("the file does not end with %%EOF: it looks truncated (an interrupted download?)".to_string()),
        // An update appended after the last %%EOF and cut short (objects,
        // no cross-reference section and %%EOF of its own): the file reads
        // as it was before the update.
        Some(after) if starts_an_update(after) => out.push(
            "an update appended to the file is cut short (an interrupted download?); the file is read as it was before it"
                .to_string(),
        ),
        Some(_) => {}
    }
    // Objects lopdf could not read are reported where they matter (a page's
    // content, a font's map): encryption and linearization leave entries
    // behind that no page needs.
    let mut misplaced = 0usize;
    for (&number, entry) in &doc.reference_table.entries {
        let lopdf::xref::XrefEntry::Normal { offset, generation } = entry else {
            continue;
        };
        let at = bytes.get(*offset as usize..).unwrap_or_default();
        let head = format!("{number} {generation} obj");
        let found = at
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .and_then(|skip| at.get(skip..skip + head.len()))
            .is_some_and(|h| h == head.as_bytes());
        if !found {
            misplaced += 1;
        }
    }
    if misplaced > 0 {
        out.push(format!(
            "{misplaced} cross-reference entries do not point at their objects; the objects were found by scanning the file"
        ));
    }
    out
}

/// Kangxi radicals whose glyph in a region's fonts is a different ideograph
/// than the one NFKC gives (the Traditional form): (radical, Simplified,
/// Japanese). Producers that write the lowest code point of a glyph into
/// ToUnicode (Skia with Noto CJK SC) give the radical for the ideograph:
/// 户 in `用户` reaches the PDF as U+2F3E ⼾. Derived from the cmaps of Noto
/// Sans/Serif CJK SC, TC and JP (the radical's glyph is 户 in SC, 戸 in JP,
/// 戶 in TC); no other Kangxi radical differs so.
const REGIONAL_RADICALS: &[(char, char, char)] = &[('\u{2F3E}', '户', '戸')];

fn is_regional_radical(c: char) -> bool {
    REGIONAL_RADICALS.iter().any(|r| r.0 == c)
}

/// The script of a page's text, from the characters only one of GB 2312
/// and Big5 has (and kana); `None` when the text does not tell.
pub fn script_of<'t>(texts: impl Iterator<Item = &'t str>) -> Option<Script> {
    let (mut simplified, mut traditional, mut kana) = (0usize, 0usize, 0usize);
    // Each ideograph is looked up in the two encodings once, however often
    // the page prints it (the encoders were 5% of a Chromium file's time).
    let mut ideographs: std::collections::BTreeMap<char, usize> = std::collections::BTreeMap::new();
    for c in texts.flat_map(str::chars) {
        match c {
            '\u{3040}'..='\u{30ff}' => kana += 1,
            '\u{4e00}'..='\u{9fff}' => *ideographs.entry(c).or_default() += 1,
            _ => {}
        }
    }
    let mut buffer = [0u8; 4];
    for (c, count) in ideographs {
        let text: &str = c.encode_utf8(&mut buffer);
        let (gbk, _, gbk_errors) = encoding_rs::GBK.encode(text);
        let in_gb2312 = !gbk_errors
            && matches!(gbk.as_ref(), [lead, trail] if (0xb0..=0xf7).contains(lead) && (0xa1..=0xfe).contains(trail));
        let in_big5 = !encoding_rs::BIG5.encode(text).2;
        match (in_gb2312, in_big5) {
            (true, false) => simplified += count,
            (false, true) => traditional += count,
            _ => {}
        }
    }
    if kana > 0 {
        Some(Script::Japanese)
    } else if simplified > traditional {
        Some(Script::Simplified)
    } else if traditional > simplified {
        Some(Script::Traditional)
    } else {
        None
    }
}

/// Kangxi radicals (U+2F00–U+2FDF, by NFKC) and CJK radical supplement
/// code points (by table) to the ideographs they stand for, and CJK
/// compatibility ideographs to their unified ideographs (by their
/// canonical decomposition): a font's cmap maps both 量 U+91CF and its
/// compatibility twin U+F97E to one glyph, and a producer that writes the
/// ToUnicode from the cmap backwards (MuPDF) may pick the twin. See
/// [`fold_radicals_in`] for radicals whose ideograph depends on the script.
pub fn fold_radicals(text: &str) -> String {
    fold_radicals_in(text, None)
}

fn is_compatibility_ideograph(c: char) -> bool {
    ('\u{f900}'..='\u{faff}').contains(&c) || ('\u{2f800}'..='\u{2fa1f}').contains(&c)
}

/// True when [`fold_radicals`] would change the text: it holds radicals or
/// compatibility ideographs.
pub fn has_foldable_ideographs(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{2e80}'..='\u{2fdf}').contains(&c) || is_compatibility_ideograph(c))
}

/// The fixed-width and no-break spaces (U+00A0, U+2000–U+200A, U+202F,
/// U+205F) and the white-space controls (tab, line ends) that some
/// producers' ToUnicode maps give for a space glyph (cairo's re-embedding
/// of a GBK font: `1)\u{2002}基础设施`; Qt's PDF engine: `1)\t基础设施`, a
/// tab for the glyph of a space): read as a space. The ideographic space
/// U+3000 stays (an indent of its own).
fn is_typographic_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// [`fold_radicals`], with the regional radicals read in `script` (their
/// NFKC, Traditional ideograph when the script is unknown).
pub fn fold_radicals_in(text: &str, script: Option<Script>) -> String {
    if !has_foldable_ideographs(text) {
        return text.to_string();
    }
    text.chars()
        .flat_map(|c| {
            let regional = REGIONAL_RADICALS.iter().find(|r| r.0 == c);
            match (c, regional, script) {
                (_, Some(r), Some(Script::Simplified)) => vec![r.1],
                (_, Some(r), Some(Script::Japanese)) => vec![r.2],
                ('\u{2f00}'..='\u{2fdf}', _, _) => std::iter::once(c).nfkc().collect::<Vec<char>>(),
                // A dozen of the block are unified ideographs themselves
                // (U+FA0E 﨎 …): without a decomposition they stay.
                _ if is_compatibility_ideograph(c) => std::iter::once(c).nfc().collect::<Vec<char>>(),
                _ => vec![jixiao_model::normalize::fold_radical(c)],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How streams were inflated before the reused inflater: its answers
    /// are the ones `inflate_strict` must give.
    fn inflate_by_reading(zlib: &[u8], limit: usize) -> Result<Option<Vec<u8>>, String> {
        let decoder = flate2::read::ZlibDecoder::new(zlib);
        let mut data = Vec::new();
        let mut limited = std::io::Read::take(decoder, (limit as u64).saturating_add(1));
        std::io::Read::read_to_end(&mut limited, &mut data).map_err(|e| e.to_string())?;
        Ok((data.len() <= limit).then_some(data))
    }

    fn zlib_of(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = std::io::Write::write_all(&mut encoder, data);
        encoder.finish().unwrap_or_default()
    }

    proptest::proptest! {
        /// Whole, cut short, damaged at one byte, with garbage after it,
        /// under and over the limit: the same data, the same refusal.
        #[test]
        fn inflating_reads_as_the_zlib_reader(
            text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..3000),
            repeat in 1usize..40,
            cut in proptest::prelude::any::<proptest::sample::Index>(),
            flip in proptest::prelude::any::<proptest::sample::Index>(),
            damage in 0u8..4,
            limit in 0usize..150_000,
        ) {
            let mut zlib = zlib_of(&text.repeat(repeat));
            match damage {
                1 => zlib.truncate(cut.index(zlib.len() + 1)),
                2 => {
                    let at = flip.index(zlib.len());
                    if let Some(b) = zlib.get_mut(at) {
                        *b ^= 0x5a;
                    }
                }
                3 => zlib.extend_from_slice(b"garbage after the stream"),
                _ => {}
            }
            // Twice: the thread's inflater is reset between streams.
            for _ in 0..2 {
                proptest::prop_assert_eq!(inflate_strict(&zlib, limit), inflate_by_reading(&zlib, limit));
            }
        }
    }

    /// A document of page-tree nodes: `(id, Some(kids))` a `/Pages` node,
    /// `(id, None)` a page; node 1 is the root.
    fn tree(nodes: &[(u32, Option<&[u32]>)]) -> Document {
        let mut doc = Document::new();
        for &(id, kids) in nodes {
            let mut dict = Dictionary::new();
            match kids {
                Some(kids) => {
                    dict.set("Type", Object::Name(b"Pages".to_vec()));
                    let kids = kids.iter().map(|&k| Object::Reference((k, 0))).collect::<Vec<_>>();
                    dict.set("Kids", Object::Array(kids));
                }
                None => dict.set("Type", Object::Name(b"Page".to_vec())),
            }
            doc.objects.insert((id, 0), Object::Dictionary(dict));
        }
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference((1, 0)));
        doc.objects.insert((100, 0), Object::Dictionary(catalog));
        doc.trailer.set("Root", Object::Reference((100, 0)));
        doc
    }

    #[test]
    fn the_page_tree_is_walked_once_per_node() {
        let ids = |doc: &Document| page_tree(doc).0.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        // Plain: in order, through nested nodes.
        assert_eq!(
            ids(&tree(&[
                (1, Some(&[2, 5])),
                (2, Some(&[3, 4])),
                (3, None),
                (4, None),
                (5, None)
            ])),
            [3, 4, 5]
        );
        // A loop back to the root (qpdf's pages-loop.pdf) ends.
        assert_eq!(ids(&tree(&[(1, Some(&[3, 1])), (3, None)])), [3]);
        // A page listed twice counts twice; a node reached twice is read once.
        assert_eq!(ids(&tree(&[(1, Some(&[2, 2])), (2, Some(&[3, 3])), (3, None)])), [3, 3]);
        // A kid that is not there stands for a blank page.
        assert_eq!(ids(&tree(&[(1, Some(&[3, 9])), (3, None)])), [3, 9]);
    }

    fn glyph(x0: f32, y0: f32, x1: f32, y1: f32) -> Glyph {
        Glyph {
            text: "字".into(),
            x0,
            y0,
            x1,
            y1,
            size: 10.0,
        }
    }

    #[test]
    fn compatibility_ideographs_fold_to_unified_ones() {
        // MuPDF's ToUnicode: 量 更 力 as their compatibility twins.
        assert_eq!(fold_radicals("数\u{f97e}指标"), "数量指标");
        assert_eq!(fold_radicals("\u{f901}新 能\u{f98a}"), "更新 能力");
        // Unified ideographs inside the block, and the supplement.
        assert_eq!(fold_radicals("\u{fa0e}"), "\u{fa0e}");
        assert_eq!(fold_radicals("\u{2f800}"), "丽");
        assert!(!has_foldable_ideographs("数量指标"));
    }

    #[test]
    fn the_majority_direction_decides_the_turn() {
        // [right, down, left, up] glyph counts → clockwise quarter turns.
        for (directions, turn) in [
            ([10, 0, 0, 0], 0),
            ([0, 10, 0, 0], 3),
            ([0, 0, 10, 0], 2),
            ([0, 0, 0, 10], 1),
            ([2, 8, 0, 0], 3),
            ([5, 5, 0, 0], 0),
            ([3, 4, 0, 3], 0),
            ([0, 0, 0, 0], 0),
        ] {
            assert_eq!(upright_turn(&directions), turn, "{directions:?}");
        }
    }

    #[test]
    fn a_turned_page_reads_upright() {
        // A 100 × 200 page whose text runs down from (10, 20): turned back
        // by three quarter turns it is 200 × 100, the text running right
        // from near the top left.
        let mut glyphs = vec![glyph(10.0, 20.0, 20.0, 30.0), glyph(10.0, 30.0, 20.0, 40.0)];
        let mut rules = vec![Rule {
            x0: 5.0,
            y0: 0.0,
            x1: 5.0,
            y1: 200.0,
        }];
        let (w, h) = turn_page(3, 100.0, 200.0, &mut glyphs, &mut rules);
        assert_eq!((w, h), (200.0, 100.0));
        assert_eq!(
            (glyphs[0].x0, glyphs[0].y0, glyphs[0].x1, glyphs[0].y1),
            (20.0, 80.0, 30.0, 90.0)
        );
        assert!(glyphs[1].x0 > glyphs[0].x0 && glyphs[1].y0 == glyphs[0].y0);
        assert!(rules[0].is_horizontal());
        assert_eq!(turn_page(0, 100.0, 200.0, &mut glyphs, &mut rules), (100.0, 200.0));
    }
}
