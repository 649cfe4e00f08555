//! The commands `run` and `check`, as library calls: read, validate, aggregate, and for
//! `run` write a new vintage and report what changed. The binary only prints the result.

use std::path::{Path, PathBuf};

use crate::aggregate::{self, changes, Results};
use crate::chart;
use crate::config::{self, Plan};
use crate::error::{Error, Result};
use crate::indicators::Ind;
use crate::ingest::{self, Cache, Inputs};
use crate::lang::Msg;
use crate::report::{self, Layout};
use crate::timing::{Stage, Stages};
use crate::tr;
use crate::validate::{self, plausibility};
use crate::vintage::manifest::{self, FileRecord, Headline, InputRecord, Manifest};
use crate::vintage::revisions::{self, Revisions, Stored};
use crate::vintage::{revisions_out, snapshot, store, Store};
use crate::warning::{Check, Warning};

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
    let computed = compute(&plan, &Cache::disabled())?;
    Ok(Outcome {
        report: computed.text,
        warnings: computed.warnings,
        published: None,
    })
}

/// Validates, aggregates, and publishes a new vintage. One run at a time per output folder:
/// with `wait`, a run that finds another in progress waits for it; without, it fails.
pub fn run(pipeline: &Path, wait: bool) -> Result<Outcome> {
    let plan = config::load(pipeline)?;
    let store = Store::of_pipeline(&plan.output_dir, pipeline);
    // Held to the end of this function: the earlier run and its id are settled before ours.
    let lock = store.lock(wait)?;
    // Checked before the long work: a folder agristat may not write to fails at once.
    let mut state = store.open(&lock)?;
    let (time, time_id) = manifest::now();
    let cache = Cache::at(&store.cache_dir());
    let Computed {
        inputs,
        results,
        layout,
        mut warnings,
        text,
    } = compute(&plan, &cache)?;
    let mut clock = Stages::start(2);
    let charts = draw_charts(&plan, &results, &inputs.catalogue, &layout, &mut warnings);
    clock.lap(Stage::Charts);

    let staging = store.begin(&lock)?;
    let dir = staging.path().to_path_buf();
    let written = Written {
        plan: &plan,
        results: &results,
        layout: &layout,
        text: &text,
        inputs: &inputs,
        cache: &cache,
        warnings: &warnings,
        charts: &charts,
    };
    let results_frame = written.write(&dir)?;
    clock.lap(Stage::WriteAndSnapshot);
    store::fault_point("after-outputs");

    let pipeline_record = manifest::file_record(pipeline, &pipeline.display().to_string())?;
    let input_records = input_records(&inputs);
    let damaged = damaged_cache_entries(&inputs);
    let headline = headline(&plan, &results, &layout, &inputs);
    // What the comparison below does not need goes now: at a country's scale the results
    // and the parsed tables hold gigabytes, and the earlier run is loaded next.
    drop(results);
    let Inputs {
        catalogue,
        catalogue_file,
        tables,
    } = inputs;
    drop(tables);
    let content_hash = manifest::content_hash(&pipeline_record, &catalogue_file, &input_records);
    let id = store.new_id(&state, &time_id, &content_hash);

    // After a rollback this is the run rolled back to: revisions are against what is current.
    let new = Stored {
        id: &id,
        dir: &dir,
        inputs: &input_records,
        results: &results_frame,
        reading: manifest::reading(env!("CARGO_PKG_VERSION"), &pipeline_record, &catalogue_file),
    };
    let revisions = compare_with_previous(&store, state.current.as_deref(), &new, &catalogue)?;
    clock.lap(Stage::Revisions);
    let mut summary = write_revisions(&dir, &plan, revisions.as_ref(), &catalogue)?;
    summary.push_str(&notes(&damaged, &layout));

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
    store.publish(staging, &id, &mut state)?;
    clock.lap(Stage::Publish);
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

/// What the run summary adds after the revisions: cache entries that failed their check,
/// and villages.csv left out.
fn notes(damaged: &[(String, Msg)], layout: &Layout) -> String {
    let mut notes = String::new();
    for (path, why) in damaged {
        let note = tr!(Msg::RunCacheNotUsed, path = path, why = tr!(*why));
        notes.push_str(&format!("{note}\n"));
    }
    if !layout.villages_csv {
        let note = tr!(Msg::RunVillagesNotWritten, count = layout.villages);
        notes.push_str(&format!("{note}\n"));
    }
    notes
}

/// The charts of the report levels, or a warning saying why there are none.
fn draw_charts(
    plan: &Plan,
    results: &Results,
    catalogue: &crate::catalogue::Catalogue,
    layout: &Layout,
    warnings: &mut Vec<Warning>,
) -> Vec<chart::ChartFile> {
    let (charts, chart_warnings) =
        chart::render_all(plan, results, catalogue, layout.chart_levels());
    warnings.extend(chart_warnings);
    if layout.chart_levels().is_empty() && !plan.charts.charts.is_empty() {
        warnings.push(Warning {
            year: plan.year,
            village_code: String::new(),
            check: Check::ChartSkipped,
            location: None,
            message: tr!(
                Msg::NoCharts,
                areas = layout.report_areas,
                max = report::REPORT_AREAS_LIMIT
            ),
        });
    }
    warnings.sort();
    charts
}

/// What a run writes into its staging folder before the comparison.
struct Written<'a> {
    plan: &'a Plan,
    results: &'a Results,
    layout: &'a Layout,
    text: &'a str,
    inputs: &'a Inputs,
    cache: &'a Cache,
    warnings: &'a [Warning],
    charts: &'a [chart::ChartFile],
}

