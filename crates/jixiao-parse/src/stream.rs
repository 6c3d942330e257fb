//! Indicator tables of content-order dumps, cut back into rows.
//!
//! `pdftotext` without `-layout` and PyMuPDF's `get_text()` print every
//! cell's lines on lines of their own, one cell after another: in the order
//! the producer drew them (PyMuPDF), or in poppler's reading order with a
//! blank line after each block of text (`pdftotext`):
//!
//! ```text
//! 时效指标                              ← a label, before the first row of its run
//! 服务信息更新及时性                    ← name
//! 利用平台网络信息化系统，及时          ← target, a full line: it goes on
//! 发布、更新平台联盟服务信息            ← its last line, short
//! 宣传推广及时性                        ← the next row's name
//! ```
//!
//! The lines are cut into cells that alternate name, target, name …: a
//! cell's lines but the last are full (as wide as its column holds, less
//! a character that did not fit or a Latin word that moved whole), its last
//! line is not wider, and a blank line (`pdftotext`) ends a cell. The two
//! columns' widths are not printed anywhere: every pair of widths that full
//! lines of the table share is tried, and the cutting that fits best wins.
//!
//! Labels stand before the first row of their run where the producer draws
//! a table row by row (Chromium, fpdf2, ReportLab, MuPDF): each row takes
//! the labels printed since the row before. Poppler's reading order may
//! print a centred label before the row its middle falls in: where every
//! label stands exactly so, the runs that put them there are read (see
//! [`centred_labels`]); so are labels printed right before the last row of
//! their runs, as Apache FOP draws them, and a run a page break cut at the
//! next page's top (see [`closing_labels`]). A
//! producer that draws a row's cells right to left (Gnumeric) prints each
//! row target first, a run's labels after its first row: the table is
//! read so where that cuts better and the labels stand exactly so (see
//! [`trailing_labels`]). Where the
//! labels stand elsewhere (a report server
//! that draws every merged cell of a page first, LibreOffice's order,
//! poppler's columns of blocks) nothing in the dump says which rows a label
//! spans: the rows are read without labels and the labels are reported,
//! never guessed.

use jixiao_layout::Row;
use jixiao_model::normalize::fold_compact;
use jixiao_model::{Location, UnplacedReason};

use crate::regrid::{ruled_row, starts_with_operator, width, Label, Piece};
use crate::vocab::{self, LabelLevel};

/// Most lines of one cell (a long target wraps over many in a narrow
/// column; beyond this the cutting would be guesswork).
const MAX_CELL_LINES: usize = 24;
/// Narrowest width taken for a column's (display units: an ideograph is
/// two): a column narrower than four ideographs is not a table's.
const MIN_COLUMN_WIDTH: usize = 8;
/// Cost of cutting at a column width that only one line comes to: less
/// than any other cost, a tie-break towards widths more lines attest.
const SINGLE_LINE_WIDTH: f32 = 0.001;
/// Most column widths tried per column (the widths most full lines share).
const MAX_WIDTHS: usize = 12;
/// How much wider than its column a line may come out in display units
/// (proportional Latin letters and digits are narrower than their unit).
const OVERFULL_SLACK: usize = 2;
/// Cost of a cell's line other than its last that is not full: it would
/// have ended the cell.
const SHORT_WRAPPED_LINE: f32 = 5.0;
/// Cost of a line wider than its column.
const OVERFULL_LINE: f32 = 5.0;
/// Cost of a cell whose last line is full with more text after it: most
/// likely the cell goes on.
const ENDS_FULL: f32 = 1.0;
/// Latin letters or digits of a line that take about one display unit
/// more than they are counted (a proportional digit is some 0.6 em, not
/// 0.5: MuPDF wraps `2024年11月前完成` after `11` in a column of eight,
/// which counts `2024年11` as eight).
const LATIN_PER_EXTRA_UNIT: usize = 3;
/// Cost of a target cell holding two operator-led targets.
const TWO_TARGETS: f32 = 3.0;
/// Cost of a target's last line that reads as the next row's name
/// (`筹备完善，按时召开会议` / `宣传推广及时性`): more than a full line ending
/// a cell ([`ENDS_FULL`]), which is what reading it as a name costs.
const NAME_AS_TARGET_LINE: f32 = 1.5;
/// Fewest characters of a line that reads as a name by its last one.
const MIN_NAME_LIKE_CHARS: usize = 4;
/// Cost of a numeric target (`≥2.00(次)`) read as a name.
const TARGET_AS_NAME: f32 = 3.0;
/// Cost of a numeric target read over several lines when its first line
/// was not full (it had room to go on).
const NUMERIC_WRAPPED: f32 = 2.0;
/// Cost of a name of one character (`动`): no indicator is named so;
/// the last line of a wrapped name, read as a row's name, shifts the rows
/// after it.
const ONE_CHARACTER_NAME: f32 = 1.0;
/// Cost of a row without a name or a target (a cell left blank).
const EMPTY_CELL: f32 = 2.0;
/// Cost of each line of a cell beyond its first: of two cuttings that fit
/// alike, the one with fewer lines a cell.
const EXTRA_LINE: f32 = 0.01;
/// Cost of a row's second cell that starts right after a label: the
/// labels' columns stand before the names, so a label comes before a
/// row or after it, seldom between its cells. PyMuPDF of Typst's form,
/// where a six-line target of a 9-ideograph column read as one-line
/// cells in a column as wide as one 11-ideograph line costs hardly more:
///
/// ```text
/// 社区微更新项目          ← name
/// 完成辖区内老旧小区      ← its target, wrapped over six lines
/// …
/// 征询工作
/// 质量指标                ← a label: the next row's
/// 服务对象信息登记准确率  ← not `征询工作`'s target
/// ≥98%
/// ```
///
/// Half a numeric target read as a name: only where cuttings are close.
const SECOND_CELL_AFTER_LABEL: f32 = 0.5;
/// Cost of reading rows as a column block (see [`block_rows`]): less than
/// one numeric target read as a name, so that a block beats the
/// alternation wherever the alternation would have to do that.
const COLUMN_BLOCK: f32 = 0.5;
/// Most rows of one column block: a page of one-line rows.
const MAX_BLOCK_ROWS: usize = 60;
/// Cost of reading every row target first (Gnumeric draws a row's merged
/// cells right to left: `不低于12场` / `心理健康讲座场次`): a third of one
/// numeric target read as a name, so that only a table whose shapes say
/// so is read that way.
const TARGET_FIRST: f32 = 1.0;

/// A content-order table read back: its rows, and the labels it could not
/// attach to rows (with where the first stood).
pub(crate) struct Read {
    pub rows: Vec<Row>,
    /// The labels the rows were read without (or with labels guessed:
    /// [`UnplacedReason::LabelsByShape`]), for a diagnostic.
    pub labels_note: Option<(Location, UnplacedReason, String)>,
}

/// One line of a cell (or a whole cell) as the dump printed it.
#[derive(Clone)]
struct Item {
    width: usize,
    /// Latin letters and digits in it (wider than counted: see [`full`]).
    latin: usize,
    /// Ideographic punctuation in it, which a font may set half as wide
    /// as counted (see [`overfull`]).
    squeezable: usize,
    /// On the same printed line as the item before: another cell.
    joined: bool,
    /// A blank line before it: the block before ended (`pdftotext`).
    after_gap: bool,
    /// A label printed between it and the item before.
    after_label: bool,
    /// A row starts here (a label printed before it, in row order).
    row_start: bool,
    /// Shaped like a numeric target (`≥300(人次)`): asked of every cell
    /// the search tries, so asked once.
    numeric: bool,
    /// Starts with a comparison operator (`≥`, `=`…).
    operator: bool,
    /// Units its start takes down with it when it does not fit at the end
    /// of the line before (see [`full`]).
    moves: usize,
    /// Reads as an indicator's name (see [`reads_as_name`]).
    name_like: bool,
}

/// Which column a cell is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name = 0,
    Target = 1,
}

impl Column {
    fn other(self) -> Column {
        match self {
            Column::Name => Column::Target,
            Column::Target => Column::Name,
        }
    }
}

/// A step of the cutting: a cell of items `start..end`, a blank cell, or
/// a column block of names followed by their target cells (the block's
/// number `cells` in the cutting's list of blocks taken; only while
/// cutting: expanded into cells).
#[derive(Debug, Clone, Copy)]
enum Step {
    Cell {
        start: usize,
        end: usize,
    },
    Blank,
    Block {
        cells: usize,
    },
    /// A name with its one-line target printed among its lines (see
    /// [`interleaved_names`]): only while cutting, expanded into a
    /// [`Step::Around`] and the target's cell.
    Interleaved {
        around: Around,
    },
    /// A cell of items `start..end` but the one at `start + before`,
    /// another cell's.
    Around(Around),
}

/// A name's items `start..end` around its target's, `before` of them
/// before it.
#[derive(Debug, Clone, Copy)]
struct Around {
    start: usize,
    before: usize,
    end: usize,
}

impl Around {
    /// The target's item.
    fn target(&self) -> usize {
        self.start + self.before
    }
}

