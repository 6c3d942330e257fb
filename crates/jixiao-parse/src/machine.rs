//! The state machine: tokens → [`Event`]s.
//!
//! [`State`] is where in a form the parser stands, with the little it must
//! remember there (a header value still wrapping, the money cells of the
//! funds block, the lines of the goal, the indicator context and the run of
//! wrapped lines). [`Parser::step`] is the one transition function: it takes
//! the current state and a token and returns the next state, pushing events.
//!
//! # Advice for hackers
//!
//! - **A new label** (another 二级指标, a header cell, a money cell): add
//!   it to the vocabulary in `vocab.rs` (`LEVEL1`/`LEVEL2` and `family`,
//!   `FIELDS`, `fund_label`); the lexer and this machine need no change. A
//!   case in `vocab.rs`'s tests and, if it changes a dump's layout, in
//!   `regrid.rs`'s `regrids_to!` table.
//! - **A new block** (a form section with its own rows): a token kind in
//!   `lexer.rs` if the block starts with a marker of its own, a `State`
//!   variant with what the block must remember, its arm in `step` (and in
//!   `finish`, which ends whatever block is open), an `Event` variant in
//!   `event.rs` and its handling in `build.rs`; then a `schema/` field, a
//!   `docs/output.md` row and a `parses_to!` case below for every
//!   transition into and out of the new state.
//! - **Something dropped or unplaced**: never drop silently; emit
//!   `Event::Fragment` (a `FragmentKind`) or `Event::Unplaced` (an
//!   `UnplacedReason`) with the text, which become `duplicate-fragment` and
//!   `unplaced-text` diagnostics; a new kind needs its wording in
//!   `jixiao_model` and a line in `docs/diagnostics.md`.
//! - Tests: `lexes_to!` (rows → tokens) and `parses_to!` (rows → events),
//!   one line per case, at the end of this file; the golden files show the
//!   whole effect on the corpus (`JIXIAO_BLESS=1` rewrites them).

use std::collections::VecDeque;
use std::mem;

use jixiao_layout::Row;
use jixiao_model::normalize::{dewrap, fold_compact, is_amount, is_numeric_target, parse_amount, parse_date};
use jixiao_model::{FragmentKind, FundItem, Location, UnplacedReason};

use crate::event::Event;
use crate::lexer::{strip_leading_cell, Token, TokenKind};
use crate::regrid::Label;
use crate::runs;
use crate::vocab::{self, Field, FundLabel, GoalSlot, LabelLevel, Marker};

/// Where the parser stands.
#[derive(Debug)]
enum State {
    /// Before the first form heading.
    Preamble { rows: Vec<Row> },
    /// Header cells (项目名称 …); `pending` is the field whose value may
    /// still wrap onto the next lines.
    Header { pending: Option<PendingField> },
    /// The money block.
    Funds(Funds),
    /// The goal text.
    Goal(Goal),
    /// The indicator table.
    Table(Table),
}

#[derive(Debug)]
struct PendingField {
    field: Field,
    parts: Vec<String>,
    loc: Location,
}

#[derive(Debug, Default)]
struct Funds {
    scale: u32,
    cells: Vec<FundCell>,
    /// A row's last cell that only begins a money label, which the next
    /// row's first cell ends (`其中：财政资` / `金 3,650,000.00`).
    label_begun: Option<(String, Location)>,
    /// The rest of a money label cut short by its cell (`款` of
    /// `其中：当年财政拨`), which may stand drawn over the row below, before
    /// that row's label (Gnumeric paints the next row's fill over it).
    cut_tail: Option<&'static str>,
    /// Amounts on a dump's lines of their own that no label right before
    /// took (a run of labels, then a run of amounts: poppler's order of a
    /// column of money cells), for [`place_run_by_sums`].
    loose: Vec<(String, Location)>,
    /// A dump's amount lines between a label's halves (`年度资金申请总` /
    /// `1,280,000.00` / `额`: poppler sets the row's one-line amount
    /// between the lines of its wrapped label), held until the next row
    /// tells whether it ends the label.
    between_halves: Vec<Row>,
    /// Whether a label took an amount printed right after it, on no
    /// wrapped label's line: the dump pairs labels and amounts in order.
    pairs_in_order: bool,
}

#[derive(Debug)]
struct FundCell {
    label: FundLabel,
    amount: Option<String>,
    loc: Location,
    /// The dump line of the amount, where it stood on a line of its own
    /// after the label: which label it belongs to is the dump's order's
    /// guess.
    apart: Option<u32>,
}

#[derive(Debug, Default)]
struct Goal {
    /// Goal cells in order: which heading, and the printed lines.
    slots: Vec<(GoalSlot, Vec<String>, Location)>,
    /// Set while the goal text is being printed a second time.
    repeat: Option<Repeat>,
    /// Money labels and amounts on lines of their own among the goal's
    /// (see [`Parser::flush_goal_money`]).
    money: Vec<Row>,
    /// The two headings stood on lines of their own (a content-order
    /// dump): the text under them may be two cells printed one after the
    /// other, not one cell under both.
    parted_headings: bool,
    /// Of the parted headings the annual one came first: a producer that
    /// draws a row right to left (Gnumeric) prints the annual goal's cell
    /// first too.
    annual_first: bool,
    /// Where each row's lines begin in the last slot's lines, and the
    /// row's place (the place of an annual goal cut from them).
    row_starts: Vec<(usize, Location)>,
    /// Both headings shared a line of a drawing-order dump without
    /// columns: the text under them may be two cells printed one after
    /// the other (`pdftotext -raw`), as under parted headings.
    shared_headings: bool,
    /// Lines of the last slot where its text went on after the form's
    /// year line or money cells printed among it: where a cell drawn in
    /// a second pass may begin (see [`Parser::finish_goal`]).
    resumed_at: Vec<usize>,
    /// The year line or a money cell came after the last slot's text.
    interrupted: bool,
    /// A date label printed among the goal's lines, waiting for its date
    /// (see [`Parser::date_in_goal`]).
    date_label: Option<(Field, String, Location)>,
    /// The last line was a dump's line of both goal cells side by side.
    side_by_side_lines: bool,
}

/// Fewest characters of each of two goal cells a dump prints side by side
/// on a line: a sentence's worth, not a piece a gap cut off.
const MIN_SIDE_GOAL_CHARS: usize = 8;

/// Matching a repeated goal text against the goal already read.
#[derive(Debug)]
struct Repeat {
    /// Folded position reached in the goal text.
    cursor: usize,
    rows: Vec<Row>,
}

#[derive(Debug, Default)]
struct Table {
    level1: Option<String>,
    level2: Option<String>,
    /// One-cell lines waiting to be cut into (name, target) pairs.
    run: Vec<Row>,
    /// Labels and markers seen since the last indicator row.
    trailing: Vec<Row>,
    /// The goal text, folded, to recognise it printed again.
    goal: String,
    repeat: Option<Repeat>,
    seen_marker: bool,
    seen_header: bool,
    /// The token before was the table's header (or a cell of it).
    header_open: bool,
    /// Labels since the last indicator row: text, level, where.
    labels_since_row: Vec<(String, LabelLevel, Location)>,
    /// The (name, target) of the rows since the last row a 二级 label
    /// stood before, that one first: the run that label may span, and
    /// the rows a bunch of labels printed after them may head instead
    /// (see [`Parser::bunch_by_shape`]).
    since_label: Vec<(String, String)>,
    /// The (一级, 二级) labels of the first of `since_label`.
    since_levels: (Option<String>, Option<String>),
    /// A bunch of labels printed before the rows they head, which rows
    /// each spans lost: the rows after it, until the table ends or the
    /// next bunch (see [`Parser::resolve_bunch`]).
    bunch: Option<Box<Bunch>>,
    /// The last indicator, when a dump printed its cells on one line:
    /// held until the next token, as lines of its last cell may follow.
    line_row: Option<LineRow>,
}

/// A bunch of labels and the rows after it ([`Table::bunch`]).
#[derive(Debug)]
struct Bunch {
    /// The bunch's labels, and those printed among the rows after it.
    labels: Vec<Label>,
    /// The bunch as printed, and where.
    text: String,
    at: Location,
    /// (name, target) of each row after it.
    rows: Vec<(String, String)>,
}

/// An indicator row a dump printed on one line (`时效指标 项目完成及时性
/// 2026年11月底前完成全部建设内`), whose target may go on below
/// (`容并通过第三方验收`: `pdftotext -raw` prints a cell's next lines
/// after the row's line).
#[derive(Debug)]
struct LineRow {
    level1: Option<String>,
    level2: Option<String>,
    name: Vec<String>,
    target: Vec<String>,
    loc: Location,
}

/// An iterator of [`Event`]s over the tokens of one document.
pub struct Parser {
    tokens: std::vec::IntoIter<Token>,
    state: State,
    events: VecDeque<Event>,
    in_form: bool,
    /// The current form is printed as a ruled table: text outside the
    /// table (page headers and footers) is not form content.
    ruled_form: bool,
    last_loc: Option<Location>,
    finished: bool,
    /// The current form's money scale (1, or 10,000 for 万元), for money
    /// cells read after its block.
    fund_scale: u32,
    /// The rows are a dump's printed in drawing order (`pdftotext -raw`,
    /// pypdf, PyMuPDF: no blank line anywhere; `mutool`: blank lines
    /// between MuPDF's blocks).
    drawing_order: bool,
    /// The current form's money cells in the order of their labels, with
    /// the amounts read (for amounts printed after the block: see
    /// [`place_by_sums`]).
    fund_cells: Vec<(FundItem, Option<f64>)>,
    /// Amounts of the money block no label took, in a dump printed in
    /// drawing order: their labels may come after the block (see
    /// [`Parser::flush_goal_money`]); reported when the form ends.
    stray_amounts: Vec<(String, Location)>,
    /// The money cells of a dump's block, held back until amounts under
    /// the goal's heading tell whether the order took some of them wrong
    /// (see [`move_by_sums`]); emitted then, or at the form's end.
    held_funds: Vec<HeldFund>,
    /// Amounts of a dump's money block that no label took, held with the
    /// cells (see [`Parser::place_late_labels`]); reported when those go.
    held_loose: Vec<(String, Location)>,
}

/// A money cell of a dump's block, not yet emitted.
#[derive(Debug, Clone)]
struct HeldFund {
    item: FundItem,
    amount: Option<f64>,
    text: Option<String>,
    loc: Location,
    /// The dump line of its amount, where the amount stood on a line of its
    /// own: which label took it was the order's guess.
    apart: Option<u32>,
}

impl Parser {
    /// A parser over lexed tokens.
    pub fn new(tokens: Vec<Token>) -> Parser {
        Parser {
            tokens: tokens.into_iter(),
            state: State::Preamble { rows: Vec::new() },
            events: VecDeque::new(),
            in_form: false,
            ruled_form: false,
            last_loc: None,
            finished: false,
            fund_scale: 1,
            fund_cells: Vec::new(),
            stray_amounts: Vec::new(),
            drawing_order: false,
            held_funds: Vec::new(),
            held_loose: Vec::new(),
        }
    }

    /// The parser for a dump printed in drawing order (see
    /// `regrid::Regridded::drawing_order`).
    pub(crate) fn in_drawing_order(mut self, drawing_order: bool) -> Parser {
        self.drawing_order = drawing_order;
        self
    }

    /// Runs the transition for one token and remembers the furthest place
    /// the form's tokens reached (a form ends at its last row before the
    /// next heading; a content-order dump's rows, put back in row order,
    /// need not come in line order).
    fn step(&mut self, state: State, token: Token) -> State {
        let heading = matches!(token.kind, TokenKind::Heading { .. });
        let next = self.transition(state, token.clone());
        if let Some(loc) = token.rows.iter().map(|r| r.loc).reduce(furthest) {
            self.last_loc = Some(match self.last_loc {
                Some(last) if !heading => furthest(last, loc),
                _ => loc,
            });
        }
        next
    }

    /// A row of free text in a form printed as a ruled table. Remembers
    /// that the form is ruled when the row is a table row: not the goal's
    /// cells, which a dump's two goals printed side by side on one line
    /// are cut into while its table's rows stay as printed
    /// (`pdftotext -raw` of a Chromium form).
    fn outside_table(&mut self, state: &State, token: &Token) -> bool {
        let Some(row) = token.rows.first() else { return false };
        if row.ruled {
            let goal_cells = matches!(state, State::Goal(_)) && matches!(row.loc, Location::Line(_));
            self.ruled_form |= !goal_cells;
            return false;
        }
        self.in_form && self.ruled_form
    }

    /// The transition function: the current state and one token give the
    /// next state and events.
    fn transition(&mut self, state: State, token: Token) -> State {
        match (state, token.kind.clone()) {
            (state, TokenKind::Heading { form, year }) => {
                self.finish(state);
                let loc = token.rows.first().map_or(Location::Line(0), |r| r.loc);
                self.emit(Event::FormStart { form, year, loc });
                self.in_form = true;
                self.ruled_form = false;
                self.fund_scale = 1;
                self.fund_cells.clear();
                State::Header { pending: None }
            }
            (state, TokenKind::Note { reason, text, loc }) => {
                self.emit(Event::Unplaced { reason, text, loc });
                state
            }
            // Another part of the budget: the form ends; what follows,
            // up to the next form, holds none.
            (state, kind) if ends_form(&state, &kind, &token) => {
                self.finish(state);
                State::Preamble { rows: token.rows }
            }
            (state, TokenKind::Row) if self.outside_table(&state, &token) => {
                if let Some(row) = token.rows.first() {
                    self.emit(Event::Unplaced {
                        reason: UnplacedReason::OutsideTable,
                        text: row.text.clone(),
                        loc: row.loc,
                    });
                }
                state
            }
            // Its text went into the row it completes.
            (state, TokenKind::Rest) => state,
            (State::Preamble { mut rows }, _) => {
                rows.extend(token.rows);
                State::Preamble { rows }
            }
            (mut state, TokenKind::PageNumber) => {
                // A row held for lines of its target, with none yet, is
                // done: it goes before the page's number.
                if let State::Table(table) = &mut state {
                    if table.run.is_empty() {
                        self.emit_line_row(table);
                    }
                }
                self.fragment(FragmentKind::PageNumber, &token);
                state
            }
            (State::Header { pending }, kind) => self.header(pending, kind, token),
            (State::Funds(funds), kind) => self.funds(funds, kind, token),
            (State::Goal(goal), kind) => self.goal(goal, kind, token),
            (State::Table(table), kind) => self.table(table, kind, token),
        }
    }

    fn header(&mut self, pending: Option<PendingField>, kind: TokenKind, token: Token) -> State {
        match kind {
            TokenKind::Marker(m) if self.marker_ahead_of_its_block(m, &token) => State::Header { pending },
            TokenKind::Label { .. } if self.label_ahead_of_its_table(&token) => {
                self.unplaced(UnplacedReason::LabelsWithoutRows, token);
                State::Header { pending }
            }
            TokenKind::Year(year) => {
                self.flush_field(pending);
                self.emit(Event::Year {
                    year,
                    loc: loc_of(&token),
                });
                State::Header { pending: None }
            }
            TokenKind::Marker(_) | TokenKind::IndicatorHeader | TokenKind::Label { .. } => {
                self.flush_field(pending);
                self.enter_block(token, String::new())
            }
            TokenKind::Row => {
                let Some(row) = token.rows.into_iter().next() else {
                    return State::Header { pending };
                };
                let first = row.cells.first().map(String::as_str).unwrap_or_default();
                // A money label's first piece after a whole date (`计划完成日期
                // 2024-12-31` / `年度资金申请` / `项目资金总额 …` / `总额`): the
                // funds begin; a date takes no continuation.
                let after_date = pending.as_ref().is_some_and(|p| {
                    p.parts.len() == 1
                        && p.parts
                            .first()
                            .is_some_and(|v| jixiao_model::normalize::parse_date(&fold_compact(v)).is_some())
                });
                // So does an amount printed before its label (Gnumeric's
                // drawing order: `2025-12-31` / `7,595,500.00` / …).
                let amount = || jixiao_model::normalize::is_amount(&fold_compact(first));
                if vocab::fund_label(first).is_some() || (after_date && (vocab::begins_fund_label(first) || amount())) {
                    self.flush_field(pending);
                    return self.funds(
                        Funds {
                            scale: 1,
                            cells: Vec::new(),
                            label_begun: None,
                            cut_tail: None,
                            loose: Vec::new(),
                            between_halves: Vec::new(),
                            pairs_in_order: false,
                        },
                        TokenKind::Row,
                        row_token(row),
                    );
                }
                if vocab::goal_heading(first).is_some() {
                    self.flush_field(pending);
                    return self.goal(Goal::default(), TokenKind::Row, row_token(row));
                }
                State::Header {
                    pending: self.header_row(pending, row),
                }
            }
            // Notes are emitted where they stand (`transition`).
            TokenKind::Heading { .. }
            | TokenKind::PageNumber
            | TokenKind::OtherPart
            | TokenKind::Rest
            | TokenKind::Note { .. } => State::Header { pending },
        }
    }

    /// Reads `label value label value …` cells; a value runs until the next
    /// label and may continue on the following rows.
    fn header_row(&mut self, mut pending: Option<PendingField>, row: Row) -> Option<PendingField> {
        for cell in &row.cells {
            if let Some((field, rest)) = vocab::field_prefix(cell) {
                self.flush_field(pending.take());
                let parts = if rest.is_empty() { Vec::new() } else { vec![rest] };
                pending = Some(PendingField {
                    field,
                    parts,
                    loc: row.loc,
                });
                continue;
            }
            match pending.as_mut() {
                Some(p) => {
                    // Cells of one value on one text line are joined by a
                    // space; lines of a wrapped value are de-wrapped.
                    if p.loc == row.loc && !row.ruled {
                        if let Some(last) = p.parts.last_mut() {
                            last.push(' ');
                            last.push_str(cell);
                            continue;
                        }
                    }
                    p.parts.extend(cell.split('\n').map(str::to_string));
                    p.loc = row.loc;
                }
                None => self.emit(Event::Unplaced {
                    reason: UnplacedReason::HeaderWithoutLabel,
                    text: cell.clone(),
                    loc: row.loc,
                }),
            }
        }
        pending
    }

    fn flush_field(&mut self, pending: Option<PendingField>) {
        if let Some(p) = pending {
            self.emit(Event::Field {
                field: p.field,
                value: dewrap(&p.parts),
                loc: p.loc,
            });
        }
    }

    /// Enters the block a marker, header or label opens.
    fn enter_block(&mut self, token: Token, goal: String) -> State {
        match token.kind {
            TokenKind::Marker(Marker::Funds { scale }) => State::Funds(Funds {
                scale,
                cells: Vec::new(),
                label_begun: None,
                cut_tail: None,
                loose: Vec::new(),
                between_halves: Vec::new(),
                pairs_in_order: false,
            }),
            TokenKind::Marker(Marker::Goal) => State::Goal(Goal::default()),
            _ => {
                let table = Table {
                    goal,
                    ..Table::default()
                };
                self.table(table, token.kind.clone(), token)
            }
        }
    }

    fn funds(&mut self, mut funds: Funds, kind: TokenKind, token: Token) -> State {
        if kind != TokenKind::Row {
            self.replay_between_halves(&mut funds);
        }
        match kind {
            TokenKind::Row => {
                let Some(row) = token.rows.into_iter().next() else {
                    return State::Funds(funds);
                };
                if holds_between_halves(&funds, &row) {
                    funds.between_halves.push(row);
                    return State::Funds(funds);
                }
                if !funds.between_halves.is_empty() {
                    let ends_label = funds
                        .label_begun
                        .as_ref()
                        .zip(row.cells.first())
                        .is_some_and(|((half, _), first)| vocab::completed_fund_label(half, first).is_some());
                    // Only where labels before took the amounts printed
                    // after them: where none did (Dompdf prints the labels'
                    // column first), the amount is as likely the cell's to
                    // the left (`年度资金申请` / `3,650,000.00` / `总额`, the
                    // project total's).
                    if ends_label && funds.pairs_in_order {
                        self.fund_row_ending_label(&mut funds, row);
                        return State::Funds(funds);
                    }
                    self.replay_between_halves(&mut funds);
                }
                if row.cells.first().is_some_and(|c| vocab::goal_heading(c).is_some()) {
                    self.finish_funds(funds);
                    return self.goal(Goal::default(), TokenKind::Row, row_token(row));
                }
                // The goal headings after the first part of their block's
                // marker, the rest of it on the next page (`项目` / `绩效` |
                // `项目总目标` | `年度总体目标`, `目标` below a page break).
                let marker_part = |c: &String| {
                    let folded = fold_compact(c);
                    vocab::is_marker_prefix(&folded) || vocab::is_marker_piece(&folded)
                };
                // (A PDF's grid row: a dump's order parts markers otherwise.)
                let pdf_row = matches!(row.loc, Location::Page(_));
                if let [first, rest @ ..] = row.cells.as_slice() {
                    if pdf_row && marker_part(first) && rest.first().is_some_and(|c| vocab::goal_heading(c).is_some()) {
                        let headings = Row {
                            cells: rest.to_vec(),
                            text: rest.join(" "),
                            ..row.clone()
                        };
                        self.finish_funds(funds);
                        return self.goal(Goal::default(), TokenKind::Row, row_token(headings));
                    }
                }
                self.fund_row(&mut funds, &row);
                State::Funds(funds)
            }
            TokenKind::Marker(Marker::Funds { scale }) => {
                if funds.cells.is_empty() {
                    funds.scale = scale;
                } else {
                    self.fragment(FragmentKind::RepeatedLabel, &token);
                }
                State::Funds(funds)
            }
            // The form's year line printed among the money cells (poppler's
            // reading order of LibreOffice Writer's form: `（2025 年度）`
            // after the project amounts): the form's year, as in a goal.
            TokenKind::Year(year) if token.rows.iter().all(dump_line) => {
                self.emit(Event::Year {
                    year,
                    loc: loc_of(&token),
                });
                State::Funds(funds)
            }
            TokenKind::Year(_) => {
                self.fragment(FragmentKind::RepeatedLabel, &token);
                State::Funds(funds)
            }
            TokenKind::Marker(m) if self.marker_ahead_of_its_block(m, &token) => State::Funds(funds),
            TokenKind::Label { .. } if self.label_ahead_of_its_table(&token) => {
                self.unplaced(UnplacedReason::LabelsWithoutRows, token);
                State::Funds(funds)
            }
            _ => {
                self.finish_funds(funds);
                self.enter_block(token, String::new())
            }
        }
    }

    /// The amount lines held between a label's halves, read as they came
    /// where the next row does not end the label.
    fn replay_between_halves(&mut self, funds: &mut Funds) {
        for row in std::mem::take(&mut funds.between_halves) {
            self.fund_row(funds, &row);
        }
    }

    /// The row that ends a label begun before the amount lines held
    /// between its halves (`额` of `年度资金申请总` / `1,280,000.00` /
    /// `额`): the label takes the amounts as if printed after it.
    fn fund_row_ending_label(&mut self, funds: &mut Funds, row: Row) {
        let held = std::mem::take(&mut funds.between_halves);
        let mut cells = row.cells;
        let rest = cells.split_off(cells.len().min(1));
        cells.extend(held.into_iter().flat_map(|h| h.cells));
        cells.extend(rest);
        let row = Row {
            text: cells.join(" "),
            cells,
            ..row
        };
        self.fund_row(funds, &row);
    }

