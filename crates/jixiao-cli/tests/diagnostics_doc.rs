//! docs/diagnostics.md lists every diagnostic code: each variant of
//! `jixiao_model::Code` has its row there (code, level, meaning, example),
//! and every code found in the golden outputs is one of them.

use std::path::Path;

use jixiao_model::Code;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn every_code_has_a_row() {
    let doc = std::fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md");
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !doc.lines().any(|l| l.starts_with(&format!("| `{c}` |"))))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a row in docs/diagnostics.md: {missing:?}"
    );
    // And no row for a code that does not exist.
    let stale: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .filter(|c| c.parse::<Code>().is_err())
        .collect();
    assert!(stale.is_empty(), "rows for codes that do not exist: {stale:?}");
}

#[test]
fn codes_round_trip_and_are_kebab_case() {
    for code in Code::ALL {
        let text = code.as_str();
        assert!(text.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{text}");
        assert_eq!(text.parse::<Code>(), Ok(*code));
        assert_eq!(serde_json::to_string(code).expect("serialises"), format!("\"{text}\""));
    }
    assert!("repeated-label".parse::<Code>().is_err());
}

fn codes_in(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(serde_json::Value::String(code)), Some(_)) = (map.get("code"), map.get("level")) {
                out.insert(code.clone());
            }
            map.values().for_each(|v| codes_in(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| codes_in(v, out)),
        _ => {}
    }
}

#[test]
fn every_code_in_the_golden_outputs_is_documented() {
    let mut found = std::collections::BTreeSet::new();
    let mut stack = vec![root().join("golden")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("golden folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).expect("readable");
                codes_in(&serde_json::from_str(&text).expect("JSON"), &mut found);
            }
        }
    }
    assert!(found.len() >= 5, "{found:?}");
    let unknown: Vec<&String> = found.iter().filter(|c| c.parse::<Code>().is_err()).collect();
    assert!(
        unknown.is_empty(),
        "codes in golden files that are not a Code: {unknown:?}"
    );
}
