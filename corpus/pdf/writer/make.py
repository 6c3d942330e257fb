#!/usr/bin/env python3
"""Renders a jixiao golden JSON as a Word document (.docx, python-docx)
and prints it to PDF with LibreOffice Writer: the way most real sheets are
made (a Word table: merged labels by vMerge, columns by gridSpan, every
cell set at the top as Word's default, rows allowed to break across
pages), printed by the word processor of Linux desktops and servers.

usage: make.py GOLDEN.json OUT.pdf [FONT FAMILY] [portrait]
  (needs pip python-docx, Debian's libreoffice-writer-nogui or
  libreoffice-calc-nogui, and fonts-noto-cjk or fonts-wqy-microhei; the
  family defaults to Noto Serif CJK SC, as 宋体 is set in most sheets)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

# Column shares of the eight grid columns, as in the other producers.
SHARES = [8, 12, 12, 20, 14, 16, 8, 10]


def money(v):
    return "" if v is None else f"{v:,.2f}"


def set_font(doc, family):
    style = doc.styles["Normal"]
    style.font.name = family
    style.font.size = Pt(9)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(key), family)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)


def put(cell, text, centre=False):
    # One paragraph a line: Word keeps a cell's line breaks as paragraphs.
    lines = (text or "").split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    if centre:
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def heading(doc, text, size, page_break=False):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.page_break_before = page_break
    run = p.add_run(text)
    run.font.size = Pt(size)


def form(doc, p, title, first, usable):
    if title:
        heading(doc, title, 14, page_break=not first)
        heading(doc, p["form"], 15)
    else:
        heading(doc, p["form"], 15, page_break=not first)
    heading(doc, f"（{p['year']}年度）", 9)
    ind = p["indicators"]
    nrows = 3 + 4 + 2 + 1 + len(ind)
    table = doc.add_table(rows=nrows, cols=8)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            cell.width = Cm(usable * SHARES[k] / 100)

    def cell(r, c0, c1=None, r1=None, text="", centre=False):
        c1 = c0 if c1 is None else c1
        r1 = r if r1 is None else r1
        a = table.cell(r, c0)
        if (r1, c1) != (r, c0):
            a = a.merge(table.cell(r1, c1))
        put(a, text, centre)

    cell(0, 0, text="项目名称", centre=True)
    cell(0, 1, 2, text=p["name"])
    cell(0, 3, text="项目性质", centre=True)
    cell(0, 4, text=p["nature"])
    cell(0, 5, text="项目类别", centre=True)
    cell(0, 6, 7, text=p["category"])
    cell(1, 0, text="主管部门", centre=True)
    cell(1, 1, 3, text=p["department"])
    cell(1, 4, text="实施单位", centre=True)
    cell(1, 5, 7, text=p["implementer"])
    cell(2, 0, text="计划开始日期", centre=True)
    cell(2, 1, 3, text=p["start_date"])
    cell(2, 4, text="计划完成日期", centre=True)
    cell(2, 5, 7, text=p["end_date"])
    f = p["funds"]
    rows = [
        ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
        ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
        ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
        ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
    ]
    cell(3, 0, 0, 6, text="项目资金\n（元）", centre=True)
    for i, (l, lv, r, rv) in enumerate(rows):
        cell(3 + i, 1, text=l, centre=True)
        cell(3 + i, 2, 3, text=lv)
        cell(3 + i, 4, text=r, centre=True)
        cell(3 + i, 5, 7, text=rv)
    cell(7, 0, 0, 8, text="项目\n绩效\n目标", centre=True)
    cell(7, 1, 3, text="项目总目标", centre=True)
    cell(7, 4, 7, text="年度总体目标", centre=True)
    if p["goal_project"] == p["goal_annual"]:
        cell(8, 1, 7, text=p["goal_project"])
    else:
        cell(8, 1, 3, text=p["goal_project"])
        cell(8, 4, 7, text=p["goal_annual"])
    top = 9
    cell(top, 0, 0, top + len(ind), text="绩效\n指标", centre=True)
    cell(top, 1, text="一级指标", centre=True)
    cell(top, 2, text="二级指标", centre=True)
    cell(top, 3, 5, text="三级指标", centre=True)
    cell(top, 6, 7, text="年度(/项目)指标值", centre=True)
    for k, x in enumerate(ind):
        r = top + 1 + k

        def run(same):
            n = 1
            while k + n < len(ind) and same(ind[k + n]):
                n += 1
            return n

        if k == 0 or ind[k - 1]["level1"] != x["level1"]:
            cell(r, 1, 1, r + run(lambda z: z["level1"] == x["level1"]) - 1, text=x["level1"], centre=True)
        key = (x["level1"], x["level2"])
        if k == 0 or (ind[k - 1]["level1"], ind[k - 1]["level2"]) != key:
            n = run(lambda z: (z["level1"], z["level2"]) == key)
            cell(r, 2, 2, r + n - 1, text=x["level2"], centre=True)
        cell(r, 3, 5, text=x["name"])
        cell(r, 6, 7, text=x["target"]["text"])


def main():
    golden, out = sys.argv[1], sys.argv[2]
    family = sys.argv[3] if len(sys.argv) > 3 else "Noto Serif CJK SC"
    portrait = len(sys.argv) > 4 and sys.argv[4] == "portrait"
    data = json.load(open(golden, encoding="utf-8"))
    doc = Document()
    set_font(doc, family)
    section = doc.sections[0]
    if not portrait:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    usable = (section.page_width - section.left_margin - section.right_margin) / 360000
    for i, p in enumerate(data["projects"]):
        form(doc, p, data.get("title") if i == 0 else None, i == 0, usable)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "forms.docx")
        doc.save(src)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, src],
            check=True, capture_output=True, timeout=180,
        )
        shutil.copyfile(os.path.join(tmp, "forms.pdf"), out)


if __name__ == "__main__":
    main()
