//! A sheet's own total rows checked against its rows: the rows are what is counted, so a
//! 合计 that says otherwise is a warning naming both figures, not a problem.

use crate::lang::Msg;
use crate::tr;
use rust_decimal::Decimal;

use super::lines::Total;
use crate::error::Location;
use crate::ingest::table::{Reading, RowCells, Table};
use crate::schema::FieldKind;
use crate::warning::{Check, Warning};

/// Compares total row `cells` (of kind `total`) with the table's rows `rows` (the rows it
/// sums), column by column; one warning per figure that differs. `at(column)` is the total
/// row's cell.
pub fn check(
    total: Total,
    cells: &impl RowCells,
    reading: &Reading,
    columns: &[u64],
    table: &Table,
    rows: std::ops::Range<usize>,
    at: &dyn Fn(u64) -> Location,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let (year, village) = whose(reading, table, rows.clone());
    for (i, field) in reading.plan.kind.fields().iter().enumerate() {
        let (FieldKind::Number(_), column @ 1..) = (field.kind, columns[i]) else {
            continue;
        };
        let Ok(raw) = cells.text(column) else {
            continue;
        };
        // An empty or unreadable total cell states nothing to compare.
        let Ok(Some(stated)) = crate::number::parse(raw, reading.factors[i], false) else {
            continue;
        };
        let Some(values) = table.numbers(field.name) else {
            continue;
        };
        let sum: i128 = values[rows.clone()]
            .iter()
            .flatten()
            .map(|&v| i128::from(v))
            .sum();
        if sum == i128::from(stated) {
            continue;
        }
        let factor = reading.factors[i];
        warnings.push(Warning {
            year,
            village_code: village.clone(),
            check: Check::TotalRowDiffers,
            location: Some(at(column)),
            message: tr!(
                Msg::WbTotalDiffers,
                total = total.word(),
                stated = figure(i128::from(stated), factor),
                header = reading.plan.headers[i],
                rows = rows.len(),
                sum = figure(sum, factor)
            ),
        });
    }
    warnings
}

/// The year and village of rows `rows`: the last row's year (the pipeline's latest without
/// rows), and their village when they are all one village's.
fn whose(reading: &Reading, table: &Table, rows: std::ops::Range<usize>) -> (i32, String) {
    let latest = reading.years.iter().copied().max().unwrap_or(0);
    let year = rows
        .clone()
        .last()
        .and_then(|r| table.years().get(r).copied())
        .unwrap_or(latest);
    let village = table.texts("village_code").and_then(|codes| {
        let first = rows.clone().next().map(|r| &codes[r])?;
        rows.clone()
            .all(|r| &codes[r] == first)
            .then(|| first.to_string())
    });
    (year, village.unwrap_or_default())
}

/// A fixed-point canonical value in the file's unit, as plain decimal text.
fn figure(value: i128, factor: Decimal) -> String {
    let canonical = Decimal::from_i128_with_scale(value, crate::fixed::SCALE_DIGITS);
    let in_file = if factor.is_zero() {
        canonical
    } else {
        canonical / factor
    };
    in_file.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_shown_in_the_files_unit() {
        assert_eq!(figure(12_450_000, Decimal::ONE), "1245");
        assert_eq!(figure(150_000, Decimal::new(15, 0)), "1");
        assert_eq!(figure(123_400, Decimal::ONE), "12.34");
    }
}
