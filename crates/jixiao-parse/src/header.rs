//! Header cells of content-order dumps, put back beside their labels.
//!
//! poppler's reading order (`pdftotext` without `-layout`) prints a form's
//! header a block of cells at a time, so that a label and its value part:
//!
//! ```text
//! 主管部门
//! 上海市科学技术委员会
//! 项目性质                      ← a label, its value further down
//! 实施单位
//! 计划开始日期 2024-01-01
//! 项目资金
//! （元）
//! 其他一次性项目                ← 项目性质's value: the shape of a nature
//! 特定目标类                    ← 项目类别's: a category (its label comes later)
//! 上海市生物医药科技发展中心    ← 实施单位's: the first text label still open
//! 计划完成日期 2024-12-31
//! ```
//!
//! A header whose labels follow one another (a label directly before
//! another) is read by the shape of its values: a nature, a category and
//! the dates go to their labels wherever they stand; plain text goes to the
//! label right before it, or else to the first text label (名称, 主管部门,
//! 实施单位) still without a value. Every label with its value becomes one
//! row at the place of the first label, as the seed's dump prints them;
//! what finds no label stays where it was, for the state machine to report.
//! Headers printed a label beside its value (every other dump style) pass
//! unchanged, as does every PDF's.

use jixiao_layout::Row;
use jixiao_model::normalize::{fold_compact, is_amount, is_numeric_target, parse_date};
use jixiao_model::Location;

use crate::vocab::{self, Field};

/// Most rows from a form's heading to its goal (a header of a dozen cells
/// a line each, the money block's labels and amounts, and pieces of the
/// block markers); beyond, it is no header.
const MAX_HEADER_ROWS: usize = 80;
/// Longest nature or category value, in characters (`其他一次性项目`).
const MAX_KIND_VALUE: usize = 10;
/// Longest piece of a value that wrapped in its cell and was printed on a
/// line of its own (`其他一次性项` / `目`, `…公共服务` / `中心）`).
const MAX_WRAPPED_PIECE: usize = 3;

/// What one row of a header region is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A header label; the value printed on its line, if any.
    Label(Field, Option<String>),
    /// A nature value (`其他一次性项目`), over `usize` rows.
    Nature(usize),
    /// A category value (`特定目标类`), over `usize` rows.
    Category(usize),
    /// A date.
    Date(String),
    /// Plain text: a name or a unit's.
    Text,
    /// A short piece: the end of the value above that wrapped.
    Piece,
    /// Anything else: money labels and amounts, markers, the year line.
    Other,
}

/// Puts the values of content-order headers beside their labels; other
/// rows pass unchanged.
pub(crate) fn order_content_headers(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut rest: &[Row] = &rows;
    while let Some((row, tail)) = rest.split_first() {
        out.push(row.clone());
        rest = tail;
        if row.ruled || vocab::form_heading(&row.text).is_none() {
            continue;
        }
        let end = rest
            .iter()
            .position(ends_header)
            .unwrap_or(rest.len())
            .min(MAX_HEADER_ROWS);
        let (region, after) = rest.split_at(end.min(rest.len()));
        let region = join_labels_parted_by_values(&labels_apart(region));
        // The rest of the form, where stray header cells may stand.
        let form_end = after
            .iter()
            .position(|r| r.ruled || vocab::form_heading(&r.text).is_some())
            .unwrap_or(after.len());
        let (form, next) = after.split_at(form_end.min(after.len()));
        let strays = stray_header_rows(form);
        // Each gathered stray with the rows of `form` it stands for: a
        // money label its narrow cell wrapped is one row of both lines.
        let mut stray_rows: Vec<(Row, Vec<usize>)> = Vec::with_capacity(strays.len());
        let mut k = 0;
        while let Some(&i) = strays.get(k) {
            let (Some(row), next) = (form.get(i), form.get(i + 1)) else {
                k += 1;
                continue;
            };
            let joined = next
                .filter(|_| strays.get(k + 1) == Some(&(i + 1)) && fund_label_wraps_at(form, i))
                .map(|n| format!("{}{}", row.text.trim(), n.text.trim()));
            match joined {
                Some(label) => {
                    let cells = vec![label.clone()];
                    stray_rows.push((
                        Row {
                            text: label,
                            cells,
                            ..row.clone()
                        },
                        vec![i, i + 1],
                    ));
                    k += 2;
                }
                None => {
                    stray_rows.push((row.clone(), vec![i]));
                    k += 1;
                }
            }
        }
        let mut gathered: Vec<Row> = region.clone();
        gathered.extend(stray_rows.iter().map(|(row, _)| row.clone()));
        if let Some((rows, strays_gone, values_first)) = reorder(&gathered, region.len()) {
            if values_first {
                out.extend(mirror_funds(rows));
            } else {
                out.extend(rows);
            }
            let gone: Vec<usize> = stray_rows
                .iter()
                .zip(&strays_gone)
                .filter(|(_, g)| **g)
                .flat_map(|((_, at), _)| at.iter().copied())
                .collect();
            out.extend(
                form.iter()
                    .enumerate()
                    .filter(|(i, _)| !gone.contains(i))
                    .map(|(_, r)| r.clone()),
            );
            rest = next;
        }
    }
    out
}

/// The region with each line of bare labels side by side (a label right
/// before another: `项目名称 项目性质 其他一次性项目 项目类别`,
/// `项目资金总额 年度资金申请总额`) cut into a line per cell: Gnumeric's
/// drawing order (`pdftotext -raw`, pypdf) prints a row's values first, a
/// line each, then its labels on one line, so the labels' values are
/// elsewhere as in any content-order header. Not where values stand side
/// by side on a line of no label (pdfplumber's `项目名称 项目性质 …`
/// between the halves of wrapped values: its values are on their lines).
fn labels_apart(region: &[Row]) -> Vec<Row> {
    let bare_label = |cell: &String| {
        vocab::field_prefix(cell).is_some_and(|(_, rest)| rest.is_empty()) || vocab::fund_label(cell).is_some()
    };
    let label = |cell: &String| vocab::field_prefix(cell).is_some() || vocab::fund_label(cell).is_some();
    let values_side_by_side = region
        .iter()
        .any(|r| r.cells.len() > 1 && !r.cells.iter().any(label) && vocab::year_line(&r.text).is_none());
    if values_side_by_side {
        return region.to_vec();
    }
    let mut out = Vec::with_capacity(region.len());
    for row in region {
        let side_by_side = row
            .cells
            .windows(2)
            .any(|w| matches!(w, [a, b] if bare_label(a) && bare_label(b)));
        if row.ruled || !side_by_side {
            out.push(row.clone());
            continue;
        }
        out.extend(row.cells.iter().map(|cell| Row {
            text: cell.clone(),
            cells: vec![cell.clone()],
            ..row.clone()
        }));
    }
    out
}

