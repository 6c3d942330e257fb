//! A test-input generator: renders a [`Document`]'s projects as the forms a
//! report server prints (财政项目支出绩效目标申报表), one form per page run, with
//! ruling lines, merged label cells, wrapped cell text and page breaks.
//!
//! The PDFs use the non-embedded `STSong-Light` font with a predefined CMap
//! (`UniGB-UCS2-H` or `GBK-EUC-H`), as Chinese official PDFs do, and can
//! imitate report-server quirks: merged labels printed again on the next
//! page, and label texts written after the rows in content order. This crate
//! is a dev tool for tests and corpus generation; jixiao never needs it.
//!
//! ```
//! use jixiao_model::{Document, Format, Source};
//! let doc = Document::new(Source { file: "x".into(), format: Format::Text, sha256: String::new(), pages: None });
//! let pdf = jixiao_pdfgen::render(&doc, &jixiao_pdfgen::Options::default());
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

use jixiao_model::{Document, Project};
use lopdf::{dictionary, Object, Stream};

/// How the Chinese text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CjkEncoding {
    /// `UniGB-UCS2-H`: UTF-16BE code units.
    #[default]
    Ucs2,
    /// `GBK-EUC-H`: GBK bytes.
    Gbk,
}

/// Rendering options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub encoding: CjkEncoding,
    pub landscape: bool,
    /// Print a merged label again on each page its span reaches.
    pub repeat_labels: bool,
    /// Write label texts after the rows of the page in content order.
    pub labels_after_rows: bool,
    /// Draw rules as thin filled rectangles instead of stroked lines.
    pub filled_rules: bool,
    /// Store each page turned by 90° with `/Rotate 90`, so that a viewer
    /// shows the same page.
    pub rotated: bool,
    /// Right-align amounts in their cells, as report servers print money.
    pub money_right: bool,
    /// A filled-in form: every value cell is a text field (a widget
    /// annotation) and the page content holds only labels and rules. Every
    /// other field has an appearance stream; the rest carry only `/V`, as
    /// PDF libraries that leave appearances to the viewer write them.
    /// (Not with `rotated`.)
    pub fields: bool,
    pub font_size: f32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            encoding: CjkEncoding::Ucs2,
            landscape: true,
            repeat_labels: true,
            labels_after_rows: true,
            filled_rules: false,
            rotated: false,
            money_right: false,
            fields: false,
            font_size: 9.0,
        }
    }
}

const MARGIN: f32 = 36.0;
const PAD: f32 = 3.0;

/// STSong-Light's proportional Latin glyphs, Adobe-GB1 CIDs 1–95
/// (U+0020–U+007E under `UniGB-UCS2-H`), in 1/1000 em: the `/W` that
/// iText and ReportLab write for this font.
const STSONG_PROPORTIONAL: [u16; 95] = [
    207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462, 462, 462, 462,
    462, 462, 462, 238, 238, 605, 605, 605, 344, 748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896,
    758, 772, 544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374, 606, 500, 239, 417, 503, 427, 529,
    415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370,
    258, 370, 605,
];
/// Adobe-GB1's half-width Latin, CIDs 814–939 (single bytes under
/// `GBK-EUC-H`): fixed half an em.
const HALF_WIDTH_CIDS: (i64, i64) = (814, 939);
/// The half-width space `GBK-EUC-H` maps byte 0x20 to.
const GBK_SPACE_CID: i64 = 7716;

/// Advance of one character in 1/1000 em, as the font's `/W` and `/DW`
/// give it: ASCII is the only text both CMaps put on narrow CIDs
/// (proportional under UCS2, half-width under GBK); everything else,
/// curly quotes and `·` included, is a full-width CID at `/DW` 1000.
fn advance(c: char, encoding: CjkEncoding) -> f32 {
    if !(' '..='~').contains(&c) {
        return 1000.0;
    }
    match encoding {
        CjkEncoding::Ucs2 => STSONG_PROPORTIONAL
            .get(c as usize - 0x20)
            .map_or(500.0, |w| f32::from(*w)),
        CjkEncoding::Gbk => 500.0,
    }
}

/// Width of a text at `size`.
fn text_width(text: &str, size: f32, encoding: CjkEncoding) -> f32 {
    text.chars().map(|c| advance(c, encoding) * size / 1000.0).sum()
}

/// Wraps text to `width`, keeping its own line breaks. Ideographs break
/// anywhere; a run of ASCII letters and digits (a number, a Latin word)
/// moves to the next line whole, as report servers print them.
fn wrap(text: &str, width: f32, size: f32, encoding: CjkEncoding) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut w = 0.0;
        for word in words(paragraph) {
            let ww = text_width(&word, size, encoding);
            if w + ww > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                w = 0.0;
            }
            line.push_str(&word);
            w += ww;
        }
        out.push(line);
    }
    out
}