    /// Labels and amounts of one row. An amount belongs to the label right
    /// before it; when a row prints all its labels first and then as many
    /// amounts, they pair in order.
    fn fund_row(&mut self, funds: &mut Funds, row: &Row) {
        let mut cells: Vec<String> = funds.label_begun.take().map(|(text, _)| text).into_iter().collect();
        // A label begun on a line before (a wrapped label's first half).
        let carried = cells.len();
        let cut_tail = funds.cut_tail.take();
        for (k, cell) in row.cells.iter().enumerate() {
            // The rest of the label cut short on the row above, over this
            // row's label (`款` / `上年结转资金`): the label's, not this one's.
            let cell = match (k, cut_tail, cell.split_once('\n')) {
                (0, Some(tail), Some((head, rest)))
                    if fold_compact(head) == tail && vocab::fund_label(rest).is_some() =>
                {
                    rest
                }
                _ => cell.as_str(),
            };
            match cells.last_mut() {
                // `其中：` printed apart from its label.
                Some(last) if fold_compact(last) == "其中:" => last.push_str(cell),
                // A label its narrow cell wrapped (`年度资金申请总` `额`).
                Some(last) if vocab::completed_fund_label(last, cell).is_some() => last.push_str(cell),
                _ => cells.push(cell.to_string()),
            }
        }
        if cells.last().is_some_and(|c| vocab::begins_fund_label(c)) {
            funds.label_begun = cells.pop().map(|text| (text, row.loc));
        }
        let labels = cells.iter().filter(|c| vocab::fund_label(c).is_some()).count();
        let amounts = cells.iter().filter(|c| is_amount(c)).count();
        let labels_then_amounts =
            labels > 1 && labels == amounts && cells.iter().take(labels).all(|c| vocab::fund_label(c).is_some());
        let first_new = funds.cells.len();
        for (index, cell) in cells.iter().enumerate() {
            if let Some(label) = vocab::fund_label(cell) {
                funds.cells.push(FundCell {
                    label,
                    amount: None,
                    loc: row.loc,
                    apart: None,
                });
                continue;
            }
            // A label its cell cut short, its amount right after it on its
            // row (Gnumeric prints `其中：当年财政拨` in a column too narrow).
            // Not a dump's label begun on a line before (`年度资金申请` /
            // `3,650,000.00` / `总额`): a wrapped label's half, its amount
            // maybe another's.
            let own_line = matches!(row.loc, Location::Page(_)) || index >= carried;
            let amount_next = own_line && cells.get(index + 1).is_some_and(|c| is_amount(c));
            if let Some(cut) = vocab::cut_short_fund_label(cell).filter(|_| amount_next) {
                funds.cut_tail = Some(cut.rest);
                self.emit(Event::LabelCutShort {
                    label: cut.name.to_string(),
                    text: cell.clone(),
                    loc: row.loc,
                });
                funds.cells.push(FundCell {
                    label: cut.label,
                    amount: None,
                    loc: row.loc,
                    apart: None,
                });
                continue;
            }
            if is_amount(cell) {
                let target = if labels_then_amounts {
                    funds.cells.get_mut(first_new + index - labels)
                } else {
                    // The label just before, or a label left blank on the row above.
                    funds.cells.last_mut().filter(|c| c.amount.is_none())
                };
                if let Some(fund) = target {
                    funds.pairs_in_order |= carried == 0;
                    fund.amount = Some(cell.clone());
                    fund.apart = row.loc.line().filter(|_| fund.loc != row.loc);
                    continue;
                }
                if self.drawing_order {
                    self.stray_amounts.push((cell.clone(), row.loc));
                    continue;
                }
                if dump_line_loc(row.loc) {
                    funds.loose.push((cell.clone(), row.loc));
                    continue;
                }
            }
            self.emit(Event::Unplaced {
                reason: UnplacedReason::InFundsBlock,
                text: cell.clone(),
                loc: row.loc,
            });
        }
    }

    /// Resolves `其他资金` (left column first, then right) and emits the cells.
    fn finish_funds(&mut self, mut funds: Funds) {
        self.replay_between_halves(&mut funds);
        self.fund_scale = funds.scale;
        if let Some((text, loc)) = funds.label_begun {
            self.emit(Event::Unplaced {
                reason: UnplacedReason::InFundsBlock,
                text,
                loc,
            });
        }
        let others = funds.cells.iter().filter(|c| c.label == FundLabel::Other).count();
        let has_annual = funds.cells.iter().any(|c| is_annual_label(c.label));
        let mut others_seen = 0;
        let mut items: Vec<FundItem> = funds
            .cells
            .iter()
            .map(|cell| match cell.label {
                FundLabel::Item(item) => item,
                FundLabel::Other => {
                    others_seen += 1;
                    if others >= 2 && others_seen == 1 || !has_annual {
                        FundItem::ProjectOther
                    } else {
                        FundItem::AnnualOther
                    }
                }
            })
            .collect();
        let mut amounts: Vec<Option<f64>> = funds
            .cells
            .iter()
            .map(|c| c.amount.as_deref().and_then(|a| parse_amount(a, funds.scale)))
            .collect();
        let mut texts: Vec<Option<String>> = funds.cells.iter().map(|c| c.amount.clone()).collect();
        let mut loose = funds.loose;
        if !loose.is_empty() {
            let run = run_cells(&funds.cells, &loose);
            // The run's amounts in the dump's order.
            let values: Option<Vec<f64>> = run.as_deref().and_then(|in_run| {
                let mut lined: Vec<(u32, f64)> = funds
                    .cells
                    .iter()
                    .zip(in_run)
                    .zip(&amounts)
                    .filter_map(|((c, r), a)| Some((c.apart.filter(|_| *r)?, (*a)?)))
                    .collect();
                for (text, loc) in &loose {
                    lined.push((loc.line()?, parse_amount(text, funds.scale)?));
                }
                lined.sort_by_key(|(line, _)| *line);
                Some(lined.into_iter().map(|(_, v)| v).collect())
            });
            let placed = match run.as_deref() {
                Some(in_run) => values.and_then(|v| place_run_by_sums(&items, &amounts, in_run, &v, RunTotals::Prove)),
                // The order tells nothing: the sums alone may.
                None => loose
                    .iter()
                    .map(|(text, _)| parse_amount(text, funds.scale))
                    .collect::<Option<Vec<f64>>>()
                    .and_then(|v| place_loose_by_sums(&items, &amounts, &v)),
            };
            if let Some(placed) = placed {
                for (slot, amount) in amounts.iter_mut().zip(&placed) {
                    *slot = *amount;
                }
                for (text, amount) in texts.iter_mut().zip(&placed) {
                    if amount.is_none() {
                        *text = None;
                    }
                }
                loose.clear();
            } else if let Some(in_run) = run {
                // No sum tells the run's cells: the amounts labels took by
                // the order alone are as unplaced as the rest (`其他资金` /
                // `7,595,500.00` is the annual total's).
                let cells = funds.cells.iter().zip(&in_run);
                for (((cell, _), slot), text) in cells
                    .zip(amounts.iter_mut())
                    .zip(texts.iter_mut())
                    .filter(|(((_, r), _), _)| **r)
                {
                    if let (Some(line), Some(taken)) = (cell.apart, text.take()) {
                        *slot = None;
                        loose.push((taken, Location::Line(line)));
                    }
                }
                loose.sort_by_key(|(_, loc)| loc.line());
            }
        }
        let dump = funds.cells.iter().all(|c| dump_line_loc(c.loc));
        if dump {
            others_by_sums(&mut items, &amounts);
        }
        for (text, loc) in loose {
            if dump && !funds.cells.is_empty() {
                self.held_loose.push((text, loc));
            } else {
                self.emit(Event::Unplaced {
                    reason: UnplacedReason::InFundsBlock,
                    text,
                    loc,
                });
            }
        }
        for (((cell, item), amount), text) in funds.cells.into_iter().zip(items).zip(amounts).zip(texts) {
            self.fund_cells.push((item, amount));
            let held = HeldFund {
                item,
                amount,
                text: text.filter(|_| amount.is_none()),
                loc: cell.loc,
                apart: cell.apart.filter(|_| amount.is_some()),
            };
            if dump {
                self.held_funds.push(held);
            } else {
                self.emit_fund(held);
            }
        }
    }

    fn emit_fund(&mut self, fund: HeldFund) {
        self.events.push_back(Event::Fund {
            item: fund.item,
            amount: fund.amount,
            text: fund.text,
            loc: fund.loc,
        });
    }

    /// Emits the money cells held back.
    fn release_funds(&mut self) {
        // (The loose amounts' reports first, as the money block made them.)
        for (text, loc) in mem::take(&mut self.held_loose) {
            self.events.push_back(Event::Unplaced {
                reason: UnplacedReason::InFundsBlock,
                text,
                loc,
            });
        }
        for fund in mem::take(&mut self.held_funds) {
            self.emit_fund(fund);
        }
    }

    fn goal(&mut self, mut goal: Goal, kind: TokenKind, token: Token) -> State {
        if kind == TokenKind::Row && self.date_in_goal(&mut goal, &token) {
            return State::Goal(goal);
        }
        let money_line = kind == TokenKind::Row
            && token
                .rows
                .first()
                .is_some_and(|r| r.cells.len() == 1 && is_money_text(&r.text));
        if !money_line {
            self.flush_goal_money(&mut goal);
        }
        match kind {
            // The form's year line printed among the goal's lines
            // (poppler's reading order of a Chromium form).
            TokenKind::Year(year) if token.rows.iter().all(dump_line) => {
                goal.interrupted |= has_text(&goal);
                self.emit(Event::Year {
                    year,
                    loc: loc_of(&token),
                });
                State::Goal(goal)
            }
            TokenKind::Row if token.rows.first().is_some_and(lone_header_cell) => {
                if self.table_cell_in_goal(&goal, &token) {
                    self.unplaced_in_goal(token);
                    return State::Goal(goal);
                }
                // The table's header printed a cell a line: the table opens.
                let folded = goal_folded(&goal);
                self.finish_goal(goal);
                self.enter_block(
                    Token {
                        kind: TokenKind::IndicatorHeader,
                        rows: token.rows,
                    },
                    folded,
                )
            }
            // The indicator block's marker centred on the table's header
            // line, its first piece above it (jsPDF's table over a page
            // break: `目标  推进社区综合治理…` / `绩效` / `一级指标 二级指标 …`
            // / `指标`): the block's, no goal text.
            TokenKind::Row if self.indicator_marker_opens(&token) => State::Goal(goal),
            TokenKind::Row => {
                let Some(row) = token.rows.into_iter().next() else {
                    return State::Goal(goal);
                };
                if let Some(mut repeat) = goal.repeat.take() {
                    let folded = goal_folded(&goal);
                    if advance_repeat(&mut repeat, &folded, &row) {
                        goal.repeat = Some(repeat);
                        return State::Goal(goal);
                    }
                    self.repeat_fragment(repeat);
                }
                self.goal_row(&mut goal, row);
                State::Goal(goal)
            }
            // A block marker (`项目绩效目标`, `绩效指标`, pieces joined) there:
            // the form's own, as anywhere.
            TokenKind::Marker(Marker::Goal | Marker::Indicators) if self.table_cell_in_goal(&goal, &token) => {
                State::Goal(goal)
            }
            // The indicator block's marker printed before a goal heading
            // still to come (Writer: `项目` `绩效` `目标` / `绩效` `指标` /
            // `项目总目标`): printed early, it opens nothing.
            TokenKind::Marker(m @ Marker::Indicators) if self.marker_ahead_of_its_block(m, &token) => State::Goal(goal),
            TokenKind::Marker(Marker::Goal) => {
                if goal.slots.iter().any(|(_, lines, _)| !lines.is_empty()) {
                    goal.repeat = Some(Repeat {
                        cursor: 0,
                        rows: token.rows,
                    });
                }
                State::Goal(goal)
            }
            TokenKind::IndicatorHeader | TokenKind::Label { .. } if self.table_cell_in_goal(&goal, &token) => {
                self.unplaced_in_goal(token);
                State::Goal(goal)
            }
            TokenKind::Label {
                level: LabelLevel::Two, ..
            } if !vocab::is_known_label(&token.text()) => {
                // A short line ending in 指标 inside the goal is goal text.
                let row = token.rows.into_iter().next();
                if let Some(row) = row {
                    self.goal_row(&mut goal, row);
                }
                State::Goal(goal)
            }
            _ => {
                let folded = goal_folded(&goal);
                self.finish_goal(goal);
                self.enter_block(token, folded)
            }
        }
    }

    /// A dump's line that is only the first piece of 绩效指标 (`绩效`),
    /// right before the indicator table's header.
    fn indicator_marker_opens(&self, token: &Token) -> bool {
        let [row] = token.rows.as_slice() else { return false };
        let folded = fold_compact(&row.text);
        dump_line(row)
            && row.cells.len() == 1
            && "绩效指标".starts_with(folded.as_ref())
            && vocab::is_marker_piece(&folded)
            && self.tokens.as_slice().first().is_some_and(|next| {
                next.kind == TokenKind::IndicatorHeader || next.rows.first().is_some_and(lone_header_cell)
            })
    }

    /// A cell of the indicator table (`二级指标`, `效益指标`) that
    /// poppler's reading order printed between the project goal and the
    /// annual goal's heading, which is still to come in this form:
    ///
    /// ```text
    /// 项目总目标
    /// 为辖区居民提供心理健康咨询…
    /// 二级指标                      ← the table's, printed here
    /// 效益指标
    /// 年度总体目标
    /// 1.全年开展心理健康讲座不少于12场；
    /// ```
    ///
    /// Only in a content-order dump (lines of one cell); a table after a
    /// form's only goal opens the table as ever. Block markers printed
    /// there (`项目` / `绩效` / `目标`) are the form's own: they stay quiet.
    ///
    /// Or, wherever the goal stands, before more goal text and another of
    /// the header's cells (the table opens at its header's last cell):
    ///
    /// ```text
    /// 年度总体目标
    /// 为辖区居民提供心理健康咨询…     ← the project goal
    /// 二级指标                        ← stray
    /// 数量指标
    /// 一级指标                        ← stray
    /// 1.全年开展心理健康讲座不少于12场；  ← the annual goal
    /// 三级指标                        ← the table
    /// ```
    fn table_cell_in_goal(&self, goal: &Goal, token: &Token) -> bool {
        if !one_cell_lines(token) {
            return false;
        }
        let form_ahead = || self.form_ahead();
        let project_only = matches!(goal.slots.as_slice(), [(GoalSlot::Project, _, _)]);
        // Before the table's rows begin: a target, or more lines of plain
        // text than a header's stray values (a column of names).
        let mut plain_lines = 0;
        let annual_to_come = form_ahead()
            .take(MAX_GOAL_LOOKAHEAD)
            .take_while(|t| t.kind != TokenKind::IndicatorHeader)
            .filter_map(|t| (t.kind == TokenKind::Row).then_some(t.rows.first()).flatten())
            .take_while(|r| {
                let plain = !is_money_text(&r.text) && !is_goal_sentence(&r.text) && parse_date(&r.text).is_none();
                plain_lines += usize::from(plain);
                plain_lines <= MAX_STRAY_TEXT_LINES && (is_amount(&r.text) || !is_numeric_target(&r.text))
            })
            .any(|r| r.cells.first().and_then(|c| vocab::goal_heading(c)) == Some(GoalSlot::Annual));
        if project_only && annual_to_come {
            return true;
        }
        let text = token.text();
        let this = fold_compact(&text);
        let mut goal_text_between = false;
        for t in form_ahead().take(MAX_GOAL_LOOKAHEAD) {
            let Some(row) = t.rows.first() else { continue };
            let header_cell = t.kind == TokenKind::IndicatorHeader
                || (t.kind == TokenKind::Row && lone_header_cell(row) && fold_compact(&row.text) != this);
            if header_cell && goal_text_between {
                return true;
            }
            // A target: the table's rows have begun.
            if t.kind == TokenKind::Row && is_numeric_target(&row.text) {
                return false;
            }
            if t.kind == TokenKind::Row && is_goal_sentence(&row.text) {
                goal_text_between = true;
            }
        }
        false
    }

    /// The tokens still to come of this form (up to the next form's
    /// heading).
    fn form_ahead(&self) -> impl Iterator<Item = &Token> {
        self.tokens
            .as_slice()
            .iter()
            .take_while(|t| !matches!(t.kind, TokenKind::Heading { .. }))
    }

    /// [`Self::form_ahead`] as far as a lookahead goes, each token with its
    /// first row and that row's first cell.
    fn form_rows_ahead(&self) -> impl Iterator<Item = (&Token, &Row, &str)> {
        self.form_ahead().take(MAX_GOAL_LOOKAHEAD).filter_map(|t| {
            let row = t.rows.first()?;
            Some((t, row, row.cells.first().map(String::as_str).unwrap_or_default()))
        })
    }

    /// A block marker (`绩效指标`, `项目绩效目标`) that poppler's reading
    /// order printed among the header's or the money block's lines, before
    /// the blocks that come ahead of its own (money labels, a goal
    /// heading): the form's marker, printed early. It opens nothing.
    fn marker_ahead_of_its_block(&self, marker: Marker, token: &Token) -> bool {
        if !one_cell_lines(token) || matches!(marker, Marker::Funds { .. }) {
            return false;
        }
        for (t, row, first) in self.form_rows_ahead() {
            let table = matches!(t.kind, TokenKind::IndicatorHeader | TokenKind::Label { .. })
                || (t.kind == TokenKind::Row && lone_header_cell(row));
            let goal_heading = t.kind == TokenKind::Row && vocab::goal_heading(first).is_some();
            let money = t.kind == TokenKind::Row && vocab::fund_label(first).is_some();
            match marker {
                Marker::Indicators if table => return false,
                Marker::Indicators if money || goal_heading => return true,
                Marker::Goal if goal_heading || table => return false,
                Marker::Goal if money => return true,
                _ => {}
            }
        }
        false
    }

    /// An indicator label that poppler's reading order printed among the
    /// header's or the money block's lines, before the goal headings
    /// (LibreOffice's narrow form: `其他资金` / `产出指标` / `50,000.00` /
    /// `年度总体目标`): a page's part of a merged label, no row of the
    /// table tied to it. It opens nothing.
    fn label_ahead_of_its_table(&self, token: &Token) -> bool {
        if !one_cell_lines(token) {
            return false;
        }
        for (t, row, first) in self.form_rows_ahead() {
            let is_row = t.kind == TokenKind::Row;
            // A target (not an amount: the money block's own, `50,000.00`).
            let target = is_numeric_target(&row.text) && !is_amount(&row.text);
            let table = t.kind == TokenKind::IndicatorHeader || (is_row && (lone_header_cell(row) || target));
            if table {
                return false;
            }
            if is_row && vocab::goal_heading(first).is_some() {
                return true;
            }
        }
        false
    }

    /// Every row of `token` reported as text without a place.
    fn unplaced(&mut self, reason: UnplacedReason, token: Token) {
        for row in token.rows {
            self.emit(Event::Unplaced {
                reason,
                text: row.text,
                loc: row.loc,
            });
        }
    }

    fn unplaced_in_goal(&mut self, token: Token) {
        // A label there: no row of the table is tied to it.
        let reason = match token.kind {
            TokenKind::Label { .. } => UnplacedReason::LabelsWithoutRows,
            _ => UnplacedReason::TableCellInGoal,
        };
        self.unplaced(reason, token);
    }

    fn goal_row(&mut self, goal: &mut Goal, row: Row) {
        // Ruled cells side by side under `项目总目标 年度总体目标`: one text each.
        let side_by_side = row.ruled
            && row.cells.len() == 2
            && row.cells.iter().all(|c| vocab::goal_heading(c).is_none())
            && matches!(goal.slots.last(), Some((GoalSlot::Both, lines, _)) if lines.is_empty());
        if side_by_side {
            goal.slots.pop();
            for (slot, cell) in [GoalSlot::Project, GoalSlot::Annual].into_iter().zip(&row.cells) {
                goal.slots
                    .push((slot, cell.split('\n').map(str::to_string).collect(), row.loc));
            }
            return;
        }
        if goal_line_side_by_side(goal, &row) {
            return;
        }
        goal.side_by_side_lines = false;
        let mut text = row.text.clone();
        let mut cells = row.cells.iter();
        // Headings at the start of the row: `项目总目标 年度总体目标 …`.
        let mut headings = Vec::new();
        while let Some(slot) = cells.next().and_then(|c| vocab::goal_heading(c).map(|s| (s, c))) {
            text = strip_leading_cell(&text, slot.1);
            headings.push(slot.0);
        }
        match headings.as_slice() {
            [] => {}
            // The other heading on a line of its own right after the first
            // (a content-order dump prints each cell on its lines): the
            // text below is under both, as when they share a line.
            [one] => match goal.slots.last_mut() {
                Some((slot, lines, _)) if lines.is_empty() && *slot != *one && *slot != GoalSlot::Both => {
                    goal.annual_first = *slot == GoalSlot::Annual;
                    *slot = GoalSlot::Both;
                    goal.parted_headings = dump_line(&row);
                }
                _ => goal.slots.push((*one, Vec::new(), row.loc)),
            },
            _ => {
                goal.slots.push((GoalSlot::Both, Vec::new(), row.loc));
                // Not the seed's blank-line blocks: its text under both
                // headings is one merged cell.
                goal.shared_headings = self.drawing_order && dump_line(&row) && !crate::regrid::spaced_in_columns(&row);
            }
        }
        if text.is_empty() {
            return;
        }
        // A money label or amount before any goal text (poppler's reading
        // order: `项目总目标` / `其他资金` / `0.00` / the goal): reported,
        // never taken as the goal.
        let still_empty = !has_text(goal);
        if (still_empty || dump_line(&row)) && row.cells.len() == 1 && is_money_text(&text) {
            goal.interrupted |= !still_empty;
            goal.money.push(row);
            return;
        }
        // A piece of a block's marker before any goal text (poppler's
        // order of a form drawn cell by cell: `项目总目标` / `项目` / `目`):
        // with nothing before it no wrapped goal line, reported.
        if still_empty && dump_line(&row) && row.cells.len() == 1 && is_marker_remnant(&text) {
            self.emit(Event::Unplaced {
                reason: UnplacedReason::MarkerPieceInGoal,
                text: row.text,
                loc: row.loc,
            });
            return;
        }
        // The goal printed a second time: its first line again.
        let folded_line = fold_compact(&text);
        let whole = goal_folded(goal);
        if folded_line.chars().count() >= 8 && !whole.is_empty() && whole.starts_with(&*folded_line) {
            goal.repeat = Some(Repeat {
                cursor: folded_line.len(),
                rows: vec![row],
            });
            return;
        }
        let lines = text.split('\n').map(str::to_string);
        match goal.slots.last_mut() {
            Some((_, existing, _)) => {
                if mem::take(&mut goal.interrupted) && !existing.is_empty() {
                    goal.resumed_at.push(existing.len());
                }
                goal.row_starts.push((existing.len(), row.loc));
                existing.extend(lines);
            }
            None => {
                goal.row_starts.push((0, row.loc));
                goal.slots.push((GoalSlot::Both, lines.collect(), row.loc));
            }
        }
    }

    /// Money cells among the goal's lines: a column of the money block
    /// that poppler printed as a block of its labels and then a block of
    /// their amounts, in order (Chromium's right column):
    ///
    /// ```text
    /// 年度资金申请总额
    /// 其中：当年财政拨款
    /// 上年结转资金
    /// 3,200,000.00
    /// 3,500,000.00
    /// 0.00
    /// ```
    ///
    /// As many labels as amounts right after them pair in order (其他资金
    /// is the annual one in a column of annual labels); anything else is
    /// reported, never guessed.
    fn flush_goal_money(&mut self, goal: &mut Goal) {
        let rows = mem::take(&mut goal.money);
        if rows.is_empty() {
            return;
        }
        if !self.move_held_funds(&rows) && !self.place_late_labels(&rows) {
            self.release_funds();
            self.place_goal_money(rows);
        }
    }

