//! jixiao: Chinese government performance-target sheets (绩效目标申报表 /
//! 填报表, PDFs and text dumps of them) to typed data.
//!
//! This crate is the library behind the `jixiao` command. One input file
//! becomes one [`Document`] (see `docs/output.md`): the title, one
//! [`Project`] per form with its header fields, funds, goals and indicator
//! triples, and [`Diagnostic`]s for everything odd. Conversion never fails:
//! an input that cannot be read becomes a document with an `error`
//! diagnostic and no projects, so that a batch accounts for every input.
//!
//! - [`convert_bytes`] / [`convert`]: bytes (PDF or text, sniffed) → document,
//!   with [`Options`] (time budget, page range);
//! - [`convert_path`]: the same for a file, refusing non-regular files and
//!   files over the size limit;
//! - [`rows`]: the rows of cells the parser reads (what `jixiao text`
//!   prints), to see why a field came out as it did;
//! - [`tables`]: the typed table model the CSV and XLSX writers share, and
//!   [`json`] for the document's JSON text.
//!
//! ```
//! let text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称  示例项目  项目性质  其他一次性项目\n";
//! let doc = jixiao::convert_bytes("sheet.txt", text.as_bytes());
//! assert_eq!(doc.projects.len(), 1);
//! assert_eq!(doc.projects[0].name.as_deref(), Some("示例项目"));
//! assert_eq!(doc.projects[0].year, Some(2024));
//!
//! let json = jixiao::json::to_string(&doc).unwrap();
//! assert!(json.contains("\"name\": \"示例项目\""));
//!
//! let mut tables = jixiao::tables::Tables::new();
//! tables.add(&doc);
//! assert_eq!(tables.projects.rows.len(), 1);
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use sha2::{Digest, Sha256};

pub use jixiao_emit::{json, table as tables};
pub use jixiao_layout::Row;
pub use jixiao_model::{
    Code, Diagnostic, Document, Format, Funds, Indicator, Level, Location, Project, Source, Target, SCHEMA_VERSION,
};

/// How to convert an input; [`Options::default`] reads every page with no
/// time budget and the default size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Give up on an input after this long (an `error` diagnostic `timeout`);
    /// `None`: no budget. The conversion runs on a worker thread either way
    /// only when a budget is set.
    pub timeout: Option<Duration>,
    /// First page read (PDF pages; form-feed pages of a text dump), from 1.
    pub first_page: u32,
    /// Last page read, inclusive.
    pub last_page: u32,
    /// Largest file [`convert_path`] reads, in bytes.
    pub max_input_size: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            timeout: None,
            first_page: 1,
            last_page: u32::MAX,
            max_input_size: DEFAULT_MAX_INPUT_SIZE,
        }
    }
}

/// Why [`rows`] could not read an input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The PDF could not be opened.
    #[error("{file}: {source}")]
    Pdf {
        /// The input's name.
        file: String,
        /// What went wrong.
        source: jixiao_pdf::Error,
    },
    /// The text could not be decoded.
    #[error("{file}: {source}")]
    Text {
        /// The input's name.
        file: String,
        /// What went wrong.
        source: jixiao_layout::text::Error,
    },
}

/// Converts `bytes` with `options`: the page range and, when set, the time
/// budget (the conversion then runs isolated on a worker thread, see
/// [`convert_isolated`]).
pub fn convert(name: &str, bytes: &[u8], options: &Options) -> Document {
    match options.timeout {
        Some(timeout) => {
            let options = Options {
                timeout: None,
                ..options.clone()
            };
            isolated(name, bytes.to_vec(), timeout, move |name, bytes| {
                convert(name, bytes, &options)
            })
        }
        None => convert_pages(name, bytes, options.first_page, options.last_page),
    }
}