/// A label its narrow cell wrapped, printed half above and half below the
/// value beside it (poppler's reading order of a ReportLab form):
///
/// ```text
/// 计划开始日
/// 2024-01-01
/// 期
/// ```
///
/// The halves join into the label, on the first half's line; the value
/// stays below it for [`reorder`]. So do halves on adjacent lines before
/// another label.
fn join_labels_parted_by_values(region: &[Row]) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(region.len());
    let mut i = 0;
    while let Some(row) = region.get(i) {
        let single = |r: &Row| !r.ruled && r.cells.len() == 1;
        let joined = match (region.get(i + 1), region.get(i + 2)) {
            (Some(value), Some(tail)) if single(row) && single(value) && single(tail) => {
                vocab::completed_field_label(&row.text, &tail.text)
                    .filter(|_| vocab::field_prefix(&value.text).is_none())
                    .map(|text| (value, text))
            }
            _ => None,
        };
        // The halves on adjacent lines: a label its narrow cell wrapped,
        // its value printed before it (Gnumeric's drawing order:
        // `2025-01-01` / `计划开始日` / `期` / `计划完成日期`) or after it
        // (Typst's, pdfmake's: `计划开始日` / `期` / `2024-01-01`); not
        // before a line of several cells, a dump that prints a row's cells
        // side by side (pypdf: `项目名` / `称` / `社区心理健康服务 项目性质 …`).
        let label_or_value_after = region
            .get(i + 2)
            .is_none_or(|r| single(r) || r.cells.first().is_some_and(|c| vocab::field_prefix(c).is_some()));
        let adjacent = || match region.get(i + 1) {
            Some(tail) if single(row) && single(tail) && label_or_value_after => {
                vocab::completed_field_label(&row.text, &tail.text)
            }
            _ => None,
        };
        match joined {
            Some((value, text)) => {
                out.push(Row {
                    cells: vec![text.clone()],
                    text,
                    ..row.clone()
                });
                out.push(value.clone());
                i += 3;
            }
            None => match adjacent() {
                Some(text) => {
                    out.push(Row {
                        cells: vec![text.clone()],
                        text,
                        ..row.clone()
                    });
                    i += 2;
                }
                None => {
                    out.push(row.clone());
                    i += 1;
                }
            },
        }
    }
    out
}

/// True where row `i` of `form` is a money label its narrow cell
/// wrapped and row `i + 1` its rest (`其中：当年财政拨` / `款`).
fn fund_label_wraps_at(form: &[Row], i: usize) -> bool {
    match (form.get(i), form.get(i + 1)) {
        (Some(head), Some(rest)) => {
            vocab::completed_fund_label(&fold_compact(&head.text), &fold_compact(&rest.text)).is_some()
        }
        _ => false,
    }
}