impl Written<'_> {
    /// Writes the outputs and, side by side (they are independent files), the run's data;
    /// returns the results frame kept for the next comparison.
    fn write(&self, dir: &Path) -> Result<polars::prelude::DataFrame> {
        // Village figures are kept for the revision report where villages.csv is written; at
        // a country's scale they would be ten times the input, and the changed rows already
        // name the villages.
        let kept = if self.layout.villages_csv {
            self.results.levels()
        } else {
            self.layout.total_levels.clone()
        };
        let (written, data) = std::thread::scope(|scope| {
            let data = scope.spawn(|| -> Result<_> {
                let frame = snapshot::results_frame(self.results, &kept)?;
                snapshot::save(dir, self.inputs, self.cache, &frame)?;
                Ok(frame)
            });
            let written = report::write(
                dir,
                self.plan,
                self.results,
                self.layout,
                self.text,
                &self.inputs.catalogue,
                self.warnings,
                self.charts,
            );
            let frame = data
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (written, frame)
        });
        written?;
        data
    }
}

/// The revisions against the `previous` run, if there is one. This run's tables are read as
/// stored, as the earlier run's are: the parsed tables are gone by now, and the stored files
/// are the cache entries, already on disk.
fn compare_with_previous(
    store: &Store,
    previous: Option<&str>,
    new: &Stored,
    catalogue: &crate::catalogue::Catalogue,
) -> Result<Option<Revisions>> {
    let Some(previous_id) = previous else {
        return Ok(None);
    };
    let old_dir = store.run_dir(previous_id);
    let old_manifest = Manifest::read(&old_dir.join("manifest.json"))?;
    let old_results = snapshot::load_results(&old_dir)?;
    let old = Stored {
        id: previous_id,
        dir: &old_dir,
        inputs: &old_manifest.inputs,
        results: &old_results,
        reading: old_manifest.reading(),
    };
    revisions::compare_runs(&old, new, catalogue).map(Some)
}

