//! Golden regression checks: convert a corpus and compare every field with
//! the golden JSON files (`<golden>/<input name>.json`).
//!
//! A difference is reported as a path into the document and both values
//! (`seed.txt.json: projects[2].indicators[5].target.value: 13 ≠ 14`). An
//! input without a golden file and a golden file without an input are
//! failures too, so the golden set can neither fall behind nor rot.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{convert_path, inputs, Input};

/// One finding of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A field whose value differs: the golden file, the path, golden and actual.
    Differs {
        file: String,
        path: String,
        golden: String,
        actual: String,
    },
    /// An input whose golden file does not exist.
    Missing { file: String },
    /// A golden file with no input.
    Orphaned { file: String },
    /// A golden file that cannot be read or parsed.
    Unreadable { file: String, reason: String },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Differs {
                file,
                path,
                golden,
                actual,
            } => write!(f, "{file}: {path}: {golden} ≠ {actual}"),
            Finding::Missing { file } => write!(f, "{file}: no golden file (run with --bless to create it)"),
            Finding::Orphaned { file } => write!(f, "{file}: golden file without an input in the corpus"),
            Finding::Unreadable { file, reason } => write!(f, "{file}: {reason}"),
        }
    }
}

/// The outcome of a check.
#[derive(Debug, Default)]
pub struct Report {
    pub inputs: usize,
    pub findings: Vec<Finding>,
    /// Golden files written (with `bless`).
    pub blessed: Vec<PathBuf>,
}

/// Converts every input below `corpus` and compares it with `golden`; with
/// `bless`, writes the golden files instead (and removes orphaned ones).
pub fn check(corpus: &Path, golden: &Path, bless: bool) -> std::io::Result<Report> {
    let inputs = inputs(&[corpus.to_path_buf()]);
    let mut report = Report {
        inputs: inputs.len(),
        ..Report::default()
    };
    let mut expected = std::collections::BTreeSet::new();
    for input in &inputs {
        let name = format!("{}.json", input.name);
        expected.insert(name.clone());
        let path = golden.join(&name);
        let actual = actual_json(input)?;
        if bless {
            crate::write_atomic(&path, actual.as_bytes())?;
            report.blessed.push(path);
            continue;
        }
        match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                report.findings.push(Finding::Missing { file: name });
            }
            Err(e) => report.findings.push(Finding::Unreadable {
                file: name,
                reason: e.to_string(),
            }),
            Ok(text) => compare_texts(&name, &text, &actual, &mut report.findings),
        }
    }
    for file in golden_files(golden) {
        if !expected.contains(&file) {
            if bless {
                std::fs::remove_file(golden.join(&file))?;
            } else {
                report.findings.push(Finding::Orphaned { file });
            }
        }
    }
    Ok(report)
}

fn actual_json(input: &Input) -> std::io::Result<String> {
    let doc = convert_path(&input.name, &input.path);
    jixiao_emit::json::to_string(&doc).map_err(|e| std::io::Error::other(e.to_string()))
}

/// Compares two JSON texts field by field, pushing a finding per difference.
pub fn compare_texts(file: &str, golden: &str, actual: &str, out: &mut Vec<Finding>) {
    let parsed = |text: &str| serde_json::from_str::<Value>(text);
    match (parsed(golden), parsed(actual)) {
        (Ok(g), Ok(a)) => compare_values(file, "", &g, &a, out),
        (Err(e), _) => out.push(Finding::Unreadable {
            file: file.to_string(),
            reason: format!("not JSON: {e}"),
        }),
        (_, Err(e)) => out.push(Finding::Unreadable {
            file: file.to_string(),
            reason: format!("output not JSON: {e}"),
        }),
    }
}

fn compare_values(file: &str, path: &str, golden: &Value, actual: &Value, out: &mut Vec<Finding>) {
    match (golden, actual) {
        (Value::Object(g), Value::Object(a)) => {
            for (key, gv) in g {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                compare_values(file, &sub, gv, a.get(key).unwrap_or(&Value::Null), out);
            }
            for (key, av) in a {
                if !g.contains_key(key) {
                    let sub = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    compare_values(file, &sub, &Value::Null, av, out);
                }
            }
        }
        (Value::Array(g), Value::Array(a)) => {
            for i in 0..g.len().max(a.len()) {
                let sub = format!("{path}[{i}]");
                compare_values(
                    file,
                    &sub,
                    g.get(i).unwrap_or(&Value::Null),
                    a.get(i).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (g, a) if numbers_equal(g, a) => {}
        (g, a) => out.push(Finding::Differs {
            file: file.to_string(),
            path: path.to_string(),
            golden: show(g),
            actual: show(a),
        }),
    }
}

fn numbers_equal(g: &Value, a: &Value) -> bool {
    match (g.as_f64(), a.as_f64()) {
        (Some(x), Some(y)) if g.is_number() && a.is_number() => x == y,
        _ => g == a,
    }
}

fn show(value: &Value) -> String {
    match value {
        // `13`, not `13.0`: amounts and targets read as printed.
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e15) => {
            format!("{}", n.as_f64().unwrap_or_default() as i64)
        }
        Value::Object(_) | Value::Array(_) => {
            let text = value.to_string();
            if text.chars().count() > 80 {
                format!("{}…", text.chars().take(80).collect::<String>())
            } else {
                text
            }
        }
        other => other.to_string(),
    }
}

/// The `*.json` files below `golden`, as paths relative to it.
fn golden_files(golden: &Path) -> Vec<String> {
    let mut out = Vec::new();
    collect(golden, golden, &mut out);
    out.sort();
    out
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if crate::has_extension(&path, "json") {
            if let Ok(rel) = path.strip_prefix(root) {
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_named_by_path() {
        let golden = r#"{"projects":[{"indicators":[{"target":{"value":13.0}}]}],"title":"a"}"#;
        let actual = r#"{"projects":[{"indicators":[{"target":{"value":14.0}}]}],"title":"a","extra":1}"#;
        let mut out = Vec::new();
        compare_texts("seed.txt.json", golden, actual, &mut out);
        let shown: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "seed.txt.json: projects[0].indicators[0].target.value: 13 ≠ 14".to_string(),
                "seed.txt.json: extra: null ≠ 1".to_string(),
            ]
        );
    }
}
