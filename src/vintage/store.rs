//! The pipeline's output folder as a store of vintages:
//!
//! ```text
//! OUTPUT/current -> runs/ID     the current run (a symlink, switched atomically)
//! OUTPUT/runs/ID/               one vintage: outputs, manifest.json, revisions, data/
//! OUTPUT/runs/.staging-*        a run being written, marked as agristat's (see `inspect`)
//! OUTPUT/history.jsonl          every run made current, by a run or a rollback (`journal`)
//! OUTPUT/cache/                 parsed input files, by content hash (safe to delete)
//! OUTPUT/.agristat.lock         held by a run from start to end
//! ```
//!
//! A run writes everything into a staging folder, flushes it to disk, renames it to
//! `runs/ID`, then replaces the `current` link by renaming a new link over it, and records
//! that in the history. A kill at any point leaves `current` on the previous run. The store
//! never deletes a run: a vintage renamed into place but never made current is kept, and
//! listed apart. It refuses (exit 2, nothing changed) an output folder holding what it did
//! not make, a `current` that is not its link, and a `current` moved by hand.

use std::fs;
use std::path::{Path, PathBuf};

use super::inspect::{self, Current, MARKER_HEAD, RUNS, STAGING_PREFIX};
use super::journal::{Action, Journal};
use super::{durable, litter};
use crate::error::{Error, Result};
use crate::lang::Msg;
use crate::tr;
use checks::refuse;

mod checks;

pub use super::inspect::{CURRENT, LOCK, MARKER};

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    /// The pipeline file as the user named it, for the commands that messages suggest.
    pipeline: String,
}

/// The output folder's lock, held for a whole run. The operating system releases it when
/// this is dropped or the process dies, so a killed run never leaves it held.
#[derive(Debug)]
pub struct RunLock {
    _file: fs::File,
}

/// A run being written. Dropped without `publish`, its folder is removed.
pub struct Staging {
    dir: tempfile::TempDir,
}

impl Staging {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// The output folder as found: agristat's runs, the current one and the history.
#[derive(Debug)]
pub struct State {
    /// Every run of agristat's in `runs/`, in run order, whether made current or not.
    pub runs: Vec<String>,
    pub current: Option<String>,
    pub journal: Journal,
}

impl State {
    /// The runs that were made current at some time (the vintages), in run order.
    pub fn published(&self) -> Vec<String> {
        let published = self.runs.iter().filter(|r| self.journal.published(r));
        published.cloned().collect()
    }

    /// Runs renamed into place by a run killed before it switched `current`: complete, kept,
    /// not vintages until `rollback` makes one current.
    pub fn unpublished(&self) -> Vec<String> {
        let unpublished = self.runs.iter().filter(|r| !self.journal.published(r));
        unpublished.cloned().collect()
    }
}

/// What `rollback` did.
#[derive(Debug)]
pub struct Switched {
    pub id: String,
    /// The run that was current before (per the history).
    pub previous: Option<String>,
    /// The run was current already; nothing changed.
    pub already: bool,
}

impl Store {
    pub fn new(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
            pipeline: "PIPELINE.toml".to_string(),
        }
    }

