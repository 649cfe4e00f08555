//! A second, independently built fixture: a county of two townships, GBK files with CRLF,
//! other header names, one crop file per village, units in 公顷, 吨, 万元 and 元/斤.
//! The expected figures are worked out by hand in tests/data/county/EXPECTED.md.

use crate::workdir::{csv_rows, total, Workdir};

#[test]
fn aggregates_a_gbk_county_with_other_units() {
    let wd = Workdir::with(&["tests/data/county", "data/catalogue"]);
    let out = wd.run(&["run", "tests/data/county/county-2020.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read("tests/data/county/out/current/totals.csv"));
    let check = |area: &str, indicator: &str, item: &str, expected: &str| {
        assert_eq!(
            total(&rows, "2020", area, indicator, item, "value"),
            expected,
            "{area} {indicator} {item}"
        );
    };
    // (township 100, township 200, county 431100)
    let areas = ["100", "200", "431100"];
    let expect = |indicator: &str, item: &str, values: [&str; 3]| {
        for (area, value) in areas.iter().zip(values) {
            check(area, indicator, item, value);
        }
    };
    expect(
        "gross_output_value",
        "",
        ["4587.75625", "8450.253", "13038.00925"],
    );
    expect(
        "gross_output_value",
        "farming",
        ["1810.8336", "3424.1605", "5234.9941"],
    );
    expect(
        "gross_output_value",
        "animal_husbandry",
        ["2421.72265", "4476.1425", "6897.86515"],
    );
    expect(
        "gross_output_value",
        "forestry",
        ["209", "234.95", "443.95"],
    );
    expect(
        "gross_output_value",
        "fishery",
        ["42.75", "146.35", "189.1"],
    );
    expect(
        "gross_output_value",
        "services",
        ["103.45", "168.65", "272.1"],
    );
    expect("grain_sown_area", "", ["5728.5", "7873.5", "13602"]);
    expect("grain_output", "", ["2593.96", "3924.5", "6518.46"]);
    expect(
        "crop_sown_area",
        "hybrid_rice",
        ["2983.5", "5064.75", "8048.25"],
    );
    expect(
        "crop_output",
        "hybrid_rice",
        ["1540.95", "2851.35", "4392.3"],
    );
    expect(
        "crop_yield",
        "hybrid_rice",
        ["516.4907", "562.9794", "545.746"],
    );
    expect("crop_output", "potato", ["1518.8", "1508.75", "3027.55"]);
    expect("crop_output", "tea", ["18.725", "67.85", "86.575"]);
    expect("year_end_stock", "pig", ["3430", "6550", "9980"]);
    expect("year_end_stock", "poultry", ["46400", "84900", "131300"]);
    expect("offtake", "pig", ["6400", "12090", "18490"]);
    expect("offtake", "cattle", ["73", "82", "155"]);
    expect("meat_output", "", ["708.34", "1320.315", "2028.655"]);
    expect("egg_output", "", ["39.575", "72.48", "112.055"]);
    expect("dividends", "", ["28.32", "39.935", "68.255"]);
    expect("dividend_households", "", ["472", "665", "1137"]);
    expect("dividend_poor_households", "", ["109", "142", "251"]);
    expect("population", "", ["4532", "7966", "12498"]);
    expect("households", "", ["1298", "2322", "3620"]);
    expect("poor_households", "", ["109", "142", "251"]);
    // Ratios of sums, not means of village ratios (those would be 7960.32, 8193.50, 8100.23).
    let per_capita: Vec<String> = areas
        .iter()
        .map(|a| total(&rows, "2020", a, "net_income_per_capita", "", "value"))
        .collect();
    let rounded: Vec<String> = per_capita
        .iter()
        .map(|v| format!("{:.2}", v.parse::<f64>().unwrap()))
        .collect();
    assert_eq!(rounded, ["8604.77", "9113.19", "8928.83"]);
    let wages: Vec<String> = areas
        .iter()
        .map(|a| {
            total(
                &rows,
                "2020",
                a,
                "net_income_per_capita",
                "wage_income",
                "value",
            )
        })
        .map(|v| format!("{:.2}", v.parse::<f64>().unwrap()))
        .collect();
    assert_eq!(wages, ["5041.26", "5327.45", "5223.68"]);
    // Both levels are reported, with names from the registry.
    assert_eq!(
        total(&rows, "2020", "431100", "population", "", "level"),
        "county"
    );
    assert_eq!(
        total(&rows, "2020", "200", "population", "", "area_name"),
        "南河镇"
    );
    assert!(
        out.stdout
            .contains("## 测试县（区县代码 431100）2020年主要指标"),
        "{}",
        out.stdout
    );
}
