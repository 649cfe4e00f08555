//! Which table each file holds, which header is which field, in which unit, and for which
//! years: decided from the headers (`headers.rs`) and the cells, never guessed silently.
//! What cannot be decided stays in the draft as a question for the user.

use std::collections::{BTreeMap, BTreeSet};

use super::headers::{self, Header};
use super::scan::{Content, Found, Grid, Sheet};
use super::sheet_choice::{self, SheetsDraft};
use crate::ingest::workbook::units as workbook_units;
use crate::schema::{Field, FieldKind, TableKind};
use crate::units::Dimension;

/// Everything `init` learnt about a folder.
#[derive(Debug)]
pub struct Draft {
    /// Every year found in folders and year columns, oldest first.
    pub years: Vec<i32>,
    pub inputs: Vec<InputDraft>,
    /// Files that hold no table `init` recognised, or that it could not read.
    pub unrecognised: Vec<Unrecognised>,
    /// Files that are no tables (scripts, notes).
    pub other_files: Vec<String>,
    /// The area the registry covers, for the pipeline's name (its one township or county).
    pub area_name: Option<String>,
}

#[derive(Debug)]
pub struct InputDraft {
    pub kind: TableKind,
    /// The files, relative to the folder (each workbook once).
    pub files: Vec<String>,
    /// The sheets read from its workbooks, if it has any.
    pub sheets: Option<SheetsDraft>,
    /// The encodings they were read in.
    pub encodings: BTreeSet<&'static str>,
    /// One per field of `kind.fields()`, in that order.
    pub columns: Vec<Column>,
    /// Headers that hold no figures (备注, 序号).
    pub ignored: Vec<String>,
    /// Headers that repeat a mapped field's figures in another unit (播种面积/公顷).
    pub copies: Vec<OtherUnit>,
    /// Headers not in the dictionary, with their closest words.
    pub unknown: Vec<Unknown>,
    /// What else the user should know (12-digit codes, years of a folder and its cells).
    pub notes: Vec<Note>,
}

/// A column whose every figure is a mapped field's in another unit: left unread.
#[derive(Debug, PartialEq, Eq)]
pub struct OtherUnit {
    pub header: String,
    pub field: &'static str,
    pub unit: &'static str,
}

