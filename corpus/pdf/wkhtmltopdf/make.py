#!/usr/bin/env python3
"""Renders a jixiao golden JSON as the same HTML tables as ../chromium/make.py
and prints them with wkhtmltopdf: another PDF producer (Qt WebKit's layout,
Qt's PDF engine: TrueType subsets, its own ToUnicode, pages cut by Qt's
printer, not by CSS paged media).

usage: make.py GOLDEN.json OUT.pdf [FONT FAMILY]   (dev tool; needs Debian's
wkhtmltopdf and fonts-wqy-microhei or fonts-noto-cjk)
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("chromium_make", os.path.join(here, "..", "chromium", "make.py"))
chromium = importlib.util.module_from_spec(spec)
spec.loader.exec_module(chromium)


def main():
    golden, out = sys.argv[1], sys.argv[2]
    family = f"'{sys.argv[3]}'" if len(sys.argv) > 3 else "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif"
    doc = json.load(open(golden, encoding="utf-8"))
    body = "\n".join(
        chromium.form(p, i == 0, doc.get("title") if i == 0 else None) for i, p in enumerate(doc["projects"])
    )
    style = chromium.STYLE.replace("FAMILY", family)
    page = f'<!doctype html><html><head><meta charset="utf-8"><style>{style}</style></head><body>{body}</body></html>'
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "forms.html")
        open(src, "w", encoding="utf-8").write(page)
        subprocess.run(
            ["wkhtmltopdf", "--quiet", "--page-size", "A4", "--orientation", "Landscape", src, out],
            check=True,
        )


if __name__ == "__main__":
    main()
