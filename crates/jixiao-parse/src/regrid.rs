//! Text dumps of ruled forms, read back into the rows a PDF's grid gives.
//!
//! Line-based extractors (`pdftotext -layout`, pdfplumber's
//! `extract_text`) print a merged label at the vertical middle of the rows
//! it spans, and a wrapped cell's lines on lines of their own, interleaved
//! by height with the lines of the cells beside it:
//!
//! ```text
//!                     利用平台网络信息化系统，及时发布、更新平台      ← target, line 1
//!           服务信息更新及时性                                        ← name
//!                     联盟服务信息                                    ← target, line 2
//!   时效指标                                                          ← label, centred on its rows
//! ```
//!
//! Within each indicator table this module puts every piece back into its
//! cell: a piece is a label (by vocabulary, joined when printed in pieces
//! around a row: `社会效益` … `指标`) or content; content lines are grouped
//! into rows whose name and target cells are centred on each other (the
//! column of a piece is its character column in a layout dump, and is
//! chosen by that grouping where the dump has no columns); labels take the
//! rows they are centred on. The result is one ruled row per table row with
//! each label on the first row of its span, as `jixiao_layout::pdf` gives
//! a PDF's table.
//!
//! A table whose labels come before their rows (the seed's dump style) is
//! in reading order already and left alone, as is anything this module
//! cannot make into rows.

use jixiao_layout::Row;
use jixiao_model::normalize::{fold_compact, is_amount, is_wide};
use jixiao_model::{Location, UnplacedReason};

use crate::vocab::{self, GoalSlot, LabelLevel, Marker};

/// Most lines one table row spans in a dump (a long target wraps over
/// many lines: MuPDF's four-ideograph target column prints a 60-character
/// target on 16 lines, a row of 22 with its wrapped name; beyond this the
/// grouping would be guesswork).
const MAX_ROW_LINES: usize = 24;
/// Most single-column lines of one row whose column is chosen by trying
/// every assignment (2^n); beyond, only the assignments that give a run of
/// them to one cell and the rest to the other are tried (with cells of one
/// line height, the lines where only one cell has text are the taller
/// cell's: a narrow target wrapped over a dozen lines beside a short name).
const MAX_OPEN_LINES: usize = 8;
/// Most single-column lines of one row at all.
const MAX_OPEN_RUN: usize = 31;

/// The assignments of `k` open lines to try, as bit masks (a set bit: the
/// line is the target's).
fn open_masks(k: usize) -> Vec<u32> {
    if k <= MAX_OPEN_LINES {
        return (0u32..(1u32 << k)).collect();
    }
    let all = (1u32 << k) - 1;
    // The first `split` lines to one cell, the rest to the other.
    let mut masks: Vec<u32> = (0..=k)
        .flat_map(|split| {
            let head = (1u32 << split) - 1;
            [head, all & !head]
        })
        .collect();
    masks.sort_unstable();
    masks.dedup();
    masks
}
/// How many lines after a label's first piece its last piece may stand.
const MAX_LABEL_GAP: u32 = 8;
/// How far below a label's line the middle of its rows may be in a layout
/// dump (the label was centred between two lines, printed on the upper).
const LABEL_ROUNDING: f32 = 0.5;
/// Cost of each line a row spans beyond its first.
const LINE_COST: f32 = 0.05;
/// Cost of a row whose 二级 label belongs to another 一级 label than the
/// run's: more than any distance in a table.
const FAMILY_PENALTY: f32 = 1000.0;
/// A cost too small to outweigh any distance, to break ties.
const TIE_BREAK: f32 = 1e-3;
/// Weight of how badly a row fits its 二级 label by what it measures
/// (`shapes::misfit`, 0–1 a row) beside where the label stands: a
/// tie-break among cuttings whose labels' lines fit alike. Line
/// positions tie often (a merged label centred on an even number of
/// lines); worth more than a tenth of a line, it overrode positions
/// (over the committed dumps, 0.2 cost more fields than it won).
const MEASURE_TIE_BREAK: f32 = 0.01;
/// Fewest characters of gap between a layout dump's name and target
/// columns.
const MIN_COLUMN_GAP: usize = 4;

/// The header cells after `一级指标` when a dump prints one a line.
const HEADER_PIECES: usize = 3;

fn is_header_piece(folded: &str) -> bool {
    folded != "一级指标" && vocab::is_table_header_cell(folded)
}

/// Most rows a marker printed in pieces down a block's left edge may run
/// over (`项目` … `绩效` … `目标`, a goal line or two between the pieces).
const MAX_MARKER_ROWS: usize = 8;
/// Longest piece of a marker, in characters.
const MAX_MARKER_PIECE: usize = 6;

/// Reassembles the indicator tables of a text dump; rows outside them, and
/// tables already in reading order, pass unchanged. Block markers printed
/// in pieces at the start of other rows are joined first.
pub fn regrid(rows: Vec<Row>) -> Regridded {
    let (rows, running) = take_running_headers(split_unmarked_pages(rows));
    // The whole dump's lines, or the forms' own where a budget's pages
    // around them hide how they print (see [`forms_span`]); not a layout
    // dump's, whose table prints its rows without a blank line between.
    let forms = forms_span(&rows);
    let in_columns = forms.iter().filter(|r| spaced_in_columns(r)).count();
    let drawing_order = no_blank_lines(&rows)
        || blocks_are_rows(&rows)
        || (in_columns * LAYOUT_LINES_DEN < forms.len() && no_blank_lines(forms));
    // The dump's lines with text, before any are joined.
    let printed = printed_lines(&rows);
    let rows = join_value_continuations(
        join_tails_by_column(join_labels_wrapped_beside_centred(join_money_labels_wrapped_around(
            crate::header::order_content_headers(rows),
        ))),
        &printed,
    );
    let rows = join_dropped_values(split_glued_amounts(split_glued_labels(split_page_seams(rows))));
    let rows = join_wrapped_labels(join_label_tails(join_split_markers(join_label_tails(
        join_value_tails_in_order(join_split_header_cells(rows)),
    ))));
    let (rows, goal_notes) = split_interleaved_goals(split_goal_columns(rows));
    // One producer made the whole dump: its cells and its merged labels are
    // aligned one way. Centred unless another reading costs clearly less.
    let (mut best, middle) = regrid_aligned(
        &rows,
        &printed,
        Align::Middle,
        LabelAlign::whole(Align::Middle),
        drawing_order,
    );
    let mut best_total = middle.rows + middle.labels;
    let (mut best_cells, mut best_labels) = (Align::Middle, Align::Middle);
    for align in [Align::Top, Align::Bottom] {
        if best_total <= 0.0 {
            break;
        }
        let (out, c) = regrid_aligned(&rows, &printed, align, LabelAlign::whole(align), drawing_order);
        let total = c.rows + c.labels;
        if shows_alignment(&c) && clearly_better(total, middle.rows + middle.labels) && total < best_total {
            (best, best_total, best_cells, best_labels) = (out, total, align, align);
        }
        // Cells set at the top (bottom) and merged labels centred (Typst,
        // a Word table whose labels were centred by hand): the cells'
        // reading alone must cost clearly less, the whole reading less.
        let (out, c) = regrid_aligned(&rows, &printed, align, LabelAlign::whole(Align::Middle), drawing_order);
        let total = c.rows + c.labels;
        if clearly_better(c.rows, middle.rows) && total < best_total {
            (best, best_total, best_cells, best_labels) = (out, total, align, Align::Middle);
        }
    }
    // Labels of runs over a page break set the producer's way: read so
    // where that costs clearly less (no run crosses a page of a dump
    // without page breaks: the reading would be the same).
    let page_breaks = rows.windows(2).any(|w| matches!(w, [a, b] if a.sheet != b.sheet));
    if best_total > 0.0 && page_breaks {
        let whole = best_total;
        for split in [SplitRun::Top, SplitRun::FirstPart] {
            let labels = LabelAlign { at: best_labels, split };
            let (out, c) = regrid_aligned(&rows, &printed, best_cells, labels, drawing_order);
            if c.rows + c.labels < whole - SPLIT_RUN_GAIN && c.rows + c.labels < best_total {
                (best, best_total) = (out, c.rows + c.labels);
            }
        }
    }
    best.notes.extend(goal_notes);
    best.notes.extend(running);
    best
}

/// Share of a dump's pages that must start with one line for it to be a
/// running header (4 of 5: a page may start with a form's heading
/// instead), and at least two.
const RUNNING_SHARE_NUM: usize = 4;
const RUNNING_SHARE_DEN: usize = 5;
/// Fewest characters of a running header: a document's name, not a
/// cell's piece (`绩效`, `三级指标`).
const MIN_RUNNING_CHARS: usize = 8;

/// A running header: the same line at the top of the pages after the
/// first (a budget's `上海市普陀区…2025年度单位预算` over each page of its
/// forms), which a dump prints among the cells of a table cut by the page
/// break. Taken off those pages and reported as text outside the table,
/// as a PDF's page header is; the first page's line is left (it may be the
/// document's title). Form headings, table headers, labels and the form's
/// own cells are never one.
fn take_running_headers(rows: Vec<Row>) -> (Vec<Row>, Vec<(Location, UnplacedReason, String)>) {
    // Each page's first line with text; the first page's counts, but stays.
    let mut firsts: Vec<usize> = Vec::new();
    let mut sheet = None;
    for (i, row) in rows.iter().enumerate() {
        if Some(row.sheet) != sheet && !row.text.trim().is_empty() {
            sheet = Some(row.sheet);
            firsts.push(i);
        }
    }
    let keys: Vec<String> = firsts
        .iter()
        .map(|&i| {
            rows.get(i)
                .map(|r| fold_compact(&r.text).into_owned())
                .unwrap_or_default()
        })
        .collect();
    let form_text = |text: &str| {
        vocab::form_heading(text).is_some()
            || vocab::is_indicator_header(text)
            || vocab::indicator_label(text).is_some()
            || vocab::goal_heading(text).is_some()
            || vocab::is_page_number(text)
            || crate::stream::is_repeated_furniture(text)
            || is_header_cell_text(text)
    };
    // On (nearly) every page, and more than one.
    let mut pages_starting: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for key in &keys {
        *pages_starting.entry(key.as_str()).or_default() += 1;
    }
    let enough = |n: usize| n >= 2 && n * RUNNING_SHARE_DEN >= keys.len() * RUNNING_SHARE_NUM;
    let running = |key: &str| {
        pages_starting.get(key).is_some_and(|&n| enough(n))
            && key.chars().count() >= MIN_RUNNING_CHARS
            && !form_text(key)
    };
    // The first lines to take off: those of the pages after the first.
    let taken: std::collections::BTreeSet<usize> = firsts
        .iter()
        .zip(&keys)
        .skip(1)
        .filter(|(_, key)| running(key))
        .map(|(&i, _)| i)
        .collect();
    if taken.is_empty() {
        return (rows, Vec::new());
    }
    let mut notes = Vec::new();
    let mut kept = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        if taken.contains(&i) {
            notes.push((row.loc, UnplacedReason::OutsideTable, row.text));
        } else {
            kept.push(row);
        }
    }
    (kept, notes)
}

/// A dump's rows put back into their grid, and what could not be.
#[derive(Debug, Clone, Default)]
pub struct Regridded {
    /// The rows, as a PDF's table gives them.
    pub rows: Vec<Row>,
    /// Text of content-order tables that no row could be given (where it
    /// stood, why, the text): labels whose rows the order lost, a form's
    /// heading cells printed after its rows.
    pub notes: Vec<(Location, UnplacedReason, String)>,
    /// The dump is printed in drawing order: no blank line anywhere, or
    /// blank lines that part MuPDF's blocks (see [`blocks_are_rows`]).
    pub drawing_order: bool,
}

/// What a reading of a dump's tables cost: grouping lines into rows, and
/// placing the labels on them.
#[derive(Debug, Clone, Copy, Default)]
struct Costs {
    rows: f32,
    labels: f32,
    /// Labels placed over more than one row.
    spanning: usize,
}

/// Another alignment is taken only for a clear gain, two fifths of the
/// cost and at least a line's worth, so that the noise of tables read badly
/// either way does not decide it (Chromium prints a label cut by a page
/// break at the top of the page's part of its run: centred labels that a
/// top alignment explains a little better).
fn clearly_better(cost: f32, middle: f32) -> bool {
    cost < middle - (0.4 * middle).max(1.0)
}

/// Least gain for reading the labels of runs cut by a page break another
/// way than as whole runs: half a line. Only those runs' labels cost
/// differently, so the gain is not measured against the whole dump's cost
/// (a document of nine forms and one cut run is read so too).
const SPLIT_RUN_GAIN: f32 = 0.5;

/// Fewest labels over several rows, each exactly where an alignment other
/// than centred sets it, for that alignment to be read: one or two labels
/// at the top of their runs are a page break's doing (Chromium prints a
/// cut label at the top of the page's part of its run).
const MIN_ALIGNED_LABELS: usize = 3;

/// Most cost per spanning label of a reading that sets every label where
/// its alignment says (rounding of a label between two lines).
const ALIGNED_LABEL_SLACK: f32 = 0.1;

/// The labels of a reading stand where its alignment sets them: enough of
/// them over several rows, hardly any cost.
fn shows_alignment(costs: &Costs) -> bool {
    costs.spanning >= MIN_ALIGNED_LABELS && costs.labels <= ALIGNED_LABEL_SLACK * costs.spanning as f32
}

/// [`regrid`] with the cells' and the labels' alignment given.
fn regrid_aligned(
    rows: &[Row],
    printed: &std::collections::BTreeSet<u32>,
    cells: Align,
    labels: LabelAlign,
    drawing_order: bool,
) -> (Regridded, Costs) {
    let mut costs = Costs::default();
    let mut notes = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    let mut rest = rows;
    // Whether a table has been read yet.
    let mut table_read = false;
    // Whether the dump's producer draws a form's merged cells before its
    // heading, as its first form shows (see [`first_form_block`]); then
    // the labels drawn after a table's rows are the next table's, held here.
    let mut labels_lead = false;
    let mut held_labels: Vec<Row> = Vec::new();
    while let Some((row, tail)) = rest.split_first() {
        out.push(row.clone());
        rest = tail;
        if row.ruled {
            continue;
        }
        // The table's marker piece in front of the header (`绩效 一级指标 …`,
        // `指标` on the next line): the header alone, the pieces are
        // dropped with the marker below.
        if let Some(header) = without_leading_marker(row) {
            out.pop();
            out.push(header);
        }
        let Some(row) = out.last().cloned() else { continue };
        let row = &row;
        // The header on one line, or one cell a line (`一级指标` `二级指标`
        // `三级指标` `年度指标值`, as content-order dumps print it).
        let folded = fold_compact(&row.text);
        // The labels of a header printed apart, printed before it (see
        // [`header_printed_apart`]).
        let mut labels_before: Vec<Row> = Vec::new();
        if !vocab::is_indicator_header(&folded) {
            let spelled = match &*folded {
                // Not where the rest of the header comes later, before
                // any row (see [`header_printed_apart`]).
                "一级指标" => spelled_header(rest)
                    .filter(|(_, cells)| has_value_cell(cells) || !rest_of_header_follows(rest))
                    .map(|(pieces, cells)| (pieces, cells, Vec::new())),
                "三级指标" => header_printed_apart(&mut out, rest),
                _ => None,
            };
            let Some((pieces, cells, labels)) = spelled else {
                continue;
            };
            labels_before = labels;
            // One header row, as the lexer knows it.
            let mut header = out.pop().unwrap_or_else(|| row.clone());
            header.cells.extend(cells);
            header.text = header.cells.join(" ");
            out.push(header);
            rest = rest.get(pieces..).unwrap_or_default();
        }
        // The header's cells wrapped in a narrow column go on below it
        // (`年度(/项` / `目)指标` / `值`, with `指标` of the block marker).
        if let Some(header) = out.last_mut() {
            let taken = absorb_header_continuation(header, rest);
            rest = rest.get(taken..).unwrap_or_default();
        }
        // The table ends at a ruled row or at the next form's heading; a
        // title drawn after the rows (LibreOffice's second pass: block
        // markers' pieces after it, no header cell) heads no form.
        let second_pass_title = |k: usize| {
            let after = rest.get(k + 1..).unwrap_or_default().iter().take(HEADING_LOOKAHEAD);
            let mut header = false;
            let mut markers = false;
            for n in after {
                header |= n.ruled || n.cells.iter().any(|c| vocab::field_prefix(c).is_some());
                markers |= n.cells.iter().any(|c| vocab::is_marker_piece(&fold_compact(c)));
            }
            markers && !header
        };
        // It ends, too, where another part of the budget begins (its next
        // table's title or rows, `第四部分 名词解释`).
        let end = rest
            .iter()
            .enumerate()
            .position(|(k, r)| {
                r.ruled
                    || (vocab::form_heading(&r.text).is_some() && !second_pass_title(k))
                    || vocab::is_other_part(&r.text)
                    || vocab::is_budget_section_heading(&r.text)
            })
            .unwrap_or(rest.len());
        // The next form's merged cells drawn before its title are no
        // cells of this table.
        let drawn_first = drawn_before_heading(rest.get(..end).unwrap_or_default());
        let (table, after) = rest.split_at(end - drawn_first);
        let (table, footers) = without_footers(table, row, printed);
        // Labels printed before a header printed apart are the table's,
        // where they stand telling nothing of their rows.
        let apart_before = match (labels_before.is_empty(), row.loc) {
            (false, Location::Line(line)) => Some(line),
            _ => None,
        };
        let taken_before = labels_before.len();
        let table: Vec<Row> = labels_before.into_iter().chain(table).collect();
        if !table_read && !labels_lead {
            let before = out.len().saturating_sub(1);
            let block = first_form_block(out.get(..before).unwrap_or_default());
            if !block.is_empty() {
                let (labels, markers) = labels_and_markers(out.splice(block.clone(), []));
                out.splice(block.start..block.start, markers);
                labels_lead = true;
                held_labels = labels;
            }
        }
        match regrid_table(&table, cells, labels, drawing_order, apart_before) {
            Some(read) => {
                // The form's goal lines and year printed after the rows go
                // back in front of the table's header.
                if !read.ahead.is_empty() {
                    let header = out.pop();
                    out.extend(read.ahead);
                    out.extend(header);
                }
                // The document's title printed after the first form's rows
                // goes back before that form, where nothing else stands.
                // (`…2024年度项目绩效目标汇总表`, not the form's own heading).
                let first_table = !std::mem::replace(&mut table_read, true);
                if let Some(heading) = out
                    .first()
                    .filter(|r| first_table && vocab::form_heading(&r.text).is_some())
                {
                    let form = fold_compact(&heading.text);
                    if let Some(title) = read.titles.into_iter().find(|t| fold_compact(&t.text) != form) {
                        out.insert(0, title);
                    }
                }
                // The merged cells drawn after the rows, before the next
                // form's heading: their rows are lost with the order. Its
                // marker pieces go on as ever; its labels are this table's
                // where it has none (a producer that draws merged cells
                // last), tied to rows by what the rows measure, or else
                // reported.
                let (block, tail) = after.split_at(drawn_first.min(after.len()));
                let (mut labels, markers) = labels_and_markers(block.iter().cloned());
                // Where the producer draws merged cells first, they are
                // the next table's, and this one's were drawn before it.
                if labels_lead {
                    std::mem::swap(&mut labels, &mut held_labels);
                }
                let mut rows = read.rows;
                let mut read_notes = read.notes;
                if let Some(first) = labels.first() {
                    let text = block_text(&labels);
                    // With the labels the table's own order left unplaced
                    // (`服务对象满意度指` / `标` joined in the table, the
                    // rest drawn after it).
                    let mut all: Vec<Label> = read.unplaced_labels;
                    all.extend(block_labels(&labels));
                    let reason = if label_rows_by_shape(&mut rows, &all) {
                        read_notes.retain(|(_, reason, _)| *reason != UnplacedReason::LabelsWithoutRows);
                        UnplacedReason::LabelsByShape
                    } else {
                        UnplacedReason::LabelsWithoutRows
                    };
                    notes.push((first.loc, reason, text));
                }
                out.extend(rows);
                out.extend(footers);
                costs.rows += read.costs.rows;
                costs.labels += read.costs.labels;
                costs.spanning += read.costs.spanning;
                notes.extend(read_notes);
                out.extend(markers);
                rest = tail;
            }
            // No table read: the labels taken from before the header go
            // back there, not lost.
            None => {
                let header_at = out.len().saturating_sub(1);
                out.splice(header_at..header_at, table.into_iter().take(taken_before));
                continue;
            }
        }
    }
    // Labels drawn before a table that never came: reported, not lost.
    if let Some(first) = held_labels.first() {
        notes.push((first.loc, UnplacedReason::LabelsWithoutRows, block_text(&held_labels)));
    }
    (
        Regridded {
            rows: out,
            notes,
            drawing_order,
        },
        costs,
    )
}

/// A table's rows without its pages' footers: the last line of a page
/// that stands more than [`FOOTER_GAP`] blank lines below the line before
/// it, in columns where no other line of the page's table has text
/// (`Powered by TCPDF (www.tcpdf.org)` at the margin under a layout
/// dump's last row). Read as a cell, its column would part every name
/// from its target. A tall row's last line may stand as far down, in the
/// table's columns, and so may a label cut by the page break.
fn without_footers(table: &[Row], header: &Row, printed: &std::collections::BTreeSet<u32>) -> (Vec<Row>, Vec<Row>) {
    let mut kept = Vec::with_capacity(table.len());
    let mut footers = Vec::new();
    let starts = |row: &Row| -> Vec<usize> { split(row, true).into_iter().map(|(col, _)| col).collect() };
    for (k, row) in table.iter().enumerate() {
        let before = if k == 0 { Some(header) } else { table.get(k - 1) };
        let last_of_page = table.get(k + 1).is_none_or(|next| next.sheet != row.sheet);
        let far = match (before.map(|b| (b.loc, b.sheet)), row.loc) {
            (Some((Location::Line(a), sheet)), Location::Line(b)) => {
                sheet == row.sheet && b > a + FOOTER_GAP && printed.range(a + 1..b).next().is_none()
            }
            _ => false,
        };
        let apart = || {
            let columns: Vec<usize> = table
                .iter()
                .enumerate()
                .filter(|&(j, other)| j != k && other.sheet == row.sheet)
                .flat_map(|(_, other)| starts(other))
                .collect();
            starts(row)
                .iter()
                .all(|&col| columns.iter().all(|&c| c.abs_diff(col) > FOOTER_COLUMN_SLACK))
        };
        // A label cut by the page break may stand as far below (LibreOffice
        // prints `数量指标` of a run going on to the next page there).
        let label = || split(row, true).iter().any(|(_, text)| is_label_word(text));
        if far && last_of_page && !label() && apart() {
            footers.push(row.clone());
        } else {
            kept.push(row.clone());
        }
    }
    (kept, footers)
}

/// A block of merged cells drawn apart from their rows, parted into its
/// rows of labels (with the pieces of a label its narrow cell wrapped,
/// `服务对象满意度指` / `标`) and the rest (block markers' pieces).
fn labels_and_markers(block: impl Iterator<Item = Row>) -> (Vec<Row>, Vec<Row>) {
    let block: Vec<Row> = block.collect();
    let mut labels = Vec::new();
    let mut markers = Vec::new();
    let mut tail = false;
    for (k, row) in block.iter().enumerate() {
        let head = label_wraps_on(&block, k);
        if head || tail || row.cells.iter().any(|c| vocab::indicator_label(c).is_some()) {
            labels.push(row.clone());
        } else {
            markers.push(row.clone());
        }
        tail = head;
    }
    (labels, markers)
}

/// True when row `k` of `rows` ends with a label's first piece and the
/// next row begins with its rest (`服务对象满意度指` / `标`: a label its
/// narrow cell wrapped).
fn label_wraps_on(rows: &[Row], k: usize) -> bool {
    let first = rows.get(k).and_then(|r| r.cells.last());
    let rest = rows.get(k + 1).and_then(|r| r.cells.first());
    matches!((first, rest), (Some(f), Some(r)) if vocab::completed_label(f, r).is_some())
}

/// The text of rows of a block printed apart, for a report.
fn block_text(rows: &[Row]) -> String {
    rows.iter().map(|r| r.cells.join(" ")).collect::<Vec<_>>().join(" ")
}

/// Most lines between a form's merged cells drawn before its heading and
/// that heading: the document's title (`…2024年度项目绩效目标汇总表`), in one
/// line or two.
const TITLE_LINES_AFTER_BLOCK: usize = 2;

/// The rows of `before` (what a dump prints before its first form's
/// header) that are that form's merged cells, drawn before its heading
/// (see [`drawn_before_heading`]; PyMuPDF of a producer that draws a
/// page's merged cells first: `绩效` `指标` `服务对象满意度指` `标` … `数量指标`
/// `项目` `绩效` `目标` `项目资金` `（元）`, the document's title, then
/// `财政项目支出绩效目标申报表`). Empty where there are none: the producer
/// draws merged cells with or after their rows.
fn first_form_block(before: &[Row]) -> std::ops::Range<usize> {
    let Some(heading) = before.iter().position(|r| vocab::form_heading(&r.text).is_some()) else {
        return 0..0;
    };
    let titles = before
        .get(..heading)
        .unwrap_or_default()
        .iter()
        .rev()
        .take(TITLE_LINES_AFTER_BLOCK)
        .take_while(|r| fold_compact(&r.text).contains("绩效目标"))
        .count();
    let end = heading - titles;
    let run = drawn_before_heading(before.get(..end).unwrap_or_default());
    end - run..end
}

/// The lines at the end of a table that are the next form's merged cells,
/// drawn before its title (pypdf of a producer that draws a page's merged
/// cells first, pages joined without a mark: `绩效` `指标` `数量指标` …
/// `项目` `绩效` `目标` `项目资金` `（元）`, then `财政项目支出绩效目标申报表`):
/// a run of labels and block-marker pieces that holds the money block's
/// marker, which no indicator table does. Their count; 0 when none.
fn drawn_before_heading(table: &[Row]) -> usize {
    let is_funds_marker = |folded: &str| {
        matches!(vocab::marker(folded), Some(vocab::Marker::Funds { .. })) || matches!(folded, "(元)" | "(万元)")
    };
    // The tail of a label its narrow cell wrapped (`服务对象满意度指` / `标`).
    let label_tail = |k: usize| k.checked_sub(1).is_some_and(|j| label_wraps_on(table, j));
    let run = table
        .iter()
        .enumerate()
        .rev()
        .take_while(|&(k, r)| {
            !r.ruled
                && (r.cells.iter().all(|cell| {
                    let folded = fold_compact(cell);
                    vocab::indicator_label(&folded).is_some()
                        || vocab::is_marker_piece(&folded)
                        || vocab::is_marker_prefix(&folded)
                        || vocab::is_label_prefix(&folded)
                        || is_funds_marker(&folded)
                }) || (r.cells.len() == 1 && label_tail(k)))
        })
        .count();
    let block = table.get(table.len() - run..).unwrap_or_default();
    let funds_marker = block
        .iter()
        .any(|r| r.cells.iter().any(|c| is_funds_marker(&fold_compact(c))));
    let labels = block
        .iter()
        .any(|r| r.cells.iter().any(|c| vocab::indicator_label(c).is_some()));
    if funds_marker && labels {
        run
    } else {
        0
    }
}

/// Most blank lines (as a share of lines) of a dump printed in drawing
/// order (PyMuPDF: none, or one between pages joined by a line break).
const DRAWING_ORDER_BLANKS: f32 = 0.05;

/// Fewest numeric targets a dump's blocks must end for [`blocks_are_rows`]
/// to judge by them (a share of one or two is chance).
const MIN_BLOCK_TARGETS: usize = 4;

/// Least share of a dump's numeric targets that end a block right after
/// the row's name for its blocks to be rows (MuPDF's 0.48–1.0 over the
/// corpus; poppler's reading order 0–0.08).
const ROW_BLOCK_SHARE: f32 = 0.25;

/// The blank lines of a dump part table rows, not cells: MuPDF prints a
/// row's cells as one block, a blank line after it, so a one-line target
/// ends its block right after its name:
///
/// ```text
/// 项目应急处置率
/// ≥98.00(%)
///                     ← blank: the row's block ended
/// ```
///
/// poppler's reading order prints each cell (or column of cells) as a
/// block: a target follows a blank line or another target, hardly ever
/// its name.
fn blocks_are_rows(rows: &[Row]) -> bool {
    let lines: Vec<(u32, &Row)> = dump_lines(rows).collect();
    let targets = lines.iter().filter(|(_, r)| starts_with_operator(&r.text)).count();
    let ending_rows = lines
        .windows(3)
        .filter(|w| match w {
            [(a, name), (b, target), (c, next)] => {
                *b == a + 1
                    && !starts_with_operator(&name.text)
                    && starts_with_operator(&target.text)
                    && (*c > b + 1 || next.sheet != target.sheet)
            }
            _ => false,
        })
        .count();
    targets >= MIN_BLOCK_TARGETS && ending_rows as f32 >= ROW_BLOCK_SHARE * targets as f32
}

/// Characters a table's name column moves between two pages of a layout
/// dump (each page's columns are where that page's text puts them); within
/// a page the names of rows without a label beside them start in one
/// column (a label on the row can push its name on by a few).
const PAGE_COLUMN_SHIFT: usize = 4;

/// A layout dump printed without form feeds (`pdftotext -layout
/// -nopgbrk`) with its pages told apart again: where the name column of
/// an indicator table moves and stays moved, a page begins (at the
/// labels printed right above the first row in the new column: `绩效`
/// `指标` `产出指标` at the top of a continuation page). Without this the
/// rows of one page were read by the columns of the other (a name taken
/// for a wrapped line of the row above). A dump with form feeds, or none
/// of whose tables moves, is returned as it is.
fn split_unmarked_pages(mut rows: Vec<Row>) -> Vec<Row> {
    if rows
        .iter()
        .any(|r| r.sheet != 1 || r.ruled || !matches!(r.loc, Location::Line(_)))
    {
        return rows;
    }
    // Pages run into each other's lines (PyMuPDF's `sort=True`): their
    // seams are found within the line (`split_page_seams`), not here.
    let page_width = typical_line_end(&rows);
    if rows
        .iter()
        .any(|r| page_seam(r).or_else(|| wide_seam(r, page_width)).is_some())
    {
        return rows;
    }
    // Rows of a name and a target alone, by table: (row, name column, table).
    let mut table_rows: Vec<(usize, usize, usize)> = Vec::new();
    let mut table = None;
    for (i, row) in rows.iter().enumerate() {
        let folded = fold_compact(&row.text);
        if folded.contains("三级指标") {
            table = Some(i);
            continue;
        }
        if vocab::form_heading(&row.text).is_some() || folded.contains("项目名称") {
            table = None;
        }
        let Some(table) = table else { continue };
        if let [name, target] = layout_cells(&row.text).as_slice() {
            if looks_like_target(target) && !looks_like_target(name) && !is_label_piece(name) {
                table_rows.push((i, row.indent, table));
            }
        }
    }
    let mut seams = Vec::new();
    for k in 1..table_rows.len().saturating_sub(1) {
        let (Some(&(above, old, t0)), Some(&(first, new, t1)), Some(&(_, next, t2))) =
            (table_rows.get(k - 1), table_rows.get(k), table_rows.get(k + 1))
        else {
            continue;
        };
        // The old column held over the row before (unless it starts the table).
        let held = k
            .checked_sub(2)
            .and_then(|j| table_rows.get(j))
            .is_none_or(|&(_, before, t)| t != t0 || before.abs_diff(old) < PAGE_COLUMN_SHIFT);
        if t0 == t1
            && t1 == t2
            && old.abs_diff(new) >= PAGE_COLUMN_SHIFT
            && next.abs_diff(new) < PAGE_COLUMN_SHIFT
            && held
        {
            // The labels printed right above the row (no blank line) open
            // the page with it.
            let mut start = first;
            while start > above + 1 {
                let (Some(previous), Some(row)) = (rows.get(start - 1), rows.get(start)) else {
                    break;
                };
                let adjacent = matches!((previous.loc, row.loc), (Location::Line(a), Location::Line(b)) if b == a + 1);
                if !adjacent || !previous.cells.iter().all(|c| is_label_piece(c)) {
                    break;
                }
                start -= 1;
            }
            seams.push(start);
        }
    }
    let mut sheet = 1;
    let mut seams = seams.into_iter().peekable();
    for (i, row) in rows.iter_mut().enumerate() {
        while seams.next_if(|&seam| seam <= i).is_some() {
            sheet += 1;
        }
        row.sheet = sheet;
    }
    rows
}

/// The cells of a layout dump's line: text parted by two spaces or more.
fn layout_cells(text: &str) -> Vec<&str> {
    text.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()
}

/// An indicator label, a header cell or a piece of the block marker
/// (`产出指标`, `三级指标`, `绩效`, `指标`), not a name.
fn is_label_piece(cell: &str) -> bool {
    let folded = fold_compact(cell);
    vocab::indicator_label(cell).is_some()
        || vocab::is_marker_piece(&folded)
        || (folded.ends_with("指标") && folded.chars().count() <= MAX_LABEL_PIECE_CHARS)
}

/// Longest label piece ending in `指标` taken for a label when the
/// vocabulary does not know it (`可持续影响指标` and the like).
const MAX_LABEL_PIECE_CHARS: usize = 14;

/// A dump whose forms' lines are set in columns by spaces one in this
/// many times or more is a layout dump (`pdftotext -layout`), not one in
/// drawing order, whatever its blank lines.
const LAYOUT_LINES_DEN: usize = 10;

/// The rows from the first form's heading to the last line that is an
/// indicator table's (a label, a header cell, a target), or all where
/// there is none: what tells how the dump prints the forms, without the
/// budget's pages around them (PyMuPDF prints a budget's blank table
/// cells as lines of a space, which read as blank lines, and made its
/// drawing order look like poppler's blocks).
fn forms_span(rows: &[Row]) -> &[Row] {
    let first = rows.iter().position(|r| vocab::form_heading(&r.text).is_some());
    let last = rows.iter().rposition(|r| {
        r.cells.iter().any(|c| {
            vocab::indicator_label(c).is_some()
                || vocab::is_table_header_cell(&fold_compact(c))
                || starts_with_operator(c)
        })
    });
    match (first, last) {
        (Some(first), Some(last)) if first < last => rows.get(first..=last).unwrap_or(rows),
        _ => rows,
    }
}

/// A dump without blank lines between its lines (PyMuPDF's drawing order),
/// as it came, before any rows are joined: not poppler's blocks.
fn no_blank_lines(rows: &[Row]) -> bool {
    let lines: Vec<u32> = dump_lines(rows).map(|(n, _)| n).collect();
    let gaps = lines.windows(2).filter(|w| matches!(w, [a, b] if *b > a + 1)).count();
    !lines.is_empty() && gaps as f32 <= DRAWING_ORDER_BLANKS * lines.len() as f32
}

/// A dump's printed lines as it came (not rows of a PDF's table), with
/// their line numbers.
fn dump_lines(rows: &[Row]) -> impl Iterator<Item = (u32, &Row)> {
    rows.iter().filter_map(|r| match r.loc {
        Location::Line(n) if !r.ruled => Some((n, r)),
        _ => None,
    })
}

/// A drawing-order table is read as a layout dump's when at least one line
/// in this many is spaced in columns.
const LAYOUT_SHARE: usize = 4;

/// Blank lines between a table's last row and text below it on the same
/// page that make the text no part of the table: a row's own padding is
/// at most one blank line in a layout dump, a label half above its row
/// two.
const FOOTER_GAP: u32 = 3;

/// Columns of a layout dump this close are one column (a cell's text
/// centred a character to the side).
const FOOTER_COLUMN_SLACK: usize = 1;

/// How many rows after a title drawn after a table's rows its block
/// markers' pieces come (the year line between).
const HEADING_LOOKAHEAD: usize = 8;

/// One table read back.
struct TableRead {
    /// Rows of the form before the table that its dump printed among the
    /// table's (see [`heading_cells_after_rows`]).
    ahead: Vec<Row>,
    /// Titles the dump printed among the table's cells (LibreOffice's
    /// second pass): the document's, the form's.
    titles: Vec<Row>,
    rows: Vec<Row>,
    costs: Costs,
    notes: Vec<(Location, UnplacedReason, String)>,
    /// Labels of the table its rows were read without (reported in
    /// `notes`): labels drawn after the table may bear them out.
    unplaced_labels: Vec<Label>,
}

/// The dump lines the table's rows stand on.
pub(crate) fn printed_lines(table: &[Row]) -> std::collections::BTreeSet<u32> {
    table.iter().filter_map(|r| r.loc.line()).collect()
}

/// A content-order dump's table: every piece on a line of its own, or
/// one cell a line but for a few lines (poppler sets a label and a name,
/// or a name and a short target, on one line now and then). In a dump of
/// poppler's blocks, whatever the blank lines (a block ends with one;
/// Writer's cells come without); in drawing order (PyMuPDF, `-raw`),
/// where no blank line ends a cell, with none inside the table, or with
/// many (blocks after all).
fn content_order(content: &[Piece], table: &[Row], drawing_order: bool) -> bool {
    let printed = printed_lines(table);
    let blank_between = |a: u32, b: u32| (a + 1..b).any(|n| !printed.contains(&n));
    let pairs = content.windows(2).count();
    let own_lines = content.windows(2).all(|w| matches!(w, [a, b] if a.line != b.line));
    let gaps = content
        .windows(2)
        .filter(|w| matches!(w, [a, b] if blank_between(a.line, b.line)))
        .count();
    // One cell a line: a dump that prints a row's cells on one line (the
    // seed's own style, blank lines and all) is none.
    let lines: std::collections::BTreeSet<u32> = content.iter().map(|p| p.line).collect();
    let shared = content
        .windows(2)
        .filter(|w| matches!(w, [a, b] if a.line == b.line))
        .count();
    let one_cell_a_line = (shared as f32) <= SHARED_LINE_SHARE * lines.len() as f32;
    let blocks = !drawing_order || gaps == 0 || gaps as f32 >= BLOCK_GAP_SHARE * pairs as f32;
    own_lines || (pairs > 0 && one_cell_a_line && blocks)
}

/// Share of its lines a drawing-order table holds blank lines between,
/// from which on it is blocks of text after all.
const BLOCK_GAP_SHARE: f32 = 0.4;

/// A drawing-order table printed a cell a line (PyMuPDF): no line holds a
/// label beside other text, nor a name beside its target. Its lines'
/// spaces are the cells' own: a word processor's gap between ideographs
/// and digits (`不低于12 场`, `开展至少1 次团体心理治疗`: LibreOffice Writer)
/// parts no cell.
fn cells_on_lines_of_their_own(table: &[Row]) -> bool {
    let mut spaced = 0;
    for row in table {
        let [first, .., last] = row.cells.as_slice() else {
            continue;
        };
        let beside_label = row.cells.iter().any(|c| vocab::indicator_label(c).is_some());
        if beside_label || looks_like_target(last) || vocab::is_field_label(&fold_compact(first)) {
            return false;
        }
        spaced += 1;
    }
    spaced > 0
}

/// Most lines (as a share) of a content-order table that hold two cells
/// (poppler sets a label and a name, or a name and a short target, on one
/// line now and then).
const SHARED_LINE_SHARE: f32 = 0.2;

/// The header after its `一级指标` printed a cell a line (content-order
/// dumps), a cell wrapped over lines joined (`年度(/项` / `目)指标` / `值`):
/// how many rows it took and its cells. `None` unless `二级指标` is among
/// them.
fn spelled_header(rest: &[Row]) -> Option<(usize, Vec<String>)> {
    let (taken, cells) = spelled_cells(rest);
    cells
        .iter()
        .any(|c| fold_compact(c) == "二级指标")
        .then_some((taken, cells))
}

/// The header of a content-order dump whose `一级指标` and `二级指标`
/// poppler printed among the goal and money cells before the table, its
/// `三级指标` and value cell right before the rows (LibreOffice, FOP,
/// fpdf2: the two left header cells are as tall as the block marker
/// beside them):
///
/// ```text
/// 二级指标        ← before the goals, with the labels that follow it
/// …
/// 一级指标
/// 绩效 / 指标
/// …
/// 三级指标        ← the row before the rows: this header
/// 年度(/项目)指标值
/// 第1网格巡查次数
/// ```
///
/// At `三级指标` (the last row of `out`): the rows the cells after it took
/// and those cells (as [`spelled_header`] reads them), given the value
/// cell is among them and `一级指标` and `二级指标` each stand alone on a
/// line since the form's heading; the header gets those two. The labels
/// printed since the first of them (`数量指标`, `产出指标`) are the
/// table's: taken out of `out` and returned.
fn header_printed_apart(out: &mut Vec<Row>, rest: &[Row]) -> Option<(usize, Vec<String>, Vec<Row>)> {
    let (taken, mut cells) = spelled_cells(rest);
    // The value cell printed right before `三级指标` (wkhtmltopdf).
    let value_before = out
        .len()
        .checked_sub(2)
        .filter(|&i| out.get(i).is_some_and(is_lone_value_cell));
    if !has_value_cell(&cells) && value_before.is_none() {
        return None;
    }
    if let Some(i) = value_before.filter(|_| cells.is_empty()) {
        cells.push(out.remove(i).text.trim().to_string());
    }
    let before = out.len().checked_sub(1)?;
    let form_start = out
        .get(..before)?
        .iter()
        .rposition(|r| r.ruled || vocab::form_heading(&r.text).is_some())
        .map_or(0, |i| i + 1);
    let alone = |label: &str| -> Option<usize> {
        let mut found = (form_start..before).filter(|&i| {
            out.get(i)
                .is_some_and(|r| r.cells.len() == 1 && fold_compact(&r.text) == label)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    };
    let (one, two) = (alone("一级指标")?, alone("二级指标")?);
    let first_piece = one.min(two);
    // The two header pieces are the header's now.
    out.remove(one.max(two));
    out.remove(first_piece);
    let mut labels = Vec::new();
    // The indicator block's marker (`绩效` / `指标`) printed among them
    // stands by the table: it goes before the header, where the form's
    // other cells do not read as the table's rows.
    let mut marker = Vec::new();
    // `out` ends with `三级指标`, which stays.
    let mut k = first_piece;
    while k + 1 < out.len() {
        let folded = |k: usize| {
            out.get(k)
                .map(|r| fold_compact(&r.text).into_owned())
                .unwrap_or_default()
        };
        // A producer's banner among them (TCPDF's `Powered by TCPDF`) is
        // no goal text: the table passes it through, as any table does.
        let table_row = out.get(k).is_some_and(|r| {
            r.cells.iter().all(|c| vocab::indicator_label(c).is_some()) || vocab::is_producer_line(&r.text)
        });
        // A label its narrow cell wrapped (`服务对象满意度指` / `标`).
        let wrapped_label = out.get(k + 1).is_some_and(|next| {
            k + 2 < out.len() && vocab::completed_label(&folded(k), &fold_compact(&next.text)).is_some()
        });
        if table_row {
            labels.push(out.remove(k));
        } else if wrapped_label {
            labels.push(out.remove(k));
            labels.push(out.remove(k));
        } else if folded(k) == "绩效指标" {
            marker.push(out.remove(k));
        } else if folded(k) == "绩效" && folded(k + 1) == "指标" && k + 2 < out.len() {
            marker.push(out.remove(k));
            marker.push(out.remove(k));
        } else {
            k += 1;
        }
    }
    let third = out.pop()?;
    out.extend(marker);
    let mut header = third.clone();
    header.cells = ["一级指标", "二级指标"]
        .into_iter()
        .map(String::from)
        .chain(third.cells)
        .collect();
    out.push(header);
    Some((taken, cells, labels))
}

/// A header cell that is the value column's (`年度(/项目)指标值`).
fn is_value_cell(text: &str) -> bool {
    fold_compact(text).ends_with("指标值")
}

/// True when one of a header's cells is the value column's.
fn has_value_cell(cells: &[String]) -> bool {
    cells.iter().any(|c| is_value_cell(c))
}

/// A line that is the value header cell alone (`年度(/项目)指标值`).
fn is_lone_value_cell(row: &Row) -> bool {
    row.cells.len() == 1 && is_value_cell(&row.text)
}

/// True when `三级指标` and the value cell stand ahead in `rest`, after
/// the form's header, money or goal cells (a field or money label, an
/// amount, a nature or category value, a goal heading or numbered goal
/// item, a piece of their blocks' markers) and before the next form,
/// a ruled row or a row led by an operator: the header's left cells were
/// printed apart from its right ones, among the form's other cells (see
/// [`header_printed_apart`]). Names printed before the header's right
/// cells (poppler's column of names, then `三级指标`, then the targets)
/// are no such cells.
fn rest_of_header_follows(rest: &[Row]) -> bool {
    let mut form_cells = false;
    for (k, row) in rest.iter().enumerate() {
        // An operator-led target (`≥10(次)`) is a row's; a goal line may
        // well hold a number (`1.为 3500 名以上老年人…`).
        if row.ruled || vocab::form_heading(&row.text).is_some() || row.cells.iter().any(|c| starts_with_operator(c)) {
            return false;
        }
        if row.cells.len() == 1 && fold_compact(&row.text) == "三级指标" {
            let (_, cells) = spelled_cells(rest.get(k + 1..).unwrap_or_default());
            let value_before = k
                .checked_sub(1)
                .and_then(|i| rest.get(i))
                .is_some_and(is_lone_value_cell);
            return form_cells && (value_before || has_value_cell(&cells));
        }
        form_cells |= row.cells.iter().any(|c| {
            let folded = fold_compact(c);
            // Pieces of the money and goal blocks' markers (`项目`,
            // `目标`), not the indicator block's (`绩效` / `指标`).
            let other_marker = vocab::is_marker_piece(&folded) && !"绩效指标".contains(&*folded);
            // A bare amount (`0.00`, `456,000.00`): the money block's.
            let amount = folded.contains('.')
                && folded.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && folded.rsplit('.').next().is_some_and(|cents| cents.len() == 2);
            // A numbered goal item (`1.完成上门健康评估1200户；`).
            let goal_item = folded
                .split_once('.')
                .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
                && folded.ends_with(['；', ';', '。']);
            other_marker
                || amount
                || goal_item
                || crate::header::is_nature(&folded)
                || crate::header::is_category(&folded)
                || vocab::field_prefix(c).is_some()
                || vocab::fund_label(c).is_some()
                || vocab::goal_heading(c).is_some()
        });
    }
    false
}

/// The header cells after a header piece printed a cell a line, a cell
/// wrapped over lines joined, and how many rows they took.
fn spelled_cells(rest: &[Row]) -> (usize, Vec<String>) {
    let mut cells: Vec<String> = Vec::new();
    let mut partial = String::new();
    let mut taken = 0;
    for row in rest.iter().take(HEADER_PIECES + 2 * MAX_HEADER_LINES) {
        if row.ruled || row.cells.len() != 1 {
            break;
        }
        let folded = fold_compact(&row.text);
        let joined = format!("{partial}{folded}");
        let starts = |text: &str| HEADER_LABELS.iter().any(|l| l.starts_with(text)) || is_header_piece(text);
        if partial.is_empty() && is_header_piece(&folded) {
            cells.push(row.text.trim().to_string());
        } else if starts(&joined) {
            partial = joined;
            if HEADER_LABELS.contains(&partial.as_str()) || is_header_piece(&partial) {
                cells.push(std::mem::take(&mut partial));
            }
        } else {
            break;
        }
        taken += 1;
    }
    if !partial.is_empty() {
        cells.push(partial);
    }
    (taken, cells)
}

/// The header cells a table's header wraps to.
const HEADER_LABELS: [&str; 5] = ["一级指标", "二级指标", "三级指标", "年度(/项目)指标值", "年度指标值"];

/// Most lines a wrapped header cell runs on below the header.
const MAX_HEADER_LINES: usize = 3;

/// Joins to the header's last cell the pieces on the lines below it that
/// complete it into a header label (a wrapped `年度(/项目)指标值`), the
/// block marker's pieces on those lines dropped; how many lines it took.
fn absorb_header_continuation(header: &mut Row, rest: &[Row]) -> usize {
    let mut taken = 0;
    for row in rest.iter().take(MAX_HEADER_LINES) {
        if row.ruled {
            break;
        }
        let Some(last) = header.cells.last().map(|c| fold_compact(c).into_owned()) else {
            break;
        };
        if HEADER_LABELS.contains(&last.as_str()) || !HEADER_LABELS.iter().any(|l| l.starts_with(last.as_str())) {
            break;
        }
        let extends = |joined: &str| HEADER_LABELS.iter().any(|l| l.starts_with(joined));
        // A piece that is the block marker's (`指标`) is the marker's unless
        // the header needs it: the other pieces first, then every piece.
        let reading = |skip_markers: bool| -> Option<String> {
            let mut joined = last.clone();
            let mut used = String::new();
            for cell in &row.cells {
                let folded = fold_compact(cell);
                let marker = vocab::is_marker_piece(&folded);
                if skip_markers && marker {
                    continue;
                }
                let longer = format!("{joined}{folded}");
                if extends(&longer) {
                    joined = longer;
                    used.push_str(cell.trim());
                } else if !marker {
                    return None;
                }
            }
            (!used.is_empty()).then_some(used)
        };
        let Some(used) = reading(true).or_else(|| reading(false)) else {
            break;
        };
        if let Some(cell) = header.cells.last_mut() {
            cell.push_str(&used);
        }
        header.text = header.cells.join(" ");
        taken += 1;
    }
    taken
}

/// The indicator header with the marker piece before it taken off, when
/// the row is one.
fn without_leading_marker(row: &Row) -> Option<Row> {
    let (first, rest) = row.cells.split_first()?;
    let joined: String = rest.concat();
    if !vocab::is_marker_piece(&fold_compact(first)) || !vocab::is_indicator_header(&fold_compact(&joined)) {
        return None;
    }
    let text = crate::lexer::strip_leading_cell(&row.text, first);
    Some(Row {
        indent: row.indent + row.text.chars().count() - text.chars().count(),
        text,
        cells: rest.to_vec(),
        ..row.clone()
    })
}

/// How far right of its heading a goal column's text may start.
const GOAL_COLUMN_SLACK: usize = 4;

/// The two goal cells side by side (`项目总目标` | `年度总体目标`), as a layout
/// dump prints them: their lines interleaved on the same text lines. Each
/// piece goes to the column whose heading it stands under, and the block
/// becomes one ruled row of the two cells, as a PDF's grid gives it.
fn split_goal_columns(rows: Vec<Row>) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len());
    let mut rest = rows.as_slice();
    while let Some((row, tail)) = rest.split_first() {
        out.push(row.clone());
        rest = tail;
        let pieces = if row.ruled || !spaced_in_columns(row) {
            Vec::new()
        } else {
            split(row, true)
        };
        let annual_col = pieces
            .iter()
            .find(|(_, t)| vocab::goal_heading(t) == Some(vocab::GoalSlot::Annual))
            .map(|(col, _)| *col);
        let has_project = pieces
            .iter()
            .any(|(_, t)| vocab::goal_heading(t) == Some(vocab::GoalSlot::Project));
        let Some(annual_col) = annual_col.filter(|_| has_project) else {
            continue;
        };
        let end = rest
            .iter()
            .position(|r| {
                r.ruled || vocab::is_indicator_header(&fold_compact(&r.text)) || vocab::form_heading(&r.text).is_some()
            })
            .unwrap_or(rest.len());
        let Some(whole_block) = rest.get(..end) else { continue };
        let (page_numbers, block) = page_numbers_apart(whole_block);
        let block = block.as_slice();
        // Headings are centred over their cells, text starts at the cell's
        // left: the columns are where the block's lines start, split at
        // the widest gap, the annual heading right of it.
        let is_marker =
            |t: &str| vocab::marker(&fold_compact(t)).is_some() || vocab::is_marker_prefix(&fold_compact(t));
        let pieces_of =
            |line: &Row| -> Vec<(usize, String)> { split(line, true).into_iter().flat_map(split_off_marker).collect() };
        let mut starts: Vec<usize> = block
            .iter()
            .flat_map(pieces_of)
            .filter(|(_, t)| !is_marker(t))
            .map(|(col, _)| col)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let boundary = starts
            .windows(2)
            .filter_map(|w| match w {
                [a, b] if b - a >= MIN_COLUMN_GAP => Some((b - a, *b)),
                _ => None,
            })
            .max_by_key(|(gap, _)| *gap)
            .map(|(_, right_start)| right_start)
            .filter(|start| *start <= annual_col + GOAL_COLUMN_SLACK);
        // No gap between the columns' starts (the left cell full to its
        // edge, one space before the right one's text: iText, `…营造和谐社区
        // 氛围 全年开展睦邻活动…` / `。`): the cells meet where the left one
        // ends, as far right of its heading's middle as its text starts
        // left of it; a space between ideographs there parts them.
        let (boundary, at_space) = match boundary {
            Some(b) => (b, false),
            None => {
                let project = pieces
                    .iter()
                    .find(|(_, t)| vocab::goal_heading(t) == Some(vocab::GoalSlot::Project));
                let Some(&first) = starts.first() else { continue };
                let Some(mirror) = project
                    .map(|(col, t)| 2 * col + width(t))
                    .and_then(|twice_middle| twice_middle.checked_sub(first))
                    .filter(|m| *m > first && *m < annual_col + GOAL_COLUMN_SLACK)
                else {
                    continue;
                };
                // Every line that runs over that place parts there: one
                // text over both headings (the seed's merged goal) does not.
                let parts_everywhere =
                    block
                        .iter()
                        .flat_map(pieces_of)
                        .filter(|(_, t)| !is_marker(t))
                        .all(|(col, t)| {
                            let crosses =
                                col + GOAL_COLUMN_SLACK < mirror && col + width(&t) > mirror + GOAL_COLUMN_SLACK;
                            !crosses || split_at_cell_gap((col, t), mirror).len() == 2
                        });
                if !parts_everywhere {
                    continue;
                }
                (mirror, true)
            }
        };
        let mut markers = Vec::new();
        let (mut left, mut right): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for line in block {
            let mut left_parts = Vec::new();
            let mut right_parts = Vec::new();
            for (col, text) in pieces_of(line).into_iter().flat_map(|piece| {
                if at_space {
                    split_at_cell_gap(piece, boundary)
                } else {
                    split_at_column(piece, boundary)
                }
            }) {
                if is_marker(&text) {
                    markers.push(text);
                } else if col >= boundary {
                    right_parts.push(text);
                } else {
                    left_parts.push(text);
                }
            }
            if !left_parts.is_empty() {
                left.push(left_parts.join(" "));
            }
            if !right_parts.is_empty() {
                right.push(right_parts.join(" "));
            }
        }
        // One text across both headings is a merged cell: left as it is.
        if left.is_empty() || right.is_empty() {
            continue;
        }
        let loc = block.first().map_or(row.loc, |r| r.loc);
        let goals = ruled_row(loc, vec![left.join("\n"), right.join("\n")], row.sheet);
        push_goal_block(&mut out, block, markers.concat(), goals);
        out.extend(page_numbers);
        rest = rest.get(end..).unwrap_or_default();
    }
    out
}

/// A marker piece set one space before the text of its block
/// (`绩效 为辖区居民…`) is a cell of its own.
fn split_off_marker((col, text): (usize, String)) -> Vec<(usize, String)> {
    match text.split_once(' ') {
        Some((word, rest)) if vocab::is_marker_text(&fold_compact(word)) => {
            let rest_col = col + word.chars().count() + 1;
            vec![(col, word.to_string()), (rest_col, rest.to_string())]
        }
        _ => vec![(col, text)],
    }
}

/// A piece of the left goal column that runs on into the right one with a
/// single space between them (poppler squeezes a wide left column:
/// `…建立覆盖各居民区 1.全年开展…`): split at the first space whose next
/// text starts at the right column.
fn split_at_column((col, text): (usize, String), boundary: usize) -> Vec<(usize, String)> {
    // Where the text before `i` ends in display units (an ideograph is two).
    let mut shown = col;
    for (at, (i, c)) in (col..).zip(text.char_indices()) {
        if c == ' ' && at > col {
            if let (Some(left), Some(right)) = (text.get(..i), text.get(i + 1..)) {
                // Counted in display units, a squeezed left text reaches
                // past the boundary: there, a numbered item after the space
                // is the right column's (`…提升老 1.为3500名…`).
                let squeezed = shown + 1 + GOAL_COLUMN_SLACK >= boundary && starts_item(right);
                if at + 1 + GOAL_COLUMN_SLACK >= boundary || squeezed {
                    // The right piece belongs to the right column even where
                    // the squeeze put it a little left of the column's start.
                    return vec![(col, left.to_string()), ((at + 1).max(boundary), right.to_string())];
                }
            }
        }
        shown += if is_wide(c) { 2 } else { 1 };
    }
    vec![(col, text)]
}

/// A piece parted at a space between wide characters within
/// [`GOAL_COLUMN_SLACK`] display columns of `boundary` (where two goal
/// cells meet with one space between them); whole otherwise.
fn split_at_cell_gap((col, text): (usize, String), boundary: usize) -> Vec<(usize, String)> {
    let mut shown = col;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == ' ' && shown.abs_diff(boundary) <= GOAL_COLUMN_SLACK && previous.is_some_and(is_wide) {
            let next_wide = text.get(i + 1..).and_then(|r| r.chars().next()).is_some_and(is_wide);
            if let (true, Some(left), Some(right)) = (next_wide, text.get(..i), text.get(i + 1..)) {
                return vec![(col, left.to_string()), (shown + 1, right.to_string())];
            }
        }
        shown += if is_wide(c) { 2 } else { 1 };
        previous = Some(c);
    }
    vec![(col, text)]
}

/// Most printed lines of a goal block read as two interleaved cells: the
/// more lines, the more splits fit by chance (a long goal over both
/// headings, the seed's, would); real side-by-side goals are a few lines
/// each.
const MAX_GOAL_LINES: usize = 10;

/// Which goal column a printed line of a dump without columns holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    /// Both columns' lines at one height: left text, a space, right text.
    Both,
}

/// The lines of two goal cells side by side, each centred in the row, as
/// a dump without columns prints them (pdfplumber): one text line per
/// height, so the taller cell's lines alternate with the other's
/// (`1.…；` / `通过三年…` / `2.…；` / `精细化水平。` / `3.…`), and lines at
/// one height share a printed line. Every split into L left and R right
/// lines gives one such pattern; the split whose cells wrap like text
/// (every line but a paragraph's last is full) wins, unless one cell over
/// both headings (the seed's merged goal) wraps as well. A block that
/// fits neither is left as printed.
fn split_interleaved_goals(rows: Vec<Row>) -> (Vec<Row>, Vec<(Location, UnplacedReason, String)>) {
    let mut notes = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    let mut rest = rows.as_slice();
    while let Some((row, tail)) = rest.split_first() {
        out.push(row.clone());
        rest = tail;
        if row.ruled {
            continue;
        }
        // A marker joined in front of the headings (`项目绩效目标  项目总目标 …`)
        // says nothing of the dump's style.
        let marker_first = row
            .cells
            .first()
            .is_some_and(|c| vocab::marker(&fold_compact(c)).is_some());
        let text = match row.cells.first() {
            Some(first) if marker_first => crate::lexer::strip_leading_cell(&row.text, first),
            _ => row.text.clone(),
        };
        let layout = (row.indent > 0 && !marker_first) || text.contains("  ");
        let mut headings: Vec<GoalSlot> = row.cells.iter().filter_map(|c| vocab::goal_heading(c)).collect();
        // Each heading a block of its own (plain `pdftotext`: `项目总目标`,
        // a blank line, `年度总体目标`, then the two cells' lines interleaved
        // by height). Not lines next to each other: PyMuPDF prints the
        // cells one after the other, as they are drawn.
        let alone = |r: &Row, slot: GoalSlot| {
            matches!(&r.cells[..], [cell] if vocab::goal_heading(cell) == Some(slot)) && !r.ruled
        };
        let blocks_apart = |a: &Row, b: &Row| match (a.loc, b.loc) {
            (Location::Line(a), Location::Line(b)) => b > a + 1,
            _ => false,
        };
        if alone(row, GoalSlot::Project) {
            if let Some((annual, tail)) = rest
                .split_first()
                .filter(|(r, _)| alone(r, GoalSlot::Annual) && blocks_apart(row, r))
            {
                out.push(annual.clone());
                rest = tail;
                headings.push(GoalSlot::Annual);
            }
        }
        if layout || headings != [GoalSlot::Project, GoalSlot::Annual] {
            continue;
        }
        let end = rest
            .iter()
            .position(|r| {
                r.ruled
                    || vocab::is_indicator_header(&fold_compact(&r.text))
                    // The header a cell a line (`一级指标`, `二级指标` …).
                    || vocab::is_table_header_cell(&fold_compact(&r.text))
                    || vocab::form_heading(&r.text).is_some()
                    || r.cells.iter().any(|c| vocab::indicator_label(c).is_some())
            })
            .unwrap_or(rest.len());
        let Some(whole_block) = rest.get(..end) else { continue };
        let (page_numbers, block) = page_numbers_apart(whole_block);
        let block = block.as_slice();
        let mut markers = String::new();
        let mut lines: Vec<String> = Vec::new();
        for r in block {
            let mut words: Vec<&str> = r.text.split(' ').filter(|w| !w.is_empty()).collect();
            while let Some(first) = words.first() {
                let f = fold_compact(first);
                if f.chars().count() <= MAX_MARKER_PIECE && vocab::is_marker_text(&f) {
                    markers.push_str(first);
                    words.remove(0);
                } else {
                    break;
                }
            }
            if !words.is_empty() {
                lines.push(words.join(" "));
            }
        }
        if lines.is_empty() || lines.len() > MAX_GOAL_LINES {
            continue;
        }
        let Some((left, right, guessed)) = best_goal_split(&lines) else {
            continue;
        };
        let loc = block.first().map_or(row.loc, |r| r.loc);
        if guessed {
            notes.push((loc, UnplacedReason::GoalSidesGuessed, lines.join(" ")));
        }
        let goals = ruled_row(loc, vec![left.join("\n"), right.join("\n")], row.sheet);
        push_goal_block(&mut out, block, markers, goals);
        out.extend(page_numbers);
        rest = rest.get(end..).unwrap_or_default();
    }
    (out, notes)
}

/// A goal block's rows without the page numbers printed among them (a
/// page break in the goal block), and those page numbers: no goal text,
/// they go on after the goals.
fn page_numbers_apart(block: &[Row]) -> (Vec<Row>, Vec<Row>) {
    block
        .iter()
        .cloned()
        .partition(|r| vocab::is_page_number(&fold_compact(&r.text)))
}

/// The goal block's two cells and the marker pieces printed among its
/// lines (`block`): they go before the cells, unless they begin 绩效指标
/// and stand alone on the block's last line, right above the table's
/// header: the next block's (`绩效` of 绩效指标 centred on the header
/// line: jsPDF's table over a page break), after the cells.
fn push_goal_block(out: &mut Vec<Row>, block: &[Row], markers: String, goals: Row) {
    if markers.is_empty() {
        out.push(goals);
        return;
    }
    let folded = fold_compact(&markers);
    let next_blocks =
        "绩效指标".starts_with(folded.as_ref()) && block.last().is_some_and(|last| fold_compact(&last.text) == folded);
    let marker = Row {
        loc: goals.loc,
        text: markers.clone(),
        cells: vec![markers],
        ruled: false,
        indent: 0,
        sheet: goals.sheet,
    };
    if next_blocks {
        out.extend([goals, marker]);
    } else {
        out.extend([marker, goals]);
    }
}

/// The printed pattern of `l` left and `r` right lines, each cell set as
/// `align` says: line heights in half lines, equal heights sharing a line.
fn goal_pattern(l: usize, r: usize, align: Align) -> Vec<Side> {
    let height = |i: usize, lines: usize| -> i64 {
        let (i, lines) = (i as i64, lines as i64);
        match align {
            Align::Middle => 2 * i - (lines - 1),
            Align::Top => 2 * i,
            Align::Bottom => 2 * (i - (lines - 1)),
        }
    };
    let mut heights: Vec<(i64, Side)> = (0..l)
        .map(|i| (height(i, l), Side::Left))
        .chain((0..r).map(|j| (height(j, r), Side::Right)))
        .collect();
    heights.sort_by_key(|&(h, side)| (h, side == Side::Right));
    let mut out: Vec<(i64, Side)> = Vec::new();
    for (h, side) in heights {
        match out.last_mut() {
            Some((last, s)) if *last == h => *s = Side::Both,
            _ => out.push((h, side)),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// How badly `lines` wrap as one cell's text: each line but a paragraph's
/// last (ending in `。；;` or followed by a numbered item) should be about
/// as long as the longest.
fn wrap_misses(lines: &[&str]) -> usize {
    let widest = lines.iter().map(|l| width(l)).max().unwrap_or(0);
    let listed = lines.iter().any(|l| starts_item(l));
    lines
        .windows(2)
        .filter(|w| {
            let [line, next] = w else { return false };
            let sentence_end = line.ends_with(['。', '；', ';', '！', '？']);
            let ends = sentence_end || starts_item(next);
            // In a numbered list, an item ended by `；` is followed by the
            // next item: other text there is another cell's line.
            let interrupted = listed && line.ends_with(['；', ';']) && !starts_item(next);
            (!ends && width(line) + 4 < widest) || interrupted
        })
        .count()
}

/// A single space with an ideograph (or full-width punctuation) on both
/// sides, or between one and a numbered item (`…治理精细化水平。 1.完成上门健康
/// 评估1200户；`: a one-line goal and the first line of its neighbour, set at
/// the top of their cells): no space of one cell's Chinese text.
fn has_cell_gap(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(3).enumerate().any(|(k, w)| match w {
        [a, ' ', b] if is_wide(*a) => {
            is_wide(*b)
                || line
                    .char_indices()
                    .nth(k + 2)
                    .is_some_and(|(at, _)| line.get(at..).is_some_and(starts_item))
        }
        _ => false,
    })
}

fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    (first.is_some_and(|c| c.is_ascii_digit()) && chars.next().is_some_and(|c| matches!(c, '.' | '、' | '．' | ')')))
        || first.is_some_and(|c| matches!(c, '(' | '（' | '一' | '二' | '三' | '四' | '五'))
}

/// The left and right cells of a two-column goal block, and whether which
/// is which was guessed; `None` when one cell over both headings reads as
/// well (or no split fits).
fn best_goal_split(lines: &[String]) -> Option<(Vec<String>, Vec<String>, bool)> {
    let all: Vec<&str> = lines.iter().map(String::as_str).collect();
    // One space between ideographs is no word break in Chinese text: in
    // one cell over both headings it is where two cells meet.
    let gaps = all.iter().filter(|l| has_cell_gap(l)).count();
    let single = wrap_misses(&all) + gaps;
    let n = lines.len();
    let mut candidates: Vec<(usize, i32, Vec<String>, Vec<String>)> = Vec::new();
    if n == 0 {
        return None;
    }
    let shapes = [Align::Middle, Align::Top, Align::Bottom]
        .into_iter()
        .flat_map(|align| (1..=n).flat_map(move |l| (1..=n).map(move |r| (l, r, align))));
    for (l, r, align) in shapes {
        {
            let pattern = goal_pattern(l, r, align);
            if pattern.len() != n {
                continue;
            }
            let (mut left, mut right) = (Vec::new(), Vec::new());
            let mut fits = true;
            for (line, side) in lines.iter().zip(&pattern) {
                match side {
                    Side::Left => left.push(line.clone()),
                    Side::Right => right.push(line.clone()),
                    Side::Both => match line.split_once(' ') {
                        Some((a, b)) => {
                            left.push(a.to_string());
                            right.push(b.to_string());
                        }
                        None => fits = false,
                    },
                }
            }
            if !fits {
                continue;
            }
            // A cell's line that keeps a gap between ideographs holds two
            // cells' text.
            let gaps = left.iter().chain(&right).filter(|l| has_cell_gap(l)).count();
            let misses = wrap_misses(&left.iter().map(String::as_str).collect::<Vec<_>>())
                + wrap_misses(&right.iter().map(String::as_str).collect::<Vec<_>>())
                + gaps;
            // Where the text cannot tell left from right, the numbered
            // list is the year's goals (年度总体目标 lists its tasks).
            let listed = |cell: &[String]| cell.iter().filter(|l| starts_item(l)).count() as i32;
            let preference = listed(&right) - listed(&left);
            candidates.push((misses, preference, left, right));
        }
    }
    let misses = candidates.iter().map(|c| c.0).min()?;
    let preference = candidates.iter().filter(|c| c.0 == misses).map(|c| c.1).max()?;
    let best: Vec<&(usize, i32, Vec<String>, Vec<String>)> = candidates
        .iter()
        .filter(|c| c.0 == misses && c.1 == preference)
        .collect();
    // Splits that fit alike but part the lines differently (the taller
    // cell's lines around the other's, either column's): the text cannot
    // tell; the taller is taken for the project goal, and said so.
    let (_, _, left, right) = best
        .iter()
        .copied()
        .max_by_key(|c| (c.2.len(), std::cmp::Reverse(c.3.len())))?;
    let guessed = best.iter().any(|c| c.2 != *left);
    (misses == 0 && single > 0).then(|| (left.clone(), right.clone(), guessed))
}

/// A line of a dump that keeps columns by spaces (`pdftotext -layout`,
/// pdfplumber's `layout=True`): indented, or cells two spaces apart. One
/// space before a line is no column (pypdf prints ReportLab's labels
/// so: ` 时效指标`).
pub(crate) fn spaced_in_columns(row: &Row) -> bool {
    row.indent > 1 || row.text.contains("  ")
}

/// A text line of a dump that keeps columns by spaces, not a PDF's row.
fn layout_line(row: &Row) -> bool {
    !row.ruled && matches!(row.loc, Location::Line(_)) && spaced_in_columns(row)
}

/// Longest piece of a header cell that `pdftotext -layout` printed on the
/// line below its row, under the cell (`提升` of a wrapped name).
const MAX_CONTINUATION: usize = 12;

/// A short piece that may be the rest of a wrapped header value: no label
/// or label's beginning, no marker or marker's piece, amount, date or
/// form heading.
fn is_value_piece(c: &str) -> bool {
    let folded = fold_compact(c);
    c.chars().count() <= MAX_CONTINUATION
        && !vocab::is_whole_label(&folded)
        && !vocab::is_field_label_prefix(&folded)
        && vocab::marker(&folded).is_none()
        && !vocab::is_marker_piece(&folded)
        && !is_amount(c)
        && jixiao_model::normalize::parse_date(&folded).is_none()
        && vocab::form_heading(c).is_none()
}
/// Characters a continuation may start left of its cell's first column.
const CONTINUATION_SLACK: usize = 1;

/// Where each cell of a layout dump's row starts, in characters from the
/// line's start; `None` where a cell is not found in the text.
fn cell_columns(row: &Row) -> Option<Vec<usize>> {
    let mut out = Vec::with_capacity(row.cells.len());
    let mut from = 0;
    for cell in &row.cells {
        let at = row.text.get(from..)?.find(cell.as_str())? + from;
        out.push(row.indent + row.text.get(..at)?.chars().count());
        from = at + cell.len();
    }
    Some(out)
}

/// Quotation marks whose wide advance an extractor may print as a space
/// (`“ 心理健康进社区” 活动覆盖率` from a cairo re-write).
const QUOTES: [char; 8] = ['“', '”', '‘', '’', '「', '」', '『', '』'];

/// Pieces of one line of a content-order dump (one cell a line) parted by
/// a space beside a quotation mark: one cell, the space the mark's
/// advance, not a gap between cells.
fn join_quote_split_pieces(content: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(content.len());
    for piece in content {
        if let Some(last) = out.last_mut() {
            let beside_quote = last.text.ends_with(QUOTES) || piece.text.starts_with(QUOTES);
            if last.line == piece.line && last.sheet == piece.sheet && beside_quote {
                last.text.push_str(&piece.text);
                continue;
            }
        }
        out.push(piece);
    }
    out
}

/// Longest tail of a label that wrapped in its narrow cell (`额` of
/// `年度资金申请总额`, `日期` of `计划开始日期`).
const MAX_TAIL_CHARS: usize = 3;

/// The tail of a label that wrapped in a narrow cell, printed by
/// `pdftotext -layout` on the next line under the label, among that
/// line's other cells:
///
/// ```text
///                                   年度资金申请总 1,280,000.00
///        项目资金总额 3,650,000.00            额
/// ```
///
/// A short cell below a label's piece, within its columns, that makes it
/// a whole label (header, money or goal) joins it.
fn join_tails_by_column(mut rows: Vec<Row>) -> Vec<Row> {
    for i in 1..rows.len() {
        let (Some(above), Some(below)) = (rows.get(i - 1), rows.get(i)) else {
            continue;
        };
        if !layout_line(above) || !layout_line(below) || above.sheet != below.sheet || below.cells.len() < 2 {
            continue;
        }
        let (Some(columns), Some(below_columns)) = (cell_columns(above), cell_columns(below)) else {
            continue;
        };
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for (t, (tail, &at)) in below.cells.iter().zip(&below_columns).enumerate() {
            if tail.chars().count() > MAX_TAIL_CHARS {
                continue;
            }
            let Some(k) = columns.iter().rposition(|&c| c <= at) else {
                continue;
            };
            let (Some(cell), Some(&start)) = (above.cells.get(k), columns.get(k)) else {
                continue;
            };
            let folded = fold_compact(cell);
            let whole = format!("{folded}{}", fold_compact(tail));
            let under = at < start + cell.chars().count();
            if under && !vocab::is_whole_label(&folded) && vocab::is_whole_label(&whole) {
                joins.push((k, t));
            }
        }
        if joins.is_empty() {
            continue;
        }
        let tails: Vec<(usize, String)> = joins
            .iter()
            .filter_map(|&(k, t)| below.cells.get(t).map(|c| (k, c.trim().to_string())))
            .collect();
        if let Some(above) = rows.get_mut(i - 1) {
            for (k, tail) in &tails {
                if let Some(cell) = above.cells.get_mut(*k) {
                    cell.push_str(tail);
                }
            }
            above.text = above.cells.join("  ");
        }
        if let Some(below) = rows.get_mut(i) {
            let used: Vec<usize> = joins.iter().map(|&(_, t)| t).collect();
            let kept: Vec<String> = below
                .cells
                .iter()
                .enumerate()
                .filter(|(t, _)| !used.contains(t))
                .map(|(_, c)| c.clone())
                .collect();
            below.text = kept.join("  ");
            below.cells = kept;
        }
    }
    rows
}

/// Header cells that wrapped in a tall row of a `pdftotext -layout` dump,
/// their rest printed on the line below under the cell it belongs to:
///
/// ```text
/// 项目名称 社区综合治理与为老服务能力     项目性质  其他经常性项目   项目类别  一般性项目
///      提升
/// 主管部门 上海市…（社区综合管理与公共服务          上海市…社区事务受理服务中
///                                         实施单位
///      中心）                                        心
/// 计划开始 2026-01-01                    计划完成日期   2026-12-31
///  日期
/// ```
///
/// Each piece joins the row's cell that starts at or left of it, nearest;
/// a lone header label between the row and its pieces (centred in its
/// tall cell) goes before the first cell right of it. Only where every
/// piece finds a cell of its own and the row holds a header label.
fn join_value_continuations(mut rows: Vec<Row>, printed: &std::collections::BTreeSet<u32>) -> Vec<Row> {
    let is_label = |c: &str| vocab::is_field_label(&fold_compact(c));
    let is_piece = is_value_piece;
    let mut i = 0;
    while i + 1 < rows.len() {
        let Some(row) = rows.get(i) else { break };
        let header =
            layout_line(row) && row.cells.iter().any(|c| is_label(c)) && row.cells.iter().any(|c| !is_label(c));
        let lone = rows
            .get(i + 1)
            .filter(|r| r.sheet == row.sheet && matches!(r.cells.as_slice(), [c] if is_label(c)));
        let below_at = i + 1 + usize::from(lone.is_some());
        // On the next line: after a blank line, a piece is a cell of the
        // row below's (`2024-01-01 … 2024-12-31` / blank / `年度资金申请` /
        // `项目资金总额 … 31,487,510.00` / `总额`, PyMuPDF's sorted text).
        let next_line = |r: &Row| {
            let above = rows.get(below_at - 1).and_then(|a| a.loc.line());
            match (above, r.loc.line()) {
                (Some(a), Some(b)) => (a + 1..b).all(|n| printed.contains(&n)),
                _ => true,
            }
        };
        let below = rows
            .get(below_at)
            .filter(|r| r.sheet == row.sheet && layout_line(r) && r.cells.iter().all(|c| is_piece(c)) && next_line(r));
        let (true, Some(below)) = (header, below) else {
            i += 1;
            continue;
        };
        let (Some(columns), Some(piece_columns)) = (cell_columns(row), cell_columns(below)) else {
            i += 1;
            continue;
        };
        // The cell each piece continues: the nearest that starts at or left of it.
        let targets: Vec<Option<usize>> = piece_columns
            .iter()
            .map(|&at| columns.iter().rposition(|&c| c <= at + CONTINUATION_SLACK))
            .collect();
        let mut seen: Vec<usize> = Vec::new();
        // A whole label takes no continuation: a piece under it is its
        // value, dropped a line (`计划完成日期` / `2025-12-31`).
        let distinct = targets.iter().all(|t| match t {
            Some(k) if !seen.contains(k) && !row.cells.get(*k).is_some_and(|c| is_label(c)) => {
                seen.push(*k);
                true
            }
            _ => false,
        });
        // The lone label goes before the first cell right of it, a value
        // after a value (`主管部门 甲 | 实施单位 | 乙`).
        let lone_at = match lone {
            Some(l) => {
                let at = l.indent;
                let k = columns.iter().position(|&c| c > at);
                let between_values = k.is_some_and(|k| {
                    k > 0
                        && row.cells.get(k).is_some_and(|c| !is_label(c))
                        && row.cells.get(k - 1).is_some_and(|c| !is_label(c))
                });
                if !between_values {
                    i += 1;
                    continue;
                }
                k.zip(l.cells.first().cloned())
            }
            None => None,
        };
        if !distinct {
            i += 1;
            continue;
        }
        let pieces: Vec<String> = below.cells.clone();
        if let Some(row) = rows.get_mut(i) {
            for (target, piece) in targets.iter().zip(&pieces) {
                if let Some(cell) = target.and_then(|k| row.cells.get_mut(k)) {
                    cell.push_str(piece.trim());
                }
            }
            if let Some((k, label)) = lone_at {
                row.cells.insert(k, label);
            }
            row.text = row.cells.join("  ");
        }
        rows.remove(below_at);
        if below_at > i + 1 {
            rows.remove(i + 1);
        }
        i += 1;
    }
    rows
}

/// Header values set at the top of their cells, wrapped, in a dump
/// without columns (pdfplumber): the row holds each value's first line,
/// the line below the rest of each that wrapped (`项目名称 社区综合治理与为老
/// 服务能力 项目性质 其他经常性项目 …` / `提升`; `主管部门 上海市…公共服务
/// 实施单位 上海市…受理服务中` / `中心） 心`). The pieces go to the row's
/// free-text values in order when there are as many of those: a nature, a
/// category, a date or an amount is whole on its line.
fn join_value_tails_in_order(mut rows: Vec<Row>) -> Vec<Row> {
    let is_label = |c: &str| vocab::is_field_label(&fold_compact(c));
    // With no columns to say so, a money label or a year line is no tail.
    let is_piece =
        |c: &str| is_value_piece(c) && vocab::fund_label(&fold_compact(c)).is_none() && vocab::year_line(c).is_none();
    let is_free_value = |c: &str| {
        let folded = fold_compact(c);
        !is_label(c)
            && !crate::header::is_nature(&folded)
            && !crate::header::is_category(&folded)
            && jixiao_model::normalize::parse_date(&folded).is_none()
            && !is_amount(c)
    };
    let mut i = 0;
    while i + 1 < rows.len() {
        let (Some(row), Some(below)) = (rows.get(i), rows.get(i + 1)) else {
            break;
        };
        let plain = |r: &Row| !r.ruled && matches!(r.loc, Location::Line(_)) && !spaced_in_columns(r);
        let free: Vec<usize> = (1..row.cells.len())
            .filter(|&k| {
                row.cells.get(k - 1).is_some_and(|c| is_label(c)) && row.cells.get(k).is_some_and(|c| is_free_value(c))
            })
            .collect();
        // Every label has its value on the row: else the line below may be
        // that value (`项目名称 居家养老服务补贴 项目性质` / `其他经常性项` / `目`).
        let valued = row
            .cells
            .iter()
            .enumerate()
            .all(|(k, c)| !is_label(c) || row.cells.get(k + 1).is_some_and(|next| !is_label(next)));
        // One piece for several values: the value it completes into a
        // nature or category (`其他经常性项` / `目`), else the one it closes
        // a bracket of (`上海市…办事处（社区综合管理` / `与公共服务中心）`).
        let free = match below.cells.as_slice() {
            [piece] if free.len() > 1 => {
                let completes: Vec<usize> = free
                    .iter()
                    .copied()
                    .filter(|&k| {
                        row.cells.get(k).is_some_and(|c| {
                            let whole = fold_compact(&format!("{}{}", c.trim(), piece.trim())).into_owned();
                            crate::header::is_nature(&whole) || crate::header::is_category(&whole)
                        })
                    })
                    .collect();
                let depth = |t: &str| bracket_depths(std::iter::once(t));
                let open: Vec<usize> = free
                    .iter()
                    .copied()
                    .filter(|&k| row.cells.get(k).is_some_and(|c| depth(c).1 > 0))
                    .collect();
                if completes.len() == 1 {
                    completes
                } else if depth(piece).0 < 0 && open.len() == 1 {
                    open
                } else {
                    free
                }
            }
            _ => free,
        };
        let fits = plain(row)
            && valued
            && plain(below)
            && below.sheet == row.sheet
            && row.cells.iter().filter(|c| is_label(c)).count() >= 2
            && !free.is_empty()
            && below.cells.len() == free.len()
            && below.cells.iter().all(|c| is_piece(c));
        if !fits {
            i += 1;
            continue;
        }
        let pieces = below.cells.clone();
        if let Some(row) = rows.get_mut(i) {
            for (k, piece) in free.iter().zip(pieces) {
                if let Some(cell) = row.cells.get_mut(*k) {
                    cell.push_str(piece.trim());
                }
            }
            row.text = row.cells.join(" ");
        }
        rows.remove(i + 1);
        i += 1;
    }
    rows
}

/// Money labels a narrow cell wrapped, printed half above and half below
/// the line of the values they are centred on, in a dump without columns
/// (pdfplumber of Dompdf: `年度资金申请` / `项目资金总额 31,487,510.00` /
/// `总额`; `项目资金 其中：财政资 其中：当年财` / `5,020,000.00` / `（元） 金
/// 政拨款`). Where the line holds fewer values than labels, the halves
/// are joined and go into the middle line after its labels and before its
/// values, a marker (`项目资金（元）`) first: a value follows its label,
/// and the wrapped label stands between the line's labels and the value.
fn join_money_labels_wrapped_around(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i + 2 < rows.len() {
        let (Some(head), Some(middle), Some(tail)) = (rows.get(i), rows.get(i + 1), rows.get(i + 2)) else {
            break;
        };
        let plain = !head.ruled && !middle.ruled && !tail.ruled && !spaced_in_columns(middle);
        let same_page = head.sheet == middle.sheet && middle.sheet == tail.sheet;
        // Each head piece and the tail piece under it spell a money label
        // or a block marker, none whole on its own.
        let joined: Option<Vec<(bool, String)>> = (plain && same_page && head.cells.len() == tail.cells.len())
            .then(|| {
                head.cells
                    .iter()
                    .zip(&tail.cells)
                    .map(|(a, b)| {
                        let whole = format!("{}{}", a.trim(), b.trim());
                        let folded = fold_compact(&whole);
                        let money = vocab::fund_label(&folded).is_some() && vocab::fund_label(a).is_none();
                        let marker = vocab::marker(&folded).is_some();
                        (money || marker).then_some((marker, whole))
                    })
                    .collect()
            })
            .flatten();
        // The middle line: money labels, then at least one amount.
        let first_value = middle.cells.iter().position(|c| is_amount(c));
        let money_line = first_value.is_some()
            && middle
                .cells
                .iter()
                .all(|c| is_amount(c) || vocab::fund_label(c).is_some());
        // As many values as labels: each label takes the value after it,
        // and the split label goes between (see `join_split_header_cells`).
        let fewer_values = |j: &Vec<(bool, String)>| {
            let values = middle.cells.iter().filter(|c| is_amount(c)).count();
            let labels = middle.cells.len().saturating_sub(values) + j.iter().filter(|(marker, _)| !marker).count();
            values < labels
        };
        let Some(joined) =
            joined.filter(|j| !j.is_empty() && j.iter().any(|(marker, _)| !marker) && money_line && fewer_values(j))
        else {
            i += 1;
            continue;
        };
        let split = first_value.unwrap_or(0);
        let (labels, values) = middle.cells.split_at(split.min(middle.cells.len()));
        let (markers, wrapped): (Vec<_>, Vec<_>) = joined.into_iter().partition(|(marker, _)| *marker);
        let cells: Vec<String> = markers
            .into_iter()
            .map(|(_, text)| text)
            .chain(labels.iter().cloned())
            .chain(wrapped.into_iter().map(|(_, text)| text))
            .chain(values.iter().cloned())
            .collect();
        let row = Row {
            sheet: middle.sheet,
            ..Row::from_line(head.loc, &cells.join(" "))
        };
        rows.splice(i..i + 3, [row]);
        i += 1;
    }
    rows
}

/// A header row whose first label its narrow cell wrapped over two lines,
/// the values set at the top and the row's other labels centred (Typst:
/// `计划开始日 2024-01-01 2024-12-31` / `计划完成日期` / `期`; `项目名` /
/// `项目性质 项目类别` / `称`): the label is joined, and the centred labels
/// go back between the values, the n-th before the (n+1)-th value — by
/// column in a layout dump. Values' wrapped rests on the tail line
/// (`称 力提升`) stay a line of their own, for the passes that join tails.
fn join_labels_wrapped_beside_centred(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i + 2 < rows.len() {
        let (Some(head), Some(middle), Some(tail)) = (rows.get(i), rows.get(i + 1), rows.get(i + 2)) else {
            break;
        };
        let same_page = head.sheet == middle.sheet && middle.sheet == tail.sheet;
        let plain = !head.ruled && !middle.ruled && !tail.ruled;
        let (Some(first), Some(rest)) = (head.cells.first(), tail.cells.first()) else {
            i += 1;
            continue;
        };
        let joined = (plain && same_page && head.cells.len() >= 3)
            .then(|| vocab::completed_field_label(first, rest))
            .flatten();
        let centred_labels =
            !middle.cells.is_empty() && middle.cells.iter().all(|c| vocab::is_field_label(&fold_compact(c)));
        // The values after the first: one for each centred label, none a label.
        let values = head.cells.get(1..).unwrap_or_default();
        let fits = values.len() == middle.cells.len() + 1
            && values.iter().all(|c| {
                let folded = fold_compact(c);
                !vocab::is_whole_label(&folded) && !vocab::is_field_label_prefix(&folded)
            });
        let Some(label) = joined.filter(|_| centred_labels && fits) else {
            i += 1;
            continue;
        };
        let line = |r: &Row| format!("{}{}", " ".repeat(r.indent), r.text);
        let (new_head, new_tail) = if spaced_in_columns(head) {
            // The centred labels into the blanks between the values; the
            // label's tail blanked on its line, the values' rests where
            // they stand.
            let merged = labels_between_values(&line(head), values, &middle.cells);
            let merged = widen_in_place(&merged, first, &label);
            let blanked = line(tail).replacen(rest.as_str(), &" ".repeat(width(rest)), 1);
            (merged, blanked)
        } else {
            let mut cells = vec![label];
            let mut labels = middle.cells.iter();
            for (k, value) in values.iter().enumerate() {
                if k > 0 {
                    cells.extend(labels.next().cloned());
                }
                cells.push(value.clone());
            }
            (cells.join(" "), tail.cells.get(1..).unwrap_or_default().join(" "))
        };
        let rebuilt = |loc, text: &str, sheet| Row {
            sheet,
            ..Row::from_line(loc, text)
        };
        let head_row = rebuilt(head.loc, &new_head, head.sheet);
        let tail_row = rebuilt(tail.loc, &new_tail, tail.sheet);
        let keep_tail = !tail_row.cells.is_empty();
        if let Some(row) = rows.get_mut(i) {
            *row = head_row;
        }
        if keep_tail {
            if let Some(row) = rows.get_mut(i + 2) {
                *row = tail_row;
            }
            rows.remove(i + 1);
        } else {
            rows.drain(i + 1..i + 3);
        }
        i += 1;
    }
    rows
}

/// `line` with `labels` set in the blanks between its cells `values` (the
/// row's cells after the first), the n-th label before the (n+1)-th value,
/// in the middle of the blank where it fits, so the columns stay (a
/// layout dump prints the centred labels' line in columns of its own:
/// `项目类别` over the end of `其他经常性项目`).
fn labels_between_values(line: &str, values: &[String], labels: &[String]) -> String {
    let mut out = String::with_capacity(line.len() + labels.iter().map(String::len).sum::<usize>());
    let mut at = 0;
    for (k, value) in values.iter().enumerate() {
        let Some(found) = line
            .get(at..)
            .and_then(|rest| rest.find(value.as_str()))
            .map(|f| f + at)
        else {
            return line.to_string();
        };
        let gap = line.get(at..found).unwrap_or_default();
        match k.checked_sub(1).and_then(|n| labels.get(n)) {
            Some(label) => {
                let (g, w) = (width(gap), width(label));
                if g >= w + 4 {
                    let left = (g - w) / 2;
                    out.push_str(&" ".repeat(left));
                    out.push_str(label);
                    out.push_str(&" ".repeat(g - w - left));
                } else {
                    out.push_str("  ");
                    out.push_str(label);
                    out.push_str("  ");
                }
            }
            None => out.push_str(gap),
        }
        out.push_str(value);
        at = found + value.len();
    }
    out.push_str(line.get(at..).unwrap_or_default());
    out
}

/// `line` with `piece` (its first cell) grown to `whole`, taking as many
/// of the blanks after it as it grew, so the columns after stay.
fn widen_in_place(line: &str, piece: &str, whole: &str) -> String {
    let Some(at) = line.find(piece) else {
        return line.to_string();
    };
    let after = at + piece.len();
    let grown = width(whole).saturating_sub(width(piece));
    let rest = line.get(after..).unwrap_or_default();
    let blanks = rest.chars().take_while(|c| *c == ' ').count();
    // Keep one blank between the label and its value.
    let taken = grown.min(blanks.saturating_sub(1));
    format!(
        "{}{}{}",
        line.get(..at).unwrap_or_default(),
        whole,
        rest.get(taken..).unwrap_or_default()
    )
}

/// Longest piece of a header cell printed above or below its row.
const MAX_HEADER_PIECE: usize = 40;

/// Header and money cells that wrapped in a tall row are printed half above
/// and half below the row by line-based extractors (`其他一次性项` / row /
/// `目`, `计划开始日` / row / `期`; two values side by side that both
/// wrapped: `上海市…（社区综合管理与公共服务  上海市…受理服务中` / `主管部门
/// 实施单位` / `中心）  心`): the halves are joined, the n-th above with the
/// n-th below, and put back where the row lacks them, in order — a label
/// first in a row that starts with a value, a money label between two
/// amounts, a value after a label that has none.
fn join_split_header_cells(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 1;
    while i + 1 < rows.len() {
        let (Some(above), Some(row), Some(below)) = (rows.get(i - 1), rows.get(i), rows.get(i + 1)) else {
            break;
        };
        // A block marker's pieces beside the halves (`项目资金 其中：财政资` /
        // amounts / `（元） 金`) are set aside for the marker's own pass.
        let is_marker_cell = |c: &str| {
            let folded = fold_compact(c);
            vocab::is_marker_text(&folded)
        };
        let halves = |r: &Row| -> Vec<String> { r.cells.iter().filter(|c| !is_marker_cell(c)).cloned().collect() };
        let pieces = |r: &Row| {
            !r.ruled
                && r.sheet == row.sheet
                && r.cells.iter().filter(|c| !is_marker_cell(c)).all(|c| {
                    let folded = fold_compact(c);
                    c.chars().count() <= MAX_HEADER_PIECE
                        && !vocab::is_whole_label(&folded)
                        && vocab::fund_label(&folded).is_none()
                        && !is_amount(c)
                })
                && vocab::form_heading(&r.text).is_none()
                && vocab::year_line(&r.text).is_none()
        };
        // Header rows only: money rows and goal headings have pieces of
        // their own (markers), joined elsewhere. (A ruled row or a lone cell
        // is none: asked first, before the cells are read.)
        // (A lone amount is a money row whose labels both wrapped, where
        // columns say which is its label.)
        let lone_amount = matches!(row.cells.as_slice(), [c] if is_amount(c)) && layout_line(row) && layout_line(above);
        if row.ruled || (row.cells.len() < 2 && !lone_amount) {
            i += 1;
            continue;
        }
        let labels: Vec<bool> = row
            .cells
            .iter()
            .map(|c| vocab::is_field_label(&fold_compact(c)))
            .collect();
        let amounts: Vec<bool> = row.cells.iter().map(|c| is_amount(c)).collect();
        let is_header_row = !row.ruled
            && (row.cells.len() > 1 || lone_amount)
            && (labels.iter().any(|l| *l) || amounts.iter().any(|a| *a));
        let (above_halves, below_halves) = (halves(above), halves(below));
        if !(is_header_row && pieces(above) && pieces(below))
            || above_halves.len() != below_halves.len()
            || above_halves.is_empty()
        {
            i += 1;
            continue;
        }
        let joined: Vec<String> = above_halves
            .iter()
            .zip(&below_halves)
            .map(|(a, b)| format!("{}{}", a.trim(), b.trim()))
            .collect();
        let markers_of = |r: &Row| -> Vec<String> { r.cells.iter().filter(|c| is_marker_cell(c)).cloned().collect() };
        let (above_markers, below_markers) = (markers_of(above), markers_of(below));
        // Where each joined cell goes, by the row's cells (before any is put).
        let mut slots: Vec<usize> = Vec::new();
        let mut value_slots = labels
            .iter()
            .enumerate()
            .filter(|(k, is_label)| **is_label && labels.get(k + 1).is_none_or(|next| *next))
            .map(|(k, _)| k + 1);
        let mut money_slots = amounts
            .iter()
            .enumerate()
            .filter(|(k, is_amount)| {
                **is_amount
                    && k.checked_sub(1)
                        .is_some_and(|p| amounts.get(p).copied().unwrap_or(false))
            })
            .map(|(k, _)| k);
        let mut label_first = !labels.first().copied().unwrap_or(true) && !amounts.first().copied().unwrap_or(true);
        // A row of amounts alone (`4,860,000.00  4,860,000.00`, both labels
        // wrapped around it): the first money label goes before the first.
        let mut money_first = amounts.first().copied().unwrap_or(false);
        for cell in &joined {
            let folded = fold_compact(cell);
            let slot = if vocab::is_field_label(&folded) {
                std::mem::take(&mut label_first).then_some(0)
            } else if vocab::fund_label(&folded).is_some() {
                if std::mem::take(&mut money_first) {
                    Some(0)
                } else {
                    money_slots.next()
                }
            } else {
                value_slots.next()
            };
            match slot {
                Some(slot) if !slots.contains(&slot) => slots.push(slot),
                _ => break,
            }
        }
        // In a layout dump each label's half stands in its column: it goes
        // before the first cell of the row right of it (`年度资金申请` /
        // `项目资金总额 31,487,510.00` / `总额`: the amount is the wrapped
        // label's).
        let all_labels = joined.iter().all(|c| {
            let folded = fold_compact(c);
            vocab::is_field_label(&folded) || vocab::fund_label(&folded).is_some()
        });
        if all_labels && layout_line(row) && layout_line(above) {
            let by_column = cell_columns(row)
                .zip(cell_columns(above))
                .and_then(|(row_at, above_at)| {
                    let halves_at: Vec<usize> = above
                        .cells
                        .iter()
                        .zip(above_at)
                        .filter(|(c, _)| !is_marker_cell(c))
                        .map(|(_, at)| at)
                        .collect();
                    let slots: Vec<usize> = halves_at
                        .iter()
                        .map(|&at| row_at.iter().filter(|&&r| r < at).count())
                        .collect();
                    // Two halves before one cell go in their order.
                    let in_order = slots.windows(2).all(|w| matches!(w, [a, b] if a <= b));
                    in_order.then_some(slots)
                });
            if let Some(by_column) = by_column {
                slots = by_column;
            }
        }
        if slots.len() != joined.len() {
            i += 1;
            continue;
        }
        if let Some(row) = rows.get_mut(i) {
            // From the right, so each slot still counts the row's own cells.
            // Of two at one slot, the later first: each goes in before it.
            let mut placed: Vec<(usize, usize, String)> = slots
                .into_iter()
                .zip(joined)
                .enumerate()
                .map(|(k, (slot, cell))| (slot, k, cell))
                .collect();
            placed.sort_by_key(|b| std::cmp::Reverse((b.0, b.1)));
            for (slot, _, cell) in placed {
                let at = slot.min(row.cells.len());
                row.cells.insert(at, cell);
            }
            row.text = row.cells.join("  ");
        }
        // The halves' lines keep the marker's pieces, if they held any.
        for (at, markers) in [(i + 1, below_markers), (i - 1, above_markers)] {
            match rows.get_mut(at) {
                Some(line) if !markers.is_empty() => {
                    line.text = markers.join("  ");
                    line.cells = markers;
                }
                _ => {
                    rows.remove(at);
                }
            }
        }
        if rows
            .get(i - 1)
            .is_some_and(|r| r.cells.iter().all(|c| is_marker_cell(c)))
        {
            i += 1;
        }
    }
    rows
}

/// Header and money labels that their narrow cells wrapped, printed with
/// the row and their last characters on the line below, beside the rest of
/// a split marker (`项目资金 其中：财政资 3,650,000.00 其中：当年财政
/// 1,200,000.00` / `（元） 金 拨款`): each tail joins the cell of the row it
/// completes into a whole label, in order.
fn join_label_tails(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i + 1 < rows.len() {
        let (Some(row), Some(below)) = (rows.get(i), rows.get(i + 1)) else {
            break;
        };
        if row.ruled || below.ruled || row.sheet != below.sheet || below.cells.len() > MAX_LABEL_TAILS {
            i += 1;
            continue;
        }
        // Each tail, in order, completes a later cell of the row; a piece
        // of a block marker (`（元）`) stays on its line for the marker.
        let mut joins: Vec<(usize, usize)> = Vec::new();
        let mut from = 0;
        let mut all = true;
        for (t, tail) in below.cells.iter().enumerate() {
            let folded_tail = fold_compact(tail);
            let marker_piece = vocab::is_marker_text(&folded_tail);
            let found = (from..row.cells.len()).find(|&k| {
                row.cells.get(k).is_some_and(|c| {
                    let folded = fold_compact(c);
                    // A block marker's piece takes no tail: `项目资金` and
                    // `总额` of `年度资金申请` / `总额` would spell a label.
                    let marker = vocab::is_marker_text(&folded);
                    !marker && !vocab::is_whole_label(&folded) && vocab::fund_label(&folded).is_none() && {
                        let whole = format!("{folded}{folded_tail}");
                        vocab::is_whole_label(&whole) || vocab::fund_label(&whole).is_some()
                    }
                })
            });
            // A marker's piece that also ends a label the row leaves
            // unfinished is the label's tail (`其中：财政` / `资金`: not the
            // `资金` of `项目` / `资金` / `（元）`).
            match found {
                Some(k) => {
                    joins.push((k, t));
                    from = k + 1;
                }
                None if marker_piece => continue,
                None => {
                    all = false;
                    break;
                }
            }
        }
        if !all || joins.is_empty() {
            i += 1;
            continue;
        }
        let tails: Vec<String> = below.cells.clone();
        let used: Vec<usize> = joins.iter().map(|(_, t)| *t).collect();
        if let Some(row) = rows.get_mut(i) {
            for (k, t) in &joins {
                if let (Some(cell), Some(tail)) = (row.cells.get_mut(*k), tails.get(*t)) {
                    cell.push_str(tail.trim());
                }
            }
            row.text = row.cells.join("  ");
        }
        let rest: Vec<String> = tails
            .into_iter()
            .enumerate()
            .filter(|(t, _)| !used.contains(t))
            .map(|(_, c)| c)
            .collect();
        if rest.is_empty() {
            rows.remove(i + 1);
        } else if let Some(below) = rows.get_mut(i + 1) {
            below.text = rest.join(" ");
            below.cells = rest;
        }
        i += 1;
    }
    rows
}

/// Most pieces on the line of a row's label tails (a marker piece and a
/// tail for each of the row's two labels, with room to spare).
const MAX_LABEL_TAILS: usize = 4;

/// A label glued to the block marker's piece or to the label beside it
/// (`指标产出指标`, `效益指标社会效益指标`: neighbouring cells printed without
/// a gap): cells of their own.
fn split_glued_labels(mut rows: Vec<Row>) -> Vec<Row> {
    for row in rows.iter_mut().filter(|r| !r.ruled) {
        if !row.cells.iter().any(|c| glued_label(c).is_some()) {
            continue;
        }
        let mut cells = Vec::with_capacity(row.cells.len() + 1);
        let mut text = String::with_capacity(row.text.len() + 2);
        let mut rest = row.text.as_str();
        for cell in std::mem::take(&mut row.cells) {
            // The text keeps its columns: a space goes in between the two,
            // one comes out of the gap after them where it is wide.
            let Some(at) = rest.find(cell.as_str()) else {
                cells.push(cell);
                continue;
            };
            let (before, after) = rest.split_at(at);
            text.push_str(before);
            let mut after = after.get(cell.len()..).unwrap_or_default();
            match glued_label(&cell) {
                Some((head, label)) => {
                    text.push_str(head);
                    text.push(' ');
                    text.push_str(label);
                    if after.starts_with("   ") {
                        after = after.get(1..).unwrap_or_default();
                    }
                    cells.push(head.to_string());
                    cells.push(label.to_string());
                }
                None => {
                    text.push_str(&cell);
                    cells.push(cell);
                }
            }
            rest = after;
        }
        text.push_str(rest);
        row.cells = cells;
        row.text = text;
    }
    rows
}

/// Longest cell tried as two labels glued (two of the longest labels,
/// `社会公众或服务对象满意度指标`).
const MAX_GLUED_LABELS: usize = 32;

/// A cell that is a marker piece or a label followed by a label, split
/// there.
fn glued_label(cell: &str) -> Option<(&str, &str)> {
    // Both parts are short: a long cell is text.
    if cell.chars().count() > MAX_GLUED_LABELS || vocab::indicator_label(cell).is_some() {
        return None;
    }
    cell.char_indices().skip(2).find_map(|(i, _)| {
        let (head, tail) = (cell.get(..i)?, cell.get(i..)?);
        let head_folded = fold_compact(head);
        let head_fits = vocab::indicator_label(head).is_some() || vocab::is_marker_piece(&head_folded);
        (head_fits && vocab::indicator_label(tail).is_some()).then_some((head, tail))
    })
}

/// Pages joined without a line break (PyMuPDF's `get_text(sort=True)` ends
/// a page without one: `≥85%      财政项目支出绩效目标申报表`, `…300场。绩效
/// 一级指标 二级指标 …`): the next page's first line, a form heading or an
/// indicator header (with the block marker's first piece), starts a row
/// of its own again.
fn split_page_seams(rows: Vec<Row>) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len());
    let page_width = typical_line_end(&rows);
    for row in rows {
        match page_seam(&row).or_else(|| wide_seam(&row, page_width)) {
            Some((before, after)) => {
                out.push(before);
                out.push(after);
            }
            None => out.push(row),
        }
    }
    out
}

/// Share of a layout dump's lines that end within its page width.
const PAGE_WIDTH_SHARE: f32 = 0.95;
/// Characters a line's piece may start beyond the page width before it is
/// taken for the next page's line.
const PAGE_WIDTH_SLACK: usize = 8;

/// Where the lines of a layout dump end (in characters from the left
/// edge): the end that most of them keep within.
fn typical_line_end(rows: &[Row]) -> Option<usize> {
    let mut ends: Vec<usize> = rows
        .iter()
        .filter(|r| !r.ruled && r.indent > 0)
        .map(|r| r.indent + r.text.chars().count())
        .collect();
    if ends.len() < 20 {
        return None;
    }
    ends.sort_unstable();
    ends.get(((ends.len() - 1) as f32 * PAGE_WIDTH_SHARE) as usize).copied()
}

/// A layout dump's line that runs on past the page's width into a piece
/// of the next page's first line (`≥72(场)      第1居民区活动记录完整率   =100%`).
fn wide_seam(row: &Row, page_width: Option<usize>) -> Option<(Row, Row)> {
    let width = page_width?;
    if row.ruled || row.cells.len() < 2 || row.indent + row.text.chars().count() <= width + PAGE_WIDTH_SLACK {
        return None;
    }
    // The first piece that starts beyond the page: the seam is where the
    // text before it ends.
    let mut at = 0;
    let mut previous_end = None;
    for cell in &row.cells {
        let found = row.text.get(at..)?.find(cell.as_str())? + at;
        let col = row.indent + row.text.get(..found)?.chars().count();
        if col > width + PAGE_WIDTH_SLACK {
            let seam = previous_end?;
            let (head, tail) = (row.text.get(..seam)?, row.text.get(seam..)?);
            let mut before = Row::from_line(row.loc, head);
            before.indent = row.indent;
            before.sheet = row.sheet;
            let mut after = Row::from_line(row.loc, tail);
            after.sheet = row.sheet;
            return Some((before, after));
        }
        at = found + cell.len();
        previous_end = Some(at);
    }
    None
}

/// Where a row's text holds the start of another page, the two rows.
fn page_seam(row: &Row) -> Option<(Row, Row)> {
    // A heading whose word-processor gaps a dump printed as spaces is one
    // heading (`上海市普陀区民政局 2026 年度项目支出绩效目标表`).
    if row.ruled || row.cells.len() < 2 {
        return None;
    }
    let gaps_only = || {
        !crate::machine::without_word_gaps(&row.text)
            .chars()
            .any(jixiao_layout::is_space)
    };
    if vocab::form_heading(&row.text).is_some() && gaps_only() {
        return None;
    }
    let folded: Vec<String> = row.cells.iter().map(|c| fold_compact(c).into_owned()).collect();
    let header_at = (1..folded.len()).find(|&k| {
        folded.get(k).is_some_and(|c| c == "一级指标") && folded.iter().skip(k + 1).any(|c| c == "二级指标")
    });
    let heading_at = (1..row.cells.len()).find(|&k| row.cells.get(k).is_some_and(|c| vocab::form_heading(c).is_some()));
    let k = match (header_at, heading_at) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    // The byte offset of each cell in the text.
    let mut offsets = Vec::with_capacity(row.cells.len());
    let mut at = 0;
    for cell in &row.cells {
        let found = row.text.get(at..)?.find(cell.as_str())? + at;
        offsets.push(found);
        at = found + cell.len();
    }
    let mut split = *offsets.get(k)?;
    // The block marker's first piece goes with the header: a cell of its
    // own (`绩效`), or glued to the end of the text before (`300场。绩效`).
    if header_at == Some(k) {
        let previous = folded.get(k - 1)?;
        if previous == "绩效" && k >= 2 {
            split = *offsets.get(k - 1)?;
        } else if previous.ends_with("绩效") && previous.chars().count() > 2 {
            split = offsets.get(k - 1)? + row.cells.get(k - 1)?.len() - "绩效".len();
        }
    }
    let (head, tail) = (row.text.get(..split)?.trim_end(), row.text.get(split..)?);
    // A year a dump parted with a space is one heading (`上海市普陀区某某街道202
    // 6年度项目支出绩效目标表`, PDFBox): no page starts inside a number.
    let number_parted = head.ends_with(|c: char| c.is_ascii_digit()) && tail.starts_with(|c: char| c.is_ascii_digit());
    if heading_at == Some(k) && number_parted {
        return None;
    }
    // A row that starts with the marker's piece and the header is one.
    let head_folded = fold_compact(head);
    if head.is_empty() || (header_at == Some(k) && vocab::is_marker_piece(&head_folded)) {
        return None;
    }
    let indent = row.indent + row.text.get(..split)?.chars().count();
    let mut before = Row::from_line(row.loc, head);
    before.indent = row.indent;
    before.sheet = row.sheet;
    let mut after = Row::from_line(row.loc, tail);
    after.indent = indent;
    after.sheet = row.sheet;
    Some((before, after))
}

/// A money label and its amount printed without a gap
/// (`其他资金0.00`, `其中：当年财政拨款3,500,000.00`: the label cell's
/// centred text runs into the value cell): two cells again.
fn split_glued_amounts(mut rows: Vec<Row>) -> Vec<Row> {
    for row in rows.iter_mut().filter(|r| !r.ruled) {
        let mut changed = false;
        let mut cells = Vec::with_capacity(row.cells.len());
        for cell in std::mem::take(&mut row.cells) {
            let split = cell
                .char_indices()
                .find(|&(i, c)| c.is_ascii_digit() && cell.get(..i).is_some_and(|l| vocab::fund_label(l).is_some()))
                .and_then(|(i, _)| Some((cell.get(..i)?, cell.get(i..)?)))
                .filter(|(_, amount)| is_amount(amount));
            match split {
                Some((label, amount)) => {
                    cells.push(label.to_string());
                    cells.push(amount.to_string());
                    changed = true;
                }
                None => cells.push(cell),
            }
        }
        row.cells = cells;
        if changed {
            row.text = row.cells.join("  ");
        }
    }
    rows
}

/// A layout dump that prints a value a line below its label
/// (`计划完成日期` / `2025-12-31` under it: the producer set the value a
/// little lower than the label, and poppler made two lines of them): the
/// value goes back beside the label. Only a line holding nothing but that
/// value, starting under the label, joins.
fn join_dropped_values(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        let joins = out.last().is_some_and(|last| {
            // The cheap tests first: a PDF's rows are all ruled.
            if last.ruled
                || row.ruled
                || last.sheet != row.sheet
                || last.cells.len() < 2
                || row.cells.len() != 1
                || row.indent == 0
            {
                return false;
            }
            let Some(label) = last.cells.last() else { return false };
            let folded = fold_compact(label);
            let dangling = vocab::is_field_label(&folded) || vocab::fund_label(&folded).is_some();
            let label_col = last
                .text
                .rfind(label.as_str())
                .map_or(0, |at| last.indent + width(last.text.get(..at).unwrap_or_default()));
            let lone = fold_compact(&row.text);
            let value = row.cells.len() == 1
                && !vocab::is_whole_label(&lone)
                && !vocab::is_known_label(&lone)
                && vocab::marker(&lone).is_none()
                && (is_amount(&row.text) || is_date_like(&row.text) || vocab::is_field_label(&folded));
            !last.ruled
                && !row.ruled
                && last.sheet == row.sheet
                && last.cells.len() > 1
                && dangling
                && value
                && row.indent > 0
                && row.indent + DROPPED_VALUE_SLACK >= label_col
        });
        match out.last_mut() {
            Some(last) if joins => {
                last.cells.extend(row.cells);
                last.text = format!("{}  {}", last.text, row.text);
            }
            _ => out.push(row),
        }
    }
    out
}

/// How far left of its label a dropped value may start, in characters.
const DROPPED_VALUE_SLACK: usize = 2;

fn is_date_like(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit()) && text.chars().any(|c| matches!(c, '-' | '/' | '年' | '.'))
}

/// A header or money label that its narrow cell wrapped, printed a piece
/// a line by content-order dumps (`计划开始日` / `期`): one row again.
fn join_wrapped_labels(rows: Vec<Row>) -> Vec<Row> {
    let rows = join_wrapped_header_cells(rows);
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for mut row in rows {
        let single = |r: &Row| !r.ruled && r.cells.len() == 1;
        // A wrapped label's tail glued to the next label (`服务对象满意度指` /
        // `标满意度指标`): two labels.
        if let Some(last) = out.last_mut().filter(|last| single(last) && single(&row)) {
            if let Some((whole, rest)) = vocab::parted_labels(&last.text, &row.text) {
                last.cells = vec![whole.clone()];
                last.text = whole;
                row.cells = vec![rest.clone()];
                row.text = rest;
                out.push(row);
                continue;
            }
        }
        let joins = out.last().is_some_and(|last| {
            // The cheap tests first: a PDF's rows are all ruled.
            if last.ruled || row.ruled || last.cells.len() != 1 || row.cells.len() != 1 {
                return false;
            }
            let (a, b) = (fold_compact(&last.text), fold_compact(&row.text));
            !vocab::is_whole_label(&a) && vocab::is_whole_label(&format!("{a}{b}"))
        });
        match out.last_mut() {
            Some(last) if joins => {
                last.text = format!("{}{}", last.text, row.text);
                last.cells = vec![last.text.clone()];
            }
            _ => out.push(row),
        }
    }
    out
}

/// Most lines a cell of the table's header wraps over in a narrow column
/// (`年度(/项` / `目)指标` / `值`).
const MAX_HEADER_CELL_LINES: usize = 3;

/// True for the targets' column heading whole (`年度(/项目)指标值`,
/// `年度指标值`) or another header cell: not a row's name before its
/// pieces (`项目完成率` / `年度(/项目)指` / `标值`, the first row's name
/// printed between the header's cells).
fn is_value_heading(folded: &str) -> bool {
    match folded.strip_suffix("指标值") {
        Some(before) => before.chars().all(|c| "年度项目(/)（）".contains(c)),
        None => true,
    }
}

/// A cell of the indicator table's header that its narrow column wrapped,
/// printed a piece a line by content-order dumps (MuPDF's form through
/// `pdftotext`: `年度(/项` / `目)指标` / `值`): one row again, where no
/// piece is a cell of its own.
fn join_wrapped_header_cells(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        let single = |r: &Row| !r.ruled && r.cells.len() == 1;
        let lines = (2..=MAX_HEADER_CELL_LINES).find(|&n| {
            rows.get(i..i + n).is_some_and(|pieces| {
                if !pieces.iter().all(single) {
                    return false;
                }
                let folded: Vec<String> = pieces.iter().map(|p| fold_compact(&p.text).into_owned()).collect();
                let whole = folded.concat();
                folded
                    .iter()
                    .all(|f| !vocab::is_table_header_cell(f) && !vocab::is_whole_label(f))
                    && vocab::is_table_header_cell(&whole)
                    && is_value_heading(&whole)
            })
        });
        match lines {
            Some(n) => {
                let text: String = rows
                    .get(i..i + n)
                    .unwrap_or_default()
                    .iter()
                    .map(|p| p.text.trim())
                    .collect();
                out.push(Row {
                    cells: vec![text.clone()],
                    text,
                    ..row.clone()
                });
                i += n;
            }
            None => {
                out.push(row.clone());
                i += 1;
            }
        }
    }
    out
}

/// A block marker printed down the left edge of its block, one piece at the
/// start of each of several lines, beside the block's own text
/// (pdfplumber: `项目资金 其中：财政资金 …` then `（元） 上年结转资金 0.00`):
/// the pieces are taken off their lines and the whole marker put where the
/// first piece stood, as a cell of its own.
fn join_split_markers(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i < rows.len() {
        let found = [End::First, End::Last]
            .into_iter()
            .find_map(|end| split_marker_at(&rows, i, end).map(|taken| (end, taken)));
        if let Some((end, taken)) = found {
            let mut joined = String::new();
            for &k in &taken {
                if let Some(row) = rows.get_mut(k) {
                    let piece = match end {
                        End::First => {
                            let piece = row.cells.remove(0);
                            let text = crate::lexer::strip_leading_cell(&row.text, &piece);
                            // The rest keeps its columns (a layout dump's
                            // position); a line of single spaces has none
                            // (pdfplumber: `目 项目总目标 年度总体目标`).
                            if spaced_in_columns(row) {
                                row.indent += row.text.chars().count() - text.chars().count();
                            }
                            row.text = text;
                            piece
                        }
                        End::Last => {
                            let piece = row.cells.pop().unwrap_or_default();
                            let kept = row.text.len().saturating_sub(piece.len());
                            row.text = row.text.get(..kept).unwrap_or_default().trim_end().to_string();
                            piece
                        }
                    };
                    joined.push_str(&piece);
                }
            }
            if let Some(row) = rows.get_mut(i) {
                row.cells.insert(0, joined.clone());
                // The row's text keeps its columns: the marker goes into
                // the indent in front of it, as far as there is room.
                row.indent = row.indent.saturating_sub(joined.chars().count() + 2);
                row.text = if row.text.is_empty() {
                    joined
                } else {
                    format!("{joined}  {}", row.text)
                };
            }
            rows.retain(|r| !r.cells.is_empty());
        }
        i += 1;
    }
    rows
}

/// Which end of its lines a marker is printed in pieces down: the left
/// edge (its cell, as the dump lays it out) or the right, after a wide gap
/// (PyMuPDF's sorted text puts a cell drawn before the text beside it last).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    First,
    Last,
}

/// The rows whose first (last) cells spell a whole marker, starting with a
/// proper piece of one at row `i`; `None` unless at least two pieces join.
fn split_marker_at(rows: &[Row], i: usize, end: End) -> Option<Vec<usize>> {
    let first = rows.get(i)?;
    if first.ruled {
        return None;
    }
    let piece = |row: &Row| -> Option<String> {
        let cell = match end {
            End::First => row.cells.first()?,
            // A last piece stands apart from the text before it.
            End::Last => row.cells.last().filter(|c| {
                row.cells.len() > 1 && row.text.strip_suffix(c.as_str()).is_some_and(|t| t.ends_with("  "))
            })?,
        };
        (!row.ruled && cell.chars().count() <= MAX_MARKER_PIECE).then(|| fold_compact(cell).into_owned())
    };
    let mut spelled = piece(first)?;
    if !vocab::is_marker_prefix(&spelled) {
        return None;
    }
    let mut taken = vec![i];
    let mut complete: Option<Vec<usize>> = None;
    for (k, row) in rows.iter().enumerate().skip(i + 1).take(MAX_MARKER_ROWS) {
        let Some(next) = piece(row) else { continue };
        let candidate = format!("{spelled}{next}");
        if vocab::marker(&candidate).is_some() || vocab::is_marker_prefix(&candidate) {
            spelled = candidate;
            taken.push(k);
            if vocab::marker(&spelled).is_some() {
                complete = Some(taken.clone());
            }
            if !vocab::is_marker_prefix(&spelled) {
                break;
            }
        }
    }
    // Pieces alone on consecutive lines are the lexer's to join (it
    // reports them as they stand); 绩效指标 heads the indicator table, whose
    // labels `labels_and_content` sorts out. A marker printed one character
    // a line (a narrow first column: `绩` / `效` / `指` / `标`) is joined
    // wherever it stands: no piece of it is a marker's piece on its own.
    complete.filter(|t| {
        let vertical = t.len() >= MIN_VERTICAL_PIECES
            && t.iter().all(|&k| {
                rows.get(k).and_then(&piece).is_some_and(|p| {
                    // One character, or the closing piece (`（元）`).
                    p.chars().count() == 1
                        || vocab::marker(&p).is_none() && vocab::is_marker_piece(&p) && !vocab::is_marker_prefix(&p)
                })
            });
        vertical
            || t.len() >= 2
                && (t.iter().any(|&k| rows.get(k).is_some_and(|r| r.cells.len() > 1))
                    || t.windows(2).any(|w| matches!(w, [a, b] if b - a > 1)))
                && vocab::marker(&spelled) != Some(Marker::Indicators)
    })
}

/// Fewest pieces of a marker printed one character a line (`项目资金（元）`
/// as `项` `目` `资` `金` `（元）`): three single characters spelling a
/// marker in order are no chance.
const MIN_VERTICAL_PIECES: usize = 3;

/// A row put back into its grid: real cells, as a PDF's table gives them.
/// Rows where labels went in a bunch (two different labels of a level
/// heading one row: LibreOffice's merged cells drawn after a page's rows,
/// woven before the row after them, `产出指标 | 数量指标 | 质量指标 |
/// 第1居民区活动记录完整率 | =100%`) have their labels taken off and given
/// back by what the rows measure ([`crate::shapes::label_runs`]); the
/// labels and where the first stood, for the report. Rows stay as they
/// are where there is no bunch or the rows do not bear a guess out (the
/// state machine then reports the bunch).
fn relabel_bunched_rows(rows: &mut [Row]) -> Option<(Location, String)> {
    let leading = |r: &Row| {
        r.cells
            .iter()
            .take_while(|c| vocab::indicator_label(c).is_some())
            .count()
    };
    let bunched = rows.iter().any(|r| {
        let heads = r.cells.get(..leading(r)).unwrap_or_default();
        vocab::labels_in_a_bunch(
            heads
                .iter()
                .filter_map(|c| vocab::indicator_label(c).map(|l| (c.as_str(), l))),
        )
    });
    if !bunched {
        return None;
    }
    let first = rows.iter().find(|r| leading(r) > 0)?.loc;
    let mut labels: Vec<Label> = Vec::new();
    let mut stripped: Vec<Row> = rows.to_vec();
    for row in &mut stripped {
        let n = leading(row);
        if n == 0 {
            continue;
        }
        labels.extend(labels_of(row.cells.get(..n).unwrap_or_default()));
        *row = ruled_row(row.loc, row.cells.get(n..).unwrap_or_default().to_vec(), row.sheet);
    }
    if !label_rows_by_shape(&mut stripped, &labels) {
        return None;
    }
    for (row, relabelled) in rows.iter_mut().zip(stripped) {
        *row = relabelled;
    }
    let text: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
    Some((first, text.join(" ")))
}

/// The labels of rows of label cells printed apart from their table.
fn block_labels(rows: &[Row]) -> Vec<Label> {
    // A label its narrow cell wrapped joins again (`服务对象满意度指` / `标`).
    let mut cells: Vec<String> = Vec::new();
    for cell in rows.iter().flat_map(|r| &r.cells) {
        match cells.last_mut() {
            Some(last) if vocab::completed_label(last, cell).is_some() => last.push_str(cell),
            _ => cells.push(cell.clone()),
        }
    }
    labels_of(&cells)
}

/// The cells that are indicator labels, as labels (where they stood is
/// lost: `at` 0).
fn labels_of(cells: &[String]) -> Vec<Label> {
    cells
        .iter()
        .filter_map(|c| vocab::indicator_label(c).map(|level| Label::unplaced(c, level)))
        .collect()
}

/// Heads a table's rows with `labels` (rows of label cells printed apart
/// from them) by what the rows measure ([`crate::shapes::label_runs`]):
/// only a table none of whose rows holds a label, its rows of a name and
/// a target. False where it does not.
fn label_rows_by_shape(rows: &mut [Row], labels: &[Label]) -> bool {
    if rows
        .iter()
        .any(|r| r.cells.iter().any(|c| vocab::indicator_label(c).is_some()))
    {
        return false;
    }
    let indicator_rows: Vec<usize> = (0..rows.len())
        .filter(|&i| rows.get(i).is_some_and(|r| r.ruled && r.cells.len() == 2))
        .collect();
    let pairs: Vec<(String, String)> = indicator_rows
        .iter()
        .filter_map(|&i| match rows.get(i).map(|r| r.cells.as_slice()) {
            Some([name, target]) => Some((name.clone(), target.clone())),
            _ => None,
        })
        .collect();
    let Some(heads) = crate::shapes::label_runs(labels, &pairs) else {
        return false;
    };
    for (&i, head) in indicator_rows.iter().zip(heads) {
        if let Some(row) = rows.get_mut(i).filter(|_| !head.is_empty()) {
            let mut cells = head;
            cells.append(&mut row.cells);
            *row = ruled_row(row.loc, cells, row.sheet);
        }
    }
    true
}

pub(crate) fn ruled_row(loc: Location, cells: Vec<String>, sheet: u32) -> Row {
    Row {
        loc,
        text: cells.join(" "),
        cells,
        ruled: true,
        indent: 0,
        sheet,
    }
}

/// One run of text on a line: a cell's line, or a label.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub(crate) text: String,
    /// Line number in the dump.
    pub(crate) line: u32,
    /// Character column (layout dumps) or position on the line.
    pub(crate) col: usize,
    pub(crate) sheet: u32,
}

/// Which column a content line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Target,
}

/// The content of one dump line: its name part, target part, or one piece
/// whose column is open.
#[derive(Debug, Clone)]
struct Line {
    line: u32,
    /// Where the line stands for centring cells on one another: its dump
    /// line in a layout dump; where the dump has no columns, its index
    /// among the table's lines that hold text or a label, as pdfplumber
    /// gives a block marker's piece set between two content lines a line
    /// of its own (`绩效` alone between a target and the name's next
    /// line), and the marker has been taken off.
    pos: u32,
    sheet: u32,
    name: Option<String>,
    target: Option<String>,
    open: Option<String>,
}

/// A table row put back together.
#[derive(Debug, Clone)]
struct TableRow {
    first: u32,
    last: u32,
    /// The page (text dump sheet) it stands on.
    sheet: u32,
    /// Vertical extent for centring labels (lines, or content lines).
    top: f32,
    bottom: f32,
    name: Vec<String>,
    target: Vec<String>,
}

/// Where a producer sets the text of a cell taller than its lines, which
/// decides where the lines of a row's cells (and a merged label) stand
/// against one another: vertically centred (most producers), at the top
/// (MuPDF, Excel's top alignment) or at the bottom (Excel's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Middle,
    Top,
    Bottom,
}

impl Align {
    /// Where a run of lines `top..=bottom` puts its text, so that two
    /// cells (or a label and its rows) that belong together meet there.
    fn anchor(self, top: f32, bottom: f32) -> f32 {
        match self {
            Align::Middle => (top + bottom) / 2.0,
            Align::Top => top,
            Align::Bottom => bottom,
        }
    }
}

/// Where a producer sets the label of a run of rows that a page break
/// cuts: as any run's (over the whole run), at the top of the run
/// (WeasyPrint), or as the run's part on its first page alone (Typst).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SplitRun {
    Whole,
    Top,
    FirstPart,
}

/// How a dump's merged labels stand on their runs of rows.
#[derive(Debug, Clone, Copy)]
struct LabelAlign {
    at: Align,
    split: SplitRun,
}

impl LabelAlign {
    fn whole(at: Align) -> LabelAlign {
        LabelAlign {
            at,
            split: SplitRun::Whole,
        }
    }
}

/// A label and where it stands (the middle of its pieces).
#[derive(Debug, Clone)]
pub(crate) struct Label {
    pub(crate) text: String,
    pub(crate) level: LabelLevel,
    pub(crate) at: f32,
    /// A label joined from pieces on several lines: its first and last
    /// line. Set at the top (bottom) of its run, its first (last) line
    /// stands there, not its middle (`可持续影响指` / `标`).
    pub(crate) lines: Option<(f32, f32)>,
}

impl Label {
    /// A label where it stood is lost (`at` 0): one of a bunch, or of
    /// rows of label cells printed apart from their table.
    pub(crate) fn unplaced(text: &str, level: LabelLevel) -> Label {
        Label {
            text: text.to_string(),
            level,
            at: 0.0,
            lines: None,
        }
    }
}

/// How far before its line a label printed in front of cells on one line
/// is set: between that line and the one before.
const LABEL_BEFORE_ITS_LINE: f32 = 0.5;

/// `apart_before`: labels on lines before it were printed before the
/// table's header (see [`header_printed_apart`]); where they stand ties
/// them to no row.
fn regrid_table(
    table: &[Row],
    cells: Align,
    label_align: LabelAlign,
    drawing_order: bool,
    apart_before: Option<u32>,
) -> Option<TableRead> {
    // Columns kept by spaces: a layout dump indents and spaces out many
    // lines of a table; in a drawing-order dump (a cell a line, no blank
    // line) a cell's own spaces make no columns.
    let spaced = table.iter().filter(|r| spaced_in_columns(r)).count();
    let layout = spaced > 0 && !(drawing_order && spaced * LAYOUT_SHARE < table.len());
    let whole_lines = !layout && drawing_order && cells_on_lines_of_their_own(table);
    let mut passthrough = Vec::new();
    let mut pieces = Vec::new();
    for row in table {
        let folded = fold_compact(&row.text);
        if vocab::is_page_number(&folded)
            || vocab::is_indicator_header(&folded)
            || vocab::is_producer_line(&row.text)
            || vocab::is_table_note(&row.text)
        {
            passthrough.push(row.clone());
            continue;
        }
        let Location::Line(line) = row.loc else { return None };
        let row_pieces = split(row, layout).into_iter();
        let row_pieces: Vec<(usize, String)> = if layout {
            row_pieces.flat_map(split_off_squeezed_target).collect()
        } else if whole_lines {
            vec![(0, row.cells.join(" "))]
        } else if !drawing_order {
            autospaced_cells_joined(row_pieces.collect())
        } else {
            row_pieces.collect()
        };
        pieces.extend(row_pieces.into_iter().map(|(col, text)| Piece {
            text,
            line,
            col,
            sheet: row.sheet,
        }));
    }
    let (labels, content) = labels_and_content(pieces);
    let first_content = content.iter().map(|p| p.line).min()?;
    // A drawing-order dump that prints a row's cells on one line
    // (`pdftotext -raw`, pypdf) of a producer that draws in two passes
    // (LibreOffice: the year line, markers, goals and the header's last
    // cell after the first pass's rows, then the cells that wrapped): its
    // pieces are cells in drawing order, as PyMuPDF's lines are. A label
    // on a line with cells stands before them (`时效指标 服务完成及时率
    // =100(%)`), as PyMuPDF prints it on a line of its own.
    let two_passes = !layout && drawing_order && second_pass_bounds(&content).is_some();
    let labels = if two_passes {
        labels
            .into_iter()
            .map(|mut label| {
                if label.at.fract() == 0.0 && content.iter().any(|p| p.line as f32 == label.at) {
                    label.at -= LABEL_BEFORE_ITS_LINE;
                }
                label
            })
            .collect()
    } else {
        labels
    };
    if !layout && (two_passes || content_order(&content, table, drawing_order)) {
        let (positionless, labels): (Vec<Label>, Vec<Label>) = labels
            .into_iter()
            .partition(|l| apart_before.is_some_and(|line| l.at < line as f32));
        let content = join_quote_split_pieces(content);
        // Drawing order (PyMuPDF, `mutool`), not poppler's blocks, whose
        // strays are read elsewhere.
        let (ahead, titles, content, pass) = if drawing_order {
            heading_cells_after_rows(content)
        } else {
            (Vec::new(), Vec::new(), content, None)
        };
        // The header and marker printed again on a later page stand among
        // the cells: read apart, as the rows a PDF's page would give.
        let (furniture, content): (Vec<Piece>, Vec<Piece>) = content
            .into_iter()
            .partition(|p| crate::stream::is_repeated_furniture(&p.text));
        // Header and money cells poppler's blocks left among the table's
        // (`项目总目标`, `上年结转资金`, `特定目标类`): no cell of a row, and
        // read as one they shift every row after them.
        let (strays, content) = header_cells_among_rows(content);
        // Lines of block markers' pieces (`绩效` / `指标`), wherever the
        // pieces went: a later page's second pass starts there.
        let marker_lines: Vec<u32> = table
            .iter()
            .filter(|r| {
                let folded = fold_compact(&r.text);
                r.cells.len() == 1 && vocab::is_marker_text(&folded)
            })
            .filter_map(|r| r.loc.line())
            .collect();
        // The second pass's cells woven back among the first's: their rows,
        // then the rest read as ever.
        let woven = pass.and_then(|pass| crate::weave::weave(&labels, &content, &marker_lines, pass));
        let (woven_rows, labels, content) = match woven {
            Some(w) => (w.rows, w.labels, w.content),
            None => (Vec::new(), labels, content),
        };
        let read = if content.is_empty() {
            crate::stream::Read {
                rows: Vec::new(),
                labels_note: None,
            }
        } else {
            // In drawing order a blank line is no cell's end: MuPDF's
            // (`mutool draw -F txt`) end its blocks, a row of cells or one
            // line of a cell.
            let printed = printed_lines(table);
            let printed = match (drawing_order, printed.first(), printed.last()) {
                (true, Some(first), Some(last)) => (*first..=*last).collect(),
                _ => printed,
            };
            // The header's cells poppler printed after the table's first
            // line, with the first row's cells about them.
            let late_header: Vec<u32> = table
                .iter()
                .filter(|r| r.cells.len() == 1 && vocab::is_table_header_cell(&fold_compact(&r.text)))
                .filter_map(|r| r.loc.line())
                .filter(|&n| content.first().is_some_and(|p| n > p.line))
                .collect();
            // A page's top, where merged cells a page break cut are drawn
            // first: drawing order only.
            let page_tops: &[u32] = if drawing_order { &marker_lines } else { &[] };
            crate::stream::read(&labels, &positionless, &content, &printed, &late_header, page_tops)?
        };
        let mut out = woven_rows;
        out.extend(read.rows);
        let bunch = relabel_bunched_rows(&mut out);
        out.extend(passthrough);
        for piece in furniture_rows(&furniture) {
            out.push(piece);
        }
        // The labels the rows were read without, for labels drawn after
        // the table to join (see `label_rows_by_shape`).
        let unplaced_labels = match &read.labels_note {
            Some((_, UnplacedReason::LabelsWithoutRows, _)) => labels,
            _ => Vec::new(),
        };
        let mut notes: Vec<(Location, UnplacedReason, String)> = read.labels_note.into_iter().collect();
        notes.extend(bunch.map(|(loc, text)| (loc, UnplacedReason::LabelsByShape, text)));
        notes.extend(
            strays
                .into_iter()
                .map(|p| (Location::Line(p.line), UnplacedReason::HeaderCellInTable, p.text)),
        );
        if let Some(first) = ahead.first().or(titles.first()) {
            let texts: Vec<&str> = titles.iter().chain(&ahead).map(|p| p.text.as_str()).collect();
            notes.push((
                Location::Line(first.line),
                UnplacedReason::OutOfRowOrder,
                texts.join(" "),
            ));
        }
        let row_of = |p: &Piece| {
            let mut row = Row::from_line(Location::Line(p.line), &p.text);
            row.sheet = p.sheet;
            row
        };
        return Some(TableRead {
            ahead: ahead.iter().map(row_of).collect(),
            titles: titles.iter().map(row_of).collect(),
            rows: out,
            costs: Costs::default(),
            notes,
            unplaced_labels,
        });
    }
    if labels.iter().any(|l| l.at < first_content as f32) {
        return None;
    }
    // Lines that hold a cell's text or a label (not those whose only
    // piece was a block marker's, taken off).
    let kept: std::collections::BTreeSet<u32> = content
        .iter()
        .map(|p| p.line)
        .chain(labels.iter().flat_map(|l| [l.at.floor() as u32, l.at.ceil() as u32]))
        .collect();
    let lines = content_lines(&content, layout, &kept);
    let lines = if layout { zip_column_runs(lines) } else { lines };
    let (rows_cost, rows) = group_rows(&lines, cells, layout, drawing_order)?;
    let labels = if layout {
        labels
    } else {
        on_content_scale(labels, &lines)
    };
    let rows = if layout {
        rows
    } else {
        rows_on_content_scale(rows, &lines)
    };
    let (mut out, labels_cost, spanning) = emit(&rows, &labels, layout, label_align, drawing_order)?;
    out.extend(passthrough);
    Some(TableRead {
        rows: out,
        costs: Costs {
            rows: rows_cost,
            labels: labels_cost,
            spanning,
        },
        ahead: Vec::new(),
        titles: Vec::new(),
        notes: Vec::new(),
        unplaced_labels: Vec::new(),
    })
}

/// A cell of a form's header or money block, whole: a header or money
/// label, a nature or category value.
fn is_header_cell_text(text: &str) -> bool {
    let folded = fold_compact(text);
    vocab::fund_label(&folded).is_some()
        || vocab::is_field_label(&folded)
        || crate::header::is_nature(&folded)
        || crate::header::is_category(&folded)
}

/// The header and money cells among a content-order table's pieces, and
/// the rest: header cells, and a goal heading with no goal sentence after
/// it (`项目总目标` / `第1网格巡查次数`; one before its goal's lines,
/// `年度总体目标` / `完成网格巡查…，…提升。`, is read with them as ever).
fn header_cells_among_rows(content: Vec<Piece>) -> (Vec<Piece>, Vec<Piece>) {
    let stray: Vec<bool> = (0..content.len())
        .map(|i| {
            let Some(piece) = content.get(i) else { return false };
            if is_header_cell_text(&piece.text) {
                return true;
            }
            // A goal's line is a sentence; a row's name seldom is.
            let next_is_no_goal = content
                .get(i + 1)
                .is_none_or(|n| !crate::header::is_sentence(&fold_compact(&n.text)));
            vocab::goal_heading(&fold_compact(&piece.text)).is_some() && next_is_no_goal
        })
        .collect();
    let (mut strays, mut rest) = (Vec::new(), Vec::with_capacity(content.len()));
    for (piece, is_stray) in content.into_iter().zip(stray) {
        if is_stray {
            strays.push(piece);
        } else {
            rest.push(piece);
        }
    }
    (strays, rest)
}

/// Runs of header and marker pieces on consecutive lines, one row each.
/// Most pieces from a form's year line (or title) printed after its
/// table's rows to the table header's last cell: the year, the block
/// markers' pieces and the lines of both goals.
const MAX_HEADING_CELLS_AFTER_ROWS: usize = 40;

/// The cells of a form's heading and goals that a producer drew after the
/// table's rows, in a second pass over the page (LibreOffice draws cells
/// that wrap or span after all others; PyMuPDF prints them so):
///
/// ```text
/// 居民满意度                    ← the last row's name (first pass)
/// 上海市…绩效目标汇总表         ← the document's title
/// （2025年度）                  ← the form's year
/// 项目资金 / （元） / 项目 / 绩效 / 目标   ← block markers
/// 为辖区居民提供心理健康咨询…   ← the goals' lines
/// 绩效 / 指标
/// 年度(/项目)指标值             ← the header's last cell
/// 不低于12场                    ← the targets that wrapped (second pass)
/// ```
///
/// From a year line or a title to the header's `…指标值` cell: the year
/// and the goal lines go back before the table (the first return), the
/// titles are returned apart (the second), the markers stay for the
/// furniture; the rest of the content is the third. Where the cells
/// stand so, the dump's order is not row order: the rows' pairing is
/// reported (`OutOfRowOrder`).
fn heading_cells_after_rows(
    content: Vec<Piece>,
) -> (Vec<Piece>, Vec<Piece>, Vec<Piece>, Option<crate::weave::PassTwo>) {
    let Some((start, end)) = second_pass_bounds(&content) else {
        return (Vec::new(), Vec::new(), content, None);
    };
    let pass = match (content.get(start), content.get(end)) {
        (Some(first_ends), Some(second_after)) => Some(crate::weave::PassTwo {
            first_ends: first_ends.line,
            second_after: second_after.line,
        }),
        _ => None,
    };
    let mut ahead = Vec::new();
    let mut titles = Vec::new();
    let mut rest = Vec::with_capacity(content.len());
    for (i, piece) in content.into_iter().enumerate() {
        if !(start..end).contains(&i) || crate::stream::is_repeated_furniture(&piece.text) {
            rest.push(piece);
        } else if is_form_title(&piece.text) {
            titles.push(piece);
        } else {
            ahead.push(piece);
        }
    }
    (ahead, titles, rest, pass)
}

/// A document's or form's title (`…绩效目标…表`).
fn is_form_title(text: &str) -> bool {
    let folded = fold_compact(text);
    folded.contains("绩效目标") && folded.ends_with('表')
}

/// Where a second drawing pass stands in a table's content: from the
/// first year line or title to the header's `…指标值` cell after it (see
/// [`heading_cells_after_rows`]).
fn second_pass_bounds(content: &[Piece]) -> Option<(usize, usize)> {
    let start = content
        .iter()
        .position(|p| vocab::year_line(&p.text).is_some() || is_form_title(&p.text))?;
    let end = content
        .iter()
        .skip(start)
        .take(MAX_HEADING_CELLS_AFTER_ROWS)
        .position(|p| is_value_cell(&p.text))?;
    Some((start, start + end))
}

fn furniture_rows(pieces: &[Piece]) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut last_line: Option<u32> = None;
    for piece in pieces {
        let continues = last_line.is_some_and(|l| piece.line <= l + 2);
        match out.last_mut() {
            Some(row) if continues => {
                row.cells.push(piece.text.clone());
                row.text = row.cells.join(" ");
            }
            _ => {
                let mut row = Row::from_line(Location::Line(piece.line), &piece.text);
                row.sheet = piece.sheet;
                out.push(row);
            }
        }
        last_line = Some(piece.line);
    }
    out
}

/// The pieces of a row: runs separated by two or more spaces with their
/// character column (layout dumps), or the row's cells in order.
fn split(row: &Row, layout: bool) -> Vec<(usize, String)> {
    if !layout {
        return row.cells.iter().cloned().enumerate().collect();
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut spaces = 0usize;
    for (i, c) in row.text.chars().enumerate() {
        if jixiao_layout::is_space(c) {
            spaces += 1;
            continue;
        }
        match current.as_mut() {
            Some((_, text)) if spaces < 2 => {
                if spaces == 1 {
                    text.push(' ');
                }
                text.push(c);
            }
            _ => {
                out.extend(current.take());
                current = Some((row.indent + i, c.to_string()));
            }
        }
        spaces = 0;
    }
    out.extend(current);
    // A label set one space from its neighbour (`生态效益指标 服务专业客户数量`)
    // is a cell of its own.
    out.into_iter().flat_map(split_off_labels).collect()
}

/// A line's cells with the numbers a word processor spaced off within
/// a cell joined back (Writer and Typst set a space on either side of
/// digits among ideographs: `每季度结束后 15 个工作日内发放到位`, `第 1
/// 片区为老服务站巡访次数`). Only a bare number between two ideographs:
/// in a line of blocks (`pdftotext` without `-layout`, one cell a line)
/// no cell is a bare number between two others, while `知晓率 90%` may
/// well be a name and its target.
fn autospaced_cells_joined(cells: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let bare_number = |text: &str| {
        text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
    };
    let ideograph = |c: Option<char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut out: Vec<(usize, String)> = Vec::with_capacity(cells.len());
    let mut rest = cells.into_iter().peekable();
    while let Some(cell) = rest.next() {
        let joins = match (out.last(), rest.peek()) {
            (Some((_, before)), Some((_, after))) => {
                bare_number(&cell.1) && ideograph(before.chars().last()) && ideograph(after.chars().next())
            }
            _ => false,
        };
        // A line that starts with the number (`2024 年 11 月前完成`).
        let leads = out.is_empty()
            && bare_number(&cell.1)
            && rest.peek().is_some_and(|(_, after)| ideograph(after.chars().next()));
        match (joins, out.last_mut(), rest.next_if(|_| joins || leads)) {
            (true, Some((_, before)), Some((_, after))) => {
                before.push(' ');
                before.push_str(&cell.1);
                before.push(' ');
                before.push_str(&after);
            }
            (false, _, Some((_, after))) => out.push((cell.0, format!("{} {after}", cell.1))),
            _ => out.push(cell),
        }
    }
    out
}

/// An indicator label, or the first piece of one (`服务对象满意度指`).
fn is_label_word(word: &str) -> bool {
    vocab::indicator_label(word).is_some() || (word.chars().count() >= 2 && vocab::is_label_prefix(&fold_compact(word)))
}

/// Splits the words of a piece that are indicator labels (or their first
/// pieces) off it.
fn split_off_labels((col, text): (usize, String)) -> Vec<(usize, String)> {
    if !text.contains(' ') || !text.split(' ').any(is_label_word) {
        return vec![(col, text)];
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut at = col;
    let mut joined_to_previous = false;
    for word in text.split(' ') {
        let is_label = is_label_word(word);
        match out.last_mut() {
            Some((_, previous)) if !is_label && joined_to_previous => {
                previous.push(' ');
                previous.push_str(word);
            }
            _ => out.push((at, word.to_string())),
        }
        joined_to_previous = !is_label;
        at += word.chars().count() + 1;
    }
    out
}

/// Splits pieces into labels (joined from their parts) and content; the
/// `绩效指标` block label is dropped (the table header stands for it).
fn labels_and_content(pieces: Vec<Piece>) -> (Vec<Label>, Vec<Piece>) {
    let mut used = vec![false; pieces.len()];
    let mut labels = Vec::new();
    let mut content = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        let folded = fold_compact(&piece.text);
        if vocab::marker(&folded) == Some(Marker::Indicators) {
            continue;
        }
        // The rest of the block label whose first piece stood in front of
        // the header (`绩效 一级指标 …` / `指标`), before any content.
        if content.is_empty()
            && vocab::is_marker_piece(&folded)
            && vocab::marker(&format!("绩效{folded}")) == Some(Marker::Indicators)
        {
            continue;
        }
        if let Some(level) = vocab::indicator_label(&piece.text) {
            labels.push(Label {
                text: piece.text.clone(),
                level,
                at: piece.line as f32,
                lines: None,
            });
            continue;
        }
        // The block label's first piece printed twice, its rest once (a
        // re-write dropped one: Ghostscript's copy of a LibreOffice form,
        // `绩效` / `绩效` / `指标` between two rows): the first is no cell's
        // text. (A lone `绩效` elsewhere may be 项目绩效目标's.)
        if folded == "绩效" && pieces.get(i + 1).is_some_and(|next| fold_compact(&next.text) == folded) {
            continue;
        }
        if let Some((partners, joined)) = completion(&pieces, i, &used) {
            for &partner in &partners {
                if let Some(slot) = used.get_mut(partner) {
                    *slot = true;
                }
            }
            let end = partners
                .last()
                .and_then(|&k| pieces.get(k))
                .map_or(piece.line, |p| p.line);
            // Else it was the block label 绩效指标 printed in two pieces.
            if let Some(level) = vocab::indicator_label(&joined) {
                labels.push(Label {
                    level,
                    text: joined,
                    at: (piece.line + end) as f32 / 2.0,
                    lines: Some((piece.line as f32, end as f32)),
                });
            }
            continue;
        }
        content.push(piece.clone());
    }
    // Whether `成本指标` is a 一级 label: by the labels as joined (a
    // `生态环境成本指` / `标` printed over two lines is one).
    let has_cost_level2 = labels.iter().any(|l| vocab::is_cost_level2(&l.text));
    for label in &mut labels {
        label.level = cost_level(&fold_compact(&label.text), label.level, has_cost_level2);
    }
    (labels, content)
}

/// `成本指标` is the 一级 label where 二级 labels of the 成本 family
/// (`经济成本指标` …) stand under it, else a 二级 label.
fn cost_level(folded: &str, level: LabelLevel, has_cost_level2: bool) -> LabelLevel {
    if folded == "成本指标" && !has_cost_level2 {
        LabelLevel::Two
    } else {
        level
    }
}

/// A later piece that completes piece `i` into a known label (or the
/// block label 绩效指标): its index and the joined text.
fn completion(pieces: &[Piece], i: usize, used: &[bool]) -> Option<(Vec<usize>, String)> {
    let piece = pieces.get(i)?;
    let head = fold_compact(&piece.text);
    if head.chars().count() < 2 || !vocab::is_label_prefix(&head) {
        return None;
    }
    for (k, other) in pieces.iter().enumerate().skip(i + 1) {
        if other.line > piece.line + MAX_LABEL_GAP {
            break;
        }
        if other.sheet != piece.sheet {
            // A label whose row a page break cut (Word, LibreOffice
            // Writer): its rest the next page's first piece (`服务对象满意度指`
            // at the foot of a page, `标` at the head of the next).
            let first_of_page = pieces.get(k - 1).is_some_and(|p| p.sheet != other.sheet);
            let joined = format!("{}{}", piece.text.trim(), other.text.trim());
            if other.sheet == piece.sheet + 1
                && first_of_page
                && !used.get(k).copied().unwrap_or(true)
                && vocab::is_known_label(&fold_compact(&joined))
            {
                return Some((vec![k], joined));
            }
            break;
        }
        if used.get(k).copied().unwrap_or(true) || other.line == piece.line {
            continue;
        }
        let joined = format!("{}{}", piece.text.trim(), other.text.trim());
        let folded = fold_compact(&joined);
        // `指标` under a `绩效` between them is the block label's, not
        // this one's rest (`可持续影响` a name, then `绩效` / row / `指标`).
        let markers_rest = head != "绩效"
            && fold_compact(&other.text) == "指标"
            && (i + 1..k).any(|m| {
                !used.get(m).copied().unwrap_or(true) && pieces.get(m).is_some_and(|p| fold_compact(&p.text) == "绩效")
            });
        if markers_rest {
            continue;
        }
        if vocab::is_known_label(&folded) || vocab::marker(&folded) == Some(Marker::Indicators) {
            return Some((vec![k], joined));
        }
        // Pieces are in line order: alone when neither neighbour shares it.
        let alone = |k: usize| {
            let line = pieces.get(k).map(|p| p.line);
            let shares = |j: Option<usize>| j.and_then(|j| pieces.get(j)).is_some_and(|p| Some(p.line) == line);
            !shares(k.checked_sub(1)) && !shares(Some(k + 1))
        };
        // A label over three lines of its narrow column (`社会公众或服` /
        // `务对象满意度` / `指标`): the middle piece under the first, the
        // last on the next line under it, or alone a line further (set at
        // the top of a run whose second row is one line: pdfplumber prints
        // that row's line between, TCPDF).
        if piece.col.abs_diff(other.col) <= MAX_LABEL_COLUMN_SHIFT && vocab::is_label_prefix(&folded) {
            let third = pieces.iter().enumerate().skip(k + 1).find(|&(m, p)| {
                (p.line == other.line + 1 || (p.line == other.line + 2 && alone(m)))
                    && p.sheet == other.sheet
                    && !used.get(m).copied().unwrap_or(true)
                    && p.col.abs_diff(other.col) <= MAX_LABEL_COLUMN_SHIFT
                    && vocab::is_known_label(&fold_compact(&format!("{joined}{}", p.text.trim())))
            });
            if let Some((m, last)) = third {
                let whole = format!("{joined}{}", last.text.trim());
                if vocab::is_known_label(&fold_compact(&whole)) {
                    return Some((vec![k, m], whole));
                }
            }
        }
        // Another label's first piece between them: the rest further on is
        // that one's (`可持续影响` a name, then `服务对象满意度` / `指标`).
        // (Content order: that piece alone on its line, its own rest on a
        // line of its own after it.)
        let other_folded = fold_compact(&other.text);
        // Its rest alone on a later line (the next, or past a row printed
        // between: pdfplumber's `服务对象满意度` / `满意度指标 … ≥90.00(%)` /
        // `指标`).
        let completes_itself = pieces.iter().enumerate().skip(k + 1).any(|(m, next)| {
            next.line > other.line
                && next.line <= other.line + MAX_LABEL_GAP
                && next.sheet == other.sheet
                && !used.get(m).copied().unwrap_or(true)
                && alone(m)
                && vocab::is_known_label(&fold_compact(&format!("{}{}", other.text.trim(), next.text.trim())))
        });
        if other_folded.chars().count() >= 4
            && vocab::indicator_label(&other.text).is_none()
            && vocab::is_label_prefix(&other_folded)
            && alone(k)
            && completes_itself
        {
            return None;
        }
    }
    None
}

/// Most columns the pieces of one label wrapped over three lines stand
/// apart (each line centred in the narrow label column).
const MAX_LABEL_COLUMN_SHIFT: usize = 4;

/// Display width: ideographs and full-width forms count two.
pub(crate) fn width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Fewest one-line rows that poppler's `-layout` prints a column at a
/// time for them to be zipped back (one name over its target is a
/// wrapped row, read as such).
const MIN_ZIPPED_ROWS: usize = 2;

/// One-line rows printed a column at a time by `pdftotext -layout` (the
/// last rows of a page, their names first, then their targets):
///
/// ```text
/// 满意度指标   服务对象满意度指标 维修人员服务满意率
///                               故障修复响应时间
///                                                   ≥90.00(%)
///                                                   <12.00(小时)
/// ```
///
/// A run of lines holding only a name, right followed by as many lines
/// holding only a target, at least half of them a target by its shape
/// (`≥90.00(%)`), are zipped into rows, each target on its name's line.
fn zip_column_runs(lines: Vec<Line>) -> Vec<Line> {
    let only_name =
        |l: &Line| l.target.is_none() && l.open.is_none() && l.name.as_deref().is_some_and(|n| !looks_like_target(n));
    let only_target = |l: &Line| l.name.is_none() && l.open.is_none() && l.target.is_some();
    let numeric = |l: &Line| l.target.as_deref().is_some_and(looks_like_target);
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut rest: &[Line] = &lines;
    while !rest.is_empty() {
        let names = rest.iter().take_while(|l| only_name(l)).count();
        let targets = rest
            .get(names..)
            .unwrap_or_default()
            .iter()
            .take_while(|l| only_target(l))
            .count();
        let run = rest.get(..names + targets).unwrap_or_default();
        let one_sheet = run.windows(2).all(|w| matches!(w, [a, b] if a.sheet == b.sheet));
        // The targets by their shape: at least half of them numeric
        // (`有效保障` over `>10.00(家)`).
        let numbers = run
            .get(names..)
            .unwrap_or_default()
            .iter()
            .filter(|l| numeric(l))
            .count();
        let by_shape = 2 * numbers >= targets;
        if names >= MIN_ZIPPED_ROWS && names == targets && one_sheet && by_shape {
            let (name_lines, target_lines) = run.split_at(names);
            for (name, target) in name_lines.iter().zip(target_lines) {
                out.push(name.clone());
                out.push(Line {
                    line: name.line,
                    pos: name.pos,
                    ..target.clone()
                });
            }
            rest = rest.get(names + targets..).unwrap_or_default();
            continue;
        }
        let step = names.max(1);
        out.extend(rest.iter().take(step).cloned());
        rest = rest.get(step..).unwrap_or_default();
    }
    out
}

/// Content pieces by line, each given its column where the dump tells it.
fn content_lines(content: &[Piece], layout: bool, kept: &std::collections::BTreeSet<u32>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let splits = if layout { column_splits(content) } else { Vec::new() };
    // The piece's place on its line, from 0.
    let mut nth = 0usize;
    for piece in content {
        let split = splits
            .iter()
            .find(|(line, _)| *line == piece.line)
            .map(|(_, split)| *split);
        let same_line = lines.last().is_some_and(|l| l.line == piece.line);
        nth = if same_line { nth + 1 } else { 0 };
        // Rows side by side: each name starts a line of its own.
        let next_row = matches!(split, Some(LineSplit::Alternate)) && nth.is_multiple_of(2);
        if !same_line || next_row {
            let pos = if layout {
                piece.line
            } else {
                u32::try_from(kept.range(..piece.line).count()).unwrap_or(u32::MAX)
            };
            lines.push(Line {
                line: piece.line,
                pos,
                sheet: piece.sheet,
                name: None,
                target: None,
                open: None,
            });
        }
        let Some(line) = lines.last_mut() else { continue };
        let column = split.map(|split| match split {
            LineSplit::At(at) if piece.col < at => Column::Name,
            LineSplit::At(_) => Column::Target,
            LineSplit::Alternate if nth.is_multiple_of(2) => Column::Name,
            LineSplit::Alternate => Column::Target,
        });
        match column {
            Some(Column::Name) => append(&mut line.name, &piece.text),
            Some(Column::Target) => append(&mut line.target, &piece.text),
            None => append(&mut line.open, &piece.text),
        }
    }
    // Without columns: of two or more pieces, the last is the target.
    for line in &mut lines {
        if let Some(open) = line.open.take() {
            match open.rsplit_once(' ') {
                Some((name, target)) if !layout => {
                    line.name = Some(name.to_string());
                    line.target = Some(target.to_string());
                }
                _ => line.open = Some(open),
            }
        }
    }
    lines
}

fn append(slot: &mut Option<String>, text: &str) {
    match slot {
        Some(existing) => {
            existing.push(' ');
            existing.push_str(text);
        }
        None => *slot = Some(text.to_string()),
    }
}

/// How a layout dump's line parts names from targets.
#[derive(Debug, Clone, Copy)]
enum LineSplit {
    /// Pieces left of the column are names, the rest targets.
    At(usize),
    /// Name, target, name, target: rows side by side (PyMuPDF's sorted
    /// lines join rows whose heights differ by a little).
    Alternate,
}

/// Per line of a layout dump, the column that divides names from targets.
///
/// Per sheet, the middle of the widest gap between the columns pieces
/// start at, where that gap is wide enough. Poppler sets each of its text
/// blocks on a scale of its own, so one page's rows may stand at columns
/// of their own (Dompdf, a table going on from the page before: names at
/// 0 and targets at 36 for six rows, then names at 11 and targets at 45,
/// then 25 and 60). Where a line of two pieces, a name and a target, has
/// both on one side of the sheet's split, each line of that sheet is
/// split at the middle of the nearest such two-piece line instead. A line
/// of four or six pieces, none a block marker's, is rows side by side.
fn column_splits(content: &[Piece]) -> Vec<(u32, LineSplit)> {
    // The pieces of each line of each sheet, once.
    let lines: Vec<&[Piece]> = content
        .chunk_by(|a, b| a.line == b.line && a.sheet == b.sheet)
        .collect();
    let mut sheets: Vec<u32> = content.iter().map(|p| p.sheet).collect();
    sheets.sort_unstable();
    sheets.dedup();
    let mut out = Vec::new();
    for sheet in sheets {
        let sheet_lines: Vec<(u32, &[Piece])> = lines
            .iter()
            .filter_map(|l| l.first().filter(|p| p.sheet == sheet).map(|p| (p.line, *l)))
            .collect();
        let Some(split) = widest_gap(sheet_lines.iter().flat_map(|(_, l)| l.iter().map(|p| p.col))) else {
            continue;
        };
        // Lines of exactly two pieces a column gap apart: (line, middle,
        // whether the sheet's split parts them).
        let mut pairs: Vec<(u32, usize, bool)> = sheet_lines
            .iter()
            .filter_map(|&(line, on_line)| match on_line {
                [a, b] if b.col >= a.col + MIN_COLUMN_GAP => {
                    Some((line, a.col.midpoint(b.col), a.col < split && b.col >= split))
                }
                _ => None,
            })
            .collect();
        // A row none of whose lines holds both its cells: its lines of one
        // piece, at two columns, the right one's a target (Dompdf's table
        // going on from the page before: `加强科创研学…` at 0, `≥5(场)` at
        // 35, the page's later rows at 12 and 50).
        for row in sheet_lines.chunk_by(|a, b| b.0 == a.0 + 1) {
            let Some(pieces) = row
                .iter()
                .map(|(_, on_line)| match on_line {
                    [piece] => Some(piece),
                    _ => None,
                })
                .collect::<Option<Vec<&Piece>>>()
            else {
                continue;
            };
            let mut cols: Vec<usize> = pieces.iter().map(|p| p.col).collect();
            cols.sort_unstable();
            cols.dedup();
            let [left, right] = cols[..] else { continue };
            let target_right = pieces.iter().any(|p| p.col == right && looks_like_target(&p.text));
            if right >= left + MIN_COLUMN_GAP && target_right {
                let fits = left < split && right >= split;
                pairs.extend(row.iter().map(|&(line, _)| (line, left.midpoint(right), fits)));
            }
        }
        pairs.sort_unstable_by_key(|&(line, _, _)| line);
        let blockwise = pairs.iter().any(|(_, _, fits)| !fits);
        for &(line, on_line) in &sheet_lines {
            let nearest = pairs
                .iter()
                .min_by_key(|(l, _, _)| (l.abs_diff(line), *l > line))
                .map(|(_, middle, _)| *middle);
            // Four pieces or six, none a block marker's: rows side by side
            // (PyMuPDF's sorted lines join rows a little apart in height).
            let rows_side_by_side = on_line.len() >= 4
                && on_line.len().is_multiple_of(2)
                && !on_line.iter().any(|p| vocab::is_marker_text(&fold_compact(&p.text)));
            let line_split = match nearest {
                Some(middle) if blockwise && on_line.len() <= 2 => LineSplit::At(middle),
                _ if rows_side_by_side => LineSplit::Alternate,
                _ => LineSplit::At(split),
            };
            out.push((line, line_split));
        }
    }
    out
}

/// The middle of the widest gap between the columns given, where that gap
/// is wide enough.
fn widest_gap(cols: impl Iterator<Item = usize>) -> Option<usize> {
    let mut starts: Vec<usize> = cols.collect();
    starts.sort_unstable();
    starts.dedup();
    let (gap, split) = starts
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((b - a, a.midpoint(*b))),
            _ => None,
        })
        .max_by_key(|(gap, _)| *gap)?;
    (gap >= MIN_COLUMN_GAP).then_some(split)
}

/// Groups content lines into table rows (contiguous runs of lines), at the
/// least total cost (see [`row_cost`]).
fn group_rows(lines: &[Line], align: Align, layout: bool, drawing_order: bool) -> Option<(f32, Vec<TableRow>)> {
    group_rows_searched(lines, align, layout, drawing_order, Search::Pruned)
}

/// How [`group_rows`] searches: pruned by a [`Ceiling`], shortest rows
/// first; or every reading, longest rows first (the plain search, which
/// the tests hold the pruned one to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Search {
    Pruned,
    #[cfg(test)]
    Whole,
}

fn group_rows_searched(
    lines: &[Line],
    align: Align,
    layout: bool,
    drawing_order: bool,
    search: Search,
) -> Option<(f32, Vec<TableRow>)> {
    let capacity = capacities(lines);
    let texts: Vec<LineTexts> = lines.iter().map(line_texts).collect();
    let n = lines.len();
    let mut best: Vec<Option<(f32, usize, TableRow)>> = vec![None; n + 1];
    let mut cost_to: Vec<f32> = vec![f32::INFINITY; n + 1];
    if let Some(first) = cost_to.first_mut() {
        *first = 0.0;
    }
    for end in 1..=n {
        // Shortest rows first: they set a low ceiling early (see
        // [`Ceiling`]). Of readings that cost the same, the longest row's is
        // kept (`<=` below), as before the order was turned.
        let lowest = end.saturating_sub(MAX_ROW_LINES);
        for k in 0..end - lowest {
            let start = match search {
                Search::Pruned => end - 1 - k,
                #[cfg(test)]
                Search::Whole => lowest + k,
            };
            let before = cost_to.get(start).copied().unwrap_or(f32::INFINITY);
            if !before.is_finite() {
                continue;
            }
            let Some(group) = lines.get(start..end) else { continue };
            if group.windows(2).any(|w| matches!(w, [a, b] if a.sheet != b.sheet)) {
                continue;
            }
            let Some(group_texts) = texts.get(start..end) else {
                continue;
            };
            // Columns by character position only: a line of pdfplumber's
            // names its cells by guess.
            let goes_on = if layout {
                goes_on_cost(group, lines.get(end), capacity)
            } else {
                0.0
            };
            let ceiling = Ceiling {
                before,
                after: goes_on,
                best: match search {
                    Search::Pruned => cost_to.get(end).copied().unwrap_or(f32::INFINITY),
                    #[cfg(test)]
                    Search::Whole => f32::INFINITY,
                },
            };
            let Some((cost, row)) = row_cost(group, group_texts, capacity, align, drawing_order, ceiling) else {
                continue;
            };
            let total = before + cost + goes_on;
            let best_so_far = cost_to.get(end).copied().unwrap_or(f32::INFINITY);
            let better = match search {
                Search::Pruned => total <= best_so_far,
                #[cfg(test)]
                Search::Whole => total < best_so_far,
            };
            if better {
                if let (Some(slot), Some(best_slot)) = (cost_to.get_mut(end), best.get_mut(end)) {
                    *slot = total;
                    *best_slot = Some((total, start, row));
                }
            }
        }
    }
    let total = cost_to.get(n).copied().filter(|c| c.is_finite())?;
    let mut rows = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start, row) = best.get(end)?.clone()?;
        rows.push(row);
        end = start;
    }
    rows.reverse();
    Some((total, rows))
}

/// Cost of a row whose name (target) cell ends on a full line of its
/// column while the next line holds text in that column alone: most likely
/// the cell goes on (`…家庭照护指导服` / `务的户数` under it, a narrow name
/// column wrapped beside a one-line target).
const CELL_GOES_ON: f32 = 1.0;

fn goes_on_cost(group: &[Line], next: Option<&Line>, capacity: (usize, usize)) -> f32 {
    let Some(next) = next else { return 0.0 };
    let full = |text: Option<&String>, capacity: usize| text.is_some_and(|t| width(t) + 2 > capacity);
    // The next line holds text in that column only (a row's first line
    // has both cells' text, or the other's). A full next line may as well
    // start the next row's wrapped cell; a short one ends a cell, and
    // nothing else ends this one.
    let same_sheet = group.last().is_none_or(|l| l.sheet == next.sheet);
    let goes_on = |cell: fn(&Line) -> Option<&String>, other: fn(&Line) -> Option<&String>, capacity: usize| {
        let last = group.iter().rev().find_map(cell);
        same_sheet
            && other(next).is_none()
            && cell(next).is_some()
            && full(last, capacity)
            && !full(cell(next), capacity)
    };
    fn name(l: &Line) -> Option<&String> {
        l.name.as_ref()
    }
    fn target(l: &Line) -> Option<&String> {
        l.target.as_ref()
    }
    [goes_on(name, target, capacity.0), goes_on(target, name, capacity.1)]
        .iter()
        .filter(|g| **g)
        .count() as f32
        * CELL_GOES_ON
}

/// The widest name and target line whose column is known.
fn capacities(lines: &[Line]) -> (usize, usize) {
    let widest = |f: fn(&Line) -> Option<&String>| lines.iter().filter_map(f).map(|t| width(t)).max().unwrap_or(0);
    (widest(|l| l.name.as_ref()), widest(|l| l.target.as_ref()))
}

/// What a row's reading must cost less than to be of use: the best
/// reading so far of the lines up to the row's end, less what comes
/// before and after the row (see [`group_rows`]). Every part of a row's
/// cost is at least zero, so a reading whose cost so far reaches the
/// ceiling is given up before its dearer parts are worked out; the
/// reading chosen is the same.
#[derive(Clone, Copy)]
struct Ceiling {
    before: f32,
    after: f32,
    best: f32,
}

impl Ceiling {
    /// True when a row of `cost` (or more) neither beats nor ties the best
    /// reading of its lines, summed in the order [`group_rows`] sums it,
    /// or does not beat the best reading of its own group so far.
    fn reached(&self, cost: f32, best_row: Option<&(f32, TableRow)>) -> bool {
        self.before + cost + self.after > self.best || best_row.is_some_and(|(c, _)| cost >= *c)
    }
}

/// One text of a line (its name, target or open piece) with what
/// [`row_cost`] asks of it, worked out once per line: the cost search reads
/// each line in every candidate row and every assignment of its open
/// lines (pdfplumber's dump of the seed: millions of readings), and
/// measuring the text each time was most of a dump's conversion time.
#[derive(Clone, Copy)]
struct CellText<'a> {
    pos: u32,
    text: &'a str,
    /// Display width ([`width`]).
    width: usize,
    /// Led by a comparison (`≥13.00(场)`).
    operator: bool,
    /// Shaped like a numeric target ([`looks_like_target`]).
    target_shaped: bool,
    /// How much shorter than its column the line before it may end: a run
    /// of Latin letters or digits that moved whole onto this line, plus 2
    /// where a full-width closing mark leads it (see [`wrap_penalty`]).
    slack_before: usize,
    /// [`bracket_depths`] of this text alone.
    depths: (i32, i32),
    /// Holds a sentence's punctuation (`，`, `。`, `；`).
    sentence: bool,
}

impl<'a> CellText<'a> {
    fn new(pos: u32, text: &'a str) -> Self {
        let moved = text.chars().take_while(char::is_ascii_alphanumeric).count();
        // A full-width closing mark may not start a line: it pulls the
        // character before it down too (`及时发` / `布、更新` in a
        // four-ideograph column). Not an ASCII one: `个案咨询人次` is no
        // full line before `次)`, the wrapped `≥300(人次)`'s.
        let pulled = if text
            .chars()
            .take(2)
            .any(|c| !c.is_ascii() && jixiao_model::normalize::is_closing_punct(c))
        {
            2
        } else {
            0
        };
        CellText {
            pos,
            text,
            width: width(text),
            operator: starts_with_operator(text),
            target_shaped: looks_like_target(text),
            slack_before: moved + pulled,
            depths: bracket_depths(std::iter::once(text)),
            sentence: text.contains(['，', '。', '；']),
        }
    }
}

/// A line's texts as [`CellText`]s: name, target, open.
type LineTexts<'a> = [Option<CellText<'a>>; 3];

fn line_texts(line: &Line) -> LineTexts<'_> {
    let pos = line.pos;
    [&line.name, &line.target, &line.open].map(|t| t.as_deref().map(|t| CellText::new(pos, t)))
}

/// The cost of reading `group` as one table row, and the row, at the best
/// choice of column for its open lines: how far the name and target cells'
/// middles are apart (both are centred in their row), plus penalties for
/// a wrapped cell's line that is not full (it would have ended the cell),
/// a target-shaped piece read as a name, and a sentence read as a name.
/// `texts` are the group's lines' texts ([`line_texts`]).
/// `None` when no choice gives both cells text.
fn row_cost(
    group: &[Line],
    texts: &[LineTexts],
    capacity: (usize, usize),
    align: Align,
    drawing_order: bool,
    ceiling: Ceiling,
) -> Option<(f32, TableRow)> {
    let open: Vec<usize> = (0..group.len())
        .filter(|&i| texts.get(i).is_some_and(|[_, _, open]| open.is_some()))
        .collect();
    let extra_lines = group.len().saturating_sub(1) as f32;
    if open.len() > MAX_OPEN_RUN || ceiling.reached(LINE_COST * extra_lines, None) {
        return None;
    }
    let mut best: Option<(f32, TableRow)> = None;
    let mut name: Vec<CellText> = Vec::with_capacity(group.len());
    let mut target: Vec<CellText> = Vec::with_capacity(group.len());
    for mask in open_masks(open.len()) {
        name.clear();
        target.clear();
        let mut penalty = 0.0f32;
        let mut bit = 0;
        for [line_name, line_target, line_open] in texts.iter().take(group.len()) {
            name.extend(line_name);
            target.extend(line_target);
            if let Some(t) = line_open {
                if mask & (1 << bit) == 0 {
                    // `时)` closes the target's `≥120000(小`: its last line.
                    let closes_target = t.depths.0 < 0 && target.iter().map(|t| t.depths.1).sum::<i32>() > 0;
                    name.push(*t);
                    if t.target_shaped || closes_target {
                        penalty += 2.0;
                    }
                    if t.sentence {
                        penalty += 0.25;
                    }
                } else {
                    target.push(*t);
                }
                bit += 1;
            }
        }
        let (Some(n0), Some(n1), Some(t0), Some(t1), Some(top), Some(bottom)) = (
            name.first().map(|t| t.pos),
            name.last().map(|t| t.pos),
            target.first().map(|t| t.pos),
            target.last().map(|t| t.pos),
            group.first(),
            group.last(),
        ) else {
            continue;
        };
        let anchor = |a: u32, b: u32| align.anchor(a as f32, b as f32);
        // Cells set at the top of their row, drawn left to right (`pdftotext
        // -raw` of PDFKit: a wrapped name's two lines, then the target drawn
        // on the first line's baseline): the target's first line is the
        // row's first, whatever line the dump gave it. Only a one-line
        // target of a target's shape (`≥13.00(场)`): a line of a wrapped
        // target may follow a name's last line in a dump by position
        // (pdfplumber of MuPDF: `团体心理治疗 开展至少` / `1次团体` / `心理治疗`).
        // And only after a name of several lines: a one-line name's target
        // on its baseline shares its line in the dump.
        let target_after_name = n1 < t0 && name.len() > 1 && matches!(target.as_slice(), [t] if t.target_shaped);
        let anchors_apart = if drawing_order && align == Align::Top && target_after_name {
            0.0
        } else {
            (anchor(n0, n1) - anchor(t0, t1)).abs()
        };
        // Each line more in a row costs a little: of two readings that fit
        // equally, the one with more, shorter rows (a row's cells do not
        // wrap together without a reason).
        // A target led by its operator (`≥13.00(场)`) is a cell of its
        // own: sentence lines wrapped around it are the name's.
        // Unless the column is narrow and the target itself wraps: its first
        // line full (`≥300(人` / `次)`).
        // Its other lines are no wider than its first, as a wrapped cell's
        // (`次)` under `≥300(人`; not a name's sentence lines beside it).
        let wraps_itself = target.first().is_some_and(|first| {
            first.operator && first.width + 2 >= capacity.1 && target.iter().skip(1).all(|t| t.width <= first.width)
        }) && !target.iter().skip(1).any(|t| t.operator);
        if target.len() > 1 && target.iter().any(|t| t.operator) && !wraps_itself {
            penalty += OPERATOR_TARGET_WRAPPED;
        }
        // Of two readings alike in all else (a one-line cell centred on a
        // two-line one, neither shaped like a target, pdfplumber's lines
        // giving no columns), the wrapped cell is the target: names are
        // short, descriptive targets long.
        if !open.is_empty() && name.len() > target.len() && !target.iter().any(|t| t.target_shaped) {
            penalty += TIE_WRAPPED_NAME;
        }
        if ceiling.reached(anchors_apart + penalty + LINE_COST * extra_lines, best.as_ref()) {
            continue;
        }
        // Two cells that start on one line share their lines' baselines:
        // neither skips a line the other holds alone (MuPDF's narrow
        // target `吸引来自国` / `内外的、生` / `物医药产业`, its name one line
        // beside the first).
        // A line between that holds neither (a label's own line, taken
        // off) is no line skipped.
        if n0 == t0 {
            let skips = |lines: &[CellText], other: &[CellText]| {
                lines
                    .windows(2)
                    .filter(|w| matches!(w, [a, b] if other.iter().any(|o| a.pos < o.pos && o.pos < b.pos)))
                    .count()
            };
            penalty += SKIPPED_SHARED_LINE * (skips(&name, &target) + skips(&target, &name)) as f32;
        }
        penalty += OVERWIDE_LINE * (overwide_lines(&name) + overwide_lines(&target)) as f32;
        let mut cost = anchors_apart + penalty + LINE_COST * extra_lines;
        if ceiling.reached(cost, best.as_ref()) {
            continue;
        }
        cost += wrap_penalty(&name, capacity.0) + wrap_penalty(&target, capacity.1);
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            let row = TableRow {
                first: top.line,
                last: bottom.line,
                sheet: top.sheet,
                top: top.line as f32,
                bottom: bottom.line as f32,
                name: name.iter().map(|t| t.text.to_string()).collect(),
                target: target.iter().map(|t| t.text.to_string()).collect(),
            };
            best = Some((cost, row));
        }
    }
    best
}

/// How deep the text's brackets go: the lowest depth it reaches (below
/// zero where it closes a bracket it did not open: `时)`) and the depth it
/// ends at (above zero where it leaves one open: `≥120000(小`).
fn bracket_depths<'a>(lines: impl Iterator<Item = &'a str>) -> (i32, i32) {
    let (mut lowest, mut depth) = (0i32, 0i32);
    for c in lines.flat_map(str::chars) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        lowest = lowest.min(depth);
    }
    (lowest, depth)
}

/// A cell's lines other than its last must be full: about as wide as the
/// widest line of the column (less a run of Latin letters or digits that
/// moved whole to the next line, or a character a closing mark pulled
/// down: [`CellText::slack_before`]); and its lines follow one another.
fn wrap_penalty(lines: &[CellText], capacity: usize) -> f32 {
    let mut penalty = 0.0;
    for pair in lines.windows(2) {
        let [line, next] = pair else {
            continue;
        };
        if line.width + 2 + next.slack_before < capacity {
            penalty += 2.0;
        }
        if next.pos.saturating_sub(line.pos) > 2 {
            penalty += 1.0;
        }
    }
    penalty
}

/// A long name run into its target with one space (poppler squeezes a
/// wide name column: `…培养对生物科学的兴趣，掌 ≥13.00(场)`): a last word
/// led by a comparison is the target's cell.
fn split_off_squeezed_target((col, text): (usize, String)) -> Vec<(usize, String)> {
    let Some((head, tail)) = text.rsplit_once(' ') else {
        return vec![(col, text)];
    };
    let head_ends_in_text = head
        .chars()
        .last()
        .is_some_and(|c| !starts_with_operator(&c.to_string()) && !c.is_ascii_punctuation());
    if !starts_with_operator(tail) || !head_ends_in_text || head.chars().count() < 2 {
        return vec![(col, text)];
    }
    let tail_col = col + head.chars().count() + 1;
    vec![(col, head.to_string()), (tail_col, tail.to_string())]
}

/// Cost of each line a cell skips when its row's two cells start on one
/// line (see [`row_cost`]).
const SKIPPED_SHARED_LINE: f32 = 1.0;

/// Cost of a cell's line wider than its column, as its other full lines
/// show it (see [`overwide_lines`]).
const OVERWIDE_LINE: f32 = 2.0;

/// Fewest other full lines of a cell that show its column's width.
const MIN_FULL_LINES: usize = 2;

/// Lines of a cell wider (beyond a proportional digit's slack) than every
/// other line it wrapped at, where at least [`MIN_FULL_LINES`] others
/// show the column's width: no line of that cell. pdfplumber keeps no
/// columns, and a one-line name (`拓展平台服务领域，促进资源集聚`, 15
/// ideographs) centred among a target's 13-ideograph lines would
/// otherwise pass for one of them.
fn overwide_lines(lines: &[CellText]) -> usize {
    // Called for every reading of every candidate row: the two widest
    // wrapped lines stand for "every other" without a list per line.
    let Some((_, wrapped)) = lines.split_last() else {
        return 0;
    };
    let (mut widest, mut second) = ((0usize, usize::MAX), 0usize);
    for (k, t) in wrapped.iter().enumerate() {
        let w = t.width;
        if w > widest.0 {
            second = widest.0;
            widest = (w, k);
        } else if w > second {
            second = w;
        }
    }
    lines
        .iter()
        .enumerate()
        .filter(|&(k, t)| {
            let is_wrapped = k < wrapped.len();
            let others = wrapped.len() - usize::from(is_wrapped);
            let column = if is_wrapped && k == widest.1 { second } else { widest.0 };
            others >= MIN_FULL_LINES && t.width > column + 2
        })
        .count()
}

/// What a reading that wraps the name more than the target costs: a
/// tie-break only, below any other cost.
const TIE_WRAPPED_NAME: f32 = 0.001;

/// Cost of a target cell of several lines one of which starts with a
/// comparison (`≥13.00(场)` read with the name's wrapped lines around it).
const OPERATOR_TARGET_WRAPPED: f32 = 2.0;

pub(crate) fn starts_with_operator(text: &str) -> bool {
    text.starts_with(['≥', '≤', '＞', '＜', '>', '<', '='])
}

/// A piece shaped like a numeric target (`≥2.00(次)`, `90%`, `=365(天)`).
pub(crate) fn looks_like_target(text: &str) -> bool {
    starts_with_operator(text) || jixiao_model::normalize::is_numeric_target(text)
}

/// pdfplumber gives every baseline a line, so a label between two rows
/// adds a line that is not a row's height: there, heights are counted in
/// content lines, a label line standing between its neighbours.
fn content_position(line: f32, lines: &[Line]) -> f32 {
    let index = lines.partition_point(|l| (l.line as f32) < line);
    match lines.get(index) {
        Some(l) if l.line as f32 == line => index as f32,
        _ if index == 0 => -0.5,
        _ => index as f32 - 0.5,
    }
}

fn on_content_scale(labels: Vec<Label>, lines: &[Line]) -> Vec<Label> {
    labels
        .into_iter()
        .map(|mut l| {
            l.at = content_position(l.at, lines);
            l.lines = l
                .lines
                .map(|(first, last)| (content_position(first, lines), content_position(last, lines)));
            l
        })
        .collect()
}

/// Rows measured in content lines (see [`content_position`]); `loc`
/// keeps the dump's line.
fn rows_on_content_scale(rows: Vec<TableRow>, lines: &[Line]) -> Vec<TableRow> {
    rows.into_iter()
        .map(|mut r| {
            r.top = content_position(r.first as f32, lines);
            r.bottom = content_position(r.last as f32, lines);
            r
        })
        .collect()
}

/// The rows with their labels: each level's labels take the run of rows
/// they are centred on; a label goes on the first row of its run.
fn emit(
    rows: &[TableRow],
    labels: &[Label],
    layout: bool,
    align: LabelAlign,
    drawing_order: bool,
) -> Option<(Vec<Row>, f32, usize)> {
    let level2: Vec<&Label> = labels.iter().filter(|l| l.level == LabelLevel::Two).collect();
    let level1: Vec<&Label> = labels.iter().filter(|l| l.level == LabelLevel::One).collect();
    let all_cuts: Vec<usize> = (1..rows.len()).collect();
    let misfits = Misfits::of(rows, &level2);
    let (cost2, cuts2) = partition(rows, &level2, &all_cuts, layout, &[], Some(&misfits), align)?;
    let allowed: Vec<usize> = if level2.is_empty() { all_cuts } else { cuts2.clone() };
    // The 一级 label each row's 二级 label belongs to, where the vocabulary
    // says: a 一级 run must not take rows of another family (Chromium
    // prints `产出指标` at the top of the page its rows start on, far from
    // their middle).
    let families: Vec<Option<&'static str>> = (0..rows.len())
        .map(|i| {
            let run = cuts2.iter().filter(|&&c| c <= i).count();
            level2.get(run).and_then(|l| vocab::family(&l.text))
        })
        .collect();
    let (cost1, cuts1) = partition(rows, &level1, &allowed, layout, &families, None, align)?;
    let joint = if drawing_order {
        None
    } else {
        joint_cuts(rows, &level2, &level1, layout, &misfits, align)
    };
    let (cost2, cuts2, cost1, cuts1) = match joint {
        Some(joint) if joint.cost + JOINT_MARGIN < joint.cost_of(&cuts2, &cuts1) => {
            (joint.cost2, joint.cuts2, joint.cost1, joint.cuts1)
        }
        _ => (cost2, cuts2, cost1, cuts1),
    };
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        for (labels, cuts) in [(&level1, &cuts1), (&level2, &cuts2)] {
            let starts = std::iter::once(0).chain(cuts.iter().copied());
            if let Some(k) = starts.clone().position(|s| s == i) {
                if let Some(label) = labels.get(k) {
                    cells.push(label.text.clone());
                }
            }
        }
        cells.push(row.name.join("\n"));
        cells.push(row.target.join("\n"));
        out.push(ruled_row(Location::Line(row.first), cells, 0));
    }
    // Labels over more than one row: only they tell an alignment.
    let spanning = [(&level1, &cuts1), (&level2, &cuts2)]
        .iter()
        .map(|(labels, cuts)| {
            let starts: Vec<usize> = std::iter::once(0).chain(cuts.iter().copied()).collect();
            let ends: Vec<usize> = cuts.iter().copied().chain(std::iter::once(rows.len())).collect();
            if labels.is_empty() {
                0
            } else {
                starts.iter().zip(&ends).filter(|(s, e)| **e > **s + 1).count()
            }
        })
        .sum();
    Some((out, cost1 + cost2, spanning))
}

/// Weight of a 一级 label's distance from its run's middle beside the 二级
/// labels' when both levels cut the rows together ([`joint_cuts`]): a
/// tenth, so that it breaks ties among 二级 cuttings and overrides none
/// (at 1.0, over the committed dumps, 10 went up and 12 down).
const JOINT_LEVEL1_WEIGHT: f32 = 0.1;
/// Most a 一级 label's distance counts in [`joint_cuts`], in lines: a
/// 一级 label far from every cutting (Chromium prints `产出指标` at the
/// top of the page its rows start on) moves no 二级 run.
const JOINT_LEVEL1_CAP: f32 = 1.0;
/// How much cheaper the joint cutting must be to replace the one made a
/// level at a time (float sums of equal cuttings differ in their last
/// bits).
const JOINT_MARGIN: f32 = 1e-3;
/// Most steps of the joint search (labels × rows³): a 150-row table of
/// six 二级 labels is 20 million, a few tens of milliseconds; a dump of
/// many more labels or rows keeps the cutting a level at a time.
const MAX_JOINT_STEPS: usize = 30_000_000;

/// The 二级 and 一级 cuttings chosen together, with their costs.
struct JointCuts {
    /// The joint measure: 二级 costs plus weighted, capped 一级 ones.
    cost: f32,
    cost2: f32,
    cuts2: Vec<usize>,
    cost1: f32,
    cuts1: Vec<usize>,
    /// Per label and run, for [`JointCuts::cost_of`].
    table2: Vec<Vec<Vec<f32>>>,
    table1: Vec<Vec<Vec<f32>>>,
}

impl JointCuts {
    /// The joint measure of other cuttings.
    fn cost_of(&self, cuts2: &[usize], cuts1: &[usize]) -> f32 {
        let (c2, _) = runs_cost(&self.table2, cuts2, 1.0, f32::INFINITY);
        let (c1, _) = runs_cost(&self.table1, cuts1, JOINT_LEVEL1_WEIGHT, JOINT_LEVEL1_CAP);
        c2 + c1
    }
}

/// The weighted, capped sum of the runs' costs that `cuts` make (and
/// the plain sum).
fn runs_cost(table: &[Vec<Vec<f32>>], cuts: &[usize], weight: f32, cap: f32) -> (f32, f32) {
    let n = table.first().map_or(0, |t| t.len().saturating_sub(1));
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(n));
    starts
        .zip(ends)
        .enumerate()
        .fold((0.0, 0.0), |(weighted, plain), (j, (s, e))| {
            let c = table_cost(table, j, s, e);
            (weighted + weight * c.min(cap), plain + c)
        })
}

/// Label `j`'s cost of the run `start..end` in a [`RunCosts::table`].
fn table_cost(table: &[Vec<Vec<f32>>], j: usize, start: usize, end: usize) -> f32 {
    table
        .get(j)
        .and_then(|t| t.get(start))
        .and_then(|t| t.get(end))
        .copied()
        .unwrap_or(f32::INFINITY)
}

/// Both levels' labels cut the rows together: each 一级 label's run is
/// the runs of its family's 二级 labels, and its distance from their
/// middle counts beside theirs. A level at a time, ties among the 二级
/// cuttings (labels centred on an even number of lines, printed on the
/// upper) went to what the rows measure, while the 一级 labels told them
/// apart (`pdftotext -layout` of the seed: 质量指标 fits rows 4–7 and
/// 4–8 alike, 效益指标 only a run from row 12). `None` where the 二级
/// labels' families do not give the 一级 labels in order.
fn joint_cuts(
    rows: &[TableRow],
    level2: &[&Label],
    level1: &[&Label],
    layout: bool,
    misfits: &Misfits,
    align: LabelAlign,
) -> Option<JointCuts> {
    let n = rows.len();
    // A table over a page break has its 一级 labels set by each
    // producer's rule for split runs, less sure than its 二级 labels.
    let one_page = rows.first().map(|r| r.sheet) == rows.last().map(|r| r.sheet);
    let steps = level2.len().saturating_mul(n.saturating_pow(3));
    if level1.is_empty() || level2.is_empty() || steps > MAX_JOINT_STEPS || !one_page {
        return None;
    }
    // The 一级 group of each 二级 label, in order.
    let families: Vec<&str> = level2.iter().map(|l| vocab::family(&l.text)).collect::<Option<_>>()?;
    let mut group_of = Vec::with_capacity(families.len());
    let mut groups: Vec<&str> = Vec::new();
    for family in &families {
        if groups.last() != Some(family) {
            groups.push(family);
        }
        group_of.push(groups.len() - 1);
    }
    let level1_folded: Vec<String> = level1.iter().map(|l| fold_compact(&l.text).into_owned()).collect();
    if groups.len() != level1.len() || groups.iter().zip(&level1_folded).any(|(g, l)| g != l) {
        return None;
    }
    let table2 = RunCosts::new(rows, level2, layout, &[], Some(misfits), align).table();
    let table1 = RunCosts::new(rows, level1, layout, &[], None, align).table();
    let cost = table_cost;
    let one = |g: usize, s: usize, e: usize| JOINT_LEVEL1_WEIGHT * cost(&table1, g, s, e).min(JOINT_LEVEL1_CAP);
    // best[j][e][s]: labels 0..=j placed, label j's run ending at row e,
    // its group's run starting at row s; from[j][e][s]: (label j's run
    // start, the previous group's start).
    let m = level2.len();
    let mut best = vec![vec![vec![f32::INFINITY; n + 1]; n + 1]; m];
    let mut from = vec![vec![vec![(0usize, 0usize); n + 1]; n + 1]; m];
    for e in 1..=n {
        if let Some(cell) = best.first_mut().and_then(|b| b.get_mut(e)).and_then(|b| b.get_mut(0)) {
            *cell = cost(&table2, 0, 0, e);
        }
    }
    for j in 1..m {
        let same_group = group_of.get(j) == group_of.get(j - 1);
        let previous_group = *group_of.get(j - 1)?;
        for e in 1..n {
            for s in 0..e {
                let here = *best.get(j - 1)?.get(e)?.get(s)?;
                if !here.is_finite() {
                    continue;
                }
                let (group_start, closing) = if same_group {
                    (s, here)
                } else {
                    (e, here + one(previous_group, s, e))
                };
                for e2 in e + 1..=n {
                    let total = closing + cost(&table2, j, e, e2);
                    let cell = best.get_mut(j)?.get_mut(e2)?.get_mut(group_start)?;
                    if total < *cell {
                        *cell = total;
                        *from.get_mut(j)?.get_mut(e2)?.get_mut(group_start)? = (e, s);
                    }
                }
            }
        }
    }
    let last_group = *group_of.last()?;
    let (mut s, total) = (0..n)
        .map(|s| {
            (
                s,
                best.get(m - 1)
                    .and_then(|b| b.get(n))
                    .and_then(|b| b.get(s))
                    .copied()
                    .unwrap_or(f32::INFINITY)
                    + one(last_group, s, n),
            )
        })
        .filter(|(_, c)| c.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    // Back from the end: each label's run start, each group's start.
    let mut cuts2 = Vec::with_capacity(m);
    let mut e = n;
    for j in (1..m).rev() {
        let (start, previous_start) = *from.get(j)?.get(e)?.get(s)?;
        cuts2.push(start);
        e = start;
        s = previous_start;
    }
    cuts2.reverse();
    let cuts1: Vec<usize> = (1..m)
        .filter(|&j| group_of.get(j) != group_of.get(j - 1))
        .filter_map(|j| cuts2.get(j - 1).copied())
        .collect();
    let (_, cost2) = runs_cost(&table2, &cuts2, 1.0, f32::INFINITY);
    let (_, cost1) = runs_cost(&table1, &cuts1, 1.0, f32::INFINITY);
    Some(JointCuts {
        cost: total,
        cost2,
        cuts2,
        cost1,
        cuts1,
        table2,
        table1,
    })
}

/// Where a label stands for `align`: a label of several lines is set by
/// its first (last) line at the top (bottom) of its run, by its middle
/// else.
fn label_line(label: &Label, align: Align) -> f32 {
    match (align, label.lines) {
        (Align::Top, Some((first, _))) => first,
        (Align::Bottom, Some((_, last))) => last,
        _ => label.at,
    }
}

/// Lines a label may stand above the top of its run when labels are read
/// at the top: the line before the run's first row.
const LABEL_LINE_ABOVE: f32 = 1.0;

/// How badly each row fits under each 二级 label by what it measures
/// ([`crate::shapes::misfit`]), summed from the first row: a run's misfit
/// is a difference, read for every run a cutting tries. What a row shows
/// is worked out once, a label's measures once.
struct Misfits(Vec<Vec<f32>>);

impl Misfits {
    fn of(rows: &[TableRow], labels: &[&Label]) -> Misfits {
        let shown: Vec<crate::shapes::Shows> = rows
            .iter()
            .map(|r| crate::shapes::shows(&r.name.concat(), &r.target.concat()))
            .collect();
        Misfits(
            labels
                .iter()
                .map(|label| {
                    let measures = crate::shapes::label_measures(&label.text);
                    let mut sums = Vec::with_capacity(shown.len() + 1);
                    let mut sum = 0.0;
                    sums.push(sum);
                    for shows in &shown {
                        sum += measures.map_or(0.0, |m| crate::shapes::misfit(shows, m));
                        sums.push(sum);
                    }
                    sums
                })
                .collect(),
        )
    }

    /// Label `label`'s misfit over rows `start..end`.
    fn run(&self, label: usize, start: usize, end: usize) -> f32 {
        let sums = self.0.get(label);
        let at = |i: usize| sums.and_then(|s| s.get(i)).copied().unwrap_or(0.0);
        at(end) - at(start)
    }
}

/// Cuts the rows into one run per label (in order), each label as near
/// where `align` sets it in its run as possible, cutting only at `allowed`
/// indices: returns the cost and the index of the first row of every run
/// after the first.
fn partition(
    rows: &[TableRow],
    labels: &[&Label],
    allowed: &[usize],
    layout: bool,
    families: &[Option<&str>],
    misfits: Option<&Misfits>,
    align: LabelAlign,
) -> Option<(f32, Vec<usize>)> {
    let runs = RunCosts::new(rows, labels, layout, families, misfits, align);
    cheapest_runs(rows.len(), labels.len(), allowed, |j, start, end, before| {
        runs.add(j, start, end, before)
    })
}

/// What it costs that label `j` of `labels` takes the run of rows
/// `start..end`: how far the label stands from where `align` sets it in
/// the run, and the tie-breaks.
struct RunCosts<'r> {
    rows: &'r [TableRow],
    labels: &'r [&'r Label],
    layout: bool,
    families: &'r [Option<&'r str>],
    misfits: Option<&'r Misfits>,
    align: LabelAlign,
    /// Per label, whether it stands on a line of its own, on no row's.
    own_line: Vec<bool>,
}

impl<'r> RunCosts<'r> {
    fn new(
        rows: &'r [TableRow],
        labels: &'r [&'r Label],
        layout: bool,
        families: &'r [Option<&'r str>],
        misfits: Option<&'r Misfits>,
        align: LabelAlign,
    ) -> RunCosts<'r> {
        // A row-major dump (pypdf of WeasyPrint) prints a label at the top of
        // its run on a line of its own before the run's first row.
        let own_line = labels
            .iter()
            .map(|label| {
                let at = label_line(label, align.at);
                !rows.iter().any(|r| r.top <= at && at <= r.bottom)
            })
            .collect();
        RunCosts {
            rows,
            labels,
            layout,
            families,
            misfits,
            align,
            own_line,
        }
    }

    /// `before` plus the cost of the run (added here, so that sums round
    /// as [`cheapest_runs`] writes them); `None` where it may not be.
    fn add(&self, j: usize, start: usize, end: usize, before: f32) -> Option<f32> {
        let (rows, align) = (self.rows, self.align);
        let m = self.labels.len();
        let label = self.labels.get(j)?;
        let top = rows.get(start)?.top;
        let bottom = rows.get(end.checked_sub(1)?)?.bottom;
        let centre = align.at.anchor(top, bottom);
        // `pdftotext -layout` puts a label centred between two lines
        // on the upper one: the run's middle is on the label's line
        // or up to half a line below. pdfplumber gives such a label
        // a line of its own (or the nearer line): no slack.
        let slack = if self.layout {
            LABEL_ROUNDING
        } else if align.at == Align::Top && self.own_line.get(j).copied().unwrap_or(false) {
            LABEL_LINE_ABOVE
        } else {
            0.0
        };
        let at = label_line(label, align.at);
        let miss_at = |centre: f32| {
            let off = centre - at;
            if off < 0.0 {
                -off
            } else {
                (off - slack).max(0.0)
            }
        };
        // A run over a page break stands where the producer sets it (see
        // [`SplitRun`]).
        let first_sheet = rows.get(start)?.sheet;
        let split = rows.get(end - 1)?.sheet != first_sheet;
        // A label of a one-row run of two lines stands on either: the
        // row's one-line cells and the label are centred alike between
        // them, and a dump sets them on one of the two (pdfplumber:
        // `绩效 时效指标 补贴资金发放及时性 到位`, the target's first line
        // above).
        let one_row_label = end - start == 1 && bottom - top <= 1.0 && top <= label.at && label.at <= bottom;
        let miss = match align.split {
            _ if one_row_label => 0.0,
            SplitRun::Top if split => miss_at(top),
            SplitRun::FirstPart if split => {
                let part = rows.get(start..end)?.iter().take_while(|r| r.sheet == first_sheet);
                let part_bottom = part.last().map_or(top, |r| r.bottom);
                miss_at(align.at.anchor(top, part_bottom))
            }
            _ => miss_at(centre),
        };
        // Where that leaves a choice, the earlier label takes the
        // longer run; but a run's rows on the next page, which its label
        // set on the first page's part does not measure, go to the next
        // label where they may.
        let rows_taken = match align.split {
            SplitRun::FirstPart if split => rows
                .get(start..end)?
                .iter()
                .take_while(|r| r.sheet == first_sheet)
                .count() as f32,
            _ => (end - start) as f32,
        };
        let folded = fold_compact(&label.text);
        let strangers = self
            .families
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .filter(|f| f.is_some_and(|f| f != folded))
            .count();
        let misfit = self.misfits.map_or(0.0, |m| m.run(j, start, end));
        Some(
            before + miss + MEASURE_TIE_BREAK * misfit + FAMILY_PENALTY * strangers as f32
                - TIE_BREAK * rows_taken * (m - j) as f32,
        )
    }

    /// The cost of every run `start..end` of every label, `INFINITY`
    /// where one may not be: `[label][start][end]`.
    fn table(&self) -> Vec<Vec<Vec<f32>>> {
        let n = self.rows.len();
        (0..self.labels.len())
            .map(|j| {
                (0..=n)
                    .map(|start| {
                        (0..=n)
                            .map(|end| {
                                (end > start)
                                    .then(|| self.add(j, start, end, 0.0))
                                    .flatten()
                                    .unwrap_or(f32::INFINITY)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }
}

/// Cuts rows `0..n` into `runs` runs in order, cutting only at `allowed`
/// indices, at the least total cost: `add_run(run, start, end, before)` is
/// the cost `before` the run plus that of the run being `start..end`
/// (`None`: it may not be; the caller adds, so that its sums round as it
/// writes them). Returns the total and the index of the first row of every
/// run after the first; `None` when no cutting is possible. Of cuttings
/// that cost alike, each run is taken from the earliest start that reaches
/// its end.
pub(crate) fn cheapest_runs(
    n: usize,
    runs: usize,
    allowed: &[usize],
    add_run: impl Fn(usize, usize, usize, f32) -> Option<f32>,
) -> Option<(f32, Vec<usize>)> {
    if runs == 0 {
        return Some((0.0, Vec::new()));
    }
    // Run boundaries: 0, the allowed cuts, n.
    let mut bounds = vec![0];
    bounds.extend(allowed.iter().copied().filter(|&c| c > 0 && c < n));
    bounds.push(n);
    let b = bounds.len();
    if runs > b - 1 {
        return None;
    }
    // cost[j][k]: runs 0..j made, the last ending at bounds[k].
    let mut cost = vec![vec![f32::INFINITY; b]; runs + 1];
    let mut from = vec![vec![0usize; b]; runs + 1];
    *cost.get_mut(0)?.get_mut(0)? = 0.0;
    for j in 1..=runs {
        for k in 1..b {
            for s in 0..k {
                let before = *cost.get(j - 1)?.get(s)?;
                if !before.is_finite() {
                    continue;
                }
                let Some(c) = add_run(j - 1, *bounds.get(s)?, *bounds.get(k)?, before) else {
                    continue;
                };
                if c < *cost.get(j)?.get(k)? {
                    *cost.get_mut(j)?.get_mut(k)? = c;
                    *from.get_mut(j)?.get_mut(k)? = s;
                }
            }
        }
    }
    let total = cost.get(runs)?.get(b - 1).copied().filter(|c| c.is_finite())?;
    let mut cuts = Vec::new();
    let mut k = b - 1;
    for j in (1..=runs).rev() {
        let s = *from.get(j)?.get(k)?;
        if j > 1 {
            cuts.push(*bounds.get(s)?);
        }
        k = s;
    }
    cuts.reverse();
    Some((total, cuts))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of a dump after regridding, as `cells joined by " | "`.
    fn regridded(text: &str) -> Vec<String> {
        regrid(jixiao_layout::text::rows(text))
            .rows
            .into_iter()
            .map(|r| r.cells.join(" | ").replace('\n', "/"))
            .collect()
    }

    /// The first row that holds `name`, or an empty one.
    fn row_with(rows: &[String], name: &str) -> String {
        rows.iter().find(|r| r.contains(name)).cloned().unwrap_or_default()
    }

    // Typst and FOP set the label of a run cut by a page break in the
    // middle of the run's part on the first page (`质量指标` between 完整1
    // and 完整2; 完整3… on the next page): the run starts at 完整1, not at
    // 巡访18, as centring it on the whole run would have it.
    #[test]
    fn a_label_centred_on_its_runs_first_page_part() {
        let rows = regridded(include_str!("../tests/data/label-on-its-first-page-part.txt"));
        let row_of = |name: &str| row_with(&rows, name);
        assert_eq!(row_of("巡访18"), "巡访18 | ≥72(次)");
        assert_eq!(row_of("完整1"), "质量指标 | 完整1 | ≥95%");
        assert_eq!(row_of("完整3"), "完整3 | ≥95%");
        assert_eq!(
            row_of("年度巡访"),
            "时效指标 | 年度巡访任务完成时间 | 2026 年 12 月 15 日前"
        );
    }

    // `pdftotext -layout` of the seed's third form (Chromium): 质量指标
    // fits rows 4–7 and 4–8 alike, 时效指标 rows 8–11 and 9–10, and the
    // rows' measures (row 8 a rate) chose the second of each; 效益指标,
    // centred on rows 12–19 only, tells the first.
    #[test]
    fn level1_labels_break_level2_ties() {
        let rows = regridded(include_str!("../tests/data/level1-labels-break-level2-ties.txt"));
        let row_of = |name: &str| row_with(&rows, name);
        assert_eq!(row_of("总阅读量"), "总阅读量 | ≥80000.00(人次)");
        assert_eq!(
            row_of("基础数据当月采集"),
            "时效指标 | 基础数据当月采集、当月分析同步率 | >70.00(%)"
        );
        assert_eq!(row_of("期刊出版频率"), "期刊出版频率 | =1.00(月)");
        assert_eq!(
            row_of("促进社会面"),
            "效益指标 | 社会效益指标 | 促进社会面专家达成共识 | >65.00(%)"
        );
        assert_eq!(
            row_of("促进生物医药产业"),
            "可持续影响指标 | 促进生物医药产业技术创新发展 | >2.00(年)"
        );
    }

    // A row-major dump (pypdf of a WeasyPrint form): labels at the top of
    // their runs, on their first row's line or on a line of their own
    // before it; no label is read as centred on its run.
    #[test]
    fn labels_on_lines_of_their_own_above_their_runs() {
        let text = "一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 第1网格巡查次数 ≥10(次)\n第2网格巡查次数 ≥20(次)\n第3网格巡查次数 ≥30(次)\n第4网格巡查次数 ≥40(次)\n第5网格巡查次数 ≥50(次)\n质量指标\n第1居民区矛盾调解成功率 ≥81(%)\n第2居民区矛盾调解成功率 ≥82(%)\n第3居民区矛盾调解成功率 ≥83(%)\n时效指标\n第1季度工作完成及时率 =100(%)\n第2季度工作完成及时率 =100(%)\n第3季度工作完成及时率 =100(%)\n效益指标 社会效益指标\n治安案件下降率1 不低于1%\n治安案件下降率2 不低于2%\n满意度指标 服务对象满意度指标 居民安全感满意度 ≥90%\n";
        let rows = regridded(text);
        let labelled: Vec<&String> = rows.iter().filter(|r| r.contains("指标 |")).collect();
        assert_eq!(
            labelled,
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 第1网格巡查次数 | ≥10(次)",
                "质量指标 | 第1居民区矛盾调解成功率 | ≥81(%)",
                "时效指标 | 第1季度工作完成及时率 | =100(%)",
                "效益指标 | 社会效益指标 | 治安案件下降率1 | 不低于1%",
                "满意度指标 | 服务对象满意度指标 | 居民安全感满意度 | ≥90%",
            ]
        );
    }

    /// One line per case: dump text → rows the state machine sees.
    macro_rules! regrids_to {
        ($name:ident, $text:expr, [$($row:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                assert_eq!(regridded($text), vec![$($row.to_string()),*]);
            }
        };
    }

    /// `pdftotext -layout` of Dompdf's page going on with a table: each
    /// poppler block is set on a scale of its own, so the first rows'
    /// targets (column 36) stand left of the next rows' names' end and of
    /// the split at the page's widest gap (45 → 60). Each line is read by
    /// its nearest line of a name and a target.
    #[test]
    fn blocks_of_one_page_at_columns_of_their_own() {
        let rows = regridded(include_str!("testdata/dompdf-blocks-own-columns.txt"));
        let row_of = |name: &str| row_with(&rows, name);
        assert_eq!(row_of("第12片区为老"), "第12片区为老服务站巡访次数 | ≥48(次)");
        assert_eq!(row_of("第13片区为老"), "第13片区为老服务站巡访次数 | ≥52(次)");
        assert_eq!(row_of("第18片区为老"), "第18片区为老服务站巡访次数 | ≥72(次)");
        assert_eq!(row_of("第1片区巡访记录"), "质量指标 | 第1片区巡访记录完整率 | ≥95%");
        assert_eq!(
            row_of("年度巡访任务"),
            "时效指标 | 年度巡访任务完成时间 | 2026年12月15日前"
        );
        assert_eq!(
            row_of("巡访车辆能耗"),
            "成本指标 | 生态环境成本指标 | 巡访车辆能耗 | 较上年下降5%"
        );
        assert_eq!(rows.iter().filter(|r| r.contains("片区")).count(), 28);
    }

    /// PyMuPDF `get_text(sort=True)` joins two rows a little apart in
    /// height on one line (`第10网格巡查次数 ≥100(次) 第11网格巡查次数
    /// ≥110(次)`), while the rows around stand at columns of their own:
    /// each of the two is a row.
    #[test]
    fn rows_side_by_side_on_one_line_are_two_rows() {
        let rows = regridded(include_str!("testdata/pymupdf-sort-rows-side-by-side.txt"));
        let row_of = |name: &str| row_with(&rows, name);
        assert_eq!(row_of("第1网格"), "产出指标 | 数量指标 | 第1网格巡查次数 | ≥10(次)");
        assert_eq!(row_of("第10网格"), "第10网格巡查次数 | ≥100(次)");
        assert_eq!(row_of("第11网格"), "第11网格巡查次数 | ≥110(次)");
        assert_eq!(row_of("第12网格"), "第12网格巡查次数 | ≥120(次)");
        assert_eq!(rows.iter().filter(|r| r.contains("网格巡查次数")).count(), 18);
    }

    /// PyMuPDF of Gnumeric, which draws a row's merged cells right to
    /// left and then its single cells: each row's target before its name,
    /// a run's labels after its first row (二级 before 一级 where both are
    /// merged), and `产出指标` drawn again above the page's first row.
    #[test]
    fn rows_drawn_right_to_left_are_read_target_first() {
        let rows = regridded(include_str!("testdata/gnumeric-pymupdf-target-first.txt"));
        let table: Vec<&str> = rows.iter().map(String::as_str).filter(|r| r.contains(" | ")).collect();
        assert_eq!(
            table,
            [
                "一级指标 | 二级指标",
                "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12场",
                "个案咨询人次 | ≥300(人次)",
                "团体心理治疗 | 开展至少1次团体心理治疗",
                "质量指标 | 心理健康知晓率 | 90%",
                "咨询满意率 | 满意率100%",
                "时效指标 | 服务完成及时率 | =100(%)",
                "成本指标 | 经费控制率 | ≤100%",
                "效益指标 | 社会效益指标 | “心理健康进社区”活动覆盖率 | 不低于50%",
                "可持续影响指标 | 心理服务网络运行 | 长期",
                "满意度指标 | 服务对象满意度指标 | 居民满意度 | 90.00(度)",
            ]
        );
    }

    /// The same order with cells wrapped over lines: a row ends where a
    /// label follows it, so the rows' lines are cut there (a name does not
    /// run on into the next row's target across `数量指标` / `产出指标`).
    #[test]
    fn wrapped_rows_drawn_right_to_left_end_at_their_labels() {
        let rows = regridded(include_str!("testdata/gnumeric-pymupdf-wrapped-target-first.txt"));
        let row_of = |name: &str| row_with(&rows, name);
        assert_eq!(
            row_of("为辖区"),
            "产出指标 | 数量指标 | 为辖区“一老一小”重点人群提供上门健康评估与家庭照护指导服务的户数 | ≥1200(户)"
        );
        assert_eq!(
            row_of("社区微更新项目"),
            "社区微更新项目 | 完成辖区内老旧小区加装电梯、非/机动车充电设施和无障碍通道改造/的前期调研、方案论证与居民意见/征询工作"
        );
        assert_eq!(
            row_of("项目完成及时性"),
            "时效指标 | 项目完成及时性 | 2026年11月底前完成全部建设内容/并通过第三方验收"
        );
        assert_eq!(
            row_of("居民满意度"),
            "满意度指标 | 社会公众或服务对象满意度指标 | 居民满意度 | ≥90%"
        );
    }

    // pdfplumber of Dompdf: money labels wrapped in narrow cells, half
    // above and half below the line of the values they are centred on.
    regrids_to!(
        money_labels_wrapped_around_their_values_line,
        "年度资金申请\n项目资金总额 31,487,510.00\n总额\n项目资金 其中：财政资 其中：当年财\n5,020,000.00\n（元） 金 政拨款\n上年结转资金 0.00\n",
        [
            "项目资金总额 | 年度资金申请总额 | 31,487,510.00",
            "项目资金（元） | 其中：财政资金 | 其中：当年财政拨款 | 5,020,000.00",
            "上年结转资金 | 0.00",
        ]
    );

    // pdfplumber of a form whose narrow first column prints each block
    // marker one character a line, beside the block's rows or on lines of
    // their own: the characters spell the marker, which is no cell.
    regrids_to!(
        a_marker_printed_one_character_a_line_is_no_cell,
        "其他资金 0.00 其他资金 0.00\n项\n目 项目总目标 年度总体目标\n绩\n效\n目 推进社区综合治理。 完成网格巡查。\n标\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 网格巡查次数 ≥10(次)\n绩\n效\n指\n标\n质量指标 巡查记录完整率 ≥95%\n",
        [
            "其他资金 | 0.00 | 其他资金 | 0.00",
            "项目绩效目标",
            "项目总目标 | 年度总体目标",
            "推进社区综合治理。 | 完成网格巡查。",
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 网格巡查次数 | ≥10(次)",
            "质量指标 | 巡查记录完整率 | ≥95%",
        ]
    );

    // `pdftotext -layout -nopgbrk` (LibreOffice): the pages run on with
    // no form feed, and the continuation page puts its names 20 columns
    // left of the first page's. The page begins at the labels right above
    // its first row (`绩效` `指标` `产出指标`), so 第18网格 keeps its
    // target and the next page's rows are rows, not its wrapped name.
    regrids_to!(
        pages_without_form_feeds_are_told_by_the_moved_name_column,
        "              一级指标            二级指标                                三级指标                                          年度(/项目)指标值\n                                             第12网格巡查次数                                                ≥120(次)\n                                             第13网格巡查次数                                                ≥130(次)\n                                             第14网格巡查次数                                                ≥140(次)\n                                             第15网格巡查次数                                                ≥150(次)\n                                             第16网格巡查次数                                                ≥160(次)\n                                             第17网格巡查次数                                                ≥170(次)\n              产出指标                           第18网格巡查次数                                                ≥180(次)\n\n\n\n\n  绩效\n  指标\n     产出指标\n                         第1居民区矛盾调解成功率    ≥81(%)\n                         第2居民区矛盾调解成功率    ≥82(%)\n                         第3居民区矛盾调解成功率    ≥83(%)\n                         第4居民区矛盾调解成功率    ≥84(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 第12网格巡查次数 | ≥120(次)",
            "第13网格巡查次数 | ≥130(次)",
            "第14网格巡查次数 | ≥140(次)",
            "第15网格巡查次数 | ≥150(次)",
            "第16网格巡查次数 | ≥160(次)",
            "第17网格巡查次数 | ≥170(次)",
            "第18网格巡查次数 | ≥180(次)",
            "第1居民区矛盾调解成功率 | ≥81(%)",
            "产出指标 | 第2居民区矛盾调解成功率 | ≥82(%)",
            "第3居民区矛盾调解成功率 | ≥83(%)",
            "第4居民区矛盾调解成功率 | ≥84(%)",
        ]
    );

    // `mutool draw -F txt`: drawing order with a blank line after each of
    // MuPDF's blocks, a row of cells (`项目应急处置率` / `≥98.00(%)`) or,
    // where the producer set each line apart (Dompdf), one line of a
    // cell: the blank lines end no cells.
    regrids_to!(
        mupdf_blocks_parted_by_blank_lines_are_no_cells,
        "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n\n产出指标\n\n数量指标\n\n组织平台建设和发展相关咨询、研讨会\n≥2.00(次)\n\n专业服务覆盖面\n≥50.00(%)\n\n时效指标\n\n服务信息更新及时性\n\n利用平台网络信息化系统，\n\n及时发布、更新平台联盟服\n\n务信息\n\n宣传推广及时性\n通过会议等形式，及时宣传\n\n平台联盟，扩大平台知晓度\n\n项目应急处置率\n≥98.00(%)\n\n服务用户满意度\n≥85.00(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 组织平台建设和发展相关咨询、研讨会 | ≥2.00(次)",
            "专业服务覆盖面 | ≥50.00(%)",
            "时效指标 | 服务信息更新及时性 | 利用平台网络信息化系统，/及时发布、更新平台联盟服/务信息",
            "宣传推广及时性 | 通过会议等形式，及时宣传/平台联盟，扩大平台知晓度",
            "项目应急处置率 | ≥98.00(%)",
            "服务用户满意度 | ≥85.00(%)",
        ]
    );

    // Typst: a header label its narrow cell wrapped, beside values set at
    // the top and labels centred on the row's middle line.
    regrids_to!(
        a_wrapped_first_label_beside_centred_labels,
        "项目名 社区心理健康服务 其他经常性项目 其他运转类\n项目性质 项目类别\n称\n计划开始日 2024-01-01 2024-12-31\n计划完成日期\n期\n",
        [
            "项目名称 | 社区心理健康服务 | 项目性质 | 其他经常性项目 | 项目类别 | 其他运转类",
            "计划开始日期 | 2024-01-01 | 计划完成日期 | 2024-12-31",
        ]
    );

    // pdfplumber of a producer that sets header values at the top of
    // their cells (TCPDF): each wrapped value's rest on the line below,
    // in the order of the row's free-text values.
    regrids_to!(
        value_tails_below_their_row_go_to_its_free_values_in_order,
        "项目名称 社区综合治理与为老服务能力 项目性质 其他经常性项目 项目类别 一般性项目\n提升\n主管部门 上海市普陀区某某街道办事处（社区综合管理与公共服务 实施单位 上海市普陀区某某街道社区事务受理服务中\n中心） 心\n",
        [
            "项目名称 | 社区综合治理与为老服务能力提升 | 项目性质 | 其他经常性项目 | 项目类别 | 一般性项目",
            "主管部门 | 上海市普陀区某某街道办事处（社区综合管理与公共服务中心） | 实施单位 | 上海市普陀区某某街道社区事务受理服务中心",
        ]
    );

    // The same (LibreOffice Writer): one piece for two free values goes
    // to the one it completes into a nature, or whose bracket it closes;
    // a money label's tail joins the label, not the block marker's piece
    // beside it (`项目资金` + `总额` would spell a label too).
    regrids_to!(
        a_lone_value_tail_goes_where_it_completes_or_closes,
        "项目名称 社区心理健康服务 项目性质 其他经常性项 项目类别 其他运转类\n目\n主管部门 上海市普陀区某某街道办事处（社区综合管理 实施单位 上海市普陀区某某街道社区事务受理服务中心\n与公共服务中心）\n项目资金 项目资金总额 3,650,000.00 年度资金申请 1,280,000.00\n（元） 总额\n",
        [
            "项目名称 | 社区心理健康服务 | 项目性质 | 其他经常性项目 | 项目类别 | 其他运转类",
            "主管部门 | 上海市普陀区某某街道办事处（社区综合管理与公共服务中心） | 实施单位 | 上海市普陀区某某街道社区事务受理服务中心",
            "项目资金（元） | 项目资金总额 | 3,650,000.00 | 年度资金申请总额 | 1,280,000.00",
        ]
    );

    // Labels set at the top of their runs, wrapped in a narrow column:
    // a label of two lines stands by its first; one of three lines has a
    // one-line row printed between its second and third pieces.
    regrids_to!(
        labels_at_the_top_stand_by_their_first_line,
        "一级指标 二级指标 三级指标 年度(/项目)指标值\n效益指标 社会效益指标 居民获得感 明显提升\n可持续影响指 长效治理模式 长期\n标\n满意度指标 社会公众或服 居民满意度 ≥90%\n务对象满意度\n志愿者总体评价 ≥85%\n指标\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "效益指标 | 社会效益指标 | 居民获得感 | 明显提升",
            "可持续影响指标 | 长效治理模式 | 长期",
            "满意度指标 | 社会公众或服务对象满意度指标 | 居民满意度 | ≥90%",
            "志愿者总体评价 | ≥85%",
        ]
    );

    // `pdftotext -layout`: a page's footer at the margin four blank lines
    // under the table is no cell (its column would part every name from
    // its target on that page).
    regrids_to!(
        a_footer_far_below_the_table_is_no_cell,
        "                    一级指标      二级指标      三级指标            年度(/项目)指标值\n                    产出指标      数量指标      第17网格巡查次数      ≥170(次)\n\u{c}                                        第18网格巡查次数       ≥180(次)\n                              质量指标  第1居民区调解成功率    ≥81(%)\n\n\n\n\nPowered by TCPDF (www.tcpdf.org)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 第17网格巡查次数 | ≥170(次)",
            "第18网格巡查次数 | ≥180(次)",
            "质量指标 | 第1居民区调解成功率 | ≥81(%)",
            "Powered | by | TCPDF | (www.tcpdf.org)",
        ]
    );

    // PyMuPDF of a LibreOffice Writer form: a cell a line, with the gap a
    // word processor sets between digits and ideographs printed as a
    // space, which parts no cell.
    regrids_to!(
        a_cell_a_line_keeps_its_own_spaces,
        "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n产出指标\n数量指标\n心理健康讲座场次\n不低于12 场\n团体心理治疗\n开展至少1 次团体心理治疗\n质量指标\n心理健康知晓率\n90%\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12 场",
            "团体心理治疗 | 开展至少1 次团体心理治疗",
            "质量指标 | 心理健康知晓率 | 90%",
        ]
    );

    // `pdftotext -raw` (or pypdf) of LibreOffice's two drawing passes: the
    // first pass's cells a row to a line, the year line, markers and goal
    // after them, then from the header's last cell the targets that
    // wrapped: woven back as PyMuPDF's cells are.
    regrids_to!(
        a_row_a_line_in_two_passes_is_woven,
        "一级指标 二级指标 三级指标\n产出指标\n数量指标\n心理健康讲座场次\n个案咨询人次\n质量指标\n心理健康知晓率 90%\n咨询满意率\n时效指标 服务完成及时率 =100(%)\n满意度指标 服务对象满意度指标 居民满意度\n（2025年度）\n项目\n绩效\n目标\n为辖区居民提供心理健康咨询服务。\n绩效\n指标\n年度(/项目)指标值\n不低于12场\n≥300(人次)\n满意率100%\n90.00(度)\n",
        [
            "（2025年度）",
            "为辖区居民提供心理健康咨询服务。",
            "一级指标 | 二级指标 | 三级指标",
            "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12场",
            "个案咨询人次 | ≥300(人次)",
            "质量指标 | 心理健康知晓率 | 90%",
            "咨询满意率 | 满意率100%",
            "时效指标 | 服务完成及时率 | =100(%)",
            "满意度指标 | 服务对象满意度指标 | 居民满意度 | 90.00(度)",
            "项目 | 目标 | 绩效 | 年度(/项目)指标值",
        ]
    );

    // poppler's blocks leave a money label and a goal heading among a
    // table's cells: reported apart, the rows after them stay paired.
    #[test]
    fn header_cells_among_a_tables_cells_are_no_cells() {
        let text = "一级指标\n\n二级指标\n\n三级指标\n\n年度(/项目)指标值\n\n产出指标\n\n数量指标\n\n上年结转资金\n\n项目总目标\n\n第1网格巡查次数\n\n≥10(次)\n\n第2网格巡查次数\n\n≥20(次)\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            rows,
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 第1网格巡查次数 | ≥10(次)",
                "第2网格巡查次数 | ≥20(次)"
            ]
        );
        let strays: Vec<(UnplacedReason, &str)> = read.notes.iter().map(|(_, r, t)| (*r, t.as_str())).collect();
        assert_eq!(
            strays,
            [
                (UnplacedReason::HeaderCellInTable, "上年结转资金"),
                (UnplacedReason::HeaderCellInTable, "项目总目标")
            ]
        );
    }

    // pdftotext of MuPDF's narrow header cell: `年度(/项目)指标值` wrapped
    // over three lines is one header cell, not a row's name and target.
    regrids_to!(
        a_wrapped_header_cell_is_one_cell,
        "一级指标\n\n二级指标\n\n产出指标\n\n数量指标\n\n年度(/项\n目)指标\n值\n\n心理健康讲座场次\n\n不低于12场\n\n个案咨询人次\n\n≥300(人次)\n",
        [
            "一级指标 | 二级指标",
            "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12场",
            "个案咨询人次 | ≥300(人次)",
            "年度(/项目)指标值"
        ]
    );

    // pdfplumber: a label centred between its two rows gets a line of its
    // own; it goes on the first row of its span.
    regrids_to!(
        centred_label_takes_the_rows_around_it,
        "一级指标 二级指标 三级指标 指标值\n完成数 ≥2(次)\n产出指标 数量指标\n覆盖面 ≥50(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "覆盖面 | ≥50(%)"
        ]
    );

    // pdftotext (poppler's reading order) of a Chromium form: each merged
    // label printed before the row its middle falls in (数量指标 over three
    // rows before the second, 产出指标 over seven before the fourth,
    // 质量指标 over two before the second), or on that row's line.
    regrids_to!(
        labels_printed_at_their_middle_row_head_their_runs,
        "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n心理健康讲座场次\n不低于12场\n数量指标\n个案咨询人次\n≥300(人次)\n团体心理治疗\n开展至少1次团体心理治疗\n产出指标\n心理健康知晓率\n90%\n质量指标\n绩效\n咨询满意率\n满意率100%\n指标\n时效指标\n服务完成及时率\n=100(%)\n成本指标\n经费控制率\n≤100%\n社会效益指标 “心理健康进社区”活动覆盖率\n不低于50%\n效益指标\n可持续影响指标 心理服务网络运行\n长期\n满意度指标\n服务对象满意度指标 居民满意度\n90.00(度)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12场",
            "个案咨询人次 | ≥300(人次)",
            "团体心理治疗 | 开展至少1次团体心理治疗",
            "质量指标 | 心理健康知晓率 | 90%",
            "咨询满意率 | 满意率100%",
            "时效指标 | 服务完成及时率 | =100(%)",
            "成本指标 | 经费控制率 | ≤100%",
            "效益指标 | 社会效益指标 | “心理健康进社区”活动覆盖率 | 不低于50%",
            "可持续影响指标 | 心理服务网络运行 | 长期",
            "满意度指标 | 服务对象满意度指标 | 居民满意度 | 90.00(度)"
        ]
    );

    // pdfplumber over MuPDF's four-ideograph target column: `及时发` is
    // full, its `布` pulled down by the `、` that may not start a line.
    regrids_to!(
        a_character_pulled_down_by_a_closing_mark_leaves_its_line_full,
        "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 组织平台建设和发展相关咨询、研讨会 ≥2.00(次)\n参加生物医药领域会议、展会等活动 ≥2.00(次)\n专业服务覆盖面 ≥50.00(%)\n质量指标 研讨会、活动参与率 ≥95.00(%)\n服务项目验收率 ≥50.00(%)\n时效指标 服务信息更新及时性 利用平台\n网络信息\n化系统，\n及时发\n布、更新\n平台联盟\n服务信息\n宣传推广及时性 通过会议\n等形式，\n及时宣传\n平台联\n盟，扩大\n平台知晓\n度\n项目应急处置率 ≥98.00(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 组织平台建设和发展相关咨询、研讨会 | ≥2.00(次)",
            "参加生物医药领域会议、展会等活动 | ≥2.00(次)",
            "专业服务覆盖面 | ≥50.00(%)",
            "质量指标 | 研讨会、活动参与率 | ≥95.00(%)",
            "服务项目验收率 | ≥50.00(%)",
            "时效指标 | 服务信息更新及时性 | 利用平台/网络信息/化系统，/及时发/布、更新/平台联盟/服务信息",
            "宣传推广及时性 | 通过会议/等形式，/及时宣传/平台联/盟，扩大/平台知晓/度",
            "项目应急处置率 | ≥98.00(%)",
        ]
    );

    // PyMuPDF get_text() of an iText form: a cell a line, row by row; the
    // one target that wraps (`开展至少1次团体心理` / `治疗`) is the only
    // line as wide as its column.
    regrids_to!(
        a_column_that_wraps_once_in_a_table,
        "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n产出指标\n数量指标\n心理健康讲座场次\n不低于12场\n个案咨询人次\n≥300(人次)\n团体心理治疗\n开展至少1次团体心理\n治疗\n质量指标\n心理健康知晓率\n90%\n咨询满意率\n满意率100%\n时效指标\n服务完成及时率\n=100(%)\n成本指标\n经费控制率\n≤100%\n效益指标\n社会效益指标\n“心理健康进社区”活动覆盖率\n不低于50%\n可持续影响指\n标\n心理服务网络运行\n长期\n满意度指标\n服务对象满意\n度指标\n居民满意度\n90.00(度)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12场",
            "个案咨询人次 | ≥300(人次)",
            "团体心理治疗 | 开展至少1次团体心理/治疗",
            "质量指标 | 心理健康知晓率 | 90%",
            "咨询满意率 | 满意率100%",
            "时效指标 | 服务完成及时率 | =100(%)",
            "成本指标 | 经费控制率 | ≤100%",
            "效益指标 | 社会效益指标 | “心理健康进社区”活动覆盖率 | 不低于50%",
            "可持续影响指标 | 心理服务网络运行 | 长期",
            "满意度指标 | 服务对象满意度指标 | 居民满意度 | 90.00(度)",
        ]
    );

    // PyMuPDF get_text() of a MuPDF form: a four-ideograph target column
    // wrapped over lines of one width, one after another; a cell ending on
    // such a line is no one-line cell of another column.
    regrids_to!(
        a_narrow_column_wrapped_line_after_line,
        "一级指标\n二级指标\n三级指标\n年度(/项目)\n指标值\n产出指标\n数量指标\n组织平台建设和发展相关咨询、研讨会\n≥2.00(次)\n参加生物医药领域会议、展会等活动\n≥2.00(次)\n专业服务覆盖面\n≥50.00(%)\n质量指标\n研讨会、活动参与率\n≥95.00(%)\n服务项目验收率\n≥50.00(%)\n时效指标\n服务信息更新及时性\n利用平台\n网络信息\n化系统，\n及时发\n布、更新\n平台联盟\n服务信息\n宣传推广及时性\n通过会议\n等形式，\n及时宣传\n平台联\n盟，扩大\n平台知晓\n度\n项目应急处置率\n≥98.00(%)\n效益指标\n社会效益指标\n拓展平台服务领域，促进资源集聚\n通过广泛\n宣传，吸\n引并筛选\n生物医药\n领域前沿\n技术服务\n机构，加\n入平台联\n盟，拓展\n平台服务\n领域和范\n围，进一\n步聚集研\n发资源，\n助力区域\n创新体系\n建设\n提升平台服务能力\n提升平台\n中试工程\n化、产业\n化、及成\n果转化等\n服务能力\n执行率\n=100.00(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 组织平台建设和发展相关咨询、研讨会 | ≥2.00(次)",
            "参加生物医药领域会议、展会等活动 | ≥2.00(次)",
            "专业服务覆盖面 | ≥50.00(%)",
            "质量指标 | 研讨会、活动参与率 | ≥95.00(%)",
            "服务项目验收率 | ≥50.00(%)",
            "时效指标 | 服务信息更新及时性 | 利用平台/网络信息/化系统，/及时发/布、更新/平台联盟/服务信息",
            "宣传推广及时性 | 通过会议/等形式，/及时宣传/平台联/盟，扩大/平台知晓/度",
            "项目应急处置率 | ≥98.00(%)",
            "效益指标 | 社会效益指标 | 拓展平台服务领域，促进资源集聚 | 通过广泛/宣传，吸/引并筛选/生物医药/领域前沿/技术服务/机构，加/入平台联/盟，拓展/平台服务/领域和范/围，进一/步聚集研/发资源，/助力区域/创新体系/建设",
            "提升平台服务能力 | 提升平台/中试工程/化、产业/化、及成/果转化等/服务能力",
            "执行率 | =100.00(%)",
        ]
    );

    // Digits are wider than counted: `2024年11` fills MuPDF's column of
    // eight, and `月前完成` goes on its cell.
    regrids_to!(
        a_line_with_digits_fills_its_column_sooner,
        "一级指标\n二级指标\n三级指标\n年度(/项目)\n指标值\n产出指标\n数量指标\n项目完成率\n=100(%)\n质量指标\n验收合格\n=100(%)\n时效指标\n项目完成及时性\n2024年11\n月前完成\n效益指标\n社会效益指标\n保障生药中心孵化基地建设项目正常开展\n有效保障\n意向服务企业数\n>10.00(家)\n可持续影响指标\n排放合格率\n=100.00(%)\n可持续影响\n>10.00(年)\n满意度指标\n服务对象满意度指标\n专业人员服务满意度\n≥90.00(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 项目完成率 | =100(%)",
            "质量指标 | 验收合格 | =100(%)",
            "时效指标 | 项目完成及时性 | 2024年11/月前完成",
            "效益指标 | 社会效益指标 | 保障生药中心孵化基地建设项目正常开展 | 有效保障",
            "意向服务企业数 | >10.00(家)",
            "可持续影响指标 | 排放合格率 | =100.00(%)",
            "可持续影响 | >10.00(年)",
            "满意度指标 | 服务对象满意度指标 | 专业人员服务满意度 | ≥90.00(%)",
        ]
    );

    // pdftotext -layout over an iText header of narrow cells: the rest of
    // a wrapped value on the line below, under its cell; a label centred
    // in its tall cell between the row and the rests.
    regrids_to!(
        wrapped_header_values_join_their_cells_by_column,
        "项目名称 社区综合治理与为老服务能力               项目性质       其他经常性项目             项目类别     一般性项目\n\
         \x20    提升\n\
         \n\
         主管部门 上海市普陀区某某街道办事处（社区综合管理与公共服务                           上海市普陀区某某街道社区事务受理服务中\n\
         \x20                                                 实施单位\n\
         \x20    中心）                                                 心\n\
         计划开始 2026-01-01                              计划完成日期      2026-12-31\n\
         \x20日期\n",
        [
            "项目名称 | 社区综合治理与为老服务能力提升 | 项目性质 | 其他经常性项目 | 项目类别 | 一般性项目",
            "主管部门 | 上海市普陀区某某街道办事处（社区综合管理与公共服务中心） | 实施单位 | 上海市普陀区某某街道社区事务受理服务中心",
            "计划开始日期 | 2026-01-01 | 计划完成日期 | 2026-12-31",
        ]
    );

    // The tail of a money label that wrapped, printed under it among the
    // next line's cells.
    regrids_to!(
        a_label_tail_below_among_other_cells_joins_its_label,
        "\x20                                            年度资金申请总 1,280,000.00\n\
         \x20      项目资金总额 3,650,000.00                      额\n",
        ["年度资金申请总额 | 1,280,000.00", "项目资金总额 | 3,650,000.00"]
    );

    // A content-order dump (pdftotext of a cairo re-write): the spaces
    // beside the quotation marks are their advance, not gaps between cells.
    #[test]
    fn a_space_beside_a_quotation_mark_parts_no_cells() {
        // The dump's lines from 一级指标 to the row (poppler's order leaves
        // the labels elsewhere; only the row's cells are asserted).
        let rows = regridded("⼀级指标\n\n⼆级指标\n\n满意度指标\n\n年度(/项⽬)指标值\n不低于12场\n\n个案咨询⼈次\n\n≥300(⼈次)\n\n团体⼼理治疗\n\n开展⾄少1次团体⼼理治疗\n\n⼼理健康知晓率\n\n90%\n\n咨询满意率\n\n满意率100%\n\n时效指标\n\n服务完成及时率\n\n=100(%)\n\n成本指标\n\n经费控制率\n\n≤100%\n\n“ ⼼理健康进社区” 活动覆盖率\n\n不低于50%\n\n");
        let row = "“心理健康进社区”活动覆盖率 | 不低于50%".to_string();
        assert!(rows.contains(&row), "{rows:?}");
    }

    // pdftotext -layout printed a page's last one-line rows a column at a
    // time: their names, then their targets.
    regrids_to!(
        one_line_rows_printed_a_column_at_a_time_are_zipped,
        "           一级指标       二级指标                     三级指标                             年度(/项目)指标值\n\
         \x20                     数量指标    项目完成率                                       =100.00(%)\n\
         \x20                             采购安全软件数量                                    ≥1.00(个)\n\
         \x20          产出指标       质量指标    维修项目验收合格率                                   ≥95.00(%)\n\
         \x20                             网络防病毒软件质量保证                                 =2.00(年)\n\
         \x20绩效                   时效指标    项目完成及时性                                     2024年11月前完成\n\
         \x20指标                           机房运维周期                                      =12.00(月次)\n\
         \x20                    社会效益指标 保障生药中心各项工作正常开展                                有效保障\n\
         \x20          效益指标      生态效益指标 美化工作环境                                        完成\n\
         \x20                   可持续影响指标 园区绿化率                                         ≥30.00(%)\n\
         \x20         满意度指标   服务对象满意度指标 维修人员服务满意率\n\
         \x20                             故障修复响应时间\n\
         \x20                                                                         ≥90.00(%)\n\
         \x20                                                                         <12.00(小时)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 项目完成率 | =100.00(%)",
            "采购安全软件数量 | ≥1.00(个)",
            "质量指标 | 维修项目验收合格率 | ≥95.00(%)",
            "网络防病毒软件质量保证 | =2.00(年)",
            "时效指标 | 项目完成及时性 | 2024年11月前完成",
            "机房运维周期 | =12.00(月次)",
            "效益指标 | 社会效益指标 | 保障生药中心各项工作正常开展 | 有效保障",
            "生态效益指标 | 美化工作环境 | 完成",
            "可持续影响指标 | 园区绿化率 | ≥30.00(%)",
            "满意度指标 | 服务对象满意度指标 | 维修人员服务满意率 | ≥90.00(%)",
            "故障修复响应时间 | <12.00(小时)",
        ]
    );

    // pdftotext -layout: columns by character position; a target wrapped
    // over two lines around its one-line name.
    regrids_to!(
        layout_columns_and_a_wrapped_target,
        "    一级指标   二级指标    三级指标      指标值\n\
         \x20           数量指标    完成数        ≥2(次)\n\
         \x20 产出指标                            通过会议等形式及时\n\
         \x20                       宣传及时性\n\
         \x20           时效指标                  宣传\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "时效指标 | 宣传及时性 | 通过会议等形式及时/宣传",
        ]
    );

    // A money label run into its amount (`其他资金0.00`): two cells.
    regrids_to!(
        a_glued_amount_is_split_off,
        "          其他资金  0.00                其他资金0.00\n",
        ["其他资金 | 0.00 | 其他资金 | 0.00"]
    );

    // A value printed a line below its label, starting under it.
    regrids_to!(
        a_dropped_value_rejoins_its_label,
        "计划开始日期 2025-01-01          计划完成日期\n                                 2025-12-31\n",
        ["计划开始日期 | 2025-01-01 | 计划完成日期 | 2025-12-31"]
    );

    // pdfplumber over narrow portrait cells (iText): two values side by
    // side that both wrapped, their halves above and below the labels'
    // line; a long value above and below; a money label around its row.
    regrids_to!(
        two_split_values_go_back_in_order,
        "上海市某某街道办事处（社区综合管理与公共服务 上海市某某街道社区事务受理服务中\n主管部门 实施单位\n中心） 心\n",
        ["主管部门 | 上海市某某街道办事处（社区综合管理与公共服务中心） | 实施单位 | 上海市某某街道社区事务受理服务中心"]
    );
    regrids_to!(
        a_long_split_value_goes_back,
        "社区综合治理与为老服务能力\n项目名称 项目性质 其他经常性项目 项目类别 一般性项目\n提升\n",
        ["项目名称 | 社区综合治理与为老服务能力提升 | 项目性质 | 其他经常性项目 | 项目类别 | 一般性项目"]
    );
    regrids_to!(
        a_split_money_label_goes_between_its_amounts,
        "年度资金申请总\n项目资金总额 3,650,000.00 1,280,000.00\n额\n",
        ["项目资金总额 | 3,650,000.00 | 年度资金申请总额 | 1,280,000.00"]
    );
    // The tails of two wrapped money labels under their row, beside the
    // rest of the block marker.
    regrids_to!(
        label_tails_join_their_labels,
        "项目资金 其中：财政资 3,650,000.00 其中：当年财政 1,200,000.00\n（元） 金 拨款\n",
        ["项目资金（元） | 其中：财政资金 | 3,650,000.00 | 其中：当年财政拨款 | 1,200,000.00"]
    );
    // Pieces above and below that are not as many as the row's gaps: left.
    regrids_to!(
        unmatched_split_pieces_stay,
        "甲乙丙 丁戊\n主管部门 上海市科委 实施单位\n己\n",
        ["甲乙丙 | 丁戊", "主管部门 | 上海市科委 | 实施单位", "己"]
    );

    // pdftotext -layout over a narrow name column (iText, portrait): a
    // name's full first line and its short rest under it, beside a
    // one-line target, are one cell, not a row of their own.
    regrids_to!(
        a_name_that_goes_on_under_a_full_line,
        "        一级指标        二级指标                     三级指标                         年度(/项目)指标值\n                             为辖区“一老一小”重点人群提供上门健康评估与家庭照护指导服               ≥1200(户)\n                             务的户数\n                                                                         完成辖区内老旧小区\n                    数量指标                                                 加装电梯、非机动车\n                                                                         充电设施和无障碍通\n                             社区微更新项目                                     道改造的前期调研、\n        产出指标                                                             方案论证与居民意见\n                                                                         征询工作\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 为辖区“一老一小”重点人群提供上门健康评估与家庭照护指导服/务的户数 | ≥1200(户)",
            "社区微更新项目 | 完成辖区内老旧小区/加装电梯、非机动车/充电设施和无障碍通/道改造的前期调研、/方案论证与居民意见/征询工作",
        ]
    );

    // Not under the label, or not alone: left where it is.
    regrids_to!(
        a_value_elsewhere_stays,
        "计划开始日期 2025-01-01          计划完成日期\n 2025-12-31\n",
        ["计划开始日期 | 2025-01-01 | 计划完成日期", "2025-12-31"]
    );

    // Two goal columns, the left squeezed into the right with one space
    // between them; a marker piece one space before the text.
    regrids_to!(
        squeezed_goal_columns_are_split_at_the_right_column,
        "  项目        项目总目标            年度总体目标\n\
         \x20 绩效 为辖区居民提供心理健康咨询 1.全年开展讲座；\n\
         \x20                           2.提供个案咨询；\n\
         \x20 目标 的心理服务网络。        3.知晓率达到90%。\n",
        [
            "项目绩效目标 | 项目总目标 | 年度总体目标",
            "为辖区居民提供心理健康咨询/的心理服务网络。 | 1.全年开展讲座；/2.提供个案咨询；/3.知晓率达到90%。"
        ]
    );

    // Squeezed so far that the left text ends past the right column's
    // start in characters, but short of it in display units: the numbered
    // item after the space is the right column's.
    regrids_to!(
        goal_columns_squeezed_past_the_right_column_are_split,
        "  项目                         项目总目标                                          年度总体目标\n\
         \x20 绩效 健全居家社区养老服务网络，为符合条件的老年人提供居家养老服务补贴，提升老 1.为3500名以上老年人发放居家养老服务补贴；\n\
         \x20                                                  2.新建长者食堂2家；\n\
         \x20 目标 年人生活质量。                                       3.服务对象满意度达到90%以上。\n",
        [
            "项目绩效目标 | 项目总目标 | 年度总体目标",
            "健全居家社区养老服务网络，为符合条件的老年人提供居家养老服务补贴，提升老/年人生活质量。 | 1.为3500名以上老年人发放居家养老服务补贴；/2.新建长者食堂2家；/3.服务对象满意度达到90%以上。"
        ]
    );

    /// WeasyPrint through `pdftotext -layout`: a label whose run a page
    /// break cuts (`质量指标`, ten rows, three on the first page) stands at
    /// the top of the run, not at its middle: the rows after the break are
    /// still its, not the next label's (`时效指标`, on its one row).
    #[test]
    fn a_label_at_the_top_of_a_run_cut_by_a_page_break() {
        let text = include_str!("testdata/weasyprint-split-run.txt");
        let read = regrid(jixiao_layout::text::rows(text));
        let labelled: Vec<String> = read
            .rows
            .iter()
            .filter(|r| r.cells.len() > 2)
            .map(|r| {
                r.cells
                    .iter()
                    .take(r.cells.len() - 1)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect();
        assert_eq!(
            labelled,
            [
                "一级指标 | 二级指标 | 三级指标",
                "产出指标 | 数量指标 | 第1片区为老服务站巡访次数",
                "质量指标 | 第1片区巡访记录完整率",
                "时效指标 | 年度巡访任务完成时间",
                "成本指标 | 生态环境成本指标 | 巡访车辆能耗",
                "效益指标 | 社会效益指标 | 独居老人安全风险",
                "满意度指标 | 社会公众满意度指标 | 社区居民满意度",
            ]
        );
    }

    /// pdfplumber: a two-line cell's lines around a one-line cell's read
    /// alike whichever column holds which: the taller is taken for the
    /// project goal, and the guess is reported.
    #[test]
    fn goal_sides_that_read_alike_either_way_are_a_reported_guess() {
        let text = "项目总目标 年度总体目标\n建立覆盖全区的独居老人关爱巡访机制，及时发现\n全年完成各片区巡访任务，巡访记录完整率达到95%以上。\n和化解安全风险。\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read
            .rows
            .iter()
            .map(|r| r.cells.join(" | ").replace('\n', "/"))
            .collect();
        assert_eq!(
            rows,
            [
                "项目总目标 | 年度总体目标",
                "建立覆盖全区的独居老人关爱巡访机制，及时发现/和化解安全风险。 | 全年完成各片区巡访任务，巡访记录完整率达到95%以上。",
            ]
        );
        assert_eq!(
            read.notes.iter().map(|n| n.1).collect::<Vec<_>>(),
            [UnplacedReason::GoalSidesGuessed]
        );
    }

    // pdfplumber: a target wrapped in its unit (`≥120000(小` / `时)`): the
    // line that closes the bracket is the target's, not the next name's.
    regrids_to!(
        a_line_closing_the_targets_bracket_is_the_targets,
        "一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 享受居家养老服务补贴的老年人数 ≥3500(人)\n为失能、半失能老年人提供的上门照护服务时长 ≥120000(小\n时)\n新建社区长者食堂 ≥2(家)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 享受居家养老服务补贴的老年人数 | ≥3500(人)",
            "为失能、半失能老年人提供的上门照护服务时长 | ≥120000(小/时)",
            "新建社区长者食堂 | ≥2(家)",
        ]
    );

    // The same with a text target among them: half the targets numeric.
    regrids_to!(
        a_column_at_a_time_with_a_text_target_is_zipped,
        "           一级指标       二级指标                     三级指标                             年度(/项目)指标值\n\
         \x20          产出指标       数量指标    项目完成率                                       =100.00(%)\n\
         \x20                   社会效益指标 保障生药中心孵化基地建设项目正常开展\n\
         \x20                            意向服务企业数\n\
         \x20                                                                         有效保障\n\
         \x20                                                                         >10.00(家)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 项目完成率 | =100.00(%)",
            "社会效益指标 | 保障生药中心孵化基地建设项目正常开展 | 有效保障",
            "意向服务企业数 | >10.00(家)",
        ]
    );

    // A 二级 label wrapped over three lines of its narrow column (iText
    // through PyMuPDF) is one label, not a name's lines.
    regrids_to!(
        a_label_over_three_lines_is_one_label,
        "一级指标\n二级指标\n三级指标\n年度指标值\n满意度指标\n社会公众或服\n务对象满意度\n指标\n居民满意度\n≥90%\n参与活动的志愿者满意度\n≥85%\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "满意度指标 | 社会公众或服务对象满意度指标 | 居民满意度 | ≥90%",
            "参与活动的志愿者满意度 | ≥85%",
        ]
    );

    // The block label's first piece in front of the header, the second on
    // the next line (Chromium, a table continued on the next page).
    regrids_to!(
        a_marker_in_front_of_the_header_is_dropped,
        "\
         绩效   一级指标      二级指标      三级指标        年度(/项目)指标值\n\
         指标\n\
         \x0c产出指标     数量指标      完成数         ≥2(次)\n\
         \x20                   覆盖面         ≥50(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "覆盖面 | ≥50(%)"
        ]
    );

    // A 一级 label printed far from its rows' middle (Chromium: at the top
    // of the page its rows start on) does not take rows of a 二级 label of
    // another family (`时效指标` is 产出指标's).
    regrids_to!(
        a_level1_label_keeps_to_its_family,
        "一级指标 二级指标 三级指标 指标值\n\
         产出指标 完成数1 ≥1(次)\n\
         数量指标 完成数2 ≥2(次)\n\
         完成数3 ≥3(次)\n\
         及时率1 =100(%)\n\
         及时率2 =100(%)\n\
         时效指标 及时率3 =100(%)\n\
         及时率4 =100(%)\n\
         及时率5 =100(%)\n\
         效益指标 社会效益指标 下降率1 ≥1%\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 完成数1 | ≥1(次)",
            "完成数2 | ≥2(次)",
            "完成数3 | ≥3(次)",
            "时效指标 | 及时率1 | =100(%)",
            "及时率2 | =100(%)",
            "及时率3 | =100(%)",
            "及时率4 | =100(%)",
            "及时率5 | =100(%)",
            "效益指标 | 社会效益指标 | 下降率1 | ≥1%"
        ]
    );

    // pdfplumber: a long name wrapped around its one-line numeric target;
    // the target's operator says the sentence lines are not its.
    regrids_to!(
        sentence_lines_around_a_numeric_target_are_the_name,
        "一级指标 二级指标 三级指标 指标值\n\
         产出指标 数量指标 发布推文 ≥300.00(篇)\n\
         宣传 通过会议等形式，及时宣传平台联盟，扩大知晓度\n\
         普及细胞治疗、抗体治疗等的基本概念，了解生\n\
         物医药基础知识，培养对生物科学的兴趣，掌握\n\
         ≥13.00(场)\n\
         科学方法，实践科学操作，提升科学研究综合能\n\
         力。\n\
         总阅读量 ≥80000.00(人次)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 发布推文 | ≥300.00(篇)",
            "宣传 | 通过会议等形式，及时宣传平台联盟，扩大知晓度",
            "普及细胞治疗、抗体治疗等的基本概念，了解生/物医药基础知识，培养对生物科学的兴趣，掌握/科学方法，实践科学操作，提升科学研究综合能/力。 | ≥13.00(场)",
            "总阅读量 | ≥80000.00(人次)"
        ]
    );

    // pdfplumber: two goal cells centred side by side, their lines
    // alternating (the taller cell's first), the numbered list the year's.
    regrids_to!(
        interleaved_goal_lines_are_two_cells,
        "项目总目标 年度总体目标\n\
         1.完成上门健康评估1200户；\n\
         通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理\n\
         2.完成微更新项目前期工作；\n\
         精细化水平。\n\
         3.居民满意度达到90%以上。\n",
        [
            "项目总目标 | 年度总体目标",
            "通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理/精细化水平。 | 1.完成上门健康评估1200户；/2.完成微更新项目前期工作；/3.居民满意度达到90%以上。"
        ]
    );

    // Lines of both cells at one height share a printed line.
    regrids_to!(
        goal_lines_at_one_height_are_split_at_the_gap,
        "项目总目标 年度总体目标\n推进社区综合治理，完善网格化管理，提升平安建设水 完成网格巡查、矛盾调解、治安防范等工作，居民安全\n平。 感持续提升。\n",
        [
            "项目总目标 | 年度总体目标",
            "推进社区综合治理，完善网格化管理，提升平安建设水/平。 | 完成网格巡查、矛盾调解、治安防范等工作，居民安全/感持续提升。"
        ]
    );

    // One goal over both headings (the seed's merged cell) stays one text.
    regrids_to!(
        one_goal_over_both_headings_stays_whole,
        "项目总目标 年度总体目标\n1.生物医药专业技术服务平台房屋租金：切实保障中心办公安全，提供完善、安全的办公环境。保障研发\n公共服务平台建设管理以及企业创新孵化服务等职能的顺利开展，合理使用各项费用。\n2.组织召开平台发展规划咨询会。\n",
        [
            "项目总目标 | 年度总体目标",
            "1.生物医药专业技术服务平台房屋租金：切实保障中心办公安全，提供完善、安全的办公环境。保障研发",
            "公共服务平台建设管理以及企业创新孵化服务等职能的顺利开展，合理使用各项费用。",
            "2.组织召开平台发展规划咨询会。"
        ]
    );

    // The seed's style (labels before their rows) is reading order already.
    regrids_to!(
        leading_labels_are_left_alone,
        "一级指标 二级指标 三级指标 指标值\n产出指标\n数量指标\n完成数 ≥2(次)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标",
            "数量指标",
            "完成数 | ≥2(次)"
        ]
    );

    // A label printed in two pieces around its row (`社会效益` … `指标`).
    regrids_to!(
        a_label_in_pieces_is_joined,
        "一级指标 二级指标 三级指标 指标值\n社会效益\n效益指标 带动就业 ≥10(人)\n指标\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "效益指标 | 社会效益指标 | 带动就业 | ≥10(人)"
        ]
    );

    // Content order (PyMuPDF): the header a cell a line, then label, name,
    // target, each on its own line.
    regrids_to!(
        content_order_cells_alternate,
        "一级指标\n二级指标\n三级指标\n年度指标值\n产出指标\n数量指标\n完成数\n≥2(次)\n覆盖面\n≥50(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "覆盖面 | ≥50(%)",
        ]
    );

    // A block marker printed down the left edge beside the block's text.
    regrids_to!(
        a_marker_beside_its_block_is_joined,
        "项目资金 其中：财政资金 100.00\n（元） 上年结转资金 0.00\n",
        ["项目资金（元） | 其中：财政资金 | 100.00", "上年结转资金 | 0.00"]
    );

    // A header label that a narrow cell wrapped (`计划开始日` / `期`).
    regrids_to!(
        a_wrapped_header_label_is_joined,
        "计划开始日\n期\n2024-01-01\n",
        ["计划开始日期", "2024-01-01"]
    );

    // MuPDF sets cells at the top: a target that wraps in a narrow column
    // (`≥300(人` / `次)`) goes on under its first line, beside a one-line
    // name.
    regrids_to!(
        a_top_aligned_target_wraps_under_its_first_line,
        "一级指标 二级指标 三级指标 指标值\n\
         产出指标 数量指标 心理健康讲座场次 不低于\n\
         12场\n\
         个案咨询人次 ≥300(人\n\
         次)\n\
         质量指标 心理健康知晓率 90%\n\
         咨询满意率 满意率\n\
         100%\n\
         效益指标 社会效益指标 活动覆盖率 不低于\n\
         50%\n\
         心理服务网络运行 长期\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于/12场",
            "个案咨询人次 | ≥300(人/次)",
            "质量指标 | 心理健康知晓率 | 90%",
            "咨询满意率 | 满意率/100%",
            "效益指标 | 社会效益指标 | 活动覆盖率 | 不低于/50%",
            "心理服务网络运行 | 长期",
        ]
    );

    // A header cell wrapped in a narrow column goes on below the header,
    // beside the block marker's second piece (`绩效` / `指标`).
    regrids_to!(
        a_wrapped_header_cell_is_joined,
        "绩效 一级指标 二级指标 三级指标 年度(/项\n指标 目)指标\n值\n产出指标 数量指标 完成数 ≥2(次)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
        ]
    );
    regrids_to!(
        a_wrapped_header_cell_beside_the_marker_piece,
        "绩效 一级指标 二级指标 三级指标 年度(/项目)\n指标 指标值\n产出指标 数量指标 完成数 ≥2(次)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
        ]
    );

    // Pages joined without a line break: the next page's first line starts
    // a row again.
    regrids_to!(
        a_form_heading_glued_to_the_last_row_starts_a_row,
        "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 完成数 ≥2(次)      财政项目支出绩效目标申报表\n（2024年度）\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "财政项目支出绩效目标申报表",
            "（2024年度）",
        ]
    );
    // The same in a layout dump, values wrapped too: the centred labels
    // go between the values, the rests join their values by column.
    regrids_to!(
        a_wrapped_first_label_beside_centred_labels_in_columns,
        "项目名   社区综合治理与为老服务能                              其他经常性项目                    一般性项目\n                                     项目性质                         项目类别\n 称    力提升\n主管部   上海市普陀区某某街道办事处（社区综合管理与公共服                             上海市普陀区某某街道社区事务受理服务\n                                                  实施单位\n 门    务中心）                                                 中心\n计划开   2026-01-01                                           2026-12-31\n                                                 计划完成日期\n始日期\n",
        [
            "项目名称 | 社区综合治理与为老服务能力提升 | 项目性质 | 其他经常性项目 | 项目类别 | 一般性项目",
            "主管部门 | 上海市普陀区某某街道办事处（社区综合管理与公共服务中心） | 实施单位 | 上海市普陀区某某街道社区事务受理服务中心",
            "计划开始日期 | 2026-01-01 | 计划完成日期 | 2026-12-31",
        ]
    );
    // pdfplumber of Typst: a target set at the top, its lines parted by
    // the labels' own lines (`数量指标`, `产出指标`); the target skips no
    // line that its name holds, and stays one cell.
    regrids_to!(
        a_target_parted_by_label_lines_is_one_cell,
        "一级指标 二级指标 三级指标 年度(/项目)指标值\n为辖区“一老一小”重点人群提供上门健康评估与家庭照护指 ≥1200(户)\n导服务的户数\n社区微更新项目 完成辖区内老旧小区\n加装电梯、非机动车\n数量指标\n充电设施和无障碍通\n道改造的前期调研、\n产出指标\n方案论证与居民意见\n征询工作\n绩效 质量指标 服务对象信息登记准确率 ≥98%\n指标 项目完成及时性 2026年11月底前完\n时效指标 成全部建设内容并通\n过第三方验收\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 为辖区“一老一小”重点人群提供上门健康评估与家庭照护指/导服务的户数 | ≥1200(户)",
            "社区微更新项目 | 完成辖区内老旧小区/加装电梯、非机动车/充电设施和无障碍通/道改造的前期调研、/方案论证与居民意见/征询工作",
            "质量指标 | 服务对象信息登记准确率 | ≥98%",
            "时效指标 | 项目完成及时性 | 2026年11月底前完/成全部建设内容并通/过第三方验收",
        ]
    );
    // pdfplumber of Typst: money labels wrapped in a narrow column, the
    // block marker's pieces between the lines (`金` between `其中：财政` and
    // its tail `资金`, itself a marker's piece elsewhere).
    regrids_to!(
        money_label_tails_after_a_marker_piece,
        "项目资金总 3,650,000.00 年度资金申请总 1,280,000.00\n额 额\n项目资\n其中：财政 3,650,000.00 其中：当年财政 1,200,000.00\n金\n资金 拨款\n（元）\n",
        [
            "项目资金总额 | 3,650,000.00 | 年度资金申请总额 | 1,280,000.00",
            "项目资金（元）",
            "其中：财政资金 | 3,650,000.00 | 其中：当年财政拨款 | 1,200,000.00",
        ]
    );
    // A layout dump of Dompdf: money labels wrapped around their row's
    // amounts, a block marker's pieces beside them, amounts missing: each
    // label goes where its column says.
    regrids_to!(
        money_labels_wrapped_around_their_amounts_by_column,
        "\n                                                   年度资金申请\n             项目资金总额                                          31,487,510.00\n                                                       总额\n\n 项目资金        其中：财政资                                其中：当年财\n                                                             5,020,000.00\n （元）             金                                    政拨款\n\n                                                   上年结转资金    0.00\n\n",
        [
            "项目资金总额 | 年度资金申请总额 | 31,487,510.00",
            "项目资金（元）",
            "其中：财政资金 | 其中：当年财政拨款 | 5,020,000.00",
            "上年结转资金 | 0.00",
        ]
    );
    // A title that is a form heading too, its gaps between ideographs and
    // digits printed as spaces: one row (Typst's layout dumps).
    regrids_to!(
        a_heading_parted_by_word_gaps_stays_one_row,
        "上海市普陀区民政局 2026 年度项目支出绩效目标表\n财政项目支出绩效目标申报表\n",
        [
            "上海市普陀区民政局 | 2026 | 年度项目支出绩效目标表",
            "财政项目支出绩效目标申报表"
        ]
    );
    regrids_to!(
        an_indicator_header_glued_to_a_goal_starts_a_row,
        "项目总目标 年度总体目标\n全年开展活动。 全年开展活动300场。绩效   一级指标 二级指标 三级指标 指标值\n指标 产出指标 数量指标 完成数 ≥2(次)\n",
        [
            "项目总目标 | 年度总体目标",
            "全年开展活动。 | 全年开展活动300场。",
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
        ]
    );

    // Neighbouring cells printed without a gap (the marker's piece is the
    // lexer's to join with `绩效`).
    regrids_to!(
        a_label_glued_to_the_marker_piece_is_split_off,
        "绩效   一级指标 二级指标 三级指标 指标值\n指标产出指标    完成数    ≥2(次)\n效益指标社会效益指标    覆盖面    ≥50(%)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "指标 | 产出指标 | 完成数 | ≥2(次)",
            "效益指标 | 社会效益指标 | 覆盖面 | ≥50(%)",
        ]
    );

    // PyMuPDF's sorted text: a marker's pieces after the goal lines beside
    // them.
    regrids_to!(
        a_marker_at_the_end_of_its_lines_is_joined,
        "项目资金总额  100.00\n       1.完成采购；  项目\n       2.完成维修。  绩效\n       3.完成验收。  目标\n",
        [
            "项目资金总额 | 100.00",
            "项目绩效目标 | 1.完成采购；",
            "2.完成维修。",
            "3.完成验收。"
        ]
    );

    // Content order (PyMuPDF, row by row): a cell's lines go on while they
    // are full for its column; the column widths are read off the lines.
    regrids_to!(
        content_order_cells_wrap_while_full,
        "一级指标\n二级指标\n三级指标\n年度指标值\n产出指标\n时效指标\n服务信息更新及时性\n利用平台网络信息化系统，及时\n发布、更新平台联盟服务信息\n宣传推广及时性\n通过会议等形式，及时宣传平台\n联盟，扩大平台知晓度\n项目应急处置率\n≥98.00(%)\n效益指标\n社会效益指标\n拓展平台服务领域\n通过广泛宣传，吸引并筛选生物\n医药领域前沿技术服务机构，加\n入平台联盟\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 时效指标 | 服务信息更新及时性 | 利用平台网络信息化系统，及时/发布、更新平台联盟服务信息",
            "宣传推广及时性 | 通过会议等形式，及时宣传平台/联盟，扩大平台知晓度",
            "项目应急处置率 | ≥98.00(%)",
            "效益指标 | 社会效益指标 | 拓展平台服务领域 | 通过广泛宣传，吸引并筛选生物/医药领域前沿技术服务机构，加/入平台联盟",
        ]
    );

    // A name ending in a number is no numeric target.
    regrids_to!(
        content_order_name_ending_in_a_number,
        "一级指标\n二级指标\n三级指标\n年度指标值\n效益指标\n社会效益指标\n治安案件下降率1\n不低于1%\n治安案件下降率2\n不低于2%\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "效益指标 | 社会效益指标 | 治安案件下降率1 | 不低于1%",
            "治安案件下降率2 | 不低于2%",
        ]
    );

    // pdftotext: a blank line ends a block, and so a cell.
    regrids_to!(
        content_order_blocks_end_cells,
        "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n产出指标\n\n数量指标\n\n完成数\n\n≥2(次)\n\n宣传推广\n\n及时宣传\n\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "宣传推广 | 及时宣传",
        ]
    );

    // poppler's reading order prints one-line rows a column at a time
    // where each column is a block of its own: names, a blank line, their
    // numeric targets.
    regrids_to!(
        content_order_column_blocks_are_zipped,
        "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n产出指标\n\n数量指标\n\n完成数\n\n≥2(次)\n\n覆盖面\n满意率\n\n≥50(%)\n≥90(%)\n\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "覆盖面 | ≥50(%)",
            "满意率 | ≥90(%)",
        ]
    );

    // The same with a date among the numeric targets: the names printed
    // as one block, most targets numeric.
    regrids_to!(
        content_order_column_blocks_with_a_date_target_are_zipped,
        "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n产出指标\n\n数量指标\n\n完成数\n\n≥2(次)\n\n覆盖面\n完成时间\n满意率\n投诉率\n\n≥50(%)\n2025年9月底前\n≥90(%)\n≤1(%)\n\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "覆盖面 | ≥50(%)",
            "完成时间 | 2025年9月底前",
            "满意率 | ≥90(%)",
            "投诉率 | ≤1(%)",
        ]
    );

    // A column block whose targets wrap, the labels poppler printed among
    // the names (blank lines around them; one on a name's line is that
    // row's).
    regrids_to!(
        content_order_column_blocks_with_wrapped_targets_are_zipped,
        "一级指标\n\n二级指标\n\n三级指标\n\n年度指标值\n\n产出指标\n\n数量指标\n\n完成数\n\n≥2(次)\n\n覆盖面\n参与率\n\n效益指标\n\n社会效益指标 宣传推广\n满意率\n\n≥50(%)\n≥95(%)\n及时发布宣传推广信\n息\n≥90(%)\n\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "覆盖面 | ≥50(%)",
            "参与率 | ≥95(%)",
            "效益指标 | 社会效益指标 | 宣传推广 | 及时发布宣传推广信/息",
            "满意率 | ≥90(%)",
        ]
    );

    // `成本指标` is the 一级 label over a 二级 label of its family, also
    // when that one is printed over two lines (`生态环境成本指` / `标`).
    regrids_to!(
        cost_is_level_one_over_a_wrapped_cost_label,
        "一级指标\n二级指标\n三级指标\n年度指标值\n产出指标\n数量指标\n完成数\n≥2(次)\n成本指标\n生态环境成本指\n标\n车辆能耗\n较上年下降5%\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度指标值",
            "产出指标 | 数量指标 | 完成数 | ≥2(次)",
            "成本指标 | 生态环境成本指标 | 车辆能耗 | 较上年下降5%",
        ]
    );

    // PyMuPDF of a small table with one wrapped target among more than a
    // dozen line widths: the width it wraps at is tried first.
    regrids_to!(
        the_one_wrapped_cell_of_a_small_table_is_read,
        "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n产出指标\n数量指标\n享受居家养老服务补贴的老年人数\n≥3500(人)\n为失能、半失能老年人提供的上门照护服务时长\n≥120000(小时)\n新建社区长者食堂\n≥2(家)\n质量指标\n服务机构年度考核合格率\n=100%\n补贴资金发放准确率\n=100%\n时效指标\n补贴资金发放及时性\n每季度结束后15个工作日内发放\n到位\n成本指标\n经济成本指标\n人均居家养老服务补贴标准\n≤1380(元/人)\n长者食堂建设单位成本\n≤800000(元/家)\n社会成本指标\n对周边居民正常生活的影响\n无明显影响\n效益指标\n社会效益指标\n老年人居家生活质量\n明显改善\n家庭照护负担\n有效减轻\n可持续影响指标\n居家社区养老服务体系\n持续完善\n满意度指标\n服务对象满意度指标\n服务对象满意度\n≥90%\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 享受居家养老服务补贴的老年人数 | ≥3500(人)",
            "为失能、半失能老年人提供的上门照护服务时长 | ≥120000(小时)",
            "新建社区长者食堂 | ≥2(家)",
            "质量指标 | 服务机构年度考核合格率 | =100%",
            "补贴资金发放准确率 | =100%",
            "时效指标 | 补贴资金发放及时性 | 每季度结束后15个工作日内发放/到位",
            "成本指标 | 经济成本指标 | 人均居家养老服务补贴标准 | ≤1380(元/人)",
            "长者食堂建设单位成本 | ≤800000(元/家)",
            "社会成本指标 | 对周边居民正常生活的影响 | 无明显影响",
            "效益指标 | 社会效益指标 | 老年人居家生活质量 | 明显改善",
            "家庭照护负担 | 有效减轻",
            "可持续影响指标 | 居家社区养老服务体系 | 持续完善",
            "满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥90%",
        ]
    );

    /// LibreOffice through PyMuPDF: the year and the goals drawn after the
    /// table's rows go back before the table, and the order is reported.
    #[test]
    fn heading_cells_after_rows_go_back_and_are_reported() {
        let text = "项目总目标\n年度总体目标\n一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n完成数\n≥2(次)\n覆盖面\n≥50(%)\n（2025年度）\n项目\n绩效\n目标\n推进社区治理。\n1.开展讲座12场。\n年度(/项目)指标值\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            rows,
            [
                "项目总目标",
                "年度总体目标",
                "（2025年度）",
                "推进社区治理。",
                "1.开展讲座12场。",
                "一级指标 | 二级指标 | 三级指标",
                "产出指标 | 数量指标 | 完成数 | ≥2(次)",
                "覆盖面 | ≥50(%)",
                "项目 | 绩效 | 目标",
                "年度(/项目)指标值",
            ]
        );
        assert_eq!(
            read.notes,
            [(
                Location::Line(12),
                UnplacedReason::OutOfRowOrder,
                "（2025年度） 推进社区治理。 1.开展讲座12场。".to_string()
            )]
        );
    }

    /// LibreOffice draws the document's title in its second pass, after
    /// the first form's rows: it goes back before that form, where the
    /// state machine takes the title; the form's own heading stays.
    #[test]
    fn a_document_title_drawn_after_the_first_rows_goes_back_before_the_form() {
        let text = "财政项目支出绩效目标申报表\n项目总目标\n年度总体目标\n一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n完成数\n≥2(次)\n覆盖面\n≥50(%)\n上海市某街道2025年度项目绩效目标汇总表\n（2025年度）\n项目\n绩效\n目标\n推进社区治理。\n1.开展讲座12场。\n年度(/项目)指标值\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            rows.get(..3).unwrap_or_default(),
            [
                "上海市某街道2025年度项目绩效目标汇总表",
                "财政项目支出绩效目标申报表",
                "项目总目标"
            ]
        );
        assert_eq!(rows.iter().filter(|r| r.contains("汇总表")).count(), 1);
    }

    /// A report server that draws a page's merged cells first, in a bunch:
    /// nothing in the order ties the labels to rows; what the rows measure
    /// does (a count under 数量指标, 满意率 under 满意度), a guess reported
    /// with the labels.
    #[test]
    fn labels_printed_in_a_bunch_go_by_what_the_rows_measure() {
        let text = "一级指标\n二级指标\n三级指标\n年度指标值\n满意度指标\n服务对象满意度指标\n产出指标\n数量指标\n完成数\n≥2(次)\n覆盖面\n≥50(%)\n满意率\n≥90(%)\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            rows,
            [
                "一级指标 | 二级指标 | 三级指标 | 年度指标值",
                "产出指标 | 数量指标 | 完成数 | ≥2(次)",
                "覆盖面 | ≥50(%)",
                "满意度指标 | 服务对象满意度指标 | 满意率 | ≥90(%)"
            ]
        );
        assert_eq!(
            read.notes,
            [(
                Location::Line(5),
                UnplacedReason::LabelsByShape,
                "满意度指标 服务对象满意度指标 产出指标 数量指标".to_string()
            )]
        );
    }

    const PIECES: &[&str] = &[
        "服务对象满意度",
        "≥300(人",
        "次)",
        "项目完成率",
        "利用平台网络信息化系统，及时发布、更新平台",
        "联盟服务信息",
        "=100.00(%)",
        "提升平台服务能力",
        "吸引来自国",
        "内外的、生",
        "物医药产业",
        "2025年9月底前",
        "ABC123",
    ];

    proptest::proptest! {
        /// Joining spaced-off numbers loses no text and never splits a
        /// cell: the cells are the same text, at most as many.
        #[test]
        fn joining_spaced_numbers_keeps_every_character(
            cells in proptest::collection::vec("[第片区0-9%.一二三 ]{0,4}", 0..8),
        ) {
            let input: Vec<(usize, String)> = cells.iter().cloned().enumerate().collect();
            let out = autospaced_cells_joined(input);
            let text = |cells: &[String]| cells.concat().replace(' ', "");
            let joined: Vec<String> = out.iter().map(|(_, c)| c.clone()).collect();
            proptest::prop_assert_eq!(text(&joined), text(&cells));
            proptest::prop_assert!(joined.len() <= cells.len());
        }

        /// The pruned row search reads every table as the whole search
        /// does: a reading given up could neither beat nor tie the best.
        #[test]
        fn the_pruned_search_reads_as_the_whole_one(
            cells in proptest::collection::vec(
                (proptest::option::of(0..PIECES.len()), proptest::option::of(0..PIECES.len()), proptest::option::of(0..PIECES.len()), 0..3u32),
                1..30,
            ),
            align in 0..3usize,
            layout in proptest::bool::ANY,
            drawing_order in proptest::bool::ANY,
        ) {
            let text = |k: Option<usize>| k.and_then(|k| PIECES.get(k)).map(|t| t.to_string());
            let mut line = 0u32;
            let lines: Vec<Line> = cells
                .iter()
                .map(|&(name, target, open, gap)| {
                    line += 1 + gap;
                    Line { line, pos: line, sheet: 0, name: text(name), target: text(target), open: text(open) }
                })
                .collect();
            let align = [Align::Middle, Align::Top, Align::Bottom][align];
            let read = |search| {
                group_rows_searched(&lines, align, layout, drawing_order, search)
                    .map(|(cost, rows)| (cost, format!("{rows:?}")))
            };
            proptest::prop_assert_eq!(read(Search::Pruned), read(Search::Whole));
        }
    }

    /// LibreOffice's labels drawn after a page's rows, woven in a bunch
    /// before the row after them: given back by what the rows measure.
    #[test]
    fn labels_woven_in_a_bunch_go_by_what_the_rows_measure() {
        let row = |cells: &[&str]| ruled_row(Location::Line(1), cells.iter().map(|c| c.to_string()).collect(), 0);
        let mut rows = vec![
            row(&["第1居民区活动场次", "≥3(场)"]),
            row(&["第2居民区活动场次", "≥6(场)"]),
            row(&["产出指标", "数量指标", "质量指标", "第1居民区活动记录完整率", "=100%"]),
            row(&["第2居民区活动记录完整率", "=100%"]),
        ];
        let note = relabel_bunched_rows(&mut rows);
        let cells: Vec<String> = rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            cells,
            [
                "产出指标 | 数量指标 | 第1居民区活动场次 | ≥3(场)",
                "第2居民区活动场次 | ≥6(场)",
                "质量指标 | 第1居民区活动记录完整率 | =100%",
                "第2居民区活动记录完整率 | =100%",
            ]
        );
        assert_eq!(
            note.map(|(_, text)| text),
            Some("产出指标 数量指标 质量指标".to_string())
        );
        // Rows each headed by their own labels are no bunch.
        let mut rows = vec![
            row(&["产出指标", "数量指标", "第1居民区活动场次", "≥3(场)"]),
            row(&["质量指标", "第1居民区活动记录完整率", "=100%"]),
        ];
        assert_eq!(relabel_bunched_rows(&mut rows), None);
        assert_eq!(rows.first().map(|r| r.cells.len()), Some(4));
    }

    /// The rows a label heads, as `cell | cell` lines (a cell's lines
    /// joined by `/`).
    /// The table rows a dump's text is regridded into, cells joined by
    /// ` | `, a cell's lines by `/`.
    fn ruled_rows(text: &str) -> Vec<String> {
        regrid(jixiao_layout::text::rows(text))
            .rows
            .iter()
            .filter(|r| r.ruled)
            .map(|r| r.cells.join(" | ").replace('\n', "/"))
            .collect()
    }

    fn labelled_rows(read: &Regridded) -> Vec<String> {
        read.rows
            .iter()
            .filter(|r| r.cells.len() > 2 && r.cells.first().is_some_and(|c| c.ends_with("指标") && c != "一级指标"))
            .map(|r| r.cells.join(" | ").replace('\n', "/"))
            .collect()
    }

    /// Plain `pdftotext` of LibreOffice Writer's form: a wrapped label's
    /// first half shares its line with the row's name, the one-line target
    /// follows, then the label's rest (`可持续影响指 心理服务网络运行` /
    /// `长期` / `标`). The row starts on the half's line, and so does the
    /// label's run.
    #[test]
    fn a_label_half_beside_its_rows_name_starts_the_row() {
        let rows = regridded(include_str!("testdata/writer-label-half-beside-name.txt"));
        for row in [
            "可持续影响指标 | 心理服务网络运行 | 长期",
            "满意度指标 | 服务对象满意度指标 | 居民满意度 | 90.00(度)",
        ] {
            assert!(rows.iter().any(|r| r == row), "{row}: {rows:#?}");
        }
    }

    /// PyMuPDF of the project's generator with GBK fonts: one cell a
    /// line, every label after the rows. `筹备完善，按时召开会议` is as wide
    /// as the target column's full lines, but the line after it reads as
    /// the next row's name (`…及时性`): the target ends there. (The next
    /// target still takes `拓展国内外交流合作渠道`, the name after it: a
    /// known gap.)
    #[test]
    fn a_line_that_reads_as_a_name_ends_the_target_before_it() {
        let rows = regridded("一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n中药材调研\n≥2.00(次)\n组织筹备及时性\n筹备完善，按时召开会议\n宣传推广及时性\n及时发布宣传推广信息\n拓展国内外交流合作渠道\n吸引来自国内外的、生物\n医药产业各界代表参与会\n议，搭建交流合作平台，\n拓展合作渠道\n媒体报道\n≥3.00(家)\n人员到位率\n≥90.00(%)\n绩效\n指标\n满意度指标\n效益指标\n社会效益指标\n时效指标\n产出指标\n数量指标\n");
        assert!(
            rows.iter().any(|r| r == "组织筹备及时性 | 筹备完善，按时召开会议"),
            "{rows:#?}"
        );
        assert!(
            rows.iter()
                .any(|r| r.starts_with("宣传推广及时性 | 及时发布宣传推广信息")),
            "{rows:#?}"
        );
    }

    /// pdfplumber of Chromium's form over a page break right after the
    /// goals: the page number is no goal text; it goes on after them.
    #[test]
    fn a_page_number_after_the_goal_lines_is_no_goal_text() {
        let text = "项目 项目总目标 年度总体目标\n绩效\n目标 推进社区综合治理，完善网格化管理，提升平安建设水平。 完成网格巡查、矛盾调解、治安防范等工作，居民安全感持续提升。\n- 2 -\n绩效 一级指标 二级指标 三级指标 年度(/项目)指标值\n";
        let rows = regridded(text);
        assert!(
            rows.iter().any(|r| r == "推进社区综合治理，完善网格化管理，提升平安建设水平。 | 完成网格巡查、矛盾调解、治安防范等工作，居民安全感持续提升。"),
            "{rows:#?}"
        );
        assert!(rows.iter().any(|r| r == "- | 2 | -"), "{rows:#?}");
    }

    /// A budget's running header over every page, printed by a layout
    /// dump among the cells of a table cut by the page break: taken off
    /// the pages after the first and reported, no cell's text.
    #[test]
    fn a_running_header_is_taken_off_the_pages_and_reported() {
        let header = "上海市普陀区示例街道办事处2025年度单位预算";
        let text = format!(
            "{header}\n财政项目支出绩效目标填报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 第1网格巡查次数 ≥10(次)\n\u{c}{header}\n第2网格巡查次数 ≥20(次)\n\u{c}{header}\n第3网格巡查次数 ≥30(次)\n"
        );
        let read = regrid(jixiao_layout::text::rows(&text));
        let texts: Vec<&str> = read.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts.iter().filter(|t| t.contains(header)).count(), 1, "{texts:#?}");
        let reported: Vec<&str> = read
            .notes
            .iter()
            .filter(|(_, reason, _)| *reason == UnplacedReason::OutsideTable)
            .map(|(_, _, text)| text.as_str())
            .collect();
        assert_eq!(reported, [header, header]);
    }

    /// A note under the table, as real budgets print one: passed on as a
    /// line of its own, no target's continuation.
    #[test]
    fn a_note_under_the_table_is_no_cells_text() {
        let text = "一级指标 二级指标 三级指标 年度(/项目)指标值\n心理健康讲座场次 不低于12场\n数量指标\n个案咨询人次 ≥300(人次)\n产出指标\n心理健康知晓率 90%\n质量指标\n满意度指标 服务对象满意度指标 居民满意度 90.00(度)\n注：本表金额单位为元。\n";
        let rows = regridded(text);
        assert_eq!(
            rows.last().map(String::as_str),
            Some("注：本表金额单位为元。"),
            "{rows:#?}"
        );
        assert!(rows.iter().filter(|r| r.contains("注：")).count() == 1, "{rows:#?}");
    }

    /// The rows of a committed dump after regridding.
    /// A budget's next part after a form's table (its next table's title,
    /// `编制部门` line and rows; `名词解释`) is no row of the table: the
    /// table reads as it does alone (with them in its region, rows of
    /// LibreOffice's district form, in pdfplumber, took other labels).
    #[test]
    fn a_table_ends_where_another_part_of_the_budget_begins() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../corpus/dumps/district.libreoffice.pdf.pdfplumber.txt");
        let dump = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!dump.is_empty(), "{} is committed", path.display());
        let alone = ruled_rows(&dump);
        let part = "2025年部门支出预算总表\n编制部门：上海市普陀区示例街道办事处 单位：元\n\
                    201 一般公共服务支出 3,296,600 3,296,600\n201 05 统计信息事务 438,300 438,300\n\
                    第四部分 名词解释\n1.财政拨款收入：指区级财政当年拨付的资金。\n";
        let with_part = ruled_rows(&format!("{dump}\n{part}"));
        assert_eq!(with_part, alone);
    }

    fn committed_dump_rows(name: &str) -> Vec<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../corpus/dumps")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!text.is_empty(), "{} is committed", path.display());
        ruled_rows(&text)
    }

    /// MuPDF sets targets in a column of about four ideographs: `2025年9`
    /// fills it at seven units (its digits wider than counted) and
    /// `≥10(次)` comes to that width without going on. A column of seven
    /// is tried, and a comparison-led target ends its cell.
    #[test]
    fn a_narrow_target_column_wraps_dates_and_keeps_whole_targets() {
        let plain = committed_dump_rows("district.mupdf.pdf.pdftotext.txt");
        assert!(
            plain.iter().any(|r| r == "专项行动2完成时间 | 2025年/10月底/前"),
            "{plain:#?}"
        );
        let drawn = committed_dump_rows("district.mupdf.pdf.pymupdf.txt");
        assert!(
            drawn.iter().any(|r| r == "专项行动1完成时间 | 2025年9/月底前"),
            "{drawn:#?}"
        );
        // Two digits wrapped down with `月底` (`2025年` / `10月底` / `前`):
        // `10月底` fills the column as `2025年9` does.
        assert!(
            drawn.iter().any(|r| r == "专项行动2完成时间 | 2025年/10月底/前"),
            "{drawn:#?}"
        );
    }

    /// PyMuPDF's sorted text of Dompdf's form: a money label wrapped half
    /// above and half below its row, a blank line above it. The upper
    /// half is no continuation of the date row before the blank line.
    #[test]
    fn a_piece_after_a_blank_line_continues_no_cell_above() {
        let text = " 主管部门    上海市科学技术委员会                         实施单位    上海市生物医药科技发展中心\n\n计划开始日期     2024-01-01                             计划完成日期     2024-12-31\n\n                                           年度资金申请\n           项目资金总额                                                                        31,487,510.00\n                                             总额\n\n 项目资金      其中：财政资                          其中：当年财                                                                                                            5,020,000.00\n";
        let rows: Vec<String> = regrid(jixiao_layout::text::rows(text))
            .rows
            .iter()
            .map(|r| r.cells.join(" | "))
            .collect();
        for row in [
            "计划开始日期 | 2024-01-01 | 计划完成日期 | 2024-12-31",
            "项目资金总额 | 年度资金申请总额 | 31,487,510.00",
        ] {
            assert!(rows.iter().any(|r| r == row), "{row}: {rows:#?}");
        }
    }

    /// Writer's table through plain `pdftotext`: a page's first rows in
    /// row order, then its labels, then the rest a column at a time, the
    /// names wrapped (twenty lines for sixteen targets).
    #[test]
    fn a_column_of_wrapped_names_goes_with_its_targets() {
        let rows = committed_dump_rows("seed.writer.pdf.pdftotext.txt");
        for row in [
            "总阅读量 | ≥80000.00(人次)",
            "除 7 月、8 月、12 月，每月开展一次基础性科创研学活动；每季/组织开展一次科创参观交流活动 | ≥13.00(场)",
            "服务对象满意度 | ≥90.00(%)",
        ] {
            assert!(rows.iter().any(|r| r == row), "{row}: {rows:#?}");
        }
    }

    /// Typst's table through plain `pdftotext`: a name's last character
    /// on a line of its own after the line that holds its target, then a
    /// block of labels. Read as a row's name, `动` shifted every row after.
    #[test]
    fn a_name_of_one_character_is_a_wrapped_names_end() {
        let rows = committed_dump_rows("seed.typst.pdf.pdftotext.txt");
        for row in [
            "除 7 月、8 月、12 月，每月开展一次基础性科创研学活动；每季组织开展一次科创参观交流活/动 | ≥13.00(场)",
            "7 月、8 月开展 2 期暑期科创研学拓展活动；5 月上海科技节活动和 9 月全国科普周活动组织/配套活动；12 月举办科创研学特别活动 | ≥5.00(场)",
        ] {
            assert!(rows.iter().any(|r| r.ends_with(row)), "{row}: {rows:#?}");
        }
    }

    /// Writer's table through plain `pdftotext`: a label's halves around
    /// its row's cells (`服务对象满意度指` / `故障响应服务满意率` /
    /// `≥90.00(%)` / `标`) start the row after the first half.
    #[test]
    fn a_label_printed_around_its_row_starts_it() {
        let rows = committed_dump_rows("seed.writer.pdf.pdftotext.txt");
        let at = rows.iter().position(|r| r.ends_with("故障响应服务满意率 | ≥90.00(%)"));
        assert!(at.is_some(), "{rows:#?}");
    }

    /// PyMuPDF of Typst's form: a six-line target in a column of nine
    /// ideographs, the next row after a label. Read as one-line cells in a
    /// column as wide as one longer line, `征询工作` took the next row's
    /// cells as its target across the label.
    #[test]
    fn a_rows_second_cell_does_not_start_after_a_label() {
        let text = "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n为辖区“一老一小”重点人群提供上门健康评估与家庭照护指\n导服务的户数\n≥1200(户)\n数量指标\n社区微更新项目\n完成辖区内老旧小区\n加装电梯、非机动车\n充电设施和无障碍通\n道改造的前期调研、\n方案论证与居民意见\n征询工作\n质量指标\n服务对象信息登记准确率\n≥98%\n产出指标\n时效指标\n项目完成及时性\n2026 年11 月底前完\n成全部建设内容并通\n过第三方验收\n社会效益指\n标\n";
        let cells: Vec<String> = ruled_rows(text)
            .iter()
            .map(|row| {
                let cells: Vec<&str> = row.split(" | ").collect();
                cells
                    .get(cells.len().saturating_sub(2)..)
                    .unwrap_or_default()
                    .join(" | ")
            })
            .collect();
        assert_eq!(
            cells,
            [
                "为辖区“一老一小”重点人群提供上门健康评估与家庭照护指/导服务的户数 | ≥1200(户)",
                "社区微更新项目 | 完成辖区内老旧小区/加装电梯、非机动车/充电设施和无障碍通/道改造的前期调研、/方案论证与居民意见/征询工作",
                "服务对象信息登记准确率 | ≥98%",
                "项目完成及时性 | 2026 年11 月底前完/成全部建设内容并通/过第三方验收",
            ]
        );
    }

    /// `pdftotext -layout` of fpdf2's form, the second page of a table:
    /// `质量指标` stands half a line below the middle of its ten rows, and
    /// as far from that of the nine after `第1片区巡访记录完整率`, with
    /// `数量指标` taking that row. The lines tie; a rate (`…完整率`, `≥95%`)
    /// measures quality, not a count.
    #[test]
    fn labels_whose_lines_fit_two_cuttings_alike_go_by_what_the_rows_measure() {
        let text = [
            "             一级指标           二级指标                                   三级指标                                      年度(/项目)指标值",
            "\u{c}                        第17片区为老服务站巡访次数   ≥68(次)",
            "               数量指标",
            "                        第18片区为老服务站巡访次数   ≥72(次)",
            "",
            "                        第1片区巡访记录完整率      ≥95%",
            "",
            "                        第2片区巡访记录完整率      ≥95%",
            "",
            "                        第3片区巡访记录完整率      ≥95%",
            "",
            "                        第4片区巡访记录完整率      ≥95%",
            "",
            "     产出指标               第5片区巡访记录完整率      ≥95%",
            "               质量指标",
            "绩效                      第6片区巡访记录完整率      ≥95%",
            "指标                      第7片区巡访记录完整率      ≥95%",
            "",
            "                        第8片区巡访记录完整率      ≥95%",
            "",
            "                        第9片区巡访记录完整率      ≥95%",
            "",
            "                        第10片区巡访记录完整率     ≥95%",
            "",
            "               时效指标     年度巡访任务完成时间       2026年12月15日前",
            "",
            "     成本指标    生态环境成本指标   巡访车辆能耗           较上年下降5%",
            "",
            "     效益指标     社会效益指标    独居老人安全风险         及时发现并处置",
            "",
            "     满意度指标   社会公众满意度指标 社区居民满意度           ≥85%",
            "",
        ]
        .join("\n");
        let read = regrid(jixiao_layout::text::rows(&text));
        assert_eq!(
            labelled_rows(&read),
            [
                "产出指标 | 数量指标 | 第17片区为老服务站巡访次数 | ≥68(次)",
                "质量指标 | 第1片区巡访记录完整率 | ≥95%",
                "时效指标 | 年度巡访任务完成时间 | 2026年12月15日前",
                "成本指标 | 生态环境成本指标 | 巡访车辆能耗 | 较上年下降5%",
                "效益指标 | 社会效益指标 | 独居老人安全风险 | 及时发现并处置",
                "满意度指标 | 社会公众满意度指标 | 社区居民满意度 | ≥85%",
            ]
        );
    }

    /// `pdftotext -raw` of a producer that draws merged cells after the
    /// rows: the table's labels come after its last row, before the next
    /// form's heading, and the table has none of its own. They go to its
    /// rows by what the rows measure, reported as a guess.
    #[test]
    fn labels_drawn_after_the_rows_go_by_what_the_rows_measure() {
        let text = "一级指标 二级指标 三级指标 年度（／项目）指标值\n心理健康讲座场次 不低于１２场\n个案咨询人次 ≥３００（人次）\n心理健康知晓率 ９０％\n服务完成及时率 ＝１００（％）\n经费控制率 ≤１００％\n“心理健康进社区”活动覆盖率 不低于５０％\n心理服务网络运行 长期\n居民满意度 ９０．００（度）\n项目资金\n（元）\n项目\n绩效\n目标\n数量指标\n质量指标\n时效指标\n产出指标\n成本指标\n社会效益指标\n效益指标\n可持续影响指标\n满意度指标 服务对象满意度指标\n绩效\n指标\n财政项目支出绩效目标填报表\n（２０２５年度）\n项目名称 社区综合治理与平安建设\n";
        let read = regrid(jixiao_layout::text::rows(text));
        assert_eq!(
            labelled_rows(&read),
            [
                "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于１２场",
                "质量指标 | 心理健康知晓率 | ９０％",
                "时效指标 | 服务完成及时率 | ＝１００（％）",
                "成本指标 | 经费控制率 | ≤１００％",
                "效益指标 | 社会效益指标 | “心理健康进社区”活动覆盖率 | 不低于５０％",
                "可持续影响指标 | 心理服务网络运行 | 长期",
                "满意度指标 | 服务对象满意度指标 | 居民满意度 | ９０．００（度）",
            ]
        );
        assert!(read
            .notes
            .iter()
            .any(|(_, reason, _)| *reason == UnplacedReason::LabelsByShape));
        assert!(!read
            .notes
            .iter()
            .any(|(_, reason, _)| *reason == UnplacedReason::LabelsWithoutRows));
    }

    /// Plain `pdftotext` of FOP, fpdf2, LibreOffice: the two left header
    /// cells are as tall as the block marker beside them, and poppler
    /// prints them (and the labels after `二级指标`) among the goal and
    /// money cells; `三级指标` and the value cell come right before the
    /// rows. The header is read whole there, the two pieces taken into it,
    /// and the labels printed before it go to the rows by what the rows
    /// measure, reported as a guess: where they stand says nothing, though
    /// taken for centred labels (`数量指标` before row 1, `质量指标` where
    /// the next page starts) it would read 数量 for row 1 alone.
    #[test]
    fn a_header_printed_apart_heads_its_table_with_the_labels_before_it() {
        let text = "财政项目支出绩效目标申报表\n（2026年度）\n\n项目名称\n\n社区睦邻活动\n\n年度总体目标\n\n依托居民区睦邻点开展邻里互助活动。\n二级指标\n\n数量指标\n\n产出指标\n\n服务对象满意度指\n标\n\n项目资金总额\n\n一级指标\n\n绩效\n指标\n\n全年开展睦邻活动不少于300场。\n三级指标\n\n年度(/项目)指标值\n\n第1居民区活动场次\n\n≥3(场)\n\n第2居民区活动场次\n\n≥6(场)\n\n第3居民区活动场次\n\n≥9(场)\n\n产出指标\n\n质量指标\n\n第1居民区活动记录完整率\n\n=100%\n\n第2居民区活动记录完整率\n\n=100%\n\n满意度指标\n\n服务对象满意度指标\n\n参与居民满意度\n\n≥92%\n\n财政项目支出绩效目标申报表\n（2026年度）\n\n项目名称\n\n下一个项目\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        let header = rows.iter().position(|r| r.starts_with("一级指标"));
        assert_eq!(
            header.and_then(|h| rows.get(h..h + 7)).unwrap_or_default(),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 第1居民区活动场次 | ≥3(场)",
                "第2居民区活动场次 | ≥6(场)",
                "第3居民区活动场次 | ≥9(场)",
                "质量指标 | 第1居民区活动记录完整率 | =100%",
                "第2居民区活动记录完整率 | =100%",
                "满意度指标 | 服务对象满意度指标 | 参与居民满意度 | ≥92%",
            ]
        );
        // The header's pieces and labels (`服务对象满意度指` / `标` its
        // narrow cell wrapped) stand nowhere else.
        let pieces = ["一级指标", "二级指标", "数量指标", "产出指标", "服务对象满意度指", "标"];
        assert!(!rows.iter().any(|r| pieces.contains(&r.as_str())), "{rows:?}");
        let reasons: Vec<UnplacedReason> = read.notes.iter().map(|(_, reason, _)| *reason).collect();
        assert!(reasons.contains(&UnplacedReason::LabelsByShape), "{reasons:?}");
    }

    /// A header printed apart with no row after it (the next form's
    /// heading right after the value cell): no table is read, and the
    /// labels taken from before the header stay in the rows, not lost.
    #[test]
    fn labels_before_a_header_printed_apart_stay_where_no_table_is_read() {
        let text = "财政项目支出绩效目标申报表\n\n项目名称\n\n甲\n\n二级指标\n\n数量指标\n\n产出指标\n\n项目资金总额\n\n一级指标\n\n三级指标\n\n年度(/项目)指标值\n\n财政项目支出绩效目标申报表\n\n项目名称\n\n乙\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        for label in ["数量指标", "产出指标"] {
            assert!(rows.iter().any(|r| r == label), "{label} lost: {rows:?}");
        }
    }

    /// Plain `pdftotext` of wkhtmltopdf: as above, but the value cell
    /// printed right before `三级指标`.
    #[test]
    fn a_header_printed_apart_with_its_value_cell_first() {
        let text = "财政项目支出绩效目标填报表\n\n项目名称\n\n社区综合治理\n\n项目总目标\n\n年度总体目标\n\n推进社区综合治理。\n一级指标\n\n完成网格巡查。\n二级指标\n\n数量指标\n\n产出指标\n\n其他资金\n项目\n绩效\n\n项目性质\n\n年度(/项目)指标值\n\n三级指标\n第1网格巡查次数\n\n≥10(次)\n\n第2网格巡查次数\n\n≥20(次)\n\n财政项目支出绩效目标填报表\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        let header = rows.iter().position(|r| r.starts_with("一级指标"));
        assert_eq!(
            header.and_then(|h| rows.get(h..h + 3)).unwrap_or_default(),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 第1网格巡查次数 | ≥10(次)",
                "第2网格巡查次数 | ≥20(次)",
            ],
            "{rows:?}"
        );
    }

    /// Plain `pdftotext` of Typst, MuPDF, pdfmake, WeasyPrint: `一级指标`
    /// and `二级指标` in order, the labels, then the form's money and goal
    /// cells with the block marker (`绩效` / `指标`), then `三级指标` and
    /// the value cell before the rows. The header is read there, the
    /// marker goes before it, and the form's cells stay the form's, not
    /// the table's first rows. A column of names printed before
    /// `三级指标` (Chromium, no form cell between) still heads its table
    /// at `一级指标`.
    #[test]
    fn a_header_spelled_before_the_forms_cells_is_read_where_its_rows_start() {
        let table_rows = |text: &str| -> Vec<String> {
            let read = regrid(jixiao_layout::text::rows(text));
            let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
            let header = rows
                .iter()
                .position(|r| r.starts_with("一级指标"))
                .unwrap_or(rows.len());
            rows.get(header.saturating_sub(2)..).unwrap_or_default().to_vec()
        };
        let apart = "财政项目支出绩效目标申报表\n（2026年度）\n\n项目名称\n\n居家养老服务补贴\n\n一级指标\n\n二级指标\n数量指标\n\n产出指标\n质量指标\n\n绩效\n指标\n\n一般性项目\n\n项目资金总额\n\n项目\n绩效\n目标\n\n年度总体目标\n为老年人发放居家养老服务补贴。\n三级指标\n\n年度(/项目)指标值\n\n享受居家养老服务补贴的老年人数\n\n≥3500(人)\n\n新建社区长者食堂\n\n≥2(家)\n\n服务机构年度考核合格率\n\n=100%\n\n财政项目支出绩效目标申报表\n（2026年度）\n";
        assert_eq!(
            table_rows(apart).get(..6).unwrap_or_default(),
            [
                "绩效",
                "指标",
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 享受居家养老服务补贴的老年人数 | ≥3500(人)",
                "新建社区长者食堂 | ≥2(家)",
                "质量指标 | 服务机构年度考核合格率 | =100%",
            ]
        );
        // iText: the only form cell between is an amount.
        let amount_between = "财政项目支出绩效目标申报表\n（2026年度）\n\n项目名称\n\n睦邻点活动\n\n一级指标\n\n二级指标\n\n数量指标\n\n绩效\n指标\n\n0.00\n\n产出指标\n\n三级指标\n\n年度(/项目)指标值\n\n第1居民区活动场次\n\n≥3(场)\n\n第2居民区活动场次\n\n≥6(场)\n\n财政项目支出绩效目标申报表\n（2026年度）\n";
        let rows = table_rows(amount_between);
        assert_eq!(
            rows.get(2..4).unwrap_or_default(),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 第1居民区活动场次 | ≥3(场)",
            ],
            "{rows:?}"
        );
        // LibreOffice with narrow columns: the annual goal's numbered
        // items between.
        let goal_between = amount_between.replace("0.00", "1.完成上门健康评估1200户；\n2.完成微更新项目前期工作；");
        let rows = table_rows(&goal_between);
        assert_eq!(
            rows.get(2..4).unwrap_or_default(),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 第1居民区活动场次 | ≥3(场)",
            ],
            "{rows:?}"
        );
        let names_first = "财政项目支出绩效目标申报表\n（2026年度）\n\n项目名称\n\n独居老人关爱巡访\n\n一级指标\n\n二级指标\n\n数量指标\n\n产出指标\n\n第1片区巡访次数\n第2片区巡访次数\n第3片区巡访次数\n\n三级指标\n\n年度(/项目)指标值\n≥4(次)\n≥8(次)\n≥12(次)\n\n财政项目支出绩效目标申报表\n（2026年度）\n";
        let rows = table_rows(names_first);
        assert_eq!(rows.get(2).map(String::as_str), Some("一级指标 | 二级指标"), "{rows:?}");
        assert!(rows.iter().any(|r| r == "第3片区巡访次数 | ≥12(次)"), "{rows:?}");
    }

    /// Plain `pdftotext` of LibreOffice Writer: a table's cells a line
    /// each and no blank line between them (no poppler block ends inside
    /// it), numbers spaced off among ideographs. It is read as content
    /// order all the same; read as rows of cells a line, none of its rows
    /// came out.
    #[test]
    fn a_table_of_one_cell_a_line_without_blank_lines_is_content_order() {
        let text = "项目名称 甲\n\n一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n产出指标\n数量指标\n心理健康讲座场次\n不低于 12 场\n个案咨询人次\n≥300(人次)\n团体心理治疗\n开展至少 1 次团体心理治疗\n质量指标\n心理健康知晓率\n90%\n咨询满意率\n满意率 100%\n时效指标\n服务完成及时率\n=100(%)\n成本指标\n经费控制率\n≤100%\n效益指标\n社会效益指标 “心理健康进社区”活动覆盖率\n不低于 50%\n可持续影响指 心理服务网络运行\n长期\n标\n满意度指标\n服务对象满意 居民满意度\n90.00(度)\n\n财政项目支出绩效目标填报表\n";
        let rows = ruled_rows(text);
        assert_eq!(
            rows.get(..4).unwrap_or_default(),
            [
                "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于 12 场",
                "个案咨询人次 | ≥300(人次)",
                "团体心理治疗 | 开展至少 1 次团体心理治疗",
                "质量指标 | 心理健康知晓率 | 90%",
            ]
        );
        assert!(
            rows.contains(&"时效指标 | 服务完成及时率 | =100(%)".to_string()),
            "{rows:?}"
        );
        assert!(rows.contains(&"成本指标 | 经费控制率 | ≤100%".to_string()), "{rows:?}");
    }

    // One line per case: a line's cells → the cells with the numbers a
    // word processor spaced off joined back.
    #[test]
    fn numbers_spaced_off_among_ideographs_join_their_cell() {
        let joined = |cells: &[&str]| -> Vec<String> {
            autospaced_cells_joined(cells.iter().enumerate().map(|(i, c)| (i, c.to_string())).collect())
                .into_iter()
                .map(|(_, c)| c)
                .collect()
        };
        assert_eq!(
            joined(&["第", "1", "片区为老服务站巡访次数"]),
            ["第 1 片区为老服务站巡访次数"]
        );
        assert_eq!(
            joined(&["每季度结束后", "15", "个工作日内发放到位"]),
            ["每季度结束后 15 个工作日内发放到位"]
        );
        assert_eq!(joined(&["开展", "2", "期", "3", "场活动"]), ["开展 2 期 3 场活动"]);
        assert_eq!(joined(&["2024", "年", "11", "月前完成"]), ["2024 年 11 月前完成"]);
        // A name and its target, a label and a name: cells of their own.
        assert_eq!(joined(&["心理健康知晓率", "90%"]), ["心理健康知晓率", "90%"]);
        assert_eq!(joined(&["心理健康知晓率", "90"]), ["心理健康知晓率", "90"]);
        assert_eq!(
            joined(&["社会成本指标", "对周边居民正常生活的影响"]),
            ["社会成本指标", "对周边居民正常生活的影响"]
        );
        // Not a bare number, or not between ideographs.
        assert_eq!(joined(&["达到", "90%以上", "。"]), ["达到", "90%以上", "。"]);
        assert_eq!(joined(&["≥4(次)", "8", "≥12(次)"]), ["≥4(次)", "8", "≥12(次)"]);
    }

    /// Plain `pdftotext` of a form whose font sets ideographic
    /// punctuation half wide: the name column holds 43 units, so
    /// `暑期…和全国` (42) is full and `除７月、８月、１２月，…科创研`
    /// (counted 46, four marks of half width) fits. Read as counted, the
    /// wider line made the column 46 and the first full line a target.
    #[test]
    fn punctuation_set_half_wide_keeps_a_wrapped_name_whole() {
        let text = "一级指标\n\n二级指标\n\n三级指标\n\n年度(/项目)指标值\n\n项目完成率\n\n≥９５．００（％）\n\n开展９场青少年基础性科创研学活动和４场共产党\n员、科技工作者科创参观交流活动\n\n≥１３．００（场）\n\n暑期科创研学拓展活动、上海科技节活动和全国\n科普周活动、科创研学特别活动\n\n≥３．００（场）\n\n除７月、８月、１２月，每月开展一次基础性科创研\n学活动；每季组织开展一次科创参观交流活动\n\n≥１３．００（场）\n\n财政项目支出绩效目标申报表\n";
        let rows = ruled_rows(text);
        assert_eq!(
            rows,
            [
                "项目完成率 | ≥９５．００（％）",
                "开展９场青少年基础性科创研学活动和４场共产党/员、科技工作者科创参观交流活动 | ≥１３．００（场）",
                "暑期科创研学拓展活动、上海科技节活动和全国/科普周活动、科创研学特别活动 | ≥３．００（场）",
                "除７月、８月、１２月，每月开展一次基础性科创研/学活动；每季组织开展一次科创参观交流活动 | ≥１３．００（场）",
            ]
        );
    }

    /// Plain `pdftotext` of fpdf2, FOP, jsPDF: a target centred on a
    /// two-line name is printed between the name's lines, in one block.
    /// The name's lines go together, around their target.
    #[test]
    fn a_target_printed_between_its_names_lines_stays_its_rows() {
        let text = "一级指标\n\n二级指标\n\n三级指标\n\n年度(/项目)指标值\n\n基础数据信息采集细分领域覆盖率\n\n>70.00(%)\n\n普及细胞治疗、抗体治疗等的基本概念，了解生物医药基础知识，培养对生物科学的兴趣，掌握\n≥13.00(场)\n科学方法，实践科学操作，提升科学研究综合能力。\n加强科创研学实践操作能力的培养，通过互动活动提升对生物科学的兴趣，传递最新最前沿的生\n≥5(场)\n物医药研究成果和发展趋势。\n\n总阅读量\n\n≥80000.00(人次)\n\n财政项目支出绩效目标申报表\n（2024年度）\n";
        let rows = ruled_rows(text);
        assert_eq!(
            rows,
            [
                "基础数据信息采集细分领域覆盖率 | >70.00(%)",
                "普及细胞治疗、抗体治疗等的基本概念，了解生物医药基础知识，培养对生物科学的兴趣，掌握/科学方法，实践科学操作，提升科学研究综合能力。 | ≥13.00(场)",
                "加强科创研学实践操作能力的培养，通过互动活动提升对生物科学的兴趣，传递最新最前沿的生/物医药研究成果和发展趋势。 | ≥5(场)",
                "总阅读量 | ≥80000.00(人次)",
            ]
        );
    }

    /// Plain `pdftotext` of MuPDF's and pdfmake's forms: the first row's
    /// name printed between the header's pieces (`三级指标` / `项目完成率` /
    /// `年度(/项目)指` / `标值`), a target on the line of the name's line
    /// it stands beside, the name's other lines after it. The name is no
    /// header cell's, and the name's lines go together around the target.
    #[test]
    fn a_target_on_a_line_of_its_name_stays_its_rows() {
        let rows = regridded(include_str!("testdata/mupdf-pdftotext-targets-on-name-lines.txt"));
        let row_of = |name: &str| row_with(&rows, name);
        assert_eq!(row_of("项目完成率"), "项目完成率 | ≥95.00(%)");
        assert_eq!(
            row_of("开展9场"),
            "开展9场青少年基础性科创研学活动和4场共产党/员、科技工作者科创参观交流活动 | ≥13.00(场)"
        );
        assert_eq!(
            row_of("普及细胞治疗"),
            "普及细胞治疗、抗体治疗等的基本概念，了解生/物医药基础知识，培养对生物科学的兴趣，掌握/科学方法，实践科学操作，提升科学研究综合能/力。 | ≥13.00(场)"
        );
        assert_eq!(
            row_of("加强科创研学"),
            "加强科创研学实践操作能力的培养，通过互动活/动提升对生物科学的兴趣，传递最新最前沿的生/物医药研究成果和发展趋势。 | ≥5(场)"
        );
    }

    /// Plain `pdftotext` of Typst's form: the whole first row printed
    /// after the last, target first, among the header's pieces
    /// (`年度(/项目)指标值` / `≥95.00(%)` / … / `三级指标` / `项目完成率`).
    /// It goes first, the right way round; the rows after it stay theirs.
    #[test]
    fn a_first_row_printed_after_the_table_target_first_goes_first() {
        let rows = ruled_rows(include_str!("testdata/typst-pdftotext-first-row-after-table.txt"));
        assert_eq!(
            rows.first().map(String::as_str),
            Some("产出指标 | 数量指标 | 项目完成率 | ≥95.00(%)")
        );
        assert_eq!(rows.get(1).map(String::as_str), Some("完成课题报告 | =1.00(份)"));
        assert_eq!(rows.last().map(|r| r.ends_with("专栏阅读人数 | ≥95.00(%)")), Some(true));
        assert_eq!(rows.len(), 13);
    }

    /// Plain `pdftotext` of Typst's district form: the first row printed
    /// among the rows, target first, with the header's cells poppler set
    /// after the cost rows (`年度(/项目)指标值` / `不低于 12 场` / … /
    /// `三级指标` / `心理健康讲座场次`): it goes first, the right way round.
    #[test]
    fn a_first_row_printed_among_the_rows_with_the_header_goes_first() {
        let rows = ruled_rows(include_str!("testdata/typst-pdftotext-first-row-among-rows.txt"));
        assert_eq!(
            rows.first().map(String::as_str),
            Some("产出指标 | 数量指标 | 心理健康讲座场次 | 不低于 12 场")
        );
        assert_eq!(
            rows.get(7).map(String::as_str),
            Some("效益指标 | 社会效益指标 | “心理健康进社区”活动覆盖率 | 不低于 50%")
        );
        assert_eq!(rows.len(), 10);
    }

    /// Plain `pdftotext` of Chromium's seed form in a serif font: a row
    /// printed target first with its labels between (`≥90.00(%)` /
    /// `满意度指标` / `服务对象满意度指标 故障响应服务满意率`), far from any
    /// header cell: no first row, it stays where it stands.
    #[test]
    fn a_row_printed_target_first_away_from_the_header_stays() {
        let rows = ruled_rows(include_str!("testdata/chromium-serif-pdftotext-row-target-first.txt"));
        assert_eq!(rows.first().map(|r| r.ends_with("项目完成率 | ≥95.00(%)")), Some(true));
    }

    /// Plain `pdftotext` of UCS-2 forms: a target on the middle line of a
    /// three-line name.
    #[test]
    fn a_target_on_the_middle_line_of_its_name_stays_its_rows() {
        let text = "一级指标\n\n二级指标\n\n三级指标\n\n年度(/项目)指标值\n\n基础数据当月采集、当月分析同步率\n\n>70.00(%)\n\n除7月、8月、12月，每月开展一次基础性科创研学\n≥13.00(场)\n活动；每季组织开展一次科创参观交流活动\n7月、8月开展2期暑期科创研学拓展活动；5月上海\n科技节活动和9月全国科普周活动组织配套活动； ≥5.00(场)\n12月举办科创研学特别活动\n\n期刊出版频率\n\n=1.00(月)\n\n财政项目支出绩效目标申报表\n（2024年度）\n";
        let rows = ruled_rows(text);
        assert_eq!(
            rows,
            [
                "基础数据当月采集、当月分析同步率 | >70.00(%)",
                "除7月、8月、12月，每月开展一次基础性科创研学/活动；每季组织开展一次科创参观交流活动 | ≥13.00(场)",
                "7月、8月开展2期暑期科创研学拓展活动；5月上海/科技节活动和9月全国科普周活动组织配套活动；/12月举办科创研学特别活动 | ≥5.00(场)",
                "期刊出版频率 | =1.00(月)",
            ]
        );
    }

    /// Plain `pdftotext` of Chromium: poppler takes the first row's name
    /// out of the table and prints it with the header pieces after the
    /// last row. It goes back to the one row without a name, and no row
    /// is made of it.
    #[test]
    fn a_first_name_printed_after_the_table_goes_back_to_its_row() {
        let text = "一级指标\n\n二级指标\n\n绩效\n指标\n\n=100.00(%)\n\n采购安全软件数量\n\n≥1.00(个)\n\n维修项目验收合格率\n\n≥95.00(%)\n\n社会效益指标\n\n保障生药中心各项工作正常开展\n\n有效保障\n\n维修人员服务满意率\n\n≥90.00(%)\n\n质量指标\n\n效益指标\n\n满意度指标\n\n年度(/项目)指标值\n\n项目完成率\n\n数量指标\n产出指标\n\n三级指标\n\n服务对象满意度指标\n\n财政项目支出绩效目标申报表\n（2024年度）\n\n项目名称\n\n科技创新服务工作\n";
        let read = regrid(jixiao_layout::text::rows(text));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            rows.get(1..6).unwrap_or_default(),
            [
                "产出指标 | 数量指标 | 项目完成率 | =100.00(%)",
                "采购安全软件数量 | ≥1.00(个)",
                "质量指标 | 维修项目验收合格率 | ≥95.00(%)",
                "效益指标 | 社会效益指标 | 保障生药中心各项工作正常开展 | 有效保障",
                "满意度指标 | 服务对象满意度指标 | 维修人员服务满意率 | ≥90.00(%)",
            ]
        );
        assert_eq!(rows.get(6).map(String::as_str), Some("年度(/项目)指标值"));
    }

    /// PyMuPDF of the project's own generator: the merged cells drawn
    /// after all rows, the last label cut in two and joined in the table
    /// (`服务对象满意度指` / `标`), the others after it, before the next
    /// form's heading. Together they go by what the rows measure.
    #[test]
    fn a_tables_own_unplaced_labels_join_those_drawn_after_it() {
        let text = "一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n组织咨询、研讨会\n≥2.00(次)\n服务项目验收率\n≥50.00(%)\n宣传推广及时性\n通过会议等形式，及时宣\n传平台联盟\n服务用户满意度\n≥85.00(%)\n绩效\n指标\n服务对象满意度指\n标\n满意度指标\n时效指标\n产出指标\n质量指标\n数量指标\n项目\n绩效\n目标\n项目资金\n（元）\n财政项目支出绩效目标申报表\n（2024年度）\n项目名称\n下一个项目\n";
        let read = regrid(jixiao_layout::text::rows(text));
        assert_eq!(
            labelled_rows(&read),
            [
                "产出指标 | 数量指标 | 组织咨询、研讨会 | ≥2.00(次)",
                "质量指标 | 服务项目验收率 | ≥50.00(%)",
                "时效指标 | 宣传推广及时性 | 通过会议等形式，及时宣/传平台联盟",
                "满意度指标 | 服务对象满意度指标 | 服务用户满意度 | ≥85.00(%)",
            ]
        );
        let reasons: Vec<UnplacedReason> = read.notes.iter().map(|(_, reason, _)| *reason).collect();
        assert!(reasons.contains(&UnplacedReason::LabelsByShape), "{reasons:?}");
        assert!(!reasons.contains(&UnplacedReason::LabelsWithoutRows), "{reasons:?}");
    }

    // PyMuPDF of a budget with a form among its pages: the budget's table
    // prints its blank cells as lines of a space, blank lines to the dump,
    // which made the whole dump look like poppler's blocks; the forms'
    // own lines, none blank, tell it is drawing order.
    #[test]
    fn the_forms_lines_tell_the_dumps_order() {
        let budget = "收入决算表\n单位：万元\n208\n \n社会保障和就业支出\n \n754.75\n \n754.75\n \n \n210\n \n卫生健康支出\n \n236.64\n \n";
        let form = "财政项目支出绩效目标填报表\n（2025年度）\n一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n心理健康讲座场次\n不低于12场\n个案咨询人次\n≥300(人次)\n数量指标\n产出指标\n";
        let rows = jixiao_layout::text::rows(&format!("{budget}{form}{budget}"));
        assert!(!no_blank_lines(&rows));
        let forms = forms_span(&rows);
        assert_eq!(
            forms.first().map(|r| r.text.as_str()),
            Some("财政项目支出绩效目标填报表")
        );
        assert_eq!(forms.last().map(|r| r.text.as_str()), Some("产出指标"));
        assert!(no_blank_lines(forms));
        assert!(regrid(rows).drawing_order);
    }

    // Plain pdftotext of the stress form (fpdf2, FOP, jsPDF …): each goal
    // heading a block of its own, then the project goal's two lines
    // between the year's three, by height (each cell centred).
    #[test]
    fn goal_headings_apart_take_the_interleaved_cells_that_follow() {
        let text = "项目总目标\n\n年度总体目标\n\n1.完成上门健康评估1200户；\n通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理精\n2.完成微更新项目前期工作；\n细化水平。\n3.居民满意度达到90%以上。\n一级指标\n\n二级指标\n";
        assert_eq!(
            regridded(text).get(2).map(String::as_str),
            Some("通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理精/细化水平。 | 1.完成上门健康评估1200户；/2.完成微更新项目前期工作；/3.居民满意度达到90%以上。")
        );
    }

    // PyMuPDF prints the headings on lines next to each other and the
    // cells one after the other, as drawn: no interleaving to undo.
    #[test]
    fn goal_headings_on_adjacent_lines_are_no_interleaved_block() {
        let text = "项目总目标\n年度总体目标\n为辖区居民提供心理健康咨询、危机干预和团体心\n理辅导服务，建立覆盖各居民区的心理服务网络。\n1.全年开展心理健康讲座不少于12场；\n2.为重点人群提供个案心理咨询，开展至少1次团体心理治疗；\n3.居民心理健康知晓率达到90%。\n绩效指标\n一级指标\n二级指标\n";
        let rows = regridded(text);
        let goal_rows = rows.get(2..7).unwrap_or_default();
        assert_eq!(goal_rows, text.lines().skip(2).take(5).collect::<Vec<_>>());
    }

    // pdftotext -layout of Dompdf's seed: the table goes on from the page
    // before in a poppler block of its own, names at 0 and targets at 35,
    // no line holding both; the page's later rows stand at 12 and 50,
    // then 23 and 62.
    #[test]
    fn a_rows_lines_of_one_piece_each_at_two_columns_part_name_and_target() {
        let text = "                一级指标         二级指标                  三级指标                年度(/项目)指标值\n\n                                     发布推文                 ≥300.00(篇)\n\u{c}加强科创研学实践操作能力的培养，通过\n互动活动提升对生物科学的兴趣，传递最\n                                   ≥5(场)\n新最前沿的生物医药研究成果和发展趋势\n\n                                   ≥80000.00(人次\n总阅读量\n                                   )\n\n            基础数据当月采集、当月分析同步率                      >70.00(%)\n\n            期刊出版频率                                =1.00(月)\n\n                       促进社会面专家达成共识                            >65.00(%)\n";
        assert_eq!(
            regridded(text),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "发布推文 | ≥300.00(篇)",
                "加强科创研学实践操作能力的培养，通过/互动活动提升对生物科学的兴趣，传递最/新最前沿的生物医药研究成果和发展趋势 | ≥5(场)",
                "总阅读量 | ≥80000.00(人次/)",
                "基础数据当月采集、当月分析同步率 | >70.00(%)",
                "期刊出版频率 | =1.00(月)",
                "促进社会面专家达成共识 | >65.00(%)",
            ]
        );
    }

    /// PyMuPDF of the project's generator with GBK fonts, which draws a
    /// page's merged cells before its heading: the first form's labels
    /// stand before the document's title, and those drawn after a form's
    /// rows are the next form's. Each form's go by what its rows measure.
    #[test]
    fn labels_drawn_before_the_first_heading_make_each_block_the_next_forms() {
        let text = "绩效\n指标\n服务对象满意度指\n标\n满意度指标\n时效指标\n产出指标\n数量指标\n项目\n绩效\n目标\n项目资金\n（元）\n某中心2024年度项目绩效目标汇总表\n财政项目支出绩效目标申报表\n（2024年度）\n项目名称\n甲项目\n一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n组织咨询、研讨会\n≥2.00(次)\n宣传推广及时性\n及时发布\n服务用户满意度\n≥85.00(%)\n绩效\n指标\n质量指标\n产出指标\n项目\n绩效\n目标\n项目资金\n（元）\n财政项目支出绩效目标申报表\n（2024年度）\n项目名称\n乙项目\n一级指标\n二级指标\n三级指标\n年度(/项目)指标值\n维修项目验收合格率\n≥95.00(%)\n";
        let read = regrid(jixiao_layout::text::rows(text));
        assert_eq!(
            labelled_rows(&read),
            [
                "产出指标 | 数量指标 | 组织咨询、研讨会 | ≥2.00(次)",
                "时效指标 | 宣传推广及时性 | 及时发布",
                "满意度指标 | 服务对象满意度指标 | 服务用户满意度 | ≥85.00(%)",
                "产出指标 | 质量指标 | 维修项目验收合格率 | ≥95.00(%)",
            ]
        );
        let reasons: Vec<UnplacedReason> = read.notes.iter().map(|(_, reason, _)| *reason).collect();
        assert_eq!(reasons, [UnplacedReason::LabelsByShape, UnplacedReason::LabelsByShape]);
    }

    const TWO_FORMS: &str = "一级指标 二级指标 三级指标 年度(/项目)指标值\n组织咨询会 ≥2.00(次)\n服务覆盖面 ≥50.00(%)\n绩效\n指标\n服务对象满意度指\n标满意度指标\n质量指标\n产出指标 数量指标\n项目\n绩效\n目标\n项目资金\n（元）\n财政项目支出绩效目标申报表\n（2024年度）\n";

    // pdfplumber (no columns): a one-line cell centred on a two-line one,
    // neither shaped like a target. Either could be the name; the wrapped
    // one is read as the target, as descriptive targets are long and names
    // short (the seed's form, every producer).
    #[test]
    fn of_two_text_cells_alike_the_wrapped_one_is_the_target() {
        let text = "一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 项目应急处置率 ≥98.00(%)\n提升平台中试工程化、产业化、及成果转化等服\n提升平台服务能力\n务能力\n执行率 =100.00(%)\n";
        let rows = regridded(text);
        assert_eq!(
            rows,
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 项目应急处置率 | ≥98.00(%)",
                "提升平台服务能力 | 提升平台中试工程化、产业化、及成果转化等服/务能力",
                "执行率 | =100.00(%)",
            ]
        );
    }

    // pdfplumber of a WeasyPrint form: a one-row run of two lines (its
    // target wrapped) has its label on the lower line, with its name; the
    // next label, on a line of its own, is centred on the next two rows.
    #[test]
    fn a_one_row_runs_label_stands_on_either_of_its_two_lines() {
        let text = "一级指标 二级指标 三级指标 年度(/项目)指标值\n享受居家养老服务补贴的老年人数 ≥3500(人)\n数量指标 为失能、半失能老年人提供的上门照护服务时长 ≥120000(小时)\n新建社区长者食堂 ≥2(家)\n产出指标 服务机构年度考核合格率 =100%\n质量指标\n补贴资金发放准确率 =100%\n每季度结束后15个工作日内发放\n绩效 时效指标 补贴资金发放及时性 到位\n指标\n人均居家养老服务补贴标准 ≤1380(元/人)\n经济成本指标\n成本指标 长者食堂建设单位成本 ≤800000(元/家)\n社会成本指标 对周边居民正常生活的影响 无明显影响\n";
        let rows = regridded(text);
        assert_eq!(
            rows.get(6..9).unwrap_or_default(),
            [
                "时效指标 | 补贴资金发放及时性 | 每季度结束后15个工作日内发放/到位",
                "成本指标 | 经济成本指标 | 人均居家养老服务补贴标准 | ≤1380(元/人)",
                "长者食堂建设单位成本 | ≤800000(元/家)",
            ]
        );
    }

    // pdfplumber of a MuPDF form: a target at the top of its row, beside
    // the first of its name's four lines. The name's other lines are no
    // wrap of that target (wider than its first line); `次)` under
    // `≥80000.00(人` is.
    regrids_to!(
        a_top_target_beside_a_wrapped_name_keeps_its_one_line,
        "一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 项目完成率 ≥95.00(%)\n开展9场青少年基础性科创研学活动和4场共产党 ≥13.00(场)\n员、科技工作者科创参观交流活动\n暑期科创研学拓展活动、上海科技节活动和全国 ≥3.00(场)\n科普周活动、科创研学特别活动\n发布推文 ≥300.00(篇)\n质量指标 基础数据信息采集细分领域覆盖率 >70.00(%)\n普及细胞治疗、抗体治疗等的基本概念，了解生 ≥13.00(场)\n物医药基础知识，培养对生物科学的兴趣，掌握\n科学方法，实践科学操作，提升科学研究综合能\n力。\n加强科创研学实践操作能力的培养，通过互动活 ≥5(场)\n动提升对生物科学的兴趣，传递最新最前沿的生\n物医药研究成果和发展趋势。\n总阅读量 ≥80000.00(人\n次)\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 项目完成率 | ≥95.00(%)",
            "开展9场青少年基础性科创研学活动和4场共产党/员、科技工作者科创参观交流活动 | ≥13.00(场)",
            "暑期科创研学拓展活动、上海科技节活动和全国/科普周活动、科创研学特别活动 | ≥3.00(场)",
            "发布推文 | ≥300.00(篇)",
            "质量指标 | 基础数据信息采集细分领域覆盖率 | >70.00(%)",
            "普及细胞治疗、抗体治疗等的基本概念，了解生/物医药基础知识，培养对生物科学的兴趣，掌握/科学方法，实践科学操作，提升科学研究综合能/力。 | ≥13.00(场)",
            "加强科创研学实践操作能力的培养，通过互动活/动提升对生物科学的兴趣，传递最新最前沿的生/物医药研究成果和发展趋势。 | ≥5(场)",
            "总阅读量 | ≥80000.00(人/次)",
        ]
    );

    // pdfplumber of a ReportLab form: the name `可持续影响` begins a label,
    // and the `指标` two lines on is the rest of `服务对象满意度` printed
    // between, past a row: that label's, not the name's.
    regrids_to!(
        a_labels_first_piece_between_keeps_its_rest_past_a_row,
        "一级指标 二级指标 三级指标 年度(/项目)指标值\n数量指标 项目完成率 =100(%)\n产出指标 质量指标 验收合格 =100(%)\n时效指标 项目完成及时性 2024年11月前完成\n保障生药中心孵化基地建设项目正常开展 有效保障\n绩效指标\n社会效益指标\n意向服务企业数 >10.00(家)\n效益指标\n排放合格率 =100.00(%)\n可持续影响指标\n可持续影响 >10.00(年)\n服务对象满意度\n满意度指标 专业人员服务满意度 ≥90.00(%)\n指标\n",
        [
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 项目完成率 | =100(%)",
            "质量指标 | 验收合格 | =100(%)",
            "时效指标 | 项目完成及时性 | 2024年11月前完成",
            "效益指标 | 社会效益指标 | 保障生药中心孵化基地建设项目正常开展 | 有效保障",
            "意向服务企业数 | >10.00(家)",
            "可持续影响指标 | 排放合格率 | =100.00(%)",
            "可持续影响 | >10.00(年)",
            "满意度指标 | 服务对象满意度指标 | 专业人员服务满意度 | ≥90.00(%)",
        ]
    );

    // pdfplumber of a MuPDF form (cells at the top of their rows, a target
    // column five ideographs wide): a target line alone between two others
    // of the target is no line of the name, which started on the target's
    // first line and shares its baselines.
    #[test]
    fn cells_that_start_on_one_line_skip_no_line_of_each_other() {
        let rows = regridded("绩效 一级指标 二级指标 三级指标 年度(/项目)\n指标 指标值\n产出指标 数量指标 调研或会议会展 ≥3.00(次)\n邀请演讲专家数 ≥100.00(位)\n专业媒体数 ≥3.00(家)\n研讨会议程活动完成率 ≥95.00(%)\n项目引进或对接 ≥2.00(个)\n参会人数 ≥800.00(人)\n培训或项目对接 ≥2.00(个)\n质量指标 教授级专家邀请到会数 ≥20.00(位)\n会议议程内容符合率 ≥95.00(%)\n中药材调研 ≥2.00(次)\n时效指标 组织筹备及时性 筹备完善，\n按时召开会\n议\n宣传推广及时性 及时发布宣\n传推广信息\n效益指标 社会效益指标 拓展国内外交流合作渠道 吸引来自国\n内外的、生\n物医药产业\n各界代表参\n与会议，搭\n建交流合作\n平台，拓展\n合作渠道\n媒体报道 ≥3.00(家)\n促成国内外合作项目意向 通过会议搭\n建国内外交\n流合作平\n台，促成\n1-3项国内\n外项目合作\n意向\n可持续影响指标 人员到位率 ≥90.00(%)\n满意度指标 服务对象满意度指标 参会人员满意度 ≥85.00(%)\n财政项目支出绩效目标申报表\n");
        for row in [
            "效益指标 | 社会效益指标 | 拓展国内外交流合作渠道 | 吸引来自国/内外的、生/物医药产业/各界代表参/与会议，搭/建交流合作/平台，拓展/合作渠道",
            "促成国内外合作项目意向 | 通过会议搭/建国内外交/流合作平/台，促成/1-3项国内/外项目合作/意向",
        ] {
            assert!(rows.iter().any(|r| r == row), "{row} not in {rows:#?}");
        }
    }

    // pdfplumber of a MuPDF form: a one-line project goal and the first of
    // the annual goal's three numbered lines share a line, parted by a
    // space after `。`; the annual goal goes on below.
    regrids_to!(
        a_goal_and_its_neighbours_first_item_on_one_line_are_two_cells,
        "项目 项目总目标 年度总体目标\n绩效\n目标\n通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理精细化水平。 1.完成上门健康评估1200户；\n2.完成微更新项目前期工作；\n3.居民满意度达到90%以上。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 上门健康评估户数 ≥1200(户)\n",
        [
            "项目绩效目标 | 项目总目标 | 年度总体目标",
            "通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理精细化水平。 | 1.完成上门健康评估1200户；/2.完成微更新项目前期工作；/3.居民满意度达到90%以上。",
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "产出指标 | 数量指标 | 上门健康评估户数 | ≥1200(户)",
        ]
    );

    // `pdftotext -layout` of an iText form: the project goal fills its
    // cell to the edge (its `。` wrapped alone), one space before the
    // annual goal; no gap between the columns' starts tells them apart.
    // They meet as far right of the project heading's middle as the text
    // starts left of it.
    regrids_to!(
        goal_cells_one_space_apart_part_where_the_left_one_ends,
        " 项目                      项目总目标                                年度总体目标\n 绩效    依托居民区睦邻点开展邻里互助活动，营造和谐社区氛围 全年开展睦邻活动不少于300场。\n 目标    。\n        一级指标        二级指标                     三级指标                       年度(/项目)指标值\n                             第1居民区“睦邻点”活动场次                            ≥3(场)\n",
        [
            "项目绩效目标 | 项目总目标 | 年度总体目标",
            "依托居民区睦邻点开展邻里互助活动，营造和谐社区氛围/。 | 全年开展睦邻活动不少于300场。",
            "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
            "第1居民区“睦邻点”活动场次 | ≥3(场)",
        ]
    );

    // pdfplumber of a ReportLab form: a one-line name of 15 ideographs
    // centred among its target's lines of 13; wider than the target's
    // column, as its other lines show it, it is no line of the target.
    #[test]
    fn a_line_wider_than_a_cells_other_lines_is_no_line_of_it() {
        let rows = regridded("一级指标 二级指标 三级指标 年度(/项目)指标值\n组织平台建设和发展相关咨询、研讨会 ≥2.00(次)\n数量指标 参加生物医药领域会议、展会等活动 ≥2.00(次)\n专业服务覆盖面 ≥50.00(%)\n研讨会、活动参与率 ≥95.00(%)\n质量指标\n服务项目验收率 ≥50.00(%)\n产出指标\n利用平台网络信息化系统，及\n服务信息更新及时性 时发布、更新平台联盟服务信\n息\n时效指标\n绩效指标 通过会议等形式，及时宣传平\n宣传推广及时性\n台联盟，扩大平台知晓度\n项目应急处置率 ≥98.00(%)\n通过广泛宣传，吸引并筛选生\n物医药领域前沿技术服务机构\n，加入平台联盟，拓展平台服\n拓展平台服务领域，促进资源集聚\n务领域和范围，进一步聚集研\n发资源，助力区域创新体系建\n社会效益指标\n设\n效益指标\n提升平台中试工程化、产业化、\n提升平台服务能力\n及成果转化等服务能力\n执行率 =100.00(%)\n生态效益指标 服务专业客户数量 ≥5.00(个)\n服务对象满意度\n");
        let row = "效益指标 | 社会效益指标 | 拓展平台服务领域，促进资源集聚 | 通过广泛宣传，吸引并筛选生/物医药领域前沿技术服务机构/，加入平台联盟，拓展平台服/务领域和范围，进一步聚集研/发资源，助力区域创新体系建/设";
        assert!(rows.iter().any(|r| r == row), "{row} not in {rows:#?}");
    }

    // pdfplumber of Ghostscript's copy of a LibreOffice form: the block
    // label's `绩效` printed twice, its `指标` once; the lone `绩效` is no
    // target's last line.
    #[test]
    fn a_block_labels_first_piece_alone_is_no_cells_text() {
        assert_eq!(
            regridded("一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 组织咨询会 ≥2.00(次)\n项目应急处置率 ≥98.00(%)\n绩效\n绩效\n指标\n质量指标 服务项目验收率 ≥50.00(%)\n"),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "产出指标 | 数量指标 | 组织咨询会 | ≥2.00(次)",
                // `质量指标`'s line fits this run as well as the next
                // row alone: a rate goes under it.
                "质量指标 | 项目应急处置率 | ≥98.00(%)",
                "服务项目验收率 | ≥50.00(%)",
            ]
        );
    }

    // pdfplumber: the name `可持续影响` (under its label) and, after it, the
    // block label's `绩效` / row / `指标`: that `指标` is the block label's
    // rest, not the name's.
    #[test]
    fn an_indicator_piece_under_the_block_labels_first_is_its_rest() {
        assert_eq!(
            regridded("一级指标 二级指标 三级指标 年度(/项目)指标值\n效益指标 社会效益指标 促进科技创新发展 有效促进\n可持续影响指标\n可持续影响 >3.00(年)\n绩效\n满意度指标 服务对象满意度指标 专业人员服务满意率 ≥85.00(%)\n指标\n"),
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "效益指标 | 社会效益指标 | 促进科技创新发展 | 有效促进",
                "可持续影响指标 | 可持续影响 | >3.00(年)",
                "满意度指标 | 服务对象满意度指标 | 专业人员服务满意率 | ≥85.00(%)",
            ]
        );
    }

    // pypdf of a producer that draws each page's merged cells first, pages
    // joined without a mark: the next form's labels, before its title, are
    // set on no row of this table, and are reported.
    #[test]
    fn the_next_forms_labels_drawn_before_its_title_are_no_rows_labels() {
        let read = regrid(jixiao_layout::text::rows(TWO_FORMS));
        let rows: Vec<String> = read.rows.iter().map(|r| r.cells.join(" | ")).collect();
        assert_eq!(
            rows,
            [
                "一级指标 | 二级指标 | 三级指标 | 年度(/项目)指标值",
                "组织咨询会 | ≥2.00(次)",
                "服务覆盖面 | ≥50.00(%)",
                "绩效",
                "指标",
                "项目",
                "绩效",
                "目标",
                "项目资金",
                "（元）",
                "财政项目支出绩效目标申报表",
                "（2024年度）",
            ]
        );
        let notes: Vec<(UnplacedReason, &str)> = read.notes.iter().map(|(_, r, t)| (*r, t.as_str())).collect();
        assert_eq!(
            notes,
            [(
                UnplacedReason::LabelsWithoutRows,
                "服务对象满意度指标 满意度指标 质量指标 产出指标 数量指标"
            )]
        );
    }
}
