#!/usr/bin/env python3
"""Renders a jixiao golden JSON as a LibreOffice Calc sheet with merged
cells (one form after another, a page break before each) and prints it to
PDF with `soffice --headless --convert-to pdf`. A second PDF producer for
the corpus: embedded CJK OpenType subsets (Noto Sans CJK), Identity-H with
ToUnicode, borders drawn by LibreOffice.

usage: make.py GOLDEN.json OUT.pdf [--narrow] [--vertical-markers]
    (needs libreoffice-calc-nogui, fonts-noto-cjk and openpyxl)

--narrow: the name and target columns a third narrower, so that more cells
wrap (names too) and LibreOffice draws more of them in its second pass.
--vertical-markers: the block markers written one character a line (`项` /
`目` / `资` / `金` / `（元）`), as forms typed for a narrow first column
print them; the rows they span are made tall enough to hold them.
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.pagebreak import Break

FONT = Font(name="Noto Sans CJK SC", size=9)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WIDTHS = {"A": 10, "B": 14, "C": 16, "D": 22, "E": 16, "F": 22, "G": 12, "H": 16}


def width_of(cols):
    return sum(WIDTHS[c] for c in cols)


def lines_needed(text, cols):
    # A column width unit holds about one half-width character; an
    # ideograph takes about 2.4 (with some slack, so nothing is clipped).
    chars = max(1, width_of(cols) - 2)
    if not text:
        return 1
    return sum(max(1, math.ceil(sum(2.4 if ord(c) > 0x2000 else 1.1 for c in part) / chars)) for part in text.split("\n"))


class Sheet:
    def __init__(self, ws):
        self.ws = ws
        self.row = 1

    def put(self, cols, text, rows=1, center=False, border=True, size=None):
        first, last = cols[0], cols[-1]
        top, bottom = self.row, self.row + rows - 1
        cell = self.ws[f"{first}{top}"]
        cell.value = text
        cell.data_type = "s"  # `=1.00(辆)` is a target, not a formula
        cell.font = Font(name=FONT.name, size=size or FONT.size)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if center else "left")
        if first != last or rows > 1:
            self.ws.merge_cells(f"{first}{top}:{last}{bottom}")
        if border:
            for r in range(top, bottom + 1):
                for c in range(ord(first), ord(last) + 1):
                    self.ws[f"{chr(c)}{r}"].border = BOX

    def height(self, lines, size=9):
        self.ws.row_dimensions[self.row].height = max(1, lines) * size * 1.45 + 4

    def next(self):
        self.row += 1


# One character a line for the block markers (--vertical-markers).
VERTICAL = False


def marker(text):
    if not VERTICAL:
        return text
    # `（元）` stays whole: a narrow column wraps after the unit, not in it.
    flat = text.replace("\n", "")
    unit = "（元）" if flat.endswith("（元）") else ""
    return "\n".join(list(flat.removesuffix(unit)) + ([unit] if unit else []))


def money(v):
    return "" if v is None else f"{v:,.2f}"


def render(doc, xlsx):
    wb = Workbook()
    ws = wb.active
    ws.title = "forms"
    for col, w in WIDTHS.items():
        ws.column_dimensions[col].width = w
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    s = Sheet(ws)
    if doc.get("title"):
        s.put("ABCDEFGH", doc["title"], center=True, border=False, size=14)
        s.height(1, 14)
        s.next()
    for i, p in enumerate(doc["projects"]):
        if i > 0:
            ws.row_breaks.append(Break(id=s.row - 1))
        s.put("ABCDEFGH", p["form"], center=True, border=False, size=16)
        s.height(1, 16)
        s.next()
        s.put("ABCDEFGH", f"（{p['year']}年度）", center=True, border=False, size=10)
        s.next()
        for cells in [
            [("A", "项目名称", True), ("BC", p["name"] or "", False), ("D", "项目性质", True), ("E", p["nature"] or "", False), ("F", "项目类别", True), ("GH", p["category"] or "", False)],
            [("A", "主管部门", True), ("BCD", p["department"] or "", False), ("E", "实施单位", True), ("FGH", p["implementer"] or "", False)],
            [("A", "计划开始日期", True), ("BCD", p["start_date"] or "", False), ("E", "计划完成日期", True), ("FGH", p["end_date"] or "", False)],
        ]:
            for cols, text, center in cells:
                s.put(cols, text, center=center)
            s.height(max(lines_needed(t, c) for c, t, _ in cells))
            s.next()
        f = p["funds"]
        s.put("A", marker("项目资金\n（元）"), rows=4, center=True)
        for left, lv, right, rv in [
            ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
            ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
            ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
            ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
        ]:
            s.put("B", left, center=True)
            s.put("CD", lv)
            s.put("E", right, center=True)
            s.put("FGH", rv)
            s.height(2 if VERTICAL else 1)
            s.next()
        s.put("A", marker("项目\n绩效\n目标"), rows=2, center=True)
        s.put("BCD", "项目总目标", center=True)
        s.put("EFGH", "年度总体目标", center=True)
        if VERTICAL:
            s.height(3)
        s.next()
        goal, annual = p["goal_project"] or "", p["goal_annual"] or ""
        if goal == annual:
            s.put("BCDEFGH", goal)
            s.height(lines_needed(goal, "BCDEFGH"))
        else:
            # The district's 填报表: two goal cells side by side, each
            # wrapping on its own.
            s.put("BCD", goal)
            s.put("EFGH", annual)
            s.height(max(lines_needed(goal, "BCD"), lines_needed(annual, "EFGH")))
        if VERTICAL:
            s.height(max(3, lines_needed(goal, "BCD"), lines_needed(annual, "EFGH")))
        s.next()
        indicators = p["indicators"]
        s.put("A", marker("绩效\n指标"), rows=len(indicators) + 1, center=True)
        for cols, text in [("B", "一级指标"), ("C", "二级指标"), ("DEF", "三级指标"), ("GH", "年度(/项目)指标值")]:
            s.put(cols, text, center=True)
        s.next()
        start = s.row
        for k, ind in enumerate(indicators):
            row = start + k
            s.row = row
            if k == 0 or indicators[k - 1]["level1"] != ind["level1"]:
                n = 1
                while k + n < len(indicators) and indicators[k + n]["level1"] == ind["level1"]:
                    n += 1
                s.put("B", ind["level1"] or "", rows=n, center=True)
            if k == 0 or (indicators[k - 1]["level1"], indicators[k - 1]["level2"]) != (ind["level1"], ind["level2"]):
                n = 1
                while k + n < len(indicators) and (indicators[k + n]["level1"], indicators[k + n]["level2"]) == (ind["level1"], ind["level2"]):
                    n += 1
                s.put("C", ind["level2"] or "", rows=n, center=True)
            s.put("DEF", ind["name"])
            s.put("GH", ind["target"]["text"])
            s.height(max(lines_needed(ind["name"], "DEF"), lines_needed(ind["target"]["text"], "GH"), lines_needed(ind["level2"] or "", "C")))
        s.row = start + len(indicators)
    ws.print_area = f"A1:H{s.row - 1}"
    wb.save(xlsx)


def main():
    golden, out = sys.argv[1], sys.argv[2]
    global VERTICAL
    VERTICAL = "--vertical-markers" in sys.argv[3:]
    if "--narrow" in sys.argv[3:]:
        for col in "DEFGH":
            WIDTHS[col] = WIDTHS[col] * 2 // 3
    doc = json.load(open(golden, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = os.path.join(tmp, "forms.xlsx")
        render(doc, xlsx)
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, xlsx], check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "forms.pdf"), out)


if __name__ == "__main__":
    main()
