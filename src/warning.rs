//! Warnings: figures that are possible but suspicious, and things a run could not do. They
//! never stop a run; they are printed and saved with its outputs. Each has a `Check`, a
//! stable code that warnings.csv carries whatever the message's wording.

use std::fmt;

use crate::error::Location;
use crate::lang::Msg;

/// What raised a warning. Warnings sort by its code, so the order of warnings.csv does not
/// depend on the order of this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// A registry village without rows in a table it is expected to report.
    VillageMissing,
    YieldOutOfRange,
    KgPerHeadOutOfRange,
    /// A village figure moved beyond the threshold on the year it is compared with.
    ChangeOnPreviousYear,
    /// A village whose township (or higher area) differs between two years.
    VillageMoved,
    ChartSkipped,
    ChartMissingGlyph,
    /// A line of a GBK file saved in UTF-8: read as UTF-8, but the file should be one.
    MixedEncoding,
    /// A workbook's total row (合计, 小计, 总计) that differs from the sum of its rows.
    TotalRowDiffers,
}

impl Check {
    /// The code in warnings.csv.
    pub fn key(self) -> &'static str {
        match self {
            Check::VillageMissing => "village_missing",
            Check::YieldOutOfRange => "yield_out_of_range",
            Check::KgPerHeadOutOfRange => "kg_per_head_out_of_range",
            Check::ChangeOnPreviousYear => "change_on_previous_year",
            Check::VillageMoved => "village_moved",
            Check::ChartSkipped => "chart_skipped",
            Check::ChartMissingGlyph => "chart_missing_glyph",
            Check::MixedEncoding => "mixed_encoding",
            Check::TotalRowDiffers => "total_row_differs",
        }
    }
}

impl Ord for Check {
    fn cmp(&self, other: &Check) -> std::cmp::Ordering {
        self.key().cmp(other.key())
    }
}

impl PartialOrd for Check {
    fn partial_cmp(&self, other: &Check) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub year: i32,
    pub village_code: String,
    pub check: Check,
    pub location: Option<Location>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match &self.location {
            Some(at) => crate::tr!(Msg::WarningAt, location = at, message = self.message),
            None => crate::tr!(Msg::WarningBare, message = self.message),
        };
        f.write_str(&text)
    }
}