#[derive(Debug)]
pub struct Column {
    pub field: &'static Field,
    pub mapping: Mapping,
    pub unit: Unit,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Mapping {
    /// The header in the file.
    Header(String),
    /// An optional registry column the files do not have.
    Absent,
    /// A required field no header names: the words it may go by.
    Missing,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Unit {
    /// Text and counts.
    None,
    /// As the header states it.
    Header(&'static str),
    /// As the unit line above a workbook's table states it (`单位：亩、公斤`).
    Line(&'static str),
    /// Decided by the figures (income per head is plausible in one unit only).
    Values {
        unit: &'static str,
        per_head: [i64; 2],
    },
    /// To be filled in: the header states none, or one that does not fit.
    Ask(UnitQuestion),
}

#[derive(Debug, PartialEq, Eq)]
pub enum UnitQuestion {
    NotStated,
    DoesNotFit(String),
    /// The unit line names several units of the field's dimension.
    SeveralInLine(Vec<String>),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Unknown {
    pub header: String,
    /// Fields whose words are closest, as (field, word).
    pub guesses: Vec<(&'static str, &'static str)>,
    /// The field another header of the file already names, if this one names it too.
    pub duplicate_of: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Note {
    /// Village codes of 12 digits: the areas above come from the codes where the registry
    /// has no column for them.
    TwelveDigitCodes,
    /// Village codes that are not 12-digit division codes, and a registry without township
    /// or county codes: a run refuses such a registry (it cannot place the villages).
    NoAreaCodes,
    /// Sheets of one of the input's workbooks that hold no table.
    SheetsNotRead { file: String, sheets: Vec<String> },
    /// A year folder whose files hold other years in their year column.
    YearsDisagree {
        file: String,
        folder: i32,
        cells: Vec<i32>,
    },
}

#[derive(Debug)]
pub struct Unrecognised {
    pub file: String,
    /// The sheet, in a workbook.
    pub sheet: Option<String>,
    pub why: Why,
}

#[derive(Debug)]
pub enum Why {
    Unreadable(String),
    /// The headers, and the tables they come closest to (with how many fields they name).
    NoTable {
        header: Vec<String>,
        closest: Vec<(TableKind, usize)>,
    },
    /// A second file of a table already read, with other headers: a pipeline maps one set.
    OtherHeaders {
        kind: TableKind,
        first: String,
    },
}

/// How well a file's headers fit a table: (every required field named, fields named).
pub type Fit = (bool, usize);

/// The fields each header names in table `kind`, and how well they fit.
pub fn fit(kind: TableKind, header: &[Header]) -> (Fit, Vec<Option<&'static str>>) {
    let mut named: Vec<Option<&'static str>> = Vec::new();
    for h in header {
        let field = headers::recognise(kind, h).map(|(f, _)| f);
        let field = field.filter(|f| !named.contains(&Some(*f)));
        named.push(field);
    }
    let complete = kind
        .fields()
        .iter()
        .filter(|f| !f.optional_column)
        .all(|f| named.contains(&Some(f.name)));
    ((complete, named.iter().flatten().count()), named)
}

/// The table a file holds: the one its headers fit best, when no other fits as well.
fn recognise(header: &[Header]) -> Result<TableKind, Vec<(TableKind, usize)>> {
    let mut fits: Vec<(Fit, TableKind)> = TableKind::ALL
        .into_iter()
        .map(|k| (fit(k, header).0, k))
        .collect();
    fits.sort_by_key(|f| std::cmp::Reverse(f.0));
    let closest = || {
        fits.iter()
            .filter(|(f, _)| f.1 > 0)
            .take(3)
            .map(|((_, n), k)| (*k, *n))
            .collect()
    };
    let (best, kind) = fits[0];
    let tied = fits[1].0 == best;
    // Two named fields at least: year and village code alone say nothing of the table.
    if tied || best.1 < 3 && !best.0 {
        return Err(closest());
    }
    Ok(kind)
}

/// A file recognised as a table, before files are gathered into inputs.
struct Read<'a> {
    found: &'a Found,
    grid: &'a Grid,
    kind: TableKind,
    /// The field each header names (in header order).
    named: Vec<Option<&'static str>>,
    headers: Vec<Header>,
}

impl Read<'_> {
    /// The column of field `name`.
    fn column(&self, name: &str) -> Option<usize> {
        self.named.iter().position(|f| *f == Some(name))
    }

    /// What the file maps: each field's header and stated unit (in the header or the unit
    /// line), for gathering files that are read the same way.
    fn signature(&self) -> Vec<Option<(String, Option<String>)>> {
        self.kind
            .fields()
            .iter()
            .map(|f| {
                let c = self.column(f.name)?;
                let stated = match (&self.headers[c].unit, self.line_unit(f)) {
                    (Some(u), _) => Some(u.clone()),
                    (None, Ok(u)) => u,
                    (None, Err(several)) => Some(several.join("、")),
                };
                Some((self.grid.header[c].clone(), stated))
            })
            .collect()
    }

    /// The unit the unit line above a workbook's table gives `field`: none, or the one of
    /// its dimension, or (`Err`) the several it names.
    fn line_unit(&self, field: &Field) -> Result<Option<String>, Vec<String>> {
        let Some(line) = &self.grid.unit_line else {
            return Ok(None);
        };
        let units = workbook_units::line_units(line);
        workbook_units::from_line(field.kind, &units).map(|u| u.map(|(u, _)| u))
    }

    /// The years of the year column's cells.
    fn years(&self) -> BTreeSet<i32> {
        let Some(c) = self.column("year") else {
            return BTreeSet::new();
        };
        self.grid
            .rows
            .iter()
            .filter_map(|r| r.get(c).and_then(|v| super::scan::parse_year(v)))
            .collect()
    }
}

/// Looks at every table found and drafts the pipeline's inputs.
pub fn detect(found: &[Found], mut other_files: Vec<String>) -> Draft {
    let mut unrecognised = Vec::new();
    let mut read: Vec<Read> = Vec::new();
    for f in found {
        let grid = match &f.content {
            Content::Table(grid) => grid,
            Content::Unreadable(why) => {
                unrecognised.push(unrecognised_at(f, Why::Unreadable(why.clone())));
                continue;
            }
        };
        let headers: Vec<Header> = grid.header.iter().map(|h| headers::split(h)).collect();
        match recognise(&headers) {
            Ok(kind) => {
                let (_, named) = fit(kind, &headers);
                read.push(Read {
                    found: f,
                    grid,
                    kind,
                    named,
                    headers,
                });
            }
            Err(closest) => {
                let header = grid.header.clone();
                unrecognised.push(unrecognised_at(f, Why::NoTable { header, closest }));
            }
        }
    }
    let not_read = sheets_not_read(&mut unrecognised, &read);
    other_files.extend(
        not_read
            .iter()
            .flat_map(|(file, sheets)| sheets.iter().map(move |s| format!("{file}[{s}]"))),
    );
    let mut years = BTreeSet::new();
    for r in &read {
        years.extend(r.years());
        years.extend(r.found.year_folder);
    }
    let groups = gather(read, &mut unrecognised);
    let population = Population::of(&groups);
    let inputs: Vec<InputDraft> = groups
        .iter()
        .map(|files| input(files, &population, &not_read))
        .collect();
    Draft {
        years: years.into_iter().collect(),
        inputs,
        unrecognised,
        other_files,
        area_name: area_name(&groups),
    }
}

impl Unrecognised {
    /// The file, and its sheet, as messages name them: `村报表.xlsx[说明]`.
    pub fn shown(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{}[{sheet}]", self.file),
            None => self.file.clone(),
        }
    }
}

fn unrecognised_at(f: &Found, why: Why) -> Unrecognised {
    Unrecognised {
        file: f.path.clone(),
        sheet: f.sheet.as_ref().map(|s| s.name.clone()),
        why,
    }
}

/// Takes out of `unrecognised` the sheets that hold no table in a workbook with a table
/// (notes, an empty Sheet2), or that are empty beside another sheet with something in it:
/// passed over, by workbook.
fn sheets_not_read(
    unrecognised: &mut Vec<Unrecognised>,
    read: &[Read],
) -> BTreeMap<String, Vec<String>> {
    let blank = |u: &Unrecognised| matches!(&u.why, Why::NoTable { header, .. } if header.iter().all(|h| h.is_empty()));
    let with_content: BTreeSet<String> = unrecognised
        .iter()
        .filter(|u| !blank(u))
        .map(|u| u.file.clone())
        .chain(read.iter().map(|r| r.found.path.clone()))
        .collect();
    let mut not_read: BTreeMap<String, Vec<String>> = BTreeMap::new();
    unrecognised.retain(|u| {
        let Some(sheet) = &u.sheet else {
            return true;
        };
        let table_beside = read.iter().any(|r| r.found.path == u.file);
        let pass = matches!(u.why, Why::NoTable { .. })
            && (table_beside || blank(u) && with_content.contains(&u.file));
        if pass {
            not_read
                .entry(u.file.clone())
                .or_default()
                .push(sheet.clone());
        }
        !pass
    });
    not_read
}

/// Files of one table read the same way form one input; a table's files with other headers
/// are listed apart (a pipeline maps one set of headers per table).
fn gather<'a>(read: Vec<Read<'a>>, unrecognised: &mut Vec<Unrecognised>) -> Vec<Vec<Read<'a>>> {
    let mut by_kind: BTreeMap<TableKind, Vec<Read>> = BTreeMap::new();
    for r in read {
        by_kind.entry(r.kind).or_default().push(r);
    }
    let mut groups = Vec::new();
    for (kind, files) in by_kind {
        let first = files[0].signature();
        let (same, other): (Vec<Read>, Vec<Read>) =
            files.into_iter().partition(|r| r.signature() == first);
        for r in other {
            let first = same[0].found.shown();
            unrecognised.push(unrecognised_at(r.found, Why::OtherHeaders { kind, first }));
        }
        groups.push(same);
    }
    groups
}

fn input(
    files: &[Read],
    population: &Population,
    not_read: &BTreeMap<String, Vec<String>>,
) -> InputDraft {
    let first = &files[0];
    let kind = first.kind;
    let columns = kind
        .fields()
        .iter()
        .map(|field| {
            let column = first.column(field.name);
            let mapping = match column {
                Some(c) => Mapping::Header(first.grid.header[c].clone()),
                None if field.optional_column => Mapping::Absent,
                None => Mapping::Missing,
            };
            let stated = column.and_then(|c| first.headers[c].unit.as_deref());
            Column {
                field,
                unit: unit(field, column.is_some(), stated, first.line_unit(field)),
                mapping,
            }
        })
        .collect::<Vec<_>>();
    let mut paths: Vec<String> = files.iter().map(|r| r.found.path.clone()).collect();
    paths.dedup();
    let mut notes = notes(files);
    for file in &paths {
        if let Some(sheets) = not_read.get(file) {
            let (file, sheets) = (file.clone(), sheets.clone());
            notes.push(Note::SheetsNotRead { file, sheets });
        }
    }
    let mut draft = InputDraft {
        kind,
        sheets: sheets(files),
        files: paths,
        encodings: files.iter().map(|r| r.grid.encoding).collect(),
        columns,
        ignored: Vec::new(),
        copies: Vec::new(),
        unknown: Vec::new(),
        notes,
    };
    for (c, h) in first.headers.iter().enumerate() {
        if first.named[c].is_some() {
            continue;
        }
        let header = first.grid.header[c].clone();
        let duplicate_of = headers::recognise(kind, h).map(|(f, _)| f);
        if headers::ignored(h) {
            draft.ignored.push(header);
        } else if let Some(copy) = duplicate_of.and_then(|f| other_unit(files, &draft, f, &header))
        {
            draft.copies.push(copy);
        } else {
            draft.unknown.push(Unknown {
                header,
                guesses: guesses(kind, h),
                duplicate_of,
            });
        }
    }
    if kind == TableKind::Income {
        population.income_unit(files, &mut draft.columns);
    }
    draft
}

/// The sheets an input reads from its workbooks, by workbook.
fn sheets(files: &[Read]) -> Option<SheetsDraft> {
    let mut books: Vec<(String, Vec<&Sheet>)> = Vec::new();
    for r in files {
        let Some(sheet) = &r.found.sheet else {
            continue;
        };
        match books.last_mut() {
            Some((path, sheets)) if *path == r.found.path => sheets.push(sheet),
            _ => books.push((r.found.path.clone(), vec![sheet])),
        }
    }
    (!books.is_empty()).then(|| sheet_choice::draft(&books))
}

/// Column `header`, which names `field` as a mapped column does, as a copy of that column's
/// figures in another unit: when both units are known and every row of every file agrees.
fn other_unit(
    files: &[Read],
    draft: &InputDraft,
    field: &'static str,
    header: &str,
) -> Option<OtherUnit> {
    let h = headers::split(header);
    let column = draft.columns.iter().find(|c| c.field.name == field)?;
    let FieldKind::Number(dimension) = column.field.kind else {
        return None;
    };
    let mapped = match column.unit {
        Unit::Header(u) | Unit::Line(u) => u,
        _ => return None,
    };
    let unit = headers::unit(dimension, h.unit.as_deref()?)?;
    let (fa, fb) = (dimension.factor(mapped)?, dimension.factor(unit)?);
    if unit == mapped {
        return None;
    }
    let agree = files.iter().all(|r| {
        let (Some(a), Some(b)) = (
            r.column(field),
            r.grid.header.iter().position(|x| x == header),
        ) else {
            return false;
        };
        let rows = r.grid.rows.iter().map(|row| (cell(row, a), cell(row, b)));
        super::copies::same_quantity(rows, fa, fb)
    });
    agree.then(|| OtherUnit {
        header: header.to_string(),
        field,
        unit,
    })
}

fn cell(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", String::as_str)
}

/// The unit of a field as its header states it, or else the unit line above the table.
fn unit(
    field: &Field,
    present: bool,
    stated: Option<&str>,
    line: Result<Option<String>, Vec<String>>,
) -> Unit {
    let FieldKind::Number(dimension) = field.kind else {
        return Unit::None;
    };
    if dimension == Dimension::Count || !present {
        return Unit::None;
    }
    match (stated, line) {
        (Some(s), _) => headers::unit(dimension, s).map_or_else(
            || Unit::Ask(UnitQuestion::DoesNotFit(s.to_string())),
            Unit::Header,
        ),
        (None, Ok(Some(u))) => headers::unit(dimension, &u).map_or_else(
            || Unit::Ask(UnitQuestion::DoesNotFit(u.clone())),
            Unit::Line,
        ),
        (None, Ok(None)) => Unit::Ask(UnitQuestion::NotStated),
        (None, Err(several)) => Unit::Ask(UnitQuestion::SeveralInLine(several)),
    }
}

/// The dictionary words closest to an unknown header, in its table: sharing at least half
/// of the longer one's characters.
fn guesses(kind: TableKind, header: &Header) -> Vec<(&'static str, &'static str)> {
    let mut scored: Vec<(usize, &'static str, &'static str)> = headers::all()
        .filter(|(k, _, _)| *k == kind)
        .filter_map(|(_, field, word)| {
            let shared = shared_chars(&header.name, word);
            let longer = header.name.chars().count().max(word.chars().count());
            (shared * 2 >= longer && shared > 0).then_some((shared * 1000 / longer, field, word))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(b.2)));
    let mut out: Vec<(&str, &str)> = Vec::new();
    for (_, field, word) in scored {
        if !out.iter().any(|(f, _)| *f == field) {
            out.push((field, word));
        }
    }
    out.truncate(3);
    out
}

fn shared_chars(a: &str, b: &str) -> usize {
    let mut rest: Vec<char> = b.chars().collect();
    a.chars()
        .filter(|c| {
            let at = rest.iter().position(|x| x == c);
            at.map(|i| rest.swap_remove(i)).is_some()
        })
        .count()
}

fn notes(files: &[Read]) -> Vec<Note> {
    let mut notes = Vec::new();
    let first = &files[0];
    if first.kind == TableKind::Villages {
        if let Some(c) = first.column("village_code") {
            let twelve = files.iter().all(|r| {
                r.grid.rows.iter().all(|row| {
                    row.get(c)
                        .is_some_and(|v| v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()))
                })
            });
            let given = |field| first.column(field).is_some();
            if twelve {
                notes.push(Note::TwelveDigitCodes);
            } else if !(given("township_code") && given("county_code")) {
                notes.push(Note::NoAreaCodes);
            }
        }
    }
    for r in files {
        let cells = r.years();
        if let Some(folder) = r.found.year_folder {
            if !cells.is_empty() && cells != BTreeSet::from([folder]) {
                notes.push(Note::YearsDisagree {
                    file: r.found.path.clone(),
                    folder,
                    cells: cells.into_iter().collect(),
                });
            }
        }
    }
    notes
}

