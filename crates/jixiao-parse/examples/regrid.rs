//! Prints the rows of a text dump after regridding (debugging aid):
//! `cargo run -p jixiao-parse --example regrid DUMP.txt`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: regrid DUMP.txt");
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("{path}: cannot read");
        return;
    };
    let Ok(rows) = jixiao_layout::text::rows_from_bytes(&bytes) else {
        eprintln!("{path}: not a text dump");
        return;
    };
    for row in jixiao_parse::regridded_rows(rows) {
        let mark = if row.ruled { "R " } else { "" };
        println!("{:?}\t{mark}{}", row.loc, row.cells.join(" | ").replace('\n', "/"));
    }
}
