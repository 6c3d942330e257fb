//! The tables of a run written as documents come, in flat memory: CSV rows
//! go straight to their files, XLSX rows to constant-memory worksheets
//! (one temporary file each). The bytes are those [`crate::csv`] and
//! [`crate::xlsx`] write from whole [`Tables`] (the XLSX may store its
//! strings inline), so a batch of any size needs the memory of one
//! document.
//!
//! The projects sheet's extra header columns must be known before the
//! first row: pass [`extra_labels`] of all documents first (a run reads
//! its JSON files twice).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use jixiao_model::normalize::display_width;
use jixiao_model::Document;
use rust_xlsxwriter::Workbook;

use crate::csv::Flavour;
use crate::table::{Sheet, Tables, Value};
use crate::xlsx::{col_index, finish_sheet, write_row, Formats};
use crate::Error;

/// The extra header labels of `doc`'s projects, in order of first
/// appearance, added to `labels`.
pub fn extra_labels(doc: &Document, labels: &mut Vec<String>) {
    for project in &doc.projects {
        for label in project.extra.keys() {
            if !labels.contains(label) {
                labels.push(label.clone());
            }
        }
    }
}

/// What a streamed run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outputs {
    /// `projects.csv`, `indicators.csv`, `diagnostics.csv`.
    pub csv: Option<Flavour>,
    /// `jixiao.xlsx`; `Some(true)` with Chinese column titles.
    pub xlsx: Option<bool>,
}

type CsvWriter = ::csv::Writer<BufWriter<File>>;

struct CsvSheet {
    writer: CsvWriter,
    temp: PathBuf,
    path: PathBuf,
    columns: usize,
}

struct XlsxSheets {
    workbook: Workbook,
    /// Next row per sheet.
    rows: [u32; 3],
    widths: [Vec<usize>; 3],
    columns: [usize; 3],
    temp: PathBuf,
    path: PathBuf,
}

/// Tables written as documents are added.
pub struct TableStream {
    extra: Vec<String>,
    csv: Option<(Flavour, Vec<CsvSheet>)>,
    xlsx: Option<XlsxSheets>,
    /// Cells cut to the spreadsheet cell limit in the XLSX.
    pub cut: usize,
}

fn temp_of(path: &Path) -> PathBuf {
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".{}.tmp", std::process::id()));
    PathBuf::from(temp)
}

impl TableStream {
    /// Opens the outputs in `dir` (written to temporary files, renamed by
    /// [`TableStream::finish`]); `extra` are the projects' extra header
    /// labels of the whole run.
    pub fn new(dir: &Path, extra: Vec<String>, outputs: Outputs) -> Result<TableStream, Error> {
        let empty = Tables::with_extra_columns(&extra);
        let sheets = [&empty.projects, &empty.indicators, &empty.diagnostics];
        let csv = match outputs.csv {
            Some(flavour) => {
                let mut open = Vec::new();
                for (sheet, name) in sheets.iter().zip(["projects.csv", "indicators.csv", "diagnostics.csv"]) {
                    let path = dir.join(name);
                    let temp = temp_of(&path);
                    let mut file = BufWriter::new(
                        File::create(&temp).map_err(|e| Error::Flush(format!("{}: {e}", temp.display())))?,
                    );
                    if flavour.bom {
                        file.write_all("\u{feff}".as_bytes())
                            .map_err(|e| Error::Flush(e.to_string()))?;
                    }
                    let mut writer = ::csv::WriterBuilder::new()
                        .terminator(::csv::Terminator::CRLF)
                        .from_writer(file);
                    writer.write_record(sheet.titles(flavour.zh_headers))?;
                    open.push(CsvSheet {
                        writer,
                        temp,
                        path,
                        columns: sheet.columns.len(),
                    });
                }
                Some((flavour, open))
            }
            None => None,
        };
        let xlsx = match outputs.xlsx {
            Some(zh) => {
                let mut workbook = Workbook::new();
                // The rows wait in temporary files beside the output, not in
                // /tmp (often memory itself).
                workbook.set_tempdir(dir)?;
                let header = Formats::new().header;
                let mut widths: [Vec<usize>; 3] = Default::default();
                let mut columns = [0usize; 3];
                for (i, sheet) in sheets.iter().enumerate() {
                    let ws = workbook.add_worksheet_with_constant_memory()?;
                    ws.set_name(sheet.name)?;
                    let titles = sheet.titles(zh);
                    for (col, title) in titles.iter().enumerate() {
                        ws.write_string_with_format(0, col_index(col)?, *title, &header)?;
                    }
                    if let Some(w) = widths.get_mut(i) {
                        *w = titles.iter().map(|t| display_width(t)).collect();
                    }
                    if let Some(c) = columns.get_mut(i) {
                        *c = sheet.columns.len();
                    }
                }
                let path = dir.join("jixiao.xlsx");
                Some(XlsxSheets {
                    workbook,
                    rows: [1; 3],
                    widths,
                    columns,
                    temp: temp_of(&path),
                    path,
                })
            }
            None => None,
        };
        Ok(TableStream {
            extra,
            csv,
            xlsx,
            cut: 0,
        })
    }

