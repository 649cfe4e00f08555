//! Scale benchmark: a generated country through the release `agristat run`, against DuckDB.
//!
//! `cargo bench --bench scale -- [VILLAGES ...] [--years 1|2] [--no-duckdb] [--keep DIR]`
//!
//! For each size it generates a country of villages (about 30 rows per village and year, with
//! Chinese headers and 12-digit area codes), then measures, as child processes, each for wall
//! time and peak memory (max RSS, from `wait4`):
//! - a full `agristat run -q` (charts off), with its stage timings (`AGRISTAT_TIMING=1`);
//! - DuckDB (`benches/duckdb_totals.py`, the Python package in `target/bench-venv`)
//!   computing the same township and county totals from the same files;
//! - a rerun after one village corrected a few figures of its crops and income, and DuckDB
//!   again on the corrected files.
//!
//! After each DuckDB run, agristat's totals.csv must agree with DuckDB's totals exactly;
//! any difference stops the benchmark with a non-zero exit. Default sizes: 50,000, 100,000,
//! 200,000 and 500,000 villages for one year, then 500,000 for two years.
//! `AGRISTAT_BIN=/path` overrides the agristat binary.

mod compare;
mod correct;
mod duckdb;
mod generate;
mod measure;
mod numbers;
mod products;
mod report;
mod tables;
mod village;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use measure::Measured;
use report::{Row, Stats};

struct Args {
    /// (villages, years)
    sizes: Vec<(usize, usize)>,
    duckdb: bool,
    keep: Option<PathBuf>,
}

const LADDER: [usize; 4] = [50_000, 100_000, 200_000, 500_000];

fn parse_args() -> Result<Args, String> {
    let mut villages = Vec::new();
    let (mut years, mut duckdb, mut keep) = (None, true, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {} // added by `cargo bench`
            "--no-duckdb" => duckdb = false,
            "--years" => match args.next().as_deref() {
                Some("1") => years = Some(1),
                Some("2") => years = Some(2),
                other => return Err(format!("--years takes 1 or 2, not {other:?}")),
            },
            "--keep" => keep = Some(PathBuf::from(args.next().ok_or("--keep takes a DIR")?)),
            n => villages.push(
                n.replace('_', "")
                    .parse::<usize>()
                    .ok()
                    .filter(|&v| v > 0)
                    .ok_or(format!("unexpected argument {n:?}: usage: cargo bench --bench scale -- [VILLAGES ...] [--years 1|2] [--no-duckdb] [--keep DIR]"))?,
            ),
        }
    }
    let sizes = match (villages.is_empty(), years) {
        (true, None) => LADDER
            .iter()
            .map(|&v| (v, 1))
            .chain([(500_000, 2)])
            .collect(),
        (true, Some(y)) => LADDER.iter().map(|&v| (v, y)).collect(),
        (false, y) => villages.into_iter().map(|v| (v, y.unwrap_or(1))).collect(),
    };
    Ok(Args {
        sizes,
        duckdb,
        keep,
    })
}

/// The release binary: `AGRISTAT_BIN`, or this crate's, built if it is missing.
fn agristat_bin() -> Result<PathBuf, String> {
    if let Some(bin) = std::env::var_os("AGRISTAT_BIN") {
        return Ok(PathBuf::from(bin));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target/release/agristat");
    if !bin.exists() {
        eprintln!("{} is missing: cargo build --release", bin.display());
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "--bin", "agristat", "--manifest-path"])
            .arg(root.join("Cargo.toml"))
            .status()
            .map_err(|e| format!("cargo build --release: {e}"))?;
        if !status.success() || !bin.exists() {
            return Err(format!("cargo build --release failed ({status})"));
        }
    }
    Ok(bin)
}

/// `agristat run -q PIPELINE` with stage timings on; an error if it fails.
fn run_agristat(bin: &Path, pipeline: &Path, what: &str) -> Result<Measured, String> {
    let m = measure::run(
        Command::new(bin)
            .args(["run", "-q"])
            .arg(pipeline)
            .env("AGRISTAT_TIMING", "1"),
    )
    .map_err(|e| format!("{}: {e}", bin.display()))?;
    report::process(&format!("agristat {what}"), &m);
    if m.status.success() {
        Ok(m)
    } else {
        Err(format!(
            "agristat {what} failed ({}):\n{}{}",
            m.status, m.stdout, m.stderr
        ))
    }
}