/// The one township (or else county) the registry names, if it names one.
fn area_name(groups: &[Vec<Read>]) -> Option<String> {
    let registry = groups.iter().find(|g| g[0].kind == TableKind::Villages)?;
    ["township_name", "county_name"]
        .into_iter()
        .find_map(|field| {
            let c = registry[0].column(field)?;
            let names: BTreeSet<&str> = registry
                .iter()
                .flat_map(|r| r.grid.rows.iter().filter_map(|row| row.get(c)))
                .map(String::as_str)
                .filter(|n| !n.is_empty())
                .collect();
            (names.len() == 1).then(|| names.into_iter().next().unwrap_or_default().to_string())
        })
}

/// The registry's population by (year, village code), to decide the unit of income columns
/// whose headers state none: per head, income is plausible in one of 元 and 万元 only.
struct Population(BTreeMap<(Option<i32>, String), i64>);

/// Per-head net income of a village in a year, in 元, that no unit mistake produces: a
/// judgement, far wider than any village's (a factor 10,000 separates 元 from 万元).
const PLAUSIBLE_PER_HEAD: std::ops::RangeInclusive<i64> = 300..=300_000;

impl Population {
    fn of(groups: &[Vec<Read>]) -> Population {
        let mut map = BTreeMap::new();
        let Some(registry) = groups.iter().find(|g| g[0].kind == TableKind::Villages) else {
            return Population(map);
        };
        for r in registry {
            let (Some(code), Some(people)) = (r.column("village_code"), r.column("population"))
            else {
                continue;
            };
            for row in &r.grid.rows {
                let year = row_year(r, row);
                if let (Some(c), Some(p)) = (row.get(code), row.get(people).and_then(|p| number(p)))
                {
                    map.insert((year, c.clone()), p);
                }
            }
        }
        Population(map)
    }