/// Rows of the header that poppler printed after the header's end, among
/// the goal's or the table's lines, where a block of the header's right
/// column ran down the page:
///
/// ```text
/// 项目应急处置率
/// ≥98.00(%)
/// 特定目标类                    ← 项目类别's value
/// 上海市生物医药科技发展中心    ← 实施单位's
/// 计划完成日期
/// 其他资金
/// ```
///
/// A run of header labels, natures, categories and dates, with the plain
/// text lines right after them; a run without a label or a nature or a
/// category (a date or a text alone is any table's) is none.
fn stray_header_rows(form: &[Row]) -> Vec<usize> {
    let Some(kinds) = (0..form.len()).map(|i| kind_of(form, i)).collect::<Option<Vec<Kind>>>() else {
        return Vec::new();
    };
    let anchor = |i: usize| -> bool {
        let folded = form.get(i).map(|r| fold_compact(&r.text)).unwrap_or_default();
        match kinds.get(i) {
            Some(Kind::Label(f, _)) => placed(f),
            Some(Kind::Nature(_) | Kind::Category(_)) => true,
            _ => vocab::fund_label(&folded).is_some(),
        }
    };
    // A money label its narrow cell wrapped, with its rest on the next
    // line (`其中：当年财政拨` / `款`): both lines go with the run.
    let member = |i: usize| {
        anchor(i)
            || matches!(kinds.get(i), Some(Kind::Date(_)))
            || fund_label_wraps_at(form, i)
            || i.checked_sub(1).is_some_and(|above| fund_label_wraps_at(form, above))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < kinds.len() {
        if !member(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < kinds.len() && member(i) {
            i += 1;
        }
        if !(start..i).any(anchor) {
            continue;
        }
        // The text lines right after the run (a unit's name after its
        // category), with the pieces they wrapped into.
        let mut run: Vec<usize> = (start..i).collect();
        // A wrapped nature or category takes its piece too.
        if matches!(kinds.get(i - 1), Some(Kind::Nature(2) | Kind::Category(2))) {
            run.push(i);
            i += 1;
        }
        // A text takes the pieces it wrapped into and the line that ends
        // its block (`上海市普陀区示例街道办` / `事处`, `…示例街道社` /
        // `区卫生服务中心`).
        while i < kinds.len() && matches!(kinds.get(i), Some(Kind::Text | Kind::Piece)) && run.len() < MAX_HEADER_ROWS {
            run.push(i);
            i += 1;
            if kinds.get(i - 1) == Some(&Kind::Text) {
                while kinds.get(i) == Some(&Kind::Piece)
                    || (kinds.get(i) == Some(&Kind::Text) && two_line_block(form, i))
                {
                    run.push(i);
                    i += 1;
                }
                if !member(i) {
                    break;
                }
            }
        }
        out.extend(run);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// True where rows `i - 1` and `i` are the two lines of one block of
/// plain `pdftotext` (a blank line before and after, none between): one
/// cell's text its width wrapped (`上海市生物医药科技` / `发展中心`).
fn two_line_block(rows: &[Row], i: usize) -> bool {
    let line = |k: Option<usize>| k.and_then(|k| rows.get(k)).and_then(|r| r.loc.line());
    let (Some(first), Some(second)) = (line(i.checked_sub(1)), line(Some(i))) else {
        return false;
    };
    let before = line(i.checked_sub(2));
    let after = line(Some(i + 1));
    second == first + 1 && before.is_none_or(|b| b + 1 < first) && after.is_none_or(|a| a > second + 1)
}

/// The row after a header: the annual goal's heading, the indicator
/// table's, the next form or a PDF's ruled row.
fn ends_header(row: &Row) -> bool {
    let folded = fold_compact(&row.text);
    row.ruled
        || vocab::goal_heading(&row.text) == Some(vocab::GoalSlot::Annual)
        || folded.starts_with("一级指标")
        || vocab::is_indicator_header(&folded)
        || vocab::form_heading(&row.text).is_some()
}

/// The fields whose values this module places.
fn placed(field: &Field) -> bool {
    !matches!(field, Field::Other(_))
}

fn is_text_field(field: &Field) -> bool {
    matches!(field, Field::Name | Field::Department | Field::Implementer)
}

/// A nature value: `其他一次性项目`, `其他经常性项目`, `新增项目`, `延续项目`.
pub(crate) fn is_nature(folded: &str) -> bool {
    folded.chars().count() <= MAX_KIND_VALUE
        && folded.ends_with("项目")
        && ["一次性", "经常性", "新增", "延续", "跨年"]
            .iter()
            .any(|k| folded.contains(k))
}

/// A category value: `特定目标类`, `其他运转类`, `一般性项目`.
pub(crate) fn is_category(folded: &str) -> bool {
    folded.chars().count() <= MAX_KIND_VALUE && (folded.ends_with('类') || folded == "一般性项目")
}

fn kind_of(region: &[Row], i: usize) -> Option<Kind> {
    let row = region.get(i)?;
    let first = row.cells.first()?;
    if let Some((field, rest)) = vocab::field_prefix(first) {
        let others = row.cells.get(1..).unwrap_or_default();
        // Two labels on one line: a dump that prints a row's cells side by
        // side, not one a line.
        if others.iter().any(|c| vocab::field_prefix(c).is_some()) {
            return None;
        }
        let value: String = std::iter::once(rest.as_str())
            .chain(others.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .concat();
        return Some(Kind::Label(field, (!value.is_empty()).then_some(value)));
    }
    if row.cells.len() > 1 {
        return Some(Kind::Other);
    }
    let folded = fold_compact(&row.text);
    let joined = region
        .get(i + 1)
        .filter(|next| next.cells.len() == 1 && fold_compact(&next.text).chars().count() <= MAX_WRAPPED_PIECE)
        .map(|next| format!("{folded}{}", fold_compact(&next.text)));
    if is_nature(&folded) {
        return Some(Kind::Nature(1));
    }
    if is_category(&folded) {
        return Some(Kind::Category(1));
    }
    if joined.as_deref().is_some_and(is_nature) {
        return Some(Kind::Nature(2));
    }
    if joined.as_deref().is_some_and(is_category) {
        return Some(Kind::Category(2));
    }
    if let Some(date) = parse_date(&folded) {
        return Some(Kind::Date(date));
    }
    let other = is_amount(&folded)
        || is_numeric_target(&folded)
        || vocab::year_line(&row.text).is_some()
        || vocab::fund_label(&folded).is_some()
        || vocab::goal_heading(&folded).is_some()
        || vocab::marker(&folded).is_some()
        || vocab::is_marker_prefix(&folded)
        || vocab::is_marker_piece(&folded)
        || vocab::is_label_prefix(&folded)
        || vocab::is_field_label_prefix(&folded)
        || begins_label_or_kind(&folded)
        || vocab::indicator_label(&folded).is_some()
        || vocab::is_page_number(&row.text)
        || folded.starts_with('(')
        || folded.ends_with("指标")
        || folded.ends_with("指标值")
        || is_sentence(&folded);
    Some(if other {
        Kind::Other
    } else if folded.chars().count() <= MAX_WRAPPED_PIECE {
        Kind::Piece
    } else {
        Kind::Text
    })
}

/// True for the first part of a money label or of a nature that its
/// narrow cell wrapped, printed apart from the rest (`其中：当年财政拨` /
/// … / `款`, `年度资金申请` / … / `总额`, `其他经常性项` / … / `目`): no
/// name or unit, which the first open text label would otherwise take.
fn begins_label_or_kind(folded: &str) -> bool {
    vocab::cut_short_fund_label(folded).is_some()
        || (folded.starts_with("其中") && vocab::begins_fund_label(folded))
        || is_nature_head(folded)
}

/// A nature its narrow cell wrapped whose halves poppler printed apart,
/// other cells between them (dompdf: `其他一次性项` / `实施单位` / … / `目`):
/// the rows of the first half and of the short piece after it that
/// completes it.
fn nature_parted(region: &[Row], kinds: &[Kind]) -> Option<Vec<usize>> {
    let folded = |i: usize| region.get(i).map(|r| fold_compact(&r.text));
    let head = (0..region.len()).find(|&i| folded(i).is_some_and(|f| is_nature_head(&f)))?;
    let first = folded(head)?;
    let tail = (head + 1..region.len()).find(|&j| {
        kinds.get(j) == Some(&Kind::Piece) && folded(j).is_some_and(|piece| is_nature(&format!("{first}{piece}")))
    })?;
    Some(vec![head, tail])
}

/// Brackets a text opens and leaves open (`…办事处（社区综合`: 1), or,
/// negative, closes that it never opened (`管理与公共服务中心）`: -1).
fn bracket_depth(text: &str) -> i32 {
    let mut depth = 0i32;
    let mut lowest = 0i32;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                lowest = lowest.min(depth);
            }
            _ => {}
        }
    }
    if lowest < 0 {
        lowest
    } else {
        depth
    }
}

/// Most rows between a value left in an open bracket and the text that
/// closes it (dompdf: the other column's label between them).
const MAX_ROWS_TO_CLOSING_BRACKET: usize = 6;

/// True for a nature cut short (`其他经常性项`).
fn is_nature_head(folded: &str) -> bool {
    folded.chars().count() >= MIN_CUT_NATURE
        && !is_nature(folded)
        && ["目", "项目"].iter().any(|rest| is_nature(&format!("{folded}{rest}")))
}

/// Fewest characters of a nature cut short for it to be read as one
/// (`其他经常性项` of 其他经常性项目; `新增` alone may begin a name).
const MIN_CUT_NATURE: usize = 4;

/// True when a row of `kind` right after a bare label of `field` may be
/// its value (`项目性质` / `其他一次性项目`); a label, a money label or
/// an amount, or a value of another field's shape may not.
fn may_be_value_of(field: &Field, kind: &Kind) -> bool {
    match field {
        Field::Nature => matches!(kind, Kind::Nature(_)),
        Field::Category => matches!(kind, Kind::Category(_)),
        Field::StartDate | Field::EndDate => matches!(kind, Kind::Date(_)),
        Field::Name | Field::Department | Field::Implementer => matches!(kind, Kind::Text | Kind::Piece),
        Field::Other(_) => true,
    }
}

/// A sentence of a goal (`推进社区综合治理，完善网格化管理。`), which
/// poppler may print among the header's cells: no name or unit has a
/// comma or a full stop.
pub(crate) fn is_sentence(folded: &str) -> bool {
    folded.contains(['。', ',', ';', '；'])
}

/// The region's rows with every label beside its value, or `None` where
/// the header is not a content-order one (or nothing would move). Rows
/// from `own` on are strays from further down the form: those taken into
/// the header are flagged (the second value); texts that found no label
/// are left out, to stay where they stood. The third value: the header
/// printed each row's values before its labels.
fn reorder(region: &[Row], own: usize) -> Option<(Vec<Row>, Vec<bool>, bool)> {
    if region
        .iter()
        .any(|r| r.ruled || !matches!(r.loc, Location::Line(_)) || crate::regrid::spaced_in_columns(r))
    {
        return None;
    }
    let kinds: Vec<Kind> = (0..region.len()).map(|i| kind_of(region, i)).collect::<Option<_>>()?;
    // A bare label followed by what cannot be its value (another label, a
    // money label, a date under 实施单位): the values were printed
    // elsewhere.
    let parted = kinds.windows(2).any(|w| match w {
        [Kind::Label(field, None), next] if placed(field) => !may_be_value_of(field, next),
        _ => false,
    });
    if !parted {
        return None;
    }
    // values[i]: the value given to the label on row i, and the rows it took.
    let mut values: Vec<Option<(String, Vec<usize>)>> = vec![None; region.len()];
    let mut taken = vec![false; region.len()];
    let text_of = |rows: &[usize]| -> String {
        rows.iter()
            .filter_map(|&r| region.get(r))
            .map(|r| r.text.split_whitespace().collect::<String>())
            .collect()
    };
    let label_rows = |want: &dyn Fn(&Field) -> bool| -> Vec<usize> {
        kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| matches!(k, Kind::Label(f, None) if want(f)))
            .map(|(i, _)| i)
            .collect()
    };
    // Natures, categories and dates, by shape, in their order.
    for (want, field) in [(0, Field::Nature), (1, Field::Category)] {
        let Some(&label) = label_rows(&|f| *f == field).first() else {
            continue;
        };
        let found = kinds.iter().enumerate().find_map(|(i, k)| match (want, k) {
            (0, Kind::Nature(n)) | (1, Kind::Category(n)) => Some((i..i + *n).collect::<Vec<usize>>()),
            _ => None,
        });
        let found = found.or_else(|| (want == 0).then(|| nature_parted(region, &kinds)).flatten());
        if let Some(rows) = found {
            if rows.iter().any(|&r| taken.get(r).copied().unwrap_or(true)) {
                continue;
            }
            for &r in &rows {
                if let Some(t) = taken.get_mut(r) {
                    *t = true;
                }
            }
            if let Some(v) = values.get_mut(label) {
                *v = Some((text_of(&rows), rows));
            }
        }
    }
    // The dates by when they fall, not where poppler printed them: a plan
    // ends no earlier than it starts, and the block order is not the
    // form's (`计划完成日期` / `2025-12-31` may come first).
    let mut dates: Vec<(String, usize)> = kinds
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, k)| match k {
            Kind::Date(d) => Some((d.clone(), i)),
            _ => None,
        })
        .collect();
    let date_labels = label_rows(&|f| matches!(f, Field::StartDate | Field::EndDate));
    dates.truncate(date_labels.len());
    if dates.len() == 2 {
        dates.sort();
    }
    let is_field = |l: &usize, field: &Field| matches!(kinds.get(*l), Some(Kind::Label(f, _)) if f == field);
    let ordered_labels: Vec<usize> = if dates.len() == 2 {
        let starts = date_labels.iter().filter(|l| is_field(l, &Field::StartDate));
        let ends = date_labels.iter().filter(|l| is_field(l, &Field::EndDate));
        starts.chain(ends).copied().collect()
    } else {
        date_labels
    };
    for (label, (_, at)) in ordered_labels.into_iter().zip(dates) {
        if let Some(t) = taken.get_mut(at) {
            *t = true;
        }
        if let Some(v) = values.get_mut(label) {
            *v = Some((text_of(&[at]), vec![at]));
        }
    }
    // The pieces a wrapped text printed under it (`…服务能力` / `提升`),
    // not one a nature took (`其他一次性项` / … / `目`).
    // A value its cell wrapped inside a bracket, the rest printed apart
    // (`上海市…办事处（社区综合` / `实施单位` / `管理与公共服务中心）`):
    // the text after it that closes the bracket.
    let with_pieces = |i: usize, taken: &[bool]| -> Vec<usize> {
        let open = |k: usize| {
            kinds.get(k).is_some_and(|k| matches!(k, Kind::Text | Kind::Piece))
                && !taken.get(k).copied().unwrap_or(true)
        };
        let more = (i + 1..kinds.len())
            .take_while(|&k| kinds.get(k) == Some(&Kind::Piece) && open(k))
            .count();
        let mut rows: Vec<usize> = (i..=i + more).collect();
        if bracket_depth(&text_of(&rows)) > 0 {
            let after = i + more + 1;
            let closing = (after..kinds.len())
                .take(MAX_ROWS_TO_CLOSING_BRACKET)
                .find(|&k| open(k) && region.get(k).is_some_and(|r| bracket_depth(&r.text) < 0));
            rows.extend(closing);
        }
        rows
    };
    // Values printed before their labels, a table row at a time: Gnumeric
    // draws a row's merged cells right to left, then its single cells
    // (`其他运转类` / `社区心理健康服务` / `项目名称` / `项目性质` /
    // `其他经常性项目` / `项目类别`; `…服务中心` / `…街道办事处` / `主管部门` /
    // `实施单位`). Each run of texts goes, last first, to the open text
    // labels of the run of labels after it.
    // (A label's first half, `项目名` / `称`, is a label here.)
    let label_half = |i: usize| {
        region
            .get(i)
            .is_some_and(|r| vocab::is_field_label_prefix(&fold_compact(&r.text)))
    };
    let values_first = kinds
        .iter()
        .enumerate()
        .find(|(i, k)| !matches!(k, Kind::Other | Kind::Piece) || label_half(*i))
        .is_some_and(|(i, k)| !matches!(k, Kind::Label(..)) && !label_half(i));
    let text_labels = label_rows(&is_text_field);
    let open_text_label = |i: usize, values: &[Option<(String, Vec<usize>)>]| {
        text_labels.contains(&i) && values.get(i).is_some_and(Option::is_none)
    };
    let mut i = 0;
    while values_first && i < kinds.len() {
        let mut texts: Vec<Vec<usize>> = Vec::new();
        while let Some(kind) = kinds.get(i) {
            match kind {
                Kind::Label(..) => break,
                Kind::Text if !taken.get(i).copied().unwrap_or(true) => {
                    let rows = with_pieces(i, &taken);
                    i += rows.len();
                    texts.push(rows);
                }
                _ => i += 1,
            }
        }
        let mut labels: Vec<usize> = Vec::new();
        while let Some(kind) = kinds.get(i) {
            if *kind == Kind::Text && !taken.get(i).copied().unwrap_or(true) {
                break;
            }
            if open_text_label(i, &values) {
                labels.push(i);
            }
            i += 1;
        }
        for (label, rows) in labels.into_iter().zip(texts.into_iter().rev()) {
            for &r in &rows {
                if let Some(t) = taken.get_mut(r) {
                    *t = true;
                }
            }
            if let Some(v) = values.get_mut(label) {
                *v = Some((text_of(&rows), rows));
            }
        }
    }
    // Plain text: to the text label right before it, or else the first one
    // before it still open.
    for (i, kind) in kinds.iter().enumerate() {
        if values_first || *kind != Kind::Text || taken.get(i).copied().unwrap_or(true) {
            continue;
        }
        let open = |l: &usize| *l < i && values.get(*l).is_some_and(Option::is_none);
        let right_before = i.checked_sub(1).filter(|p| text_labels.contains(p) && open(p));
        let Some(label) = right_before.or_else(|| text_labels.iter().copied().find(|l| open(l))) else {
            continue;
        };
        let rows = with_pieces(i, &taken);
        for &r in &rows {
            if let Some(t) = taken.get_mut(r) {
                *t = true;
            }
        }
        if let Some(v) = values.get_mut(label) {
            *v = Some((text_of(&rows), rows));
        }
    }
    // A text no label before it is open for (poppler printed a block of
    // values before the block of their labels): the first open one after.
    for (i, kind) in kinds.iter().enumerate() {
        if *kind != Kind::Text || taken.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(label) = text_labels
            .iter()
            .copied()
            .find(|l| *l > i && values.get(*l).is_some_and(Option::is_none))
        else {
            continue;
        };
        let rows = with_pieces(i, &taken);
        for &r in &rows {
            if let Some(t) = taken.get_mut(r) {
                *t = true;
            }
        }
        if let Some(v) = values.get_mut(label) {
            *v = Some((text_of(&rows), rows));
        }
    }
    // A value printed on its label's line goes on the same way.
    for (i, kind) in kinds.iter().enumerate() {
        if matches!(kind, Kind::Label(f, Some(_)) if is_text_field(f)) {
            let rows: Vec<usize> = with_pieces(i, &taken).into_iter().skip(1).collect();
            for &r in &rows {
                if let Some(t) = taken.get_mut(r) {
                    *t = true;
                }
            }
            if !rows.is_empty() {
                if let Some(v) = values.get_mut(i) {
                    *v = Some((text_of(&rows), rows));
                }
            }
        }
    }
    // A text left over on the line that ends the block of a value a text
    // label took (`上海市普陀区某某街道` / `社区事务受理服务中心`, a blank
    // line before and after), or a piece left over right after a bare
    // label printed between a value's halves (`房屋维修、维护及设备购置` /
    // `项目性质` / `经费`, as a nature's): the rest of that value.
    for i in 1..kinds.len() {
        if !matches!(kinds.get(i), Some(Kind::Text | Kind::Piece)) || taken.get(i).copied().unwrap_or(true) {
            continue;
        }
        let after_label = kinds.get(i) == Some(&Kind::Piece)
            && matches!(kinds.get(i - 1), Some(Kind::Label(field, None)) if placed(field));
        let value_ends = if two_line_block(region, i) {
            i - 1
        } else if after_label && i >= 2 {
            i - 2
        } else {
            continue;
        };
        let owner = text_labels.iter().copied().find(|l| {
            values
                .get(*l)
                .and_then(Option::as_ref)
                .is_some_and(|(_, rows)| rows.last() == Some(&value_ends))
        });
        let Some(owner) = owner else { continue };
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
        if let Some(Some((text, rows))) = values.get_mut(owner) {
            text.push_str(&text_of(&[i]));
            rows.push(i);
        }
    }
    // A nature or category its cell wrapped, the first half on the
    // label's line (`项目类别 特定目标` / `类`): the piece that completes it.
    for (i, kind) in kinds.iter().enumerate() {
        let Kind::Label(field @ (Field::Nature | Field::Category), Some(inline)) = kind else {
            continue;
        };
        let complete = |v: &str| {
            if *field == Field::Nature {
                is_nature(v)
            } else {
                is_category(v)
            }
        };
        let head = fold_compact(inline);
        let next = i + 1;
        let Some(piece) = region.get(next).map(|r| fold_compact(&r.text)) else {
            continue;
        };
        // (`类` alone is of a category's shape.)
        let a_piece = matches!(kinds.get(next), Some(Kind::Piece | Kind::Category(1) | Kind::Nature(1)))
            && piece.chars().count() <= MAX_WRAPPED_PIECE;
        let completes = a_piece
            && !taken.get(next).copied().unwrap_or(true)
            && !complete(&head)
            && complete(&format!("{head}{piece}"));
        if completes && values.get(i).is_some_and(Option::is_none) {
            if let Some(t) = taken.get_mut(next) {
                *t = true;
            }
            if let Some(v) = values.get_mut(i) {
                *v = Some((text_of(&[next]), vec![next]));
            }
        }
    }
    // Rows: every label with its value (or its own) where the first label
    // stood, in the form's order; the rest as they were.
    let first_label = kinds.iter().position(|k| matches!(k, Kind::Label(f, _) if placed(f)))?;
    let mut header: Vec<(usize, Row)> = Vec::new();
    let mut moved = vec![false; region.len()];
    for (i, kind) in kinds.iter().enumerate() {
        let Kind::Label(field, inline) = kind else { continue };
        if !placed(field) {
            continue;
        }
        let value = match (inline, values.get(i).cloned().flatten()) {
            (Some(v), Some((rest, _))) => format!("{v}{rest}"),
            (Some(v), None) => v.clone(),
            (None, Some((v, _))) => v,
            (None, None) => continue,
        };
        let row = region.get(i)?;
        let label = row.cells.first()?.clone();
        let label = vocab::field_prefix(&label)
            .map(|(_, rest)| label.trim_end_matches(rest.as_str()).to_string())
            .unwrap_or(label);
        if let Some(m) = moved.get_mut(i) {
            *m = true;
        }
        header.push((
            field_rank(field),
            Row {
                text: format!("{label} {value}"),
                cells: vec![label, value],
                ..row.clone()
            },
        ));
    }
    header.sort_by_key(|(rank, _)| *rank);
    let mut out: Vec<Row> = Vec::with_capacity(region.len());
    let mut strays_gone = Vec::with_capacity(region.len().saturating_sub(own));
    for (i, row) in region.iter().enumerate() {
        if i == first_label {
            out.extend(header.iter().map(|(_, r)| r.clone()));
        }
        let gone = moved.get(i).copied().unwrap_or(false) || taken.get(i).copied().unwrap_or(false);
        // A stray label (`其他资金` among the table's rows) is the header's
        // whatever its value; a stray text without a label stays.
        let text = matches!(kinds.get(i), Some(Kind::Text | Kind::Piece));
        if i >= own {
            strays_gone.push(gone || !text);
        }
        if !gone && (i < own || !text) {
            out.push(row.clone());
        }
    }
    Some((out, strays_gone, values_first))
}

