//! PDF pages → rows of cells.
//!
//! Ruling lines give the table grid: their y and x positions are the row and
//! column boundaries, and a missing border between two grid boxes merges
//! them into one cell (a merged label spanning rows, a goal spanning
//! columns). Each glyph goes to the cell under its centre; a cell's text is
//! its lines (joined by `\\n`; the parser de-wraps them). A table row becomes one [`Row`] whose cells are the
//! cells starting in that grid row, so a merged label appears once, in the
//! first row it spans, and the parser's context carries it on. A wide cell
//! of several lines (running text such as a goal) is emitted line by line,
//! so that paragraph breaks survive. Text outside any table (headings,
//! titles) and pages without rules are read as lines split at wide gaps,
//! like a text dump.

use jixiao_model::Location;
use std::collections::HashMap;

use jixiao_model::normalize::is_wide;
use jixiao_pdf::{Glyph, Page, Rule};

use crate::Row;

/// Rules closer than this (points) are the same line.
const SNAP: f32 = 1.5;
/// Most boxes of one table grid.
const MAX_GRID_BOXES: usize = 200_000;
/// How far beyond a grid the text of a merged cell cut by a page break may
/// be drawn, in points.
const BEYOND_GRID: f32 = 120.0;
/// A cell wider than this share of its table, last in its row, is running
/// text when it has several lines.
const PARAGRAPH_SHARE: f32 = 0.5;
/// A vertical rule that no horizontal rule crosses joins a table when it
/// runs alongside at least this share of the table's height (and of its
/// own length): the open column of a table continued across a page break.
const OPEN_COLUMN_SHARE: f32 = 0.9;
/// Text of a cell that overflows the table's last rule starts within this
/// share of its size below the rule; a footer sits further away.
const OVERFLOW: f32 = 0.5;
/// Font sizes within this share of each other are one size (a cell's text
/// set in one font size, rounded differently by producers).
const SAME_SIZE: f32 = 0.15;
/// Most space between two lines of one cell's text, in em (line spacing
/// of up to 1.6).
const LINE_GAP: f32 = 0.6;

/// A table: its row and column boundaries and which grid box belongs to
/// which cell.
#[derive(Debug)]
struct Grid<'g> {
    rows: Vec<f32>,
    cols: Vec<f32>,
    /// Cell index of each box, row-major.
    owner: Vec<usize>,
    cells: Vec<GridCell<'g>>,
    /// The boxes of the first and last row whose outer edge has no rule
    /// (a merged cell continued from or on another page), by column.
    open_top: Vec<bool>,
    open_bottom: Vec<bool>,
}

#[derive(Debug, Clone)]
struct GridCell<'g> {
    top: usize,
    left: usize,
    right: usize,
    glyphs: Vec<&'g Glyph>,
}

/// The glyphs of a page put into the cells of its tables, and the text
/// outside any table.
struct Placed<'g> {
    grids: Vec<Grid<'g>>,
    free: Vec<&'g Glyph>,
}

/// Puts every glyph of the page into a table cell or the free text.
fn place(page: &Page) -> Placed<'_> {
    let glyphs = dedupe(&page.glyphs, page.width, page.height);
    let mut grids = grids(&page.rules);
    let mut outside: Vec<&Glyph> = Vec::new();
    for glyph in glyphs {
        let (cx, cy) = center(glyph);
        match grids.iter_mut().find_map(|g| g.cell_at(cx, cy).map(|i| (g, i))) {
            Some((grid, index)) => grid.push(index, glyph),
            None => outside.push(glyph),
        }
    }
    // A merged cell cut by a page break may have its text drawn centred in
    // the whole cell, beyond the page's grid: text just above or below a
    // grid, over an empty cell of its first or last row, is that cell's.
    let mut free: Vec<&Glyph> = Vec::new();
    let mut adopted: Vec<(usize, usize, &Glyph)> = Vec::new();
    for glyph in outside {
        let (cx, cy) = center(glyph);
        match grids.iter().enumerate().find_map(|(g, grid)| {
            grid.empty_cell_beside(cx, cy)
                .or_else(|| grid.overflowed_cell(glyph))
                .map(|i| (g, i))
        }) {
            Some((g, index)) => adopted.push((g, index, glyph)),
            None => free.push(glyph),
        }
    }
    // Such a cell's lines run on below the ones taken, maybe further than
    // BEYOND_GRID (`项目` / `绩效` taken, `目标` under them): a glyph set
    // on the next line right under a taken one, in its size, is the same
    // cell's.
    if !adopted.is_empty() {
        free.sort_by(|a, b| a.y0.total_cmp(&b.y0));
        let mut still_free = Vec::with_capacity(free.len());
        for glyph in free {
            match adopted.iter().find(|(_, _, above)| next_line_under(above, glyph)) {
                Some(&(g, index, _)) => adopted.push((g, index, glyph)),
                None => still_free.push(glyph),
            }
        }
        free = still_free;
    }
    for (g, index, glyph) in adopted {
        if let Some(grid) = grids.get_mut(g) {
            grid.push(index, glyph);
        }
    }
    for grid in &mut grids {
        grid.split_unruled_columns();
    }
    Placed { grids, free }
}

/// True when `below` is set on the line after `above`'s, under it, in
/// its size: the next line of the same text.
fn next_line_under(above: &Glyph, below: &Glyph) -> bool {
    let size = above.size.max(1.0);
    (below.size - above.size).abs() <= SAME_SIZE * size
        && below.y0 >= above.y0 + 0.5 * size
        && below.y0 - above.y1 <= LINE_GAP * size
        && below.x0 < above.x1
        && below.x1 > above.x0
}

