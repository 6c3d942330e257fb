//! Where each extracted field came from: for a PDF, the page and the box
//! around the glyphs of the cell(s) it was read from; for text, the lines.
//!
//! The parser keeps no positions (rows are text); this module finds them
//! again by matching every field's value against the cells the layout
//! read, anchored the way a reader would: a header value beside its label,
//! an amount right of its money label, an indicator's target on its name's
//! row, a merged label over its row.

use jixiao_layout::pdf::{PageCell, Rect};
use jixiao_model::normalize::{fold_compact, parse_amount, parse_date};
use jixiao_model::{Document, Project, Span};

/// A field's JSON pointer (`/projects/0/indicators/3/name`).
pub type Pointer = String;

/// Where a field came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A box on a PDF page.
    Pdf {
        /// The page, 1-based.
        page: u32,
        /// Around the glyphs the value came from.
        rect: Rect,
    },
    /// Lines of a text input, 1-based, inclusive.
    Text {
        /// First line.
        first: u32,
        /// Last line.
        last: u32,
    },
}

/// One field's source.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The field.
    pub pointer: Pointer,
    /// Where it came from (a field may have several: a goal over two pages).
    pub origin: Origin,
}

/// The cells of one PDF page.
#[derive(Debug, Clone)]
pub struct PageCells {
    /// The page, 1-based.
    pub number: u32,
    /// Its cells in reading order.
    pub cells: Vec<PageCell>,
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub fn escape_key(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A cell on a page, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    page: usize,
    cell: usize,
}

struct Finder<'a> {
    pages: &'a [PageCells],
    folded: Vec<Vec<String>>,
    used: std::collections::HashSet<(usize, usize)>,
    out: Vec<Source>,
}

/// Text as the parser compares it; invisible characters out, as the dump
/// reader takes them out (a zero-width space between ideographs).
fn fold(text: &str) -> String {
    fold_compact(&jixiao_model::normalize::without_invisible(text)).into_owned()
}

/// Fewest characters of a label's first part that locates a label cut by
/// a page break (the parser completes such a part from its vocabulary when
/// it has six).
const MIN_LABEL_PART: usize = 6;

/// Header labels as printed, per field (the vocabulary's spellings).
const LABELS: &[(&str, &[&str])] = &[
    ("name", &["项目名称"]),
    ("nature", &["项目性质", "项目属性"]),
    ("category", &["项目类别", "项目类型"]),
    ("department", &["主管部门", "主管部门及代码", "主管单位"]),
    ("implementer", &["实施单位", "项目实施单位", "实施单位及代码"]),
    ("start_date", &["计划开始日期", "项目开始日期", "开始日期"]),
    (
        "end_date",
        &["计划完成日期", "计划结束日期", "项目完成日期", "完成日期"],
    ),
];

