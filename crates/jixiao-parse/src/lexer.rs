//! Lexer: rows → tokens. Recognises what is the same in every part of a form
//! (headings, year lines, the merged labels printed down a block's left edge,
//! indicator labels split over lines) so that the state machine only decides
//! what a row means where it stands.

use jixiao_layout::Row;
use jixiao_model::normalize::fold_compact;

use crate::vocab::{self, LabelLevel, Marker};

/// What a row (or a few rows joined) is, independent of context.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    /// A form heading and the year printed on the same line, if any.
    Heading { form: String, year: Option<i32> },
    /// `（2024年度）`.
    Year(i32),
    /// A merged block label (`项目资金（元）`, `项目绩效目标`, `绩效指标`).
    Marker(Marker),
    /// `一级指标 二级指标 三级指标 年度指标值`.
    IndicatorHeader,
    /// An indicator label on a line of its own (possibly joined from
    /// pieces: `服务对象满意度` + `指标`).
    Label { text: String, level: LabelLevel },
    /// Page furniture (`第 1 页`).
    PageNumber,
    /// The heading of another part of the document (a budget's other
    /// tables, `第四部分 名词解释`), or a row of a budget table: the form
    /// before it ends there.
    OtherPart,
    /// Text the regridding of a dump could not place (the labels of a
    /// content-order table whose order does not say their rows); no rows.
    Note {
        reason: jixiao_model::UnplacedReason,
        text: String,
        loc: jixiao_model::Location,
    },
    /// The rest of a cell cut by a page break, joined into the row it
    /// completes: no text of its own, only where the form reaches.
    Rest,
    /// Any other row; its meaning depends on where it stands.
    Row,
}

/// A token and the source rows it was made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    /// For [`TokenKind::Row`]: the row (with leading marker cells removed).
    /// For the others: the rows that spelled it.
    pub rows: Vec<Row>,
}

impl Token {
    /// The row of a [`TokenKind::Row`] token, or the first source row.
    pub fn row(&self) -> Option<&Row> {
        self.rows.first()
    }

