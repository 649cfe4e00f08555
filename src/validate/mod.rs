//! Checks across rows and tables: duplicate keys, villages missing from the registry,
//! output without a price, village codes that cannot give the areas the registry leaves out. They run as joins over whole columns, so a country's worth of
//! villages costs a few hash joins, not a loop per row.

pub mod codes;
pub mod plausibility;

use std::collections::BTreeMap;

use polars::prelude::*;

use crate::catalogue::Catalogue;
use crate::config::Plan;
use crate::error::{Problem, Result};
use crate::frame::{anti_join, collect, concat_frames, inner_join, Rows};
use crate::ingest::table::{FILE, LINE};
use crate::ingest::{Inputs, Table};
use crate::schema::{FieldKind, ItemKind, TableKind};

pub use plausibility::Warning;

/// Each table as a data frame, built once and shared by validation and aggregation.
pub type Frames = BTreeMap<TableKind, DataFrame>;

pub fn frames(inputs: &Inputs) -> Result<Frames> {
    inputs
        .tables
        .iter()
        .map(|(kind, table)| Ok((*kind, table.frame()?)))
        .collect()
}

/// Every cross-row problem of the inputs.
pub fn check(plan: &Plan, inputs: &Inputs, frames: &Frames) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    for (kind, table) in &inputs.tables {
        problems.extend(duplicates(table, &frames[kind], &inputs.catalogue)?);
    }
    // A registry file that could not be read leaves its villages unknown: reporting every
    // row of the other tables for them would bury the one problem that matters.
    if let (Some(registry), Some(registry_frame)) = (
        inputs
            .tables
            .get(&TableKind::Villages)
            .filter(|r| r.unread_files.is_empty()),
        frames.get(&TableKind::Villages),
    ) {
        for (kind, table) in &inputs.tables {
            if *kind != TableKind::Villages && kind.has_village() {
                problems.extend(unknown_villages(
                    table,
                    &frames[kind],
                    registry,
                    registry_frame,
                )?);
            }
        }
    }
    problems.extend(missing_prices(plan, inputs, frames)?);
    let levels = plan.levels.as_deref().unwrap_or(codes::DEFAULT_LEVELS);
    problems.extend(codes::check(inputs, levels));
    Ok(problems)
}

/// Rows whose key repeats an earlier row's; the first one stays, the others are reported.
fn duplicates(table: &Table, frame: &DataFrame, catalogue: &Catalogue) -> Result<Vec<Problem>> {
    let key: Vec<&str> = table.kind.key().to_vec();
    let key_exprs: Vec<Expr> = key.iter().map(|k| col(*k)).collect();
    let ordered = frame
        .clone()
        .lazy()
        .sort([FILE, LINE], SortMultipleOptions::default());
    let firsts = ordered
        .clone()
        .group_by(key_exprs)
        .agg([
            len().alias("_n"),
            col(FILE).first().alias("_first_file"),
            col(LINE).first().alias("_first_line"),
        ])
        .filter(col("_n").gt(lit(1)));
    let repeated = inner_join(ordered, firsts, &key)
        .filter(
            col(FILE)
                .neq(col("_first_file"))
                .or(col(LINE).neq(col("_first_line"))),
        )
        .sort([FILE, LINE], SortMultipleOptions::default());
    let df = collect(repeated, "finding duplicate rows")?;
    let rows = Rows::new(&df);
    let (files, lines) = (rows.u32(FILE)?, rows.u32(LINE)?);
    let (first_files, first_lines) = (rows.u32("_first_file")?, rows.u32("_first_line")?);
    // Each key field as the files write it: years as numbers, items (resolved to catalogue
    // codes) by name. Not every table has a year (`regions` has a code alone).
    let shown: Vec<Vec<String>> = key
        .iter()
        .map(|k| match table.kind.field(k).map(|f| f.kind) {
            Some(FieldKind::Year) => Ok(rows
                .i32(k)?
                .into_iter()
                .map(|y| y.unwrap_or(0).to_string())
                .collect()),
            Some(FieldKind::Item(kind)) if kind != ItemKind::Sector => Ok(rows
                .str(k)?
                .into_iter()
                .map(|c| catalogue.get(&c).map_or(c.clone(), |p| p.name.clone()))
                .collect()),
            _ => rows.str(k),
        })
        .collect::<Result<_>>()?;
    let mut problems = Vec::new();
    for i in 0..rows.len() {
        let what: Vec<&str> = shown.iter().map(|column| column[i].as_str()).collect();
        let first = table.location(first_files[i], first_lines[i], "");
        problems.push(Problem::new(
            table.location(files[i], lines[i], ""),
            format!(
                "duplicate row for ({}) in {}: the same key is already at {}",
                what.join(", "),
                table.kind.name(),
                first
            ),
        ));
    }
    Ok(problems)
}

