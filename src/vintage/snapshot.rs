//! A vintage's data: its validated input tables and its results, as Arrow IPC, so that a
//! later run can compare rows and totals with it, and `explain` can point into it.

use std::fs::File;
use std::path::Path;

use polars::prelude::*;
use polars_io::ipc::{IpcReader, IpcWriter};
use polars_io::{SerReader, SerWriter};

use crate::aggregate::Results;
use crate::error::{Error, Result};
use crate::ingest::Frames;
use crate::level::Level;
use crate::schema::TableKind;

const DATA: &str = "data";
const RESULTS: &str = "results.arrow";

fn table_file(kind: TableKind) -> String {
    format!("table-{}.arrow", kind.name())
}

fn write(path: &Path, df: &mut DataFrame) -> Result<()> {
    let mut file = File::create(path).map_err(|e| Error::io(path, "saving the run's data", e))?;
    IpcWriter::new(&mut file).finish(df).map_err(|e| {
        Error::io(
            path,
            "saving the run's data",
            std::io::Error::other(e.to_string()),
        )
    })
}

fn read(path: &Path) -> Result<DataFrame> {
    let file = File::open(path).map_err(|e| Error::io(path, "reading an earlier run's data", e))?;
    IpcReader::new(file).finish().map_err(|e| {
        Error::io(
            path,
            "reading an earlier run's data",
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

/// Saves the tables and the results into `run_dir/data/`.
pub fn save(run_dir: &Path, frames: &Frames, results: &DataFrame) -> Result<()> {
    let dir = run_dir.join(DATA);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "saving the run's data", e))?;
    for (kind, frame) in frames {
        write(&dir.join(table_file(*kind)), &mut frame.clone())?;
    }
    write(&dir.join(RESULTS), &mut results.clone())
}

/// The tables and results of an earlier run.
pub fn load(run_dir: &Path) -> Result<(Frames, DataFrame)> {
    let dir = run_dir.join(DATA);
    let mut frames = Frames::new();
    for kind in TableKind::ALL {
        let path = dir.join(table_file(kind));
        if path.is_file() {
            frames.insert(kind, read(&path)?);
        }
    }
    Ok((frames, read(&dir.join(RESULTS))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_round_trip_with_128_bit_totals() {
        let dir = tempfile::tempdir().unwrap();
        let big: i128 = 1_500_000_000_000_000_000_000;
        let results = DataFrame::new_infer_height(vec![
            Column::new("indicator".into(), ["gross_output_value"]),
            Column::new("num".into(), [big]),
        ])
        .unwrap();
        save(dir.path(), &Frames::new(), &results).unwrap();
        let (frames, back) = load(dir.path()).unwrap();
        assert!(frames.is_empty());
        assert_eq!(
            back.column("num").unwrap().i128().unwrap().get(0),
            Some(big)
        );
    }
}
