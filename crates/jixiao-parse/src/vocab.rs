//! The printed labels of the forms, matched on folded text
//! ([`jixiao_model::normalize::fold_compact`]).

use std::sync::OnceLock;

use jixiao_model::normalize::fold_compact;
use jixiao_model::FundItem;
use regex::Regex;

/// A header cell of a form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// 项目名称.
    Name,
    /// 项目性质 (项目属性).
    Nature,
    /// 项目类别 (项目类型).
    Category,
    /// 主管部门.
    Department,
    /// 实施单位.
    Implementer,
    /// 计划开始日期.
    StartDate,
    /// 计划完成日期.
    EndDate,
    /// A header cell the schema has no field for (项目负责人, 联系电话 …).
    Other(&'static str),
}

const FIELDS: &[(&str, Field)] = &[
    ("项目名称", Field::Name),
    ("项目性质", Field::Nature),
    ("项目属性", Field::Nature),
    ("项目类别", Field::Category),
    ("项目类型", Field::Category),
    ("主管部门及代码", Field::Department),
    ("主管部门", Field::Department),
    ("主管单位", Field::Department),
    ("项目实施单位", Field::Implementer),
    ("实施单位及代码", Field::Implementer),
    ("实施单位", Field::Implementer),
    ("计划开始日期", Field::StartDate),
    ("项目开始日期", Field::StartDate),
    ("开始日期", Field::StartDate),
    ("计划完成日期", Field::EndDate),
    ("计划结束日期", Field::EndDate),
    ("项目完成日期", Field::EndDate),
    ("完成日期", Field::EndDate),
    ("项目负责人", Field::Other("项目负责人")),
    ("联系电话", Field::Other("联系电话")),
    ("联系人", Field::Other("联系人")),
    ("项目期限", Field::Other("项目期限")),
    ("项目编码", Field::Other("项目编码")),
    ("项目代码", Field::Other("项目代码")),
];

/// A cell that opens with a header label: the field and the rest of the cell
/// (`项目名称：科技服务` → Name, `科技服务`).
pub fn field_prefix(cell: &str) -> Option<(Field, String)> {
    let folded = fold_compact(cell);
    for (label, field) in FIELDS {
        if let Some(rest) = folded.strip_prefix(label) {
            let rest = rest.trim_start_matches(':');
            // Keep the original characters of the rest: skip as many
            // characters of the cell as the label and colon took.
            let taken = folded.chars().count() - rest.chars().count();
            let original: String = cell.chars().filter(|c| !c.is_whitespace()).skip(taken).collect();
            return Some((field.clone(), original));
        }
    }
    None
}

/// True when `folded` is a whole header label (`计划开始日期`).
pub fn is_field_label(folded: &str) -> bool {
    FIELDS.iter().any(|(label, _)| *label == folded)
}

/// True when a header label begins with `folded` and is longer: the first
/// piece of a label its narrow cell wrapped (`计划开始日` / `期`).
pub fn is_field_label_prefix(folded: &str) -> bool {
    !folded.is_empty()
        && FIELDS
            .iter()
            .any(|(label, _)| label.len() > folded.len() && label.starts_with(folded))
}

/// The header label `first` and `next` spell when `first` only begins it
/// (`计划开始日` + `期`: a label its narrow cell wrapped).
pub fn completed_field_label(first: &str, next: &str) -> Option<String> {
    let head = fold_compact(first);
    let whole = format!("{head}{}", fold_compact(next));
    (is_field_label_prefix(&head) && !is_field_label(&head) && is_field_label(&whole))
        .then(|| format!("{}{}", first.trim(), next.trim()))
}

/// True when `folded` is a whole header label (`计划开始日期`), a money
/// label or a goal heading: the join of a label a narrow cell wrapped.
pub fn is_whole_label(folded: &str) -> bool {
    FIELDS.iter().any(|(label, _)| *label == folded) || fund_label(folded).is_some() || goal_heading(folded).is_some()
}

/// A money label of the funds block; `其他资金` is printed in both columns and
/// is resolved by position later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundLabel {
    Item(FundItem),
    Other,
}

/// The sums a form's money cells make: each total and its parts
/// (年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金, 项目资金总额 =
/// 财政资金 + 其他资金), in the order they are checked and reported.
pub const FUND_SUMS: [(FundItem, &[FundItem]); 2] = [
    (
        FundItem::AnnualTotal,
        &[
            FundItem::AnnualFiscalCurrent,
            FundItem::AnnualFiscalCarryover,
            FundItem::AnnualOther,
        ],
    ),
    (
        FundItem::ProjectTotal,
        &[FundItem::ProjectFiscal, FundItem::ProjectOther],
    ),
];