/// A box on the page, in points from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rect {
    /// The smallest box around `glyphs`; `None` when there are none.
    fn around<'g>(glyphs: impl IntoIterator<Item = &'g Glyph>) -> Option<Rect> {
        glyphs.into_iter().fold(None, |acc: Option<Rect>, g| {
            let r = Rect {
                x0: g.x0,
                y0: g.y0,
                x1: g.x1,
                y1: g.y1,
            };
            Some(match acc {
                None => r,
                Some(a) => a.union(r),
            })
        })
    }

    /// The smallest box around both.
    pub fn union(self, other: Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// One printed line of a cell: its text and where its glyphs are.
#[derive(Debug, Clone, PartialEq)]
pub struct CellLine {
    /// The line's text.
    pub text: String,
    /// The box around its glyphs.
    pub rect: Rect,
    /// Font size of its first glyph, in points.
    pub size: f32,
}

/// A cell of a page as the layout read it, with positions: a table cell
/// (with its box between the rules) or a run of free text. The review
/// page draws these and links each extracted field to the cells it came
/// from.
#[derive(Debug, Clone, PartialEq)]
pub struct PageCell {
    /// The cell's lines, top to bottom.
    pub lines: Vec<CellLine>,
    /// The box around all its glyphs.
    pub rect: Rect,
    /// The cell's box between the ruling lines; `None` for free text.
    pub frame: Option<Rect>,
}

impl PageCell {
    /// The cell's text, lines joined by `\n` (as a row's cell holds it).
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn cell_line(line: &[&Glyph]) -> Option<CellLine> {
    Some(CellLine {
        text: line_text(line),
        rect: Rect::around(line.iter().copied())?,
        size: line.first()?.size,
    })
}

/// The cells of one page with their positions, top to bottom (table cells
/// in row order, free text by line), empty cells left out.
pub fn page_cells(page: &Page) -> Vec<PageCell> {
    let placed = place(page);
    let mut out: Vec<(f32, f32, PageCell)> = Vec::new();
    for line in lines(placed.free.clone()) {
        for group in split_groups(&line) {
            let Some(rect) = Rect::around(group.iter().copied()) else {
                continue;
            };
            let lines: Vec<CellLine> = cell_line(&group).into_iter().filter(|l| !l.text.is_empty()).collect();
            if !lines.is_empty() {
                out.push((
                    rect.y0,
                    rect.x0,
                    PageCell {
                        lines,
                        rect,
                        frame: None,
                    },
                ));
            }
        }
    }
    for grid in &placed.grids {
        for cell in &grid.cells {
            let Some(rect) = Rect::around(cell.glyphs.iter().copied()) else {
                continue;
            };
            let lines: Vec<CellLine> = lines(cell.glyphs.clone())
                .iter()
                .filter_map(|l| cell_line(l))
                .filter(|l| !l.text.is_empty())
                .collect();
            if lines.is_empty() {
                continue;
            }
            let bottom_row = (cell.top..grid.rows.len().saturating_sub(1))
                .take_while(|&r| {
                    grid.owner
                        .get(r * (grid.cols.len() - 1) + cell.left)
                        .is_some_and(|&o| grid.cells.get(o).is_some_and(|c| std::ptr::eq(c, cell)))
                })
                .last()
                .unwrap_or(cell.top);
            let frame = match (
                grid.cols.get(cell.left),
                grid.cols.get(cell.right + 1),
                grid.rows.get(cell.top),
                grid.rows.get(bottom_row + 1),
            ) {
                (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) => Some(Rect { x0, y0, x1, y1 }),
                _ => None,
            };
            let top = frame.map_or(rect.y0, |f| f.y0);
            out.push((top, rect.x0, PageCell { lines, rect, frame }));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    out.into_iter().map(|(_, _, c)| c).collect()
}

/// Rows of one page, top to bottom.
pub fn page_rows(page: &Page) -> Vec<Row> {
    page_rows_with_cuts(page).rows
}

/// Columns of a grid closer than this (points) on two pages are the same
/// column: one producer lays out a table's columns alike on every page.
const SAME_COLUMN: f32 = 3.0;

/// A page's rows and the table rows a page break cut.
#[derive(Debug, Clone, Default)]
pub struct PageRows {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The page's last table row when the page break cut it: its cells
    /// with text are open at the page's bottom (no rule closes them).
    bottom: Option<Cut>,
    /// The page's first table row when it continues a row of the previous
    /// page: every cell with text is open at the top.
    top: Option<Cut>,
}

/// The cells with text of a row cut by a page break: `(x0, x1, index in
/// the row's cells)`, the columns each spans.
type CutCells = Vec<(f32, f32, usize)>;

/// A table row cut by a page break: which row it is (among its page's
/// rows in [`PageRows`], among all rows read so far as [`join_cut_row`]
/// returns it) and its cells with text.
#[derive(Debug, Clone)]
pub struct Cut {
    row: usize,
    cells: CutCells,
}

impl Cut {
    /// The same cut counted after `base` earlier rows.
    fn shifted(self, base: usize) -> Cut {
        Cut {
            row: base + self.row,
            ..self
        }
    }

    /// Pairs `(cell of the later row, cell of this row)` where every cell
    /// of the `later` cut stands under one of this cut's, in `earlier`
    /// and `rows`; `None` unless all do.
    fn under(&self, later: &Cut, earlier: &[Row], rows: &[Row]) -> Option<Vec<(usize, usize)>> {
        let target = earlier.get(self.row)?;
        let source = rows.get(later.row)?;
        let pairs = later
            .cells
            .iter()
            .map(|&(x0, x1, from)| {
                self.cells
                    .iter()
                    .find(|&&(a0, a1, _)| (a0 - x0).abs() <= SAME_COLUMN && (a1 - x1).abs() <= SAME_COLUMN)
                    .map(|&(_, _, to)| (from, to))
                    .filter(|&(from, to)| source.cells.get(from).is_some() && target.cells.get(to).is_some())
            })
            .collect::<Option<Vec<_>>>()?;
        (!pairs.is_empty()).then_some(pairs)
    }
}

/// Joins a table row cut by the page break between `earlier` (the rows
/// so far, whose last page ended with `cut`) and `later`: when every cell
/// with text of the later page's first table row is open at its top and
/// stands under a cell of the earlier page's last row that is open at its
/// bottom, its text is the rest of those cells (TCPDF and word processors
/// break a tall row across pages: `提升平台中试工程化、产业化、` at the foot
/// of one page, `及成果转化等服务能力` at the head of the next, the name cell
/// above it empty). Returns the cut that `later` leaves at its own bottom.
pub fn join_cut_row(earlier: &mut [Row], cut: Option<&Cut>, mut later: PageRows) -> (Vec<Row>, Option<Cut>) {
    let base = earlier.len();
    let own_bottom = later.bottom.take();
    let joined = match (cut, later.top.take()) {
        (Some(cut), Some(top)) => cut.under(&top, earlier, &later.rows).map(|pairs| (cut, top, pairs)),
        _ => None,
    };
    let Some((cut, top, pairs)) = joined else {
        return (later.rows, own_bottom.map(|c| c.shifted(base)));
    };
    let source = later.rows.remove(top.row);
    if let Some(target) = earlier.get_mut(cut.row) {
        for (from, to) in pairs {
            if let (Some(text), Some(cell)) = (source.cells.get(from), target.cells.get_mut(to)) {
                cell.push('\n');
                cell.push_str(text);
            }
        }
        target.text = target.cells.join(" ");
    }
    let bottom = own_bottom.map(|mut c| {
        // The row was the page's only table row: a cell cut twice goes on
        // in the same earlier row.
        if c.row == top.row {
            return cut.clone();
        }
        if c.row > top.row {
            c.row -= 1;
        }
        c.shifted(base)
    });
    (later.rows, bottom)
}

/// Rows of one page, top to bottom, with the table rows its page breaks
/// cut (see [`join_cut_row`]).
pub fn page_rows_with_cuts(page: &Page) -> PageRows {
    let loc = Location::Page(page.number);
    let Placed { grids, free } = place(page);
    // (y, order, row): rows sorted by where they start on the page.
    let mut placed: Vec<(f32, usize, Row)> = Vec::new();
    for line in lines(free.clone()) {
        let y = line.iter().map(|g| g.y0).fold(f32::INFINITY, f32::min);
        let cells = split_cells(&line);
        let text = cells.join(" ");
        if !cells.is_empty() {
            placed.push((
                y,
                placed.len(),
                Row {
                    loc,
                    text,
                    cells,
                    ruled: false,
                    indent: 0,
                    sheet: page.number,
                },
            ));
        }
    }
    // The page's first and last table: where a row cut by a page break
    // goes on and where one is cut.
    let by_top = grids
        .iter()
        .enumerate()
        .min_by(|a, b| first_row_y(a.1).total_cmp(&first_row_y(b.1)));
    let by_bottom = grids
        .iter()
        .enumerate()
        .max_by(|a, b| last_row_y(a.1).total_cmp(&last_row_y(b.1)));
    let (first_grid, last_grid) = (by_top.map(|(i, _)| i), by_bottom.map(|(i, _)| i));
    // (order in `placed`, cut cells)
    let mut top: Option<(usize, CutCells)> = None;
    let mut bottom: Option<(usize, CutCells)> = None;
    for (g, grid) in grids.iter().enumerate() {
        let width = grid.cols.last().copied().unwrap_or(0.0) - grid.cols.first().copied().unwrap_or(0.0);
        let nr = grid.rows.len().saturating_sub(1);
        for r in 0..nr {
            let y = grid.rows.get(r).copied().unwrap_or(0.0);
            let mut starting: Vec<&GridCell> = grid
                .cells
                .iter()
                .filter(|c| c.top == r && !c.glyphs.is_empty())
                .collect();
            starting.sort_by_key(|c| c.left);
            let mut cells = Vec::new();
            let mut continuation: Vec<String> = Vec::new();
            // (x0, x1, index in `cells`, open toward the page's top, bottom)
            let mut spans: Vec<(f32, f32, usize, bool, bool)> = Vec::new();
            let last = starting.len().saturating_sub(1);
            for (k, cell) in starting.into_iter().enumerate() {
                let open = |edges: &[bool]| (cell.left..=cell.right).all(|c| edges.get(c).copied().unwrap_or(false));
                let span = (
                    grid.cols.get(cell.left).copied().unwrap_or(0.0),
                    grid.cols.get(cell.right + 1).copied().unwrap_or(0.0),
                    cells.len(),
                    r == 0 && open(&grid.open_top),
                    r + 1 == nr && open(&grid.open_bottom),
                );
                let glyph_lines = lines(cell.glyphs.clone());
                let cell_lines: Vec<String> = glyph_lines.iter().map(|l| line_text(l)).collect();
                let cell_width = grid.cols.get(cell.right + 1).copied().unwrap_or(0.0)
                    - grid.cols.get(cell.left).copied().unwrap_or(0.0);
                // Running text (a goal) fills the rest of its row, its first
                // line most of the cell; a wide cell with a cell after it (a
                // name beside its target) is a value, and so is a short value
                // in a cell a broken table left open to its edge (Dompdf's
                // rows after a page break: `≥80000.00(人次` / `)`).
                let first_fills = glyph_lines.first().is_some_and(|line| {
                    let (x0, x1) = line.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), g| {
                        (a.min(g.x0), b.max(g.x1))
                    });
                    x1 - x0 >= PARAGRAPH_SHARE * cell_width
                });
                if k == last && cell_lines.len() > 1 && cell_width >= PARAGRAPH_SHARE * width && first_fills {
                    let mut iter = cell_lines.into_iter();
                    cells.extend(iter.next());
                    continuation.extend(iter);
                } else {
                    let text = cell_lines.join("\n");
                    if !text.trim().is_empty() {
                        cells.push(text);
                        spans.push(span);
                    }
                }
            }
            // A row whose running text was split into lines is no cut row.
            if !cells.is_empty() && continuation.is_empty() {
                let order = placed.len();
                if r == 0 && first_grid == Some(g) && spans.iter().all(|s| s.3) {
                    top = Some((order, spans.iter().map(|s| (s.0, s.1, s.2)).collect()));
                }
                let open: CutCells = spans.iter().filter(|s| s.4).map(|s| (s.0, s.1, s.2)).collect();
                if r + 1 == nr && last_grid == Some(g) && !open.is_empty() {
                    bottom = Some((order, open));
                }
            }
            if !cells.is_empty() {
                placed.push((
                    y,
                    placed.len(),
                    Row {
                        loc,
                        text: cells.join(" "),
                        cells,
                        ruled: true,
                        indent: 0,
                        sheet: page.number,
                    },
                ));
            }
            for line in continuation {
                placed.push((
                    y,
                    placed.len(),
                    Row {
                        loc,
                        text: line.clone(),
                        cells: vec![line],
                        ruled: true,
                        indent: 0,
                        sheet: page.number,
                    },
                ));
            }
        }
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let cut = |found: Option<(usize, CutCells)>| {
        found.and_then(|(order, cells)| {
            let row = placed.iter().position(|p| p.1 == order)?;
            Some(Cut { row, cells })
        })
    };
    let (top, bottom) = (cut(top), cut(bottom));
    PageRows {
        rows: placed.into_iter().map(|(_, _, row)| row).collect(),
        bottom,
        top,
    }
}

fn first_row_y(grid: &Grid) -> f32 {
    grid.rows.first().copied().unwrap_or(f32::INFINITY)
}

fn last_row_y(grid: &Grid) -> f32 {
    grid.rows.last().copied().unwrap_or(f32::NEG_INFINITY)
}

/// Overprinted glyphs (fake bold: the same glyph drawn again a hair to the
/// side, often a whole line drawn two or three times) count once. Glyphs
/// outside the visible page are not text of the page.
///
/// A hair is less than half the glyph's own width (and never less than a
/// tenth of an em, poppler's tolerance): the next `l` of `Hello` stands
/// 0.28 em on, which a third of an em would take for an overprint.
fn overprint_reach(g: &Glyph) -> (f32, f32) {
    let size = g.size.max(1.0);
    let reach = |extent: f32| (0.5 * extent).clamp(0.1 * size, 0.3 * size);
    (reach(g.x1 - g.x0), reach(g.y1 - g.y0))
}

/// Most glyphs of one dedupe cell compared with a new one: a glyph and
/// its overprints and a neighbour's edge are a handful; a file that stacks
/// thousands of different glyphs on one spot would otherwise cost a
/// comparison with each (quadratic), and their repeats beyond this many
/// are kept.
const MAX_CELL_CHAIN: usize = 32;

fn dedupe(glyphs: &[Glyph], width: f32, height: f32) -> Vec<&Glyph> {
    // Keyed by a grid cell of the position, two tolerances wide, so that a
    // glyph's repeats lie in the 2×2 cells nearest it; the texts are
    // compared on a hit (glyphs a cell holds are few: a glyph and its
    // repeats, a neighbour's edge). The key is mixed with a random seed
    // per page (positions come from the file, so a chosen collision must
    // stay out of reach) by multiply-and-rotate (`CellHasher`), not
    // SipHash over each glyph's text. Glyphs of one cell are chained
    // through `earlier` (no list allocated per key).
    use std::hash::BuildHasher;
    const NONE: usize = usize::MAX;
    let seed = std::collections::hash_map::RandomState::new().hash_one(glyphs.len());
    let mut last: HashMap<(u64, i64, i64), usize, BuildCellHasher> =
        HashMap::with_capacity_and_hasher(glyphs.len(), BuildCellHasher::default());
    let mut earlier: Vec<usize> = Vec::with_capacity(glyphs.len());
    let mut out: Vec<&Glyph> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let (cx, cy) = center(g);
        if cx < 0.0 || cy < 0.0 || cx > width || cy > height {
            continue;
        }
        if g.text.trim().is_empty() {
            out.push(g);
            earlier.push(NONE);
            continue;
        }
        // The grid is as wide as the widest reach (a third of an em).
        let tol = 0.3 * g.size.max(1.0);
        let (reach_x, reach_y) = overprint_reach(g);
        let (fx, fy) = (g.x0 / (2.0 * tol), g.y0 / (2.0 * tol));
        let (qx, qy) = (fx.floor() as i64, fy.floor() as i64);
        // The neighbour cell on the side of the nearer edge.
        let nx = if fx - fx.floor() < 0.5 { qx - 1 } else { qx + 1 };
        let ny = if fy - fy.floor() < 0.5 { qy - 1 } else { qy + 1 };
        let repeated = [(qx, qy), (nx, qy), (qx, ny), (nx, ny)].into_iter().any(|(x, y)| {
            let mut at = last.get(&(seed, x, y)).copied().unwrap_or(NONE);
            let mut looked = 0;
            while let Some(o) = out.get(at).filter(|_| looked < MAX_CELL_CHAIN) {
                if (o.x0 - g.x0).abs() < reach_x && (o.y0 - g.y0).abs() < reach_y && o.text == g.text {
                    return true;
                }
                looked += 1;
                at = earlier.get(at).copied().unwrap_or(NONE);
            }
            false
        });
        if !repeated {
            let previous = last.insert((seed, qx, qy), out.len()).unwrap_or(NONE);
            earlier.push(previous);
            out.push(g);
        }
    }
    out
}

/// Hashes a dedupe key `(seed, cell x, cell y)` by multiply-and-rotate
/// mixing (as FxHash does): the seed is random per page, so mixing the
/// cell into it keeps collisions unpredictable at a tenth of SipHash's
/// cost per lookup.
#[derive(Default)]
struct CellHasher(u64);

type BuildCellHasher = std::hash::BuildHasherDefault<CellHasher>;

impl std::hash::Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, word: u64) {
        // FxHash's constant: odd, so the multiplication is a bijection.
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }

    fn write_i64(&mut self, word: i64) {
        self.write_u64(word as u64);
    }
}

