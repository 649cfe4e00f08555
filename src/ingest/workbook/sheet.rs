//! One sheet read into the table: its header found and mapped as a CSV header is, each
//! field's unit settled, its rows typed by the CSV path's own function, its total rows
//! checked, its signature lines and blank rows passed over.

use crate::lang::Msg;
use crate::tr;
use std::path::Path;

use rust_decimal::Decimal;

use super::cells::{Grid, SheetRow};
use super::header::{self, Header};
use super::lines::{self, Line};
use super::{line_of, totals, units};
use crate::error::{Location, Problem};
use crate::ingest::table::{map_columns, read_row, Reading, RowCells, Table};
use crate::schema::FieldKind;

/// Where a sheet is: its workbook, its name, its place among the sheets read, and the
/// workbook's place among the input's files.
pub struct SheetAt<'a> {
    pub path: &'a Path,
    pub name: &'a str,
    pub ordinal: usize,
    pub file_id: u32,
}

impl SheetAt<'_> {
    /// A cell by 1-based row and 0-based column (`None`: the whole row).
    fn cell(&self, row: u32, column: Option<u32>) -> Location {
        let column = column.map_or(0, |c| u64::from(c) + 1);
        Location::cell(self.path, self.name, u64::from(row), column)
    }
}

/// Reads the rows of `grid` into `table`; each field's column (1-based, absolute; 0 where
/// the sheet lacks an optional column), or `None` when the sheet's header is unusable.
pub fn read(
    reading: &Reading,
    grid: &Grid,
    at: &SheetAt,
    table: &mut Table,
    problems: &mut Vec<Problem>,
) -> Option<Vec<u64>> {
    let plan = reading.plan;
    let wanted: Vec<&str> = plan
        .kind
        .fields()
        .iter()
        .enumerate()
        .filter(|(i, f)| !f.optional_column || plan.mapped[*i])
        .map(|(i, _)| plan.headers[i].as_str())
        .collect();
    let fixed = plan.sheets.header_row.map(|r| r - 1);
    let Some(header) = header::find(grid, &wanted, fixed) else {
        problems.push(Problem::new(at.cell(0, None), no_header(&wanted, fixed)));
        return None;
    };
    // Columns of `header.names`, 1-based as map_columns counts them, to the sheet's.
    let absolute = |c: u64| (c > 0).then(|| header.columns[c as usize - 1]);
    let header_cell = |c: u64| at.cell(header.first + 1, absolute(c));
    let columns = match map_columns(plan, &header.names, &header_cell) {
        Ok(columns) => columns,
        Err(mut found) => {
            problems.append(&mut found);
            return None;
        }
    };
    let factors = match factors(reading, &header, &columns, &header_cell) {
        Ok(factors) => factors,
        Err(mut found) => {
            problems.append(&mut found);
            return None;
        }
    };
    let reading = Reading {
        factors: &factors,
        ..*reading
    };
    read_rows(&reading, grid, &header, &columns, at, table, problems);
    Some(
        columns
            .iter()
            .map(|&c| absolute(c).map_or(0, |a| u64::from(a) + 1))
            .collect(),
    )
}

/// The rows under the header: data rows typed into the table, total rows checked against
/// the rows they sum, blank and signature lines passed over.
fn read_rows(
    reading: &Reading,
    grid: &Grid,
    header: &Header,
    columns: &[u64],
    at: &SheetAt,
    table: &mut Table,
    problems: &mut Vec<Problem>,
) {
    let sheet_start = table.len();
    let mut since_total = sheet_start;
    for row in header.last + 1..=*grid.rows().end() {
        let line = lines::classify(grid, row);
        if matches!(line, Line::Blank | Line::Signature) {
            continue;
        }
        let cells = SheetRow::new(grid, row, &header.columns);
        if only_keys(reading, &cells, columns, header.columns.len()) {
            continue;
        }
        let cell = |c: u64| at.cell(row + 1, (c > 0).then(|| header.columns[c as usize - 1]));
        if let Line::Total(total) = line {
            let summed = match total {
                lines::Total::Subtotal => since_total..table.len(),
                lines::Total::Sheet => sheet_start..table.len(),
            };
            let found = totals::check(total, &cells, reading, columns, table, summed, &cell);
            table.warnings.extend(found);
            since_total = table.len();
            continue;
        }
        if read_row(reading, &cells, columns, table, problems, &cell) {
            table.file.push(at.file_id);
            table.line.push(line_of(at.ordinal, row + 1));
        }
    }
}

/// Whether a row holds nothing but its year and village code: a template's row left empty
/// (`agristat template` fills them in on the rows it offers), not a row of data.
fn only_keys(reading: &Reading, cells: &SheetRow, columns: &[u64], width: usize) -> bool {
    let fields = reading.plan.kind.fields();
    let keys: Vec<u64> = fields
        .iter()
        .zip(columns)
        .filter(|(f, _)| f.kind == FieldKind::Year || f.name == "village_code")
        .map(|(_, &c)| c)
        .collect();
    keys.len() == 2
        && (1..=width as u64)
            .filter(|c| !keys.contains(c))
            .all(|c| cells.text(c).is_ok_and(|t| t.trim().is_empty()))
}

/// The factor of each field in this sheet: the pipeline's declared unit, else the unit in
/// the column's header, else the unit line's unit of its dimension, else the canonical unit.
fn factors(
    reading: &Reading,
    header: &Header,
    columns: &[u64],
    at: &dyn Fn(u64) -> Location,
) -> Result<Vec<Decimal>, Vec<Problem>> {
    let plan = reading.plan;
    let line_units = header
        .unit_line
        .as_deref()
        .map(units::line_units)
        .unwrap_or_default();
    let mut factors = reading.factors.to_vec();
    let mut problems = Vec::new();
    for (i, field) in plan.kind.fields().iter().enumerate() {
        let FieldKind::Number(dimension) = field.kind else {
            continue;
        };
        if plan.unit_declared[i] || columns[i] == 0 {
            continue;
        }
        let name = &header.names[columns[i] as usize - 1];
        let declare = tr!(Msg::WbDeclareUnit, table = plan.kind.name());
        match units::in_header(name, dimension) {
            units::Stated::Known(_, factor) => factors[i] = factor,
            units::Stated::Unknown(unit) => problems.push(Problem::new(
                at(columns[i]),
                tr!(
                    Msg::WbUnknownUnit,
                    header = name,
                    unit = unit,
                    field = field.name,
                    units = dimension.unit_names().join(", "),
                    declare = declare
                ),
            )),
            units::Stated::None => match units::from_line(field.kind, &line_units) {
                Ok(Some((_, factor))) => factors[i] = factor,
                Ok(None) => {}
                Err(several) => problems.push(Problem::new(
                    at(columns[i]),
                    tr!(
                        Msg::WbSeveralUnits,
                        header = name,
                        units = crate::lang::list(&several, Msg::ListAnd),
                        field = field.name,
                        declare = declare
                    ),
                )),
            },
        }
    }
    if problems.is_empty() {
        Ok(factors)
    } else {
        Err(problems)
    }
}

fn no_header(wanted: &[&str], fixed: Option<u32>) -> String {
    let list = wanted.join(", ");
    match fixed {
        Some(row) => tr!(Msg::WbHeaderRowWrong, row = row + 1, columns = list),
        None => tr!(Msg::WbNoHeader, rows = header::SEARCH_ROWS, columns = list),
    }
}
