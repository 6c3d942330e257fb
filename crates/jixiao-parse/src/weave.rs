//! LibreOffice's two drawing passes, woven back into row order.
//!
//! LibreOffice draws a page's cells in two passes: first every cell whose
//! text fits on one line, row by row, then every cell that wraps (or needs
//! its text engine), row by row. PyMuPDF prints the text in that order, so
//! a table's rows lose the cells of the second pass:
//!
//! ```text
//! 产出指标                      ← first pass
//! 数量指标
//! 心理健康讲座场次              ← a name; its target wrapped
//! 个案咨询人次
//! 质量指标
//! 心理健康知晓率
//! 90%                           ← a target that fits
//! …
//! 年度(/项目)指标值             ← second pass (the heading cells before it
//! 不低于12场                       are taken off by `regrid`)
//! ≥300(人次)
//! ```
//!
//! The first pass's cells (`P`) keep their order, as do the second's
//! (`Q`); both are row by row, so the table is an interleaving of the two.
//! [`weave`] finds the interleaving whose rows alternate name and target
//! at least cost: a numeric target read as a name costs most, a first-pass
//! text read as a target (it would be short or a number to fit) costs, a
//! second-pass text read as a name costs a little, a blank cell costs; no
//! row crosses a label, which starts a row. The dump's order still is not
//! row order, and `regrid` reports it (`OutOfRowOrder`).

use jixiao_layout::Row;
use jixiao_model::Location;

use crate::regrid::{ruled_row, width, Label, Piece};
use crate::stream::numeric_target;
use crate::vocab::LabelLevel;

/// Cost of a numeric target (`≥300(人次)`) read as a name.
const NUMBER_AS_NAME: f32 = 3.0;
/// Cost of a first-pass text read as a target: a target drawn in the
/// first pass fits on a line, and most such are short or numbers.
const FIRST_PASS_TEXT_AS_TARGET: f32 = 1.0;
/// Longest first-pass text read as a target at no cost (`长期`, `完成`).
const SHORT_TARGET: usize = 4;
/// Cost of a second-pass text read as a name: names wrap less often than
/// targets.
const SECOND_PASS_NAME: f32 = 0.5;
/// Cost of a text shaped like a target (a date, a deadline) read as a
/// name.
const TARGET_SHAPED_NAME: f32 = 1.0;
/// Longest text read as a target's shape when it stands as a name (`长期`,
/// `完成`, `有效`): names say what is measured, in more characters.
const SHORTEST_NAME: usize = 2;
/// Cost of a text shaped like a name (`…成功率`) read as a target.
const NAME_SHAPED_TARGET: f32 = 0.5;
/// Cost of each second-pass line joined to the cell above it, beyond the
/// wrap width's evidence (a name that wrapped alone on its page).
const JOINED_LINE: f32 = 0.3;
/// Most second-pass cells joined into one.
const MAX_JOINED: usize = 4;
/// Cost of a cell left blank.
const BLANK: f32 = 2.0;
/// Display width from which the second pass's lines may be the full lines
/// of a wrapped cell (two columns' worth of four ideographs).
const MIN_WRAP_WIDTH: usize = 16;
/// Display units by which a wrapped line may fall short of its column.
const WRAP_SLACK: usize = 3;
/// Most cells woven: beyond, the table is no page's.
const MAX_CELLS: usize = 400;
/// Most pages of one form's table woven.
const MAX_PAGES: usize = 20;

/// Where the second pass stands in a table's content (dump lines).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PassTwo {
    /// The first pass ends before this line (the year line or title that
    /// starts the second).
    pub(crate) first_ends: u32,
    /// The second pass's cells start after this line (the header's last
    /// cell).
    pub(crate) second_after: u32,
}

/// The rows of both passes woven, and the labels and content after them
/// (the next page's, read as ever).
pub(crate) struct Woven {
    pub(crate) rows: Vec<Row>,
    pub(crate) labels: Vec<Label>,
    pub(crate) content: Vec<Piece>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Name,
    Target,
}

/// A step of the weave: the next first-pass cell, the next second-pass
/// cell (its lines), or a blank cell.
#[derive(Debug, Clone, Copy)]
enum Step {
    First,
    /// The next second-pass cells, this many joined into one.
    Second(usize),
    Blank,
}