/// Groups glyphs into lines (by vertical centre), top to bottom, each left
/// to right.
fn lines(mut glyphs: Vec<&Glyph>) -> Vec<Vec<&Glyph>> {
    glyphs.sort_by(|a, b| center_y(a).total_cmp(&center_y(b)).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<(f32, f32, Vec<&Glyph>)> = Vec::new();
    for g in glyphs {
        let cy = center_y(g);
        let tol: f32 = 0.45 * g.size.max(1.0);
        match out
            .iter_mut()
            .rev()
            .take(3)
            .find(|(y, size, _)| (cy - *y).abs() <= tol.max(0.45 * *size))
        {
            Some((_, _, line)) => line.push(g),
            None => out.push((cy, g.size.max(1.0), vec![g])),
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter()
        .map(|(_, _, mut line)| {
            line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            line
        })
        .collect()
}

fn center(g: &Glyph) -> (f32, f32) {
    ((g.x0 + g.x1) / 2.0, center_y(g))
}

fn center_y(g: &Glyph) -> f32 {
    (g.y0 + g.y1) / 2.0
}

/// The text of one line: glyphs in order, a space where a gap shows one.
fn line_text(line: &[&Glyph]) -> String {
    // Room for every glyph and a space between each two.
    let mut text = String::with_capacity(line.iter().map(|g| g.text.len() + 1).sum());
    let mut previous: Option<&Glyph> = None;
    for g in line {
        if let Some(p) = previous {
            let gap = g.x0 - p.x1;
            let (before, after) = (p.text.chars().last(), g.text.chars().next());
            let latin =
                before.is_some_and(|c| c.is_ascii_alphanumeric()) && after.is_some_and(|c| c.is_ascii_alphanumeric());
            // Ideographs spread across a cell (`项  目  名  称`) or set
            // with letter spacing have no spaces between them; a gap only
            // separates words of Latin text.
            let ideographic = before.is_some_and(is_wide) || after.is_some_and(is_wide);
            let threshold = if latin { 0.25 } else { 0.6 } * g.size.max(1.0);
            let has_space = text.ends_with(' ') || g.text.starts_with(' ');
            if gap > threshold && !has_space && !ideographic {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        previous = Some(g);
    }
    let trimmed = text.trim();
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    }
}

/// Cells of a free line: runs of glyphs separated by gaps wider than 1.5
/// ems (or by space glyphs that wide).
fn split_cells(line: &[&Glyph]) -> Vec<String> {
    split_groups(line)
        .iter()
        .map(|c| line_text(c))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The glyph runs of [`split_cells`].
fn split_groups<'g>(line: &[&'g Glyph]) -> Vec<Vec<&'g Glyph>> {
    let mut cells: Vec<Vec<&Glyph>> = Vec::new();
    let mut last_ink: Option<f32> = None;
    for &g in line {
        if g.text.trim().is_empty() {
            continue;
        }
        let wide = last_ink.is_some_and(|x1| g.x0 - x1 > 1.5 * g.size.max(1.0));
        match cells.last_mut() {
            Some(cell) if !wide => cell.push(g),
            _ => cells.push(vec![g]),
        }
        last_ink = Some(g.x1);
    }
    cells
}

/// Snaps coordinates within [`SNAP`] of each other to their mean.
fn clusters(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if (v - *mean / *n as f32).abs() <= SNAP => {
                *mean += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

/// Joins collinear segments that touch or overlap: many producers draw a
/// border as one short segment per cell, and the pieces of a merged cell's
/// border touch no crossing rule on their own.
fn merge_collinear(rules: Vec<Rule>) -> Vec<Rule> {
    let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) = rules.into_iter().partition(Rule::is_horizontal);
    // Keyed by (position across, start along, end along).
    let join = |mut segments: Vec<(f32, f32, f32)>| -> Vec<(f32, f32, f32)> {
        // Lines at (nearly) the same position form a cluster; within it the
        // pieces are joined where they touch or overlap.
        segments.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut clusters: Vec<Vec<(f32, f32, f32)>> = Vec::new();
        for segment in segments {
            match clusters.last_mut() {
                Some(cluster)
                    if cluster
                        .first()
                        .is_some_and(|first| (segment.0 - first.0).abs() <= SNAP / 2.0) =>
                {
                    cluster.push(segment)
                }
                _ => clusters.push(vec![segment]),
            }
        }
        let mut out: Vec<(f32, f32, f32)> = Vec::new();
        for mut cluster in clusters {
            cluster.sort_by(|a, b| a.1.total_cmp(&b.1));
            let mut joined: Vec<(f32, f32, f32)> = Vec::new();
            for (at, start, end) in cluster {
                match joined.last_mut() {
                    Some(last) if start <= last.2 + SNAP => last.2 = last.2.max(end),
                    _ => joined.push((at, start, end)),
                }
            }
            out.extend(joined);
        }
        out
    };
    let h = join(
        horizontal
            .iter()
            .map(|r| (r.y0, r.x0.min(r.x1), r.x0.max(r.x1)))
            .collect(),
    );
    let v = join(
        vertical
            .iter()
            .map(|r| (r.x0, r.y0.min(r.y1), r.y0.max(r.y1)))
            .collect(),
    );
    h.into_iter()
        .map(|(y, x0, x1)| Rule { x0, y0: y, x1, y1: y })
        .chain(v.into_iter().map(|(x, y0, y1)| Rule { x0: x, y0, x1: x, y1 }))
        .collect()
}

/// Union-find over `0..n`: the smaller index of a set is its root.
struct DisjointSet {
    parent: Vec<usize>,
}

impl DisjointSet {
    fn new(n: usize) -> DisjointSet {
        DisjointSet {
            parent: (0..n).collect(),
        }
    }

    /// The root of `i`'s set (paths halved on the way).
    fn find(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = grand;
            }
            i = p;
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            if let Some(slot) = self.parent.get_mut(a.max(b)) {
                *slot = a.min(b);
            }
        }
    }
}

/// The tables of a page: groups of touching rules with at least two
/// horizontal and two vertical lines.
fn grids<'g>(rules: &[Rule]) -> Vec<Grid<'g>> {
    // jixiao-pdf keeps at most MAX_RULES per page (reported as a `limit`).
    let rules = merge_collinear(rules.iter().copied().take(jixiao_pdf::MAX_RULES).collect());
    // Union rules that touch.
    let mut sets = DisjointSet::new(rules.len());
    let (horizontal, vertical): (Vec<usize>, Vec<usize>) =
        (0..rules.len()).partition(|&i| rules.get(i).is_some_and(Rule::is_horizontal));
    let mut touched = vec![false; rules.len()];
    for &h in &horizontal {
        for &v in &vertical {
            let (Some(hr), Some(vr)) = (rules.get(h), rules.get(v)) else {
                continue;
            };
            let touch = vr.x0 >= hr.x0 - 2.0 * SNAP
                && vr.x0 <= hr.x1 + 2.0 * SNAP
                && hr.y0 >= vr.y0 - 2.0 * SNAP
                && hr.y0 <= vr.y1 + 2.0 * SNAP;
            if touch {
                if let Some(t) = touched.get_mut(v) {
                    *t = true;
                }
                sets.union(h, v);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = std::collections::BTreeMap::new();
    let mut orphans: Vec<Rule> = Vec::new();
    for i in 0..rules.len() {
        let root = sets.find(i);
        if let Some(rule) = rules.get(i) {
            if !rule.is_horizontal() && !touched.get(i).copied().unwrap_or(true) {
                orphans.push(*rule);
            } else {
                groups.entry(root).or_default().push(*rule);
            }
        }
    }
    let mut groups: Vec<Vec<Rule>> = groups.into_values().collect();
    adopt_open_columns(&mut groups, orphans);
    groups.into_iter().filter_map(|group| Grid::build(&group)).collect()
}

/// A table continued from the previous page leaves the columns of labels
/// that span the break open: their vertical rules run beside the table but
/// no horizontal rule crosses them (Chromium, a rowspan cut by a page
/// break: `产出指标` drawn in a column with neither top nor bottom border).
/// Such a rule joins the table it runs alongside for most of its height, so
/// that the open column becomes one cell; a lone vertical line elsewhere
/// stays no table.
fn adopt_open_columns(groups: &mut [Vec<Rule>], orphans: Vec<Rule>) {
    let extent = |group: &[Rule]| {
        group.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.y0.min(r.y1)), hi.max(r.y0.max(r.y1)))
        })
    };
    let extents: Vec<(f32, f32)> = groups.iter().map(|g| extent(g)).collect();
    for rule in orphans {
        let (top, bottom) = (rule.y0.min(rule.y1), rule.y0.max(rule.y1));
        let fits = |&(lo, hi): &(f32, f32)| {
            let overlap = hi.min(bottom) - lo.max(top);
            let height = hi - lo;
            height > 0.0 && overlap >= OPEN_COLUMN_SHARE * height && overlap >= OPEN_COLUMN_SHARE * (bottom - top)
        };
        let best = extents
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e))
            .map(|(i, _)| i)
            .next();
        if let Some(group) = best.and_then(|i| groups.get_mut(i)) {
            group.push(rule);
        }
    }
}

