//! Nothing crashes, hangs or goes missing: the whole shared corpus of real
//! PDFs (other projects' test suites: malformed, encrypted, odd fonts,
//! huge objects; Shanghai budgets) in one `convert` run, and mutated PDFs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use proptest::prelude::*;

mod common;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
        {
            out.push(path);
        }
    }
}

#[test]
fn the_shared_corpus_converts_in_one_run() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let out = std::env::temp_dir().join(format!("jixiao-robustness-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let result = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args([
            "convert",
            corpora.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
            "--timeout",
            "60",
        ])
        .output()
        .expect("jixiao runs");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        matches!(result.status.code(), Some(0 | 1)),
        "exit {:?}\n{stderr}",
        result.status
    );
    let mut inputs = Vec::new();
    walk(&corpora, &mut inputs);
    assert!(inputs.len() >= 1500, "{} inputs", inputs.len());
    let mut bad = Vec::new();
    for input in &inputs {
        let rel = input.strip_prefix(&corpora).expect("below corpora");
        let json_path = out.join(format!("{}.json", rel.display()));
        let Ok(text) = std::fs::read_to_string(&json_path) else {
            bad.push(format!("{}: no output", rel.display()));
            continue;
        };
        let doc: serde_json::Value = match serde_json::from_str(&text) {
            Ok(doc) => doc,
            Err(e) => {
                bad.push(format!("{}: output is not JSON: {e}", rel.display()));
                continue;
            }
        };
        for d in doc["diagnostics"].as_array().into_iter().flatten() {
            let code = d["code"].as_str().unwrap_or_default();
            if code == "internal-error" || code == "timeout" {
                bad.push(format!("{}: {}", rel.display(), d["message"]));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(bad.is_empty(), "{} inputs went wrong:\n{}", bad.len(), bad.join("\n"));
}

fn corpus_pdfs() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let mut files = Vec::new();
    walk(&root, &mut files);
    if let Some(cn) = common::shared_corpora().map(|s| s.join("cn-gov")) {
        let mut more = Vec::new();
        walk(&cn, &mut more);
        more.sort();
        files.extend(more.into_iter().take(3));
    }
    files.sort();
    files.iter().map(|f| std::fs::read(f).expect("readable")).collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(f64),
    FlipBits(Vec<(f64, u8)>),
    DeleteObject(f64),
    DuplicateRange(f64, f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0f64..1.0).prop_map(Mutation::Truncate),
        proptest::collection::vec((0.0f64..1.0, 0u8..8), 1..24).prop_map(Mutation::FlipBits),
        (0.0f64..1.0).prop_map(Mutation::DeleteObject),
        (0.0f64..1.0, 0.0f64..0.2).prop_map(|(a, b)| Mutation::DuplicateRange(a, b)),
    ]
}

fn apply(bytes: &[u8], m: &Mutation) -> Vec<u8> {
    let at = |f: f64| ((bytes.len() as f64 * f) as usize).min(bytes.len());
    match m {
        Mutation::Truncate(f) => bytes[..at(*f)].to_vec(),
        Mutation::FlipBits(flips) => {
            let mut out = bytes.to_vec();
            for (f, bit) in flips {
                let i = at(*f).min(out.len().saturating_sub(1));
                if let Some(b) = out.get_mut(i) {
                    *b ^= 1 << bit;
                }
            }
            out
        }
        Mutation::DeleteObject(f) => {
            // Remove the object whose `obj` keyword follows the chosen offset.
            let start = at(*f);
            let text = &bytes[start..];
            let find = |needle: &[u8], hay: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
            match (find(b" obj", text), find(b"endobj", text)) {
                (Some(a), Some(b)) if a < b => [&bytes[..start + a], &bytes[start + b + 6..]].concat(),
                _ => bytes.to_vec(),
            }
        }
        Mutation::DuplicateRange(a, len) => {
            let s = at(*a);
            let e = at((*a + *len).min(1.0)).max(s);
            [&bytes[..e], &bytes[s..e], &bytes[e..]].concat()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Truncated, bit-flipped, object-deleted and spliced PDFs give a
    /// document (with diagnostics), never a panic or a hang.
    #[test]
    fn mutated_pdfs_never_crash(index in 0usize..64, m in mutation()) {
        let pdfs = corpus_pdfs();
        let original = &pdfs[index % pdfs.len()];
        let mutated = apply(original, &m);
        let doc = jixiao_cli::convert_isolated("mutated.pdf", mutated, Duration::from_secs(60));
        for d in &doc.diagnostics {
            prop_assert!(d.code != "internal-error" && d.code != "timeout", "{:?}: {}", m, d.message);
        }
    }
}
