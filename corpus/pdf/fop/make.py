#!/usr/bin/env python3
"""Renders a jixiao golden JSON as XSL-FO tables (number-rows-spanned /
number-columns-spanned merged cells, one form per page run) and prints it
with Apache FOP: the Java report servers' producer (CID TrueType or CFF
subsets with ToUnicode, FOP's own line breaking; rows cut by page breaks).

usage: make.py GOLDEN.json OUT.pdf [FONT_FILE SUB_FONT]   (needs Debian's
fop; the font defaults to WenQuanYi Micro Hei of fonts-wqy-microhei; FOP
2.8 reads no CFF outlines in a collection, so Noto CJK's .ttc will not do:
'WenQuanYi Micro Hei Mono' is the other face at hand)
"""
import json
import os
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

CONFIG = """<?xml version="1.0"?>
<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>
<font embed-url="file://{file}" sub-font="{sub}" kerning="no"><font-triplet name="CJK" style="normal" weight="normal"/></font>
</fonts></renderer></renderers></fop>
"""
SHARES = [8, 12, 12, 20, 14, 16, 8, 10]


def money(v):
    return "" if v is None else f"{v:,.2f}"


def cell(text, cols=1, rows=1, center=False):
    attrs = ' border="0.75pt solid black" padding="2pt" display-align="center"'
    if cols > 1:
        attrs += f' number-columns-spanned="{cols}"'
    if rows > 1:
        attrs += f' number-rows-spanned="{rows}"'
    align = ' text-align="center"' if center else ""
    lines = "".join(f"<fo:block{align}>{escape(line)}</fo:block>" for line in (text or "").split("\n"))
    return f"<fo:table-cell{attrs}>{lines or '<fo:block/>'}</fo:table-cell>"


def row(*cells):
    return "<fo:table-row>" + "".join(cells) + "</fo:table-row>"


def form(p, first, title):
    out = [f'<fo:block{"" if first else " break-before=" + chr(34) + "page" + chr(34)}>']
    if title:
        out.append(f'<fo:block font-size="14pt" text-align="center" space-after="4pt">{escape(title)}</fo:block>')
    out.append(f'<fo:block font-size="15pt" text-align="center">{escape(p["form"])}</fo:block>')
    out.append(f'<fo:block text-align="center" space-after="6pt">（{p["year"]}年度）</fo:block>')
    out.append('<fo:table table-layout="fixed" width="100%" border-collapse="collapse">')
    out.extend(f'<fo:table-column column-width="proportional-column-width({s})"/>' for s in SHARES)
    out.append("<fo:table-body>")
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
        label = cell("项目资金\n（元）", rows=4, center=True) if i == 0 else ""
        out.append(row(label, cell(l, center=True), cell(lv, 2), cell(r, center=True), cell(rv, 3)))
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

        def run(same):
            n = 1
            while k + n < len(ind) and same(ind[k + n]):
                n += 1
            return n

        if k == 0 or ind[k - 1]["level1"] != x["level1"]:
            cells.append(cell(x["level1"], rows=run(lambda y: y["level1"] == x["level1"]), center=True))
        key = (x["level1"], x["level2"])
        if k == 0 or (ind[k - 1]["level1"], ind[k - 1]["level2"]) != key:
            cells.append(cell(x["level2"], rows=run(lambda y: (y["level1"], y["level2"]) == key), center=True))
        cells.append(cell(x["name"], 3))
        cells.append(cell(x["target"]["text"], 2))
        out.append(row(*cells))
    out.append("</fo:table-body></fo:table></fo:block>")
    return "\n".join(out)


def main():
    golden, out = sys.argv[1], sys.argv[2]
    font = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    sub = sys.argv[4] if len(sys.argv) > 4 else "WenQuanYi Micro Hei"
    doc = json.load(open(golden, encoding="utf-8"))
    body = "\n".join(form(p, i == 0, doc.get("title") if i == 0 else None) for i, p in enumerate(doc["projects"]))
    fo = f"""<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="CJK" font-size="9pt" line-height="1.25">
<fo:layout-master-set><fo:simple-page-master master-name="a4" page-width="297mm" page-height="210mm" margin="12mm">
<fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a4"><fo:flow flow-name="xsl-region-body">
{body}
</fo:flow></fo:page-sequence></fo:root>
"""
    with tempfile.TemporaryDirectory() as tmp:
        src, conf = os.path.join(tmp, "forms.fo"), os.path.join(tmp, "fop.xconf")
        open(src, "w", encoding="utf-8").write(fo)
        open(conf, "w", encoding="utf-8").write(CONFIG.format(file=font, sub=sub))
        subprocess.run(["fop", "-q", "-c", conf, "-fo", src, "-pdf", out], check=True, timeout=300)


if __name__ == "__main__":
    main()
