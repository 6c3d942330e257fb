//! Differential test of the content-stream lexer: over every page content
//! and Form XObject of the shared corpus (1,543 PDFs), jixiao's lexer gives
//! the operations lopdf's nom parser gives, operator for operator and
//! operand for operand; it may read on where lopdf stops (a comment between
//! operands), never stop earlier.

mod common;

use std::path::Path;

use jixiao_pdf::content::{Lexer, Operand};
use lopdf::content::Content;
use lopdf::{Document, Object};

/// Operations compared per stream: enough for any real page; a stream of
/// millions of operations is a stress file, and its first ones tell.
const MAX_COMPARED: usize = 200_000;

#[derive(Debug, PartialEq)]
enum Canon {
    Integer(i64),
    Real(u32),
    Bool(bool),
    Null,
    Name(Vec<u8>),
    Str(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    Reference(u32, u16),
}

type Op = (Vec<u8>, Vec<Canon>);

fn canonical_lopdf(object: &Object, out: &mut Vec<Canon>) {
    match object {
        Object::Integer(i) => out.push(Canon::Integer(*i)),
        Object::Real(r) => out.push(Canon::Real(r.to_bits())),
        Object::Boolean(b) => out.push(Canon::Bool(*b)),
        Object::Null => out.push(Canon::Null),
        Object::Name(n) => out.push(Canon::Name(n.clone())),
        Object::String(s, _) => out.push(Canon::Str(s.clone())),
        Object::Array(items) => {
            out.push(Canon::ArrayStart);
            for item in items {
                canonical_lopdf(item, out);
            }
            out.push(Canon::ArrayEnd);
        }
        Object::Dictionary(dict) => {
            out.push(Canon::DictStart);
            for (key, value) in dict.iter() {
                out.push(Canon::Name(key.clone()));
                canonical_lopdf(value, out);
            }
            out.push(Canon::DictEnd);
        }
        Object::Reference((n, g)) => out.push(Canon::Reference(*n, *g)),
        Object::Stream(_) => {}
    }
}

fn canonical_ours(operand: &Operand<'_>) -> Canon {
    match operand {
        Operand::Integer(i) => Canon::Integer(*i),
        Operand::Real(r) => Canon::Real(r.to_bits()),
        Operand::Bool(b) => Canon::Bool(*b),
        Operand::Null => Canon::Null,
        Operand::Name(_) => Canon::Name(operand.name().map(|n| n.into_owned()).unwrap_or_default()),
        Operand::Literal(_) | Operand::Hex(_) => {
            let mut bytes = Vec::new();
            operand.string_into(&mut bytes);
            Canon::Str(bytes)
        }
        Operand::ArrayStart => Canon::ArrayStart,
        Operand::ArrayEnd => Canon::ArrayEnd,
        Operand::DictStart => Canon::DictStart,
        Operand::DictEnd => Canon::DictEnd,
        Operand::Reference(n, g) => Canon::Reference(*n, *g),
    }
}

/// lopdf's operations, up to where it stops or misreads: `/Name BI` (an
/// operand before `BI`) is an operator to lopdf, which then reads the
/// image's dictionary as operands of `ID` and its data as operators; the
/// lexer reads the inline image (qpdf's `tokens.pdf`).
fn lopdf_ops(content: &[u8]) -> (Vec<Op>, bool) {
    let mut ops = Vec::new();
    for op in Content::decode_iter(content).take(MAX_COMPARED) {
        let Ok(op) = op else { break };
        let misread = op.operator == "BI" && !op.operands.is_empty();
        let mut operands = Vec::new();
        if op.operator != "BI" {
            for operand in &op.operands {
                canonical_lopdf(operand, &mut operands);
            }
        }
        ops.push((op.operator.into_bytes(), operands));
        if misread {
            return (ops, true);
        }
    }
    (ops, false)
}

fn our_ops(content: &[u8]) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut lexer = Lexer::new(content);
    while let Some(Ok(op)) = lexer.next_operation() {
        if ops.len() >= MAX_COMPARED {
            break;
        }
        ops.push((op.operator.to_vec(), op.operands.iter().map(canonical_ours).collect()));
    }
    ops
}

