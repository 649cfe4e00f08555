//! The sample pipeline reproduces 竹林镇's published 2019 figures
//! (../shared/reference/zhulin-2019.md), each at the report's precision.

use crate::workdir::{csv_rows, total, Workdir};

const TOWNSHIP: &str = "500000101";

fn sample() -> (Workdir, Vec<std::collections::HashMap<String, String>>) {
    let wd = Workdir::with(&["pipelines", "data"]);
    let out = wd.run(&["run", "pipelines/zhulin-2019.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read("output/zhulin-2019/current/totals.csv"));
    (wd, rows)
}

#[test]
fn reproduces_every_published_figure() {
    let (_wd, rows) = sample();
    let value =
        |indicator: &str, item: &str| total(&rows, "2019", TOWNSHIP, indicator, item, "value");
    let published = [
        ("gross_output_value", "", "7565"),
        ("net_income_per_capita", "", "8668"),
        ("grain_sown_area", "", "12000"),
        ("grain_output", "", "4750"),
        ("crop_sown_area", "hybrid_rice", "6200"),
        ("crop_sown_area", "sweet_potato", "2000"),
        ("crop_sown_area", "vegetables", "3500"),
        ("crop_sown_area", "rapeseed", "2000"),
        ("year_end_stock", "pig", "5075"),
        ("year_end_stock", "cattle", "578"),
        ("year_end_stock", "poultry", "103500"),
        ("year_end_stock", "bees", "300"),
        ("offtake", "pig", "13000"),
        ("offtake", "poultry", "350000"),
        ("offtake", "cattle", "180"),
        ("egg_output", "", "90"),
        ("meat_output", "", "2731"),
        ("dividends", "", "95"),
    ];
    for (indicator, item, expected) in published {
        assert_eq!(value(indicator, item), expected, "{indicator} {item}");
    }
    // Changes on 2018 that the report states.
    assert_eq!(
        total(&rows, "2019", TOWNSHIP, "crop_sown_area", "maize", "change"),
        "-400"
    );
    assert_eq!(
        total(&rows, "2019", TOWNSHIP, "crop_sown_area", "chili", "change"),
        "902"
    );
    // "17个村3200余户1.49万人"
    assert_eq!(value("population", ""), "14900");
    assert_eq!(value("households", ""), "3215");
}

#[test]
fn units_and_growth_follow_the_conventions() {
    let (_wd, rows) = sample();
    let get = |indicator: &str, item: &str, column: &str| {
        total(&rows, "2019", TOWNSHIP, indicator, item, column)
    };
    assert_eq!(get("gross_output_value", "", "unit"), "万元");
    assert_eq!(get("year_end_stock", "poultry", "unit"), "羽");
    assert_eq!(get("year_end_stock", "bees", "unit"), "群");
    assert_eq!(get("net_income_per_capita", "", "unit"), "元");
    // 2018 at current prices: 60,106,270 元; 2019 quantities at 2018 prices: 66,883,640 元;
    // (66,883,640 − 60,106,270) ÷ 60,106,270 = 11.27564…%.
    assert_eq!(get("gross_output_value", "", "previous_value"), "6010.627");
    assert_eq!(get("gross_output_value", "", "growth_pct"), "11.2756");
    // Offtake rate divides by last year's year-end stock: 13000 / 4800.
    assert_eq!(get("offtake_rate", "pig", "value"), "270.8333");
    // Per capita is a ratio of sums: 118,978,200 / 14,850 in 2018.
    assert_eq!(get("net_income_per_capita", "", "previous_value"), "8012");
    assert_eq!(get("crop_yield", "hybrid_rice", "value"), "480");
}

#[test]
fn prints_the_township_table_and_writes_every_output() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let out = wd.run(&["run", "pipelines/zhulin-2019.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("| 农林牧渔业总产值（现价，产品法） | 万元    |  7565.00 |"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("| 农民人均纯收入（农经口径）       | 元      |     8668 |"),
        "{}",
        out.stdout
    );
    assert_eq!(wd.read("output/zhulin-2019/current/totals.md"), out.stdout);
    // Eggs have one product: its line would repeat 禽蛋产量 with the same figure.
    assert_eq!(
        out.stdout.matches("| 禽蛋产量 ").count(),
        1,
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("| 猪肉产量 "), "{}", out.stdout);
    let warnings = wd.read("output/zhulin-2019/current/warnings.csv");
    assert!(warnings.starts_with("check,year,village_code,file,line,column,message\n"));
    assert!(warnings.contains("change_on_previous_year,2019,002,,,,village 002 青杠村: 辣椒播种面积 moved +55.4% from 2018 to 2019 (166.0 → 258.0 亩; threshold 50%)"), "{warnings}");
    assert!(out.stderr.contains("13 warning(s)"), "{}", out.stderr);
    let villages = wd.read("output/zhulin-2019/current/villages.csv");
    assert!(
        villages.contains("\n2019,500000101,001,竹林村,net_income_per_capita,,元,"),
        "{villages}"
    );
}

#[test]
fn identical_inputs_give_identical_bytes() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "pipelines/zhulin-2019.toml"]).code, 0);
    let first = wd.outputs("output/zhulin-2019/current");
    assert_eq!(wd.run(&["run", "pipelines/zhulin-2019.toml"]).code, 0);
    assert_eq!(first, wd.outputs("output/zhulin-2019/current"));
    // totals.csv, totals.md, totals.xlsx, villages.csv, warnings.csv and 7 charts in PNG
    // and SVG.
    assert_eq!(first.len(), 5 + 14);
}

#[test]
fn check_validates_without_writing() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let out = wd.run(&["check", "pipelines/zhulin-2019.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("7565.00"));
    assert!(!wd.path("output").exists());
}