/// DuckDB on the country's files, then its totals against agristat's `totals`.
fn duckdb_check(
    python: &Path,
    country: &generate::Country,
    totals: &Path,
    what: &str,
) -> Result<Measured, String> {
    let out = country.dir.join(format!("duckdb-{what}.csv"));
    let m = duckdb::totals(python, country, &out)?;
    report::process(&format!("DuckDB {what}"), &m);
    let c = compare::in_child(totals, &out)?;
    if c.differences.is_empty() {
        println!(
            "  agristat and DuckDB agree on all {} township and county figures ({})",
            c.compared,
            totals.display()
        );
        return Ok(m);
    }
    let mut text = format!(
        "agristat {} and DuckDB {} DISAGREE: {} difference(s) in {} figures compared; the first 10:\n",
        totals.display(),
        out.display(),
        c.differences.len(),
        c.compared
    );
    for d in c.differences.iter().take(10) {
        text.push_str(&format!("  {d}\n"));
    }
    Err(text)
}

/// The folder a size is generated in: under `--keep DIR`, or a temp dir removed afterwards.
fn workdir(
    keep: Option<&Path>,
    villages: usize,
    years: usize,
) -> Result<(PathBuf, Option<tempfile::TempDir>), String> {
    match keep {
        Some(root) => {
            let dir = root.join(format!("scale-{villages}-{years}y"));
            if dir.exists() {
                std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            Ok((dir, None))
        }
        None => {
            let t = tempfile::Builder::new()
                .prefix("agristat-scale-")
                .tempdir()
                .map_err(|e| e.to_string())?;
            Ok((t.path().to_path_buf(), Some(t)))
        }
    }
}

/// Generates one size, then measures agristat (run, rerun) and DuckDB on it.
fn measure_size(
    bin: &Path,
    python: Option<&Path>,
    dir: &Path,
    (villages, years): (usize, usize),
) -> Result<Row, String> {
    println!("\n== {villages} villages, {years} year(s) ==");
    let started = Instant::now();
    let country = generate::generate(dir, villages, years).map_err(|e| e.to_string())?;
    let csv_mb = country.csv_bytes as f64 / 1e6;
    println!(
        "generated {} villages in {} townships and {} counties: {} rows, {csv_mb:.0} MB of CSV, in {:.1} s ({})",
        country.villages,
        country.townships,
        country.counties,
        country.rows,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    let full = run_agristat(bin, &country.pipeline, "run")?;
    let current = dir.join("out/current");
    let first =
        std::fs::canonicalize(&current).map_err(|e| format!("{}: {e}", current.display()))?;
    let duck = match python {
        Some(py) => Some(duckdb_check(
            py,
            &country,
            &first.join("totals.csv"),
            "full",
        )?),
        None => None,
    };
    let rows = correct::correct_one_village(&country).map_err(|e| e.to_string())?;
    println!(
        "corrected {rows} rows of village {} (crops, income)",
        country.corrected
    );
    let rerun = run_agristat(bin, &country.pipeline, "rerun")?;
    if let Some(py) = python {
        duckdb_check(py, &country, &current.join("totals.csv"), "corrected")?;
    }
    Ok(Row {
        villages,
        years,
        csv_mb,
        agristat: Stats::of(&full),
        rerun: Stats::of(&rerun),
        duckdb: duck.as_ref().map(Stats::of),
    })
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(compare::CHILD) {
        let args: Vec<String> = std::env::args().skip(2).collect();
        return match compare::compare(Path::new(&args[0]), Path::new(&args[1])) {
            Ok(c) => {
                println!("{}", c.compared);
                for d in &c.differences {
                    println!("{d}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    if std::env::args().nth(1).as_deref() == Some(measure::LAUNCHER) {
        return match measure::launcher(std::env::args_os().skip(2)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let setup = agristat_bin().and_then(|bin| {
        let python = args.duckdb.then(duckdb::python).transpose()?;
        Ok((bin, python))
    });
    let (bin, python) = match setup {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    report::setup(&bin, python.as_deref());
    let mut rows = Vec::new();
    for &size in &args.sizes {
        let (dir, temp) = match workdir(args.keep.as_deref(), size.0, size.1) {
            Ok(w) => w,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        match measure_size(&bin, python.as_deref(), &dir, size) {
            Ok(row) => rows.push(row),
            Err(e) => {
                report::table(&rows);
                eprintln!("\n{e}");
                if let Some(t) = temp {
                    eprintln!("the files are kept in {}", t.keep().display());
                }
                return ExitCode::FAILURE;
            }
        }
        drop(temp);
    }
    report::table(&rows);
    ExitCode::SUCCESS
}
