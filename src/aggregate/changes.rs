//! Plausibility on the aggregated figures: a village figure that moved far on last year.

use polars::prelude::*;

use super::derive::change_checked;
use super::indicators::{self, INDICATORS};
use super::Results;
use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::frame::{collect, Rows};
use crate::report::values::Figure;
use crate::validate::Warning;

pub fn changes(
    results: &Results,
    catalogue: &Catalogue,
    threshold_pct: f64,
) -> Result<Vec<Warning>> {
    let checked: Vec<&str> = INDICATORS
        .iter()
        .map(|i| i.key)
        .filter(|k| change_checked(k))
        .collect();
    let mut is_checked = lit(false);
    for key in checked {
        is_checked = is_checked.or(col("indicator").eq(lit(key)));
    }
    let num = col("num").cast(DataType::Float64);
    let prev = col("prev_num").cast(DataType::Float64);
    let moved = results.frame.clone().lazy().filter(
        col("level")
            .eq(lit("village"))
            .and(is_checked)
            .and(col("prev_num").gt(lit(0i64)))
            .and({
                let growth = (num - prev.clone()) / prev;
                let limit = threshold_pct / 100.0;
                growth.clone().gt(lit(limit)).or(growth.lt(lit(-limit)))
            }),
    );
    let df = collect(moved, "comparing village figures with last year")?;
    let rows = Rows::new(&df);
    let (years, codes, names) = (
        rows.i32("year")?,
        rows.str("area_code")?,
        rows.str("area_name")?,
    );
    let (keys, items) = (rows.str("indicator")?, rows.str("item")?);
    let (nums, prevs) = (rows.i128("num")?, rows.i128("prev_num")?);
    let mut warnings = Vec::new();
    for i in 0..rows.len() {
        let Some(indicator) = indicators::get(&keys[i]) else {
            continue;
        };
        let figure = Figure::sum(nums[i].unwrap_or(0), prevs[i], None);
        let unit = indicators::unit_of(indicator, &items[i], catalogue);
        let label = indicators::item_label(indicator, &items[i], catalogue);
        let year = years[i].unwrap_or(0);
        warnings.push(Warning {
            year,
            village_code: codes[i].clone(),
            check: "change_on_previous_year",
            location: None,
            message: format!(
                "village {} {}: {}{} moved {}% from {} to {year} ({} → {} {unit}; threshold {threshold_pct}%)",
                codes[i],
                names[i],
                label,
                indicator.name_zh,
                figure.growth_pct(indicator).map_or("?".into(), |g| format!("{g:+}")),
                year - 1,
                figure.previous(indicator, 1).map_or(String::new(), |d| d.to_string()),
                figure.value(indicator, 1).map_or(String::new(), |d| d.to_string()),
            ),
        });
    }
    Ok(warnings)
}
