//! Where a sheet's table begins: the header found past the title and unit lines (the first
//! row holding the pipeline's column headers), a two-row header with merged cells joined
//! (播种面积 over 亩 and 公顷 are `播种面积/亩`, `播种面积/公顷`), and the unit line above it.

use super::cells::Grid;
use super::lines::{self, Line};
use super::units;

/// The rows searched for a header when the pipeline does not say where it is.
pub const SEARCH_ROWS: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The header's first and last row (0-based; the same row for a one-row header).
    pub first: u32,
    pub last: u32,
    /// The columns the table uses (0-based, left to right) and their headers.
    pub columns: Vec<u32>,
    pub names: Vec<String>,
    /// What follows `单位：` in a line above the header, if there is one.
    pub unit_line: Option<String>,
}

/// Finds the header holding `wanted` (the headers the pipeline maps), at `fixed` (a 0-based
/// row) or in the first `SEARCH_ROWS` rows. Without a row holding them all, the row holding
/// the most, if any does (then the missing ones are reported as for a CSV file).
pub fn find(grid: &Grid, wanted: &[&str], fixed: Option<u32>) -> Option<Header> {
    let top = *grid.rows().start();
    let rows: Vec<u32> = match fixed {
        Some(row) => vec![row],
        None => grid
            .rows()
            .take_while(|r| *r < top.saturating_add(SEARCH_ROWS))
            .collect(),
    };
    let last_row = *grid.rows().end();
    let mut best: Option<(usize, u32, u32, Vec<String>)> = None;
    for &row in &rows {
        let mut candidates = vec![(row, single(grid, row))];
        if row < last_row {
            candidates.push((row + 1, double(grid, row)));
        }
        for (last, names) in candidates {
            let score = wanted
                .iter()
                .filter(|w| names.iter().any(|n| n == *w))
                .count();
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, row, last, names));
            }
            if score == wanted.len() {
                return Some(header(grid, best?));
            }
        }
    }
    best.filter(|b| b.0 > 0).map(|b| header(grid, b))
}

/// The header whose rows `first..=last` hold `names` (one per column of the sheet): the
/// columns the table uses, and the unit line above it.
pub fn header(grid: &Grid, (_, first, last, names): (usize, u32, u32, Vec<String>)) -> Header {
    let all: Vec<u32> = grid.columns().collect();
    // A column without a header is the table's only if a row of data below holds something
    // in it (a signature line's second half does not count).
    let data: Vec<u32> = (last + 1..=*grid.rows().end())
        .filter(|&r| lines::classify(grid, r) == Line::Data)
        .collect();
    let used =
        |i: usize| !names[i].is_empty() || data.iter().any(|&r| !grid.label(r, all[i]).is_empty());
    let kept: Vec<usize> = (0..all.len()).filter(|&i| used(i)).collect();
    let unit_line = (*grid.rows().start()..first).find_map(|r| {
        grid.columns()
            .find_map(|c| units::unit_line(&grid.label(r, c)).map(str::to_string))
    });
    Header {
        first,
        last,
        columns: kept.iter().map(|&i| all[i]).collect(),
        names: kept.iter().map(|&i| names[i].clone()).collect(),
        unit_line,
    }
}

/// The headers of row `row` alone, one per column of the sheet.
pub fn single(grid: &Grid, row: u32) -> Vec<String> {
    grid.columns().map(|c| grid.label(row, c)).collect()
}