/// The rows of cells the parser reads from an input (pages in `options`'
/// range), with the diagnostics of reading a PDF: what `jixiao text`
/// prints. A text dump's tables are shown put back into their grid.
pub fn rows(name: &str, bytes: &[u8], options: &Options) -> Result<(Vec<Row>, Vec<Diagnostic>), Error> {
    match sniff(bytes) {
        Format::Pdf => {
            let read = pdf_rows(bytes, options.first_page, options.last_page).map_err(|source| Error::Pdf {
                file: name.to_string(),
                source,
            })?;
            Ok((read.rows, read.diagnostics))
        }
        Format::Text => {
            let decoded = jixiao_layout::text::decode(bytes).map_err(|source| Error::Text {
                file: name.to_string(),
                source,
            })?;
            let rows = text_pages(
                jixiao_layout::text::rows(&decoded.text),
                options.first_page,
                options.last_page,
            );
            Ok((
                jixiao_parse::regridded_rows(rows),
                cut_tail_diagnostic(&decoded).into_iter().collect(),
            ))
        }
    }
}

/// The rows of a dump on the pages `first..=last` (form feeds count pages).
fn text_pages(rows: Vec<Row>, first: u32, last: u32) -> Vec<Row> {
    if first <= 1 && last == u32::MAX {
        return rows;
    }
    rows.into_iter().filter(|r| (first..=last).contains(&r.sheet)).collect()
}

/// What the bytes of an input are.
pub fn sniff(bytes: &[u8]) -> Format {
    // `%PDF-` may follow some junk; readers accept it within the first KiB.
    let head = bytes.get(..1024).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        Format::Pdf
    } else {
        Format::Text
    }
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Converts one input's bytes; `name` is what the document calls the file.
/// A file named `*.pdf` is read as a PDF (and reported when it is not one).
pub fn convert_bytes(name: &str, bytes: &[u8]) -> Document {
    convert_pages(name, bytes, 1, u32::MAX)
}

fn convert_pages(name: &str, bytes: &[u8], first: u32, last: u32) -> Document {
    let named_pdf = has_extension(Path::new(name), "pdf");
    let format = if named_pdf { Format::Pdf } else { sniff(bytes) };
    let source = Source {
        file: name.to_string(),
        format,
        sha256: sha256_hex(bytes),
        pages: None,
    };
    match format {
        Format::Text => match jixiao_layout::text::decode(bytes) {
            Ok(decoded) => {
                let rows = jixiao_layout::text::rows(&decoded.text);
                let mut doc = jixiao_parse::parse(text_pages(rows, first, last), source);
                doc.diagnostics.extend(cut_tail_diagnostic(&decoded));
                doc
            }
            Err(e) => failed(source, Code::UnreadableText, e.to_string()),
        },
        Format::Pdf => convert_pdf(bytes, source, first, last),
    }
}

/// The warning for a dump that ends inside a character (a truncated
/// download), if it does.
fn cut_tail_diagnostic(decoded: &jixiao_layout::text::Decoded) -> Option<Diagnostic> {
    (decoded.cut_tail > 0).then(|| {
        Diagnostic::new(
            Level::Warning,
            Code::TruncatedText,
            format!(
                "the text ends inside a character ({} bytes of an incomplete {} character dropped): it looks truncated",
                decoded.cut_tail, decoded.encoding
            ),
        )
    })
}

/// The rows of a PDF's pages and the diagnostics of reading them.
pub struct PdfRows {
    /// Pages in the file.
    pub pages: u32,
    /// Rows of the pages read, in page order.
    pub rows: Vec<jixiao_layout::Row>,
    /// What reading the file and its pages reported.
    pub diagnostics: Vec<Diagnostic>,
    /// Glyphs over all pages (0: no text layer).
    pub glyphs: usize,
}

