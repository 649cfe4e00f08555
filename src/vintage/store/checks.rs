//! The checks a command passes before it changes an output folder: it must hold only what
//! agristat made, `current` must be agristat's link, and (for a run) the run the history
//! made current last. A refusal is an exit-2 error that says what is wrong and what to do;
//! nothing is changed before every check has passed.

use std::path::Path;

use super::{RunLock, State, Store};
use crate::error::{Error, Location, Problem, Result};
use crate::vintage::inspect::{self, Contents, Current, CURRENT};
use crate::vintage::journal::Journal;
use crate::vintage::litter;

/// Why a command must not go on in this output folder: an exit-2 error at `path`.
pub(super) fn refuse(path: &Path, message: String) -> Error {
    Error::Config(vec![Problem::new(Location::file(path), message)])
}

fn listed(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}

impl Store {
    /// Checks the output folder before a run writes to it, with the lock held: refuses what
    /// agristat did not make and a `current` that is not its link or was moved by hand,
    /// completes the history, and removes the litter of ended runs. Nothing is changed
    /// before every check has passed.
    pub fn open(&self, lock: &RunLock) -> Result<State> {
        let (contents, current) = self.found(false)?;
        let (journal, changed) =
            Journal::effective(&self.root, &contents.runs, current.as_deref())?;
        let link = self.root.join(CURRENT);
        let rollback = |id: &str| format!("agristat rollback {} {id}", self.pipeline);
        match (current.as_deref(), journal.last()) {
            (None, None) => {}
            (Some(c), Some(l)) if c == l => {}
            (None, Some(l)) => return Err(refuse(&link, format!(
                "is missing, but run {l} was current (expected a link to runs/{l}); nothing was changed: make it current again with `{}`", rollback(l)
            ))),
            (Some(c), last) => return Err(refuse(&link, format!(
                "points to run {c}, but the run agristat last made current is {} (expected `current` to be changed by agristat only); nothing was changed: to go back to {c}, run `{}`, which keeps every run and records the rollback in the history, or point current back at runs/{0}",
                last.unwrap_or("none"), rollback(c)
            ))),
        }
        if changed {
            journal.write(&self.root)?;
        }
        litter::clean(&self.root, &contents.staging, lock)?;
        Ok(State {
            runs: contents.runs,
            current,
            journal,
        })
    }

    /// The contents of `runs/`, or a refusal if the output folder holds what agristat did not
    /// make: a folder never used by agristat must be empty, and `runs/` hold its runs only.
    pub(super) fn own_contents(&self) -> Result<Contents> {
        let foreign = inspect::foreign_in_new_folder(&self.root)
            .map_err(|e| Error::io(&self.root, "listing the output folder", e))?;
        if !foreign.is_empty() {
            return Err(refuse(&self.root, format!(
                "the output folder holds {}, which agristat did not make (expected an empty folder, or one that agristat writes); agristat writes only into a folder of its own: choose an empty output folder in the pipeline file",
                listed(&foreign)
            )));
        }
        let dir = self.runs_dir();
        let contents =
            inspect::contents(&dir).map_err(|e| Error::io(&dir, "listing the runs", e))?;
        if !contents.foreign.is_empty() {
            return Err(refuse(&dir, format!(
                "holds {}, which agristat did not make (expected only agristat's runs, named like 000001-20260101T000000Z-0123abcd, each with the manifest.json of that run); nothing was changed: choose an empty output folder in the pipeline file, or move these out of {}",
                listed(&contents.foreign),
                dir.display()
            )));
        }
        Ok(contents)
    }

    /// agristat's contents of the output folder and its current run. `current` must be
    /// agristat's link; for a rollback, which replaces it, any link (or none) will do.
    pub(super) fn found(&self, for_rollback: bool) -> Result<(Contents, Option<String>)> {
        let contents = self.own_contents()?;
        let link = self.root.join(CURRENT);
        let current = match inspect::current(&self.root) {
            Current::Missing => None,
            Current::Run(id) => Some(id),
            Current::OtherLink(_) if for_rollback => None,
            Current::OtherLink(what) => return Err(refuse(&link, format!(
                "is a link to {what} (expected agristat's link to one of its runs); nothing was changed: make a run current with `agristat rollback {} RUN` (`agristat runs {0}` lists them)",
                self.pipeline
            ))),
            Current::NotALink(kind) => return Err(refuse(&link, format!(
                "is {kind}, not agristat's link to a run (expected a symbolic link to runs/ID); nothing was changed: move it out of the output folder, then make a run current with `agristat rollback {} RUN` (`agristat runs {0}` lists them)",
                self.pipeline
            ))),
        };
        Ok((contents, current))
    }
}
