//! Validation findings of SCHEMA.md, each on a small form.

use jixiao_model::{Document, Format, Level, Source};

fn parse(text: &str) -> Document {
    let source = Source {
        file: "t.txt".into(),
        format: Format::Text,
        sha256: String::new(),
        pages: None,
    };
    jixiao_parse::parse(jixiao_layout::text::rows(text), source)
}

fn form(funds: &str, dates: &str, rows: &str) -> String {
    format!(
        "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 测试项目 项目性质 其他一次性项目 项目类别 特定目标类\n\
         主管部门 某委员会 实施单位 某中心\n{dates}\n项目资金\n（元）\n{funds}\n项目\n绩效\n目标\n\
         项目总目标 年度总体目标\n完成目标。\n一级指标 二级指标 三级指标 年度(/项目)指标值\n绩效\n指标\n{rows}"
    )
}

const GOOD_FUNDS: &str = "项目资金总额 100.00 年度资金申请总额 100.00\n其中：财政资金 60.00\n\
                          其中：当年财政拨款 50.00\n上年结转资金 10.00\n其他资金 40.00 其他资金 40.00";
const GOOD_DATES: &str = "计划开始日期 2024-01-01 计划完成日期 2024-12-31";
const GOOD_ROWS: &str = "产出指标\n数量指标\n完成数量 ≥2(次)\n";

fn warnings(doc: &Document) -> Vec<(String, String)> {
    doc.diagnostics
        .iter()
        .filter(|d| d.level == Level::Warning)
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect()
}

#[test]
fn a_clean_form_has_no_warning() {
    let doc = parse(&form(GOOD_FUNDS, GOOD_DATES, GOOD_ROWS));
    assert_eq!(warnings(&doc), vec![]);
    let f = doc.projects[0].funds;
    assert_eq!(
        (f.project_total, f.project_fiscal, f.project_other),
        (Some(100.0), Some(60.0), Some(40.0))
    );
    assert_eq!(
        (
            f.annual_total,
            f.annual_fiscal_current,
            f.annual_fiscal_carryover,
            f.annual_other
        ),
        (Some(100.0), Some(50.0), Some(10.0), Some(40.0))
    );
}

#[test]
fn funds_that_do_not_reconcile_in_either_column() {
    let funds = "项目资金总额 100.00 年度资金申请总额 10,903,043.00\n其中：财政资金 70.00\n\
                 其中：当年财政拨款 11,419,043.00\n上年结转资金 0.00\n其他资金 40.00 其他资金 0.00";
    let doc = parse(&form(funds, GOOD_DATES, GOOD_ROWS));
    assert_eq!(
        warnings(&doc),
        vec![
            (
                "funds-mismatch".to_string(),
                "年度资金申请总额 10903043.00 ≠ 当年财政拨款 + 上年结转资金 + 其他资金 = 11419043.00".to_string()
            ),
            (
                "funds-mismatch".to_string(),
                "项目资金总额 100.00 ≠ 财政资金 + 其他资金 = 110.00".to_string()
            ),
        ]
    );
    assert_eq!(
        doc.diagnostics
            .iter()
            .find(|d| d.code == "funds-mismatch")
            .and_then(|d| d.project),
        Some(0)
    );
}

#[test]
fn a_form_without_indicators() {
    let doc = parse(&form(GOOD_FUNDS, GOOD_DATES, ""));
    assert_eq!(
        warnings(&doc),
        vec![(
            "no-indicators".to_string(),
            "the form has no indicator rows".to_string()
        )]
    );
}

#[test]
fn an_indicator_without_a_target() {
    let doc = parse(&form(GOOD_FUNDS, GOOD_DATES, "产出指标\n数量指标\n完成数量\n"));
    assert_eq!(
        warnings(&doc),
        vec![(
            "empty-indicator".to_string(),
            "indicator 0 (完成数量) has no target (指标值)".to_string()
        )]
    );
}

#[test]
fn dates_outside_the_year() {
    let doc = parse(&form(
        GOOD_FUNDS,
        "计划开始日期 2022年1月1日 计划完成日期 2022/12/31",
        GOOD_ROWS,
    ));
    assert_eq!(doc.projects[0].start_date.as_deref(), Some("2022-01-01"));
    assert_eq!(
        warnings(&doc),
        vec![(
            "date-outside-year".to_string(),
            "planned dates 2022-01-01 to 2022-12-31 lie outside the form's year 2024".to_string()
        )]
    );
}

#[test]
fn a_date_that_is_not_a_date_is_kept_in_the_diagnostic() {
    let doc = parse(&form(
        GOOD_FUNDS,
        "计划开始日期 明年春天 计划完成日期 2024-12-31",
        GOOD_ROWS,
    ));
    assert_eq!(doc.projects[0].start_date, None);
    let d = doc.diagnostics.iter().find(|d| d.code == "bad-date").expect("reported");
    assert_eq!(d.text.as_deref(), Some("明年春天"));
}

#[test]
fn the_same_indicator_twice_under_one_level2() {
    let rows = "产出指标\n数量指标\n完成数量 ≥2(次)\n完成数量 ≥3(次)\n质量指标\n完成数量 ≥4(次)\n";
    let doc = parse(&form(GOOD_FUNDS, GOOD_DATES, rows));
    assert_eq!(
        warnings(&doc),
        vec![(
            "duplicate-indicator".to_string(),
            "indicator 1 (完成数量) appears twice under 数量指标".to_string()
        )]
    );
}

#[test]
fn unplaceable_text_is_reported_with_the_text() {
    let funds = format!("{GOOD_FUNDS}\n备注：另有说明");
    let doc = parse(&form(&funds, GOOD_DATES, GOOD_ROWS));
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "unplaced-text")
        .expect("reported");
    assert_eq!(d.text.as_deref(), Some("备注：另有说明"));
    assert_eq!(d.line, Some(13));
}

#[test]
fn amounts_in_ten_thousands_are_converted_to_yuan() {
    let text = form(GOOD_FUNDS, GOOD_DATES, GOOD_ROWS).replace("（元）", "（万元）");
    let doc = parse(&text);
    assert_eq!(doc.projects[0].funds.annual_total, Some(1_000_000.0));
}

#[test]
fn labels_then_amounts_on_one_row_pair_in_order() {
    let funds = "项目资金总额 年度资金申请总额 100.00 90.00\n其中：财政资金 其中：当年财政拨款 100.00 90.00";
    let doc = parse(&form(funds, GOOD_DATES, GOOD_ROWS));
    let f = doc.projects[0].funds;
    assert_eq!((f.project_total, f.annual_total), (Some(100.0), Some(90.0)));
    assert_eq!((f.project_fiscal, f.annual_fiscal_current), (Some(100.0), Some(90.0)));
}
