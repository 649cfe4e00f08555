//! Village codes that areas will be derived from. A registry may give a village's township,
//! county, prefecture and province codes in columns of their own, or leave them out: the
//! engine then derives each area from the village's 12-digit statistical division code
//! (统计用区划代码: 2 province, 2 prefecture, 2 county, 3 township, 3 village digits). Where
//! it has to, that code must be 12 ASCII digits; this module reports the rows where it is not.
//!
//! An area without a name (neither in the registry's name column nor in `regions`) is not a
//! problem: the engine shows its code.

use crate::error::{Problem, ProblemKind};
use crate::ingest::table::Texts;
use crate::ingest::Inputs;
use crate::lang::{self, Msg};
use crate::level::Level;
use crate::schema::TableKind;
use crate::tr;

/// The levels above the village whose area the registry may give in a column.
const AREA_LEVELS: [Level; 4] = [
    Level::Township,
    Level::County,
    Level::Prefecture,
    Level::Province,
];

/// What the registry lacks for a level, in the words of the files.
fn code_zh(level: Level) -> &'static str {
    match level {
        Level::Township => "乡镇代码",
        Level::County => "区县代码",
        Level::Prefecture => "地市代码",
        _ => "省代码",
    }
}

/// The levels every run aggregates to, and so always checked: township and county.
pub const DEFAULT_LEVELS: &[Level] = &[Level::Township, Level::County];

/// Whether `code` is a statistical division code: exactly 12 ASCII digits.
pub fn is_statistical_code(code: &str) -> bool {
    Level::Village.code_from_village(code).is_some()
}

