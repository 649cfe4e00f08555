//! The resolved plan: the pipeline file checked against the canonical tables, paths expanded,
//! units turned into exact factors. Every problem is collected with its position.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rust_decimal::Decimal;
use toml::Spanned;

use super::charts::{self, ChartsPlan};
use super::joined;
use super::sheets::{self, SheetOptions};
use super::spec::{RawHeader, RawInput, RawOutputs, RawPipeline, RawYears};
use crate::catalogue;
use crate::error::{did_you_mean, Error, Location, Problem, Result};
use crate::lang::Msg;
use crate::level::Level;
use crate::schema::{FieldKind, TableKind};
use crate::tr;
use crate::units::Dimension;

/// How an input's bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030.
    Auto,
    Utf8,
    /// GB18030, which also reads GBK and GB2312 files.
    Gb18030,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub pipeline_file: PathBuf,
    pub name: String,
    /// The report year.
    pub year: i32,
    /// Every year the pipeline reads, oldest first; holds `year`, `previous_year` and
    /// `base_year`.
    pub years: Vec<i32>,
    /// The year the report year is compared with (比上年: usually `year - 1`). Every other
    /// year is compared with the year as many years before it.
    pub previous_year: Option<i32>,
    /// The base year of total growth and average annual growth (年均增长率).
    pub base_year: Option<i32>,
    /// The levels above the village to aggregate to, bottom first. `None`: township, and
    /// county when the registry holds several townships.
    pub levels: Option<Vec<Level>>,
    /// The name of the whole-run total, when `levels` holds `total`.
    pub total_name: String,
    pub villages_output: VillagesOutput,
    /// The levels shown in totals.md and on the terminal; `None`: as many top levels as fit.
    pub report_levels: Option<Vec<Level>>,
    /// Whether a run writes totals.xlsx (`[outputs] xlsx`, default true).
    pub xlsx_output: bool,
    pub output_dir: PathBuf,
    /// `[reference] products`, or the built-in catalogue when the pipeline names none.
    pub products: catalogue::Source,
    pub change_threshold_pct: f64,
    pub inputs: BTreeMap<TableKind, InputPlan>,
    pub charts: ChartsPlan,
}

/// Whether a run writes villages.csv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VillagesOutput {
    /// Up to `VILLAGES_OUTPUT_AUTO_LIMIT` villages.
    Auto,
    Always,
    Never,
}

/// Above this many villages, villages.csv is written only when the pipeline asks for it: a
/// country's per-village figures are millions of rows that no spreadsheet opens.
pub const VILLAGES_OUTPUT_AUTO_LIMIT: usize = 5_000;

impl Plan {
    /// How many years back each year is compared (`year - previous_year`).
    pub fn comparison_gap(&self) -> Option<i32> {
        self.previous_year.map(|p| self.year - p)
    }

    /// The year `year` is compared with, if it is one of the pipeline's.
    pub fn compared_with(&self, year: i32) -> Option<i32> {
        let earlier = year - self.comparison_gap()?;
        self.years.contains(&earlier).then_some(earlier)
    }
}

#[derive(Debug, Clone)]
pub struct InputPlan {
    pub kind: TableKind,
    pub files: Vec<PathBuf>,
    pub encoding: Encoding,
    /// The header each canonical field is read from, in the order of `kind.fields()`.
    pub headers: Vec<String>,
    /// The unit declared for each field ("" for counts and text), same order.
    pub units: Vec<String>,
    /// The exact factor from the declared unit to the canonical one, same order.
    pub factors: Vec<Decimal>,
    /// Whether `[inputs.X.units]` declares each field's unit, same order. A workbook's own
    /// unit (in a header or a unit line) is used only where it does not.
    pub unit_declared: Vec<bool>,
    /// Which sheets of a workbook are read, and where their header is.
    pub sheets: SheetOptions,
    /// Whether `[inputs.X.columns]` maps each field explicitly, same order. A field with an
    /// optional column that the pipeline maps must be in the file.
    pub mapped: Vec<bool>,
    pub ignore_columns: Vec<String>,
    pub expect_every_village: bool,
}