impl Step {
    /// The items of a cell, in order: none for a blank cell (and for the
    /// steps only cutting knows).
    fn items(&self) -> impl Iterator<Item = usize> {
        let (lines, rest) = match *self {
            Step::Cell { start, end } => (start..end, 0..0),
            Step::Around(around) => (around.start..around.target(), around.target() + 1..around.end),
            Step::Blank | Step::Block { .. } | Step::Interleaved { .. } => (0..0, 0..0),
        };
        lines.chain(rest)
    }
}

/// Reads the table of `content` (in dump order) with its `labels`, the
/// dump lines its rows stand on `printed` (the others are blank); `None`
/// when it holds no content.
pub(crate) fn read(
    labels: &[Label],
    positionless: &[Label],
    content: &[Piece],
    printed: &std::collections::BTreeSet<u32>,
    late_header: &[u32],
    page_tops: &[u32],
) -> Option<Read> {
    let lines = Lines {
        printed,
        late_header,
        page_tops,
    };
    // Labels printed where they tell nothing of their rows leave the
    // rows to what they measure, with all the table's labels.
    if positionless.is_empty() {
        read_labelled(labels, content, &lines, true)
    } else {
        let all: Vec<Label> = positionless.iter().chain(labels).cloned().collect();
        read_labelled(&all, content, &lines, false)
    }
}

/// Where a table's lines stand, beside its pieces ([`read`]): the dump
/// lines with text (the others are blank), the header's cells printed
/// after its first line, the block marker's pieces (a page's top where
/// a producer draws the merged cells a page break cut first).
struct Lines<'a> {
    printed: &'a std::collections::BTreeSet<u32>,
    late_header: &'a [u32],
    page_tops: &'a [u32],
}

/// [`read`], where the labels stand where the producer drew them
/// (`positioned`) or where nothing ties them to rows.
fn read_labelled(labels: &[Label], content: &[Piece], lines: &Lines, positioned: bool) -> Option<Read> {
    let Lines {
        printed,
        late_header,
        page_tops,
    } = *lines;
    let first = content.first()?;
    let row_major = positioned && labels_lead_rows(labels, content);
    let mut items: Vec<Item> = Vec::with_capacity(content.len());
    for (i, piece) in content.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| content.get(p));
        items.push(Item {
            width: width(&piece.text),
            latin: piece.text.chars().filter(char::is_ascii_alphanumeric).count(),
            squeezable: piece.text.chars().filter(|&c| is_squeezable(c)).count(),
            joined: previous.is_some_and(|p| p.line == piece.line),
            after_gap: previous.is_some_and(|p| (p.line + 1..piece.line).any(|n| !printed.contains(&n))),
            after_label: previous
                .is_some_and(|p| labels.iter().any(|l| l.at > p.line as f32 && l.at <= piece.line as f32)),
            row_start: false,
            numeric: numeric_target(&piece.text),
            operator: starts_with_operator(&piece.text),
            moves: moved_units(&piece.text),
            name_like: reads_as_name(&piece.text),
        });
    }
    // Where each label's run starts in row order: at the label, or at its
    // first half's line for one whose halves stand around its row.
    let mut label_starts: Vec<(f32, &Label)> = labels.iter().map(|l| (l.at, l)).collect();
    if row_major {
        for (at, label) in &mut label_starts {
            // A label whose halves stand around its row's first cells
            // (`服务对象满意度指` / `故障响应服务满意率` / `≥90.00(%)` / `标`)
            // starts the row right after its first half, or on the half's
            // own line where the row's name stands beside it (`可持续影响指
            // 心理服务网络运行` / `长期` / `标`).
            let around = label.lines.filter(|(first, last)| {
                content
                    .iter()
                    .any(|p| p.line as f32 > *first && (p.line as f32) < *last)
            });
            let starts = |p: &Piece| match around {
                Some((first, _)) => p.line as f32 >= first,
                None => p.line as f32 >= label.at,
            };
            if let Some((first, _)) = around {
                *at = first;
            }
            if let Some(i) = content.iter().position(starts) {
                if let Some(item) = items.get_mut(i) {
                    item.row_start = true;
                }
            }
        }
    }
    let (name_first_cost, name_first) = best_cutting(&items, Column::Name)?;
    // Rows: a name cell and a target cell (either may be blank).
    let cell_text = |step: &Step| -> String {
        step.items()
            .filter_map(|i| content.get(i))
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let cell_start = |step: &Step| step.items().next().and_then(|i| content.get(i));
    // Each row's cells, the one it was printed with first first, and the
    // line it starts on.
    let rows_of = |steps: &[Step]| -> Vec<(Step, Step, u32)> {
        steps
            .chunks(2)
            .filter_map(|pair| match pair {
                [a, b] => Some((*a, *b)),
                [a] => Some((*a, Step::Blank)),
                _ => None,
            })
            .map(|(a, b)| (a, b, cell_start(&a).or_else(|| cell_start(&b)).unwrap_or(first).line))
            .collect()
    };
    // Rows read target first where that reads better and the labels
    // stand where such a producer prints them (see [`trailing_labels`]):
    // a dump that lost a table's first name also starts with a target.
    let target_first = if row_major || labels.is_empty() || !positioned {
        None
    } else {
        // Labels follow a row's cells there: a row starts after each.
        let after_labels: Vec<Item> = items
            .iter()
            .map(|item| Item {
                row_start: item.row_start || item.after_label,
                ..item.clone()
            })
            .collect();
        best_cutting(&after_labels, Column::Target)
            .filter(|(cost, _)| cost + TARGET_FIRST < name_first_cost)
            .and_then(|(_, steps)| {
                let rows = rows_of(&steps);
                let lines: Vec<u32> = rows.iter().map(|(_, _, line)| *line).collect();
                trailing_labels(labels, &lines).map(|heads| (rows, heads))
            })
    };
    let (first_column, rows_read, trailing) = match target_first {
        Some((rows, heads)) => (Column::Target, rows, Some(heads)),
        None => (Column::Name, rows_of(&name_first), None),
    };
    // Each row: its name and target cells and the line it starts on.
    let mut pairs: Vec<(&Step, &Step, u32)> = rows_read
        .iter()
        .map(|(a, b, line)| match first_column {
            Column::Name => (a, b, *line),
            Column::Target => (b, a, *line),
        })
        .collect();
    let late_name = late_name(&mut pairs, &items, content, late_header);
    // Each row's name and target, where its labels may go by what they
    // measure.
    let texts: Vec<(String, String)> = if row_major || labels.is_empty() {
        Vec::new()
    } else {
        pairs.iter().map(|(n, t, _)| (cell_text(n), cell_text(t))).collect()
    };
    let mut closing_guessed = false;
    let placed = if row_major || labels.is_empty() || !positioned {
        None
    } else if trailing.is_some() {
        trailing
    } else {
        let scale = ContentScale::new(content);
        let extents: Vec<RowExtent> = pairs
            .iter()
            .enumerate()
            .map(|(i, (name, target, line))| {
                // A name printed after the table stands nowhere near its
                // row: the target alone is the row's height.
                let name: &Step = if late_name == Some(i) { &Step::Blank } else { name };
                // A column block's target stands apart from its name: the
                // name alone is the row's height.
                let apart =
                    matches!((name, target), (Step::Cell { end, .. }, Step::Cell { start, .. }) if start != end);
                let target: &Step = if apart { &Step::Blank } else { target };
                let lines = [name, target]
                    .into_iter()
                    .flat_map(Step::items)
                    .filter_map(|i| content.get(i));
                let (top, bottom) = lines
                    .map(|p| scale.of(p.line))
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |(t, b), y| {
                        (t.min(y), b.max(y + 1.0))
                    });
                RowExtent {
                    line: *line,
                    top,
                    bottom,
                }
            })
            .collect();
        // Else labels that close their runs (Apache FOP draws a merged
        // cell with the last row it spans).
        centred_labels(labels, &extents).or_else(|| {
            let row_lines: Vec<u32> = pairs.iter().map(|(_, _, line)| *line).collect();
            let closing = closing_labels(labels, &row_lines, &[], &texts).map(|(heads, _)| heads);
            // Runs cut by a page break read so only where the rows fit
            // their labels clearly better (Typst prints the block
            // marker's pieces among labels that close their runs).
            let cut = if page_tops.is_empty() {
                None
            } else {
                closing_labels(labels, &row_lines, page_tops, &texts)
                    .filter(|(heads, _)| closing.as_ref() != Some(heads))
                    .filter(|(heads, _)| {
                        closing
                            .as_ref()
                            .is_none_or(|c| misfit_of(heads, &texts) + PAGE_CUT_GAIN <= misfit_of(c, &texts))
                    })
            };
            match cut {
                Some((heads, guess)) => {
                    closing_guessed = guess;
                    Some(heads)
                }
                None => closing,
            }
        })
    };
    // Where the order ties no label to rows, what the rows measure may.
    let by_shape = if placed.is_none() && !row_major && !labels.is_empty() {
        crate::shapes::label_runs(labels, &texts)
    } else {
        None
    };
    let guessed = by_shape.is_some() || closing_guessed;
    let placed = placed.or(by_shape);
    let mut rows = Vec::new();
    label_starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut pending = label_starts.iter().peekable();
    for (i, (name, target, line)) in pairs.into_iter().enumerate() {
        let mut cells = Vec::new();
        if row_major {
            while let Some((_, label)) = pending.next_if(|(at, _)| *at <= line as f32) {
                cells.push(label.text.clone());
            }
        }
        if let Some(heads) = placed.as_ref().and_then(|c| c.get(i)) {
            cells.extend(heads.iter().cloned());
        }
        cells.push(cell_text(name));
        cells.push(cell_text(target));
        rows.push(ruled_row(Location::Line(line), cells, 0));
    }
    let labels_note = if row_major || labels.is_empty() || (placed.is_some() && !guessed) {
        None
    } else {
        let at = labels.iter().map(|l| l.at).fold(f32::INFINITY, f32::min);
        let texts: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
        let reason = if guessed {
            UnplacedReason::LabelsByShape
        } else {
            UnplacedReason::LabelsWithoutRows
        };
        Some((Location::Line(at.max(1.0) as u32), reason, texts.join(" ")))
    };
    Some(Read { rows, labels_note })
}