    /// Money labels printed under the goal's heading, with amounts there
    /// and amounts of the money block no label took (plain `pdftotext` of
    /// fpdf2's form: `100,000.00` after the annual `其他资金`'s amount, then
    /// under the goal `1,250,000.00`, `项目资金总额`, `其他资金`): the
    /// labels are cells of their own, and the amounts go to the cells read
    /// without one where that is the only choice under which every sum
    /// holds and each amount is in a sum with a part read beside its
    /// label. A zero is no exception: `4,860,000.00 = 4,860,000.00 + 0.00`
    /// with the total and the other open allows one choice; with both
    /// parts open, two (and nothing is placed). Equal amounts that trade
    /// cells leave every value as it is. True where they were placed and
    /// the cells emitted.
    fn place_late_labels(&mut self, rows: &[Row]) -> bool {
        if self.held_funds.is_empty() || rows.iter().any(|r| !dump_line(r)) {
            return false;
        }
        let held: Vec<FundItem> = self.held_funds.iter().map(|f| f.item).collect();
        let mut late: Vec<(FundItem, Location)> = Vec::new();
        let mut values: Vec<f64> = Vec::new();
        for row in rows {
            if let Some(label) = vocab::fund_label(&row.text) {
                let item = match label {
                    FundLabel::Item(item) => item,
                    FundLabel::Other if held.contains(&FundItem::AnnualOther) => FundItem::ProjectOther,
                    FundLabel::Other if held.contains(&FundItem::ProjectOther) => FundItem::AnnualOther,
                    FundLabel::Other => return false,
                };
                if held.contains(&item) || late.iter().any(|(i, _)| *i == item) {
                    return false;
                }
                late.push((item, row.loc));
            } else if let Some(value) = parse_amount(&row.text, self.fund_scale) {
                values.push(value);
            } else {
                return false;
            }
        }
        for (text, _) in &self.held_loose {
            match parse_amount(text, self.fund_scale) {
                Some(value) => values.push(value),
                None => return false,
            }
        }
        if late.is_empty() || values.is_empty() {
            return false;
        }
        let items: Vec<FundItem> = self
            .held_funds
            .iter()
            .map(|f| f.item)
            .chain(late.iter().map(|(i, _)| *i))
            .collect();
        let read: Vec<Option<f64>> = self
            .held_funds
            .iter()
            .map(|f| f.amount)
            .chain(late.iter().map(|_| None))
            .collect();
        let Some(filled) = place_anchored_by_sums(&items, &read, &values) else {
            return false;
        };
        let value_of = amount_of(&items, &filled);
        for fund in &mut self.held_funds {
            if fund.amount.is_none() {
                fund.amount = value_of(fund.item);
                if fund.amount.is_some() {
                    fund.text = None;
                }
            }
        }
        self.held_loose.clear();
        self.release_funds();
        for (item, loc) in late {
            let amount = value_of(item);
            self.emit(Event::Fund {
                item,
                amount,
                text: None,
                loc,
            });
        }
        true
    }

    /// Amounts alone under the goal's heading that move the held money
    /// cells' amounts (see [`move_by_sums`]); true when they did, and the
    /// cells were emitted.
    fn move_held_funds(&mut self, rows: &[Row]) -> bool {
        if self.held_funds.is_empty() {
            return false;
        }
        let values: Option<Vec<f64>> = rows.iter().map(|r| parse_amount(&r.text, self.fund_scale)).collect();
        let lines: Option<Vec<u32>> = rows.iter().map(|r| r.loc.line()).collect();
        let (Some(values), Some(lines)) = (values, lines) else {
            return false;
        };
        if place_by_sums(&self.fund_cells, &values).is_some() {
            return false;
        }
        let Some(held) = move_by_sums(&self.held_funds, &values, &lines) else {
            return false;
        };
        self.fund_cells = held.iter().map(|f| (f.item, f.amount)).collect();
        self.held_funds = held;
        self.release_funds();
        true
    }

    fn place_goal_money(&mut self, rows: Vec<Row>) {
        let labels: Vec<FundLabel> = rows.iter().map_while(|r| vocab::fund_label(&r.text)).collect();
        if labels.len() == rows.len() && self.label_stray_amounts(&labels) {
            return;
        }
        let amounts = rows.get(labels.len()..).unwrap_or_default();
        let block = labels.len() >= 2 && amounts.len() == labels.len() && amounts.iter().all(|r| is_amount(&r.text));
        if !block && labels.is_empty() {
            // Amounts alone: the block's labels were read without them.
            let values: Option<Vec<f64>> = rows.iter().map(|r| parse_amount(&r.text, self.fund_scale)).collect();
            let placed = values.and_then(|v| Some((place_by_sums(&self.fund_cells, &v)?, v)));
            if let Some((items, values)) = placed {
                for ((item, row), amount) in items.into_iter().zip(&rows).zip(values) {
                    if let Some(cell) = self.fund_cells.iter_mut().find(|(i, _)| *i == item) {
                        cell.1 = Some(amount);
                    }
                    self.emit(Event::Fund {
                        item,
                        amount: Some(amount),
                        text: None,
                        loc: row.loc,
                    });
                }
                return;
            }
        }
        if !block {
            for row in rows {
                self.emit(Event::Unplaced {
                    reason: UnplacedReason::FundsUnderGoal,
                    text: row.text,
                    loc: row.loc,
                });
            }
            return;
        }
        for (item, row) in column_items(&labels).into_iter().zip(amounts) {
            let amount = parse_amount(&row.text, self.fund_scale);
            self.emit(Event::Fund {
                item,
                amount,
                text: amount.is_none().then(|| row.text.clone()),
                loc: row.loc,
            });
        }
    }

    /// Money labels printed alone under a goal heading, as many as the
    /// amounts of the money block no label took: LibreOffice drew the
    /// labels that wrap (`年度资金申请总` / `额`) in its second pass, after
    /// the block whose rows kept their amounts in order:
    ///
    /// ```text
    /// 项目资金总额
    /// 3,200,000.00
    /// 3,200,000.00       ← 年度资金申请总额's
    /// 其中：财政资金
    /// 3,200,000.00
    /// 3,500,000.00       ← 其中：当年财政拨款's
    /// …
    /// 年度资金申请总额   ← under the goal heading
    /// 其中：当年财政拨款
    /// ```
    ///
    /// Both are in row order and pair in order, when no label's cell was
    /// read already. True when they paired.
    fn label_stray_amounts(&mut self, labels: &[FundLabel]) -> bool {
        if labels.is_empty() || labels.len() != self.stray_amounts.len() {
            return false;
        }
        let items = column_items(labels);
        let read = |item: &FundItem| self.fund_cells.iter().any(|(i, _)| i == item);
        let distinct = items
            .iter()
            .enumerate()
            .all(|(k, item)| !items.iter().take(k).any(|i| i == item));
        if !distinct || items.iter().any(read) {
            return false;
        }
        for (item, (text, loc)) in items.into_iter().zip(mem::take(&mut self.stray_amounts)) {
            let amount = parse_amount(&text, self.fund_scale);
            self.fund_cells.push((item, amount));
            self.emit(Event::Fund {
                item,
                amount,
                text: amount.is_none().then_some(text),
                loc,
            });
        }
        true
    }

    /// A date label and, after it, its date, on a dump's lines of their
    /// own among the goal's (poppler's columns of LibreOffice Writer's
    /// form: the goal's text, then `计划完成日期`, the annual money labels,
    /// `2026-12-31`, the amounts): the header's field, no goal text, and
    /// no end of the money cells printed around them. True where `token`
    /// was taken so.
    fn date_in_goal(&mut self, goal: &mut Goal, token: &Token) -> bool {
        let Some(row) = token.rows.first().filter(|r| dump_line(r) && r.cells.len() == 1) else {
            return false;
        };
        let date_label = vocab::field_prefix(&row.text)
            .filter(|(field, rest)| rest.is_empty() && matches!(field, Field::StartDate | Field::EndDate));
        if let Some((field, _)) = date_label {
            if let Some((_, text, loc)) = goal.date_label.replace((field, row.text.clone(), row.loc)) {
                self.emit(Event::Unplaced {
                    reason: UnplacedReason::DateLabelInGoal,
                    text,
                    loc,
                });
            }
            return true;
        }
        let is_date = jixiao_model::normalize::parse_date(&fold_compact(&row.text)).is_some();
        match goal.date_label.take() {
            Some((field, _, _)) if is_date => {
                self.emit(Event::Field {
                    field,
                    value: row.text.trim().to_string(),
                    loc: row.loc,
                });
                true
            }
            pending => {
                goal.date_label = pending;
                false
            }
        }
    }

    fn finish_goal(&mut self, mut goal: Goal) {
        if let Some((_, text, loc)) = goal.date_label.take() {
            self.emit(Event::Unplaced {
                reason: UnplacedReason::DateLabelInGoal,
                text,
                loc,
            });
        }
        self.flush_goal_money(&mut goal);
        if let Some(repeat) = goal.repeat.take() {
            self.repeat_fragment(repeat);
        }
        if goal.parted_headings || goal.shared_headings {
            if let [(GoalSlot::Both, lines, loc)] = goal.slots.as_slice() {
                if let Some(listed) = interleaved_list(lines) {
                    let part = |in_list: bool| -> Vec<String> {
                        lines
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| listed.contains(i) == in_list)
                            .map(|(_, l)| l.clone())
                            .collect()
                    };
                    let (annual, project) = (part(true), part(false));
                    self.emit(Event::Goal {
                        slot: GoalSlot::Project,
                        lines: project,
                        loc: *loc,
                    });
                    self.emit(Event::Unplaced {
                        reason: UnplacedReason::GoalSidesByList,
                        text: lines.join(" "),
                        loc: *loc,
                    });
                    self.emit(Event::Goal {
                        slot: GoalSlot::Annual,
                        lines: annual,
                        loc: *loc,
                    });
                    return;
                }
                let by_text = two_goal_cells(lines);
                let by_order = by_text
                    .is_none()
                    .then(|| cut_where_resumed(lines, &goal.resumed_at))
                    .flatten();
                let by_sentences = (by_text.is_none() && by_order.is_none())
                    .then(|| two_sentence_cells(lines))
                    .flatten();
                if let Some(cut) = by_text.or(by_order).or(by_sentences) {
                    let (first, second) = lines.split_at(cut);
                    let (project, annual) = if goal.annual_first && goal.parted_headings {
                        (second, first)
                    } else {
                        (first, second)
                    };
                    let annual_loc = goal
                        .row_starts
                        .iter()
                        .rev()
                        .find(|(start, _)| *start <= cut)
                        .map_or(*loc, |(_, l)| *l);
                    self.emit(Event::Goal {
                        slot: GoalSlot::Project,
                        lines: project.to_vec(),
                        loc: *loc,
                    });
                    let guessed = if by_order.is_some() {
                        Some(UnplacedReason::GoalSidesByOrder)
                    } else {
                        by_sentences.map(|_| UnplacedReason::GoalSidesBySentences)
                    };
                    if let Some(reason) = guessed {
                        self.emit(Event::Unplaced {
                            reason,
                            text: lines.join(" "),
                            loc: *loc,
                        });
                    }
                    self.emit(Event::Goal {
                        slot: GoalSlot::Annual,
                        lines: annual.to_vec(),
                        loc: annual_loc,
                    });
                    return;
                }
            }
        }
        for (slot, lines, loc) in goal.slots {
            self.emit(Event::Goal { slot, lines, loc });
        }
    }

    fn repeat_fragment(&mut self, repeat: Repeat) {
        self.rows_fragment(FragmentKind::RepeatedGoalText, &repeat.rows, "\n");
    }

    /// Reports rows dropped as a recognised duplicate, with their text.
    fn rows_fragment(&mut self, what: FragmentKind, rows: &[Row], separator: &str) {
        if let Some(loc) = rows.first().map(|r| r.loc) {
            let text = rows.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(separator);
            self.emit(Event::Fragment { what, text, loc });
        }
    }

    fn table(&mut self, mut table: Table, kind: TokenKind, token: Token) -> State {
        if let Some(mut repeat) = table.repeat.take() {
            let row = token.rows.first();
            let continues =
                kind == TokenKind::Row && row.is_some_and(|row| advance_repeat(&mut repeat, &table.goal, row));
            if continues {
                table.repeat = Some(repeat);
                return State::Table(table);
            }
            self.repeat_fragment(repeat);
        }
        // The header's cells printed a line each (a content-order dump):
        // one header, however many lines.
        let kind = match kind {
            TokenKind::Row if token.rows.first().is_some_and(lone_header_cell) => TokenKind::IndicatorHeader,
            other => other,
        };
        let header_goes_on = table.header_open && kind == TokenKind::IndicatorHeader;
        table.header_open = kind == TokenKind::IndicatorHeader;
        match kind {
            TokenKind::Row => {
                if let Some(row) = token.rows.into_iter().next() {
                    self.table_row(&mut table, row);
                }
            }
            TokenKind::Label { text, level } => {
                self.flush_run(&mut table, None);
                let loc = loc_of(&token);
                note_label(&mut table, &text, level, loc);
                set_label(&mut table, text, level);
                table.trailing.extend(token.rows);
            }
            TokenKind::Marker(Marker::Indicators) => {
                self.flush_run(&mut table, None);
                if table.seen_marker {
                    table.trailing.extend(token.rows);
                }
                table.seen_marker = true;
            }
            TokenKind::IndicatorHeader => {
                self.flush_run(&mut table, None);
                if table.seen_header && !header_goes_on {
                    self.fragment(FragmentKind::RepeatedTableHeader, &token);
                }
                table.seen_header = true;
            }
            TokenKind::Marker(Marker::Goal) => {
                self.flush_run(&mut table, None);
                table.repeat = Some(Repeat {
                    cursor: 0,
                    rows: token.rows,
                });
            }
            TokenKind::Marker(Marker::Funds { .. }) | TokenKind::Year(_) => {
                self.flush_run(&mut table, None);
                self.fragment(FragmentKind::RepeatedLabel, &token);
            }
            TokenKind::Heading { .. }
            | TokenKind::PageNumber
            | TokenKind::OtherPart
            | TokenKind::Rest
            | TokenKind::Note { .. } => {}
        }
        State::Table(table)
    }

    fn table_row(&mut self, table: &mut Table, row: Row) {
        // The goal printed again without its label: its first line.
        let folded = fold_compact(&row.text);
        if folded.chars().count() >= 8 && table.goal.starts_with(&*folded) {
            self.flush_run(table, None);
            table.repeat = Some(Repeat {
                cursor: folded.len(),
                rows: vec![row],
            });
            return;
        }
        if row.cells.first().is_some_and(|c| vocab::goal_heading(c).is_some()) {
            self.flush_run(table, None);
            self.emit(Event::Fragment {
                what: FragmentKind::RepeatedGoalHeading,
                text: row.text.clone(),
                loc: row.loc,
            });
            return;
        }
        // Leading label cells: `社会效益指标 name target`.
        let mut cells: Vec<String> = row.cells.clone();
        let mut labels = Vec::new();
        while let Some(first) = cells.first() {
            // A label its narrow cell wrapped, both halves on the line
            // (`社会公众或服务对象 满意度指标`: pypdf of a Chromium form).
            if let Some(label) = cells.get(1).and_then(|next| vocab::completed_label(first, next)) {
                cells.splice(0..2, [label]);
                continue;
            }
            // The rest of a label cut by a page break (`指标` of
            // 社会公众或服务对象满意度指标 at the next page's top): the
            // label is already the table's.
            if cells.len() >= 3 && is_rest_of_label(table, first) {
                cells.remove(0);
                continue;
            }
            if cells.len() >= 3 {
                if let Some(label) = vocab::cut_label(first) {
                    if let Some(cell) = cells.first_mut() {
                        *cell = label.to_string();
                    }
                }
            }
            let Some(first) = cells.first() else { break };
            let level = vocab::indicator_label(first);
            let known = vocab::is_known_label(first);
            // A generic "…指标" cell is a label only with a name and target after it.
            let Some(level) = level.filter(|_| known || cells.len() >= 3) else {
                break;
            };
            let text = cells.remove(0);
            let level = if fold_compact(&text) == "成本指标" {
                let next_is_cost = cells.first().is_some_and(|c| vocab::is_cost_level2(c));
                if next_is_cost {
                    LabelLevel::One
                } else {
                    LabelLevel::Two
                }
            } else {
                level
            };
            labels.push((text, level));
        }
        if !labels.is_empty() {
            self.flush_run(table, None);
            for (text, level) in labels {
                note_label(table, &text, level, row.loc);
                set_label(table, text, level);
            }
        }
        match cells.len() {
            0 => table.trailing.push(row),
            1 => {
                let line = cells.remove(0);
                if is_numeric_target(&line) && !table.run.is_empty() {
                    self.flush_run(table, Some(line));
                } else if is_numeric_target(&line) {
                    self.emit(Event::Unplaced {
                        reason: UnplacedReason::TargetWithoutName,
                        text: line,
                        loc: row.loc,
                    });
                } else {
                    table.run.push(Row {
                        loc: row.loc,
                        text: line.clone(),
                        cells: vec![line],
                        ruled: row.ruled,
                        indent: row.indent,
                        sheet: row.sheet,
                    });
                }
            }
            _ => {
                // Rows of one-line names and numeric targets on one line
                // (`居民满意度 ≥90% 参与…总体评价 ≥85%`: pypdf joins a
                // merged label's rows): each pair a row, the last held.
                if dump_line(&row) {
                    if let Some((last, before)) = rows_on_one_line(&cells).as_deref().and_then(<[_]>::split_last) {
                        self.flush_run(table, None);
                        for pair in before {
                            if let [name, target] = pair.as_slice() {
                                self.indicator(table, vec![name.clone()], vec![target.clone()], row.loc);
                            }
                        }
                        cells = last.clone();
                    }
                }
                let (name, target) = split_name_target(&cells);
                let mut names: Vec<String> = Vec::new();
                if dump_line(&row) && name_goes_before(table, &name) {
                    // The run is the name's first lines (`普及细胞治疗…掌` /
                    // `握科学方法…能力。 ≥13.00(场)`: the target printed on the
                    // name's last line, in the middle of the row).
                    names.extend(mem::take(&mut table.run).into_iter().map(|r| r.text));
                } else {
                    self.flush_run(table, None);
                }
                // The row held before is done (the run may have gone on it).
                self.emit_line_row(table);
                names.push(name);
                if dump_line(&row) {
                    let (level1, level2) = self.row_levels(table, &names, std::slice::from_ref(&target));
                    table.line_row = Some(LineRow {
                        level1,
                        level2,
                        name: names,
                        target: vec![target],
                        loc: row.loc,
                    });
                } else {
                    self.indicator(table, names, vec![target], row.loc);
                }
            }
        }
    }

    /// Cuts the pending run into indicators; `target` is the target line
    /// that closed it, if any.
    /// A run that is no rows of its own may go on the row held before it
    /// ([`target_goes_on`]); the held row is emitted in any case.
    fn flush_run(&mut self, table: &mut Table, target: Option<String>) {
        if table.run.is_empty() {
            self.emit_line_row(table);
            return;
        }
        let run = mem::take(&mut table.run);
        let loc = run.first().map_or(Location::Line(0), |r| r.loc);
        let lines: Vec<String> = run.into_iter().map(|r| r.text).collect();
        if target.is_none() {
            if let Some(row) = table.line_row.as_mut() {
                if target_goes_on(row, &lines) {
                    row.target.extend(lines);
                    return;
                }
            }
        }
        self.emit_line_row(table);
        let pairs = match target {
            Some(target) => runs::pair_with_target(&lines, target),
            None => runs::pair(&lines),
        };
        for pair in pairs {
            self.indicator(table, pair.name, pair.target, loc);
        }
    }

    fn indicator(&mut self, table: &mut Table, name: Vec<String>, target: Vec<String>, loc: Location) {
        self.emit_line_row(table);
        let (level1, level2) = self.row_levels(table, &name, &target);
        self.emit(Event::Indicator {
            level1,
            level2,
            name: dewrap_cells(&name),
            target: dewrap_cells(&target),
            loc,
        });
    }

    /// Emits the row held for lines of its target, if any.
    fn emit_line_row(&mut self, table: &mut Table) {
        if let Some(row) = table.line_row.take() {
            self.emit(Event::Indicator {
                level1: row.level1,
                level2: row.level2,
                name: dewrap_cells(&row.name),
                target: dewrap_cells(&row.target),
                loc: row.loc,
            });
        }
    }

    /// The labels of the next indicator row (its cells `name` and
    /// `target`); reports labels printed in a bunch (which rows they span
    /// is lost: the rows go without, unless what they measure ties them to
    /// the labels, see [`Parser::bunch_by_shape`]).
    fn row_levels(
        &mut self,
        table: &mut Table,
        name: &[String],
        target: &[String],
    ) -> (Option<String>, Option<String>) {
        table.trailing.clear();
        let labels = mem::take(&mut table.labels_since_row);
        let row = (dewrap_cells(name), dewrap_cells(target));
        if labels_in_a_bunch(&labels) {
            if let Some((text, at)) = bunch_text(&labels) {
                if self.bunch_by_shape(table, &labels, row.clone()) {
                    self.emit(Event::Unplaced {
                        reason: UnplacedReason::LabelsByShape,
                        text,
                        loc: at,
                    });
                    table.since_label.clear();
                    return (table.level1.clone(), table.level2.clone());
                }
                self.resolve_bunch(table);
                table.bunch = Some(Box::new(Bunch {
                    labels: unplaced_labels(&labels).collect(),
                    text,
                    at,
                    rows: vec![row],
                }));
            }
            // Which rows each label spans is lost: the rows go without
            // (until the table's end ties them by what they measure).
            table.level1 = None;
            table.level2 = None;
            table.since_label.clear();
            return (None, None);
        }
        let own_level2 = labels.iter().any(|(_, level, _)| *level == LabelLevel::Two);
        // A 二级 label printed before its row ends the bunch's rows: the
        // order ties the rows from there to their labels again.
        if own_level2 {
            self.resolve_bunch(table);
        }
        if let Some(bunch) = table.bunch.as_mut() {
            bunch.labels.extend(unplaced_labels(&labels));
            bunch.rows.push(row.clone());
        }
        if own_level2 {
            table.since_label = vec![row];
            table.since_levels = (table.level1.clone(), table.level2.clone());
        } else if labels.is_empty() && !table.since_label.is_empty() {
            table.since_label.push(row);
        } else {
            table.since_label.clear();
        }
        (table.level1.clone(), table.level2.clone())
    }

    /// A bunch of labels printed after rows that carried the last 二级
    /// label before them, and before the row they end at (plain
    /// `pdftotext` of Chromium's form: `时效指标` with its row, four rows
    /// bare, then `社会效益指标` / `效益指标` / `可持续影响指标` /
    /// `满意度指标` / `服务对象满意度指标` and the last row): that label
    /// and the bunch's head the rows from its own to `row` by what the
    /// rows measure ([`crate::shapes::label_runs`]), where it comes before
    /// every 二级 label of the bunch in the forms' order. The rows already
    /// emitted get their labels again ([`Event::Relabel`]); the table goes
    /// on with `row`'s. False (nothing changed) where they do not fit.
    fn bunch_by_shape(
        &mut self,
        table: &mut Table,
        bunch: &[(String, LabelLevel, Location)],
        row: (String, String),
    ) -> bool {
        // In drawing order a bunch stands where a page's merged cells are
        // drawn (its top, Typst), not at the end of the rows it heads.
        if self.drawing_order {
            return false;
        }
        let (Some(held), Some(first)) = (table.since_levels.1.clone(), table.since_label.first()) else {
            return false;
        };
        let Some(held_rank) = crate::shapes::label_rank(&held) else {
            return false;
        };
        let later = bunch
            .iter()
            .filter(|(_, level, _)| *level == LabelLevel::Two)
            .all(|(text, _, _)| crate::shapes::label_rank(text).is_some_and(|rank| rank > held_rank));
        if !later {
            return false;
        }
        let mut labels = vec![Label::unplaced(&held, LabelLevel::Two)];
        labels.extend(unplaced_labels(bunch));
        let mut rows = table.since_label.clone();
        rows.push(row);
        let Some(heads) = crate::shapes::label_runs(&labels, &rows) else {
            return false;
        };
        // The held label's run must start on its own row.
        let folded_held = fold_compact(&held);
        let starts_held = heads
            .first()
            .is_some_and(|h| h.iter().any(|l| fold_compact(l) == folded_held));
        if !starts_held || first.0.is_empty() {
            return false;
        }
        // The held label's own row keeps its cells.
        let mut levels: Vec<_> = levels_of_heads(heads, table.since_levels.clone())
            .into_iter()
            .skip(1)
            .collect();
        // The last is the row to come; the others were emitted.
        let current = levels.pop();
        if !levels.is_empty() {
            self.emit(Event::Relabel { levels });
        }
        if let Some((level1, level2)) = current {
            table.level1 = level1;
            table.level2 = level2;
        }
        true
    }

    fn finish_table(&mut self, mut table: Table) {
        if let Some(repeat) = table.repeat.take() {
            self.repeat_fragment(repeat);
        }
        self.flush_run(&mut table, None);
        self.emit_line_row(&mut table);
        self.resolve_bunch(&mut table);
        self.rows_fragment(FragmentKind::TrailingLabels, &table.trailing, " ");
    }

    /// Ties a bunch of labels printed before its rows ([`Table::bunch`])
    /// to the rows after it by what they measure
    /// ([`crate::shapes::label_runs`]: wkhtmltopdf's form in plain
    /// `pdftotext`, `数量指标` and `质量指标` in the header's cells, then
    /// 24 rows of `…活动场次 ≥3(场)` and 10 of `…记录完整率 =100%`): the
    /// rows, emitted already, get their labels again ([`Event::Relabel`]),
    /// reported as a guess. Else the bunch is reported, the rows left as
    /// they were.
    fn resolve_bunch(&mut self, table: &mut Table) {
        let Some(bunch) = table.bunch.take().map(|b| *b) else {
            return;
        };
        let levels =
            crate::shapes::label_runs(&bunch.labels, &bunch.rows).map(|heads| levels_of_heads(heads, (None, None)));
        let reason = match levels {
            Some(levels) => {
                self.emit(Event::Relabel { levels });
                UnplacedReason::LabelsByShape
            }
            None => UnplacedReason::LabelsWithoutRows,
        };
        self.emit(Event::Unplaced {
            reason,
            text: bunch.text,
            loc: bunch.at,
        });
    }

    /// Ends whatever block is open, and the form.
    fn finish(&mut self, state: State) {
        // After the first form, the preamble state holds another part of
        // the document: the form before it has ended already.
        let form_open = self.in_form && !matches!(state, State::Preamble { .. });
        match state {
            State::Preamble { rows } => self.preamble(rows),
            State::Header { pending } => self.flush_field(pending),
            State::Funds(funds) => self.finish_funds(funds),
            State::Goal(goal) => self.finish_goal(goal),
            State::Table(table) => self.finish_table(table),
        }
        for (text, loc) in mem::take(&mut self.stray_amounts) {
            self.emit(Event::Unplaced {
                reason: UnplacedReason::InFundsBlock,
                text,
                loc,
            });
        }
        if form_open {
            if let Some(last) = self.last_loc {
                self.emit(Event::FormEnd { last });
            }
        }
        // (Emitted with `FormEnd`; none is left behind without it.)
        self.release_funds();
    }

    /// The rows before the first form: the title (the heading just before the
    /// form) and, if more, one `NoForm` range; after a form, another part of
    /// the document: one `NoForm` range.
    fn preamble(&mut self, mut rows: Vec<Row>) {
        // Rows before the first heading may hold the title; rows after a
        // form's end (another part of the budget) are other content only.
        if !self.in_form {
            let title = title_of(&rows);
            if let Some(index) = title {
                let row = rows.remove(index);
                self.emit(Event::Title {
                    text: without_word_gaps(&row.text),
                    loc: row.loc,
                });
            }
        }
        if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
            // Printed lines: a PDF's cell of several lines is one row.
            let lines = rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.lines().count()).max().unwrap_or(1).max(1))
                .sum();
            self.emit(Event::NoForm {
                first: first.loc,
                last: last.loc,
                rows: lines,
            });
        }
    }

    fn fragment(&mut self, what: FragmentKind, token: &Token) {
        self.rows_fragment(what, &token.rows, " ");
    }

    fn emit(&mut self, event: Event) {
        // Held money cells wait only for amounts under the goal's heading:
        // any event but a report of text left out lets them go first.
        if !matches!(event, Event::Unplaced { .. }) {
            self.release_funds();
        }
        self.events.push_back(event);
    }
}

