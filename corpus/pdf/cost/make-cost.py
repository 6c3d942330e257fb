#!/usr/bin/env python3
"""Writes cost.json: a synthetic document of two forms in the layout of
2026 budgets, where 成本指标 is a 一级 label with 二级 labels of its own
(经济成本指标, 社会成本指标, 生态环境成本指标) besides 产出/效益/满意度, and
社会公众满意度指标 stands for the satisfaction family; the second form
crosses a page and has money in every column. The renderers
(../chromium/make.py, ../libreoffice/make.py, ../mupdf/make.py) print it.

usage: make-cost.py OUT.json
"""
import json
import sys


def indicator(l1, l2, name, text, op=None, value=None, unit=None):
    return {"level1": l1, "level2": l2, "name": name,
            "target": {"text": text, "op": op, "value": value, "unit": unit}, "page": None}


def project(name, category, indicators, goal_project, goal_annual, funds):
    return {
        "form": "财政项目支出绩效目标申报表", "year": 2026, "name": name,
        "nature": "其他经常性项目", "category": category,
        "department": "上海市普陀区民政局",
        "implementer": "上海市普陀区养老服务指导中心",
        "start_date": "2026-01-01", "end_date": "2026-12-31",
        "funds": funds, "goal_project": goal_project, "goal_annual": goal_annual,
        "indicators": indicators, "span": {"pages": [1, 1]}, "extra": {},
    }


def main():
    first = [
        indicator("产出指标", "数量指标", "享受居家养老服务补贴的老年人数", "≥3500(人)", ">=", 3500.0, "人"),
        indicator("产出指标", "数量指标", "为失能、半失能老年人提供的上门照护服务时长", "≥120000(小时)", ">=", 120000.0, "小时"),
        indicator("产出指标", "数量指标", "新建社区长者食堂", "≥2(家)", ">=", 2.0, "家"),
        indicator("产出指标", "质量指标", "服务机构年度考核合格率", "=100%", "=", 100.0, "%"),
        indicator("产出指标", "质量指标", "补贴资金发放准确率", "=100%", "=", 100.0, "%"),
        indicator("产出指标", "时效指标", "补贴资金发放及时性", "每季度结束后15个工作日内发放到位"),
        indicator("成本指标", "经济成本指标", "人均居家养老服务补贴标准", "≤1380(元/人)", "<=", 1380.0, "元/人"),
        indicator("成本指标", "经济成本指标", "长者食堂建设单位成本", "≤800000(元/家)", "<=", 800000.0, "元/家"),
        indicator("成本指标", "社会成本指标", "对周边居民正常生活的影响", "无明显影响"),
        indicator("效益指标", "社会效益指标", "老年人居家生活质量", "明显改善"),
        indicator("效益指标", "社会效益指标", "家庭照护负担", "有效减轻"),
        indicator("效益指标", "可持续影响指标", "居家社区养老服务体系", "持续完善"),
        indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", ">=", 90.0, "%"),
    ]
    second = [indicator("产出指标", "数量指标", f"第{i}片区为老服务站巡访次数", f"≥{i * 4}(次)", ">=", float(i * 4), "次") for i in range(1, 19)]
    second += [indicator("产出指标", "质量指标", f"第{i}片区巡访记录完整率", "≥95%", ">=", 95.0, "%") for i in range(1, 11)]
    second += [
        indicator("产出指标", "时效指标", "年度巡访任务完成时间", "2026年12月15日前"),
        indicator("成本指标", "生态环境成本指标", "巡访车辆能耗", "较上年下降5%", None, 5.0, "%"),
        indicator("效益指标", "社会效益指标", "独居老人安全风险", "及时发现并处置"),
        indicator("满意度指标", "社会公众满意度指标", "社区居民满意度", "≥85%", ">=", 85.0, "%"),
    ]
    funds_a = {"project_total": 4860000.0, "project_fiscal": 4860000.0, "project_other": 0.0,
               "annual_total": 4860000.0, "annual_fiscal_current": 4860000.0,
               "annual_fiscal_carryover": 0.0, "annual_other": 0.0}
    funds_b = {"project_total": 1250000.0, "project_fiscal": 1150000.0, "project_other": 100000.0,
               "annual_total": 620000.0, "annual_fiscal_current": 480000.0,
               "annual_fiscal_carryover": 90000.0, "annual_other": 50000.0}
    doc = {
        "schema_version": 1,
        "source": {"file": "cost.json", "format": "text", "sha256": "", "pages": None},
        "title": "上海市普陀区民政局2026年度项目支出绩效目标表",
        "projects": [
            project("居家养老服务补贴", "一般性项目", first,
                    "健全居家社区养老服务网络，为符合条件的老年人提供居家养老服务补贴，提升老年人生活质量。",
                    "1.为3500名以上老年人发放居家养老服务补贴；\n2.新建长者食堂2家；\n3.服务对象满意度达到90%以上。", funds_a),
            project("独居老人关爱巡访", "特定目标类", second,
                    "建立覆盖全区的独居老人关爱巡访机制，及时发现和化解安全风险。",
                    "全年完成各片区巡访任务，巡访记录完整率达到95%以上。", funds_b),
        ],
        "diagnostics": [],
    }
    json.dump(doc, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)


main()
