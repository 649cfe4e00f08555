//! Output that the price table cannot value: a product with output in a year that has no
//! price for it, or, in the pipeline's year, no price in the comparison or base year (needed
//! for growth at comparable prices).

use rustc_hash::FxHashSet;

use crate::catalogue::Catalogue;
use crate::config::Plan;
use crate::error::{Problem, ProblemKind};
use crate::ingest::{Inputs, Table};
use crate::lang::Msg;
use crate::schema::TableKind;
use crate::tr;

/// Reported once per product and year, at the product's first row with output.
pub fn missing_prices(plan: &Plan, inputs: &Inputs) -> Vec<Problem> {
    let Some(prices) = inputs.tables.get(&TableKind::Prices) else {
        return Vec::new();
    };
    // A price file that could not be read is the problem to report; every product it would
    // have priced is a consequence.
    if !prices.unread_files.is_empty() {
        return Vec::new();
    }
    let priced: FxHashSet<(i32, &str)> = match prices.texts("product") {
        Some(products) => prices.years().iter().copied().zip(products).collect(),
        None => FxHashSet::default(),
    };
    let mut problems = Vec::new();
    for (kind, item) in [
        (TableKind::Crops, "crop"),
        (TableKind::Slaughter, "product"),
    ] {
        let Some(table) = inputs.tables.get(&kind) else {
            continue;
        };
        // This year's price values the output; for the pipeline's year, the comparison
        // year's and the base year's prices value it again for growth at comparable prices.
        let mut checks = vec![None];
        checks.extend(
            [plan.previous_year, plan.base_year]
                .into_iter()
                .flatten()
                .map(Some),
        );
        for other in checks {
            problems.extend(unpriced(
                plan.year,
                other,
                table,
                item,
                &priced,
                &inputs.catalogue,
            ));
        }
    }
    problems
}

/// Rows with output whose product has no price in their year (`other` None) or, for rows
/// of `year`, in year `other`.
fn unpriced(
    year: i32,
    other: Option<i32>,
    table: &Table,
    item: &str,
    priced: &FxHashSet<(i32, &str)>,
    catalogue: &Catalogue,
) -> Vec<Problem> {
    let (Some(products), Some(outputs)) = (table.texts(item), table.numbers("output")) else {
        return Vec::new();
    };
    let mut reported: FxHashSet<(i32, u32)> = FxHashSet::default();
    let mut problems = Vec::new();
    for (row, &row_year) in table.years().iter().enumerate() {
        if outputs[row].is_none_or(|o| o <= 0) {
            continue;
        }
        let priced_in = match other {
            None => row_year,
            Some(_) if row_year != year => continue,
            Some(other) => other,
        };
        let product = &products[row];
        if priced.contains(&(priced_in, product))
            || !reported.insert((row_year, products.ids()[row]))
        {
            continue;
        }
        let name = catalogue.get(product).map_or(product, |p| p.name.as_str());
        let message = match other {
            None => tr!(Msg::NoPrice, name = name, year = row_year),
            Some(prev) => tr!(
                Msg::NoPriceOther,
                name = name,
                year = row_year,
                other = prev
            ),
        };
        problems.push(
            Problem::new(
                table.location(table.file[row], table.line[row], item),
                message,
            )
            .of_kind(ProblemKind::MissingPrice),
        );
    }
    problems
}