/// An amount in cents: amounts are printed with two decimals, and are
/// compared so.
pub fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// The money label a whole cell spells, if any.
pub fn fund_label(cell: &str) -> Option<FundLabel> {
    let folded = fold_compact(cell);
    let name = fund_label_name(&folded);
    FUND_LABELS.iter().find(|(n, _)| *n == name).map(|&(_, label)| label)
}

/// A money cell's label without `其中：` and a trailing colon.
fn fund_label_name(folded: &str) -> &str {
    let folded = folded.trim_end_matches(':');
    let folded = folded.strip_prefix("其中:").unwrap_or(folded);
    folded.strip_prefix("其中").unwrap_or(folded)
}

/// The money block's labels as printed, and what each is.
const FUND_LABELS: &[(&str, FundLabel)] = &[
    ("项目资金总额", FundLabel::Item(FundItem::ProjectTotal)),
    ("项目总额", FundLabel::Item(FundItem::ProjectTotal)),
    ("财政资金", FundLabel::Item(FundItem::ProjectFiscal)),
    ("年度资金申请总额", FundLabel::Item(FundItem::AnnualTotal)),
    ("年度资金总额", FundLabel::Item(FundItem::AnnualTotal)),
    ("年度申请资金总额", FundLabel::Item(FundItem::AnnualTotal)),
    ("年度预算申请总额", FundLabel::Item(FundItem::AnnualTotal)),
    ("当年财政拨款", FundLabel::Item(FundItem::AnnualFiscalCurrent)),
    ("财政拨款", FundLabel::Item(FundItem::AnnualFiscalCurrent)),
    ("本年财政拨款", FundLabel::Item(FundItem::AnnualFiscalCurrent)),
    ("上年结转资金", FundLabel::Item(FundItem::AnnualFiscalCarryover)),
    ("上年结转", FundLabel::Item(FundItem::AnnualFiscalCarryover)),
    ("上年结余结转", FundLabel::Item(FundItem::AnnualFiscalCarryover)),
    ("其他资金", FundLabel::Other),
];

/// The money label `first` and `next` spell when neither is one: a
/// label its narrow cell wrapped (`年度资金申请总` `额`, `其中：财政资` / `金`).
pub fn completed_fund_label(first: &str, next: &str) -> Option<String> {
    if !begins_fund_label(first) || fund_label(next).is_some() {
        return None;
    }
    let joined = format!("{first}{next}");
    fund_label(&joined).is_some().then_some(joined)
}

/// Fewest characters of a money label's name printed cut short for it to
/// be read as the label it begins (`当年财政拨` of `当年财政拨款`; `财政`
/// begins two labels and is too short anyway).
const MIN_CUT_FUND_LABEL: usize = 4;

/// A money label printed cut short (`其中：当年财政拨` of 当年财政拨款).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CutLabel {
    pub label: FundLabel,
    /// The label's whole name.
    pub name: &'static str,
    /// What the cell left out of it (`款`).
    pub rest: &'static str,
}

/// The money label a cell cut short by its narrow cell begins, where it
/// begins labels of one kind only (`其中：当年财政拨` → 当年财政拨款).
pub fn cut_short_fund_label(cell: &str) -> Option<CutLabel> {
    let folded = fold_compact(cell);
    let name = fund_label_name(&folded);
    // (`项目资金` is the block's marker, not a cut 项目资金总额.)
    if fund_label(cell).is_some() || marker(&folded).is_some() || name.chars().count() < MIN_CUT_FUND_LABEL {
        return None;
    }
    let mut begun = FUND_LABELS
        .iter()
        .filter(|(n, _)| n.len() > name.len() && n.starts_with(name));
    let (first_name, first) = *begun.next()?;
    let cut = CutLabel {
        label: first,
        name: first_name,
        rest: first_name.get(name.len()..)?,
    };
    begun.all(|(_, label)| *label == first).then_some(cut)
}

/// True for a cell that only begins a money label (`其中：财政资`).
pub fn begins_fund_label(cell: &str) -> bool {
    let folded = fold_compact(cell);
    let name = fund_label_name(&folded);
    fund_label(cell).is_none()
        && !name.is_empty()
        && FUND_LABELS
            .iter()
            .any(|(n, _)| n.len() > name.len() && n.starts_with(name))
}

/// A merged label printed down the left edge of a block (often one or two
/// characters a line: `项目` `绩效` `目标`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// 项目资金（元）; `scale` converts the printed unit to yuan.
    Funds { scale: u32 },
    /// 项目绩效目标.
    Goal,
    /// 绩效指标.
    Indicators,
}

/// The marker a folded text spells, if any.
pub fn marker(folded: &str) -> Option<Marker> {
    Some(match folded {
        "项目资金(元)" | "项目资金" | "资金情况(元)" => Marker::Funds { scale: 1 },
        "项目资金(万元)" | "资金情况(万元)" => Marker::Funds { scale: 10_000 },
        "项目绩效目标" | "绩效目标" => Marker::Goal,
        "绩效指标" => Marker::Indicators,
        _ => return None,
    })
}

