//! CSV: `projects.csv` and `indicators.csv` over all documents of a run
//! (SCHEMA.md), UTF-8 with an optional BOM for Excel, RFC 4180 quoting.

use jixiao_model::{Document, Project};

use crate::Error;

/// Columns of `projects.csv`.
pub const PROJECT_COLUMNS: &[&str] = &[
    "file",
    "project_index",
    "form",
    "year",
    "name",
    "nature",
    "category",
    "department",
    "implementer",
    "start_date",
    "end_date",
    "funds_project_total",
    "funds_project_fiscal",
    "funds_project_other",
    "funds_annual_total",
    "funds_annual_fiscal_current",
    "funds_annual_fiscal_carryover",
    "funds_annual_other",
    "goal_project",
    "goal_annual",
];

/// Columns of `indicators.csv`.
pub const INDICATOR_COLUMNS: &[&str] = &[
    "file",
    "project_index",
    "project_name",
    "level1",
    "level2",
    "name",
    "target_text",
    "target_op",
    "target_value",
    "target_unit",
];

/// The rows of both tables, in the order documents are added.
#[derive(Debug, Default)]
pub struct Tables {
    bom: bool,
    projects: Vec<Vec<String>>,
    indicators: Vec<Vec<String>>,
}

impl Tables {
    /// Empty tables; `bom` prefixes each file with a UTF-8 BOM.
    pub fn new(bom: bool) -> Tables {
        Tables {
            bom,
            ..Tables::default()
        }
    }

    /// Adds one document's projects and indicators.
    pub fn add(&mut self, doc: &Document) {
        for (index, project) in doc.projects.iter().enumerate() {
            self.projects.push(project_row(&doc.source.file, index, project));
            for indicator in &project.indicators {
                let t = &indicator.target;
                self.indicators.push(vec![
                    doc.source.file.clone(),
                    index.to_string(),
                    text(&project.name),
                    text(&indicator.level1),
                    text(&indicator.level2),
                    indicator.name.clone(),
                    t.text.clone(),
                    t.op.map(|op| op.as_str().to_string()).unwrap_or_default(),
                    number(t.value),
                    text(&t.unit),
                ]);
            }
        }
    }

    /// Number of project rows and indicator rows so far.
    pub fn len(&self) -> (usize, usize) {
        (self.projects.len(), self.indicators.len())
    }

    /// True when no project was added.
    pub fn is_empty(&self) -> bool {
        self.projects.is_empty()
    }

    /// The two files' contents: (`projects.csv`, `indicators.csv`).
    pub fn finish(&self) -> Result<(String, String), Error> {
        Ok((
            write(self.bom, PROJECT_COLUMNS, &self.projects)?,
            write(self.bom, INDICATOR_COLUMNS, &self.indicators)?,
        ))
    }
}

fn project_row(file: &str, index: usize, p: &Project) -> Vec<String> {
    let f = &p.funds;
    vec![
        file.to_string(),
        index.to_string(),
        p.form.clone(),
        p.year.map(|y| y.to_string()).unwrap_or_default(),
        text(&p.name),
        text(&p.nature),
        text(&p.category),
        text(&p.department),
        text(&p.implementer),
        text(&p.start_date),
        text(&p.end_date),
        number(f.project_total),
        number(f.project_fiscal),
        number(f.project_other),
        number(f.annual_total),
        number(f.annual_fiscal_current),
        number(f.annual_fiscal_carryover),
        number(f.annual_other),
        text(&p.goal_project),
        text(&p.goal_annual),
    ]
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// A plain number: no thousands separators, no exponent, shortest form
/// (`31487510`, `2.5`).
pub fn number(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let s = format!("{v}");
            s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
        }
        _ => String::new(),
    }
}

fn write(bom: bool, header: &[&str], rows: &[Vec<String>]) -> Result<String, Error> {
    let mut buffer = Vec::new();
    if bom {
        buffer.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(buffer);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::Flush(e.to_string()))?;
    Ok(String::from_utf8(bytes)?)
}
