//! `agristat init FOLDER`: from a folder of village files to a pipeline file. It recognises
//! each table by its headers (`headers`), decides fields, units and years from headers and
//! cells (`detect`), and writes a commented pipeline (`write`) in which whatever it could not
//! decide is a `TODO` that `check` and `run` refuse. `scan` finds the files, `workbook` reads
//! each worksheet of a workbook, `sheet_choice` says which sheets an input reads, `copies`
//! finds a column that repeats another in another unit.

mod copies;
mod detect;
mod headers;
mod scan;
mod sheet_choice;
mod workbook;
mod write;

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Location, Problem, Result};
use crate::lang::Msg;
use detect::{Draft, Mapping, Unit};

/// What `init` wrote and what is left to do.
#[derive(Debug)]
pub struct Outcome {
    pub pipeline: PathBuf,
    /// For the terminal: the tables found, and every question left in the file.
    pub report: String,
    /// How many `TODO`s the file holds (unknown columns included).
    pub todos: usize,
}

/// The file `init` writes when no `--out` is given: inside the folder.
pub const DEFAULT_FILE: &str = "pipeline.toml";

/// Looks at `folder` and writes a pipeline file for it to `out` (default
/// `FOLDER/pipeline.toml`), which must not exist yet.
pub fn init(folder: &Path, out: Option<&Path>) -> Result<Outcome> {
    let out = out.map_or_else(|| folder.join(DEFAULT_FILE), Path::to_path_buf);
    if out.exists() {
        return Err(Error::Config(vec![Problem::new(
            Location::file(&out),
            messages::exists(),
        )]));
    }
    if !folder.is_dir() {
        return Err(Error::Config(vec![Problem::new(
            Location::file(folder),
            messages::not_a_folder(),
        )]));
    }
    let (found, other) = scan::scan(folder)?;
    let all: Vec<String> = found.iter().map(|f| f.path.clone()).collect();
    let draft = detect::detect(&found, other);
    let base = relative(out.parent().unwrap_or(Path::new("")), folder)?;
    let folder_shown = folder_name(folder);
    let text = write::pipeline(&draft, &folder_shown, &base, &all);
    std::fs::write(&out, &text).map_err(|e| Error::io(&out, Msg::InitWritingPipeline, e))?;
    let (report, todos) = report(&draft, &out);
    Ok(Outcome {
        pipeline: out,
        report,
        todos,
    })
}

