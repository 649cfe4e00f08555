//! What changed between two runs: input files, village rows (by key, field by field) and
//! totals at every level. Computed with joins over whole tables, like validation.

use std::collections::BTreeMap;
use std::path::Path;

use polars::prelude::*;
use rust_decimal::Decimal;

use super::manifest::{row_location, InputRecord};
use super::snapshot::{self, Frames};
use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::figure::{plain, Figure};
use crate::fixed::SCALE_DIGITS;
use crate::frame::{collect, filter_rows, row_hashes, unmatched, Rows};
use crate::indicators::{self, CSV_RATIO_DECIMALS};
use crate::ingest::table::{FILE, LINE};
use crate::schema::{FieldKind, TableKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputChange {
    /// added, removed or changed
    pub change: &'static str,
    pub table: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    /// added, removed or changed
    pub change: &'static str,
    pub table: String,
    /// The key values: year, village code, item (as the catalogue names it).
    pub key: Vec<String>,
    /// The field that changed; empty for added and removed rows.
    pub field: String,
    pub old: String,
    pub new: String,
    /// file:line of the row in the newer run (or in the older one, for a removed row).
    pub location: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalChange {
    pub year: i32,
    pub level: String,
    pub area_code: String,
    pub area_name: String,
    pub indicator: String,
    pub item: String,
    pub unit: String,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
    pub change: Option<Decimal>,
    pub change_pct: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revisions {
    pub from: String,
    pub to: String,
    pub inputs: Vec<InputChange>,
    pub rows: Vec<RowChange>,
    pub totals: Vec<TotalChange>,
}

impl Revisions {
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty() && self.rows.is_empty() && self.totals.is_empty()
    }
}

/// A stored run to compare: its folder (with the stored tables), manifest inputs and results.
pub struct Stored<'a> {
    pub id: &'a str,
    pub dir: &'a Path,
    pub inputs: &'a [InputRecord],
    pub results: &'a DataFrame,
    /// What its rows depend on besides the files (`manifest::reading`).
    pub reading: String,
}

/// Compares two stored runs, loading of their tables only what can differ: when both read
/// files the same way, a file with the same path and content on both sides gives the same
/// rows, and a key is unique within a run, so those rows can neither differ nor match a
/// changed row. A rerun after one village's file changed loads that file's rows, not the
/// country's.
pub fn compare_runs(old: &Stored, new: &Stored, catalogue: &Catalogue) -> Result<Revisions> {
    let same_reading = old.reading == new.reading;
    let load = |side: &Stored, other: &Stored| {
        let unchanged: BTreeMap<TableKind, Vec<bool>> = TableKind::ALL
            .into_iter()
            .map(|kind| (kind, unchanged_files(kind, side.inputs, other.inputs)))
            .collect();
        snapshot::load_tables_where(side.dir, |kind, file| {
            !same_reading || needed(&unchanged[&kind], file)
        })
    };
    let (old_frames, new_frames) = (load(old, new)?, load(new, old)?);
    compare(
        &Side::of(old, &old_frames),
        &Side::of(new, &new_frames),
        catalogue,
    )
}

/// Whether a comparison needs the rows of file `file`: unless it is known to be unchanged.
fn needed(unchanged: &[bool], file: u32) -> bool {
    !unchanged.get(file as usize).copied().unwrap_or(false)
}

/// Whether each file of `kind` in `mine` is in `theirs` with the same path and content.
fn unchanged_files(kind: TableKind, mine: &[InputRecord], theirs: &[InputRecord]) -> Vec<bool> {
    mine.iter()
        .filter(|r| r.table == kind.name())
        .map(|r| {
            theirs
                .iter()
                .any(|t| t.table == r.table && t.path == r.path && t.sha256 == r.sha256)
        })
        .collect()
}

/// One side of a comparison: a run's manifest inputs, the tables it needs, and results.
struct Side<'a> {
    id: &'a str,
    inputs: &'a [InputRecord],
    frames: &'a Frames,
    results: &'a DataFrame,
}