/// Reads the pages `first..=last` of a PDF into rows.
pub fn pdf_rows(bytes: &[u8], first: u32, last: u32) -> Result<PdfRows, jixiao_pdf::Error> {
    let pdf = jixiao_pdf::Pdf::load(bytes)?;
    let pages = pdf.page_count();
    let mut out = PdfRows {
        pages,
        rows: Vec::new(),
        diagnostics: Vec::new(),
        glyphs: 0,
    };
    for damage in pdf.damage() {
        out.diagnostics
            .push(Diagnostic::new(Level::Warning, Code::RepairedPdf, damage.clone()));
    }
    // A table row the last page break cut, to be joined with its rest.
    let mut cut = None;
    for number in first.max(1)..=last.min(pages) {
        let at = Some(jixiao_model::Location::Page(number));
        match pdf.page(number) {
            Ok(page) => {
                // Text in fonts the file lacks is no text the page gave.
                out.glyphs += page.glyphs.len().saturating_sub(page.unfonted);
                for problem in &page.problems {
                    out.diagnostics
                        .push(Diagnostic::new(Level::Warning, Code::PdfContent, problem.clone()).at(at));
                }
                for limit in &page.limits {
                    out.diagnostics
                        .push(Diagnostic::new(Level::Warning, Code::Limit, limit.clone()).at(at));
                }
                for (font, count) in &page.undecoded {
                    out.diagnostics.push(
                        Diagnostic::new(
                            Level::Warning,
                            Code::UndecodableFont,
                            format!("font {font}: {count} glyphs have no Unicode mapping (no ToUnicode, no known encoding); shown as U+FFFD"),
                        )
                        .at(at),
                    );
                }
                let rows = jixiao_layout::pdf::page_rows_with_cuts(&page);
                let (rows, bottom) = jixiao_layout::pdf::join_cut_row(&mut out.rows, cut.as_ref(), rows);
                out.rows.extend(rows);
                cut = bottom;
            }
            Err(e) => {
                cut = None;
                out.diagnostics
                    .push(Diagnostic::new(Level::Error, Code::PdfPage, e.to_string()).at(at));
            }
        }
    }
    Ok(out)
}

fn convert_pdf(bytes: &[u8], mut source: Source, first: u32, last: u32) -> Document {
    if bytes.is_empty() {
        return failed(source, Code::UnreadablePdf, "the file is empty".to_string());
    }
    let read = match pdf_rows(bytes, first, last) {
        Ok(read) => read,
        Err(e) => return failed(source, Code::UnreadablePdf, e.to_string()),
    };
    source.pages = Some(read.pages);
    if read.glyphs == 0 {
        // Content that could not be decoded is no sign of a scan.
        let unreadable = read.diagnostics.iter().any(|d| d.code == Code::PdfContent);
        let message = if unreadable {
            "no page gave any text, and some page content could not be read (see the pdf-content warnings): the PDF may be damaged rather than scanned"
        } else {
            "no page has a text layer; the PDF looks scanned (run OCR first)"
        };
        let mut doc = failed(source, Code::NoTextLayer, message.to_string());
        doc.diagnostics.extend(read.diagnostics);
        return doc;
    }
    let mut doc = jixiao_parse::parse(read.rows, source);
    let mut diagnostics = read.diagnostics;
    diagnostics.append(&mut doc.diagnostics);
    doc.diagnostics = diagnostics;
    doc
}

/// Converts `bytes` on a worker thread, isolated: a panic in any stage
/// becomes an error document for this input, and so does a conversion that
/// takes longer than `timeout` (the batch goes on; the stray thread ends on
/// its own, bounded by the interpreter's limits).
pub fn convert_isolated(name: &str, bytes: Vec<u8>, timeout: Duration) -> Document {
    isolated(name, bytes, timeout, convert_bytes)
}

fn isolated<F>(name: &str, bytes: Vec<u8>, timeout: Duration, run: F) -> Document
where
    F: FnOnce(&str, &[u8]) -> Document + Send + 'static,
{
    let (sender, receiver) = mpsc::channel();
    let thread_name = name.to_string();
    let spawned = std::thread::Builder::new()
        .name(format!("convert {name}"))
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&thread_name, &bytes)));
            let _ = sender.send(result);
        });
    let fallback_source = || source_of_unread(name);
    if let Err(e) = spawned {
        return failed(
            fallback_source(),
            Code::InternalError,
            format!("cannot start a worker thread: {e}"),
        );
    }
    match receiver.recv_timeout(timeout) {
        Ok(Ok(doc)) => doc,
        Ok(Err(panic)) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            failed(
                fallback_source(),
                Code::InternalError,
                format!("internal error while converting ({what}); please report this file"),
            )
        }
        Err(_) => failed(
            fallback_source(),
            Code::Timeout,
            format!(
                "conversion took longer than {} s and was abandoned (--timeout)",
                timeout.as_secs_f32()
            ),
        ),
    }
}

