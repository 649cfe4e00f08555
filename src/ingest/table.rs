//! One input table: every file of an input read into typed columns under canonical names,
//! each row remembering its file and line. Rows with a bad cell are left out and reported.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::catalogue::{Catalogue, Sector};
use crate::config::InputPlan;
use crate::error::{did_you_mean, Error, Location, Problem, ProblemKind, Result};
use crate::hash::sha256_hex;
use crate::ingest::cache::{Cache, Lookup};
use crate::ingest::decode::{decode, Decoded, MixedLine};
pub use crate::ingest::texts::Texts;
use crate::ingest::workbook::{self, SheetColumns, Unreadable};
use crate::lang::Msg;
use crate::number;
use crate::schema::{Field, FieldKind, ItemKind, TableKind};
use crate::text::shown;
use crate::tr;
use crate::warning::Warning;

/// Typed values of one canonical field.
#[derive(Debug, Clone)]
pub enum Values {
    Year(Vec<i32>),
    Text(Texts),
    /// Canonical unit × `crate::fixed::SCALE`; `None` only where the field is optional.
    Number(Vec<Option<i64>>),
}

#[derive(Debug, Clone)]
pub struct Table {
    pub kind: TableKind,
    pub files: Vec<PathBuf>,
    /// The header of each field, as the pipeline maps it.
    pub headers: Vec<String>,
    /// `columns_in_file[f][i]`: 1-based column of field i in file f; 0 where file f lacks an
    /// optional column (or could not be read).
    pub columns_in_file: Vec<Vec<u64>>,
    pub file: Vec<u32>,
    pub line: Vec<u32>,
    pub values: Vec<Values>,
    /// (year, village_code) of rows left out for a bad cell elsewhere: the village exists,
    /// and other tables' rows for it must not be reported as unknown.
    pub rejected_villages: Vec<(i32, String)>,
    /// Files none of whose rows could be read (undecodable, empty, a header that does not
    /// fit the mapping). Their villages are unknown, not missing: other tables' rows for them
    /// must not be reported as unknown either.
    pub unread_files: Vec<u32>,
    /// Size, hash and row count of each file, for the run manifest.
    pub file_info: Vec<FileInfo>,
    /// What reading found suspicious but not wrong: a workbook's total row that differs
    /// from the sum of its rows.
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub bytes: u64,
    pub sha256: String,
    pub rows: usize,
    /// Whether the file was parsed (false: its rows came from the cache).
    pub parsed: bool,
    /// The file's parse-cache key (its entry exists if the cache could store it).
    pub cache_key: String,
    /// Why the file's cache entry could not be trusted, if it was damaged (the file was then
    /// parsed again and its entry replaced).
    pub damaged_cache: Option<Msg>,
    /// A workbook's sheets that were read, with each field's column in each; empty for CSV.
    pub sheets: Vec<SheetColumns>,
}

/// Column names that carry a row's position into the data frames.
pub const FILE: &str = "_file";
pub const LINE: &str = "_line";

impl Table {
    /// A table of `plan`'s input with no rows yet.
    fn empty(plan: &InputPlan) -> Table {
        Table {
            kind: plan.kind,
            files: plan.files.clone(),
            headers: plan.headers.clone(),
            columns_in_file: Vec::new(),
            file: Vec::new(),
            line: Vec::new(),
            values: plan
                .kind
                .fields()
                .iter()
                .map(|f| match f.kind {
                    FieldKind::Year => Values::Year(Vec::new()),
                    FieldKind::Number(_) => Values::Number(Vec::new()),
                    _ => Values::Text(Texts::new()),
                })
                .collect(),
            rejected_villages: Vec::new(),
            unread_files: Vec::new(),
            file_info: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.line.len()
    }

    pub fn is_empty(&self) -> bool {
        self.line.is_empty()
    }

    /// Where field `field` of row `row` is.
    pub fn location(&self, file: u32, line: u32, field: &str) -> Location {
        let f = file as usize;
        let index = self.kind.fields().iter().position(|x| x.name == field);
        let sheets = self.file_info.get(f).map_or(&[][..], |i| &i.sheets[..]);
        if let Some((sheet, row)) = workbook::sheet_row(sheets, line) {
            let column = index.map_or(0, |i| sheet.columns[i]);
            return Location::cell(&self.files[f], &sheet.name, row, column);
        }
        let column = index.map_or(0, |i| self.columns_in_file[f][i]);
        Location::at(&self.files[f], u64::from(line), column)
    }

    pub fn header<'a>(&'a self, field: &'a str) -> &'a str {
        let i = self.kind.fields().iter().position(|x| x.name == field);
        i.map_or(field, |i| self.headers[i].as_str())
    }
}

impl Table {
    /// The values of a text field (codes, names, items), if the table has it.
    pub fn texts(&self, field: &str) -> Option<&Texts> {
        match self.values.get(self.field_index(field)?) {
            Some(Values::Text(v)) if v.len() == self.len() => Some(v),
            _ => None,
        }
    }

