//! Corrections and reruns: vintages, the revision report, the cache, atomic publishing,
//! `runs`, `diff` and `explain`.

use std::process::Command;
use std::time::Duration;

use crate::workdir::{csv_rows, Workdir};

const PIPELINE: &str = "pipelines/zhulin-2019.toml";
const OUT: &str = "output/zhulin-2019";

fn manifest(wd: &Workdir) -> serde_json::Value {
    serde_json::from_str(&wd.read(&format!("{OUT}/current/manifest.json"))).unwrap()
}

fn parsed_files(wd: &Workdir) -> Vec<String> {
    manifest(wd)["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["parsed"] == true)
        .map(|i| i["path"].as_str().unwrap().to_string())
        .collect()
}

/// 竹林村 corrects its hybrid rice output from 165,490 to 165,590 公斤.
fn correct(wd: &Workdir) {
    wd.edit(
        "data/zhulin/2019/crops.csv",
        "2019,001,杂交水稻,354,165490",
        "2019,001,杂交水稻,354,165590",
    );
}

#[test]
fn a_correction_is_reported_row_by_row_and_total_by_total() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let first = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first
        .stderr
        .contains("first run of this pipeline: nothing to compare with"));
    assert_eq!(
        parsed_files(&wd).len(),
        16,
        "the first run parses every file"
    );

    correct(&wd);
    let second = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        parsed_files(&wd),
        ["data/zhulin/2019/crops.csv"],
        "only the corrected file is parsed again"
    );

    let revisions = wd.read(&format!("{OUT}/current/revisions.csv"));
    let rows = csv_rows(&revisions);
    let lines: Vec<String> = rows
        .iter()
        .map(|r| {
            [
                "kind",
                "table",
                "year",
                "level",
                "area_code",
                "item",
                "field",
                "unit",
                "old",
                "new",
                "change",
                "change_pct",
                "location",
            ]
            .iter()
            .map(|c| r[*c].as_str())
            .collect::<Vec<_>>()
            .join(",")
        })
        .collect();
    assert_eq!(
        lines,
        [
            "input_changed,crops,,,,,,,,,,,data/zhulin/2019/crops.csv",
            "row_changed,crops,2019,village,001,杂交水稻,output,,165490,165590,,,data/zhulin/2019/crops.csv:2",
            "total_changed,,2019,township,500000101,hybrid_rice,crop_output,吨,2976,2976.1,0.1,0.0034,",
            "total_changed,,2019,township,500000101,hybrid_rice,crop_yield,公斤/亩,480,480.0161,0.0161,0.0034,",
            "total_changed,,2019,township,500000101,,grain_output,吨,4750,4750.1,0.1,0.0021,",
            "total_changed,,2019,township,500000101,,gross_output_value,万元,7565,7565.026,0.026,0.0003,",
            "total_changed,,2019,township,500000101,farming,gross_output_value,万元,2370.24,2370.266,0.026,0.0011,",
            "total_changed,,2019,village,001,hybrid_rice,crop_output,吨,165.49,165.59,0.1,0.0604,",
            "total_changed,,2019,village,001,hybrid_rice,crop_yield,公斤/亩,467.4859,467.7684,0.2825,0.0604,",
            "total_changed,,2019,village,001,,grain_output,吨,211.97,212.07,0.1,0.0472,",
            "total_changed,,2019,village,001,,gross_output_value,万元,705.98984,706.01584,0.026,0.0037,",
            "total_changed,,2019,village,001,farming,gross_output_value,万元,127.22064,127.24664,0.026,0.0204,",
        ]
    );
    assert!(
        second
            .stderr
            .contains("1 input file(s), 1 row change(s), 10 total(s) changed"),
        "{}",
        second.stderr
    );
    assert!(second.stderr.contains("row changed  crops (2019, 001, 杂交水稻) output: 165490 -> 165590  [data/zhulin/2019/crops.csv:2]"), "{}", second.stderr);
    let md = wd.read(&format!("{OUT}/current/revisions.md"));
    assert!(md.contains("| 修改 | crops | 2019，001，杂交水稻  | output | 165490 | 165590 | data/zhulin/2019/crops.csv:2 |"), "{md}");

    // A third run on the same inputs: no changes, and the same output bytes.
    let before = wd.outputs(&format!("{OUT}/current"));
    let third = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert!(
        third.stderr.contains("no changes against run 000002-"),
        "{}",
        third.stderr
    );
    assert_eq!(wd.outputs(&format!("{OUT}/current")), before);
    assert!(
        parsed_files(&wd).is_empty(),
        "nothing changed, nothing is parsed"
    );
    assert_eq!(
        wd.read(&format!("{OUT}/current/revisions.csv"))
            .lines()
            .count(),
        1
    );

    // The earlier figures stay available.
    let runs = wd.run(&["runs", PIPELINE]);
    assert_eq!(runs.code, 0, "{}", runs.stderr);
    let ids: Vec<&str> = runs
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .collect();
    assert_eq!(ids.len(), 3, "{}", runs.stdout);
    assert!(ids[2].ends_with(&format!(
        "{}  agristat 0.1.0",
        manifest(&wd)["time"].as_str().unwrap()
    )));
    assert!(ids[2].contains("(current)"));
    assert!(runs.stdout.contains("    changed: data/zhulin/2019/crops.csv\n    500000101 竹林镇 grain_output 4750.1 吨\n"), "{}", runs.stdout);
    assert!(
        runs.stdout
            .contains("    500000101 竹林镇 gross_output_value 7565.00 万元\n"),
        "{}",
        runs.stdout
    );
    let diff = wd.run(&["diff", PIPELINE, "000001", "000002"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(
        diff.stdout
            .contains("row changed  crops (2019, 001, 杂交水稻) output: 165490 -> 165590"),
        "{}",
        diff.stdout
    );
    let none = wd.run(&["diff", PIPELINE]);
    assert!(
        none.stdout.contains("no changes against run 000002-"),
        "{}",
        none.stdout
    );
}

#[test]
fn the_manifest_records_inputs_and_outputs_with_hashes() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    let m = manifest(&wd);
    assert_eq!(m["agristat_version"], "0.1.0");
    assert_eq!(m["pipeline"]["path"], PIPELINE);
    let pipeline = std::fs::read(wd.path(PIPELINE)).unwrap();
    assert_eq!(m["pipeline"]["bytes"], pipeline.len());
    let crops = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"] == "data/zhulin/2019/crops.csv")
        .unwrap();
    assert_eq!(crops["table"], "crops");
    assert_eq!(crops["rows"], 102); // 103 lines: the header and 102 rows
    assert_eq!(crops["sha256"].as_str().unwrap().len(), 64);
    let outputs: Vec<&str> = m["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert!(
        outputs.contains(&"totals.csv")
            && outputs.contains(&"charts/500000101-01-gov_by_sector.png")
    );
    assert_eq!(m["warnings"], 13);
    assert!(m["run_id"].as_str().unwrap().starts_with("000001-"));
}