impl<'a> Side<'a> {
    fn of(stored: &'a Stored, frames: &'a Frames) -> Side<'a> {
        Side {
            id: stored.id,
            inputs: stored.inputs,
            frames,
            results: stored.results,
        }
    }
}

fn compare(old: &Side, new: &Side, catalogue: &Catalogue) -> Result<Revisions> {
    Ok(Revisions {
        from: old.id.to_string(),
        to: new.id.to_string(),
        inputs: inputs(old.inputs, new.inputs),
        rows: rows(old, new, catalogue)?,
        totals: totals(old.results, new.results, catalogue)?,
    })
}

fn inputs(old: &[InputRecord], new: &[InputRecord]) -> Vec<InputChange> {
    let mut changes = Vec::new();
    for n in new {
        match old.iter().find(|o| o.table == n.table && o.path == n.path) {
            None => changes.push(("added", n)),
            Some(o) if o.sha256 != n.sha256 => changes.push(("changed", n)),
            Some(_) => {}
        }
    }
    for o in old {
        if !new.iter().any(|n| n.table == o.table && n.path == o.path) {
            changes.push(("removed", o));
        }
    }
    let mut out: Vec<InputChange> = changes
        .into_iter()
        .map(|(change, r)| InputChange {
            change,
            table: r.table.clone(),
            path: r.path.clone(),
        })
        .collect();
    out.sort_by(|a, b| (&a.table, &a.path).cmp(&(&b.table, &b.path)));
    out
}

fn display(
    kind: FieldKind,
    rows: &Rows,
    name: &str,
    catalogue: &Catalogue,
) -> Result<Vec<Option<String>>> {
    Ok(match kind {
        FieldKind::Year => rows
            .i32(name)?
            .into_iter()
            .map(|v| v.map(|y| y.to_string()))
            .collect(),
        FieldKind::Number(_) => rows
            .i64(name)?
            .into_iter()
            .map(|v| v.map(|n| plain(Decimal::new(n, SCALE_DIGITS))))
            .collect(),
        FieldKind::Item(_) => {
            let present = rows.present(name)?;
            rows.str(name)?
                .into_iter()
                .zip(present)
                .map(|(v, p)| p.then(|| catalogue.get(&v).map_or(v.clone(), |x| x.name.clone())))
                .collect()
        }
        FieldKind::Code | FieldKind::Text => {
            let present = rows.present(name)?;
            rows.str(name)?
                .into_iter()
                .zip(present)
                .map(|(v, p)| p.then_some(v))
                .collect()
        }
    })
}

/// A table frame with every field of `kind`. A run saved before a field existed (the
/// registry's prefecture and province columns) reads it as empty, as a file without that
/// optional column reads now, so that the comparison shows no change for it.
fn with_every_field(frame: &DataFrame, kind: TableKind) -> LazyFrame {
    let missing: Vec<Expr> = kind
        .fields()
        .iter()
        .filter(|f| frame.column(f.name).is_err())
        .map(|f| {
            let empty = match f.kind {
                FieldKind::Code | FieldKind::Text => lit(""),
                FieldKind::Year => lit(NULL).cast(DataType::Int32),
                FieldKind::Number(_) => lit(NULL).cast(DataType::Int64),
                FieldKind::Item(_) => lit(NULL).cast(DataType::String),
            };
            empty.alias(f.name)
        })
        .collect();
    frame.clone().lazy().with_columns(missing)
}