impl<'g> Grid<'g> {
    /// The row and column boundaries of a table's rules: where rules run,
    /// and where a table's outer border is not drawn, the ends of the rules
    /// that cross it stand in for it.
    fn boundaries(h: &[&Rule], v: &[&Rule]) -> (Vec<f32>, Vec<f32>) {
        let h_ends = h.iter().flat_map(|r| [r.x0, r.x1]);
        let v_ends = v.iter().flat_map(|r| [r.y0, r.y1]);
        let (min_x, max_x) = h_ends.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
        let (min_y, max_y) = v_ends.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let rows = clusters(
            h.iter()
                .map(|r| r.y0)
                .chain([min_y, max_y])
                .filter(|y| y.is_finite())
                .collect(),
        );
        let cols = clusters(
            v.iter()
                .map(|r| r.x0)
                .chain([min_x, max_x])
                .filter(|x| x.is_finite())
                .collect(),
        );
        (rows, cols)
    }

    /// A table of `rules`: its boundaries, its boxes joined into cells
    /// where no rule parts them, and its open outer edges.
    fn build(rules: &[Rule]) -> Option<Grid<'g>> {
        let (h, v): (Vec<&Rule>, Vec<&Rule>) = rules.iter().partition(|r| r.is_horizontal());
        let (rows, cols) = Grid::boundaries(&h, &v);
        // A grid of more boxes is no form (a chart's hatching): its text is
        // read as free lines instead, nothing is lost.
        if rows.len() < 2 || cols.len() < 2 || rows.len() * cols.len() > MAX_GRID_BOXES {
            return None;
        }
        let (nr, nc) = (rows.len() - 1, cols.len() - 1);
        // The spans of the rules along each column (row) boundary, found
        // once: a box's sides are then looked up by boundary, not by a scan
        // of every rule of the page for each box.
        let along = |bounds: &[f32], rules: &[&Rule], at: fn(&Rule) -> f32, span: fn(&Rule) -> (f32, f32)| {
            bounds
                .iter()
                .map(|&b| {
                    rules
                        .iter()
                        .filter(|r| (at(r) - b).abs() <= SNAP)
                        .map(|r| span(r))
                        .collect()
                })
                .collect::<Vec<Vec<(f32, f32)>>>()
        };
        let v_along = along(&cols, &v, |r| r.x0, |r| (r.y0, r.y1));
        let h_along = along(&rows, &h, |r| r.y0, |r| (r.x0, r.x1));
        let covered = |spans: Option<&Vec<(f32, f32)>>, at: f32| {
            spans.is_some_and(|spans| spans.iter().any(|&(a, b)| a - SNAP <= at && at <= b + SNAP))
        };
        // A vertical rule on column boundary `c` at height `y`; a horizontal
        // one on row boundary `r` at `x`.
        let covers_v = |c: usize, y: f32| covered(v_along.get(c), y);
        let covers_h = |r: usize, x: f32| covered(h_along.get(r), x);
        // Cells are rectangles: the boxes of a row that no vertical rule
        // parts are one segment, and a segment joins the one below when
        // both span the same columns and no rule parts them. Joining every
        // pair of unparted boxes instead would let a region without rules
        // grow around corners (MuPDF draws each cell's sides and bottom,
        // never its top, and a rowspan sometimes only over its first row:
        // the empty label columns below would run into the name cell).
        let mut sets = DisjointSet::new(nr * nc);
        let middles = |bounds: &[f32]| -> Vec<f32> { bounds.windows(2).map(|w| w.iter().sum::<f32>() / 2.0).collect() };
        let (mid_ys, mid_xs) = (middles(&rows), middles(&cols));
        let mut segment = vec![(0usize, 0usize); nr * nc];
        for (r, &mid_y) in mid_ys.iter().enumerate() {
            let mut start = 0;
            for c in 0..nc {
                let ends = c + 1 == nc || covers_v(c + 1, mid_y);
                if !ends {
                    sets.union(r * nc + c, r * nc + c + 1);
                    continue;
                }
                for k in start..=c {
                    *segment.get_mut(r * nc + k)? = (start, c);
                }
                start = c + 1;
            }
        }
        for r in 0..nr.saturating_sub(1) {
            for c in 0..nc {
                let (left, right) = segment.get(r * nc + c).copied()?;
                if c != left || segment.get((r + 1) * nc + c).copied()? != (left, right) {
                    continue;
                }
                // The table's outer edges too: a side ruled in one row and
                // open in the next is where a cell starts (a label cut by a
                // page break is drawn with no rule above the label below it).
                let (above, below) = (mid_ys.get(r).copied()?, mid_ys.get(r + 1).copied()?);
                let (x0, x1) = (left, right + 1);
                let sides_alike =
                    covers_v(x0, above) == covers_v(x0, below) && covers_v(x1, above) == covers_v(x1, below);
                let open = (left..=right).all(|k| mid_xs.get(k).is_some_and(|&x| !covers_h(r + 1, x)));
                if open && sides_alike {
                    sets.union(r * nc + c, (r + 1) * nc + c);
                }
            }
        }
        let mut owner = vec![0usize; nr * nc];
        let mut index_of_root: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut cells: Vec<GridCell> = Vec::new();
        for i in 0..nr * nc {
            let root = sets.find(i);
            let (r, c) = (i / nc, i % nc);
            let index = *index_of_root.entry(root).or_insert_with(|| {
                cells.push(GridCell {
                    top: r,
                    left: c,
                    right: c,
                    glyphs: Vec::new(),
                });
                cells.len() - 1
            });
            if let Some(cell) = cells.get_mut(index) {
                cell.top = cell.top.min(r);
                cell.left = cell.left.min(c);
                cell.right = cell.right.max(c);
            }
            *owner.get_mut(i)? = index;
        }
        let open = |r: usize| -> Vec<bool> {
            (0..nc)
                .map(|c| {
                    let mid = (cols.get(c).copied().unwrap_or(0.0) + cols.get(c + 1).copied().unwrap_or(0.0)) / 2.0;
                    !covers_h(r, mid)
                })
                .collect()
        };
        let (open_top, open_bottom) = (open(0), open(nr));
        Some(Grid {
            rows,
            cols,
            owner,
            cells,
            open_top,
            open_bottom,
        })
    }

    /// Splits a cell across several columns at an inner column boundary
    /// that its text keeps clear of, with text on both sides: two cells
    /// whose parting rule is not drawn (MuPDF prints the two goal cells
    /// under `项目总目标` and `年度总体目标` side by side with no rule
    /// between them). Running text across the cell crosses every boundary
    /// and is left whole.
    fn split_unruled_columns(&mut self) {
        let nc = self.cols.len().saturating_sub(1);
        let mut index = 0;
        while index < self.cells.len() {
            let Some(cell) = self.cells.get(index) else { break };
            let boundary =
                (cell.left + 1..=cell.right).find(|&k| self.cols.get(k).is_some_and(|&x| parts_at(&cell.glyphs, x)));
            let Some(k) = boundary else {
                index += 1;
                continue;
            };
            let Some(x) = self.cols.get(k).copied() else { break };
            let new_index = self.cells.len();
            let Some(cell) = self.cells.get_mut(index) else { break };
            let (stay, moved): (Vec<&Glyph>, Vec<&Glyph>) = std::mem::take(&mut cell.glyphs)
                .into_iter()
                .partition(|g| g.x1 <= x + SNAP);
            cell.glyphs = stay;
            let right_part = GridCell {
                top: cell.top,
                left: k,
                right: cell.right,
                glyphs: moved,
            };
            cell.right = k - 1;
            self.cells.push(right_part);
            for (i, owner) in self.owner.iter_mut().enumerate() {
                if *owner == index && nc > 0 && i % nc >= k {
                    *owner = new_index;
                }
            }
            // The left part may split again at another boundary.
        }
    }

    fn push(&mut self, index: usize, glyph: &'g Glyph) {
        if let Some(cell) = self.cells.get_mut(index) {
            cell.glyphs.push(glyph);
        }
    }

    /// The empty cell of the first (last) grid row under a point just above
    /// (below) the grid, within [`BEYOND_GRID`].
    fn empty_cell_beside(&self, x: f32, y: f32) -> Option<usize> {
        let (first_x, last_x) = (*self.cols.first()?, *self.cols.last()?);
        let (first_y, last_y) = (*self.rows.first()?, *self.rows.last()?);
        if x < first_x || x > last_x {
            return None;
        }
        let row = if y < first_y && y >= first_y - BEYOND_GRID {
            0
        } else if y > last_y && y <= last_y + BEYOND_GRID {
            self.rows.len().checked_sub(2)?
        } else {
            return None;
        };
        let c = self.col_of(x);
        let index = *self.owner.get(row * (self.cols.len() - 1) + c)?;
        // An empty cell takes the text; so does a cell whose edge toward
        // the text has no rule: a merged label cut by a page break, its
        // first lines drawn above the page's table (LibreOffice:
        // `社会公众或服务对象满意度` above, `指标` inside).
        let open = if row == 0 { &self.open_top } else { &self.open_bottom };
        let empty = self.cells.get(index)?.glyphs.is_empty();
        (empty || open.get(c).copied().unwrap_or(false)).then_some(index)
    }

    /// The cell of the last grid row whose text runs over the table's
    /// bottom edge: a glyph touching the edge from below (within
    /// [`OVERFLOW`] of its size), under a cell that holds text. Chromium
    /// draws `绩效` / `指标` of a label cut by a page break with the second
    /// line below the rule that closes the page's part of the table.
    fn overflowed_cell(&self, glyph: &Glyph) -> Option<usize> {
        let (cx, _) = center(glyph);
        let (first_x, last_x) = (*self.cols.first()?, *self.cols.last()?);
        let last_y = *self.rows.last()?;
        let gap = glyph.y0 - last_y;
        if cx < first_x || cx > last_x || gap < 0.0 || gap > OVERFLOW * glyph.size.max(1.0) {
            return None;
        }
        let row = self.rows.len().checked_sub(2)?;
        let index = *self.owner.get(row * (self.cols.len() - 1) + self.col_of(cx))?;
        // The cell's own text runs on in its own size; a heading set under
        // the table in a larger one is not the cell's (Gnumeric prints the
        // next form's `财政项目支出绩效目标申报表` at 16 pt right under the
        // last row's rule, ignoring page breaks).
        let last = self.cells.get(index)?.glyphs.last()?;
        ((glyph.size - last.size).abs() <= SAME_SIZE * last.size.max(glyph.size)).then_some(index)
    }

    /// The grid column under `x` (clamped to the grid).
    fn col_of(&self, x: f32) -> usize {
        self.cols
            .partition_point(|&b| b <= x)
            .saturating_sub(1)
            .min(self.cols.len().saturating_sub(2))
    }

    fn cell_at(&self, x: f32, y: f32) -> Option<usize> {
        let (first_x, last_x) = (*self.cols.first()?, *self.cols.last()?);
        let (first_y, last_y) = (*self.rows.first()?, *self.rows.last()?);
        if x < first_x || x > last_x || y < first_y || y > last_y {
            return None;
        }
        let c = self.col_of(x);
        let r = self
            .rows
            .partition_point(|&b| b <= y)
            .saturating_sub(1)
            .min(self.rows.len() - 2);
        self.owner.get(r * (self.cols.len() - 1) + c).copied()
    }
}

