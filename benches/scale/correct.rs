//! The correction before the rerun: one village sends revised figures for the report year.

use std::io;
use std::path::Path;

use crate::generate::{Country, REPORT_YEAR};

/// The integer part of a number cell raised by 2 % (plus 1); the fraction kept.
fn bump(cell: &str) -> String {
    let (int, frac) = cell
        .split_once('.')
        .map_or((cell, None), |(i, f)| (i, Some(f)));
    let n: u64 = int.parse().expect("a generated number");
    let n = n + n / 50 + 1;
    match frac {
        Some(f) => format!("{n}.{f}"),
        None => n.to_string(),
    }
}

/// Raises column `column` of the first `rows` rows starting with `prefix` in `path`; the
/// file is replaced by a rename. Returns the number of rows changed.
fn rewrite(path: &Path, prefix: &str, rows: usize, column: usize) -> io::Result<usize> {
    let text = std::fs::read_to_string(path)?;
    let needle = format!("\n{prefix}");
    let Some(at) = text.find(&needle).map(|i| i + 1) else {
        return Ok(0);
    };
    let mut patched = String::new();
    let mut end = at;
    let mut changed = 0;
    for line in text[at..].split_inclusive('\n') {
        if changed == rows || !line.starts_with(prefix) {
            break;
        }
        let mut cells: Vec<String> = line.trim_end().split(',').map(String::from).collect();
        cells[column] = bump(&cells[column]);
        patched.push_str(&cells.join(","));
        patched.push('\n');
        end += line.len();
        changed += 1;
    }
    let tmp = path.with_extension("csv.tmp");
    std::fs::write(&tmp, [&text[..at], patched.as_str(), &text[end..]].concat())?;
    std::fs::rename(&tmp, path)?;
    Ok(changed)
}

/// The corrected village's first three crops get 2 % more output, its wage income 2 % more.
/// Returns the number of rows changed.
pub fn correct_one_village(country: &Country) -> io::Result<usize> {
    let dir = country.dir.join(format!("data/{REPORT_YEAR}"));
    let prefix = format!("{REPORT_YEAR},{},", country.corrected);
    let crops = rewrite(&dir.join("crops.csv"), &prefix, 3, 4)?;
    let income = rewrite(&dir.join("income.csv"), &prefix, 1, 2)?;
    Ok(crops + income)
}
