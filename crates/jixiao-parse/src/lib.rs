//! The parser: rows of cells → events → a [`Document`].
//!
//! Three small stages, each usable on its own:
//! 1. the lexer (`lexer::lex`) turns rows into tokens (headings, year lines, merged
//!    block labels, indicator labels split over lines, other rows);
//! 2. [`Parser`] is a state machine over the tokens and an iterator of
//!    [`Event`]s (title, form start, header field, money cell, goal,
//!    indicator, dropped fragment, unplaced text);
//! 3. the builder (`build::build`) folds the events into a [`Document`] and adds the
//!    findings of validation (funds that do not reconcile, forms without
//!    indicators, …) as diagnostics.
//!
//! The parser does not know where rows came from: a text dump's lines and a
//! PDF's table rows look the same to it.
//!
//! ```
//! use jixiao_model::{Document, Format, Source};
//!
//! let text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 示例项目\n\
//!             一级指标 二级指标 三级指标 年度指标值\n产出指标\n数量指标 完成数 ≥2(次)\n";
//! let rows = jixiao_layout::text::rows(text);
//! let source = Source { file: "x.txt".into(), format: Format::Text, sha256: String::new(), pages: None };
//! let doc: Document = jixiao_parse::parse(rows, source);
//! assert_eq!(doc.projects[0].name.as_deref(), Some("示例项目"));
//! assert_eq!(doc.projects[0].indicators[0].target.value, Some(2.0));
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

mod build;
pub mod event;
mod header;
mod lexer;
mod machine;
mod regrid;
mod runs;
mod shapes;
mod stream;
mod vocab;
mod weave;

pub use event::Event;
pub use machine::Parser;
pub use vocab::{Field, GoalSlot};

use jixiao_layout::Row;
use jixiao_model::{Document, Source};

/// The events of a document's rows (a text dump's indicator tables first
/// put back into their grid).
pub fn events(rows: Vec<Row>) -> Parser {
    // A PDF's rows come from its grid already.
    if rows.iter().all(|r| matches!(r.loc, jixiao_model::Location::Page(_))) {
        return Parser::new(lexer::lex(rows));
    }
    let regridded = regrid::regrid(rows);
    Parser::new(lexer::with_notes(lexer::lex(regridded.rows), regridded.notes))
        .in_drawing_order(regridded.drawing_order)
}

/// The rows the state machine reads: a text dump's rows put back into
/// their grid (`cargo run -p jixiao-parse --example regrid DUMP` prints them).
pub fn regridded_rows(rows: Vec<Row>) -> Vec<Row> {
    regrid::regrid(rows).rows
}

/// Parses a document's rows into a [`Document`] for `source`.
pub fn parse(rows: Vec<Row>, source: Source) -> Document {
    build::build(events(rows), source)
}
