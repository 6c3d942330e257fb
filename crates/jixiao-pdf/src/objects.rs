//! Reading a well-formed PDF's objects without lopdf's reader.
//!
//! lopdf parses every object with nom parser combinators, one allocation
//! per token: on form PDFs that cost as much as reading and inflating the
//! whole file. This reader parses the same syntax by hand into lopdf's
//! own object model, so everything after loading is unchanged. It takes
//! only the plain case: an unencrypted file whose cross-reference data
//! (tables or streams, with their `/Prev` chain) points exactly at every
//! object, each stream's `/Length` ending at its `endstream`. Anything
//! else (damage, encryption, hybrid files, predictors it does not know)
//! returns `None`, and lopdf reads the file with all its recovery. The
//! differential test (`tests/objects.rs`) holds both readers to the same
//! objects over the shared corpus.
//!
//! Advice for hackers: a case this reader takes must come out exactly as
//! lopdf reads it; where in doubt, return `None`.

use std::collections::BTreeMap;
use std::io::Read;

use lopdf::xref::{Xref, XrefEntry, XrefType};

use crate::content::{hex_value, is_regular, is_white};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// Sections of cross-reference data followed through `/Prev`: real files
/// have one per incremental update, a handful at most; a loop of `/Prev`
/// offsets must end.
const MAX_XREF_SECTIONS: usize = 64;
/// Nesting of arrays and dictionaries, as lopdf's own limit.
const MAX_NESTING: usize = 256;
/// Bytes from the end of the file searched for `startxref`.
const STARTXREF_WINDOW: usize = 1024;
/// Largest inflated cross-reference or object stream: a million objects'
/// entries; more is a bomb, left to lopdf's limits.
const MAX_INFLATED: u64 = 64 << 20;

/// Dictionary keys whose values jixiao never reads, and that hold most of
/// some files' objects: the structure tree of a tagged PDF (Chromium and
/// LibreOffice tag every text run), XMP metadata, outlines, thumbnails and
/// the embedded font programs (jixiao reads a font's dictionaries and its
/// ToUnicode map; a glyph program only where a composite font has no
/// ToUnicode, see `programs_for_text`), and a Type3 font's glyph
/// procedures (its text comes from its encoding and ToUnicode map: Skia
/// writes thousands of them for a CJK form). The objects under them are
/// not read otherwise.
pub const UNREAD_KEYS: &[&[u8]] = &[
    b"StructTreeRoot",
    b"Metadata",
    b"Outlines",
    b"Thumb",
    b"PieceInfo",
    b"FontFile",
    b"FontFile2",
    b"FontFile3",
    b"CharProcs",
    b"Threads",
    b"SpiderInfo",
];

/// The document of `bytes` when it is plain enough to read without
/// lopdf's reader (see the module's documentation); `None` otherwise. It
/// holds the objects the catalog (`/Root`) reaches, except those only
/// [`UNREAD_KEYS`] lead to.
pub fn load(bytes: &[u8]) -> Option<Document> {
    load_or_unread(bytes).ok()
}

/// [`load`], or why not: the object the catalog reaches that could not be
/// read (a malformed one: `1e00` in a /W array), `None` for the file's
/// structure (header, cross-references, encryption).
pub fn load_or_unread(bytes: &[u8]) -> Result<Document, Option<ObjectId>> {
    match load_reached(bytes) {
        Some(Ok(doc)) => Ok(doc),
        Some(Err(unread)) => Err(Some(unread)),
        None => Err(None),
    }
}

