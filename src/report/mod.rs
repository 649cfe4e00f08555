//! Outputs: totals.csv, totals.md, villages.csv, warnings.csv and the charts, written into a staging
//! folder and published together. The other stage, with ingest, that touches the disk.

pub mod columns;
pub mod csv_out;
pub mod markdown;
pub mod publish;
pub mod values;

use std::path::Path;

use crate::aggregate::Results;
use crate::catalogue::Catalogue;
use crate::chart::ChartFile;
use crate::config::Plan;
use crate::error::{Error, Result};
use crate::validate::Warning;
use columns::Columns;

/// The file names of one run's outputs.
pub const TOTALS_CSV: &str = "totals.csv";
pub const TOTALS_MD: &str = "totals.md";
pub const VILLAGES_CSV: &str = "villages.csv";
pub const WARNINGS_CSV: &str = "warnings.csv";

/// The report text for the terminal and totals.md.
pub fn render(
    plan: &Plan,
    results: &Results,
    catalogue: &Catalogue,
    villages: usize,
) -> Result<(Columns, String)> {
    let columns = Columns::read(results)?;
    let text = markdown::render(plan, &columns, catalogue, villages);
    Ok((columns, text))
}

/// Writes every output and switches the output folder over only when all are complete.
pub fn write(
    output_dir: &Path,
    columns: &Columns,
    markdown: &str,
    catalogue: &Catalogue,
    warnings: &[Warning],
    charts: &[ChartFile],
) -> Result<()> {
    let staging = publish::Staging::new(output_dir)?;
    for chart in charts {
        let path = staging.path(&chart.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(dir, "creating the charts folder", e))?;
        }
        std::fs::write(&path, &chart.bytes).map_err(|e| Error::io(&path, "writing a chart", e))?;
    }
    csv_out::write_totals(&staging.path(TOTALS_CSV), columns, catalogue)?;
    csv_out::write_villages(&staging.path(VILLAGES_CSV), columns, catalogue)?;
    csv_out::write_warnings(&staging.path(WARNINGS_CSV), warnings)?;
    let md = staging.path(TOTALS_MD);
    std::fs::write(&md, markdown).map_err(|e| Error::io(&md, "writing an output file", e))?;
    staging.commit()
}
