//! docs/diagnostics.md lists every diagnostic code the code base can emit:
//! each string literal passed as a code (to `Diagnostic::new`, `failed`,
//! the parser's helpers and the worker pool) must have its row there.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_code_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc = std::fs::read_to_string(root.join("docs/diagnostics.md")).unwrap();
    let mut files = Vec::new();
    for krate in [
        "jixiao-model",
        "jixiao-pdf",
        "jixiao-layout",
        "jixiao-parse",
        "jixiao-emit",
        "jixiao-cli",
    ] {
        sources(&root.join("crates").join(krate).join("src"), &mut files);
    }
    // A code literal: the kebab-case string right after a Level, or the
    // code argument of `failed(…)`, `replace(…)` and the parser's `at(…)`.
    let pattern = regex::Regex::new(
        r#"(?:Level::(?:Error|Warning|Info),\s*|failed\([^;]*?,\s*|replace\(\s*input,\s*|^\s*)"([a-z]+(?:-[a-z]+)+)""#,
    )
    .unwrap();
    let mut found = std::collections::BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            for caps in pattern.captures_iter(line) {
                found.insert(caps[1].to_string());
            }
        }
    }
    for code in ["timeout", "crashed", "limit"] {
        found.insert(code.to_string());
    }
    // Words that are not codes (fragment kinds, date formats, CLI flags).
    let not_codes = [
        "page-number",
        "repeated-label",
        "yyyy-mm-dd",
        "no-repeat",
        "money-right",
    ];
    let missing: Vec<&String> = found
        .iter()
        .filter(|c| !not_codes.contains(&c.as_str()) && !doc.contains(&format!("`{c}`")))
        .collect();
    assert!(found.len() >= 25, "only {} codes found: {found:?}", found.len());
    assert!(
        missing.is_empty(),
        "codes missing from docs/diagnostics.md: {missing:?}"
    );
}
