//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A PDF with the given objects (1-based, in order) and catalog 1.
pub fn pdf(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).into_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}

/// A stream object's text.
pub fn stream(dict: &str, content: &str) -> String {
    format!("<< {dict} /Length {} >>\nstream\n{content}\nendstream", content.len())
}

/// A fresh empty folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A JSON file's value.
pub fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .expect("valid JSON")
}

/// The project's corpus folder.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// The shared corpora beside the clone (`../shared/corpora`): `None`, with
/// a message, when it is absent outside CI; under `CI=true` its absence
/// fails the test.
pub fn shared_corpora() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
    if path.is_dir() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {} is missing: clone the project beside shared/",
        path.display()
    );
    eprintln!(
        "skipped: {} is absent (this test reads the shared corpora)",
        path.display()
    );
    None
}

/// Days since 1899-12-30 (the spreadsheet epoch) → ISO date.
pub fn serial_to_iso(serial: f64) -> String {
    let mut days = serial as i64;
    let mut year = 1899;
    let mut month = 12;
    let mut day = 30;
    while days > 0 {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            _ => 28,
        };
        if day < in_month {
            day += 1;
        } else {
            day = 1;
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
            }
        }
        days -= 1;
    }
    format!("{year:04}-{month:02}-{day:02}")
}

/// A workbook cell as text: numbers plain, dates ISO; any other kind of
/// cell (a boolean, an error) fails the test.
pub fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => jixiao_emit::table::plain_number(*f),
        Data::Int(i) => i.to_string(),
        Data::DateTime(d) => serial_to_iso(d.as_f64()),
        other => panic!("unexpected cell {other:?}"),
    }
}