/// True where `token` begins another part of the budget in a form:
/// `OtherPart`, or after a table a numbered heading of the budget's text (a
/// goal may number its lines: only a table ends at one).
fn ends_form(state: &State, kind: &TokenKind, token: &Token) -> bool {
    match (state, kind) {
        (State::Preamble { .. }, _) => false,
        (_, TokenKind::OtherPart) => true,
        (State::Table(_), TokenKind::Row) => token.row().is_some_and(|r| vocab::is_budget_section_heading(&r.text)),
        _ => false,
    }
}

impl Iterator for Parser {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.events.pop_front() {
                return Some(event);
            }
            if self.finished {
                return None;
            }
            let state = mem::replace(&mut self.state, State::Header { pending: None });
            match self.tokens.next() {
                Some(token) => self.state = self.step(state, token),
                None => {
                    self.finish(state);
                    self.finished = true;
                }
            }
        }
    }
}

fn row_token(row: Row) -> Token {
    Token {
        kind: TokenKind::Row,
        rows: vec![row],
    }
}

fn loc_of(token: &Token) -> Location {
    token.rows.first().map_or(Location::Line(0), |r| r.loc)
}

/// True when `cell` is the end of the table's current 一级 or 二级 label
/// and no label of its own.
fn is_rest_of_label(table: &Table, cell: &str) -> bool {
    let folded = fold_compact(cell);
    !folded.is_empty()
        && vocab::indicator_label(cell).is_none()
        && [&table.level1, &table.level2].iter().any(|label| {
            label.as_deref().is_some_and(|l| {
                let l = fold_compact(l);
                l.len() > folded.len() && l.ends_with(&*folded)
            })
        })
}

/// Remembers a label until the next indicator row (see [`labels_in_a_bunch`]).
fn note_label(table: &mut Table, text: &str, level: LabelLevel, loc: Location) {
    table.labels_since_row.push((text.to_string(), level, loc));
}

/// Each row's (一级, 二级) labels, from the labels each row heads
/// ([`crate::shapes::label_runs`]) carried down from `start`.
fn levels_of_heads(
    heads: Vec<Vec<String>>,
    start: (Option<String>, Option<String>),
) -> Vec<(Option<String>, Option<String>)> {
    let (mut level1, mut level2) = start;
    let mut levels = Vec::with_capacity(heads.len());
    for head in heads {
        for label in head {
            match vocab::indicator_label(&label) {
                Some(LabelLevel::One) => {
                    level1 = Some(label);
                    level2 = None;
                }
                Some(LabelLevel::Two) => level2 = Some(label),
                None => {}
            }
        }
        levels.push((level1.clone(), level2.clone()));
    }
    levels
}

/// Labels noted before a row ([`Table::labels_since_row`]) as labels
/// whose place is lost, for [`crate::shapes::label_runs`].
fn unplaced_labels(labels: &[(String, LabelLevel, Location)]) -> impl Iterator<Item = Label> + '_ {
    labels.iter().map(|(text, level, _)| Label::unplaced(text, *level))
}

/// A bunch of labels as one text, and where its first stood.
fn bunch_text(labels: &[(String, LabelLevel, Location)]) -> Option<(String, Location)> {
    let (_, _, at) = labels.first()?;
    let text = labels.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>().join(" ");
    Some((text, *at))
}

/// Labels printed one after another in a bunch (see
/// [`vocab::labels_in_a_bunch`]).
fn labels_in_a_bunch(labels: &[(String, LabelLevel, Location)]) -> bool {
    vocab::labels_in_a_bunch(labels.iter().map(|(text, level, _)| (text.as_str(), *level)))
}

fn set_label(table: &mut Table, text: String, level: LabelLevel) {
    match level {
        LabelLevel::One => {
            let label = dewrap_cells(&[text]);
            // The same 一级 label printed again (on the next page) keeps its
            // 二级 context; a new one starts without. Rows that had no 一级
            // label yet (its text clipped away with the part of the merged
            // cell on the page before, as Ghostscript's re-distilling of a
            // LibreOffice PDF does) keep their 二级 context too: the label is
            // theirs, printed late.
            if table.level1.as_ref().is_some_and(|known| *known != label) {
                table.level2 = None;
            }
            table.level1 = Some(label);
        }
        LabelLevel::Two => table.level2 = Some(dewrap_cells(&[text])),
    }
}

/// De-wraps cells whose printed lines are separated by `\n` (ruled table
/// cells) or that are lines themselves (text dumps).
fn dewrap_cells(cells: &[String]) -> String {
    let lines: Vec<&str> = cells.iter().flat_map(|c| c.split('\n')).collect();
    dewrap(&lines)
}

/// Marks that end a sentence: a line ending in one ends a paragraph, no
/// wrap.
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '；', ';'];

/// Display units by which a wrapped line may fall short of its column's
/// width and still be full (a character or a Latin word that did not fit).
const GOAL_LINE_SLACK: usize = 4;

/// Where the text under two headings printed on lines of their own is two
/// cells, the project goal's then the annual goal's, the line where the
/// second begins:
///
/// ```text
/// 项目总目标
/// 年度总体目标
/// 为辖区居民提供心理健康咨询、危机干预和团体心理辅导服务，建立覆盖各居民区   ← full
/// 的心理服务网络。                                                         ← short: the cell ends
/// 1.全年开展心理健康讲座不少于12场；                                      ← a list begins again
/// ```
///
/// The evidence, strongest first: a list that begins again at `1.` after
/// text; the lines cut by width into exactly two
/// cells, one of them wrapped mid-sentence (its full line gives the
/// column's width).
/// A list that goes on (`1.…` then `2.…`) is one cell; so is text that
/// fits none of these (one cell under both headings, as printed). Blank
/// lines are no evidence: poppler parts one cell into several blocks.
fn two_goal_cells(lines: &[String]) -> Option<usize> {
    if lines.len() < 2 {
        return None;
    }
    let numbers: Vec<Option<u32>> = lines.iter().map(|l| list_number(l)).collect();
    if let Some(cut) = (1..lines.len()).find(|&i| numbers.get(i) == Some(&Some(1))) {
        return Some(cut);
    }
    if numbers.iter().any(Option::is_some) {
        return None;
    }
    let widths: Vec<usize> = lines.iter().map(|l| crate::regrid::width(l.trim())).collect();
    let full = widths.iter().copied().max()?;
    let ends: Vec<usize> = widths
        .iter()
        .enumerate()
        .filter(|(_, w)| **w + GOAL_LINE_SLACK < full)
        .map(|(i, _)| i)
        .collect();
    // Two cells: the first ends on a short line, the second at the text's end.
    let first_end = *ends.first()?;
    let cut = first_end + 1;
    let rest_short = ends.iter().filter(|&&i| i > first_end && i + 1 < lines.len()).count();
    // A wrap: a full line that ends inside a sentence, in either cell.
    let last = lines.len() - 1;
    let wrapped = (0..last).filter(|&i| i != first_end).any(|i| {
        let line = lines.get(i).map_or("", |l| l.trim_end());
        widths.get(i).is_some_and(|w| w + GOAL_LINE_SLACK >= full) && !line.ends_with(SENTENCE_ENDS)
    });
    if cut < lines.len() && rest_short == 0 && wrapped {
        return Some(cut);
    }
    cut_by_own_widths(lines, &widths)
}

/// Where the text under both headings is two lines, each a whole
/// sentence, neither wrapped: a cell under each heading, the usual form
/// (MuPDF's `推进…提升平安建设水平。` / `完成网格巡查…居民安全感持续提升。`),
/// but one cell's two paragraphs print alike: a guess the caller reports.
fn two_sentence_cells(lines: &[String]) -> Option<usize> {
    let [first, second] = lines else {
        return None;
    };
    let whole = |l: &String| l.trim_end().ends_with(SENTENCE_ENDS) && list_number(l).is_none();
    (whole(first) && whole(second)).then_some(1)
}

/// Where the text under both headings is two cells by the dump's order:
/// it went on once after the year line or money cells, and the line
/// before ends a sentence (one cell's lines are printed together, so a
/// second run is a second cell; LibreOffice draws it in a second pass):
///
/// ```text
/// 项目总目标 年度总体目标
/// 依托居民区睦邻点开展邻里互助活动，营造和谐社区氛围。   ← first pass
/// （2026年度）                                           ← second pass
/// 年度资金申请总额
/// 全年开展睦邻活动不少于300场。
/// ```
fn cut_where_resumed(lines: &[String], resumed_at: &[usize]) -> Option<usize> {
    let [cut] = resumed_at else {
        return None;
    };
    let before = lines.get(cut.checked_sub(1)?)?;
    (*cut < lines.len() && before.trim_end().ends_with(SENTENCE_ENDS)).then_some(*cut)
}

/// The one cut of `lines` into two cells, each wrapped at a width of its
/// own (the two goal columns need not be alike: a one-line annual goal
/// wider than the project goal's full lines), where each cell's lines but
/// its last are full for it and one of them wraps mid-sentence:
///
/// ```text
/// 建立覆盖全区的独居老人关爱巡访机制，及时发现       ← full for its cell
/// 和化解安全风险。                                   ← its last line
/// 全年完成各片区巡访任务，巡访记录完整率达到95%以上。 ← the other cell
/// ```
///
/// `None` where no cut or more than one fits.
fn cut_by_own_widths(lines: &[String], widths: &[usize]) -> Option<usize> {
    let trimmed = |i: usize| lines.get(i).map_or("", |l| l.trim_end());
    // Lines `range` as one cell: every line but the last full, and
    // whether one of them wraps mid-sentence.
    let cell = |range: std::ops::Range<usize>| -> Option<bool> {
        let full = widths.get(range.clone())?.iter().copied().max()?;
        let last = range.end.checked_sub(1)?;
        let mut wraps = false;
        for i in range.start..last {
            if widths.get(i).is_none_or(|w| w + GOAL_LINE_SLACK < full) {
                return None;
            }
            wraps |= !trimmed(i).ends_with(SENTENCE_ENDS);
        }
        Some(wraps)
    };
    let fits: Vec<usize> = (1..lines.len())
        .filter(|&cut| matches!((cell(0..cut), cell(cut..lines.len())), (Some(a), Some(b)) if a || b))
        .collect();
    match fits.as_slice() {
        [cut] => Some(*cut),
        _ => None,
    }
}

/// A dump's line of both goal cells side by side under both headings
/// (plain `pdftotext` of LibreOffice Writer's form: `…及时发现和化解安全风
/// 全年完成各片区巡访任务…以上。`, then `险。`), or a line after one: a cell
/// each; a line after them goes on the cell whose list it continues, else
/// on the cell that did not end its sentence. True where `row` was taken so.
fn goal_line_side_by_side(goal: &mut Goal, row: &Row) -> bool {
    // Not a gap a typesetter put between an ideograph and a number
    // (`…对接：第 26 届…`: one cell's line); a list's number (`1.为…`)
    // may begin the second cell.
    let autospaced = match row.cells.as_slice() {
        [a, b] => {
            a.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                || (b.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) && list_number(b).is_none())
        }
        _ => true,
    };
    let dump_pair = dump_line(row)
        && row.cells.len() == 2
        && !autospaced
        && row
            .cells
            .iter()
            .all(|c| vocab::goal_heading(c).is_none() && c.chars().count() >= MIN_SIDE_GOAL_CHARS)
        && matches!(goal.slots.last(), Some((GoalSlot::Both, lines, _)) if lines.is_empty());
    if dump_pair {
        goal.slots.pop();
        for (slot, cell) in [GoalSlot::Project, GoalSlot::Annual].into_iter().zip(&row.cells) {
            goal.slots.push((slot, vec![cell.clone()], row.loc));
        }
        goal.side_by_side_lines = true;
        return true;
    }
    if goal.side_by_side_lines && dump_line(row) && row.cells.len() == 1 {
        // The next item of a cell's list (`2.新建长者食堂2家；` after
        // `1.为3500名…`) is that cell's.
        let listed = list_number(&row.text).and_then(|n| {
            (0..goal.slots.len()).find(|&i| {
                goal.slots.get(i).is_some_and(|(_, lines, _)| {
                    lines.iter().rev().find_map(|l| list_number(l)) == Some(n.wrapping_sub(1))
                })
            })
        });
        if let Some((_, lines, _)) = listed.and_then(|i| goal.slots.get_mut(i)) {
            lines.push(row.text.clone());
            return true;
        }
        let open: Vec<usize> = (0..goal.slots.len())
            .filter(|&i| {
                goal.slots
                    .get(i)
                    .is_some_and(|(_, lines, _)| lines.last().is_some_and(|l| !l.trim_end().ends_with(SENTENCE_ENDS)))
            })
            .collect();
        // Both open: poppler prints their next lines one after the
        // other, the project goal's first (`平。` / `续提升。`).
        let shortest = open
            .iter()
            .copied()
            .min_by_key(|&i| goal.slots.get(i).map_or(usize::MAX, |(_, lines, _)| lines.len()));
        if let Some((_, lines, _)) = shortest.and_then(|i| goal.slots.get_mut(i)) {
            lines.push(row.text.clone());
            return true;
        }
    }
    false
}

/// The lines of a numbered list interleaved with another cell's text
/// under both goal headings: items 1, 2, … in order, each a whole line
/// that ends its sentence, with the other text's lines between them
/// (LibreOffice's order of a form whose annual goal is a list: `1.为…；` /
/// `健全…提升老年人生活` / `2.新建长者食堂2家；` / `质量。` / `3.…`). `None`
/// where the lines are not so: a list whose items wrap, no text between.
fn interleaved_list(lines: &[String]) -> Option<Vec<usize>> {
    let listed: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).and_then(|l| list_number(l)).is_some())
        .collect();
    let numbers: Vec<u32> = listed
        .iter()
        .filter_map(|&i| lines.get(i).and_then(|l| list_number(l)))
        .collect();
    let in_order = numbers.iter().zip(1u32..).all(|(n, k)| *n == k);
    let whole = listed
        .iter()
        .all(|&i| lines.get(i).is_some_and(|l| l.trim_end().ends_with(SENTENCE_ENDS)));
    let (first, last) = (*listed.first()?, *listed.last()?);
    let between = (first..last).any(|i| !listed.contains(&i));
    let others = lines.len() - listed.len();
    (listed.len() >= MIN_LIST_ITEMS && in_order && whole && between && others > 0).then_some(listed)
}

/// Fewest items of a list told from another cell's lines by its numbers.
const MIN_LIST_ITEMS: usize = 2;

/// The number of a list item that begins a line (`1.`, `2、`, `3．`); `1)`
/// and `（1）` are sub-items, `1.5` is a number.
fn list_number(line: &str) -> Option<u32> {
    // Full-width digits and marks too (`１．`).
    let folded = fold_compact(line);
    let line = folded.as_ref();
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    let rest = line.get(digits.len()..)?;
    let mut after = rest.chars();
    let mark = after.next()?;
    let next = after.next();
    let is_mark = matches!(mark, '.' | '、' | '．') && !next.is_some_and(|c| c.is_ascii_digit());
    if digits.is_empty() || digits.len() > 2 || !is_mark {
        return None;
    }
    digits.parse().ok()
}

/// Most tokens looked ahead for goal text still to come among a goal's
/// stray table cells (a page of header cells, labels and goal lines).
const MAX_GOAL_LOOKAHEAD: usize = 60;

/// Most lines of plain text between a table cell printed among the goal's
/// lines and the annual goal's heading: the header's values poppler
/// printed there (a nature, a category, a unit's name). More are the
/// table's names: the table has begun.
const MAX_STRAY_TEXT_LINES: usize = 6;

/// A line of a goal: a sentence (`…服务网络。`, `…不少于12场；`) or an
/// item of a numbered list (`1.`, `2、`); no indicator name is either.
fn is_goal_sentence(text: &str) -> bool {
    let folded = fold_compact(text);
    let numbered = folded.split_once(['.', '、']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty()
    });
    numbered || folded.contains(['。', ';', '；'])
}

/// A line holding one cell of the table's header alone (`三级指标`), as a
/// content-order dump prints it.
fn lone_header_cell(row: &Row) -> bool {
    dump_line(row) && row.cells.len() == 1 && vocab::is_table_header_cell(&fold_compact(&row.text))
}

/// A line of a text dump, not a PDF's row.
fn dump_line(row: &Row) -> bool {
    !row.ruled && matches!(row.loc, Location::Line(_))
}

/// The cells a column of money labels printed apart from the block names:
/// `其他资金` is the annual one in a column that holds an annual label.
fn column_items(labels: &[FundLabel]) -> Vec<FundItem> {
    let annual = labels.iter().any(|l| is_annual_label(*l));
    labels
        .iter()
        .map(|label| match label {
            FundLabel::Item(item) => *item,
            FundLabel::Other if annual => FundItem::AnnualOther,
            FundLabel::Other => FundItem::ProjectOther,
        })
        .collect()
}

/// Cells that alternate a name and a numeric target, two rows or more
/// (`居民满意度 ≥90% 参与…总体评价 ≥85%`), cut into (name, target) pairs.
fn rows_on_one_line(cells: &[String]) -> Option<Vec<Vec<String>>> {
    if cells.len() < 4 || !cells.len().is_multiple_of(2) {
        return None;
    }
    let pairs: Vec<Vec<String>> = cells.chunks(2).map(<[String]>::to_vec).collect();
    let alternate = pairs.iter().all(|pair| match pair.as_slice() {
        [name, target] => !is_numeric_target(name) && is_numeric_target(target),
        _ => false,
    });
    alternate.then_some(pairs)
}

/// True when one-cell `lines` after a row printed on one line are more
/// lines of its target: the target is text, not a number whose unit
/// closes it (`≥1200(户)` / `社区微更新项目` starts a row), no line is
/// wider than the one it wrapped from, and the lines make no rows of
/// their own (a line would be a name without a target: `到位`).
fn target_goes_on(row: &LineRow, lines: &[String]) -> bool {
    let Some(last) = row
        .target
        .last()
        .filter(|t| !t.trim().is_empty() && !is_numeric_target(t))
    else {
        return false;
    };
    // The line the target wrapped from was full: no line after it in
    // the same column is wider (`有效保障` / `意向服务企业数` is a short
    // target and the next row's name).
    let full = crate::regrid::width(last.trim());
    lines.iter().all(|l| crate::regrid::width(l.trim()) <= full)
        && runs::pair(lines).iter().any(|p| p.target.is_empty())
}