/// Puts a name poppler printed after the table back into the one row
/// that has none; returns that row. Chromium and fpdf2 draw a table's
/// first name cell so that poppler's reading order takes it out of the
/// rows and prints it with the header pieces after the table:
///
/// ```text
/// =100.00(%)            ← row 1's target, its name missing
/// 采购安全软件数量 / ≥1.00(个)
/// …
/// 故障修复响应时间 / <12.00(小时)
/// 项目完成率            ← row 1's name, after the last row
/// ```
///
/// Only where that is the one reading: the last row is one cell of text
/// that is no target (`≥90%`), exactly one other row lacks its name, and
/// its target was printed. Or the last row is the first whole, its
/// target printed before its name.
fn late_name<'s>(
    pairs: &mut Vec<(&'s Step, &'s Step, u32)>,
    items: &[Item],
    content: &[Piece],
    late_header: &[u32],
) -> Option<usize> {
    // The whole first row printed so, its target first (Typst: `≥95.00(%)`
    // / `数量指标` / `产出指标` / `三级指标` / `项目完成率` after the last
    // row, or among the rows where poppler's blocks put the header: `不低于
    // 12 场` / … / `心理健康讲座场次`): read as a row of a target for a name
    // and a name for a target, the one such row among the header's cells
    // printed late goes first the right way round. (A row printed so
    // elsewhere, a label between its target and its name, stays.)
    let near_header = |item: usize| {
        content.get(item).is_some_and(|p| {
            late_header
                .iter()
                .any(|&h| h.abs_diff(p.line) <= MAX_LINES_FROM_LATE_HEADER)
        })
    };
    let shaped = |from: usize, to: usize| {
        items
            .get(from..to)
            .map(|cell| cell.iter().any(|i| i.numeric || i.operator))
    };
    let reversed: Vec<usize> = (1..pairs.len())
        .filter(|&i| match pairs.get(i) {
            Some((
                Step::Cell { start, end },
                Step::Cell {
                    start: text,
                    end: text_end,
                },
                _,
            )) => {
                // (A name, not a piece of a label left over: `标`.)
                let name_wide = items
                    .get(*text..*text_end)
                    .is_some_and(|cell| cell.iter().map(|i| i.width).sum::<usize>() >= MIN_LATE_NAME_WIDTH);
                shaped(*start, *end) == Some(true)
                    && shaped(*text, *text_end) == Some(false)
                    && name_wide
                    && near_header(*start)
                    && near_header(*text)
            }
            _ => false,
        })
        .collect();
    if let [row] = reversed.as_slice() {
        let first_line = pairs.first()?.2;
        let (target, name, _) = pairs.remove(*row);
        pairs.insert(0, (name, target, first_line));
        return Some(0);
    }
    let (name, target, _) = *pairs.last()?;
    let orphan = match (name, target) {
        (cell @ Step::Cell { start, end }, Step::Blank) | (Step::Blank, cell @ Step::Cell { start, end }) => {
            (!shaped(*start, *end)?).then_some(cell)?
        }
        _ => return None,
    };
    let rows = pairs.len() - 1;
    let mut nameless = pairs
        .iter()
        .take(rows)
        .enumerate()
        .filter(|(_, (name, _, _))| matches!(name, Step::Blank));
    let (row, _) = nameless.next()?;
    if nameless.next().is_some() || !matches!(pairs.get(row), Some((_, Step::Cell { .. }, _))) {
        return None;
    }
    pairs.pop();
    pairs.get_mut(row)?.0 = orphan;
    Some(row)
}

/// Narrowest name of a whole first row printed after the table (display
/// units: three ideographs), see [`late_name`].
const MIN_LATE_NAME_WIDTH: usize = 6;
/// Most dump lines between a late first row's cell and a header cell
/// printed with it (`年度(/项目)指标值` / `不低于 12 场` / `数量指标` /
/// `绩效` / `指标` / `三级指标` / `心理健康讲座场次`, blank lines between).
const MAX_LINES_FROM_LATE_HEADER: u32 = 8;

/// A table row of a content-order dump: the line it starts on and the
/// content lines it covers, `top..bottom` on the [`ContentScale`].
#[derive(Debug, Clone, Copy)]
struct RowExtent {
    line: u32,
    top: f32,
    bottom: f32,
}

/// Dump lines numbered among the lines that hold a cell's text only: the
/// label lines and blank lines between rows are no height of a row.
struct ContentScale(Vec<u32>);

impl ContentScale {
    fn new(content: &[Piece]) -> ContentScale {
        let mut lines: Vec<u32> = content.iter().map(|p| p.line).collect();
        lines.sort_unstable();
        lines.dedup();
        ContentScale(lines)
    }

    fn of(&self, line: u32) -> f32 {
        self.0.partition_point(|&l| l < line) as f32
    }
}

/// Labels set where poppler's reading order (`pdftotext` without
/// `-layout`) prints a vertically centred merged cell: before the row its
/// middle falls in (before the lower of the two middle rows of an even
/// run), or on that row's line:
///
/// ```text
/// 心理健康讲座场次 / 不低于12场
/// 数量指标                      ← rows 1–3: before row 2
/// 个案咨询人次 / ≥300(人次)
/// 团体心理治疗 / 开展至少1次团体心理治疗
/// 产出指标                      ← rows 1–7: before row 4
/// 心理健康知晓率 / 90%
/// 质量指标                      ← rows 4–5: before row 5
/// ```
///
/// The 二级 labels cut the rows into runs, the 一级 labels cut those runs,
/// each where every label stands exactly there; `None` when no cutting
/// does (labels drawn elsewhere: they stay unplaced, never guessed). Per
/// row, the labels whose run begins at it (一级 first).
fn centred_labels<'l>(labels: &'l [Label], rows: &[RowExtent]) -> Option<Vec<Vec<String>>> {
    // Where each label was printed: before row `gap`.
    let gap = |label: &Label| rows.iter().filter(|r| (r.line as f32) < label.at).count();
    let ones: Vec<&Label> = labels.iter().filter(|l| l.level == LabelLevel::One).collect();
    let twos: Vec<&Label> = labels.iter().filter(|l| l.level == LabelLevel::Two).collect();
    // Where each level's runs start (row indices): the 二级 runs cut at any
    // row, the 一级 runs where 二级 runs start (at any row without them).
    let starts = |level: &[&Label], allowed: &[usize]| -> Option<Vec<usize>> {
        if level.is_empty() {
            return Some(Vec::new());
        }
        if level.len() * (allowed.len() + 2).pow(2) > MAX_CUTTING_CELLS {
            return None;
        }
        let gaps: Vec<usize> = level.iter().map(|l| gap(l)).collect();
        let (_, cuts) = crate::regrid::cheapest_runs(rows.len(), level.len(), allowed, |run, start, end, before| {
            gaps.get(run)
                .is_some_and(|&g| centred_at(rows, start, end, g))
                .then_some(before)
        })?;
        Some(std::iter::once(0).chain(cuts).collect())
    };
    let every_cut: Vec<usize> = (1..rows.len()).collect();
    let two_starts = starts(&twos, &every_cut)?;
    let one_cuts = if twos.is_empty() {
        every_cut
    } else {
        two_starts.iter().copied().skip(1).collect()
    };
    let one_starts = starts(&ones, &one_cuts)?;
    let runs = |starts: &[usize], level: &[&'l Label]| -> Vec<(usize, &'l Label)> {
        starts.iter().copied().zip(level.iter().copied()).collect()
    };
    heads(
        rows.len(),
        runs(&one_starts, &ones).into_iter().chain(runs(&two_starts, &twos)),
    )
}

/// Per row of `rows`, the texts of the labels whose runs begin at it, in
/// the order given (一级 first).
fn heads<'l>(rows: usize, runs: impl IntoIterator<Item = (usize, &'l Label)>) -> Option<Vec<Vec<String>>> {
    let mut heads: Vec<Vec<String>> = vec![Vec::new(); rows];
    for (start, label) in runs {
        heads.get_mut(start)?.push(label.text.clone());
    }
    Some(heads)
}