    /// The source text of all rows, joined by spaces.
    pub fn text(&self) -> String {
        self.rows.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// The longest run of short one-cell lines that spells one label.
const MAX_PIECES: usize = 4;
/// Longest piece of a label printed down a narrow column, in characters.
const MAX_PIECE_CHARS: usize = 9;

/// The tokens with a [`TokenKind::Note`] for each note, before the first
/// token that starts after it.
pub fn with_notes(
    tokens: Vec<Token>,
    notes: Vec<(jixiao_model::Location, jixiao_model::UnplacedReason, String)>,
) -> Vec<Token> {
    if notes.is_empty() {
        return tokens;
    }
    let order = |loc: &jixiao_model::Location| match loc {
        jixiao_model::Location::Line(n) | jixiao_model::Location::Page(n) => *n,
    };
    let mut notes = notes.into_iter().peekable();
    let mut out = Vec::with_capacity(tokens.len() + 1);
    for token in tokens {
        let starts = token.rows.first().map_or(0, |r| order(&r.loc));
        while let Some((loc, reason, text)) = notes.next_if(|(loc, _, _)| order(loc) < starts) {
            out.push(Token {
                kind: TokenKind::Note { reason, text, loc },
                rows: Vec::new(),
            });
        }
        out.push(token);
    }
    for (loc, reason, text) in notes {
        out.push(Token {
            kind: TokenKind::Note { reason, text, loc },
            rows: Vec::new(),
        });
    }
    out
}

/// Splits rows into tokens.
pub fn lex(rows: Vec<Row>) -> Vec<Token> {
    let rows = part_glued_fund_labels(join_label_halves(join_label_over_lines(rows)));
    let (rows, rests) = join_labels_cut_by_pages(rows);
    let mut tokens = Vec::with_capacity(rows.len());
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        if rests.binary_search(&i).is_ok() {
            tokens.push(Token {
                kind: TokenKind::Rest,
                rows: vec![row.clone()],
            });
            i += 1;
            continue;
        }
        if let Some((kind, taken)) = joined_label(&rows, i) {
            tokens.push(Token {
                kind,
                rows: rows.get(i..i + taken).map(<[Row]>::to_vec).unwrap_or_default(),
            });
            i += taken;
            continue;
        }
        lex_row(row.clone(), &mut tokens);
        i += 1;
    }
    resolve_cost_labels(&mut tokens);
    demote_lonely_headings(&mut tokens);
    tokens
}

/// A known label its narrow cell wrapped, its first half the last cell of
/// a dump's line and its second half the next line (`满意度指标 社会公众或服务对象`
/// / `满意度指标`: pdftotext -raw of a Chromium form; `社会公众或服务对象满意度指`
/// / `标`), joined into that cell.
fn join_label_halves(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i + 1 < rows.len() {
        let joined = match (rows.get(i), rows.get(i + 1)) {
            (Some(row), Some(next))
                if !row.ruled && !next.ruled && next.cells.len() == 1 && row.sheet == next.sheet =>
            {
                row.cells
                    .last()
                    .and_then(|last| vocab::completed_label(last, next.text.trim()))
            }
            _ => None,
        };
        if let (Some(joined), Some(row)) = (joined, rows.get_mut(i)) {
            if let Some(last) = row.cells.last_mut() {
                *last = joined;
            }
            row.text = row.cells.join(" ");
            rows.remove(i + 1);
        }
        i += 1;
    }
    rows
}

/// A PDF table's label whose row a page break cut where the label's
/// cell wrapped, the rest alone in the next page's first table row: Word
/// and LibreOffice Writer break a row across pages and close both parts
/// with rules (`满意度指标 | 服务对象满意度指 | 服务用户满意度 | ≥85.00(%)` at
/// the foot of a page, `标` at the head of the next). The rest joins the
/// label it completes into a known one; else it would be an indicator
/// named `标`. Returns the rows and, in order, the indices of the rests
/// joined (tokens only of where the form reaches).
fn join_labels_cut_by_pages(mut rows: Vec<Row>) -> (Vec<Row>, Vec<usize>) {
    let mut rests = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let Some(row) = rows.get(i).filter(|r| r.ruled) else {
            i += 1;
            continue;
        };
        // The next page's first table row, past the page's free text.
        let next_at = (i + 1..rows.len()).find(|&k| rows.get(k).is_some_and(|r| r.ruled));
        let joined = next_at.and_then(|k| {
            let next = rows.get(k)?;
            let [rest] = next.cells.as_slice() else { return None };
            if next.sheet != row.sheet + 1 {
                return None;
            }
            row.cells
                .iter()
                .enumerate()
                .find_map(|(c, cell)| vocab::completed_label(cell.trim(), rest.trim()).map(|label| (k, c, label)))
        });
        if let Some((k, c, label)) = joined {
            if let Some(row) = rows.get_mut(i) {
                if let Some(cell) = row.cells.get_mut(c) {
                    *cell = label;
                }
                row.text = row.cells.join(" ");
            }
            rests.push(k);
            i = k;
        }
        i += 1;
    }
    (rows, rests)
}

/// A label its narrow cell wrapped (a header label, an indicator label, a
/// money label), alone on a line before the line its second half begins
/// (pypdf of an iText form: `计划开始` / `日期 2026-01-01 计划完成日期
/// 2026-12-31`, `可持续影响指` / `标 形成可复制推广的…模式 长期`), joined
/// on the second line.
fn join_label_over_lines(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i + 1 < rows.len() {
        let joined = match (rows.get(i), rows.get(i + 1)) {
            (Some(row), Some(next)) if !row.ruled && !next.ruled && row.cells.len() == 1 && row.sheet == next.sheet => {
                let head = row.text.trim();
                next.cells.first().map(|first| first.trim()).and_then(|first| {
                    vocab::completed_field_label(head, first)
                        .or_else(|| vocab::completed_label(head, first))
                        .or_else(|| vocab::completed_fund_label(head, first))
                })
            }
            _ => None,
        };
        if let Some(joined) = joined {
            if let Some(next) = rows.get_mut(i + 1) {
                if let Some(first) = next.cells.first_mut() {
                    *first = joined;
                }
                next.text = next.cells.join(" ");
            }
            rows.remove(i);
            continue;
        }
        i += 1;
    }
    rows
}

/// Most lines of two money labels glued at a wrap.
const MAX_GLUED_LINES: usize = 3;