/// True when the run of one-cell lines before a row printed on one line
/// holds the first lines of the row's `name`: they go on no row held
/// before, make no rows of their own, and each is at least as wide as
/// the name's line on the row (a wrapped cell's first lines are full).
fn name_goes_before(table: &Table, name: &str) -> bool {
    let lines: Vec<String> = table.run.iter().map(|r| r.text.clone()).collect();
    if lines.is_empty() || table.line_row.as_ref().is_some_and(|r| target_goes_on(r, &lines)) {
        return false;
    }
    let width = crate::regrid::width(name.trim());
    lines.iter().all(|l| crate::regrid::width(l.trim()) >= width)
        && runs::pair(&lines).iter().any(|p| p.target.is_empty())
}

/// A token of a content-order dump: lines of one cell each.
fn one_cell_lines(token: &Token) -> bool {
    token.rows.iter().all(|r| dump_line(r) && r.cells.len() == 1)
}

/// Most amount lines held between a label's halves: a row's amount is one
/// line; more is no row's.
const MAX_AMOUNTS_BETWEEN_HALVES: usize = 1;

/// Whether `row`, a dump's line of amounts after a label's first half
/// (`年度资金申请总` / `1,280,000.00`), is held until the next row tells
/// whether the label goes on.
fn holds_between_halves(funds: &Funds, row: &Row) -> bool {
    funds.label_begun.is_some()
        && dump_line_loc(row.loc)
        && funds.between_halves.len() < MAX_AMOUNTS_BETWEEN_HALVES
        && !row.cells.is_empty()
        && row.cells.iter().all(|c| is_amount(c))
}

/// A dump's line, not a PDF's page: where a content-order dump loses
/// which column a `其他资金` stood in.
fn dump_line_loc(loc: Location) -> bool {
    matches!(loc, Location::Line(_))
}

/// The cells of a run of amounts (see [`place_run_by_sums`]): those
/// without an amount, and those whose amount stood apart after the last
/// of them. `None` where a loose amount stands before a cell without
/// one: no column of labels, then a column of amounts. poppler also
/// prints the seed's blank project column's labels each with an amount
/// of the annual column after it (`项目资金总额` / `249,800.00` /
/// `249,800.00` / `其中：财政资金` / `0.00`), where the order tells nothing.
fn run_cells(cells: &[FundCell], loose: &[(String, Location)]) -> Option<Vec<bool>> {
    let last_open = cells
        .iter()
        .filter(|c| c.amount.is_none())
        .map(|c| c.loc.line())
        .collect::<Option<Vec<u32>>>()?
        .into_iter()
        .max()?;
    let first_loose = loose
        .iter()
        .map(|(_, loc)| loc.line())
        .collect::<Option<Vec<u32>>>()?
        .into_iter()
        .min()?;
    if first_loose < last_open {
        return None;
    }
    Some(
        cells
            .iter()
            .map(|c| c.amount.is_none() || c.apart.is_some_and(|a| a > last_open))
            .collect(),
    )
}

/// The money cells of a run of amounts a dump printed apart from their
/// labels, by the sums: poppler prints a LibreOffice Writer form's labels
/// a column at a time, then the amounts (`年度资金申请总额` / `其中：当年财政
/// 拨款` / `上年结转资金` / `其他资金` / `31,487,510.00` / `5,020,000.00` /
/// `0.00` / `26,467,510.00`), and the label right before the first amount
/// took it. The `run` is the amounts the cells `in_run` hold
/// ([`run_cells`]) and those no label took, in the dump's order; it goes,
/// in the same order, to the run's cells: the only choice under which
/// every sum read holds and each of the run's amounts stands in one. The
/// amount of every cell, or `None` where no choice, or more than one,
/// does. Whether a total the run fills proves its sum: `totals`.
fn place_run_by_sums(
    items: &[FundItem],
    amounts: &[Option<f64>],
    in_run: &[bool],
    run: &[f64],
    totals: RunTotals,
) -> Option<Vec<Option<f64>>> {
    let open: Vec<usize> = (0..items.len())
        .filter(|&i| in_run.get(i).copied().unwrap_or(false))
        .collect();
    if run.len() > open.len() {
        return None;
    }
    let mut cleared: Vec<Option<f64>> = amounts.to_vec();
    for &i in &open {
        if let Some(v) = cleared.get_mut(i) {
            *v = None;
        }
    }
    only_choice(&open, run.len(), |chosen| {
        let filled_by_run = |total: FundItem| chosen.iter().any(|&i| items.get(i) == Some(&total));
        let counts = |total: FundItem| totals == RunTotals::Prove || !filled_by_run(total);
        filled_where_sums_hold(items, &cleared, chosen, run, counts)
    })
}

/// `amounts` with the cells `chosen` given the amounts `placed`, in
/// order, where every sum read (of the totals `counts` takes) holds and
/// each chosen cell stands in one; `None` otherwise.
fn filled_where_sums_hold(
    items: &[FundItem],
    amounts: &[Option<f64>],
    chosen: &[usize],
    placed: &[f64],
    counts: impl Fn(FundItem) -> bool,
) -> Option<Vec<Option<f64>>> {
    let mut values = amounts.to_vec();
    for (&i, &amount) in chosen.iter().zip(placed) {
        if let Some(v) = values.get_mut(i) {
            *v = Some(amount);
        }
    }
    let (holds, checked) = sums_read(&amount_of(items, &values), counts);
    let all_checked = chosen
        .iter()
        .all(|&i| items.get(i).is_some_and(|item| checked.contains(item)));
    (holds && all_checked).then_some(values)
}

/// Most amounts no label took that [`place_loose_by_sums`] places, in
/// any order: with more, sums that hold by chance are too many ways
/// away (LibreOffice's form through cairo, in plain `pdftotext`: four
/// loose amounts fill sums that hold with the amounts the order gave
/// wrong labels).
const MAX_LOOSE_AMOUNTS: usize = 2;

/// The money cells of amounts no label took, printed where their order
/// tells nothing (plain `pdftotext` of the stress form prints
/// `3,650,000.00` before every label, the total's, and `0.00` among the
/// annual column's, whose labels all took theirs): in any order, to the
/// cells read without one, the only result under which every sum read
/// holds and each amount placed stands in one (`项目资金总额 = 财政资金 +
/// 其他资金`: 3,650,000.00 = 3,650,000.00 + 0.00). The amount of every
/// cell, or `None` where no result, or more than one, does.
fn place_loose_by_sums(items: &[FundItem], amounts: &[Option<f64>], loose: &[f64]) -> Option<Vec<Option<f64>>> {
    if loose.len() > MAX_LOOSE_AMOUNTS {
        return None;
    }
    only_filling(items, amounts, loose, |_, _| true)
}

/// `amounts` with the cells read without one (`None`) given `values`, in
/// the only way, over cells and order, under which every sum read holds,
/// each filled cell stands in one, and `accept` takes the cells chosen and
/// the amounts filled; `None` where no way does, or more than one (equal
/// amounts swapped give the same result), or more than
/// [`MAX_OPEN_FUNDS`] cells are open.
fn only_filling(
    items: &[FundItem],
    amounts: &[Option<f64>],
    values: &[f64],
    accept: impl Fn(&[usize], &[Option<f64>]) -> bool,
) -> Option<Vec<Option<f64>>> {
    let open: Vec<usize> = (0..items.len())
        .filter(|&i| amounts.get(i).is_some_and(Option::is_none))
        .collect();
    if values.is_empty() || values.len() > open.len() || open.len() > MAX_OPEN_FUNDS {
        return None;
    }
    let mut found: Option<Vec<Option<f64>>> = None;
    let mut visit = |chosen: &[usize]| -> bool {
        let Some(filled) = filled_where_sums_hold(items, amounts, chosen, values, |_| true) else {
            return true;
        };
        if !accept(chosen, &filled) {
            return true;
        }
        match &found {
            Some(earlier) => *earlier == filled,
            None => {
                found = Some(filled);
                true
            }
        }
    };
    let mut chosen = Vec::with_capacity(values.len());
    if each_injection(&open, values.len(), &mut chosen, &mut visit) {
        found
    } else {
        None
    }
}

/// Visits each way of taking `k` of `open` in some order (`chosen` holds
/// the ones taken so far) until `visit` says stop; whether it never did.
fn each_injection(open: &[usize], k: usize, chosen: &mut Vec<usize>, visit: &mut dyn FnMut(&[usize]) -> bool) -> bool {
    if chosen.len() == k {
        return visit(chosen);
    }
    for &cell in open {
        if chosen.contains(&cell) {
            continue;
        }
        chosen.push(cell);
        let go_on = each_injection(open, k, chosen, visit);
        chosen.pop();
        if !go_on {
            return false;
        }
    }
    true
}

/// Whether a sum's total that a run of amounts fills proves the sum
/// ([`place_run_by_sums`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunTotals {
    /// The money block's run: its amounts stand among their labels.
    Prove,
    /// Amounts under the goal's heading: a sum of strays alone proves
    /// little (`3,117,000.00 = 0.00 + 3,117,000.00`).
    ProveNothing,
}

/// What `fits` makes of the only choice of `k` of `open`, in their order,
/// that it takes; `None` where none does, or more than one, or `open` is
/// more cells than [`MAX_OPEN_FUNDS`].
fn only_choice<T: Copy, R>(open: &[T], k: usize, mut fits: impl FnMut(&[T]) -> Option<R>) -> Option<R> {
    if open.len() > MAX_OPEN_FUNDS {
        return None;
    }
    let mut found = None;
    for mask in 0u32..(1 << open.len()) {
        if mask.count_ones() as usize != k {
            continue;
        }
        let chosen: Vec<T> = open
            .iter()
            .enumerate()
            .filter(|(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, &t)| t)
            .collect();
        if let Some(made) = fits(&chosen) {
            if found.is_some() {
                return None;
            }
            found = Some(made);
        }
    }
    found
}

/// `amounts` with the cells read without one (`None`) given `values`, in
/// the only way, over cells and order, under which every sum read holds
/// and each filled cell stands in a sum with a part read beside its label
/// (not filled here); `None` where no way does, or more than one, or more
/// than [`MAX_OPEN_FUNDS`] cells are open.
fn place_anchored_by_sums(items: &[FundItem], amounts: &[Option<f64>], values: &[f64]) -> Option<Vec<Option<f64>>> {
    let read_beside = |item: FundItem| items.iter().zip(amounts).any(|(i, a)| *i == item && a.is_some());
    only_filling(items, amounts, values, |chosen, filled| {
        let value = amount_of(items, filled);
        chosen.iter().filter_map(|&c| items.get(c)).all(|c| {
            vocab::FUND_SUMS.iter().any(|(total, parts)| {
                let members: Vec<FundItem> = std::iter::once(*total).chain(parts.iter().copied()).collect();
                members.contains(c)
                    && members.iter().all(|m| value(*m).is_some())
                    && members.iter().any(|m| read_beside(*m))
            })
        })
    })
}

/// The amount of each money cell of `items` read with `amounts` (the
/// first read, where an item stands twice).
fn amount_of<'a>(items: &'a [FundItem], amounts: &'a [Option<f64>]) -> impl Fn(FundItem) -> Option<f64> + 'a {
    move |item| {
        items
            .iter()
            .zip(amounts)
            .find(|(i, a)| **i == item && a.is_some())
            .and_then(|(_, a)| *a)
    }
}

/// Checks the sums ([`vocab::FUND_SUMS`]) whose total `counts` and whose
/// total and parts `value` all reads: whether every one holds, and the
/// items of those read.
fn sums_read(value: &dyn Fn(FundItem) -> Option<f64>, counts: impl Fn(FundItem) -> bool) -> (bool, Vec<FundItem>) {
    let mut holds = true;
    let mut checked: Vec<FundItem> = Vec::new();
    for (total, parts) in vocab::FUND_SUMS {
        if !counts(total) {
            continue;
        }
        let Some(total_value) = value(total) else { continue };
        let Some(part_values) = parts.iter().map(|p| value(*p)).collect::<Option<Vec<f64>>>() else {
            continue;
        };
        holds &= vocab::cents(total_value) == part_values.iter().map(|v| vocab::cents(*v)).sum::<i64>();
        checked.push(total);
        checked.extend_from_slice(parts);
    }
    (holds, checked)
}

/// The two `其他资金` cells' columns by the sums, where a dump's order
/// lost which column each stood in: poppler prints the seed's blank
/// project column's `其他资金` label, then the annual one's `0.00`, then
/// the annual label, and by order the project column took the amount.
/// The amounts change columns where they make the sums hold
/// ([`vocab::FUND_SUMS`], every part read) and did not.
fn others_by_sums(items: &mut [FundItem], amounts: &[Option<f64>]) {
    let others: Vec<usize> = (0..items.len())
        .filter(|&i| matches!(items.get(i), Some(FundItem::ProjectOther | FundItem::AnnualOther)))
        .collect();
    let [a, b] = others.as_slice() else { return };
    let (a, b) = (*a, *b);
    if items.get(a) == items.get(b) {
        return;
    }
    // Whether the sums hold with `items`: (every sum read holds, the
    // number of sums read).
    let holds = |items: &[FundItem]| -> (bool, usize) {
        let (all, checked) = sums_read(&amount_of(items, amounts), |_| true);
        // (How many sums were read: their totals.)
        let read = vocab::FUND_SUMS
            .iter()
            .filter(|(total, _)| checked.contains(total))
            .count();
        (all, read)
    };
    let mut swapped = items.to_vec();
    swapped.swap(a, b);
    let (now_holds, now_read) = holds(items);
    let (then_holds, then_read) = holds(&swapped);
    if then_holds && then_read > 0 && (!now_holds || then_read > now_read) {
        items.swap(a, b);
    }
}

/// A label of the annual column (`年度资金申请总额`, `当年财政拨款`,
/// `上年结转资金`): the `其他资金` beside them is the annual one.
/// Most money cells left without an amount that [`only_choice`] tries
/// amounts on (a form has seven).
const MAX_OPEN_FUNDS: usize = 7;

/// The money cells that `amounts`, printed apart from their labels, fill:
/// of the cells read without an amount (`cells`, in the labels' order),
/// the only choice, in the same order, under which every amount stands
/// in a sum that holds (`年度资金申请总额 = 当年财政拨款 + 上年结转资金 +
/// 其他资金`, `项目资金总额 = 财政资金 + 其他资金`, each total read
/// beside its label). poppler prints a
/// Chromium form's `上年结转资金` / `其他资金` labels, then the goal's
/// heading, then `0.00` / `26,467,510.00`. `None` where no choice, or
/// more than one, does.
fn place_by_sums(cells: &[(FundItem, Option<f64>)], amounts: &[f64]) -> Option<Vec<FundItem>> {
    let mut open: Vec<FundItem> = Vec::new();
    for (item, amount) in cells {
        let filled = cells.iter().any(|(i, a)| i == item && a.is_some());
        if amount.is_none() && !filled && !open.contains(item) {
            open.push(*item);
        }
    }
    if amounts.is_empty() || amounts.len() > open.len() {
        return None;
    }
    only_choice(&open, amounts.len(), |chosen| {
        let value = |item: FundItem| -> Option<f64> {
            chosen
                .iter()
                .position(|c| *c == item)
                .and_then(|k| amounts.get(k).copied())
                .or_else(|| {
                    cells
                        .iter()
                        .find(|(i, a)| *i == item && a.is_some())
                        .and_then(|(_, a)| *a)
                })
        };
        // The total read beside its label: a sum of stray amounts alone
        // proves little (`3,117,000.00 = 0.00 + 3,117,000.00`).
        let (holds, checked) = sums_read(&value, |total| !chosen.contains(&total));
        (holds && chosen.iter().all(|c| checked.contains(c))).then(|| chosen.to_vec())
    })
}

/// The held money cells with the amounts under the goal's heading
/// (`amounts`, on dump `lines`) placed, where the order took some amounts
/// to the wrong labels: poppler prints the seed's `上年结转资金` /
/// `其他资金` / `0.00` / `其他资金`, then the goal's heading, then
/// `26,467,510.00`, and by order the blank project column's `其他资金`
/// took the carried-over `0.00`. The amounts the order gave to parts of
/// a sum, with these, go in the dump's order to the parts and open cells
/// in the labels' order: the only choice under which every sum read
/// holds, with its total read beside its label, and every amount stands
/// in one. `None` where no amount was the order's guess, or no choice,
/// or more than one, does.
fn move_by_sums(held: &[HeldFund], amounts: &[f64], lines: &[u32]) -> Option<Vec<HeldFund>> {
    let items: Vec<FundItem> = held.iter().map(|f| f.item).collect();
    let now: Vec<Option<f64>> = held.iter().map(|f| f.amount).collect();
    let is_total = |item: FundItem| vocab::FUND_SUMS.iter().any(|(total, _)| *total == item);
    let movable = |f: &HeldFund| f.apart.is_some() && !is_total(f.item);
    let filled = |item: FundItem| held.iter().any(|f| f.item == item && f.amount.is_some() && !movable(f));
    let in_run: Vec<bool> = held
        .iter()
        .map(|f| movable(f) || (f.amount.is_none() && !filled(f.item)))
        .collect();
    if !held.iter().any(movable) {
        return None;
    }
    let mut run: Vec<(u32, f64)> = held
        .iter()
        .filter(|f| movable(f))
        .filter_map(|f| Some((f.apart?, f.amount?)))
        .collect();
    run.extend(lines.iter().copied().zip(amounts.iter().copied()));
    run.sort_by_key(|(line, _)| *line);
    let run: Vec<f64> = run.into_iter().map(|(_, v)| v).collect();
    let placed = place_run_by_sums(&items, &now, &in_run, &run, RunTotals::ProveNothing)?;
    let moved = held
        .iter()
        .zip(placed)
        .map(|(f, amount)| HeldFund {
            amount,
            text: f.text.clone().filter(|_| amount.is_none()),
            apart: None,
            ..f.clone()
        })
        .collect();
    Some(moved)
}

fn is_annual_label(label: FundLabel) -> bool {
    matches!(
        label,
        FundLabel::Item(FundItem::AnnualTotal | FundItem::AnnualFiscalCurrent | FundItem::AnnualFiscalCarryover)
    )
}

/// A dump line's text that is a block marker, a piece of one (`项目`,
/// `目标`), or one character of one (`目`).
fn is_marker_remnant(text: &str) -> bool {
    let folded = fold_compact(text);
    let mut chars = folded.chars();
    let one_char = chars.next().is_some_and(|c| "项目绩效标指资金".contains(c)) && chars.next().is_none();
    one_char || vocab::is_marker_text(&folded)
}

/// A money label or an amount (`其他资金`, `0.00`, `26,467,510.00`).
fn is_money_text(text: &str) -> bool {
    let folded = fold_compact(text);
    vocab::fund_label(&folded).is_some() || is_amount(&folded)
}

/// The later of two places of the same kind; else the second.
fn furthest(a: Location, b: Location) -> Location {
    match (a, b) {
        (Location::Line(x), Location::Line(y)) => Location::Line(x.max(y)),
        (Location::Page(x), Location::Page(y)) => Location::Page(x.max(y)),
        (_, b) => b,
    }
}

/// The goal's last cell has text.
fn has_text(goal: &Goal) -> bool {
    goal.slots.last().is_some_and(|(_, lines, _)| !lines.is_empty())
}

fn goal_folded(goal: &Goal) -> String {
    goal.slots
        .iter()
        .flat_map(|(_, lines, _)| lines.iter())
        .map(|l| fold_compact(l))
        .collect()
}

/// Advances a repeated-goal match by one row; false when the row is not the
/// next piece of the goal text.
fn advance_repeat(repeat: &mut Repeat, goal: &str, row: &Row) -> bool {
    let folded = fold_compact(&row.text);
    let rest = goal.get(repeat.cursor..).unwrap_or_default();
    if folded.is_empty() || !rest.starts_with(&*folded) {
        return false;
    }
    repeat.cursor += folded.len();
    repeat.rows.push(row.clone());
    true
}

/// Splits the cells of a row with two or more cells into name and target:
/// the target starts at the first cell that opens a numeric target
/// (`≥ 90 %` printed with spaces), else it is the last cell.
fn split_name_target(cells: &[String]) -> (String, String) {
    for start in 1..cells.len() {
        let Some(head) = cells.get(start) else { break };
        let opens = head.starts_with(|c: char| c.is_ascii_digit() || "≥≤=<>＞＜＝≧≦".contains(c));
        let tail = cells.get(start..).unwrap_or_default().join(" ");
        if opens && is_numeric_target(&tail) {
            return (cells.get(..start).unwrap_or_default().join(" "), tail);
        }
    }
    let split = cells.len().saturating_sub(1);
    (
        cells.get(..split).unwrap_or_default().join(" "),
        cells.get(split..).unwrap_or_default().join(" "),
    )
}

/// `text` without the spaces a word processor's gap between an ideograph
/// and a digit or Latin letter left in a dump (`中心 2024 年度` →
/// `中心2024年度`; a layout dump widens the gap where the digits' font is
/// narrower than the space it was given: `中心             2024 年度`; or
/// inside a number: `202 6年度`, as PDFBox parts a year); other spaces stay.
pub(crate) fn without_word_gaps(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: Option<&char>| c.is_some_and(|&c| jixiao_model::normalize::is_wide(c));
    let narrow = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c != ' ' {
            out.push(c);
            i += 1;
            continue;
        }
        let run = chars
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| c == ' ')
            .count();
        let (before, after) = (i.checked_sub(1).and_then(|b| chars.get(b)), chars.get(i + run));
        // Inside a number set between ideographs (`街道202 6年度`), not
        // between numbers (`5 2`, `2021 3 31`).
        let in_number = digit(before) && digit(after) && {
            let rest = chars.get(i + run..).unwrap_or_default();
            wide(rest.iter().find(|c| !c.is_ascii_digit()))
        };
        let gap = (wide(before) && narrow(after)) || (narrow(before) && wide(after)) || in_number;
        if !gap {
            out.extend(std::iter::repeat_n(' ', run));
        }
        i += run;
    }
    out
}

/// Index of the title among the rows before the first form: the nearest
/// heading-like row before the form (ending in 表, or naming 绩效), or the
/// only row there is.
fn title_of(rows: &[Row]) -> Option<usize> {
    let last = rows.len().checked_sub(1)?;
    let row = rows.get(last)?;
    let folded = fold_compact(&row.text);
    // One cell, or cells parted only by a word processor's gap between
    // ideographs and digits that a dump prints as a space
    // (`上海市…中心 2024 年度项目绩效目标汇总表`).
    let one_cell = row.cells.len() == 1 || !without_word_gaps(&row.text).chars().any(jixiao_layout::is_space);
    let heading_like = one_cell && folded.chars().count() <= 60;
    // The only row there is, if it is one printed line (a PDF's cell of
    // several lines is one row too, and no title).
    let only_line = rows.len() == 1 && !row.cells.iter().any(|c| c.contains('\n'));
    if heading_like && (folded.ends_with('表') || folded.contains("绩效") || only_line) {
        return Some(last);
    }
    None
}

#[cfg(test)]
mod tests {
    //! One line per case: dump text in (rows split at spaces, as a text
    //! dump gives them) → tokens or events out. `jixiao text` shows the
    //! rows of a real input; copy the few that matter into a case here.

