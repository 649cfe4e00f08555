//! The run manifest: what a run read and wrote, with content hashes, so that a figure can be
//! traced to the exact files it came from.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};
use crate::hash::sha256_hex;
pub use crate::hash::FileRecord;
use crate::lang::Msg;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputRecord {
    pub table: String,
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub rows: usize,
    /// Whether this run parsed the file (false: its validated rows came from the cache).
    pub parsed: bool,
    /// A workbook's sheets that were read, in order (a stored row's line packs its sheet's
    /// position and its row); absent for CSV files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    pub area_code: String,
    pub area_name: String,
    pub indicator: String,
    pub unit: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub agristat_version: String,
    pub run_id: String,
    /// When the run started, UTC.
    pub time: String,
    /// SHA-256 over the version, the pipeline file and every input: equal hashes, equal outputs.
    pub content_hash: String,
    pub pipeline: FileRecord,
    pub catalogue: FileRecord,
    pub inputs: Vec<InputRecord>,
    pub outputs: Vec<FileRecord>,
    pub warnings: usize,
    pub headline: Vec<Headline>,
}

impl Manifest {
    /// What a run's rows depend on besides the input files themselves.
    pub fn reading(&self) -> String {
        reading(&self.agristat_version, &self.pipeline, &self.catalogue)
    }
}

/// What rows depend on besides the input files: the agristat version (how cells are read),
/// the pipeline (mappings, units, years) and the catalogue (item codes). Two runs with the
/// same reading read an unchanged file into the same rows.
pub fn reading(version: &str, pipeline: &FileRecord, catalogue: &FileRecord) -> String {
    format!("{version} {} {}", pipeline.sha256, catalogue.sha256)
}

/// The path of file `index` of `table`: rows store a file index, the manifest the paths, in
/// the order each table read them.
pub fn input_path(inputs: &[InputRecord], table: &str, index: u32) -> String {
    inputs
        .iter()
        .filter(|r| r.table == table)
        .nth(index as usize)
        .map_or_else(String::new, |r| r.path.clone())
}

/// Where stored row `line` of file `index` of `table` came from, as the user finds it: a line
/// of a CSV file, or a row of a workbook's sheet (`file[sheet]!12:12`).
pub fn row_location(inputs: &[InputRecord], table: &str, index: u32, line: u32) -> Location {
    let record = inputs
        .iter()
        .filter(|r| r.table == table)
        .nth(index as usize);
    let path = Path::new(record.map_or("", |r| r.path.as_str()));
    match record.filter(|r| !r.sheets.is_empty()) {
        Some(r) => {
            let (sheet, row) = crate::ingest::workbook::split_line(line);
            let name = r.sheets.get(sheet).map_or("", String::as_str);
            Location::cell(path, name, row, 0)
        }
        None => Location::at(path, u64::from(line), 0),
    }
}

pub fn file_record(path: &Path, shown: &str) -> Result<FileRecord> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, Msg::StoreStepHashFile, e))?;
    Ok(FileRecord {
        path: shown.to_string(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(&bytes),
    })
}

/// The hash that identifies a run's content: same inputs and version, same hash.
pub fn content_hash(
    pipeline: &FileRecord,
    catalogue: &FileRecord,
    inputs: &[InputRecord],
) -> String {
    let mut text = format!(
        "agristat {}\npipeline {}\ncatalogue {}\n",
        env!("CARGO_PKG_VERSION"),
        pipeline.sha256,
        catalogue.sha256
    );
    for input in inputs {
        text.push_str(&format!(
            "{} {} {}\n",
            input.table, input.path, input.sha256
        ));
    }
    sha256_hex(text.as_bytes())
}

impl Manifest {
    pub fn read(path: &Path) -> Result<Manifest> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::io(path, Msg::StoreStepReadManifest, e))?;
        serde_json::from_str(&text).map_err(|e| {
            Error::io(
                path,
                Msg::StoreStepReadManifest,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        let mut text = serde_json::to_string_pretty(self)
            .map_err(|e| Error::io(path, Msg::StoreStepWriteManifest, std::io::Error::other(e)))?;
        text.push('\n');
        std::fs::write(path, text).map_err(|e| Error::io(path, Msg::StoreStepWriteManifest, e))
    }
}

#[cfg(test)]
impl Manifest {
    /// A manifest of run `id` with no inputs or outputs, for tests of the store.
    pub fn sample(id: &str) -> Manifest {
        let file = FileRecord {
            path: String::new(),
            bytes: 0,
            sha256: String::new(),
        };
        Manifest {
            agristat_version: env!("CARGO_PKG_VERSION").to_string(),
            run_id: id.to_string(),
            time: "2019-01-01T00:00:00Z".to_string(),
            content_hash: String::new(),
            pipeline: file.clone(),
            catalogue: file,
            inputs: Vec::new(),
            outputs: Vec::new(),
            warnings: 0,
            headline: Vec::new(),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` now, and the same as an id part (`YYYYMMDDTHHMMSSZ`).
pub fn now() -> (String, String) {
    let time = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let id = time.replace(['-', ':'], "");
    (time, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let (time, id) = now();
        assert_eq!(time.len(), 20);
        assert_eq!(id.len(), 16);
    }
}
