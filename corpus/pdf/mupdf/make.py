#!/usr/bin/env python3
"""Renders a jixiao golden JSON with MuPDF's HTML layout (PyMuPDF's Story),
from the same HTML tables as ../chromium/make.py: another PDF producer for
the corpus. MuPDF lays tables out its own way (column widths from the
content, labels at the top of merged cells) and draws each cell's sides
and bottom but never its top, so a rowspan cut by a page break has no rule
at all on the next page.

usage: make.py GOLDEN.json OUT.pdf [PAPER]   (pip pymupdf fonttools; Debian's
fonts-wqy-microhei; PAPER as PyMuPDF names it, default a4-l)
"""
import importlib.util
import json
import os
import sys

import pymupdf

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = "/usr/share/fonts/truetype/wqy"
CSS = """
@font-face { font-family: cjk; src: url(wqy-microhei.ttc); }
body { font-family: cjk; font-size: 9pt; }
h1 { font-size: 14pt; text-align: center; }
h2 { font-size: 15pt; text-align: center; }
p.year { text-align: center; }
table { border-collapse: collapse; width: 100%; }
td { border: 0.75pt solid black; padding: 2pt; white-space: pre-wrap; }
td.c { text-align: center; }
"""


def chromium_html():
    spec = importlib.util.spec_from_file_location("chromium_make", os.path.join(HERE, "..", "chromium", "make.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    golden, out = sys.argv[1], sys.argv[2]
    html_of = chromium_html()
    doc = json.load(open(golden, encoding="utf-8"))
    body = "\n".join(html_of.form(p, i == 0, doc.get("title") if i == 0 else None) for i, p in enumerate(doc["projects"]))
    story = pymupdf.Story(html=f"<html><body>{body}</body></html>", user_css=CSS, archive=pymupdf.Archive(FONTS))
    writer = pymupdf.DocumentWriter(out)
    page = pymupdf.paper_rect(sys.argv[3] if len(sys.argv) > 3 else "a4-l")
    where = page + (36, 36, -36, -36)
    more = True
    while more:
        device = writer.begin_page(page)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    # MuPDF embeds the whole font (5 MB); keep the glyphs used, as
    # producers that publish do.
    done = pymupdf.open(out)
    done.subset_fonts()
    done.ez_save(out + ".tmp")
    done.close()
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
