//! Several years: comparisons with the previous year (also two years back), growth since a
//! base year and the average annual growth rate, on the hand-worked five-year fixture
//! (tests/data/years/EXPECTED.md).

use crate::workdir::{csv_rows, total, Workdir};

const PIPELINE: &str = "tests/data/years/years.toml";
const TOTALS: &str = "tests/data/years/out/current/totals.csv";

#[test]
fn five_years_with_base_year_and_average_annual_growth() {
    let wd = Workdir::with(&["tests/data/years", "data/catalogue"]);
    let out = wd.run(&["run", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read(TOTALS));
    let get = |year: &str, indicator: &str, column: &str| {
        total(&rows, year, "t01", indicator, "", column)
    };
    // Every year is in the outputs.
    for (year, grain) in [("2015", "100"), ("2017", "121"), ("2019", "146.41")] {
        assert_eq!(get(year, "grain_output", "value"), grain);
    }
    assert_eq!(get("2019", "grain_output", "previous_value"), "133.1");
    assert_eq!(get("2019", "grain_output", "growth_pct"), "10");
    assert_eq!(get("2019", "grain_output", "base_value"), "100");
    assert_eq!(
        get("2019", "grain_output", "growth_since_base_pct"),
        "46.41"
    );
    assert_eq!(get("2019", "grain_output", "avg_annual_growth_pct"), "10");
    // Output value: current prices as the level, comparable prices for growth.
    assert_eq!(get("2019", "gross_output_value", "value"), "43.923");
    assert_eq!(get("2019", "gross_output_value", "growth_pct"), "10");
    assert_eq!(get("2019", "gross_output_value", "base_value"), "20");
    assert_eq!(
        get("2019", "gross_output_value", "growth_since_base_pct"),
        "46.41"
    );
    assert_eq!(
        get("2019", "gross_output_value", "avg_annual_growth_pct"),
        "10"
    );
    // A ratio of sums over the years too.
    assert_eq!(get("2019", "net_income_per_capita", "value"), "1464.1");
    assert_eq!(
        get("2019", "net_income_per_capita", "avg_annual_growth_pct"),
        "10"
    );
    // Earlier years compare with their own previous year; growth of output value needs the
    // comparison year's prices, validated for the report year only, so it stays empty.
    assert_eq!(get("2018", "grain_output", "growth_pct"), "10");
    assert_eq!(get("2018", "gross_output_value", "growth_pct"), "");
    assert_eq!(get("2018", "grain_output", "avg_annual_growth_pct"), "");
    // The report names the years it compares.
    assert!(out.stdout.contains("比2015年增长（%）"), "{}", out.stdout);
    assert!(
        out.stdout.contains("2015—2019年年均增长（%）"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("比上年增长（%）"), "{}", out.stdout);
    assert!(
        out.stdout.contains("总产值比上年增长按可比价计算"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_previous_year_two_years_back_means_exactly_that() {
    let wd = Workdir::with(&["tests/data/years", "data/catalogue"]);
    wd.edit(PIPELINE, "base_year = 2015\n", "previous_year = 2017\n");
    let out = wd.run(&["run", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read(TOTALS));
    let get = |year: &str, indicator: &str, column: &str| {
        total(&rows, year, "t01", indicator, "", column)
    };
    assert_eq!(get("2019", "grain_output", "previous_value"), "121");
    assert_eq!(get("2019", "grain_output", "growth_pct"), "21");
    // At 2017 prices: 146,410 × 2.4 ÷ (121,000 × 2.4) − 1.
    assert_eq!(get("2019", "gross_output_value", "growth_pct"), "21");
    assert_eq!(get("2018", "grain_output", "previous_value"), "110");
    assert_eq!(get("2018", "grain_output", "growth_pct"), "21");
    assert!(out.stdout.contains("比2017年增长（%）"), "{}", out.stdout);
    assert!(
        out.stdout.contains("总产值比2017年增长按可比价计算"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("比上年"), "{}", out.stdout);
}

#[test]
fn a_base_year_price_is_required_for_comparable_growth() {
    let wd = Workdir::with(&["tests/data/years", "data/catalogue"]);
    wd.edit("tests/data/years/prices.csv", "2015,杂交水稻,2\n", "");
    let out = wd.run(&["run", PIPELINE]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("\"杂交水稻\" has output in 2019 but no 2015 price"),
        "{}",
        out.stderr
    );
}