/// The runs of labels printed right after the first row they span, as a
/// producer that draws a row's cells right to left prints them (Gnumeric:
/// a row's merged cells right to left, then its single cells, so a run's
/// labels follow its first row's target and name; the rows start on
/// lines `row_lines`):
///
/// ```text
/// 不低于12场                    ← row 1's target
/// 心理健康讲座场次              ← row 1's name
/// 数量指标                      ← rows 1–3
/// 产出指标                      ← rows 1–7
/// ≥300(人次)                    ← row 2's target
/// ```
///
/// Read so only where no label stands before the first row, at most one
/// label of each level follows a row, and each 一级 run begins where a
/// 二级 run does; `None` otherwise. Per row, the labels whose run begins
/// at it (一级 first).
fn trailing_labels(labels: &[Label], row_lines: &[u32]) -> Option<Vec<Vec<String>>> {
    let mut ones: Vec<(usize, &Label)> = Vec::new();
    let mut twos: Vec<(usize, &Label)> = Vec::new();
    for label in labels {
        // The row printed last before the label.
        let row = row_lines
            .iter()
            .filter(|&&line| (line as f32) < label.at)
            .count()
            .checked_sub(1)?;
        let runs = match label.level {
            LabelLevel::One => &mut ones,
            LabelLevel::Two => &mut twos,
        };
        // A merged label cut by a page break is drawn again above the
        // page's first row (`产出指标` after the marker `绩效` / `指标`):
        // its run goes on.
        if runs.last().is_some_and(|(_, last)| last.text == label.text) {
            continue;
        }
        if runs.last().is_some_and(|(start, _)| *start >= row) {
            return None;
        }
        runs.push((row, label));
    }
    if ones.is_empty() && twos.is_empty() {
        return None;
    }
    if !twos.is_empty() && !ones.iter().all(|(start, _)| twos.iter().any(|(s, _)| s == start)) {
        return None;
    }
    heads(row_lines.len(), ones.into_iter().chain(twos))
}

/// The runs of labels printed right before the last row they span, as
/// Apache FOP draws a merged cell once its last row is laid out (the
/// rows start on lines `row_lines`):
///
/// ```text
/// 享受居家养老服务补贴的老年人数 / ≥3500(人)
/// 为失能、半失能老年人提供的上门照护服务时长 / ≥120000(小时)
/// 数量指标                      ← rows 1–3: before row 3
/// 新建社区长者食堂 / ≥2(家)
/// 服务机构年度考核合格率 / =100%
/// 质量指标                      ← rows 4–5: before row 5
/// 补贴资金发放准确率 / =100%
/// 产出指标                      ← rows 1–6: before row 6
/// 时效指标                      ← row 6
/// 补贴资金发放及时性 / …
/// ```
///
/// A run cut by a page break is drawn at the top of the next page, with
/// the block label's pieces (`绩效` / `指标`, at `page_tops`), before that
/// page's first row: its last row is not shown. It ends where the rows
/// (`texts`, name and target) fit it and the next run best by what they
/// measure, a guess; a 一级 run so cut ends with its family's last 二级 run.
///
/// Read so only where every level's runs follow one another to the last
/// row and each 一级 run ends where a 二级 run does; `None` otherwise.
/// Per row, the labels whose run begins at it (一级 first), and whether
/// an end was guessed.
fn closing_labels(
    labels: &[Label],
    row_lines: &[u32],
    page_tops: &[u32],
    texts: &[(String, String)],
) -> Option<(Vec<Vec<String>>, bool)> {
    let rows_before = |at: f32| row_lines.iter().filter(|&&line| (line as f32) < at).count();
    // A label drawn at a page's top: a block marker's piece before it, no
    // row between.
    let continuing = |label: &Label| {
        page_tops.iter().any(|&top| {
            let top = top as f32;
            top < label.at && !row_lines.iter().any(|&r| top < r as f32 && (r as f32) < label.at)
        })
    };
    let n = row_lines.len();
    let mut guessed = false;
    // 二级 runs: a closing label's run ends with the row printed after
    // it; a continuing one's where the rows fit best.
    let twos: Vec<&Label> = labels.iter().filter(|l| l.level == LabelLevel::Two).collect();
    let mut two_ends: Vec<usize> = Vec::with_capacity(twos.len());
    for (j, label) in twos.iter().enumerate() {
        if !continuing(label) {
            two_ends.push(rows_before(label.at) + 1);
            continue;
        }
        let start = two_ends.last().copied().unwrap_or(0);
        let first_end = rows_before(label.at) + 1;
        let Some(next) = twos.get(j + 1) else {
            two_ends.push(n);
            continue;
        };
        if continuing(next) {
            return None;
        }
        let next_end = rows_before(next.at) + 1;
        let misfit = |row: usize, label: &Label| {
            let measures = crate::shapes::label_measures(&label.text).unwrap_or_default();
            texts.get(row).map_or(1.0, |(name, target)| {
                crate::shapes::misfit(&crate::shapes::shows(name, target), measures)
            })
        };
        let ends = first_end.max(start + 1)..next_end;
        guessed |= ends.len() > 1;
        // Of ends that fit alike, the latest (as `label_runs` cuts).
        let end = ends.min_by(|&a, &b| {
            let cost = |e: usize| -> f32 {
                (start..e).map(|r| misfit(r, label)).sum::<f32>() + (e..next_end).map(|r| misfit(r, next)).sum::<f32>()
            };
            cost(a).total_cmp(&cost(b)).then(b.cmp(&a))
        })?;
        two_ends.push(end);
    }
    let runs_of = |ends: &[usize]| -> Option<Vec<usize>> {
        let mut starts = Vec::with_capacity(ends.len());
        let mut start = 0;
        for &end in ends {
            if end <= start || end > n {
                return None;
            }
            starts.push(start);
            start = end;
        }
        (start == n || ends.is_empty()).then_some(starts)
    };
    let two_starts = runs_of(&two_ends)?;
    // 一级 runs: a continuing one ends with its family's last 二级 run.
    let ones: Vec<&Label> = labels.iter().filter(|l| l.level == LabelLevel::One).collect();
    let mut one_ends: Vec<usize> = Vec::with_capacity(ones.len());
    for label in &ones {
        if continuing(label) {
            let folded = fold_compact(&label.text);
            let family_end = twos
                .iter()
                .zip(&two_ends)
                .filter(|(two, _)| vocab::family(&two.text) == Some(&*folded))
                .map(|(_, &end)| end)
                .max()?;
            one_ends.push(family_end);
        } else {
            one_ends.push(rows_before(label.at) + 1);
        }
    }
    let one_starts = runs_of(&one_ends)?;
    if ones.is_empty() && twos.is_empty() {
        return None;
    }
    // Each 一级 run is made of whole 二级 runs.
    if !twos.is_empty() && !one_starts.iter().all(|start| two_starts.contains(start)) {
        return None;
    }
    let runs = one_starts.into_iter().zip(ones).chain(two_starts.into_iter().zip(twos));
    heads(n, runs).map(|h| (h, guessed))
}

/// Least gain, in what the rows measure, for reading labels as drawn at
/// a page's top ([`closing_labels`]) rather than each before its run's
/// last row: a row's worth.
const PAGE_CUT_GAIN: f32 = 1.0;

/// How badly the rows (`texts`) fit under the 二级 labels `heads` set on
/// them, each over the rows to the next ([`crate::shapes::misfit`]).
fn misfit_of(heads: &[Vec<String>], texts: &[(String, String)]) -> f32 {
    let mut measures: &[crate::shapes::Measure] = &[];
    let mut total = 0.0;
    for (head, (name, target)) in heads.iter().zip(texts) {
        if let Some(m) = head.iter().rev().find_map(|l| crate::shapes::label_measures(l)) {
            measures = m;
        }
        total += crate::shapes::misfit(&crate::shapes::shows(name, target), measures);
    }
    total
}

/// Most runs × bounds² a cutting is searched over (a table of hundreds of
/// rows under dozens of labels is no form's; beyond it labels stay
/// unplaced).
const MAX_CUTTING_CELLS: usize = 200_000;

/// True when a label of rows `start..end` printed before row `gap` stands
/// where poppler prints a centred label: before the row the run's middle
/// falls in, or, with the middle within half a line of a row's edge,
/// before either row of that edge.
fn centred_at(rows: &[RowExtent], start: usize, end: usize, gap: usize) -> bool {
    let (Some(first), Some(last)) = (rows.get(start), end.checked_sub(1).and_then(|e| rows.get(e))) else {
        return false;
    };
    let middle = (first.top + last.bottom) / 2.0;
    let Some(row) = rows
        .get(start..end)
        .and_then(|run| run.iter().position(|r| middle < r.bottom))
    else {
        return false;
    };
    let row = start + row;
    if gap == row {
        return true;
    }
    // On the edge itself the label's top is above the lower row's: it is
    // printed before that row only (the two middle rows of an even run).
    let near = |edge: f32| (middle - edge).abs() <= 0.5 && middle != edge;
    match rows.get(row) {
        Some(r) if gap + 1 == row => near(r.top),
        Some(r) if gap == row + 1 => gap < end && near(r.bottom),
        _ => false,
    }
}

