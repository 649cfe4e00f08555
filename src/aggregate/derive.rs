//! Sums to indicators: ratios of sums, comparable-price values, and last year's figures.
//! The result keeps numerators and denominators apart, so that each figure is divided and
//! rounded exactly once, when it is written.

use polars::prelude::*;

use super::indicators::{Aggregation, GOV_AT_PREVIOUS_PRICES, INDICATORS};
use crate::error::Result;
use crate::frame::{concat_frames, inner_join, left_join};

const AREA: [&str; 3] = ["year", "level", "area_code"];
const ROW: [&str; 5] = ["year", "level", "area_code", "indicator", "item"];

fn measure(sums: &LazyFrame, name: &str) -> LazyFrame {
    sums.clone().filter(col("measure").eq(lit(name)))
}

fn no_value() -> Expr {
    lit(NULL).cast(DataType::Int128)
}

/// One row per (year, level, area_code, indicator, item) with `num`, `den` (null for sums),
/// `comp` (gross output value at last year's prices), `prev_num` and `prev_den`.
pub fn derive(sums: LazyFrame) -> Result<LazyFrame> {
    // Every measure but the comparable-price value is itself a sum indicator of the same
    // key (see `facts`), so one filter serves them all.
    let mut parts = vec![sums
        .clone()
        .filter(col("measure").neq(lit(GOV_AT_PREVIOUS_PRICES)))
        .select([
            col("year"),
            col("level"),
            col("area_code"),
            col("measure").alias("indicator"),
            col("item"),
            col("value").alias("num"),
            no_value().alias("den"),
        ])];
    for indicator in INDICATORS {
        let Some(ratio) = indicator.ratio else {
            continue;
        };
        let num = measure(&sums, ratio.numerator).select([
            col("year"),
            col("level"),
            col("area_code"),
            col("item"),
            col("value").alias("num"),
        ]);
        let year = if ratio.previous_year {
            col("year") + lit(1i32)
        } else {
            col("year")
        };
        let mut den = measure(&sums, ratio.denominator);
        if !ratio.same_item {
            den = den.filter(col("item").eq(lit("")));
        }
        let den = den.select([
            year.alias("year"),
            col("level"),
            col("area_code"),
            col("item"),
            col("value").alias("den"),
        ]);
        let joined = if ratio.same_item {
            inner_join(num, den, &["year", "level", "area_code", "item"])
        } else {
            inner_join(num, den.drop(cols(["item"])), &AREA)
        };
        parts.push(joined.select([
            col("year"),
            col("level"),
            col("area_code"),
            lit(indicator.key).alias("indicator"),
            col("item"),
            col("num"),
            col("den"),
        ]));
    }
    // Collected once: both sides of the join with last year read it.
    let current = crate::frame::collect(concat_frames(parts)?, "deriving the indicators")?.lazy();

    let comparable = measure(&sums, GOV_AT_PREVIOUS_PRICES).select([
        col("year"),
        col("level"),
        col("area_code"),
        lit("gross_output_value").alias("indicator"),
        col("item"),
        col("value").alias("comp"),
    ]);
    let previous = current.clone().select([
        (col("year") + lit(1i32)).alias("year"),
        col("level"),
        col("area_code"),
        col("indicator"),
        col("item"),
        col("num").alias("prev_num"),
        col("den").alias("prev_den"),
    ]);
    let out = left_join(left_join(current, comparable, &ROW), previous, &ROW)
        .sort(ROW, SortMultipleOptions::default());
    Ok(out)
}

/// Indicators whose village figures are compared with last year for plausibility.
pub fn change_checked(key: &str) -> bool {
    INDICATORS.iter().any(|i| {
        i.key == key
            && matches!(i.aggregation, Aggregation::Sum | Aggregation::Stock)
            && key != "dividends"
    })
}