    /// Sets the unit of the income columns that state none, where the figures decide it.
    fn income_unit(&self, files: &[Read], columns: &mut [Column]) {
        let asked: Vec<usize> = (0..columns.len())
            .filter(|&i| columns[i].unit == Unit::Ask(UnitQuestion::NotStated))
            .collect();
        let money = columns
            .iter()
            .filter(|c| c.field.kind == FieldKind::Number(Dimension::Money))
            .count();
        // Only when no column states a unit: a sum over columns in different units says
        // nothing.
        if asked.len() != money || asked.is_empty() {
            return;
        }
        let Some(per_head) = self.median_per_head(files, columns, &asked) else {
            return;
        };
        let yuan = |factor: f64| (per_head * factor).round() as i64;
        let candidates = [("元", yuan(1.0)), ("万元", yuan(10_000.0))];
        let plausible: Vec<&(&str, i64)> = candidates
            .iter()
            .filter(|(_, v)| PLAUSIBLE_PER_HEAD.contains(v))
            .collect();
        if let [(unit, _)] = plausible[..] {
            for i in asked {
                columns[i].unit = Unit::Values {
                    unit,
                    per_head: [candidates[0].1, candidates[1].1],
                };
            }
        }
    }

    /// The median over village rows of the income columns' sum per head of population (a
    /// float: only compared with a range far wider than its rounding).
    fn median_per_head(&self, files: &[Read], columns: &[Column], asked: &[usize]) -> Option<f64> {
        let mut per_head = Vec::new();
        for r in files {
            let code = r.column("village_code")?;
            let cols: Vec<usize> = asked
                .iter()
                .filter_map(|&i| r.column(columns[i].field.name))
                .collect();
            for row in &r.grid.rows {
                let key = (row_year(r, row), row.get(code)?.clone());
                let people = self
                    .0
                    .get(&key)
                    .or_else(|| self.0.get(&(None, key.1.clone())));
                let sum: Option<i64> = cols
                    .iter()
                    .map(|&c| row.get(c).and_then(|v| number(v)))
                    .sum();
                if let (Some(&p), Some(s)) = (people, sum) {
                    if p > 0 {
                        per_head.push(s as f64 / p as f64);
                    }
                }
            }
        }
        per_head.sort_unstable_by(f64::total_cmp);
        per_head.get(per_head.len() / 2).copied()
    }
}

