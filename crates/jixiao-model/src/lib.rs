//! The data model of jixiao's output and the normalisers that fill it.
//!
//! A [`Document`] is what one input file (a PDF or a text dump of
//! performance-target sheets, 绩效目标申报表) becomes: its title, one
//! [`Project`] per filled-in form, and [`Diagnostic`]s for everything that was
//! odd, repeated or could not be placed. The field names and their order are
//! the contract of `SCHEMA.md` (`schema_version` 1); serde serialises the
//! structs in declaration order, so the JSON is stable.
//!
//! The [`normalize`] module turns printed cell text into typed values:
//! targets (`≥2.00(次)` → `>=`, 2, `次`), amounts (`31,487,510.00`), dates
//! (`2024年1月1日`) and the de-wrapping of text wrapped inside a cell.
//!
//! ```
//! use jixiao_model::normalize::parse_target;
//! use jixiao_model::Op;
//!
//! let t = parse_target("≥2.00(次)");
//! assert_eq!(t.op, Some(Op::Ge));
//! assert_eq!(t.value, Some(2.0));
//! assert_eq!(t.unit.as_deref(), Some("次"));
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod normalize;

use serde::{Deserialize, Serialize};

/// The version of the output contract written into every document.
pub const SCHEMA_VERSION: u32 = 1;

/// One input file, converted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub source: Source,
    /// The heading printed above the first form, if any.
    pub title: Option<String>,
    pub projects: Vec<Project>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// An empty document for `source` (no title, no projects).
    pub fn new(source: Source) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            source,
            title: None,
            projects: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Number of indicator rows over all projects.
    pub fn indicator_count(&self) -> usize {
        self.projects.iter().map(|p| p.indicators.len()).sum()
    }

    /// True when some diagnostic has level `error`.
    pub fn has_error(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }
}

/// Where the document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The input's file name (with its sub-path below the converted folder).
    pub file: String,
    pub format: Format,
    /// Hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Page count for PDF input, `null` for text.
    pub pages: Option<u32>,
}

/// The kind of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Text,
}

/// One filled-in form (财政项目支出绩效目标申报表 and its variants).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The form heading as printed.
    pub form: String,
    pub year: Option<i32>,
    pub name: Option<String>,
    pub nature: Option<String>,
    pub category: Option<String>,
    pub department: Option<String>,
    pub implementer: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub end_date: Option<String>,
    pub funds: Funds,
    pub goal_project: Option<String>,
    pub goal_annual: Option<String>,
    pub indicators: Vec<Indicator>,
    pub span: Span,
    /// Header cells the schema has no field for (`项目编码`, `项目负责人`):
    /// label as printed → value.
    #[serde(default)]
    pub extra: std::collections::BTreeMap<String, String>,
}

impl Project {
    /// A project with only its form heading and span known.
    pub fn new(form: impl Into<String>, span: Span) -> Project {
        Project {
            form: form.into(),
            year: None,
            name: None,
            nature: None,
            category: None,
            department: None,
            implementer: None,
            start_date: None,
            end_date: None,
            funds: Funds::default(),
            goal_project: None,
            goal_annual: None,
            indicators: Vec::new(),
            span,
            extra: std::collections::BTreeMap::new(),
        }
    }
}

/// The money cells of a form, in yuan. `None` is a blank cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Funds {
    pub project_total: Option<f64>,
    pub project_fiscal: Option<f64>,
    pub project_other: Option<f64>,
    pub annual_total: Option<f64>,
    pub annual_fiscal_current: Option<f64>,
    pub annual_fiscal_carryover: Option<f64>,
    pub annual_other: Option<f64>,
}

/// One money cell of [`Funds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FundItem {
    ProjectTotal,
    ProjectFiscal,
    ProjectOther,
    AnnualTotal,
    AnnualFiscalCurrent,
    AnnualFiscalCarryover,
    AnnualOther,
}

