//! The areas of every level as small integer ids, and which area of each level holds each
//! village in each year. Codes are dictionary-encoded once here; everything after speaks in
//! ids, and comparisons between years line up the same id.

use rustc_hash::FxHashMap;

use crate::ingest::table::{Table, Texts};
use crate::level::{Level, TOTAL_CODE};

/// "No area": a village not in a year's registry.
pub const NONE: u32 = u32::MAX;

/// The areas of one level, sorted by code: id `i` is `codes[i]`.
#[derive(Debug, Clone, Default)]
pub struct AreaDict {
    pub codes: Vec<String>,
    /// The name in the latest year that lists the area (the code when none is known).
    pub names: Vec<String>,
}

impl AreaDict {
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    pub fn id(&self, code: &str) -> Option<u32> {
        self.codes
            .binary_search_by(|c| c.as_str().cmp(code))
            .ok()
            .map(|i| i as u32)
    }
}

/// One computed level: its areas, and for each year and village the area holding it.
#[derive(Debug, Clone)]
pub struct LevelAreas {
    pub level: Level,
    pub areas: AreaDict,
    /// `of_village[year][village]`: the area id, or `NONE`.
    pub of_village: Vec<Vec<u32>>,
}

/// Every level of a run: villages first, then the levels above, bottom up.
#[derive(Debug, Clone)]
pub struct Hierarchy {
    pub years: Vec<i32>,
    pub villages: AreaDict,
    /// `present[year][village]`: the village is in that year's registry.
    pub present: Vec<Vec<bool>>,
    pub levels: Vec<LevelAreas>,
}

impl Hierarchy {
    /// Builds the areas of `levels` (above the village) from the registry. A level's code is
    /// the registry's column where it holds a value, else derived from the 12-digit village
    /// code; names come from the registry's name column, else `region_names`, else the code.
    pub fn build(
        registry: &Table,
        years: &[i32],
        levels: &[Level],
        region_names: &FxHashMap<String, String>,
        total_name: &str,
    ) -> Hierarchy {
        let codes = registry.texts("village_code").unwrap_or(Texts::empty());
        let names = registry.texts("village_name").unwrap_or(Texts::empty());
        let row_years = registry.years();
        let year_index: FxHashMap<i32, usize> =
            years.iter().enumerate().map(|(i, y)| (*y, i)).collect();
        let villages = dictionary(
            codes
                .iter()
                .zip(names.iter())
                .zip(row_years)
                .map(|((code, name), year)| (code, Some(name), *year)),
        );
        let row_village: Vec<u32> = codes.translate(|c| villages.id(c).unwrap_or(NONE));
        let mut present = vec![vec![false; villages.len()]; years.len()];
        for (row, v) in row_village.iter().enumerate() {
            if let Some(&y) = year_index.get(&row_years[row]) {
                present[y][*v as usize] = true;
            }
        }
        let levels = levels
            .iter()
            .map(|&level| {
                let (level_codes, level_names) = ancestors(registry, level, total_name);
                let areas = dictionary(level_codes.iter().zip(&level_names).zip(row_years).map(
                    |((code, name), year)| {
                        let name = name
                            .as_deref()
                            .or_else(|| region_names.get(code).map(String::as_str));
                        (code.as_str(), name, *year)
                    },
                ));
                let mut of_village = vec![vec![NONE; villages.len()]; years.len()];
                for (row, code) in level_codes.iter().enumerate() {
                    let (Some(&y), v) = (year_index.get(&row_years[row]), row_village[row]) else {
                        continue;
                    };
                    if let (Some(a), true) = (areas.id(code), v != NONE) {
                        of_village[y][v as usize] = a;
                    }
                }
                LevelAreas {
                    level,
                    areas,
                    of_village,
                }
            })
            .collect();
        Hierarchy {
            years: years.to_vec(),
            villages,
            present,
            levels,
        }
    }

    pub fn level(&self, level: Level) -> Option<&LevelAreas> {
        self.levels.iter().find(|l| l.level == level)
    }

    pub fn year_index(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }

    /// The areas of `level` (villages included), by id.
    pub fn areas(&self, level: Level) -> Option<&AreaDict> {
        match level {
            Level::Village => Some(&self.villages),
            _ => self.level(level).map(|l| &l.areas),
        }
    }

    /// The area of `level` that holds `village` in year index `y`, if any.
    pub fn area_of(&self, level: Level, y: usize, village: u32) -> Option<u32> {
        if level == Level::Village {
            return self.present[y][village as usize].then_some(village);
        }
        let a = self.level(level)?.of_village[y][village as usize];
        (a != NONE).then_some(a)
    }
}

/// Each registry row's code and name at `level`: the column's value where there is one,
/// else the code derived from the 12-digit village code. The name is the name column's
/// either way (a registry may name townships and counties without giving their codes).
fn ancestors(
    registry: &Table,
    level: Level,
    total_name: &str,
) -> (Vec<String>, Vec<Option<String>>) {
    let villages = registry.texts("village_code").unwrap_or(Texts::empty());
    let Some((code_field, name_field)) = level.registry_columns() else {
        return (
            vec![TOTAL_CODE.to_string(); villages.len()],
            vec![Some(total_name.to_string()); villages.len()],
        );
    };
    let given = registry.texts(code_field);
    let given_names = registry.texts(name_field);
    let mut codes = Vec::with_capacity(villages.len());
    let mut names = Vec::with_capacity(villages.len());
    for (row, village) in villages.iter().enumerate() {
        let cell = given.map(|c| &c[row]).filter(|c| !c.is_empty());
        names.push(
            given_names
                .map(|n| n[row].to_string())
                .filter(|n| !n.is_empty()),
        );
        match cell {
            Some(code) => codes.push(code.to_string()),
            None => {
                // Validation has refused a village code that is not 12 digits where a level
                // must be derived from it; such a village keeps its own code as a stand-in.
                codes.push(
                    level
                        .code_from_village(village)
                        .unwrap_or_else(|| village.to_string()),
                );
            }
        }
    }
    (codes, names)
}

/// Sorted unique codes with the name of the latest year that names each.
fn dictionary<'a>(rows: impl Iterator<Item = (&'a str, Option<&'a str>, i32)>) -> AreaDict {
    let mut best: FxHashMap<&'a str, (i32, Option<&'a str>)> = FxHashMap::default();
    for (code, name, year) in rows {
        let entry = best.entry(code).or_insert((year, name));
        // The latest year's name wins; within a year, the first row's.
        if year > entry.0 || (entry.1.is_none() && name.is_some()) {
            *entry = (year, name.or(entry.1));
        }
    }
    let mut codes: Vec<(&str, Option<&str>)> = best.into_iter().map(|(c, (_, n))| (c, n)).collect();
    codes.sort_unstable_by(|a, b| a.0.cmp(b.0));
    AreaDict {
        codes: codes.iter().map(|(c, _)| c.to_string()).collect(),
        names: codes
            .iter()
            .map(|(c, n)| n.unwrap_or(c).to_string())
            .collect(),
    }
}