/// A row's year: its year cell, or its year folder.
fn row_year(r: &Read, row: &[String]) -> Option<i32> {
    r.column("year")
        .and_then(|c| row.get(c))
        .and_then(|v| super::scan::parse_year(v))
        .or(r.found.year_folder)
}

/// A cell's number in 10⁻⁴ units, as agristat reads numbers (thousands separators,
/// full-width digits).
fn number(text: &str) -> Option<i64> {
    crate::number::parse(text, rust_decimal::Decimal::ONE, false)
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(path: &str, header: &[&str], rows: &[&[&str]]) -> Found {
        Found {
            path: path.to_string(),
            year_folder: super::super::scan::year_folder(path),
            sheet: None,
            content: Content::Table(Grid {
                header: header.iter().map(|h| h.to_string()).collect(),
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.to_string()).collect())
                    .collect(),
                encoding: "UTF-8",
                unit_line: None,
            }),
        }
    }

    fn kind_of(header: &[&str]) -> Result<TableKind, Vec<(TableKind, usize)>> {
        let headers: Vec<Header> = header.iter().map(|h| headers::split(h)).collect();
        recognise(&headers)
    }

    #[test]
    fn tables_are_told_apart_by_their_headers() {
        assert_eq!(
            kind_of(&["年份", "村代码", "作物", "面积(亩)", "产量(吨)"]),
            Ok(TableKind::Crops)
        );
        assert_eq!(
            kind_of(&["年份", "村代码", "畜种", "出栏数", "产量"]),
            Ok(TableKind::Slaughter)
        );
        assert_eq!(
            kind_of(&["年份", "村代码", "畜种", "存栏数"]),
            Ok(TableKind::Livestock)
        );
        assert_eq!(
            kind_of(&["统计年度", "产品名称", "均价"]),
            Ok(TableKind::Prices)
        );
        assert_eq!(kind_of(&["代码", "名称"]), Ok(TableKind::Regions));
        // Year and village code alone say nothing: every village table has them.
        assert!(kind_of(&["年份", "村代码", "备注"]).is_err());
    }

    #[test]
    fn income_without_units_takes_the_unit_its_figures_make_plausible_or_asks() {
        let registry = table(
            "v.csv",
            &["年份", "村代码", "村名", "户数", "人口", "贫困户数"],
            &[
                &["2021", "1", "甲", "10", "100", "1"],
                &["2021", "2", "乙", "10", "200", "1"],
            ],
        );
        let income = |values: [&str; 2]| {
            table(
                "i.csv",
                &[
                    "年份",
                    "村代码",
                    "工资收入",
                    "经营净收入",
                    "财产净收入",
                    "转移净收入",
                ],
                &[
                    &["2021", "1", values[0], "0", "0", "0"],
                    &["2021", "2", values[1], "0", "0", "0"],
                ],
            )
        };
        let unit_of = |values| {
            let draft = detect(&[registry.clone(), income(values)], Vec::new());
            let input = draft
                .inputs
                .iter()
                .find(|i| i.kind == TableKind::Income)
                .unwrap();
            match &input.columns[2].unit {
                Unit::Values { unit, .. } => Some(*unit),
                Unit::Ask(UnitQuestion::NotStated) => None,
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(unit_of(["800000", "1600000"]), Some("元"));
        assert_eq!(unit_of(["80", "160"]), Some("万元"));
        // 30 元 or 300,000 元 a head: the figures decide nothing, so the file asks.
        assert_eq!(unit_of(["0.3", "0.6"]), None);
        assert_eq!(unit_of(["5000", "10000"]), None);
    }
}