/// The document, or the first object it could not read; `None` for the
/// file's structure.
fn load_reached(bytes: &[u8]) -> Option<Result<Document, ObjectId>> {
    // lopdf reads from the `%PDF-` header: offsets count from it.
    let start = bytes.windows(5).position(|w| w == b"%PDF-")?;
    let bytes = bytes.get(start..)?;
    let version = version(bytes)?;
    let (xref, trailer, xref_type) = cross_references(bytes)?;
    if trailer.has(b"Encrypt") {
        return None;
    }
    // Every entry in use must point at its object's header; where one
    // does not, lopdf finds the objects by scanning (and the damage is
    // reported).
    for (&number, entry) in &xref.entries {
        if let XrefEntry::Normal { offset, generation } = *entry {
            if Lexer::at(bytes, offset as usize).header() != Some((number, generation)) {
                return None;
            }
        }
    }
    let mut reader = Reader {
        bytes,
        xref: &xref,
        streams: BTreeMap::new(),
    };
    let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
    let mut queue: Vec<ObjectId> = Vec::new();
    references(trailer.get(b"Root").ok()?, &mut queue);
    while let Some(id) = queue.pop() {
        if objects.contains_key(&id) {
            continue;
        }
        let object = match reader.object(id) {
            Some(Some(object)) => object,
            // A reference to an object that is not there reads as null,
            // as in lopdf.
            Some(None) => continue,
            None => return Some(Err(id)),
        };
        references(&object, &mut queue);
        objects.insert(id, object);
    }
    // The one font program read: a composite font's without ToUnicode,
    // whose text only its cmap table tells (see `font::program_text`).
    for id in programs_for_text(&objects) {
        if let Some(Some(object)) = reader.object(id) {
            // Its dictionary's own references (/Length, /Length1), not
            // followed further.
            let mut lengths = Vec::new();
            if let Object::Stream(program) = &object {
                for (_, value) in program.dict.iter() {
                    if let Object::Reference(length) = value {
                        lengths.push(*length);
                    }
                }
            }
            for length_id in lengths {
                if let Some(Some(length)) = reader.object(length_id) {
                    objects.entry(length_id).or_insert(length);
                }
            }
            objects.insert(id, object);
        }
    }
    let mut doc = Document::new();
    doc.version = version;
    doc.max_id = xref.size.saturating_sub(1);
    if let Some(&(last, _)) = objects.keys().next_back() {
        doc.max_id = doc.max_id.max(last);
    }
    doc.trailer = trailer;
    doc.reference_table = Xref {
        cross_reference_type: xref_type,
        ..xref
    };
    doc.objects = objects;
    Some(Ok(doc))
}

/// The `/FontFile2` programs of the composite fonts in `objects` that have
/// no ToUnicode map: the only font programs [`load`] reads.
pub fn programs_for_text(objects: &BTreeMap<ObjectId, Object>) -> Vec<ObjectId> {
    let resolve = |object: &Object| -> Option<Object> {
        match object {
            Object::Reference(id) => objects.get(id).cloned(),
            other => Some(other.clone()),
        }
    };
    let mut out = Vec::new();
    for object in objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        let composite = matches!(font.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Type0");
        if !composite || font.has(b"ToUnicode") {
            continue;
        }
        let descendant = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(resolve)
            .and_then(|a| a.as_array().ok()?.first().cloned())
            .and_then(|d| resolve(&d));
        let descriptor = descendant
            .as_ref()
            .and_then(|d| d.as_dict().ok()?.get(b"FontDescriptor").ok().and_then(resolve));
        if let Some(Ok(Object::Reference(id))) = descriptor
            .as_ref()
            .and_then(|d| d.as_dict().ok())
            .map(|d| d.get(b"FontFile2"))
        {
            out.push(*id);
        }
    }
    out
}

/// The objects `object` refers to, except under [`UNREAD_KEYS`].
fn references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|item| references(item, out)),
        Object::Dictionary(dict) => dictionary_references(dict, out),
        Object::Stream(stream) => dictionary_references(&stream.dict, out),
        _ => {}
    }
}

fn dictionary_references(dict: &Dictionary, out: &mut Vec<ObjectId>) {
    for (key, value) in dict.iter() {
        if !UNREAD_KEYS.contains(&key.as_slice()) {
            references(value, out);
        }
    }
}

/// Objects of the file read on demand, object streams inflated once.
struct Reader<'a> {
    bytes: &'a [u8],
    xref: &'a Xref,
    /// Object streams by number: their inflated data, where their
    /// objects start, and each object's number and offset.
    streams: BTreeMap<u32, ObjectStream>,
}

