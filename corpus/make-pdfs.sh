#!/usr/bin/env bash
# Regenerates the generated PDFs of corpus/pdf/ from the verified golden JSON
# of the text inputs (dev tool; CI and users never run this).
#   jixiao-pdfgen: the project's own report-server style generator (lopdf).
#   LibreOffice:   corpus/pdf/libreoffice/make.py (needs libreoffice-calc-nogui,
#                  fonts-noto-cjk and python3 with openpyxl).
#   ReportLab:     corpus/pdf/reportlab/make.py (pip reportlab)
#   Chromium:      corpus/pdf/chromium/make.py (needs chromium, fonts-wqy-microhei)
#   WeasyPrint:    corpus/pdf/weasyprint/make.py (the same HTML; needs pip weasyprint)
#   wkhtmltopdf:   corpus/pdf/wkhtmltopdf/make.py (the same HTML, Qt WebKit; needs
#                  Debian's wkhtmltopdf)
#   iText 5:       corpus/pdf/itext/make.py (the same forms as PdfPTables; needs
#                  Debian's libitext5-java and a JDK)
#   fpdf2:         corpus/pdf/fpdf2/make.py (pip fpdf2; fonts-wqy-microhei, fonts-noto-cjk)
#   MuPDF:         corpus/pdf/mupdf/make.py (pip pymupdf fonttools; fonts-wqy-microhei)
#   qpdf:          corpus/pdf/qpdf/make.sh (rotated, object-stream and encrypted
#                  saves of the PDFs above; needs qpdf)
#   cairo:         corpus/pdf/cairo/make.sh (pdftocairo -pdf saves; needs poppler-utils)
#   ghostscript:   corpus/pdf/ghostscript/make.sh (the PDFs above re-distilled
#                  by pdfwrite; needs ghostscript)
#   pdfmake:       corpus/pdf/pdfmake/make.js (PDFKit, the JavaScript producer;
#                  needs node and `npm install --prefix $PDFMAKE pdfmake@0.2.23`,
#                  PDFMAKE outside the corpus, default ~/.cache/jixiao-pdfmake)
#   jsPDF:         corpus/pdf/jspdf/make.js (jsPDF-AutoTable, browser exports; needs
#                  node, `npm install --prefix $PDFMAKE jspdf@4.2.1 jspdf-autotable@5.0.9`
#                  and fontTools for a .ttf out of WenQuanYi's .ttc)
#   Apache FOP:    corpus/pdf/fop/make.py (XSL-FO tables, the Java report servers'
#                  producer; needs Debian's fop)
#   TCPDF:         corpus/pdf/tcpdf/make.php (writeHTML tables, the PHP producer of
#                  web applications; needs Debian's php-cli, php-mbstring and
#                  php-tcpdf, and fontTools for a .ttf out of WenQuanYi's .ttc)
#   Writer:        corpus/pdf/writer/make.py (a Word table in a .docx, python-docx,
#                  printed by LibreOffice Writer; needs pip python-docx and
#                  Debian's libreoffice-writer-nogui)
#   Typst:         corpus/pdf/typst/make.py (Typst's own PDF writer: cells set at
#                  the top, merged labels centred, CID-keyed font subsets; needs
#                  pip typst and fonts-noto-cjk, fonts-wqy-microhei)
#   Dompdf:        corpus/pdf/dompdf/make.py (the Chromium producer's HTML printed by
#                  Dompdf, PHP's other HTML-to-PDF writer: a row cut by a page break
#                  drawn shifted; `zwsp`: a zero-width space between characters;
#                  needs Debian's php-cli, php-mbstring, php-dompdf and fontTools)
#   Gnumeric:      corpus/pdf/gnumeric/make.py (the LibreOffice producer's sheet
#                  printed by Gnumeric's ssconvert: no page breaks, cell fills
#                  painted over overflowing text; needs Debian's gnumeric,
#                  fonts-noto-cjk and openpyxl)
#   pypdf:         corpus/pdf/pypdf/make.py (the PDFs above with every ToUnicode
#                  map removed; pip pypdf)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p jixiao-pdfgen
gen=target/debug/jixiao-pdfgen
seed=golden/000_9700642081d75d3a.txt.json
district="golden/district_budget_2025_填报表.txt.json"
$gen "$seed" corpus/pdf/seed.ucs2-landscape.pdf
$gen "$seed" corpus/pdf/seed.gbk-portrait.pdf --gbk --portrait --filled-rules --labels-in-order --no-repeat
$gen "$district" corpus/pdf/district.ucs2-portrait.pdf --portrait
$gen "$district" corpus/pdf/district.gbk-rotated.pdf --gbk --rotated --labels-in-order
# Amounts right-aligned in their cells, placed by the font's real /W.
$gen "$seed" corpus/pdf/seed.ucs2-money-right.pdf --money-right --portrait
$gen "$district" corpus/pdf/district.gbk-money-right.pdf --gbk --money-right
# Filled-in forms: values in widget annotations (half with appearance streams, half /V only).
$gen "$seed" corpus/pdf/seed.ucs2-fields.pdf --fields --portrait
$gen "$district" corpus/pdf/district.gbk-fields.pdf --fields --gbk --money-right
if [ -f corpus/pdf/libreoffice/make.py ] && command -v soffice >/dev/null; then
  python3 corpus/pdf/libreoffice/make.py "$seed" corpus/pdf/seed.libreoffice.pdf
  python3 corpus/pdf/libreoffice/make.py "$district" corpus/pdf/district.libreoffice.pdf
  # Narrower name and target columns: more cells wrap, names too, and
  # LibreOffice draws them in its second pass.
  python3 corpus/pdf/libreoffice/make.py "$district" corpus/pdf/district.libreoffice-narrow.pdf --narrow
  # Block markers one character a line, as a narrow first column prints them.
  python3 corpus/pdf/libreoffice/make.py "$district" corpus/pdf/district.libreoffice-vertical.pdf --narrow --vertical-markers
