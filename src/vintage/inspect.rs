//! What is in an output folder, and which of it agristat provably made. The store acts only
//! on what this module recognises; everything else is someone else's and is left alone.
//!
//! - **A run** is a folder (not a link) in `runs/` whose name is a run id
//!   (`NNNNNN-YYYYMMDDTHHMMSSZ-hhhhhhhh`) and which holds a `manifest.json` naming that id.
//! - **A staging folder** is a `runs/.staging-*` folder holding the staging marker file, which
//!   agristat writes first thing into every staging folder it creates.
//! - **`current`** is agristat's when it is a symbolic link to `runs/ID` of a run.

use std::fs;
use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use crate::lang::Msg;
use crate::tr;

pub const RUNS: &str = "runs";
pub const CURRENT: &str = "current";
pub const CACHE: &str = "cache";
/// The output folder's lock file: a run holds an OS lock on it from start to end.
pub const LOCK: &str = ".agristat.lock";
/// The history of what was made current (see `journal`).
pub const HISTORY: &str = "history.jsonl";
pub const STAGING_PREFIX: &str = ".staging-";
/// The marker file in every staging folder agristat creates, naming its owner.
pub const MARKER: &str = ".agristat-staging";
pub const MARKER_HEAD: &str = "agristat staging folder";
/// Files that file managers drop into any folder they show: tolerated, never touched.
const FILE_MANAGER_LITTER: [&str; 3] = [".DS_Store", "Thumbs.db", "desktop.ini"];

/// Whether `name` has the form of a run id: a sequence of at least 6 digits, the UTC time
/// `YYYYMMDDTHHMMSSZ` and 8 lowercase hex digits of the content hash.
pub fn is_run_id(name: &str) -> bool {
    let parts: Vec<&str> = name.split('-').collect();
    let [seq, time, hash] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    seq.len() >= 6
        && digits(seq)
        && time.len() == 16
        && digits(&time[..8])
        && &time[8..9] == "T"
        && digits(&time[9..15])
        && time.ends_with('Z')
        && hash.len() == 8
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A run id's sequence number: runs are ordered by it (the time may go backwards).
pub fn sequence(id: &str) -> u64 {
    id.split('-')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Why `runs/NAME` is not one of agristat's runs, or None if it is one.
fn not_a_run(runs: &Path, name: &str) -> Option<String> {
    if !is_run_id(name) {
        return Some(tr!(Msg::StoreNotRunId));
    }
    let dir = runs.join(name);
    if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
        return Some(tr!(Msg::StoreNotFolder));
    }
    match Manifest::read(&dir.join("manifest.json")) {
        Ok(m) if m.run_id == name => None,
        Ok(_) => Some(tr!(Msg::StoreManifestOtherRun)),
        Err(_) => Some(tr!(Msg::StoreNoManifest)),
    }
}

/// Whether a staging folder carries agristat's marker.
pub fn is_marked_staging(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && fs::read_to_string(dir.join(MARKER)).is_ok_and(|t| t.starts_with(MARKER_HEAD))
}

/// The contents of `runs/`, sorted out.
#[derive(Debug, Default)]
pub struct Contents {
    /// agristat's runs, in run order.
    pub runs: Vec<String>,
    /// Staging folders carrying agristat's marker.
    pub staging: Vec<PathBuf>,
    /// Everything else but unmarked staging folders and file-manager litter: `name (why)`.
    pub foreign: Vec<String>,
}

/// Sorts out `runs/`. A missing folder is empty.
pub fn contents(runs: &Path) -> std::io::Result<Contents> {
    let mut out = Contents::default();
    let entries = match fs::read_dir(runs) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with(STAGING_PREFIX) {
            // An unmarked staging folder may be an older agristat's or anyone's: left alone.
            if is_marked_staging(&runs.join(&name)) {
                out.staging.push(runs.join(&name));
            }
        } else if FILE_MANAGER_LITTER.contains(&name.as_str()) {
        } else if let Some(why) = not_a_run(runs, &name) {
            out.foreign
                .push(tr!(Msg::StoreForeignEntry, name = name, why = why));
        } else {
            out.runs.push(name);
        }
    }
    out.runs.sort_by_key(|id| (sequence(id), id.clone()));
    out.foreign.sort();
    Ok(out)
}

/// What `current` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Current {
    Missing,
    /// agristat's link to one of its runs.
    Run(String),
    /// A link, but not to one of agristat's runs: what it points to.
    OtherLink(String),
    /// Not a link at all: a folder or a file (as a message says it).
    NotALink(String),
}