fn rows(old: &Side, new: &Side, catalogue: &Catalogue) -> Result<Vec<RowChange>> {
    let mut changes = Vec::new();
    for kind in TableKind::ALL {
        let (Some(o), Some(n)) = (old.frames.get(&kind), new.frames.get(&kind)) else {
            continue;
        };
        // A side none of whose files changed has no rows here, and no columns either: it
        // takes the other side's, empty.
        let (o, n) = match (o.width(), n.width()) {
            (0, 0) => continue,
            (0, _) => (&n.clear(), n),
            (_, 0) => (o, &o.clear()),
            _ => (o, n),
        };
        let (o, n) = &differing_rows(o, n, kind)?;
        let key: Vec<&str> = kind.key().to_vec();
        let fields: Vec<_> = kind
            .fields()
            .iter()
            .filter(|f| !key.contains(&f.name))
            .collect();
        let mut renamed: Vec<Expr> = key.iter().map(|k| col(*k)).collect();
        for name in fields.iter().map(|f| f.name).chain([FILE, LINE]) {
            renamed.push(col(name).alias(format!("{name}_old")));
        }
        let key_exprs: Vec<Expr> = key.iter().map(|k| col(*k)).collect();
        let args = JoinArgs {
            coalesce: JoinCoalesce::CoalesceColumns,
            maintain_order: MaintainOrderJoin::LeftRight,
            ..JoinArgs::new(JoinType::Full)
        };
        let mut differs = col(LINE).is_null().or(col(format!("{LINE}_old")).is_null());
        for f in &fields {
            differs = differs.or(col(f.name).neq_missing(col(format!("{}_old", f.name))));
        }
        let joined = with_every_field(n, kind)
            .join(
                with_every_field(o, kind).select(renamed),
                key_exprs.clone(),
                key_exprs,
                args,
            )
            .filter(differs)
            .sort(key.clone(), SortMultipleOptions::default());
        let df = collect(joined, "comparing rows with the earlier run")?;
        let rows = Rows::new(&df);
        let keys: Vec<Vec<Option<String>>> = key
            .iter()
            .map(|k| {
                display(
                    kind.field(k).map_or(FieldKind::Text, |f| f.kind),
                    &rows,
                    k,
                    catalogue,
                )
            })
            .collect::<Result<_>>()?;
        let (lines, old_lines) = (rows.opt_u32(LINE)?, rows.opt_u32(&format!("{LINE}_old"))?);
        let (files, old_files) = (rows.opt_u32(FILE)?, rows.opt_u32(&format!("{FILE}_old"))?);
        let mut values = Vec::new();
        for f in &fields {
            values.push((
                f.name,
                display(f.kind, &rows, f.name, catalogue)?,
                display(f.kind, &rows, &format!("{}_old", f.name), catalogue)?,
            ));
        }
        for i in 0..rows.len() {
            let key_values: Vec<String> = keys
                .iter()
                .map(|k| k[i].clone().unwrap_or_default())
                .collect();
            // Machine-readable in revisions.csv: `file:line`, or `file[sheet]!12:12` for a
            // workbook row, whatever the language.
            let here = |file: Option<u32>, line: Option<u32>, inputs: &[InputRecord]| {
                let at = row_location(inputs, kind.name(), file.unwrap_or(0), line.unwrap_or(0));
                match at.sheet {
                    Some(_) => at.to_string(),
                    None => format!("{}:{}", at.file.display(), at.line),
                }
            };
            let base = RowChange {
                change: "changed",
                table: kind.name().to_string(),
                key: key_values,
                field: String::new(),
                old: String::new(),
                new: String::new(),
                location: here(files[i], lines[i], new.inputs),
            };
            match (lines[i], old_lines[i]) {
                (Some(_), None) => changes.push(RowChange {
                    change: "added",
                    ..base
                }),
                (None, _) => changes.push(RowChange {
                    change: "removed",
                    location: here(old_files[i], old_lines[i], old.inputs),
                    ..base
                }),
                (Some(_), Some(_)) => {
                    for (name, now, before) in &values {
                        if now[i] != before[i] {
                            changes.push(RowChange {
                                field: name.to_string(),
                                old: before[i].clone().unwrap_or_default(),
                                new: now[i].clone().unwrap_or_default(),
                                ..base.clone()
                            });
                        }
                    }
                }
            }
        }
    }
    Ok(changes)
}

/// The rows of each side that the other side does not hold with every field equal (one
/// fingerprint per row, compared sorted). A rerun after a correction then joins a handful
/// of rows on their keys, not millions.
fn differing_rows(
    old: &DataFrame,
    new: &DataFrame,
    kind: TableKind,
) -> Result<(DataFrame, DataFrame)> {
    let old = collect(
        with_every_field(old, kind),
        "completing an earlier run's table",
    )?;
    let new = collect(with_every_field(new, kind), "completing a table")?;
    let fields: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
    differing(&old, &new, &fields)
}