/// An inflated object stream.
struct ObjectStream {
    data: Vec<u8>,
    first: usize,
    offsets: Vec<(u32, usize)>,
}

impl Reader<'_> {
    /// Object `id`: `Some(None)` when the file has no such object, `None`
    /// when it is not plain.
    fn object(&mut self, id: ObjectId) -> Option<Option<Object>> {
        match self.xref.entries.get(&id.0) {
            None | Some(XrefEntry::Free | XrefEntry::UnusableFree) => Some(None),
            Some(&XrefEntry::Normal { offset, generation }) => {
                if generation != id.1 {
                    return Some(None);
                }
                let (read, object) = indirect_object(self.bytes, offset as usize, self.xref)?;
                (read == id).then_some(Some(object))
            }
            Some(&XrefEntry::Compressed { container, index }) => {
                if id.1 != 0 {
                    return Some(None);
                }
                if !self.streams.contains_key(&container) {
                    let (read, object) = match self.xref.entries.get(&container)? {
                        XrefEntry::Normal { offset, .. } => indirect_object(self.bytes, *offset as usize, self.xref)?,
                        _ => return None,
                    };
                    if read != (container, 0) {
                        return None;
                    }
                    self.streams.insert(container, object_stream(object.as_stream().ok()?)?);
                }
                let stream = self.streams.get(&container)?;
                let &(listed, offset) = stream.offsets.get(usize::from(index))?;
                if listed != id.0 {
                    return None;
                }
                let mut lexer = Lexer::at(&stream.data, stream.first.checked_add(offset)?);
                lexer.skip_space();
                Some(Some(lexer.object(MAX_NESTING)?))
            }
        }
    }
}

/// The version of the `%PDF-1.7` header.
fn version(bytes: &[u8]) -> Option<String> {
    let digits = bytes.get(5..)?;
    let len = digits.iter().take_while(|c| c.is_ascii_digit() || **c == b'.').count();
    let version = std::str::from_utf8(digits.get(..len)?).ok()?;
    (!version.is_empty()).then(|| version.to_string())
}

/// The cross-reference entries of the file (newest section first wins),
/// its newest trailer and the kind of its newest section.
fn cross_references(bytes: &[u8]) -> Option<(Xref, Dictionary, XrefType)> {
    let tail_start = bytes.len().saturating_sub(STARTXREF_WINDOW);
    let tail = bytes.get(tail_start..)?;
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let mut lexer = Lexer::at(bytes, tail_start + at + 9);
    let mut offset = lexer.unsigned()? as usize;
    let mut xref = Xref::new(0, XrefType::CrossReferenceTable);
    let mut newest: Option<(Dictionary, XrefType)> = None;
    let mut seen = Vec::new();
    for _ in 0..MAX_XREF_SECTIONS {
        if seen.contains(&offset) {
            return None;
        }
        seen.push(offset);
        let ((entries, trailer), kind) = if bytes.get(offset..offset + 4) == Some(b"xref") {
            (table_section(bytes, offset + 4)?, XrefType::CrossReferenceTable)
        } else {
            (stream_section(bytes, offset)?, XrefType::CrossReferenceStream)
        };
        // A hybrid file's table leaves objects to an xref stream that
        // readers of version 1.5 use: lopdf's business.
        if trailer.has(b"XRefStm") {
            return None;
        }
        trailer.get(b"Size").ok()?.as_i64().ok()?;
        for (number, entry) in entries {
            xref.entries.entry(number).or_insert(entry);
        }
        let previous = match trailer.get(b"Prev") {
            Ok(prev) => Some(usize::try_from(prev.as_i64().ok()?).ok()?),
            Err(_) => None,
        };
        if newest.is_none() {
            newest = Some((trailer, kind));
        }
        match previous {
            Some(prev) => offset = prev,
            None => {
                // As lopdf: the size is that of the entries, whatever
                // `/Size` says, and the trailer keeps no `/Prev`.
                xref.size = xref
                    .entries
                    .keys()
                    .next_back()
                    .map_or(Some(0), |last| last.checked_add(1))?;
                let (mut trailer, kind) = newest?;
                trailer.remove(b"Prev");
                return Some((xref, trailer, kind));
            }
        }
    }
    None
}

