//! Indicator labels tied to rows by what the rows measure, where a dump's
//! order lost where the labels stood.
//!
//! Plain `pdftotext` prints a table a column at a time (the labels' column,
//! then the names', then the targets'), and some producers' labels come
//! out anywhere among the rows:
//!
//! ```text
//! 数量指标          ← the 二级 labels, in no order tied to rows
//! 产出指标
//! 质量指标
//! 第1片区为老服务站巡访次数
//! …
//! 第1片区巡访记录完整率
//! ```
//!
//! Which rows a label spans is lost; what is left is the forms' own
//! order of labels (产出: 数量, 质量, 时效; 成本; 效益; 满意度) and the rows
//! themselves: counts under 数量指标 (`≥4(次)`), rates under 质量指标
//! (`…完整率` / `≥95%`), deadlines under 时效指标 (`2026年12月15日前`),
//! money under 成本, words under 效益 (`明显改善`), 满意度 under 满意度.
//! [`label_runs`] cuts the rows into one run per label, in that order,
//! where the rows fit their labels best. It is a guess, and the caller
//! says so in a diagnostic.

use crate::regrid::Label;
use crate::vocab::{self, LabelLevel};
use jixiao_model::normalize::fold_compact;

/// What an indicator row measures, as its name and target show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    Count,
    Quality,
    Time,
    Cost,
    /// An effect in words (`明显改善`, `有效减轻`): no number.
    Words,
    Lasting,
    Ecology,
    Satisfaction,
    /// A change for the better the project brings about (`明显改善`,
    /// `治安案件下降率`): an effect (效益), never a cost.
    Gain,
}

const MEASURES: usize = 9;

/// The 二级 labels in the forms' order, each with its 一级 family (the
/// rank of the family, 产出 first) and what its rows measure. `成本指标` as
/// a 二级 label stands under 产出指标 (older forms).
const ORDER: &[(&str, &str, &[Measure])] = &[
    ("数量指标", "产出指标", &[Measure::Count]),
    ("质量指标", "产出指标", &[Measure::Quality]),
    ("时效指标", "产出指标", &[Measure::Time]),
    ("成本指标", "产出指标", &[Measure::Cost]),
    ("经济成本指标", "成本指标", &[Measure::Cost]),
    ("社会成本指标", "成本指标", &[Measure::Cost, Measure::Words]),
    ("生态环境成本指标", "成本指标", &[Measure::Cost, Measure::Ecology]),
    ("经济效益指标", "效益指标", &[Measure::Words, Measure::Gain]),
    ("社会效益指标", "效益指标", &[Measure::Words, Measure::Gain]),
    (
        "生态效益指标",
        "效益指标",
        &[Measure::Words, Measure::Ecology, Measure::Gain],
    ),
    (
        "生态环境效益指标",
        "效益指标",
        &[Measure::Words, Measure::Ecology, Measure::Gain],
    ),
    (
        "可持续影响指标",
        "效益指标",
        &[Measure::Words, Measure::Lasting, Measure::Gain],
    ),
    ("服务对象满意度指标", "满意度指标", &[Measure::Satisfaction]),
    ("社会公众或服务对象满意度指标", "满意度指标", &[Measure::Satisfaction]),
    ("社会公众满意度指标", "满意度指标", &[Measure::Satisfaction]),
];

/// Cost of a row under a label whose measure its name shows
/// (`…及时率` under 时效指标).
const NAME_SHOWS: f32 = 0.0;
/// Cost of a row under a label whose measure only its target, or a weak
/// sign in its name, shows (`≥95%`, `…率` under 质量指标).
const TARGET_SHOWS: f32 = 0.25;
/// Cost of a row that shows no measure at all, under any label.
const SHOWS_NOTHING: f32 = 0.5;
/// Cost of a row that shows other measures than its label's.
const SHOWS_OTHERS: f32 = 1.0;
/// Most mean cost per row of a guess that is kept: beyond, the rows do
/// not bear the labels out, and the labels are left unplaced.
const MAX_MEAN_COST: f32 = 0.5;
/// The same for a whole column of labels: 产出指标 and every 二级 label's
/// 一级 label with it, the table's own labels printed apart (plain
/// `pdftotext` prints them in a block). The forms' order of labels, each
/// over one row or more, then fixes most of the cutting, and real rows
/// often measure otherwise than their labels say (the seed's `项目完成率
/// ≥95.00(%)` under 数量指标, `服务企业人数` under 质量指标: a mean of 0.65),
/// so a costlier cutting is kept. Rows that fit none of their labels (a
/// mean near [`SHOWS_OTHERS`]) are still no guess.
const MAX_MEAN_COST_WHOLE_COLUMN: f32 = 0.8;