impl InputPlan {
    pub fn header<'a>(&'a self, field: &'a str) -> &'a str {
        let i = self.kind.fields().iter().position(|f| f.name == field);
        i.map_or(field, |i| self.headers[i].as_str())
    }
}

const DEFAULT_CHANGE_THRESHOLD_PCT: f64 = 50.0;

/// Reads and resolves a pipeline file.
pub fn load(path: &Path) -> Result<Plan> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io(path, Msg::CfgReadingPipeline, e))?;
    resolve(path, &text)
}

/// Resolves the text of a pipeline file found at `path` (paths inside are relative to it).
pub fn resolve(path: &Path, text: &str) -> Result<Plan> {
    let raw: RawPipeline = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_column(text, s.start));
        let message = super::toml_text::message(e.message());
        Error::Config(vec![Problem::new(
            Location::at(path, line, column),
            message,
        )])
    })?;
    let mut resolver = Resolver {
        path,
        text,
        base: path.parent().unwrap_or(Path::new("")),
        problems: Vec::new(),
    };
    let plan = resolver.plan(raw);
    if resolver.problems.is_empty() {
        Ok(plan)
    } else {
        resolver.problems.sort();
        Err(Error::Config(resolver.problems))
    }
}

struct Resolver<'a> {
    path: &'a Path,
    text: &'a str,
    base: &'a Path,
    problems: Vec<Problem>,
}

