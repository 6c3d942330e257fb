//! The review site: every field of every corpus input has a source on its
//! drawn page (a box inside the page, on a page of its form) or in its
//! lines, and every field of a page is an element with its pointer.

use std::collections::BTreeSet;
use std::path::PathBuf;

use jixiao_model::Document;
use jixiao_review::{Drawing, Origin};

mod common;

fn corpus_inputs() -> Vec<(String, PathBuf)> {
    let root = common::corpus();
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "pdf" || e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|p| (p.strip_prefix(&root).expect("below").to_string_lossy().into_owned(), p))
        .collect()
}

/// The pointers of the fields the review page shows (every non-null value).
fn field_pointers(doc: &Document) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // The title heads the first form: pointed at when there is a form.
    if doc.title.is_some() && !doc.projects.is_empty() {
        out.insert("/title".to_string());
    }
    for (i, p) in doc.projects.iter().enumerate() {
        let base = format!("/projects/{i}");
        out.insert(format!("{base}/form"));
        if p.year.is_some() {
            out.insert(format!("{base}/year"));
        }
        for (key, value) in [
            ("name", &p.name),
            ("nature", &p.nature),
            ("category", &p.category),
            ("department", &p.department),
            ("implementer", &p.implementer),
            ("start_date", &p.start_date),
            ("end_date", &p.end_date),
            ("goal_project", &p.goal_project),
            ("goal_annual", &p.goal_annual),
        ] {
            if value.is_some() {
                out.insert(format!("{base}/{key}"));
            }
        }
        for label in p.extra.keys() {
            out.insert(format!("{base}/extra/{}", jixiao_review::escape_key(label)));
        }
        let f = &p.funds;
        for (key, value) in [
            ("project_total", f.project_total),
            ("project_fiscal", f.project_fiscal),
            ("project_other", f.project_other),
            ("annual_total", f.annual_total),
            ("annual_fiscal_current", f.annual_fiscal_current),
            ("annual_fiscal_carryover", f.annual_fiscal_carryover),
            ("annual_other", f.annual_other),
        ] {
            if value.is_some() {
                out.insert(format!("{base}/funds/{key}"));
            }
        }
        for (k, ind) in p.indicators.iter().enumerate() {
            let ib = format!("{base}/indicators/{k}");
            // An empty name or target (reported as `empty-indicator`) has
            // no text to point at.
            if !ind.name.trim().is_empty() {
                out.insert(format!("{ib}/name"));
            }
            if !ind.target.text.trim().is_empty() {
                out.insert(format!("{ib}/target/text"));
                let t = &ind.target;
                for (part, present) in [
                    ("op", t.op.is_some()),
                    ("value", t.value.is_some()),
                    ("unit", t.unit.is_some()),
                ] {
                    if present {
                        out.insert(format!("{ib}/target/{part}"));
                    }
                }
            }
            if ind.level1.is_some() {
                out.insert(format!("{ib}/level1"));
            }
            if ind.level2.is_some() {
                out.insert(format!("{ib}/level2"));
            }
        }
    }
    out
}

