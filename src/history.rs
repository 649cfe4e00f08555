//! The commands that look back: `runs` lists the history of runs, `diff` compares two of
//! them, `rollback` makes an earlier one current again.

use std::collections::HashMap;
use std::path::Path;

use crate::config;
use crate::error::{Error, Location, Problem, Result};
use crate::ingest;
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
        return Ok(format!("no runs yet in {}\n", plan.output_dir.display()));
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
        let marker = if Some(at) == current_at {
            " (current)"
        } else {
            ""
        };
        if event.action == Action::Rollback {
            let was = event.previous.as_deref().unwrap_or("none");
            out.push_str(&format!(
                "rollback to {}{marker}  {}  (current was {was})\n",
                event.run, event.time
            ));
            continue;
        }
        if !state.runs.contains(&event.run) {
            out.push_str(&format!("{}{marker}  (its folder is missing)\n", event.run));
            continue;
        }
        let manifest = Manifest::read(&store.run_dir(&event.run).join("manifest.json"))?;
        out.push_str(&format!(
            "{}{marker}  {}  agristat {}\n",
            event.run, manifest.time, manifest.agristat_version
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
        out.push_str(&format!(
            "never made current (a run ended before switching; `agristat rollback {} RUN` makes one current):\n",
            pipeline.display()
        ));
        for id in unpublished {
            out.push_str(&format!("    {id}\n"));
        }
    }
    Ok(out)
}

/// The input files of a run that differ from those of the run current before it.
fn changed(manifest: &Manifest, before: Option<&Manifest>) -> String {
    let Some(p) = before else {
        return format!("{} input file(s)", manifest.inputs.len());
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
                .map(|o| format!("{} (removed)", o.path)),
        )
        .collect();
    if names.is_empty() {
        "no input changed".to_string()
    } else {
        format!("changed: {}", names.join(", "))
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
            "has no runs to roll back to (expected a folder with agristat's runs)",
        )]));
    }
    let lock = store.lock(wait)?;
    let switched = store.rollback(&lock, run)?;
    Ok(if switched.already {
        format!("run {} is current already; nothing changed\n", switched.id)
    } else {
        format!(
            "current is now run {} (was {}); every run is kept, and the history records the rollback\n",
            switched.id,
            switched.previous.as_deref().unwrap_or("none")
        )
    })
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
            format!(
                "diff needs two runs; {} has {}",
                store.root().display(),
                ids.len()
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
        "{to} against {from}\n{}",
        revisions_out::summary(&revisions, usize::MAX)
    );
    Ok((revisions, text))
}