/// Largest input read by default (`--max-input-size`): far above any real
/// sheet, low enough that one file cannot take the machine's memory.
pub const DEFAULT_MAX_INPUT_SIZE: u64 = 256 * 1024 * 1024;

/// Converts the file at `path`; an unreadable path, a path that is not a
/// regular file or a file over [`DEFAULT_MAX_INPUT_SIZE`] becomes an error
/// document.
pub fn convert_path(name: &str, path: &Path) -> Document {
    convert_path_limited(name, path, DEFAULT_MAX_INPUT_SIZE)
}

/// [`convert_path`] with [`Options`] (size limit, page range, time budget).
pub fn convert_path_with(name: &str, path: &Path, options: &Options) -> Document {
    match read_input(name, path, options.max_input_size) {
        Ok(bytes) => convert(name, &bytes, options),
        Err(doc) => *doc,
    }
}

/// [`convert_path`] with an input size limit.
pub fn convert_path_limited(name: &str, path: &Path, max_size: u64) -> Document {
    match read_input(name, path, max_size) {
        Ok(bytes) => convert_bytes(name, &bytes),
        Err(doc) => *doc,
    }
}

/// Reads an input: only a regular file (a FIFO, a device or a socket would
/// block or never end) of at most `max_size` bytes, checked before reading.
pub fn read_input(name: &str, path: &Path, max_size: u64) -> Result<Vec<u8>, Box<Document>> {
    let refuse = |message: String| Box::new(failed(source_of_unread(name), Code::UnreadableFile, message));
    let metadata = std::fs::metadata(path).map_err(|e| Box::new(unreadable(name, &e)))?;
    if !metadata.is_file() {
        return Err(refuse(
            "not a regular file (a FIFO, device or socket); not read".to_string(),
        ));
    }
    if metadata.len() > max_size {
        return Err(refuse(format!(
            "{} bytes, over the input size limit of {max_size} bytes (--max-input-size); not read",
            metadata.len()
        )));
    }
    // Room for the whole file and one byte more, so that the read ends in
    // two syscalls rather than a dozen doubling ones (metadata is a hint:
    // the file may have changed since).
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len().saturating_add(1)).unwrap_or(0));
    // The file may grow while it is read: never read past the limit.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(path).map_err(|e| Box::new(unreadable(name, &e)))?,
            max_size.saturating_add(1),
        ),
        &mut bytes,
    )
    .map_err(|e| Box::new(unreadable(name, &e)))?;
    if bytes.len() as u64 > max_size {
        return Err(refuse(format!(
            "grew past the input size limit of {max_size} bytes while read; not read"
        )));
    }
    Ok(bytes)
}

/// The document of an input whose file cannot be read.
pub fn unreadable(name: &str, error: &std::io::Error) -> Document {
    failed(
        source_of_unread(name),
        Code::UnreadableFile,
        format!("cannot read: {error}"),
    )
}

/// The source of an input whose bytes were never converted: format from
/// the file name, no hash, no page count.
pub fn source_of_unread(name: &str) -> Source {
    let format = if has_extension(Path::new(name), "pdf") {
        Format::Pdf
    } else {
        Format::Text
    };
    Source {
        file: name.to_string(),
        format,
        sha256: String::new(),
        pages: None,
    }
}

/// A document that records one error and has no projects.
pub fn failed(source: Source, code: Code, message: String) -> Document {
    let mut doc = Document::new(source);
    doc.diagnostics.push(Diagnostic::new(Level::Error, code, message));
    doc
}

/// True when the file name ends in `.ext` (any case).
pub fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
