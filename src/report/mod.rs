//! Outputs: totals.csv, totals.md, villages.csv, warnings.csv, the charts and totals.xlsx,
//! written into the run's staging folder. The other stage, with ingest, that touches the disk.

pub mod csv_out;
pub mod markdown;
pub mod sheet;
pub mod xlsx;

use crate::lang::Msg;
use std::path::Path;

use crate::aggregate::Results;
use crate::catalogue::Catalogue;
use crate::chart::ChartFile;
use crate::config::plan::{VillagesOutput, VILLAGES_OUTPUT_AUTO_LIMIT};
use crate::config::Plan;
use crate::error::{Error, Result};
use crate::level::Level;
use crate::warning::Warning;

/// The file names of one run's outputs.
pub const TOTALS_CSV: &str = "totals.csv";
pub const TOTALS_MD: &str = "totals.md";
pub const VILLAGES_CSV: &str = "villages.csv";
pub const WARNINGS_CSV: &str = "warnings.csv";
pub const TOTALS_XLSX: &str = "totals.xlsx";

/// Without `[outputs] report_levels`, totals.md and the terminal show levels from the top
/// down while they hold at most this many areas in all (and always the top level).
pub const REPORT_AREAS_LIMIT: usize = 60;

/// What a run writes, decided once from the plan and the size of the results.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Levels in totals.md and on the terminal, bottom up.
    pub report_levels: Vec<Level>,
    /// Areas of the report levels, in all.
    pub report_areas: usize,
    /// Levels above the village with results (all are in totals.csv), bottom up.
    pub total_levels: Vec<Level>,
    pub villages_csv: bool,
    pub villages: usize,
}

impl Layout {
    pub fn new(plan: &Plan, results: &Results) -> Layout {
        let total_levels: Vec<Level> = results.levels().into_iter().skip(1).collect();
        let report_levels = match &plan.report_levels {
            Some(chosen) => total_levels
                .iter()
                .copied()
                .filter(|l| chosen.contains(l))
                .collect(),
            None => {
                let mut out = Vec::new();
                let mut shown = 0;
                for &level in total_levels.iter().rev() {
                    let areas = results.areas(level).len();
                    if !out.is_empty() && shown + areas > REPORT_AREAS_LIMIT {
                        break;
                    }
                    shown += areas;
                    out.push(level);
                }
                out.reverse();
                out
            }
        };
        let report_areas = report_levels.iter().map(|l| results.areas(*l).len()).sum();
        let villages = results.hierarchy.year_index(plan.year).map_or(0, |y| {
            results.hierarchy.present[y].iter().filter(|p| **p).count()
        });
        let villages_csv = match plan.villages_output {
            VillagesOutput::Always => true,
            VillagesOutput::Never => false,
            VillagesOutput::Auto => villages <= VILLAGES_OUTPUT_AUTO_LIMIT,
        };
        Layout {
            report_levels,
            report_areas,
            total_levels,
            villages_csv,
            villages,
        }
    }

    /// The levels that get charts: the report levels, unless they hold more areas than a
    /// report can show (a country's 2,800 counties would be 22,400 charts).
    pub fn chart_levels(&self) -> &[Level] {
        if self.report_areas <= REPORT_AREAS_LIMIT {
            &self.report_levels
        } else {
            &[]
        }
    }

    /// Levels in totals.csv but not in the report, for the note that says where they went.
    pub fn unreported(&self) -> Vec<Level> {
        self.total_levels
            .iter()
            .copied()
            .filter(|l| !self.report_levels.contains(l))
            .collect()
    }
}

/// The report text for the terminal and totals.md.
pub fn render(plan: &Plan, results: &Results, catalogue: &Catalogue, layout: &Layout) -> String {
    markdown::render(plan, results, catalogue, layout)
}

/// Writes every output into `dir` (a run's staging folder).
#[allow(clippy::too_many_arguments)]
pub fn write(
    dir: &Path,
    plan: &Plan,
    results: &Results,
    layout: &Layout,
    markdown: &str,
    catalogue: &Catalogue,
    warnings: &[Warning],
    charts: &[ChartFile],
) -> Result<()> {
    for chart in charts {
        let path = dir.join(&chart.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, Msg::IoCreateCharts, e))?;
        }
        std::fs::write(&path, &chart.bytes).map_err(|e| Error::io(&path, Msg::IoWriteChart, e))?;
    }
    csv_out::write_totals(
        &dir.join(TOTALS_CSV),
        results,
        &layout.total_levels,
        catalogue,
    )?;
    if layout.villages_csv {
        csv_out::write_villages(&dir.join(VILLAGES_CSV), results, catalogue)?;
    }
    csv_out::write_warnings(&dir.join(WARNINGS_CSV), warnings)?;
    let md = dir.join(TOTALS_MD);
    std::fs::write(&md, markdown).map_err(|e| Error::io(&md, Msg::IoWriteOutput, e))?;
    if !plan.xlsx_output {
        return Ok(());
    }
    let contents = xlsx::Contents {
        plan,
        results,
        layout,
        catalogue,
        warnings,
        charts,
    };
    xlsx::write(&contents, &dir.join(TOTALS_XLSX))
}