/// Single characters, except runs of ASCII letters and digits (with `.` `,`
/// inside numbers) which stay together.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous_alnum = false;
    for c in text.chars() {
        let alnum = c.is_ascii_alphanumeric() || (previous_alnum && (c == '.' || c == ','));
        match out.last_mut() {
            Some(word) if alnum && previous_alnum => word.push(c),
            _ => out.push(c.to_string()),
        }
        previous_alnum = c.is_ascii_alphanumeric();
    }
    out
}

/// How a cell's lines sit between its rules.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Center,
    Right,
}

/// A cell of one row: horizontal extent and text.
#[derive(Debug, Clone)]
struct Cell {
    x0: f32,
    x1: f32,
    text: String,
    align: Align,
}

/// A label spanning rows `first..=last` at `x0..x1`.
#[derive(Debug, Clone)]
struct Span {
    x0: f32,
    x1: f32,
    first: usize,
    last: usize,
    text: String,
}

/// A row of the page flow: bordered cells, or free text (headings).
#[derive(Debug, Clone)]
enum FlowRow {
    Cells(Vec<Cell>),
    Free { text: String, size: f32, new_page: bool },
}

struct Layout {
    width: f32,
    height: f32,
    scale: f32,
}

impl Layout {
    fn x(&self, v: f32) -> f32 {
        MARGIN + (v - MARGIN) * self.scale
    }
}

/// Renders the projects of `doc` (and its title) as a PDF.
pub fn render(doc: &Document, options: &Options) -> Vec<u8> {
    let (width, height) = if options.landscape {
        (842.0, 595.0)
    } else {
        (595.0, 842.0)
    };
    let layout = Layout {
        width,
        height,
        scale: (width - 2.0 * MARGIN) / 770.0,
    };
    let mut rows: Vec<FlowRow> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    if let Some(title) = &doc.title {
        rows.push(FlowRow::Free {
            text: title.clone(),
            size: 14.0,
            new_page: false,
        });
    }
    for (i, project) in doc.projects.iter().enumerate() {
        form_rows(project, &layout, options, &mut rows, &mut spans, i > 0);
    }
    paginate_and_write(&rows, &spans, &layout, options)
}