/// Markers as they fold, for telling the pieces of one printed over
/// several lines.
const MARKERS: &[&str] = &[
    "项目资金(元)",
    "项目资金(万元)",
    "资金情况(元)",
    "资金情况(万元)",
    "项目绩效目标",
    "绩效目标",
    "绩效指标",
];

/// True when some marker begins with `folded` and is longer: the first
/// pieces of a marker printed over several lines.
pub fn is_marker_prefix(folded: &str) -> bool {
    MARKERS.iter().any(|m| m.len() > folded.len() && m.starts_with(folded))
}

/// True when `folded` is a block marker whole or one of its pieces
/// (`项目资金（元）`, `项目资`, `（元）`): text that belongs to the marker's
/// own pass, not to the cells around it.
pub fn is_marker_text(folded: &str) -> bool {
    is_marker_piece(folded) || marker(folded).is_some()
}

/// True when `folded` is a piece of a marker printed a few characters a
/// line (`项目`, `绩效`, `目标`, `(元)`).
pub fn is_marker_piece(folded: &str) -> bool {
    folded.chars().count() >= 2 && MARKERS.iter().any(|m| m.contains(folded))
}

/// Which goal field a goal heading cell fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalSlot {
    /// 项目总目标.
    Project,
    /// 年度总体目标.
    Annual,
    /// One text under both headings.
    Both,
}

/// The goal heading a whole cell spells.
pub fn goal_heading(cell: &str) -> Option<GoalSlot> {
    match fold_compact(cell).trim_end_matches(':') {
        "项目总目标" | "总体目标" | "项目总体目标" | "中长期目标" => Some(GoalSlot::Project),
        "年度总体目标" | "年度目标" | "年度绩效目标" => Some(GoalSlot::Annual),
        _ => None,
    }
}

/// Level of an indicator label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelLevel {
    One,
    Two,
}

const LEVEL1: &[&str] = &["产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "管理指标"];
const LEVEL2: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "生态环境效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    "社会公众或服务对象满意度指标",
    "社会公众满意度指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
];

/// An indicator label spelled by a whole cell (or by short lines joined):
/// a known 一级/二级 label, or a short run of ideographs ending in 指标.
pub fn indicator_label(cell: &str) -> Option<LabelLevel> {
    let folded = fold_compact(cell);
    if LEVEL1.contains(&&*folded) {
        return Some(LabelLevel::One);
    }
    if LEVEL2.contains(&&*folded) || is_generic_label(&folded) {
        return Some(LabelLevel::Two);
    }
    None
}

/// Labels printed one after another with two different ones of a level
/// among them: a content-order dump that prints a column of merged cells
/// in a bunch (`数量指标` / `质量指标` / `产出指标` / `时效指标` …), where
/// nothing ties a label to its rows. A table printed row by row never has
/// two 二级 (or 一级) labels without a row between them; the same label
/// printed again (the next page's top) is one.
pub fn labels_in_a_bunch<'a>(labels: impl IntoIterator<Item = (&'a str, LabelLevel)>) -> bool {
    let labels: Vec<(std::borrow::Cow<'a, str>, LabelLevel)> = labels
        .into_iter()
        .map(|(text, level)| (fold_compact(text), level))
        .collect();
    labels.iter().enumerate().any(|(i, (text, level))| {
        labels
            .iter()
            .skip(i + 1)
            .any(|(other, other_level)| other_level == level && other != text)
    })
}

/// The 一级 label a known 二级 label stands under (`时效指标` → `产出指标`);
/// `None` for labels that move between families (`成本指标` is under
/// 产出指标 in older forms) and unknown ones.
pub fn family(level2: &str) -> Option<&'static str> {
    Some(match &*fold_compact(level2) {
        "数量指标" | "质量指标" | "时效指标" => "产出指标",
        "经济效益指标" | "社会效益指标" | "生态效益指标" | "生态环境效益指标" | "可持续影响指标" => {
            "效益指标"
        }
        "服务对象满意度指标" | "社会公众或服务对象满意度指标" | "社会公众满意度指标" => {
            "满意度指标"
        }
        "经济成本指标" | "社会成本指标" | "生态环境成本指标" => "成本指标",
        _ => return None,
    })
}

/// True for a 二级 label of the 成本 family (`经济成本指标` …): after one,
/// a `成本指标` before it is the 一级 label.
pub fn is_cost_level2(cell: &str) -> bool {
    let folded = fold_compact(cell);
    folded.ends_with("成本指标") && folded != "成本指标"
}

/// Fewest characters of a label cut by a page break for its first part to
/// be read as the label (`社会公众或服务对象满意度` of
/// 社会公众或服务对象满意度指标); shorter pieces (`满意度`) are names too.
const MIN_CUT_LABEL: usize = 6;