/// Weaves each page of the table: the first page's passes from `pass`, a
/// later page's first pass from the label after the page before (its
/// labels are drawn again) to the block marker's pieces that start its
/// second pass (`绩效` / `指标`, at `marker_lines`), its second pass from
/// there to the next label. `None` where a page does not weave.
pub(crate) fn weave(labels: &[Label], content: &[Piece], marker_lines: &[u32], pass: PassTwo) -> Option<Woven> {
    let next_label = |after: f32| {
        labels
            .iter()
            .map(|l| l.at)
            .filter(|&at| at > after)
            .fold(f32::INFINITY, f32::min)
    };
    let mut pages: Vec<Page> = Vec::new();
    let (mut from, mut pass) = (f32::NEG_INFINITY, pass);
    loop {
        let to = next_label(pass.second_after as f32);
        pages.push(Page { from, pass, to });
        // The next page's second pass starts at a run of marker pieces.
        let Some(&start) = marker_lines.iter().filter(|&&m| m as f32 > to).min() else {
            break;
        };
        let mut end = start;
        while marker_lines.contains(&(end + 1)) {
            end += 1;
        }
        from = to;
        pass = PassTwo {
            first_ends: start,
            second_after: end,
        };
        if pages.len() > MAX_PAGES {
            return None;
        }
    }
    carry_between_pages(labels, content, &mut pages);
    let mut rows = Vec::new();
    for page in &pages {
        rows.extend(page_rows(labels, content, page)?.rows);
    }
    // Its rows as the search wove them.
    if let Some((last, last_rows)) = last_page_without_markers(labels, content, pages.last()?.to) {
        pages.push(last);
        rows.extend(last_rows);
    }
    let last_to = pages.last()?.to;
    let taken = |line: u32| {
        pages
            .iter()
            .any(|page| page.first_holds(line) || page.second_holds(line))
    };
    Some(Woven {
        rows,
        labels: labels.iter().filter(|l| l.at >= last_to).cloned().collect(),
        content: content.iter().filter(|p| !taken(p.line)).cloned().collect(),
    })
}

/// A page's rows woven, and what the weave cost.
fn page_rows(labels: &[Label], content: &[Piece], page: &Page) -> Option<PageWeave> {
    let first: Vec<&Piece> = content.iter().filter(|p| page.first_holds(p.line)).collect();
    let second: Vec<&Piece> = content.iter().filter(|p| page.second_holds(p.line)).collect();
    // The label that ends the page before is this page's first.
    let page_labels: Vec<&Label> = labels
        .iter()
        .filter(|l| l.at >= page.from && l.at < page.pass.first_ends as f32)
        .collect();
    weave_page(&page_labels, &first, &second_cells(&second), page.pass)
}

/// Most cells of a last page's second pass tried (a page's wrapped cells;
/// each split tried weaves the page once).
const MAX_SECOND_PASS: usize = 64;

/// Least cost by which a split of a last page into two passes must beat
/// reading it as one pass: a blank cell's (a split that saves nothing is
/// no evidence of a second pass).
const SPLIT_GAIN: f32 = BLANK;

/// The table's last page after the label `from` where no block marker
/// starts its second pass (LibreOffice draws a merged label's text on the
/// page its middle falls on only): its second pass starts after its last
/// label, at the piece where splitting weaves cheapest, when that beats
/// one pass by [`SPLIT_GAIN`]:
///
/// ```text
/// 质量指标                 ← first pass: labels, targets and names that fit
/// ≥95%
/// ≥95%
/// 时效指标
/// 年度巡访任务完成时间
/// …
/// 第1片区巡访记录完整率     ← second pass: the names that wrapped
/// 第2片区巡访记录完整率
/// 2026年12月15日前
/// ```
fn last_page_without_markers(labels: &[Label], content: &[Piece], from: f32) -> Option<(Page, Vec<Row>)> {
    let (page, woven) = last_page(labels, content, from)?.taken()?;
    Some((page, woven.rows))
}

/// The table's last page after `from` woven both ways: as one pass, and
/// split where that weaves cheapest.
struct LastPage {
    one_pass: f32,
    split: Option<(Page, PageWeave)>,
}

impl LastPage {
    /// The split, where it beats one pass by [`SPLIT_GAIN`].
    fn taken(self) -> Option<(Page, PageWeave)> {
        let one_pass = self.one_pass;
        self.split.filter(|(_, woven)| woven.cost + SPLIT_GAIN <= one_pass)
    }
}

