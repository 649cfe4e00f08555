//! Workbooks (.xlsx, .xls, .ods) read wherever a CSV file is: each chosen sheet is turned
//! into the rows and cells the CSV path consumes, so that typing, validation, caching and
//! messages stay one code path. Positions are the sheet's own: `file[sheet]!D12`.

pub(crate) mod cells;
pub(crate) mod header;
pub(crate) mod lines;
mod sheet;
mod totals;
pub(crate) mod units;

use crate::lang::Msg;
use crate::tr;
use std::io::Cursor;
use std::path::Path;

use calamine::{
    open_workbook_from_rs, Dimensions, Ods, Reader, SheetType, Sheets, Xls, Xlsb, Xlsx,
};
use serde::{Deserialize, Serialize};

pub use cells::Unreadable;

use crate::catalogue::Catalogue;
use crate::config::{InputPlan, SheetChoice};
use crate::error::{did_you_mean, Location, Problem};
use crate::ingest::table::{Reading, Table};

/// The extensions read as workbooks (any case).
const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// A row's line packs its sheet (among the sheets read) above its row number: rows of
/// several sheets stay apart in one file's rows, and in order. A sheet has at most 2^20 rows.
const ROW_BITS: u32 = 21;

/// The most sheets one workbook may give to a table.
pub const MAX_SHEETS: usize = 1 << (32 - ROW_BITS);

/// One sheet read from a workbook: its name and each field's column (1-based; 0 where the
/// sheet lacks an optional column or could not be read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetColumns {
    pub name: String,
    pub columns: Vec<u64>,
}

/// Whether `path` is read as a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The line of 1-based `row` of the `sheet`-th sheet read.
pub fn line_of(sheet: usize, row: u32) -> u32 {
    ((sheet as u32) << ROW_BITS) | row
}

/// The sheet and 1-based row of a workbook row's line; `None` for a CSV file (no sheets).
pub fn sheet_row(sheets: &[SheetColumns], line: u32) -> Option<(&SheetColumns, u64)> {
    let (sheet, row) = split_line(line);
    Some((sheets.get(sheet)?, row))
}

/// The position (among the sheets read) and 1-based row that `line_of` packed into a line.
pub fn split_line(line: u32) -> (usize, u64) {
    (
        (line >> ROW_BITS) as usize,
        u64::from(line & ((1 << ROW_BITS) - 1)),
    )
}

/// Reads the chosen sheets of workbook `path` (input file `file_id`) into `table`. Returns
/// the first sheet's columns and every sheet's, or `None` if no sheet could be read.
pub fn read_file(
    plan: &InputPlan,
    years: &[i32],
    catalogue: &Catalogue,
    (path, file_id): (&Path, u32),
    bytes: &[u8],
    table: &mut Table,
    problems: &mut Vec<Problem>,
) -> Option<(Vec<u64>, Vec<SheetColumns>)> {
    let mut book = match open(path, bytes) {
        Ok(book) => book,
        Err(e) => {
            problems.push(Problem::new(
                Location::file(path),
                tr!(Msg::WbUnreadable, error = e),
            ));
            return None;
        }
    };
    let names = worksheets(&book);
    let picked = plan.sheets.sheet.pick(&names);
    if picked.is_empty() || picked.len() > MAX_SHEETS {
        problems.push(no_sheet(path, &plan.sheets.sheet, &names, picked.len()));
        return None;
    }
    let reading = Reading {
        plan,
        factors: &plan.factors,
        years,
        catalogue,
    };
    let mut sheets = Vec::new();
    for (ordinal, &index) in picked.iter().enumerate() {
        let name = &names[index];
        let at = sheet::SheetAt {
            path,
            name,
            ordinal,
            file_id,
        };
        let columns = match book.worksheet_range(name) {
            Ok(range) => {
                let grid = cells::Grid::new(range, merges(&mut book, name));
                sheet::read(&reading, &grid, &at, table, problems)
            }
            Err(e) => {
                let location = Location::cell(path, name, 0, 0);
                problems.push(Problem::new(
                    location,
                    tr!(Msg::WbSheetUnreadable, error = e),
                ));
                None
            }
        };
        sheets.push(SheetColumns {
            name: name.clone(),
            columns: columns.unwrap_or_else(|| vec![0; plan.kind.fields().len()]),
        });
    }
    let read = sheets.iter().any(|s| s.columns.iter().any(|&c| c > 0));
    read.then(|| (sheets[0].columns.clone(), sheets))
}

pub(crate) type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// Opens a workbook's bytes as its extension says (.xls, .xlsb, .ods; else .xlsx, .xlsm).
pub(crate) fn open<'a>(path: &Path, bytes: &'a [u8]) -> Result<Book<'a>, calamine::Error> {
    let cursor = Cursor::new(bytes);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    Ok(match extension.as_str() {
        "xls" => Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor)?),
        "xlsb" => Sheets::Xlsb(open_workbook_from_rs::<Xlsb<_>, _>(cursor)?),
        "ods" => Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor)?),
        _ => Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor)?),
    })
}

/// The names of the workbook's worksheets (chart sheets and the like have no cells).
pub(crate) fn worksheets(book: &Book) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// The merged regions of a sheet, where the format keeps them.
pub(crate) fn merges(book: &mut Book, name: &str) -> Option<Vec<Dimensions>> {
    match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).ok(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).ok(),
        Sheets::Xlsb(_) | Sheets::Ods(_) => None,
    }
}

fn no_sheet(path: &Path, choice: &SheetChoice, names: &[String], found: usize) -> Problem {
    let message = if found > MAX_SHEETS {
        tr!(Msg::WbTooManySheets, found = found, max = MAX_SHEETS)
    } else {
        let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        tr!(
            Msg::WbNoSheet,
            sheet = choice.describe(),
            sheets = list.join(", ")
        )
    };
    let hint = match choice {
        SheetChoice::Name(name) => did_you_mean(name, names.iter().map(String::as_str)),
        _ => None,
    };
    Problem::new(Location::file(path), message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_sheet_and_row() {
        let sheets: Vec<SheetColumns> = ["竹林村", "青杠村"]
            .iter()
            .map(|n| SheetColumns {
                name: n.to_string(),
                columns: vec![1],
            })
            .collect();
        let line = line_of(1, 1_048_576);
        let (sheet, row) = sheet_row(&sheets, line).unwrap();
        assert_eq!((sheet.name.as_str(), row), ("青杠村", 1_048_576));
        assert!(line_of(0, 12) < line_of(1, 3));
        assert!(sheet_row(&[], 12).is_none());
        assert!(is_workbook(Path::new("a/村报表.XLSX")));
        assert!(!is_workbook(Path::new("a/crops.csv")));
    }
}