/// The known label that `cell` is the first part of, when only one is: a
/// merged label cell cut by a page break whose second line (`指标`) shows
/// only on the next page (the glyphs outside a page's clip removed, as
/// cairo's and Ghostscript's re-writes of a LibreOffice PDF do).
pub fn cut_label(cell: &str) -> Option<&'static str> {
    let folded = fold_compact(cell);
    if folded.chars().count() < MIN_CUT_LABEL {
        return None;
    }
    let mut extended = LEVEL1
        .iter()
        .chain(LEVEL2)
        .filter(|label| label.len() > folded.len() && label.starts_with(&*folded));
    let label = extended.next()?;
    extended.next().is_none().then_some(*label)
}

/// True for a label of the vocabulary above (not a generic one).
pub fn is_known_label(cell: &str) -> bool {
    let folded = fold_compact(cell);
    LEVEL1.contains(&&*folded) || LEVEL2.contains(&&*folded)
}

/// True when a known label (or the block label 绩效指标) begins with
/// `folded` and is longer: the first piece of a label printed in pieces.
pub fn is_label_prefix(folded: &str) -> bool {
    LEVEL1
        .iter()
        .chain(LEVEL2)
        .chain(&["绩效指标"])
        .any(|label| label.len() > folded.len() && label.starts_with(folded))
}

/// The known label `first` and `next` spell when `first` is only its
/// beginning (`社会公众或服务对象` + `满意度指标`, `…满意度指` + `标`: a label
/// its narrow cell wrapped).
pub fn completed_label(first: &str, next: &str) -> Option<String> {
    if is_known_label(first) || !is_label_prefix(&fold_compact(first)) {
        return None;
    }
    let joined = format!("{first}{next}");
    is_known_label(&joined).then_some(joined)
}

/// The two known labels `first` and `next` spell when a wrapped label's
/// tail and the next label were glued on one line (pypdf of a form that
/// draws its labels bottom-up: `服务对象满意度指` / `标满意度指标` →
/// `服务对象满意度指标`, `满意度指标`). `None` unless exactly one cut of
/// `next` makes both whole known labels.
pub fn parted_labels(first: &str, next: &str) -> Option<(String, String)> {
    let head = first.trim();
    let next = next.trim();
    if is_known_label(head) || !is_label_prefix(&fold_compact(head)) {
        return None;
    }
    let mut parts = next.char_indices().skip(1).filter_map(|(k, _)| {
        let (tail, rest) = (next.get(..k)?, next.get(k..)?);
        let whole = format!("{head}{tail}");
        (is_known_label(&whole) && is_known_label(rest)).then(|| (whole, rest.to_string()))
    });
    let parted = parts.next()?;
    parts.next().is_none().then_some(parted)
}

fn is_generic_label(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\p{Han}{2,12}指标$").unwrap_or_else(|e| panic!("label pattern is a constant: {e}")))
        .is_match(folded)
        && !folded.trim_end_matches("指标").contains("指标")
        && folded != "一级指标"
        && folded != "二级指标"
        && folded != "三级指标"
        && folded != "绩效指标"
}

/// True for one cell of the indicator table's header (`一级指标` …
/// `年度(/项目)指标值`), which content-order dumps print a line each.
pub fn is_table_header_cell(folded: &str) -> bool {
    matches!(folded, "一级指标" | "二级指标" | "三级指标") || folded.ends_with("指标值")
}

/// True for the header row of the indicator table
/// (`一级指标 二级指标 三级指标 年度(/项目)指标值`).
pub fn is_indicator_header(folded_row: &str) -> bool {
    folded_row.contains("一级指标") && folded_row.contains("二级指标")
}

/// Most characters before a heading's `…项目支出绩效目标…表` (`财政`,
/// `上海市普陀区某某街道2026年度`). Checked on the match, not written
/// `{0,20}` in the pattern: the prefix is lazy and first, so the shortest
/// that lets the rest match is the one a bounded pattern would take, and
/// the bounded class compiled twenty times over.
const MAX_HEADING_PREFIX: usize = 20;

fn heading_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A short prefix of a unit or year (`财政`, `2025年`, `XX区`), never a
        // sentence (`详见单位的项目绩效目标表`).
        // Its length is checked after the match (MAX_HEADING_PREFIX).
        Regex::new(r"^(?P<form>(?P<prefix>[^,，。；;:：、的见\s]*?)(?:项目支出绩效目标(?:申报|填报|申请)?表|项目绩效目标(?:申报|填报|申请)表))(?:\((?P<year>\d{4})年度?\))?$")
            .unwrap_or_else(|e| panic!("heading pattern is a constant: {e}"))
    })
}

/// A form heading (`财政项目支出绩效目标申报表`, `…填报表`, `项目支出绩效目标表`),
/// with the year when it is printed on the same line.
pub fn form_heading(row_text: &str) -> Option<(String, Option<i32>)> {
    form_heading_folded(row_text, &fold_compact(row_text))
}

