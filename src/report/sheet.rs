//! One worksheet of totals.xlsx as a table: an optional title, a frozen header, rows of text
//! and numbers formatted by their decimals, notes; widths that fit Chinese text; A4 print set-up.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatBorder, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::figure::plain;

/// Rows in an Excel sheet: a table that would need more is not written as a sheet.
pub const MAX_ROWS: u32 = 1_048_576;

/// Whether `rows` below a header (and `title`) fit in a sheet.
pub fn fits(rows: usize, title: bool) -> bool {
    rows + 1 + usize::from(title) <= MAX_ROWS as usize
}

/// Columns wider than this (in widths of a digit) are cut: long messages stay readable in
/// the formula bar, and the page does not become one column wide.
const MAX_COLUMN_WIDTH: usize = 60;

/// A4 portrait holds about this many digit widths at 100 %: wider tables print landscape.
const PORTRAIT_WIDTH: usize = 100;

/// Excel's code for A4 paper.
const A4: u8 = 9;

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Always a string cell: a name beginning with `=`, `+`, `-` or `@` stays text, never a
    /// formula (nothing here writes formulas).
    Text(&'a str),
    /// A whole number without thousands separators (years, line numbers).
    Int(i64),
    /// A figure stored as the number totals.csv states and shown with this many decimals
    /// and thousands separators; blank when there is none.
    Number(Option<Decimal>, u32),
}

/// The display width of text, CJK characters (and full-width punctuation) counting two.
pub fn text_width(text: &str) -> usize {
    text.width()
}

/// A column's width in Excel's units (widths of a digit) for its widest text: a margin of
/// two, at least 6, at most `MAX_COLUMN_WIDTH`.
pub fn column_width(widest: usize) -> f64 {
    (widest + 2).clamp(6, MAX_COLUMN_WIDTH) as f64
}

/// The width a number takes with thousands separators and `decimals` places, from its exact
/// text (rounding up to a new digit, 9.96 → 10.0, is within the column's margin).
fn shown_width(exact: &str, decimals: u32) -> usize {
    let digits = exact.trim_start_matches('-');
    let int = digits.split('.').next().unwrap_or("").len().max(1);
    let sign = usize::from(exact.starts_with('-'));
    let fraction = match decimals {
        0 => 0,
        d => 1 + d as usize,
    };
    sign + int + (int - 1) / 3 + fraction
}

/// The number Excel stores for a decimal's exact text: the nearest double (Excel keeps 15
/// significant digits; totals.csv keeps them all).
pub fn number(exact: &str) -> f64 {
    exact.parse().unwrap_or(f64::NAN)
}

/// The number format of `decimals` places, with thousands separators.
fn number_format(decimals: u32) -> Format {
    let code = match decimals {
        0 => "#,##0".to_string(),
        d => format!("#,##0.{}", "0".repeat(d as usize)),
    };
    Format::new().set_num_format(code)
}

/// A table being written into a worksheet, row by row (rows only go forward, so that large
/// sheets can be streamed to a temporary file in rust_xlsxwriter's low-memory mode).
pub struct Table<'a> {
    sheet: &'a mut Worksheet,
    header_row: u32,
    next: u32,
    widths: Vec<usize>,
    header: Format,
    numbers: Vec<Format>,
}

