//! Events → [`Document`], then validation.

use std::collections::HashSet;

use jixiao_model::normalize::{dewrap_paragraphs, display_width, parse_date, parse_target};
use jixiao_model::{
    Code, Diagnostic, Document, FragmentKind, FundItem, Funds, Indicator, Level, Location, Project, Source, Span,
};

use crate::event::Event;
use crate::vocab::{cents, Field, GoalSlot, FUND_SUMS};

/// A project being built and the goal lines it still has to de-wrap.
struct Draft {
    project: Project,
    goals: Vec<(GoalSlot, Vec<String>)>,
    has_content: bool,
    /// Indicator labels of the form were reported unplaced: the dump's
    /// order lost which rows they span, so no row takes one from after it.
    labels_lost: bool,
}

/// Folds events into a document and validates it.
pub fn build(events: impl IntoIterator<Item = Event>, source: Source) -> Document {
    let mut doc = Document::new(source);
    let mut drafts: Vec<Draft> = Vec::new();
    for event in events {
        apply(&mut doc, &mut drafts, event);
    }
    // Goal cells share one column width over the document: the widest line.
    let width = drafts
        .iter()
        .flat_map(|d| d.goals.iter().flat_map(|(_, lines)| lines.iter()))
        .map(|l| display_width(l.trim()))
        .max()
        .unwrap_or(0);
    for draft in drafts {
        let mut project = draft.project;
        if !draft.labels_lost {
            let filled = backfill_labels(&mut project.indicators);
            if filled > 0 {
                doc.diagnostics.push(
                    Diagnostic::new(
                        Level::Info,
                        Code::LabelAfterRows,
                        format!("{filled} indicator rows took their 一级/二级 label from a label printed after them"),
                    )
                    .in_project(Some(doc.projects.len())),
                );
            }
        }
        let from_family = level1_from_family(&mut project.indicators);
        if from_family > 0 {
            doc.diagnostics.push(
                Diagnostic::new(
                    Level::Info,
                    Code::LabelFromFamily,
                    format!("{from_family} indicator rows took their 一级 label from their 二级 label's family"),
                )
                .in_project(Some(doc.projects.len())),
            );
        }
        for (slot, lines) in &draft.goals {
            let text = dewrap_paragraphs(lines, width);
            if text.is_empty() {
                continue;
            }
            if matches!(slot, GoalSlot::Project | GoalSlot::Both) {
                append(&mut project.goal_project, &text);
            }
            if matches!(slot, GoalSlot::Annual | GoalSlot::Both) {
                append(&mut project.goal_annual, &text);
            }
        }
        doc.projects.push(project);
    }
    // A title heads forms: a document without any (a budget's narrative
    // pages: `详见单位的项目绩效目标表`) has none, the line stays in its
    // `no-form` range.
    if doc.projects.is_empty() {
        doc.title = None;
    }
    for (index, project) in doc.projects.iter_mut().enumerate() {
        strip_project_controls(index, project, &mut doc.diagnostics);
    }
    if let Some(title) = doc.title.as_mut() {
        strip_field(title, || "title", None, &mut doc.diagnostics);
    }
    for (index, project) in doc.projects.iter().enumerate() {
        validate(index, project, &mut doc.diagnostics);
    }
    // The text quoted by diagnostics obeys the same rule.
    for d in &mut doc.diagnostics {
        if let Some(text) = d.text.as_mut() {
            *text = jixiao_model::normalize::strip_controls(text).0;
        }
    }
    doc
}

/// Removes control characters (see `normalize::is_control`) from a text
/// field, with a `control-character` warning naming the field.
/// Removes control characters from a field's `text`, with a warning that
/// names the field (`field` is only spelled out when one is found: it is
/// asked of every field of every document).
fn strip_field<F: std::fmt::Display>(
    text: &mut String,
    field: impl FnOnce() -> F,
    project: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !text.chars().any(jixiao_model::normalize::is_control) {
        return;
    }
    let (clean, removed) = jixiao_model::normalize::strip_controls(text);
    *text = clean;
    diagnostics.push(
        Diagnostic::new(
            Level::Warning,
            Code::ControlCharacter,
            format!("{}: removed {removed} control characters", field()),
        )
        .in_project(project),
    );
}

