//! The events the parser emits, in source order.

use jixiao_model::{FragmentKind, FundItem, Location, UnplacedReason};

use crate::vocab::{Field, GoalSlot};

/// One thing recognised in the source. The builder (`build`) turns the events
/// into a [`jixiao_model::Document`]; other consumers may read them directly
/// (tests, tools that want the parse as it happens).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The document title printed before the first form.
    Title {
        /// The text as printed.
        text: String,
        /// Where it was printed.
        loc: Location,
    },
    /// Rows before the first form that belong to no form (a whole budget's
    /// other tables), reported as one range.
    NoForm {
        /// The first row.
        first: Location,
        /// The last row.
        last: Location,
        /// How many rows.
        rows: usize,
    },
    /// A form heading: a new project starts.
    FormStart {
        /// The heading as printed.
        form: String,
        /// The year.
        year: Option<i32>,
        /// Where it was printed.
        loc: Location,
    },
    /// The year line under the heading.
    Year {
        /// The year.
        year: i32,
        /// Where it was printed.
        loc: Location,
    },
    /// A header cell and its de-wrapped value.
    Field {
        /// Which header cell.
        field: Field,
        /// The de-wrapped value.
        value: String,
        /// Where it was printed.
        loc: Location,
    },
    /// A money cell; `amount` is `None` for a blank cell; `text` is the
    /// printed amount when it could not be read as a number.
    Fund {
        /// Which money cell.
        item: FundItem,
        /// The amount in yuan; `None` for a blank cell.
        amount: Option<f64>,
        /// The text as printed.
        text: Option<String>,
        /// Where it was printed.
        loc: Location,
    },
    /// The lines of a goal cell, as printed (de-wrapped by the builder, which
    /// knows the column width over the whole document).
    Goal {
        /// Which goal field.
        slot: GoalSlot,
        /// The printed lines.
        lines: Vec<String>,
        /// Where it was printed.
        loc: Location,
    },
    /// One 三级指标 row with its 一级/二级 context, de-wrapped.
    Indicator {
        /// The 一级指标 label.
        level1: Option<String>,
        /// The 二级指标 label.
        level2: Option<String>,
        /// The 三级指标.
        name: String,
        /// The target as printed.
        target: String,
        /// Where it was printed.
        loc: Location,
    },
    /// New 一级/二级 labels for the last `levels.len()` indicators of the
    /// current form, in order: a bunch of labels printed after rows that
    /// had carried the label before them, tied to the rows by what they
    /// measure (reported with [`UnplacedReason::LabelsByShape`]).
    Relabel {
        /// Each row's (一级, 二级) labels.
        levels: Vec<(Option<String>, Option<String>)>,
    },
    /// A recognised duplicate (a label or the goal text printed again after a
    /// page break), dropped from the data; `what` says which.
    Fragment {
        /// What was dropped.
        what: FragmentKind,
        /// The text as printed.
        text: String,
        /// Where it was printed.
        loc: Location,
    },
    /// A money label printed cut short (`其中：当年财政拨`), read as the
    /// one label it begins.
    LabelCutShort {
        /// The label it was read as.
        label: String,
        /// The text as printed.
        text: String,
        /// Where it was printed.
        loc: Location,
    },
    /// Text that could not be placed in any field.
    Unplaced {
        /// Why it has no field.
        reason: UnplacedReason,
        /// The text as printed.
        text: String,
        /// Where it was printed.
        loc: Location,
    },
    /// The end of the current form; `last` is its last source row.
    FormEnd {
        /// The last row.
        last: Location,
    },
}
