//! Indicator rows whose name or target wraps arrive in a text dump as a run
//! of one-cell lines: `name`, `target line 1`, `target line 2`, `next name`…
//! This module cuts such a run back into cells and pairs them into
//! (name, target).
//!
//! A line continues the cell of the line before when it cannot start a line
//! of Chinese text (it opens with `，` `。` `）` …), when the line before ends
//! with an opening bracket or a hyphen, or when the line before is *full*: as
//! wide as the widest lines of the run, i.e. it wrapped. A cell ends at a
//! short line.

use jixiao_model::normalize::{display_width, is_closing_punct};

/// Lines at least this wide (in half-width columns, 16 ideographs) are
/// always taken as wrapped.
const ALWAYS_FULL: usize = 32;
/// Narrow columns: a line within 10% of the run's widest line wrapped, if
/// that widest line is at least this wide.
const MIN_COLUMN: usize = 20;

/// One cell's lines.
pub type Cell = Vec<String>;

/// Cuts a run of one-cell lines into cells.
pub fn cells(lines: &[String]) -> Vec<Cell> {
    let widest = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
    let mut out: Vec<Cell> = Vec::new();
    let mut previous: Option<&str> = None;
    for line in lines {
        let joins = previous.is_some_and(|prev| continues(prev, line, widest));
        match out.last_mut() {
            Some(cell) if joins => cell.push(line.clone()),
            _ => out.push(vec![line.clone()]),
        }
        previous = Some(line);
    }
    out
}

fn continues(prev: &str, line: &str, widest: usize) -> bool {
    if line.starts_with(is_closing_punct) {
        return true;
    }
    if prev.ends_with(['（', '(', '“', '‘', '《', '【', '-', '—', '/', '、']) {
        return true;
    }
    let width = display_width(prev);
    width >= ALWAYS_FULL || (widest >= MIN_COLUMN && width * 10 >= widest * 9)
}

/// A (name, target) pair cut from a run; either may be empty when the run
/// did not pair up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub name: Cell,
    pub target: Cell,
}

/// Runs up to this many lines are segmented by search; longer ones greedily.
const MAX_SEARCH: usize = 14;

/// Pairs a run that ended without a target of its own into
/// (name, target, name, target…).
pub fn pair(lines: &[String]) -> Vec<Pair> {
    match best_segmentation(lines, false) {
        Some(cells) => pairs_of(cells),
        None => pairs_of(cells(lines)),
    }
}

/// Pairs a run that ended with a target line of its own (`≥13.00(场)`): the
/// last cell is that target's name; the cells before pair among themselves.
pub fn pair_with_target(lines: &[String], target: String) -> Vec<Pair> {
    let mut cells = best_segmentation(lines, true).unwrap_or_else(|| cells(lines));
    let name = cells.pop().unwrap_or_default();
    let mut out = pairs_of(cells);
    out.push(Pair {
        name,
        target: vec![target],
    });
    out
}

/// Pairs cells in order; a cell left over is split into its first line (the
/// name) and the rest (the target), which is how a one-line name beside a
/// wrapped target reads when the wrap could not be told.
fn pairs_of(cells: Vec<Cell>) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut iter = cells.into_iter();
    while let Some(name) = iter.next() {
        match iter.next() {
            Some(target) => out.push(Pair { name, target }),
            None => {
                let mut lines = name.into_iter();
                let name: Cell = lines.next().into_iter().collect();
                out.push(Pair {
                    name,
                    target: lines.collect(),
                });
            }
        }
    }
    out
}

/// Searches the ways to cut the run into cells that alternate name, target
/// (ending with a name when `ends_with_name`) for the one whose wraps are
/// most consistent with two column widths: within each column, every line
/// that wraps is about as wide as the column's widest wrapping line, and no
/// last line is. Ties go to fewer cells, then to the greedy cut of
/// [`cells`]. `None` when the run is too long to search or cannot be cut.
fn best_segmentation(lines: &[String], ends_with_name: bool) -> Option<Vec<Cell>> {
    let n = lines.len();
    if n == 0 || n > MAX_SEARCH {
        return None;
    }
    let widths: Vec<usize> = lines.iter().map(|l| display_width(l)).collect();
    let greedy = boundaries(&cells(lines));
    let mut best: Option<((usize, usize, usize), u32)> = None;
    for mask in 0u32..(1u32 << (n - 1)) {
        // Bit i set: a cell ends after line i.
        let cell_count = mask.count_ones() as usize + 1;
        let parity_ok = if ends_with_name {
            !cell_count.is_multiple_of(2)
        } else {
            cell_count.is_multiple_of(2)
        };
        if !parity_ok || !breaks_allowed(lines, mask) {
            continue;
        }
        let cost = (
            inconsistency(&widths, mask, cell_count, ends_with_name),
            cell_count,
            (mask ^ greedy).count_ones() as usize,
        );
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, mask));
        }
    }
    let (_, mask) = best?;
    let mut out: Vec<Cell> = vec![Vec::new()];
    for (i, line) in lines.iter().enumerate() {
        if let Some(cell) = out.last_mut() {
            cell.push(line.clone());
        }
        if i + 1 < n && mask & (1 << i) != 0 {
            out.push(Vec::new());
        }
    }
    Some(out)
}