/// The labels stand where a producer that draws row by row prints them:
/// one before the first row, and never more than a row's 一级 and 二级
/// label between two rows' cells (a report server that draws a page's
/// merged cells first prints them all in a bunch, bottom to top).
fn labels_lead_rows(labels: &[Label], content: &[Piece]) -> bool {
    let Some(first) = content.first() else { return false };
    if labels.is_empty() || labels.iter().all(|l| l.at > first.line as f32) {
        return labels.is_empty();
    }
    // Labels between the same two content lines.
    let mut runs: Vec<Vec<&Label>> = Vec::new();
    let mut last_gap: Option<usize> = None;
    for label in labels {
        let gap = content.partition_point(|p| (p.line as f32) < label.at);
        if last_gap == Some(gap) {
            if let Some(run) = runs.last_mut() {
                run.push(label);
            }
        } else {
            runs.push(vec![label]);
            last_gap = Some(gap);
        }
    }
    // Two labels before one row at most: its 一级 and its 二级 label.
    runs.iter().all(|run| match run.as_slice() {
        [_] => true,
        [a, b] => a.level == LabelLevel::One && b.level == LabelLevel::Two,
        _ => false,
    })
}

/// The cutting of the items into alternating name and target cells, each
/// row's `first` first, that costs least over the column widths worth
/// trying, with its cost.
fn best_cutting(items: &[Item], first: Column) -> Option<(f32, Vec<Step>)> {
    let widths = column_widths(items);
    let wraps = wrap_widths(items);
    // The column blocks at each item, per target width (they do not
    // depend on the names' width).
    let blocks: Vec<Vec<Vec<ColumnBlock>>> = widths
        .iter()
        .map(|&(target_width, _)| {
            (0..items.len())
                .map(|start| column_blocks(items, start, target_width, &widths, &wraps))
                .collect()
        })
        .collect();
    // Each column's cell costs per width, worked out once for every pair
    // of widths that uses them.
    let cells = |column: Column| -> Vec<CellCosts> {
        widths
            .iter()
            .map(|&(width, _)| cell_costs(items, column, width, &wraps, column != first))
            .collect()
    };
    let (name_cells, target_cells) = (cells(Column::Name), cells(Column::Target));
    let interleaved: Vec<Vec<Vec<(Around, f32)>>> = widths
        .iter()
        .map(|&(width, _)| interleaved_names(items, width, &wraps))
        .collect();
    let mut best: Option<(f32, Vec<Step>)> = None;
    for ((&(_, name_lines), name_cells), interleaved) in widths.iter().zip(&name_cells).zip(&interleaved) {
        for ((&(_, target_lines), blocks), target_cells) in widths.iter().zip(&blocks).zip(&target_cells) {
            let Some((cost, steps)) = cut(items, [name_cells, target_cells], blocks, interleaved, first) else {
                continue;
            };
            // A width only one line comes to is weaker evidence: of two
            // cuttings that fit alike, the one on better-attested widths.
            let single = [name_lines, target_lines].iter().filter(|&&n| n == 1).count();
            let cost = cost + SINGLE_LINE_WIDTH * single as f32;
            if best.as_ref().is_none_or(|(c, _)| cost < *c - 1e-4) {
                best = Some((cost, steps));
            }
        }
    }
    best
}

/// The widths worth trying for a column, each with how many lines come to
/// it (within a character: a full line is as wide as its column, or a
/// character short): those most lines share first, widest first among
/// equals, then no width at all (cells of one line). A width one line
/// alone comes to is tried too: a column may wrap once in a whole table
/// (`开展至少1次团体心理` / `治疗`).
fn column_widths(items: &[Item]) -> Vec<(usize, usize)> {
    // A line that text may go on after in its cell: the next line is no
    // other block, cell or row, and neither is a numeric target (a name
    // over its target is no wrap).
    let may_wrap = |i: usize| {
        let (Some(item), Some(next)) = (items.get(i), items.get(i + 1)) else {
            return false;
        };
        !next.joined && !next.after_gap && !next.row_start && !item.numeric && !next.numeric
    };
    let mut counted: Vec<(usize, usize, bool)> = Vec::new();
    // Latin counted as wide as it prints: `2025年9`, seven units, fills
    // MuPDF's column of four ideographs.
    let wide_enough = |i: &Item| i.width + i.latin / LATIN_PER_EXTRA_UNIT >= MIN_COLUMN_WIDTH;
    for (i, item) in items.iter().enumerate().filter(|(_, i)| wide_enough(i)) {
        let near = items
            .iter()
            .filter(|o| o.width <= item.width && o.width + 2 >= item.width)
            .count();
        match counted.iter_mut().find(|(w, _, _)| *w == item.width) {
            Some((_, _, wraps)) => *wraps |= may_wrap(i),
            None => counted.push((item.width, near, may_wrap(i))),
        }
    }
    // Widths a line may wrap at first (one wrapped cell in a small table
    // is as good evidence as many), then by how many lines share them.
    counted.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(b.0.cmp(&a.0)));
    let mut widths: Vec<(usize, usize)> = counted.into_iter().take(MAX_WIDTHS).map(|(w, n, _)| (w, n)).collect();
    widths.push((usize::MAX, usize::MAX));
    widths
}

/// Fewest lines of one width (within a character) that make it the width
/// a column's text wraps at.
const MIN_WRAPPED_LINES: usize = 3;

/// The widths a column's wrapped lines come to, whatever the column: long
/// widths that [`MIN_WRAPPED_LINES`] or more lines share, of lines that
/// text goes on after (not a numeric target, a label's row or a blank
/// line: forty names `第N网格巡查次数` of one width, each before its
/// target, are no wrapped text).
fn wrap_widths(items: &[Item]) -> Vec<usize> {
    let goes_on: Vec<&Item> = items
        .iter()
        .zip(items.iter().skip(1))
        .filter(|(_, next)| !next.joined && !next.after_gap && !next.row_start && !next.numeric)
        .map(|(item, _)| item)
        .collect();
    let mut out: Vec<usize> = Vec::new();
    for item in goes_on.iter().filter(|i| i.width >= 2 * MIN_COLUMN_WIDTH) {
        let close = goes_on.iter().filter(|o| o.width.abs_diff(item.width) <= 1).count();
        if close >= MIN_WRAPPED_LINES && !out.iter().any(|w| w.abs_diff(item.width) <= 1) {
            out.push(item.width);
        }
    }
    // A narrow column wrapped over lines of one width, one right after
    // another (`领域前沿` / `技术服务` / `机构，加` in MuPDF's
    // four-ideograph target column): runs, not counts, tell it from
    // one-line cells that happen to be as wide.
    for run in items.windows(NARROW_WRAP_RUN) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let width = first.width;
        let wrapped = (MIN_COLUMN_WIDTH..2 * MIN_COLUMN_WIDTH).contains(&width)
            && run
                .iter()
                .all(|i| i.width.abs_diff(width) <= 1 && !i.row_start && !i.joined && !i.after_gap)
            && !last.numeric
            && run.iter().skip(1).all(|i| !i.numeric);
        if wrapped && !out.iter().any(|w| w.abs_diff(width) <= 1) {
            out.push(width);
        }
    }
    out
}

/// Lines of one narrow width in a row that show a column wrapping at it.
const NARROW_WRAP_RUN: usize = 4;

/// The units a text's start takes down when it does not fit at the end of
/// the line before: a character (two units for an ideograph), a Latin
/// word or number whole, and one more character with a closing mark that
/// may not start a line (`布、更新`).
fn moved_units(text: &str) -> usize {
    let word: usize = text.chars().take_while(char::is_ascii_alphanumeric).count();
    let closing = text.chars().take(2).any(jixiao_model::normalize::is_closing_punct);
    2 + word + if closing { 2 } else { 0 }
}

/// True when `line` is full for a column of `capacity`: the text after it
/// (`next`) did not fit on it. A character moves down whole (two units for
/// an ideograph), a Latin word or number whole, and one more character
/// goes with a closing punctuation mark that may not start a line.
fn full(line: &Item, next: Option<&Item>, capacity: usize) -> bool {
    if capacity == usize::MAX {
        return false;
    }
    let moved = next.map_or(2, |n| n.moves);
    // Proportional Latin letters and digits are wider than the one unit
    // counted for each (`2024年11` / `月前完成`, `1-3项国内` / `外项目合作`
    // fill a column of eight); the extra rounds up: `10月底` / `前` fills
    // MuPDF's column of four ideographs, two digits past an even count.
    line.width + line.latin.div_ceil(LATIN_PER_EXTRA_UNIT) + moved > capacity && !overfull(line, capacity)
}

/// True when `line` is wider than a column of `capacity` holds, beyond
/// what proportional Latin ([`OVERFULL_SLACK`]) and ideographic
/// punctuation set half wide account for (a font's punctuation of half
/// width fits `除７月、８月、１２月，每月开展一次基础性科创研`, counted 46,
/// in a column of 43).
fn overfull(line: &Item, capacity: usize) -> bool {
    line.width > capacity + OVERFULL_SLACK + line.squeezable
}

/// Ideographic punctuation that fonts set half wide (`、`, `，`, `。`…).
fn is_squeezable(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '；' | '：' | '（' | '）' | '“' | '”' | '《' | '》'
    )
}

