#!/usr/bin/env python3
"""Renders a jixiao golden JSON as the Chromium producer's HTML and prints
it with Dompdf (make.php), the font a TrueType file taken out of a
collection with fontTools (Dompdf reads no .ttc).

usage: make.py GOLDEN.json OUT.pdf [FONT.ttc] [portrait] [zwsp]
  (needs Debian's php-cli, php-mbstring and php-dompdf, pip fonttools and
  fonts-wqy-microhei; the font defaults to WenQuanYi Micro Hei)
"""
import html
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTCollection

here = os.path.dirname(os.path.abspath(__file__))
# Characters a grid column holds on a line: the script breaks a cell's
# text after this many times its columns (a landscape A4 at 9 points; a
# label column holds six).
CHARS_PER_COLUMN = 6

spec = importlib.util.spec_from_file_location("chromium_make", os.path.join(here, "..", "chromium", "make.py"))
chromium = importlib.util.module_from_spec(spec)
spec.loader.exec_module(chromium)


def main():
    golden, out = sys.argv[1], sys.argv[2]
    flags = sys.argv[3:]
    fonts = [a for a in flags if a.endswith(".ttc")]
    collection = fonts[0] if fonts else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    portrait = "portrait" in flags
    doc = json.load(open(golden, encoding="utf-8"))
    # Dompdf breaks lines only at spaces, and a table too wide runs off the
    # page: sites printing Chinese with it break the text themselves, at
    # the width of the cell (pre-wrap keeps the breaks); some put a
    # zero-width space between characters as well (`zwsp`), which the text
    # then holds.
    zwsp = "zwsp" in flags

    def pieces(line, width):
        # As word processors do, no break inside a Latin word or a number.
        out = []
        while len(line) > width:
            cut = width
            while 0 < cut and line[cut - 1].isascii() and line[cut - 1].isalnum() and line[cut].isascii() and line[cut].isalnum():
                cut -= 1
            cut = cut or width
            out.append(line[:cut])
            line = line[cut:]
        return out + [line]

    def wrapped(text, width):
        lines = []
        for line in (text or "").split("\n"):
            lines += pieces(line, width)
        text = "\n".join(lines)
        return html.escape("\u200b".join(text) if zwsp else text)

    td = chromium.td

    def cell(text, cols=1, rows=1, center=False):
        html_of = chromium.e
        chromium.e = lambda t: wrapped(t, CHARS_PER_COLUMN * cols)
        try:
            return td(text, cols, rows, center)
        finally:
            chromium.e = html_of

    chromium.td = cell
    body = "\n".join(
        chromium.form(p, i == 0, doc.get("title") if i == 0 else None) for i, p in enumerate(doc["projects"])
    )
    with tempfile.TemporaryDirectory() as tmp:
        ttf = os.path.join(tmp, "sheet.ttf")
        TTCollection(collection).fonts[0].save(ttf)
        style = chromium.STYLE.replace("FAMILY", "'sheet'")
        if portrait:
            style = style.replace("A4 landscape", "A4 portrait")
        # One face for every weight: headings are bold, the font has no bold.
        face = "".join(
            f"@font-face {{ font-family: 'sheet'; font-weight: {w}; src: url('{ttf}') format('truetype'); }}"
            for w in ("normal", "bold")
        )
        page = (
            f'<!doctype html><html><head><meta charset="utf-8"><style>{face}{style}</style></head>'
            f"<body>{body}</body></html>"
        )
        src = os.path.join(tmp, "forms.html")
        open(src, "w", encoding="utf-8").write(page)
        subprocess.run(["php", os.path.join(here, "make.php"), src, out], check=True, timeout=600)


if __name__ == "__main__":
    main()