/// How well a row shows each measure (`None`: not at all).
pub(crate) type Shows = [Option<f32>; MEASURES];

/// What a row's name and target show it measures.
pub(crate) fn shows(name: &str, target: &str) -> Shows {
    let (name, target) = (fold_compact(name), fold_compact(target));
    let mut out: Shows = [None; MEASURES];
    let mut set = |m: Measure, cost: f32| {
        if let Some(slot) = out.get_mut(m as usize) {
            *slot = Some(slot.map_or(cost, |c: f32| c.min(cost)));
        }
    };
    let name_has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let target_has = |words: &[&str]| words.iter().any(|w| target.contains(w));
    let digits = target.chars().any(|c| c.is_ascii_digit());
    if name_has(&["满意"]) {
        set(Measure::Satisfaction, NAME_SHOWS);
    }
    if name_has(&["及时", "时间", "时限", "进度", "周期", "时效", "工期"]) {
        set(Measure::Time, NAME_SHOWS);
    }
    let date = digits && target_has(&["年", "月", "日前", "底前", "工作日", "天内", "日内", "以前", "之前"]);
    if date {
        set(Measure::Time, TARGET_SHOWS);
    }
    if name_has(&["成本", "经费", "费用", "预算", "单价", "投入"]) {
        set(Measure::Cost, NAME_SHOWS);
    }
    if digits && target_has(&["元"]) {
        set(Measure::Cost, TARGET_SHOWS);
    }
    if name_has(&["合格", "达标", "准确", "完整", "质量", "验收", "达成"]) {
        set(Measure::Quality, NAME_SHOWS);
    }
    if name.ends_with('率') || target_has(&["%"]) {
        set(Measure::Quality, TARGET_SHOWS);
    }
    let counted_name = ["数", "次数", "人数", "人次", "场次", "数量", "时长", "面积", "规模"];
    if counted_name.iter().any(|w| name.ends_with(w)) {
        set(Measure::Count, NAME_SHOWS);
    }
    if digits && !date && !target_has(&["%", "元"]) {
        set(Measure::Count, TARGET_SHOWS);
    }
    if !digits && !target.is_empty() {
        set(Measure::Words, TARGET_SHOWS);
    }
    if name_has(&["持续", "长效", "长期"]) || target_has(&["长期", "持续", "长效"]) {
        set(Measure::Lasting, NAME_SHOWS);
    }
    if name_has(&["生态", "环境", "能耗", "排放", "绿化", "节能", "污染", "碳"]) {
        set(Measure::Ecology, NAME_SHOWS);
    }
    out
}

/// [`shows`], where nothing but what the rows measure ties labels to
/// them ([`label_runs`]): a name or target that tells of a change for the
/// better (`治安案件下降率` / `不低于1%`, `老年人居家生活质量` / `明显改善`)
/// shows a gain, an effect's (效益) and no cost's (社会成本指标 takes words
/// too: `对周边居民正常生活的影响` / `无明显影响`). Not where labels are
/// placed by where they stand and the shapes only break ties: there it
/// moves runs the order placed well.
fn shows_for_runs(name: &str, target: &str) -> Shows {
    let mut out = shows(name, target);
    let (name, target) = (fold_compact(name), fold_compact(target));
    if GAIN_WORDS.iter().any(|w| name.contains(w) || target.contains(w)) {
        if let Some(slot) = out.get_mut(Measure::Gain as usize) {
            *slot = Some(GAIN_SHOWS);
        }
    }
    out
}

/// Words of a change for the better, in an indicator's name or target.
const GAIN_WORDS: [&str; 10] = [
    "下降", "降低", "减少", "减轻", "提升", "提高", "增长", "改善", "完善", "优化",
];
/// Cost of a row that shows a gain under an effect's label: less than
/// words alone ([`TARGET_SHOWS`]), which a social cost takes too. A
/// binary fraction, as every cost here: sums of runs that fit alike stay
/// equal, and the tie-break decides (0.1 made a run of the seed's effect
/// rows cut a row late).
const GAIN_SHOWS: f32 = 0.125;

