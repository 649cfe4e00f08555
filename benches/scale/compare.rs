//! agristat's totals.csv against DuckDB's totals, as exact decimals: every township and
//! county row of the indicators DuckDB computes must be in both, with the same value, unit
//! and area name; with a previous year, agristat's `previous_value` must be DuckDB's value of
//! that year, and `change` (sums only) the exact difference.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

/// The indicators `duckdb_totals.py` computes.
pub const INDICATORS: [&str; 19] = [
    "gross_output_value",
    "grain_sown_area",
    "grain_output",
    "crop_sown_area",
    "crop_output",
    "crop_yield",
    "year_end_stock",
    "offtake",
    "meat_output",
    "egg_output",
    "product_output",
    "dividends",
    "dividend_households",
    "dividend_poor_households",
    "net_income",
    "net_income_per_capita",
    "population",
    "households",
    "poor_households",
];

/// Ratios: their `change` is rounded from exact ratios, not a difference of two rounded ones.
const RATIOS: [&str; 2] = ["crop_yield", "net_income_per_capita"];

/// (year, level, area_code, indicator, item)
type Key = (i32, String, String, String, String);

/// What a row says about its key.
#[derive(Debug, Default)]
struct Figure {
    area_name: String,
    unit: String,
    value: String,
    previous: String,
    change: String,
}

/// A decimal written without trailing zeros (`7565.0260` → `7565.026`, `12.000` → `12`).
pub fn normalize(v: &str) -> String {
    let v = v.trim();
    let v = if v.contains('.') {
        v.trim_end_matches('0').trim_end_matches('.')
    } else {
        v
    };
    if v == "-0" {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// Reads the township and county rows of the compared indicators from a totals CSV.
fn read(path: &Path) -> Result<BTreeMap<Key, Figure>, String> {
    let at = |e: csv::Error| format!("{}: {e}", path.display());
    let mut reader = csv::Reader::from_path(path).map_err(at)?;
    let headers = reader.headers().map_err(at)?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut need = Vec::new();
    for name in [
        "year",
        "level",
        "area_code",
        "area_name",
        "indicator",
        "item",
        "unit",
        "value",
    ] {
        need.push(col(name).ok_or(format!("{}: no column {name}", path.display()))?);
    }
    let optional = [col("previous_value"), col("change")];
    let mut rows = BTreeMap::new();
    for record in reader.records() {
        let r = record.map_err(at)?;
        let cell = |i: usize| r.get(i).unwrap_or("").to_string();
        let [year, level, area, name, indicator, item, unit, value] =
            [0, 1, 2, 3, 4, 5, 6, 7].map(|i| cell(need[i]));
        if !matches!(level.as_str(), "township" | "county")
            || !INDICATORS.contains(&indicator.as_str())
        {
            continue;
        }
        let year: i32 = year
            .parse()
            .map_err(|_| format!("{}: year {year:?}", path.display()))?;
        let [previous, change] = optional.map(|i| normalize(&i.map(cell).unwrap_or_default()));
        let figure = Figure {
            area_name: name,
            unit,
            value: normalize(&value),
            previous,
            change,
        };
        let key = (year, level, area, indicator, item);
        if let Some(_twice) = rows.insert(key.clone(), figure) {
            return Err(format!("{}: row {key:?} twice", path.display()));
        }
    }
    Ok(rows)
}

/// The outcome: how many figures were compared, and every difference found.
pub struct Comparison {
    pub compared: usize,
    pub differences: Vec<String>,
}

/// Compares agristat's `totals` with DuckDB's `reference`.
pub fn compare(totals: &Path, reference: &Path) -> Result<Comparison, String> {
    let ours = read(totals)?;
    let theirs = read(reference)?;
    let agristat_years: BTreeSet<i32> = ours.keys().map(|k| k.0).collect();
    let mut out = Comparison {
        compared: 0,
        differences: Vec::new(),
    };
    for (key, want) in &theirs {
        match ours.get(key) {
            Some(got) => {
                out.compared += 1;
                check_row(key, got, want, &mut out.differences);
            }
            // A year agristat does not report rows for: checked as previous values below.
            None if !agristat_years.contains(&key.0) => {}
            None => out.differences.push(format!(
                "{key:?}: missing in agristat (DuckDB: {})",
                want.value
            )),
        }
    }
    for (key, got) in &ours {
        if !theirs.contains_key(key) {
            out.differences
                .push(format!("{key:?}: {} only in agristat", got.value));
        }
        let mut last = key.clone();
        last.0 -= 1;
        let previous = theirs.get(&last).map(|f| f.value.as_str()).unwrap_or("");
        if got.previous != previous {
            out.differences.push(format!(
                "{key:?}: previous_value {:?}, DuckDB's {} value {previous:?}",
                got.previous, last.0
            ));
        }
        check_change(key, got, &mut out.differences);
    }
    Ok(out)
}

fn check_row(key: &Key, got: &Figure, want: &Figure, differences: &mut Vec<String>) {
    for (what, a, b) in [
        ("value", &got.value, &want.value),
        ("unit", &got.unit, &want.unit),
        ("area_name", &got.area_name, &want.area_name),
    ] {
        if a != b {
            differences.push(format!(
                "{key:?}: {what} {a:?} in agristat, {b:?} in DuckDB"
            ));
        }
    }
}

/// `change` of a sum is exactly value − previous_value.
fn check_change(key: &Key, got: &Figure, differences: &mut Vec<String>) {
    if RATIOS.contains(&key.3.as_str()) || got.previous.is_empty() {
        return;
    }
    let parse = |s: &str| Decimal::from_str(s).ok();
    let expected = match (parse(&got.value), parse(&got.previous)) {
        (Some(v), Some(p)) => normalize(&(v - p).to_string()),
        _ => return,
    };
    if got.change != expected {
        differences.push(format!(
            "{key:?}: change {:?}, but value − previous_value = {expected}",
            got.change
        ));
    }
}