fn strip_project_controls(index: usize, p: &mut Project, diagnostics: &mut Vec<Diagnostic>) {
    let at = Some(index);
    strip_field(&mut p.form, || "form", at, diagnostics);
    for (name, field) in [
        ("name", &mut p.name),
        ("nature", &mut p.nature),
        ("category", &mut p.category),
        ("department", &mut p.department),
        ("implementer", &mut p.implementer),
        ("goal_project", &mut p.goal_project),
        ("goal_annual", &mut p.goal_annual),
    ] {
        if let Some(text) = field.as_mut() {
            strip_field(text, || name, at, diagnostics);
        }
    }
    for (label, value) in p.extra.iter_mut() {
        strip_field(value, || label.as_str(), at, diagnostics);
    }
    for (k, indicator) in p.indicators.iter_mut().enumerate() {
        strip_field(&mut indicator.name, || format!("indicators[{k}].name"), at, diagnostics);
        strip_field(
            &mut indicator.target.text,
            || format!("indicators[{k}].target"),
            at,
            diagnostics,
        );
        for (name, field) in [("level1", &mut indicator.level1), ("level2", &mut indicator.level2)] {
            if let Some(text) = field.as_mut() {
                strip_field(text, || format!("indicators[{k}].{name}"), at, diagnostics);
            }
        }
    }
}

/// Rows at the start of a table printed before their merged label (a label
/// written after the rows, or centred on the next page) take the first
/// label that follows them: 一级 from the next row that has one, 二级 from the
/// next row under the same 一级. Returns how many rows were filled.
fn backfill_labels(indicators: &mut [Indicator]) -> usize {
    let mut filled = 0;
    let first_level1 = indicators.iter().position(|i| i.level1.is_some());
    if let Some(first) = first_level1 {
        let label = indicators.get(first).and_then(|i| i.level1.clone());
        for indicator in indicators.iter_mut().take(first) {
            indicator.level1 = label.clone();
            filled += 1;
        }
    }
    let mut start = 0;
    while start < indicators.len() {
        let level1 = indicators.get(start).and_then(|i| i.level1.clone());
        let end = start + indicators.iter().skip(start).take_while(|i| i.level1 == level1).count();
        if let Some(block) = indicators.get_mut(start..end) {
            if let Some(first) = block.iter().position(|i| i.level2.is_some()) {
                let label = block.get(first).and_then(|i| i.level2.clone());
                for indicator in block.iter_mut().take(first) {
                    indicator.level2 = label.clone();
                    filled += 1;
                }
            }
        }
        start = end.max(start + 1);
    }
    filled
}

/// Rows with a 二级 label but no 一级 one (the dump's order lost which rows
/// a 一级 label spans) take the 一级 label their 二级 label always stands
/// under (`数量指标` → `产出指标`; not `成本指标`, whose place moved between
/// years). Returns how many rows were filled.
fn level1_from_family(indicators: &mut [Indicator]) -> usize {
    let mut filled = 0;
    for indicator in indicators.iter_mut().filter(|i| i.level1.is_none()) {
        if let Some(family) = indicator.level2.as_deref().and_then(crate::vocab::family) {
            indicator.level1 = Some(family.to_string());
            filled += 1;
        }
    }
    filled
}

fn append(field: &mut Option<String>, text: &str) {
    match field {
        Some(existing) => {
            existing.push('\n');
            existing.push_str(text);
        }
        None => *field = Some(text.to_string()),
    }
}