impl<'a> Table<'a> {
    /// Names `sheet` and writes the title (bold, on the first row) and the header.
    pub fn new(
        sheet: &'a mut Worksheet,
        name: &str,
        title: Option<&str>,
        header: &[&str],
    ) -> Result<Table<'a>, XlsxError> {
        sheet.set_name(name)?;
        let header_row = u32::from(title.is_some());
        if let Some(title) = title {
            let bold = Format::new().set_bold().set_font_size(14);
            sheet.write_string_with_format(0, 0, title, &bold)?;
        }
        let format = Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin);
        for (col, text) in header.iter().enumerate() {
            sheet.write_string_with_format(header_row, col as u16, *text, &format)?;
        }
        Ok(Table {
            sheet,
            header_row,
            next: header_row + 1,
            widths: header.iter().map(|h| text_width(h)).collect(),
            header: format,
            numbers: (0..=4).map(number_format).collect(),
        })
    }

    /// Adds a row (an error past Excel's last row: callers check `fits` first).
    pub fn push(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        let row = self.next;
        for (col, cell) in cells.iter().enumerate() {
            let c = col as u16;
            let width = match cell {
                Cell::Text(text) => {
                    self.sheet.write_string(row, c, *text)?;
                    text_width(text)
                }
                Cell::Int(n) => {
                    self.sheet.write_number(row, c, *n as f64)?;
                    n.to_string().len()
                }
                Cell::Number(None, _) => 0,
                Cell::Number(Some(v), decimals) => {
                    let format = &self.numbers[(*decimals as usize).min(4)];
                    let exact = plain(*v);
                    self.sheet
                        .write_number_with_format(row, c, number(&exact), format)?;
                    shown_width(&exact, *decimals)
                }
            };
            if col >= self.widths.len() {
                self.widths.resize(col + 1, 0);
            }
            self.widths[col] = self.widths[col].max(width);
        }
        self.next += 1;
        Ok(())
    }

    /// Numbered notes under the table, after a blank row (not counted in the widths: they
    /// run across the empty cells to their right).
    pub fn notes(&mut self, notes: &[String]) -> Result<(), XlsxError> {
        if notes.is_empty() || self.next + notes.len() as u32 + 2 > MAX_ROWS {
            return Ok(());
        }
        let row = self.next + 1;
        self.sheet
            .write_string_with_format(row, 0, "注：", &self.header)?;
        for (i, note) in notes.iter().enumerate() {
            let text = format!("{}. {note}", i + 1);
            self.sheet.write_string(row + 1 + i as u32, 0, &text)?;
        }
        self.next = row + 1 + notes.len() as u32;
        Ok(())
    }

    /// The finished sheet: column widths, the header frozen, and the print set-up (A4,
    /// landscape when wide, one page wide, the header repeated on every page).
    pub fn finish(self) -> Result<(), XlsxError> {
        for (col, widest) in self.widths.iter().enumerate() {
            self.sheet
                .set_column_width(col as u16, column_width(*widest))?;
        }
        self.sheet.set_freeze_panes(self.header_row + 1, 0)?;
        self.sheet.set_repeat_rows(0, self.header_row)?;
        self.sheet.set_paper_size(A4);
        let total: usize = self.widths.iter().map(|w| column_width(*w) as usize).sum();
        if total > PORTRAIT_WIDTH {
            self.sheet.set_landscape();
        }
        self.sheet.set_print_fit_to_pages(1, 0);
        self.sheet.set_header("&C&A");
        self.sheet.set_footer("&C第 &P 页，共 &N 页");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_counts_double_in_column_widths() {
        assert_eq!(text_width("粮食产量"), 8);
        assert_eq!(text_width("7565.00"), 7);
        // Full-width punctuation and the full-width space of sub-items count double too.
        assert_eq!(text_width("　#农业（万元）"), 2 + 1 + 4 + 2 + 4 + 2);
        assert_eq!(
            column_width(text_width("农林牧渔业总产值（现价，产品法）")),
            34.0
        );
        assert_eq!(column_width(text_width("村")), 6.0);
        assert_eq!(column_width(200), 60.0);
    }

    #[test]
    fn numbers_are_as_wide_as_their_format_shows_them() {
        assert_eq!(shown_width("6010.627", 2), "6,010.63".len());
        assert_eq!(shown_width("-1234567.5", 0), "-1,234,568".len());
        assert_eq!(shown_width("0.25", 1), "0.3".len());
        assert_eq!(shown_width("100", 0), "100".len());
        assert_eq!(number("6010.627"), 6010.627);
    }
}
