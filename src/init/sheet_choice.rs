//! The `sheet` and `header_row` that make the workbook reader read exactly the sheets in
//! which `init` found an input's table: a name, a position, or a pattern (`*村`) when a
//! workbook holds one sheet per village. Each value is checked against every workbook with
//! the reader's own `SheetChoice::pick`; when none fits, the pipeline asks (a `TODO`).

use super::scan::Sheet;
use crate::config::SheetChoice;

/// What the pipeline writes as `sheet`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetValue {
    Name(String),
    /// 1-based.
    Position(usize),
    Pattern(String),
}

/// What the pipeline writes as `header_row`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderRow {
    /// Nothing: the reader finds the header from the mapped headers.
    Found,
    /// The header's first row (1-based), the same in every sheet.
    Row(u32),
    /// The sheets' headers start on different rows, not all found by the reader.
    Differs(Vec<u32>),
}

/// An input's sheets: which to read, and where their header is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetsDraft {
    /// `None`: no one value picks exactly these sheets in every workbook.
    pub choice: Option<SheetValue>,
    pub header_row: HeaderRow,
    /// Each workbook, and the names of the sheets read from it.
    pub read: Vec<(String, Vec<String>)>,
}

/// The draft for `books`: each workbook's path and the sheets of it that hold the table.
pub fn draft(books: &[(String, Vec<&Sheet>)]) -> SheetsDraft {
    let picked: Vec<(&[String], Vec<usize>)> = books
        .iter()
        .map(|(_, sheets)| {
            let names = sheets[0].names.as_slice();
            (names, sheets.iter().map(|s| s.position - 1).collect())
        })
        .collect();
    let all: Vec<&Sheet> = books.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    SheetsDraft {
        choice: choose(&picked),
        header_row: header_row(&all),
        read: books
            .iter()
            .map(|(path, sheets)| {
                (
                    path.clone(),
                    sheets.iter().map(|s| s.name.clone()).collect(),
                )
            })
            .collect(),
    }
}

/// The value that picks, in every workbook (its sheet names), exactly the sheets at the
/// given positions (0-based, in order): the name or position of a single sheet, else the
/// narrowest pattern among a common suffix, a common prefix and `*`.
fn choose(books: &[(&[String], Vec<usize>)]) -> Option<SheetValue> {
    let fits = |choice: &SheetChoice| {
        books
            .iter()
            .all(|(names, chosen)| choice.pick(names) == *chosen)
    };
    let chosen: Vec<&str> = books
        .iter()
        .flat_map(|(names, chosen)| chosen.iter().map(|&i| names[i].as_str()))
        .collect();
    let first = *chosen.first()?;
    if books.iter().all(|(_, c)| c.len() == 1) {
        // Not a name the pipeline would read as a pattern.
        if !first.contains(['*', '?', '[']) && fits(&SheetChoice::Name(first.to_string())) {
            return Some(SheetValue::Name(first.to_string()));
        }
        let position = books[0].1[0] + 1;
        if fits(&SheetChoice::Index(position)) {
            return Some(SheetValue::Position(position));
        }
    }
    let suffix = common(chosen.iter().map(|n| n.chars().rev().collect::<String>()));
    let suffix: String = suffix.chars().rev().collect();
    let prefix = common(chosen.iter().map(|n| n.to_string()));
    let mut patterns = Vec::new();
    if !suffix.is_empty() {
        patterns.push(format!("*{}", glob::Pattern::escape(&suffix)));
    }
    if !prefix.is_empty() {
        patterns.push(format!("{}*", glob::Pattern::escape(&prefix)));
    }
    patterns.push("*".to_string());
    patterns.into_iter().find_map(|p| {
        let pattern = glob::Pattern::new(&p).ok()?;
        fits(&SheetChoice::Pattern(pattern)).then_some(SheetValue::Pattern(p))
    })
}

/// The longest common prefix of the texts.
fn common(mut texts: impl Iterator<Item = String>) -> String {
    let Some(first) = texts.next() else {
        return String::new();
    };
    texts.fold(first, |common, t| {
        common
            .chars()
            .zip(t.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    })
}

fn header_row(sheets: &[&Sheet]) -> HeaderRow {
    if sheets.iter().all(|s| s.row_found) {
        return HeaderRow::Found;
    }
    let mut rows: Vec<u32> = sheets.iter().map(|s| s.header_row).collect();
    rows.sort_unstable();
    rows.dedup();
    match rows[..] {
        [one] => HeaderRow::Row(one),
        _ => HeaderRow::Differs(rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn one_sheet_by_name_or_position_many_by_pattern() {
        let a = names(&["填表说明", "竹林村", "青杠村"]);
        let b = names(&["填表说明", "竹林村", "青杠村", "新华村"]);
        let name = |n: &str| Some(SheetValue::Name(n.to_string()));
        let pattern = |p: &str| Some(SheetValue::Pattern(p.to_string()));
        assert_eq!(choose(&[(&a, vec![1]), (&b, vec![1])]), name("竹林村"));
        let c = names(&["2018年", "x"]);
        let d = names(&["2019年", "y"]);
        assert_eq!(
            choose(&[(&c, vec![0]), (&d, vec![0])]),
            Some(SheetValue::Position(1))
        );
        assert_eq!(
            choose(&[(&a, vec![1, 2]), (&b, vec![1, 2, 3])]),
            pattern("*村")
        );
        let e = names(&["村1", "村2", "说明"]);
        assert_eq!(choose(&[(&e, vec![0, 1])]), pattern("村*"));
        let f = names(&["甲", "乙"]);
        assert_eq!(choose(&[(&f, vec![0, 1])]), pattern("*"));
        // 竹林村 and 汇总 but not 青杠村: no one value.
        assert_eq!(choose(&[(&b, vec![1, 3]), (&a, vec![1])]), None);
        // A pattern's special characters in the names are escaped.
        let g = names(&["[1]村", "[2]村", "x"]);
        assert_eq!(choose(&[(&g, vec![0, 1])]), pattern("*[]]村"));
    }

    #[test]
    fn a_header_row_only_where_the_reader_would_not_find_it() {
        let sheet = |row: u32, found: bool| Sheet {
            name: "s".into(),
            position: 1,
            names: names(&["s"]),
            header_row: row,
            row_found: found,
        };
        let (a, b, c) = (sheet(3, true), sheet(3, false), sheet(5, false));
        assert_eq!(header_row(&[&a, &a]), HeaderRow::Found);
        assert_eq!(header_row(&[&a, &b]), HeaderRow::Row(3));
        assert_eq!(header_row(&[&a, &c]), HeaderRow::Differs(vec![3, 5]));
    }
}
