//! Checks across the rows of one table, or of a table and the registry: a key that repeats,
//! a village the registry does not list. They work on the dictionary ids the tables were
//! read into, so a country's 15 million rows cost one hash lookup each, and no strings.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::catalogue::Catalogue;
use crate::error::Problem;
use crate::ingest::table::Texts;
use crate::ingest::Table;
use crate::schema::{FieldKind, ItemKind};

/// The most fields a table's key has (year, village, item).
const KEY_FIELDS: usize = 3;

/// One field of a key, as integers per row.
enum KeyColumn<'a> {
    Year(&'a [i32]),
    Text(&'a Texts),
}

impl KeyColumn<'_> {
    fn id(&self, row: usize) -> u32 {
        match self {
            // Years are compared, never ordered, so their bits serve as an id.
            KeyColumn::Year(years) => years[row] as u32,
            KeyColumn::Text(texts) => texts.ids()[row],
        }
    }
}

/// Rows whose key repeats an earlier row's; the first one stays, the others are reported.
/// Rows are in file and line order, so "earlier" is the order the user reads them in.
pub fn duplicates(table: &Table, catalogue: &Catalogue) -> Vec<Problem> {
    let key = table.kind.key();
    assert!(
        key.len() <= KEY_FIELDS,
        "a key has at most {KEY_FIELDS} fields"
    );
    let columns: Vec<KeyColumn> = key
        .iter()
        .map(|k| match table.texts(k) {
            Some(texts) => KeyColumn::Text(texts),
            None => KeyColumn::Year(table.years()),
        })
        .collect();
    let mut first: FxHashMap<[u32; KEY_FIELDS], usize> = FxHashMap::default();
    let mut problems = Vec::new();
    for row in 0..table.len() {
        let mut id = [u32::MAX; KEY_FIELDS];
        for (slot, column) in id.iter_mut().zip(&columns) {
            *slot = column.id(row);
        }
        let earlier = *first.entry(id).or_insert(row);
        if earlier == row {
            continue;
        }
        let what: Vec<String> = key
            .iter()
            .map(|k| shown(table, k, row, catalogue))
            .collect();
        problems.push(Problem::new(
            table.location(table.file[row], table.line[row], ""),
            format!(
                "duplicate row for ({}) in {}: the same key is already at {}",
                what.join(", "),
                table.kind.name(),
                table.location(table.file[earlier], table.line[earlier], "")
            ),
        ));
    }
    problems
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
        problems.push(Problem::new(
            table.location(table.file[row], table.line[row], "village_code"),
            format!(
                "column \"{}\": \"{}\" is not a village of the registry for {year} (expected a code listed in {})",
                table.header("village_code"),
                &codes[row],
                registry_files.join(", ")
            ),
        ));
    }
    problems
}
