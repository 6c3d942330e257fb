//! The HTML of the review site.

use std::fmt::Write;

use jixiao_model::{Code, Document, Level};

use crate::locate::{escape_key, Origin, Source};
use crate::{sources, Drawing, PageView};

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate, short.
fn n(v: f32) -> String {
    let s = format!("{:.2}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5f5f5f; --hl: #b35900; --hl-fill: rgba(255, 176, 0, 0.35); --bad: #b00020; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
header { padding: 0.75rem 1rem; border-bottom: 1px solid #ccc; }
header h1 { font-size: 1.15rem; margin: 0 0 0.25rem; }
header p { margin: 0; color: var(--muted); }
a { color: #0b57d0; }
main { display: flex; gap: 1rem; align-items: flex-start; padding: 1rem; }
#pages { flex: 1 1 55%; min-width: 0; max-height: calc(100vh - 6rem); overflow: auto; position: sticky; top: 0.5rem; }
#forms { flex: 1 1 45%; min-width: 0; }
figure.page { margin: 0 0 1rem; }
figure.page figcaption { font-size: 0.85rem; color: var(--muted); }
svg.sheet { width: 100%; height: auto; border: 1px solid #999; background: #fff; }
svg.sheet .rule { stroke: #333; stroke-width: 0.6; }
svg.sheet .cell { fill: none; stroke: #4a7bd0; stroke-width: 0.5; stroke-dasharray: 2 1.5; }
svg.sheet text { fill: var(--ink); font-family: inherit; white-space: pre; }
svg.sheet text.dropped { fill: #8a8a8a; }
svg.sheet text.unplaced { fill: var(--bad); }
svg.sheet .src { fill: transparent; stroke: transparent; stroke-width: 1; cursor: pointer; }
svg.sheet .src:hover, svg.sheet .src.hl, svg.sheet .src:focus { fill: var(--hl-fill); stroke: var(--hl); stroke-width: 1.5; outline: none; }
.field { cursor: pointer; border-radius: 2px; }
.field:focus { outline: 3px solid var(--hl); outline-offset: 1px; }
.field.hl { background: var(--hl-fill); box-shadow: 0 0 0 2px var(--hl); }
section.project { border: 1px solid #ccc; border-radius: 4px; padding: 0.5rem 0.75rem; margin-bottom: 1rem; }
section.project h2 { font-size: 1.05rem; margin: 0.25rem 0 0.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin-bottom: 0.5rem; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.35rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.mismatch { color: var(--bad); font-weight: 600; }
small.parsed { color: var(--muted); }
p.title { font-weight: 600; margin: 0 0 0.5rem; }
p.goal { white-space: pre-wrap; margin: 0.25rem 0 0.5rem; }
ol.lines { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 0.85rem; padding-left: 4rem; margin: 0; }
ol.lines li { white-space: pre-wrap; }
ol.lines li.hl { background: var(--hl-fill); box-shadow: inset 3px 0 0 var(--hl); }
ol.lines li.dropped { color: #8a8a8a; }
ol.lines li.unplaced { color: var(--bad); }
.diag-error { color: var(--bad); }
.sr { position: absolute; left: -9999px; }
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  function sel(attr, ptr) { return document.querySelectorAll("[" + attr + "=\"" + CSS.escape(ptr) + "\"]"); }
  var lit = [];
  function clear() { lit.forEach(function (e) { e.classList.remove("hl"); }); lit = []; }
  function light(ptr, from) {
    clear();
    var scrolled = false;
    ["data-field", "data-source"].forEach(function (attr) {
      sel(attr, ptr).forEach(function (e) {
        e.classList.add("hl"); lit.push(e);
        if (e !== from && !scrolled && e.scrollIntoView) { e.scrollIntoView({ block: "nearest", inline: "nearest" }); scrolled = true; }
        var a = e.getAttribute("data-first"), b = e.getAttribute("data-last");
        if (a && b) {
          for (var i = +a; i <= +b; i++) {
            var li = document.getElementById("L" + i);
            if (li) { li.classList.add("hl"); lit.push(li); }
          }
        }
      });
    });
  }
  function ptrOf(t) {
    var e = t && t.closest ? t.closest("[data-field],[data-source]") : null;
    if (!e) return null;
    return { el: e, ptr: e.getAttribute("data-field") || e.getAttribute("data-source") };
  }
  document.addEventListener("focusin", function (ev) { var p = ptrOf(ev.target); if (p) light(p.ptr, p.el); });
  document.addEventListener("mouseover", function (ev) { var p = ptrOf(ev.target); if (p) light(p.ptr, p.el); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") clear();
    if (ev.key === "Enter") { var p = ptrOf(document.activeElement); if (p) light(p.ptr, p.el); }
  });
})();
"#;

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n",
        esc(title)
    );
}

/// One row of the index.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The input's name.
    pub name: String,
    /// Its page, relative to the index.
    pub href: String,
    /// `pdf` or `text`.
    pub format: String,
    /// Pages of a PDF.
    pub pages: Option<u32>,
    /// Forms read.
    pub forms: usize,
    /// Indicator rows read.
    pub indicators: usize,
    /// Warnings.
    pub warnings: usize,
    /// Errors.
    pub errors: usize,
}

impl Summary {
    /// The index row of `doc`, whose page is at `href`.
    pub fn of(name: &str, href: &str, doc: &Document) -> Summary {
        let count = |level: Level| doc.diagnostics.iter().filter(|d| d.level == level).count();
        Summary {
            name: name.to_string(),
            href: href.to_string(),
            format: match doc.source.format {
                jixiao_model::Format::Pdf => "pdf".to_string(),
                jixiao_model::Format::Text => "text".to_string(),
            },
            pages: doc.source.pages,
            forms: doc.projects.len(),
            indicators: doc.projects.iter().map(|p| p.indicators.len()).sum(),
            warnings: count(Level::Warning),
            errors: count(Level::Error),
        }
    }
}

const INDEX_SCRIPT: &str = r#"
(function () {
  "use strict";
  var table = document.getElementById("inputs"), body = table.tBodies[0];
  var filter = document.getElementById("filter");
  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase(), shown = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var on = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !on; if (on) shown++;
    });
    document.getElementById("shown").textContent = shown;
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var b = th.querySelector("button"); if (!b) return;
    b.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var num = th.hasAttribute("data-num");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent;
        var c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, "zh");
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
"#;

/// The index of a review site: every input with its counts, sortable and
/// filterable.
pub fn index_page(entries: &[Summary]) -> String {
    let mut out = String::new();
    head(&mut out, "jixiao review");
    let forms: usize = entries.iter().map(|e| e.forms).sum();
    let indicators: usize = entries.iter().map(|e| e.indicators).sum();
    let _ = write!(
        out,
        "<body>\n<header><h1>jixiao review</h1><p>{} inputs, {forms} forms, {indicators} indicators. Open an input to see each value where it was read.</p></header>\n<main style=\"display:block\">\n<p><label for=\"filter\">Filter: </label><input id=\"filter\" type=\"search\" placeholder=\"file, count …\"> <span aria-live=\"polite\"><span id=\"shown\">{}</span> shown</span></p>\n<table id=\"inputs\">\n<thead><tr>",
        entries.len(),
        entries.len()
    );
    for (title, num) in [
        ("Input", false),
        ("Format", false),
        ("Pages", true),
        ("Forms", true),
        ("Indicators", true),
        ("Warnings", true),
        ("Errors", true),
    ] {
        let _ = write!(
            out,
            "<th scope=\"col\"{}><button type=\"button\">{title}</button></th>",
            if num { " data-num" } else { "" }
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for e in entries {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num{}\">{}</td></tr>",
            esc(&e.href),
            esc(&e.name),
            esc(&e.format),
            e.pages.map_or(String::new(), |p| p.to_string()),
            e.forms,
            e.indicators,
            e.warnings,
            if e.errors > 0 { " diag-error" } else { "" },
            e.errors
        );
    }
    let _ = write!(
        out,
        "</tbody>\n</table>\n</main>\n<script>{INDEX_SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// Which page text is dropped (a repeated fragment) or unplaced, by the
/// diagnostics: (page or line, folded text, class).
fn marked(doc: &Document) -> Vec<(Option<u32>, Option<u32>, String, &'static str)> {
    doc.diagnostics
        .iter()
        .filter_map(|d| {
            let class = match d.code {
                Code::DuplicateFragment => "dropped",
                Code::UnplacedText => "unplaced",
                _ => return None,
            };
            let text = jixiao_model::normalize::fold_compact(d.text.as_deref()?).into_owned();
            (!text.is_empty()).then_some((d.page, d.line, text, class))
        })
        .collect()
}

fn draw_page(
    out: &mut String,
    page: &PageView,
    sources: &[Source],
    marks: &[(Option<u32>, Option<u32>, String, &'static str)],
) {
    let _ = write!(
        out,
        "<figure class=\"page\" id=\"page-{0}\"><figcaption>Page {0}</figcaption>\n<svg class=\"sheet\" viewBox=\"0 0 {1} {2}\" role=\"group\" aria-label=\"page {0}\">\n<rect x=\"0\" y=\"0\" width=\"{1}\" height=\"{2}\" fill=\"#fff\"/>\n<g class=\"rules\">",
        page.number,
        n(page.width),
        n(page.height)
    );
    for r in &page.rules {
        let _ = write!(
            out,
            "<line class=\"rule\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(r.x0),
            n(r.y0),
            n(r.x1),
            n(r.y1)
        );
    }
    out.push_str("</g>\n<g class=\"cells\">");
    for cell in &page.cells {
        if let Some(f) = cell.frame {
            let _ = write!(
                out,
                "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                n(f.x0),
                n(f.y0),
                n(f.x1 - f.x0),
                n(f.y1 - f.y0)
            );
        }
    }
    out.push_str("</g>\n<g class=\"glyphs\">");
    for cell in &page.cells {
        let folded = jixiao_model::normalize::fold_compact(&cell.text()).into_owned();
        let class = marks
            .iter()
            .find(|(p, _, text, _)| *p == Some(page.number) && !folded.is_empty() && text.contains(&*folded))
            .map(|(_, _, _, class)| *class);
        for line in &cell.lines {
            let size = (line.rect.y1 - line.rect.y0)
                .max(line.size.min(line.rect.y1 - line.rect.y0 + 2.0))
                .max(1.0);
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"{}>{}</text>",
                n(line.rect.x0),
                n(line.rect.y1 - 0.12 * size),
                n(size * 0.92),
                n((line.rect.x1 - line.rect.x0).max(0.1)),
                class.map_or(String::new(), |c| format!(" class=\"{c}\"")),
                esc(&line.text)
            );
        }
    }
    out.push_str("</g>\n<g class=\"sources\">");
    for s in sources {
        if let Origin::Pdf { page: p, rect } = &s.origin {
            if *p != page.number {
                continue;
            }
            let pad = 1.0;
            let _ = write!(
                out,
                "<rect class=\"src\" tabindex=\"0\" data-source=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
                esc(&s.pointer),
                n(rect.x0 - pad),
                n(rect.y0 - pad),
                n(rect.x1 - rect.x0 + 2.0 * pad),
                n(rect.y1 - rect.y0 + 2.0 * pad),
                esc(&s.pointer)
            );
        }
    }
    out.push_str("</g>\n</svg></figure>\n");
}

/// A field's element: focusable, with its pointer.
fn field(out: &mut String, tag: &str, pointer: &str, class: &str, text: &str) {
    let _ = write!(
        out,
        "<{tag} class=\"field{}{class}\" tabindex=\"0\" data-field=\"{}\">{}</{tag}>",
        if class.is_empty() { "" } else { " " },
        esc(pointer),
        esc(text)
    );
}

fn money(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let (whole, frac) = (cents / 100, (cents % 100).abs());
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{frac:02}", if whole < 0 { "-" } else { "" })
}

fn forms(out: &mut String, doc: &Document) {
    for (i, p) in doc.projects.iter().enumerate() {
        let base = format!("/projects/{i}");
        let _ = write!(
            out,
            "<section class=\"project\" aria-labelledby=\"p{i}\"><h2 id=\"p{i}\">{}. ",
            i + 1
        );
        field(
            out,
            "span",
            &format!("{base}/name"),
            "",
            p.name.as_deref().unwrap_or("(no name)"),
        );
        out.push_str("</h2>\n<table><tbody>\n<tr><th scope=\"row\">表</th><td>");
        field(out, "span", &format!("{base}/form"), "", &p.form);
        if let Some(year) = p.year {
            out.push_str(" （");
            field(out, "span", &format!("{base}/year"), "", &year.to_string());
            out.push_str("年度）");
        }
        out.push_str("</td></tr>\n");
        for (label, key, value) in [
            ("项目性质", "nature", &p.nature),
            ("项目类别", "category", &p.category),
            ("主管部门", "department", &p.department),
            ("实施单位", "implementer", &p.implementer),
            ("计划开始日期", "start_date", &p.start_date),
            ("计划完成日期", "end_date", &p.end_date),
        ] {
            let _ = write!(out, "<tr><th scope=\"row\">{label}</th><td>");
            match value {
                Some(v) => field(out, "span", &format!("{base}/{key}"), "", v),
                None => out.push('—'),
            }
            out.push_str("</td></tr>\n");
        }
        for (label, value) in &p.extra {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th><td>", esc(label));
            field(out, "span", &format!("{base}/extra/{}", escape_key(label)), "", value);
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody></table>\n<table><caption class=\"sr\">funds</caption><thead><tr><th scope=\"col\">项目资金（元）</th><th scope=\"col\">amount</th></tr></thead><tbody>\n");
        let f = &p.funds;
        for (label, key, value) in [
            ("项目资金总额", "project_total", f.project_total),
            ("其中：财政资金", "project_fiscal", f.project_fiscal),
            ("其他资金（项目）", "project_other", f.project_other),
            ("年度资金申请总额", "annual_total", f.annual_total),
            ("其中：当年财政拨款", "annual_fiscal_current", f.annual_fiscal_current),
            ("上年结转资金", "annual_fiscal_carryover", f.annual_fiscal_carryover),
            ("其他资金（年度）", "annual_other", f.annual_other),
        ] {
            let _ = write!(out, "<tr><th scope=\"row\">{label}</th><td class=\"num\">");
            match value {
                Some(v) => field(out, "span", &format!("{base}/funds/{key}"), "", &money(v)),
                None => out.push('—'),
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody></table>\n");
        for d in doc
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::FundsMismatch && d.project == Some(i))
        {
            let _ = writeln!(out, "<p class=\"mismatch\" role=\"note\">⚠ {}</p>", esc(&d.message));
        }
        if p.goal_project.is_some() && p.goal_project == p.goal_annual {
            out.push_str("<h3>项目总目标 / 年度总体目标</h3>");
            field(
                out,
                "p",
                &format!("{base}/goal_project"),
                "goal",
                p.goal_project.as_deref().unwrap_or(""),
            );
            out.push_str("<p class=\"sr\">");
            field(
                out,
                "span",
                &format!("{base}/goal_annual"),
                "",
                p.goal_annual.as_deref().unwrap_or(""),
            );
            out.push_str("</p>\n");
        } else {
            for (title, key, value) in [
                ("项目总目标", "goal_project", &p.goal_project),
                ("年度总体目标", "goal_annual", &p.goal_annual),
            ] {
                let _ = write!(out, "<h3>{title}</h3>");
                match value {
                    Some(v) => field(out, "p", &format!("{base}/{key}"), "goal", v),
                    None => out.push_str("<p>—</p>"),
                }
                out.push('\n');
            }
        }
        out.push_str("<table><caption class=\"sr\">indicators</caption><thead><tr><th scope=\"col\">一级指标</th><th scope=\"col\">二级指标</th><th scope=\"col\">三级指标</th><th scope=\"col\">指标值</th></tr></thead><tbody>\n");
        for (k, ind) in p.indicators.iter().enumerate() {
            let ib = format!("{base}/indicators/{k}");
            out.push_str("<tr>");
            for (key, value) in [("level1", &ind.level1), ("level2", &ind.level2)] {
                match value {
                    Some(v) => field(out, "td", &format!("{ib}/{key}"), "", v),
                    None => out.push_str("<td>—</td>"),
                }
            }
            field(out, "td", &format!("{ib}/name"), "", &ind.name);
            out.push_str("<td>");
            field(out, "span", &format!("{ib}/target/text"), "", &ind.target.text);
            // The parsed target, each part linked to the same cell.
            let t = &ind.target;
            if t.op.is_some() || t.value.is_some() || t.unit.is_some() {
                out.push_str(" <small class=\"parsed\">");
                if let Some(op) = t.op {
                    field(out, "span", &format!("{ib}/target/op"), "", op.as_str());
                    out.push(' ');
                }
                if let Some(v) = t.value {
                    field(out, "span", &format!("{ib}/target/value"), "", &format!("{v}"));
                    out.push(' ');
                }
                if let Some(u) = &t.unit {
                    field(out, "span", &format!("{ib}/target/unit"), "", u);
                }
                out.push_str("</small>");
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody></table>\n</section>\n");
    }
}

fn diagnostics(out: &mut String, doc: &Document) {
    if doc.diagnostics.is_empty() {
        return;
    }
    out.push_str("<section><h2>Diagnostics</h2><table><thead><tr><th scope=\"col\">level</th><th scope=\"col\">code</th><th scope=\"col\">where</th><th scope=\"col\">message</th><th scope=\"col\">text</th></tr></thead><tbody>\n");
    for d in &doc.diagnostics {
        let level = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        };
        let place = match (d.page, d.line) {
            (Some(p), _) => format!("<a href=\"#page-{p}\">page {p}</a>"),
            (None, Some(l)) => format!("<a href=\"#L{l}\">line {l}</a>"),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr class=\"diag-{level}\"><td>{level}</td><td>{}</td><td>{place}</td><td>{}</td><td>{}</td></tr>",
            d.code,
            esc(&d.message),
            esc(d.text.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody></table></section>\n");
}

/// The review page of one input: its drawing beside its forms.
pub fn input_page(name: &str, doc: &Document, drawing: &Drawing) -> String {
    let sources = sources(doc, drawing);
    let marks = marked(doc);
    let mut out = String::new();
    head(&mut out, &format!("{name} — jixiao review"));
    let count = |level: Level| doc.diagnostics.iter().filter(|d| d.level == level).count();
    let _ = write!(
        out,
        "<body>\n<header><h1>{}</h1><p>{} forms, {} indicators, {} warnings, {} errors · <a href=\"{}index.html\">all inputs</a> · hover or focus a value to see where it was read; Esc clears</p></header>\n<main>\n<div id=\"pages\" aria-label=\"source\">\n",
        esc(name),
        doc.projects.len(),
        doc.projects.iter().map(|p| p.indicators.len()).sum::<usize>(),
        count(Level::Warning),
        count(Level::Error),
        "../".repeat(name.matches('/').count())
    );
    match drawing {
        Drawing::Pdf(pages) => {
            for page in pages {
                draw_page(&mut out, page, &sources, &marks);
            }
        }
        Drawing::Text(text) => {
            out.push_str("<ol class=\"lines\">\n");
            for (i, line) in jixiao_layout::text::lines(text).enumerate() {
                let number = i as u32 + 1;
                let folded = jixiao_model::normalize::fold_compact(line);
                let class = marks
                    .iter()
                    .find(|(_, l, text, _)| {
                        *l == Some(number) || (!folded.is_empty() && l.is_some() && text == &folded)
                    })
                    .map(|(_, _, _, class)| *class);
                let _ = writeln!(
                    out,
                    "<li id=\"L{number}\"{}>{}</li>",
                    class.map_or(String::new(), |c| format!(" class=\"{c}\"")),
                    esc(line)
                );
            }
            out.push_str("</ol>\n<div class=\"sr\">");
            for s in &sources {
                if let Origin::Text { first, last } = s.origin {
                    let _ = write!(
                        out,
                        "<a class=\"src\" data-source=\"{}\" data-first=\"{first}\" data-last=\"{last}\" href=\"#L{first}\">{}</a>",
                        esc(&s.pointer),
                        esc(&s.pointer)
                    );
                }
            }
            out.push_str("</div>\n");
        }
    }
    out.push_str("</div>\n<div id=\"forms\">\n");
    if let Some(title) = &doc.title {
        out.push_str("<p class=\"title\">");
        field(&mut out, "span", "/title", "", title);
        out.push_str("</p>\n");
    }
    if doc.projects.is_empty() {
        out.push_str("<p>No form was read from this input.</p>\n");
    }
    forms(&mut out, doc);
    diagnostics(&mut out, doc);
    let _ = write!(out, "</div>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}
