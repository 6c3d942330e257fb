#!/usr/bin/env python3
"""Prints the LibreOffice producer's spreadsheet (corpus/pdf/libreoffice/make.py:
the same cells, merges and row heights) with Gnumeric's `ssconvert`: a second
spreadsheet producer, cairo underneath. What it does differently from
LibreOffice, and what the corpus wants from it:
- it ignores the sheet's page breaks, so forms run on one after another and
  a form's heading is set right under the previous form's last rule;
- a merged label cut by a page break is drawn again on the next page;
- each cell's white background is filled before its text, so a wrapped
  line that runs over its row is painted over by the next row (still in
  the content stream, as poppler's dumps show).

usage: make.py GOLDEN.json OUT.pdf [--narrow-labels]
    (needs Debian's gnumeric, fonts-noto-cjk and openpyxl)

--narrow-labels: the money labels' columns as LibreOffice's producer has
them, too narrow for Gnumeric: `其中：当年财政拨` is printed cut short, its
`款` wrapped onto the row below and painted over by that row's fill.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "libreoffice"))
import make as libreoffice  # noqa: E402



def main():
    golden, out = sys.argv[1], sys.argv[2]
    if "--narrow-labels" not in sys.argv[3:]:
        # Gnumeric sets Noto Sans CJK wider than LibreOffice does: the money
        # labels' columns a little wider, so that `其中：当年财政拨款` is not cut.
        libreoffice.WIDTHS["B"] = 17
        libreoffice.WIDTHS["E"] = 20
    import json
    doc = json.load(open(golden, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = os.path.join(tmp, "forms.xlsx")
        libreoffice.render(doc, xlsx)
        subprocess.run(["ssconvert", xlsx, os.path.join(tmp, "forms.pdf")], check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "forms.pdf"), out)


if __name__ == "__main__":
    main()