/// [`form_heading`] of a row's text and its folded copy.
pub(crate) fn form_heading_folded(row_text: &str, folded: &str) -> Option<(String, Option<i32>)> {
    // Every heading the pattern takes holds 绩效目标; most rows do not.
    if folded.contains("汇总") || !folded.contains("绩效目标") {
        return None;
    }
    let caps = heading_regex().captures(folded)?;
    if caps.name("prefix")?.as_str().chars().count() > MAX_HEADING_PREFIX {
        return None;
    }
    let form_len = caps.name("form")?.as_str().chars().count();
    // The form text as printed (without spaces), not the folded copy.
    let printed: String = row_text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .take(form_len)
        .collect();
    let year = caps.name("year").and_then(|m| m.as_str().parse().ok());
    Some((printed, year))
}

/// The year line under a heading: `（2024年度）`, `(2024年)`, `2024年度`.
pub fn year_line(row_text: &str) -> Option<i32> {
    year_line_folded(&fold_compact(row_text))
}

/// [`year_line`] of folded text.
pub(crate) fn year_line_folded(folded: &str) -> Option<i32> {
    if !folded.contains('年') {
        return None;
    }
    year_regex().captures(folded)?.name("y")?.as_str().parse().ok()
}

fn year_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\(?(?P<y>[0-9]{4})年度?\)?$").unwrap_or_else(|e| panic!("year pattern is a constant: {e}"))
    })
}

/// Page furniture that is not part of any cell: `第 1 页`, `- 3 -`, `1/10`,
/// and the same set off by rules a script wrote between the pages it
/// joined (`--- 第1页 ---`, `=== Page 2 ===`, `【3/9】`).
pub fn is_page_number(row_text: &str) -> bool {
    is_page_number_folded(&fold_compact(row_text))
}

/// [`is_page_number`] of folded text.
pub(crate) fn is_page_number_folded(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Case-insensitive in the pattern, not by lowercasing every row's
        // text (a String per row, for the few that are `Page 3 of 9`).
        // Rules a script sets around a page's number (`--- 第1页 ---`),
        // and brackets (`【3/9】`).
        const RULE: &str = "-=*#_~—–·|";
        const PAGE: &str = r"第\d+页(?:[,/]?共\d+页)?|共\d+页第\d+页|\d+/\d+|page\d+(?:of\d+)?";
        // A bare number is a page's only between rules (`- 3 -`, `--- 3
        // ---`): alone it may be a cell's.
        let pattern = format!(r"(?i)^(?:[{RULE}【】\[\]]*(?:{PAGE})[{RULE}【】\[\]]*|[{RULE}]+\d+[{RULE}]+)$");
        Regex::new(&pattern).unwrap_or_else(|e| panic!("page pattern is a constant: {e}"))
    })
    .is_match(folded)
}

/// A producer's line of the page, no cell of a form: a web address with
/// no ideograph (`Powered by TCPDF (www.tcpdf.org)` at the foot of TCPDF's
/// last page). A cell that names a site says more around it.
pub fn is_producer_line(row_text: &str) -> bool {
    let lower = row_text.to_ascii_lowercase();
    (lower.contains("www.") || lower.contains("http://") || lower.contains("https://"))
        && !row_text.chars().any(jixiao_model::normalize::is_wide)
}

/// A note printed under a form's table (`注：本表金额单位为元。`,
/// `说明：…`), as real budgets print one: no cell of the table.
pub fn is_table_note(row_text: &str) -> bool {
    let folded = fold_compact(row_text);
    ["注:", "备注:", "说明:"].iter().any(|p| folded.starts_with(p))
}

/// Longest heading of another part of a budget, in characters: a title,
/// not a sentence of a cell.
const MAX_PART_HEADING_CHARS: usize = 40;

/// The heading of another part of the document, which no form goes on
/// into (a budget's forms stand among its other parts): a table's title in
/// a budget or final accounts (`2025年部门支出预算总表`, `收入决算表`,
/// `…决算表（续）`), the `编制部门：…` or `编制单位：…` line over such a
/// table, the budget's explanation (`2025年部门预算编制说明`), a part of the
/// budget (`第四部分 名词解释`) or `名词解释`. Never a title of performance
/// targets (`…项目绩效目标表`). Of folded text ([`fold_compact`]).
fn is_other_part_heading(folded: &str) -> bool {
    if folded.starts_with("编制部门:") || folded.starts_with("编制单位:") {
        return true;
    }
    if folded.chars().count() > MAX_PART_HEADING_CHARS || folded.contains("绩效") {
        return false;
    }
    if folded == "名词解释" || is_part_heading(folded) {
        return true;
    }
    let mut title: &str = folded;
    for suffix in ["单位:元", "单位:万元", "(续)", "(续表)", "续表"] {
        title = title.strip_suffix(suffix).unwrap_or(title);
    }
    // A table's title, or the budget's explanation (`2025年部门预算编制说明`).
    (title.ends_with('表') || title.ends_with("编制说明")) && (title.contains("预算") || title.contains("决算"))
}

