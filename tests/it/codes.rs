//! A registry that gives only 12-digit statistical division codes (统计用区划代码): townships,
//! counties, prefectures and provinces come from the codes, their names from a `regions`
//! table. The fixture is tests/data/codes; its totals at every level are in EXPECTED.md.

use crate::workdir::Workdir;

const PIPELINE: &str = "tests/data/codes/codes.toml";
const VILLAGES: &str = "tests/data/codes/villages.csv";

fn codes() -> Workdir {
    Workdir::with(&["tests/data/codes", "data/catalogue"])
}

/// Runs `check` on the fixture after `damage`: returns stderr after checking the exit code.
fn check_fails(damage: impl FnOnce(&Workdir)) -> String {
    let wd = codes();
    damage(&wd);
    let out = wd.run(&["check", PIPELINE]);
    assert_eq!(
        out.code, 1,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
    assert_eq!(out.stdout, "");
    out.stderr
}

#[test]
fn a_registry_of_village_codes_and_a_regions_table_read_without_problems() {
    let wd = codes();
    let out = wd.run(&["check", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "", "no problem and no warning");
    // The whole run's totals (EXPECTED.md): gross output value, grain, population.
    for figure in ["238.63", "416.5", "3650"] {
        assert!(out.stdout.contains(figure), "{figure}: {}", out.stdout);
    }
}

#[test]
fn a_village_code_that_is_not_12_digits_is_an_error_where_the_registry_gives_no_township() {
    let err = check_fails(|wd| {
        wd.edit(
            VILLAGES,
            "2020,530124001202,大坝村,110,440,11\n",
            "2020,530124001202,大坝村,110,440,11\n2020,52012110120,新村,10,40,1\n",
        )
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/codes/villages.csv:10:2: column "村代码": "52012110120" is not a 12-digit statistical division code (expected 12 digits, to find its township and county: the registry gives no 乡镇代码 or 区县代码)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_township_column_the_pipeline_maps_must_be_in_the_registry() {
    let err = check_fails(|wd| {
        wd.edit(
            PIPELINE,
            "village_name = \"村名\"\n",
            "village_name = \"村名\"\ntownship_code = \"乡镇代码\"\n",
        )
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/codes/villages.csv:1: missing column "乡镇代码" (mapped to villages.township_code; the header has: 年份, 村代码, 村名, 户数, 人口, 建档立卡贫困户)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_region_code_listed_twice_is_a_duplicate_row() {
    let err = check_fails(|wd| {
        wd.edit(
            "tests/data/codes/regions.csv",
            "530124001000,小河街道\n",
            "530124001000,小河街道\n520121101000,红岩乡\n",
        )
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/codes/regions.csv:16: duplicate row for (520121101000) in regions: the same key is already at tests/data/codes/regions.csv:5
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_renamed_region_is_a_row_revision_keyed_by_its_code() {
    let wd = codes();
    let first = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(wd
        .path("tests/data/codes/out/current/data/table-regions.arrow")
        .is_file());
    wd.edit("tests/data/codes/regions.csv", "小河街道", "小河镇");
    let second = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let revisions = wd.read("tests/data/codes/out/current/revisions.csv");
    assert!(
        revisions.contains(
            "\nrow_changed,regions,,,530124001000,,,name,,小河街道,小河镇,,,tests/data/codes/regions.csv:15\n"
        ),
        "{revisions}"
    );
}