/// The folder's own name, for the pipeline's name and first comment.
fn folder_name(folder: &Path) -> String {
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    absolute.file_name().map_or_else(
        || folder.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The path from folder `from` to `to`, with `/`, as pipeline files write paths.
fn relative(from: &Path, to: &Path) -> Result<String> {
    let absolute = |p: &Path| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        std::path::absolute(p)
            .map(|a| crate::config::plan::normalize(&a))
            .map_err(|e| Error::io(p, Msg::InitResolvingPath, e))
    };
    let (from, to) = (absolute(from)?, absolute(to)?);
    let (a, b): (Vec<Component>, Vec<Component>) =
        (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Ok(parts.join("/"))
}

/// The terminal report: one line per table, then every question left.
fn report(draft: &Draft, out: &Path) -> (String, usize) {
    let mut lines = vec![messages::wrote(out, draft)];
    for input in &draft.inputs {
        lines.push(messages::table(input));
    }
    if !draft.other_files.is_empty() {
        lines.push(messages::skipped(&draft.other_files));
    }
    for input in &draft.inputs {
        if input.notes.contains(&detect::Note::NoAreaCodes) {
            lines.push(messages::no_area_codes());
        }
    }
    let mut todo = Vec::new();
    for input in &draft.inputs {
        let name = input.kind.name();
        for c in &input.columns {
            if c.mapping == Mapping::Missing {
                todo.push(messages::missing_column(name, c.field.name));
            }
            if let Unit::Ask(_) = c.unit {
                todo.push(messages::unit_to_fill(name, c.field.name, &c.mapping));
            }
        }
        for u in &input.unknown {
            todo.push(messages::unknown_column(name, &u.header, &u.guesses));
        }
    }
    for u in &draft.unrecognised {
        todo.push(messages::unrecognised(&u.shown(), &u.why));
    }
    let todos = todo.len();
    if todo.is_empty() {
        lines.push(messages::complete(out));
    } else {
        lines.push(messages::to_fill_in(todos));
        lines.extend(todo.into_iter().map(|t| format!("  {t}")));
    }
    (lines.join("\n") + "\n", todos)
}

/// The texts `init` prints, one function each.
mod messages {
    use std::path::Path;

    use super::detect::{Draft, InputDraft, Mapping, Why};
    use crate::config::joined;
    use crate::lang::Msg;
    use crate::tr;

    pub fn exists() -> String {
        tr!(Msg::InitExists)
    }

    pub fn not_a_folder() -> String {
        tr!(Msg::InitNotAFolder)
    }

    pub fn wrote(out: &Path, draft: &Draft) -> String {
        let years: Vec<String> = draft.years.iter().map(|y| y.to_string()).collect();
        let years = if years.is_empty() {
            tr!(Msg::InitNoYears)
        } else {
            joined(&years)
        };
        tr!(
            Msg::InitWrote,
            file = out.display(),
            count = draft.inputs.len(),
            years = years
        )
    }

    pub fn table(input: &InputDraft) -> String {
        let mapped = input
            .columns
            .iter()
            .filter(|c| matches!(c.mapping, Mapping::Header(_)))
            .count();
        let counts = tr!(Msg::InitTable, files = input.files.len(), mapped = mapped);
        format!("  {:<13} {counts}", input.kind.name())
    }

    pub fn skipped(files: &[String]) -> String {
        tr!(Msg::InitSkipped, files = joined(files))
    }

    pub fn no_area_codes() -> String {
        tr!(Msg::InitNoAreaCodes)
    }

    pub fn missing_column(table: &str, field: &str) -> String {
        tr!(Msg::InitMissingColumn, table = table, field = field)
    }

    pub fn unit_to_fill(table: &str, field: &str, mapping: &Mapping) -> String {
        let header = match mapping {
            Mapping::Header(h) => h.as_str(),
            _ => "",
        };
        tr!(
            Msg::InitUnitToFill,
            table = table,
            field = field,
            header = header
        )
    }

    pub fn unknown_column(table: &str, header: &str, guesses: &[(&str, &str)]) -> String {
        if guesses.is_empty() {
            return tr!(Msg::InitUnknownColumn, table = table, header = header);
        }
        let g: Vec<String> = guesses
            .iter()
            .map(|(f, w)| tr!(Msg::InitGuess, field = f, word = w))
            .collect();
        tr!(
            Msg::InitUnknownColumnClosest,
            table = table,
            header = header,
            closest = joined(&g)
        )
    }

    pub fn unrecognised(file: &str, why: &Why) -> String {
        let why = match why {
            Why::Unreadable(why) => tr!(Msg::InitCannotRead, why = why),
            Why::NoTable { closest, .. } => {
                let c: Vec<String> = closest
                    .iter()
                    .map(|(k, n)| tr!(Msg::InitClosestTable, table = k.name(), count = n))
                    .collect();
                if c.is_empty() {
                    tr!(Msg::InitFitsNoTable)
                } else {
                    tr!(Msg::InitFitsNoTableClosest, closest = joined(&c))
                }
            }
            Why::OtherHeaders { kind, first } => {
                tr!(Msg::InitOtherHeaders, table = kind.name(), first = first)
            }
        };
        tr!(Msg::InitUnrecognised, file = file, why = why)
    }

    pub fn complete(out: &Path) -> String {
        tr!(Msg::InitComplete, file = out.display())
    }

    pub fn to_fill_in(n: usize) -> String {
        tr!(Msg::InitToFillIn, count = n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_folders() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(relative(&d.join("a"), &d.join("a")).unwrap(), "");
        assert_eq!(relative(&d.join("a"), &d.join("b/c")).unwrap(), "../b/c");
        assert_eq!(relative(&d.join("a/x"), &d.join("a/y")).unwrap(), "../y");
    }

    #[test]
    fn refuses_to_overwrite_a_pipeline() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(DEFAULT_FILE), "x").unwrap();
        let err = init(dir.path(), None).unwrap_err();
        assert!(err.to_string().contains("the file exists already"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(DEFAULT_FILE)).unwrap(),
            "x"
        );
    }
}
