//! What dead runs leave behind, removed at the start of a run: marked staging folders, the
//! marker in a run folder renamed into place by a run that died before unmarking it,
//! `.current.PID` and `.history.jsonl.PID` temporaries, and the parse cache's temporary
//! files. Only agristat's own names are removed, and only by a run holding the output
//! folder's lock: every run that writes holds it, so whatever a lock holder finds of these
//! belongs to a run that has ended.

use std::fs;
use std::path::Path;

use super::durable;
use super::inspect::{self, is_root_temporary, CACHE};
use super::store::RunLock;
use crate::error::{Error, Result};
use crate::ingest::cache::TEMP_PREFIX;
use crate::lang::Msg;

/// Whether a cache file name is a temporary one: ours, or the `tempfile` crate's default
/// (`.tmp` and 6 letters or digits) that agristat used before it named its own.
fn is_cache_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
        || name
            .strip_prefix(".tmp")
            .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes the litter of ended runs from the output folder `root`; `staging` are the marked
/// staging folders found in `runs/`. The lock is the proof that no run is writing.
pub fn clean(root: &Path, staging: &[std::path::PathBuf], _lock: &RunLock) -> Result<()> {
    for dir in staging {
        // Checked again right before removing: only a folder carrying our marker goes.
        if inspect::is_marked_staging(dir) {
            fs::remove_dir_all(dir).map_err(|e| Error::io(dir, Msg::StoreStepRemoveStaging, e))?;
        }
    }
    if let Ok(runs) = fs::read_dir(root.join(inspect::RUNS)) {
        for run in runs.flatten() {
            if inspect::is_run_id(&run.file_name().to_string_lossy()) {
                unmark(&run.path())?;
            }
        }
    }
    remove_files(root, is_root_temporary)?;
    remove_files(&root.join(CACHE), is_cache_temporary)
}

/// Removes the staging marker from a run folder (renamed into place with it), if it is there.
pub fn unmark(run: &Path) -> Result<()> {
    let marker = run.join(inspect::MARKER);
    let ours = fs::read_to_string(&marker).is_ok_and(|t| t.starts_with(inspect::MARKER_HEAD));
    if ours {
        fs::remove_file(&marker).map_err(|e| Error::io(&marker, Msg::StoreStepUnmark, e))?;
        durable::sync_dir(run)?;
    }
    Ok(())
}

/// Removes the files and links in `dir` whose names match; never a folder.
fn remove_files(dir: &Path, matches: fn(&str) -> bool) -> Result<()> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if (kind.is_file() || kind.is_symlink()) && matches(&name) {
            let path = entry.path();
            fs::remove_file(&path)
                .map_err(|e| Error::io(&path, Msg::StoreStepRemoveTemporary, e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_temporary_names_are_litter() {
        assert!(is_cache_temporary(".agristat-tmp-Ab12cd"));
        assert!(is_cache_temporary(".tmpAb12cd"));
        assert!(!is_cache_temporary(".tmpAb12cd.arrow"));
        assert!(!is_cache_temporary("0123abcd.arrow"));
    }
}
