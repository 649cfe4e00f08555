//! agristat's totals.csv against DuckDB's totals, as exact decimals: every township and
//! county row of the indicators DuckDB computes must be in both, with the same value, unit
//! and area name; with a previous year, agristat's `previous_value` must be DuckDB's value of
//! that year, and for sums `change` the exact difference and `growth_pct` the exact growth
//! rounded half away from zero to 4 decimals (output value at comparable prices).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

/// The indicators `duckdb_totals.py` computes.
pub const INDICATORS: [&str; 20] = [
    "gross_output_value",
    "grain_sown_area",
    "grain_output",
    "crop_sown_area",
    "crop_output",
    "crop_yield",
    "year_end_stock",
    "offtake",
    "offtake_rate",
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

/// DuckDB's output value at last year's prices, for growth at comparable prices.
const GOV_AT_PREVIOUS_PRICES: &str = "gross_output_value_at_previous_prices";

/// Ratios: their `change` and growth come from exact ratios, which DuckDB's rounded ones are
/// not; those two are not checked for ratios.
const RATIOS: [&str; 3] = ["crop_yield", "net_income_per_capita", "offtake_rate"];

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
    growth: String,
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
    let optional = [col("previous_value"), col("change"), col("growth_pct")];
    let mut rows = BTreeMap::new();
    for record in reader.records() {
        let r = record.map_err(at)?;
        let cell = |i: usize| r.get(i).unwrap_or("").to_string();
        let [year, level, area, name, indicator, item, unit, value] =
            [0, 1, 2, 3, 4, 5, 6, 7].map(|i| cell(need[i]));
        if !matches!(level.as_str(), "township" | "county")
            || !(INDICATORS.contains(&indicator.as_str()) || indicator == GOV_AT_PREVIOUS_PRICES)
        {
            continue;
        }
        let year: i32 = year
            .parse()
            .map_err(|_| format!("{}: year {year:?}", path.display()))?;
        let [previous, change, growth] =
            optional.map(|i| normalize(&i.map(cell).unwrap_or_default()));
        let figure = Figure {
            area_name: name,
            unit,
            value: normalize(&value),
            previous,
            change,
            growth,
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

/// The first argument that makes the benchmark binary compare two files and exit.
pub const CHILD: &str = "--compare-totals";

/// `compare` in a child process (this binary with `CHILD`): at a country's size the two
/// tables take gigabytes, which the allocator would keep from the agristat run measured next.
pub fn in_child(totals: &Path, reference: &Path) -> Result<Comparison, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(exe)
        .arg(CHILD)
        .arg(totals)
        .arg(reference)
        .output()
        .map_err(|e| format!("comparing totals: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let compared = lines
        .next()
        .and_then(|l| l.parse().ok())
        .ok_or("comparing totals: no count")?;
    Ok(Comparison {
        compared,
        differences: lines.map(String::from).collect(),
    })
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
    for (key, want) in theirs.iter().filter(|(k, _)| k.3 != GOV_AT_PREVIOUS_PRICES) {
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
        check_growth(key, got, &theirs, &mut out.differences);
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

/// A plain decimal as (digits, decimal places): `-12.5` is (-125, 1).
fn fixed(s: &str) -> Option<(i128, u32)> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits: i128 = format!("{int}{frac}").parse().ok()?;
    Some((digits, frac.len() as u32))
}

/// (now − previous) ÷ previous × 100, rounded half away from zero to 4 decimals, exactly;
/// `None` when previous is zero.
fn growth_pct(now: &str, previous: &str) -> Option<String> {
    let ((n, ns), (p, ps)) = (fixed(now)?, fixed(previous)?);
    let scale = ns.max(ps);
    let (n, p) = (n * 10i128.pow(scale - ns), p * 10i128.pow(scale - ps));
    if p == 0 {
        return None;
    }
    let num = (n - p) * 1_000_000;
    let q = (2 * num.abs() + p.abs()) / (2 * p.abs());
    let q = if (num < 0) != (p < 0) { -q } else { q };
    let sign = if q < 0 { "-" } else { "" };
    let q = q.abs();
    Some(normalize(&format!(
        "{sign}{}.{:04}",
        q / 10_000,
        q % 10_000
    )))
}

/// `growth_pct` of a sum from its exact figures; output value grows at comparable prices
/// (this year's quantities at last year's prices, from DuckDB).
fn check_growth(
    key: &Key,
    got: &Figure,
    theirs: &BTreeMap<Key, Figure>,
    differences: &mut Vec<String>,
) {
    if RATIOS.contains(&key.3.as_str()) {
        return;
    }
    let now = if key.3 == "gross_output_value" {
        let mut comparable = key.clone();
        comparable.3 = GOV_AT_PREVIOUS_PRICES.to_string();
        theirs.get(&comparable).map(|f| f.value.as_str())
    } else {
        Some(got.value.as_str())
    };
    let expected = match now {
        Some(now) if !got.previous.is_empty() => growth_pct(now, &got.previous),
        _ => None,
    };
    let expected = expected.unwrap_or_default();
    if got.growth != expected {
        differences.push(format!(
            "{key:?}: growth_pct {:?}, expected {expected:?} (value {}, previous {:?})",
            got.growth, got.value, got.previous
        ));
    }
}
