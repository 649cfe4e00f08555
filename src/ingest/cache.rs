//! The parse cache: each input file's validated rows, stored as Arrow IPC under a key made of
//! the file's content hash, how the pipeline reads it, the catalogue and the agristat version.
//! A rerun after one village corrected its file parses that file only. Deleting the cache
//! changes nothing but speed; an unreadable entry is parsed again.

use std::fs::File;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use polars_io::ipc::{IpcReader, IpcWriter};
use polars_io::{SerReader, SerWriter};

use crate::hash::sha256_hex;

/// The prefix of an entry being written (beside, then renamed): a run that dies leaves it,
/// and the next run removes it (`vintage::litter`).
pub const TEMP_PREFIX: &str = ".agristat-tmp-";

#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// A cache in `dir`, created when first written.
    pub fn at(dir: &Path) -> Cache {
        Cache {
            dir: Some(dir.to_path_buf()),
        }
    }

    /// No cache: every file is parsed (as `check` does, which writes nothing).
    pub fn disabled() -> Cache {
        Cache { dir: None }
    }

    /// The entry key for a file's content read under `reading` (the input's mapping, units,
    /// encoding, years and catalogue, as text).
    pub fn key(file_sha256: &str, reading: &str) -> String {
        sha256_hex(
            format!(
                "agristat {}\n{file_sha256}\n{reading}",
                env!("CARGO_PKG_VERSION")
            )
            .as_bytes(),
        )
    }

    fn paths(&self, key: &str) -> Option<(PathBuf, PathBuf)> {
        let dir = self.dir.as_ref()?;
        Some((
            dir.join(format!("{key}.arrow")),
            dir.join(format!("{key}.columns")),
        ))
    }

    /// The file of entry `key`'s rows, if there is one.
    pub fn entry(&self, key: &str) -> Option<PathBuf> {
        self.paths(key)
            .map(|(data, _)| data)
            .filter(|p| p.is_file())
    }

    /// The cached rows and the column of each field in the file, if present and readable.
    pub fn load(&self, key: &str) -> Option<(DataFrame, Vec<u64>)> {
        let (data, columns) = self.paths(key)?;
        let columns: Vec<u64> = std::fs::read_to_string(columns)
            .ok()?
            .split(',')
            .map(|c| c.trim().parse().ok())
            .collect::<Option<_>>()?;
        let df = IpcReader::new(File::open(data).ok()?).finish().ok()?;
        Some((df, columns))
    }

    /// Stores an entry. Failures are ignored: the cache only saves time.
    pub fn store(&self, key: &str, rows: &mut DataFrame, columns: &[u64]) {
        let Some((data, column_file)) = self.paths(key) else {
            return;
        };
        let Some(dir) = data.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // Write beside and rename, so that a reader never sees half an entry.
        let Ok(mut tmp) = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir)
        else {
            return;
        };
        if IpcWriter::new(tmp.as_file_mut()).finish(rows).is_err() {
            return;
        }
        let text: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        if std::fs::write(&column_file, text.join(",")).is_ok() {
            let _ = tmp.persist(&data);
        }
    }
}
