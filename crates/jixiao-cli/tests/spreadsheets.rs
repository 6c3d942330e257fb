//! CSV and XLSX outputs of a real run: the workbook read back cell by cell
//! equals the CSV tables, numbers are numbers, dates are dates, and the CSV
//! follows SCHEMA.md (columns, BOM, quoting).

use std::io::Cursor;
use std::path::Path;

mod common;

use calamine::{Data, Reader, Xlsx};
use common::cell_text;
use jixiao_cli::{convert_bytes, convert_path, inputs};
use jixiao_emit::table::{Tables, INDICATOR_COLUMNS, PROJECT_COLUMNS};

/// The tables of the whole corpus, converted once for every test here
/// (each conversion of the corpus costs a minute of CI).
fn corpus_tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut tables = Tables::new();
        for input in inputs(&[root]) {
            tables.add(&convert_path(&input.name, &input.path));
        }
        // A failed input contributes a diagnostic row.
        tables.add(&convert_bytes("broken.txt", b""));
        tables
    })
}

#[test]
fn xlsx_cells_equal_csv_cells() {
    let tables = corpus_tables();
    let bytes = jixiao_emit::xlsx::to_bytes(tables).expect("xlsx encodes");
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("xlsx reads back");
    assert_eq!(workbook.sheet_names(), vec!["projects", "indicators", "diagnostics"]);
    for sheet in [&tables.projects, &tables.indicators, &tables.diagnostics] {
        let csv = jixiao_emit::csv::sheet(sheet, jixiao_emit::csv::Flavour::default()).expect("csv encodes");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
        let csv_rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("csv reads back").iter().map(str::to_string).collect())
            .collect();
        let range = workbook.worksheet_range(sheet.name).expect("sheet exists");
        let xlsx_rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| {
                let mut cells: Vec<String> = row.iter().map(cell_text).collect();
                cells.resize(sheet.columns.len(), String::new());
                cells
            })
            .collect();
        assert_eq!(xlsx_rows.len(), sheet.rows.len() + 1, "{}: header + rows", sheet.name);
        assert_eq!(xlsx_rows, csv_rows, "{}", sheet.name);
    }
}

#[test]
fn xlsx_types_money_and_dates() {
    let tables = corpus_tables();
    let bytes = jixiao_emit::xlsx::to_bytes(tables).expect("xlsx encodes");
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("xlsx reads back");
    let range = workbook.worksheet_range("projects").expect("projects sheet");
    let col = |name: &str| PROJECT_COLUMNS.iter().position(|c| *c == name).expect("column exists");
    let first = range.rows().nth(1).expect("a project row");
    assert!(matches!(first[col("funds_annual_total")], Data::Float(v) if v == 31487510.0));
    assert!(
        matches!(first[col("start_date")], Data::DateTime(_)),
        "{:?}",
        first[col("start_date")]
    );
    assert!(matches!(first[col("year")], Data::Float(v) if v == 2024.0));
    assert_eq!(first[col("funds_project_total")], Data::Empty);
}

#[test]
fn csv_columns_rows_and_bom() {
    let tables = corpus_tables();
    let (projects, indicators, _) = jixiao_emit::csv::to_strings(
        tables,
        jixiao_emit::csv::Flavour {
            bom: true,
            formula_guard: false,
            zh_headers: false,
        },
    )
    .expect("csv encodes");
    let expected = (tables.projects.rows.len(), tables.indicators.rows.len());
    assert!(
        expected.0 >= 11 && expected.1 >= 162,
        "the corpus holds the seed and the district dump"
    );
    for (text, columns, rows) in [
        (&projects, PROJECT_COLUMNS, expected.0),
        (&indicators, INDICATOR_COLUMNS, expected.1),
    ] {
        let body = text.strip_prefix('\u{feff}').expect("BOM first");
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
        assert_eq!(header, columns);
        assert_eq!(reader.records().count(), rows);
    }
    // Multi-line goals are quoted, numbers are plain.
    assert!(projects.contains(",31487510,5020000,0,26467510,\"1.生物医药专业技术服务平台房屋租金："));
    let (plain, _, _) =
        jixiao_emit::csv::to_strings(tables, jixiao_emit::csv::Flavour::default()).expect("csv encodes");
    assert!(plain.starts_with("file,project_index,form,"));
}