    use super::*;
    use crate::lexer::lex;

    fn rows(text: &str) -> Vec<Row> {
        jixiao_layout::text::rows(text)
    }

    #[test]
    fn word_processor_gaps_leave_a_title() {
        assert_eq!(
            without_word_gaps("上海市生物医药科技发展中心 2024 年度项目绩效目标汇总表"),
            "上海市生物医药科技发展中心2024年度项目绩效目标汇总表"
        );
        // Spaces between ideographs, or between Latin words, stay.
        assert_eq!(without_word_gaps("某某区 部门预算 Page 1"), "某某区 部门预算Page 1");
        assert_eq!(
            without_word_gaps("上海市生物医药科技发展中心             2024 年度项目绩效目标汇总表"),
            "上海市生物医药科技发展中心2024年度项目绩效目标汇总表"
        );
        assert_eq!(without_word_gaps("项目名称   科技服务"), "项目名称   科技服务");
        assert_eq!(
            without_word_gaps("某某街道202 6年度项目支出绩效目标表"),
            "某某街道2026年度项目支出绩效目标表"
        );
        // So a row of such gaps is one heading; words apart are not (a
        // document of one such line holds no form and says so).
        assert_eq!(title_of(&rows("上海市某中心 2024 年度项目绩效目标汇总表\n")), Some(0));
        assert_eq!(title_of(&rows("Calculate the sum\n")), None);
    }

    /// The tokens of `text`, each as `Kind` or `Kind(detail)`.
    fn tokens(text: &str) -> Vec<String> {
        lex(rows(text))
            .into_iter()
            .map(|t| match t.kind {
                TokenKind::Heading { form, year } => format!("Heading({form}, {year:?})"),
                TokenKind::Year(y) => format!("Year({y})"),
                TokenKind::Marker(m) => format!("Marker({m:?})"),
                TokenKind::IndicatorHeader => "IndicatorHeader".to_string(),
                TokenKind::Label { text, level } => format!("Label({text}, {level:?})"),
                TokenKind::PageNumber => "PageNumber".to_string(),
                TokenKind::OtherPart => "OtherPart".to_string(),
                TokenKind::Rest => "Rest".to_string(),
                TokenKind::Note { .. } => "Note".to_string(),
                TokenKind::Row => format!("Row({})", t.rows.first().map_or(String::new(), |r| r.cells.join("|"))),
            })
            .collect()
    }

