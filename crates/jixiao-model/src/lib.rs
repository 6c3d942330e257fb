//! The data model of jixiao's output and the normalisers that fill it.
//!
//! A [`Document`] is what one input file (a PDF or a text dump of
//! performance-target sheets, 绩效目标申报表) becomes: its title, one
//! [`Project`] per filled-in form, and [`Diagnostic`]s for everything that was
//! odd, repeated or could not be placed. The field names and their order are
//! the contract of `docs/output.md` (`schema_version` 1); serde serialises the
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

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod normalize;

use serde::{Deserialize, Serialize};

/// The version of the output contract written into every document.
pub const SCHEMA_VERSION: u32 = 1;

/// One input file, converted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The version of the output contract ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The input file this document was converted from.
    pub source: Source,
    /// The heading printed above the first form, if any.
    pub title: Option<String>,
    /// One entry per filled-in form, in document order.
    pub projects: Vec<Project>,
    /// Everything odd, dropped or unreadable, in the order found.
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
    /// Whether the input was read as a PDF or as text.
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
    /// A PDF file.
    Pdf,
    /// A text dump of one.
    Text,
}

/// One filled-in form (财政项目支出绩效目标申报表 and its variants).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The form heading as printed.
    pub form: String,
    /// The form's year (`（2024年度）`).
    pub year: Option<i32>,
    /// 项目名称.
    pub name: Option<String>,
    /// 项目性质.
    pub nature: Option<String>,
    /// 项目类别.
    pub category: Option<String>,
    /// 主管部门.
    pub department: Option<String>,
    /// 实施单位.
    pub implementer: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub end_date: Option<String>,
    /// The money cells, in yuan.
    pub funds: Funds,
    /// 项目总目标, de-wrapped.
    pub goal_project: Option<String>,
    /// 年度总体目标, de-wrapped.
    pub goal_annual: Option<String>,
    /// The indicator rows, in printed order.
    pub indicators: Vec<Indicator>,
    /// Where the form is in the source.
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
    /// 项目资金总额.
    pub project_total: Option<f64>,
    /// 其中：财政资金 (left column).
    pub project_fiscal: Option<f64>,
    /// 其他资金 (left column).
    pub project_other: Option<f64>,
    /// 年度资金申请总额.
    pub annual_total: Option<f64>,
    /// 其中：当年财政拨款.
    pub annual_fiscal_current: Option<f64>,
    /// 上年结转资金.
    pub annual_fiscal_carryover: Option<f64>,
    /// 其他资金 (right column).
    pub annual_other: Option<f64>,
}

/// One money cell of [`Funds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FundItem {
    /// 项目资金总额.
    ProjectTotal,
    /// 其中：财政资金.
    ProjectFiscal,
    /// 其他资金 (left).
    ProjectOther,
    /// 年度资金申请总额.
    AnnualTotal,
    /// 其中：当年财政拨款.
    AnnualFiscalCurrent,
    /// 上年结转资金.
    AnnualFiscalCarryover,
    /// 其他资金 (right).
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
    /// 年度(/项目)指标值, parsed.
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
    /// The comparison, when the target has one.
    pub op: Option<Op>,
    /// The number of the target.
    pub value: Option<f64>,
    /// The unit (`次`, `%`).
    pub unit: Option<String>,
}

/// The comparison of a numeric target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = ">=")]
    /// `>=` (`≥`, 不低于 …).
    Ge,
    #[serde(rename = "<=")]
    /// `<=` (`≤`, 不超过 …).
    Le,
    #[serde(rename = "=")]
    /// `=`.
    Eq,
    #[serde(rename = ">")]
    /// `>` (大于 …).
    Gt,
    #[serde(rename = "<")]
    /// `<` (小于 …).
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
    /// First and last PDF page, 1-based, inclusive.
    Pages([u32; 2]),
    #[serde(rename = "lines")]
    /// First and last text line, 1-based, inclusive.
    Lines([u32; 2]),
}

/// A place in the source: a page of a PDF or a line of a text dump (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Location {
    /// A PDF page, 1-based.
    Page(u32),
    /// A text line, 1-based.
    Line(u32),
}

