#!/usr/bin/env node
// Renders a jixiao golden JSON as jsPDF-AutoTable tables (rowSpan/colSpan
// merged cells, one form per page run): the producer of PDFs exported in
// the browser (jsPDF 4: an Identity-H TrueType subset with ToUnicode, text
// as hex glyph ids, cells drawn row by row, text set in the middle of
// tall cells).
//
// usage: node make.js GOLDEN.json OUT.pdf FONT.ttf
//   (needs jspdf@4.2.1 and jspdf-autotable@5.0.9 on NODE_PATH, installed
//   outside the corpus: see corpus/make-pdfs.sh; FONT.ttf a TrueType CJK
//   font, not a collection: corpus/make-pdfs.sh takes WenQuanYi Micro Hei
//   out of its .ttc with fontTools)
const fs = require('fs');
const { jsPDF } = require('jspdf');
const { autoTable } = require('jspdf-autotable');

const [golden, out, fontFile] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(golden, 'utf8'));
const pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4', compress: true });
pdf.addFileToVFS('cjk.ttf', fs.readFileSync(fontFile).toString('base64'));
pdf.addFont('cjk.ttf', 'CJK', 'normal');
pdf.setFont('CJK');
pdf.setProperties({ title: data.title || 'forms', creator: 'jixiao corpus/pdf/jspdf/make.js' });

const money = (v) => (v === null || v === undefined ? '' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const cell = (content, opts = {}) => ({ content: content || '', ...opts });
const centre = (content, opts = {}) => cell(content, { styles: { halign: 'center' }, ...opts });
const width = pdf.internal.pageSize.getWidth();
const margin = 34;

function form(p, first, title) {
  if (!first) pdf.addPage();
  let y = margin;
  if (title) {
    pdf.setFontSize(14);
    pdf.text(title, width / 2, y + 10, { align: 'center' });
    y += 22;
  }
  pdf.setFontSize(15);
  pdf.text(p.form, width / 2, y + 12, { align: 'center' });
  pdf.setFontSize(9);
  pdf.text(`（${p.year}年度）`, width / 2, y + 28, { align: 'center' });
  const body = [];
  body.push([centre('项目名称'), cell(p.name, { colSpan: 2 }), centre('项目性质'), cell(p.nature), centre('项目类别'), cell(p.category, { colSpan: 2 })]);
  body.push([centre('主管部门'), cell(p.department, { colSpan: 3 }), centre('实施单位'), cell(p.implementer, { colSpan: 3 })]);
  body.push([centre('计划开始日期'), cell(p.start_date, { colSpan: 3 }), centre('计划完成日期'), cell(p.end_date, { colSpan: 3 })]);
  const f = p.funds;
  const rows = [
    ['项目资金总额', money(f.project_total), '年度资金申请总额', money(f.annual_total)],
    ['其中：财政资金', money(f.project_fiscal), '其中：当年财政拨款', money(f.annual_fiscal_current)],
    ['', '', '上年结转资金', money(f.annual_fiscal_carryover)],
    ['其他资金', money(f.project_other), '其他资金', money(f.annual_other)],
  ];
  rows.forEach(([l, lv, r, rv], i) => {
    const label = i === 0 ? [centre('项目资金\n（元）', { rowSpan: 4 })] : [];
    body.push([...label, centre(l), cell(lv, { colSpan: 2 }), centre(r), cell(rv, { colSpan: 3 })]);
  });
  body.push([centre('项目\n绩效\n目标', { rowSpan: 2 }), centre('项目总目标', { colSpan: 3 }), centre('年度总体目标', { colSpan: 4 })]);
  if (p.goal_project === p.goal_annual) body.push([cell(p.goal_project, { colSpan: 7 })]);
  else body.push([cell(p.goal_project, { colSpan: 3 }), cell(p.goal_annual, { colSpan: 4 })]);
  const ind = p.indicators;
  body.push([centre('绩效\n指标', { rowSpan: ind.length + 1 }), centre('一级指标'), centre('二级指标'), centre('三级指标', { colSpan: 3 }), centre('年度(/项目)指标值', { colSpan: 2 })]);
  ind.forEach((x, k) => {
    const row = [];
    const run = (same) => { let n = 1; while (k + n < ind.length && same(ind[k + n])) n += 1; return n; };
    if (k === 0 || ind[k - 1].level1 !== x.level1) row.push(centre(x.level1, { rowSpan: run((z) => z.level1 === x.level1) }));
    const sameKey = (z) => z.level1 === x.level1 && z.level2 === x.level2;
    if (k === 0 || !sameKey(ind[k - 1])) row.push(centre(x.level2, { rowSpan: run(sameKey) }));
    row.push(cell(x.name, { colSpan: 3 }), cell(x.target.text, { colSpan: 2 }));
    body.push(row);
  });
  const usable = width - 2 * margin;
  const shares = [8, 12, 12, 20, 14, 16, 8, 10];
  autoTable(pdf, {
    startY: y + 36,
    margin: { left: margin, right: margin, top: margin, bottom: margin },
    body,
    theme: 'grid',
    styles: { font: 'CJK', fontSize: 9, textColor: 0, lineColor: 0, lineWidth: 0.75, valign: 'middle', cellPadding: 3 },
    columnStyles: Object.fromEntries(shares.map((s, i) => [i, { cellWidth: (usable * s) / 100 }])),
  });
}

data.projects.forEach((p, i) => form(p, i === 0, i === 0 ? data.title : null));
fs.writeFileSync(out, Buffer.from(pdf.output('arraybuffer')));