fn apply(doc: &mut Document, drafts: &mut Vec<Draft>, event: Event) {
    let project_index = drafts.len().checked_sub(1);
    let diag = |level: Level, code: Code, message: String, loc: Location| {
        Diagnostic::new(level, code, message)
            .at(Some(loc))
            .in_project(project_index)
    };
    match event {
        Event::Title { text, .. } => {
            if doc.title.is_none() {
                doc.title = Some(text);
            }
        }
        Event::NoForm { first, last, rows } => doc.diagnostics.push(
            Diagnostic::new(
                Level::Info,
                Code::NoForm,
                format!(
                    "{} to {} hold no form ({rows} lines of other content)",
                    describe(first),
                    describe(last)
                ),
            )
            .at(Some(first)),
        ),
        Event::FormStart { form, year, loc } => {
            // A heading with nothing under it before the next heading was a
            // title printed in the heading's words, or a repeated heading.
            if drafts.last().is_some_and(|d| !d.has_content) {
                if let Some(empty) = drafts.pop() {
                    if drafts.is_empty() && doc.title.is_none() {
                        doc.title = Some(empty.project.form);
                    } else {
                        doc.diagnostics.push(
                            diag(
                                Level::Info,
                                Code::DuplicateFragment,
                                format!("dropped {}", FragmentKind::EmptyFormHeading.describe()),
                                loc,
                            )
                            .with_text(empty.project.form),
                        );
                    }
                }
            }
            let span = match loc {
                Location::Page(p) => Span::Pages([p, p]),
                Location::Line(l) => Span::Lines([l, l]),
            };
            let mut project = Project::new(form, span);
            project.year = year;
            drafts.push(Draft {
                project,
                goals: Vec::new(),
                has_content: false,
                labels_lost: false,
            });
        }
        Event::FormEnd { last } => {
            if let Some(d) = drafts.last_mut() {
                d.project.span = match (d.project.span, last) {
                    (Span::Pages([first, _]), Location::Page(p)) => Span::Pages([first, p.max(first)]),
                    (Span::Lines([first, _]), Location::Line(l)) => Span::Lines([first, l.max(first)]),
                    (span, _) => span,
                };
            }
        }
        Event::Fragment { what, text, loc } => doc.diagnostics.push(
            diag(
                Level::Info,
                Code::DuplicateFragment,
                format!("dropped {}", what.describe()),
                loc,
            )
            .with_text(text),
        ),
        Event::LabelCutShort { label, text, loc } => doc.diagnostics.push(
            diag(
                Level::Info,
                Code::LabelCutShort,
                format!("a money label cut short read as {label}"),
                loc,
            )
            .with_text(text),
        ),
        Event::Unplaced { reason, text, loc } => {
            if reason == jixiao_model::UnplacedReason::LabelsWithoutRows {
                if let Some(draft) = drafts.last_mut() {
                    draft.labels_lost = true;
                }
            }
            doc.diagnostics.push(
                diag(
                    Level::Warning,
                    Code::UnplacedText,
                    format!("text could not be placed: {}", reason.describe()),
                    loc,
                )
                .with_text(text),
            )
        }
        other => {
            let Some(draft) = drafts.last_mut() else {
                return;
            };
            draft.has_content = true;
            let found = apply_to_project(draft, other);
            doc.diagnostics
                .extend(found.into_iter().map(|d| d.in_project(project_index)));
        }
    }
}

