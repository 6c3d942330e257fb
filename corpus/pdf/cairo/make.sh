#!/usr/bin/env bash
# Re-writes corpus PDFs with poppler's cairo backend (`pdftocairo -pdf`), the
# PDF writer of GTK's and Firefox's "print to PDF" on Linux (dev tool; CI and
# users never run it; needs poppler-utils). Each must read exactly like the
# PDF it came from (../MATCHES.tsv). What cairo changes: fonts re-embedded
# as its own subsets (non-embedded STSong-Light included), coordinates
# rounded, and what lies outside a page's clip dropped: a merged label cut
# by a page break keeps `社会公众或服务对象满意度` on one page and `指标` on
# the next (stress.libreoffice).
# Not kept: the filled-in form PDFs (poppler draws their /V-only fields as
# garbage ideographs before cairo writes them), and district.mupdf, whose
# cut cells lose their bottom rules outside the clip: one 一级 label then
# stands outside its cell (read as a label after its rows; left open).
set -euo pipefail
cd "$(dirname "$0")"
src=..
for name in \
  district.libreoffice district.reportlab district.weasyprint-serif \
  seed.chromium seed.gbk-portrait seed.libreoffice seed.mupdf seed.ucs2-landscape \
  stress.fpdf2 stress.libreoffice stress.mupdf; do
  pdftocairo -pdf "$src/$name.pdf" "$name.cairo.pdf"
done
