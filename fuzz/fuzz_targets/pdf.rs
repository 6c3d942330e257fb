//! The PDF interpreter and layout on arbitrary bytes: never a panic.
//! Seed it with real PDFs: `cargo fuzz run pdf fuzz/corpus/pdf ../corpus/pdf`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"%PDF") {
        let _ = jixiao_cli::convert_bytes("fuzz.pdf", data);
    } else {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend_from_slice(data);
        let _ = jixiao_cli::convert_bytes("fuzz.pdf", &bytes);
    }
});
