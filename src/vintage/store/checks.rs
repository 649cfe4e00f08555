//! The checks a command passes before it changes an output folder: it must hold only what
//! agristat made, `current` must be agristat's link, and (for a run) the run the history
//! made current last. A refusal is an exit-2 error that says what is wrong and what to do;
//! nothing is changed before every check has passed.

use std::path::Path;

use super::{RunLock, State, Store};
use crate::error::{Error, Location, Problem, Result};
use crate::lang::Msg;
use crate::tr;
use crate::vintage::inspect::{self, Contents, Current, CURRENT};
use crate::vintage::journal::Journal;
use crate::vintage::litter;

/// Why a command must not go on in this output folder: an exit-2 error at `path`.
pub(super) fn refuse(path: &Path, message: String) -> Error {
    Error::Config(vec![Problem::new(Location::file(path), message)])
}

fn listed(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let shown = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(&tr!(Msg::StoreListSeparator));
    match names.len().checked_sub(SHOWN) {
        Some(more) if more > 0 => tr!(Msg::StoreListedMore, shown = shown, more = more),
        _ => shown,
    }
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
            (None, Some(l)) => {
                let message = tr!(Msg::StoreCurrentMissing, run = l, command = rollback(l));
                return Err(refuse(&link, message));
            }
            (Some(c), last) => {
                let message = tr!(
                    Msg::StoreCurrentMoved,
                    run = c,
                    last = last.map_or_else(|| tr!(Msg::StoreNone), str::to_string),
                    command = rollback(c)
                );
                return Err(refuse(&link, message));
            }
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
            .map_err(|e| Error::io(&self.root, Msg::StoreStepListOutput, e))?;
        if !foreign.is_empty() {
            let message = tr!(Msg::StoreForeignOutput, found = listed(&foreign));
            return Err(refuse(&self.root, message));
        }
        let dir = self.runs_dir();
        let contents =
            inspect::contents(&dir).map_err(|e| Error::io(&dir, Msg::StoreStepListRuns, e))?;
        if !contents.foreign.is_empty() {
            let message = tr!(
                Msg::StoreForeignRuns,
                found = listed(&contents.foreign),
                dir = dir.display()
            );
            return Err(refuse(&dir, message));
        }
        Ok(contents)
    }

    /// agristat's contents of the output folder and its current run. `current` must be
    /// agristat's link; for a rollback, which replaces it, any link (or none) will do.
    pub(super) fn found(&self, for_rollback: bool) -> Result<(Contents, Option<String>)> {
        let contents = self.own_contents()?;
        Ok((contents, self.checked_current(for_rollback)?))
    }

    /// The current run, if there is one; a `current` that is not agristat's link is refused
    /// (for a rollback, which replaces it, any link will do). Readers refuse it too: they
    /// must not show a folder or another link's figures as the current run.
    pub(in crate::vintage) fn checked_current(&self, for_rollback: bool) -> Result<Option<String>> {
        let link = self.root.join(CURRENT);
        let current = match inspect::current(&self.root) {
            Current::Missing => None,
            Current::Run(id) => Some(id),
            Current::OtherLink(_) if for_rollback => None,
            Current::OtherLink(what) => {
                let message = tr!(
                    Msg::StoreCurrentOtherLink,
                    target = what,
                    pipeline = self.pipeline
                );
                return Err(refuse(&link, message));
            }
            Current::NotALink(kind) => {
                let message = tr!(
                    Msg::StoreCurrentNotLink,
                    kind = kind,
                    pipeline = self.pipeline
                );
                return Err(refuse(&link, message));
            }
        };
        Ok(current)
    }
}