    /// The events of `text`, compactly; locations are left out.
    fn events(text: &str) -> Vec<String> {
        Parser::new(lex(rows(text)))
            .map(|e| match e {
                Event::Title { text, .. } => format!("Title({text})"),
                Event::NoForm { rows, .. } => format!("NoForm({rows} rows)"),
                Event::FormStart { form, year, .. } => format!("FormStart({form}, {year:?})"),
                Event::Year { year, .. } => format!("Year({year})"),
                Event::Field { field, value, .. } => format!("Field({field:?}, {value})"),
                Event::Fund { item, amount, text, .. } => format!("Fund({item:?}, {amount:?}, {text:?})"),
                Event::Goal { slot, lines, .. } => format!("Goal({slot:?}, {})", lines.join("/")),
                Event::Indicator {
                    level1,
                    level2,
                    name,
                    target,
                    ..
                } => format!(
                    "Indicator({}, {}, {name}, {target})",
                    level1.unwrap_or_default(),
                    level2.unwrap_or_default()
                ),
                Event::Fragment { what, text, .. } => format!("Fragment({what:?}, {text})"),
                Event::Unplaced { reason, text, .. } => format!("Unplaced({reason:?}, {text})"),
                Event::LabelCutShort { label, text, .. } => format!("LabelCutShort({text} → {label})"),
                Event::Relabel { levels } => format!(
                    "Relabel({})",
                    levels
                        .into_iter()
                        .map(|(l1, l2)| format!("{}/{}", l1.unwrap_or_default(), l2.unwrap_or_default()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Event::FormEnd { .. } => "FormEnd".to_string(),
            })
            .collect()
    }

    macro_rules! lexes_to {
        ($name:ident, $text:expr, [$($token:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                assert_eq!(tokens($text), vec![$($token.to_string()),*]);
            }
        };
    }

    macro_rules! parses_to {
        ($name:ident, $text:expr, [$($event:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                assert_eq!(events($text), vec![$($event.to_string()),*]);
            }
        };
    }

    // ---- the lexer: one token per recognised row ----
    lexes_to!(
        heading_and_year,
        "财政项目支出绩效目标申报表\n（2024年度）\n",
        ["Heading(财政项目支出绩效目标申报表, None)", "Year(2024)"]
    );
    lexes_to!(
        heading_with_its_year,
        "财政项目支出绩效目标填报表（2025年度）\n项目名称 甲\n",
        ["Heading(财政项目支出绩效目标填报表, Some(2025))", "Row(项目名称|甲)"]
    );
    // A heading with no form after it is a sentence naming the form.
    // (Heading: a line of its own; a value on the next lines of a header
    // cell continues it, see `a_wrapped_header_value`.)
    lexes_to!(
        lonely_heading_is_a_row,
        "财政项目支出绩效目标申报表\n",
        ["Row(财政项目支出绩效目标申报表)"]
    );
    lexes_to!(
        markers,
        "项目资金（元）\n项目绩效目标\n绩效指标\n",
        ["Marker(Funds { scale: 1 })", "Marker(Goal)", "Marker(Indicators)"]
    );
    // Labels a narrow cell wrapped, alone on a line before the line their
    // second half begins (pypdf of an iText form); two money labels glued
    // at a wrap (pypdf of a LibreOffice form).
    lexes_to!(
        label_halves_over_lines,
        "计划开始\n日期 2026-01-01 计划完成日期 2026-12-31\n可持续影响指\n标 形成治理模式 长期\n年度资金申请总\n额其中：当年财政\n拨款\n",
        [
            "Row(计划开始日期|2026-01-01|计划完成日期|2026-12-31)",
            "Row(可持续影响指标|形成治理模式|长期)",
            "Row(年度资金申请总额)",
            "Row(其中：当年财政拨款)"
        ]
    );
    lexes_to!(
        funds_marker_in_ten_thousands,
        "项目资金（万元）\n",
        ["Marker(Funds { scale: 10000 })"]
    );
    lexes_to!(
        indicator_header,
        "一级指标 二级指标 三级指标 年度(/项目)指标值\n",
        ["IndicatorHeader"]
    );
    lexes_to!(
        labels_by_level,
        "产出指标\n数量指标\n服务对象满意度\n指标\n",
        [
            "Label(产出指标, One)",
            "Label(数量指标, Two)",
            "Label(服务对象满意度指标, Two)"
        ]
    );
    // A row's name and target before a label are no pieces of a label
    // (`心理服务网络运行长期数量指标` would be one of no known name).
    lexes_to!(
        a_label_after_a_row_stays_whole,
        "心理服务网络运行\n长期\n数量指标\n",
        ["Row(心理服务网络运行)", "Row(长期)", "Label(数量指标, Two)"]
    );
    lexes_to!(page_number, "第 3 页\n- 4 -\n", ["PageNumber", "PageNumber"]);
    lexes_to!(other_rows, "项目名称 科技服务\n", ["Row(项目名称|科技服务)"]);

    // ---- Preamble: before the first form ----
    parses_to!(
        title_then_form,
        "某中心2024年度项目绩效目标汇总表\n财政项目支出绩效目标申报表\n（2024年度）\n",
        [
            "Title(某中心2024年度项目绩效目标汇总表)",
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Year(2024)",
            "FormEnd"
        ]
    );
    // A PDF's only row before the end, one cell of two printed lines, is
    // no title: the document keeps its no-form note with both lines.
    #[test]
    fn a_lone_cell_of_two_lines_is_no_title() {
        let row = Row {
            loc: jixiao_model::Location::Page(1),
            text: "POriogitnaalt poage 4\n081 ,eulb - 7 egaP".to_string(),
            cells: vec!["POriogitnaalt poage 4\n081 ,eulb - 7 egaP".to_string()],
            ruled: true,
            indent: 0,
            sheet: 1,
        };
        let events: Vec<String> = Parser::new(lex(vec![row]))
            .map(|e| match e {
                Event::Title { text, .. } => format!("Title({text})"),
                Event::NoForm { rows, .. } => format!("NoForm({rows} lines)"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(events, ["NoForm(2 lines)"]);
    }

    /// A PDF row's money label cut short by its narrow cell takes the
    /// amount after it, reported; the rest of it, painted over on the row
    /// below, is no part of that row's label (Gnumeric).
    #[test]
    fn a_money_label_cut_short_keeps_its_amount() {
        let row = |cells: &[&str]| Row {
            loc: jixiao_model::Location::Page(1),
            text: cells.join(" "),
            cells: cells.iter().map(|c| c.to_string()).collect(),
            ruled: true,
            indent: 0,
            sheet: 1,
        };
        let rows = vec![
            row(&["财政项目支出绩效目标申报表"]),
            row(&["项目名称", "甲"]),
            row(&["项目资金\n（元）", "项目资金总额", "年度资金申请总额", "5,020,000.00"]),
            row(&["其中：财政资金", "其中：当年财政拨", "5,020,000.00"]),
            row(&["款\n上年结转资金", "0.00"]),
        ];
        let events: Vec<String> = Parser::new(lex(rows))
            .filter_map(|e| match e {
                Event::Fund { item, amount, .. } => Some(format!("{item:?} {amount:?}")),
                Event::LabelCutShort { label, text, .. } => Some(format!("CutShort({text} → {label})")),
                Event::Unplaced { text, .. } => Some(format!("Unplaced({text})")),
                _ => None,
            })
            .collect();
        assert_eq!(
            events,
            [
                "CutShort(其中：当年财政拨 → 当年财政拨款)",
                "ProjectTotal None",
                "AnnualTotal Some(5020000.0)",
                "ProjectFiscal None",
                "AnnualFiscalCurrent Some(5020000.0)",
                "AnnualFiscalCarryover Some(0.0)",
            ]
        );
    }

    // The last line before the end reads as a title; with no form the
    // builder drops it (the document's title is null).
    parses_to!(
        budget_pages_without_a_form,
        "一、部门职责\n收支总表 1000\n详见单位的项目绩效目标表\n",
        ["Title(详见单位的项目绩效目标表)", "NoForm(2 rows)"]
    );

    // A budget's other parts after its forms: the form ends at the next
    // part's heading, and nothing after it is an indicator.
    parses_to!(
        a_budget_table_after_a_form_ends_it,
        "财政项目支出绩效目标申报表\n项目名称 甲\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 讲座场次 ≥12场\n2025年部门支出预算总表\n201 一般公共服务支出 3,296,600 3,296,600\n合计 189,767,551 189,767,551\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Indicator(产出指标, 数量指标, 讲座场次, ≥12场)",
            "FormEnd",
            "NoForm(3 rows)"
        ]
    );
    // A dump of a budget whose forms' last page goes on to its text about
    // spending by function classification, no heading between (PyMuPDF
    // of a form PDF and a budget's pages merged): no indicator rows.
    parses_to!(
        classification_text_after_a_table_is_no_row,
        "财政项目支出绩效目标申报表\n项目名称 甲\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 讲座场次 ≥12场\n28. “城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）”219.13万元，上年:972.18万元，\n主要其他城乡社区公共设。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Indicator(产出指标, 数量指标, 讲座场次, ≥12场)",
            "FormEnd",
            "NoForm(2 rows)"
        ]
    );
    parses_to!(
        a_budget_part_between_forms_is_no_form,
        "财政项目支出绩效目标申报表\n项目名称 甲\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 讲座场次 ≥12场\n第四部分 名词解释\n1.财政拨款收入：指区级财政当年拨付的资金。\n财政项目支出绩效目标申报表\n项目名称 乙\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Indicator(产出指标, 数量指标, 讲座场次, ≥12场)",
            "FormEnd",
            "NoForm(2 rows)",
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 乙)",
            "FormEnd"
        ]
    );

    // A page that carries on a budget table after the forms, with no title.
    parses_to!(
        a_budget_tables_rows_after_a_form_end_it,
        "财政项目支出绩效目标申报表\n项目名称 甲\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 讲座场次 ≥12场\n208 05 02 事业单位离退休 85,260 85,260\n合计 189,767,551 189,767,551\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Indicator(产出指标, 数量指标, 讲座场次, ≥12场)",
            "FormEnd",
            "NoForm(2 rows)"
        ]
    );
    // The budget's text after a table, from a numbered heading about its
    // money; a goal's numbered line about the budget stays the goal's.
    parses_to!(
        a_budget_section_after_a_table_ends_the_form,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n一、完成年度预算编制情况\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 讲座场次 ≥12场\n五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出 300 万元。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Project, 一、完成年度预算编制情况)",
            "Indicator(产出指标, 数量指标, 讲座场次, ≥12场)",
            "FormEnd",
            "NoForm(2 rows)"
        ]
    );

    // ---- Header: fields, wrapped values, text without a label ----
    parses_to!(
        header_fields,
        "财政项目支出绩效目标申报表\n项目名称 科技服务 项目性质 其他一次性项目\n主管部门 科委 实施单位 中心\n计划开始日期 2024-01-01 计划完成日期 2024-12-31\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 科技服务)",
            "Field(Nature, 其他一次性项目)",
            "Field(Department, 科委)",
            "Field(Implementer, 中心)",
            "Field(StartDate, 2024-01-01)",
            "Field(EndDate, 2024-12-31)",
            "FormEnd"
        ]
    );
    parses_to!(
        a_wrapped_header_value,
        "财政项目支出绩效目标申报表\n项目名称 科技服务平台\n运行保障\n项目性质 其他\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 科技服务平台运行保障)",
            "Field(Nature, 其他)",
            "FormEnd"
        ]
    );

    // A date takes no continuation: a money label's first piece after it
    // begins the funds (pdfplumber of Dompdf: `年度资金申请` / … / `总额`).
    parses_to!(
        a_money_label_piece_after_a_date_begins_the_funds,
        "财政项目支出绩效目标申报表\n计划完成日期 2024-12-31\n年度资金申请\n项目资金总额\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(EndDate, 2024-12-31)",
            "Unplaced(InFundsBlock, 年度资金申请)",
            "Fund(ProjectTotal, None, None)",
            "FormEnd"
        ]
    );

    // ---- Funds: labels, amounts, 其他资金 in both columns ----
    parses_to!(
        funds_block,
        "财政项目支出绩效目标申报表\n项目资金（元） 年度资金申请总额 31,487,510.00\n其中：当年财政拨款 5,020,000.00\n上年结转资金 0.00\n其他资金 其他资金 26,467,510.00\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Fund(AnnualTotal, Some(31487510.0), None)",
            "Fund(AnnualFiscalCurrent, Some(5020000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(ProjectOther, None, None)",
            "Fund(AnnualOther, Some(26467510.0), None)",
            "FormEnd"
        ]
    );
    // poppler's order of a LibreOffice Writer form: a column of labels,
    // then its amounts. The label right before the first amount took it;
    // the sums give each its own.
    parses_to!(
        a_column_of_amounts_after_its_labels_goes_by_the_sums,
        "财政项目支出绩效目标申报表\n项目资金（元）\n年度资金申请总额\n其中：当年财政拨款\n上年结转资金\n其他资金\n31,487,510.00\n5,020,000.00\n0.00\n26,467,510.00\n项目总目标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Fund(AnnualTotal, Some(31487510.0), None)",
            "Fund(AnnualFiscalCurrent, Some(5020000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(AnnualOther, Some(26467510.0), None)",
            "Goal(Project, )",
            "FormEnd"
        ]
    );
    // More amounts than the sums can tell: every one reported, the first
    // too (it was the total's, not 其他资金's).
    parses_to!(
        a_column_of_amounts_the_sums_do_not_tell_is_reported,
        "财政项目支出绩效目标申报表\n项目资金（元）\n年度资金申请总额\n其中：当年财政拨款\n上年结转资金\n其他资金\n7,595,500.00\n7,595,500.00\n0.00\n0.00\n0.00\n项目总目标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Unplaced(InFundsBlock, 7,595,500.00)",
            "Unplaced(InFundsBlock, 7,595,500.00)",
            "Unplaced(InFundsBlock, 0.00)",
            "Unplaced(InFundsBlock, 0.00)",
            "Unplaced(InFundsBlock, 0.00)",
            "Fund(AnnualTotal, None, None)",
            "Fund(AnnualFiscalCurrent, None, None)",
            "Fund(AnnualFiscalCarryover, None, None)",
            "Fund(AnnualOther, None, None)",
            "Goal(Project, )",
            "FormEnd"
        ]
    );
    // The seed's blank project column through poppler: its 其他资金 label,
    // then the annual one's amount and label. By order the project column
    // took `0.00`; the annual sum wants it.
    parses_to!(
        a_lone_other_amount_goes_to_the_column_whose_sum_it_completes,
        "财政项目支出绩效目标申报表\n项目资金（元）\n年度资金申请总额\n249,800.00\n其中：当年财政拨款\n249,800.00\n上年结转资金\n0.00\n其他资金\n0.00\n其他资金\n项目总目标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Fund(AnnualTotal, Some(249800.0), None)",
            "Fund(AnnualFiscalCurrent, Some(249800.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(AnnualOther, Some(0.0), None)",
            "Fund(ProjectOther, None, None)",
            "Goal(Project, )",
            "FormEnd"
        ]
    );
    parses_to!(
        text_in_the_funds_block_is_unplaced,
        "财政项目支出绩效目标申报表\n项目资金（元） 年度资金申请总额 100.00 见附件\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Unplaced(InFundsBlock, 见附件)",
            "Fund(AnnualTotal, Some(100.0), None)",
            "FormEnd"
        ]
    );

    // ---- Goal: one text under both headings, two columns, repeats ----
    parses_to!(
        goal_under_both_headings,
        "财政项目支出绩效目标申报表\n项目绩效目标 项目总目标 年度总体目标\n1.保障运行。\n2.组织活动。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Goal(Both, 1.保障运行。/2.组织活动。)",
            "FormEnd"
        ]
    );

    // A content-order dump: the headings on lines of their own, then the
    // project goal's cell and the annual goal's, told apart by a list
    // that begins again; a list that goes on is one cell under both.
    parses_to!(
        two_goal_cells_one_after_the_other,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n推进社区治理。\n1.完成巡查；\n2.调解矛盾。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Project, 推进社区治理。)",
            "Goal(Annual, 1.完成巡查；/2.调解矛盾。)",
            "FormEnd"
        ]
    );
    parses_to!(
        a_list_that_goes_on_is_one_goal_cell,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n1.保障运行。\n2.组织活动。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Both, 1.保障运行。/2.组织活动。)",
            "FormEnd"
        ]
    );
    // Cut by width: a full line that ends mid-sentence wraps; the short
    // line after it ends the first cell.
    parses_to!(
        two_goal_cells_cut_by_width,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n为辖区居民提供心理健康咨询、危机干预和团体\n心理辅导服务。\n开展心理健康讲座十二场。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Project, 为辖区居民提供心理健康咨询、危机干预和团体/心理辅导服务。)",
            "Goal(Annual, 开展心理健康讲座十二场。)",
            "FormEnd"
        ]
    );
    // Each cell wrapped at a width of its own: the annual goal's one line
    // is wider than the project goal's full line.
    parses_to!(
        two_goal_cells_cut_by_their_own_widths,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n建立覆盖全区的独居老人关爱巡访机制，及时发现\n和化解安全风险。\n全年完成各片区巡访任务，巡访记录完整率达到95%以上。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Project, 建立覆盖全区的独居老人关爱巡访机制，及时发现/和化解安全风险。)",
            "Goal(Annual, 全年完成各片区巡访任务，巡访记录完整率达到95%以上。)",
            "FormEnd"
        ]
    );
    // The text under both headings printed in two runs, the year line and
    // a money label between them (LibreOffice drew the second in a second
    // pass): two cells, the first taken for the project goal, and said so.
    parses_to!(
        a_goal_run_after_the_year_line_is_the_second_cell,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n开展邻里互助活动。\n（2026年度）\n年度资金申请总额\n全年开展活动三百场。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Year(2026)",
            "Unplaced(FundsUnderGoal, 年度资金申请总额)",
            "Goal(Project, 开展邻里互助活动。)",
            "Unplaced(GoalSidesByOrder, 开展邻里互助活动。 全年开展活动三百场。)",
            "Goal(Annual, 全年开展活动三百场。)",
            "FormEnd"
        ]
    );
    // A 一级 label printed among the money cells, before the goal headings
    // (LibreOffice's narrow form through poppler): no row is tied to it,
    // so it is reported and opens nothing; the amount after it is money.
    parses_to!(
        a_label_ahead_of_the_goal_headings_opens_nothing,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目资金总额\n100.00\n其他资金\n产出指标\n50.00\n年度总体目标\n全年完成巡访任务。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Unplaced(LabelsWithoutRows, 产出指标)",
            "Fund(ProjectTotal, Some(100.0), None)",
            "Fund(ProjectOther, Some(50.0), None)",
            "Goal(Annual, 全年完成巡访任务。)",
            "FormEnd"
        ]
    );
    // A list in full-width digits that goes on (`１．` then `２．`) is one
    // cell, wrapped lines and all.
    parses_to!(
        a_full_width_list_that_goes_on_is_one_goal_cell,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n１．房屋租金：切实保障中心办公安全，提供完善、安全的办公\n环境。\n２．平台组织协调：组织召开平台发展规划咨询会、平台工作委员\n会研讨会、平台信息交流会等３－５次；参加国内外专业会议\n２－３次。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Both, １．房屋租金：切实保障中心办公安全，提供完善、安全的办公/环境。/２．平台组织协调：组织召开平台发展规划咨询会、平台工作委员/会研讨会、平台信息交流会等３－５次；参加国内外专业会议/２－３次。)",
            "FormEnd"
        ]
    );
    // Two whole sentences, neither wrapped: a cell under each heading,
    // as forms have it, reported as a guess (one cell's two paragraphs
    // would print alike).
    parses_to!(
        two_unwrapped_sentences_are_a_goal_cell_each_reported,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n年度总体目标\n推进社区综合治理，完善网格化管理。\n完成网格巡查。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Goal(Project, 推进社区综合治理，完善网格化管理。)",
            "Unplaced(GoalSidesBySentences, 推进社区综合治理，完善网格化管理。 完成网格巡查。)",
            "Goal(Annual, 完成网格巡查。)",
            "FormEnd"
        ]
    );

    // poppler's reading order printed money cells under the goal heading.
    parses_to!(
        money_under_a_goal_heading_is_no_goal,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n其他资金\n0.00\n年度总体目标\n1.保障运行。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Unplaced(FundsUnderGoal, 其他资金)",
            "Unplaced(FundsUnderGoal, 0.00)",
            "Goal(Both, 1.保障运行。)",
            "FormEnd"
        ]
    );

    // Writer's order (plain pdftotext): the goal block's marker, then the
    // indicator block's, then a money amount, then the goal headings.
    // The indicator marker printed early opens no table.
    parses_to!(
        an_indicator_marker_before_the_goal_headings_opens_no_table,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目资金总额 100.00\n其他资金\n项目\n绩效\n目标\n绩效\n指标\n0.00\n项目总目标\n建立心理服务网络。\n年度总体目标\n1.开展讲座12场。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标 数量指标 讲座场次 ≥12场\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Fund(ProjectTotal, Some(100.0), None)",
            "Fund(ProjectOther, None, None)",
            "Unplaced(FundsUnderGoal, 0.00)",
            "Goal(Project, 建立心理服务网络。)",
            "Goal(Annual, 1.开展讲座12场。)",
            "Indicator(产出指标, 数量指标, 讲座场次, ≥12场)",
            "FormEnd"
        ]
    );

    // poppler's reading order printed a marker's pieces under the goal
    // heading before the goal (dompdf): no goal; a lone character after
    // goal text is still a wrapped line's.
    parses_to!(
        marker_pieces_under_a_goal_heading_are_no_goal,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目总目标\n项目\n目\n推进社区综合治理，完善网格化管\n理\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Unplaced(MarkerPieceInGoal, 项目)",
            "Unplaced(MarkerPieceInGoal, 目)",
            "Goal(Project, 推进社区综合治理，完善网格化管/理)",
            "FormEnd"
        ]
    );

    // poppler's reading order printed table cells and money cells between
    // the two goals: reported, and the table opens at its rows.
    parses_to!(
        table_cells_before_the_annual_goal_are_no_table,
        "财政项目支出绩效目标填报表\n项目名称 甲\n项目总目标\n建立心理服务网络。\n二级指标\n效益指标\n项目资金总额\n一级指标\n绩效\n指标\n项目绩效目标\n年度总体目标\n1.开展讲座12场。\n三级指标\n年度(/项目)指标值\n讲座场次 ≥12场\n",
        [
            "FormStart(财政项目支出绩效目标填报表, None)",
            "Field(Name, 甲)",
            "Unplaced(TableCellInGoal, 二级指标)",
            "Unplaced(LabelsWithoutRows, 效益指标)",
            "Unplaced(FundsUnderGoal, 项目资金总额)",
            "Unplaced(TableCellInGoal, 一级指标)",
            "Goal(Project, 建立心理服务网络。)",
            "Goal(Annual, 1.开展讲座12场。)",
            "Indicator(, , 讲座场次, ≥12场)",
            "FormEnd"
        ]
    );

    // The goal's two texts with table cells between them: the table
    // opens at its header's last cell, after the annual goal.
    parses_to!(
        header_cells_between_the_goals_are_no_table,
        "财政项目支出绩效目标填报表\n项目名称 甲\n项目总目标\n年度总体目标\n建立心理服务网络。\n二级指标\n一级指标\n1.开展讲座12场；\n三级指标\n年度(/项目)指标值\n讲座场次\n≥12场\n",
        [
            "FormStart(财政项目支出绩效目标填报表, None)",
            "Field(Name, 甲)",
            "Unplaced(TableCellInGoal, 二级指标)",
            "Unplaced(TableCellInGoal, 一级指标)",
            "Goal(Project, 建立心理服务网络。)",
            "Goal(Annual, 1.开展讲座12场；)",
            "Indicator(, , 讲座场次, ≥12场)",
            "FormEnd"
        ]
    );

    // Labels printed in a bunch (two 二级 labels without a row between):
    // the rows after them take none, and the labels are reported (after
    // the rows, where what they measure could not tie them: one row for
    // two 二级 labels).
    parses_to!(
        labels_in_a_bunch_are_tied_to_no_row,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n组织研讨会 ≥2.00(次)\n质量指标\n产出指标\n时效指标\n验收率 ≥50.00(%)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 数量指标, 组织研讨会, ≥2.00(次))",
            "Indicator(, , 验收率, ≥50.00(%))",
            "Unplaced(LabelsWithoutRows, 质量指标 产出指标 时效指标)",
            "FormEnd"
        ]
    );
    // Plain `pdftotext` of wkhtmltopdf's form: the 二级 labels in a bunch
    // among the header's cells, the 一级 label among the rows. The rows
    // up to the next 二级 label printed before its row take the bunch's
    // labels by what they measure (a guess, reported); that row and the
    // rows after it go by the order again.
    parses_to!(
        a_bunch_before_its_rows_heads_them_by_shape,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n数量指标\n质量指标\n第1居民区活动场次 ≥3(场)\n第2居民区活动场次 ≥6(场)\n产出指标\n第1居民区活动记录完整率 =100%\n第2居民区活动记录完整率 =100%\n效益指标\n社会效益指标\n邻里关系 明显改善\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(, , 第1居民区活动场次, ≥3(场))",
            "Indicator(, , 第2居民区活动场次, ≥6(场))",
            "Indicator(产出指标, , 第1居民区活动记录完整率, =100%)",
            "Indicator(产出指标, , 第2居民区活动记录完整率, =100%)",
            "Relabel(产出指标/数量指标, 产出指标/数量指标, 产出指标/质量指标, 产出指标/质量指标)",
            "Unplaced(LabelsByShape, 数量指标 质量指标)",
            "Indicator(效益指标, 社会效益指标, 邻里关系, 明显改善)",
            "FormEnd"
        ]
    );

    // Plain `pdftotext` of Chromium's form: `时效指标` with its row, the
    // next rows bare, then the later runs' labels in a bunch before the
    // last row. The held label and the bunch head those rows by what they
    // measure (a guess, reported): the rows emitted get theirs again.
    parses_to!(
        a_bunch_after_bare_rows_heads_them_by_shape,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n项目完成率 =100(%)\n时效指标\n项目完成及时性 2024年11月前完成\n保障项目正常开展 有效保障\n可持续影响 长期\n社会效益指标\n效益指标\n可持续影响指标\n满意度指标\n服务对象满意度指标\n专业人员服务满意度 ≥90.00(%)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 数量指标, 项目完成率, =100(%))",
            "Indicator(产出指标, 时效指标, 项目完成及时性, 2024年11月前完成)",
            "Indicator(产出指标, 时效指标, 保障项目正常开展, 有效保障)",
            "Indicator(产出指标, 时效指标, 可持续影响, 长期)",
            "Relabel(效益指标/社会效益指标, 效益指标/可持续影响指标)",
            "Unplaced(LabelsByShape, 社会效益指标 效益指标 可持续影响指标 满意度指标 服务对象满意度指标)",
            "Indicator(满意度指标, 服务对象满意度指标, 专业人员服务满意度, ≥90.00(%))",
            "FormEnd"
        ]
    );

    // `pdftotext -raw`: a row's cells on one line, the next lines of its
    // target after it. A line no wider than the one it wrapped from goes
    // on the target; after a number, or wider, it is a row of its own.
    parses_to!(
        lines_after_a_row_on_one_line_go_on_its_target,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n时效指标 项目完成及时性 2026年11月底前完成全部建设内\n容并通过第三方验收\n成本指标 经费控制 有效保障\n意向服务企业数\n≥10(家)\n数量指标 巡查次数 ≥10(次)\n社区微更新项目\n完成前期调研\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(, 时效指标, 项目完成及时性, 2026年11月底前完成全部建设内容并通过第三方验收)",
            "Indicator(, 成本指标, 经费控制, 有效保障)",
            "Indicator(, 成本指标, 意向服务企业数, ≥10(家))",
            "Indicator(, 数量指标, 巡查次数, ≥10(次))",
            "Indicator(, 数量指标, 社区微更新项目, 完成前期调研)",
            "FormEnd"
        ]
    );

    // `pdftotext -raw` of a row whose target stands in the middle of a
    // two-line name: the name's first line, then its last with the
    // target. A line narrower than the name's last is a row of its own.
    parses_to!(
        a_line_before_a_row_on_one_line_is_its_names_first,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n质量指标 覆盖率 >70.00(%)\n普及细胞治疗等的基本概念，了解生物医药基础知识，掌\n握科学方法，提升能力。 ≥13.00(场)\n总阅读量 ≥800(人次)\n调研\n完成第三方验收的服务项目数量 ≥5(个)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(, 质量指标, 覆盖率, >70.00(%))",
            "Indicator(, 质量指标, 普及细胞治疗等的基本概念，了解生物医药基础知识，掌握科学方法，提升能力。, ≥13.00(场))",
            "Indicator(, 质量指标, 总阅读量, ≥800(人次))",
            "Indicator(, 质量指标, 调研, )",
            "Indicator(, 质量指标, 完成第三方验收的服务项目数量, ≥5(个))",
            "FormEnd"
        ]
    );

    // pypdf of a Chromium form: a wrapped label's halves side by side, and
    // the two rows under it on one line; pdftotext -raw: the label's second
    // half on the next line.
    parses_to!(
        a_labels_halves_and_rows_on_one_line,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n满意度指标 社会公众或服务对象 满意度指标 居民满意度 ≥90% 参与活动的志愿者的总体评价 ≥85%\n满意度指标 社会公众或服务对象\n满意度指标\n服务对象满意度 ≥95%\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(满意度指标, 社会公众或服务对象满意度指标, 居民满意度, ≥90%)",
            "Indicator(满意度指标, 社会公众或服务对象满意度指标, 参与活动的志愿者的总体评价, ≥85%)",
            "Indicator(满意度指标, 社会公众或服务对象满意度指标, 服务对象满意度, ≥95%)",
            "FormEnd"
        ]
    );

    // A block marker printed ahead of the money and goal blocks opens
    // nothing: the money is read, the table opens at its header.
    parses_to!(
        a_marker_ahead_of_its_block_opens_nothing,
        "财政项目支出绩效目标填报表\n项目名称\n甲\n项目资金\n（元）\n绩效\n指标\n年度资金申请总额\n3,200,000.00\n项目总目标\n推进社区治理。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n巡查次数 ≥10(次)\n",
        [
            "FormStart(财政项目支出绩效目标填报表, None)",
            "Field(Name, 甲)",
            "Fund(AnnualTotal, Some(3200000.0), None)",
            "Goal(Project, 推进社区治理。)",
            "Indicator(, , 巡查次数, ≥10(次))",
            "FormEnd"
        ]
    );

    // A goal heading followed by a marker's pieces is no label
    // (`项目总目标` + `绩效` + `指标` read as one of no known name), and
    // the marker, printed ahead of the annual goal, opens nothing.
    parses_to!(
        a_goal_heading_is_no_piece_of_a_label,
        "财政项目支出绩效目标申报表\n项目名称 甲\n项目资金\n（元）\n其他资金\n0.00\n项目总目标\n绩效\n指标\n其他资金\n项目\n绩效\n目标\n年度总体目标\n1.《简讯》编辑。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n完成率 ≥95%\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "Fund(ProjectOther, Some(0.0), None)",
            "Unplaced(FundsUnderGoal, 其他资金)",
            "Goal(Both, 1.《简讯》编辑。)",
            "Indicator(, , 完成率, ≥95%)",
            "FormEnd"
        ]
    );

    // poppler's block of a money column among the goal's lines: its
    // labels, then as many amounts, pair in order; the year line there is
    // the form's.
    parses_to!(
        a_money_column_among_the_goal_pairs_in_order,
        "财政项目支出绩效目标填报表\n项目名称 甲\n项目总目标\n推进社区治理。\n（2025年度）\n年度资金申请总额\n其中：当年财政拨款\n其他资金\n3,200,000.00\n3,500,000.00\n0.00\n年度总体目标\n完成网格巡查。\n",
        [
            "FormStart(财政项目支出绩效目标填报表, None)",
            "Field(Name, 甲)",
            "Year(2025)",
            "Fund(AnnualTotal, Some(3200000.0), None)",
            "Fund(AnnualFiscalCurrent, Some(3500000.0), None)",
            "Fund(AnnualOther, Some(0.0), None)",
            "Goal(Project, 推进社区治理。)",
            "Goal(Annual, 完成网格巡查。)",
            "FormEnd"
        ]
    );

    // A column of names between a header cell and the annual goal's
    // heading: the table has begun there, the names are no goal text.
    parses_to!(
        a_column_of_names_is_no_goal_text,
        "财政项目支出绩效目标填报表\n项目名称 甲\n项目总目标\n推进社区治理。\n一级指标\n第1网格次数\n第2网格次数\n第3网格次数\n第4网格次数\n第5网格次数\n第6网格次数\n第7网格次数\n年度总体目标\n",
        [
            "FormStart(财政项目支出绩效目标填报表, None)",
            "Field(Name, 甲)",
            "Goal(Project, 推进社区治理。)",
            "Indicator(, , 第1网格次数, 第2网格次数第3网格次数第4网格次数第5网格次数第6网格次数第7网格次数)",
            "Fragment(RepeatedGoalHeading, 年度总体目标)",
            "FormEnd"
        ]
    );

    // ---- Table: labels before rows, wrapped names, fragments ----
    parses_to!(
        indicator_rows_take_their_labels,
        "财政项目支出绩效目标申报表\n绩效指标 一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n组织研讨会 ≥2.00(次)\n质量指标\n验收率 ≥50.00(%)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 数量指标, 组织研讨会, ≥2.00(次))",
            "Indicator(产出指标, 质量指标, 验收率, ≥50.00(%))",
            "FormEnd"
        ]
    );
    // The seed's wrapping: a name, then its target over two lines.
    parses_to!(
        a_wrapped_target_after_its_name,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n时效指标\n服务信息更新及时性\n利用平台网络信息化系统，及时发布、更\n新平台联盟服务信息\n项目应急处置率 ≥98.00(%)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 时效指标, 服务信息更新及时性, 利用平台网络信息化系统，及时发布、更新平台联盟服务信息)",
            "Indicator(产出指标, 时效指标, 项目应急处置率, ≥98.00(%))",
            "FormEnd"
        ]
    );
    parses_to!(
        a_target_without_a_name_is_unplaced,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n≥2(次)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Unplaced(TargetWithoutName, ≥2(次))",
            "FormEnd"
        ]
    );
    parses_to!(
        a_repeated_table_header_is_a_fragment,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n研讨会 ≥2(次)\n一级指标 二级指标 三级指标 年度(/项目)指标值\n调研 ≥1(次)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 数量指标, 研讨会, ≥2(次))",
            "Fragment(RepeatedTableHeader, 一级指标 二级指标 三级指标 年度(/项目)指标值)",
            "Indicator(产出指标, 数量指标, 调研, ≥1(次))",
            "FormEnd"
        ]
    );
    parses_to!(
        a_page_number_is_a_fragment,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n研讨会 ≥2(次)\n第 2 页\n调研 ≥1(次)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 数量指标, 研讨会, ≥2(次))",
            "Fragment(PageNumber, 第 2 页)",
            "Indicator(产出指标, 数量指标, 调研, ≥1(次))",
            "FormEnd"
        ]
    );

    parses_to!(
        a_label_printed_again_after_a_page_break,
        "财政项目支出绩效目标申报表\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n研讨会 ≥2(次)\n\x0c产出指标\n数量指标\n调研 ≥1(次)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Indicator(产出指标, 数量指标, 研讨会, ≥2(次))",
            "Indicator(产出指标, 数量指标, 调研, ≥1(次))",
            "FormEnd"
        ]
    );
    parses_to!(
        header_text_without_a_label,
        "财政项目支出绩效目标申报表\n（2024年度）\n孤立文字\n项目名称 甲\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Year(2024)",
            "Unplaced(HeaderWithoutLabel, 孤立文字)",
            "Field(Name, 甲)",
            "FormEnd"
        ]
    );
    parses_to!(
        goal_text_printed_again_on_the_next_page,
        "财政项目支出绩效目标申报表\n项目绩效目标 项目总目标 年度总体目标\n1.保障中心办公安全，提供完善的办公环境。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n研讨会 ≥2(次)\n\x0c1.保障中心办公安全，提供完善的办公环境。\n调研 ≥1(次)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Goal(Both, 1.保障中心办公安全，提供完善的办公环境。)",
            "Indicator(产出指标, 数量指标, 研讨会, ≥2(次))",
            "Fragment(RepeatedGoalText, 1.保障中心办公安全，提供完善的办公环境。)",
            "Indicator(产出指标, 数量指标, 调研, ≥1(次))",
            "FormEnd"
        ]
    );
    parses_to!(
        the_goal_headings_printed_again,
        "财政项目支出绩效目标申报表\n项目绩效目标 项目总目标 年度总体目标\n1.保障运行。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n产出指标\n数量指标\n研讨会 ≥2(次)\n项目总目标 年度总体目标\n调研 ≥1(次)\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Goal(Both, 1.保障运行。)",
            "Indicator(产出指标, 数量指标, 研讨会, ≥2(次))",
            "Fragment(RepeatedGoalHeading, 项目总目标 年度总体目标)",
            "Indicator(产出指标, 数量指标, 调研, ≥1(次))",
            "FormEnd"
        ]
    );

    // ---- FormEnd: the next heading ends the form ----
    parses_to!(
        two_forms,
        "财政项目支出绩效目标申报表\n项目名称 甲\n财政项目支出绩效目标申报表\n项目名称 乙\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 甲)",
            "FormEnd",
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 乙)",
            "FormEnd"
        ]
    );

    /// Two goals under headings that share a line: cut in two only in a
    /// drawing-order dump (`pdftotext -raw`); the seed's blank-line blocks
    /// print one merged cell under both.
    /// PyMuPDF of MuPDF's form: each goal one sentence on a line of its
    /// own, neither wrapped; two headings, two cells.
    #[test]
    fn two_one_sentence_goals_under_two_headings_are_two_cells() {
        let text = "财政项目支出绩效目标申报表\n项目总目标\n年度总体目标\n推进社区综合治理，完善网格化管理，提升平安建设水平。\n完成网格巡查、矛盾调解、治安防范等工作，居民安全感持续提升。\n一级指标 二级指标 三级指标 年度指标值\n";
        let goals: Vec<String> = Parser::new(lex(rows(text)))
            .in_drawing_order(true)
            .filter_map(|e| match e {
                Event::Goal { slot, lines, .. } => Some(format!("{slot:?}: {}", lines.join("/"))),
                _ => None,
            })
            .collect();
        assert_eq!(
            goals,
            [
                "Project: 推进社区综合治理，完善网格化管理，提升平安建设水平。",
                "Annual: 完成网格巡查、矛盾调解、治安防范等工作，居民安全感持续提升。"
            ]
        );
    }

    #[test]
    fn goals_under_shared_headings_are_cut_only_in_drawing_order() {
        let text = "财政项目支出绩效目标申报表\n项目总目标 年度总体目标\n建立覆盖全区的独居老人关爱巡访机制，及时发现\n和化解安全风险。\n全年完成各片区巡访任务，巡访记录完整率达到95%以上。\n一级指标 二级指标 三级指标 年度指标值\n";
        let goals = |drawing_order: bool| -> Vec<String> {
            Parser::new(lex(rows(text)))
                .in_drawing_order(drawing_order)
                .filter_map(|e| match e {
                    Event::Goal { slot, lines, .. } => Some(format!("{slot:?}: {}", lines.join("/"))),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            goals(true),
            [
                "Project: 建立覆盖全区的独居老人关爱巡访机制，及时发现/和化解安全风险。",
                "Annual: 全年完成各片区巡访任务，巡访记录完整率达到95%以上。"
            ]
        );
        assert_eq!(
            goals(false),
            ["Both: 建立覆盖全区的独居老人关爱巡访机制，及时发现/和化解安全风险。/全年完成各片区巡访任务，巡访记录完整率达到95%以上。"]
        );
    }

    /// Two goal cells under headings on lines of their own go to the
    /// headings in the order they were printed: a producer that draws the
    /// row right to left (Gnumeric) prints the annual heading and cell
    /// first.
    #[test]
    fn parted_goal_cells_follow_their_headings_order() {
        let goals = |headings: &str| -> Vec<String> {
            let text = format!("财政项目支出绩效目标申报表\n{headings}\n全年开展睦邻活动不少于300场。\n1.依托居民区睦邻点开展活动；\n2.营造和谐社区氛围。\n一级指标 二级指标 三级指标 年度指标值\n");
            Parser::new(lex(rows(&text)))
                .in_drawing_order(true)
                .filter_map(|e| match e {
                    Event::Goal { slot, lines, .. } => Some(format!("{slot:?}: {}", lines.join("/"))),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            goals("项目总目标\n年度总体目标"),
            [
                "Project: 全年开展睦邻活动不少于300场。",
                "Annual: 1.依托居民区睦邻点开展活动；/2.营造和谐社区氛围。"
            ]
        );
        assert_eq!(
            goals("年度总体目标\n项目总目标"),
            [
                "Project: 1.依托居民区睦邻点开展活动；/2.营造和谐社区氛围。",
                "Annual: 全年开展睦邻活动不少于300场。"
            ]
        );
    }

    /// The amounts of a money block's right column, whose labels wrapped
    /// and were drawn after the block (and glued at the wrap: pypdf of a
    /// LibreOffice form), go to those labels in order in a drawing-order
    /// dump; elsewhere they are reported.
    #[test]
    fn amounts_wait_for_their_labels_drawn_after_the_block() {
        let text = "财政项目支出绩效目标填报表\n项目名称\n甲\n项目资金总额\n3,200,000.00\n3,200,000.00\n其中：财政资金\n3,200,000.00\n3,500,000.00\n上年结转资金\n0.00\n项目总目标\n年度总体目标\n推进社区治理。\n年度资金申请总\n额其中：当年财政\n拨款\n";
        let money = |drawing_order: bool| -> Vec<String> {
            Parser::new(lex(rows(text)))
                .in_drawing_order(drawing_order)
                .filter_map(|e| match e {
                    Event::Fund { item, amount, .. } => Some(format!("{item:?} {amount:?}")),
                    Event::Unplaced { reason, text, .. } => Some(format!("Unplaced({reason:?}, {text})")),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            money(true),
            [
                "ProjectTotal Some(3200000.0)",
                "ProjectFiscal Some(3200000.0)",
                "AnnualFiscalCarryover Some(0.0)",
                "AnnualTotal Some(3200000.0)",
                "AnnualFiscalCurrent Some(3500000.0)",
            ]
        );
        assert_eq!(
            money(false),
            [
                "Unplaced(InFundsBlock, 3,200,000.00)",
                "Unplaced(InFundsBlock, 3,500,000.00)",
                "ProjectTotal Some(3200000.0)",
                "ProjectFiscal Some(3200000.0)",
                "AnnualFiscalCarryover Some(0.0)",
                "Unplaced(FundsUnderGoal, 年度资金申请总额)",
                "Unplaced(FundsUnderGoal, 其中：当年财政拨款)",
            ]
        );
    }

    // pdfplumber of a Gnumeric form whose narrow column cut a label
    // short (`其中：当年财政拨`, its `款` never printed): the amount after
    // it on its line is its own, not the project column's label before.
    parses_to!(
        a_label_cut_short_takes_the_amount_after_it_on_its_line,
        "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 科技服务\n项目资金（元）\n项目资金总额 年度资金申请总额 31,487,510.00\n其中：财政资金 其中：当年财政拨 5,020,000.00\n上年结转资金 0.00\n其他资金 其他资金 26,467,510.00\n项目总目标 年度总体目标\n目标文字。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Year(2024)",
            "Field(Name, 科技服务)",
            "LabelCutShort(其中：当年财政拨 → 当年财政拨款)",
            "Fund(ProjectTotal, None, None)",
            "Fund(AnnualTotal, Some(31487510.0), None)",
            "Fund(ProjectFiscal, None, None)",
            "Fund(AnnualFiscalCurrent, Some(5020000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(ProjectOther, None, None)",
            "Fund(AnnualOther, Some(26467510.0), None)",
            "Goal(Both, 目标文字。)",
            "FormEnd"
        ]
    );

    // fpdf2's form through plain `pdftotext`: the project column's total
    // and 其他资金 labels printed under the goal's heading, the total's
    // amount there, the other's after the annual 其他资金's amount. The
    // only choice under which the project sum holds places them.
    parses_to!(
        money_labels_under_the_goal_take_the_amounts_left_over_by_the_sums,
        "财政项目支出绩效目标申报表\n项目名称\n巡访\n项目资金\n（元）\n年度资金申请总额\n620,000.00\n其中：财政资金\n1,150,000.00\n其中：当年财政拨款\n480,000.00\n上年结转资金\n90,000.00\n其他资金\n50,000.00\n100,000.00\n项目总目标\n建立关爱巡访机制。\n1,250,000.00\n项目资金总额\n其他资金\n年度总体目标\n全年完成巡访任务。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 巡访)",
            "Fund(AnnualTotal, Some(620000.0), None)",
            "Fund(ProjectFiscal, Some(1150000.0), None)",
            "Fund(AnnualFiscalCurrent, Some(480000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(90000.0), None)",
            "Fund(AnnualOther, Some(50000.0), None)",
            "Fund(ProjectTotal, Some(1250000.0), None)",
            "Fund(ProjectOther, Some(100000.0), None)",
            "Goal(Project, 建立关爱巡访机制。)",
            "Goal(Annual, 全年完成巡访任务。)",
            "FormEnd"
        ]
    );
    // A zero among the amounts: the project sum (4,860,000.00 =
    // 4,860,000.00 + 0.00) still allows one choice. (Equal amounts that
    // trade cells leave every value as it is.)
    parses_to!(
        money_labels_under_the_goal_take_a_zero_where_the_sums_allow_one_choice,
        "财政项目支出绩效目标申报表\n项目名称\n补贴\n项目资金\n（元）\n年度资金申请总额\n4,860,000.00\n其中：财政资金\n4,860,000.00\n其中：当年财政拨款\n4,860,000.00\n上年结转资金\n0.00\n其他资金\n0.00\n0.00\n项目总目标\n健全养老服务网络。\n4,860,000.00\n项目资金总额\n其他资金\n年度总体目标\n新建长者食堂2家。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 补贴)",
            "Fund(AnnualTotal, Some(4860000.0), None)",
            "Fund(ProjectFiscal, Some(4860000.0), None)",
            "Fund(AnnualFiscalCurrent, Some(4860000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(AnnualOther, Some(0.0), None)",
            "Fund(ProjectTotal, Some(4860000.0), None)",
            "Fund(ProjectOther, Some(0.0), None)",
            "Goal(Project, 健全养老服务网络。)",
            "Goal(Annual, 新建长者食堂2家。)",
            "FormEnd"
        ]
    );
    // Both parts of the project sum under the goal, with a zero: either
    // part may take it (4,860,000.00 = 4,860,000.00 + 0.00 = 0.00 +
    // 4,860,000.00): nothing is placed, all is reported.
    parses_to!(
        money_labels_under_the_goal_with_two_choices_stay_unplaced,
        "财政项目支出绩效目标申报表\n项目名称\n补贴\n项目资金\n（元）\n项目资金总额\n4,860,000.00\n年度资金申请总额\n4,860,000.00\n其中：当年财政拨款\n4,860,000.00\n上年结转资金\n0.00\n其他资金\n0.00\n0.00\n项目总目标\n健全养老服务网络。\n4,860,000.00\n其中：财政资金\n其他资金\n年度总体目标\n新建长者食堂2家。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 补贴)",
            "Unplaced(InFundsBlock, 0.00)",
            "Fund(ProjectTotal, Some(4860000.0), None)",
            "Fund(AnnualTotal, Some(4860000.0), None)",
            "Fund(AnnualFiscalCurrent, Some(4860000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(AnnualOther, Some(0.0), None)",
            "Unplaced(FundsUnderGoal, 4,860,000.00)",
            "Unplaced(FundsUnderGoal, 其中：财政资金)",
            "Unplaced(FundsUnderGoal, 其他资金)",
            "Goal(Project, 健全养老服务网络。)",
            "Goal(Annual, 新建长者食堂2家。)",
            "FormEnd"
        ]
    );

    // LibreOffice Writer's form through plain `pdftotext`: the right-hand
    // column's date label, money labels, date and amounts after the
    // project goal's text. The date is the label's; the money labels and
    // amounts stay one block around it, and pair in order.
    parses_to!(
        a_date_label_and_its_date_among_the_goals_lines,
        "财政项目支出绩效目标申报表\n项目名称\n居家养老服务补贴\n项目总目标\n健全居家社区养老服务网络。\n计划完成日期\n年度资金申请总额\n其中：当年财政拨款\n上年结转资金\n其他资金\n2026-12-31\n4,860,000.00\n4,860,000.00\n0.00\n0.00\n年度总体目标\n1.新建长者食堂2家。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 居家养老服务补贴)",
            "Field(EndDate, 2026-12-31)",
            "Fund(AnnualTotal, Some(4860000.0), None)",
            "Fund(AnnualFiscalCurrent, Some(4860000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(AnnualOther, Some(0.0), None)",
            "Goal(Project, 健全居家社区养老服务网络。)",
            "Goal(Annual, 1.新建长者食堂2家。)",
            "FormEnd"
        ]
    );

    // Plain `pdftotext` of LibreOffice Writer's form: both goal cells
    // side by side on one line under both headings, then the line the
    // project goal wrapped into; TCPDF's: the annual goal goes on, a list.
    parses_to!(
        goal_cells_side_by_side_on_a_dump_line,
        "财政项目支出绩效目标申报表\n项目名称\n巡访\n项目总目标\n年度总体目标\n建立覆盖全区的独居老人关爱巡访机制，及时发现和化解安全风 全年完成各片区巡访任务，巡访记录完整率达到95%以上。\n险。\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 巡访)",
            "Goal(Project, 建立覆盖全区的独居老人关爱巡访机制，及时发现和化解安全风/险。)",
            "Goal(Annual, 全年完成各片区巡访任务，巡访记录完整率达到95%以上。)",
            "FormEnd"
        ]
    );
    parses_to!(
        goal_cells_side_by_side_then_a_list,
        "财政项目支出绩效目标申报表\n项目名称\n补贴\n项目总目标\n年度总体目标\n健全居家社区养老服务网络，提升老年 1.为3500名以上老年人发放居家养老服务补贴；\n人生活质量。\n2.新建长者食堂2家；\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 补贴)",
            "Goal(Project, 健全居家社区养老服务网络，提升老年/人生活质量。)",
            "Goal(Annual, 1.为3500名以上老年人发放居家养老服务补贴；/2.新建长者食堂2家；)",
            "FormEnd"
        ]
    );
    // Chromium's: the annual goal's next list item comes before the
    // project goal's last line; the item goes on the list.
    parses_to!(
        goal_cells_side_by_side_a_list_item_first,
        "财政项目支出绩效目标申报表\n项目名称\n补贴\n项目总目标\n年度总体目标\n健全居家社区养老服务网络，提升老 1.为3500名以上老年人发放居家养老服务补贴；\n2.新建长者食堂2家；\n年人生活质量。\n3.服务对象满意度达到90%以上。\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 补贴)",
            "Goal(Project, 健全居家社区养老服务网络，提升老/年人生活质量。)",
            "Goal(Annual, 1.为3500名以上老年人发放居家养老服务补贴；/2.新建长者食堂2家；/3.服务对象满意度达到90%以上。)",
            "FormEnd"
        ]
    );
    // Both cells go on: their next lines one after the other (Typst).
    parses_to!(
        goal_cells_side_by_side_both_going_on,
        "财政项目支出绩效目标申报表\n项目名称\n治理\n项目总目标\n年度总体目标\n推进社区综合治理，完善网格化管理，提升平安建设水 完成网格巡查、矛盾调解、治安防范等工作，居民安全感持\n平。\n续提升。\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 治理)",
            "Goal(Project, 推进社区综合治理，完善网格化管理，提升平安建设水/平。)",
            "Goal(Annual, 完成网格巡查、矛盾调解、治安防范等工作，居民安全感持/续提升。)",
            "FormEnd"
        ]
    );
    // One cell's line a typesetter spaced before a number is no pair.
    parses_to!(
        an_autospaced_goal_line_is_one_cell,
        "财政项目支出绩效目标申报表\n项目名称\n交流\n项目总目标\n年度总体目标\n1.上海国际生物技术与医药交流对接：第 26届上海国际生物技术与医药研讨会将举办。\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 交流)",
            "Goal(Both, 1.上海国际生物技术与医药交流对接：第 26届上海国际生物技术与医药研讨会将举办。)",
            "FormEnd"
        ]
    );

    // LibreOffice's form through plain `pdftotext`: the two goal cells'
    // lines a line each, the annual goal's numbered items among the
    // project goal's lines. Parted by the list, reported as a guess.
    parses_to!(
        goal_lines_interleaved_with_a_list_are_parted_by_it,
        "财政项目支出绩效目标申报表\n项目名称\n补贴\n项目总目标\n年度总体目标\n1.为3500名以上老年人发放居家养老服务补贴；\n健全居家社区养老服务网络，提升老年人生活\n2.新建长者食堂2家；\n质量。\n3.服务对象满意度达到90%以上。\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 补贴)",
            "Goal(Project, 健全居家社区养老服务网络，提升老年人生活/质量。)",
            "Unplaced(GoalSidesByList, 1.为3500名以上老年人发放居家养老服务补贴； 健全居家社区养老服务网络，提升老年人生活 2.新建长者食堂2家； 质量。 3.服务对象满意度达到90%以上。)",
            "Goal(Annual, 1.为3500名以上老年人发放居家养老服务补贴；/2.新建长者食堂2家；/3.服务对象满意度达到90%以上。)",
            "FormEnd"
        ]
    );
    // A list whose items wrap is one cell's: nothing is parted.
    parses_to!(
        a_list_whose_items_wrap_is_not_parted,
        "财政项目支出绩效目标申报表\n项目名称\n补贴\n项目总目标\n年度总体目标\n1.为3500名以上老年人发放居家养老\n服务补贴；\n2.新建长者食堂2家；\n一级指标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 补贴)",
            "Goal(Both, 1.为3500名以上老年人发放居家养老/服务补贴；/2.新建长者食堂2家；)",
            "FormEnd"
        ]
    );

    // A date label with no date after it is reported, not dropped.
    parses_to!(
        a_date_label_among_the_goals_lines_without_a_date_is_reported,
        "财政项目支出绩效目标申报表\n项目名称\n居家养老服务补贴\n项目总目标\n健全居家社区养老服务网络。\n计划完成日期\n年度总体目标\n1.新建长者食堂2家。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 居家养老服务补贴)",
            "Unplaced(DateLabelInGoal, 计划完成日期)",
            "Goal(Project, 健全居家社区养老服务网络。)",
            "Goal(Annual, 1.新建长者食堂2家。)",
            "FormEnd"
        ]
    );

    // LibreOffice Writer's form through plain `pdftotext`: the year line
    // comes after the project amounts, among the money cells.
    parses_to!(
        a_year_line_among_the_money_cells_is_the_forms,
        "财政项目支出绩效目标填报表\n项目名称\n社区心理健康服务\n项目资金总额 7,595,500.00\n（2025 年度）\n年度资金申请总额\n项目总目标\n",
        [
            "FormStart(财政项目支出绩效目标填报表, None)",
            "Field(Name, 社区心理健康服务)",
            "Year(2025)",
            "Fund(ProjectTotal, Some(7595500.0), None)",
            "Fund(AnnualTotal, None, None)",
            "Goal(Project, )",
            "FormEnd"
        ]
    );

    // Dompdf through plain `pdftotext`: a wrapped label's first half,
    // then an amount, then the half's rest. The amount is the project
    // total's: the half takes nothing.
    parses_to!(
        a_label_begun_on_a_line_before_takes_no_amount,
        "财政项目支出绩效目标申报表\n项目名称 科技服务\n项目资金（元）\n项目资金总额\n\n年度资金申请\n\n3,650,000.00\n\n总额\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 科技服务)",
            "Unplaced(InFundsBlock, 年度资金申请)",
            "Unplaced(InFundsBlock, 总额)",
            "Fund(ProjectTotal, Some(3650000.0), None)",
            "FormEnd"
        ]
    );

    // LibreOffice's narrow money labels through plain `pdftotext`: each
    // wrapped label's one-line amount is set between its halves
    // (`年度资金申请总` / `1,280,000.00` / `额`). The labels before took
    // the amounts printed after them, so this one does too.
    parses_to!(
        an_amount_between_a_labels_halves_is_its_own,
        "财政项目支出绩效目标申报表\n项目名称 科技服务\n项目资金\n（元）\n项目资金总额\n3,650,000.00\n其中：财政资金\n3,650,000.00\n其他资金\n年度资金申请总\n1,280,000.00\n额\n其中：当年财政\n1,200,000.00\n拨款\n上年结转资金 80,000.00\n0.00\n其他资金\n0.00\n项目总目标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 科技服务)",
            "Fund(ProjectTotal, Some(3650000.0), None)",
            "Fund(ProjectFiscal, Some(3650000.0), None)",
            "Fund(ProjectOther, Some(0.0), None)",
            "Fund(AnnualTotal, Some(1280000.0), None)",
            "Fund(AnnualFiscalCurrent, Some(1200000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(80000.0), None)",
            "Fund(AnnualOther, Some(0.0), None)",
            "Goal(Project, )",
            "FormEnd"
        ]
    );

    // Dompdf through plain `pdftotext`: the labels' column first. The
    // first half's amount went to the label before it, by the rule above;
    // that was no amount printed after its label, so the second half's
    // amount is not taken as its own either (in that form it is the
    // project fiscal's): it is reported.
    parses_to!(
        an_amount_between_halves_after_labels_first_is_not_its_own,
        "财政项目支出绩效目标申报表\n项目名称 科技服务\n项目资金（元）\n项目资金总额\n年度资金申请\n3,650,000.00\n总额\n其中：当年财\n3,650,000.00\n政拨款\n项目总目标\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Field(Name, 科技服务)",
            "Unplaced(InFundsBlock, 年度资金申请)",
            "Unplaced(InFundsBlock, 总额)",
            "Unplaced(InFundsBlock, 其中：当年财)",
            "Unplaced(InFundsBlock, 政拨款)",
            "Unplaced(InFundsBlock, 3,650,000.00)",
            "Fund(ProjectTotal, Some(3650000.0), None)",
            "Goal(Project, )",
            "FormEnd"
        ]
    );

    // poppler's order of the seed's money block (plain `pdftotext` of a
    // ReportLab form): the blank project column's `其他资金` took the
    // carried-over `0.00` by order; the annual `其他资金`'s amount comes
    // under the goal's heading. Only the carried-over cell makes the sum
    // hold.
    parses_to!(
        an_amount_the_order_gave_wrong_moves_by_the_sums,
        "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 科技服务\n项目资金\n（元）\n项目资金总额\n\n年度资金申请总额\n\n31,487,510.00\n\n其中：财政资金\n\n其中：当年财政拨款\n\n5,020,000.00\n\n上年结转资金\n其他资金\n\n0.00\n\n其他资金\n项目总目标\n\n26,467,510.00\n年度总体目标\n\n目标文字。\n",
        [
            "FormStart(财政项目支出绩效目标申报表, None)",
            "Year(2024)",
            "Field(Name, 科技服务)",
            "Fund(ProjectTotal, None, None)",
            "Fund(AnnualTotal, Some(31487510.0), None)",
            "Fund(ProjectFiscal, None, None)",
            "Fund(AnnualFiscalCurrent, Some(5020000.0), None)",
            "Fund(AnnualFiscalCarryover, Some(0.0), None)",
            "Fund(ProjectOther, None, None)",
            "Fund(AnnualOther, Some(26467510.0), None)",
            "Goal(Both, 目标文字。)",
            "FormEnd"
        ]
    );

    /// `move_by_sums` over held cells (item, amount, its dump line where
    /// the order took it) and amounts after them: the amounts, or `None`.
    fn moved(held: &[(FundItem, Option<f64>, Option<u32>)], amounts: &[(f64, u32)]) -> Option<Vec<Option<f64>>> {
        let held: Vec<HeldFund> = held
            .iter()
            .map(|&(item, amount, apart)| HeldFund {
                item,
                amount,
                text: None,
                loc: Location::Line(1),
                apart,
            })
            .collect();
        let values: Vec<f64> = amounts.iter().map(|a| a.0).collect();
        let lines: Vec<u32> = amounts.iter().map(|a| a.1).collect();
        move_by_sums(&held, &values, &lines).map(|h| h.iter().map(|f| f.amount).collect())
    }

    #[test]
    fn strays_beside_cells_all_filled_move_nothing() {
        use FundItem::*;
        let held = [
            (AnnualTotal, Some(10.0), None),
            (AnnualFiscalCurrent, Some(10.0), Some(3)),
            (AnnualFiscalCarryover, Some(0.0), Some(5)),
            (AnnualOther, Some(0.0), Some(7)),
        ];
        assert_eq!(moved(&held, &[(0.0, 9)]), None);
    }

    /// `place_by_sums` over cells (`-` = read without an amount) and stray
    /// amounts: the cells filled, or `None`.
    macro_rules! places {
        ($name:ident, [$($item:ident $amount:tt),*], [$($a:expr),*], $want:expr) => {
            #[test]
            fn $name() {
                let cells: Vec<(FundItem, Option<f64>)> = vec![$((FundItem::$item, places!(@a $amount))),*];
                let want: Option<Vec<FundItem>> = $want;
                assert_eq!(place_by_sums(&cells, &[$($a),*]), want);
            }
        };
        (@a -) => { None };
        (@a $x:literal) => { Some($x) };
    }

    use FundItem::*;
    // The seed's first form through poppler: the project side blank, the
    // annual total and current read; `0.00` and `26,467,510.00` after.
    places!(
        strays_fill_the_only_sum_that_holds,
        [ProjectTotal -, ProjectFiscal -, ProjectOther -, AnnualTotal 31487510.0, AnnualFiscalCurrent 5020000.0, AnnualFiscalCarryover -, AnnualOther -],
        [0.0, 26467510.0],
        Some(vec![AnnualFiscalCarryover, AnnualOther])
    );
    places!(
        a_sum_that_fails_places_nothing,
        [AnnualTotal 100.0, AnnualFiscalCurrent 50.0, AnnualFiscalCarryover -, AnnualOther -],
        [0.0, 20.0],
        None
    );
    // An amount outside every sum that can be checked is not placed.
    places!(
        an_amount_in_no_checked_sum_is_not_placed,
        [ProjectTotal -, ProjectFiscal -, AnnualTotal 100.0, AnnualFiscalCurrent 100.0, AnnualFiscalCarryover 0.0, AnnualOther 0.0],
        [5.0],
        None
    );
    // A total among the strays proves nothing (`3,117,000.00 = 0.00 +
    // 3,117,000.00` from a page read out of order).
    places!(
        a_total_among_the_strays_proves_nothing,
        [AnnualTotal -, AnnualFiscalCurrent -, AnnualFiscalCarryover 0.0, AnnualOther -],
        [3117000.0, 0.0, 3117000.0],
        None
    );
    // Two choices that both hold: no guess.
    places!(
        two_choices_that_hold_place_nothing,
        [AnnualTotal 10.0, AnnualFiscalCurrent 10.0, AnnualFiscalCarryover -, AnnualOther -],
        [0.0],
        None
    );

    /// [`place_loose_by_sums`]: cells (`-` read without an amount), the
    /// amounts no label took, the amounts of every cell then (`None`: no
    /// placing).
    macro_rules! places_loose {
        ($name:ident, [$($item:ident $amount:tt),*], [$($a:expr),*], $want:expr) => {
            #[test]
            fn $name() {
                let items = [$(FundItem::$item),*];
                let amounts: Vec<Option<f64>> = vec![$(places!(@a $amount)),*];
                let want: Option<Vec<Option<f64>>> = $want;
                assert_eq!(place_loose_by_sums(&items, &amounts, &[$($a),*]), want);
            }
        };
    }
    // Plain `pdftotext` of the stress form: `3,650,000.00` printed before
    // every label, `0.00` among the annual column's.
    places_loose!(
        loose_amounts_go_where_the_sums_hold,
        [ProjectTotal -, ProjectFiscal 3650000.0, ProjectOther -, AnnualTotal 1280000.0, AnnualFiscalCurrent 1200000.0, AnnualFiscalCarryover 80000.0, AnnualOther 0.0],
        [3650000.0, 0.0],
        Some(vec![Some(3650000.0), Some(3650000.0), Some(0.0), Some(1280000.0), Some(1200000.0), Some(80000.0), Some(0.0)])
    );
    // Equal amounts swapped are one placing.
    places_loose!(
        equal_loose_amounts_are_one_placing,
        [AnnualTotal 5.0, AnnualFiscalCurrent 5.0, AnnualFiscalCarryover -, AnnualOther -],
        [0.0, 0.0],
        Some(vec![Some(5.0), Some(5.0), Some(0.0), Some(0.0)])
    );
    places_loose!(
        two_placings_that_hold_place_nothing,
        [AnnualTotal 10.0, AnnualFiscalCurrent 4.0, AnnualFiscalCarryover -, AnnualOther -],
        [2.0, 4.0],
        None
    );
    // More loose amounts than `MAX_LOOSE_AMOUNTS`: sums by chance.
    places_loose!(
        many_loose_amounts_place_nothing,
        [ProjectTotal -, ProjectFiscal -, ProjectOther 0.0, AnnualTotal 7.0, AnnualFiscalCurrent -, AnnualFiscalCarryover 0.0, AnnualOther 0.0],
        [7.0, 7.0, 7.0],
        None
    );
    proptest::proptest! {
        /// Amounts of a money block whose sums hold, up to
        /// `MAX_LOOSE_AMOUNTS` of them taken off their cells and given
        /// loose: placed back where they were, or not at all (never a
        /// wrong cell).
        #[test]
        fn loose_amounts_go_back_or_nowhere(
            fiscal in 0u32..5, other in 0u32..5, current in 0u32..5, carryover in 0u32..5, annual_other in 0u32..5,
            taken in proptest::collection::btree_set(0usize..7, 1..=MAX_LOOSE_AMOUNTS),
        ) {
            let items = [ProjectTotal, ProjectFiscal, ProjectOther, AnnualTotal, AnnualFiscalCurrent, AnnualFiscalCarryover, AnnualOther];
            let whole: Vec<Option<f64>> = [
                fiscal + other, fiscal, other, current + carryover + annual_other, current, carryover, annual_other,
            ]
            .iter()
            .map(|&v| Some(f64::from(v) * 100.0))
            .collect();
            let mut amounts = whole.clone();
            let mut loose = Vec::new();
            for &i in &taken {
                if let Some(slot) = amounts.get_mut(i) {
                    loose.extend(slot.take());
                }
            }
            let placed = place_loose_by_sums(&items, &amounts, &loose);
            proptest::prop_assert!(placed.is_none() || placed == Some(whole.clone()), "{placed:?} for {whole:?}");
            // One amount: one cell, its sum holds.
            if let [amount] = loose[..] {
                proptest::prop_assert_eq!(placed, Some(whole.clone()));
                // A cent off, no sum holds.
                proptest::prop_assert_eq!(place_loose_by_sums(&items, &amounts, &[amount + 0.01]), None);
            }
        }
    }

    // An amount in no sum read is not placed.
    places_loose!(
        a_loose_amount_in_no_sum_read_is_not_placed,
        [ProjectTotal -, ProjectFiscal -, ProjectOther -, AnnualTotal 7.0, AnnualFiscalCurrent 7.0, AnnualFiscalCarryover 0.0, AnnualOther 0.0],
        [7.0],
        None
    );
}