/// The money block of a header printed values first (see [`reorder`]):
/// each row's amounts before its labels, the amounts right to left
/// (Gnumeric draws the merged amount cells first):
///
/// ```text
/// 7,595,500.00      ← 年度资金申请总额's
/// 3,200,000.00      ← 项目资金总额's
/// 项目资金
/// （元）
/// 项目资金总额
/// 年度资金申请总额
/// ```
///
/// A run of amounts a line each, then the block marker's pieces, then a
/// run of as many money labels or more: each label takes its amount, the
/// last amount first; where a cell of the row is blank (the seed's
/// project column: `31,487,510.00` / `项目资金总额` / `年度资金申请总额`),
/// nothing was drawn for it, and the amounts drawn, right to left, are the
/// last labels'. Other rows pass unchanged.
fn mirror_funds(rows: Vec<Row>) -> Vec<Row> {
    let one = |r: &Row| -> Option<String> {
        match r.cells.as_slice() {
            [cell] if !r.ruled => Some(fold_compact(cell).into_owned()),
            _ => None,
        }
    };
    let amount = |r: &Row| one(r).is_some_and(|c| is_amount(&c));
    // A money label, or one its narrow cell cut short (Gnumeric's
    // `其中：当年财政拨`, its amount beside it).
    let fund_label = |c: &str| vocab::fund_label(c).or_else(|| vocab::cut_short_fund_label(c).map(|cut| cut.label));
    let label = |r: &Row| one(r).is_some_and(|c| fund_label(&c).is_some());
    let marker = |r: &Row| {
        one(r).is_some_and(|c| vocab::marker(&c).is_some() || vocab::is_marker_prefix(&c) || vocab::is_marker_piece(&c))
    };
    // How many rows from `from` on are of a kind.
    let run = |from: usize, kind: &dyn Fn(&Row) -> bool| {
        rows.get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|r| kind(r))
            .count()
    };
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        let amounts = run(i, &amount);
        let markers = run(i + amounts, &marker);
        let labels_at = i + amounts + markers;
        let labels = run(labels_at, &label);
        let row_labels = rows.get(labels_at..labels_at + labels).unwrap_or_default();
        // Fewer amounts than labels only for one row of the block, its
        // project label then the annual one beside it (not `项目资金总额`
        // / `其他资金` of a page read backwards).
        let one_block_row = || match row_labels {
            [project, annual] => {
                let item = |r: &Row| one(r).and_then(|c| fund_label(&c));
                use jixiao_model::FundItem::*;
                use vocab::FundLabel::{Item, Other};
                matches!(
                    (item(project), item(annual)),
                    (Some(Item(ProjectTotal)), Some(Item(AnnualTotal)))
                        | (Some(Item(ProjectFiscal)), Some(Item(AnnualFiscalCurrent)))
                        | (Some(Other), Some(Other))
                )
            }
            _ => false,
        };
        if amounts == 0 || labels < amounts || (labels > amounts && !one_block_row()) {
            out.push(row.clone());
            i += 1;
            continue;
        }
        out.extend(rows.get(i + amounts..labels_at).unwrap_or_default().iter().cloned());
        let blank = labels - amounts;
        out.extend(row_labels.iter().take(blank).cloned());
        let values = rows.get(i..i + amounts).unwrap_or_default().iter().rev();
        for (label, value) in row_labels.iter().skip(blank).zip(values) {
            let cells: Vec<String> = label.cells.iter().chain(&value.cells).cloned().collect();
            out.push(Row {
                text: cells.join(" "),
                cells,
                ..label.clone()
            });
        }
        i = labels_at + labels;
    }
    out
}

