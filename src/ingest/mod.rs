//! Reading: the catalogue and every input table, decoded and typed, with the problems found.
//! This is one of the two stages that touch the file system.

pub mod cache;
pub mod decode;
pub mod table;
pub mod texts;
pub mod workbook;

use crate::lang::Msg;
use std::collections::BTreeMap;
use std::path::Path;

use crate::catalogue::{self, Catalogue};
use crate::config::{Encoding, Plan};
use crate::error::{Error, Problem, Result};
use crate::hash::sha256_hex;
use crate::hash::FileRecord;
use crate::schema::TableKind;
pub use cache::Cache;
pub use table::Table;

/// Everything a pipeline reads.
#[derive(Debug)]
pub struct Inputs {
    pub catalogue: Catalogue,
    /// Size and hash of the catalogue file, for the manifest.
    pub catalogue_file: FileRecord,
    pub tables: BTreeMap<TableKind, Table>,
}

/// Reads the catalogue and all tables. Problems in the data are returned alongside, so that
/// validation can add its own and the user sees all of them at once.
pub fn read_all(plan: &Plan, cache: &Cache) -> Result<(Inputs, Vec<Problem>)> {
    let (catalogue, catalogue_file) = read_catalogue(plan)?;
    let mut problems = Vec::new();
    let mut tables = BTreeMap::new();
    let years = &plan.years;
    // One thread per table: the tables are independent, and a machine's cores otherwise
    // idle while one of them parses. Results are joined in table order, so the outcome
    // does not depend on which thread finishes first.
    let read = std::thread::scope(|scope| {
        let handles: Vec<_> = plan
            .inputs
            .iter()
            .map(|(kind, input)| {
                let catalogue = &catalogue;
                let sha = &catalogue_file.sha256;
                (
                    *kind,
                    scope.spawn(move || table::read(input, years, catalogue, sha, cache)),
                )
            })
            .collect();
        handles
            .into_iter()
            .map(|(kind, h)| (kind, h.join()))
            .collect::<Vec<_>>()
    });
    for (kind, outcome) in read {
        let (table, mut found) = match outcome {
            Ok(result) => result?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        problems.append(&mut found);
        tables.insert(kind, table);
    }
    let inputs = Inputs {
        catalogue,
        catalogue_file,
        tables,
    };
    Ok((inputs, problems))
}

/// The product catalogue of a pipeline, with its size and hash: its own file, or the
/// built-in one.
pub fn read_catalogue(plan: &Plan) -> Result<(Catalogue, FileRecord)> {
    let path = match &plan.products {
        catalogue::Source::File(path) => path,
        catalogue::Source::BuiltIn => {
            let record = FileRecord {
                path: catalogue::BUILT_IN_NAME.to_string(),
                bytes: catalogue::BUILT_IN.len() as u64,
                sha256: sha256_hex(catalogue::BUILT_IN.as_bytes()),
            };
            return Ok((Catalogue::built_in(), record));
        }
    };
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, Msg::CatReading, e))?;
    let record = FileRecord {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(&bytes),
    };
    let text = catalogue_text(path, &bytes)?;
    let catalogue = Catalogue::parse(&text, path).map_err(Error::Config)?;
    Ok((catalogue, record))
}

/// A catalogue file's text; bytes not of its encoding are pipeline errors, all of them.
pub fn catalogue_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>> {
    let problem = |bad: &decode::BadBytes| bad.problem(path);
    let decoded =
        decode::decode(bytes, Encoding::Auto).map_err(|bad| Error::Config(vec![problem(&bad)]))?;
    if !decoded.bad.is_empty() {
        return Err(Error::Config(decoded.bad.iter().map(problem).collect()));
    }
    Ok(decoded.text)
}
