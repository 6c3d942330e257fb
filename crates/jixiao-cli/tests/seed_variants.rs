//! The seed sheet must give the same data however its dump is encoded,
//! spaced or cut: encodings, line ends, extra blank lines, the duplicated
//! page fragments removed, and forms in another order.

use std::path::Path;

use jixiao_cli::convert_bytes;
use jixiao_model::{Document, Level, Project, Span};
use proptest::prelude::*;

fn seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/000_9700642081d75d3a.txt");
    std::fs::read_to_string(path).expect("the seed is in corpus/")
}

fn convert(text_bytes: &[u8]) -> Document {
    convert_bytes("seed.txt", text_bytes)
}

/// Projects without their spans (which move when lines are added).
fn projects(doc: &Document) -> Vec<Project> {
    doc.projects
        .iter()
        .cloned()
        .map(|mut p| {
            p.span = Span::Lines([0, 0]);
            for indicator in &mut p.indicators {
                indicator.page = None;
            }
            p
        })
        .collect()
}

fn warnings(doc: &Document) -> Vec<String> {
    doc.diagnostics
        .iter()
        .filter(|d| d.level != Level::Info)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn seed_counts() {
    let doc = convert(seed().as_bytes());
    assert_eq!(doc.projects.len(), 9);
    assert_eq!(doc.indicator_count(), 111);
    let numeric = doc
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .filter(|i| i.target.value.is_some())
        .count();
    assert_eq!(numeric, 87);
    assert!(warnings(&doc).is_empty(), "{:?}", warnings(&doc));
}

#[test]
fn encodings_and_line_ends_give_the_same_document() {
    let text = seed();
    let reference = convert(text.as_bytes());
    let mut utf16le = vec![0xff, 0xfe];
    let mut utf16be = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        utf16le.extend(unit.to_le_bytes());
        utf16be.extend(unit.to_be_bytes());
    }
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend(text.as_bytes());
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf-16le", utf16le),
        ("utf-16be", utf16be),
        ("gb18030", gb.into_owned()),
        ("utf-8 bom", bom),
        ("crlf", text.replace('\n', "\r\n").into_bytes()),
        ("cr", text.replace('\n', "\r").into_bytes()),
        ("trailing spaces", text.replace('\n', " \t\n").into_bytes()),
    ];
    for (name, bytes) in variants {
        let mut doc = convert(&bytes);
        doc.source.sha256 = reference.source.sha256.clone();
        assert_eq!(doc, reference, "{name}");
    }
}

#[test]
fn removing_the_duplicated_fragments_changes_no_data() {
    let text = seed();
    let reference = convert(text.as_bytes());
    let lines: Vec<&str> = text.split('\n').collect();
    let mut drop = vec![false; lines.len()];
    let mut removed = 0;
    for d in reference
        .diagnostics
        .iter()
        .filter(|d| d.code == jixiao_model::Code::DuplicateFragment)
    {
        let (Some(line), Some(fragment)) = (d.line, d.text.as_deref()) else {
            continue;
        };
        let want: String = fragment.split_whitespace().collect();
        let mut got = String::new();
        let mut i = line as usize - 1;
        while got.len() < want.len() && i < lines.len() {
            let compact: String = lines[i].split_whitespace().collect();
            got.push_str(&compact);
            drop[i] = true;
            i += 1;
        }
        assert_eq!(got, want, "fragment at line {line}");
        removed += 1;
    }
    assert!(removed >= 8, "the seed has its repeated goals and label blocks");
    let cut: Vec<&str> = lines.iter().zip(&drop).filter(|(_, d)| !**d).map(|(l, _)| *l).collect();
    let doc = convert(cut.join("\n").as_bytes());
    assert_eq!(projects(&doc), projects(&reference));
    assert!(
        doc.diagnostics.iter().all(|d| d.code != "duplicate-fragment"),
        "{:?}",
        doc.diagnostics
    );
}

#[test]
fn forms_in_another_order_come_out_in_that_order() {
    let text = seed();
    let reference = convert(text.as_bytes());
    let heading = "财政项目支出绩效目标申报表";
    let mut parts: Vec<&str> = text.split(heading).collect();
    let preamble = parts.remove(0);
    parts.reverse();
    let reordered = format!("{preamble}{heading}{}", parts.join(heading));
    let doc = convert(reordered.as_bytes());
    let mut expected = projects(&reference);
    expected.reverse();
    assert_eq!(projects(&doc), expected);
    assert_eq!(doc.title, reference.title);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn extra_blank_lines_change_no_data(positions in proptest::collection::vec((0usize..921, 1usize..4), 1..40)) {
        let text = seed();
        let reference = convert(text.as_bytes());
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut positions = positions;
        positions.sort();
        for (at, count) in positions.into_iter().rev() {
            let at = at.min(lines.len());
            for _ in 0..count {
                lines.insert(at, String::new());
            }
        }
        let doc = convert(lines.join("\n").as_bytes());
        prop_assert_eq!(projects(&doc), projects(&reference));
        prop_assert_eq!(&doc.title, &reference.title);
        prop_assert_eq!(warnings(&doc), warnings(&reference));
    }

    #[test]
    fn other_names_years_and_amounts_are_read_as_printed(
        name in "[一-龥]{2,12}",
        year in 2000i32..2100,
        amount in 0u64..10_000_000_000u64,
    ) {
        let text = seed();
        let yuan = format!("{}.{:02}", amount / 100, amount % 100);
        let changed = text
            .replacen("科技服务平台运行保障", &name, 1)
            .replace("2024年度）", &format!("{year}年度）"))
            .replace("2024-01-01", &format!("{year}-01-01"))
            .replace("2024-12-31", &format!("{year}-12-31"))
            .replacen("年度资金申请总额 31,487,510.00", &format!("年度资金申请总额 {yuan}"), 1);
        let doc = convert(changed.as_bytes());
        prop_assert_eq!(doc.projects.len(), 9);
        let first = &doc.projects[0];
        prop_assert_eq!(first.name.as_deref(), Some(name.as_str()));
        prop_assert!(doc.projects.iter().all(|p| p.year == Some(year)));
        let start = format!("{year}-01-01");
        prop_assert_eq!(first.start_date.as_deref(), Some(start.as_str()));
        prop_assert_eq!(first.funds.annual_total, Some(amount as f64 / 100.0));
        prop_assert_eq!(doc.indicator_count(), 111);
    }
}
