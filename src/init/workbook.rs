//! Workbooks for `init`: every worksheet read by the workbook reader's own code (cells as
//! the text a CSV file would hold, two-row headers joined, total, signature and blank lines
//! passed over, the unit line above the table). Only the header is found otherwise: `init`
//! does not know the headers in advance, so it takes the row, in the first 100, whose cells
//! the init dictionary recognises best.

use std::path::Path;

use calamine::Reader;

use super::detect::{self, Fit};
use super::headers;
use super::scan::{Content, Grid, Sheet};
use crate::error::{Error, Result};
use crate::ingest::workbook::{self, cells, header, lines};
use crate::lang::Msg;
use crate::schema::TableKind;
use crate::tr;

/// Each worksheet of the workbook at `path` with its table; one unreadable entry (no sheet)
/// if the workbook cannot be opened.
pub fn read(path: &Path) -> Result<Vec<(Option<Sheet>, Content)>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, Msg::InitReadingFile, e))?;
    let mut book = match workbook::open(path, &bytes) {
        Ok(book) => book,
        Err(e) => {
            let why = tr!(Msg::InitBadWorkbook, error = e);
            return Ok(vec![(None, Content::Unreadable(why))]);
        }
    };
    let names = workbook::worksheets(&book);
    if names.is_empty() {
        return Ok(vec![(None, Content::Unreadable(tr!(Msg::InitNoWorksheet)))]);
    }
    let format = format(path);
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut sheet = Sheet {
            name: name.clone(),
            position: i + 1,
            names: names.clone(),
            header_row: 0,
            row_found: false,
        };
        let content = match book.worksheet_range(name) {
            Ok(range) => {
                let grid = cells::Grid::new(range, workbook::merges(&mut book, name));
                table(&grid, format, &mut sheet)
            }
            Err(e) => Content::Unreadable(tr!(Msg::WbSheetUnreadable, error = e)),
        };
        out.push((Some(sheet), content));
    }
    Ok(out)
}

/// The workbook's format, named in the pipeline's comment where a CSV file's encoding is.
fn format(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "xls" => "xls",
        "xlsb" => "xlsb",
        "xlsm" => "xlsm",
        "ods" => "ods",
        _ => "xlsx",
    }
}

/// A sheet's table: its header (none if no row names a field) and its rows of data.
fn table(grid: &cells::Grid, format: &'static str, sheet: &mut Sheet) -> Content {
    let empty = Grid {
        header: Vec::new(),
        rows: Vec::new(),
        encoding: format,
        unit_line: None,
    };
    let Some(best) = find_header(grid) else {
        return Content::Table(empty);
    };
    let wanted: Vec<&str> = best.mapped.iter().map(String::as_str).collect();
    // The row the workbook reader finds from the mapped headers: the same, or the
    // pipeline must say where the header is.
    let reader = header::find(grid, &wanted, None);
    sheet.header_row = best.first + 1;
    sheet.row_found = reader.is_some_and(|h| (h.first, h.last) == (best.first, best.last));
    let found = header::header(grid, (0, best.first, best.last, best.names));
    let rows = (found.last + 1..=*grid.rows().end())
        .filter(|&r| lines::classify(grid, r) == lines::Line::Data)
        .map(|r| {
            found
                .columns
                .iter()
                .map(|&c| cell(grid, r, c))
                .collect::<Vec<_>>()
        })
        .filter(|row| row.iter().any(|c| !c.is_empty()))
        .collect();
    Content::Table(Grid {
        header: found.names,
        rows,
        unit_line: found.unit_line,
        ..empty
    })
}

