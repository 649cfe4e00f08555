//! The machine-readable outputs: totals.csv, villages.csv and warnings.csv. UTF-8 without
//! BOM, LF, sorted, sums exact and ratios to four decimals, so other tools can rely on them.

use crate::lang::Msg;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::aggregate::{Results, Row};
use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::figure::{plain, Figure};
use crate::indicators::{self, CSV_RATIO_DECIMALS};
use crate::level::Level;
use crate::warning::Warning;

const DP: u32 = CSV_RATIO_DECIMALS;

fn writer(path: &Path) -> Result<csv::Writer<BufWriter<File>>> {
    let file = File::create(path).map_err(|e| Error::io(path, Msg::IoCreateOutput, e))?;
    Ok(csv::WriterBuilder::new().from_writer(BufWriter::new(file)))
}

fn finish(path: &Path, w: csv::Writer<BufWriter<File>>) -> Result<()> {
    let mut inner = w.into_inner().map_err(|e| {
        Error::io(
            path,
            Msg::IoWriteOutput,
            std::io::Error::other(e.to_string()),
        )
    })?;
    inner
        .flush()
        .map_err(|e| Error::io(path, Msg::IoWriteOutput, e))?;
    inner
        .into_inner()
        .map_err(|e| Error::io(path, Msg::IoWriteOutput, e.into_error()))?
        .sync_all()
        .map_err(|e| Error::io(path, Msg::IoWriteOutput, e))
}

fn io(path: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| {
        Error::io(
            path,
            Msg::IoWriteOutput,
            std::io::Error::other(e.to_string()),
        )
    }
}

/// A number as totals.csv writes it: exact, without trailing zeros; empty when there is none.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Plain(pub Option<Decimal>);

impl Serialize for Plain {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self.0 {
            Some(v) => s.serialize_str(&plain(v)),
            None => s.serialize_str(""),
        }
    }
}

/// The figures of one row as totals.csv states them: sums exact, ratios and rates to 4
/// decimals. totals.xlsx stores the same numbers.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Figures {
    pub value: Plain,
    pub previous_value: Plain,
    pub change: Plain,
    pub growth_pct: Plain,
    pub base_value: Plain,
    pub growth_since_base_pct: Plain,
    pub avg_annual_growth_pct: Plain,
}

impl Figures {
    pub fn of(f: &Figure, indicator: &indicators::Indicator) -> Figures {
        let exact = indicator.ratio.is_none();
        let base = f.base.map(|b| Figure {
            num: b.num,
            den: b.den,
            ..Figure::sum(0, None, None)
        });
        let (value, previous, change, base_value) = if exact {
            (
                f.exact_value(indicator),
                f.exact_previous(indicator),
                f.exact_value(indicator)
                    .zip(f.exact_previous(indicator))
                    .and_then(|(a, b)| a.checked_sub(b)),
                base.and_then(|b| b.exact_value(indicator)),
            )
        } else {
            (
                f.value(indicator, DP),
                f.previous(indicator, DP),
                f.change(indicator, DP),
                base.and_then(|b| b.value(indicator, DP)),
            )
        };
        Figures {
            value: Plain(value),
            previous_value: Plain(previous),
            change: Plain(change),
            growth_pct: Plain(f.growth_pct_dp(indicator, DP)),
            base_value: Plain(base_value),
            growth_since_base_pct: Plain(f.growth_since_base_pct(indicator, DP)),
            avg_annual_growth_pct: Plain(f.average_annual_growth_pct(indicator, DP)),
        }
    }
}

/// The columns naming a row's area in totals.csv.
#[derive(Serialize)]
struct TotalArea<'a> {
    year: i32,
    level: &'static str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    area_code: &'a str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    area_name: &'a str,
}

/// The columns naming a row's village in villages.csv.
#[derive(Serialize)]
struct VillageArea<'a> {
    year: i32,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    township_code: &'a str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    village_code: &'a str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    village_name: &'a str,
}

/// What a row's figures are: the columns between its area and its `Figures`.
#[derive(Serialize)]
struct Measured<'a> {
    indicator: &'static str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    item: &'a str,
    unit: String,
}

/// One line of totals.csv or villages.csv: the area's columns (`A`), what is measured, the
/// figures. csv writes a tuple of structs as one record, its header from their fields.
type FigureRow<'a, A> = (A, Measured<'a>, Figures);

