#!/usr/bin/env python3
"""Renders a jixiao golden JSON as the forms of ../chromium/make.py (the same
rows, merged cells and column widths) and prints them with iText 5
(Forms.java): another PDF producer, the Java library most report servers
that publish these sheets are built on.

usage: make.py GOLDEN.json OUT.pdf [FONT FILE] [portrait]   (dev tool; needs
Debian's libitext5-java and a JDK, fonts-wqy-microhei or fonts-noto-cjk)
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = "/usr/share/java/itext5.jar"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0"


def money(v):
    return "" if v is None else f"{v:,.2f}"


def esc(text):
    return (text or "").replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ")


def cell(text, cols=1, rows=1, center=False):
    return "\x1e".join([esc(text), str(cols), str(rows), "c" if center else "l"])


def row(*cells):
    return "ROW\t" + "\x1f".join(cells)


def form(p, title):
    out = []
    if title:
        out.append(f"H1\t{esc(title)}")
    out.append(f"H2\t{esc(p['form'])}")
    out.append(f"P\t（{p['year']}年度）")
    out.append("TABLE")
    out.append(row(cell("项目名称", center=True), cell(p["name"], 2), cell("项目性质", center=True), cell(p["nature"]),
                   cell("项目类别", center=True), cell(p["category"], 2)))
    out.append(row(cell("主管部门", center=True), cell(p["department"], 3), cell("实施单位", center=True), cell(p["implementer"], 3)))
    out.append(row(cell("计划开始日期", center=True), cell(p["start_date"], 3), cell("计划完成日期", center=True), cell(p["end_date"], 3)))
    f = p["funds"]
    funds = [
        ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
        ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
        ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
        ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
    ]
    for i, (l, lv, r, rv) in enumerate(funds):
        lead = [cell("项目资金\n（元）", rows=4, center=True)] if i == 0 else []
        out.append(row(*lead, cell(l, center=True), cell(lv, 2), cell(r, center=True), cell(rv, 3)))
    out.append(row(cell("项目\n绩效\n目标", rows=2, center=True), cell("项目总目标", 3, center=True), cell("年度总体目标", 4, center=True)))
    if p["goal_project"] == p["goal_annual"]:
        out.append(row(cell(p["goal_project"], 7)))
    else:
        out.append(row(cell(p["goal_project"], 3), cell(p["goal_annual"], 4)))
    ind = p["indicators"]
    out.append(row(cell("绩效\n指标", rows=len(ind) + 1, center=True), cell("一级指标", center=True), cell("二级指标", center=True),
                   cell("三级指标", 3, center=True), cell("年度(/项目)指标值", 2, center=True)))
    for k, x in enumerate(ind):
        cells = []
        if k == 0 or ind[k - 1]["level1"] != x["level1"]:
            n = 1
            while k + n < len(ind) and ind[k + n]["level1"] == x["level1"]:
                n += 1
            cells.append(cell(x["level1"], rows=n, center=True))
        key = (x["level1"], x["level2"])
        if k == 0 or (ind[k - 1]["level1"], ind[k - 1]["level2"]) != key:
            n = 1
            while k + n < len(ind) and (ind[k + n]["level1"], ind[k + n]["level2"]) == key:
                n += 1
            cells.append(cell(x["level2"], rows=n, center=True))
        cells += [cell(x["name"], 3), cell(x["target"]["text"], 2)]
        out.append(row(*cells))
    out.append("END")
    return out


def main():
    golden, out = sys.argv[1], sys.argv[2]
    font = sys.argv[3] if len(sys.argv) > 3 else FONT
    orientation = sys.argv[4] if len(sys.argv) > 4 else "landscape"
    doc = json.load(open(golden, encoding="utf-8"))
    lines = []
    for i, p in enumerate(doc["projects"]):
        if i:
            lines.append("PAGE")
        lines += form(p, doc.get("title") if i == 0 else None)
    with tempfile.TemporaryDirectory() as tmp:
        spec = os.path.join(tmp, "forms.tsv")
        open(spec, "w", encoding="utf-8").write("\n".join(lines) + "\n")
        subprocess.run(["javac", "-cp", JAR, "-d", tmp, os.path.join(HERE, "Forms.java")], check=True)
        subprocess.run(["java", "-cp", f"{JAR}:{tmp}", "Forms", spec, out, font, orientation], check=True)


if __name__ == "__main__":
    main()
