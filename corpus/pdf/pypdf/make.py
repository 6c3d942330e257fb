#!/usr/bin/env python3
"""Rewrites corpus PDFs with pypdf as producers that write no ToUnicode map
leave them (dev tool; CI and users never run it; `pip install pypdf`).

  *.no-tounicode.pdf  every font's /ToUnicode removed. A composite font
                      over an embedded TrueType subset (fpdf2, WeasyPrint,
                      iText keep the program's cmap table) must read exactly
                      like the PDF it came from (../MATCHES.tsv); MuPDF's
                      subsets drop the cmap, so seed.mupdf's text is lost and
                      must be reported (`undecodable-font`), never guessed.
                      TCPDF's subsets keep no cmap either, but its CIDs are
                      code points (its CIDToGIDMap is indexed by them): they
                      read exactly, reported (`pdf-content`).

  python3 make.py [SOURCE.pdf ...]   (default: every source)
"""
import os
import sys
import pypdf
from pypdf.generic import NameObject

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = [
    "stress.fpdf2.pdf",
    "seed.weasyprint.pdf",
    "seed.itext.pdf",
    "cost.weasyprint.pdf",
    "seed.mupdf.pdf",
    "district.tcpdf-ttf.pdf",
    "stress.tcpdf.pdf",
]


def fonts(resources, seen):
    """Every font dictionary under `resources`, XObjects' included."""
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            yield font
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        yield from fonts(xobject.get("/Resources"), seen)


for name in sys.argv[1:] or SOURCES:
    writer = pypdf.PdfWriter(clone_from=os.path.join(HERE, "..", name))
    seen = set()
    for page in writer.pages:
        for font in fonts(page.get("/Resources"), seen):
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    writer.add_metadata({"/Producer": "pypdf (ToUnicode removed)"})
    out = os.path.join(HERE, name.replace(".pdf", ".no-tounicode.pdf"))
    with open(out, "wb") as f:
        writer.write(f)
    print(out)