fn unknown_villages(
    table: &Table,
    frame: &DataFrame,
    registry: &Table,
    registry_frame: &DataFrame,
) -> Result<Vec<Problem>> {
    let keys = ["year", "village_code"];
    let (years, codes): (Vec<i32>, Vec<String>) =
        registry.rejected_villages.iter().cloned().unzip();
    let rejected = df!("year" => years, "village_code" => codes)
        .map_err(crate::error::Error::engine("listing rejected villages"))?;
    let known = concat_frames(vec![
        registry_frame
            .clone()
            .lazy()
            .select([col("year"), col("village_code")]),
        rejected.lazy(),
    ])?;
    let unknown = anti_join(frame.clone().lazy(), known, &keys)
        .sort([FILE, LINE], SortMultipleOptions::default());
    let df = collect(unknown, "finding villages missing from the registry")?;
    let rows = Rows::new(&df);
    let (files, lines) = (rows.u32(FILE)?, rows.u32(LINE)?);
    let (years, codes) = (rows.i32("year")?, rows.str("village_code")?);
    let registry_files: Vec<String> = registry
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let mut problems = Vec::new();
    for i in 0..rows.len() {
        let year = years[i].unwrap_or(0);
        problems.push(Problem::new(
            table.location(files[i], lines[i], "village_code"),
            format!(
                "column \"{}\": \"{}\" is not a village of the registry for {year} (expected a code listed in {})",
                table.header("village_code"),
                codes[i],
                registry_files.join(", ")
            ),
        ));
    }
    Ok(problems)
}

/// Products with output in a year that the price table does not price; reported once per
/// product and year, at its first row.
fn missing_prices(plan: &Plan, inputs: &Inputs, frames: &Frames) -> Result<Vec<Problem>> {
    let Some(prices) = frames.get(&TableKind::Prices) else {
        return Ok(Vec::new());
    };
    let mut problems = Vec::new();
    for (kind, item) in [
        (TableKind::Crops, "crop"),
        (TableKind::Slaughter, "product"),
    ] {
        let (Some(table), Some(frame)) = (inputs.tables.get(&kind), frames.get(&kind)) else {
            continue;
        };
        let with_output = frame
            .clone()
            .lazy()
            .filter(col("output").gt(lit(0i64)))
            .select([
                col("year"),
                col(item).alias("product"),
                col(FILE),
                col(LINE),
            ]);
        // This year's price values the output; for the pipeline's year, the comparison
        // year's and the base year's prices value it again for growth at comparable prices.
        let mut checks = vec![(with_output.clone(), prices.clone().lazy(), None)];
        for other in [plan.previous_year, plan.base_year].into_iter().flatten() {
            let moved = prices
                .clone()
                .lazy()
                .filter(col("year").eq(lit(other)))
                .with_column(lit(plan.year).alias("year"));
            let this_year = with_output.clone().filter(col("year").eq(lit(plan.year)));
            checks.push((this_year, moved, Some(other)));
        }
        for (rows, priced, previous) in checks {
            let unpriced = anti_join(rows, priced, &["year", "product"])
                .sort([FILE, LINE], SortMultipleOptions::default())
                .group_by_stable([col("year"), col("product")])
                .agg([col(FILE).first(), col(LINE).first()]);
            let df = collect(unpriced, "finding output without a price")?;
            let rows = Rows::new(&df);
            let (files, lines) = (rows.u32(FILE)?, rows.u32(LINE)?);
            let (years, products) = (rows.i32("year")?, rows.str("product")?);
            for i in 0..rows.len() {
                let name = inputs
                    .catalogue
                    .get(&products[i])
                    .map_or(products[i].as_str(), |p| p.name.as_str());
                let year = years[i].unwrap_or(0);
                let message = match previous {
                    None => format!("\"{name}\" has output in {year} but no price (expected a {year} row for it in the prices table)"),
                    Some(prev) => format!(
                        "\"{name}\" has output in {year} but no {prev} price (expected a {prev} row for it in the prices table, to value {year} output at comparable prices)"
                    ),
                };
                problems.push(Problem::new(
                    table.location(files[i], lines[i], item),
                    message,
                ));
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::ingest::table::Values;

    #[test]
    fn a_table_without_a_year_has_duplicates_by_its_key_alone() {
        let codes = ["520121101000", "520000000000", "520121101000"];
        let table = Table {
            kind: TableKind::Regions,
            files: vec![PathBuf::from("regions.csv")],
            headers: vec!["代码".to_string(), "名称".to_string()],
            columns_in_file: vec![vec![1, 2]],
            file: vec![0; 3],
            line: vec![2, 3, 4],
            values: vec![
                Values::Text(codes.into_iter().collect()),
                Values::Text(["红岩镇", "贵州省", "红岩乡"].into_iter().collect()),
            ],
            rejected_villages: Vec::new(),
            unread_files: Vec::new(),
            file_info: Vec::new(),
        };
        let catalogue = Catalogue::parse(
            include_str!("../../data/catalogue/products.csv"),
            Path::new("p.csv"),
        )
        .unwrap();
        let found = duplicates(&table, &table.frame().unwrap(), &catalogue).unwrap();
        let found: Vec<String> = found.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            ["regions.csv:4: duplicate row for (520121101000) in regions: the same key is already at regions.csv:2"]
        );
    }
}
