#!/usr/bin/env python3
"""Renders a jixiao golden JSON as a Typst document and compiles it to PDF
with Typst's own PDF writer (pip typst: the Rust compiler, its fonts set
as CID-keyed subsets): a producer whose tables are laid out by a grid of
its own, rows broken across pages, every cell's text set at the top but
the labels, which are centred.

usage: make.py GOLDEN.json OUT.pdf [FONT FAMILY] [portrait]
  (needs pip typst and fonts-noto-cjk or fonts-wqy-microhei; the family
  defaults to Noto Serif CJK SC, as 宋体 is set in most sheets)
"""
import json
import sys

import typst

# Column shares of the eight grid columns, as in the other producers.
SHARES = [8, 12, 12, 20, 14, 16, 8, 10]
FONT_PATHS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/wqy"]


def money(v):
    return "" if v is None else f"{v:,.2f}"


def string(text):
    # A Typst string literal: JSON's escapes but \u, which no sheet needs.
    return json.dumps(text or "", ensure_ascii=False)


class Table:
    """Cells in row-major order; Typst places each at the next free slot."""

    def __init__(self):
        self.cells = []

    def cell(self, text="", colspan=1, rowspan=1, label=False):
        args = []
        if colspan > 1:
            args.append(f"colspan: {colspan}")
        if rowspan > 1:
            args.append(f"rowspan: {rowspan}")
        if label:
            args.append("align: center + horizon")
        self.cells.append(f"  table.cell({', '.join(args)})[#{string(text)}],")


def form(p, title, first):
    out = []
    if not first:
        out.append("#pagebreak()")
    if title:
        out.append(f"#align(center, text(size: 14pt)[#{string(title)}])")
    out.append(f"#align(center, text(size: 15pt)[#{string(p['form'])}])")
    out.append(f"#align(center)[#{string('（' + str(p['year']) + '年度）')}]")
    t = Table()
    c = t.cell
    c("项目名称", label=True); c(p["name"], 2); c("项目性质", label=True); c(p["nature"])
    c("项目类别", label=True); c(p["category"], 2)
    c("主管部门", label=True); c(p["department"], 3); c("实施单位", label=True); c(p["implementer"], 3)
    c("计划开始日期", label=True); c(p["start_date"], 3); c("计划完成日期", label=True); c(p["end_date"], 3)
    f = p["funds"]
    rows = [
        ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
        ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
        ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
        ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
    ]
    for i, (l, lv, r, rv) in enumerate(rows):
        if i == 0:
            c("项目资金\n（元）", rowspan=4, label=True)
        c(l, label=True); c(lv, 2); c(r, label=True); c(rv, 3)
    c("项目\n绩效\n目标", rowspan=2, label=True)
    c("项目总目标", 3, label=True); c("年度总体目标", 4, label=True)
    if p["goal_project"] == p["goal_annual"]:
        c(p["goal_project"], 7)
    else:
        c(p["goal_project"], 3); c(p["goal_annual"], 4)
    ind = p["indicators"]
    c("绩效\n指标", rowspan=len(ind) + 1, label=True)
    c("一级指标", label=True); c("二级指标", label=True); c("三级指标", 3, label=True)
    c("年度(/项目)指标值", 2, label=True)
    for k, x in enumerate(ind):
        def run(same):
            n = 1
            while k + n < len(ind) and same(ind[k + n]):
                n += 1
            return n

        if k == 0 or ind[k - 1]["level1"] != x["level1"]:
            c(x["level1"], rowspan=run(lambda z: z["level1"] == x["level1"]), label=True)
        key = (x["level1"], x["level2"])
        if k == 0 or (ind[k - 1]["level1"], ind[k - 1]["level2"]) != key:
            c(x["level2"], rowspan=run(lambda z: (z["level1"], z["level2"]) == key), label=True)
        c(x["name"], 3)
        c(x["target"]["text"], 2)
    columns = ", ".join(f"{s}fr" for s in SHARES)
    out.append(f"#table(\n  columns: ({columns}),\n  inset: 4pt,")
    out.extend(t.cells)
    out.append(")")
    return out


def main():
    golden, out = sys.argv[1], sys.argv[2]
    family = sys.argv[3] if len(sys.argv) > 3 else "Noto Serif CJK SC"
    portrait = len(sys.argv) > 4 and sys.argv[4] == "portrait"
    data = json.load(open(golden, encoding="utf-8"))
    src = [
        f'#set page(paper: "a4", flipped: {"false" if portrait else "true"}, margin: 1.5cm)',
        f'#set text(font: {string(family)}, size: 9pt, lang: "zh")',
        "#set par(leading: 0.5em)",
    ]
    for i, p in enumerate(data["projects"]):
        src += form(p, data.get("title") if i == 0 else None, i == 0)
    pdf = typst.compile("\n".join(src).encode("utf-8"), font_paths=FONT_PATHS)
    with open(out, "wb") as f:
        f.write(pdf)


if __name__ == "__main__":
    main()
