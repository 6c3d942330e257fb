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

/// Pairs the cells of a run that ended without a target of its own:
/// name, target, name, target… A cell left over is split into its first
/// line (the name) and the rest (the target), which is how a one-line name
/// beside a wrapped target reads when the wrap could not be told.
pub fn pair(cells: Vec<Cell>) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut iter = cells.into_iter();
    while let Some(name) = iter.next() {
        match iter.next() {
            Some(target) => out.push(Pair { name, target }),
            None => out.push(split_lone(name)),
        }
    }
    out
}

fn split_lone(cell: Cell) -> Pair {
    let mut lines = cell.into_iter();
    let name: Cell = lines.next().into_iter().collect();
    Pair {
        name,
        target: lines.collect(),
    }
}

/// Pairs a run that ended with a target line of its own (`≥13.00(场)`): the
/// last cell is that target's name; the cells before pair among themselves.
pub fn pair_with_target(mut cells: Vec<Cell>, target: String) -> Vec<Pair> {
    let name = cells.pop().unwrap_or_default();
    let mut out = pair(cells);
    out.push(Pair {
        name,
        target: vec![target],
    });
    out
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
        let pairs = pair(cells(&run));
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
        let pairs = pair_with_target(cells(&run), "≥13.00(场)".into());
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].name.len(), 3);
    }

    #[test]
    fn short_pairs() {
        let pairs = pair(cells(&lines(&["运行效率", "正常运行"])));
        assert_eq!(
            pairs,
            vec![Pair {
                name: lines(&["运行效率"]),
                target: lines(&["正常运行"])
            }]
        );
    }
}