impl Location {
    /// The text line, where this is one.
    pub fn line(self) -> Option<u32> {
        match self {
            Location::Line(n) => Some(n),
            Location::Page(_) => None,
        }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The input or part of it could not be read.
    Error,
    /// Something in the data is off.
    Warning,
    /// Worth knowing; nothing is wrong.
    Info,
}

/// What a diagnostic is about: a stable identifier, written in the output
/// as kebab-case (`funds-mismatch`). docs/diagnostics.md describes each
/// one; a test fails when one is missing there.
///
/// Adding a code: a variant here (and in [`Code::ALL`] and
/// [`Code::as_str`]), a row in docs/diagnostics.md, and its Chinese
/// console text in the CLI's `zh_error` when it is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// `unreadable-file`: the path cannot be read, is not a regular file, or is over the size limit.
    UnreadableFile,
    /// `unreadable-pdf`: empty, not a PDF, encrypted with a user password, or damaged beyond repair.
    UnreadablePdf,
    /// `unreadable-text`: empty, binary, or an encoding that cannot be determined.
    UnreadableText,
    /// `no-text-layer`: no page has text: a scan.
    NoTextLayer,
    /// `repaired-pdf`: the file's structure was damaged and rebuilt: output may be incomplete.
    RepairedPdf,
    /// `truncated-text`: a text dump ends inside a character (a truncated
    /// download): the incomplete character was dropped.
    TruncatedText,
    /// `pdf-page`: one page could not be read.
    PdfPage,
    /// `pdf-content`: part of a page could not be read.
    PdfContent,
    /// `undecodable-font`: a font's glyphs have no Unicode mapping.
    UndecodableFont,
    /// `limit`: an interpreter limit cut the page or a font.
    Limit,
    /// `timeout`: the conversion took longer than its time budget.
    Timeout,
    /// `out-of-memory`: the conversion needed more memory than a worker may use.
    OutOfMemory,
    /// `crashed`: the worker process died.
    Crashed,
    /// `internal-error`: a bug met while converting.
    InternalError,
    /// `no-form`: pages or lines that hold no form.
    NoForm,
    /// `unplaced-text`: text that could not be placed in a field.
    UnplacedText,
    /// `duplicate-fragment`: a fragment printed again and dropped.
    DuplicateFragment,
    /// `label-after-rows`: indicator rows took their label from a label printed after them.
    LabelAfterRows,
    /// `label-from-family`: indicator rows whose 一级 label the dump's order
    /// lost took it from their 二级 label's family (`时效指标` → `产出指标`).
    LabelFromFamily,
    /// `label-cut-short`: a money label printed cut short by its cell
    /// (`其中：当年财政拨`) was read as the one label it begins.
    LabelCutShort,
    /// `funds-mismatch`: the money cells do not add up.
    FundsMismatch,
    /// `bad-amount`: a money cell that is not an amount.
    BadAmount,
    /// `bad-date`: a date cell that is not a date.
    BadDate,
    /// `date-order`: the plan ends before it starts.
    DateOrder,
    /// `date-outside-year`: a plan date outside the form's year.
    DateOutsideYear,
    /// `conflicting-field`: a field printed twice with different values.
    ConflictingField,
    /// `missing-field`: a form without a required header cell.
    MissingField,
    /// `no-indicators`: a form with no indicator rows.
    NoIndicators,
    /// `empty-indicator`: an indicator with an empty name or target.
    EmptyIndicator,
    /// `duplicate-indicator`: the same indicator twice under one label.
    DuplicateIndicator,
    /// `control-character`: control characters removed from a text field.
    ControlCharacter,
    /// `cell-truncated`: a text cut to fit a spreadsheet cell.
    CellTruncated,
}

impl Code {
    /// Every code, in the order of docs/diagnostics.md.
    pub const ALL: &'static [Code] = &[
        Code::UnreadableFile,
        Code::UnreadablePdf,
        Code::UnreadableText,
        Code::NoTextLayer,
        Code::RepairedPdf,
        Code::TruncatedText,
        Code::PdfPage,
        Code::PdfContent,
        Code::UndecodableFont,
        Code::Limit,
        Code::Timeout,
        Code::OutOfMemory,
        Code::Crashed,
        Code::InternalError,
        Code::NoForm,
        Code::UnplacedText,
        Code::DuplicateFragment,
        Code::LabelAfterRows,
        Code::LabelFromFamily,
        Code::LabelCutShort,
        Code::FundsMismatch,
        Code::BadAmount,
        Code::BadDate,
        Code::DateOrder,
        Code::DateOutsideYear,
        Code::ConflictingField,
        Code::MissingField,
        Code::NoIndicators,
        Code::EmptyIndicator,
        Code::DuplicateIndicator,
        Code::ControlCharacter,
        Code::CellTruncated,
    ];

    /// The code as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnreadableFile => "unreadable-file",
            Code::UnreadablePdf => "unreadable-pdf",
            Code::UnreadableText => "unreadable-text",
            Code::NoTextLayer => "no-text-layer",
            Code::RepairedPdf => "repaired-pdf",
            Code::TruncatedText => "truncated-text",
            Code::PdfPage => "pdf-page",
            Code::PdfContent => "pdf-content",
            Code::UndecodableFont => "undecodable-font",
            Code::Limit => "limit",
            Code::Timeout => "timeout",
            Code::OutOfMemory => "out-of-memory",
            Code::Crashed => "crashed",
            Code::InternalError => "internal-error",
            Code::NoForm => "no-form",
            Code::UnplacedText => "unplaced-text",
            Code::DuplicateFragment => "duplicate-fragment",
            Code::LabelAfterRows => "label-after-rows",
            Code::LabelFromFamily => "label-from-family",
            Code::LabelCutShort => "label-cut-short",
            Code::FundsMismatch => "funds-mismatch",
            Code::BadAmount => "bad-amount",
            Code::BadDate => "bad-date",
            Code::DateOrder => "date-order",
            Code::DateOutsideYear => "date-outside-year",
            Code::ConflictingField => "conflicting-field",
            Code::MissingField => "missing-field",
            Code::NoIndicators => "no-indicators",
            Code::EmptyIndicator => "empty-indicator",
            Code::DuplicateIndicator => "duplicate-indicator",
            Code::ControlCharacter => "control-character",
            Code::CellTruncated => "cell-truncated",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with the code as written (`d.code == "funds-mismatch"`).
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::str::FromStr for Code {
    type Err = String;

    fn from_str(text: &str) -> Result<Code, String> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a jixiao diagnostic code"))
    }
}

