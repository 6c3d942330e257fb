//! Converts one file and prints its JSON:
//! `cargo run -p jixiao --example convert FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        return eprintln!("usage: convert FILE");
    };
    let path = std::path::Path::new(&path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let doc = jixiao::convert_path_with(&name, path, &jixiao::Options::default());
    match jixiao::json::to_string(&doc) {
        Ok(json) => print!("{json}"),
        Err(e) => eprintln!("{e}"),
    }
}