/// The headers of rows `row` and `row + 1` joined: `top/bottom`, or the one that is there.
/// An empty upper cell inside a merged region takes the region's text; where the format
/// tells no merged regions (ods), an empty upper cell above a lower one takes the text to
/// its left.
pub fn double(grid: &Grid, row: u32) -> Vec<String> {
    let mut left = String::new();
    grid.columns()
        .map(|c| {
            let bottom = grid.label(row + 1, c);
            let mut top = grid.label(row, c);
            if top.is_empty() {
                top = match grid.merge_at(row, c) {
                    Some(m) => grid.label(m.start.0, m.start.1),
                    None if !grid.knows_merges() && !bottom.is_empty() => left.clone(),
                    None => String::new(),
                };
            }
            if !top.is_empty() {
                left = top.clone();
            }
            match (top.is_empty(), bottom.is_empty()) {
                (_, true) => top,
                (true, false) => bottom,
                (false, false) => format!("{top}/{bottom}"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Dimensions;

    const TWO_ROWS: &[&[&str]] = &[
        &["竹林镇2019年农作物播种面积和产量统计表", "", "", "", "", ""],
        &["", "", "", "", "单位：亩、公斤", ""],
        &["年份", "村代码", "作物", "播种面积", "", "产量"],
        &["", "", "", "亩", "公顷", "公斤"],
        &["2019", "001", "杂交水稻", "354", "23.6", "165490"],
    ];
    const WANTED: [&str; 5] = ["年份", "村代码", "作物", "播种面积/亩", "产量/公斤"];

    #[test]
    fn joins_a_merged_two_row_header_past_title_and_unit_lines() {
        let merges = vec![
            Dimensions::new((0, 0), (0, 5)),
            Dimensions::new((2, 0), (3, 0)),
            Dimensions::new((2, 1), (3, 1)),
            Dimensions::new((2, 2), (3, 2)),
            Dimensions::new((2, 3), (2, 4)),
        ];
        let found = find(&Grid::of_text(TWO_ROWS, Some(merges)), &WANTED, None).unwrap();
        assert_eq!((found.first, found.last), (2, 3));
        assert_eq!(
            found.names,
            [
                "年份",
                "村代码",
                "作物",
                "播种面积/亩",
                "播种面积/公顷",
                "产量/公斤"
            ]
        );
        assert_eq!(found.unit_line.as_deref(), Some("亩、公斤"));
        // Without merged regions (ods), the empty upper cell takes the one to its left.
        let ods = find(&Grid::of_text(TWO_ROWS, None), &WANTED, None).unwrap();
        assert_eq!(ods.names, found.names);
        // The configured row, 0-based.
        let fixed = find(&Grid::of_text(TWO_ROWS, None), &WANTED, Some(2)).unwrap();
        assert_eq!((fixed.first, fixed.last), (2, 3));
    }

    #[test]
    fn a_one_row_header_stays_one_row() {
        let rows: &[&[&str]] = &[
            &["作物统计", "", ""],
            &["年份", "村代码", "作物"],
            &["2019", "001", "玉米"],
            &["", "", ""],
        ];
        let found = find(
            &Grid::of_text(rows, Some(Vec::new())),
            &["年份", "村代码", "作物"],
            None,
        );
        let found = found.unwrap();
        assert_eq!((found.first, found.last), (1, 1));
        assert_eq!(found.names, ["年份", "村代码", "作物"]);
        // A header with a misspelt column: the closest row, for the missing column to be
        // reported; a sheet holding none of the headers has no header.
        let partial = find(
            &Grid::of_text(rows, None),
            &["年份", "村代码", "作物名"],
            None,
        )
        .unwrap();
        assert_eq!(partial.first, 1);
        assert!(find(&Grid::of_text(rows, None), &["户数"], None).is_none());
    }

    #[test]
    fn unnamed_columns_count_only_with_figures_under_them() {
        let rows: &[&[&str]] = &[
            &["", "年份", "作物", "", ""],
            &["", "2019", "玉米", "", "12"],
            &[
                "",
                "填表人：张三",
                "",
                "",
                "审核人：李四",
                "填报日期：2020年1月10日",
            ],
        ];
        let found = find(&Grid::of_text(rows, None), &["年份", "作物"], None).unwrap();
        assert_eq!(found.columns, [1, 2, 4]);
        assert_eq!(found.names, ["年份", "作物", ""]);
    }
}