fn last_page(labels: &[Label], content: &[Piece], from: f32) -> Option<LastPage> {
    if !from.is_finite() {
        return None;
    }
    let last_label = labels
        .iter()
        .map(|l| l.at)
        .filter(|&at| at >= from)
        .fold(from, f32::max);
    let page = |first_ends: u32| Page {
        from,
        pass: PassTwo {
            first_ends,
            second_after: first_ends.saturating_sub(1),
        },
        to: f32::INFINITY,
    };
    let after = content.iter().filter(|p| p.line as f32 > from).count();
    if after == 0 || after > MAX_CELLS {
        return None;
    }
    let one_pass = page_rows(labels, content, &page(u32::MAX))?.cost;
    let mut best: Option<(Page, PageWeave)> = None;
    let tail: Vec<&Piece> = content.iter().filter(|p| p.line as f32 > last_label).collect();
    let skip = tail.len().saturating_sub(MAX_SECOND_PASS);
    for piece in tail.into_iter().skip(skip) {
        let candidate = page(piece.line);
        let Some(woven) = page_rows(labels, content, &candidate) else {
            continue;
        };
        if best.as_ref().is_none_or(|(_, b)| woven.cost < b.cost) {
            best = Some((candidate, woven));
        }
    }
    Some(LastPage { one_pass, split: best })
}

/// Most trailing cells of a page's second pass tried as the next page's
/// first cells.
const MAX_CARRIED: usize = 8;

/// Moves the end of each page's second pass back where the pages on both
/// sides weave cheaper. A page's second pass runs to the next label, but
/// the next page's first pass may begin with cells before its first label:
/// LibreOffice draws a merged label on one page only, so rows that go on
/// under it on the next page come first there (`=100%` / `=100%` /
/// `效益指标`, the targets of `第14居民区活动记录完整率` and the row after).
/// Cells carried over must each share a row with a cell of the next
/// page's second pass: rows whole in themselves are no evidence of a page.
fn carry_between_pages(labels: &[Label], content: &[Piece], pages: &mut [Page]) {
    for k in 0..pages.len() {
        let Some(&this) = pages.get(k) else { return };
        let next = pages.get(k + 1).copied();
        // What the page after `to` costs, and for each of its first-pass
        // cells whether its row holds a second-pass cell (none where the
        // last page reads as one pass).
        let after = |to: f32| -> Option<(f32, Vec<bool>)> {
            match next {
                Some(next) => page_rows(labels, content, &Page { from: to, ..next }).map(|w| (w.cost, w.mixed)),
                None => {
                    let last = last_page(labels, content, to)?;
                    let one_pass = last.one_pass;
                    Some(last.taken().map_or((one_pass, Vec::new()), |(_, w)| (w.cost, w.mixed)))
                }
            }
        };
        // Both pages' cost with this page's second pass ending at `to`,
        // where every cell carried over shares a row with one of the next
        // page's second pass.
        let cost = |to: f32| -> Option<f32> {
            let own = page_rows(labels, content, &Page { to, ..this })?.cost;
            let carried = content
                .iter()
                .filter(|p| this.second_holds(p.line) && p.line as f32 > to)
                .count();
            let (after, mixed) = after(to)?;
            let joined = mixed.get(..carried).is_some_and(|m| m.iter().all(|&x| x));
            joined.then_some(own + after)
        };
        let Some(mut best) = cost(this.to).map(|c| (c, this.to)) else {
            continue;
        };
        let mut ends: Vec<u32> = content
            .iter()
            .map(|p| p.line)
            .filter(|&l| this.second_holds(l))
            .collect();
        ends.sort_unstable();
        ends.dedup();
        for &line in ends.iter().rev().take(MAX_CARRIED) {
            // Just before the piece: it and those after go to the next page.
            let to = line as f32 - 0.5;
            if let Some(c) = cost(to).filter(|&c| c < best.0) {
                best = (c, to);
            }
        }
        if let Some(page) = pages.get_mut(k) {
            page.to = best.1;
        }
        if let Some(page) = pages.get_mut(k + 1) {
            page.from = best.1;
        }
    }
}

/// One page of a table's two passes: its first pass after `from` (the
/// label that ended the page before) up to `pass.first_ends`, its second
/// pass after `pass.second_after` up to `to` (the next label).
#[derive(Debug, Clone, Copy)]
struct Page {
    from: f32,
    pass: PassTwo,
    to: f32,
}