/// What kind of duplicate fragment the parser dropped (reported as a
/// `duplicate-fragment` diagnostic with the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FragmentKind {
    /// A page number between the rows (`- 3 -`, `第 3 页`).
    PageNumber,
    /// A 一级/二级 label printed again after a page break.
    RepeatedLabel,
    /// The goal text printed again on a continuation page.
    RepeatedGoalText,
    /// The goal headings (`项目总目标 年度总体目标`) printed again.
    RepeatedGoalHeading,
    /// The indicator table's header row printed again.
    RepeatedTableHeader,
    /// Labels printed again after a table's last row.
    TrailingLabels,
    /// A form heading with no form under it.
    EmptyFormHeading,
}

impl FragmentKind {
    /// The kind as a diagnostic message says it (`dropped …`).
    pub fn describe(self) -> &'static str {
        match self {
            FragmentKind::PageNumber => "a page number",
            FragmentKind::RepeatedLabel => "a repeated label",
            FragmentKind::RepeatedGoalText => "repeated goal text",
            FragmentKind::RepeatedGoalHeading => "a repeated goal heading",
            FragmentKind::RepeatedTableHeader => "a repeated table header",
            FragmentKind::TrailingLabels => "labels repeated after the last row",
            FragmentKind::EmptyFormHeading => "a form heading with no form under it",
        }
    }
}

/// Why text could not be placed in a field (an `unplaced-text` diagnostic
/// with the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnplacedReason {
    /// Free text inside a ruled form: a page header or footer.
    OutsideTable,
    /// A header cell with no label before it.
    HeaderWithoutLabel,
    /// A cell of the funds block that is neither label nor amount.
    InFundsBlock,
    /// A numeric target with no indicator name.
    TargetWithoutName,
    /// Indicator labels of a content-order dump (`pdftotext`, PyMuPDF) that
    /// its order does not tie to rows: the rows are left without them.
    LabelsWithoutRows,
    /// Indicator labels of such a dump tied to rows by what the rows
    /// measure (counts under 数量指标, rates under 质量指标, deadlines under
    /// 时效指标, …), in the forms' order of labels: a guess.
    LabelsByShape,
    /// Money labels or amounts that a content-order dump printed under a
    /// goal heading: no goal is a bare `其他资金` or `0.00`, and which
    /// money field they fill is lost with the order.
    FundsUnderGoal,
    /// A block marker's piece (`项目`, `目`) that a content-order dump
    /// printed under a goal heading before any goal text: no goal is a
    /// bare `项目`.
    MarkerPieceInGoal,
    /// Cells of the indicator table (its header, its labels) that a
    /// content-order dump printed among the goal's lines, before the
    /// annual goal's heading: no goal line is a bare `二级指标`, and which
    /// rows a label spans is lost with the order.
    TableCellInGoal,
    /// A form's heading cells (its year, its title, its goals) that a
    /// content-order dump printed after the table's rows: the dump's order
    /// is not row order (LibreOffice draws cells that wrap after all
    /// others), so the rows' names and targets may be paired wrongly.
    OutOfRowOrder,
    /// Two goal cells side by side whose lines a dump without columns
    /// interleaves alike whichever column holds which (the taller cell's
    /// lines around the other's): the project goal is taken to be the
    /// taller, a guess.
    GoalSidesGuessed,
    /// The text under both goal headings printed in two runs, the year
    /// line or money cells between them (LibreOffice draws one goal cell
    /// in a second pass over the page): two cells, the first taken for
    /// the project goal by the dump's order, a guess.
    GoalSidesByOrder,
    /// The text under both goal headings is two lines, each a whole
    /// sentence, neither wrapped: taken as a cell under each heading, the
    /// first for the project goal, a guess (one cell's two paragraphs
    /// print alike).
    GoalSidesBySentences,
    /// A cell of the form's header or money block (a goal heading, a
    /// money label, a nature or category) that a content-order dump
    /// printed among the indicator table's cells: no indicator is a bare
    /// `项目总目标` or `上年结转资金`.
    HeaderCellInTable,
    /// The lines of two goal cells that a content-order dump interleaves, a
    /// numbered list's lines each a whole item among another text's
    /// (LibreOffice's `1.…；` / `健全…生活` / `2.…；` / `质量。`): parted
    /// so, the list taken for the annual goal, a guess.
    GoalSidesByList,
    /// A date label (`计划完成日期`) that a content-order dump printed among
    /// the goal's lines with no date after it: its value is lost with the
    /// order.
    DateLabelInGoal,
}

