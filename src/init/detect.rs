//! Which table each file holds, which header is which field, in which unit, and for which
//! years: decided from the headers (`headers.rs`) and the cells, never guessed silently.
//! What cannot be decided stays in the draft as a question for the user.

use std::collections::{BTreeMap, BTreeSet};

use super::headers::{self, Header};
use super::scan::{Content, Found, Grid};
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
    /// The files, relative to the folder.
    pub files: Vec<String>,
    /// The encodings they were read in.
    pub encodings: BTreeSet<&'static str>,
    /// One per field of `kind.fields()`, in that order.
    pub columns: Vec<Column>,
    /// Headers that hold no figures (备注, 序号).
    pub ignored: Vec<String>,
    /// Headers not in the dictionary, with their closest words.
    pub unknown: Vec<Unknown>,
    /// What else the user should know (12-digit codes, years of a folder and its cells).
    pub notes: Vec<Note>,
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
type Fit = (bool, usize);

/// The fields each header names in table `kind`, and how well they fit.
fn fit(kind: TableKind, header: &[Header]) -> (Fit, Vec<Option<&'static str>>) {
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

    /// What the file maps: each field's header and stated unit, for gathering files that
    /// are read the same way.
    fn signature(&self) -> Vec<Option<(String, Option<String>)>> {
        self.kind
            .fields()
            .iter()
            .map(|f| {
                let c = self.column(f.name)?;
                Some((self.grid.header[c].clone(), self.headers[c].unit.clone()))
            })
            .collect()
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
pub fn detect(found: &[Found], other_files: Vec<String>) -> Draft {
    let mut unrecognised = Vec::new();
    let mut read: Vec<Read> = Vec::new();
    for f in found {
        let grid = match &f.content {
            Content::Table(grid) => grid,
            Content::Unreadable(why) => {
                unrecognised.push(Unrecognised {
                    file: f.path.clone(),
                    why: Why::Unreadable(why.clone()),
                });
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
            Err(closest) => unrecognised.push(Unrecognised {
                file: f.path.clone(),
                why: Why::NoTable {
                    header: grid.header.clone(),
                    closest,
                },
            }),
        }
    }
    let mut years = BTreeSet::new();
    for r in &read {
        years.extend(r.years());
        years.extend(r.found.year_folder);
    }
    let groups = gather(read, &mut unrecognised);
    let population = Population::of(&groups);
    let inputs: Vec<InputDraft> = groups
        .iter()
        .map(|files| input(files, &population))
        .collect();
    Draft {
        years: years.into_iter().collect(),
        inputs,
        unrecognised,
        other_files,
        area_name: area_name(&groups),
    }
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
            unrecognised.push(Unrecognised {
                file: r.found.path.clone(),
                why: Why::OtherHeaders {
                    kind,
                    first: same[0].found.path.clone(),
                },
            });
        }
        groups.push(same);
    }
    groups
}

fn input(files: &[Read], population: &Population) -> InputDraft {
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
                unit: unit(field, column.is_some(), stated),
                mapping,
            }
        })
        .collect::<Vec<_>>();
    let mut draft = InputDraft {
        kind,
        files: files.iter().map(|r| r.found.path.clone()).collect(),
        encodings: files.iter().map(|r| r.grid.encoding).collect(),
        columns,
        ignored: Vec::new(),
        unknown: Vec::new(),
        notes: notes(files),
    };
    for (c, h) in first.headers.iter().enumerate() {
        if first.named[c].is_some() {
            continue;
        }
        let header = first.grid.header[c].clone();
        if headers::ignored(h) {
            draft.ignored.push(header);
        } else {
            let duplicate_of = headers::recognise(kind, h).map(|(f, _)| f);
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

/// The unit of a field as its header states it.
fn unit(field: &Field, present: bool, stated: Option<&str>) -> Unit {
    let FieldKind::Number(dimension) = field.kind else {
        return Unit::None;
    };
    if dimension == Dimension::Count || !present {
        return Unit::None;
    }
    match stated {
        Some(s) => headers::unit(dimension, s).map_or_else(
            || Unit::Ask(UnitQuestion::DoesNotFit(s.to_string())),
            Unit::Header,
        ),
        None => Unit::Ask(UnitQuestion::NotStated),
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
            content: Content::Table(Grid {
                header: header.iter().map(|h| h.to_string()).collect(),
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.to_string()).collect())
                    .collect(),
                encoding: "UTF-8",
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
