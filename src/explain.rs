//! `explain`: the village rows behind a total, with their files and lines, from the current
//! run, so that a correction can be checked at its source.

use std::path::Path;

use std::collections::BTreeMap;

use crate::aggregate::areas::Hierarchy;
use crate::aggregate::cells::Measure;
use crate::aggregate::facts::{FactSource, Years};
use crate::aggregate::{self, Scope};
use crate::catalogue::Catalogue;
use crate::config;
use crate::error::{did_you_mean, Error, Location, Problem, Result};
use crate::figure::{plain, Figure};
use crate::indicators::{self, Ind, Indicator};
use crate::ingest;
use crate::ingest::Table;
use crate::lang::Msg;
use crate::schema::TableKind;
use crate::tr;
use crate::vintage::manifest::{row_location, Manifest};
use crate::vintage::{snapshot, Store};

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
            tr!(Msg::ExplainUnknownIndicator, indicator = indicator),
            did_you_mean(indicator, keys),
            pipeline,
        ));
    };
    let year = year.unwrap_or(plan.year);
    let store = Store::of_pipeline(&plan.output_dir, pipeline);
    let Some(current) = store.view()?.current else {
        return Err(usage(tr!(Msg::ExplainNoRun), None, store.root()));
    };
    let run_dir = store.run_dir(&current);
    let manifest = Manifest::read(&run_dir.join("manifest.json"))?;
    let frames = snapshot::load_tables(&run_dir)?;
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

    // The figures are aggregated again from the run's own tables: the same code, the same
    // exact sums, at any level (the stored results may leave villages out at scale).
    let tables = tables_of(&frames)?;
    let results = aggregate::aggregate_tables(Scope::of(&plan), &tables, &catalogue)?;
    let found = results.levels().into_iter().find_map(|level| {
        let id = results.areas(level).id(area)?;
        let item = results.items.get(&item_code)?;
        let figure = results.figure(level, year, id, def.id, item)?;
        Some((level, id, figure))
    });
    let Some((level, id, figure)) = found else {
        let message = tr!(
            Msg::ExplainNoFigure,
            indicator = indicator,
            item = item_code,
            area = area,
            year = year,
            run = current
        );
        return Err(usage(message, None, store.root()));
    };
    let name = &results.areas(level).names[id as usize];
    let unit = indicators::unit_of(def, &item_code, &catalogue);
    let value = if def.ratio.is_some() {
        figure.value(def, 4)
    } else {
        figure.exact_value(def)
    };
    let label = indicators::item_label(def, &item_code, &catalogue);
    let head = tr!(
        Msg::ExplainHead,
        indicator = indicator,
        label = if label.is_empty() {
            label
        } else {
            format!(" {label}")
        },
        name = def.name_zh,
        year = year,
        area_name = name,
        level = level.title(),
        area = area,
        run = current,
        value = value.map_or("—".to_string(), plain),
        unit = unit
    );
    let years = Years {
        report: plan.year,
        comparison: plan.previous_year,
        base: plan.base_year,
    };
    let run = Run {
        tables: &tables,
        catalogue: &catalogue,
        manifest: &manifest,
        hierarchy: &results.hierarchy,
        source: FactSource::new(&tables, &catalogue, years),
    };
    Ok(format!(
        "{head}\n{}",
        run.parts(def, area, year, &item_code)
    ))
}

/// What the current run's figures are made of: its tables, its catalogue, where its rows came
/// from, its areas.
struct Run<'a> {
    tables: &'a BTreeMap<TableKind, Table>,
    catalogue: &'a Catalogue,
    manifest: &'a Manifest,
    hierarchy: &'a Hierarchy,
    source: FactSource<'a>,
}

