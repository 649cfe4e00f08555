//! The aggregation core: validated tables in, indicators at every level out. Pure: no I/O,
//! only polars plans over the frames it is given.

pub mod changes;
pub mod derive;
pub mod facts;
pub mod indicators;
pub mod rollup;

use std::collections::BTreeSet;

use polars::prelude::*;

use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::frame::{collect, concat_frames, left_join};
use crate::schema::TableKind;
use crate::timing::Stages;
use crate::validate::Frames;

/// Every indicator at every level, with area names; sorted by
/// (year, level, area_code, indicator, item).
#[derive(Debug, Clone)]
pub struct Results {
    pub frame: DataFrame,
    /// Whether county rows are present (the registry holds several townships).
    pub has_counties: bool,
}

pub fn aggregate(frames: &Frames, catalogue: &Catalogue) -> Result<Results> {
    let registry = frames
        .get(&TableKind::Villages)
        .ok_or_else(|| Error::Engine {
            step: "aggregating",
            source: PolarsError::ComputeError("no village registry".into()),
        })?;
    let has_counties = township_count(registry)? > 1;
    let levels: &[&str] = if has_counties {
        &["village", "township", "county"]
    } else {
        &["village", "township"]
    };
    // Each stage is collected before the next reads it several times: without polars' CSE
    // (a feature we do not build), a lazy plan used by many branches is recomputed by each.
    let mut clock = Stages::start(4);
    let facts = facts::facts(frames, catalogue)?;
    let located = collect(facts::located(facts, frames)?, "collecting the facts")?;
    clock.lap("facts");
    let sums = collect(rollup::rollup(located.lazy(), levels)?, "summing by area")?;
    clock.lap("sums");
    let derived = collect(derive::derive(sums.lazy())?, "deriving the indicators")?;
    clock.lap("derived");
    let named = left_join(
        derived.lazy(),
        names(registry)?,
        &["year", "level", "area_code"],
    );
    let frame = collect(named, "aggregating the tables")?;
    clock.lap("named");
    Ok(Results {
        frame,
        has_counties,
    })
}

fn township_count(registry: &DataFrame) -> Result<usize> {
    let codes = registry
        .column("township_code")
        .and_then(|c| c.str().cloned())
        .map_err(Error::engine("counting townships"))?;
    Ok(codes.iter().flatten().collect::<BTreeSet<_>>().len())
}

/// Area names and parent codes at each level, from the registry of each year.
fn names(registry: &DataFrame) -> Result<LazyFrame> {
    let r = registry.clone().lazy();
    let level = |level: &str, code: &str, name: &str, parent: Expr| {
        r.clone()
            .select([
                col("year"),
                lit(level).alias("level"),
                col(code).alias("area_code"),
                col(name).alias("area_name"),
                parent.alias("parent_code"),
            ])
            .unique_stable(None, UniqueKeepStrategy::First)
    };
    let frames = vec![
        level(
            "village",
            "village_code",
            "village_name",
            col("township_code"),
        ),
        level(
            "township",
            "township_code",
            "township_name",
            col("county_code"),
        ),
        level("county", "county_code", "county_name", lit("")),
    ];
    // A code that appears with two names in one year keeps the first; the registry's own
    // duplicate check reports repeated village codes.
    let all = concat_frames(frames)?
        .group_by_stable([col("year"), col("level"), col("area_code")])
        .agg([col("area_name").first(), col("parent_code").first()]);
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::number::SCALE;
    use crate::report::values::Figure;

    fn frames() -> Frames {
        // A village of 100 people earning 10,000 元 each and one of 1,000 earning 5,000 each.
        let villages = df!(
            "year" => [2019i32, 2019],
            "village_code" => ["a", "b"],
            "village_name" => ["小村", "大村"],
            "township_code" => ["t", "t"],
            "township_name" => ["镇", "镇"],
            "county_code" => ["c", "c"],
            "county_name" => ["县", "县"],
            "households" => [30 * SCALE, 300 * SCALE],
            "population" => [100 * SCALE, 1000 * SCALE],
            "poor_households" => [0i64, 0],
            "_file" => [0u32, 0],
            "_line" => [2u32, 3],
        )
        .unwrap();
        let income = df!(
            "year" => [2019i32, 2019],
            "village_code" => ["a", "b"],
            "wage_income" => [1_000_000 * SCALE, 5_000_000 * SCALE],
            "business_income" => [0i64, 0],
            "property_income" => [0i64, 0],
            "transfer_income" => [0i64, 0],
            "_file" => [0u32, 0],
            "_line" => [2u32, 3],
        )
        .unwrap();
        Frames::from([(TableKind::Villages, villages), (TableKind::Income, income)])
    }

    fn figure(results: &Results, level: &str, indicator: &str) -> Figure {
        let df = results
            .frame
            .clone()
            .lazy()
            .filter(
                col("level")
                    .eq(lit(level))
                    .and(col("indicator").eq(lit(indicator)))
                    .and(col("item").eq(lit(""))),
            )
            .collect()
            .unwrap();
        assert_eq!(df.height(), 1, "{level} {indicator}");
        let get = |c: &str| df.column(c).unwrap().i128().unwrap().get(0);
        Figure {
            num: get("num").unwrap(),
            den: get("den"),
            comp: None,
            prev_num: None,
            prev_den: None,
        }
    }

    #[test]
    fn per_capita_income_is_a_ratio_of_sums_not_a_mean_of_village_ratios() {
        let results = aggregate(&frames(), &Catalogue::default()).unwrap();
        let per_capita = indicators::get("net_income_per_capita").unwrap();
        let township = figure(&results, "township", "net_income_per_capita");
        // 6,000,000 元 ÷ 1,100 people, not (10,000 + 5,000) ÷ 2 = 7,500.
        assert_eq!(
            township.value(per_capita, 4).unwrap().to_string(),
            "5454.5455"
        );
        let population = figure(&results, "township", "population");
        assert_eq!(
            population
                .exact_value(indicators::get("population").unwrap())
                .unwrap()
                .normalize()
                .to_string(),
            "1100"
        );
        assert!(!results.has_counties);
        // `derive` turns every measure but the comparable-price value into the sum
        // indicator of the same key: each must be a declared indicator.
        let keys = results
            .frame
            .column("indicator")
            .unwrap()
            .str()
            .unwrap()
            .clone();
        for key in keys.iter().flatten() {
            assert!(indicators::get(key).is_some(), "undeclared indicator {key}");
        }
    }
}
