//! The commands that look back: `runs` lists the history of runs, `diff` compares two of
//! them, `rollback` makes an earlier one current again.

use std::collections::HashMap;
use std::path::Path;

use crate::config;
use crate::error::{Error, Location, Problem, Result};
use crate::ingest;
use crate::lang::Msg;
use crate::tr;
use crate::vintage::journal::Action;
use crate::vintage::manifest::Manifest;
use crate::vintage::revisions::{self, Revisions, Stored};
use crate::vintage::{revisions_out, snapshot, Store};

/// The history of a pipeline's output folder as a text table: each run made current, with
/// what changed against the run current before it and its headline totals, each rollback,
/// and, apart, the runs that were never made current.
pub fn runs(pipeline: &Path) -> Result<String> {
    let plan = config::load(pipeline)?;
    let store = Store::of_pipeline(&plan.output_dir, pipeline);
    let state = store.view()?;
    let unpublished = state.unpublished();
    if state.journal.events.is_empty() && unpublished.is_empty() {
        let dir = plan.output_dir.display();
        return Ok(format!("{}\n", tr!(Msg::HistNoRuns, dir = dir)));
    }
    // The current run is marked at its last event: after a rollback, the rollback's line.
    let current_at = state
        .journal
        .events
        .iter()
        .rposition(|e| Some(&e.run) == state.current.as_ref());
    let mut manifests: HashMap<String, Manifest> = HashMap::new();
    let mut out = String::new();
    for (at, event) in state.journal.events.iter().enumerate() {
        let run = if Some(at) == current_at {
            tr!(Msg::HistCurrent, run = event.run)
        } else {
            event.run.clone()
        };
        if event.action == Action::Rollback {
            let was = event
                .previous
                .clone()
                .unwrap_or_else(|| tr!(Msg::StoreNone));
            let line = tr!(Msg::HistRollback, run = run, time = event.time, was = was);
            out.push_str(&format!("{line}\n"));
            continue;
        }
        if !state.runs.contains(&event.run) {
            out.push_str(&format!("{}\n", tr!(Msg::HistFolderMissing, run = run)));
            continue;
        }
        let manifest = Manifest::read(&store.run_dir(&event.run).join("manifest.json"))?;
        out.push_str(&format!(
            "{run}  {}  agristat {}\n",
            manifest.time, manifest.agristat_version
        ));
        let before = event.previous.as_ref().and_then(|p| manifests.get(p));
        out.push_str(&format!("    {}\n", changed(&manifest, before)));
        for h in &manifest.headline {
            out.push_str(&format!(
                "    {} {} {} {} {}\n",
                h.area_code, h.area_name, h.indicator, h.value, h.unit
            ));
        }
        manifests.insert(event.run.clone(), manifest);
    }
    if !unpublished.is_empty() {
        let never = tr!(Msg::HistNeverCurrent, pipeline = pipeline.display());
        out.push_str(&format!("{never}\n"));
        for id in unpublished {
            out.push_str(&format!("    {id}\n"));
        }
    }
    Ok(out)
}

/// The input files of a run that differ from those of the run current before it.
fn changed(manifest: &Manifest, before: Option<&Manifest>) -> String {
    let Some(p) = before else {
        return tr!(Msg::HistInputCount, count = manifest.inputs.len());
    };
    let names: Vec<String> = manifest
        .inputs
        .iter()
        .filter(|i| {
            !p.inputs
                .iter()
                .any(|o| o.path == i.path && o.sha256 == i.sha256)
        })
        .map(|i| i.path.clone())
        .chain(
            p.inputs
                .iter()
                .filter(|o| !manifest.inputs.iter().any(|i| i.path == o.path))
                .map(|o| tr!(Msg::HistInputRemoved, path = o.path)),
        )
        .collect();
    if names.is_empty() {
        tr!(Msg::HistNoInputChanged)
    } else {
        let files = names.join(&tr!(Msg::StoreListSeparator));
        tr!(Msg::HistInputsChanged, files = files)
    }
}

/// Makes an earlier (or later) run current again, with the output folder's lock held, and
/// records it in the history. Nothing is deleted; the next run compares against this run.
pub fn rollback(pipeline: &Path, run: &str, wait: bool) -> Result<String> {
    let plan = config::load(pipeline)?;
    let store = Store::of_pipeline(&plan.output_dir, pipeline);
    if store.view()?.runs.is_empty() {
        return Err(Error::Config(vec![Problem::new(
            Location::file(store.root()),
            tr!(Msg::HistNothingToRollBack),
        )]));
    }
    let lock = store.lock(wait)?;
    let switched = store.rollback(&lock, run)?;
    let text = if switched.already {
        tr!(Msg::HistAlreadyCurrent, run = switched.id)
    } else {
        let was = switched.previous.unwrap_or_else(|| tr!(Msg::StoreNone));
        tr!(Msg::HistRolledBack, run = switched.id, was = was)
    };
    Ok(format!("{text}\n"))
}

/// Compares two vintages: by default the current run with the run that was current before
/// it was made; with one id, that run with the current.
pub fn diff(pipeline: &Path, a: Option<&str>, b: Option<&str>) -> Result<(Revisions, String)> {
    let plan = config::load(pipeline)?;
    let store = Store::of_pipeline(&plan.output_dir, pipeline);
    let state = store.view()?;
    let ids = state.published();
    let too_few = || {
        Error::Config(vec![Problem::new(
            Location::file(store.root()),
            tr!(
                Msg::HistDiffTooFew,
                dir = store.root().display(),
                count = ids.len()
            ),
        )])
    };
    let to = match (b, &state.current) {
        (Some(b), _) => store.resolve(&ids, b)?,
        (None, Some(current)) if ids.contains(current) => current.clone(),
        (None, _) => ids.last().cloned().ok_or_else(too_few)?,
    };
    let from = match a {
        Some(a) => store.resolve(&ids, a)?,
        None => {
            let before = state.journal.first_of(&to).and_then(|e| e.previous.clone());
            match before.filter(|p| ids.contains(p)) {
                Some(previous) => previous,
                None => {
                    let at = ids.iter().position(|id| *id == to).unwrap_or(0);
                    if at == 0 {
                        return Err(too_few());
                    }
                    ids[at - 1].clone()
                }
            }
        }
    };
    let (catalogue, _) = ingest::read_catalogue(&plan)?;
    let (old_dir, new_dir) = (store.run_dir(&from), store.run_dir(&to));
    let old_manifest = Manifest::read(&old_dir.join("manifest.json"))?;
    let new_manifest = Manifest::read(&new_dir.join("manifest.json"))?;
    let (old_results, new_results) = (
        snapshot::load_results(&old_dir)?,
        snapshot::load_results(&new_dir)?,
    );
    let old = Stored {
        id: &from,
        dir: &old_dir,
        inputs: &old_manifest.inputs,
        results: &old_results,
        reading: old_manifest.reading(),
    };
    let new = Stored {
        id: &to,
        dir: &new_dir,
        inputs: &new_manifest.inputs,
        results: &new_results,
        reading: new_manifest.reading(),
    };
    let revisions = revisions::compare_runs(&old, &new, &catalogue)?;
    let text = format!(
        "{}\n{}",
        tr!(Msg::HistDiffHead, to = to, from = from),
        revisions_out::summary(&revisions, usize::MAX)
    );
    Ok((revisions, text))
}
