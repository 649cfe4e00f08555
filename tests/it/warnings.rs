//! Plausibility warnings do not stop a run; they are printed and saved in warnings.csv.

use crate::workdir::Workdir;

#[test]
fn implausible_figures_are_warned_about_and_saved() {
    let wd = Workdir::mini();
    // 90000 kg on 100 亩 is 900 公斤/亩 of rice (plausible: 250–750).
    wd.edit("tests/data/mini/crops/01.csv", "100,50000", "100,90000");
    // 12000 kg from 50 pigs is 240 kg per head (plausible: 50–150).
    wd.edit(
        "tests/data/mini/slaughter.csv",
        "猪肉,100,12000",
        "猪肉,50,12000",
    );
    // 乙村 sends no income table row.
    wd.edit(
        "tests/data/mini/income.csv",
        "2019,02,4000000,2000000,200000,600000\n",
        "",
    );
    let out = wd.run(&["run", "tests/data/mini/mini.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(wd.read("tests/data/mini/out/current/warnings.csv"), @r#"
    check,year,village_code,file,line,column,message
    chart_skipped,2019,001,,,,chart comparison for 测试镇 (001) skipped: the pipeline has no previous year
    chart_skipped,2019,001,,,,chart dividends for 测试镇 (001) skipped: no dividends
    kg_per_head_out_of_range,2019,01,tests/data/mini/slaughter.csv,2,5,"output per head of 猪肉 is 240.00 公斤/头, outside the plausible 50–150 公斤/头"
    yield_out_of_range,2019,01,tests/data/mini/crops/01.csv,2,5,"yield of 杂交水稻 is 900.00 公斤/亩, outside the plausible 250–750 公斤/亩"
    village_missing,2019,02,,,,village 02 乙村 is in the registry for 2019 but has no rows in income (tests/data/mini/income.csv)
    "#);
    let (warnings, run) = out.stderr.split_once("5 warning(s)\n").unwrap();
    assert!(
        run.starts_with("first run of this pipeline: nothing to compare with\nwrote run 000001-"),
        "{run}"
    );
    insta::assert_snapshot!(warnings, @r#"
    warning: chart comparison for 测试镇 (001) skipped: the pipeline has no previous year
    warning: chart dividends for 测试镇 (001) skipped: no dividends
    tests/data/mini/slaughter.csv:2:5: warning: output per head of 猪肉 is 240.00 公斤/头, outside the plausible 50–150 公斤/头
    tests/data/mini/crops/01.csv:2:5: warning: yield of 杂交水稻 is 900.00 公斤/亩, outside the plausible 250–750 公斤/亩
    warning: village 02 乙村 is in the registry for 2019 but has no rows in income (tests/data/mini/income.csv)
    "#);
}

#[test]
fn progress_lines_go_to_standard_error_unless_quiet() {
    let wd = Workdir::mini();
    let pipeline = "tests/data/mini/mini.toml";
    let out = wd.run_with(&["check", pipeline], &[("AGRISTAT_PROGRESS", "always")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for stage in ["read", "validate", "aggregate", "render"] {
        let line = format!("agristat: {stage} done in ");
        assert!(out.stderr.contains(&line), "{}", out.stderr);
    }
    assert!(!out.stdout.contains("agristat:"), "{}", out.stdout);
    let quiet = wd.run_with(
        &["check", "-q", pipeline],
        &[("AGRISTAT_PROGRESS", "always")],
    );
    assert!(!quiet.stderr.contains("agristat:"), "{}", quiet.stderr);
}
