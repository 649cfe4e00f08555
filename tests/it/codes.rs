//! A registry that gives only 12-digit statistical division codes (统计用区划代码): townships,
//! counties, prefectures and provinces come from the codes, their names from a `regions`
//! table. The fixture is tests/data/codes; its totals at every level are in EXPECTED.md.

use crate::workdir::{csv_rows, total, Workdir};

const PIPELINE: &str = "tests/data/codes/codes.toml";
const VILLAGES: &str = "tests/data/codes/villages.csv";

fn codes() -> Workdir {
    Workdir::with(&["tests/data/codes", "data/catalogue"])
}

/// Runs `check` on the fixture after `damage`: returns stderr after checking the exit code.
fn check_fails(damage: impl FnOnce(&Workdir)) -> String {
    let wd = codes();
    damage(&wd);
    wd.check_fails(PIPELINE)
}

#[test]
fn a_registry_of_village_codes_and_a_regions_table_read_without_problems() {
    let wd = codes();
    let out = wd.run(&["check", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "", "no problem and no warning");
    // By default townships and counties, from the codes, named from regions.csv: 开阳县
    // (EXPECTED.md) has gross output value 92.11 万元, grain 177 吨, 1400 people.
    assert!(
        out.stdout
            .contains("## 开阳县（区县代码 520121000000）2020年主要指标"),
        "{}",
        out.stdout
    );
    for figure in ["92.11", "177.0", "1400"] {
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
    // The run's rows of a file are its cache entry, linked rather than written again...
    let stored = wd.path("tests/data/codes/out/current/data/table-regions/000000.arrow");
    assert!(stored.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(std::fs::metadata(&stored).unwrap().nlink(), 2);
    }
    // ...and stay with the run when the cache is deleted.
    std::fs::remove_dir_all(wd.path("tests/data/codes/out/cache")).unwrap();
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

#[test]
fn every_level_up_to_the_whole_run_matches_the_hand_computed_totals() {
    let wd = codes();
    wd.edit(
        PIPELINE,
        "year = 2020\n",
        "year = 2020\nlevels = [\"township\", \"county\", \"prefecture\", \"province\", \"total\"]\ntotal_name = \"两省合计\"\n",
    );
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&wd.read("tests/data/codes/out/current/totals.csv"));
    let get = |area: &str, indicator: &str| total(&rows, "2020", area, indicator, "", "value");
    // (area, level, name, grain 吨, gross output value 万元, population, per-capita income)
    let expected = [
        (
            "520121101000",
            "township",
            "红岩镇",
            "114",
            "47.56",
            "800",
            "5300",
        ),
        (
            "530124001000",
            "township",
            "小河街道",
            "74.5",
            "39.06",
            "800",
            "5275",
        ),
        (
            "520121000000",
            "county",
            "开阳县",
            "177",
            "92.11",
            "1400",
            "5600",
        ),
        (
            "520100000000",
            "prefecture",
            "贵阳市",
            "249",
            "128.71",
            "2050",
            "5409.7561",
        ),
        (
            "520300000000",
            "prefecture",
            "遵义市",
            "93",
            "70.86",
            "800",
            "6000",
        ),
        (
            "520000000000",
            "province",
            "贵州省",
            "342",
            "199.57",
            "2850",
            "5575.4386",
        ),
        (
            "530000000000",
            "province",
            "云南省",
            "74.5",
            "39.06",
            "800",
            "5275",
        ),
        (
            "all",
            "total",
            "两省合计",
            "416.5",
            "238.63",
            "3650",
            "5509.589",
        ),
    ];
    for (area, level, name, grain, gov, people, per_capita) in expected {
        let row = rows
            .iter()
            .find(|r| r["area_code"] == area && r["indicator"] == "population")
            .unwrap_or_else(|| panic!("{area}"));
        assert_eq!(
            (row["level"].as_str(), row["area_name"].as_str()),
            (level, name)
        );
        assert_eq!(get(area, "grain_output"), grain, "{area}");
        assert_eq!(get(area, "gross_output_value"), gov, "{area}");
        assert_eq!(get(area, "population"), people, "{area}");
        assert_eq!(get(area, "net_income_per_capita"), per_capita, "{area}");
    }
    // 5 townships, 4 counties, 3 prefectures, 2 provinces and the total: the report shows the
    // top levels that fit in 60 areas, here all of them.
    let report = wd.read("tests/data/codes/out/current/totals.md");
    assert!(report.contains("## 两省合计2020年主要指标"), "{report}");
    assert!(
        report.contains("## 红岩镇（乡镇代码 520121101000）"),
        "{report}"
    );
}

#[test]
fn report_levels_keep_the_terminal_to_the_top_and_say_where_the_rest_went() {
    let wd = codes();
    wd.edit(
        PIPELINE,
        "year = 2020\n",
        "year = 2020\nlevels = [\"township\", \"county\", \"province\"]\n",
    );
    let text = wd.read(PIPELINE);
    wd.write(
        PIPELINE,
        format!("{text}\n[outputs]\nreport_levels = [\"province\"]\n"),
    );
    let out = wd.run(&["check", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("## 贵州省（省代码 520000000000）"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("乡镇代码"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("本表只列出上级汇总；各乡镇、区县的数据见 totals.csv。"),
        "{}",
        out.stdout
    );
}
