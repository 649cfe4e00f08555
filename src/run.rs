//! The commands `run` and `check`, as library calls: read, validate, aggregate, and for
//! `run` write a new vintage and report what changed. The binary only prints the result.

use std::path::{Path, PathBuf};

use crate::aggregate::{self, changes};
use crate::chart;
use crate::config::{self, Plan};
use crate::error::{Error, Result};
use crate::ingest::{self, Cache, Inputs};
use crate::report;
use crate::schema::TableKind;
use crate::timing::Stages;
use crate::validate::{self, plausibility, Frames, Warning};
use crate::vintage::manifest::{self, FileRecord, Headline, InputRecord, Manifest};
use crate::vintage::revisions::{self, Revisions, Side};
use crate::vintage::{revisions_out, snapshot, store, Store};

/// What a successful command has to tell.
#[derive(Debug)]
pub struct Outcome {
    /// The report table (Markdown), as written to totals.md.
    pub report: String,
    pub warnings: Vec<Warning>,
    /// The new run, for `run`.
    pub published: Option<Published>,
}

#[derive(Debug)]
pub struct Published {
    pub id: String,
    /// `OUTPUT/current`, which now shows this run.
    pub current: PathBuf,
    pub manifest: Manifest,
    /// What changed since the previous run (None for the first run).
    pub revisions: Option<Revisions>,
    /// The revision summary for the terminal.
    pub summary: String,
}

/// Validates the pipeline's inputs and computes its figures without writing anything.
pub fn check(pipeline: &Path) -> Result<Outcome> {
    let plan = config::load(pipeline)?;
    let (_, _, _, warnings, report) = compute(&plan, &Cache::disabled())?;
    Ok(Outcome {
        report,
        warnings,
        published: None,
    })
}

/// Validates, aggregates, and publishes a new vintage.
pub fn run(pipeline: &Path) -> Result<Outcome> {
    let plan = config::load(pipeline)?;
    let (time, time_id) = manifest::now();
    let store = Store::new(&plan.output_dir);
    let (inputs, frames, columns, mut warnings, text) =
        compute(&plan, &Cache::at(&store.cache_dir()))?;

    let (charts, chart_warnings) = chart::render_all(&plan, &columns.0, &inputs.catalogue);
    warnings.extend(chart_warnings);
    warnings.sort();

    store.clean()?;
    let staging = store.begin()?;
    let dir = staging.path().to_path_buf();
    report::write(
        &dir,
        &columns.0,
        &text,
        &inputs.catalogue,
        &warnings,
        &charts,
    )?;
    snapshot::save(&dir, &frames, &columns.1.frame)?;
    store::fault_point("after-outputs");

    let pipeline_record = manifest::file_record(pipeline, &pipeline.display().to_string())?;
    let input_records = input_records(&inputs);
    let headline = headline(&plan, &columns.0, &inputs);
    // What the comparison below does not need goes now: at a country's scale the report
    // columns and the parsed tables hold gigabytes, and the earlier run is loaded next.
    let (report_columns, results) = columns;
    drop(report_columns);
    let Inputs {
        catalogue,
        catalogue_file,
        tables,
    } = inputs;
    drop(tables);
    let content_hash = manifest::content_hash(&pipeline_record, &catalogue_file, &input_records);
    let id = store.new_id(&time_id, &content_hash)?;

    let previous = store.current();
    let revisions = match &previous {
        Some(previous_id) => {
            let (old_manifest, old_frames, old_results) =
                revisions::load_side(&store.run_dir(previous_id))?;
            let old = Side {
                id: previous_id,
                inputs: &old_manifest.inputs,
                frames: &old_frames,
                results: &old_results,
            };
            let new = Side {
                id: &id,
                inputs: &input_records,
                frames: &frames,
                results: &results.frame,
            };
            Some(revisions::compare(&old, &new, &catalogue)?)
        }
        None => None,
    };
    let summary = match &revisions {
        Some(r) => {
            revisions_out::write_csv(&dir.join("revisions.csv"), r)?;
            let md = dir.join("revisions.md");
            std::fs::write(&md, revisions_out::markdown(r, &catalogue))
                .map_err(|e| Error::io(&md, "writing the revision report", e))?;
            revisions_out::summary(r, 10)
        }
        None => "first run of this pipeline: nothing to compare with\n".to_string(),
    };

    let manifest = Manifest {
        agristat_version: env!("CARGO_PKG_VERSION").to_string(),
        run_id: id.clone(),
        time,
        content_hash,
        pipeline: pipeline_record,
        catalogue: catalogue_file,
        inputs: input_records,
        outputs: output_records(&dir)?,
        warnings: warnings.len(),
        headline,
    };
    manifest.write(&dir.join("manifest.json"))?;
    store::fault_point("before-publish");
    store.publish(staging, &id)?;
    Ok(Outcome {
        report: text,
        warnings,
        published: Some(Published {
            id,
            current: plan.output_dir.join(store::CURRENT),
            manifest,
            revisions,
            summary,
        }),
    })
}

