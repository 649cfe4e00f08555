//! The commands, as library calls: `check` validates, `run` validates, aggregates and
//! publishes. The binary only prints what they return.

use std::path::{Path, PathBuf};

use crate::aggregate::{self, changes};
use crate::chart;
use crate::config;
use crate::error::{Error, Result};
use crate::ingest;
use crate::report;
use crate::schema::TableKind;
use crate::validate::{self, plausibility, Warning};

/// What a successful command has to tell.
#[derive(Debug)]
pub struct Outcome {
    /// The report table (Markdown), as written to totals.md.
    pub report: String,
    pub warnings: Vec<Warning>,
    /// Where the outputs went; `None` for `check`.
    pub output_dir: Option<PathBuf>,
}

/// Validates the pipeline's inputs and computes its figures without writing anything.
pub fn check(pipeline: &Path) -> Result<Outcome> {
    execute(pipeline, false)
}

/// Validates, aggregates and publishes the outputs.
pub fn run(pipeline: &Path) -> Result<Outcome> {
    execute(pipeline, true)
}

fn execute(pipeline: &Path, write: bool) -> Result<Outcome> {
    let plan = config::load(pipeline)?;
    let (inputs, mut problems) = ingest::read_all(&plan)?;
    let frames = validate::frames(&inputs)?;
    problems.extend(validate::check(&plan, &inputs, &frames)?);
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(Error::Data(problems));
    }
    let mut warnings = plausibility::check(&plan, &inputs, &frames)?;
    let results = aggregate::aggregate(&frames, &inputs.catalogue)?;
    warnings.extend(changes::changes(
        &results,
        &inputs.catalogue,
        plan.change_threshold_pct,
    )?);
    warnings.sort();

    let villages = inputs
        .tables
        .get(&TableKind::Villages)
        .map_or(0, |registry| {
            let (years, codes) = match (&registry.values[0], &registry.values[1]) {
                (ingest::table::Values::Year(y), ingest::table::Values::Text(c)) => (y, c),
                _ => return 0,
            };
            years
                .iter()
                .zip(codes)
                .filter(|(y, _)| **y == plan.year)
                .count()
        });
    let (columns, text) = report::render(&plan, &results, &inputs.catalogue, villages)?;
    if write {
        let (charts, chart_warnings) = chart::render_all(&plan, &columns, &inputs.catalogue);
        warnings.extend(chart_warnings);
        warnings.sort();
        report::write(
            &plan.output_dir,
            &columns,
            &text,
            &inputs.catalogue,
            &warnings,
            &charts,
        )?;
    }
    Ok(Outcome {
        report: text,
        warnings,
        output_dir: write.then(|| plan.output_dir.clone()),
    })
}