fn form_rows(p: &Project, l: &Layout, o: &Options, rows: &mut Vec<FlowRow>, spans: &mut Vec<Span>, new_page: bool) {
    let aligned = |x0: f32, x1: f32, text: &str, align: Align| Cell {
        x0: l.x(x0),
        x1: l.x(x1),
        text: text.to_string(),
        align,
    };
    let cell = |x0: f32, x1: f32, text: &str, centered: bool| {
        aligned(x0, x1, text, if centered { Align::Center } else { Align::Left })
    };
    let money_align = if o.money_right { Align::Right } else { Align::Left };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    rows.push(FlowRow::Free {
        text: p.form.clone(),
        size: 16.0,
        new_page,
    });
    if let Some(year) = p.year {
        rows.push(FlowRow::Free {
            text: format!("（{year}年度）"),
            size: 10.0,
            new_page: false,
        });
    }
    rows.push(FlowRow::Cells(vec![
        cell(36.0, 126.0, "项目名称", true),
        cell(126.0, 346.0, &text(&p.name), false),
        cell(346.0, 436.0, "项目性质", true),
        cell(436.0, 596.0, &text(&p.nature), false),
        cell(596.0, 686.0, "项目类别", true),
        cell(686.0, 806.0, &text(&p.category), false),
    ]));
    rows.push(FlowRow::Cells(vec![
        cell(36.0, 126.0, "主管部门", true),
        cell(126.0, 436.0, &text(&p.department), false),
        cell(436.0, 526.0, "实施单位", true),
        cell(526.0, 806.0, &text(&p.implementer), false),
    ]));
    rows.push(FlowRow::Cells(vec![
        cell(36.0, 126.0, "计划开始日期", true),
        cell(126.0, 436.0, &text(&p.start_date), false),
        cell(436.0, 526.0, "计划完成日期", true),
        cell(526.0, 806.0, &text(&p.end_date), false),
    ]));
    let money = |v: Option<f64>| v.map(format_money).unwrap_or_default();
    let f = &p.funds;
    let first = rows.len();
    for (left, lv, right, rv) in [
        (
            "项目资金总额",
            money(f.project_total),
            "年度资金申请总额",
            money(f.annual_total),
        ),
        (
            "其中：财政资金",
            money(f.project_fiscal),
            "其中：当年财政拨款",
            money(f.annual_fiscal_current),
        ),
        ("", String::new(), "上年结转资金", money(f.annual_fiscal_carryover)),
        ("其他资金", money(f.project_other), "其他资金", money(f.annual_other)),
    ] {
        rows.push(FlowRow::Cells(vec![
            cell(126.0, 276.0, left, true),
            aligned(276.0, 426.0, &lv, money_align),
            cell(426.0, 616.0, right, true),
            aligned(616.0, 806.0, &rv, money_align),
        ]));
    }
    spans.push(Span {
        x0: l.x(36.0),
        x1: l.x(126.0),
        first,
        last: rows.len() - 1,
        text: "项目资金\n（元）".into(),
    });
    let first = rows.len();
    rows.push(FlowRow::Cells(vec![
        cell(126.0, 466.0, "项目总目标", true),
        cell(466.0, 806.0, "年度总体目标", true),
    ]));
    if p.goal_project == p.goal_annual {
        rows.push(FlowRow::Cells(vec![cell(126.0, 806.0, &text(&p.goal_project), false)]));
    } else {
        rows.push(FlowRow::Cells(vec![
            cell(126.0, 466.0, &text(&p.goal_project), false),
            cell(466.0, 806.0, &text(&p.goal_annual), false),
        ]));
    }
    spans.push(Span {
        x0: l.x(36.0),
        x1: l.x(126.0),
        first,
        last: rows.len() - 1,
        text: "项目\n绩效\n目标".into(),
    });
    let first = rows.len();
    rows.push(FlowRow::Cells(vec![
        cell(126.0, 226.0, "一级指标", true),
        cell(226.0, 346.0, "二级指标", true),
        cell(346.0, 646.0, "三级指标", true),
        cell(646.0, 806.0, "年度(/项目)指标值", true),
    ]));
    let mut level1_start: Option<(usize, Option<String>)> = None;
    let mut level2_start: Option<(usize, Option<String>, Option<String>)> = None;
    for indicator in &p.indicators {
        let row = rows.len();
        if level1_start.as_ref().map(|(_, t)| t) != Some(&indicator.level1) {
            if let Some((start, t)) = level1_start.take() {
                spans.push(Span {
                    x0: l.x(126.0),
                    x1: l.x(226.0),
                    first: start,
                    last: row - 1,
                    text: t.unwrap_or_default(),
                });
            }
            level1_start = Some((row, indicator.level1.clone()));
        }
        let key = (indicator.level1.clone(), indicator.level2.clone());
        if level2_start.as_ref().map(|(_, a, b)| (a.clone(), b.clone())) != Some(key.clone()) {
            if let Some((start, _, t)) = level2_start.take() {
                spans.push(Span {
                    x0: l.x(226.0),
                    x1: l.x(346.0),
                    first: start,
                    last: row - 1,
                    text: t.unwrap_or_default(),
                });
            }
            level2_start = Some((row, key.0, key.1));
        }
        rows.push(FlowRow::Cells(vec![
            cell(346.0, 646.0, &indicator.name, false),
            cell(646.0, 806.0, &indicator.target.text, false),
        ]));
    }
    let end = rows.len() - 1;
    if let Some((start, t)) = level1_start {
        spans.push(Span {
            x0: l.x(126.0),
            x1: l.x(226.0),
            first: start,
            last: end,
            text: t.unwrap_or_default(),
        });
    }
    if let Some((start, _, t)) = level2_start {
        spans.push(Span {
            x0: l.x(226.0),
            x1: l.x(346.0),
            first: start,
            last: end,
            text: t.unwrap_or_default(),
        });
    }
    spans.push(Span {
        x0: l.x(36.0),
        x1: l.x(126.0),
        first,
        last: end,
        text: "绩效\n指标".into(),
    });
}

/// `31487510.0` → `31,487,510.00`.
pub fn format_money(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let (int, frac) = (cents.abs() / 100, cents.abs() % 100);
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{frac:02}", if cents < 0 { "-" } else { "" })
}

/// Where a flow row landed.
#[derive(Debug, Clone, Copy)]
struct Placed {
    page: usize,
    top: f32,
    bottom: f32,
}

fn row_height(row: &FlowRow, size: f32, encoding: CjkEncoding) -> f32 {
    match row {
        FlowRow::Free { size, .. } => size * 1.8,
        FlowRow::Cells(cells) => {
            let lines = cells
                .iter()
                .map(|c| wrap(&c.text, c.x1 - c.x0 - 2.0 * PAD, size, encoding).len())
                .max()
                .unwrap_or(1);
            lines as f32 * size * 1.4 + 2.0 * PAD
        }
    }
}

