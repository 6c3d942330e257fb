//! Prints a page's glyphs and rules: `cargo run -p jixiao-pdf --example dump FILE PAGE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(page)) = (args.get(1), args.get(2).and_then(|p| p.parse().ok())) else {
        eprintln!("usage: dump FILE PAGE");
        return;
    };
    let bytes = std::fs::read(file).unwrap_or_default();
    let pdf = match jixiao_pdf::Pdf::load(&bytes) {
        Ok(pdf) => pdf,
        Err(e) => return eprintln!("{e}"),
    };
    match pdf.page(page) {
        Ok(p) => {
            println!(
                "page {} {}x{} problems {:?} undecoded {:?}",
                p.number, p.width, p.height, p.problems, p.undecoded
            );
            for r in &p.rules {
                println!("rule {:.1},{:.1} - {:.1},{:.1}", r.x0, r.y0, r.x1, r.y1);
            }
            for g in &p.glyphs {
                println!(
                    "glyph {:?} {:.1},{:.1} - {:.1},{:.1} size {:.1}",
                    g.text, g.x0, g.y0, g.x1, g.y1, g.size
                );
            }
        }
        Err(e) => eprintln!("{e}"),
    }
}
