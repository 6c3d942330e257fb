#!/usr/bin/env node
// Renders a jixiao golden JSON as pdfmake tables (rowSpan/colSpan merged
// cells, one form per page run) and writes the PDF with pdfmake / PDFKit:
// the JavaScript producer that web systems export tables with (fontkit
// subsets: TrueType, or CFF CIDFontType0C from an OpenType CJK font,
// Identity-H with ToUnicode; PDFKit's own content layout, hex strings).
//
// usage: node make.js GOLDEN.json OUT.pdf FONT_FILE [FONT_NAME]
//   (needs pdfmake 0.2.23 on NODE_PATH, installed outside the corpus (the
//   tests read every file under corpus/pdf/): see corpus/make-pdfs.sh;
//   FONT_FILE e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc with
//   FONT_NAME WenQuanYiMicroHei, or an .otf/.ttc of fonts-noto-cjk)
const fs = require('fs');
const PdfPrinter = require('pdfmake');

const [golden, out, fontFile, fontName] = process.argv.slice(2);
const face = fontName ? [fontFile, fontName] : fontFile;
const printer = new PdfPrinter({ CJK: { normal: face, bold: face, italics: face, bolditalics: face } });
const doc = JSON.parse(fs.readFileSync(golden, 'utf8'));

const money = (v) => (v === null || v === undefined ? '' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const cell = (text, opts = {}) => ({ text: text || '', ...opts });
const centre = (text, opts = {}) => cell(text, { alignment: 'center', ...opts });
const gap = (n) => Array.from({ length: n }, () => ({}));

function form(p, first, title) {
  const body = [];
  body.push([centre('项目名称'), cell(p.name, { colSpan: 2 }), ...gap(1), centre('项目性质'), cell(p.nature), centre('项目类别'), cell(p.category, { colSpan: 2 }), ...gap(1)]);
  body.push([centre('主管部门'), cell(p.department, { colSpan: 3 }), ...gap(2), centre('实施单位'), cell(p.implementer, { colSpan: 3 }), ...gap(2)]);
  body.push([centre('计划开始日期'), cell(p.start_date, { colSpan: 3 }), ...gap(2), centre('计划完成日期'), cell(p.end_date, { colSpan: 3 }), ...gap(2)]);
  const f = p.funds;
  const rows = [
    ['项目资金总额', money(f.project_total), '年度资金申请总额', money(f.annual_total)],
    ['其中：财政资金', money(f.project_fiscal), '其中：当年财政拨款', money(f.annual_fiscal_current)],
    ['', '', '上年结转资金', money(f.annual_fiscal_carryover)],
    ['其他资金', money(f.project_other), '其他资金', money(f.annual_other)],
  ];
  rows.forEach(([l, lv, r, rv], i) => {
    const label = i === 0 ? centre('项目资金\n（元）', { rowSpan: 4 }) : {};
    body.push([label, centre(l), cell(lv, { colSpan: 2 }), ...gap(1), centre(r), cell(rv, { colSpan: 3 }), ...gap(2)]);
  });
  body.push([centre('项目\n绩效\n目标', { rowSpan: 2 }), centre('项目总目标', { colSpan: 3 }), ...gap(2), centre('年度总体目标', { colSpan: 4 }), ...gap(3)]);
  if (p.goal_project === p.goal_annual) {
    body.push([{}, cell(p.goal_project, { colSpan: 7 }), ...gap(6)]);
  } else {
    body.push([{}, cell(p.goal_project, { colSpan: 3 }), ...gap(2), cell(p.goal_annual, { colSpan: 4 }), ...gap(3)]);
  }
  const ind = p.indicators;
  body.push([centre('绩效\n指标', { rowSpan: ind.length + 1 }), centre('一级指标'), centre('二级指标'), centre('三级指标', { colSpan: 3 }), ...gap(2), centre('年度(/项目)指标值', { colSpan: 2 }), ...gap(1)]);
  ind.forEach((x, k) => {
    const row = [{}];
    const run = (same) => { let n = 1; while (k + n < ind.length && same(ind[k + n])) n += 1; return n; };
    if (k === 0 || ind[k - 1].level1 !== x.level1) {
      row.push(centre(x.level1, { rowSpan: run((y) => y.level1 === x.level1) }));
    } else row.push({});
    const sameKey = (y) => y.level1 === x.level1 && y.level2 === x.level2;
    if (k === 0 || !sameKey(ind[k - 1])) row.push(centre(x.level2, { rowSpan: run(sameKey) }));
    else row.push({});
    row.push(cell(x.name, { colSpan: 3 }), ...gap(2), cell(x.target.text, { colSpan: 2 }), ...gap(1));
    body.push(row);
  });
  const parts = [];
  if (title) parts.push({ text: title, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 4] });
  parts.push({ text: p.form, fontSize: 15, alignment: 'center', pageBreak: first ? undefined : 'before' });
  parts.push({ text: `（${p.year}年度）`, alignment: 'center', margin: [0, 2, 0, 6] });
  parts.push({ table: { widths: ['8%', '12%', '12%', '20%', '14%', '16%', '8%', '10%'], body }, layout: { hLineWidth: () => 0.75, vLineWidth: () => 0.75 } });
  return parts;
}

const content = doc.projects.flatMap((p, i) => form(p, i === 0, i === 0 ? doc.title : null));
const definition = {
  pageSize: 'A4', pageOrientation: 'landscape', pageMargins: [34, 34, 34, 34],
  defaultStyle: { font: 'CJK', fontSize: 9 }, content,
  info: { title: doc.title || 'forms', creator: 'jixiao corpus/pdf/pdfmake/make.js' },
};
const pdf = printer.createPdfKitDocument(definition);
pdf.pipe(fs.createWriteStream(out));
pdf.end();