    /// The values of a number field, if the table has it.
    pub fn numbers(&self, field: &str) -> Option<&[Option<i64>]> {
        match self.values.get(self.field_index(field)?) {
            Some(Values::Number(v)) => Some(v),
            _ => None,
        }
    }

    /// The year of each row (empty for a table without years).
    pub fn years(&self) -> &[i32] {
        match self.values.first() {
            Some(Values::Year(v)) => v,
            _ => &[],
        }
    }

    fn field_index(&self, field: &str) -> Option<usize> {
        self.kind.fields().iter().position(|f| f.name == field)
    }

    /// A table back from its frame (a stored run's data): values, files and lines; the
    /// paths and columns of its files are in the run's manifest, not here.
    pub fn from_frame(kind: TableKind, df: &DataFrame) -> Result<Table> {
        let rows = crate::frame::Rows::new(df);
        let mut values = Vec::new();
        for field in kind.fields() {
            if df.column(field.name).is_err() {
                // A run stored before the field existed (an optional registry column).
                let mut empty = Texts::new();
                empty.push_n("", df.height());
                values.push(Values::Text(empty));
                continue;
            }
            values.push(match field.kind {
                FieldKind::Year => Values::Year(
                    rows.i32(field.name)?
                        .into_iter()
                        .map(|y| y.unwrap_or(0))
                        .collect(),
                ),
                FieldKind::Number(_) => Values::Number(rows.i64(field.name)?),
                _ => Values::Text(rows.str(field.name)?.iter().map(String::as_str).collect()),
            });
        }
        Ok(Table {
            kind,
            files: Vec::new(),
            headers: kind.fields().iter().map(|f| f.name.to_string()).collect(),
            columns_in_file: Vec::new(),
            file: rows.u32(FILE)?,
            line: rows.u32(LINE)?,
            values,
            rejected_villages: Vec::new(),
            file_info: Vec::new(),
            unread_files: Vec::new(),
            warnings: Vec::new(),
        })
    }
}

/// Reads every file of an input. I/O failures stop at once; problems in the data are
/// collected and returned with what could be read. Files whose content the cache has seen,
/// read the same way, are not parsed again.
pub fn read(
    plan: &InputPlan,
    years: &[i32],
    catalogue: &Catalogue,
    catalogue_sha256: &str,
    cache: &Cache,
) -> Result<(Table, Vec<Problem>)> {
    let mut table = Table::empty(plan);
    let reading = reading_key(plan, years, catalogue_sha256);
    let mut problems = Vec::new();
    for (file_id, path) in plan.files.iter().enumerate() {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, Msg::IoReadInput, e))?;
        let sha256 = sha256_hex(&bytes);
        let key = Cache::key(&sha256, &reading);
        let start = table.len();
        let (cached, damaged) = match cache.load(&key) {
            Lookup::Hit(rows, columns, sheets) => (
                table
                    .append(&rows, file_id as u32)
                    .then_some((columns, sheets)),
                None,
            ),
            Lookup::Miss => (None, None),
            Lookup::Damaged(why) => (None, Some(why)),
        };
        let parsed = cached.is_none();
        let (columns, sheets) = match cached {
            Some(layout) => layout,
            None => {
                let before = (problems.len(), table.warnings.len());
                let file = (path.as_path(), file_id as u32, bytes.as_slice());
                let (columns, sheets) =
                    parse(plan, years, catalogue, file, &mut table, &mut problems);
                // A file that raised warnings is parsed on every run, which says them again.
                if (problems.len(), table.warnings.len()) == before {
                    if let Ok(mut rows) = table.file_rows(start..table.len()) {
                        cache.store(&key, &mut rows, &columns, &sheets);
                    }
                }
                (columns, sheets)
            }
        };
        table.columns_in_file.push(columns);
        table.file_info.push(FileInfo {
            bytes: bytes.len() as u64,
            sha256,
            rows: table.len() - start,
            parsed,
            cache_key: key,
            damaged_cache: damaged,
            sheets,
        });
    }
    Ok((table, problems))
}

/// What a file's cache entry depends on besides its bytes: the way it is read. The field
/// names too: a table that gains a field (as the registry did its optional area columns) must
/// not reuse entries cached before it had it. And which fields are mapped: an absent optional
/// column reads as empty only when it is not.
fn reading_key(plan: &InputPlan, years: &[i32], catalogue_sha256: &str) -> String {
    let fields = plan.kind.fields();
    format!(
        "{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{years:?}|{catalogue_sha256}|{:?}|{:?}",
        plan.kind.name(),
        fields.iter().map(|f| f.name).collect::<Vec<_>>(),
        plan.headers,
        plan.mapped,
        plan.units,
        plan.factors
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>(),
        plan.ignore_columns,
        plan.encoding,
        plan.unit_declared,
        plan.sheets,
    )
}