/// The cost of items `start..end` as one cell of `column`, `None` where
/// they cannot be one.
fn cell_cost(
    items: &[Item],
    start: usize,
    end: usize,
    column: Column,
    capacity: usize,
    wraps: &[usize],
) -> Option<f32> {
    let cell = items.get(start..end)?;
    if cell.iter().skip(1).any(|i| i.joined || i.after_gap || i.row_start) {
        return None;
    }
    let mut cost = EXTRA_LINE * (cell.len() - 1) as f32;
    for (k, line) in cell.iter().enumerate() {
        if capacity != usize::MAX && overfull(line, capacity) {
            cost += OVERFULL_LINE;
        }
        if k + 1 < cell.len() && !full(line, cell.get(k + 1), capacity) {
            cost += SHORT_WRAPPED_LINE;
        }
    }
    let last = cell.last()?;
    let next = items.get(end);
    // Full for its column; a column taken for one without a width still
    // leaves a line as wide as the table's wrapped lines unexplained.
    let ends_full = full(last, next, capacity)
        || (capacity == usize::MAX && wraps.iter().any(|w| last.width.abs_diff(*w) <= 1))
        || (wraps
            .iter()
            .any(|w| *w < 2 * MIN_COLUMN_WIDTH && last.width.abs_diff(*w) <= 1 && capacity > *w + 1));
    // A target led by a comparison (`≥10(次)`) is whole: in a column of
    // seven units (MuPDF's `2025年9` / `月底前`) it comes to the width
    // without going on.
    let whole_target = last.operator && last.numeric;
    if next.is_some_and(|n| !n.joined && !n.after_gap && !n.row_start) && ends_full && !whole_target {
        cost += ENDS_FULL;
    }
    let numeric = cell.iter().any(|i| i.numeric);
    if column == Column::Name && numeric {
        cost += TARGET_AS_NAME;
    }
    // A name of one character is a wrapped name's last line (`动`).
    if column == Column::Name && cell.iter().map(|i| i.width).sum::<usize>() <= 2 {
        cost += ONE_CHARACTER_NAME;
    }
    // Two numeric targets in one cell (`=100.00(%)` … `>10.00(年)`): two
    // rows' cells, never one target wrapped.
    if column == Column::Target && cell.iter().filter(|i| i.operator).count() > 1 {
        cost += TWO_TARGETS;
    }
    let first = cell.first()?;
    if column == Column::Target && cell.len() > 1 && first.operator && !full(first, cell.get(1), capacity) {
        cost += NUMERIC_WRAPPED;
    }
    if column == Column::Target && cell.len() > 1 && last.name_like {
        cost += NAME_AS_TARGET_LINE;
    }
    Some(cost)
}

/// What each cell of one column at one width costs ([`cell_cost`]):
/// `costs[i][k]` for the cell of items `i..=i + k`, up to the first run of
/// items that is no cell.
type CellCosts = Vec<Vec<f32>>;

/// `second`: the column holds a row's second cell, which costs
/// [`SECOND_CELL_AFTER_LABEL`] more where it starts right after a label.
fn cell_costs(items: &[Item], column: Column, capacity: usize, wraps: &[usize], second: bool) -> CellCosts {
    let n = items.len();
    (0..n)
        .map(|i| {
            let after_label = second && items.get(i).is_some_and(|it| it.after_label);
            let extra = if after_label { SECOND_CELL_AFTER_LABEL } else { 0.0 };
            (i + 1..=n.min(i + MAX_CELL_LINES))
                .map_while(|end| cell_cost(items, i, end, column, capacity, wraps).map(|c| c + extra))
                .collect()
        })
        .collect()
}