impl Run<'_> {
    /// The sums behind indicator `def` (numerator and denominator for a ratio), each with
    /// the rows that make it up.
    fn parts(&self, def: &Indicator, area: &str, year: i32, item_code: &str) -> String {
        let mut out = String::new();
        let parts: Vec<(Ind, i32, bool)> = match def.ratio {
            None => vec![(def.id, year, false)],
            Some(r) => vec![
                (r.numerator, year, false),
                (
                    r.denominator,
                    if r.previous_year { year - 1 } else { year },
                    !r.same_item,
                ),
            ],
        };
        if let Some(r) = def.ratio {
            out.push_str(&format!(
                "  = Σ {} ÷ Σ {}{}\n",
                r.numerator.key(),
                r.denominator.key(),
                if r.multiplier == 100 { " × 100" } else { "" }
            ));
        }
        for (measure, at, total_item) in parts {
            let wanted_item = if total_item { "" } else { item_code };
            let rows =
                contributing_rows(&self.source, self.hierarchy, area, at, measure, wanted_item);
            let part = tr!(
                Msg::ExplainPart,
                measure = measure.key(),
                name = measure.def().name_zh,
                year = at,
                count = rows.len()
            );
            out.push_str(&format!("  {part}\n"));
            let unit = indicators::unit_of(measure.def(), wanted_item, self.catalogue);
            for (kind, row, value) in rows {
                out.push_str(&self.row_line(kind, row, value, measure, &unit));
            }
        }
        out
    }

    /// One contributing row: where it is, its village, its item and what it adds.
    fn row_line(
        &self,
        kind: TableKind,
        row: usize,
        value: i128,
        measure: Ind,
        unit: &str,
    ) -> String {
        let table = &self.tables[&kind];
        let villages = &self.hierarchy.villages;
        let village = table.texts("village_code").map_or("", |c| &c[row]);
        let village_name = villages
            .id(village)
            .map_or("", |v| villages.names[v as usize].as_str());
        let source_item = item_of(table, row);
        let source_item = self
            .catalogue
            .get(source_item)
            .map_or(source_item.to_string(), |p| p.name.clone());
        let shown = Figure::sum(value, None, None).exact_value(measure.def());
        let at = row_location(
            &self.manifest.inputs,
            kind.name(),
            table.file[row],
            table.line[row],
        );
        format!(
            "    {at}  {village} {village_name}  {} {source_item}  {} {unit}\n",
            kind.name(),
            shown.map_or(String::new(), plain)
        )
    }
}

/// The rows (table, row, value) whose facts make up `measure` × `item` of `area` in `year`.
fn contributing_rows(
    source: &FactSource,
    hierarchy: &Hierarchy,
    area: &str,
    year: i32,
    measure: Ind,
    item: &str,
) -> Vec<(TableKind, usize, i128)> {
    let Some(y) = hierarchy.year_index(year) else {
        return Vec::new();
    };
    let in_area = |village: u32| {
        hierarchy.villages.codes[village as usize] == area
            || hierarchy.levels.iter().any(|l| {
                hierarchy
                    .area_of(l.level, y, village)
                    .is_some_and(|a| l.areas.codes[a as usize] == area)
            })
    };
    let wanted = source.items.get(item);
    let mut out = Vec::new();
    for (kind, table) in source.tables {
        let Some(codes) = table.texts("village_code") else {
            continue;
        };
        for (row, code) in codes.iter().enumerate() {
            let row_year = table.years()[row];
            let village = hierarchy.villages.id(code);
            if row_year != year || !village.is_some_and(in_area) {
                continue;
            }
            let mut sum = 0i128;
            let mut found = false;
            let _ = source.emit::<()>(*kind, row, row_year, &mut |m, i, value, _| {
                if m == Measure::Sum(measure) && Some(i) == wanted {
                    sum += value;
                    found = true;
                }
                Ok(())
            });
            if found {
                out.push((*kind, row, sum));
            }
        }
    }
    out.sort_by_key(|(kind, row, _)| {
        (
            kind.name(),
            source.tables[kind].file[*row],
            source.tables[kind].line[*row],
        )
    });
    out
}

/// The text of a row's item field (crop, species, product, project, sector), if any.
fn item_of(table: &Table, row: usize) -> &str {
    ["crop", "species", "product", "project", "sector"]
        .iter()
        .find_map(|f| table.texts(f))
        .map_or("", |c| &c[row])
}

/// The tables of a stored run, from its frames.
fn tables_of(frames: &crate::vintage::snapshot::Frames) -> Result<BTreeMap<TableKind, Table>> {
    frames
        .iter()
        .map(|(kind, df)| Ok((*kind, Table::from_frame(*kind, df)?)))
        .collect()
}
