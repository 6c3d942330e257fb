//! Hostile inputs, kept as regression tests: crashers found by the fuzz
//! targets (`fuzz/`, inputs under `tests/fuzz/`) and hand-made PDFs that
//! aim at the interpreter's limits (self-drawing forms, `/Parent` cycles,
//! deep `q` nesting, huge ranges). Each must give a document, quickly.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{pdf, stream};

fn assert_survives(name: &str, bytes: Vec<u8>) {
    let doc = jixiao_cli::convert_isolated(name, bytes, Duration::from_secs(30));
    for d in &doc.diagnostics {
        assert!(
            d.code != "internal-error" && d.code != "timeout",
            "{name}: {}",
            d.message
        );
    }
}

#[test]
fn a_form_that_draws_itself() {
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>".into(),
        stream("", "/X Do"),
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>", "0 0 m 5 5 l S /X Do"),
    ]);
    assert_survives("self-form.pdf", bytes);
}

#[test]
fn a_page_tree_with_a_parent_cycle() {
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>".into(),
        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".into(),
        stream("", "BT ET"),
    ]);
    assert_survives("parent-cycle.pdf", bytes);
}

#[test]
fn deep_nesting_and_huge_operands() {
    let content = format!(
        "{}{}BT 1e38 0 0 1e38 0 0 Tm (x) Tj ET 99999999 99999999 99999999 99999999 re f",
        "q ".repeat(100_000),
        "Q ".repeat(100_001)
    );
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".into(),
        stream("", &content),
    ]);
    assert_survives("deep.pdf", bytes);
}

#[test]
fn a_font_with_a_hostile_to_unicode_map() {
    let cmap =
        "1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange 1 beginbfrange <0000> <FFFF> [<0041>] endbfrange";
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>".into(),
        stream("", "BT /F 12 Tf 10 10 Td <00010002> Tj ET"),
        "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>".into(),
        stream("", cmap),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /W [1 [500 500] 0 4294967295 1] /DW -5 >>".into(),
    ]);
    assert_survives("hostile-cmap.pdf", bytes);
}

#[test]
fn kept_fuzz_crashers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz exists").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert_survives(&name, bytes);
        count += 1;
    }
    assert!(count > 0, "the kept inputs are in tests/fuzz/");
}

/// A limit that cuts a page's content says so (`limit`, with the page):
/// nested graphics states, an endless path, more ruling lines than kept.
#[test]
fn limits_that_cut_content_are_reported() {
    let rules: String = (0..20_100).map(|i| format!("0 {} 100 0.5 re f ", i % 700)).collect();
    let path: String = std::iter::once("0 0 m ".to_string())
        .chain((0..100_050).map(|i| format!("{} {} l ", i % 97, i % 89)))
        .chain(std::iter::once("S ".to_string()))
        .collect();
    let content = format!("{}{rules}{path}", "q ".repeat(300));
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 800 800] /Contents 4 0 R >>".into(),
        stream("", &content),
    ]);
    let doc = jixiao_cli::convert_bytes("limits.pdf", &bytes);
    let limits: Vec<&str> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "limit" && d.page == Some(1))
        .map(|d| d.message.as_str())
        .collect();
    for words in [
        "graphics states nested over 256",
        "path of over 100000 segments",
        "more than 20000 ruling lines",
    ] {
        assert!(
            limits.iter().any(|m| m.contains(words)),
            "no limit saying `{words}`: {limits:?}"
        );
    }
}
