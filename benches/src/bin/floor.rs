//! The physical floor of converting PDFs: read each file and inflate every
//! Flate stream, nothing else. `cargo run --release -p jixiao-benches --bin
//! floor -- FILE_OR_DIR...` prints the CPU time; `benches/floor.sh` puts it
//! beside `jixiao convert -j 1` over the same files.

use std::io::Read;
use std::path::{Path, PathBuf};

fn pdfs(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            pdfs(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        out.push(path.to_path_buf());
    }
}

/// Inflates every `stream … endstream` body that zlib accepts; returns the
/// bytes produced.
fn inflate_all(bytes: &[u8]) -> usize {
    let mut produced = 0;
    let mut at = 0;
    let mut out = Vec::new();
    while let Some(found) = find(&bytes[at..], b"stream") {
        let mut start = at + found + b"stream".len();
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let Some(end) = find(&bytes[start..], b"endstream") else {
            break;
        };
        let body = &bytes[start..start + end];
        out.clear();
        if flate2::read::ZlibDecoder::new(body).read_to_end(&mut out).is_ok() {
            produced += out.len();
        }
        at = start + end + b"endstream".len();
    }
    produced
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        pdfs(Path::new(&arg), &mut files);
    }
    let started = std::time::Instant::now();
    let mut read = 0usize;
    let mut inflated = 0usize;
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        read += bytes.len();
        inflated += inflate_all(&bytes);
    }
    println!(
        "{} PDFs, {read} bytes read, {inflated} bytes inflated in {:.3} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}
