#!/usr/bin/env python3
"""Dumps every PDF of corpus/pdf/ with the text extractors people use, so
that jixiao's text path is tested on what they store (dev tool; CI and
users never run it):

  <pdf>.pdftotext-layout.txt   poppler `pdftotext -layout` (pages split by form feeds)
  <pdf>.pdftotext.txt          poppler `pdftotext` (reading order, form feeds)
  <pdf>.pdftotext-raw.txt      poppler `pdftotext -raw` (content-stream order, a
                               line's cells joined by spaces, form feeds)
  <pdf>.pdfplumber.txt         pdfplumber `page.extract_text()`, pages joined by newlines
  <pdf>.pymupdf.txt            PyMuPDF `page.get_text()`, pages joined by nothing
  <pdf>.pypdf.txt              pypdf `page.extract_text()` (drawing order, a line's
                               cells joined by spaces), pages joined by newlines

and, for one PDF of each producer (EXTRA), two more ways people call them:

  <pdf>.pdfplumber-layout.txt  pdfplumber `page.extract_text(layout=True)` (columns
                               by spaces), pages joined by newlines
  <pdf>.pymupdf-sort.txt       PyMuPDF `page.get_text(sort=True)` (columns by
                               spaces), pages joined by nothing: a page's last
                               line runs into the next page's first
  <pdf>.pdfbox-sort.txt        Apache PDFBox `ExtractText -sort` (the extractor
                               behind Apache Tika: lines by position, a line's
                               cells joined by spaces), where PDFBox reads
                               every character pdftotext reads (it reads no
                               text of MuPDF's and some of pdfmake's fonts)
  <pdf>.pdfbox.txt             PDFBox `ExtractText` unsorted, as Apache Tika
                               calls it by default (drawing order, a line's
                               pieces joined by spaces), for the same PDFs
  <pdf>.mutool.txt             MuPDF's own command line, `mutool draw -F txt`
                               (drawing order like PyMuPDF, but a blank line
                               after each block, which is a table row, and a
                               form feed after each page)
  <pdf>.pdftotext-layout-nopgbrk.txt  `pdftotext -layout -nopgbrk`: pages
                               joined with no mark, each page's columns at
                               its own positions (a page begins where a
                               table's name column moves)

usage: make-dumps.py [PDF...]   (default: every PDF of corpus/pdf/ and of its
                                 producers' folders: cairo/, ghostscript/, qpdf/)

Needs poppler-utils, mupdf-tools, libpdfbox2-java and `pip install pdfplumber
pymupdf pypdf`. Filled-in form
PDFs (*fields*) are skipped: poppler draws their /V-only fields as garbage.
So are PDFs whose text no extractor reads (Ghostscript's substitute fonts
write CIDs into ToUnicode: poppler prints 上海市 as 醱䦘㨋): a dump of
them holds no sheet to read back.
"""
import glob
import os
import re
import subprocess
import sys

import logging

import pdfplumber
import pymupdf
import pypdf

# pypdf logs every font descriptor it finds odd; the dumps are what counts.
logging.getLogger("pypdf").setLevel(logging.ERROR)

HERE = os.path.dirname(os.path.abspath(__file__))
PDFS = os.path.join(HERE, "..", "pdf")
EXTRA = {
    "seed.chromium.pdf", "district.libreoffice.pdf", "seed.gbk-portrait.pdf", "stress.chromium.pdf",
    "district.mupdf.pdf", "seed.reportlab.pdf", "stress.fpdf2.pdf", "stress.libreoffice.pdf",
    "seed.wkhtmltopdf.pdf", "stress.itext.pdf", "seed.pdfmake.pdf", "stress.pdfmake.pdf",
    "seed.jspdf.pdf", "seed.fop.pdf", "seed.tcpdf.pdf", "seed.writer.pdf", "seed.typst.pdf", "seed.dompdf.pdf",
    "seed.gnumeric.pdf",
}


PDFBOX = ":".join(
    f"/usr/share/java/{jar}.jar" for jar in ("pdfbox2", "pdfbox2-tools", "fontbox2", "commons-logging")
)