impl UnplacedReason {
    /// The reason as a diagnostic message says it.
    pub fn describe(self) -> &'static str {
        match self {
            UnplacedReason::OutsideTable => "text outside the form's table (page header or footer?)",
            UnplacedReason::HeaderWithoutLabel => "header text without a label",
            UnplacedReason::InFundsBlock => "text in the funds block",
            UnplacedReason::TargetWithoutName => "a target without a name",
            UnplacedReason::LabelsWithoutRows => {
                "indicator labels the dump's order does not tie to rows (the rows are left without 一级/二级 labels)"
            }
            UnplacedReason::LabelsByShape => {
                "indicator labels the dump's order does not tie to rows: each 二级 label was given the run of rows that fits it best by what the rows measure (counts, rates, deadlines, money, words, 满意度), in the forms' order of labels, a guess (check the labels against the PDF)"
            }
            UnplacedReason::FundsUnderGoal => {
                "money labels or amounts printed under a goal heading (the dump's order does not tie them to a money field)"
            }
            UnplacedReason::MarkerPieceInGoal => "a block marker's piece printed under a goal heading before the goal",
            UnplacedReason::TableCellInGoal => {
                "indicator-table cells printed among the goal's lines (the dump's order does not tie them to rows)"
            }
            UnplacedReason::GoalSidesGuessed => {
                "two goal cells whose lines the dump interleaves alike either way: the taller was taken for the project goal, a guess (check the two goals against the PDF)"
            }
            UnplacedReason::GoalSidesByOrder => {
                "the text under both goal headings printed in two runs with other cells between: taken as two cells, the first for the project goal by the dump's order, a guess (check the two goals against the PDF)"
            }
            UnplacedReason::GoalSidesBySentences => {
                "the text under both goal headings is two whole sentences on lines of their own: taken as a cell each, the first for the project goal, a guess (check the two goals against the PDF)"
            }
            UnplacedReason::HeaderCellInTable => {
                "a header or money cell printed among the indicator table's cells (the dump's order does not tie it to its field)"
            }
            UnplacedReason::DateLabelInGoal => "a date label printed among the goal's lines with no date after it",
            UnplacedReason::GoalSidesByList => {
                "two goal cells whose lines the dump interleaves, one a numbered list: parted so, the list taken for the annual goal, a guess (check the two goals against the PDF)"
            }
            UnplacedReason::OutOfRowOrder => {
                "the form's year, title or goals printed after its table's rows: the dump's order is not row order, so the rows' names and targets may be paired wrongly (check them against the PDF)"
            }
        }
    }
}

/// Something the reader should know about the conversion: a failure, a
/// finding in the data, or text that was dropped or could not be placed
/// (with the text itself, so that nothing disappears silently).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub level: Level,
    /// What it is about (written as kebab-case: `funds-mismatch`).
    pub code: Code,
    /// Index of the project (0-based, in document order) it concerns.
    pub project: Option<usize>,
    /// PDF page (1-based) where it was found.
    pub page: Option<u32>,
    /// Text line (1-based) where it was found.
    pub line: Option<u32>,
    /// What happened, in English, with the values concerned.
    pub message: String,
    /// The source text concerned, verbatim, when there is one.
    pub text: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no location and no text.
    pub fn new(level: Level, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level,
            code,
            project: None,
            page: None,
            line: None,
            message: message.into(),
            text: None,
        }
    }

    /// Sets where the diagnostic was found.
    pub fn at(mut self, loc: Option<Location>) -> Diagnostic {
        // Locations count from 1: a 0 is no place, never written as one.
        match loc {
            Some(Location::Page(p)) if p > 0 => self.page = Some(p),
            Some(Location::Line(l)) if l > 0 => self.line = Some(l),
            _ => {}
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
