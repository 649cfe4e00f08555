//! The pipeline's output folder as a store of vintages:
//!
//! ```text
//! OUTPUT/current -> runs/ID     the latest successful run (a symlink, switched atomically)
//! OUTPUT/runs/ID/               one vintage: outputs, manifest.json, revisions, data/
//! OUTPUT/runs/.staging-*        a run being written (removed if the run fails)
//! OUTPUT/cache/                 parsed input files, by content hash (safe to delete)
//! ```
//!
//! A run writes everything into a staging folder, renames it to `runs/ID`, then replaces the
//! `current` link by renaming a new link over it. A kill at any point leaves `current` on the
//! previous run; a vintage renamed into place but never made current is left over from such a
//! kill, is not listed, and is removed by the next run.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Problem, Result};

pub const CURRENT: &str = "current";
/// The output folder's lock file: a run holds an OS lock on it from start to end.
pub const LOCK: &str = ".agristat.lock";
const RUNS: &str = "runs";
const CACHE: &str = "cache";
const STAGING_PREFIX: &str = ".staging-";

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
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

impl Store {
    pub fn new(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn runs_dir(&self) -> PathBuf {
        self.root.join(RUNS)
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.root.join(CACHE)
    }

    pub fn run_dir(&self, id: &str) -> PathBuf {
        self.runs_dir().join(id)
    }

    /// The id of the current run, if any run has succeeded.
    pub fn current(&self) -> Option<String> {
        let target = fs::read_link(self.root.join(CURRENT)).ok()?;
        Some(target.file_name()?.to_string_lossy().into_owned())
    }

    /// The vintages, oldest first: every finished run up to the current one.
    pub fn vintages(&self) -> Result<Vec<String>> {
        let Some(current) = self.current() else {
            return Ok(Vec::new());
        };
        let dir = self.runs_dir();
        let entries = fs::read_dir(&dir).map_err(|e| Error::io(&dir, "listing the runs", e))?;
        let mut ids: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|id| !id.starts_with('.') && *id <= current)
            .filter(|id| dir.join(id).join("manifest.json").is_file())
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Removes what killed runs left behind: staging folders and vintages never made current.
    pub fn clean(&self) -> Result<()> {
        let dir = self.runs_dir();
        let Ok(entries) = fs::read_dir(&dir) else {
            return Ok(());
        };
        let current = self.current();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let orphan = current.as_deref().is_none_or(|c| name.as_str() > c);
            if name.starts_with(STAGING_PREFIX) || (!name.starts_with('.') && orphan) {
                let path = entry.path();
                fs::remove_dir_all(&path)
                    .map_err(|e| Error::io(&path, "removing an unfinished run", e))?;
            }
        }
        Ok(())
    }

    /// Takes the output folder's lock: one run at a time per output folder. With `wait`, a
    /// second run says so and waits for the first to finish; without, it fails at once.
    pub fn lock(&self, wait: bool) -> Result<RunLock> {
        fs::create_dir_all(&self.root)
            .map_err(|e| Error::io(&self.root, "creating the output folder", e))?;
        let path = self.root.join(LOCK);
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, "opening the output folder's lock", e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) if wait => {
                eprintln!(
                    "agristat: another run is writing to {}; waiting for it to finish",
                    self.root.display()
                );
                file.lock()
                    .map_err(|e| Error::io(&path, "waiting for the output folder's lock", e))?;
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::Config(vec![Problem::new(
                    Location::file(&self.root),
                    "another run is writing to this output folder (expected none); run again when it has finished, or without --no-wait to wait for it",
                )]))
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(Error::io(&path, "locking the output folder", e))
            }
        }
        Ok(RunLock { _file: file })
    }

    pub fn begin(&self) -> Result<Staging> {
        let dir = self.runs_dir();
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "creating the runs folder", e))?;
        let dir = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(&dir)
            .map_err(|e| Error::io(&dir, "creating a staging folder", e))?;
        Ok(Staging { dir })
    }

    /// Makes the staged run a vintage under `id` and the current run.
    pub fn publish(&self, staging: Staging, id: &str) -> Result<()> {
        let target = self.run_dir(id);
        let staged = staging.dir.keep();
        if let Err(e) = fs::rename(&staged, &target) {
            let _ = fs::remove_dir_all(&staged);
            return Err(Error::io(&target, "storing the run", e));
        }
        fault_point("before-switch");
        let link = self.root.join(CURRENT);
        let temporary = self.root.join(format!(".{CURRENT}.{}", std::process::id()));
        let _ = fs::remove_file(&temporary);
        symlink(&Path::new(RUNS).join(id), &temporary)
            .map_err(|e| Error::io(&temporary, "linking the new run", e))?;
        fs::rename(&temporary, &link).map_err(|e| Error::io(&link, "switching to the new run", e))
    }

    /// A run id: a sequence number (so that ids sort in run order even if the clock does
    /// not), the time, and the first hex digits of the content hash.
    pub fn new_id(&self, time_id: &str, content_hash: &str) -> Result<String> {
        let dir = self.runs_dir();
        let last = match fs::read_dir(&dir) {
            Ok(entries) => entries
                .flatten()
                .filter_map(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .split('-')
                        .next()?
                        .parse::<u32>()
                        .ok()
                })
                .max()
                .unwrap_or(0),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => return Err(Error::io(&dir, "listing the runs", e)),
        };
        Ok(format!(
            "{:06}-{time_id}-{}",
            last + 1,
            &content_hash[..8.min(content_hash.len())]
        ))
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
    use super::*;

    #[test]
    fn publishing_switches_current_and_keeps_vintages() {
        let root = tempfile::tempdir().unwrap();
        let store = Store::new(root.path());
        assert_eq!(store.current(), None);
        for (id, text) in [
            ("000001-20190101T000000Z-aaaaaaaa", "one"),
            ("000002-20190101T000000Z-00000000", "two"),
        ] {
            let staging = store.begin().unwrap();
            fs::write(staging.path().join("manifest.json"), "{}").unwrap();
            fs::write(staging.path().join("totals.csv"), text).unwrap();
            store.publish(staging, id).unwrap();
        }
        assert_eq!(
            fs::read_to_string(root.path().join("current/totals.csv")).unwrap(),
            "two"
        );
        assert_eq!(store.vintages().unwrap().len(), 2);

        // A failed run leaves nothing; an orphan vintage (killed before the switch) is hidden
        // and cleaned.
        drop(store.begin().unwrap());
        let orphan = store.new_id("20190101T000000Z", "cccccccc99").unwrap();
        assert_eq!(orphan, "000003-20190101T000000Z-cccccccc");
        fs::create_dir_all(store.run_dir(&orphan)).unwrap();
        fs::write(store.run_dir(&orphan).join("manifest.json"), "{}").unwrap();
        assert_eq!(store.vintages().unwrap().len(), 2);
        store.clean().unwrap();
        assert!(!store.run_dir(&orphan).exists());
        assert_eq!(
            store.current().as_deref(),
            Some("000002-20190101T000000Z-00000000")
        );
    }
}
