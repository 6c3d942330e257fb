//! jixiao's object reader on arbitrary bytes: never a panic, always an
//! end; what it takes as plain has a trailer with a catalog reference.
//! Seed it with PDFs: `cargo fuzz run objects ../corpus/pdf`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(doc) = jixiao_pdf::objects::load(data) {
        assert!(doc.trailer.get(b"Root").is_ok(), "a plain file has /Root");
    }
});
