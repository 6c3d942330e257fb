#!/usr/bin/env bash
# Re-distils corpus PDFs with Ghostscript's pdfwrite, as a "print to PDF"
# or a PDF optimiser through Ghostscript leaves them (dev tool; CI and users
# never run it; needs Debian's ghostscript). Each must read exactly like
# the PDF it came from (../MATCHES.tsv). What Ghostscript changes:
#   - a non-embedded STSong-Light (UniGB-UCS2-H, GBK-EUC-H) is replaced by
#     an embedded substitute whose ToUnicode map holds CIDs, not text
#     (上 → 醱; pdftotext prints that); the codes' encoding still tells
#   - text clipped away is dropped: a merged label cut by a page break keeps
#     only the copy that shows, on one of the two pages
#   - fonts are re-subset and re-encoded, content streams rewritten.
# Not kept here, because no reader can read them (pdftotext prints the same
# wrong text): Chromium's and MuPDF's fonts, which Ghostscript turns into
# Type 3 fonts whose ToUnicode maps are wrong, and form fields flattened
# into codes that are no GBK.
set -euo pipefail
cd "$(dirname "$0")"
src=..
for name in \
  district.fpdf2-serif district.gbk-money-right district.gbk-rotated district.libreoffice \
  district.reportlab district.ucs2-portrait \
  seed.fpdf2 seed.gbk-portrait seed.libreoffice seed.reportlab seed.ucs2-landscape seed.ucs2-money-right \
  stress.fpdf2 stress.libreoffice; do
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -o "$name.gs.pdf" "$src/$name.pdf"
done
