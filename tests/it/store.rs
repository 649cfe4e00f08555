//! The output folder as a store: it deletes only what it provably made, refuses folders and
//! links it did not make (exit 2, nothing changed), and rolls back by command.

use std::fs;
use std::path::Path;

use crate::workdir::Workdir;

const PIPELINE: &str = "tests/data/mini/mini.toml";
const OUT: &str = "tests/data/mini/out";

/// Runs the mini pipeline; returns the id of the run it wrote.
fn run(wd: &Workdir) -> String {
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = out
        .stderr
        .lines()
        .find(|l| l.starts_with("wrote run "))
        .unwrap();
    line["wrote run ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .to_string()
}

/// 甲村 corrects its hybrid rice output.
fn correct(wd: &Workdir) {
    wd.edit(
        "tests/data/mini/crops/01.csv",
        "2019,01,杂交水稻,100,50000",
        "2019,01,杂交水稻,100,51000",
    );
}

/// Every file and link below the output folder, with its bytes or link target.
fn everything(wd: &Workdir) -> Vec<(String, String)> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.strip_prefix(base).unwrap().display().to_string();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                out.push((
                    name,
                    format!("-> {}", fs::read_link(&path).unwrap().display()),
                ));
            } else if kind.is_dir() {
                out.push((format!("{name}/"), String::new()));
                walk(&path, base, out);
            } else {
                let bytes = fs::read(&path).unwrap();
                out.push((name, format!("{:x?}", &bytes[..bytes.len().min(64)])));
            }
        }
    }
    let mut out = Vec::new();
    walk(&wd.path(OUT), &wd.path(OUT), &mut out);
    out.sort();
    out
}

/// Field `name` of every line of history.jsonl, in order.
fn history_field<'a>(history: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!("\"{name}\":\"");
    history
        .lines()
        .map(|l| l.split(&key).nth(1).unwrap().split('"').next().unwrap())
        .collect()
}

/// Runs once more with a fault injected at `point`: the run dies there.
fn run_dying_at(wd: &Workdir, point: &str) {
    let died = wd.run_with(
        &["run", "-q", PIPELINE],
        &[("AGRISTAT_PROGRESS", "never"), ("AGRISTAT_FAULT", point)],
    );
    assert_ne!(died.code, 0, "the run did not die at {point}");
}

