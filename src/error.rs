//! Errors and problems: every message a user sees names where it came from.
//!
//! A `Problem` is one thing wrong with the input, with its position; a run collects all of
//! them before it stops. An `Error` is why a command failed, and decides the exit code.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::lang::Msg;
use crate::tr;

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
        if let Some(sheet) = &self.sheet {
            // A1 notation, as a spreadsheet user writes a cell in any language; a whole row
            // as Excel writes it (12:12).
            write!(f, "{}[{sheet}]", self.file.display())?;
            return match (self.line, self.column) {
                (0, _) => Ok(()),
                (row, 0) => write!(f, "!{row}:{row}"),
                (row, column) => write!(f, "!{}{row}", column_letters(column)),
            };
        }
        let file = self.file.display();
        match (self.line, self.column) {
            (0, _) => write!(f, "{file}"),
            (line, 0) => f.write_str(&tr!(Msg::AtLine, file = file, line = line)),
            (line, column) => f.write_str(&tr!(
                Msg::AtLineColumn,
                file = file,
                line = line,
                column = column
            )),
        }
    }
}

/// One thing wrong with a pipeline file or an input table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub location: Location,
    pub message: String,
    pub hint: Option<String>,
    pub kind: ProblemKind,
}

/// What kind of problem a problem is. Problems of one kind in one column of one file are
/// listed together: a column of 2,000 bad numbers shows 20 and a count, not 2,000 lines
/// burying the other problems.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// Not grouped: each is its own.
    #[default]
    Other,
    /// Bytes that are not text in the file's encoding.
    Encoding,
    /// A row with more or fewer fields than the header.
    RowLength,
    MissingValue,
    NotANumber,
    NotAYear,
    /// A year that is not one of the pipeline's.
    OtherYear,
    /// A product, crop, species or sector the catalogue does not know.
    UnknownItem,
    /// A code or name too long, with control characters, or beginning like a formula.
    BadText,
    UnknownVillage,
    DuplicateRow,
    MissingPrice,
    NotADivisionCode,
    /// A village's sum beyond the exact fixed-point range.
    BeyondRange,
    /// A workbook cell that holds no value to read: an error value, a date.
    Unreadable,
}

/// How many problems of one kind, column and file are listed before the rest are counted.
pub const SHOWN_OF_A_KIND: usize = 20;

