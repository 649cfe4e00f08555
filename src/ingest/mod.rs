//! Reading: the catalogue and every input table, decoded and typed, with the problems found.
//! This is one of the two stages that touch the file system.

pub mod decode;
pub mod number;
pub mod table;

use std::collections::BTreeMap;

use crate::catalogue::Catalogue;
use crate::config::{Encoding, Plan};
use crate::error::{Error, Location, Problem, Result};
use crate::schema::TableKind;
pub use table::Table;

/// Everything a pipeline reads.
#[derive(Debug)]
pub struct Inputs {
    pub catalogue: Catalogue,
    pub tables: BTreeMap<TableKind, Table>,
}

/// Reads the catalogue and all tables. Problems in the data are returned alongside, so that
/// validation can add its own and the user sees all of them at once.
pub fn read_all(plan: &Plan) -> Result<(Inputs, Vec<Problem>)> {
    let catalogue = read_catalogue(plan)?;
    let mut problems = Vec::new();
    let mut tables = BTreeMap::new();
    let years = plan.years();
    for (kind, input) in &plan.inputs {
        let (table, mut found) = table::read(input, &years, &catalogue)?;
        problems.append(&mut found);
        tables.insert(*kind, table);
    }
    Ok((Inputs { catalogue, tables }, problems))
}

fn read_catalogue(plan: &Plan) -> Result<Catalogue> {
    let path = &plan.products;
    let bytes =
        std::fs::read(path).map_err(|e| Error::io(path, "reading the product catalogue", e))?;
    let (text, _) = decode::decode(&bytes, Encoding::Auto).map_err(|bad| {
        Error::Config(vec![Problem::new(
            Location::at(path, bad.line, bad.column),
            bad.message(),
        )])
    })?;
    Catalogue::parse(&text, path).map_err(Error::Config)
}
