//! The content stream interpreter: one page → glyphs and ruling lines.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::content::{Lexer, Operand};
use crate::font::Font;
use crate::geometry::{Matrix, PageSpace};
use crate::{Glyph, GlyphText, Rule};

/// Nested Form XObjects deeper than this are not drawn (and reported).
pub const MAX_FORM_DEPTH: usize = 12;
/// Operations interpreted per page, Form XObjects included.
pub const MAX_OPERATIONS: usize = 4_000_000;
/// Glyphs kept per page (a dense form page has a few thousand).
pub const MAX_GLYPHS: usize = 400_000;
/// Content bytes per glyph, low: a glyph of a `TJ` array takes four to ten
/// (`<0ab1>-12`), plus the operators around the text. Only sizes the
/// glyph list up front.
const BYTES_PER_GLYPH_ESTIMATE: usize = 12;
/// Width, in em, of the U+FFFD that stands for a string shown in a font
/// the file lacks: an ideograph's half, so that it stays within its cell.
const MISSING_FONT_WIDTH: f32 = 0.5;
/// Ruling lines kept per page: a real form has a few hundred; the layout
/// groups rules pairwise, so this bounds its work too.
pub const MAX_RULES: usize = 20_000;
/// Graphics states saved with `q` at once (the PDF spec's implementation
/// limit is 28; producers that never `Q` exceed it only when broken).
const MAX_GRAPHICS_STATES: usize = 256;
/// Segments of one path: a table's border is a few hundred; more is a
/// drawing, not ruling lines.
const MAX_PATH_SEGMENTS: usize = 100_000;
/// Decompressed content bytes per page (and per Form XObject).
pub const MAX_CONTENT_BYTES: usize = 64 * 1024 * 1024;
/// Annotations drawn per page; a page with more is reported (a real form
/// has a few hundred fields at most).
pub const MAX_ANNOTATIONS: usize = 10_000;
/// Annotation flags (ISO 32000-1 §12.5.3): Hidden and NoView annotations
/// are not shown, so their text is not on the page.
const HIDDEN_FLAGS: i64 = 2 | 32;
/// Field flag of a push button (§12.7.4.2.1); other buttons (check boxes,
/// radio buttons) show a state, not text.
const PUSHBUTTON_FLAG: i64 = 1 << 16;
/// Field flag of a combo box (§12.7.4.4): it shows its value; a choice
/// field without it is a list box, which shows its options.
const COMBO_FLAG: i64 = 1 << 17;
/// Font size of a field value whose `/DA` asks for auto size (0): at most
/// this, less in a low field.
const AUTO_FIELD_SIZE: f32 = 12.0;
/// Inner margin of a field's value in its rectangle, in points.
const FIELD_PADDING: f32 = 2.0;
/// Smallest size a field value is shrunk to so that it fits its field.
const MIN_FIELD_SIZE: f32 = 2.0;
/// Line height of a field value, in ems.
const FIELD_LEADING: f32 = 1.15;
/// Thickest filled rectangle still taken as a line, in points.
const MAX_RULE_THICKNESS: f32 = 2.5;
/// Shortest segment taken as a rule, in points.
const MIN_RULE_LENGTH: f32 = 2.0;

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    fill_white: bool,
    stroke_white: bool,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> GraphicsState {
        GraphicsState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            fill_white: false,
            stroke_white: false,
        }
    }
}

/// A segment of the current path, in user space.
#[derive(Debug, Clone, Copy)]
struct Segment {
    from: (f32, f32),
    to: (f32, f32),
    curve: bool,
    /// Which subpath (`m` or `re`) the segment belongs to.
    subpath: u32,
}

/// What interpreting a page found.
#[derive(Debug, Default)]
pub struct Output {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Problems worth reporting (page-level, not fatal).
    pub problems: Vec<String>,
    /// Per font: glyphs whose text could not be decoded.
    pub undecoded: HashMap<String, usize>,
    /// Glyphs (U+FFFD) standing for strings shown in a font the file lacks.
    pub unfonted: usize,
    /// Limits that cut what the page holds (what was cut, in words).
    pub limits: Vec<String>,
    /// Glyphs per direction of their baseline in page space, a quarter
    /// turn clockwise each: reading right, down, left, up.
    pub directions: [usize; 4],
}

/// Interprets one page's content.
pub struct Interpreter<'a> {
    doc: &'a Document,
    space: PageSpace,
    fonts: &'a mut HashMap<ObjectId, Rc<Font>>,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<Segment>,
    subpaths: u32,
    subpath_start: Option<(f32, f32)>,
    current: Option<(f32, f32)>,
    operations: usize,
    forms: Vec<ObjectId>,
    out: Output,
    /// The glyph limit was reported.
    glyphs_cut: bool,
    /// A string operand's decoded bytes.
    scratch: Vec<u8>,
    /// The page's resources, where a form's own lack a font.
    page_resources: Option<&'a Dictionary>,
}