/// A classic `xref` table from after its keyword, and its trailer, in
/// the layout lopdf reads (entries of 19 or 20 bytes, one space between
/// fields); any other layout is not plain.
fn table_section(bytes: &[u8], at: usize) -> Option<(Vec<(u32, XrefEntry)>, Dictionary)> {
    let mut lexer = Lexer::at(bytes, at);
    lexer.eat(b" ");
    lexer.eol()?;
    let mut entries = Vec::new();
    while lexer.peek().is_some_and(|c| c.is_ascii_digit()) {
        let first = u32::try_from(lexer.digits()?).ok()?;
        lexer.expect(b" ")?;
        let count = u32::try_from(lexer.digits()?).ok()?;
        lexer.eat(b" ");
        lexer.eol()?;
        for k in 0..count {
            let offset = lexer.digits()?;
            lexer.expect(b" ")?;
            let generation = lexer.digits()?;
            lexer.expect(b" ")?;
            let kind = lexer.peek()?;
            lexer.pos += 1;
            // ` \r`, ` \n`, `\r\n`, or a bare line end.
            if !(lexer.eat(b" \r") || lexer.eat(b" \n")) {
                lexer.eol()?;
            }
            let entry = match kind {
                b'n' => XrefEntry::Normal {
                    offset: u32::try_from(offset).ok()?,
                    generation: u16::try_from(generation).ok()?,
                },
                b'f' => XrefEntry::Free,
                _ => return None,
            };
            entries.push((first.checked_add(k)?, entry));
        }
    }
    lexer.skip_space();
    if !lexer.eat(b"trailer") {
        return None;
    }
    lexer.skip_space();
    let Object::Dictionary(trailer) = lexer.object(MAX_NESTING)? else {
        return None;
    };
    Some((entries, trailer))
}

/// An xref stream at `offset`: its entries and its dictionary (the
/// trailer).
fn stream_section(bytes: &[u8], offset: usize) -> Option<(Vec<(u32, XrefEntry)>, Dictionary)> {
    let no_xref = Xref::new(0, XrefType::CrossReferenceStream);
    let (_, object) = indirect_object(bytes, offset, &no_xref)?;
    let Object::Stream(stream) = object else { return None };
    if stream.dict.get(b"Type").ok()?.as_name().ok()? != b"XRef" {
        return None;
    }
    let data = inflate(&stream)?;
    let widths: Vec<usize> = stream
        .dict
        .get(b"W")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .map(|w| {
            w.as_i64()
                .ok()
                .and_then(|w| usize::try_from(w).ok())
                .filter(|&w| w <= 8)
        })
        .collect::<Option<_>>()?;
    let [w0, w1, w2] = widths.as_slice() else { return None };
    let (w0, w1, w2) = (*w0, *w1, *w2);
    let row = w0 + w1 + w2;
    let size = stream.dict.get(b"Size").ok()?.as_i64().ok()?;
    let index: Vec<i64> = match stream.dict.get(b"Index") {
        Ok(index) => index
            .as_array()
            .ok()?
            .iter()
            .map(|n| n.as_i64().ok())
            .collect::<Option<_>>()?,
        Err(_) => vec![0, size],
    };
    if row == 0 || !index.len().is_multiple_of(2) {
        return None;
    }
    // lopdf refuses entries narrower than three bytes beyond the data's
    // length at that width (and then recovers its own way).
    let listed = index.chunks_exact(2).try_fold(0usize, |total, pair| {
        total.checked_add(usize::try_from(*pair.get(1)?).ok()?)
    })?;
    if listed > data.len() / row.max(3) {
        return None;
    }
    let field = |bytes: &[u8]| bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
    let mut rows = data.chunks_exact(row);
    let mut entries = Vec::new();
    for pair in index.chunks_exact(2) {
        let (first, count) = (u32::try_from(*pair.first()?).ok()?, u32::try_from(*pair.get(1)?).ok()?);
        for k in 0..count {
            let row = rows.next()?;
            let (kind, rest) = row.split_at(w0);
            let (a, b) = rest.split_at(w1);
            // A missing type field means type 1.
            let kind = if w0 == 0 { 1 } else { field(kind) };
            let entry = match kind {
                0 => XrefEntry::Free,
                1 => XrefEntry::Normal {
                    offset: u32::try_from(field(a)).ok()?,
                    generation: u16::try_from(field(b)).ok()?,
                },
                2 => XrefEntry::Compressed {
                    container: u32::try_from(field(a)).ok()?,
                    index: u16::try_from(field(b)).ok()?,
                },
                _ => return None,
            };
            entries.push((first.checked_add(k)?, entry));
        }
    }
    // The stream's dictionary is the trailer, without the keys of its
    // data, as lopdf leaves it.
    let mut trailer = stream.dict;
    for key in [&b"Length"[..], b"W", b"Index", b"Filter", b"DecodeParms"] {
        trailer.remove(key);
    }
    Some((entries, trailer))
}

