//! The conversion pipeline behind the `jixiao` command: one input file →
//! one [`Document`], whatever goes wrong.
//!
//! [`convert_bytes`] sniffs the input (PDF or text), runs the stages and
//! never fails: an input that cannot be read becomes a document with an
//! `error` diagnostic and no projects, so a batch's output accounts for every
//! input. [`inputs`] expands files and folders into the list of inputs with
//! the names their outputs get.
//!
//! ```
//! let doc = jixiao_cli::convert_bytes("empty.txt", b"");
//! assert!(doc.has_error());
//! assert_eq!(doc.diagnostics[0].message, "the file is empty");
//! assert_eq!(doc.source.file, "empty.txt");
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod check;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use jixiao_model::{Diagnostic, Document, Format, Level, Source};
use sha2::{Digest, Sha256};

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
    let named_pdf = has_extension(Path::new(name), "pdf");
    let format = if named_pdf { Format::Pdf } else { sniff(bytes) };
    let source = Source {
        file: name.to_string(),
        format,
        sha256: sha256_hex(bytes),
        pages: None,
    };
    match format {
        Format::Text => match jixiao_layout::text::rows_from_bytes(bytes) {
            Ok(rows) => jixiao_parse::parse(rows, source),
            Err(e) => failed(source, "unreadable-text", e.to_string()),
        },
        Format::Pdf => convert_pdf(bytes, source),
    }
}

/// The rows of a PDF's pages and the diagnostics of reading them.
pub struct PdfRows {
    pub pages: u32,
    pub rows: Vec<jixiao_layout::Row>,
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
            .push(Diagnostic::new(Level::Warning, "repaired-pdf", damage.clone()));
    }
    for number in first.max(1)..=last.min(pages) {
        let at = Some(jixiao_model::Location::Page(number));
        match pdf.page(number) {
            Ok(page) => {
                out.glyphs += page.glyphs.len();
                for problem in &page.problems {
                    out.diagnostics
                        .push(Diagnostic::new(Level::Warning, "pdf-content", problem.clone()).at(at));
                }
                for limit in &page.limits {
                    out.diagnostics
                        .push(Diagnostic::new(Level::Warning, "limit", limit.clone()).at(at));
                }
                for (font, count) in &page.undecoded {
                    out.diagnostics.push(
                        Diagnostic::new(
                            Level::Warning,
                            "undecodable-font",
                            format!("font {font}: {count} glyphs have no Unicode mapping (no ToUnicode, no known encoding); shown as U+FFFD"),
                        )
                        .at(at),
                    );
                }
                out.rows.extend(jixiao_layout::pdf::page_rows(&page));
            }
            Err(e) => out
                .diagnostics
                .push(Diagnostic::new(Level::Error, "pdf-page", e.to_string()).at(at)),
        }
    }
    Ok(out)
}

fn convert_pdf(bytes: &[u8], mut source: Source) -> Document {
    if bytes.is_empty() {
        return failed(source, "unreadable-pdf", "the file is empty".to_string());
    }
    let read = match pdf_rows(bytes, 1, u32::MAX) {
        Ok(read) => read,
        Err(e) => return failed(source, "unreadable-pdf", e.to_string()),
    };
    source.pages = Some(read.pages);
    if read.glyphs == 0 {
        let mut doc = failed(
            source,
            "no-text-layer",
            "no page has a text layer; the PDF looks scanned (run OCR first)".to_string(),
        );
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
    let (sender, receiver) = mpsc::channel();
    let thread_name = name.to_string();
    let spawned = std::thread::Builder::new()
        .name(format!("convert {name}"))
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| convert_bytes(&thread_name, &bytes)));
            let _ = sender.send(result);
        });
    let fallback_source = || source_of_unread(name);
    if let Err(e) = spawned {
        return failed(
            fallback_source(),
            "internal-error",
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
                "internal-error",
                format!("internal error while converting ({what}); please report this file"),
            )
        }
        Err(_) => failed(
            fallback_source(),
            "timeout",
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
    let refuse = |message: String| Box::new(failed(source_of_unread(name), "unreadable-file", message));
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
    let mut bytes = Vec::new();
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
        "unreadable-file",
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
pub fn failed(source: Source, code: &str, message: String) -> Document {
    let mut doc = Document::new(source);
    doc.diagnostics.push(Diagnostic::new(Level::Error, code, message));
    doc
}

/// One input file and the name its output and its `source.file` get
/// (its path below the folder given on the command line, or its file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub name: String,
}

/// True when the file name ends in `.ext` (any case).
pub fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Expands files and folders (recursed, `*.pdf` and `*.txt`, sorted by
/// path) into inputs. A path that does not exist is kept, so that it is
/// reported and still gets its output.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files);
            files.sort();
            for file in files {
                let relative = file.strip_prefix(path).unwrap_or(&file);
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(Input { path: file, name });
            }
        } else {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            out.push(Input {
                path: path.clone(),
                name,
            });
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, out);
        } else if has_extension(&path, "pdf") || has_extension(&path, "txt") {
            out.push(path);
        }
    }
}

/// Where the JSON of `input` goes below `out_dir`: `<name>.json`.
pub fn output_path(out_dir: &Path, input: &Input) -> PathBuf {
    out_dir.join(format!("{}.json", input.name))
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then
/// a rename, so that an interrupted run never leaves a half-written file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".{}.tmp", std::process::id()));
    let temp = PathBuf::from(temp);
    // No temporary file is left behind, whatever fails (a full disk).
    std::fs::write(&temp, contents)
        .and_then(|()| std::fs::rename(&temp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
}
