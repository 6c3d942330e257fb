//! Rows from a ruled table (a PDF's cells): merged labels once, cells with
//! their printed lines, and free text around the table.

use jixiao_layout::Row;
use jixiao_model::{Format, Location, Source};

fn ruled(page: u32, cells: &[&str]) -> Row {
    let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    Row {
        loc: Location::Page(page),
        text: cells.join(" "),
        cells,
        ruled: true,
        indent: 0,
        sheet: page,
    }
}

fn free(page: u32, text: &str) -> Row {
    Row::from_line(Location::Page(page), text)
}

fn source() -> Source {
    Source {
        file: "t.pdf".into(),
        format: Format::Pdf,
        sha256: String::new(),
        pages: Some(2),
    }
}

#[test]
fn a_ruled_form_with_a_page_footer_and_wrapped_cells() {
    let rows = vec![
        free(1, "财政项目支出绩效目标填报表"),
        free(1, "（2025年度）"),
        ruled(1, &["项目名称", "社区心理\n健康服务", "项目性质", "其他经常性项目"]),
        ruled(1, &["项目绩效目标", "项目总目标", "为辖区居民提供心理健康咨询。"]),
        ruled(1, &["年度总体目标", "1.全年开展讲座；\n2.开展团体心理治疗。"]),
        ruled(1, &["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]),
        ruled(1, &["产出指标", "数量指标", "心理健康讲座\n场次", "不低于\n12场"]),
        free(1, "- 35 -"),
        free(1, "上海市普陀区示例街道2025年部门预算"),
        ruled(2, &["服务对象满\n意度指标", "居民满意度", "90%"]),
    ];
    let doc = jixiao_parse::parse(rows, source());
    let p = &doc.projects[0];
    assert_eq!(p.name.as_deref(), Some("社区心理健康服务"));
    assert_eq!(p.goal_project.as_deref(), Some("为辖区居民提供心理健康咨询。"));
    assert_eq!(p.goal_annual.as_deref(), Some("1.全年开展讲座；\n2.开展团体心理治疗。"));
    let got: Vec<(Option<&str>, Option<&str>, &str, &str)> = p
        .indicators
        .iter()
        .map(|i| {
            (
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.name.as_str(),
                i.target.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("产出指标"), Some("数量指标"), "心理健康讲座场次", "不低于12场"),
            (Some("产出指标"), Some("服务对象满意度指标"), "居民满意度", "90%"),
        ]
    );
    let footer = doc
        .diagnostics
        .iter()
        .find(|d| d.text.as_deref() == Some("上海市普陀区示例街道2025年部门预算"));
    assert_eq!(footer.map(|d| d.code.as_str()), Some("unplaced-text"));
    assert_eq!(p.span, jixiao_model::Span::Pages([1, 2]));
}

/// Word and LibreOffice Writer break a row across pages and close both
/// parts with rules: a label cut where its cell wrapped leaves its rest
/// alone in the next page's first table row (`服务对象满意度指` / `标`),
/// which completes it and is no indicator.
#[test]
fn a_label_cut_by_a_page_break_is_completed_by_its_rest() {
    let rows = vec![
        free(1, "财政项目支出绩效目标申报表"),
        ruled(1, &["项目名称", "科技服务平台运行保障"]),
        ruled(1, &["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]),
        ruled(1, &["产出指标", "数量指标", "组织研讨会", "≥2.00(次)"]),
        ruled(1, &["满意度指标", "服务对象满意度指", "服务用户满意度", "≥85.00(%)"]),
        free(1, "- 1 -"),
        ruled(2, &["标"]),
    ];
    let doc = jixiao_parse::parse(rows, source());
    let got: Vec<(Option<&str>, &str)> = doc.projects[0]
        .indicators
        .iter()
        .map(|i| (i.level2.as_deref(), i.name.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("数量指标"), "组织研讨会"),
            (Some("服务对象满意度指标"), "服务用户满意度")
        ]
    );
    // The form reaches the page its rest stands on.
    assert_eq!(doc.projects[0].span, jixiao_model::Span::Pages([1, 2]));
}
