//! Plausibility checks: figures that are possible but suspicious. They never stop a run;
//! they are printed and saved with the outputs so that someone looks at them.

use polars::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::Frames;
use crate::catalogue::{Catalogue, ProductKind};
use crate::config::Plan;
use crate::error::Result;
use crate::frame::{anti_join, collect, inner_join, Rows};
use crate::ingest::table::{FILE, LINE};
use crate::ingest::Inputs;
use crate::schema::TableKind;
pub use crate::warning::{Check, Warning};

/// The row-level checks (missing villages, yields, kg per head). Changes on the previous
/// year need the aggregated figures and are made in `aggregate`.
pub fn check(plan: &Plan, inputs: &Inputs, frames: &Frames) -> Result<Vec<Warning>> {
    let mut warnings = Vec::new();
    warnings.extend(missing_villages(plan, inputs, frames)?);
    warnings.extend(ranges(
        inputs,
        frames,
        TableKind::Crops,
        "crop",
        "sown_area",
        RangeKind::Yield,
    )?);
    warnings.extend(ranges(
        inputs,
        frames,
        TableKind::Slaughter,
        "product",
        "head_count",
        RangeKind::KgPerHead,
    )?);
    Ok(warnings)
}

fn missing_villages(plan: &Plan, inputs: &Inputs, frames: &Frames) -> Result<Vec<Warning>> {
    let Some(registry) = frames.get(&TableKind::Villages) else {
        return Ok(Vec::new());
    };
    let mut warnings = Vec::new();
    for (kind, input) in &plan.inputs {
        if !input.expect_every_village || !kind.has_village() || *kind == TableKind::Villages {
            continue;
        }
        let Some(frame) = frames.get(kind) else {
            continue;
        };
        let missing = anti_join(
            registry
                .clone()
                .lazy()
                .select([col("year"), col("village_code"), col("village_name")]),
            frame.clone().lazy(),
            &["year", "village_code"],
        );
        let df = collect(missing, "finding villages without rows")?;
        let rows = Rows::new(&df);
        let (years, codes, names) = (
            rows.i32("year")?,
            rows.str("village_code")?,
            rows.str("village_name")?,
        );
        let files: Vec<String> = inputs.tables[kind]
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        for i in 0..rows.len() {
            let year = years[i].unwrap_or(0);
            warnings.push(Warning {
                year,
                village_code: codes[i].clone(),
                check: Check::VillageMissing,
                location: None,
                message: format!(
                    "village {} {} is in the registry for {year} but has no rows in {} ({})",
                    codes[i],
                    names[i],
                    kind.name(),
                    files.join(", ")
                ),
            });
        }
    }
    Ok(warnings)
}

#[derive(Clone, Copy)]
enum RangeKind {
    Yield,
    KgPerHead,
}

fn ranges(
    inputs: &Inputs,
    frames: &Frames,
    kind: TableKind,
    item: &str,
    denominator: &str,
    range: RangeKind,
) -> Result<Vec<Warning>> {
    let (Some(table), Some(frame)) = (inputs.tables.get(&kind), frames.get(&kind)) else {
        return Ok(Vec::new());
    };
    let limits = range_frame(&inputs.catalogue, range)?;
    let outside = inner_join(
        frame.clone().lazy().filter(col(denominator).gt(lit(0i64))),
        limits.lazy().rename(["product"], [item], true),
        &[item],
    )
    .with_column(
        (col("output").cast(DataType::Float64) / col(denominator).cast(DataType::Float64))
            .alias("_ratio"),
    )
    .filter(
        col("_ratio")
            .lt(col("_min"))
            .or(col("_ratio").gt(col("_max"))),
    )
    .sort([FILE, LINE], SortMultipleOptions::default());
    let df = collect(outside, "checking plausible ranges")?;
    let rows = Rows::new(&df);
    let (files, lines) = (rows.u32(FILE)?, rows.u32(LINE)?);
    let (years, codes, items) = (
        rows.i32("year")?,
        rows.str("village_code")?,
        rows.str(item)?,
    );
    let (ratios, mins, maxs) = (rows.f64("_ratio")?, rows.f64("_min")?, rows.f64("_max")?);
    let mut warnings = Vec::new();
    for i in 0..rows.len() {
        let name = inputs
            .catalogue
            .get(&items[i])
            .map_or(items[i].as_str(), |p| p.name.as_str());
        let (what, unit) = match range {
            RangeKind::Yield => ("yield", "公斤/亩"),
            RangeKind::KgPerHead => ("output per head", "公斤/头"),
        };
        warnings.push(Warning {
            year: years[i].unwrap_or(0),
            village_code: codes[i].clone(),
            check: match range {
                RangeKind::Yield => Check::YieldOutOfRange,
                RangeKind::KgPerHead => Check::KgPerHeadOutOfRange,
            },
            location: Some(table.location(files[i], lines[i], "output")),
            message: format!(
                "{what} of {name} is {:.2} {unit}, outside the plausible {}–{} {unit}",
                ratios[i].unwrap_or(0.0),
                mins[i].unwrap_or(0.0),
                maxs[i].unwrap_or(0.0)
            ),
        });
    }
    Ok(warnings)
}

fn range_frame(catalogue: &Catalogue, range: RangeKind) -> Result<DataFrame> {
    let (mut codes, mut mins, mut maxs) = (Vec::new(), Vec::new(), Vec::new());
    for p in &catalogue.products {
        let limits = match range {
            RangeKind::Yield if p.kind == ProductKind::Crop => p.yield_range,
            RangeKind::KgPerHead if p.kind == ProductKind::AnimalProduct => p.kg_per_head_range,
            _ => None,
        };
        if let Some((min, max)) = limits {
            codes.push(p.code.clone());
            mins.push(min.to_f64().unwrap_or(0.0));
            maxs.push(max.to_f64().unwrap_or(f64::MAX));
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new("product".into(), codes),
        Column::new("_min".into(), mins),
        Column::new("_max".into(), maxs),
    ])
    .map_err(crate::error::Error::engine("building the plausible ranges"))
}
