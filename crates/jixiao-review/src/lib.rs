//! Review pages: see what was read, where.
//!
//! For every converted input, one self-contained HTML file (inline CSS and
//! a little plain JavaScript, no network, the viewer's own fonts) shows
//! side by side each PDF page that holds a form, drawn as SVG from
//! jixiao's own glyphs and ruling lines (detected cells outlined, dropped
//! repeated fragments greyed, unplaced text in red), and the extracted
//! forms. Hovering or focusing a field highlights where it came from on
//! the page, and the other way round. For a text input the lines are shown
//! instead of a drawing. An index page lists every input.
//!
//! The contract tests rely on (docs/review.md): every extracted field is an
//! element with `data-field` = its JSON pointer (`/projects/0/name`); its
//! source on the drawn page is an SVG element with `data-source` = the
//! same pointer whose box covers the glyphs the value came from; glyph runs
//! are SVG `<text>` elements.
//!
//! ```
//! use jixiao_model::{Document, Format, Source};
//! let doc = Document::new(Source { file: "a.txt".into(), format: Format::Text, sha256: String::new(), pages: None });
//! let html = jixiao_review::input_page("a.txt", &doc, &jixiao_review::Drawing::Text(String::new()));
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! let index = jixiao_review::index_page(&[jixiao_review::Summary::of("a.txt", "a.txt.html", &doc)]);
//! assert!(index.contains("a.txt.html"));
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

mod html;
mod locate;

pub use html::{index_page, input_page, Summary};
pub use locate::{escape_key, locate_pdf, locate_text, Origin, PageCells, Pointer, Source};

use jixiao_layout::pdf::PageCell;
use jixiao_model::{Document, Span};
use jixiao_pdf::Rule;

/// One PDF page as the review draws it.
#[derive(Debug, Clone)]
pub struct PageView {
    /// The page, 1-based.
    pub number: u32,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The cells the layout read, with positions.
    pub cells: Vec<PageCell>,
    /// The ruling lines.
    pub rules: Vec<Rule>,
}

/// What the review shows beside the extracted forms.
#[derive(Debug, Clone)]
pub enum Drawing {
    /// The PDF pages that hold a form.
    Pdf(Vec<PageView>),
    /// The text of a text input.
    Text(String),
}

/// The pages of `doc` that hold a form (its projects' page spans).
pub fn form_pages(doc: &Document) -> Vec<u32> {
    let mut pages: Vec<u32> = doc
        .projects
        .iter()
        .filter_map(|p| match p.span {
            Span::Pages([a, b]) => Some(a..=b),
            Span::Lines(_) => None,
        })
        .flatten()
        .collect();
    pages.sort_unstable();
    pages.dedup();
    pages
}

/// Reads the pages `numbers` of a PDF for drawing; pages that cannot be
/// read are left out (the document's diagnostics say why).
pub fn pdf_pages(bytes: &[u8], numbers: &[u32]) -> Vec<PageView> {
    if numbers.is_empty() {
        return Vec::new();
    }
    let Ok(pdf) = jixiao_pdf::Pdf::load(bytes) else {
        return Vec::new();
    };
    numbers
        .iter()
        .filter_map(|&n| pdf.page(n).ok())
        .map(|page| PageView {
            number: page.number,
            width: page.width,
            height: page.height,
            cells: jixiao_layout::pdf::page_cells(&page),
            rules: page.rules.clone(),
        })
        .collect()
}

/// The drawing of an input: its form pages (PDF) or its text.
pub fn drawing(doc: &Document, bytes: &[u8]) -> Drawing {
    match doc.source.format {
        jixiao_model::Format::Pdf => Drawing::Pdf(pdf_pages(bytes, &form_pages(doc))),
        jixiao_model::Format::Text => {
            Drawing::Text(jixiao_layout::text::decode(bytes).map(|d| d.text).unwrap_or_default())
        }
    }
}

/// The sources of every field of `doc` in `drawing`.
pub fn sources(doc: &Document, drawing: &Drawing) -> Vec<Source> {
    match drawing {
        Drawing::Pdf(pages) => {
            let cells: Vec<PageCells> = pages
                .iter()
                .map(|p| PageCells {
                    number: p.number,
                    cells: p.cells.clone(),
                })
                .collect();
            locate_pdf(doc, &cells)
        }
        Drawing::Text(text) => {
            // Cells as the parser read them (`31, 487, 510. 00` closed up,
            // doubled headings halved).
            let read = jixiao_layout::text::as_read(text);
            let lines: Vec<&str> = jixiao_layout::text::lines(&read).collect();
            locate_text(doc, &lines)
        }
    }
}