/// The rows of `old` and of `new` whose values in `columns` the other does not have.
fn differing(old: &DataFrame, new: &DataFrame, columns: &[&str]) -> Result<(DataFrame, DataFrame)> {
    let (only_old, only_new) = unmatched(&row_hashes(old, columns)?, &row_hashes(new, columns)?);
    Ok((filter_rows(old, &only_old)?, filter_rows(new, &only_new)?))
}

const ROW: [&str; 5] = ["year", "level", "area_code", "indicator", "item"];

fn totals(old: &DataFrame, new: &DataFrame, catalogue: &Catalogue) -> Result<Vec<TotalChange>> {
    let compared: Vec<&str> = ROW.iter().copied().chain(["num", "den"]).collect();
    let (old, new) = &differing(old, new, &compared)?;
    let key: Vec<Expr> = ROW.iter().map(|k| col(*k)).collect();
    let previous = old.clone().lazy().select([
        col("year"),
        col("level"),
        col("area_code"),
        col("indicator"),
        col("item"),
        col("area_name").alias("area_name_old"),
        col("num").alias("num_old"),
        col("den").alias("den_old"),
    ]);
    let args = JoinArgs {
        coalesce: JoinCoalesce::CoalesceColumns,
        maintain_order: MaintainOrderJoin::LeftRight,
        ..JoinArgs::new(JoinType::Full)
    };
    let joined = new
        .clone()
        .lazy()
        .select([
            col("year"),
            col("level"),
            col("area_code"),
            col("indicator"),
            col("item"),
            col("area_name"),
            col("num"),
            col("den"),
        ])
        .join(previous, key.clone(), key, args)
        .filter(
            col("num")
                .neq_missing(col("num_old"))
                .or(col("den").neq_missing(col("den_old"))),
        )
        .sort(ROW, SortMultipleOptions::default());
    let df = collect(joined, "comparing totals with the earlier run")?;
    let rows = Rows::new(&df);
    let (years, levels, codes) = (
        rows.i32("year")?,
        rows.str("level")?,
        rows.str("area_code")?,
    );
    let (names, old_names) = (rows.str("area_name")?, rows.str("area_name_old")?);
    let (keys, items) = (rows.str("indicator")?, rows.str("item")?);
    let (nums, dens) = (rows.i128("num")?, rows.i128("den")?);
    let (old_nums, old_dens) = (rows.i128("num_old")?, rows.i128("den_old")?);
    let mut changes = Vec::new();
    for i in 0..rows.len() {
        let Some(indicator) = indicators::get(&keys[i]) else {
            continue;
        };
        let value = |num: Option<i128>, den: Option<i128>| {
            let f = Figure {
                den,
                ..Figure::sum(num?, None, None)
            };
            if indicator.ratio.is_some() {
                f.value(indicator, CSV_RATIO_DECIMALS)
            } else {
                f.exact_value(indicator)
            }
        };
        let (new_value, old_value) = (value(nums[i], dens[i]), value(old_nums[i], old_dens[i]));
        let change = new_value.zip(old_value).map(|(a, b)| a - b);
        let change_pct = change
            .zip(old_value)
            .filter(|(_, b)| !b.is_zero())
            .and_then(|(c, b)| c.checked_div(b))
            .map(|q| (q * Decimal::ONE_HUNDRED).round_dp(CSV_RATIO_DECIMALS));
        changes.push(TotalChange {
            year: years[i].unwrap_or(0),
            level: levels[i].clone(),
            area_code: codes[i].clone(),
            area_name: if names[i].is_empty() {
                old_names[i].clone()
            } else {
                names[i].clone()
            },
            indicator: keys[i].clone(),
            item: items[i].clone(),
            unit: indicators::unit_of(indicator, &items[i], catalogue),
            old: old_value,
            new: new_value,
            change,
            change_pct,
        });
    }
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn villages(rows: &[(&str, &str)], with_new_columns: bool) -> DataFrame {
        let n = rows.len();
        let mut columns = Vec::new();
        for field in TableKind::Villages.fields() {
            let name = PlSmallStr::from_static(field.name);
            let new_column =
                field.name.starts_with("prefecture") || field.name.starts_with("province");
            if new_column && !with_new_columns {
                continue;
            }
            columns.push(match (field.kind, field.name) {
                (FieldKind::Year, _) => Column::new(name, vec![2019i32; n]),
                (FieldKind::Number(_), _) => Column::new(name, vec![Some(10i64); n]),
                (_, "village_code") => {
                    Column::new(name, rows.iter().map(|r| r.0).collect::<Vec<_>>())
                }
                (_, "village_name") => {
                    Column::new(name, rows.iter().map(|r| r.1).collect::<Vec<_>>())
                }
                _ => Column::new(name, vec![""; n]),
            });
        }
        columns.push(Column::new(FILE.into(), vec![0u32; n]));
        columns.push(Column::new(
            LINE.into(),
            (2..2 + n as u32).collect::<Vec<_>>(),
        ));
        DataFrame::new_infer_height(columns).unwrap()
    }

    #[test]
    fn a_run_saved_before_the_registry_had_prefecture_columns_compares_field_by_field() {
        let catalogue = Catalogue::parse(
            include_str!("../../data/catalogue/products.csv"),
            std::path::Path::new("p.csv"),
        )
        .unwrap();
        let results = DataFrame::empty();
        let old_frames = Frames::from([(
            TableKind::Villages,
            villages(&[("01", "甲村"), ("02", "乙村")], false),
        )]);
        let new_frames = Frames::from([(
            TableKind::Villages,
            villages(&[("01", "甲村"), ("02", "丙村")], true),
        )]);
        let side = |id, frames| Side {
            id,
            inputs: &[],
            frames,
            results: &results,
        };
        let changes = rows(
            &side("old", &old_frames),
            &side("new", &new_frames),
            &catalogue,
        )
        .unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(
            (
                changes[0].key.clone(),
                changes[0].field.as_str(),
                changes[0].old.as_str(),
                changes[0].new.as_str()
            ),
            (
                vec!["2019".to_string(), "02".to_string()],
                "village_name",
                "乙村",
                "丙村"
            )
        );
    }

    fn record(path: &str, sha256: &str) -> InputRecord {
        InputRecord {
            table: "villages".to_string(),
            path: path.to_string(),
            bytes: 0,
            sha256: sha256.to_string(),
            rows: 0,
            parsed: true,
            sheets: Vec::new(),
        }
    }

    #[test]
    fn only_rows_of_files_whose_content_changed_are_compared() {
        // Rows 0–1 from a.csv (unchanged), row 2 from b.csv (changed), row 3 from a file the
        // manifest does not list (kept: only files known to be unchanged are skipped).
        let mut frame = villages(
            &[("01", "甲"), ("02", "乙"), ("03", "丙"), ("04", "丁")],
            true,
        );
        frame
            .replace(FILE, Column::new(FILE.into(), vec![0u32, 0, 1, 2]))
            .unwrap();
        let kept = |mine: &[InputRecord], theirs: &[InputRecord]| {
            let unchanged = unchanged_files(TableKind::Villages, mine, theirs);
            let files = Rows::new(&frame).u32(FILE).unwrap();
            let keep: Vec<bool> = files.iter().map(|&f| needed(&unchanged, f)).collect();
            crate::frame::filter_rows(&frame, &keep).unwrap()
        };
        let mine = [record("a.csv", "1"), record("b.csv", "2")];
        let theirs = [record("a.csv", "1"), record("b.csv", "3")];
        let codes = Rows::new(&kept(&mine, &theirs))
            .str("village_code")
            .unwrap();
        assert_eq!(codes, ["03", "04"]);
        // Another table's records say nothing about this one's files.
        let other = [record("a.csv", "1")].map(|r| InputRecord {
            table: "crops".to_string(),
            ..r
        });
        assert_eq!(kept(&other, &other).height(), 4);
    }
}