fn paginate_and_write(rows: &[FlowRow], spans: &[Span], l: &Layout, o: &Options) -> Vec<u8> {
    let size = o.font_size;
    let mut placed: Vec<Placed> = Vec::with_capacity(rows.len());
    let (mut page, mut y) = (0usize, MARGIN);
    for row in rows {
        let h = row_height(row, size, o.encoding);
        let forced = matches!(row, FlowRow::Free { new_page: true, .. });
        if forced || y + h > l.height - MARGIN {
            if y > MARGIN {
                page += 1;
            }
            y = MARGIN;
        }
        placed.push(Placed {
            page,
            top: y,
            bottom: y + h,
        });
        y += h;
    }
    let pages = placed.last().map_or(1, |p| p.page + 1);
    let mut body: Vec<String> = vec![String::new(); pages];
    let mut labels: Vec<String> = vec![String::new(); pages];
    let mut rules: Vec<String> = vec![String::new(); pages];
    let mut fields: Vec<Vec<Field>> = vec![Vec::new(); pages];
    for (row, at) in rows.iter().zip(&placed) {
        match row {
            FlowRow::Free { text, size, .. } => {
                let x = (l.width - text_width(text, *size, o.encoding)) / 2.0;
                body[at.page] += &show(text, x, at.top + size * 1.2, *size, l, o);
            }
            FlowRow::Cells(cells) => {
                for c in cells {
                    rules[at.page] += &rect(c.x0, at.top, c.x1, at.bottom, l, o);
                    let text = cell_text(&c.text, c.x0, c.x1, at.top, at.bottom, c.align, size, l, o);
                    // Labels are centred; every other cell holds a value.
                    if o.fields && c.align != Align::Center {
                        if !c.text.is_empty() {
                            fields[at.page].push(Field {
                                rect: [c.x0, l.height - at.bottom, c.x1, l.height - at.top],
                                appearance: text,
                                value: c.text.clone(),
                            });
                        }
                    } else {
                        body[at.page] += &text;
                    }
                }
            }
        }
    }
    for span in spans {
        let mut segments: Vec<(usize, f32, f32)> = Vec::new();
        for at in placed.iter().take(span.last + 1).skip(span.first) {
            match segments.last_mut() {
                Some(seg) if seg.0 == at.page => seg.2 = at.bottom,
                _ => segments.push((at.page, at.top, at.bottom)),
            }
        }
        for (k, (page, top, bottom)) in segments.into_iter().enumerate() {
            rules[page] += &rect(span.x0, top, span.x1, bottom, l, o);
            if k == 0 || o.repeat_labels {
                let t = cell_text(&span.text, span.x0, span.x1, top, bottom, Align::Center, size, l, o);
                if o.labels_after_rows {
                    labels[page] += &t;
                } else {
                    body[page].insert_str(0, &t);
                }
            }
        }
    }
    let contents: Vec<String> = (0..pages)
        .map(|p| format!("{}{}{}", rules[p], body[p], labels[p]))
        .collect();
    write_pdf(&contents, &fields, l, o)
}

/// A text field of a filled-in form: its rectangle (PDF user space), the
/// operators that draw its value, and the value.
#[derive(Debug, Clone)]
struct Field {
    rect: [f32; 4],
    appearance: String,
    value: String,
}

#[allow(clippy::too_many_arguments)]
fn cell_text(
    text: &str,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    align: Align,
    size: f32,
    l: &Layout,
    o: &Options,
) -> String {
    let lines = wrap(text, x1 - x0 - 2.0 * PAD, size, o.encoding);
    let lh = size * 1.4;
    let block = lines.len() as f32 * lh;
    let mut y = top + ((bottom - top) - block) / 2.0 + size * 1.1;
    let mut out = String::new();
    for line in lines {
        let x = match align {
            Align::Center => x0 + ((x1 - x0) - text_width(&line, size, o.encoding)) / 2.0,
            Align::Left => x0 + PAD,
            Align::Right => x1 - PAD - text_width(&line, size, o.encoding),
        };
        out += &show(&line, x, y, size, l, o);
        y += lh;
    }
    out
}

fn show(text: &str, x: f32, baseline_from_top: f32, size: f32, l: &Layout, o: &Options) -> String {
    if text.is_empty() {
        return String::new();
    }
    let bytes: Vec<u8> = match o.encoding {
        CjkEncoding::Ucs2 => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        CjkEncoding::Gbk => encoding_rs::GBK.encode(text).0.into_owned(),
    };
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "BT /F1 {size} Tf 1 0 0 1 {x:.2} {:.2} Tm <{hex}> Tj ET\n",
        l.height - baseline_from_top
    )
}

