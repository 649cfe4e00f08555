//! Bad input: every kind gets its full error text (file, line, column, value, what was
//! expected), exit code 1, and the previous outputs stay byte for byte as they were.

use crate::workdir::{csv_rows, total, Workdir};

const PIPELINE: &str = "tests/data/mini/mini.toml";
const OUT: &str = "tests/data/mini/out";

/// Runs the good fixture, breaks it with `damage`, reruns: returns stderr of the failed run
/// after checking the exit code and that the outputs did not move.
fn fails_with(code: i32, damage: impl FnOnce(&Workdir)) -> String {
    let wd = Workdir::mini();
    let good = wd.run(&["run", PIPELINE]);
    assert_eq!(good.code, 0, "{}", good.stderr);
    let before = wd.published(OUT);
    assert!(before.iter().any(|(p, _)| p.ends_with("totals.csv")));
    damage(&wd);
    let out = wd.run(&["run", PIPELINE]);
    assert_eq!(
        out.code, code,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
    assert_eq!(out.stdout, "");
    assert_eq!(
        wd.published(OUT),
        before,
        "a failed run changed the outputs"
    );
    let leftovers: Vec<_> = std::fs::read_dir(wd.path("tests/data/mini/out/runs"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
    wd.in_chinese(&["run", PIPELINE], code);
    out.stderr
}

fn data_error(damage: impl FnOnce(&Workdir)) -> String {
    fails_with(1, damage)
}

#[test]
fn unreadable_number() {
    let err =
        data_error(|wd| wd.edit("tests/data/mini/crops/01.csv", "100,50000", "100,\"12,3x\""));
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/01.csv:2:5: column "产量(公斤)": "12,3x" is not a number (expected digits such as 1234.5)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn ambiguous_thousands_separators() {
    let err =
        data_error(|wd| wd.edit("tests/data/mini/crops/01.csv", "100,50000", "100,\"50,00\""));
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/01.csv:2:5: column "产量(公斤)": "50,00" has misplaced thousands separators (expected groups of three digits, such as 1,234.5)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn unambiguous_separators_and_full_width_digits_are_read() {
    let wd = Workdir::mini();
    wd.edit(
        "tests/data/mini/crops/01.csv",
        "100,50000",
        "１００,\"50,000\"",
    );
    let out = wd.run(&["run", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read("tests/data/mini/out/current/totals.csv"));
    assert_eq!(
        total(
            &rows,
            "2019",
            "001",
            "crop_sown_area",
            "hybrid_rice",
            "value"
        ),
        "400"
    );
    assert_eq!(
        total(&rows, "2019", "001", "grain_output", "", "value"),
        "295"
    );
}

#[test]
fn negative_and_missing_values() {
    let err = data_error(|wd| {
        wd.edit("tests/data/mini/crops/02.csv", "300,150000", "-300,150000");
        wd.edit("tests/data/mini/crops/02.csv", "200,80000", "200,");
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/02.csv:2:4: column "播种面积(亩)": "-300" is negative (expected zero or more)
    tests/data/mini/crops/02.csv:3:5: column "产量(公斤)": value is missing (expected a number)
    2 problem(s) found; nothing was written
    "#);
}

#[test]
fn unknown_village_and_product() {
    let err = data_error(|wd| {
        wd.edit(
            "tests/data/mini/slaughter.csv",
            "2019,02,猪肉",
            "2019,03,猪肉",
        );
        wd.edit("tests/data/mini/crops/02.csv", "玉米", "玉 米");
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/02.csv:3:3: column "作物": "玉 米" is not in the product catalogue (expected a crop); did you mean "玉米"?; to read "玉 米" as a name, add it to the aliases of maize (玉米) in data/catalogue/products.csv (separated by |)
    tests/data/mini/slaughter.csv:3:2: column "村代码": "03" is not a village of the registry for 2019 (expected a code listed in tests/data/mini/villages.csv)
    2 problem(s) found; nothing was written
    "#);
}

#[test]
fn duplicate_rows_across_files() {
    let err = data_error(|wd| {
        let text = wd.read("tests/data/mini/crops/02.csv");
        wd.write(
            "tests/data/mini/crops/02.csv",
            format!("{text}2019,01,红薯,5,7500\n"),
        );
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/02.csv:4: duplicate row for (2019, 01, 红薯) in crops: the same key is already at tests/data/mini/crops/01.csv:3
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn missing_and_unknown_columns() {
    let err = data_error(|wd| {
        wd.edit("tests/data/mini/income.csv", "财产净收入", "财产收入");
        wd.edit(
            "tests/data/mini/slaughter.csv",
            "产量(公斤)\n",
            "产量(公斤),备注\n",
        );
        wd.edit("tests/data/mini/slaughter.csv", "12000\n", "12000,\n");
        wd.edit("tests/data/mini/slaughter.csv", "25000\n", "25000,\n");
        wd.edit("tests/data/mini/slaughter.csv", "3000\n", "3000,\n");
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/income.csv:1: missing column "财产净收入" (mapped to income.property_income; the header has: 年份, 村代码, 工资性收入, 经营净收入, 财产收入, 转移净收入); did you mean "财产收入"?
    tests/data/mini/income.csv:1:5: unknown column "财产收入" (not mapped in [inputs.income.columns]; list it in ignore_columns to skip it)
    tests/data/mini/slaughter.csv:1:6: unknown column "备注" (not mapped in [inputs.slaughter.columns]; list it in ignore_columns to skip it)
    3 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_registry_that_cannot_be_read_does_not_make_every_village_unknown() {
    let err = data_error(|wd| wd.edit("tests/data/mini/villages.csv", "人口", "人数"));
    // No "is not a village of the registry" for each row of crops, slaughter and income.
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/villages.csv:1: missing column "人口" (mapped to villages.population; the header has: 年份, 村代码, 村名, 乡镇代码, 乡镇名称, 区县代码, 区县名称, 户数, 人数, 建档立卡贫困户); did you mean "人数"?
    tests/data/mini/villages.csv:1:9: unknown column "人数" (not mapped in [inputs.villages.columns]; list it in ignore_columns to skip it)
    2 problem(s) found; nothing was written
    "#);
}

#[test]
fn ragged_row() {
    let err = data_error(|wd| {
        wd.edit(
            "tests/data/mini/slaughter.csv",
            "2019,02,禽蛋,,3000",
            "2019,02,禽蛋,3000",
        )
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/slaughter.csv:4: row has 4 fields, the header has 5
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn invalid_bytes_for_the_declared_encoding() {
    let err = data_error(|wd| {
        wd.edit(
            PIPELINE,
            "path = \"income.csv\"",
            "path = \"income.csv\"\nencoding = \"utf-8\"",
        );
        let mut bytes = std::fs::read(wd.path("tests/data/mini/income.csv")).unwrap();
        let at = bytes.len() - 3;
        bytes.insert(at, 0xB0);
        wd.write("tests/data/mini/income.csv", bytes);
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/income.csv:3:36: invalid bytes B0 for UTF-8
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn empty_file() {
    // The empty price file is the one problem: every product it would have priced is a
    // consequence, not reported.
    let err = data_error(|wd| wd.write("tests/data/mini/prices.csv", ""));
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/prices.csv: file is empty (expected a header row and rows of prices)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn row_of_another_year() {
    let err = data_error(|wd| wd.edit("tests/data/mini/income.csv", "2019,02", "2018,02"));
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/income.csv:3:1: column "年份": 2018 is not a year of this pipeline (expected 2019)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn output_without_a_price() {
    let err = data_error(|wd| wd.edit("tests/data/mini/prices.csv", "2019,玉米,2\n", ""));
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/02.csv:3:3: "玉米" has output in 2019 but no price (expected a 2019 row for it in the prices table)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn all_problems_of_a_run_at_once() {
    let err = data_error(|wd| {
        wd.edit("tests/data/mini/crops/01.csv", "100,50000", "100,abc");
        wd.edit("tests/data/mini/villages.csv", ",400,", ",４百,");
        wd.edit("tests/data/mini/income.csv", "2019,01", "2019,09");
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/01.csv:2:5: column "产量(公斤)": "abc" is not a number (expected digits such as 1234.5)
    tests/data/mini/income.csv:2:2: column "村代码": "09" is not a village of the registry for 2019 (expected a code listed in tests/data/mini/villages.csv)
    tests/data/mini/villages.csv:2:9: column "人口": "４百" is not a number (expected digits such as 1234.5)
    3 problem(s) found; nothing was written
    "#);
}

#[test]
fn pipeline_errors_exit_2() {
    let err = fails_with(2, |wd| {
        wd.edit(
            PIPELINE,
            "sown_area = \"播种面积(亩)\"",
            "sown_areas = \"播种面积(亩)\"",
        );
        wd.edit(PIPELINE, "path = \"prices.csv\"", "path = \"price.csv\"");
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/mini.toml:30:1: inputs.crops.columns: unknown field "sown_areas" (expected one of year, village_code, crop, sown_area, output); did you mean "sown_area"?
    tests/data/mini/mini.toml:53:8: inputs.prices.path: no such file "tests/data/mini/price.csv"
    "#);
}

#[test]
fn usage_errors_exit_2() {
    let wd = Workdir::mini();
    let out = wd.run(&["frobnicate"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unrecognized subcommand 'frobnicate'"),
        "{}",
        out.stderr
    );
    let out = wd.run(&["run", "nowhere.toml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("nowhere.toml: reading the pipeline file: No such file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_value_beyond_exact_range_is_an_error_at_its_row_not_a_panic() {
    // 900 billion kg at 9 billion 元 per kg: the product is exact in 128 bits but beyond
    // what a village's sum holds; it is reported at the row, with exit 1.
    let err = data_error(|wd| {
        wd.edit(
            "tests/data/mini/crops/01.csv",
            "100,50000",
            "100,900000000000",
        );
        wd.edit(
            "tests/data/mini/prices.csv",
            "杂交水稻,2.6",
            "杂交水稻,9000000000",
        );
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/01.csv:2:5: column "产量(公斤)": the village's 产量 goes beyond what agristat adds exactly (±92,233,720,368 in the canonical unit); check the value and its unit
    tests/data/mini/crops/02.csv:2:5: column "产量(公斤)": the village's 农林牧渔业总产值（现价，产品法） goes beyond what agristat adds exactly (±92,233,720,368 in the canonical unit); check the value and its unit
    2 problem(s) found; nothing was written
    "#);
}

#[test]
fn repeated_problems_of_a_kind_are_grouped_after_the_first_twenty() {
    let err = data_error(|wd| {
        let mut crops = String::from("年份,村代码,作物,播种面积(亩),产量(公斤)\n");
        for i in 0..2260 {
            crops.push_str(&format!("2019,01,杂交水稻,{i},1x\n"));
        }
        wd.write("tests/data/mini/crops/01.csv", crops);
    });
    let lines: Vec<&str> = err.lines().collect();
    // 20 shown, one line for the rest, the total.
    assert_eq!(lines.len(), 22, "{err}");
    assert_eq!(
        lines[0],
        r#"tests/data/mini/crops/01.csv:2:5: column "产量(公斤)": "1x" is not a number (expected digits such as 1234.5)"#
    );
    insta::assert_snapshot!(lines[20..].join("\n"), @r#"
    tests/data/mini/crops/01.csv: … and 2,240 more like this, column 5, in lines 22–2261
    2260 problem(s) found; nothing was written
    "#);
}
