//! A vintage's data: its validated input tables and its results, as Arrow IPC, so that a
//! later run can compare rows and totals with it, and `explain` can point into it.
//!
//! ```text
//! data/results.arrow
//! data/table-crops/000000.arrow   the rows of the table's first file (as the cache holds them)
//! data/table-crops.arrow          (runs stored before per-file data: the whole table)
//! ```
//!
//! A file's rows are its parse-cache entry, hard-linked: a country's tables are not written
//! twice, and the link keeps them when the cache is deleted. Where the entry is missing (the
//! cache could not store it) or cannot be linked, the rows are written.

use std::fs::File;
use std::path::Path;

use polars::prelude::*;
use polars_io::ipc::{IpcReader, IpcWriter};
use polars_io::{SerReader, SerWriter};

use crate::aggregate::Results;
use crate::error::{Error, Result};
use crate::frame::{filter_rows, Rows};
use crate::ingest::table::FILE;
use crate::ingest::{Cache, Inputs};
use crate::lang::Msg;
use crate::level::Level;
use crate::schema::TableKind;

/// Each table of a stored run as a data frame with `_file` and `_line`.
pub type Frames = std::collections::BTreeMap<TableKind, DataFrame>;

const DATA: &str = "data";
const RESULTS: &str = "results.arrow";

fn table_file(kind: TableKind) -> String {
    format!("table-{}.arrow", kind.name())
}

fn write(path: &Path, df: &mut DataFrame) -> Result<()> {
    let mut file = File::create(path).map_err(|e| Error::io(path, Msg::StoreStepSaveData, e))?;
    IpcWriter::new(&mut file).finish(df).map_err(|e| {
        Error::io(
            path,
            Msg::StoreStepSaveData,
            std::io::Error::other(e.to_string()),
        )
    })
}

fn read(path: &Path) -> Result<DataFrame> {
    let file = File::open(path).map_err(|e| Error::io(path, Msg::StoreStepReadEarlierData, e))?;
    IpcReader::new(file).finish().map_err(|e| {
        Error::io(
            path,
            Msg::StoreStepReadEarlierData,
            std::io::Error::other(e.to_string()),
        )
    })
}

/// The results of `levels` as a frame (every year), for comparisons between runs and for
/// `explain`: `year, level, area_code, area_name, indicator, item, num, den`.
pub fn results_frame(results: &Results, levels: &[Level]) -> Result<DataFrame> {
    let (mut year, mut level, mut code, mut name) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut indicator, mut item, mut num, mut den) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    results.for_each_row(levels, |row| {
        let areas = results.areas(row.level);
        year.push(row.year);
        level.push(row.level.key());
        code.push(areas.codes[row.area as usize].as_str());
        name.push(areas.names[row.area as usize].as_str());
        indicator.push(row.ind.key());
        item.push(results.item(row.item));
        num.push(row.figure.num);
        den.push(row.figure.den);
    });
    DataFrame::new_infer_height(vec![
        Column::new("year".into(), year),
        Column::new("level".into(), level),
        Column::new("area_code".into(), code),
        Column::new("area_name".into(), name),
        Column::new("indicator".into(), indicator),
        Column::new("item".into(), item),
        Column::new("num".into(), num),
        Column::new("den".into(), den),
    ])
    .map_err(Error::engine("keeping the results"))
}

/// Saves the tables (one entry per input file) and the results into `run_dir/data/`.
pub fn save(run_dir: &Path, inputs: &Inputs, cache: &Cache, results: &DataFrame) -> Result<()> {
    let dir = run_dir.join(DATA);
    let created =
        |d: &Path| std::fs::create_dir_all(d).map_err(|e| Error::io(d, Msg::StoreStepSaveData, e));
    created(&dir)?;
    for (kind, table) in &inputs.tables {
        let table_dir = dir.join(table_dir(*kind));
        created(&table_dir)?;
        let mut start = 0;
        for (index, info) in table.file_info.iter().enumerate() {
            let rows = start..start + info.rows;
            start = rows.end;
            let path = table_dir.join(format!("{index:06}.arrow"));
            let linked = cache
                .entry(&info.cache_key)
                .is_some_and(|entry| std::fs::hard_link(entry, &path).is_ok());
            if !linked {
                write(&path, &mut table.file_rows(rows)?)?;
            }
        }
    }
    write(&dir.join(RESULTS), &mut results.clone())
}

fn table_dir(kind: TableKind) -> String {
    format!("table-{}", kind.name())
}

/// The tables of a stored run, each as one frame with `_file` and `_line`.
pub fn load_tables(run_dir: &Path) -> Result<Frames> {
    load_tables_where(run_dir, |_, _| true)
}