/// The cheapest cutting for the columns' cell costs (name, target: see
/// [`cell_costs`]):
/// `best[i][c]` is the cost of items `0..i` with the next cell in column
/// `c`; a row starts with its cell of column `first` (its name, or its
/// target where the producer draws a row right to left). Steps come a
/// row's cells at a time, `first`'s first.
fn cut(
    items: &[Item],
    cells: [&CellCosts; 2],
    blocks: &[Vec<ColumnBlock>],
    interleaved: &[Vec<(Around, f32)>],
    first: Column,
) -> Option<(f32, Vec<Step>)> {
    let second = first.other();
    let n = items.len();
    let mut best = vec![[f32::INFINITY; 2]; n + 1];
    let mut back: Vec<[Option<(usize, Column, Step)>; 2]> = vec![[None, None]; n + 1];
    // The column blocks steps took.
    let mut taken: Vec<&ColumnBlock> = Vec::new();
    *best.first_mut()?.get_mut(first as usize)? = 0.0;
    for i in 0..=n {
        // A blank cell: the column moves on without an item.
        for column in [Column::Name, Column::Target, Column::Name] {
            let from = *best.get(i)?.get(column as usize)?;
            let to = column.other();
            if from + EMPTY_CELL < *best.get(i)?.get(to as usize)? {
                *best.get_mut(i)?.get_mut(to as usize)? = from + EMPTY_CELL;
                *back.get_mut(i)?.get_mut(to as usize)? = Some((i, column, Step::Blank));
            }
        }
        // Where a row starts, no row's second cell may.
        if items.get(i).is_some_and(|it| it.row_start) {
            *best.get_mut(i)?.get_mut(second as usize)? = f32::INFINITY;
        }
        if i == n {
            break;
        }
        // Column blocks are poppler's, of rows read name first.
        let from_name = *best.get(i)?.get(Column::Name as usize)?;
        if from_name.is_finite() && first == Column::Name {
            for block in blocks.get(i).map(Vec::as_slice).unwrap_or_default() {
                let end = block.targets.last().map_or(i, |&(_, e)| e);
                let cost = from_name + COLUMN_BLOCK + block.cost;
                if cost < *best.get(end)?.get(Column::Name as usize)? {
                    *best.get_mut(end)?.get_mut(Column::Name as usize)? = cost;
                    *back.get_mut(end)?.get_mut(Column::Name as usize)? =
                        Some((i, Column::Name, Step::Block { cells: taken.len() }));
                    taken.push(block);
                }
            }
        }
        // A name around its target: a whole row.
        let arounds = interleaved.get(i).map(Vec::as_slice).unwrap_or_default();
        for &(around, name) in arounds
            .iter()
            .filter(|_| from_name.is_finite() && first == Column::Name)
        {
            let target_line = cells
                .get(Column::Target as usize)
                .and_then(|c| c.get(around.target()))
                .and_then(|c| c.first());
            let Some(target) = target_line else { continue };
            let cost = from_name + name + target + INTERLEAVED;
            if cost < *best.get(around.end)?.get(Column::Name as usize)? {
                *best.get_mut(around.end)?.get_mut(Column::Name as usize)? = cost;
                *back.get_mut(around.end)?.get_mut(Column::Name as usize)? =
                    Some((i, Column::Name, Step::Interleaved { around }));
            }
        }
        for column in [Column::Name, Column::Target] {
            let from = *best.get(i)?.get(column as usize)?;
            if !from.is_finite() {
                continue;
            }
            let costs = cells.get(column as usize).and_then(|c| c.get(i));
            for (end, &cost) in (i + 1..).zip(costs.into_iter().flatten()) {
                let to = column.other() as usize;
                if from + cost < *best.get(end)?.get(to)? {
                    *best.get_mut(end)?.get_mut(to)? = from + cost;
                    *back.get_mut(end)?.get_mut(to)? = Some((i, column, Step::Cell { start: i, end }));
                }
            }
        }
    }
    // The table ends after a row (or a row's first cell, its second blank).
    let end_row = *best.get(n)?.get(first as usize)?;
    let end_half = best.get(n)?.get(second as usize)? + EMPTY_CELL;
    let (total, mut column) = if end_row <= end_half {
        (end_row, first)
    } else {
        (end_half, second)
    };
    if !total.is_finite() {
        return None;
    }
    let mut steps = Vec::new();
    let mut i = n;
    // Every step goes back an item or is a blank cell (never two in a
    // row the same way), so this ends; bound it all the same.
    for _ in 0..(2 * n + 4) {
        if i == 0 && column == first {
            break;
        }
        let (from, from_column, step) = back.get(i)?.get(column as usize).copied().flatten()?;
        steps.push(step);
        i = from;
        column = from_column;
    }
    steps.reverse();
    let mut steps: Vec<Step> = steps
        .into_iter()
        .flat_map(|step| match step {
            Step::Block { cells, .. } => taken
                .get(cells)
                .map(|block| {
                    block
                        .names
                        .iter()
                        .zip(&block.targets)
                        .flat_map(|(&(start, end), &(target, target_end))| {
                            [
                                Step::Cell { start, end },
                                Step::Cell {
                                    start: target,
                                    end: target_end,
                                },
                            ]
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Step::Interleaved { around } => vec![
                Step::Around(around),
                Step::Cell {
                    start: around.target(),
                    end: around.target() + 1,
                },
            ],
            other => vec![other],
        })
        .collect();
    // A table that ends on a row's first cell: its second is blank.
    if steps.len() % 2 == 1 {
        steps.push(Step::Blank);
    }
    Some((total, steps))
}

/// Cost of reading a row as a two-line name around its target: a little
/// more than the lines read in order, where they read as well.
const INTERLEAVED: f32 = 0.5;

/// Most lines of a name before, and after, its target printed among them.
const MAX_LINES_AROUND: usize = 4;

/// Per item, the names that start there with their one-line target
/// printed among their lines, each with what it costs: poppler prints a
/// target centred on a wrapped name in one block with it, between the
/// name's lines (fpdf2, FOP, jsPDF), or on the line of the name's line it
/// stands beside (MuPDF's rows, a name of three lines):
///
/// ```text
/// 普及细胞治疗、抗体治疗等的基本概念，…，掌握     ← the name's first line, full
/// ≥13.00(场)                                      ← the target
/// 科学方法，实践科学操作，提升科学研究综合能力。  ← the name's last line
///
/// 7月、8月开展2期暑期科创研学拓展活动；5月上海
/// 科技节活动和9月全国科普周活动组织配套活动； ≥5.00(场)
/// 12月举办科创研学特别活动
/// ```
///
/// The target is shaped as one and the name's line before it is full for
/// the column (`capacity`), with a line of the name after it; the lines
/// are one block.
fn interleaved_names(items: &[Item], capacity: usize, wraps: &[usize]) -> Vec<Vec<(Around, f32)>> {
    let apart = |it: &Item| !it.joined && !it.after_gap && !it.row_start;
    (0..items.len())
        .map(|start| {
            let mut found = Vec::new();
            for before in 1..=MAX_LINES_AROUND {
                let t = start + before;
                let (Some(target), Some(next)) = (items.get(t), items.get(t + 1)) else {
                    break;
                };
                let lines_before = items.get(start..t).unwrap_or_default();
                if lines_before.iter().skip(1).any(|it| !apart(it)) || lines_before.iter().any(|it| it.numeric) {
                    break;
                }
                // On a line of its own, or on the name's line before it.
                let placed = !target.after_gap && !target.row_start;
                let line_before = lines_before.last();
                if !placed || !target.numeric || !line_before.is_some_and(|l| full(l, Some(next), capacity)) {
                    continue;
                }
                for after in 1..=MAX_LINES_AROUND {
                    let end = t + 1 + after;
                    let Some(lines_after) = items.get(t + 1..end) else {
                        break;
                    };
                    if lines_after.iter().any(|it| !apart(it) || it.numeric) {
                        break;
                    }
                    // The name's lines as one cell, with what follows them.
                    let mut name: Vec<Item> = lines_before.iter().chain(lines_after).cloned().collect();
                    name.extend(items.get(end).cloned());
                    if let Some(cost) = cell_cost(&name, 0, before + after, Column::Name, capacity, wraps) {
                        found.push((Around { start, before, end }, cost));
                    }
                }
            }
            found
        })
        .collect()
}

/// A column block that may start at an item: its target cells (item
/// ranges, one per name) and what cutting them costs.
struct ColumnBlock {
    /// The name cells (item ranges): one line each, but where the names
    /// wrapped (see [`wrapped_names_block`]).
    names: Vec<(usize, usize)>,
    targets: Vec<(usize, usize)>,
    cost: f32,
}

/// The column blocks that may start at item `start`: `k` one-line names,
/// then, after a blank line, their `k` target cells. poppler's reading
/// order prints rows a column at a time when the rows' cells are blocks
/// of their own (the last rows of a table, or a page of them):
///
/// ```text
/// 服务专业客户数量
/// 服务用户满意度
///
/// ≥5.00(个)
/// ≥85.00(%)
/// ```
///
/// A blank line between the columns (poppler ends each block with one),
/// no name numeric, and the targets numeric: every one, each on a line
/// of its own; or the most of them (a date among them, `2025年9月底前`, or
/// a sentence wrapped over lines) where the names are one block (but for
/// the labels poppler prints among them: blank lines around) and so are
/// the targets. The shapes tell the columns apart; wrapped target cells
/// are cut as any cells are (`capacity`, `wraps`).
fn column_blocks(
    items: &[Item],
    start: usize,
    capacity: usize,
    widths: &[(usize, usize)],
    wraps: &[usize],
) -> Vec<ColumnBlock> {
    let one_line = |i: usize| items.get(i).is_some_and(|it| i == start || !it.joined);
    // A block of wrapped targets follows names that start a table, or
    // after a blank line or a label.
    let block_start = start == 0 || items.get(start).is_some_and(|it| it.after_gap || it.after_label);
    let mut out = Vec::new();
    let mut names = 0;
    let mut in_one_block = true;
    while names < MAX_BLOCK_ROWS {
        let Some(name) = items.get(start + names) else { break };
        if !one_line(start + names) || name.numeric {
            break;
        }
        if names > 0 && name.after_gap && !name.after_label {
            in_one_block = false;
        }
        names += 1;
        if names < 2 || !items.get(start + names).is_some_and(|it| it.after_gap) {
            continue;
        }
        // One-line numeric targets, each a block of its own or not.
        let from = start + names;
        if (from..from + names).all(|t| {
            items
                .get(t)
                .is_some_and(|it| one_line(t) && !it.row_start && it.numeric)
        }) {
            out.push(ColumnBlock {
                names: (start..from).map(|n| (n, n + 1)).collect(),
                targets: (from..from + names).map(|t| (t, t + 1)).collect(),
                cost: if block_start { 0.0 } else { BLOCK_INSIDE_A_BLOCK },
            });
            continue;
        }
        if !block_start || !in_one_block {
            continue;
        }
        out.extend(wrapped_names_block(items, start, names, widths, wraps));
        let Some((cost, targets)) = cut_into(items, from, names, Column::Target, capacity, wraps) else {
            continue;
        };
        let numeric = targets
            .iter()
            .filter(|&&(s, e)| items.get(s..e).is_some_and(|c| c.iter().any(|i| i.numeric)))
            .count();
        if 2 * numeric > names {
            out.push(ColumnBlock {
                names: (start..from).map(|n| (n, n + 1)).collect(),
                targets,
                cost,
            });
        }
    }
    out
}

/// A column block whose names wrapped: `lines` lines of names from
/// `start`, one block, then, after a blank line, fewer one-line numeric
/// targets, each a block of its own or not, up to a blank line or the
/// table's end. Writer's table through poppler prints the rows after a
/// page's first ones a column at a time:
///
/// ```text
/// 基础数据当月采集、当月分析同步率
/// 除 7 月、8 月、12 月，每月开展一次基础性科创研学活动；每
/// 组织开展一次科创参观交流活动
/// 期刊出版频率
///
/// >70.00(%)
/// ≥13.00(场)
/// =1.00(月)
/// ```
///
/// The names' lines are cut into as many cells as there are targets, at
/// the name column's width that cuts them cheapest.
fn wrapped_names_block(
    items: &[Item],
    start: usize,
    lines: usize,
    widths: &[(usize, usize)],
    wraps: &[usize],
) -> Option<ColumnBlock> {
    let from = start + lines;
    let targets = items
        .get(from..)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .take_while(|(k, it)| (*k == 0 || !it.joined) && !it.row_start && it.numeric)
        .count();
    let after = items.get(from + targets);
    if targets < 2 || targets >= lines || after.is_some_and(|it| !it.after_gap) {
        return None;
    }
    let (cost, names) = widths
        .iter()
        .filter_map(|&(width, _)| cut_into(items, start, targets, Column::Name, width, wraps))
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(ColumnBlock {
        names,
        targets: (from..from + targets).map(|t| (t, t + 1)).collect(),
        cost,
    })
}

/// Cost of a column block whose names begin inside a block of the dump
/// (no blank line or label before them): poppler prints a column of
/// names as a block of its own, and the lines before them in it are more
/// of them (a wrapped name's: see [`wrapped_names_block`]).
const BLOCK_INSIDE_A_BLOCK: f32 = 1.0;

/// The cheapest cutting of the block of items from `from` (up to a blank
/// line) into exactly `cells` cells of `column`, as item ranges, with its
/// cost.
fn cut_into(
    items: &[Item],
    from: usize,
    cells: usize,
    column: Column,
    capacity: usize,
    wraps: &[usize],
) -> Option<(f32, Vec<(usize, usize)>)> {
    // The targets are one block: up to the next blank line (or label).
    let span = items
        .iter()
        .skip(from + 1)
        .position(|it| it.after_gap || it.row_start)
        .map_or(items.len().saturating_sub(from), |p| p + 1);
    if span < cells || span > cells * MAX_CELL_LINES {
        return None;
    }
    // best[c][j]: items from..from+j cut into c cells.
    let mut best = vec![vec![f32::INFINITY; span + 1]; cells + 1];
    let mut back = vec![vec![0usize; span + 1]; cells + 1];
    *best.first_mut()?.first_mut()? = 0.0;
    for c in 0..cells {
        for j in 0..span {
            let here = *best.get(c)?.get(j)?;
            if !here.is_finite() {
                continue;
            }
            for end in j + 1..=span.min(j + MAX_CELL_LINES) {
                let Some(cost) = cell_cost(items, from + j, from + end, column, capacity, wraps) else {
                    break;
                };
                let slot = best.get_mut(c + 1)?.get_mut(end)?;
                if here + cost < *slot {
                    *slot = here + cost;
                    *back.get_mut(c + 1)?.get_mut(end)? = j;
                }
            }
        }
    }
    let end = span;
    let cost = *best.get(cells)?.get(end)?;
    if !cost.is_finite() {
        return None;
    }
    let mut targets = Vec::with_capacity(cells);
    let mut j = end;
    for c in (1..=cells).rev() {
        let start = *back.get(c)?.get(j)?;
        targets.push((from + start, from + j));
        j = start;
    }
    targets.reverse();
    Some((cost, targets))
}

/// Whether a line reads as an indicator's name by how it ends: what it
/// measures (`…及时性`, `…完成率`, `…满意度`, `…人数`), with no figure or
/// sentence punctuation in it (`宣传推广及时性`, never `按时召开会议。`).
fn reads_as_name(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() >= MIN_NAME_LIKE_CHARS
        && text.ends_with(['性', '率', '度', '数'])
        && !text.chars().any(|c| c.is_ascii_digit() || "，。；、,;%％".contains(c))
}

/// A numeric target: a comparison (`≥2.00(次)`, `不低于50%`) or a number
/// with its unit (`90%`, `12场`); a name ending in a number
/// (`治安案件下降率2`) is none.
pub(crate) fn numeric_target(text: &str) -> bool {
    // `op` and `unit` are set only with a value, which needs a digit.
    starts_with_operator(text)
        || (jixiao_model::normalize::may_hold_value(text) && {
            let target = jixiao_model::normalize::parse_target(text);
            target.op.is_some() || (target.value.is_some() && target.unit.is_some())
        })
}

/// True for a piece of the table header or of a block marker printed on a
/// line of its own inside a content-order table (the header and the
/// markers printed again on the next page, or after the rows).
pub(crate) fn is_repeated_furniture(text: &str) -> bool {
    let folded = fold_compact(text);
    matches!(&*folded, "一级指标" | "二级指标" | "三级指标")
        || folded.ends_with("指标值")
        || folded == "年度(/项目)"
        || vocab::marker(&folded).is_some()
        || (folded.chars().count() <= MAX_MARKER_PIECE && vocab::is_marker_piece(&folded))
}

/// Longest piece of a block marker printed down its cell (`项目资金`, `（元）`).
const MAX_MARKER_PIECE: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    /// Labels `(text, level, line)` printed half a line from `line` (before
    /// it: `-0.5`, after it: `+0.5`), and the lines rows start on: 10, 20,
    /// 30 …
    fn labels_and_rows(labels: &[(&str, LabelLevel, u32)], offset: f32, rows: usize) -> (Vec<Label>, Vec<u32>) {
        let labels = labels
            .iter()
            .map(|&(text, level, line)| Label {
                text: text.to_string(),
                level,
                at: line as f32 + offset,
                lines: None,
            })
            .collect();
        (labels, (1..=rows as u32).map(|r| r * 10).collect())
    }

    /// Labels `(text, level, printed before the row on this line)`.
    fn closing(labels: &[(&str, LabelLevel, u32)], rows: usize) -> Option<Vec<Vec<String>>> {
        let (labels, lines) = labels_and_rows(labels, -0.5, rows);
        let texts = vec![(String::new(), String::new()); rows];
        closing_labels(&labels, &lines, &[], &texts).map(|(heads, _)| heads)
    }

    // PyMuPDF of FOP's cost form: the page break falls after row 2, and
    // the cut runs' labels are drawn at the next page's top, after the
    // block marker's pieces (line 25), before row 3; `时效指标` closes row
    // 5. 质量指标's run ends where the rows fit best (rows 2–4), a guess;
    // 产出指标's with its family's last run.
    #[test]
    fn lines_that_read_as_names() {
        for (text, name) in [
            ("宣传推广及时性", true),
            ("项目完成率", true),
            ("服务对象满意度", true),
            ("教授级专家邀请到会数", true),
            ("筹备完善，按时召开会议", false),
            ("完成率达到95%", false),
            ("提升服务质量与及时率", true),
            ("及时率", false),
            ("拓展合作渠道", false),
        ] {
            assert_eq!(reads_as_name(text), name, "{text}");
        }
    }

    #[test]
    fn labels_drawn_at_a_pages_top_end_where_the_rows_fit() {
        use LabelLevel::{One, Two};
        let (labels, lines) = labels_and_rows(
            &[
                ("数量指标", Two, 10),
                ("产出指标", One, 30),
                ("质量指标", Two, 30),
                ("时效指标", Two, 50),
                ("满意度指标", One, 60),
                ("服务对象满意度指标", Two, 60),
            ],
            -0.5,
            6,
        );
        let texts: Vec<(String, String)> = [
            ("第1片区为老服务站巡访次数", "≥4(次)"),
            ("第1片区巡访记录完整率", "≥95%"),
            ("第2片区巡访记录完整率", "≥95%"),
            ("第3片区巡访记录完整率", "≥95%"),
            ("年度巡访任务完成时间", "2026年12月15日前"),
            ("社区居民满意度", "≥85%"),
        ]
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
        let heads = |rows: &[&[&str]]| -> Vec<Vec<String>> {
            rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
        };
        let cut = heads(&[
            &["产出指标", "数量指标"],
            &["质量指标"],
            &[],
            &[],
            &["时效指标"],
            &["满意度指标", "服务对象满意度指标"],
        ]);
        assert_eq!(
            closing_labels(&labels, &lines, &[25], &texts),
            Some((cut.clone(), true))
        );
        // Each label before its run's last row: 质量指标 rows 2–3, 时效指标
        // rows 4–5 under 满意度指标.
        let closing = closing_labels(&labels, &lines, &[], &texts).map(|(h, _)| h);
        assert_eq!(
            closing,
            Some(heads(&[
                &["产出指标", "数量指标"],
                &["质量指标"],
                &[],
                &["满意度指标", "时效指标"],
                &[],
                &["服务对象满意度指标"],
            ]))
        );
        // The rows fit the page's-top reading a row's worth better.
        assert!(misfit_of(&cut, &texts) + PAGE_CUT_GAIN <= closing.map_or(0.0, |c| misfit_of(&c, &texts)));
    }

    // One line per case: where FOP prints the labels → the rows their runs begin at.
    #[test]
    fn labels_that_close_their_runs() {
        use LabelLevel::{One, Two};
        let heads = |rows: &[&[&str]]| -> Option<Vec<Vec<String>>> {
            Some(rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect())
        };
        // 数量 rows 1–3, 质量 rows 4–5, 产出 rows 1–6 with 时效 row 6.
        assert_eq!(
            closing(
                &[
                    ("数量", Two, 30),
                    ("质量", Two, 50),
                    ("产出", One, 60),
                    ("时效", Two, 60)
                ],
                6
            ),
            heads(&[&["产出", "数量"], &[], &[], &["质量"], &[], &["时效"]])
        );
        // One row under both labels.
        assert_eq!(
            closing(&[("满意度", One, 10), ("服务对象", Two, 10)], 1),
            heads(&[&["满意度", "服务对象"]])
        );
        // The last run does not reach the last row: not FOP's order.
        assert_eq!(closing(&[("产出", One, 20), ("数量", Two, 20)], 3), None);
        // A 一级 run that ends inside a 二级 run.
        assert_eq!(
            closing(&[("产出", One, 20), ("效益", One, 30), ("数量", Two, 30)], 3),
            None
        );
        // Two labels of a level closing one row (labels bunched: order lost).
        assert_eq!(
            closing(&[("数量", Two, 20), ("质量", Two, 20), ("产出", One, 20)], 2),
            None
        );
        // No labels: nothing to read.
        assert_eq!(closing(&[], 2), None);
    }

    /// Labels `(text, level, printed after the row on this line)`.
    fn trailing(labels: &[(&str, LabelLevel, u32)], rows: usize) -> Option<Vec<Vec<String>>> {
        let (labels, lines) = labels_and_rows(labels, 0.5, rows);
        trailing_labels(&labels, &lines)
    }

    // One line per case: where Gnumeric prints the labels → the rows their runs begin at.
    #[test]
    fn labels_that_follow_their_first_row() {
        use LabelLevel::{One, Two};
        let heads = |rows: &[&[&str]]| -> Option<Vec<Vec<String>>> {
            Some(rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect())
        };
        // 数量 rows 1–2, 产出 rows 1–3 with 时效 row 3; 效益 row 4.
        assert_eq!(
            trailing(
                &[
                    ("数量", Two, 10),
                    ("产出", One, 10),
                    ("时效", Two, 30),
                    ("效益", One, 40),
                    ("社会", Two, 40)
                ],
                4
            ),
            heads(&[&["产出", "数量"], &[], &["时效"], &["效益", "社会"]])
        );
        // A label drawn again above a page's first row goes on with its run.
        assert_eq!(
            trailing(&[("产出", One, 10), ("数量", Two, 10), ("产出", One, 20)], 3),
            heads(&[&["产出", "数量"], &[], &[]])
        );
        // A label before the first row: not this order.
        assert_eq!(trailing(&[("产出", One, 5), ("数量", Two, 10)], 2), None);
        // Two labels of a level after one row (bunched: order lost).
        assert_eq!(
            trailing(&[("数量", Two, 10), ("质量", Two, 10), ("产出", One, 10)], 2),
            None
        );
        // A 一级 run that begins inside a 二级 run.
        assert_eq!(
            trailing(&[("产出", One, 10), ("数量", Two, 10), ("效益", One, 20)], 3),
            None
        );
        // No labels: nothing to read.
        assert_eq!(trailing(&[], 2), None);
    }
}
