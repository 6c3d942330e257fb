//! Differential test against poppler's `pdftotext`: on every PDF of the
//! shared corpus where pdftotext reads Chinese, jixiao's text holds the same
//! CJK characters (multiset F1 ≥ 0.95). Files known to differ are listed
//! below with the reason. On the shared corpus's interactive forms
//! (`/AcroForm`: qpdf, pdfbox, pdfium, pypdf samples) the letters and digits
//! agree too, field values included. `.ci/run` installs poppler-utils for
//! these tests.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;
use std::time::{Duration, Instant};

/// Files where the difference is understood; each with the reason.
const KNOWN: &[(&str, &str)] = &[
    (
        "pdfplumber__tests__pdfs__issue-842-example.pdf",
        "fake bold: every heading is drawn two to four times a hair apart; pdftotext keeps some copies \
         (`股票代码：` twice), jixiao counts overprinted glyphs once",
    ),
    (
        "seed.ucs2-fields.pdf",
        "half the field values are only in /V (no appearance stream) with a non-embedded CID font: \
         poppler builds their appearance with wrong CIDs (garbage ideographs), jixiao reads /V",
    ),
    (
        "district.gbk-fields.pdf",
        "as seed.ucs2-fields.pdf: /V-only fields that poppler draws as garbage ideographs",
    ),
    (
        "district.reportlab.gs.pdf",
        "Ghostscript's substitute for a non-embedded STSong-Light (UniGB-UCS2-H) has CIDs in its \
         ToUnicode map: pdftotext prints them (上 as 醱), jixiao reads the codes by their encoding \
         (pdf_matches_text checks the text)",
    ),
    ("district.ucs2-portrait.gs.pdf", "as district.reportlab.gs.pdf"),
    ("seed.reportlab.gs.pdf", "as district.reportlab.gs.pdf"),
    ("seed.ucs2-landscape.gs.pdf", "as district.reportlab.gs.pdf"),
    ("seed.ucs2-money-right.gs.pdf", "as district.reportlab.gs.pdf"),
    (
        "district.reportlab.cairo.pdf",
        "cairo's re-embedded STSong-Light maps glyphs to Kangxi radicals (目 as ⽬ U+2F6C) in its \
         ToUnicode: pdftotext prints the radicals, jixiao folds them to the ideographs \
         (pdf_matches_text checks the text)",
    ),
    ("seed.gbk-portrait.cairo.pdf", "as district.reportlab.cairo.pdf"),
    ("seed.ucs2-landscape.cairo.pdf", "as district.reportlab.cairo.pdf"),
    (
        "cost.mupdf.pdf",
        "MuPDF's ToUnicode maps some glyphs to CJK compatibility ideographs (老 as U+F934, 年 as \
         U+F98E): pdftotext prints them, jixiao folds them to the unified ideographs; this form \
         has more of them than seed.mupdf.pdf (pdf_matches_text checks the text)",
    ),
    (
        "district.wkhtmltopdf-serif.pdf",
        "Qt's PDF engine writes Kangxi radicals for Noto Serif CJK's ideographs (门 as ⻔) in its \
         ToUnicode, as cairo does: pdftotext prints them, jixiao folds them (pdf_matches_text)",
    ),
    (
        "seed.weasyprint.no-tounicode.pdf",
        "no ToUnicode over an Identity-H TrueType subset: pdftotext prints the glyph numbers as \
         characters (garbage), jixiao reads the program's own cmap table (pdf_matches_text)",
    ),
    (
        "cost.weasyprint.no-tounicode.pdf",
        "as seed.weasyprint.no-tounicode.pdf",
    ),
    ("seed.itext.no-tounicode.pdf", "as seed.weasyprint.no-tounicode.pdf"),
    (
        "seed.mupdf.no-tounicode.pdf",
        "no ToUnicode and MuPDF's subset has no cmap table: the text is lost to both; jixiao reports \
         it (undecodable-font, golden file)",
    ),
];

/// Form files where the difference is understood.
const KNOWN_FORMS: &[(&str, &str)] = &[(
    "pdfium__testing__resources__listbox_form.pdf",
    "list boxes without appearance streams: jixiao shows every option of each list, pdftotext a \
     subset",
)];

