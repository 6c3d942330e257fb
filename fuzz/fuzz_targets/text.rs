//! Text decoding and the parser on arbitrary bytes: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = jixiao_cli::convert_bytes("fuzz.txt", data);
});