/// Least gap, in em, between the text either side of a column boundary for
/// the boundary to part two cells: more than the space between two glyphs
/// of a line (ideographs touch; a word space is about a quarter em), less
/// than two cell paddings.
const PARTING_GAP: f32 = 0.4;

/// True when the glyphs of a cell keep clear of `x` on both sides of it,
/// with a [`PARTING_GAP`] on every line that has text on both sides.
fn parts_at(glyphs: &[&Glyph], x: f32) -> bool {
    let ink = || glyphs.iter().copied().filter(|g| !g.text.trim().is_empty());
    let left = |g: &Glyph| g.x1 <= x + SNAP;
    let right = |g: &Glyph| g.x0 >= x - SNAP;
    // One pass, no list, for the common answer: a glyph across `x` (a
    // merged cell's text runs over the boundary).
    let (mut any_left, mut any_right) = (false, false);
    for g in ink() {
        let (l, r) = (left(g), right(g));
        if !l && !r {
            return false;
        }
        any_left |= l;
        any_right |= r;
    }
    if !(any_left && any_right) {
        return false;
    }
    lines(ink().collect()).iter().all(|line| {
        let end = line
            .iter()
            .filter(|g| left(g))
            .map(|g| g.x1)
            .fold(f32::NEG_INFINITY, f32::max);
        let start = line
            .iter()
            .filter(|g| right(g))
            .map(|g| g.x0)
            .fold(f32::INFINITY, f32::min);
        let size = line.first().map_or(1.0, |g| g.size.max(1.0));
        !(end.is_finite() && start.is_finite()) || start - end >= PARTING_GAP * size
    })
}

