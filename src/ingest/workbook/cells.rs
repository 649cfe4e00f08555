//! A workbook's cells as the text a CSV file would hold, so that one parser types both: a
//! number stored as a number is the decimal Excel shows, text stays text; an error value or
//! a date has no such text and is refused at its cell.

use crate::lang::Msg;
use crate::tr;
use calamine::{Data, Dimensions, Range};
use rust_decimal::Decimal;

/// Excel shows (and computes with) 15 significant digits: the binary double nearest to 12.3
/// prints as 12.300000000000001 with 17, but is 12.3 to the user.
const EXCEL_DIGITS: usize = 15;

/// Why a cell has no text to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// An error value (`#DIV/0!`, `#REF!`), usually a formula's cached result.
    Error(String),
    /// A date or time (shown as a date, `2019-07-11`).
    Date(String),
}

impl Unreadable {
    /// The message for a cell of a field that expects `expected` (`a year` for a year).
    pub fn message(&self, expected: &str, year: bool) -> String {
        match self {
            Unreadable::Error(e) => tr!(Msg::WbErrorValue, value = e, expected = expected),
            Unreadable::Date(d) if year => tr!(Msg::WbDateInYear, date = d),
            Unreadable::Date(d) => tr!(Msg::WbDate, date = d, expected = expected),
        }
    }
}

/// The text of a cell as a CSV file of the same table would hold it.
pub fn text(cell: &Data) -> Result<String, Unreadable> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => shown(*f),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::Error(e) => return Err(Unreadable::Error(e.to_string())),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            return Err(Unreadable::Date(format!("{y:04}-{m:02}-{day:02}")));
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => return Err(Unreadable::Date(s.clone())),
    })
}

/// A double as Excel shows it in full: rounded to 15 significant digits, without trailing
/// zeros or an exponent (12.300000000000001 is 12.3, 1e20 is 100000000000000000000).
pub fn shown(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let scientific = format!("{value:.*e}", EXCEL_DIGITS - 1);
    match Decimal::from_scientific(&scientific) {
        Ok(d) => d.normalize().to_string(),
        Err(_) => value.to_string(),
    }
}

/// A sheet's cells by absolute position (0-based row and column), with its merged regions
/// where the format keeps them (xlsx and xls; `None` for ods and xlsb).
pub struct Grid {
    range: Range<Data>,
    merges: Option<Vec<Dimensions>>,
}

impl Grid {
    /// A grid of text cells, as the tests write a sheet (empty strings are empty cells).
    #[cfg(test)]
    pub(crate) fn of_text(rows: &[&[&str]], merges: Option<Vec<Dimensions>>) -> Grid {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut range = Range::new((0, 0), (rows.len() as u32 - 1, width - 1));
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    range.set_value((r as u32, c as u32), Data::String(cell.to_string()));
                }
            }
        }
        Grid::new(range, merges)
    }

    pub fn new(range: Range<Data>, merges: Option<Vec<Dimensions>>) -> Grid {
        Grid { range, merges }
    }

    /// The rows and columns the sheet uses, if any.
    pub fn rows(&self) -> std::ops::RangeInclusive<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => s.0..=e.0,
            #[allow(clippy::reversed_empty_ranges)]
            _ => 1..=0,
        }
    }

    pub fn columns(&self) -> std::ops::RangeInclusive<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => s.1..=e.1,
            #[allow(clippy::reversed_empty_ranges)]
            _ => 1..=0,
        }
    }

    pub fn get(&self, row: u32, column: u32) -> &Data {
        self.range.get_value((row, column)).unwrap_or(&Data::Empty)
    }

    /// A cell's text with line breaks and surrounding spaces removed (headers, labels).
    pub fn label(&self, row: u32, column: u32) -> String {
        text(self.get(row, column))
            .unwrap_or_default()
            .replace(['\r', '\n'], "")
            .trim()
            .to_string()
    }

    /// Whether every cell of a row is empty (or only spaces).
    pub fn blank(&self, row: u32) -> bool {
        self.columns().all(|c| match self.get(row, c) {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        })
    }

    /// The merged region holding a cell, if the format says.
    pub fn merge_at(&self, row: u32, column: u32) -> Option<Dimensions> {
        let merges = self.merges.as_ref()?;
        merges.iter().copied().find(|m| m.contains(row, column))
    }

    /// Whether the format tells merged regions at all.
    pub fn knows_merges(&self) -> bool {
        self.merges.is_some()
    }
}

/// One row of a sheet, its used columns' cells turned into text once.
pub struct SheetRow {
    cells: Vec<Result<String, Unreadable>>,
}

impl SheetRow {
    /// The cells of `row` at `columns` (absolute, 0-based), in that order.
    pub fn new(grid: &Grid, row: u32, columns: &[u32]) -> SheetRow {
        SheetRow {
            cells: columns.iter().map(|&c| text(grid.get(row, c))).collect(),
        }
    }
}

impl crate::ingest::table::RowCells for SheetRow {
    fn text(&self, column: u64) -> Result<&str, &Unreadable> {
        match self.cells.get(column as usize - 1) {
            Some(Ok(text)) => Ok(text),
            Some(Err(why)) => Err(why),
            None => Ok(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_read_as_excel_shows_them() {
        // Sums a spreadsheet computed: 0.30000000000000004, 434.99999999999994.
        assert_eq!(shown(0.1 + 0.2), "0.3");
        assert_eq!(shown(4.35 * 100.0), "435");
        assert_eq!(shown(1.1 * 3.0), "3.3");
        assert_eq!(shown(165490.0), "165490");
        assert_eq!(shown(2.6), "2.6");
        assert_eq!(shown(1234.5678), "1234.5678");
        // The 16th digit is not Excel's either.
        assert_eq!(shown(0.123_456_789_012_345_68), "0.123456789012346");
        assert_eq!(shown(1e20), "100000000000000000000");
        assert_eq!(shown(0.0), "0");
    }

    #[test]
    fn cells_become_csv_text_or_are_refused() {
        assert_eq!(text(&Data::Int(2019)), Ok("2019".to_string()));
        assert_eq!(text(&Data::Float(2019.0)), Ok("2019".to_string()));
        assert_eq!(
            text(&Data::String(" 1,234 ".into())),
            Ok(" 1,234 ".to_string())
        );
        assert_eq!(text(&Data::Empty), Ok(String::new()));
        assert_eq!(
            text(&Data::Error(CellErrorType::Div0)),
            Err(Unreadable::Error("#DIV/0!".into()))
        );
        // 2019 formatted as a date is the 2019th day after 1900-01-00.
        let date = ExcelDateTime::new(2019.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            text(&Data::DateTime(date)),
            Err(Unreadable::Date("1905-07-11".into()))
        );
    }
}