/// What a row costs under a label of `measures`.
fn cost(shows: &Shows, measures: &[Measure]) -> f32 {
    let best = measures
        .iter()
        .filter_map(|&m| shows.get(m as usize).copied().flatten())
        .fold(f32::INFINITY, f32::min);
    if best.is_finite() {
        best
    } else if shows.iter().all(Option::is_none) {
        SHOWS_NOTHING
    } else {
        SHOWS_OTHERS
    }
}

/// What the rows under the 二级 label `label` measure (`None` for a label
/// not in the forms' order).
pub(crate) fn label_measures(label: &str) -> Option<&'static [Measure]> {
    label_rank(label)
        .and_then(|rank| ORDER.get(rank))
        .map(|(_, _, measures)| *measures)
}

/// Where the 二级 label `label` stands in the forms' order (`None` for a
/// label not in it).
pub(crate) fn label_rank(label: &str) -> Option<usize> {
    let folded = fold_compact(label);
    ORDER.iter().position(|(l, _, _)| *l == folded)
}

/// How badly a row that `shows` fits under a label of `measures`
/// ([`label_measures`]) by what it measures: a tie-break for labels placed
/// by where they stand.
pub(crate) fn misfit(shows: &Shows, measures: &[Measure]) -> f32 {
    cost(shows, measures)
}