type Computed = (
    Inputs,
    Frames,
    (report::columns::Columns, aggregate::Results),
    Vec<Warning>,
    String,
);

/// Everything up to the outputs: read, validate (all problems at once), aggregate, render.
fn compute(plan: &Plan, cache: &Cache) -> Result<Computed> {
    let mut clock = Stages::start(2);
    let (inputs, mut problems) = ingest::read_all(plan, cache)?;
    clock.lap("read");
    let frames = validate::frames(&inputs)?;
    problems.extend(validate::check(plan, &inputs, &frames)?);
    clock.lap("validate");
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(Error::Data(problems));
    }
    let mut warnings = plausibility::check(plan, &inputs, &frames)?;
    clock.lap("plausibility");
    let results = aggregate::aggregate(&frames, &inputs.catalogue)?;
    clock.lap("aggregate");
    warnings.extend(changes::changes(
        &results,
        &inputs.catalogue,
        plan.change_threshold_pct,
    )?);
    warnings.sort();
    let villages = village_count(plan, &inputs);
    let (columns, text) = report::render(plan, &results, &inputs.catalogue, villages)?;
    clock.lap("render");
    Ok((inputs, frames, (columns, results), warnings, text))
}

fn village_count(plan: &Plan, inputs: &Inputs) -> usize {
    let Some(registry) = inputs.tables.get(&TableKind::Villages) else {
        return 0;
    };
    match &registry.values[0] {
        ingest::table::Values::Year(years) => years.iter().filter(|y| **y == plan.year).count(),
        _ => 0,
    }
}

fn input_records(inputs: &Inputs) -> Vec<InputRecord> {
    let mut records = Vec::new();
    for (kind, table) in &inputs.tables {
        for (path, info) in table.files.iter().zip(&table.file_info) {
            records.push(InputRecord {
                table: kind.name().to_string(),
                path: path.display().to_string(),
                bytes: info.bytes,
                sha256: info.sha256.clone(),
                rows: info.rows,
                parsed: info.parsed,
            });
        }
    }
    records
}

/// Every output file of the staged run (the data snapshot aside), sorted, with its hash.
fn output_records(dir: &Path) -> Result<Vec<FileRecord>> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<FileRecord>) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| Error::io(dir, "listing the outputs", e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let shown = path
                .strip_prefix(base)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                if shown != "data" {
                    walk(&path, base, out)?;
                }
            } else {
                out.push(manifest::file_record(&path, &shown)?);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The figures `agristat runs` lists for each run: a few headline totals per area.
fn headline(plan: &Plan, columns: &report::columns::Columns, inputs: &Inputs) -> Vec<Headline> {
    const KEYS: [&str; 4] = [
        "gross_output_value",
        "grain_output",
        "meat_output",
        "net_income_per_capita",
    ];
    let mut out = Vec::new();
    for i in 0..columns.len() {
        if columns.year[i] != plan.year
            || columns.level[i] == "village"
            || !columns.item[i].is_empty()
        {
            continue;
        }
        let Some(indicator) = KEYS.iter().find_map(|k| {
            (columns.indicator[i] == *k)
                .then(|| crate::aggregate::indicators::get(k))
                .flatten()
        }) else {
            continue;
        };
        let Some(value) = columns
            .figure(i)
            .value(indicator, indicator.report_decimals)
        else {
            continue;
        };
        out.push(Headline {
            area_code: columns.area_code[i].clone(),
            area_name: columns.area_name[i].clone(),
            indicator: indicator.key.to_string(),
            unit: crate::aggregate::indicators::unit_of(indicator, "", &inputs.catalogue),
            value: report::values::fixed(value, indicator.report_decimals),
        });
    }
    out
}
