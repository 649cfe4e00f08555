//! Workbooks read as inputs: the sample as villages send it in Excel gives the CSV sample's
//! totals byte for byte; the mini fixture's crops from one sheet per village; total rows that
//! match and one that does not; error values, dates in a year column; positions as a
//! spreadsheet user writes them, also for rows that come from the cache.

use crate::workdir::Workdir;

const MINI_XLSX: &str = "tests/data/workbook/mini-xlsx.toml";
const MINI: &str = "tests/data/mini/mini.toml";

fn mini() -> Workdir {
    Workdir::with(&["tests/data/mini", "tests/data/workbook", "data/catalogue"])
}

/// The mini workbook fixture with `case` (a file of tests/data/workbook) as its crops.
fn with_crops(case: &str) -> Workdir {
    let wd = mini();
    let bytes = std::fs::read(wd.path(&format!("tests/data/workbook/{case}"))).unwrap();
    wd.write("tests/data/workbook/crops.xlsx", bytes);
    wd
}

#[test]
fn the_sample_from_workbooks_gives_the_csv_samples_totals_byte_for_byte() {
    let wd = Workdir::with(&["pipelines", "data"]);
    for pipeline in [
        "pipelines/zhulin-2019.toml",
        "pipelines/zhulin-2019-xlsx.toml",
    ] {
        let out = wd.run(&["run", "-q", pipeline]);
        assert_eq!(out.code, 0, "{pipeline}: {}", out.stderr);
    }
    let csv = "output/zhulin-2019/current";
    let xlsx = "output/zhulin-2019-xlsx/current";
    for file in ["totals.csv", "villages.csv", "warnings.csv", "totals.md"] {
        assert!(
            wd.read(&format!("{csv}/{file}")) == wd.read(&format!("{xlsx}/{file}")),
            "{file} differs"
        );
    }
    // No 合计 row of the sample differs from its rows.
    assert!(!wd
        .read(&format!("{xlsx}/warnings.csv"))
        .contains("total_row_differs"));
    let manifest = wd.read(&format!("{xlsx}/manifest.json"));
    assert!(manifest.contains("data/zhulin-xlsx/2019/竹林镇村报表.xlsx"));

    // A second run takes every workbook's rows from the cache.
    let out = wd.run(&["run", "-q", "pipelines/zhulin-2019-xlsx.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("no changes against run"),
        "{}",
        out.stderr
    );
    let manifest = wd.read(&format!("{xlsx}/manifest.json"));
    assert!(!manifest.contains("\"parsed\": true"), "{manifest}");
}

#[test]
fn one_sheet_per_village_with_merged_header_artefacts_and_text_numbers_reads_as_its_csv() {
    let wd = mini();
    let workbook = wd.run(&["check", MINI_XLSX]);
    let csv = wd.run(&["check", MINI]);
    assert_eq!(workbook.code, 0, "{}", workbook.stderr);
    assert_eq!(workbook.stdout, csv.stdout);
    // Both 合计 rows match their village's rows: no warning.
    assert_eq!(workbook.stderr, csv.stderr);
    for pipeline in [MINI_XLSX, MINI] {
        assert_eq!(wd.run(&["run", "-q", pipeline]).code, 0);
    }
    assert_eq!(
        wd.read("tests/data/workbook/out/current/totals.csv"),
        wd.read("tests/data/mini/out/current/totals.csv")
    );
}

#[test]
fn the_same_crops_as_xls_and_ods_made_by_other_programs_read_as_the_csv() {
    for file in ["crops.xls", "crops.ods"] {
        let wd = mini();
        wd.edit(
            MINI_XLSX,
            "path = \"crops.xlsx\"",
            &format!("path = \"{file}\""),
        );
        let workbook = wd.run(&["check", MINI_XLSX]);
        let csv = wd.run(&["check", MINI]);
        assert_eq!(workbook.code, 0, "{file}: {}", workbook.stderr);
        assert_eq!(workbook.stdout, csv.stdout, "{file}");
        assert_eq!(workbook.stderr, csv.stderr, "{file}");
    }
}

#[test]
fn a_total_row_that_differs_from_its_rows_is_a_warning_naming_both_figures() {
    let wd = with_crops("total-differs.xlsx");
    let out = wd.run(&["run", "-q", MINI_XLSX]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warning = out
        .stderr
        .lines()
        .filter(|l| l.contains("合计"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(warning, @r#"tests/data/workbook/crops.xlsx[乙村]!F7: warning: the 合计 row gives 230500 for column "产量/公斤", but the 2 rows it sums come to 230000; the rows are counted, the 合计 row is not"#);
    let warnings = wd.read("tests/data/workbook/out/current/warnings.csv");
    let row = warnings
        .lines()
        .find(|l| l.starts_with("total_row_differs"));
    assert_eq!(
        row.map(|r| r.split(',').take(6).collect::<Vec<_>>().join(",")),
        Some("total_row_differs,2019,02,tests/data/workbook/crops.xlsx[乙村],7,6".to_string()),
        "{warnings}"
    );
    // The rows are what is counted.
    let good = mini();
    assert_eq!(good.run(&["run", "-q", MINI_XLSX]).code, 0);
    assert_eq!(
        wd.read("tests/data/workbook/out/current/totals.csv"),
        good.read("tests/data/workbook/out/current/totals.csv")
    );
}

#[test]
fn an_error_value_is_a_problem_at_its_workbook_sheet_and_cell() {
    let err = with_crops("error-cell.xlsx").check_fails(MINI_XLSX);
    insta::assert_snapshot!(err, @r#"
    tests/data/workbook/crops.xlsx[甲村]!F6: column "产量/公斤": the cell holds the error value #DIV/0! (expected a number; correct the formula or type the figure)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_date_in_the_year_column_is_refused() {
    let err = with_crops("date-year.xlsx").check_fails(MINI_XLSX);
    insta::assert_snapshot!(err, @r#"
    tests/data/workbook/crops.xlsx[乙村]!A5: column "年份": the cell holds the date 1905-07-11 (expected a year such as 2019: format the cell as a number or as text, not as a date)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn rows_from_the_cache_keep_their_sheet_and_cell() {
    let wd = mini();
    assert_eq!(wd.run(&["run", "-q", MINI_XLSX]).code, 0);
    // 乙村 leaves the registry; the workbook is unchanged, so its rows come from the cache.
    wd.edit(
        "tests/data/mini/villages.csv",
        "2019,02,乙村,001,测试镇,100,测试县,300,1100,20\n",
        "",
    );
    let out = wd.run(&["run", "-q", MINI_XLSX]);
    assert_eq!(out.code, 1);
    let crops: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("crops.xlsx"))
        .collect();
    insta::assert_snapshot!(crops.join("\n"), @r#"
    tests/data/workbook/crops.xlsx[乙村]!B5: column "村代码": "02" is not a village of the registry for 2019 (expected a code listed in tests/data/mini/villages.csv)
    tests/data/workbook/crops.xlsx[乙村]!B6: column "村代码": "02" is not a village of the registry for 2019 (expected a code listed in tests/data/mini/villages.csv)
    "#);
}

#[test]
fn explain_and_the_revision_report_give_a_workbook_rows_sheet_and_row() {
    let wd = mini();
    assert_eq!(wd.run(&["run", "-q", MINI_XLSX]).code, 0);
    // 乙村's rows are on the second sheet read: their stored lines pack the sheet's position.
    let out = wd.run(&[
        "explain",
        MINI_XLSX,
        "crop_sown_area",
        "02",
        "--item",
        "玉米",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("tests/data/workbook/crops.xlsx[乙村]!6:6"),
        "{}",
        out.stdout
    );
    // Reading 甲村's sheet alone removes 乙村's rows: the report says where they were.
    wd.edit(MINI_XLSX, "sheet = \"*村\"", "sheet = \"甲村\"");
    let out = wd.run(&["run", "-q", MINI_XLSX]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let revisions = wd.read("tests/data/workbook/out/current/revisions.csv");
    for row in ["[乙村]!5:5", "[乙村]!6:6"] {
        assert!(revisions.contains(row), "{row}: {revisions}");
    }
    assert!(!revisions.contains(":2097"), "a packed line: {revisions}");
}