/// A stream's data inflated and unpredicted: Flate (with the PNG Up
/// predictor, or none) or no filter; anything else is not plain.
fn inflate(stream: &Stream) -> Option<Vec<u8>> {
    let filter = match stream.dict.get(b"Filter") {
        Err(_) => None,
        Ok(Object::Name(name)) => Some(name.as_slice()),
        Ok(Object::Array(list)) if list.len() == 1 => Some(list.first()?.as_name().ok()?),
        Ok(_) => return None,
    };
    let data = match filter {
        None => return Some(stream.content.clone()),
        Some(b"FlateDecode") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .take(MAX_INFLATED)
                .read_to_end(&mut out)
                .ok()?;
            out
        }
        Some(_) => return None,
    };
    let params = match stream.dict.get(b"DecodeParms") {
        Err(_) | Ok(Object::Null) => return Some(data),
        Ok(Object::Dictionary(params)) => params,
        Ok(Object::Array(list)) if list.len() == 1 => list.first()?.as_dict().ok()?,
        Ok(_) => return None,
    };
    let number = |key: &[u8], default: i64| match params.get(key) {
        Ok(value) => value.as_i64().ok(),
        Err(_) => Some(default),
    };
    match number(b"Predictor", 1)? {
        1 => Some(data),
        // PNG predictors, each row tagged; only Up (2) and None (0)
        // occur in xref and object streams.
        10..=15 => {
            if number(b"Colors", 1)? != 1 || number(b"BitsPerComponent", 8)? != 8 {
                return None;
            }
            let columns = usize::try_from(number(b"Columns", 1)?)
                .ok()
                .filter(|&c| c > 0 && c <= data.len())?;
            let mut out = Vec::with_capacity(data.len());
            let mut previous = vec![0u8; columns];
            for row in data.chunks(columns + 1) {
                let (&tag, row) = row.split_first()?;
                if row.len() != columns {
                    return None;
                }
                match tag {
                    0 => previous.copy_from_slice(row),
                    2 => {
                        for (p, &b) in previous.iter_mut().zip(row) {
                            *p = p.wrapping_add(b);
                        }
                    }
                    _ => return None,
                }
                out.extend_from_slice(&previous);
            }
            Some(out)
        }
        _ => None,
    }
}

/// An object stream inflated, with its table of objects.
fn object_stream(stream: &Stream) -> Option<ObjectStream> {
    if stream.dict.get(b"Type").ok()?.as_name().ok()? != b"ObjStm" {
        return None;
    }
    let data = inflate(stream)?;
    let count = usize::try_from(stream.dict.get(b"N").ok()?.as_i64().ok()?).ok()?;
    let first = usize::try_from(stream.dict.get(b"First").ok()?.as_i64().ok()?).ok()?;
    let mut header = Lexer::at(&data, 0);
    let mut offsets = Vec::new();
    for _ in 0..count.min(data.len()) {
        let number = u32::try_from(header.unsigned()?).ok()?;
        let offset = usize::try_from(header.unsigned()?).ok()?;
        offsets.push((number, offset));
    }
    Some(ObjectStream { data, first, offsets })
}

