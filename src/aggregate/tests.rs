//! The engine on small tables built in memory, with hand-computed figures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::figure::plain;
use crate::fixed::SCALE;
use crate::indicators::Ind;
use crate::ingest::table::{Texts, Values};
use crate::schema::FieldKind;

fn catalogue() -> Catalogue {
    let text = include_str!("../../data/catalogue/products.csv");
    Catalogue::parse(text, Path::new("products.csv")).unwrap()
}

/// A table from rows of cells in the order of the table's canonical fields.
fn table(kind: TableKind, rows: &[&str]) -> Table {
    let fields = kind.fields();
    let mut values: Vec<Values> = fields
        .iter()
        .map(|f| match f.kind {
            FieldKind::Year => Values::Year(Vec::new()),
            FieldKind::Number(_) => Values::Number(Vec::new()),
            _ => Values::Text(Texts::new()),
        })
        .collect();
    for row in rows {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells.len(), fields.len(), "{row}");
        for (v, cell) in values.iter_mut().zip(cells) {
            match v {
                Values::Year(y) => y.push(cell.parse().unwrap()),
                Values::Text(t) => t.push(cell),
                Values::Number(n) => n.push((!cell.is_empty()).then(|| {
                    let d = Decimal::from_str(cell).unwrap() * Decimal::from(SCALE);
                    i64::try_from(d.trunc().mantissa()).unwrap()
                })),
            }
        }
    }
    Table {
        kind,
        files: vec![PathBuf::from(format!("{}.csv", kind.name()))],
        headers: fields.iter().map(|f| f.name.to_string()).collect(),
        columns_in_file: vec![(1..=fields.len() as u64).collect()],
        file: vec![0; rows.len()],
        line: (2..rows.len() as u32 + 2).collect(),
        values,
        rejected_villages: Vec::new(),
        file_info: Vec::new(),
        warnings: Vec::new(),
        unread_files: Vec::new(),
    }
}

fn scope<'a>(years: &'a [i32], previous: Option<i32>, levels: Option<&'a [Level]>) -> Scope<'a> {
    Scope {
        year: *years.last().unwrap(),
        years,
        previous_year: previous,
        base_year: None,
        levels,
        total_name: "全省",
    }
}

fn value(results: &Results, level: Level, code: &str, year: i32, ind: Ind, item: &str) -> String {
    let area = results.areas(level).id(code).unwrap();
    let item = results.items.get(item).unwrap();
    let f = results.figure(level, year, area, ind, item).unwrap();
    plain(f.value(ind.def(), 4).unwrap())
}

#[test]
fn per_capita_income_is_a_ratio_of_sums_not_a_mean_of_village_ratios() {
    // A village of 100 people earning 10,000 元 each and one of 1,000 earning 5,000 each.
    let tables = BTreeMap::from([
        (
            TableKind::Villages,
            table(
                TableKind::Villages,
                &[
                    "2019,a,小村,t,镇,c,县,,,,,30,100,0",
                    "2019,b,大村,t,镇,c,县,,,,,300,1000,0",
                ],
            ),
        ),
        (
            TableKind::Income,
            table(
                TableKind::Income,
                &["2019,a,1000000,0,0,0", "2019,b,5000000,0,0,0"],
            ),
        ),
    ]);
    let results = aggregate_tables(scope(&[2019], None, None), &tables, &catalogue()).unwrap();
    // 6,000,000 元 ÷ 1,100 people, not (10,000 + 5,000) ÷ 2 = 7,500.
    let pc = value(
        &results,
        Level::Township,
        "t",
        2019,
        Ind::NetIncomePerCapita,
        "",
    );
    assert_eq!(pc, "5454.5455");
    assert_eq!(
        value(&results, Level::Township, "t", 2019, Ind::Population, ""),
        "1100"
    );
    // One township: no county level by default.
    assert_eq!(results.levels(), vec![Level::Village, Level::Township]);
}

/// Four villages in two provinces, given by 12-digit codes only.
fn coded() -> BTreeMap<TableKind, Table> {
    BTreeMap::from([
        (
            TableKind::Villages,
            table(
                TableKind::Villages,
                &[
                    "2019,520121101201,甲村,,,,,,,,,10,100,0",
                    "2019,520121101202,乙村,,,,,,,,,10,200,0",
                    "2019,520122102201,丙村,,,,,,,,,10,300,0",
                    "2019,530102001001,丁村,,,,,,,,,10,400,0",
                ],
            ),
        ),
        (
            TableKind::Income,
            table(
                TableKind::Income,
                &[
                    "2019,520121101201,100000,0,0,0",
                    "2019,520121101202,300000,0,0,0",
                    "2019,520122102201,600000,0,0,0",
                    "2019,530102001001,1000000,0,0,0",
                ],
            ),
        ),
    ])
}

