//! The batch side of the `jixiao` command: inputs from files and folders,
//! where outputs go, atomic writes and the golden-file check. The
//! conversion itself is the [`jixiao`] library's; its entry points are
//! re-exported here for the command and its tests.
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

pub use jixiao::{
    convert, convert_bytes, convert_isolated, convert_path, convert_path_limited, convert_path_with, failed,
    has_extension, pdf_rows, read_input, sha256_hex, sniff, source_of_unread, unreadable, Options, PdfRows,
    DEFAULT_MAX_INPUT_SIZE,
};

/// One input file and the name its output and its `source.file` get
/// (its path below the folder given on the command line, or its file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub name: String,
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