/// The order of the fields on a form.
fn field_rank(field: &Field) -> usize {
    match field {
        Field::Name => 0,
        Field::Nature => 1,
        Field::Category => 2,
        Field::Department => 3,
        Field::Implementer => 4,
        Field::StartDate => 5,
        Field::EndDate => 6,
        Field::Other(_) => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows a header region reads to, as `cell | cell` lines.
    fn ordered(text: &str) -> Vec<String> {
        order_content_headers(jixiao_layout::text::rows(text))
            .iter()
            .map(|r| r.cells.join(" | "))
            .collect()
    }

    macro_rules! orders_to {
        ($name:ident, $input:expr, [$($row:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<String> = vec![$($row.to_string()),*];
                assert_eq!(ordered($input), want);
            }
        };
    }

    // Gnumeric's drawing order (PyMuPDF): each row's merged value cells
    // right to left, then its single cells; the money block the same way.
    orders_to!(
        values_printed_before_their_labels_go_to_them_mirrored,
        "财政项目支出绩效目标填报表\n（2025年度）\n其他运转类\n社区心理健康服务\n项目名称\n项目性质\n其他经常性项目\n项目类别\n示例社区卫生服务中心\n示例街道办事处\n主管部门\n实施单位\n2025-12-31\n2025-01-01\n计划开始日\n期\n计划完成日期\n7,000.00\n5,000.00\n项目资金\n（元）\n项目资金总额\n年度资金申请总额\n0.00\n上年结转资金\n2,000.00\n0.00\n其他资金\n其他资金\n年度总体目标\n",
        [
            "财政项目支出绩效目标填报表",
            "（2025年度）",
            "项目名称 | 社区心理健康服务",
            "项目性质 | 其他经常性项目",
            "项目类别 | 其他运转类",
            "主管部门 | 示例街道办事处",
            "实施单位 | 示例社区卫生服务中心",
            "计划开始日期 | 2025-01-01",
            "计划完成日期 | 2025-12-31",
            "项目资金",
            "（元）",
            "项目资金总额 | 5,000.00",
            "年度资金申请总额 | 7,000.00",
            "上年结转资金 | 0.00",
            "其他资金 | 0.00",
            "其他资金 | 2,000.00",
            "年度总体目标",
        ]
    );

    // The same with the project column's cells blank (the seed's first
    // form): nothing is drawn for them, and a row's amounts, right to
    // left, are its last labels'.
    orders_to!(
        mirrored_amounts_of_a_row_with_blank_cells_are_its_last_labels,
        "财政项目支出绩效目标填报表\n（2025年度）\n其他运转类\n社区心理健康服务\n项目名称\n项目性质\n其他经常性项目\n项目类别\n7,000.00\n项目资金\n（元）\n项目资金总额\n年度资金申请总额\n5,000.00\n其中：财政资金\n其中：当年财政拨款\n0.00\n上年结转资金\n2,000.00\n其他资金\n其他资金\n年度总体目标\n",
        [
            "财政项目支出绩效目标填报表",
            "（2025年度）",
            "项目名称 | 社区心理健康服务",
            "项目性质 | 其他经常性项目",
            "项目类别 | 其他运转类",
            "项目资金",
            "（元）",
            "项目资金总额",
            "年度资金申请总额 | 7,000.00",
            "其中：财政资金",
            "其中：当年财政拨款 | 5,000.00",
            "上年结转资金 | 0.00",
            "其他资金",
            "其他资金 | 2,000.00",
            "年度总体目标",
        ]
    );

    // poppler's reading order of a Typst or pdfmake form: the start
    // date's label wrapped in its narrow cell, its halves on adjacent
    // lines before its value. Unjoined, `计划完成日期` took the start date.
    orders_to!(
        label_halves_before_their_value_join,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n主管部门\n上海市科委\n计划开始日\n期\n2024-01-01\n项目性质\n其他一次性项目\n实施单位\n计划完成日期\n2024-12-31\n年度资金申请总额\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 科技服务",
            "项目性质 | 其他一次性项目",
            "主管部门 | 上海市科委",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "实施单位",
            "年度资金申请总额",
            "年度总体目标",
        ]
    );

    // poppler's reading order of a dompdf form: a nature and money labels
    // cut by their narrow cells, their halves apart. The nature's halves
    // join; a money label's first half is no unit (`年度资金申请` went to
    // 实施单位) and stays, with the money block, for the state machine.
    orders_to!(
        halves_of_a_nature_apart_join_and_money_label_halves_stay,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n主管部门\n上海市科委\n计划开始日期\n项目性质\n其他一次性项\n实施单位\n2024-01-01\n计划完成日期\n年度资金申请\n项目资金总额\n总额\n其中：当年财\n政拨款\n项目类别\n目\n特定目标类\n生物医药中心\n2024-12-31\n31,487,510.00\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 科技服务",
            "项目性质 | 其他一次性项目",
            "项目类别 | 特定目标类",
            "主管部门 | 上海市科委",
            "实施单位 | 生物医药中心",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "年度资金申请",
            "项目资金总额",
            "总额",
            "其中：当年财",
            "政拨款",
            "31,487,510.00",
            "年度总体目标",
        ]
    );

    // Plain `pdftotext` of LibreOffice Writer's form: the right-hand
    // header cells come after the goal's text and the table's labels, a
    // money label its narrow cell wrapped among them (`其中：当年财政拨` /
    // `款`). Both lines go up with the others, in their order.
    orders_to!(
        a_wrapped_money_label_among_stray_header_cells_goes_with_them,
        "财政项目支出绩效目标申报表\n项目名称\n居家养老服务补贴\n项目性质\n项目总目标\n健全居家社区养老服务网络。\n一级指标\n产出指标\n二级指标\n数量指标\n其他经常性项目\n实施单位\n计划完成日期\n年度资金申请总额\n其中：当年财政拨\n款\n上年结转资金\n其他资金\n项目类别\n一般性项目\n上海市普陀区养老服务指导中心\n2026-12-31\n4,860,000.00\n4,860,000.00\n0.00\n0.00\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 居家养老服务补贴",
            "项目性质 | 其他经常性项目",
            "项目类别 | 一般性项目",
            "实施单位 | 上海市普陀区养老服务指导中心",
            "项目总目标",
            "健全居家社区养老服务网络。",
            "计划完成日期",
            "年度资金申请总额",
            "其中：当年财政拨款",
            "上年结转资金",
            "其他资金",
            "一级指标",
            "产出指标",
            "二级指标",
            "数量指标",
            "2026-12-31",
            "4,860,000.00",
            "4,860,000.00",
            "0.00",
            "0.00",
            "年度总体目标",
        ]
    );

    // `pdftotext -raw` of a Gnumeric form: a row's values a line each,
    // then its bare labels side by side on one line. Unread, 实施单位 took
    // a date and 年度资金申请总额 the next row's amount.
    orders_to!(
        bare_labels_side_by_side_after_their_values_take_them,
        "财政项目支出绩效目标申报表\n（2024年度）\n特定目标类\n科技服务平台运行保障\n项目名称 项目性质 其他一次性项目 项目类别\n上海市生物医药科技发展中心\n上海市科学技术委员会\n主管部门 实施单位\n2024-12-31\n2024-01-01\n计划开始日\n期\n计划完成日期\n31,487,510.00\n项目资金\n（元）\n项目资金总额 年度资金申请总额\n5,020,000.00\n其中：财政资金 其中：当年财政拨款\n0.00\n上年结转资金\n26,467,510.00\n其他资金 其他资金\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "（2024年度）",
            "项目名称 | 科技服务平台运行保障",
            "项目性质 | 其他一次性项目",
            "项目类别 | 特定目标类",
            "主管部门 | 上海市科学技术委员会",
            "实施单位 | 上海市生物医药科技发展中心",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "项目资金",
            "（元）",
            "项目资金总额",
            "年度资金申请总额 | 31,487,510.00",
            "其中：财政资金",
            "其中：当年财政拨款 | 5,020,000.00",
            "上年结转资金 | 0.00",
            "其他资金",
            "其他资金 | 26,467,510.00",
            "年度总体目标",
        ]
    );

    // pdfplumber's line of two labels between the halves of values that
    // wrapped, its values side by side on their own lines: as it stands.
    orders_to!(
        bare_labels_side_by_side_among_values_side_by_side_stay,
        "财政项目支出绩效目标申报表\n上海市某某街道办事处（社区综合 上海市某某街道社区事务受理服务中\n主管部门 实施单位\n管理与公共服务中心） 心\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "上海市某某街道办事处（社区综合 | 上海市某某街道社区事务受理服务中",
            "主管部门 | 实施单位",
            "管理与公共服务中心） | 心",
            "年度总体目标",
        ]
    );

    // Not before a line of a row's cells side by side (pypdf): that
    // header is no content-order one, and passes as it is.
    orders_to!(
        label_halves_before_cells_side_by_side_stay,
        "财政项目支出绩效目标申报表\n项目名\n称\n社区心理健康服务 项目性质 其他经常性项目\n主管部门 示例街道办事处\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名",
            "称",
            "社区心理健康服务 | 项目性质 | 其他经常性项目",
            "主管部门 | 示例街道办事处",
            "年度总体目标",
        ]
    );

    // poppler's reading order: values by shape and by the open text label.
    orders_to!(
        values_go_to_their_labels,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n主管部门\n上海市科委\n项目性质\n实施单位\n计划开始日期 2024-01-01\n项目资金\n（元）\n其他一次性项目\n特定目标类\n生物医药中心\n计划完成日期 2024-12-31\n项目类别\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 科技服务",
            "项目性质 | 其他一次性项目",
            "项目类别 | 特定目标类",
            "主管部门 | 上海市科委",
            "实施单位 | 生物医药中心",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "项目资金",
            "（元）",
            "年度总体目标",
        ]
    );

    // No two labels in a row, yet parted: `计划开始日期` before a money
    // label, `实施单位` before a date (poppler's order of a LibreOffice
    // form); the category, the unit and `计划完成日期` stand in the
    // table further down.
    orders_to!(
        a_label_before_what_cannot_be_its_value_is_parted,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n计划开始日期\n项目资金\n（元）\n项目性质\n其他一次性项目\n实施单位\n2024-01-01\n2024-12-31\n年度总体目标\n完成\n特定目标类\n生物医药中心\n计划完成日期\n项目类别\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 科技服务",
            "项目性质 | 其他一次性项目",
            "项目类别 | 特定目标类",
            "实施单位 | 生物医药中心",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "项目资金",
            "（元）",
            "年度总体目标",
            "完成",
        ]
    );

    // A label right before its own value is no parting.
    orders_to!(
        labels_before_their_values_stay,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n项目性质\n其他一次性项目\n计划开始日期\n2024-01-01\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称",
            "科技服务",
            "项目性质",
            "其他一次性项目",
            "计划开始日期",
            "2024-01-01",
            "年度总体目标",
        ]
    );

    // The dates in poppler's block order, the end's first: by when they
    // fall, the earlier is the start.
    orders_to!(
        dates_go_by_when_they_fall,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n计划开始日期\n项目性质\n计划完成日期\n2025-12-31\n其他一次性项目\n2025-01-01\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 科技服务",
            "项目性质 | 其他一次性项目",
            "计划开始日期 | 2025-01-01",
            "计划完成日期 | 2025-12-31",
            "年度总体目标",
        ]
    );

    // A date label wrapped in its cell, printed around its value
    // (pdftotext of a ReportLab form).
    orders_to!(
        a_label_parted_by_its_value_is_joined,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n项目性质\n计划开始日\n2024-01-01\n期\n其他一次性项目\n计划完成日期\n2024-12-31\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称 | 科技服务",
            "项目性质 | 其他一次性项目",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "年度总体目标",
        ]
    );

    // A nature wrapped in its cell, printed in two pieces.
    orders_to!(
        a_wrapped_nature_is_joined,
        "财政项目支出绩效目标申报表\n项目性质\n实施单位\n其他一次性项\n目\n生物医药中心\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目性质 | 其他一次性项目",
            "实施单位 | 生物医药中心",
            "年度总体目标",
        ]
    );

    // A label beside its value everywhere (the seed's style, PyMuPDF's):
    // nothing moves.
    orders_to!(
        labels_beside_values_pass,
        "财政项目支出绩效目标申报表\n项目名称\n科技服务\n项目性质\n其他一次性项目\n主管部门\n上海市科委\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目名称",
            "科技服务",
            "项目性质",
            "其他一次性项目",
            "主管部门",
            "上海市科委",
            "年度总体目标",
        ]
    );

    // A text without an open label before it stays for the machine.
    orders_to!(
        text_without_a_label_stays,
        "财政项目支出绩效目标申报表\n项目性质\n主管部门\n其他经常性项目\n示例街道\n多余文字\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "项目性质 | 其他经常性项目",
            "主管部门 | 示例街道",
            "多余文字",
            "年度总体目标",
        ]
    );

    // Cells of the header's right column printed among the table's rows:
    // back into the header, a label without its value too; the table's
    // own text stays.
    orders_to!(
        stray_header_cells_come_back,
        "财政项目支出绩效目标申报表\n项目类别\n实施单位\n年度总体目标\n目标文字。\n一级指标\n二级指标\n完成数量\n≥2(次)\n特定目标类\n生物医药中心\n其他资金\n",
        [
            "财政项目支出绩效目标申报表",
            "项目类别 | 特定目标类",
            "实施单位 | 生物医药中心",
            "其他资金",
            "年度总体目标",
            "目标文字。",
            "一级指标",
            "二级指标",
            "完成数量",
            "≥2(次)",
        ]
    );

    /// The characters of rows, whitespace aside, sorted.
    fn characters(rows: &[Row]) -> Vec<char> {
        let mut chars: Vec<char> = rows
            .iter()
            .flat_map(|r| r.text.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        chars.sort_unstable();
        chars
    }

    /// Pieces a content-order header is made of: labels, values of every
    /// shape, money, markers, wrapped pieces, goal and table lines.
    const PIECES: &[&str] = &[
        "项目名称",
        "项目性质",
        "项目类别",
        "主管部门",
        "实施单位",
        "计划开始日期",
        "计划完成日期",
        "计划开始日",
        "期",
        "项目名称 科技服务",
        "计划开始日期 2024-01-01",
        "其他一次性项目",
        "其他一次性项",
        "目",
        "特定目标类",
        "一般性项目",
        "2024-01-01",
        "2024-12-31",
        "上海市科学技术委员会",
        "生物医药中心",
        "提升",
        "中心）",
        "项目资金",
        "（元）",
        "项目资金总额",
        "其他资金",
        "31,487,510.00",
        "0.00",
        "项目总目标",
        "年度总体目标",
        "推进社区治理，提升水平。",
        "一级指标",
        "二级指标",
        "产出指标",
        "数量指标",
        "完成数量",
        "≥2(次)",
        "项目负责人 张三",
        "财政项目支出绩效目标申报表",
    ];

    proptest::proptest! {
        /// Nothing is lost or made up: the rows' characters are the same
        /// before and after, whatever the order of the pieces.
        #[test]
        fn no_character_is_lost(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let mut text = String::from("财政项目支出绩效目标申报表\n");
            for pick in picks {
                text.push_str(PIECES.get(pick).copied().unwrap_or_default());
                text.push('\n');
            }
            let rows = jixiao_layout::text::rows(&text);
            let ordered = order_content_headers(rows.clone());
            proptest::prop_assert_eq!(characters(&ordered), characters(&rows));
        }
    }

    // MuPDF through plain `pdftotext`: a category wrapped on its label's
    // line (`项目类别 特定目标` / `类`) and a unit's name a block of two
    // lines (`上海市生物医药科技` / `发展中心`).
    orders_to!(
        wrapped_category_on_its_labels_line_and_a_two_line_name_join,
        "财政项目支出绩效目标申报表\n（2024年度）\n项目名称\n\n交通工具购置及更新\n\n主管部门\n\n上海市科学技术委员会\n\n计划开始日期\n项目资金\n（元）\n\n项目性质\n\n其他一次性项目\n\n项目类别 特定目标\n类\n\n实施单位\n\n上海市生物医药科技\n发展中心\n\n2024-01-01\n\n计划完成日期\n\n2024-12-31\n\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "（2024年度）",
            "项目名称 | 交通工具购置及更新",
            "项目性质 | 其他一次性项目",
            "项目类别 | 特定目标类",
            "主管部门 | 上海市科学技术委员会",
            "实施单位 | 上海市生物医药科技发展中心",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "项目资金",
            "（元）",
            "年度总体目标",
        ]
    );

    // Writer through plain `pdftotext`: a unit's name wrapped inside its
    // bracket, the rest on the next line with a date after it; the name's
    // last piece after a label printed between its halves.
    orders_to!(
        a_value_left_in_an_open_bracket_takes_the_text_that_closes_it,
        "财政项目支出绩效目标申报表\n（2026 年度）\n项目名称\n主管部门\n计划开始日期\n项目资金\n（元）\n\n社区综合治理与为老服务能力\n项目性质\n提升\n上海市普陀区某某街道办事处（社区综合管理\n与公共服务中心）\n2026-01-01\n\n其他经常性项\n目\n实施单位\n\n上海市普陀区某某街道社区事务受理服务中心\n\n计划完成日期\n\n2026-12-31\n\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "（2026 | 年度）",
            "项目名称 | 社区综合治理与为老服务能力提升",
            "项目性质 | 其他经常性项目",
            "主管部门 | 上海市普陀区某某街道办事处（社区综合管理与公共服务中心）",
            "实施单位 | 上海市普陀区某某街道社区事务受理服务中心",
            "计划开始日期 | 2026-01-01",
            "计划完成日期 | 2026-12-31",
            "项目资金",
            "（元）",
            "年度总体目标",
        ]
    );

    // MuPDF: the header's late cells printed under the project goal's
    // heading, the implementer's name a block of two lines.
    orders_to!(
        a_stray_unit_name_of_two_lines_goes_whole,
        "财政项目支出绩效目标申报表\n（2026年度）\n项目名称\n\n社区综合治理与为老服务能力提升\n\n主管部门\n\n上海市普陀区某某街道办事处\n\n计划开始日期\n项目资金\n（元）\n\n项目性质\n\n项目类别\n\n实施单位\n\n2026-01-01\n\n计划完成日期\n\n2026-12-31\n\n3,650,000.00\n\n年度资金申请总额\n\n项目\n绩效\n目标\n\n其他资金\n项目总目标\n\n一般性项\n目\n\n上海市普陀区某某街道\n社区事务受理服务中心\n\n项目资金总额\n\n年度总体目标\n\n通过三年时间，建成服务网络。\n",
        [
            "财政项目支出绩效目标申报表",
            "（2026年度）",
            "项目名称 | 社区综合治理与为老服务能力提升",
            "项目类别 | 一般性项目",
            "主管部门 | 上海市普陀区某某街道办事处",
            "实施单位 | 上海市普陀区某某街道社区事务受理服务中心",
            "计划开始日期 | 2026-01-01",
            "计划完成日期 | 2026-12-31",
            "项目资金",
            "（元）",
            "项目性质",
            "3,650,000.00",
            "年度资金申请总额",
            "项目",
            "绩效",
            "目标",
            "其他资金",
            "项目总目标",
            "项目资金总额",
            "年度总体目标",
            "通过三年时间，建成服务网络。",
        ]
    );

    /// District's second form through MuPDF and plain `pdftotext`: the
    /// header's late cells printed among the table's first rows, the
    /// implementer's name as `printed` (its lines) among them; the rows it
    /// reads to with the name `whole` as 实施单位.
    fn stray_implementer(printed: &str, whole: &str) -> (Vec<String>, Vec<String>) {
        let text = format!(
            "财政项目支出绩效目标填报表\n（2025年度）\n项目名称\n\n社区综合治理与平安建设\n\n主管部门\n\n上海市普陀区示例街道办事处\n\n计划开始日期\n项目资金\n（元）\n\n项目性质\n\n项目类别\n实施单位\n\n2025-01-01\n\n计划完成日期\n\n2025-12-31\n\n项目总目标\n\n推进社区综合治理，完善网格化管理，提升平安建设水平。\n一级指标\n\n二级指标\n\n产出指标\n\n数量指标\n\n特定目\n标类\n\n{printed}\n\n项目资金总额\n\n其他资金\n"
        );
        let want = [
            "财政项目支出绩效目标填报表",
            "（2025年度）",
            "项目名称 | 社区综合治理与平安建设",
            "项目类别 | 特定目标类",
            "主管部门 | 上海市普陀区示例街道办事处",
            &format!("实施单位 | {whole}"),
            "计划开始日期 | 2025-01-01",
            "计划完成日期 | 2025-12-31",
            "项目资金",
            "（元）",
            "项目性质",
            "项目总目标",
            "推进社区综合治理，完善网格化管理，提升平安建设水平。",
            "项目资金总额",
            "其他资金",
            "一级指标",
            "二级指标",
            "产出指标",
            "数量指标",
        ];
        (ordered(&text), want.iter().map(|r| r.to_string()).collect())
    }

    // The name wrapped into a piece (`…街道办` / `事处`).
    #[test]
    fn a_stray_unit_name_takes_its_wrapped_piece() {
        let (got, want) = stray_implementer("上海市普陀区示例街道办\n事处", "上海市普陀区示例街道办事处");
        assert_eq!(got, want);
    }

    // The name a block of two lines (`…街道社` / `区卫生服务中心`).
    #[test]
    fn a_stray_unit_name_of_a_two_line_block_goes_whole() {
        let (got, want) = stray_implementer(
            "上海市普陀区示例街道社\n区卫生服务中心",
            "上海市普陀区示例街道社区卫生服务中心",
        );
        assert_eq!(got, want);
    }

    // PyMuPDF of Gnumeric's narrow form: a row's amount, then its labels,
    // the annual one cut short (`其中：当年财政拨`, its `款` never drawn):
    // the amount is the cut label's, the project column's label blank.
    orders_to!(
        a_label_cut_short_takes_its_amount_in_a_mirrored_block,
        "财政项目支出绩效目标申报表\n（2024年度）\n特定目标类\n科技服务平台运行保障\n项目名称\n项目性质\n其他一次性项目\n项目类别\n上海市生物医药科技发展中心\n上海市科学技术委员会\n主管部门\n实施单位\n2024-12-31\n2024-01-01\n计划开始日\n期\n计划完成日期\n31,487,510.00\n项目资金\n（元）\n项目资金总额\n年度资金申请总额\n5,020,000.00\n其中：财政资金\n其中：当年财政拨\n0.00\n上年结转资金\n26,467,510.00\n其他资金\n其他资金\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "（2024年度）",
            "项目名称 | 科技服务平台运行保障",
            "项目性质 | 其他一次性项目",
            "项目类别 | 特定目标类",
            "主管部门 | 上海市科学技术委员会",
            "实施单位 | 上海市生物医药科技发展中心",
            "计划开始日期 | 2024-01-01",
            "计划完成日期 | 2024-12-31",
            "项目资金",
            "（元）",
            "项目资金总额",
            "年度资金申请总额 | 31,487,510.00",
            "其中：财政资金",
            "其中：当年财政拨 | 5,020,000.00",
            "上年结转资金 | 0.00",
            "其他资金",
            "其他资金 | 26,467,510.00",
            "年度总体目标",
        ]
    );

    // Dompdf through plain `pdftotext`: a name's last piece after the
    // label printed between its halves (`房屋维修、维护及设备购置` /
    // `项目性质` / `经费`), as a nature's (`其他一次性项` / `项目类别` / `目`).
    orders_to!(
        a_piece_after_a_label_between_a_values_halves_ends_it,
        "财政项目支出绩效目标申报表\n（2024年度）\n项目名称\n主管部门\n计划开始日期\n\n房屋维修、维护及设备购置\n\n项目性质\n\n经费\n\n其他一次性项\n\n项目类别\n\n目\n\n上海市科学技术委员会\n\n实施单位\n\n2024-01-01\n\n计划完成日期\n年度资金申请\n年度总体目标\n",
        [
            "财政项目支出绩效目标申报表",
            "（2024年度）",
            "项目名称 | 房屋维修、维护及设备购置经费",
            "项目性质 | 其他一次性项目",
            "主管部门 | 上海市科学技术委员会",
            "计划开始日期 | 2024-01-01",
            "项目类别",
            "实施单位",
            "计划完成日期",
            "年度资金申请",
            "年度总体目标",
        ]
    );
}
