//! The commands that look back: `runs` lists the vintages, `diff` compares two of them.

use std::path::Path;

use crate::config;
use crate::error::{Error, Location, Problem, Result};
use crate::ingest;
use crate::vintage::manifest::Manifest;
use crate::vintage::revisions::{self, Revisions, Side};
use crate::vintage::{revisions_out, Store};

/// The vintages of a pipeline, oldest first, as a text table.
pub fn runs(pipeline: &Path) -> Result<String> {
    let plan = config::load(pipeline)?;
    let store = Store::new(&plan.output_dir);
    let ids = store.vintages()?;
    if ids.is_empty() {
        return Ok(format!("no runs yet in {}\n", plan.output_dir.display()));
    }
    let current = store.current();
    let mut out = String::new();
    let mut previous: Option<Manifest> = None;
    for id in &ids {
        let manifest = Manifest::read(&store.run_dir(id).join("manifest.json"))?;
        let marker = if current.as_deref() == Some(id.as_str()) {
            " (current)"
        } else {
            ""
        };
        out.push_str(&format!(
            "{id}{marker}  {}  agristat {}\n",
            manifest.time, manifest.agristat_version
        ));
        let changed = match &previous {
            None => format!("{} input file(s)", manifest.inputs.len()),
            Some(p) => {
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
        };
        out.push_str(&format!("    {changed}\n"));
        for h in &manifest.headline {
            out.push_str(&format!(
                "    {} {} {} {} {}\n",
                h.area_code, h.area_name, h.indicator, h.value, h.unit
            ));
        }
        previous = Some(manifest);
    }
    Ok(out)
}

/// Finds a run by its id or a unique prefix of it.
fn resolve(store: &Store, ids: &[String], wanted: &str) -> Result<String> {
    let matches: Vec<&String> = ids.iter().filter(|id| id.starts_with(wanted)).collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        _ => Err(Error::Config(vec![Problem::new(
            Location::file(store.root()),
            format!(
                "run \"{wanted}\" is {} (expected one of: {})",
                if matches.is_empty() {
                    "not a run of this pipeline"
                } else {
                    "ambiguous"
                },
                ids.join(", ")
            ),
        )])),
    }
}

/// Compares two vintages: by default the one before the current with the current; with one
/// id, that run with the current.
pub fn diff(pipeline: &Path, a: Option<&str>, b: Option<&str>) -> Result<(Revisions, String)> {
    let plan = config::load(pipeline)?;
    let store = Store::new(&plan.output_dir);
    let ids = store.vintages()?;
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
    let to = match b {
        Some(b) => resolve(&store, &ids, b)?,
        None => ids.last().cloned().ok_or_else(too_few)?,
    };
    let from = match a {
        Some(a) => resolve(&store, &ids, a)?,
        None => {
            let at = ids.iter().position(|id| *id == to).unwrap_or(0);
            if at == 0 {
                return Err(too_few());
            }
            ids[at - 1].clone()
        }
    };
    let (catalogue, _) = ingest::read_catalogue(&plan)?;
    let (old_manifest, old_frames, old_results) = revisions::load_side(&store.run_dir(&from))?;
    let (new_manifest, new_frames, new_results) = revisions::load_side(&store.run_dir(&to))?;
    let old = Side {
        id: &from,
        inputs: &old_manifest.inputs,
        frames: &old_frames,
        results: &old_results,
        reading: old_manifest.reading(),
    };
    let new = Side {
        id: &to,
        inputs: &new_manifest.inputs,
        frames: &new_frames,
        results: &new_results,
        reading: new_manifest.reading(),
    };
    let revisions = revisions::compare(&old, &new, &catalogue)?;
    let text = format!(
        "{to} against {from}\n{}",
        revisions_out::summary(&revisions, usize::MAX)
    );
    Ok((revisions, text))
}