impl Resolver<'_> {
    fn at<T>(&self, value: &Spanned<T>) -> Location {
        let (line, column) = line_column(self.text, value.span().start);
        Location::at(self.path, line, column)
    }

    fn problem<T>(&mut self, value: &Spanned<T>, message: String, hint: Option<String>) {
        let location = self.at(value);
        self.problems
            .push(Problem::new(location, message).with_hint(hint));
    }

    fn plan(&mut self, raw: RawPipeline) -> Plan {
        let year = *raw.pipeline.year.get_ref();
        let (years, previous_year, base_year) = self.years(&raw.pipeline);
        let levels = raw
            .pipeline
            .levels
            .as_ref()
            .map(|l| self.levels(l, "pipeline.levels"));
        let report_levels = raw
            .outputs
            .report_levels
            .as_ref()
            .map(|l| self.levels(l, "outputs.report_levels"));
        let villages_output = self.villages_output(&raw.outputs);

        let products = match &raw.reference.products {
            Some(p) => catalogue::Source::File(self.base_path(p.get_ref())),
            None => catalogue::Source::BuiltIn,
        };
        let change_threshold_pct = match &raw.plausibility.change_threshold_pct {
            Some(t) if *t.get_ref() <= 0.0 || !t.get_ref().is_finite() => {
                let message = tr!(Msg::CfgThreshold, value = t.get_ref());
                self.problem(t, message, None);
                DEFAULT_CHANGE_THRESHOLD_PCT
            }
            Some(t) => *t.get_ref(),
            None => DEFAULT_CHANGE_THRESHOLD_PCT,
        };

        let mut inputs = BTreeMap::new();
        for (name, input) in &raw.inputs {
            match TableKind::from_name(name.get_ref()) {
                Some(kind) => {
                    let plan = self.input(kind, input, &years);
                    inputs.insert(kind, plan);
                }
                None if is_todo(name.get_ref()) => {
                    let place = format!("[inputs.\"{}\"]", name.get_ref());
                    let expected = tr!(Msg::CfgTodoTable, tables = joined(&table_names()));
                    self.problem(name, todo_message(&place, name.get_ref(), &expected), None);
                }
                None => {
                    let hint =
                        did_you_mean(name.get_ref(), TableKind::ALL.iter().map(|k| k.name()));
                    let message = tr!(
                        Msg::CfgUnknownTable,
                        name = name.get_ref(),
                        tables = joined(&table_names())
                    );
                    self.problem(name, message, hint);
                }
            }
        }
        if !inputs.contains_key(&TableKind::Villages) {
            self.problems.push(Problem::new(
                Location::file(self.path),
                tr!(Msg::CfgNoVillages),
            ));
        }
        let priced = [TableKind::Crops, TableKind::Slaughter]
            .iter()
            .any(|k| inputs.contains_key(k));
        if priced && !inputs.contains_key(&TableKind::Prices) {
            self.problems.push(Problem::new(
                Location::file(self.path),
                tr!(Msg::CfgNoPrices),
            ));
        }

        let charts = {
            let (text, path) = (self.text, self.path);
            let at = move |span: std::ops::Range<usize>| {
                let (line, column) = line_column(text, span.start);
                Location::at(path, line, column)
            };
            charts::resolve(&raw.charts, &at, &mut self.problems)
        };

        Plan {
            charts,
            pipeline_file: self.path.to_path_buf(),
            name: raw.pipeline.name,
            year,
            years,
            previous_year,
            base_year,
            levels,
            total_name: raw
                .pipeline
                .total_name
                .unwrap_or_else(|| "合计".to_string()),
            villages_output,
            report_levels,
            xlsx_output: raw.outputs.xlsx.unwrap_or(true),
            output_dir: self.base_path(raw.pipeline.output.get_ref()),
            products,
            change_threshold_pct,
            inputs,
        }
    }

    /// The years of the pipeline, its comparison year and its base year, checked.
    fn years(&mut self, raw: &RawHeader) -> (Vec<i32>, Option<i32>, Option<i32>) {
        let year = *raw.year.get_ref();
        let mut years = vec![year];
        if let Some(listed) = &raw.years {
            let parsed = match listed.get_ref() {
                RawYears::List(list) => Some(list.clone()),
                RawYears::Range(text) => parse_year_range(text),
            };
            match parsed {
                Some(list) if !list.is_empty() && list.len() <= MAX_YEARS => {
                    if !list.contains(&year) {
                        let message = tr!(Msg::CfgYearsLackYear, year = year);
                        self.problem(listed, message, None);
                    }
                    years.extend(list);
                }
                _ => self.problem(listed, tr!(Msg::CfgYearsBad, max = MAX_YEARS), None),
            }
        }
        let explicit = raw.years.is_some();
        let mut earlier = |value: &Option<Spanned<i32>>, what: &str, this: &mut Self| {
            let v = value.as_ref()?;
            let y = *v.get_ref();
            if y >= year {
                let message = tr!(Msg::CfgNotBefore, key = what, value = y, year = year);
                this.problem(v, message, None);
                return None;
            }
            if explicit && !years.contains(&y) {
                let message = tr!(Msg::CfgNotInYears, key = what, value = y);
                this.problem(v, message, None);
            }
            years.push(y);
            Some(y)
        };
        let mut previous_year = earlier(&raw.previous_year, "previous_year", self);
        let base_year = earlier(&raw.base_year, "base_year", self);
        years.sort_unstable();
        years.dedup();
        if raw.previous_year.is_none() && years.contains(&(year - 1)) {
            previous_year = Some(year - 1);
        }
        (years, previous_year, base_year)
    }

    fn levels(&mut self, raw: &Spanned<Vec<Spanned<String>>>, what: &str) -> Vec<Level> {
        let mut levels = Vec::new();
        for name in raw.get_ref() {
            match Level::from_key(name.get_ref()) {
                Some(Level::Village) | None => {
                    let keys = Level::ALL[1..].iter().map(|l| l.key());
                    let list: Vec<&str> = keys.clone().collect();
                    let message = tr!(
                        Msg::CfgUnknownLevel,
                        key = what,
                        name = name.get_ref(),
                        levels = joined(&list)
                    );
                    self.problem(name, message, did_you_mean(name.get_ref(), keys));
                }
                Some(level) => levels.push(level),
            }
        }
        levels.sort();
        levels.dedup();
        if levels.is_empty() && self.problems.is_empty() {
            self.problem(raw, tr!(Msg::CfgNoLevel, key = what), None);
        }
        levels
    }

    fn villages_output(&mut self, raw: &RawOutputs) -> VillagesOutput {
        let Some(value) = &raw.villages else {
            return VillagesOutput::Auto;
        };
        match value.get_ref() {
            toml::Value::Boolean(true) => VillagesOutput::Always,
            toml::Value::Boolean(false) => VillagesOutput::Never,
            toml::Value::String(s) if s == "auto" => VillagesOutput::Auto,
            other => {
                self.problem(value, tr!(Msg::CfgVillagesOutput, value = other), None);
                VillagesOutput::Auto
            }
        }
    }

    fn input(&mut self, kind: TableKind, raw: &RawInput, years: &[i32]) -> InputPlan {
        let fields = kind.fields();
        let mut headers: Vec<String> = fields.iter().map(|f| f.name.to_string()).collect();
        let mut units: Vec<String> = fields
            .iter()
            .map(|f| match f.kind {
                FieldKind::Number(d) => d.canonical().to_string(),
                _ => String::new(),
            })
            .collect();
        let mut factors = vec![Decimal::ONE; fields.len()];
        let mut unit_declared = vec![false; fields.len()];
        let mut mapped = vec![false; fields.len()];
        let field_names: Vec<&str> = fields.iter().map(|f| f.name).collect();

        for (field, header) in &raw.columns {
            match fields.iter().position(|f| f.name == field.get_ref()) {
                Some(_) if is_todo(header.get_ref()) => {
                    let place = format!("inputs.{}.columns.{}", kind.name(), field.get_ref());
                    self.problem(
                        header,
                        todo_message(&place, header.get_ref(), &tr!(Msg::CfgTodoHeader)),
                        None,
                    );
                }
                Some(i) => {
                    headers[i] = header.get_ref().trim().to_string();
                    mapped[i] = true;
                }
                None => self.problem(
                    field,
                    tr!(
                        Msg::CfgUnknownColumnField,
                        table = kind.name(),
                        field = field.get_ref(),
                        fields = joined(&field_names)
                    ),
                    did_you_mean(field.get_ref(), field_names.iter().copied()),
                ),
            }
        }
        for (field, unit) in &raw.units {
            let Some(i) = fields.iter().position(|f| f.name == field.get_ref()) else {
                self.problem(
                    field,
                    tr!(
                        Msg::CfgUnknownUnitField,
                        table = kind.name(),
                        field = field.get_ref()
                    ),
                    did_you_mean(field.get_ref(), field_names.iter().copied()),
                );
                continue;
            };
            match fields[i].kind {
                FieldKind::Number(d) if d != Dimension::Count && is_todo(unit.get_ref()) => {
                    let place = format!("inputs.{}.units.{}", kind.name(), field.get_ref());
                    let expected = tr!(Msg::CfgTodoUnit, units = joined(&d.unit_names()));
                    self.problem(unit, todo_message(&place, unit.get_ref(), &expected), None);
                }
                FieldKind::Number(d) if d != Dimension::Count => match d.factor(unit.get_ref()) {
                    Some(factor) => {
                        factors[i] = factor;
                        units[i] = unit.get_ref().trim().to_string();
                        unit_declared[i] = true;
                    }
                    None => self.problem(
                        unit,
                        tr!(
                            Msg::CfgUnknownUnit,
                            table = kind.name(),
                            field = field.get_ref(),
                            unit = unit.get_ref(),
                            units = joined(&d.unit_names())
                        ),
                        did_you_mean(unit.get_ref(), d.unit_names()),
                    ),
                },
                _ => self.problem(
                    field,
                    tr!(Msg::CfgNoUnit, table = kind.name(), field = field.get_ref()),
                    None,
                ),
            }
        }

        let encoding = match &raw.encoding {
            None => Encoding::Auto,
            Some(e) => match e
                .get_ref()
                .to_ascii_lowercase()
                .replace(['-', '_'], "")
                .as_str()
            {
                "auto" => Encoding::Auto,
                "utf8" | "utf8bom" => Encoding::Utf8,
                "gbk" | "gb2312" | "gb18030" => Encoding::Gb18030,
                _ => {
                    self.problem(
                        e,
                        tr!(
                            Msg::CfgUnknownEncoding,
                            table = kind.name(),
                            encoding = e.get_ref()
                        ),
                        None,
                    );
                    Encoding::Auto
                }
            },
        };

        let mut files = Vec::new();
        for pattern in raw.path.get_ref().iter() {
            let expanded: Vec<String> = if pattern.contains("{year}") {
                years
                    .iter()
                    .map(|y| pattern.replace("{year}", &y.to_string()))
                    .collect()
            } else {
                vec![pattern.clone()]
            };
            for p in expanded {
                let full = self.base_path(&p);
                let found = expand(&full);
                if found.is_empty() {
                    let msg = if is_glob(&p) {
                        Msg::CfgNoFileMatches
                    } else {
                        Msg::CfgNoSuchFile
                    };
                    let message = tr!(msg, table = kind.name(), path = full.display());
                    self.problem(&raw.path, message, None);
                }
                files.extend(found);
            }
        }
        files.sort();
        files.dedup();
        let sheets = {
            let (text, path) = (self.text, self.path);
            let at = move |span: std::ops::Range<usize>| {
                let (line, column) = line_column(text, span.start);
                Location::at(path, line, column)
            };
            sheets::resolve(
                kind.name(),
                raw.sheet.as_ref(),
                raw.header_row.as_ref(),
                &at,
                &mut self.problems,
            )
        };

        InputPlan {
            kind,
            files,
            encoding,
            headers,
            units,
            factors,
            unit_declared,
            sheets,
            mapped,
            ignore_columns: raw
                .ignore_columns
                .iter()
                .map(|c| c.trim().to_string())
                .collect(),
            expect_every_village: raw
                .expect_every_village
                .unwrap_or_else(|| kind.expected_from_every_village()),
        }
    }

    fn base_path(&self, p: &str) -> PathBuf {
        normalize(&self.base.join(p))
    }
}

