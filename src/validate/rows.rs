//! Checks across the rows of one table, or of a table and the registry: a key that repeats,
//! a village the registry does not list. They work on the dictionary ids the tables were
//! read into, so a country's 15 million rows cost one hash lookup each, and no strings.

use rustc_hash::FxHashSet;

use crate::buckets::Buckets;

use crate::catalogue::Catalogue;
use crate::error::{Problem, ProblemKind};
use crate::ingest::table::Texts;
use crate::ingest::Table;
use crate::lang::Msg;
use crate::schema::{FieldKind, ItemKind};
use crate::tr;

/// Rows whose key repeats an earlier row's; the first one stays, the others are reported.
/// Rows are in file and line order, so "earlier" is the order the user reads them in.
///
/// Rows are bucketed by year and the key's first text field (the village, or the product of
/// a price) with a counting sort; the rest of the key (the item) is compared inside each
/// bucket, which holds a few dozen rows. No hash map of 15 million keys.
pub fn duplicates(table: &Table, catalogue: &Catalogue) -> Vec<Problem> {
    let key = table.kind.key();
    let texts: Vec<&Texts> = key.iter().filter_map(|k| table.texts(k)).collect();
    let Some((first, rest)) = texts.split_first() else {
        return Vec::new();
    };
    assert!(
        rest.len() <= 1,
        "a key is a year and at most two text fields"
    );
    let buckets = by_year_and(table.years(), first);
    let mut repeats: Vec<(u32, u32)> = Vec::new();
    let mut scratch: Vec<(u32, u32)> = Vec::new();
    for b in 0..buckets.len() {
        let rows = buckets.of(b);
        if rows.len() < 2 {
            continue;
        }
        // (rest of the key, row), sorted: equal keys are adjacent, the earliest row first.
        scratch.clear();
        scratch.extend(
            rows.iter()
                .map(|&r| (rest.first().map_or(0, |t| t.ids()[r as usize]), r)),
        );
        scratch.sort_unstable();
        for pair in scratch.chunk_by(|a, b| a.0 == b.0) {
            repeats.extend(pair[1..].iter().map(|&(_, row)| (row, pair[0].1)));
        }
    }
    repeats.sort_unstable();
    repeats
        .into_iter()
        .map(|(row, earlier)| {
            let (row, earlier) = (row as usize, earlier as usize);
            let what: Vec<String> = key
                .iter()
                .map(|k| shown(table, k, row, catalogue))
                .collect();
            let message = tr!(
                Msg::DuplicateRow,
                key = what.join(", "),
                table = table.kind.title(),
                first = table.location(table.file[earlier], table.line[earlier], "")
            );
            Problem::new(
                table.location(table.file[row], table.line[row], ""),
                message,
            )
            .of_kind(ProblemKind::DuplicateRow)
        })
        .collect()
}

/// The rows grouped by (year, value of `texts`); a table without years by the value alone.
fn by_year_and(years: &[i32], texts: &Texts) -> Buckets {
    let mut distinct: Vec<i32> = years.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let values = texts.dict_len();
    let bucket_of: Vec<u32> = texts
        .ids()
        .iter()
        .enumerate()
        .map(|(row, &id)| {
            let year = years
                .get(row)
                .map_or(0, |y| distinct.binary_search(y).unwrap_or(0));
            u32::try_from(year * values + id as usize).expect("fewer than 2^32 year-value pairs")
        })
        .collect();
    Buckets::new(&bucket_of, distinct.len().max(1) * values)
}

/// A key field's value as the files write it: years as numbers, items (resolved to
/// catalogue codes when read) by their name.
fn shown(table: &Table, field: &str, row: usize, catalogue: &Catalogue) -> String {
    let Some(texts) = table.texts(field) else {
        return table.years()[row].to_string();
    };
    let value = &texts[row];
    match table.kind.field(field).map(|f| f.kind) {
        Some(FieldKind::Item(kind)) if kind != ItemKind::Sector => catalogue
            .get(value)
            .map_or(value.to_string(), |p| p.name.clone()),
        _ => value.to_string(),
    }
}

/// Rows of `table` for a (year, village) that the registry does not list. A village whose
/// registry row was itself rejected for a bad cell is known, not unknown.
pub fn unknown_villages(table: &Table, registry: &Table) -> Vec<Problem> {
    let (Some(codes), Some(registered)) =
        (table.texts("village_code"), registry.texts("village_code"))
    else {
        return Vec::new();
    };
    let known: FxHashSet<(i32, u32)> = registry
        .years()
        .iter()
        .zip(registered.ids())
        .map(|(y, v)| (*y, *v))
        .collect();
    let rejected: FxHashSet<(i32, &str)> = registry
        .rejected_villages
        .iter()
        .map(|(y, v)| (*y, v.as_str()))
        .collect();
    let in_registry = codes.translate(|code| registered.id_of(code));
    let registry_files: Vec<String> = registry
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let mut problems = Vec::new();
    for (row, (&year, village)) in table.years().iter().zip(&in_registry).enumerate() {
        if village.is_some_and(|v| known.contains(&(year, v)))
            || rejected.contains(&(year, &codes[row]))
        {
            continue;
        }
        let message = tr!(
            Msg::UnknownVillage,
            header = table.header("village_code"),
            code = &codes[row],
            year = year,
            files = registry_files.join(", ")
        );
        let at = table.location(table.file[row], table.line[row], "village_code");
        problems.push(Problem::new(at, message).of_kind(ProblemKind::UnknownVillage));
    }
    problems
}