#[test]
fn deleting_the_cache_changes_nothing_but_speed() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    let before = wd.outputs(&format!("{OUT}/current"));
    std::fs::remove_dir_all(wd.path(&format!("{OUT}/cache"))).unwrap();
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("no changes against run 000001-"),
        "{}",
        out.stderr
    );
    assert_eq!(
        parsed_files(&wd).len(),
        16,
        "without a cache every file is parsed"
    );
    assert_eq!(wd.outputs(&format!("{OUT}/current")), before);
}

#[test]
fn a_run_that_dies_before_switching_leaves_the_last_good_run() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    let before = wd.published(OUT);
    correct(&wd);
    for fault in ["after-outputs", "before-publish", "before-switch"] {
        let out = Command::new(env!("CARGO_BIN_EXE_agristat"))
            .args(["run", "-q", PIPELINE])
            .current_dir(wd.path(""))
            .env("AGRISTAT_FAULT", fault)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{fault}: the run should have died");
        let runs = wd.run(&["runs", PIPELINE]).stdout;
        let listed: Vec<&str> = runs.lines().filter(|l| l.starts_with("0000")).collect();
        assert_eq!(listed.len(), 1, "{fault}: {runs}");
        let current: Vec<_> = wd
            .published(OUT)
            .into_iter()
            .filter(|(p, _)| !p.to_string_lossy().contains("000002"))
            .collect();
        assert_eq!(current, before, "{fault}: the last good run changed");
    }
    // The run that died before its switch is complete: kept, listed apart, never deleted.
    let runs = wd.run(&["runs", PIPELINE]).stdout;
    assert!(
        runs.contains("never made current (a run ended before switching; `agristat rollback pipelines/zhulin-2019.toml RUN` makes one current):\n    000002-"),
        "{runs}"
    );
    // The next run publishes normally, against the last good run.
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("1 row change(s)"), "{}", out.stderr);
    assert!(out.stderr.contains("against run 000001-"), "{}", out.stderr);
    assert!(out.stderr.contains("wrote run 000003-"), "{}", out.stderr);
    let runs = std::fs::read_dir(wd.path(&format!("{OUT}/runs")))
        .unwrap()
        .count();
    assert_eq!(runs, 3);
}

