//! The tables of a run over all its documents, with typed cells, shared by
//! the CSV and XLSX writers so that both hold exactly the same rows.

use jixiao_model::{Document, Level, Project};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An empty cell (null).
    Empty,
    /// Text.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// A plain number (a target value).
    Number(f64),
    /// Yuan.
    Money(f64),
    /// ISO `YYYY-MM-DD`.
    Date(String),
}

impl Value {
    fn text(value: &Option<String>) -> Value {
        value.clone().map_or(Value::Empty, Value::Text)
    }

    fn money(value: Option<f64>) -> Value {
        value.map_or(Value::Empty, Value::Money)
    }

    fn date(value: &Option<String>) -> Value {
        value.clone().map_or(Value::Empty, Value::Date)
    }

    fn index(index: usize) -> Value {
        Value::Integer(i64::try_from(index).unwrap_or(i64::MAX))
    }

    /// The cell as CSV text: numbers plain (no separators, no exponent,
    /// `2.5`, `31487510`), dates ISO, empty for null.
    pub fn to_csv(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) | Value::Date(s) => s.clone(),
            Value::Integer(i) => i.to_string(),
            Value::Number(n) | Value::Money(n) => plain_number(*n),
        }
    }
}

/// A number without separators or exponent, shortest form.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A named table: header and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name (`projects`).
    pub name: &'static str,
    /// Column titles.
    pub columns: Vec<String>,
    /// Rows of cells, as many as the columns (or fewer: empty after).
    pub rows: Vec<Vec<Value>>,
}

/// Columns of `projects.csv` / the `projects` sheet.
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
    "first_page",
    "last_page",
];

/// Columns of `indicators.csv` / the `indicators` sheet.
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
    "year",
    "department",
    "implementer",
    "page",
];

/// Columns of the `diagnostics` sheet.
pub const DIAGNOSTIC_COLUMNS: &[&str] = &[
    "file",
    "level",
    "code",
    "project_index",
    "page",
    "line",
    "message",
    "text",
];

/// The three tables of a run, in the order documents are added.
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    /// One row per form.
    pub projects: Sheet,
    /// One row per indicator.
    pub indicators: Sheet,
    /// One row per diagnostic.
    pub diagnostics: Sheet,
}

impl Default for Tables {
    fn default() -> Tables {
        Tables::new()
    }
}

impl Tables {
    /// Empty tables.
    pub fn new() -> Tables {
        Tables {
            projects: Sheet {
                name: "projects",
                columns: PROJECT_COLUMNS.iter().map(|c| c.to_string()).collect(),
                rows: Vec::new(),
            },
            indicators: Sheet {
                name: "indicators",
                columns: INDICATOR_COLUMNS.iter().map(|c| c.to_string()).collect(),
                rows: Vec::new(),
            },
            diagnostics: Sheet {
                name: "diagnostics",
                columns: DIAGNOSTIC_COLUMNS.iter().map(|c| c.to_string()).collect(),
                rows: Vec::new(),
            },
        }
    }

    /// Empty tables whose projects sheet has the extra header columns
    /// `extra` (in that order) from the start, as a streamed run needs.
    pub fn with_extra_columns(extra: &[String]) -> Tables {
        let mut tables = Tables::new();
        for label in extra {
            if !tables.projects.columns.contains(label) {
                tables.projects.columns.push(label.clone());
            }
        }
        tables
    }

    /// Adds one document's projects, indicators and diagnostics.
    pub fn add(&mut self, doc: &Document) {
        let file = Value::Text(doc.source.file.clone());
        for (index, project) in doc.projects.iter().enumerate() {
            let mut row = project_row(&file, index, project);
            // Extra header cells: one column per label, in order of first
            // appearance in the batch, after the fixed columns.
            for (label, value) in &project.extra {
                let column = match self.projects.columns.iter().position(|c| c == label) {
                    Some(column) => column,
                    None => {
                        self.projects.columns.push(label.clone());
                        self.projects.columns.len() - 1
                    }
                };
                if row.len() <= column {
                    row.resize(column + 1, Value::Empty);
                }
                if let Some(slot) = row.get_mut(column) {
                    *slot = Value::Text(value.clone());
                }
            }
            self.projects.rows.push(row);
            for indicator in &project.indicators {
                let t = &indicator.target;
                self.indicators.rows.push(vec![
                    file.clone(),
                    Value::index(index),
                    Value::text(&project.name),
                    Value::text(&indicator.level1),
                    Value::text(&indicator.level2),
                    Value::Text(indicator.name.clone()),
                    Value::Text(t.text.clone()),
                    t.op.map_or(Value::Empty, |op| Value::Text(op.as_str().to_string())),
                    t.value.map_or(Value::Empty, Value::Number),
                    Value::text(&t.unit),
                    // Pivot columns: the form's year and units on every row.
                    project.year.map_or(Value::Empty, |y| Value::Integer(i64::from(y))),
                    Value::text(&project.department),
                    Value::text(&project.implementer),
                    indicator.page.map_or(Value::Empty, |p| Value::Integer(i64::from(p))),
                ]);
            }
        }
        for d in &doc.diagnostics {
            let level = match d.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info => "info",
            };
            self.diagnostics.rows.push(vec![
                file.clone(),
                Value::Text(level.to_string()),
                Value::Text(d.code.to_string()),
                d.project.map_or(Value::Empty, Value::index),
                d.page.map_or(Value::Empty, |p| Value::Integer(i64::from(p))),
                d.line.map_or(Value::Empty, |l| Value::Integer(i64::from(l))),
                Value::Text(d.message.clone()),
                Value::text(&d.text),
            ]);
        }
    }
}