def pdfbox(pdf, out, poppler_text, sort=True):
    """PDFBox's text of `pdf` (sorted by position, or in drawing order as
    Apache Tika calls it by default) into `out`, unless PDFBox misses
    characters poppler reads (then the dump holds no sheet to read back)."""
    subprocess.run(["java", "-cp", PDFBOX, "org.apache.pdfbox.tools.ExtractText"] + (["-sort"] if sort else []) +
                   ["-encoding", "UTF-8", pdf, out], check=True, capture_output=True)
    text = open(out, encoding="utf-8").read()
    # Radicals counted too: PDFBox prints some ideographs as their
    # radicals (⽬ for 目, ⻔ for 门), which jixiao folds back.
    ideographs = lambda t: sum(1 for c in t if "\u4e00" <= c <= "\u9fff" or "\u2e80" <= c <= "\u2fdf")
    if ideographs(text) < ideographs(poppler_text):
        os.remove(out)
        print(f"{os.path.basename(pdf)}: PDFBox reads fewer characters than poppler, no dump", file=sys.stderr)


def main():
    default = sorted(glob.glob(os.path.join(PDFS, "*.pdf"))) + sorted(
        p for d in ("cairo", "ghostscript", "qpdf") for p in glob.glob(os.path.join(PDFS, d, "*.pdf"))
    )
    for pdf in sys.argv[1:] or default:
        name = os.path.basename(pdf)
        if "fields" in name:
            continue
        probe = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout
        if "项".encode() not in probe:
            print(f"{name}: extractors read no sheet, no dumps", file=sys.stderr)
            continue
        out = lambda kind: os.path.join(HERE, f"{name}.{kind}.txt")
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, out("pdftotext-layout")], check=True)
        subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, out("pdftotext")], check=True)
        subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, out("pdftotext-raw")], check=True)
        # pdfplumber prints a page turned by /Rotate as it lies turned: one
        # turned by 180 degrees backwards (`称名目项`, last line first), one
        # turned by 90 one text line at a time in the order of their
        # columns, and joins pages without a mark between them: no order
        # is left to read the rows back in.
        rotated = re.search(r"\.rotate\d+\.pdf$", name) is not None
        with pdfplumber.open(pdf) as doc:
            text = "" if rotated else "\n".join(page.extract_text() or "" for page in doc.pages)
        # pdfminer reads no text of some fonts (fpdf2's CFF-flavoured Noto
        # Serif): no dump then, there is nothing to read back.
        if text.strip():
            open(out("pdfplumber"), "w", encoding="utf-8").write(text + "\n")
        elif not rotated:
            print(f"{name}: pdfplumber extracts no text, no dump", file=sys.stderr)
        with pymupdf.open(pdf) as doc:
            text = "".join(page.get_text() for page in doc)
        open(out("pymupdf"), "w", encoding="utf-8").write(text)
        text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages)
        # pypdf spaces fpdf2's serif glyphs with NUL characters (`\0项\0目`):
        # a file no reader takes for text.
        if "\0" in text:
            print(f"{name}: pypdf writes NUL characters, no dump", file=sys.stderr)
        else:
            open(out("pypdf"), "w", encoding="utf-8").write(text + "\n")
        if name in EXTRA:
            with pdfplumber.open(pdf) as doc:
                text = "\n".join(page.extract_text(layout=True) or "" for page in doc.pages)
            open(out("pdfplumber-layout"), "w", encoding="utf-8").write(text + "\n")
            with pymupdf.open(pdf) as doc:
                text = "".join(page.get_text(sort=True) for page in doc)
            open(out("pymupdf-sort"), "w", encoding="utf-8").write(text)
            subprocess.run(["mutool", "draw", "-q", "-F", "txt", "-o", out("mutool"), pdf], check=True)
            pdfbox(pdf, out("pdfbox-sort"), probe.decode("utf-8", "replace"))
            pdfbox(pdf, out("pdfbox"), probe.decode("utf-8", "replace"), sort=False)
            subprocess.run(["pdftotext", "-layout", "-nopgbrk", "-enc", "UTF-8", pdf, out("pdftotext-layout-nopgbrk")],
                           check=True)

        print(name)


if __name__ == "__main__":
    sys.exit(main())
