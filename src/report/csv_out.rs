//! The machine-readable outputs: totals.csv, villages.csv and warnings.csv. UTF-8 without
//! BOM, LF, sorted, sums exact and ratios to four decimals, so other tools can rely on them.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::columns::Columns;
use super::values::plain;
use crate::aggregate::indicators::{self, CSV_RATIO_DECIMALS};
use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::validate::Warning;

const DP: u32 = CSV_RATIO_DECIMALS;

fn writer(path: &Path) -> Result<csv::Writer<BufWriter<File>>> {
    let file = File::create(path).map_err(|e| Error::io(path, "creating an output file", e))?;
    Ok(csv::WriterBuilder::new().from_writer(BufWriter::new(file)))
}

fn finish(path: &Path, w: csv::Writer<BufWriter<File>>) -> Result<()> {
    let mut inner = w.into_inner().map_err(|e| {
        Error::io(
            path,
            "writing an output file",
            std::io::Error::other(e.to_string()),
        )
    })?;
    inner
        .flush()
        .map_err(|e| Error::io(path, "writing an output file", e))?;
    inner
        .into_inner()
        .map_err(|e| Error::io(path, "writing an output file", e.into_error()))?
        .sync_all()
        .map_err(|e| Error::io(path, "writing an output file", e))
}

fn io(path: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| {
        Error::io(
            path,
            "writing an output file",
            std::io::Error::other(e.to_string()),
        )
    }
}

/// The figures of one row as CSV fields: value, previous_value, change, growth_pct.
fn figures(columns: &Columns, i: usize, indicator: &indicators::Indicator) -> [String; 4] {
    let f = columns.figure(i);
    let exact = indicator.ratio.is_none();
    let show = |v: Option<rust_decimal::Decimal>| v.map_or(String::new(), plain);
    if exact {
        [
            show(f.exact_value(indicator)),
            show(f.exact_previous(indicator)),
            show(
                f.exact_value(indicator)
                    .zip(f.exact_previous(indicator))
                    .map(|(a, b)| a - b),
            ),
            show(f.growth_pct_dp(indicator, DP)),
        ]
    } else {
        [
            show(f.value(indicator, DP)),
            show(f.previous(indicator, DP)),
            show(f.change(indicator, DP)),
            show(f.growth_pct_dp(indicator, DP)),
        ]
    }
}

/// Township and county rows.
pub fn write_totals(path: &Path, columns: &Columns, catalogue: &Catalogue) -> Result<()> {
    write_figures(path, columns, catalogue, false)
}

/// Village rows: the per-village figures behind every total (and the charts' input).
pub fn write_villages(path: &Path, columns: &Columns, catalogue: &Catalogue) -> Result<()> {
    write_figures(path, columns, catalogue, true)
}

/// One row per figure of the village level, or of the levels above it. Village rows name
/// their township where the totals name their level.
fn write_figures(
    path: &Path,
    columns: &Columns,
    catalogue: &Catalogue,
    villages: bool,
) -> Result<()> {
    let mut w = writer(path)?;
    let err = io(path);
    let area: [&str; 4] = if villages {
        ["year", "township_code", "village_code", "village_name"]
    } else {
        ["year", "level", "area_code", "area_name"]
    };
    let header = area.iter().chain(&[
        "indicator",
        "item",
        "unit",
        "value",
        "previous_value",
        "change",
        "growth_pct",
    ]);
    w.write_record(header).map_err(&err)?;
    for i in 0..columns.len() {
        if (columns.level[i] == "village") != villages {
            continue;
        }
        let Some(indicator) = indicators::get(&columns.indicator[i]) else {
            continue;
        };
        let [value, previous, change, growth] = figures(columns, i, indicator);
        let second = if villages {
            &columns.parent_code[i]
        } else {
            &columns.level[i]
        };
        w.write_record([
            columns.year[i].to_string().as_str(),
            second,
            &columns.area_code[i],
            &columns.area_name[i],
            &columns.indicator[i],
            &columns.item[i],
            &indicators::unit_of(indicator, &columns.item[i], catalogue),
            &value,
            &previous,
            &change,
            &growth,
        ])
        .map_err(&err)?;
    }
    finish(path, w)
}

pub fn write_warnings(path: &Path, warnings: &[Warning]) -> Result<()> {
    let mut w = writer(path)?;
    let err = io(path);
    w.write_record([
        "check",
        "year",
        "village_code",
        "file",
        "line",
        "column",
        "message",
    ])
    .map_err(&err)?;
    for warning in warnings {
        let (file, line, column) = match &warning.location {
            Some(at) => (
                at.file.display().to_string(),
                at.line.to_string(),
                at.column.to_string(),
            ),
            None => Default::default(),
        };
        w.write_record([
            warning.check,
            &warning.year.to_string(),
            &warning.village_code,
            &file,
            &line,
            &column,
            &warning.message,
        ])
        .map_err(&err)?;
    }
    finish(path, w)
}
