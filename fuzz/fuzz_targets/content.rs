//! The content-stream lexer on arbitrary bytes: never a panic, always an
//! end, every operand decodable.
//! Seed it with content streams: `cargo fuzz run content`.
#![no_main]
use jixiao_pdf::content::Lexer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut lexer = Lexer::new(data);
    let mut bytes = Vec::new();
    let mut operations = 0usize;
    while let Some(Ok(operation)) = lexer.next_operation() {
        operations += 1;
        assert!(operations <= data.len(), "an operation consumes at least a byte");
        for operand in operation.operands {
            let _ = operand.name();
            let _ = operand.number();
            bytes.clear();
            operand.string_into(&mut bytes);
        }
    }
});