impl Page {
    fn first_holds(&self, line: u32) -> bool {
        line as f32 > self.from && line < self.pass.first_ends
    }

    fn second_holds(&self, line: u32) -> bool {
        line > self.pass.second_after && (line as f32) < self.to
    }
}

/// One page: its first pass's cells and labels, its second pass's cells.
fn weave_page(labels: &[&Label], first: &[&Piece], second: &[Vec<&Piece>], pass: PassTwo) -> Option<PageWeave> {
    if first.is_empty() && second.is_empty() {
        return Some(PageWeave {
            cost: 0.0,
            rows: Vec::new(),
            mixed: Vec::new(),
        });
    }
    if first.len() + second.len() > MAX_CELLS {
        return None;
    }
    // A label before a first-pass cell: no row holds it and the cell before.
    let starts: Vec<bool> = first
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let after = i
                .checked_sub(1)
                .and_then(|k| first.get(k))
                .map_or(f32::NEG_INFINITY, |q| q.line as f32);
            labels.iter().any(|l| l.at > after && l.at < p.line as f32)
        })
        .collect();
    let (total, steps) = cheapest(first, second, &starts)?;
    // Rows: the steps alternate name and target (a blank is a step too).
    let mut cells: Vec<(Vec<String>, u32)> = Vec::new();
    // The row each first-pass cell went to.
    let mut row_of: Vec<usize> = Vec::with_capacity(first.len());
    let mut mixed: Vec<bool> = Vec::with_capacity(first.len());
    let (mut i, mut j) = (0, 0);
    for pair in steps.chunks(2) {
        let with_second = pair.iter().any(|s| matches!(s, Step::Second(_)));
        let mut texts: Vec<String> = Vec::new();
        let mut line: Option<u32> = None;
        for step in pair {
            match step {
                Step::First => {
                    let piece = first.get(i)?;
                    i += 1;
                    row_of.push(cells.len());
                    mixed.push(with_second);
                    line = line.or(Some(piece.line));
                    texts.push(piece.text.clone());
                }
                Step::Second(k) => {
                    let cells = second.get(j..j + k)?;
                    j += k;
                    line = line.or(cells.first().and_then(|c| c.first()).map(|p| p.line));
                    texts.push(
                        cells
                            .iter()
                            .flatten()
                            .map(|p| p.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                }
                Step::Blank => texts.push(String::new()),
            }
        }
        texts.resize(2, String::new());
        cells.push((texts, line.unwrap_or(pass.first_ends)));
    }
    // The labels before each first-pass cell head a row: that cell's, or,
    // two runs' labels with rows of the second pass alone between, the
    // first run's on the first of those rows (`效益指标 社会效益指标` on
    // `治安案件下降率1`, `满意度指标 …` on `居民安全感满意度`). Labels after
    // the last first-pass cell head the row after its.
    let mut heads: Vec<Vec<String>> = vec![Vec::new(); cells.len()];
    let mut previous = f32::NEG_INFINITY;
    for (k, piece) in first.iter().enumerate() {
        let run: Vec<&Label> = labels
            .iter()
            .copied()
            .filter(|l| l.at > previous && l.at < piece.line as f32)
            .collect();
        previous = piece.line as f32;
        let Some(&row) = row_of.get(k) else { continue };
        let after_previous = k.checked_sub(1).and_then(|p| row_of.get(p)).map(|r| r + 1);
        let groups = label_groups(&run);
        match (groups.as_slice(), after_previous) {
            ([one, two], Some(between)) if between < row => {
                heads.get_mut(between)?.extend(one.iter().map(|l| l.text.clone()));
                heads.get_mut(row)?.extend(two.iter().map(|l| l.text.clone()));
            }
            _ => heads.get_mut(row)?.extend(run.iter().map(|l| l.text.clone())),
        }
    }
    let after_last = row_of.last().map_or(0, |r| r + 1);
    let unused = labels.iter().filter(|l| l.at > previous).map(|l| l.text.clone());
    if let Some(h) = heads.get_mut(after_last) {
        h.extend(unused);
    }
    let rows = cells
        .into_iter()
        .zip(heads)
        .map(|((texts, line), mut head)| {
            head.extend(texts);
            ruled_row(Location::Line(line), head, 0)
        })
        .collect();
    Some(PageWeave {
        cost: total,
        rows,
        mixed,
    })
}

/// A page woven: what it cost, its rows, and for each first-pass cell
/// whether its row holds a second-pass cell.
struct PageWeave {
    cost: f32,
    rows: Vec<Row>,
    mixed: Vec<bool>,
}

/// A run of labels cut where a new run starts: at a 一级 label, or at a
/// second 二级 label.
fn label_groups<'a>(run: &[&'a Label]) -> Vec<Vec<&'a Label>> {
    let mut groups: Vec<Vec<&Label>> = Vec::new();
    for &label in run {
        let starts_new = match groups.last() {
            None => true,
            Some(group) => label.level == LabelLevel::One || group.iter().any(|l| l.level == LabelLevel::Two),
        };
        if starts_new {
            groups.push(vec![label]);
        } else if let Some(group) = groups.last_mut() {
            group.push(label);
        }
    }
    groups
}

