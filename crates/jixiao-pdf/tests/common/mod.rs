//! What the differential tests share: the PDFs below a folder, and the
//! shared corpus (required under CI, skipped elsewhere when absent).

use std::path::{Path, PathBuf};

/// The PDFs below `dir`, sorted by path.
pub fn pdfs_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(dir, &mut out);
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            out.push(path);
        }
    }
}

/// `../shared/corpora` beside the repository; `None` (the test skips)
/// when it is absent, which CI does not allow.
pub fn shared_corpora() -> Option<PathBuf> {
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
    if corpora.is_dir() {
        return Some(corpora);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {} is missing",
        corpora.display()
    );
    eprintln!("skipped: {} is absent", corpora.display());
    None
}
