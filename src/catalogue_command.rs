//! The `catalogue` command: what a pipeline's product catalogue (or the built-in one) knows,
//! as a Chinese listing, or as catalogue CSV to copy and extend with local names.

use std::path::Path;

use crate::catalogue::{Catalogue, Source, BUILT_IN};
use crate::config;
use crate::error::{Error, Result};
use crate::ingest;
use crate::lang::Msg;

/// The listing of the catalogue `pipeline` uses (the built-in one without a pipeline), or
/// with `csv` the catalogue's own CSV text.
pub fn catalogue(pipeline: Option<&Path>, csv: bool) -> Result<String> {
    let plan = pipeline.map(config::load).transpose()?;
    match (plan, csv) {
        (None, true) => Ok(BUILT_IN.to_string()),
        (None, false) => Ok(Catalogue::built_in().listing()),
        (Some(plan), false) => Ok(ingest::read_catalogue(&plan)?.0.listing()),
        (Some(plan), true) => match &plan.products {
            Source::BuiltIn => Ok(BUILT_IN.to_string()),
            Source::File(path) => {
                let bytes = std::fs::read(path).map_err(|e| Error::io(path, Msg::CatReading, e))?;
                Ok(ingest::catalogue_text(path, &bytes)?.into_owned())
            }
        },
    }
}