fi
if python3 -c 'import reportlab' 2>/dev/null; then
  python3 corpus/pdf/reportlab/make.py "$seed" corpus/pdf/seed.reportlab.pdf
  python3 corpus/pdf/reportlab/make.py "$district" corpus/pdf/district.reportlab.pdf
fi
if [ -f corpus/pdf/chromium/make.py ] && command -v chromium >/dev/null; then
  python3 corpus/pdf/chromium/make.py "$seed" corpus/pdf/seed.chromium.pdf
  python3 corpus/pdf/chromium/make.py "$district" corpus/pdf/district.chromium.pdf
  # Serif: Skia's ToUnicode gives U+2F3E ⼾ for the 户 of 用户 (see jixiao-pdf's REGIONAL_RADICALS).
  python3 corpus/pdf/chromium/make.py "$seed" corpus/pdf/seed.chromium-serif.pdf 'Noto Serif CJK SC'
fi
if python3 -c 'import weasyprint' 2>/dev/null; then
  python3 corpus/pdf/weasyprint/make.py "$seed" corpus/pdf/seed.weasyprint.pdf
  python3 corpus/pdf/weasyprint/make.py "$district" corpus/pdf/district.weasyprint-serif.pdf 'Noto Serif CJK SC'
  python3 corpus/pdf/weasyprint/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.weasyprint.pdf
fi
if [ -f corpus/pdf/wkhtmltopdf/make.py ] && command -v wkhtmltopdf >/dev/null; then
  python3 corpus/pdf/wkhtmltopdf/make.py "$seed" corpus/pdf/seed.wkhtmltopdf.pdf
  python3 corpus/pdf/wkhtmltopdf/make.py "$district" corpus/pdf/district.wkhtmltopdf-serif.pdf 'Noto Serif CJK SC'
  python3 corpus/pdf/wkhtmltopdf/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.wkhtmltopdf.pdf
fi
if [ -f corpus/pdf/itext/make.py ] && [ -f /usr/share/java/itext5.jar ]; then
  python3 corpus/pdf/itext/make.py "$seed" corpus/pdf/seed.itext.pdf
  # Portrait: narrow columns whose labels and values wrap, rows cut by pages.
  python3 corpus/pdf/itext/make.py "$district" corpus/pdf/district.itext-serif.pdf /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,0 portrait
  python3 corpus/pdf/itext/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.itext.pdf /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0 portrait