    /// The same store, with the pipeline file named in the commands that messages suggest.
    pub fn of_pipeline(root: &Path, pipeline: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
            pipeline: pipeline.display().to_string(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn runs_dir(&self) -> PathBuf {
        self.root.join(RUNS)
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.root.join(inspect::CACHE)
    }

    pub fn run_dir(&self, id: &str) -> PathBuf {
        self.runs_dir().join(id)
    }

    /// The id of the current run: the run `current` links to, if it is agristat's link.
    pub fn current(&self) -> Option<String> {
        match inspect::current(&self.root) {
            Current::Run(id) => Some(id),
            _ => None,
        }
    }

    /// The output folder as found, for the commands that only read (`runs`, `diff`,
    /// `explain`): what is not agristat's in `runs/` is passed over, the history is not
    /// written; a `current` that is not agristat's link is refused, as `run` refuses it.
    pub fn view(&self) -> Result<State> {
        let dir = self.runs_dir();
        let contents =
            inspect::contents(&dir).map_err(|e| Error::io(&dir, Msg::StoreStepListRuns, e))?;
        let current = self.checked_current(false)?;
        let (journal, _) = Journal::effective(&self.root, &contents.runs, current.as_deref())?;
        Ok(State {
            runs: contents.runs,
            current,
            journal,
        })
    }

    /// The vintages, in run order: every run that was made current at some time.
    pub fn vintages(&self) -> Result<Vec<String>> {
        Ok(self.view()?.published())
    }

    /// Takes the output folder's lock: one run at a time per output folder. With `wait`, a
    /// second run says so and waits for the first to finish; without, it fails at once. A
    /// folder holding what agristat did not make is refused before anything is created in it.
    pub fn lock(&self, wait: bool) -> Result<RunLock> {
        self.own_contents()?;
        fs::create_dir_all(&self.root)
            .map_err(|e| Error::io(&self.root, Msg::StoreStepCreateOutput, e))?;
        let path = self.root.join(LOCK);
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, Msg::StoreStepOpenLock, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) if wait => {
                eprintln!("{}", tr!(Msg::StoreWaiting, dir = self.root.display()));
                file.lock()
                    .map_err(|e| Error::io(&path, Msg::StoreStepWaitLock, e))?;
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(refuse(&self.root, tr!(Msg::StoreBusy)))
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, Msg::StoreStepLock, e)),
        }
        Ok(RunLock { _file: file })
    }

    /// A staging folder for a new run, marked as agristat's with the owner's process id.
    pub fn begin(&self, _lock: &RunLock) -> Result<Staging> {
        let dir = self.runs_dir();
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, Msg::StoreStepCreateRuns, e))?;
        let dir = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(&dir)
            .map_err(|e| Error::io(&dir, Msg::StoreStepCreateStaging, e))?;
        let marker = dir.path().join(MARKER);
        let text = format!("{MARKER_HEAD}\npid {}\n", std::process::id());
        fs::write(&marker, text).map_err(|e| Error::io(&marker, Msg::StoreStepMarkStaging, e))?;
        Ok(Staging { dir })
    }

    /// Makes the staged run a vintage under `id` and the current run: flushed to disk,
    /// renamed into `runs/`, linked as `current`, recorded in the history.
    pub fn publish(&self, staging: Staging, id: &str, state: &mut State) -> Result<()> {
        let target = self.run_dir(id);
        let staged = staging.dir.keep();
        // Renamed with its marker, unmarked after: a run dying in between leaves a run
        // folder holding a marker file (removed by the next run), where unmarking first left
        // an unmarked staging folder that nothing may ever remove.
        let stored = durable::sync_tree(&staged).and_then(|()| {
            fs::rename(&staged, &target).map_err(|e| Error::io(&target, Msg::StoreStepStoreRun, e))
        });
        if let Err(e) = stored {
            // Our own staging folder, created by this process: not a run yet.
            let _ = fs::remove_dir_all(&staged);
            return Err(e);
        }
        durable::sync_dir(&self.runs_dir())?;
        fault_point("after-store");
        litter::unmark(&target)?;
        fault_point("before-switch");
        self.switch(id)?;
        // A run dying here has switched but not recorded it: the next one finds it current.
        fault_point("after-switch");
        state.journal.push(Action::Run, id);
        state.runs.push(id.to_string());
        state.current = Some(id.to_string());
        state.journal.write(&self.root)
    }

    /// Points `current` at `runs/ID` in one rename, and flushes that to disk.
    fn switch(&self, id: &str) -> Result<()> {
        let link = self.root.join(CURRENT);
        let temporary = self.root.join(format!(".{CURRENT}.{}", std::process::id()));
        let _ = fs::remove_file(&temporary);
        symlink(&Path::new(RUNS).join(id), &temporary)
            .map_err(|e| Error::io(&temporary, Msg::StoreStepLinkRun, e))?;
        fs::rename(&temporary, &link)
            .map_err(|e| Error::io(&link, Msg::StoreStepSwitchCurrent, e))?;
        durable::sync_dir(&self.root)
    }

    /// Makes run `wanted` (an id or a unique prefix of one of agristat's runs in this folder)
    /// current, and records that in the history. Nothing is deleted.
    pub fn rollback(&self, lock: &RunLock, wanted: &str) -> Result<Switched> {
        let (contents, current) = self.found(true)?;
        let (mut journal, _) = Journal::effective(&self.root, &contents.runs, current.as_deref())?;
        let id = self.resolve(&contents.runs, wanted)?;
        let previous = journal.last().map(str::to_string);
        if current.as_deref() == Some(id.as_str()) && previous.as_deref() == Some(id.as_str()) {
            journal.write(&self.root)?;
            return Ok(Switched {
                id,
                previous,
                already: true,
            });
        }
        litter::clean(&self.root, &contents.staging, lock)?;
        self.switch(&id)?;
        journal.push(Action::Rollback, &id);
        journal.write(&self.root)?;
        Ok(Switched {
            id,
            previous,
            already: false,
        })
    }

    /// Finds a run by its id or a unique prefix of it among `ids`.
    pub fn resolve(&self, ids: &[String], wanted: &str) -> Result<String> {
        let matches: Vec<&String> = ids.iter().filter(|id| id.starts_with(wanted)).collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(refuse(
                &self.root,
                tr!(
                    Msg::StoreRunUnknown,
                    run = wanted,
                    runs = ids.join(&tr!(Msg::StoreListSeparator))
                ),
            )),
            _ => Err(refuse(
                &self.root,
                tr!(
                    Msg::StoreRunAmbiguous,
                    run = wanted,
                    runs = ids.join(&tr!(Msg::StoreListSeparator))
                ),
            )),
        }
    }

    /// A new run id: a sequence number one past every run in the folder, so that ids are
    /// unique (the lock is held) and sort in run order even if the clock does not, then the
    /// time and the first hex digits of the content hash.
    pub fn new_id(&self, state: &State, time_id: &str, content_hash: &str) -> String {
        let last = state.runs.iter().map(|r| inspect::sequence(r)).max();
        format!(
            "{:06}-{time_id}-{}",
            last.unwrap_or(0) + 1,
            &content_hash[..8.min(content_hash.len())]
        )
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(target, link)
}