/// What `agristat init` writes where it could not decide (a header, a unit): a value that
/// `check` and `run` refuse until someone fills it in. No header or unit begins so.
pub const TODO: &str = "TODO";

pub fn is_todo(value: &str) -> bool {
    value.trim_start().starts_with(TODO)
}

fn todo_message(place: &str, value: &str, expected: &str) -> String {
    tr!(
        Msg::CfgTodo,
        place = place,
        value = value,
        expected = expected
    )
}

/// The names of the input tables, as `[inputs.NAME]` writes them.
fn table_names() -> Vec<&'static str> {
    TableKind::ALL.iter().map(|k| k.name()).collect()
}

/// At most this many years in one pipeline (a plan period is 5; a long trend 20 or 30).
const MAX_YEARS: usize = 60;

/// `"2015..=2019"` or `"2015..2020"` (end excluded), as Rust writes ranges.
fn parse_year_range(text: &str) -> Option<Vec<i32>> {
    let (start, rest, inclusive) = match text.split_once("..=") {
        Some((a, b)) => (a, b, true),
        None => {
            let (a, b) = text.split_once("..")?;
            (a, b, false)
        }
    };
    let start: i32 = start.trim().parse().ok()?;
    let end: i32 = rest.trim().parse().ok()?;
    let end = if inclusive { end } else { end - 1 };
    (start <= end && end - start < MAX_YEARS as i32).then(|| (start..=end).collect())
}