    /// Writes `doc`'s rows.
    pub fn add(&mut self, doc: &Document) -> Result<(), Error> {
        let mut tables = Tables::with_extra_columns(&self.extra);
        tables.add(doc);
        if let Some((flavour, sheets)) = &mut self.csv {
            for (out, sheet) in sheets
                .iter_mut()
                .zip([&tables.projects, &tables.indicators, &tables.diagnostics])
            {
                for row in &sheet.rows {
                    let padding = out.columns.saturating_sub(row.len());
                    let empty = Value::Empty;
                    out.writer.write_record(
                        row.iter()
                            .chain(std::iter::repeat_n(&empty, padding))
                            .map(|v| crate::csv::cell_text(v, *flavour)),
                    )?;
                }
            }
        }
        if let Some(x) = &mut self.xlsx {
            self.cut += tables.truncate_long_cells();
            for (i, sheet) in [&tables.projects, &tables.indicators, &tables.diagnostics]
                .into_iter()
                .enumerate()
            {
                write_rows(x, i, sheet)?;
            }
        }
        Ok(())
    }

    /// Closes every output and puts it in place.
    pub fn finish(self) -> Result<usize, Error> {
        if let Some((_, sheets)) = self.csv {
            for sheet in sheets {
                let file = sheet.writer.into_inner().map_err(|e| Error::Flush(e.to_string()))?;
                file.into_inner()
                    .map_err(|e| Error::Flush(e.to_string()))?
                    .sync_all()
                    .map_err(|e| Error::Flush(e.to_string()))?;
                std::fs::rename(&sheet.temp, &sheet.path)
                    .map_err(|e| Error::Flush(format!("{}: {e}", sheet.path.display())))?;
            }
        }
        if let Some(mut x) = self.xlsx {
            for i in 0..3 {
                let ws = x.workbook.worksheet_from_index(i)?;
                let widths = x.widths.get(i).map_or(&[][..], Vec::as_slice);
                let last_row = x.rows.get(i).copied().unwrap_or(1).saturating_sub(1);
                finish_sheet(ws, widths, last_row, x.columns.get(i).copied().unwrap_or(1))?;
            }
            let written = x.workbook.save(&x.temp).map_err(Error::from).and_then(|()| {
                std::fs::rename(&x.temp, &x.path).map_err(|e| Error::Flush(format!("{}: {e}", x.path.display())))
            });
            if written.is_err() {
                let _ = std::fs::remove_file(&x.temp);
            }
            written?;
        }
        Ok(self.cut)
    }
}

fn write_rows(x: &mut XlsxSheets, i: usize, sheet: &Sheet) -> Result<(), Error> {
    let formats = Formats::new();
    let ws = x.workbook.worksheet_from_index(i)?;
    let next = x.rows.get_mut(i).ok_or(Error::TooLarge)?;
    let widths = x.widths.get_mut(i).ok_or(Error::TooLarge)?;
    for row in &sheet.rows {
        write_row(ws, *next, row, &formats, widths)?;
        *next = next.checked_add(1).ok_or(Error::TooLarge)?;
    }
    Ok(())
}