/// Parses file `(path, file_id, bytes)` into `table`, as a workbook or a CSV file; its columns
/// and sheets. A file none of whose rows could be read is remembered as unread.
fn parse(
    plan: &InputPlan,
    years: &[i32],
    catalogue: &Catalogue,
    (path, file_id, bytes): (&Path, u32, &[u8]),
    table: &mut Table,
    problems: &mut Vec<Problem>,
) -> (Vec<u64>, Vec<SheetColumns>) {
    let read = if workbook::is_workbook(path) {
        workbook::read_file(
            plan,
            years,
            catalogue,
            (path, file_id),
            bytes,
            table,
            problems,
        )
    } else {
        read_file(
            plan, years, catalogue, path, bytes, file_id, table, problems,
        )
        .map(|columns| (columns, Vec::new()))
    };
    read.unwrap_or_else(|| {
        table.unread_files.push(file_id);
        (vec![0; plan.kind.fields().len()], Vec::new())
    })
}

/// A string column of rows `start..` of a text field.
fn text_column(name: PlSmallStr, texts: &Texts, rows: std::ops::Range<usize>) -> Column {
    let values: Vec<&str> = rows.map(|row| &texts[row]).collect();
    Column::new(name, values)
}

impl Table {
    /// Rows `range` (one file's), with their lines: a cache entry, or a run's stored data.
    pub fn file_rows(&self, range: std::ops::Range<usize>) -> Result<DataFrame> {
        let mut columns: Vec<Column> = Vec::with_capacity(self.values.len() + 1);
        for (field, values) in self.kind.fields().iter().zip(&self.values) {
            let name = PlSmallStr::from_static(field.name);
            columns.push(match values {
                Values::Year(v) => Column::new(name, &v[range.clone()]),
                Values::Text(v) => text_column(name, v, range.clone()),
                Values::Number(v) => Column::new(name, &v[range.clone()]),
            });
        }
        columns.push(Column::new(LINE.into(), &self.line[range]));
        DataFrame::new_infer_height(columns).map_err(Error::engine("keeping an input file's rows"))
    }

    /// Appends cached rows as file `file_id`; false (and nothing appended) if they do not fit.
    fn append(&mut self, rows: &DataFrame, file_id: u32) -> bool {
        let mut values = Vec::with_capacity(self.values.len());
        for (field, existing) in self.kind.fields().iter().zip(&self.values) {
            let Ok(column) = rows.column(field.name) else {
                return false;
            };
            let converted = match existing {
                Values::Year(_) => column
                    .i32()
                    .ok()
                    .map(|c| Values::Year(c.iter().map(|v| v.unwrap_or(0)).collect())),
                Values::Text(_) => column
                    .str()
                    .ok()
                    .map(|c| Values::Text(c.iter().map(|v| v.unwrap_or("")).collect())),
                Values::Number(_) => column
                    .i64()
                    .ok()
                    .map(|c| Values::Number(c.iter().collect())),
            };
            match converted {
                Some(v) => values.push(v),
                None => return false,
            }
        }
        let Some(lines) = rows.column(LINE).ok().and_then(|c| c.u32().ok()) else {
            return false;
        };
        for (target, source) in self.values.iter_mut().zip(values) {
            match (target, source) {
                (Values::Year(t), Values::Year(s)) => t.extend(s),
                (Values::Text(t), Values::Text(s)) => t.extend_from(&s),
                (Values::Number(t), Values::Number(s)) => t.extend(s),
                _ => return false,
            }
        }
        self.line.extend(lines.iter().map(|l| l.unwrap_or(0)));
        self.file
            .extend(std::iter::repeat_n(file_id, rows.height()));
        true
    }
}

/// The text of a file, with an error for each line of another encoding (those rows are
/// not read); None (and a problem) if no row can be read.
fn decoded<'a>(
    plan: &InputPlan,
    path: &Path,
    bytes: &'a [u8],
    problems: &mut Vec<Problem>,
) -> Option<Decoded<'a>> {
    let problem = |bad: &crate::ingest::decode::BadBytes| bad.problem(path);
    let decoded = match decode(bytes, plan.encoding) {
        Ok(decoded) => decoded,
        Err(bad) => {
            problems.push(problem(&bad));
            return None;
        }
    };
    problems.extend(decoded.bad.iter().map(problem));
    if decoded.text.trim().is_empty() {
        problems.push(Problem::new(
            Location::file(path),
            tr!(Msg::FileEmpty, table = plan.kind.title()),
        ));
        return None;
    }
    if decoded.is_bad_line(1) {
        return None; // the header: no column can be found
    }
    Some(decoded)
}

