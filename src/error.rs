//! Errors and problems: every message a user sees names where it came from.
//!
//! A `Problem` is one thing wrong with the input, with its position; a run collects all of
//! them before it stops. An `Error` is why a command failed, and decides the exit code.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input a problem was found. Lines and columns count from 1; a column of 0
/// means the problem concerns the whole line, a line of 0 the whole file. In a workbook,
/// `sheet` names the sheet and the line is the sheet's row: it prints as a spreadsheet user
/// writes a cell, `file[sheet]!D12`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub line: u64,
    pub column: u64,
}

impl Location {
    pub fn file(file: &Path) -> Location {
        Location {
            file: file.to_path_buf(),
            sheet: None,
            line: 0,
            column: 0,
        }
    }

    pub fn at(file: &Path, line: u64, column: u64) -> Location {
        Location {
            file: file.to_path_buf(),
            sheet: None,
            line,
            column,
        }
    }

    /// A cell (or with column 0 a row, with row 0 the whole sheet) of a workbook's sheet.
    pub fn cell(file: &Path, sheet: &str, row: u64, column: u64) -> Location {
        Location {
            file: file.to_path_buf(),
            sheet: Some(sheet.to_string()),
            line: row,
            column,
        }
    }
}

/// A spreadsheet's letters for 1-based column `column`: 1 is A, 27 is AA.
pub fn column_letters(column: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(sheet) = &self.sheet {
            // A1 notation; a whole row as Excel writes it (12:12).
            write!(f, "[{sheet}]")?;
            return match (self.line, self.column) {
                (0, _) => Ok(()),
                (row, 0) => write!(f, "!{row}:{row}"),
                (row, column) => write!(f, "!{}{row}", column_letters(column)),
            };
        }
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// One thing wrong with a pipeline file or an input table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub location: Location,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Problem {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

/// Why a command failed. The variant decides the exit code: data problems are 1, everything
/// the user must fix in the command, the pipeline file or the file system is 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The pipeline file is unreadable or inconsistent.
    #[error("{}", list(.0))]
    Config(Vec<Problem>),
    /// The input data failed validation; nothing was written.
    #[error("{}", list(.0))]
    Data(Vec<Problem>),
    /// Reading or writing a file failed.
    #[error("{}: {step}: {source}", .path.display())]
    Io {
        path: PathBuf,
        step: &'static str,
        source: std::io::Error,
    },
    /// The aggregation engine refused a computation; this is a bug in agristat.
    #[error("internal error while {step}: {source}")]
    Engine {
        step: &'static str,
        source: polars::error::PolarsError,
    },
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Data(_) => 1,
            Error::Config(_) | Error::Io { .. } | Error::Engine { .. } => 2,
        }
    }

    pub fn io(path: &Path, step: &'static str, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            step,
            source,
        }
    }

    /// A wrapper for polars errors: they only arise from a mistake in our own plans.
    pub fn engine(step: &'static str) -> impl FnOnce(polars::error::PolarsError) -> Error {
        move |source| Error::Engine { step, source }
    }
}

fn list(problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&p.to_string());
    }
    out
}

/// Suggests the candidate closest to `value`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    value: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let value_len = value.chars().count();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::levenshtein(value, candidate);
        let limit = (value_len.max(candidate.chars().count()) / 2).max(1);
        if distance <= limit && best.is_none_or(|(d, c)| (distance, candidate) < (d, c)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| format!("did you mean \"{c}\"?"))
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_prints_file_line_column() {
        let loc = Location::at(Path::new("data/2019/crops.csv"), 43, 5);
        assert_eq!(loc.to_string(), "data/2019/crops.csv:43:5");
        assert_eq!(Location::file(Path::new("a.csv")).to_string(), "a.csv");
    }

    #[test]
    fn a_workbook_location_prints_sheet_and_cell() {
        let book = Path::new("data/2019/竹林镇村报表.xlsx");
        assert_eq!(
            Location::cell(book, "青杠村", 12, 4).to_string(),
            "data/2019/竹林镇村报表.xlsx[青杠村]!D12"
        );
        assert_eq!(
            Location::cell(book, "青杠村", 12, 0).to_string(),
            "data/2019/竹林镇村报表.xlsx[青杠村]!12:12"
        );
        assert_eq!(
            Location::cell(book, "Sheet1", 0, 0).to_string(),
            "data/2019/竹林镇村报表.xlsx[Sheet1]"
        );
        let letters: Vec<String> = [1, 26, 27, 52, 53, 702, 703, 16_384]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(letters, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("水 稻", ["水稻", "玉米"]).as_deref(),
            Some("did you mean \"水稻\"?")
        );
        assert_eq!(did_you_mean("小麦", ["水稻", "玉米"]), None);
    }
}