pub fn current(root: &Path) -> Current {
    let path = root.join(CURRENT);
    let Ok(meta) = fs::symlink_metadata(&path) else {
        return Current::Missing;
    };
    if !meta.file_type().is_symlink() {
        let kind = if meta.is_dir() {
            Msg::StoreAFolder
        } else {
            Msg::StoreAFile
        };
        return Current::NotALink(tr!(kind));
    }
    let Ok(target) = fs::read_link(&path) else {
        return Current::OtherLink(tr!(Msg::StoreUnreadableTarget));
    };
    let parts: Vec<_> = target.components().collect();
    let shown = target.display().to_string();
    match parts.as_slice() {
        [runs, id] if runs.as_os_str() == RUNS => {
            let id = id.as_os_str().to_string_lossy().into_owned();
            match not_a_run(&root.join(RUNS), &id) {
                None => Current::Run(id),
                Some(_) if !root.join(RUNS).join(&id).exists() => {
                    Current::OtherLink(tr!(Msg::StoreTargetMissing, target = shown))
                }
                Some(why) => {
                    Current::OtherLink(tr!(Msg::StoreTargetNotRun, target = shown, why = why))
                }
            }
        }
        _ => Current::OtherLink(tr!(Msg::StoreTargetElsewhere, target = shown, runs = RUNS)),
    }
}

/// Whether a name in the output folder is a temporary of the link switch or of
/// `durable::write_atomic`: `.current.PID` or `.history.jsonl.PID`.
pub fn is_root_temporary(name: &str) -> bool {
    [CURRENT, HISTORY].iter().any(|own| {
        name.strip_prefix(&format!(".{own}."))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether a root entry is one agristat makes (or tolerates) in an output folder.
fn is_own_root_entry(name: &str) -> bool {
    [RUNS, CURRENT, CACHE, LOCK, HISTORY].contains(&name)
        || FILE_MANAGER_LITTER.contains(&name)
        || is_root_temporary(name)
}

/// For a folder not yet used as an output folder (no runs, no current, no history): the
/// entries that agristat did not make. Empty for a used or missing folder.
pub fn foreign_in_new_folder(root: &Path) -> std::io::Result<Vec<String>> {
    let used = [RUNS, CURRENT, HISTORY]
        .iter()
        .any(|n| fs::symlink_metadata(root.join(n)).is_ok());
    if used {
        return Ok(Vec::new());
    }
    let entries = match fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut foreign = Vec::new();
    for entry in entries {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !is_own_root_entry(&name) {
            foreign.push(name);
        }
    }
    foreign.sort();
    Ok(foreign)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids_are_recognised_by_their_form() {
        assert!(is_run_id("000002-20261129T030512Z-f47067f2"));
        assert!(is_run_id("1000000-20261129T030512Z-f47067f2"));
        for name in [
            "2017-final",
            "00002-20261129T030512Z-f47067f2",
            "000002-20261129T030512-f47067f2",
            "000002-20261129T030512Z-F47067F2",
            "000002-20261129T030512Z-f47067f2-copy",
            ".staging-abc",
        ] {
            assert!(!is_run_id(name), "{name}");
        }
        assert_eq!(sequence("1000000-20261129T030512Z-f47067f2"), 1_000_000);
        assert!(is_root_temporary(".current.1234"));
        assert!(is_root_temporary(".history.jsonl.99"));
        assert!(!is_root_temporary(".current."));
        assert!(!is_root_temporary(".current.12a"));
        assert!(!is_root_temporary("current"));
    }

    #[test]
    fn only_an_own_run_or_marked_staging_is_agristats() {
        let root = tempfile::tempdir().unwrap();
        let runs = root.path().join(RUNS);
        let id = "000001-20190101T000000Z-aaaaaaaa";
        fs::create_dir_all(runs.join(id)).unwrap();
        Manifest::sample(id)
            .write(&runs.join(id).join("manifest.json"))
            .unwrap();
        // Named like a run, but without a manifest; someone else's folder; staging folders.
        fs::create_dir_all(runs.join("000002-20190101T000000Z-bbbbbbbb")).unwrap();
        fs::create_dir_all(runs.join("2017-final")).unwrap();
        fs::create_dir_all(runs.join(".staging-marked")).unwrap();
        fs::write(runs.join(".staging-marked").join(MARKER), MARKER_HEAD).unwrap();
        fs::create_dir_all(runs.join(".staging-unmarked")).unwrap();
        fs::write(runs.join("Thumbs.db"), "").unwrap();
        let found = contents(&runs).unwrap();
        assert_eq!(found.runs, [id]);
        assert_eq!(found.staging, [runs.join(".staging-marked")]);
        assert_eq!(
            found.foreign,
            [
                "000002-20190101T000000Z-bbbbbbbb (no readable manifest.json)",
                "2017-final (not a run id)"
            ]
        );
    }
}
