//! The aggregation core: validated tables in, sums and figures at every level out. Pure: no
//! I/O. Codes and items become integer ids once (`areas`, `cells`); each village's facts are
//! summed (`facts`), villages roll up to every level through a village → area index
//! (`rollup`), and figures are derived on demand by lining up ids (`results`).

pub mod areas;
pub mod cells;
pub mod changes;
pub mod facts;
pub mod results;
pub mod rollup;

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::catalogue::Catalogue;
use crate::config::Plan;
use crate::error::{Error, Location, Problem, Result};
use crate::ingest::table::Texts;
use crate::ingest::{Inputs, Table};
use crate::level::Level;
use crate::schema::TableKind;
use crate::timing::{Stage, Stages};
use areas::Hierarchy;
use cells::SeriesDict;
use facts::{FactSource, Years};
pub use results::{Comparisons, Results, Row};

/// What aggregation needs of a plan: its years, comparisons and levels.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub year: i32,
    pub years: &'a [i32],
    pub previous_year: Option<i32>,
    pub base_year: Option<i32>,
    /// `None`: township, and county when there are several townships.
    pub levels: Option<&'a [Level]>,
    pub total_name: &'a str,
}

impl<'a> Scope<'a> {
    pub fn of(plan: &'a Plan) -> Scope<'a> {
        Scope {
            year: plan.year,
            years: &plan.years,
            previous_year: plan.previous_year,
            base_year: plan.base_year,
            levels: plan.levels.as_deref(),
            total_name: &plan.total_name,
        }
    }
}

/// Aggregates the validated inputs of a plan.
pub fn aggregate(plan: &Plan, inputs: &Inputs) -> Result<Results> {
    aggregate_tables(Scope::of(plan), &inputs.tables, &inputs.catalogue)
}

/// Aggregates validated tables: every level, every year.
pub fn aggregate_tables(
    scope: Scope,
    tables: &BTreeMap<TableKind, Table>,
    catalogue: &Catalogue,
) -> Result<Results> {
    let mut clock = Stages::start(4);
    let registry = tables.get(&TableKind::Villages).ok_or_else(|| {
        Error::Data(vec![Problem::new(
            Location::file(Path::new("")),
            "no village registry",
        )])
    })?;
    let names = region_names(tables);
    let levels = match scope.levels {
        Some(levels) => levels.to_vec(),
        None => vec![Level::Township, Level::County],
    };
    let mut hierarchy = Hierarchy::build(registry, scope.years, &levels, &names, scope.total_name);
    if scope.levels.is_none() {
        // By default a county is reported only when it has several townships: one township
        // would only repeat itself.
        let townships = hierarchy
            .level(Level::Township)
            .map_or(0, |l| l.areas.len());
        if townships <= 1 {
            hierarchy.levels.retain(|l| l.level != Level::County);
        }
    }
    clock.lap(Stage::Areas);
    let years = Years {
        report: scope.year,
        comparison: scope.previous_year,
        base: scope.base_year,
    };
    let source = FactSource::new(tables, catalogue, years);
    let mut series = SeriesDict::default();
    let villages = facts::village_cells(&source, &hierarchy, &mut series).map_err(Error::Data)?;
    clock.lap(Stage::Villages);
    let level_cells = hierarchy
        .levels
        .iter()
        .map(|l| rollup::roll_up(&villages, l))
        .collect();
    clock.lap(Stage::Sums);
    let comparisons = Comparisons {
        report: scope.year,
        gap: scope.previous_year.map(|p| scope.year - p),
        base: scope.base_year,
    };
    let items = source.items;
    Ok(Results::new(
        hierarchy,
        items,
        series,
        villages,
        level_cells,
        comparisons,
    ))
}

/// Names of areas by code, from the optional `regions` table.
fn region_names(tables: &BTreeMap<TableKind, Table>) -> FxHashMap<String, String> {
    let mut names = FxHashMap::default();
    if let Some(table) = tables.get(&TableKind::Regions) {
        let codes = table.texts("code").unwrap_or(Texts::empty());
        let given = table.texts("name").unwrap_or(Texts::empty());
        for (code, name) in codes.iter().zip(given) {
            names
                .entry(code.to_string())
                .or_insert_with(|| name.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests;