/// The cell ends of a cut as a mask (bit i: a cell ends after line i).
fn boundaries(cells: &[Cell]) -> u32 {
    let mut mask = 0u32;
    let mut at = 0usize;
    for cell in cells.iter().take(cells.len().saturating_sub(1)) {
        at += cell.len();
        if let Some(bit) = at.checked_sub(1).and_then(|b| 1u32.checked_shl(b as u32)) {
            mask |= bit;
        }
    }
    mask
}

/// A cut may not start a cell with closing punctuation, nor end one after
/// an opening bracket or hyphen.
fn breaks_allowed(lines: &[String], mask: u32) -> bool {
    lines.windows(2).enumerate().all(|(i, pair)| {
        let breaks = mask & (1 << i) != 0;
        let forced = match pair {
            [prev, line] => {
                line.starts_with(is_closing_punct)
                    || prev.ends_with(['（', '(', '“', '‘', '《', '【', '-', '—', '/', '、'])
            }
            _ => false,
        };
        !(breaks && forced)
    })
}

/// Lines that break the column model of a cut: a wrapping line narrower
/// than 85% of its column's widest wrapping line, or a last line at least
/// 95% as wide (it would have wrapped).
fn inconsistency(widths: &[usize], mask: u32, cell_count: usize, ends_with_name: bool) -> usize {
    // Role of each line: 0 name, 1 target; and whether it ends its cell.
    let mut roles = Vec::with_capacity(widths.len());
    let mut cell = 0usize;
    for i in 0..widths.len() {
        let role = if ends_with_name {
            (cell_count - 1 - cell) % 2
        } else {
            cell % 2
        };
        let ends = i + 1 == widths.len() || mask & (1 << i) != 0;
        roles.push((role, ends));
        if ends {
            cell += 1;
        }
    }
    let mut column = [0usize; 2];
    for (&(role, ends), &w) in roles.iter().zip(widths) {
        if !ends {
            if let Some(c) = column.get_mut(role) {
                *c = (*c).max(w);
            }
        }
    }
    roles
        .iter()
        .zip(widths)
        .filter(|(&(role, ends), &w)| {
            let col = column.get(role).copied().unwrap_or(0);
            col > 0 && if ends { w * 100 >= col * 95 } else { w * 100 < col * 85 }
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[&str]) -> Vec<String> {
        ls.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn name_then_wrapped_target_twice() {
        let run = lines(&[
            "服务信息更新及时性",
            "利用平台网络信息化系统，及时发布、更",
            "新平台联盟服务信息",
            "宣传推广及时性",
            "通过会议等形式，及时宣传平台联盟，扩",
            "大平台知晓度",
        ]);
        let pairs = pair(&run);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].name, lines(&["服务信息更新及时性"]));
        assert_eq!(
            pairs[0].target,
            lines(&["利用平台网络信息化系统，及时发布、更", "新平台联盟服务信息"])
        );
        assert_eq!(pairs[1].name, lines(&["宣传推广及时性"]));
    }

    #[test]
    fn wrapped_name_then_numeric_target() {
        let run = lines(&[
            "普及细胞治疗、抗体治疗等的基本概念，了解生物医药基础知识",
            "，培养对生物科学的兴趣，掌握科学方法，实践科学操作，提升",
            "科学研究综合能力。",
        ]);
        let pairs = pair_with_target(&run, "≥13.00(场)".into());
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].name.len(), 3);
    }

    #[test]
    fn long_name_beside_wrapped_target_then_another_pair() {
        let run = lines(&[
            "促进生物医药科技金融和投融资对接发展",
            "通过会议搭建国内外交流合作平台，促进",
            "合作",
            "扩大影响",
            "吸引来自国内外的、生物医药产业各界代",
            "表参与",
        ]);
        let pairs = pair(&run);
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert_eq!(pairs[0].name, lines(&["促进生物医药科技金融和投融资对接发展"]));
        assert_eq!(pairs[1].name, lines(&["扩大影响"]));
        assert_eq!(pairs[1].target.len(), 2);
    }

    #[test]
    fn earlier_pair_then_wrapped_name_before_a_target() {
        let run = lines(&[
            "运行效率",
            "正常运行",
            "开展9场青少年基础性科创研学活动和4场共产党员、科技工作者",
            "科创参观交流活动",
        ]);
        let pairs = pair_with_target(&run, "≥13.00(场)".into());
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert_eq!(pairs[1].name.len(), 2);
    }

    #[test]
    fn short_pairs() {
        let pairs = pair(&lines(&["运行效率", "正常运行"]));
        assert_eq!(
            pairs,
            vec![Pair {
                name: lines(&["运行效率"]),
                target: lines(&["正常运行"])
            }]
        );
    }
}
