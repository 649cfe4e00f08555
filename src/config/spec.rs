//! The pipeline file as written: a serde mirror of the TOML, with the span of every value a
//! later check may need to point at.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPipeline {
    pub pipeline: RawHeader,
    #[serde(default)]
    pub reference: RawReference,
    #[serde(default)]
    pub plausibility: RawPlausibility,
    #[serde(default)]
    pub inputs: BTreeMap<Spanned<String>, RawInput>,
    #[serde(default)]
    pub charts: RawCharts,
    #[serde(default)]
    pub outputs: RawOutputs,
}

/// `[charts]`: which charts to draw and how; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCharts {
    pub draw: Option<Vec<Spanned<String>>>,
    pub width_cm: Option<Spanned<f64>>,
    pub height_cm: Option<Spanned<f64>>,
    pub dpi: Option<Spanned<u32>>,
    pub formats: Option<Vec<Spanned<String>>>,
    /// `[charts.override.KEY]`: per-chart title, size, dpi or formats.
    #[serde(default, rename = "override")]
    pub overrides: BTreeMap<Spanned<String>, RawChartOverride>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChartOverride {
    pub title: Option<String>,
    pub width_cm: Option<Spanned<f64>>,
    pub height_cm: Option<Spanned<f64>>,
    pub dpi: Option<Spanned<u32>>,
    pub formats: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub name: String,
    /// The report year.
    pub year: Spanned<i32>,
    /// Every year the pipeline reads: a list (`[2015, 2018, 2019]`) or a range
    /// (`"2015..=2019"`). Default: `year`, with `previous_year` and `base_year`.
    pub years: Option<Spanned<RawYears>>,
    pub previous_year: Option<Spanned<i32>>,
    /// The base year of total and average annual growth (年均增长).
    pub base_year: Option<Spanned<i32>>,
    /// The levels to aggregate to, above the village (`["township", "county", "total"]`).
    pub levels: Option<Spanned<Vec<Spanned<String>>>>,
    /// The name of the whole-run total (全省, 全国); default 合计.
    pub total_name: Option<String>,
    pub output: Spanned<String>,
}

/// `years = [2015, 2019]` or `years = "2015..=2019"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawYears {
    List(Vec<i32>),
    Range(String),
}

/// `[outputs]`: what a run writes beyond the totals.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutputs {
    /// villages.csv: "auto" (default: written up to a few thousand villages), true, false.
    pub villages: Option<Spanned<toml::Value>>,
    /// The levels shown in totals.md and on the terminal (default: as many top levels as fit).
    pub report_levels: Option<Spanned<Vec<Spanned<String>>>>,
    /// totals.xlsx (default: written).
    pub xlsx: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReference {
    /// The product catalogue; agristat's own catalogue format.
    pub products: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlausibility {
    pub change_threshold_pct: Option<Spanned<f64>>,
}

/// One path or glob, or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawPaths {
    One(String),
    Many(Vec<String>),
}

impl RawPaths {
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        match self {
            RawPaths::One(p) => std::slice::from_ref(p).iter(),
            RawPaths::Many(ps) => ps.iter(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInput {
    pub path: Spanned<RawPaths>,
    pub encoding: Option<Spanned<String>>,
    #[serde(default)]
    pub columns: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub units: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub ignore_columns: Vec<String>,
    pub expect_every_village: Option<bool>,
    /// Workbooks: the sheet to read, by name, 1-based index or pattern (`"*村"`).
    pub sheet: Option<Spanned<RawSheet>>,
    /// Workbooks: the (first) row of the header, 1-based; default: found.
    pub header_row: Option<Spanned<i64>>,
}

/// `sheet = "青杠村"`, `sheet = 2` or `sheet = "*村"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawSheet {
    Index(i64),
    Name(String),
}