/// Parses one file into `table`; its columns (see `Table::columns_in_file`), or None if no
/// row could be read. A line of a GBK file saved in UTF-8 is read as typed and warned about.
#[allow(clippy::too_many_arguments)]
fn read_file(
    plan: &InputPlan,
    years: &[i32],
    catalogue: &Catalogue,
    path: &Path,
    bytes: &[u8],
    file_id: u32,
    table: &mut Table,
    problems: &mut Vec<Problem>,
) -> Option<Vec<u64>> {
    let decoded = decoded(plan, path, bytes, problems)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(decoded.delimiter)
        .from_reader(decoded.text.as_bytes());
    let mut record = csv::StringRecord::new();
    let header: Vec<String> = match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(|h| h.trim().to_string()).collect(),
        Ok(false) => Vec::new(),
        Err(e) => {
            problems.push(Problem::new(Location::at(path, 1, 0), csv_message(&e)));
            return None;
        }
    };

    let columns = match map_columns(plan, &header, &|c| Location::at(path, 1, c)) {
        Ok(columns) => columns,
        Err(mut found) => {
            problems.append(&mut found);
            return None;
        }
    };

    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Problem::new(Location::at(path, line, 0), csv_message(&e)));
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // blank rows that spreadsheets leave at the end
        }
        if decoded.is_bad_line(line) {
            // Reported at its bytes; its village is known, not unknown, to the other checks.
            reject_unreadable(plan, years, catalogue, &record, &columns, table);
            continue;
        }
        if record.len() != header.len() {
            let message = tr!(Msg::RowLength, fields = record.len(), header = header.len());
            let problem = Problem::new(Location::at(path, line, 0), message);
            problems.push(problem.of_kind(ProblemKind::RowLength));
            continue;
        }
        let at = |column| Location::at(path, line, column);
        let reading = Reading {
            plan,
            factors: &plan.factors,
            years,
            catalogue,
        };
        if read_row(&reading, &record, &columns, table, problems, &at) {
            table.file.push(file_id);
            table.line.push(line as u32);
            if let Some(mixed) = decoded.mixed.iter().find(|m| m.line == line) {
                let warning = mixed_encoding(table, Location::at(path, line, 0), mixed);
                table.warnings.push(warning);
            }
        }
    }
    Some(columns)
}

/// The warning for the last row read, whose line was UTF-8 in a GBK file.
fn mixed_encoding(table: &Table, at: Location, mixed: &MixedLine) -> Warning {
    let last = table.len() - 1;
    let village = table.texts("village_code").map(|v| v[last].to_string());
    Warning {
        year: table.years().get(last).copied().unwrap_or(0),
        village_code: village.unwrap_or_default(),
        check: crate::warning::Check::MixedEncoding,
        location: Some(at),
        message: tr!(
            Msg::MixedEncoding,
            text = shown(&mixed.text),
            gbk = shown(&mixed.as_gbk)
        ),
    }
}

/// Remembers the year and village of a row that cannot be read, when its cells give them.
fn reject_unreadable(
    plan: &InputPlan,
    years: &[i32],
    catalogue: &Catalogue,
    record: &csv::StringRecord,
    columns: &[u64],
    table: &mut Table,
) {
    let fields = plan.kind.fields();
    let raw = |name: &str| {
        let i = fields.iter().position(|f| f.name == name)?;
        record.get((columns[i] as usize).checked_sub(1)?)
    };
    let year_field = fields.iter().find(|f| f.kind == FieldKind::Year);
    let year = year_field.and_then(|f| {
        match cell(f, raw(f.name)?, Default::default(), years, catalogue) {
            Ok(Cell::Year(y)) => Some(y),
            _ => None,
        }
    });
    if let (Some(year), Some(village)) = (year, raw("village_code")) {
        table
            .rejected_villages
            .push((year, village.trim().to_string()));
    }
}

/// The cells of one row: a CSV record, or a row of a workbook's sheet.
pub(crate) trait RowCells {
    /// The text of 1-based column `column`, or why the cell has none to read.
    fn text(&self, column: u64) -> std::result::Result<&str, &Unreadable>;
}

impl RowCells for csv::StringRecord {
    fn text(&self, column: u64) -> std::result::Result<&str, &Unreadable> {
        Ok(&self[column as usize - 1])
    }
}

/// How the rows of one file (or sheet) are typed: the input's plan, the factor from each
/// field's unit in this file to the canonical unit, the pipeline's years and the catalogue.
pub(crate) struct Reading<'a> {
    pub plan: &'a InputPlan,
    pub factors: &'a [rust_decimal::Decimal],
    pub years: &'a [i32],
    pub catalogue: &'a Catalogue,
}

/// Types the cells of one row straight into the table's columns. A row with a bad cell is
/// taken out again (its problems reported at `at(column)`), and its village remembered as
/// rejected; the result says whether the row was kept.
pub(crate) fn read_row(
    reading: &Reading,
    record: &impl RowCells,
    columns: &[u64],
    table: &mut Table,
    problems: &mut Vec<Problem>,
    at: &dyn Fn(u64) -> Location,
) -> bool {
    let Reading {
        plan,
        factors,
        years,
        catalogue,
    } = *reading;
    let rows = table.line.len();
    let mut ok = true;
    let (mut year, mut village) = (None, None);
    for (i, field) in plan.kind.fields().iter().enumerate() {
        let column = columns[i];
        // Column 0: an optional column the file does not have.
        let typed = match column {
            0 => cell(field, "", factors[i], years, catalogue),
            c => match record.text(c) {
                Ok(raw) => cell(field, raw, factors[i], years, catalogue),
                Err(unreadable) => Err((
                    ProblemKind::Unreadable,
                    unreadable.message(&expected(field), field.kind == FieldKind::Year),
                    None,
                )),
            },
        };
        match (typed, &mut table.values[i]) {
            (Ok(Cell::Year(y)), Values::Year(v)) => {
                year = Some(y);
                v.push(y)
            }
            (Ok(Cell::Text(t)), Values::Text(v)) => {
                if field.name == "village_code" {
                    village = Some(t);
                }
                v.push(t)
            }
            (Ok(Cell::Number(n)), Values::Number(v)) => v.push(n),
            (Ok(_), _) => unreachable!("cell types follow field kinds"),
            (Err((kind, message, hint)), _) => {
                ok = false;
                let message = tr!(Msg::InColumn, header = plan.headers[i], message = message);
                problems.push(
                    Problem::new(at(column), message)
                        .with_hint(hint)
                        .of_kind(kind),
                );
            }
        }
    }
    if !ok {
        for values in &mut table.values {
            values.truncate(rows);
        }
        if let (Some(y), Some(v)) = (year, village) {
            table.rejected_villages.push((y, v.to_string()));
        }
    }
    ok
}

