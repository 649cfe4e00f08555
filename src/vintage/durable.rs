//! Durability: the one place that fsyncs. What a rename publishes is on disk before the
//! rename, and the rename itself is on disk after it (its folder fsynced), so that a power
//! loss cannot leave `current` pointing at a run whose files were still in the page cache.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::lang::Msg;

/// Flushes one file's contents to disk.
pub fn sync_file(path: &Path) -> Result<()> {
    // Windows flushes only through a handle with write access; Unix fsyncs any descriptor.
    let file = fs::OpenOptions::new()
        .read(true)
        .write(cfg!(windows))
        .open(path)
        .map_err(|e| Error::io(path, Msg::StoreStepOpenFileToFlush, e))?;
    file.sync_all()
        .map_err(|e| Error::io(path, Msg::StoreStepFlushFile, e))
}

/// Flushes a folder's entries (names created, renamed or removed in it) to disk.
#[cfg(unix)]
pub fn sync_dir(path: &Path) -> Result<()> {
    let dir =
        fs::File::open(path).map_err(|e| Error::io(path, Msg::StoreStepOpenFolderToFlush, e))?;
    dir.sync_all()
        .map_err(|e| Error::io(path, Msg::StoreStepFlushFolder, e))
}

/// Windows cannot open a folder as a file; NTFS journals its metadata itself.
#[cfg(not(unix))]
pub fn sync_dir(_path: &Path) -> Result<()> {
    Ok(())
}

/// Flushes every file below `dir`, then every folder bottom-up, `dir` itself last. Links are
/// not followed: a staging folder holds none, and a link's target is not ours to flush.
pub fn sync_tree(dir: &Path) -> Result<()> {
    let entries =
        fs::read_dir(dir).map_err(|e| Error::io(dir, Msg::StoreStepListFolderToFlush, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, Msg::StoreStepListFolderToFlush, e))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| Error::io(&path, Msg::StoreStepFlushFile, e))?;
        if kind.is_dir() {
            sync_tree(&path)?;
        } else if kind.is_file() {
            sync_file(&path)?;
        }
    }
    sync_dir(dir)
}

/// Replaces `path` by `bytes` atomically and durably: written beside it as `.NAME.PID`,
/// flushed, renamed over it, and its folder flushed. A reader sees the old or the new file,
/// never half of one; a process that dies leaves at most the `.NAME.PID` file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = dir.join(format!(".{name}.{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    if let Err(e) = write() {
        let _ = fs::remove_file(&temporary);
        return Err(Error::io(&temporary, Msg::StoreStepWriteFile, e));
    }
    fs::rename(&temporary, path).map_err(|e| Error::io(path, Msg::StoreStepReplaceFile, e))?;
    sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_and_an_atomic_write_are_flushed_without_error() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("a/b")).unwrap();
        fs::write(root.path().join("a/b/file.txt"), "x").unwrap();
        sync_tree(root.path()).unwrap();
        let path = root.path().join("history.jsonl");
        write_atomic(&path, b"one\n").unwrap();
        write_atomic(&path, b"two\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two\n");
        let names: Vec<_> = fs::read_dir(root.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2, "no temporary file is left");
    }
}
