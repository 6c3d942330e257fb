#!/usr/bin/env bash
# Rewrites corpus PDFs with qpdf as a user's tools leave them (dev tool; CI
# and users never run it; needs Debian's qpdf). Each must read exactly like
# the PDF it came from (../MATCHES.tsv):
#   *.rotate90/180/270.pdf  pages turned with /Rotate by a viewer's "rotate
#                           and save": the text runs down, upside down or up
#                           the displayed page
#   *.objstm-linear.pdf     object streams, a cross-reference stream and
#                           linearisation (a "fast web view" save)
#   *.aes256.pdf            encrypted with an owner password only (AES-256)
set -euo pipefail
cd "$(dirname "$0")"
src=..
qpdf --rotate=+90 "$src/district.libreoffice.pdf" district.libreoffice.rotate90.pdf
qpdf --rotate=+180 "$src/district.reportlab.pdf" district.reportlab.rotate180.pdf
qpdf --rotate=+270 "$src/seed.reportlab.pdf" seed.reportlab.rotate270.pdf
qpdf --object-streams=generate --linearize "$src/seed.gbk-portrait.pdf" seed.gbk-portrait.objstm-linear.pdf
qpdf --encrypt "" owner 256 -- "$src/district.gbk-money-right.pdf" district.gbk-money-right.aes256.pdf