/// Least agreement on the letters and digits of one form file, and on
/// average over all of them.
const MIN_FORM_F1: f64 = 0.95;
const MIN_FORM_MEAN_F1: f64 = 0.98;

const MIN_CJK: usize = 20;
const MIN_F1: f64 = 0.95;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn multiset(text: &str) -> HashMap<char, usize> {
    multiset_of(text, is_cjk)
}

fn multiset_of(text: &str, keep: fn(char) -> bool) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in text.chars().filter(|c| keep(*c)) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

fn f1(a: &HashMap<char, usize>, b: &HashMap<char, usize>) -> f64 {
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    let common: usize = a.iter().map(|(c, n)| (*n).min(b.get(c).copied().unwrap_or(0))).sum();
    if na + nb == 0 {
        1.0
    } else {
        2.0 * common as f64 / (na + nb) as f64
    }
}

/// pdftotext's text, or None when it fails or takes longer than 20 s.
fn pdftotext(path: &Path) -> Option<String> {
    let mut child = Command::new("pdftotext")
        .args(["-q", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take()?;
    let reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() < Duration::from_secs(20) => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
    reader.join().ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            pdfs(&path, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
            out.push(path);
        }
    }
}

/// jixiao's text of a PDF: every cell of every row.
fn jixiao_text(file: &Path) -> String {
    let bytes = std::fs::read(file).expect("readable");
    match jixiao_cli::pdf_rows(&bytes, 1, u32::MAX) {
        Ok(read) => read
            .rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        Err(_) => String::new(),
    }
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn form_field_text_agrees_with_pdftotext() {
    assert!(
        Command::new("pdftotext").arg("-v").output().is_ok(),
        "pdftotext is missing: install poppler-utils (.ci/run does)"
    );
    let Some(root) = common::shared_corpora().map(|s| s.join("robustness")) else {
        return;
    };
    let mut files = Vec::new();
    pdfs(&root, &mut files);
    files.sort();
    let mut scores = Vec::new();
    let mut below = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("readable");
        if !bytes.windows(9).any(|w| w == b"/AcroForm") {
            continue;
        }
        let Some(reference) = pdftotext(file) else { continue };
        let want = multiset_of(&reference, char::is_alphanumeric);
        if want.values().sum::<usize>() < MIN_CJK {
            continue;
        }
        let score = f1(&multiset_of(&jixiao_text(file), char::is_alphanumeric), &want);
        let name = file_name(file);
        eprintln!("{score:.4} {name}");
        if KNOWN_FORMS.iter().any(|(k, _)| *k == name) {
            continue;
        }
        scores.push(score);
        if score < MIN_FORM_F1 {
            below.push(format!("{name}: F1 {score:.4}"));
        }
    }
    assert!(scores.len() >= 50, "only {} form files were compared", scores.len());
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!(
        mean >= MIN_FORM_MEAN_F1,
        "mean F1 {mean:.4} over {} form files",
        scores.len()
    );
    assert!(
        below.is_empty(),
        "form text disagrees with pdftotext:\n{}",
        below.join("\n")
    );
}

#[test]
fn chinese_text_agrees_with_pdftotext() {
    assert!(
        Command::new("pdftotext").arg("-v").output().is_ok(),
        "pdftotext is missing: install poppler-utils (.ci/run does)"
    );
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files = Vec::new();
    if let Some(root) = common::shared_corpora() {
        pdfs(&root, &mut files);
    }
    pdfs(&corpus, &mut files);
    files.sort();
    let mut compared = 0;
    let mut below = Vec::new();
    for file in &files {
        let Some(reference) = pdftotext(file) else { continue };
        let want = multiset(&reference);
        if want.values().sum::<usize>() < MIN_CJK {
            continue;
        }
        let score = f1(&multiset(&jixiao_text(file)), &want);
        compared += 1;
        let name = file_name(file);
        let known = KNOWN.iter().any(|(k, _)| *k == name);
        eprintln!("{score:.4} {name}");
        if score < MIN_F1 && !known {
            below.push(format!("{name}: F1 {score:.4}"));
        }
    }
    assert!(compared >= 10, "only {compared} files with Chinese text were compared");
    assert!(
        below.is_empty(),
        "CJK text disagrees with pdftotext:\n{}",
        below.join("\n")
    );
}
