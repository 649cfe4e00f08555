//! Facts to sums at every level of the registry: village, township, county.

use polars::prelude::*;

use crate::error::Result;
use crate::frame::concat_frames;

/// The levels of the registry, with the column that names an area at that level.
pub const LEVELS: [(&str, &str); 3] = [
    ("village", "village_code"),
    ("township", "township_code"),
    ("county", "county_code"),
];

/// Σ value by (year, level, area_code, measure, item). Integer sums: exact at any size.
pub fn rollup(located: LazyFrame, levels: &[&str]) -> Result<LazyFrame> {
    let mut parts = Vec::new();
    for (level, code) in LEVELS {
        if !levels.contains(&level) {
            continue;
        }
        parts.push(
            located
                .clone()
                .group_by([
                    col("year"),
                    col(code).alias("area_code"),
                    col("measure"),
                    col("item"),
                ])
                .agg([col("value").sum()])
                .with_column(lit(level).alias("level")),
        );
    }
    concat_frames(parts)
}