/// Finds each field's column (1-based); a missing column or an unmapped one is a problem at
/// `at(column)` of the header. A field with an optional column that the file lacks gets
/// column 0 (its cells read as empty), unless the pipeline maps it explicitly: then the
/// user said it is there.
pub(crate) fn map_columns(
    plan: &InputPlan,
    header: &[String],
    at: &dyn Fn(u64) -> Location,
) -> std::result::Result<Vec<u64>, Vec<Problem>> {
    let mut problems = duplicate_headers(header, at);
    let mut columns = Vec::new();
    let found = header
        .iter()
        .map(|h| shown(h))
        .collect::<Vec<_>>()
        .join(", ");
    for (i, field) in plan.kind.fields().iter().enumerate() {
        match header.iter().position(|h| *h == plan.headers[i]) {
            Some(c) => columns.push(c as u64 + 1),
            None if field.optional_column && !plan.mapped[i] => columns.push(0),
            None => {
                // A header that another field reads is no better guess.
                let unread = header.iter().filter(|h| !plan.headers.contains(h));
                let hint = did_you_mean(&plan.headers[i], unread.map(String::as_str));
                let message = tr!(
                    Msg::MissingColumn,
                    header = plan.headers[i],
                    table = plan.kind.name(),
                    field = field.name,
                    found = found
                );
                problems.push(Problem::new(at(0), message).with_hint(hint));
                columns.push(0);
            }
        }
    }
    for (c, h) in header.iter().enumerate() {
        if !plan.headers.contains(h) && !plan.ignore_columns.contains(h) {
            let message = tr!(
                Msg::UnknownColumn,
                header = shown(h),
                table = plan.kind.name()
            );
            problems.push(Problem::new(at(c as u64 + 1), message));
        }
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// A column name that the header holds twice: which column has the figures cannot be known,
/// so neither is read (a problem at the second).
fn duplicate_headers(header: &[String], at: &dyn Fn(u64) -> Location) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (c, h) in header.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if let Some(first) = header[..c].iter().position(|x| x == h) {
            let message = tr!(
                Msg::ColumnTwice,
                header = shown(h),
                first = first + 1,
                second = c + 1
            );
            problems.push(Problem::new(at(c as u64 + 1), message));
        }
    }
    problems
}

enum Cell<'a> {
    Year(i32),
    Text(&'a str),
    Number(Option<i64>),
}

impl Values {
    fn truncate(&mut self, len: usize) {
        match self {
            Values::Year(v) => v.truncate(len),
            Values::Text(v) => v.truncate(len),
            Values::Number(v) => v.truncate(len),
        }
    }
}

/// What is wrong with a cell: its kind (for grouping), the message and a hint.
type CellError = (ProblemKind, String, Option<String>);

fn cell<'a>(
    field: &Field,
    raw: &'a str,
    factor: rust_decimal::Decimal,
    years: &[i32],
    catalogue: &'a Catalogue,
) -> std::result::Result<Cell<'a>, CellError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() && field.required {
        return Err((
            ProblemKind::MissingValue,
            tr!(Msg::ValueMissing, expected = expected(field)),
            None,
        ));
    }
    if !matches!(field.kind, FieldKind::Year | FieldKind::Number(_)) {
        // Before any lookup: the closest-name hint compares a cell with every name.
        plain_text(trimmed, field)?;
    }
    match field.kind {
        FieldKind::Year => {
            let year = number::parse(trimmed, rust_decimal::Decimal::ONE, true)
                .ok()
                .flatten()
                .map(|v| v / crate::fixed::SCALE)
                .and_then(|v| i32::try_from(v).ok())
                .ok_or_else(|| {
                    (
                        ProblemKind::NotAYear,
                        tr!(Msg::NotAYear, value = shown(raw)),
                        None,
                    )
                })?;
            if years.contains(&year) {
                Ok(Cell::Year(year))
            } else {
                let years = crate::lang::list(years, Msg::ListOr);
                Err((
                    ProblemKind::OtherYear,
                    tr!(Msg::OtherYear, year = year, years = years),
                    None,
                ))
            }
        }
        FieldKind::Code | FieldKind::Text => Ok(Cell::Text(trimmed)),
        FieldKind::Item(ItemKind::Sector) => match Sector::parse(trimmed) {
            Some(s) => Ok(Cell::Text(s.code())),
            None => Err((
                ProblemKind::UnknownItem,
                tr!(Msg::NotASector, value = shown(raw)),
                did_you_mean(trimmed, Sector::ALL.iter().map(|s| s.name_zh())),
            )),
        },
        FieldKind::Item(kind) => match catalogue.lookup(kind, trimmed) {
            Some(p) => Ok(Cell::Text(&p.code)),
            None => Err((
                ProblemKind::UnknownItem,
                tr!(
                    Msg::NotInCatalogue,
                    value = shown(raw),
                    expected = expected(field)
                ),
                catalogue.suggest(kind, trimmed),
            )),
        },
        FieldKind::Number(_) => number::parse(raw, factor, field.whole)
            .map(Cell::Number)
            .map_err(|e| (ProblemKind::NotANumber, e.message(&shown(raw)), None)),
    }
}

