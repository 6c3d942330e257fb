//! XLSX: `jixiao.xlsx` with the sheets `projects`, `indicators` and
//! `diagnostics`: numbers as numbers (money with thousands separators),
//! dates as dates, a frozen header row, an autofilter, and column widths fit
//! for Chinese text.

use jixiao_model::normalize::display_width;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use crate::table::{Sheet, Tables, Value};
use crate::Error;

/// Widest column, in characters, so that long goal texts do not make
/// unusable sheets.
const MAX_COLUMN_WIDTH: usize = 60;

/// The workbook of `tables` as XLSX bytes. Text longer than a cell holds
/// must have been cut first ([`Tables::truncate_long_cells`]).
pub fn to_bytes(tables: &Tables) -> Result<Vec<u8>, Error> {
    to_bytes_with_titles(tables, false)
}

/// [`to_bytes`] with Chinese column titles when `zh`.
pub fn to_bytes_with_titles(tables: &Tables, zh: bool) -> Result<Vec<u8>, Error> {
    let mut workbook = Workbook::new();
    for sheet in [&tables.projects, &tables.indicators, &tables.diagnostics] {
        let worksheet = workbook.add_worksheet();
        write_sheet(worksheet, sheet, zh)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, zh: bool) -> Result<(), Error> {
    ws.set_name(sheet.name)?;
    let formats = Formats::new();
    let titles = sheet.titles(zh);
    let mut widths: Vec<usize> = titles.iter().map(|c| display_width(c)).collect();
    for (col, name) in titles.iter().enumerate() {
        ws.write_string_with_format(0, col_index(col)?, *name, &formats.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| Error::TooLarge)?;
        write_row(ws, r, row, &formats, &mut widths)?;
    }
    let last_row = u32::try_from(sheet.rows.len()).map_err(|_| Error::TooLarge)?;
    finish_sheet(ws, &widths, last_row, sheet.columns.len())
}

/// The cell formats of the workbook.
pub(crate) struct Formats {
    pub(crate) header: Format,
    money: Format,
    date: Format,
    wrap: Format,
}

impl Formats {
    pub(crate) fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            money: Format::new().set_num_format("#,##0.00"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            wrap: Format::new().set_text_wrap(),
        }
    }
}

/// Writes one row of typed cells at row `r`, widening `widths` to fit.
pub(crate) fn write_row(
    ws: &mut Worksheet,
    r: u32,
    row: &[Value],
    formats: &Formats,
    widths: &mut [usize],
) -> Result<(), Error> {
    for (c, value) in row.iter().enumerate() {
        let col = col_index(c)?;
        match value {
            Value::Empty => {}
            Value::Text(s) if s.contains('\n') => {
                ws.write_string_with_format(r, col, s, &formats.wrap)?;
            }
            Value::Text(s) => {
                ws.write_string(r, col, s)?;
            }
            Value::Integer(i) => {
                // Integers up to 2^53 are exact in a spreadsheet number.
                ws.write_number(r, col, *i as f64)?;
            }
            Value::Number(n) => {
                ws.write_number(r, col, *n)?;
            }
            Value::Money(n) => {
                ws.write_number_with_format(r, col, *n, &formats.money)?;
            }
            Value::Date(s) => match ExcelDateTime::parse_from_str(s) {
                Ok(d) => {
                    ws.write_datetime_with_format(r, col, &d, &formats.date)?;
                }
                Err(_) => {
                    ws.write_string(r, col, s)?;
                }
            },
        }
        if let Some(w) = widths.get_mut(c) {
            *w = (*w).max(cell_width(value));
        }
    }
    Ok(())
}

/// Column widths, the frozen header row and the autofilter of a sheet of
/// `columns` columns whose last row is `last_row`.
pub(crate) fn finish_sheet(ws: &mut Worksheet, widths: &[usize], last_row: u32, columns: usize) -> Result<(), Error> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col_index(c)?, (*w).min(MAX_COLUMN_WIDTH) as f64 + 2.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, col_index(columns.saturating_sub(1))?)?;
    Ok(())
}

pub(crate) fn col_index(c: usize) -> Result<u16, Error> {
    u16::try_from(c).map_err(|_| Error::TooLarge)
}

/// Width in spreadsheet characters: an ideograph is two, as in a terminal.
pub(crate) fn cell_width(value: &Value) -> usize {
    match value {
        Value::Empty => 0,
        Value::Text(s) => s.lines().map(display_width).max().unwrap_or(0),
        Value::Date(_) => 10,
        Value::Integer(i) => i.to_string().len(),
        Value::Number(n) => crate::table::plain_number(*n).len(),
        // With separators and two decimals.
        Value::Money(n) => crate::table::plain_number(n.trunc()).len() * 4 / 3 + 3,
    }
}
