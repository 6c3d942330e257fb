//! The events the parser emits, in source order.

use jixiao_model::{FragmentKind, FundItem, Location, UnplacedReason};

use crate::vocab::{Field, GoalSlot};

/// One thing recognised in the source. A [`crate::build`] turns the events
/// into a [`jixiao_model::Document`]; other consumers may read them directly
/// (tests, tools that want the parse as it happens).
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The document title printed before the first form.
    Title { text: String, loc: Location },
    /// Rows before the first form that belong to no form (a whole budget's
    /// other tables), reported as one range.
    NoForm {
        first: Location,
        last: Location,
        rows: usize,
    },
    /// A form heading: a new project starts.
    FormStart {
        form: String,
        year: Option<i32>,
        loc: Location,
    },
    /// The year line under the heading.
    Year { year: i32, loc: Location },
    /// A header cell and its de-wrapped value.
    Field { field: Field, value: String, loc: Location },
    /// A money cell; `amount` is `None` for a blank cell; `text` is the
    /// printed amount when it could not be read as a number.
    Fund {
        item: FundItem,
        amount: Option<f64>,
        text: Option<String>,
        loc: Location,
    },
    /// The lines of a goal cell, as printed (de-wrapped by the builder, which
    /// knows the column width over the whole document).
    Goal {
        slot: GoalSlot,
        lines: Vec<String>,
        loc: Location,
    },
    /// One 三级指标 row with its 一级/二级 context, de-wrapped.
    Indicator {
        level1: Option<String>,
        level2: Option<String>,
        name: String,
        target: String,
        loc: Location,
    },
    /// A recognised duplicate (a label or the goal text printed again after a
    /// page break), dropped from the data; `what` says which.
    Fragment {
        what: FragmentKind,
        text: String,
        loc: Location,
    },
    /// Text that could not be placed in any field.
    Unplaced {
        reason: UnplacedReason,
        text: String,
        loc: Location,
    },
    /// The end of the current form; `last` is its last source row.
    FormEnd { last: Location },
}
