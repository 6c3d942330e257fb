//! Golden files: every input in `corpus/` has its JSON in `golden/`,
//! compared whole, field by field (through `jixiao check`'s library), and the
//! CSV tables of the whole corpus are compared byte for byte.
//!
//! Rewrite them only on purpose: `JIXIAO_BLESS=1 cargo test --test golden`.
//! Blessing is refused under CI.

use std::path::{Path, PathBuf};

use jixiao_cli::{check, convert_path, inputs};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bless() -> bool {
    let asked = std::env::var("JIXIAO_BLESS").is_ok_and(|v| v == "1");
    assert!(
        !(asked && std::env::var("CI").is_ok()),
        "JIXIAO_BLESS is not allowed under CI"
    );
    asked
}

#[test]
fn corpus_matches_golden_json() {
    let root = root();
    let report =
        check::check(&root.join("corpus"), &root.join("golden"), bless()).expect("corpus and golden are readable");
    assert!(report.inputs > 0, "the corpus is empty");
    let findings: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
    assert!(
        findings.is_empty(),
        "{} differences:\n{}",
        findings.len(),
        findings.join("\n")
    );
}

#[test]
fn corpus_matches_golden_csv() {
    let root = root();
    let mut tables = jixiao_emit::table::Tables::new();
    for input in inputs(&[root.join("corpus")]) {
        tables.add(&convert_path(&input.name, &input.path));
    }
    let (projects, indicators, _) =
        jixiao_emit::csv::to_strings(&tables, jixiao_emit::csv::Flavour::default()).expect("CSV encodes");
    let dir = root.join("golden/csv");
    for (name, actual) in [("projects.csv", projects), ("indicators.csv", indicators)] {
        let path = dir.join(name);
        if bless() {
            jixiao_cli::write_atomic(&path, actual.as_bytes()).expect("golden CSV is writable");
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if golden != actual {
            let line = golden.lines().zip(actual.lines()).position(|(g, a)| g != a);
            panic!(
                "{name} differs from {} (first differing line: {:?}; golden {} lines, actual {})",
                path.display(),
                line.map(|l| l + 1),
                golden.lines().count(),
                actual.lines().count()
            );
        }
    }
}

#[test]
fn an_altered_golden_value_is_caught_by_name() {
    let root = root();
    let golden =
        std::fs::read_to_string(root.join("golden/000_9700642081d75d3a.txt.json")).expect("seed golden exists");
    let altered = golden.replacen("\"value\": 13.0", "\"value\": 14.0", 1);
    assert_ne!(golden, altered, "the seed golden holds a target of 13");
    let mut findings = Vec::new();
    check::compare_texts("seed.json", &altered, &golden, &mut findings);
    let shown: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec!["seed.json: projects[2].indicators[1].target.value: 14 ≠ 13".to_string()]
    );
}
