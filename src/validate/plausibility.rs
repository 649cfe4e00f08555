//! Plausibility checks: figures that are possible but suspicious. They never stop a run;
//! they are printed and saved with the outputs so that someone looks at them.

use crate::lang::Msg;
use crate::tr;
use rust_decimal::prelude::ToPrimitive;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::catalogue::{Catalogue, ProductKind};
use crate::config::Plan;
use crate::ingest::Inputs;
use crate::schema::TableKind;
pub use crate::warning::{Check, Warning};

/// The row-level checks (missing villages, yields, kg per head). Changes on the previous
/// year need the aggregated figures and are made in `aggregate`.
pub fn check(plan: &Plan, inputs: &Inputs) -> Vec<Warning> {
    let mut warnings = missing_villages(plan, inputs);
    for (kind, item, denominator, range) in [
        (TableKind::Crops, "crop", "sown_area", RangeKind::Yield),
        (
            TableKind::Slaughter,
            "product",
            "head_count",
            RangeKind::KgPerHead,
        ),
    ] {
        warnings.extend(ranges(inputs, kind, item, denominator, range));
    }
    warnings
}

/// Villages of the registry that have no row in a table every village should report.
fn missing_villages(plan: &Plan, inputs: &Inputs) -> Vec<Warning> {
    let Some(registry) = inputs.tables.get(&TableKind::Villages) else {
        return Vec::new();
    };
    let (Some(registered), Some(names)) = (
        registry.texts("village_code"),
        registry.texts("village_name"),
    ) else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for (kind, input) in &plan.inputs {
        if !input.expect_every_village || !kind.has_village() || *kind == TableKind::Villages {
            continue;
        }
        let Some(table) = inputs.tables.get(kind) else {
            continue;
        };
        let Some(codes) = table.texts("village_code") else {
            continue;
        };
        let in_registry = codes.translate(|code| registered.id_of(code));
        let present: FxHashSet<(i32, u32)> = table
            .years()
            .iter()
            .zip(&in_registry)
            .filter_map(|(y, v)| Some((*y, (*v)?)))
            .collect();
        let files: Vec<String> = table
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        for (row, (&year, &village)) in registry.years().iter().zip(registered.ids()).enumerate() {
            if present.contains(&(year, village)) {
                continue;
            }
            let code = &registered[row];
            warnings.push(Warning {
                year,
                village_code: code.to_string(),
                check: Check::VillageMissing,
                location: None,
                message: tr!(
                    Msg::WarnVillageMissing,
                    code = code,
                    name = &names[row],
                    year = year,
                    table = kind.title(),
                    files = files.join(", ")
                ),
            });
        }
    }
    warnings
}

#[derive(Clone, Copy)]
enum RangeKind {
    Yield,
    KgPerHead,
}

/// Rows whose output per unit of `denominator` is outside the product's plausible range.
fn ranges(
    inputs: &Inputs,
    kind: TableKind,
    item: &str,
    denominator: &str,
    range: RangeKind,
) -> Vec<Warning> {
    let Some(table) = inputs.tables.get(&kind) else {
        return Vec::new();
    };
    let (Some(items), Some(outputs), Some(denominators)) = (
        table.texts(item),
        table.numbers("output"),
        table.numbers(denominator),
    ) else {
        return Vec::new();
    };
    let limits = limits(&inputs.catalogue, range);
    let row_limits = items.translate(|code| limits.get(code).copied());
    let (what, unit) = match range {
        RangeKind::Yield => (Msg::WarnYield, "公斤/亩"),
        RangeKind::KgPerHead => (Msg::WarnKgPerHead, "公斤/头"),
    };
    let mut warnings = Vec::new();
    for row in 0..table.len() {
        let (Some((min, max)), Some(output), Some(den)) =
            (row_limits[row], outputs[row], denominators[row])
        else {
            continue;
        };
        // Both are fixed-point in the same scale, so the scale cancels out.
        let ratio = output as f64 / den as f64;
        if den <= 0 || (min..=max).contains(&ratio) {
            continue;
        }
        let code = &items[row];
        let name = inputs.catalogue.get(code).map_or(code, |p| p.name.as_str());
        warnings.push(Warning {
            year: table.years()[row],
            village_code: table
                .texts("village_code")
                .map_or("", |c| &c[row])
                .to_string(),
            check: match range {
                RangeKind::Yield => Check::YieldOutOfRange,
                RangeKind::KgPerHead => Check::KgPerHeadOutOfRange,
            },
            location: Some(table.location(table.file[row], table.line[row], "output")),
            message: tr!(
                what,
                name = name,
                value = format!("{ratio:.2}"),
                unit = unit,
                min = min,
                max = max
            ),
        });
    }
    warnings
}

/// The plausible range of each product that has one, by catalogue code.
fn limits(catalogue: &Catalogue, range: RangeKind) -> FxHashMap<&str, (f64, f64)> {
    let mut limits = FxHashMap::default();
    for p in &catalogue.products {
        let given = match range {
            RangeKind::Yield if p.kind == ProductKind::Crop => p.yield_range,
            RangeKind::KgPerHead if p.kind == ProductKind::AnimalProduct => p.kg_per_head_range,
            _ => None,
        };
        if let Some((min, max)) = given {
            let min = min.to_f64().unwrap_or(0.0);
            let max = max.to_f64().unwrap_or(f64::MAX);
            limits.insert(p.code.as_str(), (min, max));
        }
    }
    limits
}
