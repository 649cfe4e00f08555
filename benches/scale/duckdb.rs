//! DuckDB, the reference: the Python package in its own virtual environment under
//! `target/bench-venv`, running `benches/duckdb_totals.py` on the same CSV files.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::generate::Country;
use crate::measure::{self, Measured};

/// The DuckDB release the benchmark measures.
pub const VERSION: &str = "2.0.0";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn script() -> PathBuf {
    manifest_dir().join("benches/duckdb_totals.py")
}

/// Whether `python` imports the pinned DuckDB.
fn has_duckdb(python: &Path) -> bool {
    let check = format!("import duckdb, sys; sys.exit(duckdb.__version__ != '{VERSION}')");
    Command::new(python)
        .args(["-c", &check])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn must(cmd: &mut Command, what: &str) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("{what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The virtual environment's Python, with DuckDB installed on first use.
pub fn python() -> Result<PathBuf, String> {
    let venv = manifest_dir().join("target/bench-venv");
    let python = venv.join("bin/python");
    if python.exists() && has_duckdb(&python) {
        return Ok(python);
    }
    eprintln!("installing duckdb=={VERSION} into {}", venv.display());
    if !python.exists() {
        must(
            Command::new("python3").arg("-m").arg("venv").arg(&venv),
            "python3 -m venv",
        )?;
    }
    must(
        Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            &format!("duckdb=={VERSION}"),
        ]),
        "pip install duckdb",
    )?;
    if has_duckdb(&python) {
        Ok(python)
    } else {
        Err(format!(
            "{} does not import duckdb {VERSION}",
            python.display()
        ))
    }
}

/// Runs the DuckDB script on the country's files; the totals go to `out`.
pub fn totals(python: &Path, country: &Country, out: &Path) -> Result<Measured, String> {
    let mut cmd = Command::new(python);
    cmd.arg(script())
        .arg("--dir")
        .arg(&country.dir)
        .arg("--out")
        .arg(out)
        .arg("--years")
        .args(country.years.iter().map(|y| y.to_string()));
    let m = measure::run(&cmd).map_err(|e| format!("running {}: {e}", script().display()))?;
    if m.status.success() {
        Ok(m)
    } else {
        Err(format!(
            "duckdb_totals.py failed ({}):\n{}",
            m.status, m.stderr
        ))
    }
}
