//! Village tables to facts: one long frame of (year, village_code, measure, item, value),
//! every value an exact integer in canonical units × 10^8. Quantities carry 4 decimals from
//! ingest; a product with a price or a grain factor (also 4 decimals) needs 8.

use polars::prelude::*;

use super::indicators::{GOV_AT_PREVIOUS_PRICES, INCOME_COMPONENTS};
use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::frame::{concat_frames, inner_join, left_join};
use crate::ingest::number::SCALE;
use crate::ingest::table::{FILE, LINE};
use crate::schema::TableKind;
use crate::validate::Frames;

/// Fixed-point scale of fact values: 10^8 canonical units.
pub const FACT_SCALE: i128 = (SCALE as i128) * (SCALE as i128);

/// The catalogue as a frame, for joins.
pub fn catalogue_frame(catalogue: &Catalogue) -> Result<DataFrame> {
    let p = &catalogue.products;
    DataFrame::new_infer_height(vec![
        Column::new(
            "product".into(),
            p.iter().map(|x| x.code.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "group".into(),
            p.iter().map(|x| x.group.clone()).collect::<Vec<_>>(),
        ),
        Column::new(
            "sector".into(),
            p.iter()
                .map(|x| x.sector.code().to_string())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "grain_factor".into(),
            p.iter().map(|x| x.grain_factor).collect::<Vec<_>>(),
        ),
        Column::new(
            "species".into(),
            p.iter().map(|x| x.species.clone()).collect::<Vec<_>>(),
        ),
    ])
    .map_err(Error::engine("building the catalogue frame"))
}

/// One measure from a table's rows. Every fact keeps where it came from (`_table`, the
/// row's own item as `_source`, `_file`, `_line`), so that `explain` can list them.
fn fact(frame: LazyFrame, measure: &str, item: Expr, value: Expr) -> LazyFrame {
    frame.select([
        col("year"),
        col("village_code"),
        lit(measure).alias("measure"),
        item.cast(DataType::String).alias("item"),
        value.cast(DataType::Int128).alias("value"),
        col("_table"),
        col("_source"),
        col(FILE),
        col(LINE),
    ])
}

/// Computes a frame that many facts read, once.
fn materialize(frame: LazyFrame) -> Result<LazyFrame> {
    Ok(crate::frame::collect(frame, "joining the catalogue")?.lazy())
}

/// A table's frame with its name and the field that names each row's item.
fn tagged(frames: &Frames, kind: TableKind, source: Option<&str>) -> Option<LazyFrame> {
    let source = source.map_or(lit(""), col);
    frames.get(&kind).map(|df| {
        df.clone().lazy().with_columns([
            lit(kind.name()).alias("_table"),
            source.cast(DataType::String).alias("_source"),
        ])
    })
}

/// A quantity of 4 decimals raised to the fact scale.
fn quantity(name: &str) -> Expr {
    col(name).cast(DataType::Int128) * lit(SCALE)
}

fn product(a: &str, b: &str) -> Expr {
    col(a).cast(DataType::Int128) * col(b).cast(DataType::Int128)
}

fn total() -> Expr {
    lit("")
}

/// All facts of all tables.
pub fn facts(frames: &Frames, catalogue: &Catalogue) -> Result<LazyFrame> {
    let products = catalogue_frame(catalogue)?.lazy();
    let prices = frames.get(&TableKind::Prices).map(|p| {
        p.clone()
            .lazy()
            .select([col("year"), col("product"), col("price")])
    });
    let mut parts = Vec::new();

    if let Some(crops) = tagged(frames, TableKind::Crops, Some("crop")) {
        let crops = materialize(inner_join(
            crops.with_column(col("crop").alias("product")),
            products.clone(),
            &["product"],
        ))?;
        parts.push(fact(
            crops.clone(),
            "crop_sown_area",
            col("crop"),
            quantity("sown_area"),
        ));
        parts.push(fact(
            crops.clone(),
            "crop_output",
            col("crop"),
            quantity("output"),
        ));
        let grain = crops.clone().filter(col("grain_factor").gt(lit(0i64)));
        parts.push(fact(
            grain.clone(),
            "grain_sown_area",
            total(),
            quantity("sown_area"),
        ));
        parts.push(fact(
            grain,
            "grain_output",
            total(),
            product("output", "grain_factor"),
        ));
        if let Some(prices) = &prices {
            parts.extend(valued(crops, prices.clone()));
        }
    }
    if let Some(slaughter) = tagged(frames, TableKind::Slaughter, Some("product")) {
        let slaughter = materialize(inner_join(slaughter, products.clone(), &["product"]))?;
        parts.push(fact(
            slaughter.clone(),
            "product_output",
            col("product"),
            quantity("output"),
        ));
        let meat = slaughter.clone().filter(col("group").eq(lit("meat")));
        parts.push(fact(
            meat.clone(),
            "meat_output",
            total(),
            quantity("output"),
        ));
        let eggs = slaughter.clone().filter(col("group").eq(lit("egg")));
        parts.push(fact(eggs, "egg_output", total(), quantity("output")));
        let offtake = meat.filter(
            col("species")
                .is_not_null()
                .and(col("head_count").is_not_null()),
        );
        parts.push(fact(
            offtake,
            "offtake",
            col("species"),
            quantity("head_count"),
        ));
        if let Some(prices) = &prices {
            parts.extend(valued(slaughter, prices.clone()));
        }
    }
    if let Some(livestock) = tagged(frames, TableKind::Livestock, Some("species")) {
        parts.push(fact(
            livestock,
            "year_end_stock",
            col("species"),
            quantity("year_end_stock"),
        ));
    }
    if let Some(other) = tagged(frames, TableKind::OtherOutput, Some("sector")) {
        for measure in ["gross_output_value", GOV_AT_PREVIOUS_PRICES] {
            parts.push(fact(other.clone(), measure, total(), quantity("value")));
            parts.push(fact(
                other.clone(),
                measure,
                col("sector"),
                quantity("value"),
            ));
        }
    }
    if let Some(d) = tagged(frames, TableKind::Dividends, Some("project")) {
        parts.push(fact(d.clone(), "dividends", total(), quantity("amount")));
        parts.push(fact(
            d.clone(),
            "dividends",
            col("project"),
            quantity("amount"),
        ));
        parts.push(fact(
            d.clone(),
            "dividend_households",
            total(),
            quantity("households"),
        ));
        parts.push(fact(
            d,
            "dividend_poor_households",
            total(),
            quantity("poor_households"),
        ));
    }
    if let Some(income) = tagged(frames, TableKind::Income, None) {
        let mut sum = lit(0i64).cast(DataType::Int128);
        for (component, _) in INCOME_COMPONENTS {
            parts.push(fact(
                income.clone(),
                "net_income",
                lit(component),
                quantity(component),
            ));
            sum = sum + quantity(component);
        }
        parts.push(fact(income, "net_income", total(), sum));
    }
    if let Some(r) = tagged(frames, TableKind::Villages, None) {
        for measure in ["population", "households", "poor_households"] {
            parts.push(fact(r.clone(), measure, total(), quantity(measure)));
        }
    }
    concat_frames(parts)
}

/// Output value at this year's prices, and at last year's (for comparable growth). A product
/// without last year's price gets no comparable value; validation reports it.
fn valued(rows: LazyFrame, prices: LazyFrame) -> Vec<LazyFrame> {
    let current = inner_join(rows.clone(), prices.clone(), &["year", "product"]);
    let last_year = prices.select([
        (col("year") + lit(1i32)).alias("year"),
        col("product"),
        col("price"),
    ]);
    let previous = inner_join(rows, last_year, &["year", "product"]);
    let mut out = Vec::new();
    for (measure, frame) in [
        ("gross_output_value", current),
        (GOV_AT_PREVIOUS_PRICES, previous),
    ] {
        out.push(fact(
            frame.clone(),
            measure,
            total(),
            product("output", "price"),
        ));
        out.push(fact(
            frame,
            measure,
            col("sector"),
            product("output", "price"),
        ));
    }
    out
}

/// Attaches each fact to its township and county through the registry.
pub fn located(facts: LazyFrame, frames: &Frames) -> Result<LazyFrame> {
    let registry = frames
        .get(&TableKind::Villages)
        .map(|r| {
            r.clone().lazy().select([
                col("year"),
                col("village_code"),
                col("township_code"),
                col("county_code"),
            ])
        })
        .ok_or_else(|| Error::Engine {
            step: "locating villages",
            source: PolarsError::ComputeError("no village registry".into()),
        })?;
    Ok(left_join(facts, registry, &["year", "village_code"]))
}
