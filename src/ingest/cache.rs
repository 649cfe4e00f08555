//! The parse cache: each input file's validated rows, stored as Arrow IPC under a key made of
//! the file's content hash, how the pipeline reads it, the catalogue and the agristat version.
//! A rerun after one village corrected its file parses that file only. Deleting the cache
//! changes nothing but speed. Every entry has a check file naming the key it was made for
//! and the SHA-256 of its rows; an entry whose check fails is damaged, never trusted: its
//! file is parsed again and the run says so.

use crate::lang::Msg;
use std::io::Write;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use polars_io::ipc::{IpcReader, IpcWriter};
use polars_io::{SerReader, SerWriter};

use crate::hash::sha256_hex;
use crate::ingest::workbook::SheetColumns;

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
            dir.join(format!("{key}.check")),
        ))
    }

    /// The file of entry `key`'s rows, if there is one.
    pub fn entry(&self, key: &str) -> Option<PathBuf> {
        self.paths(key)
            .map(|(data, _)| data)
            .filter(|p| p.is_file())
    }

    /// The cached rows, the column of each field in the file (and in each sheet of a
    /// workbook), if the entry exists and its check holds.
    pub fn load(&self, key: &str) -> Lookup {
        let Some((data, check)) = self.paths(key) else {
            return Lookup::Miss;
        };
        let (Ok(check), Ok(bytes)) = (std::fs::read_to_string(check), std::fs::read(data)) else {
            return Lookup::Miss;
        };
        let Some(check) = Check::parse(&check) else {
            return Lookup::Damaged(Msg::CacheCheckUnreadable);
        };
        if check.key != key {
            return Lookup::Damaged(Msg::CacheOtherKey);
        }
        if check.sha256 != sha256_hex(&bytes) {
            return Lookup::Damaged(Msg::CacheChecksum);
        }
        match IpcReader::new(std::io::Cursor::new(bytes)).finish() {
            Ok(df) => Lookup::Hit(df, check.columns, check.sheets),
            Err(_) => Lookup::Damaged(Msg::CacheRowsUnreadable),
        }
    }

    /// Stores an entry: rows first, then the check that vouches for them, each written beside
    /// and renamed, so that a reader never sees half an entry. Failures are ignored: the
    /// cache only saves time.
    pub fn store(&self, key: &str, rows: &mut DataFrame, columns: &[u64], sheets: &[SheetColumns]) {
        let Some((data, check_file)) = self.paths(key) else {
            return;
        };
        let mut bytes = Vec::new();
        if IpcWriter::new(&mut bytes).finish(rows).is_err() {
            return;
        }
        let check = Check {
            key: key.to_string(),
            sha256: sha256_hex(&bytes),
            columns: columns.to_vec(),
            sheets: sheets.to_vec(),
        };
        if replace(&data, &bytes).is_ok() {
            let _ = replace(&check_file, check.to_string().as_bytes());
        }
    }
}

/// What the cache holds for a key.
pub enum Lookup {
    Hit(DataFrame, Vec<u64>, Vec<SheetColumns>),
    Miss,
    /// An entry whose check failed, and why.
    Damaged(Msg),
}

/// An entry's check file: the key it was made for, the SHA-256 of its rows, the column of each
/// field in the file, and for a workbook its sheets (a JSON line; none for CSV).
struct Check {
    key: String,
    sha256: String,
    columns: Vec<u64>,
    sheets: Vec<SheetColumns>,
}

const CHECK_HEADER: &str = "agristat cache entry 1";

impl Check {
    fn parse(text: &str) -> Option<Check> {
        let mut lines = text.lines();
        (lines.next()? == CHECK_HEADER).then_some(())?;
        let key = lines.next()?.strip_prefix("key ")?.to_string();
        let sha256 = lines.next()?.strip_prefix("sha256 ")?.to_string();
        let columns = lines.next()?.strip_prefix("columns ")?;
        let columns = match columns {
            "" => Vec::new(),
            c => c
                .split(',')
                .map(|c| c.parse().ok())
                .collect::<Option<_>>()?,
        };
        let sheets = match lines.next() {
            None => Vec::new(),
            Some(line) => serde_json::from_str(line.strip_prefix("sheets ")?).ok()?,
        };
        Some(Check {
            key,
            sha256,
            columns,
            sheets,
        })
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let columns: Vec<String> = self.columns.iter().map(|c| c.to_string()).collect();
        writeln!(f, "{CHECK_HEADER}")?;
        writeln!(f, "key {}", self.key)?;
        writeln!(f, "sha256 {}", self.sha256)?;
        writeln!(f, "columns {}", columns.join(","))?;
        if !self.sheets.is_empty() {
            let sheets = serde_json::to_string(&self.sheets).map_err(|_| std::fmt::Error)?;
            writeln!(f, "sheets {sheets}")?;
        }
        Ok(())
    }
}

/// Writes `path` through a temporary file beside it, renamed over it.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(cache: &Cache) -> (String, PathBuf, PathBuf) {
        let key = Cache::key("sha", "reading");
        let mut rows =
            df!("village_code" => ["01", "02"], "output" => [Some(10i64), None]).unwrap();
        let sheets = [SheetColumns {
            name: "青杠村".to_string(),
            columns: vec![3, 6],
        }];
        cache.store(&key, &mut rows, &[2, 5], &sheets);
        let (data, check) = cache.paths(&key).unwrap();
        (key, data, check)
    }

    #[test]
    fn an_entry_reads_back_with_its_columns() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let (key, _, _) = entry(&cache);
        match cache.load(&key) {
            Lookup::Hit(df, columns, sheets) => {
                assert_eq!(df.height(), 2);
                assert_eq!(columns, [2, 5]);
                assert_eq!(sheets[0].name, "青杠村");
                assert_eq!(sheets[0].columns, [3, 6]);
            }
            _ => panic!("expected a hit"),
        }
        assert!(matches!(
            cache.load(&Cache::key("other", "reading")),
            Lookup::Miss
        ));
    }

    #[test]
    fn an_altered_entry_is_damaged_never_a_hit() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let (key, data, check) = entry(&cache);
        // One flipped bit anywhere in the rows.
        let mut bytes = std::fs::read(&data).unwrap();
        for at in [0, bytes.len() / 2, bytes.len() - 1] {
            bytes[at] ^= 0x10;
            std::fs::write(&data, &bytes).unwrap();
            assert!(
                matches!(cache.load(&key), Lookup::Damaged(_)),
                "bit at {at}"
            );
            bytes[at] ^= 0x10;
        }
        std::fs::write(&data, &bytes).unwrap();
        assert!(matches!(cache.load(&key), Lookup::Hit(..)));
        // An entry renamed to another key, and a check file mangled.
        let other = Cache::key("other", "reading");
        let (other_data, other_check) = cache.paths(&other).unwrap();
        std::fs::copy(&data, other_data).unwrap();
        std::fs::copy(&check, other_check).unwrap();
        assert!(matches!(cache.load(&other), Lookup::Damaged(_)));
        std::fs::write(&check, "columns 1,2").unwrap();
        assert!(matches!(cache.load(&key), Lookup::Damaged(_)));
    }
}