/// A cell's text as the reader types it; an error value or a date reads as nothing here
/// (`run` refuses it at its cell).
fn cell(grid: &cells::Grid, row: u32, column: u32) -> String {
    cells::text(grid.get(row, column))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The best header found: its rows (0-based), its names, and those the dictionary maps.
#[derive(Debug)]
struct Best {
    first: u32,
    last: u32,
    names: Vec<String>,
    mapped: Vec<String>,
}

/// The row (or two rows joined, as the reader joins them) in the first
/// `header::SEARCH_ROWS` that names the most fields of a table; on a tie the one stating
/// more units (a unit row under the header), then the first.
fn find_header(grid: &cells::Grid) -> Option<Best> {
    let (top, end) = (*grid.rows().start(), *grid.rows().end());
    let mut best: Option<((Fit, usize), Best)> = None;
    for row in grid
        .rows()
        .take_while(|r| *r < top.saturating_add(header::SEARCH_ROWS))
    {
        let mut candidates = vec![(row, header::single(grid, row))];
        if row < end {
            candidates.push((row + 1, header::double(grid, row)));
        }
        for (last, names) in candidates {
            let (fit, units, mapped) = score(&names);
            if fit.1 > 0 && best.as_ref().is_none_or(|b| (fit, units) > b.0) {
                let found = Best {
                    first: row,
                    last,
                    names,
                    mapped,
                };
                best = Some(((fit, units), found));
            }
        }
    }
    best.map(|(_, b)| b)
}

/// How well headers name a table: the best table's fit, how many of the headers it maps
/// state a unit, and those headers.
fn score(names: &[String]) -> (Fit, usize, Vec<String>) {
    let split: Vec<headers::Header> = names.iter().map(|n| headers::split(n)).collect();
    let mut best = ((false, 0), 0, Vec::new());
    for kind in TableKind::ALL {
        let (fit, named) = detect::fit(kind, &split);
        let units = named
            .iter()
            .zip(&split)
            .filter(|(f, h)| f.is_some() && h.unit.is_some())
            .count();
        if (fit, units) > (best.0, best.1) {
            let mapped = named
                .iter()
                .zip(names)
                .filter(|(f, _)| f.is_some())
                .map(|(_, n)| n.clone())
                .collect();
            best = (fit, units, mapped);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Dimensions;

    fn sheet() -> Sheet {
        Sheet {
            name: "竹林村".into(),
            position: 2,
            names: vec!["填表说明".into(), "竹林村".into()],
            header_row: 0,
            row_found: false,
        }
    }

    /// A village's sheet as villages send it: a title, a unit line, a two-row header with
    /// merged cells (播种面积 over 亩 and 公顷), a 合计 row, a blank row, a signature line.
    const VILLAGE: &[&[&str]] = &[
        &["竹林村2019年农作物播种面积和产量", "", "", "", "", ""],
        &["", "", "", "", "", "单位：亩、公斤"],
        &["年份", "村代码", "作物", "播种面积", "", "产量"],
        &["", "", "", "亩", "公顷", "公斤"],
        &["2019", "001", "杂交水稻", "354", "23.6", "165490"],
        &["2019", "001", "玉米", "150", "10", "60000"],
        &["合计", "", "", "504", "33.6", "225490"],
        &["", "", "", "", "", ""],
        &[
            "填表人：王芳",
            "",
            "审核人：李明",
            "",
            "填报日期：2020年1月10日",
            "",
        ],
    ];

    #[test]
    fn finds_the_header_past_title_and_unit_line_and_joins_two_rows() {
        let merges = vec![
            Dimensions::new((0, 0), (0, 5)),
            Dimensions::new((2, 0), (3, 0)),
            Dimensions::new((2, 1), (3, 1)),
            Dimensions::new((2, 2), (3, 2)),
            Dimensions::new((2, 3), (2, 4)),
        ];
        for merges in [Some(merges), None] {
            let mut s = sheet();
            let Content::Table(t) = table(&cells::Grid::of_text(VILLAGE, merges), "xlsx", &mut s)
            else {
                panic!("no table");
            };
            assert_eq!(
                t.header,
                [
                    "年份",
                    "村代码",
                    "作物",
                    "播种面积/亩",
                    "播种面积/公顷",
                    "产量/公斤"
                ]
            );
            assert_eq!(t.unit_line.as_deref(), Some("亩、公斤"));
            // The 合计 row, the blank row and the signature line are no rows of data.
            assert_eq!(
                t.rows,
                [
                    ["2019", "001", "杂交水稻", "354", "23.6", "165490"],
                    ["2019", "001", "玉米", "150", "10", "60000"],
                ]
            );
            // Row 3, 1-based, where the reader finds it from the mapped headers.
            assert_eq!((s.header_row, s.row_found), (3, true));
        }
    }

    #[test]
    fn the_row_naming_the_most_fields_is_the_header() {
        // A line above the table names some of its headers: the table's row names more.
        let rows: &[&[&str]] = &[
            &["年份", "村代码", "作物"],
            &["年份", "村代码", "作物", "播种面积(亩)", "产量(公斤)"],
            &["2019", "001", "玉米", "150", "60000"],
        ];
        let mut s = sheet();
        let Content::Table(t) = table(&cells::Grid::of_text(rows, None), "ods", &mut s) else {
            panic!("no table");
        };
        assert_eq!(t.header.len(), 5);
        assert_eq!((s.header_row, s.row_found), (2, true));
        // A sheet naming no field has no header.
        let mut s = sheet();
        let notes: &[&[&str]] = &[&["每村一张表；面积单位亩。"]];
        let Content::Table(t) = table(&cells::Grid::of_text(notes, None), "xlsx", &mut s) else {
            panic!("no table");
        };
        assert!(t.header.is_empty() && t.rows.is_empty());
    }
}
