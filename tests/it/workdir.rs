//! A scratch copy of the repository's data in a temp dir, and the real CLI run inside it
//! (after xsv's tests/workdir.rs).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Workdir {
    dir: tempfile::TempDir,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Workdir {
    /// A temp dir holding copies of `paths` (relative to the repository root).
    pub fn with(paths: &[&str]) -> Workdir {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for p in paths {
            copy(&root.join(p), &dir.path().join(p));
        }
        Workdir { dir }
    }

    /// The two-village fixture of tests/data/mini with the shipped catalogue.
    pub fn mini() -> Workdir {
        Workdir::with(&["tests/data/mini", "data/catalogue"])
    }

    pub fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    pub fn read(&self, p: &str) -> String {
        fs::read_to_string(self.path(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    pub fn write(&self, p: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    /// Replaces `from` by `to` in a file; the text must occur.
    pub fn edit(&self, p: &str, from: &str, to: &str) {
        let text = self.read(p);
        assert!(text.contains(from), "{p} has no {from:?}");
        self.write(p, text.replacen(from, to, 1));
    }

    /// Gives village 01 of the mini fixture the code `village` and its township the code
    /// `township`, in every file that names them.
    pub fn recode_mini(&self, village: &str, township: &str) {
        for file in [
            "tests/data/mini/villages.csv",
            "tests/data/mini/crops/01.csv",
            "tests/data/mini/slaughter.csv",
            "tests/data/mini/income.csv",
        ] {
            let text = self
                .read(file)
                .replace("\n2019,01,", &format!("\n2019,{village},"));
            self.write(file, text);
        }
        let registry = self
            .read("tests/data/mini/villages.csv")
            .replace(",001,测试镇,", &format!(",{township},测试镇,"));
        self.write("tests/data/mini/villages.csv", registry);
    }

    /// `check` of `pipeline`, which must find data problems (exit 1) and print nothing on
    /// stdout; its stderr.
    pub fn check_fails(&self, pipeline: &str) -> String {
        let out = self.run(&["check", pipeline]);
        assert_eq!(
            out.code, 1,
            "stdout: {}\nstderr: {}",
            out.stdout, out.stderr
        );
        assert_eq!(out.stdout, "");
        self.in_chinese(&["check", pipeline], 1);
        out.stderr
    }

    /// Runs `args` again in Chinese: the same exit code, every line of what it says holds
    /// Chinese (no English message left), and its text is kept as an insta snapshot named
    /// after the test (`errors__empty_file_zh`), beside the English one the test checks.
    pub fn in_chinese(&self, args: &[&str], code: i32) {
        let out = self.run_with(
            args,
            &[("AGRISTAT_PROGRESS", "never"), ("AGRISTAT_LANG", "zh")],
        );
        assert_eq!(out.code, code, "{}", out.stderr);
        for line in out.stderr.lines() {
            let english = english_words(line);
            assert!(english.is_empty(), "English words {english:?} in: {line}");
        }
        insta::assert_snapshot!(snapshot_name("zh"), out.stderr);
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[("AGRISTAT_PROGRESS", "never")])
    }

    /// Runs the CLI with extra environment variables. `run` turns progress lines off: they
    /// come only from stages slower than a second, which depends on the machine.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        // English unless a test asks for Chinese: the snapshots must not depend on the
        // machine's locale.
        let out = Command::new(env!("CARGO_BIN_EXE_agristat"))
            .args(args)
            .env("AGRISTAT_LANG", "en")
            .envs(env.iter().copied())
            .current_dir(self.dir.path())
            .output()
            .expect("run agristat");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// What a run published below the output folder `p`: the current link's target and every
    /// vintage's files, the cache aside (it is not an output and may grow on a failed run).
    pub fn published(&self, p: &str) -> Vec<(PathBuf, Vec<u8>)> {
        let link = std::fs::read_link(self.path(p).join("current")).ok();
        let mut files: Vec<_> = self
            .snapshot(&format!("{p}/runs"))
            .into_iter()
            .filter(|(path, _)| !path.components().any(|c| c.as_os_str() == "cache"))
            .collect();
        files.push((link.unwrap_or_default(), Vec::new()));
        files
    }

    /// The outputs of a run folder that identical inputs must reproduce byte for byte: all
    /// but the manifest (which records the time) and the revision report.
    pub fn outputs(&self, run: &str) -> Vec<(String, Vec<u8>)> {
        let base = self.path(run);
        self.snapshot(run)
            .into_iter()
            .map(|(path, bytes)| {
                (
                    path.strip_prefix(&base).unwrap().display().to_string(),
                    bytes,
                )
            })
            .filter(|(name, _)| {
                !name.starts_with("data/")
                    && name != "manifest.json"
                    && !name.starts_with("revisions.")
            })
            .collect()
    }

    /// Every file below `p` with its bytes, for before/after comparisons.
    pub fn snapshot(&self, p: &str) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        collect(&self.path(p), &mut files);
        files.sort();
        files
    }
}

fn collect(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            let bytes = fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap().flatten() {
            let name = entry.file_name();
            if name == "out" {
                continue;
            }
            copy(&entry.path(), &to.join(name));
        }
    } else {
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

/// The rows of a totals.csv as maps from column name to value.
pub fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The value of one totals.csv row; panics if it is not there exactly once.
pub fn total(
    rows: &[std::collections::HashMap<String, String>],
    year: &str,
    area: &str,
    indicator: &str,
    item: &str,
    column: &str,
) -> String {
    let found: Vec<_> = rows
        .iter()
        .filter(|r| {
            r["year"] == year
                && r["area_code"] == area
                && r["indicator"] == indicator
                && r["item"] == item
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{year} {area} {indicator} {item:?}: {} rows",
        found.len()
    );
    found[0][column].clone()
}

/// A snapshot name from the running test's name (`errors::empty_file` → `errors__empty_file_zh`),
/// numbered from the second snapshot of one test on.
fn snapshot_name(suffix: &str) -> String {
    thread_local! {
        static TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    let thread = std::thread::current();
    let test = thread.name().filter(|n| *n != "main").expect(
        "snapshots are named after the test's thread: run the tests with more than one thread",
    );
    let n = TAKEN.with(|t| {
        let n = t.get();
        t.set(n + 1);
        n
    });
    let base = format!("{}_{suffix}", test.replace("::", "__"));
    match n {
        0 => base,
        n => format!("{base}_{}", n + 1),
    }
}

/// The English words of a line meant to be Chinese: lowercase words of three letters or more,
/// outside quotes (cells, headers) and other than file names, keys and identifiers (which
/// hold a dot, an underscore, a slash or a digit) and the program's name.
pub fn english_words(line: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '“') => quote = Some('”'),
            (None, '"' | '`') => quote = Some(c),
            (Some(end), c) if c == end => quote = None,
            (Some(_), _) => {}
            (None, c) => outside.push(c),
        }
    }
    outside
        .split(|c: char| !(c.is_ascii_alphanumeric() || "._/-".contains(c)))
        .filter(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|w| *w != "agristat")
        .map(String::from)
        .collect()
}