/// Applies a content event to the current project; returns diagnostics.
fn apply_to_project(draft: &mut Draft, event: Event) -> Vec<Diagnostic> {
    let project = &mut draft.project;
    match event {
        Event::Year { year, loc } => match project.year {
            None => project.year = Some(year),
            Some(y) if y == year => {}
            Some(y) => {
                return vec![Diagnostic::new(
                    Level::Warning,
                    Code::ConflictingField,
                    format!("year {year} printed under a form of {y}"),
                )
                .at(Some(loc))]
            }
        },
        Event::Field { field, value, loc } => return apply_field(project, field, value, loc),
        Event::Fund {
            item,
            amount,
            text,
            loc,
        } => return apply_fund(project, item, amount, text, loc),
        Event::Goal { slot, lines, .. } => draft.goals.push((slot, lines)),
        Event::Indicator {
            level1,
            level2,
            name,
            target,
            loc,
        } => project.indicators.push(Indicator {
            level1,
            level2,
            name,
            target: parse_target(&target),
            page: match loc {
                Location::Page(p) => Some(p),
                Location::Line(_) => None,
            },
        }),
        Event::Relabel { levels } => {
            let from = project.indicators.len().saturating_sub(levels.len());
            let rows = project.indicators.get_mut(from..).unwrap_or_default();
            for (row, (level1, level2)) in rows.iter_mut().zip(levels) {
                row.level1 = level1;
                row.level2 = level2;
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A header cell: its field filled, or why not (a bad date, a second
/// different value; the same value again is a dropped fragment).
fn apply_field(project: &mut Project, field: Field, value: String, loc: Location) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let (slot, label, parsed) = match &field {
        Field::Name => (&mut project.name, "项目名称", Some(value.clone())),
        Field::Nature => (&mut project.nature, "项目性质", Some(value.clone())),
        Field::Category => (&mut project.category, "项目类别", Some(value.clone())),
        Field::Department => (&mut project.department, "主管部门", Some(value.clone())),
        Field::Implementer => (&mut project.implementer, "实施单位", Some(value.clone())),
        Field::StartDate => (&mut project.start_date, "计划开始日期", parse_date(&value)),
        Field::EndDate => (&mut project.end_date, "计划完成日期", parse_date(&value)),
        Field::Other(name) => {
            // Kept in `extra`, label as printed; a second, different
            // value is reported as for the schema's fields.
            match project.extra.get(*name) {
                Some(existing) if *existing != value && !value.is_empty() => found.push(
                    Diagnostic::new(
                        Level::Warning,
                        Code::ConflictingField,
                        format!("{name} printed twice with different values; the first is kept"),
                    )
                    .at(Some(loc))
                    .with_text(value),
                ),
                Some(_) => {}
                None if value.is_empty() => {}
                None => {
                    project.extra.insert(name.to_string(), value);
                }
            }
            return found;
        }
    };
    if value.is_empty() {
        return found;
    }
    let Some(parsed) = parsed else {
        found.push(
            Diagnostic::new(Level::Warning, Code::BadDate, format!("{label} is not a date"))
                .at(Some(loc))
                .with_text(value),
        );
        return found;
    };
    match slot {
        None => *slot = Some(parsed),
        Some(existing) if *existing == parsed => found.push(
            Diagnostic::new(
                Level::Info,
                Code::DuplicateFragment,
                format!("dropped {label} printed again"),
            )
            .at(Some(loc))
            .with_text(value),
        ),
        Some(existing) => found.push(
            Diagnostic::new(
                Level::Warning,
                Code::ConflictingField,
                format!("{label} printed twice with different values; kept {existing}"),
            )
            .at(Some(loc))
            .with_text(value),
        ),
    }
    found
}

/// A money cell: its amount filled, or why not.
fn apply_fund(
    project: &mut Project,
    item: FundItem,
    amount: Option<f64>,
    text: Option<String>,
    loc: Location,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Some(text) = text {
        found.push(
            Diagnostic::new(
                Level::Warning,
                Code::BadAmount,
                format!("{} is not an amount", item.label()),
            )
            .at(Some(loc))
            .with_text(text),
        );
    }
    let slot = project.funds.slot(item);
    match (*slot, amount) {
        (_, None) => {}
        (None, Some(a)) => *slot = Some(a),
        (Some(old), Some(a)) if cents(old) == cents(a) => {}
        (Some(old), Some(a)) => found.push(
            Diagnostic::new(
                Level::Warning,
                Code::ConflictingField,
                format!("{} printed twice: kept {old:.2}, dropped {a:.2}", item.label()),
            )
            .at(Some(loc)),
        ),
    }
    found
}

fn describe(loc: Location) -> String {
    match loc {
        Location::Page(p) => format!("page {p}"),
        Location::Line(l) => format!("line {l}"),
    }
}

fn validate(index: usize, project: &Project, out: &mut Vec<Diagnostic>) {
    let at = |level: Level, code: Code, message: String| {
        let page = match project.span {
            Span::Pages([first, _]) => Some(Location::Page(first)),
            Span::Lines([first, _]) => Some(Location::Line(first)),
        };
        Diagnostic::new(level, code, message).at(page).in_project(Some(index))
    };
    for message in funds_mismatches(&project.funds) {
        out.push(at(Level::Warning, Code::FundsMismatch, message));
    }
    if project.name.is_none() {
        out.push(at(
            Level::Warning,
            Code::MissingField,
            "the form has no 项目名称".into(),
        ));
    }
    if project.indicators.is_empty() {
        out.push(at(
            Level::Warning,
            Code::NoIndicators,
            "the form has no indicator rows".into(),
        ));
    }
    let mut seen = HashSet::new();
    for (i, indicator) in project.indicators.iter().enumerate() {
        if indicator.name.trim().is_empty() {
            out.push(at(
                Level::Warning,
                Code::EmptyIndicator,
                format!("indicator {i} has no name (三级指标)"),
            ));
        }
        if indicator.target.text.trim().is_empty() {
            out.push(at(
                Level::Warning,
                Code::EmptyIndicator,
                format!("indicator {i} ({}) has no target (指标值)", indicator.name),
            ));
        }
        if !seen.insert((
            indicator.level1.clone(),
            indicator.level2.clone(),
            indicator.name.clone(),
        )) {
            out.push(at(
                Level::Warning,
                Code::DuplicateIndicator,
                format!(
                    "indicator {i} ({}) appears twice under {}",
                    indicator.name,
                    indicator
                        .level2
                        .as_deref()
                        .or(indicator.level1.as_deref())
                        .unwrap_or("the same label")
                ),
            ));
        }
    }
    if let Some(year) = project.year {
        let first = format!("{year:04}-01-01");
        let last = format!("{year:04}-12-31");
        let ends_before = project.end_date.as_deref().is_some_and(|d| d < first.as_str());
        let starts_after = project.start_date.as_deref().is_some_and(|d| d > last.as_str());
        if ends_before || starts_after {
            out.push(at(
                Level::Warning,
                Code::DateOutsideYear,
                format!(
                    "planned dates {} to {} lie outside the form's year {year}",
                    project.start_date.as_deref().unwrap_or("?"),
                    project.end_date.as_deref().unwrap_or("?")
                ),
            ));
        }
    }
    if let (Some(start), Some(end)) = (&project.start_date, &project.end_date) {
        if start > end {
            out.push(at(
                Level::Warning,
                Code::DateOrder,
                format!("计划开始日期 {start} is after 计划完成日期 {end}"),
            ));
        }
    }
}

/// The reconciliation messages of docs/output.md for both money columns.
pub fn funds_mismatches(funds: &Funds) -> Vec<String> {
    let mut out = Vec::new();
    let check = |total: FundItem, parts: &[FundItem], out: &mut Vec<String>| {
        let Some(total_value) = funds.get(total) else { return };
        if parts.iter().all(|p| funds.get(*p).is_none()) {
            return;
        }
        let sum: i64 = parts.iter().filter_map(|p| funds.get(*p)).map(cents).sum();
        if sum != cents(total_value) {
            let names: Vec<&str> = parts.iter().map(|p| p.label().trim_start_matches("其中：")).collect();
            out.push(format!(
                "{} {:.2} ≠ {} = {:.2}",
                total.label(),
                total_value,
                names.join(" + "),
                sum as f64 / 100.0
            ));
        }
    };
    for (total, parts) in FUND_SUMS {
        check(total, parts, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use jixiao_model::{Indicator, Target};

    fn row(level1: Option<&str>, level2: Option<&str>) -> Indicator {
        Indicator {
            level1: level1.map(str::to_string),
            level2: level2.map(str::to_string),
            name: "完成数".to_string(),
            target: Target {
                text: "≥2(次)".to_string(),
                op: None,
                value: None,
                unit: None,
            },
            page: None,
        }
    }

    /// Control characters are taken out of a field, and the warning names
    /// the field; a clean field is left as it was, with no warning.
    #[test]
    fn control_characters_are_removed_and_named() {
        let mut project = jixiao_model::Project::new("财政项目支出绩效目标申报表", jixiao_model::Span::Lines([1, 9]));
        project.indicators = vec![row(Some("产出指标"), Some("数量指标")), row(None, None)];
        if let Some(first) = project.indicators.first_mut() {
            first.name = "完成\u{7}数".to_string();
        }
        let mut diagnostics = Vec::new();
        super::strip_project_controls(0, &mut project, &mut diagnostics);
        let names: Vec<&str> = project.indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["完成数", "完成数"]);
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["indicators[0].name: removed 1 control characters"]);
    }

    /// A 二级 label's family gives a lost 一级 label; `成本指标` (its place
    /// moved between years) and a row that has one are left alone.
    #[test]
    fn level1_comes_from_the_level2_family() {
        let mut rows = vec![
            row(None, Some("时效指标")),
            row(None, Some("成本指标")),
            row(Some("效益指标"), Some("社会效益指标")),
            row(None, Some("服务对象满意度指标")),
            row(None, None),
        ];
        assert_eq!(super::level1_from_family(&mut rows), 2);
        let level1: Vec<Option<&str>> = rows.iter().map(|r| r.level1.as_deref()).collect();
        assert_eq!(
            level1,
            [Some("产出指标"), None, Some("效益指标"), Some("满意度指标"), None]
        );
    }
}