/// The longest code or name agristat accepts, in characters. Statistical division codes have
/// 12 digits and the longest official village names a few dozen characters; a longer cell is
/// a mistake (a pasted paragraph, a broken export), and would stall chart text layout.
pub const MAX_TEXT_CHARS: usize = 100;

/// A code or a name as it may be published: not absurdly long, no control characters (a NUL
/// or an escape would be written into every output), a name not beginning like a formula
/// (`=HYPERLINK(…)` in a village's file; the writers make such text inert anyway).
fn plain_text<'a>(text: &'a str, field: &Field) -> std::result::Result<&'a str, CellError> {
    let length = text.chars().count();
    if length > MAX_TEXT_CHARS {
        let message = tr!(
            Msg::TooLong,
            value = shown(text),
            length = length,
            expected = expected(field),
            max = MAX_TEXT_CHARS
        );
        return Err((ProblemKind::BadText, message, None));
    }
    if field.kind == FieldKind::Text && text.starts_with(crate::text::FORMULA_START) {
        let message = tr!(
            Msg::FormulaStart,
            value = shown(text),
            expected = expected(field)
        );
        return Err((ProblemKind::BadText, message, None));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        let message = tr!(
            Msg::ControlCharacter,
            value = shown(&text.replace(|c: char| c.is_control(), "\u{fffd}")),
            code = format!("{:04X}", c as u32),
            expected = expected(field)
        );
        return Err((ProblemKind::BadText, message, None));
    }
    Ok(text)
}

