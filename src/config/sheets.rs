//! How an input's workbooks are read: which sheets, and where their header is. Resolved
//! from `sheet` and `header_row` of `[inputs.X]`; CSV files ignore both.

use toml::Spanned;

use super::spec::RawSheet;
use crate::error::{Location, Problem};
use crate::lang::Msg;
use crate::tr;

/// The most rows a sheet has (Excel's and LibreOffice's limit).
pub const MAX_SHEET_ROWS: i64 = 1_048_576;

/// Which sheets of a workbook make up the table.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetChoice {
    /// The first sheet (no `sheet` given).
    First,
    /// The sheet at this 1-based position, as its tabs are ordered.
    Index(usize),
    /// The sheet of this name.
    Name(String),
    /// Every sheet whose name matches (one sheet per village): they are one table.
    Pattern(glob::Pattern),
}

impl SheetChoice {
    /// The positions (0-based) of the chosen sheets among `names`, in workbook order.
    pub fn pick(&self, names: &[String]) -> Vec<usize> {
        match self {
            SheetChoice::First => (!names.is_empty()).then_some(0).into_iter().collect(),
            SheetChoice::Index(i) => (*i <= names.len()).then(|| i - 1).into_iter().collect(),
            SheetChoice::Name(name) => names.iter().position(|n| n == name).into_iter().collect(),
            SheetChoice::Pattern(p) => (0..names.len()).filter(|&i| p.matches(&names[i])).collect(),
        }
    }

    /// How the choice reads in a message.
    pub fn describe(&self) -> String {
        match self {
            SheetChoice::First => tr!(Msg::CfgSheetFirst),
            SheetChoice::Index(i) => tr!(Msg::CfgSheetIndex, index = i),
            SheetChoice::Name(n) => tr!(Msg::CfgSheetNamed, name = n),
            SheetChoice::Pattern(p) => tr!(Msg::CfgSheetMatching, pattern = p.as_str()),
        }
    }
}

/// The workbook options of one input.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetOptions {
    pub sheet: SheetChoice,
    /// The first row of the header (1-based); `None`: the first row holding the mapped
    /// headers, past title and unit lines.
    pub header_row: Option<u32>,
}

impl Default for SheetOptions {
    fn default() -> SheetOptions {
        SheetOptions {
            sheet: SheetChoice::First,
            header_row: None,
        }
    }
}

/// Resolves `sheet` and `header_row`; a bad value is a problem at `at` of it.
pub fn resolve(
    table: &str,
    sheet: Option<&Spanned<RawSheet>>,
    header_row: Option<&Spanned<i64>>,
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
    problems: &mut Vec<Problem>,
) -> SheetOptions {
    let mut options = SheetOptions::default();
    if let Some(raw) = sheet {
        let mut bad = |message: String| problems.push(Problem::new(at(raw.span()), message));
        options.sheet = match raw.get_ref() {
            RawSheet::Index(i) if *i >= 1 => SheetChoice::Index(*i as usize),
            RawSheet::Index(i) => {
                bad(tr!(Msg::CfgSheetPosition, table = table, value = i));
                SheetChoice::First
            }
            RawSheet::Name(name) if name.trim().is_empty() => {
                bad(tr!(Msg::CfgSheetEmpty, table = table));
                SheetChoice::First
            }
            // What `init` writes where no one value picks the sheets holding the table.
            RawSheet::Name(name) if super::plan::is_todo(name) => {
                bad(tr!(
                    Msg::CfgTodo,
                    place = format!("inputs.{table}.sheet"),
                    value = name,
                    expected = tr!(Msg::InitTodoSheet)
                ));
                SheetChoice::First
            }
            // Excel forbids these characters in sheet names: with them, the name is a pattern.
            RawSheet::Name(name) if name.contains(['*', '?', '[']) => {
                match glob::Pattern::new(name) {
                    Ok(p) => SheetChoice::Pattern(p),
                    Err(e) => {
                        bad(tr!(
                            Msg::CfgSheetPattern,
                            table = table,
                            name = name,
                            error = e.msg
                        ));
                        SheetChoice::First
                    }
                }
            }
            RawSheet::Name(name) => SheetChoice::Name(name.trim().to_string()),
        };
    }
    if let Some(raw) = header_row {
        match *raw.get_ref() {
            row @ 1..=MAX_SHEET_ROWS => options.header_row = Some(row as u32),
            row => problems.push(Problem::new(
                at(raw.span()),
                tr!(
                    Msg::CfgHeaderRow,
                    table = table,
                    value = row,
                    max = MAX_SHEET_ROWS
                ),
            )),
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn picks_sheets_by_position_name_and_pattern() {
        let sheets = names(&["说明", "竹林村", "青杠村", "汇总"]);
        assert_eq!(SheetChoice::First.pick(&sheets), [0]);
        assert_eq!(SheetChoice::Index(3).pick(&sheets), [2]);
        assert!(SheetChoice::Index(5).pick(&sheets).is_empty());
        assert_eq!(SheetChoice::Name("汇总".into()).pick(&sheets), [3]);
        let villages = SheetChoice::Pattern(glob::Pattern::new("*村").unwrap());
        assert_eq!(villages.pick(&sheets), [1, 2]);
        assert!(SheetChoice::First.pick(&[]).is_empty());
    }
}
