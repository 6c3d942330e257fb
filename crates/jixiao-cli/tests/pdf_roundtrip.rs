//! Property: a random Document, rendered as a report-server PDF by the
//! project's own generator (random encoding, orientation, rule style and
//! label quirks), reads back as the same Document.

use jixiao_model::normalize::parse_target;
use jixiao_model::{Document, Format, Funds, Indicator, Project, Source, Span};
use jixiao_pdfgen::{render, CjkEncoding, Options};
use proptest::prelude::*;

fn cjk(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(
            "发展规划服务平台建设项目管理运行保障科技创新资源共享信息安全维修改造"
                .chars()
                .collect::<Vec<_>>(),
        ),
        min..max,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop::sample::select(vec!["≥", "≤", "=", ">", "<", ""]),
            0u32..100_000,
            prop::sample::select(vec!["(次)", "(%)", "(人次)", "(天)", "(家)"])
        )
            .prop_map(|(op, n, unit)| format!("{op}{n}.00{unit}")),
        prop::sample::select(vec![
            "有效保障",
            "2024年11月前完成",
            "不低于50%",
            "90%",
            "满意率100%",
            "年底前完成",
            "开展至少1次团体心理治疗"
        ])
        .prop_map(str::to_string),
        cjk(4, 40),
    ]
}

fn level_pair() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
        ("效益指标", "社会效益指标"),
        ("效益指标", "可持续影响指标"),
        ("满意度指标", "服务对象满意度指标"),
    ])
}

fn indicators() -> impl Strategy<Value = Vec<Indicator>> {
    proptest::collection::vec((level_pair(), cjk(2, 45), target()), 1..14).prop_map(|mut rows| {
        // The table groups rows by label, as printed forms do.
        rows.sort_by_key(|((l1, l2), _, _)| (*l1, *l2));
        rows.into_iter()
            .map(|((l1, l2), name, t)| Indicator {
                level1: Some(l1.to_string()),
                level2: Some(l2.to_string()),
                name,
                target: parse_target(&t),
                page: None,
            })
            .collect()
    })
}

fn goal() -> impl Strategy<Value = String> {
    proptest::collection::vec(cjk(5, 120), 1..4).prop_map(|items| {
        items
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{}.{t}。", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn money() -> impl Strategy<Value = Option<f64>> {
    prop::option::of((0u64..10_000_000_000).prop_map(|c| c as f64 / 100.0))
}

fn project() -> impl Strategy<Value = Project> {
    (
        cjk(2, 30),
        cjk(2, 8),
        cjk(2, 8),
        cjk(4, 20),
        cjk(4, 24),
        2020i32..2030,
        goal(),
        indicators(),
        money(),
        money(),
        money(),
    )
        .prop_map(
            |(name, nature, category, department, implementer, year, goal, indicators, total, current, other)| {
                let mut p = Project::new("财政项目支出绩效目标申报表", Span::Pages([1, 1]));
                p.year = Some(year);
                p.name = Some(name);
                p.nature = Some(nature);
                p.category = Some(category);
                p.department = Some(department);
                p.implementer = Some(implementer);
                p.start_date = Some(format!("{year}-01-01"));
                p.end_date = Some(format!("{year}-12-31"));
                p.funds = Funds {
                    annual_total: total,
                    annual_fiscal_current: current,
                    annual_other: other,
                    ..Funds::default()
                };
                p.goal_project = Some(goal.clone());
                p.goal_annual = Some(goal);
                p.indicators = indicators;
                p
            },
        )
}

fn options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(gbk, landscape, repeat, after, filled, money_right, fields)| Options {
            encoding: if gbk { CjkEncoding::Gbk } else { CjkEncoding::Ucs2 },
            landscape,
            repeat_labels: repeat,
            labels_after_rows: after,
            filled_rules: filled,
            money_right,
            fields,
            ..Options::default()
        })
}

fn without_spans(doc: &Document) -> Vec<Project> {
    doc.projects
        .iter()
        .cloned()
        .map(|mut p| {
            p.span = Span::Pages([1, 1]);
            for indicator in &mut p.indicators {
                indicator.page = None;
            }
            p
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_survive_a_pdf(projects in proptest::collection::vec(project(), 1..4), options in options(), title in prop::option::of(cjk(6, 30))) {
        let mut doc = Document::new(Source { file: "r.pdf".into(), format: Format::Pdf, sha256: String::new(), pages: None });
        doc.title = title.map(|t| format!("{t}汇总表"));
        doc.projects = projects;
        let pdf = render(&doc, &options);
        let back = jixiao_cli::convert_bytes("r.pdf", &pdf);
        prop_assert!(!back.has_error(), "{:?}", back.diagnostics);
        prop_assert_eq!(&back.title, &doc.title);
        let (got, want) = (without_spans(&back), without_spans(&doc));
        prop_assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            prop_assert_eq!(g, w);
        }
    }
}
