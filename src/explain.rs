//! `explain`: the village rows behind a total, with their files and lines, from the current
//! run, so that a correction can be checked at its source.

use std::path::Path;

use polars::prelude::*;

use crate::aggregate::facts;
use crate::aggregate::indicators::{self, Indicator};
use crate::config;
use crate::error::{did_you_mean, Error, Location, Problem, Result};
use crate::frame::{collect, left_join, Rows};
use crate::ingest;
use crate::ingest::table::{FILE, LINE};
use crate::report::values::{plain, Figure};
use crate::schema::TableKind;
use crate::vintage::manifest::input_path;
use crate::vintage::{revisions, Store};

fn usage(what: String, hint: Option<String>, at: &Path) -> Error {
    Error::Config(vec![Problem::new(Location::file(at), what).with_hint(hint)])
}

/// Lists the rows that make up `indicator` (optionally one `item`) for `area` (a village,
/// township or county code) in `year` (default: the pipeline's year).
pub fn explain(
    pipeline: &Path,
    indicator: &str,
    area: &str,
    item: Option<&str>,
    year: Option<i32>,
) -> Result<String> {
    let plan = config::load(pipeline)?;
    let Some(def) = indicators::get(indicator) else {
        let keys = indicators::INDICATORS.iter().map(|i| i.key);
        return Err(usage(
            format!("unknown indicator \"{indicator}\""),
            did_you_mean(indicator, keys),
            pipeline,
        ));
    };
    let year = year.unwrap_or(plan.year);
    let store = Store::new(&plan.output_dir);
    let Some(current) = store.current() else {
        return Err(usage(
            "no run yet: run the pipeline first".into(),
            None,
            store.root(),
        ));
    };
    let (manifest, frames, results) = revisions::load_side(&store.run_dir(&current))?;
    let (catalogue, _) = ingest::read_catalogue(&plan)?;
    // The item as the user wrote it: a catalogue code or name, a sector, a project.
    let item_code = match item {
        None => String::new(),
        Some(i) => catalogue
            .products
            .iter()
            .find(|p| p.name == i || p.aliases.iter().any(|a| a == i))
            .map_or(i.to_string(), |p| p.code.clone()),
    };

    let total = collect(
        results.clone().lazy().filter(
            col("year")
                .eq(lit(year))
                .and(col("area_code").eq(lit(area)))
                .and(col("indicator").eq(lit(indicator)))
                .and(col("item").eq(lit(item_code.as_str()))),
        ),
        "finding the total",
    )?;
    let rows = Rows::new(&total);
    if rows.is_empty() {
        return Err(usage(
            format!("no figure for {indicator} {item_code} of area \"{area}\" in {year} in run {current}"),
            None,
            store.root(),
        ));
    }
    let (level, name) = (
        rows.str("level")?[0].clone(),
        rows.str("area_name")?[0].clone(),
    );
    let figure = Figure {
        num: rows.i128("num")?[0].unwrap_or(0),
        den: rows.i128("den")?[0],
        comp: None,
        prev_num: None,
        prev_den: None,
    };
    let unit = indicators::unit_of(def, &item_code, &catalogue);
    let value = if def.ratio.is_some() {
        figure.value(def, 4)
    } else {
        figure.exact_value(def)
    };
    let label = indicators::item_label(def, &item_code, &catalogue);
    let mut out = format!(
        "{indicator}{}{label} ({}) {year}, {name} ({level} {area}), run {current}: {} {unit}\n",
        if label.is_empty() { "" } else { " " },
        def.name_zh,
        value.map_or("—".to_string(), plain)
    );

    let located = facts::located(facts::facts(&frames, &catalogue)?, &frames)?;
    let in_area = col("village_code")
        .eq(lit(area))
        .or(col("township_code").eq(lit(area)))
        .or(col("county_code").eq(lit(area)));
    let parts: Vec<(&str, &Indicator, Option<i32>, bool)> = match def.ratio {
        None => vec![(def.key, def, None, false)],
        Some(r) => vec![
            (
                r.numerator,
                indicators::get(r.numerator).unwrap_or(def),
                None,
                false,
            ),
            (
                r.denominator,
                indicators::get(r.denominator).unwrap_or(def),
                r.previous_year.then_some(1),
                !r.same_item,
            ),
        ],
    };
    if let Some(r) = def.ratio {
        out.push_str(&format!(
            "  = Σ {} ÷ Σ {}{}\n",
            r.numerator,
            r.denominator,
            if r.multiplier == 100 { " × 100" } else { "" }
        ));
    }
    let names = frames
        .get(&TableKind::Villages)
        .map(|r| {
            r.clone()
                .lazy()
                .select([col("year"), col("village_code"), col("village_name")])
        })
        .ok_or_else(|| usage("the run has no village registry".into(), None, store.root()))?;
    for (measure, measure_def, back, total_item) in parts {
        let wanted_item = if total_item { "" } else { item_code.as_str() };
        let selected = located
            .clone()
            .filter(
                col("year")
                    .eq(lit(year - back.unwrap_or(0)))
                    .and(col("measure").eq(lit(measure)))
                    .and(col("item").eq(lit(wanted_item)))
                    .and(in_area.clone()),
            )
            .sort(["_table", FILE, LINE], SortMultipleOptions::default());
        let df = collect(
            left_join(selected, names.clone(), &["year", "village_code"]),
            "listing the rows",
        )?;
        let rows = Rows::new(&df);
        let (tables, files, lines) = (rows.str("_table")?, rows.u32(FILE)?, rows.u32(LINE)?);
        let (codes, village_names, sources, values) = (
            rows.str("village_code")?,
            rows.str("village_name")?,
            rows.str("_source")?,
            rows.i128("value")?,
        );
        let unit = indicators::unit_of(measure_def, wanted_item, &catalogue);
        out.push_str(&format!(
            "  {measure} ({} {year_shown}): {} row(s)\n",
            measure_def.name_zh,
            rows.len(),
            year_shown = year - back.unwrap_or(0)
        ));
        for i in 0..rows.len() {
            let path = input_path(&manifest.inputs, &tables[i], files[i]);
            let source = catalogue
                .get(&sources[i])
                .map_or(sources[i].clone(), |p| p.name.clone());
            let shown = Figure::sum(values[i].unwrap_or(0), None, None).exact_value(measure_def);
            out.push_str(&format!(
                "    {path}:{}  {} {}  {} {source}  {} {unit}\n",
                lines[i],
                codes[i],
                village_names[i],
                tables[i],
                shown.map_or(String::new(), plain)
            ));
        }
    }
    Ok(out)
}