impl Problem {
    pub fn new(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            message: message.into(),
            hint: None,
            kind: ProblemKind::Other,
        }
    }

    pub fn of_kind(mut self, kind: ProblemKind) -> Problem {
        self.kind = kind;
        self
    }

    /// Problems of one group are alike: the same kind in the same column of the same file
    /// (and sheet).
    fn group(&self) -> Option<(&Path, Option<&str>, u64, ProblemKind)> {
        (self.kind != ProblemKind::Other).then_some((
            self.location.file.as_path(),
            self.location.sheet.as_deref(),
            self.location.column,
            self.kind,
        ))
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Problem {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = tr!(
            Msg::Problem,
            location = self.location,
            message = self.message
        );
        match &self.hint {
            Some(hint) => f.write_str(&tr!(Msg::ProblemHint, problem = problem, hint = hint)),
            None => f.write_str(&problem),
        }
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
    #[error("{}", tr!(Msg::IoFailed, path = .path.display(), step = tr!(*.step), error = io_reason(.source)))]
    Io {
        path: PathBuf,
        /// What was being done, said in the user's language when the error is shown.
        step: Msg,
        source: std::io::Error,
    },
    /// The aggregation engine refused a computation; this is a bug in agristat. The step is
    /// for the report to the developers, in English.
    #[error("{}", tr!(Msg::InternalError, step = .step, error = .source))]
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

    /// `step` is what was being done (`Msg::CfgReadingPipeline`).
    pub fn io(path: &Path, step: Msg, source: std::io::Error) -> Error {
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

/// Why an I/O operation failed, in the user's language for the common reasons (the system's
/// own text is in the system's language, often English); the system's text otherwise.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let msg = match e.kind() {
        ErrorKind::NotFound => Msg::IoNotFound,
        ErrorKind::PermissionDenied => Msg::IoPermissionDenied,
        ErrorKind::AlreadyExists => Msg::IoAlreadyExists,
        ErrorKind::StorageFull => Msg::IoStorageFull,
        ErrorKind::ReadOnlyFilesystem => Msg::IoReadOnly,
        _ => return e.to_string(),
    };
    tr!(msg, system = e)
}

/// The problems in their order, each group's first `SHOWN_OF_A_KIND` in full; after the last
/// of them, one line counting the rest of the group and giving their lines.
fn list(problems: &[Problem]) -> String {
    let mut lines_of: HashMap<_, Vec<u64>> = HashMap::new();
    for p in problems {
        if let Some(group) = p.group() {
            lines_of.entry(group).or_default().push(p.location.line);
        }
    }
    let mut shown: HashMap<_, usize> = HashMap::new();
    let mut out: Vec<String> = Vec::new();
    for p in problems {
        let Some(group) = p.group() else {
            out.push(p.to_string());
            continue;
        };
        let n = shown.entry(group).or_default();
        *n += 1;
        if *n <= SHOWN_OF_A_KIND {
            out.push(p.to_string());
        }
        let lines = &lines_of[&group];
        if *n == SHOWN_OF_A_KIND && lines.len() > SHOWN_OF_A_KIND {
            out.push(more_like_this(&p.location, &lines[SHOWN_OF_A_KIND..]));
        }
    }
    out.join("\n")
}

/// "… and 2,240 more like this, in lines 45, 47–2300": the rest of a group.
fn more_like_this(at: &Location, lines: &[u64]) -> String {
    const RANGES_SHOWN: usize = 10;
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    for &line in lines {
        match ranges.last_mut() {
            Some((_, end)) if line == *end + 1 || line == *end => *end = line,
            _ => ranges.push((line, line)),
        }
    }
    let mut shown: Vec<String> = ranges
        .iter()
        .take(RANGES_SHOWN)
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    if ranges.len() > RANGES_SHOWN {
        shown.push("…".to_string());
    }
    let (file, count) = (
        at.file.display(),
        crate::text::group_digits(&lines.len().to_string()),
    );
    let lines = shown.join(", ");
    match at.column {
        0 => tr!(Msg::MoreLikeThis, file = file, count = count, lines = lines),
        column => tr!(
            Msg::MoreLikeThisColumn,
            file = file,
            count = count,
            column = column,
            lines = lines
        ),
    }
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
    best.map(|(_, c)| tr!(Msg::DidYouMean, candidate = c))
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
    fn repeated_problems_of_a_kind_are_counted_after_the_first_twenty() {
        let file = Path::new("crops.csv");
        let mut problems: Vec<Problem> = (2..=2301)
            .filter(|line| *line != 30)
            .map(|line| {
                Problem::new(Location::at(file, line, 5), format!("bad {line}"))
                    .of_kind(ProblemKind::NotANumber)
            })
            .collect();
        // Another kind in the same file, and ungrouped problems, are all listed.
        problems.push(
            Problem::new(Location::at(file, 7, 3), "unknown").of_kind(ProblemKind::UnknownItem),
        );
        problems.push(Problem::new(Location::at(file, 9, 0), "other"));
        problems.sort();
        let text = list(&problems);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 20 + 1 + 2);
        assert_eq!(lines[0], "crops.csv:2:5: bad 2");
        assert!(lines.contains(&"crops.csv:7:3: unknown"));
        assert!(lines.contains(&"crops.csv:9: other"));
        assert_eq!(
            lines[22],
            "crops.csv: … and 2,279 more like this, column 5, in lines 22–29, 31–2301"
        );
        // Twenty or fewer: all listed, no count.
        let few = list(&problems[..5]);
        assert!(!few.contains("more like this"));
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
