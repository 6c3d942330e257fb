//! Inputs for the stage benchmarks (`cargo bench -p jixiao-benches`): the
//! bundled corpus files, read once.

use std::path::{Path, PathBuf};

/// The repository's `corpus/` folder.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// Bytes of a corpus file.
pub fn read(relative: &str) -> Vec<u8> {
    std::fs::read(corpus().join(relative)).unwrap_or_default()
}