/// The labels each row heads, for `rows` (name, target) in table order:
/// one run of rows per 二级 label in the forms' order, cut where the rows
/// fit their labels best, each 一级 label on the first row of its family.
/// `None` where a label is not a known one, a 一级 label has no 二级 label
/// of its family, there are fewer rows than labels, or the rows do not
/// bear the labels out ([`MAX_MEAN_COST`]).
pub(crate) fn label_runs(labels: &[Label], rows: &[(String, String)]) -> Option<Vec<Vec<String>>> {
    let folded: Vec<(String, LabelLevel)> = labels
        .iter()
        .map(|l| (fold_compact(&l.text).into_owned(), l.level))
        .collect();
    // `成本指标` is a 一级 label where 成本 二级 labels stand under it,
    // else a 二级 label under 产出指标.
    let cost_family = folded.iter().any(|(t, _)| vocab::is_cost_level2(t));
    let mut level1: Vec<&str> = Vec::new();
    let mut level2: Vec<usize> = Vec::new();
    for (text, level) in &folded {
        let as_level2 = *level == LabelLevel::Two || (text == "成本指标" && !cost_family);
        if as_level2 {
            level2.push(label_rank(text)?);
        } else {
            level1.push(
                ["产出指标", "成本指标", "效益指标", "满意度指标"]
                    .into_iter()
                    .find(|l| l == text)?,
            );
        }
    }
    // The forms' order; a label printed on two pages is one run.
    level2.sort_unstable();
    level2.dedup();
    // Header cells read as a row (`年度总体目标` and its goal, printed among
    // the table's cells) head no run.
    let indicators: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            rows.get(i).is_some_and(|(name, _)| {
                vocab::goal_heading(name).is_none()
                    && vocab::field_prefix(name).is_none()
                    && vocab::fund_label(name).is_none()
            })
        })
        .collect();
    let (n, k) = (indicators.len(), level2.len());
    if k == 0 || n < k {
        return None;
    }
    let shown: Vec<Shows> = indicators
        .iter()
        .filter_map(|&i| rows.get(i))
        .map(|(name, target)| shows_for_runs(name, target))
        .collect();
    let run_cost = |run: usize, row: usize| -> f32 {
        let measures = level2
            .get(run)
            .and_then(|&i| ORDER.get(i))
            .map_or(&[][..], |(_, _, m)| *m);
        shown.get(row).map_or(SHOWS_OTHERS, |s| cost(s, measures))
    };
    // best[j][i]: rows 0..i in runs 0..j, run j - 1 ending at row i.
    let mut best = vec![vec![f32::INFINITY; n + 1]; k + 1];
    let mut back = vec![vec![0usize; n + 1]; k + 1];
    *best.first_mut()?.first_mut()? = 0.0;
    for j in 1..=k {
        for i in j..=n {
            let mut run = 0.0;
            // The run's first row goes back from `i - 1`. Of cuts that fit
            // alike, the latest: a row that fits neither run goes on the
            // run above it.
            for start in (j - 1..i).rev() {
                run += run_cost(j - 1, start);
                let before = *best.get(j - 1)?.get(start)?;
                if before + run < *best.get(j)?.get(i)? {
                    *best.get_mut(j)?.get_mut(i)? = before + run;
                    *back.get_mut(j)?.get_mut(i)? = start;
                }
            }
        }
    }
    let total = *best.get(k)?.get(n)?;
    let whole_column = level1.contains(&"产出指标")
        && level2
            .iter()
            .filter_map(|&l| ORDER.get(l))
            .all(|(_, family, _)| level1.contains(family));
    let most = if whole_column {
        MAX_MEAN_COST_WHOLE_COLUMN
    } else {
        MAX_MEAN_COST
    };
    if !total.is_finite() || total > most * n as f32 {
        return None;
    }
    let mut starts = vec![0usize; k];
    let mut end = n;
    for j in (1..=k).rev() {
        let start = *back.get(j)?.get(end)?;
        *starts.get_mut(j - 1)? = start;
        end = start;
    }
    let mut heads: Vec<Vec<String>> = vec![Vec::new(); rows.len()];
    for (run, (&start, &label)) in starts.iter().zip(&level2).enumerate() {
        let (text, family, _) = ORDER.get(label)?;
        let first_of_family = level2
            .get(..run)?
            .iter()
            .all(|&l| ORDER.get(l).is_none_or(|(_, f, _)| f != family));
        let head = heads.get_mut(*indicators.get(start)?)?;
        if first_of_family && level1.contains(family) {
            head.push((*family).to_string());
        }
        head.push((*text).to_string());
    }
    // Every 一级 label heads a family.
    let families: Vec<&str> = level2
        .iter()
        .filter_map(|&l| ORDER.get(l))
        .map(|(_, f, _)| *f)
        .collect();
    level1.iter().all(|l| families.contains(l)).then_some(heads)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Label {
        Label {
            text: text.to_string(),
            level: vocab::indicator_label(text).unwrap_or(LabelLevel::Two),
            at: 0.0,
            lines: None,
        }
    }

    /// The runs `label_runs` cuts, as `labels: first row name` lines.
    fn runs(labels: &[&str], rows: &[(&str, &str)]) -> Option<Vec<String>> {
        let labels: Vec<Label> = labels.iter().map(|l| label(l)).collect();
        let rows: Vec<(String, String)> = rows.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        let heads = label_runs(&labels, &rows)?;
        Some(
            heads
                .iter()
                .zip(&rows)
                .filter(|(h, _)| !h.is_empty())
                .map(|(h, (name, _))| format!("{}: {name}", h.join(" ")))
                .collect(),
        )
    }

    // Plain pdftotext of Chromium's form: the labels a column of their own.
    #[test]
    fn runs_follow_what_the_rows_measure() {
        let rows = [
            ("第1片区为老服务站巡访次数", "≥4(次)"),
            ("第2片区为老服务站巡访次数", "≥8(次)"),
            ("第1片区巡访记录完整率", "≥95%"),
            ("第2片区巡访记录完整率", "≥95%"),
            ("年度巡访任务完成时间", "2026年12月15日前"),
            ("巡访车辆能耗", "较上年下降5%"),
            ("独居老人安全风险", "及时发现并处置"),
            ("社区居民满意度", "≥85%"),
        ];
        let labels = [
            "数量指标",
            "产出指标",
            "质量指标",
            "时效指标",
            "成本指标",
            "效益指标",
            "满意度指标",
            "生态环境成本指标",
            "社会效益指标",
            "社会公众满意度指标",
        ];
        assert_eq!(
            runs(&labels, &rows).unwrap_or_default(),
            [
                "产出指标 数量指标: 第1片区为老服务站巡访次数",
                "质量指标: 第1片区巡访记录完整率",
                "时效指标: 年度巡访任务完成时间",
                "成本指标 生态环境成本指标: 巡访车辆能耗",
                "效益指标 社会效益指标: 独居老人安全风险",
                "满意度指标 社会公众满意度指标: 社区居民满意度",
            ]
        );
    }

    // The district form through plain pdftotext: rates that tell of a
    // change (`治安案件下降率`) are effects, not the cost row's run.
    #[test]
    fn names_of_a_change_are_effects() {
        let rows = [
            ("专项行动1完成时间", "2025年9月底前"),
            ("人员经费控制", "不超过3200000元"),
            ("治安案件下降率1", "不低于1%"),
            ("治安案件下降率2", "不低于2%"),
            ("居民安全感满意度", "≥90(%)"),
        ];
        let labels = [
            "产出指标",
            "时效指标",
            "成本指标",
            "效益指标",
            "社会效益指标",
            "满意度指标",
            "服务对象满意度指标",
        ];
        assert_eq!(
            runs(&labels, &rows).unwrap_or_default(),
            [
                "产出指标 时效指标: 专项行动1完成时间",
                "成本指标: 人员经费控制",
                "效益指标 社会效益指标: 治安案件下降率1",
                "满意度指标 服务对象满意度指标: 居民安全感满意度",
            ]
        );
    }

    // The cost form through plain pdftotext: a social cost and a social
    // effect both in words; the effect's is a gain.
    #[test]
    fn a_gain_is_an_effect_not_a_cost() {
        let rows = [
            ("长者食堂建设单位成本", "≤800000(元/家)"),
            ("对周边居民正常生活的影响", "无明显影响"),
            ("老年人居家生活质量", "明显改善"),
            ("家庭照护负担", "有效减轻"),
            ("服务对象满意度", "≥90%"),
        ];
        let labels = [
            "成本指标",
            "经济成本指标",
            "社会成本指标",
            "效益指标",
            "社会效益指标",
            "满意度指标",
            "服务对象满意度指标",
        ];
        assert_eq!(
            runs(&labels, &rows).unwrap_or_default(),
            [
                "成本指标 经济成本指标: 长者食堂建设单位成本",
                "社会成本指标: 对周边居民正常生活的影响",
                "效益指标 社会效益指标: 老年人居家生活质量",
                "满意度指标 服务对象满意度指标: 服务对象满意度",
            ]
        );
    }

    // jsPDF through plain pdftotext: labels out of order; 成本指标 without
    // 成本 二级 labels is a 二级 label under 产出指标; `…及时率` rows are
    // 时效's though their targets are rates.
    #[test]
    fn labels_go_in_the_forms_order() {
        let rows = [
            ("心理健康讲座场次", "不低于12场"),
            ("个案咨询人次", "≥300(人次)"),
            ("心理健康知晓率", "90%"),
            ("咨询满意率", "满意率100%"),
            ("第1季度工作完成及时率", "=100(%)"),
            ("经费控制率", "≤100%"),
            ("活动覆盖率", "不低于50%"),
            ("心理服务网络运行", "长期"),
            ("居民满意度", "90.00(度)"),
        ];
        let labels = [
            "产出指标",
            "效益指标",
            "满意度指标",
            "时效指标",
            "成本指标",
            "社会效益指标",
            "可持续影响指标",
            "数量指标",
            "质量指标",
            "服务对象满意度指标",
        ];
        assert_eq!(
            runs(&labels, &rows).unwrap_or_default(),
            [
                "产出指标 数量指标: 心理健康讲座场次",
                "质量指标: 心理健康知晓率",
                "时效指标: 第1季度工作完成及时率",
                "成本指标: 经费控制率",
                "效益指标 社会效益指标: 活动覆盖率",
                "可持续影响指标: 心理服务网络运行",
                "满意度指标 服务对象满意度指标: 居民满意度",
            ]
        );
    }

    // The seed's seventh form through plain pdftotext: rows that measure
    // otherwise than their labels (a rate under 数量指标, a count under
    // 质量指标, a mean cost of 0.65), under a whole column of labels: cut
    // by the forms' order all the same. A guess: `服务项目数量`, a count,
    // stays on 时效指标's run, 11 of 13 rows right.
    const SEED_SEVENTH: &[(&str, &str)] = &[
        ("项目完成率", "≥95.00(%)"),
        ("完成课题报告", "=1.00(份)"),
        ("项目验收合格率", "≥98.00(%)"),
        ("服务企业人数", "≤300.00(人)"),
        ("项目完成及时性", "2024年底完成"),
        ("开展活动频次", "≥4.00(次)"),
        ("服务项目数量", "≥3.00(个)"),
        ("保障生药中心各项工作正常开展", "有效保障"),
        ("吸纳加入党建联盟的成员单位", "≥30.00(家)"),
        ("安全责任事故数量", "=0.00(个)"),
        ("专栏阅读人数", "≥10000.00(人次)"),
        ("故障响应服务满意率", "≥90.00(%)"),
        ("专栏阅读人数", "≥95.00(%)"),
    ];

    #[test]
    fn a_whole_column_of_labels_cuts_rows_that_measure_otherwise() {
        let labels = [
            "数量指标",
            "产出指标",
            "质量指标",
            "时效指标",
            "经济效益指标",
            "社会效益指标",
            "效益指标",
            "生态效益指标",
            "满意度指标",
            "可持续影响指标",
            "服务对象满意度指标",
        ];
        assert_eq!(
            runs(&labels, SEED_SEVENTH).unwrap_or_default(),
            [
                "产出指标 数量指标: 项目完成率",
                "质量指标: 项目验收合格率",
                "时效指标: 项目完成及时性",
                "效益指标 经济效益指标: 保障生药中心各项工作正常开展",
                "社会效益指标: 吸纳加入党建联盟的成员单位",
                "生态效益指标: 安全责任事故数量",
                "可持续影响指标: 专栏阅读人数",
                "满意度指标 服务对象满意度指标: 故障响应服务满意率",
            ]
        );
    }

    // Without its 一级 labels the column is no whole one (labels that
    // stood among the rows, some lost): rows that measure otherwise are no
    // guess.
    #[test]
    fn part_of_a_column_cuts_no_rows_that_measure_otherwise() {
        let labels = [
            "数量指标",
            "质量指标",
            "时效指标",
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
            "服务对象满意度指标",
        ];
        assert_eq!(runs(&labels, SEED_SEVENTH), None);
    }

    const NAMES: &[&str] = &[
        "讲座场次",
        "知晓率",
        "完成及时率",
        "经费控制",
        "居民满意度",
        "网络运行",
        "活动",
        "",
    ];
    const TARGETS: &[&str] = &[
        "≥12(场)",
        "90%",
        "2025年9月底前",
        "≤3200元",
        "明显改善",
        "长期",
        "",
        "=100(%)",
    ];

    proptest::proptest! {
        /// Whatever the labels and rows: every 二级 label heads exactly one
        /// row, in the forms' order, the first row of the table among them,
        /// and each 一级 label heads one row.
        #[test]
        fn every_label_heads_one_run_in_order(
            picks in proptest::collection::vec(0..ORDER.len() + 4, 0..8),
            rows in proptest::collection::vec((0..NAMES.len(), 0..TARGETS.len()), 0..20),
        ) {
            let level1 = ["产出指标", "成本指标", "效益指标", "满意度指标"];
            let labels: Vec<Label> = picks
                .iter()
                .filter_map(|&i| ORDER.get(i).map(|(l, _, _)| *l).or_else(|| level1.get(i.checked_sub(ORDER.len())?).copied()))
                .map(label)
                .collect();
            let rows: Vec<(String, String)> = rows
                .iter()
                .map(|&(n, t)| (NAMES.get(n).unwrap_or(&"").to_string(), TARGETS.get(t).unwrap_or(&"").to_string()))
                .collect();
            if let Some(heads) = label_runs(&labels, &rows) {
                proptest::prop_assert_eq!(heads.len(), rows.len());
                proptest::prop_assert!(heads.first().is_some_and(|h| !h.is_empty()));
                let order = |text: &String| ORDER.iter().position(|(l, _, _)| l == text);
                let level2: Vec<usize> = heads.iter().filter_map(|h| h.last()).filter_map(order).collect();
                proptest::prop_assert!(level2.windows(2).all(|w| w[0] < w[1]));
                let mut wanted: Vec<usize> = labels
                    .iter()
                    .filter(|l| l.level == LabelLevel::Two || (l.text == "成本指标" && !labels.iter().any(|c| vocab::is_cost_level2(&c.text))))
                    .filter_map(|l| order(&l.text))
                    .collect();
                wanted.sort_unstable();
                wanted.dedup();
                proptest::prop_assert_eq!(level2, wanted);
            }
        }
    }

    #[test]
    fn no_guess_where_the_rows_do_not_bear_it_out() {
        // Fewer rows than labels.
        assert_eq!(runs(&["数量指标", "质量指标"], &[("讲座场次", "12场")]), None);
        // An unknown label.
        assert_eq!(runs(&["数量指标", "其他指标"], &[("a", "1次"), ("b", "2次")]), None);
        // Rows that measure other things than their labels.
        assert_eq!(
            runs(
                &["满意度指标", "服务对象满意度指标"],
                &[("讲座场次", "≥12(场)"), ("完成时间", "2025年9月底前")]
            ),
            None
        );
        // A 一级 label with no 二级 label of its family.
        assert_eq!(runs(&["效益指标", "数量指标"], &[("讲座场次", "≥12(场)")]), None);
    }
}