/// What a field's cells hold, in the user's language.
pub(crate) fn expected(field: &Field) -> String {
    let msg = match field.kind {
        FieldKind::Year => Msg::ExpectYear,
        FieldKind::Code => Msg::ExpectCode,
        FieldKind::Text => Msg::ExpectName,
        FieldKind::Item(ItemKind::Crop) => Msg::ExpectCrop,
        FieldKind::Item(ItemKind::Livestock) => Msg::ExpectLivestock,
        FieldKind::Item(ItemKind::AnimalProduct) => Msg::ExpectAnimalProduct,
        FieldKind::Item(ItemKind::Priced) => Msg::ExpectPriced,
        FieldKind::Item(ItemKind::Sector) => Msg::ExpectSector,
        FieldKind::Number(_) if field.whole => Msg::ExpectWhole,
        FieldKind::Number(_) => Msg::ExpectNumber,
    };
    tr!(msg)
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => tr!(Msg::RowLength, fields = len, header = expected_len),
        csv::ErrorKind::Utf8 { .. } => tr!(Msg::InvalidUtf8),
        _ => tr!(Msg::UnreadableCsv, error = e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::plan::resolve;
    use encoding_rs::GB18030;
    use polars_io::ipc::{IpcReader, IpcWriter};
    use polars_io::{SerReader, SerWriter};

    fn catalogue() -> Catalogue {
        let text = include_str!("../../data/catalogue/products.csv");
        Catalogue::parse(text, Path::new("products.csv")).unwrap()
    }

    /// Writes `files` into a temp dir and reads input `kind` of a pipeline whose
    /// `[inputs.KIND]` section is `input`, with `cache`.
    fn read_with(dir: &Path, input: &str, kind: TableKind, cache: &Cache) -> (Table, Vec<String>) {
        let text = format!(
            "[pipeline]\nname = \"t\"\nyear = 2019\noutput = \"out\"\n[reference]\nproducts = \"p.csv\"\n{input}"
        );
        let plan = match resolve(&dir.join("p.toml"), &text) {
            Ok(plan) => plan,
            Err(Error::Config(ps)) => panic!("{ps:?}"),
            Err(e) => panic!("{e}"),
        };
        let (table, problems) =
            read(&plan.inputs[&kind], &[2019], &catalogue(), "sha", cache).unwrap();
        let problems = problems
            .iter()
            .map(|p| p.to_string().replace(&format!("{}/", dir.display()), ""))
            .collect();
        (table, problems)
    }

    fn text<'a>(table: &'a Table, field: &str) -> Vec<&'a str> {
        table.texts(field).unwrap().iter().collect()
    }

    const CODES_ONLY: &str = "年份,村代码,村名,户数,人口,建档立卡贫困户\n\
                              2019,520121101201,甲村,100,400,10\n\
                              2019,520121102201,乙村,300,1100,20\n";

    const REGISTRY: &str = "[inputs.villages]\npath = \"villages.csv\"\n\
        [inputs.villages.columns]\nyear = \"年份\"\nvillage_code = \"村代码\"\nvillage_name = \"村名\"\n\
        households = \"户数\"\npopulation = \"人口\"\npoor_households = \"建档立卡贫困户\"\n";

    /// Reads `bytes` as a crops file, without the file system: what a village could send.
    fn read_bytes(bytes: &[u8]) -> (Table, Vec<Problem>) {
        static PLAN: std::sync::OnceLock<crate::config::Plan> = std::sync::OnceLock::new();
        let plan = PLAN.get_or_init(|| {
            let mini = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/mini/mini.toml");
            crate::config::load(Path::new(mini)).unwrap()
        });
        let input = &plan.inputs[&TableKind::Crops];
        let mut table = Table::empty(input);
        let mut problems = Vec::new();
        let path = Path::new("c.csv");
        read_file(
            input,
            &[2019],
            &catalogue(),
            path,
            bytes,
            0,
            &mut table,
            &mut problems,
        );
        (table, problems)
    }

    /// A line a village file might hold: a good row, a damaged one, text in GBK, or noise.
    fn hostile_line() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        prop_oneof![
            (
                0u32..100_000,
                "杂交水稻|玉米|红薯|辣椒|水 稻|=SUM",
                "[0-9.,x -]{0,12}"
            )
                .prop_map(|(a, crop, out)| format!("2019,01,{crop},{a},{out}").into_bytes()),
            "[0-9,\"年村\u{0}\t =+-]{0,40}".prop_map(String::into_bytes),
            "\\PC{0,30}".prop_map(|t| GB18030.encode(&t).0.into_owned()),
            proptest::collection::vec(any::<u8>(), 0..60),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Whatever a file holds, reading it ends soon, without a panic, with every row
        /// whole and every problem at a line of the file.
        #[test]
        fn any_bytes_read_without_a_panic_or_a_stall(
            bom in proptest::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE"]),
            good_header: bool,
            lines in proptest::collection::vec(hostile_line(), 0..25),
            crlf: bool,
        ) {
            let mut bytes = bom.to_vec();
            if good_header {
                bytes.extend("年份,村代码,作物,播种面积(亩),产量(公斤)".as_bytes());
            }
            let end: &[u8] = if crlf { b"\r\n" } else { b"\n" };
            for line in &lines {
                bytes.extend(end);
                bytes.extend(line);
            }
            // Every line end counts, those in the noise too (a CR alone ends a line).
            let line_count = 1 + bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
            let (done, result) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = done.send(read_bytes(&bytes));
            });
            // A hang guard, not a timing: a few dozen lines take milliseconds.
            let (table, problems) = result
                .recv_timeout(std::time::Duration::from_secs(20))
                .expect("reading a small file stalled or panicked");
            for values in &table.values {
                let len = match values {
                    Values::Year(v) => v.len(),
                    Values::Text(v) => v.len(),
                    Values::Number(v) => v.len(),
                };
                proptest::prop_assert_eq!(len, table.len());
            }
            proptest::prop_assert_eq!(table.file.len(), table.len());
            proptest::prop_assert!(table.len() as u64 <= line_count);
            for p in &problems {
                proptest::prop_assert!(p.location.line <= line_count, "{}", p);
                proptest::prop_assert!(p.to_string().chars().count() < 2_000, "{}", p);
            }
        }
    }

    #[test]
    fn a_registry_without_area_columns_reads_them_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("villages.csv"), CODES_ONLY).unwrap();
        let (table, problems) = read_with(
            dir.path(),
            REGISTRY,
            TableKind::Villages,
            &Cache::disabled(),
        );
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(table.len(), 2);
        assert!(table.unread_files.is_empty());
        assert_eq!(
            text(&table, "village_code"),
            ["520121101201", "520121102201"]
        );
        for field in TableKind::Villages
            .fields()
            .iter()
            .filter(|f| f.optional_column)
        {
            assert_eq!(text(&table, field.name), ["", ""], "{}", field.name);
            // No column in the file: a position on the line, without a column.
            let at = table.location(0, 2, field.name);
            assert_eq!((at.line, at.column), (2, 0));
        }
        assert_eq!(table.location(0, 2, "village_code").column, 2);
        let frame = table.file_rows(0..table.len()).unwrap();
        assert_eq!(frame.height(), 2);
        assert!(frame.column("province_name").is_ok());
    }

    #[test]
    fn optional_columns_that_are_there_are_read_and_may_have_empty_cells() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("villages.csv"),
            "年份,村代码,村名,township_code,乡镇名称,户数,人口,建档立卡贫困户\n\
             2019,01,甲村,001,测试镇,100,400,10\n\
             2019,02,乙村,,,300,1100,20\n",
        )
        .unwrap();
        let input = format!("{REGISTRY}township_name = \"乡镇名称\"\n");
        let (table, problems) =
            read_with(dir.path(), &input, TableKind::Villages, &Cache::disabled());
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(text(&table, "township_code"), ["001", ""]);
        assert_eq!(text(&table, "township_name"), ["测试镇", ""]);
        assert_eq!(text(&table, "county_code"), ["", ""]);
        assert_eq!(table.location(0, 3, "township_name").column, 5);
    }

    #[test]
    fn the_plan_knows_which_fields_the_pipeline_maps() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("villages.csv"), CODES_ONLY).unwrap();
        let text = format!(
            "[pipeline]\nname = \"t\"\nyear = 2019\noutput = \"out\"\n[reference]\nproducts = \"p.csv\"\n{REGISTRY}township_code = \"township_code\"\n"
        );
        let plan = resolve(&dir.path().join("p.toml"), &text).unwrap();
        let registry = &plan.inputs[&TableKind::Villages];
        let mapped: Vec<&str> = TableKind::Villages
            .fields()
            .iter()
            .zip(&registry.mapped)
            .filter(|(_, m)| **m)
            .map(|(f, _)| f.name)
            .collect();
        assert_eq!(
            mapped,
            [
                "year",
                "village_code",
                "village_name",
                "township_code",
                "households",
                "population",
                "poor_households"
            ]
        );
        // Unmapped fields are looked up under their canonical names.
        assert_eq!(registry.header("county_name"), "county_name");
    }

    #[test]
    fn an_explicitly_mapped_optional_column_must_be_there() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("villages.csv"), CODES_ONLY).unwrap();
        // Mapped to its canonical name, too: the pipeline says the column is there.
        let input =
            format!("{REGISTRY}township_code = \"乡镇代码\"\ncounty_code = \"county_code\"\n");
        let (table, problems) =
            read_with(dir.path(), &input, TableKind::Villages, &Cache::disabled());
        assert_eq!(table.len(), 0);
        assert_eq!(table.unread_files, [0]);
        assert_eq!(
            problems,
            [
                "villages.csv:1: missing column \"乡镇代码\" (mapped to villages.township_code; the header has: 年份, 村代码, 村名, 户数, 人口, 建档立卡贫困户)",
                "villages.csv:1: missing column \"county_code\" (mapped to villages.county_code; the header has: 年份, 村代码, 村名, 户数, 人口, 建档立卡贫困户)",
            ]
        );
    }

    #[test]
    fn regions_read_like_any_table() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("regions.csv"),
            "代码,名称\n520121101000,甲镇\n520000000000,贵州省\n,无码\n",
        )
        .unwrap();
        let input = "[inputs.regions]\npath = \"regions.csv\"\n\
                     [inputs.regions.columns]\ncode = \"代码\"\nname = \"名称\"\n\
                     [inputs.villages]\npath = \"regions.csv\"\n";
        let (table, problems) =
            read_with(dir.path(), input, TableKind::Regions, &Cache::disabled());
        assert_eq!(
            problems,
            ["regions.csv:4:1: column \"代码\": value is missing (expected a code)"]
        );
        assert_eq!(text(&table, "code"), ["520121101000", "520000000000"]);
        assert_eq!(text(&table, "name"), ["甲镇", "贵州省"]);
        assert!(table
            .file_rows(0..table.len())
            .unwrap()
            .column("year")
            .is_err());
    }

    #[test]
    fn cached_rows_without_the_new_columns_are_parsed_again() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("villages.csv"), CODES_ONLY).unwrap();
        let cache = Cache::at(&dir.path().join("cache"));
        let (first, _) = read_with(dir.path(), REGISTRY, TableKind::Villages, &cache);
        assert!(first.file_info[0].parsed);
        let (again, _) = read_with(dir.path(), REGISTRY, TableKind::Villages, &cache);
        assert!(
            !again.file_info[0].parsed,
            "the second read comes from the cache"
        );
        assert_eq!(text(&again, "province_code"), ["", ""]);
        assert_eq!(again.columns_in_file, first.columns_in_file);

        // An entry as an agristat without the prefecture and province columns wrote it (were
        // its key ever the same) does not fit the table, and the file is parsed again.
        let entry = std::fs::read_dir(dir.path().join("cache"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "arrow"))
            .unwrap();
        let mut old = IpcReader::new(std::fs::File::open(&entry).unwrap())
            .finish()
            .unwrap()
            .drop_many([
                "prefecture_code",
                "prefecture_name",
                "province_code",
                "province_name",
            ]);
        IpcWriter::new(std::fs::File::create(&entry).unwrap())
            .finish(&mut old)
            .unwrap();
        let (third, problems) = read_with(dir.path(), REGISTRY, TableKind::Villages, &cache);
        assert!(problems.is_empty());
        assert!(third.file_info[0].parsed);
        assert_eq!(text(&third, "prefecture_name"), ["", ""]);
        assert_eq!(third.len(), 2);
    }
}
