//! The output folder's history (`OUTPUT/history.jsonl`): every time a run was made current,
//! by a run or by `agristat rollback`, with the run that was current before. It tells a run
//! that was published from one renamed into place by a run killed before its switch, and a
//! rollback by agristat from one by hand.
//!
//! The history is written after `current` is switched, as a whole file replaced atomically.
//! A run killed between the two leaves `current` on a run newer than every run in the
//! history: that run is taken as published (`found`), since only a run switches forward.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::durable;
use super::inspect::{self, HISTORY};
use crate::error::{Error, Location, Problem, Result};
use crate::lang::Msg;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// A run published itself.
    Run,
    /// `agristat rollback` made an earlier run current again.
    Rollback,
    /// Found current without an entry: an output folder from before the history was kept,
    /// or a run killed after its switch and before writing the history.
    Found,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When, UTC (`YYYY-MM-DDTHH:MM:SSZ`).
    pub time: String,
    pub action: Action,
    /// The run made current.
    pub run: String,
    /// The run that was current before, if any.
    pub previous: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    pub events: Vec<Event>,
}

impl Journal {
    /// The history of the output folder `root`, None if it has none.
    pub fn read(root: &Path) -> Result<Option<Journal>> {
        let path = root.join(HISTORY);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&path, Msg::StoreStepReadHistory, e)),
        };
        let mut events = Vec::new();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let event = serde_json::from_str(line).map_err(|e| {
                Error::Config(vec![Problem::new(
                    Location::at(&path, i as u64 + 1, 0),
                    tr!(Msg::StoreBadHistory, error = e),
                )])
            })?;
            events.push(event);
        }
        Ok(Some(Journal { events }))
    }

    /// Replaces the history file, atomically and durably.
    pub fn write(&self, root: &Path) -> Result<()> {
        let mut text = String::new();
        for event in &self.events {
            text.push_str(&serde_json::to_string(event).expect("an event serialises"));
            text.push('\n');
        }
        durable::write_atomic(&root.join(HISTORY), text.as_bytes())
    }

    /// The history as it stands, and whether it differs from the file: read from the file,
    /// or begun for an output folder from before the history was kept (every run up to
    /// `current` was published, as earlier versions listed them); and `current` added when
    /// a run died after its switch and before writing the history.
    pub fn effective(root: &Path, runs: &[String], current: Option<&str>) -> Result<(Self, bool)> {
        let (mut journal, mut changed) = match Journal::read(root)? {
            Some(journal) => (journal, false),
            None => {
                let mut journal = Journal::default();
                if let Some(current) = current {
                    let upto = inspect::sequence(current);
                    for run in runs.iter().filter(|r| inspect::sequence(r) <= upto) {
                        journal.push(Action::Found, run);
                    }
                }
                let changed = !journal.events.is_empty();
                (journal, changed)
            }
        };
        if let Some(current) = current {
            let newest = journal
                .events
                .iter()
                .map(|e| inspect::sequence(&e.run))
                .max();
            if newest.is_none_or(|n| inspect::sequence(current) > n) {
                journal.push(Action::Found, current);
                changed = true;
            }
        }
        Ok((journal, changed))
    }

    /// The run the history last made current.
    pub fn last(&self) -> Option<&str> {
        self.events.last().map(|e| e.run.as_str())
    }

    /// Whether `run` was ever made current.
    pub fn published(&self, run: &str) -> bool {
        self.events.iter().any(|e| e.run == run)
    }

    /// The event that first made `run` current.
    pub fn first_of(&self, run: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.run == run)
    }

    /// Records that `run` was made current now.
    pub fn push(&mut self, action: Action, run: &str) {
        let previous = self.last().map(str::to_string);
        self.events.push(Event {
            time: super::manifest::now().0,
            action,
            run: run.to_string(),
            previous,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "000001-20190101T000000Z-aaaaaaaa";
    const B: &str = "000002-20190101T000000Z-bbbbbbbb";
    const C: &str = "000003-20190101T000000Z-cccccccc";

    #[test]
    fn an_older_folder_begins_its_history_from_the_runs_up_to_current() {
        let root = tempfile::tempdir().unwrap();
        let runs = [A.to_string(), B.to_string(), C.to_string()];
        let (journal, changed) = Journal::effective(root.path(), &runs, Some(B)).unwrap();
        assert!(changed);
        let found: Vec<_> = journal
            .events
            .iter()
            .map(|e| (e.action, &e.run[..6]))
            .collect();
        assert_eq!(
            found,
            [(Action::Found, "000001"), (Action::Found, "000002")]
        );
        assert_eq!(journal.events[1].previous.as_deref(), Some(A));
        assert!(
            !journal.published(C),
            "a run never made current stays unpublished"
        );
    }

    #[test]
    fn a_switch_without_its_entry_is_found_and_a_hand_rollback_is_not() {
        let root = tempfile::tempdir().unwrap();
        let mut journal = Journal::default();
        journal.push(Action::Run, A);
        journal.push(Action::Run, B);
        journal.write(root.path()).unwrap();
        let runs = [A.to_string(), B.to_string(), C.to_string()];
        let (found, changed) = Journal::effective(root.path(), &runs, Some(C)).unwrap();
        assert!(changed);
        assert_eq!(found.last(), Some(C));
        let (back, changed) = Journal::effective(root.path(), &runs, Some(A)).unwrap();
        assert!(!changed);
        assert_eq!(back.last(), Some(B), "current on A by hand is not recorded");
        assert_eq!(Journal::read(root.path()).unwrap(), Some(journal));
    }
}
