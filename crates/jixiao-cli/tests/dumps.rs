//! Text dumps of the corpus PDFs (and of their saves by cairo, Ghostscript
//! and qpdf) by the extractors people use
//! (corpus/dumps/, made by corpus/dumps/make-dumps.py: `pdftotext -layout`,
//! `pdftotext`, pdfplumber, PyMuPDF) read like the PDF they came from.
//!
//! Each dump's title and projects are compared field by field with its PDF's golden
//! file (spans and pages left out), whitespace-blind (as the dumps' own spacing is the extractor's),
//! and with poppler's full-width forms of GBK single bytes read as ASCII
//! (poppler maps the CIDs of `GBK-EUC-H` bytes 0x21–0x7E to U+FF01–U+FF5E).
//! The share of equal fields may not fall below the floor recorded for the
//! dump in corpus/dumps/FLOORS.tsv (a ratchet: raise a floor when a change
//! reads a dump better; 1 means exact). A dump without a floor fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// Leaf fields of the title and projects (spans left out), by JSON path.
fn leaves(value: &Value, path: String, out: &mut BTreeMap<String, Option<String>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                // Where a value stands differs by input kind.
                if k != "span" && k != "page" {
                    leaves(v, format!("{path}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}/{i}"), out);
            }
        }
        Value::Null => {
            out.insert(path, None);
        }
        Value::String(s) => {
            out.insert(path, Some(normalise(s)));
        }
        other => {
            out.insert(path, Some(other.to_string()));
        }
    }
}

fn fields(doc: &Value) -> BTreeMap<String, Option<String>> {
    let mut out = BTreeMap::new();
    leaves(&doc["title"], "/title".to_string(), &mut out);
    leaves(&doc["projects"], String::new(), &mut out);
    out
}

/// The golden file of corpus PDF `pdf`: in golden/pdf/, or in the folder
/// of the producer that rewrote it (golden/pdf/cairo/ …).
fn golden_of(pdf: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden/pdf");
    let file = format!("{pdf}.json");
    std::iter::once(root.join(&file))
        .chain(
            std::fs::read_dir(&root)
                .expect("golden/pdf")
                .flatten()
                .map(|e| e.path().join(&file)),
        )
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("no golden file for {pdf}"))
}

/// Floors are written with three decimals.
const FLOOR_ROUNDING: f64 = 0.0005;

#[test]
fn dumps_read_like_their_pdf() {
    let floors: BTreeMap<String, f64> = std::fs::read_to_string(corpus().join("dumps/FLOORS.tsv"))
        .expect("FLOORS.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (name, floor) = l.split_once('\t').expect("two columns");
            (name.to_string(), floor.trim().parse().expect("a number"))
        })
        .collect();
    let mut dumps: Vec<PathBuf> = std::fs::read_dir(corpus().join("dumps"))
        .expect("corpus/dumps")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    dumps.sort();
    assert!(dumps.len() >= 40, "only {} dumps", dumps.len());
    let mut failures = Vec::new();
    let mut total = 0.0;
    for dump in &dumps {
        let name = dump.file_name().unwrap().to_string_lossy().into_owned();
        let pdf = name.split(".pdf.").next().unwrap().to_string() + ".pdf";
        let golden: Value = serde_json::from_str(&std::fs::read_to_string(golden_of(&pdf)).unwrap()).unwrap();
        let doc = serde_json::to_value(jixiao_cli::convert_path(&name, dump)).unwrap();
        let (want, got) = (fields(&golden), fields(&doc));
        let equal = want.iter().filter(|(k, v)| got.get(*k) == Some(v)).count();
        let score = equal as f64 / want.len().max(1) as f64;
        total += score;
        eprintln!("{score:.3} {name}");
        match floors.get(&name) {
            Some(floor) if score + FLOOR_ROUNDING >= *floor => {}
            Some(floor) => failures.push(format!("{name}: {score:.3} < floor {floor:.3}")),
            None => failures.push(format!("{name}: {score:.3}, no floor in FLOORS.tsv")),
        }
    }
    eprintln!("mean {:.3} over {} dumps", total / dumps.len() as f64, dumps.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