/// Writes the revision report (CSV, Markdown, workbook) and returns its terminal summary.
fn write_revisions(
    dir: &Path,
    plan: &Plan,
    revisions: Option<&Revisions>,
    catalogue: &crate::catalogue::Catalogue,
) -> Result<String> {
    let Some(r) = revisions else {
        return Ok(format!("{}\n", tr!(Msg::RunFirst)));
    };
    revisions_out::write_csv(&dir.join("revisions.csv"), r)?;
    let md = dir.join("revisions.md");
    std::fs::write(&md, revisions_out::markdown(r, catalogue))
        .map_err(|e| Error::io(&md, Msg::RevStepWrite, e))?;
    if plan.xlsx_output {
        revisions_out::write_xlsx(&dir.join(revisions_out::REVISIONS_XLSX), r)?;
    }
    Ok(revisions_out::summary(r, 10))
}

/// What `check` and `run` share: the inputs, the results and the report.
struct Computed {
    inputs: Inputs,
    results: Results,
    layout: Layout,
    warnings: Vec<Warning>,
    text: String,
}

/// Everything up to the outputs: read, validate (all problems at once), aggregate, render.
fn compute(plan: &Plan, cache: &Cache) -> Result<Computed> {
    let mut clock = Stages::start(2);
    let (inputs, mut problems) = ingest::read_all(plan, cache)?;
    clock.lap(Stage::Read);
    problems.extend(validate::check(plan, &inputs));
    clock.lap(Stage::Validate);
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(Error::Data(problems));
    }
    let mut warnings = plausibility::check(plan, &inputs);
    // What reading found: a workbook's total rows that differ from their rows.
    warnings.extend(
        inputs
            .tables
            .values()
            .flat_map(|t| t.warnings.iter().cloned()),
    );
    clock.lap(Stage::Plausibility);
    let results = aggregate::aggregate(plan, &inputs)?;
    clock.lap(Stage::Aggregate);
    warnings.extend(changes::changes(
        &results,
        &inputs.catalogue,
        plan.change_threshold_pct,
    ));
    warnings.extend(changes::moved(&results));
    warnings.sort();
    let layout = Layout::new(plan, &results);
    let text = report::render(plan, &results, &inputs.catalogue, &layout);
    clock.lap(Stage::Render);
    Ok(Computed {
        inputs,
        results,
        layout,
        warnings,
        text,
    })
}

/// Input files whose cache entry failed its check, and why.
fn damaged_cache_entries(inputs: &Inputs) -> Vec<(String, Msg)> {
    let mut damaged = Vec::new();
    for table in inputs.tables.values() {
        for (path, info) in table.files.iter().zip(&table.file_info) {
            if let Some(why) = info.damaged_cache {
                damaged.push((path.display().to_string(), why));
            }
        }
    }
    damaged
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
                sheets: info.sheets.iter().map(|s| s.name.clone()).collect(),
            });
        }
    }
    records
}

/// Every output file of the staged run (the data snapshot aside), sorted, with its hash.
fn output_records(dir: &Path) -> Result<Vec<FileRecord>> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<FileRecord>) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| Error::io(dir, Msg::StoreStepListOutputs, e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let shown = path
                .strip_prefix(base)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if shown == store::MARKER {
                continue;
            }
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

/// The figures `agristat runs` lists for each run: a few headline totals per area of the
/// report levels.
fn headline(plan: &Plan, results: &Results, layout: &Layout, inputs: &Inputs) -> Vec<Headline> {
    const KEYS: [Ind; 4] = [
        Ind::GrainOutput,
        Ind::GrossOutputValue,
        Ind::MeatOutput,
        Ind::NetIncomePerCapita,
    ];
    let mut out = Vec::new();
    for &level in &layout.report_levels {
        let areas = results.areas(level);
        for area in 0..areas.len() as u32 {
            for ind in KEYS {
                let def = ind.def();
                let Some(figure) = results.figure(level, plan.year, area, ind, 0) else {
                    continue;
                };
                let Some(value) = figure.value(def, def.report_decimals) else {
                    continue;
                };
                out.push(Headline {
                    area_code: areas.codes[area as usize].clone(),
                    area_name: areas.names[area as usize].clone(),
                    indicator: def.key.to_string(),
                    unit: crate::indicators::unit_of(def, "", &inputs.catalogue),
                    value: crate::figure::fixed(value, def.report_decimals),
                });
            }
        }
    }
    out
}