impl FundItem {
    /// The label printed in the form for this cell.
    pub fn label(self) -> &'static str {
        match self {
            FundItem::ProjectTotal => "项目资金总额",
            FundItem::ProjectFiscal => "其中：财政资金",
            FundItem::ProjectOther => "其他资金",
            FundItem::AnnualTotal => "年度资金申请总额",
            FundItem::AnnualFiscalCurrent => "其中：当年财政拨款",
            FundItem::AnnualFiscalCarryover => "上年结转资金",
            FundItem::AnnualOther => "其他资金",
        }
    }
}

impl Funds {
    /// The cell for `item`.
    pub fn get(&self, item: FundItem) -> Option<f64> {
        match item {
            FundItem::ProjectTotal => self.project_total,
            FundItem::ProjectFiscal => self.project_fiscal,
            FundItem::ProjectOther => self.project_other,
            FundItem::AnnualTotal => self.annual_total,
            FundItem::AnnualFiscalCurrent => self.annual_fiscal_current,
            FundItem::AnnualFiscalCarryover => self.annual_fiscal_carryover,
            FundItem::AnnualOther => self.annual_other,
        }
    }

    /// A mutable reference to the cell for `item`.
    pub fn slot(&mut self, item: FundItem) -> &mut Option<f64> {
        match item {
            FundItem::ProjectTotal => &mut self.project_total,
            FundItem::ProjectFiscal => &mut self.project_fiscal,
            FundItem::ProjectOther => &mut self.project_other,
            FundItem::AnnualTotal => &mut self.annual_total,
            FundItem::AnnualFiscalCurrent => &mut self.annual_fiscal_current,
            FundItem::AnnualFiscalCarryover => &mut self.annual_fiscal_carryover,
            FundItem::AnnualOther => &mut self.annual_other,
        }
    }
}

/// One 三级指标 row of the 绩效指标 table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// 一级指标 (产出指标, 效益指标, …).
    pub level1: Option<String>,
    /// 二级指标 (数量指标, 社会效益指标, …).
    pub level2: Option<String>,
    /// 三级指标.
    pub name: String,
    pub target: Target,
    /// The page the row stands on (PDF input; `null` for text).
    #[serde(default)]
    pub page: Option<u32>,
}

/// An indicator's target value (年度指标值) as printed and as parsed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The de-wrapped text as printed.
    pub text: String,
    pub op: Option<Op>,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// The comparison of a numeric target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<")]
    Lt,
}

impl Op {
    /// The ASCII form used in the output (`>=`, `<=`, `=`, `>`, `<`).
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Le => "<=",
            Op::Eq => "=",
            Op::Gt => ">",
            Op::Lt => "<",
        }
    }
}

/// Where a project sits in its source, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Span {
    #[serde(rename = "pages")]
    Pages([u32; 2]),
    #[serde(rename = "lines")]
    Lines([u32; 2]),
}

/// A place in the source: a page of a PDF or a line of a text dump (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Location {
    Page(u32),
    Line(u32),
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
}

/// Something the reader should know about the conversion: a failure, a
/// finding in the data, or text that was dropped or could not be placed
/// (with the text itself, so that nothing disappears silently).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    /// A stable, kebab-case identifier (`funds-mismatch`, `unplaced-text`, …).
    pub code: String,
    /// Index of the project (0-based, in document order) it concerns.
    pub project: Option<usize>,
    /// PDF page (1-based) where it was found.
    pub page: Option<u32>,
    /// Text line (1-based) where it was found.
    pub line: Option<u32>,
    pub message: String,
    /// The source text concerned, verbatim, when there is one.
    pub text: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no location and no text.
    pub fn new(level: Level, code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level,
            code: code.to_string(),
            project: None,
            page: None,
            line: None,
            message: message.into(),
            text: None,
        }
    }

    /// Sets where the diagnostic was found.
    pub fn at(mut self, loc: Option<Location>) -> Diagnostic {
        match loc {
            Some(Location::Page(p)) => self.page = Some(p),
            Some(Location::Line(l)) => self.line = Some(l),
            None => {}
        }
        self
    }

    /// Sets the project index.
    pub fn in_project(mut self, project: Option<usize>) -> Diagnostic {
        self.project = project;
        self
    }

    /// Attaches the source text concerned.
    pub fn with_text(mut self, text: impl Into<String>) -> Diagnostic {
        self.text = Some(text.into());
        self
    }
}