fi
export NODE_PATH="${PDFMAKE:-$HOME/.cache/jixiao-pdfmake}/node_modules"
if [ -d "$NODE_PATH/pdfmake" ] && command -v node >/dev/null; then
  wqy=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  noto=/usr/share/fonts/opentype/noto
  node corpus/pdf/pdfmake/make.js "$seed" corpus/pdf/seed.pdfmake.pdf $wqy WenQuanYiMicroHei
  # CFF: a CIDFontType0C subset of an OpenType CJK font.
  node corpus/pdf/pdfmake/make.js "$district" corpus/pdf/district.pdfmake-serif.pdf $noto/NotoSerifCJK-Regular.ttc NotoSerifCJKsc-Regular
  node corpus/pdf/pdfmake/make.js corpus/pdf/stress/stress.json corpus/pdf/stress.pdfmake.pdf $noto/NotoSansCJK-Regular.ttc NotoSansCJKsc-Regular
  node corpus/pdf/pdfmake/make.js corpus/pdf/cost/cost.json corpus/pdf/cost.pdfmake.pdf $wqy WenQuanYiMicroHei
fi
if [ -d "$NODE_PATH/jspdf-autotable" ] && python3 -c 'import fontTools' 2>/dev/null; then
  ttf=$(mktemp --suffix=.ttf)
  python3 -c 'import sys; from fontTools.ttLib import TTCollection; TTCollection(sys.argv[1]).fonts[0].save(sys.argv[2])' \
    /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$ttf"
  node corpus/pdf/jspdf/make.js "$seed" corpus/pdf/seed.jspdf.pdf "$ttf"
  node corpus/pdf/jspdf/make.js "$district" corpus/pdf/district.jspdf.pdf "$ttf"
  node corpus/pdf/jspdf/make.js corpus/pdf/stress/stress.json corpus/pdf/stress.jspdf.pdf "$ttf"
  node corpus/pdf/jspdf/make.js corpus/pdf/cost/cost.json corpus/pdf/cost.jspdf.pdf "$ttf"
  rm -f "$ttf"
fi
if [ -f /usr/share/php/tcpdf/tcpdf.php ] && command -v php >/dev/null && python3 -c 'import fontTools' 2>/dev/null; then
  ttf=$(mktemp --suffix=.ttf)
  python3 -c 'import sys; from fontTools.ttLib import TTCollection; TTCollection(sys.argv[1]).fonts[0].save(sys.argv[2])' \
    /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$ttf"
  # Adobe's STSong, not embedded (UniGB-UCS2-H, no ToUnicode): rows cut by pages.
  php corpus/pdf/tcpdf/make.php "$seed" corpus/pdf/seed.tcpdf.pdf stsongstdlight
  php corpus/pdf/tcpdf/make.php "$district" corpus/pdf/district.tcpdf-ttf.pdf "$ttf"
  php corpus/pdf/tcpdf/make.php corpus/pdf/stress/stress.json corpus/pdf/stress.tcpdf.pdf "$ttf" portrait
  php corpus/pdf/tcpdf/make.php corpus/pdf/cost/cost.json corpus/pdf/cost.tcpdf.pdf cid0cs
  rm -f "$ttf"
fi
if python3 -c 'import docx' 2>/dev/null && [ -e /usr/lib/libreoffice/program/libswlo.so ]; then
  # Word's defaults: cells set at the top, rows broken across pages.
  python3 corpus/pdf/writer/make.py "$seed" corpus/pdf/seed.writer.pdf
  python3 corpus/pdf/writer/make.py "$district" corpus/pdf/district.writer.pdf 'WenQuanYi Micro Hei' portrait
  python3 corpus/pdf/writer/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.writer.pdf 'Noto Sans CJK SC' portrait
  python3 corpus/pdf/writer/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.writer.pdf
fi
if python3 -c 'import typst' 2>/dev/null; then
  python3 corpus/pdf/typst/make.py "$seed" corpus/pdf/seed.typst.pdf
  python3 corpus/pdf/typst/make.py "$district" corpus/pdf/district.typst.pdf 'WenQuanYi Micro Hei' portrait
  python3 corpus/pdf/typst/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.typst.pdf 'Noto Sans CJK SC' portrait
  python3 corpus/pdf/typst/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.typst.pdf
fi
if [ -f /usr/share/php/dompdf/autoload.php ] && command -v php >/dev/null && python3 -c 'import fontTools' 2>/dev/null; then
  python3 corpus/pdf/dompdf/make.py "$seed" corpus/pdf/seed.dompdf.pdf
  python3 corpus/pdf/dompdf/make.py "$district" corpus/pdf/district.dompdf.pdf portrait
  python3 corpus/pdf/dompdf/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.dompdf-zwsp.pdf zwsp
  python3 corpus/pdf/dompdf/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.dompdf.pdf
