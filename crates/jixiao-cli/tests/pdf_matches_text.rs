//! Every generated PDF of the corpus reads exactly like the text input it
//! was made from (corpus/pdf/MATCHES.tsv): same title, same projects field
//! by field, no warning the text does not have. A third column
//! `collapse-spaces` marks a producer that prints runs of spaces as one
//! (ReportLab's paragraphs): both sides are compared with runs collapsed;
//! `drop-spaces` one that drops the spaces where it wraps a line (fpdf2):
//! goals are compared without spaces.
//! A reference ending in `.json` is a document itself
//! (`corpus/pdf/stress/stress.json`, rendered by Chromium and LibreOffice).

use std::path::{Path, PathBuf};

use jixiao_cli::convert_path;
use jixiao_model::{Document, Level, Project, Span};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn collapse(text: &mut Option<String>) {
    if let Some(t) = text {
        while t.contains("  ") {
            *t = t.replace("  ", " ");
        }
    }
}

fn drop_spaces(text: &mut Option<String>) {
    if let Some(t) = text {
        t.retain(|c| c != ' ');
    }
}

/// How a producer prints the spaces of a goal.
#[derive(Clone, Copy, PartialEq)]
enum Spaces {
    Kept,
    Collapsed,
    DroppedAtWraps,
}

fn projects(doc: &Document, spaces: Spaces) -> Vec<Project> {
    doc.projects
        .iter()
        .cloned()
        .map(|mut p| {
            p.span = Span::Lines([0, 0]);
            for indicator in &mut p.indicators {
                indicator.page = None;
            }
            match spaces {
                Spaces::Kept => {}
                Spaces::Collapsed => {
                    collapse(&mut p.goal_project);
                    collapse(&mut p.goal_annual);
                }
                Spaces::DroppedAtWraps => {
                    drop_spaces(&mut p.goal_project);
                    drop_spaces(&mut p.goal_annual);
                }
            }
            p
        })
        .collect()
}

fn warnings(doc: &Document) -> Vec<(String, String)> {
    doc.diagnostics
        .iter()
        .filter(|d| d.level != Level::Info)
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect()
}

/// Takes the warnings of `code` whose message holds `text`; true when
/// there were any.
fn take(warnings: &mut Vec<(String, String)>, code: &str, text: &str) -> bool {
    let before = warnings.len();
    warnings.retain(|(c, message)| !(c == code && message.contains(text)));
    warnings.len() < before
}

#[test]
fn generated_pdfs_read_like_their_text() {
    let manifest = std::fs::read_to_string(corpus().join("pdf/MATCHES.tsv")).expect("MATCHES.tsv");
    let mut checked = 0;
    for line in manifest.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (pdf, text) = (columns[0], columns[1]);
        // Flags, comma-separated: how the producer printed spaces, and
        // `contradicted-tounicode` for a PDF whose font's ToUnicode map
        // contradicts its encoding (Ghostscript's substitutes), which must
        // be reported, and `banner` for a producer's line printed outside
        // the table (TCPDF's `Powered by TCPDF (www.tcpdf.org)`), which
        // must be reported as unplaced text, and `cids-as-unicode` for a
        // font read by its CIDs as code points (TCPDF's without ToUnicode),
        // which must be reported.
        let mut spaces = Spaces::Kept;
        let mut cids_as_unicode = false;
        let mut contradicted = false;
        let mut banner = false;
        for flag in columns
            .get(2)
            .map(|f| f.split(',').collect::<Vec<_>>())
            .unwrap_or_default()
        {
            match flag {
                "collapse-spaces" => spaces = Spaces::Collapsed,
                "drop-spaces" => spaces = Spaces::DroppedAtWraps,
                "contradicted-tounicode" => contradicted = true,
                "banner" => banner = true,
                "cids-as-unicode" => cids_as_unicode = true,
                other => panic!("{pdf}: unknown flag {other}"),
            }
        }
        let pdf_doc = convert_path(pdf, &corpus().join(pdf));
        // A `.json` reference is a document written by hand (a synthetic
        // form rendered by other producers); else a text input to convert.
        let text_doc = if text.ends_with(".json") {
            serde_json::from_str(&std::fs::read_to_string(corpus().join(text)).expect("reference JSON"))
                .expect("a jixiao document")
        } else {
            convert_path(text, &corpus().join(text))
        };
        assert!(!text_doc.projects.is_empty(), "{text}");
        assert_eq!(pdf_doc.title, text_doc.title, "{pdf}");
        let (a, b) = (projects(&pdf_doc, spaces), projects(&text_doc, spaces));
        assert_eq!(a.len(), b.len(), "{pdf}: forms");
        for (i, (x, y)) in a.iter().zip(&b).enumerate() {
            assert_eq!(x, y, "{pdf}: project {i}");
        }
        let mut pdf_warnings = warnings(&pdf_doc);
        let contradiction = "ToUnicode map gives other text than its encoding";
        assert_eq!(
            contradicted,
            take(&mut pdf_warnings, "pdf-content", contradiction),
            "{pdf}: the contradicted ToUnicode map reported"
        );
        assert_eq!(
            cids_as_unicode,
            take(&mut pdf_warnings, "pdf-content", "are read as the characters"),
            "{pdf}: the font read by its CIDs reported"
        );
        assert_eq!(
            banner,
            take(&mut pdf_warnings, "unplaced-text", "outside the form's table"),
            "{pdf}: the producer's banner reported"
        );
        assert_eq!(pdf_warnings, warnings(&text_doc), "{pdf}");
        assert!(matches!(pdf_doc.projects[0].span, Span::Pages(_)));
        checked += 1;
    }
    assert!(checked >= 3);
}