fn is_glob(p: &str) -> bool {
    p.contains(['*', '?', '['])
}

fn expand(path: &Path) -> Vec<PathBuf> {
    let text = path.to_string_lossy();
    if !is_glob(&text) {
        return if path.is_file() {
            vec![path.to_path_buf()]
        } else {
            Vec::new()
        };
    }
    match glob::glob(&text) {
        Ok(paths) => paths
            .filter_map(|p| p.ok())
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Removes `.` and `..` without touching the file system, so that messages show
/// `data/x.csv` rather than `pipelines/../data/x.csv`.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir) | Some(Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out.iter().collect()
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u64 + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        match resolve(Path::new("p.toml"), text) {
            Ok(_) => Vec::new(),
            Err(Error::Config(ps)) => ps.iter().map(|p| p.to_string()).collect(),
            Err(e) => vec![e.to_string()],
        }
    }

    #[test]
    fn normalizes_parent_components() {
        assert_eq!(
            normalize(Path::new("pipelines/../data/x.csv")),
            PathBuf::from("data/x.csv")
        );
        assert_eq!(normalize(Path::new("../a/./b")), PathBuf::from("../a/b"));
    }

    #[test]
    fn collects_every_problem_with_its_position() {
        let text = "[pipeline]\nname = \"t\"\nyear = 2019\nprevious_year = 2020\noutput = \"out\"\n\n\
                    [inputs.crop]\npath = \"x.csv\"\n\n\
                    [inputs.villages]\npath = \"nowhere.csv\"\nunits = { population = \"人\" }\ncolumns = { sown_area = \"面积\" }\n";
        assert_eq!(
            problems(text),
            vec![
                "p.toml:4:17: previous_year 2020 is not before year 2019",
                "p.toml:7:9: unknown input table \"crop\" (expected one of villages, crops, livestock, slaughter, dividends, income, prices, other_output, regions); did you mean \"crops\"?",
                "p.toml:11:8: inputs.villages.path: no such file \"nowhere.csv\"",
                "p.toml:12:11: inputs.villages.units: field \"population\" has no unit to declare",
                "p.toml:13:13: inputs.villages.columns: unknown field \"sown_area\" (expected one of year, village_code, village_name, township_code, township_name, county_code, county_name, prefecture_code, prefecture_name, province_code, province_name, households, population, poor_households)",
            ]
        );
    }

    #[test]
    fn a_todo_left_by_init_is_refused_never_read_as_a_header_or_unit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("c.csv"), "").unwrap();
        std::fs::write(dir.path().join("v.csv"), "").unwrap();
        let text = "[pipeline]\nname = \"t\"\nyear = 2019\noutput = \"out\"\n\
                    [inputs.villages]\npath = \"v.csv\"\n\
                    [inputs.crops]\npath = \"c.csv\"\n\
                    columns = { output = \"TODO: 产量列？\" }\n\
                    units = { sown_area = \"TODO: 亩 或 公顷？\" }\n";
        let found = match resolve(&dir.path().join("p.toml"), text) {
            Err(Error::Config(ps)) => ps.iter().map(|p| p.message.clone()).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            found,
            [
                "[inputs.prices] is missing (expected prices for the crops and animal products, to value output)",
                "inputs.crops.columns.output is still to be filled in (\"TODO: 产量列？\"; write the header of its column in the file)",
                "inputs.crops.units.sown_area is still to be filled in (\"TODO: 亩 或 公顷？\"; write the unit of the column: 亩, 公顷)",
            ]
        );
        for d in [
            Dimension::Area,
            Dimension::Weight,
            Dimension::Money,
            Dimension::Price,
        ] {
            assert!(d.factor("TODO").is_none() && d.unit_names().iter().all(|u| !is_todo(u)));
        }
    }

    #[test]
    fn reports_toml_syntax_errors_with_position() {
        let found = problems("[pipeline]\nname = \"t\nyear = 2019\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("p.toml:2:"), "{found:?}");
    }
}
