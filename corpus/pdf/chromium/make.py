#!/usr/bin/env python3
"""Renders a jixiao golden JSON as HTML tables (rowspan/colspan merged
cells, one form per page run) and prints it to PDF with headless Chromium:
a third PDF producer for the corpus (Skia: embedded CJK TrueType subsets,
Identity-H with ToUnicode).

usage: make.py GOLDEN.json OUT.pdf [FONT FAMILY]   (needs Debian's chromium
and fonts-wqy-microhei or fonts-noto-cjk; the family defaults to
WenQuanYi Micro Hei, e.g. 'Noto Serif CJK SC' for a serif render)
"""
import html
import json
import os
import subprocess
import sys
import tempfile

STYLE = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: FAMILY; font-size: 9pt; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }
h2 { font-size: 15pt; text-align: center; margin: 0; }
p.year { text-align: center; margin: 2pt 0 6pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
tr { break-inside: avoid; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; word-break: break-all; white-space: pre-wrap; }
td.c { text-align: center; }
.form { page-break-before: always; }
.form.first { page-break-before: auto; }
col.a { width: 8%; } col.b { width: 12%; } col.c { width: 12%; } col.d { width: 20%; }
col.e { width: 14%; } col.f { width: 16%; } col.g { width: 8%; } col.h { width: 10%; }
"""


def e(text):
    return html.escape(text or "")


def money(v):
    return "" if v is None else f"{v:,.2f}"


def td(text, cols=1, rows=1, center=False):
    attrs = ""
    if cols > 1:
        attrs += f' colspan="{cols}"'
    if rows > 1:
        attrs += f' rowspan="{rows}"'
    if center:
        attrs += ' class="c"'
    return f"<td{attrs}>{e(text)}</td>"


def form(p, first, title):
    out = [f'<div class="form{" first" if first else ""}">']
    if title:
        out.append(f"<h1>{e(title)}</h1>")
    out.append(f"<h2>{e(p['form'])}</h2><p class=\"year\">（{p['year']}年度）</p>")
    out.append('<table><colgroup><col class="a"><col class="b"><col class="c"><col class="d"><col class="e"><col class="f"><col class="g"><col class="h"></colgroup>')
    out.append("<tr>" + td("项目名称", center=True) + td(p["name"], 2) + td("项目性质", center=True) + td(p["nature"]) + td("项目类别", center=True) + td(p["category"], 2) + "</tr>")
    out.append("<tr>" + td("主管部门", center=True) + td(p["department"], 3) + td("实施单位", center=True) + td(p["implementer"], 3) + "</tr>")
    out.append("<tr>" + td("计划开始日期", center=True) + td(p["start_date"], 3) + td("计划完成日期", center=True) + td(p["end_date"], 3) + "</tr>")
    f = p["funds"]
    rows = [
        ("项目资金总额", money(f["project_total"]), "年度资金申请总额", money(f["annual_total"])),
        ("其中：财政资金", money(f["project_fiscal"]), "其中：当年财政拨款", money(f["annual_fiscal_current"])),
        ("", "", "上年结转资金", money(f["annual_fiscal_carryover"])),
        ("其他资金", money(f["project_other"]), "其他资金", money(f["annual_other"])),
    ]
    for i, (l, lv, r, rv) in enumerate(rows):
        label = td("项目资金\n（元）", rows=4, center=True) if i == 0 else ""
        out.append("<tr>" + label + td(l, center=True) + td(lv, 2) + td(r, center=True) + td(rv, 3) + "</tr>")
    out.append("<tr>" + td("项目\n绩效\n目标", rows=2, center=True) + td("项目总目标", 3, center=True) + td("年度总体目标", 4, center=True) + "</tr>")
    if p["goal_project"] == p["goal_annual"]:
        out.append("<tr>" + td(p["goal_project"], 7) + "</tr>")
    else:
        out.append("<tr>" + td(p["goal_project"], 3) + td(p["goal_annual"], 4) + "</tr>")
    ind = p["indicators"]
    out.append("<tr>" + td("绩效\n指标", rows=len(ind) + 1, center=True) + td("一级指标", center=True) + td("二级指标", center=True) + td("三级指标", 3, center=True) + td("年度(/项目)指标值", 2, center=True) + "</tr>")
    for k, x in enumerate(ind):
        cells = ""
        if k == 0 or ind[k - 1]["level1"] != x["level1"]:
            n = 1
            while k + n < len(ind) and ind[k + n]["level1"] == x["level1"]:
                n += 1
            cells += td(x["level1"], rows=n, center=True)
        key = (x["level1"], x["level2"])
        if k == 0 or (ind[k - 1]["level1"], ind[k - 1]["level2"]) != key:
            n = 1
            while k + n < len(ind) and (ind[k + n]["level1"], ind[k + n]["level2"]) == key:
                n += 1
            cells += td(x["level2"], rows=n, center=True)
        cells += td(x["name"], 3) + td(x["target"]["text"], 2)
        out.append(f"<tr>{cells}</tr>")
    out.append("</table></div>")
    return "\n".join(out)


def main():
    golden, out = sys.argv[1], sys.argv[2]
    family = f"'{sys.argv[3]}'" if len(sys.argv) > 3 else "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
    doc = json.load(open(golden, encoding="utf-8"))
    body = "\n".join(form(p, i == 0, doc.get("title") if i == 0 else None) for i, p in enumerate(doc["projects"]))
    page = f"<!doctype html><html><head><meta charset=\"utf-8\"><style>{STYLE.replace('FAMILY', family)}</style></head><body>{body}</body></html>"
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "forms.html")
        open(src, "w", encoding="utf-8").write(page)
        pdf = os.path.join(tmp, "forms.pdf")
        subprocess.run([
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", f"file://{src}",
        ], check=True, capture_output=True, timeout=120)
        with open(pdf, "rb") as f, open(out, "wb") as g:
            g.write(f.read())


if __name__ == "__main__":
    main()