/// Where another part of the budget begins: its heading
/// ([`is_other_part_heading`]), a row of its tables
/// ([`is_budget_data_row`]) or a line of its text about a function
/// classification ([`is_classification_text`]).
pub fn is_other_part(row_text: &str) -> bool {
    is_other_part_folded(row_text, &fold_compact(row_text))
}

/// [`is_other_part`] of a row's text and its folded copy.
pub(crate) fn is_other_part_folded(row_text: &str, folded: &str) -> bool {
    is_other_part_heading(folded) || is_budget_data_row(row_text) || is_classification_text(folded)
}

/// A line of a budget's text that names a function classification by its
/// levels (`28. “城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出
/// （项）”219.13万元，上年:972.18万元…`, `9. “卫生健康支出-行政事业单位医疗-行政
/// 单位医疗”科目78.29万元`), as the budget's explanations of its spending
/// print them: no form's cell names a 类 and a 款, or a quoted 科目. A dump that
/// goes on from a form's last page to such a page ends the form's table
/// there (the PDF's ruling does). Of folded text ([`fold_compact`]).
fn is_classification_text(folded: &str) -> bool {
    static LEVELS: OnceLock<Regex> = OnceLock::new();
    let levels = LEVELS.get_or_init(|| {
        // `（类）` … `（款）`, or with the codes: `（208类）` … `（05款）`.
        Regex::new(r"\([0-9]*类\).*\([0-9]*款\)")
            .unwrap_or_else(|e| panic!("classification pattern is a constant: {e}"))
    });
    // (The pattern only where both levels are named: most rows name none.)
    if folded.contains("款)") && levels.is_match(folded) {
        return true;
    }
    // Or its levels parted by hyphens, quoted, then 科目 (`“社会保障和就业支出-
    // 行政事业单位养老支出-其他行政事业单位养老支出”科目1.42万元`).
    folded.contains("科目")
        && folded.split(['“', '"']).skip(1).any(|quoted| {
            quoted.split_once(['”', '"']).is_some_and(|(levels, rest)| {
                rest.starts_with("科目") && levels.contains("支出") && levels.matches('-').count() >= 2
            })
        })
}

/// A numbered heading of a budget's text about its money
/// (`五、一般公共预算财政拨款支出决算情况说明`, `（二）…决算结构情况`):
/// after an indicator table, the budget's text goes on there. Short, about
/// the budget's money ([`BUDGET_SECTION_WORDS`]), never about performance
/// targets (a goal's `一、` sentence stays the goal's: only a table ends at
/// one).
pub fn is_budget_section_heading(row_text: &str) -> bool {
    let folded = fold_compact(row_text);
    if folded.chars().count() > MAX_PART_HEADING_CHARS || folded.contains("绩效") {
        return false;
    }
    let numbered = match folded.strip_prefix('(') {
        Some(rest) => after_numerals(rest).is_some_and(|r| r.starts_with(')')),
        None => after_numerals(&folded).is_some_and(|r| r.starts_with('、')),
    };
    numbered && BUDGET_SECTION_WORDS.iter().any(|w| folded.contains(w))
}

/// What a budget's numbered sections after its forms are about
/// (`五、国有资产占有使用情况`, `二、机关运行经费预算`, `三、政府采购预算情况`).
const BUDGET_SECTION_WORDS: [&str; 6] = ["预算", "决算", "资产", "采购", "经费", "收支"];

/// Fewest amounts (`85,260`, with a thousands separator) on a row of a
/// budget table.
const MIN_BUDGET_ROW_AMOUNTS: usize = 2;

/// A row of a budget table, which no form holds: a function or economic
/// classification code (`208 05 02`, `2080502`) or `合计` first, then
/// amounts with thousands separators (`208 05 02 事业单位离退休 85,260
/// 85,260 0`), as a page that carries on a budget table after the forms
/// begins with. An indicator never starts so; a funds row names its money
/// first.
pub fn is_budget_data_row(row_text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let lead = RE.get_or_init(|| {
        Regex::new(r"^(?:\d{3}(?: ?\d{2}){0,2} ?\p{Han}|合计|总计)")
            .unwrap_or_else(|e| panic!("budget row pattern is a constant: {e}"))
    });
    let text = row_text.trim();
    // (The pattern only where a row starts as one: a code or 合计/总计.)
    let may_lead =
        text.starts_with(|c: char| c.is_ascii_digit()) || text.starts_with("合计") || text.starts_with("总计");
    if !may_lead || !lead.is_match(text) {
        return false;
    }
    let amounts = text
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .filter(|t| t.contains(',') && jixiao_model::normalize::is_amount(t))
        .count();
    amounts >= MIN_BUDGET_ROW_AMOUNTS
}