/// One problem per registry row whose village code cannot give an area that the registry
/// leaves out, at the row's village_code cell.
///
/// `levels` are the levels the pipeline aggregates to (levels without a code column, such as
/// the total, need no code and are ignored).
/// Township and county are checked whatever `levels` holds: they are the default levels.
pub fn check(inputs: &Inputs, levels: &[Level]) -> Vec<Problem> {
    let Some(registry) = inputs.tables.get(&TableKind::Villages) else {
        return Vec::new();
    };
    let needed: Vec<(Level, &Texts)> = AREA_LEVELS
        .into_iter()
        .filter(|l| DEFAULT_LEVELS.contains(l) || levels.contains(l))
        .filter_map(|l| Some((l, registry.texts(l.registry_columns()?.0)?)))
        .collect();
    let Some(villages) = registry.texts("village_code") else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (row, village) in villages.iter().enumerate() {
        if is_statistical_code(village) {
            continue;
        }
        let lacking: Vec<Level> = needed
            .iter()
            .filter(|(_, codes)| codes[row].is_empty())
            .map(|(level, _)| *level)
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let levels: Vec<&str> = lacking.iter().map(|l| l.title()).collect();
        let codes: Vec<&str> = lacking.iter().map(|l| code_zh(*l)).collect();
        let message = tr!(
            Msg::NotADivisionCode,
            header = registry.header("village_code"),
            code = village,
            levels = lang::list(&levels, Msg::ListAnd),
            columns = lang::list(&codes, Msg::ListOr)
        );
        problems.push(
            Problem::new(
                registry.location(registry.file[row], registry.line[row], "village_code"),
                message,
            )
            .of_kind(ProblemKind::NotADivisionCode),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::catalogue::Catalogue;
    use crate::hash::FileRecord;
    use crate::ingest::table::{Table, Values};

    /// A registry read from one file `v.csv`, with the given village codes and township and
    /// prefecture codes (the other area columns empty).
    fn registry(rows: &[(&str, &str, &str)]) -> Inputs {
        let fields = TableKind::Villages.fields();
        let column = |field: &str| -> Vec<String> {
            rows.iter()
                .map(|(village, township, prefecture)| match field {
                    "village_code" => village.to_string(),
                    "township_code" => township.to_string(),
                    "prefecture_code" => prefecture.to_string(),
                    _ => String::new(),
                })
                .collect()
        };
        let values = fields
            .iter()
            .map(|f| match f.name {
                "year" => Values::Year(vec![2019; rows.len()]),
                "households" | "population" | "poor_households" => {
                    Values::Number(vec![Some(1); rows.len()])
                }
                name => Values::Text(column(name).iter().map(String::as_str).collect()),
            })
            .collect();
        let table = Table {
            kind: TableKind::Villages,
            files: vec![PathBuf::from("v.csv")],
            headers: fields.iter().map(|f| f.name.to_string()).collect(),
            columns_in_file: vec![(1..=fields.len() as u64).collect()],
            file: vec![0; rows.len()],
            line: (2..).take(rows.len()).collect(),
            values,
            rejected_villages: Vec::new(),
            unread_files: Vec::new(),
            file_info: Vec::new(),
            warnings: Vec::new(),
        };
        let catalogue = include_str!("../../data/catalogue/products.csv");
        Inputs {
            catalogue: Catalogue::parse(catalogue, Path::new("p.csv")).unwrap(),
            catalogue_file: FileRecord {
                path: String::new(),
                bytes: 0,
                sha256: String::new(),
            },
            tables: BTreeMap::from([(TableKind::Villages, table)]),
        }
    }

    fn messages(inputs: &Inputs, levels: &[Level]) -> Vec<String> {
        check(inputs, levels)
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn statistical_codes_are_twelve_ascii_digits() {
        assert!(is_statistical_code("520121101201"));
        assert!(!is_statistical_code("52012110120"));
        assert!(!is_statistical_code("5201211012010"));
        assert!(!is_statistical_code("52012110120x"));
        assert!(!is_statistical_code("５２０１２１１０１２０１"));
    }

    #[test]
    fn a_code_that_gives_no_township_is_an_error_only_where_the_registry_gives_none() {
        let inputs = registry(&[
            ("520121101201", "", ""),
            ("52012110120", "", ""),
            ("01", "001", ""),
            ("02", "", ""),
        ]);
        assert_eq!(
            messages(&inputs, DEFAULT_LEVELS),
            [
                "v.csv:3:2: column \"village_code\": \"52012110120\" is not a 12-digit statistical division code (expected 12 digits, to find its township and county: the registry gives no 乡镇代码 or 区县代码)",
                // The township is given; the county is not.
                "v.csv:4:2: column \"village_code\": \"01\" is not a 12-digit statistical division code (expected 12 digits, to find its county: the registry gives no 区县代码)",
                "v.csv:5:2: column \"village_code\": \"02\" is not a 12-digit statistical division code (expected 12 digits, to find its township and county: the registry gives no 乡镇代码 or 区县代码)",
            ]
        );
    }

    #[test]
    fn prefecture_and_province_are_checked_when_the_pipeline_asks_for_them() {
        let mut inputs = registry(&[("01", "001", "")]);
        // Give the county too: the default levels are then all in the registry.
        let table = inputs.tables.get_mut(&TableKind::Villages).unwrap();
        let county = table
            .kind
            .fields()
            .iter()
            .position(|f| f.name == "county_code")
            .unwrap();
        table.values[county] = Values::Text(["100"].into_iter().collect());
        assert!(messages(&inputs, DEFAULT_LEVELS).is_empty());
        assert!(messages(&inputs, &[Level::Township, Level::County, Level::Total]).is_empty());
        assert_eq!(
            messages(&inputs, &[Level::Prefecture, Level::Province, Level::Total]),
            ["v.csv:2:2: column \"village_code\": \"01\" is not a 12-digit statistical division code (expected 12 digits, to find its prefecture and province: the registry gives no 地市代码 or 省代码)"]
        );
        let given = registry(&[("01", "001", "52")]);
        assert_eq!(
            messages(&given, &[Level::Prefecture, Level::Province]),
            ["v.csv:2:2: column \"village_code\": \"01\" is not a 12-digit statistical division code (expected 12 digits, to find its county and province: the registry gives no 区县代码 or 省代码)"]
        );
    }
}
