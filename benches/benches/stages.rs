//! One benchmark per stage: PDF decode (content streams → glyphs and rules),
//! layout (glyphs → rows), parse (rows → Document), emit (JSON, CSV, XLSX).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jixiao_benches::read;
use jixiao_model::{Format, Source};

const PDF: &str = "pdf/seed.ucs2-landscape.pdf";
const TEXT: &str = "000_9700642081d75d3a.txt";
/// The slowest kinds of dump to read (names, corpus files).
const DUMPS: &[(&str, &str)] = &[
    ("pdfplumber_seed", "dumps/seed.mupdf.pdf.pdfplumber.txt"),
    ("pypdf_seed", "dumps/seed.mupdf.pdf.pypdf.txt"),
    ("pymupdf_two_passes", "dumps/cost.libreoffice.pdf.pymupdf.txt"),
];

fn source() -> Source {
    Source {
        file: "bench".into(),
        format: Format::Text,
        sha256: String::new(),
        pages: None,
    }
}

fn stages(c: &mut Criterion) {
    let pdf_bytes = read(PDF);
    let text_bytes = read(TEXT);
    let pdf = jixiao_pdf::Pdf::load(&pdf_bytes).expect("corpus PDF loads");
    let pages: Vec<jixiao_pdf::Page> = (1..=pdf.page_count()).filter_map(|n| pdf.page(n).ok()).collect();
    let rows: Vec<jixiao_layout::Row> = pages.iter().flat_map(jixiao_layout::pdf::page_rows).collect();
    let doc = jixiao_parse::parse(rows.clone(), source());

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("pdf_decode", |b| {
        b.iter(|| {
            let pdf = jixiao_pdf::Pdf::load(&pdf_bytes).expect("loads");
            (1..=pdf.page_count()).filter_map(|n| pdf.page(n).ok()).count()
        })
    });
    group.bench_function("layout", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| jixiao_layout::pdf::page_rows(p).len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse_pdf_rows", |b| {
        b.iter(|| jixiao_parse::parse(rows.clone(), source()).projects.len())
    });
    group.finish();

    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(text_bytes.len() as u64));
    group.bench_function("decode_and_parse", |b| {
        b.iter(|| {
            let rows = jixiao_layout::text::rows_from_bytes(&text_bytes).expect("decodes");
            jixiao_parse::parse(rows, source()).projects.len()
        })
    });
    group.finish();

    // Other extractors' dumps: their cells are put back by cost searches
    // (rows of a line-per-baseline dump, a two-pass producer's weave).
    let mut group = c.benchmark_group("dumps");
    for (name, dump) in DUMPS {
        let bytes = read(dump);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let rows = jixiao_layout::text::rows_from_bytes(&bytes).expect("decodes");
                jixiao_parse::parse(rows, source()).projects.len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("emit");
    group.bench_function("json", |b| {
        b.iter(|| jixiao_emit::json::to_string(&doc).map(|s| s.len()))
    });
    let mut tables = jixiao_emit::table::Tables::new();
    tables.add(&doc);
    group.bench_function("csv", |b| {
        b.iter(|| {
            let flavour = jixiao_emit::csv::Flavour {
                bom: true,
                formula_guard: true,
                zh_headers: false,
            };
            jixiao_emit::csv::to_strings(&tables, flavour).map(|(p, i, d)| p.len() + i.len() + d.len())
        })
    });
    group.bench_function("xlsx", |b| {
        b.iter(|| jixiao_emit::xlsx::to_bytes(&tables).map(|x| x.len()))
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