/// Each funds key with its value and its money labels as printed;
/// `其他资金` is left (project) or right (annual) of the other.
fn funds_fields(funds: &jixiao_model::Funds) -> [(&'static str, Option<f64>, &'static [&'static str]); 7] {
    [
        ("project_total", funds.project_total, &["项目资金总额", "项目总额"]),
        ("project_fiscal", funds.project_fiscal, &["其中:财政资金", "财政资金"]),
        ("project_other", funds.project_other, &["其他资金"]),
        (
            "annual_total",
            funds.annual_total,
            &[
                "年度资金申请总额",
                "年度资金总额",
                "年度申请资金总额",
                "年度预算申请总额",
            ],
        ),
        (
            "annual_fiscal_current",
            funds.annual_fiscal_current,
            &["其中:当年财政拨款", "当年财政拨款", "财政拨款", "本年财政拨款"],
        ),
        (
            "annual_fiscal_carryover",
            funds.annual_fiscal_carryover,
            &["上年结转资金", "上年结转", "上年结余结转"],
        ),
        ("annual_other", funds.annual_other, &["其他资金"]),
    ]
}

impl<'a> Finder<'a> {
    fn new(pages: &'a [PageCells]) -> Finder<'a> {
        let folded = pages
            .iter()
            .map(|p| p.cells.iter().map(|c| fold(&c.text())).collect())
            .collect();
        Finder {
            pages,
            folded,
            used: Default::default(),
            out: Vec::new(),
        }
    }

    fn cell(&self, at: At) -> Option<&PageCell> {
        self.pages.get(at.page)?.cells.get(at.cell)
    }

    fn text(&self, at: At) -> &str {
        self.folded
            .get(at.page)
            .and_then(|p| p.get(at.cell))
            .map_or("", String::as_str)
    }

    /// Every cell on the pages `first..=last`, in reading order.
    fn cells(&self, first: u32, last: u32) -> Vec<At> {
        let mut out = Vec::new();
        for (page, p) in self.pages.iter().enumerate() {
            if (first..=last).contains(&p.number) {
                out.extend((0..p.cells.len()).map(|cell| At { page, cell }));
            }
        }
        out
    }

    fn record(&mut self, pointer: &str, at: At) {
        let (Some(page), Some(cell)) = (self.pages.get(at.page), self.cell(at)) else {
            return;
        };
        let (number, rect) = (page.number, cell.rect);
        self.used.insert((at.page, at.cell));
        self.out.push(Source {
            pointer: pointer.to_string(),
            origin: Origin::Pdf { page: number, rect },
        });
    }

    /// Same page and overlapping vertically.
    fn same_band(&self, a: At, b: At) -> bool {
        let (Some(x), Some(y)) = (self.cell(a), self.cell(b)) else {
            return false;
        };
        let (xa, ya) = (x.frame.unwrap_or(x.rect), y.frame.unwrap_or(y.rect));
        a.page == b.page && xa.y0.max(ya.y0) < xa.y1.min(ya.y1) - 0.5
    }

    /// The best of `candidates` for a value next to `anchor` (a label): on
    /// its band and right of it, the nearest; else the first not yet used.
    fn beside(&self, candidates: &[At], anchor: Option<At>) -> Option<At> {
        if let Some(anchor) = anchor {
            let ax = self.cell(anchor).map_or(0.0, |c| c.rect.x1);
            let best = candidates
                .iter()
                .copied()
                .filter(|&c| self.same_band(c, anchor) && self.cell(c).is_some_and(|cell| cell.rect.x0 >= ax - 1.0))
                .min_by(|&a, &b| {
                    let da = self.cell(a).map_or(f32::MAX, |c| c.rect.x0 - ax);
                    let db = self.cell(b).map_or(f32::MAX, |c| c.rect.x0 - ax);
                    da.total_cmp(&db)
                });
            if best.is_some() {
                return best;
            }
        }
        candidates
            .iter()
            .copied()
            .find(|c| !self.used.contains(&(c.page, c.cell)))
            .or_else(|| candidates.first().copied())
    }

    /// A value cut by a page break: the cell of its first part (on
    /// `page_scope`, else the last in `scope`) and the cell of the rest on
    /// the next page, when there is one.
    fn cut_cells(&self, page_scope: &[At], scope: &[At], want: &str) -> Option<(At, Option<At>)> {
        let part = |at: At| {
            let t = self.text(at);
            t.chars().count() >= MIN_LABEL_PART && t.len() < want.len() && want.starts_with(t)
        };
        let first = page_scope
            .iter()
            .copied()
            .find(|&at| part(at))
            .or_else(|| scope.iter().copied().rfind(|&at| part(at)))?;
        let rest = want.get(self.text(first).len()..).unwrap_or_default();
        // The next page may lie past the form's own pages: a row cut at
        // its foot leaves only that rest there.
        let next_page = first.page + 1;
        let next = (0..self.pages.get(next_page).map_or(0, |p| p.cells.len()))
            .map(|cell| At { page: next_page, cell })
            .find(|&at| self.text(at) == rest);
        Some((first, next))
    }

    fn label_cell(&self, scope: &[At], labels: &[&str], nth: usize) -> Option<At> {
        scope
            .iter()
            .copied()
            .filter(|&at| {
                let t = self.text(at);
                labels.iter().any(|l| t == *l || t.trim_end_matches(':') == *l)
            })
            .nth(nth)
    }
}

fn project_pages(project: &Project) -> Option<(u32, u32)> {
    match project.span {
        Span::Pages([a, b]) => Some((a, b)),
        Span::Lines(_) => None,
    }
}

/// The sources of every field of `doc` on its PDF pages.
pub fn locate_pdf(doc: &Document, pages: &[PageCells]) -> Vec<Source> {
    let mut f = Finder::new(pages);
    // The title: the heading above the first form.
    if let (Some(title), Some(first)) = (&doc.title, doc.projects.first().and_then(project_pages)) {
        let want = fold(title);
        if let Some(at) = f.cells(first.0, first.0).into_iter().find(|&at| f.text(at) == want) {
            f.record("/title", at);
        }
    }
    for (i, project) in doc.projects.iter().enumerate() {
        let Some((first, last)) = project_pages(project) else {
            continue;
        };
        let base = format!("/projects/{i}");
        let scope = f.cells(first, last);
        let first_page = f.cells(first, first);
        // The heading and the year.
        let form = fold(&project.form);
        if let Some(at) = first_page.iter().copied().find(|&at| f.text(at).starts_with(&form)) {
            f.record(&format!("{base}/form"), at);
        }
        if let Some(year) = project.year {
            let y = year.to_string();
            if let Some(at) = first_page.iter().copied().find(|&at| {
                let t = f.text(at);
                t.contains(&format!("{y}年")) || t.contains(&format!("({y}"))
            }) {
                f.record(&format!("{base}/year"), at);
            }
        }
        // Header values beside their labels.
        let header: [(&str, &Option<String>); 7] = [
            ("name", &project.name),
            ("nature", &project.nature),
            ("category", &project.category),
            ("department", &project.department),
            ("implementer", &project.implementer),
            ("start_date", &project.start_date),
            ("end_date", &project.end_date),
        ];
        for (key, value) in header {
            let Some(value) = value else { continue };
            let want = fold(value);
            let is_date = key.ends_with("_date");
            let candidates: Vec<At> = scope
                .iter()
                .copied()
                .filter(|&at| {
                    let t = f.text(at);
                    t == want
                        || (is_date
                            && f.cell(at)
                                .is_some_and(|c| parse_date(&c.text()).as_deref() == Some(value.as_str())))
                })
                .collect();
            let labels = LABELS.iter().find(|(k, _)| *k == key).map_or(&[][..], |(_, l)| *l);
            let anchor = f.label_cell(&scope, labels, 0);
            let at = f.beside(&candidates, anchor).or_else(|| {
                // The label and its value in one cell (`项目名称：科技服务`).
                scope
                    .iter()
                    .copied()
                    .find(|&at| want.chars().count() >= 2 && f.text(at).contains(&want))
            });
            if let Some(at) = at {
                f.record(&format!("{base}/{key}"), at);
            }
        }
        for (label, value) in &project.extra {
            let want = fold(value);
            let candidates: Vec<At> = scope.iter().copied().filter(|&at| f.text(at) == want).collect();
            let folded_label = fold(label);
            let anchor = f.label_cell(&scope, &[folded_label.as_str()], 0);
            if let Some(at) = f.beside(&candidates, anchor) {
                f.record(&format!("{base}/extra/{}", escape_key(label)), at);
            }
        }
        // Amounts right of their money labels.
        for (key, value, labels) in funds_fields(&project.funds) {
            let Some(value) = value else { continue };
            let candidates: Vec<At> = scope
                .iter()
                .copied()
                .filter(|&at| {
                    f.cell(at).is_some_and(|c| {
                        [1u32, 10_000]
                            .iter()
                            .any(|&scale| parse_amount(&c.text(), scale).is_some_and(|a| (a - value).abs() < 0.005))
                    })
                })
                .collect();
            // 其他资金 twice: the left one is the project's, the right one
            // the year's.
            let nth = usize::from(key == "annual_other" && f.label_cell(&scope, labels, 1).is_some());
            let anchor = f.label_cell(&scope, labels, nth);
            if let Some(at) = f.beside(&candidates, anchor) {
                f.record(&format!("{base}/funds/{key}"), at);
            }
        }
        // Goals: the cells whose text is part of the goal.
        for (key, goal) in [
            ("goal_project", &project.goal_project),
            ("goal_annual", &project.goal_annual),
        ] {
            let Some(goal) = goal else { continue };
            let whole = fold(goal);
            let mut per_page: Vec<(At, Rect)> = Vec::new();
            // Pieces of the goal (a short piece could be anything); a goal
            // shorter than that is its cell whole.
            let short = whole.chars().count() < MIN_GOAL_PIECE;
            for &at in &scope {
                let t = f.text(at);
                let piece = if short {
                    t == whole
                } else {
                    t.chars().count() >= MIN_GOAL_PIECE && whole.contains(t)
                };
                if !piece || f.used.contains(&(at.page, at.cell)) {
                    continue;
                }
                let Some(rect) = f.cell(at).map(|c| c.rect) else {
                    continue;
                };
                match per_page.iter_mut().find(|(p, _)| p.page == at.page) {
                    Some((_, r)) => *r = r.union(rect),
                    None => per_page.push((at, rect)),
                }
            }
            for (at, rect) in per_page {
                if let Some(page) = f.pages.get(at.page) {
                    f.out.push(Source {
                        pointer: format!("{base}/{key}"),
                        origin: Origin::Pdf {
                            page: page.number,
                            rect,
                        },
                    });
                }
            }
        }
        // Indicators: name in reading order, target on its row, labels over it.
        let mut cursor = 0usize;
        for (k, indicator) in project.indicators.iter().enumerate() {
            let ibase = format!("{base}/indicators/{k}");
            let page_scope = match indicator.page {
                Some(p) => f.cells(p, p),
                None => scope.clone(),
            };
            let name = fold(&indicator.name);
            let name_at = page_scope
                .iter()
                .copied()
                .filter(|&at| f.text(at) == name)
                .find(|&at| at_index(&scope, at) >= cursor && !f.used.contains(&(at.page, at.cell)))
                .or_else(|| page_scope.iter().copied().find(|&at| f.text(at) == name));
            if let Some(at) = name_at {
                cursor = at_index(&scope, at);
                f.record(&format!("{ibase}/name"), at);
            }
            let target = fold(&indicator.target.text);
            let candidates: Vec<At> = page_scope.iter().copied().filter(|&at| f.text(at) == target).collect();
            // A target cut by a page break (TCPDF breaks a tall row): the
            // cells of both parts are its sources.
            let target_at = match f.beside(&candidates, name_at) {
                Some(at) => Some((at, None)),
                None => f.cut_cells(&page_scope, &scope, &target),
            };
            if let Some((at, rest)) = target_at {
                for cell in std::iter::once(at).chain(rest) {
                    f.record(&format!("{ibase}/target"), cell);
                    for part in target_parts(indicator) {
                        f.record(&format!("{ibase}/target/{part}"), cell);
                    }
                }
            }
            for (key, label) in [("level1", &indicator.level1), ("level2", &indicator.level2)] {
                let Some(label) = label else { continue };
                let want = fold(label);
                let candidates: Vec<At> = page_scope.iter().copied().filter(|&at| f.text(at) == want).collect();
                let over = name_at.and_then(|n| {
                    let ny = f.cell(n).map(|c| (c.rect.y0 + c.rect.y1) / 2.0)?;
                    candidates
                        .iter()
                        .copied()
                        .filter(|&c| c.page == n.page)
                        .min_by(|&a, &b| {
                            let d = |at: At| {
                                f.cell(at).map_or(f32::MAX, |c| {
                                    let r = c.frame.unwrap_or(c.rect);
                                    if r.y0 <= ny && ny <= r.y1 {
                                        0.0
                                    } else {
                                        (r.y0 - ny).abs().min((r.y1 - ny).abs())
                                    }
                                })
                            };
                            d(a).total_cmp(&d(b))
                        })
                });
                let at = over
                    .or_else(|| candidates.first().copied())
                    .or_else(|| {
                        // A label cut by a page break is printed on the page its
                        // span starts on.
                        scope.iter().copied().rfind(|&at| f.text(at) == want)
                    })
                    .or_else(|| {
                        // Or only its first part there, the rest on the next
                        // page (社会公众或服务对象满意度 / 指标, clipped copies
                        // dropped): both parts are its sources.
                        let (first, rest) = f.cut_cells(&page_scope, &scope, &want)?;
                        if let Some(next) = rest {
                            f.record(&format!("{ibase}/{key}"), next);
                        }
                        Some(first)
                    });
                if let Some(at) = at {
                    f.record(&format!("{ibase}/{key}"), at);
                }
            }
        }
    }
    f.out
}

/// The parts of an indicator's target that have a value: all are read
/// from the one printed cell.
fn target_parts(indicator: &jixiao_model::Indicator) -> Vec<&'static str> {
    let t = &indicator.target;
    let mut parts = vec!["text"];
    if t.op.is_some() {
        parts.push("op");
    }
    if t.value.is_some() {
        parts.push("value");
    }
    if t.unit.is_some() {
        parts.push("unit");
    }
    parts
}

fn at_index(scope: &[At], at: At) -> usize {
    scope.iter().position(|&a| a == at).unwrap_or(0)
}

/// The sources of every field of a text input: the lines its value is
/// printed on.
pub fn locate_text(doc: &Document, lines: &[&str]) -> Vec<Source> {
    // The lines as the dump reader reads them: invisible characters out
    // (a zero-width space between every two characters of a web export).
    let visible: Vec<std::borrow::Cow<'_, str>> = lines
        .iter()
        .map(|l| jixiao_model::normalize::without_invisible(l))
        .collect();
    let lines: Vec<&str> = visible.iter().map(|l| l.as_ref()).collect();
    let lines = lines.as_slice();
    // Radical code points read as the parser reads them (`⽤⼾` → 用户).
    let script = jixiao_pdf::script_of(lines.iter().copied());
    let folded: Vec<String> = lines
        .iter()
        .map(|l| fold(&jixiao_pdf::fold_radicals_in(l, script)))
        .collect();
    let mut out = Vec::new();
    if let Some(title) = doc.title.as_deref().filter(|_| !doc.projects.is_empty()) {
        let want = fold(title);
        if let Some((a, b)) = find_lines(&folded, &want, 1, folded.len()) {
            out.push(Source {
                pointer: "/title".to_string(),
                origin: Origin::Text {
                    first: a as u32,
                    last: b as u32,
                },
            });
        }
    }
    for (i, project) in doc.projects.iter().enumerate() {
        let (first, last) = match project.span {
            Span::Lines([a, b]) => (a as usize, b as usize),
            Span::Pages(_) => (1, lines.len()),
        };
        let base = format!("/projects/{i}");
        let mut cursor = first;
        let find = |out: &mut Vec<Source>, pointer: String, value: &str, from: &mut usize, advance: bool| {
            let want = fold(value);
            if want.is_empty() {
                return;
            }
            let head: String = want.chars().take(HEAD_CHARS).collect();
            let found = find_lines(&folded, &want, *from, last)
                .or_else(|| find_lines(&folded, &want, first, last))
                .or_else(|| find_lines(&folded, &want, 1, folded.len()))
                // Assembled from lines apart (a content-order dump): where
                // it starts, or where any short run of it is printed.
                .or_else(|| find_lines(&folded, &head, *from, last))
                .or_else(|| find_lines(&folded, &head, 1, folded.len()))
                .or_else(|| {
                    let chars: Vec<char> = want.chars().collect();
                    chars.windows(HEAD_CHARS.min(chars.len())).find_map(|w| {
                        let run: String = w.iter().collect();
                        find_lines(&folded, &run, first, last).or_else(|| find_lines(&folded, &run, 1, folded.len()))
                    })
                });
            if let Some((a, b)) = found {
                if advance {
                    *from = a;
                }
                out.push(Source {
                    pointer,
                    origin: Origin::Text {
                        first: a as u32,
                        last: b as u32,
                    },
                });
            }
        };
        let mut start = first;
        find(&mut out, format!("{base}/form"), &project.form, &mut start, false);
        if let Some(year) = project.year {
            find(
                &mut out,
                format!("{base}/year"),
                &format!("{year}年"),
                &mut start,
                false,
            );
        }
        for (key, value) in [
            ("name", &project.name),
            ("nature", &project.nature),
            ("category", &project.category),
            ("department", &project.department),
            ("implementer", &project.implementer),
        ] {
            if let Some(value) = value {
                find(&mut out, format!("{base}/{key}"), value, &mut start, false);
            }
        }
        for (key, value) in [("start_date", &project.start_date), ("end_date", &project.end_date)] {
            if let Some(value) = value {
                // Printed as in the source: `2024-01-01` or `2024年1月1日`.
                let is_date = |n: &usize| {
                    lines.get(n - 1).is_some_and(|l| {
                        l.split_whitespace()
                            .any(|w| parse_date(w).as_deref() == Some(value.as_str()))
                    })
                };
                // Or run into its label (`计划开始日期2024-01-01`).
                let iso = |n: &usize| folded.get(n - 1).is_some_and(|l| l.contains(value.as_str()));
                let at = (first..=last.min(lines.len()))
                    .find(is_date)
                    .or_else(|| (first..=last.min(lines.len())).find(iso))
                    .or_else(|| (1..=lines.len()).find(|n| is_date(n) || iso(n)));
                if let Some(n) = at {
                    out.push(Source {
                        pointer: format!("{base}/{key}"),
                        origin: Origin::Text {
                            first: n as u32,
                            last: n as u32,
                        },
                    });
                }
            }
        }
        for (label, value) in &project.extra {
            find(
                &mut out,
                format!("{base}/extra/{}", escape_key(label)),
                value,
                &mut start,
                false,
            );
        }
        for (key, value, labels) in funds_fields(&project.funds) {
            let Some(value) = value else { continue };
            let has_amount = |n: &usize| {
                lines.get(n - 1).is_some_and(|line| {
                    // A word, or the amount run into its label
                    // (`其中：当年财政拨款3,500,000.00`).
                    line.split_whitespace().any(|w| {
                        let digits = w
                            .find(|c: char| c.is_ascii_digit())
                            .and_then(|i| w.get(i..))
                            .unwrap_or(w);
                        [w, digits]
                            .iter()
                            .any(|t| parse_amount(t, 1).is_some_and(|a| (a - value).abs() < 0.005))
                    })
                })
            };
            let has_label = |n: &usize| {
                lines.get(n - 1).is_some_and(|line| {
                    let f = fold(line);
                    labels.iter().any(|l| f.contains(l))
                })
            };
            let span = first..=last.min(lines.len());
            // The amount on its label's line; else the first after the
            // label (a dump that prints a cell a line); else anywhere.
            let at = span
                .clone()
                .find(|n| has_label(n) && has_amount(n))
                .or_else(|| {
                    let label = span.clone().find(has_label)?;
                    (label..=last.min(lines.len())).find(has_amount)
                })
                .or_else(|| span.clone().find(has_amount))
                .or_else(|| (1..=lines.len()).find(has_amount));
            if let Some(n) = at {
                out.push(Source {
                    pointer: format!("{base}/funds/{key}"),
                    origin: Origin::Text {
                        first: n as u32,
                        last: n as u32,
                    },
                });
            }
        }
        for (key, goal) in [
            ("goal_project", &project.goal_project),
            ("goal_annual", &project.goal_annual),
        ] {
            if let Some(goal) = goal {
                let first_line = goal.lines().next().unwrap_or("");
                let last_line = goal.lines().last().unwrap_or("");
                let head: String = fold(first_line).chars().take(8).collect();
                let tail: String = {
                    let t = fold(last_line);
                    let n = t.chars().count();
                    t.chars().skip(n.saturating_sub(6)).collect()
                };
                if let Some((from, _)) = find_lines(&folded, &head, start, last) {
                    let to = find_lines(&folded, &tail, from, last).map_or(from, |(_, b)| b);
                    out.push(Source {
                        pointer: format!("{base}/{key}"),
                        origin: Origin::Text {
                            first: from as u32,
                            last: to as u32,
                        },
                    });
                }
            }
        }
        for (k, indicator) in project.indicators.iter().enumerate() {
            let ibase = format!("{base}/indicators/{k}");
            find(&mut out, format!("{ibase}/name"), &indicator.name, &mut cursor, true);
            let mut from = cursor;
            find(
                &mut out,
                format!("{ibase}/target"),
                &indicator.target.text,
                &mut from,
                false,
            );
            for part in target_parts(indicator) {
                let mut from = cursor;
                find(
                    &mut out,
                    format!("{ibase}/target/{part}"),
                    &indicator.target.text,
                    &mut from,
                    false,
                );
            }
            for (key, label) in [("level1", &indicator.level1), ("level2", &indicator.level2)] {
                if let Some(label) = label {
                    let mut from = first;
                    find(&mut out, format!("{ibase}/{key}"), label, &mut from, false);
                }
            }
        }
    }
    out
}

/// Fewest characters of a cell taken as a piece of a goal.
const MIN_GOAL_PIECE: usize = 4;

/// Characters of a value's start that place it when the whole value is
/// not on consecutive lines.
const HEAD_CHARS: usize = 4;

/// Most lines one value of a text dump wraps over.
const MAX_WRAP_LINES: usize = 12;

/// The lines (1-based) from `from` on whose joined folded text holds
/// `want`: the first line holding its start, through the line that
/// completes it.
fn find_lines(folded: &[String], want: &str, from: usize, last: usize) -> Option<(usize, usize)> {
    whole_lines(folded, want, from, last).or_else(|| scattered_lines(folded, want, from, last))
}

/// Most lines a value assembled from pieces apart may stretch over.
const MAX_SCATTER_LINES: usize = 40;

/// A value the parser put together from pieces that do not stand together
/// in the dump (a marker's pieces at the ends of goal lines, a content-order
/// dump's cells): the lines from the one that holds its beginning to the
/// one that holds its end.
fn scattered_lines(folded: &[String], want: &str, from: usize, last: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = want.chars().collect();
    let head: String = chars.iter().take(2).collect();
    let tail: String = chars.iter().skip(chars.len().saturating_sub(2)).collect();
    let last = last.min(folded.len());
    // A first piece of one character (`目` of a wrapped cell, then the next
    // cell's text in a content-order dump): the line that holds it alone.
    let first: String = chars.iter().take(1).collect();
    let a = (from.max(1)..=last)
        .find(|&a| folded.get(a - 1).is_some_and(|l| l.contains(&head)))
        .or_else(|| (from.max(1)..=last).find(|&a| folded.get(a - 1).is_some_and(|l| *l == first)))?;
    let b = (a..=last.min(a + MAX_SCATTER_LINES)).find(|&b| folded.get(b - 1).is_some_and(|l| l.contains(&tail)))?;
    Some((a, b))
}

fn whole_lines(folded: &[String], want: &str, from: usize, last: usize) -> Option<(usize, usize)> {
    let last = last.min(folded.len());
    for a in from.max(1)..=last {
        let line = folded.get(a - 1)?;
        if line.contains(want) {
            return Some((a, a));
        }
        // The value starts at the end of this line and wraps on: only
        // where this line holds its beginning.
        let head: String = want.chars().take(2).collect();
        if !line.contains(&head) {
            continue;
        }
        let mut joined = line.clone();
        for b in a + 1..=last.min(a + MAX_WRAP_LINES) {
            joined.push_str(folded.get(b - 1)?);
            if joined.contains(want) {
                return Some((a, b));
            }
        }
    }
    None
}