#[test]
fn a_killed_run_leaves_the_last_good_run() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    let current = |wd: &Workdir| wd.outputs(&format!("{OUT}/current"));
    let before = current(&wd);
    let link = std::fs::read_link(wd.path(&format!("{OUT}/current"))).unwrap();
    wd.edit(
        "data/zhulin/2019/crops.csv",
        "2019,001,杂交水稻,354,165490",
        "2019,001,杂交水稻,354,999990",
    );
    // Kill runs at different moments; whatever the moment, `current` is the old run or,
    // if the run got that far, the complete new one.
    let mut killed = 0;
    for delay_ms in [50, 200, 500, 1000, 2000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_agristat"))
            .args(["run", "-q", PIPELINE])
            .current_dir(wd.path(""))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        let now = std::fs::read_link(wd.path(&format!("{OUT}/current"))).unwrap();
        if now == link {
            assert_eq!(
                current(&wd),
                before,
                "killed after {delay_ms} ms: the last good run changed"
            );
        } else {
            let totals = wd.read(&format!("{OUT}/current/totals.csv"));
            assert!(
                totals.contains(",crop_output,hybrid_rice,吨,3810.5,"),
                "a new run must be complete"
            );
            break;
        }
    }
    assert!(killed > 0, "no run was killed mid-way");
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Checked on every run of the test, not only when a run finished inside the kill window:
    // 2976 − 165.49 + 999.99.
    let totals = wd.read(&format!("{OUT}/current/totals.csv"));
    assert!(
        totals.contains(",crop_output,hybrid_rice,吨,3810.5,"),
        "{totals}"
    );
}

#[test]
fn explain_lists_the_rows_behind_a_total() {
    let wd = Workdir::mini();
    assert_eq!(wd.run(&["run", "-q", "tests/data/mini/mini.toml"]).code, 0);
    let out = wd.run(&[
        "explain",
        "tests/data/mini/mini.toml",
        "crop_output",
        "001",
        "--item",
        "杂交水稻",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout.replace(
        &out.stdout[out.stdout.find("run 000001").unwrap()..out.stdout.find(": 200").unwrap()],
        "run ID",
    );
    insta::assert_snapshot!(text, @r"
    crop_output 杂交水稻 (产量) 2019, 测试镇 (township 001), run ID: 200 吨
      crop_output (产量 2019): 2 row(s)
        tests/data/mini/crops/01.csv:2  01 甲村  crops 杂交水稻  50 吨
        tests/data/mini/crops/02.csv:2  02 乙村  crops 杂交水稻  150 吨
    ");
    let out = wd.run(&[
        "explain",
        "tests/data/mini/mini.toml",
        "net_income_per_capita",
        "001",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains(": 6800 元\n  = Σ net_income ÷ Σ population\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("    tests/data/mini/villages.csv:3  02 乙村  villages   1100 人\n"),
        "{}",
        out.stdout
    );
    let out = wd.run(&["explain", "tests/data/mini/mini.toml", "crop_outpt", "001"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("unknown indicator \"crop_outpt\"; did you mean \"crop_output\"?"),
        "{}",
        out.stderr
    );
}

#[test]
fn one_run_at_a_time_per_output_folder() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    // Another run holds the output folder's lock (as a run does from start to end).
    let lock = std::fs::File::open(wd.path(&format!("{OUT}/.agristat.lock"))).unwrap();
    lock.lock().unwrap();
    let refused = wd.run(&["run", "-q", "--no-wait", PIPELINE]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("another run is writing to this output folder"),
        "{}",
        refused.stderr
    );
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_agristat"))
        .args(["run", "-q", PIPELINE])
        .current_dir(wd.path(""))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "a second run must wait for the lock"
    );
    drop(lock);
    let out = waiting.wait_with_output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("waiting for it to finish"), "{stderr}");
    // Both runs that got the lock were published, one after the other.
    let runs = std::fs::read_dir(wd.path(&format!("{OUT}/runs")))
        .unwrap()
        .count();
    assert_eq!(runs, 2);
}

/// A file removed while every other file is unchanged: the new run's side of that table has
/// no rows to load at all, and the removed file's rows are still reported, row by row.
#[test]
fn the_rows_of_a_removed_file_are_reported_when_no_other_file_changed() {
    let wd = Workdir::mini();
    let pipeline = "tests/data/mini/mini.toml";
    assert_eq!(wd.run(&["run", "-q", pipeline]).code, 0);
    std::fs::remove_file(wd.path("tests/data/mini/crops/02.csv")).unwrap();
    let second = wd.run(&["run", "-q", pipeline]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let rows = csv_rows(&wd.read("tests/data/mini/out/current/revisions.csv"));
    let removed: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r["kind"].starts_with("row"))
        .map(|r| {
            (
                r["kind"].as_str(),
                r["area_code"].as_str(),
                r["item"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        removed,
        [
            ("row_removed", "02", "杂交水稻"),
            ("row_removed", "02", "玉米")
        ]
    );
    assert!(rows
        .iter()
        .any(|r| r["kind"] == "input_removed" && r["table"] == "crops"));
}