/// The Chinese title of a column of `sheet` (`--headers zh`); extra
/// header labels are Chinese already and keep their own.
pub fn zh_title<'c>(sheet: &str, column: &'c str) -> &'c str {
    match column {
        "name" if sheet == "indicators" => "三级指标",
        "file" => "文件",
        "project_index" => "表序号",
        "form" => "表名",
        "year" => "年度",
        "name" => "项目名称",
        "nature" => "项目性质",
        "category" => "项目类别",
        "department" => "主管部门",
        "implementer" => "实施单位",
        "start_date" => "计划开始日期",
        "end_date" => "计划完成日期",
        "funds_project_total" => "项目资金总额",
        "funds_project_fiscal" => "项目资金-财政资金",
        "funds_project_other" => "项目资金-其他资金",
        "funds_annual_total" => "年度资金申请总额",
        "funds_annual_fiscal_current" => "当年财政拨款",
        "funds_annual_fiscal_carryover" => "上年结转资金",
        "funds_annual_other" => "年度其他资金",
        "goal_project" => "项目总目标",
        "goal_annual" => "年度总体目标",
        "first_page" => "起始页",
        "last_page" => "结束页",
        "project_name" => "所属项目名称",
        "level1" => "一级指标",
        "level2" => "二级指标",
        "target_text" => "指标值",
        "target_op" => "比较符",
        "target_value" => "指标数值",
        "target_unit" => "计量单位",
        "page" => "页码",
        "level" => "级别",
        "code" => "代码",
        "line" => "行",
        "message" => "说明",
        "text" => "原文",
        other => other,
    }
}

impl Sheet {
    /// The header row: column names, or their Chinese titles.
    pub fn titles(&self, zh: bool) -> Vec<&str> {
        self.columns
            .iter()
            .map(|c| if zh { zh_title(self.name, c) } else { c.as_str() })
            .collect()
    }
}

/// Most characters a spreadsheet cell holds (Excel, LibreOffice, WPS).
pub const MAX_CELL_CHARS: usize = 32_767;

impl Tables {
    /// Cuts text cells longer than [`MAX_CELL_CHARS`] and records each cut
    /// as a `cell-truncated` warning in the diagnostics sheet (the JSON
    /// keeps the whole text); returns how many cells were cut.
    pub fn truncate_long_cells(&mut self) -> usize {
        let mut cut: Vec<Vec<Value>> = Vec::new();
        for sheet in [&mut self.projects, &mut self.indicators, &mut self.diagnostics] {
            for row in &mut sheet.rows {
                let file = row.first().cloned().unwrap_or(Value::Empty);
                for (c, value) in row.iter_mut().enumerate() {
                    let Value::Text(text) = value else { continue };
                    let chars = text.chars().count();
                    if chars <= MAX_CELL_CHARS {
                        continue;
                    }
                    let kept: String = text.chars().take(MAX_CELL_CHARS).collect();
                    *text = kept;
                    let column = sheet.columns.get(c).map_or("?", String::as_str);
                    cut.push(vec![
                        file.clone(),
                        Value::Text("warning".into()),
                        Value::Text(jixiao_model::Code::CellTruncated.as_str().into()),
                        Value::Empty,
                        Value::Empty,
                        Value::Empty,
                        Value::Text(format!(
                            "{} sheet, column {column}: {chars} characters cut to the cell limit of {MAX_CELL_CHARS}; the JSON holds the whole text",
                            sheet.name
                        )),
                        Value::Empty,
                    ]);
                }
            }
        }
        let count = cut.len();
        self.diagnostics.rows.extend(cut);
        count
    }
}

fn project_row(file: &Value, index: usize, p: &Project) -> Vec<Value> {
    let f = &p.funds;
    vec![
        file.clone(),
        Value::index(index),
        Value::Text(p.form.clone()),
        p.year.map_or(Value::Empty, |y| Value::Integer(i64::from(y))),
        Value::text(&p.name),
        Value::text(&p.nature),
        Value::text(&p.category),
        Value::text(&p.department),
        Value::text(&p.implementer),
        Value::date(&p.start_date),
        Value::date(&p.end_date),
        Value::money(f.project_total),
        Value::money(f.project_fiscal),
        Value::money(f.project_other),
        Value::money(f.annual_total),
        Value::money(f.annual_fiscal_current),
        Value::money(f.annual_fiscal_carryover),
        Value::money(f.annual_other),
        Value::text(&p.goal_project),
        Value::text(&p.goal_annual),
        page_of(p.span, 0),
        page_of(p.span, 1),
    ]
}

/// First (0) or last (1) page of a form's span; empty for text input.
fn page_of(span: jixiao_model::Span, which: usize) -> Value {
    match span {
        jixiao_model::Span::Pages(pages) => pages.get(which).map_or(Value::Empty, |p| Value::Integer(i64::from(*p))),
        jixiao_model::Span::Lines(_) => Value::Empty,
    }
}