/// The second pass's lines grouped into cells: a line as wide as the
/// column's wrap width goes on into the next line, unless that is a
/// number (a target of its own). The wrap width is one that two or more
/// lines come to with a shorter text after them, a cell's last line
/// (`利用平台网络信息化系统，及时发布、更新平台` / `联盟服务信息`); names
/// of one width one after another (`第1居民区矛盾调解成功率` /
/// `第2居民区矛盾调解成功率`), or each before its target, are none.
fn second_cells<'a>(lines: &[&'a Piece]) -> Vec<Vec<&'a Piece>> {
    let widths: Vec<usize> = lines.iter().map(|p| width(&p.text)).collect();
    let goes_on = |k: usize| lines.get(k + 1).is_some_and(|next| !numeric_target(&next.text));
    // A cell's last line, shorter than the full one before it.
    let ends_after = |k: usize| {
        goes_on(k) && matches!((widths.get(k), widths.get(k + 1)), (Some(&w), Some(&next)) if next + WRAP_SLACK < w)
    };
    let wrap = widths
        .iter()
        .copied()
        .filter(|&w| {
            w >= MIN_WRAP_WIDTH
                && widths
                    .iter()
                    .enumerate()
                    .filter(|&(k, &o)| o.abs_diff(w) <= 1 && ends_after(k))
                    .count()
                    >= 2
        })
        .max();
    let mut cells: Vec<Vec<&Piece>> = Vec::new();
    let mut open = false;
    for (k, (&line, &w)) in lines.iter().zip(&widths).enumerate() {
        match cells.last_mut() {
            Some(cell) if open => cell.push(line),
            _ => cells.push(vec![line]),
        }
        open = wrap.is_some_and(|wrap| w + WRAP_SLACK >= wrap && w <= wrap + 1)
            && !numeric_target(&line.text)
            && goes_on(k);
    }
    cells
}

fn cost(text: &str, slot: Slot, first_pass: bool) -> f32 {
    let shape = match slot {
        Slot::Name if starts_like_a_date(text) => TARGET_SHAPED_NAME,
        Slot::Name if text.trim().chars().count() <= SHORTEST_NAME && !numeric_target(text) => TARGET_SHAPED_NAME,
        Slot::Target if ends_like_a_name(text) && !numeric_target(text) => NAME_SHAPED_TARGET,
        _ => 0.0,
    };
    shape
        + match slot {
            Slot::Name if numeric_target(text) => NUMBER_AS_NAME,
            Slot::Name if !first_pass => SECOND_PASS_NAME,
            Slot::Name => 0.0,
            Slot::Target if first_pass && !numeric_target(text) && text.chars().count() > SHORT_TARGET => {
                FIRST_PASS_TEXT_AS_TARGET
            }
            Slot::Target => 0.0,
        }
}