/// The indirect object at `offset` (`12 0 obj … endobj`), a stream's
/// `/Length` resolved through `xref` when indirect.
fn indirect_object(bytes: &[u8], offset: usize, xref: &Xref) -> Option<(ObjectId, Object)> {
    let mut lexer = Lexer::at(bytes, offset);
    let id = lexer.header()?;
    let object = lexer.object(MAX_NESTING)?;
    let object = match object {
        Object::Dictionary(dict) if lexer.stream_keyword() => {
            let length = match dict.get(b"Length").ok()? {
                Object::Integer(n) => *n,
                Object::Reference(id) => length_object(bytes, *id, xref)?,
                _ => return None,
            };
            let start = lexer.pos;
            let end = start.checked_add(usize::try_from(length).ok()?)?;
            let content = bytes.get(start..end)?;
            lexer.pos = end;
            let rest = lexer.rest();
            let after_eol = if rest.starts_with(b"\r\n") {
                2
            } else if rest.starts_with(b"\n") || rest.starts_with(b"\r") {
                1
            } else {
                0
            };
            if !rest.get(after_eol..)?.starts_with(b"endstream") {
                return None;
            }
            let mut stream = Stream::new(dict, content.to_vec());
            stream.start_position = Some(start);
            Object::Stream(stream)
        }
        object => object,
    };
    Some((id, object))
}

/// The integer object `id`, a stream's indirect `/Length`.
fn length_object(bytes: &[u8], id: ObjectId, xref: &Xref) -> Option<i64> {
    let XrefEntry::Normal { offset, generation } = *xref.entries.get(&id.0)? else {
        return None;
    };
    if generation != id.1 {
        return None;
    }
    let mut lexer = Lexer::at(bytes, offset as usize);
    if lexer.header()? != id {
        return None;
    }
    match lexer.object(0)? {
        Object::Integer(n) => Some(n),
        _ => None,
    }
}