/// The tables of a stored run holding only the rows of the files `keep(table, file index)`
/// selects; a table none of whose files is kept is an empty frame (no rows, no columns).
pub fn load_tables_where(run_dir: &Path, keep: impl Fn(TableKind, u32) -> bool) -> Result<Frames> {
    let dir = run_dir.join(DATA);
    let mut frames = Frames::new();
    for kind in TableKind::ALL {
        let per_file = dir.join(table_dir(kind));
        let whole = dir.join(table_file(kind));
        let keep = |file| keep(kind, file);
        if per_file.is_dir() {
            frames.insert(kind, load_files(&per_file, keep)?);
        } else if whole.is_file() {
            // A run stored before per-file data: the whole table, then its kept rows.
            let table = read(&whole)?;
            let kept: Vec<bool> = Rows::new(&table).u32(FILE)?.into_iter().map(keep).collect();
            frames.insert(kind, filter_rows(&table, &kept)?);
        }
    }
    Ok(frames)
}

/// A table's kept per-file entries, in file order, stacked with the index of each row's file.
fn load_files(dir: &Path, keep: impl Fn(u32) -> bool) -> Result<DataFrame> {
    let listing =
        std::fs::read_dir(dir).map_err(|e| Error::io(dir, Msg::StoreStepReadEarlierData, e))?;
    let mut entries: Vec<(u32, std::path::PathBuf)> = listing
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            let index = path.file_stem()?.to_str()?.parse().ok()?;
            Some((index, path))
        })
        .filter(|(index, _)| keep(*index))
        .collect();
    entries.sort();
    let mut stacked: Option<DataFrame> = None;
    for (index, path) in entries {
        let mut rows = read(&path)?;
        let files = Column::new(FILE.into(), vec![index; rows.height()]);
        rows.with_column(files)
            .map_err(Error::engine("reading an earlier run's data"))?;
        match &mut stacked {
            None => stacked = Some(rows),
            Some(all) => {
                all.vstack_mut(&rows)
                    .map_err(Error::engine("reading an earlier run's data"))?;
            }
        }
    }
    Ok(stacked.unwrap_or_default())
}

/// The results a stored run kept for comparisons.
pub fn load_results(run_dir: &Path) -> Result<DataFrame> {
    read(&run_dir.join(DATA).join(RESULTS))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use super::*;
    use crate::catalogue::Catalogue;
    use crate::frame::Rows;
    use crate::hash::FileRecord;
    use crate::ingest::table::{FileInfo, Values};
    use crate::ingest::Table;

    fn inputs(tables: BTreeMap<TableKind, Table>) -> Inputs {
        let catalogue = Catalogue::parse(
            include_str!("../../data/catalogue/products.csv"),
            Path::new("p.csv"),
        )
        .unwrap();
        let catalogue_file = FileRecord {
            path: "p.csv".into(),
            bytes: 0,
            sha256: String::new(),
        };
        Inputs {
            catalogue,
            catalogue_file,
            tables,
        }
    }

    #[test]
    fn results_round_trip_with_128_bit_totals() {
        let dir = tempfile::tempdir().unwrap();
        let big: i128 = 1_500_000_000_000_000_000_000;
        let results = DataFrame::new_infer_height(vec![
            Column::new("indicator".into(), ["gross_output_value"]),
            Column::new("num".into(), [big]),
        ])
        .unwrap();
        save(
            dir.path(),
            &inputs(BTreeMap::new()),
            &Cache::disabled(),
            &results,
        )
        .unwrap();
        let (frames, back) = (
            load_tables(dir.path()).unwrap(),
            load_results(dir.path()).unwrap(),
        );
        assert!(frames.is_empty());
        assert_eq!(
            back.column("num").unwrap().i128().unwrap().get(0),
            Some(big)
        );
    }

    #[test]
    fn each_file_is_stored_apart_and_read_back_with_its_index() {
        let info = |rows| FileInfo {
            bytes: 0,
            sha256: String::new(),
            rows,
            parsed: true,
            cache_key: "not cached".into(),
            damaged_cache: None,
            sheets: Vec::new(),
        };
        let table = Table {
            kind: TableKind::Regions,
            files: vec![PathBuf::from("a.csv"), PathBuf::from("b.csv")],
            headers: vec!["代码".into(), "名称".into()],
            columns_in_file: vec![vec![1, 2], vec![1, 2]],
            file: vec![0, 1, 1],
            line: vec![2, 2, 3],
            values: vec![
                Values::Text(
                    ["520000000000", "530000000000", "540000000000"]
                        .into_iter()
                        .collect(),
                ),
                Values::Text(["贵州省", "云南省", "西藏自治区"].into_iter().collect()),
            ],
            rejected_villages: Vec::new(),
            unread_files: Vec::new(),
            file_info: vec![info(1), info(2)],
            warnings: Vec::new(),
        };
        let dir = tempfile::tempdir().unwrap();
        let inputs = inputs(BTreeMap::from([(TableKind::Regions, table)]));
        save(dir.path(), &inputs, &Cache::disabled(), &DataFrame::empty()).unwrap();
        let frames = load_tables(dir.path()).unwrap();
        let rows = Rows::new(&frames[&TableKind::Regions]);
        assert_eq!(rows.u32(FILE).unwrap(), [0, 1, 1]);
        assert_eq!(rows.u32("_line").unwrap(), [2, 2, 3]);
        assert_eq!(
            rows.str("name").unwrap(),
            ["贵州省", "云南省", "西藏自治区"]
        );
    }
}