/// Test hook: `AGRISTAT_FAULT=NAME` makes the run panic at the named point, so tests can
/// check that a run dying there leaves the previous outputs alone.
pub fn fault_point(name: &str) {
    if std::env::var("AGRISTAT_FAULT").is_ok_and(|v| v == name) {
        panic!("fault injected at {name}");
    }
}

#[cfg(test)]
mod tests {
    use super::super::manifest::Manifest;
    use super::*;

    /// Publishes a run whose totals.csv holds `text`, under the id the store gives it.
    fn publish(store: &Store, text: &str) -> String {
        let lock = store.lock(false).unwrap();
        let mut state = store.open(&lock).unwrap();
        let staging = store.begin(&lock).unwrap();
        let id = store.new_id(&state, "20190101T000000Z", "aaaaaaaa99");
        Manifest::sample(&id)
            .write(&staging.path().join("manifest.json"))
            .unwrap();
        fs::write(staging.path().join("totals.csv"), text).unwrap();
        store.publish(staging, &id, &mut state).unwrap();
        id
    }

    #[test]
    fn publishing_switches_current_keeps_vintages_and_gives_unique_ids() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        assert_eq!(store.current(), None);
        let one = publish(&store, "one");
        let two = publish(&store, "two");
        // The same second and the same content: the sequence keeps the ids apart.
        assert_eq!(one, "000001-20190101T000000Z-aaaaaaaa");
        assert_eq!(two, "000002-20190101T000000Z-aaaaaaaa");
        assert_eq!(
            fs::read_to_string(root.path().join("current/totals.csv")).unwrap(),
            "two"
        );
        assert_eq!(store.vintages().unwrap(), [one.clone(), two.clone()]);
        let history = Journal::read(root.path()).unwrap().unwrap();
        assert_eq!(history.events[1].previous.as_deref(), Some(one.as_str()));
        assert!(!root
            .path()
            .join(".current.".to_string() + &std::process::id().to_string())
            .exists());
    }

    #[test]
    fn the_store_deletes_only_marked_staging_folders() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        publish(&store, "one");
        let lock = store.lock(false).unwrap();
        // A run killed after renaming its folder into place, before switching current.
        let state = store.open(&lock).unwrap();
        let orphan = store.new_id(&state, "20190101T000000Z", "bbbbbbbb");
        fs::create_dir_all(store.run_dir(&orphan)).unwrap();
        Manifest::sample(&orphan)
            .write(&store.run_dir(&orphan).join("manifest.json"))
            .unwrap();
        // Killed runs' staging folders: ours carry the marker; someone's does not.
        let marked = store.begin(&lock).unwrap().dir.keep();
        let unmarked = store.runs_dir().join(".staging-not-ours");
        fs::create_dir_all(&unmarked).unwrap();
        let state = store.open(&lock).unwrap();
        assert!(!marked.exists());
        assert!(unmarked.exists());
        assert!(store.run_dir(&orphan).exists(), "a run is never deleted");
        assert_eq!(state.unpublished(), [orphan]);
        assert_eq!(store.vintages().unwrap().len(), 1);
        assert_eq!(
            store.new_id(&state, "20190101T000000Z", "cccccccc"),
            "000003-20190101T000000Z-cccccccc"
        );
    }

    #[test]
    fn a_hand_rollback_is_refused_and_the_command_records_one() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let one = publish(&store, "one");
        let two = publish(&store, "two");
        let link = root.path().join(CURRENT);
        fs::remove_file(&link).unwrap();
        symlink(&Path::new(RUNS).join(&one), &link).unwrap();
        let lock = store.lock(false).unwrap();
        let refused = store.open(&lock).unwrap_err().to_string();
        assert!(
            refused.contains(&format!(
                "points to run {one}, but the run agristat last made current is {two}"
            )),
            "{refused}"
        );
        assert!(
            refused.contains(&format!("`agristat rollback PIPELINE.toml {one}`")),
            "{refused}"
        );
        let switched = store.rollback(&lock, "000001").unwrap();
        assert_eq!(
            (
                switched.id.as_str(),
                switched.previous.as_deref(),
                switched.already
            ),
            (one.as_str(), Some(two.as_str()), false)
        );
        let state = store.open(&lock).unwrap();
        assert_eq!(state.current.as_deref(), Some(one.as_str()));
        assert_eq!(
            state.journal.events.last().unwrap().action,
            Action::Rollback
        );
        assert!(store.run_dir(&two).exists());
        assert!(store.rollback(&lock, &one).unwrap().already);
    }

    #[test]
    fn a_current_that_is_not_agristats_link_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        let one = publish(&store, "one");
        let link = root.path().join(CURRENT);
        fs::remove_file(&link).unwrap();
        fs::create_dir(&link).unwrap();
        let lock = store.lock(false).unwrap();
        let refused = store.open(&lock).unwrap_err().to_string();
        assert!(
            refused.contains("is a folder, not agristat's link to a run"),
            "{refused}"
        );
        assert!(
            store.rollback(&lock, &one).is_err(),
            "a folder is not replaced"
        );
        assert!(store.run_dir(&one).exists());
    }
}