/// Two money labels whose narrow cells wrapped, glued where the first
/// ends on the line the second begins (pypdf of a LibreOffice form:
/// `年度资金申请总` / `额其中：当年财政` / `拨款`), parted into one row each.
/// Lines that are labels on their own are left to [`joined_label`].
fn part_glued_fund_labels(mut rows: Vec<Row>) -> Vec<Row> {
    let mut i = 0;
    while i < rows.len() {
        if let Some(Glued {
            first,
            second,
            second_line,
            lines,
        }) = glued_fund_labels(&rows, i)
        {
            let (Some(head), Some(tail)) = (rows.get(i).cloned(), rows.get(i + second_line).cloned()) else {
                break;
            };
            let parted = [(head, first), (tail, second)].map(|(mut row, text)| {
                row.cells = vec![text.clone()];
                row.text = text;
                row
            });
            rows.splice(i..i + lines, parted);
            i += 2;
            continue;
        }
        i += 1;
    }
    rows
}

/// Two money labels glued over lines.
struct Glued {
    first: String,
    second: String,
    /// The line (from the first) the second begins on.
    second_line: usize,
    /// Lines the two take.
    lines: usize,
}

/// The two labels the short lines at `start` spell.
fn glued_fund_labels(rows: &[Row], start: usize) -> Option<Glued> {
    for count in 2..=MAX_GLUED_LINES {
        let lines = rows.get(start..start + count)?;
        let sheet = lines.first()?.sheet;
        if !lines.iter().all(|r| is_piece(r) && !r.ruled && r.sheet == sheet)
            || lines.iter().any(|r| vocab::fund_label(&r.text).is_some())
        {
            return None;
        }
        let joined: String = lines.iter().map(|r| r.text.trim()).collect();
        // Char offsets where a line begins: a cut there is no glue.
        let mut line_starts = Vec::with_capacity(count);
        let mut at = 0;
        for line in lines {
            line_starts.push(at);
            at += line.text.trim().len();
        }
        let cuts: Vec<usize> = joined
            .char_indices()
            .map(|(k, _)| k)
            .filter(|&k| k > 0 && !line_starts.contains(&k))
            .filter(|&k| {
                joined.get(..k).and_then(vocab::fund_label).is_some()
                    && joined.get(k..).and_then(vocab::fund_label).is_some()
            })
            .collect();
        if let [cut] = cuts.as_slice() {
            let line = line_starts.iter().rposition(|&s| s <= *cut)?;
            let first = joined.get(..*cut)?.to_string();
            let second = joined.get(*cut..)?.to_string();
            return Some(Glued {
                first,
                second,
                second_line: line,
                lines: count,
            });
        }
    }
    None
}

/// How far after a heading the form must show itself.
const HEADING_LOOKAHEAD: usize = 8;

/// A heading starts a form only when a form follows: a year line, a header
/// cell, a block marker or the indicator table within a few tokens (or
/// another heading, for a title printed in the heading's words). Otherwise
/// it is a sentence that happens to name the form (`…详见项目支出绩效目标表`).
fn demote_lonely_headings(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        if !matches!(tokens.get(i).map(|t| &t.kind), Some(TokenKind::Heading { .. })) {
            continue;
        }
        let form_follows = tokens
            .iter()
            .skip(i + 1)
            .take(HEADING_LOOKAHEAD)
            .any(|t| match &t.kind {
                TokenKind::Heading { .. } | TokenKind::Year(_) | TokenKind::Marker(_) | TokenKind::IndicatorHeader => {
                    true
                }
                TokenKind::Row => t
                    .row()
                    .is_some_and(|r| r.cells.iter().any(|c| vocab::field_prefix(c).is_some())),
                _ => false,
            });
        if !form_follows {
            if let Some(token) = tokens.get_mut(i) {
                token.kind = TokenKind::Row;
            }
        }
    }
}

fn is_piece(row: &Row) -> bool {
    row.cells.len() == 1 && row.text.chars().count() <= MAX_PIECE_CHARS
}