/// The content streams of a PDF: each page's (joined, as the interpreter
/// reads them) and each Form XObject's.
fn streams(doc: &Document) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for id in doc.get_pages().into_values() {
        out.push(doc.get_page_content(id));
    }
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object {
            if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form".as_slice()) {
                out.push(stream.decompressed_content().unwrap_or_else(|_| stream.content.clone()));
            }
        }
    }
    out
}

#[test]
fn the_lexer_reads_what_lopdf_reads_over_the_shared_corpus() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let pdfs = common::pdfs_below(&corpora);
    let (mut compared, mut read_on, mut stream_count, mut misreads) = (0usize, 0usize, 0usize, 0usize);
    let mut mismatches = Vec::new();
    for path in &pdfs {
        let Ok(bytes) = std::fs::read(path) else { continue };
        let Ok(doc) = Document::load_mem(&bytes) else { continue };
        for (index, content) in streams(&doc).iter().enumerate() {
            stream_count += 1;
            let (theirs, misread) = lopdf_ops(content);
            misreads += usize::from(misread);
            let ours = our_ops(content);
            compared += theirs.len();
            let same = ours.len() >= theirs.len().min(MAX_COMPARED) && ours.iter().zip(&theirs).all(|(a, b)| a == b);
            if !same {
                let at = ours
                    .iter()
                    .zip(&theirs)
                    .position(|(a, b)| a != b)
                    .unwrap_or(ours.len().min(theirs.len()));
                mismatches.push(format!(
                    "{} stream {index}: operation {at} of {}: lopdf {:?}, ours {:?}",
                    path.display(),
                    theirs.len(),
                    theirs
                        .get(at)
                        .map(|(o, a)| (String::from_utf8_lossy(o).into_owned(), a)),
                    ours.get(at).map(|(o, a)| (String::from_utf8_lossy(o).into_owned(), a)),
                ));
            } else if ours.len() > theirs.len() {
                read_on += 1;
            }
        }
    }
    eprintln!(
        "{} PDFs, {stream_count} streams, {compared} operations compared; {read_on} streams read past where lopdf stopped, {misreads} inline images lopdf misread",
        pdfs.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} streams differ:\n{}",
        mismatches.len(),
        mismatches.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
    // Not vacuous: the corpus holds a few million operations.
    assert!(compared > 1_000_000, "only {compared} operations compared");
}

/// Mutated real content (bytes flipped, cut, duplicated, spliced): the
/// lexer ends every time, an operation consuming at least one byte, and
/// every operand decodes.
#[test]
fn mutated_content_never_panics_and_always_ends() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let pdfs = common::pdfs_below(&dir);
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for path in pdfs.iter().take(12) {
        let Ok(doc) = std::fs::read(path)
            .map_err(|_| ())
            .and_then(|b| Document::load_mem(&b).map_err(|_| ()))
        else {
            continue;
        };
        seeds.extend(
            streams(&doc)
                .into_iter()
                .map(|s| s.into_iter().take(4096).collect::<Vec<u8>>()),
        );
    }
    assert!(seeds.len() >= 10, "only {} seed streams", seeds.len());
    // xorshift: the same mutations on every run.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let specials = b"()<>[]{}/%\\#BIDEI \n\r0.-+";
    let mut lexed = 0usize;
    for round in 0..3000 {
        let seed = &seeds[round % seeds.len()];
        let mut bytes = seed.clone();
        for _ in 0..1 + next() % 8 {
            if bytes.is_empty() {
                break;
            }
            let at = (next() as usize) % bytes.len();
            match next() % 4 {
                0 => bytes[at] = specials[(next() as usize) % specials.len()],
                1 => bytes.truncate(at),
                2 => {
                    let piece: Vec<u8> = bytes[at..].iter().take(64).copied().collect();
                    bytes.splice(at..at, piece);
                }
                _ => bytes[at] = next() as u8,
            }
        }
        let mut lexer = Lexer::new(&bytes);
        let mut operations = 0usize;
        let mut scratch = Vec::new();
        while let Some(Ok(operation)) = lexer.next_operation() {
            operations += 1;
            assert!(operations <= bytes.len(), "round {round}: more operations than bytes");
            for operand in operation.operands {
                let _ = operand.name();
                scratch.clear();
                operand.string_into(&mut scratch);
            }
        }
        lexed += operations;
    }
    assert!(lexed > 10_000, "the mutations left only {lexed} operations to read");
}
