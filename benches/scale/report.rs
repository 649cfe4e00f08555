//! What the benchmark prints: each measured process with its stage timings, and the summary
//! table with ratios and linearity.

use std::path::Path;
use std::process::Command;

use crate::measure::Measured;

/// Wall time, CPU time and peak memory of one process.
#[derive(Clone, Copy)]
pub struct Stats {
    pub wall_s: f64,
    pub cpu_s: f64,
    pub peak_mb: f64,
}

impl Stats {
    pub fn of(m: &Measured) -> Stats {
        Stats {
            wall_s: m.wall_s,
            cpu_s: m.cpu_s,
            peak_mb: m.peak_mb,
        }
    }
}

/// One size: the full run, the rerun, and DuckDB on the same files.
pub struct Row {
    pub villages: usize,
    pub years: usize,
    pub csv_mb: f64,
    pub agristat: Stats,
    pub rerun: Stats,
    pub duckdb: Option<Stats>,
}

/// The first line a command prints, or why it printed none.
fn first_line(cmd: &mut Command) -> String {
    match cmd.output() {
        Ok(o) => String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
        Err(e) => e.to_string(),
    }
}

/// What is measured, and on what.
pub fn setup(bin: &Path, python: Option<&Path>) {
    let version = first_line(Command::new(bin).arg("--version"));
    println!("agristat: {} ({version})", bin.display());
    if let Some(py) = python {
        let check = "import duckdb, sys; print('duckdb', duckdb.__version__, 'on Python', sys.version.split()[0])";
        let version = first_line(Command::new(py).args(["-c", check]));
        println!("DuckDB:   {} ({version}, default threads)", py.display());
    }
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("machine:  {cores} cores");
}

/// A stage timing line (`  read     12.34 s`).
fn is_timing(line: &str) -> bool {
    let mut words = line.split_whitespace().rev();
    words.next() == Some("s") && words.next().is_some_and(|w| w.parse::<f64>().is_ok())
}

/// One measured process: its cost, its stage timings, and anything else it said on stderr.
pub fn process(what: &str, m: &Measured) {
    println!(
        "{what}: {:.2} s wall, {:.2} s CPU, peak {:.0} MB",
        m.wall_s, m.cpu_s, m.peak_mb
    );
    let (timings, other): (Vec<&str>, Vec<&str>) = m.stderr.lines().partition(|l| is_timing(l));
    for line in timings {
        println!("    {line}");
    }
    if !other.is_empty() {
        println!("  {} other line(s) on stderr, the first ones:", other.len());
        for line in other.iter().take(5) {
            println!("    {line}");
        }
    }
}

fn opt(v: Option<f64>, decimals: usize) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.decimals$}"))
}

/// The summary: one row per size, then linearity per number of years.
pub fn table(rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    println!("\n| villages | years | CSV MB | agristat s | agristat peak MB | DuckDB s | DuckDB peak MB | time ratio | memory ratio | peak / input | rerun s | rerun / full |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        let (a, d) = (r.agristat, r.duckdb);
        println!(
            "| {} | {} | {:.0} | {:.2} | {:.0} | {} | {} | {} | {} | {:.1} | {:.2} | {:.2} |",
            r.villages,
            r.years,
            r.csv_mb,
            a.wall_s,
            a.peak_mb,
            opt(d.map(|d| d.wall_s), 2),
            opt(d.map(|d| d.peak_mb), 0),
            opt(d.map(|d| a.wall_s / d.wall_s), 1),
            opt(d.map(|d| a.peak_mb / d.peak_mb), 1),
            a.peak_mb / r.csv_mb,
            r.rerun.wall_s,
            r.rerun.wall_s / a.wall_s,
        );
    }
    for years in [1, 2] {
        linearity(rows.iter().filter(|r| r.years == years).collect(), years);
    }
}

/// Time at the largest size over time at the smallest, against the ratio of sizes.
fn linearity(rows: Vec<&Row>, years: usize) {
    let smallest = rows.iter().min_by_key(|r| r.villages);
    let largest = rows.iter().max_by_key(|r| r.villages);
    let (Some(s), Some(l)) = (smallest, largest) else {
        return;
    };
    if s.villages == l.villages {
        return;
    }
    let ideal = l.villages as f64 / s.villages as f64;
    let duck = match (s.duckdb, l.duckdb) {
        (Some(a), Some(b)) => format!(", DuckDB {:.2}", b.wall_s / a.wall_s),
        _ => String::new(),
    };
    println!(
        "linearity, {years} year(s), {} → {} villages: time ratio agristat {:.2}, rerun {:.2}{duck} (ideal {ideal:.2}); CPU ratio agristat {:.2}",
        s.villages,
        l.villages,
        l.agristat.wall_s / s.agristat.wall_s,
        l.rerun.wall_s / s.rerun.wall_s,
        l.agristat.cpu_s / s.agristat.cpu_s,
    );
}