#[test]
fn levels_come_from_twelve_digit_codes_up_to_the_whole_run() {
    let levels = [
        Level::Township,
        Level::County,
        Level::Prefecture,
        Level::Province,
        Level::Total,
    ];
    let tables = coded();
    let results =
        aggregate_tables(scope(&[2019], None, Some(&levels)), &tables, &catalogue()).unwrap();
    let pop = |level, code| value(&results, level, code, 2019, Ind::Population, "");
    assert_eq!(pop(Level::Township, "520121101000"), "300");
    assert_eq!(pop(Level::County, "520121000000"), "300");
    assert_eq!(pop(Level::County, "520122000000"), "300");
    assert_eq!(pop(Level::Prefecture, "520100000000"), "600");
    assert_eq!(pop(Level::Province, "520000000000"), "600");
    assert_eq!(pop(Level::Province, "530000000000"), "400");
    assert_eq!(pop(Level::Total, "all"), "1000");
    // 2,000,000 元 ÷ 1,000 people.
    let pc = value(
        &results,
        Level::Total,
        "all",
        2019,
        Ind::NetIncomePerCapita,
        "",
    );
    assert_eq!(pc, "2000");
    assert_eq!(results.areas(Level::Total).names, vec!["全省"]);
    assert_row_bound(&results);
}

/// `row_bound` is never below the rows written (totals.xlsx leaves a sheet out by it), and
/// above them only by ratios without a denominator.
fn assert_row_bound(results: &Results) {
    for level in results.levels() {
        let mut rows = 0;
        results.for_each_row(&[level], |_| rows += 1);
        let bound = results.row_bound(&[level]);
        assert!(bound >= rows, "{level:?}: {bound} < {rows}");
        assert!(bound <= rows * 2, "{level:?}: {bound} for {rows} rows");
    }
}

#[test]
fn comparisons_line_up_the_year_named_as_previous_even_two_years_back() {
    let registry: Vec<String> = [2017, 2018, 2019]
        .iter()
        .map(|y| format!("{y},a,甲村,t,镇,c,县,,,,,10,{},0", 100 + (y - 2017) * 10))
        .collect();
    let rows: Vec<&str> = registry.iter().map(String::as_str).collect();
    let stock = table(
        TableKind::Livestock,
        &["2017,a,pig,100", "2018,a,pig,200", "2019,a,pig,400"],
    );
    let slaughter = table(TableKind::Slaughter, &["2019,a,pork,300,30000"]);
    let tables = BTreeMap::from([
        (TableKind::Villages, table(TableKind::Villages, &rows)),
        (TableKind::Livestock, stock),
        (TableKind::Slaughter, slaughter),
    ]);
    let years = [2017, 2018, 2019];
    let results = aggregate_tables(scope(&years, Some(2017), None), &tables, &catalogue()).unwrap();
    let t = results.areas(Level::Township).id("t").unwrap();
    let pig = results.items.get("pig").unwrap();
    let stock = results
        .figure(Level::Township, 2019, t, Ind::YearEndStock, pig)
        .unwrap();
    assert_eq!(stock.prev_num, Some(100 * FACT));
    assert_eq!(
        plain(stock.growth_pct(Ind::YearEndStock.def()).unwrap()),
        "300"
    );
    // 2018 would be compared with 2016, which the pipeline does not hold.
    assert_eq!(results.compared_with(2018), None);
    // The offtake rate divides by the stock at the end of the year before (2018), whatever
    // the comparison year: 300 ÷ 200 × 100.
    let rate = value(
        &results,
        Level::Township,
        "t",
        2019,
        Ind::OfftakeRate,
        "pig",
    );
    assert_eq!(rate, "150");
    assert_row_bound(&results);
}

const FACT: i128 = crate::fixed::FACT_SCALE;

#[test]
fn a_sum_beyond_the_village_range_is_a_problem_at_its_row() {
    let tables = BTreeMap::from([
        (
            TableKind::Villages,
            table(TableKind::Villages, &["2019,a,甲村,t,镇,c,县,,,,,10,100,0"]),
        ),
        (
            TableKind::Income,
            table(TableKind::Income, &["2019,a,90000000000,90000000000,0,0"]),
        ),
    ]);
    let Err(Error::Data(problems)) =
        aggregate_tables(scope(&[2019], None, None), &tables, &catalogue())
    else {
        panic!("an overflow must be a data problem");
    };
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with("income.csv:2:3: column \"wage_income\": the village's 农民纯收入总额（农经口径） goes beyond"),
        "{shown:?}"
    );
}

#[test]
fn a_village_that_changes_township_is_counted_by_each_years_registry_and_warned_about() {
    let registry = table(
        TableKind::Villages,
        &[
            "2018,a,甲村,t1,一镇,c,县,,,,,10,100,0",
            "2018,b,乙村,t1,一镇,c,县,,,,,10,200,0",
            "2019,a,甲村,t2,二镇,c,县,,,,,10,100,0",
            "2019,b,乙村,t1,一镇,c,县,,,,,10,200,0",
        ],
    );
    let tables = BTreeMap::from([(TableKind::Villages, registry)]);
    let results = aggregate_tables(
        scope(&[2018, 2019], Some(2018), None),
        &tables,
        &catalogue(),
    )
    .unwrap();
    let pop = |code, year| value(&results, Level::Township, code, year, Ind::Population, "");
    assert_eq!(pop("t1", 2018), "300");
    assert_eq!(pop("t1", 2019), "200");
    assert_eq!(pop("t2", 2019), "100");
    let moved = changes::moved(&results);
    assert_eq!(moved.len(), 1);
    assert_eq!(
        moved[0].message,
        "village a 甲村: 乡镇 t1 一镇 in 2018 but t2 二镇 in 2019; each year is aggregated by its own registry"
    );
}
