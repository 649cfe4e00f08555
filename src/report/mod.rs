//! Outputs: totals.csv, totals.md, villages.csv, warnings.csv and the charts, written into
//! the run's staging folder. The other stage, with ingest, that touches the disk.

pub mod columns;
pub mod csv_out;
pub mod markdown;
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

/// Writes every output into `dir` (a run's staging folder).
pub fn write(
    dir: &Path,
    columns: &Columns,
    markdown: &str,
    catalogue: &Catalogue,
    warnings: &[Warning],
    charts: &[ChartFile],
) -> Result<()> {
    for chart in charts {
        let path = dir.join(&chart.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(dir, "creating the charts folder", e))?;
        }
        std::fs::write(&path, &chart.bytes).map_err(|e| Error::io(&path, "writing a chart", e))?;
    }
    csv_out::write_totals(&dir.join(TOTALS_CSV), columns, catalogue)?;
    csv_out::write_villages(&dir.join(VILLAGES_CSV), columns, catalogue)?;
    csv_out::write_warnings(&dir.join(WARNINGS_CSV), warnings)?;
    let md = dir.join(TOTALS_MD);
    std::fs::write(&md, markdown).map_err(|e| Error::io(&md, "writing an output file", e))
}
