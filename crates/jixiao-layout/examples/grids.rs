//! Prints the table grids of a PDF page: `cargo run -p jixiao-layout --example grids FILE PAGE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(page)) = (args.get(1), args.get(2).and_then(|p| p.parse().ok())) else {
        return eprintln!("usage: grids FILE PAGE");
    };
    let bytes = std::fs::read(file).unwrap_or_default();
    match jixiao_pdf::Pdf::load(&bytes).and_then(|pdf| pdf.page(page)) {
        Ok(p) => print!("{}", jixiao_layout::pdf::describe_grids(&p)),
        Err(e) => eprintln!("{e}"),
    }
}