/// `第四部分…`: a part of a budget document (folded text).
fn is_part_heading(folded: &str) -> bool {
    folded
        .strip_prefix('第')
        .and_then(after_numerals)
        .is_some_and(|rest| rest.starts_with("部分"))
}

/// What follows a run of Chinese numerals (`五` of `五、…`) at the start
/// of `text`; `None` where it starts with none.
fn after_numerals(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(|c| "一二三四五六七八九十".contains(c));
    (rest.len() < text.len()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_part_headings() {
        for heading in [
            "2025年部门支出预算总表",
            "收入决算表",
            "九、国有资本经营预算财政拨款收入支出决算表",
            "2025年部门“三公”经费和机关运行经费预算表",
            "一般公共预算财政拨款基本支出决算表（续）",
            "编制部门：上海市普陀区人民政府万里街道办事处 2025年部门支出预算总表单位：元",
            "编制单位：上海市普陀区财政局",
            "第四部分 名词解释",
            "名词解释",
            "2025年部门预算编制说明",
        ] {
            assert!(is_other_part_heading(&fold_compact(heading)), "{heading}");
        }
        for line in [
            "28. “城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）”219.13万元，上年:972.18万元，",
            "9. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元，主要用于财政",
            "8、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位基本养老保险缴费支出（05项）",
        ] {
            assert!(is_classification_text(&fold_compact(line)), "{line}");
        }
        for line in [
            "完成年度预算编制，按时报送部门预算表和决算表等材料",
            "“一老一小”服务-上门-评估覆盖率",
            "预算科目调整及时率",
        ] {
            assert!(!is_classification_text(&fold_compact(line)), "{line}");
        }
        for text in [
            "财政项目支出绩效目标申报表",
            "上海市生物医药科技发展中心2024年度项目绩效目标汇总表",
            "项目支出绩效目标表",
            "预算执行率",
            "完成年度预算编制，按时报送部门预算表和决算表等材料，确保预算执行进度符合要求",
            "第1居民区矛盾调解成功率",
            "第三方评价",
            "单位：元",
            "预算执行情况说明",
        ] {
            assert!(!is_other_part_heading(&fold_compact(text)), "{text}");
        }
    }

    #[test]
    fn budget_section_headings() {
        for heading in [
            "五、一般公共预算财政拨款支出决算情况说明",
            "（二）一般公共预算财政拨款支出决算结构情况",
            "三、政府采购预算情况",
            "五、国有资产占有使用情况",
            "二、机关运行经费预算",
        ] {
            assert!(is_budget_section_heading(heading), "{heading}");
        }
        for text in [
            "四、绩效目标设置情况",
            "一、全年开展心理健康讲座不少于12场",
            "完成年度预算编制",
            "五、一般公共预算财政拨款支出决算情况说明：本年度一般公共预算财政拨款支出合计较上年增加，主要是人员经费增加",
        ] {
            assert!(!is_budget_section_heading(text), "{text}");
        }
    }

    #[test]
    fn budget_data_rows() {
        for row in [
            "208 05 02 事业单位离退休 85,260 85,260 0",
            "2080502 事业单位离退休 85,260 85,260",
            "合计 189,767,551 189,767,551",
            "201 一般公共服务支出 3,296,600 3,296,600",
        ] {
            assert!(is_budget_data_row(row), "{row}");
        }
        for row in [
            "项目资金总额 3,200,000.00 年度资金申请总额 3,200,000.00",
            "300人次培训 ≥300(人次)",
            "人员经费控制 不超过3,200,000元",
            "201 一般公共服务支出 3296600",
            "第1网格巡查次数 ≥10(次)",
        ] {
            assert!(!is_budget_data_row(row), "{row}");
        }
    }

    #[test]
    fn table_notes() {
        assert!(is_table_note("注：本表为项目支出绩效目标申报表。"));
        assert!(is_table_note("说明: 金额单位为元"));
        assert!(!is_table_note("注册企业数量 ≥10(家)"));
        assert!(!is_table_note("服务说明：见附件"));
    }

    #[test]
    fn producer_lines() {
        assert!(is_producer_line("Powered by TCPDF (www.tcpdf.org)"));
        assert!(!is_producer_line("官网（www.example.gov.cn）公开"));
        assert!(!is_producer_line("第 1 页"));
    }

    #[test]
    fn labels_cut_by_a_page_break() {
        for (cell, label) in [
            ("社会公众或服务对象满意度", Some("社会公众或服务对象满意度指标")),
            ("社会公众或服务对象", Some("社会公众或服务对象满意度指标")),
            // Short pieces are names as well; a piece two labels begin with
            // is no one label's.
            ("满意度", None),
            ("服务对象满", None),
            ("社会效益指标", None),
            ("居民满意度调查结果", None),
        ] {
            assert_eq!(cut_label(cell), label, "{cell}");
        }
    }

    #[test]
    fn money_labels_cut_short() {
        use FundItem::*;
        for (cell, read) in [
            (
                "其中：当年财政拨",
                Some((FundLabel::Item(AnnualFiscalCurrent), "当年财政拨款")),
            ),
            (
                "年度资金申请总",
                Some((FundLabel::Item(AnnualTotal), "年度资金申请总额")),
            ),
            // Two labels of one kind begin so: that kind.
            ("年度资金", Some((FundLabel::Item(AnnualTotal), "年度资金申请总额"))),
            (
                "上年结转资",
                Some((FundLabel::Item(AnnualFiscalCarryover), "上年结转资金")),
            ),
            // Labels of two kinds begin so, or too short, or whole: none.
            ("其中：财政", None),
            ("上年结", None),
            ("其中：当年财政拨款", None),
            ("项目资金", None),
        ] {
            assert_eq!(cut_short_fund_label(cell).map(|c| (c.label, c.name)), read, "{cell}");
        }
    }

    #[test]
    fn labels_glued_at_a_wrap_are_parted() {
        let parted = |a: &str, b: &str| parted_labels(a, b);
        let both = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            parted("服务对象满意度指", "标满意度指标"),
            both("服务对象满意度指标", "满意度指标")
        );
        assert_eq!(parted("可持续影响", "指标效益指标"), both("可持续影响指标", "效益指标"));
        // A whole first label, a tail alone, a first piece that begins no
        // label, a rest that is no known label: nothing to part.
        assert_eq!(parted("服务对象满意度指标", "满意度指标"), None);
        assert_eq!(parted("服务对象满意度指", "标"), None);
        assert_eq!(parted("居民满意度", "标满意度指标"), None);
        assert_eq!(parted("服务对象满意度指", "标居民满意度调查指标"), None);
    }

    #[test]
    fn headings() {
        assert_eq!(
            form_heading("财政项目支出绩效目标申报表"),
            Some(("财政项目支出绩效目标申报表".to_string(), None))
        );
        assert_eq!(
            form_heading("财政项目支出绩效目标填报表（2025年度）"),
            Some(("财政项目支出绩效目标填报表".to_string(), Some(2025)))
        );
        assert_eq!(
            form_heading("项目支出绩效目标表").map(|h| h.0),
            Some("项目支出绩效目标表".into())
        );
        assert_eq!(
            form_heading("上海市生物医药科技发展中心2024年度项目绩效目标汇总表"),
            None
        );
        // A prefix of at most MAX_HEADING_PREFIX characters: a unit's name,
        // not a sentence.
        let nineteen = "上海市普陀区某某街道二〇二六年度单位部";
        assert_eq!(nineteen.chars().count() + 1, MAX_HEADING_PREFIX);
        assert!(form_heading(&format!("{nineteen}甲项目支出绩效目标表")).is_some());
        assert_eq!(form_heading(&format!("{nineteen}甲乙项目支出绩效目标表")), None);
        assert_eq!(form_heading("单位，项目支出绩效目标表"), None);
        assert_eq!(year_line("（2024年度）"), Some(2024));
        assert_eq!(year_line("(2024年度)"), Some(2024));
    }

    #[test]
    fn labels() {
        assert_eq!(indicator_label("产出指标"), Some(LabelLevel::One));
        assert_eq!(indicator_label("服务对象满意度指标"), Some(LabelLevel::Two));
        assert_eq!(indicator_label("项目完成率"), None);
        assert_eq!(indicator_label("绩效指标"), None);
        assert_eq!(
            fund_label("其中：当年财政拨款"),
            Some(FundLabel::Item(FundItem::AnnualFiscalCurrent))
        );
        assert_eq!(fund_label("其他资金"), Some(FundLabel::Other));
        assert_eq!(
            field_prefix("项目名称：科技服务"),
            Some((Field::Name, "科技服务".to_string()))
        );
        assert_eq!(field_prefix("项目性质"), Some((Field::Nature, String::new())));
        assert_eq!(
            marker(&fold_compact("项目资金（元）")),
            Some(Marker::Funds { scale: 1 })
        );
        assert!(is_page_number("第 1 页 共 10 页"));
        assert!(is_page_number("Page 3 of 9"));
        assert!(is_page_number("PAGE 3"));
        assert!(!is_page_number("2024"));
        assert!(!is_page_number("Pages 3"));
        assert!(is_page_number("--- 第1页 ---"));
        assert!(is_page_number("=== Page 2 of 9 ==="));
        assert!(is_page_number("【3/9】"));
        assert!(is_page_number("— 4 —"));
        assert!(!is_page_number("(3)"));
        assert!(!is_page_number("3."));
        assert!(!is_page_number("-3"));
    }
}