fn num(operand: Option<&Operand<'_>>) -> f32 {
    operand.and_then(Operand::number).unwrap_or(0.0)
}

fn nums<const N: usize>(operands: &[Operand<'_>]) -> [f32; N] {
    std::array::from_fn(|i| num(operands.get(i)))
}

fn is_white(components: &[f32], cmyk: bool) -> bool {
    if components.is_empty() {
        return false;
    }
    if cmyk {
        components.iter().all(|c| *c <= 0.05)
    } else {
        components.iter().all(|c| *c >= 0.95)
    }
}

impl<'a> Interpreter<'a> {
    pub fn new(doc: &'a Document, space: PageSpace, fonts: &'a mut HashMap<ObjectId, Rc<Font>>) -> Interpreter<'a> {
        Interpreter {
            doc,
            space,
            fonts,
            gs: GraphicsState::new(Matrix::IDENTITY),
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Vec::new(),
            subpaths: 0,
            subpath_start: None,
            current: None,
            operations: 0,
            forms: Vec::new(),
            out: Output::default(),
            glyphs_cut: false,
            scratch: Vec::new(),
            page_resources: None,
        }
    }

    /// Runs a page's content, then draws its annotations (form fields,
    /// stamps, free text) on top, as a viewer shows them.
    pub fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        page: &Dictionary,
        form: &AcroForm,
    ) -> Output {
        // Room for the page's glyphs at once: a glyph takes a few bytes of
        // content at least, and growing the list as it fills copied it
        // over and over.
        self.out
            .glyphs
            .reserve((content.len() / BYTES_PER_GLYPH_ESTIMATE).min(MAX_GLYPHS));
        self.page_resources = resources;
        self.run_stream(content, resources);
        self.draw_annotations(page, form);
        self.out
    }

    fn run_stream(&mut self, content: &[u8], resources: Option<&Dictionary>) {
        let mut lexer = Lexer::new(content);
        let mut count = 0usize;
        while let Some(operation) = lexer.next_operation() {
            let operation = match operation {
                Ok(operation) => operation,
                Err(e) => {
                    self.out.problems.push(format!(
                        "content stream unreadable after {count} operations (byte {}: {})",
                        e.offset, e.reason
                    ));
                    break;
                }
            };
            count += 1;
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                self.out.limits.push(format!(
                    "page too complex: stopped after {MAX_OPERATIONS} operations; the rest of the page is not read"
                ));
                return;
            }
            self.operate(operation.operator, operation.operands, resources);
        }
    }

    fn operate(&mut self, op: &[u8], operands: &[Operand<'_>], resources: Option<&Dictionary>) {
        match op {
            b"q" if self.stack.len() < MAX_GRAPHICS_STATES => self.stack.push(self.gs.clone()),
            b"q" => self.limit(format!(
                "graphics states nested over {MAX_GRAPHICS_STATES} deep (q without Q); the deeper ones are not saved"
            )),
            b"Q" => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            b"cm" => {
                let m = Matrix::new(nums::<6>(operands));
                let ctm = m.then(&self.gs.ctm);
                if ctm.is_finite() {
                    self.gs.ctm = ctm;
                }
            }
            // Paths.
            b"m" => {
                let [x, y] = nums::<2>(operands);
                let p = self.gs.ctm.apply(x, y);
                self.subpath_start = Some(p);
                self.subpaths = self.subpaths.wrapping_add(1);
                self.current = Some(p);
            }
            b"l" => {
                let [x, y] = nums::<2>(operands);
                self.line_to(self.gs.ctm.apply(x, y), false);
            }
            b"c" => {
                let [_, _, _, _, x, y] = nums::<6>(operands);
                self.line_to(self.gs.ctm.apply(x, y), true);
            }
            b"v" | b"y" => {
                let [_, _, x, y] = nums::<4>(operands);
                self.line_to(self.gs.ctm.apply(x, y), true);
            }
            b"h" => self.close(),
            b"re" => {
                let [x, y, w, h] = nums::<4>(operands);
                let ctm = self.gs.ctm;
                let p0 = ctm.apply(x, y);
                self.subpath_start = Some(p0);
                self.subpaths = self.subpaths.wrapping_add(1);
                self.current = Some(p0);
                self.line_to(ctm.apply(x + w, y), false);
                self.line_to(ctm.apply(x + w, y + h), false);
                self.line_to(ctm.apply(x, y + h), false);
                self.close();
            }
            b"S" => self.paint(true, false),
            b"s" => {
                self.close();
                self.paint(true, false);
            }
            b"f" | b"F" | b"f*" => self.paint(false, true),
            b"B" | b"B*" => self.paint(true, true),
            b"b" | b"b*" => {
                self.close();
                self.paint(true, true);
            }
            b"n" => self.clear_path(),
            // Colours: only "is it white" matters (white fills are backgrounds).
            b"g" => self.gs.fill_white = is_white(&nums::<1>(operands), false),
            b"G" => self.gs.stroke_white = is_white(&nums::<1>(operands), false),
            b"rg" => self.gs.fill_white = is_white(&nums::<3>(operands), false),
            b"RG" => self.gs.stroke_white = is_white(&nums::<3>(operands), false),
            b"k" => self.gs.fill_white = is_white(&nums::<4>(operands), true),
            b"K" => self.gs.stroke_white = is_white(&nums::<4>(operands), true),
            b"sc" | b"scn" => self.gs.fill_white = Self::white_of(operands),
            b"SC" | b"SCN" => self.gs.stroke_white = Self::white_of(operands),
            b"cs" => self.gs.fill_white = false,
            b"CS" => self.gs.stroke_white = false,
            // Text.
            b"BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tf" => {
                self.gs.size = num(operands.get(1));
                let name = operands.first().and_then(Operand::name).unwrap_or_default();
                self.gs.font = self.font(resources, &name);
                if self.gs.font.is_none() && !self.forms.is_empty() {
                    // A form's resources without the font: the page's, as
                    // MuPDF reads them (qpdf's form-xobjects-some-resources).
                    self.gs.font = self.font(self.page_resources, &name);
                }
                if self.gs.font.is_none() {
                    let problem = format!(
                        "font /{} is not in the page's resources",
                        String::from_utf8_lossy(&name)
                    );
                    if !self.out.problems.contains(&problem) {
                        self.out.problems.push(problem);
                    }
                }
            }
            b"Tc" => self.gs.char_spacing = num(operands.first()),
            b"Tw" => self.gs.word_spacing = num(operands.first()),
            b"Tz" => self.gs.h_scale = num(operands.first()) / 100.0,
            b"TL" => self.gs.leading = num(operands.first()),
            b"Ts" => self.gs.rise = num(operands.first()),
            b"Td" => {
                let [x, y] = nums::<2>(operands);
                self.move_line(x, y);
            }
            b"TD" => {
                let [x, y] = nums::<2>(operands);
                self.gs.leading = -y;
                self.move_line(x, y);
            }
            b"Tm" => {
                let m = Matrix::new(nums::<6>(operands));
                if m.is_finite() {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"T*" => self.move_line(0.0, -self.gs.leading),
            b"Tj" => self.show_operand(operands.first()),
            b"'" => {
                self.move_line(0.0, -self.gs.leading);
                self.show_operand(operands.first());
            }
            b"\"" => {
                self.gs.word_spacing = num(operands.first());
                self.gs.char_spacing = num(operands.get(1));
                self.move_line(0.0, -self.gs.leading);
                self.show_operand(operands.get(2));
            }
            b"TJ" => {
                // `[(A) -120 (B)] TJ`: the array is flat among the operands;
                // what nests deeper inside it is no text.
                if operands.first() != Some(&Operand::ArrayStart) {
                    return;
                }
                let mut depth = 0usize;
                for item in operands {
                    match item {
                        Operand::ArrayStart | Operand::DictStart => depth += 1,
                        Operand::ArrayEnd | Operand::DictEnd => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        Operand::Literal(_) | Operand::Hex(_) if depth == 1 => self.show_operand(Some(item)),
                        Operand::Integer(_) | Operand::Real(_) if depth == 1 => {
                            let adjust = num(Some(item));
                            let tx = -adjust / 1000.0 * self.gs.size * self.gs.h_scale;
                            self.advance(tx, 0.0);
                        }
                        _ => {}
                    }
                }
            }
            b"Do" => {
                if let Some(name) = operands.first().and_then(Operand::name) {
                    self.draw_xobject(resources, &name);
                }
            }
            _ => {}
        }
    }

    fn white_of(operands: &[Operand<'_>]) -> bool {
        let components: Vec<f32> = operands.iter().filter_map(Operand::number).collect();
        is_white(&components, components.len() == 4)
    }

    /// Shows a string operand, decoded into the interpreter's scratch
    /// buffer (no allocation per string once it has grown).
    fn show_operand(&mut self, operand: Option<&Operand<'_>>) {
        let Some(operand) = operand else { return };
        let mut bytes = std::mem::take(&mut self.scratch);
        bytes.clear();
        if operand.string_into(&mut bytes) {
            self.show(&bytes);
        }
        self.scratch = bytes;
    }

    fn line_to(&mut self, to: (f32, f32), curve: bool) {
        if let Some(from) = self.current {
            if self.path.len() < MAX_PATH_SEGMENTS {
                self.path.push(Segment {
                    from,
                    to,
                    curve,
                    subpath: self.subpaths,
                });
            } else {
                self.limit(format!(
                    "a path of over {MAX_PATH_SEGMENTS} segments; the rest of it is not read for ruling lines"
                ));
            }
        } else {
            self.subpath_start = Some(to);
        }
        self.current = Some(to);
    }

    fn close(&mut self) {
        if let (Some(start), Some(current)) = (self.subpath_start, self.current) {
            if start != current {
                self.line_to(start, false);
            }
        }
        self.current = self.subpath_start;
    }

    fn clear_path(&mut self) {
        self.path.clear();
        self.subpath_start = None;
        self.current = None;
    }

    /// Stroked straight axis-aligned segments and thin filled rectangles
    /// become rules; white paint is a background, not a rule.
    fn paint(&mut self, stroke: bool, fill: bool) {
        let path = std::mem::take(&mut self.path);
        if stroke && !self.gs.stroke_white {
            for s in path.iter().filter(|s| !s.curve) {
                self.add_rule(s.from, s.to);
            }
        }
        if fill && !self.gs.fill_white {
            // Thin filled boxes: the bounding box of each straight subpath
            // (`re`, or `m l l l h` however many points it has).
            for subpath in path.chunk_by(|a, b| a.subpath == b.subpath) {
                if subpath.len() < 3 || subpath.iter().any(|s| s.curve) {
                    continue;
                }
                let points: Vec<(f32, f32)> = subpath
                    .iter()
                    .flat_map(|s| [s.from, s.to])
                    .map(|(x, y)| self.space.map(x, y))
                    .collect();
                let (x0, x1, y0, y1) = bounds(&points);
                let (w, h) = (x1 - x0, y1 - y0);
                if h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH {
                    self.push_rule(Rule {
                        x0,
                        y0: (y0 + y1) / 2.0,
                        x1,
                        y1: (y0 + y1) / 2.0,
                    });
                } else if w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH {
                    self.push_rule(Rule {
                        x0: (x0 + x1) / 2.0,
                        y0,
                        x1: (x0 + x1) / 2.0,
                        y1,
                    });
                }
            }
        }
        self.subpath_start = None;
        self.current = None;
    }

    fn add_rule(&mut self, from: (f32, f32), to: (f32, f32)) {
        let (ax, ay) = self.space.map(from.0, from.1);
        let (bx, by) = self.space.map(to.0, to.1);
        if (ay - by).abs() <= 1.0 && (ax - bx).abs() >= MIN_RULE_LENGTH {
            let y = (ay + by) / 2.0;
            self.push_rule(Rule {
                x0: ax.min(bx),
                y0: y,
                x1: ax.max(bx),
                y1: y,
            });
        } else if (ax - bx).abs() <= 1.0 && (ay - by).abs() >= MIN_RULE_LENGTH {
            let x = (ax + bx) / 2.0;
            self.push_rule(Rule {
                x0: x,
                y0: ay.min(by),
                x1: x,
                y1: ay.max(by),
            });
        }
    }

    fn push_rule(&mut self, rule: Rule) {
        if ![rule.x0, rule.y0, rule.x1, rule.y1].iter().all(|v| v.is_finite()) {
            return;
        }
        if self.out.rules.len() < MAX_RULES {
            self.out.rules.push(rule);
        } else {
            self.limit(format!(
                "more than {MAX_RULES} ruling lines on the page; the rest are not read (tables may lose cells)"
            ));
        }
    }

    /// Records that a limit cut the page's content, once per kind.
    fn limit(&mut self, what: String) {
        if !self.out.limits.contains(&what) {
            self.out.limits.push(what);
        }
    }

    fn move_line(&mut self, x: f32, y: f32) {
        self.tlm = Matrix::translate(x, y).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn advance(&mut self, tx: f32, ty: f32) {
        self.tm = Matrix::translate(tx, ty).then(&self.tm);
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.font.clone() else {
            // A font the page names but the file lacks (a download cut
            // before it; Chromium writes its fonts last): its text is
            // U+FFFD where it stands, one a string (its codes' lengths and
            // widths are unknown), so that the cell shows the loss rather
            // than read as the glyphs of other fonts alone.
            if !bytes.is_empty() {
                let trm = self.glyph_matrix();
                let before = self.out.glyphs.len();
                self.emit_glyph(GlyphText::from_char('\u{fffd}'), trm, MISSING_FONT_WIDTH);
                self.out.unfonted += self.out.glyphs.len() - before;
            }
            return;
        };
        let (size, h_scale) = (self.gs.size, self.gs.h_scale);
        font.decode(bytes, |code| {
            let trm = self.glyph_matrix();
            let text = match code.text {
                Some(t) => t,
                None => {
                    *self.out.undecoded.entry(font.name.clone()).or_insert(0) += 1;
                    GlyphText::from_char('\u{fffd}')
                }
            };
            if !text.is_empty() {
                self.emit_glyph(text, trm, code.width);
            }
            let spacing = self.gs.char_spacing + if code.is_space { self.gs.word_spacing } else { 0.0 };
            if font.vertical {
                self.advance(0.0, -(code.width * size + spacing));
            } else {
                self.advance((code.width * size + spacing) * h_scale, 0.0);
            }
        });
    }

    /// The text rendering matrix of the next glyph (before the CTM): the
    /// font size, horizontal scaling and rise, at the text position.
    fn glyph_matrix(&self) -> Matrix {
        let gs = &self.gs;
        Matrix::new([gs.size * gs.h_scale, 0.0, 0.0, gs.size, 0.0, gs.rise]).then(&self.tm)
    }

    /// A glyph of `width` (text space) drawn with text rendering matrix
    /// `trm`; its box runs 0.2 em below the baseline to 0.8 em above.
    fn emit_glyph(&mut self, text: GlyphText, trm: Matrix, width: f32) {
        // A zero-width space drawn between ideographs (Dompdf's line
        // breaks) is no text: a glyph of nothing but such is not kept.
        let text = match jixiao_model::normalize::without_invisible(text.as_str()) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(visible) if visible.is_empty() => return,
            std::borrow::Cow::Owned(visible) => GlyphText::new(&visible),
        };
        if self.out.glyphs.len() >= MAX_GLYPHS {
            if self.out.limits.is_empty() || !self.glyphs_cut {
                self.glyphs_cut = true;
                self.out.limits.push(format!(
                    "more than {MAX_GLYPHS} glyphs on the page; the rest are not read"
                ));
            }
            return;
        }
        let trm = trm.then(&self.gs.ctm);
        let corners = [
            trm.apply(0.0, -0.2),
            trm.apply(width, -0.2),
            trm.apply(0.0, 0.8),
            trm.apply(width, 0.8),
        ];
        let points = corners.map(|(x, y)| self.space.map(x, y));
        let (x0, x1, y0, y1) = bounds(&points);
        let (ox, oy) = trm.apply(0.0, 0.0);
        let (ux, uy) = trm.apply(0.0, 1.0);
        let em = ((ux - ox).powi(2) + (uy - oy).powi(2)).sqrt();
        if [x0, x1, y0, y1, em].iter().all(|v| v.is_finite()) {
            let (bx, by) = trm.apply(1.0, 0.0);
            let (start, end) = (self.space.map(ox, oy), self.space.map(bx, by));
            if let Some(count) = self.out.directions.get_mut(direction(end.0 - start.0, end.1 - start.1)) {
                *count += 1;
            }
            self.out.glyphs.push(Glyph {
                text,
                x0,
                y0,
                x1,
                y1,
                size: em,
            });
        }
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = resources.and_then(|r| dict_of(self.doc, r, b"Font"))?;
        let entry = fonts.get(name).ok()?;
        if let Object::Reference(id) = entry {
            if let Some(font) = self.fonts.get(id) {
                return Some(font.clone());
            }
            let dict = self.doc.get_dictionary(*id).ok()?;
            let font = Rc::new(Font::load(self.doc, dict));
            self.note_font_limit(&font);
            self.fonts.insert(*id, font.clone());
            return Some(font);
        }
        let font = Rc::new(Font::load(self.doc, entry.as_dict().ok()?));
        self.note_font_limit(&font);
        Some(font)
    }

    fn note_font_limit(&mut self, font: &Font) {
        if font.contradicted > 0 {
            self.out.problems.push(format!(
                "font {}: its ToUnicode map gives other text than its encoding for {} codes; read by the encoding",
                font.name, font.contradicted
            ));
        }
        if font.cids_as_unicode {
            self.out.problems.push(format!(
                "font {}: no ToUnicode map and no cmap table in its program; its CIDs, which index its CIDToGIDMap as Unicode text does (TCPDF's fonts), are read as the characters",
                font.name
            ));
        }
        if font.damaged {
            self.out.problems.push(format!(
                "font {}: its ToUnicode map is damaged; some of its text may be missing or wrong",
                font.name
            ));
        }
        if let Some(subtype) = &font.odd_subtype {
            let what = if subtype.is_empty() {
                String::from("has no /Subtype")
            } else {
                format!("has /Subtype /{subtype}, no font type")
            };
            self.out.problems.push(format!(
                "font {}: its dictionary {what} (damaged?); read by its ToUnicode map's codes, its text may be wrong",
                font.name
            ));
        }
        if font.no_descendant {
            self.out.problems.push(format!(
                "font {}: a composite font without /DescendantFonts (damaged?): its glyph widths are unknown, so its text may be spaced or ordered wrongly",
                font.name
            ));
        }
        if font.limited {
            self.out.limits.push(format!(
                "font {}: its ToUnicode map is over jixiao's limits and was cut; some of its text may be missing",
                font.name
            ));
        }
    }

    fn draw_xobject(&mut self, resources: Option<&Dictionary>, name: &[u8]) {
        let Some(xobjects) = resources.and_then(|r| dict_of(self.doc, r, b"XObject")) else {
            return;
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return;
        };
        let id = *id;
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(|o| o.as_name()).ok() != Some(b"Form".as_slice()) {
            return;
        }
        self.run_form(id, stream, form_matrix(stream), resources);
    }

    /// Runs a form stream (a Form XObject or an appearance stream) with
    /// `placement` before the CTM, its own resources first; the graphics
    /// and text state are restored after.
    fn run_form(&mut self, id: ObjectId, stream: &Stream, placement: Matrix, resources: Option<&Dictionary>) {
        if self.forms.contains(&id) || self.forms.len() >= MAX_FORM_DEPTH {
            let problem = format!(
                "Form XObject {} {} nested too deep or drawing itself; skipped",
                id.0, id.1
            );
            if !self.out.problems.contains(&problem) {
                self.out.problems.push(problem);
            }
            return;
        }
        let Ok(content) = stream.decompressed_content_with_limit(MAX_CONTENT_BYTES).or_else(|e| {
            if stream.dict.get(b"Filter").is_err() {
                Ok(stream.content.clone())
            } else {
                Err(e)
            }
        }) else {
            self.out
                .problems
                .push(format!("Form XObject {} {} could not be decompressed", id.0, id.1));
            return;
        };
        let form_resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| self.doc.dereference(r).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let saved = (self.gs.clone(), self.stack.len(), self.tm, self.tlm);
        self.gs.ctm = placement.then(&self.gs.ctm);
        self.forms.push(id);
        self.run_stream(&content, form_resources.or(resources));
        self.forms.pop();
        self.stack.truncate(saved.1);
        self.gs = saved.0;
        self.tm = saved.2;
        self.tlm = saved.3;
    }

    /// Draws the visible annotations of a page: each normal appearance
    /// stream placed in its `/Rect` (ISO 32000-1 §12.5.5); a text field
    /// without one (or in a form that asks viewers to make appearances)
    /// shows its `/V`. Check boxes and radio buttons show a state, not text.
    fn draw_annotations(&mut self, page: &Dictionary, form: &AcroForm) {
        let Some(annotations) = page
            .get(b"Annots")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
        else {
            return;
        };
        if annotations.len() > MAX_ANNOTATIONS {
            self.out.problems.push(format!(
                "{} annotations; only the first {MAX_ANNOTATIONS} are drawn",
                annotations.len()
            ));
        }
        // The page's own state ends with its content: annotations start
        // from the default state.
        self.gs = GraphicsState::new(Matrix::IDENTITY);
        self.stack.clear();
        for annotation in annotations.iter().take(MAX_ANNOTATIONS) {
            let Ok((_, Object::Dictionary(dict))) = self.doc.dereference(annotation) else {
                continue;
            };
            self.draw_annotation(dict, form);
        }
    }

    fn draw_annotation(&mut self, dict: &Dictionary, form: &AcroForm) {
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or_default();
        let flags = self.field_integer(dict, b"F", false);
        if subtype == b"Popup" || flags & HIDDEN_FLAGS != 0 {
            return;
        }
        let Some(rect) = self.rect(dict) else { return };
        let field_type = self.inherited_field(dict, b"FT").and_then(|o| o.as_name().ok());
        if field_type == Some(b"Btn".as_slice()) && self.field_integer(dict, b"Ff", true) & PUSHBUTTON_FLAG == 0 {
            return;
        }
        let value = match field_type {
            Some(b"Ch") if self.field_integer(dict, b"Ff", true) & COMBO_FLAG == 0 => self.list_options(dict),
            Some(b"Tx" | b"Ch") => self.field_value(dict),
            _ => None,
        };
        let appearance = dict
            .get(b"AP")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|ap| ap.get(b"N").ok());
        let stream = match appearance {
            Some(Object::Reference(id)) => self
                .doc
                .get_object(*id)
                .ok()
                .and_then(|o| o.as_stream().ok())
                .map(|s| (*id, s)),
            _ => None,
        };
        match (stream, value) {
            (Some(_), Some(value)) if form.need_appearances => self.field_text(&value, rect, dict),
            (Some((id, stream)), _) => self.draw_appearance(id, stream, rect, form),
            (None, Some(value)) => self.field_text(&value, rect, dict),
            (None, None) => {}
        }
    }

    /// Places an appearance stream: its `/BBox` through its `/Matrix`, then
    /// scaled and moved onto the annotation's rectangle (§12.5.5).
    fn draw_appearance(&mut self, id: ObjectId, stream: &Stream, rect: [f32; 4], form: &AcroForm) {
        let Some(bbox) = stream
            .dict
            .get(b"BBox")
            .ok()
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| numbers4(self.doc, o))
        else {
            return;
        };
        let matrix = form_matrix(stream);
        let corners = [
            matrix.apply(bbox[0], bbox[1]),
            matrix.apply(bbox[2], bbox[1]),
            matrix.apply(bbox[0], bbox[3]),
            matrix.apply(bbox[2], bbox[3]),
        ];
        let (bx0, bx1, by0, by1) = bounds(&corners);
        let (bw, bh) = (bx1 - bx0, by1 - by0);
        if !(bw > 0.0 && bh > 0.0) {
            return;
        }
        let (sx, sy) = ((rect[2] - rect[0]) / bw, (rect[3] - rect[1]) / bh);
        let fit = Matrix::new([sx, 0.0, 0.0, sy, rect[0] - bx0 * sx, rect[1] - by0 * sy]);
        let placement = matrix.then(&fit);
        if placement.is_finite() {
            self.run_form(id, stream, placement, form.resources.as_ref());
        }
    }

    /// A field value drawn in its rectangle as a viewer would: wrapped to
    /// the field's width (a run of Latin letters and digits moves whole),
    /// lines from the top (one line centred), at the `/DA` size or smaller
    /// when the lines would not fit.
    fn field_text(&mut self, value: &str, rect: [f32; 4], dict: &Dictionary) {
        let (width, height) = (rect[2] - rect[0] - 2.0 * FIELD_PADDING, rect[3] - rect[1]);
        let asked = self
            .inherited_field(dict, b"DA")
            .and_then(|o| o.as_str().ok())
            .and_then(da_font_size)
            .filter(|s| *s > 0.0 && s.is_finite())
            .unwrap_or_else(|| AUTO_FIELD_SIZE.min((height - 2.0 * FIELD_PADDING).max(4.0)));
        let mut size = asked;
        let mut lines = wrap_field(value, width / size);
        // Shrink until the lines fit: text is never drawn outside its field.
        while size > MIN_FIELD_SIZE && lines.len() as f32 * size * FIELD_LEADING > height - FIELD_PADDING {
            size = (size * 0.9).max(MIN_FIELD_SIZE);
            lines = wrap_field(value, width / size);
        }
        let mut baseline = if lines.len() == 1 {
            rect[1] + (height - size) / 2.0 + 0.2 * size
        } else {
            rect[3] - FIELD_PADDING / 2.0 - size * 0.9
        };
        for line in lines {
            let mut x = rect[0] + FIELD_PADDING;
            for c in line.chars() {
                let advance = em_advance(c);
                let trm = Matrix::new([size, 0.0, 0.0, size, x, baseline]);
                self.emit_glyph(GlyphText::from_char(c), trm, advance);
                x += advance * size;
            }
            baseline -= size * FIELD_LEADING;
        }
    }

    /// A field attribute, inherited through the field's `/Parent` chain.
    fn inherited_field<'d>(&self, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object>
    where
        'a: 'd,
    {
        let mut node: &'d Dictionary = dict;
        for _ in 0..32 {
            if let Ok(object) = node.get(key) {
                return self.doc.dereference(object).ok().map(|(_, o)| o);
            }
            node = self.doc.dereference(node.get(b"Parent").ok()?).ok()?.1.as_dict().ok()?;
        }
        None
    }

    fn field_integer(&self, dict: &Dictionary, key: &[u8], inherited: bool) -> i64 {
        let object = if inherited {
            self.inherited_field(dict, key)
        } else {
            dict.get(key).ok()
        };
        object.and_then(|o| o.as_i64().ok()).unwrap_or(0)
    }

    /// A text or choice field's value as text (`/V`: a text string, or an
    /// array of them for a multiple choice).
    fn field_value(&self, dict: &Dictionary) -> Option<String> {
        let text = match self.inherited_field(dict, b"V")? {
            Object::String(bytes, _) => text_string(bytes),
            Object::Array(items) => items
                .iter()
                .filter_map(|o| match self.doc.dereference(o).ok()?.1 {
                    Object::String(bytes, _) => Some(text_string(bytes)),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n"),
            _ => return None,
        };
        (!text.trim().is_empty()).then_some(text)
    }

    /// A list box's options as it shows them, one per line (`/Opt`: text
    /// strings, or [export value, display text] pairs).
    fn list_options(&self, dict: &Dictionary) -> Option<String> {
        let Some(Object::Array(options)) = self.inherited_field(dict, b"Opt") else {
            return self.field_value(dict);
        };
        let display = |o: &Object| -> Option<String> {
            match self.doc.dereference(o).ok()?.1 {
                Object::String(bytes, _) => Some(text_string(bytes)),
                Object::Array(pair) => match self.doc.dereference(pair.get(1)?).ok()?.1 {
                    Object::String(bytes, _) => Some(text_string(bytes)),
                    _ => None,
                },
                _ => None,
            }
        };
        let text = options.iter().filter_map(display).collect::<Vec<_>>().join("\n");
        (!text.trim().is_empty()).then_some(text)
    }

    fn rect(&self, dict: &Dictionary) -> Option<[f32; 4]> {
        let object = self.doc.dereference(dict.get(b"Rect").ok()?).ok()?.1;
        let [x0, y0, x1, y1] = numbers4(self.doc, object)?;
        Some([x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)])
    }
}

/// The state a document's interactive form gives every page.
#[derive(Debug, Default)]
pub struct AcroForm {
    /// `/DR`: resources for appearance streams that have none.
    pub resources: Option<Dictionary>,
    /// `/NeedAppearances true`: the appearance streams may be stale; field
    /// values are drawn from `/V`.
    pub need_appearances: bool,
}

impl AcroForm {
    /// Reads the catalog's `/AcroForm`.
    pub fn of(doc: &Document) -> AcroForm {
        let form = doc
            .catalog()
            .ok()
            .and_then(|c| c.get(b"AcroForm").ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let Some(form) = form else {
            return AcroForm::default();
        };
        AcroForm {
            resources: form
                .get(b"DR")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
                .cloned(),
            need_appearances: matches!(form.get(b"NeedAppearances"), Ok(Object::Boolean(true))),
        }
    }
}

/// A form's `/Matrix` (identity when absent or broken).
fn form_matrix(stream: &Stream) -> Matrix {
    stream
        .dict
        .get(b"Matrix")
        .ok()
        .and_then(|m| m.as_array().ok())
        .filter(|a| a.len() == 6)
        .map(|a| Matrix::new(std::array::from_fn(|i| a.get(i).and_then(finite_number).unwrap_or(0.0))))
        .filter(Matrix::is_finite)
        .unwrap_or(Matrix::IDENTITY)
}

/// A number object's value, if finite.
fn finite_number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// Four finite numbers of an array (a rectangle).
fn numbers4(doc: &Document, object: &Object) -> Option<[f32; 4]> {
    let array = object.as_array().ok()?;
    if array.len() != 4 {
        return None;
    }
    let mut v = [0f32; 4];
    for (slot, item) in v.iter_mut().zip(array) {
        *slot = finite_number(doc.dereference(item).ok()?.1)?;
    }
    Some(v)
}

/// The size operand of `Tf` in a default appearance string
/// (`/Helv 12 Tf 0 g`).
fn da_font_size(da: &[u8]) -> Option<f32> {
    let da = String::from_utf8_lossy(da);
    let words: Vec<&str> = da.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "Tf")?;
    words.get(at.checked_sub(1)?)?.parse().ok()
}

/// Advance of a character of a field value, in ems (the value has no font
/// widths of its own): ideographs one em, the rest half.
fn em_advance(c: char) -> f32 {
    if jixiao_model::normalize::is_wide(c) {
        1.0
    } else {
        0.5
    }
}

/// Lines of a field value at most `ems` wide, its own line breaks kept; a
/// run of ASCII letters and digits is not broken unless it alone is wider.
fn wrap_field(value: &str, ems: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in value.split(['\r', '\n']) {
        let mut line = String::new();
        let mut used = 0.0;
        let mut rest = paragraph;
        while let Some(c) = rest.chars().next() {
            let run = if c.is_ascii_alphanumeric() {
                rest.find(|x: char| !x.is_ascii_alphanumeric()).unwrap_or(rest.len())
            } else {
                c.len_utf8()
            };
            let (word, tail) = rest.split_at(run);
            rest = tail;
            let w: f32 = word.chars().map(em_advance).sum();
            if used + w > ems && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push_str(word);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// A PDF text string: UTF-16BE or UTF-8 with a byte order mark, else
/// PDFDocEncoding (Latin-1 for the printable range).
pub fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xfe, 0xff, rest @ ..] => crate::cmap::utf16be(rest),
        [0xef, 0xbb, 0xbf, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The quarter turn (0 right, 1 down, 2 left, 3 up) nearest a baseline
/// direction in page space (y down).
fn direction(dx: f32, dy: f32) -> usize {
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 {
            0
        } else {
            2
        }
    } else if dy > 0.0 {
        1
    } else {
        3
    }
}

fn bounds(points: &[(f32, f32)]) -> (f32, f32, f32, f32) {
    let xs = points.iter().map(|p| p.0);
    let ys = points.iter().map(|p| p.1);
    (
        xs.clone().fold(f32::INFINITY, f32::min),
        xs.fold(f32::NEG_INFINITY, f32::max),
        ys.clone().fold(f32::INFINITY, f32::min),
        ys.fold(f32::NEG_INFINITY, f32::max),
    )
}

/// A dictionary entry of a dictionary, through references.
pub fn dict_of<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Dictionary> {
    let object = dict.get(key).ok()?;
    doc.dereference(object).ok()?.1.as_dict().ok()
}