/// Objects of PDF syntax from a position in the bytes.
struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn at(data: &'a [u8], pos: usize) -> Lexer<'a> {
        Lexer { data, pos }
    }

    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// White space and comments.
    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\r' && c != b'\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Consumes `word` if the bytes start with it.
    fn eat(&mut self, word: &[u8]) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Consumes `word` or fails.
    fn expect(&mut self, word: &[u8]) -> Option<()> {
        self.eat(word).then_some(())
    }

    /// A line end: CRLF, LF or CR.
    fn eol(&mut self) -> Option<()> {
        (self.eat(b"\r\n") || self.eat(b"\n") || self.eat(b"\r")).then_some(())
    }

    /// An indirect object's header (`12 0 obj`) and the white space after
    /// it: the object's id.
    fn header(&mut self) -> Option<ObjectId> {
        let number = u32::try_from(self.unsigned()?).ok()?;
        let generation = u16::try_from(self.unsigned()?).ok()?;
        self.skip_space();
        self.expect(b"obj")?;
        self.skip_space();
        Some((number, generation))
    }

    /// Digits here (no white space first), as an unsigned number.
    fn digits(&mut self) -> Option<u64> {
        if !self.peek()?.is_ascii_digit() {
            return None;
        }
        self.unsigned()
    }

    /// Digits after white space, as an unsigned number.
    fn unsigned(&mut self) -> Option<u64> {
        self.skip_space();
        let digits = self.rest().iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let value = self
            .rest()
            .get(..digits)?
            .iter()
            .try_fold(0u64, |acc, &d| acc.checked_mul(10)?.checked_add(u64::from(d - b'0')))?;
        self.pos += digits;
        Some(value)
    }

    /// `stream` and its end of line after a dictionary (lopdf: white space,
    /// the keyword, spaces and tabs, then CRLF, LF or CR).
    fn stream_keyword(&mut self) -> bool {
        let saved = self.pos;
        self.skip_space();
        if !self.rest().starts_with(b"stream") {
            self.pos = saved;
            return false;
        }
        self.pos += 6;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        let rest = self.rest();
        if rest.starts_with(b"\r\n") {
            self.pos += 2;
        } else if rest.starts_with(b"\n") || rest.starts_with(b"\r") {
            self.pos += 1;
        } else {
            self.pos = saved;
            return false;
        }
        true
    }

    /// One direct object and the white space after it; `None` for
    /// anything lopdf might read differently.
    fn object(&mut self, depth: usize) -> Option<Object> {
        let object = match self.peek()? {
            b'n' if self.rest().starts_with(b"null") => {
                self.pos += 4;
                Object::Null
            }
            b't' if self.rest().starts_with(b"true") => {
                self.pos += 4;
                Object::Boolean(true)
            }
            b'f' if self.rest().starts_with(b"false") => {
                self.pos += 5;
                Object::Boolean(false)
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number_or_reference()?,
            b'/' => Object::Name(self.name()?),
            b'(' => Object::String(self.literal_string()?, StringFormat::Literal),
            b'<' if self.rest().starts_with(b"<<") => Object::Dictionary(self.dictionary(depth.checked_sub(1)?)?),
            b'<' => Object::String(self.hex_string()?, StringFormat::Hexadecimal),
            b'[' => {
                let depth = depth.checked_sub(1)?;
                self.pos += 1;
                self.skip_space();
                let mut items = Vec::new();
                while self.peek()? != b']' {
                    items.push(self.object(depth)?);
                }
                self.pos += 1;
                Object::Array(items)
            }
            _ => return None,
        };
        // A keyword glued to the object (`nullx`, `12R`) is not plain.
        if matches!(object, Object::Null | Object::Boolean(_)) && self.peek().is_some_and(is_regular) {
            return None;
        }
        self.skip_space();
        Some(object)
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        self.pos += 2;
        self.skip_space();
        let mut dict = Dictionary::new();
        loop {
            match self.peek()? {
                b'>' if self.rest().starts_with(b">>") => {
                    self.pos += 2;
                    return Some(dict);
                }
                b'/' => {
                    let key = self.name()?;
                    self.skip_space();
                    let value = self.object(depth)?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }

    /// A name, `#xx` escapes decoded; a `#` without two hex digits ends it.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let (Some(h), Some(l)) = (
                    self.data.get(self.pos + 1).copied().and_then(hex_value),
                    self.data.get(self.pos + 2).copied().and_then(hex_value),
                ) else {
                    break;
                };
                out.push(h << 4 | l);
                self.pos += 3;
            } else if is_regular(c) {
                out.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(out)
    }

    /// An integer, a real or a reference (`12 0 R`). Reals with a sign in
    /// their fraction, numbers out of range and anything else unusual are
    /// not plain.
    fn number_or_reference(&mut self) -> Option<Object> {
        let start = self.pos;
        let token_len = self.rest().iter().take_while(|&&c| is_regular(c)).count();
        let token = self.rest().get(..token_len)?;
        let (negative, body) = match token.split_first()? {
            (b'-', rest) => (true, rest),
            (b'+', rest) => (false, rest),
            _ => (false, token),
        };
        let dots = body.iter().filter(|&&c| c == b'.').count();
        if body.is_empty() || dots > 1 || !body.iter().all(|&c| c.is_ascii_digit() || c == b'.') || body == b"." {
            return None;
        }
        self.pos = start + token_len;
        if dots == 1 {
            let text = std::str::from_utf8(token).ok()?;
            return text.parse::<f32>().ok().map(Object::Real);
        }
        let magnitude = body
            .iter()
            .try_fold(0u64, |acc, &d| acc.checked_mul(10)?.checked_add(u64::from(d - b'0')))?;
        let value = if negative {
            0i64.checked_sub_unsigned(magnitude)?
        } else {
            i64::try_from(magnitude).ok()?
        };
        // `12 0 R`: two unsigned integers and R.
        if token.first().is_some_and(u8::is_ascii_digit) {
            let after = self.pos;
            let mut look = Lexer::at(self.data, after);
            look.skip_space();
            if look.pos > after {
                let generation_start = look.pos;
                if let Some(generation) = look.unsigned() {
                    let glued = look
                        .peek()
                        .is_some_and(|c| c == b'.' || is_regular(c) && !c.is_ascii_digit());
                    look.skip_space();
                    if look.pos > generation_start && look.peek() == Some(b'R') && !glued {
                        let after_r = look.data.get(look.pos + 1).copied();
                        if after_r.is_none_or(|c| !is_regular(c)) {
                            let number = u32::try_from(magnitude).ok()?;
                            let generation = u16::try_from(generation).ok()?;
                            self.pos = look.pos + 1;
                            return Some(Object::Reference((number, generation)));
                        }
                    }
                }
            }
        }
        Some(Object::Integer(value))
    }

    /// A literal string: escapes decoded, an escaped line end dropped, a
    /// bare line end read as `\n`, balanced parentheses kept.
    fn literal_string(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' if depth == 0 => return Some(out),
                b')' => {
                    depth -= 1;
                    out.push(c);
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'0'..=b'7' => {
                            let mut value = u16::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u16::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((value & 0xff) as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// A hex string: digits between white space, an odd last digit padded
    /// with 0; any other byte is not plain.
    fn hex_string(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if is_white(c) {
                continue;
            }
            let v = hex_value(c)?;
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(text: &str) -> Option<Object> {
        Lexer::at(text.as_bytes(), 0).object(MAX_NESTING)
    }

    #[test]
    fn objects_read_as_lopdf_reads_them() {
        let cases: &[(&str, Object)] = &[
            ("12 0 R", Object::Reference((12, 0))),
            ("12 0", Object::Integer(12)),
            ("-3", Object::Integer(-3)),
            ("+3", Object::Integer(3)),
            ("1.5", Object::Real(1.5)),
            ("-.5", Object::Real(-0.5)),
            ("4.", Object::Real(4.0)),
            ("/A#20B", Object::Name(b"A B".to_vec())),
            ("/A#2", Object::Name(b"A".to_vec())),
            (
                "(a\\(b\\)\\101\\\n(c))",
                Object::String(b"a(b)A(c)".to_vec(), StringFormat::Literal),
            ),
            ("(x\r\ny)", Object::String(b"x\ny".to_vec(), StringFormat::Literal)),
            ("<4E2 D>", Object::String(vec![0x4e, 0x2d], StringFormat::Hexadecimal)),
            ("<41 5>", Object::String(vec![0x41, 0x50], StringFormat::Hexadecimal)),
            (
                "[1 2 0 R /N]",
                Object::Array(vec![
                    Object::Integer(1),
                    Object::Reference((2, 0)),
                    Object::Name(b"N".to_vec()),
                ]),
            ),
            ("null", Object::Null),
            ("true", Object::Boolean(true)),
        ];
        for (text, expected) in cases {
            assert_eq!(object(text).as_ref(), Some(expected), "{text}");
        }
        let Some(Object::Dictionary(dict)) = object("<< /Type /Page /Kids [3 0 R] /Count 1 >>") else {
            panic!("a dictionary");
        };
        assert_eq!(dict.get(b"Count").ok(), Some(&Object::Integer(1)));
    }

    /// What lopdf reads with a recovery or a quirk is left to lopdf.
    #[test]
    fn unusual_syntax_is_not_plain() {
        for text in [
            "0.00-4142502",
            "1.2.3",
            "--1",
            "nullx",
            "<4G>",
            "{",
            "99999999999999999999",
        ] {
            assert_eq!(object(text), None, "{text}");
        }
    }
}