fn write_rows<A: Serialize>(
    path: &Path,
    results: &Results,
    levels: &[Level],
    catalogue: &Catalogue,
    header: &[&str],
    area: impl Fn(&Row) -> A,
) -> Result<()> {
    let mut w = writer(path)?;
    let mut failed = None;
    let mut rows = 0usize;
    results.for_each_row(levels, |row| {
        if failed.is_none() {
            rows += 1;
            let def = row.ind.def();
            let item = results.item(row.item);
            let record: FigureRow<'_, A> = (
                area(row),
                Measured {
                    indicator: def.key,
                    item,
                    unit: indicators::unit_of(def, item, catalogue),
                },
                Figures::of(&row.figure, def),
            );
            failed = w.serialize(record).err();
        }
    });
    if let Some(e) = failed {
        return Err(io(path)(e));
    }
    if rows == 0 {
        w.write_record(header).map_err(io(path))?;
    }
    finish(path, w)
}

/// Rows of the levels above the village.
pub fn write_totals(
    path: &Path,
    results: &Results,
    levels: &[Level],
    catalogue: &Catalogue,
) -> Result<()> {
    let header = with_figures(&["year", "level", "area_code", "area_name"]);
    write_rows(path, results, levels, catalogue, &header, |row| {
        let areas = results.areas(row.level);
        TotalArea {
            year: row.year,
            level: row.level.key(),
            area_code: &areas.codes[row.area as usize],
            area_name: &areas.names[row.area as usize],
        }
    })
}

/// The columns every figure row ends with, after the ones naming its area.
fn with_figures<'a>(area: &[&'a str]) -> Vec<&'a str> {
    let mut header = area.to_vec();
    header.extend([
        "indicator",
        "item",
        "unit",
        "value",
        "previous_value",
        "change",
        "growth_pct",
        "base_value",
        "growth_since_base_pct",
        "avg_annual_growth_pct",
    ]);
    header
}

/// The per-village figures behind every total (and the charts' input), with each village's
/// township.
pub fn write_villages(path: &Path, results: &Results, catalogue: &Catalogue) -> Result<()> {
    let villages = results.areas(Level::Village);
    let header = with_figures(&["year", "township_code", "village_code", "village_name"]);
    write_rows(
        path,
        results,
        &[Level::Village],
        catalogue,
        &header,
        |row| VillageArea {
            year: row.year,
            township_code: results.parent_code(row.year, row.area),
            village_code: &villages.codes[row.area as usize],
            village_name: &villages.names[row.area as usize],
        },
    )
}

/// One line of warnings.csv (and of the warnings sheet of totals.xlsx).
#[derive(Serialize)]
pub struct WarningRow<'a> {
    pub check: &'static str,
    pub year: i32,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    pub village_code: &'a str,
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    pub message: &'a str,
}

impl WarningRow<'_> {
    pub const HEADER: [&'static str; 7] = [
        "check",
        "year",
        "village_code",
        "file",
        "line",
        "column",
        "message",
    ];

    pub fn of(warning: &Warning) -> WarningRow<'_> {
        let at = warning.location.as_ref();
        WarningRow {
            check: warning.check.key(),
            year: warning.year,
            village_code: &warning.village_code,
            // A workbook's sheet follows its file, as in messages: book.xlsx[青杠村].
            file: at.map_or_else(String::new, |at| match &at.sheet {
                Some(sheet) => format!("{}[{sheet}]", at.file.display()),
                None => at.file.display().to_string(),
            }),
            line: at.map(|at| at.line),
            column: at.map(|at| at.column),
            message: &warning.message,
        }
    }
}

pub fn write_warnings(path: &Path, warnings: &[Warning]) -> Result<()> {
    let mut w = writer(path)?;
    let err = io(path);
    if warnings.is_empty() {
        w.write_record(WarningRow::HEADER).map_err(&err)?;
    }
    for warning in warnings {
        w.serialize(WarningRow::of(warning)).map_err(&err)?;
    }
    finish(path, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of(record: impl Serialize) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(record).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        text.lines().next().unwrap().to_string()
    }

    #[test]
    fn the_header_of_an_empty_file_is_the_header_of_its_rows() {
        let row: FigureRow<'_, _> = (
            TotalArea {
                year: 2019,
                level: "township",
                area_code: "",
                area_name: "",
            },
            Measured {
                indicator: "population",
                item: "",
                unit: String::new(),
            },
            Figures::default(),
        );
        let expected = with_figures(&["year", "level", "area_code", "area_name"]).join(",");
        assert_eq!(header_of(row), expected);
        let village: FigureRow<'_, _> = (
            VillageArea {
                year: 2019,
                township_code: "",
                village_code: "",
                village_name: "",
            },
            Measured {
                indicator: "population",
                item: "",
                unit: String::new(),
            },
            Figures::default(),
        );
        let expected = with_figures(&["year", "township_code", "village_code", "village_name"]);
        assert_eq!(header_of(village), expected.join(","));
        let warning = Warning {
            year: 2019,
            village_code: String::new(),
            check: crate::warning::Check::ChartSkipped,
            location: None,
            message: String::new(),
        };
        assert_eq!(
            header_of(WarningRow::of(&warning)),
            WarningRow::HEADER.join(",")
        );
    }
}
