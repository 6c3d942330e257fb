#!/usr/bin/env python3
"""Renders a jixiao golden JSON with ReportLab's platypus tables in the
non-embedded STSong-Light font: another PDF producer for the corpus
(iText/ReportLab style: UniGB-UCS2-H with the font's real /W array;
amounts right-aligned; merged cells as SPAN; tables split over pages by
ReportLab itself). ReportLab's paragraphs print a run of spaces as one.

usage: make.py GOLDEN.json OUT.pdf   (needs pip reportlab)
"""
import json
import sys

from reportlab.lib import colors, pagesizes
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


def font():
    f = UnicodeCIDFont("STSong-Light")
    pdfmetrics.registerFont(f)
    return f.fontName


MAX_SPAN = 12


def money(v):
    return "" if v is None else f"{v:,.2f}"


def build(doc, out):
    name = font()
    cell = ParagraphStyle("cell", fontName=name, fontSize=8.5, leading=11, wordWrap="CJK")
    centre = ParagraphStyle("centre", parent=cell, alignment=1)
    right = ParagraphStyle("right", parent=cell, alignment=2)
    title = ParagraphStyle("title", fontName=name, fontSize=14, leading=20, alignment=1)
    heading = ParagraphStyle("heading", fontName=name, fontSize=15, leading=22, alignment=1)
    year = ParagraphStyle("year", fontName=name, fontSize=10, leading=16, alignment=1)

    def P(text, style=cell):
        text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
        return Paragraph(text, style)

    story = []
    for i, p in enumerate(doc["projects"]):
        if i > 0:
            story.append(PageBreak())
        elif doc.get("title"):
            story.append(P(doc["title"], title))
        story.append(P(p["form"], heading))
        if p.get("year"):
            story.append(P(f"（{p['year']}年度）", year))
        story.append(Spacer(1, 4))
        rows, spans = [], []

        def add(cells, row_spans=()):
            rows.append(cells)
            top = len(rows) - 1
            for col0, col1, down in row_spans:
                # ReportLab cannot split a table inside a SPAN: long merged
                # labels are drawn as runs of at most MAX_SPAN rows (the
                # label in the first), so the table can break between them.
                for start in range(top, top + down + 1, MAX_SPAN):
                    spans.append(("SPAN", (col0, start), (col1, min(start + MAX_SPAN - 1, top + down))))

        E = ""
        add([P("项目名称", centre), P(p["name"]), E, P("项目性质", centre), P(p["nature"]), P("项目类别", centre), P(p["category"]), E],
            [(1, 2, 0), (6, 7, 0)])
        add([P("主管部门", centre), P(p["department"]), E, E, P("实施单位", centre), P(p["implementer"]), E, E],
            [(1, 3, 0), (5, 7, 0)])
        add([P("计划开始日期", centre), P(p["start_date"]), E, E, P("计划完成日期", centre), P(p["end_date"]), E, E],
            [(1, 3, 0), (5, 7, 0)])
        f = p["funds"]
        money_rows = [
            ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
            ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
            ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
            ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
        ]
        for k, (l, lv, r, rv) in enumerate(money_rows):
            first = [(0, 0, 3)] if k == 0 else []
            add([P("项目资金（元）", centre) if k == 0 else E, P(l, centre), P(lv, right), E, P(r, centre), E, P(rv, right), E],
                first + [(2, 3, 0), (4, 5, 0), (6, 7, 0)])
        add([P("项目绩效目标", centre), P("项目总目标", centre), E, E, P("年度总体目标", centre), E, E, E],
            [(0, 0, 1), (1, 3, 0), (4, 7, 0)])
        if p["goal_project"] == p["goal_annual"]:
            add([E, P(p["goal_project"]), E, E, E, E, E, E], [(1, 7, 0)])
        else:
            add([E, P(p["goal_project"]), E, E, P(p["goal_annual"]), E, E, E], [(1, 3, 0), (4, 7, 0)])
        ind = p["indicators"]
        add([P("绩效指标", centre), P("一级指标", centre), P("二级指标", centre), P("三级指标", centre), E, E, P("年度(/项目)指标值", centre), E],
            [(0, 0, len(ind)), (3, 5, 0), (6, 7, 0)])
        for k, x in enumerate(ind):
            extra = [(3, 5, 0), (6, 7, 0)]
            l1 = l2 = E
            if k == 0 or ind[k - 1]["level1"] != x["level1"]:
                n = 1
                while k + n < len(ind) and ind[k + n]["level1"] == x["level1"]:
                    n += 1
                l1 = P(x["level1"], centre)
                extra.append((1, 1, n - 1))
            key = (x["level1"], x["level2"])
            if k == 0 or (ind[k - 1]["level1"], ind[k - 1]["level2"]) != key:
                n = 1
                while k + n < len(ind) and (ind[k + n]["level1"], ind[k + n]["level2"]) == key:
                    n += 1
                l2 = P(x["level2"], centre)
                extra.append((2, 2, n - 1))
            add([E, l1, l2, P(x["name"]), E, E, P(x["target"]["text"]), E], extra)
        widths = [a * mm for a in (18, 24, 24, 22, 22, 22, 20, 22)]
        table = Table(rows, colWidths=widths, repeatRows=0, splitByRow=1)
        table.setStyle(TableStyle(spans + [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]))
        story.append(table)
    SimpleDocTemplate(out, pagesize=pagesizes.A4, leftMargin=12 * mm, rightMargin=12 * mm,
                      topMargin=12 * mm, bottomMargin=12 * mm).build(story)


if __name__ == "__main__":
    build(json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2])
