#!/usr/bin/env python3
"""Writes stress.json: a synthetic document of two forms that stresses the
layouts the corpus text inputs lack (long names and targets that wrap over
several lines, a 二级 label of three lines in its narrow column, quotes in
names, a form crossing two pages), for the Chromium and LibreOffice
renderers (../chromium/make.py, ../libreoffice/make.py) to print.

usage: make-stress.py OUT.json
"""
import json
import sys


def indicator(l1, l2, name, text, op=None, value=None, unit=None):
    return {"level1": l1, "level2": l2, "name": name,
            "target": {"text": text, "op": op, "value": value, "unit": unit}, "page": None}


def project(name, indicators, goal_project, goal_annual, funds):
    return {
        "form": "财政项目支出绩效目标申报表", "year": 2026, "name": name,
        "nature": "其他经常性项目", "category": "一般性项目",
        "department": "上海市普陀区某某街道办事处（社区综合管理与公共服务中心）",
        "implementer": "上海市普陀区某某街道社区事务受理服务中心",
        "start_date": "2026-01-01", "end_date": "2026-12-31",
        "funds": funds, "goal_project": goal_project, "goal_annual": goal_annual,
        "indicators": indicators, "span": {"pages": [1, 1]}, "extra": {},
    }


def main():
    long_target = "完成辖区内老旧小区加装电梯、非机动车充电设施和无障碍通道改造的前期调研、方案论证与居民意见征询工作"
    first = [
        indicator("产出指标", "数量指标", "为辖区“一老一小”重点人群提供上门健康评估与家庭照护指导服务的户数", "≥1200(户)", ">=", 1200.0, "户"),
        indicator("产出指标", "数量指标", "社区微更新项目", long_target),
        indicator("产出指标", "质量指标", "服务对象信息登记准确率", "≥98%", ">=", 98.0, "%"),
        indicator("产出指标", "时效指标", "项目完成及时性", "2026年11月底前完成全部建设内容并通过第三方验收"),
        indicator("效益指标", "社会效益指标", "居民对社区公共服务的获得感和安全感", "明显提升"),
        indicator("效益指标", "可持续影响指标", "形成可复制推广的“楼组自治+专业服务”社区治理模式", "长期"),
        indicator("满意度指标", "社会公众或服务对象满意度指标", "居民满意度", "≥90%", ">=", 90.0, "%"),
        indicator("满意度指标", "社会公众或服务对象满意度指标", "参与活动的志愿者和社会组织对项目组织实施情况的总体评价", "≥85%", ">=", 85.0, "%"),
    ]
    second = [indicator("产出指标", "数量指标", f"第{i}居民区“睦邻点”活动场次", f"≥{i * 3}(场)", ">=", float(i * 3), "场") for i in range(1, 25)]
    second += [indicator("产出指标", "质量指标", f"第{i}居民区活动记录完整率", "=100%", "=", 100.0, "%") for i in range(1, 16)]
    second += [
        indicator("效益指标", "社会效益指标", "邻里互助氛围", "持续改善，居民参与社区事务的积极性明显提高"),
        indicator("满意度指标", "服务对象满意度指标", "参与居民满意度", "≥92%", ">=", 92.0, "%"),
    ]
    funds_a = {"project_total": 3650000.0, "project_fiscal": 3650000.0, "project_other": 0.0,
               "annual_total": 1280000.0, "annual_fiscal_current": 1200000.0,
               "annual_fiscal_carryover": 80000.0, "annual_other": 0.0}
    funds_b = {"project_total": 456000.0, "project_fiscal": 456000.0, "project_other": 0.0,
               "annual_total": 456000.0, "annual_fiscal_current": 456000.0,
               "annual_fiscal_carryover": 0.0, "annual_other": 0.0}
    doc = {
        "schema_version": 1,
        "source": {"file": "stress.json", "format": "text", "sha256": "", "pages": None},
        "title": "上海市普陀区某某街道2026年度项目支出绩效目标表",
        "projects": [
            project("社区综合治理与为老服务能力提升", first,
                    "通过三年时间，建成覆盖全街道的“一刻钟社区生活圈”服务网络，提升社区治理精细化水平。",
                    "1.完成上门健康评估1200户；\n2.完成微更新项目前期工作；\n3.居民满意度达到90%以上。", funds_a),
            project("睦邻点活动", second,
                    "依托居民区睦邻点开展邻里互助活动，营造和谐社区氛围。",
                    "全年开展睦邻活动不少于300场。", funds_b),
        ],
        "diagnostics": [],
    }
    json.dump(doc, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)


main()
