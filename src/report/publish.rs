//! Atomic publishing: outputs are written into a staging folder beside the output folder and
//! switched in by renames only once every file is complete. A failed or killed run leaves
//! the previous outputs as they were.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::error::{Error, Result};

pub struct Staging {
    dir: TempDir,
    target: PathBuf,
    backup: PathBuf,
}

impl Staging {
    pub fn new(target: &Path) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| Error::io(&parent, "creating the output folder", e))?;
        let name = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let backup = parent.join(format!(".{name}.previous"));
        recover(target, &backup)?;
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.staging-"))
            .tempdir_in(&parent)
            .map_err(|e| Error::io(&parent, "creating a staging folder", e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            backup,
        })
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    /// Replaces the output folder with the staged one.
    pub fn commit(self) -> Result<()> {
        let had_previous = self.target.exists();
        if had_previous {
            fs::rename(&self.target, &self.backup)
                .map_err(|e| Error::io(&self.target, "moving the previous outputs aside", e))?;
        }
        let staged = self.dir.keep();
        if let Err(e) = fs::rename(&staged, &self.target) {
            if had_previous {
                let _ = fs::rename(&self.backup, &self.target);
            }
            let _ = fs::remove_dir_all(&staged);
            return Err(Error::io(&self.target, "publishing the new outputs", e));
        }
        if had_previous {
            fs::remove_dir_all(&self.backup)
                .map_err(|e| Error::io(&self.backup, "removing the previous outputs", e))?;
        }
        Ok(())
    }
}

/// Finishes a switch that a killed run left half done: with the outputs gone, the
/// previous ones come back; with both present, the copy aside is stale.
fn recover(target: &Path, backup: &Path) -> Result<()> {
    if !backup.exists() {
        return Ok(());
    }
    if target.exists() {
        fs::remove_dir_all(backup)
            .map_err(|e| Error::io(backup, "removing stale previous outputs", e))
    } else {
        fs::rename(backup, target)
            .map_err(|e| Error::io(backup, "restoring the previous outputs", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_on_commit() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("totals.csv"), "old").unwrap();

        let staging = Staging::new(&target).unwrap();
        fs::write(staging.path("totals.csv"), "new").unwrap();
        drop(staging); // a failed run
        assert_eq!(
            fs::read_to_string(target.join("totals.csv")).unwrap(),
            "old"
        );
        assert_eq!(
            fs::read_dir(root.path()).unwrap().count(),
            1,
            "staging folder left behind"
        );

        let staging = Staging::new(&target).unwrap();
        fs::write(staging.path("totals.csv"), "new").unwrap();
        staging.commit().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("totals.csv")).unwrap(),
            "new"
        );
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 1);
    }

    #[test]
    fn restores_outputs_a_killed_switch_left_aside() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        let backup = root.path().join(".out.previous");
        fs::create_dir(&backup).unwrap();
        fs::write(backup.join("totals.csv"), "old").unwrap();
        let _staging = Staging::new(&target).unwrap();
        assert_eq!(
            fs::read_to_string(target.join("totals.csv")).unwrap(),
            "old"
        );
    }
}