/// A target's shape: a date or deadline (`2025年9月底前`).
fn starts_like_a_date(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A name's shape: what is measured (`…成功率`, `…完成时间`, `…人次`).
fn ends_like_a_name(text: &str) -> bool {
    let text = text.trim_end();
    NAME_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Endings of indicator names (what is counted or rated), which targets
/// do not have.
const NAME_ENDINGS: &[&str] = &[
    "率",
    "数",
    "数量",
    "时间",
    "次数",
    "人次",
    "场次",
    "及时性",
    "满意度",
    "覆盖面",
];

/// The cheapest steps from (0, 0, name) to (all, all, name):
/// `best[i][j][s][f]`, `f` when the row's name is a first-pass cell (so a
/// first-pass target after a label cannot join it).
fn cheapest(first: &[&Piece], second: &[Vec<&Piece>], starts: &[bool]) -> Option<(f32, Vec<Step>)> {
    let (n, m) = (first.len(), second.len());
    let index = |i: usize, j: usize, s: Slot, f: bool| ((i * (m + 1) + j) * 2 + s as usize) * 2 + usize::from(f);
    let size = (n + 1) * (m + 1) * 4;
    let mut best = vec![f32::INFINITY; size];
    let mut back: Vec<Option<(usize, Step)>> = vec![None; size];
    *best.get_mut(index(0, 0, Slot::Name, false))? = 0.0;
    // A cell of `k` second-pass cells from `j`, where its lines wrap (every
    // line but the last wide, none a number, none wider than the one
    // before): its text and what the joins cost.
    let joined = |j: usize, k: usize| -> Option<(String, f32)> {
        let cells = second.get(j..j + k)?;
        let lines: Vec<&Piece> = cells.iter().flatten().copied().collect();
        let wraps = cells.windows(2).all(|w| match w {
            [above, below] => match (above.last(), below.first()) {
                (Some(a), Some(b)) => {
                    let (wa, wb) = (width(&a.text), width(&b.text));
                    wa >= MIN_WRAP_WIDTH && !numeric_target(&a.text) && !numeric_target(&b.text) && wb <= wa + 1
                }
                _ => false,
            },
            _ => false,
        });
        wraps.then(|| {
            (
                lines.iter().map(|p| p.text.as_str()).collect(),
                JOINED_LINE * (k - 1) as f32,
            )
        })
    };
    // What each step costs as a name and as a target ([`Slot`] order),
    // worked out once: the walk asks at every (i, j), and each split of a
    // page tried weaves the page again.
    let slot_costs = |text: &str, first_pass: bool| [Slot::Name, Slot::Target].map(|s| cost(text, s, first_pass));
    let first_costs: Vec<[f32; 2]> = first.iter().map(|p| slot_costs(&p.text, true)).collect();
    // For each `j`, the cells of 1, 2, … second-pass cells from it, up to
    // the first that does not wrap: what the joins cost, and the cell as
    // a name and as a target (added to a path in that order, as ever).
    let joined_costs: Vec<Vec<(f32, [f32; 2])>> = (0..m)
        .map(|j| {
            (1..=MAX_JOINED.min(m - j))
                .map_while(|k| joined(j, k))
                .map(|(text, join_cost)| (join_cost, slot_costs(&text, false)))
                .collect()
        })
        .collect();
    for i in 0..=n {
        for j in 0..=m {
            // Blanks first: they move within (i, j) from name to target
            // and back, so both are settled before the moves out.
            for (s, f) in [
                (Slot::Name, false),
                (Slot::Target, false),
                (Slot::Target, true),
                (Slot::Name, false),
            ] {
                let from = *best.get(index(i, j, s, f))?;
                let to = index(i, j, other(s), false);
                if from + BLANK < *best.get(to)? {
                    *best.get_mut(to)? = from + BLANK;
                    *back.get_mut(to)? = Some((index(i, j, s, f), Step::Blank));
                }
            }
            for (s, f) in [(Slot::Name, false), (Slot::Target, false), (Slot::Target, true)] {
                let at = index(i, j, s, f);
                let from = *best.get(at)?;
                if !from.is_finite() {
                    continue;
                }
                if let Some(costs) = first_costs.get(i) {
                    let crosses_label = starts.get(i).copied().unwrap_or(false) && s == Slot::Target && f;
                    if !crosses_label {
                        let to = index(i + 1, j, other(s), s == Slot::Name);
                        let c = from + costs.get(s as usize)?;
                        if c < *best.get(to)? {
                            *best.get_mut(to)? = c;
                            *back.get_mut(to)? = Some((at, Step::First));
                        }
                    }
                }
                for (k, (join_cost, costs)) in (1..).zip(joined_costs.get(j).into_iter().flatten()) {
                    let to = index(i, j + k, other(s), false);
                    let c = from + join_cost + costs.get(s as usize)?;
                    if c < *best.get(to)? {
                        *best.get_mut(to)? = c;
                        *back.get_mut(to)? = Some((at, Step::Second(k)));
                    }
                }
            }
        }
    }
    let mut at = index(n, m, Slot::Name, false);
    let total = *best.get(at)?;
    if !total.is_finite() {
        return None;
    }
    let start = index(0, 0, Slot::Name, false);
    let mut steps = Vec::new();
    // Each step moves back; bound the walk all the same.
    for _ in 0..=(2 * (n + m) + 4) {
        if at == start {
            steps.reverse();
            return Some((total, steps));
        }
        let (from, step) = (*back.get(at)?)?;
        steps.push(step);
        at = from;
    }
    None
}

fn other(s: Slot) -> Slot {
    match s {
        Slot::Name => Slot::Target,
        Slot::Target => Slot::Name,
    }
}

#[cfg(test)]
mod tests {
    /// A table's rows after regridding, as `cell | cell` lines.
    fn woven(text: &str) -> Vec<String> {
        crate::regrid::regrid(jixiao_layout::text::rows(text))
            .rows
            .iter()
            .map(|r| r.cells.join(" | ").replace('\n', "/"))
            .collect()
    }

    // LibreOffice's form through PyMuPDF: the first pass's names (and the
    // targets that fit), then the heading cells, then the targets that
    // wrapped. Every name gets its target back, each label its rows.
    #[test]
    fn second_pass_targets_go_back_to_their_rows() {
        let text = "项目总目标\n年度总体目标\n一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n心理健康讲座场次\n个案咨询人次\n质量指标\n心理健康知晓率\n90%\n咨询满意率\n效益指标\n社会效益指标\n心理服务网络运行\n长期\n（2025年度）\n项目\n绩效\n目标\n为辖区居民提供心理健康咨询。\n1.全年开展讲座12场；\n绩效\n指标\n年度(/项目)指标值\n不低于12场\n≥300(人次)\n满意率100%\n";
        assert_eq!(
            woven(text),
            [
                "项目总目标",
                "年度总体目标",
                "（2025年度）",
                "为辖区居民提供心理健康咨询。",
                "1.全年开展讲座12场；",
                "一级指标 | 二级指标 | 三级指标",
                "产出指标 | 数量指标 | 心理健康讲座场次 | 不低于12场",
                "个案咨询人次 | ≥300(人次)",
                "质量指标 | 心理健康知晓率 | 90%",
                "咨询满意率 | 满意率100%",
                "效益指标 | 社会效益指标 | 心理服务网络运行 | 长期",
                "项目 | 目标",
                "绩效 | 年度(/项目)指标值",
            ]
        );
    }

    // A second page: its labels drawn again first, its targets in the
    // first pass and its names in the second (after the marker's pieces);
    // two runs of labels before one first-pass cell with second-pass rows
    // between them: the first run heads the first of those rows.
    #[test]
    fn a_later_page_weaves_after_its_marker() {
        let text = "一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n（2025年度）\n项目\n绩效\n目标\n推进社区治理。\n年度(/项目)指标值\n第1网格巡查次数\n≥10(次)\n质量指标\n≥81(%)\n≥82(%)\n效益指标\n社会效益指标\n满意度指标\n服务对象满意度指标\n居民安全感满意度\n≥90(%)\n绩效\n指标\n第1居民区调解成功率\n第2居民区调解成功率\n治安案件下降率1\n不低于1%\n";
        assert_eq!(
            woven(text),
            [
                "（2025年度）",
                "推进社区治理。",
                "一级指标 | 二级指标 | 三级指标",
                "产出指标 | 数量指标 | 第1网格巡查次数 | ≥10(次)",
                "质量指标 | 第1居民区调解成功率 | ≥81(%)",
                "第2居民区调解成功率 | ≥82(%)",
                "效益指标 | 社会效益指标 | 治安案件下降率1 | 不低于1%",
                "满意度指标 | 服务对象满意度指标 | 居民安全感满意度 | ≥90(%)",
                "项目 | 绩效 | 目标 | 年度(/项目)指标值",
            ]
        );
    }

    // A last page with no marker drawn on it: its second pass (names that
    // wrapped) starts after its last label, where the split weaves
    // cheapest.
    #[test]
    fn a_last_page_without_a_marker_weaves_after_its_last_label() {
        let text = "一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n（2025年度）\n项目\n绩效\n目标\n推进社区治理。\n年度(/项目)指标值\n第1网格巡查次数\n≥10(次)\n质量指标\n≥81(%)\n≥82(%)\n≥83(%)\n满意度指标\n服务对象满意度指标\n居民安全感满意度\n≥90(%)\n第1居民区调解成功率\n第2居民区调解成功率\n第3居民区调解成功率\n";
        assert_eq!(
            woven(text),
            [
                "（2025年度）",
                "推进社区治理。",
                "一级指标 | 二级指标 | 三级指标",
                "产出指标 | 数量指标 | 第1网格巡查次数 | ≥10(次)",
                "质量指标 | 第1居民区调解成功率 | ≥81(%)",
                "第2居民区调解成功率 | ≥82(%)",
                "第3居民区调解成功率 | ≥83(%)",
                "满意度指标 | 服务对象满意度指标 | 居民安全感满意度 | ≥90(%)",
                "项目 | 绩效 | 目标 | 年度(/项目)指标值",
            ]
        );
    }

    // A label's rows going on over a page break: LibreOffice draws the
    // label on the first page only, so the next page's first pass starts
    // with those rows' targets before its first label. They are that
    // page's, woven with its second pass's names; the first page's names
    // keep their own targets.
    #[test]
    fn a_page_may_start_with_the_rows_of_the_label_before() {
        let text = "一级指标\n二级指标\n三级指标\n产出指标\n质量指标\n=100%\n=100%\n（2025年度）\n项目\n绩效\n目标\n推进社区治理。\n年度(/项目)指标值\n第1居民区活动记录完整率\n第2居民区活动记录完整率\n=100%\n=100%\n效益指标\n社会效益指标\n邻里互助氛围\n第3居民区活动记录完整率\n第4居民区活动记录完整率\n持续改善，居民参与社区事务\n的积极性明显提高\n";
        assert_eq!(
            woven(text),
            [
                "（2025年度）",
                "推进社区治理。",
                "一级指标 | 二级指标 | 三级指标",
                "产出指标 | 质量指标 | 第1居民区活动记录完整率 | =100%",
                "第2居民区活动记录完整率 | =100%",
                "第3居民区活动记录完整率 | =100%",
                "第4居民区活动记录完整率 | =100%",
                "效益指标 | 社会效益指标 | 邻里互助氛围 | 持续改善，居民参与社区事务/的积极性明显提高",
                "项目 | 绩效 | 目标 | 年度(/项目)指标值",
            ]
        );
    }

    // A name that wrapped alone on its page: no second line of its width
    // shows the wrap, the pairing joins its lines; a two-character first-
    // pass text is a target, not a name.
    #[test]
    fn a_lone_wrapped_name_keeps_its_lines() {
        let text = "一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n社区微更新项目\n完成\n（2025年度）\n项目\n绩效\n目标\n年度(/项目)指标值\n为辖区重点人群提供上门健康评估与家庭照护指导服\n务的户数\n≥1200(户)\n";
        let rows: Vec<String> = woven(text)
            .into_iter()
            .filter(|r| r.contains("户") || r.contains("完成"))
            .collect();
        assert_eq!(
            rows,
            [
                "为辖区重点人群提供上门健康评估与家庭照护指导服/务的户数 | ≥1200(户)",
                "产出指标 | 数量指标 | 社区微更新项目 | 完成",
            ]
        );
    }

    proptest::proptest! {
        /// Names that fit (first pass) and numeric targets, any of which
        /// wrapped (second pass): every row gets its own target back.
        #[test]
        fn wrapped_targets_find_their_rows(wrapped in proptest::collection::vec(proptest::bool::ANY, 1..12)) {
            let mut first = String::new();
            let mut second = String::new();
            for (k, w) in wrapped.iter().enumerate() {
                first.push_str(&format!("第{k}网格巡查次数\n"));
                let target = format!("≥{}(次)\n", 10 * (k + 1));
                if *w { second.push_str(&target) } else { first.push_str(&target) }
            }
            let text = format!(
                "一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n{first}（2025年度）\n项目\n绩效\n目标\n年度(/项目)指标值\n{second}"
            );
            let rows: Vec<String> = woven(&text).into_iter().filter(|r| r.contains("网格")).collect();
            let want: Vec<String> = (0..wrapped.len())
                .map(|k| {
                    let labels = if k == 0 { "产出指标 | 数量指标 | " } else { "" };
                    format!("{labels}第{k}网格巡查次数 | ≥{}(次)", 10 * (k + 1))
                })
                .collect();
            proptest::prop_assert_eq!(rows, want);
        }
    }
}