fn rect(x0: f32, top: f32, x1: f32, bottom: f32, l: &Layout, o: &Options) -> String {
    let (y0, y1) = (l.height - bottom, l.height - top);
    if o.filled_rules {
        let t = 0.5;
        format!(
            "{x0:.2} {y0:.2} {:.2} {t} re f\n{x0:.2} {y1:.2} {:.2} {t} re f\n{x0:.2} {y0:.2} {t} {:.2} re f\n{x1:.2} {y0:.2} {t} {:.2} re f\n",
            x1 - x0,
            x1 - x0,
            y1 - y0,
            y1 - y0
        )
    } else {
        format!("0.5 w {x0:.2} {y0:.2} {:.2} {:.2} re S\n", x1 - x0, y1 - y0)
    }
}

fn write_pdf(contents: &[String], fields: &[Vec<Field>], l: &Layout, o: &Options) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let cmap = match o.encoding {
        CjkEncoding::Ucs2 => "UniGB-UCS2-H",
        CjkEncoding::Gbk => "GBK-EUC-H",
    };
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "STSong-Light",
        "Flags" => 6,
        "FontBBox" => vec![(-25).into(), (-254).into(), 1000.into(), 880.into()],
        "ItalicAngle" => 0,
        "Ascent" => 880,
        "Descent" => -120,
        "CapHeight" => 880,
        "StemV" => 93,
    });
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "STSong-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("GB1"),
            "Supplement" => 4,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => vec![
            1.into(),
            STSONG_PROPORTIONAL.iter().map(|w| Object::Integer(i64::from(*w))).collect::<Vec<_>>().into(),
            HALF_WIDTH_CIDS.0.into(),
            HALF_WIDTH_CIDS.1.into(),
            500.into(),
            GBK_SPACE_CID.into(),
            vec![Object::Integer(500)].into(),
        ],
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => format!("STSong-Light-{cmap}"),
        "Encoding" => cmap,
        "DescendantFonts" => vec![descendant.into()],
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids: Vec<Object> = Vec::new();
    let mut all_fields: Vec<Object> = Vec::new();
    for (page_number, content) in contents.iter().enumerate() {
        // Turned: the page is stored W×H swapped and drawn through a
        // rotation, and /Rotate 90 turns it back for display.
        let (content, media) = if o.rotated {
            (
                format!("q 0 1 -1 0 {:.2} 0 cm\n{content}Q\n", l.height),
                [l.height, l.width],
            )
        } else {
            (content.clone(), [l.width, l.height])
        };
        let stream = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(media[0]), Object::Real(media[1])],
        };
        if o.rotated {
            page.set("Rotate", 90);
        }
        let mut annotations: Vec<Object> = Vec::new();
        for (k, field) in fields.get(page_number).into_iter().flatten().enumerate() {
            let rect: Vec<Object> = field.rect.iter().map(|v| Object::Real(*v)).collect();
            let value: Vec<u8> = [0xfe, 0xff]
                .into_iter()
                .chain(field.value.encode_utf16().flat_map(u16::to_be_bytes))
                .collect();
            let mut widget = dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "FT" => "Tx",
                "T" => Object::string_literal(format!("p{page_number}f{k}")),
                "V" => Object::String(value, lopdf::StringFormat::Hexadecimal),
                "Rect" => rect.clone(),
                "F" => 4,
                "Ff" => 4096,
                "DA" => Object::string_literal(format!("/F1 {} Tf 0 g", o.font_size)),
            };
            if k % 2 == 0 {
                let appearance = doc.add_object(Stream::new(
                    dictionary! {
                        "Type" => "XObject",
                        "Subtype" => "Form",
                        "BBox" => rect,
                        "Resources" => resources,
                    },
                    format!("/Tx BMC\n{}EMC\n", field.appearance).into_bytes(),
                ));
                widget.set("AP", dictionary! { "N" => appearance });
            }
            let id = doc.add_object(widget);
            annotations.push(id.into());
            all_fields.push(id.into());
        }
        if !annotations.is_empty() {
            page.set("Annots", annotations);
        }
        kids.push(doc.add_object(page).into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if !all_fields.is_empty() {
        catalog.set(
            "AcroForm",
            dictionary! {
                "Fields" => all_fields,
                "DR" => resources,
                "DA" => Object::string_literal(format!("/F1 {} Tf 0 g", o.font_size)),
            },
        );
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = doc.save_to(&mut out);
    out
}
