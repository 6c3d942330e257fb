#!/usr/bin/env python3
"""Dumps every PDF of corpus/pdf/ with the text extractors people use, so
that jixiao's text path is tested on what they store (dev tool; CI and
users never run it):

  <pdf>.pdftotext-layout.txt   poppler `pdftotext -layout` (pages split by form feeds)
  <pdf>.pdftotext.txt          poppler `pdftotext` (reading order, form feeds)
  <pdf>.pdfplumber.txt         pdfplumber `page.extract_text()`, pages joined by newlines
  <pdf>.pymupdf.txt            PyMuPDF `page.get_text()`, pages joined by nothing

and, for one PDF of each producer (EXTRA), two more ways people call them:

  <pdf>.pdfplumber-layout.txt  pdfplumber `page.extract_text(layout=True)` (columns
                               by spaces), pages joined by newlines
  <pdf>.pymupdf-sort.txt       PyMuPDF `page.get_text(sort=True)` (columns by
                               spaces), pages joined by nothing: a page's last
                               line runs into the next page's first

usage: make-dumps.py [PDF...]   (default: every PDF of corpus/pdf/)

Needs poppler-utils and `pip install pdfplumber pymupdf`. Filled-in form
PDFs (*fields*) are skipped: poppler draws their /V-only fields as garbage.
"""
import glob
import os
import subprocess
import sys

import pdfplumber
import pymupdf

HERE = os.path.dirname(os.path.abspath(__file__))
PDFS = os.path.join(HERE, "..", "pdf")
EXTRA = {
    "seed.chromium.pdf", "district.libreoffice.pdf", "seed.gbk-portrait.pdf", "stress.chromium.pdf",
    "district.mupdf.pdf", "seed.reportlab.pdf", "stress.fpdf2.pdf", "stress.libreoffice.pdf",
}


def main():
    for pdf in sys.argv[1:] or sorted(glob.glob(os.path.join(PDFS, "*.pdf"))):
        name = os.path.basename(pdf)
        if "fields" in name:
            continue
        out = lambda kind: os.path.join(HERE, f"{name}.{kind}.txt")
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, out("pdftotext-layout")], check=True)
        subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, out("pdftotext")], check=True)
        with pdfplumber.open(pdf) as doc:
            text = "\n".join(page.extract_text() or "" for page in doc.pages)
        # pdfminer reads no text of some fonts (fpdf2's CFF-flavoured Noto
        # Serif): no dump then, there is nothing to read back.
        if text.strip():
            open(out("pdfplumber"), "w", encoding="utf-8").write(text + "\n")
        else:
            print(f"{name}: pdfplumber extracts no text, no dump", file=sys.stderr)
        with pymupdf.open(pdf) as doc:
            text = "".join(page.get_text() for page in doc)
        open(out("pymupdf"), "w", encoding="utf-8").write(text)
        if name in EXTRA:
            with pdfplumber.open(pdf) as doc:
                text = "\n".join(page.extract_text(layout=True) or "" for page in doc.pages)
            open(out("pdfplumber-layout"), "w", encoding="utf-8").write(text + "\n")
            with pymupdf.open(pdf) as doc:
                text = "".join(page.get_text(sort=True) for page in doc)
            open(out("pymupdf-sort"), "w", encoding="utf-8").write(text)
        print(name)


if __name__ == "__main__":
    sys.exit(main())