#[test]
fn every_field_of_every_corpus_input_has_its_source() {
    let mut missing = Vec::new();
    let mut outside = Vec::new();
    let mut fields = 0;
    for (name, path) in corpus_inputs() {
        let bytes = std::fs::read(&path).expect("readable");
        let doc = jixiao_cli::convert_bytes(&name, &bytes);
        let drawing = jixiao_review::drawing(&doc, &bytes);
        let sources = jixiao_review::sources(&doc, &drawing);
        let pointers = field_pointers(&doc);
        fields += pointers.len();
        for pointer in &pointers {
            let found: Vec<&Origin> = sources
                .iter()
                .filter(|s| &s.pointer == pointer)
                .map(|s| &s.origin)
                .collect();
            if found.is_empty() {
                missing.push(format!("{name}: {pointer}"));
            }
            for origin in found {
                let inside = match (origin, &drawing) {
                    (Origin::Pdf { page, rect }, Drawing::Pdf(pages)) => pages.iter().any(|p| {
                        p.number == *page
                            && rect.x0 >= 0.0
                            && rect.y0 >= 0.0
                            && rect.x1 <= p.width
                            && rect.y1 <= p.height
                            && rect.x0 < rect.x1
                            && rect.y0 < rect.y1
                    }),
                    (Origin::Text { first, last }, Drawing::Text(text)) => {
                        *first >= 1 && first <= last && (*last as usize) <= jixiao_layout::text::lines(text).count()
                    }
                    _ => false,
                };
                if !inside {
                    outside.push(format!("{name}: {pointer}: {origin:?}"));
                }
            }
        }
    }
    assert!(fields > 10_000, "only {fields} fields");
    assert!(
        outside.is_empty(),
        "{} sources outside their page:\n{}",
        outside.len(),
        outside.join("\n")
    );
    assert!(
        missing.is_empty(),
        "{} of {fields} fields without a source:\n{}",
        missing.len(),
        missing.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The PDF sources hold the value: the text of the cells under a field's
/// box, folded, contains the field's value (money and dates as printed).
#[test]
fn pdf_sources_cover_their_values() {
    let mut wrong = Vec::new();
    for (name, path) in corpus_inputs().into_iter().filter(|(n, _)| n.ends_with(".pdf")) {
        let bytes = std::fs::read(&path).expect("readable");
        let doc = jixiao_cli::convert_bytes(&name, &bytes);
        let drawing = jixiao_review::drawing(&doc, &bytes);
        let Drawing::Pdf(pages) = &drawing else { continue };
        let json = serde_json::to_value(&doc).expect("JSON");
        // The text under each field's boxes, in page order: a label cut by
        // a page break has a box on each page.
        let mut under_of: std::collections::BTreeMap<String, Vec<(u32, String)>> = Default::default();
        for source in jixiao_review::sources(&doc, &drawing) {
            let Origin::Pdf { page, rect } = source.origin else {
                continue;
            };
            // A goal is read from several cells; dates and operators are
            // normalised (`2024年1月1日`, `≥` → `>=`).
            if source.pointer.contains("goal")
                || source.pointer.ends_with("_date")
                || source.pointer.ends_with("/form")
                || source.pointer.ends_with("/target/op")
            {
                continue;
            }
            let Some(p) = pages.iter().find(|p| p.number == page) else {
                continue;
            };
            let under: String = p
                .cells
                .iter()
                .filter(|c| {
                    c.rect.x0 >= rect.x0 - 0.5
                        && c.rect.x1 <= rect.x1 + 0.5
                        && c.rect.y0 >= rect.y0 - 0.5
                        && c.rect.y1 <= rect.y1 + 0.5
                })
                .map(|c| c.text())
                .collect();
            under_of.entry(source.pointer.clone()).or_default().push((page, under));
        }
        for (pointer, mut unders) in under_of {
            let Some(value) = json.pointer(&pointer).and_then(|v| v.as_str()) else {
                continue;
            };
            unders.sort_by_key(|(page, _)| *page);
            let joined: String = unders.into_iter().map(|(_, u)| u).collect();
            let (under, want) = (
                jixiao_model::normalize::fold_compact(&joined),
                jixiao_model::normalize::fold_compact(value),
            );
            if !under.contains(&*want) {
                wrong.push(format!("{name}: {pointer}: {want} not in {under}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} sources miss their value:\n{}",
        wrong.len(),
        wrong.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_review_site_is_written_with_every_field() {
    let dir = common::temp_dir("review-site");
    let out = dir.join("out");
    let corpus = common::corpus();
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args([
            "review",
            corpus.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ])
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("jixiao runs");
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let index = std::fs::read_to_string(out.join("review/index.html")).expect("index");
    for (name, _) in corpus_inputs() {
        assert!(
            index.contains(&format!("href=\"{name}.html\"")),
            "{name} not in the index"
        );
        let page = std::fs::read_to_string(out.join(format!("review/{name}.html"))).expect("page");
        let doc: Document =
            serde_json::from_str(&std::fs::read_to_string(out.join(format!("{name}.json"))).expect("json"))
                .expect("document");
        for pointer in field_pointers(&doc) {
            let attr = format!(
                "data-field=\"{}\"",
                pointer.replace('&', "&amp;").replace('"', "&quot;")
            );
            assert!(page.contains(&attr), "{name}: no element for {pointer}");
        }
        // Self-contained: nothing fetched from the network.
        for bad in ["http://", "https://", "<link ", "@import", "src=\""] {
            assert!(!page.contains(bad), "{name}: {bad}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