/// A human-readable summary of the tables found on a page (for debugging
/// layouts: `jixiao-layout`'s `grids` example).
pub fn describe_grids(page: &Page) -> String {
    let mut out = String::new();
    for (i, grid) in grids(&page.rules).iter().enumerate() {
        out.push_str(&format!("grid {i}: rows {:?}\n  cols {:?}\n", grid.rows, grid.cols));
        for cell in &grid.cells {
            out.push_str(&format!(
                "  cell top {} cols {}..={}\n",
                cell.top, cell.left, cell.right
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32) -> Glyph {
        Glyph {
            text: text.into(),
            x0: x,
            y0: y,
            x1: x + 10.0,
            y1: y + 10.0,
            size: 10.0,
        }
    }

    fn page(glyphs: Vec<Glyph>, rules: Vec<Rule>) -> Page {
        Page {
            number: 1,
            width: 200.0,
            height: 200.0,
            glyphs,
            rules,
            problems: vec![],
            undecoded: vec![],
            unfonted: 0,
            limits: vec![],
        }
    }

    fn h(y: f32, x0: f32, x1: f32) -> Rule {
        Rule { x0, y0: y, x1, y1: y }
    }

    fn v(x: f32, y0: f32, y1: f32) -> Rule {
        Rule { x0: x, y0, x1: x, y1 }
    }

    fn cells(rows: &[Row]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.cells.clone()).collect()
    }

    /// Rows of pages read one after the other, cut rows joined.
    fn read_pages(pages: &[Page]) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut cut = None;
        for page in pages {
            let (more, bottom) = join_cut_row(&mut rows, cut.as_ref(), page_rows_with_cuts(page));
            rows.extend(more);
            cut = bottom;
        }
        rows
    }

    #[test]
    fn a_row_cut_by_a_page_break_is_joined_when_both_parts_are_open() {
        // A name | target table: page 1 ends inside the row 丙 | 丁 (no
        // rule under it); page 2 goes on with 戊 under the target, no
        // rule above it, then the row 己 | 庚.
        let sides = |top: f32, bottom: f32| vec![v(0.0, top, bottom), v(50.0, top, bottom), v(100.0, top, bottom)];
        let mut rules_1 = sides(0.0, 40.0);
        rules_1.extend([h(0.0, 0.0, 100.0), h(20.0, 0.0, 100.0)]);
        let first = page(
            vec![
                glyph("甲", 10.0, 5.0),
                glyph("乙", 60.0, 5.0),
                glyph("丙", 10.0, 25.0),
                glyph("丁", 60.0, 25.0),
            ],
            rules_1,
        );
        let mut rules_2 = sides(0.0, 40.0);
        rules_2.extend([h(20.0, 0.0, 100.0), h(40.0, 0.0, 100.0)]);
        let glyphs_2 = vec![glyph("戊", 60.0, 5.0), glyph("己", 10.0, 25.0), glyph("庚", 60.0, 25.0)];
        let second = Page {
            number: 2,
            ..page(glyphs_2.clone(), rules_2.clone())
        };
        assert_eq!(
            cells(&read_pages(&[first.clone(), second])),
            vec![vec!["甲", "乙"], vec!["丙", "丁\n戊"], vec!["己", "庚"]]
        );
        // A rule above 戊: a row of its own.
        rules_2.push(h(0.0, 0.0, 100.0));
        let closed = Page {
            number: 2,
            ..page(glyphs_2, rules_2)
        };
        assert_eq!(
            cells(&read_pages(&[first, closed])),
            vec![vec!["甲", "乙"], vec!["丙", "丁"], vec!["戊"], vec!["己", "庚"]]
        );
    }

    /// Under a table's last rule: a line of the last row's cell in its own
    /// size is that cell's (Chromium's `绩效` / `指标` cut by a page break);
    /// a larger heading set right under the rule (Gnumeric's next form,
    /// with no page break) is a row of its own.
    #[test]
    fn text_under_the_last_rule_is_the_cells_only_in_the_cells_size() {
        let rules = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            v(0.0, 0.0, 20.0),
            v(50.0, 0.0, 20.0),
            v(100.0, 0.0, 20.0),
        ];
        let under = |size: f32| Glyph {
            size,
            y1: 21.0 + size,
            ..glyph("下", 10.0, 21.0)
        };
        let rows = |size: f32| {
            let glyphs = vec![glyph("甲", 10.0, 5.0), glyph("乙", 60.0, 5.0), under(size)];
            cells(&page_rows(&page(glyphs, rules.clone())))
        };
        assert_eq!(rows(10.0), vec![vec!["甲\n下", "乙"]]);
        assert_eq!(rows(16.0), vec![vec!["甲", "乙"], vec!["下"]]);
    }

    /// A merged cell cut by a page break, its lines drawn centred in the
    /// whole cell, below the page's part of the table (Gnumeric's `项目` /
    /// `绩效` / `目标`): the lines under the ones taken are the cell's too,
    /// however far below the table.
    #[test]
    fn a_cut_cells_lines_below_the_table_stay_together() {
        let rules = vec![
            h(0.0, 0.0, 100.0),
            h(20.0, 0.0, 100.0),
            h(40.0, 50.0, 100.0),
            v(0.0, 0.0, 40.0),
            v(50.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
        ];
        let glyphs = vec![
            glyph("甲", 10.0, 5.0),
            glyph("乙", 60.0, 5.0),
            glyph("丙", 60.0, 25.0),
            glyph("项", 10.0, 140.0),
            glyph("目", 10.0, 152.0),
            glyph("标", 10.0, 164.0),
        ];
        let rows = page_rows(&page(glyphs, rules));
        assert_eq!(cells(&rows), vec![vec!["甲", "乙"], vec!["项\n目\n标", "丙"]]);
    }

    #[test]
    fn a_table_drawn_without_its_outer_border() {
        // Only the inner cross of a 2×2 table is drawn.
        let glyphs = vec![
            glyph("甲", 10.0, 5.0),
            glyph("乙", 60.0, 5.0),
            glyph("丙", 10.0, 25.0),
            glyph("丁", 60.0, 25.0),
        ];
        let rows = page_rows(&page(glyphs, vec![h(20.0, 0.0, 100.0), v(50.0, 0.0, 40.0)]));
        assert_eq!(cells(&rows), vec![vec!["甲", "乙"], vec!["丙", "丁"]]);
        assert!(rows.iter().all(|r| r.ruled));
    }

    #[test]
    fn a_merged_cell_keeps_its_lines_and_appears_once() {
        // Column 0 rows 0–1 merged (no border between them), drawn piecewise.
        let rules = vec![
            h(0.0, 0.0, 150.0),
            h(20.0, 50.0, 150.0),
            h(40.0, 0.0, 150.0),
            v(0.0, 0.0, 20.0),
            v(0.0, 20.0, 40.0),
            v(50.0, 0.0, 40.0),
            v(150.0, 0.0, 40.0),
        ];
        let glyphs = vec![
            glyph("产", 10.0, 8.0),
            glyph("出", 20.0, 8.0),
            glyph("指", 10.0, 22.0),
            glyph("标", 20.0, 22.0),
            glyph("甲", 60.0, 5.0),
            glyph("乙", 60.0, 25.0),
        ];
        let rows = page_rows(&page(glyphs, rules));
        assert_eq!(cells(&rows), vec![vec!["产出\n指标", "甲"], vec!["乙"]]);
    }

    #[test]
    fn overprinted_glyphs_count_once_and_spread_ideographs_get_no_spaces() {
        let mut glyphs = vec![
            glyph("项", 10.0, 10.0),
            glyph("目", 40.0, 10.0),
            glyph("A", 70.0, 10.0),
            glyph("B", 90.0, 10.0),
        ];
        glyphs.push(glyph("项", 10.4, 10.3));
        glyphs.push(glyph("目", 40.3, 10.0));
        let boxed = vec![
            h(0.0, 0.0, 120.0),
            h(30.0, 0.0, 120.0),
            v(0.0, 0.0, 30.0),
            v(120.0, 0.0, 30.0),
        ];
        let rows = page_rows(&page(glyphs, boxed));
        assert_eq!(cells(&rows), vec![vec!["项目A B"]]);
    }

    /// A narrow glyph's repeat a hair aside is an overprint; the same
    /// glyph a whole advance on is the next letter (`ll` of `Hello` in
    /// Times: 0.28 em apart, under a third of an em).
    #[test]
    fn repeated_narrow_letters_are_not_overprints() {
        let narrow = |x: f32| Glyph {
            text: "l".into(),
            x0: x,
            y0: 10.0,
            x1: x + 2.78,
            y1: 20.0,
            size: 10.0,
        };
        let kept = |glyphs: &[Glyph]| dedupe(glyphs, 100.0, 100.0).len();
        assert_eq!(kept(&[narrow(10.0), narrow(12.78)]), 2);
        assert_eq!(kept(&[narrow(10.0), narrow(10.4)]), 1);
        assert_eq!(kept(&[narrow(10.0), narrow(10.9)]), 1);
    }

    /// Thousands of different glyphs stacked on one spot are all kept, each
    /// compared with at most MAX_CELL_CHAIN others: a repeat of the latest
    /// is still dropped; one of the first, beyond that many, is kept.
    #[test]
    fn glyphs_stacked_on_one_spot_are_compared_with_a_bounded_few() {
        let mut glyphs: Vec<Glyph> = (0..2000).map(|i| glyph(&i.to_string(), 10.0, 10.0)).collect();
        glyphs.push(glyph("1999", 10.1, 10.0));
        glyphs.push(glyph("0", 10.1, 10.0));
        let kept: Vec<String> = dedupe(&glyphs, 100.0, 100.0)
            .iter()
            .map(|g| g.text.to_string())
            .collect();
        assert_eq!(kept.len(), 2001);
        assert_eq!(kept.last().map(String::as_str), Some("0"));
    }

    /// The rule `dedupe` keeps, written the slow way: a glyph is dropped
    /// when an earlier kept glyph of the same text lies within its
    /// tolerance both ways.
    fn dedupe_by_pairs(glyphs: &[Glyph]) -> Vec<Glyph> {
        let mut out: Vec<Glyph> = Vec::new();
        for g in glyphs {
            let (reach_x, reach_y) = overprint_reach(g);
            let repeated = !g.text.trim().is_empty()
                && out
                    .iter()
                    .any(|o| o.text == g.text && (o.x0 - g.x0).abs() < reach_x && (o.y0 - g.y0).abs() < reach_y);
            if !repeated {
                out.push(g.clone());
            }
        }
        out
    }

    proptest::proptest! {
        /// Glyphs of few texts, packed close (tolerance 3 pt at size 10, on
        /// a 0.25 pt lattice so that edges of the hash cells are hit):
        /// the hashed dedupe keeps exactly the glyphs the pairwise rule keeps.
        #[test]
        fn dedupe_keeps_what_pairwise_comparison_keeps(
            spots in proptest::collection::vec((0u8..3, 0u16..160, 0u16..160), 0..120)
        ) {
            let glyphs: Vec<Glyph> = spots
                .iter()
                .map(|&(t, x, y)| glyph(["甲", "乙", " "][usize::from(t)], f32::from(x) / 4.0, f32::from(y) / 4.0))
                .collect();
            proptest::prop_assert_eq!(
                dedupe(&glyphs, 100.0, 100.0).into_iter().cloned().collect::<Vec<_>>(),
                dedupe_by_pairs(&glyphs)
            );
        }
    }
}
