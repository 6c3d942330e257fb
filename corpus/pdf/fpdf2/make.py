#!/usr/bin/env python3
"""Renders a jixiao golden JSON with fpdf2 (a pure-Python PDF library:
embedded TrueType subsets, Identity-H with ToUnicode, its own table layout
with rowspan/colspan and its own page breaking): another PDF producer for
the corpus.

fpdf2 cannot break a rowspan over pages, so an indicator table that does
not fit continues on the next page as a table of its own, with the 绩效指标
marker and the labels of the runs it cuts printed again there, as report
servers print them.

usage: make.py GOLDEN.json OUT.pdf [FONT FILE]   (pip fpdf2; the font
defaults to Debian's fonts-wqy-microhei)
"""
import json
import sys

from fpdf import FPDF
from fpdf.enums import VAlign

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
WIDTHS = (8, 12, 12, 20, 14, 16, 8, 10)


def money(v):
    return "" if v is None else f"{v:,.2f}"


def new_pdf(font):
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_margins(12, 12, 12)
    pdf.add_font("cjk", fname=font)
    pdf.set_font("cjk", size=9)
    return pdf


def table(pdf, rows):
    """One fpdf2 table of rows of (text, colspan, rowspan, centred) cells."""
    with pdf.table(col_widths=WIDTHS, first_row_as_headings=False, line_height=4.5,
                   v_align=VAlign.M, text_align="LEFT", padding=1) as t:
        for cells in rows:
            r = t.row()
            for text, cols, span, center in cells:
                r.cell(text or "", colspan=cols, rowspan=span, align="C" if center else "L")


def fits(pdf, font, rows):
    """The rows fit on the rest of the page: tried on a scratch document
    at the same height."""
    scratch = new_pdf(font)
    scratch.add_page()
    scratch.set_y(pdf.get_y())
    try:
        table(scratch, rows)
    except ValueError:
        return False
    return scratch.page == 1


def run(ind, k, same):
    """How many rows from k on share a label (`same` compares two rows)."""
    n = 1
    while k + n < len(ind) and same(ind[k + n], ind[k]):
        n += 1
    return n


def indicator_rows(ind, with_header):
    """The rows of a part of an indicator table, labels merged over their
    runs within it; the marker spans them all (and the header row)."""
    out = []
    if with_header:
        out.append([("绩效\n指标", 1, len(ind) + 1, True), ("一级指标", 1, 1, True), ("二级指标", 1, 1, True),
                    ("三级指标", 3, 1, True), ("年度(/项目)指标值", 2, 1, True)])
    level1 = lambda a, b: a["level1"] == b["level1"]
    level2 = lambda a, b: (a["level1"], a["level2"]) == (b["level1"], b["level2"])
    for k, x in enumerate(ind):
        cells = []
        if k == 0 and not with_header:
            cells.append(("绩效\n指标", 1, len(ind), True))
        if k == 0 or not level1(ind[k - 1], x):
            cells.append((x["level1"], 1, run(ind, k, level1), True))
        if k == 0 or not level2(ind[k - 1], x):
            cells.append((x["level2"], 1, run(ind, k, level2), True))
        cells.append((x["name"], 3, 1, False))
        cells.append((x["target"]["text"], 2, 1, False))
        out.append(cells)
    return out


def form(pdf, font, p, title):
    pdf.add_page()
    if title:
        pdf.set_font("cjk", size=13)
        pdf.cell(0, 8, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=14)
    pdf.cell(0, 8, p["form"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=9)
    pdf.cell(0, 6, f"（{p['year']}年度）", align="C", new_x="LMARGIN", new_y="NEXT")
    rows = [
        [("项目名称", 1, 1, True), (p["name"], 2, 1, False), ("项目性质", 1, 1, True), (p["nature"], 1, 1, False),
         ("项目类别", 1, 1, True), (p["category"], 2, 1, False)],
        [("主管部门", 1, 1, True), (p["department"], 3, 1, False), ("实施单位", 1, 1, True), (p["implementer"], 3, 1, False)],
        [("计划开始日期", 1, 1, True), (p["start_date"], 3, 1, False), ("计划完成日期", 1, 1, True), (p["end_date"], 3, 1, False)],
    ]
    f = p["funds"]
    funds = [
        ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
        ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
        ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
        ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
    ]
    for i, (l, lv, r, rv) in enumerate(funds):
        cells = [("项目资金\n（元）", 1, 4, True)] if i == 0 else []
        rows.append(cells + [(l, 1, 1, True), (lv, 2, 1, False), (r, 1, 1, True), (rv, 3, 1, False)])
    rows.append([("项目\n绩效\n目标", 1, 2, True), ("项目总目标", 3, 1, True), ("年度总体目标", 4, 1, True)])
    if p["goal_project"] == p["goal_annual"]:
        rows.append([(p["goal_project"], 7, 1, False)])
    else:
        rows.append([(p["goal_project"], 3, 1, False), (p["goal_annual"], 4, 1, False)])
    ind, head = p["indicators"], rows
    while ind:
        n = len(ind)
        while n > 1 and not fits(pdf, font, head + indicator_rows(ind[:n], bool(head))):
            n -= 1
        table(pdf, head + indicator_rows(ind[:n], bool(head)))
        ind, head = ind[n:], []
        if ind:
            pdf.add_page()


def main():
    golden, out = sys.argv[1], sys.argv[2]
    font = sys.argv[3] if len(sys.argv) > 3 else FONT
    doc = json.load(open(golden, encoding="utf-8"))
    pdf = new_pdf(font)
    for i, p in enumerate(doc["projects"]):
        form(pdf, font, p, doc.get("title") if i == 0 else None)
    pdf.output(out)


if __name__ == "__main__":
    main()