fi
if command -v fop >/dev/null; then
  python3 corpus/pdf/fop/make.py "$seed" corpus/pdf/seed.fop.pdf
  # WenQuanYi's monospaced face (FOP reads no CFF outlines of a collection).
  python3 corpus/pdf/fop/make.py "$district" corpus/pdf/district.fop-mono.pdf \
    /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 'WenQuanYi Micro Hei Mono'
  python3 corpus/pdf/fop/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.fop.pdf
  python3 corpus/pdf/fop/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.fop.pdf
fi
# A synthetic stress form (long wrapped cells, a three-line label, a form over
# two pages) rendered by Chromium and LibreOffice; it must read like its JSON.
if command -v chromium >/dev/null && command -v soffice >/dev/null; then
  python3 corpus/pdf/stress/make-stress.py corpus/pdf/stress/stress.json
  python3 corpus/pdf/chromium/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.chromium.pdf
  python3 corpus/pdf/libreoffice/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.libreoffice.pdf
  python3 corpus/pdf/libreoffice/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.libreoffice-narrow.pdf --narrow
fi
# A 2026-style document: 成本指标 a 一级 label with 二级 labels of its own
# (经济成本指标 …), 社会公众满意度指标, a form over two pages, money in every column.
python3 corpus/pdf/cost/make-cost.py corpus/pdf/cost/cost.json
if command -v chromium >/dev/null; then
  python3 corpus/pdf/chromium/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.chromium.pdf
fi
if command -v soffice >/dev/null; then
  python3 corpus/pdf/libreoffice/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.libreoffice.pdf
  python3 corpus/pdf/libreoffice/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.libreoffice-narrow.pdf --narrow
fi
if python3 -c 'import reportlab' 2>/dev/null; then
  python3 corpus/pdf/reportlab/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.reportlab.pdf
fi
if python3 -c 'import pymupdf, fontTools' 2>/dev/null; then
  python3 corpus/pdf/mupdf/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.mupdf.pdf
fi
if python3 -c 'import fpdf' 2>/dev/null; then
  python3 corpus/pdf/fpdf2/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.fpdf2.pdf
fi
if python3 -c 'import weasyprint' 2>/dev/null; then
  python3 corpus/pdf/weasyprint/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.weasyprint.pdf
fi
# Two more producers with table layouts of their own: fpdf2 (a label cut by a
# page break printed again on the next page) and MuPDF's HTML (no top rules,
# labels at the top of their cells, compatibility ideographs in ToUnicode).
if python3 -c 'import fpdf' 2>/dev/null; then
  python3 corpus/pdf/fpdf2/make.py "$seed" corpus/pdf/seed.fpdf2.pdf
  python3 corpus/pdf/fpdf2/make.py "$district" corpus/pdf/district.fpdf2-serif.pdf /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
  python3 corpus/pdf/fpdf2/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.fpdf2.pdf
fi
if python3 -c 'import pymupdf, fontTools' 2>/dev/null; then
  python3 corpus/pdf/mupdf/make.py "$seed" corpus/pdf/seed.mupdf.pdf a4
  python3 corpus/pdf/mupdf/make.py "$district" corpus/pdf/district.mupdf.pdf
  python3 corpus/pdf/mupdf/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.mupdf.pdf
fi
if command -v qpdf >/dev/null; then bash corpus/pdf/qpdf/make.sh; fi
if command -v gs >/dev/null; then bash corpus/pdf/ghostscript/make.sh; fi
if command -v pdftocairo >/dev/null; then bash corpus/pdf/cairo/make.sh; fi
if [ -f corpus/pdf/gnumeric/make.py ] && command -v ssconvert >/dev/null; then
  python3 corpus/pdf/gnumeric/make.py "$seed" corpus/pdf/seed.gnumeric.pdf
  python3 corpus/pdf/gnumeric/make.py "$seed" corpus/pdf/seed.gnumeric-narrow.pdf --narrow-labels
  python3 corpus/pdf/gnumeric/make.py "$district" corpus/pdf/district.gnumeric.pdf
  python3 corpus/pdf/gnumeric/make.py corpus/pdf/stress/stress.json corpus/pdf/stress.gnumeric.pdf
  python3 corpus/pdf/gnumeric/make.py corpus/pdf/cost/cost.json corpus/pdf/cost.gnumeric.pdf
fi