fn link(target: &str, at: &Path) {
    let _ = fs::remove_file(at);
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// Runs once more and expects a refusal naming `what`, with nothing changed in the folder.
fn refused(wd: &Workdir, what: &[&str]) -> String {
    let before = everything(wd);
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    for text in what {
        assert!(out.stderr.contains(text), "no {text:?} in:\n{}", out.stderr);
    }
    assert_eq!(
        everything(wd),
        before,
        "a refused run changed the output folder"
    );
    out.stderr
}

#[test]
fn a_current_replaced_by_a_folder_is_refused_and_nothing_is_deleted() {
    let wd = Workdir::mini();
    let one = run(&wd);
    correct(&wd);
    let two = run(&wd);
    let current = wd.path(&format!("{OUT}/current"));
    fs::remove_file(&current).unwrap();
    fs::create_dir(&current).unwrap();
    fs::write(current.join("totals.csv"), "a copy").unwrap();
    refused(
        &wd,
        &[
            "tests/data/mini/out/current: is a folder, not agristat's link to a run",
            "nothing was changed: move it out of the output folder, then make a run current with `agristat rollback tests/data/mini/mini.toml RUN`",
        ],
    );
    assert!(wd.path(&format!("{OUT}/runs/{one}/totals.csv")).is_file());
    assert!(wd.path(&format!("{OUT}/runs/{two}/totals.csv")).is_file());
    // A rollback does not replace a folder either.
    let out = wd.run(&["rollback", PIPELINE, &one]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(wd.read(&format!("{OUT}/current/totals.csv")), "a copy");
    // Nor do the readers show the folder's figures as the current run's: they refuse it too.
    let before = everything(&wd);
    for command in [
        &["runs", PIPELINE][..],
        &["diff", PIPELINE],
        &["explain", PIPELINE, "grain_output", "001"],
    ] {
        let out = wd.run(command);
        assert_eq!(out.code, 2, "{command:?}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("is a folder, not agristat's link to a run"),
            "{command:?}: {}",
            out.stderr
        );
    }
    assert_eq!(everything(&wd), before);
}

#[test]
fn a_dangling_current_is_refused_and_nothing_is_deleted() {
    let wd = Workdir::mini();
    let one = run(&wd);
    let two = run(&wd);
    let current = wd.path(&format!("{OUT}/current"));
    link("runs/000009-20190101T000000Z-aaaaaaaa", &current);
    refused(
        &wd,
        &["current: is a link to runs/000009-20190101T000000Z-aaaaaaaa, which does not exist (expected agristat's link to one of its runs)"],
    );
    link("/tmp", &current);
    refused(&wd, &["is a link to /tmp, not a run in runs/"]);
    fs::remove_file(&current).unwrap();
    refused(
        &wd,
        &[&format!("current: is missing, but run {two} was current (expected a link to runs/{two}); nothing was changed: make it current again with `agristat rollback tests/data/mini/mini.toml {two}`")],
    );
    // The way out the message names: a rollback replaces the link (a link only).
    let out = wd.run(&["rollback", PIPELINE, "000002"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        fs::read_link(&current).unwrap(),
        Path::new("runs").join(&two)
    );
    run(&wd);
    assert!(wd
        .path(&format!("{OUT}/runs/{one}/manifest.json"))
        .is_file());
}

#[test]
fn a_hand_rollback_is_refused_and_newer_runs_are_kept() {
    let wd = Workdir::mini();
    let one = run(&wd);
    correct(&wd);
    let two = run(&wd);
    link(&format!("runs/{one}"), &wd.path(&format!("{OUT}/current")));
    refused(
        &wd,
        &[
            &format!("current: points to run {one}, but the run agristat last made current is {two}"),
            &format!("run `agristat rollback tests/data/mini/mini.toml {one}`, which keeps every run and records the rollback in the history, or point current back at runs/{two}"),
        ],
    );
    assert!(wd
        .path(&format!("{OUT}/runs/{two}/manifest.json"))
        .is_file());
}

#[test]
fn an_output_folder_with_foreign_content_is_refused_and_left_intact() {
    let wd = Workdir::mini();
    wd.write(&format!("{OUT}/runs/2017-final/totals.csv"), "2017");
    wd.write(&format!("{OUT}/runs/2018-final/totals.csv"), "2018");
    let stderr = refused(
        &wd,
        &[
            "tests/data/mini/out/runs: holds 2017-final (not a run id), 2018-final (not a run id), which agristat did not make",
            "choose an empty output folder in the pipeline file",
        ],
    );
    assert!(
        !wd.path(&format!("{OUT}/.agristat.lock")).exists(),
        "{stderr}"
    );
    assert_eq!(
        wd.read(&format!("{OUT}/runs/2017-final/totals.csv")),
        "2017"
    );

    // A folder that is not agristat's at all: not written into.
    let wd = Workdir::mini();
    wd.write(&format!("{OUT}/notes.txt"), "mine");
    refused(
        &wd,
        &["tests/data/mini/out: the output folder holds notes.txt, which agristat did not make"],
    );
}

#[test]
fn rollback_switches_current_is_kept_in_the_history_and_the_next_run_compares_with_it() {
    let wd = Workdir::mini();
    let one = run(&wd);
    correct(&wd);
    let two = run(&wd);
    let out = wd.run(&["rollback", PIPELINE, "000001"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!("current is now run {one} (was {two}); every run is kept, and the history records the rollback\n")
    );
    assert_eq!(
        fs::read_link(wd.path(&format!("{OUT}/current"))).unwrap(),
        Path::new("runs").join(&one)
    );
    let runs = wd.run(&["runs", PIPELINE]);
    assert_eq!(runs.code, 0, "{}", runs.stderr);
    let heads: Vec<&str> = runs
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .collect();
    assert_eq!(heads.len(), 3, "{}", runs.stdout);
    assert!(heads[0].starts_with(&one) && !heads[0].contains("(current)"));
    assert!(heads[1].starts_with(&two) && !heads[1].contains("(current)"));
    assert!(heads[2].starts_with(&format!("rollback to {one} (current)  ")));
    assert!(heads[2].ends_with(&format!("(current was {two})")));

    // The next run (on the corrected data) compares with the run rolled back to.
    let three = run(&wd);
    let revisions = wd.read(&format!("{OUT}/current/revisions.csv"));
    assert!(revisions.contains("row_changed,crops,"), "{revisions}");
    let diff = wd.run(&["diff", PIPELINE]);
    assert!(
        diff.stdout.starts_with(&format!("{three} against {one}\n")),
        "{}",
        diff.stdout
    );
    for id in [&one, &two, &three] {
        assert!(wd.path(&format!("{OUT}/runs/{id}/manifest.json")).is_file());
    }
    let again = wd.run(&["rollback", PIPELINE, &three]);
    assert_eq!(
        again.stdout,
        format!("run {three} is current already; nothing changed\n")
    );
    let unknown = wd.run(&["rollback", PIPELINE, "000009"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("run \"000009\" is not a run of this pipeline"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn staging_litter_with_the_marker_is_removed_and_without_it_kept() {
    let wd = Workdir::mini();
    run(&wd);
    let marker = "agristat staging folder\npid 999999\n";
    wd.write(
        &format!("{OUT}/runs/.staging-dead/.agristat-staging"),
        marker,
    );
    wd.write(&format!("{OUT}/runs/.staging-dead/totals.csv"), "half");
    wd.write(&format!("{OUT}/runs/.staging-theirs/totals.csv"), "theirs");
    link("runs/x", &wd.path(&format!("{OUT}/.current.999999")));
    wd.write(&format!("{OUT}/.history.jsonl.999999"), "{");
    wd.write(&format!("{OUT}/cache/.agristat-tmp-Ab12cd"), "half");
    wd.write(&format!("{OUT}/cache/.tmpAb12cd"), "half");
    wd.write(&format!("{OUT}/cache/notes.txt"), "mine");
    run(&wd);
    for gone in [
        "runs/.staging-dead",
        ".current.999999",
        ".history.jsonl.999999",
        "cache/.agristat-tmp-Ab12cd",
        "cache/.tmpAb12cd",
    ] {
        let path = wd.path(&format!("{OUT}/{gone}"));
        assert!(fs::symlink_metadata(&path).is_err(), "{gone} was left");
    }
    assert_eq!(
        wd.read(&format!("{OUT}/runs/.staging-theirs/totals.csv")),
        "theirs"
    );
    assert_eq!(wd.read(&format!("{OUT}/cache/notes.txt")), "mine");
}

#[test]
fn run_ids_are_unique_and_a_folder_without_history_begins_one() {
    let wd = Workdir::mini();
    let one = run(&wd);
    let two = run(&wd);
    assert_ne!(one, two);
    assert!(one.starts_with("000001-") && two.starts_with("000002-"));
    // An output folder written before the history was kept: its runs up to current count.
    fs::remove_file(wd.path(&format!("{OUT}/history.jsonl"))).unwrap();
    let three = run(&wd);
    assert!(three.starts_with("000003-"));
    let history = wd.read(&format!("{OUT}/history.jsonl"));
    let actions = history_field(&history, "action");
    assert_eq!(actions, ["found", "found", "run"]);
}

#[test]
fn a_run_that_dies_after_its_switch_is_found_current() {
    let wd = Workdir::mini();
    let one = run(&wd);
    correct(&wd);
    run_dying_at(&wd, "after-switch");
    let current = fs::read_link(wd.path(&format!("{OUT}/current"))).unwrap();
    let two = current.file_name().unwrap().to_string_lossy().into_owned();
    assert!(two.starts_with("000002-"), "the switch happened: {two}");
    let runs = wd.run(&["runs", PIPELINE]);
    assert!(
        runs.stdout.contains(&format!("{two} (current)")),
        "{}",
        runs.stdout
    );
    // The next run records it as found and compares with it, not with the run before.
    let three = run(&wd);
    let diff = wd.run(&["diff", PIPELINE]);
    assert!(
        diff.stdout.starts_with(&format!("{three} against {two}\n")),
        "{}",
        diff.stdout
    );
    let history = wd.read(&format!("{OUT}/history.jsonl"));
    assert_eq!(history.lines().count(), 3, "{history}");
    assert!(
        history.contains(&format!(
            "\"action\":\"found\",\"run\":\"{two}\",\"previous\":\"{one}\""
        )),
        "{history}"
    );
}

/// Every output a run's manifest lists is there with its recorded hash: the run is whole.
fn assert_whole(run_dir: &Path) {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(run_dir.join("manifest.json")).unwrap()).unwrap();
    let outputs = manifest["outputs"].as_array().unwrap();
    assert!(outputs.len() >= 5, "{manifest}");
    for output in outputs {
        let path = output["path"].as_str().unwrap();
        let bytes = fs::read(run_dir.join(path))
            .unwrap_or_else(|e| panic!("{}: {path}: {e}", run_dir.display()));
        assert_eq!(
            agristat::hash::sha256_hex(&bytes),
            output["sha256"].as_str().unwrap(),
            "{path} of {}",
            run_dir.display()
        );
    }
}

#[test]
fn runs_started_in_pairs_are_all_published_whole_one_after_the_other() {
    const PAIRS: usize = 8;
    let wd = Workdir::mini();
    for pair in 0..PAIRS {
        if pair % 2 == 1 {
            correct(&wd);
        } else if pair > 0 {
            wd.edit(
                "tests/data/mini/crops/01.csv",
                "2019,01,杂交水稻,100,51000",
                "2019,01,杂交水稻,100,50000",
            );
        }
        let start = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_agristat"))
                .args(["run", "-q", PIPELINE])
                .env("AGRISTAT_PROGRESS", "never")
                .current_dir(wd.path(""))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start(), start());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "pair {pair}: {stderr}");
        }
    }
    let runs: Vec<_> = fs::read_dir(wd.path(&format!("{OUT}/runs")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(runs.len(), 2 * PAIRS, "{runs:?}");
    for dir in &runs {
        assert_whole(dir);
    }
    // The history holds each run once, in order, and the last is current.
    let history = wd.read(&format!("{OUT}/history.jsonl"));
    let ids = history_field(&history, "run");
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "{history}");
    assert_eq!(ids.len(), 2 * PAIRS);
    let current = fs::read_link(wd.path(&format!("{OUT}/current"))).unwrap();
    assert!(current.ends_with(ids.last().unwrap()), "{current:?}");
    for command in [&["runs", PIPELINE][..], &["diff", PIPELINE]] {
        let out = wd.run(command);
        assert_eq!(out.code, 0, "{command:?}: {}", out.stderr);
    }
}

#[test]
fn a_run_that_dies_between_storing_and_unmarking_leaves_a_run_the_next_one_unmarks() {
    let wd = Workdir::mini();
    run(&wd);
    correct(&wd);
    run_dying_at(&wd, "after-store");
    let stored: Vec<_> = fs::read_dir(wd.path(&format!("{OUT}/runs")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("000002-")
        })
        .collect();
    assert_eq!(stored.len(), 1, "the run was stored: {stored:?}");
    let marker = stored[0].join(".agristat-staging");
    assert!(marker.exists());
    let three = run(&wd);
    assert!(three.starts_with("000003-"), "{three}");
    assert!(!marker.exists(), "the next run removes the marker");
    // The stored run is kept, whole, as a run that was never made current.
    assert!(stored[0].join("manifest.json").exists());
    let runs = wd.run(&["runs", PIPELINE]);
    assert_eq!(runs.code, 0, "{}", runs.stderr);
    let name = stored[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(runs.stdout.contains(&name), "{}", runs.stdout);
}