/// A label or marker spelled by the short one-cell rows starting at `start`
/// (at least two of them), and how many rows it took.
fn joined_label(rows: &[Row], start: usize) -> Option<(TokenKind, usize)> {
    for count in (2..=MAX_PIECES).rev() {
        let Some(pieces) = rows.get(start..start + count) else {
            continue;
        };
        if !pieces.iter().all(is_piece) {
            continue;
        }
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        let Some(kind) = single_label(&joined) else {
            continue;
        };
        // Markers are specific enough (`项目资金` + `（元）`); an indicator
        // label is not joined from pieces that are labels themselves
        // (`产出指标` + `数量指标`).
        // Nor from a cell that is whole on its own (`项目资金总额`, `项目总目标` +
        // `一级指标`: poppler's order put them one after the other).
        // Nor into a label of no known name ending in a piece that is a
        // label itself (`心理服务网络运行` + `长期` + `数量指标`: a row's name
        // and target, then a label of a bunch).
        let generic = matches!(&kind, TokenKind::Label { text, .. } if !vocab::is_known_label(text));
        let leading_whole = pieces
            .iter()
            .take(if generic { count } else { count - 1 })
            .any(|p| single_label(&p.text).is_some())
            || pieces.iter().any(|p| {
                let folded = fold_compact(&p.text);
                vocab::is_table_header_cell(&folded) || vocab::is_whole_label(&folded)
            });
        if matches!(kind, TokenKind::Marker(_)) || !leading_whole {
            return Some((kind, count));
        }
    }
    None
}

fn single_label(text: &str) -> Option<TokenKind> {
    let folded = fold_compact(text);
    if let Some(m) = vocab::marker(&folded) {
        return Some(TokenKind::Marker(m));
    }
    vocab::indicator_label(text).map(|level| TokenKind::Label {
        text: text.to_string(),
        level,
    })
}

fn lex_row(row: Row, tokens: &mut Vec<Token>) {
    let folded = fold_compact(&row.text);
    if let Some((form, year)) = vocab::form_heading_folded(&row.text, &folded) {
        tokens.push(Token {
            kind: TokenKind::Heading { form, year },
            rows: vec![row],
        });
        return;
    }
    if let Some(year) = vocab::year_line_folded(&folded) {
        tokens.push(Token {
            kind: TokenKind::Year(year),
            rows: vec![row],
        });
        return;
    }
    if vocab::is_page_number_folded(&folded) {
        tokens.push(Token {
            kind: TokenKind::PageNumber,
            rows: vec![row],
        });
        return;
    }
    if vocab::is_other_part_folded(&row.text, &folded) {
        tokens.push(Token {
            kind: TokenKind::OtherPart,
            rows: vec![row],
        });
        return;
    }
    if vocab::is_indicator_header(&folded) {
        tokens.push(Token {
            kind: TokenKind::IndicatorHeader,
            rows: vec![row],
        });
        return;
    }
    if row.cells.len() == 1 {
        if let Some(kind) = single_label(&row.text) {
            tokens.push(Token { kind, rows: vec![row] });
            return;
        }
    }
    // Leading marker cells (`项目资金（元） 项目资金总额 …`) become tokens of
    // their own; the rest of the row stays a row.
    let mut row = row;
    while row.cells.len() > 1 {
        let Some(m) = row.cells.first().and_then(|c| vocab::marker(&fold_compact(c))) else {
            break;
        };
        let marker_cell = row.cells.remove(0);
        tokens.push(Token {
            kind: TokenKind::Marker(m),
            rows: vec![Row {
                loc: row.loc,
                text: marker_cell.clone(),
                cells: vec![marker_cell.clone()],
                ruled: row.ruled,
                indent: row.indent,
                sheet: row.sheet,
            }],
        });
        row.text = strip_leading_cell(&row.text, &marker_cell);
    }
    tokens.push(Token {
        kind: TokenKind::Row,
        rows: vec![row],
    });
}

/// `text` without its first cell and the spaces after it.
pub fn strip_leading_cell(text: &str, cell: &str) -> String {
    text.strip_prefix(cell)
        .unwrap_or(text)
        .trim_start_matches(jixiao_layout::is_space)
        .to_string()
}

/// `成本指标` is a 一级指标 in newer forms (followed by 经济成本指标 …) and a
/// 二级指标 under 产出指标 in older ones; the next label decides.
fn resolve_cost_labels(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let next_is_cost_level2 = match tokens.get(i + 1).map(|t| &t.kind) {
            Some(TokenKind::Label { text, .. }) => vocab::is_cost_level2(text),
            Some(TokenKind::Row) => tokens
                .get(i + 1)
                .and_then(|t| t.row())
                .and_then(|r| r.cells.first())
                .is_some_and(|c| vocab::is_cost_level2(c)),
            _ => false,
        };
        if let Some(Token {
            kind: TokenKind::Label { text, level },
            ..
        }) = tokens.get_mut(i)
        {
            if fold_compact(text) == "成本指标" {
                *level = if next_is_cost_level2 {
                    LabelLevel::One
                } else {
                    LabelLevel::Two
                };
            }
        }
    }
}
