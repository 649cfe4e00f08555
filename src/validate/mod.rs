//! Checks across rows and tables: duplicate keys, villages missing from the registry,
//! output without a price, village codes that cannot give the areas the registry leaves out.
//! They run on the dictionary ids the tables were read into (see `rows`), so a country's
//! worth of rows costs a hash lookup per row, not a join of strings.

pub mod codes;
pub mod plausibility;
mod prices;
mod rows;

use std::path::Path;

use crate::config::Plan;
use crate::error::Problem;
use crate::ingest::Inputs;
use crate::schema::TableKind;

pub use plausibility::Warning;

/// Every cross-row problem of the inputs.
pub fn check(plan: &Plan, inputs: &Inputs) -> Vec<Problem> {
    let mut problems = Vec::new();
    for table in inputs.tables.values() {
        problems.extend(rows::duplicates(table, &inputs.catalogue));
    }
    // A registry file that could not be read leaves its villages unknown: reporting every
    // row of the other tables for them would bury the one problem that matters.
    let registry = inputs
        .tables
        .get(&TableKind::Villages)
        .filter(|r| r.unread_files.is_empty());
    // An empty registry is one problem, not one per row of every other table.
    if let Some(empty) = registry.filter(|r| r.is_empty() && r.rejected_villages.is_empty()) {
        problems.push(Problem::new(
            crate::error::Location::file(empty.files.first().map_or(Path::new(""), |f| f)),
            crate::tr!(crate::lang::Msg::EmptyRegistry),
        ));
    } else if let Some(registry) = registry {
        for (kind, table) in &inputs.tables {
            if *kind != TableKind::Villages && kind.has_village() {
                problems.extend(rows::unknown_villages(table, registry));
            }
        }
    }
    problems.extend(prices::missing_prices(plan, inputs));
    let levels = plan.levels.as_deref().unwrap_or(codes::DEFAULT_LEVELS);
    problems.extend(codes::check(inputs, levels));
    problems
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::catalogue::Catalogue;
    use crate::ingest::table::Values;
    use crate::ingest::Table;

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
            warnings: Vec::new(),
        };
        let catalogue = Catalogue::parse(
            include_str!("../../data/catalogue/products.csv"),
            Path::new("p.csv"),
        )
        .unwrap();
        let found = rows::duplicates(&table, &catalogue);
        let found: Vec<String> = found.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            found,
            ["regions.csv:4: duplicate row for (520121101000) in regions: the same key is already at regions.csv:2"]
        );
    }
}
